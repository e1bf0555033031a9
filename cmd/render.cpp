// SPDX-License-Identifier: EUPL-1.2
// ctg render FICHIER : the convention as a document to sign: Markdown, HTML,
// PDF (through chromium) or Word (through pandoc), see lib/print.hpp.
#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "cli.hpp"
#include "output_format.hpp"
#include "commands.hpp"
#include "format/loader.hpp"
#include "render/render.hpp"
#include "rules/rules.hpp"
#include "base/text.hpp"

namespace ctg::cmd {

namespace {
struct RenderOptions {
  std::string path;
  std::string format = "md";
  std::string part = "tout";
  std::string stage = "brouillon";
  std::string output;
};

int run_render(const RenderOptions& o) {
  auto part = render::parse_part(o.part);
  if (!part) {
    std::string hint;
    if (auto c = closest(o.part, render::part_names())) hint = fmt::format(" ; vouliez-vous dire {} ?", guillemets(*c));
    cli::print_error(
        fmt::format("partie {} inconnue{}\nParties : {}", guillemets(o.part), hint, join(render::part_names(), ", ")));
    return cli::unusable;
  }
  if (!cli::document_output_ok(o.format, o.output)) return cli::unusable;
  LoadResult r = load_file(o.path);
  if (cli::refuse_invalid(r, "le fichier doit être valide pour être rendu")) return cli::unusable;
  // The stage decides « PROJET »: the rules run only for the signature version, which they may refuse.
  coverage::Report cov = coverage::compute(*r.ctg);
  const bool signing = o.stage == "signature";
  Diagnostics blockers;
  if (signing) blockers = cli::acknowledged(*r.ctg, r.sources, render::signature_blockers(*r.ctg, cov));
  if (signing && cli::refuse_unsignable({{&blockers, &r.sources}}, "convention"))
    return cli::findings;
  render::doc::Document d = render::build(*r.ctg, *part, !signing, &cov);
  cli::stamp_provenance(d, r);
  return cli::write_document(d, o.format, o.output);
}
}  // namespace

void setup_render(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<RenderOptions>();
  CLI::App* sub = app.add_subcommand("render", "Produire la convention à signer : Markdown, HTML, PDF ou Word");
  cli::frenchify(*sub);
  sub->add_option("fichier", opts->path, "Fichier CTG (.yaml) ou dossier contenant ctg.yaml")->required()->type_name("FICHIER");
  CLI::Option* format = sub->add_option("-f,--format", opts->format, "md (Markdown, par défaut), html (un seul fichier, imprimable en A4), pdf (avec chromium) ou docx "
                  "(Word, avec pandoc) ; pdf et docx demandent -o")
      ->check(CLI::IsMember({"md", "html", "pdf", "docx"}))
      ->type_name("FORMAT");
  sub->add_option("--part", opts->part,
                  "Partie : tout (par défaut), convention, petite-enfance, annexe-1 … annexe-5, ou analyse (le document "
                  "d'accompagnement : taux de couverture, graphiques, chiffres clés ; jamais signé)")
      ->type_name("PARTIE");
  sub->add_option("--stage", opts->stage,
                  "Étape : brouillon (par défaut, le projet marqué « PROJET ») ou signature (la version à signer, "
                  "sans la mention ; refusée tant que ctg validate --stage signature trouve des erreurs autres que le "
                  "lieu et la date de signature, écrits à la main)")
      ->check(CLI::IsMember({"brouillon", "signature"}))
      ->type_name("ÉTAPE");
  sub->add_option("-o,--output", opts->output, "Fichier à écrire (sinon la sortie standard) ; écrit d'un seul coup")
      ->type_name("FICHIER");
  sub->footer(
      "Le document porte la mention « PROJET », sauf avec --stage signature (la version que les parties signent).\n"
      "PDF : ctg render ctg.yaml -f pdf -o convention.pdf (programme chromium, paquet Debian chromium).\n"
      "Word : ctg render ctg.yaml -f docx -o convention.docx (programme pandoc, paquet Debian pandoc).\n"
      "Codes de sortie : 0 document produit, 1 version pour signature refusée (erreurs listées), 2 fichier invalide,\n"
      "écriture impossible, chromium ou pandoc absent ou en échec, ou ligne de commande invalide.\n"
      "Voir aussi : man ctg-render.");
  sub->callback([opts, format, &exit_code] {
    // Without -f, the format of -o's extension (convention.pdf → pdf).
    if (!cli::format_from_output(format->count() > 0, opts->format, opts->output, cli::document_extensions))
      exit_code = cli::unusable;
    else
      exit_code = run_render(*opts);
  });
}

}  // namespace ctg::cmd
