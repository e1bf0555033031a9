#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# The zip of ctg for Windows (issue 23), after the cross build (make windows):
#   tools/windows/package.sh [BUILD_DIR]     (default: build-windows)
# writes BUILD_DIR/ctg-VERSION-windows-x64.zip, one folder with:
#   ctg.exe                 the program (static: no DLL beside it)
#   referentiel/            the official geography, found beside ctg.exe
#   ctg.schema.json         the JSON Schema of CTG files
#   examples/               the examples (with their own copy of the schema)
#   LISEZMOI.html, guide.html, format.html   README and docs, converted by pandoc
#   licences/               where the libraries come from (Debian packages) and
#                           their licences (debian/copyright of each, linked statically)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
build=${1:-build-windows}
case $build in /*) ;; *) build=$root/$build ;; esac
die() { echo "package : erreur : $*" >&2; exit 2; }
exe=$build/cmd/ctg.exe
[ -f "$exe" ] || die "$exe introuvable : lancez d'abord make windows"
command -v pandoc >/dev/null || die "pandoc introuvable (Debian : apt install pandoc)"
command -v zip >/dev/null || die "zip introuvable (Debian : apt install zip)"
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
[ -n "$version" ] || die "version introuvable dans $build/CMakeCache.txt"

# No DLL but Windows' own (checked on the import table).
dlls=$(x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^\s*DLL Name: //p' | tr 'A-Z' 'a-z' | sort -u)
for dll in $dlls; do
  case $dll in
    kernel32.dll|user32.dll|shell32.dll|advapi32.dll|msvcrt.dll|ws2_32.dll|ole32.dll|bcrypt.dll|api-ms-win-*) ;;
    *) die "ctg.exe dépend de $dll, qui n'est pas une bibliothèque de Windows" ;;
  esac
done

name=ctg-$version-windows-x64
stage=$build/zip/$name
rm -rf "$build/zip"
mkdir -p "$stage/licences"
cp "$exe" "$stage/ctg.exe"
x86_64-w64-mingw32-strip "$stage/ctg.exe"
mkdir -p "$stage/referentiel"
cp data/referentiel/*.tsv data/referentiel/PROVENANCE.md "$stage/referentiel/"
cp examples/ctg.schema.json "$stage/"
cp -r examples "$stage/examples"
html() {  # html SOURCE.md OUTPUT.html TITLE
  pandoc --standalone --from=gfm --to=html5 --metadata=lang:fr-FR --metadata=title:"$3" "$1" -o "$2"
}
html README.md "$stage/LISEZMOI.html" "ctg — conventions territoriales globales"
html docs/guide.md "$stage/guide.html" "ctg — guide"
html docs/format.md "$stage/format.html" "ctg — le format des fichiers CTG"
cp packaging/copyright "$stage/licences/copyright.txt"
cp "$build"/deps/PROVENANCE-*.txt "$build"/deps/copyright-*.txt "$stage/licences/"
zip_file=$build/$name.zip
rm -f "$zip_file"
# The same files give the same zip: dates are those of the last commit.
stamp=$(git log -1 --format=%cI 2>/dev/null || echo 2026-01-01T00:00:00Z)
(cd "$build/zip" && find "$name" -exec touch -d "$stamp" {} + && LC_ALL=C.UTF-8 zip -qrX "$zip_file" "$name")
echo "package : $zip_file ($(du -k "$zip_file" | cut -f1) Ko ; DLL importées : $(echo $dlls))"
