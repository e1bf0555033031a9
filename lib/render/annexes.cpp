// SPDX-License-Identifier: EUPL-1.2
// Annexes 1 to 5 of the convention, and the early-childhood part sent to
// the CDSF: what the source says (diagnostic, equipment, AO table, offer
// tables, plan, fiches action, pilotage, deliberations). What the tool
// computes from it (coverage, charts, key figures) is in analyse.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "coverage/coverage.hpp"
#include "format/designation.hpp"
#include "base/french.hpp"
#include "render/render.hpp"
#include "render/blocks.hpp"
#include "render/parts.hpp"
#include "base/text.hpp"
#include "format/vocabulary.hpp"

namespace ctg::render::parts {

using namespace blocks;

void annexe1(const Ctg& ctg, std::vector<Block>& out) {
  out.push_back(page_break());
  out.push_back(heading(2, "Annexe 1 – " + (ctg.diagnostic && ctg.diagnostic->titre ? *ctg.diagnostic->titre
                                                                                      : std::string("Diagnostic partagé")),
                        "annexe-1"));
  if (!ctg.diagnostic) {
    out.push_back(paragraph(doc::plain("Le diagnostic n’est pas encore rédigé.")));
    return;
  }
  const auto& d = *ctg.diagnostic;
  if (!d.sources.empty()) out.push_back(paragraph(doc::plain("Sources : " + join(d.sources, ", "))));
  out.push_back(markdown(d.texte));
  // The enjeux are printed unless the text above already states each of them.
  auto squeezed = [](const std::string& t) {
    std::string o;
    for (char c : t)
      if (c != ' ' && c != '\n' && c != '*' && c != '-' && c != '_') o += c;
    return o;
  };
  std::string text = squeezed(d.texte);
  bool stated = !d.enjeux.empty() && std::all_of(d.enjeux.begin(), d.enjeux.end(), [&](const Issue& e) {
    return text.find(squeezed(e.texte)) != std::string::npos;
  });
  if (!d.enjeux.empty() && !stated) {
    out.push_back(heading(3, "Enjeux retenus", "enjeux"));
    std::vector<std::string> items;
    for (const auto& e : d.enjeux) items.push_back(e.texte);
    out.push_back(list(items, true));
  }
}

void annexe2(const Ctg& ctg, std::vector<Block>& out) {
  out.push_back(page_break());
  out.push_back(heading(2, "Annexe 2 – Liste des équipements et services soutenus", "annexe-2"));
  if (ctg.equipements.empty()) {
    out.push_back(paragraph(doc::plain("Aucun équipement n’est encore listé.")));
    return;
  }
  // Grouped by commune, in the order communes first appear.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const Equipment*>> by;
  for (const auto& e : ctg.equipements) {
    const Party* p = e.partie ? ctg.party(*e.partie) : nullptr;
    std::string key = p ? p->nom : e.commune;
    if (!by.count(key)) order.push_back(key);
    by[key].push_back(&e);
  }
  doc::Table t;
  t.caption = fmt::format("{} équipement{} et service{}, par commune", ctg.equipements.size(),
                          ctg.equipements.size() > 1 ? "s" : "", ctg.equipements.size() > 1 ? "s" : "");
  bool capacity = std::any_of(ctg.equipements.begin(), ctg.equipements.end(),
                              [](const Equipment& e) { return e.places || e.etp; });
  t.head = {"Commune", "Gestionnaire", "Équipement", "Type", "Sous-type", "Code postal"};
  t.numeric = {false, false, false, false, false, true};
  if (capacity) {
    t.head.push_back("Places ou ETP");
    t.numeric.push_back(true);
  }
  for (const auto& commune : order)
    for (const Equipment* e : by[commune]) {
      std::string name = e->nom + (e->remarque ? " (" + *e->remarque + ")" : "");
      std::vector<doc::Cell> r{row_header(e->commune, anchor("equipement-" + e->id)), cell(e->gestionnaire), cell(name),
                               cell(std::string(label_of(e->type))),
                               cell(e->sous_type ? std::string(label_of(*e->sous_type)) : ""),
                               cell(e->code_postal.value_or(""), true)};
      if (capacity) {
        std::string c = e->places ? fr::integer(*e->places) + " places" : "";
        if (e->etp) c += (c.empty() ? "" : ", ") + fr::decimal(*e->etp) + " ETP";
        r.push_back(cell(c, true));
      }
      t.rows.push_back(std::move(r));
    }
  out.push_back(table(std::move(t)));
}

// An entry whose encoder's note starts with « À DÉCIDER » (ctg init's draft)
// holds hypotheses, not choices: its competences print « à décider ».
static bool undecided(const AoEntry& e) { return e.note && e.note->starts_with("À DÉCIDER"); }

// `mention`: the cell as the source words it, in place of the ticked box's label.
static std::string competence_cell(CompetenceStatus s, bool grouping, bool open,
                                   const std::optional<std::string>& mention) {
  if (open) return "à décider";
  auto line = [&](CompetenceStatus v, const char* label) {
    return fmt::format("{} {}", s == v ? "☒" : "☐", s == v && mention ? *mention : std::string(label));
  };
  if (grouping) return line(CompetenceStatus::Exercee, "exercée (transfert)") + "\n" + line(CompetenceStatus::SansObjet, "sans objet");
  return line(CompetenceStatus::Exercee, "exercée") + "\n" + line(CompetenceStatus::Transferee, "transférée") + "\n" +
         line(CompetenceStatus::SansObjet, "sans objet");
}

static std::string population_text(const Ctg& ctg, const AoEntry& e) {
  auto show = [](const Population& p) {
    std::string base;
    if (p.valeur) base = fr::integer(*p.valeur);
    else if (p.plus_de && p.moins_de) base = fmt::format("plus de {}, moins de {}", fr::integer(*p.plus_de), fr::integer(*p.moins_de));
    else if (p.plus_de) base = "plus de " + fr::integer(*p.plus_de);
    else if (p.moins_de) base = "moins de " + fr::integer(*p.moins_de);
    if (p.nature != PopulationNature::Inconnue) base += " (" + std::string(label_of(p.nature)) + (p.millesime ? fmt::format(" {}", *p.millesime) : "") + ")";
    return base;
  };
  if (e.population) return show(*e.population);
  if (!e.transferts.empty()) {
    // Per competence, the total of the communes that transferred it (art. L214-1-3 III CASF).
    std::vector<std::pair<std::string, std::vector<std::string>>> groups;  // figure → competences
    for (Competence c : {Competence::Recenser, Competence::Informer, Competence::Planifier, Competence::Qualite}) {
      std::optional<std::int64_t> total;
      std::string shown;
      int count = 0;
      for (const auto& t : e.transferts) {
        if (std::find(t.competences.begin(), t.competences.end(), c) == t.competences.end()) continue;
        ++count;
        std::optional<std::int64_t> v = t.population ? t.population->valeur : std::nullopt;
        if (!t.population && !t.communes.empty()) {
          std::int64_t sum = 0;
          bool all = true;
          for (const auto& m : t.communes)
            if (m.population && m.population->valeur) sum += *m.population->valeur;
            else all = false;
          if (all) v = sum;
        }
        if (t.population && !v) shown = show(*t.population);
        if (v) total = total.value_or(0) + *v;
      }
      if (!count) continue;
      std::string figure = total ? fr::integer(*total) + (count == 1 && shown.empty() && e.transferts.size() == 1 &&
                                                                  e.transferts[0].population
                                                              ? show(*e.transferts[0].population).substr(fr::integer(*total).size())
                                                              : "")
                                 : shown;
      if (figure.empty()) figure = "population non renseignée";
      std::string key(label_of(c));
      key = key.substr(0, key.find(' '));  // « 3° »
      auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == figure; });
      if (it == groups.end()) groups.push_back({figure, {key}});
      else it->second.push_back(key);
    }
    std::vector<std::string> parts;
    for (const auto& [figure, keys] : groups)
      parts.push_back(groups.size() == 1 ? figure : figure + " pour " + join_french(keys));
    if (groups.size() == 1 && groups[0].first == "population non renseignée") return groups[0].first;
    return join(parts, " ; ") + " – communes ayant transféré";
  }
  // A party with populations by millésime: the one in force at the CTG's start.
  const Party* p = ctg.party(e.ao);
  const Population* own = p ? population_at(*p, ctg.convention.debut) : nullptr;
  return own ? show(*own) : "—";
}

