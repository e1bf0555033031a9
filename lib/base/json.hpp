// SPDX-License-Identifier: EUPL-1.2
// A small JSON value with deterministic output (keys keep insertion order),
// for `ctg schema` and the commands' --format json.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace ctg {

class Json {
 public:
  using Array = std::vector<Json>;
  using Object = std::vector<std::pair<std::string, Json>>;

  Json() : v_(nullptr) {}
  Json(std::nullptr_t) : v_(nullptr) {}
  Json(bool b) : v_(b) {}
  Json(int i) : v_(static_cast<std::int64_t>(i)) {}
  Json(std::int64_t i) : v_(i) {}
  Json(const char* s) : v_(std::string(s)) {}
  Json(std::string s) : v_(std::move(s)) {}
  Json(std::string_view s) : v_(std::string(s)) {}
  Json(Array a) : v_(std::move(a)) {}
  Json(Object o) : v_(std::move(o)) {}

  static Json array(std::initializer_list<Json> items = {}) { return Json(Array(items)); }
  static Json object() { return Json(Object{}); }
  // A number written exactly as given (e.g. a Decimal's "1.7").
  static Json raw_number(std::string text);

  // Appends a key (objects) or an item (arrays).
  Json& set(std::string key, Json value);
  Json& push(Json value);
  bool is_object() const { return std::holds_alternative<Object>(v_); }
  // The value of `key` in an object, or nullptr.
  const Json* find(std::string_view key) const;

  // indent < 0: compact on one line.
  std::string dump(int indent = 2) const;

 private:
  struct Raw {
    std::string text;
  };
  std::variant<std::nullptr_t, bool, std::int64_t, std::string, Array, Object, Raw> v_;
  void write(std::string& out, int indent, int depth) const;
};

// "…" with JSON escapes.
std::string json_quote(std::string_view s);

}  // namespace ctg
