#include "format.hpp"

#include "designation.hpp"
#include "suivi/format.hpp"

namespace ctg::format {

using namespace codec;
using schema::Presence;

namespace {

// No count in a CTG comes near a hundred million (France has 68 million
// inhabitants): a larger number is a typing error, and the bound keeps every
// sum and rate of the coverage exact.
constexpr std::int64_t max_count = 100'000'000;

const char* const insee_pattern = "(2A|2B|[0-9]{2})[0-9]{3}";
const char* const insee_hint = "un code INSEE a cinq caractères, entre guillemets : \"04070\"";

Codec<Population> population() {
  static const auto c =
      Object<Population>("une population", "population",
                         "Un chiffre de population, avec sa nature et son millésime ; ou, faute de chiffre exact, "
                         "une tranche (plus_de / moins_de, bornes exclues).")
          .optional("valeur", &Population::valeur, optional(integer(0, max_count)), "nombre d'habitants")
          .optional("plus_de", &Population::plus_de, optional(integer(0, max_count)),
                    "borne basse exclue, quand seul un ordre de grandeur est connu (« +3500 »)")
          .optional("moins_de", &Population::moins_de, optional(integer(0, max_count)),
                    "borne haute exclue (« moins de 10 000 »)")
          .optional("nature", &Population::nature, enumeration<PopulationNature>(),
                    "totale (chiffre légal, art. L214-1-3 III CASF), municipale ou inconnue (par défaut)")
          .optional("millesime", &Population::millesime, optional(year()), "année de référence du recensement")
          .optional("source", &Population::source, optional(text()), "d'où vient le chiffre")
          .any_of({{"valeur", "plus_de", "moins_de"}})
          .check([](const Population& p, Context& ctx) {
            if (p.valeur && (p.plus_de || p.moins_de))
              ctx.diags.error("POPULATION", p.at("valeur"),
                              "une population donne soit une valeur, soit une tranche, pas les deux",
                              "gardez « valeur » si le chiffre exact est connu");
            if (p.plus_de && p.moins_de && *p.plus_de >= *p.moins_de)
              ctx.diags.error("POPULATION", p.at("moins_de"),
                              fmt::format("tranche vide : plus de {} et moins de {}", *p.plus_de, *p.moins_de),
                              "« plus_de » doit être inférieur à « moins_de »");
          })
          .codec();
  return c;
}

Codec<DepartmentalScheme> departmental_scheme() {
  static const auto c =
      Object<DepartmentalScheme>("le schéma départemental", "schema_departemental",
                                 "Le schéma départemental des services aux familles (SDSF) en vigueur.")
          .optional("titre", &DepartmentalScheme::titre, optional(text()), "intitulé du SDSF")
          .optional("debut", &DepartmentalScheme::debut, optional(date()), "début de sa période")
          .optional("fin", &DepartmentalScheme::fin, optional(date()), "fin de sa période")
          .codec();
  return c;
}

Codec<Convention> convention() {
  static const auto c =
      Object<Convention>("la convention", "convention", "Ce qui identifie la convention et ses dates.")
          .required("titre", &Convention::titre, text(), "titre du document")
          .required("territoire", &Convention::territoire, text(), "nom du territoire couvert")
          .optional("departement", &Convention::departement, optional(text()), "département")
          .required("debut", &Convention::debut, date(), "date d'effet (article « Durée »)")
          .required("fin", &Convention::fin, date(), "date de fin")
          .optional("reconduction", &Convention::reconduction, enumeration<Renewal>(),
                    "expresse (par défaut), tacite ou aucune")
          .optional("lieu_signature", &Convention::lieu_signature, optional(text()),
                    "« Fait à … » : vide (null) dans un projet")
          .optional("date_signature", &Convention::date_signature, optional(date()), "vide (null) dans un projet")
          .optional("exemplaires", &Convention::exemplaires, optional(text()),
                    "mention des exemplaires originaux")
          .optional("denomination", &Convention::denomination, optional(text()),
                    "« Ci-après dénommés … » pour l'ensemble des collectivités")
          .optional("deux_blocs", &Convention::deux_blocs, boolean(),
                    "parties présentées en deux blocs, « D'une part » et « D'autre part » (anciennes CTG)")
          .optional("formule", &Convention::formule, optional(text()),
                    "« Il est convenu et arrêté ce qui suit : »")
          .optional("schema_departemental", &Convention::schema_departemental, optional(departmental_scheme()),
                    "le SDSF dont la durée doit être cohérente avec celle de la CTG (art. L214-2 I CASF)")
          .check([](const Convention& cv, Context& ctx) {
            if (cv.has("debut") && cv.has("fin") && !(cv.debut < cv.fin))
              ctx.diags.error("DATES", cv.at("fin"),
                              fmt::format("la fin ({}) n'est pas postérieure au début ({})", to_iso(cv.fin),
                                          to_iso(cv.debut)),
                              "vérifiez les deux dates de la convention");
          })
          .codec();
  return c;
}

Codec<Representative> representative() {
  static const auto c =
      Object<Representative>("un représentant", "representant", "Une personne qui représente une partie.")
          .optional("civilite", &Representative::civilite, optional(enumeration<Civility>()),
                    "« M. » ou « Mme » (facultatif : accorde « autorisé », « sa Présidente »)")
          .optional("prenom", &Representative::prenom, text(), "prénom (facultatif)")
          .optional("nom", &Representative::nom, text(), "nom de famille (facultatif : la qualité seule suffit)")
          .required("qualite", &Representative::qualite, text(),
                    "fonction, accordée : Maire, Présidente, Directeur…")
          .optional("signataire", &Representative::signataire, boolean(), "signe la convention (true par défaut)")
          .codec();
  return c;
}

Codec<Deliberation> deliberation() {
  static const auto c =
      Object<Deliberation>("une délibération", "deliberation",
                           "La délibération qui autorise la signature (annexe 5).")
          .required("instance", &Deliberation::instance, text(), "conseil municipal, conseil communautaire…")
          .optional("date", &Deliberation::date, optional(date()), "vide (null) tant qu'elle n'est pas prise")
          .optional("numero", &Deliberation::numero, optional(text()), "numéro de la délibération")
          .optional("objet", &Deliberation::objet, optional(text()), "objet de la délibération")
          .codec();
  return c;
}

Codec<Party> party() {
  static const auto c =
      Object<Party>("une partie", "partie", "Un signataire de la convention.")
          .required("id", &Party::id, identifier(), "identifiant stable")
          .required("type", &Party::type, enumeration<PartyType>(), "nature du signataire")
          .optional("forme", &Party::forme, optional(enumeration<LegalForm>()),
                    "forme juridique d'un EPCI ou d'un syndicat")
          .required("nom", &Party::nom, text(), "nom officiel")
          .optional("designation", &Party::designation, optional(text()),
                    "désignation dans le texte : « la Commune du Brusquet »")
          .optional("nom_court", &Party::nom_court, optional(text()), "« Ci-après dénommée … »")
          .optional("insee", &Party::insee, optional(code(insee_pattern, insee_hint)), "code INSEE (commune)")
          .optional("siren", &Party::siren, optional(code("[0-9]{9}", "un SIREN a neuf chiffres, entre guillemets")),
                    "numéro SIREN")
          .optional("epci", &Party::epci, optional(reference("parties")),
                    "pour une commune : l'id de l'EPCI ou du syndicat dont elle est membre")
          .optional("population", &Party::population, optional(population()), "population de la partie")
          .required("representants", &Party::representants, list(representative()),
                    "les personnes qui signent pour elle")
          .optional("deliberation", &Party::deliberation, optional(deliberation()),
                    "délibération autorisant la signature")
          .optional("remarque", &Party::remarque, optional(text()), "remarque publiée sous la partie")
          .check([](const Party& p, Context& ctx) {
            bool grouping = p.type == PartyType::Epci || p.type == PartyType::Syndicat;
            if (p.forme && !grouping)
              ctx.diags.error("FORME", p.at("forme"),
                              fmt::format("une forme juridique n'a de sens que pour un EPCI ou un syndicat, pas pour "
                                          "une partie de type {}", guillemets(key_of(p.type))),
                              "retirez « forme » ou corrigez « type »");
            if (p.forme && grouping) {
              bool syndicat_form = *p.forme == LegalForm::SyndicatMixte || *p.forme == LegalForm::Sivom ||
                                   *p.forme == LegalForm::Sivu;
              if (syndicat_form != (p.type == PartyType::Syndicat))
                ctx.diags.error("FORME", p.at("forme"),
                                fmt::format("la forme {} ne correspond pas au type {}", guillemets(key_of(*p.forme)),
                                            guillemets(key_of(p.type))),
                                "un syndicat mixte, un SIVOM ou un SIVU a le type « syndicat » ; une communauté ou "
                                "une métropole le type « epci »");
            }
            if (auto kind = naming::repeated_kind(p); kind && !p.designation)
              ctx.diags.warning("NOM", p.at("nom"),
                                fmt::format("le nom {} dit déjà le type {} (« {} ») : le document le désigne « {} », "
                                            "sans répéter le type",
                                            guillemets(p.nom), guillemets(key_of(p.type)), *kind,
                                            naming::designation(p)),
                                "écrivez le nom seul (« nom: Aiglun » pour une commune), ou la désignation voulue "
                                "dans « designation »");
            if (p.epci && p.type != PartyType::Commune)
              ctx.diags.error("EPCI", p.at("epci"), "seule une commune est membre d'un EPCI",
                              "retirez « epci » de cette partie");
          })
          .codec();
  return c;
}

Codec<Visa> visa() {
  static const auto c = Object<Visa>("un visa", "visa", "Une base légale « Vu … ».")
                            .required("id", &Visa::id, identifier(), "identifiant stable")
                            .required("texte", &Visa::texte, markdown(), "le visa, « Vu … »")
                            .codec();
  return c;
}

Codec<Article> article() {
  static const auto c = Object<Article>("un article", "article", "Un article de la convention.")
                            .required("id", &Article::id, identifier(), "identifiant stable")
                            .required("numero", &Article::numero, integer(1), "numéro de l'article")
                            .required("titre", &Article::titre, text(), "titre de l'article")
                            .required("texte", &Article::texte, markdown(), "texte, en Markdown")
                            .codec();
  return c;
}

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
          .optional("arrete_prefectoral", &Transfer::arrete_prefectoral, optional(text()),
                    "arrêté préfectoral prononçant le transfert (art. L5211-17 CGCT) : « n° … du … »")
          .optional("deliberations", &Transfer::deliberations, list(text()),
                    "délibérations concordantes du transfert, citées dans les visas d'un avenant")
          .any_of({{"population", "communes"}})
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

Codec<ActionPlan> action_plan() {
  static const auto c =
      Object<ActionPlan>("le plan d'actions", "plan_actions", "Annexe 3 : axes et calendrier.")
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

}  // namespace

const Object<Ctg>& document() {
  using P = Presence;
  static const auto obj =
      Object<Ctg>("le document", "ctg", "Une convention territoriale globale, ou une partie incluse de celle-ci.")
          .required("format", &Ctg::format, constant(std::string(version)), "version du format : ctg/1")
          .optional("inclure", &Ctg::inclure, list(located_text()),
                    "fichiers qui complètent celui-ci, dans son dossier ou ses sous-dossiers (chemins relatifs)")
          .field("convention", &Ctg::convention, convention(), P::RequiredInDocument, "la convention")
          .field("parties", &Ctg::parties,
                 keyed_list<Party>(party(), "id", [](const Party& p) { return p.id; }, "parties"),
                 P::RequiredInDocument, "les signataires")
          .optional("visas", &Ctg::visas, keyed_list<Visa>(visa(), "id", [](const Visa& v) { return v.id; }),
                    "visas, hors délibérations des parties (ajoutées au rendu)")
          .optional("preambule", &Ctg::preambule, optional(markdown()), "préambule, en Markdown")
          .optional("articles", &Ctg::articles,
                    keyed_list<Article>(article(), "id", [](const Article& a) { return a.id; }, "articles"),
                    "articles de la convention")
          .optional("diagnostic", &Ctg::diagnostic, optional(diagnosis()), "annexe 1 : diagnostic partagé")
          .optional("equipements", &Ctg::equipements,
                    keyed_list<Equipment>(equipment(), "id", [](const Equipment& e) { return e.id; }, "equipements"),
                    "annexe 2 : équipements et services soutenus")
          .optional("autorites_organisatrices", &Ctg::autorites_organisatrices,
                    keyed_list<AoEntry>(ao_entry(), "ao", [](const AoEntry& a) { return a.ao; }),
                    "annexe 3 : tableau des autorités organisatrices")
          .optional("offre_petite_enfance", &Ctg::offre_petite_enfance,
                    keyed_list<OfferTable>(offer_table(), "ao", [](const OfferTable& t) { return t.key(); }, {},
                                           "pour un second tableau de la même AO, précisez une « zone » distincte"),
                    "annexe 3 : offre de chaque AO qui planifie")
          .optional("donnees_couverture", &Ctg::donnees_couverture,
                    keyed_list<CoverageData>(coverage_data(), "perimetre",
                                             [](const CoverageData& d) { return d.perimetre.value_or("(territoire)"); },
                                             {}, "une seule entrée par AO, et une seule sans « perimetre »"),
                    "données des taux de couverture absentes des tableaux")
          .optional("plan_actions", &Ctg::plan_actions, optional(action_plan()), "annexe 3 : plan d'actions")
          .optional("fiches_action", &Ctg::fiches_action,
                    keyed_list<ActionSheet>(action_sheet(), "id", [](const ActionSheet& f) { return f.id; },
                                            "fiches_action"),
                    "fiches action")
          .optional("pilotage", &Ctg::pilotage, optional(governance()), "annexe 4 : pilotage")
          .optional("decisions_conseils", &Ctg::decisions_conseils, optional(council_decisions()),
                    "annexe 5 : décisions des conseils")
          .optional("suivi", &Ctg::suivi, suivi::periods_codec(),
                    "suivi de la CTG signée, une période par fichier suivi/AAAA-Tn.yaml (lu avec la CTG)");
  return obj;
}

std::string json_schema() {
  return schema::json_schema(document().codec().info, "urn:ctg:schema:ctg-1",
                             "Convention territoriale globale (format ctg/1)");
}

}  // namespace ctg::format
