// SPDX-License-Identifier: EUPL-1.2
// AO-1 … AO-12: the competences of the autorités organisatrices de
// l'accueil du jeune enfant, art. L214-1-3 CASF.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "format/designation.hpp"
#include "base/french.hpp"
#include "rules/population.hpp"
#include "rules/checks.hpp"
#include "base/text.hpp"
#include "format/vocabulary.hpp"

namespace ctg::rules {

namespace {

constexpr std::int64_t small = 3500;   // « communes de plus de 3 500 habitants »
constexpr std::int64_t large = 10000;  // « communes de plus de 10 000 habitants »


const char* ordinal(Competence c) {
  switch (c) {
    case Competence::Recenser: return "1°";
    case Competence::Informer: return "2°";
    case Competence::Planifier: return "3°";
    case Competence::Qualite: return "4°";
  }
  return "?";
}

// A commune by its name, an EPCI or a syndicat by its designation (population.hpp).
std::string name_of(const Ctg& ctg, const std::string& id) { return ao_name(ctg, id); }

constexpr Competence all_competences[] = {Competence::Recenser, Competence::Informer, Competence::Planifier,
                                          Competence::Qualite};

// The figure the thresholds of competence c are tested on, for the body that
// holds c in entry e, at date `at` (an EPCI's: the transfers in force then).
std::optional<PopulationFigure> figure_for(const Ctg& ctg, const AoEntry& e, Competence c,
                                           const std::optional<Date>& at) {
  const Party* p = ctg.party(e.ao);
  if (p && is_grouping(*p)) return transferred_population(e, c, at, &ctg);
  return commune_population(ctg, e, at);
}

// The AO table by party id: the loader's index (Ctg::ao_entry), not a scan per commune.
class AoIndex {
 public:
  explicit AoIndex(const Ctg& ctg) : ctg_(ctg) {}
  const AoEntry* find(std::string_view id) const { return ctg_.ao_entry(id); }

