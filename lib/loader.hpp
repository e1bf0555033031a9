// Reads a CTG — one file, or a main file and the files it includes — into
// the model, with every problem reported as a positioned diagnostic.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diagnostic.hpp"
#include "model.hpp"
#include "source.hpp"

namespace ctg {

struct LoadResult {
  SourceSet sources;
  Diagnostics diagnostics;
  // The model as far as it could be read; complete and trustworthy only
  // when diagnostics has no error.
  std::optional<Ctg> ctg;
  // The input could not be read at all (missing file, not YAML): exit 2.
  bool unusable = false;

  bool ok() const { return ctg && !unusable && !diagnostics.has_errors(); }
};

// `path` is a CTG file, or a folder holding « ctg.yaml ».
LoadResult load_file(const std::string& path);

// Reads a CTG held in memory (tests, standard input); `name` is shown in
// diagnostics. Included files are resolved against `base_dir`.
LoadResult load_text(std::string text, std::string name = "<entrée>", std::string base_dir = ".");

// The file a CTG path designates: the path itself, or « ctg.yaml » in a folder.
std::string resolve_ctg_path(const std::string& path);

}  // namespace ctg
