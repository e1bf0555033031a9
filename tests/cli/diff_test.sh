#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# ctg diff and ctg avenant on variants of the real example, with their exact
# outputs in tests/golden/diff (UPDATE=1 rewrites them), and git integration
# in a temporary repository: the diff driver for git diff, textconv for
# git log -p, revisions read with « RÉV:chemin » and --git.
set -u
ctg=$1
root=$2
golden=$root/tests/golden/diff
. "$(dirname "$0")/lib.sh"
cd "$tmp" || exit 2
cp -r "$root/examples/provence-alpes-agglomeration" ancien

# variant NAME PYTHON: a copy of the example changed by a few lines of Python.
variant() {
  rm -rf "$1" && cp -r ancien "$1"
  (cd "$1" && python3 -c "$2") || ko "variante $1"
}
edit='import sys
def sub(path, old, new, count=1):
    text = open(path, encoding="utf-8").read()
    assert old in text, (path, old)
    open(path, "w", encoding="utf-8").write(text.replace(old, new, count))
'
variant commune-rejoint "$edit
sub('ctg.yaml', '  - id: volonne\n', '''  - id: mirabeau
    type: commune
    nom: Mirabeau
    epci: paa
    representants:
      - { civilite: Mme, prenom: Lucie, nom: BONNET, qualite: Maire }
    deliberation: { instance: conseil municipal, date: null }

  - id: volonne
''')"
variant competence-transferee "$edit
sub('annexe-3-plan-actions.yaml', 'competences: { recenser: exercee, informer: exercee, planifier: exercee, qualite: exercee }', 'competences: { recenser: exercee, informer: exercee, planifier: transferee, qualite: exercee }', 1)"
variant projections "$edit
sub('annexe-3-plan-actions.yaml', 'projection: { 2026: 189, 2027: 200, 2028: 200, 2029: 200, 2030: 200 }', 'projection: { 2026: 189, 2027: 210, 2028: 215, 2029: 215, 2030: 215 }')"
variant equipement-renomme "$edit
sub('annexe-2-equipements.yaml', 'nom: Les Canaillous', 'nom: Les Canaillous de Volonne')"
variant fiche-ajoutee "$edit
text = open('fiches-action.yaml', encoding='utf-8').read()
open('fiches-action.yaml', 'w', encoding='utf-8').write(text.rstrip() + '''

  - id: fiche-7
    numero: 7
    titre: Mobilité
    objectif_global: Faciliter les déplacements des familles vers les services.
    actions_cles:
      - { id: \"7.1\", texte: Mettre en place un transport à la demande vers les structures d'accueil. }
    indicateurs: [Nombre de trajets]
''')"
variant article-modifie "$edit
sub('ctg.yaml', 'fin: 2030-12-31', 'fin: 2029-12-31')
sub('ctg.yaml', '2026 jusqu’au 31 décembre 2030 au', '2026 jusqu’au 31 décembre 2029 au')"
# Only the end date (a data field) changes: the avenant amends the alinéa of article 10 that states it, once.
variant fin-seule "$edit
sub('ctg.yaml', 'fin: 2030-12-31', 'fin: 2029-12-31')"
# The golden avenant: Les Mées transfers 3° to PAA, a fiche is added, a sentence of article 6 changes
# (tests/cli/variante_mees_transfert.py); kept as tests/golden/diff/avenant-mees-transfert.md.
variant mees-transfert "exec(open('$root/tests/cli/variante_mees_transfert.py', encoding='utf-8').read())"
variant reordonne "$edit
import re
text = open('annexe-2-equipements.yaml', encoding='utf-8').read()
head, body = text.split('equipements:\n', 1)
items = re.split(r'\n(?=  - id: )', body.strip('\n'))
open('annexe-2-equipements.yaml', 'w', encoding='utf-8').write(head + 'equipements:\n' + '\n'.join(reversed(items)) + '\n')"

check() {  # check NAME EXPECTED_CODE -- command...
  local name=$1 code=$2
  shift 3
  local out rc
  out=$("$@" 2>&1)
  rc=$?
  [ "$rc" = "$code" ] || { ko "$name : code $rc, attendu $code"; echo "$out" | head -5; return; }
  if [ "${UPDATE:-0}" = 1 ]; then
    printf '%s\n' "$out" >"$golden/$name"
  elif ! diff -u "$golden/$name" <(printf '%s\n' "$out") >/dev/null 2>&1; then
    diff -u "$golden/$name" <(printf '%s\n' "$out") | head -30
    ko "$name : sortie différente de la référence"; return
  fi
  ok "$name"
}

