// SPDX-License-Identifier: EUPL-1.2
#include "format/model.hpp"

#include <algorithm>

#include "format/schema.hpp"
#include "format/vocabulary.hpp"

namespace ctg {

std::string_view Located::name_of(const FieldLoc& f) const { return object->fields.at(f.field).name; }

Loc Located::at(std::string_view key) const {
  for (const auto& f : field_locs)
    if (name_of(f) == key) return f.loc;
  return loc;
}

bool Located::has(std::string_view key) const {
  for (const auto& f : field_locs)
    if (name_of(f) == key) return true;
  return false;
}

CompetenceStatus CompetenceSet::of(Competence c) const {
  switch (c) {
    case Competence::Recenser: return recenser;
    case Competence::Informer: return informer;
    case Competence::Planifier: return planifier;
    case Competence::Qualite: return qualite;
  }
  return CompetenceStatus::SansObjet;
}

const std::optional<std::string>& CompetenceMentions::of(Competence c) const {
  switch (c) {
    case Competence::Recenser: return recenser;
    case Competence::Informer: return informer;
    case Competence::Planifier: return planifier;
    case Competence::Qualite: return qualite;
  }
  return recenser;
}

OfferUnit OfferLine::unit() const {
  if (unite) return *unite;
  if (mode == OfferMode::Rpe) return OfferUnit::Etp;
  if (mode == OfferMode::Passerelle) return OfferUnit::Dispositifs;
  return OfferUnit::Places;
}

std::string OfferLine::key() const { return id ? *id : std::string(key_of(mode)); }

std::string OfferTable::key() const { return zone ? ao + "/" + *zone : ao; }

namespace {

template <class T, class Key>
void index_list(IdIndex& index, const std::vector<T>& list, Key key) {
  index.position.clear();
  index.position.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) index.position.emplace(key(list[i]), i);  // the first one wins
  index.size = list.size();
  index.built = true;
}

template <class T, class Key>
const T* find_by_id(const IdIndex& index, const std::vector<T>& list, std::string_view id, Key key) {
  if (index.built && index.size == list.size()) {
    auto it = index.position.find(id);
    if (it == index.position.end()) return nullptr;
    if (it->second < list.size() && key(list[it->second]) == id) return &list[it->second];
  }
  for (const auto& x : list)
    if (key(x) == id) return &x;
  return nullptr;
}

const std::string& party_id(const Party& p) { return p.id; }
const std::string& ao_id(const AoEntry& e) { return e.ao; }
std::string_view perimeter_id(const CoverageData& d) { return d.perimetre ? std::string_view(*d.perimetre) : std::string_view(); }

}  // namespace

const Party* Ctg::party(std::string_view pid) const { return find_by_id(party_index, parties, pid, party_id); }

const AoEntry* Ctg::ao_entry(std::string_view id) const {
  return find_by_id(ao_index, autorites_organisatrices, id, ao_id);
}

const CoverageData* Ctg::coverage_data(const std::optional<std::string>& perimetre) const {
  // An id is never empty (format.cpp), so the empty key is free for the whole territory; the check of
  // has_value() keeps an explicit empty perimetre from standing for it.
  const CoverageData* d =
      find_by_id(coverage_index, donnees_couverture, perimetre ? std::string_view(*perimetre) : std::string_view(), perimeter_id);
  if (d && d->perimetre.has_value() != perimetre.has_value()) {
    for (const auto& x : donnees_couverture)
      if (x.perimetre == perimetre) return &x;
    return nullptr;
  }
  return d;
}

void Ctg::reindex() {
  index_list(party_index, parties, party_id);
  index_list(ao_index, autorites_organisatrices, ao_id);
  index_list(coverage_index, donnees_couverture, perimeter_id);
}

std::vector<int> Ctg::years() const {
  std::vector<int> ys;
  for (int y = convention.debut.year; y <= convention.fin.year && y - convention.debut.year < 100; ++y)
    ys.push_back(y);
  return ys;
}

const Population* population_at(const Party& p, const std::optional<Date>& at) {
  const Population* newest = nullptr;
  const Population* oldest = nullptr;
  const Population* in_force = nullptr;
  for (const auto& pop : p.populations) {
    if (!pop.millesime) continue;
    if (!newest || *pop.millesime > *newest->millesime) newest = &pop;
    if (!oldest || *pop.millesime < *oldest->millesime) oldest = &pop;
    if (at && *pop.millesime + 3 <= at->year && (!in_force || *pop.millesime > *in_force->millesime)) in_force = &pop;
  }
  if (in_force) return in_force;
  if (p.population) return &*p.population;
  return at ? oldest : newest;
}

bool in_first_block(const Ctg& ctg, const Party& p) {
  if (ctg.convention.premier_bloc.empty()) return !ctg.parties.empty() && &ctg.parties.front() == &p;
  const auto& ids = ctg.convention.premier_bloc;
  return std::find(ids.begin(), ids.end(), p.id) != ids.end();
}

}  // namespace ctg
