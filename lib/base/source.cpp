// SPDX-License-Identifier: EUPL-1.2
#include "base/source.hpp"

#include "base/atomic_file.hpp"

#include <fmt/format.h>
#ifndef _WIN32  // Windows: read_regular_file is in files_windows.cpp
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <set>
#include <utility>

#include "base/text.hpp"

namespace ctg {

int SourceSet::add(std::string path, std::string content) {
  // A UTF-8 byte order mark (Windows editors) is not part of the text.
  if (content.rfind("\xEF\xBB\xBF", 0) == 0) content.erase(0, 3);
  SourceFile f{std::move(path), std::move(content), {0}, 1};
  // Reserved at its exact size: a national CTG has more than a million lines.
  f.line_starts.reserve(1 + static_cast<std::size_t>(std::count(f.content.begin(), f.content.end(), '\n')));
  for (std::size_t i = 0; i < f.content.size(); ++i)
    if (f.content[i] == '\n') f.line_starts.push_back(i + 1);
  files_.push_back(std::move(f));
  SourceFile& added = files_.back();
  int last = static_cast<int>(added.line_starts.size());
  while (last > 1 && line_text(static_cast<int>(files_.size() - 1), last).empty()) --last;
  added.last_text_line = last;
  return static_cast<int>(files_.size() - 1);
}

std::string_view SourceSet::line_text(int file, int line) const {
  if (file < 0 || static_cast<std::size_t>(file) >= files_.size() || line < 1) return {};
  const SourceFile& f = files_[static_cast<std::size_t>(file)];
  auto idx = static_cast<std::size_t>(line - 1);
  if (idx >= f.line_starts.size()) return {};
  std::size_t begin = f.line_starts[idx];
  std::size_t end = idx + 1 < f.line_starts.size() ? f.line_starts[idx + 1] : f.content.size();
  std::string_view text(f.content.data() + begin, end - begin);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

Loc SourceSet::from_byte_column(int file, int line0, int byte_col0) const {
  ColumnCursor fresh;
  return from_byte_column(file, line0, byte_col0, fresh);
}

Loc SourceSet::from_byte_column(int file, int line0, int byte_col0, ColumnCursor& cursor) const {
  if (line0 < 0 || byte_col0 < 0) return Loc{file, 1, 1};
  // yaml-cpp reports an unexpected end of file after the last line: point at
  // the end of the last line that has text instead.
  const int last = files_.at(static_cast<std::size_t>(file)).last_text_line;
  if (line0 + 1 > last) {
    line0 = last - 1;
    byte_col0 = static_cast<int>(line_text(file, last).size());
  }
  std::string_view text = line_text(file, line0 + 1);
  const auto col = static_cast<std::size_t>(byte_col0);
  const std::size_t end = std::min(text.size(), col);
  if (cursor.file != file || cursor.line0 != line0 || cursor.byte > end) cursor = {file, line0, 0, 0, cursor.bytes_counted};
  cursor.chars += utf8_length(text.substr(cursor.byte, end - cursor.byte));
  cursor.bytes_counted += end - cursor.byte;
  cursor.byte = end;
  std::size_t beyond = col > text.size() ? col - text.size() : 0;
  return Loc{file, line0 + 1, static_cast<int>(cursor.chars + beyond) + 1};
}

Loc SourceSet::from_offset(int file, std::size_t offset) const {
  const SourceFile& f = files_.at(static_cast<std::size_t>(file));
  auto it = std::upper_bound(f.line_starts.begin(), f.line_starts.end(), offset);
  auto line0 = static_cast<int>(it - f.line_starts.begin()) - 1;
  return from_byte_column(file, line0, static_cast<int>(offset - f.line_starts[static_cast<std::size_t>(line0)]));
}

// Linux and Windows (is_read_file is in each platform's part).
std::string overwrites_input(const std::string& path) {
  if (!is_read_file(path)) return {};
  return fmt::format("« {} » est un des fichiers lus par cette commande (la CTG, un fichier inclus ou de suivi) : "
                     "l'écrire le remplacerait ; choisissez un autre fichier de sortie",
                     path);
}

#ifndef _WIN32
namespace {

// The (device, inode) of every file read: `validate -j` reads from several threads.
std::mutex read_files_mutex;
std::set<std::pair<dev_t, ino_t>> read_files;

void remember_read(const struct stat& st) {
  std::lock_guard lock(read_files_mutex);
  read_files.emplace(st.st_dev, st.st_ino);
}

}  // namespace

bool is_read_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return false;
  std::lock_guard lock(read_files_mutex);
  return read_files.count({st.st_dev, st.st_ino}) > 0;
}

std::optional<std::string> read_regular_file(const std::string& path, ReadFailure& failure, std::string& reason,
                                             std::size_t cap) {
  auto fail = [&](ReadFailure f, std::string why) -> std::optional<std::string> {
    failure = f;
    reason = std::move(why);
    return std::nullopt;
  };
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return fail(ReadFailure::Missing, "fichier introuvable");
    if (errno == EISDIR) return fail(ReadFailure::Directory, "c'est un dossier");
    return fail(ReadFailure::Unreadable, fmt::format("ouverture impossible ({})", system_error(errno)));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return fail(ReadFailure::Unreadable, fmt::format("lecture impossible ({})", system_error(errno)));
  if (S_ISDIR(st.st_mode)) return fail(ReadFailure::Directory, "c'est un dossier");
  if (!S_ISREG(st.st_mode))
    return fail(ReadFailure::NotRegular, "ce n'est pas un fichier ordinaire (tube, périphérique ou socket)");
  if (static_cast<std::uintmax_t>(st.st_size) > cap)
    return fail(ReadFailure::TooLarge, fmt::format("fichier trop volumineux ({} octets ; au plus {})", st.st_size, cap));
  int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  std::string content;
  content.reserve(static_cast<std::size_t>(st.st_size));
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(ReadFailure::Unreadable, fmt::format("lecture impossible ({})", system_error(errno)));
    if (n == 0) break;
    if (content.size() + static_cast<std::size_t>(n) > cap)  // a file that grows while read
      return fail(ReadFailure::TooLarge, fmt::format("fichier trop volumineux (plus de {} octets)", cap));
    content.append(buf, static_cast<std::size_t>(n));
  }
  failure = ReadFailure::None;
  remember_read(st);
  return content;
}
#endif

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::size_t find_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    if (len == 2 && c < 0xC2) return i;  // overlong
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    if (len == 3) {
      auto c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return i;
    }
    if (len == 4) {
      auto c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90) || c > 0xF4) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace ctg