 private:
  const Ctg& ctg_;
};

bool holds(const AoEntry& e, Competence c) { return e.competences.of(c) == CompetenceStatus::Exercee; }

Loc competence_loc(const AoEntry& e, Competence c) { return e.competences.at(key_of(c)); }

bool cites(const Transfer& t, Competence c) {
  return std::find(t.competences.begin(), t.competences.end(), c) != t.competences.end();
}

// Before 1 January 2025 the communes are not yet AO (art. 17 of loi
// n° 2023-1196): no AO rule applies. Without an AO table the CTG does not
// say who exercises what (EPCI membership is not a transfer, L5211-17
// CGCT): no rule that reads the table applies; AO-1 says it once.
bool ao_regime(Context& ctx) { return !(ctx.at < ao_regime_start); }
bool has_table(const Ctg& ctg) { return !ctg.autorites_organisatrices.empty(); }

// Who exercises competence c for a commune: itself, its EPCI, or nobody
// (with why, in `problem`, and what to do, in `hint`).
struct Holder {
  const AoEntry* entry = nullptr;
  std::string problem;  // empty when someone holds it
  std::string hint;
};

Holder holder_for_commune(const Ctg& ctg, const AoIndex& index, const Party& commune, Competence c, Date at) {
  const AoEntry* own = index.find(commune.id);
  if (own && own->competences.of(c) == CompetenceStatus::Exercee) return {own, {}, {}};
  if (own && own->competences.of(c) == CompetenceStatus::SansObjet)
    return {nullptr, fmt::format("{} : la compétence {} est « sans objet »", commune.nom, competence_name(c)),
            "indiquez « exercee », ou « transferee » si l'EPCI l'exerce (et inscrivez-le au tableau)"};
  // Transferred, or not in the AO table: its EPCI must hold it.
  if (!commune.epci)
    return {nullptr,
            own ? fmt::format("{} transfère la compétence {} mais n'est membre d'aucun EPCI (clé « epci »)",
                              commune.nom, competence_name(c))
                : fmt::format("{} ne figure pas au tableau des autorités organisatrices et n'est membre "
                              "d'aucun EPCI (clé « epci ») : personne n'exerce pour elle la compétence {}",
                              commune.nom, competence_name(c)),
            own ? "indiquez l'EPCI de la commune (clé epci), ou « exercee » si elle exerce la compétence"
                : "inscrivez la commune au tableau des autorités organisatrices, ou indiquez son EPCI (clé epci)"};
  const AoEntry* group = index.find(*commune.epci);
  if (!group || !holds(*group, c))
    return {nullptr,
            fmt::format("{} {} la compétence {} {}, qui ne l'exerce pas au tableau des autorités "
                        "organisatrices",
                        commune.nom, own ? "transfère" : "est censée transférer", competence_name(c),
                        to_ao(ctg, *commune.epci)),
            own ? "inscrivez l'EPCI au tableau avec la compétence exercée, ou indiquez « exercee » pour la commune"
                : "inscrivez la commune au tableau des autorités organisatrices avec ses compétences, ou l'EPCI "
                  "avec la compétence exercée"};
  // When every transfer of c lists its communes, this one must be in one of
  // them (several transfers may cite the same competence).
  // A commune listed only in transfers not (yet, or any longer) in force is still the AO
  // itself (the entry found only says someone holds c).
  bool any = false, open = false, listed = false, later = false;
  for (const auto& t : group->transferts) {
    if (!cites(t, c)) continue;
    bool here = std::any_of(t.communes.begin(), t.communes.end(), [&](const TransferringCommune& tc) {
      return tc.partie == commune.id || tc.nom == commune.nom;
    });
    if (!in_force(t, at)) {
      later = later || here;
      continue;
    }
    any = true;
    if (t.communes.empty()) open = true;
    listed = listed || here;
  }
  if (later && !listed) return {own ? own : group, {}, {}};
  if (any && !open && !listed)
    return {nullptr,
            fmt::format("{} n'est dans aucune des listes de communes ayant transféré la compétence {} {}",
                        commune.nom, competence_name(c), to_ao(ctg, *commune.epci)),
            "ajoutez la commune à la liste (clé communes) du transfert de cette compétence, ou indiquez qu'elle "
            "l'exerce elle-même"};
  return {group, {}, {}};
}

// AO-1 and AO-2: every commune exercises 1° and 2°, itself or through its EPCI.

void mandatory_for_all(Context& ctx, Competence c) {
  if (!ao_regime(ctx) || !has_table(ctx.ctg)) return;
  AoIndex index(ctx.ctg);
  for (const auto& p : ctx.ctg.parties) {
    if (p.type != PartyType::Commune) continue;
    Holder h = holder_for_commune(ctx.ctg, index, p, c, ctx.at);
    if (h.entry) continue;
    const AoEntry* own = index.find(p.id);
    ctx.error(own ? competence_loc(*own, c) : p.loc,
              fmt::format("{} : la compétence {} est obligatoirement exercée par toutes les communes, par elles-mêmes "
                          "ou par l'EPCI auquel elles l'ont transférée",
                          h.problem, competence_name(c)),
              h.hint);
  }
  // An EPCI does not transfer: « transferee » is for communes.
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    const Party* p = ctx.ctg.party(e.ao);
    if (p && is_grouping(*p) && e.competences.of(c) == CompetenceStatus::Transferee)
      ctx.error(competence_loc(e, c),
                fmt::format("{} est un EPCI ou un syndicat : « transferee » ne s'applique qu'à une commune",
                            name_of(ctx.ctg, p->id)),
                "pour l'EPCI, indiquez « exercee » (compétence reçue des communes) ou « sans_objet »");
  }
}

// AO-3 and AO-4: 3° and 4° are mandatory above 3 500 inhabitants. One
// finding per commune and cause: AO-3 speaks for both competences when 3°
// is concerned, AO-4 only when 4° alone is.

// Of 3° and 4°, those that a commune in the AO table marks « sans objet ».
std::vector<Competence> sans_objet(const AoEntry& e) {
  std::vector<Competence> out;
  for (Competence c : {Competence::Planifier, Competence::Qualite})
    if (e.competences.of(c) == CompetenceStatus::SansObjet) out.push_back(c);
  return out;
}

std::string competence_names(const std::vector<Competence>& cs) {
  std::vector<std::string> names;
  for (Competence c : cs) names.push_back(competence_name(c));
  return join_french(names);
}

bool speaks_for(Competence rule_c, const std::vector<Competence>& cs) {
  if (cs.empty()) return false;
  return rule_c == Competence::Planifier ? cs.front() == Competence::Planifier
                                         : cs.size() == 1 && cs.front() == Competence::Qualite;
}

void mandatory_above_small(Context& ctx, Competence c) {
  if (!ao_regime(ctx) || !has_table(ctx.ctg)) return;
  AoIndex index(ctx.ctg);
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    const Party* p = ctx.ctg.party(e.ao);
    if (!p || is_grouping(*p)) continue;
    auto cs = sans_objet(e);
    if (!speaks_for(c, cs)) continue;
    auto pop = commune_population(ctx.ctg, e, ctx.at);
    if (!pop) continue;  // AO-10 says the population is missing
    Side side = compare(*pop, small);
    bool two = cs.size() > 1;
    if (side == Side::Above)
      ctx.error(competence_loc(e, c),
                fmt::format("{} : {} > 3 500 ; {} {} {} obligatoire{} pour les communes de plus de 3 500 habitants, "
                            "{} ne {} être « sans objet »",
                            p->nom, pop->describe(), two ? "les compétences" : "la compétence", competence_names(cs),
                            two ? "sont" : "est", two ? "s" : "", two ? "elles" : "elle", two ? "peuvent" : "peut"),
                "indiquez « exercee », ou « transferee » si la commune l'a transférée à son EPCI");
    else if (side == Side::Unknown)
      ctx.warning(competence_loc(e, c),
                  fmt::format("{} : {} « sans objet », mais la population ({}) ne dit pas si la commune dépasse "
                              "3 500 habitants, seuil au-delà duquel {} obligatoire{}",
                              p->nom, two ? "compétences " + competence_names(cs) : "compétence " + competence_names(cs),
                              pop->describe(), two ? "elles sont" : "elle est", two ? "s" : ""),
                  "indiquez la population totale de la commune (clé population)");
  }
  // A commune that transferred c, or that is not in the AO table: its EPCI
  // must hold c when the commune is above 3 500 (when in the table and
  // « transferee », whatever its population).
  for (const auto& p : ctx.ctg.parties) {
    if (p.type != PartyType::Commune) continue;
    const AoEntry* own = index.find(p.id);
    if (own && own->competences.of(c) != CompetenceStatus::Transferee) continue;
    if (own) {
      Holder h = holder_for_commune(ctx.ctg, index, p, c, ctx.at);
      if (!h.entry) ctx.error(competence_loc(*own, c), h.problem, h.hint);
      continue;
    }
    // Absent from the table: 3° and 4° fall to the EPCI, if it holds them.
    std::vector<Competence> nobody;
    for (Competence k : {Competence::Planifier, Competence::Qualite})
      if (!holder_for_commune(ctx.ctg, index, p, k, ctx.at).entry) nobody.push_back(k);
    const Population* own_pop = population_at(p, ctx.at);
    if (!speaks_for(c, nobody) || !own_pop) continue;
    PopulationFigure pop = from(*own_pop, "population de la partie");
    if (compare(pop, small) != Side::Above) continue;
    // The real cause, said by the holder: no EPCI, an EPCI that does not
    // hold the competence, or a commune in none of its transfer lists.
    bool two = nobody.size() > 1;
    Holder h = holder_for_commune(ctx.ctg, index, p, nobody.front(), ctx.at);
    std::string cause = p.epci ? h.problem : "elle n'est membre d'aucun EPCI (clé « epci »)";
    ctx.error(p.loc,
              fmt::format("{} ({}) ne figure pas au tableau des autorités organisatrices, et personne n'exerce pour "
                          "elle {} {}, obligatoire{} au-delà de 3 500 habitants : {}",
                          p.nom, pop.describe(), two ? "les compétences" : "la compétence", competence_names(nobody),
                          two ? "s" : "", cause),
              h.hint);
  }
}

