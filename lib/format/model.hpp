// SPDX-License-Identifier: EUPL-1.2
// The typed model of a CTG: plain structs filled by the loader (loader.hpp)
// from the YAML format described in format.cpp and man/ctg-format.5.
// Field names are the YAML keys, so that the model reads like the format.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/source.hpp"
#include "base/values.hpp"

namespace ctg {

namespace schema {
struct ObjectInfo;
}

// Where an object and each of its keys' values were written.
struct Located {
  // A key of the object, by its index in the format's description of the
  // object (format.cpp), which lives as long as the program: 16 bytes per
  // key of every object, for millions of keys in a national CTG.
  struct FieldLoc {
    std::uint32_t field;
    Loc loc;
  };

  Loc loc;
  const schema::ObjectInfo* object = nullptr;  // set with the first field_locs
  std::vector<FieldLoc> field_locs;

  // Position of the value of `key`, or of the object when the key is absent.
  Loc at(std::string_view key) const;
  bool has(std::string_view key) const;
  // The key of `f`, an element of field_locs.
  std::string_view name_of(const FieldLoc& f) const;
};

// A text that keeps where it was written (an item of a list of texts).
struct LocatedText : Located {
  std::string value;
};

// ---------------------------------------------------------------- vocabulary

enum class PartyType { Caf, Commune, Epci, Syndicat, Departement, Msa, Etat, Carsat, Cpam, Autre };
enum class LegalForm {
  CommunauteCommunes, CommunauteAgglomeration, CommunauteUrbaine, Metropole,
  SyndicatMixte, Sivom, Sivu
};
enum class Civility { Monsieur, Madame };
enum class PopulationNature { Totale, Municipale, Inconnue };
enum class Renewal { Expresse, Tacite, Aucune };
// The four competences of art. L214-1-3 I CASF, 1° to 4°.
enum class Competence { Recenser, Informer, Planifier, Qualite };
enum class CompetenceStatus { Exercee, Transferee, SansObjet };
enum class OfferMode {
  EajePsu, MicroCrechePaje, Mam, AssistantsMaternels, GardeDomicile, Prescolarisation, Rpe, Passerelle, Autre
};
enum class OfferUnit { Places, Etp, Dispositifs };
enum class EquipmentType {
  Alsh, Eaje, Evs, CentreSocial, Clas, ChargeCooperation, StructureJeunesse, Laep, EspaceRencontre,
  MediationFamiliale, Rpe, Saad, Mam, Reaap, Autre
};
enum class EquipmentSubtype {
  Extrascolaire, Periscolaire, AccueilAdolescents, MicroCreche, MultiAccueil, CrecheCollective,
  HalteGarderie, CrecheFamiliale, PsJeunes, Autre
};
enum class InvestmentType { Renovation, Construction, Transplantation, Amenagement, Extension, Etude, Autre };
// What a diagnostic indicator measures, when the tools compute with it.
enum class Measure {
  Population, Superficie, Communes, Naissances, EnfantsMoins3Ans, Enfants3a11Ans, Jeunes12a17Ans,
  JeunesMoins25Ans, FoyersAllocataires, FamillesAllocataires, FamillesMonoparentales, EajeNombre,
  EajePlaces, MicroCrechesPlaces, AssistantsMaternelsNombre, AssistantsMaternelsPlaces, MamNombre,
  RpeNombre, RpeEtp, TauxCouvertureGlobal, AlshPlaces, LaepNombre, ClasNombre, CentresSociauxNombre,
  EvsNombre, Autre
};
// The items of the schéma pluriannuel (art. D214-10-1 I CASF): 1°, 2°, 3°,
// 4° a) to h), that a fiche action or an offer table may declare it answers.
enum class SchemaElement {
  EquipementsExistants, Besoins, Zones, Objectifs, EmploisCompetences, FamillesDifficulte, SoutienQualite,
  Investissements, CoutsMoyens, Calendrier, Indicateurs
};
enum class Unit { Nombre, Pourcentage, PlacesPour100Enfants, Etp, Euros, EurosParMois, Km2, HabitantsParKm2 };

// ---------------------------------------------------------------- parts

// A population figure says what it is: the law counts the population
// totale (art. L214-1-3 III CASF), of a given year. When the exact figure
// is not known, a bracket (plus_de / moins_de, both strict) may stand in.
struct Population : Located {
  std::optional<std::int64_t> valeur;
  std::optional<std::int64_t> plus_de;
  std::optional<std::int64_t> moins_de;
  PopulationNature nature = PopulationNature::Inconnue;
  std::optional<int> millesime;
  std::optional<std::string> source;
};

// The schéma départemental des services aux familles the CTG must fit (SCH-2).
struct DepartmentalScheme : Located {
  std::optional<std::string> titre;
  std::optional<Date> debut;
  std::optional<Date> fin;
};

struct Convention : Located {
  std::string titre;
  std::string territoire;
  std::optional<std::string> departement;
  Date debut;
  Date fin;
  Renewal reconduction = Renewal::Expresse;
  std::optional<std::string> lieu_signature;  // blank in a draft
  std::optional<Date> date_signature;         // blank in a draft
  std::optional<std::string> exemplaires;     // « En autant d'exemplaires originaux que de signataires. »
  std::optional<std::string> denomination;    // « Ci-après dénommés … »
  std::optional<std::string> formule;         // « Il est convenu et arrêté ce qui suit : »
  bool deux_blocs = false;                    // « D'une part » / « D'autre part » (older CTGs)
  std::vector<std::string> premier_bloc;      // ids of the parties « D'une part », when several (implies deux_blocs)
  std::optional<DepartmentalScheme> schema_departemental;
};

// What is known of a representative: a quality alone (« le Directeur »), a
// name without first name, or everything; the render writes only what is given.
struct Representative : Located {
  std::optional<Civility> civilite;
  std::string prenom;  // may be empty
  std::string nom;     // may be empty
  std::string qualite;
  bool signataire = true;
};

struct Deliberation : Located {
  std::string instance;              // « conseil municipal », « conseil communautaire »…
  std::optional<Date> date;          // blank in a draft
  std::optional<std::string> numero;
  std::optional<std::string> objet;
};

struct Party : Located {
  std::string id;
  PartyType type = PartyType::Autre;
  std::optional<LegalForm> forme;
  std::string nom;
  std::optional<std::string> designation;  // « la Commune du Brusquet »
  std::optional<std::string> nom_court;    // « la Caf »
  std::optional<std::string> insee;
  std::optional<std::string> siren;
  std::optional<std::string> epci;  // id of the EPCI / syndicat the commune belongs to
  std::optional<Population> population;
  std::vector<Population> populations;  // the legal population of each millésime, when it changes during the CTG
  std::vector<Representative> representants;
  std::optional<Deliberation> deliberation;
  std::optional<std::string> remarque;  // published under the party; `note` stays the encoder's
};

// The population of a party in force at `at`: among its populations by
// millésime, the newest one in force then (the millésime M is in force from
// 1 January M+3, like referentiel::in_force); failing that, its single
// figure; failing that, its oldest millésime. Without a date, its single
// figure or else its newest millésime. Null when it has none.
const Population* population_at(const Party& p, const std::optional<Date>& at);


struct Visa : Located {
  std::string id;
  std::string texte;
};

struct Article : Located {
  std::string id;
  std::int64_t numero = 0;
  std::string titre;
  std::string texte;  // Markdown
};

// ---------------------------------------------------------------- annexe 1

struct Indicator : Located {
  std::string id;
  std::string libelle;
  Decimal valeur;
  std::optional<Measure> mesure;
  Unit unite = Unit::Nombre;
  std::optional<int> annee;
  std::optional<std::string> source;
  std::optional<std::string> perimetre;  // id of a party; the whole territory when absent
  std::optional<std::string> note;
  std::optional<std::string> remarque;  // published; `note` is the encoder's, never printed
};

struct Issue : Located {  // an enjeu
  std::string id;
  std::string texte;
};

struct Diagnosis : Located {
  std::optional<std::string> titre;
  std::vector<std::string> sources;
  std::vector<Indicator> indicateurs;
  std::string texte;  // Markdown
  std::vector<Issue> enjeux;
};

// ---------------------------------------------------------------- annexe 2

struct Equipment : Located {
  std::string id;
  std::string gestionnaire;
  std::string nom;
  EquipmentType type = EquipmentType::Autre;
  std::optional<EquipmentSubtype> sous_type;
  std::optional<std::string> code_postal;
  std::string commune;
  std::optional<std::string> partie;  // id of the commune party, when the commune signs
  std::vector<std::string> dessert;   // ids of the parties it serves, when several (a shared relais)
  std::optional<std::int64_t> places;
  std::optional<Decimal> etp;
  std::optional<std::string> note;
  std::optional<std::string> remarque;  // published; `note` is the encoder's, never printed
};

// ---------------------------------------------------------------- annexe 3

struct CompetenceSet : Located {
  CompetenceStatus recenser = CompetenceStatus::SansObjet;
  CompetenceStatus informer = CompetenceStatus::SansObjet;
  CompetenceStatus planifier = CompetenceStatus::SansObjet;
  CompetenceStatus qualite = CompetenceStatus::SansObjet;

