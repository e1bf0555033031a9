// SPDX-License-Identifier: EUPL-1.2
// Target: ctg init's argument handling on the committed referential. The
// input's lines are the Caf's name, the communes (comma-separated), the EPCI's
// SIREN and the two dates. Refused arguments give a French error; accepted
// ones give files whose ctg.yaml reads back with the Caf's name unchanged
// (no CR, LF, control character or invalid UTF-8 may alter it).
#include "fuzz_common.hpp"
#include "base/values.hpp"
#include "init/init.hpp"

namespace {

// The next line of `in` (without its '\n'), removed from `in`.
std::string line(std::string_view& in) {
  auto nl = in.find('\n');
  std::string out(in.substr(0, nl));
  in = nl == std::string_view::npos ? std::string_view{} : in.substr(nl + 1);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ctg;
  static referentiel::Store store(CTG_SOURCE_DIR "/data/referentiel");
  std::string_view in = fuzz::as_text(data, size);
  init::Options o;
  o.dossier = "/nonexistent/ctg-fuzz-init";
  o.caf = line(in);
  std::string communes = line(in);
  for (std::size_t start = 0; start < communes.size();) {
    auto comma = communes.find(',', start);
    o.communes.push_back(communes.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  o.epci = line(in);
  if (o.epci.empty()) o.epci = "240500439";
  auto debut = parse_iso_date(line(in)), fin = parse_iso_date(line(in));
  o.debut = debut ? *debut : Date{2026, 1, 1};
  o.fin = fin ? *fin : Date{2029, 12, 31};
  init::Result r = init::prepare(store, o);
  fuzz::check_output(r.error);
  for (const auto& n : r.notes) fuzz::check_output(n);
  if (!r.error.empty()) return 0;
  if (r.files.empty() || r.files[0].name != "ctg.yaml") std::abort();
  LoadResult back = fuzz::load(r.files[0].content, "ctg.yaml");
  if (!back.ctg || back.ctg->parties.empty() || back.ctg->parties[0].nom != o.caf) std::abort();
  return 0;
}
