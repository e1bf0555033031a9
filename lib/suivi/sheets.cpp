// SPDX-License-Identifier: EUPL-1.2
#include "suivi/sheets.hpp"

#include <fmt/format.h>

#include "format/vocabulary.hpp"

namespace ctg::suivi {

namespace {

using xlsx::Cell;

Cell text(const std::string& s) { return Cell::of(s); }
Cell opt_text(bool known, const std::optional<std::string>& s) { return known ? Cell::of(s) : Cell{}; }

xlsx::Sheet actions(const Snapshot& s) {
  xlsx::Sheet sh{"Actions clés",
                 {"Axe", "Fiche", "Action", "Libellé", "État", "Date", "Échéance", "En retard", "Période",
                  "Rapporteur", "Commentaire", "Difficulté"},
                 {}};
  for (const auto& a : s.actions) {
    bool known = a.last != nullptr;
    sh.rows.push_back({a.axe ? text(a.axe->id) : Cell{}, text(a.fiche->id), text(a.action->id),
                       text(a.action->texte), known ? text(std::string(key_of(a.last->etat))) : Cell{},
                       known ? Cell::of(std::optional<Date>(a.last->date)) : Cell{}, Cell::of(a.echeance),
                       Cell::boolean(a.overdue), known ? text(a.periode) : Cell{},
                       opt_text(known, known ? a.last->rapporteur : std::nullopt),
                       opt_text(known, known ? a.last->commentaire : std::nullopt),
                       opt_text(known, known ? a.last->difficulte : std::nullopt)});
  }
  return sh;
}

xlsx::Sheet indicators(const Snapshot& s) {
  xlsx::Sheet sh{"Indicateurs", {"Fiche", "N°", "Indicateur", "Valeur", "Date", "Source", "Cible"}, {}};
  for (const auto& i : s.indicators) {
    bool known = i.last != nullptr;
    sh.rows.push_back({text(i.fiche->id), Cell::of(i.numero), text(i.libelle),
                       known ? Cell::of(i.last->valeur) : Cell{},
                       known ? Cell::of(std::optional<Date>(i.last->date)) : Cell{},
                       opt_text(known, known ? i.last->source : std::nullopt), Cell::of(i.cible)});
  }
  return sh;
}

xlsx::Sheet offer(const Snapshot& s) {
  xlsx::Sheet sh{fmt::format("Offre {}", s.year),
                 {"AO", "Autorité organisatrice", "Mode", "Libellé", "Unité", "Prévu", "Ouvert", "Écart",
                  "Relevé le", "Commentaire"},
                 {}};
  for (const auto& o : s.offer) {
    std::optional<Decimal> gap;
    if (o.projected && o.realised) gap = *o.realised - *o.projected;
    sh.rows.push_back({text(o.ao), text(o.ao_name), text(o.mode), text(o.mode_label), text(o.etp ? "etp" : "places"),
                       Cell::of(o.projected), Cell::of(o.realised), Cell::of(gap), Cell::of(o.date),
                       o.commentaire.empty() ? Cell{} : text(o.commentaire)});
  }
  return sh;
}

xlsx::Sheet coverage(const Snapshot& s) {
  xlsx::Sheet sh{fmt::format("Couverture {}", s.year),
                 {"Périmètre", "Territoire", "Prévu", "Réalisé", "Prévu partiel", "Réalisé partiel"},
                 {}};
  for (const auto& r : s.coverage)
    sh.rows.push_back({text(r.perimeter), Cell::boolean(r.whole), Cell::tenths(r.projected_tenths),
                       Cell::tenths(r.realised_tenths), Cell::boolean(r.projected_partial),
                       Cell::boolean(r.realised_partial)});
  return sh;
}

}  // namespace

xlsx::Workbook workbook(const Ctg& ctg, const Snapshot& s, const std::string& source) {
  xlsx::Workbook book;
  book.title = ctg.convention.titre;
  book.subject = fmt::format("Suivi de la CTG au {}{}", to_french_long(s.au),
                             s.periode.empty() ? "" : fmt::format(" (période {})", s.periode));
  book.source = source;
  book.sheets = {actions(s), indicators(s), offer(s), coverage(s)};
  return book;
}

}  // namespace ctg::suivi
