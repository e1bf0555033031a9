#include "markdown.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "charts.hpp"
#include "french.hpp"
#include "text.hpp"

namespace ctg::markdown {

namespace {

std::string html_text(std::string_view s) { return charts::xml_escape(fr::typography(s)); }

// Inline syntax on one paragraph's text.
std::string inline_html(std::string_view s, const std::string& note_prefix) {
  std::string out;
  std::string buffer;
  auto flush = [&] {
    out += html_text(buffer);
    buffer.clear();
  };
  bool strong = false, em = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size() && std::string_view("\\`*_[]{}()#+-.!|<>&~").find(s[i + 1]) != std::string_view::npos) {
      buffer.push_back(s[++i]);
      continue;
    }
    if (c == '`') {
      auto end = s.find('`', i + 1);
      if (end != std::string_view::npos) {
        flush();
        out += "<code>" + charts::xml_escape(s.substr(i + 1, end - i - 1)) + "</code>";
        i = end;
        continue;
      }
    }
    if (c == '[' && i + 1 < s.size() && s[i + 1] == '^') {
      auto end = s.find(']', i);
      if (end != std::string_view::npos) {
        std::string id(s.substr(i + 2, end - i - 2));
        flush();
        out += fmt::format("<sup class=\"appel\"><a href=\"#{0}{1}\" id=\"{0}appel-{1}\">{2}</a></sup>",
                           charts::xml_escape(note_prefix), charts::xml_escape(id), charts::xml_escape(id));
        i = end;
        continue;
      }
    }
    if (c == '[') {
      // [texte](adresse): the text, then the address in parentheses; never a live link.
      auto close = s.find(']', i);
      bool link = close != std::string_view::npos && close + 1 < s.size() && s[close + 1] == '(';
      auto end = link ? s.find(')', close) : std::string_view::npos;
      if (link && end != std::string_view::npos) {
        buffer += std::string(s.substr(i + 1, close - i - 1)) + " (" + std::string(s.substr(close + 2, end - close - 2)) + ")";
        i = end;
        continue;
      }
    }
    if ((c == '*' || c == '_') && i + 1 < s.size() && s[i + 1] == c) {
      flush();
      out += strong ? "</strong>" : "<strong>";
      strong = !strong;
      ++i;
      continue;
    }
    if (c == '*' || (c == '_' && (i == 0 || s[i - 1] == ' ' || em))) {
      // A lone « * » or « _ » opens emphasis only if it closes on the same paragraph.
      if (em || s.find(c, i + 1) != std::string_view::npos) {
        flush();
        out += em ? "</em>" : "<em>";
        em = !em;
        continue;
      }
    }
    buffer.push_back(c);
  }
  flush();
  if (em) out += "</em>";
  if (strong) out += "</strong>";
  return out;
}

std::size_t indent_of(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t')) ++n;
  return n;
}

// « - x », « * x », « + x », « 1. x »: the marker's length, or 0.
std::size_t list_marker(std::string_view line, bool& ordered) {
  std::size_t i = indent_of(line);
  if (i + 1 < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+') && line[i + 1] == ' ') {
    ordered = false;
    return i + 2;
  }
  std::size_t j = i;
  while (j < line.size() && line[j] >= '0' && line[j] <= '9') ++j;
  if (j > i && j + 1 < line.size() && (line[j] == '.' || line[j] == ')') && line[j + 1] == ' ') {
    ordered = true;
    return j + 2;
  }
  return 0;
}

struct Renderer {
  int shift;
  std::string prefix;
  std::vector<std::pair<std::string, std::string>> notes;

  std::string lists(const std::vector<std::string_view>& lines, std::size_t& i) {
    bool ordered = false;
    list_marker(lines[i], ordered);
    std::size_t base = indent_of(lines[i]);
    std::string out = ordered ? "<ol>" : "<ul>";
    while (i < lines.size()) {
      bool o = false;
      std::size_t m = list_marker(lines[i], o);
      if (m == 0 || indent_of(lines[i]) != base) break;
      std::string text(lines[i].substr(m));
      ++i;
      // Continuation lines, and nested lists deeper than this item.
      std::string nested;
      while (i < lines.size() && !lines[i].empty()) {
        bool o2 = false;
        std::size_t ind = indent_of(lines[i]);
        if (list_marker(lines[i], o2) && ind > base) {
          nested += lists(lines, i);
          continue;
        }
        if (list_marker(lines[i], o2) || ind <= base) break;
        text += " " + std::string(lines[i].substr(ind));
        ++i;
      }
      out += "<li>" + inline_html(text, prefix) + nested + "</li>";
      while (i < lines.size() && lines[i].empty() && i + 1 < lines.size() && list_marker(lines[i + 1], o) &&
             indent_of(lines[i + 1]) >= base)
        ++i;  // a blank line between items of the same list
    }
    out += ordered ? "</ol>" : "</ul>";
    return out;
  }

