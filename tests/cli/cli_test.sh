#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# The ctg command as a user meets it: French help and errors, exit codes,
# several files at once, and no crash whatever the input.
set -u
ctg=$1
root=$2
. "$(dirname "$0")/lib.sh"
# check NAME EXPECTED_CODE PATTERN -- command... : PATTERN an extended regular
# expression; the output in French, without exception (but the JSON schema's).
check() {
  if [ "$1" = schéma ]; then expect_run -E "$@"; else expect_run -E --francais "$@"; fi
}
cd "$root" || exit 2

check "version" 0 '^ctg [0-9]+\.[0-9]+\.[0-9]+$' -- "$ctg" --version
check "aide" 0 'Utilisation' -- "$ctg" --help
check "aide des sous-commandes" 0 'validate +Vérifier' -- "$ctg" --help
check "aide de validate" 0 'Codes de sortie' -- "$ctg" validate --help
check "sans sous-commande" 2 'sous-commande manquante' -- "$ctg"
check "sous-commande inconnue" 2 'vouliez-vous dire «.validate.»' -- "$ctg" valdiate x.yaml
check "option inconnue" 2 'argument inattendu' -- "$ctg" validate --inconnue examples/commune-seule
check "validate sans fichier" 2 'argument obligatoire manquant' -- "$ctg" validate
check "exemple commune seule" 0 'commune-seule/ctg.yaml : aucune erreur' -- "$ctg" validate examples/commune-seule
check "exemple PAA" 0 'provence-alpes-agglomeration/ctg.yaml : aucune erreur' -- "$ctg" validate examples/provence-alpes-agglomeration
check "fichier absent" 2 'introuvable' -- "$ctg" validate "$tmp/absent.yaml"
check "plusieurs fichiers, un en erreur" 1 'commune-seule/ctg.yaml : aucune erreur' -- "$ctg" validate examples/commune-seule tests/cases/cle-inconnue.yaml
check "plusieurs fichiers, un illisible" 2 'cle-inconnue.yaml : 2 erreurs' -- "$ctg" validate tests/cases/cle-inconnue.yaml tests/cases/vide.yaml
check "dossier de CTG" 0 'commune-seule/ctg.yaml : aucune erreur' -- "$ctg" validate examples
check "dossier de CTG (les deux)" 0 'provence-alpes-agglomeration/ctg.yaml : aucune erreur, 12 avertissements' -- "$ctg" validate examples
check "--strict" 1 '12 avertissements' -- "$ctg" validate --strict examples/provence-alpes-agglomeration
check "--at invalide" 2 'date de référence' -- "$ctg" validate --at 31/12/2025 examples/commune-seule
check "--stage inconnu" 2 'valeur «.final.» inconnue pour --stage ; valeurs possibles : brouillon, signature' -- "$ctg" validate --stage final examples/commune-seule
check "explain" 0 'Texte :' -- "$ctg" explain ao-7
check "explain inconnu" 2 'vouliez-vous dire «.AO-7.»' -- "$ctg" explain AO-77
check "rules" 0 'SCH-1' -- "$ctg" rules
check "coverage" 0 'Taux de couverture global' -- "$ctg" coverage examples/commune-seule
check "coverage cible invalide" 2 'cible' -- "$ctg" coverage --cible abc examples/commune-seule
check "coverage --csv-fr et json" 2 'csv-fr' -- "$ctg" coverage --csv-fr -f json examples/commune-seule
check "coverage fichier invalide" 2 'doit être valide' -- "$ctg" coverage tests/cases/cle-inconnue.yaml
# No child under 3: no rate, and the report names the zero denominator (issue 21).
sed 's/^      actuel: 74$/      actuel: 0/; s/projection: { 2028: 70, 2029: 70 }/projection: { 2028: 0, 2029: 0 }/' \
  examples/commune-seule/ctg.yaml > "$tmp/zero-enfant.yaml"
