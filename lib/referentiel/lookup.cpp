// SPDX-License-Identifier: EUPL-1.2
#include "referentiel/lookup.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/french.hpp"
#include "base/json.hpp"
#include "base/text.hpp"

namespace ctg::referentiel {

namespace {

std::string n(std::optional<std::int64_t> v) { return v ? fr::integer(*v) : "—"; }

Json opt_number(std::optional<std::int64_t> v) { return v ? Json(*v) : Json(nullptr); }

bool looks_like_code(std::string_view s) {
  return s.size() == 5 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || c == 'A' || c == 'B' || c == 'a' || c == 'b';
         });
}

// An EPCI's name without its legal form and article, folded: « CA du Grand
// Dole », « Communauté d'agglomération du Grand Dole », « grand dôle » → « grand
// dole » (issue 22: the official full name and the short one alike).
std::string epci_key(std::string_view name) {
  std::string f = fold(name);
  static const std::vector<std::string_view> forms{
      "communaute d agglomeration ", "communaute de communes ", "communaute urbaine ", "communaute ",
      "agglomeration ", "metropole ", "ca ", "cc ", "cu ", "met ", "d agglomeration ", "de communes ", "urbaine "};
  static const std::vector<std::string_view> articles{"du ", "de la ", "de l ", "des ", "de ", "d ", "l "};
  auto drop = [&](const std::vector<std::string_view>& words) {
    for (auto w : words)
      if (f.size() > w.size() && f.compare(0, w.size(), w) == 0) {
        f.erase(0, w.size());
        return true;
      }
    return false;
  };
  while (drop(forms)) {
  }
  drop(articles);
  return f;
}

// The EPCIs of `y` named `text` tolerantly (epci_key); else none, and up to
// three « vouliez-vous dire » whose key contains it or is the closest.
std::vector<const Epci*> epcis_matching(const Year& y, std::string_view text, std::vector<std::string>& suggestions) {
  std::vector<const Epci*> exact, partial;
  std::string key = epci_key(text);
  if (key.empty()) return exact;
  std::vector<std::string> keys;
  for (const auto& e : y.epcis()) {
    std::string k = epci_key(e.nom);
    if (k == key) exact.push_back(&e);
    else if ((" " + k + " ").find(" " + key + " ") != std::string::npos) partial.push_back(&e);
    keys.push_back(std::move(k));
  }
  if (!exact.empty()) return exact;
  for (const auto* e : partial)
    if (suggestions.size() < 3) suggestions.push_back(fmt::format("{} (SIREN {})", guillemets(e->nom), e->siren));
  if (suggestions.empty())
    if (auto c = closest(key, keys))
      for (const auto& e : y.epcis())
        if (epci_key(e.nom) == *c && suggestions.size() < 3)
          suggestions.push_back(fmt::format("{} (SIREN {})", guillemets(e.nom), e.siren));
  return exact;
}

// Why a millésime listed in index.tsv could not be read.
std::string unreadable(Store& s, int m) {
  std::string why = s.year_problem(m);
  if (const Info* inf = s.info(m); inf && !inf->importe.empty())
    return fmt::format("les données du millésime {} importées de l'Insee sont illisibles{} ; importez à nouveau le "
                       "fichier de l'Insee (ctg referentiel --importer FICHIER --millesime {}) ou supprimez le dossier "
                       "{} (variable CTG_REFERENTIEL_UTILISATEUR)",
                       m, why.empty() ? "" : " (" + why + ")", m, s.user_dir());
  return fmt::format("les données du millésime {} du référentiel sont illisibles{} ; réinstallez le référentiel ou "
                     "corrigez le dossier {} (variable CTG_REFERENTIEL)",
                     m, why.empty() ? "" : " (" + why + ")", s.dir());
}

std::vector<int> chosen(Store& s, std::optional<int> m) {
  std::vector<int> out;
  for (auto it = s.millesimes().rbegin(); it != s.millesimes().rend(); ++it)
    if (!m || it->millesime == *m) out.push_back(it->millesime);
  return out;
}

