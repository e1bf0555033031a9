// SPDX-License-Identifier: EUPL-1.2
// The clauses of an avenant a legal officer writes by hand, drafted from the
// two versions (avenant_clauses.cpp): competence transfers (art. L5211-17
// CGCT, L214-1-3 III CASF), the word-for-word replacement or restatement of
// an article, an added fiche quoted in full, the « Considérant » recitals.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diff/diff.hpp"
#include "render/document.hpp"
#include "format/model.hpp"

namespace ctg::avenant {

// A commune transferring competences to an EPCI, between the two versions.
struct TransferClause {
  const Party* commune = nullptr;  // may be null: a commune named in the transfer only
  std::string commune_name;        // « la Commune des Mées »
  const Party* epci = nullptr;
  std::vector<Competence> competences;
  const Transfer* transfer = nullptr;  // in the new version: date, order, deliberations
  std::optional<std::int64_t> population_before, population_after;  // the EPCI's, for these competences
};

std::vector<TransferClause> transfers(const Ctg& before, const Ctg& after);

// The article of the avenant for one transfer, and its visas.
void transfer_article(const TransferClause& t, std::vector<render::doc::Block>& out);
std::vector<render::doc::Line> transfer_visas(const TransferClause& t);
std::string transfer_recital(const TransferClause& t);

// « À l'article 6, les mots « … » sont remplacés par les mots « … ». » when
// the change is short; otherwise the article restated in full.
void article_change(const diff::Change& c, const Article& before, const Article& after, std::vector<render::doc::Block>& out);

// The shortest text around a changed passage that occurs once in `text`.
std::string unique_quote(const std::string& text, std::size_t begin, std::size_t end);

}  // namespace ctg::avenant
