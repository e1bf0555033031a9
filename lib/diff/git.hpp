// SPDX-License-Identifier: EUPL-1.2
// Reading files from a git revision, by running git directly (no shell):
// `git show REV:./path`. A revision that starts with « - » is refused.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "format/loader.hpp"

namespace ctg::diff::git {

// Runs `git ARGS…` and returns its standard output, or nullopt with a French
// reason; exit codes up to `ok_up_to` count as success (`git diff` exits 1
// when files differ).
std::optional<std::string> run(const std::vector<std::string>& args, std::string& error, int ok_up_to = 0);

// The content of `path` (relative to the current folder) at revision `rev`.
std::optional<std::string> show(const std::string& rev, const std::string& path, std::string& error);

// A Reader that reads a CTG's files at `rev`.
Reader reader_at(const std::string& rev);

// A version of a CTG: « RÉV:chemin » read from git (a folder means its
// ctg.yaml), or a file or folder on disk.
LoadResult load_version(const std::string& spec);

// « HEAD~1:ctg.yaml » → {"HEAD~1", "ctg.yaml"}; nullopt when `spec` is a plain path.
std::optional<std::pair<std::string, std::string>> split_rev_path(const std::string& spec);

}  // namespace ctg::diff::git
