// SPDX-License-Identifier: EUPL-1.2
// The text report of `ctg validate` for people (issue 22): each finding as
// format_human writes it, the same remark over many parties grouped in one
// line, findings filtered by severity, and a summary with counts per rule.
// The JSON and SARIF reports are not touched: they always carry every finding.
#pragma once

#include <string>

#include "base/diagnostic.hpp"
#include "rules/validation.hpp"

namespace ctg::rules {

struct TextReportOptions {
  Severity shown = Severity::Note;  // print findings of this severity or graver
  bool quiet = false;               // print no finding, only the summary
  bool detail = false;              // never group remarks
  std::string when;                 // appended to the summary line: « (règles sur toute la période…) »
};

// Remarks grouped when at least this many have the same rule, help and text
// apart from the party they name (« Dole : date de la délibération encore vide »).
inline constexpr std::size_t group_threshold = 3;
// The summary counts per rule beyond this many findings (or when some are hidden).
inline constexpr std::size_t per_rule_threshold = 10;

std::string validation_text(const FileValidation& file, const TextReportOptions& options, HumanStyle style);

}  // namespace ctg::rules
