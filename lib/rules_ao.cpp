// AO-1 … AO-12: the competences of the autorités organisatrices de
// l'accueil du jeune enfant, art. L214-1-3 CASF.
#include <fmt/format.h>

#include <algorithm>

#include "french.hpp"
#include "population.hpp"
#include "rules_checks.hpp"
#include "text.hpp"
#include "vocabulary.hpp"

namespace ctg::rules {

namespace {

constexpr std::int64_t small = 3500;   // « communes de plus de 3 500 habitants »
constexpr std::int64_t large = 10000;  // « communes de plus de 10 000 habitants »

constexpr Date rpe_date{2026, 1, 1};

const char* ordinal(Competence c) {
  switch (c) {
    case Competence::Recenser: return "1°";
    case Competence::Informer: return "2°";
    case Competence::Planifier: return "3°";
    case Competence::Qualite: return "4°";
  }
  return "?";
}

std::string name_of(const Ctg& ctg, const std::string& id) {
  const Party* p = ctg.party(id);
  return p ? p->nom : id;
}

// The figure the thresholds of competence c are tested on, for the body that

// holds c in entry e.

std::optional<PopulationFigure> figure_for(const Ctg& ctg, const AoEntry& e, Competence c) {
  const Party* p = ctg.party(e.ao);
  if (p && is_grouping(*p)) return transferred_population(e, c);
  return commune_population(ctg, e);
}

const AoEntry* entry_of(const Ctg& ctg, std::string_view id) { return ctg.ao_entry(id); }

bool holds(const AoEntry& e, Competence c) { return e.competences.of(c) == CompetenceStatus::Exercee; }

Loc competence_loc(const AoEntry& e, Competence c) { return e.competences.at(key_of(c)); }

// Who exercises competence c for a commune: itself, its EPCI, or nobody.

// Reports AO-1/AO-2 style problems through `missing`.

struct Holder {
  const AoEntry* entry = nullptr;
  std::string problem;  // empty when someone holds it
};

Holder holder_for_commune(const Ctg& ctg, const Party& commune, Competence c) {
  const AoEntry* own = entry_of(ctg, commune.id);
  if (own && own->competences.of(c) == CompetenceStatus::Exercee) return {own, {}};
  if (own && own->competences.of(c) == CompetenceStatus::SansObjet)
    return {nullptr, fmt::format("{} : la compétence {} est « sans objet »", commune.nom, competence_name(c))};
  // Transferred, or not in the AO table: its EPCI must hold it.
  if (!commune.epci)
    return {nullptr, own ? fmt::format("{} transfère la compétence {} mais n'est membre d'aucun EPCI (clé « epci »)",
                                       commune.nom, competence_name(c))
                         : fmt::format("{} ne figure pas au tableau des autorités organisatrices et n'est membre "
                                       "d'aucun EPCI (clé « epci ») : personne n'exerce pour elle la compétence {}",
                                       commune.nom, competence_name(c))};
  const AoEntry* group = entry_of(ctg, *commune.epci);
  if (!group || !holds(*group, c))
    return {nullptr, fmt::format("{} {} la compétence {} à {}, qui ne l'exerce pas au tableau des autorités "
                                 "organisatrices",
                                 commune.nom, own ? "transfère" : "est censée transférer", competence_name(c),
                                 name_of(ctg, *commune.epci))};
  // When the transferring communes are listed, this one must be among them.
  for (const auto& t : group->transferts) {
    if (std::find(t.competences.begin(), t.competences.end(), c) == t.competences.end() || t.communes.empty())
      continue;
    bool listed = std::any_of(t.communes.begin(), t.communes.end(), [&](const TransferringCommune& tc) {
      return tc.partie == commune.id || tc.nom == commune.nom;
    });
    if (!listed)
      return {nullptr, fmt::format("{} n'est pas dans la liste des communes ayant transféré la compétence {} à {}",
                                   commune.nom, competence_name(c), name_of(ctg, *commune.epci))};
  }
  return {group, {}};
}

// AO-1 and AO-2: every commune exercises 1° and 2°, itself or through its EPCI.

void mandatory_for_all(Context& ctx, Competence c) {
  for (const auto& p : ctx.ctg.parties) {
    if (p.type != PartyType::Commune) continue;
    Holder h = holder_for_commune(ctx.ctg, p, c);
    if (h.entry) continue;
    const AoEntry* own = entry_of(ctx.ctg, p.id);
    ctx.error(own ? competence_loc(*own, c) : p.loc,
              fmt::format("{} : la compétence {} est obligatoirement exercée par toutes les communes, par elles-mêmes "
                          "ou par l'EPCI auquel elles l'ont transférée",
                          h.problem, competence_name(c)),
              own ? "indiquez « exercee », ou « transferee » si l'EPCI l'exerce (et inscrivez-le au tableau)"
                  : "inscrivez la commune au tableau des autorités organisatrices, ou son EPCI avec la compétence "
                    "transférée");
  }
  // An EPCI does not transfer: « transferee » is for communes.
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    const Party* p = ctx.ctg.party(e.ao);
    if (p && is_grouping(*p) && e.competences.of(c) == CompetenceStatus::Transferee)
      ctx.error(competence_loc(e, c),
                fmt::format("{} est un EPCI ou un syndicat : « transferee » ne s'applique qu'à une commune", p->nom),
                "pour l'EPCI, indiquez « exercee » (compétence reçue des communes) ou « sans_objet »");
  }
}

// AO-3 and AO-4: 3° and 4° are mandatory above 3 500 inhabitants.

void mandatory_above_small(Context& ctx, Competence c) {
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    const Party* p = ctx.ctg.party(e.ao);
    if (!p || is_grouping(*p) || e.competences.of(c) != CompetenceStatus::SansObjet) continue;
    auto pop = commune_population(ctx.ctg, e);
    Side side = pop ? compare(*pop, small) : Side::Unknown;
    if (side == Side::Above)
      ctx.error(competence_loc(e, c),
                fmt::format("{} : {} > 3 500 ; la compétence {} est obligatoire pour les communes de plus de "
                            "3 500 habitants, elle ne peut être « sans objet »",
                            p->nom, pop->describe(), competence_name(c)),
                "indiquez « exercee », ou « transferee » si la commune l'a transférée à son EPCI");
    else if (side == Side::Unknown)
      ctx.warning(competence_loc(e, c),
                  fmt::format("{} : compétence {} « sans objet », mais la population ({}) ne dit pas si la commune "
                              "dépasse 3 500 habitants, seuil au-delà duquel elle est obligatoire",
                              p->nom, competence_name(c), pop ? pop->describe() : "non renseignée"),
                  "indiquez la population totale de la commune (clé population)");
  }
  // A commune that transferred c: its EPCI must hold it.
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    const Party* p = ctx.ctg.party(e.ao);
    if (!p || is_grouping(*p) || e.competences.of(c) != CompetenceStatus::Transferee) continue;
    Holder h = holder_for_commune(ctx.ctg, *p, c);
    if (!h.entry) ctx.error(competence_loc(e, c), h.problem, "inscrivez l'EPCI au tableau avec la compétence exercée");
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
  for (const auto& eq : ctg.equipements) {
    if (eq.type != EquipmentType::Rpe || !eq.partie) continue;
    if (*eq.partie == e.ao) return true;
    const Party* commune = ctg.party(*eq.partie);
    if (commune && commune->epci == e.ao) return true;
  }
  return false;
}

}  // namespace

