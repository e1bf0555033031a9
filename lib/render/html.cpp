// SPDX-License-Identifier: EUPL-1.2
// The document as one self-contained HTML file: inline CSS for screen and
// A4 print, a table of contents, semantic headings, table headers with
// scope, inline SVG charts; no script, no external resource.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "render/charts.hpp"
#include "base/french.hpp"
#include "base/markdown.hpp"
#include "render/render.hpp"

namespace ctg::render {

namespace {

const char* const css = R"(
*, *::before, *::after { box-sizing: border-box; }
:root { --encre: #111; --gris: #555; --filet: #999; }
html { font-family: "DejaVu Serif", "Liberation Serif", Georgia, serif; font-size: 11pt; color: var(--encre); }
body { max-width: 48em; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.8em; margin-bottom: .2em; }
h2 { font-size: 1.35em; margin-top: 1.6em; border-bottom: 1px solid var(--filet); }
h3 { font-size: 1.15em; margin-top: 1.3em; }
h4, h5, h6 { font-size: 1em; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
.sous-titre { font-size: 1.15em; color: var(--gris); margin-top: 0; }
.projet { border: 2px solid var(--encre); display: inline-block; padding: .2em .8em; font-weight: bold;
          letter-spacing: .2em; text-transform: uppercase; }
.blanc { letter-spacing: .1em; color: var(--gris); }
nav.sommaire { border: 1px solid var(--filet); padding: .5em 1.5em; margin: 1.5em 0; }
nav.sommaire h2 { border: 0; margin-top: .3em; }
nav.sommaire ol ol { list-style: none; padding-left: 1.2em; }
nav.sommaire a { display: flex; align-items: baseline; gap: .4em; }
nav.sommaire a .titre { flex: 1; }
/* The page number, filled in by a second printing: its width is reserved so that nothing moves. */
nav.sommaire a .page { flex: none; min-width: 2.5em; text-align: right; font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; font-size: .92em; }
table.large { font-size: .8em; }
table.tres-large { font-size: .8em; }
table.tres-large th, table.tres-large td { padding: .2em .15em; }
caption { text-align: left; font-style: italic; padding: .3em 0; }
th, td { border: 1px solid var(--filet); padding: .25em .45em; vertical-align: top; text-align: left;
         overflow-wrap: break-word; hyphens: auto; }
main, nav, figure, table, .signatures { max-width: 100%; }
svg { max-width: 100%; }
thead th { background: #eee; }
td.nombre, th.nombre { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 1em 0; }
figure svg { width: 100%; height: auto; }
figcaption { font-size: .9em; color: var(--gris); }
.signatures { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .6em .8em; margin-top: 1em; font-size: .9em; }
.signature { border: 1px solid var(--filet); padding: .4em .7em; break-inside: avoid; page-break-inside: avoid;
             display: flex; flex-direction: column; }
.signature .place { height: 4.3cm; }  /* a signature and a round seal: 4 cm at least once printed */
.signature .cachet { margin: 0; font-size: .8em; color: var(--gris); text-align: right; }
.signature .signataire { font-weight: bold; margin: 0 0 .3em; }
.signature p { margin: .1em 0; }
.notes { font-size: .9em; border-top: 1px solid var(--filet); margin-top: 1em; }
.saut { break-before: page; page-break-before: always; }
@page { size: A4; margin: 2cm 1.8cm 2.2cm;
  @bottom-center { content: "Page " counter(page) " sur " counter(pages); font-family: "DejaVu Serif", serif; font-size: 9pt; } }
.couverture { min-height: 22cm; display: flex; flex-direction: column; justify-content: center; text-align: center; }
.couverture h1 { font-size: 2.2em; }
.couverture .signataires { list-style: none; padding: 0; margin-top: 3em; line-height: 1.8; }
.couverture .signataires li { break-inside: avoid; page-break-inside: avoid; }
/* Many parties (an EPCI and its communes): columns and smaller type, the cover stays one page. */
.couverture .signataires.colonnes-2 { columns: 2; column-gap: 2em; font-size: .95em; line-height: 1.5; margin-top: 2em; }
.couverture .signataires.colonnes-3 { columns: 3; column-gap: 1.5em; font-size: .82em; line-height: 1.35; margin-top: 1.5em; }
.couverture .signataires.colonnes-4 { columns: 4; column-gap: 1.2em; font-size: .7em; line-height: 1.25; margin-top: 1em; }
@media print {
  html { font-size: 10pt; }
  /* The text block is 657,6 px wide and chromium clips at 657 px: 2 px to spare keep every right border whole. */
  body { max-width: none; margin: 0; padding: 0 2px 0 0; }
  .couverture { break-after: page; }
  nav.sommaire { break-after: page; }
  thead { display: table-header-group; }
  tr, figure, .signature { break-inside: avoid; page-break-inside: avoid; }  /* the block of boxes may take two pages */
  .fait-a { break-after: avoid; page-break-after: avoid; }
  h2, h3, h4, caption { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
  .insecable { white-space: nowrap; }  /* « L. 214-2 » on one line */
  thead, caption { break-after: avoid; page-break-after: avoid; }  /* a caption and a header row never alone */
  tbody tr:first-child { break-before: avoid; page-break-before: avoid; }
  p, li { orphans: 3; widows: 3; }
  h3[id^="fiche-"], h3#fiches-action, h3#fiches-petite-enfance { break-before: page; }  /* never at a page foot */
  h3#fiches-action + h3, h3#fiches-petite-enfance + h3 { break-before: avoid; }
  a { color: inherit; text-decoration: none; }
}
)";

// A draft carries « PROJET » at the top of every printed page but the cover, which has its boxed mark.
const char* const draft_css = R"(
@page { @top-right { content: "PROJET"; font-family: "DejaVu Serif", serif; font-weight: bold; letter-spacing: .2em; } }
@page :first { @top-right { content: none; } }
)";

std::string text_html(std::string_view s) { return xml_escape(fr::typography(s)); }

// « ☒ exercée » kept on one line: no-break spaces from the box to the end of
// its line, but before « ( » (« ☒ exercée (transfert) » may wrap there). Not a
// nowrap span: a table too wide for the page makes chromium shrink every page.
// A long mention written by the source (« ☒ Exercée par la commune (mais moins
// de 10 000 habitants) ») keeps only its box with its first word: held whole,
// it would widen the AO table just the same.
std::string boxes_html(std::string t) {
  constexpr std::size_t short_label = 24;  // bytes: « exercée (transfert) », « transférée », « sans objet »
  for (std::size_t at = 0; (at = t.find("\xE2\x98", at)) != std::string::npos;) {
    at += 3;
    if (t[at - 1] != '\x90' && t[at - 1] != '\x92') continue;  // ☐ U+2610, ☒ U+2612
    std::size_t end = std::min(t.find('\n', at), t.size());
    bool whole = end - at <= short_label;
    for (bool first = true; at < t.size() && t[at] != '\n'; ++at)
      if (t[at] == ' ' && (first || (whole && (at + 1 >= t.size() || t[at + 1] != '(')))) {
        t.replace(at, 1, "\u00A0");
        first = false;
      }
  }
  return t;
}

std::string line_html(const doc::Line& l) {
  std::string out;
  for (const auto& s : l) {
    std::string t = boxes_html(text_html(s.text));
    for (std::size_t p; (p = t.find('\n')) != std::string::npos;) t.replace(p, 1, "<br>");
    switch (s.style) {
      case doc::Style::Normal: out += t; break;
      case doc::Style::Strong: out += "<strong>" + t + "</strong>"; break;
      case doc::Style::Emphasis: out += "<em>" + t + "</em>"; break;
      case doc::Style::Blank: out += "<span class=\"blanc\">" + t + "</span>"; break;
    }
  }
  return out;
}

// A table of five columns or more is set smaller (table.large), of six
// smaller still: the longest
// words of its columns (Annexe 2's capitalised names, the AO table's
// headings) must fit the page side by side, or chromium shrinks every page.
std::string table_html(const doc::Table& t) {
  std::string out = t.head.size() >= 6 ? "<table class=\"large tres-large\">"
                    : t.head.size() >= 5 ? "<table class=\"large\">" : "<table>";
  if (!t.caption.empty()) out += "<caption>" + text_html(t.caption) + "</caption>";
  out += "<thead><tr>";
  for (std::size_t i = 0; i < t.head.size(); ++i)
    out += fmt::format("<th scope=\"col\"{}>{}</th>", i < t.numeric.size() && t.numeric[i] ? " class=\"nombre\"" : "",
                       text_html(t.head[i]));
  out += "</tr></thead><tbody>";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      const auto& c = row[i];
      std::string cls = c.number || (i < t.numeric.size() && t.numeric[i]) ? " class=\"nombre\"" : "";
      if (c.header) out += "<th scope=\"row\"" + cls + ">" + line_html(c.content) + "</th>";
      else out += "<td" + cls + ">" + line_html(c.content) + "</td>";
    }
    out += "</tr>";
  }
  return out + "</tbody></table>\n";
}

// The class of the cover's list of signatories: one column up to 14 parties
// (one A4 page at 1,8 line spacing), then 2, 3 or 4 columns in smaller type
// (the Grand Dole: 49 parties; the largest EPCI of France: about 160).
std::string cover_columns(std::size_t n) {
  if (n <= 14) return "";
  if (n <= 30) return " colonnes-2";
  if (n <= 75) return " colonnes-3";
  return " colonnes-4";
}

// « L. 214-2 », « n° 2026-153-004 », « 2026-2030 » never broken at a hyphen:
// each run of digits and hyphens (a hyphen between two digits), with the
// « L. », « R. », « D. » or « n° » before it, in a span kept on one line. The
// text keeps its hyphens, so that a search in the PDF finds « L. 214-2 ».
// Only text between tags, outside <style>, <svg> and <title>.
std::string unbroken_references(const std::string& html) {
  auto digit = [&](std::size_t k) { return k < html.size() && html[k] >= '0' && html[k] <= '9'; };
  std::string out;
  out.reserve(html.size() + html.size() / 50);
  for (std::size_t i = 0; i < html.size();) {
    if (html[i] == '<') {
      std::size_t end = html.find('>', i);
      for (std::string_view skipped : {"<style", "<svg", "<title"})
        if (html.compare(i, skipped.size(), skipped) == 0) end = html.find("</" + std::string(skipped.substr(1)), i);
      end = end == std::string::npos ? html.size() : html.find('>', end);
      end = end == std::string::npos ? html.size() : end + 1;
      out.append(html, i, end - i);
      i = end;
      continue;
    }
    std::size_t k = i;
    while (digit(k) || (k < html.size() && html[k] == '-' && digit(k - 1) && digit(k + 1))) ++k;
    bool hyphen = false;
    for (std::size_t j = i; j < k && !hyphen; ++j) hyphen = html[j] == '-';
    if (!hyphen || (i > 0 && (digit(i - 1) || html[i - 1] == '-'))) {
      out += html[i++];
      continue;
    }
    std::size_t from = i;  // the reference's prefix, already copied: moved into the span
    for (std::string_view prefix : {"L. ", "R. ", "D. ", "n° ", "L.\u00A0", "R.\u00A0", "D.\u00A0", "n°\u00A0"})
      if (i >= prefix.size() && html.compare(i - prefix.size(), prefix.size(), prefix) == 0) from = i - prefix.size();
    out.resize(out.size() - (i - from));
    out += "<span class=\"insecable\">" + html.substr(from, k - from) + "</span>";
    i = k;
  }
  return out;
}

// The headings listed in the sommaire: every part, and in the annexes the AO
// table, the offer tables and the fiches.
bool in_sommaire(const doc::Block& b) {
  if (b.kind != doc::Kind::Heading) return false;
  if (b.level == 2) return true;
  return b.level == 3 && (b.id == "autorites-organisatrices" || b.id.rfind("offre-", 0) == 0 || b.id.rfind("fiche", 0) == 0);
}

// The sommaire: one entry per part, nested entries under it; each with the
// place of its page number (filled in by print::pdf_from_html).
std::string sommaire_html(const doc::Document& d, const std::vector<std::string>& ids) {
  std::string out = "<nav class=\"sommaire\" aria-label=\"Sommaire\">\n<h2>Sommaire</h2>\n<ol>\n";
  bool nested = false, open = false;
  for (std::size_t i = 0; i < d.blocks.size(); ++i) {
    const auto& b = d.blocks[i];
    if (!in_sommaire(b)) continue;
    if (b.level == 2) {
      out += nested ? "</ol></li>\n" : open ? "</li>\n" : "";
      nested = false;
    } else if (!nested) {
      out += "<ol>\n";
      nested = true;
    }
    out += fmt::format("<li><a href=\"#{0}\"><span class=\"titre\">{1}</span><span class=\"page\" data-page-of=\"{0}\">"
                       "</span></a>{2}",
                       xml_escape(ids[i]), line_html(b.line), b.level == 2 ? "" : "</li>\n");
    open = b.level == 2 || open;
  }
  out += nested ? "</ol></li>\n" : open ? "</li>\n" : "";
  return out + "</ol>\n</nav>\n";
}

}  // namespace

std::string to_html(const doc::Document& d) {
  // Unique anchors for the table of contents.
  std::map<std::string, int> used;
  std::vector<std::string> ids;
  for (const auto& b : d.blocks) {
    std::string id = b.id.empty() ? "section" : b.id;
    int n = used[id]++;
    ids.push_back(n ? fmt::format("{}-{}", id, n + 1) : id);
  }
  std::string out;
  out.reserve(doc::text_size(d, 40));  // a cell is « <td class="…">…</td> »: 40 bytes of markup
  out += "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + text_html(d.title + " – " + d.subtitle) + "</title>\n<style>" + css + (d.draft ? draft_css : "") + "</style>\n</head>\n<body>\n";
  out += "<header class=\"couverture\">\n";
  if (d.draft) out += "<p><span class=\"projet\">Projet</span></p>\n";
  out += "<h1>" + text_html(d.title) + "</h1>\n<p class=\"sous-titre\">" + text_html(d.subtitle) + "</p>\n";
  if (!d.signatories.empty()) {
    out += fmt::format("<ul class=\"signataires{}\" aria-label=\"Signataires\">\n",
                       cover_columns(d.signatories.size()));
    for (const auto& s : d.signatories) out += "<li>" + text_html(s) + "</li>\n";
    out += "</ul>\n";
  }
  out += "</header>\n";
  out += sommaire_html(d, ids) + "<main>\n";
  int note_block = 0;
  for (std::size_t i = 0; i < d.blocks.size(); ++i) {
    const auto& b = d.blocks[i];
    switch (b.kind) {
      case doc::Kind::Heading:
        out += fmt::format("<h{0} id=\"{1}\">{2}</h{0}>\n", b.level, xml_escape(ids[i]), line_html(b.line));
        break;
      case doc::Kind::Paragraph: out += "<p>" + line_html(b.line) + "</p>\n"; break;
      case doc::Kind::List:
      case doc::Kind::OrderedList: {
        const char* tag = b.kind == doc::Kind::List ? "ul" : "ol";
        out += fmt::format("<{}>", tag);
        for (const auto& item : b.items) out += "<li>" + line_html(item) + "</li>";
        out += fmt::format("</{}>\n", tag);
        break;
      }
      case doc::Kind::Markdown:
        out += markdown::to_html(b.markdown, 1, fmt::format("n{}-", ++note_block)) + "\n";
        break;
      case doc::Kind::TableBlock: out += table_html(b.table); break;
      case doc::Kind::Signatures:
        if (!b.line.empty()) out += "<p class=\"fait-a\">" + line_html(b.line) + "</p>\n";
        out += "<section class=\"signatures\" aria-label=\"Signatures\">\n";
        for (const auto& row : b.table.rows) {
          out += "<div class=\"signature\"><p class=\"signataire\">" + line_html(row[0].content) + "</p>";
          for (std::size_t k = 1; k < row.size(); ++k) out += "<p>" + line_html(row[k].content) + "</p>";
          out += "<div class=\"place\"></div><p class=\"cachet\">Signature et cachet</p></div>\n";
        }
        out += "</section>\n";
        break;
      case doc::Kind::Figure:
        out += "<figure>" + b.svg + "<figcaption>" + text_html(b.alt) + "</figcaption></figure>\n";
        break;
      case doc::Kind::PageBreak: out += "<div class=\"saut\"></div>\n"; break;
    }
  }
  out += "</main>\n</body>\n</html>\n";
  return unbroken_references(out);
}

}  // namespace ctg::render
