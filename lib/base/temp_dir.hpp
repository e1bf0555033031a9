// SPDX-License-Identifier: EUPL-1.2
// A private working folder for the programs and libraries that write files
// (chromium, pandoc, libxlsxwriter, the rendering that ctg retours compares
// with): made in the user's temporary folder (TMPDIR on Linux, %TEMP% on
// Windows), readable by the user only, removed with everything in it when the
// object goes, and also when ctg is interrupted (base/interrupt).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "base/interrupt.hpp"

namespace ctg {

class TempDir {
 public:
  // `prefix` names the folder (« ctg-impression » → ctg-impression.XXXXXX).
  // On failure path() is empty and `error` says why, in French.
  TempDir(const std::string& prefix, std::string& error);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  explicit operator bool() const { return !path_.empty(); }

 private:
  std::filesystem::path path_;
  std::optional<interrupt::Temporary> guard_;
};

}  // namespace ctg
