// SPDX-License-Identifier: EUPL-1.2
// ctg diff ANCIEN NOUVEAU : what changed, in the domain's words; also git's
// external diff driver (7 arguments) and textconv (--textconv FICHIER).
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli.hpp"
#include "base/paths.hpp"
#include "commands.hpp"
#include "diff/diff.hpp"
#include "diff/git.hpp"
#include "base/source.hpp"
#include "base/text.hpp"

namespace ctg::cmd {

namespace {

struct DiffOptions {
  std::vector<std::string> args;
  std::string format = "texte";
  bool order = false;
  bool git = false;
  std::string textconv;
};

// A file given by git (or by the user, for --textconv): regular, at most 64 MiB.
std::optional<std::string> read_all(const std::string& path, std::string& error) {
  ReadFailure failure = ReadFailure::None;
  std::string reason;
  auto content = read_regular_file(path, failure, reason);
  if (!content) error = fmt::format("lecture de {} impossible : {}", guillemets(path), reason);
  return content;
}

int print(const diff::Result& r, const std::string& a, const std::string& b, const std::string& format) {
  std::string out = format == "json" ? diff::to_json(r, a, b)
                    : format == "md" ? diff::to_markdown(r, a, b)
                                     : diff::to_text(r, a, b, cli::use_color(stdout));
  cli::emit(stdout, out, format != "json" && format != "md" && cli::use_color(stdout));
  return r.same() ? cli::ok : cli::findings;
}

// Why one long function: The command in its order (options, revisions, both loads, the output chosen): one screen per step would hide the flow.
int run_diff(const DiffOptions& o) {
  diff::Options options;
  options.order = o.order;
  if (!o.textconv.empty()) {
    std::string error;
    auto content = read_all(o.textconv, error);
    if (!content) {
      cli::emit(stderr, fmt::format("ctg : erreur : {}\n", error));
      return cli::unusable;
    }
    const std::string& raw = *content;
    LoadResult r = load_fragment(raw, o.textconv);
    // A file that is not a readable CTG is shown as it is: nothing is hidden.
    std::string out = r.unusable || r.diagnostics.has_errors() ? raw : diff::flatten(r);
    cli::emit(stdout, out);
    return cli::ok;
  }
  if (!o.git && (o.args.size() == 7 || o.args.size() == 9)) {
    // git's external diff: path old-file old-hex old-mode new-file new-hex new-mode
    // [new-path rename-info] for a renamed or copied file.
    const std::string& path = o.args[0];
    const std::string& new_path = o.args.size() == 9 ? o.args[7] : path;
    auto side = [](const std::string& file, const std::string& name) {
      if (file == "/dev/null") return LoadResult{};
      std::string error;
      auto content = read_all(file, error);
      if (!content) {  // not readable as a CTG: git's own diff below says what it can
        LoadResult r;
        r.diagnostics.error("FICHIER", Loc{}, error);
        return r;
      }
      return load_fragment(*content, name);
    };
    LoadResult a = side(o.args[1], "a/" + path), b = side(o.args[4], "b/" + new_path);
    auto readable = [](const LoadResult& r) {
      return !r.diagnostics.has_errors() && (r.sources.size() == 0 || r.ctg);  // size 0: /dev/null
    };
    if (!readable(a) || !readable(b)) {
      // Not a CTG (or a broken one): git's own line diff, so that no change is hidden.
      std::string error;
      auto out = diff::git::run({"diff", "--no-index", "--no-ext-diff", "--", o.args[1], o.args[4]}, error, 1);
      if (out) cli::emit(stdout, *out);
      else cli::emit(stdout, fmt::format("ctg : {} n'est pas une CTG lisible et git diff a échoué ({})\n", path, error));
      return cli::ok;
    }
    options.consequences = false;  // one file alone: no coverage nor rules to recompute
    diff::Result r = diff::compare(a, b, options);
    print(r, "a/" + path, "b/" + new_path, o.format);
    return cli::ok;  // git stops at a diff driver that does not exit with 0
  }
  std::string a_name, b_name;
  if (o.git) {
    if (o.args.empty() || o.args.size() > 3) {
      cli::print_error("ctg diff --git RÉV1 [RÉV2] [CHEMIN]");
      return cli::unusable;
    }
    std::string rev1 = o.args[0], rev2, path;
    std::error_code ec;
    for (std::size_t i = 1; i < o.args.size(); ++i) {
      if (std::filesystem::exists(to_path(o.args[i]), ec) || !path.empty() || i == 2) path = o.args[i];
      else rev2 = o.args[i];
    }
    if (path.empty()) path = std::filesystem::exists(std::filesystem::path("ctg.yaml"), ec) ? "ctg.yaml" : ".";
    a_name = rev1 + ":" + path;
    b_name = rev2.empty() ? path : rev2 + ":" + path;
  } else {
    if (o.args.size() != 2) {
      cli::print_error("ctg diff ANCIEN NOUVEAU (fichiers, dossiers ou RÉV:chemin)");
      return cli::unusable;
    }
    a_name = o.args[0];
    b_name = o.args[1];
  }
  for (const auto& name : {a_name, b_name})
    if (auto rp = diff::git::split_rev_path(name); rp && !rp->first.empty() && rp->first[0] == '-') {
      cli::print_error(fmt::format("révision « {} » refusée : une révision ne commence pas par « - »", rp->first));
      return cli::unusable;
    }
  LoadResult a = diff::git::load_version(a_name), b = diff::git::load_version(b_name);
  if (cli::refuse_invalid(a, a_name + " doit être valide pour être comparé") ||
      cli::refuse_invalid(b, b_name + " doit être valide pour être comparé"))
    return cli::unusable;
  return print(diff::compare_then_free_trees(a, b, options), a_name, b_name, o.format);
}

}  // namespace

void setup_diff(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<DiffOptions>();
  CLI::App* sub = app.add_subcommand("diff", "Comparer deux versions d'une CTG, dans les termes de la convention");
  cli::frenchify(*sub);
  sub->add_option("versions", opts->args,
                  "ANCIEN NOUVEAU : fichiers, dossiers ou RÉV:chemin (lu dans git) ; avec --git : RÉV1 [RÉV2] [CHEMIN]")
      ->type_name("VERSION");
  sub->add_option("-f,--format", opts->format, "texte (par défaut), md ou json")
      ->check(CLI::IsMember({"texte", "md", "json"}))
      ->type_name("FORMAT");
  sub->add_flag("--ordre", opts->order, "Signaler aussi les changements d'ordre des listes");
  sub->add_flag("--git", opts->git, "Comparer des révisions du dépôt git (par défaut RÉV2 : l'arbre de travail)");
  sub->add_option("--textconv", opts->textconv, "Afficher un fichier CTG en lignes triées (filtre textconv de git)")
      ->type_name("FICHIER");
  sub->footer(
      "Les entrées sont appariées par leur identifiant ; un simple changement d'ordre n'est pas une différence.\n"
      "Codes de sortie : 0 identiques, 1 différentes, 2 fichier illisible ou invalide, ou ligne de commande invalide.\n"
      "Intégration à git : ctg git-config. Voir aussi : man ctg-diff, ctg avenant.");
  sub->callback([opts, &exit_code] { exit_code = run_diff(*opts); });
}

}  // namespace ctg::cmd
