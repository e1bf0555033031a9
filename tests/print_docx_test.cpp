// SPDX-License-Identifier: EUPL-1.2
// The column widths of the Word tables (print/docx.cpp, issue 19).
#include <doctest/doctest.h>

#include <numeric>

#include "print/docx.hpp"

using ctg::print::docx::column_widths;

namespace {
int sum(const std::vector<int>& v) { return std::accumulate(v.begin(), v.end(), 0); }
}  // namespace

TEST_CASE("docx : des colonnes qui tiennent, élargies à proportion de leur texte") {
  auto w = column_widths({500, 500}, {1000, 3000}, 8000);
  CHECK(sum(w) == 8000);
  CHECK(w[0] == 2000);
  CHECK(w[1] == 6000);
}

TEST_CASE("docx : chaque colonne a au moins son mot le plus long, le reste va aux textes longs") {
  // « Structures » (1 200) next to a long text: the short column keeps its word whole.
  auto w = column_widths({1200, 800, 900}, {1200, 20000, 9000}, 9638);
  CHECK(sum(w) == 9638);
  CHECK(w[0] >= 1200);
  CHECK(w[1] >= 800);
  CHECK(w[2] >= 900);
  CHECK(w[1] > w[2]);
}

TEST_CASE("docx : des mots trop longs pour la page, seules les colonnes les plus larges cèdent") {
  auto w = column_widths({700, 5000, 6000}, {700, 9000, 9000}, 9638);
  CHECK(sum(w) == 9638);
  CHECK(w[0] == 700);             // the postcode stays whole
  CHECK(w[1] == w[2]);            // the two long ones share the rest
  CHECK(w[1] < 5000);
}
