// SPDX-License-Identifier: EUPL-1.2
#include "diff/git.hpp"

#include <fmt/format.h>
#ifdef _WIN32
#include "base/platform.hpp"
#else
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

#include <csignal>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/paths.hpp"
#include "base/programs.hpp"
#include "base/text.hpp"

#ifndef _WIN32
extern char** environ;
#endif

namespace ctg::diff::git {

#ifdef _WIN32
// Windows: git.exe of Git for Windows, found in PATH (base/platform_windows.cpp).
std::optional<std::string> run(const std::vector<std::string>& args, std::string& error, int ok_up_to) {
  std::string git = find_program("git");
  if (git.empty()) {
    error = "git est introuvable (installez Git pour Windows : https://git-scm.com/download/win)";
    return std::nullopt;
  }
  std::vector<std::string> full{git};
  full.insert(full.end(), args.begin(), args.end());
  auto c = platform::run_captured(full, 2 * max_file_size, error);
  if (!c) {
    error = fmt::format("impossible de lancer git ({})", error);
    return std::nullopt;
  }
  if (c->too_large) {
    error = fmt::format("la sortie de git dépasse {} octets", 2 * max_file_size);
    return std::nullopt;
  }
  if (c->code > ok_up_to) {
    while (!c->err.empty() && (c->err.back() == '\n' || c->err.back() == '\r')) c->err.pop_back();
    error = fmt::format("git a échoué ({})", c->err.empty() ? "sans message" : c->err);
    return std::nullopt;
  }
  return std::move(c->out);
}
#else

// Why one long function: fork/exec with both pipes, the output bound and the wait: the steps share the descriptors that must all be closed on every path.
std::optional<std::string> run(const std::vector<std::string>& args, std::string& error, int ok_up_to) {
  int out[2], err[2];
  if (pipe(out) != 0 || pipe(err) != 0) {
    error = fmt::format("impossible de lancer git ({})", system_error(errno));
    return std::nullopt;
  }
  // git from PATH's absolute folders only, never the current folder (a cloned
  // repository could hold its own « git »), as for chromium and pandoc.
  std::string git = find_program("git");
  if (git.empty()) {
    for (int fd : {out[0], out[1], err[0], err[1]}) close(fd);
    error = "git est introuvable (Debian : apt install git)";
    return std::nullopt;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  posix_spawn_file_actions_addclose(&actions, err[0]);
  std::vector<std::string> full{git};
  full.insert(full.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : full) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, git.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  close(err[1]);
  if (rc != 0) {
    close(out[0]);
    close(err[0]);
    error = fmt::format("git est introuvable ({})", system_error(rc));
    return std::nullopt;
  }
  // Read both pipes; stderr is small, read it after stdout.
  std::string output, errors;
  char buf[65536];
  bool too_large = false;
  for (ssize_t n; (n = read(out[0], buf, sizeof buf)) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    // The same cap as for files on disk (two of them for `git diff`).
    if (output.size() + static_cast<std::size_t>(n) > 2 * max_file_size) {
      too_large = true;
      kill(pid, SIGTERM);
      break;
    }
    output.append(buf, static_cast<std::size_t>(n));
  }
  for (ssize_t n; (n = read(err[0], buf, sizeof buf)) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (errors.size() < 65536) errors.append(buf, static_cast<std::size_t>(n));
  }
  close(out[0]);
  close(err[0]);
  int status = 0;
  pid_t waited = 0;
  while ((waited = waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
  }
  if (waited < 0) {
    error = fmt::format("git n'a pas pu être attendu ({})", system_error(errno));
    return std::nullopt;
  }
  if (too_large) {
    error = fmt::format("la sortie de git dépasse {} octets", 2 * max_file_size);
    return std::nullopt;
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) > ok_up_to) {
    while (!errors.empty() && (errors.back() == '\n' || errors.back() == '\r')) errors.pop_back();
    error = fmt::format("git a échoué ({})", errors.empty() ? "sans message" : errors);
    return std::nullopt;
  }
  return output;
}
#endif

std::optional<std::string> show(const std::string& rev, const std::string& path, std::string& error) {
  if (rev.empty() || rev[0] == '-') {
    error = fmt::format("révision « {} » refusée : une révision ne commence pas par « - »", rev);
    return std::nullopt;
  }
  std::string rel = path_string(to_path(path).lexically_normal());
  return run({"show", rev + ":./" + rel}, error);
}

Reader reader_at(const std::string& rev) {
  Reader r;
  r.local = false;
  r.prefix = rev + ":";
  r.read = [rev](const std::string& path, std::string& error) { return show(rev, path, error); };
  return r;
}

LoadResult load_version(const std::string& spec) {
  if (auto rp = split_rev_path(spec)) {
    std::string path = rp->second;
    if (path.empty() || path == ".") path = "ctg.yaml";
    else if (path.size() < 5 || (path.substr(path.size() - 5) != ".yaml" && path.substr(path.size() - 4) != ".yml"))
      path += "/ctg.yaml";
    Reader reader = reader_at(rp->first);
    reader.keep_trees = true;  // for diff::compare
    return load_file(path, reader);
  }
  Reader local;
  local.keep_trees = true;
  return load_file(spec, local);
}

std::optional<std::pair<std::string, std::string>> split_rev_path(const std::string& spec) {
  auto colon = spec.find(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
#ifdef _WIN32
  // « C:\… » or « C:/… » is a drive letter, not a revision.
  if (colon == 1 && std::isalpha(static_cast<unsigned char>(spec[0]))) return std::nullopt;
#endif
  // A plain path that exists is a path, even with a colon in it.
  std::error_code ec;
  if (std::filesystem::exists(to_path(spec), ec)) return std::nullopt;
  return std::make_pair(spec.substr(0, colon), spec.substr(colon + 1));
}

}  // namespace ctg::diff::git
