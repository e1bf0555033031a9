#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""ctg retours --appliquer (issue 24), the Les Mées scenario end to end.

The example is copied to a temporary git repository; `ctg render -f docx`
makes convention.docx; three returns are built from it in Word's own markup:
(a) the Commune des Mées changes article 6's sentence « assuré par la » →
« assuré conjointement par la Caf et la » with tracked changes (a deletion
spanning two runs, the insertion in nested runs); (b) PAA changes a 2027
projection of its offer table with tracking off; (c) the Département comments
a fiche. The report gives authors, dates and source positions; --appliquer
writes the two exact changes and nothing else: `ctg diff` (git, HEAD against
the working tree) shows exactly them, every other byte of every YAML file is
unchanged, and `ctg avenant` drafts them. Also: a return through LibreOffice
still applies; a plain scalar given « : » is quoted and a single-quoted one
doubles its « ' »; conflicts, comments and a return cut from another version
are never applied; a bad return: exit 2, nothing written.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from docx_parts import RUN, read, region, write  # noqa: E402

ctg, root = sys.argv[1], sys.argv[2]
example = os.path.join(root, "examples", "provence-alpes-agglomeration")
failures = []
tmp = tempfile.mkdtemp()
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MEES, PAA, CD = "Commune des Mées, J. Martin", "PAA, service petite enfance", "Département, M. Roux"


def fail(msg):
    failures.append(msg)
    print("ÉCHEC", msg)


def run(cwd, *args, code=None):
    done = subprocess.run([ctg, *args], cwd=cwd, capture_output=True, text=True, timeout=600)
    if code is not None and done.returncode != code:
        fail(f"ctg {' '.join(args)} : code {done.returncode}, attendu {code} ; {done.stderr[:400]} {done.stdout[-600:]}")
    return done


def git(cwd, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True,
                   capture_output=True)


def fresh(name, edit=None):
    """A copy of the example in a git repository, committed; its files' bytes."""
    d = os.path.join(tmp, name)
    shutil.copytree(example, d)
    if edit:
        edit(d)
    git(d, "init", "-q")
    git(d, "add", ".")
    git(d, "commit", "-qm", "départ")
    return d


def snapshot(d):
    out = {}
    for base, _, names in os.walk(d):
        if ".git" in base:
            continue
        for n in names:
            p = os.path.join(base, n)
            out[os.path.relpath(p, d)] = open(p, "rb").read()
    return out




def r(text, tag="w:t", rpr=""):
    return f'<w:r>{rpr}<{tag} xml:space="preserve">{text}</{tag}></w:r>' if text else ""


def edit_run(xml, name, old, make):
    a, b = region(xml, name)
    for m in RUN.finditer(xml, a, b):
        if old in m.group(2):
            pre, post = m.group(2).split(old, 1)
            return xml[:m.start()] + make(m.group(1) or "", pre, post) + xml[m.end():]
    raise SystemExit(f"« {old} » introuvable dans {name}")


def tracked(xml, name, old, new, author, date):
    """Word's markup: the deletion over two runs, the insertion in a nested run and a plain one."""
    def make(rpr, pre, post):
        first, rest = old.split(" ", 1)
        dels = r(first + " ", "w:delText", rpr) + r(rest, "w:delText", rpr)
        half = len(new) // 2
        ins = f'<w:smartTag w:uri="urn:x" w:element="x">{r(new[:half], rpr=rpr)}</w:smartTag>{r(new[half:], rpr=rpr)}'
        return (r(pre, rpr=rpr) + f'<w:del w:id="901" w:author="{author}" w:date="{date}">{dels}</w:del>'
                + f'<w:ins w:id="902" w:author="{author}" w:date="{date}">{ins}</w:ins>' + r(post, rpr=rpr))
    return edit_run(xml, name, old, make)


def silent(xml, name, old, new):
    return edit_run(xml, name, old, lambda rpr, pre, post: r(pre + new + post, rpr=rpr))


def comment(xml, name, text, author, date):
    s, e = region(xml, name)
    p_end = xml.rindex("</w:p>", 0, e)
    xml = (xml[:s] + '<w:commentRangeStart w:id="0"/>' + xml[s:p_end]
           + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>' + xml[p_end:])
    comments = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {W}>'
                f'<w:comment w:id="0" w:author="{author}" w:date="{date}" w:initials="MR">'
                f'<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:comment></w:comments>')
    return xml, comments


