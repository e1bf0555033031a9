// SPDX-License-Identifier: EUPL-1.2
// Reading the CTG's French prose for the rules that look into it (SCH-1's
// fallback detection, SCH-3 to SCH-5, the legal references LEX-*): text
// folded as a reader compares it, sentences, words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ctg::rules {

// Lower case, accents removed, typographic apostrophes, hyphens and
// non-breaking spaces turned into plain spaces or quotes, spaces collapsed:
// « Éco-crèche » → « eco creche », « l’accord » → « l'accord ».
std::string folded(std::string_view s);

// Whether `word` (folded) starts a word of `text` (folded); a word ending in
// '$' must also end there (« app$ » finds « les app » but not « apprendre »).
bool has_word(std::string_view text, std::string_view word);
bool has_any(std::string_view text, const std::vector<std::string_view>& words);

// The sentences of a (folded or not) text: split at « . », « ; », « : »
// followed by a space or a line end, and at blank lines.
std::vector<std::string> sentences(std::string_view text);

}  // namespace ctg::rules
