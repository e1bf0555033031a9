// SPDX-License-Identifier: EUPL-1.2
// File names between the program's UTF-8 strings and std::filesystem::path.
// On Linux both are the same bytes; on Windows a path is UTF-16 and
// fs::path(std::string) would read the bytes in the ANSI code page (an
// « é » of « Amélie » would be lost): every conversion goes through these two
// functions, which read and write UTF-8 on both systems. Shown paths use « / »
// (generic form), which Windows accepts too, so that messages and reports are
// the same on both systems.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace ctg {

inline std::filesystem::path to_path(std::string_view utf8) {
  return std::filesystem::path(std::u8string(utf8.begin(), utf8.end()));
}

inline std::string path_string(const std::filesystem::path& p) {
  std::u8string s = p.generic_u8string();
  return std::string(s.begin(), s.end());
}

}  // namespace ctg
