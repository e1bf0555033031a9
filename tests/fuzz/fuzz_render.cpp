// SPDX-License-Identifier: EUPL-1.2
// Target: ctg render, Markdown and HTML (with the charts), whole document.
#include "fuzz_common.hpp"
#include "render/render.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ctg;
  LoadResult r = fuzz::load(fuzz::as_text(data, size));
  if (!r.ok()) return 0;
  render::doc::Document d = render::build(*r.ctg, render::Part::All, true);
  fuzz::check_output(render::to_markdown(d));
  fuzz::check_output(render::to_html(d));
  return 0;
}
