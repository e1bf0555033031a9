#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Issue 20, the input side of the third attack, as a hostile contributor to a
# CTG repository would try it: names that are commands, links out of the
# folder, crafted referential data, an empty PATH, an output onto an input.
# Each check failed before its fix.
set -u
ctg=$(realpath "$1")
root=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok $1"; }
ko() { echo "ÉCHEC $1"; fail=1; }
export NO_COLOR=1
example=$root/examples/commune-seule/ctg.yaml
# Guards against a hang (a test that hangs is a failure, not a slow pass).
run() { timeout 60 "$@"; }
# Whether the text on standard input holds a terminal control (ESC, C1, BIDI…).
has_control() { LC_ALL=C grep -qP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]'; }

# --- 1. Bash completion: git ref names are data, never expanded. In a real
# interactive bash, the completion after « ctg diff --git » in a repository
# whose tags are commands; the tags offered quoted, nothing run, even when the
# word offered is then used on a command line.
if command -v git >/dev/null; then
  "$ctg" completion bash >"$tmp/ctg.bash"
  mkdir "$tmp/depot" && (
    cd "$tmp/depot" && git init -q && git -c user.email=t@example.org -c user.name=T commit -q --allow-empty -m un &&
      git tag 'v$(>PWNED)' && git tag 'w`>PWNED2`' && git tag 'x$(id>PWNED3)'
  )
  out=$(cd "$tmp/depot" && HOME=$tmp run bash --norc --noprofile -i 2>/dev/null <<EOF
source "$tmp/ctg.bash"
COMP_WORDS=(ctg diff --git '')
COMP_CWORD=3 COMP_LINE='ctg diff --git ' COMP_POINT=15
COMPREPLY=()
_ctg ctg '' --git
for w in "\${COMPREPLY[@]}"; do printf 'OFFERT<%s>\n' "\$w"; done
for w in "\${COMPREPLY[@]}"; do eval "arg=\$w"; printf 'MOT<%s>\n' "\$arg"; done
EOF
  )
  ls "$tmp/depot" | grep -q PWNED && ko "complétion : une étiquette git a exécuté une commande" ||
    ok "complétion : aucune commande exécutée depuis les étiquettes git"
  for tag in 'v$(>PWNED)' 'w`>PWNED2`' 'x$(id>PWNED3)' HEAD; do
    if grep -qxF "MOT<$tag>" <<<"$out" && grep -qxF "OFFERT<$(printf '%q' "$tag")>" <<<"$out"; then
      ok "complétion : « $tag » proposé tel quel, protégé"
    else ko "complétion : « $tag » absent ou altéré : $out"; fi
  done
  # Static words (options) are still offered, without compgen's expansion.
  out=$(cd "$tmp/depot" && run bash --norc --noprofile -i 2>/dev/null <<EOF
source "$tmp/ctg.bash"
cur=--fo; COMPREPLY=(); _ctg_words '--format --git \$(>PWNED4)'; printf '<%s>\n' "\${COMPREPLY[@]}"
EOF
  )
  [ "$out" = "<--format>" ] && [ ! -e "$tmp/depot/PWNED4" ] && ok "complétion : mots fixes filtrés sans expansion" ||
    ko "complétion : mots fixes : $out"
fi

# --- 2. Links out of the CTG folder: tracking files, a linked suivi/, the main file.
echo "JETON_CI=motdepasse-secret" >"$tmp/secret.txt"
mkdir -p "$tmp/lien/suivi" "$tmp/dehors" && cp "$example" "$tmp/lien/ctg.yaml"
ln -s "$tmp/secret.txt" "$tmp/lien/suivi/2026.yaml"
out=$(run "$ctg" validate "$tmp/lien" 2>&1); rc=$?
if [ $rc = 1 ] && grep -q "suivi/2026.yaml.*lien symbolique" <<<"$out" && ! grep -q motdepasse <<<"$out"; then
  ok "suivi/*.yaml lien vers l'extérieur : refusé sans citer la cible"
