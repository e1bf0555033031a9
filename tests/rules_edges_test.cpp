// SPDX-License-Identifier: EUPL-1.2
// The rules over time and for every shape of territory, each at its edge:
// the AO regime's start (2024-12-31 / 2025-01-01), the decree (2025-03-21 /
// 2025-03-22), the RPE (2025-12-31 / 2026-01-01), evaluation over the whole
// period; communes absent from the AO table, several transfers of one
// competence, EPCIs under 3 500; the schéma's items and commitments; the
// legal references and announced counts (LEX-*).
#include <algorithm>

#include "format/loader.hpp"
#include "rules/rules.hpp"
#include "test_util.hpp"

using namespace ctg;

namespace {

std::string head(const char* debut = "2026-01-01", const char* fin = "2029-12-31") {
  return std::string("format: ctg/1\nconvention: { titre: CTG, territoire: T, debut: ") + debut + ", fin: " + fin +
         ", lieu_signature: Digne, date_signature: 2026-02-01 }\n"
         "parties:\n"
         "  - { id: caf, type: caf, nom: Caf, representants: [] }\n"
         "  - { id: cc, type: epci, forme: communaute_communes, nom: CC du Plateau, representants: [] }\n"
         "  - { id: a, type: commune, nom: Aube, epci: cc, representants: [] }\n"
         "  - { id: b, type: commune, nom: Brie, epci: cc, representants: [] }\n";
}

std::string pop(long v) { return "{ valeur: " + std::to_string(v) + ", nature: totale, millesime: 2024 }"; }

std::string all4(const char* s1, const char* s2, const char* s3, const char* s4) {
  return std::string("{ recenser: ") + s1 + ", informer: " + s2 + ", planifier: " + s3 + ", qualite: " + s4 + " }";
}

struct Run {
  LoadResult load;
  Diagnostics found;

