// SPDX-License-Identifier: EUPL-1.2
#include "format/loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "format/format.hpp"
#include "format/suivi_check.hpp"
#include "base/paths.hpp"
#include "base/text.hpp"
#include "yaml/tree.hpp"

namespace ctg {

namespace fs = std::filesystem;

namespace {

struct Loader {
  LoadResult result;
  codec::Context ctx{result.diagnostics, {}, {}};

  const Reader* reader = nullptr;  // nullptr: the file system
  bool fragment = false;           // a single file, included sections allowed to be missing

  // Reads `path` into the source set; returns its index or -1 (diagnostic added at `from`).
  int read(const fs::path& path, const std::string& shown, Loc from) {
    if (reader && !reader->local) {
      std::string error;
      auto content = reader->read(path_string(path), error);
      if (!content) {
        result.diagnostics.error("FICHIER", from, fmt::format("{}{} : {}", reader->prefix, shown, error));
        return -1;
      }
      if (content->size() > max_file_size) {
        result.diagnostics.error("FICHIER", from, fmt::format("fichier {} trop volumineux", guillemets(shown)));
        return -1;
      }
      return result.sources.add(reader->prefix + shown, std::move(*content));
    }
    ReadFailure failure = ReadFailure::None;
    std::string reason;
    auto content = read_regular_file(path_string(path), failure, reason);
    if (!content) {
      const char* hint = failure == ReadFailure::Missing
                             ? "vérifiez le chemin (il est relatif au dossier courant ou au fichier principal)"
                         : failure == ReadFailure::Directory ? "donnez le chemin d'un fichier .yaml"
                         : failure == ReadFailure::NotRegular
                             ? "une CTG est un fichier .yaml enregistré sur le disque, pas un tube ni un périphérique"
                         : failure == ReadFailure::TooLarge ? "une CTG, même nationale, tient en quelques dizaines de Mo"
                                                            : "vérifiez les droits d'accès au fichier";
      std::string what = failure == ReadFailure::Missing ? fmt::format("fichier {} introuvable", guillemets(shown))
                         : failure == ReadFailure::Directory
                             ? fmt::format("{} est un dossier, pas un fichier", guillemets(shown))
                             : fmt::format("lecture de {} refusée : {}", guillemets(shown), reason);
      result.diagnostics.error("FICHIER", from, what, hint);
      return -1;
    }
    return result.sources.add(shown, std::move(*content));
  }

  std::optional<Ctg> load_source(int file) {
    // The trees live beside their sources (LoadResult): their texts stay in
    // the files' content (a national CTG: 30 MB less).
    const bool keep = reader && reader->keep_trees;
    auto doc = yaml::parse(result.sources, file, result.diagnostics, {}, yaml::Texts::InSource);
    if (!doc) return std::nullopt;
    const yaml::Node* root = &doc->root();
    Ctg ctg;
    if (!root->is_map()) {
      result.diagnostics.error("TYPE", root->loc,
                               fmt::format("le document doit être un ensemble de clés (format, convention, parties…), "
                                           "mais c'est {}", yaml::describe(*root)),
                               "commencez le fichier par « format: ctg/1 »");
      return std::nullopt;
    }
    format::document().codec().load(*root, ctg, ctx);
    if (keep) {
      result.trees.resize(result.sources.size());
      result.trees[static_cast<std::size_t>(file)] = std::move(*doc);
    }
    return ctg;
  }

  // Checks that an included path stays inside the main file's folder.
  std::optional<fs::path> include_path(const fs::path& base, const std::string& rel, Loc loc) {
    fs::path p = to_path(rel);
    auto refuse = [&](const std::string& why) {
      result.diagnostics.error("INCLUSION", loc, fmt::format("inclusion de {} refusée : {}", guillemets(rel), why),
                               "les fichiers inclus sont dans le dossier du fichier principal ou ses sous-dossiers, "
                               "désignés par un chemin relatif");
      return std::nullopt;
    };
    // The system would open the path cut at its first NUL: another file than the one named.
    if (auto nul = rel.find('\0'); nul != std::string::npos)
      return refuse(
          fmt::format("le chemin contient un caractère nul (\\0) en position {}", utf8_length(rel.substr(0, nul)) + 1));
    if (p.is_absolute() || p.has_root_name() || p.has_root_directory()) return refuse("le chemin est absolu");
    fs::path normal = p.lexically_normal();
    if (normal.empty() || *normal.begin() == "..") return refuse("le chemin sort du dossier de la CTG");
    fs::path full = base / normal;
    if (reader && !reader->local) return full;  // a git tree has no links to follow out
    if (!inside(base, full)) return refuse("le chemin mène hors du dossier de la CTG (lien symbolique)");
    return full;
  }

