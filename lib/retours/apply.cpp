// SPDX-License-Identifier: EUPL-1.2
// `ctg retours --appliquer`: each changed anchor whose text comes from one
// scalar of the source (an alinéa, a visa, an action, a cell) is written
// back into that scalar's bytes (yaml/edit.hpp); the changed source is then
// loaded and rendered again, and a change is kept only if the new rendering
// gives the return's text exactly and leaves every other anchor as it was.
// Everything else (comments, conflicts, other versions, changes outside the
// anchors or over several values) is left for hand editing.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "base/temp_dir.hpp"
#include "format/loader.hpp"
#include "retours/retours.hpp"
#include "yaml/edit.hpp"

namespace ctg::retours {

namespace {

namespace fs = std::filesystem;

// The comparison form of a text: spaces of every kind (Word's, pandoc's,
// French typography's non-breaking ones) as one space, ’ as ', each byte
// with the range of the text it stands for.
struct Keyed {
  std::string k;
  std::vector<std::size_t> from, to;
};

Keyed keyed(std::string_view s) {
  Keyed out;
  bool pending = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = 1;
    bool space = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r';
    char apostrophe = 0;
    if (s.substr(i, 2) == "\xC2\xA0") space = true, n = 2;
    else if (s.substr(i, 3) == "\xE2\x80\xAF" || s.substr(i, 3) == "\xE2\x80\x89") space = true, n = 3;
    else if (s.substr(i, 3) == "\xE2\x80\x99") apostrophe = '\'', n = 3;
    if (space) {
      if (!pending) start = i;
      pending = true;
      i += n;
      continue;
    }
    if (pending && !out.k.empty()) {
      out.k.push_back(' ');
      out.from.push_back(start);
      out.to.push_back(i);
    }
    pending = false;
    out.k.push_back(apostrophe ? apostrophe : s[i]);
    out.from.push_back(i);
    out.to.push_back(i + n);
    i += n;
  }
  return out;
}

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t occurrences(std::string_view hay, std::string_view needle, std::size_t& first) {
  std::size_t n = 0;
  for (std::size_t p = hay.find(needle); p != std::string_view::npos; p = hay.find(needle, p + 1))
    if (n++ == 0) first = p;
  return n;
}

// Spaces of every kind as one plain space, kept at the ends: ctg's typography puts the non-breaking ones back.
std::string plain_spaces(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ? 1
                    : s.substr(i, 2) == "\xC2\xA0"                                   ? 2
                    : s.substr(i, 3) == "\xE2\x80\xAF" || s.substr(i, 3) == "\xE2\x80\x89" ? 3
                                                                                      : 0;
    if (n == 0) {
      out.push_back(s[i++]);
      continue;
    }
    if (out.empty() || out.back() != ' ') out.push_back(' ');
    i += n;
  }
  return out;
}

bool numeric(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == '-'; });
}

// A figure as French typography writes it (« 1 234,5 ») as YAML writes it (« 1234.5 »).
std::string figure(std::string_view s) {
  std::string out;
  for (char c : keyed(s).k)
    if (c != ' ') out.push_back(c == ',' ? '.' : c);
  return out;
}

struct Change {
  std::string before, after;  // the changed words, for the report
  yaml::ValueEdit edit;
};

// The change from rendered text `was` to `now` as an edit of the value
// `value` it is rendered from: the changed words are found, with as many
// words around them as needed, exactly once in the value; nullopt otherwise.
// Why one long function: the window grows word by word and is mapped back through three texts.
std::optional<Change> locate(std::string_view was, std::string_view now, std::string_view value) {
  Keyed r = keyed(was), n = keyed(now), v = keyed(value);
  std::size_t p = 0, s = 0;
  while (p < r.k.size() && p < n.k.size() && r.k[p] == n.k[p]) ++p;
  while (p > 0 && p < r.k.size() && continuation(r.k[p])) --p;
  while (s < r.k.size() - p && s < n.k.size() - p && r.k[r.k.size() - 1 - s] == n.k[n.k.size() - 1 - s]) ++s;
  while (s > 0 && continuation(r.k[r.k.size() - s])) --s;
  std::size_t old_end = r.k.size() - s, new_end = n.k.size() - s;
  if (p == old_end && p == new_end) return std::nullopt;
  // Whole words, for the report: « par » → « conjointement par la Caf et ».
  std::size_t b0 = p, b1 = old_end;
  while (b0 > 0 && r.k[b0 - 1] != ' ') --b0;
  while (b1 < r.k.size() && r.k[b1] != ' ') ++b1;
  auto original = [](std::string_view text, const Keyed& k, std::size_t a, std::size_t b) {
    return a >= b ? std::string() : plain_spaces(text.substr(k.from[a], k.to[b - 1] - k.from[a]));
  };
  Change c;
  c.before = original(was, r, b0, b1);
  c.after = original(now, n, b0, b1 + new_end - old_end);
  std::string inserted = original(now, n, p, new_end);
  // A figure: the whole value, written as YAML writes numbers.
  if (numeric(value) && figure(was) == value && numeric(figure(now))) {
    c.edit = {0, value.size(), figure(now)};
    return c;
  }
  std::size_t w0 = p, w1 = old_end, at = 0;
  auto grow = [&] {
    bool grew = false;
    if (w0 > 0) {
      for (--w0; w0 > 0 && r.k[w0 - 1] != ' ';) --w0;
      grew = true;
    }
    if (w1 < r.k.size()) {
      for (++w1; w1 < r.k.size() && r.k[w1] != ' ';) ++w1;
      grew = true;
    }
    return grew;
  };
  if (w0 == w1 && !grow()) return std::nullopt;
  for (;;) {
    std::size_t count = occurrences(v.k, std::string_view(r.k).substr(w0, w1 - w0), at);
    if (count == 1) break;
    if (count == 0 || !grow()) return std::nullopt;
  }
  std::size_t kf = at + (p - w0), kt = kf + (old_end - p);
  std::size_t from = kf < kt ? v.from[kf] : kf < v.k.size() ? v.from[kf] : v.to[kf - 1];
  std::size_t to = kf < kt ? v.to[kt - 1] : from;
  c.edit = {from, to, inserted};
  return c;
}