std::string epci_name(Store& s, int m, std::string_view siren) {
  auto with_epci = s.latest_with_epci(m);
  if (!with_epci && !s.millesimes().empty()) with_epci = s.latest_with_epci(s.millesimes().back().millesime);
  const Year* y = with_epci ? s.year(*with_epci) : nullptr;
  const Epci* e = y ? y->epci(siren) : nullptr;
  if (e) return fmt::format("{} (SIREN {})", e->nom, siren);
  return fmt::format("SIREN {}", siren);
}

// The figures of one commune in each chosen millésime.
void describe_commune(Store& s, std::string_view code, const std::vector<int>& years, Output out, std::string& text,
                      Json& list, xlsx::Sheet& sheet) {
  Json entry = Json::object();
  Json pops = Json::array();
  std::optional<std::int64_t> status_total;
  int status_year = 0;
  std::string head;
  for (int m : years) {
    const Year* y = s.year(m);
    const Commune* c = y ? y->commune(code) : nullptr;
    if (!c) continue;
    if (head.empty()) {
      head = fmt::format("{} {} (département {}){}", c->code, c->nom, c->departement,
                         c->epci.empty() ? ", membre d'aucun EPCI à fiscalité propre"
                                         : ", membre de " + epci_name(s, m, c->epci));
      entry.set("code", std::string(c->code)).set("nom", std::string(c->nom))
          .set("departement", std::string(c->departement))
          .set("epci", c->epci.empty() ? Json(nullptr) : Json(std::string(c->epci)));
      if (out == Output::Texte) text += head + "\n";
    }
    if (c->totale && !status_total) status_total = c->totale, status_year = m;
    if (out == Output::Texte) {
      std::string figures = c->totale ? fmt::format("population totale {}, municipale {}", n(c->totale), n(c->municipale))
                            : c->municipale ? fmt::format("population municipale {} (population totale absente du "
                                                          "référentiel de ctg pour ce millésime ; l'Insee la "
                                                          "publie : {})", n(c->municipale), insee_page(m))
                                            : std::string("population absente du référentiel");
      const Info* inf = s.info(m);
      if (inf && !inf->importe.empty() && c->totale) figures += " (source : " + inf->importe + ")";
      text += fmt::format("  millésime {} (en vigueur au 1er janvier {}) : {}\n", m, m + 3, figures);
    } else if (out == Output::Csv) {
      text += fmt::format("{},{},{},{},{},{},{}\n", c->code, csv_field(c->nom), c->departement, c->epci, m,
                          c->totale ? std::to_string(*c->totale) : "", c->municipale ? std::to_string(*c->municipale) : "");
    } else if (out == Output::Xlsx) {
      using xlsx::Cell;
      sheet.rows.push_back({Cell::of(std::string(c->code)), Cell::of(std::string(c->nom)),
                            Cell::of(std::string(c->departement)),
                            c->epci.empty() ? Cell{} : Cell::of(std::string(c->epci)), Cell::of(std::int64_t{m}),
                            Cell::of(std::optional<Date>(Date{m + 3, 1, 1})), Cell::of(c->totale),
                            Cell::of(c->municipale)});
    }
    Json pop = Json::object().set("millesime", m).set("en_vigueur", fmt::format("{}-01-01", m + 3))
                   .set("totale", opt_number(c->totale)).set("municipale", opt_number(c->municipale));
    if (const Info* inf = s.info(m); inf && !inf->importe.empty() && c->totale) pop.set("source", inf->importe);
    pops.push(pop);
  }
  if (out == Output::Texte && status_total)
    text += fmt::format("  seuils (population totale {}, millésime {}) : {}\n", n(status_total), status_year,
                        legal_status(*status_total));
  entry.set("populations", pops);
  if (status_total)
    entry.set("statut", Json::object().set("millesime", status_year).set("texte", legal_status(*status_total)));
  list.push(entry);
}

