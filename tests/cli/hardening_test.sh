#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Issue 12, the defects an attack found, as users would meet them: hostile
# text in names, Markdown that nests or links, files that never end, output
# onto devices, git tricks. Each check failed before its fix.
set -u
ctg=$1
root=$2
. "$(dirname "$0")/lib.sh"
example=$root/examples/commune-seule/ctg.yaml
# Guards against a hang (a test that hangs is a failure, not a slow pass).
run() { timeout 60 "$@"; }

# --- 3. Terminal escapes: a name with ESC, BEL, NUL-like, CSI and RLO.
python3 - "$example" "$tmp/esc.yaml" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
t = t.replace("nom: Multi-accueil Les Lutins", 'nom: "Lutins\\e]0;pirate\\a\\x9b2J\\u202Eexe"')
t = t.replace("nom: Valbelle-sur-Durance", 'nom: "Valbelle\\e[2J\\u2066"', 1)
open(sys.argv[2], "w", encoding="utf-8").write(t)
PY
for cmd in "validate" "coverage" "coverage -f md" "render" "render -f html"; do
  out=$(run "$ctg" $cmd "$tmp/esc.yaml" 2>&1)
  if LC_ALL=C grep -qP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' <<<"$out"; then
    ko "$cmd : caractère de contrôle dans la sortie"
  else ok "$cmd : sortie imprimable"; fi
done
cp "$tmp/esc.yaml" "$tmp/$(printf 'fi\033[31mchier')"
out=$(run "$ctg" validate "$tmp/$(printf 'fi\033[31mchier')" 2>&1)
if LC_ALL=C grep -qP '\x1b' <<<"$out"; then ko "chemin avec ESC affiché brut"; else ok "chemin de fichier imprimable"; fi

# --- 2. Overflow: counts beyond the format's bounds are refused, with the number.
sed 's/structures: 9/structures: 999999999999999/' "$example" >"$tmp/big.yaml"
out=$(run "$ctg" coverage "$tmp/big.yaml" 2>&1); rc=$?
if [ $rc = 2 ] && grep -q "hors limites" <<<"$out"; then ok "nombre démesuré refusé"; else ko "nombre démesuré ($rc) : $out"; fi

# --- 1. Deep Markdown: a finding, and no crash when rendered anyway.
python3 - "$example" "$tmp/deep.yaml" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
t = t.replace("      La présente convention définit", "      " + ">" * 30000 + " fond\n\n      La présente convention définit", 1)
open(sys.argv[2], "w", encoding="utf-8").write(t)
PY
out=$(run "$ctg" validate "$tmp/deep.yaml" 2>&1); rc=$?
if [ $rc = 1 ] && grep -q "trop imbriqué" <<<"$out"; then ok "Markdown trop imbriqué signalé"; else ko "imbrication ($rc)"; fi
out=$(run "$ctg" render -f html "$tmp/deep.yaml" 2>&1); rc=$?
if [ $rc = 2 ]; then ok "render refuse le texte trop imbriqué sans planter"; else ko "render imbriqué : code $rc"; fi

# --- 4. Inert Markdown, read by cmark-gfm --unsafe and pandoc.
python3 - "$example" "$tmp/link.yaml" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
t = t.replace("      La présente convention définit",
              "      Voir[^x](javascript:alert(1)) et[^1] https://pirate.example www.pirate.example a@pirate.example\n\n"
              "      [^1]: javascript:alert(2)\n\n      La présente convention définit", 1)
open(sys.argv[2], "w", encoding="utf-8").write(t)
PY
run "$ctg" render "$tmp/link.yaml" -o "$tmp/link.md" >/dev/null 2>&1
for reader in "cmark-gfm --unsafe" "cmark-gfm --unsafe -e autolink -e footnotes" "pandoc -f markdown -t html" "pandoc -f gfm -t html"; do
  html=$($reader <"$tmp/link.md" 2>/dev/null)
  if grep -qiE 'href="(javascript|https?:|mailto|www)' <<<"$html"; then ko "$reader : lien actif"; grep -oiE 'href="[^"]*"' <<<"$html" | head -3
  else ok "$reader : aucun lien actif"; fi
done

