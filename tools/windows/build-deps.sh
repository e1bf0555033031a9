#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# The libraries of ctg.exe (issue 23), built from Debian's SOURCE packages with
# the mingw-w64 toolchain, into build-windows/deps (static libraries and their
# CMake packages): yaml-cpp 0.7.0; pugixml, libzip and libxlsxwriter (ctg
# retours and -f xlsx, issue 24), the last two on zlib from Debian's
# libz-mingw-w64-dev. CLI11 and fmt need no build: their Debian headers are
# used as they are (fmt in header-only mode). The SHA-256 of a source uses
# Windows' own BCrypt (lib/base/digest.cpp), so no OpenSSL is built.
#
#   tools/windows/build-deps.sh [BUILD_DIR]      (default: build-windows)
#
# Sources: `apt-get source --download-only PACKAGE` from the Debian mirror the
# machine already uses (a deb-src entry for it is added when missing), into
# the cache folder $CTG_WINDOWS_CACHE (default: .cache/windows-deps). Nothing
# else is downloaded. Once the .dsc and its tarballs are in the cache, the
# script works offline.
#
# Checks: the version is the one of Debian 12; the SHA-256 of the .dsc is the one of apt's
# signed index (online) or the one recorded at the first download (offline);
# dpkg-source checks the tarballs against the .dsc. Version and hash are
# written to PROVENANCE-PACKAGE.txt (in the cache and in the deps folder,
# shipped in the zip).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
build=${1:-build-windows}
case $build in /*) ;; *) build=$root/$build ;; esac
cache=${CTG_WINDOWS_CACHE:-$root/.cache/windows-deps}
deps=$build/deps
toolchain=$root/cmake/mingw-w64-x86_64.cmake
mkdir -p "$cache" "$deps"

say() { echo "build-deps : $*"; }
die() { echo "build-deps : erreur : $*" >&2; exit 2; }

for tool in x86_64-w64-mingw32-g++-posix cmake dpkg-source sha256sum; do
  command -v "$tool" >/dev/null || die "programme « $tool » introuvable (Debian : apt install g++-mingw-w64-x86-64-posix mingw-w64 cmake dpkg-dev)"
done
[ -f /usr/x86_64-w64-mingw32/lib/libz.a ] ||
  die "zlib pour mingw-w64 introuvable (Debian : apt install libz-mingw-w64-dev)"
mkdir -p "$deps"
cp /usr/share/doc/libz-mingw-w64-dev/copyright "$deps/copyright-zlib.txt"
echo "paquet Debian : libz-mingw-w64-dev $(dpkg-query -W -f='${Version}' libz-mingw-w64-dev)" >"$deps/PROVENANCE-zlib.txt"


# fmt and CLI11: the headers of the Debian packages, as they are.
headers() {
  local pkg dir
  for pair in libfmt-dev:fmt libcli11-dev:CLI; do
    pkg=${pair%%:*}; dir=${pair#*:}
    [ -d /usr/include/$dir ] || die "/usr/include/$dir introuvable (Debian : apt install $pkg)"
    rm -rf "$deps/include/$dir"
    mkdir -p "$deps/include"
    cp -r /usr/include/$dir "$deps/include/$dir"
    echo "$pkg $(dpkg-query -W -f='${Version}' $pkg 2>/dev/null || echo '?') : en-têtes de /usr/include/$dir"
  done > "$deps/PROVENANCE-headers.txt"
}
headers


# The deb-src entry: the same mirror and suites as the machine's deb entries.
add_deb_src() {
  local src=/etc/apt/sources.list.d/ctg-deb-src.sources
  [ -f "$src" ] && return 0
  if grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/; then return 0; fi
  local sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  local entry
  entry=$(python3 - <<'PY'
import glob, re
# The first deb822 stanza (or one-line entry) that serves Debian's "main".
for f in sorted(glob.glob('/etc/apt/sources.list.d/*.sources')):
    for stanza in open(f).read().split('\n\n'):
        fields = dict(re.findall(r'^(\w[\w-]*):\s*(.*)$', stanza, re.M))
        if 'deb' in fields.get('Types', '').split() and 'main' in fields.get('Components', '').split() \
           and 'debian' in fields.get('URIs', '') and 'security' not in fields.get('URIs', ''):
            print(f"Types: deb-src\nURIs: {fields['URIs']}\nSuites: {fields['Suites']}\nComponents: main")
            if 'Signed-By' in fields: print(f"Signed-By: {fields['Signed-By']}")
            raise SystemExit
for f in ['/etc/apt/sources.list'] + sorted(glob.glob('/etc/apt/sources.list.d/*.list')):
    try: lines = open(f).read().splitlines()
    except OSError: continue
    for line in lines:
        m = re.match(r'^deb\s+(\[[^]]*\]\s+)?(\S*debian\S*)\s+(\S+)\s+(.*\bmain\b.*)$', line)
        if m and 'security' not in m.group(2):
            print(f"Types: deb-src\nURIs: {m.group(2)}\nSuites: {m.group(3)}\nComponents: main")
            raise SystemExit
PY
)
  [ -n "$entry" ] || die "aucune entrée Debian « main » dans /etc/apt : impossible d'ajouter une source deb-src"
  say "ajout de $src :"
  echo "$entry" | sed 's/^/    /'
  echo "$entry" | $sudo tee "$src" >/dev/null
  $sudo apt-get update -qq
}

# fetch PACKAGE VERSION_PREFIX: the verified .dsc of Debian's source package
# PACKAGE in the cache (downloaded once, then checked offline); prints its path.
fetch() {
  local pkg=$1 want=$2 provenance=$cache/PROVENANCE-$1.txt dsc uris line name expected actual
  dsc=$(ls "$cache/${pkg}_$want"*.dsc 2>/dev/null | head -1 || true)
  if [ -z "$dsc" ]; then
    command -v apt-get >/dev/null || die "apt-get introuvable et aucune source de $pkg dans $cache"
    add_deb_src >&2
    # The SHA-256 of the .dsc as given by apt's signed index.
    uris=$(cd "$cache" && apt-get source --print-uris -qq "$pkg")
    line=$(echo "$uris" | grep "\.dsc'" | head -1)
    [ -n "$line" ] || die "apt ne connaît pas le paquet source $pkg"
    name=$(echo "$line" | awk '{print $2}')
    expected=$(echo "$line" | grep -o 'SHA256:[0-9a-f]*' | cut -d: -f2)
    case $name in "${pkg}_$want"*) ;; *) die "version inattendue du paquet source : $name (${pkg}_$want attendu)" ;; esac
    (cd "$cache" && apt-get source --download-only -qq "$pkg" >&2)
    dsc=$cache/$name
    [ -f "$dsc" ] || die "$name n'a pas été téléchargé"
    [ -n "$expected" ] || die "pas de somme SHA-256 pour $name dans l'index d'apt"
    actual=$(sha256sum "$dsc" | cut -d' ' -f1)
    [ "$actual" = "$expected" ] || die "$name : SHA-256 $actual, l'index d'apt dit $expected"
    {
      echo "paquet source Debian : $pkg"
      echo "version : $(sed -n 's/^Version: //p' "$dsc")"
      echo "fichier : $name"
      echo "sha256 : $actual"
      echo "origine : $(echo "$line" | awk '{print $1}' | tr -d "'")"
      echo "téléchargé le : $(date -u +%Y-%m-%dT%H:%M:%SZ)"
      echo "vérification : somme SHA-256 du .dsc égale à celle de l'index signé d'apt ; archives vérifiées par dpkg-source contre le .dsc"
    } > "$provenance"
    say "téléchargé $name (sha256 $actual)" >&2
  else
    # Offline: the .dsc must be the one recorded at download.
    [ -f "$provenance" ] || die "$dsc est là mais pas $provenance : supprimez $cache et relancez (en ligne)"
    expected=$(sed -n 's/^sha256 : //p' "$provenance")
    actual=$(sha256sum "$dsc" | cut -d' ' -f1)
    [ "$actual" = "$expected" ] || die "$(basename "$dsc") : SHA-256 $actual, $provenance dit $expected"
    say "sources déjà présentes : $(basename "$dsc") (sha256 vérifiée)" >&2
  fi
  echo "$dsc"
}

# build PACKAGE VERSION_PREFIX MARKER CMAKE_OPTION…: unpack the source package
# (dpkg-source checks the tarballs' sizes and hashes against the .dsc and
# applies Debian's patches), then build and install it with the toolchain.
# Skipped when MARKER (a file under deps) and the provenance are already there.
build() {
  local pkg=$1 want=$2 marker=$3 dsc version work=$build/deps-src/$1
  shift 3
  if [ -f "$deps/$marker" ] && [ -f "$deps/PROVENANCE-$pkg.txt" ]; then
    say "$pkg déjà construit dans $deps"
    return 0
  fi
  dsc=$(fetch "$pkg" "$want")
  version=$(sed -n 's/^Version: //p' "$dsc")
  rm -rf "$work"
  mkdir -p "$work"
  dpkg-source -x "$dsc" "$work/src" >/dev/null 2>"$work/dpkg-source.log" ||
    { cat "$work/dpkg-source.log" >&2; die "dépaquetage de $(basename "$dsc") impossible"; }
  say "construction de $pkg $version pour Windows"
  cmake -S "$work/src" -B "$work/build" -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$deps" -DBUILD_SHARED_LIBS=OFF "$@" >"$work/cmake.log" 2>&1 ||
    { cat "$work/cmake.log" >&2; die "configuration de $pkg impossible"; }
  cmake --build "$work/build" -j"$(nproc)" >"$work/build.log" 2>&1 ||
    { tail -30 "$work/build.log" >&2; die "compilation de $pkg impossible"; }
  cmake --install "$work/build" >/dev/null
  [ -f "$deps/$marker" ] || die "$pkg : $deps/$marker absent après l'installation"
  cp "$cache/PROVENANCE-$pkg.txt" "$deps/PROVENANCE-$pkg.txt"
  # Linked statically into ctg.exe: its licence ships in the zip (package.sh).
  cp "$work/src/debian/copyright" "$deps/copyright-$pkg.txt"
  say "$pkg $version installé dans $deps"
}

# Debian 12's versions. libxlsxwriter's own zip writer (third_party/minizip)
# and temporary files (tmpfileplus, in the user's temporary folder, not C:\).
build yaml-cpp 0.7.0 lib/libyaml-cpp.a -DYAML_BUILD_SHARED_LIBS=OFF -DYAML_CPP_BUILD_TESTS=OFF \
  -DYAML_CPP_BUILD_TOOLS=OFF -DYAML_CPP_BUILD_CONTRIB=ON -DYAML_CPP_INSTALL=ON
build pugixml 1.13 lib/libpugixml.a -DPUGIXML_BUILD_TESTS=OFF
build libzip 1.7.3 lib/libzip.a -DENABLE_COMMONCRYPTO=OFF -DENABLE_GNUTLS=OFF -DENABLE_MBEDTLS=OFF \
  -DENABLE_OPENSSL=OFF -DENABLE_WINDOWS_CRYPTO=OFF -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF \
  -DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF
build libxlsxwriter 1.1.4 lib/libxlsxwriter.a -DUSE_SYSTEM_MINIZIP=OFF -DUSE_STANDARD_TMPFILE=OFF \
  -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF
