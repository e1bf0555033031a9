// SPDX-License-Identifier: EUPL-1.2
// The codecs of the one format description (format.hpp), in two files:
// format.cpp writes the document, the convention, its parties, visas and
// articles; annexes.cpp the annexes (diagnostic, equipment, AO table, offer,
// coverage data, plan d'actions, fiches, pilotage, décisions). This header
// is what the two share; it is internal to format/.
#pragma once

#include <cstdint>

#include "format/codec.hpp"
#include "format/model.hpp"

namespace ctg::format::sections {

// No count in a CTG comes near a hundred million (France has 68 million
// inhabitants): a larger number is a typing error, and the bound keeps every
// sum and rate of the coverage exact.
inline constexpr std::int64_t max_count = 100'000'000;

inline constexpr const char* insee_pattern = "(2A|2B|[0-9]{2})[0-9]{3}";
inline constexpr const char* insee_hint = "un code INSEE a cinq caractères, entre guillemets : \"04070\"";

// A party's or an AO's population, with its millésime (format.cpp).
codec::Codec<Population> population();

// The annexes (annexes.cpp).
codec::Codec<Diagnosis> diagnosis();
codec::Codec<Equipment> equipment();
codec::Codec<AoEntry> ao_entry();
codec::Codec<OfferTable> offer_table();
codec::Codec<CoverageData> coverage_data();
codec::Codec<ActionPlan> action_plan();
codec::Codec<ActionSheet> action_sheet();
codec::Codec<Governance> governance();
codec::Codec<CouncilDecisions> council_decisions();

}  // namespace ctg::format::sections
