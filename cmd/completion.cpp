// SPDX-License-Identifier: EUPL-1.2
// ctg completion bash : the bash completion script, generated from the
// command line's own description (subcommands, options, their values), so
// that every subcommand and option added later is completed without a
// hand-kept list. Hidden: the build writes the script that is installed in
// share/bash-completion/completions/ctg.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cli.hpp"
#include "commands.hpp"
#include "render/render.hpp"
#include "rules/rules.hpp"
#include "base/text.hpp"
#include "rules/validation.hpp"

namespace ctg::cmd {

namespace {

// What a value is completed with.
struct ValueKind {
  enum Kind { Nothing, Words, Files, Versions } kind = Files;
  std::vector<std::string> words;
};

std::string base_type(const std::string& type_name) { return type_name.substr(0, type_name.find(':')); }

// The value kind of an option or positional of `sub`, from its validator's
// set (« FORMAT:{texte,json,sarif} ») or its type name (« RÈGLE », « FICHIER »…).
ValueKind value_kind(const CLI::App& sub, const CLI::Option& o) {
  std::string type = o.get_type_name();
  if (auto open = type.find(":{"); open != std::string::npos) {
    auto close = type.find('}', open);
    ValueKind v{ValueKind::Words, {}};
    std::string set = type.substr(open + 2, close == std::string::npos ? std::string::npos : close - open - 2);
    for (std::size_t pos = 0, comma; pos <= set.size(); pos = comma + 1) {
      comma = std::min(set.find(',', pos), set.size());
      if (comma > pos) v.words.push_back(set.substr(pos, comma - pos));
    }
    return v;
  }
  std::string base = base_type(type);
  if (base == "RÈGLE") {
    ValueKind v{ValueKind::Words, {}};
    for (const auto& r : rules::all()) v.words.emplace_back(r.id);
    for (const auto& c : rules::format_codes()) v.words.emplace_back(c.code);
    return v;
  }
  if (base == "PARTIE" && sub.get_name() == "render") return {ValueKind::Words, render::part_names()};
  if (base == "VERSION" || base == "RÉV") return {ValueKind::Versions, {}};
  // Numbers, dates, years, patterns, free text: nothing to propose.
  static const std::set<std::string> free = {"N",   "TAUX", "AAAA-MM-JJ", "ANNÉE", "DATE",  "MOTIF", "TEXTE",
                                            "NOM", "INT",  "CODES",      "SIREN", "PARTIE", "CODE|NOM"};
  if (free.count(base)) return {ValueKind::Nothing, {}};
  return {ValueKind::Files, {}};  // FICHIER, DOSSIER, CHEMIN, CTG and anything else (directories included)
}

std::string shell_quote_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    for (char c : w) out += (c == '\'' || c == '\\' || c == '"' || c == '$' || c == '`') ? '_' : c;
  }
  return "'" + out + "'";
}

std::string reply(const ValueKind& v) {
  switch (v.kind) {
    case ValueKind::Nothing: return "return 0";
    case ValueKind::Words: return "_ctg_words " + shell_quote_words(v.words) + "; return 0";
    case ValueKind::Files: return "_ctg_files; return 0";
    case ValueKind::Versions: return "_ctg_versions; return 0";
  }
  return "return 0";
}

std::vector<std::string> option_names(const CLI::Option& o) {
  std::vector<std::string> names;
  for (const auto& s : o.get_snames()) names.push_back("-" + s);
  for (const auto& l : o.get_lnames()) names.push_back("--" + l);
  return names;
}

bool visible(const CLI::App* sub) { return !sub->get_group().empty(); }

// The case branch of one subcommand: its options, the values of each, its positionals.
std::string subcommand_branch(const CLI::App& sub) {
  std::vector<std::string> all;
  std::string values, positional = "_ctg_files; return 0";
  for (const CLI::Option* o : sub.get_options()) {
    if (!o->nonpositional()) {
      positional = reply(value_kind(sub, *o));
      continue;
    }
    auto names = option_names(*o);
    all.insert(all.end(), names.begin(), names.end());
    if (o->get_items_expected_max() == 0) continue;  // a flag
    values += fmt::format("        {}) {} ;;\n", join(names, "|"), reply(value_kind(sub, *o)));
  }
  if (sub.get_options([](const CLI::Option* o) { return !o->nonpositional(); }).empty())
    positional = "return 0";
  return fmt::format(
      "    {})\n"
      "      case \"$option\" in\n"
      "{}"
      "      esac\n"
      "      if [[ $cur == -* ]]; then _ctg_words {}; return 0; fi\n"
      "      {}\n"
      "      ;;\n",
      sub.get_name(), values, shell_quote_words(all), positional);
}

