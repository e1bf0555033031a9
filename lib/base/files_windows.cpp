// SPDX-License-Identifier: EUPL-1.2
// Reading and writing files on Windows (issue 23): the Windows versions of
// read_regular_file (base/source.hpp) and write_atomically
// (base/atomic_file.hpp), through the wide-character API so that
// « C:\Users\Amélie\Documents\CTG Grand Dole\ctg.yaml » is found. The Linux
// versions are in source.cpp and atomic_file.cpp.
#ifdef _WIN32

#include <fmt/format.h>
#include <windows.h>

#include <chrono>
#include <filesystem>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <tuple>

#include "base/atomic_file.hpp"
#include "base/paths.hpp"
#include "base/platform.hpp"
#include "base/source.hpp"

namespace ctg {

namespace {

struct Handle {
  HANDLE h;
  ~Handle() {
    if (h != INVALID_HANDLE_VALUE) CloseHandle(h);
  }
};

std::wstring wide_path(const std::string& path) { return to_path(path).wstring(); }

// The identity of a file on Windows (volume serial number, file index), as
// (device, inode) on Linux: the same file through another path, a link or a
// short 8.3 name is recognised. `validate -j` reads from several threads.
using FileId = std::tuple<DWORD, DWORD, DWORD>;
std::mutex read_files_mutex;
std::set<FileId> read_files;

std::optional<FileId> file_id(HANDLE h) {
  BY_HANDLE_FILE_INFORMATION info{};
  if (!GetFileInformationByHandle(h, &info)) return std::nullopt;
  return FileId{info.dwVolumeSerialNumber, info.nFileIndexHigh, info.nFileIndexLow};
}

}  // namespace

bool is_read_file(const std::string& path) {
  Handle f{CreateFileW(wide_path(path).c_str(), 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                       OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr)};
  if (f.h == INVALID_HANDLE_VALUE) return false;
  auto id = file_id(f.h);
  std::lock_guard lock(read_files_mutex);
  return id && read_files.count(*id) > 0;
}

std::optional<std::string> read_regular_file(const std::string& path, ReadFailure& failure, std::string& reason,
                                             std::size_t cap) {
  auto fail = [&](ReadFailure f, std::string why) -> std::optional<std::string> {
    failure = f;
    reason = std::move(why);
    return std::nullopt;
  };
  std::wstring name = wide_path(path);
  DWORD attributes = GetFileAttributesW(name.c_str());
  if (attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY))
    return fail(ReadFailure::Directory, "c'est un dossier");
  Handle f{CreateFileW(name.c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                       OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr)};
  if (f.h == INVALID_HANDLE_VALUE) {
    DWORD e = GetLastError();
    if (e == ERROR_FILE_NOT_FOUND || e == ERROR_PATH_NOT_FOUND || e == ERROR_INVALID_NAME)
      return fail(ReadFailure::Missing, "fichier introuvable");
    return fail(ReadFailure::Unreadable, fmt::format("ouverture impossible ({})", platform::windows_error(e)));
  }
  // A console, a printer port or a pipe (CON, COM1, NUL…) is not a file.
  if (GetFileType(f.h) != FILE_TYPE_DISK)
    return fail(ReadFailure::NotRegular, "ce n'est pas un fichier ordinaire (console, port ou tube)");
  LARGE_INTEGER size{};
  if (!GetFileSizeEx(f.h, &size))
    return fail(ReadFailure::Unreadable, fmt::format("lecture impossible ({})", platform::windows_error(GetLastError())));
  if (static_cast<std::uintmax_t>(size.QuadPart) > cap)
    return fail(ReadFailure::TooLarge, fmt::format("fichier trop volumineux ({} octets ; au plus {})", size.QuadPart, cap));
  std::string content;
  content.reserve(static_cast<std::size_t>(size.QuadPart));
  char buf[65536];
  for (;;) {
    DWORD n = 0;
    if (!ReadFile(f.h, buf, sizeof buf, &n, nullptr))
      return fail(ReadFailure::Unreadable, fmt::format("lecture impossible ({})", platform::windows_error(GetLastError())));
    if (n == 0) break;
    if (content.size() + n > cap)  // a file that grows while read
      return fail(ReadFailure::TooLarge, fmt::format("fichier trop volumineux (plus de {} octets)", cap));
    content.append(buf, n);
  }
  if (auto id = file_id(f.h)) {
    std::lock_guard lock(read_files_mutex);
    read_files.insert(*id);
  }
  failure = ReadFailure::None;
  return content;
}

