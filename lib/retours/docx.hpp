// SPDX-License-Identifier: EUPL-1.2
// Reading a partner's returned Word file (a docx from `ctg render -f docx`,
// edited in Word or LibreOffice): libzip opens it, pugixml reads its XML; no
// zip or XML parsing of our own. Bounded before anything is inflated: entry
// count, each entry's size and compression ratio, the whole; a DOCTYPE or an
// entity declaration is refused (no entity is ever resolved).
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ctg::retours {

// A returned file that cannot be read, in French (exit 2).
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The text of an anchored block (a bookmark of ctg render): as sent (tracked
// insertions left out, tracked deletions kept) and as returned (all the
// tracked changes accepted). Paragraphs are separated by a line feed.
struct Block {
  std::string name;
  std::string sent;
  std::string returned;
};

enum class ChangeKind { Insertion, Deletion, MoveFrom, MoveTo };

// A tracked change: consecutive runs of one kind, author and date in one
// paragraph make one change (Word splits a deletion at every run).
struct Change {
  ChangeKind kind = ChangeKind::Insertion;
  std::string author, date;  // date as written (ISO 8601), may be empty
  std::string text;
  std::string anchor;        // the innermost anchor around it; empty: outside any
  std::string after;         // outside any anchor: the last anchor before it
  int paragraph = 0;         // index of its paragraph in the document
};

struct Comment {
  std::string author, date, text;
  std::string on;      // the text it is anchored on (commentRangeStart … End)
  std::string anchor;  // the anchor where its range starts
  std::string after;
};

struct Docx {
  std::map<std::string, std::string> properties;  // docProps/custom.xml: ctg-titre, ctg-empreinte…
  std::vector<Block> blocks;                      // in document order
  std::vector<Change> changes;
  std::vector<Comment> comments;
};

// Limits on what is inflated (a zip bomb, a huge XML).
struct Limits {
  std::size_t entries = 5000;
  std::size_t entry_size = std::size_t{64} << 20;
  std::size_t total_size = std::size_t{160} << 20;
  std::size_t ratio = 200;  // uncompressed / compressed, for entries over 1 MiB
};

// Reads the docx in `bytes` (`name` for the messages); throws Error.
Docx read_docx(std::string_view bytes, const std::string& name, const Limits& limits = {});

}  // namespace ctg::retours
