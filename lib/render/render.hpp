// SPDX-License-Identifier: EUPL-1.2
// `ctg render`: the convention as a document ready to sign, in Markdown or
// HTML, built once as blocks (document.hpp) and written by either writer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coverage/coverage.hpp"
#include "render/document.hpp"
#include "base/diagnostic.hpp"
#include "format/model.hpp"

namespace ctg::render {

// Analyse: the companion document for the comité de pilotage and the CDSF
// (coverage tables and charts, the diagnostic's figures, cross-checks); it is
// never part of the convention the parties sign.
enum class Part { All, Convention, PetiteEnfance, Annexe1, Annexe2, Annexe3, Annexe4, Annexe5, Analyse };

std::optional<Part> parse_part(std::string_view s);
std::vector<std::string> part_names();

// The stage a document is printed for, the same word as `ctg validate
// --stage`: the working draft, marked « PROJET » (the default), or the
// version the parties sign, without the mark.
enum class Stage { Brouillon, Signature };

// What stops the signature version: the errors of `ctg validate --stage
// signature`, except the place and date of signature, left blank on purpose
// to be written by hand (« Fait à …, le … »). Empty: ready to sign.
Diagnostics signature_blockers(const Ctg& ctg, const coverage::Report& cov);

// `draft`: the document is marked « Projet » (the working draft).
// `cov`: the CTG's coverage rates when the caller has them (else computed).
doc::Document build(const Ctg& ctg, Part part, bool draft, const coverage::Report* cov = nullptr);

// Pieces of the convention that an avenant repeats (render_parties.cpp).
// « Entre : … »; `what` is signed: « la présente convention », « le présent avenant ».
void parties_section(const Ctg& ctg, std::vector<doc::Block>& out, const std::string& what);
void formula_section(const Ctg& ctg, std::vector<doc::Block>& out);     // « Il est convenu et arrêté ce qui suit : »
void signatures_section(const Ctg& ctg, std::vector<doc::Block>& out);  // « Fait à … », one box per signatory
// « Vu la délibération du conseil municipal de la Commune d'Aiglun en date du … » + `end`.
doc::Line deliberation_visa(const Party& p, const std::string& end);
std::string designation_of(const Party& p);                            // « la Commune d'Aiglun »
std::string commune_of_designation(const std::string& designation);     // « de la Commune d'Aiglun »

// Markdown for readers (cmark-gfm, GitHub) or for Word through pandoc
// (print::docx_from_markdown): charts as images, page breaks, signature
// cells with room to sign, as raw OpenXML.
enum class Target { Reader, Word };
std::string to_markdown(const doc::Document& d, Target target = Target::Reader);
std::string to_html(const doc::Document& d);

}  // namespace ctg::render
