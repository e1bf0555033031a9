# SPDX-License-Identifier: EUPL-1.2
"""Variant of the real example for the golden avenant (run in a copy of the
example): Les Mées transfers competence 3° (planifier) to Provence Alpes
Agglomération and its offer table leaves annexe 3, a fiche action is added, a
sentence of article 6 changes."""


def sub(path, old, new):
    text = open(path, encoding="utf-8").read()
    assert old in text, (path, old)
    open(path, "w", encoding="utf-8").write(text.replace(old, new, 1))


sub("annexe-3-plan-actions.yaml",
    "  - ao: les-mees\n"
    "    population: { plus_de: 3500, moins_de: 10000, nature: inconnue }\n"
    "    competences: { recenser: exercee, informer: exercee, planifier: exercee, qualite: exercee }",
    "  - ao: les-mees\n"
    "    population: { plus_de: 3500, moins_de: 10000, nature: inconnue }\n"
    "    competences: { recenser: exercee, informer: exercee, planifier: transferee, qualite: exercee }")
sub("annexe-3-plan-actions.yaml",
    "        population: { valeur: 38193, nature: totale }\n",
    "        population: { valeur: 38193, nature: totale }\n"
    "      - competences: [planifier]\n"
    "        communes:\n"
    "          - { nom: Les Mées, partie: les-mees, population: { valeur: 3720, nature: totale, millesime: 2023 } }\n"
    "        depuis: 2026-07-01\n"
    "        arrete_prefectoral: n° 2026-153-004 du 2 juin 2026\n"
    "        deliberations:\n"
    "          - la délibération du conseil municipal des Mées du 10 mars 2026 approuvant le transfert\n"
    "          - la délibération du conseil communautaire de Provence Alpes Agglomération du 7 avril 2026 l'acceptant\n")
sub("ctg.yaml", "Le secrétariat permanent est assuré par la communauté d’agglomération.",
    "Le secrétariat permanent est assuré conjointement par la Caf et la communauté d’agglomération.")
text = open("fiches-action.yaml", encoding="utf-8").read()
open("fiches-action.yaml", "w", encoding="utf-8").write(text.rstrip() + """

  - id: fiche-7
    numero: 7
    titre: Mobilité des familles
    objectif_global: Faciliter les déplacements des familles vers les services aux familles du territoire.
    actions_cles:
      - { id: "7.1", texte: Mettre en place un transport à la demande vers les structures d'accueil. }
      - { id: "7.2", texte: Informer les familles des solutions de mobilité existantes. }
    resultat_attendu: Des familles sans véhicule accèdent aux modes d'accueil et aux services.
    public_cible: Les familles sans moyen de transport, en priorité dans les communes rurales.
    territoire: Communes rurales de PAA
    partenaires: [Région Sud, PAA, communes]
    indicateurs: [Nombre de trajets réalisés, Nombre de familles bénéficiaires]
""")
# Les Mées no longer plans (3° transferred): its offer table leaves annexe 3
# (OFF-2 otherwise; ctg avenant refuses a new version that keeps it).
text = open("annexe-3-plan-actions.yaml", encoding="utf-8").read()
start = text.index("  # « Nom de l’autorité organisatrice compétente pour la planification de l’offre : Pour Les Mées : »")
end = text.index("  # « Nom de l’autorité organisatrice compétente pour la planification de l’offre : Pour Peyruis : »")
open("annexe-3-plan-actions.yaml", "w", encoding="utf-8").write(text[:start] + text[end:])
# Its follow-up statements named that table: they leave the suivi with it.
for path in ("suivi/2026-T2.yaml", "suivi/2027-T2.yaml"):
    lines = open(path, encoding="utf-8").read().splitlines(keepends=True)
    open(path, "w", encoding="utf-8").write("".join(l for l in lines if "{ ao: les-mees," not in l))
