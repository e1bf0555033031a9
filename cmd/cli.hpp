// SPDX-License-Identifier: EUPL-1.2
// What every subcommand shares: French help and errors, exit codes, colour.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/document.hpp"
#include "format/loader.hpp"
#include "xlsx/workbook.hpp"

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

// THE output boundary for text: `text` goes through ctg::printable (terminal
// escapes, C1 and bidirectional controls replaced), keeping ctg's own colour
// sequences when `colored`. Write errors are caught at exit (finish_stdout).
void emit(std::FILE* stream, std::string_view text, bool colored = false);

// « COMMAND : erreur : MESSAGE » on standard error, through emit (user text
// in MESSAGE — a path, a date, a name — cannot reach the terminal raw).
void print_error(std::string_view message, std::string_view command = "ctg");

// Flushes standard output; on a write error (a full disk, /dev/full, a closed
// pipe) prints a French message and returns unusable, else `exit_code`.
int finish_stdout(int exit_code);

// Writes a produced document to standard output, or to `path` at once
// (temporary file and rename); returns the exit code.
int write_output(const std::string& content, const std::string& path);

// The document formats of render, avenant and bilan: md, html, pdf, docx.
// pdf, docx and xlsx go to a file only: false, with a French message, without -o.
bool document_output_ok(const std::string& format, const std::string& path);
// Writes `d` in `format` (md and html to standard output without -o; pdf
// through chromium, docx through pandoc), atomically; returns the exit code.
int write_document(const render::doc::Document& d, const std::string& format, const std::string& path);

// Records in `d` (Word document properties) where it comes from: the CTG's
// title and territory, its main file, the digest of its source files and the git revision
// of the main file's folder when it is in a repository.
void stamp_provenance(render::doc::Document& d, const LoadResult& r);

// Writes the spreadsheet of -f xlsx to `path` at once; returns the exit code.
int write_workbook(const xlsx::Workbook& book, const std::string& path);

// `--stage signature` of render and avenant: when `blockers` (the errors of
// `ctg validate --stage signature` left once the handwritten place and date
// are set aside) is not empty, prints them and why nothing is produced, and
// returns true (exit 1).
// `what`: « convention » or « avenant »; each set comes with the files it points into.
// The errors blocking a version for signature, with those acknowledged in the
// source (constats_acquittes) marked: they no longer block, and are said.
Diagnostics acknowledged(const Ctg& ctg, const SourceSet& sources, const Diagnostics& blockers);
using Findings = std::pair<const Diagnostics*, const SourceSet*>;
bool refuse_unsignable(const std::vector<Findings>& blockers, const std::string& what);

}  // namespace ctg::cli
