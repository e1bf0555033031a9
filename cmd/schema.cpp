// ctg schema : prints the JSON Schema of the format, generated from the
// description the loader itself uses.
#include <cstdio>

#include "cli.hpp"
#include "commands.hpp"
#include "format.hpp"

namespace ctg::cmd {

void setup_schema(CLI::App& app, int& exit_code) {
  CLI::App* sub = app.add_subcommand("schema", "Afficher le schéma JSON (draft-07) du format CTG");
  cli::frenchify(*sub);
  sub->footer(
      "Le schéma permet à un éditeur (VS Code avec l'extension YAML, par exemple) de compléter et vérifier\n"
      "un fichier CTG pendant la saisie ; placez en tête du fichier :\n"
      "  # yaml-language-server: $schema=chemin/vers/ctg.schema.json\n"
      "Voir aussi : man 5 ctg-format.");
  sub->callback([&exit_code] {
    std::string s = format::json_schema();
    std::fwrite(s.data(), 1, s.size(), stdout);
    exit_code = cli::ok;
  });
}

}  // namespace ctg::cmd