  // Whether `full`, its links followed, stays inside `base` (links followed
  // too): every file the loader reads from a CTG folder is checked so, since a
  // cloned repository may hold a link to /etc/passwd or /proc/self/environ.
  static bool inside(const fs::path& base, const fs::path& full) {
    std::error_code ec;
    fs::path real_base = fs::weakly_canonical(base, ec);
    if (ec) return false;
    fs::path real_full = fs::weakly_canonical(full, ec);
    if (ec) return false;
    auto rel_real = real_full.lexically_relative(real_base);
    return !rel_real.empty() && *rel_real.begin() != "..";
  }

  void include_all(Ctg& main, const fs::path& base, const std::string& shown_base) {
    const auto& doc = format::document();
    std::vector<fs::path> seen;
    for (std::size_t i = 0; i < main.inclure.size(); ++i) {
      const std::string& rel = main.inclure[i].value;
      Loc loc = main.inclure[i].loc;
      auto full = include_path(base, rel, loc);
      if (!full) continue;
      std::error_code ec;
      fs::path canon = fs::weakly_canonical(*full, ec);
      if (std::find(seen.begin(), seen.end(), canon) != seen.end()) {
        result.diagnostics.error("INCLUSION", loc, fmt::format("{} est inclus deux fois", guillemets(rel)),
                                 "retirez le doublon de la liste « inclure »");
        continue;
      }
      seen.push_back(canon);
      std::string shown = shown_base.empty() ? path_string(to_path(rel).lexically_normal())
                                             : path_string(to_path(shown_base) / to_path(rel).lexically_normal());
      int file = read(*full, shown, loc);
      if (file < 0) continue;
      auto part = load_source(file);
      if (!part) continue;
      if (part->has("inclure")) {
        result.diagnostics.error("INCLUSION", part->at("inclure"),
                                 "un fichier inclus ne peut pas en inclure d'autres",
                                 "listez tous les fichiers dans « inclure » du fichier principal");
      }
      for (const auto& f : doc.info().fields) {
        if (f.name == "format" || f.name == "inclure" || !part->has(f.name)) continue;
        if (main.has(f.name)) {
          Loc first = main.at(f.name);
          result.diagnostics.error(
              "SECTION-EN-DOUBLE", part->at(f.name),
              fmt::format("la section {} est déjà définie dans {} (ligne {})", guillemets(f.name),
                          result.sources.file(first.file).path, first.line),
              "une section n'est décrite que dans un seul fichier : regroupez-la");
        }
      }
      // Only the sections the main file does not already have are taken.
      std::erase_if(part->field_locs, [&](const auto& fl) {
        std::string_view key = part->name_of(fl);
        return key == "format" || key == "inclure" || main.has(key);
      });
      doc.merge_present(main, *part);
    }
  }