bool has_rpe(const Ctg& ctg, const AoEntry& e, const Date& at) {
  for (const auto& t : ctg.offre_petite_enfance) {
    if (t.ao != e.ao) continue;
    for (const auto& l : t.lignes) {
      if (l.mode != OfferMode::Rpe) continue;
      auto y = l.projection.find(at.year);
      std::optional<Decimal> v = y != l.projection.end() && y->second ? y->second : l.actuel;
      if (v && v->units > 0) return true;
    }
  }
  // An equipment of type rpe serves its commune (partie) and the parties it
  // names (dessert): a relais shared by convention meets each one's obligation.
  auto serves = [&](const std::string& id) {
    if (id == e.ao) return true;
    const Party* commune = ctg.party(id);
    return commune && commune->epci == e.ao;
  };
  for (const auto& eq : ctg.equipements) {
    if (eq.type != EquipmentType::Rpe) continue;
    if (eq.partie && serves(*eq.partie)) return true;
    if (std::any_of(eq.dessert.begin(), eq.dessert.end(), serves)) return true;
  }
  return false;
}

// What makes a figure doubtful as the legal one (AO-10): a warning when it
// may decide an obligation wrongly (municipal, or within 5 % of a threshold),
// a remark when no threshold is within reach (year or nature not given).
void population_caveat(Context& ctx, const std::string& name, const PopulationFigure& f) {
  std::vector<std::string> why;
  bool serious = false;
  if (f.nature == PopulationNature::Municipale) {
    why.push_back("c'est une population municipale, alors que la loi retient la population totale (municipale "
                  "et comptée à part)");
    serious = true;
  }
  if (f.nature == PopulationNature::Inconnue)
    why.push_back("sa nature (totale ou municipale) n'est pas précisée, alors que la loi retient la population "
                  "totale");
  if (!f.year) why.push_back("son millésime n'est pas indiqué, alors que le chiffre légal change chaque année");
  for (std::int64_t t : {small, large})
    if (f.value && *f.value * 100 >= t * 95 && *f.value * 100 <= t * 105) {
      why.push_back(fmt::format("elle est à moins de 5 % du seuil de {} habitants", fr::integer(t)));
      serious = true;
    }
  if (why.empty()) return;
  std::string message = fmt::format("{} : la population retenue ({}) décide des compétences obligatoires, mais {}",
                                    name, f.describe(), join_french(why));
  std::string hint = "indiquez la population totale authentifiée au 1er janvier, avec nature: totale et son millésime";
  if (serious) return ctx.warning(f.loc, std::move(message), std::move(hint));
  if (f.value) message += " ; aucun seuil (3 500 ou 10 000 habitants) n'est à moins de 5 %";
  ctx.note(f.loc, std::move(message), std::move(hint));
}

}  // namespace

