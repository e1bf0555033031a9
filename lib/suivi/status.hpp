// SPDX-License-Identifier: EUPL-1.2
// The tracking table at a date: each action clé's latest state, overdue
// actions, each indicator's last value, places and RPE ETP open against the
// offer tables' projection, and the coverage rate realised against the
// projected one (the coverage computation of coverage.hpp, fed with the
// places actually open). One computation for `ctg suivi`, `ctg bilan` and
// the remarks of `ctg validate`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "format/model.hpp"

namespace ctg::suivi {

struct ActionStatus {
  const Axis* axe = nullptr;  // nullptr: the fiche names no axis of the plan
  const ActionSheet* fiche = nullptr;
  const KeyAction* action = nullptr;
  const TrackedAction* last = nullptr;  // latest state at the date; nullptr: never reported
  std::string periode;                  // the period of `last`
  std::optional<Date> echeance;         // the latest échéance given
  bool overdue = false;                 // past its échéance, neither réalisée nor abandonnée
};

struct IndicatorStatus {
  const ActionSheet* fiche = nullptr;
  std::int64_t numero = 0;  // from 1
  std::string libelle;
  const IndicatorValue* last = nullptr;  // nullptr: never measured
  std::optional<Decimal> cible;          // the latest target given
};

struct OfferStatus {
  std::string ao;
  std::string ao_name;
  std::string mode;        // the line's key
  std::string mode_label;  // « EAJE PSU »
  bool etp = false;        // an RPE line, in ETP
  std::optional<Decimal> projected;  // for the year of the date
  std::optional<Decimal> realised;   // latest record at the date
  std::optional<Date> date;          // of that record
  std::string commentaire;
};

struct RateStatus {
  std::string perimeter;  // the AO's name, or « Territoire de la CTG »
  bool whole = false;
  std::optional<std::int64_t> projected_tenths;
  std::optional<std::int64_t> realised_tenths;
  bool projected_partial = false;  // some inputs of the rate are missing (coverage.hpp)
  bool realised_partial = false;   // idem, or some places of the year were not recorded
};

struct Snapshot {
  Date au;
  int year = 0;           // the year of the CTG the projections are read for
  std::string periode;    // the latest period at the date; empty without one
  bool fictif = false;    // some period says its figures are invented
  std::vector<ActionStatus> actions;  // fiche by fiche, in the order of the fiches
  std::vector<IndicatorStatus> indicators;
  std::vector<OfferStatus> offer;     // each line with a projection or a record
  std::vector<RateStatus> coverage;   // each AO, then the whole territory

  std::vector<const ActionStatus*> overdue() const;
};

Snapshot snapshot(const Ctg& ctg, Date au);

// The whole territory's coverage rate, projected and realised, each year of
// the CTG up to the date (realised: the places recorded by the end of the year).
struct TrajectoryPoint {
  int year = 0;
  std::optional<std::int64_t> projected_tenths;
  std::optional<std::int64_t> realised_tenths;
  std::optional<Decimal> projected_places;  // places of the five components, whole territory
  std::optional<Decimal> realised_places;
  std::optional<Decimal> children;  // children under 3 of the year: the rates' denominator
  bool projected_partial = false;   // some inputs of the rate are missing (coverage.hpp)
  bool realised_partial = false;
};
std::vector<TrajectoryPoint> trajectory(const Ctg& ctg, Date au);

// « réalisée », « non renseignée » for an action without any state.
std::string state_label(const ActionStatus& a);

}  // namespace ctg::suivi
