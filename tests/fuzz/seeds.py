#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Seed corpora and dictionary for the fuzz targets, made at run time.

seeds.py CTG OUT: OUT/<target>/ from examples/ and tests/cases (a CTG split
with « inclure: » is merged into one file), data/referentiel and the
examples' tracking files,
OUT/ctg.dict from the format's keys (`ctg schema --cles`) and the Markdown
and YAML tokens the converters react to.
"""
import hashlib
import pathlib
import re
import subprocess
import sys
import tempfile

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
ctg, out = sys.argv[1], pathlib.Path(sys.argv[2])
CUT = "\n--8<--\n"


def merged(main: pathlib.Path) -> str:
    """The main file without « inclure: », followed by its included files."""
    text = main.read_text(encoding="utf-8")
    lines, kept, skipping, includes = text.splitlines(), [], False, []
    for line in lines:
        if line.startswith("inclure:"):
            skipping = True
            continue
        if skipping and (line.startswith(" ") or not line.strip()):
            m = re.match(r"\s+-\s+(\S+)", line)
            if m:
                includes.append(m.group(1))
            continue
        skipping = False
        kept.append(line)
    parts = ["\n".join(kept)]
    for rel in includes:
        inc = (main.parent / rel).read_text(encoding="utf-8")
        parts.append("\n".join(l for l in inc.splitlines() if not l.startswith("format:")))
    return "\n".join(parts) + "\n"


def write(target: str, data: str) -> None:
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8", "surrogateescape")
    (d / hashlib.sha1(raw).hexdigest()).write_bytes(raw)


ctgs = [merged(p) for p in sorted((ROOT / "examples").glob("*/ctg.yaml"))]
cases = [p.read_bytes().decode("utf-8", "surrogateescape") for p in sorted((ROOT / "tests/cases").glob("*.yaml"))]
for text in ctgs + cases:
    for t in ("validate", "coverage", "render"):
        write(t, text)
# Versions to compare: each example with itself changed a little, and with the cases.
for text in ctgs:
    changed = re.sub(r"(valeur: )(\d+)", lambda m: m.group(1) + str(int(m.group(2)) + 1000), text, count=3)
    write("diff", text + CUT + changed)
    write("diff", changed + CUT + text)
    for case in cases[:8]:
        write("diff", text + CUT + case)
# The users' Markdown: every text of several lines in the examples.
def texts(node):
    if isinstance(node, str):
        if "\n" in node or len(node) > 60:
            yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from texts(v)
    elif isinstance(node, list):
        for v in node:
            yield from texts(v)
for f in sorted((ROOT / "examples").glob("*/*.yaml")):
    for t in texts(yaml.safe_load(f.read_text(encoding="utf-8"))):
        write("markdown", t)

# Returned Word files: the docx of ctg render and the small fixtures of tests/data/retours.
with tempfile.TemporaryDirectory() as t:
    docx = pathlib.Path(t) / "convention.docx"
    if subprocess.run([ctg, "render", str(ROOT / "examples" / "provence-alpes-agglomeration"), "--part", "convention",
                       "-f", "docx", "-o", str(docx)], capture_output=True).returncode == 0:
        (out / "retours").mkdir(parents=True, exist_ok=True)
        (out / "retours" / "convention.docx").write_bytes(docx.read_bytes())
for f in sorted((ROOT / "tests" / "data" / "retours").glob("*.docx")):
    if f.stat().st_size < 1 << 20:
        (out / "retours").mkdir(parents=True, exist_ok=True)
        (out / "retours" / f.name).write_bytes(f.read_bytes())
# The referential reader: index, communes and EPCI lines (a few of each).
ref = ROOT / "data" / "referentiel"
def head(name: str, n: int) -> str:
    return "".join((ref / name).read_text(encoding="utf-8").splitlines(keepends=True)[:n])
write("referentiel", head("index.tsv", 4) + CUT + head("communes-2022.tsv", 60) + CUT + head("epci-2022.tsv", 3))
paa = [l for l in (ref / "communes-2022.tsv").read_text(encoding="utf-8").splitlines(keepends=True) if l.startswith("04")]
epci = [l for l in (ref / "epci-2022.tsv").read_text(encoding="utf-8").splitlines(keepends=True) if "200067437" in l]
write("referentiel", CUT + "".join(paa) + CUT + "".join(epci))
# Tracking files: those of the example.
for f in sorted((ROOT / "examples").glob("*/suivi/*.yaml")):
    write("suivi", f.read_text(encoding="utf-8"))
# ctg init's arguments: Caf, communes, SIREN, début, fin (one per line).
write("init", "Caisse d'allocations familiales des Hautes-Alpes\n05023,05133\n240500439\n2026-01-01\n2029-12-31\n")
write("init", "Caf des Alpes-de-Haute-Provence\n\n200067437\n2026-01-01\n2030-12-31\n")

keys = subprocess.run([ctg, "schema", "--cles"], capture_output=True, text=True, check=True).stdout.split()
words = sorted({k.split(".")[-1].replace("[]", "") for k in keys} - {""})
tokens = ["format: ctg/1", "inclure:", CUT, "- ", ": ", "&a ", "*a", "!!str", "? ", "{", "}", "[", "]", "'", '"', "|\n",
          ">-\n", "\n  ", "# ", "> ", "1. ", "[^1]", "[^1]: ", "**", "`", "](", "<", "http://", "www.", "@",
          "\u202e", "\u009b", "\x1b[", "2026-01-01", "999999999999999", "04070", "exercee", "transferee",
          "sans_objet", "eaje_psu", "assistants_maternels"]
with open(out / "ctg.dict", "w", encoding="utf-8") as d:
    for w in words:
        d.write(f'"{w}: "\n')
    for t in tokens:
        esc = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "".join(f"\\x{b:02x}" for b in c.encode()) for c in t)
        d.write(f'"{esc}"\n')
print(f"graines : {sum(1 for _ in out.rglob('*') if _.is_file()) - 1} fichiers, dictionnaire : {len(words)} clés + {len(tokens)} jetons")
