#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# cmake --install as a packager runs it (a prefix, DESTDIR), then the
# installed tree as users and programmers meet it: ctg from another folder on
# the installed example, man pages found by man, the completion found by
# bash-completion's loader, and a tiny consumer project built against the
# installed library with find_package(ctg CONFIG) → ctg::core.
set -u
build=$(realpath "$1")
root=$(realpath "$2")
. "$(dirname "$0")/lib.sh"

prefix=/opt/ctg
dest=$tmp/dest
if ! out=$(DESTDIR=$dest cmake --install "$build" --prefix "$prefix" 2>&1); then
  echo "$out" | tail -20; ko "cmake --install"; exit 1
fi
inst=$dest$prefix
ok "cmake --install avec DESTDIR et --prefix ($(find "$dest" -type f | wc -l) fichiers)"

# Where each file goes (GNUInstallDirs; the library in lib/<triplet> on a
# multiarch system, lib/ elsewhere).
triplet=$(gcc -print-multiarch 2>/dev/null)
libdir=lib${triplet:+/$triplet}
for f in bin/ctg share/man/man1/ctg.1.gz share/man/man5/ctg-format.5.gz \
         share/bash-completion/completions/ctg share/ctg/ctg.schema.json \
         share/ctg/examples/provence-alpes-agglomeration/ctg.yaml share/ctg/examples/ctg.schema.json \
         share/doc/ctg/copyright share/doc/ctg/changelog.Debian.gz \
         share/doc/ctg/docs/guide.md share/doc/ctg/docs/format.md \
         include/ctg/format/loader.hpp "$libdir/cmake/ctg/ctgConfig.cmake" "$libdir/cmake/ctg/ctgConfigVersion.cmake"; do
  [ -e "$inst/$f" ] || ko "fichier installé absent : $f"
done
[ -f "$inst/$libdir/libctgcore.a" ] || ko "bibliothèque $libdir/libctgcore.a absente : $(find "$inst/lib" -name 'libctgcore.a')"
for page in "$root"/man/*.[1-9]; do
  name=$(basename "$page")
  [ -e "$inst/share/man/man${name##*.}/$name.gz" ] || ko "page de manuel non installée : $name"
done
if [ -d "$root/data/referentiel" ]; then
  # Where the installed binary looks for it: ../share/ctg/referentiel beside bin/ctg.
  [ -f "$inst/share/ctg/referentiel/index.tsv" ] || ko "référentiel non installé (share/ctg/referentiel/index.tsv)"
fi
cmp -s "$inst/share/ctg/ctg.schema.json" <("$inst/bin/ctg" schema) || ko "schéma installé différent de ctg schema"
cmp -s "$inst/share/bash-completion/completions/ctg" <("$inst/bin/ctg" completion bash) ||
  ko "complétion installée différente de ctg completion bash"
[ $fail = 0 ] && ok "arborescence installée"

# The installed binary, from another folder.
mkdir -p "$tmp/ailleurs" && cd "$tmp/ailleurs" || exit 2
v=$("$inst/bin/ctg" --version)
[[ $v == "ctg "[0-9]*.[0-9]*.[0-9]*$'\n'"format des fichiers CTG : ctg/1" ]] && ok "ctg --version : $(echo $v)" ||
  ko "ctg --version : $v"
out=$("$inst/bin/ctg" validate "$inst/share/ctg/examples/provence-alpes-agglomeration" 2>&1)
rc=$?
[ $rc = 0 ] && grep -q "aucune erreur" <<<"$out" && ok "ctg validate de l'exemple installé, depuis un autre dossier" ||
  { ko "ctg validate de l'exemple installé : code $rc"; echo "$out" | tail -5; }
"$inst/bin/ctg" validate "$inst/share/ctg/examples/commune-seule/ctg.yaml" >/dev/null || ko "validate commune-seule installée"
if "$inst/bin/ctg" --help | grep -q '^ *referentiel '; then
  out=$("$inst/bin/ctg" referentiel 04070 2>&1) && grep -q "Digne-les-Bains" <<<"$out" &&
    ok "ctg referentiel installé, depuis un autre dossier" || { ko "ctg referentiel installé"; echo "$out" | head -5; }
fi
# The examples' modeline points to the installed schema.
modeline=$(head -1 "$inst/share/ctg/examples/commune-seule/ctg.yaml")
target=$(realpath "$inst/share/ctg/examples/commune-seule/${modeline#*\$schema=}")
[ "$target" = "$(realpath "$inst/share/ctg/examples/ctg.schema.json")" ] && ok "modeline → schéma installé" ||
  ko "modeline $modeline → $target"

# man finds the installed pages.
if MANPATH=$inst/share/man MANWIDTH=80 man ctg-validate 2>/dev/null | grep -q -- "--stage" &&
   MANPATH=$inst/share/man MANWIDTH=80 man 5 ctg-format 2>/dev/null | grep -q "inclure"; then
  ok "man ctg-validate, man 5 ctg-format (MANPATH installé)"
else ko "man ne trouve pas les pages installées"; fi

# bash-completion's own loader finds the installed completion.
if [ -f /usr/share/bash-completion/bash_completion ]; then
  spec=$(XDG_DATA_DIRS=$inst/share bash --norc -c \
    'source /usr/share/bash-completion/bash_completion; __load_completion ctg; complete -p ctg' 2>&1)
  [[ $spec == *"-F _ctg ctg"* ]] && ok "bash-completion charge la complétion installée" || ko "chargement : $spec"
else ko "bash-completion absent (paquet bash-completion)"; fi

# A tiny consumer project against the installed library.
mkdir -p "$tmp/consumer"
cat > "$tmp/consumer/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(consumer LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 20)
find_package(ctg 0.1 CONFIG REQUIRED)
add_executable(consumer main.cpp)
target_link_libraries(consumer PRIVATE ctg::core)
CMAKE
cat > "$tmp/consumer/main.cpp" <<'CPP'
#include <ctg/format/format.hpp>
#include <ctg/format/loader.hpp>
#include <cstdio>
int main(int argc, char** argv) {
  if (argc != 2) return 2;
  ctg::LoadResult r = ctg::load_file(argv[1]);
  if (!r.ok()) return 1;
  std::printf("%s %s %zu\n", CTG_VERSION, std::string(ctg::format::version).c_str(), r.ctg->parties.size());
  return 0;
}
CPP
if cmake -S "$tmp/consumer" -B "$tmp/consumer/build" -DCMAKE_PREFIX_PATH="$inst" -DCMAKE_BUILD_TYPE=Release \
     ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER} >"$tmp/cfg.log" 2>&1 &&
   cmake --build "$tmp/consumer/build" >"$tmp/build.log" 2>&1; then
  out=$("$tmp/consumer/build/consumer" "$inst/share/ctg/examples/provence-alpes-agglomeration")
  [[ $out =~ ^[0-9.]+\ ctg/1\ [0-9]+$ ]] && [ "${out##* }" -ge 2 ] &&
    ok "projet consommateur (find_package(ctg CONFIG), ctg::core) : $out" || ko "projet consommateur : « $out »"
else
  ko "projet consommateur ne se construit pas"; tail -n 20 "$tmp/cfg.log" "$tmp/build.log"
fi
finish
