// SPDX-License-Identifier: EUPL-1.2
// The remarks of the tracking for `ctg validate` (rules/validation.cpp),
// from the tracking table at a date (status.hpp).
#pragma once

#include "base/diagnostic.hpp"
#include "format/model.hpp"

namespace ctg::suivi {

// Remarks of `ctg validate`: actions past their échéance and not réalisée at
// `at` (SUIVI-RETARD); the early-childhood part of the bilan intermédiaire not
// sent to the CDSF once mid-term is past (SUIVI-BILAN).
void remarks(const Ctg& ctg, Date at, Diagnostics& out);

}  // namespace ctg::suivi
