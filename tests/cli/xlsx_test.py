#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""-f xlsx of ctg coverage, ctg suivi and ctg referentiel (lib/xlsx/), read
back by python3-openpyxl and checked against the JSON output of the same
command: every number a number (same value, French number format), every
date a date, booleans as booleans, empty where the JSON says null; one sheet
per table, the header row frozen, column widths set, the source and the
generation date (SOURCE_DATE_EPOCH) in the document properties; -o required,
a failure leaves the target as it was and no temporary file behind.
"""
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

ctg, root = sys.argv[1], sys.argv[2]
paa = os.path.join("examples", "provence-alpes-agglomeration")
failures = []
tmp = tempfile.mkdtemp()
env = dict(os.environ, SOURCE_DATE_EPOCH="1767268800", TMPDIR=os.path.join(tmp, "t"))  # 2026-01-01 12:00 UTC
os.mkdir(env["TMPDIR"])


def fail(msg):
    failures.append(msg)
    print("ÉCHEC", msg)


def run(*args, code=0, environ=None):
    done = subprocess.run([ctg, *args], cwd=root, capture_output=True, text=True, env=environ or env, timeout=300)
    if done.returncode != code:
        fail(f"ctg {' '.join(args)} : code {done.returncode}, attendu {code} ; {done.stderr[:400]}")
    return done


def as_json(*args):
    return json.loads(run(*args, "-f", "json").stdout)


def workbook(name, *args):
    path = os.path.join(tmp, name)
    run(*args, "-f", "xlsx", "-o", path)
    if os.listdir(env["TMPDIR"]):
        fail(f"{name} : fichiers temporaires laissés : {os.listdir(env['TMPDIR'])}")
    return openpyxl.load_workbook(path)


def same(where, cell, expected, fmt=None):
    """A cell against a JSON value: null → empty, number → number, bool → bool, date → date."""
    v = cell.value
    if expected is None:
        if v is not None:
            fail(f"{where} : {v!r} au lieu d'une cellule vide")
    elif isinstance(expected, bool):
        if v is not expected:
            fail(f"{where} : {v!r} au lieu du booléen {expected}")
    elif isinstance(expected, (int, float)):
        if isinstance(v, bool) or not isinstance(v, (int, float)) or abs(v - expected) > 1e-9:
            fail(f"{where} : {v!r} au lieu du nombre {expected}")
        elif fmt and cell.number_format != fmt:
            fail(f"{where} : format {cell.number_format!r} au lieu de {fmt!r}")
        elif not fmt and not cell.number_format.startswith("#,##0"):
            fail(f"{where} : format {cell.number_format!r} sans séparateur de milliers")
    elif isinstance(expected, datetime.date):
        if not isinstance(v, datetime.datetime) or v.date() != expected:
            fail(f"{where} : {v!r} au lieu de la date {expected}")
        elif cell.number_format != "dd/mm/yyyy":
            fail(f"{where} : format de date {cell.number_format!r}")
    elif v != expected:
        fail(f"{where} : {v!r} au lieu de {expected!r}")


def iso(s):
    return None if s is None else datetime.date.fromisoformat(s)


def layout(wb, what, source, title):
    for ws in wb.worksheets:
        if ws.freeze_panes != "A2":
            fail(f"{what}, feuille {ws.title} : ligne d'en-tête non figée ({ws.freeze_panes})")
        for col in range(1, ws.max_column + 1):
            letter = openpyxl.utils.get_column_letter(col)
            width = ws.column_dimensions[letter].width
            if not width or width < 8:
                fail(f"{what}, feuille {ws.title} : largeur de la colonne {letter} non fixée ({width})")
        if not all(c.font.b for c in ws[1]):
            fail(f"{what}, feuille {ws.title} : en-tête pas en gras")
    p = wb.properties
    if p.title != title:
        fail(f"{what} : titre du document {p.title!r}, attendu {title!r}")
    described = (p.description or "").replace("\xa0", " ")
    if f"Source : {source}" not in described or "1er janvier 2026" not in described:
        fail(f"{what} : source et date de production absentes des propriétés ({p.description!r})")
    if p.created != datetime.datetime(2026, 1, 1, 12, 0, 0):
        fail(f"{what} : date de création {p.created!r} au lieu de SOURCE_DATE_EPOCH")


def rows(ws):
    return list(ws.iter_rows(min_row=2))


# ---------------------------------------------------------------- coverage
cov = as_json("coverage", paa, "--cible", "60")
suivi = as_json("suivi", paa)
title = suivi["convention"]
wb = workbook("couverture.xlsx", "coverage", paa, "--cible", "60")
layout(wb, "coverage", f"{paa}/ctg.yaml", title)
if len(wb.worksheets) != len(cov["perimetres"]) + 1:
    fail(f"coverage : {len(wb.worksheets)} feuilles pour {len(cov['perimetres'])} périmètres (+ ratios)")
for p, ws in zip(cov["perimetres"], wb.worksheets):
    labels = [c["colonne"] for c in p["colonnes"]]
    if [c.value for c in ws[1]] != ["Ligne", "Clé", *labels]:
        fail(f"coverage, {p['nom']} : en-têtes {[c.value for c in ws[1]]}")
    keys = set()
    for r in rows(ws):
        key = r[1].value
        keys.add(key)
        for j, col in enumerate(p["colonnes"]):
            where = f"coverage, {ws.title}, {key}, {labels[j]}"
            cell = r[2 + j]
            if key in col["places"]:
                same(where, cell, col["places"][key]["valeur"])
            elif key == "total_places":
                same(where, cell, col["total_places"])
            elif key == "enfants_moins_3_ans":
                same(where, cell, col["enfants_moins_3_ans"]["valeur"])
            elif key.startswith("taux_"):
                same(where, cell, col["taux"][key[5:]], "#,##0.0")
            elif key == "places_a_creer":
                same(where, cell, col["places_a_creer"], "#,##0")
            elif key == "partiel":
                same(where, cell, col["partiel"])
            else:
                fail(f"{where} : ligne inconnue")
    expected = {*p["colonnes"][0]["places"], "total_places", "enfants_moins_3_ans", "places_a_creer", "partiel",
                *("taux_" + k for k in p["colonnes"][0]["taux"])}
    if keys != expected:
        fail(f"coverage, {ws.title} : lignes {sorted(keys)} au lieu de {sorted(expected)}")
ratios = rows(wb.worksheets[-1])
want = [(p["nom"], r) for p in cov["perimetres"] for r in p["ratios"]]
if len(ratios) != len(want):
    fail(f"coverage : {len(ratios)} ratios au lieu de {len(want)}")
for r, (nom, ratio) in zip(ratios, want):
    same(f"coverage, ratio {ratio['id']}", r[0], nom)
    same(f"coverage, ratio {ratio['id']}", r[2], ratio["id"])
    same(f"coverage, ratio {ratio['id']}", r[3], ratio["valeur"], "#,##0.0")

# ---------------------------------------------------------------- suivi
wb = workbook("suivi.xlsx", "suivi", paa)
layout(wb, "suivi", f"{paa}/ctg.yaml", title)
names = [ws.title for ws in wb.worksheets]
if names != ["Actions clés", "Indicateurs", f"Offre {suivi['annee']}", f"Couverture {suivi['annee']}"]:
    fail(f"suivi : feuilles {names}")
actions, inds, offer, couv = (rows(ws) for ws in wb.worksheets)
if (len(actions), len(inds), len(offer), len(couv)) != tuple(len(suivi[k]) for k in ("actions", "indicateurs", "offre", "couverture")):
    fail("suivi : nombre de lignes différent du JSON")
for r, a in zip(actions, suivi["actions"]):
    w = f"suivi, action {a['action']}"
    for cell, v in zip(r, [a["axe"], a["fiche"], a["action"], None, a["etat"], iso(a["date"]), iso(a["echeance"]),
                           a["en_retard"], a["periode"], a["rapporteur"], a["commentaire"], a["difficulte"]]):
        if cell.column != 4:
            same(w, cell, v)
for r, i in zip(inds, suivi["indicateurs"]):
    w = f"suivi, indicateur {i['fiche']} n° {i['indicateur']}"
    for cell, v in zip(r, [i["fiche"], i["indicateur"], i["libelle"], i["valeur"], iso(i["date"]), i["source"], i["cible"]]):
        same(w, cell, v)
for r, o in zip(offer, suivi["offre"]):
    w = f"suivi, offre {o['ao']}/{o['mode']}"
    for k, v in {0: o["ao"], 2: o["mode"], 4: o["unite"], 5: o["prevu"], 6: o["ouvert"], 8: iso(o["date"])}.items():
        same(w, r[k], v)
for r, c in zip(couv, suivi["couverture"]):
    w = f"suivi, couverture {c['perimetre']}"
    for cell, v in zip(r, [c["perimetre"], c["territoire"], c["prevu"], c["realise"], c["prevu_partiel"], c["realise_partiel"]]):
        same(w, cell, v, "#,##0.0" if cell.column in (3, 4) else None)
if not any(isinstance(r[5].value, datetime.datetime) for r in actions):
    fail("suivi : aucune date dans les actions (l'exemple en a)")

# ---------------------------------------------------------------- referentiel
ref = as_json("referentiel", "04070")
wb = workbook("commune.xlsx", "referentiel", "04070")
ws = wb.worksheets[0]
got = rows(ws)
want = [(c, p) for c in ref["communes"] for p in c["populations"]]
if len(got) != len(want) or not want:
    fail(f"referentiel 04070 : {len(got)} lignes au lieu de {len(want)}")
for r, (c, p) in zip(got, want):
    w = f"referentiel 04070, millésime {p['millesime']}"
    for cell, v in zip(r, [c["code"], c["nom"], c["departement"], c["epci"], p["millesime"], iso(p["en_vigueur"]),
                           p["totale"], p["municipale"]]):
        same(w, cell, v)
epci = as_json("referentiel", "--epci", "200067437")
wb = workbook("epci.xlsx", "referentiel", "--epci", "200067437")
got = rows(wb.worksheets[0])
if len(got) != len(epci["epci"]["membres"]) or not got:
    fail(f"referentiel --epci : {len(got)} lignes au lieu de {len(epci['epci']['membres'])}")
for r, m in zip(got, epci["epci"]["membres"]):
    for cell, v in zip(r, [m["code"], m["nom"], m["totale"], m["municipale"], m["statut"]]):
        same(f"referentiel --epci, {m['code']}", cell, v)
if not wb.properties.title.startswith(epci["epci"]["nom"]):
    fail(f"referentiel --epci : titre {wb.properties.title!r}")

# ---------------------------------------------------------------- refusals
for args in (["coverage", paa], ["suivi", paa], ["referentiel", "04070"]):
    d = run(*args, "-f", "xlsx", code=2)
    if "ajoutez -o FICHIER.xlsx" not in d.stderr or d.stdout:
        fail(f"ctg {' '.join(args)} -f xlsx sans -o : {d.stderr!r}")
target = os.path.join(tmp, "garde.xlsx")
with open(target, "w") as f:
    f.write("ancien contenu")
broken = dict(env, TMPDIR=os.path.join(tmp, "absent"))
d = run("coverage", paa, "-f", "xlsx", "-o", target, code=2, environ=broken)
if "n'a pas été modifié" not in d.stderr or open(target).read() != "ancien contenu":
    fail(f"échec d'écriture : fichier remplacé ou message absent ({d.stderr!r})")
d = run("suivi", paa, "-f", "xlsx", "-o", os.path.join(tmp, "absent", "x.xlsx"), code=2)
if "n'a pas été modifié" not in d.stderr:
    fail(f"dossier absent : {d.stderr!r}")

shutil.rmtree(tmp)
if failures:
    print(f"{len(failures)} échec(s)")
    sys.exit(1)
print("xlsx : tout est conforme")
