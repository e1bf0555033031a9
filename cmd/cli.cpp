// SPDX-License-Identifier: EUPL-1.2
#include "cli.hpp"

#include <fmt/format.h>
#ifdef _WIN32
#include "base/platform.hpp"
#else
#include <unistd.h>
#endif

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <regex>

#include "base/atomic_file.hpp"
#include "base/digest.hpp"
#include "diff/git.hpp"
#include "base/diagnostic.hpp"
#include "print/print.hpp"
#include "render/render.hpp"
#include "rules/acknowledge.hpp"
#include "base/text.hpp"

namespace ctg::cli {

void frenchify(CLI::App& app) {
  auto f = app.get_formatter();
  f->label("Usage", "Utilisation");
  f->label("OPTIONS", "OPTIONS");
  f->label("SUBCOMMAND", "SOUS-COMMANDE");
  f->label("SUBCOMMANDS", "SOUS-COMMANDES");
  f->label("Positionals", "Arguments");
  f->label("REQUIRED", "(obligatoire)");
  f->label("TEXT", "TEXTE");
  f->label("Needs", "Nécessite");
  f->label("Excludes", "Exclut");
  f->column_width(28);
  app.set_help_flag("-h,--help", "Afficher cette aide et quitter");
  app.option_defaults()->group("Options");
  app.allow_windows_style_options(false);  // « /chemin » is a path, not an option, on Windows too
}

namespace {


std::string suggest_option(const CLI::App& app, const std::string& arg) {
  if (arg.rfind("--", 0) != 0) return {};
  std::vector<std::string> names;
  for (const CLI::Option* o : app.get_options())
    for (const auto& n : o->get_lnames()) names.push_back("--" + n);
  std::string word = arg.substr(0, arg.find('='));
  if (auto c = closest(word, names)) return fmt::format(" ; vouliez-vous dire {} ?", guillemets(*c));
  return {};
}

}  // namespace

int report_parse_error(const CLI::App& app, const CLI::ParseError& e) {
  // The subcommand that was being parsed, for the help hint and suggestions.
  const CLI::App* where = &app;
  for (const CLI::App* sub : app.get_subcommands()) where = sub;
  std::string cmd = where == &app ? "ctg" : "ctg " + where->get_name();
  std::string what = e.what();
  std::string message;
  std::smatch m;
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    std::string args = what.substr(what.find(':') + 1);
    while (!args.empty() && args.front() == ' ') args.erase(0, 1);
    std::string first = args.substr(0, args.find(' '));
    message = fmt::format("argument inattendu : {}{}", args, suggest_option(*where, first));
  } else if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    static const std::regex req("(.*) is required");
    if (what.find("subcommand") != std::string::npos)
      message = "sous-commande manquante (validate, schema…)";
    else if (std::regex_search(what, m, req)) message = fmt::format("argument obligatoire manquant : {}", m[1].str());
    else message = "argument obligatoire manquant";
  } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
    message = fmt::format("nombre de valeurs incorrect ({})", what);
  } else if (static const std::regex member("([-\\w]+): (.*) not in \\{(.*)\\}");
             std::regex_search(what, m, member)) {
    // CLI11's « --format: pdf not in {md,html} », said in French.
    message = fmt::format("valeur {} inconnue pour {} ; valeurs possibles : {}", guillemets(m[2].str()), m[1].str(),
                          std::regex_replace(m[3].str(), std::regex(","), ", "));
  } else if (static const std::regex range("(-[-\\w]+): Value (.*) not in range (.*) to (.*)");
             std::regex_search(what, m, range)) {
    // CLI11's « --jobs: Value 0 not in range 1 to 1024 », said in French.
    message = fmt::format("valeur {} invalide pour {} : un nombre entier de {} à {} est attendu", guillemets(m[2].str()),
                          m[1].str(), m[3].str(), m[4].str());
  } else if (dynamic_cast<const CLI::ConversionError*>(&e) || dynamic_cast<const CLI::ValidationError*>(&e)) {
    message = fmt::format("valeur invalide ({})", what);
  } else {
    message = fmt::format("ligne de commande invalide ({})", what);
  }
  emit(stderr, fmt::format("ctg : erreur : {}\nPour l'aide : {} --help\n", message, cmd));
  return unusable;
}

bool refuse_invalid(const LoadResult& r, const std::string& why) {
  if (r.ok()) return false;
  HumanStyle style{use_color(stderr)};
  for (const auto& d : r.diagnostics.items()) emit(stderr, format_human(d, r.sources, style), style.color);
  emit(stderr, fmt::format("ctg : {} (voir ctg validate)\n", why));
  return true;
}

namespace {
int stdout_errno = 0;  // the first write error on standard output
}  // namespace

void emit(std::FILE* stream, std::string_view text, bool colored) {
  std::string copy;  // only when something must be replaced: a document is written as it is
  std::string_view safe = text;
  if (!is_printable(text, colored)) safe = copy = printable(text, colored);
  errno = 0;
  if (std::fwrite(safe.data(), 1, safe.size(), stream) != safe.size() && stream == stdout && !stdout_errno)
    stdout_errno = errno;
}

void print_error(std::string_view message, std::string_view command) {
  emit(stderr, fmt::format("{} : erreur : {}\n", command, message));
}

int finish_stdout(int exit_code) {
  errno = 0;
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    const int e = stdout_errno ? stdout_errno : errno;
    std::fprintf(stderr, "ctg : erreur : écriture sur la sortie standard impossible (%s) ; la sortie est incomplète\n",
                 (e ? system_error(e) : std::string("erreur d'écriture")).c_str());
    return unusable;
  }
  return exit_code;
}

