// SPDX-License-Identifier: EUPL-1.2
// The schéma's items and commitments (SCH-1, SCH-3, SCH-5) and the legal
// references of the texts (LEX-1 … LEX-3), each at its edge, and on the seed.
#include <algorithm>

#include "format/loader.hpp"
#include "rules/rules.hpp"
#include "test_util.hpp"

using namespace ctg;

namespace {

// A commune of 12 000 holding 3°: the CTG stands in for its schéma.
const char* const base = R"(format: ctg/1
convention: { titre: CTG, territoire: T, debut: 2026-01-01, fin: 2029-12-31, lieu_signature: Digne, date_signature: 2026-02-01 }
parties:
  - { id: caf, type: caf, nom: Caf, representants: [] }
  - { id: a, type: commune, nom: Aube, representants: [] }
autorites_organisatrices:
  - ao: a
    population: { valeur: 12000, nature: totale, millesime: 2024 }
    competences: { recenser: exercee, informer: exercee, planifier: exercee, qualite: exercee }
)";

struct Run {
  LoadResult load;
  Diagnostics found;
  std::string message(const std::string& code) const {
    std::string all;
    for (const auto& d : found.items())
      if (d.code == code) all += d.message + "\n";
    return all;
  }
  int count(const std::string& code) const {
    return static_cast<int>(std::count_if(found.items().begin(), found.items().end(),
                                          [&](const Diagnostic& d) { return d.code == code; }));
  }
  const Diagnostic* first(const std::string& code) const {
    for (const auto& d : found.items())
      if (d.code == code) return &d;
    return nullptr;
  }
};

Run run(const std::string& body) {
  Run r{load_text(std::string(base) + body, "t.yaml"), {}};
  for (const auto& d : r.load.diagnostics.items()) MESSAGE(d.message);
  REQUIRE(r.load.ok());
  r.found = rules::check(*r.load.ctg);
  return r;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string article(int n, const char* titre, const std::string& texte) {
  return "  - { id: art" + std::to_string(n) + ", numero: " + std::to_string(n) + ", titre: \"" + titre +
         "\", texte: \"" + texte + "\" }\n";
}

std::string fiche(const std::string& extra, const std::string& action) {
  return "fiches_action:\n  - id: f1\n    numero: 1\n    titre: Petite enfance\n    objectif_global: Accueillir.\n"
         "    actions_cles: [ { id: \"1.1\", texte: \"" + action + "\" } ]\n    indicateurs: [ Places ]\n" + extra;
}

}  // namespace

