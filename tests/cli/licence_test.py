#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""La licence de ctg (issue 22) : LICENSE est le texte officiel complet de
l'EUPL-1.2, chaque fichier source porte son en-tête SPDX
(tools/spdx_headers.py --check), et packaging/copyright est au format
lisible par machine de Debian (DEP-5) : code sous EUPL-1.2, référentiel sous
Licence Ouverte 2.0, bibliothèques nommées avec leurs licences.
lintian lit le fichier installé dans le paquet (package_test.sh)."""
import re
import subprocess
import sys

root = sys.argv[1]
failures = []


def check(cond, what):
    print(("ok " if cond else "ÉCHEC ") + what)
    if not cond:
        failures.append(what)


licence = open(f"{root}/LICENSE", encoding="utf-8").read()
check(licence.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\nEUPL © the European Union 2007, 2016\n"),
      "LICENSE commence par « EUROPEAN UNION PUBLIC LICENCE v. 1.2 »")
articles = re.findall(r"^(\d+)\.", licence, re.M)
check(articles == [str(i) for i in range(1, 16)], f"LICENSE : les 15 articles dans l'ordre ({articles})")
appendix = licence.split("Appendix", 2)[-1]
for compatible in ("GNU General Public License (GPL) v. 2, v. 3", "CeCILL v. 2.0, v. 2.1",
                   "European Union Public Licence (EUPL) v. 1.1, v. 1.2", "(LiLiQ-R+)"):
    check(compatible in appendix, f"LICENSE : annexe des licences compatibles avec « {compatible} »")
check(licence.rstrip().endswith("All other changes or additions to this Appendix require the production "
                                "of a new EUPL version."), "LICENSE : texte complet jusqu'à la fin de l'annexe")

spdx = subprocess.run([sys.executable, f"{root}/tools/spdx_headers.py", "--check"], capture_output=True, text=True)
counted = re.search(r"^(\d+) fichiers source avec", spdx.stdout, re.M)
check(counted is not None and int(counted.group(1)) >= 150, "plus de 150 fichiers source examinés")
check(spdx.returncode == 0 and " 0 sans" in spdx.stdout,
      "en-tête SPDX EUPL-1.2 sur chaque fichier source : " + spdx.stdout.strip().split("\n")[-1])
if spdx.returncode != 0:
    print(spdx.stdout)


def paragraphs(text):
    """Les paragraphes deb822 : liste de dictionnaires champ → valeur (lignes de suite comprises)."""
    result, malformed = [], []
    for block in text.strip("\n").split("\n\n"):
        fields, name = {}, None
        for line in block.split("\n"):
            if line.startswith((" ", "\t")) and name is not None:
                fields[name] += "\n" + line[1:]
                continue
            name, sep, value = line.partition(":")
            if not sep or not re.fullmatch(r"[A-Za-z][A-Za-z-]*", name):
                malformed.append(line)
            fields[name] = value.strip()
        result.append(fields)
    check(not malformed, f"copyright : chaque ligne est un champ ou sa suite ({malformed[:3]})")
    return result


copyright_text = open(f"{root}/packaging/copyright", encoding="utf-8").read()
paras = paragraphs(copyright_text)
header = paras[0]
check(header.get("Format") == "https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/",
      "copyright : en-tête DEP-5 (Format)")
check(header.get("Upstream-Name") == "ctg", "copyright : Upstream-Name ctg")
files = {p["Files"]: p for p in paras if "Files" in p}
check(files.get("*", {}).get("License") == "EUPL-1.2", "copyright : Files: * sous License: EUPL-1.2")
check(files.get("data/referentiel/*", {}).get("License") == "etalab-2.0",
      "copyright : data/referentiel/* sous Licence Ouverte 2.0 (etalab-2.0)")
check("PROVENANCE.md" in files.get("data/referentiel/*", {}).get("Comment", ""),
      "copyright : le référentiel renvoie à sa provenance")
for p in files.values():
    check(bool(p.get("Copyright")), f"copyright : Files: {p['Files']} a un champ Copyright")
standalone = {p["License"].split("\n")[0]: p["License"] for p in paras if "License" in p and "Files" not in p}
used = {p["License"].split("\n")[0] for p in files.values()}
for name in sorted(used | {"BSD-3-clause", "Expat with embedded exception", "X11"}):
    check(name in standalone and len(standalone[name].split("\n")) > 5,
          f"copyright : paragraphe autonome avec le texte de la licence « {name} »")
eupl = standalone.get("EUPL-1.2", "").split("\n", 1)[-1]
lines = licence.rstrip("\n").split("\n")
eupl_lines = [("" if l == "." else l) for l in eupl.split("\n")]
check(eupl_lines == [l.rstrip() for l in lines], "copyright : le texte de l'EUPL-1.2 est celui de LICENSE")
for dep in ("CLI11", "{fmt}", "yaml-cpp"):
    check(dep in header.get("Comment", ""), f"copyright : la bibliothèque {dep} est nommée")
check(not any(l.startswith(" ") and not l.strip() for l in copyright_text.split("\n")),
      "copyright : aucune ligne de suite vide (« . » pour une ligne blanche)")
sys.exit(1 if failures else 0)
