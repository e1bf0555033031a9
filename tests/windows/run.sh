#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# ctg.exe under Wine (issue 23): the command-line goldens of Linux, unchanged
# and byte for byte (ctg.exe writes « \n » as Linux does: no line-ending
# difference), then what only Windows has: a path « C:\…\CTG Grand Dole\ »
# with an accent and spaces, drive letters, the French errors when Edge,
# pandoc or git are absent, the import table without foreign DLL.
#   tests/windows/run.sh [BUILD_DIR]        (default: build-windows; make windows first)
# WINEPREFIX: Wine's folder (default ~/.wine, created on the first run).
set -u
cd "$(dirname "$0")/../.."
root=$PWD
build=${1:-build-windows}
case $build in /*) ;; *) build=$root/$build ;; esac
ctg=$root/tests/windows/ctg-wine
export WINEDEBUG=-all NO_COLOR=1
# The exe of the zip, unzipped as a user would: it finds its referentiel beside itself.
zip_file=$(ls "$build"/ctg-*-windows-x64.zip 2>/dev/null | head -1)
[ -f "$zip_file" ] || { echo "ÉCHEC : zip introuvable dans $build (make windows)"; exit 2; }
unzipped=$build/zip-test
rm -rf "$unzipped" && mkdir -p "$unzipped" && (cd "$unzipped" && unzip -q "$zip_file") || { echo "ÉCHEC dézippage"; exit 2; }
export CTG_EXE=$(ls "$unzipped"/*/ctg.exe)
command -v "${WINE:-wine}" >/dev/null || { echo "ÉCHEC : wine introuvable (Debian : apt install wine wine64)"; exit 2; }
fail=0
example=examples/provence-alpes-agglomeration
check() {  # check NAME EXPECTED_CODE ACTUAL_CODE
  if [ "$3" = "$2" ]; then echo "ok $1"; else echo "ÉCHEC $1 : code $3, attendu $2"; fail=1; fi
}
t0=$(date +%s)
stage() { echo "== $1 ($(( $(date +%s) - t0 )) s)"; }

