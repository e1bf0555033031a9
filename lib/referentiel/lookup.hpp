// SPDX-License-Identifier: EUPL-1.2
// `ctg referentiel`: a commune by code or name, an EPCI and its members,
// with their legal populations and the AO obligations they give.
#pragma once

#include <optional>
#include <string>

#include "referentiel/referentiel.hpp"
#include "xlsx/workbook.hpp"

namespace ctg::referentiel {

enum class Output { Texte, Json, Csv, Xlsx };

struct Query {
  std::string text;                 // INSEE code or name (accents and hyphens ignored)
  std::string epci;                 // SIREN (or name) of an EPCI
  std::optional<int> millesime;     // default: every millésime (commune), newest with EPCI (EPCI)
  Output output = Output::Texte;
};

struct Answer {
  std::string text;    // on standard output
  std::string error;   // French, when the query cannot be answered (exit 2)
  bool found = false;  // false: nothing matches (exit 1)
  xlsx::Workbook book; // Output::Xlsx: the same rows as the CSV, typed
};

Answer lookup(Store& store, const Query& q);

// « plus de 10 000 habitants : 1° à 4° obligatoires, schéma pluriannuel, relais petite enfance »
std::string legal_status(std::int64_t totale);

}  // namespace ctg::referentiel
