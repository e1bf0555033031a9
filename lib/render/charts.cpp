// SPDX-License-Identifier: EUPL-1.2
#include "render/charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "format/designation.hpp"
#include "base/french.hpp"
#include "rules/population.hpp"
#include "base/text.hpp"

namespace ctg::render::charts {

namespace {

// Fills told apart in grey: plain shades and hatchings.
const char* const defs =
    "<defs>"
    "<pattern id=\"h1\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
    "<rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#333\" stroke-width=\"2\"/></pattern>"
    "<pattern id=\"h2\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
    "<rect width=\"6\" height=\"6\" fill=\"#fff\"/><circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"#333\"/></pattern>"
    "<pattern id=\"h3\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(-45)\">"
    "<rect width=\"6\" height=\"6\" fill=\"#ddd\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#555\" stroke-width=\"1\"/></pattern>"
    "</defs>";

const char* const fills[] = {"#4d4d4d", "url(#h1)", "#b3b3b3", "url(#h2)", "url(#h3)"};

// A step of 1, 2 or 5 × 10^n giving about `ticks` graduations up to `most`.
double nice_step(double most, int ticks) {
  double raw = most / ticks, base = 1;
  while (base * 10 <= raw) base *= 10;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (base * m >= raw) return base * m;
  return base * 10;
}

std::string name_of(const Ctg& ctg, const std::string& id) {
  const Party* p = ctg.party(id);
  return p ? format::naming::title(*p) : id;
}

}  // namespace

// The smallest font size, in units of a chart `width` units wide, that prints
// at 8 pt: a figure takes the width of the text block, 490 pt on A4.
int min_font(int width) { return static_cast<int>(std::ceil(8.0 * width / 490.0)); }

// The box's width is estimated at 0,6 em a character.
std::string label(double x, double y, int size, std::string_view text, std::string_view attributes,
                  std::string_view anchor) {
  double chars = 0;
  for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  double w = chars * size * 0.6 + 4;
  double left = anchor == "middle" ? x - w / 2 : anchor == "end" ? x - w + 2 : x - 2;
  return fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#fff\"/>"
                     "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\" font-size=\"{}\"{}>{}</text>",
                     left, y - size * 0.85, w, size * 1.1, x, y, anchor, size, attributes, xml_escape(std::string(text)));
}

std::string population_thresholds(const Ctg& ctg) {
  struct Bar {
    std::string name;
    rules::PopulationFigure pop;
  };
  std::vector<Bar> bars;
  for (const auto& e : ctg.autorites_organisatrices) {
    const Party* p = ctg.party(e.ao);
    std::optional<rules::PopulationFigure> f;
    if (p && rules::is_grouping(*p)) {
      for (const auto& t : e.transferts)
        if (t.population) f = rules::from(*t.population, "");
    } else {
      f = rules::commune_population(ctg, e, ctg.convention.debut);
    }
    if (f && (f->value || f->above || f->below)) bars.push_back({name_of(ctg, e.ao), *f});
  }
  if (bars.empty()) return {};
  std::int64_t most = 12000;
  for (const auto& b : bars) most = std::max({most, b.pop.value.value_or(0), b.pop.below.value_or(0), b.pop.above.value_or(0)});
  most = most * 11 / 10;
  const int left = 16, width = 600, row = 44, top = 38;
  const int height = top + static_cast<int>(bars.size()) * row + 56;
  const int font = min_font(left + width + 150);
  auto x = [&](std::int64_t v) { return left + static_cast<double>(v) * width / static_cast<double>(most); };
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" class=\"graphique\" "
      "aria-label=\"Population des autorités organisatrices et seuils de 3 500 et 10 000 habitants\">{}",
      left + width + 150, height, defs);
  // The two thresholds; their labels on two lines so that they never overlap.
  int label_row = 0;
  for (std::int64_t t : {std::int64_t{3500}, std::int64_t{10000}}) {
    svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#000\" stroke-dasharray=\"4 3\"/>",
                       x(t), top - 8, height - 34);
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\">{} hab.</text>", x(t),
                       height - 24 + (font + 3) * label_row++, font, xml_escape(fr::integer(t)));
  }
  // The population axis, graduated.
  double step = nice_step(static_cast<double>(most), 4);
  svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#000\"/>", left, top - 8, left,
                     height - 34);
  for (double v = 0; v <= static_cast<double>(most); v += step)
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\" fill=\"#555\">{}</text>",
                       x(static_cast<std::int64_t>(v)), top - 12, font, xml_escape(fr::integer(static_cast<std::int64_t>(v))));
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& b = bars[i];
    int y = top + static_cast<int>(i) * row;
    svg += label(left + 2, y + 10, font, b.name);
    y += 14;  // the bar under its name
    if (b.pop.value) {
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"18\" fill=\"#666\"/>", left, y + 3,
                         x(*b.pop.value) - left);
      svg += label(x(*b.pop.value) + 4, y + 17, font, fr::integer(*b.pop.value));
    } else {
      std::int64_t lo = b.pop.above.value_or(0), hi = b.pop.below.value_or(most);
      svg += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"18\" fill=\"url(#h1)\" stroke=\"#333\"/>",
                         x(lo), y + 3, x(hi) - x(lo));
      std::string range = b.pop.above && b.pop.below
                              ? fmt::format("entre {} et {}", fr::integer(lo), fr::integer(hi))
                          : b.pop.above ? "plus de " + fr::integer(lo)
                                        : "moins de " + fr::integer(hi);
      svg += label(x(hi) + 4, y + 17, font, range);
    }
  }
  svg += "</svg>";
  return svg;
}

