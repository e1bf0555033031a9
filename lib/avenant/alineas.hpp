// SPDX-License-Identifier: EUPL-1.2
// The alinéas of an article, as a juriste counts them (every paragraph and
// every item of a list is one), and the clauses of an avenant that replace,
// delete or insert whole alinéas, named by their ordinal in the article.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace ctg::avenant {

// « Le secrétariat … \n\n- De la Caf,\n- Des communes. » → three alinéas, each
// on one line, its list mark kept.
std::vector<std::string> alineas(const std::string& text);

// 1 → « premier », 2 → « deuxième », 16 → « seizième », 21 → « vingt et unième ».
std::string ordinal(std::size_t n);

// One change of an article, in the numbering of its old version: the old
// alinéas [first, last) are replaced by `text` (none: deleted; first == last:
// inserted after alinéa `first`).
struct AlineaEdit {
  std::size_t first = 0, last = 0;
  std::vector<std::string> text;
};

// The edits that turn `before` into `after`, whole alinéas each.
std::vector<AlineaEdit> alinea_edits(const std::vector<std::string>& before, const std::vector<std::string>& after);

// « le seizième alinéa de l'article 6 est remplacé par un alinéa ainsi rédigé : »,
// « les troisième à cinquième alinéas sont supprimés », « après le deuxième
// alinéa, il est inséré un alinéa ainsi rédigé : »: the new text follows the
// colon; `of` names the article (« de l'article 6 ») or is empty in a list.
std::string alinea_clause(const AlineaEdit& e, const std::string& of);

}  // namespace ctg::avenant
