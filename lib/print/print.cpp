// SPDX-License-Identifier: EUPL-1.2
#include "print/print.hpp"

#include <fmt/format.h>
#ifdef _WIN32
#include "base/platform.hpp"
#else
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include "base/atomic_file.hpp"
#include "base/interrupt.hpp"
#include "base/paths.hpp"
#include "base/programs.hpp"
#include "base/temp_dir.hpp"
#include "print/docx.hpp"
#include "print/pdf_pages.hpp"

#ifndef _WIN32
extern char** environ;
#endif

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

// A private working folder (base/temp_dir), removed with everything in it,
// also when ctg is interrupted.
struct WorkDir {
  std::string error;
  TempDir dir{"ctg-impression", error};
  const fs::path& path = dir.path();
  WorkDir() {
    if (!dir) throw Error(error);
  }
};

#ifdef _WIN32
// Where to get each program on Windows, for the message of require().
std::string windows_source(const std::string& program) {
  if (program == "pandoc") return "https://pandoc.org/installing.html, puis rouvrez PowerShell";
  return "https://git-scm.com/download/win";
}
#else
// chromium's own temporary files (org.chromium.Chromium.*, its SingletonSocket)
// go in TMPDIR: while alive, TMPDIR is a folder of ctg's, removed with its
// content even when ctg is interrupted and chromium killed before it cleans
// up. It is made directly in /tmp, whatever the user's TMPDIR: the socket's
// path must stay under the 108 bytes of a Unix socket address. When it
// cannot be made, chromium keeps the user's TMPDIR.
struct ChromiumTmpdir {
  std::optional<std::string> saved;
  fs::path path;
  std::optional<interrupt::Temporary> guard;
  ChromiumTmpdir() {
    char name[] = "/tmp/ctg-c.XXXXXX";
    interrupt::Deferred deferred;
    if (!mkdtemp(name)) return;
    path = name;
    guard.emplace(path.string());
    if (const char* old = std::getenv("TMPDIR")) saved = old;
    ::setenv("TMPDIR", name, 1);
  }
  ~ChromiumTmpdir() {
    if (path.empty()) return;
    if (saved) ::setenv("TMPDIR", saved->c_str(), 1);
    else ::unsetenv("TMPDIR");
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  ChromiumTmpdir(const ChromiumTmpdir&) = delete;
  ChromiumTmpdir& operator=(const ChromiumTmpdir&) = delete;
};
#endif

void write_file(const fs::path& p, std::string_view content) {
  std::ofstream f(p, std::ios::binary);
  f.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!f) throw Error(fmt::format("écriture impossible dans « {} »", path_string(p)));
}

std::string read_file(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

#ifndef _WIN32
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
  // Its own group: a timeout or an interruption of ctg stops its children too.
  // It starts with no signal blocked and the default actions, whatever ctg's.
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  posix_spawnattr_setpgroup(&attr, 0);
  sigset_t none, reset;
  sigemptyset(&none);
  sigemptyset(&reset);
  for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&reset, s);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &reset);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  std::optional<interrupt::Child> child;
  int rc = 0;
  {
    interrupt::Deferred deferred;  // no interruption between the start and the registration
    rc = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ);
    if (rc == 0) child.emplace(pid);
  }
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

#endif

#ifdef _WIN32
void run(const std::vector<std::string>& args, const fs::path& dir, const std::string& what) {
  fs::path log = dir / "journal.txt";
  std::string error;
  auto code = platform::run_logged(args, log, timeout_seconds, error);
  if (!code) throw Error(fmt::format("{} : {}", what, error));
  if (*code != 0) {
    std::string out = read_file(log);
    if (out.size() > 1500) out = "…" + out.substr(out.size() - 1500);
    throw Error(fmt::format("{} a échoué (code {}){}", what, *code, out.empty() ? "" : " :\n" + out));
  }
}

std::string require(const std::string& program, const std::string& purpose, const std::string&) {
  std::string path = find_program(program);
  if (path.empty())
    throw Error(fmt::format("le programme « {} » est introuvable ; il est nécessaire pour {}.\n"
                            "Installez-le ({}) ou produisez le format html ou md.",
                            program, purpose, windows_source(program)));
  return path;
}

