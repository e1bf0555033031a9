// SPDX-License-Identifier: EUPL-1.2
// The official geography (lib/referentiel), its rules REF-1 … REF-7 and
// ctg init, on the committed data (data/referentiel).
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "init/init.hpp"
#include "format/loader.hpp"
#include "referentiel/insee.hpp"
#include "referentiel/lookup.hpp"
#include "referentiel/referentiel.hpp"
#include "rules/rules.hpp"
#include "test_util.hpp"

using namespace ctg;

namespace {

referentiel::Store& store() {
  static referentiel::Store s(CTG_SOURCE_DIR "/data/referentiel");
  return s;
}

const char* const head = R"(format: ctg/1
convention: { titre: CTG, territoire: T, debut: 2026-01-01, fin: 2029-12-31, lieu_signature: Digne, date_signature: 2026-02-01 }
parties:
  - { id: caf, type: caf, nom: Caf, representants: [] }
  - { id: paa, type: epci, forme: communaute_agglomeration, nom: CA Provence-Alpes-Agglomération, siren: "200067437", representants: [] }
)";

struct Found {
  Diagnostics d;
  std::string of(const std::string& code) const {
    std::string all;
    for (const auto& x : d.items())
      if (x.code == code) all += x.message + "\n";
    return all;
  }
  bool has(const std::string& code, Severity s) const {
    return std::any_of(d.items().begin(), d.items().end(),
                       [&](const Diagnostic& x) { return x.code == code && x.severity == s; });
  }
};

