// SPDX-License-Identifier: EUPL-1.2
// Findings acknowledged in the source (constats_acquittes, issue 22): an
// entry matches by rule, party, file and line; the findings it matches stay
// in every report, as acknowledged, and leave the counts and the exit code;
// an entry that matches none is the warning ACQUITTEMENT at its position.
#include <algorithm>

#include "format/loader.hpp"
#include "rules/acknowledge.hpp"
#include "rules/text_report.hpp"
#include "rules/validation.hpp"
#include "test_util.hpp"

using namespace ctg;

namespace {

// A commune of 12 000 without RPE: AO-7, an error from 1 January 2026.
std::string ctg_with(const std::string& acquittes) {
  return "format: ctg/1\n"
         "convention: { titre: CTG, territoire: T, debut: 2026-01-01, fin: 2029-12-31, lieu_signature: Aube, "
         "date_signature: 2026-02-01 }\n"
         "parties:\n"
         "  - { id: caf, type: caf, nom: Caf, representants: [] }\n"
         "  - id: a\n"
         "    type: commune\n"
         "    nom: Aube\n"
         "    representants: []\n"
         "autorites_organisatrices:\n"
         "  - ao: a\n"
         "    population: { valeur: 12000, nature: totale, millesime: 2024 }\n"
         "    competences: { recenser: exercee, informer: exercee, planifier: exercee, qualite: exercee }\n" +
         acquittes;
}

struct Checked {
  LoadResult load;
  Diagnostics found;
  std::vector<const Diagnostic*> of(const std::string& code) const { return with_code(found, code); }
};

Checked check(const std::string& text) {
  Checked c{load_text(text, "t.yaml"), {}};
  for (const auto& d : c.load.diagnostics.items()) MESSAGE(d.message);
  REQUIRE(c.load.ok());
  rules::Options o;
  o.referentiel = false;
  c.found = rules::acknowledge(*c.load.ctg, c.load.sources, rules::check(*c.load.ctg, o), o.referentiel);
  return c;
}

}  // namespace

TEST_CASE("acknowledge: without an entry, AO-7 is an error that counts") {
  Checked c = check(ctg_with(""));
  REQUIRE(c.of("AO-7").size() == 1);
  CHECK_FALSE(c.of("AO-7")[0]->acknowledged);
  CHECK(c.found.has_errors());
}

TEST_CASE("acknowledge: an entry for the party acknowledges AO-7, still reported, no longer counted") {
  Checked c = check(ctg_with("constats_acquittes:\n  - { regle: AO-7, partie: a, motif: le RPE de la CC couvre Aube }\n"));
  auto ao7 = c.of("AO-7");
  REQUIRE(ao7.size() == 1);
  REQUIRE(ao7[0]->acknowledged);
  CHECK(*ao7[0]->acknowledged == "le RPE de la CC couvre Aube");
  CHECK(ao7[0]->acknowledged_at.line == 14);
  CHECK(ao7[0]->severity == Severity::Error);  // its severity is kept
  CHECK_FALSE(c.found.has_errors());
  CHECK(c.found.acknowledged() == 1);
  CHECK(summary_line(c.found).find("1 constat acquitté") != std::string::npos);
  CHECK(c.of("ACQUITTEMENT").empty());
}

TEST_CASE("acknowledge: another party, another line or another rule match nothing: a stale warning") {
  for (const char* entry : {"{ regle: AO-7, partie: caf, motif: m }", "{ regle: AO-7, ligne: 3, motif: m }",
                            "{ regle: AO-9, motif: m }", "{ regle: AO-7, fichier: autre.yaml, motif: m }"}) {
    CAPTURE(entry);
    Checked c = check(ctg_with(std::string("constats_acquittes:\n  - ") + entry + "\n"));
    CHECK_FALSE(c.of("AO-7")[0]->acknowledged);
    CHECK(c.found.has_errors());
    auto stale = c.of("ACQUITTEMENT");
    REQUIRE(stale.size() == 1);
    CHECK(stale[0]->severity == Severity::Warning);
    CHECK(stale[0]->loc.line == 14);
    CHECK(stale[0]->message.find("constat acquitté sans objet") != std::string::npos);
  }
}

TEST_CASE("acknowledge: an unknown rule and an unknown party are said as such") {
  Checked c = check(ctg_with("constats_acquittes:\n  - { regle: AO-77, motif: m }\n  - { regle: AO-7, partie: z, motif: m }\n"));
  auto stale = c.of("ACQUITTEMENT");
  REQUIRE(stale.size() == 2);
  CHECK(stale[0]->message.find("la règle « AO-77 » n'existe pas") != std::string::npos);
  CHECK(stale[1]->message.find("la partie « z » n'existe pas") != std::string::npos);
}

TEST_CASE("acknowledge: by line, in the entry's own file") {
  Checked c = check(ctg_with("constats_acquittes:\n  - { regle: AO-7, ligne: 12, motif: m }\n"));
  REQUIRE(c.of("AO-7")[0]->loc.line == 12);
  CHECK(c.of("AO-7")[0]->acknowledged);
}

TEST_CASE("acknowledge: an empty reason is an error of the format") {
  LoadResult r = load_text(ctg_with("constats_acquittes:\n  - { regle: AO-7, motif: '  ' }\n"), "t.yaml");
  CHECK_FALSE(r.ok());
  bool said = std::any_of(r.diagnostics.items().begin(), r.diagnostics.items().end(), [](const Diagnostic& d) {
    return d.code == "ACQUITTEMENT" && d.severity == Severity::Error && d.loc.line == 14;
  });
  CHECK(said);
}

TEST_CASE("acknowledge: the text report says it on one line with the reason, JSON and SARIF mark it") {
  std::string text = ctg_with("constats_acquittes:\n  - { regle: AO-7, partie: a, motif: le RPE de la CC }\n");
  std::vector<rules::FileValidation> files;
  files.push_back({"t.yaml", load_text(text, "t.yaml"), {}, true});
  rules::FileValidation& v = files.front();
  rules::Options o;
  o.referentiel = false;
  v.findings = rules::acknowledge(*v.load.ctg, v.load.sources, rules::check(*v.load.ctg, o), false);
  std::string out = rules::validation_text(v, {}, {});
  CHECK(out.find("t.yaml:12:") != std::string::npos);
  CHECK(out.find(": acquitté[AO-7]: 1 erreur acquittée : ") != std::string::npos);
  CHECK(out.find("— motif : « le RPE de la CC » (t.yaml:14)") != std::string::npos);
  CHECK(out.find("erreur[AO-7]") == std::string::npos);
  CHECK(out.find("1 constat acquitté") != std::string::npos);
  std::string json = rules::validation_json(files, o);
  CHECK(json.find("\"acquitte\": {") != std::string::npos);
  CHECK(json.find("\"motif\": \"le RPE de la CC\"") != std::string::npos);
  CHECK(json.find("\"acquittes\": 1") != std::string::npos);
  std::string sarif = rules::validation_sarif(files);
  CHECK(sarif.find("\"kind\": \"inSource\"") != std::string::npos);
  CHECK(sarif.find("\"justification\": \"le RPE de la CC\"") != std::string::npos);
}
