// SPDX-License-Identifier: EUPL-1.2
#include "test_util.hpp"

#include "yaml/tree.hpp"

#include <type_traits>

using namespace ctg;

namespace {
struct Parsed {
  SourceSet sources;
  Diagnostics diags;
  std::optional<yaml::Document> root;
};
Parsed parse(std::string text, yaml::Limits limits = {}) {
  Parsed p;
  int f = p.sources.add("t.yaml", std::move(text));
  p.root = yaml::parse(p.sources, f, p.diags, limits);
  return p;
}
}  // namespace

TEST_CASE("duplicate keys are kept, with their positions") {
  auto p = parse("a: 1\nb: 2\na: 3\n");
  REQUIRE(p.root);
  REQUIRE((*p.root)->entries().size() == 3);
  CHECK((*p.root)->entries()[2].first.value() == "a");
  CHECK((*p.root)->entries()[2].first.loc.line == 3);
  CHECK((*p.root)->entries()[2].second.value() == "3");
}

TEST_CASE("plain and quoted scalars are told apart") {
  auto p = parse("a: 04070\nb: \"04070\"\nc: 'x'\nd: |\n  bloc\ne: !!str 12\n");
  REQUIRE(p.root);
  CHECK((*p.root)->entries()[0].second.plain());
  CHECK_FALSE((*p.root)->entries()[1].second.plain());
  CHECK_FALSE((*p.root)->entries()[2].second.plain());
  CHECK_FALSE((*p.root)->entries()[3].second.plain());
  CHECK((*p.root)->entries()[3].second.value() == "bloc\n");
  CHECK_FALSE((*p.root)->entries()[4].second.plain());
}

TEST_CASE("null forms") {
  auto p = parse("a:\nb: ~\nc: null\nd: ''\n");
  REQUIRE(p.root);
  CHECK((*p.root)->entries()[0].second.is_null());
  CHECK((*p.root)->entries()[1].second.is_null());
  CHECK((*p.root)->entries()[2].second.is_null());
  CHECK((*p.root)->entries()[3].second.is_scalar());
}

TEST_CASE("positions count characters after accented text") {
  auto p = parse("créé: { clé: là }\n");
  REQUIRE(p.root);
  const auto& inner = (*p.root)->entries()[0].second;
  CHECK(inner.entries()[0].first.loc.col == 9);   // « clé »
  CHECK(inner.entries()[0].second.loc.col == 14); // « là »
}

TEST_CASE("syntax errors are reworded in French with a position") {
  auto p = parse("a: 1\n\tb: 2\n");
  CHECK_FALSE(p.root);
  REQUIRE(p.diags.items().size() == 1);
  const auto& d = p.diags.items()[0];
  CHECK(d.code == "YAML");
  CHECK(d.loc.line == 2);
  CHECK(d.message.find("attendu") == std::string::npos);  // not an English passthrough
  CHECK(d.message.find("tabulation") != std::string::npos);

  auto q = parse("a: [1, 2\n");
  REQUIRE(q.diags.items().size() == 1);
  CHECK(q.diags.items()[0].message.find("]") != std::string::npos);

  auto r = parse("a: \"non fermé\n");
  REQUIRE(r.diags.items().size() == 1);
  CHECK(r.diags.items()[0].message.find("guillemet fermant manquant") != std::string::npos);
}

TEST_CASE("deep nesting stops with a message, not a crash") {
  auto p = parse("a: " + std::string(5000, '[') + std::string(5000, ']') + "\n");
  CHECK_FALSE(p.root);
  REQUIRE(p.diags.items().size() == 1);
  CHECK(p.diags.items()[0].message.find("profonde") != std::string::npos);
}

