// SPDX-License-Identifier: EUPL-1.2
// The validation rules: the law on the AO competences (art. L214-1-3,
// L214-2, D214-10-1 CASF, see ../shared/docs/ao-rules.md) and the CTG's
// consistency with itself. One table: each rule has its id, its severity,
// its citation, the confidence of its legal reading, a French explanation,
// an example, and the function that checks it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coverage/coverage.hpp"
#include "base/diagnostic.hpp"
#include "format/model.hpp"

namespace ctg::rules {

// How sure we are of the reading of the law (ao-rules.md): a rule read from
// secondary sources (S) or an interpretation (I) is never more than a warning.
enum class Confidence { Confirmed, Secondary, Interpretation };

enum class Stage { Brouillon, Signature };

struct Options {
  // The one date the rules are checked at; by default, every date of the
  // CTG's period where an outcome can change (evaluation_dates).
  std::optional<Date> at;
  Stage stage = Stage::Brouillon;
  bool referentiel = true;  // REF-*: compare with the official geography (--sans-referentiel: false)
};

// The dates the law changes (art. 17 of loi n° 2023-1196 du 18 décembre
// 2023; décret n° 2025-253 du 20 mars 2025, JO du 21 mars 2025).
inline constexpr Date ao_regime_start{2025, 1, 1};     // communes are AO
inline constexpr Date schema_decree_start{2025, 3, 22};  // D214-10-1, the day after the JO
inline constexpr Date rpe_start{2026, 1, 1};            // RPE above 10 000 (secondary sources)

// Where a rule's outcome can change within the CTG: its start, 1 January of
// each later year (populations in force, projections), the dates above, and
// the effective date (depuis) of each transfer and the day after its end (jusqu_au).
std::vector<Date> evaluation_dates(const Ctg& ctg);

struct Context;

struct Rule {
  std::string_view id;
  Severity severity;  // the most severe finding it can give
  Confidence confidence;
  std::string_view title;        // one line, French
  std::string_view citation;     // « art. L214-1-3 II CASF »; empty for consistency rules
  std::string_view legal_text;   // the text quoted by `ctg explain`
  std::string_view explanation;  // what is checked and why, French
  std::string_view example;      // a small YAML example that triggers it
  void (*check)(Context&);
  bool timeless = false;  // its outcome does not depend on the date: checked once over a period
};

const std::vector<Rule>& all();
const Rule* find(std::string_view id);

// What a check sees and how it reports.
struct Context {
  const Ctg& ctg;
  Date at;  // the date being checked
  Stage stage;
  const coverage::Report& coverage;
  Diagnostics& out;
  const Rule* rule = nullptr;
  bool first = true;                // the first date checked (or the only one, with --at)
  Diagnostics* whole = nullptr;     // findings about the whole period, said once without a date
  bool referentiel = true;          // Options::referentiel (REF-*: compare with the official geography)

  // Reports a finding of the current rule: its severity is capped by the
  // rule's, and by its confidence (S or I: at most a warning).
  void report(Severity s, Loc loc, std::string message, std::string hint = {});
  // The same, citing `citation` instead of the rule's (a figure no law decides on cites its source).
  void report_citing(std::string_view citation, Severity s, Loc loc, std::string message, std::string hint = {});
  void error(Loc loc, std::string message, std::string hint = {}) { report(Severity::Error, loc, std::move(message), std::move(hint)); }
  void warning(Loc loc, std::string message, std::string hint = {}) { report(Severity::Warning, loc, std::move(message), std::move(hint)); }
  void note(Loc loc, std::string message, std::string hint = {}) { report(Severity::Note, loc, std::move(message), std::move(hint)); }
  // A remark about the whole period (« le régime des AO commence pendant la CTG »).
  void period_note(Loc loc, std::string message, std::string hint = {});
};

// Runs every rule on a CTG that loaded without error: at options.at, or at
// each evaluation date, each finding then saying from (and until) which
// date it holds (Diagnostic::from, until; « à partir du 1er janvier 2026 : »).
Diagnostics check(const Ctg& ctg, const Options& options = {});
// The same, with the coverage rates of the CTG already computed
// (coverage::compute(ctg)) by a caller that needs them too.
Diagnostics check(const Ctg& ctg, const Options& options, const coverage::Report& cov);

// « exercée », « transférée »… in checks' messages.
std::string competence_name(Competence c);

}  // namespace ctg::rules

namespace ctg::rules {

// One item of the content of the schéma pluriannuel (art. D214-10-1 I CASF)
// and the parts of the CTG that hold it: the single place where the two are
// mapped (SCH-1, `ctg explain SCH-1`, man ctg-validate). An item is found
// (1) in its own place of the format (`where`), (2) in a fiche action or an
// offer table of the AO that declares it (elements_schema), or (3) failing
// both, by the words of `keywords` in the fiches' texts and the AO's offer
// lines (`fallback`). 4° f) also needs its substance: a cost in euros.
struct SchemaItem {
  SchemaElement element;
  std::string_view id;     // « 1° », « 4° a) »
  std::string_view text;   // what the decree asks for
  std::string_view where;  // where the CTG holds it, in the format's keys
  bool (*present)(const Ctg&, const AoEntry&);
  std::vector<std::string_view> keywords;  // folded; empty: no fallback detection
  std::string_view fallback;               // the fallback, in French, for explain
};

// Where the CTG answers `item` for AO `e` (« fiche action 3, action clé 3.7 »),
// or nothing.
std::optional<std::string> schema_item_found(const Ctg& ctg, const AoEntry& e, const SchemaItem& item);

const std::vector<SchemaItem>& schema_items();

// A legal text the tool knows (LEX-*, `ctg explain LEX-1`): the texts that
// found the AO regime and the schéma, and those the model's visas cite.
struct LegalText {
  std::string_view kind;    // « loi », « décret », « ordonnance »
  std::string_view number;  // « 2023-1196 »
  Date date;
  std::string_view title;     // official title, after « du <date> »
  std::string_view articles;  // CASF / CSS articles it creates or modifies
  std::vector<std::string_view> names;  // folded words that name it without its number (« plein emploi »)
};

const std::vector<LegalText>& legal_texts();

// An article of a code the model cites, and what it provides.
struct CodeArticle {
  std::string_view code;     // « CASF », « CSS »
  std::string_view article;  // « L214-1-3 »
  std::string_view subject;  // what it provides, French
  std::string_view source;   // the text that created or last rewrote it, when known
};

const std::vector<CodeArticle>& code_articles();

}  // namespace ctg::rules
