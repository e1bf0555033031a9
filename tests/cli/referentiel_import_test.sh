#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# ctg referentiel --importer (issue 22): the Insee's file of populations
# légales (donnees_communes.csv) added as a millésime of the user's
# referential, then used by ctg referentiel, ctg init and ctg validate. The
# fixture tests/data/insee/donnees_communes-fictif.csv has the Insee's layout
# (BOM, CRLF, figures grouped by spaces, a DOM and a Corse line) and INVENTED
# figures (« fictif »): never official ones.
set -u
ctg=$1
root=$2
. "$(dirname "$0")/lib.sh"
expect() { expect_run -F --francais "$@"; }
fixture="$root/tests/data/insee/donnees_communes-fictif.csv"
export CTG_REFERENTIEL_UTILISATEUR="$tmp/utilisateur"
export HOME="$tmp/home"
nb=$(printf '\xe2\x80\xaf')  # the narrow no-break space of French figures

# Bad files: a French error with line:column, exit 2, nothing written.
bad() {  # bad NAME MESSAGE CONTENT
  printf '%s' "$3" >"$tmp/bad.csv"
  expect "$1" 2 "$2" -- "$ctg" referentiel --importer "$tmp/bad.csv" --millesime 2023
  [ -e "$CTG_REFERENTIEL_UTILISATEUR" ] && ko "$1 : le dossier de l'utilisateur a été écrit"
}
h='REG;Région;DEP;CODARR;CODCAN;CODCOM;Commune;PMUN;PCAP;PTOT'
bad "en-tête faux" "ctg referentiel : erreur : $tmp/bad.csv:1:1 : en-tête inattendu, colonnes CODCOM et PTOT absentes ; le fichier attendu est celui des populations légales des communes publié par l'Insee (donnees_communes.csv, en-tête « $h »)" \
  $'REG;Région;DEP;CODARR;CODCAN;COM;Commune;PMUN;PCAP;TOTAL\n93;P;04;041;0405;070;Digne;1;2;3\n'
bad "nombre de colonnes" "$tmp/bad.csv:3:1 : 9 colonnes au lieu des 10 de l'en-tête (séparateur « ; ») ; corrigez la ligne ou reprenez le fichier de l'Insee" \
  "$h"$'\n93;P;04;041;0405;070;Digne;17979;452;18431\n93;P;04;041;0405;116;Les Mées;4100;88\n'
bad "chiffre non numérique" "$tmp/bad.csv:2:34 : PCAP « 4x2 » n'est pas un nombre entier d'habitants (commune 04070) ; corrigez le chiffre ou reprenez le fichier de l'Insee" \
  "$h"$'\n93;P;04;041;0405;070;Digne;17979;4x2;18431\n'
bad "PTOT différent de PMUN + PCAP" "$tmp/bad.csv:2:48 : PTOT 18${nb}432 n'est pas PMUN 17${nb}979 + PCAP 452 (= 18${nb}431) pour la commune 04070 ; la population totale est la somme des deux : corrigez le chiffre ou reprenez le fichier de l'Insee" \
  "$h"$'\n93;P;04;041;0405;070;Digne-les-Bains;17979;452;18432\n'
bad "code de commune impossible" "$tmp/bad.csv:2:6 : code de commune impossible (DEP « 4A », CODCOM « 070 ») ; attendu par exemple DEP 04 et CODCOM 070, DEP 2A et CODCOM 004, DEP 971 et CODCOM 01" \
  "$h"$'\n93;P;4A;041;0405;070;Digne;17979;452;18431\n'
bad "commune en double" "$tmp/bad.csv:3:1 : commune 04070 déjà donnée ligne 2 ; gardez une seule ligne par commune" \
  "$h"$'\n93;P;04;041;0405;070;Digne;17979;452;18431\n93;P;04;041;0405;70;Digne;17979;452;18431\n'
bad "aucune commune connue" "$tmp/bad.csv : aucune des 1 communes du fichier n'est dans le millésime 2023 du référentiel installé ; est-ce bien le fichier des populations légales 2023 (https://www.insee.fr/fr/statistiques/8680726) ?" \
  "$h"$'\n93;P;04;041;0405;999;Nulle part;10;0;10\n'
