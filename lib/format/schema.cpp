// SPDX-License-Identifier: EUPL-1.2
#include "format/schema.hpp"

#include <fmt/format.h>

#include <map>

#include "base/json.hpp"
#include "base/text.hpp"

namespace ctg::schema {

const FieldInfo* ObjectInfo::find(std::string_view key) const {
  for (const auto& f : fields)
    if (f.name == key) return &f;
  return nullptr;
}

std::vector<std::string> ObjectInfo::keys() const {
  std::vector<std::string> out;
  for (const auto& f : fields) out.push_back(f.name);
  return out;
}

std::string describe(const TypeInfo& t) {
  switch (t.kind) {
    case Kind::Text: return "un texte";
    case Kind::Markdown: return "un texte (Markdown)";
    case Kind::Identifier: return "un identifiant (minuscules, chiffres, « - », « _ », « . »)";
    case Kind::Code: return "un code entre guillemets";
    case Kind::Date: return "une date (AAAA-MM-JJ)";
    case Kind::Integer: return "un nombre entier";
    case Kind::Decimal: return "un nombre";
    case Kind::Year: return "une année (AAAA)";
    case Kind::Boolean: return "true ou false";
    case Kind::Enum: {
      std::vector<std::string> keys;
      for (const auto& v : t.values) keys.push_back(v.key);
      return "l'une des valeurs " + join(keys, ", ");
    }
    case Kind::Reference: return fmt::format("l'id d'une entrée de {}", guillemets(t.target));
    case Kind::Constant: return guillemets(t.constant);
    case Kind::Object: return t.object ? t.object->name + " (un ensemble de clés)" : "un ensemble de clés";
    case Kind::List: return "une liste";
    case Kind::YearMap: return "une table année → valeur";
  }
  return "une valeur";
}

namespace {

Json nullable_type(const char* type, bool nullable) {
  return nullable ? Json::array({type, "null"}) : Json(type);
}

class SchemaWriter {
 public:
  Json definitions = Json::object();

  Json type(const TypeInfo& t, const std::string& doc) {
    Json j = Json::object();
    switch (t.kind) {
      case Kind::Text:
        j.set("type", nullable_type("string", t.nullable)).set("minLength", 1);
        break;
      case Kind::Markdown: j.set("type", nullable_type("string", t.nullable)); break;
      case Kind::Identifier:
      case Kind::Code:
      case Kind::Reference:
        j.set("type", nullable_type("string", t.nullable)).set("pattern", "^" + t.pattern + "$");
        break;
      case Kind::Date:
        j.set("type", nullable_type("string", t.nullable)).set("pattern", "^" + t.pattern + "$").set("format", "date");
        break;
      case Kind::Integer:
      case Kind::Year:
        j.set("type", nullable_type("integer", t.nullable));
        break;
      case Kind::Decimal: j.set("type", nullable_type("number", t.nullable)); break;
      case Kind::Boolean: j.set("type", nullable_type("boolean", t.nullable)); break;
      case Kind::Constant: j.set("const", t.constant); break;
      case Kind::Enum: {
        Json values = Json::array();
        for (const auto& v : t.values) values.push(v.key);
        if (t.nullable) values.push(nullptr);
        j.set("enum", values);
        break;
      }
      case Kind::Object: {
        define(*t.object);
        Json ref = Json::object().set("$ref", "#/definitions/" + t.object->def);
        // A blank (null) or the object; if/then rather than anyOf so that
        // validators and editors report errors inside the object itself.
        if (t.nullable) j.set("type", Json::array({"object", "null"})).set("if", Json::object().set("type", "object")).set("then", ref);
        else j = ref;
        break;
      }
      case Kind::List:
        j.set("type", nullable_type("array", t.nullable)).set("items", type(*t.item, {}));
        break;
      case Kind::YearMap:
        j.set("type", nullable_type("object", t.nullable))
            .set("propertyNames", Json::object().set("pattern", "^[0-9]{4}$"))
            .set("additionalProperties", type(*t.item, {}));
        break;
    }
    if (t.minimum && (t.kind == Kind::Integer || t.kind == Kind::Year || t.kind == Kind::Decimal))
      j.set("minimum", *t.minimum);
    if (t.maximum && (t.kind == Kind::Integer || t.kind == Kind::Year || t.kind == Kind::Decimal))
      j.set("maximum", *t.maximum);
    if (!doc.empty()) {
      if (j.is_object() && t.kind != Kind::Object) j.set("description", doc);
      else if (t.kind == Kind::Object && !t.nullable) {
        // A $ref cannot carry siblings in draft-07: wrap it.
        j = Json::object().set("description", doc).set("allOf", Json::array({j}));
      } else j.set("description", doc);
    }
    return j;
  }

  Json object_body(const ObjectInfo& o) {
    Json props = Json::object();
    Json required = Json::array();
    bool any_required = false;
    for (const auto& f : o.fields) {
      props.set(f.name, type(f.type, f.doc));
      if (f.presence == Presence::Required) {
        required.push(f.name);
        any_required = true;
      }
    }
    Json j = Json::object();
    j.set("type", "object").set("description", o.doc).set("additionalProperties", false).set("properties", props);
    if (any_required) j.set("required", required);
    if (!o.any_of.empty()) {
      Json all = Json::array();
      for (const auto& set : o.any_of) {
        Json any = Json::array();
        for (const auto& k : set) any.push(Json::object().set("required", Json::array({k})));
        all.push(Json::object().set("anyOf", any));
      }
      j.set("allOf", all);
    }
    return j;
  }

  void define(const ObjectInfo& o) {
    if (defined_.count(o.def)) return;
    defined_[o.def] = true;
    Json body = object_body(o);
    definitions.set(o.def, body);
  }

 private:
  std::map<std::string, bool> defined_;
};

void collect_paths(const TypeInfo& t, const std::string& prefix, std::vector<std::string>& out, int depth) {
  if (depth > 20) return;
  if (t.kind == Kind::Object && t.object) {
    for (const auto& f : t.object->fields) {
      std::string path = prefix.empty() ? f.name : prefix + "." + f.name;
      out.push_back(path);
      const TypeInfo* inner = &f.type;
      std::string p = path;
      if (inner->kind == Kind::List && inner->item) {
        p += "[]";
        inner = inner->item.get();
      }
      collect_paths(*inner, p, out, depth + 1);
    }
  }
}

}  // namespace

std::string json_schema(const TypeInfo& root, std::string_view id, std::string_view title) {
  SchemaWriter w;
  // The root is written inline (not as a definition) after the header keys;
  // its required keys are those of a single file: sections that an included
  // file may provide are checked by the loader once the files are merged.
  Json out = Json::object();
  out.set("$schema", "http://json-schema.org/draft-07/schema#");
  out.set("$id", std::string(id));
  out.set("title", std::string(title));
  Json body = w.object_body(*root.object);
  for (const char* k : {"type", "description", "additionalProperties", "properties", "required"}) {
    if (const Json* v = body.find(k)) out.set(k, *v);
  }
  out.set("definitions", w.definitions);
  return out.dump(2);
}

std::vector<std::string> key_paths(const TypeInfo& root) {
  std::vector<std::string> out;
  collect_paths(root, "", out, 0);
  return out;
}

}  // namespace ctg::schema
