// The convention in the seed's order: parties, visas, préambule, articles,
// signatures, then annexes 1 to 5. Everything the reader sees is generated
// from the model; nothing is typed twice.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "coverage.hpp"
#include "french.hpp"
#include "render.hpp"
#include "render_blocks.hpp"
#include "render_parts.hpp"
#include "text.hpp"
#include "vocabulary.hpp"


namespace ctg::render {

using namespace blocks;

std::optional<Part> parse_part(std::string_view s) {
  static const std::vector<std::pair<std::string_view, Part>> names{
      {"tout", Part::All},          {"convention", Part::Convention}, {"petite-enfance", Part::PetiteEnfance},
      {"annexe-1", Part::Annexe1},  {"annexe-2", Part::Annexe2},      {"annexe-3", Part::Annexe3},
      {"annexe-4", Part::Annexe4},  {"annexe-5", Part::Annexe5}};
  for (const auto& [n, p] : names)
    if (n == s) return p;
  return std::nullopt;
}

std::vector<std::string> part_names() {
  return {"tout", "convention", "petite-enfance", "annexe-1", "annexe-2", "annexe-3", "annexe-4", "annexe-5"};
}

namespace {

// ------------------------------------------------------------------ words

bool feminine_party(const Party& p) {
  switch (p.type) {
    case PartyType::Caf:
    case PartyType::Commune:
    case PartyType::Msa:
    case PartyType::Carsat:
    case PartyType::Cpam: return true;
    case PartyType::Epci: return true;  // communauté, métropole
    case PartyType::Syndicat:
    case PartyType::Departement:
    case PartyType::Etat: return false;
    case PartyType::Autre: return p.designation && p.designation->rfind("la ", 0) == 0;
  }
  return false;
}

bool starts_with_vowel(std::string_view s) {
  static const std::vector<std::string_view> vowels{"A", "E", "I", "O", "U", "Y", "H", "É", "È", "Ê", "Î", "Ô", "Â",
                                                     "a", "e", "i", "o", "u", "y", "h", "é", "è", "ê", "î", "ô", "â"};
  return std::any_of(vowels.begin(), vowels.end(), [&](std::string_view v) { return s.rfind(v, 0) == 0; });
}

// « la Commune d'Aiglun », « la Commune du Brusquet », « la Commune des Mées ».
std::string commune_of(const std::string& name) {
  if (name.rfind("Le ", 0) == 0) return "du " + name.substr(3);
  if (name.rfind("Les ", 0) == 0) return "des " + name.substr(4);
  if (name.rfind("La ", 0) == 0) return "de la " + name.substr(3);
  if (name.rfind("L'", 0) == 0 || name.rfind("L’", 0) == 0) return "de l'" + name.substr(name[1] == '\'' ? 2 : 4);
  return starts_with_vowel(name) ? "d'" + name : "de " + name;
}

std::string designation(const Party& p) {
  if (p.designation) return *p.designation;
  bool has_article = p.nom.rfind("la ", 0) == 0 || p.nom.rfind("La ", 0) == 0 || p.nom.rfind("le ", 0) == 0 ||
                     p.nom.rfind("Le ", 0) == 0 || p.nom.rfind("l'", 0) == 0 || p.nom.rfind("L'", 0) == 0;
  switch (p.type) {
    case PartyType::Caf:
    case PartyType::Msa:
    case PartyType::Carsat:
    case PartyType::Cpam: return has_article ? p.nom : "la " + p.nom;
    case PartyType::Departement:
    case PartyType::Syndicat: return has_article ? p.nom : "le " + p.nom;
    case PartyType::Etat: return has_article ? p.nom : "l'" + p.nom;
    case PartyType::Commune: return "la Commune " + commune_of(p.nom);
    case PartyType::Epci:
      return p.forme ? fmt::format("la {} {}", label_of(*p.forme), p.nom) : "la communauté " + p.nom;
    default: return p.nom;
  }
}

// « De la Commune d'Aiglun » → capitalised for a signature cell.
std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string person(const Representative& r) {
  return fmt::format("{} {} {}", label_of(r.civilite), r.prenom, r.nom);
}

// « son Maire », « sa Présidente ».
std::string possessive(const Representative& r) {
  std::string first = r.qualite.substr(0, r.qualite.find(' '));
  bool feminine_title = r.civilite == Civility::Madame && first != "Maire" && !first.empty() && first.back() == 'e';
  return (feminine_title ? "sa " : "son ") + r.qualite;
}

// ------------------------------------------------------------------ convention

void parties_block(const Ctg& ctg, std::vector<Block>& out, const std::string& what = "la présente convention") {
  out.push_back(paragraph(doc::plain("Entre :")));
  bool first = true;
  for (const auto& p : ctg.parties) {
    if (!first && &p == &ctg.parties[1]) out.push_back(paragraph(doc::plain("Et")));
    std::vector<std::string> reps;
    bool all_women = true;
    for (const auto& r : p.representants) {
      if (!r.signataire) continue;
      all_women = all_women && r.civilite == Civility::Madame;
      reps.push_back(p.representants.size() == 1 ? fmt::format("{} {}", possessive(r), person(r))
                                                 : fmt::format("{}, {}", person(r), r.qualite));
    }
    if (reps.empty()) all_women = false;  // « son représentant légal »
    bool plural = reps.size() > 1;
    std::string authorised = std::string("dûment autorisé") + (all_women ? "e" : "") + (plural ? "s" : "");
    std::string who = reps.empty() ? std::string("son représentant légal") : join(reps, ", ");
    std::string text = fmt::format("{}, représenté{} par {}, {} à signer {}", capitalised(designation(p)),
                                   feminine_party(p) ? "e" : "", who, authorised, what);
    if (p.deliberation) text += fmt::format(" par délibération de son {}", p.deliberation->instance);
    text += " ;";
    out.push_back(paragraph(doc::plain(text)));
    if (p.nom_court)
      out.push_back(paragraph(doc::plain(fmt::format("Ci-après dénommé{} « {} » ;", feminine_party(p) ? "e" : "",
                                                     *p.nom_court))));
    first = false;
  }
  if (ctg.convention.denomination)
    out.push_back(paragraph(doc::plain(fmt::format("Ci-après dénommés {}.", *ctg.convention.denomination))));
  out.push_back(paragraph(doc::plain(ctg.convention.formule.value_or("Il est convenu et arrêté ce qui suit :"))));
}

void visas_block(const Ctg& ctg, std::vector<Block>& out) {
  Block b;
  b.kind = Kind::List;
  for (const auto& v : ctg.visas) b.items.push_back(doc::plain(v.texte));
  // One visa per deliberation of the parties, generated.
  for (const auto& p : ctg.parties) {
    if (!p.deliberation) continue;
    b.items.push_back(concat({doc::plain(fmt::format("Vu la délibération du {} {} en date du ", p.deliberation->instance,
                                                     commune_of_designation(designation(p)))),
                              date_or_blank(p.deliberation->date),
                              doc::plain(", figurant en annexe 5 de la présente convention ;")}));
  }
  if (!b.items.empty()) out.push_back(std::move(b));
}

void signatures_block(const Ctg& ctg, std::vector<Block>& out) {
  const auto& cv = ctg.convention;
  out.push_back(paragraph(concat({doc::plain("Fait à "), blank_or(cv.lieu_signature), doc::plain(", le "),
                                  date_or_blank(cv.date_signature)})));
  if (cv.exemplaires) out.push_back(paragraph(doc::plain(*cv.exemplaires)));
  Block sig;
  sig.kind = Kind::Signatures;
  sig.table.caption = "Signatures";
  for (const auto& p : ctg.parties) {
    std::vector<doc::Cell> row;
    Line l = doc::plain(capitalised(p.nom_court && p.type == PartyType::Caf ? *p.nom_court : designation(p)));
    row.push_back(doc::Cell{l, true, false});
    for (const auto& r : p.representants)
      if (r.signataire) row.push_back(doc::Cell{doc::plain(r.qualite + "\n" + person(r)), false, false});
    sig.table.rows.push_back(std::move(row));
  }
  out.push_back(std::move(sig));
}

void convention_blocks(const Ctg& ctg, std::vector<Block>& out) {
  parties_block(ctg, out);
  out.push_back(heading(2, "Visas", "visas"));
  visas_block(ctg, out);
  if (ctg.preambule) {
    out.push_back(heading(2, "Préambule", "preambule"));
    out.push_back(markdown(*ctg.preambule));
  }
  for (const auto& a : ctg.articles) {
    out.push_back(heading(2, fmt::format("Article {} – {}", a.numero, a.titre), "article-" + std::to_string(a.numero)));
    out.push_back(markdown(a.texte));
  }
  out.push_back(heading(2, "Signatures", "signatures"));
  signatures_block(ctg, out);
}

}  // namespace

void parties_section(const Ctg& ctg, std::vector<Block>& out, const std::string& what) { parties_block(ctg, out, what); }
void signatures_section(const Ctg& ctg, std::vector<Block>& out) { signatures_block(ctg, out); }
std::string designation_of(const Party& p) { return designation(p); }

doc::Document build(const Ctg& ctg, Part part, bool draft, const coverage::Report* given) {
  doc::Document d;
  d.title = ctg.convention.titre;
  d.subtitle = fmt::format("{} – {}-{}", ctg.convention.territoire, ctg.convention.debut.year, ctg.convention.fin.year);
  d.draft = draft;
  std::optional<coverage::Report> computed;
  if (!given) computed = coverage::compute(ctg);
  const coverage::Report& cov = given ? *given : *computed;
  auto& out = d.blocks;
  switch (part) {
    case Part::All:
      convention_blocks(ctg, out);
      parts::annexe1(ctg, out);
      parts::annexe2(ctg, out);
      parts::annexe3(ctg, cov, out);
      parts::annexe4(ctg, out);
      parts::annexe5(ctg, out);
      break;
    case Part::Convention: convention_blocks(ctg, out); break;
    case Part::PetiteEnfance: parts::petite_enfance(ctg, cov, out); break;
    case Part::Annexe1: parts::annexe1(ctg, out); break;
    case Part::Annexe2: parts::annexe2(ctg, out); break;
    case Part::Annexe3: parts::annexe3(ctg, cov, out); break;
    case Part::Annexe4: parts::annexe4(ctg, out); break;
    case Part::Annexe5: parts::annexe5(ctg, out); break;
  }
  // A part alone does not start on a page break.
  if (!out.empty() && out.front().kind == Kind::PageBreak) out.erase(out.begin());
  return d;
}

std::string commune_of_designation(const std::string& d) {
  // « la X » → « de la X », « le X » → « du X », « l'X » → « de l'X », else « de X ».
  if (d.rfind("la ", 0) == 0 || d.rfind("La ", 0) == 0) return "de la " + d.substr(3);
  if (d.rfind("le ", 0) == 0 || d.rfind("Le ", 0) == 0) return "du " + d.substr(3);
  if (d.rfind("les ", 0) == 0 || d.rfind("Les ", 0) == 0) return "des " + d.substr(4);
  if (d.rfind("l'", 0) == 0 || d.rfind("L'", 0) == 0) return "de l'" + d.substr(2);
  return "de " + d;
}

}  // namespace ctg::render

namespace ctg::doc {
Line plain(std::string text) { return {Span{std::move(text), Style::Normal}}; }
}  // namespace ctg::doc
