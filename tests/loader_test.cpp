// SPDX-License-Identifier: EUPL-1.2
#include "test_util.hpp"

#include <filesystem>
#include <fstream>

#include "format/loader.hpp"
#include "base/text.hpp"

using namespace ctg;
namespace fs = std::filesystem;

namespace {

const char* const minimal = R"(format: ctg/1
convention:
  titre: Convention territoriale globale
  territoire: Commune de Belvédère
  debut: 2026-01-01
  fin: 2029-12-31
parties:
  - id: caf
    type: caf
    nom: Caisse d'allocations familiales
    representants:
      - { civilite: M., prenom: Jean, nom: DUPONT, qualite: Directeur }
  - id: belvedere
    type: commune
    nom: Belvédère
    representants:
      - { civilite: Mme, prenom: Anne, nom: MARTIN, qualite: Maire }
    deliberation: { instance: conseil municipal, date: null }
)";

// "CODE@ligne:colonne" for each diagnostic, in order.
std::vector<std::string> codes(const LoadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics.items())
    out.push_back(d.code + "@" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col));
  return out;
}

LoadResult load(const std::string& extra) { return load_text(std::string(minimal) + extra, "t.yaml"); }

}  // namespace

TEST_CASE("a minimal CTG loads into the model") {
  auto r = load("");
  CHECK(codes(r).empty());
  REQUIRE(r.ok());
  const Ctg& c = *r.ctg;
  CHECK(c.convention.debut == Date{2026, 1, 1});
  CHECK(c.years() == std::vector<int>{2026, 2027, 2028, 2029});
  REQUIRE(c.parties.size() == 2);
  CHECK(c.parties[1].representants[0].civilite == Civility::Madame);
  CHECK(c.parties[1].deliberation->instance == "conseil municipal");
  CHECK_FALSE(c.parties[1].deliberation->date.has_value());
  CHECK(c.parties[1].at("nom").line == 15);
  CHECK(c.parties[1].at("nom").col == 10);
}

TEST_CASE("all problems are reported in one run") {
  auto r = load(R"(equipements:
  - { id: e1, gestionnaire: IFAC, nom: Les Aiglons, type: alhs, commune: Belvédère }
  - { id: e1, gestionnaire: IFAC, nom: Les Aiglons, type: alsh, commune: Belvédère, places: "12" }
  - { id: e3, gestionnaire: IFAC, nmo: X, type: alsh, commune: Belvédère, partie: belvedre }
)");
  CHECK(codes(r) == std::vector<std::string>{"VALEUR-INCONNUE@20:59", "ID-EN-DOUBLE@21:11", "TYPE@21:93",
                                             "CLE-INCONNUE@22:35", "REFERENCE@22:83"});
  CHECK_FALSE(r.ok());
  CHECK_FALSE(r.unusable);
  const auto& items = r.diagnostics.items();
  CHECK(items[0].hint.find(guillemets("alsh")) != std::string::npos);
  // The misspelt « nom » is reported once, as unknown with its correction,
  // not a second time as missing.
  CHECK(items[3].hint.find(guillemets("nom")) != std::string::npos);
  CHECK(items[4].hint.find(guillemets("belvedere")) != std::string::npos);
}

TEST_CASE("duplicate keys are errors") {
  auto r = load_text(std::string(minimal) + "visas: []\nvisas: []\n", "t.yaml");
  CHECK(codes(r) == std::vector<std::string>{"CLE-EN-DOUBLE@20:1"});
}

