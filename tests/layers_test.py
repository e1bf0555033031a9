#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The layers of lib/ (docs/architecture.md), checked on every #include.

Each folder of lib/ is a family; a family may include its own files and the
families listed for it below, never a higher one. The table is the picture of
docs/architecture.md in data: change both together. Also checks that every
quoted include names a file of lib/ by its path from lib/ ("rules/table.hpp"),
so that a file's folder tells what it may include, and that no lib/ file
outside the table exists (a new folder must be given its place).

Usage: layers_test.py SOURCE_DIR   (exit 0: clean; 1: a list of violations)
"""
import pathlib
import re
import sys

# family -> the families it may include (besides itself), lowest layers first.
ALLOWED = {
    "base": set(),
    "yaml": {"base"},
    "format": {"base", "yaml"},
    "xlsx": {"base"},
    "referentiel": {"base", "xlsx"},
    "coverage": {"base", "format", "xlsx"},
    "suivi": {"base", "format", "coverage", "xlsx"},
    "rules": {"base", "yaml", "format", "referentiel", "coverage", "suivi"},
    "render": {"base", "format", "coverage", "rules", "print"},
    "print": {"base"},
    "diff": {"base", "yaml", "format", "coverage", "rules"},
    "avenant": {"base", "format", "coverage", "rules", "print", "render", "diff"},
    "bilan": {"base", "format", "coverage", "suivi", "rules", "print", "render"},
    "init": {"base", "format", "referentiel"},
    "retours": {"base", "yaml", "format", "coverage", "rules", "print", "render"},
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def main() -> int:
    lib = pathlib.Path(sys.argv[1]) / "lib"
    errors = []
    for path in sorted(lib.rglob("*")):
        if path.suffix not in (".cpp", ".hpp"):
            continue
        rel = path.relative_to(lib)
        if len(rel.parts) != 2:
            errors.append(f"lib/{rel}: hors d'un dossier de famille (lib/FAMILLE/fichier)")
            continue
        family = rel.parts[0]
        if family not in ALLOWED:
            errors.append(f"lib/{rel}: famille {family!r} absente de la table des couches (tests/layers_test.py)")
            continue
        text = path.read_text(encoding="utf-8")
        for m in INCLUDE.finditer(text):
            inc = m.group(1)
            line = text.count("\n", 0, m.start()) + 1
            where = f"lib/{rel}:{line}"
            target = pathlib.PurePosixPath(inc)
            if len(target.parts) != 2 or not (lib / inc).is_file():
                errors.append(f'{where}: #include "{inc}" ne nomme pas un fichier de lib/ par son chemin (famille/fichier)')
                continue
            other = target.parts[0]
            if other != family and other not in ALLOWED[family]:
                errors.append(f'{where}: #include "{inc}" : la famille {family} ne peut pas inclure {other} '
                              f"(couche supérieure ou voisine ; voir docs/architecture.md)")
    for e in errors:
        print(e)
    if errors:
        print(f"{len(errors)} inclusion(s) hors des couches")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
