// SPDX-License-Identifier: EUPL-1.2
// The diff for people (terminal, Markdown for a merge request or a copil
// note) and for tools (JSON), and the flat text git's textconv shows.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "diff/diff.hpp"
#include "format/format.hpp"
#include "base/french.hpp"
#include "base/json.hpp"
#include "base/markdown.hpp"
#include "base/text.hpp"
#include "yaml/tree.hpp"

namespace ctg::diff {

namespace {

char sign(const Change& c) {
  if (c.before && !c.after) return '-';
  if (c.after && !c.before) return '+';
  return '~';
}

// Changes grouped by section, sections in the document's order.
std::vector<std::pair<std::string, std::vector<const Change*>>> grouped(const Result& r) {
  std::vector<std::pair<std::string, std::vector<const Change*>>> out;
  for (const auto& f : format::document().info().fields) {
    std::vector<const Change*> cs;
    for (const auto& c : r.changes)
      if (c.section == f.name) cs.push_back(&c);
    if (!cs.empty()) out.emplace_back(f.name, cs);
  }
  return out;
}

std::string words_text(const std::vector<WordPiece>& words, bool color) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += " ";
    switch (w.op) {
      case WordPiece::Op::Same: out += w.text; break;
      case WordPiece::Op::Removed: out += color ? "\x1b[31m[-" + w.text + "-]\x1b[0m" : "[-" + w.text + "-]"; break;
      case WordPiece::Op::Added: out += color ? "\x1b[32m{+" + w.text + "+}\x1b[0m" : "{+" + w.text + "+}"; break;
    }
  }
  return out;
}

// Only the changed words and a few around them: a long article stays readable.
std::vector<WordPiece> around_changes(const std::vector<WordPiece>& words) {
  std::vector<WordPiece> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].op != WordPiece::Op::Same) {
      out.push_back(words[i]);
      continue;
    }
    std::string t = words[i].text;
    std::vector<std::string> w;
    for (std::size_t p = 0, q; p <= t.size(); p = q + 1) {
      q = t.find(' ', p);
      if (q == std::string::npos) q = t.size();
      w.push_back(t.substr(p, q - p));
    }
    const std::size_t keep = 6;
    if (w.size() <= 2 * keep) {
      out.push_back(words[i]);
      continue;
    }
    std::vector<std::string> head, tail;
    bool first = i == 0, last = i + 1 == words.size();
    if (!first) head.assign(w.begin(), w.begin() + keep);
    if (!last) tail.assign(w.end() - keep, w.end());
    std::string text = (first ? "" : join(head, " ") + " ") + "…" + (last ? "" : " " + join(tail, " "));
    out.push_back({WordPiece::Op::Same, text});
  }
  return out;
}

std::string tenths_or_dash(std::optional<std::int64_t> t) { return t ? fr::tenths(*t) : std::string("—"); }
std::string places_or_dash(std::optional<Decimal> d) { return d ? fr::decimal(*d) : std::string("—"); }

}  // namespace


