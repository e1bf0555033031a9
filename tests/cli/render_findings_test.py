#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The findings of issue 9 on `ctg render`, each pinned: what the document
must not show (the encoder's notes, repeated sections, empty headings), what
it must keep from the source, the order visas → préambule → formule →
articles, the parties' names and French agreement, the coverage tables and
charts, the representatives written with what is known, the « D'une part /
D'autre part » layout, and the avenant's legal clauses."""
import functools
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
import common
from common import ctg, root, paa, tmp, fail, finish

run = functools.partial(common.run, output="stdout+stderr")  # all ctg printed


def norm(s):
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ").replace("\u202f", " ").replace("\\", ""))


md = norm(run("render", paa))
html = run("render", paa, "-f", "html")

# ---------------------------------------------------------------- what must not show
for private in ["Cellules écrites « Nb de places 225 »", "Écrit « 1.7% ETP »", "écrit « 58 % » dans le texte",
                "(48 726 / 6 = 8 121)", "« 3 sur Digne 1 sur Malijai »", "Ligne commune avec Les Mées"]:
    if norm(private) in md or private in html:
        fail(f"note de l'encodeur imprimée : {private}")
if "(autre)" in md:
    fail("« (autre) » parasite après un investissement")
if "Enjeux retenus" in md:
    fail("« Enjeux retenus » répète la synthèse du diagnostic")
if "Instances de pilotage" in md:
    fail("le tableau de l'annexe 4 répète son propre texte")
print("ok rien de privé ni de répété")

# ---------------------------------------------------------------- source fidelity
if "Coûts et calendriers prévisionnels" not in md or "Non évaluable à ce jour" not in md:
    fail("colonne « Coûts et calendriers prévisionnels » ou « Non évaluable à ce jour » absente")
for y in (2026, 2027, 2028, 2029):
    if md.count(f"Objectif fin {y} :") != 1:
        fail(f"« Objectif fin {y} : » absent ou répété")
if "Objectif 2030 :" not in md:
    fail("« Objectif 2030 : » absent")
if "(Alpes-de-Haute-Provence)" not in md:
    fail("le département de la convention n'est pas imprimé")
print("ok fidélité : coûts et calendriers, objectifs de fin d'année, département")

# ---------------------------------------------------------------- order
pos = [md.find(s) for s in ["## Visas", "## Préambule", "Il est convenu et arrêté ce qui suit", "## Article 1 "]]
if -1 in pos or pos != sorted(pos):
    fail(f"ordre visas → préambule → formule → articles non respecté : {pos}")
print("ok ordre : visas, préambule, formule, articles")

# ---------------------------------------------------------------- one name per party
annex5 = md[md.find("## Annexe 5"):]
if "Digne-les-Bains" in annex5 or "Commune de Digne les bains" not in annex5:
    fail("annexe 5 : Digne n'a pas le même nom que dans les parties")
print("ok un seul nom par partie (annexe 5)")

# ---------------------------------------------------------------- coverage tables and charts
for block in re.findall(r"\*Places d'accueil par mode.*?(?=\n\n#|\Z)", run("render", paa), re.S):
    if re.search(r"\| \*\*(Enfants de moins de 3 ans|Taux de couverture global)\*\* \|( — \|)+", block):
        fail("un tableau de couverture aligne des « — » au lieu de dire ce qui manque")
if "n'est pas renseigné : le taux de couverture n'y est pas calculé" not in md:
    fail("l'absence du nombre d'enfants n'est pas dite")
if "Le diagnostic indique un taux de couverture de 58 %" not in md:
    fail("l'écart entre le taux calculé et les 58 % du diagnostic n'est pas expliqué")
svgs = re.findall(r"<svg.*?</svg>", html, re.S)
for svg in svgs:
    if "(MAM c<" in svg or re.search(r">Assistants maternels \(MAM c[^o]", svg):
        fail("légende coupée")
    if "taux de couverture global" in svg and "font-weight=\"bold\"" not in svg.split("tspan")[0]:
        fail("la légende promet un taux qui n'est pas dessiné")
if not any(">20<" in s or ">40 000<" in s for s in svgs):
    fail("graphiques sans axe gradué")
print(f"ok couverture : places, enfants et taux distingués ; {len(svgs)} graphiques avec axes et légendes entières")

# ---------------------------------------------------------------- names, agreement, representatives
case = os.path.join(tmp, "noms")
os.makedirs(case)
open(os.path.join(case, "ctg.yaml"), "w", encoding="utf-8").write("""format: ctg/1
convention: { titre: Convention territoriale globale, territoire: Bazois, debut: 2026-01-01, fin: 2029-12-31, deux_blocs: true }
parties:
  - id: caf
    type: caf
    nom: Caf de la Nièvre
    representants:
      - { qualite: Directeur }
      - { civilite: M., nom: DURAND, qualite: Président du conseil d'administration }
  - { id: a, type: commune, nom: Commune de A, representants: [ { civilite: Mme, prenom: Anne, nom: ROY, qualite: Maire } ] }
  - id: cc
    type: epci
    forme: communaute_communes
    nom: Communauté de communes du Bazois
    representants: [ { prenom: Lise, nom: PETIT, qualite: Présidente } ]
    deliberation: { instance: commission permanente, date: null, objet: Approbation de la CTG 2026-2029 }
  - { id: p, type: commune, nom: Ville de Perpignan, representants: [ { qualite: Maire } ] }
  - { id: ch, type: commune, nom: La Chapelle-aux-Brocs, representants: [ { civilite: M., nom: LEROY, qualite: Maire } ] }
  - { id: val, type: epci, nom: Agglomération du Val, representants: [ { qualite: Président } ], deliberation: { instance: conseil communautaire, date: null } }
  - id: sy
    type: syndicat
    forme: sivu
    nom: de la petite enfance du Bazois
    remarque: Le syndicat signe pour ses huit communes membres.
    representants: [ { qualite: Président } ]
articles:
  - { id: a1, numero: 1, titre: Objet, texte: La présente convention définit le projet social du territoire. }
""")
out = norm(run("render", case))
for bad in ["Commune de Commune", "Communauté de communes Communauté", "Commune de Ville", "de la Chapelle-aux-Brocs",
            "son commission", "du commission", "de Agglomération", "  ", " ,", "None", "Monsieur  "]:
    if bad in out:
        fail(f"désignation ou accord fautif : « {bad} »")
for good in ["La Commune de A,", "La Communauté de communes du Bazois, représentée par sa Présidente Lise PETIT",
             "La Ville de Perpignan, représentée par son Maire,", "La Commune de La Chapelle-aux-Brocs, représentée par son Maire Monsieur LEROY",
             "par délibération de sa commission permanente", "Vu la délibération de la commission permanente de la Communauté de communes du Bazois",
             "Vu la délibération du conseil communautaire de l'Agglomération du Val",
             "Le Syndicat intercommunal à vocation unique de la petite enfance du Bazois, représenté par son Président,",
             "représentée par son Directeur et Monsieur DURAND, Président du conseil d'administration, dûment autorisés",
             "Le syndicat signe pour ses huit communes membres.", "D'une part,", "D'autre part,",
             "Approbation de la CTG 2026-2029"]:
    if norm(good) not in out:
        fail(f"attendu dans le rendu : « {good} »")
if "## Visas" not in out:
    fail("visas des délibérations absents")
warnings = run("validate", case, code=1)  # errors AO-1/AO-2: these communes have no AO line, beside the point
if warnings.count("avertissement[NOM]") != 4:
    fail(f"validate : {warnings.count('avertissement[NOM]')} avertissements NOM, 4 attendus (A, Bazois, Perpignan, Val)")
print("ok désignations dérivées une fois, accords, représentants partiels, remarque publiée, deux blocs, NOM")

# « il établit » for a syndicat (AO-6), « elle » for a communauté.
syn = os.path.join(tmp, "syndicat.yaml")
open(syn, "w", encoding="utf-8").write("""format: ctg/1
convention: { titre: Convention territoriale globale, territoire: Val, debut: 2026-01-01, fin: 2029-12-31 }
parties:
  - { id: caf, type: caf, nom: Caf du Val, representants: [] }
  - { id: sm, type: syndicat, forme: syndicat_mixte, nom: du Val, representants: [] }
  - { id: a, type: commune, nom: Aube, epci: sm, representants: [] }
autorites_organisatrices:
  - ao: sm
    competences: { recenser: exercee, informer: exercee, planifier: exercee, qualite: exercee }
    transferts:
      - competences: [recenser, informer, planifier, qualite]
        population: { valeur: 12000, nature: totale, millesime: 2024 }
articles:
  - { id: a1, numero: 1, titre: Objet, texte: Objet. }
""")
out = norm(subprocess.run([ctg, "validate", syn], capture_output=True, text=True).stdout)
if "> 10 000 : il établit" not in out:
    fail("AO-6 : un syndicat n'est pas « il »")
if "> 10 000 : elle établit" not in norm(run("validate", paa, code=0)):
    fail("AO-6 : une communauté n'est plus « elle »")
print("ok accord du pronom : « il » pour un syndicat, « elle » pour une communauté")

# No visa at all: no empty heading.
bare = os.path.join(tmp, "sans-visa.yaml")
open(bare, "w", encoding="utf-8").write("""format: ctg/1
convention: { titre: Convention territoriale globale, territoire: A, debut: 2026-01-01, fin: 2029-12-31 }
parties:
  - { id: caf, type: caf, nom: Caf de A, representants: [] }
articles:
  - { id: a1, numero: 1, titre: Objet, texte: Objet de la convention. }
""")
for fmt_ in ("md", "html"):
    out = run("render", bare, "-f", fmt_)
    if "Visas" in out:
        fail(f"{fmt_} : titre « Visas » sans visa")
print("ok pas de titre vide")

# ---------------------------------------------------------------- the golden avenant, read as a legal officer
golden = open(os.path.join(root, "tests", "golden", "diff", "avenant-mees-transfert.md"), encoding="utf-8").read()
g = norm(golden)
for clause in ["La Commune des Mées transfère à la Communauté d’Agglomération Provence Alpes Agglomération la compétence « 3° planifier",
               "à compter du 1er juillet 2026", "l'arrêté préfectoral n° 2026-153-004 du 2 juin 2026",
               "L5211-17 du code général des collectivités territoriales", "il passe de 38 193 à 41 913 habitants",
               "41 913 pour 3°", "Vu la délibération du conseil municipal des Mées du 10 mars 2026",
               "Considérant que la Commune des Mées a transféré", "les mots « assuré par la » sont remplacés par les mots « assuré conjointement par la Caf et la »",
               "### Fiche action 7 – Mobilité des familles", "**Résultat attendu**", "**Public cible**", "**Territoire concerné**",
               "**Partenaires associés**", "**Indicateurs**", "L214-2 II du code de l'action sociale et des familles",
               "Le présent avenant prend effet le 1er juillet 2026"]:
    if norm(clause) not in g:
        fail(f"avenant de référence : clause absente : « {clause} »")
order = [g.find(s) for s in ["## Visas", "## Considérants", "Il est convenu et arrêté", "## Article 1 "]]
if -1 in order or order != sorted(order):
    fail("avenant : ordre visas → considérants → formule → articles non respecté")
print("ok avenant de référence : transfert, population, visas, considérants, mots remplacés, fiche entière, CDSF, prise d'effet")

# The diff names the transfer instead of « ajout de « 2 » ».
import shutil
variant = os.path.join(tmp, "mees")
shutil.copytree(paa, variant)
subprocess.run([sys.executable, os.path.abspath(os.path.join(root, "tests", "cli", "variante_mees_transfert.py"))],
               cwd=variant, check=True)
diff = subprocess.run([ctg, "diff", paa, variant], capture_output=True, text=True, env=dict(os.environ, NO_COLOR="1")).stdout
diff = norm(diff)
if "transfert de 3° (planifier) par Les Mées, à compter du 1er juillet 2026, arrêté préfectoral n° 2026-153-004" not in diff \
        or "ajout de « 2 »" in diff:
    fail("ctg diff ne dit pas quel transfert a eu lieu : " + diff[:400])
print("ok ctg diff : le transfert est nommé (compétence, commune, date, arrêté)")

finish()
