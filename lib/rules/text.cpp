// SPDX-License-Identifier: EUPL-1.2
#include "rules/text.hpp"

#include <utility>

namespace ctg::rules {

std::string folded(std::string_view s) {
  static const std::vector<std::pair<std::string_view, std::string_view>> table{
      {"é", "e"}, {"è", "e"}, {"ê", "e"}, {"ë", "e"}, {"É", "e"}, {"È", "e"}, {"Ê", "e"}, {"Ë", "e"},
      {"à", "a"}, {"â", "a"}, {"ä", "a"}, {"À", "a"}, {"Â", "a"}, {"î", "i"}, {"ï", "i"}, {"Î", "i"},
      {"Ï", "i"}, {"ô", "o"}, {"ö", "o"}, {"Ô", "o"}, {"ù", "u"}, {"û", "u"}, {"ü", "u"}, {"Ù", "u"},
      {"Û", "u"}, {"ç", "c"}, {"Ç", "c"}, {"œ", "oe"}, {"Œ", "oe"}, {"æ", "ae"}, {"’", "'"}, {"‘", "'"},
      {"\u00a0", " "}, {"\u202f", " "}, {"–", " "}, {"—", " "}, {"«", " "}, {"»", " "}, {"“", " "},
      {"”", " "}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    bool replaced = false;
    if (static_cast<unsigned char>(s[i]) >= 0x80)
      for (const auto& [from, to] : table)
        if (s.substr(i, from.size()) == from) {
          out += to;
          i += from.size();
          replaced = true;
          break;
        }
    if (replaced) continue;
    char c = s[i++];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '-' || c == '\t' || c == '\n' || c == '\r' || c == '*' || c == '_') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  return out;
}

namespace {
bool alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}
}  // namespace

bool has_word(std::string_view text, std::string_view word) {
  bool whole = !word.empty() && word.back() == '$';
  if (whole) word.remove_suffix(1);
  for (std::size_t p = text.find(word); p != std::string_view::npos; p = text.find(word, p + 1)) {
    if (p > 0 && alnum(text[p - 1])) continue;
    std::size_t end = p + word.size();
    if (whole && end < text.size() && alnum(text[end])) continue;
    return true;
  }
  return false;
}

bool has_any(std::string_view text, const std::vector<std::string_view>& words) {
  for (auto w : words)
    if (has_word(text, w)) return true;
  return false;
}

std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    while (!current.empty() && current.front() == ' ') current.erase(0, 1);
    if (!current.empty()) out.push_back(std::move(current));
    current.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool end_here = (c == '.' || c == ';' || c == '!' || c == '?') &&
                    (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n') &&
                    // « L. 214-2 », « art. » : an abbreviation, not a sentence's end
                    !(c == '.' && i >= 1 && ((text[i - 1] >= 'A' && text[i - 1] <= 'Z' && (i < 2 || text[i - 2] == ' ')) ||
                                             (i >= 3 && text.substr(i - 3, 3) == "art")));
    bool blank_line = c == '\n' && i + 1 < text.size() && text[i + 1] == '\n';
    current.push_back(c == '\n' ? ' ' : c);
    if (end_here || blank_line) flush();
  }
  flush();
  return out;
}

}  // namespace ctg::rules