  std::vector<const Diagnostic*> of(const std::string& code) const { return with_code(found, code); }
  bool has(const std::string& code, Severity s) const {
    auto v = of(code);
    return std::any_of(v.begin(), v.end(), [&](const Diagnostic* d) { return d->severity == s; });
  }
  bool has(const std::string& code) const { return !of(code).empty(); }
  std::string message(const std::string& code) const {
    std::string all;
    for (const auto* d : of(code)) all += d->message + "\n";
    return all;
  }
};

Run run(const std::string& text, rules::Options o = {}) {
  Run r{load_text(text, "t.yaml"), {}};
  for (const auto& d : r.load.diagnostics.items()) MESSAGE(d.message);
  REQUIRE(r.load.ok());
  r.found = rules::check(*r.load.ctg, o);
  return r;
}

rules::Options at(int y, int m, int d) {
  rules::Options o;
  o.at = Date{y, m, d};
  return o;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// A commune of 12 000 that holds everything, without RPE.
std::string big_commune(const char* debut, const char* fin) {
  return head(debut, fin) + "autorites_organisatrices:\n  - ao: a\n    population: " + pop(12000) +
         "\n    competences: " + all4("exercee", "exercee", "exercee", "exercee") +
         "\n  - ao: cc\n    competences: " + all4("exercee", "exercee", "sans_objet", "sans_objet") +
         "\n    transferts: [ { competences: [recenser, informer], population: " + pop(2000) + " } ]\n";
}

}  // namespace

TEST_CASE("time: the AO regime starts on 1 January 2025") {
  // A 2021-2025 CTG without an AO table (issue 21): the tool cannot know who
  // exercises what, so no AO error at any date, only the remark that the CTG
  // does not say who the AO are, once.
  std::string text = head("2021-01-01", "2025-12-31");
  auto before = run(text, at(2024, 12, 31));
  CHECK_FALSE(before.has("AO-1", Severity::Error));
  CHECK_FALSE(before.has("AO-2", Severity::Error));
  CHECK(before.has("AO-1", Severity::Note));  // the regime starts during the CTG
  auto on = run(text, at(2025, 1, 1));
  CHECK_FALSE(on.has("AO-1", Severity::Error));
  CHECK_FALSE(on.has("AO-2", Severity::Error));
  auto period = run(text);
  CHECK_FALSE(period.has("AO-1", Severity::Error));
  auto notes = period.of("AO-1");
  // Two remarks, each once: the regime starts during the CTG; there is no table.
  CHECK(std::count_if(notes.begin(), notes.end(), [](const Diagnostic* d) { return d->severity == Severity::Note; }) ==
        2);
  CHECK(std::any_of(notes.begin(), notes.end(), [](const Diagnostic* d) {
    return contains(d->message, "n'a pas de tableau des autorités organisatrices");
  }));
}

TEST_CASE("time: the schéma's content from the decree (22 March 2025)") {
  std::string text = head("2025-01-01", "2028-12-31") + "autorites_organisatrices:\n  - ao: a\n    population: " +
                     pop(12000) + "\n    competences: " + all4("exercee", "exercee", "exercee", "exercee") +
                     "\n  - ao: cc\n    competences: " + all4("exercee", "exercee", "sans_objet", "sans_objet") +
                     "\n    transferts: [ { competences: [recenser, informer], population: " + pop(2000) + " } ]\n";
  CHECK_FALSE(run(text, at(2025, 3, 21)).has("SCH-1"));
  CHECK(run(text, at(2025, 3, 22)).has("SCH-1", Severity::Warning));
  auto period = run(text);
  REQUIRE(period.has("SCH-1"));
  CHECK(*period.of("SCH-1").front()->from == Date{2025, 3, 22});
}

TEST_CASE("time: AO-7 is an error from 1 January 2026, found without --at") {
  std::string text = big_commune("2025-01-01", "2028-12-31");
  auto before = run(text, at(2025, 12, 31));
  CHECK(before.has("AO-7", Severity::Note));
  CHECK_FALSE(before.has("AO-7", Severity::Error));
  auto on = run(text, at(2026, 1, 1));
  CHECK(on.has("AO-7", Severity::Error));
  // A 2025-2028 CTG checked over its period: the error, from 2026, and no
  // repeated remark before it.
  auto period = run(text);
  auto ao7 = period.of("AO-7");
  REQUIRE(ao7.size() == 1);
  CHECK(ao7.front()->severity == Severity::Error);
  CHECK(*ao7.front()->from == Date{2026, 1, 1});
  CHECK(contains(ao7.front()->message, "à partir du 1er\u00A0janvier\u00A02026 : Aube"));
  // A CTG that ends before 2026 keeps the remark, for its whole period.
  auto early = run(big_commune("2025-01-01", "2025-12-31"));
  CHECK(early.has("AO-7", Severity::Note));
  CHECK_FALSE(early.has("AO-7", Severity::Error));
  // An RPE projected from 2027 only: the error holds for 2026 alone.
  auto late = run(text + "offre_petite_enfance:\n  - { ao: a, lignes: [ { mode: rpe, actuel: 0, projection: { 2025: 0, "
                         "2026: 0, 2027: 1, 2028: 1 } } ] }\n");
  auto v = late.of("AO-7");
  REQUIRE(v.size() == 1);
  CHECK(v.front()->severity == Severity::Error);
  CHECK(*v.front()->until == Date{2026, 12, 31});
  CHECK(contains(v.front()->message, "du 1er\u00A0janvier\u00A02026 au 31\u00A0décembre\u00A02026 : "));
  // The explanation keeps the source of the date.
  CHECK(contains(std::string(rules::find("AO-7")->explanation), "sources secondaires"));
}

TEST_CASE("evaluation dates: start, each 1 January, the law's dates") {
  auto r = load_text(head("2024-07-01", "2026-06-30"), "t.yaml");
  REQUIRE(r.ok());
  auto dates = rules::evaluation_dates(*r.ctg);
  CHECK(dates == std::vector<Date>{{2024, 7, 1}, {2025, 1, 1}, {2025, 3, 22}, {2026, 1, 1}});
}

TEST_CASE("shape: a commune absent from the AO table whose EPCI holds only 1° and 2°") {
  std::string base = head();
  std::string text = base.replace(base.find("nom: Aube, epci: cc,"), 20,
                                  "nom: Aube, epci: cc, population: " + pop(4000) + ",") +
                     "autorites_organisatrices:\n  - ao: cc\n    competences: " +
                     all4("exercee", "exercee", "sans_objet", "sans_objet") +
                     "\n    transferts: [ { competences: [recenser, informer], population: " + pop(6000) + " } ]\n";
  auto r = run(text);
  REQUIRE(r.has("AO-3", Severity::Error));
  std::string m = r.message("AO-3");
  CHECK(contains(m, "Aube"));
  CHECK(contains(m, "3° (planifier) et 4° (soutenir la qualité)"));
  CHECK(contains(m, "4\u202F000"));
  CHECK_FALSE(r.has("AO-4"));  // one finding for both competences
  // 3 500 exactly: nothing is mandatory.
  std::string base2 = head();
  std::string small = base2.replace(base2.find("nom: Aube, epci: cc,"), 20,
                                    "nom: Aube, epci: cc, population: " + pop(3500) + ",") +
                      text.substr(text.find("autorites_organisatrices:"));
  CHECK_FALSE(run(small).has("AO-3"));
}

TEST_CASE("shape: two transfers citing the same competence") {
  // Aube and Brie both transfer 3°, in two entries.
  std::string text = head() + "autorites_organisatrices:\n  - ao: cc\n    competences: " +
                     all4("exercee", "exercee", "exercee", "exercee") +
                     "\n    transferts:\n"
                     "      - { competences: [recenser, informer, planifier, qualite], communes: [ { nom: Aube, "
                     "partie: a, population: " + pop(2000) + " } ] }\n"
                     "      - { competences: [recenser, informer, planifier, qualite], communes: [ { nom: Brie, "
                     "partie: b, population: " + pop(2500) + " } ] }\n";
  auto r = run(text);
  CHECK_FALSE(r.found.has_errors());
  CHECK_FALSE(r.has("AO-1"));
  CHECK_FALSE(r.has("AO-3"));
  // The EPCI's figure is the sum of both transfers: 4 500 for 3°.
  CHECK_FALSE(r.has("AO-5"));
}

TEST_CASE("shape: AO-5 for an EPCI of 3 500 or fewer") {
  std::string text = head() + "autorites_organisatrices:\n  - ao: cc\n    competences: " +
                     all4("exercee", "exercee", "exercee", "sans_objet") +
                     "\n    transferts: [ { competences: [recenser, informer, planifier], population: " + pop(3500) +
                     " } ]\n";
  auto r = run(text);
  REQUIRE(r.has("AO-5", Severity::Note));
  CHECK(contains(r.message("AO-5"), "Communauté de communes du Plateau"));
  std::string above = text;
  above.replace(above.find("valeur: 3500"), 12, "valeur: 3501");
  CHECK_FALSE(run(above).has("AO-5"));
}

TEST_CASE("shape: an unknown population gives one finding per cause") {
  // An EPCI holding everything without any transfer: one AO-8, one AO-12,
  // and no AO-6 / AO-7 repeating that the population is unknown.
  std::string text = head() + "autorites_organisatrices:\n  - ao: cc\n    competences: " +
                     all4("exercee", "exercee", "exercee", "exercee") + "\n";
  auto r = run(text);
  CHECK(r.of("AO-8").size() == 1);
  CHECK(r.of("AO-12").size() == 1);
  CHECK_FALSE(r.has("AO-6"));
  CHECK_FALSE(r.has("AO-7"));
  // A commune without population: AO-10 says it once.
  std::string commune = head() + "autorites_organisatrices:\n  - ao: a\n    competences: " +
                        all4("exercee", "exercee", "sans_objet", "sans_objet") +
                        "\n  - ao: b\n    population: { plus_de: 3000, nature: totale, millesime: 2024 }\n"
                        "    competences: " + all4("exercee", "exercee", "exercee", "exercee") + "\n";
  auto c = run(commune);
  CHECK(c.of("AO-10").size() == 1);  // Aube's missing figure
  CHECK_FALSE(c.has("AO-3"));
  CHECK_FALSE(c.has("AO-4"));
  // Brie « plus de 3 000 »: AO-6 says it does not place it against 10 000, AO-7 does not repeat it.
  CHECK(c.of("AO-6").size() == 1);
  CHECK_FALSE(c.has("AO-7"));
}

TEST_CASE("OFF-2: a voluntary offer table of a commune under 3 500 is a remark") {
  std::string text = head() + "autorites_organisatrices:\n  - ao: a\n    population: { moins_de: 3500, nature: "
                              "totale, millesime: 2024 }\n    competences: " +
                     all4("exercee", "exercee", "sans_objet", "sans_objet") +
                     "\n  - ao: b\n    population: " + pop(5000) + "\n    competences: " +
                     all4("exercee", "exercee", "exercee", "exercee") +
                     "\noffre_petite_enfance:\n  - { ao: a, lignes: [ { mode: eaje_psu, actuel: 10, projection: { "
                     "2026: 10, 2027: 10, 2028: 10, 2029: 10 } } ] }\n";
  auto r = run(text);
  CHECK(r.has("OFF-2", Severity::Note));
  CHECK_FALSE(r.has("OFF-2", Severity::Warning));
}

TEST_CASE("DIAG-4 counts relais, not AOs") {
  std::string text = head() + R"(diagnostic:
  texte: Diagnostic.
  indicateurs: [ { id: rpe, libelle: RPE, valeur: 1, mesure: rpe_nombre } ]
equipements:
  - { id: r, gestionnaire: G, nom: Relais, type: rpe, commune: Aube, partie: a }
offre_petite_enfance:
  - { ao: a, lignes: [ { mode: rpe, actuel: 0.5, projection: { 2026: 0.5, 2027: 0.5, 2028: 0.5, 2029: 0.5 } } ] }
  - { ao: b, lignes: [ { mode: rpe, actuel: 0.5, projection: { 2026: 0.5, 2027: 0.5, 2028: 0.5, 2029: 0.5 } } ] }
)";
  CHECK_FALSE(run(text).has("DIAG-4"));
  std::string two = text;
  two.replace(two.find("valeur: 1,"), 10, "valeur: 2,");
  CHECK(run(two).has("DIAG-4", Severity::Warning));
}