else ko "suivi/*.yaml lien : code $rc : $out"; fi
rm -r "$tmp/lien/suivi" && cp "$tmp/secret.txt" "$tmp/dehors/2026.yaml" && ln -s "$tmp/dehors" "$tmp/lien/suivi"
out=$(run "$ctg" validate "$tmp/lien" 2>&1); rc=$?
if [ $rc = 1 ] && grep -q "lien symbolique" <<<"$out" && ! grep -q motdepasse <<<"$out"; then
  ok "dossier suivi/ lien vers l'extérieur : refusé sans citer la cible"
else ko "suivi/ lien : code $rc : $out"; fi
out=$(run "$ctg" render -f md "$tmp/lien" 2>&1); rc=$?
[ $rc = 2 ] && ! grep -q motdepasse <<<"$out" && ok "render, suivi/ lien : refusé (code 2)" || ko "render suivi/ lien : code $rc"
# A link inside the folder is still followed.
rm "$tmp/lien/suivi" && mkdir "$tmp/lien/suivi" "$tmp/lien/donnees" && printf 'format: ctg/1\nsuivi: []\n' >"$tmp/lien/donnees/s.yaml"
ln -s ../donnees/s.yaml "$tmp/lien/suivi/2026.yaml"
out=$(run "$ctg" validate "$tmp/lien" 2>&1); rc=$?
[ $rc = 0 ] && ok "suivi/*.yaml lien dans le dossier : lu" || ko "lien interne : code $rc : $out"
mkdir "$tmp/lien2" && ln -s "$tmp/secret.txt" "$tmp/lien2/ctg.yaml"
for arg in "$tmp/lien2" "$tmp/lien2/ctg.yaml"; do
  out=$(run "$ctg" validate "$arg" 2>&1); rc=$?
  if [ $rc = 2 ] && grep -q "lien symbolique" <<<"$out" && ! grep -q motdepasse <<<"$out"; then
    ok "fichier principal lien vers l'extérieur ($(basename "$arg")) : refusé sans citer la cible"
  else ko "principal lien ($arg) : code $rc : $out"; fi
done

# --- 3. Referential data files: a crafted CTG_REFERENTIEL folder.
# ref NAME: a copy of the referential in $tmp/NAME.
ref() { rm -rf "$tmp/$1"; cp -r "$root/data/referentiel" "$tmp/$1"; }
# ref_refused WHAT DIR MESSAGE ARGS…: exit 2 with MESSAGE, no crash, no hang.
ref_refused() {
  local what=$1 dir=$2 want=$3
  shift 3
  out=$(CTG_REFERENTIEL=$dir timeout 20 "$ctg" "$@" 2>&1); rc=$?
  if [ $rc = 2 ] && grep -q -- "$want" <<<"$out" && ! grep -q "mémoire" <<<"$out"; then ok "$what : refusé (code 2)"
  else ko "$what : code $rc : $out"; fi
}
ref manque && rm "$tmp/manque/communes-2022.tsv"
ref_refused "référentiel sans communes-2022.tsv, --epci" "$tmp/manque" "communes-2022.tsv" referentiel --epci 200067437
ref_refused "référentiel sans communes-2022.tsv, commune" "$tmp/manque" "communes-2022.tsv" referentiel 04070
ref vide && : >"$tmp/vide/communes-2022.tsv"
ref_refused "communes-2022.tsv vide, --epci" "$tmp/vide" "aucune commune" referentiel --epci 200067437
ref tube && rm "$tmp/tube/index.tsv" && mkfifo "$tmp/tube/index.tsv"
ref_refused "index.tsv tube" "$tmp/tube" "fichier ordinaire" referentiel 04070
out=$(CTG_REFERENTIEL=$tmp/tube timeout 20 "$ctg" validate "$example" 2>&1); rc=$?
[ $rc != 124 ] && [ $rc -lt 128 ] && ok "validate, index.tsv tube : pas d'attente ($rc)" || ko "validate, index.tsv tube : code $rc"
ref tube2 && rm "$tmp/tube2/communes-2022.tsv" && mkfifo "$tmp/tube2/communes-2022.tsv"
ref_refused "communes-2022.tsv tube" "$tmp/tube2" "fichier ordinaire" referentiel --epci 200067437
out=$(CTG_REFERENTIEL=$tmp/tube2 timeout 20 "$ctg" validate "$example" 2>&1); rc=$?
[ $rc != 124 ] && [ $rc -lt 128 ] && ok "validate, communes tube : pas d'attente ($rc)" || ko "validate, communes tube : code $rc"
ref dossier && rm "$tmp/dossier/communes-2022.tsv" && mkdir "$tmp/dossier/communes-2022.tsv"
ref_refused "communes-2022.tsv dossier" "$tmp/dossier" "dossier" referentiel --epci 200067437
ref dossier2 && rm "$tmp/dossier2/index.tsv" && mkdir "$tmp/dossier2/index.tsv"
ref_refused "index.tsv dossier" "$tmp/dossier2" "dossier" referentiel 04070
# Numbers without bound: a millésime near INT_MAX, populations near INT64_MAX.
ref nombres
printf '2147483647\t2147483650\toui\toui\tpirate\n' >>"$tmp/nombres/index.tsv"
cp "$tmp/nombres/communes-2022.tsv" "$tmp/nombres/communes-2147483647.tsv"
cp "$tmp/nombres/epci-2022.tsv" "$tmp/nombres/epci-2147483647.tsv"
sed -i 's/^\(04070\t[^\t]*\t[^\t]*\t[^\t]*\t\)[0-9]*/\19223372036854775807/; s/^\(04049\t[^\t]*\t[^\t]*\t[^\t]*\t\)[0-9]*/\19223372036854775807/' \
  "$tmp/nombres/communes-2022.tsv"
