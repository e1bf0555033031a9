// SPDX-License-Identifier: EUPL-1.2
// ctg suivi DOSSIER : the tracking table at the latest period or at a date.
#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "cli.hpp"
#include "output_format.hpp"
#include "commands.hpp"
#include "base/text.hpp"
#include "format/loader.hpp"
#include "format/suivi_check.hpp"
#include "suivi/report.hpp"
#include "suivi/sheets.hpp"

namespace ctg::cmd {

namespace {
struct SuiviOptions {
  std::string path;
  std::string format = "texte";
  bool csv_fr = false;
  std::string au;
  std::string output;
};

int run_suivi(const SuiviOptions& o) {
  if (o.csv_fr && o.format != "texte" && o.format != "csv") {
    cli::print_error(fmt::format("--csv-fr produit un CSV ; il ne se combine pas avec --format {}", o.format));
    return cli::unusable;
  }
  std::optional<Date> au;
  if (!o.au.empty() && !(au = parse_iso_date(o.au))) {
    cli::print_error(fmt::format("date {} invalide ; écrivez-la au format AAAA-MM-JJ, par exemple --au 2027-06-30",
                                 guillemets(o.au)));
    return cli::unusable;
  }
  if (!cli::document_output_ok(o.format, o.output)) return cli::unusable;
  suivi::Format format = suivi::Format::Text;
  if (o.csv_fr) format = suivi::Format::CsvFr;
  else if (o.format == "md") format = suivi::Format::Markdown;
  else if (o.format == "csv") format = suivi::Format::Csv;
  else if (o.format == "json") format = suivi::Format::Json;

  LoadResult r = load_file(o.path);
  if (cli::refuse_invalid(r, "la CTG et son suivi doivent être valides pour établir le tableau de suivi"))
    return cli::unusable;
  if (!au) au = format::suivi::latest_date(*r.ctg);
  if (!au) {
    cli::print_error(fmt::format("aucune période de suivi dans {} ; créez le fichier suivi/{}-T1.yaml à côté "
                                 "de ctg.yaml (voir man ctg-suivi), ou donnez une date avec --au",
                                 o.path, r.ctg->convention.debut.year));
    return cli::unusable;
  }
  if (o.format == "xlsx")
    return cli::write_workbook(suivi::workbook(*r.ctg, suivi::snapshot(*r.ctg, *au), r.sources.file(0).path), o.output);
  return cli::write_output(suivi::render(*r.ctg, suivi::snapshot(*r.ctg, *au), format), o.output);
}
}  // namespace

void setup_suivi(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<SuiviOptions>();
  CLI::App* sub = app.add_subcommand("suivi", "Tableau de suivi de la CTG : actions, indicateurs, places, couverture");
  cli::frenchify(*sub);
  sub->add_option("dossier", opts->path, "Dossier de la CTG (contenant ctg.yaml et suivi/) ou fichier CTG")
      ->required()
      ->type_name("DOSSIER");
  CLI::Option* format = sub->add_option("-f,--format", opts->format, "Format de sortie : texte (par défaut), md, csv, json ou xlsx (avec -o)")
      ->check(CLI::IsMember({"texte", "md", "csv", "json", "xlsx"}))
      ->type_name("FORMAT");
  sub->add_flag("--csv-fr", opts->csv_fr, "CSV pour un tableur français : « ; » et virgule décimale");
  sub->add_option("--au", opts->au, "Date du tableau (AAAA-MM-JJ) ; par défaut la fin de la dernière période")
      ->type_name("DATE");
  sub->add_option("-o,--output", opts->output, "Fichier à écrire (sinon la sortie standard) ; écrit d'un seul coup")
      ->type_name("FICHIER");
  sub->footer(
      "Le suivi est lu dans les fichiers suivi/*.yaml du dossier de la CTG (un par période : suivi/2026-T1.yaml).\n"
      "Une action est en retard quand son échéance est passée (strictement) sans qu'elle soit réalisée ni abandonnée.\n"
      "Les notes privées ne sont jamais écrites ; les commentaires le sont.\n"
      "Codes de sortie : 0 tableau produit, 2 fichier illisible ou invalide, ou ligne de commande invalide.\n"
      "Voir aussi : man ctg-suivi, man ctg-bilan.");
  sub->callback([opts, format, &exit_code] {
    // Without -f, the format of -o's extension (convention.pdf → pdf).
    if (!cli::format_from_output(format->count() > 0, opts->format, opts->output, cli::table_extensions))
      exit_code = cli::unusable;
    else
      exit_code = run_suivi(*opts);
  });
}

}  // namespace ctg::cmd
