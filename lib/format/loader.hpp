// SPDX-License-Identifier: EUPL-1.2
// Reads a CTG — one file, or a main file and the files it includes — into
// the model, with every problem reported as a positioned diagnostic.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.hpp"
#include "format/model.hpp"
#include "base/source.hpp"
#include "yaml/tree.hpp"

namespace ctg {

struct LoadResult {
  SourceSet sources;
  Diagnostics diagnostics;
  // The model as far as it could be read; complete and trustworthy only
  // when diagnostics has no error.
  std::optional<Ctg> ctg;
  // The input could not be read at all (missing file, not YAML): exit 2.
  bool unusable = false;
  // The YAML tree of each file of `sources` (same index; a Null node for a
  // file that could not be parsed), kept only when the Reader asks for it:
  // `ctg diff` compares the trees and should not parse the files again.
  // Their texts are in `sources` (yaml::Texts::InSource): keep them together.
  std::vector<yaml::Document> trees;

  bool ok() const { return ctg && !unusable && !diagnostics.has_errors(); }
};

// Where the files of a CTG come from: the file system, or a git revision.
struct Reader {
  // The content of `path`, or nullopt with `error` set to a French reason.
  std::function<std::optional<std::string>(const std::string& path, std::string& error)> read;
  bool local = true;  // paths are on disk: links can be resolved and checked
  std::string prefix;  // shown before paths in diagnostics (« HEAD~1: »)
  bool keep_trees = false;  // keep the YAML trees in LoadResult::trees
};

// `path` is a CTG file, or a folder holding « ctg.yaml ».
LoadResult load_file(const std::string& path);
LoadResult load_file(const std::string& path, const Reader& reader);

// One file on its own, as git's diff driver sees it: included files are not
// followed and sections may be missing (a file included by another).
LoadResult load_fragment(std::string text, std::string name);

// Reads a CTG held in memory (tests, standard input); `name` is shown in
// diagnostics. Included files are resolved against `base_dir`.
LoadResult load_text(std::string text, std::string name = "<entrée>", std::string base_dir = ".");

// The file a CTG path designates: the path itself, or « ctg.yaml » in a folder.
std::string resolve_ctg_path(const std::string& path);

}  // namespace ctg
