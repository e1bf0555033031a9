// SPDX-License-Identifier: EUPL-1.2
// Editing a scalar of a YAML file in place: its value mapped byte for byte
// to the file's text (quotes, escapes, indentation and line folds known),
// so that a change of a few words rewrites those bytes only and every other
// byte of the file (comments, order, quoting, indentation) stays as it was.
// The result is parsed again and checked; a plain scalar that would change
// meaning (« : », « # ») is quoted.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/source.hpp"
#include "yaml/tree.hpp"

namespace ctg::yaml {

enum class Style { Plain, Single, Double, Literal, Folded };

// A scalar as written: where its token starts and ends in the file, and for
// each byte of its value the byte of the file it comes from (`none` for a
// byte made by the syntax: a folded line break, an escape, a doubled quote).
struct Written {
  static constexpr std::size_t none = static_cast<std::size_t>(-1);
  Style style = Style::Plain;
  std::size_t begin = 0, end = 0;
  std::string value;
  std::vector<std::size_t> at;
};

// The byte offset of `loc` (line and column in characters) in `content`.
std::optional<std::size_t> offset_of(std::string_view content, Loc loc);

// The scalar whose token starts at byte `begin` of `content` and whose value
// is `value` (as the parser read it); nullopt when the bytes cannot be
// matched to the value exactly (an unusual escape, an explicit indentation).
std::optional<Written> written(std::string_view content, std::size_t begin, std::string_view value);

// The node of `root` whose token starts at `loc`; with `key`, the value of
// that entry of the map found there. Null when there is none.
const Node* node_at(const Node& root, Loc loc, std::string_view key = {});

// One replacement in a scalar's value: bytes [from, to) of the value become `text`.
struct ValueEdit {
  std::size_t from = 0, to = 0;
  std::string text;
};

// `content` with the scalar `w` changed by `edits` (not overlapping, any
// order), or nullopt with `why` (French) when it cannot be done exactly. The
// result is parsed and the scalar found again at the same place with the new
// value; a flow scalar that would not read back is rewritten quoted.
std::optional<std::string> edit_scalar(std::string_view content, const Written& w, std::vector<ValueEdit> edits,
                                       std::string& why);

}  // namespace ctg::yaml
