// SPDX-License-Identifier: EUPL-1.2
// The coverage report (coverage.hpp) written for people and for tools:
// a terminal table, GitHub Markdown, CSV (international or French
// spreadsheet conventions) and JSON (stable, documented in ctg-coverage(1)).
#pragma once

#include <string>
#include <vector>

#include "coverage/coverage.hpp"
#include "base/source.hpp"

namespace ctg::coverage {

enum class Format { Text, Markdown, Csv, CsvFr, Json };

std::string render(const Report& report, const SourceSet& sources, Format format);

// What is missing from a perimeter's rates, each input once with the columns
// it affects: « Préscolarisation : non renseigné (actuel, 2026 à 2030) ».
std::vector<std::string> missing_summary(const Perimeter& p);

// The unit and marks of the report's tables, said once under each table.
inline constexpr const char* unit_legend = "places pour 100 enfants de moins de 3 ans ; * partiel ; — non renseigné";

}  // namespace ctg::coverage
