// SPDX-License-Identifier: EUPL-1.2
// Target: the reader of returned Word files (libzip, pugixml, the walk of
// document.xml) on any bytes: an error in French or a result, never a crash,
// a hang or a blow-up (the limits hold before anything is inflated).
#include <string>

#include "fuzz_common.hpp"
#include "retours/docx.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ctg;
  retours::Limits small;
  small.entry_size = std::size_t{8} << 20;  // the fuzzer's memory limit, with room
  small.total_size = std::size_t{16} << 20;
  try {
    retours::Docx d = retours::read_docx(fuzz::as_text(data, size), "retour.docx", small);
    for (const auto& b : d.blocks)
      if (b.name.empty()) std::abort();
  } catch (const retours::Error& e) {
    if (std::string(e.what()).empty()) std::abort();
  }
  return 0;
}