out=$(CTG_REFERENTIEL=$tmp/nombres run "$ctg" referentiel 04070 2>&1); rc=$?
if [ $rc = 0 ] && ! grep -q -- "-[0-9]" <<<"$out" && ! grep -q 2147483647 <<<"$out"; then ok "millésime démesuré ignoré"
else ko "millésime démesuré : code $rc : $out"; fi
out=$(CTG_REFERENTIEL=$tmp/nombres run "$ctg" referentiel --epci 200067437 --millesime 2022 2>&1); rc=$?
if [ $rc = 0 ] && ! grep -qE -- "(^| )-[0-9]" <<<"$out" && ! grep -q "9 223" <<<"$out"; then ok "populations démesurées : absentes, pas de débordement"
else ko "populations démesurées : code $rc : $(grep -E 'somme|04070' <<<"$out")"; fi

# --- 4. PATH unset or empty: the system path, never the current folder.
mkdir "$tmp/chemin" && cp "$example" "$tmp/chemin/ctg.yaml"
(cd "$tmp/chemin" && git init -q && git add ctg.yaml && git -c user.email=t@example.org -c user.name=T commit -q -m un)
for prog in pandoc chromium git; do
  printf '#!/bin/sh\n/usr/bin/touch "%s/PWNED-%s"\nexit 1\n' "$tmp/chemin" "$prog" >"$tmp/chemin/$prog" && chmod +x "$tmp/chemin/$prog"
done
for how in "env -u PATH" "env PATH=" "env PATH=:/nonexistent" "env PATH=.:bin"; do
  (cd "$tmp/chemin" && $how "$(command -v timeout)" 120 "$ctg" render -f docx -o "$tmp/chemin/sortie.docx" ctg.yaml >/dev/null 2>&1)
  if ls "$tmp/chemin" | grep -q PWNED; then ko "$how : ./pandoc du dossier courant lancé"; rm -f "$tmp/chemin"/PWNED-*
  else ok "$how : le programme du dossier courant n'est pas lancé"; fi
  # git too (ctg diff RÉV:chemin): from the system's path, never ./git.
  (cd "$tmp/chemin" && $how "$(command -v timeout)" 60 "$ctg" diff HEAD:ctg.yaml ctg.yaml >/dev/null 2>&1)
  if ls "$tmp/chemin" | grep -q PWNED; then ko "$how : ./git du dossier courant lancé"; rm -f "$tmp/chemin"/PWNED-*
  else ok "$how : ./git du dossier courant n'est pas lancé"; fi
done

