# SPDX-License-Identifier: EUPL-1.2
# The command line as ctg describes it in its help (sourced by the manual and
# completion tests): independent of the completion generator, and covering
# every subcommand added later without a list kept by hand.

# ctg_subcommands CTG : the visible subcommands, one per line.
ctg_subcommands() {
  "$1" --help | sed -n '/^Sous-commandes/,/^$/p' | awk 'NR > 1 && NF {print $1}'
}

# ctg_options CTG [SUBCOMMAND] : « NAME TYPE » per option name (-f, --format…),
# TYPE being the value's type name (FORMAT:{texte,json,sarif}) or « - » for a flag.
ctg_options() {
  local ctg=$1
  shift
  "$ctg" "$@" --help | awk '
    /^[^ ]/ { in_options = ($0 ~ /^Options/) }
    in_options && /^  +-/ {
      n = split($1, names, ",")
      type = ($2 ~ /^[A-ZÀ-Ý]/) ? $2 : "-"
      for (i = 1; i <= n; i++) print names[i], type
    }'
}
