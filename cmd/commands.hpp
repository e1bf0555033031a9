// SPDX-License-Identifier: EUPL-1.2
// One setup function per subcommand (CLI11's "subcommands in files"): each
// binds its options and sets `exit_code` when it runs.
#pragma once

#include <CLI/CLI.hpp>

namespace ctg::cmd {

// Hidden (ctg completion bash), set up after the others: walks them all.
void setup_completion(CLI::App& app, int& exit_code);

void setup_validate(CLI::App& app, int& exit_code);
void setup_schema(CLI::App& app, int& exit_code);
void setup_coverage(CLI::App& app, int& exit_code);
void setup_avenant(CLI::App& app, int& exit_code);
void setup_diff(CLI::App& app, int& exit_code);
void setup_git_config(CLI::App& app, int& exit_code);
void setup_render(CLI::App& app, int& exit_code);
void setup_rules(CLI::App& app, int& exit_code);  // rules and explain
void setup_referentiel(CLI::App& app, int& exit_code);
void setup_init(CLI::App& app, int& exit_code);
void setup_suivi(CLI::App& app, int& exit_code);
void setup_bilan(CLI::App& app, int& exit_code);
void setup_retours(CLI::App& app, int& exit_code);

}  // namespace ctg::cmd