bad "fichier vide" "$tmp/bad.csv:1:1 : aucune commune dans le fichier" ""
expect "millésime absent du référentiel installé" 2 "le millésime 2019 n'est pas dans le référentiel installé" \
  -- "$ctg" referentiel --importer "$fixture" --millesime 2019
expect "--importer sans --millesime" 2 "--importer FICHIER demande --millesime M" \
  -- "$ctg" referentiel --importer "$fixture"
expect "fichier absent" 2 "$tmp/absent.csv" -- "$ctg" referentiel --importer "$tmp/absent.csv" --millesime 2023
[ -e "$CTG_REFERENTIEL_UTILISATEUR" ] && ko "erreurs : le dossier de l'utilisateur a été écrit"
touch "$tmp/un-fichier"
expect "dossier de l'utilisateur impossible" 2 "impossible de créer le dossier $tmp/un-fichier/ref (" \
  -- env CTG_REFERENTIEL_UTILISATEUR="$tmp/un-fichier/ref" "$ctg" referentiel --importer "$fixture" --millesime 2023

# Before the import, 2023 has only the municipal population.
expect "avant l'import : pas de totale 2023" 0 "population municipale 17${nb}979 (population totale absente" \
  -- "$ctg" referentiel 04070 --millesime 2023

expect "import" 0 "millésime 2023 importé de $fixture dans $CTG_REFERENTIEL_UTILISATEUR : 13 communes avec les populations municipale, comptée à part et totale de l'Insee" \
  -- "$ctg" referentiel --importer "$fixture" --millesime 2023
sha=$(sha256sum "$fixture" | cut -d' ' -f1)
grep -qF "| 2023 | 2026-01-01 | donnees_communes-fictif.csv | \`$sha\` | $(date -u +%F) | https://www.insee.fr/fr/statistiques/8680726 |" \
  "$CTG_REFERENTIEL_UTILISATEUR/PROVENANCE.md" && ok "PROVENANCE.md : fichier, sha256, date, page" || ko "PROVENANCE.md"
ls "$CTG_REFERENTIEL_UTILISATEUR" | grep -q '\.import$' && ko "fichier temporaire laissé"

expect "referentiel : totale importée, source dite" 0 "millésime 2023 (en vigueur au 1er janvier 2026) : population totale 18${nb}431, municipale 17${nb}979 (source : Insee, populations légales 2023, importées le $(date -u +%F))" \
  -- "$ctg" referentiel 04070
expect "referentiel : municipale du fichier" 0 "population totale 4${nb}188, municipale 4${nb}100" -- "$ctg" referentiel 04116 --millesime 2023
expect "referentiel : DOM (971 + 01)" 0 "population totale 51${nb}757, municipale 51${nb}055" -- "$ctg" referentiel 97101 --millesime 2023
expect "referentiel : Corse (2A + 004)" 0 "population totale 77${nb}424, municipale 76${nb}320" -- "$ctg" referentiel 2A004 --millesime 2023
expect "referentiel : commune absente du fichier, chiffres installés" 0 "population municipale 1${nb}472 (population totale absente" \
  -- "$ctg" referentiel 04039 --millesime 2023
expect "referentiel : 2022 inchangé" 0 "population totale 18${nb}547, municipale 17${nb}694" -- "$ctg" referentiel 04070 --millesime 2022

expect "init : note de la source importée" 0 "populations totales du millésime 2023 : Insee, populations légales 2023, importées le" \
  -- "$ctg" init "$tmp/paa" --epci 200067437 --caf "Caf" --debut 2026-01-01 --fin 2029-12-31
grep -qF 'population: { valeur: 18431, nature: totale, millesime: 2023, source: "Insee, populations légales 2023, importées le' \
  "$tmp/paa/ctg.yaml" && ok "init : totale importée de Digne-les-Bains" || ko "init : totale importée absente"
out=$("$ctg" validate "$tmp/paa" 2>&1)
if grep -F "REF-7" <<<"$out" | grep -qE "n'a que les populations municipales du millésime 2023|ne fait plus foi depuis le 1er janvier 2026"; then
  ko "validate : REF-7 sur les totales 2023"; grep -F REF-7 <<<"$out" | head -3
