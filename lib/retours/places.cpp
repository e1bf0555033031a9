// SPDX-License-Identifier: EUPL-1.2
// The anchors of ctg render (render/build.cpp, parties.cpp, annexes.cpp)
// mapped back to the source: a label in French and the position to edit.
#include <fmt/format.h>

#include "base/digest.hpp"
#include "format/vocabulary.hpp"
#include "render/blocks.hpp"
#include "retours/retours.hpp"

namespace ctg::retours {

namespace {

using render::blocks::anchor;

std::size_t indent_of(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

// The position of alinéa `k` (from 1) of a text whose value is at `v`: in a
// block scalar (« | » or « > »), the first line of the k-th run of lines
// after a blank one; elsewhere the value itself.
Loc alinea(const SourceSet& src, Loc v, int k) {
  if (!v.known() || static_cast<std::size_t>(v.file) >= src.size()) return v;
  std::string_view first = src.line_text(v.file, v.line);
  std::size_t at = static_cast<std::size_t>(v.col > 0 ? v.col - 1 : 0);
  if (at >= first.size() || (first[at] != '|' && first[at] != '>')) return v;
  std::size_t base = std::string_view::npos;
  int count = 0;
  bool blank = true;
  for (int line = v.line + 1;; ++line) {
    std::string_view t = src.line_text(v.file, line);
    bool empty = t.find_first_not_of(" \t\r") == std::string_view::npos;
    if (empty) {
      if (line > src.file(v.file).last_text_line) break;
      blank = true;
      continue;
    }
    std::size_t ind = indent_of(t);
    if (base == std::string_view::npos) base = ind;
    if (ind < base) break;
    if (blank && ind == base && ++count == k) return Loc{v.file, line, static_cast<int>(base) + 1};
    blank = false;
  }
  return v;
}

std::string nth(int k) { return k == 1 ? "1er" : fmt::format("{}e", k); }

// « art-6 » + its text: art-6-al-1, art-6-al-2… up to the alinéas the text has.
void alineas(std::map<std::string, Place>& out, const SourceSet& src, const std::string& id, const std::string& label,
             const std::string& text, Loc v) {
  int n = 1;
  for (std::size_t p = 0; (p = text.find("\n\n", p)) != std::string::npos; p += 2) ++n;
  for (int k = 1; k <= n; ++k)
    out[fmt::format("{}-al-{}", id, k)] = {fmt::format("{}, {} alinéa", label, nth(k)), alinea(src, v, k), v, {}};
}

void fiches(const Ctg& ctg, const SourceSet& src, std::map<std::string, Place>& out) {
  for (const auto& f : ctg.fiches_action) {
    std::string label = fmt::format("fiche action {}", f.numero);
    out[anchor("fiche-" + f.id)] = {label, f.loc, {}, {}};
    auto text = [&](const char* key, const std::optional<std::string>& t, const char* what) {
      if (t) alineas(out, src, anchor("fiche-" + f.id + "-" + key), label + ", " + what, *t, f.at(key));
    };
    text("objectif_global", f.objectif_global, "objectif global");
    text("resultat_attendu", f.resultat_attendu, "résultat attendu");
    text("public_cible", f.public_cible, "public cible");
    text("territoire", f.territoire, "territoire concerné");
    for (const auto& a : f.actions_cles)
      out[anchor("action-" + f.id + "-" + a.id)] = {fmt::format("{}, action clé {}", label, a.id), a.at("texte"),
                                                   a.at("texte"), {}};
  }
}

void offer(const Ctg& ctg, std::map<std::string, Place>& out) {
  for (const auto& t : ctg.offre_petite_enfance)
    for (const auto& l : t.lignes) {
      std::string key = l.id.value_or(std::string(key_of(l.mode)));
      std::string row = anchor("offre-" + t.key() + "-" + key);
      std::string label = fmt::format("offre petite enfance de {}, ligne {}", t.key(), key);
      out[row] = {label, l.loc, {}, {}};
      out[row + "-actuel"] = {label + ", actuel", l.at("actuel"), l.at("actuel"), {}};
      for (int y : ctg.years())
        out[fmt::format("{}-{}", row, y)] = {fmt::format("{}, {}", label, y), l.at("projection"), l.at("projection"),
                                             std::to_string(y)};
    }
  for (const auto& e : ctg.equipements) out[anchor("equipement-" + e.id)] = {"équipement " + e.id, e.loc, {}, {}};
}

}  // namespace

std::map<std::string, Place> places(const Ctg& ctg, const SourceSet& src) {
  std::map<std::string, Place> out;
  for (std::size_t i = 0; i < ctg.visas.size(); ++i) {
    const Visa& v = ctg.visas[i];
    std::string id = v.id.empty() ? std::to_string(i + 1) : v.id;
    out[anchor("visa-" + id)] = {"visa " + id, v.at("texte"), v.at("texte"), {}};
  }
  for (const auto& p : ctg.parties) {
    out[anchor("partie-" + p.id)] = {"partie " + p.id, p.loc, {}, {}};
    if (p.deliberation)
      out[anchor("visa-deliberation-" + p.id)] = {"visa de la délibération de " + p.id, p.at("deliberation"), {}, {}};
  }
  if (ctg.preambule) alineas(out, src, "preambule", "préambule", *ctg.preambule, ctg.at("preambule"));
  for (const auto& a : ctg.articles) {
    std::string id = "art-" + std::to_string(a.numero);
    out["article-" + std::to_string(a.numero)] = {fmt::format("article {}, titre", a.numero), a.at("titre"),
                                                  a.at("titre"), {}};
    alineas(out, src, id, fmt::format("article {}", a.numero), a.texte, a.at("texte"));
  }
  fiches(ctg, src, out);
  offer(ctg, out);
  // Word names a bookmark with at most 40 characters: pandoc names a longer
  // identifier « X » and the SHA-1 of the identifier without its first digit.
  std::vector<std::pair<std::string, Place>> long_names;
  for (const auto& [name, place] : out)
    if (name.size() > 40) long_names.emplace_back("X" + sha1_hex(name).substr(1), place);
  for (auto& [name, place] : long_names) out.emplace(std::move(name), std::move(place));
  return out;
}

}  // namespace ctg::retours
