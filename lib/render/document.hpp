// SPDX-License-Identifier: EUPL-1.2
// The rendered convention as a sequence of blocks, independent of the
// output format: render_build.cpp builds it from the model, render_md.cpp
// and render_html.cpp write it. Plain texts are escaped by the writers;
// Markdown texts (articles, préambule…) are the users' own formatting.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
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
  std::string id = {};  // Word: a bookmark named after the source (offre-paa-eaje_psu-2027)
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
  // The anchor of a block from the source (a bookmark in Word, read back by
  // `ctg retours`): Heading, Paragraph; Markdown: the prefix of its alinéas
  // (art-6 → art-6-al-1, art-6-al-2…).
  std::string id;
  Line line;                // Heading, Paragraph
  std::vector<Line> items;  // List, OrderedList
  std::vector<std::string> item_ids;  // List, OrderedList: an anchor per item (visa-1, action-f1-1.2), or none
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
  // Word: custom document properties (ctg-titre, ctg-revision, ctg-empreinte…).
  std::vector<std::pair<std::string, std::string>> properties;
};

// The bytes of the document's texts, plus `per_cell` for each cell, item and
// block: what a writer reserves before writing, so that the output of a
// national CTG (tens of megabytes) is not copied at every doubling.
std::size_t text_size(const Document& d, std::size_t per_cell);

}  // namespace ctg::render::doc
