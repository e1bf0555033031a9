// SPDX-License-Identifier: EUPL-1.2
// The digests of ctg.exe (Windows' BCrypt, lib/base/digest.cpp) checked under
// Wine against Linux's sha256sum and sha1sum (tests/windows/run.sh):
//   digest_check.exe FICHIER   prints « sha256 sha1 » of the file's bytes.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "base/digest.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fputs("utilisation : digest_check FICHIER\n", stderr);
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "digest_check : %s illisible\n", argv[1]);
    return 2;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::printf("%s %s\n", ctg::sha256_hex(bytes).c_str(), ctg::sha1_hex(bytes).c_str());
  return 0;
}
