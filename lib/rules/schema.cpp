// SPDX-License-Identifier: EUPL-1.2
// SCH-1 … SCH-4 (art. L214-2 and D214-10-1 CASF) and CTG-1.
#include <fmt/format.h>

#include <algorithm>

#include "rules/checks.hpp"
#include "rules/population.hpp"
#include "rules/text.hpp"
#include "base/text.hpp"
#include "format/vocabulary.hpp"

namespace ctg::rules {

namespace {

// Every offer table of the AO (one per zone when the table is split).
std::vector<const OfferTable*> tables_of(const Ctg& ctg, const AoEntry& e) {
  std::vector<const OfferTable*> out;
  for (const auto& t : ctg.offre_petite_enfance)
    if (t.ao == e.ao) out.push_back(&t);
  return out;
}

template <class F>
bool any_table(const Ctg& ctg, const AoEntry& e, F f) {
  auto ts = tables_of(ctg, e);
  return std::any_of(ts.begin(), ts.end(), [&](const OfferTable* t) { return f(*t); });
}

template <class F>
bool any_line(const Ctg& ctg, const AoEntry& e, F f) {
  return any_table(ctg, e, [&](const OfferTable& t) { return std::any_of(t.lignes.begin(), t.lignes.end(), f); });
}

bool has_equipment(const Ctg& ctg, const AoEntry&) { return !ctg.equipements.empty(); }
bool has_needs(const Ctg& ctg, const AoEntry&) {
  return ctg.diagnostic && !ctg.diagnostic->texte.empty() && !ctg.diagnostic->enjeux.empty();
}
bool has_zones(const Ctg& ctg, const AoEntry& e) {
  return any_table(ctg, e, [](const OfferTable& t) { return !t.zones_prioritaires.empty(); });
}
bool has_objectives(const Ctg& ctg, const AoEntry& e) {
  return any_line(ctg, e, [](const OfferLine& l) { return !l.projection.empty(); });
}
bool has_jobs(const Ctg& ctg, const AoEntry& e) {
  return any_line(ctg, e, [](const OfferLine& l) { return !l.besoins_emplois.empty(); });
}
bool has_families(const Ctg& ctg, const AoEntry& e) {
  return any_table(ctg, e, [](const OfferTable& t) { return !t.familles_difficulte.empty(); });
}
bool has_quality(const Ctg& ctg, const AoEntry& e) {
  return any_table(ctg, e, [](const OfferTable& t) { return !t.soutien_qualite.empty(); });
}
bool has_investments(const Ctg& ctg, const AoEntry& e) {
  return any_line(ctg, e, [](const OfferLine& l) { return !l.investissements.empty(); });
}
bool has_calendar(const Ctg& ctg, const AoEntry&) { return ctg.plan_actions && !ctg.plan_actions->calendrier.empty(); }
bool has_indicators(const Ctg& ctg, const AoEntry&) {
  return std::any_of(ctg.fiches_action.begin(), ctg.fiches_action.end(),
                     [](const ActionSheet& f) { return !f.indicateurs.empty(); });
}

bool has_costs(const Ctg& ctg, const AoEntry& e) {
  return any_line(ctg, e, [](const OfferLine& l) {
    return std::any_of(l.investissements.begin(), l.investissements.end(),
                       [](const Investment& i) { return i.cout && i.cout->units > 0; });
  });
}

// A sum in euros written in a text: « 120 000 € », « 45 000 euros ».
bool has_amount(std::string_view text) {
  std::string f = folded(text);
  for (std::size_t p = 0; p < f.size(); ++p) {
    if (f[p] < '0' || f[p] > '9') continue;
    std::size_t q = p;
    while (q < f.size() && ((f[q] >= '0' && f[q] <= '9') || f[q] == ' ' || f[q] == '.' || f[q] == ',')) ++q;
    std::string_view rest = std::string_view(f).substr(q);
    if (rest.rfind("€", 0) == 0 || rest.rfind("euro", 0) == 0 || rest.rfind("k€", 0) == 0 ||
        rest.rfind("m€", 0) == 0)
      return true;
    p = q;
  }
  return false;
}

// The texts of a fiche action, each with where it is.
std::vector<std::pair<std::string, std::string>> fiche_texts(const ActionSheet& f) {
  std::vector<std::pair<std::string, std::string>> out;
  std::string where = fmt::format("fiche action {}", f.numero);
  out.emplace_back(where, f.titre + " " + f.objectif_global + " " + f.resultat_attendu.value_or(""));
  for (const auto& a : f.actions_cles) out.emplace_back(fmt::format("{}, action clé {}", where, a.id), a.texte);
  return out;
}

// The texts of the AO's offer tables: lines' needs and notes.
std::vector<std::pair<std::string, std::string>> table_texts(const Ctg& ctg, const AoEntry& e) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const OfferTable* t : tables_of(ctg, e))
    for (const auto& l : t->lignes) {
      std::string where = fmt::format("tableau d'offre, ligne « {} »", label_of(l.mode));
      for (const auto& b : l.autres_besoins) out.emplace_back(where, b);
      for (const auto& b : l.besoins_emplois) out.emplace_back(where, b);
      if (l.libelle) out.emplace_back(where, *l.libelle);
    }
  return out;
}

