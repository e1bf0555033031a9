// SPDX-License-Identifier: EUPL-1.2
// Target: the users' Markdown converter alone (HTML, inert Markdown, escape).
#include <string>

#include "fuzz_common.hpp"
#include "base/markdown.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ctg;
  std::string_view md = fuzz::as_text(data, size);
  (void)markdown::nesting_depth(md);
  std::string html = markdown::to_html(md, 1, "n-");
  fuzz::check_output(html);
  // Inert HTML: no tag the converter does not write itself.
  for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    std::string_view tag = std::string_view(html).substr(at + 1, 12);
    static constexpr std::string_view allowed[] = {"p>", "/p>", "h", "/h", "ul>", "/ul>", "ol>", "/ol>", "li", "/li>",
                                                   "blockquote>", "/blockquote>", "strong>", "/strong>", "em>", "/em>",
                                                   "code>", "/code>", "sup class=\"appel\"><a href=\"#", "/sup>",
                                                   "a href=\"#", "/a>", "section class=\"notes\"", "/section>"};
    bool ok = false;
    for (auto a : allowed) ok = ok || tag.substr(0, a.size()) == a.substr(0, std::min(a.size(), tag.size()));
    if (!ok) std::abort();
  }
  fuzz::check_output(markdown::sanitize(md, 1));
  fuzz::check_output(markdown::escape(md));
  return 0;
}
