// SPDX-License-Identifier: EUPL-1.2
// Shared by the libFuzzer targets (tests/fuzz/README.md): every string a
// target produces must be printable (the output boundary's promise) — checked
// by check_output — and nothing may crash, leak, overflow or hang.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "format/loader.hpp"
#include "base/source.hpp"
#include "base/text.hpp"

namespace ctg::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Included files are looked for in a folder that does not exist: the
// targets never read the disk, whatever « inclure: » says.
inline LoadResult load(std::string_view text, const char* name = "fuzz.yaml") {
  return load_text(std::string(text), name, "/nonexistent/ctg-fuzz");
}

// What reaches a terminal or a document goes through ctg::printable (the
// output boundary, cli::emit): checked here against the promise, byte by byte,
// on everything the target produced.
inline void check_output(const std::string& produced) {
  const std::string out = printable(produced);
  if (find_invalid_utf8(out) != std::string_view::npos) std::abort();
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto b = [&](std::size_t k) { return i + k < out.size() ? static_cast<unsigned char>(out[i + k]) : 0u; };
    const unsigned c = b(0);
    if ((c < 0x20 && c != '\t' && c != '\n' && !(c == '\r' && b(1) == '\n')) || c == 0x7F) std::abort();
    if (c == 0xC2 && b(1) >= 0x80 && b(1) <= 0x9F) std::abort();                     // C1, CSI U+009B
    if (c == 0xE2 && b(1) == 0x80 && b(2) >= 0xAA && b(2) <= 0xAE) std::abort();     // U+202A–U+202E
    if (c == 0xE2 && b(1) == 0x81 && b(2) >= 0xA6 && b(2) <= 0xA9) std::abort();     // U+2066–U+2069
  }
}

// The two versions of a diff or an avenant: the input cut at the first
// « \n--8<--\n » (the dictionary knows it); without it, the input and itself
// with its last half removed.
inline std::pair<std::string_view, std::string_view> split(std::string_view in) {
  constexpr std::string_view cut = "\n--8<--\n";
  auto at = in.find(cut);
  if (at == std::string_view::npos) return {in, in.substr(0, in.size() / 2)};
  return {in.substr(0, at + 1), in.substr(at + cut.size())};
}

}  // namespace ctg::fuzz