void ao_table(const Ctg& ctg, std::vector<Block>& out) {
  if (ctg.autorites_organisatrices.empty()) return;
  const AnnexTitles* titles = ctg.plan_actions && ctg.plan_actions->titres ? &*ctg.plan_actions->titres : nullptr;
  out.push_back(heading(3, titles && titles->tableau_ao ? *titles->tableau_ao
                                                        : "Tableau des autorités organisatrices de l’accueil du jeune enfant",
                        "autorites-organisatrices"));
  doc::Table t;
  t.caption = "Compétences des autorités organisatrices (art. L214-1-3 CASF) : exercée par la commune, ou par l’EPCI "
              "qui l’a reçue ; transférée par la commune à l’EPCI ; sans objet";
  t.head = {"Autorité organisatrice", "Habitants", "1° Recenser", "2° Informer et accompagner", "3° Planifier",
            "4° Soutenir la qualité"};
  if (titles && titles->colonnes_ao.size() == t.head.size()) t.head = titles->colonnes_ao;
  t.numeric = {false, false, false, false, false, false};
  static const std::optional<std::string> none;
  for (const auto& e : ctg.autorites_organisatrices) {
    const Party* p = ctg.party(e.ao);
    bool grouping = p && (p->type == PartyType::Epci || p->type == PartyType::Syndicat), open = undecided(e);
    auto competence = [&](Competence c) {
      return cell(competence_cell(e.competences.of(c), grouping, open, e.mentions ? e.mentions->of(c) : none));
    };
    t.rows.push_back({row_header(p ? format::naming::title(*p) : e.ao), cell(population_text(ctg, e)),
                      competence(Competence::Recenser), competence(Competence::Informer),
                      competence(Competence::Planifier), competence(Competence::Qualite)});
  }
  out.push_back(table(std::move(t)));
  for (const auto& e : ctg.autorites_organisatrices)
    if (e.remarque) {
      const Party* p = ctg.party(e.ao);
      out.push_back(paragraph(Line{Span{(p ? format::naming::title(*p) : e.ao) + " : " + *e.remarque, Style::Emphasis}}));
    }
}

