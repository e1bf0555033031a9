// SPDX-License-Identifier: EUPL-1.2
// ctg avenant ANCIEN NOUVEAU : the amendment listing every change, as a draft or for signature.
#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "avenant/avenant.hpp"
#include "cli.hpp"
#include "output_format.hpp"
#include "commands.hpp"
#include "base/text.hpp"
#include "diff/git.hpp"
#include "base/values.hpp"
#include "render/render.hpp"

namespace ctg::cmd {

namespace {
struct AvenantOptions {
  std::vector<std::string> versions;
  std::string format = "md";
  int number = 1;
  std::string effect;
  std::string signed_on;  // --signature-convention
  std::string stage = "brouillon";
  std::string output;
};

int run_avenant(const AvenantOptions& o) {
  std::optional<Date> effect;
  if (!o.effect.empty()) {
    effect = parse_iso_date(o.effect);
    if (!effect) {
      cli::print_error(fmt::format("--prise-effet {} n'est pas une date AAAA-MM-JJ (exemple : 2026-07-01)",
                                   guillemets(o.effect)));
      return cli::unusable;
    }
  }
  std::optional<Date> signed_on;
  if (!o.signed_on.empty()) {
    signed_on = parse_iso_date(o.signed_on);
    if (!signed_on) {
      cli::print_error(fmt::format("--signature-convention {} n'est pas une date AAAA-MM-JJ (exemple : 2026-03-12)",
                                   guillemets(o.signed_on)));
      return cli::unusable;
    }
  }
  if (!cli::document_output_ok(o.format, o.output)) return cli::unusable;
  LoadResult a = diff::git::load_version(o.versions[0]), b = diff::git::load_version(o.versions[1]);
  for (const auto* side : {&a, &b})
    if (cli::refuse_invalid(*side, "les deux versions doivent être valides pour rédiger un avenant")) return cli::unusable;
  diff::Options options;
  options.consequences = false;
  diff::Result changes = diff::compare_then_free_trees(a, b, options);
  if (!avenant::amends(changes)) {
    cli::emit(stderr, "ctg : les deux versions ne diffèrent que par le lieu ou la date de signature, ou pas du "
                      "tout : aucun avenant à rédiger\n");
    return cli::findings;
  }
  if (Diagnostics wrong = avenant::incoherences(*a.ctg, *b.ctg); wrong.count(Severity::Error)) {
    HumanStyle style;
    style.color = cli::use_color(stderr);
    for (const auto& d : wrong.items()) cli::emit(stderr, format_human(d, b.sources, style), style.color);
    cli::emit(stderr, "ctg : avenant non rédigé : la nouvelle version n'est pas cohérente avec le transfert qu'il "
                      "constate ; corrigez-la, puis relancez ctg avenant\n");
    return cli::findings;
  }
  const bool signing = o.stage == "signature";
  if (signing) {
    avenant::Blockers blockers = avenant::signature_blockers(*a.ctg, *b.ctg, effect, signed_on);
    blockers.before = cli::acknowledged(*a.ctg, a.sources, blockers.before);
    blockers.after = cli::acknowledged(*b.ctg, b.sources, blockers.after);
    if (cli::refuse_unsignable({{&blockers.before, &a.sources}, {&blockers.after, &b.sources}}, "avenant"))
      return cli::findings;
  }
  render::doc::Document d = avenant::build(*a.ctg, *b.ctg, changes, o.number, effect, !signing, signed_on);
  return cli::write_document(d, o.format, o.output);
}
}  // namespace

void setup_avenant(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<AvenantOptions>();
  CLI::App* sub = app.add_subcommand("avenant", "Rédiger le projet d'avenant entre deux versions d'une CTG");
  cli::frenchify(*sub);
  sub->add_option("versions", opts->versions, "ANCIEN NOUVEAU : fichiers, dossiers ou RÉV:chemin (lu dans git)")
      ->required()
      ->expected(2)
      ->type_name("VERSION");
  CLI::Option* format = sub->add_option("-f,--format", opts->format, "md (par défaut), html, pdf (avec chromium) ou docx (Word, avec pandoc)")
      ->check(CLI::IsMember({"md", "html", "pdf", "docx"}))
      ->type_name("FORMAT");
  sub->add_option("--numero", opts->number, "Numéro de l'avenant (1 par défaut)")->check(CLI::Range(1, 99))->type_name("N");
  sub->add_option("--prise-effet", opts->effect,
                  "Date de prise d'effet AAAA-MM-JJ (par défaut : celle du transfert de compétence, sinon à remplir)")
      ->type_name("DATE");
  sub->add_option("--signature-convention", opts->signed_on,
                  "Date AAAA-MM-JJ de signature de la convention d'origine, citée au visa, quand l'ancienne version ne "
                  "la porte pas (convention › date_signature) ; sinon « À REMPLIR »")
      ->type_name("DATE");
  sub->add_option("--stage", opts->stage,
                  "Étape : brouillon (par défaut, le projet marqué « PROJET ») ou signature (la version à signer, "
                  "refusée tant que la nouvelle version a des erreurs de ctg validate --stage signature autres que le "
                  "lieu et la date de signature, ou que la date de signature de la convention ou la prise d'effet "
                  "manque)")
      ->check(CLI::IsMember({"brouillon", "signature"}))
      ->type_name("ÉTAPE");
  sub->add_option("-o,--output", opts->output, "Fichier à écrire (sinon la sortie standard) ; écrit d'un seul coup")
      ->type_name("FICHIER");
  sub->footer(
      "Codes de sortie : 0 avenant produit, 1 versions identiques (rien à rédiger), version pour signature refusée\n"
      "ou nouvelle version incohérente avec le transfert constaté (tableau d'offre d'une commune qui ne planifie plus),\n"
      "2 version illisible ou invalide,\n"
      "écriture impossible ou ligne de commande invalide. Voir aussi : man ctg-avenant, ctg diff.");
  sub->callback([opts, format, &exit_code] {
    // Without -f, the format of -o's extension (convention.pdf → pdf).
    if (!cli::format_from_output(format->count() > 0, opts->format, opts->output, cli::document_extensions))
      exit_code = cli::unusable;
    else
      exit_code = run_avenant(*opts);
  });
}

}  // namespace ctg::cmd
