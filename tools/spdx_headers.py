#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Les en-têtes SPDX des fichiers source de ctg (licence EUPL-1.2, fichier LICENSE).

  tools/spdx_headers.py            ajoute l'en-tête aux fichiers source qui ne l'ont pas
  tools/spdx_headers.py --check    liste ceux qui ne l'ont pas (code 1), sans rien écrire

Fichiers source : .cpp, .hpp, .py, .sh, .cmake, CMakeLists.txt et les scripts
exécutables sans extension de lib/, cmd/, tests/, tools/ et cmake/, et le
CMakeLists.txt de la racine (suivis par git quand le dossier est un dépôt). Les données de test (YAML, sorties attendues)
n'en ont pas : un commentaire de plus décalerait leurs positions.
L'en-tête va en première ligne, ou juste après la ligne « #! ».
"""
import os
import subprocess
import sys

LICENCE = "EUPL-1.2"
TAG = "SPDX-License-Identifier: " + LICENCE
DIRS = ("lib", "cmd", "tests", "tools", "cmake", "CMakeLists.txt")
SUFFIXES = (".cpp", ".hpp", ".py", ".sh", ".cmake")


def comment(path):
    return "// " if path.endswith((".cpp", ".hpp")) else "# "


def is_source(root, path):
    name = os.path.basename(path)
    if name == "CMakeLists.txt" or name.endswith(SUFFIXES):
        return True
    if "." in name:
        return False
    full = os.path.join(root, path)
    try:
        with open(full, "rb") as f:
            return f.read(2) == b"#!"
    except OSError:
        return False


def files(root):
    try:
        top = subprocess.run(["git", "-C", root, "rev-parse", "--show-toplevel"], check=True,
                             capture_output=True, text=True).stdout.strip()
        if os.path.realpath(top) != os.path.realpath(root):
            raise OSError("copie hors de son dépôt")  # a copy inside another repository: walk it
        out = subprocess.run(["git", "-C", root, "ls-files", "--cached", "--others",
                              "--exclude-standard", *DIRS], check=True,
                             capture_output=True, text=True).stdout.split("\n")
        listed = [p for p in out if p]
    except (OSError, subprocess.CalledProcessError):
        listed = []
        for d in DIRS:
            if os.path.isfile(os.path.join(root, d)):
                listed.append(d)
            for base, _, names in os.walk(os.path.join(root, d)):
                listed += [os.path.relpath(os.path.join(base, n), root) for n in names]
    return sorted(p for p in listed if os.path.isfile(os.path.join(root, p)) and is_source(root, p))


def has_header(text):
    return any(TAG in line for line in text.split("\n")[:3])


def add_header(path, text):
    line = comment(path) + TAG + "\n"
    if text.startswith("#!"):
        first, _, rest = text.partition("\n")
        return first + "\n" + line + rest
    return line + text


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    check = "--check" in argv[1:]
    missing = []
    for path in files(root):
        full = os.path.join(root, path)
        with open(full, encoding="utf-8") as f:
            text = f.read()
        if has_header(text):
            continue
        missing.append(path)
        if not check:
            with open(full, "w", encoding="utf-8") as f:
                f.write(add_header(path, text))
    if check:
        for path in missing:
            print(f"{path}:1:1: en-tête « {TAG} » absent des trois premières lignes ; "
                  "lancez tools/spdx_headers.py pour l'ajouter")
        print(f"{len(files(root)) - len(missing)} fichiers source avec l'en-tête SPDX, {len(missing)} sans")
        return 1 if missing else 0
    print(f"en-tête SPDX ajouté à {len(missing)} fichiers")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
