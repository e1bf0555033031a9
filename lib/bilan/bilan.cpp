// SPDX-License-Identifier: EUPL-1.2
#include "bilan/bilan.hpp"

#include <fmt/format.h>

#include <array>

#include "base/french.hpp"
#include "base/text.hpp"
#include "bilan/charts.hpp"
#include "format/suivi_check.hpp"
#include "suivi/report.hpp"
#include "suivi/status.hpp"
#include "format/vocabulary.hpp"

namespace ctg::bilan {

using namespace suivi;
using format::suivi::bounds;
using format::suivi::Bounds;
using format::suivi::latest_date;

namespace {

using render::doc::Block;
using render::doc::Cell;
using render::doc::Kind;

Block heading(int level, std::string text, std::string id) {
  Block b;
  b.kind = Kind::Heading;
  b.level = level;
  b.id = std::move(id);
  b.line = render::doc::plain(std::move(text));
  return b;
}
Block paragraph(render::doc::Line line) {
  Block b;
  b.kind = Kind::Paragraph;
  b.line = std::move(line);
  return b;
}
Block items(std::vector<std::string> texts) {
  Block b;
  b.kind = Kind::List;
  for (auto& t : texts) b.items.push_back(render::doc::plain(std::move(t)));
  return b;
}
Block figure_block(std::string svg, std::string alt) {
  Block b;
  b.kind = Kind::Figure;
  b.svg = std::move(svg);
  b.alt = std::move(alt);
  return b;
}
Block table(std::string caption, std::vector<std::string> head, std::vector<bool> numeric,
            std::vector<std::vector<std::string>> rows) {
  Block b;
  b.kind = Kind::TableBlock;
  b.table.caption = std::move(caption);
  b.table.head = std::move(head);
  b.table.numeric = numeric;
  for (auto& r : rows) {
    std::vector<Cell> cells;
    for (std::size_t i = 0; i < r.size(); ++i)
      cells.push_back(Cell{render::doc::plain(std::move(r[i])), i == 0, i < numeric.size() && numeric[i]});
    b.table.rows.push_back(std::move(cells));
  }
  return b;
}

std::string plural(int n, const char* one, const char* many) { return fmt::format("{} {}", n, n > 1 ? many : one); }

std::string axis_title(const Axis* a) {
  if (!a) return "Fiches sans axe";
  return a->numero ? fmt::format("Axe {} – {}", *a->numero, a->titre) : a->titre;
}

struct Builder {
  const Ctg& ctg;
  const BilanOptions& o;
  Snapshot now;
  Snapshot before;
  Date since;
  bool since_start = true;
  std::vector<TrajectoryPoint> path;
  std::vector<Block> out;

  bool in_window(const Date& d) const { return (since_start ? d >= since : d > since) && d <= now.au; }
  // A period whose points fall after the last bilan and by the date.
  bool period_in_window(const Bounds& b) const { return b.debut <= now.au && (since_start || b.fin > since); }
  std::string offer_name(const std::string& ao, const std::string& mode) const {
    for (const auto& s : now.offer)
      if (s.ao == ao && s.mode == mode) return s.ao_name + ", " + s.mode_label;
    return ao + ", " + mode;
  }

  void summary() {
    out.push_back(heading(2, "Synthèse", "synthese"));
    if (!o.petite_enfance) {
      std::array<int, 6> n{};
      for (const auto& a : now.actions) n[a.last ? static_cast<std::size_t>(a.last->etat) : 5]++;
      auto late = now.overdue();
      out.push_back(paragraph(render::doc::plain(fmt::format(
          "Au {}, sur {} : {} réalisée{}, {} engagée{}, {} prévue{}, {} reportée{}, {} abandonnée{} et {} sans état "
          "renseigné ; en retard sur leur échéance : {}.",
          to_french_long(now.au), plural(static_cast<int>(now.actions.size()), "action clé", "actions clés"), n[2],
          n[2] > 1 ? "s" : "", n[1], n[1] > 1 ? "s" : "", n[0], n[0] > 1 ? "s" : "", n[3], n[3] > 1 ? "s" : "", n[4],
          n[4] > 1 ? "s" : "", n[5], late.size()))));
    }
    if (!path.empty()) {
      const auto& last = path.back();
      out.push_back(paragraph(render::doc::plain(fmt::format(
          "Accueil du jeune enfant en {} : {} places ouvertes pour {} prévues ; taux de couverture réalisé {} pour "
          "{} prévu (places pour 100 enfants de moins de 3 ans, tout le territoire).",
          last.year, figure(last.realised_places), figure(last.projected_places), rate(last.realised_tenths),
          rate(last.projected_tenths)))));
    }
    out.push_back(paragraph(render::doc::plain(
        since_start ? fmt::format("Premier bilan : les évolutions sont comptées depuis le début de la CTG ({}).",
                                  to_french_long(ctg.convention.debut))
                    : fmt::format("Les évolutions sont comptées depuis le dernier bilan, qui décrivait la situation au {}.",
                                  to_french_long(since)))));
  }

