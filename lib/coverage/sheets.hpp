// SPDX-License-Identifier: EUPL-1.2
// The coverage report as a spreadsheet (`ctg coverage -f xlsx`): one sheet
// per perimeter (a line per component and rate, a column per year, the same
// figures as ctg-couverture/1, as numbers), then the other ratios.
#pragma once

#include "base/source.hpp"
#include "coverage/coverage.hpp"
#include "xlsx/workbook.hpp"

namespace ctg::coverage {

xlsx::Workbook workbook(const Report& report, const SourceSet& sources, const std::string& title);

}  // namespace ctg::coverage
