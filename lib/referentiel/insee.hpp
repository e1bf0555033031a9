// SPDX-License-Identifier: EUPL-1.2
// A millésime of populations légales imported from the Insee's own file of
// the communes (donnees_communes.csv: REG;Région;DEP;CODARR;CODCAN;CODCOM;
// Commune;PMUN;PCAP;PTOT) into the user's referential (user_directory()),
// which the Store reads before the installed one for that millésime.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "referentiel/referentiel.hpp"

namespace ctg::referentiel {

struct InseeCommune {
  std::string code;  // DEP + CODCOM, as the Insee builds it: 04070, 2A004, 97101
  int line = 0;
  std::int64_t municipale = 0, a_part = 0, totale = 0;
};

struct InseeFile {
  std::vector<InseeCommune> communes;
  std::string error;  // French, « fichier:ligne:colonne : … », when the file is not the Insee's layout
};

// Parses the text of donnees_communes.csv (UTF-8, maybe with a BOM; `;`;
// numbers maybe with spaces); `shown` names the file in messages.
InseeFile parse_insee(std::string_view shown, std::string_view text);

struct ImportResult {
  std::string error;                  // French; nothing written
  std::vector<std::string> warnings;  // codes unknown to the installed millésime, ignored
  std::string summary;                // what was written, in French
};

// Reads `file`, checks it against the installed millésime `millesime` of
// `store` (names and EPCI come from it), and writes communes-M.tsv, index.tsv
// and PROVENANCE.md in the user's folder `user_dir`, all or none. `today`:
// the date of import, AAAA-MM-JJ.
ImportResult import_insee(const Store& store, const std::string& file, int millesime, const std::string& user_dir,
                          const std::string& today);

}  // namespace ctg::referentiel
