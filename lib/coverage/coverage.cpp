// SPDX-License-Identifier: EUPL-1.2
#include "coverage/coverage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <unordered_set>

#include "base/french.hpp"
#include "base/text.hpp"
#include "format/vocabulary.hpp"

namespace ctg::coverage {

std::string_view key_of(Component c) {
  switch (c) {
    case Component::EajePsu: return "eaje_psu";
    case Component::MicroCrechePaje: return "micro_creche_paje";
    case Component::Prescolarisation: return "prescolarisation";
    case Component::AssistantsMaternels: return "assistants_maternels";
    case Component::GardeDomicile: return "garde_domicile";
  }
  return "?";
}

std::string_view label_of(Component c) {
  switch (c) {
    case Component::EajePsu: return "EAJE PSU";
    case Component::MicroCrechePaje: return "Micro-crèches PAJE";
    case Component::Prescolarisation: return "Préscolarisation";
    case Component::AssistantsMaternels: return "Assistants maternels (MAM comprises)";
    case Component::GardeDomicile: return "Garde à domicile";
  }
  return "?";
}

std::string_view key_of(Rate r) {
  switch (r) {
    case Rate::Psu: return "psu";
    case Rate::Eaje: return "eaje";
    case Rate::Prescolarisation: return "prescolarisation";
    case Rate::AssistantsMaternels: return "assistants_maternels";
    case Rate::GardeDomicile: return "garde_domicile";
    case Rate::Individuel: return "individuel";
    case Rate::Global: return "global";
  }
  return "?";
}

std::string_view label_of(Rate r) {
  switch (r) {
    case Rate::Psu: return "Taux EAJE PSU";
    case Rate::Eaje: return "Taux EAJE (PSU et PAJE)";
    case Rate::Prescolarisation: return "Taux préscolarisation";
    case Rate::AssistantsMaternels: return "Taux assistants maternels";
    case Rate::GardeDomicile: return "Taux garde à domicile";
    case Rate::Individuel: return "Taux accueil individuel";
    case Rate::Global: return "Taux de couverture global";
  }
  return "?";
}

std::string Column::label() const { return year ? std::to_string(*year) : std::string("actuel"); }

namespace {
// Products of two decimals' units overflow 64 bits for extreme inputs.
using wide = wide_int;

// num ÷ den rounded half up, if it fits (it always does for counts the format accepts).
std::optional<std::int64_t> rounded_tenths(wide num, std::int64_t den) {
  wide q = num / den;
  if (2 * (num % den) >= den) ++q;
  if (q > static_cast<wide>(INT64_MAX)) return std::nullopt;
  return static_cast<std::int64_t>(q);
}
}  // namespace

std::optional<std::int64_t> ratio_tenths(Decimal a, Decimal b) {
  if (b.units <= 0 || a.units < 0) return std::nullopt;
  // 10 × a ÷ b, exact on the decimals' units, rounded half up.
  const wide num = static_cast<wide>(a.units) * 10;
  return rounded_tenths(num, b.units);
}

std::optional<std::int64_t> rate_tenths(Decimal places, Decimal children) {
  if (children.units <= 0 || places.units < 0) return std::nullopt;
  return rounded_tenths(static_cast<wide>(places.units) * 1000, children.units);
}

std::int64_t places_to_reach(Decimal target, Decimal places, Decimal children) {
  // required = target × children ÷ 100, in units of 1/10 000 place.
  const wide required = static_cast<wide>(target.units) * children.units / (100 * Decimal::scale);
  const wide gap = required - places.units;
  if (gap <= 0) return 0;
  const wide places_needed = (gap + Decimal::scale - 1) / Decimal::scale;
  const wide most = std::numeric_limits<std::int64_t>::max();
  return static_cast<std::int64_t>(places_needed > most ? most : places_needed);
}

namespace {

// The offer lines of a component: the childminders' component takes the MAM too.
bool counts_for(OfferMode m, Component c) {
  switch (c) {
    case Component::EajePsu: return m == OfferMode::EajePsu;
    case Component::MicroCrechePaje: return m == OfferMode::MicroCrechePaje;
    case Component::Prescolarisation: return m == OfferMode::Prescolarisation;
    case Component::AssistantsMaternels: return m == OfferMode::AssistantsMaternels || m == OfferMode::Mam;
    case Component::GardeDomicile: return m == OfferMode::GardeDomicile;
  }
  return false;
}

std::optional<Decimal> value_in(const OfferLine& l, std::optional<int> year) {
  if (!year) return l.actuel;
  auto it = l.projection.find(*year);
  return it == l.projection.end() ? std::nullopt : it->second;
}

void add(Amount& a, Decimal v, Source s) {
  a.value = a.value.value_or(Decimal{}) + v;
  a.sources.push_back(std::move(s));
}

std::string party_name(const Ctg& ctg, const std::string& id) {
  const Party* p = ctg.party(id);
  return p ? p->nom : id;
}

const CoverageData* data_for(const Ctg& ctg, const std::optional<std::string>& perimeter) {
  return ctg.coverage_data(perimeter);
}

// A value of a series for a column; a projected year without its own figure
// takes the current one, and says so.
std::optional<Decimal> series_value(const Series& s, std::optional<int> year, std::string& carried) {
  if (year) {
    auto it = s.projection.find(*year);
    if (it != s.projection.end()) return it->second;
    if (s.actuel) carried = s.annee ? fmt::format("chiffre {} reporté", *s.annee) : "chiffre actuel reporté";
  }
  return s.actuel;
}

Amount children_for(const Ctg& ctg, const std::optional<std::string>& perimeter, std::optional<int> year) {
  Amount a;
  if (const CoverageData* d = data_for(ctg, perimeter); d && d->enfants_moins_3_ans) {
    std::string carried;
    if (auto v = series_value(*d->enfants_moins_3_ans, year, carried)) {
      std::string what = "données de couverture, enfants de moins de 3 ans";
      if (!carried.empty()) what += " (" + carried + ")";
      add(a, *v, {what, d->enfants_moins_3_ans->loc});
      return a;
    }
    // A year left blank on purpose is missing: no other figure stands in.
    a.missing.push_back("enfants de moins de 3 ans (case vide dans donnees_couverture)");
    return a;
  }
  if (ctg.diagnostic)
    for (const auto& i : ctg.diagnostic->indicateurs)
      if (i.mesure == Measure::EnfantsMoins3Ans && i.perimetre == perimeter) {
        std::string what = fmt::format("diagnostic, indicateur « {} »", i.id);
        if (year) what += i.annee ? fmt::format(" (chiffre {} reporté)", *i.annee) : " (chiffre reporté)";
        add(a, i.valeur, {what, i.at("valeur")});
        return a;
      }
  a.missing.push_back("enfants de moins de 3 ans (clé donnees_couverture › enfants_moins_3_ans)");
  return a;
}

void finish_rates(Column& c, const Options& options) {
  auto part = [&](Component k) -> const Amount& { return c.places.at(k); };
  c.total = Amount{};
  for (Component k : components) {
    const Amount& a = part(k);
    if (a.value) c.total.value = c.total.value.value_or(Decimal{}) + *a.value;
    if (!a.known()) c.missing.push_back(fmt::format("{} : non renseigné", label_of(k)));
    else
      for (const auto& m : a.missing) c.missing.push_back(fmt::format("{} : {}", label_of(k), m));
  }
  if (!c.children.known())
    c.missing.push_back("enfants de moins de 3 ans : non renseigné (clé donnees_couverture › enfants_moins_3_ans)");
  else if (c.children.value && c.children.value->units <= 0)
    c.missing.push_back("enfants de moins de 3 ans : 0, dénominateur nul ; aucun taux ne se calcule (clé "
                        "donnees_couverture › enfants_moins_3_ans)");
  auto rate = [&](std::initializer_list<Component> ks) -> std::optional<std::int64_t> {
    if (!c.children.value) return std::nullopt;
    Decimal sum;
    bool any = false;
    for (Component k : ks)
      if (part(k).value) {
        sum = sum + *part(k).value;
        any = true;
      }
    if (!any) return std::nullopt;
    return rate_tenths(sum, *c.children.value);
  };
  c.tenths[Rate::Psu] = rate({Component::EajePsu});
  c.tenths[Rate::Eaje] = rate({Component::EajePsu, Component::MicroCrechePaje});
  c.tenths[Rate::Prescolarisation] = rate({Component::Prescolarisation});
  c.tenths[Rate::AssistantsMaternels] = rate({Component::AssistantsMaternels});
  c.tenths[Rate::GardeDomicile] = rate({Component::GardeDomicile});
  c.tenths[Rate::Individuel] = rate({Component::AssistantsMaternels, Component::GardeDomicile});
  c.tenths[Rate::Global] = rate({Component::EajePsu, Component::MicroCrechePaje, Component::Prescolarisation,
                                 Component::AssistantsMaternels, Component::GardeDomicile});
  if (options.target && c.children.value && c.total.value)
    c.places_to_target = places_to_reach(*options.target, *c.total.value, *c.children.value);
}

// The share of childminders' places counted for an AO, and the note it needs.
std::optional<Decimal> am_share(const Ctg& ctg, const std::string& ao) {
  if (const CoverageData* d = data_for(ctg, ao); d && d->part_am_moins_3_ans) return d->part_am_moins_3_ans;
  if (const CoverageData* d = data_for(ctg, std::nullopt); d && d->part_am_moins_3_ans) return d->part_am_moins_3_ans;
  return std::nullopt;
}

Perimeter ao_perimeter(const Ctg& ctg, const OfferTable& t, const std::vector<std::optional<int>>& cols,
                       const Options& options) {
  Perimeter p;
  p.id = t.ao;
  p.name = party_name(ctg, t.ao) + (t.zone ? " — " + *t.zone : "");
  p.tables.push_back({"tableau d'offre " + fr::of_place(p.name), t.loc});
  auto share = am_share(ctg, t.ao);
  if (share)
    p.notes.push_back(fmt::format("places d'assistants maternels comptées à {}\u00A0% (part occupée par des enfants "
                                  "de moins de 3 ans)",
                                  fr::decimal(*share)));
  else
    p.notes.push_back(
        "part des places d'assistants maternels occupée par des enfants de moins de 3 ans non renseignée "
        "(part_am_moins_3_ans) : toutes les places sont comptées, le taux est surestimé d'autant");
  for (auto year : cols) {
    Column c;
    c.year = year;
    for (Component k : components) {
      Amount a;
      for (const auto& l : t.lignes) {
        if (!counts_for(l.mode, k)) continue;
        std::string line = l.libelle ? *l.libelle : std::string(ctg::label_of(l.mode));
        auto v = value_in(l, year);
        if (!v) {
          a.missing.push_back(fmt::format("ligne « {} » non renseignée", line));
          continue;
        }
        Decimal counted = *v;
        if (k == Component::AssistantsMaternels && share)
          counted = Decimal{static_cast<std::int64_t>(static_cast<wide>(v->units) * share->units /
                                                      Decimal::from_int(100).units)};
        add(a, counted, {fmt::format("tableau d'offre {}, ligne « {} »", fr::of_place(p.name), line),
                         year ? l.at("projection") : l.at("actuel")});
      }
      // No line gives a figure for this column: the component is missing
      // altogether (« non renseigné »), not partial.
      if (!a.value) a.missing.clear();
      c.places[k] = std::move(a);
    }
    c.children = children_for(ctg, t.ao, year);
    finish_rates(c, options);
    p.columns.push_back(std::move(c));
  }
  return p;
}

Perimeter whole_perimeter(const Ctg& ctg, const std::vector<Perimeter>& aos,
                          const std::vector<std::optional<int>>& cols, const Options& options) {
  Perimeter w;
  w.whole = true;
  w.name = "Territoire de la CTG";
  if (aos.size() > 1)
    w.notes.push_back(fmt::format("places : somme des tableaux d'offre des {} AO", aos.size()));
  std::vector<std::string> full_am;
  for (const auto& p : aos) {
    w.tables.insert(w.tables.end(), p.tables.begin(), p.tables.end());
    if (!am_share(ctg, p.id)) full_am.push_back(p.name);
  }
  if (!full_am.empty())
    w.notes.push_back(fmt::format("part des places d'assistants maternels occupée par des enfants de moins de 3 ans "
                                  "non renseignée pour {} : toutes leurs places sont comptées",
                                  join_french(full_am)));
  // AOs of the AO table without an offer table: the places of one that
  // plans (3°) are missing; one that does not plan has none by right, which
  // is an assumption of the figures (its places are in its EPCI's table when
  // it transferred 3°, not counted when 3° is « sans objet »).
  std::vector<std::string> uncounted, transferred, not_planning;
  std::unordered_set<std::string_view> with_table;
  for (const auto& p : aos) with_table.insert(p.id);
  for (const auto& a : ctg.autorites_organisatrices) {
    if (with_table.count(a.ao)) continue;
    auto& list = a.competences.planifier == CompetenceStatus::Exercee     ? uncounted
                 : a.competences.planifier == CompetenceStatus::Transferee ? transferred
                                                                            : not_planning;
    list.push_back(party_name(ctg, a.ao));
  }
  if (!transferred.empty())
    w.notes.push_back(fmt::format("{} {} transféré la compétence 3° (planifier) : pas de tableau d'offre propre, "
                                  "{} places sont comptées dans celui de l'EPCI",
                                  join_french(transferred), transferred.size() > 1 ? "ont" : "a",
                                  transferred.size() > 1 ? "leurs" : "ses"));
  if (!not_planning.empty())
    w.notes.push_back(fmt::format("{} n'exerce{} pas la compétence 3° (planifier, « sans objet ») : pas de tableau "
                                  "d'offre, {} places ne sont pas comptées",
                                  join_french(not_planning), not_planning.size() > 1 ? "nt" : "",
                                  not_planning.size() > 1 ? "leurs" : "ses"));
  for (std::size_t i = 0; i < cols.size(); ++i) {
    Column c;
    c.year = cols[i];
    for (Component k : components) {
      Amount sum;
      for (const auto& p : aos) {
        const Amount& part = p.columns[i].places.at(k);
        if (part.value) {
          sum.value = sum.value.value_or(Decimal{}) + *part.value;
          sum.sources.insert(sum.sources.end(), part.sources.begin(), part.sources.end());
        }
        if (!part.known()) sum.missing.push_back(fmt::format("non renseigné pour {}", p.name));
        else if (!part.missing.empty()) sum.missing.push_back(fmt::format("incomplet pour {}", p.name));
      }
      // Not known anywhere: the component is missing, not partial.
      if (!sum.value) sum.missing.clear();
      c.places[k] = std::move(sum);
    }
    c.children = children_for(ctg, std::nullopt, c.year);
    finish_rates(c, options);
    for (const auto& u : uncounted)
      c.missing.push_back(fmt::format("places {} : non comptées (pas de tableau d'offre)", fr::of_place(u)));
    w.columns.push_back(std::move(c));
  }
  return w;
}

std::vector<Ratio> ratios_for(const Ctg& ctg, const std::optional<std::string>& perimeter, const OfferTable* table) {
  std::vector<Ratio> out;
  const CoverageData* d = data_for(ctg, perimeter);
  auto per_100 = [&](const char* key, const char* label, const std::optional<Series>* places,
                     const std::optional<Series>* people, const char* missing_what) {
    Ratio r{key, label, std::nullopt, {}};
    if (d && places->has_value() && people->has_value() && (*places)->actuel && (*people)->actuel &&
        (*people)->actuel->units > 0) {
      r.tenths = rate_tenths(*(*places)->actuel, *(*people)->actuel);
      r.detail = fmt::format("{} places pour {} enfants ou jeunes", fr::decimal(*(*places)->actuel),
                             fr::decimal(*(*people)->actuel));
    } else {
      r.detail = fmt::format("non calculable : {} non renseignés (donnees_couverture)", missing_what);
    }
    out.push_back(std::move(r));
  };
  static const std::optional<Series> none;
  per_100("alsh_3_11_ans", "Places en ALSH pour 100 enfants de 3 à 11 ans", d ? &d->places_alsh : &none,
          d ? &d->enfants_3_11_ans : &none, "places_alsh ou enfants_3_11_ans");
  per_100("jeunesse_12_17_ans", "Places en accueil de jeunes pour 100 jeunes de 12 à 17 ans",
          d ? &d->places_jeunesse : &none, d ? &d->jeunes_12_17_ans : &none, "places_jeunesse ou jeunes_12_17_ans");

  // Childminders per full-time RPE post (guideline: about 70).
  Ratio am{"am_par_etp_rpe", "Assistants maternels par ETP de RPE (repère : environ 70)", std::nullopt, {}};
  std::optional<Decimal> count, etp;
  if (table) {
    for (const auto& l : table->lignes) {
      if (l.mode == OfferMode::AssistantsMaternels && l.structures) count = Decimal::from_int(*l.structures);
      if (l.mode == OfferMode::Rpe && l.actuel) etp = etp.value_or(Decimal{}) + *l.actuel;
    }
  } else if (ctg.diagnostic) {
    for (const auto& i : ctg.diagnostic->indicateurs) {
      if (i.perimetre) continue;
      if (i.mesure == Measure::AssistantsMaternelsNombre) count = i.valeur;
      if (i.mesure == Measure::RpeEtp) etp = i.valeur;
    }
  }
  if (count && etp && etp->units > 0) {
    am.tenths = ratio_tenths(*count, *etp);
    am.detail = fmt::format("{} assistants maternels pour {} ETP", fr::decimal(*count), fr::decimal(*etp));
  } else {
    am.detail = table ? "non calculable : nombre d'assistants maternels (structures de la ligne) ou ETP du RPE "
                        "non renseigné"
                      : "non calculable : indicateurs assistants_maternels_nombre ou rpe_etp absents du diagnostic";
  }
  out.push_back(std::move(am));
  return out;
}

std::optional<Stated> compare_stated(const Ctg& ctg, const Perimeter& whole) {
  if (!ctg.diagnostic) return std::nullopt;
  for (const auto& i : ctg.diagnostic->indicateurs) {
    if (i.mesure != Measure::TauxCouvertureGlobal || i.perimetre) continue;
    Stated s;
    s.value = i.valeur;
    s.source = fmt::format("diagnostic, indicateur « {} »", i.id);
    s.loc = i.at("valeur");
    const Column& now = whole.columns.front();
    s.computed_tenths = now.tenths.at(Rate::Global);
    s.column = now.label();
    if (whole.columns.size() > 1) {
      s.first_year_tenths = whole.columns[1].tenths.at(Rate::Global);
      s.first_year = whole.columns[1].label();
    }
    if (i.unite == Unit::Pourcentage)
      s.reasons.push_back("le taux est indiqué en %, or le taux Cnaf est en places pour 100 enfants (il peut "
                          "dépasser 100)");
    for (const auto& m : now.missing) s.reasons.push_back(m);
    if (i.annee) s.reasons.push_back(fmt::format("le taux indiqué décrit l'année {}", *i.annee));
    for (const auto& n : whole.notes) s.reasons.push_back(n);
    return s;
  }
  return std::nullopt;
}

}  // namespace

Report compute(const Ctg& ctg, const Options& options) {
  Report r;
  r.target = options.target;
  std::vector<std::optional<int>> cols{std::nullopt};
  for (int y : ctg.years()) cols.push_back(y);
  for (const auto& t : ctg.offre_petite_enfance) {
    Perimeter p = ao_perimeter(ctg, t, cols, options);
    p.ratios = ratios_for(ctg, t.ao, &t);
    r.perimeters.push_back(std::move(p));
  }
  Perimeter whole = whole_perimeter(ctg, r.perimeters, cols, options);
  whole.ratios = ratios_for(ctg, std::nullopt, nullptr);
  r.stated = compare_stated(ctg, whole);
  r.perimeters.push_back(std::move(whole));
  return r;
}

}  // namespace ctg::coverage