TEST_CASE("types and values") {
  SUBCASE("bad date") {
    auto r = load_text(R"(format: ctg/1
convention: { titre: T, territoire: T, debut: 2026-02-30, fin: 31/12/2029 }
parties: []
)");
    CHECK(codes(r) == std::vector<std::string>{"DATE@2:47", "TYPE@2:64"});
    CHECK(r.diagnostics.items()[1].hint.find("2029-12-31") != std::string::npos);
  }
  SUBCASE("end before start") {
    auto r = load_text("format: ctg/1\nconvention: { titre: T, territoire: T, debut: 2026-01-01, fin: 2025-12-31 }\n"
                       "parties: []\n");
    CHECK(codes(r) == std::vector<std::string>{"DATES@2:64"});
  }
  SUBCASE("wrong format version") {
    auto r = load_text("format: ctg/2\nconvention: { titre: T, territoire: T, debut: 2026-01-01, fin: 2029-12-31 }\n"
                       "parties: []\n");
    CHECK(codes(r) == std::vector<std::string>{"FORMAT@1:9"});
  }
  SUBCASE("numbers") {
    auto r = load(R"(offre_petite_enfance:
  - ao: belvedere
    lignes:
      - mode: eaje_psu
        actuel: 12.5
      - mode: micro_creche_paje
        projection: { 2026: 10, 26: 3 }
      - { mode: mam, actuel: 1,5 }
      - { mode: rpe, actuel: 0.15, projection: { 2026: 0.15, 2026: 0.2 } }
)");
    CHECK(codes(r) == std::vector<std::string>{"TYPE@23:17", "TYPE@25:33", "CLE-INCONNUE@26:32",
                                               "CLE-EN-DOUBLE@27:62"});
    CHECK(r.diagnostics.items()[0].message.find("12.5 places") != std::string::npos);
    CHECK(r.diagnostics.items()[2].hint.find("point") != std::string::npos);
  }
  SUBCASE("a text that other tools would read as a number must be quoted") {
    auto r = load("visas:\n  - { id: v1, texte: 2026 }\n  - { id: \"1.2\", texte: \"2026\" }\n");
    CHECK(codes(r) == std::vector<std::string>{"TYPE@20:22"});
  }
}

TEST_CASE("required keys and sections") {
  auto r = load_text("format: ctg/1\nparties:\n  - { id: c, type: caf, representants: [] }\n");
  CHECK(codes(r) == std::vector<std::string>{"CLE-MANQUANTE@1:1", "CLE-MANQUANTE@3:5"});
  CHECK(r.diagnostics.items()[0].message.find("convention") != std::string::npos);
  CHECK(r.diagnostics.items()[1].message.find(guillemets("nom")) != std::string::npos);
}

TEST_CASE("population: a value or a bracket") {
  auto r = load(R"(autorites_organisatrices:
  - ao: belvedere
    population: { valeur: 3600, plus_de: 3500 }
    competences: { recenser: exercee, informer: exercee, planifier: exercee, qualite: exercee }
  - ao: caf
    population: { plus_de: 10000, moins_de: 3500 }
    competences: { recenser: exercee, informer: exercee, planifier: sans_objet, qualite: sans_objet }
)");
  CHECK(codes(r) == std::vector<std::string>{"POPULATION@21:27", "REFERENCE@23:9", "POPULATION@24:45"});
}

TEST_CASE("references must designate the right kind of party") {
  auto r = load("equipements:\n  - { id: x, gestionnaire: G, nom: N, type: eaje, commune: C, partie: caf }\n");
  CHECK(codes(r) == std::vector<std::string>{"REFERENCE@20:71"});
}

TEST_CASE("the root must be a mapping") {
  auto r = load_text("- a\n- b\n");
  CHECK(r.unusable);
  CHECK(codes(r) == std::vector<std::string>{"TYPE@1:1"});
}

namespace {
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("ctg-test-" + std::to_string(std::rand()));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name) << text;
  }
};
}  // namespace

