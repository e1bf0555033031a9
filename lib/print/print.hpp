// SPDX-License-Identifier: EUPL-1.2
// Printing a rendered document for the partners: PDF through the headless
// Chromium of Debian (`chromium`), Word through `pandoc` with the project's
// reference document (lib/print/reference*.docx, embedded in the program).
// Both programs are optional at run time: when one is missing, or fails,
// the functions throw print::Error with a French message (the command then
// exits with code 2). The output file is written all at once (temporary
// file, then rename): never a partial or clobbered file.
//
// Used by `ctg render -f pdf|docx`; stable API for the other commands that
// print a document (e.g. `ctg bilan -f pdf|docx`).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ctg::print {

// What went wrong, in French, ready to print after « ctg : erreur : ».
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// `html`: a self-contained HTML page (inline CSS and SVG, no external
// resource) whose CSS sets the A4 page and its margin boxes (page numbers,
// « PROJET »). Writes the PDF printed by `chromium --headless` to `output`.
void pdf_from_html(std::string_view html, const std::string& output);

// `markdown`: GitHub-flavoured Markdown, plus raw OpenXML blocks
// (```{=openxml} … ```, see page_break_openxml) and images as data: URIs
// (see image_markdown). Writes the Word document made by pandoc with the
// project's reference document to `output`: A4, « Page N sur M » in the
// footer, table style with borders; `draft` adds « PROJET » in the header
// of every page. Each SVG chart becomes a PNG drawn by rsvg-convert
// (librsvg2-bin) when it is found, so that Word 2013 and LibreOffice show it.
// `properties`: custom document properties (name, text), such as the
// source's title, revision and digest.
void docx_from_markdown(std::string_view markdown, const std::string& output, bool draft,
                        const std::vector<std::pair<std::string, std::string>>& properties = {});

// Markdown helpers for docx_from_markdown.
std::string image_markdown(std::string_view svg, std::string_view alt);  // ![alt](data:image/svg+xml;base64,…)
std::string page_break_openxml();                                        // a page break, as a raw OpenXML block

// Whether `program` is found in PATH (for messages and tests).
bool available(const std::string& program);

}  // namespace ctg::print
