// SPDX-License-Identifier: EUPL-1.2
#include "format/suivi_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "base/text.hpp"
#include "format/vocabulary.hpp"

namespace ctg::format::suivi {

namespace {

Date last_day(int year, int month) { return Date{year, month, days_in_month(year, month)}; }

int span_of(const std::string& s) { return std::max(1, static_cast<int>(utf8_length(s))); }

std::string dated(const Date& d) { return to_french_long(d); }

// The offer lines an AO's tables hold, by key.
std::map<std::string, const OfferLine*> lines_of(const Ctg& ctg, const std::string& ao) {
  std::map<std::string, const OfferLine*> out;
  for (const auto& t : ctg.offre_petite_enfance)
    if (t.ao == ao)
      for (const auto& l : t.lignes) out.emplace(l.key(), &l);
  return out;
}

std::vector<std::string> table_aos(const Ctg& ctg) {
  std::vector<std::string> out;
  for (const auto& t : ctg.offre_petite_enfance)
    if (std::find(out.begin(), out.end(), t.ao) == out.end()) out.push_back(t.ao);
  return out;
}

void unknown(Diagnostics& out, Loc loc, const std::string& id, std::string what, std::vector<std::string> known) {
  std::string hint;
  if (auto c = closest(id, known)) hint = fmt::format("vouliez-vous dire {} ? ", guillemets(*c));
  hint += known.empty() ? std::string("il n'y en a aucune") : "possibles : " + join(known, ", ");
  out.error("REFERENCE", loc, fmt::format("{} ne désigne aucun{}", guillemets(id), what), hint, span_of(id));
}

struct Checker {
  const Ctg& ctg;
  Diagnostics& out;

  void date_in_period(Loc loc, const Date& d, const TrackingPeriod& p, const Bounds& b) {
    if (d > b.fin)
      out.error("CHRONOLOGIE", loc,
                fmt::format("date {} postérieure à la fin de la période {} ({})", to_iso(d), p.periode, dated(b.fin)),
                "un point ne décrit que ce qui s'est passé jusqu'à la fin de sa période : corrigez la date, ou "
                "reportez l'information dans le fichier de la période suivante", 10);
  }

  void action(const TrackedAction& a, const TrackingPeriod& p, const Bounds& b) {
    date_in_period(a.at("date"), a.date, p, b);
    const ActionSheet* sheet = nullptr;
    for (const auto& f : ctg.fiches_action)
      if (f.id == a.fiche) sheet = &f;
    if (!sheet) return;  // reported by the reference check
    std::vector<std::string> ids;
    for (const auto& k : sheet->actions_cles) ids.push_back(k.id);
    if (std::find(ids.begin(), ids.end(), a.action) == ids.end())
      unknown(out, a.at("action"), a.action, fmt::format("e action clé de la fiche {}", guillemets(a.fiche)), ids);
    if (a.echeance && *a.echeance < ctg.convention.debut)
      out.error("CHRONOLOGIE", a.at("echeance"),
                fmt::format("échéance {} antérieure au début de la CTG ({})", to_iso(*a.echeance),
                            dated(ctg.convention.debut)),
                "l'échéance est une date du calendrier de la CTG", 10);
  }

  void indicator(const IndicatorValue& v, const TrackingPeriod& p, const Bounds& b) {
    date_in_period(v.at("date"), v.date, p, b);
    for (const auto& f : ctg.fiches_action) {
      if (f.id != v.fiche) continue;
      auto n = static_cast<std::int64_t>(f.indicateurs.size());
      if (v.indicateur > n) {
        std::string list;
        for (std::size_t i = 0; i < f.indicateurs.size(); ++i)
          list += fmt::format("{}{} : {}", i ? " ; " : "", i + 1, f.indicateurs[i]);
        out.error("REFERENCE", v.at("indicateur"),
                  n == 0 ? fmt::format("la fiche {} n'a aucun indicateur", guillemets(f.id))
                         : fmt::format("la fiche {} a {} indicateur{} : l'indicateur {} n'existe pas", guillemets(f.id),
                                       n, n > 1 ? "s" : "", v.indicateur),
                  n == 0 ? "ajoutez ses indicateurs à la fiche action, ou retirez cette valeur"
                         : "indicateurs de la fiche : " + list);
      }
    }
  }

