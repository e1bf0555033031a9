// SPDX-License-Identifier: EUPL-1.2
#include "init/init.hpp"

#include <fmt/format.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "base/atomic_file.hpp"
#include "base/paths.hpp"
#include "format/designation.hpp"
#include "format/format.hpp"
#include "base/french.hpp"
#include "format/loader.hpp"
#include "referentiel/lookup.hpp"
#include "base/text.hpp"

namespace ctg::init {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view modeline = "# yaml-language-server: $schema=ctg.schema.json\n";

// A YAML double-quoted scalar: any text is safe in it.
std::string yaml_quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') out += "\\n";
    else out += c;
  }
  return out + "\"";
}

// A YAML literal block (« | ») at `indent` spaces.
std::string block(std::string_view text, int indent) {
  std::string pad(indent, ' ');
  std::string out = "|\n";
  std::size_t start = 0;
  while (start <= text.size()) {
    auto nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    out += line.empty() ? "\n" : pad + std::string(line) + "\n";
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  while (out.size() > 2 && out.ends_with("\n\n")) out.pop_back();
  return out;
}

// One pass, into a new string: replacing in place moved the rest of the text
// at each occurrence (a 1,6 MB model took 20 s).
std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  std::size_t at = from.empty() ? std::string::npos : s.find(from);
  if (at == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  std::size_t done = 0;
  for (; at != std::string::npos; at = s.find(from, done)) {
    out.append(s, done, at - done).append(to);
    done = at + from.size();
  }
  return out.append(s, done);
}

// « Château-Arnoux-Saint-Auban » → « chateau-arnoux-saint-auban »
std::string slug(std::string_view name) {
  std::string f = referentiel::fold(name);
  std::replace(f.begin(), f.end(), ' ', '-');
  return f.empty() ? "partie" : f;
}

struct Member {
  std::string code, nom, id;
  std::optional<std::int64_t> totale;
};

std::string population(std::int64_t value, int millesime, const std::string& source) {
  return fmt::format("{{ valeur: {}, nature: totale, millesime: {}, source: {} }}", value, millesime,
                     yaml_quoted(source));
}

// The legal status of a commune's population, as a comment of the AO table.
std::string status_comment(std::optional<std::int64_t> totale, int millesime) {
  if (!totale) return "population totale inconnue : obligations à établir";
  return fmt::format("{} habitants (population totale, millésime {}) : {}", fr::integer(*totale),
                     millesime, referentiel::legal_status(*totale));
}

std::string competences_line(std::optional<std::int64_t> totale) {
  bool above = totale && *totale > 3500;
  return fmt::format("{{ recenser: exercee, informer: exercee, planifier: {}, qualite: {} }}",
                     above ? "exercee" : "sans_objet", above ? "exercee" : "sans_objet");
}

// What the files are made of: the EPCI, its signing members, the millésimes
// and the model, found in the referential before any file is written.
struct Plan {
  int geo_m = 0, tot_m = 0;  // millésimes of the composition and of the populations totales
  std::string tot_source;    // where the populations totales come from, for the source: of each figure
  std::string tot_imported;  // « Insee, populations légales M, importées le … » (ctg referentiel --importer), or empty
  const referentiel::Year* tot = nullptr;
  const referentiel::Epci* epci = nullptr;
  std::vector<Member> members;
  std::optional<LoadResult> model;
  std::string epci_id, territoire;
  Party epci_party;  // how the documents name the EPCI (format/designation.hpp)
};

LegalForm form_of(const referentiel::Epci& e) {
  return e.type == "CC"   ? LegalForm::CommunauteCommunes
         : e.type == "CA" ? LegalForm::CommunauteAgglomeration
         : e.type == "CU" ? LegalForm::CommunauteUrbaine
                          : LegalForm::Metropole;
}

// `what` (« le nom de la Caf (--caf) ») as a line of French text: not empty,
// valid UTF-8, no control character (CR, LF, ESC…): it is written in a YAML
// file that editors, PyYAML and ctg itself must read back unchanged.
std::string check_text(std::string_view value, std::string_view what, std::string_view example) {
  std::string_view trimmed = value;
  while (!trimmed.empty() && trimmed.front() == ' ') trimmed.remove_prefix(1);
  if (trimmed.empty()) return fmt::format("{} est vide ; donnez-le, par exemple {}", what, example);
  if (auto bad = find_invalid_utf8(value); bad != std::string_view::npos)
    return fmt::format("{} n'est pas du texte UTF-8 valide (octet 0x{:02X} en position {}) ; retapez-le", what,
                       static_cast<unsigned char>(value[bad]), utf8_length(value.substr(0, bad)) + 1);
  if (!is_printable(value) || value.find_first_of("\t\n\r") != std::string_view::npos) {
    std::size_t at = 0;  // the first control character, code point by code point (the text is valid UTF-8)
    while (at < value.size()) {
      auto c = static_cast<unsigned char>(value[at]);
      std::string_view cp = value.substr(at, c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4);
      if (!is_printable(cp) || cp == "\t" || cp == "\n" || cp == "\r") break;
      at += cp.size();
    }
    return fmt::format("{} contient un caractère de contrôle en position {} (retour à la ligne, tabulation, "
                       "échappement…) ; écrivez-le sur une ligne, sans caractère de contrôle",
                       what, utf8_length(value.substr(0, at)) + 1);
  }
  return {};
}

// Why the options cannot give a CTG (French), before the referential is read.
std::string check_options(const Options& o) {
  if (auto e = check_text(o.caf, "le nom de la Caf (--caf)", "--caf \"Caf des Alpes-de-Haute-Provence\""); !e.empty())
    return e;
  if (o.dossier.empty() || o.dossier.find('\0') != std::string::npos) return "le dossier à créer est vide";
  for (const auto& c : o.communes)
    if (auto e = check_text(c, "un code de commune (--communes)", "--communes 04070,04049"); !e.empty()) return e;
  if (!(o.debut < o.fin)) return "la fin (--fin) doit suivre le début (--debut)";
  return {};
}

// The signing communes: those given (members of the EPCI), or every member.
std::string choose_members(const Options& o, const referentiel::Year& geo, Plan& p) {
  std::set<std::string> ids;
  for (auto code : p.epci->membres) {
    if (!o.communes.empty() && std::find(o.communes.begin(), o.communes.end(), code) == o.communes.end()) continue;
    const auto* c = p.tot->commune(code);
    const auto* named = geo.commune(code);
    Member m{std::string(code), std::string(named ? named->nom : c ? c->nom : code), {}, c ? c->totale : std::nullopt};
    m.id = slug(m.nom);
    while (!ids.insert(m.id).second) m.id += "-" + m.code;
    p.members.push_back(std::move(m));
  }
  for (const auto& code : o.communes)
    if (std::find(p.epci->membres.begin(), p.epci->membres.end(), code) == p.epci->membres.end())
      return fmt::format("la commune {} n'est pas membre de {} (SIREN {}) dans la composition du millésime {} ; "
                         "ctg referentiel --epci {} liste ses membres", code, p.epci->nom, p.epci->siren, p.geo_m,
                         p.epci->siren);
  p.epci_id = slug(p.epci->nom);
  while (ids.count(p.epci_id)) p.epci_id += "-epci";
  p.territoire = std::string(p.epci->nom);
  p.epci_party.type = PartyType::Epci;
  p.epci_party.forme = form_of(*p.epci);
  p.epci_party.nom = p.territoire;
  return {};
}

// The EPCI, its members and the model, from the referential and the files.
std::string make_plan(referentiel::Store& store, const Options& o, Plan& p) {
  if (!store.available()) return store.problem();
  auto geo_m = store.latest_with_epci(referentiel::in_force(o.debut));
  if (!geo_m) geo_m = store.latest_with_epci(store.millesimes().back().millesime);
  auto tot_m = store.latest_with_totale(referentiel::in_force(o.debut));
  if (!tot_m) tot_m = store.latest_with_totale(store.millesimes().back().millesime);
  const referentiel::Year* geo = geo_m ? store.year(*geo_m) : nullptr;
  p.tot = tot_m ? store.year(*tot_m) : nullptr;
  if (!geo || !p.tot) return "le référentiel n'a ni composition des EPCI ni population totale";
  p.geo_m = *geo_m;
  p.tot_m = *tot_m;
  if (const auto* inf = store.info(p.tot_m)) p.tot_imported = inf->importe;
  p.tot_source = p.tot_imported.empty()
                     ? fmt::format("Insee, populations légales du millésime {} (composition DGCL)", p.tot_m)
                     : p.tot_imported;
  if (!(p.epci = geo->epci(o.epci)))
    return fmt::format("aucun EPCI à fiscalité propre de SIREN {} dans la composition du millésime {} ; "
                       "ctg referentiel --epci NOM le cherche par son nom", o.epci, p.geo_m);
  if (auto e = choose_members(o, *geo, p); !e.empty()) return e;
  if (o.modele) {
    p.model = load_file(*o.modele);
    if (!p.model->ok() || !p.model->ctg)
      return fmt::format("le modèle {} ne se lit pas sans erreur ; vérifiez-le avec ctg validate {}", *o.modele,
                         *o.modele);
  }
  return {};
}

// The EPCI's population totale in the millésime of the totals: the DGCL's
// figure when the referential has it, else (a millésime imported from the
// Insee's file, without EPCI) the sum of its members' totals, as the Insee counts it.
std::optional<std::int64_t> epci_totale(const Plan& p) {
  if (const auto* te = p.tot->epci(p.epci->siren)) return te->totale;
  if (p.tot_imported.empty()) return std::nullopt;
  std::int64_t sum = 0;
  for (auto code : p.epci->membres) {
    const auto* c = p.tot->commune(code);
    if (!c || !c->totale) return std::nullopt;
    sum += *c->totale;
  }
  return sum;
}

// The territory in the title: the EPCI's designation without its article
// (« Communauté de communes du Briançonnais », not « CC du Briançonnais »).
std::string territory_title(const Plan& p) {
  std::string d = format::naming::title(p.epci_party);
  for (std::string_view a : {"La ", "Le ", "L'"})
    if (d.starts_with(a)) return d.substr(a.size());
  return d;
}

// ctg.yaml's head: the convention and the parties with their populations.
std::string convention_and_parties(const Plan& p, const Options& o) {
  const referentiel::Epci* epci = p.epci;
  const std::string& epci_id = p.epci_id;
  std::string y(modeline);
  y += "# Convention territoriale globale préparée par « ctg init » : complétez ce qui est marqué « À REMPLIR »,\n"
       "# puis vérifiez avec « ctg validate . » (guide : /usr/share/doc/ctg/docs/guide.md une fois ctg\n"
       "# installé, docs/guide.md dans ses sources).\n";
  y += "format: ctg/1\n\ninclure:\n  - annexe-1-diagnostic.yaml\n  - annexe-2-equipements.yaml\n"
       "  - annexe-3-plan-actions.yaml\n  - annexes-4-5.yaml\n\n";
  y += fmt::format("convention:\n  titre: Convention territoriale globale\n  territoire: {}\n  debut: {}\n  fin: {}\n"
                   "  reconduction: expresse\n  lieu_signature: null      # À REMPLIR avant la signature\n"
                   "  date_signature: null      # À REMPLIR avant la signature\n"
                   "  exemplaires: En autant d'exemplaires originaux que de signataires.\n"
                   "  formule: \"Il est convenu et arrêté ce qui suit :\"\n\n",
                   yaml_quoted(territory_title(p)), to_iso(o.debut), to_iso(o.fin));
  y += "# Représentants : À REMPLIR, par exemple\n"
       "#   representants:\n#     - { civilite: Mme, prenom: Claire, nom: DUPONT, qualite: Maire }\n";
  y += "parties:\n  - id: caf\n    type: caf\n    nom: " + yaml_quoted(o.caf) +
       "\n    nom_court: la Caf\n    representants: []\n\n";
  y += fmt::format("  - id: {}\n    type: epci\n    forme: {}\n    nom: {}\n    siren: \"{}\"\n", epci_id,
                   epci->type == "CC"    ? "communaute_communes"
                   : epci->type == "CA"  ? "communaute_agglomeration"
                   : epci->type == "CU"  ? "communaute_urbaine"
                                         : "metropole",
                   yaml_quoted(epci->nom), epci->siren);
  // « CC du Briançonnais » → « la Communauté de communes du Briançonnais » in the rendered « Entre : ».
  for (auto [abbrev, full] : {std::pair{"CC ", "Communauté de communes "}, {"CA ", "Communauté d'agglomération "},
                              {"CU ", "Communauté urbaine "}})
    if (epci->nom.starts_with(abbrev))
      y += "    designation: " + yaml_quoted("la " + std::string(full) + std::string(epci->nom.substr(3))) + "\n";
  if (auto total = epci_totale(p))
    y += fmt::format("    population: {}\n", population(*total, p.tot_m, p.tot_source));
  y += "    representants: []\n    deliberation: { instance: conseil communautaire, date: null }\n\n";
  for (const auto& m : p.members) {
    y += fmt::format("  - id: {}\n    type: commune\n    nom: {}\n    insee: \"{}\"\n    epci: {}\n", m.id,
                     yaml_quoted(m.nom), m.code, epci_id);
    if (m.totale) y += fmt::format("    population: {}\n", population(*m.totale, p.tot_m, p.tot_source));
    y += "    representants: []\n    deliberation: { instance: conseil municipal, date: null }\n\n";
  }
  return y;
}

// ctg.yaml's texts taken from the model, its parties' names replaced.
std::string texts_from_model(const Plan& plan, const Options& o) {
  const std::string& territoire = plan.territoire;
  const auto& model = plan.model;
  auto renamed = [&](std::string s) {
    for (const auto& p : model->ctg->parties) {
      if (p.type == PartyType::Epci) {
        if (p.designation) s = replace_all(std::move(s), *p.designation, format::naming::designation(plan.epci_party));
        s = replace_all(std::move(s), p.nom, territoire);
      } else if (p.type == PartyType::Caf) {
        s = replace_all(std::move(s), p.nom, o.caf);
      }
    }
    return replace_all(std::move(s), model->ctg->convention.territoire, territory_title(plan));
  };
  std::string y = "# Visas, préambule et articles repris de " + path_string(to_path(*o.modele).filename()) +
                  " (noms des parties remplacés) : relisez-les.\nvisas:\n";
  for (const auto& v : model->ctg->visas) y += fmt::format("  - id: {}\n    texte: {}", v.id, block(renamed(v.texte), 6));
  if (model->ctg->preambule) y += "\npreambule: " + block(renamed(*model->ctg->preambule), 2);
  y += "\narticles:\n";
  for (const auto& a : model->ctg->articles)
    y += fmt::format("  - id: {}\n    numero: {}\n    titre: {}\n    texte: {}", a.id, a.numero,
                     yaml_quoted(renamed(a.titre)), block(renamed(a.texte), 6));
  return y;
}

// ctg.yaml's generic texts: visas, préambule and the articles of this
// project, the EPCI and the Caf named as the documents name them.
std::string generic_texts(const Plan& plan, const Options& o) {
  Party caf;
  caf.type = PartyType::Caf;
  caf.nom = o.caf;
  auto fill = [&](std::string s) {
    s = replace_all(std::move(s), "{de_epci}", format::naming::of(plan.epci_party));
    s = replace_all(std::move(s), "{epci}", format::naming::designation(plan.epci_party));
    s = replace_all(std::move(s), "{de_caf}", format::naming::of(caf));
    s = replace_all(std::move(s), "{debut}", to_french_long(o.debut));
    return replace_all(std::move(s), "{fin}", to_french_long(o.fin));
  };
  std::string y = "visas:\n";
  for (const auto& v : generic_visas()) y += fmt::format("  - id: {}\n    texte: {}", v.id, block(fill(v.texte), 6));
  y += "  # À REMPLIR : les autres délibérations et décisions propres à la Caf et au territoire.\n\n";
  y += "preambule: " +
       block(fill("La convention territoriale globale est la démarche par laquelle la Caf et les collectivités "
                  "{de_epci} construisent ensemble, à partir d'un diagnostic partagé, un projet pour les "
                  "familles du territoire et les services qui leur sont offerts.\n\nÀ REMPLIR : l'histoire du "
                  "partenariat et les priorités du territoire."),
             2);
  y += "\n# Modèle d'articles de ctg, à adapter.\narticles:\n";
  int numero = 1;
  for (const auto& a : generic_articles())
    y += fmt::format("  - id: {}\n    numero: {}\n    titre: {}\n    texte: {}", a.id, numero++, yaml_quoted(a.titre),
                     block(fill(a.texte), 6));
  return y;
}

// Annexe 1, the diagnostic, with the EPCI's population totale.
std::string diagnostic_file(const Plan& p) {
  const auto total = epci_totale(p);
  const int tot_m = p.tot_m;
  std::string d(modeline);
  d += "format: ctg/1\n\n# Annexe 1 : le diagnostic partagé. Chaque chiffre est un indicateur typé (valeur, année, "
       "source, mesure) :\n# ctg le compare aux tableaux des autres annexes et au référentiel.\ndiagnostic:\n"
       "  titre: Diagnostic partagé\n  sources: [Insee, Caf]\n";
  // Without the EPCI's total (a member without a figure), an empty list: « indicateurs: » alone is no list.
  d += total ? "  indicateurs:\n" : "  indicateurs: []\n";
  if (total)
    d += fmt::format("    - {{ id: population, libelle: Population totale, valeur: {}, annee: {}, mesure: population, "
                     "source: {} }}\n", *total, tot_m,
                     yaml_quoted(p.tot_imported.empty() ? fmt::format("Insee, millésime {}", tot_m) : p.tot_imported));
  d += "    # À REMPLIR : enfants de moins de 3 ans (mesure: enfants_moins_3_ans), places d'EAJE (eaje_places),\n"
       "    # assistants maternels (assistants_maternels_places), foyers allocataires… (man 5 ctg-format)\n";
  d += "  texte: " +
       block(fmt::format("{} regroupe {} communes{}.\n\nÀ REMPLIR : le diagnostic (démographie, familles, offre "
                         "d'accueil, jeunesse, parentalité, vie sociale, accès aux droits).",
                         format::naming::title(p.epci_party), p.epci->membres.size(),
                         total ? fmt::format(" et {} habitants (population totale, millésime {})",
                                             fr::integer(*total), tot_m)
                                          : ""),
             4);
  d += "  enjeux: []   # les enjeux qui ressortent du diagnostic : - { id: …, texte: … }\n";
  return d;
}

// Annexe 3, the AO table, each commune's competences from its population.
std::string ao_file(const Plan& p) {
  std::string a(modeline);
  a += "format: ctg/1\n\n# Annexe 3 : les autorités organisatrices de l'accueil du jeune enfant (art. L214-1-3 CASF).\n"
       "# Pré-rempli selon la population totale de chaque commune ; les obligations sont en commentaire.\n"
       "# À DÉCIDER pour chaque compétence : « exercee » (la commune l'exerce), « transferee » (à l'EPCI, qui\n"
       "# figure alors au tableau avec ses transferts), « sans_objet » (seulement si elle est facultative).\n"
       "# Tant qu'une ligne garde sa note « À DÉCIDER », la convention imprime « à décider » pour ses compétences.\n"
       "# Si des communes transfèrent à l'EPCI, ajoutez par exemple :\n"
       "#   - ao: " + p.epci_id + "\n"
       "#     competences: { recenser: exercee, informer: exercee, planifier: exercee, qualite: exercee }\n"
       "#     transferts:\n"
       "#       - competences: [planifier, qualite]\n"
       "#         communes: [ { nom: …, partie: ID-DE-LA-COMMUNE } ]\n"
       "#         population: { valeur: SOMME, nature: totale, millesime: " + std::to_string(p.tot_m) + " }\n"
       "autorites_organisatrices:\n";
  for (const auto& m : p.members) {
    a += fmt::format("  # {} : {}\n", m.nom, status_comment(m.totale, p.tot_m));
    a += fmt::format("  - ao: {}\n", m.id);  // its population: the party's, in ctg.yaml
    a += fmt::format("    competences: {}\n", competences_line(m.totale));
    // The mark the render reads: « à décider » is printed until the note is removed.
    a += "    note: \"À DÉCIDER : compétences pré-remplies d'après la population ; retirez cette note une fois "
         "décidées\"\n";
  }
  a += "\n# Offre d'accueil du jeune enfant de chaque AO qui planifie (3°), année par année (man 5 ctg-format).\n"
       "offre_petite_enfance: []\n";
  return a;
}

}  // namespace

