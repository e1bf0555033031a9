#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""ctg retours (issue 24): partners' returns built the way Word writes them,
from a docx of `ctg render -f docx` whose word/document.xml is edited with
Word's own markup — authors and dates, a deletion spanning two runs followed
by an insertion, a change inside an offer table cell, a paragraph inserted
between two alinéas, a comment over two paragraphs — a return edited with
tracking off, one that went through LibreOffice Writer, and a conflict
between two returns; checked in text, Markdown and JSON (ctg-retours/1), with
the source positions. Bad input (not a docx, no document.xml, a zip bomb,
too many entries, an XML with entities, a docx of another CTG or without
anchors): a French error, exit 2, nothing written.

UPDATE=1 rewrites the small fixtures of tests/data/retours (made from the
convention part only) that the end of this test reads back.
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
paa = os.path.join("examples", "provence-alpes-agglomeration")
fixtures = os.path.join(root, "tests", "data", "retours")
failures = []
tmp = tempfile.mkdtemp()
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def fail(msg):
    failures.append(msg)
    print("ÉCHEC", msg)


def run(*args, code=None):
    done = subprocess.run([ctg, *args], cwd=root, capture_output=True, text=True, timeout=600)
    if code is not None and done.returncode != code:
        fail(f"ctg {' '.join(args)} : code {done.returncode}, attendu {code} ; {done.stderr[:400]}")
    return done




def edit_run(xml, name, old, make):
    """Replaces, in bookmark `name`, the run holding `old` by make(rPr, before, after)."""
    a, b = region(xml, name)
    for m in RUN.finditer(xml, a, b):
        if old in m.group(2):
            pre, post = m.group(2).split(old, 1)
            rpr = m.group(1) or ""
            return xml[:m.start()] + make(rpr, pre, post) + xml[m.end():]
    raise SystemExit(f"« {old} » introuvable dans {name}")


def r(rpr, text, tag="w:t"):
    return f'<w:r>{rpr}<{tag} xml:space="preserve">{text}</{tag}></w:r>' if text else ""


def tracked_replace(xml, name, old, new, author, date, split=False):
    def make(rpr, pre, post):
        parts = old.split(" ", 1) if split else [old]
        if split:
            parts[0] += " "
        dels = "".join(r(rpr, p, "w:delText") for p in parts)
        return (r(rpr, pre) + f'<w:del w:id="901" w:author="{author}" w:date="{date}">{dels}</w:del>'
                + f'<w:ins w:id="902" w:author="{author}" w:date="{date}">{r(rpr, new)}</w:ins>' + r(rpr, post))
    return edit_run(xml, name, old, make)


def silent_replace(xml, name, old, new):
    return edit_run(xml, name, old, lambda rpr, pre, post: r(rpr, pre + new + post))


def build_returns(base, out_dir):
    files = read(base)
    xml = files["word/document.xml"].decode()
    # A: tracked changes and a comment, as Word writes them.
    a = tracked_replace(xml, "art-6-al-2", "les parties décident", "les signataires décident ensemble",
                        "J. Martin", "2026-03-12T10:15:00Z", split=True)
    if "offre-paa-eaje_psu-2027" in a:
        a = tracked_replace(a, "offre-paa-eaje_psu-2027", "200", "210", "Commune des Mées", "2026-03-14T08:00:00Z")
    _, end1 = region(a, "art-6-al-1")
    close1 = a.index("/>", end1) + 2  # after the bookmarkEnd of art-6-al-1
    a = (a[:close1] + '<w:p><w:ins w:id="903" w:author="J. Martin" w:date="2026-03-12T10:20:00Z">'
         + r("", "Un alinéa ajouté entre deux autres.") + "</w:ins></w:p>" + a[close1:])
    s1, _ = region(a, "art-6-al-1")
    a = a[:s1] + '<w:commentRangeStart w:id="0"/>' + a[s1:]
    _, e2 = region(a, "art-6-al-2")
    p_end = a.rindex("</w:p>", 0, e2)
    a = (a[:p_end] + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>' + a[p_end:])
    comments = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {W}>'
                '<w:comment w:id="0" w:author="Marie Dupont" w:date="2026-03-13T09:00:00Z" w:initials="MD">'
                '<w:p><w:r><w:t>Le comité doit aussi associer la MSA.</w:t></w:r></w:p></w:comment></w:comments>')
    write(os.path.join(out_dir, "suivi.docx"), {**files, "word/document.xml": a.encode(),
                                                 "word/comments.xml": comments.encode()})
    # B: edited with tracking off.
    b = silent_replace(xml, "art-6-al-1", "moyens humains", "moyens humains et financiers")
    write(os.path.join(out_dir, "sans-suivi.docx"), {**files, "word/document.xml": b.encode()})
    # D: another partner changes the same alinéa differently, tracking off.
    d = silent_replace(xml, "art-6-al-2", "les parties décident", "la Caf décide")
    write(os.path.join(out_dir, "autre.docx"), {**files, "word/document.xml": d.encode()})