  CompetenceStatus of(Competence c) const;
};

// A cell of the AO table as the source words it, printed next to the ticked
// box: « Exercée par la commune (mais moins de 10 000 habitants) ».
struct CompetenceMentions : Located {
  std::optional<std::string> recenser;
  std::optional<std::string> informer;
  std::optional<std::string> planifier;
  std::optional<std::string> qualite;

  const std::optional<std::string>& of(Competence c) const;
};

struct TransferringCommune : Located {
  std::string nom;
  std::optional<std::string> insee;
  std::optional<std::string> partie;
  std::optional<Population> population;
};

// A group of communes that transferred the same competences to the EPCI.
struct Transfer : Located {
  std::vector<Competence> competences;
  std::optional<Population> population;  // total of the transferring communes
  std::vector<TransferringCommune> communes;
  std::optional<Date> depuis;                     // date the transfer takes effect
  std::optional<Date> jusqu_au;                   // last day in force (the communes leave the EPCI)
  std::optional<std::string> arrete_prefectoral;  // « n° 2026-153-004 du 2 juin 2026 » (art. L5211-17 CGCT)
  std::vector<std::string> deliberations;         // « la délibération du conseil municipal … », for the visas
};

struct AoEntry : Located {
  std::string ao;  // id of the party (commune, EPCI or syndicat)
  std::optional<Population> population;
  CompetenceSet competences;
  std::optional<CompetenceMentions> mentions;
  std::vector<Transfer> transferts;
  std::optional<std::string> note;
  std::optional<std::string> remarque;  // published; `note` is the encoder's, never printed
};

struct Investment : Located {
  std::string id;
  InvestmentType type = InvestmentType::Autre;
  std::string objet;
  std::optional<Decimal> cout;  // euros
  std::vector<int> annees;
  std::optional<std::string> note;
};

struct OfferLine : Located {
  std::optional<std::string> id;  // needed only when a mode appears twice
  OfferMode mode = OfferMode::Autre;
  std::optional<std::string> libelle;
  std::optional<std::int64_t> structures;
  std::optional<OfferUnit> unite;  // default: ETP for an RPE, dispositifs for passerelles, else places
  std::optional<Decimal> actuel;
  std::map<int, std::optional<Decimal>> projection;  // year → value; null = blank in the seed
  // The cells as the source writes them when they say more than a figure
  // (« 3 sur Digne 1 sur Malijai »): printed in place of the figure.
  std::optional<std::string> actuel_ecrit;
  std::map<int, std::string> projection_ecrite;
  std::vector<std::string> besoins_emplois;
  std::vector<std::string> autres_besoins;
  std::vector<Investment> investissements;
  std::vector<std::string> ingenierie;
  std::optional<std::string> note;
  std::optional<std::string> remarque;  // published; `note` is the encoder's, never printed
  std::optional<std::string> couts_calendriers;  // « Coûts et calendriers prévisionnels », as written

