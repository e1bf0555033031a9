// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include "base/values.hpp"

using namespace ctg;

TEST_CASE("ISO dates are strict and exist in the calendar") {
  CHECK(parse_iso_date("2026-01-01") == Date{2026, 1, 1});
  CHECK(parse_iso_date("2024-02-29").has_value());
  CHECK_FALSE(parse_iso_date("2025-02-29").has_value());
  CHECK_FALSE(parse_iso_date("1900-02-29").has_value());
  CHECK(parse_iso_date("2000-02-29").has_value());
  CHECK_FALSE(parse_iso_date("2026-13-01").has_value());
  CHECK_FALSE(parse_iso_date("2026-04-31").has_value());
  CHECK_FALSE(parse_iso_date("28/03/2024").has_value());
  CHECK_FALSE(parse_iso_date("2026-1-01").has_value());
  CHECK(to_iso(Date{2026, 3, 8}) == "2026-03-08");
  CHECK(to_french_long(Date{2026, 1, 1}) == "1er\u00A0janvier\u00A02026");
  CHECK(to_french_long(Date{2024, 3, 28}) == "28\u00A0mars\u00A02024");
}

TEST_CASE("decimals are exact") {
  CHECK(parse_decimal("1.7")->units == 17000);
  CHECK(parse_decimal("0.15")->units == 1500);
  CHECK(parse_decimal("12")->units == 120000);
  CHECK(parse_decimal("-3.5")->units == -35000);
  CHECK_FALSE(parse_decimal("1,7").has_value());
  CHECK_FALSE(parse_decimal("1.23456").has_value());
  CHECK_FALSE(parse_decimal("").has_value());
  CHECK_FALSE(parse_decimal("1.").has_value());
  CHECK(to_string(*parse_decimal("0.15") + *parse_decimal("0.44") + *parse_decimal("0.1")) == "0.69");
  CHECK(to_string(Decimal::from_int(200)) == "200");
  CHECK(to_string(*parse_decimal("-0.5")) == "-0.5");
}

TEST_CASE("integers") {
  CHECK(parse_integer("38193") == 38193);
  CHECK(parse_integer("-1") == -1);
  CHECK_FALSE(parse_integer("38 193").has_value());
  CHECK_FALSE(parse_integer("1e3").has_value());
  CHECK_FALSE(parse_integer("9999999999999999999").has_value());
}

// Issue 12, defect 2: sums and rates wrapped around (signed overflow).
TEST_CASE("decimal arithmetic saturates instead of wrapping") {
  Decimal big{INT64_MAX - 5};
  CHECK((big + Decimal{10}).units == INT64_MAX);
  CHECK((Decimal{INT64_MIN + 5} - Decimal{10}).units == INT64_MIN);
  CHECK(Decimal::from_int(INT64_MAX / 100).units == INT64_MAX);
  CHECK(Decimal::from_int(12).units == 120'000);
}
