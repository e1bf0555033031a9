// SPDX-License-Identifier: EUPL-1.2
// The tracking files checked against the convention they follow: every
// reference by id (fiche, action clé, indicator, AO, mode), periods inside
// the CTG's dates, and each action's chronology. Called by the loader, so
// that every command refuses an inconsistent tracking.
#pragma once

#include <optional>
#include <string_view>

#include "base/diagnostic.hpp"
#include "format/model.hpp"

namespace ctg::format::suivi {

struct Bounds {
  Date debut, fin;
};

// The years a period may name; outside them, a PERIODE error.
constexpr int min_year = 1900, max_year = 2200;

// The first and last days of a period « 2026-T1 », « 2026-S2 », « 2026 »
// (nullopt when malformed or outside min_year–max_year).
std::optional<Bounds> bounds(std::string_view periode);

// Errors of the tracking periods of `ctg` (positioned, with did-you-mean).
void check(const Ctg& ctg, Diagnostics& out);

// The day the tracking describes by default: the end of the latest period
// (nullopt without tracking).
std::optional<Date> latest_date(const Ctg& ctg);


}  // namespace ctg::format::suivi
