// SPDX-License-Identifier: EUPL-1.2
#include "bilan/charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "render/charts.hpp"
#include "base/french.hpp"
#include "format/vocabulary.hpp"

namespace ctg::bilan::charts {

using namespace suivi;


namespace {

// Text is 11 units or more: 620 units across the text block (490 pt) print it
// at 8,7 pt, never under 8 (render::charts::min_font(620) == 11).

// Ids distinct from those of charts.cpp: both may share a page.
const char* const defs =
    "<defs>"
    "<pattern id=\"sv1\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
    "<rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#333\" stroke-width=\"2\"/></pattern>"
    "<pattern id=\"sv2\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
    "<rect width=\"6\" height=\"6\" fill=\"#fff\"/><circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"#333\"/></pattern>"
    "</defs>";

// prévue, engagée, réalisée, reportée, abandonnée, non renseignée
const std::array<const char*, 6> fills{"#ffffff", "url(#sv1)", "#4d4d4d", "url(#sv2)", "#b3b3b3", "#eeeeee"};
const std::array<const char*, 6> names{"prévue", "engagée", "réalisée", "reportée", "abandonnée", "non renseignée"};

std::string open_svg(int w, int h, const std::string& label) {
  return fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" class=\"graphique\" "
                     "aria-label=\"{}\">{}",
                     w, h, xml_escape(label), defs);
}

std::string legend_box(int x, int y, const char* fill, const std::string& text) {
  return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\" stroke=\"#000\" stroke-width=\"0.5\"/>"
                     "<text x=\"{}\" y=\"{}\" font-size=\"11\">{}</text>",
                     x, y, fill, x + 20, y + 11, xml_escape(text));
}

}  // namespace

std::string actions_by_state(const Snapshot& s) {
  struct Row {
    std::string name;
    std::array<int, 6> n{};
  };
  std::vector<Row> rows;
  for (const auto& a : s.actions) {
    std::string name = a.axe ? (a.axe->numero ? fmt::format("Axe {}", *a.axe->numero) : a.axe->titre) : "Sans axe";
    auto it = std::find_if(rows.begin(), rows.end(), [&](const Row& r) { return r.name == name; });
    if (it == rows.end()) it = rows.insert(rows.end(), Row{name, {}});
    it->n[a.last ? static_cast<std::size_t>(a.last->etat) : 5]++;
  }
  if (rows.empty()) return {};
  int most = 1;
  for (const auto& r : rows) {
    int sum = 0;
    for (int v : r.n) sum += v;
    most = std::max(most, sum);
  }
  const int left = 80, width = 400, row = 28, top = 10;
  const int height = top + static_cast<int>(rows.size()) * row + 60;
  std::string svg = open_svg(left + width + 40, height, "Actions clés par état, pour chaque axe");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    int y = top + static_cast<int>(i) * row;
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"12\">{}</text>", left - 8, y + 16,
                       xml_escape(rows[i].name));
    double x = left;
    for (std::size_t k = 0; k < 6; ++k) {
      if (!rows[i].n[k]) continue;
      double w = static_cast<double>(rows[i].n[k]) * width / most;
      svg += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"20\" fill=\"{}\" stroke=\"#000\" "
                         "stroke-width=\"0.5\"/><!-- {} : {} -->",
                         x, y + 2, w, fills[k], names[k], rows[i].n[k]);
      // On a white box (render::charts::label): readable on a hatching or a dark fill.
      svg += render::charts::label(x + w / 2, y + 16, 11, std::to_string(rows[i].n[k]), " font-weight=\"bold\"",
                                   "middle");
      x += w;
    }
  }
  int ly = top + static_cast<int>(rows.size()) * row + 12;
  for (std::size_t k = 0; k < 6; ++k)
    svg += legend_box(left + static_cast<int>(k % 3) * 140, ly + static_cast<int>(k / 3) * 20, fills[k], names[k]);
  return svg + "</svg>";
}

