// SPDX-License-Identifier: EUPL-1.2
// One return against the source: its tracked changes and comments as
// findings, and each anchored block whose text (tracked changes left out)
// differs from what ctg renders: an edit made without tracking.
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <set>

#include "base/digest.hpp"
#include "base/paths.hpp"
#include "base/temp_dir.hpp"
#include "coverage/coverage.hpp"
#include "print/print.hpp"
#include "render/render.hpp"
#include "retours/retours.hpp"

namespace ctg::retours {

std::string squash(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

namespace {

Kind kind_of(ChangeKind k) {
  switch (k) {
    case ChangeKind::Insertion: return Kind::Insertion;
    case ChangeKind::Deletion: return Kind::Suppression;
    case ChangeKind::MoveFrom:
    case ChangeKind::MoveTo: return Kind::Deplacement;
  }
  return Kind::Insertion;
}

// Tracked changes as findings: a deletion followed by an insertion at the
// same place by the same author is one replacement.
void tracked(const Docx& d, std::vector<Finding>& out) {
  for (std::size_t i = 0; i < d.changes.size(); ++i) {
    const Change& c = d.changes[i];
    const Change* next = i + 1 < d.changes.size() ? &d.changes[i + 1] : nullptr;
    if (c.kind == ChangeKind::Deletion && next && next->kind == ChangeKind::Insertion && next->author == c.author &&
        next->anchor == c.anchor && next->paragraph == c.paragraph) {
      out.push_back({Kind::Remplacement, c.anchor, c.after, c.author, c.date, c.text, next->text, {}});
      ++i;
      continue;
    }
    out.push_back({kind_of(c.kind), c.anchor, c.after, c.author, c.date, {}, c.text, {}});
  }
}

}  // namespace

Expected expected(const Ctg& ctg, const SourceSet& sources) {
  coverage::Report cov = coverage::compute(ctg);
  render::doc::Document doc = render::build(ctg, render::Part::All, /*draft=*/true, &cov);
  std::string failure;
  TempDir dir("ctg-retours", failure);
  if (!dir) throw Error(failure);
  std::string file = path_string(dir.path() / "convention.docx");
  std::optional<std::string> bytes;
  try {
    print::docx_from_markdown(render::to_markdown(doc, render::Target::Word), file, doc.draft);
    ReadFailure why = ReadFailure::None;
    bytes = read_regular_file(file, why, failure);
  } catch (const print::Error& e) {
    failure = e.what();
  }
  if (!bytes) throw Error("le rendu de la source pour la comparaison a échoué : " + failure);
  Expected e;
  for (const Block& b : read_docx(*bytes, "rendu de la source").blocks) e.texts[b.name] = b.sent;
  e.title = ctg.convention.titre;
  e.territory = ctg.convention.territoire;
  e.digest = "sha256:" + source_digest(sources);
  return e;
}

Return compare(const Docx& d, const std::string& path, const Expected& e) {
  auto title = d.properties.find("ctg-titre");
  auto territory = d.properties.find("ctg-territoire");
  if ((title != d.properties.end() && title->second != e.title) ||
      (territory != d.properties.end() && territory->second != e.territory))
    throw Error(fmt::format("« {} » a été produit pour une autre CTG (« {} », {}) que la source (« {} », {}) ; "
                            "donnez la source de cette CTG",
                            path, title == d.properties.end() ? "sans titre" : title->second,
                            territory == d.properties.end() ? "territoire inconnu" : territory->second, e.title,
                            e.territory));
  std::size_t ours = 0;
  for (const Block& b : d.blocks) ours += e.texts.count(b.name);
  if (ours == 0)
    throw Error(fmt::format("« {} » ne porte aucune ancre de cette CTG (signets art-6-al-2, visa-…, partie-…) : il "
                            "ne vient pas de ctg render -f docx de cette convention, ou ses signets ont été retirés",
                            path));
  Return r;
  r.path = path;
  auto digest = d.properties.find("ctg-empreinte");
  if (digest == d.properties.end() || digest->second != e.digest)
    r.version_note = fmt::format("découpé dans une autre version de la source (empreinte {}, source actuelle {}) : "
                                 "les modifications sans suivi sont mesurées par rapport à la source actuelle",
                                 digest == d.properties.end() ? "absente" : digest->second, e.digest);
  tracked(d, r.findings);
  for (const Comment& c : d.comments)
    r.findings.push_back({Kind::Commentaire, c.anchor, c.after, c.author, c.date, {}, c.text, c.on});
  for (const Block& b : d.blocks) {
    r.results[b.name] = squash(b.returned);
    auto it = e.texts.find(b.name);
    if (it != e.texts.end() && squash(it->second) != squash(b.sent))
      r.findings.push_back({Kind::SansSuivi, b.name, {}, {}, {}, squash(it->second), squash(b.sent), {}});
  }
  return r;
}

// A place changed by several returns that do not end with the same text.
void find_conflicts(Report& r) {
  std::map<std::string, std::vector<const Return*>> by;
  std::vector<std::string> order;
  for (const Return& ret : r.returns) {
    std::set<std::string> seen;
    for (const Finding& f : ret.findings)
      if (f.kind != Kind::Commentaire && !f.anchor.empty() && seen.insert(f.anchor).second) {
        if (!by.count(f.anchor)) order.push_back(f.anchor);
        by[f.anchor].push_back(&ret);
      }
  }
  for (const auto& a : order) {
    std::set<std::string> results;
    for (const Return* ret : by[a]) results.insert(ret->results.count(a) ? ret->results.at(a) : "");
    if (results.size() < 2) continue;
    Conflict c{a, {}};
    for (const Return* ret : by[a]) c.returns.push_back(ret->path);
    r.conflicts.push_back(std::move(c));
  }
}

}  // namespace ctg::retours
