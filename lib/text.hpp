// Small text helpers shared by the loader and the commands.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ctg {

// « texte », with the non-breaking spaces French typography puts inside.
std::string guillemets(std::string_view s);

// Edit distance (insertions, deletions, substitutions, adjacent transpositions)
// counted in code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a plausible
// typo (ninja's and git's "did you mean"); nullopt otherwise.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

// Control characters (terminal escapes…) replaced by U+FFFD: what a user
// wrote is shown, never interpreted by the terminal. Tabs and line ends kept.
std::string printable(std::string_view s);

// "a, b et c"
std::string join_french(const std::vector<std::string>& items, std::string_view last_sep = " et ");
std::string join(const std::vector<std::string>& items, std::string_view sep);

}  // namespace ctg