// Why one long function: The offer table as printed, header then one row per mode then the totals; the columns are shared by all three.
static void offer_tables(const Ctg& ctg, std::vector<Block>& out) {
  auto years = ctg.years();
  for (const auto& t : ctg.offre_petite_enfance) {
    const Party* p = ctg.party(t.ao);
    std::string name = (p ? format::naming::title(*p) : t.ao) + (t.zone ? " – " + *t.zone : "");
    out.push_back(heading(3, "Offre petite enfance – " + name, "offre-" + t.ao));
    doc::Table o;
    o.caption = fmt::format("Offre actuelle et projetée – {}", name);
    o.head = {"Mode d’accueil", "Structures", "Actuel"};
    for (int y : years) o.head.push_back(std::to_string(y));
    o.numeric.assign(o.head.size(), true);
    o.numeric[0] = false;
    // A column where the source writes words (actuel_ecrit, projection_ecrite) wraps like text.
    for (const auto& l : t.lignes) {
      if (l.actuel_ecrit) o.numeric[2] = false;
      for (std::size_t k = 0; k < years.size(); ++k)
        if (l.projection_ecrite.count(years[k])) o.numeric[3 + k] = false;
    }
    for (const auto& l : t.lignes) {
      std::string label = l.libelle.value_or(std::string(label_of(l.mode)));
      if (l.unit() == OfferUnit::Etp) label += " (ETP)";
      // A figure the source leaves empty stays empty: never a dash, never a figure it did not write.
      auto figure = [](const std::optional<Decimal>& v) { return v ? fr::decimal(*v) : std::string(); };
      std::string row = anchor("offre-" + t.key() + "-" + l.id.value_or(std::string(key_of(l.mode))));
      std::vector<doc::Cell> r{row_header(label, row), cell(l.structures ? fr::integer(*l.structures) : "", true),
                               cell(l.actuel_ecrit.value_or(figure(l.actuel)), !l.actuel_ecrit, row + "-actuel")};
      for (int y : years) {
        auto it = l.projection.find(y);
        auto written = l.projection_ecrite.find(y);
        r.push_back(cell(written != l.projection_ecrite.end() ? written->second
                         : it == l.projection.end()           ? ""
                                                              : figure(it->second),
                         written == l.projection_ecrite.end(), fmt::format("{}-{}", row, y)));
      }
      o.rows.push_back(std::move(r));
    }
    out.push_back(table(std::move(o)));
    // Needs, projects and means, line by line.
    doc::Table n;
    n.caption = fmt::format("Besoins, projets et moyens – {}", name);
    n.head = {"Mode d’accueil", "Emplois et compétences", "Autres besoins", "Type de projets", "Coûts et calendriers prévisionnels",
              "Ingénierie et moyens"};
    for (const auto& l : t.lignes) {
      if (l.besoins_emplois.empty() && l.autres_besoins.empty() && l.investissements.empty() && l.ingenierie.empty() &&
          !l.remarque && !l.couts_calendriers)
        continue;
      std::vector<std::string> inv, costs;
      for (const auto& i : l.investissements) {
        // The type is said only when the object does not: never a stray « (autre) ».
        inv.push_back(i.type == InvestmentType::Autre ? i.objet : fmt::format("{} ({})", i.objet, label_of(i.type)));
        std::string c;
        if (i.cout) c = fmt::format("{}\u00A0€", fr::decimal(*i.cout));
        if (!i.annees.empty()) {
          std::vector<std::string> ys;
          for (int y : i.annees) ys.push_back(std::to_string(y));
          c += (c.empty() ? "" : ", ") + join_french(ys);
        }
        if (!c.empty()) costs.push_back(c);
      }
      if (l.couts_calendriers) costs.push_back(*l.couts_calendriers);
      std::vector<std::string> other = l.autres_besoins;
      if (l.remarque) other.push_back(*l.remarque);
      n.rows.push_back({row_header(l.libelle.value_or(std::string(label_of(l.mode)))),
                        cell(join(l.besoins_emplois, "\n")), cell(join(other, "\n")), cell(join(inv, "\n")),
                        cell(join(costs, "\n")), cell(join(l.ingenierie, "\n"))});
    }
    if (!n.rows.empty()) out.push_back(table(std::move(n)));
    if (t.remarque) out.push_back(paragraph(Line{Span{*t.remarque, Style::Emphasis}}));
    auto section = [&](const char* title, const std::vector<std::string>& items) {
      if (items.empty()) return;
      out.push_back(paragraph(Line{Span{title, Style::Strong}}));
      out.push_back(list(items));
    };
    section("Zones où l’offre est insuffisante ou difficile d’accès", t.zones_prioritaires);
    section("Accueil des enfants de familles en difficulté", t.familles_difficulte);
    section("Soutien à la qualité des modes d’accueil", t.soutien_qualite);
  }
}