std::vector<const AoEntry*> aos_needing_schema(const Ctg& ctg, const std::optional<Date>& at) {
  std::vector<const AoEntry*> out;
  for (const auto& e : ctg.autorites_organisatrices) {
    if (!holds(e, Competence::Planifier)) continue;
    auto pop = figure_for(ctg, e, Competence::Planifier, at);
    if (pop && compare(*pop, large) == Side::Above) out.push_back(&e);
  }
  return out;
}

namespace checks {

void ao_1(Context& ctx) {
  const auto& cv = ctx.ctg.convention;
  if (cv.debut < ao_regime_start && !(cv.fin < ao_regime_start))
    ctx.period_note(cv.at("debut"),
                    fmt::format("la CTG commence le {}, avant le régime des autorités organisatrices de l'accueil du "
                                "jeune enfant : les règles AO-1 à AO-12 s'appliquent à partir du {} "
                                "(art. 17 de la loi n° 2023-1196 du 18 décembre 2023)",
                                to_french_long(cv.debut), to_french_long(ao_regime_start)));
  bool territory = std::any_of(ctx.ctg.parties.begin(), ctx.ctg.parties.end(),
                               [](const Party& p) { return p.type == PartyType::Commune || is_grouping(p); });
  if (ao_regime(ctx) && !has_table(ctx.ctg) && territory)
    ctx.note(cv.loc,
             "la CTG n'a pas de tableau des autorités organisatrices de l'accueil du jeune enfant : elle ne dit "
             "pas qui, des communes ou de l'EPCI, exerce les compétences 1° à 4° que la loi confie aux communes ; "
             "l'appartenance à un EPCI n'étant pas un transfert de compétences, les règles AO-1 à AO-12 ne sont "
             "pas vérifiées",
             "un avenant peut ajouter ce tableau (clé autorites_organisatrices) : pour chaque commune, les "
             "compétences qu'elle exerce ou a transférées à l'EPCI (avec la date d'effet et l'arrêté du transfert), "
             "et la population totale qui décide de ses obligations");
  mandatory_for_all(ctx, Competence::Recenser);
}

void ao_2(Context& ctx) { mandatory_for_all(ctx, Competence::Informer); }

void ao_3(Context& ctx) { mandatory_above_small(ctx, Competence::Planifier); }

void ao_4(Context& ctx) { mandatory_above_small(ctx, Competence::Qualite); }

// AO-5: at or below 3 500, exercising 3° or 4° is allowed, for a commune
// as for an EPCI (whose figure is that of the communes that transferred).
void ao_5(Context& ctx) {
  if (!ao_regime(ctx)) return;
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    const Party* p = ctx.ctg.party(e.ao);
    if (!p) continue;
    for (Competence c : {Competence::Planifier, Competence::Qualite}) {
      if (!holds(e, c)) continue;
      auto pop = figure_for(ctx.ctg, e, c, ctx.at);
      if (!pop || compare(*pop, small) != Side::AtOrBelow) continue;
      ctx.note(competence_loc(e, c),
               is_grouping(*p)
                   ? fmt::format("{} exerce la compétence {} pour des communes de {} au total : facultative "
                                 "jusqu'à 3 500 habitants, elle est exercée volontairement",
                                 name_of(ctx.ctg, p->id), competence_name(c), pop->describe())
                   : fmt::format("{} ({}) exerce volontairement la compétence {}, facultative jusqu'à 3 500 habitants",
                                 p->nom, pop->describe(), competence_name(c)));
    }
  }
}

