// SPDX-License-Identifier: EUPL-1.2
#include "avenant/alineas.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace ctg::avenant {

namespace {

std::string trimmed(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

bool item_mark(const std::string& line) {
  return line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0 || line.rfind("o ", 0) == 0 ||
         line.rfind("• ", 0) == 0;
}

}  // namespace

std::vector<std::string> alineas(const std::string& text) {
  std::vector<std::string> out;
  bool open = false;  // whether the next line continues the last alinéa
  for (std::size_t pos = 0; pos <= text.size();) {
    auto nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string line = trimmed(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty()) {
      open = false;
      continue;
    }
    if (open && !item_mark(line)) out.back() += " " + line;
    else out.push_back(line);
    open = true;
  }
  return out;
}

std::string ordinal(std::size_t n) {
  static const std::array<const char*, 17> units{"",        "unième",   "deuxième", "troisième", "quatrième", "cinquième",
                                                 "sixième", "septième", "huitième", "neuvième",  "dixième",   "onzième",
                                                 "douzième", "treizième", "quatorzième", "quinzième", "seizième"};
  static const std::array<const char*, 7> tens{"", "dix", "vingt", "trente", "quarante", "cinquante", "soixante"};
  if (n == 1) return "premier";
  if (n < units.size()) return units[n];
  if (n < 20) return fmt::format("dix-{}", units[n - 10]);
  if (n >= 70) return fmt::format("{}e", n);
  std::size_t t = n / 10, u = n % 10;
  std::string ten = tens[t];
  if (u == 0) return ten.substr(0, ten.size() - (ten.back() == 'e' ? 1 : 0)) + "ième";
  if (u == 1) return ten + " et unième";
  return ten + "-" + units[u];
}

std::vector<AlineaEdit> alinea_edits(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  // Longest common subsequence of whole alinéas; an article has a few dozen at most.
  std::size_t n = before.size(), m = after.size();
  std::vector<std::vector<std::size_t>> lcs(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = before[i] == after[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::vector<AlineaEdit> out;
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] == after[j]) {
      ++i, ++j;
      continue;
    }
    AlineaEdit e{i, i, {}};
    while ((i < n || j < m) && !(i < n && j < m && before[i] == after[j])) {
      if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) ++i;
      else e.text.push_back(after[j++]);
    }
    e.last = i;
    out.push_back(std::move(e));
  }
  return out;
}

std::string alinea_clause(const AlineaEdit& e, const std::string& of) {
  std::string where = of.empty() ? "" : " " + of;
  std::size_t count = e.last - e.first;
  if (count == 0) {
    std::string place = e.first == 0 ? fmt::format("avant le premier alinéa{}", where)
                                     : fmt::format("après le {} alinéa{}", ordinal(e.first), where);
    return e.text.size() == 1 ? fmt::format("{}, il est inséré un alinéa ainsi rédigé :", place)
                              : fmt::format("{}, sont insérés {} alinéas ainsi rédigés :", place, e.text.size());
  }
  std::string old = count == 1 ? fmt::format("le {} alinéa{}", ordinal(e.first + 1), where)
                               : fmt::format("les {} {} {} alinéas{}", ordinal(e.first + 1), count == 2 ? "et" : "à",
                                             ordinal(e.last), where);
  if (e.text.empty()) return fmt::format("{} {}", old, count == 1 ? "est supprimé" : "sont supprimés");
  return fmt::format("{} {} par les dispositions suivantes :", old, count == 1 ? "est remplacé" : "sont remplacés");
}

}  // namespace ctg::avenant
