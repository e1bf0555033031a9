// SPDX-License-Identifier: EUPL-1.2
#include "yaml/tree.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <istream>
#include <streambuf>
#include <type_traits>
#include <string_view>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "base/text.hpp"

namespace ctg::yaml {

const char* describe(const Node& n) {
  switch (n.type()) {
    case NodeType::Null: return "une valeur vide";
    case NodeType::Scalar: return n.plain() ? "une valeur simple" : "un texte entre guillemets";
    case NodeType::Sequence: return "une liste";
    case NodeType::Map: return "un ensemble de clés";
  }
  return "une valeur";
}

// The memory of a document: big blocks that never move, so that nodes can
// point at their children and texts, freed all at once with the document.
struct Arena {
  static constexpr std::size_t block_size = std::size_t{1} << 20;
  std::vector<std::unique_ptr<std::byte[]>> blocks;
  std::size_t used = 0, capacity = 0;  // in blocks.back()
  std::size_t total = 0;

  void* allocate(std::size_t bytes, std::size_t align) {
    if (bytes > block_size / 4) {  // a long list gets a block of its own, the current one stays
      auto dedicated = std::unique_ptr<std::byte[]>(new std::byte[bytes]);
      void* p = dedicated.get();
      blocks.insert(blocks.empty() ? blocks.end() : blocks.end() - 1, std::move(dedicated));
      total += bytes;
      return p;
    }
    used = (used + align - 1) / align * align;
    if (blocks.empty() || used + bytes > capacity) {
      blocks.push_back(std::unique_ptr<std::byte[]>(new std::byte[block_size]));
      used = 0;
      capacity = block_size;
      total += block_size;
    }
    void* p = blocks.back().get() + used;
    used += bytes;
    return p;
  }

  template <class T>
  T* copy(const T* first, std::size_t count) {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
    if (count == 0) return nullptr;
    auto* out = static_cast<T*>(allocate(sizeof(T) * count, alignof(T)));
    std::uninitialized_copy(first, first + count, out);
    return out;
  }
};

std::size_t Document::memory() const { return arena_ ? arena_->total : 0; }

// Sets what Node and Document keep private: only the parser builds trees.
class Builder {
 public:
  // `text` is in the arena, or in the source file.
  static void text(Node& n, const char* text, std::size_t size, bool plain) {
    n.bits_ = static_cast<std::uint32_t>(NodeType::Scalar) << Node::type_shift | (plain ? 0 : Node::quoted_bit) |
              static_cast<std::uint32_t>(size);
    n.data_ = text;
  }
  static void children(Node& n, const void* first, std::size_t count) {
    n.bits_ = (n.bits_ & ~Node::max_size) | static_cast<std::uint32_t>(count);
    n.data_ = first;
  }
  static Document document(const Node& root, std::shared_ptr<const Arena> arena) {
    Document d;
    d.root_ = root;
    d.arena_ = std::move(arena);
    return d;
  }
};

namespace {

static_assert(sizeof(Node) == 24 && sizeof(Entry) == 2 * sizeof(Node));

// Thrown inside the handler only, caught in parse(): stops yaml-cpp early.
struct Stop {
  std::string message, hint;
  Loc loc;
};

std::size_t subtree_size(const Node& n) {
  std::size_t s = 1;
  for (const auto& i : n.items()) s += subtree_size(i);
  for (const auto& [k, v] : n.entries()) s += subtree_size(k) + subtree_size(v);
  return s;
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const SourceSet& sources, int file, Limits limits, Texts texts)
      : sources_(sources), file_(file), limits_(limits), texts_(texts), arena_(std::make_shared<Arena>()) {}

  std::optional<Node> root;
  int documents = 0;

  Document document() const { return Builder::document(*root, arena_); }

  void OnDocumentStart(const YAML::Mark&) override { ++documents; }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    complete(Node(NodeType::Null, loc(mark)), anchor);
  }

