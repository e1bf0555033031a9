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

#include "coverage.hpp"
#include "diagnostic.hpp"
#include "model.hpp"

namespace ctg::rules {

// How sure we are of the reading of the law (ao-rules.md): a rule read from
// secondary sources (S) or an interpretation (I) is never more than a warning.
enum class Confidence { Confirmed, Secondary, Interpretation };

enum class Stage { Brouillon, Signature };

struct Options {
  std::optional<Date> at;  // reference date of date-dependent rules; default: the CTG's start
  Stage stage = Stage::Brouillon;
  bool referentiel = true;  // REF-*: compare with the official geography (--sans-referentiel: false)
};

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
};

const std::vector<Rule>& all();
const Rule* find(std::string_view id);

// What a check sees and how it reports.
struct Context {
  const Ctg& ctg;
  Date at;
  Stage stage;
  const coverage::Report& coverage;
  Diagnostics& out;
  const Rule* rule = nullptr;
  bool referentiel = true;  // Options::referentiel

  // Reports a finding of the current rule: its severity is capped by the
  // rule's, and by its confidence (S or I: at most a warning).
  void report(Severity s, Loc loc, std::string message, std::string hint = {});
  void error(Loc loc, std::string message, std::string hint = {}) { report(Severity::Error, loc, std::move(message), std::move(hint)); }
  void warning(Loc loc, std::string message, std::string hint = {}) { report(Severity::Warning, loc, std::move(message), std::move(hint)); }
  void note(Loc loc, std::string message, std::string hint = {}) { report(Severity::Note, loc, std::move(message), std::move(hint)); }
};

// Runs every rule on a CTG that loaded without error.
Diagnostics check(const Ctg& ctg, const Options& options = {});
// The same, with the coverage rates of the CTG already computed
// (coverage::compute(ctg)) by a caller that needs them too.
Diagnostics check(const Ctg& ctg, const Options& options, const coverage::Report& cov);

// « exercée », « transférée »… in checks' messages.
std::string competence_name(Competence c);

}  // namespace ctg::rules

namespace ctg::rules {

// One item of the content of the schéma pluriannuel (art. D214-10-1 I CASF)
// and the part of the CTG that holds it: the single place where the two are
// mapped (SCH-1, `ctg explain SCH-1`, man ctg-validate).
struct SchemaItem {
  std::string_view id;     // « 1° », « 4° a) »
  std::string_view text;   // what the decree asks for
  std::string_view where;  // where the CTG holds it, in the format's keys
  bool (*present)(const Ctg&, const AoEntry&);
};

const std::vector<SchemaItem>& schema_items();

}  // namespace ctg::rules
