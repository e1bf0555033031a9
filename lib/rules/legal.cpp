// SPDX-License-Identifier: EUPL-1.2
// LEX-1 … LEX-3: the legal references and the announced counts written in
// the CTG's texts, against the table of known texts (rules_legal_texts.cpp)
// and against the CTG's own structure.
#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "rules/checks.hpp"
#include "rules/text.hpp"
#include "base/text.hpp"

namespace ctg::rules {

std::vector<Prose> prose(const Ctg& ctg) {
  std::vector<Prose> out;
  for (const auto& v : ctg.visas) out.push_back({fmt::format("le visa « {} »", v.id), v.at("texte"), &v.texte});
  if (ctg.preambule) out.push_back({"le préambule", ctg.at("preambule"), &*ctg.preambule});
  for (const auto& a : ctg.articles) out.push_back({fmt::format("l'article {}", a.numero), a.at("texte"), &a.texte});
  if (ctg.diagnostic) out.push_back({"le diagnostic", ctg.diagnostic->at("texte"), &ctg.diagnostic->texte});
  if (ctg.plan_actions) {
    const auto& plan = *ctg.plan_actions;
    if (plan.introduction) out.push_back({"le plan d'actions", plan.at("introduction"), &*plan.introduction});
    for (const auto& y : plan.calendrier)
      for (std::size_t i = 0; i < y.actions.size(); ++i)
        out.push_back({fmt::format("le calendrier {}", y.annee), y.at("actions"), &y.actions[i]});
  }
  for (const auto& f : ctg.fiches_action)
    out.push_back({fmt::format("la fiche action {}", f.numero), f.at("objectif_global"), &f.objectif_global});
  if (ctg.pilotage && ctg.pilotage->texte) out.push_back({"l'annexe 4", ctg.pilotage->at("texte"), &*ctg.pilotage->texte});
  return out;
}

namespace {

const char* const months[] = {"janvier", "fevrier", "mars",      "avril",   "mai",      "juin",
                              "juillet", "aout",    "septembre", "octobre", "novembre", "decembre"};

std::string kind_folded(std::string_view kind) { return folded(kind); }

std::string describe(const LegalText& t) {
  return fmt::format("{} n° {} du {} {}", t.kind, t.number, to_french_long(t.date), t.title);
}

// « plein emploi », « schéma pluriannuel » prevu/prevus alike.
std::string normal_title(std::string_view s) {
  std::string f = folded(s);
  for (std::size_t p; (p = f.find("prevus ")) != std::string::npos;) f.replace(p, 7, "prevu ");
  return f;
}

// A mention of a law, decree or ordinance in folded text: its kind, number
// and date as written, and the words around it.
struct Mention {
  std::string kind;
  std::string number;
  std::optional<Date> date;
  std::string window;
};

std::vector<Mention> mentions_in(const std::string& f) {
  static const std::regex start(R"(\b(loi|decret|ordonnance)\b)");
  // Folded text writes « 2023-1196 » as « 2023 1196 ».
  static const std::regex number(R"(^\s*(?:n\s*°|no)\s*(\d{2,4})[ -](\d{1,5})\b)");
  static const std::regex date(R"(\b(1er|\d{1,2}) (janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre) (\d{4})\b)");
  std::vector<Mention> out;
  std::vector<std::pair<std::size_t, std::string>> starts;
  for (auto it = std::sregex_iterator(f.begin(), f.end(), start); it != std::sregex_iterator(); ++it)
    starts.emplace_back(static_cast<std::size_t>(it->position()), (*it)[1].str());
  for (std::size_t i = 0; i < starts.size(); ++i) {
    std::size_t from = starts[i].first + starts[i].second.size();
    std::size_t to = i + 1 < starts.size() ? starts[i + 1].first : f.size();
    std::size_t stop = f.find_first_of(";\n", from);
    to = std::min({to, stop == std::string::npos ? f.size() : stop, from + 240});
    Mention m{starts[i].second == "decret" ? "décret" : starts[i].second, {}, {}, f.substr(from, to - from)};
    std::smatch sm;
    if (std::regex_search(m.window, sm, number)) m.number = sm[1].str() + "-" + sm[2].str();
    if (std::regex_search(m.window, sm, date) && static_cast<std::size_t>(sm.position()) < 60) {
      int day = sm[1].str() == "1er" ? 1 : std::stoi(sm[1].str());
      int month = static_cast<int>(std::find(std::begin(months), std::end(months), sm[2].str()) - std::begin(months)) + 1;
      int year = std::stoi(sm[3].str());
      if (month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month)) m.date = Date{year, month, day};
    }
    out.push_back(std::move(m));
  }
  return out;
}

const LegalText* by_number(const Mention& m) {
  for (const auto& t : legal_texts())
    if (t.number == m.number && kind_folded(t.kind) == folded(m.kind)) return &t;
  return nullptr;
}

const LegalText* by_name(const Mention& m) {
  for (const auto& t : legal_texts()) {
    if (kind_folded(t.kind) != folded(m.kind)) continue;
    for (auto n : t.names)
      if (m.window.find(n) != std::string::npos) return &t;
  }
  return nullptr;
}

}  // namespace

