// SPDX-License-Identifier: EUPL-1.2
#include "rules/acknowledge.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "base/paths.hpp"
#include "rules/rules.hpp"
#include "rules/validation.hpp"

namespace ctg::rules {

namespace {

// Lines [first, last] of one file: where an entry of a list is written.
struct Extent {
  int file = -1, first = 0, last = 0;
  bool holds(const Loc& l) const { return l.file == file && l.line >= first && l.line <= last; }
};

int last_line(const Located& x) {
  int last = x.loc.line;
  for (const auto& f : x.field_locs)
    if (f.loc.file == x.loc.file) last = std::max(last, f.loc.line);
  return last;
}

// Each entry of `list` whose key is `id`: from its first line to the line
// before the next entry of the same file (the last one: to its last key).
template <typename T, typename Key>
void extents_of(const std::vector<T>& list, std::string_view id, Key key, std::vector<Extent>& out) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (key(list[i]) != id || !list[i].loc.known()) continue;
    Extent e{list[i].loc.file, list[i].loc.line, last_line(list[i])};
    if (i + 1 < list.size() && list[i + 1].loc.file == e.file && list[i + 1].loc.line > e.first)
      e.last = list[i + 1].loc.line - 1;
    out.push_back(e);
  }
}

// Where the findings about party `id` are placed: its entry in parties and
// its entries in the AO table, the offer tables and the coverage data.
std::vector<Extent> party_extents(const Ctg& ctg, std::string_view id) {
  std::vector<Extent> out;
  extents_of(ctg.parties, id, [](const Party& p) { return std::string_view(p.id); }, out);
  for (auto& e : out)  // a last party: its representatives' lines too
    if (const Party* p = ctg.party(id))
      for (const auto& r : p->representants)
        if (r.loc.file == e.file) e.last = std::max(e.last, last_line(r));
  extents_of(ctg.autorites_organisatrices, id, [](const AoEntry& a) { return std::string_view(a.ao); }, out);
  extents_of(ctg.offre_petite_enfance, id, [](const OfferTable& t) { return std::string_view(t.ao); }, out);
  extents_of(ctg.donnees_couverture, id,
             [](const CoverageData& d) { return d.perimetre.value_or(std::string()); }, out);
  return out;
}

// The source file index `name` designates: the file's path as the loader
// recorded it, or that path relative to the main file's folder; -1 if none.
int file_named(const SourceSet& sources, const std::string& name) {
  if (sources.size() == 0) return -1;
  auto base = to_path(sources.file(0).path).parent_path();
  auto wanted = (base / to_path(name)).lexically_normal();
  for (std::size_t i = 0; i < sources.size(); ++i) {
    auto p = to_path(sources.file(i).path).lexically_normal();
    if (p == wanted || p == to_path(name).lexically_normal()) return static_cast<int>(i);
  }
  return -1;
}

bool known_code(std::string_view code) {
  if (find(code)) return true;
  const auto& codes = format_codes();
  return std::any_of(codes.begin(), codes.end(), [&](const FormatCode& c) { return c.code == code; });
}

// Why an entry matched nothing, in French, with what to do.
void stale(const Acknowledgement& a, const Ctg& ctg, int file, Diagnostics& out) {
  std::string what = fmt::format("aucun constat {}", a.regle);
  if (a.partie) what += fmt::format(" pour la partie « {} »", *a.partie);
  if (a.ligne) what += fmt::format(" à la ligne {}", *a.ligne);
  if (a.fichier) what += fmt::format(" dans {}", *a.fichier);
  std::string hint = "retirez cette entrée de constats_acquittes si le constat a disparu, ou corrigez sa règle, sa "
                     "partie ou sa ligne";
  if (!known_code(a.regle)) {
    what = fmt::format("la règle « {} » n'existe pas", a.regle);
    hint = "écrivez le code d'une règle tel que ctg validate l'affiche entre crochets (AO-7, REF-7…) ; ctg rules "
           "les liste";
  } else if (a.partie && !ctg.party(*a.partie)) {
    what = fmt::format("la partie « {} » n'existe pas", *a.partie);
    hint = "écrivez l'identifiant (id) d'une partie de la CTG";
  } else if (a.fichier && file < 0) {
    what = fmt::format("le fichier « {} » n'est pas un fichier de la CTG", *a.fichier);
    hint = "écrivez le chemin d'un fichier inclus, relatif au fichier principal (annexe-3-plan-actions.yaml)";
  }
  out.warning("ACQUITTEMENT", a.loc, fmt::format("constat acquitté sans objet : {} (motif : « {} »)", what, a.motif),
              hint);
}

}  // namespace

Diagnostics acknowledge(const Ctg& ctg, const SourceSet& sources, const Diagnostics& findings, bool referentiel) {
  std::vector<Diagnostic> items = findings.items();
  Diagnostics extra;
  for (const auto& a : ctg.constats_acquittes) {
    std::vector<Extent> where;
    if (a.partie) where = party_extents(ctg, *a.partie);
    int file = a.fichier ? file_named(sources, *a.fichier) : a.ligne ? a.loc.file : -1;
    std::size_t matched = 0;
    for (auto& d : items) {
      if (d.code != a.regle || d.acknowledged || d.code == "ACQUITTEMENT") continue;
      if (a.partie && std::none_of(where.begin(), where.end(), [&](const Extent& e) { return e.holds(d.loc); }))
        continue;
      if ((a.fichier || a.ligne) && d.loc.file != file) continue;
      if (a.ligne && d.loc.line != *a.ligne) continue;
      d.acknowledged = a.motif;
      d.acknowledged_at = a.loc;
      ++matched;
    }
    bool skipped = !referentiel && a.regle.rfind("REF-", 0) == 0;  // the rule did not run
    if (matched == 0 && !skipped) stale(a, ctg, file, extra);
  }
  Diagnostics out;
  for (auto& d : items) out.add(std::move(d));
  for (const auto& d : extra.items()) out.add(d);
  out.sort();
  return out;
}

}  // namespace ctg::rules
