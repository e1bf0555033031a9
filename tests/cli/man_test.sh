#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# The manual: every page renders without a groff warning, every subcommand
# has its page, and ctg-format(5) documents every key of the format.
set -u
ctg=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
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
# Every option the command line accepts (its --help, so new subcommands and
# options are covered) is written in the page of its subcommand, as an option
# word; the main page ctg(1) names every subcommand and the global options.
source "$here/cli_description.sh"
rendered() { groff -man -Tascii -rLL=2000n -P-cbou "$1" 2>/dev/null; }
option_missing=0
check_options() {  # check_options PAGE [SUBCOMMAND]
  local page=$1 text name type
  shift
  text=$(rendered "$page")
  while read -r name type; do
    if ! grep -qE -- "(^|[^-[:alnum:]])${name}([^-[:alnum:]]|$)" <<<"$text"; then
      echo "ÉCHEC $page : l'option $name de « ctg $* » n'est pas documentée"; option_missing=1
    fi
  done < <(ctg_options "$ctg" "$@")
}
subs=$(ctg_subcommands "$ctg")
check_options ctg.1
for sub in $subs; do
  if [ -f "ctg-$sub.1" ]; then check_options "ctg-$sub.1" "$sub"; fi
  grep -qE -- "(^|[^-[:alnum:]])$sub([^-[:alnum:]]|$)" <<<"$(rendered ctg.1)" ||
    { echo "ÉCHEC ctg.1 : la sous-commande $sub n'y figure pas"; option_missing=1; }
done
[ $option_missing = 0 ] && echo "ok chaque option de chaque sous-commande ($(wc -w <<<"$subs") sous-commandes) est dans sa page" || fail=1
# The seed's report quoted in ctg-validate(1) (its summary line) and the
# README (its count of warnings) is that of the golden validate-paa.out.
golden=$(grep -E '^examples/provence-alpes-agglomeration/ctg.yaml : ' "$root/tests/golden/validate-paa.out")
if [ -z "$golden" ]; then
  echo "ÉCHEC : ligne de résumé absente de tests/golden/validate-paa.out"; fail=1
else
  grep -qxF -- "$golden" <<<"$(groff -man -Tutf8 -rLL=2000n -P-cbou ctg-validate.1 2>/dev/null | sed 's/^ *//')" ||
    { echo "ÉCHEC ctg-validate.1 : le résumé cité pour l'exemple n'est pas celui du golden : $golden"; fail=1; }
  warnings=$(sed -nE 's/.* ([0-9]+) avertissements?.*/\1/p' <<<"$golden")
  grep -qF "mais ${warnings:-?} avertissements" "$root/README.md" ||
    { echo "ÉCHEC README.md : le nombre d'avertissements cité pour l'exemple n'est pas celui du golden (${warnings:-?})"; fail=1; }
fi
# The listings of `ctg rules` quoted in ctg-rules(1) are the tool's own (tools/man_listing.py writes them).
"${CTG_PYTHON:-python3}" "$root/tools/man_listing.py" "$ctg" --check || fail=1
[ $fail = 0 ] && echo "ok ${#pages[@]} pages"
exit $fail
