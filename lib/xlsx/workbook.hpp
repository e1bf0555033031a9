// SPDX-License-Identifier: EUPL-1.2
// A spreadsheet described without any library: sheets of typed cells
// (numbers stay numbers, dates stay dates), written by writer.cpp with
// libxlsxwriter. The reports (coverage/, suivi/, referentiel/) fill it;
// `-f xlsx` of ctg coverage, ctg suivi and ctg referentiel writes it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/values.hpp"

namespace ctg::xlsx {

struct Cell {
  enum class Type { Empty, Text, Number, Date, Bool };
  Type type = Type::Empty;
  std::string text;
  double number = 0;
  int decimals = 0;  // shown: 0 « 1 234 », 1 « 12,5 »… (at most 4)
  Date date;
  bool flag = false;

  static Cell empty() { return {}; }
  static Cell of(std::string s);
  static Cell of(const std::optional<std::string>& s);
  static Cell of(std::int64_t n);
  static Cell of(const std::optional<std::int64_t>& n);
  // An exact decimal, shown with as many decimals as it has.
  static Cell of(Decimal d);
  static Cell of(const std::optional<Decimal>& d);
  // A value in tenths (a rate: 563 → 56,3), always shown with one decimal.
  static Cell tenths(const std::optional<std::int64_t>& t);
  static Cell of(const std::optional<Date>& d);
  static Cell boolean(bool b);
};

struct Sheet {
  std::string name;                  // at most 31 characters, made unique by the writer
  std::vector<std::string> headers;  // the first row, frozen
  std::vector<std::vector<Cell>> rows;
};

struct Workbook {
  std::string title;    // document properties: title (the CTG's or the query's)
  std::string subject;  // what the tables are (« Taux de couverture petite enfance »)
  std::string source;   // the file or data the figures come from
  std::vector<Sheet> sheets;
};

// Writes `book` to `path` at once (a temporary file, then a rename, as
// base/atomic_file): returns an empty string, or a French description of the
// failure (`path` is then left as it was). The generation date is now, or
// SOURCE_DATE_EPOCH when set (reproducible builds and tests).
std::string write(const Workbook& book, const std::string& path);

// The number format of a cell (« #,##0 », « #,##0.0 », « dd/mm/yyyy »).
std::string number_format(const Cell& c);

}  // namespace ctg::xlsx
