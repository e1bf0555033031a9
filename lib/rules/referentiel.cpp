// SPDX-License-Identifier: EUPL-1.2
// REF-1 … REF-7: the CTG against the official geography and legal
// populations (lib/referentiel, data/referentiel). Every check is a function
// of one reference date (ctx.at) and names the millésime it compared; where
// the data do not say (a syndicat, an overseas collectivity, a millésime
// absent), it says nothing rather than compare with another year.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "base/french.hpp"
#include "rules/population.hpp"
#include "referentiel/referentiel.hpp"
#include "rules/checks.hpp"
#include "base/text.hpp"
#include "format/vocabulary.hpp"

namespace ctg::rules {

namespace {

using referentiel::Store;
using referentiel::Year;

Store* store_of(const Context& ctx) {
  if (!ctx.referentiel) return nullptr;
  Store& s = Store::instance();
  return s.available() ? &s : nullptr;
}

std::string n(std::int64_t v) { return fr::integer(v); }

// The composition of the EPCIs used to place the parties: the newest one not
// after the millésime in force at the reference date (or the oldest known).
const Year* geography(Store& s, Date at) {
  auto m = s.latest_with_epci(referentiel::in_force(at));
  if (!m && !s.millesimes().empty()) m = s.latest_with_epci(s.millesimes().back().millesime);
  return m ? s.year(*m) : nullptr;
}

bool commune_exists(Store& s, std::string_view code) {
  for (const auto& i : s.millesimes())
    if (const Year* y = s.year(i.millesime); y && y->commune(code)) return true;
  return false;
}

const referentiel::Epci* epci_anywhere(Store& s, std::string_view siren, int* millesime = nullptr) {
  const referentiel::Epci* found = nullptr;
  for (const auto& i : s.millesimes())
    if (const Year* y = s.year(i.millesime); y && y->epci(siren)) {
      found = y->epci(siren);
      if (millesime) *millesime = i.millesime;
    }
  return found;
}

// Parties placed in the referential: by their code, or else by their name.
struct Placement {
  std::map<std::string, std::string> code;  // party id → INSEE code or SIREN
  // Communes whose INSEE code is another commune's (REF-2 says it): their
  // populations are not compared, lest the other commune's figure be suggested.
  std::set<std::string> other_commune;
};

Placement place(Store& s, const Ctg& ctg, Date at) {
  Placement p;
  const Year* geo = geography(s, at);
  if (!geo) return p;
  for (const auto& party : ctg.parties) {
    if (party.type == PartyType::Epci) {
      if (party.siren) p.code[party.id] = *party.siren;
      else if (auto found = geo->epcis_named(party.nom); found.size() == 1)
        p.code[party.id] = std::string(found[0]->siren);
    }
  }
  for (const auto& party : ctg.parties) {
    if (party.type != PartyType::Commune) continue;
    if (party.insee) {
      p.code[party.id] = *party.insee;
      if (const auto* c = geo->commune(*party.insee); c && referentiel::fold(c->nom) != referentiel::fold(party.nom))
        p.other_commune.insert(party.id);
      continue;
    }
    // By name, only among the official members of its EPCI: a name alone is
    // not unique in France.
    if (!party.epci || !p.code.count(*party.epci)) continue;
    const referentiel::Epci* e = geo->epci(p.code[*party.epci]);
    if (!e) continue;
    std::string key = referentiel::fold(party.nom);
    for (auto code : e->membres)
      if (const auto* c = geo->commune(code); c && referentiel::fold(c->nom) == key) p.code[party.id] = std::string(code);
  }
  return p;
}

// ------------------------------------------------------------ figures

struct Official {
  std::optional<std::int64_t> totale, municipale;
  std::string nom;
};

Official official(Store& s, int millesime, const std::string& code) {
  const Year* y = s.year(millesime);
  if (!y) return {};
  if (const auto* c = y->commune(code)) return {c->totale, c->municipale, std::string(c->nom)};
  if (const auto* e = y->epci(code)) return {e->totale, e->municipale, std::string(e->nom)};
  return {};
}

// A population figure the CTG gives for a commune or an EPCI.
struct Figure {
  Loc loc;
  std::string who;   // « Digne-les-Bains », « l'indicateur « Population » du diagnostic »
  std::string code;  // INSEE code or SIREN
  std::int64_t value = 0;
  PopulationNature nature = PopulationNature::Inconnue;
  std::optional<int> millesime;
  bool legal = true;  // a figure the thresholds use (not a diagnostic indicator)
};

void add_population(std::vector<Figure>& out, const Placement& pl, const std::string& party_id,
                    const Population* pop, std::string who) {
  if (!pop || !pop->valeur || pl.other_commune.count(party_id)) return;
  auto it = pl.code.find(party_id);
  if (it == pl.code.end()) return;
  out.push_back({pop->at("valeur"), std::move(who), it->second, *pop->valeur, pop->nature, pop->millesime, true});
}

// The party the whole territory of the CTG is: its single EPCI, or else its single commune.
const Party* territory(const Ctg& ctg) {
  const Party* found = nullptr;
  for (auto type : {PartyType::Epci, PartyType::Commune}) {
    int count = 0;
    for (const auto& p : ctg.parties)
      if (p.type == type) found = &p, ++count;
    if (count == 1) return found;
    found = nullptr;
    if (count > 1) return nullptr;
  }
  return nullptr;
}

std::vector<Figure> figures(const Ctg& ctg, const Placement& pl) {
  std::vector<Figure> out;
  for (const auto& p : ctg.parties) {
    add_population(out, pl, p.id, p.population ? &*p.population : nullptr, p.nom);
    for (const auto& pop : p.populations) add_population(out, pl, p.id, &pop, p.nom);
  }
  for (const auto& e : ctg.autorites_organisatrices) {
    const Party* p = ctg.party(e.ao);
    add_population(out, pl, e.ao, e.population ? &*e.population : nullptr, fmt::format("{} (tableau des AO)", p ? p->nom : e.ao));
    for (const auto& t : e.transferts)
      for (const auto& c : t.communes) {
        if (!c.population || !c.population->valeur) continue;
        std::string code = c.insee.value_or("");
        if (code.empty() && c.partie && pl.code.count(*c.partie)) code = pl.code.at(*c.partie);
        if (!code.empty())
          out.push_back({c.population->at("valeur"), c.nom + " (communes ayant transféré)", code,
                         *c.population->valeur, c.population->nature, c.population->millesime, true});
      }
  }
  if (ctg.diagnostic) {
    const Party* whole = territory(ctg);
    for (const auto& ind : ctg.diagnostic->indicateurs) {
      if (ind.mesure != Measure::Population || !ind.valeur.is_integer()) continue;
      const Party* p = ind.perimetre ? ctg.party(*ind.perimetre) : whole;
      if (!p || !pl.code.count(p->id)) continue;
      out.push_back({ind.at("valeur"), fmt::format("indicateur {} du diagnostic ({})", guillemets(ind.libelle), p->nom),
                     pl.code.at(p->id), ind.valeur.integer_part(), PopulationNature::Inconnue, ind.annee, false});
    }
  }
  return out;
}

// The millésime a figure is compared with, and why; nullopt when the data
// hold no population totale at all.
struct Compared {
  int millesime;
  std::string why;  // empty when it is the figure's own millésime
};

std::optional<Compared> compared_millesime(Store& s, const Figure& f, Date at) {
  int wanted = f.millesime.value_or(referentiel::in_force(at));
  if (const auto* i = s.info(wanted); i && i->totale) return Compared{wanted, {}};
  if (f.millesime) return std::nullopt;  // its own millésime has no total: say nothing
  auto latest = s.latest_with_totale(wanted);
  if (!latest) return std::nullopt;
  return Compared{*latest, fmt::format(" ; sans millésime indiqué, comparée au millésime {}, le plus récent dont le "
                                       "référentiel a la population totale (le millésime en vigueur au {}, {}, {})",
                                       *latest, to_iso(at), wanted,
                                       s.info(wanted) ? "n'y a que la population municipale" : "n'y est pas")};
}

// The newest millésime whose municipal figure is `value` (the figure's own first).
std::optional<int> municipal_match(Store& s, const Figure& f) {
  if (f.millesime)
    if (auto o = official(s, *f.millesime, f.code); o.municipale == f.value) return f.millesime;
  std::optional<int> found;
  for (const auto& i : s.millesimes())
    if (official(s, i.millesime, f.code).municipale == f.value) found = i.millesime;
  return found;
}

// A name's leading legal form (« CA », « Communauté d'agglomération »,
// « Métropole ») and the rest: « CA du Pays de Meaux » → « CA », « du Pays
// de Meaux ». A commune's name has none.
std::pair<std::string, std::string> split_form(const std::string& name) {
  for (std::string_view f : {"Communauté de communes ", "Communauté d'agglomération ", "Communauté urbaine ",
                             "Communauté ", "Métropole ", "CC ", "CA ", "CU "})
    if (name.size() > f.size() && std::string_view(name).substr(0, f.size()) == f)
      return {std::string(f.substr(0, f.size() - 1)), name.substr(f.size())};
  return {"", name};
}

// The words of `text` that spell `name` otherwise (case, accents, hyphens,
// apostrophes, « St ») — « Château Arnoux Saint-Auban » in « la Commune de
// Château Arnoux Saint-Auban » for « Château-Arnoux-Saint-Auban » — or empty.
std::string respelled(const std::string& text, const std::string& name) {
  std::vector<std::size_t> starts, ends;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    bool space = i == text.size() || text[i] == ' ';
    if (!space && (i == 0 || text[i - 1] == ' ')) starts.push_back(i);
    if (space && i > 0 && text[i - 1] != ' ') ends.push_back(i);
  }
  std::string target = referentiel::fold(name);
  for (std::size_t a : starts) {
    // « d'Aiglun », « l'Escale »: the elided article is not part of the name.
    for (std::string_view elided : {"d'", "d’", "l'", "l’"})
      if (text.compare(a, elided.size(), elided) == 0) a += elided.size();
    for (std::size_t b : ends)
      if (b > a && referentiel::fold(text.substr(a, b - a)) == target) {
        std::string written = text.substr(a, b - a);
        return written == name ? std::string() : written;
      }
  }
  return {};
}

// Whether the figure is an official population totale: that of its own
// millésime, or, without one, of any millésime (REF-7 then says which).
// Such a figure is never « the municipal one » (REF-5), even when another
// millésime's municipal population happens to be the same number.
bool is_a_total(Store& s, const Figure& f) {
  if (f.millesime) return official(s, *f.millesime, f.code).totale == f.value;
  for (const auto& i : s.millesimes())
    if (official(s, i.millesime, f.code).totale == f.value) return true;
  return false;
}

// The communes that transferred the competences of `t` to the EPCI of
// entry `e`: those listed, or else its official members except the communes
// of the AO table that keep one of these competences. Nullopt when a listed
// commune cannot be placed.
struct Group {
  std::vector<std::string> codes;
  std::vector<std::string> kept_out;  // names
};

std::optional<Group> transferring(const Ctg& ctg, const Placement& pl, const AoEntry& e, const Transfer& t,
                                  const Year& y, const referentiel::Epci& epci) {
  Group g;
  if (!t.communes.empty()) {
    for (const auto& c : t.communes) {
      std::string code = c.insee.value_or("");
      if (code.empty() && c.partie && pl.code.count(*c.partie)) code = pl.code.at(*c.partie);
      if (code.empty()) return std::nullopt;
      g.codes.push_back(code);
    }
    return g;
  }
  std::set<std::string> keep;
  for (const auto& other : ctg.autorites_organisatrices) {
    if (!pl.code.count(other.ao) || other.ao == e.ao) continue;
    for (auto c : t.competences)
      if (other.competences.of(c) != CompetenceStatus::Transferee) keep.insert(pl.code.at(other.ao));
  }
  for (auto code : epci.membres) {
    if (!keep.count(std::string(code))) {
      g.codes.emplace_back(code);
      continue;
    }
    const auto* c = y.commune(code);
    g.kept_out.push_back(c ? std::string(c->nom) : std::string(code));
  }
  return g;
}

}  // namespace

