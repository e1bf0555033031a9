// SPDX-License-Identifier: EUPL-1.2
// The body of a returned docx walked in document order: anchors (bookmarks),
// tracked changes and comment ranges, each text run given to what is open.
#include <fmt/format.h>

#include <pugixml.hpp>
#include <string_view>

#include "retours/docx.hpp"

namespace ctg::retours {

namespace {

constexpr std::size_t max_depth = 256;  // Word nests a few levels; deeper is not a Word file

struct Walker {
  const std::map<std::string, Comment>& known;
  Docx& out;
  std::vector<std::pair<std::string, std::string>> open;  // bookmark id, name (ours: not « _GoBack »…)
  std::map<std::string, std::size_t> block_at;             // name → index in out.blocks
  std::map<std::string, std::string> alias;                // bookmark id → id of the open one of the same name
  std::map<std::string, std::size_t> comment_at;           // comment id → index in out.comments, while open
  std::string last_closed;
  int paragraph = 0;
  bool change_open = false;  // the last text was a tracked change that may continue

  std::string anchor() const { return open.empty() ? std::string() : open.back().second; }

  void bookmark_start(pugi::xml_node n) {
    std::string name = n.attribute("w:name").value();
    if (name.empty() || name[0] == '_') return;
    // LibreOffice cuts a bookmark over several list items into a start
    // without end and a second start of the same name that ends: one bookmark.
    for (const auto& [id, open_name] : open)
      if (open_name == name) {
        alias[n.attribute("w:id").value()] = id;
        return;
      }
    open.emplace_back(n.attribute("w:id").value(), name);
    if (!block_at.count(name)) {
      block_at[name] = out.blocks.size();
      out.blocks.push_back({name, {}, {}});
    }
  }
  void bookmark_end(pugi::xml_node n) {
    std::string id = n.attribute("w:id").value();
    if (auto a = alias.find(id); a != alias.end()) id = a->second;
    for (auto it = open.begin(); it != open.end(); ++it)
      if (it->first == id) {
        last_closed = it->second;
        open.erase(it);
        return;
      }
  }
  void comment_start(pugi::xml_node n) {
    std::string id = n.attribute("w:id").value();
    auto k = known.find(id);
    if (k == known.end() || comment_at.count(id)) return;
    Comment c = k->second;
    c.anchor = anchor();
    c.after = c.anchor.empty() ? last_closed : "";
    comment_at[id] = out.comments.size();
    out.comments.push_back(std::move(c));
  }
  void comment_end(pugi::xml_node n) { comment_at.erase(n.attribute("w:id").value()); }

  // A piece of text: `sent` (as ctg wrote it), `returned` (with the changes accepted).
  void text(const std::string& t, bool sent, bool returned, const pugi::xml_node* change, ChangeKind kind) {
    for (const auto& [id, name] : open) {
      Block& b = out.blocks[block_at[name]];
      if (sent) b.sent += t;
      if (returned) b.returned += t;
    }
    if (returned)
      for (const auto& [id, at] : comment_at) out.comments[at].on += t;
    if (!change) {
      change_open = false;
      return;
    }
    std::string author = change->attribute("w:author").value(), date = change->attribute("w:date").value();
    Change* last = change_open && !out.changes.empty() ? &out.changes.back() : nullptr;
    if (last && last->kind == kind && last->author == author && last->date == date && last->paragraph == paragraph &&
        last->anchor == anchor()) {
      last->text += t;
      return;
    }
    out.changes.push_back({kind, author, date, t, anchor(), anchor().empty() ? last_closed : "", paragraph});
    change_open = true;
  }

  // The tracked change around a text element, up to its paragraph.
  static const char* change_of(pugi::xml_node n, pugi::xml_node& change) {
    for (pugi::xml_node p = n.parent(); p && std::string_view(p.name()) != "w:p"; p = p.parent()) {
      std::string_view name = p.name();
      if (name == "w:ins" || name == "w:del" || name == "w:moveFrom" || name == "w:moveTo") {
        change = p;
        return p.name();
      }
    }
    return nullptr;
  }

  void leaf(pugi::xml_node n) {
    std::string_view name = n.name();
    if (name == "w:bookmarkStart") return bookmark_start(n);
    if (name == "w:bookmarkEnd") return bookmark_end(n);
    if (name == "w:commentRangeStart") return comment_start(n);
    if (name == "w:commentRangeEnd") return comment_end(n);
    std::string t;
    if (name == "w:t" || name == "w:delText") t = n.text().get();
    else if (name == "w:tab" || name == "w:br" || name == "w:cr") t = " ";
    else return;
    pugi::xml_node change;
    const char* kind = change_of(n, change);
    std::string_view k = kind ? kind : "";
    if (k == "w:ins") text(t, false, true, &change, ChangeKind::Insertion);
    else if (k == "w:moveTo") text(t, false, true, &change, ChangeKind::MoveTo);
    else if (k == "w:del") text(t, true, false, &change, ChangeKind::Deletion);
    else if (k == "w:moveFrom") text(t, true, false, &change, ChangeKind::MoveFrom);
    else text(t, true, true, nullptr, ChangeKind::Insertion);
  }

  void end_paragraph() {
    for (const auto& [id, name] : open) {
      Block& b = out.blocks[block_at[name]];
      b.sent += "\n";
      b.returned += "\n";
    }
    ++paragraph;
    change_open = false;
  }
};

}  // namespace

void walk_document(const pugi::xml_document& doc, const std::map<std::string, Comment>& known, Docx& out) {
  Walker w{known, out, {}, {}, {}, {}, {}, 0, false};
  // Iterative depth-first walk: node, its depth, and whether its children are done.
  struct Step {
    pugi::xml_node node;
    std::size_t depth;
    bool done;
  };
  std::vector<Step> stack{{doc.document_element(), 0, false}};
  while (!stack.empty()) {
    Step s = stack.back();
    stack.pop_back();
    if (s.done) {
      if (std::string_view(s.node.name()) == "w:p") w.end_paragraph();
      continue;
    }
    if (s.node.type() != pugi::node_element) continue;
    if (s.depth > max_depth)
      throw Error(fmt::format("word/document.xml imbrique plus de {} niveaux : ce n'est pas un fichier de Word", max_depth));
    w.leaf(s.node);
    stack.push_back({s.node, s.depth, true});
    std::vector<pugi::xml_node> kids(s.node.begin(), s.node.end());
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back({*it, s.depth + 1, false});
  }
}

}  // namespace ctg::retours
