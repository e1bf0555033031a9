#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Outputs of ctg read by the tools users feed them to: JSON parsers,
spreadsheets' CSV dialects, and cmark-gfm / pandoc for Markdown."""
import csv
import io
import json
import subprocess
import sys

ctg, root = sys.argv[1], sys.argv[2]
failures = []


def run(*args, codes=(0,)):
    done = subprocess.run([ctg, *args], cwd=root, capture_output=True, text=True)
    if done.returncode not in codes:
        raise SystemExit(f"ÉCHEC ctg {' '.join(args)} : code de sortie {done.returncode}")
    return done.stdout


for example, perimeters in [("examples/provence-alpes-agglomeration", 5), ("examples/commune-seule", 2)]:
    report = json.loads(run("coverage", example, "--format", "json"))
    if len(report["perimetres"]) != perimeters:
        failures.append(f"{example} : {len(report['perimetres'])} périmètres en JSON, {perimeters} attendus")
    columns = len(report["perimetres"][0]["colonnes"])

    for args, delimiter in [(["--format", "csv"], ","), (["--csv-fr"], ";")]:
        rows = list(csv.reader(io.StringIO(run("coverage", example, *args), newline=""), delimiter=delimiter))
        widths = {len(r) for r in rows}
        if widths != {2 + columns}:
            failures.append(f"{example} {args} : lignes CSV de largeurs {widths}, attendu {2 + columns}")
        if rows[0][:3] != ["perimetre", "ligne", "actuel"]:
            failures.append(f"{example} {args} : en-tête CSV {rows[0]}")

    md = run("coverage", example, "--format", "md")
    html = subprocess.run(["cmark-gfm", "--extension", "table"], input=md, capture_output=True, text=True,
                          check=True).stdout
    if html.count("<table>") != perimeters:
        failures.append(f"{example} : cmark-gfm voit {html.count('<table>')} tableaux, {perimeters} attendus")
    # Each table: a header row and one row per line of the report.
    if html.count("<tr>") < perimeters * 15:
        failures.append(f"{example} : cmark-gfm voit trop peu de lignes de tableau ({html.count('<tr>')})")
    ast = json.loads(subprocess.run(["pandoc", "-f", "gfm", "-t", "json"], input=md, capture_output=True,
                                    text=True, check=True).stdout)
    tables = [b for b in ast["blocks"] if b["t"] == "Table"]
    if len(tables) != perimeters:
        failures.append(f"{example} : pandoc voit {len(tables)} tableaux, {perimeters} attendus")
    print("ok", example)

# SARIF 2.1.0 as GitHub and GitLab code scanning read it.
sarif = json.loads(run("validate", "-f", "sarif", "tests/cases/regle-epci-rpe.yaml", "tests/cases/cle-inconnue.yaml",
                       "tests/cases/inclusion-hors-dossier", codes=(1,)))
def need(cond, what):
    if not cond:
        failures.append("SARIF : " + what)
need(sarif.get("version") == "2.1.0", "version 2.1.0")
need(sarif.get("$schema", "").endswith("sarif-2.1.0.json"), "$schema")
need(len(sarif.get("runs", [])) == 1, "un seul run")
run0 = sarif["runs"][0]
driver = run0["tool"]["driver"]
need(driver["name"] == "ctg" and driver.get("version"), "tool.driver.name et version")
rule_ids = [r["id"] for r in driver["rules"]]
need(len(set(rule_ids)) == len(rule_ids), "identifiants de règles uniques")
need(all(r.get("shortDescription", {}).get("text") for r in driver["rules"]), "description de chaque règle")
need(run0.get("columnKind") == "unicodeCodePoints", "columnKind")
results = run0["results"]
need(len(results) > 5, f"des résultats ({len(results)})")
for res in results:
    need(res["ruleId"] in rule_ids, f"règle connue {res['ruleId']}")
    need(rule_ids[res["ruleIndex"]] == res["ruleId"], f"ruleIndex de {res['ruleId']}")
    need(res["level"] in ("error", "warning", "note"), "level")
    need(res["message"]["text"], "message")
    loc = res["locations"][0]["physicalLocation"]
    uri = loc["artifactLocation"]["uri"]
    need(not uri.startswith("/") and "\\" not in uri and not uri.startswith("./"), f"uri relative {uri}")
    need(loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%", "uriBaseId")
    if "region" in loc:
        need(loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1, "positions à partir de 1")
need(any(r["ruleId"] == "AO-7" and r["level"] == "error" for r in results), "AO-7 en erreur dès 2026")
need(any(r["ruleId"] == "TRF-1" and r["level"] == "error" for r in results), "TRF-1 en erreur")
need(any(r["ruleId"] == "CLE-INCONNUE" for r in results), "CLE-INCONNUE")
print("ok SARIF", len(results), "résultats")

# JSON report: stable keys.
report = json.loads(run("validate", "-f", "json", "examples/provence-alpes-agglomeration"))
need(report["format"] == "ctg-validation/1", "JSON format")
f0 = report["fichiers"][0]
need(set(f0) >= {"fichier", "utilisable", "regles_verifiees", "date_reference", "diagnostics", "resume"}, "JSON clés")
need(all(set(d) == {"regle", "gravite", "fichier", "ligne", "colonne", "message", "aide", "citation",
                    "a_partir_du", "jusqu_au"}
         for d in f0["diagnostics"]), "JSON clés des diagnostics")
need(f0["periode"] is True and f0["dates_evaluees"][0] == f0["date_reference"], "JSON période évaluée")

for f in failures:
    print("ÉCHEC", f)
sys.exit(1 if failures else 0)