static void plan(const Ctg& ctg, std::vector<Block>& out) {
  if (!ctg.plan_actions) return;
  const auto& pa = *ctg.plan_actions;
  const AnnexTitles none;
  const AnnexTitles& titles = pa.titres ? *pa.titres : none;
  if (pa.introduction) out.push_back(markdown(*pa.introduction));
  // The source's heading over the axes sits one level up, the axes under it.
  int axis_level = titles.axes ? 4 : 3;
  if (titles.axes && !pa.axes.empty()) out.push_back(heading(3, *titles.axes, "axes"));
  for (const auto& a : pa.axes) {
    out.push_back(heading(axis_level, a.numero ? fmt::format("{}. {}", *a.numero, a.titre) : a.titre, "axe-" + a.id));
    if (a.objectif) out.push_back(paragraph(concat({Line{Span{"Objectif :", Style::Strong}}, doc::plain(" " + *a.objectif)})));
    std::vector<std::string> items;
    for (const auto& i : a.actions) items.push_back(i.texte);
    // The label separates the objective from the actions: an axis without objective has none (« 7. Suivi »).
    if (!items.empty() && titles.actions && a.objectif) out.push_back(paragraph(Line{Span{*titles.actions, Style::Strong}}));
    if (!items.empty()) out.push_back(list(items));
  }
  if (!pa.calendrier.empty()) {
    out.push_back(heading(3, titles.calendrier.value_or("Calendrier"), "calendrier"));
    for (const auto& y : pa.calendrier) {
      out.push_back(heading(4, fmt::format("{} – {}", y.annee, y.titre), fmt::format("calendrier-{}", y.annee)));
      if (y.accroche) out.push_back(paragraph(Line{Span{*y.accroche, Style::Emphasis}}));
      if (!y.actions.empty()) {
        std::string md;
        for (const auto& a : y.actions) {
          // Each action is Markdown; a nested list inside it stays nested.
          std::string item = a;
          for (std::size_t p = 0; (p = item.find('\n', p)) != std::string::npos; p += 3) item.insert(p + 1, "  ");
          md += "- " + item + (item.empty() || item.back() != '\n' ? "\n" : "");
        }
        out.push_back(markdown(md));
      }
      if (y.objectif)
        out.push_back(paragraph(concat({Line{Span{y.intitule_objectif.value_or("Objectif :"), Style::Strong}},
                                        doc::plain(" " + *y.objectif)})));
    }
  }
}

