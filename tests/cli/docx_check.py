#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Opens a Word document made by `ctg render -f docx` with python3-docx and
checks what the partners will amend: tables and rows, the signature cells
(one per signatory, with room to sign, never split), the page numbers in the
footer, « PROJET » in the header of a draft, no chart in the contract.
Usage: docx_check.py FICHIER.docx projet|signable"""
import sys
import zipfile

import docx
from docx.oxml.ns import qn

path, state = sys.argv[1], sys.argv[2]
failures = []
d = docx.Document(path)
tables = d.tables
rows = [len(t.rows) for t in tables]
if len(tables) < 11:  # the coverage tables are in the analysis document (issue 19)
    failures.append(f"{len(tables)} tableaux seulement")
if 77 not in rows:  # annexe 2: 76 equipments and the header row
    failures.append(f"aucun tableau de 77 lignes (annexe 2) : {rows}")
# The signature table: one cell per signatory, tall enough to sign (at least 4 cm = 2268 twips), rows never split.
sig = [t for t in tables if any("GRANET-BRUNELLO" in c.text for r in t.rows for c in r.cells)
       and any("Signature et cachet" in c.text for r in t.rows for c in r.cells)]
if not sig:
    failures.append("pas de tableau des signatures")
else:
    t = sig[-1]
    heights, splittable = [], 0
    for r in t.rows:
        pr = r._tr.find(qn("w:trPr"))
        h = pr.find(qn("w:trHeight")) if pr is not None else None
        heights.append(int(h.get(qn("w:val"))) if h is not None else 0)
        if pr is None or pr.find(qn("w:cantSplit")) is None:
            splittable += 1
    cells = sum(1 for r in t.rows for c in r.cells if "Signature et cachet" in c.text)
    if min(heights) < 2268:
        failures.append(f"cellules de signature trop basses : {heights}")
    if splittable:
        failures.append(f"{splittable} lignes de signatures peuvent être coupées entre deux pages")
    if cells != 13:
        failures.append(f"{cells} cases de signature, 13 attendues (la Caf en a deux)")
    width = sum(int(g.get(qn("w:w"))) for g in t._tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol")))
    if width > 11906 - 2 * 1134:
        failures.append(f"tableau des signatures plus large que la page A4 : {width} twips")
sect = d.sections[0]
footer = sect.footer._element.xml
if "PAGE" not in footer or "NUMPAGES" not in footer or "Page" not in footer:
    failures.append("pas de « Page N sur M » dans le pied de page")
header = "".join(p.text for p in sect.header.paragraphs)
if (state == "projet") != ("PROJET" in header):
    failures.append(f"en-tête inattendu pour un document {state} : « {header} »")
if abs(sect.page_width.cm - 21.0) > 0.1:
    failures.append(f"page de {sect.page_width.cm:.1f} cm de large, A4 attendu")
with zipfile.ZipFile(path) as z:
    images = [n for n in z.namelist() if n.startswith("word/media/")]
if images:
    failures.append(f"{len(images)} graphique(s) dans la convention : ils sont dans le document d'analyse")
# A cover page: title and signatories, then a page break, then « Entre : ».
body = d.element.body.xml
cover = body.split('w:type="page"')[0] if 'w:type="page"' in body else ""
if "Convention territoriale globale" not in cover or "Commune de Volonne" not in cover or "Entre :" in cover:
    failures.append("pas de page de couverture (titre, signataires, saut de page) avant « Entre : »")
for f in failures:
    print("ÉCHEC Word :", f)
print(f"ok Word (python3-docx) : {len(tables)} tableaux, annexe 2 en 77 lignes, aucun graphique dans le contrat, "
      f"couverture, signatures en cases hautes, pied de page « Page N sur M », en-tête {'PROJET' if state == 'projet' else 'vide'}")
sys.exit(1 if failures else 0)
