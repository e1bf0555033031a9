#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Runs every libFuzzer target of ctg for SECONDS each (default 60) and fails on
# any finding (crash, sanitizer report, leak, timeout, memory blow-up).
#   tests/fuzz/run.sh 60                 # CI: about a minute per target
#   JOBS=2 tests/fuzz/run.sh 3600        # for hours: 2 workers per target
#   TARGETS="markdown diff" tests/fuzz/run.sh 600
# Builds build-fuzz (clang, -DCTG_FUZZ=ON) if needed. Seed corpora are made at
# run time from examples/ and tests/cases (nothing large is committed); the
# dictionary from the format's keys (ctg schema --cles). Findings are left in
# $WORK/<target>/ (crash-*, leak-*, timeout-*) with the command to replay them.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${1:-60}
BUILD=${FUZZ_BUILD:-build-fuzz}
WORK=${FUZZ_WORK:-$BUILD/fuzz-work}
JOBS=${JOBS:-1}
TARGETS=${TARGETS:-"validate coverage render diff markdown retours referentiel suivi init"}

if [ ! -x "$BUILD/tests/fuzz/fuzz_markdown" ] || [ "${FUZZ_REBUILD:-1}" = 1 ]; then
  CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DCTG_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER} >/dev/null
  cmake --build "$BUILD" -j"$(nproc)" --target ctg $(printf "fuzz_%s " $TARGETS) >/dev/null
fi
mkdir -p "$WORK"
WORK=$(realpath "$WORK"); BUILD=$(realpath "$BUILD")
python3 tests/fuzz/seeds.py "$BUILD/cmd/ctg" "$WORK/seeds"

status=0
for t in $TARGETS; do
  corpus="$WORK/$t/corpus"
  mkdir -p "$corpus"
  log="$WORK/$t/log.txt"
  args=(-max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=2560 -print_final_stats=1
        -dict="$WORK/seeds/ctg.dict" -artifact_prefix="$WORK/$t/")
  if [ "$JOBS" -gt 1 ]; then args+=(-jobs="$JOBS" -workers="$JOBS"); fi
  echo "== fuzz_$t : ${SECONDS_EACH} s, $JOBS processus"
  set +e
  (cd "$WORK/$t" && "$BUILD/tests/fuzz/fuzz_$t" "${args[@]}" "$corpus" "$WORK/seeds/$t") >"$log" 2>&1
  rc=$?
  set -e
  [ "$JOBS" -gt 1 ] && cat "$WORK/$t"/fuzz-*.log >>"$log" 2>/dev/null || true
  # Executions, speed and edges reached, from libFuzzer's own report.
  grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb" "$log" | tr -s ' ' | sed 's/^/   /' || true
  grep -Eo "cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[^ ]+" "$log" | tail -1 | sed 's/^/   /' || true
  if [ $rc -ne 0 ] || grep -qE "^==[0-9]+==ERROR|runtime error:|SUMMARY: " "$log"; then
    echo "   DÉCOUVERTE : voir $log ; rejouer : $BUILD/tests/fuzz/fuzz_$t $WORK/$t/crash-…" >&2
    grep -E "ERROR|runtime error|SUMMARY" "$log" | head -5 >&2 || true
    status=1
  fi
done
exit $status
