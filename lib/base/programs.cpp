// SPDX-License-Identifier: EUPL-1.2
#include "base/programs.hpp"

#include <filesystem>
#include <string_view>

#ifdef _WIN32
#include "base/paths.hpp"
#include "base/platform.hpp"
#else
#include <cstdlib>

#include <unistd.h>
#endif

namespace ctg {

#ifdef _WIN32
std::string find_program(const std::string& program) { return path_string(platform::find_program(program)); }
#else
namespace {
constexpr std::string_view system_path = "/usr/local/bin:/usr/bin:/bin";
}

std::string find_program(const std::string& program) {
  namespace fs = std::filesystem;
  const char* path = std::getenv("PATH");
  std::string_view rest = path && *path ? std::string_view(path) : system_path;
  while (true) {
    auto colon = rest.find(':');
    std::string dir(rest.substr(0, colon));
    fs::path candidate = fs::path(dir) / program;
    std::error_code ec;
    if (!dir.empty() && dir.front() == '/' && ::access(candidate.c_str(), X_OK) == 0 && !fs::is_directory(candidate, ec))
      return candidate.string();
    if (colon == std::string_view::npos) return {};
    rest.remove_prefix(colon + 1);
  }
}
#endif

}  // namespace ctg
