#include "charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "french.hpp"
#include "population.hpp"
#include "text.hpp"

namespace ctg::charts {

std::string xml_escape(std::string_view raw) {
  const std::string s = printable(raw);  // no control character reaches the page
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

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

std::string name_of(const Ctg& ctg, const std::string& id) {
  const Party* p = ctg.party(id);
  return p ? p->nom : id;
}

}  // namespace

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
      f = rules::commune_population(ctg, e);
    }
    if (f && (f->value || f->above || f->below)) bars.push_back({name_of(ctg, e.ao), *f});
  }
  if (bars.empty()) return {};
  std::int64_t most = 12000;
  for (const auto& b : bars) most = std::max({most, b.pop.value.value_or(0), b.pop.below.value_or(0), b.pop.above.value_or(0)});
  most = most * 11 / 10;
  const int left = 230, width = 420, row = 30, top = 30;
  const int height = top + static_cast<int>(bars.size()) * row + 50;
  auto x = [&](std::int64_t v) { return left + static_cast<double>(v) * width / static_cast<double>(most); };
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" class=\"graphique\" "
      "aria-label=\"Population des autorités organisatrices et seuils de 3 500 et 10 000 habitants\">{}",
      left + width + 90, height, defs);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& b = bars[i];
    int y = top + static_cast<int>(i) * row;
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"12\">{}</text>", left - 8, y + 16,
                       xml_escape(b.name));
    if (b.pop.value) {
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"18\" fill=\"#666\"/>", left, y + 3,
                         x(*b.pop.value) - left);
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"11\">{}</text>", x(*b.pop.value) + 4, y + 16,
                         xml_escape(fr::integer(*b.pop.value)));
    } else {
      std::int64_t lo = b.pop.above.value_or(0), hi = b.pop.below.value_or(most);
      svg += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"18\" fill=\"url(#h1)\" stroke=\"#333\"/>",
                         x(lo), y + 3, x(hi) - x(lo));
      std::string range = b.pop.above && b.pop.below
                              ? fmt::format("entre {} et {}", fr::integer(lo), fr::integer(hi))
                          : b.pop.above ? "plus de " + fr::integer(lo)
                                        : "moins de " + fr::integer(hi);
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"11\">{}</text>", x(hi) + 4, y + 16, xml_escape(range));
    }
  }
  // The two thresholds; their labels on two lines so that they never overlap.
  int label_row = 0;
  for (std::int64_t t : {std::int64_t{3500}, std::int64_t{10000}}) {
    svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#000\" stroke-dasharray=\"4 3\"/>",
                       x(t), top - 8, height - 34);
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{} hab.</text>", x(t),
                       height - 22 + 14 * label_row++, xml_escape(fr::integer(t)));
  }
  svg += "</svg>";
  return svg;
}

std::string offer_by_year(const coverage::Perimeter& p) {
  double most = 0;
  for (const auto& c : p.columns) {
    double sum = 0;
    for (auto k : coverage::components)
      if (c.places.at(k).value) sum += c.places.at(k).value->to_double();
    most = std::max(most, sum);
  }
  if (most <= 0) return {};
  const int left = 50, bar = 46, gap = 24, top = 34, plot = 200;
  const int width = left + static_cast<int>(p.columns.size()) * (bar + gap) + 190;
  const int height = top + plot + 50;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" class=\"graphique\" "
      "aria-label=\"Places par mode d'accueil et taux de couverture – {}\">{}",
      width, height, xml_escape(p.name), defs);
  svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#000\"/>", left - 4, top + plot,
                     left + static_cast<int>(p.columns.size()) * (bar + gap), top + plot);
  for (std::size_t i = 0; i < p.columns.size(); ++i) {
    const auto& c = p.columns[i];
    int x = left + static_cast<int>(i) * (bar + gap);
    double y = top + plot;
    std::size_t k_index = 0;
    for (auto k : coverage::components) {
      const auto& a = c.places.at(k);
      if (a.value && a.value->units > 0) {
        double h = a.value->to_double() * plot / most;
        y -= h;
        svg += fmt::format("<rect x=\"{}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" fill=\"{}\" stroke=\"#000\" "
                           "stroke-width=\"0.5\"/><!-- {} : {} -->",
                           x, y, bar, h, fills[k_index], xml_escape(std::string(coverage::label_of(k))),
                           xml_escape(fr::decimal(*a.value)));
      }
      ++k_index;
    }
    auto rate = c.tenths.at(coverage::Rate::Global);
    std::string above = rate ? fr::tenths(*rate) + (c.partial() ? "*" : "") : std::string();
    if (rate)
      svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\">{}</text>",
                         x + bar / 2, y - 6, xml_escape(above));
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{}</text>", x + bar / 2,
                       top + plot + 16, xml_escape(c.label()));
  }
  // Legend.
  int lx = left + static_cast<int>(p.columns.size()) * (bar + gap) + 10, ly = top;
  std::size_t k_index = 0;
  for (auto k : coverage::components) {
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\" stroke=\"#000\" "
                       "stroke-width=\"0.5\"/><text x=\"{}\" y=\"{}\" font-size=\"11\">{}</text>",
                       lx, ly, fills[k_index], lx + 20, ly + 11, xml_escape(std::string(coverage::label_of(k))));
    ly += 20;
    ++k_index;
  }
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\">en gras : taux global</text>", lx, ly + 11);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\">(* partiel)</text>", lx, ly + 27);
  svg += "</svg>";
  return svg;
}

}  // namespace ctg::charts
