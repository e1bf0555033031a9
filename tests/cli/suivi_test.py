#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""ctg suivi and ctg bilan where users meet them:

- the tracking table's CSV read by python's csv module (both dialects), its
  JSON by json, its Markdown and the bilans' by cmark-gfm (tables counted);
- the bilan's PDF (chromium, lib/print/print.cpp) through the checks of the
  convention: « Page N sur M » on every page, every font embedded, the
  fictitious-data warning and the charts' captions present; the bilan in
  Word opened by python3-docx;
- errors: a tracking file with a bad reference, a year without tracking,
  a folder without tracking, pdf without -o: French message, exit 2.
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from common import root, tmp, fail, run, finish

paa = "examples/provence-alpes-agglomeration"  # relative: ctg runs from root


def gfm_tables(md):
    html = subprocess.run(["cmark-gfm", "--extension", "table"], input=md, capture_output=True, text=True,
                          check=True).stdout
    return html.count("<table>"), html


# ---------------------------------------------------------------- ctg suivi
report = json.loads(run("suivi", paa, "-f", "json").stdout)
actions, indicators = len(report["actions"]), len(report["indicateurs"])
if report["format"] != "ctg-suivi/1" or report["au"] != "2027-12-31" or report["periode"] != "2027-T4":
    fail(f"JSON : en-tête inattendu {report['format']} {report['au']} {report['periode']}")
if sum(a["en_retard"] for a in report["actions"]) != 2:
    fail("JSON : deux actions en retard attendues")
states = {a["etat"] for a in report["actions"]}
if states != {"prevue", "engagee", "realisee", "reportee", "abandonnee", None}:
    fail(f"JSON : états présents {states}")
if not any(i["valeur"] is None for i in report["indicateurs"]):
    fail("JSON : aucun indicateur sans valeur")
if "note" in json.dumps(report) and "Relancer la Région" in json.dumps(report):
    fail("JSON : une note privée est publiée")
print("ok suivi JSON", actions, "actions", indicators, "indicateurs")

expected_rows = actions + indicators + len(report["offre"]) + len(report["couverture"])
for args, delimiter, decimal in [(["-f", "csv"], ",", "1.7"), (["--csv-fr"], ";", "1,7")]:
    rows = list(csv.reader(io.StringIO(run("suivi", paa, *args).stdout, newline=""), delimiter=delimiter))
    if rows[0][:4] != ["rubrique", "axe", "fiche", "element"]:
        fail(f"CSV {args} : en-tête {rows[0]}")
    if {len(r) for r in rows} != {12}:
        fail(f"CSV {args} : largeurs {sorted({len(r) for r in rows})}")
    if len(rows) - 1 != expected_rows:
        fail(f"CSV {args} : {len(rows) - 1} lignes, {expected_rows} attendues")
    rpe = [r for r in rows if r[0] == "rpe_etp" and r[3] == "paa/rpe"]
    if not rpe or rpe[0][6] != decimal:
        fail(f"CSV {args} : ETP du RPE de PAA {rpe[:1]}, attendu {decimal}")
    late = [r[3] for r in rows if r[0] == "action" and r[10] == "oui"]
    if late != ["1.3", "3.5"]:
        fail(f"CSV {args} : actions en retard {late}")
    print("ok suivi CSV", args[0], len(rows) - 1, "lignes")

tables, _ = gfm_tables(run("suivi", paa, "-f", "md").stdout)
if tables != 5:
    fail(f"suivi Markdown : cmark-gfm voit {tables} tableaux, 5 attendus")
print("ok suivi Markdown", tables, "tableaux")

# ---------------------------------------------------------------- ctg bilan
for args, least in [(["--annuel", "2027"], 9), (["--annuel", "2026"], 9), (["--intermediaire"], 9),
                    (["--final", "--provisoire"], 9), (["--intermediaire", "--part", "petite-enfance"], 2)]:
    md = run("bilan", paa, *args).stdout
    tables, html = gfm_tables(md)
    if tables < least:
        fail(f"bilan {args} : cmark-gfm voit {tables} tableaux, au moins {least} attendus")
    if "fictives" not in html:
        fail(f"bilan {args} : l'avertissement de données fictives manque")
    if "Relancer la Région" in md:
        fail(f"bilan {args} : une note privée est publiée")
    print("ok bilan", " ".join(args), tables, "tableaux")
pe = run("bilan", paa, "--intermediaire", "--part", "petite-enfance").stdout
if "L214-2" not in pe or "Avancement par axe" in pe:
    fail("volet petite enfance : citation L214-2 absente ou avancement des axes présent")
final = run("bilan", paa, "--final", "--provisoire").stdout
if "Préparer le renouvellement" not in final:
    fail("bilan final : préparation du renouvellement absente")

