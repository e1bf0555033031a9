// SPDX-License-Identifier: EUPL-1.2
// French typography for numbers, explicit (no system locale is installed):
// 48 726 (U+202F between thousands), 1,7, 52,8.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/values.hpp"

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

// Articles and contractions, for names the render puts in sentences.
// A place name keeps its capital article, « le » and « les » contract:
// « de La Chapelle-aux-Brocs », « du Brusquet », « des Mées », « d'Aiglun ».
std::string of_place(std::string_view name);
// A noun phrase, with its article or not: « la Commune d'Aiglun » → « de la
// Commune d'Aiglun », « le conseil municipal » → « du conseil municipal »,
// « Agglomération du Val » → « de l'Agglomération du Val ».
std::string of_phrase(std::string_view phrase);
// The gender of a deliberating body: « commission permanente », « assemblée »
// are feminine; « conseil », « bureau », « comité » masculine.
bool feminine_noun(std::string_view noun);
// « du conseil municipal », « de la commission permanente », « de l'assemblée ».
std::string of_body(std::string_view body);
// « son conseil municipal », « sa commission permanente », « son assemblée ».
std::string possessive(std::string_view noun);
// « A », « A et B », « A, B et C ».
std::string and_list(const std::vector<std::string>& items);
bool starts_with_vowel(std::string_view s);

}  // namespace ctg::fr
