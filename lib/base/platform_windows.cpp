// SPDX-License-Identifier: EUPL-1.2
// The Windows side of base/platform.hpp (issue 23): wide-character API,
// processes through CreateProcessW and a job object, the console.
#ifdef _WIN32

#include "base/platform.hpp"

// windows.h first: shellapi.h needs its definitions.
#include <windows.h>

#include <fcntl.h>
#include <io.h>
#include <shellapi.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <random>
#include <thread>

namespace ctg::platform {

namespace fs = std::filesystem;

std::wstring wide(std::string_view s) {
  if (s.empty()) return {};
  int n = MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), nullptr, 0);
  std::wstring w(static_cast<std::size_t>(n), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), w.data(), n);
  return w;
}

std::string utf8(std::wstring_view w) {
  if (w.empty()) return {};
  int n = WideCharToMultiByte(CP_UTF8, 0, w.data(), static_cast<int>(w.size()), nullptr, 0, nullptr, nullptr);
  std::string s(static_cast<std::size_t>(n), '\0');
  WideCharToMultiByte(CP_UTF8, 0, w.data(), static_cast<int>(w.size()), s.data(), n, nullptr, nullptr);
  return s;
}

std::string windows_error(unsigned long code) {
  switch (code) {
    case ERROR_FILE_NOT_FOUND: return "fichier introuvable";
    case ERROR_PATH_NOT_FOUND: return "dossier introuvable";
    case ERROR_ACCESS_DENIED: return "accès refusé";
    case ERROR_SHARING_VIOLATION:
    case ERROR_LOCK_VIOLATION: return "le fichier est ouvert dans un autre programme";
    case ERROR_DISK_FULL:
    case ERROR_HANDLE_DISK_FULL: return "plus de place sur le disque";
    case ERROR_WRITE_PROTECT: return "support protégé en écriture";
    case ERROR_INVALID_NAME: return "nom de fichier invalide";
    case ERROR_FILENAME_EXCED_RANGE: return "chemin trop long";
    case ERROR_BAD_NETPATH:
    case ERROR_BAD_NET_NAME: return "chemin réseau introuvable";
    case ERROR_NOT_READY: return "lecteur non prêt";
    case ERROR_NOT_ENOUGH_MEMORY:
    case ERROR_OUTOFMEMORY: return "mémoire insuffisante";
    case ERROR_BAD_EXE_FORMAT: return "ce n'est pas un programme Windows";
    default: return "erreur Windows " + std::to_string(code);
  }
}

std::vector<std::string> arguments() {
  int n = 0;
  LPWSTR* w = CommandLineToArgvW(GetCommandLineW(), &n);
  std::vector<std::string> out;
  if (!w) return out;
  for (int i = 0; i < n; ++i) out.push_back(utf8(w[i]));
  LocalFree(w);
  return out;
}

void setup_console() {
  SetConsoleOutputCP(CP_UTF8);
  _setmode(_fileno(stdout), _O_BINARY);
  _setmode(_fileno(stderr), _O_BINARY);
  for (DWORD which : {STD_OUTPUT_HANDLE, STD_ERROR_HANDLE}) {
    HANDLE h = GetStdHandle(which);
    DWORD mode = 0;
    if (h != INVALID_HANDLE_VALUE && GetConsoleMode(h, &mode))
      SetConsoleMode(h, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING);
  }
}

bool is_console(std::FILE* stream) {
  HANDLE h = reinterpret_cast<HANDLE>(_get_osfhandle(_fileno(stream)));
  DWORD mode = 0;
  // Colours only where the console understands them (Windows 10 and later).
  return h != INVALID_HANDLE_VALUE && GetConsoleMode(h, &mode) && (mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING);
}

std::optional<std::string> environment(const char* name) {
  std::wstring key = wide(name);
  DWORD n = GetEnvironmentVariableW(key.c_str(), nullptr, 0);
  if (n == 0) return std::nullopt;
  std::wstring value(n, L'\0');
  n = GetEnvironmentVariableW(key.c_str(), value.data(), n);
  value.resize(n);
  return utf8(value);
}

fs::path executable_path() {
  std::wstring buf(MAX_PATH, L'\0');
  for (;;) {
    DWORD n = GetModuleFileNameW(nullptr, buf.data(), static_cast<DWORD>(buf.size()));
    if (n == 0) return {};
    if (n < buf.size()) return fs::path(buf.substr(0, n));
    buf.resize(buf.size() * 2);
  }
}

