// SPDX-License-Identifier: EUPL-1.2
// The tracking of a signed CTG: periods, references, chronology, overdue
// actions at the edges of dates, places and coverage realised vs projected.
#include <fstream>
#include <set>
#include <sstream>

#include "format/loader.hpp"
#include "bilan/bilan.hpp"
#include "format/suivi_check.hpp"
#include "suivi/status.hpp"
#include "test_util.hpp"
#include "rules/validation.hpp"

using namespace ctg;

namespace {

// The single-commune example (fiche-1: actions 1.1 and 1.2, two indicators;
// offer of valbelle: eaje_psu 20 then 24 places in 2028, rpe 0.3 ETP…), with a tracking.
LoadResult with_tracking(const std::string& suivi) {
  std::ifstream in(CTG_SOURCE_DIR "/examples/commune-seule/ctg.yaml");
  std::ostringstream text;
  text << in.rdbuf() << "suivi:\n" << suivi;
  return load_text(text.str(), "ctg.yaml", CTG_SOURCE_DIR "/examples/commune-seule");
}

std::vector<std::string> codes(const LoadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics.items())
    if (d.severity == Severity::Error) out.push_back(d.code + ": " + d.message + " | " + d.hint);
  return out;
}

// Non-breaking spaces (French typography) read as plain spaces.
std::string plain_spaces(std::string s) {
  for (const char* nb : {"\u00A0", "\u202F"})
    for (std::size_t p; (p = s.find(nb)) != std::string::npos;) s.replace(p, std::string(nb).size(), " ");
  return s;
}

bool mentions(const LoadResult& r, const std::string& code, const std::string& part) {
  for (const auto& d : r.diagnostics.items())
    if (d.code == code && plain_spaces(d.message + " " + d.hint).find(part) != std::string::npos) return true;
  return false;
}

const char* const two_periods = R"(  - periode: "2026-T1"
    actions:
      - { fiche: fiche-1, action: "1.1", etat: engagee, date: 2026-02-01, echeance: 2026-06-30 }
    places:
      - { ao: valbelle, mode: eaje_psu, places: 18, date: 2026-03-31 }
  - periode: "2026-T2"
    actions:
      - { fiche: fiche-1, action: "1.2", etat: prevue, date: 2026-04-01, echeance: 2026-09-30 }
    indicateurs:
      - { fiche: fiche-1, indicateur: 1, valeur: 2, cible: 4, date: 2026-06-30 }
    rpe:
      - { ao: valbelle, etp: 0.2, date: 2026-06-30 }
)";

}  // namespace

TEST_CASE("périodes : trimestres, semestres, années") {
  auto t3 = format::suivi::bounds("2026-T3");
  REQUIRE(t3);
  CHECK(t3->debut == Date{2026, 7, 1});
  CHECK(t3->fin == Date{2026, 9, 30});
  CHECK(format::suivi::bounds("2028-T1")->fin == Date{2028, 3, 31});
  CHECK(format::suivi::bounds("2026-S2")->debut == Date{2026, 7, 1});
  CHECK(format::suivi::bounds("2027")->fin == Date{2027, 12, 31});
  CHECK_FALSE(format::suivi::bounds("2026-T5"));
  CHECK_FALSE(format::suivi::bounds("2026-Q1"));
  CHECK(midpoint(Date{2026, 1, 1}, Date{2030, 12, 31}) == Date{2028, 7, 1});
  CHECK(midpoint(Date{2026, 1, 1}, Date{2026, 1, 3}) == Date{2026, 1, 2});
}

TEST_CASE("un suivi cohérent se charge sans erreur") {
  auto r = with_tracking(two_periods);
  CHECK(codes(r) == std::vector<std::string>{});
  REQUIRE(r.ok());
  CHECK(r.ctg->suivi.size() == 2);
  CHECK(format::suivi::latest_date(*r.ctg) == Date{2026, 6, 30});
}

TEST_CASE("références du suivi : action, indicateur, AO, mode, avec suggestion") {
  auto r = with_tracking(R"(  - periode: "2026-T1"
    actions:
      - { fiche: fiche-1, action: "1.3", etat: engagee, date: 2026-02-01 }
      - { fiche: fiche-9, action: "1.1", etat: engagee, date: 2026-02-01 }
    indicateurs:
      - { fiche: fiche-1, indicateur: 3, valeur: 2, date: 2026-03-01 }
    places:
      - { ao: valbelle, mode: eaje_pus, places: 18, date: 2026-03-31 }
      - { ao: valbelle, mode: rpe, places: 1, date: 2026-03-31 }
      - { ao: caf04, mode: eaje_psu, places: 18, date: 2026-03-31 }
)");
  CHECK(mentions(r, "REFERENCE", "« 1.3 » ne désigne aucune action clé de la fiche « fiche-1 »"));
  CHECK(mentions(r, "REFERENCE", "« fiche-9 » ne désigne aucune entrée de « fiches_action »"));
  CHECK(mentions(r, "REFERENCE", "la fiche « fiche-1 » a 2 indicateurs : l'indicateur 3 n'existe pas"));
  CHECK(mentions(r, "REFERENCE", "vouliez-vous dire « eaje_psu » ?"));
  CHECK(mentions(r, "REFERENCE", "les ETP de RPE se notent dans « rpe: »"));
  CHECK(mentions(r, "REFERENCE", "« caf04 » ne désigne aucune AO ayant un tableau d'offre"));
  CHECK_FALSE(r.ok());
}

