// SPDX-License-Identifier: EUPL-1.2
// The workbook of workbook.hpp written with libxlsxwriter (Debian
// libxlsxwriter-dev): into a private temporary folder, then copied at once
// over the target by base/atomic_file.
#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>
#include <vector>

#include "base/atomic_file.hpp"
#include "base/paths.hpp"
#include "base/temp_dir.hpp"
#include "base/values.hpp"
#include "base/source.hpp"
#include "base/text.hpp"
#include "xlsx/workbook.hpp"

namespace ctg::xlsx {

namespace {

constexpr std::size_t max_cell_bytes = 32767;  // Excel's limit for a string cell
constexpr std::size_t max_sheet_name = 31;     // Excel's limit for a sheet name

// The generation time: SOURCE_DATE_EPOCH when set (reproducible), else now.
std::time_t generation_time() {
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e)
    if (auto v = parse_integer(e); v && *v >= 0) return static_cast<std::time_t>(*v);
  return std::time(nullptr);
}

// At most `max` code points, cut on a character boundary.
std::string cut_utf8(const std::string& s, std::size_t max_chars, std::size_t max_bytes) {
  std::size_t chars = 0, i = 0;
  while (i < s.size()) {
    std::size_t next = i + 1;
    while (next < s.size() && (static_cast<unsigned char>(s[next]) & 0xC0) == 0x80) ++next;
    if (chars + 1 > max_chars || next > max_bytes) break;
    ++chars;
    i = next;
  }
  return s.substr(0, i);
}

// Excel refuses []:*?/\ in a sheet name, a name over 31 characters, a name
// starting or ending with an apostrophe, and two sheets with the same name
// (compared without case).
std::string sheet_name(const std::string& wanted, std::set<std::string>& taken) {
  std::string base;
  for (char c : wanted) base.push_back(std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '-');
  while (!base.empty() && base.front() == '\'') base.erase(base.begin());
  if (base.empty()) base = "Feuille";
  for (int n = 1;; ++n) {
    std::string suffix = n == 1 ? "" : fmt::format(" ({})", n);
    std::string name = cut_utf8(base, max_sheet_name - suffix.size(), 4 * max_sheet_name);
    while (!name.empty() && name.back() == '\'') name.pop_back();
    name += suffix;
    std::string key = name;
    for (char& c : key) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (taken.insert(key).second) return name;
  }
}

// The width of a cell's text as shown, in characters.
std::size_t shown_width(const Cell& c) {
  switch (c.type) {
    case Cell::Type::Empty: return 0;
    case Cell::Type::Text: return utf8_length(c.text);
    case Cell::Type::Date: return 10;
    case Cell::Type::Bool: return 5;
    case Cell::Type::Number: break;
  }
  std::string digits = fmt::format("{:.{}f}", c.number, c.decimals);
  return digits.size() + digits.size() / 3;  // with the thousands separators
}

struct Writer {
  lxw_workbook* wb = nullptr;
  lxw_format* header = nullptr;
  std::map<std::string, lxw_format*> formats;

  lxw_format* format_of(const Cell& c) {
    std::string f = number_format(c);
    if (f.empty()) return nullptr;
    auto [it, added] = formats.try_emplace(f, nullptr);
    if (added) {
      it->second = workbook_add_format(wb);
      format_set_num_format(it->second, f.c_str());
    }
    return it->second;
  }

  lxw_error cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t col, const Cell& c) {
    switch (c.type) {
      case Cell::Type::Empty: return LXW_NO_ERROR;
      case Cell::Type::Text:
        return worksheet_write_string(ws, r, col, cut_utf8(c.text, max_cell_bytes, max_cell_bytes).c_str(), nullptr);
      case Cell::Type::Number: return worksheet_write_number(ws, r, col, c.number, format_of(c));
      case Cell::Type::Bool: return worksheet_write_boolean(ws, r, col, c.flag ? 1 : 0, nullptr);
      case Cell::Type::Date: {
        lxw_datetime dt{c.date.year, c.date.month, c.date.day, 0, 0, 0.0};
        return worksheet_write_datetime(ws, r, col, &dt, format_of(c));
      }
    }
    return LXW_NO_ERROR;
  }

