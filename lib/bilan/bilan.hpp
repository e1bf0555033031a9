// SPDX-License-Identifier: EUPL-1.2
// `ctg bilan`: the document the comité de pilotage reads (Article 9):
// summary, progress per axis with charts, indicators, places and coverage
// realised against projected, what changed since the last bilan, the
// difficulties reported and the decisions to take. Built as blocks
// (document.hpp) and written by the same writers as `ctg render`.
#pragma once

#include <optional>
#include <string>

#include "render/document.hpp"
#include "format/model.hpp"

namespace ctg::bilan {

enum class BilanKind { Annuel, Intermediaire, Final };

struct BilanOptions {
  BilanKind kind = BilanKind::Annuel;
  int year = 0;                 // the year of an annual bilan
  std::optional<Date> au;       // default: the end of the year, or of the latest period
  bool petite_enfance = false;  // the part sent to the CDSF (art. L214-2 CASF)
  bool provisoire = false;      // asked for: an annual or final bilan before the tracking covers its period
};

// The bilan, or nullopt with `error` set to a French reason (no tracking
// period in the year; an annual or final bilan whose period the tracking
// does not reach, unless `provisoire`).
std::optional<render::doc::Document> build_bilan(const Ctg& ctg, const BilanOptions& options, std::string& error);

}  // namespace ctg::bilan