def returns(d, out):
    """The three returns of the scenario, from the docx of the CTG in `d`."""
    base = os.path.join(out, "convention.docx")
    run(d, "render", ".", "-f", "docx", "-o", base, code=0)
    files = read(base)
    xml = files["word/document.xml"].decode()
    a = tracked(xml, "art-6-al-9", "assuré par la", "assuré conjointement par la Caf et la", MEES,
                "2026-03-12T10:15:00Z")
    write(os.path.join(out, "mees.docx"), {**files, "word/document.xml": a.encode()})
    b = silent(xml, "offre-paa-eaje_psu-2027", "200", "210")
    write(os.path.join(out, "paa.docx"), {**files, "word/document.xml": b.encode()})
    c, comments = comment(xml, "fiche-fiche-1-objectif_global-al-1", "Prévoir un indicateur par commune.", CD,
                          "2026-03-15T14:00:00Z")
    write(os.path.join(out, "departement.docx"), {**files, "word/document.xml": c.encode(),
                                                   "word/comments.xml": comments.encode()})
    return [os.path.join(out, n) for n in ("mees.docx", "paa.docx", "departement.docx")], files, xml


def line_of(path, text):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if text in line:
                return n
    raise SystemExit(f"{text} absent de {path}")


# --- The scenario -----------------------------------------------------------------------------------------------
mees_dir = fresh("les-mees")
before = snapshot(mees_dir)
out = os.path.join(tmp, "retours")
os.mkdir(out)
rets, files, xml = returns(mees_dir, out)

# The report: authors, dates, source positions.
d = run(mees_dir, "retours", ".", *rets, "-f", "json", code=1)
report = json.loads(d.stdout or "{}")
by = {os.path.basename(x["fichier"]): x["changements"] for x in report.get("retours", [])}
art_line = line_of(os.path.join(mees_dir, "ctg.yaml"), "Le secrétariat permanent est assuré par la")
offer_line = line_of(os.path.join(mees_dir, "annexe-3-plan-actions.yaml"), "projection: { 2026: 189, 2027: 200")
rep = [c for c in by.get("mees.docx", []) if c["type"] == "remplacement"]
if len(by.get("mees.docx", [])) != 1 or not rep or rep[0]["avant"] != "assuré par la" \
        or rep[0]["texte"] != "assuré conjointement par la Caf et la" or rep[0]["auteur"] != MEES \
        or rep[0]["date"] != "2026-03-12T10:15:00Z" or rep[0]["position"] != {"fichier": "./ctg.yaml", "ligne": art_line,
                                                                               "colonne": 7}:
    fail(f"mees.docx : {by.get('mees.docx')}")
cell = by.get("paa.docx", [])
if len(cell) != 1 or cell[0]["type"] != "sans_suivi" or cell[0]["avant"] != "200" or cell[0]["texte"] != "210" \
        or cell[0]["position"] != {"fichier": "./annexe-3-plan-actions.yaml", "ligne": offer_line, "colonne": 21}:
    fail(f"paa.docx : {cell}")
com = by.get("departement.docx", [])
if len(com) != 1 or com[0]["type"] != "commentaire" or com[0]["auteur"] != CD or not com[0]["date"].startswith("2026-03-15") \
        or com[0]["ancre"] != "fiche-fiche-1-objectif_global-al-1" or not (com[0]["position"] or {}).get("ligne"):
    fail(f"departement.docx : {com}")
d = run(mees_dir, "retours", ".", *rets, code=1)
text = d.stdout.replace("\u00a0", " ").replace("\u202f", " ")
for want in ["(Commune des Mées, J. Martin, 12 mars 2026)", f"./ctg.yaml:{art_line}:7",
             f"./annexe-3-plan-actions.yaml:{offer_line}:21", "Département, M. Roux, 15 mars 2026"]:
    if want not in text:
        fail(f"rapport texte sans {want!r} : {text[:800]!r}")
if snapshot(mees_dir) != before:
    fail("ctg retours sans --appliquer a modifié la source")

# --appliquer: the two exact changes, the comment left, the checks of validate.
d = run(mees_dir, "retours", ".", *rets, "--appliquer", code=1)  # 1: the comment is left for reading
text = d.stdout.replace("\u00a0", " ").replace("\u202f", " ")
applied = text[text.find("Appliqué à la source"):text.find("À reporter à la main")]
left = text[text.find("À reporter à la main"):text.find("Vérification de la source modifiée")]
if "« par » → « conjointement par la Caf et » (Commune des Mées, J. Martin, 12 mars 2026 ; " not in applied \
        or "« 200 » → « 210 » (modifié sans suivi des modifications ; " not in applied:
    fail(f"appliqué : {applied!r}")
if "Prévoir un indicateur par commune." not in left or "commentaire : à lire, jamais appliqué" not in left \
        or left.count("\n  ") != 1:
    fail(f"à reporter : {left!r}")
