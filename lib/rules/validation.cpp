// SPDX-License-Identifier: EUPL-1.2
#include "rules/validation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <set>
#include <thread>

#include "base/json.hpp"
#include "base/paths.hpp"
#include "format/suivi_check.hpp"
#include "suivi/remarks.hpp"
#include "base/values.hpp"
#include "rules/acknowledge.hpp"

namespace ctg::rules {

namespace fs = std::filesystem;

std::string FileValidation::path() const { return load.sources.size() > 0 ? load.sources.file(0).path : given; }

FileValidation validate_file(const std::string& path, const rules::Options& options) {
  FileValidation v{path, load_file(path), {}, false};
  for (const auto& d : v.load.diagnostics.items()) v.findings.add(d);
  if (v.load.ok()) {
    Diagnostics found = rules::check(*v.load.ctg, options);
    for (const auto& d : found.items()) v.findings.add(d);
    v.rules_checked = true;
    // The tracking, at --at or at the end of its latest period.
    if (auto at = options.at ? options.at : format::suivi::latest_date(*v.load.ctg)) suivi::remarks(*v.load.ctg, *at, v.findings);
    // The findings acknowledged in the source (constats_acquittes), and the entries matching none.
    if (!v.load.ctg->constats_acquittes.empty())
      v.findings = acknowledge(*v.load.ctg, v.load.sources, v.findings, options.referentiel);
  }
  v.findings.sort();
  // Said last, after the errors it refers to.
  if (!v.load.ok() && !v.load.unusable)
    v.findings.note("REGLES", Loc{0, 0, 0}, "règles non vérifiées : le fichier a des erreurs de format",
                    "corrigez d'abord les erreurs ci-dessus, puis relancez ctg validate");
  return v;
}

std::vector<FileValidation> validate_files(const std::vector<std::string>& paths, const rules::Options& options,
                                           unsigned jobs) {
  std::vector<std::optional<FileValidation>> done(paths.size());
  std::vector<std::exception_ptr> failures(paths.size());
  std::atomic<std::size_t> next{0};
  // Each worker takes the next path; every result goes to the slot of its path.
  auto work = [&] {
    for (std::size_t i = next++; i < paths.size(); i = next++) {
      try {
        done[i] = validate_file(paths[i], options);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  };
  std::size_t threads = std::min<std::size_t>(std::max(jobs, 1u), paths.size());
  if (threads <= 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(work);
    for (auto& t : pool) t.join();
  }
  std::vector<FileValidation> out;
  out.reserve(paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (failures[i]) std::rethrow_exception(failures[i]);
    out.push_back(std::move(*done[i]));
  }
  return out;
}

std::vector<std::string> expand_ctg_paths(const std::string& path) {
  std::error_code ec;
  if (!fs::is_directory(to_path(path), ec) || fs::exists(to_path(path) / "ctg.yaml", ec)) return {path};
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(to_path(path), ec)) {
    const fs::path& p = entry.path();
    if (entry.is_directory(ec) && fs::exists(p / "ctg.yaml", ec)) out.push_back(path_string(p));
    else if (entry.is_regular_file(ec) && (p.extension() == ".yaml" || p.extension() == ".yml"))
      out.push_back(path_string(p));
  }
  std::sort(out.begin(), out.end());
  if (out.empty()) out.push_back(path);  // reported as a missing ctg.yaml by the loader
  return out;
}

const std::vector<FormatCode>& format_codes() {
  static const std::vector<FormatCode> codes{
      {"YAML", "Le fichier n'est pas un YAML lisible (syntaxe, indentation, guillemets, plusieurs documents)."},
      {"ENCODAGE", "Le fichier n'est pas enregistré en UTF-8."},
      {"VIDE", "Le fichier est vide."},
      {"FICHIER", "Un fichier est introuvable ou illisible."},
      {"INCLUSION", "Un fichier inclus est refusé : chemin absolu, hors du dossier, inclus deux fois, ou inclusion "
                    "imbriquée."},
      {"FORMAT", "La version du format n'est pas celle que lit ctg."},
      {"TYPE", "Une valeur n'a pas le type attendu (texte, nombre, date, liste…)."},
      {"DATE", "Une date n'existe pas dans le calendrier."},
      {"DATES", "La fin de la convention n'est pas postérieure à son début, ou un transfert prend fin (jusqu_au) "
                "avant sa date d'effet (depuis)."},
      {"CLE-INCONNUE", "Une clé n'existe pas dans le format (faute de frappe probable)."},
      {"CLE-EN-DOUBLE", "Une clé est écrite deux fois dans le même ensemble."},
      {"CLE-MANQUANTE", "Une clé ou une section obligatoire est absente."},
      {"VALEUR-INCONNUE", "Une valeur n'est pas dans la liste des valeurs permises."},
      {"ID-EN-DOUBLE", "Deux entrées d'une liste ont le même identifiant."},
      {"SECTION-EN-DOUBLE", "Une section est décrite dans deux fichiers."},
      {"REFERENCE", "Un identifiant cité ne désigne aucune entrée, ou pas une entrée du bon genre."},
      {"POPULATION", "Une population donne à la fois une valeur et une tranche, ou une tranche vide ; une population "
                     "par millésime (populations) sans millésime, ou deux fois le même."},
      {"BLOCS", "La présentation en deux blocs se contredit (deux_blocs: false avec premier_bloc), cite une partie "
                "deux fois, ou laisse vide le second bloc."},
      {"FORME", "La forme juridique ne correspond pas au type de la partie."},
      {"EPCI", "Seule une commune est membre d'un EPCI."},
      {"NOM", "Le nom d'une partie répète son type (« Commune de A » pour une commune) : le document le dit une fois."},
      {"REGLES", "Les règles n'ont pas été vérifiées parce que le fichier a des erreurs de format."},
      {"SUIVI", "Un fichier du dossier suivi/ contient autre chose que des périodes de suivi."},
      {"PERIODE", "Une période de suivi est hors des dates de la CTG."},
      {"CHRONOLOGIE", "Une date du suivi contredit sa période ou l'ordre des états d'une action (réalisée avant "
                      "d'être engagée…)."},
      {"SUIVI-RETARD", "Une action suivie a passé son échéance sans être réalisée ni abandonnée (remarque)."},
      {"SUIVI-BILAN", "Mi-parcours passé sans bilan intermédiaire dont le volet petite enfance a été transmis au "
                      "CDSF (remarque, art. L214-2 CASF)."},
      {"ACQUITTEMENT", "Une entrée de constats_acquittes n'a pas de motif (erreur), ou ne correspond à aucun constat "
                       "(avertissement : acquittement sans objet, à retirer ou à corriger)."},
  };
  return codes;
}

namespace {

const char* json_severity(Severity s) {
  switch (s) {
    case Severity::Error: return "erreur";
    case Severity::Warning: return "avertissement";
    case Severity::Note: return "remarque";
  }
  return "erreur";
}

// SARIF wants URIs relative to the source root, with forward slashes.
std::string relative_uri(const std::string& path) {
  fs::path p = to_path(path);
  std::error_code ec;
  if (p.is_absolute()) {
    auto rel = fs::relative(p, fs::current_path(ec), ec);
    if (!ec && !rel.empty() && *rel.begin() != "..") p = rel;
  }
  std::string s = path_string(p.lexically_normal());
  if (s.rfind("./", 0) == 0) s.erase(0, 2);
  return s;
}

// « acquitte » of an acknowledged finding: the reason and where the entry is.
Json acknowledgement_json(const std::string& motif, const Loc& at, const FileValidation& f) {
  bool has_file = at.file >= 0 && static_cast<std::size_t>(at.file) < f.load.sources.size();
  return Json::object()
      .set("motif", motif)
      .set("fichier", has_file ? Json(f.load.sources.file(at.file).path) : Json(nullptr))
      .set("ligne", at.line > 0 ? Json(at.line) : Json(nullptr))
      .set("colonne", at.line > 0 ? Json(at.col) : Json(nullptr));
}

}  // namespace

std::string validation_json(const std::vector<FileValidation>& files, const rules::Options& options) {
  Json root = Json::object();
  root.set("format", "ctg-validation/1");
  root.set("etape", options.stage == rules::Stage::Signature ? "signature" : "brouillon");
  root.set("date_reference", options.at ? Json(to_iso(*options.at)) : Json(nullptr));
  Json list = Json::array();
  std::size_t errors = 0, warnings = 0, notes = 0, acknowledged = 0;
  for (const auto& f : files) {
    Json jf = Json::object();
    jf.set("fichier", f.path());
    jf.set("utilisable", !f.unusable());
    jf.set("regles_verifiees", f.rules_checked);
    jf.set("date_reference",
           f.load.ctg ? Json(to_iso(options.at.value_or(f.load.ctg->convention.debut))) : Json(nullptr));
    // Since ctg 0.2: the dates the rules were checked at (the whole period
    // unless --at pins one).
    Json dates = Json::array();
    if (f.rules_checked && f.load.ctg) {
      if (options.at) dates.push(to_iso(*options.at));
      else
        for (const auto& d : rules::evaluation_dates(*f.load.ctg)) dates.push(to_iso(d));
    }
    jf.set("periode", f.rules_checked && !options.at);
    jf.set("dates_evaluees", dates);
    Json diags = Json::array();
    for (const auto& d : f.findings.items()) {
      Json jd = Json::object();
      jd.set("regle", d.code);
      jd.set("gravite", json_severity(d.severity));
      bool has_file = d.loc.file >= 0 && static_cast<std::size_t>(d.loc.file) < f.load.sources.size();
      jd.set("fichier", has_file ? Json(f.load.sources.file(d.loc.file).path) : Json(nullptr));
      jd.set("ligne", d.loc.line > 0 ? Json(d.loc.line) : Json(nullptr));
      jd.set("colonne", d.loc.line > 0 ? Json(d.loc.col) : Json(nullptr));
      jd.set("message", d.message);
      jd.set("aide", d.hint.empty() ? Json(nullptr) : Json(d.hint));
      const rules::Rule* r = rules::find(d.code);
      jd.set("citation", r && !r->citation.empty() ? Json(std::string(r->citation)) : Json(nullptr));
      // When the finding does not hold over the whole period: from / until which day.
      jd.set("a_partir_du", d.from ? Json(to_iso(*d.from)) : Json(nullptr));
      jd.set("jusqu_au", d.until ? Json(to_iso(*d.until)) : Json(nullptr));
      // Since ctg 0.3, only on an acknowledged finding: its reason and the entry of constats_acquittes.
      if (d.acknowledged) jd.set("acquitte", acknowledgement_json(*d.acknowledged, d.acknowledged_at, f));
      diags.push(jd);
    }
    jf.set("diagnostics", diags);
    std::size_t e = f.findings.count(Severity::Error), w = f.findings.count(Severity::Warning),
                n = f.findings.count(Severity::Note);
    std::size_t a = f.findings.acknowledged();
    errors += e;
    warnings += w;
    notes += n;
    acknowledged += a;
    jf.set("resume", Json::object()
                         .set("erreurs", static_cast<std::int64_t>(e))
                         .set("avertissements", static_cast<std::int64_t>(w))
                         .set("remarques", static_cast<std::int64_t>(n))
                         .set("acquittes", static_cast<std::int64_t>(a)));
    list.push(jf);
  }
  root.set("fichiers", list);
  root.set("resume", Json::object()
                         .set("erreurs", static_cast<std::int64_t>(errors))
                         .set("avertissements", static_cast<std::int64_t>(warnings))
                         .set("remarques", static_cast<std::int64_t>(notes))
                         .set("acquittes", static_cast<std::int64_t>(acknowledged)));
  return root.dump(2);
}

// Why one long function: Writes the SARIF document in the order of its specification, one field after another.
std::string validation_sarif(const std::vector<FileValidation>& files) {
  // Every rule id that can appear, each with its index in the driver's rules.
  Json rules_json = Json::array();
  std::vector<std::string> ids;
  for (const auto& r : rules::all()) {
    ids.emplace_back(r.id);
    Json jr = Json::object();
    jr.set("id", std::string(r.id));
    jr.set("name", std::string(r.id));
    jr.set("shortDescription", Json::object().set("text", std::string(r.title)));
    jr.set("fullDescription", Json::object().set("text", std::string(r.explanation)));
    jr.set("defaultConfiguration",
           Json::object().set("level", r.severity == Severity::Error ? "error" : r.severity == Severity::Warning ? "warning" : "note"));
    if (!r.citation.empty()) jr.set("properties", Json::object().set("citation", std::string(r.citation)));
    rules_json.push(jr);
  }
  for (const auto& c : format_codes()) {
    ids.emplace_back(c.code);
    rules_json.push(Json::object()
                        .set("id", std::string(c.code))
                        .set("name", std::string(c.code))
                        .set("shortDescription", Json::object().set("text", std::string(c.description)))
                        .set("defaultConfiguration",
                             Json::object().set("level", c.code == "REGLES" || c.code.starts_with("SUIVI-") ? "note" : c.code == "ACQUITTEMENT" ? "warning" : "error")));
  }
  Json results = Json::array();
  std::set<std::string> artifacts;
  for (const auto& f : files)
    for (const auto& d : f.findings.items()) {
      Json res = Json::object();
      res.set("ruleId", d.code);
      auto it = std::find(ids.begin(), ids.end(), d.code);
      if (it != ids.end()) res.set("ruleIndex", static_cast<std::int64_t>(it - ids.begin()));
      res.set("level", d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "note");
      std::string text = d.message + (d.hint.empty() ? "" : " — aide : " + d.hint);
      res.set("message", Json::object().set("text", text));
      if (d.from || d.until) {
        Json props = Json::object();
        if (d.from) props.set("aPartirDu", to_iso(*d.from));
        if (d.until) props.set("jusquAu", to_iso(*d.until));
        res.set("properties", props);
      }
      std::string uri = relative_uri(d.loc.file >= 0 && static_cast<std::size_t>(d.loc.file) < f.load.sources.size()
                                         ? f.load.sources.file(d.loc.file).path
                                         : f.path());
      if (uri.empty()) uri = relative_uri(f.given);
      artifacts.insert(uri);
      Json physical = Json::object().set(
          "artifactLocation", Json::object().set("uri", uri).set("uriBaseId", "%SRCROOT%"));
      if (d.loc.line > 0)
        physical.set("region", Json::object().set("startLine", d.loc.line).set("startColumn", d.loc.col));
      res.set("locations", Json::array({Json::object().set("physicalLocation", physical)}));
      // SARIF 2.1.0 §3.35: a finding acknowledged in the source, with its justification.
      if (d.acknowledged) {
        Json sup = Json::object().set("kind", "inSource").set("status", "accepted").set("justification", *d.acknowledged);
        if (d.acknowledged_at.file >= 0 && static_cast<std::size_t>(d.acknowledged_at.file) < f.load.sources.size())
          sup.set("location",
                  Json::object().set("physicalLocation",
                                     Json::object()
                                         .set("artifactLocation",
                                              Json::object()
                                                  .set("uri", relative_uri(f.load.sources.file(d.acknowledged_at.file).path))
                                                  .set("uriBaseId", "%SRCROOT%"))
                                         .set("region", Json::object()
                                                            .set("startLine", d.acknowledged_at.line)
                                                            .set("startColumn", d.acknowledged_at.col))));
        res.set("suppressions", Json::array({sup}));
      }
      results.push(res);
    }
  Json artifact_list = Json::array();
  for (const auto& a : artifacts)
    artifact_list.push(Json::object().set("location", Json::object().set("uri", a).set("uriBaseId", "%SRCROOT%")));
  Json driver = Json::object()
                    .set("name", "ctg")
                    .set("version", CTG_VERSION)
                    .set("semanticVersion", CTG_VERSION)
                    .set("rules", rules_json);
  Json run = Json::object()
                 .set("tool", Json::object().set("driver", driver))
                 .set("columnKind", "unicodeCodePoints")
                 .set("artifacts", artifact_list)
                 .set("results", results);
  Json root = Json::object()
                  .set("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
                  .set("version", "2.1.0")
                  .set("runs", Json::array({run}));
  return root.dump(2);
}

}  // namespace ctg::rules
