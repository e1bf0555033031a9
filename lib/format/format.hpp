// SPDX-License-Identifier: EUPL-1.2
// The CTG format, version 1: every key, its type, whether it is required,
// its documentation, and how it fills the model. One description read by
// the loader, printed as JSON Schema by `ctg schema`, and checked against
// man/ctg-format.5 by the tests.
#pragma once

#include <string>
#include <string_view>

#include "format/codec.hpp"
#include "format/model.hpp"

namespace ctg::format {

inline constexpr std::string_view version = "ctg/1";

// The root object of a CTG file (the main file and each included file).
const codec::Object<Ctg>& document();

// The JSON Schema (draft-07) of a CTG file.
std::string json_schema();

}  // namespace ctg::format
