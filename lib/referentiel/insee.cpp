// SPDX-License-Identifier: EUPL-1.2
#include "referentiel/insee.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>

#include "base/atomic_file.hpp"
#include "base/digest.hpp"
#include "base/french.hpp"
#include "base/paths.hpp"
#include "base/source.hpp"
#include "base/text.hpp"

namespace ctg::referentiel {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view expected_header = "REG;Région;DEP;CODARR;CODCAN;CODCOM;Commune;PMUN;PCAP;PTOT";

struct Field {
  std::string_view text;
  std::size_t offset = 0;  // in the line, for the column
};

// The column (in characters, from 1) of byte `offset` of `line`.
int column(std::string_view line, std::size_t offset) {
  int c = 1;
  for (std::size_t i = 0; i < offset && i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++c;
  return c;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Splits on `;`; a field in double quotes may hold a `;` (its quotes are dropped).
std::vector<Field> split(std::string_view line) {
  std::vector<Field> out;
  std::size_t i = 0;
  while (true) {
    std::size_t start = i, end;
    if (i < line.size() && line[i] == '"') {
      auto close = line.find('"', i + 1);
      end = close == std::string_view::npos ? line.size() : close + 1;
      end = std::min(line.find(';', end), line.size());
    } else {
      end = std::min(line.find(';', i), line.size());
    }
    std::string_view f = trim(line.substr(start, end - start));
    if (f.size() >= 2 && f.front() == '"' && f.back() == '"') f = f.substr(1, f.size() - 2);
    out.push_back({f, start});
    if (end >= line.size()) break;
    i = end + 1;
  }
  return out;
}

// A figure: digits, maybe grouped by spaces (also non-breaking ones).
std::optional<std::int64_t> figure(std::string_view s) {
  std::int64_t v = 0;
  bool digit = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      v = v * 10 + (c - '0');
      digit = true;
      if (v > max_population) return std::nullopt;
    } else if (c == ' ') {
      continue;
    } else if (s.substr(i, 2) == "\xC2\xA0") {
      ++i;
    } else if (s.substr(i, 3) == "\xE2\x80\xAF") {
      i += 2;
    } else {
      return std::nullopt;
    }
  }
  return digit ? std::optional(v) : std::nullopt;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// DEP + CODCOM as the Insee builds the code: « 04 » + « 070 », « 2A » + « 004 »,
// « 971 » + « 01 » (a département d'outre-mer: two digits of commune). Leading
// zeros a spreadsheet dropped (« 4 », « 70 ») are put back. Empty if impossible.
std::string commune_code(std::string_view dep, std::string_view com) {
  std::string d(dep), c(com);
  if (d.size() == 1 && all_digits(d)) d = "0" + d;
  bool corse = d == "2A" || d == "2B" || d == "2a" || d == "2b";
  if (corse) d[1] = static_cast<char>(d[1] == 'a' ? 'A' : d[1] == 'b' ? 'B' : d[1]);
  if (!all_digits(c)) return {};
  if (d.size() == 3 && all_digits(d) && d.compare(0, 2, "97") == 0) {
    if (c.size() == 3 && c[0] == d[2]) c.erase(0, 1);  // « 971 » + « 101 »: the commune's full number
    while (c.size() < 2) c.insert(0, "0");
    return c.size() == 2 ? d + c : std::string();
  }
  if (d.size() != 2 || !(corse || all_digits(d))) return {};
  while (c.size() < 3) c.insert(0, "0");
  return c.size() == 3 ? d + c : std::string();
}

// The columns of the header, or an error.
struct Columns {
  std::size_t count = 0, dep = 0, com = 0, pmun = 0, pcap = 0, ptot = 0;
};

std::string header_columns(std::string_view shown, std::string_view line, Columns& c) {
  auto f = split(line);
  c.count = f.size();
  std::vector<std::string> missing;
  auto find = [&](std::string_view name, std::size_t& at) {
    for (std::size_t i = 0; i < f.size(); ++i)
      if (f[i].text == name) return void(at = i);
    missing.emplace_back(name);
  };
  find("DEP", c.dep), find("CODCOM", c.com), find("PMUN", c.pmun), find("PCAP", c.pcap), find("PTOT", c.ptot);
  if (missing.empty()) return {};
  return fmt::format("{}:1:1 : en-tête inattendu, colonne{} {} absente{} ; le fichier attendu est celui des "
                     "populations légales des communes publié par l'Insee (donnees_communes.csv, en-tête « {} »)",
                     shown, missing.size() > 1 ? "s" : "", join_french(missing, " et "), missing.size() > 1 ? "s" : "",
                     expected_header);
}

// One data line into `out`; an error in French, else empty.
// Why long: each of the five checks of a line says its own column and figures.
std::string data_line(std::string_view shown, int n, std::string_view line, const Columns& c, InseeCommune& out) {
  auto f = split(line);
  if (f.size() != c.count)
    return fmt::format("{}:{}:1 : {} colonnes au lieu des {} de l'en-tête (séparateur « ; ») ; corrigez la ligne ou "
                       "reprenez le fichier de l'Insee", shown, n, f.size(), c.count);
  out.line = n;
  out.code = commune_code(f[c.dep].text, f[c.com].text);
  if (out.code.empty())
    return fmt::format("{}:{}:{} : code de commune impossible (DEP « {} », CODCOM « {} ») ; attendu par exemple "
                       "DEP 04 et CODCOM 070, DEP 2A et CODCOM 004, DEP 971 et CODCOM 01",
                       shown, n, column(line, f[c.dep].offset), f[c.dep].text, f[c.com].text);
  std::int64_t* target[] = {&out.municipale, &out.a_part, &out.totale};
  std::size_t at[] = {c.pmun, c.pcap, c.ptot};
  const char* name[] = {"PMUN", "PCAP", "PTOT"};
  for (int k = 0; k < 3; ++k) {
    auto v = figure(f[at[k]].text);
    if (!v)
      return fmt::format("{}:{}:{} : {} « {} » n'est pas un nombre entier d'habitants (commune {}) ; corrigez le "
                         "chiffre ou reprenez le fichier de l'Insee",
                         shown, n, column(line, f[at[k]].offset), name[k], f[at[k]].text, out.code);
    *target[k] = *v;
  }
  if (out.totale != out.municipale + out.a_part)
    return fmt::format("{}:{}:{} : PTOT {} n'est pas PMUN {} + PCAP {} (= {}) pour la commune {} ; la population "
                       "totale est la somme des deux : corrigez le chiffre ou reprenez le fichier de l'Insee",
                       shown, n, column(line, f[c.ptot].offset), fr::integer(out.totale), fr::integer(out.municipale),
                       fr::integer(out.a_part), fr::integer(out.municipale + out.a_part), out.code);
  return {};
}

}  // namespace

InseeFile parse_insee(std::string_view shown, std::string_view text) {
  InseeFile r;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  Columns c;
  std::map<std::string, int> seen;
  int n = 0;
  bool header = false;
  while (!text.empty() && r.error.empty()) {
    ++n;
    auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty()) continue;
    if (!header) {
      header = true;
      if (n != 1) r.error = fmt::format("{}:{}:1 : l'en-tête doit être la première ligne", shown, n);
      else r.error = header_columns(shown, line, c);
      continue;
    }
    InseeCommune one;
    r.error = data_line(shown, n, line, c, one);
    if (!r.error.empty()) break;
    if (auto [it, fresh] = seen.emplace(one.code, n); !fresh)
      r.error = fmt::format("{}:{}:1 : commune {} déjà donnée ligne {} ; gardez une seule ligne par commune", shown,
                            n, one.code, it->second);
    else r.communes.push_back(std::move(one));
  }
  if (r.error.empty() && r.communes.empty())
    r.error = fmt::format("{}:1:1 : aucune commune dans le fichier ; attendu : l'en-tête « {} » puis une ligne par "
                          "commune", shown, expected_header);
  if (!r.error.empty()) r.communes.clear();
  return r;
}