// Microsoft Edge or Google Chrome, which both print headless to PDF like chromium.
std::string require_browser() {
  fs::path browser = platform::find_browser();
  if (browser.empty())
    throw Error("ni Microsoft Edge ni Google Chrome n'est installé à son emplacement habituel "
                "(C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe) ; l'un d'eux est nécessaire "
                "pour produire un PDF.\nInstallez Edge (https://www.microsoft.com/edge) ou Chrome "
                "(https://www.google.com/chrome) ou produisez le format html, puis imprimez-le en PDF depuis le navigateur.");
  return path_string(browser);
}

// file:///C:/Users/Am%C3%A9lie/… : the page's address, percent-encoded.
std::string file_url(const fs::path& p) {
  std::string out = "file:///";
  for (unsigned char c : path_string(p)) {
    if (std::isalnum(c) || std::string_view("/-_.~:").find(static_cast<char>(c)) != std::string_view::npos)
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}
#else
// The page's address: a path holding « ? », « # » or « % » (TMPDIR) would
// otherwise name another file, or a folder, as the page to print.
std::string file_url(const fs::path& path) {
  std::string out = "file://";
  for (char ch : path.string()) {
    const bool kept = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                      std::string_view("/-._~").find(ch) != std::string_view::npos;
    if (kept) out += ch;
    else out += fmt::format("%{:02X}", static_cast<unsigned char>(ch));
  }
  return out;
}

std::string require(const std::string& program, const std::string& purpose, const std::string& package) {
  std::string path = find_program(program);
  if (path.empty())
    throw Error(fmt::format("le programme « {} » est introuvable ; il est nécessaire pour {}.\n"
                            "Installez-le (Debian : apt install {}) ou produisez le format html ou md.",
                            program, purpose, package));
  return path;
}

#endif

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
// pandoc embeds; `svgs` gets each SVG, which docx::finish puts beside its PNG.
// Without rsvg-convert the SVG stays alone (Word 2016 and later).
std::string charts_as_png(std::string_view markdown, const fs::path& dir, std::vector<std::string>& svgs) {
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
    svgs.push_back(unbase64(markdown.substr(begin, end - begin)));
    write_file(svg, svgs.back());
    run({converter, "--format=png", "--zoom=2", "--background-color=white", "--output=" + png.string(), svg.string()},
        dir, "rsvg-convert (graphique en PNG pour Word)");
    out.append(markdown.substr(from, at - from)).append("](").append(png.filename().string()).append(")");
    from = end + 1;
  }
  return out.append(markdown.substr(from));
}

// Prints `page` to `pdf` with chromium, its outline (bookmarks) from the headings.
void chromium_print(const std::string& chromium, const fs::path& page, const fs::path& pdf, const WorkDir& tmp) {
  // Nothing goes to the network: every address resolves to nothing, every
  // connection goes to a proxy that does not exist (port 9 of this machine),
  // and the services that call home (updates, safe browsing, metrics) are off.
#ifndef _WIN32
  ChromiumTmpdir chromium_tmp;
#endif
  run({chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
       "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
       "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--host-resolver-rules=MAP * ~NOTFOUND",
       "--dns-prefetch-disable", "--no-pings", "--disable-domain-reliability", "--disable-breakpad",
       "--disable-client-side-phishing-detection", "--disable-default-apps", "--safebrowsing-disable-auto-update",
       "--metrics-recording-only", "--no-default-browser-check",
       "--disable-features=MediaRouter,DialMediaRouteProvider,OptimizationHints,Translate,"
       "AutofillServerCommunication,CertificateTransparencyComponentUpdater,NetworkTimeServiceQuerying",
       "--user-data-dir=" + path_string(tmp.path / "profil"), "--crash-dumps-dir=" + path_string(tmp.path / "profil"),
       "--no-pdf-header-footer", "--generate-pdf-document-outline", "--print-to-pdf=" + path_string(pdf),
       file_url(page)},
      tmp.path, "chromium (impression en PDF)");
}

