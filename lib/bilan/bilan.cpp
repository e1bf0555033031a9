// SPDX-License-Identifier: EUPL-1.2
#include "bilan/bilan.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>

#include "base/french.hpp"
#include "coverage/report.hpp"
#include "base/text.hpp"
#include "bilan/charts.hpp"
#include "format/suivi_check.hpp"
#include "suivi/report.hpp"
#include "suivi/status.hpp"
#include "format/vocabulary.hpp"
#include "rules/rules.hpp"

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
            std::vector<std::vector<std::string>> rows, bool row_heads = true) {
  Block b;
  b.kind = Kind::TableBlock;
  b.table.caption = std::move(caption);
  b.table.head = std::move(head);
  b.table.numeric = numeric;
  for (auto& r : rows) {
    std::vector<Cell> cells;
    for (std::size_t i = 0; i < r.size(); ++i)
      cells.push_back(Cell{render::doc::plain(std::move(r[i])), row_heads && i == 0, i < numeric.size() && numeric[i]});
    b.table.rows.push_back(std::move(cells));
  }
  return b;
}

std::string plural(int n, const char* one, const char* many) { return fmt::format("{} {}", n, n > 1 ? many : one); }

// An action clé by its wording in the fiche, never by its number alone.
std::string action_name(const ActionStatus& a) { return guillemets(a.action->texte); }
std::string fiche_name(const ActionSheet& f) { return fmt::format("fiche {} – {}", f.numero, f.titre); }