std::string to_text(const Result& r, const std::string& a_raw, const std::string& b_raw, bool color) {
  // What users wrote is made printable; the colour codes are ours.
  const std::string a = printable(a_raw), b = printable(b_raw);
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  std::string out;
  if (r.same()) return fmt::format("{} et {} : aucune différence\n", a, b);
  out += fmt::format("{}Différences entre {} et {} : {} changement{}{}\n", bold, a, b, r.changes.size(),
                     r.changes.size() > 1 ? "s" : "", reset);
  for (const auto& [section, cs] : grouped(r)) {
    out += fmt::format("\n{}{}{}\n", bold, section_label(section), reset);
    for (const Change* c : cs) {
      char s = sign(*c);
      const char* col = !color ? "" : s == '+' ? "\x1b[32m" : s == '-' ? "\x1b[31m" : "\x1b[33m";
      out += fmt::format("  {}{}{} {}\n", col, s, reset, printable(c->description));
      if (!c->words.empty()) {
        auto words = around_changes(c->words);
        for (auto& w : words) w.text = printable(w.text);
        out += "      " + words_text(words, color) + "\n";
      }
    }
  }
  if (!r.coverage.empty()) {
    out += fmt::format("\n{}Conséquences : taux de couverture (places pour 100 enfants de moins de 3 ans){}\n", bold, reset);
    for (const auto& c : r.coverage)
      out += fmt::format("  {}, {} : taux {} → {} ; places {} → {}\n", printable(c.perimeter), c.column, tenths_or_dash(c.before_tenths),
                         tenths_or_dash(c.after_tenths), places_or_dash(c.before_total), places_or_dash(c.after_total));
  }
  if (!r.findings.empty()) {
    out += fmt::format("\n{}Conséquences : constats de ctg validate{}\n", bold, reset);
    for (const auto& f : r.findings)
      out += fmt::format("  {} {}[{}] {}\n", f.appeared ? "apparu :" : "disparu :", severity_label(f.diagnostic.severity),
                         f.diagnostic.code, printable(f.diagnostic.message));
  }
  return out;
}

std::string to_markdown(const Result& r, const std::string& a, const std::string& b) {
  std::string out = fmt::format("## Différences entre {} et {}\n\n", markdown::escape(a), markdown::escape(b));
  if (r.same()) return out + "Aucune différence.\n";
  out += fmt::format("{} changement{}.\n\n", r.changes.size(), r.changes.size() > 1 ? "s" : "");
  for (const auto& [section, cs] : grouped(r)) {
    out += "### " + markdown::escape(section_label(section)) + "\n\n";
    for (const Change* c : cs) {
      const char* mark = sign(*c) == '+' ? "ajout" : sign(*c) == '-' ? "retrait" : "modification";
      out += fmt::format("- *{}* — {}", mark, markdown::escape(c->description));
      if (!c->words.empty()) {
        out += " :";
        for (const auto& w : around_changes(c->words)) {
          std::string t = markdown::escape(w.text);
          out += w.op == WordPiece::Op::Same ? " " + t : w.op == WordPiece::Op::Removed ? " ~~" + t + "~~" : " **" + t + "**";
        }
      }
      out += "\n";
    }
    out += "\n";
  }
  if (!r.coverage.empty()) {
    out += "### Conséquences sur les taux de couverture\n\n| Périmètre | Colonne | Taux avant | Taux après | Places avant | Places après |\n"
           "|---|---|---:|---:|---:|---:|\n";
    for (const auto& c : r.coverage)
      out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", markdown::escape(c.perimeter), c.column,
                         tenths_or_dash(c.before_tenths), tenths_or_dash(c.after_tenths), places_or_dash(c.before_total),
                         places_or_dash(c.after_total));
    out += "\n";
  }
  if (!r.findings.empty()) {
    out += "### Conséquences sur les constats de ctg validate\n\n";
    for (const auto& f : r.findings)
      out += fmt::format("- {} : {} [{}] {}\n", f.appeared ? "apparu" : "disparu", severity_label(f.diagnostic.severity),
                         f.diagnostic.code, markdown::escape(f.diagnostic.message));
  }
  return out;
}

