// SPDX-License-Identifier: EUPL-1.2
// What a change of the CTG entails: its coverage rates and the findings of
// ctg validate, before and after; and the word-level difference of texts.
#include "diff/diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "coverage/coverage.hpp"
#include "rules/rules.hpp"
#include "yaml/tree.hpp"
#include "base/text.hpp"
#include "base/values.hpp"

namespace ctg::diff {

std::string transfer_words(const yaml::Node& t) {
  auto field = [&](std::string_view key) -> const yaml::Node* {
    if (!t.is_map()) return nullptr;
    for (const auto& [k, v] : t.entries())
      if (k.value() == key) return &v;
    return nullptr;
  };
  static const std::map<std::string, std::string, std::less<>> numbers{
      {"recenser", "1°"}, {"informer", "2°"}, {"planifier", "3°"}, {"qualite", "4°"}};
  std::vector<std::string> comps, communes;
  if (const auto* cs = field("competences"); cs && cs->is_sequence())
    for (const auto& c : cs->items()) {
      auto it = numbers.find(c.value());
      comps.push_back(it == numbers.end() ? std::string(c.value()) : fmt::format("{} ({})", it->second, c.value()));
    }
  if (const auto* ms = field("communes"); ms && ms->is_sequence())
    for (const auto& m : ms->items())
      for (const auto& [k, v] : m.entries())
        if (k.value() == "nom") communes.emplace_back(v.value());
  std::string text = "transfert de " + join_french(comps) + (communes.empty() ? "" : " par " + join_french(communes));
  if (const auto* since = field("depuis"); since && since->is_scalar()) {
    auto d = parse_iso_date(since->value());
    text += ", à compter du " + (d ? to_french_long(*d) : std::string(since->value()));
  }
  if (const auto* order = field("arrete_prefectoral"); order && order->is_scalar())
    text += fmt::format(", arrêté préfectoral {}", order->value());
  return text;
}

std::vector<WordPiece> word_diff(const std::string& a, const std::string& b) {
  auto split = [](const std::string& s) {
    std::vector<std::string> w;
    std::string cur;
    for (char c : s) {
      if (c == ' ' || c == '\n' || c == '\t') {
        if (!cur.empty()) w.push_back(cur);
        cur.clear();
      } else {
        cur.push_back(c);
      }
    }
    if (!cur.empty()) w.push_back(cur);
    return w;
  };
  auto x = split(a), y = split(b);
  // Common prefix and suffix first: most edits touch a few words.
  std::size_t pre = 0;
  while (pre < x.size() && pre < y.size() && x[pre] == y[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < x.size() - pre && suf < y.size() - pre && x[x.size() - 1 - suf] == y[y.size() - 1 - suf]) ++suf;
  std::vector<std::string> xm(x.begin() + static_cast<long>(pre), x.end() - static_cast<long>(suf));
  std::vector<std::string> ym(y.begin() + static_cast<long>(pre), y.end() - static_cast<long>(suf));
  std::vector<WordPiece> out;
  auto push = [&](WordPiece::Op op, const std::string& w) {
    if (!out.empty() && out.back().op == op) out.back().text += " " + w;
    else out.push_back({op, w});
  };
  for (std::size_t i = 0; i < pre; ++i) push(WordPiece::Op::Same, x[i]);
  const std::size_t n = xm.size(), m = ym.size();
  if (n * m > 4'000'000) {  // too long to align word by word: replaced whole
    for (const auto& w : xm) push(WordPiece::Op::Removed, w);
    for (const auto& w : ym) push(WordPiece::Op::Added, w);
  } else {
    std::vector<std::vector<std::uint32_t>> l(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;) l[i][j] = xm[i] == ym[j] ? l[i + 1][j + 1] + 1 : std::max(l[i + 1][j], l[i][j + 1]);
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && xm[i] == ym[j]) {
        push(WordPiece::Op::Same, xm[i]);
        ++i, ++j;
      } else if (i < n && (j == m || l[i + 1][j] >= l[i][j + 1])) {
        push(WordPiece::Op::Removed, xm[i++]);  // what goes, then what comes
      } else {
        push(WordPiece::Op::Added, ym[j++]);
      }
    }
  }
  for (std::size_t k = x.size() - suf; k < x.size(); ++k) push(WordPiece::Op::Same, x[k]);
  return out;
}

