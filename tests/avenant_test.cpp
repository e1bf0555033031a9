// SPDX-License-Identifier: EUPL-1.2
// The clauses of an avenant as a juriste drafts them: whole alinéas, named by
// their ordinal; who sends to the CDSF, as the convention says it.
#include <doctest/doctest.h>

#include "avenant/alineas.hpp"
#include "avenant/clauses.hpp"
#include "format/loader.hpp"

using namespace ctg;
using namespace ctg::avenant;

TEST_CASE("alinéas : un paragraphe ou un élément de liste chacun, lignes jointes") {
  auto a = alineas("Ce comité est composé\nde représentants :\n\n- De la Caf,\n- Des communes,\n  et des autres.\n\nFin.\n");
  REQUIRE(a.size() == 4);
  CHECK(a[0] == "Ce comité est composé de représentants :");
  CHECK(a[1] == "- De la Caf,");
  CHECK(a[2] == "- Des communes, et des autres.");
  CHECK(a[3] == "Fin.");
}

TEST_CASE("ordinaux des alinéas") {
  CHECK(ordinal(1) == "premier");
  CHECK(ordinal(2) == "deuxième");
  CHECK(ordinal(9) == "neuvième");
  CHECK(ordinal(16) == "seizième");
  CHECK(ordinal(17) == "dix-septième");
  CHECK(ordinal(20) == "vingtième");
  CHECK(ordinal(21) == "vingt et unième");
  CHECK(ordinal(22) == "vingt-deuxième");
  CHECK(ordinal(30) == "trentième");
  CHECK(ordinal(44) == "quarante-quatrième");
}

TEST_CASE("un mot changé remplace l'alinéa entier, nommé") {
  std::vector<std::string> before{"Un.", "Le secrétariat est assuré par la communauté.", "Trois."};
  std::vector<std::string> after{"Un.", "Le secrétariat est assuré conjointement par la Caf et la communauté.", "Trois."};
  auto edits = alinea_edits(before, after);
  REQUIRE(edits.size() == 1);
  CHECK(edits[0].first == 1);
  CHECK(edits[0].last == 2);
  REQUIRE(edits[0].text.size() == 1);
  CHECK(alinea_clause(edits[0], "de l'article 6") ==
        "le deuxième alinéa de l'article 6 est remplacé par les dispositions suivantes :");
}

TEST_CASE("alinéas supprimés et insérés") {
  auto del = alinea_edits({"Un.", "Deux.", "Trois.", "Quatre."}, {"Un.", "Quatre."});
  REQUIRE(del.size() == 1);
  CHECK(alinea_clause(del[0], "") == "les deuxième et troisième alinéas sont supprimés");
  auto ins = alinea_edits({"Un.", "Deux."}, {"Un.", "Nouveau.", "Deux."});
  REQUIRE(ins.size() == 1);
  CHECK(alinea_clause(ins[0], "") == "après le premier alinéa, il est inséré un alinéa ainsi rédigé :");
  auto first = alinea_edits({"Un."}, {"Zéro.", "Un."});
  REQUIRE(first.size() == 1);
  CHECK(alinea_clause(first[0], "") == "avant le premier alinéa, il est inséré un alinéa ainsi rédigé :");
  CHECK(alinea_edits({"Un.", "Deux."}, {"Un.", "Deux."}).empty());
}

TEST_CASE("qui transmet au CDSF : la phrase de la convention sur les éléments de la CTG") {
  auto ctg = load_text(R"(format: ctg/1
convention: { titre: CTG, territoire: T, debut: 2026-01-01, fin: 2029-12-31 }
parties:
  - { id: caf, type: caf, nom: Caf de T, nom_court: la Caf, representants: [] }
  - { id: a, type: commune, nom: Aube, representants: [] }
articles:
  - id: a6
    numero: 6
    titre: Collaboration
    texte: |
      Chaque commune établit son schéma qu’elle transmet au CDSF.

      Avec l’accord express des collectivités locales, la Caf peut transmettre au CDSF les éléments de la CTG.
)",
                        "t.yaml");
  REQUIRE(ctg.ok());
  auto s = cdsf_sender(*ctg.ctg);
  REQUIRE(s);
  CHECK(s->article == 6);
  CHECK(s->who == "la Caf");
  CHECK(s->condition == "avec l’accord express des collectivités locales");
}
