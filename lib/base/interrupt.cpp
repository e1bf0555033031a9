// SPDX-License-Identifier: EUPL-1.2
#include "base/interrupt.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#ifndef _WIN32
#include <dirent.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#endif

namespace ctg::interrupt {

namespace {

constexpr int slots = 8;
// The registered paths, copied with malloc while the signals are blocked:
// the handler only reads them.
char* volatile temporaries[slots] = {};
volatile pid_t child_group = 0;

#ifndef _WIN32

// Removes `name` in the folder `parent`, a folder with everything in it,
// without following links; only async-signal-safe calls (no malloc).
void remove_tree(int parent, const char* name, int depth) {
  if (::unlinkat(parent, name, 0) == 0 || (errno != EISDIR && errno != EPERM)) return;
  int fd = depth < 32 ? ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
  if (fd >= 0) {
    alignas(8) char buffer[4096];
    // Entries removed while reading may hide others: read again until a pass removes nothing.
    for (int pass = 0; pass < 64; ++pass) {
      bool removed = false;
      ::lseek(fd, 0, SEEK_SET);
      for (ssize_t n; (n = ::getdents64(fd, buffer, sizeof buffer)) > 0;) {
        for (ssize_t off = 0; off < n;) {
          auto* entry = reinterpret_cast<struct dirent64*>(buffer + off);
          off += entry->d_reclen;
          const char* e = entry->d_name;
          if (std::strcmp(e, ".") == 0 || std::strcmp(e, "..") == 0) continue;
          remove_tree(fd, e, depth + 1);
          removed = true;
        }
      }
      if (!removed) break;
    }
    ::close(fd);
  }
  ::unlinkat(parent, name, AT_REMOVEDIR);
}

void say(const char* text) {
  for (std::size_t left = std::strlen(text); left > 0;) {
    ssize_t n = ::write(2, text, left);
    if (n <= 0) break;
    text += n;
    left -= static_cast<std::size_t>(n);
  }
}

void on_signal(int sig) {
  const int saved = errno;
  if (pid_t group = child_group; group > 0) {
    ::kill(-group, SIGKILL);
    ::waitpid(group, nullptr, 0);
    // Its children too must be gone before their folder is removed (2 s at most;
    // a zombie no one reaps still counts).
    for (int i = 0; i < 100 && ::kill(-group, 0) == 0; ++i) {
      struct timespec pause {0, 20'000'000};
      ::nanosleep(&pause, nullptr);
    }
  }
  for (char* path : temporaries)
    if (path) remove_tree(AT_FDCWD, path, 0);
  say(sig == SIGINT   ? "\nctg : interrompu (Ctrl-C) ; aucun fichier temporaire n'est laissé.\n"
      : sig == SIGHUP ? "ctg : interrompu (terminal fermé) ; aucun fichier temporaire n'est laissé.\n"
                      : "ctg : interrompu (SIGTERM) ; aucun fichier temporaire n'est laissé.\n");
  errno = saved;
  ::_exit(128 + sig);
}
#else
void on_signal(int sig) {
  for (char* path : temporaries)
    if (path) std::remove(path);
  std::_Exit(128 + sig);
}
#endif

}  // namespace

#ifndef _WIN32
Deferred::Deferred() {
  sigset_t set;
  sigemptyset(&set);
  for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, s);
  pthread_sigmask(SIG_BLOCK, &set, &saved_);
}
Deferred::~Deferred() { pthread_sigmask(SIG_SETMASK, &saved_, nullptr); }
#else
// Windows: the console handler runs on its own thread, nothing to block.
Deferred::Deferred() {}
Deferred::~Deferred() = default;
#endif

void install() {
#ifndef _WIN32
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&action.sa_mask, s);
  for (int s : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old {};
    // A signal ignored by the parent (nohup, a background job) stays ignored.
    if (::sigaction(s, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    ::sigaction(s, &action, nullptr);
  }
#else
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
#endif
}

Temporary::Temporary(const std::string& path) {
  Deferred deferred;
  for (int i = 0; i < slots; ++i)
    if (!temporaries[i]) {
      char* copy = static_cast<char*>(std::malloc(path.size() + 1));
      if (!copy) return;
      std::memcpy(copy, path.c_str(), path.size() + 1);
      temporaries[i] = copy;
      slot_ = i;
      return;
    }
}

Temporary::~Temporary() {
  if (slot_ < 0) return;
  Deferred deferred;
  char* path = temporaries[slot_];
  temporaries[slot_] = nullptr;
  std::free(path);
}

Child::Child(pid_t group) {
  Deferred deferred;
  child_group = group;
}

Child::~Child() {
  Deferred deferred;
  child_group = 0;
}

}  // namespace ctg::interrupt
