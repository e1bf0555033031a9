// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include <algorithm>

#include "format/format.hpp"
#include "format/schema.hpp"

using namespace ctg;

TEST_CASE("the JSON Schema is generated from the loader's description") {
  std::string s = format::json_schema();
  CHECK(s.find("\"$schema\": \"http://json-schema.org/draft-07/schema#\"") != std::string::npos);
  CHECK(s.find("\"additionalProperties\": false") != std::string::npos);
  // Every object of the description has its definition.
  for (const char* def : {"partie", "representant", "equipement", "autorite_organisatrice", "ligne_offre",
                          "fiche_action", "population", "transfert"})
    CHECK(s.find(std::string("\"") + def + "\": {") != std::string::npos);
  // Enumerations come from the vocabulary tables.
  CHECK(s.find("\"eaje_psu\"") != std::string::npos);
  CHECK(s.find("\"communaute_agglomeration\"") != std::string::npos);
}

TEST_CASE("key paths cover nested lists") {
  auto paths = schema::key_paths(format::document().codec().info);
  auto has = [&](const char* p) { return std::find(paths.begin(), paths.end(), p) != paths.end(); };
  CHECK(has("parties[].representants[].civilite"));
  CHECK(has("offre_petite_enfance[].lignes[].investissements[].cout"));
  CHECK(has("autorites_organisatrices[].transferts[].communes[].population.valeur"));
  CHECK(has("plan_actions.calendrier[].annee"));
}
