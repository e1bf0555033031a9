// SPDX-License-Identifier: EUPL-1.2
#include "coverage/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/french.hpp"
#include "base/json.hpp"
#include "base/text.hpp"

namespace ctg::coverage {

namespace {

// One row of a perimeter's table: a label and a cell per column.
struct Row {
  std::string key;    // stable, for CSV and JSON
  std::string label;  // French
  std::vector<std::string> cells;
};

struct Cell {
  std::optional<Decimal> value;
  std::optional<std::int64_t> tenths;
  bool partial = false;
};

std::string where(const Loc& loc, const SourceSet& sources) {
  if (!loc.known() || static_cast<std::size_t>(loc.file) >= sources.size()) return {};
  return fmt::format("{}:{}", sources.file(loc.file).path, loc.line);
}

std::string show(const Cell& c, fr::NumberStyle style, const char* missing, const char* partial_mark) {
  if (c.tenths) return fr::tenths(*c.tenths, style) + (c.partial ? partial_mark : "");
  if (c.value) return fr::decimal(*c.value, style) + (c.partial ? partial_mark : "");
  return missing;
}

std::vector<Row> rows_of(const Perimeter& p, std::optional<Decimal> target, fr::NumberStyle style,
                         const char* missing, const char* partial_mark) {
  std::vector<Row> rows;
  for (Component k : components) {
    Row r{std::string(key_of(k)), std::string(label_of(k)), {}};
    for (const auto& c : p.columns) {
      const Amount& a = c.places.at(k);
      r.cells.push_back(show({a.value, std::nullopt, !a.missing.empty()}, style, missing, partial_mark));
    }
    rows.push_back(std::move(r));
  }
  Row total{"total_places", "Total des places", {}};
  Row children{"enfants_moins_3_ans", "Enfants de moins de 3 ans", {}};
  for (const auto& c : p.columns) {
    total.cells.push_back(show({c.total.value, std::nullopt, c.partial()}, style, missing, partial_mark));
    children.cells.push_back(show({c.children.value, std::nullopt, false}, style, missing, partial_mark));
  }
  rows.push_back(std::move(total));
  rows.push_back(std::move(children));
  for (Rate rt : rates) {
    Row r{"taux_" + std::string(key_of(rt)), std::string(label_of(rt)), {}};
    for (const auto& c : p.columns) {
      bool partial = rt == Rate::Global ? c.partial() : false;
      if (rt != Rate::Global)
        for (Component k : components) {
          bool in = (rt == Rate::Psu && k == Component::EajePsu) ||
                    (rt == Rate::Eaje && (k == Component::EajePsu || k == Component::MicroCrechePaje)) ||
                    (rt == Rate::Prescolarisation && k == Component::Prescolarisation) ||
                    (rt == Rate::AssistantsMaternels && k == Component::AssistantsMaternels) ||
                    (rt == Rate::GardeDomicile && k == Component::GardeDomicile) ||
                    (rt == Rate::Individuel &&
                     (k == Component::AssistantsMaternels || k == Component::GardeDomicile));
          if (in && !c.places.at(k).complete()) partial = true;
        }
      r.cells.push_back(show({std::nullopt, c.tenths.at(rt), partial && c.tenths.at(rt)}, style, missing,
                             partial_mark));
    }
    rows.push_back(std::move(r));
  }
  if (target) {
    Row r{"places_a_creer", fmt::format("Places à créer (cible {})", fr::decimal(*target)), {}};
    for (const auto& c : p.columns)
      r.cells.push_back(c.places_to_target
                            ? show({Decimal::from_int(*c.places_to_target), std::nullopt, c.partial()}, style,
                                   missing, partial_mark)
                            : missing);
    rows.push_back(std::move(r));
  }
  return rows;
}

// The columns a remark applies to: « toutes les colonnes », « 2026 à 2030 »
// for a run, « actuel, 2028 et 2029 » otherwise.
std::string column_span(const std::vector<std::string>& labels, const Perimeter& p) {
  if (labels.size() == p.columns.size()) return "toutes les colonnes";
  std::vector<std::size_t> at;
  for (const auto& l : labels)
    for (std::size_t i = 0; i < p.columns.size(); ++i)
      if (p.columns[i].label() == l) at.push_back(i);
  bool run = at.size() > 2;
  for (std::size_t i = 1; i < at.size(); ++i) run = run && at[i] == at[i - 1] + 1;
  if (run) return labels.front() + " à " + labels.back();
  return join_french(labels);
}

}  // namespace

// « Préscolarisation : non renseigné (actuel, 2026 à 2030) »: each missing
// input once, with the columns it affects.
std::vector<std::string> missing_summary(const Perimeter& p) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::string>> cols;
  for (const auto& c : p.columns)
    for (const auto& m : c.missing) {
      if (!cols.count(m)) order.push_back(m);
      cols[m].push_back(c.label());
    }
  std::vector<std::string> out;
  for (const auto& m : order) out.push_back(fmt::format("{} ({})", m, column_span(cols[m], p)));
  return out;
}

