// SPDX-License-Identifier: EUPL-1.2
// ctg schema : prints the JSON Schema of the format, generated from the
// description the loader itself uses.
#include <memory>
#include <string>

#include "cli.hpp"
#include "commands.hpp"
#include "format/format.hpp"
#include "format/schema.hpp"

namespace ctg::cmd {

void setup_schema(CLI::App& app, int& exit_code) {
  CLI::App* sub = app.add_subcommand("schema", "Afficher le schéma JSON (draft-07) du format CTG");
  cli::frenchify(*sub);
  auto keys = std::make_shared<bool>(false);
  auto output = std::make_shared<std::string>();
  sub->add_flag("--cles", *keys, "Afficher plutôt la liste de toutes les clés du format, une par ligne");
  sub->add_option("-o,--output", *output, "Fichier à écrire (sinon la sortie standard) ; écrit d'un seul coup")
      ->type_name("FICHIER");
  auto markdown = std::make_shared<bool>(false);
  sub->add_flag("--markdown", *markdown, "Afficher plutôt la référence du format en Markdown (docs/format.md)");
  sub->footer(
      "Le schéma permet à un éditeur (VS Code avec l'extension YAML, par exemple) de compléter et vérifier\n"
      "un fichier CTG pendant la saisie ; placez en tête du fichier :\n"
      "  # yaml-language-server: $schema=chemin/vers/ctg.schema.json\n"
      "ctg schema -o ctg.schema.json écrit le schéma à côté de vos fichiers.\n"
      "Voir aussi : man 5 ctg-format.");
  sub->callback([keys, markdown, output, &exit_code] {
    std::string s;
    if (*markdown) s = schema::markdown_reference();
    else if (*keys)
      for (const auto& path : schema::key_paths(format::document().codec().info)) s += path + "\n";
    else s = format::json_schema();
    exit_code = cli::write_output(s, *output);
  });
}

}  // namespace ctg::cmd
