// SPDX-License-Identifier: EUPL-1.2
#include "base/json.hpp"

#include <fmt/format.h>

namespace ctg {

Json Json::raw_number(std::string text) {
  Json j;
  j.v_ = Raw{std::move(text)};
  return j;
}

Json& Json::set(std::string key, Json value) {
  if (!is_object()) v_ = Object{};
  auto& o = std::get<Object>(v_);
  for (auto& [k, v] : o)
    if (k == key) {
      v = std::move(value);
      return *this;
    }
  o.emplace_back(std::move(key), std::move(value));
  return *this;
}

const Json* Json::find(std::string_view key) const {
  if (!is_object()) return nullptr;
  for (const auto& [k, v] : std::get<Object>(v_))
    if (k == key) return &v;
  return nullptr;
}

Json& Json::push(Json value) {
  if (!std::holds_alternative<Array>(v_)) v_ = Array{};
  std::get<Array>(v_).push_back(std::move(value));
  return *this;
}

std::string json_quote(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) out += fmt::format("\\u{:04x}", c);
        else out.push_back(ch);
    }
  }
  return out + "\"";
}

std::string Json::dump(int indent) const {
  std::string out;
  write(out, indent, 0);
  if (indent >= 0) out += "\n";
  return out;
}

void Json::write(std::string& out, int indent, int depth) const {
  auto newline = [&](int d) {
    if (indent < 0) return;
    out += "\n";
    out.append(static_cast<std::size_t>(indent * d), ' ');
  };
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) out += "null";
        else if constexpr (std::is_same_v<T, bool>) out += v ? "true" : "false";
        else if constexpr (std::is_same_v<T, std::int64_t>) out += std::to_string(v);
        else if constexpr (std::is_same_v<T, std::string>) out += json_quote(v);
        else if constexpr (std::is_same_v<T, Raw>) out += v.text;
        else if constexpr (std::is_same_v<T, Array>) {
          if (v.empty()) {
            out += "[]";
            return;
          }
          out += "[";
          for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) out += indent < 0 ? ", " : ",";
            newline(depth + 1);
            v[i].write(out, indent, depth + 1);
          }
          newline(depth);
          out += "]";
        } else {
          if (v.empty()) {
            out += "{}";
            return;
          }
          out += "{";
          for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) out += indent < 0 ? ", " : ",";
            newline(depth + 1);
            out += json_quote(v[i].first);
            out += ": ";
            v[i].second.write(out, indent, depth + 1);
          }
          newline(depth);
          out += "}";
        }
      },
      v_);
}

}  // namespace ctg
