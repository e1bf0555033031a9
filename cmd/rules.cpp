// SPDX-License-Identifier: EUPL-1.2
// ctg rules, ctg explain RÈGLE : the rule table, for people.
#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "cli.hpp"
#include "commands.hpp"
#include "rules/rules.hpp"
#include "base/text.hpp"
#include "rules/validation.hpp"
#include "format/vocabulary.hpp"

namespace ctg::cmd {

namespace {

const char* confidence_label(rules::Confidence c) {
  switch (c) {
    case rules::Confidence::Confirmed: return "confirmée par le texte";
    case rules::Confidence::Secondary: return "établie par des sources secondaires (au plus un avertissement)";
    case rules::Confidence::Interpretation: return "interprétation du texte (au plus un avertissement)";
  }
  return "";
}

// The rules whose source is the table of known legal texts.
bool cites_texts(std::string_view id) { return id == "LEX-1" || id == "LEX-2"; }

int run_rules() {
  std::string out;
  for (const auto& r : rules::all())
    out += fmt::format("{:<7} {:<14} {}{}\n", r.id, severity_label(r.severity), r.title,
                       !r.citation.empty()               ? fmt::format(" ({})", r.citation)
                       : cites_texts(r.id)           ? std::string(" (textes connus : ctg explain LEX-1)")
                                                       : std::string());
  out += "\nCodes du format (erreurs du fichier) :";
  for (const auto& c : rules::format_codes()) out += " " + std::string(c.code);
  out += "\nDétail d'une règle : ctg explain RÈGLE\n";
  cli::emit(stdout, out);
  return cli::ok;
}

int run_explain(const std::string& id) {
  std::string upper = id;
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (const rules::Rule* r = rules::find(upper)) {
    std::string out = fmt::format("{} — {}\n\n", r->id, r->title);
    out += fmt::format("Gravité maximale : {}.\n", severity_label(r->severity));
    if (!r->citation.empty()) out += fmt::format("Lecture de la loi : {}.\n", confidence_label(r->confidence));
    if (!r->citation.empty()) out += fmt::format("Source : {}.\n", r->citation);
    if (cites_texts(r->id))
      out += "Sources : les textes publiés au Journal officiel, table ci-dessous.\n";
    if (!r->legal_text.empty()) out += fmt::format("\nTexte :\n  {}\n", r->legal_text);
    out += fmt::format("\nCe que vérifie ctg :\n  {}\n", r->explanation);
    if (r->id == "SCH-1") {
      out += "\nÉléments du schéma (art. D214-10-1 I) et parties de la CTG qui les contiennent\n"
             "(clé elements_schema d'une fiche action ou d'un tableau d'offre pour déclarer qu'elle y répond) :\n";
      for (const auto& item : rules::schema_items()) {
        out += fmt::format("  {:<7} {} → {} ; ou elements_schema: [{}]\n", item.id, item.text, item.where,
                           key_of(item.element));
        if (!item.fallback.empty()) out += fmt::format("          à défaut : {}\n", item.fallback);
      }
    }
    if (cites_texts(r->id)) {
      out += "\nTextes connus de ctg (numéro, date, titre officiel, articles créés ou modifiés) :\n";
      for (const auto& t : rules::legal_texts())
        out += fmt::format("  {} n° {} du {} {}\n      {}\n", t.kind, t.number, to_french_long(t.date), t.title,
                           t.articles);
      out += "\nArticles de code cités par le modèle :\n";
      for (const auto& a : rules::code_articles())
        out += fmt::format("  art. {} {} : {}{}\n", a.article, a.code, a.subject,
                           a.source.empty() ? "" : fmt::format(" ({})", a.source));
    }
    out += fmt::format("\nExemple qui la déclenche :\n");
    for (std::size_t pos = 0, nl; pos <= r->example.size(); pos = nl + 1) {
      nl = r->example.find('\n', pos);
      if (nl == std::string_view::npos) nl = r->example.size();
      out += "  " + std::string(r->example.substr(pos, nl - pos)) + "\n";
    }
    cli::emit(stdout, out);
    return cli::ok;
  }
  for (const auto& c : rules::format_codes())
    if (c.code == upper) {
      cli::emit(stdout, fmt::format("{} — erreur de format\n\n  {}\n\nVoir : man 5 ctg-format.\n", c.code, c.description));
      return cli::ok;
    }
  std::vector<std::string> ids;
  for (const auto& r : rules::all()) ids.emplace_back(r.id);
  for (const auto& c : rules::format_codes()) ids.emplace_back(c.code);
  std::string hint;
  if (auto c = closest(upper, ids)) hint = fmt::format(" ; vouliez-vous dire {} ?", guillemets(*c));
  cli::print_error(fmt::format("règle {} inconnue{}\nListe des règles : ctg rules", guillemets(id), hint));
  return cli::unusable;
}

}  // namespace

void setup_rules(CLI::App& app, int& exit_code) {
  CLI::App* list = app.add_subcommand("rules", "Lister les règles vérifiées par ctg validate");
  cli::frenchify(*list);
  list->footer("Voir aussi : ctg explain RÈGLE, man ctg-validate.");
  list->callback([&exit_code] { exit_code = run_rules(); });

  auto id = std::make_shared<std::string>();
  CLI::App* explain = app.add_subcommand("explain", "Expliquer une règle : texte de loi, vérification, exemple");
  cli::frenchify(*explain);
  explain->add_option("regle", *id, "Identifiant de la règle (AO-7, SCH-1, CLE-INCONNUE…)")->required()->type_name("RÈGLE");
  explain->footer("Voir aussi : ctg rules, man ctg-validate.");
  explain->callback([id, &exit_code] { exit_code = run_explain(*id); });
}

}  // namespace ctg::cmd
