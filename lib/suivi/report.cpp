// SPDX-License-Identifier: EUPL-1.2
#include "suivi/report.hpp"

#include <fmt/format.h>

#include <array>

#include "base/french.hpp"
#include "base/json.hpp"
#include "base/markdown.hpp"
#include "base/text.hpp"
#include "format/vocabulary.hpp"

namespace ctg::suivi {

std::string figure(const std::optional<Decimal>& v) { return v ? fr::decimal(*v) : "—"; }
std::string rate(const std::optional<std::int64_t>& t) { return t ? fr::tenths(*t) : "—"; }

namespace {


std::string axis_name(const ActionStatus& a) {
  if (!a.axe) return "Sans axe";
  return a.axe->numero ? fmt::format("Axe {} – {}", *a.axe->numero, a.axe->titre) : a.axe->titre;
}
std::string fiche_name(const ActionSheet& f) { return fmt::format("Fiche {} – {}", f.numero, f.titre); }

// Actions counted by state (5 states, then « non renseignée »), per fiche.
struct Count {
  std::string axe, fiche;
  std::array<int, 6> n{};
  int overdue = 0;
};
std::vector<Count> counts(const Snapshot& s) {
  std::vector<Count> out;
  for (const auto& a : s.actions) {
    std::string f = fiche_name(*a.fiche);
    if (out.empty() || out.back().fiche != f) out.push_back({axis_name(a), f, {}, 0});
    out.back().n[a.last ? static_cast<std::size_t>(a.last->etat) : 5]++;
    out.back().overdue += a.overdue ? 1 : 0;
  }
  return out;
}

std::string header_line(const Ctg& ctg, const Snapshot& s) {
  return fmt::format("Suivi de la CTG {} au {}{}", guillemets(ctg.convention.titre), to_french_long(s.au),
                     s.periode.empty() ? " (aucune période de suivi)" : fmt::format(" (période {})", s.periode));
}
const char* const fictitious = "Valeurs fictives : ce suivi est un exemple inventé, pas des données réelles.";

std::string late_line(const ActionStatus& a, const Snapshot& s) {
  return fmt::format("{} (fiche {}) : {}, échéance le {} dépassée de {} jours", a.action->id, a.fiche->numero,
                     state_label(a), to_french_long(*a.echeance), day_number(s.au) - day_number(*a.echeance));
}

std::string indicator_value(const IndicatorStatus& i, fr::NumberStyle st = {}) {
  if (!i.last) return "aucune valeur";
  return fmt::format("{} au {}", fr::decimal(i.last->valeur, st), to_iso(i.last->date));
}

std::string gap(const OfferStatus& o) {
  if (!o.projected || !o.realised) return "—";
  Decimal d = *o.realised - *o.projected;
  return (d.units > 0 ? "+" : "") + fr::decimal(d);
}

// ------------------------------------------------------------------ text

std::string render_text(const Ctg& ctg, const Snapshot& s) {
  std::string out = header_line(ctg, s) + "\n";
  if (s.fictif) out += std::string(fictitious) + "\n";
  std::string axe;
  std::string fiche;
  out += "\nActions clés\n";
  for (const auto& a : s.actions) {
    if (axis_name(a) != axe) out += "\n" + printable(axe = axis_name(a)) + "\n";
    if (fiche_name(*a.fiche) != fiche) out += "  " + printable(fiche = fiche_name(*a.fiche)) + "\n";
    std::string when = a.last ? " le " + to_iso(a.last->date) : "";
    out += fmt::format("    {:<6} {}{}{}{}\n", a.action->id, a.last ? fmt::format("{:<15}", state_label(a)) : state_label(a), when,
                       a.echeance ? ", échéance " + to_iso(*a.echeance) : "", a.overdue ? "  EN RETARD" : "");
    if (a.last && a.last->commentaire) out += "           " + printable(*a.last->commentaire) + "\n";
  }
  out += "\nActions par état (prévue, engagée, réalisée, reportée, abandonnée, non renseignée)\n";
  for (const auto& c : counts(s))
    out += fmt::format("  {:<46} {:>3} {:>3} {:>3} {:>3} {:>3} {:>3}\n", printable(c.fiche), c.n[0], c.n[1], c.n[2],
                       c.n[3], c.n[4], c.n[5]);
  auto late = s.overdue();
  out += fmt::format("\nActions en retard au {} : {}\n", to_iso(s.au), late.empty() ? "aucune" : std::to_string(late.size()));
  for (const auto* a : late) out += "  " + late_line(*a, s) + "\n";
  out += "\nIndicateurs (dernière valeur ; cible)\n";
  for (const auto& i : s.indicators)
    out += fmt::format("  fiche {} n° {} {} : {} ; cible {}\n", i.fiche->numero, i.numero, printable(i.libelle),
                       indicator_value(i), i.cible ? fr::decimal(*i.cible) : "non fixée");
  out += fmt::format("\nOffre petite enfance {} : prévue et ouverte (places ; ETP pour les RPE)\n", s.year);
  out += fmt::format("  {:<28} {:<36} {:>8} {:>8} {:>6}  {}\n", "AO", "mode", "prévu", "ouvert", "écart", "relevé le");
  for (const auto& o : s.offer)
    out += fmt::format("  {:<28} {:<36} {:>8} {:>8} {:>6}  {}\n", printable(o.ao_name), printable(o.mode_label),
                       figure(o.projected), figure(o.realised), gap(o), o.date ? to_iso(*o.date) : "—");
  out += fmt::format("\nTaux de couverture {} (places pour 100 enfants de moins de 3 ans ; * partiel)\n", s.year);
  out += fmt::format("  {:<36} {:>8} {:>8}\n", "périmètre", "prévu", "réalisé");
  for (const auto& r : s.coverage)
    out += fmt::format("  {:<36} {:>8} {:>8}\n", printable(r.perimeter),
                       rate(r.projected_tenths) + (r.projected_tenths && r.projected_partial ? "*" : ""),
                       rate(r.realised_tenths) + (r.realised_tenths && r.realised_partial ? "*" : ""));
  return out;
}

// ------------------------------------------------------------------ markdown

std::string md(const std::string& s) { return markdown::escape(s); }

std::string render_markdown(const Ctg& ctg, const Snapshot& s) {
  std::string out = "# " + md(header_line(ctg, s)) + "\n\n";
  if (s.fictif) out += "**" + md(fictitious) + "**\n\n";
  out += "## Actions clés\n\n| Axe | Fiche | Action | État | Date | Échéance | Commentaire |\n|---|---|---|---|---|---|---|\n";
  for (const auto& a : s.actions)
    out += fmt::format("| {} | {} | {} | {}{} | {} | {} | {} |\n", md(axis_name(a)), md(fiche_name(*a.fiche)),
                       md(a.action->id), md(state_label(a)), a.overdue ? " **en retard**" : "",
                       a.last ? to_iso(a.last->date) : "", a.echeance ? to_iso(*a.echeance) : "",
                       a.last && a.last->commentaire ? md(*a.last->commentaire) : "");
  out += "\n## Actions par état\n\n| Fiche | prévue | engagée | réalisée | reportée | abandonnée | non renseignée |\n"
         "|---|--:|--:|--:|--:|--:|--:|\n";
  for (const auto& c : counts(s))
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", md(c.fiche), c.n[0], c.n[1], c.n[2], c.n[3], c.n[4],
                       c.n[5]);
  auto late = s.overdue();
  out += fmt::format("\n## Actions en retard au {}\n\n", to_french_long(s.au));
  if (late.empty()) out += "Aucune.\n";
  for (const auto* a : late) out += "- " + md(late_line(*a, s)) + "\n";
  out += "\n## Indicateurs\n\n| Fiche | N° | Indicateur | Dernière valeur | Source | Cible |\n|---|--:|---|---|---|---|\n";
  for (const auto& i : s.indicators)
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", i.fiche->numero, i.numero, md(i.libelle),
                       md(indicator_value(i)), i.last && i.last->source ? md(*i.last->source) : "",
                       i.cible ? fr::decimal(*i.cible) : "non fixée");
  out += fmt::format("\n## Offre petite enfance {}\n\nPlaces, et ETP pour les relais petite enfance (RPE).\n\n", s.year);
  out += "| AO | Mode | Prévu | Ouvert | Écart | Relevé le |\n|---|---|--:|--:|--:|---|\n";
  for (const auto& o : s.offer)
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", md(o.ao_name), md(o.mode_label), figure(o.projected),
                       figure(o.realised), gap(o), o.date ? to_iso(*o.date) : "—");
  out += fmt::format("\n## Taux de couverture {}\n\nPlaces pour 100 enfants de moins de 3 ans ; \\* partiel.\n\n", s.year);
  out += "| Périmètre | Prévu | Réalisé |\n|---|--:|--:|\n";
  for (const auto& r : s.coverage)
    out += fmt::format("| {} | {}{} | {}{} |\n", md(r.perimeter), rate(r.projected_tenths),
                       r.projected_tenths && r.projected_partial ? "\\*" : "", rate(r.realised_tenths),
                       r.realised_tenths && r.realised_partial ? "\\*" : "");
  return out;
}

