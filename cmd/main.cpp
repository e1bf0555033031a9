// SPDX-License-Identifier: EUPL-1.2
// ctg : la boîte à outils des conventions territoriales globales.
#include <fmt/format.h>

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "cli.hpp"
#include "commands.hpp"
#include "format/format.hpp"
#include "base/interrupt.hpp"
#include "base/text.hpp"
#ifdef _WIN32
#include "base/platform.hpp"
#endif

namespace {

int run(int argc, char** argv) {
  CLI::App app{"ctg — conventions territoriales globales : vérifier, calculer, rendre, comparer", "ctg"};
  ctg::cli::frenchify(app);
  app.set_version_flag("--version",
                       fmt::format("ctg {}\nformat des fichiers CTG : {}", CTG_VERSION, ctg::format::version),
                       "Afficher la version de ctg et celle du format qu'il lit, et quitter");
  app.require_subcommand(1);
  app.footer("Aide d'une sous-commande : ctg SOUS-COMMANDE --help. Manuel : man ctg, man 5 ctg-format.");

  int exit_code = ctg::cli::ok;
  ctg::cmd::setup_validate(app, exit_code);
  ctg::cmd::setup_coverage(app, exit_code);
  ctg::cmd::setup_render(app, exit_code);
  ctg::cmd::setup_diff(app, exit_code);
  ctg::cmd::setup_avenant(app, exit_code);
  ctg::cmd::setup_git_config(app, exit_code);
  ctg::cmd::setup_suivi(app, exit_code);
  ctg::cmd::setup_bilan(app, exit_code);
  ctg::cmd::setup_retours(app, exit_code);
  ctg::cmd::setup_rules(app, exit_code);
  ctg::cmd::setup_schema(app, exit_code);
  ctg::cmd::setup_referentiel(app, exit_code);
  ctg::cmd::setup_init(app, exit_code);
  for (CLI::App* sub : app.get_subcommands({})) sub->group("Sous-commandes");
  ctg::cmd::setup_completion(app, exit_code);  // hidden, after the others

  // An unknown subcommand gets a suggestion, like git's.
  if (argc > 1 && argv[1][0] != '-') {
    std::string word = argv[1];
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands({}))
      if (!sub->get_group().empty()) names.push_back(sub->get_name());
    if (word != "completion" && std::find(names.begin(), names.end(), word) == names.end()) {
      std::string hint;
      if (auto c = ctg::closest(word, names)) hint = fmt::format(" ; vouliez-vous dire {} ?", ctg::guillemets(*c));
      ctg::cli::print_error(fmt::format("sous-commande {} inconnue{}\nSous-commandes : {}. Pour l'aide : ctg --help",
                                        ctg::guillemets(word), hint, ctg::join(names, ", ")));
      return ctg::cli::unusable;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    ctg::cli::emit(stdout, app.help());
    return ctg::cli::ok;
  } catch (const CLI::CallForAllHelp&) {
    ctg::cli::emit(stdout, app.help("", CLI::AppFormatMode::All));
    return ctg::cli::ok;
  } catch (const CLI::CallForVersion& v) {
    ctg::cli::emit(stdout, std::string(v.what()) + "\n");
    return ctg::cli::ok;
  } catch (const CLI::ParseError& e) {
    return ctg::cli::report_parse_error(app, e);
  }
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  ctg::interrupt::install();  // Ctrl-C, SIGTERM, SIGHUP: no temporary file nor child left
  // Nothing may reach the user as an exception or an abort.
  try {
#ifdef _WIN32
    // Windows: the arguments in UTF-8 (argv is in the ANSI code page), the console in UTF-8.
    ctg::platform::setup_console();
    std::vector<std::string> args = ctg::platform::arguments();
    std::vector<char*> utf8_argv;
    for (auto& a : args) utf8_argv.push_back(a.data());
    utf8_argv.push_back(nullptr);
    if (!args.empty()) {
      argc = static_cast<int>(args.size());
      argv = utf8_argv.data();
    }
#endif
    return ctg::cli::finish_stdout(run(argc, argv));
  } catch (const std::bad_alloc&) {
    std::fputs("ctg : erreur : mémoire insuffisante\n", stderr);
  } catch (const std::exception& e) {
    ctg::cli::emit(stderr, fmt::format("ctg : erreur interne : {}\nMerci de signaler ce problème avec le fichier en cause.\n",
                                       e.what()));
  } catch (...) {
    std::fputs("ctg : erreur interne inattendue\n", stderr);
  }
  return ctg::cli::unusable;
}
