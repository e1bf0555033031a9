#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Issue 20, part B: what ctg writes, read by the programs the partners use.

A CTG whose plain fields (title, names, visas, table cells, representatives)
and Markdown texts (préambule, articles) carry hostile payloads — raw TeX,
TeX mathematics, raw attributes (`…`{=latex}, ```{=openxml}), a « --- »
metadata block with title and header-includes, bare URLs and e-mails, a
fence never closed, XML-illegal code points — is written:

- with -f md, and read by pandoc's default `markdown` reader, by its `gfm`
  reader and by cmark-gfm --unsafe: no raw block or inline, no mathematics,
  no citation, no link, no metadata, the payload shown literally, and the
  articles after the unclosed fence still headings;
- with -f docx by render, avenant (the payloads in the quoted old and new
  words) and bilan: every XML part of the Word file parses, no hyperlink,
  the page break and the next article's heading are not swallowed.
Usage: writers_test.py CTG RACINE
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.dom.minidom
import zipfile
from xml.etree import ElementTree

ctg, root = sys.argv[1], sys.argv[2]
failures = []
tmp = tempfile.mkdtemp()


def fail(msg):
    failures.append(msg)
    print("ÉCHEC", msg)


def run(*args, code=0):
    done = subprocess.run([ctg, *args], capture_output=True, text=True, timeout=600)
    if done.returncode != code:
        fail(f"ctg {' '.join(args)} : code {done.returncode}, attendu {code} ; {done.stderr[:400]}")
    return done


# Plain fields: one line, escaped by markdown::escape.
PLAIN = (r"Nom \input{/etc/passwd} `x`{=latex} $\input{/etc/hosts}$ ^haut^ `&`{=openxml} "
         "https://pirate.example www.pirate.example contact@pirate.example @cle")
# Markdown texts, kept by markdown::sanitize.
TEXT = "\n".join([
    r"Avant \input{/etc/passwd} et $\input{/etc/hosts}$ et `x`{=latex} et `&`{=openxml} et `y` {=html}.",
    "",
    "---",
    "title: pirate",
    r"header-includes: \input{/etc/passwd}",
    "...",
    "",
    "```{=latex}",
    r"\input{/etc/shadow}",
    "```",
    "",
    "~~~ {=openxml}",
    "<w:p><w:r><w:t>&</w:t></w:r>",
    "~~~",
    "",
    "> ```{=openxml}",
    "> <w:p>",
    "",
    "https://pirate.example www.pirate.example contact@pirate.example",
    "",
    "Fin du préambule.",
])
UNCLOSED = "Texte et un bloc jamais fermé :\n\n```\ncode sans fin"
# XML 1.0 refuses these: a Word file holding one does not open.
ILLEGAL = "Claire\ufffe\uffff\x01\x02\x1f"


def yaml_block(text, indent):
    return "|\n" + "\n".join((" " * indent + l) if l else "" for l in text.split("\n"))


def hostile(source):
    t = open(source, encoding="utf-8").read()
    q = json.dumps(PLAIN, ensure_ascii=False)
    t = t.replace("territoire: Commune de Valbelle-sur-Durance", f"territoire: {q}", 1)
    t = t.replace("nom: Caisse d'allocations familiales des Alpes-de-Haute-Provence", f"nom: {q}", 1)
    t = t.replace("prenom: Claire", f"prenom: {json.dumps(ILLEGAL)}", 1)
    t = t.replace("texte: Vu le Code de l'action sociale", f"texte: {json.dumps('Vu ' + PLAIN)} #", 1)
    t = t.replace("titre: Objet de la convention", f"titre: {q}", 1)
    t = t.replace("libelle: Population totale", f"libelle: {q}", 1)
    pre = t.index("preambule: |")
    end = t.index("\narticles:")
    t = t[:pre] + "preambule: " + yaml_block(TEXT, 2) + "\n" + t[end:]
    t = t.replace("      La présente convention définit le projet social du territoire pour les\n"
                  "      familles et ses modalités de mise en œuvre (annexes 1 à 3).",
                  yaml_block(UNCLOSED, 6)[2:], 1)
    return t


