// SCH-1 … SCH-4 (art. L214-2 and D214-10-1 CASF) and CTG-1.
#include <fmt/format.h>

#include <algorithm>

#include "rules_checks.hpp"
#include "text.hpp"

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
bool has_means(const Ctg& ctg, const AoEntry& e) {
  return any_line(ctg, e, [](const OfferLine& l) {
    return !l.ingenierie.empty() ||
           std::any_of(l.investissements.begin(), l.investissements.end(), [](const Investment& i) { return i.cout.has_value(); });
  });
}
bool has_calendar(const Ctg& ctg, const AoEntry&) { return ctg.plan_actions && !ctg.plan_actions->calendrier.empty(); }
bool has_indicators(const Ctg& ctg, const AoEntry&) {
  return std::any_of(ctg.fiches_action.begin(), ctg.fiches_action.end(),
                     [](const ActionSheet& f) { return !f.indicateurs.empty(); });
}

// Lower-case ASCII letters, the rest kept: enough to find a word in French text.
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Where the CTG mentions one of `words`: the first article, the préambule or
// an annexe's text that does.
std::optional<std::string> mentions(const Ctg& ctg, std::initializer_list<std::string_view> words) {
  auto found = [&](const std::string& text) {
    std::string l = lower(text);
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return l.find(w) != std::string::npos; });
  };
  for (const auto& a : ctg.articles)
    if (found(a.texte)) return fmt::format("article {}", a.numero);
  if (ctg.preambule && found(*ctg.preambule)) return std::string("le préambule");
  if (ctg.pilotage && ctg.pilotage->texte && found(*ctg.pilotage->texte)) return std::string("l'annexe 4");
  if (ctg.diagnostic && found(ctg.diagnostic->texte)) return std::string("le diagnostic");
  return std::nullopt;
}

std::string ao_names(const Ctg& ctg, const std::vector<const AoEntry*>& aos) {
  std::vector<std::string> names;
  for (const auto* e : aos) names.push_back(ctg.party(e->ao) ? ctg.party(e->ao)->nom : e->ao);
  return join_french(names);
}

}  // namespace

const std::vector<SchemaItem>& schema_items() {
  static const std::vector<SchemaItem> items{
      {"1°", "la liste des équipements et services existants", "equipements (annexe 2)", has_equipment},
      {"2°", "l'analyse des besoins des familles", "diagnostic › texte et enjeux (annexe 1)", has_needs},
      {"3°", "les zones où l'offre est insuffisante ou difficile d'accès",
       "offre_petite_enfance › zones_prioritaires de l'AO", has_zones},
      {"4° a)", "les objectifs de maintien et de développement de l'offre",
       "offre_petite_enfance › lignes › projection de l'AO", has_objectives},
      {"4° b)", "les besoins en emplois et en compétences", "offre_petite_enfance › lignes › besoins_emplois de l'AO",
       has_jobs},
      {"4° c)", "les mesures pour l'accueil des enfants de familles en difficulté",
       "offre_petite_enfance › familles_difficulte de l'AO", has_families},
      {"4° d)", "les actions de soutien à la qualité des modes d'accueil",
       "offre_petite_enfance › soutien_qualite de l'AO", has_quality},
      {"4° e)", "les projets d'investissement", "offre_petite_enfance › lignes › investissements de l'AO",
       has_investments},
      {"4° f)", "les coûts et les moyens humains, financiers et d'ingénierie",
       "offre_petite_enfance › lignes › investissements › cout ou ingenierie de l'AO", has_means},
      {"4° g)", "le calendrier de mise en œuvre", "plan_actions › calendrier (annexe 3)", has_calendar},
      {"4° h)", "les indicateurs de suivi et d'évaluation", "fiches_action › indicateurs", has_indicators},
  };
  return items;
}

namespace checks {

// SCH-1: the CTG stands in for the schéma only if it holds each item of D214-10-1 I.
void sch_1(Context& ctx) {
  for (const AoEntry* e : aos_needing_schema(ctx.ctg)) {
    std::vector<std::string> missing;
    for (const auto& item : schema_items())
      if (!item.present(ctx.ctg, *e)) missing.push_back(fmt::format("{} {} ({})", item.id, item.text, item.where));
    std::string name = ctx.ctg.party(e->ao) ? ctx.ctg.party(e->ao)->nom : e->ao;
    if (missing.empty()) {
      ctx.note(e->loc, fmt::format("la CTG contient les {} éléments du schéma pluriannuel de {}", schema_items().size(),
                                   name));
      continue;
    }
    ctx.warning(e->loc,
                fmt::format("pour tenir lieu du schéma pluriannuel de {}, la CTG doit contenir chaque élément de "
                            "l'art. D214-10-1 I ; il manque {} élément{} sur {} : {}",
                            name, missing.size(), missing.size() > 1 ? "s" : "", schema_items().size(),
                            join(missing, " ; ")),
                "complétez ces parties, ou prévoyez un schéma pluriannuel distinct");
  }
}

// SCH-2: the schéma's duration fits the SDSF's.
void sch_2(Context& ctx) {
  auto aos = aos_needing_schema(ctx.ctg);
  if (aos.empty()) return;
  const auto& cv = ctx.ctg.convention;
  const auto& sdsf = cv.schema_departemental;
  if (!sdsf || !sdsf->debut || !sdsf->fin) {
    ctx.note(cv.loc,
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

// SCH-3: the schéma, its updates and its reviews go to the CDSF.
void sch_3(Context& ctx) {
  auto aos = aos_needing_schema(ctx.ctg);
  if (aos.empty()) return;
  if (mentions(ctx.ctg, {"cdsf", "comité départemental des services aux familles"})) return;
  ctx.warning(ctx.ctg.loc,
              fmt::format("la CTG tient lieu de schéma pluriannuel pour {}, mais ne prévoit pas sa transmission au "
                          "comité départemental des services aux familles (CDSF) dans le mois de son adoption, ni "
                          "celle des bilans intermédiaire et final",
                          ao_names(ctx.ctg, aos)),
              "ajoutez cette transmission à l'article sur le suivi et l'évaluation");
}

// SCH-4: a prior concertation.
void sch_4(Context& ctx) {
  auto aos = aos_needing_schema(ctx.ctg);
  if (aos.empty() || mentions(ctx.ctg, {"concertation"})) return;
  ctx.warning(ctx.ctg.loc,
              fmt::format("la CTG tient lieu de schéma pluriannuel pour {}, mais ne mentionne aucune concertation "
                          "préalable",
                          ao_names(ctx.ctg, aos)),
              "décrivez la concertation menée avec les partenaires et les familles");
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

}  // namespace checks
}  // namespace ctg::rules