  // An alias is the anchored node itself: the tree is read-only, so both
  // places share it, but walking the tree visits it twice: hence the budget.
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end())
      throw Stop{"alias vers une ancre inconnue", "définissez l'ancre (&nom) avant de l'utiliser (*nom)", loc(mark)};
    count(it->second.second, mark);
    complete(it->second.first, YAML::NullAnchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node n(NodeType::Scalar, loc(mark));
    // yaml-cpp marks plain scalars with the non-specific tag "?", quoted and
    // block scalars with "!"; "!!str" makes a plain scalar a string.
    if (tag == "!" && unterminated_quote(mark))
      throw Stop{"guillemet fermant manquant : le texte commencé ici court jusqu'à la fin du fichier",
                 "fermez le texte par le même guillemet qu'à l'ouverture", loc(mark)};
    bool plain = true;
    if (tag == "?") plain = true;
    else if (tag == "!" || tag == "tag:yaml.org,2002:str") plain = false;
    else
      throw Stop{fmt::format("étiquette YAML {} non prise en charge", guillemets(tag)),
                 "retirez l'étiquette (« !… ») : le format n'en utilise aucune", loc(mark)};
    if (value.size() > Node::max_size)
      throw Stop{fmt::format("texte trop long : {} octets, au plus {}", value.size(), Node::max_size),
                 "découpez le texte", n.loc};
    Builder::text(n, stored(value, mark), value.size(), plain);
    complete(n, anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    check_container_tag(tag, mark);
    open(NodeType::Sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    check_container_tag(tag, mark);
    open(NodeType::Map, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    Node node;
    YAML::anchor_t anchor;
    std::size_t first;  // where its children start in pending_
  };

  // yaml-cpp 0.7 accepts a quoted scalar left open at the end of the file,
  // which silently swallows the rest of the document.
  bool unterminated_quote(const YAML::Mark& m) const {
    const std::string& text = sources_.file(file_).content;
    auto pos = static_cast<std::size_t>(m.pos);
    if (m.pos < 0 || pos >= text.size() || (text[pos] != '"' && text[pos] != '\'')) return false;
    const char q = text[pos];
    for (std::size_t i = pos + 1; i < text.size(); ++i) {
      if (q == '"' && text[i] == '\\') ++i;
      else if (text[i] == q) {
        if (q == '\'' && i + 1 < text.size() && text[i + 1] == '\'') ++i;
        else return false;
      }
    }
    return true;
  }

  // The scalar's text where it is written, when it is written as is (a plain
  // or quoted scalar on one line, without escapes), else a copy.
  const char* stored(const std::string& value, const YAML::Mark& m) {
    if (texts_ == Texts::InSource && m.pos >= 0) {
      const std::string& content = sources_.file(file_).content;
      for (std::size_t at : {static_cast<std::size_t>(m.pos), static_cast<std::size_t>(m.pos) + 1})
        if (at <= content.size() && content.size() - at >= value.size() &&
            content.compare(at, value.size(), value) == 0)
          return content.data() + at;
    }
    return arena_->copy(value.data(), value.size());
  }

  Loc loc(const YAML::Mark& m) { return sources_.from_byte_column(file_, m.line, m.column, cursor_); }

  void check_container_tag(const std::string& tag, const YAML::Mark& mark) {
    if (!tag.empty() && tag != "?" && tag != "!")
      throw Stop{fmt::format("étiquette YAML {} non prise en charge", guillemets(tag)),
                 "retirez l'étiquette (« !… ») : le format n'en utilise aucune", loc(mark)};
  }

  // Every node reached again through an anchor or an alias counts against
  // the budget; the nodes written in the file are bounded by its size alone.
  void count(std::size_t n, const YAML::Mark& mark) { count(n, loc(mark)); }
  void count(std::size_t n, Loc where) {
    copies_ += n;
    if (copies_ > limits_.max_nodes)
      throw Stop{fmt::format("document trop volumineux : plus de {} nœuds une fois les alias développés",
                             limits_.max_nodes),
                 "n'utilisez pas d'alias (*nom) imbriqués les uns dans les autres", where};
  }

  void open(NodeType type, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (static_cast<int>(stack_.size()) >= limits_.max_depth)
      throw Stop{fmt::format("imbrication trop profonde (plus de {} niveaux)", limits_.max_depth),
                 "un document CTG ne dépasse jamais une dizaine de niveaux : vérifiez l'indentation",
                 loc(mark)};
    stack_.push_back(Frame{Node(type, loc(mark)), anchor, pending_.size()});
  }

  // The children, gathered in pending_ while the container was open, are
  // copied once into the arena at their exact size.
  void close() {
    Frame f = stack_.back();
    stack_.pop_back();
    if (f.node.is_map() && (pending_.size() - f.first) % 2 != 0) pending_.push_back(Node{});  // a key alone
    const std::size_t n = pending_.size() - f.first;
    if (const std::size_t count = n / (f.node.is_map() ? 2 : 1); count > Node::max_size)
      throw Stop{fmt::format("liste trop longue : {} éléments, au plus {}", count, Node::max_size),
                 "découpez la liste", f.node.loc};
    if (f.node.is_sequence()) {
      Builder::children(f.node, arena_->copy(pending_.data() + f.first, n), n);
    } else {
      Entry* entries = n == 0 ? nullptr : static_cast<Entry*>(arena_->allocate(sizeof(Entry) * (n / 2), alignof(Entry)));
      for (std::size_t i = 0; i < n / 2; ++i)
        new (entries + i) Entry{pending_[f.first + 2 * i], pending_[f.first + 2 * i + 1]};
      Builder::children(f.node, entries, n / 2);
    }
    pending_.resize(f.first);
    complete(f.node, f.anchor);
  }

  void complete(const Node& n, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) {
      const std::size_t size = subtree_size(n);
      count(size, n.loc);  // the subtree will be walked again for every alias
      anchors_.insert_or_assign(anchor, std::pair<Node, std::size_t>{n, size});
    }
    if (stack_.empty()) root = n;
    else pending_.push_back(n);
  }

  const SourceSet& sources_;
  int file_;
  Limits limits_;
  Texts texts_;
  std::shared_ptr<Arena> arena_;
  std::vector<Frame> stack_;
  std::vector<Node> pending_;  // the children of the open containers, in order
  std::map<YAML::anchor_t, std::pair<Node, std::size_t>> anchors_;
  ColumnCursor cursor_;
  std::size_t copies_ = 0;  // nodes reached again through anchors and aliases
};

// Reads the file's text where it is: an istringstream would copy it.
class TextBuffer : public std::streambuf {
 public:
  explicit TextBuffer(const std::string& text) {
    char* first = const_cast<char*>(text.data());  // only read: the put area is never set
    setg(first, first, first + text.size());
  }
};

struct Reworded {
  std::string message, hint;
};

// yaml-cpp's terse English messages, said in French with what to do.
Reworded reword(const std::string& msg) {
  auto starts = [&](std::string_view p) { return msg.rfind(p, 0) == 0; };
  if (starts("end of map not found"))
    return {"fin d'ensemble de clés introuvable", "vérifiez l'indentation et qu'un « : » suit chaque clé"};
  if (starts("end of map flow not found"))
    return {"accolade fermante « } » manquante", "fermez l'accolade ouverte plus haut"};
  if (starts("end of sequence not found"))
    return {"fin de liste introuvable", "vérifiez l'indentation des éléments « - » de la liste"};
  if (starts("end of sequence flow not found"))
    return {"crochet fermant « ] » manquant", "fermez le crochet ouvert plus haut"};
  if (starts("illegal map value"))
    return {"« : » inattendu à cet endroit",
            "un texte qui contient « : » doit être entre guillemets ; sinon vérifiez l'indentation"};
  if (starts("illegal map key")) return {"clé inattendue à cet endroit", "vérifiez l'indentation"};
  if (starts("illegal block entry"))
    return {"élément de liste « - » inattendu à cet endroit", "alignez les « - » de la liste sur la même colonne"};
  if (starts("illegal tab when looking for indentation"))
    return {"tabulation dans l'indentation", "YAML n'accepte que des espaces pour indenter : remplacez la tabulation"};
  if (starts("illegal EOF in scalar"))
    return {"fin de fichier au milieu d'un texte", "un guillemet fermant manque probablement"};
  if (starts("illegal character in scalar")) return {"caractère interdit dans un texte", "mettez le texte entre guillemets"};
  if (starts("illegal document indicator in scalar"))
    return {"« --- » ou « ... » au milieu d'un texte", "mettez le texte entre guillemets"};
  if (starts("unknown escape character"))
    return {"séquence d'échappement inconnue dans un texte entre guillemets doubles",
            "doublez la barre oblique inverse (\\\\) ou utilisez des guillemets simples"};
  if (starts("invalid character in single-quoted string"))
    return {"caractère invalide dans un texte entre guillemets simples", "une apostrophe s'écrit '' à l'intérieur"};
  if (starts("the referenced anchor is not defined") || starts("alias not found"))
    return {"alias vers une ancre inconnue", "définissez l'ancre (&nom) avant de l'utiliser (*nom)"};
  if (starts("illegal flow end")) return {"« ] » ou « } » en trop", "retirez le caractère fermant en trop"};
  if (starts("unknown token")) return {"caractère inattendu", "mettez la valeur entre guillemets"};
  if (starts("bad file") || starts("depth") || msg.find("depth") != std::string::npos)
    return {"document illisible : imbrication trop profonde ou fichier corrompu",
            "un document CTG ne dépasse jamais une dizaine de niveaux : vérifiez le fichier"};
  return {fmt::format("syntaxe YAML invalide ({})", msg), "vérifiez l'indentation et les guillemets à cet endroit"};
}

// What usually hides behind « end of map/sequence not found » (issue 22): an
// apostrophe inside a text between single quotes (« 'L'Abergement' »), an
// unclosed double quote, or a tab in the indentation, on the error's line or
// just above it. Sets `r` and `l` and returns true when one is found.
bool explain_structure(const SourceSet& sources, int file, Reworded& r, Loc& l) {
  for (int line = l.line; line >= std::max(1, l.line - 3); --line) {
    std::string_view text = sources.line_text(file, line);
    std::size_t indent = text.find_first_not_of(" \t");
    if (indent != std::string_view::npos && text.substr(0, indent).find('\t') != std::string_view::npos) {
      l = Loc{file, line, static_cast<int>(text.substr(0, indent).find('\t')) + 1};
      r = {"tabulation dans l'indentation", "YAML n'accepte que des espaces pour indenter : remplacez la tabulation "
                                            "par des espaces, alignés sur les clés voisines"};
      return true;
    }
    // « cle: 'texte' » whose text holds another single quote: the first one closes it.
    auto colon = text.find(": '");
    if (colon != std::string_view::npos) {
      std::string_view value = text.substr(colon + 2);
      auto end = value.find_last_not_of(" \r");
      if (end != std::string_view::npos) value = value.substr(0, end + 1);
      auto inner = value.find('\'', 1);
      if (inner != std::string_view::npos && inner + 1 < value.size() && value[inner + 1] != '\'') {
        std::string inside(value.substr(1, value.size() > 2 && value.back() == '\'' ? value.size() - 2 : value.size() - 1));
        std::string doubled;
        for (char c : inside) doubled += c == '\'' ? std::string("''") : std::string(1, c);
        l = Loc{file, line, static_cast<int>(colon + 2 + inner) + 1};
        r = {"apostrophe à l'intérieur d'un texte entre guillemets simples : elle ferme le texte",
             fmt::format("doublez l'apostrophe ('{}') ou mettez le texte entre guillemets doubles (\"{}\")", doubled,
                         inside)};
        return true;
      }
    }
    if (auto open = text.find(": \""); open != std::string_view::npos &&
        std::count(text.begin(), text.end(), '"') % 2 == 1 && text.find('#') == std::string_view::npos) {
      l = Loc{file, line, static_cast<int>(open) + 3};
      r = {"guillemet double « \" » non fermé sur cette ligne", "fermez le texte par un « \" » en fin de valeur"};
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<Document> parse(const SourceSet& sources, int file, Diagnostics& diags, Limits limits, Texts texts) {
  const SourceFile& src = sources.file(file);
  if (auto bad = find_invalid_utf8(src.content); bad != std::string_view::npos) {
    Loc l = sources.from_offset(file, bad);
    diags.error("ENCODAGE", l,
                fmt::format("le fichier n'est pas en UTF-8 (octet 0x{:02X} invalide)",
                            static_cast<unsigned char>(src.content[bad])),
                "enregistrez le fichier en UTF-8 (dans votre éditeur : « Enregistrer sous… », encodage UTF-8)");
    return std::nullopt;
  }
  TreeBuilder builder(sources, file, limits, texts);
  try {
    TextBuffer buffer(src.content);
    std::istream in(&buffer);
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
      if (builder.documents > 1) {
        diags.error("YAML", Loc{file, 1, 1}, "le fichier contient plusieurs documents YAML (séparés par « --- »)",
                    "un fichier ne décrit qu'une CTG : séparez les documents en plusieurs fichiers");
        return std::nullopt;
      }
    }
  } catch (const Stop& s) {
    diags.error("YAML", s.loc, s.message, s.hint);
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    Reworded r = reword(e.msg);
    Loc l = e.mark.is_null() ? Loc{file, 1, 1} : sources.from_byte_column(file, e.mark.line, e.mark.column);
    if (e.msg.rfind("end of map not found", 0) == 0 || e.msg.rfind("end of sequence not found", 0) == 0)
      explain_structure(sources, file, r, l);
    diags.error("YAML", l, r.message, r.hint);
    return std::nullopt;
  } catch (const std::exception& e) {
    diags.error("YAML", Loc{file, 1, 1}, fmt::format("lecture YAML impossible ({})", e.what()));
    return std::nullopt;
  }
  if (!builder.root || builder.root->is_null()) {
    diags.error("VIDE", Loc{file, 1, 1}, "le fichier est vide", "commencez par la ligne « format: ctg/1 »");
    return std::nullopt;
  }
  return builder.document();
}

}  // namespace ctg::yaml
