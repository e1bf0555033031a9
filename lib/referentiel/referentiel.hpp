// SPDX-License-Identifier: EUPL-1.2
// The official geography and legal populations (data/referentiel/, derived
// from Etalab's @etalab/decoupage-administratif by tools/referentiel/update):
// communes (INSEE code, name, département, EPCI, population totale and
// municipale) and EPCI à fiscalité propre (SIREN, name, type, members), one
// set of files per millésime. Each millésime is read on first use only.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/values.hpp"

namespace ctg::referentiel {

struct Commune {
  std::string_view code, nom, departement, epci;  // epci: SIREN, empty outside every EPCI
  std::optional<std::int64_t> totale, municipale;
};

struct Epci {
  std::string_view siren, nom, type;  // type: CA, CC, CU, MET
  std::optional<std::int64_t> totale, municipale;
  std::vector<std::string_view> membres;  // INSEE codes
};

// What index.tsv says of a millésime.
struct Info {
  int millesime = 0;
  bool totale = false;  // population totale known (from the EPCI composition file)
  bool epci = false;    // EPCI list and composition known
  std::string sources;
  // Imported by the user from the Insee's file (ctg referentiel --importer):
  // « Insee, populations légales M, importées le AAAA-MM-JJ », else empty.
  std::string importe;
};

// One millésime's data; the views point into the file contents it keeps.
class Year {
 public:
  int millesime = 0;
  const Commune* commune(std::string_view code) const;
  const Epci* epci(std::string_view siren) const;
  // Communes whose folded name equals the folded `name`.
  std::vector<const Commune*> communes_named(std::string_view name) const;
  std::vector<const Epci*> epcis_named(std::string_view name) const;
  // Every commune, parsed on first call (a name search).
  const std::vector<Commune>& communes() const;
  const std::vector<Epci>& epcis() const { return epcis_; }

 private:
  friend class Store;
  // The communes file stays text, sorted by code: a lookup is a binary
  // search over its lines, and only the lines asked for are parsed.
  struct DataFile;  // a data file's content, read once
  void read_epcis();
  std::shared_ptr<DataFile> communes_file_, epci_file_;
  std::string_view communes_text_, epci_text_;
  std::size_t communes_start_ = 0;  // first line after the header
  // The caches below fill on demand; `validate -j` reads one Year from
  // several threads, so they are guarded.
  mutable std::mutex cache_mutex_;
  mutable std::map<std::string_view, Commune, std::less<>> looked_up_;
  mutable std::vector<Commune> communes_;  // every commune, once communes() is called
  // Folded name → communes / EPCIs, built on the first name search (a CTG
  // full of unknown codes asks once per party: no scan of the country each time).
  mutable std::multimap<std::string, const Commune*, std::less<>> communes_by_name_;
  mutable std::multimap<std::string, const Epci*, std::less<>> epcis_by_name_;
  std::vector<Epci> epcis_;                // sorted by SIREN
};

// Bounds of the data files' numbers: a figure outside them is absent, a
// millésime outside them is ignored (no overflow in sums or in « M+3 »).
constexpr std::int64_t max_population = 1'000'000'000;
constexpr int min_millesime = 1900, max_millesime = 2200;

// The millésime of legal populations in force at a date: millésime M is
// published at the end of M+2 and is the legal figure from 1 January M+3.
int in_force(Date d);

// The Insee's page of the populations légales of millésime M (its files by
// commune, municipale, comptée à part and totale): the pages the Etalab
// packages name (PROVENANCE.md), else the Insee's page of every millésime.
std::string insee_page(int millesime);

// Lower case, accents removed, hyphens and apostrophes as spaces, « st » as
// « saint », leading « CA », « CC »… dropped: « Digne les bains » and
// « Digne-les-Bains » fold alike.
std::string fold(std::string_view name);

// The user's referential, where ctg referentiel --importer writes:
// $CTG_REFERENTIEL_UTILISATEUR, else $XDG_DATA_HOME/ctg/referentiel (by
// default ~/.local/share/ctg/referentiel); on Windows %APPDATA%\\ctg\\referentiel.
// Empty when none can be named (no HOME).
std::string user_directory();

class Store {
 public:
  // The data directory: $CTG_REFERENTIEL, else ../share/ctg/referentiel next
  // to the executable (installed) or to one of its parents (the build tree's
  // link to data/referentiel); no path of the build machine is compiled in.
  static Store& instance();
  // `user_dir`: the user's referential (user_directory()), read before `dir`
  // for the millésimes it imported; empty for none.
  explicit Store(std::string dir, std::string user_dir = {});

  bool available() const { return !infos_.empty(); }
  const std::string& dir() const { return dir_; }
  const std::string& user_dir() const { return user_dir_; }
  const std::string& problem() const { return problem_; }  // why it is unavailable, in French
  const std::vector<Info>& millesimes() const { return infos_; }
  const Info* info(int millesime) const;
  // The data of a millésime, read on first use; nullptr when not in the data
  // or when its files cannot be read (then year_problem says why, in French).
  const Year* year(int millesime);
  std::string year_problem(int millesime);
  // The newest millésime ≤ `at_most` with population totale (nullopt if none).
  std::optional<int> latest_with_totale(int at_most) const;
  std::optional<int> latest_with_epci(int at_most) const;

 private:
  void read_user_index();
  std::string dir_, user_dir_, problem_;
  std::vector<Info> infos_;
  std::mutex years_mutex_;  // year() loads on first use, from any thread
  std::map<int, std::unique_ptr<Year>> years_;
  std::map<int, std::string> year_problems_;
};

}  // namespace ctg::referentiel
