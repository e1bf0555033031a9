// SPDX-License-Identifier: EUPL-1.2
// The Word file pandoc wrote, finished for the partners' office suites
// (internal to print/, used by docx_from_markdown):
// - each table made by pandoc (style « Table ») gets column widths from its
//   content, within the A4 text block: no header word cut in two, no table
//   on half the page;
// - each chart image (a PNG drawn by rsvg-convert) also carries its SVG
//   (asvg:svgBlip), which Word 2016 and later draw; Word 2013 and
//   LibreOffice keep the PNG;
// - Word updates the fields (the table of contents, its page numbers) when
//   it opens the file (w:updateFields).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ctg::print::docx {

// The A4 text block of the reference documents: 21 cm less two margins of 2 cm, in twips.
constexpr int text_width = 9638;

// Rewrites the docx at `path` in place. `svgs`: the SVG of each chart, in
// the order of the images of the document. Throws print::Error.
void finish(const std::filesystem::path& path, const std::vector<std::string>& svgs);

// The widths (twips) of columns whose cells need at least `least` (the
// longest word) and at most `most` (the whole text) to sum to `total`.
std::vector<int> column_widths(const std::vector<int>& least, const std::vector<int>& most, int total);

}  // namespace ctg::print::docx
