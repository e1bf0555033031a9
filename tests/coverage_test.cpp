// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include "coverage/coverage.hpp"
#include "coverage/report.hpp"
#include "format/loader.hpp"

using namespace ctg;
using namespace ctg::coverage;

namespace {

const char* const head = R"(format: ctg/1
convention: { titre: CTG, territoire: Belvédère, debut: 2026-01-01, fin: 2028-12-31 }
parties:
  - { id: caf, type: caf, nom: Caf, representants: [] }
  - { id: bel, type: commune, nom: Belvédère, representants: [] }
)";

Report report_of(const std::string& body, Options o = {}) {
  auto r = load_text(std::string(head) + body, "t.yaml");
  for (const auto& d : r.diagnostics.items()) MESSAGE(d.message);
  REQUIRE(r.ok());
  return compute(*r.ctg, o);
}

const Column& col(const Report& r, std::size_t perimeter, std::size_t column) {
  REQUIRE(r.perimeters.size() > perimeter);
  REQUIRE(r.perimeters[perimeter].columns.size() > column);
  return r.perimeters[perimeter].columns[column];
}

std::optional<std::int64_t> global(const Column& c) { return c.tenths.at(Rate::Global); }

}  // namespace

TEST_CASE("rates are rounded once, half up, in tenths") {
  CHECK(rate_tenths(Decimal::from_int(608), Decimal::from_int(1151)) == 528);
  CHECK(rate_tenths(Decimal::from_int(1), Decimal::from_int(16)) == 63);  // 6,25 → 6,3
  CHECK(rate_tenths(Decimal::from_int(80), Decimal::from_int(50)) == 1600);  // above 100: never capped
  CHECK_FALSE(rate_tenths(Decimal::from_int(1), Decimal{}).has_value());
  CHECK(places_to_reach(Decimal::from_int(60), Decimal::from_int(45), Decimal::from_int(100)) == 15);
  CHECK(places_to_reach(Decimal::from_int(60), Decimal::from_int(61), Decimal::from_int(100)) == 0);
  CHECK(places_to_reach(Decimal::from_int(60), Decimal::from_int(45), Decimal::from_int(101)) == 16);  // 60,6 → 61
  // The largest figures the format accepts do not overflow.
  const Decimal huge = *parse_decimal("999999999999.9999");
  CHECK(rate_tenths(huge, huge) == 1000);
  CHECK(places_to_reach(huge, Decimal{}, huge) > 0);
}

TEST_CASE("a complete computation, by hand") {
  // 300 children; PSU 100, micro 20, préscolarisation 10, AM 90 + MAM 10 at
  // 50 % for under-3s = 50, garde à domicile 5: 185 places → 61,666… → 61,7.
  auto r = report_of(R"(offre_petite_enfance:
  - ao: bel
    lignes:
      - { mode: eaje_psu, actuel: 100, projection: { 2026: 100, 2027: 130, 2028: 130 } }
      - { mode: micro_creche_paje, actuel: 20, projection: { 2026: 20, 2027: 20, 2028: 20 } }
      - { mode: prescolarisation, actuel: 10, projection: { 2026: 10, 2027: 10, 2028: 10 } }
      - { mode: assistants_maternels, structures: 30, actuel: 90, projection: { 2026: 90, 2027: 90, 2028: 90 } }
      - { mode: mam, actuel: 10, projection: { 2026: 10, 2027: 10, 2028: 10 } }
      - { mode: garde_domicile, actuel: 5, projection: { 2026: 5, 2027: 5, 2028: 5 } }
      - { mode: rpe, actuel: 0.5, projection: { 2026: 0.5, 2027: 0.5, 2028: 0.5 } }
      - { mode: passerelle, actuel: 3, projection: { 2026: 3, 2027: 3, 2028: 3 } }
donnees_couverture:
  - perimetre: bel
    enfants_moins_3_ans: { actuel: 300, annee: 2024, projection: { 2028: 280 } }
    part_am_moins_3_ans: 50
)");
  const Column& now = col(r, 0, 0);
  CHECK_FALSE(now.partial());
  CHECK(now.places.at(Component::AssistantsMaternels).value == Decimal::from_int(50));
  CHECK(now.total.value == Decimal::from_int(185));  // RPE and passerelles never count
  CHECK(global(now) == 617);
  CHECK(now.tenths.at(Rate::Psu) == 333);
  CHECK(now.tenths.at(Rate::Eaje) == 400);
  CHECK(now.tenths.at(Rate::Prescolarisation) == 33);
  CHECK(now.tenths.at(Rate::AssistantsMaternels) == 167);
  CHECK(now.tenths.at(Rate::GardeDomicile) == 17);
  CHECK(now.tenths.at(Rate::Individuel) == 183);

  // A projection year with a changed offer: 2027 has 30 more PSU places.
  CHECK(global(col(r, 0, 2)) == 717);  // 215 ÷ 300
  // 2028 has its own children count: 215 ÷ 280 = 76,78… → 76,8.
  CHECK(global(col(r, 0, 3)) == 768);
  // 2026 and 2027 carry the current count, and say so.
  REQUIRE(col(r, 0, 1).children.sources.size() == 1);
  CHECK(col(r, 0, 1).children.sources[0].what.find("chiffre 2024 reporté") != std::string::npos);

  // Ratios on the current situation: 30 childminders for 0,5 ETP of RPE.
  const auto& ratios = r.perimeters[0].ratios;
  REQUIRE(ratios.size() == 3);
  CHECK(ratios[2].tenths == 600);
}