// Words that put a fiche, a difficulty or a decision in the petite-enfance
// part (the offer of art. L214-2 CASF): the reader can check the choice.
bool early_childhood(std::string_view text) {
  static constexpr std::array<std::string_view, 9> words{"petite enfance", "jeune enfant", "maternel", "crèche",
                                                         "eaje", "rpe", "relais petite", "mam", "accueil du jeune"};
  std::string low(text);
  for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (auto w : words) {  // a word starts there; an acronym (EAJE, RPE, MAM) also ends there
    for (std::size_t at = low.find(w); at != std::string::npos; at = low.find(w, at + 1)) {
      bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(low[at - 1]));
      std::size_t end = at + w.size();
      bool ends = w.size() > 4 || end >= low.size() || !std::isalnum(static_cast<unsigned char>(low[end]));
      if (starts && ends) return true;
    }
  }
  return false;
}

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
  // The petite-enfance part keeps the actions of a fiche that answers the
  // schéma (elements_schema) or whose fiche, axis or wording names the early childhood.
  bool kept(const ActionStatus& a) const {
    if (!o.petite_enfance) return true;
    return !a.fiche->elements_schema.empty() || early_childhood(a.fiche->titre) ||
           (a.axe && early_childhood(a.axe->titre)) || early_childhood(a.action->texte);
  }
  bool kept(std::string_view text) const { return !o.petite_enfance || early_childhood(text); }
  const ActionStatus* status_of(const std::string& fiche, const std::string& action) const {
    for (const auto& a : now.actions)
      if (a.fiche->id == fiche && a.action->id == action) return &a;
    return nullptr;
  }

  // Since the situation the last bilan described: the end of the year before
  // for an annual bilan; else the end of the last period before the last
  // bilan presented; else the start of the CTG.
  void set_since(Date au) {
    if (o.kind == BilanKind::Annuel && Date{o.year - 1, 12, 31} >= ctg.convention.debut) {
      since = Date{o.year - 1, 12, 31};
      since_start = false;
    } else {
      std::optional<Date> presented;
      for (const auto& p : ctg.suivi)
        for (const auto& r : p.bilans)
          if (r.date < au && (!presented || r.date > *presented)) presented = r.date;
      if (presented)
        for (const auto& p : ctg.suivi)
          if (auto pb = bounds(p.periode); pb && pb->fin < *presented && (since_start || pb->fin > since)) {
            since = pb->fin;
            since_start = false;
          }
    }
    before = snapshot(ctg, since_start ? Date{ctg.convention.debut.year - 1, 12, 31} : since);
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
          "Accueil du jeune enfant en {} : {} places ouvertes pour {} prévues ; taux de couverture réalisé {}{} pour "
          "{}{} prévu (places pour 100 enfants de moins de 3 ans, tout le territoire, {} enfants de moins de 3 ans{}).",
          last.year, figure(last.realised_places), figure(last.projected_places), rate(last.realised_tenths),
          last.realised_partial ? "*" : "", rate(last.projected_tenths), last.projected_partial ? "*" : "",
          figure(last.children), last.realised_partial || last.projected_partial ? " ; * partiel" : ""))));
    }
    out.push_back(paragraph(render::doc::plain(
        since_start ? fmt::format("Premier bilan : les évolutions sont comptées depuis le début de la CTG ({}).",
                                  to_french_long(ctg.convention.debut))
                    : fmt::format("Les évolutions sont comptées depuis le dernier bilan, qui décrivait la situation au {}.",
                                  to_french_long(since)))));
  }

  // Each action clé by its wording, axis by axis (the petite-enfance part: its own actions only).
  void progress() {
    out.push_back(heading(2, o.petite_enfance ? "Actions petite enfance" : "Avancement par axe", "avancement"));
    if (!o.petite_enfance) {
      std::string svg = charts::actions_by_state(now);
      if (!svg.empty()) out.push_back(figure_block(svg, "Actions clés par état, pour chaque axe"));
    }
    const Axis* axe = nullptr;
    const ActionSheet* fiche = nullptr;
    std::vector<std::vector<std::string>> rows;
    auto flush = [&] {
      if (rows.empty()) return;
      out.push_back(heading(3, fmt::format("{} ({})", axis_title(axe), fiche_name(*fiche)), ""));
      out.push_back(table({}, {"Action clé", "État", "Depuis le", "Échéance", "Commentaire"}, {}, std::move(rows),
                          false));
      rows.clear();
    };
    for (const auto& a : now.actions) {
      if (!kept(a)) continue;
      if (!fiche || a.axe != axe || a.fiche != fiche) {
        flush();
        axe = a.axe;
        fiche = a.fiche;
      }
      rows.push_back({a.action->texte, state_label(a) + (a.overdue ? " – en retard" : ""),
                      a.last ? to_french_long(a.last->date) : "", a.echeance ? to_french_long(*a.echeance) : "",
                      a.last && a.last->commentaire ? *a.last->commentaire : ""});
    }
    if (!fiche) out.push_back(paragraph(render::doc::plain("Aucune action clé ne porte sur la petite enfance.")));
    flush();
  }

  void indicators() {
    out.push_back(heading(2, "Indicateurs des fiches action", "indicateurs"));
    std::vector<std::vector<std::string>> rows;
    int without = 0;
    for (const auto& i : now.indicators) {
      without += i.last ? 0 : 1;
      rows.push_back({i.libelle, fiche_name(*i.fiche), i.last ? fr::decimal(i.last->valeur) : "aucune valeur",
                      i.last ? to_french_long(i.last->date) : "", i.cible ? fr::decimal(*i.cible) : "non fixée",
                      i.last && i.last->source ? *i.last->source : ""});
    }
    out.push_back(paragraph(render::doc::plain(fmt::format("{} sans valeur mesurée au {}.",
                                                   plural(without, "indicateur", "indicateurs"), to_french_long(now.au)))));
    out.push_back(table({}, {"Indicateur", "Fiche", "Dernière valeur", "Mesurée le", "Cible", "Source"},
                        {false, false, true, false, true, false}, std::move(rows), false));
  }

  // The CDSF sentence of the petite-enfance part, from SCH-1's own result.
  void schema_status() {
    rules::Options options;
    options.at = now.au;
    const Diagnostic* sch1 = nullptr;
    auto diags = rules::check(ctg, options);
    for (const auto& d : diags.items())
      if (d.code == "SCH-1" && (!sch1 || d.severity < sch1->severity)) sch1 = &d;
    std::string text;
    if (!sch1)
      text = "ctg validate ne relève pas d'autorité organisatrice tenue d'établir un schéma pluriannuel de maintien et "
             "de développement de l'offre d'accueil du jeune enfant (règle SCH-1) : ce volet de son bilan est "
             "présenté au comité de pilotage.";
    else if (sch1->severity == Severity::Note)
      text = "La CTG tient lieu de schéma pluriannuel de maintien et de développement de l'offre d'accueil du jeune "
             "enfant (ctg validate, règle SCH-1 : " + sch1->message + ") : ce volet de son bilan est transmis au "
             "comité départemental des services aux familles (art. L214-2 CASF).";
    else
      text = "La CTG ne tient pas encore lieu de schéma pluriannuel de maintien et de développement de l'offre "
             "d'accueil du jeune enfant : ctg validate (règle SCH-1) relève que, " + sch1->message + ". Tant que ces "
             "éléments manquent, ce volet rend compte de l'offre au comité départemental des services aux familles "
             "sans valoir bilan du schéma (art. L214-2 CASF).";
    out.push_back(paragraph(render::doc::plain(std::move(text))));
  }

  void offer() {
    out.push_back(heading(2, "Offre petite enfance et taux de couverture", "offre"));
    if (o.petite_enfance) schema_status();
    std::string svg = charts::places_by_year(path);
    if (!svg.empty()) out.push_back(figure_block(svg, "Places prévues et ouvertes, par année"));
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : now.offer) {
      std::string gap = s.projected && s.realised ? fr::decimal(*s.realised - *s.projected) : "—";
      if (s.projected && s.realised && *s.realised > *s.projected) gap = "+" + gap;
      rows.push_back({s.ao_name, s.mode_label + (s.etp ? " (ETP)" : ""), figure(s.projected), figure(s.realised), gap,
                      s.date ? to_french_long(*s.date) : "non relevé"});
    }
    out.push_back(table(fmt::format("Places (ETP pour les RPE) prévues pour {} et ouvertes au {}", now.year,
                                    to_french_long(now.au)),
                        {"AO", "Mode d’accueil", "Prévu", "Ouvert", "Écart", "Relevé le"},
                        {false, false, true, true, true, false}, std::move(rows)));
    svg = charts::coverage_trajectory(path);
    if (!svg.empty()) out.push_back(figure_block(svg, "Taux de couverture prévu et réalisé, par année"));
    coverage_table();
  }

  // The trajectory with its baseline (the diagnostic's « actuel » column), its
  // denominator and the « partiel » caveat, in lib/coverage's words.
  void coverage_table() {
    auto cov = coverage::compute(ctg);
    const coverage::Perimeter* whole = cov.perimeters.empty() || !cov.perimeters.back().whole ? nullptr
                                                                                               : &cov.perimeters.back();
    auto mark = [](bool partial) { return partial ? std::string("*") : std::string(); };
    std::vector<std::vector<std::string>> rows;
    if (whole)
      for (const auto& c : whole->columns)
        if (!c.year) {
          auto t = c.tenths.find(coverage::Rate::Global);
          rows.push_back({"Départ (diagnostic, « actuel »)", figure(c.children.value), figure(c.total.value), "",
                          t != c.tenths.end() ? rate(t->second) + mark(c.partial()) : "—", ""});
        }
    for (const auto& t : path)
      rows.push_back({std::to_string(t.year), figure(t.children), figure(t.projected_places),
                      figure(t.realised_places), rate(t.projected_tenths) + mark(t.projected_partial && t.projected_tenths),
                      rate(t.realised_tenths) + mark(t.realised_partial && t.realised_tenths)});
    out.push_back(table("Trajectoire du taux de couverture, tout le territoire",
                        {"Année", "Enfants de moins de 3 ans", "Places prévues", "Places ouvertes", "Taux prévu",
                         "Taux réalisé"},
                        {false, true, true, true, true, true}, std::move(rows)));
    out.push_back(paragraph(render::doc::plain(fmt::format(
        "Taux Cnaf en {} ; le dénominateur est le nombre d'enfants de moins de 3 ans de l'année (même calcul que "
        "ctg coverage).", coverage::unit_legend))));
    if (!whole) return;
    auto missing = coverage::missing_summary(*whole);
    if (missing.empty()) return;
    out.push_back(paragraph(render::doc::plain("Taux partiels, calculés sans :")));
    out.push_back(items(std::move(missing)));
  }

  void changes() {
    out.push_back(heading(2, "Ce qui a changé depuis le dernier bilan", "changements"));
    std::vector<std::string> list;
    for (std::size_t i = 0; i < now.actions.size(); ++i) {
      const auto& a = now.actions[i];
      const auto& b = before.actions[i];
      if (!kept(a) || !a.last || (b.last && b.last->etat == a.last->etat)) continue;
      list.push_back(fmt::format("Action clé {} ({}) : {} → {} le {}", action_name(a), fiche_name(*a.fiche),
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
          list.push_back(fmt::format("Indicateur {} ({}) : {} → {}", guillemets(n.libelle), fiche_name(*n.fiche),
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
      for (const auto& a : p.actions) {
        const ActionStatus* s = status_of(a.fiche, a.action);
        if (a.difficulte && in_window(a.date) && (s ? kept(*s) : kept(*a.difficulte)))
          list.push_back(fmt::format("Action clé {} ({}) : {}", s ? action_name(*s) : a.action, p.periode, *a.difficulte));
      }
      for (const auto& d : p.difficultes)
        if (kept(d.value)) list.push_back(fmt::format("{} : {}", p.periode, d.value));
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
    for (const auto* a : now.overdue())
      if (kept(*a))
        list.push_back(fmt::format("Action clé {} ({}) en retard (échéance du {}) : la reporter avec une nouvelle "
                                   "échéance, ou l'abandonner.",
                                   action_name(*a), fiche_name(*a->fiche), to_french_long(*a->echeance)));
    for (const auto& s : now.offer)
      if (s.projected && s.realised && *s.realised < *s.projected)
        list.push_back(fmt::format("{}, {} : {} {} de moins que prévu pour {} ; maintenir la projection, ou la revoir "
                                   "par avenant.",
                                   s.ao_name, s.mode_label, fr::decimal(*s.projected - *s.realised),
                                   s.etp ? "ETP" : "places", now.year));
    for (const auto& p : ctg.suivi) {
      auto b = bounds(p.periode);
      if (!b || !period_in_window(*b)) continue;
      for (const auto& d : p.decisions)
        if (kept(d.value)) list.push_back(fmt::format("{} ({})", d.value, p.periode));
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
        list.push_back(fmt::format("Action clé {} ({}), {} : à reprendre ou à clore dans la prochaine convention.",
                                   action_name(a), fiche_name(*a.fiche), state_label(a)));
    int without = 0;
    for (const auto& i : now.indicators) without += i.last ? 0 : 1;
    if (without)
      list.push_back(fmt::format("{} jamais mesuré{} : en choisir de mesurables pour la prochaine convention.",
                                 plural(without, "indicateur", "indicateurs"), without > 1 ? "s" : ""));
    if (list.empty()) list.push_back("Toutes les actions sont réalisées ou abandonnées.");
    out.push_back(items(std::move(list)));
  }
};

// Why the tracking does not reach the end of the period an annual or final
// bilan covers (the situation described, `reach`, is before it); nullopt when it does.
// Why an annual bilan cannot be drawn up: no tracking period in its year.
std::string untracked_year(const Ctg& ctg, int year) {
  for (const auto& p : ctg.suivi)
    if (auto b = bounds(p.periode); b && b->debut.year <= year && b->fin.year >= year) return {};
  std::vector<std::string> years;
  for (const auto& p : ctg.suivi) years.push_back(p.periode);
  return fmt::format("aucune période de suivi en {} (périodes : {}) ; un bilan annuel porte sur une année suivie", year,
                     join(years, ", "));
}

Date period_end(const Ctg& ctg, const BilanOptions& o) {
  return o.kind == BilanKind::Final ? ctg.convention.fin : std::min(Date{o.year, 12, 31}, ctg.convention.fin);
}

std::optional<std::string> short_of(const Ctg& ctg, const BilanOptions& o, Date reach, const std::string& periode) {
  if (o.kind == BilanKind::Intermediaire) return std::nullopt;
  const auto& cv = ctg.convention;
  Date end = period_end(ctg, o);
  if (reach >= end) return std::nullopt;
  std::string what = o.kind == BilanKind::Final
                         ? fmt::format("le bilan final porte sur toute la convention, du {} au {}", to_french_long(cv.debut),
                                       to_french_long(cv.fin))
                         : fmt::format("le bilan annuel {} porte sur l'année jusqu'au {}", o.year, to_french_long(end));
  return fmt::format("{}, mais le suivi décrit la situation au {}{} seulement", what, to_french_long(reach),
                     periode.empty() ? "" : fmt::format(" (période {})", periode));
}

}  // namespace

// The refusals first (no tracking, a period not reached), then the blocks in the order the copil reads them.
std::optional<render::doc::Document> build_bilan(const Ctg& ctg, const BilanOptions& o, std::string& error) {
  auto latest = latest_date(ctg);
  if (!latest) {
    error = "aucune période de suivi : créez d'abord le fichier suivi/AAAA-T1.yaml (voir man ctg-suivi)";
    return std::nullopt;
  }
  Date au = o.au ? *o.au : *latest;
  std::string title;
  if (o.kind == BilanKind::Annuel) {
    if (error = untracked_year(ctg, o.year); !error.empty()) return std::nullopt;
    if (!o.au) au = std::min(*latest, Date{o.year, 12, 31});
    title = fmt::format("Bilan annuel {}", o.year);
  } else {
    title = o.kind == BilanKind::Intermediaire ? "Bilan intermédiaire" : "Bilan final";
  }
  Builder b{ctg, o, snapshot(ctg, au), {}, ctg.convention.debut, true, trajectory(ctg, au), {}};
  auto gap = short_of(ctg, o, std::min(au, *latest), b.now.periode);
  if (gap && !o.provisoire) {
    error = *gap + fmt::format(" ; ajoutez les périodes de suivi jusqu'au {}, ou demandez un bilan provisoire (--provisoire)",
                               to_french_long(period_end(ctg, o)));
    return std::nullopt;
  }
  if (o.provisoire) title += " (provisoire)";
  if (o.petite_enfance) title += " – volet petite enfance";
  b.set_since(au);

  render::doc::Document d;
  d.title = title;
  d.subtitle = fmt::format("{} – {} – situation au {}{}", ctg.convention.titre, ctg.convention.territoire,
                           to_french_long(au),
                           b.now.periode.empty() ? "" : fmt::format(" (suivi {})", b.now.periode));
  d.draft = false;
  if (o.provisoire)
    b.out.push_back(paragraph({{gap ? "Bilan provisoire : " + *gap + " ; il ne vaut pas bilan " +
                                          (o.kind == BilanKind::Final ? "final." : "de l'année.")
                                    : std::string("Bilan provisoire, établi à la demande (--provisoire)."),
                                render::doc::Style::Strong}}));
  if (b.now.fictif)
    b.out.push_back(paragraph({{"Document d'exemple : les valeurs du suivi sont fictives, inventées pour montrer "
                                "l'outil ; ce ne sont pas des données réelles.",
                                render::doc::Style::Strong}}));
  b.summary();
  b.progress();
  if (!o.petite_enfance) b.indicators();
  b.offer();
  b.changes();
  b.difficulties();
  b.decisions();
  if (o.kind == BilanKind::Final && !o.petite_enfance) b.renewal();
  d.blocks = std::move(b.out);
  return d;
}

}  // namespace ctg::bilan
