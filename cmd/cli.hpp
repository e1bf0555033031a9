// What every subcommand shares: French help and errors, exit codes, colour.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

#include "loader.hpp"

namespace ctg::cli {

// Exit codes of every subcommand.
enum Exit : int {
  ok = 0,        // nothing to report
  findings = 1,  // findings or differences
  unusable = 2,  // unusable input or usage error
};

// French labels, help flag and option group for an app or subcommand.
void frenchify(CLI::App& app);

// Prints a French message for a command-line error and returns the exit code.
int report_parse_error(const CLI::App& app, const CLI::ParseError& e);

// Colour only on a terminal, and never when NO_COLOR is set (no-color.org).
bool use_color(std::FILE* stream);

// Prints a loaded CTG's diagnostics on stderr with why the command needs it
// valid, and returns true, when it did not load without error.
bool refuse_invalid(const LoadResult& r, const std::string& why);

// Writes a produced document to standard output, or to `path` at once
// (temporary file and rename); returns the exit code.
int write_output(const std::string& content, const std::string& path);

}  // namespace ctg::cli
