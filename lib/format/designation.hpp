// SPDX-License-Identifier: EUPL-1.2
// How the documents name a party, derived once from its type, form and
// name (or taken from `designation` when the source says it its own way):
// « la Commune d'Aiglun », « la Communauté de communes du Bazois », « le
// Syndicat mixte … ». The render, the avenant and the validation share it.
#pragma once

#include <optional>
#include <string>

#include "format/model.hpp"

namespace ctg::format::naming {

// With its article, for running text: « la Commune de La Chapelle-aux-Brocs ».
std::string designation(const Party& p);
// The same, capitalised, for tables, headings and signature boxes: one name
// per party throughout the document.
std::string title(const Party& p);
// « de la Commune d'Aiglun », « du Syndicat mixte … ».
std::string of(const Party& p);
// Whether the party is named in the feminine (« représentée », « elle »).
bool feminine(const Party& p);
// The kind `nom` repeats when it already says the party's type (« Commune »
// for « Commune de A » of type commune): the designation would say it twice.
std::optional<std::string> repeated_kind(const Party& p);

// What is known of a representative, without gaps: « Mme Patricia
// GRANET-BRUNELLO », « M. NEFFAH », « NEFFAH », or empty (a quality alone).
std::string person(const Representative& r);
// « sa Présidente », « son Directeur », « son Adjointe ».
std::string possessive_quality(const Representative& r);
bool feminine(const Representative& r);

}  // namespace ctg::format::naming