namespace {

// A row of the user's index.tsv: millésime, en vigueur, totale, epci, source,
// file name, SHA-256, date of import, the Insee's page.
struct UserRow {
  int millesime = 0;
  std::vector<std::string> cells;
};

std::vector<UserRow> read_user_rows(const fs::path& index) {
  std::vector<UserRow> rows;
  ReadFailure failure = ReadFailure::None;
  std::string reason;
  auto text = read_regular_file(path_string(index), failure, reason);
  if (!text) return rows;
  std::string_view t = *text;
  while (!t.empty()) {
    auto nl = t.find('\n');
    std::string_view line = t.substr(0, nl);
    t = nl == std::string_view::npos ? std::string_view{} : t.substr(nl + 1);
    if (line.empty() || line.front() == '#') continue;
    UserRow r;
    for (std::size_t start = 0;;) {
      auto tab = line.find('\t', start);
      r.cells.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (r.cells.size() != 9 || r.cells[0].size() != 4 || !all_digits(r.cells[0])) continue;
    r.millesime = std::stoi(r.cells[0]);
    rows.push_back(std::move(r));
  }
  return rows;
}

std::string index_text(const std::vector<UserRow>& rows) {
  std::string out = "# millesime\ten_vigueur_au_1er_janvier\tpopulation_totale\tepci\tsources\tfichier\tsha256\t"
                    "importe_le\tpage_insee\n";
  for (const auto& r : rows) out += join(r.cells, "\t") + "\n";
  return out;
}

std::string provenance_text(const std::vector<UserRow>& rows, const std::string& installed) {
  std::string out = "# Provenance du référentiel de l'utilisateur\n\nFichiers écrits par `ctg referentiel --importer` : "
                    "ne pas les modifier à la main. Pour chaque millésime ci-dessous, ctg lit `communes-M.tsv` de ce "
                    "dossier avant celui du référentiel installé (" + installed + ") ; noms, départements et EPCI "
                    "viennent du référentiel installé, les populations municipale et totale du fichier de l'Insee.\n\n"
                    "| millésime | en vigueur au | fichier importé | sha256 | importé le | page de l'Insee |\n"
                    "|---|---|---|---|---|---|\n";
  for (const auto& r : rows)
    out += fmt::format("| {} | {}-01-01 | {} | `{}` | {} | {} |\n", r.cells[0], r.cells[1], r.cells[5], r.cells[6],
                       r.cells[7], r.cells[8]);
  return out;
}

// A filesystem error in French (errno on POSIX; Windows's own message otherwise).
std::string said(const std::error_code& ec) {
#ifdef _WIN32
  return ec.message();
#else
  return system_error(ec.value());
#endif
}

// Writes the staged files beside their targets, then renames them all (the
// index last: it is what makes the millésime count). Returns a French error.
std::string write_all(const fs::path& dir, const std::vector<std::pair<std::string, std::string>>& files) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return fmt::format("impossible de créer le dossier {} ({})", path_string(dir), said(ec));
  std::vector<std::pair<fs::path, fs::path>> staged;
  auto discard = [&] {
    for (auto& s : staged) fs::remove(s.first, ec);
  };
  for (const auto& [name, content] : files) {
    fs::path target = dir / name, temp = dir / (name + ".import");
    if (auto e = write_atomically(path_string(temp), content); !e.empty()) return discard(), e;
    staged.emplace_back(temp, target);
  }
  for (std::size_t i = 0; i < staged.size(); ++i) {
    fs::rename(staged[i].first, staged[i].second, ec);
    if (ec) {
      std::string e = fmt::format("impossible d'écrire {} ({})", path_string(staged[i].second), said(ec));
      staged.erase(staged.begin(), staged.begin() + static_cast<std::ptrdiff_t>(i));
      return discard(), e;
    }
  }
  return {};
}

// The communes file of the millésime: every commune of the installed one, with
// the Insee's figures where the file has them. Counts the communes matched.
std::string communes_text(const Year& installed, const std::map<std::string, const InseeCommune*>& by_code,
                          std::size_t& matched) {
  std::string out = "# code\tnom\tdepartement\tepci\tpopulation_totale\tpopulation_municipale\n";
  auto opt = [](std::optional<std::int64_t> v) { return v ? std::to_string(*v) : std::string(); };
  for (const auto& c : installed.communes()) {
    auto it = by_code.find(std::string(c.code));
    out += fmt::format("{}\t{}\t{}\t{}\t", c.code, c.nom, c.departement, c.epci);
    if (it != by_code.end()) {
      ++matched;
      out += fmt::format("{}\t{}\n", it->second->totale, it->second->municipale);
    } else {
      out += fmt::format("{}\t{}\n", opt(c.totale), opt(c.municipale));
    }
  }
  return out;
}

}  // namespace

