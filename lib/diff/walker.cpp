// SPDX-License-Identifier: EUPL-1.2
// The structural walk of diff::compare: the two documents side by side,
// field by field as the format describes them (format::document()), lists
// matched by key, by name or by position. How each difference is named and
// worded is in wording.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/french.hpp"
#include "base/text.hpp"
#include "base/values.hpp"
#include "diff/walker.hpp"
#include "format/format.hpp"

namespace ctg::diff::detail {

Tree tree_of(const LoadResult& side) {
  Tree t;
  if (side.trees.size() == side.sources.size()) {
    for (const auto& root : side.trees)
      if (root->is_map()) t.roots.push_back(&root.root());
  } else {
    Diagnostics ignored;
    for (std::size_t f = 0; f < side.sources.size(); ++f)
      if (auto root = yaml::parse(side.sources, static_cast<int>(f), ignored); root && (*root)->is_map())
        t.parsed.push_back(std::move(*root));
    for (const auto& root : t.parsed) t.roots.push_back(&root.root());
  }
  if (side.ctg)
    for (const auto& p : side.ctg->parties) t.party_names[p.id] = p.nom;
  return t;
}

const Node* get(const Node* n, std::string_view key) {
  if (!n || !n->is_map()) return nullptr;
  for (const auto& [k, v] : n->entries())
    if (k.value() == key) return &v;
  return nullptr;
}

std::optional<std::string> scalar(const Node* n) {
  if (!n || n->is_null()) return std::nullopt;
  if (n->is_scalar()) return std::string(n->value());
  return std::nullopt;
}

// The identity of an entry of a keyed list (format.cpp gives each list its key).
std::string key_of(const Node& item, const std::string& key_field) {
  if (key_field == "ao") {
    std::string k = scalar(get(&item, "ao")).value_or("");
    if (auto z = scalar(get(&item, "zone"))) k += "/" + *z;
    return k;
  }
  if (key_field == "mode") return scalar(get(&item, "id")).value_or(scalar(get(&item, "mode")).value_or(""));
  if (key_field == "perimetre") return scalar(get(&item, "perimetre")).value_or("(territoire)");
  return scalar(get(&item, key_field)).value_or("");
}

std::string enum_label(const TypeInfo& t, const std::string& v) {
  for (const auto& e : t.values)
    if (e.key == v) return e.label;
  return v;
}


namespace {

template <class F>
void set_union_years(const std::map<std::string, const Node*>& a, const std::map<std::string, const Node*>& b, F f) {
  std::map<std::string, std::pair<const Node*, const Node*>> all;
  for (const auto& [k, v] : a) all[k].first = v;
  for (const auto& [k, v] : b) all[k].second = v;
  for (const auto& [k, v] : all) f(k, v.first, v.second);
}

}  // namespace

void Walker::run() {
  const auto& doc = format::document().info();
  for (const auto& f : doc.fields) {
    // The tracking (suivi/) is not the convention: no avenant follows from it.
    if (f.name == "format" || f.name == "inclure" || f.name == "suivi") continue;
    const Node* x = a_.section(f.name);
    const Node* y = b_.section(f.name);
    if (!x && !y) continue;
    stack_.push_back({f.name, {}, x, y});
    compare(f.type, x, y);
    stack_.pop_back();
  }
}

void Walker::compare(const TypeInfo& t, const Node* x, const Node* y) {
  bool xa = x && !x->is_null(), ya = y && !y->is_null();
  if (!xa && !ya) return;
  // A list present on one side only: its entries, one by one.
  static const Node empty_list(yaml::NodeType::Sequence, Loc{});
  if (t.kind == Kind::List && (xa != ya) && (xa ? x->is_sequence() : y->is_sequence()))
    return compare_list(t, xa ? x : &empty_list, ya ? y : &empty_list);
  if (t.kind == Kind::Object && xa && ya) return compare_object(*t.object, x, y);
  if (t.kind == Kind::List && xa && ya && x->is_sequence() && y->is_sequence()) return compare_list(t, x, y);
  if (t.kind == Kind::YearMap && xa && ya && x->is_map() && y->is_map()) return compare_years(t, x, y);
  if (xa && ya && x->is_scalar() && y->is_scalar()) {
    if (x->value() != y->value()) scalar_change(t, x, y);
    return;
  }
  if (xa && ya && x->is_scalar() != y->is_scalar()) return scalar_change(t, x, y);
  if (!xa || !ya) return presence_change(t, xa ? x : nullptr, ya ? y : nullptr);
}

void Walker::compare_object(const schema::ObjectInfo& o, const Node* x, const Node* y) {
  for (const auto& f : o.fields) {
    const Node* cx = get(x, f.name);
    const Node* cy = get(y, f.name);
    if (!cx && !cy) continue;
    stack_.push_back({f.name, {}, cx, cy});
    compare(f.type, cx, cy);
    stack_.pop_back();
  }
}

// A list: by key when the format gives one, by name or position for
// entries without a key, as a set for a list of texts.
void Walker::compare_list(const TypeInfo& t, const Node* x, const Node* y) {
  if (!t.key.empty()) return compare_keyed_list(t, x, y);
  if (t.item->kind == Kind::Object) return compare_unkeyed_list(*t.item, x, y);
  compare_text_list(x, y);
}

// Entries matched by key in O(n log n); with --ordre, their order too.
void Walker::compare_keyed_list(const TypeInfo& t, const Node* x, const Node* y) {
  const TypeInfo& item = *t.item;
  // Matched by key in O(n log n).
  std::map<std::string, const Node*> before, after;
  std::vector<std::string> order_before, order_after;
  for (const auto& n : x->items()) {
    std::string k = key_of(n, t.key);
    if (before.emplace(k, &n).second) order_before.push_back(k);
  }
  for (const auto& n : y->items()) {
    std::string k = key_of(n, t.key);
    if (after.emplace(k, &n).second) order_after.push_back(k);
  }
  for (const auto& k : order_before)
    if (!after.count(k)) entry_change(k, before[k], nullptr);
  for (const auto& k : order_after) {
    auto it = before.find(k);
    if (it == before.end()) {
      entry_change(k, nullptr, after[k]);
      continue;
    }
    Frame saved = stack_.back();
    stack_.back().key = k;
    stack_.back().before = it->second;
    stack_.back().after = after[k];
    compare(item, it->second, after[k]);
    stack_.back() = saved;
  }
  if (options_.order) {
    std::vector<std::string> common_before, common_after;
    for (const auto& k : order_before)
      if (after.count(k)) common_before.push_back(k);
    for (const auto& k : order_after)
      if (before.count(k)) common_after.push_back(k);
    if (common_before != common_after)
      add("ordre-modifie", fmt::format("{} : ordre des entrées modifié", where().empty() ? section_label(stack_.front().field) : where()),
          fmt::format("l'ordre des entrées de {} est modifié", section_label(stack_.front().field)), join(common_before, ", "),
          join(common_after, ", "), x, y);
  }
}

void Walker::compare_unkeyed_list(const TypeInfo& item, const Node* x, const Node* y) {
  // No key in the format: people and communes are matched by their name
  // when it is unique on both sides, other entries by position.
  auto name_key = [](const Node& n) {
    std::string k = scalar(get(&n, "nom")).value_or("");
    if (auto p = scalar(get(&n, "prenom"))) k = *p + " " + k;
    return k;
  };
  auto unique_names = [&](const Node* list) {
    std::map<std::string, int> seen;
    for (const auto& n : list->items())
      if (name_key(n).empty() || ++seen[name_key(n)] > 1) return false;
    return true;
  };
  if (unique_names(x) && unique_names(y)) {
    std::map<std::string, const Node*> before;
    for (const auto& n : x->items()) before[name_key(n)] = &n;
    std::map<std::string, bool> matched;
    for (const auto& n : y->items()) {
      std::string k = name_key(n);
      Frame saved = stack_.back();
      auto it = before.find(k);
      if (it == before.end()) {
        entry_change(k, nullptr, &n);
      } else {
        matched[k] = true;
        stack_.back().key = k;
        stack_.back().before = it->second;
        stack_.back().after = &n;
        compare(item, it->second, &n);
      }
      stack_.back() = saved;
    }
    for (const auto& n : x->items())
      if (!matched.count(name_key(n))) entry_change(name_key(n), &n, nullptr);
    return;
  }
  std::size_t n = std::max(x->items().size(), y->items().size());
  for (std::size_t i = 0; i < n; ++i) {
    const Node* cx = i < x->items().size() ? &x->items()[i] : nullptr;
    const Node* cy = i < y->items().size() ? &y->items()[i] : nullptr;
    Frame saved = stack_.back();
    std::string index = std::to_string(i + 1);
    if (cx && cy) {
      stack_.back().key = index;
      stack_.back().before = cx;
      stack_.back().after = cy;
      compare(item, cx, cy);
    } else {
      entry_change(index, cx, cy);
    }
    stack_.back() = saved;
  }
}

void Walker::compare_text_list(const Node* x, const Node* y) {
  // A list of texts: compared as a set, the order aside.
  std::map<std::string, int> count;
  for (const auto& n : x->items()) --count[std::string(n.value())];
  for (const auto& n : y->items()) ++count[std::string(n.value())];
  std::string what = where().empty() ? section_label(stack_.front().field) : where();
  for (const auto& n : x->items())
    if (count[std::string(n.value())] < 0) {
      ++count[std::string(n.value())];
      add("element-retire", fmt::format("{} : « {} » retiré", what, n.value()),
            fmt::format("{} : la mention « {} » est supprimée", what, n.value()), std::string(n.value()), std::nullopt, &n, nullptr);
    }
  for (const auto& n : y->items())
    if (count[std::string(n.value())] > 0) {
      --count[std::string(n.value())];
      add("element-ajoute", fmt::format("{} : « {} » ajouté", what, n.value()),
            fmt::format("{} : la mention « {} » est ajoutée", what, n.value()), std::nullopt, std::string(n.value()), nullptr, &n);
    }
  if (options_.order) {
    std::vector<std::string> a, b;
    for (const auto& n : x->items()) a.emplace_back(n.value());
    for (const auto& n : y->items()) b.emplace_back(n.value());
    std::vector<std::string> sa = a, sb = b;
    std::sort(sa.begin(), sa.end());
    std::sort(sb.begin(), sb.end());
    if (sa == sb && a != b)
      add("ordre-modifie", what + " : ordre modifié", what + " : l'ordre est modifié", join(a, ", "), join(b, ", "), x, y);
  }
}

void Walker::compare_years(const TypeInfo& t, const Node* x, const Node* y) {
  std::map<std::string, const Node*> before, after;
  for (const auto& [k, v] : x->entries()) before[std::string(k.value())] = &v;
  for (const auto& [k, v] : y->entries()) after[std::string(k.value())] = &v;
  set_union_years(before, after, [&](const std::string& year, const Node* a, const Node* b) {
    auto va = scalar(a), vb = scalar(b);
    if (va == vb) return;
    std::string line = where();
    auto number = [](const std::optional<std::string>& v) {
      auto d = v ? parse_decimal(*v) : std::nullopt;
      return d ? fr::decimal(*d) : v.value_or("vide");
    };
    std::string show_a = number(va), show_b = number(vb);
    std::string legal = fmt::format("{}, année {} : « {} » est remplacé par « {} »", line, year, show_a, show_b);
    // In an offer table: « dans le tableau de l'offre de X, la projection « EAJE PSU » pour 2027 passe de … à … ».
    const Frame* lines = nullptr;
    for (const auto& f : stack_)
      if (f.field == "lignes" && !f.key.empty()) lines = &f;
    if (stack_.front().field == "offre_petite_enfance" && lines)
      legal = fmt::format("dans le tableau de {}, la projection de la ligne « {} » pour {} passe de {} à {}",
                          name_of(stack_.front()), name_of(*lines), year, show_a, show_b);
    add("projection-modifiee", fmt::format("{} {} : {} → {}", line, year, show_a, show_b), legal, va, vb, a, b);
    changes.back().path += "." + year;
  });
  (void)t;
}

}  // namespace ctg::diff::detail