// ------------------------------------------------------------------ csv

std::string render_csv(const Snapshot& s, bool french) {
  const char sep = french ? ';' : ',';
  fr::NumberStyle st{false, french};
  auto num = [&](const std::optional<Decimal>& v) { return v ? fr::decimal(*v, st) : std::string(); };
  auto tenths = [&](const std::optional<std::int64_t>& t) { return t ? fr::tenths(*t, st) : std::string(); };
  std::string out;
  auto row = [&](std::vector<std::string> cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? std::string(1, sep) : "") + csv_field(cells[i], sep);
    out += "\r\n";
  };
  row({"rubrique", "axe", "fiche", "element", "libelle", "etat", "valeur", "reference", "date", "echeance",
       "en_retard", "commentaire"});
  for (const auto& a : s.actions)
    row({"action", a.axe ? a.axe->id : "", a.fiche->id, a.action->id, a.action->texte,
         a.last ? std::string(key_of(a.last->etat)) : "non_renseignee", "", "", a.last ? to_iso(a.last->date) : "",
         a.echeance ? to_iso(*a.echeance) : "", a.overdue ? "oui" : "non",
         a.last && a.last->commentaire ? *a.last->commentaire : ""});
  for (const auto& i : s.indicators)
    row({"indicateur", "", i.fiche->id, std::to_string(i.numero), i.libelle, i.last ? "mesure" : "sans_valeur",
         i.last ? num(i.last->valeur) : "", num(i.cible), i.last ? to_iso(i.last->date) : "", "", "",
         i.last && i.last->source ? *i.last->source : ""});
  for (const auto& o : s.offer)
    row({o.etp ? "rpe_etp" : "places", "", "", o.ao + "/" + o.mode, o.ao_name + " – " + o.mode_label, "",
         num(o.realised), num(o.projected), o.date ? to_iso(*o.date) : "", "", "", o.commentaire});
  for (const auto& r : s.coverage)
    row({"couverture", "", "", r.whole ? "territoire" : r.perimeter, r.perimeter, r.realised_partial ? "partiel" : "",
         tenths(r.realised_tenths), tenths(r.projected_tenths), to_iso(s.au), "", "", ""});
  return out;
}

