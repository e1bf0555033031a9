// SPDX-License-Identifier: EUPL-1.2
// An interruption (Ctrl-C, SIGTERM from a CI job or `timeout`, SIGHUP when
// the terminal closes) leaves nothing behind: the temporary files and folders
// registered here are removed, the program being waited for is killed with
// its whole process group (chromium's 5 to 10 processes, pandoc), and ctg
// exits with 128 + the signal's number (130, 143, 129), saying so in French.
// The handler only makes async-signal-safe calls.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <string>

namespace ctg::interrupt {

// Installs the handlers of SIGINT, SIGTERM and SIGHUP (once, from main).
void install();

// While alive, the three signals wait: what a handler reads (a registration,
// a child just started) is never seen half made.
class Deferred {
 public:
  Deferred();
  ~Deferred();
  Deferred(const Deferred&) = delete;
  Deferred& operator=(const Deferred&) = delete;

 private:
#ifndef _WIN32
  sigset_t saved_;  // the mask before
#endif
};

// While alive, `path` (a file, or a folder removed with everything in it) is
// removed if ctg is interrupted. At most 8 at a time; more are not cleaned.
class Temporary {
 public:
  explicit Temporary(const std::string& path);
  ~Temporary();
  Temporary(const Temporary&) = delete;
  Temporary& operator=(const Temporary&) = delete;

 private:
  int slot_ = -1;
};

// While alive, the process group `group` (a child started in its own group)
// is killed if ctg is interrupted.
class Child {
 public:
  explicit Child(pid_t group);
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
};

}  // namespace ctg::interrupt
