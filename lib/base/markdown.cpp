// SPDX-License-Identifier: EUPL-1.2
#include "base/markdown.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <cctype>
#include <vector>

#include "base/french.hpp"
#include "base/text.hpp"

namespace ctg::markdown {

namespace {

std::string html_text(std::string_view s) { return xml_escape(fr::typography(s)); }

// The next occurrence of a character, remembered: a paragraph of 100 000
// « [ » without « ] » costs one scan, not 100 000.
struct NextOf {
  std::string_view s;
  std::size_t at[256];
  std::size_t from[256];
  explicit NextOf(std::string_view text) : s(text) { std::fill(std::begin(from), std::end(from), std::string_view::npos); }
  std::size_t operator()(char c, std::size_t start) {
    auto k = static_cast<unsigned char>(c);
    const bool cached = from[k] != std::string_view::npos && from[k] <= start &&
                        (at[k] == std::string_view::npos || at[k] >= start);
    if (!cached) {
      at[k] = s.find(c, start);
      from[k] = start;
    }
    return at[k];
  }
};

// Inline syntax on one paragraph's text.
std::string inline_html(std::string_view s, const std::string& note_prefix) {
  NextOf next(s);
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
      auto end = next('`', i + 1);
      if (end != std::string_view::npos) {
        flush();
        out += "<code>" + xml_escape(s.substr(i + 1, end - i - 1)) + "</code>";
        i = end;
        continue;
      }
    }
    if (c == '[' && i + 1 < s.size() && s[i + 1] == '^') {
      auto end = next(']', i);
      if (end != std::string_view::npos) {
        std::string id(s.substr(i + 2, end - i - 2));
        flush();
        out += fmt::format("<sup class=\"appel\"><a href=\"#{0}{1}\" id=\"{0}appel-{1}\">{2}</a></sup>",
                           xml_escape(note_prefix), xml_escape(id), xml_escape(id));
        i = end;
        continue;
      }
    }
    if (c == '[') {
      // [texte](adresse): the text, then the address in parentheses; never a live link.
      auto close = next(']', i);
      bool link = close != std::string_view::npos && close + 1 < s.size() && s[close + 1] == '(';
      auto end = link ? next(')', close) : std::string_view::npos;
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
      if (em || next(c, i + 1) != std::string_view::npos) {
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
  int depth = 0;  // quotations and lists opened around the current block
  int calls = 0;  // render() within render() for a quotation
  std::vector<std::size_t> ends;  // where each outermost block ends in the outermost output

  std::string lists(const std::vector<std::string_view>& lines, std::size_t& i) {
    ++depth;
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
      while (i < lines.size()) {
        // A blank line before a deeper line stays in the item: « Diagnostic :\n\n  - Petite enfance ».
        if (lines[i].empty()) {
          if (i + 1 < lines.size() && !lines[i + 1].empty() && indent_of(lines[i + 1]) > base) {
            ++i;
            continue;
          }
          break;
        }
        bool o2 = false;
        std::size_t ind = indent_of(lines[i]);
        if (list_marker(lines[i], o2) && ind > base && depth < max_nesting) {
          nested += lists(lines, i);
          continue;
        }
        if ((list_marker(lines[i], o2) && depth < max_nesting) || ind <= base) break;
        text += " " + std::string(lines[i].substr(ind));
        ++i;
      }
      out += "<li>" + inline_html(text, prefix) + nested + "</li>";
      while (i < lines.size() && lines[i].empty() && i + 1 < lines.size() && list_marker(lines[i + 1], o) &&
             indent_of(lines[i + 1]) >= base)
        ++i;  // a blank line between items of the same list
    }
    out += ordered ? "</ol>" : "</ul>";
    --depth;
    return out;
  }

  std::string render(std::string_view md) {
    ++calls;
    std::string out = blocks(md);
    --calls;
    return out;
  }

  // Why one long function: The block-level state machine of the Markdown subset: its state (lists, fences, tables) is shared by every case.
  std::string blocks(std::string_view md) {
    std::vector<std::string_view> lines;
    for (std::size_t p = 0; p <= md.size();) {
      auto nl = md.find('\n', p);
      if (nl == std::string_view::npos) nl = md.size();
      std::string_view l = md.substr(p, nl - p);
      while (!l.empty() && (l.back() == ' ' || l.back() == '\r' || l.back() == '\t')) l.remove_suffix(1);
      lines.push_back(l);
      p = nl + 1;
    }
    std::string out;
    std::size_t i = 0;
    while (i < lines.size()) {
      if (calls == 1 && (ends.empty() || ends.back() != out.size())) ends.push_back(out.size());
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
        if (depth >= max_nesting) {  // too deep: the text alone (reported by ctg validate)
          out += "<p>" + inline_html(quote, prefix) + "</p>";
          continue;
        }
        ++depth;
        out += "<blockquote>" + render(quote) + "</blockquote>";
        --depth;
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
    if (calls == 1) ends.push_back(out.size());
    return out;
  }
};

std::string note_html(const std::string& prefix, const std::string& id, const std::string& text) {
  // No « ↩ » back-link: a printed contract has no use for it, and the glyph is not French text.
  return fmt::format("<li id=\"{0}{1}\" value=\"{2}\">{3}</li>", xml_escape(prefix), xml_escape(id),
                     std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; }) ? id : "1",
                     inline_html(text, prefix));
}

}  // namespace

