// SPDX-License-Identifier: EUPL-1.2
// What Windows does differently from Linux (issue 23), behind one small
// interface implemented in lib/base/platform_windows.cpp; the Linux code keeps
// its POSIX calls where they are. Everything here speaks UTF-8: the wide
// (UTF-16) Windows API is only called inside the implementation.
#pragma once

#ifdef _WIN32

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ctg::platform {

std::wstring wide(std::string_view utf8);
std::string utf8(std::wstring_view wide);

// A Windows error code (GetLastError), said in French.
std::string windows_error(unsigned long code);

// The command-line arguments in UTF-8 (argv of main is in the ANSI code page).
std::vector<std::string> arguments();

// The console shows UTF-8 and ANSI colours; stdout and stderr write « \n »
// as it is (the same bytes as on Linux).
void setup_console();
bool is_console(std::FILE* stream);

// An environment variable in UTF-8; nullopt when unset.
std::optional<std::string> environment(const char* name);

// ctg.exe itself (GetModuleFileNameW).
std::filesystem::path executable_path();

// `name`.exe in the folders of PATH; empty when absent.
std::filesystem::path find_program(const std::string& name);

// Microsoft Edge, else Google Chrome, in their standard install folders; empty when absent.
std::filesystem::path find_browser();

// A new private folder in the user's temporary folder; empty and `error` set on failure.
std::filesystem::path make_temp_dir(const std::string& prefix, std::string& error);

// The command line CreateProcessW gets for `args` (quoted as the C runtime reads them).
std::wstring command_line(const std::vector<std::string>& args);

// Runs `args` (args[0] a full path), stdin empty, stdout and stderr to `log`,
// waits at most `timeout_seconds` (then stops it and its children). Returns
// its exit code; nullopt and `error` set when it could not run or was stopped.
std::optional<int> run_logged(const std::vector<std::string>& args, const std::filesystem::path& log,
                              int timeout_seconds, std::string& error);

// Runs `args` (args[0] a full path) and returns its exit code, its standard
// output (at most `cap` bytes: beyond, it is stopped and `too_large` set) and
// its standard error.
struct Captured {
  int code = 0;
  bool too_large = false;
  std::string out, err;
};
std::optional<Captured> run_captured(const std::vector<std::string>& args, std::size_t cap, std::string& error);

}  // namespace ctg::platform

#endif
