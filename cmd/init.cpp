// SPDX-License-Identifier: EUPL-1.2
// ctg init DOSSIER --epci SIREN … : une nouvelle CTG à partir du référentiel officiel.
#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "cli.hpp"
#include "commands.hpp"
#include "init/init.hpp"
#include "base/text.hpp"

namespace ctg::cmd {

namespace {
struct InitOptions {
  std::string dossier, epci, communes, caf, debut, fin, modele;
};

int run_init(const InitOptions& o) {
  init::Options opts;
  opts.dossier = o.dossier;
  opts.epci = o.epci;
  opts.caf = o.caf;
  auto debut = parse_iso_date(o.debut), fin = parse_iso_date(o.fin);
  if (!debut || !fin) {
    cli::print_error(fmt::format("date {} invalide ; écrivez-la AAAA-MM-JJ, par exemple --debut 2026-01-01",
                                 guillemets(!debut ? o.debut : o.fin)),
                     "ctg init");
    return cli::unusable;
  }
  opts.debut = *debut;
  opts.fin = *fin;
  for (std::size_t start = 0; start < o.communes.size();) {
    auto comma = o.communes.find(',', start);
    std::string code = o.communes.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!code.empty()) opts.communes.push_back(code);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (!o.modele.empty()) opts.modele = o.modele;
  init::Result r = init::prepare(referentiel::Store::instance(), opts);
  if (r.error.empty()) r.error = init::write(o.dossier, r.files);
  if (!r.error.empty()) {
    cli::print_error(r.error, "ctg init");
    return cli::unusable;
  }
  std::string out = fmt::format("ctg init : {} fichiers écrits dans {} :", r.files.size(), o.dossier);
  for (const auto& f : r.files) out += " " + f.name;
  out += "\n";
  for (const auto& n : r.notes) out += fmt::format("  note : {}\n", n);
  out += fmt::format("Ensuite : complétez ce qui est marqué « À REMPLIR » et « À DÉCIDER », puis : ctg validate {}\n",
                     o.dossier);
  cli::emit(stdout, out);
  return cli::ok;
}
}  // namespace

void setup_init(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<InitOptions>();
  CLI::App* sub = app.add_subcommand("init", "Préparer une nouvelle CTG pour un EPCI et ses communes, à partir du "
                                             "référentiel officiel");
  cli::frenchify(*sub);
  sub->add_option("dossier", opts->dossier, "Dossier à créer (aucun fichier existant n'est écrasé)")
      ->required()
      ->type_name("DOSSIER");
  sub->add_option("--epci", opts->epci, "SIREN de l'EPCI (ctg referentiel --epci NOM le donne)")
      ->required()
      ->type_name("SIREN");
  sub->add_option("--communes", opts->communes, "Codes INSEE des communes signataires, séparés par des virgules "
                                                "(par défaut : toutes les communes membres)")
      ->type_name("CODES");
  sub->add_option("--caf", opts->caf, "Nom de la Caf signataire")->required()->type_name("NOM");
  sub->add_option("--debut", opts->debut, "Date d'effet de la convention")->required()->type_name("AAAA-MM-JJ");
  sub->add_option("--fin", opts->fin, "Date de fin de la convention")->required()->type_name("AAAA-MM-JJ");
  sub->add_option("--modele", opts->modele, "CTG existante (fichier ou dossier) dont reprendre visas, préambule et "
                                            "articles")
      ->type_name("CTG");
  sub->footer(
      "Exemple : ctg init ma-ctg --epci 200067437 --caf \"Caf des Alpes-de-Haute-Provence\" --debut 2026-01-01\n"
      "          --fin 2030-12-31\n"
      "Codes de sortie : 0 dossier écrit, 2 erreur (rien n'est écrit). Voir aussi : man ctg-init, docs/guide.md.");
  sub->callback([opts, &exit_code] { exit_code = run_init(*opts); });
}

}  // namespace ctg::cmd
