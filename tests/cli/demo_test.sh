#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# make demo (issue 22): it installs only what the demo needs (not chromium,
# pandoc, lintian, hyperfine nor the test tools, which make check installs),
# builds only the program, writes the convention in Markdown, HTML and PDF
# when chromium is there (says how to get it otherwise), and ends with the
# paths of what it wrote and where the program is.
set -u
ctg=$(realpath "$1")
root=$(realpath "$2")
. "$(dirname "$0")/lib.sh"  # $tmp, fail, ok, ko, NO_COLOR, finish
cd "$root" || exit 2

demo=$(make -s --no-print-directory print-demo-packages)
for p in chromium pandoc lintian hyperfine doctest-dev poppler-utils python3-docx tidy cmark-gfm; do
  grep -qw -- "$p" <<<"$demo" && ko "make demo installe $p"
done
for p in g++ cmake libcli11-dev libyaml-cpp-dev libfmt-dev; do
  grep -qw -- "$p" <<<"$demo" || ko "make demo n'installe pas $p"
done
check=$(make -s --no-print-directory -pn check 2>/dev/null | grep '^PACKAGES :=')
for p in chromium pandoc lintian hyperfine doctest-dev; do
  grep -qw -- "$p" <<<"$check" || ko "make check n'installe plus $p"
done
[ $fail = 0 ] && ok "paquets de make demo : $demo"

# The recipe of make demo, without running it (make -n): only the program, no tests.
plan=$(make -n --no-print-directory demo BUILD="$tmp/build" 2>&1)
grep -q -- "-DBUILD_TESTING=OFF" <<<"$plan" && grep -q -- "--target ctg" <<<"$plan" &&
  ok "make demo ne construit que le programme (BUILD_TESTING=OFF, --target ctg)" || { ko "make demo construit les tests"; echo "$plan"; }
deps=$(grep 'dpkg-query' <<<"$plan")
grep -q -- "--no-install-recommends" <<<"$plan" && ! grep -qw -e chromium -e pandoc -e lintian <<<"$deps" &&
  ok "make demo : apt-get install --no-install-recommends des seuls paquets du programme" ||
  { ko "make demo : installation"; echo "$deps"; }

# With chromium: three files, their paths at the end.
out=$(make -s --no-print-directory demo-run CTG="$ctg" OUT="$tmp" 2>&1)
rc=$?
[ $rc = 0 ] || { ko "make demo-run : code $rc"; echo "$out" | tail -20; }
for f in convention.md convention.html convention.pdf; do
  [ -s "$tmp/$f" ] || ko "$f non écrit"
  grep -qxF "  $tmp/$f" <<<"$out" || ko "chemin de $f non affiché à la fin"
done
[ "$(head -c 5 "$tmp/convention.pdf" 2>/dev/null)" = "%PDF-" ] || ko "convention.pdf n'est pas un PDF"
grep -q "Le programme est $ctg" <<<"$out" && grep -q "make deb" <<<"$out" ||
  ko "make demo ne dit pas où est le programme"
[ $fail = 0 ] && ok "make demo-run avec chromium : $(sed -n '/^Fichiers écrits/,$p' <<<"$out" | tr '\n' ' ')"

# Without chromium: no PDF, and how to get it.
rm -f "$tmp"/convention.*
out=$(make -s --no-print-directory demo-run CTG="$ctg" OUT="$tmp" CHROMIUM=chromium-absent-du-test 2>&1)
[ -s "$tmp/convention.html" ] && [ ! -e "$tmp/convention.pdf" ] || ko "sans chromium : fichiers $(ls "$tmp")"
grep -q "PDF non écrit : chromium n'est pas installé" <<<"$out" && grep -q "sudo apt install chromium" <<<"$out" &&
  grep -q -- "-f pdf -o $tmp/convention.pdf" <<<"$out" && ok "make demo-run sans chromium : dit comment avoir le PDF" ||
  { ko "sans chromium"; echo "$out" | tail -8; }
exit $fail
