// SPDX-License-Identifier: EUPL-1.2
// The check functions of the rule table (rules_table.cpp), by family:
// rules_ao.cpp (AO-*), rules_schema.cpp (SCH-*, CTG-1), rules_consistency.cpp
// (the CTG against itself), rules_legal.cpp (LEX-*: the legal texts cited).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/rules.hpp"

namespace ctg::rules {

// The AOs that hold 3° with more than 10 000 inhabitants: the schéma
// pluriannuel is theirs to establish (AO-6), and the CTG may stand in (SCH-1):
// at `at`, by the transfers in force then (all of them without a date).
std::vector<const AoEntry*> aos_needing_schema(const Ctg& ctg, const std::optional<Date>& at = std::nullopt);

// A commune's name as a reader compares it: case, accents, hyphens and
// « Saint »/« St » aside (« CHATEAU ARNOUX ST AUBAN » is « Château-Arnoux-Saint-Auban »).
std::string fold_name(std::string_view s);

// A text of the CTG a reader sees, with where it is (visas, préambule,
// articles, diagnostic, plan d'actions, fiches, annexe 4): the prose that
// LEX-* and SIG-2 read.
struct Prose {
  std::string what;  // « le visa « loi-plein-emploi » », « l'article 3 »
  Loc loc;
  const std::string* text;
};
std::vector<Prose> prose(const Ctg& ctg);

namespace checks {

void ao_1(Context&);
void ao_2(Context&);
void ao_3(Context&);
void ao_4(Context&);
void ao_5(Context&);
void ao_6(Context&);
void ao_7(Context&);
void ao_8(Context&);
void ao_9(Context&);
void ao_10(Context&);
void ao_11(Context&);
void ao_12(Context&);

void sch_1(Context&);
void sch_2(Context&);
void sch_3(Context&);
void sch_4(Context&);
void sch_5(Context&);
void ctg_1(Context&);
void ctg_2(Context&);

void trf_1(Context&);
void trf_2(Context&);
void trf_3(Context&);
void off_1(Context&);
void off_2(Context&);
void off_3(Context&);
void off_4(Context&);
void diag_1(Context&);
void diag_2(Context&);
void diag_3(Context&);
void diag_4(Context&);
void diag_5(Context&);
void diag_6(Context&);
void eqp_1(Context&);
void eqp_2(Context&);
void eqp_3(Context&);
void dat_1(Context&);
void sig_1(Context&);
void sig_2(Context&);
void fic_1(Context&);
void fic_2(Context&);
void fic_3(Context&);

// rules_referentiel.cpp: the official geography and legal populations.
void ref_1(Context&);
void ref_2(Context&);
void ref_3(Context&);
void ref_4(Context&);
void ref_5(Context&);
void ref_6(Context&);
void ref_7(Context&);

// rules_legal.cpp: the legal texts cited and the counts announced.
void lex_1(Context&);
void lex_2(Context&);
void lex_3(Context&);

}  // namespace checks
}  // namespace ctg::rules
