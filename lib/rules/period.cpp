// SPDX-License-Identifier: EUPL-1.2
// Running the rule table over a CTG's whole period: each rule at every date
// where its outcome can change, then one finding per cause, saying from
// (and until) which date it holds.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "rules/rules.hpp"

namespace ctg::rules {

namespace {

Date next_day(Date d) {
  if (++d.day <= days_in_month(d.year, d.month)) return d;
  d.day = 1;
  if (++d.month > 12) {
    d.month = 1;
    ++d.year;
  }
  return d;
}

Date previous_day(Date d) {
  if (--d.day >= 1) return d;
  if (--d.month < 1) {
    d.month = 12;
    --d.year;
  }
  d.day = days_in_month(d.year, d.month);
  return d;
}

// Every rule at one date; a rule whose outcome does not depend on the date
// only at the first, its findings then said for the whole period.
void run_table(Context& ctx) {
  for (const auto& rule : all()) {
    if (rule.timeless && !ctx.first) continue;
    ctx.rule = &rule;
    if (rule.timeless && ctx.whole) {
      Context once{ctx.ctg, ctx.at, ctx.stage, ctx.coverage, *ctx.whole, &rule, true, ctx.whole, ctx.referentiel};
      rule.check(once);
    } else {
      rule.check(ctx);
    }
  }
}

// A finding seen at the dates first … last (indexes into the dates).
struct Seen {
  Diagnostic d;
  std::size_t first = 0, last = 0;
};

using Key = std::tuple<std::string, int, int, int, int, std::string, std::string>;

Key key_of(const Diagnostic& d) {
  return {d.code, static_cast<int>(d.severity), d.loc.file, d.loc.line, d.loc.col, d.message, d.hint};
}

// « à partir du 1er janvier 2026 : », « jusqu'au 31 décembre 2025 : »…
std::string when(const std::optional<Date>& from, const std::optional<Date>& until) {
  if (from && until) return fmt::format("du {} au {} : ", to_french_long(*from), to_french_long(*until));
  if (from) return fmt::format("à partir du {} : ", to_french_long(*from));
  if (until) return fmt::format("jusqu'au {} : ", to_french_long(*until));
  return {};
}

}  // namespace

std::vector<Date> evaluation_dates(const Ctg& ctg) {
  const Date start = ctg.convention.debut, end = ctg.convention.fin;
  std::vector<Date> out{start};
  for (int y = start.year + 1; y <= end.year && y - start.year < 100; ++y) out.push_back(Date{y, 1, 1});
  for (Date d : {ao_regime_start, schema_decree_start, rpe_start})
    if (d > start && d <= end) out.push_back(d);
  // A transfer changes the EPCI's population on its effective date, and
  // again the day after its last day (jusqu_au).
  auto add = [&](Date d) {
    if (d > start && d <= end) out.push_back(d);
  };
  for (const auto& e : ctg.autorites_organisatrices)
    for (const auto& t : e.transferts) {
      if (t.depuis) add(*t.depuis);
      if (t.jusqu_au) add(next_day(*t.jusqu_au));
    }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void Context::report(Severity s, Loc loc, std::string message, std::string hint) {
  report_citing(rule->citation, s, loc, std::move(message), std::move(hint));
}

void Context::report_citing(std::string_view citation, Severity s, Loc loc, std::string message, std::string hint) {
  // A rule is never more severe than its entry, and a rule read from
  // secondary sources or interpreted is never more than a warning.
  if (static_cast<int>(s) < static_cast<int>(rule->severity)) s = rule->severity;
  if (rule->confidence != Confidence::Confirmed && s == Severity::Error) s = Severity::Warning;
  if (!citation.empty()) message += fmt::format(" ({})", citation);
  Diagnostic d;
  d.severity = s;
  d.code = std::string(rule->id);
  d.loc = loc;
  d.message = std::move(message);
  d.hint = std::move(hint);
  out.add(std::move(d));
}

void Context::period_note(Loc loc, std::string message, std::string hint) {
  if (!first) return;
  // report() writes to `out`: a copy pointed at the period's findings.
  Context once{ctg, at, stage, coverage, whole ? *whole : out, rule, first, whole, referentiel};
  once.report(Severity::Note, loc, std::move(message), std::move(hint));
}

Diagnostics check(const Ctg& ctg, const Options& options) { return check(ctg, options, coverage::compute(ctg)); }

Diagnostics check(const Ctg& ctg, const Options& options, const coverage::Report& cov) {
  Diagnostics out;
  if (options.at) {
    Context ctx{ctg, *options.at, options.stage, cov, out, nullptr, true, nullptr, options.referentiel};
    run_table(ctx);
    out.sort();
    return out;
  }
  const std::vector<Date> dates = evaluation_dates(ctg);
  Diagnostics whole;
  std::vector<Seen> seen;
  std::map<Key, std::size_t> latest;  // key → its latest entry in `seen`
  for (std::size_t i = 0; i < dates.size(); ++i) {
    Diagnostics found;
    Context ctx{ctg, dates[i], options.stage, cov, found, nullptr, i == 0, &whole, options.referentiel};
    run_table(ctx);
    for (const auto& d : found.items()) {
      Key k = key_of(d);
      auto it = latest.find(k);
      if (it != latest.end() && seen[it->second].last + 1 == i) {
        seen[it->second].last = i;
      } else if (it == latest.end() || seen[it->second].last != i) {
        latest[k] = seen.size();
        seen.push_back({d, i, i});
      }
    }
  }
  const std::size_t n = dates.size();
  for (const auto& s : seen) {
    // A remark that a more severe finding of the same rule, at the same
    // place, takes over (« devra disposer d'un RPE » → « doit disposer ») is
    // not repeated.
    bool superseded = s.d.severity == Severity::Note && s.last + 1 < n &&
                      std::any_of(seen.begin(), seen.end(), [&](const Seen& o) {
                        return o.d.code == s.d.code && o.d.loc.file == s.d.loc.file &&
                               o.d.loc.line == s.d.loc.line && o.d.severity != Severity::Note &&
                               o.first == s.last + 1;
                      });
    if (superseded) continue;
    Diagnostic d = s.d;
    if (s.first > 0) d.from = dates[s.first];
    if (s.last + 1 < n) d.until = previous_day(dates[s.last + 1]);
    d.message = when(d.from, d.until) + d.message;
    out.add(std::move(d));
  }
  for (const auto& d : whole.items()) out.add(d);
  out.sort();
  return out;
}

}  // namespace ctg::rules
