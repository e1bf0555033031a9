// SPDX-License-Identifier: EUPL-1.2
#include "format/vocabulary.hpp"

namespace ctg {

#define CTG_ENUM_TABLE(E, ...)                                   \
  template <>                                                    \
  const std::vector<EnumEntry<E>>& enum_entries<E>() {           \
    static const std::vector<EnumEntry<E>> table{__VA_ARGS__};   \
    return table;                                                \
  }

CTG_ENUM_TABLE(PartyType,
               {PartyType::Caf, "caf", "Caisse d'allocations familiales"},
               {PartyType::Commune, "commune", "Commune"},
               {PartyType::Epci, "epci", "Établissement public de coopération intercommunale"},
               {PartyType::Syndicat, "syndicat", "Syndicat (mixte, SIVOM, SIVU)"},
               {PartyType::Departement, "departement", "Conseil départemental"},
               {PartyType::Msa, "msa", "Mutualité sociale agricole"},
               {PartyType::Etat, "etat", "État"},
               {PartyType::Carsat, "carsat", "Carsat"},
               {PartyType::Cpam, "cpam", "Caisse primaire d'assurance maladie"},
               {PartyType::Autre, "autre", "Autre signataire"})

CTG_ENUM_TABLE(LegalForm,
               {LegalForm::CommunauteCommunes, "communaute_communes", "Communauté de communes"},
               {LegalForm::CommunauteAgglomeration, "communaute_agglomeration", "Communauté d'agglomération"},
               {LegalForm::CommunauteUrbaine, "communaute_urbaine", "Communauté urbaine"},
               {LegalForm::Metropole, "metropole", "Métropole"},
               {LegalForm::SyndicatMixte, "syndicat_mixte", "Syndicat mixte"},
               {LegalForm::Sivom, "sivom", "Syndicat intercommunal à vocation multiple"},
               {LegalForm::Sivu, "sivu", "Syndicat intercommunal à vocation unique"})

CTG_ENUM_TABLE(Civility, {Civility::Monsieur, "M.", "Monsieur"}, {Civility::Madame, "Mme", "Madame"})

CTG_ENUM_TABLE(PopulationNature,
               {PopulationNature::Totale, "totale", "population totale"},
               {PopulationNature::Municipale, "municipale", "population municipale"},
               {PopulationNature::Inconnue, "inconnue", "population de nature non précisée"})

CTG_ENUM_TABLE(SchemaElement,
               {SchemaElement::EquipementsExistants, "equipements_existants", "1° équipements et services existants"},
               {SchemaElement::Besoins, "besoins", "2° besoins des enfants et des familles"},
               {SchemaElement::Zones, "zones", "3° zones où l'offre est insuffisante ou difficile d'accès"},
               {SchemaElement::Objectifs, "objectifs", "4° a) objectifs de maintien et de développement de l'offre"},
               {SchemaElement::EmploisCompetences, "emplois_competences", "4° b) besoins en emplois et en compétences"},
               {SchemaElement::FamillesDifficulte, "familles_difficulte",
                "4° c) accueil des enfants de familles en difficulté"},
               {SchemaElement::SoutienQualite, "soutien_qualite", "4° d) soutien à la qualité des modes d'accueil"},
               {SchemaElement::Investissements, "investissements", "4° e) projets d'investissement"},
               {SchemaElement::CoutsMoyens, "couts_moyens",
                "4° f) coûts et moyens humains, financiers et d'ingénierie"},
               {SchemaElement::Calendrier, "calendrier", "4° g) calendrier de mise en œuvre"},
               {SchemaElement::Indicateurs, "indicateurs", "4° h) indicateurs de suivi et d'évaluation"})

CTG_ENUM_TABLE(Renewal,
               {Renewal::Expresse, "expresse", "reconduction expresse"},
               {Renewal::Tacite, "tacite", "reconduction tacite"},
               {Renewal::Aucune, "aucune", "sans reconduction"})

CTG_ENUM_TABLE(Competence,
               {Competence::Recenser, "recenser", "1° recenser les besoins et les modes d'accueil"},
               {Competence::Informer, "informer", "2° informer et accompagner les familles"},
               {Competence::Planifier, "planifier", "3° planifier le développement des modes d'accueil"},
               {Competence::Qualite, "qualite", "4° soutenir la qualité des modes d'accueil"})

CTG_ENUM_TABLE(CompetenceStatus,
               {CompetenceStatus::Exercee, "exercee", "exercée"},
               {CompetenceStatus::Transferee, "transferee", "transférée à l'EPCI"},
               {CompetenceStatus::SansObjet, "sans_objet", "sans objet"})

CTG_ENUM_TABLE(OfferMode,
               {OfferMode::EajePsu, "eaje_psu", "EAJE PSU"},
               {OfferMode::MicroCrechePaje, "micro_creche_paje", "Micro-crèche PAJE"},
               {OfferMode::Mam, "mam", "MAM"},
               {OfferMode::AssistantsMaternels, "assistants_maternels", "Assistants maternels (hors MAM)"},
               {OfferMode::GardeDomicile, "garde_domicile", "Garde à domicile"},
               {OfferMode::Prescolarisation, "prescolarisation", "Préscolarisation"},
               {OfferMode::Rpe, "rpe", "Relais petite enfance (RPE)"},
               {OfferMode::Passerelle, "passerelle", "Dispositifs passerelles"},
               {OfferMode::Autre, "autre", "Autre mode d'accueil"})

CTG_ENUM_TABLE(OfferUnit,
               {OfferUnit::Places, "places", "places"},
               {OfferUnit::Etp, "etp", "ETP"},
               {OfferUnit::Dispositifs, "dispositifs", "dispositifs"})

CTG_ENUM_TABLE(EquipmentType,
               {EquipmentType::Alsh, "alsh", "Accueil de loisirs sans hébergement"},
               {EquipmentType::Eaje, "eaje", "Établissement d’accueil du jeune enfant"},
               {EquipmentType::Evs, "evs", "Espace de vie sociale"},
               {EquipmentType::CentreSocial, "centre_social", "Centre social"},
               {EquipmentType::Clas, "clas", "Contrat local d’accompagnement à la scolarité"},
               {EquipmentType::ChargeCooperation, "charge_cooperation", "CTG - Chargé de coopération"},
               {EquipmentType::StructureJeunesse, "structure_jeunesse", "Structure jeunesse"},
               {EquipmentType::Laep, "laep", "Lieu d’accueil enfants-parents"},
               {EquipmentType::EspaceRencontre, "espace_rencontre", "Espace de rencontre"},
               {EquipmentType::MediationFamiliale, "mediation_familiale", "Médiation familiale"},
               {EquipmentType::Rpe, "rpe", "Relais petite enfance"},
               {EquipmentType::Saad, "saad", "Aide et accompagnement à domicile"},
               {EquipmentType::Mam, "mam", "Maison d'assistants maternels"},
               {EquipmentType::Reaap, "reaap", "Réseau d'écoute, d'appui et d'accompagnement des parents"},
               {EquipmentType::Autre, "autre", "Autre"})

CTG_ENUM_TABLE(EquipmentSubtype,
               {EquipmentSubtype::Extrascolaire, "extrascolaire", "Extrascolaire"},
               {EquipmentSubtype::Periscolaire, "periscolaire", "Périscolaire"},
               {EquipmentSubtype::AccueilAdolescents, "accueil_adolescents", "Accueils adolescents"},
               {EquipmentSubtype::MicroCreche, "micro_creche", "Micro-crèche"},
               {EquipmentSubtype::MultiAccueil, "multi_accueil", "Multi-accueil"},
               {EquipmentSubtype::CrecheCollective, "creche_collective", "Crèche collective"},
               {EquipmentSubtype::HalteGarderie, "halte_garderie", "Halte-garderie"},
               {EquipmentSubtype::CrecheFamiliale, "creche_familiale", "Crèche familiale"},
               {EquipmentSubtype::PsJeunes, "ps_jeunes", "PS Jeunes"},
               {EquipmentSubtype::Autre, "autre", "Autre"})

CTG_ENUM_TABLE(InvestmentType,
               {InvestmentType::Renovation, "renovation", "rénovation"},
               {InvestmentType::Construction, "construction", "construction"},
               {InvestmentType::Transplantation, "transplantation", "transplantation"},
               {InvestmentType::Amenagement, "amenagement", "aménagement"},
               {InvestmentType::Extension, "extension", "extension"},
               {InvestmentType::Etude, "etude", "étude"},
               {InvestmentType::Autre, "autre", "autre"})

CTG_ENUM_TABLE(Measure,
               {Measure::Population, "population", "Population"},
               {Measure::Superficie, "superficie", "Superficie"},
               {Measure::Communes, "communes", "Nombre de communes"},
               {Measure::Naissances, "naissances", "Naissances"},
               {Measure::EnfantsMoins3Ans, "enfants_moins_3_ans", "Enfants de moins de 3 ans"},
               {Measure::Enfants3a11Ans, "enfants_3_11_ans", "Enfants de 3 à 11 ans"},
               {Measure::Jeunes12a17Ans, "jeunes_12_17_ans", "Jeunes de 12 à 17 ans"},
               {Measure::JeunesMoins25Ans, "jeunes_moins_25_ans", "Jeunes de moins de 25 ans"},
               {Measure::FoyersAllocataires, "foyers_allocataires", "Foyers allocataires"},
               {Measure::FamillesAllocataires, "familles_allocataires", "Familles allocataires"},
               {Measure::FamillesMonoparentales, "familles_monoparentales", "Familles monoparentales"},
               {Measure::EajeNombre, "eaje_nombre", "Nombre d'EAJE"},
               {Measure::EajePlaces, "eaje_places", "Places en EAJE"},
               {Measure::MicroCrechesPlaces, "micro_creches_places", "Places en micro-crèche PAJE"},
               {Measure::AssistantsMaternelsNombre, "assistants_maternels_nombre", "Assistants maternels"},
               {Measure::AssistantsMaternelsPlaces, "assistants_maternels_places", "Places chez les assistants maternels"},
               {Measure::MamNombre, "mam_nombre", "Nombre de MAM"},
               {Measure::RpeNombre, "rpe_nombre", "Nombre de RPE"},
               {Measure::RpeEtp, "rpe_etp", "ETP de RPE"},
               {Measure::TauxCouvertureGlobal, "taux_couverture_global", "Taux de couverture global"},
               {Measure::AlshPlaces, "alsh_places", "Places en ALSH"},
               {Measure::LaepNombre, "laep_nombre", "Nombre de LAEP"},
               {Measure::ClasNombre, "clas_nombre", "Nombre de CLAS"},
               {Measure::CentresSociauxNombre, "centres_sociaux_nombre", "Nombre de centres sociaux"},
               {Measure::EvsNombre, "evs_nombre", "Nombre d'EVS"},
               {Measure::Autre, "autre", "Autre mesure"})

CTG_ENUM_TABLE(Unit,
               {Unit::Nombre, "nombre", ""},
               {Unit::Pourcentage, "pourcentage", "%"},
               {Unit::PlacesPour100Enfants, "places_pour_100_enfants", "places pour 100 enfants"},
               {Unit::Etp, "etp", "ETP"},
               {Unit::Euros, "euros", "€"},
               {Unit::EurosParMois, "euros_par_mois", "€ par mois"},
               {Unit::Km2, "km2", "km²"},
               {Unit::HabitantsParKm2, "habitants_par_km2", "hab./km²"})

CTG_ENUM_TABLE(ActionState,
               {ActionState::Prevue, "prevue", "prévue"},
               {ActionState::Engagee, "engagee", "engagée"},
               {ActionState::Realisee, "realisee", "réalisée"},
               {ActionState::Reportee, "reportee", "reportée"},
               {ActionState::Abandonnee, "abandonnee", "abandonnée"})

CTG_ENUM_TABLE(ReviewKind,
               {ReviewKind::Annuel, "annuel", "bilan annuel"},
               {ReviewKind::Intermediaire, "intermediaire", "bilan intermédiaire"},
               {ReviewKind::Final, "final", "bilan final"})

#undef CTG_ENUM_TABLE

}  // namespace ctg
