// ctg schema : prints the JSON Schema of the format, generated from the
// description the loader itself uses.
#include <cstdio>
#include <memory>

#include "cli.hpp"
#include "commands.hpp"
#include "format.hpp"
#include "schema.hpp"

namespace ctg::cmd {

void setup_schema(CLI::App& app, int& exit_code) {
  CLI::App* sub = app.add_subcommand("schema", "Afficher le schéma JSON (draft-07) du format CTG");
  cli::frenchify(*sub);
  auto keys = std::make_shared<bool>(false);
  sub->add_flag("--cles", *keys, "Afficher plutôt la liste de toutes les clés du format, une par ligne");
  sub->footer(
      "Le schéma permet à un éditeur (VS Code avec l'extension YAML, par exemple) de compléter et vérifier\n"
      "un fichier CTG pendant la saisie ; placez en tête du fichier :\n"
      "  # yaml-language-server: $schema=chemin/vers/ctg.schema.json\n"
      "Voir aussi : man 5 ctg-format.");
  sub->callback([keys, &exit_code] {
    std::string s;
    if (*keys)
      for (const auto& path : schema::key_paths(format::document().codec().info)) s += path + "\n";
    else s = format::json_schema();
    cli::emit(stdout, s);
    exit_code = cli::ok;
  });
}

}  // namespace ctg::cmd