// Each note goes right after the block (paragraph, list, quotation) that
// calls it, so that in print it stays near its call: on the same page as a
// rule, where after the whole article it fell two pages later. A note never
// called comes at the end.
std::string to_html(std::string_view md, int heading_shift, const std::string& note_prefix) {
  Renderer r{heading_shift, note_prefix, {}, 0, 0, {}};
  std::string out = r.render(md);
  if (r.notes.empty()) return out;
  std::map<std::size_t, std::string> after;  // block end → its notes
  for (const auto& [id, text] : r.notes) {
    std::size_t call = out.find(fmt::format("id=\"{}appel-{}\"", xml_escape(note_prefix), xml_escape(id)));
    auto end = call == std::string::npos ? r.ends.end() : std::lower_bound(r.ends.begin(), r.ends.end(), call);
    after[end == r.ends.end() ? out.size() : *end] += note_html(note_prefix, id, text);
  }
  for (auto it = after.rbegin(); it != after.rend(); ++it)
    out.insert(it->first, "<section class=\"notes\" aria-label=\"Notes\"><ol>" + it->second + "</ol></section>");
  return out;
}

namespace {
// « [^id] » at `i` with a simple id (letters, digits, « - », « _ »): the
// position of its « ] », or npos.
std::size_t footnote_end(std::string_view md, std::size_t i) {
  if (md.compare(i, 2, "[^") != 0) return std::string_view::npos;
  std::size_t j = i + 2;
  while (j < md.size() && j - i < 40 && (std::isalnum(static_cast<unsigned char>(md[j])) || md[j] == '-' || md[j] == '_'))
    ++j;
  return j > i + 2 && j < md.size() && md[j] == ']' ? j : std::string_view::npos;
}

// A footnote definition « [^id]: texte » could also be read as a link
// reference definition by a reader without footnotes, if its text is one word
// (the « address ») optionally followed by a « title ».
bool could_be_link_definition(std::string_view rest) {
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  rest = rest.substr(0, rest.find('\n'));
  auto space = rest.find_first_of(" \t");
  if (space == std::string_view::npos) return true;
  auto second = rest.find_first_not_of(" \t", space);
  return second == std::string_view::npos || rest[second] == '"' || rest[second] == '\'' || rest[second] == '(';
}

// Ids of the footnotes defined in `md`: « [^id]: » at the start of a line.
std::vector<std::string_view> defined_footnotes(std::string_view md) {
  std::vector<std::string_view> ids;
  for (std::size_t p = 0; p < md.size();) {
    std::size_t q = p;
    while (q < md.size() && q - p < 4 && md[q] == ' ') ++q;
    std::size_t close = footnote_end(md, q);
    if (close != std::string_view::npos && close + 1 < md.size() && md[close + 1] == ':')
      ids.push_back(md.substr(q + 2, close - q - 2));
    auto nl = md.find('\n', p);
    p = nl == std::string_view::npos ? md.size() : nl + 1;
  }
  return ids;
}
}  // namespace

namespace {
// The ids of the footnotes defined in a text, sorted: each « [^id] » is looked
// up in logarithmic time (80 000 notes cost a sort, not 80 000 scans).
struct Footnotes {
  std::vector<std::string_view> ids;
  explicit Footnotes(std::string_view md) : ids(defined_footnotes(md)) { std::sort(ids.begin(), ids.end()); }
  bool has(std::string_view id) const { return std::binary_search(ids.begin(), ids.end(), id); }
};

// The containers in front of a line's content: spaces, tabs, quotation marks
// « > » and list markers (« - », « * », « + », « 1. » followed by a space).
struct Containers {
  std::size_t length = 0;  // bytes
  int quotes = 0;
  bool item = false;
};
Containers containers_of(std::string_view line) {
  Containers c;
  std::size_t& k = c.length;
  while (k < line.size()) {
    const char ch = line[k];
    std::size_t digits = 0;
    while (k + digits < line.size() && line[k + digits] >= '0' && line[k + digits] <= '9') ++digits;
    if (ch == ' ' || ch == '\t') {
      ++k;
    } else if (ch == '>') {
      ++k, ++c.quotes;
    } else if ((ch == '-' || ch == '*' || ch == '+') && k + 1 < line.size() && line[k + 1] == ' ') {
      k += 2, c.item = true;
    } else if (digits > 0 && k + digits + 1 < line.size() && (line[k + digits] == '.' || line[k + digits] == ')') &&
               line[k + digits + 1] == ' ') {
      k += digits + 2, c.item = true;
    } else {
      break;
    }
  }
  return c;
}
std::size_t container_prefix(std::string_view line) { return containers_of(line).length; }

// The fenced code block opened by a line « ``` » or « ~~~ » (three or more),
// followed until the line that closes it, or the end of its quotation or list
// item: a text that leaves one open is closed at its end, so that it cannot
// swallow the rest of the document.
struct Fence {
  std::string prefix;  // the opening line's containers, list markers as spaces
  Containers where;
  char mark = 0;
  std::size_t length = 0;

