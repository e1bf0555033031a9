// SPDX-License-Identifier: EUPL-1.2
// Target: ctg diff (text, Markdown, JSON) and ctg avenant of two versions,
// the input split in two (fuzz_common.hpp).
#include "avenant/avenant.hpp"
#include "diff/diff.hpp"
#include "fuzz_common.hpp"
#include "render/render.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ctg;
  auto [before_text, after_text] = fuzz::split(fuzz::as_text(data, size));
  LoadResult a = fuzz::load(before_text, "avant.yaml"), b = fuzz::load(after_text, "apres.yaml");
  if (!a.ok() || !b.ok()) {
    fuzz::check_output(diff::flatten(a));
    return 0;
  }
  diff::Result changes = diff::compare(a, b);
  fuzz::check_output(diff::to_text(changes, "a", "b", true));
  fuzz::check_output(diff::to_markdown(changes, "a", "b"));
  fuzz::check_output(diff::to_json(changes, "a", "b"));
  if (avenant::amends(changes)) {
    render::doc::Document d = avenant::build(*a.ctg, *b.ctg, changes, 1);
    fuzz::check_output(render::to_markdown(d));
    fuzz::check_output(render::to_html(d));
  }
  return 0;
}