example = os.path.join(root, "examples", "commune-seule", "ctg.yaml")
bad = os.path.join(tmp, "ctg.yaml")
with open(bad, "w", encoding="utf-8") as f:
    f.write(hostile(example))
md = run("render", bad, "-f", "md").stdout
if "Durée de la convention" not in md:
    fail("le rendu Markdown de la CTG piégée est incomplet")


# ---------------------------------------------------------------- Markdown readers

def walk(node, found):
    if isinstance(node, dict):
        if "t" in node:
            found.setdefault(node["t"], []).append(node.get("c"))
        for v in node.values():
            walk(v, found)
    elif isinstance(node, list):
        for v in node:
            walk(v, found)


def plain_text(node):
    """The text of an AST: Str, Space, Code, CodeBlock joined."""
    out = []

    def go(n):
        if isinstance(n, dict):
            t, c = n.get("t"), n.get("c")
            if t == "Str":
                out.append(c)
            elif t in ("Space", "SoftBreak", "LineBreak"):
                out.append(" ")
            elif t in ("Code", "CodeBlock"):
                out.append(c[1])
            else:
                go(c)
        elif isinstance(n, list):
            for v in n:
                go(v)
    go(node)
    return "".join(out).replace("\u200b", "").replace("\u00a0", " ").replace("\u202f", " ")


def headers(ast):
    found = {}
    walk(ast["blocks"], found)
    return [plain_text(h[2]) for h in found.get("Header", [])]


for reader in ("markdown", "gfm"):
    before_reader = len(failures)
    done = subprocess.run(["pandoc", "-f", reader, "-t", "json"], input=md, capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"pandoc -f {reader} refuse le Markdown : {done.stderr[:300]}")
        continue
    ast = json.loads(done.stdout)
    found = {}
    walk(ast["blocks"], found)
    active = {k: v for k, v in found.items() if k in ("RawBlock", "RawInline", "Math", "Cite", "Link", "Image")}
    if active:
        fail(f"pandoc -f {reader} : éléments actifs dans le Markdown : "
             + ", ".join(f"{k} {json.dumps(v[0], ensure_ascii=False)[:120]}" for k, v in active.items()))
    if ast.get("meta"):
        fail(f"pandoc -f {reader} : métadonnées injectées : {json.dumps(ast['meta'], ensure_ascii=False)[:200]}")
    text = plain_text(ast["blocks"])
    for literal in (r"\input{/etc/passwd}", r"$\input{/etc/hosts}$", "`x`{=latex}", "^haut^", "title: pirate",
                    "https://pirate.example", "contact@pirate.example", "@cle"):
        if literal not in text:
            fail(f"pandoc -f {reader} : « {literal} » n'apparaît pas tel quel")
    heads = headers(ast)
    if not any("Durée de la convention" in h for h in heads):
        fail(f"pandoc -f {reader} : le bloc non fermé de l'article 1 avale la suite (titres : {heads[-3:]})")
    if len(failures) == before_reader:
        print(f"ok pandoc -f {reader} : rien d'actif, pas de métadonnées, textes littéraux, {len(heads)} titres")

html = subprocess.run(["cmark-gfm", "--unsafe", "--extension", "table", "--extension", "autolink",
                       "--extension", "strikethrough", "--extension", "footnotes"],
                      input=md, capture_output=True, text=True, check=True).stdout
if re.search(r"<a\s|<script|<w:|<b>", html):
    fail("cmark-gfm : lien ou balise active : " + re.search(r"<a\s[^>]*>|<script|<w:[^>]*>|<b>", html).group(0))
elif not re.search(r"<h2>Article 2[^<]*Durée de la convention</h2>", html):
    fail("cmark-gfm : le bloc non fermé de l'article 1 avale la suite")
elif "\\input{/etc/passwd}" not in html:
    fail("cmark-gfm : le texte n'apparaît pas tel quel")