// Why one long function: The SVG drawn in order (axes, stacked bars, rates, legend); every part uses the same scale.
std::string offer_by_year(const coverage::Perimeter& p) {
  double most = 0;
  for (const auto& c : p.columns) {
    double sum = 0;
    for (auto k : coverage::components)
      if (c.places.at(k).value) sum += c.places.at(k).value->to_double();
    most = std::max(most, sum);
  }
  if (most <= 0) return {};
  // The modes drawn somewhere, and whether a rate is shown: the legend promises nothing else.
  std::vector<std::size_t> present;
  bool any_rate = false, any_partial = false;
  for (std::size_t k = 0; k < coverage::components.size(); ++k)
    for (const auto& c : p.columns) {
      const auto& a = c.places.at(coverage::components[k]);
      if (a.value && a.value->units > 0) {
        present.push_back(k);
        break;
      }
    }
  for (const auto& c : p.columns)
    if (c.tenths.at(coverage::Rate::Global)) any_rate = true, any_partial = any_partial || c.partial();
  double step = nice_step(most, 4);
  double axis_max = step * std::ceil(most / step);
  const int left = 56, bar = 46, gap = 24, top = 24, plot = 200;
  const int plot_width = static_cast<int>(p.columns.size()) * (bar + gap);
  const int legend_rows = static_cast<int>(present.size() + 1) / 2 + (any_rate ? 1 : 0);
  const int width = std::max(left + plot_width + 10, 560);
  const int height = top + plot + 30 + legend_rows * 18 + 8;
  const int font = std::max(10, min_font(width));
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" class=\"graphique\" "
      "aria-label=\"Places par mode d’accueil et taux de couverture – {}\">{}",
      width, height, xml_escape(p.name), defs);
  // The places axis, graduated, with light grid lines.
  for (double v = 0; v <= axis_max + 1e-9; v += step) {
    double y = top + plot - v * plot / axis_max;
    svg += fmt::format("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#ccc\" stroke-width=\"0.5\"/>", left,
                       y, left + plot_width, y);
    svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\" font-size=\"{}\">{}</text>", left - 6, y + 3,
                       font, xml_escape(fr::integer(static_cast<std::int64_t>(v))));
  }
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"#555\">places</text>", 4, top - 10, font);
  svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#000\"/>", left, top, top + plot);
  svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#000\"/>", left, top + plot,
                     left + plot_width, top + plot);
  for (std::size_t i = 0; i < p.columns.size(); ++i) {
    const auto& c = p.columns[i];
    int x = left + gap / 2 + static_cast<int>(i) * (bar + gap);
    double y = top + plot;
    std::size_t k_index = 0;
    for (auto k : coverage::components) {
      const auto& a = c.places.at(k);
      if (a.value && a.value->units > 0) {
        double h = a.value->to_double() * plot / axis_max;
        y -= h;
        svg += fmt::format("<rect x=\"{}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" fill=\"{}\" stroke=\"#000\" "
                           "stroke-width=\"0.5\"><title>{} : {}</title></rect>",
                           x, y, bar, h, fills[k_index], xml_escape(std::string(coverage::label_of(k))),
                           xml_escape(fr::decimal(*a.value)));
      }
      ++k_index;
    }
    auto rate = c.tenths.at(coverage::Rate::Global);
    if (rate)
      svg += label(x + bar / 2, y - 5, font + 1, fr::tenths(*rate) + (c.partial() ? "*" : ""), " font-weight=\"bold\"",
                   "middle");
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\">{}</text>", x + bar / 2,
                       top + plot + 15, font + 1, xml_escape(c.label()));
  }
  // Legend under the plot, two per row, whole labels.
  int ly = top + plot + 30;
  for (std::size_t i = 0; i < present.size(); ++i) {
    int lx = left + static_cast<int>(i % 2) * 250;
    int y = ly + static_cast<int>(i / 2) * 18;
    auto k = coverage::components[present[i]];
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"12\" fill=\"{}\" stroke=\"#000\" "
                       "stroke-width=\"0.5\"/><text x=\"{}\" y=\"{}\" font-size=\"{}\">{}</text>",
                       lx, y, fills[present[i]], lx + 20, y + 10, font + 1, xml_escape(std::string(coverage::label_of(k))));
  }
  if (any_rate)
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\"><tspan font-weight=\"bold\">en gras</tspan> au-dessus de "
                       "chaque barre : taux de couverture global (places pour 100 enfants){}</text>",
                       left, ly + static_cast<int>((present.size() + 1) / 2) * 18 + 10, font,
                       any_partial ? " ; * partiel" : "");
  svg += "</svg>";
  return svg;
}

}  // namespace ctg::render::charts
