// The rendered convention as a sequence of blocks, independent of the
// output format: render_build.cpp builds it from the model, render_md.cpp
// and render_html.cpp write it. Plain texts are escaped by the writers;
// Markdown texts (articles, préambule…) are the users' own formatting.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace ctg::render::doc {

enum class Style { Normal, Strong, Emphasis, Blank };

// A run of text: Blank is a dotted blank of a draft (a date still to write).
struct Span {
  std::string text;
  Style style = Style::Normal;
};
using Line = std::vector<Span>;

Line plain(std::string text);

struct Cell {
  Line content;
  bool header = false;  // a row header (scope="row")
  bool number = false;  // right-aligned figure
};

struct Table {
  std::string caption;
  std::vector<std::string> head;  // column headers (scope="col")
  std::vector<std::vector<Cell>> rows;
  std::vector<bool> numeric;      // per column: right-aligned
};

enum class Kind { Heading, Paragraph, List, OrderedList, Markdown, TableBlock, Figure, Signatures, PageBreak };

struct Block {
  Kind kind = Kind::Paragraph;
  int level = 0;            // Heading: 1 to 4
  std::string id;           // Heading: anchor for the table of contents
  Line line;                // Heading, Paragraph
  std::vector<Line> items;  // List, OrderedList
  std::string markdown;     // Markdown: the user's text
  Table table;              // TableBlock, Signatures (one row per signatory: party, then quality and name)
  std::string svg;          // Figure: inline SVG (HTML only)
  std::string alt;          // Figure: what it shows, in words (Markdown output and screen readers)
};

struct Document {
  std::string title;     // <title>, first heading
  std::string subtitle;  // territory and period
  bool draft = true;     // marked « Projet » until signature-ready
  std::vector<std::string> signatories;  // the cover page: « Provence Alpes Agglomération », …
  std::vector<Block> blocks;
};

// The bytes of the document's texts, plus `per_cell` for each cell, item and
// block: what a writer reserves before writing, so that the output of a
// national CTG (tens of megabytes) is not copied at every doubling.
std::size_t text_size(const Document& d, std::size_t per_cell);

}  // namespace ctg::render::doc
