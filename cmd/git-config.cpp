// ctg git-config : makes `git diff` and `git log -p` show CTG files the way
// `ctg diff` does.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli.hpp"
#include "commands.hpp"
#include "git.hpp"

namespace ctg::cmd {

namespace {
struct GitConfigOptions {
  std::string pattern = "*.yaml";
  std::string command;
};

std::string self_path() {
  std::error_code ec;
  auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("ctg") : p.string();
}

int run_git_config(const GitConfigOptions& o) {
  std::string error;
  auto top = git::run({"rev-parse", "--show-toplevel"}, error);
  if (!top) {
    std::fprintf(stderr, "ctg : erreur : ce dossier n'est pas dans un dépôt git (%s)\n", error.c_str());
    return cli::unusable;
  }
  while (!top->empty() && top->back() == '\n') top->pop_back();
  // git runs the driver through the shell: the path is quoted.
  std::string exe = o.command.empty() ? self_path() : o.command;
  if (o.command.empty()) {
    std::string quoted = "'";
    for (char c : exe) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    exe = quoted + "'";
  }
  // git passes 7 arguments to the driver; the textconv gets the file's path.
  for (const auto& [key, value] : {std::pair<std::string, std::string>{"diff.ctg.command", exe + " diff"},
                                   {"diff.ctg.textconv", exe + " diff --textconv"}}) {
    if (!git::run({"config", key, value}, error)) {
      std::fprintf(stderr, "ctg : erreur : %s\n", error.c_str());
      return cli::unusable;
    }
  }
  std::filesystem::path attributes = std::filesystem::path(*top) / ".gitattributes";
  std::string line = o.pattern + " diff=ctg";
  std::string existing;
  {
    std::ifstream in(attributes);
    std::ostringstream b;
    b << in.rdbuf();
    existing = b.str();
  }
  bool present = false;
  {
    std::istringstream lines(existing);
    for (std::string l; std::getline(lines, l);) present = present || l == line;
  }
  if (!present) {
    std::ofstream out(attributes, std::ios::app);
    if (!existing.empty() && existing.back() != '\n') out << '\n';
    out << line << '\n';
    if (!out) {
      std::fprintf(stderr, "ctg : erreur : écriture de %s impossible\n", attributes.string().c_str());
      return cli::unusable;
    }
  }
  std::printf("git diff et git log -p montrent désormais les fichiers %s avec ctg :\n"
              "  .gitattributes : %s\n  git config diff.ctg.command \"%s diff\"\n"
              "  git config diff.ctg.textconv \"%s diff --textconv\"\n"
              "Pensez à valider .gitattributes dans le dépôt.\n",
              o.pattern.c_str(), line.c_str(), exe.c_str(), exe.c_str());
  return cli::ok;
}
}  // namespace

void setup_git_config(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<GitConfigOptions>();
  CLI::App* sub = app.add_subcommand("git-config", "Installer ctg comme pilote de diff de git pour les fichiers CTG");
  cli::frenchify(*sub);
  sub->add_option("--motif", opts->pattern, "Fichiers concernés, au sens de .gitattributes (par défaut *.yaml)")
      ->type_name("MOTIF");
  sub->add_option("--commande", opts->command, "Chemin de ctg à inscrire (par défaut celui de cet exécutable)")
      ->type_name("CHEMIN");
  sub->footer(
      "Équivaut à : echo '*.yaml diff=ctg' >> .gitattributes ; git config diff.ctg.command 'ctg diff' ;\n"
      "git config diff.ctg.textconv 'ctg diff --textconv'. Voir aussi : man ctg-diff.");
  sub->callback([opts, &exit_code] { exit_code = run_git_config(*opts); });
}

}  // namespace ctg::cmd