std::string ao_names(const Ctg& ctg, const std::vector<const AoEntry*>& aos) {
  std::vector<std::string> names;
  for (const auto* e : aos) names.push_back(ao_name(ctg, e->ao));
  return join_french(names);
}

bool declares(const std::vector<SchemaElement>& list, SchemaElement e) {
  return std::find(list.begin(), list.end(), e) != list.end();
}

}  // namespace

std::optional<std::string> schema_item_found(const Ctg& ctg, const AoEntry& e, const SchemaItem& item) {
  if (item.present(ctg, e)) return std::string(item.where);
  const bool costs = item.element == SchemaElement::CoutsMoyens;
  // Declared by a fiche or by one of the AO's tables: 4° f) with a sum in euros.
  for (const auto& f : ctg.fiches_action) {
    if (!declares(f.elements_schema, item.element)) continue;
    auto texts = fiche_texts(f);
    if (!costs || std::any_of(texts.begin(), texts.end(), [](const auto& t) { return has_amount(t.second); }))
      return fmt::format("fiche action {} (elements_schema)", f.numero);
  }
  for (const OfferTable* t : tables_of(ctg, e)) {
    if (!declares(t->elements_schema, item.element)) continue;
    if (!costs || (t->note && has_amount(*t->note))) return std::string("tableau d'offre (elements_schema)");
  }
  if (item.keywords.empty()) return std::nullopt;
  for (const auto& f : ctg.fiches_action)
    for (const auto& [where, text] : fiche_texts(f)) {
      std::string low = folded(text);
      if (has_any(low, item.keywords) && (!costs || has_amount(text))) return where;
    }
  for (const auto& [where, text] : table_texts(ctg, e))
    if (has_any(folded(text), item.keywords) && (!costs || has_amount(text))) return where;
  return std::nullopt;
}

