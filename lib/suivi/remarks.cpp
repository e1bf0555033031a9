// SPDX-License-Identifier: EUPL-1.2
#include "suivi/remarks.hpp"

#include <fmt/format.h>

#include "base/text.hpp"
#include "format/suivi_check.hpp"
#include "format/vocabulary.hpp"
#include "suivi/status.hpp"

namespace ctg::suivi {

using format::suivi::bounds;

namespace {

std::string dated(const Date& d) { return to_french_long(d); }

}  // namespace

void remarks(const Ctg& ctg, Date at, Diagnostics& out) {
  if (ctg.suivi.empty()) return;
  Snapshot s = snapshot(ctg, at);
  for (const auto& a : s.overdue())
    out.note("SUIVI-RETARD", a->last->at("echeance"),
             fmt::format("au {}, l'action {} (fiche {}) est {} alors que son échéance était le {}", dated(at),
                         a->action->id, a->fiche->numero, label_of(a->last->etat), dated(*a->echeance)),
             "au prochain point de suivi : réalisée, reportée avec une nouvelle échéance, ou abandonnée ; le comité "
             "de pilotage en décide");
  // Mid-term: the CTG's middle day.
  Date mid = midpoint(ctg.convention.debut, ctg.convention.fin);
  if (ctg.offre_petite_enfance.empty() || at < mid) return;
  for (const auto& p : ctg.suivi)
    for (const auto& b : p.bilans)
      if (b.type == ReviewKind::Intermediaire && b.petite_enfance && b.date <= at) return;
  const TrackingPeriod* last = nullptr;
  std::optional<Date> last_start;
  for (const auto& p : ctg.suivi)
    if (auto b = bounds(p.periode); b && (!last || b->debut > *last_start)) last = &p, last_start = b->debut;
  if (!last) return;  // no period within 1900–2200: reported by format::suivi::check
  out.note("SUIVI-BILAN", last->at("periode"),
           fmt::format("mi-parcours passé (le {}) : aucun bilan intermédiaire avec son volet petite enfance transmis "
                       "au CDSF n'est noté au {}", dated(mid), dated(at)),
           "la CTG tient lieu de schéma pluriannuel : le volet petite enfance de ses bilans est transmis au comité "
           "départemental des services aux familles (art. L214-2 CASF) ; produisez-le avec ctg bilan "
           "--intermediaire --part petite-enfance, puis notez-le dans « bilans: » (type: intermediaire, "
           "petite_enfance: true)");
}

}  // namespace ctg::suivi