TEST_CASE("SCH-1: an item declared by a fiche, found by the fallback, and 4° f) needs a cost") {
  auto none = run(fiche("", "Ouvrir une crèche."));
  CHECK(contains(none.message("SCH-1"), "4° c) les mesures"));
  CHECK(contains(none.message("SCH-1"), "4° d) les actions"));
  // Declared by the fiche.
  auto declared = run(fiche("    elements_schema: [familles_difficulte, soutien_qualite]\n", "Ouvrir une crèche."));
  CHECK_FALSE(contains(declared.message("SCH-1"), "4° c) les mesures"));
  CHECK_FALSE(contains(declared.message("SCH-1"), "4° d) les actions"));
  // Found by the fallback detection: AVIP, formation continue.
  auto words = run(fiche("", "Créer des places AVIP et soutenir la formation continue des professionnels."));
  CHECK_FALSE(contains(words.message("SCH-1"), "4° c) les mesures"));
  CHECK_FALSE(contains(words.message("SCH-1"), "4° d) les actions"));
  // « APP » is a word: « apprendre » does not count.
  auto app = run(fiche("", "Apprendre à jouer."));
  CHECK(contains(app.message("SCH-1"), "4° d) les actions"));
  // « Renforcer les APP » in the AO's offer table answers 4° d).
  auto app_table = run(R"(offre_petite_enfance:
  - ao: a
    lignes:
      - { mode: rpe, actuel: 1, projection: { 2026: 1, 2027: 1, 2028: 1, 2029: 1 }, autres_besoins: [ Renforcer les APP auprès des assistantes maternelles ] }
)");
  CHECK_FALSE(contains(app_table.message("SCH-1"), "4° d) les actions"));
  CHECK(contains(app_table.message("SCH-1"), "4° d) dans tableau d'offre, ligne « "));
  // 4° f): engineering alone is not a cost; a declared fiche needs a sum in euros.
  auto eng = run(R"(offre_petite_enfance:
  - ao: a
    lignes:
      - mode: eaje_psu
        actuel: 10
        projection: { 2026: 10, 2027: 10, 2028: 10, 2029: 10 }
        investissements: [ { id: i, type: renovation, objet: Rénover, cout: null } ]
        ingenierie: [ Bureau d'études ]
)");
  CHECK(contains(eng.message("SCH-1"), "4° f) les coûts"));
  auto no_sum = run(fiche("    elements_schema: [couts_moyens]\n", "Financer la rénovation."));
  CHECK(contains(no_sum.message("SCH-1"), "4° f) les coûts"));
  auto sum = run(fiche("    elements_schema: [couts_moyens]\n", "Financer la rénovation : 120 000 € (Caf, commune)."));
  CHECK_FALSE(contains(sum.message("SCH-1"), "4° f) les coûts"));
}

TEST_CASE("SCH-3 and SCH-5: a commitment, who sends and within what time, pointed at the article") {
  // A mere faculty: not a commitment; the finding points at the article.
  auto may = run("articles:\n" + article(9, "Suivi et évaluation",
                                         "La Caf peut transmettre au CDSF les éléments du schéma, avec l'accord "
                                         "express des collectivités, ainsi que ses bilans intermédiaire et final."));
  const Diagnostic* d3 = may.first("SCH-3");
  REQUIRE(d3 != nullptr);
  CHECK(d3->loc.line > 1);
  CHECK(contains(d3->message, "l'article 9"));
  CHECK(contains(may.message("SCH-5"), "faculté"));
  // Who, but not the delay.
  auto who = run("articles:\n" + article(9, "Suivi", "La commune transmet le schéma au CDSF."));
  CHECK(contains(who.message("SCH-3"), "délai d'un mois"));
  // A full commitment for both.
  auto full = run("articles:\n" + article(9, "Suivi",
                                          "La commune transmet le schéma et ses mises à jour au CDSF dans le mois "
                                          "de leur adoption. La commune transmet au CDSF les bilans intermédiaire "
                                          "et final."));
  CHECK(full.count("SCH-3") == 0);
  CHECK(full.count("SCH-5") == 0);
  // Nothing at all: the follow-up article is pointed at, not the file's first line.
  auto nothing = run("articles:\n" + article(1, "Objet", "Objet.") + article(2, "Suivi, bilan et évaluation", "Rien."));
  REQUIRE(nothing.first("SCH-3") != nullptr);
  CHECK(nothing.first("SCH-3")->loc.line > 1);
}

TEST_CASE("LEX-1: a known text with a wrong date or number") {
  auto wrong = run("articles:\n" + article(3, "AO", "Les communes sont AO[^1].\\n\\n[^1]: Loi plein emploi du 18 "
                                                    "décembre 2024."));
  REQUIRE(wrong.count("LEX-1") == 1);
  CHECK(contains(wrong.message("LEX-1"), "18\u00A0décembre\u00A02024"));
  CHECK(contains(wrong.message("LEX-1"), "n° 2023-1196 du 18\u00A0décembre\u00A02023"));
  CHECK(run("articles:\n" + article(3, "AO", "Loi plein emploi du 18 décembre 2023.")).count("LEX-1") == 0);
  // A wrong date for a numbered decree; a wrong number for a named law.
  CHECK(run("visas:\n  - { id: d, texte: \"Vu le décret n° 2025-253 du 21 mars 2025\" }\n").count("LEX-1") == 1);
  CHECK(run("visas:\n  - { id: l, texte: \"Vu la loi n° 2023-1197 du 18 décembre 2023 pour le plein emploi\" }\n")
            .count("LEX-1") == 1);
  // An unknown text is not judged.
  CHECK(run("visas:\n  - { id: l, texte: \"Vu la loi n° 2022-1 du 3 janvier 2022\" }\n").count("LEX-1") == 0);
}

TEST_CASE("LEX-2: a visa quoting decree 2025-253's official title is right") {
  auto visa = run("visas:\n  - { id: d, texte: \"Vu le décret n° 2025-253 du 20 mars 2025 relatif au schéma "
                  "pluriannuel de maintien et de développement de l'offre d'accueil du jeune enfant prévu à "
                  "l'article L. 214-1-3 du code de l'action sociale et des familles\" }\n");
  CHECK(visa.count("LEX-2") == 0);
  CHECK(visa.count("LEX-1") == 0);
  auto prose = run("articles:\n" + article(3, "AO", "La commune établit le schéma pluriannuel prévu à l'article "
                                                    "L. 214-1-3 du CASF."));
  CHECK(prose.count("LEX-2") == 1);
  CHECK(run("articles:\n" + article(3, "AO", "Le schéma pluriannuel prévu à l'article L. 214-2 du CASF."))
            .count("LEX-2") == 0);
}

TEST_CASE("LEX-3: announced counts against the structure") {
  std::string plan = R"(plan_actions:
  axes:
    - { id: x1, titre: Un }
    - { id: x2, titre: Deux }
    - { id: x3, titre: Trois }
  calendrier:
    - { annee: 2027, titre: Lancement, actions: [ "Déploiement des actions sur les 5 axes" ] }
)";
  auto r = run(plan);
  REQUIRE(r.count("LEX-3") == 1);
  CHECK(contains(r.message("LEX-3"), "« 5 axes »"));
  CHECK(contains(r.message("LEX-3"), "3 axes"));
  std::string right = plan;
  right.replace(right.find("5 axes"), 6, "3 axes");
  CHECK(run(right).count("LEX-3") == 0);
  // « deux signataires » with two parties is right, with three it is not.
  CHECK(run("articles:\n" + article(6, "Collaboration", "Entre les deux signataires.")).count("LEX-3") == 0);
  auto three = run("articles:\n" + article(6, "Collaboration", "Entre les trois signataires."));
  CHECK(three.count("LEX-3") == 1);
  // « N communes »: one commune signs, without an EPCI: « 2 communes » contradicts.
  CHECK(run("articles:\n" + article(1, "Objet", "Les 2 communes du territoire.")).count("LEX-3") == 1);
}

