// SPDX-License-Identifier: EUPL-1.2
#include "output_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "base/text.hpp"
#include "cli.hpp"

namespace ctg::cli {

bool format_from_output(bool format_given, std::string& format, const std::string& output,
                        std::span<const Extension> known) {
  std::string extension = std::filesystem::path(output).extension().string();
  if (output.empty() || extension.empty()) return true;
  for (char& c : extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  auto hit = std::find_if(known.begin(), known.end(), [&](const Extension& e) { return e.extension == extension; });
  std::vector<std::string> extensions, formats;
  for (const Extension& e : known) {
    extensions.emplace_back(e.extension);
    if (std::find(formats.begin(), formats.end(), "-f " + std::string(e.format)) == formats.end())
      formats.push_back("-f " + std::string(e.format));
  }
  if (hit == known.end()) {
    if (format_given) return true;  // -f chosen explicitly: any name will do
    emit(stderr, fmt::format("ctg : erreur : l'extension {} de {} ne dit pas le format du fichier ; extensions "
                             "reconnues : {} ; ou choisissez le format : {}\n",
                             guillemets(extension), guillemets(output), join(extensions, ", "), join(formats, ", ")));
    return false;
  }
  if (!format_given || format == hit->format) {
    format = std::string(hit->format);
    return true;
  }
  std::string fitting = output;
  for (const Extension& e : known)
    if (e.format == format) {
      fitting = std::filesystem::path(output).replace_extension(std::string(e.extension)).string();
      break;
    }
  emit(stderr, fmt::format("ctg : erreur : -f {} et -o {} se contredisent : l'extension {} est celle du format {} ; "
                           "écrivez -f {}, ou -o {}\n",
                           format, guillemets(output), extension, hit->format, hit->format, guillemets(fitting)));
  return false;
}

}  // namespace ctg::cli