# --- 5. -o naming one of the files read (by identity: links, hard links).
mkdir -p "$tmp/sortie/c/suivi" && cp "$example" "$tmp/sortie/c/ctg.yaml"
printf 'format: ctg/1\nsuivi: []\n' >"$tmp/sortie/c/suivi/2026.yaml"
ln -s c/ctg.yaml "$tmp/sortie/lien.yaml" && ln "$tmp/sortie/c/ctg.yaml" "$tmp/sortie/dur.yaml"
cp -r "$tmp/sortie/c" "$tmp/sortie/avant"
for case in "render c -f md -o c/ctg.yaml" "render c -f html -o ./c/../c/ctg.yaml" "render c -f md -o lien.yaml" \
  "render c -f md -o dur.yaml" "render c -f md -o c/suivi/2026.yaml" "render c -f docx -o c/ctg.yaml" \
  "render c -f pdf -o c/ctg.yaml" "suivi c -f texte --au 2026-06-30 -o c/ctg.yaml"; do
  out=$(cd "$tmp/sortie" && run "$ctg" $case 2>&1); rc=$?
  if [ $rc = 2 ] && grep -q "fichiers lus" <<<"$out" && diff -r "$tmp/sortie/c" "$tmp/sortie/avant" >/dev/null; then
    ok "ctg $case : refusé, entrée intacte"
  else ko "ctg $case : code $rc : $out"; fi
done
out=$(cd "$tmp/sortie" && run "$ctg" render c -f md -o c/convention.md 2>&1); rc=$?
[ $rc = 0 ] && [ -s "$tmp/sortie/c/convention.md" ] && ok "render -o ailleurs dans le dossier : écrit" || ko "render -o : code $rc : $out"

# --- 6. A NUL in an inclure path: refused with its position, nothing opened.
mkdir "$tmp/nul" && sed 's/^format: ctg\/1$/format: ctg\/1\ninclure: ["annexe.yaml\\0.txt"]/' "$example" >"$tmp/nul/ctg.yaml"
printf 'format: ctg/1\nsuivi: []\n' >"$tmp/nul/annexe.yaml"
out=$(run "$ctg" validate "$tmp/nul" 2>&1); rc=$?
if [ $rc = 1 ] && grep -q "ctg.yaml:[0-9]*:[0-9]*:.*caractère nul (\\\\0) en position 12" <<<"$out"; then ok "NUL dans inclure : refusé avec sa position"
else ko "NUL dans inclure : code $rc : $out"; fi

# --- 7. Tracking periods outside 1900–2200: errors, like one after the CTG's end.
for periode in 0000 9999-T4 1899-S2; do
  mkdir -p "$tmp/periode-$periode/suivi" && cp "$example" "$tmp/periode-$periode/ctg.yaml"
  printf 'format: ctg/1\nsuivi:\n  - periode: "%s"\n' "$periode" >"$tmp/periode-$periode/suivi/p.yaml"
  out=$(run "$ctg" validate "$tmp/periode-$periode" 2>&1); rc=$?
  if [ $rc = 1 ] && grep -q "p.yaml:3:.*PERIODE.*période $periode .*hors des dates de la CTG" <<<"$out"; then ok "période $periode : erreur"
  else ko "période $periode : code $rc : $out"; fi
done

