// SPDX-License-Identifier: EUPL-1.2
// The document as GitHub-flavoured Markdown: cmark-gfm, pandoc (and from
// there Word) read it. Every plain text is escaped; the users' Markdown is
// kept, with raw HTML neutralised.
#include <fmt/format.h>

#include "render/charts.hpp"
#include "base/markdown.hpp"
#include "print/print.hpp"
#include "render/render.hpp"

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

// Word: a block from the source inside a fenced div that names it (pandoc
// writes a bookmark for it, read back by `ctg retours`); elsewhere as it is.
std::string anchored(const std::string& id, bool word, std::string body) {
  if (!word || id.empty()) return body;
  return "::: {#" + id + "}\n" + body + ":::\n\n";
}
// An inline anchor (a bracketed span): a list item, a table cell.
std::string anchored_inline(const std::string& id, bool word, std::string body) {
  if (!word || id.empty()) return body;
  return "[" + body + "]{#" + id + "}";
}

// The users' Markdown in Word: each alinéa (paragraphs apart from blank lines;
// an indented continuation and a fenced code block stay with theirs) anchored
// as id-al-1, id-al-2…
std::string alineas(const std::string& md, const std::string& id) {
  std::vector<std::string> chunks;
  bool fence = false, blank = true;
  std::size_t start = 0;
  while (start < md.size()) {
    std::size_t nl = md.find('\n', start);
    std::string line = md.substr(start, nl == std::string::npos ? std::string::npos : nl - start + 1);
    start = nl == std::string::npos ? md.size() : nl + 1;
    bool empty = line.find_first_not_of(" \t\r\n") == std::string::npos;
    if (!fence && empty) {
      blank = true;
      continue;
    }
    bool continuation = line[0] == ' ' || line[0] == '\t';
    if (chunks.empty() || (blank && !fence && !continuation)) chunks.emplace_back();
    else if (blank) chunks.back() += "\n";
    chunks.back() += line;
    if (line.back() != '\n') chunks.back() += "\n";
    if (line.rfind("```", 0) == 0 || line.rfind("~~~", 0) == 0) fence = !fence;
    blank = false;
  }
  std::string out;
  for (std::size_t i = 0; i < chunks.size(); ++i)
    out += anchored(fmt::format("{}-al-{}", id, i + 1), true, std::move(chunks[i]));
  return out;
}

// Appends to `out`: Annexe 2 of a national CTG is tens of megabytes, built once.
void table_md(const doc::Table& t, std::string& out, bool word = false) {
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
      const bool strong = i < row.size() && row[i].header;
      out += strong ? " **" : " ";
      if (i < row.size()) out += anchored_inline(row[i].id, word, line_md(row[i].content, true));
      out += strong ? "** |" : " |";
    }
    out += "\n";
  }
  out += "\n";
}

// Word: one bordered cell per signatory, tall enough to sign and stamp, two
// per row; a row never splits across pages (cantSplit), the table may take
// two pages and is as wide as the A4 text block (2 × 8,5 cm).
std::string signatures_openxml(const doc::Table& sig) {
  auto esc = [](const std::string& s) { return xml_escape(s); };
  auto para = [&](const doc::Line& l, bool bold) {
    std::string out = "<w:p><w:pPr><w:spacing w:after=\"60\"/></w:pPr>";
    for (const auto& s : l) {
      std::string t = s.text;
      std::size_t start = 0;
      for (std::size_t nl = t.find('\n');; nl = t.find('\n', start)) {
        out += fmt::format("<w:r><w:rPr>{}</w:rPr>{}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                           bold || s.style == doc::Style::Strong ? "<w:b/>" : "", start ? "<w:br/>" : "",
                           esc(t.substr(start, nl == std::string::npos ? std::string::npos : nl - start)));
        if (nl == std::string::npos) break;
        start = nl + 1;
      }
    }
    return out + "</w:p>";
  };
  // About 4 cm (2 268 twips) between the name and the foot of the box: a signature and a round seal.
  auto cell = [&](const std::vector<doc::Cell>* row) {
    std::string out = "<w:tc><w:tcPr><w:tcW w:w=\"4819\" w:type=\"dxa\"/></w:tcPr>";
    if (!row) return out + "<w:p/></w:tc>";
    out += para((*row)[0].content, true);
    for (std::size_t k = 1; k < row->size(); ++k) out += para((*row)[k].content, false);
    return out + "<w:p><w:pPr><w:spacing w:before=\"2268\" w:after=\"0\"/><w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr>"
                 "<w:color w:val=\"666666\"/><w:sz w:val=\"16\"/></w:rPr><w:t>Signature et cachet</w:t></w:r></w:p></w:tc>";
  };
  std::string out =
      // No table style: the style « Table » repeats its first row on every page
      // (LibreOffice), a signatory printed twice. The borders are set here.
      "```{=openxml}\n<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>"
      "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:left w:val=\"single\" w:sz=\"4\" "
      "w:space=\"0\" w:color=\"808080\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
      "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:insideH w:val=\"single\" w:sz=\"4\" "
      "w:space=\"0\" w:color=\"808080\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
      "</w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar>"
      "<w:tblLook w:firstRow=\"0\" w:firstColumn=\"0\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"4819\"/>"
      "<w:gridCol w:w=\"4819\"/></w:tblGrid>";
  for (std::size_t i = 0; i < sig.rows.size(); i += 2) {
    out += "<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val=\"2835\" w:hRule=\"atLeast\"/></w:trPr>";
    out += cell(&sig.rows[i]) + cell(i + 1 < sig.rows.size() ? &sig.rows[i + 1] : nullptr) + "</w:tr>";
  }
  return out + "</w:tbl>\n```\n\n";
}