namespace {

std::string strip_lines(const std::string& message) {
  // Line numbers and the ids of « the other entry » in messages move with
  // any edit or reordering: not a change of finding.
  std::string out;
  for (std::size_t i = 0; i < message.size(); ++i) {
    if (message.compare(i, 7, "(id « ") == 0) {
      auto end = message.find("»)", i);
      if (end != std::string::npos) {
        out += "(id)";
        i = end + std::string("»)").size() - 1;
        continue;
      }
    }
    if (message.compare(i, 6, "ligne ") == 0) {
      std::size_t j = i + 6;
      while (j < message.size() && message[j] >= '0' && message[j] <= '9') ++j;
      if (j > i + 6) {
        out += "ligne #";
        i = j - 1;
        continue;
      }
    }
    out.push_back(message[i]);
  }
  return out;
}

}  // namespace

// The consequences need the models only: the trees go first.
Result compare_then_free_trees(LoadResult& before, LoadResult& after, const Options& options) {
  Options structural = options;
  structural.consequences = false;
  Result r = compare(before, after, structural);
  std::vector<yaml::Document>().swap(before.trees);
  std::vector<yaml::Document>().swap(after.trees);
  if (options.consequences && !r.changes.empty()) consequences(before, after, r);
  return r;
}

void consequences(const LoadResult& before, const LoadResult& after, Result& r) {
  if (!before.ctg || !after.ctg) return;
  auto ca = coverage::compute(*before.ctg), cb = coverage::compute(*after.ctg);
  for (const auto& pb : cb.perimeters) {
    auto pa = std::find_if(ca.perimeters.begin(), ca.perimeters.end(),
                           [&](const coverage::Perimeter& p) { return p.id == pb.id && p.whole == pb.whole; });
    for (const auto& colb : pb.columns) {
      const coverage::Column* cola = nullptr;
      if (pa != ca.perimeters.end())
        for (const auto& c : pa->columns)
          if (c.label() == colb.label()) cola = &c;
      auto ta = cola ? cola->tenths.at(coverage::Rate::Global) : std::nullopt;
      auto tb = colb.tenths.at(coverage::Rate::Global);
      auto totala = cola ? cola->total.value : std::nullopt;
      auto totalb = colb.total.value;
      if (ta != tb || totala != totalb) r.coverage.push_back({pb.name, colb.label(), ta, tb, totala, totalb});
    }
    if (pa != ca.perimeters.end())
      for (const auto& cola : pa->columns) {
        bool kept = std::any_of(pb.columns.begin(), pb.columns.end(), [&](const coverage::Column& c) { return c.label() == cola.label(); });
        if (!kept)
          r.coverage.push_back({pb.name, cola.label(), cola.tenths.at(coverage::Rate::Global), std::nullopt, cola.total.value, std::nullopt});
      }
  }
  // A perimeter of the old version only (an AO whose offer table was removed).
  for (const auto& pa : ca.perimeters) {
    bool kept = std::any_of(cb.perimeters.begin(), cb.perimeters.end(),
                            [&](const coverage::Perimeter& p) { return p.id == pa.id && p.whole == pa.whole; });
    if (kept) continue;
    for (const auto& c : pa.columns)
      r.coverage.push_back({pa.name, c.label(), c.tenths.at(coverage::Rate::Global), std::nullopt, c.total.value, std::nullopt});
  }
  auto fa = rules::check(*before.ctg, {}, ca), fb = rules::check(*after.ctg, {}, cb);
  std::map<std::string, int> count;
  auto key = [](const Diagnostic& d) { return d.code + "|" + strip_lines(d.message); };
  for (const auto& d : fa.items()) --count[key(d)];
  for (const auto& d : fb.items()) ++count[key(d)];
  for (const auto& d : fa.items())
    if (count[key(d)] < 0) {
      ++count[key(d)];
      r.findings.push_back({false, d});
    }
  for (const auto& d : fb.items())
    if (count[key(d)] > 0) {
      --count[key(d)];
      r.findings.push_back({true, d});
    }
}


}  // namespace ctg::diff
