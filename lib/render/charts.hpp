// SPDX-License-Identifier: EUPL-1.2
// Inline SVG charts for the HTML document: no script, no external
// resource, readable in print and in grey (patterns and labels, not colour).
#pragma once

#include <string>

#include "base/text.hpp"
#include "coverage/coverage.hpp"
#include "format/model.hpp"

namespace ctg::render::charts {

// Each AO's population as a bar against the 3 500 and 10 000 thresholds;
// empty when no AO has a population.
std::string population_thresholds(const Ctg& ctg);

// Places by mode for each column (actuel, each year), stacked, with the
// coverage rate above each bar when it is known; empty without places.
std::string offer_by_year(const coverage::Perimeter& p);


}  // namespace ctg::render::charts
