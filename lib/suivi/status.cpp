// SPDX-License-Identifier: EUPL-1.2
#include "suivi/status.hpp"

#include <algorithm>

#include "coverage/coverage.hpp"
#include "format/suivi_check.hpp"
#include "format/vocabulary.hpp"

namespace ctg::suivi {

using format::suivi::bounds;
using format::suivi::latest_date;

std::string state_label(const ActionStatus& a) {
  return a.last ? std::string(label_of(a.last->etat)) : std::string("non renseignée");
}

std::vector<const ActionStatus*> Snapshot::overdue() const {
  std::vector<const ActionStatus*> out;
  for (const auto& a : actions)
    if (a.overdue) out.push_back(&a);
  return out;
}

namespace {

// The periods whose tracking is known at `au`, in time order.
std::vector<const TrackingPeriod*> periods_at(const Ctg& ctg, Date au) {
  std::vector<const TrackingPeriod*> out;
  for (const auto& p : ctg.suivi)
    if (auto b = bounds(p.periode); b && b->debut <= au) out.push_back(&p);
  std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
    return bounds(a->periode)->debut < bounds(b->periode)->debut;
  });
  return out;
}

const Axis* axis_of(const Ctg& ctg, const ActionSheet& f) {
  if (!ctg.plan_actions || !f.axe) return nullptr;
  for (const auto& a : ctg.plan_actions->axes)
    if (a.id == *f.axe) return &a;
  return nullptr;
}

std::string name_of(const Ctg& ctg, const std::string& id) {
  const Party* p = ctg.party(id);
  return p ? p->nom : id;
}

std::string mode_label(const OfferLine& l) {
  if (l.libelle) return *l.libelle;
  return std::string(label_of(l.mode));
}

struct Record {
  Decimal value;
  Date date;
  std::string commentaire;
};

// The latest places (or ETP, for « rpe ») recorded per AO and line key at `au`.
std::map<std::pair<std::string, std::string>, Record> offer_records(const Ctg& ctg, Date au) {
  std::map<std::pair<std::string, std::string>, Record> out;
  auto keep = [&](std::pair<std::string, std::string> key, Decimal v, Date d, const std::optional<std::string>& c) {
    if (d > au) return;
    auto it = out.find(key);
    if (it == out.end() || it->second.date <= d) out[key] = Record{v, d, c.value_or("")};
  };
  for (const auto* p : periods_at(ctg, au)) {
    for (const auto& pl : p->places) keep({pl.ao, pl.mode}, pl.places, pl.date, pl.commentaire);
    for (const auto& r : p->rpe)
      for (const auto& t : ctg.offre_petite_enfance)
        if (t.ao == r.ao)
          for (const auto& l : t.lignes)
            if (l.mode == OfferMode::Rpe) keep({r.ao, l.key()}, r.etp, r.date, r.commentaire);
  }
  return out;
}

int year_of(const Ctg& ctg, Date au) {
  return std::clamp(au.year, ctg.convention.debut.year, ctg.convention.fin.year);
}

// The CTG whose projection for `year` is what was recorded open at `au`
// (unknown when nothing was recorded for a line).
Ctg realised_ctg(const Ctg& ctg, int year, Date au, bool& any) {
  auto records = offer_records(ctg, au);
  Ctg copy = ctg;
  any = false;
  for (auto& t : copy.offre_petite_enfance)
    for (auto& l : t.lignes) {
      auto it = records.find({t.ao, l.key()});
      if (it != records.end()) any = true;
      l.projection[year] = it == records.end() ? std::nullopt : std::optional<Decimal>(it->second.value);
    }
  return copy;
}

const coverage::Column* column(const coverage::Perimeter& p, int year) {
  for (const auto& c : p.columns)
    if (c.year && *c.year == year) return &c;
  return nullptr;
}

std::optional<std::int64_t> global(const coverage::Column* c) {
  if (!c) return std::nullopt;
  auto it = c->tenths.find(coverage::Rate::Global);
  return it == c->tenths.end() ? std::nullopt : it->second;
}

}  // namespace

