// SPDX-License-Identifier: EUPL-1.2
#include "xlsx/workbook.hpp"

#include <cmath>

namespace ctg::xlsx {

Cell Cell::of(std::string s) {
  Cell c;
  c.type = Type::Text;
  c.text = std::move(s);
  return c;
}
Cell Cell::of(const std::optional<std::string>& s) { return s ? of(*s) : Cell{}; }

Cell Cell::of(std::int64_t n) {
  Cell c;
  c.type = Type::Number;
  c.number = static_cast<double>(n);
  return c;
}
Cell Cell::of(const std::optional<std::int64_t>& n) { return n ? of(*n) : Cell{}; }

Cell Cell::of(Decimal d) {
  Cell c;
  c.type = Type::Number;
  c.number = d.to_double();
  std::int64_t frac = d.units % Decimal::scale;
  if (frac < 0) frac = -frac;
  for (c.decimals = 4; c.decimals > 0 && frac % 10 == 0; --c.decimals) frac /= 10;
  if (frac == 0) c.decimals = 0;
  return c;
}
Cell Cell::of(const std::optional<Decimal>& d) { return d ? of(*d) : Cell{}; }

Cell Cell::tenths(const std::optional<std::int64_t>& t) {
  if (!t) return {};
  Cell c;
  c.type = Type::Number;
  c.number = static_cast<double>(*t) / 10.0;
  c.decimals = 1;
  return c;
}

Cell Cell::of(const std::optional<Date>& d) {
  if (!d) return {};
  Cell c;
  c.type = Type::Date;
  c.date = *d;
  return c;
}

Cell Cell::boolean(bool b) {
  Cell c;
  c.type = Type::Bool;
  c.flag = b;
  return c;
}

std::string number_format(const Cell& c) {
  if (c.type == Cell::Type::Date) return "dd/mm/yyyy";
  if (c.type != Cell::Type::Number) return {};
  // Excel stores formats with « , » for thousands and « . » for decimals; a
  // French Excel or LibreOffice shows them as « 1 234 » and « 12,5 ».
  std::string f = "#,##0";
  if (c.decimals > 0) f += "." + std::string(static_cast<std::size_t>(c.decimals > 4 ? 4 : c.decimals), '0');
  return f;
}

}  // namespace ctg::xlsx
