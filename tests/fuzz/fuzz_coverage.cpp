// SPDX-License-Identifier: EUPL-1.2
// Target: the coverage rates (checked arithmetic) in every output format.
#include "coverage/coverage.hpp"
#include "coverage/report.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ctg;
  LoadResult r = fuzz::load(fuzz::as_text(data, size));
  if (!r.ok()) return 0;
  coverage::Options options;
  options.target = Decimal::from_int(60);
  coverage::Report report = coverage::compute(*r.ctg, options);
  for (auto f : {coverage::Format::Text, coverage::Format::Markdown, coverage::Format::Csv, coverage::Format::CsvFr,
                 coverage::Format::Json})
    fuzz::check_output(coverage::render(report, r.sources, f));
  return 0;
}
