// SPDX-License-Identifier: EUPL-1.2
// `ctg diff`: what changed between two versions of a CTG, in the domain's
// words. Entries are matched by their id (the key the format gives each
// list), not by position; a reordering is not a change unless asked for.
// The walk follows the format's description (format.cpp), so every section
// is compared; phrasing names parties, AOs, modes and years as a copil does.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "format/loader.hpp"
#include "base/values.hpp"

namespace ctg::yaml {
class Node;
}

namespace ctg::diff {

struct WordPiece {
  enum class Op { Same, Removed, Added } op = Op::Same;
  std::string text;
};

struct Change {
  std::string section;      // top-level key: « parties », « offre_petite_enfance »…
  std::string code;         // stable: partie-ajoutee, projection-modifiee, equipement-renomme…
  std::string path;         // parties[aiglun].representants[1].nom
  std::string description;  // for the diff
  std::string legal;        // for the avenant: « … est remplacé par … »
  std::optional<std::string> before, after;
  std::vector<WordPiece> words;  // long texts, word by word
  std::optional<std::string> content;  // Markdown the avenant quotes: a new text, an added article
  Loc old_loc, new_loc;
  std::string old_file, new_file;  // where old_loc and new_loc are
};

// The coverage of one perimeter and column, before and after.
struct RateChange {
  std::string perimeter;
  std::string column;
  std::optional<std::int64_t> before_tenths, after_tenths;
  std::optional<Decimal> before_total, after_total;  // places
};

// A finding of `ctg validate` that appears or disappears.
struct FindingChange {
  bool appeared = true;
  Diagnostic diagnostic;
};

struct Result {
  std::vector<Change> changes;
  std::vector<RateChange> coverage;
  std::vector<FindingChange> findings;
  bool same() const { return changes.empty(); }
};

struct Options {
  bool order = false;         // report reorderings of lists
  bool consequences = true;   // coverage and findings before / after
};

// Both sides must have loaded without error (or be fragments).
Result compare(const LoadResult& before, const LoadResult& after, const Options& options = {});
// The same, for a caller done with the YAML trees once the changes are found:
// frees them before the consequences are computed (a national CTG: two
// trees of 90 MB each).
Result compare_then_free_trees(LoadResult& before, LoadResult& after, const Options& options = {});

// « Annexe 3 – offre petite enfance » for « offre_petite_enfance ».
std::string section_label(const std::string& key);

std::string to_text(const Result& r, const std::string& before_name, const std::string& after_name, bool color);
std::string to_markdown(const Result& r, const std::string& before_name, const std::string& after_name);
std::string to_json(const Result& r, const std::string& before_name, const std::string& after_name);

// One line per value, sorted by path: a stable text of a CTG file for git's
// textconv, so that a plain `git diff` or `git log -p` stays readable.
std::string flatten(const LoadResult& side);

// Adds to `r` the coverage and findings before and after (diff_consequences.cpp).
void consequences(const LoadResult& before, const LoadResult& after, Result& r);

// « transfert de 3° (planifier) par Les Mées, à compter du 1er juillet 2026,
// arrêté préfectoral n° … »: an entry of an AO's `transferts`, in words (diff_consequences.cpp).
std::string transfer_words(const yaml::Node& transfer);

// Word-level difference of two texts (longest common subsequence).
std::vector<WordPiece> word_diff(const std::string& before, const std::string& after);

}  // namespace ctg::diff