  void places(const OpenPlaces& pl, const TrackingPeriod& p, const Bounds& b) {
    date_in_period(pl.at("date"), pl.date, p, b);
    if (!ctg.party(pl.ao)) return;  // reported by the reference check
    auto lines = lines_of(ctg, pl.ao);
    if (lines.empty()) return unknown(out, pl.at("ao"), pl.ao, "e AO ayant un tableau d'offre", table_aos(ctg));
    auto it = lines.find(pl.mode);
    std::vector<std::string> keys;
    for (const auto& [k, l] : lines)
      if (l->unit() == OfferUnit::Places) keys.push_back(k);
    if (it == lines.end())
      return unknown(out, pl.at("mode"), pl.mode, fmt::format("e ligne du tableau d'offre de {}", guillemets(pl.ao)), keys);
    if (it->second->unit() != OfferUnit::Places)
      out.error("REFERENCE", pl.at("mode"),
                fmt::format("la ligne {} du tableau de {} ne compte pas des places", guillemets(pl.mode), guillemets(pl.ao)),
                pl.mode == "rpe" ? "les ETP de RPE se notent dans « rpe: » (ao, etp, date)"
                                 : "lignes en places : " + join(keys, ", "),
                span_of(pl.mode));
    if (pl.places.units % Decimal::scale != 0)
      out.error("TYPE", pl.at("places"), fmt::format("{} places : un nombre de places est entier", to_string(pl.places)));
  }

  void rpe(const RpeStaff& r, const TrackingPeriod& p, const Bounds& b) {
    date_in_period(r.at("date"), r.date, p, b);
    if (!ctg.party(r.ao)) return;
    auto lines = lines_of(ctg, r.ao);
    bool has_rpe = std::any_of(lines.begin(), lines.end(),
                               [](const auto& kv) { return kv.second->mode == OfferMode::Rpe; });
    if (!has_rpe) {
      std::vector<std::string> aos;
      for (const auto& t : ctg.offre_petite_enfance)
        for (const auto& l : t.lignes)
          if (l.mode == OfferMode::Rpe && std::find(aos.begin(), aos.end(), t.ao) == aos.end()) aos.push_back(t.ao);
      unknown(out, r.at("ao"), r.ao, "e AO dont le tableau d'offre a une ligne rpe", aos);
    }
  }

