// SPDX-License-Identifier: EUPL-1.2
#include "format/codec.hpp"

#include <algorithm>
#include <regex>

#include "base/markdown.hpp"

namespace ctg::codec {

namespace {

using schema::Kind;
using schema::TypeInfo;

TypeInfo scalar(Kind k) {
  TypeInfo t;
  t.kind = k;
  return t;
}

// What YAML 1.1 tools (PyYAML, most editors' YAML plug-ins) would read a
// plain scalar as, when that is not a string. The loader refuses such a
// scalar where text is expected so that every tool reads the same value.
const char* non_string_reading(std::string_view s) {
  auto matches = [&](const std::regex& re) { return std::regex_match(s.begin(), s.end(), re); };
  // Cheap filter first: most text cannot be read as anything else.
  if (s.empty() || std::string_view("0123456789+-.yYnNtTfFoO~").find(s[0]) == std::string_view::npos) return nullptr;
  static const std::regex integer(R"([-+]?(0|[1-9][0-9_]*|0[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+))");
  static const std::regex real(R"([-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))");
  static const std::regex boolean(R"(yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)");
  static const std::regex date(R"([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)");
  // YAML 1.2 (the default of most editors) reads any run of digits, such
  // as 04999, and exponents such as 1e3 as numbers too.
  static const std::regex yaml12(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (matches(integer) || matches(yaml12)) return "un nombre";
  if (s != "." && matches(real)) return "un nombre";
  if (matches(boolean)) return "un booléen (oui/non)";
  if (matches(date)) return "une date";
  return nullptr;
}

bool expect_scalar(const yaml::Node& n, const TypeInfo& info, Context& ctx) {
  if (n.is_scalar()) return true;
  type_error(n, info, ctx);
  return false;
}

Codec<std::string> string_codec(TypeInfo info) {
  auto re = info.pattern.empty() ? nullptr : std::make_shared<const std::regex>(info.pattern);
  return {info, [info, re](const yaml::Node& n, std::string& out, Context& ctx) {
            if (!expect_scalar(n, info, ctx)) return false;
            if (n.plain()) {
              if (const char* reading = non_string_reading(n.value())) {
                ctx.diags.error("TYPE", n.loc,
                                fmt::format("{} serait lu comme {} par d'autres outils YAML ; ici un texte est attendu",
                                            guillemets(n.value()), reading),
                                fmt::format("mettez la valeur entre guillemets : \"{}\"", n.value()),
                                static_cast<int>(utf8_length(n.value())));
                return false;
              }
            }
            if (re && !std::regex_match(n.value().begin(), n.value().end(), *re)) {
              ctx.diags.error("TYPE", n.loc, fmt::format("{} n'est pas {}", guillemets(n.value()), describe(info)),
                              info.pattern_hint, static_cast<int>(utf8_length(n.value())) + (n.plain() ? 0 : 2));
              return false;
            }
            if (n.value().empty() && info.kind != Kind::Markdown) {
              ctx.diags.error("TYPE", n.loc, "texte vide", "donnez une valeur, ou retirez la clé si elle est facultative");
              return false;
            }
            out = n.value();
            return true;
          }};
}

bool number_in_range(const yaml::Node& n, std::int64_t v, const TypeInfo& info, Context& ctx) {
  if ((info.minimum && v < *info.minimum) || (info.maximum && v > *info.maximum)) {
    std::string range = info.minimum && info.maximum ? fmt::format("entre {} et {}", *info.minimum, *info.maximum)
                        : info.minimum ? fmt::format("au moins {}", *info.minimum)
                                       : fmt::format("au plus {}", *info.maximum);
    ctx.diags.error("TYPE", n.loc, fmt::format("{} est hors limites : la valeur doit être {}", n.value(), range), {},
                    static_cast<int>(utf8_length(n.value())));
    return false;
  }
  return true;
}

}  // namespace

namespace {

// `text` without its spaces (ordinary, no-break U+00A0, narrow no-break
// U+202F, thin U+2009: « 24 600 » as a word processor writes it).
std::string without_spaces(std::string_view text, bool& had_space) {
  static constexpr std::string_view spaces[] = {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89", " "};
  std::string out;
  had_space = false;
  for (std::size_t i = 0; i < text.size();) {
    bool space = false;
    for (auto sp : spaces)
      if (text.substr(i, sp.size()) == sp) {
        i += sp.size();
        space = had_space = true;
        break;
      }
    if (!space) out.push_back(text[i++]);
  }
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string number_hint(const yaml::Node& n) {
  if (n.is_scalar() && !n.plain()) return "retirez les guillemets autour du nombre";
  if (!n.is_scalar()) return "écrivez un nombre entier (12) ou décimal avec un point (1.7)";
  bool spaced = false;
  std::string bare = without_spaces(n.value(), spaced);
  auto comma = bare.find(',');
  if (comma != std::string::npos && all_digits(bare.substr(0, comma)) && all_digits(bare.substr(comma + 1)))
    return fmt::format("écrivez les décimales avec un point : {}.{}", bare.substr(0, comma), bare.substr(comma + 1));
  if (spaced && all_digits(bare)) return fmt::format("écrivez le nombre sans espace : {}", bare);
  return "écrivez un nombre en chiffres, sans espace ni unité : entier (12) ou décimal avec un point (1.7)";
}

// « 31/12/2029 », « 31.12.2029 », « 2029/12/31 »… rewritten AAAA-MM-JJ; empty
// when the written value is not a day, a month and a year in digits.
std::string iso_from(std::string_view text) {
  std::vector<std::string> parts(1);
  for (char c : text) {
    if (c >= '0' && c <= '9') parts.back().push_back(c);
    else if ((c == '/' || c == '.' || c == '-' || c == ' ') && !parts.back().empty()) parts.emplace_back();
    else return {};
  }
  if (parts.size() != 3) return {};
  std::string y, m, d;
  if (parts[0].size() == 4) y = parts[0], m = parts[1], d = parts[2];
  else if (parts[2].size() == 4) d = parts[0], m = parts[1], y = parts[2];
  else return {};
  if (m.empty() || d.empty() || m.size() > 2 || d.size() > 2) return {};
  int mi = std::stoi(m), di = std::stoi(d);
  if (mi < 1 || mi > 12 || di < 1 || di > 31) return {};
  return fmt::format("{}-{:02}-{:02}", y, mi, di);
}

std::string date_hint(const yaml::Node& n) {
  if (n.is_scalar())
    if (std::string iso = iso_from(n.value()); !iso.empty())
      return fmt::format("écrivez la date au format AAAA-MM-JJ : {}", iso);
  return "écrivez la date au format AAAA-MM-JJ : l'année, le mois puis le jour, en chiffres (le 31 décembre 2029 "
         "s'écrit 2029-12-31)";
}

}  // namespace

void type_error(const yaml::Node& n, const TypeInfo& info, Context& ctx) {
  std::string hint;
  switch (info.kind) {
    case Kind::Integer:
    case Kind::Year:
    case Kind::Decimal: hint = number_hint(n); break;
    case Kind::Date: hint = date_hint(n); break;
    case Kind::List: hint = "écrivez une liste, un élément par ligne commençant par « - », ou [] si elle est vide"; break;
    case Kind::Object: hint = "écrivez les clés sur les lignes suivantes, indentées"; break;
    case Kind::Boolean: hint = "écrivez true (oui) ou false (non)"; break;
    case Kind::YearMap: hint = "écrivez une valeur par année, par exemple { 2026: 12, 2027: 14 }"; break;
    default: break;
  }
  if (n.is_null()) {
    ctx.diags.error("TYPE", n.loc, fmt::format("valeur manquante ; valeur attendue : {}", describe(info)),
                    hint.empty() ? "donnez une valeur après les deux-points" : hint);
    return;
  }
  std::string found = n.is_scalar() ? guillemets(n.value()) : std::string(yaml::describe(n));
  ctx.diags.error("TYPE", n.loc, fmt::format("valeur attendue : {} ; valeur écrite : {}", describe(info), found), hint,
                  n.is_scalar() ? std::max(1, static_cast<int>(utf8_length(n.value()))) : 1);
}

Codec<std::string> text() { return string_codec(scalar(Kind::Text)); }
Codec<LocatedText> located_text() {
  auto inner = text();
  return {inner.info, [inner](const yaml::Node& n, LocatedText& out, Context& ctx) {
            out.loc = n.loc;
            return inner.load(n, out.value, ctx);
          }};
}

Codec<std::string> markdown() {
  auto inner = string_codec(scalar(Kind::Markdown));
  return {inner.info, [inner](const yaml::Node& n, std::string& out, Context& ctx) {
            if (!inner.load(n, out, ctx)) return false;
            // The converter stops at this depth (bounded time and memory): say it.
            if (markdown::nesting_depth(out) > markdown::max_nesting)
              ctx.diags.error("TYPE", n.loc,
                              fmt::format("texte Markdown trop imbriqué : plus de {} niveaux de citations (« > ») ou "
                                          "de listes les unes dans les autres",
                                          markdown::max_nesting),
                              "un texte de convention n'a pas besoin de plus de deux ou trois niveaux : aplatissez-le");
            return true;
          }};
}

Codec<std::string> identifier() {
  TypeInfo t = scalar(Kind::Identifier);
  t.pattern = "[a-z0-9][a-z0-9._-]*";
  t.pattern_hint = "un identifiant s'écrit en minuscules sans accent ni espace, avec des chiffres, « - », « _ » ou « . » : caf04, digne-les-bains";
  return string_codec(t);
}

Codec<std::string> code(std::string pattern, std::string hint) {
  TypeInfo t = scalar(Kind::Code);
  t.pattern = std::move(pattern);
  t.pattern_hint = std::move(hint);
  return string_codec(t);
}

Codec<std::string> reference(std::string target) {
  TypeInfo t = scalar(Kind::Reference);
  t.target = target;
  t.pattern = "[a-z0-9][a-z0-9._-]*";
  t.pattern_hint = "une référence est l'identifiant (id) d'une entrée de la liste « " + target + " »";
  auto inner = string_codec(t);
  return {t, [inner, target](const yaml::Node& n, std::string& out, Context& ctx) {
            if (!inner.load(n, out, ctx)) return false;
            ctx.refs.push_back({target, out, n.loc});
            return true;
          }};
}

Codec<std::string> constant(std::string value) {
  TypeInfo t = scalar(Kind::Constant);
  t.constant = value;
  return {t, [t](const yaml::Node& n, std::string& out, Context& ctx) {
            if (!expect_scalar(n, t, ctx)) return false;
            if (n.value() != t.constant) {
              ctx.diags.error("FORMAT", n.loc,
                              fmt::format("version de format {} inconnue : cette version de ctg lit {}", guillemets(n.value()),
                                          guillemets(t.constant)),
                              fmt::format("écrivez « format: {} » ou mettez ctg à jour", t.constant),
                              static_cast<int>(utf8_length(n.value())));
              return false;
            }
            out = n.value();
            return true;
          }};
}

Codec<Date> date() {
  TypeInfo t = scalar(Kind::Date);
  t.pattern = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
  return {t, [t](const yaml::Node& n, Date& out, Context& ctx) {
            if (!expect_scalar(n, t, ctx)) return false;
            auto d = parse_iso_date(n.value());
            if (!d) {
              bool shaped = n.value().size() == 10 && n.value()[4] == '-' && n.value()[7] == '-';
              if (shaped && n.value().compare(0, 4, "1900") < 0)
                ctx.diags.error("DATE", n.loc, fmt::format("l'année de la date {} est invraisemblable", n.value()),
                                "vérifiez l'année (quatre chiffres, 1900 ou après)", 10);
              else if (shaped)
                ctx.diags.error("DATE", n.loc, fmt::format("la date {} n'existe pas dans le calendrier", n.value()),
                                "vérifiez le mois (01 à 12) et le jour (le 29 février n'existe que les années bissextiles)", 10);
              else type_error(n, t, ctx);
              return false;
            }
            out = *d;
            return true;
          }};
}

namespace {
Codec<std::int64_t> whole_number(TypeInfo t) {
  return {t, [t](const yaml::Node& n, std::int64_t& out, Context& ctx) {
            if (!expect_scalar(n, t, ctx)) return false;
            auto v = n.plain() ? parse_integer(n.value()) : std::nullopt;
            if (!v) {
              if (n.plain() && parse_decimal(n.value()))
                ctx.diags.error("TYPE", n.loc, fmt::format("{} n'est pas un nombre entier", n.value()),
                                "un nombre de places, d'habitants ou de structures est un entier",
                                static_cast<int>(utf8_length(n.value())));
              else type_error(n, t, ctx);
              return false;
            }
            if (!number_in_range(n, *v, t, ctx)) return false;
            out = *v;
            return true;
          }};
}
}  // namespace

Codec<std::int64_t> integer(std::optional<std::int64_t> min, std::optional<std::int64_t> max) {
  TypeInfo t = scalar(Kind::Integer);
  t.minimum = min;
  t.maximum = max;
  return whole_number(t);
}

Codec<int> year() {
  TypeInfo t = scalar(Kind::Year);
  t.minimum = 1900;
  t.maximum = 2200;
  auto whole = whole_number(t);
  return {whole.info, [whole](const yaml::Node& n, int& out, Context& ctx) {
            std::int64_t v = 0;
            if (!whole.load(n, v, ctx)) return false;
            out = static_cast<int>(v);
            return true;
          }};
}

Codec<Decimal> decimal(std::optional<std::int64_t> min, std::optional<std::int64_t> max) {
  TypeInfo t = scalar(Kind::Decimal);
  t.minimum = min;
  t.maximum = max;
  return {t, [t](const yaml::Node& n, Decimal& out, Context& ctx) {
            if (!expect_scalar(n, t, ctx)) return false;
            auto v = n.plain() ? parse_decimal(n.value()) : std::nullopt;
            if (!v) {
              type_error(n, t, ctx);
              return false;
            }
            if ((t.minimum && *v < Decimal::from_int(*t.minimum)) || (t.maximum && *v > Decimal::from_int(*t.maximum))) {
              std::string range = t.minimum && t.maximum ? fmt::format("entre {} et {}", *t.minimum, *t.maximum)
                                  : t.minimum ? fmt::format("au moins {}", *t.minimum)
                                              : fmt::format("au plus {}", *t.maximum);
              ctx.diags.error("TYPE", n.loc, fmt::format("{} est hors limites : la valeur doit être {}", n.value(), range),
                              {}, static_cast<int>(utf8_length(n.value())));
              return false;
            }
            out = *v;
            return true;
          }};
}

Codec<bool> boolean() {
  TypeInfo t = scalar(Kind::Boolean);
  return {t, [t](const yaml::Node& n, bool& out, Context& ctx) {
            if (n.is_scalar() && n.plain() && (n.value() == "true" || n.value() == "false")) {
              out = n.value() == "true";
              return true;
            }
            type_error(n, t, ctx);
            return false;
          }};
}

namespace detail {

bool load_enum_key(const yaml::Node& n, const TypeInfo& info, std::size_t& index, Context& ctx) {
  if (!expect_scalar(n, info, ctx)) return false;
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < info.values.size(); ++i) {
    if (info.values[i].key == n.value()) {
      index = i;
      return true;
    }
    keys.push_back(info.values[i].key);
  }
  std::string hint = "valeurs possibles : " + join(keys, ", ");
  if (auto c = closest(n.value(), keys)) hint = fmt::format("vouliez-vous dire {} ? ", guillemets(*c)) + hint;
  ctx.diags.error("VALEUR-INCONNUE", n.loc, fmt::format("valeur {} inconnue", guillemets(n.value())), hint,
                  static_cast<int>(utf8_length(n.value())));
  return false;
}

void check_keyed_duplicates(const std::vector<std::pair<std::string, Loc>>& keys, const std::string& key_name,
                            const std::string& ns, const std::string& what, const std::string& hint, Context& ctx) {
  std::map<std::string, Loc> local;
  for (const auto& [k, loc] : keys) {
    if (k.empty()) continue;
    auto [it, fresh] = local.emplace(k, loc);
    if (!fresh) {
      ctx.diags.error("ID-EN-DOUBLE", loc,
                      fmt::format("{} {} déjà utilisé par une autre entrée ({}, ligne {})", key_name, guillemets(k), what,
                                  it->second.line),
                      hint.empty() ? fmt::format("chaque entrée de la liste a son propre « {} » : changez l'un des deux",
                                                 key_name)
                                   : hint,
                      static_cast<int>(utf8_length(k)));
      continue;
    }
    if (!ns.empty()) {
      auto& defined = ctx.ids[ns];
      auto [it2, fresh2] = defined.emplace(k, loc);
      if (!fresh2 && it2->second.file != loc.file)
        ctx.diags.error("ID-EN-DOUBLE", loc,
                        fmt::format("{} {} déjà défini dans un autre fichier (ligne {})", key_name, guillemets(k),
                                    it2->second.line),
                        "un identifiant n'est défini qu'une fois dans toute la CTG", static_cast<int>(utf8_length(k)));
    }
  }
}

// Why one long function: One pass over a mapping's entries: unknown keys (with did-you-mean), duplicates and each field's decoding share the seen-set.
bool scan_object(const yaml::Node& n, const TypeInfo& type, std::vector<int>& field_of_entry, Context& ctx) {
  const schema::ObjectInfo& obj = *type.object;
  if (!n.is_map()) {
    type_error(n, type, ctx);
    return false;
  }
  bool ok = true;
  std::map<std::string_view, Loc> seen;  // the keys live as long as the tree
  std::vector<std::string> suggested;  // required keys already named by a "did you mean"
  field_of_entry.assign(n.entries().size(), -1);
  for (std::size_t i = 0; i < n.entries().size(); ++i) {
    const yaml::Node& key = n.entries()[i].first;
    if (!key.is_scalar()) {
      ctx.diags.error("TYPE", key.loc, fmt::format("clé invalide dans {} : une clé est un simple mot", obj.name),
                      "écrivez « clé: valeur »");
      ok = false;
      continue;
    }
    if (auto it = seen.find(key.value()); it != seen.end()) {
      ctx.diags.error("CLE-EN-DOUBLE", key.loc,
                      fmt::format("clé {} en double dans {} (déjà présente ligne {}, colonne {})", guillemets(key.value()),
                                  obj.name, it->second.line, it->second.col),
                      "YAML ne garderait qu'une des deux valeurs sans rien dire : supprimez ou renommez l'une d'elles",
                      static_cast<int>(utf8_length(key.value())));
      ok = false;
      continue;
    }
    seen.emplace(key.value(), key.loc);
    int index = -1;
    for (std::size_t f = 0; f < obj.fields.size(); ++f)
      if (obj.fields[f].name == key.value()) index = static_cast<int>(f);
    if (index < 0) {
      std::vector<std::string> keys = obj.keys();
      std::string hint;
      if (key.value() == "<<") hint = "les clés de fusion YAML (<<) ne sont pas prises en charge : recopiez les clés";
      else if (!key.value().empty() && key.value().find_first_not_of("0123456789") == std::string::npos)
        hint = "entre accolades, la virgule sépare les clés : un nombre décimal s'écrit avec un point (1.5)";
      else if (auto c = closest(key.value(), keys)) {
        hint = fmt::format("vouliez-vous dire {} ?", guillemets(*c));
        suggested.push_back(*c);
      }
      else hint = "clés possibles : " + join(keys, ", ");
      ctx.diags.error("CLE-INCONNUE", key.loc, fmt::format("clé {} inconnue dans {}", guillemets(key.value()), obj.name),
                      hint, static_cast<int>(utf8_length(key.value())));
      ok = false;
      continue;
    }
    field_of_entry[i] = index;
  }
  for (const auto& f : obj.fields) {
    if (f.presence != schema::Presence::Required || seen.count(f.name)) continue;
    if (std::find(suggested.begin(), suggested.end(), f.name) != suggested.end()) {
      ok = false;  // the misspelt key was reported with its correction
      continue;
    }
    ctx.diags.error("CLE-MANQUANTE", n.loc, fmt::format("clé obligatoire {} absente dans {}", guillemets(f.name), obj.name),
                    fmt::format("ajoutez « {}: … » ({})", f.name, f.doc));
    ok = false;
  }
  for (const auto& set : obj.any_of) {
    bool any = false;
    for (const auto& k : set) any = any || seen.count(k);
    if (!any) {
      std::vector<std::string> q;
      for (const auto& k : set) q.push_back(guillemets(k));
      ctx.diags.error("CLE-MANQUANTE", n.loc,
                      fmt::format("{} : il faut au moins l'une des clés {}", obj.name, join_french(q, " ou ")));
      ok = false;
    }
  }
  return ok;
}

}  // namespace detail
}  // namespace ctg::codec
