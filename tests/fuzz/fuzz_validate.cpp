// SPDX-License-Identifier: EUPL-1.2
// Target: load + validate (the YAML reader, the format, every rule) and the
// three report formats of ctg validate.
#include "fuzz_common.hpp"
#include "rules/rules.hpp"
#include "rules/validation.hpp"
#include "base/diagnostic.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ctg;
  LoadResult r = fuzz::load(fuzz::as_text(data, size));
  Diagnostics findings = r.diagnostics;
  if (r.ctg && !r.diagnostics.has_errors()) {
    const Diagnostics rules_findings = rules::check(*r.ctg);  // kept alive for the loop
    for (const auto& d : rules_findings.items()) findings.add(d);
  }
  for (const auto& d : findings.items()) {
    fuzz::check_output(format_human(d, r.sources, HumanStyle{false}));
    fuzz::check_output(format_human(d, r.sources, HumanStyle{true}));
  }
  return 0;
}
