// SPDX-License-Identifier: EUPL-1.2
// The population an AO rule is tested on (art. L214-1-3 II and III CASF):
// a commune's own, or, for an EPCI or syndicat, the total of the communes
// that transferred the competence — with what is known of it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "format/model.hpp"

namespace ctg::rules {

struct PopulationFigure {
  std::optional<std::int64_t> value;
  std::optional<std::int64_t> above;  // plus_de (strict)
  std::optional<std::int64_t> below;  // moins_de (strict)
  PopulationNature nature = PopulationNature::Inconnue;
  std::optional<int> year;
  Loc loc;
  std::string origin;  // « population de la commune », « communes ayant transféré 3° »…

  // « population totale 38 193 (2022) », « plus de 3 500 et moins de 10 000 (nature non précisée) »
  std::string describe() const;
};

enum class Side { Above, AtOrBelow, Unknown };

// Whether the population is « plus de » the threshold: strict, as the law says.
Side compare(const PopulationFigure& p, std::int64_t threshold);

PopulationFigure from(const Population& p, std::string origin);

// A commune's figure: its AO entry's, or else its party's.
std::optional<PopulationFigure> commune_population(const Ctg& ctg, const AoEntry& e);
// An EPCI's or syndicat's figure for one competence: the transferring communes.
std::optional<PopulationFigure> transferred_population(const AoEntry& e, Competence c);

bool is_grouping(const Party& p);

}  // namespace ctg::rules
