// SPDX-License-Identifier: EUPL-1.2
// ctg coverage FICHIER : the coverage rates of a CTG, per AO and per year.
#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "cli.hpp"
#include "base/text.hpp"
#include "commands.hpp"
#include "coverage/report.hpp"
#include "coverage/sheets.hpp"
#include "format/loader.hpp"
#include "base/values.hpp"

namespace ctg::cmd {

namespace {
struct CoverageOptions {
  std::string path;
  std::string format = "texte";
  bool csv_fr = false;
  std::string target;
  std::string output;
};

int run_coverage(const CoverageOptions& o) {
  coverage::Options options;
  if (!o.target.empty()) {
    options.target = parse_decimal(o.target);
    if (!options.target || options.target->units <= 0 || *options.target > Decimal::from_int(1000)) {
      cli::print_error(fmt::format("cible {} invalide ; écrivez un nombre de places pour 100 enfants entre "
                                   "0 et 1000, par exemple --cible 60", o.target));
      return cli::unusable;
    }
  }
  if (o.csv_fr && o.format != "texte" && o.format != "csv") {
    cli::print_error(fmt::format("--csv-fr produit un CSV ; il ne se combine pas avec --format {}", o.format));
    return cli::unusable;
  }
  if (!cli::document_output_ok(o.format, o.output)) return cli::unusable;
  coverage::Format format = coverage::Format::Text;
  if (o.csv_fr) format = coverage::Format::CsvFr;
  else if (o.format == "md") format = coverage::Format::Markdown;
  else if (o.format == "csv") format = coverage::Format::Csv;
  else if (o.format == "json") format = coverage::Format::Json;

  LoadResult r = load_file(o.path);
  if (cli::refuse_invalid(r, "le fichier doit être valide pour calculer les taux")) return cli::unusable;
  coverage::Report report = coverage::compute(*r.ctg, options);
  if (o.format == "xlsx")
    return cli::write_workbook(coverage::workbook(report, r.sources, r.ctg->convention.titre), o.output);
  return cli::write_output(coverage::render(report, r.sources, format), o.output);
}
}  // namespace

void setup_coverage(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<CoverageOptions>();
  CLI::App* sub = app.add_subcommand("coverage", "Calculer les taux de couverture petite enfance, par AO et par année");
  cli::frenchify(*sub);
  sub->add_option("fichier", opts->path, "Fichier CTG (.yaml) ou dossier contenant ctg.yaml")
      ->required()
      ->type_name("FICHIER");
  sub->add_option("-f,--format", opts->format, "Format de sortie : texte (par défaut), md, csv, json ou xlsx (avec -o)")
      ->check(CLI::IsMember({"texte", "md", "csv", "json", "xlsx"}))
      ->type_name("FORMAT");
  sub->add_flag("--csv-fr", opts->csv_fr, "CSV pour un tableur français : « ; » et virgule décimale");
  sub->add_option("-o,--output", opts->output, "Fichier à écrire (sinon la sortie standard) ; écrit d'un seul coup")
      ->type_name("FICHIER");
  sub->add_option("--cible", opts->target, "Taux visé : places à créer pour l'atteindre, par AO et par année")
      ->type_name("TAUX");
  sub->footer(
      "Le taux Cnaf est en places pour 100 enfants de moins de 3 ans (il peut dépasser 100). Une donnée absente\n"
      "est signalée comme manquante, jamais comptée pour zéro ; le résultat est alors marqué partiel.\n"
      "Codes de sortie : 0 calcul fait, 2 fichier illisible ou invalide, ou ligne de commande invalide.\n"
      "Voir aussi : man ctg-coverage.");
  sub->callback([opts, &exit_code] { exit_code = run_coverage(*opts); });
}

}  // namespace ctg::cmd
