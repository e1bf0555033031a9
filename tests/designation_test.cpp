// SPDX-License-Identifier: EUPL-1.2
#include <doctest/doctest.h>

#include "format/designation.hpp"

using namespace ctg;

namespace {
Party party(PartyType t, std::string nom, std::optional<LegalForm> forme = std::nullopt) {
  Party p;
  p.type = t;
  p.nom = std::move(nom);
  p.forme = forme;
  return p;
}
}  // namespace

TEST_CASE("A party's designation is derived once, for every type") {
  CHECK(format::naming::designation(party(PartyType::Commune, "Aiglun")) == "la Commune d'Aiglun");
  CHECK(format::naming::designation(party(PartyType::Commune, "Le Brusquet")) == "la Commune du Brusquet");
  CHECK(format::naming::designation(party(PartyType::Commune, "La Chapelle-aux-Brocs")) == "la Commune de La Chapelle-aux-Brocs");
  CHECK(format::naming::designation(party(PartyType::Commune, "Commune de A")) == "la Commune de A");
  CHECK(format::naming::designation(party(PartyType::Commune, "Ville de Perpignan")) == "la Ville de Perpignan");
  CHECK(format::naming::designation(party(PartyType::Epci, "du Bazois", LegalForm::CommunauteCommunes)) ==
        "la Communauté de communes du Bazois");
  CHECK(format::naming::designation(party(PartyType::Epci, "Communauté de communes du Bazois", LegalForm::CommunauteCommunes)) ==
        "la Communauté de communes du Bazois");
  CHECK(format::naming::designation(party(PartyType::Epci, "Agglomération du Val")) == "l'Agglomération du Val");
  CHECK(format::naming::designation(party(PartyType::Syndicat, "Syndicat mixte du Val")) == "le Syndicat mixte du Val");
  CHECK(format::naming::of(party(PartyType::Epci, "Agglomération du Val")) == "de l'Agglomération du Val");
  CHECK(format::naming::title(party(PartyType::Commune, "Les Mées")) == "La Commune des Mées");
  // A département named by its territory alone reads « le Département de … », never « Le de la Nièvre ».
  CHECK(format::naming::title(party(PartyType::Departement, "de la Nièvre")) == "Le Département de la Nièvre");
  CHECK(format::naming::designation(party(PartyType::Departement, "la Nièvre")) == "le Département de la Nièvre");
  CHECK(format::naming::designation(party(PartyType::Departement, "Les Alpes-de-Haute-Provence")) ==
        "le Département des Alpes-de-Haute-Provence");
  CHECK(format::naming::designation(party(PartyType::Departement, "Département de la Nièvre")) ==
        "le Département de la Nièvre");
  CHECK_FALSE(format::naming::feminine(party(PartyType::Syndicat, "Syndicat mixte du Val")));
  CHECK(format::naming::feminine(party(PartyType::Epci, "du Bazois", LegalForm::CommunauteCommunes)));
  CHECK(format::naming::repeated_kind(party(PartyType::Commune, "Commune de A")) == std::optional<std::string>("Commune"));
  CHECK_FALSE(format::naming::repeated_kind(party(PartyType::Commune, "Aiglun")));
}

TEST_CASE("A representative is written with what is known") {
  Representative r;
  r.qualite = "Directeur";
  CHECK(format::naming::person(r) == "");
  CHECK(format::naming::possessive_quality(r) == "son Directeur");
  r.nom = "NEFFAH";
  CHECK(format::naming::person(r) == "NEFFAH");
  r.civilite = Civility::Monsieur;
  CHECK(format::naming::person(r) == "Monsieur NEFFAH");
  r.prenom = "Sébastien";
  CHECK(format::naming::person(r) == "Monsieur Sébastien NEFFAH");
  Representative p;
  p.qualite = "Présidente";
  CHECK(format::naming::feminine(p));
  CHECK(format::naming::possessive_quality(p) == "sa Présidente");
  p.qualite = "Maire";
  p.civilite = Civility::Madame;
  CHECK(format::naming::possessive_quality(p) == "son Maire");
}
