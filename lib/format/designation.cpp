// SPDX-License-Identifier: EUPL-1.2
#include "format/designation.hpp"

#include <fmt/format.h>

#include <array>

#include "base/french.hpp"
#include "format/vocabulary.hpp"

namespace ctg::format::naming {

namespace {

bool starts(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool has_article(std::string_view s) {
  for (std::string_view a : {"la ", "La ", "le ", "Le ", "les ", "Les ", "l'", "L'", "l’", "L’"})
    if (starts(s, a)) return true;
  return false;
}

std::string upper_first(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

// « la » or « le » or « l' » before a common noun phrase.
std::string with_article(const std::string& phrase, bool feminine) {
  if (fr::starts_with_vowel(phrase)) return "l'" + phrase;
  return (feminine ? "la " : "le ") + phrase;
}

}  // namespace

std::optional<std::string> repeated_kind(const Party& p) {
  auto kinds = [&]() -> std::vector<std::string_view> {
    switch (p.type) {
      case PartyType::Commune: return {"Commune ", "commune ", "Ville ", "ville ", "Mairie "};
      case PartyType::Epci:
        return {"Communauté ", "communauté ", "Métropole ", "métropole ", "CC ", "CA ", "Agglomération "};
      case PartyType::Syndicat: return {"Syndicat ", "syndicat ", "SIVU ", "SIVOM "};
      case PartyType::Departement: return {"Département ", "Conseil départemental "};
      default: return {};
    }
  }();
  std::string nom = p.nom;
  for (std::string_view a : {"la ", "La ", "le ", "Le ", "l'", "L'"})
    if (starts(nom, a)) nom = nom.substr(a.size());
  for (auto k : kinds)
    if (starts(nom, k)) return upper_first(std::string(k.substr(0, k.size() - 1)));
  return std::nullopt;
}

bool feminine(const Party& p) {
  if (p.designation) return starts(*p.designation, "la ") || starts(*p.designation, "La ") ||
                            ((starts(*p.designation, "l'") || starts(*p.designation, "L'")) &&
                             fr::feminine_noun(p.designation->substr(2)));
  switch (p.type) {
    case PartyType::Caf:
    case PartyType::Commune:
    case PartyType::Msa:
    case PartyType::Carsat:
    case PartyType::Cpam: return true;
    case PartyType::Epci: return !p.forme || *p.forme != LegalForm::Sivu;  // communauté, métropole
    case PartyType::Syndicat:
    case PartyType::Departement:
    case PartyType::Etat: return false;
    case PartyType::Autre: return fr::feminine_noun(p.nom);
  }
  return false;
}

std::string designation(const Party& p) {
  if (p.designation) return *p.designation;
  const std::string& nom = p.nom;
  // A commune's name keeps its own article: « la Commune de La Chapelle-aux-Brocs ».
  if (p.type == PartyType::Commune && !repeated_kind(p)) return "la Commune " + fr::of_place(nom);
  // « de la Nièvre », « Nièvre » or « La Nièvre » name the territory: « le Département de la Nièvre ».
  if (p.type == PartyType::Departement && !repeated_kind(p)) {
    for (std::string_view prep : {"de ", "du ", "des ", "d'", "d’"})
      if (starts(nom, prep)) return "le Département " + nom;
    return "le Département " + fr::of_phrase(nom);
  }
  if (has_article(nom)) return lower_first(nom);
  if (repeated_kind(p)) {
    // The referential's short forms (« CA du Pays de Meaux ») read in full.
    if (p.type == PartyType::Epci)
      for (auto [abbrev, full] : {std::pair{"CC ", "Communauté de communes "}, {"CA ", "Communauté d'agglomération "},
                                  {"CU ", "Communauté urbaine "}})
        if (starts(nom, abbrev)) return "la " + std::string(full) + nom.substr(3);
    return with_article(upper_first(nom), feminine(p));
  }
  switch (p.type) {
    case PartyType::Commune: return "la Commune " + fr::of_place(nom);
    case PartyType::Epci:
      if (p.forme) return fmt::format("la {} {}", label_of(*p.forme), nom);
      return "la Communauté " + nom;
    case PartyType::Syndicat:
      if (p.forme) return with_article(fmt::format("{} {}", label_of(*p.forme), nom), false);
      return "le Syndicat " + nom;
    case PartyType::Etat: return "l'" + nom;
    default: return with_article(nom, feminine(p));
  }
}

std::string title(const Party& p) { return upper_first(designation(p)); }

std::string of(const Party& p) { return fr::of_phrase(designation(p)); }

std::string person(const Representative& r) {
  std::vector<std::string> parts;
  // A civility without a name would read « M. » alone: it only agrees the words.
  if (r.civilite && !r.nom.empty()) parts.emplace_back(label_of(*r.civilite));
  if (!r.prenom.empty()) parts.push_back(r.prenom);
  if (!r.nom.empty()) parts.push_back(r.nom);
  std::string out;
  for (const auto& s : parts) out += (out.empty() ? "" : " ") + s;
  return out;
}

bool feminine(const Representative& r) {
  std::string first = r.qualite.substr(0, r.qualite.find(' '));
  static const std::array<std::string_view, 9> feminine_titles{"Présidente", "Directrice", "Vice-présidente",
                                                               "Vice-Présidente", "Adjointe", "Conseillère",
                                                               "Déléguée", "Préfète", "Directrice générale"};
  for (auto t : feminine_titles)
    if (first == t) return true;
  return r.civilite == Civility::Madame;
}

std::string possessive_quality(const Representative& r) {
  std::string first = r.qualite.substr(0, r.qualite.find(' '));
  // « sa Présidente », but « son Maire » (Mme le Maire) and « son Adjointe ».
  bool feminine_title = feminine(r) && first != "Maire" && !first.empty() && first.back() == 'e';
  return (feminine_title && !fr::starts_with_vowel(r.qualite) ? "sa " : "son ") + r.qualite;
}

}  // namespace ctg::format::naming
