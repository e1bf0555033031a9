// ctg validate FICHIER… : reads each CTG and reports what is wrong with it.
#include <fmt/format.h>

#include <memory>

#include "cli.hpp"
#include "commands.hpp"
#include "loader.hpp"

namespace ctg::cmd {

namespace {
struct ValidateOptions {
  std::vector<std::string> paths;
};

int run_validate(const ValidateOptions& o) {
  HumanStyle style{cli::use_color(stdout)};
  int exit = cli::ok;
  for (const auto& path : o.paths) {
    LoadResult r = load_file(path);
    for (const auto& d : r.diagnostics.items()) std::fputs(format_human(d, r.sources, style).c_str(), stdout);
    std::string shown = r.sources.size() > 0 ? r.sources.file(0).path : path;
    std::fputs(fmt::format("{} : {}\n", shown, summary_line(r.diagnostics)).c_str(), stdout);
    if (r.unusable) exit = cli::unusable;
    else if (r.diagnostics.has_errors() && exit == cli::ok) exit = cli::findings;
  }
  return exit;
}
}  // namespace

void setup_validate(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<ValidateOptions>();
  CLI::App* sub = app.add_subcommand("validate", "Vérifier une ou plusieurs CTG (format, références)");
  cli::frenchify(*sub);
  sub->add_option("fichiers", opts->paths, "Fichiers CTG (.yaml) ou dossiers contenant ctg.yaml")
      ->required()
      ->type_name("FICHIER");
  sub->footer(
      "Codes de sortie : 0 aucune erreur, 1 erreurs trouvées, 2 fichier illisible ou ligne de commande invalide.\n"
      "Voir aussi : man ctg-validate, man 5 ctg-format.");
  sub->callback([opts, &exit_code] { exit_code = run_validate(*opts); });
}

}  // namespace ctg::cmd
