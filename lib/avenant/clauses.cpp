// SPDX-License-Identifier: EUPL-1.2
#include "avenant/clauses.hpp"

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

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : s) {
    if (ch == ' ' || ch == '\n' || ch == '\t') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(ch);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string joined(const std::vector<std::string>& w, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) out += (i > from ? " " : "") + w[i];
  return out;
}

std::size_t occurrences(const std::vector<std::string>& text, const std::vector<std::string>& phrase) {
  if (phrase.empty() || phrase.size() > text.size()) return 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i + phrase.size() <= text.size(); ++i)
    if (std::equal(phrase.begin(), phrase.end(), text.begin() + static_cast<long>(i))) ++n;
  return n;
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

std::string transfer_recital(const TransferClause& t) {
  return fmt::format("Considérant que {} a transféré à {} {}{} et que la population prise en compte par {} pour "
                     "{} en est modifiée ;",
                     t.commune_name, format::naming::designation(*t.epci), competences_words(t.competences),
                     t.transfer && t.transfer->depuis ? " à compter du " + to_french_long(*t.transfer->depuis) : "",
                     fr::of_phrase(format::naming::designation(*t.epci)).substr(3),
                     t.competences.size() > 1 ? "ces compétences" : "cette compétence");
}

std::string unique_quote(const std::string& text, std::size_t begin, std::size_t end) {
  auto w = words_of(text);
  std::size_t b = std::min(begin, w.size()), e = std::min(std::max(end, b), w.size());
  while (true) {
    std::vector<std::string> phrase(w.begin() + static_cast<long>(b), w.begin() + static_cast<long>(e));
    if (!phrase.empty() && occurrences(w, phrase) == 1) return joined(w, b, e);
    if (b == 0 && e == w.size()) return joined(w, b, e);
    if (b > 0) --b;
    if (e < w.size()) ++e;
  }
}

// Why one long function: One case per kind of change of an article, each giving its clause; they share the article's designation.
void article_change(const diff::Change& c, const Article& before, const Article& after, std::vector<Block>& out) {
  std::string where = fmt::format("l'article {} « {} »", after.numero, after.titre);
  // Word runs of the difference, with their positions in both texts.
  struct Run {
    std::size_t b0, b1, a0, a1;  // [b0, b1) in the old words, [a0, a1) in the new
  };
  std::vector<Run> runs;
  std::size_t bi = 0, ai = 0, changed = 0;
  for (const auto& piece : c.words) {
    std::size_t n = words_of(piece.text).size();
    if (piece.op == diff::WordPiece::Op::Same) {
      bi += n, ai += n;
      continue;
    }
    if (runs.empty() || runs.back().b1 != bi || runs.back().a1 != ai) runs.push_back({bi, bi, ai, ai});
    if (piece.op == diff::WordPiece::Op::Removed) bi += n, runs.back().b1 = bi;
    else ai += n, runs.back().a1 = ai;
    changed += n;
  }
  // Runs a few words apart are one change: « assuré [conjointement] par [la Caf et] la ».
  std::vector<Run> merged;
  for (const auto& r : runs) {
    if (!merged.empty() && r.b0 - merged.back().b1 <= 4 && r.b0 - merged.back().b1 == r.a0 - merged.back().a1) {
      merged.back().b1 = r.b1;
      merged.back().a1 = r.a1;
    } else {
      merged.push_back(r);
    }
  }
  runs = merged;
  auto wb = words_of(before.texte), wa = words_of(after.texte);
  bool short_change = !runs.empty() && runs.size() <= 3 && changed <= 40 && wb.size() > 0;
  if (!short_change) {
    out.push_back(paragraph(render::doc::plain(fmt::format("{} est ainsi rédigé :", [&] {
      std::string s = where;
      s[0] = 'L';
      return s;
    }()))));
    std::string q;
    for (std::size_t pos = 0; pos <= after.texte.size();) {
      auto nl = after.texte.find('\n', pos);
      if (nl == std::string::npos) nl = after.texte.size();
      q += "> " + after.texte.substr(pos, nl - pos) + "\n";
      pos = nl + 1;
    }
    out.push_back(markdown(q));
    return;
  }
  std::vector<std::string> items;
  for (const auto& r : runs) {
    // Widen the quoted passage, the same words on both sides, until it occurs once in the old text.
    std::size_t left = 0, right = 0;
    auto quote_before = [&] { return std::vector<std::string>(wb.begin() + static_cast<long>(r.b0 - left), wb.begin() + static_cast<long>(r.b1 + right)); };
    while ((r.b1 + right - (r.b0 - left) == 0 || occurrences(wb, quote_before()) != 1) &&
           (r.b0 - left > 0 || r.b1 + right < wb.size())) {
      if (r.b0 - left > 0 && r.a0 - left > 0) ++left;
      if (r.b1 + right < wb.size() && r.a1 + right < wa.size()) ++right;
      if ((r.b0 - left == 0 || r.a0 - left == 0) && (r.b1 + right == wb.size() || r.a1 + right == wa.size())) break;
    }
    std::string old_words = joined(wb, r.b0 - left, r.b1 + right);
    std::string new_words = joined(wa, r.a0 - left, r.a1 + right);
    if (new_words.empty()) items.push_back(fmt::format("les mots « {} » sont supprimés", old_words));
    else items.push_back(fmt::format("les mots « {} » sont remplacés par les mots « {} »", old_words, new_words));
  }
  if (items.size() == 1) {
    out.push_back(paragraph(render::doc::plain(fmt::format("À {}, {}.", where, items[0]))));
    return;
  }
  out.push_back(paragraph(render::doc::plain(fmt::format("{} est ainsi modifié :", [&] {
    std::string s = where;
    s[0] = 'L';
    return s;
  }()))));
  for (std::size_t i = 0; i < items.size(); ++i) items[i] = fmt::format("{}° {}{}", i + 1, items[i], i + 1 == items.size() ? "." : " ;");
  out.push_back(list(items));
}

}  // namespace ctg::avenant