  void see(std::string_view line) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    const Containers here = containers_of(line);
    std::string_view content = line.substr(here.length);
    if (length > 0) {  // the quotation or the list item ended, and the block with it
      const std::size_t indent = std::min(line.find_first_not_of(" \t"), line.size());
      if (here.quotes < where.quotes || (where.item && !content.empty() && indent < where.length)) length = 0;
    }
    const char c = content.empty() ? 0 : content[0];
    if (c != '`' && c != '~') return;
    const std::size_t run = std::min(content.find_first_not_of(c), content.size());
    if (run < 3) return;
    std::string_view rest = content.substr(run);
    if (length == 0) {
      if (c == '`' && rest.find('`') != std::string_view::npos) return;  // an inline code span, not a fence
      prefix = std::string(line.substr(0, here.length));
      for (char& p : prefix)
        if (p != ' ' && p != '\t' && p != '>') p = ' ';
      where = here;
      mark = c;
      length = run;
    } else if (c == mark && run >= length && rest.find_first_not_of(" \t") == std::string_view::npos) {
      length = 0;
    }
  }
  std::string closing() const { return length == 0 ? std::string() : prefix + std::string(length, mark) + "\n"; }
};

// A line « --- » alone opens a metadata block for pandoc's `markdown` reader
// (title, header-includes…): written « ---- », still a rule or a setext
// heading for every reader, never metadata. The length of the line, or 0.
std::size_t metadata_fence(std::string_view md, std::size_t start) {
  std::size_t end = md.find('\n', start);
  if (end == std::string_view::npos) end = md.size();
  std::string_view line = md.substr(start, end - start);
  std::string_view content = line.substr(container_prefix(line));
  while (!content.empty() && (content.back() == ' ' || content.back() == '\t' || content.back() == '\r')) content.remove_suffix(1);
  return content == "---" ? line.size() : 0;
}

bool ascii_punctuation(char c) { return c > ' ' && c < 0x7F && !std::isalnum(static_cast<unsigned char>(c)); }

// After a code span or a fence (« ` », « ~ », then spaces), a « { » would
// open a raw attribute for pandoc (`…`{=latex}, ```{=openxml}): raw TeX,
// HTML or OpenXML in the output.
bool after_code_mark(const std::string& out) {
  std::size_t k = out.size();
  while (k > 0 && (out[k - 1] == ' ' || out[k - 1] == '\t')) --k;
  return k > 0 && (out[k - 1] == '`' || out[k - 1] == '~');
}
}  // namespace