const std::vector<SchemaItem>& schema_items() {
  using enum SchemaElement;
  static const std::vector<SchemaItem> items{
      {EquipementsExistants, "1°", "la liste des équipements et services existants", "equipements (annexe 2)",
       has_equipment, {}, ""},
      {Besoins, "2°", "l'analyse des besoins des familles", "diagnostic › texte et enjeux (annexe 1)", has_needs,
       {}, ""},
      {Zones, "3°", "les zones où l'offre est insuffisante ou difficile d'accès",
       "offre_petite_enfance › zones_prioritaires de l'AO", has_zones, {}, ""},
      {Objectifs, "4° a)", "les objectifs de maintien et de développement de l'offre",
       "offre_petite_enfance › lignes › projection de l'AO", has_objectives, {}, ""},
      {EmploisCompetences, "4° b)", "les besoins en emplois et en compétences",
       "offre_petite_enfance › lignes › besoins_emplois de l'AO", has_jobs, {}, ""},
      {FamillesDifficulte, "4° c)", "les mesures pour l'accueil des enfants de familles en difficulté",
       "offre_petite_enfance › familles_difficulte de l'AO", has_families,
       {"avip$", "vocation d'insertion", "insertion professionnelle", "horaires decales", "horaires atypiques",
        "familles en difficulte", "familles vulnerables", "situation de vulnerabilite", "monoparenta", "precarite",
        "pauvrete", "handicap", "minima sociaux", "qpv$"},
       "une action clé, un texte de fiche action ou un besoin du tableau d'offre de l'AO qui parle d'AVIP, "
       "d'insertion professionnelle, d'horaires décalés ou atypiques, de familles en difficulté, vulnérables ou "
       "monoparentales, de précarité, de pauvreté, de handicap, de minima sociaux ou de QPV"},
      {SoutienQualite, "4° d)", "les actions de soutien à la qualité des modes d'accueil",
       "offre_petite_enfance › soutien_qualite de l'AO", has_quality,
       {"qualite d'accueil", "qualite de l'accueil", "qualite des modes d'accueil", "referentiel national",
        "charte nationale", "formation continue", "analyse des pratiques", "app$", "label", "eco creche",
        "environnement sain", "sante et environnement"},
       "une action clé, un texte de fiche action ou un besoin du tableau d'offre de l'AO qui parle de qualité "
       "d'accueil, du référentiel ou de la charte nationale, de formation continue, d'analyse des pratiques "
       "(APP), de label ou d'éco-crèche, de santé et d'environnement sain"},
      {Investissements, "4° e)", "les projets d'investissement",
       "offre_petite_enfance › lignes › investissements de l'AO", has_investments, {}, ""},
      {CoutsMoyens, "4° f)", "les coûts et les moyens humains, financiers et d'ingénierie",
       "offre_petite_enfance › lignes › investissements › cout de l'AO (un coût en euros)", has_costs,
       {"cout", "plan de financement", "budget", "financement"},
       "une fiche action ou un besoin du tableau d'offre de l'AO qui donne un coût, un budget ou un plan de "
       "financement avec une somme en euros ; l'ingénierie seule ne suffit pas"},
      {Calendrier, "4° g)", "le calendrier de mise en œuvre", "plan_actions › calendrier (annexe 3)", has_calendar,
       {}, ""},
      {Indicateurs, "4° h)", "les indicateurs de suivi et d'évaluation", "fiches_action › indicateurs",
       has_indicators, {}, ""},
  };
  return items;
}

