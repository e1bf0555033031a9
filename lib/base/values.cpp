// SPDX-License-Identifier: EUPL-1.2
#include "base/values.hpp"

#include <array>
#include <charconv>
#include <fmt/format.h>

namespace ctg {

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && is_leap_year(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}

namespace {
bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}
int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}
}  // namespace

std::optional<Date> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto y = s.substr(0, 4), m = s.substr(5, 2), d = s.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
  Date date{to_int(y), to_int(m), to_int(d)};
  if (date.year < 1900 || date.month < 1 || date.month > 12 || date.day < 1 ||
      date.day > days_in_month(date.year, date.month))
    return std::nullopt;
  return date;
}

std::string to_iso(const Date& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

std::string to_french_long(const Date& d) {
  static constexpr std::array<const char*, 12> months{"janvier", "février", "mars", "avril", "mai", "juin",
                                                      "juillet", "août", "septembre", "octobre", "novembre",
                                                      "décembre"};
  if (d.month < 1 || d.month > 12) return to_iso(d);
  return fmt::format("{}{}\u00A0{}\u00A0{}", d.day, d.day == 1 ? "er" : "",
                     months[static_cast<std::size_t>(d.month - 1)], d.year);
}

std::optional<std::int64_t> parse_integer(std::string_view s) {
  bool neg = !s.empty() && s[0] == '-';
  if (neg) s.remove_prefix(1);
  if (!all_digits(s) || s.size() > 15) return std::nullopt;
  std::int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return neg ? -v : v;
}

std::optional<Decimal> parse_decimal(std::string_view s) {
  bool neg = !s.empty() && s[0] == '-';
  if (neg) s.remove_prefix(1);
  auto dot = s.find('.');
  std::string_view ip = s.substr(0, dot);
  std::string_view fp = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
  if (!all_digits(ip) || ip.size() > 12) return std::nullopt;
  if (dot != std::string_view::npos && (!all_digits(fp) || fp.size() > 4)) return std::nullopt;
  std::int64_t whole = 0, frac = 0;
  std::from_chars(ip.data(), ip.data() + ip.size(), whole);
  std::string f4(fp);
  f4.resize(4, '0');
  std::from_chars(f4.data(), f4.data() + 4, frac);
  std::int64_t units = whole * Decimal::scale + frac;
  return Decimal{neg ? -units : units};
}

std::string to_string(Decimal d) {
  std::int64_t u = d.units < 0 ? -d.units : d.units;
  std::string out = fmt::format("{}{}", d.units < 0 ? "-" : "", u / Decimal::scale);
  if (std::int64_t frac = u % Decimal::scale) {
    std::string f = fmt::format("{:04}", frac);
    while (f.back() == '0') f.pop_back();
    out += "." + f;
  }
  return out;
}

std::int64_t day_number(const Date& d) {
  // Days from civil (H. Hinnant's algorithm, public domain description).
  std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  std::int64_t yoe = y - era * 400;
  std::int64_t mp = (d.month + 9) % 12;
  std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe;
}

Date midpoint(const Date& a, const Date& b) {
  std::int64_t target = (day_number(a) + day_number(b)) / 2;
  Date d = a;
  // Walk by months then days: at most a few thousand steps for a CTG.
  while (day_number(d) < target) {
    Date next = d;
    if (next.month == 12) next = {next.year + 1, 1, 1};
    else next = {next.year, next.month + 1, 1};
    if (day_number(next) <= target) {
      d = next;
      continue;
    }
    d.day += static_cast<int>(target - day_number(d));
  }
  return d;
}

}  // namespace ctg
