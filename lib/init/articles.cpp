// SPDX-License-Identifier: EUPL-1.2
// The generic model of a CTG's articles, written for ctg: the usual sections
// of a convention territoriale globale, in plain words, for the chargé de
// coopération to adapt. Not taken from any Caf's model.
#include "init/init.hpp"

namespace ctg::init {

const std::vector<ModelArticle>& generic_articles() {
  static const std::vector<ModelArticle> articles{
      {"objet", "Objet de la convention",
       "La présente convention fixe le projet social commun des signataires pour les familles du territoire {de_epci}. "
       "Elle s'appuie sur le diagnostic partagé (annexe 1), recense l'offre existante (annexe 2) et arrête un plan "
       "d'actions pluriannuel (annexe 3) dont elle organise le pilotage et le suivi (annexes 4 et 5)."},
      {"champs", "Champs d'intervention",
       "Les signataires agissent ensemble dans les domaines suivants, selon les priorités du diagnostic :\n\n"
       "- la petite enfance et l'accueil du jeune enfant ;\n"
       "- l'enfance et la jeunesse ;\n"
       "- le soutien à la parentalité ;\n"
       "- l'animation de la vie sociale ;\n"
       "- l'accès aux droits et l'inclusion numérique ;\n"
       "- le logement et le cadre de vie des familles."},
      {"autorites-organisatrices", "Autorités organisatrices de l'accueil du jeune enfant",
       "En application de l'article L. 214-1-3 du Code de l'action sociale et des familles, les communes signataires "
       "sont autorités organisatrices de l'accueil du jeune enfant. Chacune recense les besoins des familles et "
       "l'offre d'accueil (1°) et informe et accompagne les familles (2°) ; celles de plus de 3 500 habitants "
       "planifient en outre le développement des modes d'accueil (3°) et soutiennent leur qualité (4°). Une "
       "commune peut transférer tout ou partie de ces compétences à {epci}.\n\n"
       "Le tableau de l'annexe 3 indique, pour chaque autorité organisatrice, les compétences qu'elle exerce.\n\n"
       "À REMPLIR : les transferts de compétences à {epci} (délibérations et dates), ou l'absence de transfert."},
      {"schema", "Schéma pluriannuel de maintien et de développement de l'offre d'accueil du jeune enfant",
       "Pour chaque autorité organisatrice tenue d'établir le schéma pluriannuel de maintien et de développement de "
       "l'offre d'accueil du jeune enfant (article L. 214-2 du Code de l'action sociale et des familles), la "
       "présente convention en tient lieu lorsqu'elle en contient les éléments prévus à l'article D. 214-10-1 du "
       "même code.\n\n"
       "Ce schéma est établi après concertation avec les partenaires et les familles du territoire. À REMPLIR : la "
       "concertation menée (instances, dates, participants).\n\n"
       "Les collectivités signataires qui établissent le schéma le transmettent, ainsi que ses mises à jour, au "
       "comité départemental des services aux familles dans le mois de leur adoption. Les collectivités "
       "signataires qui établissent le schéma transmettent les bilans intermédiaire et final de la présente "
       "convention au comité départemental des services aux familles."},
      {"engagements", "Engagements des signataires",
       "La Caf apporte son expertise du territoire, ses données et son offre de service ; elle mobilise ses "
       "financements selon ses règles d'intervention et dans la limite de ses moyens.\n\n"
       "Les collectivités signataires exercent leurs compétences d'autorité organisatrice de l'accueil du jeune "
       "enfant telles qu'elles figurent au tableau de l'annexe 3, mettent en œuvre les actions qui les concernent "
       "et désignent un référent pour la convention.\n\n"
       "Chaque signataire informe les autres de tout projet susceptible de modifier l'offre aux familles du "
       "territoire."},
      {"collaboration", "Modalités de collaboration",
       "Les signataires se réunissent au sein des instances décrites à l'annexe 4. Ils partagent les informations "
       "utiles à la conduite des actions et associent les partenaires du territoire, dont les associations et les "
       "familles, à l'élaboration et à l'évaluation du plan d'actions."},
      {"donnees", "Échanges de données",
       "Les données échangées pour l'exécution de la présente convention le sont dans le respect du règlement "
       "général sur la protection des données et de la loi du 6 janvier 1978 modifiée. Seules des données "
       "agrégées, ne permettant pas d'identifier les personnes, sont diffusées au-delà des signataires."},
      {"communication", "Communication",
       "Les signataires font connaître la convention et ses actions aux habitants. Toute communication sur une "
       "action financée dans ce cadre mentionne la participation de chacun des signataires."},
      {"suivi", "Suivi et évaluation",
       "Le plan d'actions est suivi chaque année à l'aide des indicateurs de ses fiches. Un bilan est présenté au "
       "comité de pilotage à mi-parcours et au terme de la convention ; il prépare, le cas échéant, la convention "
       "suivante."},
      {"duree", "Durée",
       "La présente convention prend effet le {debut} et prend fin le {fin}. Elle ne peut être reconduite que de "
       "manière expresse."},
      {"execution", "Exécution et modification",
       "Toute modification de la présente convention ou de ses annexes fait l'objet d'un avenant signé par "
       "l'ensemble des signataires, qui précise les stipulations modifiées."},
      {"fin", "Fin anticipée",
       "Chaque signataire peut mettre fin à la convention par lettre recommandée avec accusé de réception, avec un "
       "préavis de trois mois, en cas de manquement d'un autre signataire à ses engagements ou d'un motif "
       "d'intérêt général. La convention prend alors fin pour tous, ou pour ce seul signataire si les autres en "
       "conviennent."},
      {"recours", "Recours",
       "En cas de désaccord sur l'exécution de la présente convention, les signataires recherchent d'abord une "
       "solution amiable. À défaut, le litige est porté devant le tribunal administratif territorialement "
       "compétent."},
  };
  return articles;
}

const std::vector<ModelVisa>& generic_visas() {
  static const std::vector<ModelVisa> visas{
      {"css", "Vu le Code de la sécurité sociale, notamment ses articles L. 223-1 et L. 263-1 ;"},
      {"casf", "Vu le Code de l'action sociale et des familles, notamment ses articles L. 214-1-3 et L. 214-2 ;"},
      {"cgct", "Vu le Code général des collectivités territoriales ;"},
      {"loi-plein-emploi", "Vu la loi n° 2023-1196 du 18 décembre 2023 pour le plein emploi, notamment son article 17 ;"},
      {"decret-2025-253",
       "Vu le décret n° 2025-253 du 20 mars 2025 relatif au schéma pluriannuel de maintien et de développement de "
       "l'offre d'accueil du jeune enfant prévu à l'article L. 214-1-3 du code de l'action sociale et des familles ;"},
      {"cog",
       "Vu la convention d'objectifs et de gestion (Cog) conclue entre l'État et la Caisse nationale des allocations "
       "familiales (Cnaf) ;"},
      {"deliberation-caf",
       "Vu la délibération du conseil d'administration {de_caf} en date du À REMPLIR ;"},
  };
  return visas;
}

}  // namespace ctg::init