namespace {

// The schéma's obligations (L214-2) hold from the AO regime, its content
// (D214-10-1) from the decree.
bool schema_in_force(const Context& ctx) { return !(ctx.at < ao_regime_start); }

// The article to point at when a provision is missing: the one on « suivi »
// or « évaluation », or else the last one; without articles, the AO whose
// schéma it is.
Loc follow_up_article(const Ctg& ctg, const AoEntry& ao) {
  for (const auto& a : ctg.articles) {
    std::string t = folded(a.titre);
    if (has_word(t, "suivi") || has_word(t, "evaluation")) return a.at("texte");
  }
  if (!ctg.articles.empty()) return ctg.articles.back().at("texte");
  return ao.loc;
}

struct Provision {
  std::string where;  // « article 6 », « le préambule »
  Loc loc;
  std::string sentence;  // folded
};

// The sentences of the articles, the préambule and the pilotage text that
// satisfy `pred`.
template <class Pred>
std::vector<Provision> provisions(const Ctg& ctg, Pred pred) {
  std::vector<Provision> out;
  auto scan = [&](const std::string& text, std::string where, Loc loc) {
    for (auto& s : sentences(text)) {
      std::string f = folded(s);
      if (pred(f)) out.push_back({where, loc, f});
    }
  };
  for (const auto& a : ctg.articles) scan(a.texte, fmt::format("l'article {}", a.numero), a.at("texte"));
  if (ctg.preambule) scan(*ctg.preambule, "le préambule", ctg.at("preambule"));
  if (ctg.pilotage && ctg.pilotage->texte) scan(*ctg.pilotage->texte, "l'annexe 4", ctg.pilotage->at("texte"));
  return out;
}

const std::vector<std::string_view> cdsf_words{"cdsf$", "comite departemental des services aux familles"};
const std::vector<std::string_view> sending{"transm", "communiqu", "adress", "envoi", "envoy"};
const std::vector<std::string_view> senders{"collectivite", "commune", "communaute", "epci", "signataire",
                                            "la caf", "les parties", "l'autorite organisatrice", "elle transmet",
                                            "president", "maire"};
const std::vector<std::string_view> optional_words{"peut$", "peuvent$", "pourra$", "pourront$", "eventuellement",
                                                   "le cas echeant", "si elle le souhaite"};
const std::vector<std::string_view> one_month{"dans le mois", "d'un mois", "un delai d'un mois", "30 jours",
                                              "trente jours", "dans les quinze jours", "dans les 15 jours"};

bool about_reviews(std::string_view s) { return has_any(s, {"bilan"}); }

}  // namespace

