// SPDX-License-Identifier: EUPL-1.2
// A YAML document read into our own tree, through yaml-cpp's event API:
// every node keeps its position (1-based, columns in characters), duplicate
// keys are kept (yaml-cpp's Node API hides them), and no yaml-cpp type or
// exception leaves this module.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/source.hpp"

namespace ctg::yaml {

enum class NodeType : std::uint8_t { Null, Scalar, Sequence, Map };

// A read-only run of nodes or entries, stored contiguously in a document.
template <class T>
class Span {
 public:
  Span() = default;
  Span(const T* first, std::uint32_t count) : first_(first), count_(count) {}
  const T* begin() const { return first_; }
  const T* end() const { return first_ + count_; }
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  const T& operator[](std::size_t i) const { return first_[i]; }

 private:
  const T* first_ = nullptr;
  std::uint32_t count_ = 0;
};

struct Entry;  // a key and its value, defined below: Node is still incomplete here

// A node of a parsed document: a small value (24 bytes) that views the text
// and the children its Document owns. A national CTG has millions of nodes:
// owning strings and vectors per node cost 104 bytes each, plus the unused
// capacity of every vector, more than ten times the file's size in all.
class Node {
 public:
  Loc loc;

  Node() = default;
  // An empty node of the given type (a Null, an empty list or map).
  Node(NodeType type, Loc at) : loc(at), bits_(static_cast<std::uint32_t>(type) << type_shift) {}

  NodeType type() const { return static_cast<NodeType>(bits_ >> type_shift); }
  // A plain scalar, i.e. neither quoted nor a block scalar (true for other nodes).
  bool plain() const { return (bits_ & quoted_bit) == 0; }
  bool is_null() const { return type() == NodeType::Null; }
  bool is_scalar() const { return type() == NodeType::Scalar; }
  bool is_sequence() const { return type() == NodeType::Sequence; }
  bool is_map() const { return type() == NodeType::Map; }

  // The scalar's text, as written (quotes removed); empty for other nodes.
  std::string_view value() const {
    return is_scalar() ? std::string_view(static_cast<const char*>(data_), size()) : std::string_view();
  }
  // The items of a sequence, in order; empty for other nodes.
  Span<Node> items() const {
    return is_sequence() ? Span<Node>(static_cast<const Node*>(data_), size()) : Span<Node>();
  }
  // The entries of a map, in source order, duplicate keys kept; empty for other nodes.
  Span<Entry> entries() const;

  // The largest text or number of children a node holds: far above the
  // 64 MiB a file may have.
  static constexpr std::uint32_t max_size = (std::uint32_t{1} << 29) - 1;

 private:
  friend class Builder;
  static constexpr int type_shift = 30;
  static constexpr std::uint32_t quoted_bit = std::uint32_t{1} << 29;
  std::uint32_t size() const { return bits_ & max_size; }

  std::uint32_t bits_ = 0;        // type (2 bits), quoted (1 bit), size of the text or number of children
  const void* data_ = nullptr;    // the text, Node[size] or Entry[size]
};

// A map entry. Not a std::pair<Node, Node>: a pair of an incomplete type is
// undefined (g++ accepts it, clang rejects it); the members keep pair's names.
struct Entry {
  Node first;   // the key
  Node second;  // the value
};

inline Span<Entry> Node::entries() const {
  return is_map() ? Span<Entry>(static_cast<const Entry*>(data_), size()) : Span<Entry>();
}

// The blocks of memory where a document's nodes and texts live.
struct Arena;

// A parsed document: its root node, and the memory every node of the tree
// points into. Copies share that memory; the nodes stay valid as long as one
// copy of the document lives (and its SourceSet, with Texts::InSource).
class Document {
 public:
  Document() = default;  // a Null root: a file that could not be parsed
  const Node& root() const { return root_; }
  const Node& operator*() const { return root_; }
  const Node* operator->() const { return &root_; }
  // The bytes held for the tree, for the benchmark and the tests.
  std::size_t memory() const;

 private:
  friend class Builder;
  Node root_;
  std::shared_ptr<const Arena> arena_;
};

struct Limits {
  // Nodes copied for anchors and aliases (expanded): bounds "billion laughs".
  // The nodes written in the file are bounded by its size (64 MiB) only.
  std::size_t max_nodes = 2'000'000;
  int max_depth = 200;               // a CTG is never deeper than ~10 levels
};

// Where the document keeps the text of its scalars.
enum class Texts {
  Copied,    // in the document: it lives on its own
  InSource,  // in the source file's content when it is written there as is (most
             // scalars): the SourceSet, whose files never move, must outlive the document
};

// Parses the file `file` of `sources`, which must hold one YAML document.
// On failure returns nullopt and adds at least one positioned French error.
std::optional<Document> parse(const SourceSet& sources, int file, Diagnostics& diags, Limits limits = {},
                              Texts texts = Texts::Copied);

// What a node is, in French, for messages: « un texte », « une liste »…
const char* describe(const Node& n);

}  // namespace ctg::yaml