# --- 5. Small inputs, large cost: a long flow list, trailing blank lines.
python3 - "$example" "$tmp/flow.yaml" "$tmp/blank.yaml" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w").write(t.replace("annees: [2027, 2028]", "annees: [" + ", ".join(["2027"] * 100000) + "]"))
open(sys.argv[3], "w").write(t + "\n" * 480000)
PY
run "$ctg" validate "$tmp/flow.yaml" >/dev/null 2>&1; rc=$?
[ $rc -le 1 ] && ok "liste de 100 000 valeurs sur une ligne" || ko "liste sur une ligne : code $rc"
run "$ctg" validate "$tmp/blank.yaml" >/dev/null 2>&1; rc=$?
[ $rc -le 1 ] && ok "480 000 lignes vides" || ko "lignes vides : code $rc"

# --- 6. Output files and standard output.
echo ancien >"$tmp/private.md"; chmod 600 "$tmp/private.md"
run "$ctg" render "$example" -o "$tmp/private.md" >/dev/null 2>&1
[ "$(stat -c %a "$tmp/private.md")" = 600 ] && ok "-o garde le mode 0600" || ko "-o : mode $(stat -c %a "$tmp/private.md")"
out=$(run "$ctg" render "$example" 2>&1 >/dev/full); rc=$?
if [ $rc = 2 ] && grep -q "sortie standard" <<<"$out"; then ok "sortie standard pleine : code 2"; else ko "stdout /dev/full : code $rc"; fi
out=$(run "$ctg" validate "$example" 2>&1 >/dev/full); rc=$?
[ $rc = 2 ] && ok "validate vers /dev/full : code 2" || ko "validate /dev/full : code $rc"
if [ "$(id -u)" = 0 ]; then
  out=$(run "$ctg" render "$example" -o /dev/full 2>&1); rc=$?
  if [ $rc = 2 ] && [ -c /dev/full ]; then ok "-o /dev/full : erreur, périphérique intact"; else ko "-o /dev/full : code $rc"; fi
fi
mkfifo "$tmp/tube"
out=$(run "$ctg" render "$example" -o "$tmp/tube" 2>&1); rc=$?
if [ $rc = 2 ] && [ -p "$tmp/tube" ]; then ok "-o vers un tube sans lecteur : refus, tube intact"; else ko "-o tube : code $rc"; fi
(cat "$tmp/tube" >"$tmp/from-pipe" &) ; sleep 0.2
run "$ctg" render "$example" -o "$tmp/tube" >/dev/null 2>&1; rc=$?
sleep 0.2
if [ $rc = 0 ] && [ -p "$tmp/tube" ] && grep -q "Valbelle" "$tmp/from-pipe"; then ok "-o vers un tube lu : écrit au travers"; else ko "-o tube lu : code $rc"; fi

# --- 7. Reads that never end.
mkdir "$tmp/fifo"
sed 's/^format: ctg\/1$/format: ctg\/1\ninclure: [annexe.yaml]/' "$example" >"$tmp/fifo/ctg.yaml"
mkfifo "$tmp/fifo/annexe.yaml"
out=$(run "$ctg" validate "$tmp/fifo/ctg.yaml" 2>&1); rc=$?
# An inclusion that cannot be read is a finding of the file (code 1), like a missing one.
if [ $rc = 1 ] && grep -q "fichier ordinaire" <<<"$out"; then ok "tube dans inclure: refusé"; else ko "tube inclus : code $rc"; fi
out=$(run "$ctg" validate /dev/zero 2>&1); rc=$?
if [ $rc = 2 ] && grep -q "fichier ordinaire" <<<"$out"; then ok "validate /dev/zero refusé"; else ko "/dev/zero : code $rc"; fi
out=$(run "$ctg" diff --textconv /dev/zero 2>&1); rc=$?
[ $rc = 2 ] && ok "diff --textconv /dev/zero refusé" || ko "textconv /dev/zero : code $rc"

# --- 8. git.
out=$(run "$ctg" diff --textconv /nonexistent 2>&1); rc=$?
if [ $rc = 2 ] && grep -q "introuvable" <<<"$out"; then ok "diff --textconv /nonexistent : code 2 et message"; else ko "textconv absent : code $rc"; fi
if command -v git >/dev/null; then
  mkdir -p "$tmp/repo" "$tmp/outside"
  echo "secret" >"$tmp/outside/attrs"
  (cd "$tmp/repo" && git init -q && ln -s ../outside/attrs .gitattributes)
  out=$(cd "$tmp/repo" && run "$ctg" git-config 2>&1); rc=$?
  if [ $rc = 2 ] && [ "$(cat "$tmp/outside/attrs")" = secret ]; then ok "git-config ne suit pas un .gitattributes lien"; else ko "git-config lien : code $rc"; fi
fi

finish
