// SPDX-License-Identifier: EUPL-1.2
// `ctg avenant`: the amendment Article 11 of a CTG requires, drafted from
// the differences between the signed convention and its new version: one
// article per modified part, each change in legal French, the other clauses
// confirmed, and the signature block of the parties.
#pragma once

#include "diff/diff.hpp"
#include "render/document.hpp"
#include "format/model.hpp"

#include <optional>

namespace ctg::avenant {

// Whether the changes amend the convention at all: the place and date of
// its own signature are not amendments.
bool amends(const diff::Result& changes);

// `effect`: the date the avenant takes effect (« prise d'effet »); by default
// the date a transfer takes effect, else a blank to fill in.
render::doc::Document build(const Ctg& before, const Ctg& after, const diff::Result& changes, int number,
                    const std::optional<Date>& effect = std::nullopt);

}  // namespace ctg::avenant