TEST_CASE("chronologie : période hors CTG, date après la période, réalisée avant engagée") {
  auto r = with_tracking(R"(  - periode: "2025-T4"
  - periode: "2026-T1"
    actions:
      - { fiche: fiche-1, action: "1.1", etat: realisee, date: 2026-03-01 }
      - { fiche: fiche-1, action: "1.2", etat: engagee, date: 2026-04-02 }
  - periode: "2026-T2"
    actions:
      - { fiche: fiche-1, action: "1.1", etat: engagee, date: 2026-05-01 }
)");
  CHECK(mentions(r, "PERIODE", "la période 2025-T4"));
  CHECK(mentions(r, "CHRONOLOGIE", "date 2026-04-02 postérieure à la fin de la période 2026-T1"));
  CHECK(mentions(r, "CHRONOLOGIE", "déclarée réalisée le 1er mars 2026"));
  CHECK(mentions(r, "CHRONOLOGIE", "une action est engagée avant d'être réalisée"));
  // A state dated before the one of an earlier period.
  auto back = with_tracking(R"(  - periode: "2026-T1"
    actions:
      - { fiche: fiche-1, action: "1.1", etat: engagee, date: 2026-03-01 }
  - periode: "2026-T2"
    actions:
      - { fiche: fiche-1, action: "1.1", etat: realisee, date: 2026-02-01 }
)");
  CHECK(mentions(back, "CHRONOLOGIE", "avant l'état « engagée » déjà déclaré au 1er mars 2026"));
  // Two periods with the same name, in one file.
  auto twice = with_tracking("  - periode: \"2026-T1\"\n  - periode: \"2026-T1\"\n");
  CHECK(mentions(twice, "ID-EN-DOUBLE", "2026-T1"));
}

TEST_CASE("une action est en retard le lendemain de son échéance, pas le jour même") {
  auto r = with_tracking(two_periods);
  REQUIRE(r.ok());
  auto late = [&](Date d) {
    std::vector<std::string> ids;
    auto at = suivi::snapshot(*r.ctg, d);  // overdue() points into it: keep it alive
    for (const auto* a : at.overdue()) ids.push_back(a->action->id);
    return ids;
  };
  CHECK(late(Date{2026, 6, 30}) == std::vector<std::string>{});
  CHECK(late(Date{2026, 7, 1}) == std::vector<std::string>{"1.1"});
  CHECK(late(Date{2026, 9, 30}) == std::vector<std::string>{"1.1"});
  CHECK(late(Date{2026, 10, 1}) == std::vector<std::string>{"1.1", "1.2"});
  // Before its first state, an action is not followed yet: not late.
  CHECK(late(Date{2026, 1, 31}) == std::vector<std::string>{});
  // Réalisée or abandonnée: never late.
  auto done = with_tracking(std::string(two_periods) + R"(  - periode: "2026-T3"
    actions:
      - { fiche: fiche-1, action: "1.1", etat: realisee, date: 2026-07-15 }
      - { fiche: fiche-1, action: "1.2", etat: abandonnee, date: 2026-08-01 }
)");
  REQUIRE(done.ok());
  CHECK(suivi::snapshot(*done.ctg, Date{2026, 12, 31}).overdue().empty());
  // Reportée with a new échéance: late against the new one only.
  auto moved = with_tracking(std::string(two_periods) + R"(  - periode: "2026-T3"
    actions:
      - { fiche: fiche-1, action: "1.1", etat: reportee, date: 2026-07-15, echeance: 2027-03-31 }
)");
  REQUIRE(moved.ok());
  auto s = suivi::snapshot(*moved.ctg, Date{2026, 12, 31});
  REQUIRE(s.overdue().size() == 1);
  CHECK(s.overdue()[0]->action->id == "1.2");
}

