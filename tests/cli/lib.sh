# SPDX-License-Identifier: EUPL-1.2
# The preamble shared by the shell tests of tests/cli, sourced first thing
# (before any cd) by each of them:
#   . "$(dirname "$0")/lib.sh"
# It gives a temporary folder $tmp, removed when the test exits; $fail, 0
# until a check fails; ok and ko to report a check; expect_run to run a
# command and check its exit code and output; finish to exit with the
# verdict. NO_COLOR is exported: the outputs checked are plain text.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
export NO_COLOR=1

ok() { echo "ok $*"; }
ko() { echo "ÉCHEC $*"; fail=1; }

# expect_run -F|-E [--francais] NAME CODE PATTERN -- COMMAND...
# Runs COMMAND (standard and error outputs together): ok NAME when it exits
# with CODE and its output holds PATTERN, a fixed string with -F, an extended
# regular expression with -E (an empty PATTERN: any output). With --francais,
# the output must also hold no English message of the argument parser and no
# visible C++ exception.
expect_run() {
  local mode=$1 french=0
  case $mode in -F | -E) ;; *) echo "expect_run : -F ou -E attendu, pas « $mode »"; exit 2 ;; esac
  shift
  if [ "$1" = --francais ]; then french=1; shift; fi
  local name=$1 code=$2 pattern=$3
  shift 4
  local out rc
  out=$("$@" 2>&1)
  rc=$?
  if [ "$rc" != "$code" ]; then
    ko "$name : code de sortie $rc, attendu $code"; echo "$out" | head -20; return
  fi
  if [ -n "$pattern" ] && ! grep -q "$mode" -- "$pattern" <<<"$out"; then
    ko "$name : « $pattern » absent de la sortie"; echo "$out" | head -20; return
  fi
  if [ $french = 1 ] &&
     grep -qiE -- "required| not in |not expected|subcommand|The following|Usage:|terminate called|what\(\)" <<<"$out"; then
    ko "$name : message en anglais ou exception visible"; echo "$out" | head -20; return
  fi
  ok "$name"
}

# finish: exits 1 when a check failed, 0 otherwise.
finish() {
  [ "$fail" = 0 ] && exit 0
  exit 1
}
