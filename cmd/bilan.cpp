// SPDX-License-Identifier: EUPL-1.2
// ctg bilan DOSSIER --annuel ANNÉE | --intermediaire | --final : the bilan for the copil.
#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "cli.hpp"
#include "output_format.hpp"
#include "commands.hpp"
#include "base/text.hpp"
#include "format/loader.hpp"
#include "render/render.hpp"
#include "bilan/bilan.hpp"

namespace ctg::cmd {

namespace {
struct BilanCliOptions {
  std::string path;
  int annuel = 0;
  bool intermediaire = false;
  bool final = false;
  bool provisoire = false;
  std::string format = "md";
  std::string part = "tout";
  std::string au;
  std::string output;
};

int run_bilan(const BilanCliOptions& o) {
  int kinds = (o.annuel ? 1 : 0) + (o.intermediaire ? 1 : 0) + (o.final ? 1 : 0);
  if (kinds != 1) {
    cli::print_error("choisissez un bilan, et un seul : --annuel ANNÉE, --intermediaire ou --final");
    return cli::unusable;
  }
  if (o.part != "tout" && o.part != "petite-enfance") {
    cli::print_error(fmt::format("partie {} inconnue ; parties : tout, petite-enfance", guillemets(o.part)));
    return cli::unusable;
  }
  bilan::BilanOptions options;
  options.kind = o.annuel ? bilan::BilanKind::Annuel
                 : o.intermediaire ? bilan::BilanKind::Intermediaire
                                   : bilan::BilanKind::Final;
  options.year = o.annuel;
  options.petite_enfance = o.part == "petite-enfance";
  options.provisoire = o.provisoire;
  if (!o.au.empty() && !(options.au = parse_iso_date(o.au))) {
    cli::print_error(fmt::format("date {} invalide ; écrivez-la au format AAAA-MM-JJ, par exemple --au 2027-12-31",
                                 guillemets(o.au)));
    return cli::unusable;
  }
  if (!cli::document_output_ok(o.format, o.output)) return cli::unusable;
  LoadResult r = load_file(o.path);
  if (cli::refuse_invalid(r, "la CTG et son suivi doivent être valides pour établir un bilan")) return cli::unusable;
  std::string error;
  auto d = bilan::build_bilan(*r.ctg, options, error);
  if (!d) {
    cli::print_error(error);
    return cli::unusable;
  }
  return cli::write_document(*d, o.format, o.output);
}
}  // namespace

void setup_bilan(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<BilanCliOptions>();
  CLI::App* sub = app.add_subcommand("bilan", "Bilan annuel, intermédiaire ou final de la CTG, pour le comité de pilotage");
  cli::frenchify(*sub);
  sub->add_option("dossier", opts->path, "Dossier de la CTG (contenant ctg.yaml et suivi/) ou fichier CTG")
      ->required()
      ->type_name("DOSSIER");
  sub->add_option("--annuel", opts->annuel, "Bilan annuel de l'année donnée : --annuel 2027")
      ->type_name("ANNÉE")
      ->check(CLI::Range(1900, 2200));
  sub->add_flag("--intermediaire", opts->intermediaire, "Bilan intermédiaire (mi-parcours)");
  sub->add_flag("--final", opts->final, "Bilan final (résultats, préparation du renouvellement)");
  sub->add_flag("--provisoire", opts->provisoire,
                "Bilan annuel ou final marqué « provisoire » quand le suivi n'atteint pas encore la fin de la période");
  CLI::Option* format = sub->add_option("-f,--format", opts->format,
                  "md (Markdown, par défaut), html (imprimable en A4), pdf (avec chromium) ou docx (Word, avec pandoc) ; "
                  "pdf et docx demandent -o")
      ->check(CLI::IsMember({"md", "html", "pdf", "docx"}))
      ->type_name("FORMAT");
  sub->add_option("--part", opts->part, "tout (par défaut) ou petite-enfance (volet transmis au CDSF)")
      ->type_name("PARTIE");
  sub->add_option("--au", opts->au, "Date de la situation décrite (AAAA-MM-JJ) ; par défaut la fin de la dernière période")
      ->type_name("DATE");
  sub->add_option("-o,--output", opts->output, "Fichier à écrire (sinon la sortie standard) ; écrit d'un seul coup")
      ->type_name("FICHIER");
  sub->footer(
      "Le bilan lit le suivi (suivi/*.yaml) : synthèse, avancement par axe, indicateurs, places et taux de\n"
      "couverture réalisés et prévus, changements depuis le dernier bilan, difficultés, décisions à prendre.\n"
      "PDF : ctg bilan . --annuel 2027 -f pdf -o bilan-2027.pdf (programme chromium, paquet Debian chromium).\n"
      "Word : ctg bilan . --annuel 2027 -f docx -o bilan-2027.docx (programme pandoc, paquet Debian pandoc).\n"
      "Un bilan annuel ou final demande un suivi jusqu'à la fin de sa période, sinon --provisoire.\n"
      "Codes de sortie : 0 bilan produit, 2 fichier invalide, pas de suivi ou suivi trop court pour la période,\n"
      "écriture impossible, chromium ou pandoc absent ou en échec, ou ligne de commande invalide.\n"
      "Voir aussi : man ctg-bilan, man ctg-suivi.");
  sub->callback([opts, format, &exit_code] {
    // Without -f, the format of -o's extension (convention.pdf → pdf).
    if (!cli::format_from_output(format->count() > 0, opts->format, opts->output, cli::document_extensions))
      exit_code = cli::unusable;
    else
      exit_code = run_bilan(*opts);
  });
}

}  // namespace ctg::cmd
