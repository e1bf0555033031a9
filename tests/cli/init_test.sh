#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# ctg referentiel and ctg init as users meet them: a new CTG for a real EPCI
# outside the seed's département validates as a draft (no error) and renders;
# init never overwrites; --modele takes the seed's articles.
set -u
ctg=$1
root=$2
. "$(dirname "$0")/lib.sh"
# expect NAME CODE PATTERN -- command... : PATTERN a fixed string.
expect() { expect_run -F "$@"; }

expect "referentiel par code" 0 "population totale 18 547, municipale 17 694" -- "$ctg" referentiel 04070
expect "referentiel par nom sans accents" 0 "05023 Briançon" -- "$ctg" referentiel briancon
expect "referentiel introuvable" 1 "aucune commune" -- "$ctg" referentiel Nullepartville
expect "referentiel millésime absent" 2 "millésimes disponibles" -- "$ctg" referentiel 04070 --millesime 2019
expect "referentiel sans argument" 2 "donnez un code INSEE" -- "$ctg" referentiel
expect "referentiel données absentes" 2 "CTG_REFERENTIEL" -- env CTG_REFERENTIEL="$tmp/rien" "$ctg" referentiel 04070
# validate without the data: said, not silently passed (exit 0: a warning).
expect "validate sans les données du référentiel" 0 "avertissement[REF-1]: les règles REF-1 à REF-7 (codes, noms, populations légales) n'ont pas été vérifiées" \
  -- env CTG_REFERENTIEL="$tmp/rien" "$ctg" validate "$root/examples/provence-alpes-agglomeration"
expect "validate --sans-referentiel sans les données : rien à dire" 0 "aucune erreur, 11 avertissements" \
  -- env CTG_REFERENTIEL="$tmp/rien" "$ctg" validate --sans-referentiel "$root/examples/provence-alpes-agglomeration"
python3 - "$ctg" <<'PY' || fail=1
import json, subprocess, sys
out = subprocess.run([sys.argv[1], "referentiel", "--epci", "240500439", "-f", "json"], capture_output=True, text=True)
doc = json.loads(out.stdout)
members = doc["epci"]["membres"]
assert doc["format"] == "ctg-referentiel/1" and len(members) == 13, doc
assert doc["epci"]["somme_totale"] == sum(m["totale"] for m in members) == doc["epci"]["totale"] == 19490
print("ok referentiel json (13 membres, 19 490)")
PY

# A new CTG for the CC du Briançonnais (Hautes-Alpes).
dir=$tmp/briancon
expect "init" 0 "7 fichiers écrits" -- "$ctg" init "$dir" --epci 240500439 \
  --caf "Caisse d'allocations familiales des Hautes-Alpes" --debut 2026-01-01 --fin 2029-12-31
# The millésime in force (2023) has only municipal populations in the
# referential: the note says so, and where the Insee publishes its totals (issue 22).
expect "init : note des populations totales 2023 et page de l'Insee" 0 \
  "n'a que des populations municipales dans le référentiel de ctg (le paquet de données d'Etalab ne porte pas les totales) ; l'Insee publie les populations totales de ce millésime (https://www.insee.fr/fr/statistiques/8680726)" \
  -- "$ctg" init "$tmp/briancon-note" --epci 240500439 --caf "Caf" --debut 2026-01-01 --fin 2029-12-31
expect "validate : REF-7 donne la page de l'Insee du millésime 2023" 1 \
  "le référentiel de ctg n'a que les populations municipales du millésime 2023 : l'Insee publie les totales (https://www.insee.fr/fr/statistiques/8680726)" \
  -- "$ctg" validate "$tmp/briancon-note"
# Briançon (11 059 inhabitants) must have a relais petite enfance from
# 2026-01-01 (AO-7, an error since issue 11): the one error of a fresh draft,
# which the user removes by filling the offer table.
expect "init : validate, seule erreur le RPE de Briançon" 1 "1 erreur" -- "$ctg" validate "$dir"
out=$("$ctg" validate -f json "$dir")
python3 - "$out" <<'PY' || fail=1
import json, sys
doc = json.loads(sys.argv[1])
codes = sorted({d["regle"] for f in doc["fichiers"] for d in f["diagnostics"]})
# What a fresh draft is expected to say: blanks to fill, the millésime to
# update, and Briançon's obligations above 10 000 inhabitants.
# SCH-3 (transmission to the CDSF within a month), SCH-4 (concertation) and
# SCH-5 (reviews sent to the CDSF) are answered by the articles init writes
# (issue 19); SCH-1's elements and SCH-2's dates are the user's to fill.
# SIG-2 (remarks): what init marked « À REMPLIR » or « À DÉCIDER » (issue 19).
expected = {"SIG-1", "SIG-2", "REF-7", "AO-6", "AO-7", "OFF-1", "SCH-1", "SCH-2"}
assert set(codes) <= expected, codes
errors = [d for f in doc["fichiers"] for d in f["diagnostics"] if d["gravite"] == "erreur"]
assert [d["regle"] for d in errors] == ["AO-7"] and "Briançon" in errors[0]["message"], errors
print("ok init : constats attendus seulement", codes)
PY
# The same for the CA du Grand Dole (Jura): Dole, 24 600 inhabitants, gets AO-7;
# README.md and docs/guide.md say so with these figures (issue 22).
expect "init Grand Dole" 0 "7 fichiers écrits" -- "$ctg" init "$tmp/grand-dole" --epci 200010650 \
  --caf "Caisse d'allocations familiales du Jura" --debut 2026-01-01 --fin 2029-12-31
