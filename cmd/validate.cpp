// SPDX-License-Identifier: EUPL-1.2
// ctg validate FICHIER… : the format, the law and the CTG's consistency.
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <thread>

#include "cli.hpp"
#include "base/text.hpp"
#include "commands.hpp"
#include "rules/text_report.hpp"
#include "rules/validation.hpp"

namespace ctg::cmd {

namespace {
struct ValidateOptions {
  std::vector<std::string> paths;
  std::string format = "texte";
  std::string stage = "brouillon";
  std::string at;
  bool strict = false;
  unsigned jobs = 0;  // 0: one per core
  bool sans_referentiel = false;
  bool quiet = false;
  bool detail = false;
  std::string severite = "remarque";
};

int run_validate(const ValidateOptions& o) {
  rules::Options options;
  options.referentiel = !o.sans_referentiel;
  options.stage = o.stage == "signature" ? rules::Stage::Signature : rules::Stage::Brouillon;
  if (!o.at.empty()) {
    options.at = parse_iso_date(o.at);
    if (!options.at) {
      cli::print_error(fmt::format("date de référence « {} » invalide ; écrivez-la AAAA-MM-JJ, par exemple "
                                   "--at 2026-01-01", o.at));
      return cli::unusable;
    }
  }
  std::vector<std::string> paths;
  for (const auto& given : o.paths)
    for (const auto& path : rules::expand_ctg_paths(given)) paths.push_back(path);
  unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<rules::FileValidation> results = rules::validate_files(paths, options, jobs);

  int exit = cli::ok;
  for (const auto& r : results) {
    if (r.unusable()) exit = cli::unusable;
    else if (exit == cli::ok && (r.findings.has_errors() || (o.strict && r.findings.count(Severity::Warning) > 0)))
      exit = cli::findings;
  }
  if (o.format == "json") {
    std::string out = rules::validation_json(results, options);
    cli::emit(stdout, out);
  } else if (o.format == "sarif") {
    std::string out = rules::validation_sarif(results);
    cli::emit(stdout, out);
  } else {
    HumanStyle style{cli::use_color(stdout)};
    rules::TextReportOptions text;
    text.quiet = o.quiet;
    text.detail = o.detail;
    text.shown = o.severite == "erreur" ? Severity::Error : o.severite == "avertissement" ? Severity::Warning : Severity::Note;
    for (const auto& r : results) {
      text.when.clear();
      if (r.rules_checked && r.load.ctg)
        text.when = options.at ? fmt::format(" (règles au {}, étape {})", to_iso(*options.at), o.stage)
                               : fmt::format(" (règles sur toute la période, du {} au {}, étape {})",
                                             to_iso(r.load.ctg->convention.debut), to_iso(r.load.ctg->convention.fin),
                                             o.stage);
      cli::emit(stdout, rules::validation_text(r, text, style), style.color);
    }
  }
  return exit;
}
}  // namespace

void setup_validate(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<ValidateOptions>();
  CLI::App* sub =
      app.add_subcommand("validate", "Vérifier une ou plusieurs CTG : format, règles légales, cohérence interne");
  cli::frenchify(*sub);
  sub->add_option("fichiers", opts->paths, "Fichiers CTG (.yaml), dossiers contenant ctg.yaml, ou dossiers de CTG")
      ->required()
      ->type_name("FICHIER");
  sub->add_option("-f,--format", opts->format, "Format du rapport : texte (par défaut), json ou sarif")
      ->check(CLI::IsMember({"texte", "json", "sarif"}))
      ->type_name("FORMAT");
  sub->add_option("--stage", opts->stage,
                  "Étape : brouillon (par défaut, les blancs sont des remarques) ou signature (ce sont des erreurs)")
      ->check(CLI::IsMember({"brouillon", "signature"}))
      ->type_name("ÉTAPE");
  sub->add_option("--at", opts->at,
                  "Vérifier les règles à cette seule date (par défaut : sur toute la période de la CTG, chaque constat "
                  "disant à partir de quand il vaut)")
      ->type_name("AAAA-MM-JJ");
  sub->add_flag("--strict", opts->strict, "Code de sortie 1 aussi pour les avertissements");
  sub->add_option("-j,--jobs", opts->jobs,
                  "Nombre de CTG vérifiées en même temps (par défaut : une par cœur) ; le rapport est le même")
      ->check(CLI::Range(1u, 1024u))
      ->type_name("N");
  sub->add_option("--severite", opts->severite,
                  "N'afficher que les constats de cette gravité ou plus graves : erreur, avertissement ou remarque (par "
                  "défaut) ; le code de sortie ne change pas")
      ->check(CLI::IsMember({"erreur", "avertissement", "remarque"}))
      ->type_name("GRAVITÉ");
  sub->add_flag("-q,--quiet", opts->quiet, "N'afficher que le bilan de chaque CTG (nombres par gravité et par règle)");
  sub->add_flag("--detail", opts->detail,
                "Une remarque par partie, sans regrouper celles qui ne diffèrent que par la partie nommée");
  sub->add_flag("--sans-referentiel", opts->sans_referentiel,
                "Ne pas comparer aux codes et populations officiels (règles REF-1 à REF-6)");
  sub->footer(
      "Une remarque répétée pour au moins trois parties tient sur une ligne qui les nomme (--detail : une par partie) ;\n"
      "au-delà de dix constats, le bilan les compte par règle. -f json et -f sarif donnent toujours chaque constat.\n"
      "Un constat acquitté dans la source (section constats_acquittes, avec son motif) est dit comme tel, compté à\n"
      "part et hors du code de sortie ; une entrée qui ne correspond à aucun constat est un avertissement.\n"
      "Codes de sortie : 0 aucune erreur (avertissements permis sauf --strict), 1 erreurs trouvées,\n"
      "2 fichier illisible ou ligne de commande invalide.\n"
      "Règles : ctg rules ; explication d'une règle : ctg explain AO-7. Voir aussi : man ctg-validate.");
  sub->callback([opts, &exit_code] { exit_code = run_validate(*opts); });
}

}  // namespace ctg::cmd
