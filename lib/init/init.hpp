// SPDX-License-Identifier: EUPL-1.2
// `ctg init`: a new CTG folder for an EPCI and its communes, from the
// official geography (lib/referentiel): parties with their official names and
// populations totales, the AO table with the obligations each population
// gives, generic articles (or those of an existing CTG), empty annexes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "referentiel/referentiel.hpp"
#include "base/values.hpp"

namespace ctg::init {

struct Options {
  std::string dossier;
  std::string epci;                   // SIREN
  std::vector<std::string> communes;  // INSEE codes of the signing communes; empty: every member
  std::string caf;                    // « Caisse d'allocations familiales de … »
  Date debut, fin;
  std::optional<std::string> modele;  // an existing CTG whose préambule, visas and articles are taken
};

struct File {
  std::string name;  // relative to the folder
  std::string content;
};

struct Result {
  std::vector<File> files;
  std::vector<std::string> notes;  // said to the user (French)
  std::string error;               // French; nothing is written when set
};

// The files of the new CTG, not yet written.
Result prepare(referentiel::Store& store, const Options& o);

// Writes them, never over an existing file (error, nothing written).
std::string write(const std::string& dossier, const std::vector<File>& files);

// The generic articles written for this project (objet … recours).
struct ModelArticle {
  const char* id;
  const char* titre;
  const char* texte;  // Markdown; {epci}, {de_epci} (« de la Communauté de communes … »), {de_caf}, {debut}, {fin} replaced
};
const std::vector<ModelArticle>& generic_articles();

// The visas of a new CTG: the codes, the laws and decrees the AO and the
// schéma rest on, the Cnaf's COG and the Caf's board deliberation.
struct ModelVisa {
  const char* id;
  const char* texte;  // the same placeholders
};
const std::vector<ModelVisa>& generic_visas();

}  // namespace ctg::init
