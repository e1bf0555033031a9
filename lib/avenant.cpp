#include "avenant.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "render.hpp"
#include "text.hpp"

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

doc::Block heading(int level, std::string text, std::string id) {
  doc::Block b;
  b.kind = doc::Kind::Heading;
  b.level = level;
  b.id = std::move(id);
  b.line = doc::plain(std::move(text));
  return b;
}

doc::Block paragraph(doc::Line l) {
  doc::Block b;
  b.kind = doc::Kind::Paragraph;
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

doc::Document build(const Ctg& before, const Ctg& after, const diff::Result& changes, int number) {
  doc::Document d;
  const auto& cv = after.convention;
  d.title = fmt::format("Avenant n° {} à la {}", number, lowered(cv.titre));
  d.subtitle = fmt::format("{} – {}-{}", cv.territoire, cv.debut.year, cv.fin.year);
  d.draft = true;
  auto& out = d.blocks;
  // Every party to the convention is party to the avenant, those who leave it too.
  Ctg signing = after;
  signing.convention.lieu_signature.reset();
  signing.convention.date_signature.reset();
  for (const auto& p : before.parties)
    if (!after.party(p.id)) signing.parties.push_back(p);
  render::parties_section(signing, out, "le présent avenant");

  out.push_back(heading(2, "Visas", "visas"));
  doc::Block visas;
  visas.kind = doc::Kind::List;
  const auto& old_cv = before.convention;
  doc::Line convention_visa = doc::plain(fmt::format("Vu la {} {} {}-{}, signée le ", lowered(old_cv.titre),
                                                     old_cv.territoire, old_cv.debut.year, old_cv.fin.year));
  if (old_cv.date_signature) convention_visa.push_back({to_french_long(*old_cv.date_signature)});
  else convention_visa.push_back({"………………………", doc::Style::Blank});
  convention_visa.push_back({" ;"});
  visas.items.push_back(convention_visa);
  // The article on amendments: « Exécution formelle » in the model CTG, else the first to speak of avenants.
  const Article* amendments = nullptr;
  for (const auto& a : before.articles)
    if (!amendments && a.titre.find("xécution") != std::string::npos) amendments = &a;
  for (const auto& a : before.articles)
    if (!amendments && a.texte.find("avenant") != std::string::npos) amendments = &a;
  for (const Article* a : {amendments})
    if (a) {
      visas.items.push_back(doc::plain(fmt::format("Vu l'article {} de la convention, qui prévoit que toute modification "
                                                   "fait l'objet d'un avenant ;", a->numero)));
    }
  for (const auto& p : signing.parties) {
    if (!p.deliberation) continue;
    visas.items.push_back(doc::Line{{fmt::format("Vu la délibération du {} {} en date du ", p.deliberation->instance,
                                                 render::commune_of_designation(render::designation_of(p)))},
                                    {"………………………", doc::Style::Blank},
                                    {" autorisant la signature du présent avenant ;"}});
  }
  out.push_back(std::move(visas));

  // One article per modified part, in the convention's order. The place and
  // date of signature of the convention are not amended: they are its own.
  std::map<int, std::vector<const diff::Change*>> by_part;
  for (const auto& c : changes.changes) {
    if (signature_only(c)) continue;
    by_part[part_of(c.section).order].push_back(&c);
  }
  int article = 1;
  for (const auto& [order, cs] : by_part) {
    Part p = part_of(cs.front()->section);
    out.push_back(heading(2, fmt::format("Article {} – {}", article, p.title), fmt::format("article-{}", article)));
    out.push_back(paragraph(doc::plain(fmt::format("{} est modifiée comme suit :", capitalised(p.name)))));
    doc::Block list;
    list.kind = doc::Kind::List;
    for (std::size_t i = 0; i < cs.size(); ++i) {
      bool last = i + 1 == cs.size();
      const std::string& legal = cs[i]->legal;
      bool introduces = !legal.empty() && legal.back() == ':';
      list.items.push_back(doc::plain(capitalised(legal) + (introduces ? "" : last ? "." : " ;")));
      if (cs[i]->content) {
        // The new text itself, quoted as written (its Markdown kept).
        out.push_back(std::move(list));
        list = doc::Block{};
        list.kind = doc::Kind::List;
        doc::Block quote;
        quote.kind = doc::Kind::Markdown;
        std::string q;
        for (std::size_t pos = 0; pos <= cs[i]->content->size();) {
          auto nl = cs[i]->content->find('\n', pos);
          if (nl == std::string::npos) nl = cs[i]->content->size();
          q += "> " + cs[i]->content->substr(pos, nl - pos) + "\n";
          pos = nl + 1;
        }
        quote.markdown = q;
        out.push_back(std::move(quote));
      }
    }
    if (!list.items.empty()) out.push_back(std::move(list));
    ++article;
  }
  out.push_back(heading(2, fmt::format("Article {} – Autres stipulations", article), fmt::format("article-{}", article)));
  out.push_back(paragraph(doc::plain("Les autres stipulations de la convention d'origine et de ses annexes, non "
                                     "modifiées par le présent avenant, demeurent inchangées et applicables.")));
  ++article;
  out.push_back(heading(2, fmt::format("Article {} – Prise d'effet", article), fmt::format("article-{}", article)));
  out.push_back(paragraph(doc::plain("Le présent avenant prend effet à la date de sa signature par l'ensemble des "
                                     "parties. Il fait partie intégrante de la convention.")));
  out.push_back(heading(2, "Signatures", "signatures"));
  // Signed on its own date and place, blank until then.
  render::signatures_section(signing, out);
  return d;
}

}  // namespace ctg::avenant
