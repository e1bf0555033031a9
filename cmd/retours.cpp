// SPDX-License-Identifier: EUPL-1.2
// ctg retours SOURCE RETOUR.docx… : the partners' returned Word files, their
// tracked changes, comments and untracked edits, placed in the source.
#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "cli.hpp"
#include "commands.hpp"
#include "format/loader.hpp"
#include "retours/retours.hpp"

namespace ctg::cmd {

namespace {
struct RetoursOptions {
  std::string source;
  std::vector<std::string> returns;
  std::string format = "texte";
  std::string output;
};

int run_retours(const RetoursOptions& o) {
  LoadResult r = load_file(o.source);
  if (cli::refuse_invalid(r, "la source doit être valide pour y rapporter les retours")) return cli::unusable;
  retours::Report report;
  report.source = r.sources.file(0).path;
  try {
    retours::Expected expected = retours::expected(*r.ctg, r.sources);
    for (const auto& path : o.returns) {
      ReadFailure why = ReadFailure::None;
      std::string reason;
      std::optional<std::string> bytes = read_regular_file(path, why, reason);
      if (!bytes) throw retours::Error(reason);
      report.returns.push_back(retours::compare(retours::read_docx(*bytes, path), path, expected));
    }
  } catch (const retours::Error& e) {
    cli::emit(stderr, fmt::format("ctg : erreur : {}\n", e.what()));
    return cli::unusable;
  }
  retours::find_conflicts(report);
  retours::Format f = o.format == "md" ? retours::Format::Markdown
                      : o.format == "json" ? retours::Format::Json : retours::Format::Text;
  int written = cli::write_output(retours::render(report, retours::places(*r.ctg, r.sources), r.sources, f), o.output);
  if (written != cli::ok) return written;
  for (const auto& ret : report.returns)
    if (!ret.findings.empty()) return cli::findings;
  return cli::ok;
}
}  // namespace

void setup_retours(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<RetoursOptions>();
  CLI::App* sub = app.add_subcommand(
      "retours", "Rapporter à la source les retours Word des partenaires : modifications, commentaires, retouches");
  cli::frenchify(*sub);
  sub->add_option("source", opts->source, "Fichier CTG (.yaml) ou dossier contenant ctg.yaml")
      ->required()
      ->type_name("SOURCE");
  sub->add_option("retours", opts->returns, "Fichiers Word (.docx) rendus par les partenaires")
      ->required()
      ->type_name("RETOUR.docx");
  sub->add_option("-f,--format", opts->format, "Format de sortie : texte (par défaut), md (note de copil) ou json")
      ->check(CLI::IsMember({"texte", "md", "json"}))
      ->type_name("FORMAT");
  sub->add_option("-o,--output", opts->output, "Fichier à écrire (sinon la sortie standard) ; écrit d'un seul coup")
      ->type_name("FICHIER");
  sub->footer(
      "Chaque retour doit venir de ctg render -f docx de cette CTG : ses signets (art-6-al-2…) placent chaque\n"
      "modification dans la source. Pandoc est nécessaire (la source est rendue pour repérer les retouches).\n"
      "Codes de sortie : 0 aucun changement, 1 changements trouvés, 2 fichier illisible, retour d'une autre CTG\n"
      "ou sans signets, archive piégée, ou ligne de commande invalide.\n"
      "Voir aussi : man ctg-retours.");
  sub->callback([opts, &exit_code] { exit_code = run_retours(*opts); });
}

}  // namespace ctg::cmd
