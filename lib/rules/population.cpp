// SPDX-License-Identifier: EUPL-1.2
#include "rules/population.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "base/french.hpp"
#include "format/designation.hpp"
#include "format/vocabulary.hpp"

namespace ctg::rules {

bool is_grouping(const Party& p) { return p.type == PartyType::Epci || p.type == PartyType::Syndicat; }

std::string ao_name(const Ctg& ctg, const std::string& id) {
  const Party* p = ctg.party(id);
  if (!p) return id;
  return is_grouping(*p) ? format::naming::designation(*p) : p->nom;
}

std::string of_ao(const Ctg& ctg, const std::string& id) {
  const Party* p = ctg.party(id);
  if (!p) return "de " + id;
  return is_grouping(*p) ? format::naming::of(*p) : fr::of_place(p->nom);
}

std::string to_ao(const Ctg& ctg, const std::string& id) {
  std::string d = ao_name(ctg, id);
  if (d.rfind("le ", 0) == 0) return "au " + d.substr(3);
  if (d.rfind("les ", 0) == 0) return "aux " + d.substr(4);
  return "à " + d;
}

const char* pronoun(const Ctg& ctg, const std::string& id) {
  const Party* p = ctg.party(id);
  return p && !format::naming::feminine(*p) ? "il" : "elle";
}

std::string PopulationFigure::describe() const {
  std::string nature_text = nature == PopulationNature::Inconnue ? "nature non précisée"
                                                                   : std::string(label_of(nature));
  std::string y = year ? fmt::format(", {}", *year) : "";
  if (value)
    return nature == PopulationNature::Inconnue
               ? fmt::format("{} habitants ({}{})", fr::integer(*value), nature_text, y)
               : fmt::format("{} {} habitants{}", label_of(nature), fr::integer(*value),
                             year ? fmt::format(" ({})", *year) : "");
  std::string range;
  if (above && below) range = fmt::format("plus de {} et moins de {}", fr::integer(*above), fr::integer(*below));
  else if (above) range = fmt::format("plus de {}", fr::integer(*above));
  else if (below) range = fmt::format("moins de {}", fr::integer(*below));
  return fmt::format("{} habitants ({}{})", range, nature_text, y);
}

Side compare(const PopulationFigure& p, std::int64_t t) {
  if (p.value) return *p.value > t ? Side::Above : Side::AtOrBelow;
  if (p.above && *p.above >= t) return Side::Above;      // P > above ≥ t
  if (p.below && *p.below <= t + 1) return Side::AtOrBelow;  // P < below ≤ t + 1, so P ≤ t
  return Side::Unknown;
}

PopulationFigure from(const Population& p, std::string origin) {
  PopulationFigure f;
  f.value = p.valeur;
  f.above = p.plus_de;
  f.below = p.moins_de;
  f.nature = p.nature;
  f.year = p.millesime;
  f.loc = p.loc;
  f.origin = std::move(origin);
  return f;
}

std::optional<PopulationFigure> commune_population(const Ctg& ctg, const AoEntry& e, const std::optional<Date>& at) {
  if (e.population) return from(*e.population, "population indiquée au tableau des AO");
  if (const Party* p = ctg.party(e.ao))
    if (const Population* pop = population_at(*p, at)) return from(*pop, "population de la partie");
  return std::nullopt;
}

bool in_force(const Transfer& t, const std::optional<Date>& at) {
  if (!at) return true;
  return !(t.depuis && *at < *t.depuis) && !(t.jusqu_au && *t.jusqu_au < *at);
}

bool same_commune(const TransferringCommune& a, const TransferringCommune& b) {
  if (a.partie && b.partie) return *a.partie == *b.partie;
  if (a.insee && b.insee) return *a.insee == *b.insee;
  return a.nom == b.nom;
}

namespace {

// One transfer's part of the figure: its declared total, or else the sum of
// its listed communes (known only if each is), without the communes an
// earlier transfer already counted (TRF-2 says the double listing).
// A listed commune's figure: its own, or else (signing commune, `partie`)
// its party's in force at `at` (population_at: its millésimes).
const Population* listed_population(const TransferringCommune& tc, const Ctg* ctg, const std::optional<Date>& at) {
  if (tc.population) return &*tc.population;
  const Party* p = ctg && tc.partie ? ctg->party(*tc.partie) : nullptr;
  return p ? population_at(*p, at) : nullptr;
}

std::optional<PopulationFigure> transfer_part(const Transfer& t, std::vector<const TransferringCommune*>& counted,
                                              const Ctg* ctg, const std::optional<Date>& at) {
  auto seen = [&](const TransferringCommune& tc, std::size_t n) {
    return std::any_of(counted.begin(), counted.begin() + static_cast<std::ptrdiff_t>(n),
                       [&](const TransferringCommune* o) { return same_commune(*o, tc); });
  };
  PopulationFigure part;
  if (t.population) {
    // The declared total counts its own list once: only the communes of an
    // earlier transfer come off it.
    part = from(*t.population, "population des communes ayant transféré");
    const std::size_t earlier = counted.size();
    for (const auto& tc : t.communes) {
      bool before = seen(tc, earlier);
      const Population* tp = listed_population(tc, ctg, at);
      if (before && part.value && tp && tp->valeur) *part.value -= *tp->valeur;
      if (!before) counted.push_back(&tc);
    }
    return part;
  }
  std::int64_t sum = 0;
  std::optional<int> year;
  bool same_year = true;
  PopulationNature nature = PopulationNature::Totale;
  for (const auto& tc : t.communes) {
    const Population* tp = listed_population(tc, ctg, at);
    if (!tp || !tp->valeur) return std::nullopt;
    if (seen(tc, counted.size())) continue;
    counted.push_back(&tc);
    sum += *tp->valeur;
    if (tp->nature != PopulationNature::Totale) nature = tp->nature;
    if (!tp->millesime || (year && *year != *tp->millesime)) same_year = false;
    else year = tp->millesime;
  }
  if (t.communes.empty()) return std::nullopt;
  part.value = sum;
  part.nature = nature;
  if (same_year) part.year = year;
  part.loc = t.at("communes");
  part.origin = "somme des communes ayant transféré";
  return part;
}

}  // namespace

std::optional<PopulationFigure> transferred_population(const AoEntry& e, Competence c, const std::optional<Date>& at,
                                                       const Ctg* ctg) {
  std::optional<PopulationFigure> total;
  std::vector<const TransferringCommune*> counted;
  for (const auto& t : e.transferts) {
    if (std::find(t.competences.begin(), t.competences.end(), c) == t.competences.end() || !in_force(t, at)) continue;
    auto part = transfer_part(t, counted, ctg, at);
    if (!part) continue;
    if (!total) {
      total = part;
    } else if (total->value && part->value) {
      *total->value += *part->value;
      if (part->nature != total->nature) total->nature = PopulationNature::Inconnue;
      if (part->year != total->year) total->year.reset();
    } else {
      total->value.reset();  // brackets do not add up to a figure
    }
  }
  return total;
}

}  // namespace ctg::rules