// AO-6: an AO holding 3° above 10 000 inhabitants establishes the schéma.

// A figure that does not place the AO against 10 000 is said here once,
// for the schéma and the relais (AO-7 does not repeat it).
void ao_6(Context& ctx) {
  if (!ao_regime(ctx)) return;
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    if (!holds(e, Competence::Planifier)) continue;
    auto pop = figure_for(ctx.ctg, e, Competence::Planifier, ctx.at);
    if (!pop) continue;  // said by AO-8 (EPCI) or AO-10 (commune)
    Side side = compare(*pop, large);
    std::string name = name_of(ctx.ctg, e.ao);
    bool rpe_too = holds(e, Competence::Informer) && holds(e, Competence::Qualite);
    if (side == Side::Above)
      ctx.note(competence_loc(e, Competence::Planifier),
               fmt::format("{} exerce la compétence 3° avec {} > 10 000 : {} établit et met en œuvre le schéma "
                           "pluriannuel de maintien et de développement de l'offre d'accueil du jeune enfant, dont "
                           "la CTG peut tenir lieu (voir SCH-1)",
                           name, pop->describe(), pronoun(ctx.ctg, e.ao)));
    else if (side == Side::Unknown)
      ctx.warning(competence_loc(e, Competence::Planifier),
                  fmt::format("{} exerce la compétence 3°, mais sa population ({}) ne dit pas si {} dépasse "
                              "10 000 habitants, seuil du schéma pluriannuel obligatoire{}",
                              name, pop->describe(), pronoun(ctx.ctg, e.ao),
                              rpe_too ? " et du relais petite enfance (AO-7)" : ""),
                  "indiquez la population totale (pour un EPCI : celle des communes ayant transféré)");
  }
}

