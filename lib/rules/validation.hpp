// SPDX-License-Identifier: EUPL-1.2
// `ctg validate` as a library function: load each CTG, run the rules on
// those that load without error, and write the findings for people
// (diagnostic.hpp), for scripts (JSON) and for code-scanning (SARIF 2.1.0).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "format/loader.hpp"
#include "rules/rules.hpp"

namespace ctg::rules {

struct FileValidation {
  std::string given;         // the path as the user gave it
  LoadResult load;           // sources and the loader's diagnostics
  Diagnostics findings;      // the loader's diagnostics, then the rules'
  bool rules_checked = false;

  bool unusable() const { return load.unusable; }
  std::string path() const;
};

FileValidation validate_file(const std::string& path, const rules::Options& options);

// validate_file on each path, `jobs` at a time (at least 1), each CTG on its
// own thread: the results are in the order of `paths` whatever `jobs`.
std::vector<FileValidation> validate_files(const std::vector<std::string>& paths, const rules::Options& options,
                                           unsigned jobs);

// The CTGs a path designates: a file, a folder holding ctg.yaml, or a folder
// of CTGs (its *.yaml files and its sub-folders holding ctg.yaml).
std::vector<std::string> expand_ctg_paths(const std::string& path);

// The loader's diagnostic codes, described (for SARIF and `ctg explain`).
struct FormatCode {
  std::string_view code;
  std::string_view description;
};
const std::vector<FormatCode>& format_codes();

std::string validation_json(const std::vector<FileValidation>& files, const rules::Options& options);
std::string validation_sarif(const std::vector<FileValidation>& files);

}  // namespace ctg::rules
