// SPDX-License-Identifier: EUPL-1.2
// The coverage report (coverage.hpp) written for people and for tools:
// a terminal table, GitHub Markdown, CSV (international or French
// spreadsheet conventions) and JSON (stable, documented in ctg-coverage(1)).
#pragma once

#include <string>

#include "coverage/coverage.hpp"
#include "base/source.hpp"

namespace ctg::coverage {

enum class Format { Text, Markdown, Csv, CsvFr, Json };

std::string render(const Report& report, const SourceSet& sources, Format format);

}  // namespace ctg::coverage
