// SPDX-License-Identifier: EUPL-1.2
// The annexes of the convention and its early-childhood part, as blocks
// (render_annexes.cpp); render_build.cpp puts them in the document's order.
#pragma once

#include <vector>

#include "coverage/coverage.hpp"
#include "render/document.hpp"
#include "format/model.hpp"

namespace ctg::render::parts {

void annexe1(const Ctg& ctg, std::vector<doc::Block>& out);
void annexe2(const Ctg& ctg, std::vector<doc::Block>& out);
void annexe3(const Ctg& ctg, std::vector<doc::Block>& out);
void annexe4(const Ctg& ctg, std::vector<doc::Block>& out);
void annexe5(const Ctg& ctg, std::vector<doc::Block>& out);
// Pieces an avenant quotes: the AO table (with its heading) and a fiche action in full.
void ao_table(const Ctg& ctg, std::vector<doc::Block>& out);
void fiche(const ActionSheet& f, std::vector<doc::Block>& out);
void petite_enfance(const Ctg& ctg, std::vector<doc::Block>& out);
// The companion document (analyse.cpp): what the tool computes from the
// convention, for the comité de pilotage and the CDSF, never signed.
void analyse(const Ctg& ctg, const coverage::Report& cov, std::vector<doc::Block>& out);
void indicators_table(const std::vector<const Indicator*>& inds, std::vector<doc::Block>& out, const std::string& caption);

}  // namespace ctg::render::parts
