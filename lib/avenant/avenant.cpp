// SPDX-License-Identifier: EUPL-1.2
#include "avenant/avenant.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <regex>

#include "avenant/clauses.hpp"
#include "coverage/coverage.hpp"
#include "format/designation.hpp"
#include "render/render.hpp"
#include "render/blocks.hpp"
#include "render/parts.hpp"
#include "base/text.hpp"

namespace ctg::avenant {

namespace {

// The part of the convention a section belongs to, as an avenant names it.
struct Part {
  int order;
  std::string name;   // « l'annexe 3 »
  std::string title;  // « Modification de l'annexe 3 »
};

// « La convention est modifiée », « L'annexe 3 est modifiée »: every part named is feminine singular.

Part part_of(const std::string& section) {
  static const std::map<std::string, Part> parts{
      {"convention", {0, "la convention", "Modification de la convention"}},
      {"parties", {0, "la convention", "Modification de la convention"}},
      {"visas", {0, "la convention", "Modification de la convention"}},
      {"preambule", {0, "la convention", "Modification de la convention"}},
      {"articles", {0, "la convention", "Modification de la convention"}},
      {"diagnostic", {1, "l'annexe 1 (diagnostic partagé)", "Modification de l'annexe 1"}},
      {"equipements", {2, "l'annexe 2 (équipements et services soutenus)", "Modification de l'annexe 2"}},
      {"autorites_organisatrices", {3, "l'annexe 3 (plan d'actions)", "Modification de l'annexe 3"}},
      {"offre_petite_enfance", {3, "l'annexe 3 (plan d'actions)", "Modification de l'annexe 3"}},
      {"donnees_couverture", {3, "l'annexe 3 (plan d'actions)", "Modification de l'annexe 3"}},
      {"plan_actions", {3, "l'annexe 3 (plan d'actions)", "Modification de l'annexe 3"}},
      {"fiches_action", {3, "l'annexe 3 (plan d'actions)", "Modification de l'annexe 3"}},
      {"pilotage", {5, "l'annexe 4 (pilotage)", "Modification de l'annexe 4"}},
      {"decisions_conseils", {6, "l'annexe 5 (décisions des conseils)", "Modification de l'annexe 5"}}};
  auto it = parts.find(section);
  return it == parts.end() ? Part{7, section, "Modification de " + section} : it->second;
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  else if (s.rfind("à", 0) == 0) s.replace(0, 2, "À");
  else if (s.rfind("é", 0) == 0) s.replace(0, 2, "É");
  return s;
}

// « Convention territoriale globale » → « convention territoriale globale », but « CTG » stays.
std::string lowered(const std::string& title) {
  if (title.empty()) return "convention territoriale globale";
  std::string t = title;
  if (t.size() > 1 && t[0] >= 'A' && t[0] <= 'Z' && t[1] >= 'a' && t[1] <= 'z') t[0] = static_cast<char>(t[0] - 'A' + 'a');
  return t;
}

render::doc::Block heading(int level, std::string text, std::string id) {
  render::doc::Block b;
  b.kind = render::doc::Kind::Heading;
  b.level = level;
  b.id = std::move(id);
  b.line = render::doc::plain(std::move(text));
  return b;
}

render::doc::Block paragraph(render::doc::Line l) {
  render::doc::Block b;
  b.kind = render::doc::Kind::Paragraph;
  b.line = std::move(l);
  return b;
}

bool signature_only(const diff::Change& c) {
  return c.path == "convention.lieu_signature" || c.path == "convention.date_signature";
}

}  // namespace

bool amends(const diff::Result& changes) {
  return std::any_of(changes.changes.begin(), changes.changes.end(),
                     [](const diff::Change& c) { return !signature_only(c); });
}

namespace {

// « articles[article-6].texte » → « article-6 ».
std::string id_in(const std::string& path, const std::string& list) {
  if (path.rfind(list + "[", 0) != 0) return {};
  auto end = path.find(']', list.size() + 1);
  return end == std::string::npos ? std::string() : path.substr(list.size() + 1, end - list.size() - 1);
}

const Article* find_article(const Ctg& ctg, const std::string& id) {
  for (const auto& a : ctg.articles)
    if (a.id == id) return &a;
  return nullptr;
}

const ActionSheet* find_fiche(const Ctg& ctg, const std::string& id) {
  for (const auto& f : ctg.fiches_action)
    if (f.id == id) return &f;
  return nullptr;
}

bool early_childhood(const std::string& section) {
  return section == "autorites_organisatrices" || section == "offre_petite_enfance" || section == "donnees_couverture";
}

render::doc::Block bullet_list(std::vector<render::doc::Line> items) {
  render::doc::Block b;
  b.kind = render::doc::Kind::List;
  b.items = std::move(items);
  return b;
}

void quote(const std::string& text, std::vector<render::doc::Block>& out) {
  render::doc::Block q;
  q.kind = render::doc::Kind::Markdown;
  for (std::size_t pos = 0; pos <= text.size();) {
    auto nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    q.markdown += "> " + text.substr(pos, nl - pos) + "\n";
    pos = nl + 1;
  }
  out.push_back(std::move(q));
}

}  // namespace

namespace {

// The date the avenant takes effect: given, else the first date a transfer takes effect.
std::optional<Date> effect_date(const std::vector<TransferClause>& moved, const std::optional<Date>& effect) {
  std::optional<Date> when = effect;
  for (const auto& t : moved)
    if (!when && t.transfer && t.transfer->depuis) when = t.transfer->depuis;
  return when;
}

// « 31 décembre 2030 » in an article's text, whatever its spaces (plain,
// non-breaking, a line break): a regex on the UTF-8 bytes.
std::regex date_in_text(const Date& d) {
  static constexpr std::array<const char*, 12> months{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                                                      "août", "septembre", "octobre", "novembre", "décembre"};
  const std::string space = "(?:\\s|\xC2\xA0|\xE2\x80\xAF)+";
  std::string day = d.day == 1 ? "1(?:er)?" : std::to_string(d.day);
  return std::regex("(^|[^0-9])" + day + space + months[static_cast<std::size_t>(std::clamp(d.month, 1, 12) - 1)] +
                    space + std::to_string(d.year) + "(?![0-9])");
}

// convention.debut and convention.fin are data, not clauses: the article that states the date is amended instead.
bool date_field(const diff::Change& c) { return c.path == "convention.debut" || c.path == "convention.fin"; }

// The articles the avenant amends for a changed date of the convention, as
// amended: an article the new version already rewrites is left to its own
// change; one that still states the old date gets the new one in its alinéa.
std::vector<Article> dated_articles(const Ctg& before, const Ctg& after, const diff::Result& changes) {
  std::vector<Article> out;
  auto rewritten = [&](const std::string& id) {
    return std::any_of(changes.changes.begin(), changes.changes.end(), [&](const diff::Change& c) {
      return c.code == "article-modifie" && id_in(c.path, "articles") == id;
    });
  };
  std::vector<std::pair<Date, Date>> moved;
  if (before.convention.debut != after.convention.debut) moved.emplace_back(before.convention.debut, after.convention.debut);
  if (before.convention.fin != after.convention.fin) moved.emplace_back(before.convention.fin, after.convention.fin);
  for (const auto& [old_date, new_date] : moved) {
    std::regex was = date_in_text(old_date);
    for (const auto& a : after.articles) {
      if (!std::regex_search(a.texte, was) || rewritten(a.id)) continue;
      auto known = std::find_if(out.begin(), out.end(), [&](const Article& x) { return x.id == a.id; });
      Article& amended = known == out.end() ? out.emplace_back(a) : *known;
      std::smatch m;
      std::string rest = amended.texte, text;
      while (std::regex_search(rest, m, was)) {
        text += m.prefix().str() + m[1].str() + to_french_long(new_date);
        rest = m.suffix().str();
      }
      amended.texte = text + rest;
    }
  }
  return out;
}

// Whether the new date of a date field is written in an article the avenant amends.
bool stated(const Ctg& after, const std::vector<Article>& dated, const diff::Change& c) {
  auto when = c.after ? parse_iso_date(*c.after) : std::nullopt;
  if (!when) return false;
  std::regex now = date_in_text(*when);
  auto says = [&](const Article& a) { return std::regex_search(a.texte, now); };
  return std::any_of(dated.begin(), dated.end(), says) || std::any_of(after.articles.begin(), after.articles.end(), says);
}

// The communes that hand over 3° (planifier) in this avenant.
std::vector<const TransferClause*> planning_moved(const std::vector<TransferClause>& moved) {
  std::vector<const TransferClause*> out;
  for (const auto& t : moved)
    if (t.commune && std::find(t.competences.begin(), t.competences.end(), Competence::Planifier) != t.competences.end())
      out.push_back(&t);
  return out;
}

// « offre_petite_enfance[les-mees] »: the offer table of a commune, as ctg diff names it.
std::string offer_path(const TransferClause& t) { return "offre_petite_enfance[" + t.commune->id + "]"; }

// An offer table removed because its commune hands over 3° (planifier): the transfer article says it.
bool leaves_with_transfer(const diff::Change& c, const std::vector<TransferClause>& moved) {
  if (c.code != "entree-retiree") return false;
  auto planners = planning_moved(moved);
  return std::any_of(planners.begin(), planners.end(), [&](const TransferClause* t) { return c.path == offer_path(*t); });
}


// The Caf's own authorisation, as the convention's visas state it (« Vu la
// délibération du conseil d’administration de la Caf … »), when the Caf's
// signatories are authorised without a deliberation of their own.
std::vector<const Visa*> caf_board_visas(const Ctg& convention) {
  std::vector<const Visa*> out;
  for (const auto& v : convention.visas)
    if (v.texte.find("conseil d’administration") != std::string::npos ||
        v.texte.find("conseil d'administration") != std::string::npos)
      out.push_back(&v);
  return out;
}

// The article on the CDSF: who sends the amended early-childhood part, as the convention's own article says.
std::string cdsf_clause(const Ctg& before) {
  std::string stands = "Le volet de la convention relatif à l'accueil du jeune enfant, tel que modifié par le présent "
                       "avenant, tient lieu de schéma pluriannuel de maintien et de développement de l'offre d'accueil "
                       "du jeune enfant. ";
  auto sender = cdsf_sender(before);
  if (!sender)
    return stands + "Conformément à l'article L214-2 II du code de l'action sociale et des familles, il est transmis au "
                    "comité départemental des services aux familles dans le mois qui suit la signature du présent avenant.";
  return stands + fmt::format("Conformément à l'article L214-2 II du code de l'action sociale et des familles et à "
                              "l'article {} de la convention, {} le transmet au comité départemental des services aux "
                              "familles{}, dans le mois qui suit la signature du présent avenant.",
                              sender->article, sender->who, sender->condition.empty() ? "" : ", " + sender->condition);
}

}  // namespace


Diagnostics incoherences(const Ctg& before, const Ctg& after) {
  Diagnostics out;
  auto moved = transfers(before, after);
  for (const TransferClause* t : planning_moved(moved))
    for (const auto& table : after.offre_petite_enfance)
      if (table.ao == t->commune->id)
        out.error("OFF-2", table.at("ao"),
                  fmt::format("{} transfère la compétence 3° (planifier) à {}, mais la nouvelle version garde son "
                              "tableau d'offre petite enfance : l'avenant laisserait à l'annexe 3 une offre que la "
                              "commune ne planifie plus",
                              capitalised(t->commune_name), format::naming::designation(*t->epci)),
                  fmt::format("retirez ce tableau de la nouvelle version (l'avenant le supprimera de l'annexe 3) et "
                              "reportez ses lignes dans le tableau de {} si elles restent prévues",
                              format::naming::designation(*t->epci)));
  return out;
}

Blockers signature_blockers(const Ctg& before, const Ctg& after, const std::optional<Date>& effect,
                            const std::optional<Date>& original_signature) {
  Blockers out;
  out.after = render::signature_blockers(after, coverage::compute(after));
  const auto& cv = before.convention;
  if (!cv.date_signature && !original_signature)
    out.before.error("SIG-1", cv.has("date_signature") ? cv.at("date_signature") : cv.at("fin"),
                     "date de signature de la convention d'origine inconnue : le visa de l'avenant la cite",
                     "renseignez convention › date_signature dans l'ancienne version, ou donnez-la par "
                     "--signature-convention AAAA-MM-JJ");
  if (!effect_date(transfers(before, after), effect))
    out.after.error("AVENANT", Loc{}, "date de prise d'effet de l'avenant inconnue : aucun transfert ne la donne",
                    "ajoutez --prise-effet AAAA-MM-JJ");
  return out;
}

// Why one long function: the avenant is one document in the order a juriste reads it (parties, visas,
// considérants, articles, signatures), its sections sharing the changes sorted once.
render::doc::Document build(const Ctg& before, const Ctg& after, const diff::Result& changes, int number,
                    const std::optional<Date>& effect, bool draft, const std::optional<Date>& original_signature) {
  render::doc::Document d;
  const auto& cv = after.convention;
  d.title = fmt::format("Avenant n° {} à la {}", number, lowered(cv.titre));
  d.subtitle = fmt::format("{} – {}-{}", cv.territoire, cv.debut.year, cv.fin.year);
  d.draft = draft;
  auto& out = d.blocks;
  // Every party to the convention is party to the avenant, those who leave it too.
  Ctg signing = after;
  signing.convention.lieu_signature.reset();
  signing.convention.date_signature.reset();
  for (const auto& p : before.parties)
    if (!after.party(p.id)) signing.parties.push_back(p);
  for (const auto& p : signing.parties) d.signatories.push_back(format::naming::title(p));
  render::parties_section(signing, out, "le présent avenant");

  // What changed, sorted into the clauses a legal officer writes.
  auto moved = transfers(before, after);
  std::vector<const diff::Change*> articles, fiches, others, gone;  // gone: offer tables of communes that no longer plan
  bool cdsf = !moved.empty();
  std::vector<Article> dated = dated_articles(before, after, changes);  // the articles that state a changed date
  for (const auto& c : changes.changes) {
    if (signature_only(c) || (date_field(c) && stated(after, dated, c))) continue;
    if (early_childhood(c.section)) cdsf = true;
    if (c.section == "autorites_organisatrices" && !moved.empty()) continue;  // restated by the transfer article
    if (leaves_with_transfer(c, moved)) {
      gone.push_back(&c);
      continue;
    }
    if (c.code == "article-modifie" && id_in(c.path, "articles").size() && find_article(after, id_in(c.path, "articles")))
      articles.push_back(&c);
    else if (c.code == "fiche-ajoutee") fiches.push_back(&c);
    else others.push_back(&c);
  }

  // Visas: the convention, its article on amendments, the law, the deliberations.
  std::vector<render::doc::Line> visas;
  const auto& old_cv = before.convention;
  render::doc::Line convention_visa = render::doc::plain(fmt::format("Vu la {} {} {}-{}, signée le ", lowered(old_cv.titre),
                                                     old_cv.territoire, old_cv.debut.year, old_cv.fin.year));
  std::optional<Date> signed_on = old_cv.date_signature ? old_cv.date_signature : original_signature;
  if (signed_on) convention_visa.push_back({to_french_long(*signed_on)});
  else convention_visa.push_back({"À REMPLIR", render::doc::Style::Blank});
  convention_visa.push_back({" ;"});
  visas.push_back(convention_visa);
  const Article* amendments = nullptr;
  for (const auto& a : before.articles)
    if (!amendments && a.titre.find("xécution") != std::string::npos) amendments = &a;
  for (const auto& a : before.articles)
    if (!amendments && a.texte.find("avenant") != std::string::npos) amendments = &a;
  if (amendments)
    visas.push_back(render::doc::plain(fmt::format("Vu l'article {} de la convention, qui prévoit que toute modification fait "
                                           "l'objet d'un avenant ;", amendments->numero)));
  if (!moved.empty())
    visas.push_back(render::doc::plain("Vu le code général des collectivités territoriales, notamment son article L5211-17 ;"));
  if (cdsf)
    visas.push_back(render::doc::plain("Vu le code de l'action sociale et des familles, notamment ses articles L214-1-3 et "
                               "L214-2 ;"));
  for (const auto& t : moved)
    for (auto& v : transfer_visas(t)) visas.push_back(std::move(v));
  for (const auto& p : signing.parties)
    if (p.deliberation) visas.push_back(render::deliberation_visa(p, " autorisant la signature du présent avenant ;"));
    else if (p.type == PartyType::Caf)
      for (const Visa* v : caf_board_visas(before)) visas.push_back(render::doc::plain(v->texte));
  out.push_back(heading(2, "Visas", "visas"));
  out.push_back(bullet_list(std::move(visas)));

  // Considérants: why the avenant is made.
  std::vector<render::doc::Line> recitals;
  for (const auto& t : moved) recitals.push_back(render::doc::plain(transfer_recital(t)));
  for (const Article& a : dated)
    recitals.push_back(render::doc::plain(fmt::format("Considérant qu'il y a lieu de modifier l'article {} « {} » de la "
                                              "convention ;", a.numero, a.titre)));
  for (const diff::Change* c : articles) {
    const Article* a = find_article(after, id_in(c->path, "articles"));
    recitals.push_back(render::doc::plain(fmt::format("Considérant qu'il y a lieu de modifier l'article {} « {} » de la "
                                              "convention ;", a->numero, a->titre)));
  }
  for (const diff::Change* c : fiches) {
    const ActionSheet* f = find_fiche(after, id_in(c->path, "fiches_action"));
    if (f)
      recitals.push_back(render::doc::plain(fmt::format("Considérant que les signataires ont décidé d'ajouter au plan "
                                                "d'actions la fiche action {} « {} » ;", f->numero, f->titre)));
  }
  std::map<int, std::vector<const diff::Change*>> by_part;
  for (const diff::Change* c : others) by_part[part_of(c->section).order].push_back(c);
  for (const auto& [order, cs] : by_part)
    recitals.push_back(render::doc::plain(fmt::format("Considérant les modifications à apporter à {} ;",
                                              part_of(cs.front()->section).name)));
  recitals.push_back(render::doc::plain("Considérant qu'il convient de constater ces modifications par le présent avenant,"));
  out.push_back(heading(2, "Considérants", "considerants"));
  out.push_back(bullet_list(std::move(recitals)));
  render::formula_section(after, out);

  int article = 1;
  auto next_article = [&](const std::string& title) {
    out.push_back(heading(2, fmt::format("Article {} – {}", article, title), fmt::format("article-{}", article)));
    ++article;
  };
  for (const auto& t : moved) {
    next_article("Transfert de compétence");
    transfer_article(t, out);
  }
  if (!moved.empty()) {
    out.push_back(paragraph(render::doc::plain("Le tableau des autorités organisatrices de l'accueil du jeune enfant de "
                                       "l'annexe 3 est remplacé par le tableau suivant :")));
    std::vector<render::doc::Block> table;
    render::parts::ao_table(after, table);
    for (auto& b : table)
      if (b.kind != render::doc::Kind::Heading) out.push_back(std::move(b));
  }
  for (const TransferClause* t : planning_moved(moved))
    if (std::any_of(gone.begin(), gone.end(), [&](const diff::Change* c) { return c->path == offer_path(*t); }))
      out.push_back(paragraph(render::doc::plain(fmt::format(
          "Le tableau de l'offre d'accueil du jeune enfant de {} est supprimé de l'annexe 3 : la planification de "
          "cette offre relève désormais de {}.", t->commune_name, format::naming::designation(*t->epci)))));
  for (const Article& a : dated) {
    next_article(fmt::format("Modification de l'article {}", a.numero));
    if (const Article* b = find_article(before, a.id)) article_change(*b, a, out);
  }
  for (const diff::Change* c : articles) {
    std::string id = id_in(c->path, "articles");
    const Article* a = find_article(after, id);
    const Article* b = find_article(before, id);
    next_article(fmt::format("Modification de l'article {}", a->numero));
    if (b) article_change(*b, *a, out);
  }
  for (const diff::Change* c : fiches) {
    const ActionSheet* f = find_fiche(after, id_in(c->path, "fiches_action"));
    if (!f) continue;
    next_article(fmt::format("Ajout de la fiche action {}", f->numero));
    out.push_back(paragraph(render::doc::plain("L'annexe 3 (plan d'actions) est complétée par la fiche action suivante :")));
    std::vector<render::doc::Block> sheet;
    render::parts::fiche(*f, sheet);
    for (auto& b : sheet) {
      if (b.kind == render::doc::Kind::Heading) b.level = 3;
      out.push_back(std::move(b));
    }
  }
  for (const auto& [order, cs] : by_part) {
    Part p = part_of(cs.front()->section);
    next_article(p.title);
    out.push_back(paragraph(render::doc::plain(fmt::format("{} est modifiée comme suit :", capitalised(p.name)))));
    std::vector<render::doc::Line> items;
    for (std::size_t i = 0; i < cs.size(); ++i) {
      bool last = i + 1 == cs.size();
      const std::string& legal = cs[i]->legal;
      bool introduces = !legal.empty() && legal.back() == ':';
      items.push_back(render::doc::plain(capitalised(legal) + (introduces ? "" : last ? "." : " ;")));
      if (cs[i]->content) {
        out.push_back(bullet_list(std::move(items)));
        items.clear();
        quote(*cs[i]->content, out);
      }
    }
    if (!items.empty()) out.push_back(bullet_list(std::move(items)));
  }
  if (cdsf) {
    next_article("Transmission au comité départemental des services aux familles");
    out.push_back(paragraph(render::doc::plain(cdsf_clause(before))));
  }
  next_article("Autres stipulations");
  out.push_back(paragraph(render::doc::plain("Les autres stipulations de la convention d'origine et de ses annexes, non "
                                     "modifiées par le présent avenant, demeurent inchangées et applicables.")));
  next_article("Prise d'effet");
  std::optional<Date> when = effect_date(moved, effect);  // else a blank to fill in
  out.push_back(paragraph(render::blocks::concat(
      {render::doc::plain("Le présent avenant prend effet à compter du "), render::blocks::date_or_blank(when),
       render::doc::plain(", ou à la date de la dernière signature des parties si elle est postérieure. Il fait partie "
                          "intégrante de la convention.")})));
  out.push_back(render::blocks::page_break());
  out.push_back(heading(2, "Signatures", "signatures"));
  render::signatures_section(signing, out);
  return d;
}

}  // namespace ctg::avenant
