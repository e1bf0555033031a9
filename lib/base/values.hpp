// SPDX-License-Identifier: EUPL-1.2
// Typed scalar values of the format: calendar dates and exact decimals.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ctg {

struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
};

// Strict ISO 8601 calendar date (AAAA-MM-JJ) that exists in the calendar.
std::optional<Date> parse_iso_date(std::string_view s);
std::string to_iso(const Date& d);
// « 1er janvier 2026 »
std::string to_french_long(const Date& d);
bool is_leap_year(int year);
int days_in_month(int year, int month);
// Days between two dates, on the proleptic Gregorian calendar.
std::int64_t day_number(const Date& d);
Date midpoint(const Date& a, const Date& b);  // e.g. the CTG's mid-term

__extension__ typedef __int128 wide_int;  // for intermediate products and sums

// An exact decimal with four fractional digits: ETP such as 0.15, euros with
// cents. Exact sums and comparisons, unlike double.
struct Decimal {
  static constexpr std::int64_t scale = 10000;
  std::int64_t units = 0;  // value × 10 000

  // Arithmetic saturates instead of wrapping: the format bounds every count
  // (values_test and the fuzzers check that nothing comes near the limits).
  static Decimal from_int(std::int64_t v) { return Decimal{saturate(static_cast<wide_int>(v) * scale)}; }
  bool is_integer() const { return units % scale == 0; }
  std::int64_t integer_part() const { return units / scale; }
  double to_double() const { return static_cast<double>(units) / scale; }
  Decimal operator+(Decimal o) const { return Decimal{saturate(static_cast<wide_int>(units) + o.units)}; }
  Decimal operator-(Decimal o) const { return Decimal{saturate(static_cast<wide_int>(units) - o.units)}; }
  auto operator<=>(const Decimal&) const = default;

  static constexpr std::int64_t saturate(wide_int v) {
    constexpr std::int64_t hi = INT64_MAX, lo = INT64_MIN;
    return v > hi ? hi : v < lo ? lo : static_cast<std::int64_t>(v);
  }
};

// "12", "-3", "1.7", "0.15": a dot as separator, at most four decimals.
std::optional<Decimal> parse_decimal(std::string_view s);
// Shortest form with a dot: "1.7", "12".
std::string to_string(Decimal d);

// A whole number written in plain digits (optional minus sign).
std::optional<std::int64_t> parse_integer(std::string_view s);

}  // namespace ctg
