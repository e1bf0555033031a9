// SPDX-License-Identifier: EUPL-1.2
#include "avenant/clauses.hpp"

#include "avenant/alineas.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "format/designation.hpp"
#include "base/french.hpp"
#include "render/blocks.hpp"
#include "base/text.hpp"
#include "format/vocabulary.hpp"

namespace ctg::avenant {

using namespace render::blocks;

namespace {

bool same_commune(const TransferringCommune& a, const TransferringCommune& b) {
  if (a.partie && b.partie) return *a.partie == *b.partie;
  if (a.insee && b.insee) return *a.insee == *b.insee;
  return a.nom == b.nom;
}

bool has(const std::vector<Competence>& cs, Competence c) { return std::find(cs.begin(), cs.end(), c) != cs.end(); }

// The population the EPCI counts for competence `c`: the total of the
// communes that transferred it (art. L214-1-3 III CASF).
std::optional<std::int64_t> population_for(const AoEntry* e, Competence c) {
  if (!e) return std::nullopt;
  std::optional<std::int64_t> total;
  for (const auto& t : e->transferts) {
    if (!has(t.competences, c)) continue;
    std::optional<std::int64_t> v;
    if (t.population && t.population->valeur) v = t.population->valeur;
    else if (!t.communes.empty()) {
      std::int64_t sum = 0;
      bool all = true;
      for (const auto& m : t.communes)
        if (m.population && m.population->valeur) sum += *m.population->valeur;
        else all = false;
      if (all) v = sum;
    }
    if (!v) return std::nullopt;
    total = total.value_or(0) + *v;
  }
  return total;
}

std::string competences_words(const std::vector<Competence>& cs) {
  std::vector<std::string> names;
  for (Competence c : cs) names.push_back(fmt::format("« {} »", label_of(c)));
  return fmt::format("{} {}", cs.size() > 1 ? "les compétences" : "la compétence", fr::and_list(names));
}

}  // namespace

// Why one long function: the two sources of a transfer (the EPCI's line, the
// commune's own line) share the clauses found so far.
std::vector<TransferClause> transfers(const Ctg& before, const Ctg& after) {
  std::vector<TransferClause> out;
  // Each clause found in one look-up, not by walking `out` at every addition.
  std::map<std::tuple<const Party*, std::string, const Transfer*>, std::size_t> clause_of;
  std::set<std::pair<std::string, Competence>> named;  // (commune, competence) already in a clause
  auto add = [&](const Party* commune, const std::string& name, const Party* epci, Competence c, const Transfer* t) {
    named.emplace(name, c);
    auto [at, fresh] = clause_of.try_emplace({epci, name, t}, out.size());
    if (!fresh) {
      auto& x = out[at->second];
      if (!has(x.competences, c)) x.competences.push_back(c);
      return;
    }
    out.push_back({commune, name, epci, {c}, t, {}, {}});
  };
  // The communes' own lines by their EPCI, indexed once: walking every line
  // for every EPCI cost 45 million look-ups for France.
  std::map<std::string_view, std::vector<std::pair<const AoEntry*, const Party*>>> communes_of;
  for (const auto& ce : after.autorites_organisatrices)
    if (const Party* p = after.party(ce.ao); p && p->type == PartyType::Commune && p->epci)
      communes_of[*p->epci].emplace_back(&ce, p);
  for (const auto& e : after.autorites_organisatrices) {
    const Party* epci = after.party(e.ao);
    if (!epci || (epci->type != PartyType::Epci && epci->type != PartyType::Syndicat)) continue;
    const AoEntry* old = before.ao_entry(e.ao);
    for (const auto& t : e.transferts)
      for (const auto& m : t.communes)
        for (Competence c : t.competences) {
          bool was = false;
          if (old)
            for (const auto& tb : old->transferts)
              if (has(tb.competences, c))
                for (const auto& mb : tb.communes) was = was || same_commune(m, mb);
          if (was) continue;
          const Party* p = m.partie ? after.party(*m.partie) : nullptr;
          add(p, p ? format::naming::designation(*p) : "la Commune " + fr::of_place(m.nom), epci, c, &t);
        }
    // A commune that says so in its own line, the EPCI's transfer not listing communes.
    auto members = communes_of.find(e.ao);
    if (members == communes_of.end()) continue;
    for (const auto& [ce, p] : members->second) {
      const AoEntry* cb = before.ao_entry(ce->ao);
      for (Competence c : {Competence::Recenser, Competence::Informer, Competence::Planifier, Competence::Qualite}) {
        if (ce->competences.of(c) != CompetenceStatus::Transferee) continue;
        if (cb && cb->competences.of(c) == CompetenceStatus::Transferee) continue;
        const Transfer* t = nullptr;
        for (const auto& tr : e.transferts)
          if (!t && has(tr.competences, c)) t = &tr;
        std::string name = format::naming::designation(*p);
        if (!named.count({name, c})) add(p, name, epci, c, t);
      }
    }
  }
  for (auto& x : out) {
    std::sort(x.competences.begin(), x.competences.end());
    x.population_before = population_for(before.ao_entry(x.epci->id), x.competences.front());
    x.population_after = population_for(after.ao_entry(x.epci->id), x.competences.front());
  }
  return out;
}

void transfer_article(const TransferClause& t, std::vector<Block>& out) {
  // The parties take note of a transfer the councils and the prefect decided: the avenant does not perform it.
  Line l = concat({render::doc::plain(fmt::format("Les parties prennent acte du transfert par {} à {} de {} d'autorité "
                                                  "organisatrice de l'accueil du jeune enfant (article L214-1-3 I du "
                                                  "code de l'action sociale et des familles), à compter du ",
                                                  t.commune_name, format::naming::designation(*t.epci),
                                                  competences_words(t.competences))),
                   date_or_blank(t.transfer ? t.transfer->depuis : std::nullopt)});
  if (t.transfer && t.transfer->arrete_prefectoral)
    l.push_back(Span{fmt::format(", prononcé par l'arrêté préfectoral {} pris en application de l'article "
                                 "L5211-17 du code général des collectivités territoriales",
                                 *t.transfer->arrete_prefectoral)});
  else
    l.push_back(Span{", intervenu dans les conditions de l'article L5211-17 du code général des collectivités territoriales"});
  l.push_back(Span{"."});
  out.push_back(paragraph(std::move(l)));
  std::string pop = fmt::format(
      "Pour l'exercice de {}, le nombre d'habitants dont il est tenu compte pour {} est la population totale des "
      "communes qui la lui ont transférée (article L214-1-3 III du même code) : il passe de {} à {} habitants.",
      t.competences.size() > 1 ? "ces compétences" : "cette compétence", format::naming::designation(*t.epci),
      t.population_before ? fr::integer(*t.population_before) : std::string("………"),
      t.population_after ? fr::integer(*t.population_after) : std::string("………"));
  out.push_back(paragraph(render::doc::plain(pop)));
}

std::vector<Line> transfer_visas(const TransferClause& t) {
  std::vector<Line> out;
  if (t.transfer)
    for (const auto& d : t.transfer->deliberations) {
      std::string v = d;
      while (!v.empty() && (v.back() == ';' || v.back() == '.' || v.back() == ' ')) v.pop_back();
      out.push_back(render::doc::plain("Vu " + v + " ;"));
    }
  if (t.transfer && t.transfer->arrete_prefectoral)
    out.push_back(render::doc::plain(fmt::format("Vu l'arrêté préfectoral {} portant transfert de {} à {} ;",
                                         *t.transfer->arrete_prefectoral, competences_words(t.competences),
                                         format::naming::designation(*t.epci))));
  return out;
}

// The considérant states what is done in the past (the order, the councils'
// decision) and the transfer's effect in the present, as the article that
// takes note of it.
std::string transfer_recital(const TransferClause& t) {
  std::string epci = format::naming::designation(*t.epci);
  std::string what = fmt::format("{} à {} de {}", t.commune_name, epci, competences_words(t.competences));
  std::string effect = t.transfer && t.transfer->depuis
                           ? fmt::format(", qui prend effet le {}", to_french_long(*t.transfer->depuis))
                           : std::string();
  std::string fact;
  if (t.transfer && t.transfer->arrete_prefectoral)
    fact = fmt::format("l'arrêté préfectoral {} a prononcé le transfert par {}{}", *t.transfer->arrete_prefectoral, what, effect);
  else if (t.transfer)
    fact = fmt::format("le transfert par {} a été décidé{}", what, effect);
  else
    fact = fmt::format("{} a transféré à {} {}", t.commune_name, epci, competences_words(t.competences));
  return fmt::format("Considérant que {}, et que la population prise en compte par {} pour {} en est modifiée ;", fact,
                     fr::of_phrase(epci).substr(3), t.competences.size() > 1 ? "ces compétences" : "cette compétence");
}

namespace {

// An alinéa quoted in a clause, its list mark left out: « De la Caf, ».
std::string inline_quote(const std::string& alinea) {
  bool item = alinea.size() > 2 && (alinea.rfind("- ", 0) == 0 || alinea.rfind("* ", 0) == 0);
  return fmt::format("« {} »", item ? alinea.substr(2) : alinea);
}

// The end of a clause that quotes: « … d'agglomération. » takes no second full stop.
std::string closed(const std::string& clause) {
  for (const char* end : {".", ";", ":", "!", "?"})
    if (clause.size() > 4 && clause.compare(clause.size() - 4, 1, end) == 0 && clause.ends_with(" »")) return clause;
  return clause + ".";
}

// Several alinéas quoted, one paragraph each, between « and ».
Block block_quote(const std::vector<std::string>& text) {
  std::string q;
  for (std::size_t i = 0; i < text.size(); ++i)
    q += fmt::format("{}> {}{}{}\n", i ? ">\n" : "", i == 0 ? "« " : "", text[i], i + 1 == text.size() ? " »" : "");
  return markdown(q);
}

std::string upper_first(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace

// The rule a juriste accepts: a change replaces, deletes or inserts whole
// alinéas, named by their ordinal in the old article, the new text in full;
// the article is restated in full when most of it changes.
void article_change(const Article& before, const Article& after, std::vector<Block>& out) {
  std::string where = fmt::format("l'article {} « {} »", after.numero, after.titre);
  auto old_alineas = alineas(before.texte), new_alineas = alineas(after.texte);
  auto edits = alinea_edits(old_alineas, new_alineas);
  std::size_t touched = 0;
  bool long_text = false;
  for (const auto& e : edits) {
    touched += std::max(e.last - e.first, e.text.size());
    long_text = long_text || e.text.size() > 1;
  }
  if (edits.empty()) return;
  if (edits.size() == 1 && 2 * touched <= old_alineas.size() + 1) {
    const auto& e = edits.front();
    std::string clause = upper_first(alinea_clause(e, "de " + where));
    if (e.text.empty()) out.push_back(paragraph(render::doc::plain(clause + ".")));
    else if (e.text.size() == 1) out.push_back(paragraph(render::doc::plain(closed(clause + " " + inline_quote(e.text[0])))));
    else {
      out.push_back(paragraph(render::doc::plain(clause)));
      out.push_back(block_quote(e.text));
    }
    return;
  }
  if (!long_text && edits.size() <= 4 && 2 * touched <= old_alineas.size()) {
    out.push_back(paragraph(render::doc::plain(upper_first(where) + " est ainsi modifié :")));
    std::vector<std::string> items;
    for (std::size_t i = 0; i < edits.size(); ++i) {
      const auto& e = edits[i];
      std::string clause = upper_first(alinea_clause(e, ""));
      if (!e.text.empty()) clause += " " + inline_quote(e.text[0]);
      items.push_back(i + 1 == edits.size() ? closed(fmt::format("{}° {}", i + 1, clause))
                                            : fmt::format("{}° {} ;", i + 1, clause));
    }
    out.push_back(list(items));
    return;
  }
  out.push_back(paragraph(render::doc::plain(upper_first(where) + " est ainsi rédigé :")));
  out.push_back(block_quote(new_alineas));
}

namespace {

bool mentions_cdsf(const std::string& s) {
  return s.find("CDSF") != std::string::npos || s.find("omité départemental des services aux familles") != std::string::npos;
}

// The sentences of an alinéa: « … familiale. La Caf … » → two.
std::vector<std::string> sentences(const std::string& alinea) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (auto at = alinea.find(". "); at != std::string::npos; at = alinea.find(". ", at + 2)) {
    out.push_back(alinea.substr(from, at + 1 - from));
    from = at + 2;
  }
  if (from < alinea.size()) out.push_back(alinea.substr(from));
  return out;
}

// The party whose name is the subject nearest before `verb` in `sentence`: « la Caf peut transmettre ».
std::string subject_of(const Ctg& ctg, const std::string& sentence, std::size_t verb) {
  std::string who;
  std::size_t best = 0;
  for (const auto& p : ctg.parties) {
    std::string name = p.nom_court ? *p.nom_court : p.type == PartyType::Caf ? "la Caf" : std::string();
    if (name.empty()) continue;
    auto at = sentence.rfind(name, verb);
    if (at != std::string::npos && at + name.size() <= verb && (who.empty() || at >= best)) who = name, best = at;
  }
  return who;
}

}  // namespace

std::optional<CdsfSender> cdsf_sender(const Ctg& convention) {
  std::optional<CdsfSender> found;
  for (const auto& a : convention.articles)
    for (const auto& alinea : alineas(a.texte))
      for (const auto& s : sentences(alinea)) {
        auto verb = s.find("transm");
        if (!mentions_cdsf(s) || verb == std::string::npos) continue;
        std::string who = subject_of(convention, s, verb);
        if (who.empty()) continue;
        // The sentence on the CTG's own elements wins over a commune's separate schéma.
        bool about_ctg = s.find("CTG") != std::string::npos || s.find("Ctg") != std::string::npos ||
                         s.find("convention") != std::string::npos;
        if (found && !about_ctg) continue;
        CdsfSender c{a.numero, who, {}};
        if (s.rfind("Avec ", 0) == 0 && s.find(", ") < verb) c.condition = "a" + s.substr(1, s.find(", ") - 1);
        found = c;
        if (about_ctg) return found;
      }
  return found;
}

}  // namespace ctg::avenant
