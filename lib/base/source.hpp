// SPDX-License-Identifier: EUPL-1.2
// Source files kept in memory so that every diagnostic can quote its line.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ctg {

// A position in a source file: 1-based line, 1-based column counted in
// characters (UTF-8 code points), as an editor shows it. file < 0: no position.
struct Loc {
  int file = -1;
  int line = 0;
  int col = 0;

  bool known() const { return file >= 0 && line > 0; }
  friend bool operator==(const Loc&, const Loc&) = default;
};

struct SourceFile {
  std::string path;     // as given by the user, or relative to the main file
  std::string content;  // raw bytes
  std::vector<std::size_t> line_starts;  // built once, when the file is added
  int last_text_line = 1;                  // the last line that is not blank
};

// Remembers where the previous conversion stopped, so that positions read in
// increasing order (yaml-cpp's events) count each line's characters once: a
// 400 KB line of a thousand values costs 400 KB of counting, not 400 MB.
struct ColumnCursor {
  int file = -1, line0 = -1;
  std::size_t byte = 0, chars = 0;
  std::size_t bytes_counted = 0;  // total work, for the tests
};

class SourceSet {
 public:
  SourceSet() = default;
  SourceSet(const SourceSet&) = delete;
  SourceSet& operator=(const SourceSet&) = delete;
  SourceSet(SourceSet&&) = default;
  SourceSet& operator=(SourceSet&&) = default;
  int add(std::string path, std::string content);
  const SourceFile& file(int index) const { return files_.at(static_cast<std::size_t>(index)); }
  std::size_t size() const { return files_.size(); }

  // The text of 1-based line `line`, without its end of line.
  std::string_view line_text(int file, int line) const;
  // Converts a 0-based (line, byte column) pair, as yaml-cpp reports it, into a Loc.
  Loc from_byte_column(int file, int line0, int byte_col0) const;
  // The same, counting only from where `cursor` stopped when it can.
  Loc from_byte_column(int file, int line0, int byte_col0, ColumnCursor& cursor) const;
  // Converts a byte offset in the file into a Loc.
  Loc from_offset(int file, std::size_t offset) const;

 private:
  // A deque: a file, once added, never moves, and a set is moved but never
  // copied, so that a YAML tree may view its file's text (yaml::Texts::InSource).
  std::deque<SourceFile> files_;
};

// Every file ctg reads (CTG files, inclusions, textconv, git's output) is at
// most this size: far above any real CTG, far below the machine's memory.
constexpr std::size_t max_file_size = std::size_t{64} << 20;

// Why a file could not be read.
enum class ReadFailure { None, Missing, Directory, NotRegular, TooLarge, Unreadable };

// Reads a whole regular file, at most `cap` bytes. A FIFO, a device
// (/dev/zero) or a socket is refused without being read: it could never end.
// On failure returns nullopt, sets `failure` and a French `reason`.
std::optional<std::string> read_regular_file(const std::string& path, ReadFailure& failure, std::string& reason,
                                             std::size_t cap = max_file_size);

// Whether `path` names (links and hard links included: compared by device
// and inode) a file read_regular_file has read in this process: an output
// written there would replace one of the command's own inputs.
bool is_read_file(const std::string& path);

// Number of UTF-8 code points in `s` (continuation bytes not counted).
std::size_t utf8_length(std::string_view s);
// Offset of the first byte that is not valid UTF-8, or npos.
std::size_t find_invalid_utf8(std::string_view s);

}  // namespace ctg
