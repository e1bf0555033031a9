#include "test_util.hpp"

#include "source.hpp"

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
