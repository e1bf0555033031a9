// `ctg avenant`: the amendment Article 11 of a CTG requires, drafted from
// the differences between the signed convention and its new version: one
// article per modified part, each change in legal French, the other clauses
// confirmed, and the signature block of the parties.
#pragma once

#include "diff.hpp"
#include "document.hpp"
#include "model.hpp"

namespace ctg::avenant {

// Whether the changes amend the convention at all: the place and date of
// its own signature are not amendments.
bool amends(const diff::Result& changes);

doc::Document build(const Ctg& before, const Ctg& after, const diff::Result& changes, int number);

}  // namespace ctg::avenant
