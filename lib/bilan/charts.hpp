// SPDX-License-Identifier: EUPL-1.2
// Inline SVG charts of the bilans, in the style of charts.hpp (no script,
// readable in grey: shades, hatchings and labels rather than colour).
#pragma once

#include <string>
#include <vector>

#include "suivi/status.hpp"

namespace ctg::bilan::charts {

// One stacked bar per axis: its actions clés by state.
std::string actions_by_state(const suivi::Snapshot& s);

// Places of the five coverage components, projected and realised, per year.
std::string places_by_year(const std::vector<suivi::TrajectoryPoint>& t);

// The whole territory's coverage rate, projected and realised, per year.
std::string coverage_trajectory(const std::vector<suivi::TrajectoryPoint>& t);

}  // namespace ctg::bilan::charts
