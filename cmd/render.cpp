// ctg render FICHIER : the convention as a document to sign, Markdown or HTML.
#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "cli.hpp"
#include "commands.hpp"
#include "loader.hpp"
#include "render.hpp"
#include "rules.hpp"
#include "text.hpp"

namespace ctg::cmd {

namespace {
struct RenderOptions {
  std::string path;
  std::string format = "md";
  std::string part = "tout";
  std::string output;
};

int run_render(const RenderOptions& o) {
  auto part = render::parse_part(o.part);
  if (!part) {
    std::string hint;
    if (auto c = closest(o.part, render::part_names())) hint = fmt::format(" ; vouliez-vous dire {} ?", guillemets(*c));
    std::fprintf(stderr, "ctg : erreur : partie %s inconnue%s\nParties : %s\n", printable(guillemets(o.part)).c_str(), printable(hint).c_str(),
                 join(render::part_names(), ", ").c_str());
    return cli::unusable;
  }
  LoadResult r = load_file(o.path);
  if (cli::refuse_invalid(r, "le fichier doit être valide pour être rendu")) return cli::unusable;
  // « Projet » until `ctg validate --stage signature` would pass.
  rules::Options signing;
  signing.stage = rules::Stage::Signature;
  bool draft = rules::check(*r.ctg, signing).has_errors();
  doc::Document d = render::build(*r.ctg, *part, draft);
  return cli::write_output(o.format == "html" ? render::to_html(d) : render::to_markdown(d), o.output);
}
}  // namespace

void setup_render(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<RenderOptions>();
  CLI::App* sub = app.add_subcommand("render", "Produire la convention à signer, en Markdown ou en HTML");
  cli::frenchify(*sub);
  sub->add_option("fichier", opts->path, "Fichier CTG (.yaml) ou dossier contenant ctg.yaml")->required()->type_name("FICHIER");
  sub->add_option("-f,--format", opts->format, "md (Markdown, par défaut) ou html (un seul fichier, imprimable en A4)")
      ->check(CLI::IsMember({"md", "html"}))
      ->type_name("FORMAT");
  sub->add_option("--part", opts->part,
                  "Partie : tout (par défaut), convention, petite-enfance, annexe-1 … annexe-5")
      ->type_name("PARTIE");
  sub->add_option("-o,--output", opts->output, "Fichier à écrire (sinon la sortie standard) ; écrit d'un seul coup")
      ->type_name("FICHIER");
  sub->footer(
      "Le document porte la mention « Projet » tant que ctg validate --stage signature trouve des erreurs.\n"
      "Pour Word : ctg render ctg.yaml -o convention.md puis pandoc convention.md -o convention.docx.\n"
      "Codes de sortie : 0 document produit, 2 fichier invalide, écriture impossible ou ligne de commande invalide.\n"
      "Voir aussi : man ctg-render.");
  sub->callback([opts, &exit_code] { exit_code = run_render(*opts); });
}

}  // namespace ctg::cmd