namespace checks {

// LEX-1: a known text named with a wrong date or number.
void lex_1(Context& ctx) {
  for (const auto& p : prose(ctx.ctg))
    for (const auto& m : mentions_in(folded(*p.text))) {
      const LegalText* t = m.number.empty() ? nullptr : by_number(m);
      bool named = !t;
      if (!t) t = by_name(m);
      if (!t) continue;
      bool bad_number = named && !m.number.empty() && m.number != t->number;
      bool bad_date = m.date && *m.date != t->date;
      if (!bad_number && !bad_date) continue;
      std::vector<std::string> written;
      if (!m.number.empty()) written.push_back(fmt::format("n° {}", m.number));
      if (m.date) written.push_back(fmt::format("du {}", to_french_long(*m.date)));
      const char* art = t->kind == "décret" ? "le" : "la";
      ctx.warning(p.loc,
                  fmt::format("{} cite {} {} {}, mais {} {} {} est {} {} : {}", p.what, art, t->kind,
                              join(written, " "), art, t->kind, t->title, art, describe(*t),
                              bad_number && bad_date ? "le numéro et la date sont faux"
                              : bad_number           ? "le numéro est faux"
                                                     : "la date est fausse"),
                  fmt::format("corrigez : {} n° {} du {}", t->kind, t->number, to_french_long(t->date)));
    }
}

// LEX-2: the schéma pluriannuel said to be provided by another article than
// L214-2 (its content: D214-10-1), unless the words quote a known text's
// official title (décret n° 2025-253's own title says « prévu à l'article
// L. 214-1-3 »: quoting it is right).
void lex_2(Context& ctx) {
  static const std::regex cited(
      R"(schema pluriannuel[^;.]{0,160}?(?:prevus?|mentionnes?|defini?s?) (?:a|par) l'article ([ld])\.? ?(\d{3}(?:[ -]\d+)*))");
  for (const auto& p : prose(ctx.ctg)) {
    std::string f = normal_title(*p.text);
    for (auto it = std::sregex_iterator(f.begin(), f.end(), cited); it != std::sregex_iterator(); ++it) {
      std::string article = (*it)[1].str() == "l" ? "L" : "D";
      std::string digits = (*it)[2].str();  // « 214 1 3 » in folded text
      std::replace(digits.begin(), digits.end(), ' ', '-');
      article += digits;
      if (article == "L214-2" || article == "D214-10-1") continue;
      auto pos = static_cast<std::size_t>(it->position());
      bool quoted = std::any_of(legal_texts().begin(), legal_texts().end(), [&](const LegalText& t) {
        std::string title = normal_title(t.title);
        for (std::size_t q = f.find(title); q != std::string::npos; q = f.find(title, q + 1))
          if (q <= pos + it->length() && pos <= q + title.size()) return true;
        return false;
      });
      if (quoted) continue;
      ctx.warning(p.loc,
                  fmt::format("{} dit le schéma pluriannuel prévu à l'article {} : il est prévu à l'art. L214-2 "
                              "CASF (son contenu à l'art. D214-10-1) ; l'art. L214-1-3 définit les compétences des "
                              "autorités organisatrices",
                              p.what, article),
                  "citez l'article L. 214-2 du code de l'action sociale et des familles, ou le titre officiel du "
                  "décret n° 2025-253 tel quel");
    }
  }
}

// LEX-3: announced counts against the structure.
void lex_3(Context& ctx) {
  static const std::regex count(
      R"(\b(\d{1,3}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt) (axes|fiches?(?: actions?)?|communes|signataires)\b)");
  static const std::vector<std::string> words{"",     "",     "deux",  "trois",    "quatre",   "cinq", "six",
                                              "sept", "huit", "neuf",  "dix",      "onze",     "douze", "treize",
                                              "quatorze", "quinze", "seize"};
  const Ctg& ctg = ctx.ctg;
  std::int64_t communes = std::count_if(ctg.parties.begin(), ctg.parties.end(),
                                        [](const Party& p) { return p.type == PartyType::Commune; });
  bool grouping = std::any_of(ctg.parties.begin(), ctg.parties.end(),
                              [](const Party& p) { return p.type == PartyType::Epci || p.type == PartyType::Syndicat; });
  std::optional<std::int64_t> stated_communes;
  if (ctg.diagnostic)
    for (const auto& i : ctg.diagnostic->indicateurs)
      if (i.mesure == Measure::Communes && !i.perimetre && i.valeur.is_integer()) stated_communes = i.valeur.integer_part();
  for (const auto& p : prose(ctg)) {
    std::string f = folded(*p.text);
    for (auto it = std::sregex_iterator(f.begin(), f.end(), count); it != std::sregex_iterator(); ++it) {
      std::string n_text = (*it)[1].str(), noun = (*it)[2].str();
      std::int64_t n = 0;
      if (n_text == "vingt") n = 20;
      else if (auto w = std::find(words.begin(), words.end(), n_text); w != words.end()) n = w - words.begin();
      else n = std::stoll(n_text);
      std::int64_t actual = 0;
      std::string what;
      if (noun == "axes") {
        if (!ctg.plan_actions || ctg.plan_actions->axes.empty()) continue;
        actual = static_cast<std::int64_t>(ctg.plan_actions->axes.size());
        what = "axes au plan d'actions";
      } else if (noun.rfind("fiche", 0) == 0) {
        if (ctg.fiches_action.empty() || n < 2) continue;
        actual = static_cast<std::int64_t>(ctg.fiches_action.size());
        what = "fiches action";
      } else if (noun == "signataires") {
        actual = static_cast<std::int64_t>(ctg.parties.size());
        what = "parties signataires";
      } else {
        // N communes: fewer than the signatory communes, or, when all the
        // territory's communes sign (no EPCI), another number; an EPCI's
        // members are not all listed, except in the diagnostic's count.
        bool contradicts = n < communes || (!grouping && n != communes) ||
                           (stated_communes && n != *stated_communes && n != communes);
        if (!contradicts) continue;
        actual = communes;
        what = stated_communes ? fmt::format("communes signataires ({} au diagnostic)", *stated_communes)
                               : "communes signataires";
      }
      if (n == actual) continue;
      ctx.warning(p.loc,
                  fmt::format("{} annonce « {} {} », mais la CTG compte {} {}", p.what, n_text, noun, actual, what),
                  "mettez le texte en accord avec la structure de la convention");
    }
  }
}

}  // namespace checks
}  // namespace ctg::rules