namespace {

// Where the figures come from: the offer tables and the children count,
// each source once with the columns it serves.
std::vector<std::string> source_lines(const Perimeter& p, const SourceSet& sources) {
  std::vector<std::string> out;
  for (const auto& t : p.tables) out.push_back(fmt::format("places : {} ({})", t.what, where(t.loc, sources)));
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::string>> cols;
  for (const auto& c : p.columns)
    for (const auto& src : c.children.sources) {
      std::string key = fmt::format("{} ({})", src.what, where(src.loc, sources));
      if (!cols.count(key)) order.push_back(key);
      cols[key].push_back(c.label());
    }
  for (const auto& k : order)
    out.push_back(fmt::format("enfants de moins de 3 ans, {} : {}", column_span(cols[k], p), k));
  return out;
}

std::string stated_sentence(const Stated& s, const SourceSet& sources, fr::NumberStyle style) {
  std::string out = fmt::format("Taux indiqué au diagnostic : {} ({}{})\n", fr::decimal(s.value, style), s.source,
                                where(s.loc, sources).empty() ? "" : ", " + where(s.loc, sources));
  if (s.computed_tenths) {
    std::int64_t gap = *s.computed_tenths - *ratio_tenths(s.value, Decimal::from_int(1));
    out += fmt::format("Taux calculé pour le territoire de la CTG ({}) : {}\nÉcart : {}{}\n", s.column,
                       fr::tenths(*s.computed_tenths, style), gap > 0 ? "+" : "", fr::tenths(gap, style));
  } else {
    out += fmt::format("Taux calculé pour le territoire de la CTG ({}) : non calculable\n", s.column);
  }
  if (s.first_year_tenths)
    out += fmt::format("Taux calculé pour la première année de la CTG ({}) : {}\n", s.first_year,
                       fr::tenths(*s.first_year_tenths, style));
  return out;
}

// ------------------------------------------------------------------ text

std::string pad_left(const std::string& s, std::size_t width) {
  std::size_t n = utf8_length(s);
  return n >= width ? s : std::string(width - n, ' ') + s;
}
std::string pad_right(const std::string& s, std::size_t width) {
  std::size_t n = utf8_length(s);
  return n >= width ? s : s + std::string(width - n, ' ');
}

std::string render_text(const Report& r, const SourceSet& sources) {
  std::string out;
  fr::NumberStyle style;
  for (const auto& p : r.perimeters) {
    out += p.name + (p.whole ? "" : " (autorité organisatrice)") + "\n";
    auto rows = rows_of(p, r.target, style, "—", "*");
    std::size_t label_w = 0, cell_w = 7;
    for (const auto& row : rows) {
      label_w = std::max(label_w, utf8_length(row.label));
      for (const auto& c : row.cells) cell_w = std::max(cell_w, utf8_length(c));
    }
    out += pad_right("", label_w);
    for (const auto& c : p.columns) out += "  " + pad_left(c.label(), cell_w);
    out += "\n";
    for (const auto& row : rows) {
      out += pad_right(row.label, label_w);
      for (const auto& c : row.cells) out += "  " + pad_left(c, cell_w);
      out += "\n";
    }
    out += fmt::format("  ({})\n", unit_legend);
    auto missing = missing_summary(p);
    if (!missing.empty()) {
      out += "  Manque :\n";
      for (const auto& m : missing) out += "  - " + m + "\n";
    }
    if (!p.notes.empty()) {
      out += "  Hypothèses :\n";
      for (const auto& n : p.notes) out += "  - " + n + "\n";
    }
    auto used = source_lines(p, sources);
    if (used.empty()) out += "  Sources : aucune (ni tableau d'offre, ni nombre d'enfants de moins de 3 ans)\n";
    else out += "  Sources :\n";
    for (const auto& l : used) out += "  - " + l + "\n";
    out += "  Autres ratios (situation actuelle) :\n";
    for (const auto& ratio : p.ratios)
      out += fmt::format("  - {} : {} ({})\n", ratio.label, ratio.tenths ? fr::tenths(*ratio.tenths) : "—",
                         ratio.detail);
    out += "\n";
  }
  if (r.stated) {
    out += stated_sentence(*r.stated, sources, style);
    if (!r.stated->reasons.empty()) {
      out += "Ce qui explique l'écart ou le rend incertain :\n";
      for (const auto& reason : r.stated->reasons) out += "- " + reason + "\n";
    }
  }
  return out;
}

// ------------------------------------------------------------------ markdown

std::string md_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string render_markdown(const Report& r, const SourceSet& sources) {
  std::string out = "# Taux de couverture petite enfance\n\n";
  out += fmt::format("Taux Cnaf en {}.\n\n", unit_legend);
  fr::NumberStyle style;
  for (const auto& p : r.perimeters) {
    out += "## " + md_escape(p.name) + "\n\n|  |";
    for (const auto& c : p.columns) out += " " + c.label() + " |";
    out += "\n|---|";
    for (std::size_t i = 0; i < p.columns.size(); ++i) out += "---:|";
    out += "\n";
    for (const auto& row : rows_of(p, r.target, style, "—", "\\*")) {
      out += "| " + md_escape(row.label) + " |";
      for (const auto& c : row.cells) out += " " + c + " |";
      out += "\n";
    }
    out += "\n";
    auto missing = missing_summary(p);
    if (!missing.empty()) {
      out += "Manque :\n\n";
      for (const auto& m : missing) out += "- " + md_escape(m) + "\n";
      out += "\n";
    }
    if (!p.notes.empty()) {
      out += "Hypothèses :\n\n";
      for (const auto& n : p.notes) out += "- " + md_escape(n) + "\n";
      out += "\n";
    }
    auto used = source_lines(p, sources);
    if (used.empty()) out += "Sources : aucune (ni tableau d'offre, ni nombre d'enfants de moins de 3 ans)\n";
    else out += "Sources :\n\n";
    for (const auto& l : used) out += "- " + md_escape(l) + "\n";
    out += "\n";
    out += "Autres ratios (situation actuelle) :\n\n";
    for (const auto& ratio : p.ratios)
      out += fmt::format("- {} : {} ({})\n", md_escape(ratio.label),
                         ratio.tenths ? fr::tenths(*ratio.tenths) : "—", md_escape(ratio.detail));
    out += "\n";
  }
  if (r.stated) {
    out += "## Taux indiqué et taux calculé\n\n";
    std::string s = stated_sentence(*r.stated, sources, style);
    for (std::size_t pos = 0, nl; (nl = s.find('\n', pos)) != std::string::npos; pos = nl + 1)
      out += "- " + md_escape(s.substr(pos, nl - pos)) + "\n";
    if (!r.stated->reasons.empty()) {
      out += "\nCe qui explique l'écart ou le rend incertain :\n\n";
      for (const auto& reason : r.stated->reasons) out += "- " + md_escape(reason) + "\n";
    }
  }
  return out;
}

// ------------------------------------------------------------------ csv

std::string render_csv(const Report& r, bool french) {
  const char sep = french ? ';' : ',';
  fr::NumberStyle style{false, french};
  std::string out;
  if (r.perimeters.empty()) return out;
  std::vector<std::string> header{"perimetre", "ligne"};
  for (const auto& c : r.perimeters.front().columns) header.push_back(c.label());
  for (std::size_t i = 0; i < header.size(); ++i) out += (i ? std::string(1, sep) : "") + csv_field(header[i], sep);
  out += "\r\n";
  for (const auto& p : r.perimeters) {
    for (const auto& row : rows_of(p, r.target, style, "", "")) {
      out += csv_field(p.whole ? "territoire" : p.id, sep) + sep + csv_field(row.key, sep);
      for (const auto& c : row.cells) out += sep + csv_field(c, sep);
      out += "\r\n";
    }
    // Which columns rest on partial data.
    out += csv_field(p.whole ? "territoire" : p.id, sep) + sep + "partiel";
    for (const auto& c : p.columns) out += std::string(1, sep) + (c.partial() ? "oui" : "non");
    out += "\r\n";
  }
  return out;
}

// ------------------------------------------------------------------ json

Json number(Decimal d) { return Json::raw_number(to_string(d)); }
Json tenths_json(std::optional<std::int64_t> t) {
  if (!t) return nullptr;
  return Json::raw_number(fr::tenths(*t, {false, false}));
}

Json amount_json(const Amount& a, const SourceSet& sources) {
  Json j = Json::object();
  j.set("valeur", a.value ? number(*a.value) : Json(nullptr));
  j.set("complet", a.complete());
  Json missing = Json::array();
  for (const auto& m : a.missing) missing.push(m);
  j.set("manques", missing);
  Json srcs = Json::array();
  for (const auto& s : a.sources) {
    Json o = Json::object().set("quoi", s.what);
    if (s.loc.known() && static_cast<std::size_t>(s.loc.file) < sources.size())
      o.set("fichier", sources.file(s.loc.file).path).set("ligne", s.loc.line).set("colonne", s.loc.col);
    srcs.push(o);
  }
  j.set("sources", srcs);
  return j;
}

// Why one long function: Writes ctg-couverture/1 in the order of the contract, one field after another.
std::string render_json(const Report& r, const SourceSet& sources) {
  Json root = Json::object();
  root.set("format", "ctg-couverture/1");
  root.set("unite", "places pour 100 enfants de moins de 3 ans");
  root.set("cible", r.target ? number(*r.target) : Json(nullptr));
  Json perims = Json::array();
  for (const auto& p : r.perimeters) {
    Json jp = Json::object();
    jp.set("id", p.whole ? Json(nullptr) : Json(p.id));
    jp.set("nom", p.name);
    jp.set("type", p.whole ? "territoire" : "autorite_organisatrice");
    Json cols = Json::array();
    for (const auto& c : p.columns) {
      Json jc = Json::object();
      jc.set("colonne", c.label());
      jc.set("annee", c.year ? Json(*c.year) : Json(nullptr));
      Json places = Json::object();
      for (Component k : components) places.set(std::string(key_of(k)), amount_json(c.places.at(k), sources));
      jc.set("places", places);
      jc.set("total_places", c.total.value ? number(*c.total.value) : Json(nullptr));
      jc.set("enfants_moins_3_ans", amount_json(c.children, sources));
      Json rs = Json::object();
      for (Rate rt : rates) rs.set(std::string(key_of(rt)), tenths_json(c.tenths.at(rt)));
      jc.set("taux", rs);
      jc.set("partiel", c.partial());
      Json missing = Json::array();
      for (const auto& m : c.missing) missing.push(m);
      jc.set("manques", missing);
      jc.set("places_a_creer", c.places_to_target ? Json(*c.places_to_target) : Json(nullptr));
      cols.push(jc);
    }
    jp.set("colonnes", cols);
    Json ratios = Json::array();
    for (const auto& ratio : p.ratios)
      ratios.push(Json::object()
                      .set("id", ratio.key)
                      .set("libelle", ratio.label)
                      .set("valeur", tenths_json(ratio.tenths))
                      .set("detail", ratio.detail));
    jp.set("ratios", ratios);
    Json notes = Json::array();
    for (const auto& n : p.notes) notes.push(n);
    jp.set("hypotheses", notes);
    perims.push(jp);
  }
  root.set("perimetres", perims);
  if (r.stated) {
    Json s = Json::object();
    s.set("valeur", number(r.stated->value));
    s.set("source", r.stated->source);
    if (r.stated->loc.known())
      s.set("fichier", sources.file(r.stated->loc.file).path).set("ligne", r.stated->loc.line);
    s.set("colonne", r.stated->column);
    s.set("calcule", tenths_json(r.stated->computed_tenths));
    s.set("premiere_annee", r.stated->first_year.empty() ? Json(nullptr) : Json(r.stated->first_year));
    s.set("calcule_premiere_annee", tenths_json(r.stated->first_year_tenths));
    s.set("ecart", r.stated->computed_tenths
                       ? tenths_json(*r.stated->computed_tenths - *ratio_tenths(r.stated->value, Decimal::from_int(1)))
                       : Json(nullptr));
    Json reasons = Json::array();
    for (const auto& x : r.stated->reasons) reasons.push(x);
    s.set("explications", reasons);
    root.set("taux_indique", s);
  } else {
    root.set("taux_indique", nullptr);
  }
  return root.dump(2);
}

}  // namespace

std::string render(const Report& report, const SourceSet& sources, Format format) {
  switch (format) {
    case Format::Text: return render_text(report, sources);
    case Format::Markdown: return render_markdown(report, sources);
    case Format::Csv: return render_csv(report, false);
    case Format::CsvFr: return render_csv(report, true);
    case Format::Json: return render_json(report, sources);
  }
  return {};
}

}  // namespace ctg::coverage