  void progress() {
    out.push_back(heading(2, "Avancement par axe", "avancement"));
    std::string svg = charts::actions_by_state(now);
    if (!svg.empty()) out.push_back(figure_block(svg, "Actions clés par état, pour chaque axe"));
    const Axis* axe = nullptr;
    bool first = true;
    std::vector<std::vector<std::string>> rows;
    auto flush = [&] {
      if (rows.empty()) return;
      out.push_back(heading(3, axis_title(axe), ""));
      out.push_back(table({}, {"Action", "État", "Depuis le", "Échéance", "Commentaire"}, {}, std::move(rows)));
      rows.clear();
    };
    for (const auto& a : now.actions) {
      if (first || a.axe != axe) {
        flush();
        axe = a.axe;
        first = false;
      }
      rows.push_back({fmt::format("{} (fiche {})", a.action->id, a.fiche->numero),
                      state_label(a) + (a.overdue ? " – en retard" : ""), a.last ? to_iso(a.last->date) : "",
                      a.echeance ? to_iso(*a.echeance) : "", a.last && a.last->commentaire ? *a.last->commentaire : ""});
    }
    flush();
  }

  void indicators() {
    out.push_back(heading(2, "Indicateurs des fiches action", "indicateurs"));
    std::vector<std::vector<std::string>> rows;
    int without = 0;
    for (const auto& i : now.indicators) {
      without += i.last ? 0 : 1;
      rows.push_back({fmt::format("{}.{}", i.fiche->numero, i.numero), i.libelle,
                      i.last ? fr::decimal(i.last->valeur) : "aucune valeur", i.last ? to_iso(i.last->date) : "",
                      i.cible ? fr::decimal(*i.cible) : "non fixée", i.last && i.last->source ? *i.last->source : ""});
    }
    out.push_back(paragraph(render::doc::plain(fmt::format("{} sans valeur mesurée au {}.",
                                                   plural(without, "indicateur", "indicateurs"), to_french_long(now.au)))));
    out.push_back(table({}, {"N°", "Indicateur", "Dernière valeur", "Mesurée le", "Cible", "Source"},
                        {false, false, true, false, true, false}, std::move(rows)));
  }

  void offer() {
    out.push_back(heading(2, "Offre petite enfance et taux de couverture", "offre"));
    if (o.petite_enfance)
      out.push_back(paragraph(render::doc::plain(
          "La CTG tient lieu de schéma pluriannuel de maintien et de développement de l'offre d'accueil du jeune "
          "enfant : ce volet de son bilan est transmis au comité départemental des services aux familles "
          "(art. L214-2 CASF).")));
    std::string svg = charts::places_by_year(path);
    if (!svg.empty()) out.push_back(figure_block(svg, "Places prévues et ouvertes, par année"));
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : now.offer) {
      std::string gap = s.projected && s.realised ? fr::decimal(*s.realised - *s.projected) : "—";
      if (s.projected && s.realised && *s.realised > *s.projected) gap = "+" + gap;
      rows.push_back({s.ao_name, s.mode_label + (s.etp ? " (ETP)" : ""), figure(s.projected), figure(s.realised), gap,
                      s.date ? to_iso(*s.date) : "non relevé"});
    }
    out.push_back(table(fmt::format("Places (ETP pour les RPE) prévues pour {} et ouvertes au {}", now.year,
                                    to_french_long(now.au)),
                        {"AO", "Mode d'accueil", "Prévu", "Ouvert", "Écart", "Relevé le"},
                        {false, false, true, true, true, false}, std::move(rows)));
    svg = charts::coverage_trajectory(path);
    if (!svg.empty()) out.push_back(figure_block(svg, "Taux de couverture prévu et réalisé, par année"));
    rows.clear();
    for (const auto& t : path)
      rows.push_back({std::to_string(t.year), figure(t.projected_places), figure(t.realised_places),
                      rate(t.projected_tenths), rate(t.realised_tenths)});
    out.push_back(table("Trajectoire du taux de couverture, tout le territoire (places pour 100 enfants de moins de 3 ans)",
                        {"Année", "Places prévues", "Places ouvertes", "Taux prévu", "Taux réalisé"},
                        {false, true, true, true, true}, std::move(rows)));
  }