  std::string render(std::string_view md) {
    std::vector<std::string_view> lines;
    for (std::size_t p = 0; p <= md.size();) {
      auto nl = md.find('\n', p);
      if (nl == std::string_view::npos) nl = md.size();
      std::string_view l = md.substr(p, nl - p);
      while (!l.empty() && (l.back() == ' ' || l.back() == '\r')) l.remove_suffix(1);
      lines.push_back(l);
      p = nl + 1;
    }
    std::string out;
    std::size_t i = 0;
    while (i < lines.size()) {
      std::string_view l = lines[i];
      if (l.empty()) {
        ++i;
        continue;
      }
      std::size_t ind = indent_of(l);
      std::string_view t = l.substr(ind);
      bool ordered = false;
      if (t.rfind("[^", 0) == 0 && t.find("]:") != std::string_view::npos) {
        auto close = t.find("]:");
        std::string id(t.substr(2, close - 2));
        std::string text(t.substr(close + 2));
        text.erase(0, text.find_first_not_of(' '));
        ++i;
        while (i < lines.size() && !lines[i].empty() && indent_of(lines[i]) > 0) text += " " + std::string(lines[i].substr(indent_of(lines[i]))), ++i;
        notes.emplace_back(id, text);
        continue;
      }
      if (t[0] == '#') {
        std::size_t level = t.find_first_not_of('#');
        if (level != std::string_view::npos && level <= 6 && t[level] == ' ') {
          int h = std::min<int>(6, static_cast<int>(level) + shift);
          out += fmt::format("<h{0}>{1}</h{0}>", h, inline_html(t.substr(level + 1), prefix));
          ++i;
          continue;
        }
      }
      if (list_marker(l, ordered)) {
        out += lists(lines, i);
        continue;
      }
      if (t[0] == '>') {
        std::string quote;
        while (i < lines.size() && !lines[i].empty() && lines[i].substr(indent_of(lines[i]))[0] == '>') {
          std::string_view q = lines[i].substr(indent_of(lines[i]) + 1);
          if (!q.empty() && q[0] == ' ') q.remove_prefix(1);
          quote += std::string(q) + "\n";
          ++i;
        }
        out += "<blockquote>" + render(quote) + "</blockquote>";
        continue;
      }
      std::string para;
      while (i < lines.size() && !lines[i].empty()) {
        bool o = false;
        std::string_view t2 = lines[i].substr(indent_of(lines[i]));
        if (!para.empty() && (list_marker(lines[i], o) || t2[0] == '#' || t2[0] == '>')) break;
        para += (para.empty() ? "" : " ") + std::string(t2);
        ++i;
      }
      out += "<p>" + inline_html(para, prefix) + "</p>";
    }
    return out;
  }
};

}  // namespace

std::string to_html(std::string_view md, int heading_shift, const std::string& note_prefix) {
  Renderer r{heading_shift, note_prefix, {}};
  std::string out = r.render(md);
  if (!r.notes.empty()) {
    out += "<section class=\"notes\" aria-label=\"Notes\"><ol>";
    for (const auto& [id, text] : r.notes)
      out += fmt::format("<li id=\"{0}{1}\" value=\"{2}\">{3} <a href=\"#{0}appel-{1}\" aria-label=\"Retour\">↩</a></li>",
                         charts::xml_escape(note_prefix), charts::xml_escape(id),
                         std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; }) ? id : "1",
                         inline_html(text, note_prefix));
    out += "</ol></section>";
  }
  return out;
}

std::string sanitize(std::string_view raw, int heading_shift) {
  const std::string printable_md = printable(raw);
  std::string_view md = printable_md;
  std::string out;
  bool line_start = true;
  for (std::size_t i = 0; i < md.size(); ++i) {
    char c = md[i];
    if (line_start && c == '#') out.append(static_cast<std::size_t>(heading_shift), '#');
    line_start = c == '\n';
    if (c == '<') out += "&lt;";
    else if (c == '[' && !(i + 1 < md.size() && md[i + 1] == '^')) out += "\\[";  // no link of any kind
    else out.push_back(c);
  }
  return fr::typography(out);
}

std::string escape(std::string_view raw) {
  const std::string text = printable(raw);
  std::string out;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>|#~&").find(c) != std::string_view::npos) out.push_back('\\');
    if (c == '\n') {  // no hard line break in a Markdown line of text
      out += ' ';
      continue;
    }
    out.push_back(c);
  }
  // A paragraph must not start a list or a quotation: « - », « + », « > », « 1. ».
  std::size_t digits = 0;
  while (digits < out.size() && out[digits] >= '0' && out[digits] <= '9') ++digits;
  if (!out.empty() && (out[0] == '-' || out[0] == '+' || out[0] == '=' ||
                       (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')'))))
    out.insert(digits > 0 ? digits : 0, "\\");
  return fr::typography(out);
}

}  // namespace ctg::markdown