def libreoffice(src, out_dir):
    profile = "file://" + os.path.join(tmp, "profil")
    done = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
                           "--outdir", out_dir, src], capture_output=True, text=True, timeout=600)
    out = os.path.join(out_dir, os.path.basename(src))
    if done.returncode != 0 or not os.path.exists(out):
        fail(f"soffice : {done.returncode} {done.stderr[:300]}")
        return None
    return out


def source_line(text):
    """ctg.yaml:LINE:COL of the line holding `text`."""
    with open(os.path.join(root, paa, "ctg.yaml"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if text in line:
                return f"{paa}/ctg.yaml:{n}:{len(line) - len(line.lstrip()) + 1}"
    raise SystemExit(f"{text} absent de ctg.yaml")


base = os.path.join(tmp, "convention.docx")
run("render", paa, "-f", "docx", "-o", base, code=0)
build_returns(base, tmp)
suivi, sans, autre = (os.path.join(tmp, n) for n in ("suivi.docx", "sans-suivi.docx", "autre.docx"))

# The unchanged file: nothing to report.
d = run("retours", paa, base, code=0)
if "0 modification(s) suivie(s), 0 commentaire(s), 0 modification(s) sans suivi" not in d.stdout:
    fail(f"retour inchangé : {d.stdout[:400]!r}")

# A, B, D together, in JSON.
d = run("retours", paa, suivi, sans, autre, "-f", "json", code=1)
report = json.loads(d.stdout or "{}")
if report.get("format") != "ctg-retours/1":
    fail(f"format JSON : {report.get('format')!r}")
rets = {os.path.basename(x["fichier"]): x["changements"] for x in report.get("retours", [])}
al2, al1 = source_line("Pour mener à bien les objectifs"), source_line("Les parties s’engagent à mobiliser")


def find(changes, **want):
    return [c for c in changes if all(c.get(k) == v for k, v in want.items())]


def pos(c):
    p = c.get("position") or {}
    return f"{p.get('fichier')}:{p.get('ligne')}:{p.get('colonne')}"


rep = find(rets.get("suivi.docx", []), type="remplacement", ancre="art-6-al-2")
if not rep or rep[0]["avant"] != "les parties décident" or rep[0]["texte"] != "les signataires décident ensemble" \
        or rep[0]["auteur"] != "J. Martin" or not rep[0]["date"].startswith("2026-03-12"):
    fail(f"suivi.docx : remplacement de art-6-al-2 : {rep}")
elif pos(rep[0]) != al2:
    fail(f"suivi.docx : position {pos(rep[0])} au lieu de {al2}")
cell = find(rets.get("suivi.docx", []), type="remplacement", ancre="offre-paa-eaje_psu-2027")
if not cell or cell[0]["avant"] != "200" or cell[0]["texte"] != "210" or cell[0]["auteur"] != "Commune des Mées":
    fail(f"suivi.docx : cellule offre-paa-eaje_psu-2027 : {cell}")
ins = find(rets.get("suivi.docx", []), type="insertion", ancre=None, apres_ancre="art-6-al-1")
if not ins or ins[0]["texte"] != "Un alinéa ajouté entre deux autres.":
    fail(f"suivi.docx : alinéa ajouté hors des blocs : {ins}")
com = find(rets.get("suivi.docx", []), type="commentaire")
if not com or com[0]["texte"] != "Le comité doit aussi associer la MSA." or com[0]["auteur"] != "Marie Dupont" \
        or "Les parties" not in com[0]["sur"] or "comité de pilotage" not in com[0]["sur"] or com[0]["ancre"] != "art-6-al-1":
    fail(f"suivi.docx : commentaire sur deux paragraphes : {com}")
if find(rets.get("suivi.docx", []), type="sans_suivi"):
    fail(f"suivi.docx : retouche sans suivi inventée : {find(rets['suivi.docx'], type='sans_suivi')}")
silent = find(rets.get("sans-suivi.docx", []), type="sans_suivi", ancre="art-6-al-1")
if len(rets.get("sans-suivi.docx", [])) != 1 or not silent or "moyens humains et financiers" not in silent[0]["texte"] \
        or "moyens humains (personnels" not in silent[0]["avant"] or pos(silent[0]) != al1:
    fail(f"sans-suivi.docx : {rets.get('sans-suivi.docx')}")
conflicts = {c["ancre"]: sorted(os.path.basename(f) for f in c["fichiers"]) for c in report.get("conflits", [])}
if conflicts.get("art-6-al-2") != ["autre.docx", "suivi.docx"] or len(conflicts) != 1:
    fail(f"conflits : {conflicts}")

# Text and Markdown.
d = run("retours", paa, suivi, code=1)
d.stdout = d.stdout.replace("\xa0", " ")
want = f"« les parties décident » → « les signataires décident ensemble » (J. Martin, 12 mars 2026)"
if want not in d.stdout or f"article 6, 2e alinéa ({al2})" not in d.stdout:
    fail(f"texte : {d.stdout[:600]!r}")
out = os.path.join(tmp, "note.md")
run("retours", paa, suivi, sans, "-f", "md", "-o", out, code=1)
note = open(out, encoding="utf-8").read() if os.path.exists(out) else ""
if not note.startswith("# Retours des partenaires") or "Marie Dupont" not in note:
    fail(f"Markdown : {note[:300]!r}")

# Through LibreOffice: the tracked changes and the comment are still found.
if shutil.which("soffice"):
    lo_dir = os.path.join(tmp, "lo")
    lo = libreoffice(suivi, lo_dir)
    if lo:
        d = run("retours", paa, lo, "-f", "json", code=1)
        changes = json.loads(d.stdout or '{"retours":[{"changements":[]}]}')["retours"][0]["changements"]
        dels = [c for c in changes if c["type"] in ("remplacement", "suppression") and c["ancre"] == "art-6-al-2"
                and "les parties décident" in (c.get("avant") or c.get("texte") or "") and c["auteur"] == "J. Martin"]
        if not dels or not find(changes, type="commentaire", auteur="Marie Dupont"):
            fail(f"après LibreOffice : {changes[:6]}")
        # LibreOffice cuts a bookmark over list items in two starts of the same name: no edit invented.
        if find(changes, type="sans_suivi"):
            fail(f"après LibreOffice : retouches sans suivi inventées : {[c['ancre'] for c in find(changes, type='sans_suivi')]}")
else:
    fail("soffice introuvable (paquet Debian libreoffice-writer-nogui)")

# Bad input: French error, exit 2, nothing written.
def refused(path, words, what):
    target = os.path.join(tmp, "jamais.txt")
    d = run("retours", paa, path, "-o", target, code=2)
    if not all(w in d.stderr for w in words) or os.path.exists(target) or d.stdout:
        fail(f"{what} : {d.stderr[:300]!r}")


text = os.path.join(tmp, "note.txt")
open(text, "w").write("ceci n'est pas un document Word\n")
refused(text, ["n'est pas un document Word", "archive zip"], "fichier texte")
empty = os.path.join(tmp, "vide.docx")
write(empty, {"autre.txt": b"x"})
refused(empty, ["word/document.xml absent"], "archive sans document.xml")
bomb = os.path.join(tmp, "bombe.docx")
with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", b"<a>" + b" " * (80 << 20) + b"</a>")
refused(bomb, ["word/document.xml"], "bombe zip")
many = os.path.join(tmp, "entrees.docx")
with zipfile.ZipFile(many, "w", zipfile.ZIP_STORED) as z:
    for i in range(5001):
        z.writestr(f"x/{i}", b"")
refused(many, ["5001 entrées"], "trop d'entrées")
xxe = os.path.join(tmp, "entites.docx")
write(xxe, {"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                 b'<w:document ' + W.encode() + b'><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>'
                                 b'</w:body></w:document>'})
refused(xxe, ["DOCTYPE", "jamais résolus"], "entités XML")
other = os.path.join(tmp, "autre-ctg.docx")
run("render", os.path.join("examples", "commune-seule"), "-f", "docx", "-o", other, code=0)
refused(other, ["autre CTG"], "retour d'une autre CTG")
plain = os.path.join(tmp, "sans-ancres.docx")
subprocess.run(["pandoc", "-o", plain], input="Un texte sans signet.\n", text=True, check=True)
refused(plain, ["aucune ancre de cette CTG"], "docx sans ancres")

# The small fixtures (convention part only): the same findings, read back.
small = os.path.join(tmp, "petit")
os.mkdir(small)
run("render", paa, "--part", "convention", "-f", "docx", "-o", os.path.join(small, "convention.docx"), code=0)
build_returns(os.path.join(small, "convention.docx"), small)
if os.environ.get("UPDATE") == "1":
    os.makedirs(fixtures, exist_ok=True)
    shutil.copy(os.path.join(small, "suivi.docx"), os.path.join(fixtures, "suivi.docx"))
    shutil.copy(os.path.join(small, "sans-suivi.docx"), os.path.join(fixtures, "sans-suivi.docx"))
    if shutil.which("soffice"):
        lo = libreoffice(os.path.join(small, "suivi.docx"), os.path.join(small, "lo"))
        if lo:
            shutil.copy(lo, os.path.join(fixtures, "libreoffice.docx"))
    for name, data in (("bombe.docx", bomb), ("entites.docx", xxe)):
        if name == "bombe.docx":
            with zipfile.ZipFile(os.path.join(fixtures, name), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
                z.writestr("word/document.xml", b"<a>" + b" " * (80 << 20) + b"</a>")
        else:
            shutil.copy(data, os.path.join(fixtures, name))
for name in ("suivi.docx", "libreoffice.docx"):
    path = os.path.join(fixtures, name)
    if not os.path.exists(path):
        fail(f"fixture {name} absente (UPDATE=1 la crée)")
        continue
    d = run("retours", paa, path, "-f", "json", code=1)
    changes = json.loads(d.stdout or '{"retours":[{"changements":[]}]}')["retours"][0]["changements"]
    if not [c for c in changes if c["ancre"] == "art-6-al-2" and c["auteur"] == "J. Martin"] \
            or not find(changes, type="commentaire", auteur="Marie Dupont"):
        fail(f"fixture {name} : {changes[:4]}")
path = os.path.join(fixtures, "sans-suivi.docx")
if os.path.exists(path):
    changes = json.loads(run("retours", paa, path, "-f", "json", code=1).stdout or '{"retours":[{"changements":[]}]}')
    if not find(changes["retours"][0]["changements"], type="sans_suivi", ancre="art-6-al-1"):
        fail(f"fixture sans-suivi.docx : {changes}")
for name, words in (("bombe.docx", ["word/document.xml"]), ("entites.docx", ["DOCTYPE"])):
    path = os.path.join(fixtures, name)
    if os.path.exists(path):
        refused(path, words, f"fixture {name}")
    else:
        fail(f"fixture {name} absente (UPDATE=1 la crée)")

shutil.rmtree(tmp)
if failures:
    print(f"{len(failures)} échec(s)")
    sys.exit(1)
print("retours : tout est conforme")
