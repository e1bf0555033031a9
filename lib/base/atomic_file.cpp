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

std::string write_atomically(const std::string& given, std::string_view content) {
  namespace fs = std::filesystem;
  std::string path = given;
  struct stat st {};
  bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) return fmt::format("« {} » est un dossier", given);
  if (exists)
    if (std::string refused = overwrites_input(path); !refused.empty()) return refused;
  if (exists && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) return write_through(path, content);
  if (exists && !S_ISREG(st.st_mode))
    return fmt::format("« {} » n'est pas un fichier ordinaire (socket ou périphérique bloc) : il n'est pas remplacé", given);
  // A symbolic link stays a link: the file it points to is the one replaced.
  if (exists) {
    if (char* real = ::realpath(path.c_str(), nullptr)) {
      path = real;
      std::free(real);
    }
  }
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  std::optional<interrupt::Temporary> guard;  // removed if ctg is interrupted before the rename
  int fd = -1;
  {
    interrupt::Deferred deferred;
    fd = mkstemp(name.data());
    if (fd >= 0) guard.emplace(name.data());
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
  if (failure.empty() && std::rename(name.data(), path.c_str()) != 0)
    failure = fmt::format("impossible de remplacer « {} » ({})", given, system_error(errno));
  if (!failure.empty()) std::remove(name.data());
  return failure;
}

}  // namespace ctg
