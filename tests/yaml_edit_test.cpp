// SPDX-License-Identifier: EUPL-1.2
// yaml/edit: a scalar changed in place, every other byte of the file kept,
// the quoting kept valid (ctg retours --appliquer).
#include "test_util.hpp"

#include "yaml/edit.hpp"

using namespace ctg;

namespace {

// `text` with, in the value of top-level key `key` (or of `sub` in the map
// there), the first `old` replaced by `now`; nullopt when refused.
std::optional<std::string> edit(const std::string& text, const std::string& key, const std::string& old,
                                const std::string& now, const std::string& sub = {}) {
  SourceSet set;
  set.add("t.yaml", text);
  Diagnostics diags;
  auto doc = yaml::parse(set, 0, diags);
  REQUIRE(doc);
  const yaml::Node* value = nullptr;
  for (const auto& e : doc->root().entries())
    if (e.first.value() == key) value = &e.second;
  REQUIRE(value);
  const yaml::Node* n = yaml::node_at(doc->root(), value->loc, sub);
  REQUIRE(n);
  auto begin = yaml::offset_of(text, n->loc);
  REQUIRE(begin);
  auto w = yaml::written(text, *begin, n->value());
  if (!w) return std::nullopt;
  std::size_t at = w->value.find(old);
  REQUIRE(at != std::string::npos);
  std::string why;
  return yaml::edit_scalar(text, *w, {{at, at + old.size(), now}}, why);
}

}  // namespace

TEST_CASE("a plain scalar: the changed bytes only, its comment kept") {
  std::string t = "# tête\na: bonjour le monde   # commentaire\nb:   x  \n";
  CHECK(edit(t, "a", "le monde", "à tous") == "# tête\na: bonjour à tous   # commentaire\nb:   x  \n");
}

TEST_CASE("a plain scalar given « : » or « # » is quoted, nothing else changes") {
  CHECK(edit("a: le texte\nb: 1\n", "a", "texte", "texte: suite") == "a: 'le texte: suite'\nb: 1\n");
  CHECK(edit("a: le texte # note\nb: 1\n", "a", "texte", "texte #2") == "a: 'le texte #2' # note\nb: 1\n");
  CHECK(edit("a: texte\n", "a", "texte", "l'eau: oui") == "a: 'l''eau: oui'\n");
}

TEST_CASE("a single-quoted scalar doubles its quotes") {
  CHECK(edit("a: 'l''eau claire'\n", "a", "claire", "d'ici") == "a: 'l''eau d''ici'\n");
}

TEST_CASE("a double-quoted scalar escapes, its own escapes kept") {
  CHECK(edit("a: \"le \\\"mot\\\" et x\"\n", "a", "x", "\"y\" \\") == "a: \"le \\\"mot\\\" et \\\"y\\\" \\\\\"\n");
  CHECK(edit("a: \"\\u00e9t\\u00e9 chaud\"\n", "a", "chaud", "froid") == "a: \"\\u00e9t\\u00e9 froid\"\n");
}

TEST_CASE("a literal block: one line changed, indentation, other lines and comments kept") {
  std::string t = "art:\n  texte: |  # le texte\n    Premier alinéa,\n    suite.\n\n    Le secrétariat est assuré par la\n"
                  "    communauté.\n  # après\nb: 1\n";
  SourceSet set;
  set.add("t.yaml", t);
  Diagnostics diags;
  auto doc = yaml::parse(set, 0, diags);
  REQUIRE(doc);
  const yaml::Node& texte = doc->root().entries()[0].second.entries()[0].second;
  auto w = yaml::written(t, *yaml::offset_of(t, texte.loc), texte.value());
  REQUIRE(w);
  CHECK(w->style == yaml::Style::Literal);
  std::size_t at = w->value.find("par");
  std::string why;
  auto out = yaml::edit_scalar(t, *w, {{at, at, "conjointement "}}, why);
  REQUIRE(out);
  CHECK(*out == "art:\n  texte: |  # le texte\n    Premier alinéa,\n    suite.\n\n    Le secrétariat est assuré "
                "conjointement par la\n    communauté.\n  # après\nb: 1\n");
  // A change over a line break: the two lines joined, the value as wanted.
  std::size_t from = w->value.find("la\ncomm");
  out = yaml::edit_scalar(t, *w, {{from, from + 7, "la comm"}, {0, 7, "Un"}}, why);
  REQUIRE(out);
  CHECK(out->find("    Un alinéa,\n") != std::string::npos);
  CHECK(out->find("assuré par la communauté.\n  # après\nb: 1\n") != std::string::npos);
}

TEST_CASE("a folded block and a plain scalar over several lines") {
  CHECK(edit("a: >-\n  un deux\n  trois quatre\nb: 1\n", "a", "deux trois", "2 3") == "a: >-\n  un 2 3 quatre\nb: 1\n");
  CHECK(edit("a: un deux\n  trois quatre\nb: 1\n", "a", "deux trois", "2 3") == "a: un 2 3 quatre\nb: 1\n");
  CHECK(edit("a: 'un deux\n  trois'\nb: 1\n", "a", "trois", "3") == "a: 'un deux\n  3'\nb: 1\n");
}

TEST_CASE("a cell of a flow map: the value of one key") {
  std::string t = "lignes:\n  projection: { 2026: 189, 2027: 200, 2028: 200 }  # places\n";
  SourceSet set;
  set.add("t.yaml", t);
  Diagnostics diags;
  auto doc = yaml::parse(set, 0, diags);
  REQUIRE(doc);
  const yaml::Node& map = doc->root().entries()[0].second.entries()[0].second;
  const yaml::Node* cell = yaml::node_at(doc->root(), map.loc, "2027");
  REQUIRE(cell);
  CHECK(cell->value() == "200");
  auto w = yaml::written(t, *yaml::offset_of(t, cell->loc), cell->value());
  REQUIRE(w);
  std::string why;
  CHECK(yaml::edit_scalar(t, *w, {{0, 3, "210"}}, why) ==
        "lignes:\n  projection: { 2026: 189, 2027: 210, 2028: 200 }  # places\n");
  // In a flow map, a comma would end the value: quoted.
  CHECK(yaml::edit_scalar(t, *w, {{0, 3, "1, 2"}}, why) ==
        "lignes:\n  projection: { 2026: 189, 2027: '1, 2', 2028: 200 }  # places\n");
}

TEST_CASE("overlapping edits are refused") {
  std::string t = "a: un deux trois\n";
  auto w = yaml::written(t, 3, "un deux trois");
  REQUIRE(w);
  std::string why;
  CHECK_FALSE(yaml::edit_scalar(t, *w, {{0, 6, "x"}, {3, 9, "y"}}, why));
  CHECK(why.find("chevauchent") != std::string::npos);
}

TEST_CASE("bytes that do not match the value are refused, not guessed") {
  CHECK_FALSE(yaml::written("a: autre chose\n", 3, "un texte"));
  CHECK_FALSE(yaml::written("a: |2\n    x\n", 3, "  x\n"));
}