pdf = os.path.join(tmp, "bilan-2027.pdf")
if shutil.which("chromium"):
    run("bilan", paa, "--annuel", "2027", "-f", "pdf", "-o", pdf)
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    pages = pages[:-1] if text.endswith("\f") else pages
    n = len(pages)
    for i, p in enumerate(pages, 1):
        if f"Page {i} sur {n}" not in p:
            fail(f"bilan PDF : « Page {i} sur {n} » absent de la page {i}")
            break
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    if not fonts or [l for l in fonts if l.split()[-5] != "yes"]:
        fail(f"bilan PDF : police non incorporée {fonts}")
    for needed in ["Bilan annuel 2027", "fictives", "Avancement par axe", "taux réalisé", "places ouvertes",
                   "Décisions à prendre"]:
        if needed not in " ".join(text.split()):
            fail(f"bilan PDF : « {needed} » absent")
    print("ok bilan PDF", n, "pages,", len(fonts), "polices incorporées")
else:
    fail("chromium absent : le PDF du bilan n'est pas vérifié")

docx_path = os.path.join(tmp, "bilan-2027.docx")
if shutil.which("pandoc"):
    run("bilan", paa, "--annuel", "2027", "-f", "docx", "-o", docx_path)
    # python3-docx is a Debian package: the system's python reads it.
    python = sys.executable
    if subprocess.run([python, "-c", "import docx"], capture_output=True).returncode != 0 and os.path.exists(
            "/usr/bin/python3"):
        python = "/usr/bin/python3"
    probe = ("import sys, docx\n"
             "d = docx.Document(sys.argv[1])\n"
             "body = '\\n'.join(p.text for p in d.paragraphs)\n"
             "images = [r for r in d.part.rels.values() if 'image' in r.reltype]\n"
             "print(len(d.tables), len(images), 'Décisions à prendre' in body)\n")
    out = subprocess.run([python, "-c", probe, docx_path], capture_output=True, text=True)
    if out.returncode != 0:
        fail(f"bilan Word illisible par python3-docx : {out.stderr[-300:]}")
        tables, images, decisions = 0, 0, "False"
    else:
        tables, images, decisions = out.stdout.split()
        tables, images = int(tables), int(images)
    if tables < 9 or decisions != "True":
        fail(f"bilan Word : {tables} tableaux, « Décisions à prendre » {decisions}")
    if images < 3:
        fail(f"bilan Word : {images} images, 3 graphiques attendus")
    print("ok bilan Word", tables, "tableaux,", images, "graphiques")
else:
    fail("pandoc absent : le Word du bilan n'est pas vérifié")

# ---------------------------------------------------------------- errors
err = run("bilan", paa, "--annuel", "2029", code=2).stderr
if "aucune période de suivi en 2029" not in err:
    fail(f"bilan 2029 : message {err!r}")
err = run("bilan", paa, "--annuel", "2027", "-f", "pdf", code=2).stderr
if "ajoutez -o" not in err:
    fail(f"bilan PDF sans -o : message {err!r}")
err = run("bilan", paa, "--annuel", "2027", "--final", code=2).stderr
if "un seul" not in err:
    fail(f"deux bilans à la fois : message {err!r}")
err = run("suivi", "examples/commune-seule", code=2).stderr
if "aucune période de suivi" not in err or "suivi/2026-T1.yaml" not in err:
    fail(f"suivi sans suivi : message {err!r}")

broken = os.path.join(tmp, "ctg")
shutil.copytree(os.path.join(root, paa), broken)
with open(os.path.join(broken, "suivi", "2028-T1.yaml"), "w", encoding="utf-8") as f:
    f.write('format: ctg/1\nsuivi:\n  - periode: "2028-T1"\n    actions:\n'
            '      - { fiche: fiche-1, action: "1.1", etat: engagee, date: 2028-02-01 }\n'
            '    places:\n      - { ao: paa, mode: eaje_pus, places: 200, date: 2028-03-31 }\n')
done = run("validate", broken, code=1)
out = done.stdout
for needed in ["suivi/2028-T1.yaml:5:", "CHRONOLOGIE", "déclarée réalisée", "suivi/2028-T1.yaml:7:", "eaje_psu"]:
    if needed not in out.replace("\u00a0", " ").replace("\u202f", " "):
        fail(f"suivi invalide : « {needed} » absent de ctg validate")
run("suivi", broken, code=2)
if os.path.exists(os.path.join(tmp, "partiel.html")):
    fail("fichier écrit malgré l'erreur")
run("bilan", broken, "--final", "-f", "html", "-o", os.path.join(tmp, "partiel.html"), code=2)
if os.path.exists(os.path.join(tmp, "partiel.html")):
    fail("bilan écrit malgré un suivi invalide")
print("ok erreurs")

finish()