else:
    print("ok cmark-gfm --unsafe : aucun lien ni balise, la suite de l'article 1 intacte")


# ---------------------------------------------------------------- Word files

def check_docx(path, what, heading=None):
    before = len(failures)
    try:
        z = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as e:
        fail(f"{what} : pas un fichier Word ({e})")
        return
    bad_parts = []
    for name in z.namelist():
        if name.endswith(".xml") or name.endswith(".rels"):
            data = z.read(name)
            try:
                ElementTree.fromstring(data)
                xml.dom.minidom.parseString(data)
            except Exception as e:  # ExpatError, ParseError
                bad_parts.append(f"{name} ({e})")
    if bad_parts:
        fail(f"{what} : XML mal formé : {', '.join(bad_parts)}")
        return
    rels = z.read("word/_rels/document.xml.rels").decode()
    if "hyperlink" in rels:
        fail(f"{what} : lien hypertexte dans le document ({rels.count('hyperlink')} relations)")
    doc = z.read("word/document.xml").decode()
    texts = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", doc))
    if "w:br" in texts or "w:type" in texts:
        fail(f"{what} : un saut de page imprimé comme du texte")
    paragraphs = [p for p in re.split(r"<w:p[ >]", doc) if heading and heading in "".join(re.findall(r"<w:t[^>]*>([^<]*)", p))]
    if heading and not any(re.search(r'<w:pStyle w:val="Heading\d" ?/>', p) for p in paragraphs):
        fail(f"{what} : « {heading} » n'est plus un titre (avalé par un bloc de code)")
    if "\\input{/etc/passwd}" not in texts:
        fail(f"{what} : le texte piégé n'apparaît pas tel quel")
    if len(failures) == before:
        print(f"ok {what} : {len(z.namelist())} parties XML bien formées, aucun lien, texte littéral")


if shutil.which("pandoc"):
    out = os.path.join(tmp, "convention.docx")
    run("render", bad, "-f", "docx", "-o", out)
    check_docx(out, "render -f docx", "Durée de la convention")

    # The avenant quotes the old and the new words: the payloads are in the new ones.
    before = os.path.join(tmp, "avant.yaml")
    shutil.copy(example, before)
    out = os.path.join(tmp, "avenant.docx")
    run("avenant", before, bad, "-f", "docx", "-o", out)
    check_docx(out, "avenant -f docx")
    amd = run("avenant", before, bad).stdout
    for reader in ("markdown", "gfm"):
        ast = json.loads(subprocess.run(["pandoc", "-f", reader, "-t", "json"], input=amd, capture_output=True,
                                        text=True, check=True).stdout)
        found = {}
        walk(ast["blocks"], found)
        active = [k for k in ("RawBlock", "RawInline", "Math", "Cite", "Link") if k in found]
        if active or ast.get("meta"):
            fail(f"avenant lu par pandoc -f {reader} : {active} {list(ast.get('meta', {}))}")
            break
    else:
        print("ok avenant -f md : inerte pour pandoc -f markdown et -f gfm")

    # The bilan: the payloads in an action's title and in a tracking comment.
    paa = os.path.join(tmp, "paa")
    shutil.copytree(os.path.join(root, "examples", "provence-alpes-agglomeration"), paa)
    for name in ("ctg.yaml", "annexe-3-plan-actions.yaml", "fiches-action.yaml"):
        p = os.path.join(paa, name)
        t = open(p, encoding="utf-8").read()
        t = re.sub(r"(\n\s+(?:titre|intitule|nom): )([^\n\"'|>{\[]+)\n", lambda m: m.group(1) + json.dumps(
            PLAIN + " " + ILLEGAL, ensure_ascii=False) + "\n", t, count=3)
        open(p, "w", encoding="utf-8").write(t)
    out = os.path.join(tmp, "bilan.docx")
    run("bilan", paa, "--annuel", "2026", "-f", "docx", "-o", out)
    check_docx(out, "bilan -f docx")

shutil.rmtree(tmp, ignore_errors=True)
sys.exit(1 if failures else 0)
