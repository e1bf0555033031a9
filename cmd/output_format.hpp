// SPDX-License-Identifier: EUPL-1.2
// The format of a document or table written with -o, from its extension
// (issue 22): render, avenant, bilan and suivi.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace ctg::cli {

// The format a command's -o names by its extension, as pandoc chooses its
// writer: .md → md, .html → html… (document_extensions for render, avenant,
// bilan; table_extensions for suivi).
struct Extension {
  std::string_view extension;  // lowercase, with its dot
  std::string_view format;
};
inline constexpr Extension document_extensions[] = {
    {".md", "md"}, {".markdown", "md"}, {".html", "html"}, {".htm", "html"}, {".pdf", "pdf"}, {".docx", "docx"}};
inline constexpr Extension table_extensions[] = {{".txt", "texte"}, {".md", "md"}, {".csv", "csv"}, {".json", "json"},
                                                 {".xlsx", "xlsx"}};
// Without -f (`format_given` false), sets `format` from the extension of
// `output`; refuses (French message, false) an extension that contradicts -f,
// or, without -f, an extension no format has. No -o or no extension: `format`
// is left as it is (-f or the default).
bool format_from_output(bool format_given, std::string& format, const std::string& output,
                        std::span<const Extension> known);

}  // namespace ctg::cli
