// SPDX-License-Identifier: EUPL-1.2
#include "rules/text_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

#include "base/text.hpp"

namespace ctg::rules {

namespace {

// « Dole : date de la délibération encore vide (projet) ; … » → the party
// (« Dole ») and the text shared by every party (before the first « ; »,
// the party's own figures coming after it; the final citation « (art. …) »
// kept). Empty party: not groupable.
struct Split {
  std::string party;
  std::string shared;
};

Split split_party(const std::string& message) {
  auto colon = message.find(" : ");
  if (colon == std::string::npos || colon == 0 || colon > 120) return {};
  std::string party = message.substr(0, colon);
  std::string rest = message.substr(colon + 3);
  std::string citation;  // « (art. R2151-1 CGCT ; …) » at the end, shared and kept
  if (auto c = rest.rfind(" (art. "); c != std::string::npos && rest.back() == ')') {
    citation = rest.substr(c);
    rest.erase(c);
  }
  if (auto semi = rest.find(" ; "); semi != std::string::npos) rest = rest.substr(0, semi);
  return {party, rest + citation};
}

int rank(Severity s) { return s == Severity::Error ? 0 : s == Severity::Warning ? 1 : 2; }

std::string counted(std::size_t n, Severity s) {
  const char* one = s == Severity::Error ? "erreur" : s == Severity::Warning ? "avertissement" : "remarque";
  return fmt::format("{} {}{}", n, one, n > 1 ? "s" : "");
}

// One line for a group of remarks: the first one's position, the shared text,
// the parties with their lines, the shared help.
std::string group_line(const std::vector<const Diagnostic*>& group, const SourceSet& sources, HumanStyle style) {
  const Diagnostic& first = *group.front();
  Diagnostic shown = first;
  std::vector<std::string> parties;
  for (const Diagnostic* d : group) parties.push_back(fmt::format("{} (ligne {})", split_party(d->message).party, d->loc.line));
  shown.message = fmt::format("{} parties : {} — {}", group.size(), split_party(first.message).shared, join(parties, ", "));
  shown.hint.clear();
  // The first line of format_human only: no source line under a finding that names many.
  std::string text = format_human(shown, sources, style);
  std::string out = text.substr(0, text.find('\n') + 1);
  if (!first.hint.empty()) out += fmt::format("  aide : {}\n", printable(first.hint));
  return out;
}

// One line per entry of constats_acquittes: the first finding's position,
// how many it acknowledges (with their lines), the first message, the reason.
std::string acknowledged_lines(const std::vector<const Diagnostic*>& acked, const SourceSet& sources) {
  std::map<std::tuple<int, int, int>, std::vector<const Diagnostic*>> by_entry;
  for (const Diagnostic* d : acked) by_entry[{d->acknowledged_at.file, d->acknowledged_at.line, d->acknowledged_at.col}].push_back(d);
  std::vector<const std::vector<const Diagnostic*>*> order;
  for (const auto& [k, g] : by_entry) order.push_back(&g);
  std::sort(order.begin(), order.end(), [](auto* a, auto* b) {  // in the order of their first finding
    const Loc &x = a->front()->loc, &y = b->front()->loc;
    return std::tie(x.file, x.line, x.col) < std::tie(y.file, y.line, y.col);
  });
  std::string out;
  for (const auto* g : order) {
    const Diagnostic& first = *g->front();
    std::map<Severity, std::size_t> per;
    for (const Diagnostic* d : *g) ++per[d->severity];
    std::vector<std::string> what;
    for (const auto& [sev, n] : per)
      what.push_back(fmt::format("{} acquitté{}{}", counted(n, sev), sev == Severity::Warning ? "" : "e", n > 1 ? "s" : ""));
    std::vector<std::string> lines;
    for (std::size_t i = 1; i < g->size() && i <= 5; ++i) lines.push_back(std::to_string((*g)[i]->loc.line));
    std::string others = g->size() > 1 ? fmt::format(" (et {} autre{}, ligne{} {}{})", g->size() - 1, g->size() > 2 ? "s" : "",
                                                     g->size() > 2 ? "s" : "", join(lines, ", "), g->size() > 6 ? "…" : "")
                                       : std::string();
    Loc at = first.acknowledged_at;
    std::string entry = at.known() && static_cast<std::size_t>(at.file) < sources.size()
                            ? fmt::format("{}:{}", sources.file(at.file).path, at.line) : std::string("?");
    std::string where = first.loc.known() && static_cast<std::size_t>(first.loc.file) < sources.size()
                            ? fmt::format("{}:{}:{}", sources.file(first.loc.file).path, first.loc.line, first.loc.col)
                            : std::string("?");
    out += printable(fmt::format("{}: acquitté[{}]: {} : {}{} — motif : « {} » ({})\n", where, first.code,
                                 join(what, ", "), first.message, others, *first.acknowledged, entry));
  }
  return out;
}

}  // namespace

// Groups, filters and prints the findings, then the summary lines; the
// grouping key is (file, rule, severity, help, shared text).
std::string validation_text(const FileValidation& file, const TextReportOptions& options, HumanStyle style) {
  const auto& items = file.findings.items();
  using Key = std::tuple<int, std::string, std::string, std::string>;
  std::map<Key, std::vector<const Diagnostic*>> groups;
  if (!options.detail)
    for (const Diagnostic& d : items) {
      if (d.severity != Severity::Note || !d.loc.known() || d.acknowledged) continue;
      Split s = split_party(d.message);
      if (!s.party.empty()) groups[{d.loc.file, d.code, d.hint, s.shared}].push_back(&d);
    }
  std::string out;
  std::size_t hidden = 0;
  std::vector<const Diagnostic*> acked;  // said after the others, one line per entry of constats_acquittes
  for (const Diagnostic& d : items) {
    if (rank(d.severity) > rank(options.shown) || options.quiet) {
      ++hidden;
      continue;
    }
    if (d.acknowledged) {
      acked.push_back(&d);
      continue;
    }
    const std::vector<const Diagnostic*>* group = nullptr;
    if (!options.detail && d.severity == Severity::Note && d.loc.known())
      if (Split s = split_party(d.message); !s.party.empty())
        if (auto it = groups.find({d.loc.file, d.code, d.hint, s.shared});
            it != groups.end() && it->second.size() >= group_threshold)
          group = &it->second;
    if (!group) out += format_human(d, file.load.sources, style);
    else if (group->front() == &d) out += group_line(*group, file.load.sources, style);
  }
  out += acknowledged_lines(acked, file.load.sources);
  out += fmt::format("{} : {}{}\n", file.path().empty() ? "?" : file.path(), summary_line(file.findings), options.when);
  if (items.size() > per_rule_threshold || hidden > 0) {
    std::map<std::pair<int, std::string>, std::size_t> per_rule;
    for (const Diagnostic& d : items)
      if (!d.acknowledged) ++per_rule[{rank(d.severity), d.code}];
    std::vector<std::tuple<int, std::size_t, std::string>> order;
    for (const auto& [k, n] : per_rule) order.emplace_back(k.first, n, k.second);
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
      if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) < std::get<0>(b);
      if (std::get<1>(a) != std::get<1>(b)) return std::get<1>(a) > std::get<1>(b);
      return std::get<2>(a) < std::get<2>(b);
    });
    std::vector<std::string> parts;
    for (const auto& [r, n, code] : order)
      parts.push_back(fmt::format("{} {}", code, counted(n, r == 0 ? Severity::Error : r == 1 ? Severity::Warning : Severity::Note)));
    if (!parts.empty()) out += fmt::format("  par règle : {}\n", join(parts, " ; "));
    if (hidden > 0)
      out += fmt::format("  {} non affiché{} ({}) ; ctg validate sans cette option les montre tous\n",
                         hidden > 1 ? fmt::format("{} constats", hidden) : std::string("1 constat"), hidden > 1 ? "s" : "",
                         options.quiet ? std::string("--quiet")
                                       : fmt::format("--severite {}", severity_label(options.shown)));
  }
  return out;
}

}  // namespace ctg::rules
