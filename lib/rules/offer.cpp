// SPDX-License-Identifier: EUPL-1.2
// OFF-4: the EAJE of annexe 2 located in an AO's territory against the
// structures of its offer table (annexe 3), at the date checked (the
// territory of an EPCI is that of the transfers of 3° in force then).
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "base/french.hpp"
#include "base/text.hpp"
#include "rules/checks.hpp"
#include "rules/population.hpp"

namespace ctg::rules {

namespace {

bool counts_eaje(OfferMode m) { return m == OfferMode::EajePsu || m == OfferMode::MicroCrechePaje; }

// The commune party an equipment is in: its `partie`, or a commune of that name.
const Party* commune_of(const Ctg& ctg, const Equipment& eq) {
  if (eq.partie) return ctg.party(*eq.partie);
  std::string name = fold_name(eq.commune);
  for (const auto& p : ctg.parties)
    if (p.type == PartyType::Commune && fold_name(p.nom) == name) return &p;
  return nullptr;
}

enum class Place { Inside, Maybe, Outside };

// Where an EAJE stands for the AO of entry `e` at `at`. A commune AO: its own
// commune. An EPCI: the communes listed in its transfers of 3° in force; when
// one of them lists no commune, also its signing members that do not keep 3°
// (the AO rules read them so), and, possibly, the communes that do not sign.
Place place_of(const Ctg& ctg, const AoEntry& e, const Equipment& eq, Date at) {
  const Party* ao = ctg.party(e.ao);
  const Party* commune = commune_of(ctg, eq);
  if (!ao || !is_grouping(*ao)) return commune && commune->id == e.ao ? Place::Inside : Place::Outside;
  bool open = false;
  for (const auto& t : e.transferts) {
    if (!in_force(t, at) || std::find(t.competences.begin(), t.competences.end(), Competence::Planifier) ==
                                t.competences.end())
      continue;
    if (t.communes.empty()) open = true;
    for (const auto& tc : t.communes)
      if ((commune && tc.partie == commune->id) || fold_name(tc.nom) == fold_name(eq.commune)) return Place::Inside;
  }
  if (!open) return Place::Outside;
  if (!commune) {
    // A commune listed by another AO's transfers is theirs.
    for (const auto& other : ctg.autorites_organisatrices)
      for (const auto& t : other.transferts)
        for (const auto& tc : t.communes)
          if (&other != &e && fold_name(tc.nom) == fold_name(eq.commune)) return Place::Outside;
    return Place::Maybe;
  }
  if (commune->epci != e.ao) return Place::Outside;
  const AoEntry* own = ctg.ao_entry(commune->id);
  return !own || own->competences.planifier == CompetenceStatus::Transferee ? Place::Inside : Place::Outside;
}

std::string listing(const std::vector<const Equipment*>& eqs) {
  std::vector<std::string> items;
  for (const Equipment* eq : eqs) items.push_back(fmt::format("{} ({})", eq->nom, eq->commune));
  return join_french(items);
}

}  // namespace

namespace checks {

void off_4(Context& ctx) {
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    if (e.competences.planifier != CompetenceStatus::Exercee) continue;
    std::int64_t structures = 0;
    const OfferLine* first = nullptr;
    for (const auto& t : ctx.ctg.offre_petite_enfance)
      for (const auto& l : t.lignes)
        if (t.ao == e.ao && counts_eaje(l.mode) && l.structures) {
          structures += *l.structures;
          if (!first) first = &l;
        }
    if (!first) continue;  // no count of structures to compare
    std::vector<const Equipment*> inside, maybe;
    for (const auto& eq : ctx.ctg.equipements) {
      if (eq.type != EquipmentType::Eaje) continue;
      Place p = place_of(ctx.ctg, e, eq, ctx.at);
      if (p == Place::Inside) inside.push_back(&eq);
      if (p == Place::Maybe) maybe.push_back(&eq);
    }
    const auto n_in = static_cast<std::int64_t>(inside.size());
    const auto n_maybe = static_cast<std::int64_t>(maybe.size());
    if (structures >= n_in && structures <= n_in + n_maybe) continue;  // consistent, or may be
    std::string counted = fmt::format("le tableau d'offre {} compte {} structure{} d'accueil collectif (lignes "
                                      "eaje_psu et micro_creche_paje)",
                                      of_ao(ctx.ctg, e.ao), fr::integer(structures), structures > 1 ? "s" : "");
    if (structures < n_in)
      ctx.warning(first->at("structures"),
                  fmt::format("{}, mais l'annexe 2 situe {} EAJE sur son territoire : {}", counted, n_in,
                              listing(inside)),
                  "vérifiez la clé structures de ces lignes, ou la commune (clé commune ou partie) des équipements");
    else
      ctx.warning(first->at("structures"),
                  fmt::format("{}, mais l'annexe 2 n'a que {} EAJE qui puisse{} être sur son territoire{}{}", counted,
                              n_in + n_maybe, n_in + n_maybe > 1 ? "nt" : "",
                              n_in + n_maybe > 0 ? " : " : "", listing([&] {
                                auto all = inside;
                                all.insert(all.end(), maybe.begin(), maybe.end());
                                return all;
                              }())),
                  "ajoutez à l'annexe 2 les EAJE manquants (type eaje, avec leur commune), ou corrigez la clé "
                  "structures ; pour un EPCI, la liste des communes ayant transféré la compétence 3° (clé communes) "
                  "dit son territoire");
  }
}

}  // namespace checks
}  // namespace ctg::rules