if "Vérification de la source modifiée (ctg validate)" not in text or "aucune erreur" not in text:
    fail(f"vérification : {text[-600:]!r}")
after = snapshot(mees_dir)
changed = sorted(k for k in after if after[k] != before.get(k))
if changed != ["annexe-3-plan-actions.yaml", "ctg.yaml"] or set(after) != set(before):
    fail(f"fichiers modifiés : {changed}")
want_ctg = before["ctg.yaml"].replace("est assuré par la communauté".encode(),
                                      "est assuré conjointement par la Caf et la communauté".encode(), 1)
want_annexe = before["annexe-3-plan-actions.yaml"].replace(b"{ 2026: 189, 2027: 200,", b"{ 2026: 189, 2027: 210,", 1)
if after["ctg.yaml"] != want_ctg:
    fail("ctg.yaml : d'autres octets que la phrase de l'article 6 ont changé")
if after["annexe-3-plan-actions.yaml"] != want_annexe:
    fail("annexe-3-plan-actions.yaml : d'autres octets que la projection 2027 ont changé")

# ctg diff (git: HEAD against the working tree) shows exactly those two changes.
d = run(mees_dir, "diff", "--git", "HEAD", "-f", "json", code=1)
diff = json.loads(d.stdout or "{}")
paths = sorted(c["chemin"] for c in diff.get("changements", []))
if paths != ["articles[collaboration].texte", "offre_petite_enfance[paa].lignes[eaje_psu].projection.2027"]:
    fail(f"ctg diff --git HEAD : {paths}")
git(mees_dir, "stash", "-q")
shutil.copytree(mees_dir, os.path.join(tmp, "avant"), ignore=shutil.ignore_patterns(".git"))
git(mees_dir, "stash", "pop", "-q")
d = run(tmp, "avenant", "avant", mees_dir, code=0)
avenant = d.stdout.replace("\u00a0", " ").replace("\u202f", " ")
if "Le seizième alinéa de l'article 6 « Modalités de collaboration » est remplacé par les dispositions suivantes : " \
        "« Le secrétariat permanent est assuré conjointement par la Caf et la communauté d’agglomération. »" not in avenant \
        or "pour 2027 passe de 200 à 210" not in avenant:
    fail(f"avenant : {avenant[:1500]!r}")

# Applying again: the returns were cut from the version before: nothing applied, the files untouched.
d = run(mees_dir, "retours", ".", *rets, "--appliquer", "-f", "json", code=1)
again = json.loads(d.stdout or "{}")
if again.get("appliques") != [] or not again.get("a_reporter") or snapshot(mees_dir) != after \
        or not all("autre version de la source" in x["raison"] for x in again["a_reporter"]):
    fail(f"retours appliqués deux fois : {again.get('appliques')} {[x['raison'] for x in again.get('a_reporter', [])]}")

# --- The same return through LibreOffice, applied in JSON ---------------------------------------------------------
if shutil.which("soffice"):
    lo_dir = fresh("libreoffice")
    lo_before = snapshot(lo_dir)
    lo_out = os.path.join(tmp, "lo")
    os.mkdir(lo_out)
    profile = "file://" + os.path.join(tmp, "profil")
    done = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
                           "--outdir", lo_out, rets[0]], capture_output=True, text=True, timeout=600)
    lo = os.path.join(lo_out, "mees.docx")
    if done.returncode != 0 or not os.path.exists(lo):
        fail(f"soffice : {done.returncode} {done.stderr[:300]}")
    else:
        d = run(lo_dir, "retours", ".", lo, "--appliquer", "-f", "json", code=0)
        j = json.loads(d.stdout or "{}")
        got = snapshot(lo_dir)
        if got["ctg.yaml"] != want_ctg or any(got[k] != lo_before[k] for k in got if k != "ctg.yaml"):
            fail(f"après LibreOffice : appliqués {j.get('appliques')}, à reporter {j.get('a_reporter')}")
        if [a["ancre"] for a in j.get("appliques", [])] != ["art-6-al-9"] \
                or j["appliques"][0]["changements"][0].get("auteur") != MEES \
                or j.get("fichiers_modifies") != ["./ctg.yaml"] or (j.get("verification") or {}).get("erreurs") != 0:
            fail(f"JSON de --appliquer après LibreOffice : {json.dumps(j, ensure_ascii=False)[:800]}")
else:
    fail("soffice introuvable (paquet Debian libreoffice-writer-nogui)")


# --- Quoting stays valid ----------------------------------------------------------------------------------------
def single_quoted_title(d):
    p = os.path.join(d, "ctg.yaml")
    s = open(p, encoding="utf-8").read().replace("titre: Modalités de collaboration", "titre: 'Modalités de collaboration'", 1)
    open(p, "w", encoding="utf-8").write(s)


