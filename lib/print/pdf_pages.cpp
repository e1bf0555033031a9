// SPDX-License-Identifier: EUPL-1.2
// The page of each named destination of a PDF printed by Chromium (Skia): a
// small, bounded reader of the uncompressed object dictionaries, enough for
// the catalog, the page tree and the /Dests dictionary. Anything unexpected
// gives an empty answer, never a crash.
#include "print/pdf_pages.hpp"

#include <cctype>
#include <cstdlib>
#include <set>
#include <string>

namespace ctg::print {

namespace {

constexpr std::size_t max_pages = 100000;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }

// The unsigned integer at `at`, advancing `at`; nullopt when there is none.
std::optional<long> number_at(std::string_view s, std::size_t& at) {
  std::size_t b = at;
  while (at < s.size() && is_digit(s[at]) && at - b < 9) ++at;
  if (at == b) return std::nullopt;
  return std::strtol(std::string(s.substr(b, at - b)).c_str(), nullptr, 10);
}

void skip_spaces(std::string_view s, std::size_t& at) {
  while (at < s.size() && is_space(s[at])) ++at;
}

// « N 0 obj … endobj » → the text between, for every object whose start is found.
std::map<long, std::string_view> objects(std::string_view pdf) {
  std::map<long, std::string_view> out;
  for (std::size_t at = pdf.find(" 0 obj"); at != std::string_view::npos; at = pdf.find(" 0 obj", at + 6)) {
    std::size_t b = at;
    while (b > 0 && is_digit(pdf[b - 1]) && at - b < 9) --b;
    if (b == at || (b > 0 && !is_space(pdf[b - 1]))) continue;
    std::size_t n = b;
    auto id = number_at(pdf, n);
    std::size_t end = pdf.find("endobj", at);
    if (!id || end == std::string_view::npos) continue;
    std::string_view body = pdf.substr(at + 6, end - at - 6);
    if (std::size_t stream = body.find("stream"); stream != std::string_view::npos) body = body.substr(0, stream);
    out.emplace(*id, body);
  }
  return out;
}

// The object number of « /Key N 0 R » in `dict`.
std::optional<long> reference(std::string_view dict, std::string_view key) {
  for (std::size_t at = dict.find(key); at != std::string_view::npos; at = dict.find(key, at + 1)) {
    std::size_t p = at + key.size();
    if (p < dict.size() && !is_space(dict[p])) continue;  // /Dests, not /DestsX
    skip_spaces(dict, p);
    return number_at(dict, p);
  }
  return std::nullopt;
}

// The object numbers of « /Kids [a 0 R b 0 R …] ».
std::vector<long> kids(std::string_view dict) {
  std::vector<long> out;
  std::size_t at = dict.find("/Kids");
  if (at == std::string_view::npos) return out;
  std::size_t open = dict.find('[', at), close = dict.find(']', at);
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return out;
  std::string_view list = dict.substr(open + 1, close - open - 1);
  for (std::size_t p = 0; p < list.size();) {
    skip_spaces(list, p);
    auto n = number_at(list, p);
    if (!n) break;
    out.push_back(*n);
    p = list.find('R', p);
    if (p == std::string_view::npos) break;
    ++p;
  }
  return out;
}

// The leaves of the page tree, in order; depth and size bounded, cycles ignored.
void walk(const std::map<long, std::string_view>& objs, long id, int depth, std::set<long>& seen,
          std::vector<long>& pages) {
  if (depth > 32 || pages.size() > max_pages || !seen.insert(id).second) return;
  auto it = objs.find(id);
  if (it == objs.end()) return;
  if (it->second.find("/Type /Pages") != std::string_view::npos) {
    for (long k : kids(it->second)) walk(objs, k, depth + 1, seen, pages);
  } else if (it->second.find("/Type /Page") != std::string_view::npos) {
    pages.push_back(id);
  }
}

// A PDF name after its « / »: « #xx » is a byte in hexadecimal.
std::string name_at(std::string_view s, std::size_t& at) {
  std::string out;
  auto hex = [](char c) { return is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10; };
  while (at < s.size() && !is_space(s[at]) && std::string_view("/[]<>()").find(s[at]) == std::string_view::npos) {
    if (s[at] == '#' && at + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[at + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[at + 2]))) {
      out += static_cast<char>(hex(s[at + 1]) * 16 + hex(s[at + 2]));
      at += 3;
    } else {
      out += s[at++];
    }
  }
  return out;
}

}  // namespace

std::map<std::string, int> destination_pages(std::string_view pdf) {
  std::map<std::string, int> out;
  auto objs = objects(pdf);
  std::optional<long> catalog;
  for (const auto& [id, body] : objs)
    if (body.find("/Type /Catalog") != std::string_view::npos) catalog = id;
  if (!catalog) return out;
  auto root = reference(objs[*catalog], "/Pages");
  auto dests = reference(objs[*catalog], "/Dests");
  if (!root || !dests || !objs.count(*dests)) return out;
  std::set<long> seen;
  std::vector<long> pages;
  walk(objs, *root, 0, seen, pages);
  std::map<long, int> number;
  for (std::size_t i = 0; i < pages.size(); ++i) number.emplace(pages[i], static_cast<int>(i) + 1);
  // « /name [P 0 R /XYZ x y z] » for each destination.
  std::string_view d = objs[*dests];
  for (std::size_t at = d.find('/'); at != std::string_view::npos; at = d.find('/', at)) {
    ++at;
    std::string name = name_at(d, at);
    skip_spaces(d, at);
    if (at >= d.size() || d[at] != '[') continue;
    ++at;
    skip_spaces(d, at);
    auto page = number_at(d, at);
    if (page && number.count(*page) && !name.empty()) out.emplace(name, number[*page]);
  }
  return out;
}

}  // namespace ctg::print
