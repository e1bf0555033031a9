#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Opens a Word document made by `ctg render -f docx` with python3-docx and
checks what the partners will amend: tables and rows, the signature cells
(one per signatory, with room to sign), the page numbers in the footer,
« PROJET » in the header of a draft, the charts as images.
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
if len(tables) < 15:
    failures.append(f"{len(tables)} tableaux seulement")
if 77 not in rows:  # annexe 2: 76 equipments and the header row
    failures.append(f"aucun tableau de 77 lignes (annexe 2) : {rows}")
# The signature table: cells tall enough to sign (at least 4 cm = 2268 twips).
sig = [t for t in tables if "Signature" not in t.rows[0].cells[0].text and any("GRANET-BRUNELLO" in c.text for r in t.rows for c in r.cells)]
if not sig:
    failures.append("pas de tableau des signatures")
else:
    t = sig[-1]
    heights = []
    for r in t.rows:
        h = r._tr.find(qn("w:trPr"))
        h = h.find(qn("w:trHeight")) if h is not None else None
        heights.append(int(h.get(qn("w:val"))) if h is not None else 0)
    cells = sum(1 for r in t.rows for c in r.cells if c.text.strip())
    if min(heights) < 2268:
        failures.append(f"cellules de signature trop basses : {heights}")
    if cells != 12:
        failures.append(f"{cells} cases de signature, 12 attendues")
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
if len(images) < 2:
    failures.append(f"{len(images)} graphique(s) dans le document Word")
# A cover page: title and signatories, then a page break, then « Entre : ».
body = d.element.body.xml
cover = body.split('w:type="page"')[0] if 'w:type="page"' in body else ""
if "Convention territoriale globale" not in cover or "Commune de Volonne" not in cover or "Entre :" in cover:
    failures.append("pas de page de couverture (titre, signataires, saut de page) avant « Entre : »")
for f in failures:
    print("ÉCHEC Word :", f)
print(f"ok Word (python3-docx) : {len(tables)} tableaux, annexe 2 en 77 lignes, {len(images)} graphiques, "
      f"couverture, signatures en cases hautes, pied de page « Page N sur M », en-tête {'PROJET' if state == 'projet' else 'vide'}")
sys.exit(1 if failures else 0)