q_dir = fresh("guillemets", single_quoted_title)
q_before = snapshot(q_dir)
q_out = os.path.join(tmp, "q")
os.mkdir(q_out)
run(q_dir, "render", ".", "-f", "docx", "-o", os.path.join(q_out, "c.docx"), code=0)
qf = read(os.path.join(q_out, "c.docx"))
qx = qf["word/document.xml"].decode()
qx = silent(qx, "article-6", "Modalités de collaboration", "Modalités de collaboration de l'équipe")
qx = silent(qx, "article-7", "Échanges de données", "Échanges de données : principes")
write(os.path.join(q_out, "q.docx"), {**qf, "word/document.xml": qx.encode()})
run(q_dir, "retours", ".", os.path.join(q_out, "q.docx"), "--appliquer", code=0)
got = snapshot(q_dir)["ctg.yaml"]
want = q_before["ctg.yaml"].replace("titre: 'Modalités de collaboration'".encode(),
                                    "titre: 'Modalités de collaboration de l''équipe'".encode(), 1) \
    .replace("titre: Échanges de données\n".encode(), "titre: 'Échanges de données : principes'\n".encode(), 1)
if got != want:
    fail("guillemets : " + " | ".join(l for l in got.decode().splitlines() if "titre: " in l and ("équipe" in l or "principes" in l)))

# --- Never applied: conflicts, another version; bad input: exit 2, nothing written ----------------------------------
c_dir = fresh("conflit")
c_before = snapshot(c_dir)
c_out = os.path.join(tmp, "c")
os.mkdir(c_out)
c_rets, c_files, c_xml = returns(c_dir, c_out)
other = silent(c_xml, "art-6-al-9", "assuré par la", "assuré par la seule")
write(os.path.join(c_out, "autre.docx"), {**c_files, "word/document.xml": other.encode()})
d = run(c_dir, "retours", ".", c_rets[0], os.path.join(c_out, "autre.docx"), "--appliquer", "-f", "json", code=1)
j = json.loads(d.stdout or "{}")
reasons = [x["raison"] for x in j.get("a_reporter", [])]
if j.get("appliques") != [] or len(reasons) != 2 or not all("conflit" in x for x in reasons) or snapshot(c_dir) != c_before:
    fail(f"conflit appliqué : {j.get('appliques')} {reasons}")

p = os.path.join(c_dir, "ctg.yaml")
open(p, "ab").write(b"# une ligne de plus : une autre version de la source\n")
c_before = snapshot(c_dir)
d = run(c_dir, "retours", ".", c_rets[1], "--appliquer", code=1)
if "autre version de la source" not in d.stdout or snapshot(c_dir) != c_before:
    fail(f"retour d'une autre version appliqué : {d.stdout[:600]!r}")

bad = os.path.join(c_out, "pas-un-docx.docx")
open(bad, "w").write("texte\n")
d = run(c_dir, "retours", ".", c_rets[1], bad, "--appliquer", code=2)
if "n'est pas un document Word" not in d.stderr or d.stdout or snapshot(c_dir) != c_before:
    fail(f"retour illisible : {d.stderr[:300]!r}")
d = run(c_dir, "retours", ".", c_rets[1], "--appliquer", "-o", "ctg.yaml", code=2)
if "rien n'est écrit" not in d.stderr or snapshot(c_dir) != c_before:
    fail(f"-o sur la source : {d.stderr[:300]!r}")
d = run(c_dir, "retours", ".", c_rets[1], "--appliquer", "-o", os.path.join(tmp, "absent", "note.txt"), code=2)
if "n'existe pas" not in d.stderr or snapshot(c_dir) != c_before:
    fail(f"-o dans un dossier absent : {d.stderr[:300]!r}")

# The same change in two returns: no conflict, applied once, both returns named.
same_dir = fresh("meme-changement")
same = os.path.join(out, "mees-bis.docx")
shutil.copy(rets[0], same)
d = run(same_dir, "retours", ".", rets[0], same, "--appliquer", "-f", "json", code=0)
j = json.loads(d.stdout or "{}")
if [a["fichier"] for a in j.get("appliques", [])] != [f"{rets[0]}, {same}"] or j.get("conflits") \
        or len(j["appliques"][0]["changements"]) != 2 or snapshot(same_dir)["ctg.yaml"] != want_ctg:
    fail(f"même changement dans deux retours : {j.get('appliques')} {j.get('conflits')}")

shutil.rmtree(tmp)
if failures:
    print(f"{len(failures)} échec(s)")
    sys.exit(1)
print("retours --appliquer : tout est conforme")