  // Each action's states in the order of the periods, then of their dates.
  void chronology(const std::vector<const TrackingPeriod*>& periods) {
    std::map<std::pair<std::string, std::string>, std::vector<const TrackedAction*>> by_action;
    for (const auto* p : periods) {
      std::set<std::pair<std::string, std::string>> here;
      for (const auto& a : p->actions) {
        auto key = std::make_pair(a.fiche, a.action);
        if (!here.insert(key).second) {
          out.error("CHRONOLOGIE", a.at("action"),
                    fmt::format("l'action {} de la fiche {} apparaît deux fois dans la période {}", guillemets(a.action),
                                guillemets(a.fiche), p->periode),
                    "une action a un seul état par période : gardez le plus récent");
          continue;
        }
        by_action[key].push_back(&a);
      }
    }
    for (const auto& [key, states] : by_action)
      for (std::size_t i = 1; i < states.size(); ++i) {
        const TrackedAction& before = *states[i - 1];
        const TrackedAction& now = *states[i];
        if (now.date < before.date)
          out.error("CHRONOLOGIE", now.at("date"),
                    fmt::format("action {} : état {} daté du {}, avant l'état {} déjà déclaré au {} (ligne {})",
                                key.second, guillemets(label_of(now.etat)), dated(now.date),
                                guillemets(label_of(before.etat)), dated(before.date), before.loc.line),
                    "les états d'une action se suivent dans le temps : vérifiez les deux dates", 10);
        else if (before.etat == ActionState::Realisee && now.etat != ActionState::Realisee)
          out.error("CHRONOLOGIE", now.at("etat"),
                    fmt::format("action {} : déclarée réalisée le {} (ligne {}), puis {} le {}", key.second,
                                dated(before.date), before.loc.line, guillemets(label_of(now.etat)), dated(now.date)),
                    now.etat == ActionState::Engagee
                        ? "une action est engagée avant d'être réalisée : corrigez l'état ou la date de l'une des deux"
                        : "une action réalisée le reste : corrigez l'état de la période précédente",
                    span_of(std::string(key_of(now.etat))));
      }
  }
};

}  // namespace

namespace {

// The year of a well-formed period (« 2027 », « 2027-T3 », « 2027-S1 »), whatever its value.
std::optional<int> period_year(std::string_view s) {
  if (s.size() < 4 || !std::all_of(s.begin(), s.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  int n = s.size() == 7 ? s[6] - '0' : 0;
  bool part = s.size() == 7 && s[4] == '-' && ((s[5] == 'T' && n >= 1 && n <= 4) || (s[5] == 'S' && n >= 1 && n <= 2));
  if (s.size() != 4 && !part) return std::nullopt;
  return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
}

}  // namespace

std::optional<Bounds> bounds(std::string_view s) {
  auto y = period_year(s);
  if (!y || *y < min_year || *y > max_year) return std::nullopt;
  int year = *y;
  if (s.size() == 4) return Bounds{{year, 1, 1}, {year, 12, 31}};
  int n = s[6] - '0';
  if (s[5] == 'T') return Bounds{{year, 3 * n - 2, 1}, last_day(year, 3 * n)};
  return Bounds{{year, 6 * n - 5, 1}, last_day(year, 6 * n)};
}

std::optional<Date> latest_date(const Ctg& ctg) {
  std::optional<Date> out;
  for (const auto& p : ctg.suivi)
    if (auto b = bounds(p.periode); b && (!out || b->fin > *out)) out = b->fin;
  return out;
}

void check(const Ctg& ctg, Diagnostics& out) {
  Checker c{ctg, out};
  std::vector<const TrackingPeriod*> periods;
  for (const auto& p : ctg.suivi) {
    auto b = bounds(p.periode);
    if (!b) {  // a malformed period is reported by the format; a well-formed one outside 1900–2200, here
      if (auto y = period_year(p.periode))
        out.error("PERIODE", p.at("periode"),
                  fmt::format("la période {} (année {}) est hors des dates de la CTG ({} – {})", p.periode, *y,
                              dated(ctg.convention.debut), dated(ctg.convention.fin)),
                  "le suivi couvre la durée de la convention : vérifiez l'année de la période", span_of(p.periode));
      continue;
    }
    if (b->fin < ctg.convention.debut || b->debut > ctg.convention.fin) {
      out.error("PERIODE", p.at("periode"),
                fmt::format("la période {} ({} – {}) est hors des dates de la CTG ({} – {})", p.periode,
                            dated(b->debut), dated(b->fin), dated(ctg.convention.debut), dated(ctg.convention.fin)),
                "le suivi couvre la durée de la convention : vérifiez l'année de la période", span_of(p.periode));
      continue;
    }
    periods.push_back(&p);
    for (const auto& a : p.actions) c.action(a, p, *b);
    for (const auto& v : p.indicateurs) c.indicator(v, p, *b);
    for (const auto& pl : p.places) c.places(pl, p, *b);
    for (const auto& r : p.rpe) c.rpe(r, p, *b);
  }
  std::stable_sort(periods.begin(), periods.end(), [](const TrackingPeriod* a, const TrackingPeriod* b) {
    return bounds(a->periode)->debut < bounds(b->periode)->debut;
  });
  c.chronology(periods);
}

}  // namespace ctg::format::suivi
