// French typography for numbers, explicit (no system locale is installed):
// 48 726 (U+202F between thousands), 1,7, 52,8.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "values.hpp"

namespace ctg::fr {

inline constexpr const char* narrow_nbsp = "\u202F";  // between thousands, before ; ! ?
inline constexpr const char* nbsp = "\u00A0";         // before : and %, inside « »

struct NumberStyle {
  bool group = true;          // 48 726 (false for spreadsheets: 48726)
  bool decimal_comma = true;  // 1,7 (false: 1.7)
};

std::string integer(std::int64_t v, NumberStyle s = {});
// The shortest form: 1,7 ; 0,15 ; 200.
std::string decimal(Decimal d, NumberStyle s = {});
// A value kept in tenths (a rate rounded once to one decimal): 528 → 52,8.
std::string tenths(std::int64_t t, NumberStyle s = {});

// French spacing in running text: a non-breaking space before « : » and
// inside « », a narrow one before « ; ! ? » (an ordinary space there is
// replaced, none is added where the author wrote none before « : »).
std::string typography(std::string_view text);

// « dûment autorisé » / « dûment autorisée » agreement by civility.
std::string agree(const std::string& masculine, bool feminine);

}  // namespace ctg::fr
