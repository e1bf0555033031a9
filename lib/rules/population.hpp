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

// A commune's figure: its AO entry's, or else its party's in force at `at`
// (population_at: its millésimes, or its single figure).
std::optional<PopulationFigure> commune_population(const Ctg& ctg, const AoEntry& e,
                                                   const std::optional<Date>& at = std::nullopt);
// Whether a transfer is in force at `at` (its `depuis` reached, its
// `jusqu_au` not passed); every transfer is, without a date.
bool in_force(const Transfer& t, const std::optional<Date>& at);
// An EPCI's or syndicat's figure for one competence: the transferring
// communes, by the transfers in force at `at` (all of them without a date),
// each commune counted once even when two transfers list it. With `ctg`, a
// listed signing commune (partie) without a figure of its own counts with
// its party's population in force at `at` (its millésimes).
std::optional<PopulationFigure> transferred_population(const AoEntry& e, Competence c,
                                                       const std::optional<Date>& at = std::nullopt,
                                                       const Ctg* ctg = nullptr);
// The same commune in a transfer's list: same party, same INSEE code, or same name.
bool same_commune(const TransferringCommune& a, const TransferringCommune& b);

bool is_grouping(const Party& p);

// How a finding names an AO: a commune by its name (« Aube »), an EPCI or a
// syndicat by its designation, with its article (« la Communauté de
// communes du Plateau », « le Syndicat mixte du Val »).
std::string ao_name(const Ctg& ctg, const std::string& id);
// The same after « de » and « à », with elision and contraction: « de la
// Commune d'Aube », « de l'Agglomération du Val », « du Syndicat mixte »,
// « au Syndicat mixte ».
std::string of_ao(const Ctg& ctg, const std::string& id);
std::string to_ao(const Ctg& ctg, const std::string& id);
// « il » for a syndicat, « elle » for a commune or a communauté.
const char* pronoun(const Ctg& ctg, const std::string& id);

}  // namespace ctg::rules
