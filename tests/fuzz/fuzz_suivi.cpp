// SPDX-License-Identifier: EUPL-1.2
// Target: a tracking file (suivi/2026.yaml) beside the example CTG, read by the
// loader as ctg reads it from disk: the tracking format, its checks against
// the convention, the status at its latest date in the five formats of
// ctg suivi, and the SUIVI-* remarks of validate.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "format/suivi_check.hpp"
#include "fuzz_common.hpp"
#include "rules/rules.hpp"
#include "suivi/report.hpp"
#include "suivi/status.hpp"

namespace {

namespace fs = std::filesystem;

// A copy of examples/provence-alpes-agglomeration in a private folder, its
// suivi/ holding only the fuzzed file.
const fs::path& folder() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("ctg-fuzz-suivi-" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::copy(CTG_SOURCE_DIR "/examples/provence-alpes-agglomeration", d, fs::copy_options::recursive);
    fs::remove_all(d / "suivi");
    fs::create_directories(d / "suivi");
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ctg;
  {
    std::ofstream f(folder() / "suivi" / "2026.yaml", std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  LoadResult r = load_file(folder().string());
  for (const auto& d : r.diagnostics.items()) fuzz::check_output(format_human(d, r.sources, HumanStyle{false}));
  if (!r.ok()) return 0;
  const Diagnostics findings = rules::check(*r.ctg);
  for (const auto& d : findings.items()) fuzz::check_output(format_human(d, r.sources, HumanStyle{false}));
  auto au = format::suivi::latest_date(*r.ctg);
  if (!au) return 0;
  const suivi::Snapshot s = suivi::snapshot(*r.ctg, *au);
  for (auto f : {suivi::Format::Text, suivi::Format::Markdown, suivi::Format::Csv, suivi::Format::CsvFr,
                 suivi::Format::Json})
    fuzz::check_output(suivi::render(*r.ctg, s, f));
  return 0;
}