// Word: « Sommaire », a table of contents field (TOC) of the level-2 headings,
// like the HTML one. Its result is written here, each entry a link to the
// heading's bookmark, without page numbers (unknown before the layout):
// LibreOffice shows it as it is, Word recomputes it with the page numbers
// on opening (w:updateFields, print/docx).
std::string toc_openxml(const doc::Document& d) {
  std::string entries;
  for (const auto& b : d.blocks) {
    if (b.kind != doc::Kind::Heading || b.level != 2) continue;
    std::string text;
    for (const auto& s : b.line) text += s.text;
    entries += "<w:p><w:pPr><w:pStyle w:val=\"TOC2\"/><w:spacing w:after=\"60\"/></w:pPr>";
    if (entries.find("fldChar") == std::string::npos)  // the field starts in the first entry
      entries += "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r><w:r><w:instrText "
                 "xml:space=\"preserve\"> TOC \\o \"2-2\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar "
                 "w:fldCharType=\"separate\"/></w:r>";
    std::string run = "<w:r><w:t xml:space=\"preserve\">" + xml_escape(text) + "</w:t></w:r>";
    // pandoc names a bookmark by its identifier up to 40 characters (beyond, by a digest).
    if (!b.id.empty() && b.id.size() <= 40)
      run = fmt::format("<w:hyperlink w:anchor=\"{}\" w:history=\"1\">{}</w:hyperlink>", xml_escape(b.id), run);
    entries += run + "</w:p>";
  }
  if (entries.empty()) return "";
  return "```{=openxml}\n<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/></w:pPr><w:r><w:t>Sommaire</w:t></w:r></w:p>" +
         entries + "<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>\n```\n\n" + print::page_break_openxml() +
         "\n";
}

// Word: the level of a heading in the outline. A fiche action (« fiche-… »)
// after its group heading (« Fiches action », « fiches-… ») of the same level
// goes one level below it, in the navigation pane as in the table of contents.
int word_level(const doc::Block& b, int& group) {
  if (b.id.rfind("fiche-", 0) == 0 && b.level == group) return b.level + 1;
  group = b.id.rfind("fiches-", 0) == 0 ? b.level : 0;
  return b.level;
}

}  // namespace

std::string to_markdown(const doc::Document& d, Target target) {
  const bool word = target == Target::Word;
  std::string out;
  out.reserve(doc::text_size(d, 4));  // the texts, and a few bytes of markup per cell
  out += "# " + markdown::escape(d.title) + "\n\n";
  if (d.draft) out += "**PROJET** — document de travail, non signé.\n\n";
  out += "**" + markdown::escape(d.subtitle) + "**\n\n";
  if (word) {  // the cover page: the signatories, then a page break
    for (const auto& name : d.signatories) out += markdown::escape(name) + "\n\n";
    out += print::page_break_openxml() + "\n" + toc_openxml(d);
  }
  int group = 0;  // the level of the last « Fiches action » heading (Word)
  for (const auto& b : d.blocks) {
    switch (b.kind) {
      case doc::Kind::Heading:
        out += anchored(b.id, word,
                        std::string(static_cast<std::size_t>(word ? word_level(b, group) : b.level), '#') + " " +
                            line_md(b.line) + "\n");
        if (!word || b.id.empty()) out += "\n";
        break;
      case doc::Kind::Paragraph:
        out += anchored(b.id, word, line_md(b.line) + "\n");
        if (!word || b.id.empty()) out += "\n";
        break;
      case doc::Kind::List:
        for (std::size_t k = 0; k < b.items.size(); ++k)
          out += "- " + anchored_inline(k < b.item_ids.size() ? b.item_ids[k] : "", word, line_md(b.items[k])) + "\n";
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
        if (word && !b.id.empty()) out += alineas(md, b.id);
        else out += md + "\n\n";
        break;
      }
      case doc::Kind::TableBlock: table_md(b.table, out, word); break;
      case doc::Kind::Signatures: {
        if (!b.line.empty()) out += line_md(b.line) + "\n\n";
        if (word) {
          out += signatures_openxml(b.table);
          break;
        }
        doc::Table t;
        t.head = {"Signataire", "Représentant", "Signature"};
        for (std::size_t i = 0; i < b.table.rows.size(); ++i) {
          const auto& row = b.table.rows[i];
          // The party is named once, on its first signatory's row.
          bool same = i > 0 && line_md(b.table.rows[i - 1][0].content) == line_md(row[0].content);
          t.rows.push_back({same ? doc::Cell{} : row[0], row.size() > 1 ? row[1] : doc::Cell{}, doc::Cell{}});
        }
        table_md(t, out);
        break;
      }
      case doc::Kind::Figure:  // the charts are drawn in HTML and Word; Markdown readers get the table above
        if (word && !b.svg.empty()) out += print::image_markdown(b.svg, b.alt) + "\n\n";
        break;
      case doc::Kind::PageBreak: out += word ? print::page_break_openxml() + "\n" : "* * *\n\n"; break;
    }
  }
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace ctg::render