Result prepare(referentiel::Store& store, const Options& o) {
  Result r;
  Plan p;
  if ((r.error = check_options(o)).empty()) r.error = make_plan(store, o, p);
  if (!r.error.empty()) return r;
  int in_force = referentiel::in_force(o.debut);
  if (p.tot_m != in_force)
    r.notes.push_back(fmt::format("populations totales du millésime {} : le millésime en vigueur au {}, {}, n'a que "
                                  "des populations municipales dans le référentiel de ctg (le paquet de données "
                                  "d'Etalab ne porte pas les totales) ; l'Insee publie les populations totales de ce "
                                  "millésime ({}) : reportez celle de chaque partie, avec millesime: {}",
                                  p.tot_m, to_french_long(o.debut), in_force, referentiel::insee_page(in_force),
                                  in_force));
  else if (!p.tot_imported.empty())
    r.notes.push_back(fmt::format("populations totales du millésime {} : {} (ctg referentiel --importer ; dossier {})",
                                  p.tot_m, p.tot_imported, store.user_dir()));
  r.files.push_back({"ctg.yaml", convention_and_parties(p, o) + (p.model ? texts_from_model(p, o) : generic_texts(p, o))});
  r.files.push_back({"annexe-1-diagnostic.yaml", diagnostic_file(p)});
  r.files.push_back(
      {"annexe-2-equipements.yaml",
       std::string(modeline) +
           "format: ctg/1\n\n# Annexe 2 : les équipements et services du territoire, un par entrée, par exemple :\n"
           "#   - { id: multi-accueil-1, gestionnaire: Commune de …, nom: Multi-accueil …, type: eaje,\n"
           "#       sous_type: multi_accueil, commune: …, partie: ID-DE-LA-COMMUNE, places: 20 }\n"
           "equipements: []\n"});
  r.files.push_back({"annexe-3-plan-actions.yaml", ao_file(p)});
  r.files.push_back(
      {"annexes-4-5.yaml",
       std::string(modeline) +
           "format: ctg/1\n\n# Annexe 4 : pilotage et suivi ; annexe 5 : décisions des conseils (les délibérations "
           "sont\n# celles des parties, dans ctg.yaml).\npilotage:\n  texte: " +
           block("Un comité de pilotage réunit les signataires au moins une fois par an : il suit le plan d'actions "
                 "et décide de ses évolutions. Un comité technique prépare ses travaux.\n\nÀ REMPLIR : composition "
                 "et fréquence des instances.",
                 4) +
           "decisions_conseils: {}\n"});
  r.files.push_back({".gitattributes", "# ctg diff montre les différences dans les termes de la convention "
                                       "(ctg git-config).\n*.yaml diff=ctg\n"});
  r.files.push_back({"ctg.schema.json", format::json_schema()});
  return r;
}

