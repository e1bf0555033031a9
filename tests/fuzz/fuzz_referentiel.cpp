// SPDX-License-Identifier: EUPL-1.2
// Target: the referential reader (index.tsv, communes-M.tsv, epci-M.tsv) and
// ctg referentiel's answers in its three formats. The input is cut at the
// lines « --8<-- » into index lines, communes lines and EPCI lines, written to
// a private folder (the reader reads files, as it does with CTG_REFERENTIEL).
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "fuzz_common.hpp"
#include "referentiel/lookup.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path& folder() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("ctg-fuzz-referentiel-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  static const struct Removed {  // at exit (libFuzzer ends with exit())
    ~Removed() {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  } removed;
  return dir;
}

void put(const fs::path& p, std::string_view text) {
  std::ofstream f(p, std::ios::binary | std::ios::trunc);
  f.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ctg;
  auto [index, rest] = fuzz::split(fuzz::as_text(data, size));
  auto [communes, epcis] = fuzz::split(rest);
  // A millésime always listed, so that its data files are read whatever the index says.
  put(folder() / "index.tsv", "2022\t2025\toui\toui\tfuzz\n" + std::string(index));
  put(folder() / "communes-2022.tsv", communes);
  put(folder() / "epci-2022.tsv", epcis);
  referentiel::Store store(folder().string());
  if (!store.available()) return 0;
  std::vector<std::string> sirens;
  if (const referentiel::Year* y = store.year(2022))
    for (std::size_t i = 0; i < y->epcis().size() && i < 4; ++i) sirens.emplace_back(y->epcis()[i].siren);
  for (auto out : {referentiel::Output::Texte, referentiel::Output::Json, referentiel::Output::Csv}) {
    for (const char* q : {"04070", "Digne", "a"}) {
      auto a = referentiel::lookup(store, {q, "", std::nullopt, out});
      fuzz::check_output(a.text + a.error);
    }
    for (const auto& s : sirens) {
      auto a = referentiel::lookup(store, {"", s, std::nullopt, out});
      fuzz::check_output(a.text + a.error);
    }
  }
  return 0;
}