TEST_CASE("the seed: legal references, counts, SCH-1 and DIAG-4") {
  auto r = load_file(CTG_SOURCE_DIR "/examples/provence-alpes-agglomeration");
  REQUIRE(r.ok());
  auto found = rules::check(*r.ctg);
  std::string lex1, lex3, sch1;
  for (const auto& d : found.items()) {
    if (d.code == "LEX-1") lex1 += d.message + "\n";
    if (d.code == "LEX-3") lex3 += d.message + "\n";
    if (d.code == "SCH-1") sch1 += d.message + "\n";
    CHECK(d.code != "DIAG-4");
    CHECK(d.code != "LEX-2");  // the visa quotes the decree's title
  }
  CHECK(contains(lex1, "18\u00A0décembre\u00A02024"));
  CHECK(contains(lex3, "« 5 axes »"));
  CHECK(contains(lex3, "7 axes"));
  CHECK(contains(lex3, "« deux signataires »"));
  // Fiches 3.3, 3.7, 3.8, 3.9 and « Renforcer les APP » answer 4° c) and 4° d); no cost anywhere.
  CHECK_FALSE(contains(sch1, "4° c) les mesures"));
  CHECK_FALSE(contains(sch1, "4° d) les actions"));
  CHECK(contains(sch1, "4° f) les coûts"));
  const AoEntry& paa = r.ctg->autorites_organisatrices.back();
  for (const auto& item : rules::schema_items())
    if (item.element == SchemaElement::FamillesDifficulte) {
      auto where = rules::schema_item_found(*r.ctg, paa, item);
      REQUIRE(where.has_value());
      CHECK(*where == "fiche action 3, action clé 3.7");
    } else if (item.element == SchemaElement::SoutienQualite) {
      auto where = rules::schema_item_found(*r.ctg, paa, item);
      REQUIRE(where.has_value());
      CHECK(*where == "fiche action 3, action clé 3.3");
    }
  // The reader sees where they were found.
  CHECK(contains(sch1, "trouvés hors de leur place : 4° c) dans fiche action 3, action clé 3.7"));
}