void fiche(const ActionSheet& f, std::vector<Block>& out) {
  out.push_back(heading(3, fmt::format("Fiche action {} – {}", f.numero, f.titre), "fiche-" + f.id));
  auto labelled = [&](const char* label, const std::optional<std::string>& text, const char* key) {
    if (!text) return;
    out.push_back(paragraph(Line{Span{label, Style::Strong}}));
    out.push_back(with_id(markdown(*text), "fiche-" + f.id + "-" + key));
  };
  labelled("Objectif global", std::optional<std::string>(f.objectif_global), "objectif_global");
  if (!f.actions_cles.empty()) {
    out.push_back(paragraph(Line{Span{"Actions clés", Style::Strong}}));
    Block b;
    b.kind = Kind::List;
    for (const auto& a : f.actions_cles) {
      b.items.push_back(concat({Line{Span{a.id, Style::Strong}}, doc::plain(" " + a.texte)}));
      b.item_ids.push_back(anchor("action-" + f.id + "-" + a.id));
    }
    out.push_back(std::move(b));
  }
  labelled("Résultat attendu", f.resultat_attendu, "resultat_attendu");
  labelled("Public cible", f.public_cible, "public_cible");
  labelled("Territoire concerné", f.territoire, "territoire");
  if (!f.partenaires.empty()) {
    out.push_back(paragraph(Line{Span{"Partenaires associés", Style::Strong}}));
    out.push_back(list(f.partenaires));
  }
  if (!f.indicateurs.empty()) {
    out.push_back(paragraph(Line{Span{"Indicateurs", Style::Strong}}));
    out.push_back(list(f.indicateurs));
  }
}

void annexe3(const Ctg& ctg, std::vector<Block>& out) {
  out.push_back(page_break());
  const AnnexTitles* titles = ctg.plan_actions && ctg.plan_actions->titres ? &*ctg.plan_actions->titres : nullptr;
  out.push_back(heading(2, "Annexe 3 – " + (titles && titles->annexe ? *titles->annexe
                                                                    : "Plan d’actions et moyens mobilisés par chaque signataire"),
                        "annexe-3"));
  plan(ctg, out);
  ao_table(ctg, out);
  offer_tables(ctg, out);
  if (!ctg.fiches_action.empty()) {
    out.push_back(heading(3, "Fiches action", "fiches-action"));
    for (const auto& f : ctg.fiches_action) fiche(f, out);
  }
}

void annexe4(const Ctg& ctg, std::vector<Block>& out) {
  out.push_back(page_break());
  out.push_back(heading(2, "Annexe 4 – Modalités de pilotage stratégique et opérationnel et suivi de la CTG", "annexe-4"));
  if (!ctg.pilotage) return;
  // The instances are structured for the tools; printed as a table only when the text does not describe them.
  if (!ctg.pilotage->instances.empty() && !ctg.pilotage->texte) {
    doc::Table t;
    t.caption = "Instances de pilotage";
    t.head = {"Instance", "Rôle", "Composition", "Fréquence"};
    for (const auto& b : ctg.pilotage->instances)
      t.rows.push_back({row_header(b.nom), cell(b.role.value_or("")), cell(b.composition.value_or("")),
                        cell(b.frequence.value_or(""))});
    out.push_back(table(std::move(t)));
  }
  if (ctg.pilotage->texte) out.push_back(markdown(*ctg.pilotage->texte));
}

