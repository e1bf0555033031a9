// SPDX-License-Identifier: EUPL-1.2
// Benchmark reference, not part of ctg: loads YAML files with yaml-cpp's
// YAML::LoadFile and nothing else, to compare `ctg validate` with a bare
// parse of the same files (tests/bench/run.sh).
#include <yaml-cpp/yaml.h>

#include <cstdio>

int main(int argc, char** argv) {
  std::size_t top = 0;
  for (int i = 1; i < argc; ++i) {
    try {
      YAML::Node n = YAML::LoadFile(argv[i]);
      top += n.size();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s : %s\n", argv[i], e.what());
      return 2;
    }
  }
  std::printf("%zu clés au premier niveau\n", top);
  return 0;
}