namespace checks {

// REF-1: codes INSEE and SIREN exist; parties placed by their name are said.
void ref_1(Context& ctx) {
  if (ctx.referentiel && !Store::instance().available()) {
    // Said once (REF-1 runs first): a check skipped in silence reads as passed.
    ctx.warning(ctx.ctg.convention.loc,
                fmt::format("les règles REF-1 à REF-7 (codes, noms, populations légales) n'ont pas été vérifiées : {}",
                            Store::instance().problem()),
                "réinstallez ctg, ou donnez le dossier des données dans la variable CTG_REFERENTIEL ; "
                "--sans-referentiel écarte ces règles sans avertissement");
    return;
  }
  Store* s = store_of(ctx);
  if (!s) return;
  auto suggest = [&](const std::string& name) -> std::string {
    const Year* geo = geography(*s, ctx.at);
    if (!geo) return {};
    auto found = geo->communes_named(name);
    if (found.empty() || found.size() > 3) return {};
    std::vector<std::string> items;
    for (const auto* c : found) items.push_back(fmt::format("{} ({}, département {})", c->code, c->nom, c->departement));
    return fmt::format(" ; vouliez-vous dire {} ?", join_french(items, " ou "));
  };
  for (const auto& p : ctx.ctg.parties) {
    if (p.insee && !commune_exists(*s, *p.insee))
      ctx.error(p.at("insee"),
                fmt::format("{} : le code INSEE {} n'existe dans aucun millésime du référentiel{}", p.nom, *p.insee,
                            suggest(p.nom)),
                "corrigez le code (5 caractères, département compris : 04070) ; ctg referentiel NOM le donne");
    if (p.type == PartyType::Epci && p.siren && !epci_anywhere(*s, *p.siren))
      ctx.error(p.at("siren"),
                fmt::format("{} : le SIREN {} n'est celui d'aucun EPCI à fiscalité propre du référentiel", p.nom,
                            *p.siren),
                "corrigez le SIREN (9 chiffres) ; ctg referentiel --epci SIREN affiche un EPCI");
  }
  for (const auto& e : ctx.ctg.autorites_organisatrices)
    for (const auto& t : e.transferts)
      for (const auto& c : t.communes)
        if (c.insee && !commune_exists(*s, *c.insee))
          ctx.error(c.at("insee"),
                    fmt::format("{} : le code INSEE {} n'existe dans aucun millésime du référentiel{}", c.nom,
                                *c.insee, suggest(c.nom)),
                    "corrigez le code ; ctg referentiel NOM le donne");
}

// REF-2: the name of a commune or EPCI given by its code is the official one.
void ref_2(Context& ctx) {
  Store* s = store_of(ctx);
  if (!s) return;
  const Year* geo = geography(*s, ctx.at);
  if (!geo) return;
  for (const auto& p : ctx.ctg.parties) {
    std::string official_name;
    if (p.type == PartyType::Commune && p.insee) {
      if (const auto* c = geo->commune(*p.insee)) official_name = std::string(c->nom);
    } else if (p.type == PartyType::Epci && p.siren) {
      if (const auto* e = geo->epci(*p.siren)) official_name = std::string(e->nom);
    }
    if (official_name.empty()) continue;
    std::string code = p.insee ? "code INSEE " + *p.insee : "SIREN " + p.siren.value_or("");
    // The designation is what the documents print: one party, one spelling.
    if (std::string written = p.designation ? respelled(*p.designation, split_form(official_name).second) : "";
        !written.empty())
      ctx.warning(p.at("designation"),
                  fmt::format("{} écrit {} ; le nom officiel ({}, composition {}) s'écrit {} : la convention et les "
                              "bilans nommeraient la même partie de deux façons",
                              guillemets(*p.designation), guillemets(written), code, geo->millesime,
                              guillemets(split_form(official_name).second)),
                  "écrivez le nom officiel dans « designation », ou retirez « designation » : le document la déduit "
                  "de « nom » ; si le texte signé garde son orthographe, acquittez le constat (constats_acquittes, "
                  "avec un motif)");
    if (official_name == p.nom) continue;
    auto [official_form, official_rest] = split_form(official_name);
    auto [form, rest] = split_form(p.nom);
    bool same_rest = referentiel::fold(official_rest) == referentiel::fold(rest);
    if (same_rest || referentiel::fold(official_name) == referentiel::fold(p.nom)) {
      std::vector<std::string> why;
      if (official_form != form)
        why.push_back(official_form.empty() ? "sans forme juridique"
                                            : fmt::format("avec sa forme juridique {}", guillemets(official_form)));
      if (official_rest != rest) why.push_back("accents, traits d'union ou majuscules");
      ctx.note(p.at("nom"),
               fmt::format("{} : le nom officiel ({}, composition {}) s'écrit {} ({})", guillemets(p.nom), code,
                           geo->millesime, guillemets(official_name), join_french(why)),
               p.type == PartyType::Epci
                   ? "écrivez le nom officiel dans « nom », tel que ctg init l'écrit : il satisfait aussi la règle "
                     "NOM, et le document le désigne en entier (« la Communauté d'agglomération … »)"
                   : "écrivez le nom officiel dans « nom » ; la désignation (« la Commune de … ») reste libre");
    } else
      ctx.warning(p.at("nom"),
                  fmt::format("{} : le {} est celui de {} ({}, composition {})", guillemets(p.nom), code,
                              guillemets(official_name), p.type == PartyType::Commune ? "commune" : "EPCI",
                              geo->millesime),
                  "vérifiez le code ou le nom ; ctg referentiel NOM donne le code d'une commune");
  }
}

// REF-3: a commune said to be a member of an EPCI, or to transfer a
// competence to it, is one of its official members.
void ref_3(Context& ctx) {
  Store* s = store_of(ctx);
  if (!s) return;
  const Year* geo = geography(*s, ctx.at);
  if (!geo) return;
  Placement pl = place(*s, ctx.ctg, ctx.at);
  auto check = [&](Loc loc, const std::string& name, const std::string& code, const std::string& epci_id,
                   const char* how) {
    auto it = pl.code.find(epci_id);
    if (it == pl.code.end()) return;
    const auto* e = geo->epci(it->second);
    if (!e || std::find(e->membres.begin(), e->membres.end(), code) != e->membres.end()) return;
    const auto* c = geo->commune(code);
    std::string actual = c && !c->epci.empty() && geo->epci(c->epci)
                             ? fmt::format(" ; elle est membre de {} (SIREN {})", geo->epci(c->epci)->nom, c->epci)
                             : "";
    ctx.warning(loc,
                fmt::format("{} ({}) {} {}, mais n'est pas membre de {} (SIREN {}) dans la composition des EPCI "
                            "du millésime {}{}",
                            name, code, how, e->nom, e->nom, e->siren, geo->millesime, actual),
                "vérifiez la commune, son code et l'EPCI ; ctg referentiel --epci SIREN liste les membres");
  };
  for (const auto& p : ctx.ctg.parties)
    if (p.type == PartyType::Commune && p.epci && pl.code.count(p.id))
      check(p.at("epci"), p.nom, pl.code.at(p.id), *p.epci, "est dite membre de");
  for (const auto& e : ctx.ctg.autorites_organisatrices)
    for (const auto& t : e.transferts)
      for (const auto& c : t.communes) {
        std::string code = c.insee.value_or("");
        if (code.empty() && c.partie && pl.code.count(*c.partie)) code = pl.code.at(*c.partie);
        if (!code.empty()) check(c.loc, c.nom, code, e.ao, "transfère des compétences à");
      }
}

// REF-4: a population totale equal to the official one of its millésime.
void ref_4(Context& ctx) {
  Store* s = store_of(ctx);
  if (!s) return;
  Placement pl = place(*s, ctx.ctg, ctx.at);
  for (const auto& f : figures(ctx.ctg, pl)) {
    if (f.nature != PopulationNature::Totale) continue;
    auto cmp = compared_millesime(*s, f, ctx.at);
    if (!cmp) continue;
    Official o = official(*s, cmp->millesime, f.code);
    if (!o.totale || *o.totale == f.value) continue;
    if (municipal_match(*s, f)) continue;  // REF-5 says it
    bool other = false;  // the total of another millésime: REF-7's concern
    for (const auto& i : s->millesimes()) other |= !f.millesime && official(*s, i.millesime, f.code).totale == f.value;
    if (other) continue;
    ctx.warning(f.loc,
                fmt::format("{} : population totale {} ; le référentiel donne {} (population totale, millésime {}) "
                            "pour {}{}",
                            f.who, n(f.value), n(*o.totale), cmp->millesime, o.nom, cmp->why),
                fmt::format("reprenez le chiffre officiel {} et indiquez millesime: {} ; ctg referentiel {} le donne",
                            n(*o.totale), cmp->millesime, f.code));
  }
}

// REF-5: a municipal figure given as the legal one.
void ref_5(Context& ctx) {
  Store* s = store_of(ctx);
  if (!s) return;
  Placement pl = place(*s, ctx.ctg, ctx.at);
  for (const auto& f : figures(ctx.ctg, pl)) {
    if (f.nature == PopulationNature::Municipale || is_a_total(*s, f)) continue;
    auto m = municipal_match(*s, f);
    if (!m) continue;
    Official o = official(*s, *m, f.code);
    if (o.totale == f.value) continue;
    std::string year_note;
    if (f.millesime && *f.millesime != *m) {
      Official declared = official(*s, *f.millesime, f.code);
      year_note = fmt::format(" (et non du millésime {} indiqué", *f.millesime);
      if (declared.municipale)
        year_note += fmt::format(", dont la population municipale est {}", n(*declared.municipale));
      if (declared.totale) year_note += fmt::format(" et la totale {}", n(*declared.totale));
      year_note += ")";
    }
    std::string legal = o.totale ? fmt::format("le chiffre légal est la population totale : {} (millésime {})",
                                               n(*o.totale), *m)
                                 : fmt::format("le chiffre légal est la population totale, que le référentiel n'a pas "
                                               "pour le millésime {}", *m);
    // A descriptive figure (the diagnostic's) decides no obligation: it cites
    // the referential, not the law.
    std::string message = fmt::format("{} : {} est la population municipale de {}, millésime {}{} ; {}", f.who,
                                      n(f.value), o.nom, *m, year_note, legal);
    if (!f.legal) {
      ctx.report_citing("populations légales de l'Insee, référentiel de ctg", Severity::Warning, f.loc,
                        std::move(message),
                        o.totale ? fmt::format("écrivez {} (population totale, millésime {}), ou dites dans le "
                                               "libellé qu'il s'agit de la population municipale",
                                               n(*o.totale), *m)
                                 : std::string("dites dans le libellé qu'il s'agit de la population municipale"));
      continue;
    }
    ctx.warning(f.loc, std::move(message),
                o.totale ? fmt::format("écrivez {} avec nature: totale et millesime: {} (art. L214-1-3 III CASF : "
                                       "population totale)", n(*o.totale), *m)
                         : std::string("indiquez nature: municipale, ou la population totale publiée par l'Insee"));
  }
}

// REF-6: an EPCI's population for its competences, recomputed from the
// official totals of the communes that transferred them.
void ref_6(Context& ctx) {
  Store* s = store_of(ctx);
  if (!s) return;
  Placement pl = place(*s, ctx.ctg, ctx.at);
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    auto sit = pl.code.find(e.ao);
    const Party* party = ctx.ctg.party(e.ao);
    if (sit == pl.code.end() || !party || party->type != PartyType::Epci) continue;
    for (const auto& t : e.transferts) {
      if (!t.population || !t.population->valeur) continue;
      Figure f{t.population->at("valeur"), party->nom, sit->second, *t.population->valeur, t.population->nature,
               t.population->millesime, true};
      auto cmp = compared_millesime(*s, f, ctx.at);
      if (!cmp) continue;
      const Year* y = s->year(cmp->millesime);
      const auto* epci = y ? y->epci(sit->second) : nullptr;
      if (!epci) continue;
      auto group = transferring(ctx.ctg, pl, e, t, *y, *epci);
      if (!group) continue;
      std::int64_t sum = 0;
      bool complete = true;
      for (const auto& code : group->codes) {
        const auto* c = y->commune(code);
        if (!c || !c->totale) complete = false;
        else sum += *c->totale;
      }
      if (!complete) continue;  // a commune without an official total: say nothing
      std::string whom = group->kept_out.empty()
                             ? fmt::format("des {} communes ayant transféré", group->codes.size())
                             : fmt::format("des {} membres de {} sauf {}, qui gardent ces compétences au tableau",
                                           group->codes.size(), epci->nom, join_french(group->kept_out));
      std::vector<std::string> names;
      for (auto c : t.competences) names.push_back(competence_name(c));
      std::string text = fmt::format("{} : {} habitants pour les communes ayant transféré ({}) ; population totale "
                                     "officielle {} : {} (millésime {}){}",
                                     party->nom, n(f.value), join_french(names), whom, n(sum), cmp->millesime,
                                     cmp->why);
      if (sum == f.value)
        ctx.note(f.loc, text + " : le chiffre est exact",
                 t.population->millesime ? "" : fmt::format("indiquez millesime: {}", cmp->millesime));
      else
        ctx.warning(f.loc, text,
                    fmt::format("reprenez {} (millésime {}) ou listez les communes ayant transféré (clé communes "
                                "du transfert)", n(sum), cmp->millesime));
    }
  }
}

