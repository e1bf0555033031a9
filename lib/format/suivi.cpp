// SPDX-License-Identifier: EUPL-1.2
#include "format/suivi.hpp"

namespace ctg::format::suivi {

using namespace codec;

namespace {

const char* const period_pattern = "[0-9]{4}(-T[1-4]|-S[12])?";
const char* const period_hint =
    "une période s'écrit AAAA-T1 à AAAA-T4 (trimestre), AAAA-S1 ou AAAA-S2 (semestre) ou AAAA (année), entre "
    "guillemets : \"2026-T1\"";

Codec<TrackedAction> tracked_action() {
  static const auto c =
      Object<TrackedAction>("une action suivie", "suivi_action",
                            "L'état d'une action clé d'une fiche action à une date.")
          .required("fiche", &TrackedAction::fiche, reference("fiches_action"), "id de la fiche action")
          .required("action", &TrackedAction::action, identifier(), "id de l'action clé dans la fiche : \"3.4\"")
          .required("etat", &TrackedAction::etat, enumeration<ActionState>(),
                    "prevue, engagee, realisee, reportee ou abandonnee")
          .required("date", &TrackedAction::date, date(), "date à laquelle l'action a pris cet état")
          .optional("echeance", &TrackedAction::echeance, optional(date()),
                    "date prévue de réalisation (calendrier de l'annexe 3) ; une action reportée en reçoit une "
                    "nouvelle")
          .optional("rapporteur", &TrackedAction::rapporteur, optional(text()), "qui rend compte de l'action")
          .optional("commentaire", &TrackedAction::commentaire, optional(text()),
                    "comment l'action est menée : publié dans les bilans")
          .optional("difficulte", &TrackedAction::difficulte, optional(text()),
                    "difficulté rencontrée : publiée dans les bilans")
          .optional("note", &TrackedAction::note, optional(text()), "note privée : jamais publiée")
          .codec();
  return c;
}

Codec<IndicatorValue> indicator_value() {
  static const auto c =
      Object<IndicatorValue>("une valeur d'indicateur", "suivi_indicateur",
                             "La valeur mesurée d'un indicateur d'une fiche action.")
          .required("fiche", &IndicatorValue::fiche, reference("fiches_action"), "id de la fiche action")
          .required("indicateur", &IndicatorValue::indicateur, integer(1),
                    "numéro de l'indicateur dans la liste de la fiche, à partir de 1")
          .required("valeur", &IndicatorValue::valeur, decimal(), "valeur mesurée")
          .optional("cible", &IndicatorValue::cible, optional(decimal()), "valeur visée, si elle est fixée")
          .required("date", &IndicatorValue::date, date(), "date de la mesure")
          .optional("source", &IndicatorValue::source, optional(text()), "d'où vient la mesure")
          .optional("commentaire", &IndicatorValue::commentaire, optional(text()), "précision publiée")
          .codec();
  return c;
}

Codec<OpenPlaces> open_places() {
  static const auto c =
      Object<OpenPlaces>("des places ouvertes", "suivi_places",
                         "Les places effectivement ouvertes d'un mode d'accueil d'une AO, à une date.")
          .required("ao", &OpenPlaces::ao, reference("parties"), "id de l'AO (celle d'un tableau d'offre)")
          .required("mode", &OpenPlaces::mode, identifier(),
                    "mode d'accueil : clé d'une ligne de son tableau d'offre (eaje_psu, mam…)")
          .required("places", &OpenPlaces::places, decimal(0), "places ouvertes")
          .required("date", &OpenPlaces::date, date(), "date du relevé")
          .optional("source", &OpenPlaces::source, optional(text()), "d'où vient le chiffre")
          .optional("commentaire", &OpenPlaces::commentaire, optional(text()), "précision publiée")
          .codec();
  return c;
}

Codec<RpeStaff> rpe_staff() {
  static const auto c =
      Object<RpeStaff>("des ETP de RPE", "suivi_rpe", "Les ETP de relais petite enfance en poste pour une AO, à une date.")
          .required("ao", &RpeStaff::ao, reference("parties"), "id de l'AO (celle d'un tableau d'offre avec une ligne rpe)")
          .required("etp", &RpeStaff::etp, decimal(0), "ETP en poste : 1.7")
          .required("date", &RpeStaff::date, date(), "date du relevé")
          .optional("source", &RpeStaff::source, optional(text()), "d'où vient le chiffre")
          .optional("commentaire", &RpeStaff::commentaire, optional(text()), "précision publiée")
          .codec();
  return c;
}

Codec<ReviewRecord> review_record() {
  static const auto c =
      Object<ReviewRecord>("un bilan présenté", "suivi_bilan", "Un bilan présenté au comité de pilotage.")
          .required("type", &ReviewRecord::type, enumeration<ReviewKind>(), "annuel, intermediaire ou final")
          .required("date", &ReviewRecord::date, date(), "date de sa présentation")
          .optional("petite_enfance", &ReviewRecord::petite_enfance, boolean(),
                    "true si son volet petite enfance a été transmis au CDSF (art. L214-2 CASF)")
          .optional("note", &ReviewRecord::note, optional(text()), "précision")
          .codec();
  return c;
}

Codec<TrackingPeriod> period() {
  static const auto c =
      Object<TrackingPeriod>("une période de suivi", "suivi",
                             "Le point d'une période (un trimestre, en général) du tableau de suivi partagé "
                             "(article « Suivi, bilan et évaluation »).")
          .required("periode", &TrackingPeriod::periode, code(period_pattern, period_hint),
                    "la période : \"2026-T1\" (trimestre), \"2026-S1\" (semestre) ou \"2026\"")
          .optional("date", &TrackingPeriod::date, optional(date()), "date à laquelle le point a été fait")
          .optional("redacteur", &TrackingPeriod::redacteur, optional(text()), "qui a rédigé le point")
          .optional("fictif", &TrackingPeriod::fictif, boolean(),
                    "true si les valeurs sont inventées (exemple, formation) : les documents le disent")
          .optional("actions", &TrackingPeriod::actions, list(tracked_action()), "état des actions clés")
          .optional("indicateurs", &TrackingPeriod::indicateurs, list(indicator_value()), "valeurs des indicateurs")
          .optional("places", &TrackingPeriod::places, list(open_places()), "places ouvertes par AO et mode")
          .optional("rpe", &TrackingPeriod::rpe, list(rpe_staff()), "ETP de RPE en poste par AO")
          .optional("difficultes", &TrackingPeriod::difficultes, list(located_text()),
                    "difficultés générales de la période (publiées)")
          .optional("decisions", &TrackingPeriod::decisions, list(located_text()),
                    "décisions à soumettre au comité de pilotage")
          .optional("bilans", &TrackingPeriod::bilans, list(review_record()), "bilans présentés pendant la période")
          .codec();
  return c;
}

}  // namespace

Codec<std::vector<TrackingPeriod>> periods_codec() {
  return keyed_list<TrackingPeriod>(period(), "periode", [](const TrackingPeriod& p) { return p.periode; }, "suivi",
                                    "une période n'a qu'un point : complétez celui qui existe");
}

}  // namespace ctg::format::suivi