// AO-7: a relais petite enfance above 10 000, from 1 January 2026. The
// obligation is in the article; only its start date comes from secondary
// sources, none later than 2026-01-01: an error from that date is never
// stricter than the text.
void ao_7(Context& ctx) {
  if (!ao_regime(ctx)) return;
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    if (!holds(e, Competence::Informer) || !holds(e, Competence::Qualite)) continue;
    auto pop2 = figure_for(ctx.ctg, e, Competence::Informer, ctx.at);
    auto pop4 = figure_for(ctx.ctg, e, Competence::Qualite, ctx.at);
    if (!pop2 || !pop4) continue;  // said by AO-8 or AO-10
    Side side2 = compare(*pop2, large), side4 = compare(*pop4, large);
    std::string name = name_of(ctx.ctg, e.ao);
    if (side2 == Side::AtOrBelow || side4 == Side::AtOrBelow) continue;
    if (side2 == Side::Unknown || side4 == Side::Unknown) {
      // AO-6 said it when 3° is held on the same figure.
      auto pop3 = holds(e, Competence::Planifier) ? figure_for(ctx.ctg, e, Competence::Planifier, ctx.at) : std::nullopt;
      bool said = pop3 && compare(*pop3, large) == Side::Unknown;
      if (!said && !has_rpe(ctx.ctg, e, ctx.at))
        ctx.warning(competence_loc(e, Competence::Qualite),
                    fmt::format("{} exerce les compétences 2° et 4°, mais sa population ({}) ne dit pas si {} "
                                "dépasse 10 000 habitants, seuil au-delà duquel un relais petite enfance est obligatoire",
                                name, pop4->describe(), pronoun(ctx.ctg, e.ao)),
                    "indiquez la population totale (pour un EPCI : celle des communes ayant transféré)");
      continue;
    }
    if (ctx.at < rpe_start) {
      if (!has_rpe(ctx.ctg, e, rpe_start))
        ctx.note(competence_loc(e, Competence::Qualite),
                 fmt::format("{} ({}) devra disposer d'un relais petite enfance à compter du {} ; "
                             "l'obligation ne s'applique pas avant",
                             name, pop4->describe(), to_french_long(rpe_start)));
      continue;
    }
    if (!has_rpe(ctx.ctg, e, ctx.at))
      ctx.error(competence_loc(e, Competence::Qualite),
                fmt::format("{} exerce les compétences 2° et 4° avec {} > 10 000 : {} doit disposer d'un relais "
                            "petite enfance (obligation en vigueur depuis le {}), et la CTG n'en montre aucun",
                            name, pop4->describe(), pronoun(ctx.ctg, e.ao), to_french_long(rpe_start)),
                "ajoutez une ligne « rpe » avec des ETP à son tableau d'offre, ou un équipement de type « rpe » "
                "rattaché à l'AO ou à l'une de ses communes");
  }
}

// AO-8: an EPCI's thresholds are those of its transferring communes. One
// finding per EPCI for the competences whose population is unknown.
void ao_8(Context& ctx) {
  if (!ao_regime(ctx)) return;
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    const Party* p = ctx.ctg.party(e.ao);
    if (!p || !is_grouping(*p)) continue;
    std::vector<Competence> unknown;
    for (Competence c : all_competences)
      if (holds(e, c) && !transferred_population(e, c, std::nullopt, &ctx.ctg)) unknown.push_back(c);
    if (!unknown.empty())
      ctx.warning(competence_loc(e, unknown.front()),
                  fmt::format("{} exerce {} {} sans que la population des communes qui {} soit connue : les "
                              "seuils de 3 500 et 10 000 habitants (compétences obligatoires, schéma pluriannuel, "
                              "relais petite enfance) s'apprécient sur cette population",
                              name_of(ctx.ctg, p->id), unknown.size() > 1 ? "les compétences" : "la compétence",
                              competence_names(unknown),
                              unknown.size() > 1 ? "les lui ont transférées" : "la lui ont transférée"),
                  "ajoutez un transfert (clé transferts) avec la population totale ou la liste des communes");
    if (const Population* own = population_at(*p, ctx.at))
      ctx.note(own->loc,
               fmt::format("{} : les seuils s'apprécient sur la population des seules communes ayant transféré, non "
                           "sur la population de l'EPCI ({})",
                           name_of(ctx.ctg, p->id), from(*own, "").describe()));
  }
}

// AO-9: « plus de » is strict.
void ao_9(Context& ctx) {
  if (!ao_regime(ctx)) return;
  for (const auto& e : ctx.ctg.autorites_organisatrices)
    for (Competence c : {Competence::Planifier, Competence::Qualite}) {
      auto pop = figure_for(ctx.ctg, e, c, ctx.at);
      if (!pop || !pop->value || (*pop->value != small && *pop->value != large)) continue;
      ctx.note(pop->loc,
               fmt::format("{} : exactement {} habitants ; « plus de {} » est strict, le seuil n'est pas franchi "
                           "(compétence {})",
                           name_of(ctx.ctg, e.ao), fr::integer(*pop->value), fr::integer(*pop->value),
                           competence_name(c)));
      break;
    }
}

