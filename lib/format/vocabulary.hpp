// SPDX-License-Identifier: EUPL-1.2
// The closed vocabularies of the format: for each enum of the model, its
// YAML key and its French label, in one table. The loader, the JSON Schema,
// the man page test and the renderer all read these tables.
#pragma once

#include <string_view>
#include <vector>

#include "format/model.hpp"

namespace ctg {

template <class E>
struct EnumEntry {
  E value;
  std::string_view key;    // as written in YAML
  std::string_view label;  // as shown to a reader
};

template <class E>
const std::vector<EnumEntry<E>>& enum_entries();

template <class E>
std::string_view key_of(E v) {
  for (const auto& e : enum_entries<E>())
    if (e.value == v) return e.key;
  return "?";
}

template <class E>
std::string_view label_of(E v) {
  for (const auto& e : enum_entries<E>())
    if (e.value == v) return e.label;
  return "?";
}

}  // namespace ctg
