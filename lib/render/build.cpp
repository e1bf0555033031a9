// SPDX-License-Identifier: EUPL-1.2
// The convention in the seed's order: parties, visas, préambule, articles,
// signatures, then annexes 1 to 5. Everything the reader sees is generated
// from the model; nothing is typed twice.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "coverage/coverage.hpp"
#include "format/designation.hpp"
#include "base/french.hpp"
#include "render/render.hpp"
#include "render/blocks.hpp"
#include "render/parts.hpp"
#include "rules/rules.hpp"
#include "base/text.hpp"
#include "format/vocabulary.hpp"


namespace ctg::render {

using namespace blocks;

std::optional<Part> parse_part(std::string_view s) {
  static const std::vector<std::pair<std::string_view, Part>> names{
      {"tout", Part::All},          {"convention", Part::Convention}, {"petite-enfance", Part::PetiteEnfance},
      {"annexe-1", Part::Annexe1},  {"annexe-2", Part::Annexe2},      {"annexe-3", Part::Annexe3},
      {"annexe-4", Part::Annexe4},  {"annexe-5", Part::Annexe5},      {"analyse", Part::Analyse}};
  for (const auto& [n, p] : names)
    if (n == s) return p;
  return std::nullopt;
}

std::vector<std::string> part_names() {
  return {"tout", "convention", "petite-enfance", "annexe-1", "annexe-2", "annexe-3", "annexe-4", "annexe-5", "analyse"};
}

namespace {

void visas_block(const Ctg& ctg, std::vector<Block>& out) {
  Block b;
  b.kind = Kind::List;
  for (std::size_t i = 0; i < ctg.visas.size(); ++i) {
    const Visa& v = ctg.visas[i];
    b.items.push_back(doc::plain(v.texte));
    b.item_ids.push_back(anchor("visa-" + (v.id.empty() ? std::to_string(i + 1) : v.id)));
  }
  // One visa per deliberation of the parties, generated.
  for (const auto& p : ctg.parties)
    if (p.deliberation) {
      b.items.push_back(deliberation_visa(p, ", figurant en annexe 5 de la présente convention ;"));
      b.item_ids.push_back(anchor("visa-deliberation-" + p.id));
    }
  if (b.items.empty()) return;  // no heading without content
  out.push_back(heading(2, "Visas", "visas"));
  out.push_back(std::move(b));
}

// Parties, visas, préambule, then the formula and the articles.
void convention_blocks(const Ctg& ctg, std::vector<Block>& out) {
  parties_section(ctg, out, "la présente convention");
  visas_block(ctg, out);
  if (ctg.preambule) {
    out.push_back(heading(2, "Préambule", "preambule"));
    out.push_back(with_id(markdown(*ctg.preambule), "preambule"));
  }
  formula_section(ctg, out);
  for (const auto& a : ctg.articles) {
    out.push_back(heading(2, fmt::format("Article {} – {}", a.numero, a.titre), "article-" + std::to_string(a.numero)));
    out.push_back(with_id(markdown(a.texte), "art-" + std::to_string(a.numero)));
  }
  // No forced page break: the signatures follow the last article when their first box fits (issue 19).
  out.push_back(heading(2, "Signatures", "signatures"));
  signatures_section(ctg, out);
}

}  // namespace

// What keeps the convention from being signed: the errors of the signature
// stage at the date of signature (or, blank, the CTG's start: an obligation
// that starts later, the relais of 2026 for a CTG signed in 2025, does not
// block it), but the place and date written by hand on the signed copies.
Diagnostics signature_blockers(const Ctg& ctg, const coverage::Report& cov) {
  rules::Options signing;
  signing.stage = rules::Stage::Signature;
  signing.at = ctg.convention.date_signature.value_or(ctg.convention.debut);
  Diagnostics all = rules::check(ctg, signing, cov), out;
  for (const auto& d : all.items()) {
    if (d.severity != Severity::Error) continue;
    bool handwritten = d.code == "SIG-1" && (d.hint == "convention › lieu_signature" || d.hint == "convention › date_signature");
    if (!handwritten) out.add(d);
  }
  return out;
}

doc::Document build(const Ctg& ctg, Part part, bool draft, const coverage::Report* given) {
  doc::Document d;
  d.title = ctg.convention.titre;
  d.subtitle = fmt::format("{}{} – {}-{}", ctg.convention.territoire,
                           ctg.convention.departement ? " (" + *ctg.convention.departement + ")" : "",
                           ctg.convention.debut.year, ctg.convention.fin.year);
  d.draft = draft;
  if (part == Part::Analyse) {
    // Not a contract: nobody signs it, so no « PROJET » and no signatories on its cover.
    d.title = "Analyse – " + ctg.convention.titre;
    d.draft = false;
  } else {
    for (const auto& p : ctg.parties) d.signatories.push_back(format::naming::title(p));
  }
  std::optional<coverage::Report> computed;
  if (!given) computed = coverage::compute(ctg);
  const coverage::Report& cov = given ? *given : *computed;
  auto& out = d.blocks;
  switch (part) {
    case Part::All:
      convention_blocks(ctg, out);
      parts::annexe1(ctg, out);
      parts::annexe2(ctg, out);
      parts::annexe3(ctg, out);
      parts::annexe4(ctg, out);
      parts::annexe5(ctg, out);
      break;
    case Part::Convention: convention_blocks(ctg, out); break;
    case Part::PetiteEnfance: parts::petite_enfance(ctg, out); break;
    case Part::Annexe1: parts::annexe1(ctg, out); break;
    case Part::Annexe2: parts::annexe2(ctg, out); break;
    case Part::Annexe3: parts::annexe3(ctg, out); break;
    case Part::Annexe4: parts::annexe4(ctg, out); break;
    case Part::Annexe5: parts::annexe5(ctg, out); break;
    case Part::Analyse: parts::analyse(ctg, cov, out); break;
  }
  // A part alone does not start on a page break.
  if (!out.empty() && out.front().kind == Kind::PageBreak) out.erase(out.begin());
  return d;
}

}  // namespace ctg::render

namespace ctg::render::doc {
Line plain(std::string text) { return {Span{std::move(text), Style::Normal}}; }

std::size_t text_size(const Document& d, std::size_t per_cell) {
  auto line = [](const Line& l) {
    std::size_t n = 0;
    for (const auto& s : l) n += s.text.size();
    return n;
  };
  std::size_t n = d.title.size() + d.subtitle.size();
  for (const auto& s : d.signatories) n += s.size() + per_cell;
  for (const auto& b : d.blocks) {
    n += per_cell + b.id.size() + line(b.line) + b.markdown.size() + b.svg.size() + b.alt.size() + b.table.caption.size();
    for (const auto& i : b.items) n += line(i) + per_cell;
    for (const auto& h : b.table.head) n += h.size() + per_cell;
    for (const auto& r : b.table.rows)
      for (const auto& c : r) n += line(c.content) + per_cell;
  }
  return n;
}
}  // namespace ctg::render::doc