TEST_CASE("places et ETP ouverts face à la projection de l'année") {
  auto r = with_tracking(two_periods);
  REQUIRE(r.ok());
  auto s = suivi::snapshot(*r.ctg, Date{2026, 6, 30});
  CHECK(s.year == 2026);
  bool eaje = false, rpe = false;
  for (const auto& o : s.offer) {
    if (o.mode == "eaje_psu") {
      eaje = true;
      CHECK(o.projected == Decimal::from_int(20));
      CHECK(o.realised == Decimal::from_int(18));
      CHECK(o.date == Date{2026, 3, 31});
    }
    if (o.mode == "rpe") {
      rpe = true;
      CHECK(o.etp);
      CHECK(o.realised == parse_decimal("0.2"));
      CHECK(o.projected == parse_decimal("0.3"));
    }
  }
  CHECK(eaje);
  CHECK(rpe);
  // Before the first record, nothing is open on record.
  for (const auto& o : suivi::snapshot(*r.ctg, Date{2026, 3, 30}).offer) CHECK_FALSE(o.realised);
  // The indicator: last value and target.
  auto i = s.indicators.front();
  REQUIRE(i.last);
  CHECK(i.last->valeur == Decimal::from_int(2));
  CHECK(i.cible == Decimal::from_int(4));
  CHECK_FALSE(s.indicators.back().last);  // an indicator without a value
}

TEST_CASE("trajectoire du taux de couverture : prévu et réalisé par année") {
  std::ifstream in(CTG_SOURCE_DIR "/examples/provence-alpes-agglomeration/ctg.yaml");
  auto r = load_file(CTG_SOURCE_DIR "/examples/provence-alpes-agglomeration");
  REQUIRE(r.ok());
  auto t = suivi::trajectory(*r.ctg, Date{2027, 12, 31});
  REQUIRE(t.size() == 2);
  CHECK(t[0].year == 2026);
  CHECK(t[0].projected_tenths == 528);  // the rate ctg coverage gives for 2026
  CHECK(t[1].projected_tenths == 538);
  REQUIRE(t[1].realised_places);
  REQUIRE(t[1].projected_places);
  // Places opened late: fewer open than projected at the end of 2027.
  CHECK(*t[1].realised_places < *t[1].projected_places);
  REQUIRE(t[1].realised_tenths);
  CHECK(*t[1].realised_tenths < *t[1].projected_tenths);
  // The example's history exercises every state and an action without any.
  auto s = suivi::snapshot(*r.ctg, Date{2027, 12, 31});
  std::set<int> states;
  bool never = false;
  for (const auto& a : s.actions) {
    if (a.last) states.insert(static_cast<int>(a.last->etat));
    never = never || !a.last;
  }
  CHECK(states.size() == 5);
  CHECK(never);
  CHECK(s.overdue().size() == 2);
  CHECK(s.fictif);
}

TEST_CASE("validate : actions en retard et bilan intermédiaire petite enfance en remarques") {
  auto count = [](const rules::FileValidation& v, const std::string& code) {
    int n = 0;
    for (const auto& d : v.findings.items())
      if (d.code == code) {
        CHECK(d.severity == Severity::Note);
        ++n;
      }
    return n;
  };
  rules::Options options;
  auto v = rules::validate_file(CTG_SOURCE_DIR "/examples/provence-alpes-agglomeration", options);
  CHECK(count(v, "SUIVI-RETARD") == 2);
  CHECK(count(v, "SUIVI-BILAN") == 0);  // mid-term is 1 July 2028
  options.at = Date{2028, 7, 1};
  CHECK(count(rules::validate_file(CTG_SOURCE_DIR "/examples/provence-alpes-agglomeration", options), "SUIVI-BILAN") == 1);
  options.at = Date{2028, 6, 30};
  CHECK(count(rules::validate_file(CTG_SOURCE_DIR "/examples/provence-alpes-agglomeration", options), "SUIVI-BILAN") == 0);
}

TEST_CASE("bilan : un bilan annuel porte sur une année suivie, sans note privée") {
  auto r = load_file(CTG_SOURCE_DIR "/examples/provence-alpes-agglomeration");
  REQUIRE(r.ok());
  std::string error;
  bilan::BilanOptions o;
  o.year = 2029;
  CHECK_FALSE(bilan::build_bilan(*r.ctg, o, error));
  CHECK(error.find("aucune période de suivi en 2029") != std::string::npos);
  o.year = 2027;
  auto d = bilan::build_bilan(*r.ctg, o, error);
  REQUIRE(d);
  std::string all;
  for (const auto& b : d->blocks) {
    for (const auto& s : b.line) all += s.text;
    for (const auto& l : b.items)
      for (const auto& s : l) all += s.text;
    for (const auto& row : b.table.rows)
      for (const auto& c : row)
        for (const auto& s : c.content) all += s.text;
  }
  CHECK(all.find("Relancer la Région") == std::string::npos);  // a private note of 2027-T1
  CHECK(all.find("Financement régional du transport") != std::string::npos);  // its published difficulty
}
