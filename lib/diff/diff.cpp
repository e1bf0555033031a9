#include "diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "format.hpp"
#include "french.hpp"
#include "rules.hpp"
#include "text.hpp"
#include "values.hpp"
#include "yaml_tree.hpp"

namespace ctg::diff {

using schema::Kind;
using schema::TypeInfo;
using yaml::Node;

std::string section_label(const std::string& key) {
  static const std::map<std::string, std::string> labels{
      {"convention", "Convention"},
      {"parties", "Parties"},
      {"visas", "Visas"},
      {"preambule", "Préambule"},
      {"articles", "Articles"},
      {"diagnostic", "Annexe 1 – diagnostic"},
      {"equipements", "Annexe 2 – équipements et services"},
      {"autorites_organisatrices", "Annexe 3 – autorités organisatrices"},
      {"offre_petite_enfance", "Annexe 3 – offre petite enfance"},
      {"donnees_couverture", "Annexe 3 – données de couverture"},
      {"plan_actions", "Annexe 3 – plan d'actions"},
      {"fiches_action", "Fiches action"},
      {"pilotage", "Annexe 4 – pilotage"},
      {"decisions_conseils", "Annexe 5 – décisions des conseils"}};
  auto it = labels.find(key);
  return it == labels.end() ? key : it->second;
}

namespace {

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

  void run() {
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

 private:
  const Tree& a_;
  const Tree& b_;
  const Options& options_;
  const SourceSet& sources_a_;
  const SourceSet& sources_b_;
  std::vector<Frame> stack_;

  static std::string file_of(const SourceSet& s, const Loc& l) {
    return l.file >= 0 && static_cast<std::size_t>(l.file) < s.size() ? s.file(l.file).path : std::string();
  }

  std::string party(const std::string& id) const {
    if (auto it = b_.party_names.find(id); it != b_.party_names.end()) return it->second;
    if (auto it = a_.party_names.find(id); it != a_.party_names.end()) return it->second;
    return id;
  }

  std::string path() const {
    std::string p;
    for (const auto& f : stack_) {
      if (!f.field.empty()) p += (p.empty() ? "" : ".") + f.field;
      if (!f.key.empty()) p += "[" + f.key + "]";
    }
    return p;
  }

  // What a reader calls an entry: a party's name, an article's number…
  std::string name_of(const Frame& f) const {
    const Node* n = f.after ? f.after : f.before;
    const std::string& list = f.field;
    if (list == "parties") return scalar(get(n, "nom")).value_or(f.key);
    if (list == "articles") return fmt::format("l'article {}", scalar(get(n, "numero")).value_or(f.key));
    if (list == "fiches_action") return fmt::format("la fiche action {}", scalar(get(n, "numero")).value_or(f.key));
    if (list == "autorites_organisatrices") return party(f.key);
    if (list == "offre_petite_enfance") return "l'offre de " + party(f.key.substr(0, f.key.find('/')));
    if (list == "donnees_couverture") return f.key == "(territoire)" ? "le territoire" : party(f.key);
    if (list == "lignes") {
      std::string mode = scalar(get(n, "mode")).value_or(f.key);
      for (const auto& e : format_mode_labels())
        if (e.first == mode) return scalar(get(n, "libelle")).value_or(e.second);
      return mode;
    }
    if (list == "calendrier") return "l'année " + f.key;
    if (auto first = scalar(get(n, "prenom"))) return *first + " " + scalar(get(n, "nom")).value_or("");
    for (const char* field : {"nom", "titre", "libelle"})
      if (auto v = scalar(get(n, field))) return *v;
    return f.key.empty() ? list : f.key;
  }

  static const std::vector<std::pair<std::string, std::string>>& format_mode_labels() {
    static const std::vector<std::pair<std::string, std::string>> labels = [] {
      std::vector<std::pair<std::string, std::string>> out;
      for (const auto& e : enum_entries<OfferMode>()) out.emplace_back(std::string(e.key), std::string(e.label));
      return out;
    }();
    return labels;
  }

  // « Provence Alpes Agglomération › EAJE PSU › projection »
  std::string where() const {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < stack_.size(); ++i) {
      const Frame& f = stack_[i];
      if (!f.key.empty()) parts.push_back(name_of(f));
      else if (i > 0 && f.field != "lignes" && f.field != "competences" && f.field != "transferts") parts.push_back(f.field);
    }
    return join(parts, " › ");
  }

