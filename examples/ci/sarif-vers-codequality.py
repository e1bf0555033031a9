#!/usr/bin/env python3
"""Convertit le rapport SARIF de `ctg validate -f sarif` en rapport « Code
Quality » de GitLab (annotations sur les lignes dans les demandes de fusion).

Utilisation : python3 sarif-vers-codequality.py ctg.sarif > gl-code-quality-report.json
"""
import hashlib
import json
import sys

SEVERITES = {"error": "major", "warning": "minor", "note": "info", "none": "info"}


def constats(sarif):
    for run in sarif.get("runs", []):
        for resultat in run.get("results", []):
            lieu = (resultat.get("locations") or [{}])[0].get("physicalLocation", {})
            chemin = lieu.get("artifactLocation", {}).get("uri", "")
            ligne = lieu.get("region", {}).get("startLine", 1)
            texte = resultat.get("message", {}).get("text", "")
            regle = resultat.get("ruleId", "ctg")
            empreinte = hashlib.sha256(f"{regle}|{chemin}|{texte}".encode()).hexdigest()
            yield {
                "description": f"{regle} : {texte}",
                "check_name": regle,
                "fingerprint": empreinte,
                "severity": SEVERITES.get(resultat.get("level", "warning"), "minor"),
                "location": {"path": chemin, "lines": {"begin": ligne}},
            }


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        sarif = json.load(f)
    json.dump(list(constats(sarif)), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