std::vector<const AoEntry*> aos_needing_schema(const Ctg& ctg) {
  std::vector<const AoEntry*> out;
  for (const auto& e : ctg.autorites_organisatrices) {
    if (!holds(e, Competence::Planifier)) continue;
    auto pop = figure_for(ctg, e, Competence::Planifier);
    if (pop && compare(*pop, large) == Side::Above) out.push_back(&e);
  }
  return out;
}

namespace checks {

void ao_1(Context& ctx) { mandatory_for_all(ctx, Competence::Recenser); }

void ao_2(Context& ctx) { mandatory_for_all(ctx, Competence::Informer); }

void ao_3(Context& ctx) { mandatory_above_small(ctx, Competence::Planifier); }

void ao_4(Context& ctx) { mandatory_above_small(ctx, Competence::Qualite); }

// AO-5: at or below 3 500, exercising 3° or 4° is allowed.
void ao_5(Context& ctx) {
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    const Party* p = ctx.ctg.party(e.ao);
    if (!p || is_grouping(*p)) continue;
    auto pop = commune_population(ctx.ctg, e);
    if (!pop || compare(*pop, small) != Side::AtOrBelow) continue;
    for (Competence c : {Competence::Planifier, Competence::Qualite})
      if (holds(e, c))
        ctx.note(competence_loc(e, c),
                 fmt::format("{} ({}) exerce volontairement la compétence {}, facultative jusqu'à 3 500 habitants",
                             p->nom, pop->describe(), competence_name(c)));
  }
}

