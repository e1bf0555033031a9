// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "diff/diff.hpp"

using namespace ctg;

namespace {
const char* const base = R"(format: ctg/1
convention: { titre: CTG, territoire: T, debut: 2026-01-01, fin: 2029-12-31 }
parties:
  - { id: caf, type: caf, nom: Caf, representants: [] }
  - { id: a, type: commune, nom: Aube, representants: [] }
equipements:
  - { id: e1, gestionnaire: G, nom: Crèche, type: eaje, commune: Aube }
  - { id: e2, gestionnaire: G, nom: Halte, type: eaje, commune: Aube }
)";

diff::Result compare(const std::string& before, const std::string& after, diff::Options o = {}) {
  auto a = load_text(before, "a.yaml"), b = load_text(after, "b.yaml");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  return diff::compare(a, b, o);
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  s.replace(s.find(from), from.size(), to);
  return s;
}
}  // namespace

TEST_CASE("entries are matched by id, not by position") {
  std::string swapped = replaced(replaced(base, "id: e1, gestionnaire: G, nom: Crèche", "id: tmp"), "id: e2, gestionnaire: G, nom: Halte",
                                 "id: e1, gestionnaire: G, nom: Crèche");
  swapped = replaced(swapped, "id: tmp", "id: e2, gestionnaire: G, nom: Halte");
  CHECK(compare(base, swapped).same());
  diff::Options order;
  order.order = true;
  auto r = compare(base, swapped, order);
  REQUIRE(r.changes.size() == 1);
  CHECK(r.changes[0].code == "ordre-modifie");
}

TEST_CASE("typed changes") {
  auto r = compare(base, replaced(base, "nom: Halte", "nom: Halte-garderie"));
  REQUIRE(r.changes.size() == 1);
  CHECK(r.changes[0].code == "equipement-renomme");
  CHECK(r.changes[0].path == "equipements[e2].nom");
  CHECK(r.changes[0].before == "Halte");
  CHECK(r.changes[0].after == "Halte-garderie");

  auto added = compare(base, std::string(base) + "  - { id: e3, gestionnaire: G, nom: RPE, type: rpe, commune: Aube }\n");
  REQUIRE(added.changes.size() == 1);
  CHECK(added.changes[0].code == "equipement-ajoute");

  auto date = compare(base, replaced(base, "fin: 2029-12-31", "fin: 2030-12-31"));
  REQUIRE(date.changes.size() == 1);
  CHECK(date.changes[0].code == "date-modifiee");
  CHECK(date.changes[0].description.find("31\u00A0décembre\u00A02030") != std::string::npos);
}

TEST_CASE("word-level difference of long texts") {
  auto w = diff::word_diff("la convention est conclue jusqu'au 31 décembre 2030 au maximum",
                           "la convention est conclue jusqu'au 31 décembre 2029 au maximum");
  REQUIRE(w.size() == 4);
  CHECK(w[0].op == diff::WordPiece::Op::Same);
  CHECK(w[1].op == diff::WordPiece::Op::Removed);
  CHECK(w[1].text == "2030");
  CHECK(w[2].op == diff::WordPiece::Op::Added);
  CHECK(w[2].text == "2029");
  CHECK(w[3].text == "au maximum");
  CHECK(diff::word_diff("a b c", "a b c").size() == 1);
}

TEST_CASE("a population that crosses a threshold says so") {
  std::string ao = std::string(base) +
                   "autorites_organisatrices:\n  - ao: a\n    population: { valeur: 3400, nature: totale, millesime: 2024 }\n"
                   "    competences: { recenser: exercee, informer: exercee, planifier: sans_objet, qualite: sans_objet }\n";
  auto r = compare(ao, replaced(ao, "valeur: 3400", "valeur: 3600"));
  REQUIRE_FALSE(r.changes.empty());
  CHECK(r.changes[0].code == "seuil-franchi");
  CHECK(r.changes[0].description.find("franchit le seuil de 3\u202F500") != std::string::npos);
  // The consequence: AO-3 and AO-4 errors appear.
  bool ao3 = false;
  for (const auto& f : r.findings) ao3 = ao3 || (f.appeared && f.diagnostic.code == "AO-3");
  CHECK(ao3);
}

