// `ctg render`: the convention as a document ready to sign, in Markdown or
// HTML, built once as blocks (document.hpp) and written by either writer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coverage.hpp"
#include "document.hpp"
#include "model.hpp"

namespace ctg::render {

enum class Part { All, Convention, PetiteEnfance, Annexe1, Annexe2, Annexe3, Annexe4, Annexe5 };

std::optional<Part> parse_part(std::string_view s);
std::vector<std::string> part_names();

// `draft`: the document is marked « Projet » (it is not ready for signature).
// `cov`: the CTG's coverage rates when the caller has them (else computed).
doc::Document build(const Ctg& ctg, Part part, bool draft, const coverage::Report* cov = nullptr);

// Pieces of the convention that an avenant repeats.
// « Entre : … ce qui suit : »; `what` is signed: « la présente convention », « le présent avenant ».
void parties_section(const Ctg& ctg, std::vector<doc::Block>& out, const std::string& what);
void signatures_section(const Ctg& ctg, std::vector<doc::Block>& out);  // « Fait à … », one cell per party
std::string designation_of(const Party& p);                            // « la Commune d'Aiglun »
std::string commune_of_designation(const std::string& designation);     // « de la Commune d'Aiglun »

std::string to_markdown(const doc::Document& d);
std::string to_html(const doc::Document& d);

}  // namespace ctg::render