// Why one long function: The search in its order: SIREN, exact name, tolerant name, then the suggestions.
Answer lookup_epci(Store& s, const Query& q) {
  Answer a;
  std::optional<int> m = q.millesime;
  if (!m && !s.millesimes().empty()) m = s.latest_with_epci(s.millesimes().back().millesime);
  const Info* inf = m ? s.info(*m) : nullptr;
  if (!inf || !inf->epci) {
    a.error = q.millesime ? fmt::format("le référentiel n'a pas la composition des EPCI du millésime {}", *q.millesime)
                          : "le référentiel n'a la composition d'aucun EPCI";
    return a;
  }
  const Year* y = s.year(*m);
  if (!y) {
    a.error = unreadable(s, *m);
    return a;
  }
  const Epci* e = y->epci(q.epci);
  std::vector<std::string> suggestions;
  if (!e) {
    auto named = y->epcis_named(q.epci);
    if (named.empty()) named = epcis_matching(*y, q.epci, suggestions);
    if (named.size() == 1) e = named[0];
    for (const auto* other : named)
      if (named.size() > 1) suggestions.push_back(fmt::format("{} (SIREN {})", guillemets(other->nom), other->siren));
  }
  if (!e) {
    a.text = fmt::format("aucun EPCI de SIREN ou de nom {} dans la composition du millésime {}{}\n",
                         guillemets(q.epci), *m,
                         suggestions.empty() ? std::string()
                                             : fmt::format(" ; vouliez-vous dire {} ?", join_french(suggestions, " ou ")));
    return a;
  }
  a.found = true;
  if (q.output == Output::Xlsx) {
    a.book.title = fmt::format("{} (SIREN {})", e->nom, e->siren);
    a.book.subject = fmt::format("Communes membres et populations légales, millésime {} (en vigueur au 1er janvier {})",
                                 *m, *m + 3);
    a.book.sheets = {{"Communes membres", {"Code", "Commune", "Population totale", "Population municipale",
                                           "Obligations (population totale)"}, {}}};
  }
  std::int64_t tot = 0, mun = 0;
  bool all_tot = true;
  Json members = Json::array();
  std::string rows;
  for (auto code : e->membres) {
    const Commune* c = y->commune(code);
    if (!c) continue;
    if (c->totale) tot += *c->totale; else all_tot = false;
    if (c->municipale) mun += *c->municipale;
    std::string status = c->totale ? legal_status(*c->totale) : "";
    if (q.output == Output::Texte)
      rows += fmt::format("  {:<6} {:<34} {:>9} {:>11}  {}\n", c->code, c->nom, n(c->totale), n(c->municipale), status);
    else if (q.output == Output::Csv)
      rows += fmt::format("{},{},{},{},{},{},{}\n", e->siren, c->code, csv_field(c->nom), *m,
                          c->totale ? std::to_string(*c->totale) : "", c->municipale ? std::to_string(*c->municipale) : "",
                          csv_field(status));
    else if (q.output == Output::Xlsx)
      a.book.sheets[0].rows.push_back({xlsx::Cell::of(std::string(c->code)), xlsx::Cell::of(std::string(c->nom)),
                                       xlsx::Cell::of(c->totale), xlsx::Cell::of(c->municipale),
                                       status.empty() ? xlsx::Cell{} : xlsx::Cell::of(status)});
    members.push(Json::object().set("code", std::string(c->code)).set("nom", std::string(c->nom))
                     .set("totale", opt_number(c->totale)).set("municipale", opt_number(c->municipale))
                     .set("statut", status.empty() ? Json(nullptr) : Json(status)));
  }
  if (q.output == Output::Json) {
    Json root = Json::object();
    root.set("format", "ctg-referentiel/1").set("millesime", *m).set("en_vigueur", fmt::format("{}-01-01", *m + 3));
    root.set("epci", Json::object().set("siren", std::string(e->siren)).set("nom", std::string(e->nom))
                         .set("type", std::string(e->type)).set("totale", opt_number(e->totale))
                         .set("municipale", opt_number(e->municipale)).set("membres", members)
                         .set("somme_totale", all_tot ? Json(tot) : Json(nullptr)).set("somme_municipale", mun));
    a.text = root.dump(2) + "\n";
  } else if (q.output == Output::Csv) {
    a.text = "siren,code,commune,millesime,population_totale,population_municipale,statut\n" + rows;
  } else {
    // Column widths count bytes: names are padded by hand to stay aligned.
    a.text = fmt::format("{} (SIREN {}, {}), millésime {} (en vigueur au 1er janvier {}) : {} communes membres\n",
                         e->nom, e->siren, e->type, *m, *m + 3, e->membres.size());
    a.text += fmt::format("  {:<6} {:<34} {:>9} {:>11}  {}\n", "code", "commune", "totale", "municipale",
                          "obligations (population totale)");
    a.text += rows;
    a.text += fmt::format("  {:<6} {:<34} {:>9} {:>11}\n", "", "somme des membres", all_tot ? n(tot) : "—", n(mun));
    a.text += fmt::format("  population de l'EPCI selon la DGCL : totale {}, municipale {}\n", n(e->totale),
                          n(e->municipale));
    a.text += "  pour un EPCI, la loi compte la population totale des seules communes qui lui ont transféré une "
              "compétence (art. L214-1-3 III CASF)\n";
  }
  return a;
}

}  // namespace

