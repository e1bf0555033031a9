#include "model.hpp"

#include "vocabulary.hpp"

namespace ctg {

Loc Located::at(std::string_view key) const {
  for (const auto& [k, l] : field_locs)
    if (k == key) return l;
  return loc;
}

bool Located::has(std::string_view key) const {
  for (const auto& [k, l] : field_locs)
    if (k == key) return true;
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

OfferUnit OfferLine::unit() const {
  if (unite) return *unite;
  if (mode == OfferMode::Rpe) return OfferUnit::Etp;
  if (mode == OfferMode::Passerelle) return OfferUnit::Dispositifs;
  return OfferUnit::Places;
}

std::string OfferLine::key() const { return id ? *id : std::string(key_of(mode)); }

std::string OfferTable::key() const { return zone ? ao + "/" + *zone : ao; }

const Party* Ctg::party(std::string_view pid) const {
  for (const auto& p : parties)
    if (p.id == pid) return &p;
  return nullptr;
}

std::vector<int> Ctg::years() const {
  std::vector<int> ys;
  for (int y = convention.debut.year; y <= convention.fin.year && y - convention.debut.year < 100; ++y)
    ys.push_back(y);
  return ys;
}

}  // namespace ctg
