// SPDX-License-Identifier: EUPL-1.2
// ctg retours SOURCE RETOUR.docx… : the partners' returned Word files, their
// tracked changes, comments and untracked edits, placed in the source.
#include <fmt/format.h>

#include <vector>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli.hpp"
#include "commands.hpp"
#include "base/atomic_file.hpp"
#include "format/loader.hpp"
#include "retours/retours.hpp"
#include "rules/text_report.hpp"
#include "rules/validation.hpp"

namespace ctg::cmd {

namespace {
struct RetoursOptions {
  std::string source;
  std::vector<std::string> returns;
  std::string format = "texte";
  std::string output;
  bool apply = false;
};

// `--appliquer`, once the changes are written: the checks of ctg validate on the result, as validate writes them.
std::string validate_after(const std::string& source, retours::Format f, retours::Application& a) {
  rules::FileValidation v = rules::validate_file(source, rules::Options{});
  a.checked = {true, v.findings.count(Severity::Error) + (v.unusable() ? 1 : 0), v.findings.count(Severity::Warning),
               v.findings.count(Severity::Note)};
  if (f == retours::Format::Json) return {};
  bool md = f == retours::Format::Markdown;
  rules::TextReportOptions errors_only;  // the errors in full, the rest counted: ctg validate gives the detail
  errors_only.shown = Severity::Error;
  return (md ? "\n## Vérification de la source modifiée (ctg validate)\n\n```\n"
             : "\nVérification de la source modifiée (ctg validate) :\n") +
         rules::validation_text(v, errors_only, HumanStyle{false}) + (md ? "```\n" : "");
}

// Why `-o` is refused, in French, or "": checked before any file of the source is replaced.
std::string output_refused(const std::string& output) {
  if (output.empty()) return {};
  if (std::string refused = overwrites_input(output); !refused.empty()) return refused;
  std::filesystem::path dir = std::filesystem::path(output).parent_path();
  std::error_code ec;
  if (!dir.empty() && !std::filesystem::is_directory(dir, ec))
    return fmt::format("le dossier de « {} » n'existe pas", output);
  return {};
}

// --appliquer: the exact changes written into the source (all files at once), the report, the checks of validate.
int run_apply(const RetoursOptions& o, const retours::Report& report, const retours::Expected& expected,
              const std::map<std::string, retours::Place>& places, const LoadResult& r, retours::Format f) {
  if (std::string refused = output_refused(o.output); !refused.empty()) {
    cli::emit(stderr, fmt::format("ctg : erreur : {} ; rien n'est écrit\n", refused));
    return cli::unusable;
  }
  std::optional<retours::Application> applied;
  try {
    applied = retours::apply(report, expected, places, r.sources);
  } catch (const retours::Error& e) {
    cli::emit(stderr, fmt::format("ctg : erreur : {} ; rien n'est écrit\n", e.what()));
    return cli::unusable;
  }
  if (std::string failure = replace_files(applied->files); !failure.empty()) {
    cli::emit(stderr, fmt::format("ctg : erreur : {} ; aucun fichier de la source n'est modifié\n", failure));
    return cli::unusable;
  }
  std::string checks = applied->files.empty() ? std::string() : validate_after(o.source, f, *applied);
  int written = cli::write_output(retours::render(report, places, r.sources, f, &*applied) + checks, o.output);
  if (written != cli::ok) return written;
  return applied->checked.errors > 0 || !applied->left.empty() ? cli::findings : cli::ok;
}

int run_retours(const RetoursOptions& o) {
  LoadResult r = load_file(o.source);
  if (cli::refuse_invalid(r, "la source doit être valide pour y rapporter les retours")) return cli::unusable;
  retours::Report report;
  report.source = r.sources.file(0).path;
  retours::Expected expected;
  try {
    // Every return read first: a file that is not a usable docx is refused
    // before the source is rendered (which needs pandoc).
    std::vector<retours::Docx> returned;
    for (const auto& path : o.returns) {
      ReadFailure why = ReadFailure::None;
      std::string reason;
      std::optional<std::string> bytes = read_regular_file(path, why, reason);
      if (!bytes) throw retours::Error(fmt::format("« {} » : {}", path, reason));
      returned.push_back(retours::read_docx(*bytes, path));
    }
    expected = retours::expected(*r.ctg, r.sources);
    for (std::size_t i = 0; i < returned.size(); ++i)
      report.returns.push_back(retours::compare(returned[i], o.returns[i], expected));
  } catch (const retours::Error& e) {
    cli::emit(stderr, fmt::format("ctg : erreur : {}\n", e.what()));
    return cli::unusable;
  }
  retours::find_conflicts(report);
  retours::Format f = o.format == "md" ? retours::Format::Markdown
                      : o.format == "json" ? retours::Format::Json : retours::Format::Text;
  auto places = retours::places(*r.ctg, r.sources);
  if (!o.apply) {
    int written = cli::write_output(retours::render(report, places, r.sources, f), o.output);
    if (written != cli::ok) return written;
    for (const auto& ret : report.returns)
      if (!ret.findings.empty()) return cli::findings;
    return cli::ok;
  }
  return run_apply(o, report, expected, places, r, f);
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
  sub->add_flag("--appliquer", opts->apply,
                "Reporter dans la source les changements qui s'y rapportent exactement (un texte, une cellule), "
                "les autres octets du YAML inchangés ; le reste est listé à reporter à la main, puis la source est "
                "vérifiée comme par ctg validate");
  sub->add_option("-o,--output", opts->output, "Fichier à écrire (sinon la sortie standard) ; écrit d'un seul coup")
      ->type_name("FICHIER");
  sub->footer(
      "Chaque retour doit venir de ctg render -f docx de cette CTG : ses signets (art-6-al-2…) placent chaque\n"
      "modification dans la source. Pandoc est nécessaire (la source est rendue pour repérer les retouches).\n"
      "--appliquer écrit dans la source les seuls changements qui s'y rapportent exactement ; commentaires, conflits\n"
      "et retours d'une autre version de la source restent à reporter à la main.\n"
      "Codes de sortie : 0 aucun changement (--appliquer : tout appliqué, source sans erreur), 1 changements trouvés\n"
      "(--appliquer : reste à reporter à la main, ou erreurs de validate), 2 fichier illisible, retour d'une autre\n"
      "CTG ou sans signets, archive piégée, source impossible à réécrire, ou ligne de commande invalide.\n"
      "Voir aussi : man ctg-retours.");
  sub->callback([opts, &exit_code] { exit_code = run_retours(*opts); });
}

}  // namespace ctg::cmd