std::string legal_status(std::int64_t totale) {
  if (totale > 10000)
    return "plus de 10 000 habitants : compétences 1° à 4° obligatoires, schéma pluriannuel, relais petite enfance";
  if (totale > 3500) return "plus de 3 500 habitants : compétences 1° à 4° obligatoires";
  return "3 500 habitants ou moins : 1° et 2° obligatoires, 3° et 4° facultatifs";
}

Answer lookup(Store& s, const Query& q) {
  Answer a;
  if (!s.available()) {
    a.error = s.problem();
    return a;
  }
  if (q.millesime && !s.info(*q.millesime)) {
    std::vector<std::string> known;
    for (const auto& i : s.millesimes()) known.push_back(std::to_string(i.millesime));
    a.error = fmt::format("le millésime {} n'est pas dans le référentiel ; millésimes disponibles : {}", *q.millesime,
                          join(known, ", "));
    return a;
  }
  a.book.source = s.dir();
  if (!q.epci.empty()) {
    Answer e = lookup_epci(s, q);
    e.book.source = s.dir();
    return e;
  }
  std::vector<int> years = chosen(s, q.millesime);
  // The communes matched: by code, else by folded name (exact, then contained).
  std::vector<std::string> codes;
  std::string upper = q.text;
  for (char& c : upper) c = c == 'a' ? 'A' : c == 'b' ? 'B' : c;
  std::string key = fold(q.text);
  for (int m : years)
    if (!s.year(m)) return a.error = unreadable(s, m), a;
  for (int m : years) {
    const Year* y = s.year(m);
    if (looks_like_code(upper)) {
      if (y->commune(upper) && std::find(codes.begin(), codes.end(), upper) == codes.end()) codes.push_back(upper);
      continue;
    }
    std::vector<std::string> exact, partial;
    for (const auto& c : y->communes()) {
      std::string f = fold(c.nom);
      if (f == key) exact.emplace_back(c.code);
      else if (!key.empty() && (" " + f + " ").find(" " + key) != std::string::npos) partial.emplace_back(c.code);
    }
    for (auto& c : exact.empty() ? partial : exact)
      if (std::find(codes.begin(), codes.end(), c) == codes.end()) codes.push_back(c);
    if (!codes.empty()) break;
  }
  if (codes.empty()) {
    a.text = fmt::format("aucune commune de code ou de nom {}{}\n", guillemets(q.text),
                         q.millesime ? fmt::format(" au millésime {}", *q.millesime) : "");
    return a;
  }
  a.found = true;
  constexpr std::size_t limit = 30;
  Json list = Json::array();
  a.book.title = fmt::format("Référentiel : {}", q.text);
  a.book.subject = "Codes INSEE, EPCI et populations légales";
  a.book.sheets = {{"Communes", {"Code", "Commune", "Département", "EPCI", "Millésime", "En vigueur au",
                                 "Population totale", "Population municipale"}, {}}};
  if (q.output == Output::Csv) a.text = "code,nom,departement,epci,millesime,population_totale,population_municipale\n";
  for (std::size_t i = 0; i < codes.size() && i < limit; ++i) describe_commune(s, codes[i], years, q.output, a.text, list, a.book.sheets[0]);
  if (q.output == Output::Json)
    a.text = Json::object().set("format", "ctg-referentiel/1").set("communes", list).dump(2) + "\n";
  else if (q.output == Output::Texte && codes.size() > limit)
    a.text += fmt::format("… et {} autres communes : précisez le nom ou donnez le code INSEE\n", codes.size() - limit);
  return a;
}

}  // namespace ctg::referentiel
