// SPDX-License-Identifier: EUPL-1.2
// The Cnaf coverage rate of early-childhood care (« taux de couverture
// global »), per AO territory and for the whole territory of a CTG, for the
// current situation and each year of the CTG, with every input traced and
// every missing input named (../shared/docs/coverage.md):
//
//   taux = 100 × (EAJE PSU + micro-crèches PAJE + préscolarisation
//                 + assistants maternels + garde à domicile) ÷ enfants < 3 ans
//
// in places pour 100 enfants, never capped, rounded once to one decimal.
// One computation feeds `ctg coverage`, `ctg validate` and `ctg render`.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "format/model.hpp"

namespace ctg::coverage {

enum class Component { EajePsu, MicroCrechePaje, Prescolarisation, AssistantsMaternels, GardeDomicile };
inline constexpr std::array<Component, 5> components{Component::EajePsu, Component::MicroCrechePaje,
                                                     Component::Prescolarisation, Component::AssistantsMaternels,
                                                     Component::GardeDomicile};
std::string_view key_of(Component c);    // « eaje_psu »…
std::string_view label_of(Component c);  // « EAJE PSU »…

// The published sub-rates and the global rate.
enum class Rate { Psu, Eaje, Prescolarisation, AssistantsMaternels, GardeDomicile, Individuel, Global };
inline constexpr std::array<Rate, 7> rates{Rate::Psu, Rate::Eaje, Rate::Prescolarisation, Rate::AssistantsMaternels,
                                           Rate::GardeDomicile, Rate::Individuel, Rate::Global};
std::string_view key_of(Rate r);    // « psu », « global »…
std::string_view label_of(Rate r);  // « Taux EAJE PSU »…

// Where a figure was read: « tableau d'offre de Peyruis, EAJE PSU » and its position.
struct Source {
  std::string what;
  Loc loc;
};

// A quantity in one column: the sum of what is known, and what is not.
struct Amount {
  std::optional<Decimal> value;       // nullopt: nothing is known
  std::vector<std::string> missing;   // what is not known (an AO, a line): the value is then partial
  std::vector<Source> sources;        // where each known part comes from

  bool known() const { return value.has_value(); }
  bool complete() const { return value && missing.empty(); }
};

struct Column {
  std::optional<int> year;  // nullopt: the current situation (« actuel »)
  std::map<Component, Amount> places;
  Amount total;             // the known components, added exactly
  Amount children;          // children under 3
  std::map<Rate, std::optional<std::int64_t>> tenths;  // rate × 10, rounded once; nullopt: not computable
  std::vector<std::string> missing;  // the components or parts missing, said in French
  std::optional<std::int64_t> places_to_target;  // with a target rate: places to create (≥ 0)

  bool partial() const { return !missing.empty(); }
  std::string label() const;  // « actuel » or the year
};

struct Ratio {
  std::string key;    // alsh_3_11_ans, jeunesse_12_17_ans, am_par_etp_rpe
  std::string label;  // in French
  std::optional<std::int64_t> tenths;
  std::string detail;  // the figures it comes from, or why it cannot be computed
};

struct Perimeter {
  std::string id;    // the AO's party id; empty for the whole territory
  std::string name;  // « Provence Alpes Agglomération », « Territoire de la CTG »
  bool whole = false;
  std::vector<Column> columns;  // actuel, then each year of the CTG
  std::vector<Ratio> ratios;    // on the current situation
  std::vector<std::string> notes;  // hypotheses the figures rest on
  std::vector<Source> tables;      // the offer tables the places come from
};

// The rate the diagnostic states, against the computed one.
struct Stated {
  Decimal value;
  std::string source;
  Loc loc;
  std::optional<std::int64_t> computed_tenths;  // the whole territory, current situation
  std::string column;
  std::optional<std::int64_t> first_year_tenths;  // the whole territory, first year of the CTG
  std::string first_year;
  std::vector<std::string> reasons;  // why the two may differ
};

struct Options {
  std::optional<Decimal> target;  // a target rate (places pour 100 enfants)
};

struct Report {
  std::vector<Perimeter> perimeters;  // each AO with an offer table, then the whole territory
  std::optional<Stated> stated;
  std::optional<Decimal> target;
};

Report compute(const Ctg& ctg, const Options& options = {});

// 10 × a ÷ b: a ratio in tenths, rounded half up once; nullopt when b ≤ 0.
std::optional<std::int64_t> ratio_tenths(Decimal a, Decimal b);
// 100 × places ÷ children, in tenths, rounded half up once.
std::optional<std::int64_t> rate_tenths(Decimal places, Decimal children);
// Places to create so that places ÷ children reaches target %, rounded up.
std::int64_t places_to_reach(Decimal target, Decimal places, Decimal children);

}  // namespace ctg::coverage
