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

// The clause amending an article: whole alinéas replaced, deleted or
// inserted, named by their ordinal (« Le seizième alinéa de l'article 6 … est
// remplacé par les dispositions suivantes : « … ». »), or the article restated.
void article_change(const Article& before, const Article& after, std::vector<render::doc::Block>& out);

// Who sends the CTG's early-childhood part to the CDSF, as the convention
// says it (article 6 of the example: « Avec l’accord express des collectivités
// locales, la Caf peut transmettre au CDSF les éléments de la CTG … »).
struct CdsfSender {
  std::int64_t article = 0;
  std::string who;        // « la Caf »
  std::string condition;  // « avec l’accord express des collectivités locales », or empty
};
std::optional<CdsfSender> cdsf_sender(const Ctg& convention);

}  // namespace ctg::avenant