// REF-7: a millésime older than the one in force at the reference date.
void ref_7(Context& ctx) {
  Store* s = store_of(ctx);
  int current = referentiel::in_force(ctx.at);
  Placement pl = s ? place(*s, ctx.ctg, ctx.at) : Placement{};
  // The message does not depend on the date checked, so that the period's
  // evaluation says it once (« à partir du 1er janvier M+4 : … »): the newer
  // figure named is the referential's most recent one in force by the CTG's end.
  int target = referentiel::in_force(ctx.ctg.convention.fin);
  if (s && !s->millesimes().empty()) target = std::min(target, s->millesimes().back().millesime);
  auto newer = [&](const std::string& code) -> std::string {
    if (!s || code.empty() || !s->info(target)) return {};
    Official o = official(*s, target, code);
    if (o.totale) return fmt::format(" ; millésime {} au référentiel : population totale {} pour {}", target,
                                     n(*o.totale), o.nom);
    if (o.municipale)
      return fmt::format(" ; millésime {} au référentiel : population municipale {} pour {} (sa population totale "
                         "n'est pas dans le référentiel de ctg ; l'Insee la publie : {})", target, n(*o.municipale),
                         o.nom, referentiel::insee_page(target));
    return {};
  };
  // The referential without the totals of that millésime (2023): where the Insee publishes them.
  std::string totals_hint;
  if (s && s->info(target) && !s->info(target)->totale)
    totals_hint = fmt::format(" ; le référentiel de ctg n'a que les populations municipales du millésime {} : "
                              "l'Insee publie les totales ({})", target, referentiel::insee_page(target));
  std::set<std::pair<std::string, int>> said;  // a party's millésime is said once
  auto check = [&](const Population* pop, const std::string& who, const std::string& id) {
    if (!pop || !pop->millesime || *pop->millesime >= current) return;
    if (!id.empty() && !said.insert({id, *pop->millesime}).second) return;
    auto it = pl.other_commune.count(id) ? pl.code.end() : pl.code.find(id);
    ctx.note(pop->at("millesime"),
             fmt::format("{} : population du millésime {}, qui ne fait plus foi depuis le 1er janvier {} (le "
                         "millésime {} la remplace){}", who, *pop->millesime, *pop->millesime + 4,
                         *pop->millesime + 1, newer(it == pl.code.end() ? "" : it->second)),
             "le millésime M des populations légales fait foi à partir du 1er janvier M+3 ; mettez à jour le "
             "chiffre et son millésime" + totals_hint);
  };
  // A party with populations by millésime: the one in force at the date checked.
  for (const auto& p : ctx.ctg.parties) check(population_at(p, ctx.at), p.nom, p.id);
  auto ptr = [](const std::optional<Population>& pop) { return pop ? &*pop : nullptr; };
  for (const auto& e : ctx.ctg.autorites_organisatrices) {
    const Party* p = ctx.ctg.party(e.ao);
    check(ptr(e.population), p ? p->nom : e.ao, e.ao);
    for (const auto& t : e.transferts)
      check(ptr(t.population), (p ? p->nom : e.ao) + " (communes ayant transféré)", "");
  }
}

}  // namespace checks
}  // namespace ctg::rules
