// SPDX-License-Identifier: EUPL-1.2
// The parties of the convention in words: « Entre : … », the visas of their
// deliberations, the formula and the signature boxes. The names come from
// format::naming:: (designation.cpp), derived once for every party type.
#include <fmt/format.h>

#include "format/designation.hpp"
#include "base/french.hpp"
#include "render/render.hpp"
#include "render/blocks.hpp"
#include "base/text.hpp"

namespace ctg::render {

using namespace blocks;

namespace {

// « sa Présidente Mme Patricia GRANET-BRUNELLO », « son Directeur », or for
// several « M. Sébastien NEFFAH, Directeur, et M. Alain PICOZZI, Président … ».
std::string representatives(const Party& p, bool& feminine, bool& plural) {
  std::vector<const Representative*> reps;
  for (const auto& r : p.representants)
    if (r.signataire) reps.push_back(&r);
  plural = reps.size() > 1;
  feminine = !reps.empty();
  std::vector<std::string> words;
  for (const Representative* r : reps) {
    feminine = feminine && format::naming::feminine(*r);
    std::string who = format::naming::person(*r);
    if (reps.size() == 1) words.push_back(format::naming::possessive_quality(*r) + (who.empty() ? "" : " " + who));
    else words.push_back(who.empty() ? format::naming::possessive_quality(*r) : who + ", " + r->qualite);
  }
  if (words.empty()) return "son représentant légal";
  return fr::and_list(words);
}

Block party_paragraph(const Party& p, const std::string& what) {
  bool feminine_rep = false, plural = false;
  std::string who = representatives(p, feminine_rep, plural);
  std::string authorised = std::string("dûment autorisé") + (feminine_rep ? "e" : "") + (plural ? "s" : "");
  std::string text = fmt::format("{}, représenté{} par {}, {} à signer {}", format::naming::title(p),
                                 format::naming::feminine(p) ? "e" : "", who, authorised, what);
  if (p.deliberation) text += " par délibération de " + fr::possessive(p.deliberation->instance);
  return paragraph(doc::plain(text + " ;"));
}

}  // namespace

// With two blocks, the parties of the first (premier_bloc, or the first
// party) come before « D'une part, Et », the others before « D'autre part ».
void parties_section(const Ctg& ctg, std::vector<Block>& out, const std::string& what) {
  out.push_back(paragraph(doc::plain("Entre :")));
  const bool two_blocks = ctg.convention.deux_blocs || !ctg.convention.premier_bloc.empty();
  std::vector<const Party*> order;
  for (const auto& p : ctg.parties)
    if (!two_blocks || in_first_block(ctg, p)) order.push_back(&p);
  const std::size_t first_block = two_blocks ? order.size() : 1;
  if (two_blocks)
    for (const auto& p : ctg.parties)
      if (!in_first_block(ctg, p)) order.push_back(&p);
  for (std::size_t i = 0; i < order.size(); ++i) {
    const Party& p = *order[i];
    if (i == first_block) {
      if (two_blocks) out.push_back(paragraph(doc::plain("D’une part,")));
      out.push_back(paragraph(doc::plain("Et")));
    }
    out.push_back(with_id(party_paragraph(p, what), "partie-" + p.id));
    if (p.nom_court)
      out.push_back(paragraph(doc::plain(fmt::format("Ci-après dénommé{} « {} » ;", format::naming::feminine(p) ? "e" : "",
                                                     *p.nom_court))));
    if (p.remarque) out.push_back(paragraph(Line{Span{*p.remarque, Style::Emphasis}}));
  }
  if (two_blocks && order.size() > first_block) out.push_back(paragraph(doc::plain("D’autre part,")));
  if (ctg.convention.denomination)
    out.push_back(paragraph(doc::plain(fmt::format("Ci-après dénommés {}.", *ctg.convention.denomination))));
}

void formula_section(const Ctg& ctg, std::vector<Block>& out) {
  out.push_back(paragraph(doc::plain(ctg.convention.formule.value_or("Il est convenu et arrêté ce qui suit :"))));
}

Line deliberation_visa(const Party& p, const std::string& end) {
  return concat({doc::plain(fmt::format("Vu la délibération {} {} en date du ", fr::of_body(p.deliberation->instance),
                                        format::naming::of(p))),
                 date_or_blank(p.deliberation->date), doc::plain(end)});
}

void signatures_section(const Ctg& ctg, std::vector<Block>& out) {
  const auto& cv = ctg.convention;
  Line done = concat({doc::plain("Fait à "), blank_or(cv.lieu_signature), doc::plain(", le "),
                      date_or_blank(cv.date_signature)});
  if (cv.exemplaires) {
    std::string ex = *cv.exemplaires;
    if (!ex.empty()) ex[0] = static_cast<char>(ex[0] >= 'A' && ex[0] <= 'Z' ? ex[0] - 'A' + 'a' : ex[0]);
    if (ex.rfind("en", 0) == 0) done.push_back(Span{", " + ex});
    else done.push_back(Span{". " + *cv.exemplaires});
  } else {
    done.push_back(Span{fmt::format(", en {} exemplaires originaux.", ctg.parties.size())});
  }
  Block sig;
  sig.kind = Kind::Signatures;
  sig.table.caption = "Signatures";
  sig.line = done;
  // One box per person who signs (the Caf's Directeur and its Président each have theirs);
  // a party with no one named yet still gets its box.
  for (const auto& p : ctg.parties) {
    doc::Cell party{doc::plain(format::naming::title(p)), true, false};
    bool any = false;
    for (const auto& r : p.representants) {
      if (!r.signataire) continue;
      std::string who = format::naming::person(r);
      sig.table.rows.push_back({party, doc::Cell{doc::plain(r.qualite + (who.empty() ? "" : "\n" + who)), false, false}});
      any = true;
    }
    if (!any) sig.table.rows.push_back({party});
  }
  out.push_back(std::move(sig));
}

std::string designation_of(const Party& p) { return format::naming::designation(p); }

std::string commune_of_designation(const std::string& d) { return fr::of_phrase(d); }

}  // namespace ctg::render