// ------------------------------------------------------------------ json

Json jnum(const std::optional<Decimal>& v) { return v ? Json::raw_number(to_string(*v)) : Json(); }
Json jtenths(const std::optional<std::int64_t>& t) {
  if (!t) return Json();
  return Json::raw_number(fmt::format("{}{}.{}", *t < 0 ? "-" : "", std::abs(*t) / 10, std::abs(*t) % 10));
}
Json jtext(const std::optional<std::string>& s) { return s ? Json(*s) : Json(); }
Json jdate(const std::optional<Date>& d) { return d ? Json(to_iso(*d)) : Json(); }

// Why one long function: Writes ctg-suivi/1 in the order of the contract, one field after another.
std::string render_json(const Ctg& ctg, const Snapshot& s) {
  Json root = Json::object();
  root.set("format", "ctg-suivi/1");
  root.set("convention", ctg.convention.titre);
  root.set("au", to_iso(s.au));
  root.set("annee", s.year);
  root.set("periode", s.periode.empty() ? Json() : Json(s.periode));
  root.set("fictif", s.fictif);
  Json actions = Json::array();
  for (const auto& a : s.actions) {
    Json j = Json::object();
    j.set("axe", a.axe ? Json(a.axe->id) : Json());
    j.set("fiche", a.fiche->id);
    j.set("action", a.action->id);
    j.set("etat", a.last ? Json(key_of(a.last->etat)) : Json());
    j.set("date", a.last ? Json(to_iso(a.last->date)) : Json());
    j.set("echeance", jdate(a.echeance));
    j.set("en_retard", a.overdue);
    j.set("periode", a.last ? Json(a.periode) : Json());
    j.set("rapporteur", a.last ? jtext(a.last->rapporteur) : Json());
    j.set("commentaire", a.last ? jtext(a.last->commentaire) : Json());
    j.set("difficulte", a.last ? jtext(a.last->difficulte) : Json());
    actions.push(std::move(j));
  }
  root.set("actions", std::move(actions));
  Json inds = Json::array();
  for (const auto& i : s.indicators) {
    Json j = Json::object();
    j.set("fiche", i.fiche->id);
    j.set("indicateur", i.numero);
    j.set("libelle", i.libelle);
    j.set("valeur", i.last ? jnum(i.last->valeur) : Json());
    j.set("date", i.last ? Json(to_iso(i.last->date)) : Json());
    j.set("source", i.last ? jtext(i.last->source) : Json());
    j.set("cible", jnum(i.cible));
    inds.push(std::move(j));
  }
  root.set("indicateurs", std::move(inds));
  Json offer = Json::array();
  for (const auto& o : s.offer) {
    Json j = Json::object();
    j.set("ao", o.ao);
    j.set("mode", o.mode);
    j.set("unite", o.etp ? "etp" : "places");
    j.set("prevu", jnum(o.projected));
    j.set("ouvert", jnum(o.realised));
    j.set("date", jdate(o.date));
    offer.push(std::move(j));
  }
  root.set("offre", std::move(offer));
  Json cov = Json::array();
  for (const auto& r : s.coverage) {
    Json j = Json::object();
    j.set("perimetre", r.perimeter);
    j.set("territoire", r.whole);
    j.set("prevu", jtenths(r.projected_tenths));
    j.set("realise", jtenths(r.realised_tenths));
    j.set("prevu_partiel", r.projected_partial);
    j.set("realise_partiel", r.realised_partial);
    cov.push(std::move(j));
  }
  root.set("couverture", std::move(cov));
  return root.dump() + "\n";
}

}  // namespace

std::string render(const Ctg& ctg, const Snapshot& s, Format format) {
  switch (format) {
    case Format::Text: return render_text(ctg, s);
    case Format::Markdown: return render_markdown(ctg, s);
    case Format::Csv: return render_csv(s, false);
    case Format::CsvFr: return render_csv(s, true);
    case Format::Json: return render_json(ctg, s);
  }
  return {};
}

}  // namespace ctg::suivi