// AO-6: an AO holding 3° above 10 000 inhabitants establishes the schéma.
void ao_6(Context& ctx) {
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    if (!holds(e, Competence::Planifier)) continue;
    auto pop = figure_for(ctx.ctg, e, Competence::Planifier);
    Side side = pop ? compare(*pop, large) : Side::Unknown;
    std::string name = name_of(ctx.ctg, e.ao);
    if (side == Side::Above)
      ctx.note(competence_loc(e, Competence::Planifier),
               fmt::format("{} exerce la compétence 3° avec {} > 10 000 : elle établit et met en œuvre le schéma "
                           "pluriannuel de maintien et de développement de l'offre d'accueil du jeune enfant, dont "
                           "la CTG peut tenir lieu (voir SCH-1)",
                           name, pop->describe()));
    else if (side == Side::Unknown)
      ctx.warning(competence_loc(e, Competence::Planifier),
                  fmt::format("{} exerce la compétence 3°, mais sa population ({}) ne dit pas si elle dépasse "
                              "10 000 habitants, seuil du schéma pluriannuel obligatoire",
                              name, pop ? pop->describe() : "non renseignée"),
                  "indiquez la population totale (pour un EPCI : celle des communes ayant transféré)");
  }
}

// AO-7: a relais petite enfance above 10 000, from 1 January 2026.
void ao_7(Context& ctx) {
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    if (!holds(e, Competence::Informer) || !holds(e, Competence::Qualite)) continue;
    auto pop2 = figure_for(ctx.ctg, e, Competence::Informer);
    auto pop4 = figure_for(ctx.ctg, e, Competence::Qualite);
    Side side2 = pop2 ? compare(*pop2, large) : Side::Unknown;
    Side side4 = pop4 ? compare(*pop4, large) : Side::Unknown;
    std::string name = name_of(ctx.ctg, e.ao);
    if (side2 == Side::AtOrBelow || side4 == Side::AtOrBelow) continue;
    if (side2 == Side::Unknown || side4 == Side::Unknown) {
      if (!has_rpe(ctx.ctg, e, ctx.at))
        ctx.warning(competence_loc(e, Competence::Qualite),
                    fmt::format("{} exerce les compétences 2° et 4°, mais sa population ({}) ne dit pas si elle dépasse "
                                "10 000 habitants, seuil au-delà duquel un relais petite enfance est obligatoire",
                                name, pop4 ? pop4->describe() : "non renseignée"),
                    "indiquez la population totale (pour un EPCI : celle des communes ayant transféré)");
      continue;
    }
    if (ctx.at < rpe_date) {
      ctx.note(competence_loc(e, Competence::Qualite),
               fmt::format("{} ({}) devra disposer d'un relais petite enfance à compter du 1er janvier 2026 ; "
                           "au {}, date de référence, l'obligation ne s'applique pas encore",
                           name, pop4->describe(), to_french_long(ctx.at)));
      continue;
    }
    if (!has_rpe(ctx.ctg, e, ctx.at))
      ctx.error(competence_loc(e, Competence::Qualite),
                fmt::format("{} exerce les compétences 2° et 4° avec {} > 10 000 : au {}, date de référence, elle "
                            "doit disposer d'un relais petite enfance, et la CTG n'en montre aucun",
                            name, pop4->describe(), to_french_long(ctx.at)),
                "ajoutez une ligne « rpe » avec des ETP à son tableau d'offre, ou un équipement de type « rpe » "
                "rattaché à l'AO ou à l'une de ses communes");
  }
}

// AO-8: an EPCI's thresholds are those of its transferring communes.
void ao_8(Context& ctx) {
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    const Party* p = ctx.ctg.party(e.ao);
    if (!p || !is_grouping(*p)) continue;
    for (Competence c : {Competence::Recenser, Competence::Informer, Competence::Planifier, Competence::Qualite}) {
      if (!holds(e, c)) continue;
      auto pop = transferred_population(e, c);
      if (!pop) {
        ctx.warning(competence_loc(e, c),
                    fmt::format("{} exerce la compétence {} sans que la population des communes qui la lui ont "
                                "transférée soit connue : les seuils de 3 500 et 10 000 habitants s'apprécient sur "
                                "cette population",
                                p->nom, competence_name(c)),
                    "ajoutez un transfert (clé transferts) avec la population totale ou la liste des communes");
        continue;
      }
    }
    if (p->population)
      ctx.note(p->population->loc,
               fmt::format("{} : les seuils s'apprécient sur la population des seules communes ayant transféré, non "
                           "sur la population de l'EPCI ({})",
                           p->nom, from(*p->population, "").describe()));
  }
}

