// SPDX-License-Identifier: EUPL-1.2
// print::destination_pages: the page of each named destination, as Chromium
// (Skia) writes them; nothing, and no crash, on anything else.
#include <doctest/doctest.h>

#include <string>

#include "print/pdf_pages.hpp"

using ctg::print::destination_pages;

namespace {
// The skeleton of a PDF printed by Chromium 156: a page tree of two levels, the /Dests of the catalog.
const char* const skia =
    "%PDF-1.4\n"
    "3 0 obj\n<</Type /Page\n/Parent 5 0 R>>\nendobj\n"
    "4 0 obj\n<</Type /Page\n/Parent 6 0 R>>\nendobj\n"
    "7 0 obj\n<</Type /Page\n/Parent 6 0 R>>\nendobj\n"
    "5 0 obj\n<</Type /Pages\n/Parent 2 0 R\n/Count 1\n/Kids [3 0 R]>>\nendobj\n"
    "6 0 obj\n<</Type /Pages\n/Parent 2 0 R\n/Count 2\n/Kids [4 0 R 7 0 R]>>\nendobj\n"
    "2 0 obj\n<</Type /Pages\n/Count 3\n/Kids [5 0 R 6 0 R]>>\nendobj\n"
    "8 0 obj\n<</visas [4 0 R /XYZ 0 226.16998 0]\n/article-1 [7 0 R /XYZ 0 583.1 0]\n"
    "/offre-ch#C3#A2teau [3 0 R /XYZ 0 1 0]\n/perdue [99 0 R /XYZ 0 1 0]>>\nendobj\n"
    "9 0 obj\n<</Type /Catalog\n/Pages 2 0 R\n/Dests 8 0 R\n/Outlines 10 0 R>>\nendobj\n"
    "trailer\n<</Root 9 0 R>>\n%%EOF\n";
}  // namespace

TEST_CASE("destination pages: the page tree in order, names decoded, unknown pages left out") {
  auto pages = destination_pages(skia);
  CHECK(pages.size() == 3);
  CHECK(pages["visas"] == 2);
  CHECK(pages["article-1"] == 3);
  CHECK(pages["offre-ch\xC3\xA2teau"] == 1);
  CHECK(pages.count("perdue") == 0);
}

TEST_CASE("destination pages: odd or truncated PDFs give nothing, without a crash") {
  CHECK(destination_pages("").empty());
  CHECK(destination_pages("%PDF-1.4\n1 0 obj\n<</Type /Catalog>>\nendobj\n").empty());
  std::string pdf = skia;
  for (std::size_t n = 0; n < pdf.size(); n += 7) destination_pages(pdf.substr(0, n));  // every truncation
  // A page tree that names itself as its own kid: no endless walk.
  CHECK(destination_pages("2 0 obj\n<</Type /Pages /Kids [2 0 R]>>\nendobj\n8 0 obj\n<</a [2 0 R]>>\nendobj\n"
                          "9 0 obj\n<</Type /Catalog /Pages 2 0 R /Dests 8 0 R>>\nendobj\n")
            .empty());
}
