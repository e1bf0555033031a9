// SPDX-License-Identifier: EUPL-1.2
#include "referentiel/referentiel.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "base/paths.hpp"
#include "base/source.hpp"
#ifdef _WIN32
#include "base/platform.hpp"
#endif

namespace ctg::referentiel {

namespace fs = std::filesystem;

// A data file read whole into memory (never mapped: a file truncated or
// replaced while read must not kill the process with SIGBUS), with the same
// rules as a CTG file: a regular file, of bounded size.
struct Year::DataFile {
  std::string content;
  std::string_view text() const { return content; }

  // nullptr with `problem` set, in French, when the file cannot be used.
  static std::shared_ptr<DataFile> open(const fs::path& p, std::string& problem) {
    ReadFailure failure = ReadFailure::None;
    std::string reason;
    auto content = read_regular_file(path_string(p), failure, reason);
    if (!content) {
      problem = fmt::format("{} : {}", path_string(p), reason);
      return nullptr;
    }
    auto m = std::make_shared<DataFile>();
    m->content = std::move(*content);
    return m;
  }
};

namespace {

// Splits `line` on tabs into at most `n` fields.
std::vector<std::string_view> fields(std::string_view line, std::size_t n) {
  std::vector<std::string_view> out;
  out.reserve(n);
  while (out.size() + 1 < n) {
    auto tab = line.find('\t');
    if (tab == std::string_view::npos) break;
    out.push_back(line.substr(0, tab));
    line.remove_prefix(tab + 1);
  }
  out.push_back(line);
  return out;
}

// A number of the data files between `low` and `high`, else nullopt (a
// figure out of bounds is treated as absent: the sums of REF-6 never overflow).
std::optional<std::int64_t> number(std::string_view s, std::int64_t low = 0, std::int64_t high = max_population) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size() || v < low || v > high) return std::nullopt;
  return v;
}

template <typename F>
void each_line(std::string_view text, F f) {
  while (!text.empty()) {
    auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line.front() != '#') f(line);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
}

// The ASCII letter an accented Latin letter folds to (0 when none).
char unaccent(char32_t c) {
  static const std::u32string_view from = U"àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸ";
  static const std::string_view to = "aaaaaaceeeeiiiinooooouuuuyyaaaaaaceeeeiiiinooooouuuuyy";
  auto i = from.find(c);
  return i == std::u32string_view::npos ? 0 : to[i];
}

fs::path executable_dir() {
#ifdef _WIN32
  return platform::executable_path().parent_path();
#else
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
#endif
}

}  // namespace

int in_force(Date d) { return d.year - 3; }

std::string insee_page(int millesime) {
  switch (millesime) {
    case 2021: return "https://www.insee.fr/fr/statistiques/7739582";
    case 2022: return "https://www.insee.fr/fr/statistiques/8290591";
    case 2023: return "https://www.insee.fr/fr/statistiques/8680726";
    default: return "https://www.insee.fr/fr/information/2008354";
  }
}

std::string fold(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  auto put = [&](char c) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) return;
    out.push_back(c);
  };
  for (std::size_t i = 0; i < name.size();) {
    unsigned char b = static_cast<unsigned char>(name[i]);
    char32_t c = b;
    std::size_t len = 1;
    if (b >= 0xC0 && b < 0xE0 && i + 1 < name.size()) c = ((b & 0x1F) << 6) | (name[i + 1] & 0x3F), len = 2;
    else if (b >= 0xE0 && b < 0xF0 && i + 2 < name.size())
      c = ((b & 0x0F) << 12) | ((name[i + 1] & 0x3F) << 6) | (name[i + 2] & 0x3F), len = 3;
    else if (b >= 0xF0) len = std::min<std::size_t>(4, name.size() - i), c = U'?';
    i += len;
    if (c < 0x80) {
      char a = static_cast<char>(c);
      if (a >= 'A' && a <= 'Z') put(static_cast<char>(a - 'A' + 'a'));
      else if ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9')) put(a);
      else put(' ');
    } else if (c == U'œ' || c == U'Œ') put('o'), put('e');
    else if (c == U'æ' || c == U'Æ') put('a'), put('e');
    else if (char a = unaccent(c)) put(a);
    else put(' ');
  }
  // Words: « st » / « ste » as « saint » / « sainte »; a leading legal form dropped.
  static const std::vector<std::string_view> forms{"ca", "cc", "cu", "met", "metropole", "communaute"};
  std::string result;
  std::string_view rest = out;
  bool first = true;
  while (!rest.empty()) {
    auto sp = rest.find(' ');
    std::string_view w = rest.substr(0, sp);
    rest = sp == std::string_view::npos ? std::string_view{} : rest.substr(sp + 1);
    if (w.empty()) continue;
    if (first && std::find(forms.begin(), forms.end(), w) != forms.end() && !rest.empty()) {
      first = false;
      continue;
    }
    first = false;
    if (!result.empty()) result.push_back(' ');
    result += w == "st" ? "saint" : w == "ste" ? "sainte" : w;
  }
  return result;
}

