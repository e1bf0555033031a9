// SPDX-License-Identifier: EUPL-1.2
// The description of the format, as data: what keys exist, their types and
// constraints, and their documentation. The loader (codec.hpp) enforces it
// and json_schema.cpp prints it, so the two cannot drift.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ctg::schema {

enum class Kind {
  Text,        // one line of text
  Markdown,    // text, may span lines, GitHub-flavoured Markdown
  Identifier,  // a stable id: lower-case letters, digits, « - », « _ », « . »
  Code,        // a code written as a quoted string of digits (INSEE, postcode)
  Date,        // AAAA-MM-JJ
  Integer,
  Decimal,
  Year,
  Boolean,
  Enum,
  Reference,   // the id of an entry of another list
  Constant,    // a fixed string (the format version)
  Object,
  List,
  YearMap,     // year → value
};

struct EnumValue {
  std::string key;
  std::string label;
};

struct ObjectInfo;

struct TypeInfo {
  Kind kind = Kind::Text;
  bool nullable = false;
  std::vector<EnumValue> values;     // Enum
  std::string pattern;               // Identifier, Code: an ECMAScript regular expression
  std::string pattern_hint;          // the pattern said in French
  std::optional<std::int64_t> minimum, maximum;
  std::string target;                // Reference: the list it points into (« parties »)
  std::string constant;              // Constant
  std::shared_ptr<const ObjectInfo> object;  // Object
  std::shared_ptr<const TypeInfo> item;      // List item, YearMap value
  std::string key;                   // List of objects: the key identifying an entry
};

enum class Presence {
  Optional,
  Required,
  RequiredInDocument,  // optional in each file, required once included files are merged
};

struct FieldInfo {
  std::string name;
  TypeInfo type;
  Presence presence = Presence::Optional;
  std::string doc;
};

struct ObjectInfo {
  std::string name;  // French noun for messages: « partie », « représentant »
  std::string def;   // name under $defs in the JSON Schema
  std::string doc;
  std::vector<FieldInfo> fields;
  std::vector<std::vector<std::string>> any_of;  // at least one of these key sets must be present

  const FieldInfo* find(std::string_view key) const;
  std::vector<std::string> keys() const;
};

// The JSON Schema (draft-07) of a document whose root has type `root`.
std::string json_schema(const TypeInfo& root, std::string_view id, std::string_view title);

// Every key of the format as a path, « parties[].representants[].civilite »,
// for documentation and its completeness test.
std::vector<std::string> key_paths(const TypeInfo& root);

// The format reference in Markdown (docs/format.md), one table per object:
// key, type, required, meaning, an example (schema_markdown.cpp).
std::string markdown_reference();

// Describes a type in French for messages: « une date (AAAA-MM-JJ) ».
std::string describe(const TypeInfo& t);

}  // namespace ctg::schema
