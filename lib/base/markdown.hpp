// SPDX-License-Identifier: EUPL-1.2
// The users' Markdown texts (articles, préambule, diagnostic…) turned into
// HTML: paragraphs, headings, nested lists, quotations, **gras**, *italique*,
// `code` and footnotes [^1]. Everything else is escaped: raw HTML and links
// come out as text, so nothing a user writes can run in the page.
#pragma once

#include <string>
#include <string_view>

namespace ctg::markdown {

// Quotations and lists nest at most this deep; deeper levels are rendered as
// the text of the last level (bounded time and stack, whatever the input).
constexpr int max_nesting = 16;

// The nesting depth of the deepest quotation or list of `md`, counted up to
// max_nesting + 1: more than max_nesting is reported by the validation.
int nesting_depth(std::string_view md);

// `heading_shift`: a user's « ## » becomes <h{2 + shift}>.
// `note_prefix`: makes footnote anchors unique in the page.
std::string to_html(std::string_view md, int heading_shift, const std::string& note_prefix);

// The same text made safe to embed in a Markdown document, inert whatever
// reads it (pandoc's `markdown` and `gfm` readers, cmark-gfm --unsafe): no raw
// HTML (« < » escaped), no link nor image (every « [ » escaped), no bare URL or
// e-mail turned into a link (« :// » and « www. » escaped, a zero-width space
// after « @ »), no raw TeX (a backslash that escapes no punctuation is
// doubled), no TeX mathematics (« $ » escaped), no raw attribute (« { »
// escaped after « ` » or « ~ »), no metadata block (a line « --- » becomes
// « ---- »); a footnote only as [^id] with a simple id whose definition
// [^id]: is in the same text; a fenced code block left open is closed at the
// end of the text. Headings move down `heading_shift` levels as in HTML; the
// rest is kept.
std::string sanitize(std::string_view md, int heading_shift = 0);

// A plain text escaped for Markdown, literal for every reader above: it
// cannot start a heading, a list, a definition, a table cell, an HTML tag,
// raw TeX, mathematics, a code span or a raw attribute, and no URL or e-mail
// in it becomes a link.
std::string escape(std::string_view text);

}  // namespace ctg::markdown
