#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# ctg validate on a folder of CTGs: -j N gives exactly the report of -j 1
# (same text, same JSON, same exit code), whatever N. The folder holds
# generated CTGs (tests/bench/gen_ctg.py, all valid), plus broken and
# faulty cases of tests/cases so that the report has findings to order.
# Usage: jobs_test.sh CTG SOURCE_DIR
set -u
ctg=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

python3 "$src/tests/bench/gen_ctg.py" --seed 7 --dossier 12 -o "$work/dossier" || exit 1
# Every generated CTG is valid: exit 0 (their communes are fictional, hence
# without the official referential, rules REF-*; the -j comparisons below keep it).
"$ctg" validate -j 1 --sans-referentiel "$work/dossier" > "$work/valid.out"
rc=$?
if [ "$rc" != 0 ]; then
  echo "ÉCHEC : les CTG générées ne sont pas valides (code $rc)"; head -20 "$work/valid.out"; fail=1
fi
[ "$(grep -c ': aucune erreur' "$work/valid.out")" = 12 ] || { echo "ÉCHEC : 12 CTG attendues"; cat "$work/valid.out"; fail=1; }

for c in "$src"/tests/cases/*.yaml; do cp "$c" "$work/dossier/"; done
for format in texte json sarif; do
  "$ctg" validate -j 1 -f "$format" "$work/dossier" > "$work/j1.$format"
  rc1=$?
  for j in 2 3 8; do
    "$ctg" validate -j "$j" -f "$format" "$work/dossier" > "$work/jn.$format"
    rcn=$?
    if [ "$rc1" != "$rcn" ] || ! cmp -s "$work/j1.$format" "$work/jn.$format"; then
      echo "ÉCHEC : -f $format -j $j diffère de -j 1 (codes $rc1 et $rcn)"
      diff "$work/j1.$format" "$work/jn.$format" | head -20
      fail=1
    fi
  done
  "$ctg" validate -f "$format" "$work/dossier" > "$work/jd.$format"
  cmp -s "$work/j1.$format" "$work/jd.$format" || { echo "ÉCHEC : -f $format sans -j diffère de -j 1"; fail=1; }
done
[ -s "$work/j1.texte" ] && [ "$(wc -l < "$work/j1.texte")" -gt 40 ] || { echo "ÉCHEC : rapport trop court"; fail=1; }

# -j 0 is refused, in French, with exit 2.
"$ctg" validate -j 0 "$work/dossier" > /dev/null 2> "$work/err"
rc=$?
[ "$rc" = 2 ] || { echo "ÉCHEC : -j 0 : code $rc, 2 attendu"; fail=1; }
grep -q "invalide pour --jobs : un nombre entier de 1 à 1024" "$work/err" || { echo "ÉCHEC : -j 0 : message"; cat "$work/err"; fail=1; }

[ "$fail" = 0 ] && echo "validate -j : rapports identiques à -j 1 (texte, json, sarif ; -j 2, 3, 8, défaut)"
exit "$fail"
