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
// `draft`: marked « PROJET » (the working draft); false for the signature version.
// `original_signature`: the date the convention was signed, when the old
// version does not carry it (--signature-convention); else « À REMPLIR ».
render::doc::Document build(const Ctg& before, const Ctg& after, const diff::Result& changes, int number,
                    const std::optional<Date>& effect = std::nullopt, bool draft = true,
                    const std::optional<Date>& original_signature = std::nullopt);

// What stops the signature version of the avenant (`--stage signature`):
// in the new version, the errors of `ctg validate --stage signature` but the
// handwritten place and date (render::signature_blockers); in the old one, a
// blank signature date that --signature-convention does not give (the
// avenant's visa quotes it); and a date of effect
// that neither --prise-effet nor a transfer gives.
// What stops any avenant, draft or not: a commune that transfers 3°
// (planifier) and keeps its offer table in the new version (OFF-2): the
// avenant would keep in annexe 3 an offer its author no longer plans.
Diagnostics incoherences(const Ctg& before, const Ctg& after);

struct Blockers {
  Diagnostics before, after;
};
Blockers signature_blockers(const Ctg& before, const Ctg& after, const std::optional<Date>& effect,
                            const std::optional<Date>& original_signature = std::nullopt);

}  // namespace ctg::avenant