// Why one long function: the temporary file, its writing and the replacement share one handle and one clean-up on every path.
std::string write_atomically(const std::string& given, std::string_view content) {
  namespace fs = std::filesystem;
  fs::path target = to_path(given);
  std::wstring name = target.wstring();
  DWORD attributes = GetFileAttributesW(name.c_str());
  if (attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY))
    return fmt::format("« {} » est un dossier", given);
  if (attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_READONLY))
    return fmt::format("« {} » est en lecture seule", given);
  if (attributes != INVALID_FILE_ATTRIBUTES)
    if (std::string refused = overwrites_input(given); !refused.empty()) return refused;
  fs::path dir = target.parent_path().empty() ? fs::path(L".") : target.parent_path();
  std::random_device rd;
  fs::path temporary;
  Handle f{INVALID_HANDLE_VALUE};
  for (int attempt = 0; attempt < 100 && f.h == INVALID_HANDLE_VALUE; ++attempt) {
    temporary = dir / (L"." + target.filename().wstring() + L"." + std::to_wstring(rd() % 1000000) + L".tmp");
    f.h = CreateFileW(temporary.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (f.h == INVALID_HANDLE_VALUE && GetLastError() != ERROR_FILE_EXISTS)
      return fmt::format("impossible de créer un fichier dans « {} » ({})", path_string(dir),
                         platform::windows_error(GetLastError()));
  }
  if (f.h == INVALID_HANDLE_VALUE) return fmt::format("impossible de créer un fichier dans « {} »", path_string(dir));
  std::string failure;
  for (std::size_t done = 0; done < content.size() && failure.empty();) {
    DWORD n = 0;
    DWORD chunk = static_cast<DWORD>(std::min<std::size_t>(content.size() - done, 1 << 20));
    if (!WriteFile(f.h, content.data() + done, chunk, &n, nullptr))
      failure = fmt::format("écriture impossible ({})", platform::windows_error(GetLastError()));
    done += n;
  }
  if (failure.empty() && !FlushFileBuffers(f.h))
    failure = fmt::format("écriture impossible ({})", platform::windows_error(GetLastError()));
  CloseHandle(f.h);
  f.h = INVALID_HANDLE_VALUE;
  if (failure.empty()) {
    // An antivirus may hold the new file a moment: a few tries, then the error.
    DWORD e = 0;
    for (int attempt = 0; attempt < 5; ++attempt) {
      if (MoveFileExW(temporary.c_str(), name.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        e = 0;
        break;
      }
      e = GetLastError();
      if (e != ERROR_SHARING_VIOLATION && e != ERROR_ACCESS_DENIED && e != ERROR_LOCK_VIOLATION) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (e == ERROR_SHARING_VIOLATION || e == ERROR_ACCESS_DENIED || e == ERROR_LOCK_VIOLATION)
      failure = fmt::format("impossible de remplacer « {} » : le fichier est ouvert dans un autre programme "
                            "(Word, Excel, un lecteur PDF ?) ou protégé ; fermez-le puis relancez la commande",
                            given);
    else if (e != 0)
      failure = fmt::format("impossible de remplacer « {} » ({})", given, platform::windows_error(e));
  }
  if (!failure.empty()) DeleteFileW(temporary.c_str());
  return failure;
}

std::string replace_files(const std::vector<std::pair<std::string, std::string>>& files) {
  // Every new content first written beside its file (write_atomically: a new file), then the replacements.
  std::vector<std::string> staged;
  for (const auto& [path, content] : files) {
    namespace fs = std::filesystem;
    fs::path target = to_path(path);
    std::string beside = path_string(target.parent_path() / ("." + path_string(target.filename()) + ".ctg-nouveau"));
    std::string failure = write_atomically(beside, content);
    if (!failure.empty()) {
      for (const auto& s : staged) DeleteFileW(wide_path(s).c_str());
      return fmt::format("« {} » : {} ; aucun fichier de la source n'est modifié", path, failure);
    }
    staged.push_back(beside);
  }
  for (std::size_t i = 0; i < files.size(); ++i)
    if (!MoveFileExW(wide_path(staged[i]).c_str(), wide_path(files[i].first).c_str(),
                     MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
      std::string failure = fmt::format("impossible de remplacer « {} » ({}) ; fermez-le s'il est ouvert dans un autre "
                                        "programme", files[i].first, platform::windows_error(GetLastError()));
      for (std::size_t k = i; k < staged.size(); ++k) DeleteFileW(wide_path(staged[k]).c_str());
      return failure;
    }
  return {};
}

}  // namespace ctg

#endif
