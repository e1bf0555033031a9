// SPDX-License-Identifier: EUPL-1.2
// The tracking table as a spreadsheet (`ctg suivi -f xlsx`): a sheet for the
// actions clés, the indicators, the offer and the coverage rates, the same
// rows and values as ctg-suivi/1 (numbers as numbers, dates as dates).
// Private notes are never written.
#pragma once

#include <string>

#include "format/model.hpp"
#include "suivi/status.hpp"
#include "xlsx/workbook.hpp"

namespace ctg::suivi {

xlsx::Workbook workbook(const Ctg& ctg, const Snapshot& s, const std::string& source);

}  // namespace ctg::suivi
