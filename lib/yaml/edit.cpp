// SPDX-License-Identifier: EUPL-1.2
#include "yaml/edit.hpp"

#include <algorithm>

namespace ctg::yaml {

namespace {

constexpr std::size_t none = Written::none;

bool space(char c) { return c == ' ' || c == '\t'; }
bool white(char c) { return space(c) || c == '\n' || c == '\r'; }

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The bytes an escape of a double-quoted scalar stands for, and its length
// in the file (from the backslash); nullopt for one we do not know.
std::optional<std::pair<std::string, std::size_t>> escape(std::string_view src, std::size_t i) {
  if (i + 1 >= src.size()) return std::nullopt;
  static constexpr std::string_view from = "\"\\/ 0abtnvfre\t", to = "\"\\/ \0\a\b\t\n\v\f\r\x1b\t";
  char e = src[i + 1];
  if (auto k = from.find(e); k != std::string_view::npos) return std::pair{std::string(1, to[k]), std::size_t{2}};
  std::size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
  if (digits == 0 || i + 2 + digits > src.size()) return std::nullopt;
  unsigned long cp = 0;
  for (std::size_t k = 0; k < digits; ++k) {
    int h = hex(src[i + 2 + k]);
    if (h < 0) return std::nullopt;
    cp = cp * 16 + static_cast<unsigned long>(h);
  }
  if (cp > 0x10FFFF) return std::nullopt;
  std::string out;
  utf8(out, cp);
  return std::pair{out, 2 + digits};
}

// A plain, single- or double-quoted scalar: line breaks fold (one break: a
// space; n breaks: n - 1 line feeds), the spaces around them dropped.
// Why one long function: one walk over the bytes, each branch a piece of YAML's flow syntax.
bool flow(std::string_view src, Written& w) {
  const std::string& v = w.value;
  std::size_t i = w.begin + (w.style == Style::Plain ? 0 : 1), j = 0;
  auto expect = [&](char c) {
    if (j >= v.size() || v[j] != c) return false;
    w.at.push_back(none);
    ++j;
    return true;
  };
  while (j < v.size()) {
    if (i >= src.size()) return false;
    char c = src[i];
    if (w.style == Style::Single && c == '\'') {
      if (i + 1 >= src.size() || src[i + 1] != '\'' || !expect('\'')) return false;
      i += 2;
    } else if (w.style == Style::Double && c == '"') {
      return false;
    } else if (w.style == Style::Double && c == '\\' && i + 1 < src.size() && (src[i + 1] == '\n' || src[i + 1] == '\r')) {
      i += 1;  // an escaped line break: nothing in the value, the next line's indentation skipped
      while (i < src.size() && white(src[i])) ++i;
    } else if (w.style == Style::Double && c == '\\') {
      auto e = escape(src, i);
      if (!e || v.compare(j, e->first.size(), e->first) != 0) return false;
      for (std::size_t k = 0; k < e->first.size(); ++k) w.at.push_back(none);
      j += e->first.size();
      i += e->second;
    } else if (white(c)) {
      std::size_t k = i, breaks = 0;
      for (; k < src.size() && white(src[k]); ++k) breaks += src[k] == '\n';
      if (breaks == 0) {
        for (; i < k && j < v.size() && v[j] == src[i]; ++i, ++j) w.at.push_back(i);
        if (i < k && j < v.size()) return false;
      } else if (breaks == 1) {
        if (!expect(' ')) return false;
      } else {
        for (std::size_t n = 1; n < breaks; ++n)
          if (!expect('\n')) return false;
      }
      i = k;
    } else if (c == v[j]) {
      w.at.push_back(i++);
      ++j;
    } else {
      return false;
    }
  }
  if (w.style == Style::Plain) {
    w.end = i;
    return true;
  }
  char quote = w.style == Style::Single ? '\'' : '"';
  while (i < src.size() && white(src[i]) && src[i] != quote) ++i;  // spaces before the closing quote
  if (i >= src.size() || src[i] != quote) return false;
  w.end = i + 1;
  return true;
}

// A literal or folded block scalar: its header line, then lines indented
// like the first one (an explicit indentation digit is not handled).
bool block(std::string_view src, Written& w) {
  const std::string& v = w.value;
  std::size_t i = w.begin + 1;
  for (; i < src.size() && (src[i] == '+' || src[i] == '-'); ++i) {
  }
  if (i < src.size() && src[i] >= '1' && src[i] <= '9') return false;
  std::size_t eol = src.find('\n', i);
  if (eol == std::string_view::npos) return v.empty() && (w.end = src.size(), true);
  i = eol + 1;
  std::size_t indent = std::string_view::npos, j = 0;
  w.end = i;
  while (j < v.size()) {
    if (i >= src.size()) return false;
    std::size_t end = std::min(src.find('\n', i), src.size());
    std::string_view line = src.substr(i, end - i);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t lead = line.find_first_not_of(' ');
    if (lead == std::string_view::npos) {  // a blank line: a line feed of the value, or nothing (folded)
      if (v[j] == '\n') {
        w.at.push_back(w.style == Style::Literal ? end : none);
        ++j;
      }
      i = end + 1;
      continue;
    }
    if (indent == std::string_view::npos) indent = lead;
    if (lead < indent) return false;
    std::size_t p = i + indent;
    for (; p < i + line.size() && j < v.size(); ++p, ++j) {
      if (src[p] != v[j]) return false;
      w.at.push_back(p);
    }
    w.end = p;
    if (j == v.size()) break;
    if (p < i + line.size() || (v[j] != '\n' && !(w.style == Style::Folded && v[j] == ' '))) return false;
    w.at.push_back(w.style == Style::Literal && v[j] == '\n' ? end : none);
    ++j;
    i = end + 1;
    w.end = i;
  }
  return true;
}

std::string single_quoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') out += std::string("\\") + c;
    else if (c == '\n') out += "\\n";
    else if (u < 0x20 || u == 0x7F) out += "\\x" + std::string(1, "0123456789abcdef"[u >> 4]) + "0123456789abcdef"[u & 15];
    else out += c;
  }
  return out + "\"";
}

