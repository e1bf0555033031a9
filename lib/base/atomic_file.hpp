// SPDX-License-Identifier: EUPL-1.2
// Writing an output file all at once: a temporary file beside it, then a
// rename, so that a failure never leaves a partial or clobbered file.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ctg {

// Returns an empty string on success, else a French description of the failure.
// A file the command has read (is_read_file) is never replaced.
std::string write_atomically(const std::string& path, std::string_view content);

// Replaces each existing regular file `first` by `second`, all or none: every
// new content is written beside its file first, the renames come after. For
// a command that edits its own inputs (ctg retours --appliquer). Returns ""
// on success, else a French description of the failure.
std::string replace_files(const std::vector<std::pair<std::string, std::string>>& files);

// Why `path` may not be written (it is one of the files read), in French, or "".
std::string overwrites_input(const std::string& path);

}  // namespace ctg