// AO-10: the legal figure is the population totale of a given year; a
// commune of the AO table without any figure is said here, once. An EPCI's
// figures are those of its transfers, declared or summed from the list.
void ao_10(Context& ctx) {
  if (!ao_regime(ctx)) return;
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    std::vector<PopulationFigure> figures;
    const Party* p = ctx.ctg.party(e.ao);
    if (p && is_grouping(*p)) {
      for (Competence c : all_competences)
        if (auto f = transferred_population(e, c, ctx.at, &ctx.ctg); f && holds(e, c) &&
            std::none_of(figures.begin(), figures.end(), [&](const PopulationFigure& o) { return o.loc == f->loc; }))
          figures.push_back(*f);
    } else if (auto pop = commune_population(ctx.ctg, e, ctx.at)) {
      figures.push_back(*pop);
    } else {
      ctx.warning(e.loc,
                  fmt::format("{} : population non renseignée ; c'est elle qui décide des compétences obligatoires "
                              "(3° et 4° au-delà de 3 500 habitants, schéma pluriannuel et relais petite enfance "
                              "au-delà de 10 000)",
                              name_of(ctx.ctg, e.ao)),
                  "indiquez la population totale authentifiée au 1er janvier (clé population, nature: totale, "
                  "millesime)");
      continue;
    }
    for (const auto& f : figures) population_caveat(ctx, name_of(ctx.ctg, e.ao), f);
  }
}

// AO-11: 2° and 4° held by different bodies above 10 000: who sets up the RPE?
void ao_11(Context& ctx) {
  if (!ao_regime(ctx)) return;
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    const Party* p = ctx.ctg.party(e.ao);
    if (!p || is_grouping(*p)) continue;
    auto s2 = e.competences.informer, s4 = e.competences.qualite;
    bool split = (s2 == CompetenceStatus::Exercee && s4 == CompetenceStatus::Transferee) ||
                 (s2 == CompetenceStatus::Transferee && s4 == CompetenceStatus::Exercee);
    if (!split) continue;
    auto pop = commune_population(ctx.ctg, e, ctx.at);
    if (!pop || compare(*pop, large) == Side::AtOrBelow) continue;
    ctx.warning(competence_loc(e, Competence::Qualite),
                fmt::format("{} ({}) exerce l'une des compétences 2° et 4° et a transféré l'autre : la loi attache "
                            "le relais petite enfance aux deux sans dire qui le met en place",
                            p->nom, pop->describe()),
                "précisez dans la convention qui porte le relais petite enfance");
  }
}

// AO-12: an EPCI is AO only for the competences expressly transferred.
void ao_12(Context& ctx) {
  if (!ao_regime(ctx)) return;
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    const Party* p = ctx.ctg.party(e.ao);
    if (!p) continue;
    if (is_grouping(*p)) {
      std::vector<Competence> uncovered;
      for (Competence c : all_competences)
        if (holds(e, c) && std::none_of(e.transferts.begin(), e.transferts.end(),
                                        [&](const Transfer& t) { return cites(t, c); }))
          uncovered.push_back(c);
      if (!uncovered.empty())
        ctx.warning(competence_loc(e, uncovered.front()),
                    fmt::format("{} exerce {} {} sans qu'aucun transfert ne {} donne : un EPCI n'est autorité "
                                "organisatrice que pour les compétences expressément transférées",
                                name_of(ctx.ctg, p->id), uncovered.size() > 1 ? "les compétences" : "la compétence",
                                competence_names(uncovered), uncovered.size() > 1 ? "les lui" : "la lui"),
                    "ajoutez ces compétences à un transfert (clé transferts), ou indiquez « sans_objet »");
      continue;
    }
    std::vector<std::string> kept, given;
    for (Competence c : all_competences) {
      if (e.competences.of(c) == CompetenceStatus::Exercee) kept.push_back(ordinal(c));
      if (e.competences.of(c) == CompetenceStatus::Transferee) given.push_back(ordinal(c));
    }
    if (!kept.empty() && !given.empty())
      ctx.note(e.loc, fmt::format("{} a transféré {} à son EPCI et reste autorité organisatrice pour {}", p->nom,
                                  join_french(given), join_french(kept)));
  }
}

}  // namespace checks

std::string competence_name(Competence c) {
  switch (c) {
    case Competence::Recenser: return "1° (recenser)";
    case Competence::Informer: return "2° (informer et accompagner)";
    case Competence::Planifier: return "3° (planifier)";
    case Competence::Qualite: return "4° (soutenir la qualité)";
  }
  return "?";
}

}  // namespace ctg::rules
