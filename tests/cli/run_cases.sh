#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Golden tests of `ctg validate` on broken files: for each case (a .yaml file
# or a folder) of the cases folder, the exact output and exit code must equal
# the .expected file beside it. Run with UPDATE=1 to rewrite the .expected
# files after a deliberate change, then read the diff before committing.
# A case may give options to validate in NAME.args (one line: « --at 2026-06-01 »).
set -u
ctg=$1
cases=$2
cd "$cases" || exit 2
fail=0
count=0
for c in *.yaml */; do
  c=${c%/}
  name=${c%.yaml}
  expected="$name.expected"
  args=()
  [ -f "$name.args" ] && read -r -a args < "$name.args"
  actual=$(NO_COLOR=1 "$ctg" validate "${args[@]}" "$c" 2>&1; echo "code de sortie : $?")
  count=$((count + 1))
  if [ "${UPDATE:-0}" = 1 ]; then
    printf '%s\n' "$actual" > "$expected"
  elif [ ! -f "$expected" ]; then
    echo "ÉCHEC $c : fichier $expected absent"; fail=1
  elif ! diff -u "$expected" <(printf '%s\n' "$actual"); then
    echo "ÉCHEC $c"; fail=1
  fi
done
[ "$count" -ge 10 ] || { echo "ÉCHEC : seulement $count cas trouvés"; fail=1; }
[ $fail = 0 ] && echo "$count cas conformes"
exit $fail
