// SPDX-License-Identifier: EUPL-1.2
#include "base/temp_dir.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <vector>

#include "base/paths.hpp"
#include "base/text.hpp"
#ifdef _WIN32
#include "base/platform.hpp"
#endif

namespace ctg {

namespace fs = std::filesystem;

TempDir::TempDir(const std::string& prefix, std::string& error) {
  interrupt::Deferred deferred;  // no interruption between making and registering it
#ifdef _WIN32
  path_ = platform::make_temp_dir(prefix, error);
  if (path_.empty()) return;
#else
  const char* base = std::getenv("TMPDIR");
  std::string tmpl = (fs::path(base && *base ? base : "/tmp") / (prefix + ".XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  if (!::mkdtemp(name.data())) {
    error = fmt::format("impossible de créer un dossier temporaire dans « {} » ({})",
                        fs::path(tmpl).parent_path().string(), system_error(errno));
    return;
  }
  std::error_code ec;
  path_ = fs::absolute(name.data(), ec);
  if (ec) path_ = name.data();
#endif
  guard_.emplace(path_string(path_));
}

TempDir::~TempDir() {
  if (path_.empty()) return;
  std::error_code ec;
  fs::remove_all(path_, ec);
}

}  // namespace ctg
