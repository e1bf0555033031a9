// SPDX-License-Identifier: EUPL-1.2
// The CTG against itself: AO table, offer tables, diagnostic, annexes,
// dates, fiches action. Each finding gives both figures and where each
// comes from.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "base/french.hpp"
#include "rules/population.hpp"
#include "rules/checks.hpp"
#include "base/text.hpp"
#include "format/vocabulary.hpp"

namespace ctg::rules {

namespace {

// A commune by its name, an EPCI or a syndicat by its designation (population.hpp).
std::string name_of(const Ctg& ctg, const std::string& id) { return ao_name(ctg, id); }

const AoEntry* entry_of(const Ctg& ctg, std::string_view id) { return ctg.ao_entry(id); }

const Indicator* indicator(const Ctg& ctg, Measure m) {
  if (!ctg.diagnostic) return nullptr;
  for (const auto& i : ctg.diagnostic->indicateurs)
    if (i.mesure == m && !i.perimetre) return &i;
  return nullptr;
}

// Names compared as a reader would: case, accents of capitals, hyphens and
// apostrophes aside (« CHATEAU ARNOUX ST AUBAN » is « Château-Arnoux-Saint-Auban »).
std::string fold(std::string_view s) {
  static const std::vector<std::pair<std::string_view, std::string_view>> accents{
      {"é", "e"}, {"è", "e"}, {"ê", "e"}, {"ë", "e"}, {"É", "e"}, {"È", "e"}, {"Ê", "e"}, {"à", "a"}, {"â", "a"},
      {"À", "a"}, {"Â", "a"}, {"î", "i"}, {"ï", "i"}, {"Î", "i"}, {"ô", "o"}, {"Ô", "o"}, {"ù", "u"}, {"û", "u"},
      {"ü", "u"}, {"ç", "c"}, {"Ç", "c"}, {"œ", "oe"}, {"’", " "}};
  std::string t(s);
  for (const auto& [from, to] : accents)
    for (std::size_t p; (p = t.find(from)) != std::string::npos;) t.replace(p, from.size(), to);
  std::string out;
  for (char c : t) {
    char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (l == '-' || l == '\'' || l == ' ') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(l);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  for (std::size_t p; (p = out.find("saint ")) != std::string::npos;) out.replace(p, 6, "st ");
  // « Commune de Valbelle », « la commune d'Aube »: the commune's own name.
  for (std::string_view prefix : {"la commune de ", "la commune d ", "la commune du ", "la commune des ",
                                  "commune de ", "commune d ", "commune du ", "commune des ", "mairie de "})
    if (out.rfind(prefix, 0) == 0) {
      out.erase(0, prefix.size());
      break;
    }
  return out;
}

// The offer tables' sum of a mode's current figure, and what it leaves out.
struct OfferSum {
  Decimal value;
  std::vector<std::string> without;  // AOs whose figure is blank
  int tables = 0;
};

OfferSum offer_sum(const Ctg& ctg, std::initializer_list<OfferMode> modes, bool count_structures = false) {
  OfferSum s;
  for (const auto& t : ctg.offre_petite_enfance) {
    bool any = false, blank = false;
    for (const auto& l : t.lignes) {
      if (std::find(modes.begin(), modes.end(), l.mode) == modes.end()) continue;
      std::optional<Decimal> v = count_structures ? (l.structures ? std::optional<Decimal>(Decimal::from_int(*l.structures))
                                                                  : std::nullopt)
                                                  : l.actuel;
      if (v) {
        s.value = s.value + *v;
        any = true;
      } else {
        blank = true;
      }
    }
    if (blank && !any) s.without.push_back(name_of(ctg, t.ao));
    ++s.tables;
  }
  return s;
}

// « du tableau d'offre », « des 4 tableaux d'offre »
std::string tables_phrase(int n) {
  return n == 1 ? std::string("du tableau d'offre") : fmt::format("des {} tableaux d'offre", n);
}

// Compares a diagnostic figure with the annexes' and reports both.
void compare_figure(Context& ctx, Measure m, const std::string& annex_what, std::optional<Decimal> annex_value,
                    const std::vector<std::string>& caveats) {
  const Indicator* i = indicator(ctx.ctg, m);
  if (!i || !annex_value || i->valeur == *annex_value) return;
  std::string caveat = caveats.empty() ? "" : " ; " + join_french(caveats);
  ctx.warning(i->at("valeur"),
              fmt::format("le diagnostic indique {} = {} (indicateur « {} »), mais {} donne {}{}", i->libelle,
                          fr::decimal(i->valeur), i->id, annex_what, fr::decimal(*annex_value), caveat),
              "vérifiez lequel des deux chiffres est juste et corrigez l'autre, ou précisez leur différence "
              "(date, périmètre) dans une note");
}

}  // namespace

std::string fold_name(std::string_view s) { return fold(s); }

namespace checks {

// TRF-1: a transfer's stated total equals the sum of its listed communes.
void trf_1(Context& ctx) {
  for (const auto& e : ctx.ctg.autorites_organisatrices)
    for (const auto& t : e.transferts) {
      if (!t.population || !t.population->valeur || t.communes.empty()) continue;
      std::int64_t sum = 0;
      std::vector<std::string> unknown;
      for (const auto& c : t.communes) {
        if (c.population && c.population->valeur) sum += *c.population->valeur;
        else unknown.push_back(c.nom);
      }
      if (!unknown.empty()) {
        ctx.warning(t.at("communes"),
                    fmt::format("la population de {} n'est pas indiquée : le total de {} habitants déclaré pour le "
                                "transfert ne peut être vérifié",
                                join_french(unknown), fr::integer(*t.population->valeur)));
        continue;
      }
      if (sum != *t.population->valeur)
        ctx.error(t.population->at("valeur"),
                  fmt::format("{} : le total déclaré des communes ayant transféré est de {} habitants, mais la somme "
                              "des {} communes listées donne {} (écart {})",
                              name_of(ctx.ctg, e.ao), fr::integer(*t.population->valeur), t.communes.size(),
                              fr::integer(sum), fr::integer(sum - *t.population->valeur)),
                  "corrigez le total ou la population d'une commune : c'est ce total qui décide des obligations");
    }
}

// TRF-2: a commune listed twice for the same competence (two transfers, or
// twice in one list) is an encoding mistake; the figures count it once.
// Whether two transfers are in force on a common day (a commune may leave
// by one, jusqu_au, and come back by another, depuis, without a double count).
static bool overlap(const Transfer& a, const Transfer& b) {
  if (a.jusqu_au && b.depuis && *a.jusqu_au < *b.depuis) return false;
  if (b.jusqu_au && a.depuis && *b.jusqu_au < *a.depuis) return false;
  return true;
}

void trf_2(Context& ctx) {
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    std::vector<std::pair<const Transfer*, const TransferringCommune*>> listed;
    for (const auto& t : e.transferts)
      for (const auto& tc : t.communes) {
        for (const auto& [ot, oc] : listed) {
          if (!same_commune(*oc, tc) || !overlap(*ot, t)) continue;
          std::vector<std::string> shared;
          for (Competence c : t.competences)
            if (std::find(ot->competences.begin(), ot->competences.end(), c) != ot->competences.end())
              shared.push_back(competence_name(c));
          if (shared.empty()) continue;
          ctx.warning(tc.loc,
                      fmt::format("{} figure deux fois parmi les communes ayant transféré {} {} {} : ici et "
                                  "ligne {}, colonne {} ; elle n'est comptée qu'une fois dans la population de l'EPCI",
                                  tc.nom, shared.size() > 1 ? "les compétences" : "la compétence",
                                  join_french(shared), to_ao(ctx.ctg, e.ao), oc->loc.line, oc->loc.col),
                      "gardez la commune dans un seul transfert par compétence (clé communes)");
          break;
        }
        listed.emplace_back(&t, &tc);
      }
  }
}

// TRF-3: a transfer that ends before the CTG starts, or takes effect after
// it ends, counts at no date of the CTG.
void trf_3(Context& ctx) {
  const auto& cv = ctx.ctg.convention;
  for (const auto& e : ctx.ctg.autorites_organisatrices)
    for (const auto& t : e.transferts) {
      if (t.jusqu_au && *t.jusqu_au < cv.debut)
        ctx.warning(t.at("jusqu_au"),
                    fmt::format("le transfert {} prend fin le {} (jusqu_au), avant le début de la CTG, le {} "
                                "(convention › debut, ligne {}) : il ne compte à aucune date de la CTG",
                                to_ao(ctx.ctg, e.ao), to_french_long(*t.jusqu_au), to_french_long(cv.debut),
                                cv.at("debut").line),
                    "retirez ce transfert du tableau, ou corrigez la date de « jusqu_au »");
      if (t.depuis && cv.fin < *t.depuis)
        ctx.warning(t.at("depuis"),
                    fmt::format("le transfert {} prend effet le {} (depuis), après la fin de la CTG, le {} "
                                "(convention › fin, ligne {}) : il ne compte à aucune date de la CTG",
                                to_ao(ctx.ctg, e.ao), to_french_long(*t.depuis), to_french_long(cv.fin),
                                cv.at("fin").line),
                    "retirez ce transfert du tableau (un avenant le prendra en compte), ou corrigez la date de "
                    "« depuis »");
    }
}

// OFF-1: each AO that plans (3°) has its offer table.
void off_1(Context& ctx) {
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    if (e.competences.planifier != CompetenceStatus::Exercee) continue;
    bool has = std::any_of(ctx.ctg.offre_petite_enfance.begin(), ctx.ctg.offre_petite_enfance.end(),
                           [&](const OfferTable& t) { return t.ao == e.ao; });
    if (!has)
      ctx.warning(e.competences.at("planifier"),
                  fmt::format("{} exerce la compétence 3° (planifier) mais n'a pas de tableau d'offre petite enfance",
                              name_of(ctx.ctg, e.ao)),
                  "ajoutez son tableau dans offre_petite_enfance : offre actuelle et projection année par année");
  }
}

// OFF-2: each offer table belongs to an AO that plans.
void off_2(Context& ctx) {
  for (const auto& t : ctx.ctg.offre_petite_enfance) {
    const AoEntry* e = entry_of(ctx.ctg, t.ao);
    if (!e)
      ctx.warning(t.at("ao"),
                  fmt::format("{} a un tableau d'offre mais ne figure pas au tableau des autorités organisatrices",
                              name_of(ctx.ctg, t.ao)),
                  "inscrivez-la au tableau des autorités organisatrices avec ses compétences");
    else if (e->competences.planifier != CompetenceStatus::Exercee) {
      // A commune of 3 500 or fewer may plan voluntarily: its table is an offer, not an inconsistency.
      auto pop = commune_population(ctx.ctg, *e);
      const Party* p = ctx.ctg.party(t.ao);
      bool small = p && !is_grouping(*p) && pop && compare(*pop, 3500) == Side::AtOrBelow;
      ctx.report(small ? Severity::Note : Severity::Warning, t.at("ao"),
                 small ? fmt::format("{} ({}) présente un tableau d'offre sans exercer la compétence 3° (planifier), "
                                     "facultative jusqu'à 3 500 habitants : une offre volontaire, que le tableau des "
                                     "autorités organisatrices (ligne {}) dit « {} »",
                                     name_of(ctx.ctg, t.ao), pop->describe(), e->competences.at("planifier").line,
                                     key_of(e->competences.planifier))
                       : fmt::format("{} a un tableau d'offre, mais sa compétence 3° (planifier) est « {} » au "
                                     "tableau des autorités organisatrices (ligne {})",
                                     name_of(ctx.ctg, t.ao), key_of(e->competences.planifier),
                                     e->competences.at("planifier").line),
                 small ? "si la commune planifie volontairement, indiquez « exercee » au tableau des autorités "
                         "organisatrices"
                       : "le tableau d'offre est celui des AO qui planifient : corrigez l'un ou l'autre");
    }
  }
}

// OFF-3: projections cover exactly the CTG's years.
void off_3(Context& ctx) {
  auto years = ctx.ctg.years();
  std::set<int> expected(years.begin(), years.end());
  for (const auto& t : ctx.ctg.offre_petite_enfance)
    for (const auto& l : t.lignes) {
      std::set<int> given;
      for (const auto& [y, v] : l.projection) given.insert(y);
      std::vector<std::string> missing, extra;
      for (int y : expected)
        if (!given.count(y)) missing.push_back(std::to_string(y));
      for (int y : given)
        if (!expected.count(y)) extra.push_back(std::to_string(y));
      if (missing.empty() && extra.empty()) continue;
      std::string what = std::string(label_of(l.mode));
      std::vector<std::string> parts;
      if (!missing.empty()) parts.push_back("il manque " + join_french(missing));
      if (!extra.empty()) parts.push_back(join_french(extra) + (extra.size() > 1 ? " sont" : " est") + " hors de la CTG");
      ctx.warning(l.projection.empty() ? l.loc : l.at("projection"),
                  fmt::format("{}, ligne « {} » : la projection doit couvrir chaque année de la CTG ({} à {}) ; {}",
                              name_of(ctx.ctg, t.ao), what, years.front(), years.back(), join(parts, ", ")),
                  "donnez une valeur par année, null pour une case laissée vide");
    }
}

// DIAG-1: the number of EAJE, diagnostic against Annexe 2.
void diag_1(Context& ctx) {
  auto n = std::count_if(ctx.ctg.equipements.begin(), ctx.ctg.equipements.end(),
                         [](const Equipment& e) { return e.type == EquipmentType::Eaje; });
  if (ctx.ctg.equipements.empty()) return;
  compare_figure(ctx, Measure::EajeNombre, "l'annexe 2 (équipements de type eaje)", Decimal::from_int(n), {});
}

// DIAG-2: EAJE places, diagnostic against the offer tables.
void diag_2(Context& ctx) {
  if (ctx.ctg.offre_petite_enfance.empty()) return;
  OfferSum s = offer_sum(ctx.ctg, {OfferMode::EajePsu, OfferMode::MicroCrechePaje});
  std::vector<std::string> caveats;
  if (!s.without.empty()) caveats.push_back("sans compter " + join_french(s.without) + " (cases vides)");
  compare_figure(ctx, Measure::EajePlaces,
                 fmt::format("la somme des places actuelles EAJE PSU et micro-crèches PAJE {}", tables_phrase(s.tables)),
                 s.value, caveats);
}

// DIAG-3: childminders, diagnostic against the offer tables.
void diag_3(Context& ctx) {
  if (ctx.ctg.offre_petite_enfance.empty()) return;
  OfferSum s = offer_sum(ctx.ctg, {OfferMode::AssistantsMaternels}, true);
  std::vector<std::string> caveats;
  if (!s.without.empty())
    caveats.push_back(join_french(s.without) + " ne donne" + (s.without.size() > 1 ? "nt" : "") +
                      " que des places, pas un nombre d'assistants maternels");
  compare_figure(ctx, Measure::AssistantsMaternelsNombre,
                 "le nombre d'assistants maternels des tableaux d'offre (« structures » des lignes)", s.value, caveats);
}

// DIAG-4: number of relais, diagnostic against Annexe 2. Relais are counted,
// not the AOs that fund RPE ETP: one relais may serve several AOs.
void diag_4(Context& ctx) {
  if (ctx.ctg.equipements.empty()) return;
  auto n = std::count_if(ctx.ctg.equipements.begin(), ctx.ctg.equipements.end(),
                         [](const Equipment& e) { return e.type == EquipmentType::Rpe; });
  compare_figure(ctx, Measure::RpeNombre, "l'annexe 2 (équipements de type rpe)", Decimal::from_int(n), {});
}

// DIAG-5: RPE ETP, diagnostic against the offer tables.
void diag_5(Context& ctx) {
  if (ctx.ctg.offre_petite_enfance.empty()) return;
  OfferSum s = offer_sum(ctx.ctg, {OfferMode::Rpe});
  compare_figure(ctx, Measure::RpeEtp, fmt::format("la somme des ETP actuels de RPE {}", tables_phrase(s.tables)),
                 s.value, {});
}

// DIAG-6: the stated coverage rate against the computed one (ctg coverage).
void diag_6(Context& ctx) {
  const auto& stated = ctx.coverage.stated;
  if (!stated || !stated->computed_tenths) return;
  std::int64_t stated_tenths = *coverage::ratio_tenths(stated->value, Decimal::from_int(1));
  if (stated_tenths == *stated->computed_tenths) return;
  const auto& whole = ctx.coverage.perimeters.back();
  bool partial = whole.columns.front().partial();
  std::string first = stated->first_year_tenths
                          ? fmt::format(" ; {} pour {}", fr::tenths(*stated->first_year_tenths), stated->first_year)
                          : "";
  ctx.warning(stated->loc,
              fmt::format("le diagnostic indique un taux de couverture de {} ({}), mais le calcul sur les tableaux "
                          "d'offre donne {}{} pour la situation actuelle{} (places pour 100 enfants de moins de 3 ans)",
                          fr::decimal(stated->value), stated->source, fr::tenths(*stated->computed_tenths),
                          partial ? ", partiel," : "", first),
              partial ? "ctg coverage détaille le calcul et les données manquantes"
                      : "vérifiez le taux indiqué : ctg coverage détaille le calcul");
}

// EQP-1: an equipment listed twice.
void eqp_1(Context& ctx) {
  std::map<std::string, const Equipment*> seen;
  for (const auto& e : ctx.ctg.equipements) {
    std::string key = fold(e.nom) + "|" + fold(e.commune) + "|" + std::string(key_of(e.type)) + "|" +
                      (e.sous_type ? std::string(key_of(*e.sous_type)) : "");
    auto [it, fresh] = seen.emplace(key, &e);
    if (!fresh)
      ctx.warning(e.at("nom"),
                  fmt::format("« {} » ({}) figure deux fois à l'annexe 2 : ici et ligne {} (id « {} »)", e.nom, e.commune,
                              it->second->loc.line, it->second->id),
                  "supprimez le doublon, ou distinguez les deux équipements (nom, sous-type) s'ils sont différents");
  }
}

// EQP-2: an equipment in a commune outside the territory, when the territory's communes are known.
void eqp_2(Context& ctx) {
  std::set<std::string> communes;
  bool open = false;  // an EPCI whose member communes are not all listed
  for (const auto& p : ctx.ctg.parties) {
    if (p.type == PartyType::Commune) communes.insert(fold(p.nom));
    if (is_grouping(p)) {
      const AoEntry* e = entry_of(ctx.ctg, p.id);
      bool listed = e && !e->transferts.empty() &&
                    std::all_of(e->transferts.begin(), e->transferts.end(),
                                [](const Transfer& t) { return !t.communes.empty(); });
      if (!listed) open = true;
      if (e)
        for (const auto& t : e->transferts)
          for (const auto& c : t.communes) communes.insert(fold(c.nom));
    }
  }
  if (open || communes.empty()) return;
  for (const auto& e : ctx.ctg.equipements)
    if (!communes.count(fold(e.commune)))
      ctx.warning(e.at("commune"),
                  fmt::format("« {} » est à {}, commune qui n'est ni signataire ni membre d'un EPCI signataire",
                              e.nom, e.commune),
                  "vérifiez la commune, ou retirez l'équipement s'il est hors du territoire de la CTG");
}

// EQP-3: an equipment of type « autre » says what it is.
void eqp_3(Context& ctx) {
  for (const auto& e : ctx.ctg.equipements)
    if (e.type == EquipmentType::Autre && !e.note)
      ctx.note(e.at("type"), fmt::format("« {} » est de type « autre » sans précision", e.nom),
               "précisez sa nature dans une note, ou choisissez un type de la liste");
}

// DAT-1: deliberations authorise the signature: they come before it, within the CTG's life.
void dat_1(Context& ctx) {
  const auto& cv = ctx.ctg.convention;
  for (const auto& p : ctx.ctg.parties) {
    if (!p.deliberation || !p.deliberation->date) continue;
    const Date& d = *p.deliberation->date;
    if (cv.date_signature && d > *cv.date_signature)
      ctx.error(p.deliberation->at("date"),
                fmt::format("{} : la délibération du {} est postérieure à la signature du {} qu'elle autorise",
                            p.nom, to_french_long(d), to_french_long(*cv.date_signature)),
                "vérifiez la date de la délibération ou celle de la signature");
    if (d > cv.fin)
      ctx.error(p.deliberation->at("date"),
                fmt::format("{} : la délibération du {} est postérieure à la fin de la convention ({})", p.nom,
                            to_french_long(d), to_french_long(cv.fin)));
  }
}

// SIG-1: what is still blank before signature.
void sig_1(Context& ctx) {
  const auto& cv = ctx.ctg.convention;
  Severity s = ctx.stage == Stage::Signature ? Severity::Error : Severity::Note;
  std::string when = ctx.stage == Stage::Signature ? "à renseigner avant la signature" : "encore vide (projet)";
  // An absent key is pointed at the signature's other key, or the convention's end date.
  auto where = [&](std::string_view key, std::string_view other) {
    return cv.has(key) ? cv.at(key) : cv.has(other) ? cv.at(other) : cv.at("fin");
  };
  if (!cv.lieu_signature)
    ctx.report(s, where("lieu_signature", "date_signature"),
               fmt::format("lieu de signature {}{}", cv.has("lieu_signature") ? "" : "absent, ", when),
               "convention › lieu_signature");
  if (!cv.date_signature)
    ctx.report(s, where("date_signature", "lieu_signature"),
               fmt::format("date de signature {}{}", cv.has("date_signature") ? "" : "absente, ", when),
               "convention › date_signature");
  for (const auto& p : ctx.ctg.parties)
    if (p.deliberation && !p.deliberation->date)
      ctx.report(s, p.deliberation->at("date"), fmt::format("{} : date de la délibération {}", p.nom, when),
                 "parties › deliberation › date");
}

// SIG-2: what ctg init (or a user) marked « À REMPLIR » or « À DÉCIDER » is
// still open: a remark in a draft, an error in the version for signature,
// which must not print « À REMPLIR » nor « à décider » where the parties sign.
void sig_2(Context& ctx) {
  bool signing = ctx.stage == Stage::Signature;
  Severity s = signing ? Severity::Error : Severity::Note;
  for (const auto& p : prose(ctx.ctg))
    if (p.text->find("À REMPLIR") != std::string::npos)
      ctx.report(s, p.loc, fmt::format("{} contient encore « À REMPLIR »{}", p.what,
                                       signing ? " : ce texte serait imprimé tel quel dans la version signée" : ""),
                 "écrivez le texte à sa place, ou retirez la phrase si elle ne s'applique pas");
  std::vector<const AoEntry*> open;
  for (const auto& e : ctx.ctg.autorites_organisatrices)
    if (e.note && e.note->starts_with("À DÉCIDER")) open.push_back(&e);
  if (open.empty()) return;
  std::string hint = "décidez les compétences de la ligne (exercee, transferee…), puis retirez sa note « À DÉCIDER »";
  if (signing) {
    for (const auto* e : open) {
      const Party* p = ctx.ctg.party(e->ao);
      ctx.error(e->at("note"),
                fmt::format("tableau des AO, {} : compétences encore « à décider » ; la version signée ne peut "
                            "pas les imprimer ainsi", p ? p->nom : e->ao),
                hint);
    }
  } else {
    ctx.note(open.front()->at("note"),
             fmt::format("tableau des AO : {} ligne{} encore marquée{} « À DÉCIDER » (la convention imprime « à décider »)",
                         open.size(), open.size() > 1 ? "s" : "", open.size() > 1 ? "s" : ""),
             hint);
  }
}

// FIC-1: a fiche action has indicators.
void fic_1(Context& ctx) {
  for (const auto& f : ctx.ctg.fiches_action)
    if (f.indicateurs.empty())
      ctx.warning(f.loc, fmt::format("la fiche action {} « {} » n'a pas d'indicateur de suivi", f.numero, f.titre),
                  "ajoutez ses indicateurs (clé indicateurs) : le bilan de la CTG s'appuie sur eux");
}

// FIC-2: numbering without gaps: articles, fiches, and their actions clés.
void fic_2(Context& ctx) {
  auto sequence = [&](const auto& items, auto number, const char* what) {
    std::int64_t expected = 1;
    for (const auto& it : items) {
      std::int64_t n = number(it);
      if (n != expected)
        ctx.warning(it.at("numero"), fmt::format("{} numéro {} : le numéro {} était attendu", what, n, expected),
                    "numérotez sans trou ni doublon");
      expected = n + 1;
    }
  };
  sequence(ctx.ctg.articles, [](const Article& a) { return a.numero; }, "article");
  sequence(ctx.ctg.fiches_action, [](const ActionSheet& f) { return f.numero; }, "fiche action");
  for (const auto& f : ctx.ctg.fiches_action) {
    int k = 1;
    for (const auto& a : f.actions_cles) {
      std::string expected = fmt::format("{}.{}", f.numero, k++);
      if (a.id != expected)
        ctx.warning(a.at("id"),
                    fmt::format("fiche action {} : action clé « {} », « {} » était attendu", f.numero, a.id, expected),
                    "numérotez les actions clés N.1, N.2… où N est le numéro de la fiche");
    }
  }
}

// FIC-3: the plan's axes and the fiches point to each other consistently.
void fic_3(Context& ctx) {
  if (!ctx.ctg.plan_actions) return;
  const auto& axes = ctx.ctg.plan_actions->axes;
  for (const auto& f : ctx.ctg.fiches_action) {
    if (!f.axe) {
      if (!axes.empty())
        ctx.note(f.loc, fmt::format("la fiche action {} « {} » n'est rattachée à aucun axe du plan", f.numero, f.titre),
                 "indiquez son axe (clé axe)");
      continue;
    }
    auto axis = std::find_if(axes.begin(), axes.end(), [&](const Axis& a) { return a.id == *f.axe; });
    if (axis != axes.end() && !axis->fiches.empty() &&
        std::find(axis->fiches.begin(), axis->fiches.end(), f.id) == axis->fiches.end())
      ctx.warning(f.at("axe"),
                  fmt::format("la fiche action {} se rattache à l'axe « {} », qui ne la cite pas dans ses fiches",
                              f.numero, axis->titre),
                  "mettez en accord la clé axe de la fiche et la liste fiches de l'axe");
  }
  for (const auto& a : axes) {
    for (const auto& fid : a.fiches) {
      auto f = std::find_if(ctx.ctg.fiches_action.begin(), ctx.ctg.fiches_action.end(),
                            [&](const ActionSheet& s) { return s.id == fid; });
      if (f != ctx.ctg.fiches_action.end() && f->axe && *f->axe != a.id)
        ctx.warning(a.at("fiches"),
                    fmt::format("l'axe « {} » cite la fiche action {}, qui se rattache à un autre axe (« {} »)",
                                a.titre, f->numero, *f->axe));
    }
    bool cited = !a.fiches.empty() || std::any_of(ctx.ctg.fiches_action.begin(), ctx.ctg.fiches_action.end(),
                                                  [&](const ActionSheet& s) { return s.axe == a.id; });
    if (!cited && !ctx.ctg.fiches_action.empty())
      ctx.note(a.loc, fmt::format("l'axe « {} » n'a pas de fiche action", a.titre));
  }
}

}  // namespace checks
}  // namespace ctg::rules
