// SPDX-License-Identifier: EUPL-1.2
// Small constructors of document blocks shared by the convention's and the
// annexes' builders (render_build.cpp, render_annexes.cpp).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "render/document.hpp"
#include "base/french.hpp"
#include "base/values.hpp"

namespace ctg::render::blocks {

using doc::Block;
using doc::Kind;
using doc::Line;
using doc::Span;
using doc::Style;

inline Line blank_or(const std::optional<std::string>& v) {
  if (v) return {Span{*v}};
  return {Span{"………………………", Style::Blank}};
}

inline Line date_or_blank(const std::optional<Date>& d) {
  if (d) return {Span{to_french_long(*d)}};
  return {Span{"………………………", Style::Blank}};
}

inline Line concat(std::initializer_list<Line> parts) {
  Line out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

inline Block heading(int level, std::string text, std::string id = {}) {
  Block b;
  b.kind = Kind::Heading;
  b.level = level;
  b.id = std::move(id);
  b.line = doc::plain(std::move(text));
  return b;
}

inline Block paragraph(Line l) {
  Block b;
  b.kind = Kind::Paragraph;
  b.line = std::move(l);
  return b;
}

inline Block markdown(std::string text) {
  Block b;
  b.kind = Kind::Markdown;
  b.markdown = std::move(text);
  return b;
}

inline Block list(std::vector<std::string> items, bool ordered = false) {
  Block b;
  b.kind = ordered ? Kind::OrderedList : Kind::List;
  for (auto& i : items) b.items.push_back(doc::plain(std::move(i)));
  return b;
}

inline Block table(doc::Table t) {
  Block b;
  b.kind = Kind::TableBlock;
  b.table = std::move(t);
  return b;
}

inline Block page_break() {
  Block b;
  b.kind = Kind::PageBreak;
  return b;
}

inline doc::Cell cell(std::string text, bool number = false, std::string id = {}) {
  return doc::Cell{doc::plain(std::move(text)), false, number, std::move(id)};
}
inline doc::Cell row_header(std::string text, std::string id = {}) {
  return doc::Cell{doc::plain(std::move(text)), true, false, std::move(id)};
}

// An anchor named after the source's ids: « art-6 », « offre-paa-eaje_psu-2027 »;
// characters other than letters, digits, « . », « _ » and « - » become « - ».
inline std::string anchor(std::string s) {
  for (char& c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
      c = '-';
  return s;
}

inline Block with_id(Block b, std::string id) {
  b.id = anchor(std::move(id));
  return b;
}

inline std::string number(std::optional<Decimal> v) { return v ? fr::decimal(*v) : std::string("—"); }

}  // namespace ctg::render::blocks