python3 - "$ctg" "$tmp/grand-dole" <<'PY' || fail=1
import json, subprocess, sys
out = subprocess.run([sys.argv[1], "validate", "-f", "json", sys.argv[2]], capture_output=True, text=True)
assert out.returncode == 1, out.returncode
doc = json.loads(out.stdout)
errors = [d for f in doc["fichiers"] for d in f["diagnostics"] if d["gravite"] == "erreur"]
assert [d["regle"] for d in errors] == ["AO-7"] and "Dole" in errors[0]["message"], errors
print("ok init Grand Dole : une seule erreur, AO-7 pour Dole")
PY
for doc in README.md docs/guide.md; do
  grep -q "\*\*une erreur\*\*, AO-7" "$root/$doc" && grep -q "11 059" "$root/$doc" && grep -q "24 600 habitants" "$root/$doc" &&
    echo "ok $doc : une erreur AO-7, Briançon 11 059, Dole 24 600" || { echo "ÉCHEC $doc ne dit pas l'erreur AO-7 d'un dossier neuf"; fail=1; }
done
expect "referentiel : Briançon 11 059 (chiffre du guide)" 0 "population totale 11 059" -- "$ctg" referentiel 05023 --millesime 2022
expect "referentiel : Dole 24 600 (chiffre du guide)" 0 "population totale 24 600" -- "$ctg" referentiel 39198 --millesime 2022

# What init writes validates clean against the same referential (issue 22):
# the total populations of its millésime are never « the municipal one »
# (REF-5; Gredisans, CA du Grand Dole), and the official name of an EPCI
# with its SIREN gives no NOM warning (Métropole du Grand Paris). The whole
# of France: tests/bench/init_france.sh.
for siren in 200010650 200054781; do
  "$ctg" init "$tmp/ref-$siren" --epci "$siren" --caf "Caisse d'allocations familiales" \
    --debut 2026-01-01 --fin 2029-12-31 > /dev/null 2>&1 || { ko "init $siren"; continue; }
  "$ctg" validate -f json "$tmp/ref-$siren" > "$tmp/ref-$siren.json"
  python3 - "$tmp/ref-$siren.json" "$siren" <<'PY' || fail=1
import json, sys
doc = json.load(open(sys.argv[1]))
bad = [f"{d['regle']}: {d['message']}" for f in doc["fichiers"] for d in f["diagnostics"]
       if d["regle"] in ("REF-2", "REF-4", "REF-5", "REF-6", "NOM")]
assert not bad, bad[:3]
print(f"ok init {sys.argv[2]} : aucun constat REF-2, REF-4 à REF-6 ni NOM sur ce qu'init a écrit")
PY
done
expect "init : rendu HTML" 0 "" -- "$ctg" render "$dir" -f html -o "$tmp/briancon.html"
grep -q "Briançon" "$tmp/briancon.html" && grep -q "Recours" "$tmp/briancon.html" \
  && ok "rendu : parties et articles" || ko "rendu : contenu absent"
expect "init : rendu Markdown" 0 "" -- "$ctg" render "$dir" -o "$tmp/briancon.md"
# The draft as a juriste reads it (issue 19): the EPCI by its designation,
# the AO table's hypotheses « à décider », the articles and visas the law needs.
python3 - "$tmp/briancon.md" "$dir/annexe-3-plan-actions.yaml" <<'PY' || fail=1
import re, sys
md = " ".join(open(sys.argv[1], encoding="utf-8").read().replace("\u00a0", " ").split())
problems = []
if "les collectivités de la Communauté de communes du Briançonnais" not in md:
    problems.append("préambule : « les collectivités de la Communauté de communes du Briançonnais » absent")
if "CC du Briançonnais" in md:
    problems.append("« CC du Briançonnais » encore dans le texte rendu")
table = md[md.index("Tableau des autorités organisatrices"):md.index("Annexe 4")]
if "☒" in table or table.count("à décider") != 13 * 4:
    problems.append(f"tableau des AO : {table.count('à décider')} « à décider », cases cochées {'☒' in table}")