std::string places_by_year(const std::vector<TrajectoryPoint>& t) {
  double most = 0;
  for (const auto& p : t) {
    if (p.projected_places) most = std::max(most, p.projected_places->to_double());
    if (p.realised_places) most = std::max(most, p.realised_places->to_double());
  }
  if (most <= 0) return {};
  const int left = 50, top = 24, plot = 180, group = 400 / static_cast<int>(std::max<std::size_t>(t.size(), 1));
  const int bar = std::min(30, group * 2 / 5);
  const int width = left + 400 + 170;
  std::string svg = open_svg(width, top + plot + 40, "Places d'accueil du jeune enfant prévues et ouvertes, par année");
  svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#000\"/>", left - 4, top + plot,
                     left + 400, top + plot);
  for (std::size_t i = 0; i < t.size(); ++i) {
    int x = left + static_cast<int>(i) * group + group / 2 - bar;
    auto draw = [&](const std::optional<Decimal>& v, int dx, const char* fill, const char* what) {
      if (!v) {
        svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">—</text>", x + dx + bar / 2,
                           top + plot - 4);
        return;
      }
      double h = v->to_double() * plot / most;
      svg += fmt::format("<rect x=\"{}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" fill=\"{}\" stroke=\"#000\" "
                         "stroke-width=\"0.5\"/><!-- {} : {} -->",
                         x + dx, top + plot - h, bar, h, fill, what, xml_escape(fr::decimal(*v)));
      svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"11\">{}</text>", x + dx + bar / 2,
                         top + plot - h - 4, xml_escape(fr::decimal(*v)));
    };
    draw(t[i].projected_places, 0, "url(#sv1)", "prévues");
    draw(t[i].realised_places, bar, "#4d4d4d", "ouvertes");
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{}</text>", x + bar,
                       top + plot + 16, t[i].year);
  }
  int lx = left + 410;
  svg += legend_box(lx, top, "url(#sv1)", "places prévues");
  svg += legend_box(lx, top + 20, "#4d4d4d", "places ouvertes");
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\">— : non relevé</text>", lx, top + 51);
  return svg + "</svg>";
}

std::string coverage_trajectory(const std::vector<TrajectoryPoint>& t) {
  std::int64_t most = 0;
  for (const auto& p : t) most = std::max({most, p.projected_tenths.value_or(0), p.realised_tenths.value_or(0)});
  if (most <= 0 || t.empty()) return {};
  most = (most / 100 + 1) * 100;  // up to the next ten places per 100 children
  // The same scale for a CTG of two years or of five: 400 units of plot.
  const int left = 50, top = 20, plot = 160, step = 400 / static_cast<int>(t.size());
  const int width = left + 400 + 170;
  std::string svg = open_svg(width, top + plot + 40, "Taux de couverture prévu et réalisé, par année");
  auto y = [&](std::int64_t tenths) { return top + plot - static_cast<double>(tenths) * plot / static_cast<double>(most); };
  auto x = [&](std::size_t i) { return left + step / 2.0 + static_cast<double>(i) * step; };
  svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#000\"/>", left - 4, top + plot, left + 400);
  for (std::int64_t g = 0; g <= most; g += 100)
    svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\" font-size=\"11\">{}</text>", left - 8, y(g) + 3,
                       g / 10);
  // Projected: dashed line, hollow circles, figures above; realised: solid
  // line, black squares, figures below.
  auto line = [&](bool realised) {
    std::string points;
    for (std::size_t i = 0; i < t.size(); ++i) {
      auto v = realised ? t[i].realised_tenths : t[i].projected_tenths;
      if (!v) continue;
      points += fmt::format("{:.1f},{:.1f} ", x(i), y(*v));
      if (realised)
        svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"7\" height=\"7\" fill=\"#000\"/>", x(i) - 3.5,
                           y(*v) - 3.5);
      else
        svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"#fff\" stroke=\"#000\"/>", x(i), y(*v));
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"11\">{}</text>", x(i),
                         realised ? y(*v) + 16 : y(*v) - 8, xml_escape(fr::tenths(*v)));
    }
    if (!points.empty())
      svg += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\"{}/>", points,
                         realised ? "" : " stroke-dasharray=\"5 4\"");
  };
  line(false);
  line(true);
  for (std::size_t i = 0; i < t.size(); ++i)
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{}</text>", x(i),
                       top + plot + 16, t[i].year);
  int lx = left + 410;
  svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#000\" stroke-dasharray=\"5 4\"/>"
                     "<circle cx=\"{5}\" cy=\"{1}\" r=\"4\" fill=\"#fff\" stroke=\"#000\"/>"
                     "<text x=\"{3}\" y=\"{4}\" font-size=\"11\">taux prévu</text>",
                     lx, top + 6, lx + 24, lx + 30, top + 10, lx + 12);
  svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#000\"/>"
                     "<rect x=\"{5}\" y=\"{6}\" width=\"7\" height=\"7\" fill=\"#000\"/>"
                     "<text x=\"{3}\" y=\"{4}\" font-size=\"11\">taux réalisé</text>",
                     lx, top + 26, lx + 24, lx + 30, top + 30, lx + 8.5, top + 22.5);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\">places pour 100 enfants</text>", lx, top + 50);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\">de moins de 3 ans</text>", lx, top + 63);
  return svg + "</svg>";
}

}  // namespace ctg::bilan::charts