std::string to_json(const Result& r, const std::string& a, const std::string& b) {
  Json root = Json::object();
  root.set("format", "ctg-diff/1");
  root.set("ancien", a);
  root.set("nouveau", b);
  root.set("identiques", r.same());
  Json changes = Json::array();
  for (const auto& c : r.changes) {
    Json j = Json::object();
    j.set("section", c.section);
    j.set("section_libelle", section_label(c.section));
    j.set("code", c.code);
    j.set("chemin", c.path);
    j.set("description", c.description);
    j.set("avant", c.before ? Json(*c.before) : Json(nullptr));
    j.set("apres", c.after ? Json(*c.after) : Json(nullptr));
    j.set("fichier_avant", c.old_file.empty() ? Json(nullptr) : Json(c.old_file));
    j.set("ligne_avant", c.old_loc.line > 0 ? Json(c.old_loc.line) : Json(nullptr));
    j.set("fichier_apres", c.new_file.empty() ? Json(nullptr) : Json(c.new_file));
    j.set("ligne_apres", c.new_loc.line > 0 ? Json(c.new_loc.line) : Json(nullptr));
    changes.push(j);
  }
  root.set("changements", changes);
  Json cov = Json::array();
  for (const auto& c : r.coverage)
    cov.push(Json::object()
                 .set("perimetre", c.perimeter)
                 .set("colonne", c.column)
                 .set("taux_avant", c.before_tenths ? Json::raw_number(fr::tenths(*c.before_tenths, {false, false})) : Json(nullptr))
                 .set("taux_apres", c.after_tenths ? Json::raw_number(fr::tenths(*c.after_tenths, {false, false})) : Json(nullptr))
                 .set("places_avant", c.before_total ? Json::raw_number(to_string(*c.before_total)) : Json(nullptr))
                 .set("places_apres", c.after_total ? Json::raw_number(to_string(*c.after_total)) : Json(nullptr)));
  root.set("couverture", cov);
  Json findings = Json::array();
  for (const auto& f : r.findings)
    findings.push(Json::object()
                      .set("evolution", f.appeared ? "apparu" : "disparu")
                      .set("regle", f.diagnostic.code)
                      .set("gravite", severity_label(f.diagnostic.severity))
                      .set("message", f.diagnostic.message));
  root.set("constats", findings);
  return root.dump(2);
}

namespace {
void flat(const schema::TypeInfo& t, const yaml::Node& n, const std::string& path, std::vector<std::string>& out) {
  using schema::Kind;
  if (t.kind == Kind::Object && n.is_map()) {
    for (const auto& [k, v] : n.entries()) {
      const schema::FieldInfo* f = t.object->find(k.value());
      if (f) flat(f->type, v, path.empty() ? std::string(k.value()) : fmt::format("{}.{}", path, k.value()), out);
    }
    return;
  }
  if (t.kind == Kind::List && n.is_sequence()) {
    for (std::size_t i = 0; i < n.items().size(); ++i) {
      std::string key = std::to_string(i + 1);
      if (!t.key.empty()) {
        // The entry's identity, as the diff matches it: an offer line's id
        // before its mode, an offer table's AO with its zone.
        auto field = [&](const char* name) -> std::optional<std::string> {
          for (const auto& [k, v] : n.items()[i].entries())
            if (k.value() == name && v.is_scalar()) return std::string(v.value());
          return std::nullopt;
        };
        if (t.key == "mode") key = field("id").value_or(field("mode").value_or(key));
        else if (t.key == "ao") key = field("ao").value_or(key) + (field("zone") ? "/" + *field("zone") : "");
        else key = field(t.key.c_str()).value_or(key);
      }
      flat(*t.item, n.items()[i], path + "[" + key + "]", out);
    }
    return;
  }
  if (t.kind == Kind::YearMap && n.is_map()) {
    for (const auto& [k, v] : n.entries()) out.push_back(fmt::format("{}.{}: {}", path, k.value(), v.is_null() ? "~" : v.value()));
    return;
  }
  std::string v(n.is_null() ? "~" : n.value());
  for (std::size_t p; (p = v.find('\n')) != std::string::npos;) v.replace(p, 1, "⏎");
  out.push_back(path + ": " + v);
}
}  // namespace

std::string flatten(const LoadResult& side) {
  std::vector<std::string> lines;
  Diagnostics ignored;
  const auto& doc = format::document().codec().info;
  for (std::size_t f = 0; f < side.sources.size(); ++f)
    if (auto root = yaml::parse(side.sources, static_cast<int>(f), ignored)) flat(doc, root->root(), "", lines);
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

}  // namespace ctg::diff
