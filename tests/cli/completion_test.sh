#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Bash completion, driven as bash drives it (COMP_WORDS, COMP_CWORD, _ctg):
# the subcommands and the options it offers are exactly those of ctg's help,
# option values (formats, stages, parts, rules) and file names are offered,
# and in a temporary git repository the revisions and paths of ctg diff.
set -u
ctg=$(realpath "$1")
script=$2  # the generated completion file (build tree)
here=$(cd "$(dirname "$0")" && pwd)
source "$here/cli_description.sh"
. "$here/lib.sh"

# The installed file is what `ctg completion bash` prints.
if ! diff -q <("$ctg" completion bash) "$script" >/dev/null; then
  ko "$script diffère de « ctg completion bash »"
fi

# Another shell: refused in French, with the one offered (exit 2).
out=$("$ctg" completion zsh 2>&1); rc=$?
if [ "$rc" = 2 ] && [[ $out == *zsh*"inconnue pour shell"*"valeurs possibles"*bash* ]] && [[ $out != *" not in "* ]]; then
  ok "ctg completion zsh refusé en français"
else
  ko "ctg completion zsh : code $rc, $out"
fi

source "$script"
spec=$(complete -p ctg 2>&1)
[[ $spec == "complete -F _ctg ctg" ]] && ok "complete -p ctg : $spec" || ko "complete -p ctg : $spec"

# offered WORD… : what _ctg proposes for the command line WORD… (the last one
# being completed), sorted, one per line.
offered() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _ctg ctg "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
  printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort
}
expect() {  # expect NAME EXPECTED OFFERED
  if [ "$2" == "$3" ]; then ok "$1"; else
    ko "$1"; diff <(echo "$2") <(echo "$3") | head -20
  fi
}
contains() {  # contains NAME WORD OFFERED
  if grep -qxF -- "$2" <<<"$3"; then ok "$1"; else ko "$1 : « $2 » absent de : $(echo $3)"; fi
}

subs=$(ctg_subcommands "$ctg" | sort)
[ "$(wc -l <<<"$subs")" -ge 8 ] || ko "sous-commandes introuvables dans ctg --help"
expect "sous-commandes" "$subs" "$(offered ctg '')"
expect "options globales" "$(ctg_options "$ctg" | awk '{print $1}' | sort)" "$(offered ctg -)"
grep -qx completion <<<"$(offered ctg '')" && ko "la sous-commande cachée est proposée"

# Every option of every subcommand, and the values of those with a list.
values_checked=0
for sub in $subs; do
  expect "options de $sub" "$(ctg_options "$ctg" "$sub" | awk '{print $1}' | sort)" "$(offered ctg "$sub" -)"
  while read -r name type; do
    [[ $type == *:\{*\}* ]] || continue
    want=$(sed 's/.*:{\(.*\)}.*/\1/' <<<"$type" | tr , '\n' | sort)
    expect "valeurs de $sub $name" "$want" "$(offered ctg "$sub" "$name" '')"
    expect "valeurs de $sub $name=" "$want" "$(offered ctg "$sub" "$name" = '')"
    values_checked=$((values_checked + 1))
  done < <(ctg_options "$ctg" "$sub")
done
[ $values_checked -ge 5 ] || ko "seulement $values_checked options à valeurs listées"
expect "validate --stage s" "signature" "$(offered ctg validate --stage s)"

# Rule identifiers for explain: every rule of `ctg rules`.
rules=$("$ctg" rules | awk '/^[A-Z]+-[0-9A-Z-]+ / {print $1}')
offered_rules=$(offered ctg explain '')
missing=$(comm -23 <(sort <<<"$rules") <(echo "$offered_rules"))
[ -n "$rules" ] && [ -z "$missing" ] && ok "explain : $(wc -l <<<"$rules") règles proposées" ||
  ko "explain : règles non proposées : $missing"
contains "explain CLE-" CLE-INCONNUE "$(offered ctg explain CLE-)"
contains "render --part petite" petite-enfance "$(offered ctg render --part petite)"
contains "render --part annexe-" annexe-2 "$(offered ctg render --part annexe-)"
expect "coverage --cible (nombre : rien)" "" "$(offered ctg coverage --cible '')"

# File names.
mkdir -p "$tmp/w/ctg-2026" && touch "$tmp/w/ctg.yaml" "$tmp/w/notes.txt"
cd "$tmp/w" || exit 2
expect "validate fichiers" "$(printf 'ctg-2026\nctg.yaml')" "$(offered ctg validate ct)"
expect "render -o fichier" "notes.txt" "$(offered ctg render ctg.yaml -o no)"
expect "après --strict : fichiers" "$(printf 'ctg-2026\nctg.yaml')" "$(offered ctg validate --strict ct)"

# Revisions and paths of a git repository (ctg diff --git, RÉV:chemin).
git init -q -b principale . && git config user.email t@example.org && git config user.name Test
git add ctg.yaml && git commit -qm un && git tag v1
contains "diff --git : HEAD" HEAD "$(offered ctg diff --git '')"
contains "diff --git : branche" principale "$(offered ctg diff --git '')"
contains "diff --git : étiquette" v1 "$(offered ctg diff --git v)"
expect "diff RÉV:chemin (deux-points séparateur)" "ctg.yaml" "$(offered ctg diff v1 : ct)"
COMP_WORDBREAKS=${COMP_WORDBREAKS//:/}
expect "diff RÉV:chemin (un seul mot)" "v1:ctg.yaml" "$(offered ctg diff v1:ct)"

finish
