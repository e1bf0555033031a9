// SPDX-License-Identifier: EUPL-1.2
#include "rules/population.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/french.hpp"
#include "format/vocabulary.hpp"

namespace ctg::rules {

bool is_grouping(const Party& p) { return p.type == PartyType::Epci || p.type == PartyType::Syndicat; }

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

std::optional<PopulationFigure> commune_population(const Ctg& ctg, const AoEntry& e) {
  if (e.population) return from(*e.population, "population indiquée au tableau des AO");
  if (const Party* p = ctg.party(e.ao); p && p->population) return from(*p->population, "population de la partie");
  return std::nullopt;
}

std::optional<PopulationFigure> transferred_population(const AoEntry& e, Competence c) {
  std::optional<PopulationFigure> total;
  for (const auto& t : e.transferts) {
    if (std::find(t.competences.begin(), t.competences.end(), c) == t.competences.end()) continue;
    PopulationFigure part;
    if (t.population) {
      part = from(*t.population, "population des communes ayant transféré");
    } else {
      // The sum of the listed communes, known only if each is.
      std::int64_t sum = 0;
      bool all = !t.communes.empty();
      PopulationNature nature = PopulationNature::Totale;
      for (const auto& tc : t.communes) {
        if (!tc.population || !tc.population->valeur) {
          all = false;
          break;
        }
        sum += *tc.population->valeur;
        if (tc.population->nature != PopulationNature::Totale) nature = tc.population->nature;
      }
      if (!all) continue;
      part.value = sum;
      part.nature = nature;
      part.loc = t.at("communes");
      part.origin = "somme des communes ayant transféré";
    }
    if (!total) {
      total = part;
    } else if (total->value && part.value) {
      *total->value += *part.value;
      if (part.nature != total->nature) total->nature = PopulationNature::Inconnue;
    } else {
      total->value.reset();  // brackets do not add up to a figure
    }
  }
  return total;
}

}  // namespace ctg::rules