for needed in ["Vu la loi n° 2023-1196 du 18 décembre 2023 pour le plein emploi",
               "Vu le décret n° 2025-253 du 20 mars 2025",
               "Vu la convention d'objectifs et de gestion (Cog) conclue entre l'État et la Caisse nationale",
               "Vu la délibération du conseil d'administration de la Caisse d'allocations familiales des Hautes-Alpes en date du À REMPLIR",
               "Autorités organisatrices de l'accueil du jeune enfant En application de l'article L. 214-1-3",
               "À REMPLIR : les transferts de compétences à la Communauté de communes du Briançonnais",
               "au comité départemental des services aux familles dans le mois de leur adoption",
               "transmettent les bilans intermédiaire et final",
               "établi après concertation avec les partenaires et les familles du territoire. À REMPLIR"]:
    if needed not in md:
        problems.append(f"« {needed} » absent")
yaml = open(sys.argv[2], encoding="utf-8").read()
if yaml.count('note: "À DÉCIDER') != 13:
    problems.append("annexe 3 : chaque ligne d'AO doit porter sa note « À DÉCIDER »")
assert not problems, problems
print("ok init : désignation, « à décider », articles AO et schéma, visas")
PY
# The version for signature refuses a draft whose hypotheses are undecided
# (SIG-2, issue 19): it never prints « à décider » where the parties sign.
out=$("$ctg" render "$dir" --stage signature -o "$tmp/briancon-signature.md" 2>&1); rc=$?
[ "$rc" = 1 ] && [ ! -e "$tmp/briancon-signature.md" ] && grep -q "erreur\[SIG-2\]: tableau des AO, Briançon : compétences encore « à décider »" <<<"$out" &&
  grep -q "erreur\[SIG-2\]: le préambule contient encore « À REMPLIR »" <<<"$out" &&
  ok "signature refusée : « à décider » et « À REMPLIR » (SIG-2)" || ko "signature d'un brouillon non refusée (rc=$rc)"
# Once decided (the note removed), the table shows the choices.
sed -i '/note: "À DÉCIDER/d' "$dir/annexe-3-plan-actions.yaml"
"$ctg" render "$dir" -o "$tmp/briancon-decide.md" && grep -q "☒ exercée" "$tmp/briancon-decide.md" &&
  ! grep -q "à décider" "$tmp/briancon-decide.md" && ok "note retirée : les cases cochées" || ko "note retirée : cases absentes"
# The guide it points to is where the package installs it (issue 22).
grep -q "guide : /usr/share/doc/ctg/docs/guide.md" "$dir/ctg.yaml" && echo "ok ctg.yaml renvoie au guide installé" ||
  { echo "ÉCHEC ctg.yaml ne renvoie pas au guide installé"; fail=1; }
grep -q "diff=ctg" "$dir/.gitattributes" && head -1 "$dir/ctg.yaml" | grep -q "yaml-language-server" \
  && ok ".gitattributes et modeline" || ko ".gitattributes ou modeline"

# Never overwrites: nothing written when a file exists.
before=$(md5sum "$dir/ctg.yaml")
expect "init n'écrase pas" 2 "existe déjà" -- "$ctg" init "$dir" --epci 240500439 --caf X --debut 2026-01-01 --fin 2029-12-31
[ "$before" = "$(md5sum "$dir/ctg.yaml")" ] && ok "fichier intact" || ko "fichier modifié"
expect "init EPCI inconnu" 2 "aucun EPCI" -- "$ctg" init "$tmp/x" --epci 999999999 --caf X --debut 2026-01-01 --fin 2029-12-31
[ ! -e "$tmp/x" ] && ok "rien d'écrit" || ko "dossier créé"
expect "init commune hors EPCI" 2 "n'est pas membre" -- "$ctg" init "$tmp/y" --epci 240500439 --communes 05023,04070 \
  --caf X --debut 2026-01-01 --fin 2029-12-31

# With the seed as model: its articles, the names replaced.
expect "init --modele" 0 "" -- "$ctg" init "$tmp/modele" --epci 240500439 --communes 05023,05133 \
  --caf "Caf des Hautes-Alpes" --debut 2026-01-01 --fin 2029-12-31 --modele "$root/examples/provence-alpes-agglomeration"
grep -q "Provence Alpes Agglomération" "$tmp/modele/ctg.yaml" && ko "nom du modèle resté" \
  || ok "noms du modèle remplacés"
expect "init --modele : validate, seule erreur le RPE de Briançon" 1 "1 erreur" -- "$ctg" validate "$tmp/modele"

# The format reference in Markdown is generated, committed and up to date.
if "$ctg" schema --markdown | diff -q - "$root/docs/format.md" >/dev/null; then ok "docs/format.md à jour"
else ko "docs/format.md n'est pas à jour : ctg schema --markdown > docs/format.md"; fi
if command -v cmark-gfm >/dev/null; then
  tables=$(cmark-gfm -e table "$root/docs/format.md" | grep -c "<table>")
  [ "$tables" -ge 20 ] && ok "docs/format.md : $tables tableaux" || ko "tableaux : $tables"
fi
finish
