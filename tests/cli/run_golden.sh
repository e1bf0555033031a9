#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Golden outputs of ctg commands: each tests/golden/NAME.cmd holds the
# arguments of one ctg call (run from the repository's root); NAME.out holds
# its exact standard output followed by « code de sortie : N ». UPDATE=1
# rewrites the .out files after a deliberate change: read the diff before
# committing it.
set -u
ctg=$1
root=$2
cd "$root" || exit 2
fail=0
count=0
for cmd in tests/golden/*.cmd; do
  name=${cmd%.cmd}
  read -r -a args <"$cmd"
  actual=$(NO_COLOR=1 "$ctg" "${args[@]}" 2>/dev/null; echo "code de sortie : $?")
  count=$((count + 1))
  if [ "${UPDATE:-0}" = 1 ]; then
    printf '%s\n' "$actual" >"$name.out"
  elif ! diff -u "$name.out" <(printf '%s\n' "$actual") >/dev/null 2>&1; then
    diff -u "$name.out" <(printf '%s\n' "$actual") | head -40
    echo "ÉCHEC $name"; fail=1
  fi
done
[ "$count" -gt 0 ] || { echo "ÉCHEC : aucun fichier .cmd"; fail=1; }
[ $fail = 0 ] && echo "$count sorties conformes"
exit $fail
