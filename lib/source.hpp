// Source files kept in memory so that every diagnostic can quote its line.
#pragma once

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
  std::vector<std::size_t> line_starts;
};

class SourceSet {
 public:
  int add(std::string path, std::string content);
  const SourceFile& file(int index) const { return files_.at(static_cast<std::size_t>(index)); }
  std::size_t size() const { return files_.size(); }

  // The text of 1-based line `line`, without its end of line.
  std::string_view line_text(int file, int line) const;
  // Converts a 0-based (line, byte column) pair, as yaml-cpp reports it, into a Loc.
  Loc from_byte_column(int file, int line0, int byte_col0) const;
  // Converts a byte offset in the file into a Loc.
  Loc from_offset(int file, std::size_t offset) const;

 private:
  std::vector<SourceFile> files_;
};

// Number of UTF-8 code points in `s` (continuation bytes not counted).
std::size_t utf8_length(std::string_view s);
// Offset of the first byte that is not valid UTF-8, or npos.
std::size_t find_invalid_utf8(std::string_view s);

}  // namespace ctg
