#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# The Debian packages built by CPack (cpack -G DEB): their control fields
# (dpkg-deb --info), their contents (dpkg-deb --contents), lintian, and the
# package unpacked in a scratch root (dpkg -x) used from another folder.
# Lintian's errors fail the test; its warnings and informations are printed.
set -u
build=$(realpath "$1")
. "$(dirname "$0")/lib.sh"

if ! out=$(cd "$tmp" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/pkg" 2>&1); then
  echo "$out" | tail -20; ko "cpack -G DEB"; exit 1
fi
deb=$(ls "$tmp"/pkg/ctg_*.deb 2>/dev/null)
dev=$(ls "$tmp"/pkg/ctg-dev_*.deb 2>/dev/null)
[ -f "$deb" ] && [ -f "$dev" ] || { ko "paquets absents : $(ls "$tmp/pkg")"; exit 1; }
ok "cpack : $(basename "$deb") $(basename "$dev")"

# Control fields.
info=$(dpkg-deb --info "$deb")
field() { dpkg-deb --field "$deb" "$1"; }
version=$("$build/cmd/ctg" --version | head -1 | cut -d' ' -f2)
[ "$(field Package)" = ctg ] || ko "Package : $(field Package)"
[[ $(field Version) == "$version"* ]] || ko "Version : $(field Version), ctg --version : $version"
# Maintainer: CTG_MAINTAINER, by default DEBFULLNAME <DEBEMAIL> or the signer of packaging/changelog.
maintainer=$(grep -m1 '^CTG_MAINTAINER:' "$build/CMakeCache.txt" | cut -d= -f2-)
[[ $(field Maintainer) == *" <"*@*">" && $(field Maintainer) == "$maintainer" ]] ||
  ko "Maintainer : « $(field Maintainer) », CTG_MAINTAINER : « $maintainer »"
[ "$(dpkg-deb --field "$dev" Maintainer)" = "$maintainer" ] || ko "ctg-dev : Maintainer $(dpkg-deb --field "$dev" Maintainer)"
[ "$(field Section)" = utils ] || ko "Section : $(field Section)"
for dep in libc6 libstdc++6 libyaml-cpp; do
  [[ $(field Depends) == *"$dep"* ]] || ko "Depends sans $dep (dpkg-shlibdeps) : $(field Depends)"
done
[[ $(field Recommends) == *git* ]] || ko "Recommends : $(field Recommends)"
[[ $(field Suggests) == *chromium* && $(field Suggests) == *pandoc* ]] || ko "Suggests : $(field Suggests)"
grep -q "conventions territoriales globales" <<<"$info" && grep -q "Territorial family-services agreements" <<<"$info" ||
  ko "description française et anglaise"
grep -q "(Markdown, HTML, PDF, Word)" <<<"$info" || ko "description : ctg render écrit Markdown, HTML, PDF et Word"
[[ $(dpkg-deb --field "$dev" Depends) == *libyaml-cpp-dev* ]] || ko "ctg-dev : Depends $(dpkg-deb --field "$dev" Depends)"
[ $fail = 0 ] && ok "dpkg-deb --info : $(field Package) $(field Version) ; Depends: $(field Depends)"

# Contents.
contents=$(dpkg-deb --contents "$deb" | awk '{print $6}')
for f in ./usr/bin/ctg ./usr/share/man/man1/ctg.1.gz ./usr/share/man/man5/ctg-format.5.gz \
         ./usr/share/bash-completion/completions/ctg ./usr/share/ctg/ctg.schema.json \
         ./usr/share/ctg/examples/provence-alpes-agglomeration/ctg.yaml ./usr/share/doc/ctg/copyright; do
  grep -qxF "$f" <<<"$contents" || ko "$f absent du paquet"
done
if [ -d "$(dirname "$0")/../../data/referentiel" ]; then
  grep -qxF ./usr/share/ctg/referentiel/index.tsv <<<"$contents" || ko "référentiel absent du paquet"
fi
grep -q '^./usr/include/' <<<"$contents" && ko "en-têtes dans le paquet ctg (ils vont dans ctg-dev)"
dev_contents=$(dpkg-deb --contents "$dev" | awk '{print $6}')
# The library and its CMake config in the multiarch folder (lib/x86_64-linux-gnu).
triplet=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
for f in ./usr/include/ctg/format/loader.hpp ./usr/lib/$triplet/libctgcore.a ./usr/lib/$triplet/cmake/ctg/ctgConfig.cmake; do
  grep -qxF "$f" <<<"$dev_contents" || ko "$f absent de ctg-dev"
done
grep -q '^./usr/lib/[^/]\+$' <<<"$dev_contents" && ko "fichiers dans /usr/lib au lieu de /usr/lib/$triplet"
for f in ./usr/share/doc/ctg/docs/guide.md ./usr/share/doc/ctg/docs/format.md; do
  grep -qxF "$f" <<<"$contents" || ko "$f absent du paquet (documentation)"
done
[ $fail = 0 ] && ok "dpkg-deb --contents : $(wc -l <<<"$contents") entrées (ctg), $(wc -l <<<"$dev_contents") (ctg-dev)"

# lintian: errors fail, the rest is reported.
lintian_ctg=
if command -v lintian >/dev/null; then
  for p in "$deb" "$dev"; do
    report=$(lintian --tag-display-limit 0 "$p" 2>&1)
    [ "$p" = "$deb" ] && lintian_ctg=$report
    if grep -q '^E:' <<<"$report"; then ko "lintian $(basename "$p") : erreurs"; echo "$report"
    else ok "lintian $(basename "$p") : aucune erreur, $(grep -c '^[WIP]:' <<<"$report") remarques"; echo "$report" | sed 's/^/    /'
    fi
  done
else ko "lintian absent (paquet lintian)"; fi

# Unpacked in a scratch root, used from another folder.
dpkg -x "$deb" "$tmp/racine" || ko "dpkg -x"
dpkg -x "$dev" "$tmp/racine-dev" || ko "dpkg -x ctg-dev"

# No path of the build machine in the program (the referential is found beside
# it), and the static library stripped of its debug information.
leak=$(strings "$tmp/racine/usr/bin/ctg" | grep -F -e "$build" -e "$(realpath "$(dirname "$0")/../..")" | head -3)
[ -z "$leak" ] && ok "aucun chemin de la machine de construction dans /usr/bin/ctg (strings)" ||
  ko "chemins de construction dans /usr/bin/ctg : $leak"
lib=$tmp/racine-dev/usr/lib/$triplet/libctgcore.a
if [ -f "$lib" ]; then
  debug=$(objdump -h "$lib" 2>/dev/null | grep -c '\.debug_info')
  size=$(stat -c %s "$lib")
  [ "$debug" = 0 ] && [ "$size" -lt 50000000 ] && ok "libctgcore.a dépouillée de ses informations de débogage ($((size / 1024)) Kio)" ||
    ko "libctgcore.a non dépouillée : $debug sections .debug_info, $size octets"
fi
# Hardening: lintian's tags absent, and the flags visible in the program.
for tag in hardening-no-bindnow hardening-no-fortify-functions hardening-no-relro; do
  grep -q "$tag" <<<"$lintian_ctg" && ko "lintian : $tag"
done
readelf -d "$tmp/racine/usr/bin/ctg" | grep -q 'BIND_NOW' && readelf -lW "$tmp/racine/usr/bin/ctg" | grep -q GNU_RELRO ||
  ko "ctg sans -z relro -z now"
readelf -sW --dyn-syms "$tmp/racine/usr/bin/ctg" | grep -q '__[a-z_]*_chk@' || ko "ctg sans fonctions fortifiées (_FORTIFY_SOURCE)"
readelf -sW --dyn-syms "$tmp/racine/usr/bin/ctg" | grep -q '__stack_chk_fail' || ko "ctg sans protection de pile"
[ $fail = 0 ] && ok "durcissement : relro, bindnow, fortify, stack-protector"
mkdir -p "$tmp/ailleurs" && cd "$tmp/ailleurs" || exit 2
bin=$tmp/racine/usr/bin/ctg
v=$("$bin" --version) && [[ $v == "ctg $version"* && $v == *"ctg/1"* ]] && ok "ctg --version dépaqueté : $(echo $v)" ||
  ko "ctg --version dépaqueté : $v"
out=$("$bin" validate "$tmp/racine/usr/share/ctg/examples/provence-alpes-agglomeration" 2>&1)
rc=$?
[ $rc = 0 ] && grep -q "aucune erreur" <<<"$out" && ok "ctg validate de l'exemple dépaqueté, depuis un autre dossier" ||
  { ko "ctg validate dépaqueté : code $rc"; echo "$out" | tail -5; }
finish