fs::path find_program(const std::string& name) {
  auto path = environment("PATH");
  std::wstring rest = wide(path ? *path : "");
  std::wstring file = wide(name) + L".exe";
  std::error_code ec;
  while (!rest.empty()) {
    auto semi = rest.find(L';');
    std::wstring dir = rest.substr(0, semi);
    rest = semi == std::wstring::npos ? L"" : rest.substr(semi + 1);
    if (dir.size() >= 2 && dir.front() == L'"' && dir.back() == L'"') dir = dir.substr(1, dir.size() - 2);
    // Only absolute folders: a relative entry would run a program of the current folder.
    if (dir.empty() || !fs::path(dir).is_absolute()) continue;
    fs::path candidate = fs::path(dir) / file;
    if (fs::is_regular_file(candidate, ec)) return candidate;
  }
  return {};
}

fs::path find_browser() {
  const std::vector<std::pair<const char*, const wchar_t*>> places = {
      {"ProgramFiles(x86)", L"Microsoft\\Edge\\Application\\msedge.exe"},
      {"ProgramFiles", L"Microsoft\\Edge\\Application\\msedge.exe"},
      {"ProgramFiles", L"Google\\Chrome\\Application\\chrome.exe"},
      {"ProgramFiles(x86)", L"Google\\Chrome\\Application\\chrome.exe"},
      {"LOCALAPPDATA", L"Google\\Chrome\\Application\\chrome.exe"},
  };
  std::error_code ec;
  for (const auto& [var, rel] : places) {
    auto base = environment(var);
    if (!base || base->empty()) continue;
    fs::path candidate = fs::path(wide(*base)) / rel;
    if (fs::is_regular_file(candidate, ec)) return candidate;
  }
  return {};
}

fs::path make_temp_dir(const std::string& prefix, std::string& error) {
  wchar_t buf[MAX_PATH + 2];
  DWORD n = GetTempPathW(MAX_PATH + 1, buf);
  fs::path base = n ? fs::path(std::wstring(buf, n)) : fs::path(L".");
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path dir = base / (wide(prefix) + L"." + std::to_wstring(GetCurrentProcessId()) + L"." + std::to_wstring(rd() % 1000000));
    if (CreateDirectoryW(dir.c_str(), nullptr)) return dir;
    if (GetLastError() != ERROR_ALREADY_EXISTS) {
      error = "impossible de créer un dossier temporaire dans « " + utf8(base.wstring()) + " » (" +
              windows_error(GetLastError()) + ")";
      return {};
    }
  }
  error = "impossible de créer un dossier temporaire dans « " + utf8(base.wstring()) + " »";
  return {};
}

std::wstring command_line(const std::vector<std::string>& args) {
  std::wstring line;
  for (const auto& a : args) {
    if (!line.empty()) line += L' ';
    std::wstring w = wide(a);
    if (!w.empty() && w.find_first_of(L" \t\n\v\"") == std::wstring::npos) {
      line += w;
      continue;
    }
    // The quoting of CommandLineToArgvW and the C runtime: backslashes are
    // literal except before a quote, where they are doubled.
    line += L'"';
    std::size_t backslashes = 0;
    for (wchar_t c : w) {
      if (c == L'\\') {
        ++backslashes;
        continue;
      }
      if (c == L'"') line.append(2 * backslashes + 1, L'\\');
      else line.append(backslashes, L'\\');
      backslashes = 0;
      line += c;
    }
    line.append(2 * backslashes, L'\\');
    line += L'"';
  }
  return line;
}

