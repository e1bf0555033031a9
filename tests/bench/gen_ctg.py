#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Synthetic CTGs for the benchmark (tests/bench/run.sh), in the project's
format (man ctg-format.5), deterministic from a seed number.

A territory of N communes grouped in intercommunalités of about 28 communes,
each EPCI an autorité organisatrice that received the four competences from
its communes (listed in its transfer), the communes of more than 3 500
inhabitants listed too (competences « transferee »), an offer table and
coverage data per EPCI, E equipment rows, F fiches action. The CTG is valid:
`ctg validate` finds no error in it.

  gen_ctg.py --seed 1 --communes 35000 --equipements 100000 --fiches 1000 -o national.yaml
  gen_ctg.py ... --fichiers 8 -o national/   # national/ctg.yaml with « inclure: » and 7 included files
  gen_ctg.py --seed 1 --dossier 500 -o dossier/  # 500 ordinary CTGs, dossier/ctg-001/ctg.yaml…

Generated at benchmark time, never committed.
"""
import argparse
import os
import random

YEARS = [2026, 2027, 2028, 2029]
PER_EPCI = 28
SYLLABLES = ["ba", "ro", "lin", "mont", "val", "ver", "sur", "dou", "ré", "pey", "mas", "cas", "tel", "bri",
             "gnac", "ville", "court", "ac", "ières", "on", "ès", "ac", "let", "mé", "sain", "tour", "fon", "gar"]
FIRST = ["Claire", "Paul", "Sonia", "Michel", "Anne", "Louis", "Nadia", "Pierre", "Julie", "Marc", "Inès", "Hugo"]
LAST = ["ROUX", "GIRAUD", "FONTAINE", "AUDRAN", "MARTIN", "BERNARD", "DUBOIS", "LEROY", "MOREAU", "FAURE"]
EQUIP = [("alsh", "extrascolaire"), ("alsh", "periscolaire"), ("eaje", "multi_accueil"), ("eaje", "micro_creche"),
         ("evs", None), ("centre_social", None), ("clas", None), ("laep", None), ("rpe", None),
         ("structure_jeunesse", "ps_jeunes")]


def q(s):
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Territory:
    def __init__(self, seed, communes, equipements, fiches, variante=False):
        self.r = random.Random(seed)
        self.variante = variante
        self.n_communes, self.n_equip, self.n_fiches = communes, equipements, fiches
        self.communes = []  # (id, nom, population, epci index)
        n_epci = max(1, (communes + PER_EPCI - 1) // PER_EPCI)
        self.epcis = [(f"epci-{k + 1:04d}", f"Communauté de communes {self.word(3)} {k + 1}") for k in range(n_epci)]
        for i in range(communes):
            pop = self.population()
            name = f"{self.word(2)}-{self.word(2)} {i + 1}"
            self.communes.append((f"c{i + 1:05d}", name, pop, i % n_epci))
        if variante:
            # The next version: a commune's population updated, a fiche added; equipment rows renamed and
            # removed below. The random stream is the same, so nothing else changes.
            cid, name, pop, k = self.communes[len(self.communes) // 2]
            self.communes[len(self.communes) // 2] = (cid, name, pop + 120, k)
            self.n_fiches += 1

    def word(self, n):
        return "".join(self.r.choice(SYLLABLES) for _ in range(n)).capitalize()

    def population(self):
        # Away from 5 % of the thresholds 3 500 and 10 000 (AO-10).
        while True:
            p = int(self.r.lognormvariate(7.0, 1.1)) + 50
            if not (3300 <= p <= 3700 or 9400 <= p <= 10600) and p < 400000:
                return p

    def person(self, quality):
        civ = self.r.choice(["M.", "Mme"])
        return f"      - {{ civilite: {civ}, prenom: {self.r.choice(FIRST)}, nom: {self.r.choice(LAST)}, qualite: {quality} }}\n"

    # ------------------------------------------------------------ sections
    def head(self):
        return ("format: ctg/1\n\n"
                "convention:\n"
                "  titre: Convention territoriale globale\n"
                f"  territoire: Territoire d'essai {self.word(3)}\n"
                "  departement: Essai\n"
                "  debut: 2026-01-01\n"
                "  fin: 2029-12-31\n"
                "  reconduction: expresse\n"
                "  exemplaires: En autant d'exemplaires originaux que de signataires.\n"
                "  formule: \"Il est convenu et arrêté ce qui suit :\"\n\n")

    def parties(self):
        out = ["parties:\n",
               "  - id: caf\n    type: caf\n    nom: Caisse d'allocations familiales d'essai\n    nom_court: la Caf\n"
               "    representants:\n", self.person("Directeur")]
        for eid, nom in self.epcis:
            out.append(f"  - id: {eid}\n    type: epci\n    forme: communaute_communes\n    nom: {q(nom)}\n"
                       f"    designation: {q('la ' + nom)}\n    representants:\n")
            out.append(self.person("Président"))
            out.append("    deliberation: { instance: conseil communautaire, date: 2026-01-15 }\n")
        for cid, nom, pop, k in self.communes:
            out.append(f"  - id: {cid}\n    type: commune\n    nom: {q(nom)}\n    designation: {q('la Commune de ' + nom)}\n"
                       f"    insee: \"{10000 + int(cid[1:]) % 89999:05d}\"\n    epci: {self.epcis[k][0]}\n"
                       f"    population: {{ valeur: {pop}, nature: totale, millesime: 2023 }}\n    representants:\n")
            out.append(self.person("Maire"))
            out.append("    deliberation: { instance: conseil municipal, date: 2026-01-20 }\n")
        return "".join(out) + "\n"

    def texts(self):
        out = ["visas:\n",
               "  - { id: css, texte: \"Vu le Code de la sécurité sociale, notamment ses articles L. 263-1 et L. 223-1 ;\" }\n",
               "  - { id: casf, texte: \"Vu le Code de l'action sociale et des familles, notamment ses articles L. 214-1-3 et L. 214-2 ;\" }\n\n",
               "preambule: |\n  La Caf et les collectivités signataires s'engagent pour les familles du territoire.\n\n",
               "articles:\n"]
        titles = ["Objet de la convention", "Durée de la convention", "Exécution formelle de la convention",
                  "Engagements des parties", "Pilotage", "Évaluation"]
        for n, t in enumerate(titles, 1):
            out.append(f"  - id: art-{n}\n    numero: {n}\n    titre: {t}\n    texte: |\n"
                       "      La présente convention définit le projet social du territoire pour les familles,\n"
                       "      conclue du 1er janvier 2026 au 31 décembre 2029 ; toute modification fait\n"
                       "      l'objet d'un avenant.\n")
        out.append("\ndiagnostic:\n  titre: Diagnostic partagé\n  sources: [Insee 2023, Caf]\n"
                   "  indicateurs:\n"
                   f"    - {{ id: population, libelle: Population totale, valeur: {sum(c[2] for c in self.communes)}, "
                   "mesure: population, annee: 2023 }\n"
                   "  texte: |\n    ## Petite enfance\n\n    L'offre d'accueil est inégale sur le territoire.\n"
                   "  enjeux:\n    - { id: accueil, texte: Maintenir l'offre d'accueil du jeune enfant. }\n\n")
        return "".join(out)

    def equipements(self):
        out = ["equipements:\n"]
        for i in range(self.n_equip):
            cid, nom, pop, k = self.communes[i % len(self.communes)]
            typ, sub = EQUIP[i % len(EQUIP)]
            gestionnaire, name = 'Association ' + self.word(2), self.word(3)
            if self.variante and i % 5003 == 11:
                if typ in ("eaje", "alsh"):
                    self.r.randint(8, 60)
                continue  # removed in the next version
            if self.variante and i % 997 == 3:
                name += " rénové"
            out.append(f"  - id: eq-{i + 1:06d}\n    gestionnaire: {q(gestionnaire)}\n"
                       f"    nom: {q(typ.replace('_', ' ').capitalize() + ' ' + name + ' ' + str(i + 1))}\n"
                       f"    type: {typ}\n")
            if sub:
                out.append(f"    sous_type: {sub}\n")
            out.append(f"    code_postal: \"{1000 + i % 90000:05d}\"\n    commune: {q(nom)}\n    partie: {cid}\n")
            if typ in ("eaje", "alsh"):
                out.append(f"    places: {self.r.randint(8, 60)}\n")
        return "".join(out) + "\n"

    def aos(self):
        members = [[] for _ in self.epcis]
        for c in self.communes:
            members[c[3]].append(c)
        out = ["autorites_organisatrices:\n"]
        for (eid, _), ms in zip(self.epcis, members):
            total = sum(c[2] for c in ms)
            out.append(f"  - ao: {eid}\n    competences: {{ recenser: exercee, informer: exercee, planifier: exercee, "
                       "qualite: exercee }\n    transferts:\n      - competences: [recenser, informer, planifier, qualite]\n"
                       f"        population: {{ valeur: {total}, nature: totale, millesime: 2023 }}\n        communes:\n")
            for cid, nom, pop, _ in ms:
                out.append(f"          - {{ nom: {q(nom)}, partie: {cid}, population: {{ valeur: {pop}, nature: totale, "
                           "millesime: 2023 } }\n")
        for cid, nom, pop, _ in self.communes:
            if pop > 3500:
                out.append(f"  - ao: {cid}\n    population: {{ valeur: {pop}, nature: totale, millesime: 2023 }}\n"
                           "    competences: { recenser: transferee, informer: transferee, planifier: transferee, "
                           "qualite: transferee }\n")
        return "".join(out) + "\n"

    def offre(self):
        out = ["offre_petite_enfance:\n"]
        for eid, _ in self.epcis:
            p = self.r.randint(20, 200)
            am = self.r.randint(30, 300)
            out.append(f"  - ao: {eid}\n    zones_prioritaires: [Quartiers prioritaires]\n"
                       "    familles_difficulte: [Places réservées aux familles en insertion]\n"
                       "    soutien_qualite: [Formation continue des professionnels]\n    lignes:\n"
                       f"      - mode: eaje_psu\n        structures: {p // 20 + 1}\n        actuel: {p}\n"
                       f"        projection: {{ {', '.join(f'{y}: {p + 2 * j}' for j, y in enumerate(YEARS))} }}\n"
                       "        besoins_emplois: [2 ETP d'auxiliaire de puériculture]\n"
                       "        investissements:\n"
                       f"          - {{ id: ext-{eid}, type: extension, objet: Extension d'un multi-accueil, "
                       "cout: 150000, annees: [2027] }\n"
                       "        ingenierie: [Étude de besoins]\n"
                       f"      - mode: assistants_maternels\n        structures: {am // 3}\n        actuel: {am}\n"
                       f"        projection: {{ {', '.join(f'{y}: {am}' for y in YEARS)} }}\n"
                       "      - mode: rpe\n        actuel: 1.5\n"
                       f"        projection: {{ {', '.join(f'{y}: 1.5' for y in YEARS)} }}\n")
        out.append("\ndonnees_couverture:\n")
        for eid, _ in self.epcis:
            n = self.r.randint(150, 900)
            out.append(f"  - perimetre: {eid}\n    enfants_moins_3_ans: {{ actuel: {n}, annee: 2023 }}\n"
                       "    part_am_moins_3_ans: 80\n")
        return "".join(out) + "\n"

    def plan(self):
        n_axes = max(1, min(10, self.n_fiches))
        axes = [[] for _ in range(n_axes)]
        for f in range(self.n_fiches):
            axes[f % n_axes].append(f + 1)
        out = ["plan_actions:\n  axes:\n"]
        for a, fs in enumerate(axes, 1):
            out.append(f"    - id: axe-{a}\n      numero: {a}\n      titre: Axe {a}\n"
                       f"      fiches: [{', '.join(f'fiche-{f}' for f in fs)}]\n")
        out.append("  calendrier:\n")
        for y in YEARS:
            out.append(f"    - {{ annee: {y}, titre: Année {y}, actions: [Comité de pilotage] }}\n")
        out.append("\nfiches_action:\n")
        for f in range(1, self.n_fiches + 1):
            out.append(f"  - id: fiche-{f}\n    numero: {f}\n    titre: Action {self.word(3)}\n"
                       f"    axe: axe-{(f - 1) % n_axes + 1}\n    objectif_global: Répondre aux besoins des familles.\n"
                       f"    actions_cles:\n      - {{ id: \"{f}.1\", texte: Mettre en place l'action. }}\n"
                       f"      - {{ id: \"{f}.2\", texte: Évaluer l'action. }}\n"
                       "    partenaires: [PMI, RPE]\n    indicateurs: [Nombre de familles accompagnées]\n")
        out.append("\npilotage:\n  instances:\n    - { id: copil, nom: Comité de pilotage, frequence: une fois par an }\n\n"
                   "decisions_conseils:\n  texte: Les délibérations des conseils sont jointes.\n")
        return "".join(out)

    def sections(self):
        """(file name, text) of each part; the first is the main file."""
        # In document order: the random stream is drawn in that order.
        parts = [("ctg.yaml", self.head()), ("textes.yaml", self.texts()), ("parties.yaml", self.parties()),
                 ("equipements.yaml", self.equipements()), ("autorites.yaml", self.aos()),
                 ("offre.yaml", self.offre())]
        plan = self.plan()
        cut = plan.index("\nfiches_action:")
        return parts + [("plan.yaml", plan[:cut + 1]), ("fiches.yaml", plan[cut + 1:])]


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def write_ctg(t, out, files):
    """One file, or a main file and the other sections in included files (8 in all)."""
    parts = t.sections()
    if files <= 1:
        write(out, "".join(text for _, text in parts))
        return
    os.makedirs(out, exist_ok=True)
    names = [name for name, _ in parts[1:]]
    for name, text in parts[1:]:
        write(os.path.join(out, name), "format: ctg/1\n\n" + text)
    head = parts[0][1].replace("format: ctg/1\n", "format: ctg/1\n\ninclure:\n" + "".join(f"  - {n}\n" for n in names), 1)
    write(os.path.join(out, "ctg.yaml"), head)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--communes", type=int, default=300)
    ap.add_argument("--equipements", type=int, default=1500)
    ap.add_argument("--fiches", type=int, default=20)
    ap.add_argument("--fichiers", type=int, default=1, choices=[1, 8], help="1 file, or 8 (inclure:)")
    ap.add_argument("--dossier", type=int, default=0, help="write this many ordinary CTGs in the folder -o")
    ap.add_argument("--variante", action="store_true", help="the next version of the same CTG (for diff, avenant)")
    ap.add_argument("-o", required=True)
    a = ap.parse_args()
    if a.dossier:
        os.makedirs(a.o, exist_ok=True)
        for k in range(a.dossier):
            t = Territory(a.seed * 100003 + k, 12, 40, 6)
            d = os.path.join(a.o, f"ctg-{k + 1:03d}")
            os.makedirs(d, exist_ok=True)
            write_ctg(t, os.path.join(d, "ctg.yaml"), 1)
        return
    write_ctg(Territory(a.seed, a.communes, a.equipements, a.fiches, a.variante), a.o, a.fichiers)


if __name__ == "__main__":
    main()