constexpr std::string_view page_mark = " data-page-of=\"";

// The content of each « <span … data-page-of="ID"></span> » of `html`: the
// page of ID; the anchors whose page is unknown go to `missing`.
std::string with_page_numbers(std::string_view html, const std::map<std::string, int>& pages,
                              std::vector<std::string>& missing) {
  std::string out;
  std::size_t from = 0;
  for (std::size_t at = html.find(page_mark); at != std::string_view::npos; at = html.find(page_mark, from)) {
    std::size_t name = at + page_mark.size(), quote = html.find('"', name);
    std::size_t open = quote == std::string_view::npos ? quote : html.find('>', quote);
    std::size_t close = open == std::string_view::npos ? open : html.find("</span>", open);
    if (close == std::string_view::npos) break;
    std::string id(html.substr(name, quote - name));
    auto it = pages.find(id);
    if (it == pages.end()) missing.push_back(id);
    out.append(html.substr(from, open + 1 - from)).append(it == pages.end() ? "" : std::to_string(it->second));
    from = close;
  }
  return out.append(html.substr(from));
}

}  // namespace

bool available(const std::string& program) { return !find_program(program).empty(); }

void pdf_from_html(std::string_view html, const std::string& output) {
#ifdef _WIN32
  std::string chromium = require_browser();
#else
  std::string chromium = require("chromium", "produire un PDF", "chromium");
#endif
  WorkDir tmp;
  fs::path page = tmp.path / "document.html";
  fs::path pdf = tmp.path / "document.pdf";
  write_file(page, html);
  chromium_print(chromium, page, pdf, tmp);
  // Chromium cannot compute target-counter(): the page numbers of the sommaire
  // are read from the named destinations of a first printing, then printed again
  // (their width is reserved by the CSS, so no page moves between the two).
  if (html.find(page_mark) != std::string_view::npos) {
    std::vector<std::string> missing;
    std::string numbered = with_page_numbers(html, destination_pages(read_file(pdf)), missing);
    if (!missing.empty())
      std::fprintf(stderr, "ctg : note : numéros de page du sommaire non trouvés dans le PDF de chromium pour %zu "
                   "entrée(s) (%s…) ; le sommaire est imprimé sans ces numéros.\n", missing.size(), missing[0].c_str());
    write_file(page, numbered);
    chromium_print(chromium, page, pdf, tmp);
  }
  deliver(pdf, output, "chromium (impression en PDF)");
}

void docx_from_markdown(std::string_view markdown, const std::string& output, bool draft,
                        const std::vector<std::pair<std::string, std::string>>& properties) {
  std::string pandoc = require("pandoc", "produire un document Word", "pandoc");
  WorkDir tmp;
  fs::path source = tmp.path / "document.md";
  fs::path reference = tmp.path / "reference.docx";
  fs::path docx = tmp.path / "document.docx";
  std::vector<std::string> svgs;
  write_file(source, charts_as_png(markdown, tmp.path, svgs));
  write_file(reference, draft ? std::string_view(reinterpret_cast<const char*>(detail::reference_projet_docx),
                                                 detail::reference_projet_docx_size)
                              : std::string_view(reinterpret_cast<const char*>(detail::reference_docx),
                                                 detail::reference_docx_size));
  // fenced_divs and bracketed_spans: the anchors of the blocks (bookmarks), the only ones (no automatic
  // identifiers of headings); -M: custom document properties.
  std::vector<std::string> args{pandoc, "--from=gfm+raw_attribute+fenced_divs+bracketed_spans-gfm_auto_identifiers", "--to=docx",
                                "--metadata=lang:fr-FR"};
  for (const auto& [key, value] : properties) args.push_back("--metadata=" + key + ":" + value);
  for (std::string a : {"--reference-doc=" + path_string(reference), "--resource-path=" + path_string(tmp.path),
                        "--output=" + path_string(docx), path_string(source)})
    args.push_back(std::move(a));
  run(args, tmp.path, "pandoc (conversion en Word)");
  docx::finish(docx, svgs);
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