// Why one long function: One function for the whole script, so that it reads top to bottom like the bash it writes.
std::string bash_script(const CLI::App& app) {
  std::vector<std::string> subcommands, root_options;
  std::string branches;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (!visible(sub)) continue;
    subcommands.push_back(sub->get_name());
    branches += subcommand_branch(*sub);
  }
  for (const CLI::Option* o : app.get_options())
    for (const auto& n : option_names(*o)) root_options.push_back(n);
  return fmt::format(R"SH(# Complétion bash de ctg {version}, engendrée par « ctg completion bash »
# à partir de la description de la ligne de commande : ne pas modifier à la main.
# Installée dans share/bash-completion/completions/ctg ; sinon :
#   source <(ctg completion bash)

# Every word offered is data: never given to « compgen -W » (which expands
# $(…) and `…` in its words), never left unquoted (no pathname expansion).
# _ctg_offer WORD… : the words that begin with $cur, quoted for the command line.
_ctg_offer() {{
  local w q
  for w in "$@"; do
    [[ $w == "$cur"* ]] || continue
    printf -v q '%q' "$w"
    COMPREPLY+=("$q")
  done
}}

_ctg_words() {{
  local -a words
  read -r -a words <<<"$1"
  _ctg_offer "${{words[@]}}"
}}

_ctg_files() {{
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}}

# Versions for ctg diff and ctg avenant: with --git, revisions (HEAD, HEAD~1,
# branches, tags) ; otherwise files, or after « RÉV: » the paths of that
# revision (git ls-tree, read only).
_ctg_versions() {{
  local w rev= path= git=
  for w in "${{COMP_WORDS[@]}}"; do [[ $w == --git ]] && git=1; done
  if [[ $prev == : && $cword -ge 2 ]]; then rev=${{COMP_WORDS[cword-2]}} path=$cur
  elif [[ $cur == *:* ]]; then rev=${{cur%%:*}} path=${{cur#*:}}
  fi
  if [[ -n $rev ]]; then
    local dir= prefix=
    [[ $path == */* ]] && dir=${{path%/*}}/
    [[ $cur == *:* ]] && prefix=$rev:
    local p q
    while IFS= read -r -d '' p; do
      [[ $p == "$path"* ]] || continue
      printf -v q '%q' "$prefix$p"
      COMPREPLY+=("$q")
    done < <(git ls-tree -z --name-only "$rev" -- "${{dir:-.}}" 2>/dev/null)
    compopt -o nospace 2>/dev/null
    return 0
  fi
  if [[ -n $git ]] && git rev-parse --git-dir >/dev/null 2>&1; then
    local -a refs=(HEAD 'HEAD~1')
    mapfile -t -O 2 refs < <(git for-each-ref --format='%(refname:short)' refs/heads refs/tags 2>/dev/null)
    _ctg_offer "${{refs[@]}}"
    return 0
  fi
  _ctg_files
}}

_ctg() {{
  COMPREPLY=()
  local cur=${{COMP_WORDS[COMP_CWORD]}} prev= cword=$COMP_CWORD sub= option= i
  [[ $cword -ge 1 ]] && prev=${{COMP_WORDS[cword-1]}}
  # The option whose value is being typed: « --format json », « --format=json ».
  if [[ $prev == = && $cword -ge 2 ]]; then option=${{COMP_WORDS[cword-2]}}
  elif [[ $prev == -* ]]; then option=$prev
  fi
  if [[ $cur == = ]]; then option=$prev cur=; fi
  for ((i = 1; i < cword; i++)); do
    [[ ${{COMP_WORDS[i]}} != -* ]] && {{ sub=${{COMP_WORDS[i]}}; break; }}
  done
  case "$sub" in
    "")
      if [[ $cur == -* ]]; then _ctg_words {root_options}; else _ctg_words {subcommands}; fi
      return 0
      ;;
{branches}  esac
  _ctg_files
}}

complete -F _ctg ctg
)SH",
                     fmt::arg("version", CTG_VERSION), fmt::arg("root_options", shell_quote_words(root_options)),
                     fmt::arg("subcommands", shell_quote_words(subcommands)), fmt::arg("branches", branches));
}

}  // namespace

void setup_completion(CLI::App& app, int& exit_code) {
  auto output = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand("completion", "Écrire le script de complétion bash de ctg");
  cli::frenchify(*sub);
  sub->group("");  // hidden: installed by the package, or « source <(ctg completion bash) »
  sub->add_option("shell", "Interpréteur (bash)")->required()->check(CLI::IsMember({"bash"}))->type_name("SHELL");
  sub->add_option("-o,--output", *output, "Fichier à écrire (sinon la sortie standard)")->type_name("FICHIER");
  sub->callback([&app, output, &exit_code] { exit_code = cli::write_output(bash_script(app), *output); });
}

}  // namespace ctg::cmd