  void changes() {
    out.push_back(heading(2, "Ce qui a changé depuis le dernier bilan", "changements"));
    std::vector<std::string> list;
    if (!o.petite_enfance)
      for (std::size_t i = 0; i < now.actions.size(); ++i) {
        const auto& a = now.actions[i];
        const auto& b = before.actions[i];
        if (!a.last || (b.last && b.last->etat == a.last->etat)) continue;
        list.push_back(fmt::format("Action {} (fiche {}) : {} → {} le {}", a.action->id, a.fiche->numero,
                                   state_label(b), state_label(a), to_french_long(a.last->date)));
      }
    for (const auto& s : now.offer) {
      std::optional<Decimal> was;
      for (const auto& b : before.offer)
        if (b.ao == s.ao && b.mode == s.mode) was = b.realised;
      if (s.realised && s.realised != was)
        list.push_back(fmt::format("{}, {} : {} → {} {} ouvert{} (relevé du {})", s.ao_name, s.mode_label,
                                   figure(was), fr::decimal(*s.realised), s.etp ? "ETP" : "places",
                                   s.etp ? "s" : "es", to_french_long(*s.date)));
    }
    if (!o.petite_enfance)
      for (std::size_t i = 0; i < now.indicators.size(); ++i) {
        const auto& n = now.indicators[i];
        const auto& b = before.indicators[i];
        if (n.last && n.last != b.last)
          list.push_back(fmt::format("Indicateur {}.{} ({}) : {} → {}", n.fiche->numero, n.numero, n.libelle,
                                     b.last ? fr::decimal(b.last->valeur) : "sans valeur", fr::decimal(n.last->valeur)));
      }
    if (list.empty()) list.push_back("Aucun changement noté dans le suivi.");
    out.push_back(items(std::move(list)));
  }

  void difficulties() {
    out.push_back(heading(2, "Difficultés signalées", "difficultes"));
    std::vector<std::string> list;
    for (const auto& p : ctg.suivi) {
      auto b = bounds(p.periode);
      if (!b || !period_in_window(*b)) continue;
      if (!o.petite_enfance)
        for (const auto& a : p.actions)
          if (a.difficulte && in_window(a.date))
            list.push_back(fmt::format("Action {} ({}) : {}", a.action, p.periode, *a.difficulte));
      if (!o.petite_enfance)
        for (const auto& d : p.difficultes) list.push_back(fmt::format("{} : {}", p.periode, d.value));
      for (const auto& pl : p.places)
        if (pl.commentaire && in_window(pl.date))
          list.push_back(fmt::format("{} ({}) : {}", offer_name(pl.ao, pl.mode), p.periode, *pl.commentaire));
    }
    if (list.empty()) list.push_back("Aucune difficulté signalée.");
    out.push_back(items(std::move(list)));
  }

  void decisions() {
    out.push_back(heading(2, "Décisions à prendre", "decisions"));
    std::vector<std::string> list;
    if (!o.petite_enfance)
      for (const auto* a : now.overdue())
        list.push_back(fmt::format("Action {} (fiche {}) en retard (échéance du {}) : la reporter avec une nouvelle "
                                   "échéance, ou l'abandonner.",
                                   a->action->id, a->fiche->numero, to_french_long(*a->echeance)));
    for (const auto& s : now.offer)
      if (s.projected && s.realised && *s.realised < *s.projected)
        list.push_back(fmt::format("{}, {} : {} {} de moins que prévu pour {} ; maintenir la projection, ou la revoir "
                                   "par avenant.",
                                   s.ao_name, s.mode_label, fr::decimal(*s.projected - *s.realised),
                                   s.etp ? "ETP" : "places", now.year));
    for (const auto& p : ctg.suivi) {
      auto b = bounds(p.periode);
      if (!b || !period_in_window(*b)) continue;
      if (!o.petite_enfance)
        for (const auto& d : p.decisions) list.push_back(fmt::format("{} ({})", d.value, p.periode));
    }
    if (o.kind == BilanKind::Intermediaire)
      list.push_back("Bilan à mi-parcours : décider des ajustements du plan d'actions ; toute modification de la "
                     "convention ou de ses annexes fait l'objet d'un avenant (ctg avenant).");
    if (list.empty()) list.push_back("Aucune décision en attente.");
    out.push_back(items(std::move(list)));
  }

