// SPDX-License-Identifier: EUPL-1.2
// Writing an output file all at once: a temporary file beside it, then a
// rename, so that a failure never leaves a partial or clobbered file.
#pragma once

#include <string>
#include <string_view>

namespace ctg {

// Returns an empty string on success, else a French description of the failure.
// A file the command has read (is_read_file) is never replaced.
std::string write_atomically(const std::string& path, std::string_view content);

// Why `path` may not be written (it is one of the files read), in French, or "".
std::string overwrites_input(const std::string& path);

}  // namespace ctg