// How `text` is written inside a scalar of this style.
std::string inside(std::string_view text, Style style) {
  if (style == Style::Single) return single_quoted(text).substr(1, single_quoted(text).size() - 2);
  if (style == Style::Double) return double_quoted(text).substr(1, double_quoted(text).size() - 2);
  return std::string(text);
}

// Whether `content` parses and holds, where the scalar starts, a scalar of value `value`.
bool reads_back(const std::string& content, std::size_t begin, std::string_view value) {
  SourceSet set;
  set.add("édition", content);
  Diagnostics diags;
  auto doc = parse(set, 0, diags);
  if (!doc || diags.has_errors()) return false;
  const Node* n = node_at(doc->root(), set.from_offset(0, begin));
  return n && n->is_scalar() && n->value() == value;
}

}  // namespace

std::optional<std::size_t> offset_of(std::string_view content, Loc loc) {
  if (loc.line < 1 || loc.col < 1) return std::nullopt;
  std::size_t at = 0;
  for (int line = 1; line < loc.line; ++line) {
    at = content.find('\n', at);
    if (at == std::string_view::npos) return std::nullopt;
    ++at;
  }
  for (int col = 1; col < loc.col; ++col) {
    if (at >= content.size() || content[at] == '\n') return std::nullopt;
    ++at;
    while (at < content.size() && (static_cast<unsigned char>(content[at]) & 0xC0) == 0x80) ++at;
  }
  return at;
}

std::optional<Written> written(std::string_view content, std::size_t begin, std::string_view value) {
  if (begin >= content.size()) return std::nullopt;
  Written w;
  w.begin = begin;
  w.value = std::string(value);
  char c = content[begin];
  w.style = c == '\'' ? Style::Single : c == '"' ? Style::Double : c == '|' ? Style::Literal
            : c == '>' ? Style::Folded : Style::Plain;
  bool ok = w.style == Style::Literal || w.style == Style::Folded ? block(content, w) : flow(content, w);
  if (!ok || w.at.size() != w.value.size()) return std::nullopt;
  return w;
}

const Node* node_at(const Node& root, Loc loc, std::string_view key) {
  std::vector<const Node*> stack{&root};
  while (!stack.empty()) {
    const Node* n = stack.back();
    stack.pop_back();
    if (n->loc == loc && (key.empty() ? n->is_scalar() : n->is_map())) {
      if (key.empty()) return n;
      for (const Entry& e : n->entries())
        if (e.first.is_scalar() && e.first.value() == key) return &e.second;
    }
    for (const Node& item : n->items()) stack.push_back(&item);
    for (const Entry& e : n->entries()) stack.push_back(&e.second);  // keys are never the target
  }
  return nullptr;
}

std::optional<std::string> edit_scalar(std::string_view content, const Written& w, std::vector<ValueEdit> edits,
                                       std::string& why) {
  std::sort(edits.begin(), edits.end(), [](const ValueEdit& a, const ValueEdit& b) { return a.from > b.from; });
  std::string value = w.value;
  for (std::size_t k = 0; k < edits.size(); ++k) {
    const ValueEdit& e = edits[k];
    if (e.from > e.to || e.to > value.size() || (k > 0 && e.to > edits[k - 1].from)) {
      why = "deux changements se chevauchent dans ce texte";
      return std::nullopt;
    }
    value.replace(e.from, e.to - e.from, e.text);
  }
  // First, the changed bytes only.
  std::string out(content);
  bool spliced = true;
  for (const ValueEdit& e : edits) {
    std::size_t a = none, b = none;
    if (e.from < e.to && w.at[e.from] != none && w.at[e.to - 1] != none) {
      a = w.at[e.from];
      b = w.at[e.to - 1] + 1;
    } else if (e.from == e.to && e.from < w.at.size() && w.at[e.from] != none) {
      a = b = w.at[e.from];
    } else if (e.from == e.to && e.from > 0 && w.at[e.from - 1] != none) {
      a = b = w.at[e.from - 1] + 1;
    }
    if (a == none) {
      spliced = false;
      break;
    }
    out.replace(a, b - a, inside(e.text, w.style));
  }
  if (spliced && reads_back(out, w.begin, value)) return out;
  // A flow scalar that does not read back (a plain text given « : » or « # »): written again, quoted.
  if (w.style == Style::Plain || w.style == Style::Single || w.style == Style::Double) {
    bool printable = std::none_of(value.begin(), value.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
    });
    out = std::string(content);
    out.replace(w.begin, w.end - w.begin, printable ? single_quoted(value) : double_quoted(value));
    if (reads_back(out, w.begin, value)) return out;
  }
  why = "le texte modifié ne se relit pas à l'identique dans le YAML";
  return std::nullopt;
}

}  // namespace ctg::yaml
