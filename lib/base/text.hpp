// SPDX-License-Identifier: EUPL-1.2
// Small text helpers shared by the loader and the commands.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ctg {

// « texte », with the non-breaking spaces French typography puts inside.
std::string guillemets(std::string_view s);

// Edit distance (insertions, deletions, substitutions, adjacent transpositions)
// counted in code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a plausible
// typo (ninja's and git's "did you mean"); nullopt otherwise.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

// THE sanitising function, applied to every text that reaches a terminal or a
// document (the output boundary: cli::emit, write_output, the diagnostics, the
// charts, the Markdown converter): what a user wrote is shown, never
// interpreted. Replaced by U+FFFD: C0 controls except tab and line feed (a
// carriage return only when it ends a line, CRLF), DEL, C1 controls
// (U+0080–U+009F, CSI U+009B included), bidirectional overrides and isolates
// (U+202A–U+202E, U+2066–U+2069), the non-characters U+FFFE and U+FFFF (not
// allowed in XML: a Word file holding one is unreadable) and bytes that are not
// UTF-8 (a lone 0x9B is a CSI for some terminals). With `keep_sgr`, the colour sequences that ctg
// itself writes (ESC [ digits ; m) are kept, nothing else.
std::string printable(std::string_view s, bool keep_sgr = false);
// Whether printable(s, keep_sgr) == s, without copying all of `s` (a
// national document is tens of megabytes): checked a line run at a time.
bool is_printable(std::string_view s, bool keep_sgr = false);

// A system error (errno) said in French, whatever the machine's locale.
std::string system_error(int err);

// Escapes text for XML (SVG, HTML, OpenXML): & < > " ' and, through
// printable(), every control character.
std::string xml_escape(std::string_view s);

// "a, b et c"
std::string join_french(const std::vector<std::string>& items, std::string_view last_sep = " et ");
std::string join(const std::vector<std::string>& items, std::string_view sep);

// One CSV field (RFC 4180): quoted, with doubled quotes, when it holds the
// separator, a quote or a line break.
std::string csv_field(std::string_view s, char sep = ',');

}  // namespace ctg
