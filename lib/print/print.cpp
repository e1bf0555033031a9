#include "print/print.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "base/atomic_file.hpp"

extern char** environ;

namespace ctg::print {

namespace detail {
// Generated at build time from lib/print/reference*.docx (lib/CMakeLists.txt).
extern const unsigned char reference_docx[];
extern const std::size_t reference_docx_size;
extern const unsigned char reference_projet_docx[];
extern const std::size_t reference_projet_docx_size;
}  // namespace detail

namespace {

namespace fs = std::filesystem;

constexpr int timeout_seconds = 300;

// A private working folder, removed with everything in it.
struct TempDir {
  fs::path path;
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl = (fs::path(base && *base ? base : "/tmp") / "ctg-impression.XXXXXX").string();
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    if (!mkdtemp(name.data()))
      throw Error(fmt::format("impossible de créer un dossier temporaire dans « {} » ({})",
                              fs::path(tmpl).parent_path().string(), std::strerror(errno)));
    path = name.data();
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

void write_file(const fs::path& p, std::string_view content) {
  std::ofstream f(p, std::ios::binary);
  f.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!f) throw Error(fmt::format("écriture impossible dans « {} »", p.string()));
}

std::string read_file(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

std::string find_program(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string_view rest = path ? path : "";
  while (true) {
    auto colon = rest.find(':');
    std::string dir(rest.substr(0, colon));
    if (dir.empty()) dir = ".";
    fs::path candidate = fs::path(dir) / program;
    if (::access(candidate.c_str(), X_OK) == 0 && !fs::is_directory(candidate)) return candidate.string();
    if (colon == std::string_view::npos) return {};
    rest.remove_prefix(colon + 1);
  }
}

// Runs `args` (args[0] a full path) in `dir`, stdin from /dev/null, stdout
// and stderr to a log file; returns the log when the program fails.
void run(const std::vector<std::string>& args, const fs::path& dir, const std::string& what) {
  fs::path log = dir / "journal.txt";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);  // its own group: a timeout stops its children too
  posix_spawnattr_setpgroup(&attr, 0);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) throw Error(fmt::format("impossible de lancer {} ({})", what, std::strerror(rc)));
  auto start = std::chrono::steady_clock::now();
  int status = 0;
  while (true) {
    pid_t w = ::waitpid(pid, &status, WNOHANG);
    if (w == pid) break;
    if (w < 0 && errno != EINTR) throw Error(fmt::format("{} : attente impossible ({})", what, std::strerror(errno)));
    if (std::chrono::steady_clock::now() - start > std::chrono::seconds(timeout_seconds)) {
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      throw Error(fmt::format("{} n'a pas fini en {} secondes ; arrêté", what, timeout_seconds));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string out = read_file(log);
    if (out.size() > 1500) out = "…" + out.substr(out.size() - 1500);
    throw Error(fmt::format("{} a échoué (code {}){}", what, WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                            out.empty() ? "" : " :\n" + out));
  }
}

std::string require(const std::string& program, const std::string& purpose, const std::string& package) {
  std::string path = find_program(program);
  if (path.empty())
    throw Error(fmt::format("le programme « {} » est introuvable ; il est nécessaire pour {}.\n"
                            "Installez-le (Debian : apt install {}) ou produisez le format html ou md.",
                            program, purpose, package));
  return path;
}

void deliver(const fs::path& produced, const std::string& output, const std::string& what) {
  std::error_code ec;
  if (!fs::is_regular_file(produced, ec) || fs::file_size(produced, ec) == 0)
    throw Error(fmt::format("{} n'a produit aucun fichier", what));
  if (std::string failure = write_atomically(output, read_file(produced)); !failure.empty())
    throw Error(fmt::format("{} : {}", output, failure));
}

const char* const base64_chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::string_view in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < in.size(); i += 3) {
    unsigned n = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) n |= static_cast<unsigned char>(in[i + 1]) << 8;
    if (i + 2 < in.size()) n |= static_cast<unsigned char>(in[i + 2]);
    out += base64_chars[(n >> 18) & 63];
    out += base64_chars[(n >> 12) & 63];
    out += i + 1 < in.size() ? base64_chars[(n >> 6) & 63] : '=';
    out += i + 2 < in.size() ? base64_chars[n & 63] : '=';
  }
  return out;
}