namespace {

std::optional<Commune> parse_commune(std::string_view line) {
  auto f = fields(line, 6);
  if (f.size() < 6) return std::nullopt;
  return Commune{f[0], f[1], f[2], f[3], number(f[4]), number(f[5])};
}

}  // namespace

const Commune* Year::commune(std::string_view code) const {
  std::lock_guard lock(cache_mutex_);
  if (auto it = looked_up_.find(code); it != looked_up_.end()) return &it->second;
  std::string_view t = communes_text_;  // a view of the file read
  auto line_at = [&](std::size_t start) {
    auto nl = t.find('\n', start);
    return t.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
  };
  // Binary search over the line starts in [lo, hi).
  std::size_t lo = communes_start_, hi = t.size();
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2, start = lo;
    if (mid > lo) {
      auto nl = t.find('\n', mid - 1);
      start = nl == std::string_view::npos ? t.size() : nl + 1;
    }
    if (start >= hi) {
      hi = mid;
      continue;
    }
    std::string_view line = line_at(start);
    std::string_view key = line.substr(0, line.find('\t'));
    if (key < code) lo = start + line.size() + 1;
    else if (code < key) hi = start;
    else if (auto c = parse_commune(line)) return &looked_up_.emplace(c->code, *c).first->second;
    else return nullptr;
  }
  return nullptr;
}

const std::vector<Commune>& Year::communes() const {
  std::lock_guard lock(cache_mutex_);
  if (communes_.empty())
    each_line(communes_text_.substr(communes_start_), [&](std::string_view line) {
      if (auto c = parse_commune(line)) communes_.push_back(*c);
    });
  return communes_;
}

const Epci* Year::epci(std::string_view siren) const {
  auto it = std::lower_bound(epcis_.begin(), epcis_.end(), siren,
                             [](const Epci& e, std::string_view k) { return e.siren < k; });
  return it != epcis_.end() && it->siren == siren ? &*it : nullptr;
}

std::vector<const Commune*> Year::communes_named(std::string_view name) const {
  std::vector<const Commune*> out;
  std::string key = fold(name);
  if (key.empty()) return out;
  const auto& all = communes();
  std::lock_guard lock(cache_mutex_);
  if (communes_by_name_.empty())
    for (const auto& c : all) communes_by_name_.emplace(fold(c.nom), &c);
  auto [from, to] = communes_by_name_.equal_range(key);
  for (auto it = from; it != to; ++it) out.push_back(it->second);
  return out;
}

std::vector<const Epci*> Year::epcis_named(std::string_view name) const {
  std::vector<const Epci*> out;
  std::string key = fold(name);
  if (key.empty()) return out;
  std::lock_guard lock(cache_mutex_);
  if (epcis_by_name_.empty())
    for (const auto& e : epcis_) epcis_by_name_.emplace(fold(e.nom), &e);
  auto [from, to] = epcis_by_name_.equal_range(key);
  for (auto it = from; it != to; ++it) out.push_back(it->second);
  return out;
}

