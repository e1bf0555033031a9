// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include "base/french.hpp"

using namespace ctg;

TEST_CASE("French numbers") {
  CHECK(fr::integer(48726) == "48\u202F726");
  CHECK(fr::integer(1151) == "1\u202F151");
  CHECK(fr::integer(999) == "999");
  CHECK(fr::integer(-38193) == "\u221238\u202F193");  // the minus sign U+2212
  CHECK(fr::integer(-38193, {false, true}) == "-38193");  // a spreadsheet's hyphen-minus
  CHECK(fr::integer(1234567) == "1\u202F234\u202F567");
  CHECK(fr::integer(48726, {false, true}) == "48726");
  CHECK(fr::decimal(*parse_decimal("1.7")) == "1,7");
  CHECK(fr::decimal(*parse_decimal("0.15")) == "0,15");
  CHECK(fr::decimal(*parse_decimal("12345.5")) == "12\u202F345,5");
  CHECK(fr::decimal(*parse_decimal("1.7"), {false, false}) == "1.7");
  CHECK(fr::tenths(528) == "52,8");
  CHECK(fr::tenths(5) == "0,5");
  CHECK(fr::tenths(-247) == "\u221224,7");
  CHECK(fr::decimal(*parse_decimal("-0.4")) == "\u22120,4");
  CHECK(fr::decimal(*parse_decimal("-0.4"), {false, false}) == "-0.4");
  CHECK(fr::tenths(16000) == "1\u202F600,0");
}

TEST_CASE("French spacing in running text") {
  CHECK(fr::typography("PAA compte 48 726 habitants") == "PAA compte 48\u202F726 habitants");
  CHECK(fr::typography("de 2026 2027") == "de 2026 2027");  // not a thousands group
  CHECK(fr::typography("Taux : 58 %") == "Taux\u00A0: 58\u00A0%");
  CHECK(fr::typography("Vraiment ? Oui ; non !") == "Vraiment\u202F? Oui\u202F; non\u202F!");
  CHECK(fr::typography("« la Caf »") == "«\u00A0la Caf\u00A0»");
  CHECK(fr::typography("http://x") == "http://x");  // no space was written: none is added
  CHECK(fr::typography("Solde naturel : -0,4 %, lié") == "Solde naturel\u00A0: \u22120,4\u00A0%, lié");
  CHECK(fr::typography("(-3%)") == "(\u22123%)");
  CHECK(fr::typography("PLAN 2026 -2030 ; L. 214-2") == "PLAN 2026 -2030\u202F; L. 214-2");  // not a figure
}

TEST_CASE("French articles and contractions for names in sentences") {
  CHECK(fr::of_place("Aiglun") == "d'Aiglun");
  CHECK(fr::of_place("Le Brusquet") == "du Brusquet");
  CHECK(fr::of_place("Les Mées") == "des Mées");
  CHECK(fr::of_place("La Chapelle-aux-Brocs") == "de La Chapelle-aux-Brocs");  // the place keeps its capital
  CHECK(fr::of_place("Seyne") == "de Seyne");
  CHECK(fr::of_phrase("la Commune d'Aiglun") == "de la Commune d'Aiglun");
  CHECK(fr::of_phrase("le Syndicat mixte") == "du Syndicat mixte");
  CHECK(fr::of_phrase("Agglomération du Val") == "de l'Agglomération du Val");
  CHECK(fr::of_body("conseil municipal") == "du conseil municipal");
  CHECK(fr::of_body("commission permanente") == "de la commission permanente");
  CHECK(fr::of_body("assemblée délibérante") == "de l'assemblée délibérante");
  CHECK(fr::possessive("commission permanente") == "sa commission permanente");
  CHECK(fr::possessive("conseil communautaire") == "son conseil communautaire");
  CHECK(fr::possessive("assemblée") == "son assemblée");
  CHECK(fr::and_list({"A"}) == "A");
  CHECK(fr::and_list({"A", "B"}) == "A et B");
  CHECK(fr::and_list({"A", "B", "C"}) == "A, B et C");
}