namespace checks {

// SCH-1: the CTG stands in for the schéma only if it holds each item of
// D214-10-1 I; not before the decree that lists them.
void sch_1(Context& ctx) {
  if (ctx.at < schema_decree_start) return;
  for (const AoEntry* e : aos_needing_schema(ctx.ctg, ctx.at)) {
    std::vector<std::string> missing, elsewhere;
    for (const auto& item : schema_items()) {
      auto where = schema_item_found(ctx.ctg, *e, item);
      if (!where) missing.push_back(fmt::format("{} {} ({})", item.id, item.text, item.where));
      else if (*where != item.where) elsewhere.push_back(fmt::format("{} dans {}", item.id, *where));
    }
    std::string of_name = of_ao(ctx.ctg, e->ao);  // « de la Communauté … », « du Syndicat … »
    // Items found by a declaration or by the fallback detection are said, so that the reader can check them.
    std::string found = elsewhere.empty() ? "" : fmt::format(" (trouvés hors de leur place : {})", join(elsewhere, " ; "));
    if (missing.empty()) {
      ctx.note(e->loc, fmt::format("la CTG contient les {} éléments du schéma pluriannuel {}{}", schema_items().size(),
                                   of_name, found));
      continue;
    }
    ctx.warning(e->loc,
                fmt::format("pour tenir lieu du schéma pluriannuel {}, la CTG doit contenir chaque élément de "
                            "l'art. D214-10-1 I ; il manque {} élément{} sur {} : {}{}",
                            of_name, missing.size(), missing.size() > 1 ? "s" : "", schema_items().size(),
                            join(missing, " ; "), found),
                "complétez ces parties (ou déclarez la fiche action qui y répond : elements_schema), ou prévoyez un "
                "schéma pluriannuel distinct ; ctg explain SCH-1 donne la correspondance");
  }
}

// SCH-2: the schéma's duration fits the SDSF's.
void sch_2(Context& ctx) {
  if (!schema_in_force(ctx)) return;
  auto aos = aos_needing_schema(ctx.ctg, ctx.at);
  if (aos.empty()) return;
  const auto& cv = ctx.ctg.convention;
  const auto& sdsf = cv.schema_departemental;
  if (!sdsf || !sdsf->debut || !sdsf->fin) {
    ctx.note(sdsf ? sdsf->loc : cv.at("fin"),
             fmt::format("la CTG tient lieu de schéma pluriannuel pour {} ; sa durée doit être cohérente avec celle du "
                         "schéma départemental des services aux familles, dont la période n'est pas renseignée",
                         ao_names(ctx.ctg, aos)),
             "indiquez convention › schema_departemental › debut et fin");
    return;
  }
  if (cv.fin > *sdsf->fin || cv.debut < *sdsf->debut)
    ctx.warning(cv.at("fin"),
                fmt::format("la CTG ({} – {}) dépasse la période du schéma départemental des services aux familles "
                            "({} – {}) dont le schéma pluriannuel doit suivre la durée",
                            to_iso(cv.debut), to_iso(cv.fin), to_iso(*sdsf->debut), to_iso(*sdsf->fin)),
                "vérifiez avec la Caf la cohérence des durées (art. L214-2 I CASF)");
}

// SCH-3: the schéma (and its updates) is sent to the CDSF within one month
// of its adoption: a commitment says who sends it and within what time.
void sch_3(Context& ctx) {
  if (!schema_in_force(ctx)) return;
  auto aos = aos_needing_schema(ctx.ctg, ctx.at);
  if (aos.empty()) return;
  auto found = provisions(ctx.ctg, [](const std::string& s) {
    return has_any(s, cdsf_words) && has_any(s, sending) && (has_word(s, "schema") || !about_reviews(s));
  });
  const Provision* best = nullptr;
  for (const auto& p : found) {
    bool firm = !has_any(p.sentence, optional_words), who = has_any(p.sentence, senders),
         month = has_any(p.sentence, one_month);
    if (firm && who && month) return;
    if (!best || (firm && who)) best = &p;
  }
  std::string names = ao_names(ctx.ctg, aos);
  if (!best) {
    ctx.warning(follow_up_article(ctx.ctg, *aos.front()),
                fmt::format("la CTG tient lieu de schéma pluriannuel pour {}, mais ne prévoit pas sa transmission au "
                            "comité départemental des services aux familles (CDSF) dans le mois de son adoption",
                            names),
                "écrivez qui transmet le schéma (et ses mises à jour) au CDSF, et dans le mois de son adoption");
    return;
  }
  std::vector<std::string> lacks;
  if (has_any(best->sentence, optional_words)) lacks.push_back("elle n'est qu'une faculté (« peut »)");
  if (!has_any(best->sentence, senders)) lacks.push_back("elle ne dit pas qui transmet");
  if (!has_any(best->sentence, one_month)) lacks.push_back("elle ne fixe pas le délai d'un mois après l'adoption");
  ctx.warning(best->loc,
              fmt::format("la CTG tient lieu de schéma pluriannuel pour {} ; {} prévoit sa transmission au CDSF, mais "
                          "{}",
                          names, best->where, join_french(lacks)),
              "engagez-vous : « [qui] transmet le schéma et ses mises à jour au CDSF dans le mois de leur adoption »");
}

// SCH-4: a prior concertation.
void sch_4(Context& ctx) {
  if (!schema_in_force(ctx)) return;
  auto aos = aos_needing_schema(ctx.ctg, ctx.at);
  if (aos.empty()) return;
  if (!provisions(ctx.ctg, [](const std::string& s) { return has_word(s, "concert"); }).empty()) return;
  ctx.warning(ctx.ctg.preambule ? ctx.ctg.at("preambule") : follow_up_article(ctx.ctg, *aos.front()),
              fmt::format("la CTG tient lieu de schéma pluriannuel pour {}, mais ne mentionne aucune concertation "
                          "préalable",
                          ao_names(ctx.ctg, aos)),
              "décrivez la concertation menée avec les partenaires et les familles");
}

// SCH-5: the intermediate and final reviews are sent to the CDSF: a
// commitment says who sends them.
void sch_5(Context& ctx) {
  if (!schema_in_force(ctx)) return;
  auto aos = aos_needing_schema(ctx.ctg, ctx.at);
  if (aos.empty()) return;
  // A sentence on the reviews, or the one right after it (« Ces bilans sont transmis… »).
  auto found = provisions(ctx.ctg, [](const std::string& s) {
    return about_reviews(s) && has_any(s, cdsf_words) && has_any(s, sending);
  });
  const Provision* best = nullptr;
  for (const auto& p : found) {
    if (!has_any(p.sentence, optional_words) && has_any(p.sentence, senders)) return;
    if (!best) best = &p;
  }
  std::string names = ao_names(ctx.ctg, aos);
  if (!best) {
    ctx.warning(follow_up_article(ctx.ctg, *aos.front()),
                fmt::format("la CTG tient lieu de schéma pluriannuel pour {}, mais ne prévoit pas la transmission de "
                            "ses bilans intermédiaire et final au comité départemental des services aux familles",
                            names),
                "écrivez qui transmet les bilans intermédiaire et final au CDSF");
    return;
  }
  ctx.warning(best->loc,
              fmt::format("la CTG tient lieu de schéma pluriannuel pour {} ; {} évoque la transmission des bilans au "
                          "CDSF, mais {}",
                          names, best->where,
                          has_any(best->sentence, optional_words) ? "comme une simple faculté (« peut »)"
                                                                  : "sans dire qui les transmet"),
              "engagez-vous : « [qui] transmet les bilans intermédiaire et final au CDSF »");
}

// CTG-1: the Cnaf prefers four years; five is common.
void ctg_1(Context& ctx) {
  const auto& cv = ctx.ctg.convention;
  // The length runs to the day after the end: 2026-01-01 … 2029-12-31 is 4 years.
  Date after = cv.fin;
  if (++after.day > days_in_month(after.year, after.month)) {
    after.day = 1;
    if (++after.month > 12) {
      after.month = 1;
      ++after.year;
    }
  }
  int months = (after.year - cv.debut.year) * 12 + (after.month - cv.debut.month);
  int days = after.day - cv.debut.day;
  if (days < 0) {
    --months;
    days += days_in_month(cv.debut.year, cv.debut.month);
  }
  if (months == 48 && days == 0) return;
  std::string length = days == 0 && months % 12 == 0 ? fmt::format("{} ans", months / 12)
                       : days == 0                   ? fmt::format("{} mois", months)
                                                     : fmt::format("{} mois et {} jour{}", months, days, days > 1 ? "s" : "");
  ctx.note(cv.at("fin"),
           fmt::format("la convention dure {} (du {} au {}) ; la Cnaf préconise 4 ans, 5 ans sont courants", length,
                       to_french_long(cv.debut), to_french_long(cv.fin)));
}

// CTG-2: a date given by --at outside the CTG's period is checked all the
// same, saying so (the whole-period evaluation never leaves the period).
void ctg_2(Context& ctx) {
  const auto& cv = ctx.ctg.convention;
  bool before = ctx.at < cv.debut;
  if (!before && !(cv.fin < ctx.at)) return;
  ctx.note(cv.at(before ? "debut" : "fin"),
           fmt::format("la date de vérification ({}, --at) est hors de la période de la CTG, du {} au {} : la CTG "
                       "{} en vigueur à cette date ; les règles y ont été vérifiées avec le droit de cette date{} et "
                       "les compétences, transferts et populations tels que la CTG les écrit",
                       to_iso(ctx.at), to_french_long(cv.debut), to_french_long(cv.fin),
                       before ? "n'est pas encore" : "n'est plus",
                       ctx.at < ao_regime_start ? " (avant le 1er janvier 2025 : aucune règle AO ne s'applique)" : ""),
           fmt::format("omettez --at pour vérifier chaque date de la période, ou choisissez une date du {} au {}",
                       to_iso(cv.debut), to_iso(cv.fin)));
}

}  // namespace checks
}  // namespace ctg::rules