for v in commune-rejoint competence-transferee projections equipement-renomme fiche-ajoutee article-modifie; do
  check "$v.txt" 1 -- "$ctg" diff ancien "$v"
  check "$v.md" 1 -- "$ctg" diff -f md ancien "$v"
  check "$v.json" 1 -- "$ctg" diff -f json ancien "$v"
done
check "reordonne.txt" 0 -- "$ctg" diff ancien reordonne
check "reordonne-ordre.txt" 1 -- "$ctg" diff --ordre ancien reordonne
check "identiques.txt" 0 -- "$ctg" diff ancien ancien
check "avenant-projections.md" 0 -- "$ctg" avenant ancien projections
check "avenant-commune-rejoint.md" 0 -- "$ctg" avenant --numero 2 ancien commune-rejoint
check "avenant-article-modifie.md" 0 -- "$ctg" avenant ancien article-modifie
check "avenant-fiche-ajoutee.md" 0 -- "$ctg" avenant ancien fiche-ajoutee
check "avenant-mees-transfert.md" 0 -- "$ctg" avenant ancien mees-transfert
check "avenant-fin-seule.md" 0 -- "$ctg" avenant ancien fin-seule
# Les Mées hands over 3° but keeps its offer table (OFF-2): no avenant, the reason and the table's position.
variant mees-garde-offre "exec(open('$root/tests/cli/variante_mees_transfert.py', encoding='utf-8').read().split('# Les Mées no longer plans')[0])"
out=$("$ctg" avenant ancien mees-garde-offre 2>&1 >/dev/null); rc=$?
[ $rc = 1 ] && grep -q "annexe-3-plan-actions.yaml:[0-9]*:[0-9]*: erreur\[OFF-2\]: La Commune des Mées transfère la compétence 3° (planifier)" <<<"$out" &&
  grep -q "avenant non rédigé" <<<"$out" && ok "avenant refusé : tableau d'offre d'une commune qui ne planifie plus" ||
  { ko "avenant mees-garde-offre : code $rc"; echo "$out" | head -5; }
# The signature date of the convention, asked for when the old version lacks it.
out=$("$ctg" avenant --signature-convention 2026-03-12 ancien fiche-ajoutee 2>&1)
grep -q "signée le 12.*mars.*2026" <<<"$out" && ! grep -q "À REMPLIR" <<<"$out" && ok "avenant --signature-convention" ||
  ko "avenant --signature-convention"
grep -q "signée le À REMPLIR" "$golden/avenant-fiche-ajoutee.md" && ok "avenant : date de signature de la convention À REMPLIR" ||
  ko "avenant : À REMPLIR"
out=$("$ctg" avenant --stage signature --prise-effet 2026-09-01 ancien fiche-ajoutee 2>&1); rc=$?
[ $rc = 1 ] && grep -q "date de signature de la convention d'origine inconnue" <<<"$out" && grep -q -- "--signature-convention" <<<"$out" &&
  ok "avenant --stage signature refusé sans date de signature de la convention" || { ko "signature sans date : code $rc"; echo "$out" | tail -3; }
"$ctg" avenant --signature-convention 2026-02-30 ancien fiche-ajoutee >/dev/null 2>&1; [ $? = 2 ] &&
  ok "avenant --signature-convention invalide : code 2" || ko "--signature-convention invalide"
"$ctg" avenant -f html ancien fiche-ajoutee -o avenant.html && tidy -q -e avenant.html >/dev/null 2>&1
[ $? -lt 2 ] && ok "avenant HTML (tidy)" || ko "avenant HTML"
"$ctg" avenant ancien ancien >/dev/null 2>&1; [ $? = 1 ] && ok "avenant sans différence" || ko "avenant sans différence"
variant signature-seule "$edit
sub('ctg.yaml', 'lieu_signature: null', 'lieu_signature: Digne-les-Bains')"
"$ctg" avenant ancien signature-seule >/dev/null 2>&1; [ $? = 1 ] && ok "avenant : la signature seule n'est pas un avenant" || ko "avenant signature seule"
# CTG_TEST_SANS_GIT=1 (ctg.exe under Wine, tests/windows/run.sh): no terminal
# colours and no git, which are Linux's; the outputs above are the same.
if [ "${CTG_TEST_SANS_GIT:-0}" = 1 ]; then finish; fi
# Colours on a terminal, for our own marks only.
if command -v script >/dev/null; then
  tty_out=$(env -u NO_COLOR TERM=xterm script -qec "$ctg diff ancien projections" /dev/null 2>&1)
  grep -q $'\x1b\[32m\|\x1b\[33m' <<<"$tty_out" && ! grep -q $'\uFFFD' <<<"$tty_out" && ok "couleurs du diff sur un terminal" ||
    ko "couleurs du diff"
