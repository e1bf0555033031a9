#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""ctg bilan as a chargé de coopération and a juriste read it (issue 19):

- a final bilan only when the tracking reaches the end of the convention, an
  annual one only when it reaches the end of the year; otherwise exit 2 with
  the dates, or a bilan marked « provisoire » on request (--provisoire);
- actions clés by their wording, indicators by their label and fiche (never
  « 3.7 (fiche 3) », « 1.1 »);
- the coverage trajectory with its denominator, its baseline (the
  diagnostic's « actuel » column) and the « partiel » caveat of ctg coverage;
- the petite-enfance part: its actions, difficulties and decisions, and no
  « tient lieu de schéma » while validate's SCH-1 names missing elements;
- the PDF: dates in French, no ISO date at all.
"""
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from common import ctg, root, tmp, fail, run, finish

paa = "examples/provence-alpes-agglomeration"


def flat(s):
    return " ".join(s.replace("\u00a0", " ").replace("\u202f", " ").split())


# ------------------------------------------------------------ period covered
err = flat(run("bilan", paa, "--final", code=2).stderr)
for needed in ["bilan final porte sur toute la convention, du 1er janvier 2026 au 31 décembre 2030",
               "situation au 31 décembre 2027 (période 2027-T4)", "--provisoire"]:
    if needed not in err:
        fail(f"bilan final sur un suivi qui s'arrête en 2027 : « {needed} » absent de {err!r}")
final = flat(run("bilan", paa, "--final", "--provisoire").stdout)
if not final.startswith("# Bilan final (provisoire)") or "il ne vaut pas bilan final" not in final:
    fail(f"bilan final provisoire : marque absente {final[:300]!r}")
print("ok bilan final : refusé sans --provisoire, marqué provisoire avec")

short = os.path.join(tmp, "court")
shutil.copytree(os.path.join(root, paa), short)
for period in ["2027-T3", "2027-T4"]:
    os.remove(os.path.join(short, "suivi", period + ".yaml"))
err = flat(run("bilan", short, "--annuel", "2027", code=2).stderr)
for needed in ["bilan annuel 2027 porte sur l'année jusqu'au 31 décembre 2027", "situation au 30 juin 2027",
               "--provisoire"]:
    if needed not in err:
        fail(f"bilan annuel d'une année suivie à moitié : « {needed} » absent de {err!r}")
annual = flat(run("bilan", short, "--annuel", "2027", "--provisoire").stdout)
if not annual.startswith("# Bilan annuel 2027 (provisoire)") or "il ne vaut pas bilan de l'année" not in annual:
    fail(f"bilan annuel provisoire : marque absente {annual[:300]!r}")
run("bilan", short, "--annuel", "2026")  # a year fully tracked needs no mark
print("ok bilan annuel : refusé sur une demi-année, provisoire sur demande")

# ------------------------------------------------------------ wording, not numbers
md = run("bilan", paa, "--annuel", "2027").stdout
text = flat(md)
if re.search(r"\d+\\?\.\d+ \(fiche \d+\)", md) or re.search(r"Action \d+\.\d+", md):
    fail("bilan : une action est encore désignée par son numéro")
if re.search(r"\|\s*\*\*\d+\\?\.\d+\*\*\s*\|", md) or re.search(r"Indicateur \d+\.\d+", md):
    fail("bilan : un indicateur est encore numéroté comme une action")
for needed in ["Actualiser le projet social de territoire", "fiche 1 – Coordination",
               "Indicateur « Nombre de parents participants » (fiche 4 – Parentalité)"]:
    if needed not in text:
        fail(f"bilan : « {needed} » absent")
print("ok bilan : actions par leur libellé, indicateurs par leur intitulé")

# ------------------------------------------------------------ coverage
for needed in ["| Année | Enfants de moins de 3 ans |", "Départ (diagnostic, « actuel »)",
               "places pour 100 enfants de moins de 3 ans ; \\* partiel ; — non renseigné",
               "Taux partiels, calculés sans :", "Préscolarisation : non renseigné (toutes les colonnes)",
               "taux de couverture réalisé 51,3\\* pour 53,8\\* prévu"]:
    if needed not in text:
        fail(f"bilan, taux de couverture : « {needed} » absent")
if not re.search(r"\| \*\*2027\*\* \| 1 151 \| 619 \| 590 \| 53,8\\\* \| 51,3\\\* \|", text):
    fail("bilan : la ligne 2027 de la trajectoire n'a pas son dénominateur ni sa marque « partiel »")
print("ok bilan : dénominateur, situation de départ, taux partiels")

# ------------------------------------------------------------ petite enfance
validate = flat(subprocess.run([ctg, "validate", paa], cwd=root, capture_output=True, text=True).stdout)
pe = flat(run("bilan", paa, "--intermediaire", "--part", "petite-enfance").stdout)
if "SCH-1" in validate and "il manque" in validate:
    if "La CTG tient lieu de schéma" in pe or "ne tient pas encore lieu de schéma" not in pe:
        fail("volet petite enfance : il dit que la CTG tient lieu de schéma quand SCH-1 relève des manques")
    if "il manque 2 éléments sur 11" not in pe:
        fail("volet petite enfance : les éléments manquants de SCH-1 ne sont pas repris")
else:
    fail("validate ne relève plus de manque SCH-1 sur l'exemple : ce test ne vérifie plus rien, revoyez-le")
for needed in ["## Actions petite enfance", "Mettre en œuvre un programme santé et environnement sain",
               "Baisse du nombre d'assistantes maternelles agréées",
               "Décider d'une campagne de promotion du métier d'assistant maternel"]:
    if needed not in pe:
        fail(f"volet petite enfance : « {needed} » absent")
for absent in ["Financement régional du transport", "Maisons France Services", "Avancement par axe"]:
    if absent in pe:
        fail(f"volet petite enfance : « {absent} » n'a rien à y faire")
print("ok volet petite enfance : ses actions, difficultés, décisions ; SCH-1 repris")

# ------------------------------------------------------------ PDF dates
pdf = os.path.join(tmp, "bilan-final.pdf")
if shutil.which("chromium"):
    run("bilan", paa, "--final", "--provisoire", "-f", "pdf", "-o", pdf)
    raw = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    iso = re.findall(r"\b20\d\d-\d\d(?:-\d\d)?\b|\b20\d\d-\s*$", raw, re.M)
    if iso:
        fail(f"bilan PDF : dates ISO {iso[:5]}")
    if "31 décembre 2030" not in flat(raw):
        fail("bilan PDF : dates en français absentes")
    print("ok bilan PDF : dates en français")
else:
    fail("chromium absent : le PDF du bilan n'est pas vérifié")

finish()
