// SPDX-License-Identifier: EUPL-1.2
// SHA-256 (OpenSSL's libcrypto, Debian libssl-dev; on Windows the system's
// own BCrypt, so that ctg.exe needs no OpenSSL): the digest of a CTG's
// source that a generated Word file records, so that a partner's return can
// be matched to the version it was cut from.
#pragma once

#include <string>
#include <string_view>

#include "base/source.hpp"

namespace ctg {

// Lower-case hexadecimal SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);
// Lower-case hexadecimal SHA-1 of `bytes` (the names pandoc gives long bookmarks).
std::string sha1_hex(std::string_view bytes);

// The digest of a loaded CTG: SHA-256 of, for each file in load order (the
// main file, then its inclusions), its size in decimal, a line feed and its
// bytes. Independent of the folder the command runs from.
std::string source_digest(const SourceSet& sources);

}  // namespace ctg