std::string user_directory() {
#ifdef _WIN32
  if (auto env = platform::environment("CTG_REFERENTIEL_UTILISATEUR"); env && !env->empty()) return *env;
  if (auto app = platform::environment("APPDATA"); app && !app->empty())
    return path_string(to_path(*app) / "ctg" / "referentiel");
  return {};
#else
  if (const char* env = std::getenv("CTG_REFERENTIEL_UTILISATEUR"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg == '/')
    return (fs::path(xdg) / "ctg" / "referentiel").string();
  if (const char* home = std::getenv("HOME"); home && *home)
    return (fs::path(home) / ".local" / "share" / "ctg" / "referentiel").string();
  return {};
#endif
}

Store& Store::instance() {
  static Store store([] {
#ifdef _WIN32
    // Windows: the folder « referentiel » beside ctg.exe (the zip of tools/windows/package.sh).
    if (auto env = platform::environment("CTG_REFERENTIEL"); env && !env->empty()) return *env;
    // Only there: the build machine's folders mean nothing on a Windows PC.
    return path_string(executable_dir() / "referentiel");
#else
    if (const char* env = std::getenv("CTG_REFERENTIEL"); env && *env) return std::string(env);
    // share/ctg/referentiel beside the program's folder (bin/ installed) or
    // beside one of its two parents (build tree: build/cmd/ctg, build/tests/…,
    // where lib/CMakeLists.txt links build/share/ctg/referentiel to the data).
    std::error_code ec;
    fs::path dir = executable_dir();
    fs::path first = (dir / ".." / "share" / "ctg" / "referentiel").lexically_normal();
    for (int up = 0; up < 3 && !dir.empty(); ++up, dir = dir.parent_path()) {
      fs::path candidate = (dir / ".." / "share" / "ctg" / "referentiel").lexically_normal();
      if (fs::exists(candidate / "index.tsv", ec)) return candidate.string();
      if (dir == dir.parent_path()) break;
    }
    return first.string();
#endif
  }(), user_directory());
  return store;
}

Store::Store(std::string dir, std::string user_dir) : dir_(std::move(dir)), user_dir_(std::move(user_dir)) {
  std::string problem;
  auto index = Year::DataFile::open(to_path(dir_) / "index.tsv", problem);
  if (!index) {
    problem_ = fmt::format("référentiel géographique illisible ({}) ; indiquez son dossier par la variable "
                           "d'environnement CTG_REFERENTIEL", problem);
    return;
  }
  each_line(index->text(), [&](std::string_view line) {
    auto f = fields(line, 5);
    if (f.size() < 5) return;
    auto m = number(f[0], min_millesime, max_millesime);
    if (!m || info(static_cast<int>(*m))) return;
    infos_.push_back({static_cast<int>(*m), f[2] == "oui", f[3] == "oui", std::string(f[4]), {}});
  });
  std::sort(infos_.begin(), infos_.end(), [](const Info& a, const Info& b) { return a.millesime < b.millesime; });
  if (infos_.empty()) problem_ = "référentiel géographique vide (" + dir_ + "/index.tsv)";
  else read_user_index();
}

// The user's index.tsv (written by import_insee): a millésime of the installed
// referential whose population totale comes from the Insee's file. An absent
// or unreadable user folder is no referential of the user's: nothing changes.
void Store::read_user_index() {
  if (user_dir_.empty()) return;
  std::error_code ec;
  if (!fs::exists(to_path(user_dir_) / "index.tsv", ec)) return;
  std::string problem;
  auto index = Year::DataFile::open(to_path(user_dir_) / "index.tsv", problem);
  if (!index) return;
  each_line(index->text(), [&](std::string_view line) {
    auto f = fields(line, 6);
    if (f.size() < 6) return;
    auto m = number(f[0], min_millesime, max_millesime);
    if (!m) return;
    for (auto& i : infos_)
      if (i.millesime == *m) {
        i.totale = true;
        i.sources = std::string(f[4]);
        i.importe = std::string(f[4]);
      }
  });
}

const Info* Store::info(int millesime) const {
  for (const auto& i : infos_)
    if (i.millesime == millesime) return &i;
  return nullptr;
}

std::optional<int> Store::latest_with_totale(int at_most) const {
  std::optional<int> best;
  for (const auto& i : infos_)
    if (i.totale && i.millesime <= at_most) best = i.millesime;
  return best;
}

std::optional<int> Store::latest_with_epci(int at_most) const {
  std::optional<int> best;
  for (const auto& i : infos_)
    if (i.epci && i.millesime <= at_most) best = i.millesime;
  return best;
}

const Year* Store::year(int millesime) {
  std::lock_guard lock(years_mutex_);
  if (auto it = years_.find(millesime); it != years_.end()) return it->second.get();
  const Info* inf = info(millesime);
  if (!inf) return nullptr;
  auto y = std::make_unique<Year>();
  y->millesime = millesime;
  fs::path base = to_path(dir_);
  std::string problem;
  fs::path communes_base = inf->importe.empty() ? base : to_path(user_dir_);
  y->communes_file_ = Year::DataFile::open(communes_base / ("communes-" + std::to_string(millesime) + ".tsv"), problem);
  if (y->communes_file_) {
    y->communes_text_ = y->communes_file_->text();
    // The header lines (« # … ») come first; the data lines are sorted by code.
    while (y->communes_start_ < y->communes_text_.size() && y->communes_text_[y->communes_start_] == '#') {
      auto nl = y->communes_text_.find('\n', y->communes_start_);
      y->communes_start_ = nl == std::string_view::npos ? y->communes_text_.size() : nl + 1;
    }
    if (y->communes_start_ >= y->communes_text_.size())
      problem = fmt::format("{} : aucune commune",
                            path_string(communes_base / ("communes-" + std::to_string(millesime) + ".tsv")));
  }
  if (problem.empty() && inf->epci) {
    if ((y->epci_file_ = Year::DataFile::open(base / ("epci-" + std::to_string(millesime) + ".tsv"), problem)))
      y->read_epcis();
  }
  if (!problem.empty()) {
    year_problems_[millesime] = problem;
    years_[millesime] = nullptr;
    return nullptr;
  }
  return (years_[millesime] = std::move(y)).get();
}

std::string Store::year_problem(int millesime) {
  std::lock_guard lock(years_mutex_);
  auto it = year_problems_.find(millesime);
  return it == year_problems_.end() ? std::string() : it->second;
}

void Year::read_epcis() {
  epci_text_ = epci_file_->text();
  each_line(epci_text_, [&](std::string_view line) {
    auto f = fields(line, 6);
    if (f.size() < 6) return;
    Epci e{f[0], f[1], f[2], number(f[3]), number(f[4]), {}};
    std::string_view m = f[5];
    while (!m.empty()) {
      auto comma = m.find(',');
      e.membres.push_back(m.substr(0, comma));
      if (comma == std::string_view::npos) break;
      m.remove_prefix(comma + 1);
    }
    epcis_.push_back(std::move(e));
  });
  auto by_siren = [](const Epci& a, const Epci& b) { return a.siren < b.siren; };
  if (!std::is_sorted(epcis_.begin(), epcis_.end(), by_siren)) std::sort(epcis_.begin(), epcis_.end(), by_siren);
}

}  // namespace ctg::referentiel