  lxw_error sheet(const Sheet& s, const std::string& name) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    if (!ws) return LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
    std::vector<std::size_t> width(s.headers.size(), 0);
    for (std::size_t c = 0; c < s.headers.size(); ++c) {
      width[c] = utf8_length(s.headers[c]);
      if (lxw_error e = worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), s.headers[c].c_str(), header)) return e;
    }
    for (std::size_t r = 0; r < s.rows.size(); ++r)
      for (std::size_t c = 0; c < s.rows[r].size() && c < s.headers.size(); ++c) {
        width[c] = std::max(width[c], shown_width(s.rows[r][c]));
        if (lxw_error e = cell(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), s.rows[r][c])) return e;
      }
    for (std::size_t c = 0; c < width.size(); ++c) {
      double w = static_cast<double>(std::clamp<std::size_t>(width[c] + 2, 8, 60));
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w, nullptr);
    }
    worksheet_freeze_panes(ws, 1, 0);
    if (!s.headers.empty())
      worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(s.rows.size()), static_cast<lxw_col_t>(s.headers.size() - 1));
    return LXW_NO_ERROR;
  }
};

std::tm utc(std::time_t t) {
  std::tm tm{};
#ifdef _WIN32
  gmtime_s(&tm, &t);
#else
  gmtime_r(&t, &tm);
#endif
  return tm;
}

std::string french_date(std::time_t t) {
  std::tm tm = utc(t);
  return to_french_long(Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday});
}

// Fills the workbook at `file`; returns libxlsxwriter's error.
lxw_error fill(const Workbook& book, const std::string& file, const std::string& tmpdir) {
  lxw_workbook_options options{};
  options.tmpdir = const_cast<char*>(tmpdir.c_str());
  Writer w;
  w.wb = workbook_new_opt(file.c_str(), &options);
  if (!w.wb) return LXW_ERROR_CREATING_XLSX_FILE;
  std::time_t when = generation_time();
  std::string comments = fmt::format("Source : {} ; produit par ctg {} le {}", book.source, CTG_VERSION, french_date(when));
  lxw_doc_properties props{};
  props.title = const_cast<char*>(book.title.c_str());
  props.subject = const_cast<char*>(book.subject.c_str());
  props.author = const_cast<char*>("ctg");
  props.comments = const_cast<char*>(comments.c_str());
  props.created = when;
  workbook_set_properties(w.wb, &props);
  workbook_set_custom_property_string(w.wb, "Source", book.source.c_str());
  lxw_datetime stamp{};
  std::tm tm = utc(when);
  stamp = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, static_cast<double>(tm.tm_sec)};
  workbook_set_custom_property_datetime(w.wb, "Produit le", &stamp);
  w.header = workbook_add_format(w.wb);
  format_set_bold(w.header);
  std::set<std::string> taken;
  lxw_error failure = LXW_NO_ERROR;
  for (const auto& s : book.sheets)
    if ((failure = w.sheet(s, sheet_name(s.name, taken))) != LXW_NO_ERROR) break;
  lxw_error closed = workbook_close(w.wb);  // frees the workbook in every case
  return failure != LXW_NO_ERROR ? failure : closed;
}

}  // namespace

std::string write(const Workbook& book, const std::string& path) {
  std::string failure;
  TempDir work("ctg-xlsx", failure);  // libxlsxwriter's own temporary files too
  if (!work) return failure;
  std::string folder = path_string(work.path());
  std::string file = folder + "/classeur.xlsx";
  if (lxw_error e = fill(book, file, folder); e != LXW_NO_ERROR) {
    failure = fmt::format("le classeur n'a pas pu être produit (libxlsxwriter : {})", lxw_strerror(e));
  } else {
    ReadFailure why = ReadFailure::None;
    std::string reason;
    std::optional<std::string> bytes = read_regular_file(file, why, reason);
    failure = bytes ? write_atomically(path, *bytes) : reason;
  }
  return failure;
}

}  // namespace ctg::xlsx
