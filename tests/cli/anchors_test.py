#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The anchors of `ctg render -f docx` (issue 24): every block from the source
carries a bookmark named after the source's ids — each article and alinéa,
each visa, each party, each fiche and action clé, the rows and cells of the
offer tables and the equipments — found by zipfile in word/document.xml with
the text of its block; the custom document properties record the CTG's
title, its source, the digest of its files and the git revision; the
bookmarks survive a round trip through LibreOffice Writer (soffice
--headless --convert-to docx). The Markdown for readers has no anchors.
"""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

import yaml

ctg, root = sys.argv[1], sys.argv[2]
paa = os.path.join(root, "examples", "provence-alpes-agglomeration")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
failures = []
tmp = tempfile.mkdtemp()


def fail(msg):
    failures.append(msg)
    print("ÉCHEC", msg)


def run(*args, code=0):
    done = subprocess.run([ctg, *args], cwd=root, capture_output=True, text=True, timeout=600)
    if done.returncode != code:
        fail(f"ctg {' '.join(args)} : code {done.returncode}, attendu {code} ; {done.stderr[:400]}")
    return done


def bookmarks(docx):
    """name → the text between its start and its end, in document order."""
    body = ET.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    names, texts, open_ids, order = {}, {}, set(), []
    for el in body.iter():
        if el.tag == W + "bookmarkStart":
            i, name = el.get(W + "id"), el.get(W + "name")
            names[i] = name
            texts.setdefault(name, "")
            open_ids.add(i)
            order.append(name)
        elif el.tag == W + "bookmarkEnd":
            open_ids.discard(el.get(W + "id"))
        elif el.tag == W + "t" and el.text:
            for i in open_ids:
                texts[names[i]] += el.text
    return texts, order


def properties(docx):
    z = zipfile.ZipFile(docx)
    if "docProps/custom.xml" not in z.namelist():
        return {}
    custom = ET.fromstring(z.read("docProps/custom.xml"))
    return {p.get("name"): "".join(p.itertext()) for p in custom}


def squash(s):
    return re.sub(r"\s+", " ", s).strip()


docx = os.path.join(tmp, "convention.docx")
run("render", paa, "-f", "docx", "-o", docx)
texts, order = bookmarks(docx)
dupes = {n for n in order if order.count(n) > 1}
if dupes:
    fail(f"signets en double : {sorted(dupes)}")

# What the source holds, read with python3-yaml.
def load(name):
    with open(os.path.join(paa, name), encoding="utf-8") as f:
        return yaml.safe_load(f)


main = load("ctg.yaml")
fiches = load("fiches-action.yaml")["fiches_action"]
expected = {"art-6-al-1", "art-6-al-2", "art-6-al-3", "article-6", "offre-paa-eaje_psu", "offre-paa-eaje_psu-2027",
            "offre-paa-eaje_psu-actuel"}
expected |= {f"visa-{v['id']}" for v in main["visas"]}
expected |= {f"partie-{p['id']}" for p in main["parties"]}
expected |= {f"visa-deliberation-{p['id']}" for p in main["parties"] if p.get("deliberation")}
expected |= {f"art-{a['numero']}-al-1" for a in main["articles"]}
for f in fiches:
    expected.add(f"fiche-{f['id']}")
    expected.add(f"fiche-{f['id']}-objectif_global-al-1")
    expected |= {f"action-{f['id']}-{a['id']}" for a in f.get("actions_cles", [])}
# Word keeps 40 characters of a bookmark name: pandoc names a longer one « X » + its SHA-1 without the first digit.
expected = {n if len(n) <= 40 else "X" + hashlib.sha1(n.encode()).hexdigest()[1:] for n in expected}
missing = sorted(expected - set(texts))
if missing:
    fail(f"{len(missing)} signets absents : {missing[:12]}")
if not any(n.startswith("equipement-") for n in texts):
    fail("aucun signet d'équipement (annexe 2)")

# Each anchor holds its block's text.
article6 = next(a for a in main["articles"] if a["numero"] == 6)
alineas = [squash(p) for p in article6["texte"].split("\n\n") if p.strip()]
for k in (1, 2, 3):
    got = squash(texts.get(f"art-6-al-{k}", ""))
    if got != alineas[k - 1].replace("'", "’"):
        fail(f"art-6-al-{k} : {got[:80]!r} au lieu de {alineas[k - 1][:80]!r}")
if texts.get("offre-paa-eaje_psu-2027", "").strip() != "200":
    fail(f"offre-paa-eaje_psu-2027 : {texts.get('offre-paa-eaje_psu-2027')!r} au lieu de « 200 »")
first = fiches[0]
action = first["actions_cles"][0]
name = f"action-{first['id']}-{action['id']}"
if squash(action["texte"])[:40].replace("'", "’") not in squash(texts.get(name, "")):
    fail(f"{name} : {texts.get(name)!r}")
if "Caisse des Allocations familiales" not in texts.get("partie-caf04", ""):
    fail(f"partie-caf04 : {texts.get('partie-caf04', '')[:80]!r}")

# Where the document comes from.
props = properties(docx)
if props.get("ctg-titre") != main["convention"]["titre"]:
    fail(f"ctg-titre : {props.get('ctg-titre')!r}")
if not re.fullmatch(r"sha256:[0-9a-f]{64}", props.get("ctg-empreinte", "")):
    fail(f"ctg-empreinte : {props.get('ctg-empreinte')!r}")
head = subprocess.run(["git", "-C", paa, "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
if head and props.get("ctg-revision") != head:
    fail(f"ctg-revision : {props.get('ctg-revision')!r} au lieu de {head}")
# The digest follows the bytes of every file of the source, and only them.
copy = os.path.join(tmp, "copie")
shutil.copytree(paa, copy)
again = os.path.join(tmp, "again.docx")
run("render", copy, "-f", "docx", "-o", again)
if properties(again).get("ctg-empreinte") != props.get("ctg-empreinte"):
    fail("la même source dans un autre dossier donne une autre empreinte")
if "ctg-revision" in properties(again):
    fail("ctg-revision écrite pour un dossier hors de git")
with open(os.path.join(copy, "fiches-action.yaml"), "a", encoding="utf-8") as f:
    f.write("# un commentaire\n")
run("render", copy, "-f", "docx", "-o", again)
if properties(again).get("ctg-empreinte") == props.get("ctg-empreinte"):
    fail("une inclusion modifiée ne change pas l'empreinte")

# The Markdown for readers stays free of Word's anchors.
md = run("render", paa).stdout
if ":::" in md or "{#" in md:
    fail("le Markdown pour les lecteurs contient des ancres (::: ou {#)")

# Through LibreOffice Writer and back.
if shutil.which("soffice"):
    out = os.path.join(tmp, "lo")
    profile = "file://" + os.path.join(tmp, "profil")
    done = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
                           "--outdir", out, docx], capture_output=True, text=True, timeout=600)
    back = os.path.join(out, "convention.docx")
    if done.returncode != 0 or not os.path.exists(back):
        fail(f"soffice : {done.returncode} {done.stderr[:300]}")
    else:
        texts2, _ = bookmarks(back)
        lost = sorted(set(texts) - set(texts2))
        if lost:
            fail(f"{len(lost)} signets perdus par LibreOffice : {lost[:12]}")
        for name in ("art-6-al-2", "offre-paa-eaje_psu-2027", "partie-caf04"):
            if squash(texts2.get(name, "")) != squash(texts.get(name, "")):
                fail(f"{name} après LibreOffice : {texts2.get(name, '')[:80]!r}")
else:
    fail("soffice introuvable (paquet Debian libreoffice-writer-nogui)")

shutil.rmtree(tmp)
if failures:
    print(f"{len(failures)} échec(s)")
    sys.exit(1)
print(f"ancres : {len(texts)} signets, tout est conforme")
