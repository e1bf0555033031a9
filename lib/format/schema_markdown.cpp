// SPDX-License-Identifier: EUPL-1.2
// The format reference in Markdown (docs/format.md), generated from the same
// description as the loader and the JSON Schema: `ctg schema --markdown`.
#include <fmt/format.h>

#include <set>

#include "format/format.hpp"
#include "format/schema.hpp"
#include "base/text.hpp"

namespace ctg::schema {

namespace {

std::string cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

// A value of the type, as it is written in YAML.
std::string example(const TypeInfo& t, const std::string& key) {
  switch (t.kind) {
    case Kind::Text: {
      static const std::vector<std::pair<std::string_view, std::string_view>> texts{
          {"titre", "Convention territoriale globale"}, {"territoire", "CC du Briançonnais"},
          {"departement", "Hautes-Alpes"}, {"nom", "Digne-les-Bains"}, {"prenom", "Claire"}, {"qualite", "Maire"},
          {"instance", "conseil municipal"}, {"commune", "Briançon"}, {"gestionnaire", "Commune de Briançon"},
          {"source", "Insee, populations légales 2022"}, {"libelle", "Enfants de moins de 3 ans"},
          {"nom_court", "la Caf"}, {"designation", "la Commune de Briançon"}, {"lieu_signature", "Briançon"}};
      for (const auto& [k, v] : texts)
        if (k == key) return fmt::format("`{}`", v);
      return "un texte";
    }
    case Kind::Markdown: return "`|` puis le texte, indenté";
    case Kind::Identifier: return "`digne-les-bains`";
    case Kind::Code: return key == "siren" ? "`\"200067437\"`" : key == "code_postal" ? "`\"04000\"`" : "`\"04070\"`";
    case Kind::Date: return "`2026-01-01`";
    case Kind::Integer: return t.minimum && *t.minimum > 0 ? fmt::format("`{}`", *t.minimum) : "`20`";
    case Kind::Decimal: return "`2.5`";
    case Kind::Year: return "`2023`";
    case Kind::Boolean: return "`true`";
    case Kind::Enum: return t.values.empty() ? "" : "`" + t.values.front().key + "`";
    case Kind::Reference: return "`digne-les-bains`";
    case Kind::Constant: return "`" + t.constant + "`";
    case Kind::Object: return "voir ci-dessous";
    case Kind::List:
      return t.item && t.item->kind == Kind::Object ? "`- …` (voir ci-dessous)" : "`[…, …]`";
    case Kind::YearMap: return "`{ 2026: 20, 2027: 24 }`";
  }
  return "";
}

std::string type_text(const TypeInfo& t) {
  std::string s;
  if (t.kind == Kind::List && t.item)
    s = t.item->kind == Kind::Object && t.item->object ? "liste de « " + t.item->object->name + " »"
                                                        : "liste : " + describe(*t.item);
  else if (t.kind == Kind::YearMap && t.item) s = "table année → " + describe(*t.item);
  else if (t.kind == Kind::Object && t.object) s = "« " + t.object->name + " »";
  else s = describe(t);
  if (t.nullable) s += " ; peut rester vide (`null`)";
  return s;
}

const char* presence(Presence p) {
  switch (p) {
    case Presence::Required: return "oui";
    case Presence::RequiredInDocument: return "oui (dans l'un des fichiers)";
    case Presence::Optional: return "non";
  }
  return "non";
}

const ObjectInfo* object_of(const TypeInfo& t) {
  if (t.kind == Kind::Object) return t.object.get();
  if ((t.kind == Kind::List || t.kind == Kind::YearMap) && t.item) return object_of(*t.item);
  return nullptr;
}

void section(const ObjectInfo& o, const std::string& path, std::set<const ObjectInfo*>& done, std::string& out) {
  if (!done.insert(&o).second) return;
  out += fmt::format("\n## {}\n\n", path.empty() ? "Le document" : "`" + path + "`");
  if (!o.doc.empty()) out += o.doc + "\n\n";
  out += "| clé | type | obligatoire | signification | exemple |\n|---|---|---|---|---|\n";
  std::vector<std::pair<const ObjectInfo*, std::string>> children;
  for (const auto& f : o.fields) {
    out += fmt::format("| `{}` | {} | {} | {} | {} |\n", f.name, cell(type_text(f.type)), presence(f.presence),
                       cell(f.doc), cell(example(f.type, f.name)));
    if (const ObjectInfo* child = object_of(f.type))
      children.emplace_back(child, path.empty() ? f.name : path + "." + f.name);
  }
  for (const auto& keys : o.any_of) {
    std::vector<std::string> quoted;
    for (const auto& k : keys) quoted.push_back("`" + k + "`");
    out += fmt::format("\nAu moins l'une des clés {} est présente.\n", join(quoted, ", "));
  }
  for (const auto& [child, child_path] : children) section(*child, child_path, done, out);
}

}  // namespace

std::string markdown_reference() {
  const TypeInfo& root = format::document().codec().info;
  std::string out =
      "# Référence du format `ctg/1`\n\n"
      "*Fichier produit par `ctg schema --markdown` à partir de la description du format que lit `ctg` : ne pas le "
      "modifier à la main (un test vérifie qu'il est à jour). Le manuel `man 5 ctg-format` explique chaque "
      "section plus longuement ; le guide (`docs/guide.md`) montre comment s'en servir.*\n\n"
      "Une CTG est un document YAML en UTF-8, éventuellement réparti en plusieurs fichiers (`inclure`). Les "
      "exemples donnent la forme d'une valeur ; les codes (INSEE, SIREN, code postal) s'écrivent entre "
      "guillemets.\n";
  std::set<const ObjectInfo*> done;
  if (root.object) section(*root.object, "", done, out);
  return out;
}

}  // namespace ctg::schema