// One anchor to write back: the return whose text it takes, the findings there (of every return
// reaching that same text) and the return of each.
struct Wanted {
  std::string anchor;
  const Return* ret = nullptr;
  std::vector<Finding> findings;
  std::vector<const Return*> from;

  // The returns it comes from: « mees.docx, paa.docx ».
  std::string paths() const {
    std::vector<std::string> out;
    for (const Return* r : from)
      if (std::find(out.begin(), out.end(), r->path) == out.end()) out.push_back(r->path);
    std::string joined;
    for (const auto& p : out) joined += (joined.empty() ? "" : ", ") + p;
    return joined;
  }
};

Left left_of(const Return& ret, const Finding& f, std::string reason) {
  return {f.anchor, f.after, ret.path, std::move(reason), f};
}

// Sorts the findings of the returns: those to write back (by anchor), those left for hand editing.
std::vector<Wanted> wanted(const Report& r, std::vector<Left>& left) {
  std::set<std::string> conflicted;
  for (const Conflict& c : r.conflicts) conflicted.insert(c.anchor);
  std::vector<Wanted> out;
  std::set<std::string> seen;
  for (const Return& ret : r.returns)
    for (const Finding& f : ret.findings) {
      if (!ret.version_note.empty())
        left.push_back(left_of(ret, f, "retour découpé dans une autre version de la source : rien n'en est appliqué"));
      else if (f.kind == Kind::Commentaire)
        left.push_back(left_of(ret, f, "commentaire : à lire, jamais appliqué"));
      else if (f.anchor.empty())
        left.push_back(left_of(ret, f, "hors des blocs de la source : à reporter à la main"));
      else if (conflicted.count(f.anchor))
        left.push_back(left_of(ret, f, "conflit entre retours : à trancher, puis à reporter à la main"));
      else if (seen.insert(f.anchor).second)
        out.push_back({f.anchor, &ret, {f}, {&ret}});
      else  // the same anchor, in this return or another reaching the same text (no conflict): applied once
        for (Wanted& w : out)
          if (w.anchor == f.anchor) {
            w.findings.push_back(f);
            w.from.push_back(&ret);
          }
    }
  return out;
}

// The edits of `todo` (minus `excluded`) into the sources' bytes.
// Why one long function: each anchor goes through the same four checks, each with its reason for the report.
Application plan(const std::vector<Wanted>& todo, const std::map<std::string, std::string>& excluded, const Expected& e,
          const std::map<std::string, Place>& places, const SourceSet& src, std::vector<Left> left) {
  Application out;
  struct Group {
    yaml::Written w;
    std::vector<std::pair<const Wanted*, Change>> changes;
  };
  std::map<int, std::map<std::size_t, Group>> groups;  // file → scalar start → its edits
  std::map<int, yaml::Document> trees;
  auto leave = [&](const Wanted& w, const std::string& reason) {
    for (std::size_t i = 0; i < w.findings.size(); ++i) left.push_back(left_of(*w.from[i], w.findings[i], reason));
  };
  for (const Wanted& w : todo) {
    if (auto x = excluded.find(w.anchor); x != excluded.end()) {
      leave(w, x->second);
      continue;
    }
    auto place = places.find(w.anchor);
    auto was = e.texts.find(w.anchor);
    auto now = w.ret->results.find(w.anchor);
    if (place == places.end() || !place->second.node.known() || was == e.texts.end() || now == w.ret->results.end()) {
      leave(w, "ce bloc ne vient pas d'un seul texte de la source : à reporter à la main");
      continue;
    }
    int file = place->second.node.file;
    if (!trees.count(file)) {
      Diagnostics ignored;
      trees[file] = yaml::parse(src, file, ignored).value_or(yaml::Document{});
    }
    const std::string& content = src.file(file).content;
    const yaml::Node* node = yaml::node_at(trees[file].root(), place->second.node, place->second.key);
    auto begin = node ? yaml::offset_of(content, node->loc) : std::nullopt;
    auto written = begin ? yaml::written(content, *begin, node->value()) : std::nullopt;
    if (!written) {
      leave(w, "la forme de ce texte dans le YAML n'est pas reconnue : à reporter à la main");
      continue;
    }
    auto change = locate(squash(was->second), now->second, written->value);
    if (!change) {
      leave(w, "le texte rendu ne se retrouve pas tel quel dans la source : à reporter à la main");
      continue;
    }
    Group& g = groups[file][*begin];
    g.w = *written;
    g.changes.emplace_back(&w, *change);
  }
  for (auto& [file, scalars] : groups) {
    std::string content = src.file(file).content;
    bool changed = false;
    for (auto it = scalars.rbegin(); it != scalars.rend(); ++it) {  // from the end: the offsets before stay valid
      std::vector<yaml::ValueEdit> edits;
      for (const auto& [w, c] : it->second.changes) edits.push_back(c.edit);
      std::string why;
      if (auto edited = yaml::edit_scalar(content, it->second.w, edits, why)) {
        content = std::move(*edited);
        changed = true;
        for (const auto& [w, c] : it->second.changes)
          out.applied.push_back({w->anchor, w->paths(), c.before, c.after, w->findings});
      } else {
        for (const auto& [w, c] : it->second.changes) leave(*w, why + " : à reporter à la main");
      }
    }
    if (changed) out.files.emplace_back(src.file(file).path, std::move(content));
  }
  out.left = std::move(left);
  return out;
}

