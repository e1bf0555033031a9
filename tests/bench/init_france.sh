#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# ctg init for every EPCI of the referential, then ctg validate -j 2 on the
# drafts: counts the findings of the REF rules and of NOM, which must not be
# about what init itself wrote (issue 22: « REF-5 is wrong on the tool's own
# figures », « NOM warnings on names init itself wrote »). Not in make check:
# about 1 255 drafts, a few minutes on two cores.
#
#   tests/bench/init_france.sh [--build DIR] [--garder DIR] [--debut AAAA-MM-JJ] [--fin AAAA-MM-JJ]
#
#   --build DIR   the build tree (default: build), with cmd/ctg
#   --garder DIR  keep the drafts in DIR (default: a temporary folder)
#   --debut, --fin  the CTG's period (default: 2026-01-01 to 2029-12-31)
#
# Prints the number of drafts, the findings per rule (REF-*, NOM), the
# drafts concerned, and the first messages of each rule. Exit code: 0 when
# no REF-4, REF-5, REF-6 or NOM finding remains (the figures and names init
# writes), 1 otherwise, 2 when the run itself fails.
#
# Measured on 2026-12-05 (branch h22b, from main 016a889; 2 cores shared with
# three other builds, under nice -n 19, so the times are upper bounds):
#   EPCI of epci-2022.tsv: 1 255; ctg init: 1 255 drafts, 0 failures, 368 s;
#   ctg validate -j 2 on the 1 255 drafts: exit code 1 (drafts with errors,
#   such as AO-7 for an AO over 10 000 inhabitants with no RPE yet), 190 s;
#   REF-4, REF-5, REF-6 and NOM on what init wrote: 0 (the script exits 0);
#   REF-7 (remarque): 36 126 findings in all 1 255 drafts — init writes the
#   population totale of millésime 2022 because the referential has only
#   municipal populations for 2023 (in force on 2026-01-01): a true remark,
#   gone once the 2023 totals are in the referential (issue 22).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$root/build
keep=
debut=2026-01-01
fin=2029-12-31
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=$(cd "$2" && pwd); shift ;;
    --garder) keep=$2; shift ;;
    --debut) debut=$2; shift ;;
    --fin) fin=$2; shift ;;
    -h|--help) sed -n '2,/^set /{/^set /!p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "init_france.sh : option inconnue : $1 (voir --help)" >&2; exit 2 ;;
  esac
  shift
done
ctg=$build/cmd/ctg
[ -x "$ctg" ] || { echo "init_france.sh : $ctg absent ; compilez d'abord" >&2; exit 2; }
if [ -n "$keep" ]; then mkdir -p "$keep"; work=$(cd "$keep" && pwd); else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi

# The EPCI of the most recent composition of the referential.
epci_file=$(ls "$root"/data/referentiel/epci-*.tsv | sort | tail -1)
mapfile -t sirens < <(grep -v '^#' "$epci_file" | cut -f1)
echo "EPCI de $(basename "$epci_file") : ${#sirens[@]}"

failed=0
dirs=()
start=$(date +%s)
for s in "${sirens[@]}"; do
  d=$work/$s
  [ -e "$d" ] && rm -rf "$d"
  if "$ctg" init "$d" --epci "$s" --caf "Caisse d'allocations familiales" --debut "$debut" --fin "$fin" \
       > /dev/null 2> "$work/init-$s.err"; then
    dirs+=("$d")
    rm -f "$work/init-$s.err"
  else
    failed=$((failed + 1))
    [ $failed -le 5 ] && { echo "init en échec pour $s :"; head -3 "$work/init-$s.err"; }
  fi
done
echo "ctg init : ${#dirs[@]} brouillons, $failed échecs, $(( $(date +%s) - start )) s"

start=$(date +%s)
set +e
NO_COLOR=1 "$ctg" validate -j 2 -f json "${dirs[@]}" > "$work/validation.json"
code=$?
set -e
echo "ctg validate -j 2 : code de sortie $code, $(( $(date +%s) - start )) s"
[ "$code" -le 1 ] || { echo "init_france.sh : validate a échoué" >&2; exit 2; }

python3 - "$work/validation.json" <<'EOF'
import json, sys, collections
doc = json.load(open(sys.argv[1]))
count = collections.Counter()
drafts = collections.defaultdict(set)
examples = collections.defaultdict(list)
for f in doc["fichiers"]:
    for d in f["diagnostics"]:
        code = d["regle"]
        if not (code.startswith("REF-") or code == "NOM"):
            continue
        key = f"{code} ({d['gravite']})"
        count[key] += 1
        drafts[key].add(f["fichier"].split("/")[-2] if "/" in f["fichier"] else f["fichier"])
        if len(examples[key]) < 3:
            examples[key].append(f"{d['fichier']}:{d['ligne']}: {d['message']}")
print(f"brouillons validés : {len(doc['fichiers'])}")
if not count:
    print("constats REF et NOM : aucun")
for key in sorted(count):
    print(f"{key} : {count[key]} constats, {len(drafts[key])} brouillons")
    for e in examples[key]:
        print(f"    {e}")
bad = sum(n for k, n in count.items() if k.split()[0] in ("REF-4", "REF-5", "REF-6", "NOM"))
print(f"constats sur les chiffres et les noms écrits par init (REF-4, REF-5, REF-6, NOM) : {bad}")
sys.exit(1 if bad else 0)
EOF