  Loc loc(const Node* n) const { return n ? n->loc : Loc{}; }

  void add(std::string code, std::string description, std::string legal, std::optional<std::string> before,
           std::optional<std::string> after, const Node* x, const Node* y) {
    Change c;
    c.section = stack_.front().field;
    c.code = std::move(code);
    c.path = path();
    c.description = std::move(description);
    c.legal = std::move(legal);
    c.before = std::move(before);
    c.after = std::move(after);
    c.old_loc = loc(x);
    c.new_loc = loc(y);
    c.old_file = file_of(sources_a_, c.old_loc);
    c.new_file = file_of(sources_b_, c.new_loc);
    changes.push_back(std::move(c));
  }

  void compare(const TypeInfo& t, const Node* x, const Node* y) {
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

  void compare_object(const schema::ObjectInfo& o, const Node* x, const Node* y) {
    for (const auto& f : o.fields) {
      const Node* cx = get(x, f.name);
      const Node* cy = get(y, f.name);
      if (!cx && !cy) continue;
      stack_.push_back({f.name, {}, cx, cy});
      compare(f.type, cx, cy);
      stack_.pop_back();
    }
  }

  void compare_list(const TypeInfo& t, const Node* x, const Node* y) {
    const TypeInfo& item = *t.item;
    if (!t.key.empty()) {
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
      return;
    }
    if (item.kind == Kind::Object) {
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
      return;
    }
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

  void compare_years(const TypeInfo& t, const Node* x, const Node* y) {
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

  template <class F>
  static void set_union_years(const std::map<std::string, const Node*>& a, const std::map<std::string, const Node*>& b, F f) {
    std::map<std::string, std::pair<const Node*, const Node*>> all;
    for (const auto& [k, v] : a) all[k].first = v;
    for (const auto& [k, v] : b) all[k].second = v;
    for (const auto& [k, v] : all) f(k, v.first, v.second);
  }
  void entry_change(const std::string& k, const Node* x, const Node* y) {
    const std::string list = stack_.back().field;
    Frame saved = stack_.back();
    stack_.back().key.clear();
    std::string parent = where();
    stack_.back().key = k;
    stack_.back().before = x;
    stack_.back().after = y;
    std::string name = name_of(stack_.back());
    bool added = y != nullptr;
    std::string code, description, legal;
    if (list == "parties") {
      code = added ? "partie-ajoutee" : "partie-retiree";
      description = added ? fmt::format("{} rejoint la convention", name) : fmt::format("{} quitte la convention", name);
      legal = added ? fmt::format("{} devient signataire de la convention", name)
                    : fmt::format("{} n'est plus signataire de la convention", name);
    } else if (list == "equipements") {
      std::string commune = scalar(get(added ? y : x, "commune")).value_or("");
      code = added ? "equipement-ajoute" : "equipement-retire";
      description = fmt::format("équipement {} : {} ({})", added ? "ajouté" : "retiré", name, commune);
      legal = fmt::format("l'équipement « {} » ({}) est {}", name, commune, added ? "ajouté" : "retiré");
    } else if (list == "autorites_organisatrices") {
      code = added ? "ao-ajoutee" : "ao-retiree";
      description = fmt::format("{} {} autorité organisatrice", name, added ? "devient" : "n'est plus");
      legal = fmt::format("au tableau des autorités organisatrices, {} est {}", name, added ? "ajoutée" : "retirée");
    } else if (list == "fiches_action") {
      std::string title = scalar(get(added ? y : x, "titre")).value_or("");
      code = added ? "fiche-ajoutee" : "fiche-retiree";
      description = fmt::format("{} « {} » {}", name, title, added ? "ajoutée" : "retirée");
      legal = fmt::format("{} « {} » est {}", name, title, added ? "ajoutée" : "supprimée");
    } else if (list == "actions" || list == "actions_cles") {
      std::string text = scalar(get(added ? y : x, "texte")).value_or("");
      code = added ? "action-ajoutee" : "action-retiree";
      description = fmt::format("{} : action {} {} : « {} »", parent, k, added ? "ajoutée" : "retirée", text);
      legal = fmt::format("{} : l'action {} « {} » est {}", parent, k, text, added ? "ajoutée" : "supprimée");
    } else if (list == "articles") {
      std::string title = scalar(get(added ? y : x, "titre")).value_or("");
      code = added ? "article-ajoute" : "article-retire";
      description = fmt::format("{} « {} » {}", name, title, added ? "ajouté" : "supprimé");
      legal = added ? fmt::format("il est ajouté {} « {} », ainsi rédigé :", name, title)
                    : fmt::format("{} « {} » est supprimé", name, title);
    } else if (list == "transferts") {
      std::string text = transfer_words(added ? *y : *x);
      code = added ? "transfert-ajoute" : "transfert-retire";
      description = fmt::format("{} : {} ({})", parent, text, added ? "ajouté" : "retiré");
      legal = fmt::format("{} : le {} est {}", parent, text, added ? "ajouté" : "supprimé");
    } else {
      std::string what = parent.empty() ? section_label(stack_.front().field) : parent;
      code = added ? "entree-ajoutee" : "entree-retiree";
      description = fmt::format("{} : {} de « {} »", what, added ? "ajout" : "retrait", name);
      legal = fmt::format("{} : {} de « {} »", what, added ? "ajout" : "suppression", name);
    }
    add(code, description, legal, added ? std::nullopt : std::optional<std::string>(name),
        added ? std::optional<std::string>(name) : std::nullopt, x, y);
    if (added && list == "articles") changes.back().content = scalar(get(y, "texte"));
    if (added && list == "fiches_action") {
      // The whole fiche, for the avenant to reproduce.
      std::string md = scalar(get(y, "objectif_global")).value_or("");
      if (const Node* actions = get(y, "actions_cles"); actions && actions->is_sequence()) {
        md += "\n\n";
        for (const auto& a : actions->items())
          md += fmt::format("- {} {}\n", scalar(get(&a, "id")).value_or(""), scalar(get(&a, "texte")).value_or(""));
      }
      if (const Node* inds = get(y, "indicateurs"); inds && inds->is_sequence() && !inds->items().empty()) {
        md += "\nIndicateurs :\n\n";
        for (const auto& i : inds->items()) md += "- " + std::string(i.value()) + "\n";
      }
      changes.back().content = md;
      changes.back().legal = fmt::format("il est ajouté {} « {} », ainsi rédigée :", name,
                                         scalar(get(y, "titre")).value_or(""));
    }
    stack_.back() = saved;
  }

  void presence_change(const TypeInfo& t, const Node* x, const Node* y) {
    std::string what = where();
    if (what.empty()) what = section_label(stack_.front().field);
    std::string field = stack_.back().field;
    auto show = [&](const Node* n) -> std::optional<std::string> {
      if (!n) return std::nullopt;
      if (n->is_scalar()) return display(t, std::string(n->value()));
      return std::string("(section)");
    };
    if (y && !x)
      add("valeur-ajoutee", fmt::format("{} : ajout{}", what, y->is_scalar() ? " de « " + *show(y) + " »" : ""),
          fmt::format("{} : ajout{}", what, y->is_scalar() ? " de « " + *show(y) + " »" : ""), std::nullopt, show(y),
          nullptr, y);
    else
      add("valeur-retiree", fmt::format("{} : suppression{}", what, x && x->is_scalar() ? " de « " + *show(x) + " »" : ""),
          fmt::format("{} : suppression{}", what, x && x->is_scalar() ? " de « " + *show(x) + " »" : ""), show(x),
          std::nullopt, x, nullptr);
    (void)field;
  }

  std::string display(const TypeInfo& t, const std::string& v) const {
    if (t.kind == Kind::Enum) return enum_label(t, v);
    if (t.kind == Kind::Date)
      if (auto d = parse_iso_date(v)) return to_french_long(*d);
    if (t.kind == Kind::Integer || t.kind == Kind::Decimal)
      if (auto d = parse_decimal(v)) return fr::decimal(*d);
    if (t.kind == Kind::Reference) return party(v);
    return v;
  }

  void scalar_change(const TypeInfo& t, const Node* x, const Node* y) {
    std::string a(x->is_scalar() ? x->value() : ""), b(y->is_scalar() ? y->value() : "");
    std::string what = where();
    if (what.empty()) what = section_label(stack_.front().field);
    // A text re-wrapped without a word changed is not a change.
    if (t.kind == Kind::Markdown || t.kind == Kind::Text) {
      auto words = [](const std::string& s) {
        std::string out;
        for (char ch : s) {
          bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
          if (space) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
          } else {
            out.push_back(ch);
          }
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out;
      };
      if (words(a) == words(b)) return;
    }
    const std::string& field = stack_.back().field;
    std::string da = display(t, a), db = display(t, b);
    std::string code = "valeur-modifiee";
    std::string description = fmt::format("{} : {} → {}", what, da, db);
    std::string legal = fmt::format("{} : « {} » est remplacé par « {} »", what, da, db);
    const std::string& section = stack_.front().field;
    if (field == "nom" && section == "equipements") {
      code = "equipement-renomme";
      description = fmt::format("équipement renommé : « {} » → « {} »", a, b);
      legal = fmt::format("l'équipement « {} » est renommé « {} »", a, b);
    } else if (section == "autorites_organisatrices" && stack_.size() >= 2 &&
               stack_[stack_.size() - 2].field == "competences") {
      code = "competence-modifiee";
      std::string ao = party(stack_.front().key);
      std::string comp = field;
      for (const auto& e : enum_entries<Competence>())
        if (e.key == field) comp = rules::competence_name(e.value);
      if (a == "exercee" && b == "transferee")
        description = fmt::format("{} : la compétence {} passe de la commune à l'EPCI (exercée → transférée)", ao, comp);
      else if (a == "transferee" && b == "exercee")
        description = fmt::format("{} : la compétence {} revient à la commune (transférée → exercée)", ao, comp);
      else description = fmt::format("{} : compétence {} {} → {}", ao, comp, da, db);
      legal = fmt::format("au tableau des autorités organisatrices, pour {}, la compétence {} est désormais « {} » au "
                          "lieu de « {} »",
                          ao, comp, db, da);
    } else if (field == "valeur") {
      bool population = stack_.size() >= 2 && stack_[stack_.size() - 2].field == "population";
      if (population) {
        code = "population-modifiee";
        auto na = parse_integer(a), nb = parse_integer(b);
        for (std::int64_t th : {std::int64_t{3500}, std::int64_t{10000}})
          if (na && nb && (*na > th) != (*nb > th)) {
            code = "seuil-franchi";
            std::string crossing = fmt::format(" : la population {} le seuil de {} habitants",
                                               *nb > th ? "franchit" : "repasse sous", fr::integer(th));
            description += crossing;
            legal += crossing;
          }
      }
    } else if (t.kind == Kind::Date) {
      code = "date-modifiee";
    } else if ((t.kind == Kind::Markdown || t.kind == Kind::Text) && (a.size() > 80 || b.size() > 80)) {
      code = section == "articles" ? "article-modifie" : "texte-modifie";
      description = fmt::format("{} : texte modifié", what);
      legal = section == "articles" && field == "texte"
                  ? fmt::format("le texte de {} est ainsi rédigé :", name_of(stack_.front()))
                  : fmt::format("{} est ainsi rédigé :", what);
      add(code, description, legal, a, b, x, y);
      changes.back().words = word_diff(a, b);
      changes.back().content = b;
      return;
    }
    if (section == "fiches_action" || section == "plan_actions")
      if (field == "texte") code = "action-reformulee";
    if (section == "parties" && stack_.size() >= 2 && stack_[1].field == "representants") code = "representant-modifie";
    add(code, description, legal, a, b, x, y);
  }
};

}  // namespace

Result compare(const LoadResult& before, const LoadResult& after, const Options& options) {
  Tree a = tree_of(before), b = tree_of(after);
  Walker w(a, b, options, before.sources, after.sources);
  w.run();
  Result r;
  r.changes = std::move(w.changes);
  if (options.consequences && !r.changes.empty()) consequences(before, after, r);
  return r;
}

}  // namespace ctg::diff