#ifndef _WIN32
namespace {

// A temporary folder removed with its content unless kept.
struct Scratch {
  fs::path path;
  bool keep = false;
  ~Scratch() {
    std::error_code ec;
    if (!keep && !path.empty()) fs::remove_all(path, ec);
  }
};

// Moves the files written in `from` into the existing folder `to`, never over
// a file (link(2) refuses an existing name); on failure, those moved are removed.
std::string move_into(const fs::path& from, const fs::path& to, const std::vector<File>& files) {
  std::vector<fs::path> moved;
  for (const auto& f : files) {
    if (::link((from / f.name).c_str(), (to / f.name).c_str()) == 0) {
      moved.push_back(to / f.name);
      continue;
    }
    std::string why = system_error(errno);
    for (const auto& m : moved) ::unlink(m.c_str());
    return fmt::format("écriture de {} impossible ({}) ; rien n'a été écrit", (to / f.name).string(), why);
  }
  return {};
}

}  // namespace
#endif

// All or nothing: the files are written in a temporary folder (beside the new
// folder, or inside an existing one), then renamed into place; after a
// failure nothing is left, and the same command can be run again.
std::string write(const std::string& dossier, const std::vector<File>& files) {
  std::error_code ec;
  fs::path target = to_path(dossier).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();  // « ma-ctg/ »
  std::vector<std::string> existing;
  for (const auto& f : files)
    if (fs::exists(target / to_path(f.name), ec)) existing.push_back(path_string(target / to_path(f.name)));
  if (!existing.empty())
    return fmt::format("{} existe déjà : ctg init n'écrase jamais un fichier ; choisissez un dossier neuf",
                       join_french(existing));
#ifdef _WIN32
  // Windows: each file written atomically in the folder (no mkdtemp nor link there).
  fs::create_directories(target, ec);
  if (ec) return fmt::format("création du dossier {} impossible : {}", dossier, ec.message());
  for (const auto& f : files)
    if (std::string err = write_atomically(path_string(target / to_path(f.name)), f.content); !err.empty()) return err;
#else
  const bool exists = fs::exists(target, ec);
  if (exists && !fs::is_directory(target, ec)) return fmt::format("{} existe et n'est pas un dossier", dossier);
  fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  if (!exists) fs::create_directories(parent, ec);
  if (ec) return fmt::format("création du dossier {} impossible : {}", parent.string(), ec.message());
  std::string tmpl = ((exists ? target : parent) / ("." + target.filename().string() + ".ctg-init.XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  if (!mkdtemp(name.data()))
    return fmt::format("création du dossier {} impossible ({})", dossier, system_error(errno));
  Scratch scratch{name.data()};
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(scratch.path.c_str(), 0777 & ~mask);  // mkdtemp makes it 0700: the folder is the user's, like mkdir's
  for (const auto& f : files)
    if (std::string err = write_atomically((scratch.path / f.name).string(), f.content); !err.empty())
      return fmt::format("{} ; rien n'a été écrit", err);
  if (exists) return move_into(scratch.path, target, files);
  if (std::rename(scratch.path.c_str(), target.c_str()) != 0)
    return fmt::format("création du dossier {} impossible ({}) ; rien n'a été écrit", dossier, system_error(errno));
  scratch.keep = true;
#endif
  return {};
}

}  // namespace ctg::init