fi

# git: a repository with two commits of the CTG.
mkdir depot && cd depot && git init -q && git config user.email ctg@example.org && git config user.name ctg
cp -r ../ancien/. . && git add -A && git commit -qm v1
cp -r ../projections/. . && git commit -qam v2
"$ctg" git-config --commande "$ctg" >/dev/null || ko "ctg git-config"
grep -q '^\*.yaml diff=ctg$' .gitattributes && ok ".gitattributes" || ko ".gitattributes"
out=$(git diff HEAD~1 HEAD)
grep -q "projection 2027 : 200 → 210" <<<"$out" && ok "git diff par le pilote ctg" || { ko "git diff"; echo "$out" | head; }
out=$(git log -p -1 HEAD)
grep -q "^+offre_petite_enfance\[paa\].lignes\[eaje_psu\].projection.2027: 210" <<<"$out" && ok "git log -p par textconv" ||
  { ko "git log -p"; echo "$out" | head -20; }
# A file added then deleted: git passes /dev/null for the missing side.
printf 'format: ctg/1\nvisas:\n  - { id: v1, texte: Vu le code. }\n' > visas-locaux.yaml && git add visas-locaux.yaml && git commit -qm v3
out=$(git diff HEAD~1 HEAD)
grep -q "Visas" <<<"$out" && ok "fichier ajouté (/dev/null)" || { ko "fichier ajouté"; echo "$out" | head; }
git rm -q visas-locaux.yaml && git commit -qm v4
out=$(git diff HEAD~1 HEAD)
grep -q "retrait" <<<"$out" && ok "fichier supprimé (/dev/null)" || { ko "fichier supprimé"; echo "$out" | head; }
# A renamed file: git passes 9 arguments.
git mv fiches-action.yaml fiches.yaml && sed -i 's/fiches-action.yaml/fiches.yaml/' ctg.yaml && git commit -qam v5
out=$(git diff -M HEAD~1 HEAD 2>&1); rc=$?
[ $rc = 0 ] && ! grep -q "fatal" <<<"$out" && ok "fichier renommé (9 arguments)" || { ko "fichier renommé"; echo "$out" | head; }
# A YAML file that is not a CTG: git's own line diff, nothing hidden.
printf 'services:\n  web: { image: nginx }\n' > compose.yaml && git add compose.yaml && git commit -qm v6
sed -i 's/nginx/httpd/' compose.yaml && git commit -qam v7
out=$(git diff HEAD~1 HEAD)
grep -q "+  web: { image: httpd }" <<<"$out" && ok "YAML étranger : diff ligne à ligne" || { ko "YAML étranger"; echo "$out" | head; }
out=$(git log -p -1 HEAD)
grep -q "httpd" <<<"$out" && ok "YAML étranger : textconv sans perte" || ko "textconv YAML étranger"
out=$("$ctg" diff HEAD~6:ctg.yaml HEAD:ctg.yaml); rc=$?
[ $rc = 1 ] && grep -q "210" <<<"$out" && ok "RÉV:chemin" || { ko "RÉV:chemin ($rc)"; echo "$out" | head; }
"$ctg" diff --git HEAD >/dev/null; [ $? = 0 ] && ok "--git HEAD contre l'arbre de travail" || ko "--git"
"$ctg" diff --git HEAD~6 HEAD >/dev/null; [ $? = 1 ] && ok "--git RÉV1 RÉV2" || ko "--git RÉV1 RÉV2"
"$ctg" diff -- -x:ctg.yaml ctg.yaml >/dev/null 2>&1; [ $? = 2 ] && ok "révision « -… » refusée" || ko "révision refusée"
"$ctg" diff HEAD~99:ctg.yaml ctg.yaml >/dev/null 2>&1; [ $? = 2 ] && ok "révision inconnue : code 2" || ko "révision inconnue"
finish
