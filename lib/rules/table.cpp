// SPDX-License-Identifier: EUPL-1.2
// The table of validation rules. Legal texts are quoted from art. L214-1-3,
// L214-2 and D214-10-1 CASF as gathered in ../shared/docs/ao-rules.md.
#include <fmt/format.h>

#include "rules/checks.hpp"

namespace ctg::rules {

namespace {

using enum Severity;
using enum Confidence;

constexpr std::string_view l214_1_3_II =
    "« Les compétences mentionnées aux 1° et 2° du I sont obligatoirement exercées par toutes les communes. "
    "Les compétences mentionnées aux 3° et 4° du même I sont obligatoirement exercées par les communes de plus "
    "de 3 500 habitants. Pour l'exercice de la compétence mentionnée au 3° du I, les communes de plus de 10 000 "
    "habitants établissent et mettent en œuvre le schéma pluriannuel de maintien et de développement de l'offre "
    "d'accueil du jeune enfant […]. Pour l'exercice des compétences définies aux 2° et 4° du I, les communes de "
    "plus de 10 000 habitants mettent en place le relais petite enfance […]. »";
constexpr std::string_view l214_1_3_III =
    "« Lorsque l'établissement public de coopération intercommunale ou le syndicat mixte met en œuvre, en tout ou "
    "partie, les compétences d'autorité organisatrice […], le nombre d'habitants dont il est tenu compte correspond "
    "à la population totale de l'ensemble des communes ayant transféré leurs compétences. »";
constexpr std::string_view l214_1_3_I =
    "« I. – Les communes sont les autorités organisatrices de l'accueil du jeune enfant. À ce titre, elles sont "
    "compétentes pour : 1° Recenser les besoins des enfants âgés de moins de trois ans et de leurs familles en "
    "matière de services aux familles ainsi que les modes d'accueil disponibles sur leur territoire ; 2° Informer "
    "et accompagner les familles ayant un ou plusieurs enfants âgés de moins de trois ans ainsi que les futurs "
    "parents ; 3° Planifier, au vu du recensement des besoins, le développement des modes d'accueil ; 4° Soutenir "
    "la qualité des modes d'accueil. »";
constexpr std::string_view d214_10_1 =
    "Art. D214-10-1 I CASF (décret n° 2025-253 du 20 mars 2025) : le schéma comporte 1° la liste des équipements "
    "et services existants ; 2° l'analyse des besoins ; 3° l'identification des zones où l'offre est insuffisante "
    "ou difficile d'accès ; 4° a) les objectifs de maintien et de développement de l'offre, b) les besoins en "
    "emplois et en compétences, c) les mesures pour l'accueil des enfants de familles en difficulté, d) le soutien "
    "à la qualité, e) les projets d'investissement, f) leurs coûts et les moyens humains, financiers et "
    "d'ingénierie, g) le calendrier, h) les indicateurs de suivi et d'évaluation.";
constexpr std::string_view l214_2 =
    "Art. L214-2 CASF : le schéma pluriannuel est établi après concertation ; sa durée est cohérente avec celle du "
    "schéma départemental des services aux familles et son contenu compatible avec lui (I) ; il est transmis au "
    "comité départemental des services aux familles dans le mois de son adoption, ainsi que ses mises à jour et "
    "ses bilans intermédiaire et final (II).";

constexpr std::string_view populations_legales =
    "Art. R2151-1 CGCT : trois catégories de population, la population municipale, la population comptée à part "
    "et la population totale, « somme des deux précédentes ». Art. L214-1-3 III CASF : pour un EPCI, « la "
    "population totale de l'ensemble des communes ayant transféré leurs compétences ». Insee : « Les populations "
    "légales millésimées M entrent en vigueur le 1er janvier M+3. Leur date de référence statistique est le 1er "
    "janvier M. »";
constexpr std::string_view cog =
    "Code officiel géographique de l'Insee (codes des communes) ; liste et composition des EPCI à fiscalité "
    "propre publiées chaque année par la DGCL (SIREN, membres). Données lues dans data/referentiel, dérivées du "
    "paquet @etalab/decoupage-administratif (Licence Ouverte), voir data/referentiel/PROVENANCE.md.";

const std::vector<Rule> table{
    // ---------------------------------------------------------------- the law
    {"AO-1", Error, Confirmed, "1° recenser : exercé par toute commune, elle-même ou par son EPCI",
     "art. L214-1-3 II CASF", l214_1_3_II,
     "Chaque commune signataire exerce la compétence 1°, elle-même (« exercee ») ou par l'EPCI auquel elle l'a "
     "transférée (« transferee », l'EPCI l'exerçant au tableau). Une commune absente du tableau doit être membre d'un "
     "EPCI qui l'exerce.",
     "autorites_organisatrices:\n  - ao: belvedere\n    competences: { recenser: sans_objet, informer: exercee, "
     "planifier: sans_objet, qualite: sans_objet }",
     checks::ao_1},
    {"AO-2", Error, Confirmed, "2° informer et accompagner : exercé par toute commune, elle-même ou par son EPCI",
     "art. L214-1-3 II CASF", l214_1_3_II, "Comme AO-1, pour la compétence 2°.",
     "autorites_organisatrices:\n  - ao: belvedere\n    competences: { recenser: exercee, informer: sans_objet, "
     "planifier: sans_objet, qualite: sans_objet }",
     checks::ao_2},
    {"AO-3", Error, Confirmed, "3° planifier : obligatoire au-delà de 3 500 habitants",
     "art. L214-1-3 II et III CASF", l214_1_3_II,
     "Une commune de plus de 3 500 habitants (population totale, seuil strict) ne peut indiquer la compétence 3° "
     "« sans objet ». Si elle l'a transférée, son EPCI doit l'exercer.",
     "  - ao: belvedere\n    population: { valeur: 3501, nature: totale, millesime: 2024 }\n    competences: { "
     "recenser: exercee, informer: exercee, planifier: sans_objet, qualite: exercee }",
     checks::ao_3},
    {"AO-4", Error, Confirmed, "4° soutenir la qualité : obligatoire au-delà de 3 500 habitants",
     "art. L214-1-3 II et III CASF", l214_1_3_II, "Comme AO-3, pour la compétence 4°.",
     "  - ao: belvedere\n    population: { valeur: 3501, nature: totale, millesime: 2024 }\n    competences: { "
     "recenser: exercee, informer: exercee, planifier: exercee, qualite: sans_objet }",
     checks::ao_4},
    {"AO-5", Note, Interpretation, "3° et 4° facultatifs jusqu'à 3 500 habitants : les exercer est permis",
     "art. L214-1-3 I CASF", l214_1_3_I,
     "Une commune de 3 500 habitants ou moins peut exercer volontairement les compétences 3° et 4° : ce n'est "
     "jamais une erreur, seulement une remarque.",
     "  - ao: belvedere\n    population: { valeur: 2870, nature: totale, millesime: 2023 }\n    competences: { "
     "recenser: exercee, informer: exercee, planifier: exercee, qualite: exercee }",
     checks::ao_5},
    {"AO-6", Warning, Confirmed, "3° au-delà de 10 000 habitants : le schéma pluriannuel",
     "art. L214-1-3 II et L214-2 CASF", l214_1_3_II,
     "L'AO qui exerce la compétence 3° avec plus de 10 000 habitants (pour un EPCI : les communes ayant transféré) "
     "établit le schéma pluriannuel ; la CTG en tient lieu si elle en contient tous les éléments (SCH-1). Une "
     "population qui ne permet pas de situer l'AO par rapport au seuil donne un avertissement.",
     "  - ao: paa\n    competences: { recenser: exercee, informer: exercee, planifier: exercee, qualite: exercee }\n"
     "    transferts: [ { competences: [planifier], population: { valeur: 38193, nature: totale } } ]",
     checks::ao_6},
    {"AO-7", Error, Confirmed, "Relais petite enfance obligatoire au-delà de 10 000 habitants, dès 2026",
     "art. L214-1-3 II CASF", l214_1_3_II,
     "L'AO qui exerce les compétences 2° et 4° avec plus de 10 000 habitants dispose d'un relais petite enfance à "
     "compter du 1er janvier 2026 : une ligne « rpe » avec des ETP (projection de l'année) dans son tableau "
     "d'offre, ou un équipement de type « rpe » rattaché à elle ou à l'une de ses communes. Sans --at, la règle "
     "est évaluée à chaque date de la CTG et le constat dit à partir de quand il vaut. "
     "Source de la date : l'obligation elle-même est dans l'article (« mettent en place le relais petite "
     "enfance »), seule sa date d'entrée en vigueur vient de sources secondaires (art. 17 de la loi n° 2023-1196 "
     "rapporté concordamment par plusieurs sources, aucune ne la plaçant plus tard que le 1er janvier 2026) : une "
     "erreur à partir de cette date n'est donc jamais plus stricte que le texte, quelle que soit la date exacte.",
     "  - ao: paa\n    competences: { recenser: exercee, informer: exercee, planifier: exercee, qualite: exercee }\n"
     "    transferts: [ { competences: [informer, qualite], population: { valeur: 12000, nature: totale } } ]\n"
     "# et aucun RPE dans son tableau d'offre ni à l'annexe 2",
     checks::ao_7},
    {"AO-8", Warning, Confirmed, "EPCI : la population des seules communes ayant transféré",
     "art. L214-1-3 III CASF", l214_1_3_III,
     "Pour un EPCI ou un syndicat, les seuils s'apprécient sur la population totale des communes qui lui ont "
     "transféré chaque compétence, non sur celle de tous ses membres. Sans cette population, les obligations de "
     "l'EPCI ne peuvent être vérifiées.",
     "  - ao: paa\n    competences: { recenser: exercee, informer: exercee, planifier: exercee, qualite: exercee }\n"
     "    # pas de « transferts » : population des communes ayant transféré inconnue",
     checks::ao_8},
    {"AO-9", Note, Interpretation, "Seuils stricts : « plus de » 3 500 ou 10 000", "art. L214-1-3 II CASF",
     l214_1_3_II,
     "« Plus de 3 500 habitants » exclut 3 500 : une population d'exactement 3 500 ou 10 000 ne franchit pas le "
     "seuil. Une remarque le rappelle quand le chiffre tombe pile.",
     "    population: { valeur: 3500, nature: totale, millesime: 2024 }", checks::ao_9},
    {"AO-10", Warning, Confirmed, "Le chiffre légal : population totale, d'un millésime donné",
     "art. L214-1-3 III CASF ; décrets d'authentification des populations", l214_1_3_III,
     "La loi retient la population totale (municipale et comptée à part) authentifiée au 1er janvier. Une "
     "population municipale, de nature non précisée, sans millésime, ou à moins de 5 % d'un seuil donne un "
     "avertissement qui dit pourquoi le chiffre compte.",
     "    population: { valeur: 3420, nature: municipale, millesime: 2022 }", checks::ao_10},
    {"AO-11", Warning, Interpretation, "2° et 4° portés par deux entités au-delà de 10 000 : qui porte le RPE ?",
     "art. L214-1-3 II CASF", l214_1_3_II,
     "Quand une commune de plus de 10 000 habitants exerce l'une des compétences 2° et 4° et a transféré l'autre, "
     "la loi ne dit pas qui met en place le relais petite enfance : la convention doit le préciser.",
     "    competences: { recenser: exercee, informer: exercee, planifier: exercee, qualite: transferee }",
     checks::ao_11},
    {"AO-12", Warning, Secondary, "Transfert partiel : l'EPCI n'est AO que pour ce qui lui est transféré",
     "FAQ DGCS/DGCL sur le service public de la petite enfance", l214_1_3_III,
     "Un EPCI n'est autorité organisatrice que pour les compétences expressément transférées ; la commune le reste "
     "pour les autres. Un EPCI qui exerce une compétence qu'aucun transfert ne lui donne reçoit un avertissement.",
     "  - ao: paa\n    competences: { recenser: exercee, informer: exercee, planifier: exercee, qualite: exercee }\n"
     "    transferts: [ { competences: [recenser, informer], population: { valeur: 12000, nature: totale } } ]",
     checks::ao_12},
    {"SCH-1", Warning, Secondary, "La CTG tient lieu de schéma si elle en contient chaque élément",
     "art. D214-10-1 I et L214-2 III CASF", d214_10_1,
     "Pour chaque AO tenue d'établir le schéma pluriannuel (AO-6), la CTG doit contenir chaque élément de l'art. "
     "D214-10-1 I, à partir du 22 mars 2025 (décret n° 2025-253 du 20 mars 2025, publié au JO du 21 mars) ; les "
     "éléments manquants sont nommés. Un élément est trouvé à sa place dans le format, ou dans une fiche action ou "
     "un tableau d'offre qui déclare y répondre (clé elements_schema), ou à défaut par les mots de la détection "
     "de secours ; 4° f) demande un coût en euros, l'ingénierie seule ne suffit pas. La correspondance est donnée "
     "ci-dessous.",
     "offre_petite_enfance:\n  - ao: paa\n    lignes: [ … ]\n    # ni zones_prioritaires, ni familles_difficulte, "
     "ni soutien_qualite",
     checks::sch_1},
    {"SCH-2", Warning, Confirmed, "Durée du schéma cohérente avec le schéma départemental", "art. L214-2 I CASF",
     l214_2,
     "Quand la CTG tient lieu de schéma, sa période doit tenir dans celle du schéma départemental des services aux "
     "familles (convention › schema_departemental) ; sans ces dates, une remarque le signale.",
     "convention:\n  schema_departemental: { debut: 2022-01-01, fin: 2025-12-31 }", checks::sch_2},
    {"SCH-3", Warning, Confirmed, "Transmission du schéma au CDSF dans le mois de son adoption",
     "art. L214-2 II CASF", l214_2,
     "Quand la CTG tient lieu de schéma, elle s'engage à le transmettre (ainsi que ses mises à jour) au comité "
     "départemental des services aux familles dans le mois de son adoption : ctg cherche, dans les articles, le "
     "préambule et le texte du pilotage (annexe 4), une phrase qui dit qui transmet au CDSF et dans quel délai, "
     "sans simple faculté (« la Caf peut transmettre … avec l'accord »). Le constat désigne l'article concerné.",
     "articles: [ { numero: 9, titre: Suivi, texte: « La Caf peut transmettre au CDSF … » } ]", checks::sch_3},
    {"SCH-4", Warning, Confirmed, "Concertation préalable", "art. L214-2 I CASF", l214_2,
     "Le schéma est établi après concertation ; seule sa mention peut être vérifiée (préambule, articles, annexe 4).",
     "preambule: …  # sans le mot « concertation »", checks::sch_4},
    {"SCH-5", Warning, Confirmed, "Transmission des bilans intermédiaire et final au CDSF", "art. L214-2 II CASF",
     l214_2,
     "Quand la CTG tient lieu de schéma, ses bilans intermédiaire et final sont transmis au comité départemental "
     "des services aux familles : ctg cherche une phrase sur les bilans qui dit qui les transmet au CDSF, sans "
     "simple faculté. Le constat désigne l'article concerné.",
     "articles: [ { numero: 9, titre: Suivi, texte: « Les bilans peuvent être communiqués au CDSF. » } ]",
     checks::sch_5},
    {"CTG-1", Note, Secondary, "Durée de la CTG", "caf.fr, 2018", "",
     "La Cnaf préconise une CTG de 4 ans ; 5 ans sont courants. Une autre durée donne une remarque, jamais plus.",
     "convention: { debut: 2026-01-01, fin: 2030-12-31 }", checks::ctg_1, true},
    {"CTG-2", Note, Confirmed, "Date de vérification hors de la période de la CTG", "", "",
     "Avec --at, une date avant le début ou après la fin de la CTG est vérifiée quand même : le constat le dit, "
     "avec ce qui a été vérifié (le droit de cette date, la CTG telle qu'elle est écrite). Sans --at, les règles "
     "sont vérifiées aux seules dates de la période.",
     "ctg validate --at 2031-01-01 ctg.yaml   # CTG 2026-2029", checks::ctg_2},
    // ---------------------------------------------------------------- the CTG against itself
    {"TRF-1", Error, Confirmed, "Population transférée : le total égale la somme des communes", "", "",
     "Quand un transfert donne à la fois la population totale et la liste des communes avec leur population, la "
     "somme doit égaler le total : c'est lui qui décide des obligations de l'EPCI.",
     "transferts:\n  - competences: [recenser]\n    population: { valeur: 5000 }\n    communes:\n      - { nom: A, "
     "population: { valeur: 2000 } }\n      - { nom: B, population: { valeur: 2500 } }",
     checks::trf_1, true},
    {"TRF-2", Warning, Confirmed, "Commune listée deux fois pour la même compétence", "", "",
     "Une commune listée dans deux transferts d'une même compétence (ou deux fois dans une liste) est une erreur "
     "d'encodage : le constat donne les deux positions, et la population de l'EPCI ne la compte qu'une fois.",
     "transferts:\n  - competences: [planifier]\n    communes: [ { nom: A, population: { valeur: 5000 } } ]\n"
     "  - competences: [planifier, qualite]\n    communes: [ { nom: A, population: { valeur: 5000 } } ]",
     checks::trf_2, true},
    {"TRF-3", Warning, Confirmed, "Transfert daté hors de la période de la CTG", "", "",
     "Un transfert qui prend fin (jusqu_au) avant le début de la CTG, ou prend effet (depuis) après sa fin, ne "
     "compte à aucune de ses dates : c'est souvent une date mal saisie. Un transfert qui prend effet ou fin pendant "
     "la CTG change la population de l'EPCI à cette date, et les constats le disent « à partir du … » ou « jusqu'au "
     "… ».",
     "convention: { debut: 2026-01-01, fin: 2029-12-31 }\n…\ntransferts:\n  - competences: [recenser]\n    "
     "jusqu_au: 2025-06-30\n    communes: [ { nom: A, population: { valeur: 2000 } } ]",
     checks::trf_3, true},
    {"OFF-1", Warning, Interpretation, "Une AO qui planifie a son tableau d'offre", "", "",
     "Chaque AO qui exerce la compétence 3° présente son offre actuelle et projetée (annexe 3).",
     "autorites_organisatrices: [ { ao: belvedere, competences: { …, planifier: exercee } } ]\n"
     "offre_petite_enfance: []",
     checks::off_1, true},
    {"OFF-2", Warning, Interpretation, "Un tableau d'offre appartient à une AO qui planifie", "", "",
     "Un tableau d'offre est celui d'une AO inscrite au tableau des autorités organisatrices avec la compétence 3°. "
     "Celui d'une commune de 3 500 habitants ou moins, pour qui la planification est facultative, est une offre "
     "volontaire : une remarque seulement.",
     "offre_petite_enfance: [ { ao: peyruis, lignes: [ … ] } ]  # planifier: sans_objet", checks::off_2, true},
    {"OFF-3", Warning, Confirmed, "Les projections couvrent les années de la CTG", "", "",
     "Chaque ligne d'offre donne une valeur (ou null pour une case vide) pour chaque année de la CTG, ni plus ni "
     "moins.",
     "      - { mode: eaje_psu, actuel: 20, projection: { 2026: 20, 2027: 22 } }  # CTG 2026-2029",
     checks::off_3, true},
    {"OFF-4", Warning, Interpretation, "Structures d'accueil collectif : tableau d'offre et EAJE de l'annexe 2",
     "modèle de CTG de la Cnaf, annexe 3", "",
     "Le nombre de structures des lignes eaje_psu et micro_creche_paje du tableau d'offre d'une AO (clé structures) "
     "est comparé aux équipements de type eaje de l'annexe 2 situés sur son territoire à la date vérifiée : sa "
     "commune, ou, pour un EPCI, les communes des transferts de la compétence 3° en vigueur. Quand un transfert ne "
     "liste pas ses communes, les communes signataires membres de l'EPCI qui ne gardent pas la compétence 3° en "
     "sont, et les communes non signataires peuvent en être : l'avertissement ne vient que si aucune lecture ne "
     "fait tomber les comptes juste.",
     "offre_petite_enfance:\n  - ao: aube\n    lignes: [ { mode: eaje_psu, structures: 2, actuel: 40 } ]\n"
     "equipements:  # un seul EAJE à Aube\n  - { id: creche, gestionnaire: Aube, nom: Crèche, type: eaje, "
     "commune: Aube, partie: aube }",
     checks::off_4},
    {"DIAG-1", Warning, Confirmed, "Nombre d'EAJE : diagnostic et annexe 2", "", "",
     "Le nombre d'EAJE du diagnostic (mesure eaje_nombre) est comparé aux équipements de type eaje de l'annexe 2.",
     "indicateurs: [ { id: eaje, libelle: EAJE, valeur: 14, mesure: eaje_nombre } ]", checks::diag_1, true},
    {"DIAG-2", Warning, Confirmed, "Places en EAJE : diagnostic et tableaux d'offre", "", "",
     "Les places en EAJE du diagnostic (mesure eaje_places) sont comparées aux places actuelles EAJE PSU et "
     "micro-crèches PAJE des tableaux d'offre.",
     "indicateurs: [ { id: places, libelle: Places en EAJE, valeur: 281, mesure: eaje_places } ]", checks::diag_2, true},
    {"DIAG-3", Warning, Confirmed, "Assistants maternels : diagnostic et tableaux d'offre", "", "",
     "Le nombre d'assistants maternels du diagnostic est comparé à celui des tableaux d'offre (clé structures des "
     "lignes assistants_maternels).",
     "indicateurs: [ { id: am, libelle: Assistants maternels, valeur: 84, mesure: assistants_maternels_nombre } ]",
     checks::diag_3, true},
    {"DIAG-4", Warning, Confirmed, "Nombre de RPE : diagnostic et annexe 2", "", "",
     "Le nombre de relais petite enfance du diagnostic est comparé aux équipements de type rpe de l'annexe 2 : on "
     "compte des relais, non les AO qui en financent des ETP (un relais peut servir plusieurs AO).",
     "indicateurs: [ { id: rpe, libelle: RPE, valeur: 2, mesure: rpe_nombre } ]", checks::diag_4, true},
    {"DIAG-5", Warning, Confirmed, "ETP de RPE : diagnostic et tableaux d'offre", "", "",
     "Les ETP de RPE du diagnostic sont comparés à la somme des ETP actuels des tableaux d'offre.",
     "indicateurs: [ { id: rpe-etp, libelle: ETP de RPE, valeur: 2.6, mesure: rpe_etp } ]", checks::diag_5, true},
    {"DIAG-6", Warning, Confirmed, "Taux de couverture : indiqué et calculé", "", "",
     "Le taux de couverture indiqué au diagnostic (mesure taux_couverture_global) est comparé au taux calculé par "
     "ctg coverage pour le territoire de la CTG ; le message dit si le calcul est partiel.",
     "indicateurs: [ { id: taux, libelle: Taux de couverture, valeur: 58, mesure: taux_couverture_global } ]",
     checks::diag_6, true},
    {"EQP-1", Warning, Confirmed, "Équipement en double à l'annexe 2", "", "",
     "Deux équipements de même nom, commune, type et sous-type sont un doublon probable.",
     "  - { id: a, nom: Les Lutins, type: eaje, commune: Belvédère, … }\n  - { id: b, nom: Les Lutins, type: eaje, "
     "commune: Belvédère, … }",
     checks::eqp_1, true},
    {"EQP-2", Warning, Confirmed, "Équipement hors du territoire", "", "",
     "Quand les communes du territoire sont toutes connues (communes signataires, et communes listées dans les "
     "transferts de chaque EPCI), un équipement situé ailleurs est signalé.",
     "  - { id: a, nom: Les Lutins, type: eaje, commune: Ailleurs, … }", checks::eqp_2, true},
    {"EQP-3", Note, Confirmed, "Équipement de type « autre » sans précision", "", "",
     "Un équipement de type « autre » dit ce qu'il est dans une note.", "  - { id: a, nom: X, type: autre, … }",
     checks::eqp_3, true},
    {"DAT-1", Error, Confirmed, "Délibération avant la signature", "", "",
     "Une délibération autorise la signature : elle ne peut lui être postérieure, ni à la fin de la convention.",
     "convention: { date_signature: 2026-02-01, … }\nparties: [ { …, deliberation: { instance: conseil municipal, "
     "date: 2026-03-01 } } ]",
     checks::dat_1, true},
    {"SIG-1", Error, Confirmed, "Blancs à remplir avant la signature", "", "",
     "Lieu et date de signature, dates des délibérations : en projet (--stage brouillon, par défaut) leurs blancs "
     "sont des remarques ; à l'étape --stage signature, des erreurs.",
     "convention: { lieu_signature: null, date_signature: null, … }", checks::sig_1, true},
    {"SIG-2", Error, Confirmed, "« À REMPLIR » et « À DÉCIDER » avant la signature", "", "",
     "Un texte qui contient encore « À REMPLIR » (visas, préambule, articles, diagnostic, plan d'actions, fiches, "
     "annexe 4) ou une ligne du tableau des AO dont la note commence par « À DÉCIDER » (ctg init les écrit ainsi) : "
     "en projet une remarque, à l'étape --stage signature une erreur, car la version signée les imprimerait tels "
     "quels.",
     "articles: [ { numero: 1, titre: Objet, texte: \"À REMPLIR : l'objet de la convention\" } ]", checks::sig_2,
     true},
    {"FIC-1", Warning, Confirmed, "Fiche action sans indicateur", "", "",
     "Chaque fiche action a des indicateurs de suivi : l'évaluation de la CTG (article « Suivi ») s'appuie sur eux.",
     "fiches_action: [ { id: fiche-1, numero: 1, …, indicateurs: [] } ]", checks::fic_1, true},
    {"FIC-2", Warning, Confirmed, "Numérotation sans trou", "", "",
     "Articles et fiches action sont numérotés 1, 2, 3… ; les actions clés de la fiche N sont N.1, N.2…",
     "articles: [ { numero: 1, … }, { numero: 3, … } ]", checks::fic_2, true},
    {"FIC-3", Warning, Confirmed, "Axes du plan et fiches action", "", "",
     "Une fiche action se rattache à un axe (clé axe), et l'axe la cite (clé fiches) ; un axe sans fiche ou une "
     "fiche sans axe donne une remarque.",
     "axes: [ { id: axe-1, fiches: [fiche-2], … } ]\nfiches_action: [ { id: fiche-2, axe: axe-3, … } ]",
     checks::fic_3, true},
    // ------------------------------------------- the official geography and legal populations (referentiel)
    {"REF-1", Error, Confirmed, "Code INSEE et SIREN connus du référentiel", "code officiel géographique ; liste des EPCI (DGCL)",
     cog,
     "Le code INSEE d'une commune (clé insee d'une partie ou d'une commune ayant transféré) et le SIREN d'un EPCI "
     "existent dans un millésime du référentiel ; sinon, erreur avec les codes des communes du même nom. Un EPCI "
     "sans SIREN est cherché par son nom (accents, tirets et forme juridique ignorés), une commune sans code par "
     "son nom parmi les membres officiels de son EPCI ; les autres règles REF s'appliquent alors à eux. "
     "--sans-referentiel désactive les règles REF-1 à REF-6. Sans les données du référentiel (ctg mal installé), "
     "un avertissement dit que ces règles n'ont pas été vérifiées.",
     "parties:\n  - { id: digne, type: commune, nom: Digne-les-Bains, insee: \"04071\", … }", checks::ref_1},
    {"REF-2", Warning, Confirmed, "Nom officiel de la commune ou de l'EPCI", "code officiel géographique", cog,
     "Le nom d'une partie dont le code est donné est le nom officiel : une différence d'accents, de traits d'union "
     "ou de majuscules (« Digne les bains »), ou de forme juridique pour un EPCI (« du Pays de Meaux » ou "
     "« Communauté d'agglomération du Pays de Meaux » pour « CA du Pays de Meaux »), est une remarque qui dit "
     "laquelle ; un autre nom, un avertissement (code erroné ?). Le message dit le millésime de la composition "
     "comparée. Le nom officiel d'un EPCI avec SIREN, tel que ctg init l'écrit, satisfait aussi la règle NOM. "
     "La désignation (clé designation), que les documents impriment, écrit le nom comme le nom officiel : une "
     "différence d'orthographe seulement (« la Commune de Château Arnoux Saint-Auban » pour "
     "« Château-Arnoux-Saint-Auban ») est un avertissement, car la convention et les bilans nommeraient la même "
     "partie de deux façons.",
     "  - { id: digne, type: commune, nom: Digne les bains, insee: \"04070\", … }", checks::ref_2},
    {"REF-3", Warning, Confirmed, "Communes membres de l'EPCI auquel elles transfèrent", "art. L214-1-3 III CASF",
     l214_1_3_III,
     "Une commune dite membre d'un EPCI (clé epci) ou listée parmi les communes ayant transféré une compétence "
     "à un EPCI en est membre dans la composition officielle (DGCL) du millésime en vigueur à la date de "
     "référence, ou du plus récent que le référentiel connaît.",
     "  - id: paa\n    transferts: [ { competences: [planifier], communes: [ { nom: Sisteron, insee: \"04209\" } ] "
     "} ]", checks::ref_3},
    {"REF-4", Warning, Confirmed, "Population totale : le chiffre officiel de son millésime",
     "art. R2151-1 CGCT ; art. L214-1-3 III CASF", populations_legales,
     "Une population déclarée totale est comparée à la population totale officielle de son millésime (ou, sans "
     "millésime, de celui en vigueur à la date de référence, ou du plus récent qui la donne, ce que le message "
     "dit) ; une différence donne un avertissement avec les deux chiffres. Le référentiel n'a pas de population "
     "pour Mayotte ni les collectivités d'outre-mer : rien n'est dit.",
     "    population: { valeur: 18000, nature: totale, millesime: 2022 }   # Digne-les-Bains : 18 547",
     checks::ref_4},
    {"REF-5", Warning, Confirmed, "Population municipale donnée pour la population légale",
     "art. R2151-1 CGCT ; art. L214-1-3 III CASF", populations_legales,
     "Un chiffre égal à la population municipale officielle d'un millésime, déclaré total ou de nature non "
     "précisée (parties, tableau des AO, indicateurs « population » du diagnostic), donne un avertissement : "
     "« le chiffre légal est la population totale : N », avec le millésime. Un chiffre qui est la population "
     "totale de son millésime (ou, sans millésime, d'un millésime du référentiel) n'est jamais dit municipal, "
     "même si la population municipale d'un autre millésime est le même nombre : c'est le cas des chiffres "
     "qu'écrit ctg init. Un chiffre descriptif du diagnostic, qui ne décide d'aucune obligation, cite le "
     "référentiel et non la loi.",
     "indicateurs:\n  - { id: population, valeur: 48726, annee: 2021, mesure: population }   # PAA : totale 50 305",
     checks::ref_5},
    {"REF-6", Warning, Confirmed, "Population d'un EPCI : les communes ayant transféré, recalculée",
     "art. L214-1-3 III CASF", l214_1_3_III,
     "La population donnée pour un transfert de compétences à un EPCI est recalculée : somme des populations "
     "totales officielles des communes listées, ou, faute de liste, des membres officiels de l'EPCI moins les "
     "communes du tableau des AO qui gardent ces compétences. Un chiffre exact donne une remarque, un autre un "
     "avertissement avec les deux chiffres et le millésime.",
     "  - ao: paa\n    transferts: [ { competences: [planifier], population: { valeur: 38193, nature: totale } } ]",
     checks::ref_6, true},
    {"REF-7", Note, Confirmed, "Millésime plus ancien que celui en vigueur", "art. R2151-1 CGCT ; populations légales (Insee)",
     populations_legales,
     "Une population (partie, tableau des AO, transfert) dont le millésime est antérieur à celui en vigueur à la "
     "date de référence (millésime M en vigueur à partir du 1er janvier M+3) donne une remarque qui nomme le "
     "chiffre plus récent quand le référentiel le connaît. Cette règle, de simple calendrier, s'applique même "
     "avec --sans-referentiel (sans chiffre).",
     "    population: { valeur: 3420, nature: totale, millesime: 2020 }   # au 2026-01-01 : millésime 2023",
     checks::ref_7},
    // ---------------------------------------------------------------- the legal texts cited
    {"LEX-1", Warning, Confirmed, "Texte de loi cité avec une date ou un numéro faux", "", "",
     "Un visa, une note ou un texte de la CTG qui nomme un texte connu de ctg (ctg explain LEX-1 en donne la "
     "table) avec une autre date ou un autre numéro que les siens : « Loi plein emploi du 18 décembre 2024 » "
     "désigne la loi n° 2023-1196 du 18 décembre 2023. Le texte est reconnu à son numéro, ou à défaut à son nom.",
     "articles: [ { numero: 3, texte: « … [^1]: Loi plein emploi du 18 décembre 2024. » } ]", checks::lex_1,
     true},
    {"LEX-2", Warning, Confirmed, "Schéma pluriannuel rattaché au mauvais article", "", "",
     "Le schéma pluriannuel est prévu à l'art. L214-2 CASF, son contenu à l'art. D214-10-1 ; un texte qui le dit "
     "prévu à un autre article est signalé, sauf s'il cite le titre officiel d'un texte connu : le titre du décret "
     "n° 2025-253 dit lui-même « prévu à l'article L. 214-1-3 », et un visa qui le reprend est juste.",
     "articles: [ { texte: « le schéma pluriannuel prévu à l'article L. 214-1-3 » } ]", checks::lex_2, true},
    {"LEX-3", Warning, Confirmed, "Nombres annoncés contraires à la structure", "", "",
     "« 5 axes », « N fiches actions », « N communes », « deux signataires » écrits dans un texte de la CTG sont "
     "comparés au plan d'actions, aux fiches, aux communes signataires (et au nombre de communes du diagnostic) "
     "et aux parties ; le constat donne les deux chiffres. Pour les communes, un nombre plus grand que celui des "
     "signataires est admis quand un EPCI signe (ses membres ne sont pas tous signataires).",
     "plan_actions: { axes: [ 7 axes ], calendrier: [ { actions: [ Déploiement des actions sur les 5 axes ] } ] }",
     checks::lex_3, true},
};

}  // namespace

const std::vector<Rule>& all() { return table; }

const Rule* find(std::string_view id) {
  for (const auto& r : table)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace ctg::rules
