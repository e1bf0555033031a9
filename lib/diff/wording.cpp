// SPDX-License-Identifier: EUPL-1.2
// The words of diff::compare: where a change is (« Provence Alpes
// Agglomération › EAJE PSU › projection »), its code, its plain description
// and its legal wording for the avenant, with both positions.
#include <fmt/format.h>

#include <algorithm>

#include "base/french.hpp"
#include "base/text.hpp"
#include "base/values.hpp"
#include "diff/walker.hpp"
#include "format/vocabulary.hpp"
#include "rules/rules.hpp"

namespace ctg::diff::detail {

std::string Walker::file_of(const SourceSet& s, const Loc& l) {
  return l.file >= 0 && static_cast<std::size_t>(l.file) < s.size() ? s.file(l.file).path : std::string();
}

std::string Walker::party(const std::string& id) const {
  if (auto it = b_.party_names.find(id); it != b_.party_names.end()) return it->second;
  if (auto it = a_.party_names.find(id); it != a_.party_names.end()) return it->second;
  return id;
}

std::string Walker::path() const {
  std::string p;
  for (const auto& f : stack_) {
    if (!f.field.empty()) p += (p.empty() ? "" : ".") + f.field;
    if (!f.key.empty()) p += "[" + f.key + "]";
  }
  return p;
}

// What a reader calls an entry: a party's name, an article's number…
std::string Walker::name_of(const Frame& f) const {
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

const std::vector<std::pair<std::string, std::string>>& Walker::format_mode_labels() {
  static const std::vector<std::pair<std::string, std::string>> labels = [] {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& e : enum_entries<OfferMode>()) out.emplace_back(std::string(e.key), std::string(e.label));
    return out;
  }();
  return labels;
}

// « Provence Alpes Agglomération › EAJE PSU › projection »
std::string Walker::where() const {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < stack_.size(); ++i) {
    const Frame& f = stack_[i];
    if (!f.key.empty()) parts.push_back(name_of(f));
    else if (i > 0 && f.field != "lignes" && f.field != "competences" && f.field != "transferts") parts.push_back(f.field);
  }
  return join(parts, " › ");
}

void Walker::add(std::string code, std::string description, std::string legal, std::optional<std::string> before,
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

// Why one long function: One wording per kind of list entry (party, article, AO, offer line…); they share the entry's name and positions.
void Walker::entry_change(const std::string& k, const Node* x, const Node* y) {
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

void Walker::presence_change(const TypeInfo& t, const Node* x, const Node* y) {
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

std::string Walker::display(const TypeInfo& t, const std::string& v) const {
  if (t.kind == Kind::Enum) return enum_label(t, v);
  if (t.kind == Kind::Date)
    if (auto d = parse_iso_date(v)) return to_french_long(*d);
  if (t.kind == Kind::Integer || t.kind == Kind::Decimal)
    if (auto d = parse_decimal(v)) return fr::decimal(*d);
  if (t.kind == Kind::Reference) return party(v);
  return v;
}

// Why one long function: One wording per kind of field (dates, populations, competences, offer cells…); they share the field's path and both values.
void Walker::scalar_change(const TypeInfo& t, const Node* x, const Node* y) {
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

}  // namespace ctg::diff::detail