stage "préfixe Wine"
"${WINE:-wine}" wineboot --init >/dev/null 2>&1
drive_c=$(winepath -u 'C:\' 2>/dev/null)
[ -d "$drive_c" ] || { echo "ÉCHEC : lecteur C: de Wine introuvable"; exit 2; }

stage "contenu du zip"
for f in ctg.exe referentiel/index.tsv ctg.schema.json examples/provence-alpes-agglomeration/ctg.yaml LISEZMOI.html guide.html \
         licences/PROVENANCE-yaml-cpp.txt licences/PROVENANCE-pugixml.txt licences/PROVENANCE-libzip.txt \
         licences/PROVENANCE-libxlsxwriter.txt; do
  [ -e "$(dirname "$CTG_EXE")/$f" ] && echo "ok zip : $f" || { echo "ÉCHEC zip : $f absent"; fail=1; }
done
grep -q "Sous Windows" "$(dirname "$CTG_EXE")/LISEZMOI.html" && echo "ok LISEZMOI.html : section « Sous Windows »" ||
  { echo "ÉCHEC LISEZMOI.html sans « Sous Windows »"; fail=1; }

stage "bibliothèques importées"
dlls=$(x86_64-w64-mingw32-objdump -p "$CTG_EXE" | sed -n 's/^\s*DLL Name: //p' | tr 'A-Z' 'a-z' | sort -u | tr '\n' ' ')
if grep -qiE 'libstdc|libgcc|libwinpthread|yaml|fmt|zip|pugi|xlsx|zlib|libz|crypto|ssl' <<<"$dlls"; then echo "ÉCHEC DLL non système : $dlls"; fail=1
else echo "ok DLL de Windows seulement : $dlls"; fi

stage "sorties de référence (tests/golden/*.cmd)"
bash tests/cli/run_golden.sh "$ctg" "$root" || fail=1

stage "diff et avenant (tests/golden/diff)"
CTG_TEST_SANS_GIT=1 bash tests/cli/diff_test.sh "$ctg" "$root" || fail=1

stage "referentiel et init"
bash tests/cli/init_test.sh "$ctg" "$root" || fail=1

stage "empreintes, ctg retours et -f xlsx (bibliothèques des paquets source Debian)"
# SHA-256 and SHA-1 of BCrypt equal those of Linux (the digest a Word file records).
sample=$example/ctg.yaml
got=$("${WINE:-wine}" "$build/tests/windows/digest_check.exe" "$(winepath -w "$root/$sample" 2>/dev/null)" 2>&1 | tr -d '\r')
want="$(sha256sum "$sample" | cut -d' ' -f1) $(sha1sum "$sample" | cut -d' ' -f1)"
[ "$got" = "$want" ] && echo "ok empreintes BCrypt = sha256sum, sha1sum" || { echo "ÉCHEC empreintes : $got, attendu $want"; fail=1; }
# libzip and pugixml: a file that is not a docx, then a docx that is not a return.
retours_dir=$(mktemp -d)
printf 'pas un zip' >"$retours_dir/faux.docx"
out=$("$ctg" retours "$example" "$retours_dir/faux.docx" 2>&1); rc=$?
if [ $rc = 2 ] && grep -q "faux.docx" <<<"$out"; then echo "ok retours : fichier qui n'est pas un docx refusé"
else echo "ÉCHEC retours faux.docx : code $rc : $out"; fail=1; fi
# An XML part that pugixml refuses (an external entity, never resolved), before anything needs pandoc.
(cd "$retours_dir" && mkdir -p word && printf '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>' >word/document.xml &&
  printf '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' >'[Content_Types].xml' &&
  zip -qX entite.docx '[Content_Types].xml' word/document.xml)
out=$("$ctg" retours "$example" "$retours_dir/entite.docx" 2>&1); rc=$?
if [ $rc = 2 ] && grep -q "entite.docx" <<<"$out" && ! grep -q "pandoc" <<<"$out"; then echo "ok retours : entité externe refusée par pugixml ($(head -c 140 <<<"$out")…)"
else echo "ÉCHEC retours entite.docx : code $rc : $out"; fail=1; fi
# libxlsxwriter: the coverage workbook, read back by openpyxl, equals Linux's.
linux_ctg=${CTG_LINUX:-$root/build/cmd/ctg}
"$ctg" coverage "$example" -f xlsx -o "$(winepath -w "$retours_dir" 2>/dev/null)\\couverture.xlsx" >/dev/null 2>&1
check "coverage -f xlsx" 0 $?
if [ -x "$linux_ctg" ]; then
  "$linux_ctg" coverage "$example" -f xlsx -o "$retours_dir/linux.xlsx" >/dev/null 2>&1
  if "${CTG_PYTHON:-/usr/bin/python3}" - "$retours_dir/couverture.xlsx" "$retours_dir/linux.xlsx" <<'PY'
import sys, openpyxl
def cells(path):
    wb = openpyxl.load_workbook(path)
    return [(ws.title, [[c.value for c in row] for row in ws.iter_rows()]) for ws in wb.worksheets]
a, b = cells(sys.argv[1]), cells(sys.argv[2])
sys.exit(0 if a == b and a else 1)
PY
  then echo "ok classeur Excel de ctg.exe = celui de Linux (feuilles et valeurs, openpyxl)"
  else echo "ÉCHEC classeur Excel de ctg.exe différent de celui de Linux"; fail=1; fi
else echo "ÉCHEC $linux_ctg absent : le classeur de ctg.exe n'est pas comparé"; fail=1; fi
rm -rf "$retours_dir"

stage "chemins Windows"
# « C:\users\Amélie\Documents\CTG Grand Dole\ », as Windows writes it.
unix_dir="$drive_c/users/Amélie/Documents/CTG Grand Dole"
win_dir='C:\users\Amélie\Documents\CTG Grand Dole'
rm -rf "$drive_c/users/Amélie"
mkdir -p "$unix_dir"
cp -r examples/provence-alpes-agglomeration/. "$unix_dir/"
# The golden report, the folder's name written back to the example's.
out=$("$ctg" validate "$win_dir\\ctg.yaml" 2>&1); rc=$?
shown=$(printf '%s\n' "$out" | sed "s|C:\\\\users\\\\Amélie\\\\Documents\\\\CTG Grand Dole\\\\|$example/|g; s|C:/users/Amélie/Documents/CTG Grand Dole/|$example/|g")
if diff -u <(sed '$d' tests/golden/validate-paa.out) <(printf '%s\n' "$shown") >/dev/null; then check "validate C:\\…\\CTG Grand Dole\\ctg.yaml" 0 $rc
else diff -u <(sed '$d' tests/golden/validate-paa.out) <(printf '%s\n' "$shown") | head -20; echo "ÉCHEC validate chemin accentué"; fail=1; fi
"$ctg" validate "$win_dir" >/dev/null 2>&1; check "validate d'un dossier « CTG Grand Dole »" 0 $?
"$ctg" validate 'C:/users/Amélie/Documents/CTG Grand Dole' >/dev/null 2>&1; check "validate avec des « / »" 0 $?
"$ctg" diff "$win_dir" "$win_dir\\ctg.yaml" >/dev/null 2>&1; check "diff de deux chemins C:\\… (pas une révision git)" 0 $?
"$ctg" validate "$win_dir\\absent.yaml" >/dev/null 2>&1; check "fichier absent : code 2" 2 $?
# -o written, then replaced in one step, with the same bytes as on stdout.
"$ctg" render "$win_dir" -f html -o "$win_dir\\convention à signer.html" >/dev/null 2>&1; check "render -o fichier accentué" 0 $?
"$ctg" render "$win_dir" -f html -o "$win_dir\\convention à signer.html" >/dev/null 2>&1; check "render -o remplace le fichier" 0 $?
if cmp -s "$unix_dir/convention à signer.html" <("$ctg" render "$example" -f html 2>/dev/null); then echo "ok fichier écrit = sortie standard"
else echo "ÉCHEC contenu du fichier écrit"; fail=1; fi
ls -A "$unix_dir" | grep -q '\.tmp$' && { echo "ÉCHEC fichier temporaire resté"; fail=1; } || echo "ok aucun fichier temporaire resté"
"$ctg" render "$example" -o "$win_dir" >/dev/null 2>&1; check "-o vers un dossier refusé" 2 $?
# -o naming one of the files read (issue 20), through another spelling of its path: refused, the CTG intact.
cp "$unix_dir/ctg.yaml" "$unix_dir/ctg.yaml.avant"
out=$("$ctg" render "$win_dir" -f md -o 'C:/users/Amélie/Documents/CTG Grand Dole/CTG.YAML' 2>&1); rc=$?
if [ $rc = 2 ] && grep -q "fichiers lus" <<<"$out" && cmp -s "$unix_dir/ctg.yaml" "$unix_dir/ctg.yaml.avant"; then
  echo "ok -o sur la CTG lue (autre graphie du chemin) : refusé, CTG intacte"
else echo "ÉCHEC -o sur la CTG lue : code $rc : $out"; fail=1; fi
rm -f "$unix_dir/ctg.yaml.avant"
# Programs absent from this Wine: the French error of Linux, with where to get them; nothing written.
out=$("$ctg" render "$example" -f pdf -o "$win_dir\\convention.pdf" 2>&1); rc=$?
check "PDF sans Edge ni Chrome : code 2" 2 $rc
grep -q "ni Microsoft Edge ni Google Chrome" <<<"$out" && grep -q "microsoft.com/edge" <<<"$out" &&
  [ ! -e "$unix_dir/convention.pdf" ] && echo "ok message Edge/Chrome, rien d'écrit" || { echo "ÉCHEC message PDF : $out"; fail=1; }
out=$("$ctg" render "$example" -f docx -o "$win_dir\\convention.docx" 2>&1); rc=$?
check "Word sans pandoc : code 2" 2 $rc
grep -q "« pandoc » est introuvable" <<<"$out" && grep -q "pandoc.org" <<<"$out" && [ ! -e "$unix_dir/convention.docx" ] &&
  echo "ok message pandoc, rien d'écrit" || { echo "ÉCHEC message pandoc : $out"; fail=1; }
out=$("$ctg" diff --git HEAD "$win_dir" 2>&1); rc=$?
check "diff --git sans git : code 2" 2 $rc
grep -q "Git pour Windows" <<<"$out" && echo "ok message git" || { echo "ÉCHEC message git : $out"; fail=1; }
rm -rf "$drive_c/users/Amélie"

stage "fin"
[ $fail = 0 ] && echo "ctg.exe sous Wine : tout est conforme" || echo "ctg.exe sous Wine : ÉCHEC"
exit $fail