# --- 8. Terminal escapes from every command's own messages.
esc=$'\e]0;pirate\a\e[2J\xc2\x9b31m'
ref echap && sed -i "s/^04070\tDigne-les-Bains/04070\tDigne$esc/" "$tmp/echap"/communes-*.tsv
mkdir -p "$tmp/esc$esc" && cp "$example" "$tmp/esc$esc/ctg.yaml"
checks=(
  "referentiel 04070|CTG_REFERENTIEL=$tmp/echap"
  "referentiel --epci 200067437|CTG_REFERENTIEL=$tmp/echap"
  "suivi $tmp/esc$esc|"
  "init $tmp/nouvelle --epci 200067437 --caf Caf --debut $esc --fin 2029-12-31|"
  "init $tmp/nouvelle --epci 200067437 --caf Caf --debut 2026-01-01 --fin $esc|"
  "init $tmp/init$esc --epci 200067437 --caf Caf --debut 2026-01-01 --fin 2029-12-31|"
  "avenant $example $example --prise-effet $esc|"
  "bilan $example --annuel 2026 --part $esc|"
  "bilan $example --annuel 2026 --au $esc|"
  "suivi $example --au $esc|"
)
for c in "${checks[@]}"; do
  args=${c%|*} env=${c##*|}
  IFS=$'\n' read -r -d '' -a words < <(printf '%s' "$args" | tr ' ' '\n'; printf '\0')
  out=$(env $env timeout 60 "$ctg" "${words[@]}" 2>&1); rc=$?
  shown=$(printf '%s' "$args" | cut -c1-40 | tr -d '\033\007')
  if has_control <<<"$out"; then ko "ctg $shown… : séquence de terminal dans la sortie (code $rc)"
  elif [ $rc -ge 128 ]; then ko "ctg $shown… : code $rc"
  else ok "ctg $shown… : sortie imprimable (code $rc)"; fi
done

# --- 9. The pre-commit hook and folders with an accent or a space.
if command -v git >/dev/null; then
  hook=$tmp/hookrepo
  mkdir -p "$hook" && (cd "$hook" && git init -q && cp "$root/examples/ci/pre-commit" .git/hooks/pre-commit)
  for d in "Briançon" "ma ctg" "$(printf 'tab\tulé')"; do
    mkdir -p "$hook/$d" && sed 's/^format: ctg\/1$/format: ctg\/1\ncle_inconnue: 1/' "$example" >"$hook/$d/ctg.yaml"
    out=$(cd "$hook" && git add -- "$d" && PATH=$(dirname "$ctg"):$PATH run git -c user.email=t@example.org \
      -c user.name=T commit -qm "$d" 2>&1); rc=$?
    if [ $rc != 0 ] && grep -q "CLE-INCONNUE" <<<"$out" && grep -q "commit refusé" <<<"$out"; then
      ok "hook : CTG invalide dans « $d » refusée"
    else ko "hook : CTG invalide dans « $d » acceptée (code $rc) : $out"; fi
    (cd "$hook" && git reset -q -- "$d")
  done
fi

# --- 10. ctg init: arguments checked first, the folder written all at once.
init_args=(--epci 240500439 --communes 05023,05133 --debut 2026-01-01 --fin 2029-12-31)
for caf in $'Caf\r\nX' $'Caf\tdes Alpes' $'Caf\e[2J' $'Caf \xff' '' '   '; do
  rm -rf "$tmp/init-arg"
  out=$(run "$ctg" init "$tmp/init-arg" --caf "$caf" "${init_args[@]}" 2>&1); rc=$?
  if [ $rc = 2 ] && [ ! -e "$tmp/init-arg" ] && grep -qE "contrôle|UTF-8|vide" <<<"$out" && ! has_control <<<"$out"; then
    ok "init --caf $(printf '%q' "$caf") : refusé, rien d'écrit"
  else ko "init --caf $(printf '%q' "$caf") : code $rc : $out"; fi
done
# A write failure (file size limit, SIGXFSZ ignored: write(2) fails with EFBIG)
# leaves nothing, not even a hidden folder; the same command then succeeds.
mkdir "$tmp/initfs"
out=$( (trap '' XFSZ; ulimit -f 32; run "$ctg" init "$tmp/initfs/ctg" --caf "Caf des Hautes-Alpes" "${init_args[@]}") 2>&1); rc=$?
if [ $rc = 2 ] && [ -z "$(ls -A "$tmp/initfs")" ]; then ok "init : échec d'écriture, rien ne reste"
else ko "init : échec d'écriture : code $rc, reste : $(ls -A "$tmp/initfs") ; $out"; fi
out=$(run "$ctg" init "$tmp/initfs/ctg" --caf "Caf des Hautes-Alpes" "${init_args[@]}" 2>&1); rc=$?
[ $rc = 0 ] && [ "$(ls -A "$tmp/initfs/ctg" | wc -l)" = 7 ] && ok "init : relancé, 7 fichiers" || ko "init relancé : code $rc : $out"
# An existing folder (a fresh clone with its README) gets the files beside its own.
mkdir "$tmp/clone" && echo "# dépôt" >"$tmp/clone/README.md"
out=$(run "$ctg" init "$tmp/clone" --caf "Caf des Hautes-Alpes" "${init_args[@]}" 2>&1); rc=$?
[ $rc = 0 ] && [ "$(ls -A "$tmp/clone" | wc -l)" = 8 ] && ok "init dans un dossier existant : fichiers ajoutés" ||
  ko "init dossier existant : code $rc : $(ls -A "$tmp/clone") $out"

exit $fail
