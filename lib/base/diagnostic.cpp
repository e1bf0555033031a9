// SPDX-License-Identifier: EUPL-1.2
#include "base/diagnostic.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "base/text.hpp"

namespace ctg {

const char* severity_label(Severity s) {
  switch (s) {
    case Severity::Error: return "erreur";
    case Severity::Warning: return "avertissement";
    case Severity::Note: return "remarque";
  }
  return "erreur";
}

void Diagnostics::error(std::string code, Loc loc, std::string message, std::string hint, int span) {
  add({Severity::Error, std::move(code), loc, std::move(message), std::move(hint), span, {}, {}, {}, {}});
}
void Diagnostics::warning(std::string code, Loc loc, std::string message, std::string hint, int span) {
  add({Severity::Warning, std::move(code), loc, std::move(message), std::move(hint), span, {}, {}, {}, {}});
}
void Diagnostics::note(std::string code, Loc loc, std::string message, std::string hint, int span) {
  add({Severity::Note, std::move(code), loc, std::move(message), std::move(hint), span, {}, {}, {}, {}});
}

std::size_t Diagnostics::count(Severity s) const {
  return static_cast<std::size_t>(
      std::count_if(items_.begin(), items_.end(), [s](const Diagnostic& d) { return d.severity == s && !d.acknowledged; }));
}

std::size_t Diagnostics::acknowledged() const {
  return static_cast<std::size_t>(
      std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.acknowledged.has_value(); }));
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.loc.file, a.loc.line, a.loc.col) < std::tie(b.loc.file, b.loc.line, b.loc.col);
  });
}

namespace {
// Expands tabs so that the caret lines up with what a terminal shows.
std::string expand_tabs(std::string_view line) {
  std::string out;
  for (char c : line) {
    if (c == '\t') out.append(4 - utf8_length(out) % 4, ' ');
    else out.push_back(c);
  }
  return out;
}

// The `count` code points of `s` starting at code point `start`.
std::string utf8_substr(std::string_view s, std::size_t start, std::size_t count) {
  std::size_t i = 0, cp = 0, begin = s.size();
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (cp == start) begin = i;
    if (cp == start + count) break;
    ++cp;
  }
  return begin >= s.size() ? std::string() : std::string(s.substr(begin, i - begin));
}

int display_column(std::string_view line, int col) {
  // Characters before `col` (1-based), with tabs expanded like expand_tabs.
  int shown = 0, seen = 0;
  std::size_t i = 0;
  while (i < line.size() && seen < col - 1) {
    auto c = static_cast<unsigned char>(line[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    shown = c == '\t' ? shown + 4 - shown % 4 : shown + 1;
    ++seen;
    i += len;
  }
  return shown + (col - 1 - seen);
}
}  // namespace

std::string format_human(const Diagnostic& d, const SourceSet& sources, HumanStyle style) {
  const char* bold = style.color ? "\x1b[1m" : "";
  const char* reset = style.color ? "\x1b[0m" : "";
  const char* sev_color = !style.color ? ""
                          : d.severity == Severity::Error ? "\x1b[1;31m"
                          : d.severity == Severity::Warning ? "\x1b[1;33m" : "\x1b[1;36m";
  const char* caret_color = style.color ? "\x1b[1;32m" : "";

  std::string out;
  if (d.loc.file >= 0 && static_cast<std::size_t>(d.loc.file) < sources.size()) {
    const std::string path = printable(sources.file(d.loc.file).path);
    if (d.loc.line > 0) out += fmt::format("{}{}:{}:{}:{} ", bold, path, d.loc.line, d.loc.col, reset);
    else out += fmt::format("{}{}:{} ", bold, path, reset);
  }
  out += fmt::format("{}{}[{}]{}: {}\n", sev_color, severity_label(d.severity), d.code, reset, printable(d.message));
  if (d.loc.known()) {
    std::string_view line = sources.line_text(d.loc.file, d.loc.line);
    if (!line.empty()) {
      std::string num = std::to_string(d.loc.line);
      std::string pad(num.size(), ' ');
      std::string shown = printable(expand_tabs(line));
      int col = display_column(line, d.loc.col);
      // A very long line is shown as a window around the caret.
      constexpr int window = 100;
      std::string prefix;
      if (static_cast<int>(utf8_length(shown)) > window) {
        int start = std::max(0, col - window / 2);
        shown = utf8_substr(shown, static_cast<std::size_t>(start), window);
        if (start > 0) {
          prefix = "…";
          col = col - start + 1;
        }
        shown = prefix + shown + "…";
      }
      out += fmt::format(" {} | {}\n", num, shown);
      out += fmt::format(" {} | {}{}{}{}\n", pad, std::string(static_cast<std::size_t>(std::max(0, col)), ' '),
                         caret_color,
                         "^" + std::string(static_cast<std::size_t>(std::clamp(d.span - 1, 0, window)), '~'), reset);
    }
  }
  if (!d.hint.empty()) out += fmt::format("  aide : {}\n", printable(d.hint));
  return out;
}

namespace {
std::string counted(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n > 1 ? many : one);
}
}  // namespace

std::string summary_line(const Diagnostics& diags) {
  std::size_t e = diags.count(Severity::Error), w = diags.count(Severity::Warning),
              n = diags.count(Severity::Note);
  std::string out = e == 0 ? std::string("aucune erreur") : counted(e, "erreur", "erreurs");
  if (w > 0) out += ", " + counted(w, "avertissement", "avertissements");
  if (n > 0) out += ", " + counted(n, "remarque", "remarques");
  if (std::size_t a = diags.acknowledged(); a > 0) out += ", " + counted(a, "constat acquitté", "constats acquittés");
  return out;
}

}  // namespace ctg
