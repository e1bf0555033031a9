// The document as GitHub-flavoured Markdown: cmark-gfm, pandoc (and from
// there Word) read it. Every plain text is escaped; the users' Markdown is
// kept, with raw HTML neutralised.
#include <fmt/format.h>

#include "markdown.hpp"
#include "render.hpp"

namespace ctg::render {

namespace {

// `in_cell`: a line break inside a table cell, which Markdown cannot hold, becomes a comma.
std::string line_md(const doc::Line& l, bool in_cell = false) {
  std::string out;
  for (const auto& s : l) {
    std::string text = s.text;
    if (in_cell)
      for (std::size_t p; (p = text.find('\n')) != std::string::npos;) text.replace(p, 1, ", ");
    std::string t = markdown::escape(text);
    switch (s.style) {
      case doc::Style::Normal:
      case doc::Style::Blank: out += t; break;
      case doc::Style::Strong: out += "**" + t + "**"; break;
      case doc::Style::Emphasis: out += "*" + t + "*"; break;
    }
  }
  return out;
}

std::string table_md(const doc::Table& t) {
  std::string out;
  if (!t.caption.empty()) out += "*" + markdown::escape(t.caption) + "*\n\n";
  out += "|";
  for (const auto& h : t.head) out += " " + markdown::escape(h) + " |";
  out += "\n|";
  for (std::size_t i = 0; i < t.head.size(); ++i)
    out += i < t.numeric.size() && t.numeric[i] ? "---:|" : "---|";
  out += "\n";
  for (const auto& row : t.rows) {
    out += "|";
    for (std::size_t i = 0; i < t.head.size(); ++i) {
      std::string c = i < row.size() ? line_md(row[i].content, true) : "";
      out += " " + (i < row.size() && row[i].header ? "**" + c + "**" : c) + " |";
    }
    out += "\n";
  }
  return out + "\n";
}

}  // namespace

std::string to_markdown(const doc::Document& d) {
  std::string out = "# " + markdown::escape(d.title) + "\n\n";
  if (d.draft) out += "**PROJET** — document de travail, non signé.\n\n";
  out += "**" + markdown::escape(d.subtitle) + "**\n\n";
  for (const auto& b : d.blocks) {
    switch (b.kind) {
      case doc::Kind::Heading:
        out += std::string(static_cast<std::size_t>(b.level), '#') + " " + line_md(b.line) + "\n\n";
        break;
      case doc::Kind::Paragraph: out += line_md(b.line) + "\n\n"; break;
      case doc::Kind::List:
        for (const auto& i : b.items) out += "- " + line_md(i) + "\n";
        out += "\n";
        break;
      case doc::Kind::OrderedList: {
        int n = 1;
        for (const auto& i : b.items) out += fmt::format("{}. {}\n", n++, line_md(i));
        out += "\n";
        break;
      }
      case doc::Kind::Markdown: {
        std::string md = markdown::sanitize(b.markdown, 1);
        while (!md.empty() && md.back() == '\n') md.pop_back();
        out += md + "\n\n";
        break;
      }
      case doc::Kind::TableBlock: out += table_md(b.table); break;
      case doc::Kind::Signatures: {
        doc::Table t;
        t.head = {"Signataire", "Représentant", "Signature"};
        for (const auto& row : b.table.rows) {
          if (row.size() == 1) t.rows.push_back({row[0], doc::Cell{}, doc::Cell{}});  // no one named yet
          for (std::size_t i = 1; i < row.size(); ++i)
            t.rows.push_back({i == 1 ? row[0] : doc::Cell{}, row[i], doc::Cell{}});
        }
        out += table_md(t);
        break;
      }
      case doc::Kind::Figure: break;  // the charts are drawn in the HTML document only
      case doc::Kind::PageBreak: out += "* * *\n\n"; break;
    }
  }
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace ctg::render