std::string unbase64(std::string_view in) {
  std::string out;
  unsigned n = 0;
  int bits = 0;
  for (char c : in) {
    const char* p = std::strchr(base64_chars, c);
    if (c == '=' || !p || !*p) break;
    n = (n << 6) | static_cast<unsigned>(p - base64_chars);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((n >> bits) & 0xFF);
    }
  }
  return out;
}

// Word 2013, LibreOffice and most viewers do not draw an SVG image: each
// chart (an SVG data: URI written by image_markdown) becomes a PNG drawn by
// rsvg-convert (librsvg2-bin) at twice the screen resolution, a file of `dir`
// pandoc embeds. Without rsvg-convert the SVG stays (Word 2016 and later).
std::string charts_as_png(std::string_view markdown, const fs::path& dir) {
  std::string converter = find_program("rsvg-convert");
  if (converter.empty()) return std::string(markdown);
  const std::string_view mark = "](data:image/svg+xml;base64,";
  std::string out;
  std::size_t from = 0;
  for (int n = 1;; ++n) {
    std::size_t at = markdown.find(mark, from);
    if (at == std::string_view::npos) break;
    std::size_t begin = at + mark.size(), end = markdown.find(')', begin);
    if (end == std::string_view::npos) break;
    fs::path svg = dir / fmt::format("graphique-{}.svg", n), png = dir / fmt::format("graphique-{}.png", n);
    write_file(svg, unbase64(markdown.substr(begin, end - begin)));
    run({converter, "--format=png", "--zoom=2", "--background-color=white", "--output=" + png.string(), svg.string()},
        dir, "rsvg-convert (graphique en PNG pour Word)");
    out.append(markdown.substr(from, at - from)).append("](").append(png.filename().string()).append(")");
    from = end + 1;
  }
  return out.append(markdown.substr(from));
}

}  // namespace

bool available(const std::string& program) { return !find_program(program).empty(); }

void pdf_from_html(std::string_view html, const std::string& output) {
  std::string chromium = require("chromium", "produire un PDF", "chromium");
  TempDir tmp;
  fs::path page = tmp.path / "document.html";
  fs::path pdf = tmp.path / "document.pdf";
  write_file(page, html);
  run({chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
       "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
       "--user-data-dir=" + (tmp.path / "profil").string(), "--crash-dumps-dir=" + (tmp.path / "profil").string(),
       "--no-pdf-header-footer", "--print-to-pdf=" + pdf.string(), "file://" + page.string()},
      tmp.path, "chromium (impression en PDF)");
  deliver(pdf, output, "chromium (impression en PDF)");
}

void docx_from_markdown(std::string_view markdown, const std::string& output, bool draft) {
  std::string pandoc = require("pandoc", "produire un document Word", "pandoc");
  TempDir tmp;
  fs::path source = tmp.path / "document.md";
  fs::path reference = tmp.path / "reference.docx";
  fs::path docx = tmp.path / "document.docx";
  write_file(source, charts_as_png(markdown, tmp.path));
  write_file(reference, draft ? std::string_view(reinterpret_cast<const char*>(detail::reference_projet_docx),
                                                 detail::reference_projet_docx_size)
                              : std::string_view(reinterpret_cast<const char*>(detail::reference_docx),
                                                 detail::reference_docx_size));
  run({pandoc, "--from=gfm+raw_attribute", "--to=docx", "--metadata=lang:fr-FR",
       "--reference-doc=" + reference.string(), "--resource-path=" + tmp.path.string(), "--output=" + docx.string(),
       source.string()},
      tmp.path, "pandoc (conversion en Word)");
  deliver(docx, output, "pandoc (conversion en Word)");
}

std::string image_markdown(std::string_view svg, std::string_view alt) {
  std::string text;
  for (char c : alt) {
    if (c == '[' || c == ']' || c == '\\') text += '\\';
    text += c == '\n' ? ' ' : c;
  }
  return fmt::format("![{}](data:image/svg+xml;base64,{})", text, base64(svg));
}

std::string page_break_openxml() { return "```{=openxml}\n<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n```\n"; }

}  // namespace ctg::print
