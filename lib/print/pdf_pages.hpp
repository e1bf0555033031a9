// SPDX-License-Identifier: EUPL-1.2
// Where Chromium put each anchor of a printed page: the named destinations
// (« /Dests » of the catalog) of the PDF it wrote, with their page numbers.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ctg::print {

// Anchor name → page number (1 for the first page). Empty when the PDF has
// no /Dests dictionary or is not read as expected (no exception, no crash).
std::map<std::string, int> destination_pages(std::string_view pdf);

}  // namespace ctg::print