else ok "validate : pas de REF-7 sur les totales 2023"; fi
# Without the EPCI's total (members missing from the file), the diagnostic still has a list of indicators.
grep -qF "erreur[TYPE]" <<<"$out" && ko "validate : le diagnostic de init mal formé" || ok "validate : diagnostic de init bien formé"
# A figure that differs from the imported one is caught (the lookup is shared).
sed -i 's/valeur: 18431, nature: totale, millesime: 2023/valeur: 18000, nature: totale, millesime: 2023/' "$tmp/paa/ctg.yaml"
expect "validate : REF-4 compare à la totale importée" 1 "Digne-les-Bains : population totale 18${nb}000 ; le référentiel donne 18${nb}431 (population totale, millésime 2023)" -- "$ctg" validate "$tmp/paa"

# Unknown codes beside known ones: warnings, not fatal.
{ cat "$fixture"; printf '93;P;04;041;0405;999;Nulle part;10;0;10\r\n'; } >"$tmp/avec-inconnue.csv"
expect "commune inconnue : avertissement" 0 "ctg referentiel : avertissement : $tmp/avec-inconnue.csv:15:1 : commune 04999 absente du millésime 2023 du référentiel installé : ignorée" \
  -- "$ctg" referentiel --importer "$tmp/avec-inconnue.csv" --millesime 2023
grep -q "avec-inconnue.csv" "$CTG_REFERENTIEL_UTILISATEUR/index.tsv" && ok "réimport : index mis à jour" || ko "réimport : index"
[ "$(grep -c '^2023' "$CTG_REFERENTIEL_UTILISATEUR/index.tsv")" = 1 ] && ok "réimport : une ligne par millésime" || ko "réimport : lignes en double"

# The user's communes file gone: said, with what to do.
mv "$CTG_REFERENTIEL_UTILISATEUR/communes-2023.tsv" "$tmp/cache.tsv"
expect "fichier importé disparu" 2 "les données du millésime 2023 importées de l'Insee sont illisibles ($CTG_REFERENTIEL_UTILISATEUR/communes-2023.tsv : " \
  -- "$ctg" referentiel 04070
mv "$tmp/cache.tsv" "$CTG_REFERENTIEL_UTILISATEUR/communes-2023.tsv"

# tools/referentiel/update --insee: the same check, into a copy of data/referentiel.
ctg=$(cd "$(dirname "$ctg")" && pwd)/$(basename "$ctg")
mkdir -p "$tmp/depot/data" && cp -r "$root/data/referentiel" "$tmp/depot/data/"
( cd "$tmp/depot" && printf 'REG;Région;DEP\n' >mauvais.csv &&
  CTG="$ctg" python3 "$root/tools/referentiel/update" --insee mauvais.csv 2023 >"$tmp/update.out" 2>&1 )
[ $? = 2 ] && grep -qF "mauvais.csv:1:1 : en-tête inattendu" "$tmp/update.out" &&
  cmp -s "$root/data/referentiel/index.tsv" "$tmp/depot/data/referentiel/index.tsv" &&
  ok "update --insee : fichier faux refusé, rien d'écrit" || { ko "update --insee : fichier faux"; cat "$tmp/update.out"; }
for i in 1 2; do
  ( cd "$tmp/depot" && CTG="$ctg" python3 "$root/tools/referentiel/update" --insee "$fixture" 2023 >"$tmp/update.out" 2>&1 ) ||
    { ko "update --insee"; cat "$tmp/update.out"; }
done
d="$tmp/depot/data/referentiel"
grep -qP '^2023\t2026\toui\tnon\t.*; totale et municipale : Insee donnees_communes-fictif.csv \(sha256 '"$sha"'\)$' "$d/index.tsv" &&
  [ "$(grep -c "^| 2023 | 2026-01-01 | donnees_communes-fictif.csv | \`$sha\`" "$d/PROVENANCE.md")" = 1 ] &&
  ! grep -q "absente" <(grep -A4 '^- \*\*2023' "$d/PROVENANCE.md") &&
  ok "update --insee : index.tsv et PROVENANCE.md (une ligne même lancé deux fois)" || ko "update --insee : index ou provenance"
expect "update --insee : le référentiel livré a la totale 2023" 0 "millésime 2023 (en vigueur au 1er janvier 2026) : population totale 18${nb}431, municipale 17${nb}979" \
  -- env CTG_REFERENTIEL="$d" CTG_REFERENTIEL_UTILISATEUR="$tmp/aucun" "$ctg" referentiel 04070 --millesime 2023
finish
