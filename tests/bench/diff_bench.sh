#!/usr/bin/env bash
# Benchmark, not a test: ctg diff on two CTGs of N equipments each (a few
# renamed, added and removed), for N = 10 000, 50 000 and 100 000. Prints the
# time and the peak memory of each run: the time should grow about linearly.
# Usage: bash tests/bench/diff_bench.sh build/cmd/ctg
set -eu
ctg=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
for n in 10000 50000 100000; do
  python3 - "$n" <<'PY'
import sys
n = int(sys.argv[1])
head = """format: ctg/1
convention: { titre: CTG, territoire: Banc d'essai, debut: 2026-01-01, fin: 2029-12-31 }
parties:
  - { id: caf, type: caf, nom: Caf, representants: [] }
  - { id: c, type: commune, nom: Commune, representants: [] }
equipements:
"""
def write(path, rename, drop, add):
    with open(path, "w") as f:
        f.write(head)
        for i in range(n):
            if i in drop:
                continue
            name = f"Accueil {i}" + (" (renommé)" if i in rename else "")
            f.write(f"  - {{ id: e{i}, gestionnaire: G{i % 97}, nom: {name}, type: alsh, commune: Commune }}\n")
        for i in add:
            f.write(f"  - {{ id: n{i}, gestionnaire: G, nom: Nouveau {i}, type: eaje, commune: Commune }}\n")
write("a.yaml", set(), set(), [])
write("b.yaml", set(range(0, n, 1000)), set(range(7, n, 5000)), range(10))
PY
  /usr/bin/time -f "$n équipements : %e s, %M Kio au plus" "$ctg" diff -f json a.yaml b.yaml >/dev/null || [ $? = 1 ]
done
