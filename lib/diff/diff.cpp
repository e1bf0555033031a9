// SPDX-License-Identifier: EUPL-1.2
#include "diff/diff.hpp"

#include <map>

#include "diff/walker.hpp"

namespace ctg::diff {

std::string section_label(const std::string& key) {
  static const std::map<std::string, std::string> labels{
      {"convention", "Convention"},
      {"parties", "Parties"},
      {"visas", "Visas"},
      {"preambule", "Préambule"},
      {"articles", "Articles"},
      {"diagnostic", "Annexe 1 – diagnostic"},
      {"equipements", "Annexe 2 – équipements et services"},
      {"autorites_organisatrices", "Annexe 3 – autorités organisatrices"},
      {"offre_petite_enfance", "Annexe 3 – offre petite enfance"},
      {"donnees_couverture", "Annexe 3 – données de couverture"},
      {"plan_actions", "Annexe 3 – plan d'actions"},
      {"fiches_action", "Fiches action"},
      {"pilotage", "Annexe 4 – pilotage"},
      {"decisions_conseils", "Annexe 5 – décisions des conseils"}};
  auto it = labels.find(key);
  return it == labels.end() ? key : it->second;
}

Result compare(const LoadResult& before, const LoadResult& after, const Options& options) {
  detail::Tree a = detail::tree_of(before), b = detail::tree_of(after);
  detail::Walker w(a, b, options, before.sources, after.sources);
  w.run();
  Result r;
  r.changes = std::move(w.changes);
  if (options.consequences && !r.changes.empty()) consequences(before, after, r);
  return r;
}

}  // namespace ctg::diff
