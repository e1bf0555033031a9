// SPDX-License-Identifier: EUPL-1.2
// The companion document of the convention (`ctg render --part analyse`),
// for the comité de pilotage and the CDSF: what the tool computes from the
// source, which the parties never sign: the diagnostic's key figures as a
// table, the AO populations against the thresholds, the coverage tables and
// charts of each offer table and of the whole territory, and the gap with
// the rate the diagnostic states. The convention itself prints only the
// source (annexes.cpp).
#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>

#include "base/french.hpp"
#include "base/text.hpp"
#include "coverage/coverage.hpp"
#include "format/designation.hpp"
#include "format/vocabulary.hpp"
#include "render/blocks.hpp"
#include "render/charts.hpp"
#include "render/parts.hpp"

namespace ctg::render::parts {

using namespace blocks;

namespace {

std::string indicator_value(const Indicator& i) {
  std::string v = fr::decimal(i.valeur);
  std::string unit(label_of(i.unite));
  if (unit.empty()) return v;
  if (unit == "%") return v + fr::nbsp + "%";
  return v + " " + unit;
}


// A mode whose places are missing in some columns only (the source leaves
// the current cell empty and fills the years): its partial sum would show a
// jump (« 8* → 233 ») the source does not write. Its figure is removed from
// those columns, with their global rate, and the chart leaves them out.
struct Comparable {
  coverage::Perimeter perimeter;
  std::vector<std::string> gaps;  // « Assistants maternels (MAM comprises) (actuel) »
  std::vector<bool> masked;       // per column
};

Comparable comparable(coverage::Perimeter p) {
  Comparable out;
  out.masked.assign(p.columns.size(), false);
  for (coverage::Component k : coverage::components) {
    std::size_t fewest = std::numeric_limits<std::size_t>::max();
    for (const auto& c : p.columns)
      if (c.places.at(k).known()) fewest = std::min(fewest, c.places.at(k).missing.size());
    std::vector<std::string> where;
    for (std::size_t i = 0; i < p.columns.size(); ++i) {
      auto& c = p.columns[i];
      auto& a = c.places.at(k);
      if (!a.known() || a.missing.size() <= fewest) continue;
      a.value.reset();
      c.tenths[coverage::Rate::Global].reset();
      out.masked[i] = true;
      where.push_back(c.label());
    }
    if (!where.empty()) out.gaps.push_back(fmt::format("{} ({})", coverage::label_of(k), join_french(where)));
  }
  out.perimeter = std::move(p);
  return out;
}

Block offer_chart(const Comparable& shown, const std::string& name) {
  coverage::Perimeter p = shown.perimeter;
  std::vector<std::string> left_out;
  p.columns.clear();
  for (std::size_t i = 0; i < shown.perimeter.columns.size(); ++i)
    if (shown.masked[i]) left_out.push_back(shown.perimeter.columns[i].label());
    else p.columns.push_back(shown.perimeter.columns[i]);
  Block chart;
  chart.kind = Kind::Figure;
  chart.svg = charts::offer_by_year(p);
  bool rates = std::any_of(p.columns.begin(), p.columns.end(),
                           [](const coverage::Column& c) { return c.tenths.at(coverage::Rate::Global).has_value(); });
  chart.alt = fmt::format("Places par mode d’accueil{}, année par année – {}{}", rates ? " et taux de couverture global" : "",
                          name, left_out.empty() ? "" : " (sans " + join_french(left_out) + " : places non renseignées)");
  return chart;
}

// Places are places, the rate is a rate: the caption says which row is
// which, and what is missing is said once, under the table, not by dashes.
// `gaps`: the modes not shown in some columns (comparable()).
void coverage_table(const coverage::Perimeter& p, const std::string& name, const coverage::Stated* stated,
                    const std::vector<std::string>& gaps, std::vector<Block>& out) {
  doc::Table t;
  t.caption = fmt::format("Places d’accueil par mode, enfants de moins de 3 ans et taux de couverture global (places "
                          "pour 100 enfants) – {}", name);
  t.head = {"Composante"};
  for (const auto& c : p.columns) t.head.push_back(c.label());
  t.numeric.assign(t.head.size(), true);
  t.numeric[0] = false;
  auto row = [&](const std::string& label, auto value) {
    std::vector<doc::Cell> r{row_header(label)};
    for (const auto& c : p.columns) r.push_back(cell(value(c), true));
    t.rows.push_back(std::move(r));
  };
  for (coverage::Component k : coverage::components) {
    bool any = std::any_of(p.columns.begin(), p.columns.end(), [&](const coverage::Column& c) { return c.places.at(k).known(); });
    if (!any) continue;  // a mode with no place anywhere: said in the note below
    row("Places – " + std::string(coverage::label_of(k)), [&](const coverage::Column& c) {
      const auto& a = c.places.at(k);
      return a.value ? fr::decimal(*a.value) + (a.missing.empty() ? "" : "*") : std::string("non renseigné");
    });
  }
  bool children = std::any_of(p.columns.begin(), p.columns.end(), [](const coverage::Column& c) { return c.children.known(); });
  if (children) {
    row("Enfants de moins de 3 ans", [](const coverage::Column& c) { return c.children.value ? fr::decimal(*c.children.value) : std::string("non renseigné"); });
    row("Taux de couverture global", [](const coverage::Column& c) {
      auto t10 = c.tenths.at(coverage::Rate::Global);
      return t10 ? fr::tenths(*t10) + (c.partial() ? "*" : "") : std::string("non calculable");
    });
  }
  out.push_back(table(std::move(t)));
  // What is missing, said once.
  std::vector<std::string> notes;
  if (!children)
    notes.push_back("Le nombre d’enfants de moins de 3 ans de ce territoire n’est pas renseigné : le taux de couverture "
                    "n’y est pas calculé.");
  std::map<std::string, std::vector<std::string>> missing_by;  // what → columns
  std::vector<std::string> order;
  for (const auto& c : p.columns)
    for (const auto& m : c.missing) {
      if (!missing_by.count(m)) order.push_back(m);
      missing_by[m].push_back(c.label());
    }
  if (!order.empty()) {
    std::vector<std::string> parts;
    for (const auto& m : order)
      parts.push_back(fmt::format("{} ({})", m, missing_by[m].size() == p.columns.size() ? "toutes les colonnes"
                                                                                         : join_french(missing_by[m])));
    notes.push_back("* Taux partiel, calculé sans : " + join(parts, " ; ") + ".");
  }
  if (!gaps.empty())
    notes.push_back(fmt::format("Places non renseignées dans une colonne alors que les autres colonnes les donnent : {}. "
                                "Le chiffre de ces colonnes n’est pas montré, ni leur taux : une somme partielle "
                                "ferait croire à une variation de l’offre que la source n’écrit pas.",
                                join(gaps, " ; ")));
  if (stated && p.whole) {
    auto current = p.columns.empty() ? std::nullopt : p.columns.front().tenths.at(coverage::Rate::Global);
    if (current)
      notes.push_back(fmt::format("Le diagnostic indique un taux de couverture de {} % ; calculé à partir des tableaux "
                                  "d’offre, le taux « actuel » est de {}{}.",
                                  fr::decimal(stated->value), fr::tenths(*current),
                                  p.columns.front().partial() ? ", partiel (voir les places non renseignées ci-dessus)" : ""));
    else
      notes.push_back(fmt::format("Le diagnostic indique un taux de couverture de {} % ; les tableaux d’offre ne "
                                  "permettent pas de le recalculer pour la situation actuelle.",
                                  fr::decimal(stated->value)));
  }
  for (const auto& n : notes) out.push_back(paragraph(Line{Span{n, Style::Emphasis}}));
}

}  // namespace

void indicators_table(const std::vector<const Indicator*>& inds, std::vector<Block>& out, const std::string& caption) {
  if (inds.empty()) return;
  doc::Table t;
  t.caption = caption;
  t.head = {"Indicateur", "Valeur", "Année", "Source"};
  t.numeric = {false, true, true, false};
  for (const Indicator* i : inds)
    t.rows.push_back({row_header(i->libelle), cell(indicator_value(*i), true),
                      cell(i->annee ? std::to_string(*i->annee) : "", true),
                      cell(i->source.value_or("") + (i->remarque ? (i->source ? " – " : "") + *i->remarque : ""))});
  out.push_back(table(std::move(t)));
}


void analyse(const Ctg& ctg, const coverage::Report& cov, std::vector<Block>& out) {
  out.push_back(heading(2, "Analyse de la convention", "analyse"));
  out.push_back(paragraph(doc::plain(
      "Document d’accompagnement pour le comité de pilotage et le comité départemental des services aux familles. "
      "Il présente ce qui est calculé à partir de la convention : les chiffres clés du diagnostic, la population des "
      "autorités organisatrices, les places d’accueil et les taux de couverture. Il ne fait pas partie de la "
      "convention signée.")));
  if (ctg.diagnostic && !ctg.diagnostic->indicateurs.empty()) {
    out.push_back(heading(3, "Chiffres clés du diagnostic", "chiffres-cles"));
    std::vector<const Indicator*> inds;
    for (const auto& i : ctg.diagnostic->indicateurs) inds.push_back(&i);
    indicators_table(inds, out, "Indicateurs du diagnostic (annexe 1)");
  }
  Block population;
  population.kind = Kind::Figure;
  population.svg = charts::population_thresholds(ctg);
  population.alt = "Population de chaque autorité organisatrice au regard des seuils de 3 500 et 10 000 habitants";
  if (!population.svg.empty()) {
    out.push_back(heading(3, "Population des autorités organisatrices", "population-ao"));
    out.push_back(std::move(population));
  }
  for (const auto& t : ctg.offre_petite_enfance) {
    const Party* p = ctg.party(t.ao);
    std::string name = (p ? format::naming::title(*p) : t.ao) + (t.zone ? " – " + *t.zone : "");
    for (const auto& per : cov.perimeters) {
      if (per.whole || per.id != t.ao) continue;
      out.push_back(heading(3, "Taux de couverture – " + name, "couverture-" + t.ao));
      Comparable shown = comparable(per);
      coverage_table(shown.perimeter, name, nullptr, shown.gaps, out);
      Block chart = offer_chart(shown, name);
      if (!chart.svg.empty()) out.push_back(std::move(chart));
    }
  }
  if (!cov.perimeters.empty() && cov.perimeters.back().whole && ctg.offre_petite_enfance.size() > 1) {
    out.push_back(heading(3, "Taux de couverture du territoire de la CTG", "couverture-territoire"));
    Comparable shown = comparable(cov.perimeters.back());
    coverage_table(shown.perimeter, shown.perimeter.name, cov.stated ? &*cov.stated : nullptr, shown.gaps, out);
  }
}

}  // namespace ctg::render::parts
