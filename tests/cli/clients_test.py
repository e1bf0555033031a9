#!/usr/bin/env python3
"""Outputs of ctg read by the tools users feed them to: JSON parsers,
spreadsheets' CSV dialects, and cmark-gfm / pandoc for Markdown."""
import csv
import io
import json
import subprocess
import sys

ctg, root = sys.argv[1], sys.argv[2]
failures = []


def run(*args):
    return subprocess.run([ctg, *args], cwd=root, check=True, capture_output=True, text=True).stdout


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

for f in failures:
    print("ÉCHEC", f)
sys.exit(1 if failures else 0)