Snapshot snapshot(const Ctg& ctg, Date au) {
  Snapshot s;
  s.au = au;
  s.year = year_of(ctg, au);
  auto periods = periods_at(ctg, au);
  for (const auto* p : periods) {
    s.periode = p->periode;
    s.fictif = s.fictif || p->fictif;
  }
  for (const auto& f : ctg.fiches_action) {
    for (const auto& k : f.actions_cles) {
      ActionStatus a{axis_of(ctg, f), &f, &k, nullptr, {}, {}, false};
      for (const auto* p : periods)
        for (const auto& t : p->actions)
          if (t.fiche == f.id && t.action == k.id && t.date <= au) {
            a.last = &t;
            a.periode = p->periode;
            if (t.echeance) a.echeance = t.echeance;
          }
      a.overdue = a.last && a.echeance && *a.echeance < au && a.last->etat != ActionState::Realisee &&
                  a.last->etat != ActionState::Abandonnee;
      s.actions.push_back(a);
    }
    for (std::size_t i = 0; i < f.indicateurs.size(); ++i) {
      IndicatorStatus ind{&f, static_cast<std::int64_t>(i + 1), f.indicateurs[i], nullptr, {}};
      for (const auto* p : periods)
        for (const auto& v : p->indicateurs)
          if (v.fiche == f.id && v.indicateur == ind.numero && v.date <= au) {
            if (!ind.last || ind.last->date <= v.date) ind.last = &v;
            if (v.cible) ind.cible = v.cible;
          }
      s.indicators.push_back(ind);
    }
  }
  auto records = offer_records(ctg, au);
  for (const auto& t : ctg.offre_petite_enfance)
    for (const auto& l : t.lignes) {
      if (l.unit() == OfferUnit::Dispositifs) continue;
      OfferStatus o{t.ao, name_of(ctg, t.ao), l.key(), mode_label(l), l.unit() == OfferUnit::Etp, {}, {}, {}, {}};
      if (auto it = l.projection.find(s.year); it != l.projection.end()) o.projected = it->second;
      if (auto it = records.find({t.ao, l.key()}); it != records.end()) {
        o.realised = it->second.value;
        o.date = it->second.date;
        o.commentaire = it->second.commentaire;
      }
      if (o.projected || o.realised) s.offer.push_back(o);
    }
  bool any = false;
  Ctg real = realised_ctg(ctg, s.year, au, any);
  auto planned = coverage::compute(ctg);
  auto done = coverage::compute(real);
  for (std::size_t i = 0; i < planned.perimeters.size() && i < done.perimeters.size(); ++i) {
    const auto& p = planned.perimeters[i];
    const coverage::Column* dc = column(done.perimeters[i], s.year);
    const coverage::Column* pc = column(p, s.year);
    RateStatus r{p.name, p.whole, global(pc), any ? global(dc) : std::nullopt, pc && pc->partial(),
                 dc && dc->partial()};
    s.coverage.push_back(r);
  }
  return s;
}

std::vector<TrajectoryPoint> trajectory(const Ctg& ctg, Date au) {
  std::vector<TrajectoryPoint> out;
  auto planned = coverage::compute(ctg);
  const coverage::Perimeter* whole = planned.perimeters.empty() ? nullptr : &planned.perimeters.back();
  for (int y : ctg.years()) {
    if (y > au.year) break;
    TrajectoryPoint t;
    t.year = y;
    if (whole)
      if (const auto* c = column(*whole, y)) {
        t.projected_tenths = global(c);
        t.projected_places = c->total.value;
        t.children = c->children.value;
        t.projected_partial = c->partial();
      }
    Date end = std::min(au, Date{y, 12, 31});
    bool any = false;
    Ctg real = realised_ctg(ctg, y, end, any);
    if (any) {
      auto done = coverage::compute(real);
      if (!done.perimeters.empty())
        if (const auto* c = column(done.perimeters.back(), y)) {
          t.realised_tenths = global(c);
          t.realised_places = c->total.value;
          t.realised_partial = c->partial();
        }
    }
    out.push_back(t);
  }
  return out;
}

}  // namespace ctg::suivi
