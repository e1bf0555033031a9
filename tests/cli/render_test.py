#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""ctg render, as its readers meet it.

- fidelity: every sentence of the seed's articles is in the rendered
  document; Annexe 2 and the offer tables of Annexe 3 cell by cell;
- Markdown through cmark-gfm and pandoc (tables, rows and cells counted),
  and pandoc to Word;
- HTML through tidy (no error) and headless Chromium printed to PDF, where
  pdftotext finds the title, every party and the last annexe;
- escaping: hostile names and texts come out inert;
- determinism, and -o written atomically (nothing left on failure).
"""
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
import common
from common import root, paa, tmp, fail, finish

run = functools.partial(common.run, output="stdout")  # ctg's standard output


def normal(text):
    """Text as a reader compares it: one kind of space, apostrophe and dash, no Markdown marks."""
    text = unicodedata.normalize("NFC", text)
    for a, b in [("\u2019", "'"), ("\u00a0", " "), ("\u202f", " "), ("\u2013", "-"), ("\u2014", "-"),
                 ("\u2026", "..."), ("\u02c3", ""), ("\uf0b7", ""), ("\uf0d8", ""), ("\uf0a7", "")]:
        text = text.replace(a, b)
    text = re.sub(r"\\([\\`*_\[\]<>|#~&.+-])", r"\1", text)  # Markdown escapes
    text = re.sub(r"\*\*|__|\[\^\d+\]", "", text)               # bold marks, footnote calls
    text = re.sub(r"\s+", " ", text)
    return text.strip()


# ---------------------------------------------------------------- fidelity

md = run("render", paa)
rendered = normal(md)
seed = open(os.path.join(root, "tests", "data", "ctg-paa-2026-2030.txt"), encoding="utf-8").read()
articles = seed[seed.index("ARTICLE 1 - OBJET"):seed.index("Fait à ……")]
# Page numbers and the footnotes' own lines are layout, not text.
lines = [l for l in articles.splitlines() if not re.fullmatch(r"\s*\d+\s*", l)
         and not re.match(r"\s*[12] (Loi plein emploi|Nom susceptible)", l)]
# Words cut across lines by the PDF: « celles-\nci ».
flat = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1-\2", "\n".join(lines))
flat = normal(flat)
flat = re.sub(r"ARTICLE \d+ ?[-:–] ?[^a-zà-ÿ]*?(?=[A-Z][a-zà-ÿ])", " ", flat)  # headings are rendered apart
sentences = [s.strip(" -;:") for s in re.split(r"(?<=[.;:])\s+", flat)]
sentences = [s for s in sentences if len(s) >= 25]
missing = [s for s in sentences if normal(s) not in rendered]
# Footnote calls glued to a word in the PDF (« jeune enfant1 ») differ from the rendering.
missing = [s for s in missing if not re.search(r"[a-zà-ÿ»][12]\b", s)]
if missing:
    for s in missing[:10]:
        fail(f"phrase des articles absente du rendu : « {s[:120]} »")
print(f"ok fidélité : {len(sentences) - len(missing)}/{len(sentences)} phrases des articles")

sys.path.insert(0, os.path.dirname(__file__))
annex2 = json.loads(run("coverage", paa, "--format", "json"))  # just to be sure the example loads
names = re.findall(r"^\s+nom: (.+)$", open(os.path.join(paa, "annexe-2-equipements.yaml"), encoding="utf-8").read(), re.M)
if len(names) != 76:
    fail(f"{len(names)} équipements dans l'exemple, 76 attendus")
for n in names:
    n = n.strip().strip('"')
    if normal(n) not in rendered:
        fail(f"équipement absent du rendu : {n}")
print("ok fidélité : les 76 lignes de l'annexe 2")

# Annex tables, cell by cell: each equipment's row of Annexe 2 and each offer line's row of Annexe 3
# holds the source's values in their columns.
import yaml


def md_rows(text):
    rows = []
    for line in text.splitlines():
        if line.startswith("| ") and not line.startswith("|---"):
            rows.append([normal(c.strip()) for c in line.strip().strip("|").split(" | ")])
    return rows


rows = md_rows(md)
equipments = yaml.safe_load(open(os.path.join(paa, "annexe-2-equipements.yaml"), encoding="utf-8"))["equipements"]
checked = 0
for e in equipments:
    want = [normal(e["commune"]), normal(e["gestionnaire"]), normal(e["nom"])]
    hit = [r for r in rows if len(r) >= 6 and r[0] == want[0] and r[1] == want[1] and r[2] == want[2]
           and r[5] == str(e.get("code_postal") or "")]
    if not hit:
        fail(f"annexe 2 : pas de ligne aux cellules {want + [e.get('code_postal')]}")
    checked += 1


def french(v):
    if v is None:
        return ""  # a cell the source leaves empty stays empty (issue 19)
    text = f"{v:,}".replace(",", " ") if isinstance(v, int) else str(v).replace(".", ",")
    return text


plan = yaml.safe_load(open(os.path.join(paa, "annexe-3-plan-actions.yaml"), encoding="utf-8"))
offer_rows = 0
for table in plan["offre_petite_enfance"]:
    years = sorted(table["lignes"][0].get("projection", {}).keys()) or [2026, 2027, 2028, 2029, 2030]
    for line in table["lignes"]:
        # A cell the source writes in words (actuel_ecrit, projection_ecrite) is printed as written.
        written = line.get("projection_ecrite", {})
        values = [line.get("actuel_ecrit") or french(line.get("actuel"))] + [
            written[y] if y in written else french(line.get("projection", {}).get(y)) if y in line.get("projection", {}) else ""
            for y in years]
        values = [normal(v) for v in values]
        found = [r for r in rows if len(r) == 3 + len(years) and r[2:] == values
                 and (r[1] == (str(line["structures"]) if "structures" in line else ""))]
        if not found:
            fail(f"annexe 3 : ligne d'offre {table['ao']} / {line['mode']} absente ou altérée : {values}")
        offer_rows += 1
print(f"ok fidélité cellule par cellule : {checked} lignes de l'annexe 2, {offer_rows} lignes d'offre de l'annexe 3")

# ---------------------------------------------------------------- Markdown clients

html_from_md = subprocess.run(["cmark-gfm", "--extension", "table", "--extension", "footnotes"], input=md,
                              capture_output=True, text=True, check=True).stdout
tables = re.findall(r"<table>(.*?)</table>", html_from_md, re.S)
expected_tables = md.count("\n|---")
# 11 tables: the coverage tables are in the analysis document (--part analyse), not in the contract.
if len(tables) != expected_tables or len(tables) < 11:
    fail(f"cmark-gfm voit {len(tables)} tableaux, le Markdown en déclare {expected_tables}")
rows = [len(re.findall(r"<tr>", t)) - 1 for t in tables]
if 76 not in rows:
    fail(f"aucun tableau de 76 lignes (annexe 2) pour cmark-gfm : {rows}")
for t in tables:
    head = len(re.findall(r"<th[ >]", t.split("</thead>")[0]))
    for r in re.findall(r"<tr>(.*?)</tr>", t.split("</thead>")[-1], re.S):
        if len(re.findall(r"<t[dh][ >]", r)) != head:
            fail("une ligne de tableau n'a pas le nombre de cellules de son en-tête (cmark-gfm)")
            break
if "<script" in html_from_md:
    fail("cmark-gfm produit une balise script")
ast = json.loads(subprocess.run(["pandoc", "-f", "gfm", "-t", "json"], input=md, capture_output=True, text=True,
                                check=True).stdout)
pandoc_tables = [b for b in ast["blocks"] if b["t"] == "Table"]
if len(pandoc_tables) != len(tables):
    fail(f"pandoc voit {len(pandoc_tables)} tableaux, cmark-gfm {len(tables)}")
print(f"ok Markdown : {len(tables)} tableaux pour cmark-gfm et pandoc, annexe 2 en 76 lignes")

docx = os.path.join(tmp, "convention.docx")
md_file = os.path.join(tmp, "convention.md")
run("render", paa, "-o", md_file)
subprocess.run(["pandoc", md_file, "-o", docx], check=True)
with zipfile.ZipFile(docx) as z:
    body = z.read("word/document.xml").decode("utf-8")
    if "Provence Alpes Agglomération" not in body or body.count("<w:tbl>") < 11:
        fail("le document Word produit par pandoc est incomplet")
print("ok pandoc → Word")

# ---------------------------------------------------------------- HTML clients

html_file = os.path.join(tmp, "convention.html")
run("render", paa, "--format", "html", "-o", html_file)
html = open(html_file, encoding="utf-8").read()
tidy = subprocess.run(["tidy", "-q", "-e", html_file], capture_output=True, text=True)
if tidy.returncode >= 2 or "Error:" in tidy.stderr:
    fail("tidy signale des erreurs : " + tidy.stderr[:500])
for needle in ['<html lang="fr">', "<nav", 'scope="col"', 'scope="row"', "@page", "<caption>"]:
    if needle not in html:
        fail(f"HTML : {needle} absent")
if "<svg" in html or "<svg" not in run("render", paa, "--part", "analyse", "--format", "html"):
    fail("HTML : les graphiques ne sont pas dans le document d'analyse, ou sont dans le contrat")
if re.search(r"<script|<link|src=\"http|href=\"http", html):
    fail("HTML : ressource externe ou script")
print("ok tidy sans erreur, HTML autonome")

pdf = os.path.join(tmp, "convention.pdf")
chromium = shutil.which("chromium")
if not chromium:
    fail("chromium absent")
else:
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run",
                    f"--user-data-dir={tmp}/chromium", f"--print-to-pdf={pdf}", "--no-pdf-header-footer",
                    "file://" + html_file], capture_output=True, timeout=180)
    text = normal(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout)
    cfg = json.loads(run("validate", "-f", "json", paa))
    parties = re.findall(r"^    nom: (.+)$", open(os.path.join(paa, "ctg.yaml"), encoding="utf-8").read(), re.M)
    # The convention writes « Château Arnoux Saint-Auban » where the file says « Château-Arnoux-Saint-Auban » (a known
    # spelling difference of the seed): names are compared without their hyphens.
    for needle in ["Convention territoriale globale", "Annexe 5", "PROJET"] + [p.strip() for p in parties]:
        if normal(needle).lower().replace("-", " ") not in text.lower().replace("-", " "):
            fail(f"PDF : « {needle} » absent")
    pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    print("ok PDF imprimé par Chromium :", re.search(r"Pages:\s+(\d+)", pages).group(1), "pages,", len(parties),
          "parties trouvées")

# ---------------------------------------------------------------- escaping

hostile = os.path.join(tmp, "hostile")
os.makedirs(hostile)
open(os.path.join(hostile, "ctg.yaml"), "w", encoding="utf-8").write('''format: ctg/1
convention: { titre: "CTG <script>alert(1)</script>", territoire: "Ville | & \\"Co\\" `x`", debut: 2026-01-01, fin: 2029-12-31 }
parties:
  - { id: caf, type: caf, nom: "Caf <b>gras</b> & co", representants: [ { civilite: M., prenom: "<i>Jean</i>", nom: "A|B", qualite: "# Directeur" } ] }
  - id: c
    type: commune
    nom: "*Belle* | [ville](javascript:alert(1)) <img src=x onerror=alert(1)>"
    representants: [ { civilite: Mme, prenom: Anne, nom: "`MARTIN`", qualite: "- Maire" } ]
    deliberation: { instance: "conseil | municipal", date: null }
articles:
  - id: a1
    numero: 1
    titre: "Objet <script>x</script> | **gras**"
    texte: |
      Texte <script>alert("x")</script> et <a href="javascript:alert(1)">lien</a> & [clic](javascript:alert(1)).

      # Titre d'utilisateur
equipements:
  - { id: e, gestionnaire: "G | H", nom: "Nom <script>s</script>", type: eaje, commune: "C|D" }
''')
for fmt_, out in [("md", run("render", hostile)), ("html", run("render", hostile, "--format", "html"))]:
    page = out if fmt_ == "html" else subprocess.run(["cmark-gfm", "--extension", "table"], input=out,
                                                      capture_output=True, text=True, check=True).stdout
    if re.search(r"<script|<img|<b>|<i>|href=\"javascript|<a href=\"\"", page, re.I):
        fail(f"{fmt_} : une chaîne d'utilisateur n'est pas neutralisée")
    # The hostile texts are still shown, as text.
    if "alert(1)" not in page and "alert" not in page:
        fail(f"{fmt_} : les textes ont disparu au lieu d'être montrés")
    if fmt_ == "md":
        for t in re.findall(r"<table>(.*?)</table>", page, re.S):
            head = len(re.findall(r"<th[ >]", t.split("</thead>")[0]))
            for r in re.findall(r"<tr>(.*?)</tr>", t.split("</thead>")[-1], re.S):
                if len(re.findall(r"<t[dh][ >]", r)) != head:
                    fail("md : un « | » d'utilisateur a cassé un tableau")
print("ok échappement : chaînes hostiles inertes en Markdown et en HTML")

# ---------------------------------------------------------------- determinism, atomic output

if run("render", paa, "--format", "html") != run("render", paa, "--format", "html"):
    fail("deux rendus HTML diffèrent")
target = os.path.join(tmp, "existant.html")
open(target, "w").write("ancien contenu")
run("render", os.path.join(root, "tests", "cases", "cle-inconnue.yaml"), "-o", target, code=2)
if open(target).read() != "ancien contenu":
    fail("-o : le fichier existant a été écrasé malgré l'erreur")
run("render", paa, "-o", os.path.join(tmp, "absent", "x.md"), code=2)
leftovers = [f for f in os.listdir(tmp) if f.startswith(".existant")]
if leftovers:
    fail(f"-o : fichiers temporaires laissés : {leftovers}")
run("render", paa, "--part", "annexe-9", code=2)
print("ok rendu déterministe, écriture atomique")

finish()
