// SPDX-License-Identifier: EUPL-1.2
#include "base/atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <vector>

#include "base/interrupt.hpp"
#include "base/source.hpp"
#include "base/text.hpp"

namespace ctg {

namespace {

std::string write_all(int fd, std::string_view content) {
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fmt::format("écriture impossible ({})", system_error(errno));
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return {};
}

// A device or a named pipe (/dev/null, /dev/stdout, /dev/full, a FIFO): there
// is nothing to replace, the content is written through it, errors reported.
std::string write_through(const std::string& path, std::string_view content) {
  // O_NONBLOCK: a pipe without reader is refused instead of waiting forever.
  int fd = ::open(path.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENXIO) return fmt::format("« {} » est un tube que personne ne lit", path);
    return fmt::format("ouverture de « {} » impossible ({})", path, system_error(errno));
  }
  int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  std::string failure = write_all(fd, content);
  if (::close(fd) != 0 && failure.empty()) failure = fmt::format("écriture impossible ({})", system_error(errno));
  return failure;
}

}  // namespace

namespace {

// A temporary file beside `target` holding `content`, with the permissions
// the replaced file had (or those of a new file): the first half of an
// atomic replacement. Returns a French failure, or "" with `name` set.
std::string stage(const std::string& path, bool exists, const struct stat& st,
                  std::string_view content, std::vector<char>& name, std::optional<interrupt::Temporary>& guard) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  name.assign(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = -1;
  {
    interrupt::Deferred deferred;
    fd = mkstemp(name.data());
    if (fd >= 0) guard.emplace(name.data());  // removed if ctg is interrupted before the rename
  }
  if (fd < 0) return fmt::format("impossible de créer un fichier dans « {} » ({})", dir.string(), system_error(errno));
  std::string failure = write_all(fd, content);
  if (failure.empty() && ::fsync(fd) != 0) failure = fmt::format("écriture impossible ({})", system_error(errno));
  if (failure.empty()) {
    if (exists) {
      // The replaced file keeps its permissions (a 0600 file stays private) and, for root, its owner.
      ::fchmod(fd, st.st_mode & 07777);
      if (::geteuid() == 0) (void)!::fchown(fd, st.st_uid, st.st_gid);
    } else {
      // Readable like a file made by the user's editor (mkstemp makes it 0600).
      mode_t mask = umask(0);
      umask(mask);
      ::fchmod(fd, 0666 & ~mask);
    }
  }
  if (::close(fd) != 0 && failure.empty()) failure = fmt::format("écriture impossible ({})", system_error(errno));
  if (!failure.empty()) std::remove(name.data());
    return failure;
}

// The path a replacement renames onto: a symbolic link stays a link, the file it points to is replaced.
std::string real_target(const std::string& path) {
  std::string out = path;
  if (char* real = ::realpath(path.c_str(), nullptr)) {
    out = real;
    std::free(real);
  }
  return out;
}

}  // namespace

std::string write_atomically(const std::string& given, std::string_view content) {
  std::string path = given;
  struct stat st {};
  bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) return fmt::format("« {} » est un dossier", given);
  if (exists)
    if (std::string refused = overwrites_input(path); !refused.empty()) return refused;
  if (exists && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) return write_through(path, content);
  if (exists && !S_ISREG(st.st_mode))
    return fmt::format("« {} » n'est pas un fichier ordinaire (socket ou périphérique bloc) : il n'est pas remplacé", given);
  if (exists) path = real_target(path);
  std::vector<char> name;
  std::optional<interrupt::Temporary> guard;
  std::string failure = stage(path, exists, st, content, name, guard);
  if (failure.empty() && std::rename(name.data(), path.c_str()) != 0) {
    failure = fmt::format("impossible de remplacer « {} » ({})", given, system_error(errno));
    std::remove(name.data());
  }
  return failure;
}

std::string replace_files(const std::vector<std::pair<std::string, std::string>>& files) {
  struct Staged {
    std::string path;
    std::vector<char> name;
    std::optional<interrupt::Temporary> guard;
  };
  std::vector<Staged> staged(files.size());
  std::string failure;
  for (std::size_t i = 0; i < files.size() && failure.empty(); ++i) {
    const std::string& given = files[i].first;
    struct stat st {};
    if (::stat(given.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
      failure = fmt::format("« {} » n'est plus un fichier ordinaire : rien n'est écrit", given);
    else
      failure = stage(staged[i].path = real_target(given), true, st, files[i].second, staged[i].name,
                      staged[i].guard);
    if (!failure.empty()) failure = fmt::format("« {} » : {}", given, failure);
  }
  if (!failure.empty()) {
    for (auto& s : staged)
      if (!s.name.empty()) std::remove(s.name.data());
    return failure;
  }
  // Every file is written beside its target: the renames, each atomic, cannot run out of space.
  interrupt::Deferred deferred;
  for (std::size_t i = 0; i < staged.size(); ++i)
    if (std::rename(staged[i].name.data(), staged[i].path.c_str()) != 0) {
      failure = fmt::format("impossible de remplacer « {} » ({})", files[i].first, system_error(errno));
      for (std::size_t k = i; k < staged.size(); ++k) std::remove(staged[k].name.data());
      return failure;
    }
  return {};
}

}  // namespace ctg
