// SPDX-License-Identifier: EUPL-1.2
// The legal texts and code articles the tool knows (LEX-*). Dates, numbers
// and titles as published in the Journal officiel (see ../shared/docs/ao-rules.md
// and the visas of the seed); the articles each text creates or modifies.
#include "rules/rules.hpp"

namespace ctg::rules {

const std::vector<LegalText>& legal_texts() {
  static const std::vector<LegalText> texts{
      {"loi", "2023-1196", Date{2023, 12, 18}, "pour le plein emploi",
       "art. 17 : crée l'art. L214-1-3 CASF (communes autorités organisatrices de l'accueil du jeune enfant, à "
       "partir du 1er janvier 2025) et réécrit l'art. L214-2 CASF (schéma pluriannuel)",
       {"plein emploi"}},
      {"décret", "2021-1644", Date{2021, 12, 14},
       "relatif à la gouvernance des services aux familles et au métier d'assistant maternel",
       "crée les art. D112-2, D214-2-1 et D421-15-1 CASF ; modifie les art. D214-1 à D214-4 et D214-6 (comité "
       "départemental des services aux familles) et des art. D421-* CASF (assistants maternels)",
       {"gouvernance des services aux familles"}},
      {"décret", "2025-253", Date{2025, 3, 20},
       "relatif au schéma pluriannuel de maintien et de développement de l'offre d'accueil du jeune enfant prévu "
       "à l'article L. 214-1-3 du code de l'action sociale et des familles",
       "crée l'art. D214-10-1 CASF (contenu du schéma pluriannuel) ; publié au JO du 21 mars 2025",
       {"schema pluriannuel"}},
      {"décret", "2025-304", Date{2025, 4, 1},
       "relatif aux autorisations de création, d'extension et de transformation des établissements d'accueil de "
       "jeunes enfants et à l'accueil dans les micro-crèches",
       "autorisations des établissements d'accueil du jeune enfant et micro-crèches (articles modifiés non "
       "vérifiés par ctg)",
       {"micro creches", "autorisations de creation"}},
      {"ordonnance", "2021-611", Date{2021, 5, 19}, "relative aux services aux familles",
       "réforme des services aux familles (art. L214-1 et suivants CASF)", {"relative aux services aux familles"}},
      {"loi", "78-17", Date{1978, 1, 6}, "relative à l'informatique, aux fichiers et aux libertés",
       "protection des données personnelles (hors CASF)", {"informatique, aux fichiers et aux libertes"}},
  };
  return texts;
}

const std::vector<CodeArticle>& code_articles() {
  static const std::vector<CodeArticle> articles{
      {"CASF", "L214-1-3", "les compétences des autorités organisatrices de l'accueil du jeune enfant",
       "loi n° 2023-1196 du 18 décembre 2023, art. 17"},
      {"CASF", "L214-2", "le schéma pluriannuel de maintien et de développement de l'offre d'accueil du jeune enfant",
       "loi n° 2023-1196 du 18 décembre 2023, art. 17"},
      {"CASF", "D214-10-1", "le contenu du schéma pluriannuel", "décret n° 2025-253 du 20 mars 2025"},
      {"CASF", "L214-5", "le comité départemental des services aux familles", "ordonnance n° 2021-611 du 19 mai 2021"},
      {"CSS", "L263-1", "l'action sanitaire et sociale des caisses d'allocations familiales", ""},
      {"CSS", "L223-1", "les missions de la Caisse nationale des allocations familiales", ""},
      {"CSS", "L227-1", "les conventions d'objectifs et de gestion entre l'État et les caisses nationales", ""},
  };
  return articles;
}

}  // namespace ctg::rules
