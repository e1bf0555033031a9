#include <doctest/doctest.h>

#include "french.hpp"

using namespace ctg;

TEST_CASE("French numbers") {
  CHECK(fr::integer(48726) == "48\u202F726");
  CHECK(fr::integer(1151) == "1\u202F151");
  CHECK(fr::integer(999) == "999");
  CHECK(fr::integer(-38193) == "-38\u202F193");
  CHECK(fr::integer(1234567) == "1\u202F234\u202F567");
  CHECK(fr::integer(48726, {false, true}) == "48726");
  CHECK(fr::decimal(*parse_decimal("1.7")) == "1,7");
  CHECK(fr::decimal(*parse_decimal("0.15")) == "0,15");
  CHECK(fr::decimal(*parse_decimal("12345.5")) == "12\u202F345,5");
  CHECK(fr::decimal(*parse_decimal("1.7"), {false, false}) == "1.7");
  CHECK(fr::tenths(528) == "52,8");
  CHECK(fr::tenths(5) == "0,5");
  CHECK(fr::tenths(-247) == "-24,7");
  CHECK(fr::tenths(16000) == "1\u202F600,0");
}

TEST_CASE("French spacing in running text") {
  CHECK(fr::typography("PAA compte 48 726 habitants") == "PAA compte 48\u202F726 habitants");
  CHECK(fr::typography("de 2026 2027") == "de 2026 2027");  // not a thousands group
  CHECK(fr::typography("Taux : 58 %") == "Taux\u00A0: 58\u00A0%");
  CHECK(fr::typography("Vraiment ? Oui ; non !") == "Vraiment\u202F? Oui\u202F; non\u202F!");
  CHECK(fr::typography("« la Caf »") == "«\u00A0la Caf\u00A0»");
  CHECK(fr::typography("http://x") == "http://x");  // no space was written: none is added
}
