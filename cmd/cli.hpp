// What every subcommand shares: French help and errors, exit codes, colour.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

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

}  // namespace ctg::cli