int write_output(const std::string& content, const std::string& path) {
  if (path.empty()) {
    emit(stdout, content);
    return ok;
  }
  std::string failure = is_printable(content) ? write_atomically(path, content) : write_atomically(path, printable(content));
  if (!failure.empty()) {
    emit(stderr, fmt::format("ctg : erreur : {} ; « {} » n'a pas été modifié\n", failure, path));
    return unusable;
  }
  return ok;
}

bool use_color(std::FILE* stream) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
#ifdef _WIN32
  return platform::is_console(stream);
#else
  return isatty(fileno(stream)) != 0;
#endif
}

bool document_output_ok(const std::string& format, const std::string& path) {
  if ((format == "pdf" || format == "docx" || format == "xlsx") && path.empty()) {
    std::fprintf(stderr, "ctg : erreur : le format %s s'écrit dans un fichier : ajoutez -o FICHIER.%s\n",
                 format.c_str(), format.c_str());
    return false;
  }
  return true;
}

int write_document(const render::doc::Document& d, const std::string& format, const std::string& path) {
  if (std::string refused = path.empty() ? "" : overwrites_input(path); !refused.empty()) {  // before printing
    emit(stderr, fmt::format("ctg : erreur : {} ; « {} » n'a pas été modifié\n", refused, path));
    return unusable;
  }
  if (format == "md") return write_output(render::to_markdown(d), path);
  if (format == "html") return write_output(render::to_html(d), path);
  // A progress line on a terminal: chromium and pandoc take a few seconds.
  if (isatty(fileno(stderr)))
    std::fprintf(stderr, "ctg : %s en cours (quelques secondes)…\n",
                 format == "pdf" ? "impression du PDF par chromium" : "écriture du document Word par pandoc");
  try {
    if (format == "pdf") print::pdf_from_html(render::to_html(d), path);
    else print::docx_from_markdown(render::to_markdown(d, render::Target::Word), path, d.draft, d.properties);
  } catch (const print::Error& e) {
    emit(stderr, fmt::format("ctg : erreur : {}\n« {} » n'a pas été modifié.\n", e.what(), path));
    return unusable;
  }
  return ok;
}

void stamp_provenance(render::doc::Document& d, const LoadResult& r) {
  if (!r.ctg || r.sources.size() == 0) return;
  const std::string& main = r.sources.file(0).path;
  d.properties.emplace_back("ctg-titre", r.ctg->convention.titre);
  d.properties.emplace_back("ctg-territoire", r.ctg->convention.territoire);
  d.properties.emplace_back("ctg-source", main);
  d.properties.emplace_back("ctg-empreinte", "sha256:" + source_digest(r.sources));
  std::string folder = std::filesystem::path(main).parent_path().string();
  std::string ignored;
  if (auto rev = diff::git::run({"-C", folder.empty() ? "." : folder, "rev-parse", "--verify", "--quiet", "HEAD"}, ignored)) {
    while (!rev->empty() && (rev->back() == '\n' || rev->back() == '\r')) rev->pop_back();
    if (!rev->empty()) d.properties.emplace_back("ctg-revision", *rev);
  }
  d.properties.emplace_back("ctg-version", CTG_VERSION);
}

int write_workbook(const xlsx::Workbook& book, const std::string& path) {
  std::string failure = xlsx::write(book, path);
  if (!failure.empty()) {
    emit(stderr, fmt::format("ctg : erreur : {} ; « {} » n'a pas été modifié\n", failure, path));
    return unusable;
  }
  return ok;
}

Diagnostics acknowledged(const Ctg& ctg, const SourceSet& sources, const Diagnostics& blockers) {
  Diagnostics out;
  // Only the errors that block are here: an entry that matches none of them
  // may match a warning, so it is not called stale (validate says it).
  Diagnostics marked = rules::acknowledge(ctg, sources, blockers, true);
  for (const auto& d : marked.items())
    if (d.code != "ACQUITTEMENT") out.add(d);
  return out;
}

bool refuse_unsignable(const std::vector<Findings>& blockers, const std::string& what) {
  std::size_t n = 0;
  for (const auto& [diags, sources] : blockers) n += diags->count(Severity::Error);
  HumanStyle style;
  style.color = use_color(stderr);
  if (n == 0) {
    // An error acknowledged in the source (constats_acquittes) does not stop
    // the version for signature, but is said, with its reason: never silently.
    for (const auto& [diags, sources] : blockers)
      for (const auto& d : diags->items())
        if (d.severity == Severity::Error && d.acknowledged)
          emit(stderr, fmt::format("ctg : erreur acquittée (motif : « {} »), la version pour signature est produite :\n{}",
                                   *d.acknowledged, format_human(d, *sources, style)), style.color);
    return false;
  }
  for (const auto& [diags, sources] : blockers)
    for (const auto& d : diags->items()) emit(stderr, format_human(d, *sources, style), style.color);
  std::fprintf(stderr,
               "ctg : %s pour signature refusé%s : %zu erreur%s de ctg validate --stage signature "
               "(hors lieu et date de signature, laissés en blanc pour être écrits à la main).\n"
               "Corrigez %s, ou produisez le projet marqué « PROJET » (sans --stage signature).\n",
               what.c_str(), what == "convention" ? "e" : "", n, n > 1 ? "s" : "", n > 1 ? "ces erreurs" : "cette erreur");
  return true;
}

}  // namespace ctg::cli
