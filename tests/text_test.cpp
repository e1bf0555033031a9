// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include "base/text.hpp"

using namespace ctg;

TEST_CASE("edit distance counts characters and transpositions") {
  CHECK(edit_distance("nom", "nom") == 0);
  CHECK(edit_distance("nmo", "nom") == 1);
  CHECK(edit_distance("prénom", "prenom") == 1);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("did you mean") {
  std::vector<std::string> keys{"nom", "prenom", "qualite", "civilite"};
  CHECK(closest("prnom", keys) == "prenom");
  CHECK(closest("qualité", keys) == "qualite");
  CHECK_FALSE(closest("adresse", keys).has_value());
  CHECK(closest("valdiate", {"validate", "schema"}) == "validate");
}

TEST_CASE("French quoting and joining") {
  CHECK(guillemets("nom") == "«\u00A0nom\u00A0»");
  CHECK(join_french({"a", "b", "c"}) == "a, b et c");
  CHECK(join_french({"a"}) == "a");
}

TEST_CASE("control characters are shown, never sent to the terminal") {
  CHECK(printable("Accueil\x1b]0;titre\x07") == "Accueil\uFFFD]0;titre\uFFFD");
  CHECK(printable("ligne\n\tsuite") == "ligne\n\tsuite");
}

// Issue 12, defect 3: C1 controls, bidirectional overrides and stray bytes
// reached the terminal.
TEST_CASE("printable: the one sanitiser for terminals and documents") {
  CHECK(printable("a\x1b[31mb\x07" "c") == "a\uFFFD[31mb\uFFFDc");
  CHECK(printable(std::string("n\0ul", 4)) == "n\uFFFDul");
  CHECK(printable("csi\u009B2J") == "csi\uFFFD2J");
  CHECK(printable("txt\u202Egnp.exe") == "txt\uFFFDgnp.exe");
  CHECK(printable("\u2066x\u2069") == "\uFFFDx\uFFFD");
  CHECK(printable("8 bits\x9B") == "8 bits\uFFFD");
  CHECK(printable("del\x7F") == "del\uFFFD");
  CHECK(printable("Château\r\n\tété") == "Château\r\n\tété");
  CHECK(printable("retour\rfaux") == "retour\uFFFDfaux");
  CHECK(printable("\x1b[1;31merreur\x1b[0m", true) == "\x1b[1;31merreur\x1b[0m");
  CHECK(printable("\x1b]0;titre\x07", true) == "\uFFFD]0;titre\uFFFD");
}

TEST_CASE("is_printable says whether printable would change the text, for long texts too") {
  CHECK(is_printable("ligne\n\tsuite\r\n« guillemets »"));
  CHECK_FALSE(is_printable("Accueil\x1b]0;titre\x07"));
  CHECK(is_printable("\x1b[1mgras\x1b[0m", true));
  CHECK_FALSE(is_printable("\x1b[1mgras\x1b[0m"));
  // Beyond the 1 MiB runs: a bad byte far away, an accent across a run's end.
  std::string big;
  while (big.size() < (std::size_t{3} << 20)) big += "Équipement d'accueil du jeune enfant, Villeréac\n";
  CHECK(is_printable(big));
  CHECK(is_printable(big + std::string(3u << 20, 'e') + "é"));
  std::string bad = big;
  bad[bad.size() - 10] = '\x9b';
  CHECK_FALSE(is_printable(bad));
  CHECK(is_printable(bad) == (printable(bad) == bad));
}
