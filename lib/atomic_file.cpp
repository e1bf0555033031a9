#include "atomic_file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>
#include <vector>

namespace ctg {

std::string write_atomically(const std::string& path, std::string_view content) {
  namespace fs = std::filesystem;
  fs::path target(path);
  std::error_code ec;
  if (fs::is_directory(target, ec)) return fmt::format("« {} » est un dossier", path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) return fmt::format("impossible de créer un fichier dans « {} » ({})", dir.string(), std::strerror(errno));
  std::string failure;
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      failure = fmt::format("écriture impossible ({})", std::strerror(errno));
      break;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (failure.empty() && ::fsync(fd) != 0) failure = fmt::format("écriture impossible ({})", std::strerror(errno));
  ::close(fd);
  if (failure.empty()) {
    // Readable like a file made by the user's editor (mkstemp makes it 0600).
    mode_t mask = umask(0);
    umask(mask);
    fs::permissions(name.data(), static_cast<fs::perms>(0666 & ~mask), ec);
    if (std::rename(name.data(), path.c_str()) != 0)
      failure = fmt::format("impossible de remplacer « {} » ({})", path, std::strerror(errno));
  }
  if (!failure.empty()) std::remove(name.data());
  return failure;
}

}  // namespace ctg
