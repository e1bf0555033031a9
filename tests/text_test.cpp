#include <doctest/doctest.h>

#include "text.hpp"

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