// Why long: the steps of an import in order, each with its own French message.
ImportResult import_insee(const Store& store, const std::string& file, int millesime, const std::string& user_dir,
                          const std::string& today) {
  ImportResult r;
  if (!store.available()) return r.error = store.problem(), r;
  if (user_dir.empty())
    return r.error = "aucun dossier où écrire : définissez la variable CTG_REFERENTIEL_UTILISATEUR (ou HOME)", r;
  Store installed(store.dir());
  if (!installed.info(millesime)) {
    std::vector<std::string> known;
    for (const auto& i : installed.millesimes()) known.push_back(std::to_string(i.millesime));
    r.error = fmt::format("le millésime {} n'est pas dans le référentiel installé ({}) ; millésimes disponibles : {} ; "
                          "les noms et EPCI des communes viennent de lui", millesime, store.dir(), join(known, ", "));
    return r;
  }
  ReadFailure failure = ReadFailure::None;
  std::string reason;
  auto content = read_regular_file(file, failure, reason);
  if (!content) return r.error = fmt::format("{} : {}", file, reason), r;
  InseeFile parsed = parse_insee(file, *content);
  if (!parsed.error.empty()) return r.error = parsed.error, r;
  const Year* year = installed.year(millesime);
  if (!year) return r.error = installed.year_problem(millesime), r;
  std::map<std::string, const InseeCommune*> by_code;
  for (const auto& c : parsed.communes) {
    if (year->commune(c.code)) by_code.emplace(c.code, &c);
    else r.warnings.push_back(fmt::format("{}:{}:1 : commune {} absente du millésime {} du référentiel installé : "
                                          "ignorée", file, c.line, c.code, millesime));
  }
  if (by_code.empty()) {
    r.error = fmt::format("{} : aucune des {} communes du fichier n'est dans le millésime {} du référentiel installé ; "
                          "est-ce bien le fichier des populations légales {} ({}) ?", file, parsed.communes.size(),
                          millesime, millesime, insee_page(millesime));
    r.warnings.clear();
    return r;
  }
  std::size_t matched = 0;
  std::string communes = communes_text(*year, by_code, matched);
  fs::path dir = to_path(user_dir);
  std::vector<UserRow> rows = read_user_rows(dir / "index.tsv");
  rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const UserRow& u) { return u.millesime == millesime; }),
             rows.end());
  std::string name = path_string(to_path(file).filename());
  rows.push_back({millesime, {std::to_string(millesime), std::to_string(millesime + 3), "oui", "non",
                              fmt::format("Insee, populations légales {}, importées le {}", millesime, today), name,
                              sha256_hex(*content), today, insee_page(millesime)}});
  std::sort(rows.begin(), rows.end(), [](const UserRow& a, const UserRow& b) { return a.millesime < b.millesime; });
  std::string m = std::to_string(millesime);
  r.error = write_all(dir, {{"communes-" + m + ".tsv", communes},
                            {"PROVENANCE.md", provenance_text(rows, store.dir())},
                            {"index.tsv", index_text(rows)}});
  if (!r.error.empty()) return r.warnings.clear(), r;
  std::size_t others = year->communes().size() - matched;
  r.summary = fmt::format("millésime {} importé de {} dans {} : {} commune{} avec les populations municipale, comptée "
                          "à part et totale de l'Insee",
                          millesime, file, user_dir, fr::integer(static_cast<std::int64_t>(matched)),
                          matched > 1 ? "s" : "");
  if (others)
    r.summary += fmt::format(" ; {} autre{} commune{} du millésime, absente{} du fichier, {} les chiffres du "
                             "référentiel installé", fr::integer(static_cast<std::int64_t>(others)),
                             others > 1 ? "s" : "", others > 1 ? "s" : "", others > 1 ? "s" : "",
                             others > 1 ? "gardent" : "garde");
  r.summary += ".\nctg referentiel, ctg init et ctg validate utilisent désormais ces chiffres pour le millésime " + m + ".\n";
  return r;
}

}  // namespace ctg::referentiel
