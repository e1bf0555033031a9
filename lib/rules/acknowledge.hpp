// SPDX-License-Identifier: EUPL-1.2
// Findings acknowledged in the source (« constats_acquittes » of ctg.yaml,
// like lintian overrides): each entry names a rule, optionally a party, a
// file or a line, and a reason. validate reports the findings it matches as
// acknowledged — never silently — and an entry that matches none is itself
// a warning (ACQUITTEMENT), at its position: a stale override.
#pragma once

#include "base/diagnostic.hpp"
#include "format/model.hpp"

namespace ctg::rules {

// Marks the findings of `findings` that an entry of `ctg.constats_acquittes`
// matches and adds a warning for each entry that matches none. `referentiel`:
// whether the REF-* rules ran (an entry for REF-* is not stale without them).
Diagnostics acknowledge(const Ctg& ctg, const SourceSet& sources, const Diagnostics& findings, bool referentiel);

}  // namespace ctg::rules
