// SPDX-License-Identifier: EUPL-1.2
// The annexes of the format description: each key, its type and its
// documentation, declared once (see format.hpp and sections.hpp).
#include "format/sections.hpp"

namespace ctg::format::sections {

using namespace codec;
using schema::Presence;

Codec<Indicator> indicator() {
  static const auto c =
      Object<Indicator>("un indicateur", "indicateur", "Un chiffre sourcé du diagnostic.")
          .required("id", &Indicator::id, identifier(), "identifiant stable")
          .required("libelle", &Indicator::libelle, text(), "ce que mesure le chiffre, en clair")
          .required("valeur", &Indicator::valeur, decimal(), "le chiffre (point décimal)")
          .optional("mesure", &Indicator::mesure, optional(enumeration<Measure>()),
                    "ce que mesure le chiffre, pour les calculs de ctg")
          .optional("unite", &Indicator::unite, enumeration<Unit>(), "unité (nombre par défaut)")
          .optional("annee", &Indicator::annee, optional(year()), "année du chiffre")
          .optional("source", &Indicator::source, optional(text()), "source du chiffre")
          .optional("perimetre", &Indicator::perimetre, optional(reference("parties")),
                    "id de la partie dont le territoire est mesuré ; tout le territoire par défaut")
          .optional("note", &Indicator::note, optional(text()),
                    "note de l'encodeur (source, lecture d'une cellule) : jamais imprimée")
          .optional("remarque", &Indicator::remarque, optional(text()), "remarque imprimée dans le document")
          .codec();
  return c;
}

Codec<Issue> issue() {
  static const auto c = Object<Issue>("un enjeu", "enjeu", "Un enjeu dégagé du diagnostic.")
                            .required("id", &Issue::id, identifier(), "identifiant stable")
                            .required("texte", &Issue::texte, text(), "l'enjeu")
                            .codec();
  return c;
}

Codec<Diagnosis> diagnosis() {
  static const auto c =
      Object<Diagnosis>("le diagnostic", "diagnostic", "Annexe 1 : le diagnostic partagé.")
          .optional("titre", &Diagnosis::titre, optional(text()), "titre de l'annexe")
          .optional("sources", &Diagnosis::sources, list(text()), "sources citées")
          .optional("indicateurs", &Diagnosis::indicateurs,
                    keyed_list<Indicator>(indicator(), "id", [](const Indicator& i) { return i.id; }, "indicateurs"),
                    "les chiffres, typés")
          .required("texte", &Diagnosis::texte, markdown(), "le texte du diagnostic, en Markdown")
          .optional("enjeux", &Diagnosis::enjeux,
                    keyed_list<Issue>(issue(), "id", [](const Issue& i) { return i.id; }, "enjeux"),
                    "les enjeux retenus")
          .codec();
  return c;
}

Codec<Equipment> equipment() {
  static const auto c =
      Object<Equipment>("un équipement", "equipement", "Annexe 2 : un équipement ou service soutenu.")
          .required("id", &Equipment::id, identifier(), "identifiant stable")
          .required("gestionnaire", &Equipment::gestionnaire, text(), "qui le gère")
          .required("nom", &Equipment::nom, text(), "nom de l'équipement")
          .required("type", &Equipment::type, enumeration<EquipmentType>(), "type d'équipement")
          .optional("sous_type", &Equipment::sous_type, optional(enumeration<EquipmentSubtype>()),
                    "sous-type, quand il précise le type")
          .optional("code_postal", &Equipment::code_postal,
                    optional(code("[0-9]{5}", "un code postal a cinq chiffres, entre guillemets : \"04000\"")),
                    "code postal")
          .required("commune", &Equipment::commune, text(), "commune d'implantation")
          .optional("partie", &Equipment::partie, optional(reference("parties")),
                    "id de la commune quand elle est signataire")
          .optional("dessert", &Equipment::dessert, list(reference("parties")),
                    "ids des parties (communes, EPCI, syndicat) qu'il sert quand il en sert plusieurs : un relais "
                    "petite enfance partagé par convention compte pour chacune (AO-7)")
          .optional("places", &Equipment::places, optional(integer(0, max_count)), "capacité en places")
          .optional("etp", &Equipment::etp, optional(decimal(0, max_count)), "équivalents temps plein")
          .optional("note", &Equipment::note, optional(text()),
                    "note de l'encodeur (source, lecture d'une cellule) : jamais imprimée")
          .optional("remarque", &Equipment::remarque, optional(text()), "remarque imprimée dans le document")
          .codec();
  return c;
}

Codec<CompetenceSet> competences() {
  static const auto c =
      Object<CompetenceSet>("les compétences", "competences",
                            "Les quatre compétences d'autorité organisatrice (art. L214-1-3 I CASF) : exercee, "
                            "transferee (à l'EPCI) ou sans_objet.")
          .required("recenser", &CompetenceSet::recenser, enumeration<CompetenceStatus>(), "1° recenser")
          .required("informer", &CompetenceSet::informer, enumeration<CompetenceStatus>(),
                    "2° informer et accompagner")
          .required("planifier", &CompetenceSet::planifier, enumeration<CompetenceStatus>(), "3° planifier")
          .required("qualite", &CompetenceSet::qualite, enumeration<CompetenceStatus>(), "4° soutenir la qualité")
          .codec();
  return c;
}

Codec<CompetenceMentions> competence_mentions() {
  static const auto c =
      Object<CompetenceMentions>("les mentions des compétences", "mentions_competences",
                                 "Le texte d'une cellule du tableau des AO tel que la source l'écrit, imprimé à côté "
                                 "de la case cochée à la place de son libellé : « Exercée par la commune (mais moins "
                                 "de 10 000 habitants) », « Sans objet/non transféré à EPCI ».")
          .optional("recenser", &CompetenceMentions::recenser, optional(text()), "1° recenser")
          .optional("informer", &CompetenceMentions::informer, optional(text()), "2° informer et accompagner")
          .optional("planifier", &CompetenceMentions::planifier, optional(text()), "3° planifier")
          .optional("qualite", &CompetenceMentions::qualite, optional(text()), "4° soutenir la qualité")
          .codec();
  return c;
}

Codec<TransferringCommune> transferring_commune() {
  static const auto c =
      Object<TransferringCommune>("une commune transférante", "commune_transferante",
                                  "Une commune qui a transféré des compétences.")
          .required("nom", &TransferringCommune::nom, text(), "nom de la commune")
          .optional("insee", &TransferringCommune::insee, optional(code(insee_pattern, insee_hint)), "code INSEE")
          .optional("partie", &TransferringCommune::partie, optional(reference("parties")),
                    "id de la commune quand elle est signataire")
          .optional("population", &TransferringCommune::population, optional(population()), "sa population")
          .codec();
  return c;
}

Codec<Transfer> transfer() {
  static const auto c =
      Object<Transfer>("un transfert", "transfert",
                       "Des compétences transférées à l'EPCI par un ensemble de communes.")
          .required("competences", &Transfer::competences, list(enumeration<Competence>()),
                    "les compétences transférées")
          .optional("population", &Transfer::population, optional(population()),
                    "population totale des communes ayant transféré")
          .optional("communes", &Transfer::communes, list(transferring_commune()),
                    "les communes ayant transféré, quand la liste est connue")
          .optional("depuis", &Transfer::depuis, optional(date()), "date d'effet du transfert")
          .optional("jusqu_au", &Transfer::jusqu_au, optional(date()),
                    "dernier jour du transfert, quand ses communes quittent l'EPCI (ou le lui reprennent) "
                    "pendant la CTG")
          .optional("arrete_prefectoral", &Transfer::arrete_prefectoral, optional(text()),
                    "arrêté préfectoral prononçant le transfert (art. L5211-17 CGCT) : « n° … du … »")
          .optional("deliberations", &Transfer::deliberations, list(text()),
                    "délibérations concordantes du transfert, citées dans les visas d'un avenant")
          .any_of({{"population", "communes"}})
          .check([](const Transfer& t, Context& ctx) {
            if (t.depuis && t.jusqu_au && *t.jusqu_au < *t.depuis)
              ctx.diags.error("DATES", t.at("jusqu_au"),
                              fmt::format("le transfert prend fin le {} (jusqu_au), avant sa date d'effet, le {} "
                                          "(depuis, ligne {})",
                                          to_iso(*t.jusqu_au), to_iso(*t.depuis), t.at("depuis").line),
                              "vérifiez les deux dates : « jusqu_au » est le dernier jour du transfert, au plus tôt "
                              "le jour de « depuis »");
          })
          .codec();
  return c;
}

Codec<AoEntry> ao_entry() {
  static const auto c =
      Object<AoEntry>("une autorité organisatrice", "autorite_organisatrice",
                      "Une ligne du tableau des autorités organisatrices (annexe 3).")
          .required("ao", &AoEntry::ao, reference("parties"), "id de la partie (commune, EPCI, syndicat)")
          .optional("population", &AoEntry::population, optional(population()),
                    "population de la commune (pour un EPCI, voir transferts)")
          .required("competences", &AoEntry::competences, competences(), "qui exerce chaque compétence")
          .optional("mentions", &AoEntry::mentions, optional(competence_mentions()),
                    "par compétence, la cellule telle que la source l'écrit, imprimée à côté de la case cochée")
          .optional("transferts", &AoEntry::transferts, list(transfer()),
                    "pour un EPCI ou un syndicat : qui lui a transféré quoi")
          .optional("note", &AoEntry::note, optional(text()),
                    "note de l'encodeur (source, lecture d'une cellule) : jamais imprimée")
          .optional("remarque", &AoEntry::remarque, optional(text()), "remarque imprimée dans le document")
          .codec();
  return c;
}

Codec<Investment> investment() {
  static const auto c =
      Object<Investment>("un projet d'investissement", "investissement",
                         "Un projet de rénovation, d'aménagement ou de création.")
          .required("id", &Investment::id, identifier(), "identifiant stable")
          .required("type", &Investment::type, enumeration<InvestmentType>(), "nature du projet")
          .required("objet", &Investment::objet, text(), "ce qui est fait")
          .optional("cout", &Investment::cout, optional(decimal(0)), "coût prévisionnel en euros")
          .optional("annees", &Investment::annees, list(year()), "années cibles")
          .optional("note", &Investment::note, optional(text()), "précision")
          .codec();
  return c;
}

Codec<OfferLine> offer_line() {
  static const auto c =
      Object<OfferLine>("une ligne d'offre", "ligne_offre", "Un mode d'accueil dans le tableau d'offre d'une AO.")
          .optional("id", &OfferLine::id, optional(identifier()),
                    "identifiant, nécessaire seulement si le mode apparaît deux fois")
          .required("mode", &OfferLine::mode, enumeration<OfferMode>(), "mode d'accueil ou dispositif")
          .optional("libelle", &OfferLine::libelle, optional(text()), "libellé, s'il précise le mode")
          .optional("structures", &OfferLine::structures, optional(integer(0, max_count)), "nombre de structures")
          .optional("unite", &OfferLine::unite, optional(enumeration<OfferUnit>()),
                    "places (par défaut), etp (par défaut pour un RPE) ou dispositifs (par défaut pour les passerelles)")
          .optional("actuel", &OfferLine::actuel, optional(decimal(0, max_count)), "nombre actuel (places ou ETP)")
          .optional("projection", &OfferLine::projection, year_map(optional(decimal(0, max_count))),
                    "projection par année : 2026: 189")
          .optional("actuel_ecrit", &OfferLine::actuel_ecrit, optional(text()),
                    "la cellule « actuel » telle que la source l'écrit quand elle dit plus qu'un chiffre (« 3 sur "
                    "Digne 1 sur Malijai ») : imprimée à la place du chiffre, qui reste celui des calculs")
          .optional("projection_ecrite", &OfferLine::projection_ecrite, year_map(text()),
                    "les cellules de la projection telles que la source les écrit, par année : imprimées à la place "
                    "des chiffres")
          .optional("besoins_emplois", &OfferLine::besoins_emplois, list(text()),
                    "besoins en emplois et compétences")
          .optional("autres_besoins", &OfferLine::autres_besoins, list(text()), "autres besoins identifiés")
          .optional("investissements", &OfferLine::investissements,
                    keyed_list<Investment>(investment(), "id", [](const Investment& i) { return i.id; }),
                    "projets d'investissement")
          .optional("ingenierie", &OfferLine::ingenierie, list(text()), "ingénierie et moyens humains")
          .optional("note", &OfferLine::note, optional(text()),
                    "note de l'encodeur (source, lecture d'une cellule) : jamais imprimée")
          .optional("remarque", &OfferLine::remarque, optional(text()), "remarque imprimée dans le document")
          .optional("couts_calendriers", &OfferLine::couts_calendriers, optional(text()),
                    "colonne « Coûts et calendriers prévisionnels », telle qu'écrite")
          .check([](const OfferLine& l, Context& ctx) {
            if (l.unit() != OfferUnit::Places) return;
            auto whole = [&](const std::optional<Decimal>& v, Loc loc) {
              if (v && !v->is_integer())
                ctx.diags.error("TYPE", loc, fmt::format("{} places : un nombre de places est entier", to_string(*v)),
                                "pour des ETP, écrivez « unite: etp »");
            };
            whole(l.actuel, l.at("actuel"));
            for (const auto& [y, v] : l.projection) whole(v, l.at("projection"));
          })
          .codec();
  return c;
}

Codec<OfferTable> offer_table() {
  static const auto c =
      Object<OfferTable>("un tableau d'offre", "offre",
                         "L'offre petite enfance d'une AO qui planifie (3°), actuelle et projetée.")
          .required("ao", &OfferTable::ao, reference("parties"), "id de l'autorité organisatrice")
          .optional("zone", &OfferTable::zone, optional(text()), "zone, si le tableau est décliné par zone")
          .required("lignes", &OfferTable::lignes,
                    keyed_list<OfferLine>(offer_line(), "mode", [](const OfferLine& l) { return l.key(); }, {},
                                          "pour décliner un même mode sur deux lignes, donnez un « id » distinct à "
                                          "chacune"),
                    "une ligne par mode d'accueil")
          .optional("zones_prioritaires", &OfferTable::zones_prioritaires, list(text()),
                    "zones où l'offre est insuffisante ou difficile d'accès (art. D214-10-1 I 3° CASF)")
          .optional("familles_difficulte", &OfferTable::familles_difficulte, list(text()),
                    "mesures pour l'accueil des enfants de familles en difficulté (D214-10-1 I 4° c)")
          .optional("soutien_qualite", &OfferTable::soutien_qualite, list(text()),
                    "actions de soutien à la qualité des modes d'accueil (D214-10-1 I 4° d)")
          .optional("elements_schema", &OfferTable::elements_schema, list(enumeration<SchemaElement>()),
                    "éléments du schéma pluriannuel (art. D214-10-1 I CASF) auxquels le tableau répond")
          .optional("note", &OfferTable::note, optional(text()),
                    "note de l'encodeur (source, lecture d'une cellule) : jamais imprimée")
          .optional("remarque", &OfferTable::remarque, optional(text()), "remarque imprimée dans le document")
          .codec();
  return c;
}

Codec<Series> series() {
  static const auto c =
      Object<Series>("une série", "serie", "Un chiffre actuel et sa projection année par année.")
          .optional("actuel", &Series::actuel, optional(decimal(0, max_count)), "valeur actuelle")
          .optional("annee", &Series::annee, optional(year()), "année que décrit la valeur actuelle")
          .optional("projection", &Series::projection, year_map(optional(decimal(0, max_count))),
                    "valeur prévue par année : 2027: 1140")
          .optional("source", &Series::source, optional(text()), "d'où viennent les chiffres")
          .any_of({{"actuel", "projection"}})
          .codec();
  return c;
}

Codec<CoverageData> coverage_data() {
  static const auto c =
      Object<CoverageData>("des données de couverture", "donnees_couverture",
                           "Les données du taux de couverture que les tableaux d'offre ne contiennent pas, pour le "
                           "territoire d'une AO ou pour tout le territoire de la CTG.")
          .optional("perimetre", &CoverageData::perimetre, optional(reference("parties")),
                    "id de l'AO dont le territoire est décrit ; tout le territoire de la CTG si absent")
          .optional("enfants_moins_3_ans", &CoverageData::enfants_moins_3_ans, optional(series()),
                    "nombre d'enfants de moins de 3 ans (dénominateur du taux Cnaf)")
          .optional("part_am_moins_3_ans", &CoverageData::part_am_moins_3_ans, optional(decimal(0, 100)),
                    "part (en %) des places d'assistants maternels occupées par des enfants de moins de 3 ans")
          .optional("enfants_3_11_ans", &CoverageData::enfants_3_11_ans, optional(series()),
                    "nombre d'enfants de 3 à 11 ans")
          .optional("jeunes_12_17_ans", &CoverageData::jeunes_12_17_ans, optional(series()),
                    "nombre de jeunes de 12 à 17 ans")
          .optional("places_alsh", &CoverageData::places_alsh, optional(series()),
                    "places en accueil de loisirs (ALSH) pour les 3-11 ans")
          .optional("places_jeunesse", &CoverageData::places_jeunesse, optional(series()),
                    "places en accueil de jeunes (12-17 ans)")
          .optional("note", &CoverageData::note, optional(text()), "précision")
          .codec();
  return c;
}

Codec<ActionItem> action_item() {
  static const auto c = Object<ActionItem>("une action", "action", "Une action d'un axe.")
                            .required("id", &ActionItem::id, identifier(), "identifiant stable")
                            .required("texte", &ActionItem::texte, text(), "l'action")
                            .codec();
  return c;
}

Codec<Axis> axis() {
  static const auto c =
      Object<Axis>("un axe", "axe", "Un axe stratégique du plan d'actions.")
          .required("id", &Axis::id, identifier(), "identifiant stable")
          .optional("numero", &Axis::numero, optional(integer(1)), "numéro")
          .required("titre", &Axis::titre, text(), "titre")
          .optional("objectif", &Axis::objectif, optional(text()), "objectif de l'axe")
          .optional("actions", &Axis::actions,
                    keyed_list<ActionItem>(action_item(), "id", [](const ActionItem& a) { return a.id; }),
                    "actions clés")
          .optional("fiches", &Axis::fiches, list(reference("fiches_action")), "ids des fiches action liées")
          .codec();
  return c;
}

Codec<CalendarYear> calendar_year() {
  static const auto c =
      Object<CalendarYear>("une année du calendrier", "annee_calendrier", "Une année du calendrier de la CTG.")
          .required("annee", &CalendarYear::annee, year(), "l'année")
          .required("titre", &CalendarYear::titre, text(), "titre de l'étape")
          .optional("accroche", &CalendarYear::accroche, optional(text()), "phrase d'accroche")
          .optional("actions", &CalendarYear::actions, list(markdown()), "ce qui est prévu")
          .optional("objectif", &CalendarYear::objectif, optional(text()), "objectif de fin d'année")
          .optional("intitule_objectif", &CalendarYear::intitule_objectif, optional(text()),
                    "intitulé imprimé devant l'objectif, tel qu'écrit : « Objectif fin 2026 : » (« Objectif : » par défaut)")
          .codec();
  return c;
}

Codec<AnnexTitles> annex_titles() {
  static const auto c =
      Object<AnnexTitles>("les titres de l'annexe 3", "titres_annexe_3",
                          "Les titres de l'annexe 3 tels que la source les écrit ; absents, ceux du document.")
          .optional("annexe", &AnnexTitles::annexe, optional(text()),
                    "titre après « Annexe 3 – » (« Plan d'actions et moyens mobilisés par chaque signataire » par "
                    "défaut)")
          .optional("axes", &AnnexTitles::axes, optional(text()),
                    "titre au-dessus des axes (« Axes stratégiques et actions clés ») ; aucun par défaut")
          .optional("actions", &AnnexTitles::actions, optional(text()),
                    "intitulé entre l'objectif d'un axe et la liste de ses actions (« Actions : ») ; aucun par "
                    "défaut, ni pour un axe sans objectif")
          .optional("calendrier", &AnnexTitles::calendrier, optional(text()),
                    "titre du calendrier (« Calendrier » par défaut)")
          .optional("tableau_ao", &AnnexTitles::tableau_ao, optional(text()),
                    "titre du tableau des autorités organisatrices (« Tableau des autorités organisatrices de "
                    "l'accueil du jeune enfant » par défaut)")
          .optional("colonnes_ao", &AnnexTitles::colonnes_ao, list(text()),
                    "les six en-têtes de colonne du tableau des AO, dans l'ordre (autorité, habitants, 1° à 4°)")
          .check([](const AnnexTitles& t, Context& ctx) {
            if (!t.colonnes_ao.empty() && t.colonnes_ao.size() != 6)
              ctx.diags.error("TYPE", t.at("colonnes_ao"),
                              fmt::format("colonnes_ao donne {} en-tête(s) ; le tableau des AO a six colonnes",
                                          t.colonnes_ao.size()),
                              "écrivez six en-têtes : autorité organisatrice, habitants, puis les compétences 1° "
                              "à 4°, ou retirez la clé pour les en-têtes par défaut");
          })
          .codec();
  return c;
}

Codec<ActionPlan> action_plan() {
  static const auto c =
      Object<ActionPlan>("le plan d'actions", "plan_actions", "Annexe 3 : axes et calendrier.")
          .optional("titres", &ActionPlan::titres, optional(annex_titles()),
                    "les titres de l'annexe 3 tels que la source les écrit")
          .optional("introduction", &ActionPlan::introduction, optional(markdown()), "texte d'introduction")
          .optional("axes", &ActionPlan::axes, keyed_list<Axis>(axis(), "id", [](const Axis& a) { return a.id; }, "axes"),
                    "axes stratégiques")
          .optional("calendrier", &ActionPlan::calendrier,
                    keyed_list<CalendarYear>(calendar_year(), "annee",
                                             [](const CalendarYear& y) { return std::to_string(y.annee); }),
                    "calendrier année par année")
          .codec();
  return c;
}

Codec<KeyAction> key_action() {
  static const auto c = Object<KeyAction>("une action clé", "action_cle", "Une action clé numérotée d'une fiche.")
                            .required("id", &KeyAction::id, identifier(), "numéro, entre guillemets : \"3.4\"")
                            .required("texte", &KeyAction::texte, markdown(), "l'action")
                            .codec();
  return c;
}

Codec<ActionSheet> action_sheet() {
  static const auto c =
      Object<ActionSheet>("une fiche action", "fiche_action", "Une fiche action.")
          .required("id", &ActionSheet::id, identifier(), "identifiant stable")
          .required("numero", &ActionSheet::numero, integer(1), "numéro de la fiche")
          .required("titre", &ActionSheet::titre, text(), "titre")
          .optional("axe", &ActionSheet::axe, optional(reference("axes")), "id de l'axe du plan")
          .required("objectif_global", &ActionSheet::objectif_global, markdown(), "objectif global")
          .required("actions_cles", &ActionSheet::actions_cles,
                    keyed_list<KeyAction>(key_action(), "id", [](const KeyAction& k) { return k.id; }),
                    "actions clés")
          .optional("resultat_attendu", &ActionSheet::resultat_attendu, optional(markdown()), "résultat attendu")
          .optional("public_cible", &ActionSheet::public_cible, optional(markdown()), "public cible")
          .optional("territoire", &ActionSheet::territoire, optional(markdown()), "territoire concerné")
          .optional("partenaires", &ActionSheet::partenaires, list(text()), "partenaires associés")
          .optional("indicateurs", &ActionSheet::indicateurs, list(text()), "indicateurs de suivi")
          .optional("elements_schema", &ActionSheet::elements_schema, list(enumeration<SchemaElement>()),
                    "éléments du schéma pluriannuel (art. D214-10-1 I CASF) auxquels la fiche répond")
          .codec();
  return c;
}

Codec<Body> body() {
  static const auto c = Object<Body>("une instance", "instance", "Une instance de pilotage.")
                            .required("id", &Body::id, identifier(), "identifiant stable")
                            .required("nom", &Body::nom, text(), "nom de l'instance")
                            .optional("role", &Body::role, optional(markdown()), "son rôle")
                            .optional("composition", &Body::composition, optional(markdown()), "sa composition")
                            .optional("frequence", &Body::frequence, optional(text()), "fréquence des réunions")
                            .codec();
  return c;
}

Codec<Governance> governance() {
  static const auto c =
      Object<Governance>("le pilotage", "pilotage", "Annexe 4 : pilotage stratégique et opérationnel.")
          .optional("instances", &Governance::instances,
                    keyed_list<Body>(body(), "id", [](const Body& b) { return b.id; }), "instances de pilotage")
          .optional("texte", &Governance::texte, optional(markdown()), "texte de l'annexe")
          .codec();
  return c;
}

Codec<CouncilDecisions> council_decisions() {
  static const auto c =
      Object<CouncilDecisions>("les décisions des conseils", "decisions_conseils",
                               "Annexe 5 : les délibérations sont celles des parties ; un texte peut s'y ajouter.")
          .optional("texte", &CouncilDecisions::texte, optional(markdown()), "texte de l'annexe")
          .codec();
  return c;
}

}  // namespace ctg::format::sections