TEST_CASE("never the sum of rounded parts") {
  // 100 PSU + 100 AM for 300 children: each part 33,3 but the whole 66,7.
  auto r = report_of(R"(offre_petite_enfance:
  - ao: bel
    lignes:
      - { mode: eaje_psu, actuel: 100 }
      - { mode: assistants_maternels, actuel: 100 }
      - { mode: micro_creche_paje, actuel: 0 }
      - { mode: prescolarisation, actuel: 0 }
      - { mode: garde_domicile, actuel: 0 }
donnees_couverture:
  - { perimetre: bel, enfants_moins_3_ans: { actuel: 300 }, part_am_moins_3_ans: 100 }
)");
  const Column& now = col(r, 0, 0);
  CHECK(now.tenths.at(Rate::Psu) == 333);
  CHECK(now.tenths.at(Rate::AssistantsMaternels) == 333);
  CHECK(global(now) == 667);
  CHECK_FALSE(now.partial());
}

TEST_CASE("a rate above 100 is not capped") {
  auto r = report_of(R"(offre_petite_enfance:
  - ao: bel
    lignes:
      - { mode: eaje_psu, actuel: 60 }
      - { mode: assistants_maternels, actuel: 100 }
donnees_couverture:
  - { perimetre: bel, enfants_moins_3_ans: { actuel: 100 }, part_am_moins_3_ans: 100 }
)");
  CHECK(global(col(r, 0, 0)) == 1600);
}

TEST_CASE("a missing component is reported, never zero") {
  auto r = report_of(R"(offre_petite_enfance:
  - ao: bel
    lignes:
      - { mode: eaje_psu, actuel: 30, projection: { 2026: 30, 2027: null } }
      - { mode: assistants_maternels, actuel: 40 }
donnees_couverture:
  - { perimetre: bel, enfants_moins_3_ans: { actuel: 100 } }
)");
  const Column& now = col(r, 0, 0);
  CHECK(now.partial());
  CHECK_FALSE(now.places.at(Component::Prescolarisation).known());
  CHECK(global(now) == 700);  // on what is known, labelled partial
  bool named = false;
  for (const auto& m : now.missing) named = named || m.find("Préscolarisation") != std::string::npos;
  CHECK(named);
  // The childminders' share is an explicit hypothesis.
  CHECK(r.perimeters[0].notes.front().find("toutes les places sont comptées") != std::string::npos);
  // A blank projection is missing for that year.
  CHECK_FALSE(col(r, 0, 2).places.at(Component::EajePsu).known());
  // Without children, no rate at all.
  auto r2 = report_of("offre_petite_enfance:\n  - { ao: bel, lignes: [ { mode: eaje_psu, actuel: 30 } ] }\n");
  CHECK_FALSE(global(col(r2, 0, 0)).has_value());
  CHECK(col(r2, 0, 0).total.value == Decimal::from_int(30));
}

