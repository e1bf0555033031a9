#include "french.hpp"

#include <fmt/format.h>

namespace ctg::fr {

namespace {
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
  std::string sign = v < 0 ? "-" : "";
  std::uint64_t a = v < 0 ? static_cast<std::uint64_t>(-(v + 1)) + 1 : static_cast<std::uint64_t>(v);
  return sign + group_digits(std::to_string(a), s.group);
}

std::string decimal(Decimal d, NumberStyle s) {
  std::string plain = to_string(d);  // "-1.7"
  std::string sign;
  if (!plain.empty() && plain[0] == '-') {
    sign = "-";
    plain.erase(0, 1);
  }
  auto dot = plain.find('.');
  std::string ip = plain.substr(0, dot);
  std::string out = sign + group_digits(ip, s.group);
  if (dot != std::string::npos) out += (s.decimal_comma ? "," : ".") + plain.substr(dot + 1);
  return out;
}

std::string tenths(std::int64_t t, NumberStyle s) {
  std::string sign = t < 0 ? "-" : "";
  std::int64_t a = t < 0 ? -t : t;
  return sign + group_digits(std::to_string(a / 10), s.group) + (s.decimal_comma ? "," : ".") +
         std::to_string(a % 10);
}

}  // namespace ctg::fr