TEST_CASE("alias bombs are bounded") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
    bomb += "]\n";
    prev = c;
  }
  auto p = parse(bomb, yaml::Limits{100'000, 200});
  CHECK_FALSE(p.root);
  REQUIRE(p.diags.items().size() == 1);
  CHECK(p.diags.items()[0].message.find("volumineux") != std::string::npos);
}

TEST_CASE("aliases are expanded") {
  auto p = parse("a: &n { x: 1 }\nb: *n\n");
  REQUIRE(p.root);
  CHECK((*p.root)->entries()[1].second.is_map());
  CHECK((*p.root)->entries()[1].second.entries()[0].second.value() == "1");
}

TEST_CASE("empty files, several documents and bad encodings are refused") {
  CHECK(parse("").diags.items().at(0).code == "VIDE");
  CHECK(parse("# rien\n").diags.items().at(0).code == "VIDE");
  CHECK(parse("a: 1\n---\nb: 2\n").diags.items().at(0).message.find("plusieurs documents") != std::string::npos);
  auto latin1 = parse("a: caf\xe9\n");
  CHECK(latin1.diags.items().at(0).code == "ENCODAGE");
  CHECK(latin1.diags.items().at(0).loc.col == 7);
}

TEST_CASE("unsupported tags are refused") {
  auto p = parse("a: !python/object x\n");
  CHECK_FALSE(p.root);
  CHECK(p.diags.items().at(0).message.find("étiquette") != std::string::npos);
}

// Issue 12, defect 5: the node budget is for what aliases expand; a large
// file without aliases is bounded by its size only.
TEST_CASE("the node budget counts copies, not the nodes written in the file") {
  std::string big = "a: [";
  for (int i = 0; i < 500; ++i) big += i ? ", x" : "x";
  big += "]\n";
  auto p = parse(big, yaml::Limits{100, 200});
  REQUIRE(p.root);
  CHECK((*p.root)->entries()[0].second.items().size() == 500);
  // Anchors nested in anchors: each level keeps a copy of everything below.
  std::string nested = "a: ";
  for (int i = 0; i < 60; ++i) nested += "&a" + std::to_string(i) + " [";
  nested += "x, x, x, x, x, x, x, x, x, x";
  nested += std::string(60, ']') + "\n";
  auto q = parse(nested, yaml::Limits{1000, 200});
  CHECK_FALSE(q.root);
  REQUIRE_FALSE(q.diags.items().empty());
  CHECK(q.diags.items()[0].message.find("volumineux") != std::string::npos);
}

TEST_CASE("a 400 KB flow list on one line is read with its columns") {
  std::string line = "a: [";
  for (int i = 0; i < 100'000; ++i) line += i ? ", é" : "é";
  line += "]\n";
  auto p = parse(line);
  REQUIRE(p.root);
  const auto& items = (*p.root)->entries()[0].second.items();
  REQUIRE(items.size() == 100'000);
  CHECK(items[99'999].loc.col == 5 + 3 * 99'999);
}

TEST_CASE("a node is small and its document owns the text and the children") {
  // Issue 12: 104 bytes per node and a vector per container made the tree
  // of a national CTG more than ten times the size of its file.
  static_assert(sizeof(yaml::Node) <= 40);
  static_assert(std::is_trivially_copyable_v<yaml::Node>);
  std::optional<yaml::Document> kept;
  {
    auto p = parse("liste: [un texte assez long pour ne pas tenir dans une petite chaîne, deux]\nb: &n { x: 1 }\nc: *n\n");
    REQUIRE(p.root);
    kept = *p.root;  // a copy shares the memory: the Parsed and its SourceSet go away
    CHECK(p.root->memory() > 0);
  }
  const yaml::Node& root = kept->root();
  REQUIRE(root.entries().size() == 3);
  CHECK(root.entries()[0].second.items()[0].value() == "un texte assez long pour ne pas tenir dans une petite chaîne");
  CHECK(root.entries()[0].second.items()[1].value() == "deux");
  // The alias is the anchored node, not a copy.
  CHECK(&root.entries()[2].second.entries()[0] == &root.entries()[1].second.entries()[0]);
  // Accessors of the wrong kind are empty, not undefined.
  CHECK(root.entries()[0].second.entries().empty());
  CHECK(root.items().empty());
  CHECK(root.value().empty());
}

TEST_CASE("a key without a value and empty containers") {
  auto p = parse("a: {}\nb: []\n? c\n");
  REQUIRE(p.root);
  REQUIRE((*p.root)->entries().size() == 3);
  CHECK((*p.root)->entries()[0].second.is_map());
  CHECK((*p.root)->entries()[0].second.entries().empty());
  CHECK((*p.root)->entries()[1].second.is_sequence());
  CHECK((*p.root)->entries()[1].second.items().empty());
  CHECK((*p.root)->entries()[2].first.value() == "c");
  CHECK((*p.root)->entries()[2].second.is_null());
}

TEST_CASE("texts left in the source file when the tree does not outlive it") {
  SourceSet sources;
  int f = sources.add("t.yaml", "a: un texte simple\nb: 'entre guillemets'\nc: \"avec \\\"échappement\\\"\"\nd: |\n  bloc\n");
  Diagnostics diags;
  auto doc = yaml::parse(sources, f, diags, {}, yaml::Texts::InSource);
  REQUIRE(doc);
  const std::string& content = sources.file(f).content;
  auto inside = [&](std::string_view v) {
    return v.data() >= content.data() && v.data() + v.size() <= content.data() + content.size();
  };
  const auto& e = (*doc)->entries();
  REQUIRE(e.size() == 4);
  CHECK(e[0].second.value() == "un texte simple");
  CHECK(inside(e[0].second.value()));
  CHECK(inside(e[0].first.value()));
  CHECK(e[1].second.value() == "entre guillemets");
  CHECK(inside(e[1].second.value()));
  // Written otherwise than read: copied.
  CHECK(e[2].second.value() == "avec \"échappement\"");
  CHECK_FALSE(inside(e[2].second.value()));
  CHECK(e[3].second.value() == "bloc\n");
  CHECK_FALSE(inside(e[3].second.value()));
  // The default copies every text: the document lives on its own.
  auto copied = yaml::parse(sources, f, diags);
  REQUIRE(copied);
  CHECK_FALSE(inside((*copied)->entries()[0].second.value()));
}
