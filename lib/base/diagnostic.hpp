// SPDX-License-Identifier: EUPL-1.2
// Diagnostics: what the core reports instead of throwing. Each says where
// (a Loc), what (a French sentence with the figures involved) and what to do.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/source.hpp"
#include "base/values.hpp"

namespace ctg {

enum class Severity { Error, Warning, Note };

// The French word shown to users: « erreur », « avertissement », « remarque ».
const char* severity_label(Severity s);

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;     // stable identifier: « YAML », « CLE-INCONNUE », « AO-7 »…
  Loc loc;
  std::string message;  // one French sentence, with the numbers that led to it
  std::string hint;     // what to do; may be empty
  int span = 1;         // characters to underline from loc.col
  // When the CTG is checked over its whole period: the first and last days
  // the finding holds, when it does not hold over the whole period.
  std::optional<Date> from;
  std::optional<Date> until;
  // Set by validate when a « constats_acquittes » entry of the CTG matches
  // the finding: its reason, and where the entry is. An acknowledged finding
  // is still reported, as such, but no longer counted by count().
  std::optional<std::string> acknowledged;
  Loc acknowledged_at;
};

class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(std::string code, Loc loc, std::string message, std::string hint = {}, int span = 1);
  void warning(std::string code, Loc loc, std::string message, std::string hint = {}, int span = 1);
  void note(std::string code, Loc loc, std::string message, std::string hint = {}, int span = 1);

  const std::vector<Diagnostic>& items() const { return items_; }
  std::size_t count(Severity s) const;  // the findings not acknowledged
  std::size_t acknowledged() const;      // the acknowledged ones
  bool has_errors() const { return count(Severity::Error) > 0; }
  bool empty() const { return items_.empty(); }
  // Orders by file, line, column (stable for equal positions).
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

struct HumanStyle {
  bool color = false;
};

// « fichier:ligne:col: erreur[CODE]: message », the source line, a caret, the hint.
std::string format_human(const Diagnostic& d, const SourceSet& sources, HumanStyle style = {});
// « 2 erreurs, 1 avertissement » (French plural rules, « aucune erreur » when
// empty), then « 3 constats acquittés » when some are.
std::string summary_line(const Diagnostics& diags);

}  // namespace ctg