// AO-9: « plus de » is strict.
void ao_9(Context& ctx) {
  for (const auto& e : ctx.ctg.autorites_organisatrices)
    for (Competence c : {Competence::Planifier, Competence::Qualite}) {
      auto pop = figure_for(ctx.ctg, e, c);
      if (!pop || !pop->value || (*pop->value != small && *pop->value != large)) continue;
      ctx.note(pop->loc,
               fmt::format("{} : exactement {} habitants ; « plus de {} » est strict, le seuil n'est pas franchi "
                           "(compétence {})",
                           name_of(ctx.ctg, e.ao), fr::integer(*pop->value), fr::integer(*pop->value),
                           competence_name(c)));
      break;
    }
}

// AO-10: the legal figure is the population totale of a given year.
void ao_10(Context& ctx) {
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    std::vector<PopulationFigure> figures;
    const Party* p = ctx.ctg.party(e.ao);
    if (p && is_grouping(*p)) {
      for (const auto& t : e.transferts)
        if (t.population) figures.push_back(from(*t.population, "transfert"));
    } else if (auto pop = commune_population(ctx.ctg, e)) {
      figures.push_back(*pop);
    }
    for (const auto& f : figures) {
      std::vector<std::string> why;
      if (f.nature == PopulationNature::Municipale)
        why.push_back("c'est une population municipale, alors que la loi retient la population totale (municipale "
                      "et comptée à part)");
      if (f.nature == PopulationNature::Inconnue)
        why.push_back("sa nature (totale ou municipale) n'est pas précisée, alors que la loi retient la population "
                      "totale");
      if (!f.year) why.push_back("son millésime n'est pas indiqué, alors que le chiffre légal change chaque année");
      for (std::int64_t t : {small, large})
        if (f.value && *f.value * 100 >= t * 95 && *f.value * 100 <= t * 105)
          why.push_back(fmt::format("elle est à moins de 5 % du seuil de {} habitants", fr::integer(t)));
      if (why.empty()) continue;
      ctx.warning(f.loc, fmt::format("{} : la population retenue ({}) décide des compétences obligatoires, mais {}",
                                     name_of(ctx.ctg, e.ao), f.describe(), join_french(why)),
                  "indiquez la population totale authentifiée au 1er janvier, avec nature: totale et son millésime");
    }
  }
}

// AO-11: 2° and 4° held by different bodies above 10 000: who sets up the RPE?
void ao_11(Context& ctx) {
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    const Party* p = ctx.ctg.party(e.ao);
    if (!p || is_grouping(*p)) continue;
    auto s2 = e.competences.informer, s4 = e.competences.qualite;
    bool split = (s2 == CompetenceStatus::Exercee && s4 == CompetenceStatus::Transferee) ||
                 (s2 == CompetenceStatus::Transferee && s4 == CompetenceStatus::Exercee);
    if (!split) continue;
    auto pop = commune_population(ctx.ctg, e);
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
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    const Party* p = ctx.ctg.party(e.ao);
    if (!p) continue;
    if (is_grouping(*p)) {
      for (Competence c : {Competence::Recenser, Competence::Informer, Competence::Planifier, Competence::Qualite}) {
        bool covered = std::any_of(e.transferts.begin(), e.transferts.end(), [&](const Transfer& t) {
          return std::find(t.competences.begin(), t.competences.end(), c) != t.competences.end();
        });
        if (holds(e, c) && !covered)
          ctx.warning(competence_loc(e, c),
                      fmt::format("{} exerce la compétence {} sans qu'aucun transfert ne la lui donne : un EPCI n'est "
                                  "autorité organisatrice que pour les compétences expressément transférées",
                                  p->nom, competence_name(c)),
                      "ajoutez la compétence à un transfert (clé transferts), ou indiquez « sans_objet »");
      }
      continue;
    }
    std::vector<std::string> kept, given;
    for (Competence c : {Competence::Recenser, Competence::Informer, Competence::Planifier, Competence::Qualite}) {
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
