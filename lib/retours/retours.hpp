// SPDX-License-Identifier: EUPL-1.2
// `ctg retours SOURCE RETOUR.docx…`: the partners' returned Word files
// brought back to the source. Each return (docx.hpp) is compared with what
// ctg renders from the source: tracked changes, comments and edits made
// without tracking, each placed on its anchor (a bookmark of ctg render:
// art-6-al-2…) and on the position in the YAML to edit; the same place
// changed differently by two returns is a conflict.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/source.hpp"
#include "format/model.hpp"
#include "retours/docx.hpp"

namespace ctg::retours {

// Where an anchor comes from: « article 6, 2e alinéa » and its position.
// For `--appliquer`: `node`, the value the anchor's text comes from (a
// scalar, or with `key` the map holding it: a projection's year).
struct Place {
  std::string label;
  Loc loc;
  Loc node;
  std::string key;
};
// Every anchor ctg render writes for `ctg`, named as it names them.
std::map<std::string, Place> places(const Ctg& ctg, const SourceSet& sources);

enum class Kind { Insertion, Suppression, Remplacement, Deplacement, Commentaire, SansSuivi };

struct Finding {
  Kind kind = Kind::Insertion;
  std::string anchor;  // empty: outside any anchor, see `after`
  std::string after;   // the last anchor before it
  std::string author, date;
  std::string before, text;  // Remplacement, SansSuivi: before → text; Suppression: text deleted
  std::string on;            // Commentaire: the text it is anchored on
};

struct Return {
  std::string path;
  std::string version_note;  // French, when the return was cut from another version of the source
  std::vector<Finding> findings;
  std::map<std::string, std::string> results;  // anchor → its text with the changes accepted
};

struct Conflict {
  std::string anchor;
  std::vector<std::string> returns;  // the paths
};

struct Report {
  std::string source;
  std::vector<Return> returns;
  std::vector<Conflict> conflicts;
};

// The expected state of the source: the texts of its anchors as ctg renders
// them (from a docx made by pandoc, read back by read_docx), its title and digest.
struct Expected {
  std::map<std::string, std::string> texts;
  std::string title, territory, digest;
};
// Throws Error when pandoc is missing or fails.
Expected expected(const Ctg& ctg, const SourceSet& sources);

// Compares one return with the source; throws Error (in French) when it
// holds no anchor of this CTG, or names another CTG.
Return compare(const Docx& d, const std::string& path, const Expected& e);
// The conflicts between returns, filled into `r`.
void find_conflicts(Report& r);

// Whitespace runs as one space, none at the ends (Word and pandoc break lines their own way).
std::string squash(std::string_view s);

// `--appliquer` (apply.cpp): what was written back into the source, what is left for hand editing.
struct Applied {
  std::string anchor, path;       // the returns it comes from (« a.docx, b.docx » when several make it)
  std::string before, after;      // the words changed, as the document shows them
  std::vector<Finding> findings;  // what the return says there (authors, dates)
};
struct Left {
  std::string anchor, after, path, reason;
  Finding finding;
};
struct Application {
  std::vector<Applied> applied;
  std::vector<Left> left;
  std::vector<std::pair<std::string, std::string>> files;  // path → new content, the files changed
  // The checks of ctg validate on the changed source, once written (filled by the command).
  struct Checked {
    bool done = false;
    std::size_t errors = 0, warnings = 0, notes = 0;
  } checked;
};
// The changes of `r` that map exactly onto a scalar of the source, checked
// by rendering the changed source again; throws Error when that fails.
Application apply(const Report& r, const Expected& e, const std::map<std::string, Place>& places,
                  const SourceSet& sources);

enum class Format { Text, Markdown, Json };
std::string render(const Report& r, const std::map<std::string, Place>& places, const SourceSet& sources, Format f,
                   const Application* applied = nullptr);

}  // namespace ctg::retours
