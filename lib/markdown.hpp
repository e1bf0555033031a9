// The users' Markdown texts (articles, préambule, diagnostic…) turned into
// HTML: paragraphs, headings, nested lists, quotations, **gras**, *italique*,
// `code` and footnotes [^1]. Everything else is escaped: raw HTML and links
// come out as text, so nothing a user writes can run in the page.
#pragma once

#include <string>
#include <string_view>

namespace ctg::markdown {

// `heading_shift`: a user's « ## » becomes <h{2 + shift}>.
// `note_prefix`: makes footnote anchors unique in the page.
std::string to_html(std::string_view md, int heading_shift, const std::string& note_prefix);

// The same text made safe to embed in a Markdown document: raw HTML and
// links are neutralised (« < » and « [ » escaped, footnotes [^1] kept), its
// headings moved down `heading_shift` levels as in HTML; the rest is kept.
std::string sanitize(std::string_view md, int heading_shift = 0);

// A plain text escaped for Markdown: it cannot start a heading, a list, a
// table cell or an HTML tag.
std::string escape(std::string_view text);

}  // namespace ctg::markdown