namespace {

struct Handle {
  HANDLE h = nullptr;
  Handle() = default;
  explicit Handle(HANDLE x) : h(x) {}
  ~Handle() { reset(); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  void reset() {
    if (h && h != INVALID_HANDLE_VALUE) CloseHandle(h);
    h = nullptr;
  }
  bool ok() const { return h && h != INVALID_HANDLE_VALUE; }
};

HANDLE inheritable(const wchar_t* name, DWORD access, DWORD disposition) {
  SECURITY_ATTRIBUTES sa{sizeof sa, nullptr, TRUE};
  return CreateFileW(name, access, FILE_SHARE_READ | FILE_SHARE_WRITE, &sa, disposition, FILE_ATTRIBUTE_NORMAL, nullptr);
}

// Starts `args` in a job object (closing the job stops the whole tree) with the three standard handles given.
bool start(const std::vector<std::string>& args, HANDLE in, HANDLE out, HANDLE err, Handle& job,
           PROCESS_INFORMATION& pi, std::string& error) {
  job.h = CreateJobObjectW(nullptr, nullptr);
  if (job.ok()) {
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits{};
    limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    SetInformationJobObject(job.h, JobObjectExtendedLimitInformation, &limits, sizeof limits);
  }
  STARTUPINFOW si{};
  si.cb = sizeof si;
  si.dwFlags = STARTF_USESTDHANDLES;
  si.hStdInput = in;
  si.hStdOutput = out;
  si.hStdError = err;
  std::wstring line = command_line(args);
  std::wstring program = wide(args.at(0));
  if (!CreateProcessW(program.c_str(), line.data(), nullptr, nullptr, TRUE, CREATE_NO_WINDOW | CREATE_SUSPENDED,
                      nullptr, nullptr, &si, &pi)) {
    error = windows_error(GetLastError());
    return false;
  }
  if (job.ok()) AssignProcessToJobObject(job.h, pi.hProcess);
  ResumeThread(pi.hThread);
  CloseHandle(pi.hThread);
  return true;
}

}  // namespace

std::optional<int> run_logged(const std::vector<std::string>& args, const fs::path& log, int timeout_seconds,
                              std::string& error) {
  Handle in(inheritable(L"NUL", GENERIC_READ, OPEN_EXISTING));
  Handle out(inheritable(log.c_str(), GENERIC_WRITE, CREATE_ALWAYS));
  if (!in.ok() || !out.ok()) {
    error = windows_error(GetLastError());
    return std::nullopt;
  }
  Handle job;
  PROCESS_INFORMATION pi{};
  if (!start(args, in.h, out.h, out.h, job, pi, error)) return std::nullopt;
  Handle process(pi.hProcess);
  if (WaitForSingleObject(process.h, static_cast<DWORD>(timeout_seconds) * 1000) != WAIT_OBJECT_0) {
    if (job.ok()) TerminateJobObject(job.h, 1);
    TerminateProcess(process.h, 1);
    WaitForSingleObject(process.h, 5000);
    error = "n'a pas fini en " + std::to_string(timeout_seconds) + " secondes ; arrêté";
    return std::nullopt;
  }
  DWORD code = 0;
  GetExitCodeProcess(process.h, &code);
  return static_cast<int>(code);
}

// Why one long function: both pipes, the reading thread, the output bound and the wait share the handles that must all be closed on every path.
std::optional<Captured> run_captured(const std::vector<std::string>& args, std::size_t cap, std::string& error) {
  SECURITY_ATTRIBUTES sa{sizeof sa, nullptr, TRUE};
  HANDLE out_r = nullptr, out_w = nullptr, err_r = nullptr, err_w = nullptr;
  if (!CreatePipe(&out_r, &out_w, &sa, 0) || !CreatePipe(&err_r, &err_w, &sa, 0)) {
    error = windows_error(GetLastError());
    return std::nullopt;
  }
  Handle out_read(out_r), out_write(out_w), err_read(err_r), err_write(err_w);
  SetHandleInformation(out_r, HANDLE_FLAG_INHERIT, 0);
  SetHandleInformation(err_r, HANDLE_FLAG_INHERIT, 0);
  Handle in(inheritable(L"NUL", GENERIC_READ, OPEN_EXISTING));
  Handle job;
  PROCESS_INFORMATION pi{};
  if (!start(args, in.h, out_w, err_w, job, pi, error)) return std::nullopt;
  Handle process(pi.hProcess);
  out_write.reset();
  err_write.reset();
  Captured c;
  // Standard error in a thread: a program that fills it would otherwise block.
  std::thread errors([&] {
    char buf[4096];
    DWORD n = 0;
    while (ReadFile(err_r, buf, sizeof buf, &n, nullptr) && n > 0)
      if (c.err.size() < 65536) c.err.append(buf, n);
  });
  char buf[65536];
  DWORD n = 0;
  while (ReadFile(out_r, buf, sizeof buf, &n, nullptr) && n > 0) {
    if (c.out.size() + n > cap) {
      c.too_large = true;
      if (job.ok()) TerminateJobObject(job.h, 1);
      TerminateProcess(process.h, 1);
      break;
    }
    c.out.append(buf, n);
  }
  out_read.reset();
  WaitForSingleObject(process.h, INFINITE);
  errors.join();
  DWORD code = 0;
  GetExitCodeProcess(process.h, &code);
  c.code = static_cast<int>(code);
  return c;
}

}  // namespace ctg::platform

#endif
