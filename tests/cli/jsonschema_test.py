#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The JSON Schema printed by `ctg schema`, checked by a real validator.

- it is a valid draft-07 schema, identical to the committed
  examples/ctg.schema.json that the examples' modelines point to;
- every YAML file of examples/ starts with the yaml-language-server modeline
  and validates against it;
- broken files fail, on the keys the loader also rejects.
"""
import copy
import json
import os
import pathlib
import subprocess
import sys
import tempfile
from pathlib import Path

import jsonschema
import yaml

sys.path.insert(0, os.path.dirname(__file__))
import common
from common import ctg, fail, finish

root = pathlib.Path(common.root)


class Loader(yaml.SafeLoader):
    """YAML as JSON sees it: dates stay strings (as ctg reads them)."""


Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def as_json(value):
    # JSON object keys are strings: a projection's year keys become "2026".
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def load(path):
    with open(path, encoding="utf-8") as f:
        return as_json(yaml.load(f, Loader=Loader))


schema_text = subprocess.run([ctg, "schema"], check=True, capture_output=True, text=True).stdout
schema = json.loads(schema_text)
jsonschema.Draft7Validator.check_schema(schema)
committed = (root / "examples" / "ctg.schema.json").read_text(encoding="utf-8")
if committed != schema_text:
    fail("examples/ctg.schema.json diffère de `ctg schema` : régénérez-le (ctg schema > examples/ctg.schema.json)")
validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())

# What an editor shows: a French description on every key, and the lists of
# permitted values as enumerations (completion proposes them).
def properties(node, path=""):
    if isinstance(node, dict):
        for key, sub in node.get("properties", {}).items():
            yield f"{path}.{key}", sub
        for key, sub in node.items():
            yield from properties(sub, path if key == "properties" else f"{path}/{key}")
    elif isinstance(node, list):
        for sub in node:
            yield from properties(sub, path)


props = list(properties(schema))
undescribed = [p for p, sub in props if "description" not in sub and "$ref" not in sub]
enums = [v for p, sub in props for v in sub.get("enum", [])] + \
        [v for d in schema.get("definitions", {}).values() for v in d.get("enum", [])]
if undescribed or len(props) < 100:
    fail(f"clés sans description dans le schéma : {undescribed[:10]}")
elif "exercee" not in json.dumps(schema) or not any("é" in sub["description"] for p, sub in props if "description" in sub):
    fail("schéma sans énumérations ou sans descriptions françaises")
else:
    print(f"ok schéma : {len(props)} clés décrites en français")

# ctg schema -o writes the file at once; a failed write leaves the old one.
with tempfile.TemporaryDirectory() as tmp:
    out = Path(tmp) / "ctg.schema.json"
    r = subprocess.run([ctg, "schema", "-o", str(out)], capture_output=True, text=True)
    if r.returncode != 0 or out.read_text(encoding="utf-8") != schema_text or r.stdout:
        fail(f"ctg schema -o : code {r.returncode}, fichier différent de la sortie standard")
    r = subprocess.run([ctg, "schema", "-o", str(Path(tmp) / "absent" / "x.json")], capture_output=True, text=True)
    if r.returncode != 2 or "n'a pas été modifié" not in r.stderr:
        fail(f"ctg schema -o dans un dossier absent : code {r.returncode}, {r.stderr}")
    else:
        print("ok ctg schema -o : écrit d'un seul coup, échec signalé en français")

examples = sorted((root / "examples").rglob("*.yaml"))
if len(examples) < 2:
    fail(f"exemples introuvables ({len(examples)})")
for path in examples:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    if not first.startswith("# yaml-language-server: $schema="):
        fail(f"{path.relative_to(root)} : la première ligne n'est pas la ligne de modèle yaml-language-server")
    target = (path.parent / first.split("$schema=", 1)[1].strip()).resolve()
    if target != (root / "examples" / "ctg.schema.json").resolve():
        fail(f"{path.relative_to(root)} : la ligne de modèle ne désigne pas examples/ctg.schema.json")
    errors = list(validator.iter_errors(load(path)))
    for e in errors[:5]:
        fail(f"{path.relative_to(root)} : {'/'.join(map(str, e.absolute_path))} : {e.message}")
    if not errors:
        print("ok", path.relative_to(root))

# A broken example must fail, at the place the loader would point to.
good = load(root / "examples" / "commune-seule" / "ctg.yaml")
mutations = {
    "clé inconnue": (lambda d: d["parties"][1].update({"nmo": "x"}), ["parties", 1]),
    "type": (lambda d: d["parties"][1]["population"].update({"valeur": "2 870"}), ["parties", 1, "population", "valeur"]),
    "date": (lambda d: d["convention"].update({"fin": "31/12/2029"}), ["convention", "fin"]),
    "valeur hors vocabulaire": (lambda d: d["equipements"][0].update({"type": "creche"}), ["equipements", 0, "type"]),
    "clé obligatoire": (lambda d: d["parties"][0].pop("nom"), ["parties", 0]),
    "code INSEE non entre guillemets": (lambda d: d["parties"][1].update({"insee": 4070}), ["parties", 1, "insee"]),
    "version": (lambda d: d.update({"format": "ctg/2"}), ["format"]),
    "année de projection": (lambda d: d["offre_petite_enfance"][0]["lignes"][0]["projection"].update({"26": 3}),
                            ["offre_petite_enfance", 0, "lignes", 0, "projection"]),
}
for name, (mutate, where) in mutations.items():
    doc = copy.deepcopy(good)
    mutate(doc)
    errors = list(validator.iter_errors(doc))
    if not errors:
        fail(f"exemple cassé ({name}) accepté par le schéma")
    elif not any(list(e.absolute_path)[: len(where)] == where for e in errors):
        fail(f"exemple cassé ({name}) : erreurs ailleurs qu'en {where} : {[list(e.absolute_path) for e in errors]}")
    else:
        print("ok rejeté :", name)

# The loader's broken cases that are about the format itself fail too.
for case in ["cle-inconnue", "mauvais-type", "date-invalide", "liste-attendue", "version-format"]:
    doc = load(root / "tests" / "cases" / f"{case}.yaml")
    if not list(validator.iter_errors(doc)):
        fail(f"tests/cases/{case}.yaml accepté par le schéma")

finish()
