// SPDX-License-Identifier: EUPL-1.2
#include "test_util.hpp"

#include "base/atomic_file.hpp"
#include "base/digest.hpp"
#include "base/source.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace ctg;

TEST_CASE("columns are counted in characters, from 1") {
  SourceSet s;
  int f = s.add("x.yaml", "nom: Château\n  é: là\n");
  // yaml-cpp reports line 1 (0-based), byte column 5 for « é » (after two spaces and... )
  CHECK(s.from_byte_column(f, 0, 5) == Loc{f, 1, 6});
  // « là » starts at byte 6 of line 2: two spaces, « é » (2 bytes), « : », space.
  CHECK(s.from_byte_column(f, 1, 6) == Loc{f, 2, 6});
  CHECK(s.line_text(f, 2) == "  é: là");
  CHECK(s.line_text(f, 3).empty());
  CHECK(s.from_offset(f, 13) == Loc{f, 1, 13});  // the end of line 1
  CHECK(s.from_offset(f, 14) == Loc{f, 2, 1});
}

TEST_CASE("a byte order mark is not a column") {
  SourceSet s;
  int f = s.add("bom.yaml", "\xEF\xBB\xBF" "format: ctg/1\n");
  CHECK(s.file(f).content == "format: ctg/1\n");
  CHECK(s.from_byte_column(f, 0, 0) == Loc{f, 1, 1});
}

TEST_CASE("CRLF line ends are not part of the line") {
  SourceSet s;
  int f = s.add("w.yaml", "a: 1\r\nb: 2\r\n");
  CHECK(s.line_text(f, 1) == "a: 1");
  CHECK(s.line_text(f, 2) == "b: 2");
}

TEST_CASE("invalid UTF-8 is located") {
  CHECK(find_invalid_utf8("déjà") == std::string_view::npos);
  CHECK(find_invalid_utf8("d\xe9j\xe0") == 1);          // Latin-1
  CHECK(find_invalid_utf8("ab\xC0\xAF") == 2);          // overlong
  CHECK(find_invalid_utf8("ab\xED\xA0\x80") == 2);      // surrogate
  CHECK(find_invalid_utf8("\xF0\x9F\x98\x80") == std::string_view::npos);
  CHECK(utf8_length("Château") == 7);
}

// Issue 12, defect 5: columns were recounted from the start of the line for
// every position (400 KB on one line: 27 s).
TEST_CASE("positions read in order count each line once") {
  SourceSet s;
  std::string line;
  for (int i = 0; i < 100'000; ++i) line += "é, ";
  int f = s.add("long.yaml", "a: [" + line + "]\n" + std::string(200'000, '\n'));
  ColumnCursor cursor;
  for (int i = 0; i < 100'000; ++i) {
    Loc l = s.from_byte_column(f, 0, 4 + 4 * i, cursor);
    REQUIRE(l.col == 5 + 3 * i);
  }
  CHECK(cursor.bytes_counted <= line.size() + 4);
  // Past the end (trailing blank lines): the end of the last line of text.
  CHECK(s.from_byte_column(f, 150'000, 0) == Loc{f, 1, static_cast<int>(utf8_length(s.line_text(f, 1))) + 1});
  CHECK(s.file(f).last_text_line == 1);
}

// Issue 12, defect 7: a FIFO or a device was read without end.
TEST_CASE("only regular files are read, at most the cap") {
  ReadFailure failure = ReadFailure::None;
  std::string reason;
  CHECK_FALSE(read_regular_file("/dev/zero", failure, reason));
  CHECK(failure == ReadFailure::NotRegular);
  CHECK_FALSE(read_regular_file("/nonexistent/ctg", failure, reason));
  CHECK(failure == ReadFailure::Missing);
  CHECK_FALSE(read_regular_file("/", failure, reason));
  CHECK(failure == ReadFailure::Directory);
  auto self = read_regular_file(CTG_SOURCE_DIR "/README.md", failure, reason, 100);
  CHECK_FALSE(self);
  CHECK(failure == ReadFailure::TooLarge);
  CHECK(read_regular_file(CTG_SOURCE_DIR "/README.md", failure, reason));
}

// The digests of base/digest (OpenSSL on Linux, BCrypt on Windows): the
// published test vectors of FIPS 180-2 ("abc") and of the empty string.
TEST_CASE("sha256_hex et sha1_hex donnent les valeurs de référence") {
  CHECK(ctg::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(ctg::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(ctg::sha1_hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
}

// ctg retours --appliquer rewrites several files of the source: all or none.
TEST_CASE("replace_files replaces every file, or none") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("ctg-replace-" + std::to_string(::getpid()));
  fs::create_directories(dir / "sous-dossier");
  auto put = [](const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; };
  auto get = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  std::string a = (dir / "a.yaml").string(), b = (dir / "b.yaml").string();
  put(a, "a: 1\n");
  put(b, "b: 1\n");
  CHECK(replace_files({{a, "a: 2\n"}, {b, "b: 2\n"}}).empty());
  CHECK(get(a) == "a: 2\n");
  CHECK(get(b) == "b: 2\n");
  // The second target cannot be replaced (a folder): the first is left as it was.
  std::string failure = replace_files({{a, "a: 3\n"}, {(dir / "sous-dossier").string(), "x"}});
  CHECK(failure.find("sous-dossier") != std::string::npos);
  CHECK(get(a) == "a: 2\n");
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file();
  CHECK(files == 2);  // no temporary file left behind
  fs::remove_all(dir);
}
