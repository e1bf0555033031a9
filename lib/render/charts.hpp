// SPDX-License-Identifier: EUPL-1.2
// Inline SVG charts for the HTML document: no script, no external
// resource, readable in print and in grey (patterns and labels, not colour).
#pragma once

#include <string>
#include <string_view>

#include "base/text.hpp"
#include "coverage/coverage.hpp"
#include "format/model.hpp"

namespace ctg::render::charts {

// The smallest font size, in units of a chart `width` units wide, that prints
// at 8 pt: a figure takes the width of the text block, 490 pt on A4.
int min_font(int width);

// A label over a white box, so that a line or a hatching behind it never
// crosses its letters; `anchor`: start, middle or end. Not a stroked halo:
// chromium writes the stroke as a second copy of the text, and a search in
// the PDF found every word twice.
std::string label(double x, double y, int size, std::string_view text, std::string_view attributes = "",
                  std::string_view anchor = "start");

// Each AO's population as a bar against the 3 500 and 10 000 thresholds;
// empty when no AO has a population.
std::string population_thresholds(const Ctg& ctg);

// Places by mode for each column (actuel, each year), stacked, with the
// coverage rate above each bar when it is known; empty without places.
std::string offer_by_year(const coverage::Perimeter& p);


}  // namespace ctg::render::charts
