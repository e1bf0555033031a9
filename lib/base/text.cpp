// SPDX-License-Identifier: EUPL-1.2
#include "base/text.hpp"

#include <algorithm>
#include <cerrno>

#include "base/source.hpp"

namespace ctg {

std::string guillemets(std::string_view s) {
  return std::string("«\u00A0") + std::string(s) + "\u00A0»";
}

namespace {
std::u32string decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}
}  // namespace

std::size_t edit_distance(std::string_view a8, std::string_view b8) {
  std::u32string a = decode(a8), b = decode(b8);
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i)
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[n][m];
}

std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates) {
  // Long words tolerate more typos; very short ones only one.
  const std::size_t limit = std::max<std::size_t>(1, std::min<std::size_t>(3, word.size() / 3));
  std::optional<std::string> best;
  std::size_t best_d = limit + 1;
  for (const auto& c : candidates) {
    std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

namespace {
// Length of a colour sequence « ESC [ 1;31 m » at the start of `s`, or 0.
std::size_t sgr_length(std::string_view s) {
  if (s.size() < 3 || s[0] != '\x1b' || s[1] != '[') return 0;
  std::size_t i = 2;
  while (i < s.size() && i < 16 && ((s[i] >= '0' && s[i] <= '9') || s[i] == ';')) ++i;
  return i < s.size() && s[i] == 'm' ? i + 1 : 0;
}

bool unsafe_code_point(char32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFFFE || cp == 0xFFFF;
}
}  // namespace

std::string printable(std::string_view s, bool keep_sgr) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (keep_sgr && s[i] == '\x1b') {
      if (std::size_t n = sgr_length(s.substr(i))) {
        out.append(s.substr(i, n));
        i += n;
        continue;
      }
    }
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {  // CRLF (CSV, Windows files)
      out += "\r\n";
      i += 2;
      continue;
    }
    std::size_t bad = find_invalid_utf8(s.substr(i, 4));
    std::size_t len = 1;
    auto c = static_cast<unsigned char>(s[i]);
    if (bad != 0) len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (bad == 0 || len > s.size() - i) {
      out += "\uFFFD";  // not UTF-8: one byte at a time
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (unsafe_code_point(cp)) out += "\uFFFD";
    else out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

bool is_printable(std::string_view s, bool keep_sgr) {
  // Cut after a line feed: no UTF-8 sequence, CRLF or colour sequence spans one.
  constexpr std::size_t chunk = std::size_t{1} << 20;
  while (!s.empty()) {
    std::size_t end = s.size();
    if (end > chunk) {
      std::size_t nl = s.rfind('\n', chunk);
      end = nl == std::string_view::npos ? s.size() : nl + 1;
    }
    std::string_view part = s.substr(0, end);
    if (printable(part, keep_sgr) != part) return false;
    s.remove_prefix(end);
  }
  return true;
}

std::string system_error(int err) {
  switch (err) {
    case ENOSPC: return "plus de place sur le disque";
#ifdef EDQUOT  // not on Windows
    case EDQUOT: return "quota de disque dépassé";
#endif
    case EACCES:
    case EPERM: return "permission refusée";
    case ENOENT: return "fichier ou dossier introuvable";
    case ENOTDIR: return "un élément du chemin n'est pas un dossier";
    case EISDIR: return "c'est un dossier";
    case EROFS: return "système de fichiers en lecture seule";
    case EIO: return "erreur d'entrée-sortie";
    case EPIPE: return "le lecteur de la sortie s'est arrêté";
    case EFBIG: return "fichier trop grand";
    case ENAMETOOLONG: return "nom de fichier trop long";
    case ELOOP: return "trop de liens symboliques";
    case EXDEV: return "déplacement entre deux systèmes de fichiers impossible";
    case EMFILE:
    case ENFILE: return "trop de fichiers ouverts";
    case ENOMEM: return "mémoire insuffisante";
    default: return "erreur système " + std::to_string(err);
  }
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

std::string join_french(const std::vector<std::string>& items, std::string_view last_sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += i + 1 == items.size() ? last_sep : std::string_view(", ");
    out += items[i];
  }
  return out;
}

std::string csv_field(std::string_view s, char sep) {
  if (s.find_first_of(std::string{sep, '"', '\n', '\r'}) == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string xml_escape(std::string_view raw) {
  const std::string s = printable(raw);  // no control character reaches the page
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

}  // namespace ctg
