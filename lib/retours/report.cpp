// SPDX-License-Identifier: EUPL-1.2
// The findings of `ctg retours` for the chargé de coopération (text), for
// the copil (Markdown) and for programs (JSON ctg-retours/1).
#include <fmt/format.h>

#include <algorithm>

#include "base/json.hpp"
#include "base/markdown.hpp"
#include "base/text.hpp"
#include "base/values.hpp"
#include "retours/retours.hpp"

namespace ctg::retours {

namespace {

const char* kind_key(Kind k) {
  switch (k) {
    case Kind::Insertion: return "insertion";
    case Kind::Suppression: return "suppression";
    case Kind::Remplacement: return "remplacement";
    case Kind::Deplacement: return "deplacement";
    case Kind::Commentaire: return "commentaire";
    case Kind::SansSuivi: return "sans_suivi";
  }
  return "";
}

// « 12 mars 2026 » from Word's « 2026-03-12T10:00:00Z »; as written otherwise.
std::string when(const std::string& date) {
  if (auto d = parse_iso_date(date.substr(0, 10))) return to_french_long(*d);
  return date;
}

std::string who(const Finding& f) {
  std::string a = f.author.empty() ? "auteur inconnu" : f.author;
  return f.date.empty() ? a : a + ", " + when(f.date);
}

std::string position(const Loc& loc, const SourceSet& src) {
  if (!loc.known() || static_cast<std::size_t>(loc.file) >= src.size()) return {};
  return fmt::format("{}:{}:{}", src.file(loc.file).path, loc.line, loc.col);
}

// « article 6, 2e alinéa (ctg.yaml:552:7) », or for a change outside any
// anchor « après article 6, 2e alinéa (…) ».
std::string where(const Finding& f, const std::map<std::string, Place>& places, const SourceSet& src) {
  const std::string& a = f.anchor.empty() ? f.after : f.anchor;
  std::string label = a.empty() ? "début du document" : a;
  std::string pos;
  if (auto it = places.find(a); it != places.end()) {
    label = it->second.label;
    pos = position(it->second.loc, src);
  }
  if (f.anchor.empty()) label = "hors des blocs de la source, après " + label;
  return pos.empty() ? label : fmt::format("{} ({})", label, pos);
}

std::string sentence(const Finding& f) {
  switch (f.kind) {
    case Kind::Insertion: return fmt::format("ajouté {} ({})", guillemets(f.text), who(f));
    case Kind::Suppression: return fmt::format("supprimé {} ({})", guillemets(f.text), who(f));
    case Kind::Remplacement: return fmt::format("{} → {} ({})", guillemets(f.before), guillemets(f.text), who(f));
    case Kind::Deplacement: return fmt::format("déplacé {} ({})", guillemets(f.text), who(f));
    case Kind::Commentaire:
      return fmt::format("commentaire {} sur {} ({})", guillemets(f.text), guillemets(f.on), who(f));
    case Kind::SansSuivi:
      return fmt::format("modifié sans suivi des modifications : {} → {}", guillemets(f.before), guillemets(f.text));
  }
  return {};
}

std::string counts(const Return& r) {
  std::size_t tracked = 0, comments = 0, silent = 0;
  for (const auto& f : r.findings)
    (f.kind == Kind::Commentaire ? comments : f.kind == Kind::SansSuivi ? silent : tracked)++;
  return fmt::format("{} modification(s) suivie(s), {} commentaire(s), {} modification(s) sans suivi", tracked,
                     comments, silent);
}

// Who made an applied change: the authors and dates of its tracked changes, or « sans suivi ».
std::string authors(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    std::string w = f.kind == Kind::SansSuivi ? "modifié sans suivi des modifications" : who(f);
    if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
  }
  return join(out, " ; ");
}

// `--appliquer`: what was written into the source, what is left for hand editing.
std::string applied_text(const Application& a, const std::map<std::string, Place>& places, const SourceSet& src,
                         bool md) {
  auto esc = [&](const std::string& s) { return md ? markdown::escape(s) : s; };
  std::string out = md ? "## Appliqué à la source\n\n" : "Appliqué à la source :\n";
  if (a.applied.empty()) out += md ? "Rien.\n" : "  rien\n";
  for (const Applied& x : a.applied) {
    Finding f;
    f.anchor = x.anchor;
    out += fmt::format("{}{} : {} → {} ({} ; {})\n", md ? "- " : "  ", esc(where(f, places, src)),
                       esc(guillemets(x.before)), esc(guillemets(x.after)), esc(authors(x.findings)), esc(x.path));
  }
  if (!a.files.empty()) {
    std::vector<std::string> files;
    for (const auto& [path, content] : a.files) files.push_back(path);
    out += (md ? "\nFichiers modifiés : " : "  fichiers modifiés : ") + esc(join(files, ", ")) + "\n";
  }
  out += md ? "\n## À reporter à la main\n\n" : "\nÀ reporter à la main :\n";
  if (a.left.empty()) out += md ? "Rien.\n" : "  rien\n";
  for (const Left& l : a.left)
    out += fmt::format("{}{} : {} ({}) — {}\n", md ? "- " : "  ", esc(where(l.finding, places, src)),
                       esc(sentence(l.finding)), esc(l.path), esc(l.reason));
  return out;
}

std::string text(const Report& r, const std::map<std::string, Place>& places, const SourceSet& src, bool md,
                 const Application* applied) {
  auto esc = [&](const std::string& s) { return md ? markdown::escape(s) : s; };
  std::string out = md ? "# Retours des partenaires\n\n" : "";
  for (const Return& ret : r.returns) {
    out += md ? fmt::format("## {}\n\n{}\n\n", esc(ret.path), esc(counts(ret)))
              : fmt::format("{} : {}\n", ret.path, counts(ret));
    if (!ret.version_note.empty()) out += md ? "*" + esc(ret.version_note) + "*\n\n" : "  " + ret.version_note + "\n";
    std::string last;
    for (const Finding& f : ret.findings) {
      std::string w = where(f, places, src);
      if (w != last) out += md ? fmt::format("- **{}**\n", esc(w)) : fmt::format("  {}\n", w);
      last = w;
      out += md ? fmt::format("  - {}\n", esc(sentence(f))) : fmt::format("    {}\n", sentence(f));
    }
    out += "\n";
  }
  if (!r.conflicts.empty()) {
    out += md ? "## Conflits\n\n" : "Conflits (le même endroit changé différemment par plusieurs retours) :\n";
    for (const Conflict& c : r.conflicts) {
      Finding f;
      f.anchor = c.anchor;
      out += (md ? "- " : "  ") + esc(where(f, places, src)) + " : " + esc(join(c.returns, ", ")) + "\n";
    }
    out += "\n";
  }
  if (applied) out += applied_text(*applied, places, src, md);
  return out;
}

Json position_json(const std::string& anchor, const std::map<std::string, Place>& places, const SourceSet& src) {
  auto it = places.find(anchor);
  if (it == places.end() || !it->second.loc.known()) return Json();
  return Json::object().set("fichier", src.file(it->second.loc.file).path).set("ligne", it->second.loc.line)
      .set("colonne", it->second.loc.col);
}

// `--appliquer` in ctg-retours/1: new keys only (« appliques », « a_reporter », « fichiers_modifies »).
void applied_json(Json& root, const Application& a, const std::map<std::string, Place>& places, const SourceSet& src) {
  Json done = Json::array();
  for (const Applied& x : a.applied) {
    Json who = Json::array();
    for (const Finding& f : x.findings)
      who.push(Json::object().set("type", kind_key(f.kind)).set("auteur", f.author.empty() ? Json() : Json(f.author))
                   .set("date", f.date.empty() ? Json() : Json(f.date)));
    auto it = places.find(x.anchor);
    done.push(Json::object().set("ancre", x.anchor).set("lieu", it == places.end() ? Json() : Json(it->second.label))
                  .set("position", position_json(x.anchor, places, src)).set("fichier", x.path)
                  .set("avant", x.before).set("apres", x.after).set("changements", std::move(who)));
  }
  Json left = Json::array();
  for (const Left& l : a.left) {
    const std::string& anchor = l.anchor.empty() ? l.after : l.anchor;
    auto it = places.find(anchor);
    left.push(Json::object().set("type", kind_key(l.finding.kind)).set("ancre", l.anchor.empty() ? Json() : Json(l.anchor))
                  .set("apres_ancre", l.after.empty() ? Json() : Json(l.after))
                  .set("lieu", it == places.end() ? Json() : Json(it->second.label))
                  .set("position", position_json(anchor, places, src)).set("fichier", l.path)
                  .set("texte", l.finding.text).set("raison", l.reason));
  }
  Json files = Json::array();
  for (const auto& [path, content] : a.files) files.push(path);
  root.set("appliques", std::move(done)).set("a_reporter", std::move(left)).set("fichiers_modifies", std::move(files));
  auto n = [](std::size_t v) { return Json(static_cast<std::int64_t>(v)); };
  root.set("verification", a.checked.done ? Json::object().set("erreurs", n(a.checked.errors))
                                                .set("avertissements", n(a.checked.warnings))
                                                .set("remarques", n(a.checked.notes))
                                          : Json());
}

Json json(const Report& r, const std::map<std::string, Place>& places, const SourceSet& src) {
  Json root = Json::object().set("format", "ctg-retours/1").set("source", r.source);
  Json rets = Json::array();
  for (const Return& ret : r.returns) {
    Json list = Json::array();
    for (const Finding& f : ret.findings) {
      Json j = Json::object().set("type", kind_key(f.kind));
      j.set("ancre", f.anchor.empty() ? Json() : Json(f.anchor)).set("apres_ancre", f.after.empty() ? Json() : Json(f.after));
      auto it = places.find(f.anchor.empty() ? f.after : f.anchor);
      j.set("lieu", it == places.end() ? Json() : Json(it->second.label));
      if (it != places.end() && it->second.loc.known())
        j.set("position", Json::object().set("fichier", src.file(it->second.loc.file).path)
                              .set("ligne", it->second.loc.line).set("colonne", it->second.loc.col));
      else
        j.set("position", Json());
      j.set("auteur", f.author.empty() ? Json() : Json(f.author)).set("date", f.date.empty() ? Json() : Json(f.date));
      j.set("avant", f.before.empty() ? Json() : Json(f.before)).set("texte", f.text);
      j.set("sur", f.kind == Kind::Commentaire ? Json(f.on) : Json());
      list.push(std::move(j));
    }
    rets.push(Json::object().set("fichier", ret.path).set("autre_version", !ret.version_note.empty())
                  .set("changements", std::move(list)));
  }
  root.set("retours", std::move(rets));
  Json conflicts = Json::array();
  for (const Conflict& c : r.conflicts) {
    Json files = Json::array();
    for (const auto& p : c.returns) files.push(p);
    conflicts.push(Json::object().set("ancre", c.anchor).set("fichiers", std::move(files)));
  }
  root.set("conflits", std::move(conflicts));
  return root;
}

}  // namespace

std::string render(const Report& r, const std::map<std::string, Place>& places, const SourceSet& src, Format f,
                   const Application* applied) {
  if (f == Format::Json) {
    Json root = json(r, places, src);
    if (applied) applied_json(root, *applied, places, src);
    return root.dump(2) + "\n";
  }
  return text(r, places, src, f == Format::Markdown, applied);
}

}  // namespace ctg::retours