void annexe5(const Ctg& ctg, std::vector<Block>& out) {
  out.push_back(page_break());
  out.push_back(heading(2, "Annexe 5 – Décisions des conseils", "annexe-5"));
  doc::Table t;
  t.caption = "Délibérations autorisant la signature";
  t.head = {"Signataire", "Instance", "Date", "Numéro", "Objet"};
  for (const auto& p : ctg.parties) {
    if (!p.deliberation) continue;
    t.rows.push_back({row_header(format::naming::title(p)), cell(p.deliberation->instance),
                      doc::Cell{date_or_blank(p.deliberation->date), false, false},
                      cell(p.deliberation->numero.value_or("")), cell(p.deliberation->objet.value_or(""))});
  }
  // No empty column: « Numéro » and « Objet » only when one is given.
  for (std::size_t col = t.head.size(); col-- > 3;) {
    bool any = std::any_of(t.rows.begin(), t.rows.end(), [&](const auto& r) { return !r[col].content.front().text.empty(); });
    if (any) continue;
    t.head.erase(t.head.begin() + static_cast<long>(col));
    for (auto& r : t.rows) r.erase(r.begin() + static_cast<long>(col));
  }
  if (!t.rows.empty()) out.push_back(table(std::move(t)));
  if (ctg.decisions_conseils && ctg.decisions_conseils->texte) out.push_back(markdown(*ctg.decisions_conseils->texte));
}

// The early-childhood section of the diagnostic's Markdown: from a heading
// that names « petite enfance » to the next heading of the same level or above.
static std::string early_childhood_section(const std::string& md) {
  std::string lower;
  for (char c : md) lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  std::size_t pos = 0;
  while ((pos = lower.find("petite enfance", pos)) != std::string::npos) {
    std::size_t line = lower.rfind('\n', pos);
    line = line == std::string::npos ? 0 : line + 1;
    if (lower[line] == '#') {
      std::size_t level = lower.find_first_not_of('#', line) - line;
      std::size_t end = line;
      while ((end = lower.find("\n#", end + 1)) != std::string::npos) {
        std::size_t l2 = lower.find_first_not_of('#', end + 1) - (end + 1);
        if (l2 <= level) break;
      }
      return md.substr(line, end == std::string::npos ? std::string::npos : end + 1 - line);
    }
    ++pos;
  }
  return {};
}

static bool mentions_early_childhood(const std::string& s) {
  std::string l;
  for (char c : s) l.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  return l.find("petite enfance") != std::string::npos;
}

void petite_enfance(const Ctg& ctg, std::vector<Block>& out) {
  out.push_back(heading(2, "Volet petite enfance", "petite-enfance"));
  out.push_back(paragraph(doc::plain(
      "Éléments de la convention transmis au comité départemental des services aux familles : diagnostic de la petite "
      "enfance, autorités organisatrices, offre actuelle et projetée et fiches action liées (art. L214-2 CASF). Les "
      "taux de couverture calculés à partir de ces tableaux figurent dans le document d’analyse qui accompagne la "
      "convention.")));
  if (ctg.diagnostic) {
    out.push_back(heading(3, "Diagnostic de la petite enfance", "diagnostic-petite-enfance"));
    std::string section = early_childhood_section(ctg.diagnostic->texte);
    if (!section.empty()) out.push_back(markdown(section));
  }
  ao_table(ctg, out);
  offer_tables(ctg, out);
  std::vector<const ActionSheet*> related;
  for (const auto& f : ctg.fiches_action) {
    bool axis_related = false;
    if (ctg.plan_actions && f.axe)
      for (const auto& a : ctg.plan_actions->axes)
        if (a.id == *f.axe && mentions_early_childhood(a.titre)) axis_related = true;
    if (mentions_early_childhood(f.titre) || axis_related) related.push_back(&f);
  }
  if (!related.empty()) {
    out.push_back(heading(3, "Fiches action liées", "fiches-petite-enfance"));
    for (const ActionSheet* f : related) fiche(*f, out);
  }
}

}  // namespace ctg::render::parts
