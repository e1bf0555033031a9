#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Rewrites the listings of `ctg rules` quoted in man/ctg-rules.1 from the
tool's own output, escaped for groff, so that the page cannot drift from the
rule table (tests/cli/man_test.sh compares them):

    tools/man_listing.py build/cmd/ctg [--check]
"""
import os
import subprocess
import sys

ESCAPES = {"é": r"\['e]", "è": r"\[`e]", "ê": r"\[^e]", "à": r"\[`a]", "â": r"\[^a]", "î": r"\[^i]", "ô": r"\[^o]",
           "û": r"\[^u]", "ù": r"\[`u]", "ç": r"\[,c]", "ï": r"\[:i]", "ë": r"\[:e]", "É": r"\['E]", "È": r"\[`E]",
           "À": r"\[`A]", "°": r"\[de]", "«": r"\[Fo]", "»": r"\[Fc]", "'": r"\(aq", "-": r"\-", "\\": r"\e"}


def roff(line):
    out = "".join(ESCAPES.get(c, c) for c in line)
    if any(ord(c) > 127 for c in line if c not in ESCAPES):
        raise SystemExit(f"man_listing : caractère sans équivalent groff dans : {line}")
    return out


def main():
    ctg, check = sys.argv[1], "--check" in sys.argv[2:]
    listing = subprocess.run([ctg, "rules"], capture_output=True, text=True, check=True).stdout.splitlines()
    errors = [l for l in listing if "  erreur  " in l]
    page = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "man", "ctg-rules.1")
    text = open(page, encoding="utf-8").read()
    blocks = {"$ ctg rules\n": listing, "$ ctg rules | grep \\(aq erreur \\(aq\n": errors}
    new = text
    for start, lines in blocks.items():
        a = new.index(start) + len(start)
        b = new.index(".EE\n", a)
        new = new[:a] + "".join(roff(l) + "\n" for l in lines) + new[b:]
    if check:
        if new != text:
            print(f"ÉCHEC man/ctg-rules.1 : la liste citée n'est pas celle de « ctg rules » ; relancez tools/man_listing.py {ctg}")
            return 1
        print(f"ok man/ctg-rules.1 : les listes citées sont celles de « ctg rules » ({len(listing)} et {len(errors)} lignes)")
        return 0
    open(page, "w", encoding="utf-8").write(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
