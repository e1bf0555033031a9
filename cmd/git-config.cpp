// SPDX-License-Identifier: EUPL-1.2
// ctg git-config : makes `git diff` and `git log -p` show CTG files the way
// `ctg diff` does.
#include <fmt/format.h>
#ifdef _WIN32
#include <fstream>

#include "base/platform.hpp"
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include <cerrno>
#include <cstring>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>

#include "cli.hpp"
#include "base/paths.hpp"
#include "base/text.hpp"
#include "commands.hpp"
#include "diff/git.hpp"
#include "base/source.hpp"

namespace ctg::cmd {

namespace {
struct GitConfigOptions {
  std::string pattern = "*.yaml";
  std::string command;
};

std::string self_path() {
#ifdef _WIN32
  // Git for Windows runs the driver through its sh: « C:/…/ctg.exe », with « / ».
  std::string p = path_string(platform::executable_path());
  return p.empty() ? std::string("ctg") : p;
#else
  std::error_code ec;
  auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("ctg") : p.string();
#endif
}

// Why one long function: The configuration written in the order git reads it, each setting with its reason.
int run_git_config(const GitConfigOptions& o) {
  // One line of .gitattributes: a pattern with a line end would add others.
  if (o.pattern.empty() || o.pattern.find_first_of("\n\r") != std::string::npos || printable(o.pattern) != o.pattern) {
    cli::emit(stderr, "ctg : erreur : --motif doit être un motif d'une ligne, sans caractère de contrôle (par exemple *.yaml)\n");
    return cli::unusable;
  }
  std::string error;
  auto top = diff::git::run({"rev-parse", "--show-toplevel"}, error);
  if (!top) {
    cli::print_error(fmt::format("ce dossier n'est pas dans un dépôt git ({})", error));
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
    if (!diff::git::run({"config", key, value}, error)) {
      cli::print_error(error);
      return cli::unusable;
    }
  }
  std::filesystem::path attributes = to_path(*top) / ".gitattributes";
  std::string line = o.pattern + " diff=ctg";
  auto refuse = [&](const std::string& why) {
    cli::emit(stderr, fmt::format("ctg : erreur : {} : {} ; ajoutez-y vous-même la ligne « {} »\n",
                                  path_string(attributes), why, line));
    return cli::unusable;
  };
  // .gitattributes is written only if it is a plain file of the repository:
  // a symbolic link could lead anywhere out of it.
#ifdef _WIN32
  std::error_code ec;
  const auto st = std::filesystem::symlink_status(attributes, ec);
  const bool exists = !ec && std::filesystem::exists(st);
  if (exists && std::filesystem::is_symlink(st)) return refuse("c'est un lien symbolique, ctg ne le suit pas");
  if (exists && !std::filesystem::is_regular_file(st)) return refuse("ce n'est pas un fichier ordinaire");
#else
  struct stat st {};
  const bool exists = ::lstat(attributes.c_str(), &st) == 0;
  if (exists && S_ISLNK(st.st_mode)) return refuse("c'est un lien symbolique, ctg ne le suit pas");
  if (exists && !S_ISREG(st.st_mode)) return refuse("ce n'est pas un fichier ordinaire");
#endif
  std::string existing;
  if (exists) {
    ReadFailure failure = ReadFailure::None;
    std::string reason;
    auto content = read_regular_file(path_string(attributes), failure, reason);
    if (!content) return refuse(reason);
    existing = std::move(*content);
  }
  bool present = false;
  {
    std::istringstream lines(existing);
    for (std::string l; std::getline(lines, l);) present = present || l == line;
  }
#ifdef _WIN32
  if (!present) {
    std::ofstream f(attributes, std::ios::binary | std::ios::app);
    f << (!existing.empty() && existing.back() != '\n' ? "\n" : "") << line << "\n";
    f.close();
    if (!f) return refuse("écriture impossible");
  }
#else
  if (!present) {
    int fd = ::open(attributes.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) return refuse(fmt::format("écriture impossible ({})", system_error(errno)));
    std::string add = (!existing.empty() && existing.back() != '\n' ? "\n" : "") + line + "\n";
    bool written = ::write(fd, add.data(), add.size()) == static_cast<ssize_t>(add.size());
    if (::close(fd) != 0 || !written) return refuse(fmt::format("écriture impossible ({})", system_error(errno)));
  }
#endif
  cli::emit(stdout, fmt::format("git diff et git log -p montrent désormais les fichiers {} avec ctg :\n"
                                "  .gitattributes : {}\n  git config diff.ctg.command \"{} diff\"\n"
                                "  git config diff.ctg.textconv \"{} diff --textconv\"\n"
                                "Pensez à valider .gitattributes dans le dépôt.\n",
                                o.pattern, line, exe, exe));
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
