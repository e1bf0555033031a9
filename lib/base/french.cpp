// SPDX-License-Identifier: EUPL-1.2
#include "base/french.hpp"

#include <fmt/format.h>

namespace ctg::fr {

namespace {
// « −0,4 » with the minus sign U+2212 in text for reading; « -0.4 » for spreadsheets (ungrouped).
const char* minus(NumberStyle s) { return s.group ? "\u2212" : "-"; }

std::string group_digits(std::string digits, bool group) {
  if (!group || digits.size() <= 3) return digits;
  std::string out;
  std::size_t lead = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out = digits.substr(0, lead);
  for (std::size_t i = lead; i < digits.size(); i += 3) out += std::string(narrow_nbsp) + digits.substr(i, 3);
  return out;
}
}  // namespace

std::string integer(std::int64_t v, NumberStyle s) {
  std::string sign = v < 0 ? minus(s) : "";
  std::uint64_t a = v < 0 ? static_cast<std::uint64_t>(-(v + 1)) + 1 : static_cast<std::uint64_t>(v);
  return sign + group_digits(std::to_string(a), s.group);
}

std::string decimal(Decimal d, NumberStyle s) {
  std::string plain = to_string(d);  // "-1.7"
  std::string sign;
  if (!plain.empty() && plain[0] == '-') {
    sign = minus(s);
    plain.erase(0, 1);
  }
  auto dot = plain.find('.');
  std::string ip = plain.substr(0, dot);
  std::string out = sign + group_digits(ip, s.group);
  if (dot != std::string::npos) out += (s.decimal_comma ? "," : ".") + plain.substr(dot + 1);
  return out;
}

std::string tenths(std::int64_t t, NumberStyle s) {
  std::string sign = t < 0 ? minus(s) : "";
  std::int64_t a = t < 0 ? -t : t;
  return sign + group_digits(std::to_string(a / 10), s.group) + (s.decimal_comma ? "," : ".") +
         std::to_string(a % 10);
}

std::string typography(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool next_is = i + 1 < text.size();
    auto digit = [&](std::size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
    // « -0,4 % » : a negative percentage takes the minus sign U+2212 (not « 2026 -2030 »).
    if (c == '-' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '(') && digit(i + 1)) {
      std::size_t k = i + 1;
      while (digit(k) || (k < text.size() && text[k] == ',' && digit(k + 1))) ++k;
      if (k < text.size() && (text[k] == '%' || (text[k] == ' ' && k + 1 < text.size() && text[k + 1] == '%'))) {
        out += "\u2212";
        continue;
      }
    }
    // « 48 726 » : thousands separated by a narrow non-breaking space, « 58 % » by a non-breaking one.
    if (c == ' ' && i > 0 && digit(i - 1) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4)) {
      out += narrow_nbsp;
      continue;
    }
    if (c == ' ' && i > 0 && digit(i - 1) && next_is && text[i + 1] == '%') {
      out += nbsp;
      continue;
    }
    if (c == ' ' && next_is) {
      char n = text[i + 1];
      if (n == ':') {
        out += nbsp;
        continue;
      }
      if (n == ';' || n == '!' || n == '?') {
        out += narrow_nbsp;
        continue;
      }
      if (text.substr(i + 1, 2) == "\xC2\xBB") {  // » (U+00BB)
        out += nbsp;
        continue;
      }
    }
    out.push_back(c);
    // « followed by an ordinary space
    if (c == '\xAB' && out.size() >= 2 && static_cast<unsigned char>(out[out.size() - 2]) == 0xC2 && next_is &&
        text[i + 1] == ' ') {
      out += nbsp;
      ++i;
    }
  }
  return out;
}

std::string agree(const std::string& masculine, bool feminine) { return feminine ? masculine + "e" : masculine; }

namespace {
bool starts(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
std::string lower_first_word(std::string_view s) {
  std::string w(s.substr(0, s.find(' ')));
  for (auto& c : w)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return w;
}
}  // namespace

bool starts_with_vowel(std::string_view s) {
  for (std::string_view v : {"A", "E", "I", "O", "U", "Y", "H", "É", "È", "Ê", "Î", "Ô", "Â", "a", "e", "i", "o",
                             "u", "y", "h", "é", "è", "ê", "î", "ô", "â"})
    if (starts(s, v)) return true;
  return false;
}

std::string of_place(std::string_view name) {
  std::string n(name);
  if (starts(n, "Le ")) return "du " + n.substr(3);
  if (starts(n, "Les ")) return "des " + n.substr(4);
  if (starts(n, "La ") || starts(n, "L'") || starts(n, "L’")) return "de " + n;
  return starts_with_vowel(n) ? "d'" + n : "de " + n;
}

std::string of_phrase(std::string_view phrase) {
  std::string p(phrase);
  if (starts(p, "le ") || starts(p, "Le ")) return "du " + p.substr(3);
  if (starts(p, "les ") || starts(p, "Les ")) return "des " + p.substr(4);
  if (starts(p, "la ") || starts(p, "La ")) return "de la " + p.substr(3);
  if (starts(p, "l'") || starts(p, "L'")) return "de l'" + p.substr(2);
  if (starts(p, "l’") || starts(p, "L’")) return "de l'" + p.substr(std::string_view("l’").size());
  return starts_with_vowel(p) ? "de l'" + p : "de " + p;
}

bool feminine_noun(std::string_view noun) {
  std::string w = lower_first_word(noun);
  for (std::string_view f : {"commission", "assemblée", "délégation", "session", "séance", "conférence", "communauté",
                             "commune", "caisse", "métropole", "préfecture", "ville", "mutualité", "direction"})
    if (w == f) return true;
  return false;
}

std::string of_body(std::string_view body) {
  std::string b(body);
  if (starts_with_vowel(b)) return "de l'" + b;
  return (feminine_noun(b) ? "de la " : "du ") + b;
}

std::string possessive(std::string_view noun) {
  std::string n(noun);
  return (feminine_noun(n) && !starts_with_vowel(n) ? "sa " : "son ") + n;
}

std::string and_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += i + 1 == items.size() ? " et " : ", ";
    out += items[i];
  }
  return out;
}

}  // namespace ctg::fr
