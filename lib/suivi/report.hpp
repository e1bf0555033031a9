// SPDX-License-Identifier: EUPL-1.2
// `ctg suivi`: the tracking table (status.hpp) for people and for tools: a
// terminal report, GitHub Markdown, CSV (international or French
// spreadsheet conventions) and JSON (format ctg-suivi/1, ctg-suivi(1)).
// Private notes are never written: only published comments.
#pragma once

#include <string>

#include "format/model.hpp"
#include "suivi/status.hpp"

namespace ctg::suivi {

enum class Format { Text, Markdown, Csv, CsvFr, Json };

std::string render(const Ctg& ctg, const Snapshot& s, Format format);

// « 12 », « 1,7 » (French), or « — » when unknown.
std::string figure(const std::optional<Decimal>& v);
std::string rate(const std::optional<std::int64_t>& tenths);

}  // namespace ctg::suivi