// Why one long function: one pass over the text, each character's case reads
// the state the previous ones left (line start, indentation, fence).
std::string sanitize(std::string_view raw, int heading_shift) {
  const std::string printable_md = printable(raw);
  std::string_view md = printable_md;
  const Footnotes defined(md);
  Fence fence;
  std::string out;
  bool line_start = true;
  std::size_t indent = 0;  // spaces since the start of the line
  for (std::size_t i = 0; i < md.size(); ++i) {
    char c = md[i];
    if (line_start) {
      fence.see(md.substr(i, md.find('\n', i) - i));
      if (std::size_t n = metadata_fence(md, i)) {
        std::string_view line = md.substr(i, n);
        out.append(line.substr(0, line.find('-'))).append("----");
        i += n - 1;  // the line feed, if any, is the next character
        continue;
      }
    }
    if (line_start && c == '#') out.append(static_cast<std::size_t>(heading_shift), '#');
    const bool at_line_start = line_start || indent == i;
    if (c == '\n') indent = i + 1;
    else if (c == ' ' && indent == i) ++indent;
    line_start = c == '\n';
    if (c == '\\' && i + 1 < md.size() && (md[i + 1] == '\n' || ascii_punctuation(md[i + 1]))) {
      // The user's escape: kept, except for the characters whose escape is
      // not enough for some reader; those go through their own case below.
      if (std::string_view("[<@").find(md[i + 1]) == std::string_view::npos) {
        out.push_back(c);
        out.push_back(md[++i]);
        line_start = md[i] == '\n';
        if (line_start) indent = i + 1;
        continue;
      }
      c = md[++i];
      if (c == '[') {
        out += "\\[";  // a literal « [ », never a footnote
        continue;
      }
    } else if (c == '\\') {
      out += "\\\\";  // « \input{…} » is raw TeX for pandoc's reader: a literal backslash
      continue;
    }
    if (c == '[') {
      std::size_t close = footnote_end(md, i);
      std::string_view id = close == std::string_view::npos ? std::string_view{} : md.substr(i + 2, close - i - 2);
      if (!id.empty() && defined.has(id)) {
        const bool definition = at_line_start && close + 1 < md.size() && md[close + 1] == ':';
        out.append(md.substr(i, close + 1 - i));
        i = close;
        if (definition) {
          out += ": ";
          ++i;  // the « : »
          while (i + 1 < md.size() && md[i + 1] == ' ') ++i;
          // A zero-width space: the « address » would start with a character
          // that no URL scheme starts with.
          if (could_be_link_definition(md.substr(i + 1))) out += "\u200B";
        } else if (close + 1 < md.size() && (md[close + 1] == '(' || md[close + 1] == ':')) {
          out += '\\';  // « [^1](javascript:…) » is not a link
        }
        continue;
      }
      out += "\\[";  // no link, image or undefined footnote of any kind
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '@') {
      out += "@\u200B";  // no e-mail autolink: a domain starts with a letter or a digit
    } else if (c == '$') {
      out += "\\$";  // no TeX mathematics for pandoc's reader
    } else if (c == '{' && after_code_mark(out)) {
      out += "\\{";
    } else if (c == ':' && md.compare(i, 3, "://") == 0) {
      out += "\\:";  // no bare URL autolink
    } else if (c == '.' && i >= 3 && md.compare(i - 3, 3, "www") == 0) {
      out += "\\.";  // nor « www.exemple.fr »
    } else {
      out.push_back(c);
    }
  }
  if (std::string close = fence.closing(); !close.empty()) {
    if (!out.empty() && out.back() != '\n') out += '\n';
    out += close;
  }
  return fr::typography(out);
}

int nesting_depth(std::string_view md) {
  // Quotation marks « > » at the start of a line, and list items indented
  // under list items: both open one level each.
  int deepest = 0;
  std::vector<std::size_t> list_indents;
  for (std::size_t p = 0; p < md.size() && deepest <= max_nesting;) {
    auto nl = md.find('\n', p);
    std::string_view line = md.substr(p, nl == std::string_view::npos ? std::string_view::npos : nl - p);
    p = nl == std::string_view::npos ? md.size() : nl + 1;
    int quotes = 0;
    std::size_t k = 0;
    while (k < line.size() && quotes <= max_nesting) {
      if (line[k] == ' ' || line[k] == '\t') ++k;
      else if (line[k] == '>') ++quotes, ++k;
      else break;
    }
    std::string_view rest = line.substr(k);
    bool ordered = false;
    if (quotes == 0) {
      if (list_marker(line, ordered)) {
        std::size_t ind = indent_of(line);
        while (!list_indents.empty() && list_indents.back() >= ind) list_indents.pop_back();
        list_indents.push_back(ind);
      } else if (rest.empty() == false && indent_of(line) == 0) {
        list_indents.clear();
      }
    }
    deepest = std::max({deepest, quotes, static_cast<int>(std::min<std::size_t>(list_indents.size(), 1000))});
  }
  return std::min(deepest, max_nesting + 1);
}

std::string escape(std::string_view raw) {
  const std::string text = printable(raw);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r') continue;  // printable() keeps it only before a line feed
    if (c == '\n') {          // no hard line break in a Markdown line of text
      out += ' ';
      continue;
    }
    if (c == '@') {  // no e-mail autolink (a domain starts with a letter or a digit), no pandoc citation
      out += "@\u200B";
      continue;
    }
    // No bare URL autolink: « https\:// », « www\. ».
    const bool url = (c == ':' && text.compare(i, 3, "://") == 0) || (c == '.' && i >= 3 && text.compare(i - 3, 3, "www") == 0);
    // « $ » (TeX mathematics), « \ » (raw TeX), « ` » and « { » (raw attributes), « ^ » (superscript): pandoc's reader.
    if (url || std::string_view("\\`*_[]<>|#~&${}^").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  // A paragraph must not start a list, a quotation or a definition: « - », « + », « > », « : », « 1. ».
  std::size_t digits = 0;
  while (digits < out.size() && out[digits] >= '0' && out[digits] <= '9') ++digits;
  if (!out.empty() && (out[0] == '-' || out[0] == '+' || out[0] == '=' || out[0] == ':' ||
                       (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')'))))
    out.insert(digits > 0 ? digits : 0, "\\");
  return fr::typography(out);
}

}  // namespace ctg::markdown