  OfferUnit unit() const;
  std::string key() const;  // id, or the mode's key
};

struct OfferTable : Located {
  std::string ao;
  std::optional<std::string> zone;
  std::vector<OfferLine> lignes;
  // Parts of the schéma pluriannuel (art. D214-10-1 I CASF) that the lines
  // do not hold: 3° zones, 4° c) families in difficulty, 4° d) quality.
  std::vector<std::string> zones_prioritaires;
  std::vector<std::string> familles_difficulte;
  std::vector<std::string> soutien_qualite;
  std::vector<SchemaElement> elements_schema;  // items of D214-10-1 I it declares it answers
  std::optional<std::string> note;
  std::optional<std::string> remarque;  // published; `note` is the encoder's, never printed

  std::string key() const;  // ao, or ao/zone
};

struct ActionItem : Located {
  std::string id;
  std::string texte;
};

struct Axis : Located {
  std::string id;
  std::optional<std::int64_t> numero;
  std::string titre;
  std::optional<std::string> objectif;
  std::vector<ActionItem> actions;
  std::vector<std::string> fiches;  // ids of fiches action
};

struct CalendarYear : Located {
  int annee = 0;
  std::string titre;
  std::optional<std::string> accroche;
  std::vector<std::string> actions;  // Markdown items
  std::optional<std::string> objectif;
  std::optional<std::string> intitule_objectif;  // « Objectif fin 2026 : » as written; « Objectif : » by default
};

// The titles of annexe 3 as the source writes them; absent, the document's own.
struct AnnexTitles : Located {
  std::optional<std::string> annexe;      // after « Annexe 3 – »
  std::optional<std::string> axes;        // « Axes stratégiques et actions clés »
  std::optional<std::string> actions;     // « Actions : » before each axis's list
  std::optional<std::string> calendrier;  // « Calendrier »
  std::optional<std::string> tableau_ao;  // the AO table's heading
  std::vector<std::string> colonnes_ao;   // its six column headings
};

struct ActionPlan : Located {
  std::optional<AnnexTitles> titres;
  std::optional<std::string> introduction;
  std::vector<Axis> axes;
  std::vector<CalendarYear> calendrier;
};

struct KeyAction : Located {
  std::string id;  // « 3.4 »
  std::string texte;
};

struct ActionSheet : Located {
  std::string id;
  std::int64_t numero = 0;
  std::string titre;
  std::optional<std::string> axe;  // id of an axis
  std::string objectif_global;
  std::vector<KeyAction> actions_cles;
  std::optional<std::string> resultat_attendu;
  std::optional<std::string> public_cible;
  std::optional<std::string> territoire;
  std::vector<std::string> partenaires;
  std::vector<std::string> indicateurs;
  std::vector<SchemaElement> elements_schema;  // items of D214-10-1 I it declares it answers
};

// A figure now and for each year of the CTG (children under 3, places…).
struct Series : Located {
  std::optional<Decimal> actuel;
  std::optional<int> annee;  // year the current figure describes
  std::map<int, std::optional<Decimal>> projection;
  std::optional<std::string> source;
};

// Inputs of the coverage rates that a CTG's tables do not hold, for one AO
// territory (perimetre) or for the whole territory of the CTG.
struct CoverageData : Located {
  std::optional<std::string> perimetre;  // id of an AO party; the whole territory when absent
  std::optional<Series> enfants_moins_3_ans;
  std::optional<Decimal> part_am_moins_3_ans;  // % of childminders' places used by under-3s
  std::optional<Series> enfants_3_11_ans;
  std::optional<Series> jeunes_12_17_ans;
  std::optional<Series> places_alsh;
  std::optional<Series> places_jeunesse;
  std::optional<std::string> note;
};

// ---------------------------------------------------------------- annexes 4, 5

struct Body : Located {  // an instance de pilotage
  std::string id;
  std::string nom;
  std::optional<std::string> role;
  std::optional<std::string> composition;
  std::optional<std::string> frequence;
};

struct Governance : Located {
  std::vector<Body> instances;
  std::optional<std::string> texte;  // Markdown
};

struct CouncilDecisions : Located {  // annexe 5; the deliberations are the parties'
  std::optional<std::string> texte;
};

// ---------------------------------------------------------------- suivi (lib/suivi/)

// The tracking of the CTG once signed (Article 9): files suivi/AAAA-Tn.yaml
// beside the convention, one period each, referring to it by id.
enum class ActionState { Prevue, Engagee, Realisee, Reportee, Abandonnee };
enum class ReviewKind { Annuel, Intermediaire, Final };

struct TrackedAction : Located {  // the state of an action clé at a date
  std::string fiche;   // id of a fiche action
  std::string action;  // id of one of its actions clés (« 3.4 »)
  ActionState etat = ActionState::Prevue;
  Date date;
  std::optional<Date> echeance;  // the date of the calendar it is due by
  std::optional<std::string> rapporteur;
  std::optional<std::string> commentaire;  // published in the bilans
  std::optional<std::string> difficulte;   // published in the bilans
  std::optional<std::string> note;         // private: never published
};

struct IndicatorValue : Located {  // a measure of an indicator of a fiche
  std::string fiche;
  std::int64_t indicateur = 0;  // its number in the fiche's list, from 1
  Decimal valeur;
  std::optional<Decimal> cible;
  Date date;
  std::optional<std::string> source;
  std::optional<std::string> commentaire;
};

struct OpenPlaces : Located {  // places actually open, per AO and mode
  std::string ao;    // the AO of an offer table
  std::string mode;  // the key of a line of its table (mode, or id)
  Decimal places;
  Date date;
  std::optional<std::string> source;
  std::optional<std::string> commentaire;
};

struct RpeStaff : Located {  // ETP of relais petite enfance actually in place
  std::string ao;
  Decimal etp;
  Date date;
  std::optional<std::string> source;
  std::optional<std::string> commentaire;
};

struct ReviewRecord : Located {  // a bilan presented (copil, CDSF)
  ReviewKind type = ReviewKind::Annuel;
  Date date;
  bool petite_enfance = false;  // its early-childhood part was sent to the CDSF
  std::optional<std::string> note;
};

struct TrackingPeriod : Located {
  std::string periode;  // « 2026-T1 », « 2026-S2 », « 2027 »
  std::optional<Date> date;  // when the point was made
  std::optional<std::string> redacteur;
  bool fictif = false;  // invented figures (examples, training)
  std::vector<TrackedAction> actions;
  std::vector<IndicatorValue> indicateurs;
  std::vector<OpenPlaces> places;
  std::vector<RpeStaff> rpe;
  std::vector<LocatedText> difficultes;
  std::vector<LocatedText> decisions;  // decisions to take, for the copil
  std::vector<ReviewRecord> bilans;
};

// ---------------------------------------------------------------- document

// Positions of the entries of one list by id, so that a lookup by id does not
// scan the list (a national CTG has tens of thousands of parties).
struct IdIndex {
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> position;  // id → first entry
  std::size_t size = 0;  // size of the list when indexed
  bool built = false;
};

// A finding of `ctg validate` acknowledged in the source with its reason
// (like a lintian override): validate still reports it, as acknowledged,
// and warns (ACQUITTEMENT) when the entry matches no finding.
struct Acknowledgement : Located {
  std::string regle;                    // rule code: AO-7, REF-7, SIG-1…
  std::optional<std::string> partie;    // only the findings placed in this party's entries
  std::optional<std::string> fichier;   // only the findings of this file of the CTG
  std::optional<std::int64_t> ligne;    // only the findings of this line (of `fichier`, else of this entry's file)
  std::string motif;                    // why: required, never empty
};

struct Ctg : Located {
  std::string format;
  std::vector<LocatedText> inclure;
  Convention convention;
  std::vector<Party> parties;
  std::vector<Visa> visas;
  std::optional<std::string> preambule;
  std::vector<Article> articles;
  std::optional<Diagnosis> diagnostic;
  std::vector<Equipment> equipements;
  std::vector<AoEntry> autorites_organisatrices;
  std::vector<OfferTable> offre_petite_enfance;
  std::vector<CoverageData> donnees_couverture;
  std::optional<ActionPlan> plan_actions;
  std::vector<ActionSheet> fiches_action;
  std::optional<Governance> pilotage;
  std::optional<CouncilDecisions> decisions_conseils;
  std::vector<TrackingPeriod> suivi;  // read from suivi/*.yaml too
  std::vector<Acknowledgement> constats_acquittes;

  // Lookups by id. The loader indexes the lists once (reindex()); a Ctg
  // built or grown by hand since is scanned instead.
  const Party* party(std::string_view id) const;
  const AoEntry* ao_entry(std::string_view id) const;  // first entry of the AO table for this party
  // The first donnees_couverture entry of an AO (the whole territory: nullopt).
  const CoverageData* coverage_data(const std::optional<std::string>& perimetre) const;
  void reindex();
  // The years the convention covers, debut.year … fin.year.
  std::vector<int> years() const;

  IdIndex party_index;
  IdIndex ao_index;
  IdIndex coverage_index;  // the whole territory under the empty id
};

// Whether the party is in the first block (« D'une part ») of a convention
// presented in two blocks: the parties of premier_bloc, or else the first party.
bool in_first_block(const Ctg& ctg, const Party& p);

}  // namespace ctg