// The CTG with the changed files, loaded from a copy in a temporary folder
// (the other files of the CTG, suivi/ included, copied as they were read).
LoadResult reload(const SourceSet& src, const std::vector<std::pair<std::string, std::string>>& files) {
  std::string failure;
  TempDir work("ctg-appliquer", failure);  // removed on every path, also on interruption
  if (!work) throw Error(failure);
  const fs::path& dir = work.path();
  fs::path base = fs::path(src.file(0).path).parent_path();
  bool copied = true;
  for (std::size_t i = 0; i < src.size() && copied; ++i) {
    const SourceFile& f = src.file(static_cast<int>(i));
    fs::path rel = fs::path(f.path).lexically_relative(base.empty() ? fs::path(".") : base);
    if (rel.empty() || *rel.begin() == "..") continue;
    fs::path out = dir / rel;
    std::error_code ec;
    fs::create_directories(out.parent_path(), ec);
    auto changed = std::find_if(files.begin(), files.end(), [&](const auto& c) { return c.first == f.path; });
    std::ofstream o(out, std::ios::binary);
    o << (changed != files.end() ? changed->second : f.content);
    copied = static_cast<bool>(o);
  }
  LoadResult r = copied ? load_file((dir / fs::path(src.file(0).path).filename()).string())
                        : LoadResult{};
  if (!copied) throw Error(fmt::format("impossible d'écrire la copie de contrôle dans « {} »", dir.string()));
  return r;
}

// The applied anchors whose new rendering is not the return's text.
std::set<std::string> mismatches(const Application& app, const std::vector<Wanted>& todo, const Expected& after) {
  std::set<std::string> bad;
  for (const Applied& a : app.applied) {
    auto w = std::find_if(todo.begin(), todo.end(), [&](const Wanted& x) { return x.anchor == a.anchor; });
    auto it = after.texts.find(a.anchor);
    if (w == todo.end() || it == after.texts.end() || keyed(squash(it->second)).k != keyed(w->ret->results.at(a.anchor)).k)
      bad.insert(a.anchor);
  }
  return bad;
}

}  // namespace

Application apply(const Report& r, const Expected& e, const std::map<std::string, Place>& places,
                  const SourceSet& sources) {
  std::vector<Left> left;
  std::vector<Wanted> todo = wanted(r, left);
  std::map<std::string, std::string> excluded;  // anchor → why it is not applied
  // At most three rounds: each drops the anchors whose rendering disagreed; the last must agree.
  for (int round = 0; round < 3; ++round) {
    Application app = plan(todo, excluded, e, places, sources, left);
    if (app.files.empty()) return app;
    LoadResult changed = reload(sources, app.files);
    if (!changed.ok()) {
      for (const Applied& a : app.applied)
        excluded[a.anchor] = "la source modifiée ne se chargerait plus sans erreur : à reporter à la main";
      continue;
    }
    std::set<std::string> bad = mismatches(app, todo, expected(*changed.ctg, changed.sources));
    if (bad.empty()) return app;
    for (const auto& a : bad)
      excluded[a] = "le texte modifié, rendu à nouveau, ne redonne pas celui du retour : à reporter à la main";
  }
  for (const Wanted& w : todo)
    excluded.emplace(w.anchor, "le texte modifié, rendu à nouveau, ne redonne pas celui du retour : à reporter à la main");
  return plan(todo, excluded, e, places, sources, left);
}

}  // namespace ctg::retours