TEST_CASE("people are matched by name, not by position") {
  std::string two = replaced(base, "{ id: caf, type: caf, nom: Caf, representants: [] }",
                             "{ id: caf, type: caf, nom: Caf, representants: [ { civilite: M., prenom: Jean, nom: "
                             "A, qualite: Directeur }, { civilite: M., prenom: Paul, nom: B, qualite: Président } ] }");
  std::string one = replaced(two, "{ civilite: M., prenom: Jean, nom: A, qualite: Directeur }, ", "");
  auto r = compare(two, one);
  REQUIRE(r.changes.size() == 1);  // Jean A leaves; Paul B is unchanged
  CHECK(r.changes[0].code == "entree-retiree");
  CHECK(r.changes[0].description.find("Jean A") != std::string::npos);
}

TEST_CASE("a text re-wrapped without a changed word is not a change") {
  std::string a = std::string(base) + "preambule: |\n  Les Caf sont nées de la volonté d'apporter une aide à toutes les familles.\n";
  std::string b = std::string(base) + "preambule: |\n  Les Caf sont nées de la volonté\n  d'apporter une aide à toutes les familles.\n";
  CHECK(compare(a, b).same());
}

TEST_CASE("a population bracket does not « cross » a threshold") {
  std::string ao = std::string(base) +
                   "autorites_organisatrices:\n  - ao: a\n    population: { plus_de: 3500, moins_de: 10000 }\n"
                   "    competences: { recenser: exercee, informer: exercee, planifier: exercee, qualite: exercee }\n";
  auto r = compare(ao, replaced(ao, "plus_de: 3500", "plus_de: 4000"));
  REQUIRE(r.changes.size() == 1);
  CHECK(r.changes[0].code == "valeur-modifiee");
}

TEST_CASE("diff compares the trees the loader kept as it compares files parsed again") {
  namespace fs = std::filesystem;
  std::string name = "ctg-diff-trees-";
  name += std::to_string(std::rand());
  fs::path dir = fs::temp_directory_path() / name;
  fs::create_directories(dir);
  std::string after = replaced(replaced(base, "nom: Halte", "nom: Halte-garderie"), "nom: Aube", "nom: Aube-sur-Loire");
  after += "  - { id: e3, gestionnaire: G, nom: Accueil, type: alsh, commune: Aube }\n";
  std::ofstream(dir / "a.yaml") << base;
  std::ofstream(dir / "b.yaml") << after;
  Reader keep;
  keep.keep_trees = true;
  auto ka = load_file((dir / "a.yaml").string(), keep), kb = load_file((dir / "b.yaml").string(), keep);
  auto pa = load_file((dir / "a.yaml").string()), pb = load_file((dir / "b.yaml").string());
  fs::remove_all(dir);
  REQUIRE(ka.ok());
  REQUIRE(kb.ok());
  CHECK(ka.trees.size() == ka.sources.size());
  CHECK(ka.trees[0]->is_map());
  CHECK(pa.trees.empty());  // validate, render… do not keep them
  auto kept = diff::compare(ka, kb), parsed = diff::compare(pa, pb);
  REQUIRE(kept.changes.size() >= 3);
  REQUIRE(parsed.changes.size() == kept.changes.size());
  for (std::size_t i = 0; i < kept.changes.size(); ++i) {
    CHECK(kept.changes[i].code == parsed.changes[i].code);
    CHECK(kept.changes[i].description == parsed.changes[i].description);
  }
  // ctg diff and ctg avenant free the trees before the consequences: same result.
  auto freed = diff::compare_then_free_trees(ka, kb);
  CHECK(ka.trees.empty());
  CHECK(kb.trees.empty());
  REQUIRE(freed.changes.size() == kept.changes.size());
  for (std::size_t i = 0; i < kept.changes.size(); ++i) CHECK(freed.changes[i].description == kept.changes[i].description);
  CHECK(freed.coverage.size() == kept.coverage.size());
  CHECK(freed.findings.size() == kept.findings.size());
}
