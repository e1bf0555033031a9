// SPDX-License-Identifier: EUPL-1.2
#include "format/format.hpp"

#include "format/designation.hpp"
#include "format/sections.hpp"
#include "format/suivi.hpp"

namespace ctg::format {

using namespace codec;
using schema::Presence;
using namespace sections;

namespace sections {

Codec<Population> population() {
  static const auto c =
      Object<Population>("une population", "population",
                         "Un chiffre de population, avec sa nature et son millésime ; ou, faute de chiffre exact, "
                         "une tranche (plus_de / moins_de, bornes exclues).")
          .optional("valeur", &Population::valeur, optional(integer(0, max_count)), "nombre d'habitants")
          .optional("plus_de", &Population::plus_de, optional(integer(0, max_count)),
                    "borne basse exclue, quand seul un ordre de grandeur est connu (« +3500 »)")
          .optional("moins_de", &Population::moins_de, optional(integer(0, max_count)),
                    "borne haute exclue (« moins de 10 000 »)")
          .optional("nature", &Population::nature, enumeration<PopulationNature>(),
                    "totale (chiffre légal, art. L214-1-3 III CASF), municipale ou inconnue (par défaut)")
          .optional("millesime", &Population::millesime, optional(year()), "année de référence du recensement")
          .optional("source", &Population::source, optional(text()), "d'où vient le chiffre")
          .any_of({{"valeur", "plus_de", "moins_de"}})
          .check([](const Population& p, Context& ctx) {
            if (p.valeur && (p.plus_de || p.moins_de))
              ctx.diags.error("POPULATION", p.at("valeur"),
                              "une population donne soit une valeur, soit une tranche, pas les deux",
                              "gardez « valeur » si le chiffre exact est connu");
            if (p.plus_de && p.moins_de && *p.plus_de >= *p.moins_de)
              ctx.diags.error("POPULATION", p.at("moins_de"),
                              fmt::format("tranche vide : plus de {} et moins de {}", *p.plus_de, *p.moins_de),
                              "« plus_de » doit être inférieur à « moins_de »");
          })
          .codec();
  return c;
}

}  // namespace sections

namespace {

Codec<DepartmentalScheme> departmental_scheme() {
  static const auto c =
      Object<DepartmentalScheme>("le schéma départemental", "schema_departemental",
                                 "Le schéma départemental des services aux familles (SDSF) en vigueur.")
          .optional("titre", &DepartmentalScheme::titre, optional(text()), "intitulé du SDSF")
          .optional("debut", &DepartmentalScheme::debut, optional(date()), "début de sa période")
          .optional("fin", &DepartmentalScheme::fin, optional(date()), "fin de sa période")
          .codec();
  return c;
}

// premier_bloc: no contradiction with deux_blocs, each party once.
void check_blocks(const Convention& cv, Context& ctx) {
  if (cv.has("premier_bloc") && cv.has("deux_blocs") && !cv.deux_blocs)
    ctx.diags.error("BLOCS", cv.at("deux_blocs"),
                    "« deux_blocs: false » contredit « premier_bloc », qui présente les parties en deux blocs",
                    "retirez « deux_blocs » (premier_bloc suffit) ou « premier_bloc »");
  for (std::size_t i = 0; i < cv.premier_bloc.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (cv.premier_bloc[i] == cv.premier_bloc[j])
        ctx.diags.error("BLOCS", cv.at("premier_bloc"),
                        fmt::format("la partie {} figure deux fois dans « premier_bloc » (positions {} et {})",
                                    guillemets(cv.premier_bloc[i]), j + 1, i + 1),
                        "gardez-la une seule fois");
}

// Each population of a party's list by millésime has its millésime, once.
void check_populations(const Party& p, Context& ctx) {
  for (std::size_t i = 0; i < p.populations.size(); ++i) {
    const Population& pop = p.populations[i];
    if (!pop.millesime) {
      ctx.diags.error("POPULATION", pop.loc,
                      fmt::format("l'entrée {} de « populations » n'a pas de millésime : c'est lui qui dit à "
                                  "partir de quand elle fait foi",
                                  i + 1),
                      "ajoutez « millesime: AAAA » (le millésime M fait foi à partir du 1er janvier M+3)");
      continue;
    }
    for (std::size_t j = 0; j < i; ++j)
      if (p.populations[j].millesime == pop.millesime)
        ctx.diags.error("POPULATION", pop.at("millesime"),
                        fmt::format("le millésime {} figure deux fois dans « populations » (déjà ligne {})",
                                    *pop.millesime, p.populations[j].at("millesime").line),
                        "gardez un seul chiffre par millésime");
  }
}

Codec<Convention> convention() {
  static const auto c =
      Object<Convention>("la convention", "convention", "Ce qui identifie la convention et ses dates.")
          .required("titre", &Convention::titre, text(), "titre du document")
          .required("territoire", &Convention::territoire, text(), "nom du territoire couvert")
          .optional("departement", &Convention::departement, optional(text()), "département")
          .required("debut", &Convention::debut, date(), "date d'effet (article « Durée »)")
          .required("fin", &Convention::fin, date(), "date de fin")
          .optional("reconduction", &Convention::reconduction, enumeration<Renewal>(),
                    "expresse (par défaut), tacite ou aucune")
          .optional("lieu_signature", &Convention::lieu_signature, optional(text()),
                    "« Fait à … » : vide (null) dans un projet")
          .optional("date_signature", &Convention::date_signature, optional(date()), "vide (null) dans un projet")
          .optional("exemplaires", &Convention::exemplaires, optional(text()),
                    "mention des exemplaires originaux")
          .optional("denomination", &Convention::denomination, optional(text()),
                    "« Ci-après dénommés … » pour l'ensemble des collectivités")
          .optional("deux_blocs", &Convention::deux_blocs, boolean(),
                    "parties présentées en deux blocs, « D'une part » et « D'autre part » (anciennes CTG)")
          .optional("premier_bloc", &Convention::premier_bloc, list(reference("parties")),
                    "ids des parties du premier bloc (« D'une part »), quand il en compte plusieurs : les autres "
                    "forment le second ; implique deux_blocs")
          .optional("formule", &Convention::formule, optional(text()),
                    "« Il est convenu et arrêté ce qui suit : »")
          .optional("schema_departemental", &Convention::schema_departemental, optional(departmental_scheme()),
                    "le SDSF dont la durée doit être cohérente avec celle de la CTG (art. L214-2 I CASF)")
          .check([](const Convention& cv, Context& ctx) {
            check_blocks(cv, ctx);
            if (cv.has("debut") && cv.has("fin") && !(cv.debut < cv.fin))
              ctx.diags.error("DATES", cv.at("fin"),
                              fmt::format("la fin ({}) n'est pas postérieure au début ({})", to_iso(cv.fin),
                                          to_iso(cv.debut)),
                              "vérifiez les deux dates de la convention");
          })
          .codec();
  return c;
}

Codec<Representative> representative() {
  static const auto c =
      Object<Representative>("un représentant", "representant", "Une personne qui représente une partie.")
          .optional("civilite", &Representative::civilite, optional(enumeration<Civility>()),
                    "« M. » ou « Mme » (facultatif : accorde « autorisé », « sa Présidente »)")
          .optional("prenom", &Representative::prenom, text(), "prénom (facultatif)")
          .optional("nom", &Representative::nom, text(), "nom de famille (facultatif : la qualité seule suffit)")
          .required("qualite", &Representative::qualite, text(),
                    "fonction, accordée : Maire, Présidente, Directeur…")
          .optional("signataire", &Representative::signataire, boolean(), "signe la convention (true par défaut)")
          .codec();
  return c;
}

Codec<Deliberation> deliberation() {
  static const auto c =
      Object<Deliberation>("une délibération", "deliberation",
                           "La délibération qui autorise la signature (annexe 5).")
          .required("instance", &Deliberation::instance, text(), "conseil municipal, conseil communautaire…")
          .optional("date", &Deliberation::date, optional(date()), "vide (null) tant qu'elle n'est pas prise")
          .optional("numero", &Deliberation::numero, optional(text()), "numéro de la délibération")
          .optional("objet", &Deliberation::objet, optional(text()), "objet de la délibération")
          .codec();
  return c;
}

Codec<Party> party() {
  static const auto c =
      Object<Party>("une partie", "partie", "Un signataire de la convention.")
          .required("id", &Party::id, identifier(), "identifiant stable")
          .required("type", &Party::type, enumeration<PartyType>(), "nature du signataire")
          .optional("forme", &Party::forme, optional(enumeration<LegalForm>()),
                    "forme juridique d'un EPCI ou d'un syndicat")
          .required("nom", &Party::nom, text(), "nom officiel")
          .optional("designation", &Party::designation, optional(text()),
                    "désignation dans le texte : « la Commune du Brusquet »")
          .optional("nom_court", &Party::nom_court, optional(text()), "« Ci-après dénommée … »")
          .optional("insee", &Party::insee, optional(code(insee_pattern, insee_hint)), "code INSEE (commune)")
          .optional("siren", &Party::siren, optional(code("[0-9]{9}", "un SIREN a neuf chiffres, entre guillemets")),
                    "numéro SIREN")
          .optional("epci", &Party::epci, optional(reference("parties")),
                    "pour une commune : l'id de l'EPCI ou du syndicat dont elle est membre")
          .optional("population", &Party::population, optional(population()), "population de la partie")
          .optional("populations", &Party::populations, list(population()),
                    "population légale de chaque millésime, quand elle change pendant la CTG : le millésime M "
                    "fait foi à partir du 1er janvier M+3, et chaque règle retient celui en vigueur à sa date")
          .required("representants", &Party::representants, list(representative()),
                    "les personnes qui signent pour elle")
          .optional("deliberation", &Party::deliberation, optional(deliberation()),
                    "délibération autorisant la signature")
          .optional("remarque", &Party::remarque, optional(text()), "remarque publiée sous la partie")
          .check([](const Party& p, Context& ctx) {
            bool grouping = p.type == PartyType::Epci || p.type == PartyType::Syndicat;
            if (p.forme && !grouping)
              ctx.diags.error("FORME", p.at("forme"),
                              fmt::format("une forme juridique n'a de sens que pour un EPCI ou un syndicat, pas pour "
                                          "une partie de type {}", guillemets(key_of(p.type))),
                              "retirez « forme » ou corrigez « type »");
            if (p.forme && grouping) {
              bool syndicat_form = *p.forme == LegalForm::SyndicatMixte || *p.forme == LegalForm::Sivom ||
                                   *p.forme == LegalForm::Sivu;
              if (syndicat_form != (p.type == PartyType::Syndicat))
                ctx.diags.error("FORME", p.at("forme"),
                                fmt::format("la forme {} ne correspond pas au type {}", guillemets(key_of(*p.forme)),
                                            guillemets(key_of(p.type))),
                                "un syndicat mixte, un SIVOM ou un SIVU a le type « syndicat » ; une communauté ou "
                                "une métropole le type « epci »");
            }
            // An EPCI with a SIREN keeps its official name (« CA du Pays de Meaux »), which REF-2 checks.
            if (auto kind = naming::repeated_kind(p); kind && !p.designation && !(p.type == PartyType::Epci && p.siren))
              ctx.diags.warning("NOM", p.at("nom"),
                                fmt::format("le nom {} dit déjà le type {} (« {} ») : le document le désigne « {} », "
                                            "sans répéter le type",
                                            guillemets(p.nom), guillemets(key_of(p.type)), *kind,
                                            naming::designation(p)),
                                "écrivez le nom seul (« nom: Aiglun » pour une commune), ou la désignation voulue "
                                "dans « designation »");
            check_populations(p, ctx);
            if (p.epci && p.type != PartyType::Commune)
              ctx.diags.error("EPCI", p.at("epci"), "seule une commune est membre d'un EPCI",
                              "retirez « epci » de cette partie");
          })
          .codec();
  return c;
}

Codec<Visa> visa() {
  static const auto c = Object<Visa>("un visa", "visa", "Une base légale « Vu … ».")
                            .required("id", &Visa::id, identifier(), "identifiant stable")
                            .required("texte", &Visa::texte, markdown(), "le visa, « Vu … »")
                            .codec();
  return c;
}

Codec<Article> article() {
  static const auto c = Object<Article>("un article", "article", "Un article de la convention.")
                            .required("id", &Article::id, identifier(), "identifiant stable")
                            .required("numero", &Article::numero, integer(1), "numéro de l'article")
                            .required("titre", &Article::titre, text(), "titre de l'article")
                            .required("texte", &Article::texte, markdown(), "texte, en Markdown")
                            .codec();
  return c;
}

Codec<Acknowledgement> acknowledgement() {
  static const auto c =
      Object<Acknowledgement>("un constat acquitté", "constat_acquitte",
                              "Un constat de ctg validate acquitté avec son motif : validate le rapporte comme "
                              "acquitté (jamais en silence) et il ne compte plus dans le code de sortie.")
          .required("regle", &Acknowledgement::regle, text(), "code de la règle du constat (AO-7, REF-7, SIG-1…)")
          .optional("partie", &Acknowledgement::partie, optional(identifier()),
                    "seulement les constats placés dans les entrées de cette partie (parties, "
                    "autorites_organisatrices, offre_petite_enfance, donnees_couverture)")
          .optional("fichier", &Acknowledgement::fichier, optional(text()),
                    "seulement les constats de ce fichier de la CTG (chemin relatif au fichier principal)")
          .optional("ligne", &Acknowledgement::ligne, optional(integer(1, 100'000'000)),
                    "seulement les constats de cette ligne (du fichier nommé, sinon de celui de l'entrée)")
          .required("motif", &Acknowledgement::motif, text(), "pourquoi le constat est acquitté")
          .check([](const Acknowledgement& a, Context& ctx) {
            if (a.motif.find_first_not_of(" \t\r\n") == std::string::npos)
              ctx.diags.error("ACQUITTEMENT", a.at("motif"),
                              fmt::format("le constat {} est acquitté sans motif", a.regle),
                              "écrivez pourquoi il est acquitté, par exemple « motif: le RPE intercommunal "
                              "couvre la commune (délibération du 12 mars 2026) »");
          })
          .codec();
  return c;
}

}  // namespace

const Object<Ctg>& document() {
  using P = Presence;
  static const auto obj =
      Object<Ctg>("le document", "ctg", "Une convention territoriale globale, ou une partie incluse de celle-ci.")
          .required("format", &Ctg::format, constant(std::string(version)), "version du format : ctg/1")
          .optional("inclure", &Ctg::inclure, list(located_text()),
                    "fichiers qui complètent celui-ci, dans son dossier ou ses sous-dossiers (chemins relatifs)")
          .field("convention", &Ctg::convention, convention(), P::RequiredInDocument, "la convention")
          .field("parties", &Ctg::parties,
                 keyed_list<Party>(party(), "id", [](const Party& p) { return p.id; }, "parties"),
                 P::RequiredInDocument, "les signataires")
          .optional("visas", &Ctg::visas, keyed_list<Visa>(visa(), "id", [](const Visa& v) { return v.id; }),
                    "visas, hors délibérations des parties (ajoutées au rendu)")
          .optional("preambule", &Ctg::preambule, optional(markdown()), "préambule, en Markdown")
          .optional("articles", &Ctg::articles,
                    keyed_list<Article>(article(), "id", [](const Article& a) { return a.id; }, "articles"),
                    "articles de la convention")
          .optional("diagnostic", &Ctg::diagnostic, optional(diagnosis()), "annexe 1 : diagnostic partagé")
          .optional("equipements", &Ctg::equipements,
                    keyed_list<Equipment>(equipment(), "id", [](const Equipment& e) { return e.id; }, "equipements"),
                    "annexe 2 : équipements et services soutenus")
          .optional("autorites_organisatrices", &Ctg::autorites_organisatrices,
                    keyed_list<AoEntry>(ao_entry(), "ao", [](const AoEntry& a) { return a.ao; }),
                    "annexe 3 : tableau des autorités organisatrices")
          .optional("offre_petite_enfance", &Ctg::offre_petite_enfance,
                    keyed_list<OfferTable>(offer_table(), "ao", [](const OfferTable& t) { return t.key(); }, {},
                                           "pour un second tableau de la même AO, précisez une « zone » distincte"),
                    "annexe 3 : offre de chaque AO qui planifie")
          .optional("donnees_couverture", &Ctg::donnees_couverture,
                    keyed_list<CoverageData>(coverage_data(), "perimetre",
                                             [](const CoverageData& d) { return d.perimetre.value_or("(territoire)"); },
                                             {}, "une seule entrée par AO, et une seule sans « perimetre »"),
                    "données des taux de couverture absentes des tableaux")
          .optional("plan_actions", &Ctg::plan_actions, optional(action_plan()), "annexe 3 : plan d'actions")
          .optional("fiches_action", &Ctg::fiches_action,
                    keyed_list<ActionSheet>(action_sheet(), "id", [](const ActionSheet& f) { return f.id; },
                                            "fiches_action"),
                    "fiches action")
          .optional("pilotage", &Ctg::pilotage, optional(governance()), "annexe 4 : pilotage")
          .optional("decisions_conseils", &Ctg::decisions_conseils, optional(council_decisions()),
                    "annexe 5 : décisions des conseils")
          .optional("suivi", &Ctg::suivi, suivi::periods_codec(),
                    "suivi de la CTG signée, une période par fichier suivi/AAAA-Tn.yaml (lu avec la CTG)")
          .optional("constats_acquittes", &Ctg::constats_acquittes, list(acknowledgement()),
                    "constats de ctg validate acquittés, chacun avec son motif (rapportés comme tels)");
  return obj;
}

std::string json_schema() {
  return schema::json_schema(document().codec().info, "urn:ctg:schema:ctg-1",
                             "Convention territoriale globale (format ctg/1)");
}

}  // namespace ctg::format