check "coverage sans enfant : dénominateur nul nommé" 0 'enfants de moins de 3 ans : 0, dénominateur nul' -- \
  "$ctg" coverage "$tmp/zero-enfant.yaml"
check "schéma" 0 '"\$schema": "http://json-schema.org/draft-07/schema#"' -- "$ctg" schema

# Colour on a terminal only, and never with NO_COLOR.
if command -v script >/dev/null; then
  tty_out=$(env -u NO_COLOR TERM=xterm script -qec "$ctg validate tests/cases/cle-inconnue.yaml" /dev/null 2>&1)
  if grep -q $'\x1b\[' <<<"$tty_out"; then ok "couleur sur un terminal"; else ko "pas de couleur sur un terminal"; fi
  tty_out=$(NO_COLOR=1 TERM=xterm script -qec "$ctg validate tests/cases/cle-inconnue.yaml" /dev/null 2>&1)
  if grep -q $'\x1b\[' <<<"$tty_out"; then ko "couleur malgré NO_COLOR"; else ok "NO_COLOR respecté"; fi
fi
if env -u NO_COLOR "$ctg" validate tests/cases/cle-inconnue.yaml | grep -q $'\x1b\['; then
  ko "couleur dans un tube"
else
  ok "pas de couleur dans un tube"
fi

# No input, however broken, makes ctg crash: every prefix of a real file,
# and bytes flipped in it, end with exit code 0, 1 or 2 and no core dump.
src=examples/commune-seule/ctg.yaml
size=$(wc -c <"$src")
crashes=0
for ((n = 0; n < size; n += 97)); do
  head -c "$n" "$src" >"$tmp/prefix.yaml"
  "$ctg" validate "$tmp/prefix.yaml" >/dev/null 2>&1
  rc=$?
  [ $rc -le 2 ] || { echo "ÉCHEC préfixe de $n octets : code $rc"; crashes=1; }
done
for seed in $(seq 1 60); do
  python3 - "$src" "$tmp/flip.yaml" "$seed" <<'PY'
import random, sys
data = bytearray(open(sys.argv[1], "rb").read())
rnd = random.Random(int(sys.argv[3]))
for _ in range(rnd.randint(1, 8)):
    data[rnd.randrange(len(data))] = rnd.choice(b":-[]{}\"'&*!|>#\t\n %@`,?\x00\xff")
open(sys.argv[2], "wb").write(bytes(data))
PY
  "$ctg" validate "$tmp/flip.yaml" >/dev/null 2>&1
  rc=$?
  [ $rc -le 2 ] || { echo "ÉCHEC octets modifiés (graine $seed) : code $rc"; crashes=1; }
done
# The same on the real example, whose rules and coverage run on what loads.
cp -r examples/provence-alpes-agglomeration "$tmp/paa"
for seed in $(seq 1 40); do
  python3 - examples/provence-alpes-agglomeration/annexe-3-plan-actions.yaml "$tmp/paa/annexe-3-plan-actions.yaml" "$seed" <<'PY'
import random, sys
data = bytearray(open(sys.argv[1], "rb").read())
rnd = random.Random(int(sys.argv[3]))
for _ in range(rnd.randint(1, 4)):
    i = rnd.randrange(len(data))
    # Digits become other digits or signs most of the time: values change, the YAML stays readable.
    data[i] = rnd.choice(b"0123456789-.:x \n") if rnd.random() < 0.7 else rnd.choice(b"[]{}\"'&*!|>#")
open(sys.argv[2], "wb").write(bytes(data))
PY
  for cmd in validate coverage; do
    "$ctg" $cmd "$tmp/paa" >/dev/null 2>&1
    rc=$?
    [ $rc -le 2 ] || { echo "ÉCHEC $cmd sur l'exemple modifié (graine $seed) : code $rc"; crashes=1; }
  done
done
[ $crashes = 0 ] && ok "entrées cassées : aucun plantage" || fail=1
finish