TEST_CASE("a CTG split over several files") {
  TempDir d;
  d.write("ctg.yaml", std::string(minimal) + "inclure: [annexes/a2.yaml]\n");
  d.write("annexes/a2.yaml",
          "format: ctg/1\nequipements:\n  - { id: e, gestionnaire: G, nom: N, type: eaje, commune: C, "
          "partie: belvedere }\n");
  auto r = load_file(d.path.string());
  CHECK(codes(r).empty());
  REQUIRE(r.ok());
  CHECK(r.ctg->equipements.size() == 1);
  CHECK(r.sources.size() == 2);
  CHECK(r.ctg->equipements[0].loc.file == 1);

  SUBCASE("a reference across files is checked") {
    d.write("annexes/a2.yaml",
            "format: ctg/1\nequipements:\n  - { id: e, gestionnaire: G, nom: N, type: eaje, commune: C, "
            "partie: belvedre }\n");
    auto r2 = load_file(d.path.string());
    REQUIRE(r2.diagnostics.items().size() == 1);
    CHECK(r2.diagnostics.items()[0].code == "REFERENCE");
    CHECK(r2.diagnostics.items()[0].loc.file == 1);
  }
  SUBCASE("a section defined twice") {
    d.write("annexes/a2.yaml", "format: ctg/1\nparties: []\n");
    auto r2 = load_file(d.path.string());
    CHECK(codes(r2) == std::vector<std::string>{"SECTION-EN-DOUBLE@2:10"});
  }
  SUBCASE("paths must stay inside the folder") {
    d.write("ctg.yaml", std::string(minimal) + "inclure: [../dehors.yaml, /etc/passwd, absent.yaml]\n");
    auto r2 = load_file(d.path.string());
    CHECK(codes(r2) == std::vector<std::string>{"INCLUSION@19:11", "INCLUSION@19:27", "FICHIER@19:40"});
  }
  SUBCASE("an included file includes nothing") {
    d.write("annexes/a2.yaml", "format: ctg/1\ninclure: [x.yaml]\n");
    auto r2 = load_file(d.path.string());
    CHECK(codes(r2) == std::vector<std::string>{"INCLUSION@2:10"});
  }
}

TEST_CASE("missing files are unusable input") {
  auto r = load_file("/nonexistent/ctg.yaml");
  CHECK(r.unusable);
  CHECK(codes(r) == std::vector<std::string>{"FICHIER@0:0"});
}

TEST_CASE("lookups by id go through the loader's indexes, and stay right when the lists change") {
  auto r = load(R"(autorites_organisatrices:
  - ao: belvedere
    competences: { recenser: exercee, informer: exercee, planifier: sans_objet, qualite: sans_objet }
donnees_couverture:
  - perimetre: belvedere
    part_am_moins_3_ans: 80
  - enfants_moins_3_ans: { actuel: 40 }
)");
  REQUIRE(r.ok());
  const Ctg& c = *r.ctg;
  CHECK(c.party_index.built);
  CHECK(c.party_index.size == 2);
  REQUIRE(c.party("belvedere") != nullptr);
  CHECK(c.party("belvedere") == &c.parties[1]);
  CHECK(c.party("caf") == &c.parties[0]);
  CHECK(c.party("belved") == nullptr);
  CHECK(c.party("") == nullptr);
  CHECK(c.ao_entry("belvedere") == &c.autorites_organisatrices[0]);
  CHECK(c.ao_entry("caf") == nullptr);
  CHECK(c.coverage_data(std::string("belvedere")) == &c.donnees_couverture[0]);
  CHECK(c.coverage_data(std::nullopt) == &c.donnees_couverture[1]);
  CHECK(c.coverage_data(std::string("caf")) == nullptr);
  CHECK(c.coverage_data(std::string("")) == nullptr);  // not the whole territory

  // A copy grown by hand (as the avenant does with leaving parties) is scanned.
  Ctg grown = c;
  Party p;
  p.id = "nouvelle";
  p.nom = "Nouvelle";
  grown.parties.push_back(p);
  REQUIRE(grown.party("nouvelle") != nullptr);
  CHECK(grown.party("nouvelle")->nom == "Nouvelle");
  CHECK(grown.party("belvedere") == &grown.parties[1]);
  // An id changed in place is not found under its old name.
  Ctg renamed = c;
  renamed.parties[1].id = "autre";
  CHECK(renamed.party("belvedere") == nullptr);
  // A CTG built by hand, never indexed.
  Ctg hand;
  hand.parties.push_back(p);
  CHECK(hand.party("nouvelle") == &hand.parties[0]);
  CHECK(hand.ao_entry("nouvelle") == nullptr);
}