TEST_CASE("places to create for a target rate") {
  auto r = report_of(R"(offre_petite_enfance:
  - ao: bel
    lignes:
      - { mode: eaje_psu, actuel: 30, projection: { 2026: 30, 2027: 40, 2028: 70 } }
donnees_couverture:
  - { perimetre: bel, enfants_moins_3_ans: { actuel: 100 } }
)",
                     Options{Decimal::from_int(60)});
  CHECK(col(r, 0, 0).places_to_target == 30);
  CHECK(col(r, 0, 2).places_to_target == 20);
  CHECK(col(r, 0, 3).places_to_target == 0);
}

TEST_CASE("the seed: computed figures pinned, and the gap to 58 explained") {
  auto r = load_file(CTG_SOURCE_DIR "/examples/provence-alpes-agglomeration");
  REQUIRE(r.ok());
  Report rep = compute(*r.ctg);
  REQUIRE(rep.perimeters.size() == 5);
  const Perimeter& whole = rep.perimeters.back();
  CHECK(whole.whole);
  CHECK(whole.columns[0].total.value == Decimal::from_int(383));
  CHECK(global(whole.columns[0]) == 333);
  CHECK(whole.columns[1].total.value == Decimal::from_int(608));
  CHECK(global(whole.columns[1]) == 528);  // 608 ÷ 1 151
  CHECK(global(whole.columns[2]) == 538);  // 619 ÷ 1 151: 11 more PSU places at PAA in 2027
  CHECK(whole.columns[1].tenths.at(Rate::Psu) == 228);
  CHECK(whole.columns[1].partial());
  // No AO gives its children count: no rate per AO.
  CHECK_FALSE(global(rep.perimeters[0].columns[1]).has_value());
  CHECK(rep.perimeters[0].ratios[2].tenths == 318);  // 54 childminders for 1,7 ETP
  REQUIRE(rep.stated.has_value());
  CHECK(rep.stated->value == Decimal::from_int(58));
  CHECK(rep.stated->computed_tenths == 333);
  CHECK(rep.stated->first_year_tenths == 528);
  std::string reasons;
  for (const auto& x : rep.stated->reasons) reasons += x + "\n";
  CHECK(reasons.find("Préscolarisation : non renseigné") != std::string::npos);
  CHECK(reasons.find("Garde à domicile : non renseigné") != std::string::npos);
  CHECK(reasons.find("incomplet pour Provence Alpes Agglomération") != std::string::npos);
}

TEST_CASE("report formats") {
  auto r = report_of(R"(offre_petite_enfance:
  - ao: bel
    lignes:
      - { mode: eaje_psu, actuel: 1234 }
donnees_couverture:
  - { perimetre: bel, enfants_moins_3_ans: { actuel: 2000 } }
)");
  SourceSet none;
  std::string csv = render(r, none, Format::Csv);
  std::string csvfr = render(r, none, Format::CsvFr);
  CHECK(csv.find("bel,eaje_psu,1234,,,\r\n") != std::string::npos);
  CHECK(csv.find("bel,taux_global,61.7,,,\r\n") != std::string::npos);
  CHECK(csvfr.find("bel;eaje_psu;1234;;;\r\n") != std::string::npos);  // no thousands separator for spreadsheets
  CHECK(csvfr.find("bel;taux_global;61,7;;;\r\n") != std::string::npos);
  CHECK(render(r, none, Format::Text).find("1\u202F234") != std::string::npos);
  std::string json = render(r, none, Format::Json);
  CHECK(json.find("\"format\": \"ctg-couverture/1\"") != std::string::npos);
  CHECK(json.find("\"global\": 61.7") != std::string::npos);
  CHECK(render(r, none, Format::Markdown).find("| Taux de couverture global |") != std::string::npos);
}

// Issue 12, defect 2: « places × 100 » overflowed before the division.
TEST_CASE("rates of extreme counts do not overflow") {
  CHECK_FALSE(rate_tenths(Decimal{INT64_MAX / 50}, Decimal{1}));  // not representable: no rate
  CHECK(rate_tenths(Decimal{INT64_MAX / 2}, Decimal{INT64_MAX}) == 500);
  CHECK_FALSE(ratio_tenths(Decimal{INT64_MAX}, Decimal{1}));
}
