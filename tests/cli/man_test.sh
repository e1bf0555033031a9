#!/usr/bin/env bash
# The manual: every page renders without a groff warning, every subcommand
# has its page, and ctg-format(5) documents every key of the format.
set -u
ctg=$1
root=$2
fail=0
cd "$root/man" || exit 2
pages=(*.[1-9])
[ ${#pages[@]} -ge 4 ] || { echo "ÉCHEC : pages de manuel manquantes"; exit 1; }
for page in "${pages[@]}"; do
  warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
  if [ -n "$warnings" ]; then echo "ÉCHEC $page : avertissements groff"; echo "$warnings" | head; fail=1; fi
  if ! MANWIDTH=80 man -l "$page" >/dev/null 2>&1; then echo "ÉCHEC $page : man -l échoue"; fail=1; fi
done
for sub in $("$ctg" --help | sed -n '/^Sous-commandes/,/^$/p' | awk 'NR > 1 && NF {print $1}'); do
  [ -f "ctg-$sub.1" ] || { echo "ÉCHEC : pas de page man/ctg-$sub.1 pour la sous-commande $sub"; fail=1; }
done
missing=0
for key in $("$ctg" schema --cles | sed 's/.*\.//; s/\[\]$//' | sort -u); do
  grep -qE "^\.B $key( |$)" ctg-format.5 || { echo "ÉCHEC : la clé « $key » n'est pas documentée (.B $key) dans ctg-format.5"; missing=1; }
done
[ $missing = 0 ] && echo "ok toutes les clés sont documentées" || fail=1
[ $fail = 0 ] && echo "ok ${#pages[@]} pages"
exit $fail