  void renewal() {
    out.push_back(heading(2, "Préparer le renouvellement", "renouvellement"));
    std::vector<std::string> list;
    for (const auto& a : now.actions)
      if (!a.last || (a.last->etat != ActionState::Realisee && a.last->etat != ActionState::Abandonnee))
        list.push_back(fmt::format("Action {} (fiche {}), {} : à reprendre ou à clore dans la prochaine convention.",
                                   a.action->id, a.fiche->numero, state_label(a)));
    int without = 0;
    for (const auto& i : now.indicators) without += i.last ? 0 : 1;
    if (without)
      list.push_back(fmt::format("{} jamais mesuré{} : en choisir de mesurables pour la prochaine convention.",
                                 plural(without, "indicateur", "indicateurs"), without > 1 ? "s" : ""));
    if (list.empty()) list.push_back("Toutes les actions sont réalisées ou abandonnées.");
    out.push_back(items(std::move(list)));
  }
};

}  // namespace

std::optional<render::doc::Document> build_bilan(const Ctg& ctg, const BilanOptions& o, std::string& error) {
  auto latest = latest_date(ctg);
  if (!latest) {
    error = "aucune période de suivi : créez d'abord le fichier suivi/AAAA-T1.yaml (voir man ctg-suivi)";
    return std::nullopt;
  }
  Date au = o.au ? *o.au : *latest;
  std::string title;
  if (o.kind == BilanKind::Annuel) {
    bool any = false;
    for (const auto& p : ctg.suivi)
      if (auto b = bounds(p.periode); b && b->debut.year <= o.year && b->fin.year >= o.year) any = true;
    if (!any) {
      std::vector<std::string> years;
      for (const auto& p : ctg.suivi) years.push_back(p.periode);
      error = fmt::format("aucune période de suivi en {} (périodes : {}) ; un bilan annuel porte sur une année suivie",
                          o.year, join(years, ", "));
      return std::nullopt;
    }
    if (!o.au) au = std::min(*latest, Date{o.year, 12, 31});
    title = fmt::format("Bilan annuel {}", o.year);
  } else {
    title = o.kind == BilanKind::Intermediaire ? "Bilan intermédiaire" : "Bilan final";
  }
  if (o.petite_enfance) title += " – volet petite enfance";
  Builder b{ctg, o, snapshot(ctg, au), {}, ctg.convention.debut, true, trajectory(ctg, au), {}};
  // Since the situation the last bilan described: the end of the year before
  // for an annual bilan; else the end of the last period before the last
  // bilan presented; else the start of the CTG.
  if (o.kind == BilanKind::Annuel && Date{o.year - 1, 12, 31} >= ctg.convention.debut) {
    b.since = Date{o.year - 1, 12, 31};
    b.since_start = false;
  } else {
    std::optional<Date> presented;
    for (const auto& p : ctg.suivi)
      for (const auto& r : p.bilans)
        if (r.date < au && (!presented || r.date > *presented)) presented = r.date;
    if (presented)
      for (const auto& p : ctg.suivi)
        if (auto pb = bounds(p.periode); pb && pb->fin < *presented && (b.since_start || pb->fin > b.since)) {
          b.since = pb->fin;
          b.since_start = false;
        }
  }
  b.before = snapshot(ctg, b.since_start ? Date{ctg.convention.debut.year - 1, 12, 31} : b.since);

  render::doc::Document d;
  d.title = title;
  d.subtitle = fmt::format("{} – {} – situation au {}{}", ctg.convention.titre, ctg.convention.territoire,
                           to_french_long(au),
                           b.now.periode.empty() ? "" : fmt::format(" (suivi {})", b.now.periode));
  d.draft = false;
  if (b.now.fictif)
    b.out.push_back(paragraph({{"Document d'exemple : les valeurs du suivi sont fictives, inventées pour montrer "
                                "l'outil ; ce ne sont pas des données réelles.",
                                render::doc::Style::Strong}}));
  b.summary();
  if (!o.petite_enfance) {
    b.progress();
    b.indicators();
  }
  b.offer();
  b.changes();
  b.difficulties();
  b.decisions();
  if (o.kind == BilanKind::Final && !o.petite_enfance) b.renewal();
  d.blocks = std::move(b.out);
  return d;
}

}  // namespace ctg::bilan