Found check(const std::string& body, rules::Options o = {}) {
  auto r = load_text(std::string(head) + body, "t.yaml");
  for (const auto& d : r.diagnostics.items()) MESSAGE(d.message);
  REQUIRE(r.ok());
  return {rules::check(*r.ctg, o)};
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("referentiel: names fold, millésimes come into force three years later") {
  CHECK(referentiel::fold("Digne les bains") == referentiel::fold("Digne-les-Bains"));
  CHECK(referentiel::fold("Château-Arnoux-St-Auban") == "chateau arnoux saint auban");
  CHECK(referentiel::fold("CA Provence-Alpes-Agglomération") == referentiel::fold("Provence Alpes Agglomération"));
  CHECK(referentiel::fold("L’Escale") == "l escale");
  CHECK(referentiel::in_force(Date{2026, 1, 1}) == 2023);
  CHECK(referentiel::in_force(Date{2025, 12, 31}) == 2022);
}

TEST_CASE("referentiel: the committed millésimes and their figures") {
  auto& s = store();
  REQUIRE(s.available());
  REQUIRE(s.millesimes().size() == 3);
  CHECK(s.info(2022)->totale);
  CHECK_FALSE(s.info(2023)->totale);  // communes.json only: municipal figures
  CHECK(s.latest_with_totale(2023) == 2022);
  const auto* digne = s.year(2022)->commune("04070");
  REQUIRE(digne);
  CHECK(digne->nom == "Digne-les-Bains");
  CHECK(digne->totale == 18547);
  CHECK(digne->municipale == 17694);
  CHECK(s.year(2023)->commune("04070")->municipale == 17979);
  CHECK_FALSE(s.year(2023)->commune("04070")->totale);
  CHECK(s.year(2021)->commune("04070")->totale == 18124);
  const auto* paa = s.year(2022)->epci("200067437");
  REQUIRE(paa);
  CHECK(paa->membres.size() == 46);
  CHECK(paa->totale == 50305);
  CHECK(paa->municipale == 48726);
  CHECK(s.year(2022)->commune("97501")->totale == std::nullopt);  // a COM: no millésime population
  CHECK(s.year(2024) == nullptr);
}

TEST_CASE("ctg referentiel: by code, by name, by EPCI, formats") {
  auto& s = store();
  auto a = referentiel::lookup(s, {"04070", "", std::nullopt, referentiel::Output::Texte});
  CHECK(a.found);
  CHECK(contains(a.text, "millésime 2022 (en vigueur au 1er janvier 2025) : population totale 18 547, municipale 17 694"));
  CHECK(contains(a.text, "CA Provence-Alpes-Agglomération (SIREN 200067437)"));
  auto b = referentiel::lookup(s, {"digne les bains", "", 2022, referentiel::Output::Csv});
  CHECK(b.text == "code,nom,departement,epci,millesime,population_totale,population_municipale\n"
                  "04070,Digne-les-Bains,04,200067437,2022,18547,17694\n");
  auto c = referentiel::lookup(s, {"", "200067437", std::nullopt, referentiel::Output::Json});
  CHECK(contains(c.text, "\"somme_totale\": 50305"));
  CHECK(contains(c.text, "\"millesime\": 2022"));
  auto d = referentiel::lookup(s, {"Nullepartville", "", std::nullopt, referentiel::Output::Texte});
  CHECK_FALSE(d.found);
  auto e = referentiel::lookup(s, {"04070", "", 2019, referentiel::Output::Texte});
  CHECK(contains(e.error, "millésimes disponibles : 2021, 2022, 2023"));
}

TEST_CASE("the seed: 48 726 is the municipal figure, 38 193 the official sum") {
  auto r = load_file(CTG_SOURCE_DIR "/examples/provence-alpes-agglomeration");
  REQUIRE(r.ok());
  Found f{rules::check(*r.ctg)};
  CHECK(contains(f.of("REF-5"), "48 726 est la population municipale de CA Provence-Alpes-Agglomération, millésime 2022"));
  CHECK(contains(f.of("REF-5"), "le chiffre légal est la population totale : 50 305 (millésime 2022)"));
  CHECK(contains(f.of("REF-6"), "38 193 (millésime 2022)"));
  CHECK(contains(f.of("REF-6"), "sauf Château-Arnoux-Saint-Auban, Les Mées et Peyruis"));
  CHECK(f.has("REF-6", Severity::Note));  // exact
  rules::Options off;
  off.referentiel = false;
  Found g{rules::check(*r.ctg, off)};
  for (const char* code : {"REF-1", "REF-2", "REF-3", "REF-4", "REF-5", "REF-6"}) CHECK(g.of(code).empty());
}

TEST_CASE("REF-1 and REF-2: codes that exist, official names") {
  auto f = check("  - { id: d, type: commune, nom: Digne-les-Bains, insee: \"04071\", epci: paa, representants: [] }\n"
                 "  - { id: m, type: commune, nom: Les Mees, insee: \"04116\", epci: paa, representants: [] }\n"
                 "  - { id: x, type: commune, nom: Peyruis, insee: \"04001\", epci: paa, representants: [] }\n");
  CHECK(f.has("REF-1", Severity::Error));
  CHECK(contains(f.of("REF-1"), "le code INSEE 04071 n'existe dans aucun millésime"));
  CHECK(contains(f.of("REF-1"), "vouliez-vous dire 04070 (Digne-les-Bains"));
  CHECK(f.has("REF-2", Severity::Note));     // Les Mees / Les Mées: accents
  CHECK(f.has("REF-2", Severity::Warning));  // 04001 is Aiglun
  CHECK(contains(f.of("REF-2"), "« Peyruis » : le code INSEE 04001 est celui de « Aiglun »"));
}

TEST_CASE("REF-2: the designation spells the official name, so one party has one name") {
  auto f = check("  - { id: c, type: commune, nom: Château-Arnoux-Saint-Auban, insee: \"04049\", epci: paa,\n"
                 "      designation: la Commune de Château Arnoux St Auban, representants: [] }\n"
                 "  - { id: m, type: commune, nom: Les Mées, insee: \"04116\", epci: paa,\n"
                 "      designation: la Commune des Mées, representants: [] }\n");
  CHECK(f.has("REF-2", Severity::Warning));
  CHECK(contains(f.of("REF-2"), "la Commune de Château Arnoux St Auban\u00a0» écrit «\u00a0Château Arnoux St Auban\u00a0»"));
  CHECK(contains(f.of("REF-2"), "nom officiel (code INSEE 04049, composition 2022) s'écrit «\u00a0Château-Arnoux-Saint-Auban"));
  CHECK_FALSE(contains(f.of("REF-2"), "Mées"));  // the official spelling: nothing said
}

TEST_CASE("REF-3: members of the EPCI they transfer to") {
  auto f = check("  - { id: b, type: commune, nom: Briançon, insee: \"05023\", epci: paa, representants: [] }\n");
  CHECK(f.has("REF-3", Severity::Warning));
  CHECK(contains(f.of("REF-3"), "n'est pas membre de CA Provence-Alpes-Agglomération"));
  CHECK(contains(f.of("REF-3"), "elle est membre de CC du Briançonnais (SIREN 240500439)"));
}

TEST_CASE("REF-4, REF-5, REF-7: population totale, municipale, millésime") {
  std::string parties =
      "  - { id: d, type: commune, nom: Digne-les-Bains, insee: \"04070\", epci: paa, representants: [],\n"
      "      population: { valeur: 18000, nature: totale, millesime: 2022 } }\n"
      "  - { id: c, type: commune, nom: Château-Arnoux-Saint-Auban, insee: \"04049\", epci: paa, representants: [],\n"
      "      population: { valeur: 5095, nature: totale, millesime: 2022 } }\n"
      "  - { id: m, type: commune, nom: Les Mées, insee: \"04116\", epci: paa, representants: [],\n"
      "      population: { valeur: 4053, nature: totale, millesime: 2022 } }\n"
      "  - { id: s, type: commune, nom: Saint-Pierre, insee: \"97502\", representants: [],\n"
      "      population: { valeur: 1, nature: totale, millesime: 2022 } }\n";
  auto f = check(parties);
  CHECK(contains(f.of("REF-4"), "population totale 18 000 ; le référentiel donne 18 547 (population totale, millésime 2022)"));
  CHECK(contains(f.of("REF-5"), "5 095 est la population municipale de Château-Arnoux-Saint-Auban, millésime 2022"));
  CHECK(contains(f.of("REF-5"), "le chiffre légal est la population totale : 5 218"));
  CHECK_FALSE(contains(f.of("REF-4") + f.of("REF-5"), "Saint-Pierre"));  // an overseas collectivity: silence
  CHECK_FALSE(contains(f.of("REF-4") + f.of("REF-5"), "Les Mées"));      // exact
  // Millésime 2022 at 2026-01-01: the 2023 figure is in force.
  CHECK(contains(f.of("REF-7"), "Les Mées : population du millésime 2022, qui ne fait plus foi depuis le 1er janvier "
                                "2026 (le millésime 2023 la remplace) ; millésime 2023 au référentiel : population "
                                "municipale"));
  rules::Options o;
  o.at = Date{2025, 6, 1};
  CHECK(check(parties, o).of("REF-7").find("Les Mées") == std::string::npos);
  rules::Options off;
  off.referentiel = false;
  auto g = check(parties, off);
  CHECK(g.of("REF-4").empty());
  CHECK(contains(g.of("REF-7"), "qui ne fait plus foi depuis le 1er janvier 2026 (le millésime 2023 la remplace)"));
  CHECK_FALSE(contains(g.of("REF-7"), "au référentiel"));  // calendar only, still said, without a figure
}

TEST_CASE("REF-6: an EPCI's population recomputed from the listed communes") {
  auto f = check("autorites_organisatrices:\n"
                 "  - ao: paa\n"
                 "    competences: { recenser: exercee, informer: exercee, planifier: exercee, qualite: exercee }\n"
                 "    transferts:\n"
                 "      - competences: [planifier, qualite]\n"
                 "        communes: [ { nom: Malijai, insee: \"04108\" }, { nom: Volonne, insee: \"04244\" } ]\n"
                 "        population: { valeur: 3700, nature: totale, millesime: 2022 }\n");
  CHECK(f.has("REF-6", Severity::Warning));
  CHECK(contains(f.of("REF-6"), "3 700 habitants"));
  CHECK(contains(f.of("REF-6"), "des 2 communes ayant transféré : 3 724 (millésime 2022)"));
}

TEST_CASE("ctg init: the files of a new CTG, for a real EPCI outside the seed's département") {
  init::Options o;
  o.dossier = "x";
  o.epci = "240500439";  // CC du Briançonnais (Hautes-Alpes)
  o.caf = "Caisse d'allocations familiales des Hautes-Alpes";
  o.debut = {2026, 1, 1};
  o.fin = {2029, 12, 31};
  auto r = init::prepare(store(), o);
  REQUIRE(r.error.empty());
  std::vector<std::string> names;
  for (const auto& f : r.files) names.push_back(f.name);
  CHECK(names == std::vector<std::string>{"ctg.yaml", "annexe-1-diagnostic.yaml", "annexe-2-equipements.yaml",
                                          "annexe-3-plan-actions.yaml", "annexes-4-5.yaml", ".gitattributes",
                                          "ctg.schema.json"});
  CHECK(contains(r.files[0].content, "nom: \"Briançon\"\n    insee: \"05023\""));
  CHECK(contains(r.files[0].content, "population: { valeur: 11059, nature: totale, millesime: 2022"));
  CHECK(contains(r.files[3].content, "# Briançon : 11 059 habitants (population totale, millésime 2022) : plus de "
                                     "10 000 habitants"));
  o.communes = {"04070"};
  CHECK(contains(init::prepare(store(), o).error, "04070 n'est pas membre de CC du Briançonnais"));
  o.communes = {};
  o.epci = "999999999";
  CHECK(contains(init::prepare(store(), o).error, "aucun EPCI à fiscalité propre de SIREN 999999999"));
}

TEST_CASE("referentiel: the Insee's file of populations légales (donnees_communes.csv)") {
  const std::string head = "REG;Région;DEP;CODARR;CODCAN;CODCOM;Commune;PMUN;PCAP;PTOT\n";
  // BOM, CRLF, grouped figures (space, no-break and narrow no-break), a DOM,
  // Corse in lower case, zeros a spreadsheet dropped, a quoted name with « ; ».
  auto r = referentiel::parse_insee(
      "f.csv", "\xEF\xBB\xBF" + head.substr(0, head.size() - 1) + "\r\n" +
                   "93;P;04;041;0405;070;Digne-les-Bains;17 979;452;18\xC2\xA0" "431\r\n"
                   "01;Guadeloupe;971;9712;97102;01;Les Abymes;51\xE2\x80\xAF" "055;702;51757\r\n"
                   "01;Guadeloupe;971;9712;97102;102;Baie-Mahault;100;1;101\r\n"
                   "94;Corse;2a;2A1;2A01;4;\"Ajaccio; ville\";76320;1104;77424\r\n"
                   "93;P;4;041;0405;116;Les Mées;4100;88;4188\r\n\r\n");
  REQUIRE(r.error == "");
  REQUIRE(r.communes.size() == 5);
  CHECK(r.communes[0].code == "04070");
  CHECK(r.communes[0].totale == 18431);
  CHECK(r.communes[0].a_part == 452);
  CHECK(r.communes[0].line == 2);
  CHECK(r.communes[1].code == "97101");
  CHECK(r.communes[1].municipale == 51055);
  CHECK(r.communes[2].code == "97102");  // « 971 » + « 102 »: the full number
  CHECK(r.communes[3].code == "2A004");
  CHECK(r.communes[4].code == "04116");
  // Columns found by name, in any order.
  auto moved = referentiel::parse_insee("f.csv", "PTOT;PCAP;PMUN;CODCOM;DEP\n10;1;9;070;04\n");
  REQUIRE(moved.error == "");
  CHECK(moved.communes[0].code == "04070");
  CHECK(moved.communes[0].municipale == 9);
  // Errors: position, figures, nothing kept.
  auto bad = referentiel::parse_insee("f.csv", head + "93;P;04;041;0405;070;Digne;17979;452;18431\n93;P;04;1;2;116;M;1;2;4\n");
  CHECK(bad.error == "f.csv:3:23 : PTOT 4 n'est pas PMUN 1 + PCAP 2 (= 3) pour la commune 04116 ; la population totale "
                     "est la somme des deux : corrigez le chiffre ou reprenez le fichier de l'Insee");
  CHECK(bad.communes.empty());
  CHECK(contains(referentiel::parse_insee("f.csv", head + "93;P;04;041;0405;070;D;1;-2;-1\n").error,
                 "f.csv:2:26 : PCAP « -2 » n'est pas un nombre entier"));
  CHECK(contains(referentiel::parse_insee("f.csv", head + "93;P;04;041;0405;070;D;99999999999;0;99999999999\n").error,
                 "PMUN « 99999999999 » n'est pas un nombre entier"));
  CHECK(contains(referentiel::parse_insee("f.csv", head + "93;P;971;9712;97102;1234;D;1;0;1\n").error,
                 "f.csv:2:6 : code de commune impossible (DEP « 971 », CODCOM « 1234 »)"));
  CHECK(contains(referentiel::parse_insee("f.csv", "\n" + head).error, "f.csv:2:1 : l'en-tête doit être la première ligne"));
  CHECK(contains(referentiel::parse_insee("f.csv", head).error, "f.csv:1:1 : aucune commune dans le fichier"));
}

TEST_CASE("referentiel: an imported millésime is read before the installed one, for that millésime only") {
  namespace fs = std::filesystem;
  fs::path user = fs::temp_directory_path() / ("ctg-import-" + std::to_string(::getpid()));
  fs::remove_all(user);
  const std::string fixture = CTG_SOURCE_DIR "/tests/data/insee/donnees_communes-fictif.csv";
  // Refused: nothing written, not even the folder.
  auto refused = referentiel::import_insee(store(), fixture, 2019, user.string(), "2026-12-05");
  CHECK(contains(refused.error, "le millésime 2019 n'est pas dans le référentiel installé"));
  CHECK(!fs::exists(user));
  auto r = referentiel::import_insee(store(), fixture, 2023, user.string(), "2026-12-05");
  REQUIRE(r.error == "");
  CHECK(r.warnings.empty());
  referentiel::Store both(CTG_SOURCE_DIR "/data/referentiel", user.string());
  REQUIRE(both.info(2023));
  CHECK(both.info(2023)->totale);
  CHECK(both.info(2023)->importe == "Insee, populations légales 2023, importées le 2026-12-05");
  CHECK(both.info(2022)->importe == "");
  CHECK(both.latest_with_totale(2023) == 2023);
  CHECK(both.year(2023)->commune("04070")->totale == 18431);
  CHECK(both.year(2023)->commune("2A004")->totale == 77424);
  CHECK(!both.year(2023)->commune("04039")->totale);    // not in the file: the installed figures
  CHECK(both.year(2023)->commune("04039")->municipale == 1472);
  CHECK(both.year(2022)->commune("04070")->totale == 18547);  // other millésimes untouched
  CHECK(store().year(2023)->commune("04070")->totale == std::nullopt);  // the installed one alone: unchanged
  fs::remove_all(user);
}
