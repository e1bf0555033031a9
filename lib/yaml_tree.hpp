// A YAML document read into our own tree, through yaml-cpp's event API:
// every node keeps its position (1-based, columns in characters), duplicate
// keys are kept (yaml-cpp's Node API hides them), and no yaml-cpp type or
// exception leaves this module.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diagnostic.hpp"
#include "source.hpp"

namespace ctg::yaml {

enum class NodeType { Null, Scalar, Sequence, Map };

struct Entry;  // a key and its value, defined below: Node is still incomplete here

struct Node {
  NodeType type = NodeType::Null;
  Loc loc;
  std::string value;  // scalar text, as written (quotes removed)
  bool plain = true;  // a plain scalar, i.e. neither quoted nor a block scalar
  std::vector<Node> items;                     // Sequence
  std::vector<Entry> entries;  // Map, in source order, duplicates kept

  bool is_null() const { return type == NodeType::Null; }
  bool is_scalar() const { return type == NodeType::Scalar; }
  bool is_sequence() const { return type == NodeType::Sequence; }
  bool is_map() const { return type == NodeType::Map; }
};

// A map entry. Not a std::pair<Node, Node>: a pair of an incomplete type is
// undefined (g++ accepts it, clang rejects it); the members keep pair's names.
struct Entry {
  Node first;   // the key
  Node second;  // the value
  Entry(Node key, Node value) : first(std::move(key)), second(std::move(value)) {}
};

struct Limits {
  // Nodes copied for anchors and aliases (expanded): bounds "billion laughs".
  // The nodes written in the file are bounded by its size (64 MiB) only.
  std::size_t max_nodes = 2'000'000;
  int max_depth = 200;               // a CTG is never deeper than ~10 levels
};

// Parses the file `file` of `sources`, which must hold one YAML document.
// On failure returns nullopt and adds at least one positioned French error.
std::optional<Node> parse(const SourceSet& sources, int file, Diagnostics& diags, Limits limits = {});

// What a node is, in French, for messages: « un texte », « une liste »…
const char* describe(const Node& n);

}  // namespace ctg::yaml