  // The tracking files beside the convention: « suivi/*.yaml » in the main
  // file's folder, in name order, each holding only « format » and « suivi ».
  void include_tracking(Ctg& main, const fs::path& base, const std::string& shown_base) {
    if (fragment || (reader && !reader->local)) return;
    std::error_code ec;
    fs::path dir = base / "suivi";
    if (!fs::is_directory(dir, ec)) return;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.path().extension() == ".yaml" || e.path().extension() == ".yml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : main.inclure) {  // already read as included files
      fs::path canon = fs::weakly_canonical(base / to_path(f.value), ec);
      std::erase_if(files, [&](const fs::path& p) { return fs::weakly_canonical(p, ec) == canon; });
    }
    for (const auto& path : files) {
      std::string shown =
          path_string((shown_base.empty() ? fs::path("suivi") : to_path(shown_base) / "suivi") / path.filename());
      if (!inside(base, path)) {  // refused unread: its content is never quoted
        result.diagnostics.error(
            "SUIVI", Loc{}, fmt::format("fichier de suivi {} refusé : il mène hors du dossier de la CTG (lien symbolique)",
                                        guillemets(shown)),
            "les fichiers de suivi sont des fichiers du dossier suivi/ de la CTG, pas des liens vers l'extérieur");
        continue;
      }
      int file = read(path, shown, Loc{});
      if (file < 0) continue;
      auto part = load_source(file);
      if (!part) continue;
      for (const auto& fl : part->field_locs)
        if (std::string_view key = part->name_of(fl); key != "format" && key != "suivi")
          result.diagnostics.error("SUIVI", fl.loc,
                                   fmt::format("la section {} n'a pas sa place dans un fichier de suivi", guillemets(key)),
                                   "un fichier du dossier suivi/ ne contient que « format: ctg/1 » et « suivi: » ; "
                                   "déplacez cette section dans les fichiers de la convention");
      for (auto& p : part->suivi) main.suivi.push_back(std::move(p));
    }
  }

  void require_sections(const Ctg& ctg, int main_file) {
    if (fragment) return;
    for (const auto& f : format::document().info().fields) {
      if (f.presence != schema::Presence::RequiredInDocument || ctg.has(f.name)) continue;
      result.diagnostics.error("CLE-MANQUANTE", Loc{main_file, 1, 1},
                               fmt::format("la section {} est absente (ni dans ce fichier ni dans les fichiers inclus)",
                                           guillemets(f.name)),
                               fmt::format("ajoutez « {}: » ({})", f.name, f.doc));
    }
  }

  void resolve_references() {
    if (fragment) return;  // the ids may be defined in the other files
    for (const auto& r : ctx.refs) {
      const auto& defined = ctx.ids[r.target];
      if (defined.count(r.id)) continue;
      std::vector<std::string> ids;
      for (const auto& [id, l] : defined) ids.push_back(id);
      std::string hint;
      if (auto c = closest(r.id, ids)) hint = fmt::format("vouliez-vous dire {} ?", guillemets(*c));
      else if (ids.empty()) hint = fmt::format("la liste {} est vide ou absente", guillemets(r.target));
      else hint = fmt::format("ids existants dans {} : {}", guillemets(r.target), join(ids, ", "));
      result.diagnostics.error("REFERENCE", r.loc,
                               fmt::format("{} ne désigne aucune entrée de {}", guillemets(r.id), guillemets(r.target)), hint,
                               static_cast<int>(utf8_length(r.id)));
    }
  }

  // Kinds of parties a reference may designate.
  void check_reference_kinds(const Ctg& ctg) {
    auto kind_error = [&](Loc loc, const Party& p, const char* expected) {
      result.diagnostics.error("REFERENCE", loc,
                               fmt::format("{} est une partie de type {} ; attendu ici : {}", guillemets(p.id),
                                           guillemets(key_of(p.type)), expected),
                               {}, static_cast<int>(utf8_length(p.id)));
    };
    auto grouping = [](const Party& p) { return p.type == PartyType::Epci || p.type == PartyType::Syndicat; };
    for (const auto& p : ctg.parties)
      if (p.epci)
        if (const Party* e = ctg.party(*p.epci); e && !grouping(*e))
          kind_error(p.at("epci"), *e, "un EPCI ou un syndicat");
    for (const auto& a : ctg.autorites_organisatrices)
      if (const Party* p = ctg.party(a.ao); p && p->type != PartyType::Commune && !grouping(*p))
        kind_error(a.at("ao"), *p, "une commune, un EPCI ou un syndicat");
    for (const auto& t : ctg.offre_petite_enfance)
      if (const Party* p = ctg.party(t.ao); p && p->type != PartyType::Commune && !grouping(*p))
        kind_error(t.at("ao"), *p, "une commune, un EPCI ou un syndicat");
    for (const auto& a : ctg.autorites_organisatrices)
      for (const auto& t : a.transferts)
        for (const auto& tc : t.communes)
          if (tc.partie)
            if (const Party* p = ctg.party(*tc.partie); p && p->type != PartyType::Commune)
              kind_error(tc.at("partie"), *p, "une commune");
    for (const auto& d : ctg.donnees_couverture)
      if (d.perimetre)
        if (const Party* p = ctg.party(*d.perimetre); p && p->type != PartyType::Commune && !grouping(*p))
          kind_error(d.at("perimetre"), *p, "une commune, un EPCI ou un syndicat (une AO)");
    for (const auto& e : ctg.equipements)
      if (e.partie)
        if (const Party* p = ctg.party(*e.partie); p && p->type != PartyType::Commune)
          kind_error(e.at("partie"), *p, "une commune");
    for (const auto& e : ctg.equipements)
      for (const auto& id : e.dessert)
        if (const Party* p = ctg.party(id); p && p->type != PartyType::Commune && !grouping(*p))
          kind_error(e.at("dessert"), *p, "une commune, un EPCI ou un syndicat");
  }

