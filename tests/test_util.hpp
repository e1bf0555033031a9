// SPDX-License-Identifier: EUPL-1.2
// Readable failure messages for the model's small types.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/source.hpp"

namespace doctest {
template <>
struct StringMaker<ctg::Loc> {
  static String convert(const ctg::Loc& l) {
    return ("Loc{" + std::to_string(l.file) + ", " + std::to_string(l.line) + ", " + std::to_string(l.col) + "}")
        .c_str();
  }
};
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
    return (s + "]").c_str();
  }
};
}  // namespace doctest

// The findings of `found` with rule or format code `code`, in their order.
inline std::vector<const ctg::Diagnostic*> with_code(const ctg::Diagnostics& found, const std::string& code) {
  std::vector<const ctg::Diagnostic*> out;
  for (const auto& d : found.items())
    if (d.code == code) out.push_back(&d);
  return out;
}
