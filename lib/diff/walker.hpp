// SPDX-License-Identifier: EUPL-1.2
// Internal to diff/: the walk that finds the changes between two versions
// (walker.cpp) and the words that name them (wording.cpp). diff::compare
// (diff.cpp) is its only user.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "diff/diff.hpp"
#include "format/schema.hpp"
#include "yaml/tree.hpp"

namespace ctg::diff::detail {

using schema::Kind;
using schema::TypeInfo;
using yaml::Node;

// The whole document of one side: the trees of its files, as the loader
// kept them (parsed again only when it did not), searched in file order.
struct Tree {
  std::vector<const Node*> roots;
  std::vector<yaml::Document> parsed;  // when the loader did not keep the trees
  std::unordered_map<std::string, std::string> party_names;

  // The first top-level section `key` of the files.
  const Node* section(std::string_view key) const {
    for (const Node* r : roots)
      for (const auto& [k, v] : r->entries())
        if (k.value() == key) return &v;
    return nullptr;
  }
};

Tree tree_of(const LoadResult& side);
const Node* get(const Node* n, std::string_view key);
std::optional<std::string> scalar(const Node* n);
// The identity of an entry of a keyed list (format.cpp gives each list its key).
std::string key_of(const Node& item, const std::string& key_field);
std::string enum_label(const TypeInfo& t, const std::string& v);

struct Frame {
  std::string field;  // the key in its parent
  std::string key;    // for an entry of a list: its id
  const Node* before = nullptr;
  const Node* after = nullptr;
};

class Walker {
 public:
  Walker(const Tree& a, const Tree& b, const Options& o, const SourceSet& sa, const SourceSet& sb)
      : a_(a), b_(b), options_(o), sources_a_(sa), sources_b_(sb) {}
  std::vector<Change> changes;

  void run();

 private:
  const Tree& a_;
  const Tree& b_;
  const Options& options_;
  const SourceSet& sources_a_;
  const SourceSet& sources_b_;
  std::vector<Frame> stack_;

  // The walk (walker.cpp).
  void compare(const TypeInfo& t, const Node* x, const Node* y);
  void compare_object(const schema::ObjectInfo& o, const Node* x, const Node* y);
  void compare_list(const TypeInfo& t, const Node* x, const Node* y);
  void compare_keyed_list(const TypeInfo& t, const Node* x, const Node* y);
  void compare_unkeyed_list(const TypeInfo& item, const Node* x, const Node* y);
  void compare_text_list(const Node* x, const Node* y);
  void compare_years(const TypeInfo& t, const Node* x, const Node* y);

  // Names and words of a change (wording.cpp).
  static std::string file_of(const SourceSet& s, const Loc& l);
  std::string party(const std::string& id) const;
  std::string path() const;
  std::string name_of(const Frame& f) const;
  static const std::vector<std::pair<std::string, std::string>>& format_mode_labels();
  std::string where() const;
  Loc loc(const Node* n) const { return n ? n->loc : Loc{}; }
  void add(std::string code, std::string description, std::string legal, std::optional<std::string> before,
           std::optional<std::string> after, const Node* x, const Node* y);
  void entry_change(const std::string& k, const Node* x, const Node* y);
  void presence_change(const TypeInfo& t, const Node* x, const Node* y);
  std::string display(const TypeInfo& t, const std::string& v) const;
  void scalar_change(const TypeInfo& t, const Node* x, const Node* y);
};

}  // namespace ctg::diff::detail