  // premier_bloc leaves at least one party for « D'autre part ».
  void check_second_block(const Ctg& ctg) {
    const auto& first = ctg.convention.premier_bloc;
    if (first.empty() || ctg.parties.empty()) return;
    for (const auto& p : ctg.parties)
      if (std::find(first.begin(), first.end(), p.id) == first.end()) return;
    result.diagnostics.error("BLOCS", ctg.convention.at("premier_bloc"),
                             fmt::format("« premier_bloc » cite les {} parties : le second bloc (« D'autre part ») "
                                         "serait vide",
                                         ctg.parties.size()),
                             "retirez de « premier_bloc » les parties du second bloc (la communauté, les communes…)");
  }

  void finish(std::optional<Ctg> ctg, int main_file, const fs::path& base, const std::string& shown_base) {
    if (!ctg) {
      result.unusable = true;
      return;
    }
    if (!ctg->inclure.empty() && !fragment) include_all(*ctg, base, shown_base);
    include_tracking(*ctg, base, shown_base);
    require_sections(*ctg, main_file);
    resolve_references();
    ctg->reindex();
    check_reference_kinds(*ctg);
    if (!fragment) check_second_block(*ctg);
    if (!fragment) format::suivi::check(*ctg, result.diagnostics);
    result.diagnostics.sort();
    result.ctg = std::move(ctg);
    if (reader && reader->keep_trees) result.trees.resize(result.sources.size());
  }
};

}  // namespace

std::string resolve_ctg_path(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(to_path(path), ec)) return path_string(to_path(path) / "ctg.yaml");
  return path;
}

LoadResult load_file(const std::string& given) { return load_file(given, Reader{}); }

LoadResult load_file(const std::string& given, const Reader& reader) {
  Loader l;
  l.reader = &reader;  // a local reader reads from the file system (Loader::read)
  std::string path = reader.local ? resolve_ctg_path(given) : given;
  fs::path folder = to_path(path).parent_path().empty() ? fs::path(".") : to_path(path).parent_path();
  if (reader.local && !Loader::inside(folder, to_path(path))) {  // refused unread: never quoted
    l.result.diagnostics.error("FICHIER", Loc{},
                               fmt::format("lecture de {} refusée : c'est un lien symbolique qui mène hors de son dossier",
                                           guillemets(path)),
                               "une CTG est lue dans son dossier ; si ce lien est le vôtre, donnez le chemin du fichier "
                               "lui-même (readlink -f)");
    l.result.unusable = true;
    return std::move(l.result);
  }
  int file = l.read(to_path(path), path, Loc{});
  if (file < 0) {
    l.result.unusable = true;
    return std::move(l.result);
  }
  fs::path p = to_path(path);
  l.finish(l.load_source(file), file, p.parent_path().empty() ? fs::path(".") : p.parent_path(),
           path_string(p.parent_path()));
  return std::move(l.result);
}

LoadResult load_fragment(std::string text, std::string name) {
  Loader l;
  l.fragment = true;
  int file = l.result.sources.add(std::move(name), std::move(text));
  l.finish(l.load_source(file), file, fs::path("."), "");
  return std::move(l.result);
}

LoadResult load_text(std::string text, std::string name, std::string base_dir) {
  Loader l;
  int file = l.result.sources.add(std::move(name), std::move(text));
  l.finish(l.load_source(file), file, to_path(base_dir), base_dir == "." ? "" : base_dir);
  return std::move(l.result);
}

}  // namespace ctg
