// SPDX-License-Identifier: EUPL-1.2
// The programs ctg runs (git, chromium, pandoc, rsvg-convert), found the
// same way by every family that runs one.
#pragma once

#include <string>

namespace ctg {

// The full path of `program` in PATH, empty when absent. Linux: only absolute
// folders of PATH are searched (an empty or relative entry would mean the
// current folder, possibly a cloned CTG repository holding its own « git » or
// « pandoc »); PATH unset or empty means the system's path, as confstr(_CS_PATH)
// and git do. Windows: `program`.exe in PATH (base/platform_windows.cpp).
std::string find_program(const std::string& program);

}  // namespace ctg
