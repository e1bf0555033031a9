// SPDX-License-Identifier: EUPL-1.2
// ctg referentiel : les codes et populations légales officiels, hors ligne.
#include <chrono>
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "cli.hpp"
#include "commands.hpp"
#include "referentiel/insee.hpp"
#include "referentiel/lookup.hpp"

namespace ctg::cmd {

namespace {
struct ReferentielOptions {
  std::string query, epci, format = "texte", output, importer;
  int millesime = 0;
};

// Today's date (UTC), AAAA-MM-JJ: the date of an import.
std::string today() {
  auto d = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

// --importer FICHIER --millesime M: the Insee's file into the user's referential.
int run_import(const ReferentielOptions& o) {
  if (!o.millesime || !o.query.empty() || !o.epci.empty() || !o.output.empty() || o.format != "texte") {
    cli::print_error("--importer FICHIER demande --millesime M, et rien d'autre\n"
                     "  exemple : ctg referentiel --importer donnees_communes.csv --millesime 2023",
                     "ctg referentiel");
    return cli::unusable;
  }
  referentiel::Store& store = referentiel::Store::instance();
  auto r = referentiel::import_insee(store, o.importer, o.millesime, referentiel::user_directory(), today());
  if (!r.error.empty()) {
    cli::print_error(r.error, "ctg referentiel");
    return cli::unusable;
  }
  constexpr std::size_t shown = 10;
  for (std::size_t i = 0; i < r.warnings.size() && i < shown; ++i)
    cli::emit(stderr, "ctg referentiel : avertissement : " + r.warnings[i] + "\n");
  if (r.warnings.size() > shown)
    cli::emit(stderr, fmt::format("ctg referentiel : avertissement : … et {} autres communes inconnues ignorées\n",
                                  r.warnings.size() - shown));
  cli::emit(stdout, r.summary);
  return cli::ok;
}

int run_referentiel(const ReferentielOptions& o) {
  if (!o.importer.empty()) return run_import(o);
  if (o.query.empty() == o.epci.empty()) {
    cli::print_error("donnez un code INSEE ou un nom de commune, ou --epci SIREN (pas les deux)\n"
                     "  exemples : ctg referentiel 04070 ; ctg referentiel \"Digne\" ; ctg referentiel --epci 200067437",
                     "ctg referentiel");
    return cli::unusable;
  }
  if (!cli::document_output_ok(o.format, o.output)) return cli::unusable;
  referentiel::Query q{o.query, o.epci, std::nullopt, referentiel::Output::Texte};
  if (o.millesime) q.millesime = o.millesime;
  if (o.format == "json") q.output = referentiel::Output::Json;
  if (o.format == "csv") q.output = referentiel::Output::Csv;
  if (o.format == "xlsx") q.output = referentiel::Output::Xlsx;
  referentiel::Answer a = referentiel::lookup(referentiel::Store::instance(), q);
  if (!a.error.empty()) {
    cli::print_error(a.error, "ctg referentiel");
    return cli::unusable;
  }
  if (!a.found) {
    cli::emit(stderr, a.text);
    return cli::findings;
  }
  if (q.output == referentiel::Output::Xlsx) return cli::write_workbook(a.book, o.output);
  return cli::write_output(a.text, o.output);
}
}  // namespace

void setup_referentiel(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<ReferentielOptions>();
  CLI::App* sub = app.add_subcommand(
      "referentiel", "Codes INSEE, EPCI et populations légales officiels (sans réseau) : ctg referentiel 04070");
  cli::frenchify(*sub);
  sub->add_option("recherche", opts->query, "Code INSEE (04070) ou nom de commune (accents et tirets ignorés)")
      ->type_name("CODE|NOM");
  sub->add_option("--epci", opts->epci, "SIREN (ou nom) d'un EPCI : ses communes, leurs populations et obligations")
      ->type_name("SIREN");
  sub->add_option("--millesime", opts->millesime, "Millésime des populations (par défaut : tous pour une commune, "
                                                  "le plus récent connu pour un EPCI)")
      ->type_name("ANNÉE");
  sub->add_option("--importer", opts->importer,
                  "Fichier des populations légales des communes publié par l'Insee (donnees_communes.csv) : "
                  "l'ajoute, pour --millesime M, au référentiel de l'utilisateur")
      ->type_name("FICHIER");
  sub->add_option("-f,--format", opts->format, "Format : texte (par défaut), json, csv ou xlsx (avec -o)")
      ->check(CLI::IsMember({"texte", "json", "csv", "xlsx"}))
      ->type_name("FORMAT");
  sub->add_option("-o,--output", opts->output, "Fichier à écrire (sinon la sortie standard) ; écrit d'un seul coup")
      ->type_name("FICHIER");
  sub->footer(
      "Le millésime M des populations légales fait foi à partir du 1er janvier M+3. Données : data/referentiel\n"
      "(ou la variable CTG_REFERENTIEL), provenance dans PROVENANCE.md. Un millésime importé de l'Insee\n"
      "(--importer) va dans CTG_REFERENTIEL_UTILISATEUR, sinon ~/.local/share/ctg/referentiel, lu en premier.\n"
      "Codes de sortie : 0 trouvé, 1 rien trouvé, 2 erreur. Voir aussi : man ctg-referentiel.");
  sub->callback([opts, &exit_code] { exit_code = run_referentiel(*opts); });
}

}  // namespace ctg::cmd
