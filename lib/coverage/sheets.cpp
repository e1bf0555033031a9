// SPDX-License-Identifier: EUPL-1.2
#include "coverage/sheets.hpp"

#include <fmt/format.h>

namespace ctg::coverage {

namespace {

using xlsx::Cell;

std::vector<Cell> line(std::string_view label, std::string_view key) {
  return {Cell::of(std::string(label)), Cell::of(std::string(key))};
}

xlsx::Sheet perimeter_sheet(const Perimeter& p, const std::optional<Decimal>& target) {
  xlsx::Sheet s;
  s.name = p.whole ? "Territoire" : p.name;
  s.headers = {"Ligne", "Clé"};
  for (const auto& c : p.columns) s.headers.push_back(c.label());
  for (Component k : components) {
    auto row = line(label_of(k), key_of(k));
    for (const auto& c : p.columns) row.push_back(Cell::of(c.places.at(k).value));
    s.rows.push_back(std::move(row));
  }
  auto total = line("Total des places", "total_places");
  auto children = line("Enfants de moins de 3 ans", "enfants_moins_3_ans");
  for (const auto& c : p.columns) {
    total.push_back(Cell::of(c.total.value));
    children.push_back(Cell::of(c.children.value));
  }
  s.rows.push_back(std::move(total));
  s.rows.push_back(std::move(children));
  for (Rate rt : rates) {
    auto row = line(label_of(rt), "taux_" + std::string(key_of(rt)));
    for (const auto& c : p.columns) row.push_back(Cell::tenths(c.tenths.at(rt)));
    s.rows.push_back(std::move(row));
  }
  if (target) {
    auto row = line(fmt::format("Places à créer (cible {})", to_string(*target)), "places_a_creer");
    for (const auto& c : p.columns)
      row.push_back(Cell::of(c.places_to_target));
    s.rows.push_back(std::move(row));
  }
  auto partial = line("Données partielles", "partiel");
  for (const auto& c : p.columns) partial.push_back(Cell::boolean(c.partial()));
  s.rows.push_back(std::move(partial));
  return s;
}

}  // namespace

xlsx::Workbook workbook(const Report& report, const SourceSet& sources, const std::string& title) {
  xlsx::Workbook book;
  book.title = title;
  book.subject = "Taux de couverture petite enfance (places pour 100 enfants de moins de 3 ans)";
  book.source = sources.size() ? sources.file(0).path : "";
  for (const auto& p : report.perimeters) book.sheets.push_back(perimeter_sheet(p, report.target));
  xlsx::Sheet ratios;
  ratios.name = "Autres ratios";
  ratios.headers = {"Périmètre", "Ratio", "Clé", "Valeur", "Détail"};
  for (const auto& p : report.perimeters)
    for (const auto& r : p.ratios)
      ratios.rows.push_back({Cell::of(p.name), Cell::of(r.label), Cell::of(r.key), Cell::tenths(r.tenths),
                             Cell::of(r.detail)});
  book.sheets.push_back(std::move(ratios));
  return book;
}

}  // namespace ctg::coverage
