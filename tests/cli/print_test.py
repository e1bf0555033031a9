#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""ctg render -f pdf and -f docx (lib/print/print.cpp), as the partners open them.

- PDF through the Debian chromium: pdftotext finds « Page N sur M » on every
  page and « PROJET » on every page of a draft, on none of a signable one;
  pdffonts finds every font embedded; nothing is wider than the A4 text block
  (pdftotext -bbox: no word beyond the right margin);
- Word through pandoc and the project's reference document: python3-docx
  opens it, finds the tables and their rows, the signature cells with their
  height, « Page … sur … » in the footer, « PROJET » in the header of a draft,
  the charts as images;
- a missing chromium or pandoc: a French error, exit 2, the existing file
  untouched and no temporary file left; -o required.
"""
import html
import os
import re
import shutil
import subprocess
import sys
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
from common import ctg, root, paa, tmp, fail, run, finish


def pages_of(pdf):
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def check_pdf(pdf, draft, what):
    pages = pages_of(pdf)
    n = len(pages)
    for i, p in enumerate(pages, 1):
        if f"Page {i} sur {n}" not in p:
            fail(f"{what} : « Page {i} sur {n} » absent de la page {i}")
            break
        if draft and "PROJET" not in p:
            fail(f"{what} : « PROJET » absent de la page {i}")
            break
        if not draft and "PROJET" in p:
            fail(f"{what} : « PROJET » sur la page {i} d'un document signable")
            break
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    not_embedded = [l for l in fonts if l.split()[-5] != "yes"]
    if not fonts or not_embedded:
        fail(f"{what} : polices non incorporées : {not_embedded}")
    # Nothing beyond the right margin: A4 is 595 pt wide, the margin 1.8 cm (51 pt).
    bbox = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    xmax = max(float(x) for x in re.findall(r'xMax="([\d.]+)"', bbox))
    if xmax > 595 - 51 + 4:  # a glyph's side bearing may pass the box by a point or two
        fail(f"{what} : un mot dépasse la marge droite (x = {xmax:.0f} pt > 548)")
    print(f"ok {what} : {n} pages numérotées « Page N sur {n} », PROJET {'partout' if draft else 'nulle part'}, "
          f"{len(fonts)} polices incorporées, texte jusqu'à x = {xmax:.0f} pt (limite 546)")
    return pages


# ---------------------------------------------------------------- PDF

pdf = os.path.join(tmp, "convention.pdf")
run("render", paa, "-f", "pdf", "-o", pdf)
pages = check_pdf(pdf, True, "PDF de l'exemple réel (projet)")
if pages and "Convention territoriale globale" not in pages[0]:
    fail("PDF : la page de couverture n'a pas le titre")
# No heading alone at the foot of a page: the last line before the page number is never a heading.
md = subprocess.run([ctg, "render", paa], capture_output=True, text=True).stdout
headings = {re.sub(r"\s+", " ", h.replace("\\", "")).strip() for h in re.findall(r"^#{2,4} (.+)$", md, re.M)}
page_html = run("render", paa, "-f", "html", output="stdout")
headings |= {re.sub(r"\s+", " ", html.unescape(c)).strip() for c in re.findall(r"<caption>(.*?)</caption>", page_html)}
orphans = []
for i, p in enumerate(pages, 1):
    lines = [l.strip() for l in p.splitlines() if l.strip() and not re.fullmatch(r"Page \d+ sur \d+", l.strip())]
    if lines and re.sub(r"\s+", " ", lines[-1]) in headings:
        orphans.append((i, lines[-1]))
# A table's header rows alone at the foot of a page: the same lines start the next page (the header repeated).
for i in range(len(pages) - 1):
    foot = [re.sub(r"\s+", " ", l.strip()) for l in pages[i].splitlines()
            if l.strip() and not re.fullmatch(r"Page \d+ sur \d+", l.strip())]
    top = [re.sub(r"\s+", " ", l.strip()) for l in pages[i + 1].splitlines() if l.strip() and l.strip() != "PROJET"]
    for k in (1, 2, 3):
        if len(foot) > k and foot[-k:] == top[:k] and len(top) > k:
            orphans.append((i + 1, "en-tête de tableau : " + foot[-k][:40]))
            break
if orphans:
    fail(f"PDF : titres seuls en bas de page : {orphans}")
else:
    print(f"ok PDF : aucun titre seul en bas de page ({len(headings)} titres)")
signature_pages = [i for i, p in enumerate(pages, 1) if "Fait à" in p]
if len(signature_pages) != 1:
    fail(f"PDF : « Fait à » sur les pages {signature_pages}, une seule attendue")


def words_by_page(pdf):
    """pdftotext -bbox: per page, the words with their boxes (points, y downwards)."""
    xml = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    out = []
    for page in re.findall(r"<page[^>]*>(.*?)</page>", xml, re.S):
        out.append([(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w in
                    re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)])
    return out


def check_signature_boxes(pdf, what, expected):
    """Every box: its « Signature et cachet » about 4 cm under the name above it, on the same page."""
    boxes, gaps, pages_used = 0, [], set()
    for n, words in enumerate(words_by_page(pdf), 1):
        for i, (x0, y0, x1, y1, w) in enumerate(words):
            if w != "Signature" or i + 2 >= len(words) or words[i + 1][4] != "et" or words[i + 2][4] != "cachet":
                continue
            boxes += 1
            pages_used.add(n)
            right = x0 > 297
            above = [b for b in words if b[3] < y0 - 1 and (b[0] > 297) == right]
            gaps.append(y0 - max(b[3] for b in above) if above else 0)
    if boxes != expected:
        fail(f"{what} : {boxes} cases de signature, {expected} attendues")
    small = [round(g) for g in gaps if not 105 <= g <= 200]  # 4 cm = 113 pt; more than 7 cm: the name is on another page
    if small:
        fail(f"{what} : espace pour signer hors de 105–200 pt entre le nom et « Signature et cachet » : {small}")
    print(f"ok {what} : {boxes} cases de signature, {min(gaps, default=0):.0f} à {max(gaps, default=0):.0f} pt pour signer "
          f"(4 cm = 113 pt), pages {sorted(pages_used)}")


check_signature_boxes(pdf, "PDF de l'exemple réel (projet)", 13)


# ---------------------------------------------------------------- print and typography (issue 19)

def squeeze_text(t):
    return re.sub(r"[\s\u00ad\u2011-]+", "", t)


def check_sommaire(pdf, pages, what):
    """Every entry of the sommaire has a page number, and its heading is on that page; a PDF outline exists."""
    start = next((i for i, p in enumerate(pages) if "Sommaire" in p), None)
    if start is None:
        return fail(f"{what} : pas de sommaire")
    entries = re.findall(r"^\s*(?:\d+\.\s+)?(.+?)\s{2,}(\d+)\s*$", pages[start], re.M)
    wrong = [(t, n) for t, n in entries if not 1 <= int(n) <= len(pages) or squeeze_text(t) not in squeeze_text(pages[int(n) - 1])]
    if len(entries) < 30 or wrong:
        fail(f"{what} : sommaire, {len(entries)} entrées numérotées ; titre absent de sa page : {wrong[:4]}")
    data = open(pdf, "rb").read()
    titles = re.findall(rb"/Title [(<]", data)
    if b"/Type /Outlines" not in data or len(titles) < 20:
        fail(f"{what} : pas de signets (outline) dans le PDF ({len(titles)} titres)")
    print(f"ok {what} : sommaire de {len(entries)} entrées avec leur page, {len(titles)} signets")


def pgm(pdf, page, dpi):
    """The page as a grey image: (width, height, bytes)."""
    out = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), pdf],
                         capture_output=True, check=True).stdout
    head = out.split(b"\n", 3)
    w, h = map(int, head[1].split())
    return w, h, head[3]


def check_signature_borders(pdf, pages, what):
    """The boxes' right border as dark as their left one at 100 dpi (clipped at the text block's edge: issue 19)."""
    n = next(i for i, p in enumerate(pages, 1) if "Signature et cachet" in p)
    w, h, px = pgm(pdf, n, 100)
    columns = []  # (x, median grey) of every vertical line longer than 100 px: the boxes' borders
    for x in range(w):
        run_, best, at = 0, 0, 0
        for y in range(h):
            run_ = run_ + 1 if px[y * w + x] < 215 else 0
            if run_ > best:
                best, at = run_, y
        if best > 100:  # a box is 5 cm high: 200 px at 100 dpi
            greys = sorted(px[y * w + x] for y in range(at - best + 1, at + 1))
            columns.append((x, greys[len(greys) // 2]))
    # Two columns of boxes: four vertical borders, the last one as dark as the first and inside the text block.
    if len(columns) != 4:
        return fail(f"{what} : page {n}, {len(columns)} bordures verticales de cases de signature, 4 attendues "
                    f"(x = {[c[0] for c in columns]} px ; la bordure droite est-elle rognée ?)")
    left, right = columns[0], columns[-1]
    if right[1] > left[1] + 25 or right[0] > w * (595 - 51) / 595:
        fail(f"{what} : page {n}, bordure droite des cases rognée (gris {right[1]} à x = {right[0]} px, "
             f"bordure gauche gris {left[1]})")
    else:
        print(f"ok {what} : cases de signature entières, bordure droite à x = {right[0]} px (gris {right[1]}, gauche {left[1]})")


def check_layout(pdf, pages, what):
    """PROJET once on the cover; no « ↩ »; checkboxes on their label's line; the signatures after the last article."""
    if pages[0].count("PROJET") != 1:
        fail(f"{what} : « PROJET » {pages[0].count('PROJET')} fois sur la couverture, une attendue")
    if any("↩" in p for p in pages):
        fail(f"{what} : le glyphe « ↩ » des notes est imprimé")
    broken = []
    for n, words in enumerate(words_by_page(pdf), 1):
        for i, (x0, y0, x1, y1, w) in enumerate(words):
            if w in ("☐", "☒") and (i + 1 >= len(words) or abs(words[i + 1][1] - y0) > 2):
                broken.append((n, w))
            if w == "sans" and i + 1 < len(words) and words[i + 1][4] == "objet" and abs(words[i + 1][1] - y0) > 2:
                broken.append((n, "sans / objet"))
    if broken:
        fail(f"{what} : cases à cocher séparées de leur libellé : {broken[:5]}")
    cut = []  # « L. 214- / 2 », « n° 2026-153- / 004 », « L. / 214-2 »
    for n, words in enumerate(words_by_page(pdf), 1):
        for i, (x0, y0, x1, y1, w) in enumerate(words):
            if re.fullmatch(r"\d[\d-]*-", w) or (w in ("L.", "n°") and i + 1 < len(words) and abs(words[i + 1][1] - y0) > 2
                                                  and re.match(r"\d", words[i + 1][4])):
                cut.append((n, w))
    if cut:
        fail(f"{what} : références coupées en fin de ligne : {cut[:6]}")
    # Nothing too wide: chromium shrinks every page to fit the widest block. The body text at 10 pt is « Entre »
    # 11,6 pt high; Annexe 2's six columns of long capitalised words made it 10,6 (91 %), the AO table's long
    # mentions held on one line 9,7 (83 %): tables of five or six columns are now set smaller (html.cpp).
    entre = [y1 - y0 for n, words in enumerate(words_by_page(pdf), 1) for x0, y0, x1, y1, w in words if w == "Entre"]
    if not entre or entre[0] < 11.4:
        fail(f"{what} : texte réduit par chromium (« Entre » haut de {entre[:1]} pt, 11,6 attendus) : un bloc trop large")
    text = "".join(pages)
    if "−0,4 %" not in text.replace("\u00a0", " ") or "L. 214-2" not in text.replace("\u00a0", " "):
        fail(f"{what} : « −0,4 % » (signe moins) ou « L. 214-2 » introuvable par une recherche dans le PDF")
    s = next(i for i, p in enumerate(pages) if "Fait à" in p)
    before = [l for l in pages[s - 1].splitlines() if l.strip()]
    first = [l.strip() for l in pages[s].splitlines() if l.strip() and l.strip() != "PROJET"]
    if first and first[0] == "Signatures" and len(before) < 25:
        fail(f"{what} : page {s} aux trois quarts vide ({len(before)} lignes) avant les signatures")
    print(f"ok {what} : PROJET une fois en couverture, pas de « ↩ », cases à cocher sur la ligne de leur libellé, "
          f"références et nombres jamais coupés à un trait d'union, « −0,4 % », "
          f"signatures page {s + 1} sans page blanche avant")




def check_charts(pdf, what):
    """Every word drawn once (a stroked halo was a second copy of each chart word) and no text under 8 pt."""
    doubled, small = [], []
    for n, words in enumerate(words_by_page(pdf), 1):
        seen = set()
        for x0, y0, x1, y1, w in words:
            key = (w, round(x0), round((y0 + y1) / 2))  # the stroked copy has a taller box, the same centre
            if key in seen:
                doubled.append((n, w))
            seen.add(key)
            if y1 - y0 < 9.25:  # DejaVu: a word's box is 1,16 times its size; 8 pt gives 9,3 pt
                small.append((n, w, round((y1 - y0) / 1.16, 1)))
    if doubled or small:
        fail(f"{what} : mots dessinés deux fois : {doubled[:6]} ; texte sous 8 pt (page, mot, pt) : {small[:6]}")
    else:
        print(f"ok {what} : chaque mot des graphiques dessiné une fois, aucun texte sous 8 pt")


analyse_pdf = os.path.join(tmp, "analyse.pdf")
run("render", paa, "--part", "analyse", "-f", "pdf", "-o", analyse_pdf)
check_charts(analyse_pdf, "PDF du document d'analyse")
# The bilan's charts too (its halo was the same second copy of each figure).
bilan_pdf = os.path.join(tmp, "bilan.pdf")
run("bilan", paa, "--annuel", "2027", "-f", "pdf", "-o", bilan_pdf)
check_charts(bilan_pdf, "PDF du bilan annuel 2027")
check_sommaire(pdf, pages, "PDF de l'exemple réel")
check_signature_borders(pdf, pages, "PDF de l'exemple réel")
check_layout(pdf, pages, "PDF de l'exemple réel")

# A signable convention: the small example, completed.
signable = os.path.join(tmp, "signable")
shutil.copytree(os.path.join(root, "examples", "commune-seule"), signable)
done = subprocess.run([ctg, "validate", "--stage", "signature", signable], capture_output=True, text=True)
if done.returncode == 0:
    out = os.path.join(tmp, "signable.pdf")
    run("render", signable, "--stage", "signature", "-f", "pdf", "-o", out)
    check_pdf(out, False, "PDF d'une convention signable (--stage signature)")
    run("render", signable, "-f", "pdf", "-o", out)
    check_pdf(out, True, "PDF d'une convention signable, projet par défaut")
else:
    fail("examples/commune-seule ne passe pas validate --stage signature : " + done.stdout[-300:])

# The cover of an EPCI and its communes (issue 22: « the PDF cover spills onto
# page 2 with 49 signatories »): the CA du Grand Dole from ctg init, 49 parties
# (the Caf, the CA, 47 communes), every one on page 1, the Sommaire on page 2.
grand_dole = os.path.join(tmp, "grand-dole")
run("init", grand_dole, "--epci", "200010650", "--caf", "Caf du Jura", "--debut", "2026-01-01", "--fin", "2029-12-31")
cover_html = run("render", grand_dole, "-f", "html", output="stdout")
listed = re.search(r'<ul class="signataires[^"]*"[^>]*>(.*?)</ul>', cover_html, re.S)
signatories = [html.unescape(li) for li in re.findall(r"<li>(.*?)</li>", listed.group(1))] if listed else []
if len(signatories) != 49:
    fail(f"Grand Dole : {len(signatories)} signataires sur la couverture HTML, 49 attendus")
cover_pdf = os.path.join(tmp, "grand-dole.pdf")
run("render", grand_dole, "-f", "pdf", "-o", cover_pdf)
raw = subprocess.run(["pdftotext", cover_pdf, "-"], capture_output=True, text=True, check=True).stdout.split("\f")
squeeze = lambda t: re.sub(r"[\s\u00ad-]+", "", t)  # a name broken at its hyphen across two lines
missing = [s for s in signatories if squeeze(s) not in squeeze(raw[0])]
sommaire = next((i for i, p in enumerate(raw, 1) if "Sommaire" in p), 0)
if missing or sommaire != 2:
    fail(f"Grand Dole : couverture sur {sommaire - 1} pages (Sommaire page {sommaire}), "
         f"signataires hors de la page 1 : {missing[:5]}{'…' if len(missing) > 5 else ''}")
else:
    print(f"ok couverture de 49 signataires (Grand Dole) : une page, Sommaire page 2")

# ---------------------------------------------------------------- Word

docx = os.path.join(tmp, "convention.docx")
run("render", paa, "-f", "docx", "-o", docx)
checker = os.path.join(os.path.dirname(__file__), "docx_check.py")
python = sys.executable
if subprocess.run([python, "-c", "import docx"], capture_output=True).returncode != 0 and os.path.exists("/usr/bin/python3"):
    python = "/usr/bin/python3"  # python3-docx is a Debian package
done = subprocess.run([python, checker, docx, "projet"], capture_output=True, text=True)
print(done.stdout.strip())
if done.returncode != 0:
    fail("Word : " + (done.stdout + done.stderr)[-600:])

# Column widths from the content (w:gridCol), within the A4 text block, the table as wide as it.
with zipfile.ZipFile(docx) as z:
    body = z.read("word/document.xml").decode("utf-8")
    settings = z.read("word/settings.xml").decode("utf-8")
text_of = lambda xml: "".join(html.unescape(t) for t in re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml))
paragraphs = lambda xml: " ".join(text_of(p) for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S))
grids = []
for tbl in re.findall(r"<w:tbl>.*?</w:tbl>", body, re.S):
    if '<w:tblStyle w:val="Table"' not in tbl:
        continue  # the signatures: their own grid, checked by docx_check.py
    cols = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', tbl.split("</w:tblGrid>")[0])]
    head = [text_of(c) for c in re.findall(r"<w:tc>.*?</w:tc>", tbl.split("</w:tr>")[0], re.S)]
    grids.append((cols, head))
too_wide = [g for g in grids if sum(g[0]) > 9638]
equal = [g[1] for g in grids if "Structures" in g[1] and len(set(g[0])) == 1]
annexe2 = next((g for g in grids if "Code postal" in g[1]), None)
if too_wide or equal or not annexe2 or sum(annexe2[0]) < 9600 or len(set(annexe2[0])) < 3:
    fail(f"Word : largeurs de colonnes : plus larges que la page {too_wide[:2]}, égales {equal[:2]}, annexe 2 {annexe2}")
else:
    print(f"ok Word : {len(grids)} tableaux de pandoc à colonnes selon le contenu, annexe 2 en {annexe2[0]} twips (≤ 9638)")
# The fiches, one level below « Fiches action » in the outline.
levels = {text_of(p): st for st, p in re.findall(r'<w:pStyle w:val="(Heading\d)"\s*/>(.*?)</w:p>', body, re.S)}
fiches = {t: st for t, st in levels.items() if t.startswith("Fiche action ")}
if levels.get("Fiches action") != "Heading3" or len(fiches) != 6 or set(fiches.values()) != {"Heading4"}:
    fail(f"Word : fiches action hors du plan sous « Fiches action » : {levels.get('Fiches action')}, {fiches}")
else:
    print("ok Word : « Fiches action » en titre 3, les 6 fiches en titre 4")
# The table of contents: a TOC field, its entries, Word updating it on opening.
toc = re.search(r"<w:instrText[^>]*>\s*TOC ([^<]*)</w:instrText>", body)
entries = re.findall(r'<w:hyperlink w:anchor="(article-\d+|annexe-\d+)"', body)
if not toc or "\\h" not in toc.group(1) or len(entries) < 19 or 'w:updateFields w:val="true"' not in settings:
    fail(f"Word : sommaire : champ {toc.group(0) if toc else 'absent'}, {len(entries)} entrées, "
         f"updateFields {'présent' if 'updateFields' in settings else 'absent'}")
else:
    print(f"ok Word : sommaire en champ TOC ({toc.group(1).strip()}), {len(entries)} entrées liées, mis à jour à l'ouverture")
# A signable convention in Word (the reference document without « PROJET »): the same tables and signatures.
if done.returncode == 0:
    signable_docx = os.path.join(tmp, "signable.docx")
    run("render", signable, "--stage", "signature", "-f", "docx", "-o", signable_docx)
    with zipfile.ZipFile(signable_docx) as z:
        sbody = z.read("word/document.xml").decode("utf-8")
        headers = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/header"))
    widths = [sum(int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', t.split("</w:tblGrid>")[0]))
              for t in re.findall(r"<w:tbl>.*?</w:tbl>", sbody, re.S)]
    rows = re.findall(r"<w:tr>(.*?)</w:tr>", next((t for t in re.findall(r"<w:tbl>.*?</w:tbl>", sbody, re.S)
                                                 if "Signature et cachet" in t), ""), re.S)
    if "PROJET" in headers or not widths or max(widths) > 9638 or not rows or any("<w:cantSplit/>" not in r for r in rows) \
            or "TOC \\o" not in sbody:
        fail(f"Word signable : PROJET {'présent' if 'PROJET' in headers else 'absent'}, tableaux de {widths} twips, "
             f"{len(rows)} lignes de signatures, sommaire {'présent' if 'TOC' in sbody else 'absent'}")
    else:
        print(f"ok Word signable (--stage signature) : sans PROJET, {len(widths)} tableaux ≤ 9638 twips, "
              f"{len(rows)} lignes de signatures insécables, sommaire")

# The header words, each whole: split in LibreOffice (« Structure » / « s ») they are missing from its text.
header_words = sorted({w for g in grids for h in g[1] for w in h.split() if len(w) > 3})

# The analysis document: its charts, as PNG images Word 2013 and LibreOffice draw.
analyse_docx = os.path.join(tmp, "analyse.docx")
run("render", paa, "--part", "analyse", "-f", "docx", "-o", analyse_docx)
with zipfile.ZipFile(analyse_docx) as z:
    media = [n for n in z.namelist() if n.startswith("word/media/")]
    analyse_body = z.read("word/document.xml").decode("utf-8")
    rels = dict(re.findall(r'Id="([^"]+)"[^>]*Target="([^"]+)"', z.read("word/_rels/document.xml.rels").decode("utf-8")))
    svg_parts = {n: z.read(n) for n in media if n.endswith(".svg")}
# Each chart: the PNG (Word 2013, LibreOffice) as the blip, its SVG (Word 2016+) in the blip's asvg:svgBlip.
blips = re.findall(r'<a:blip r:embed="([^"]+)"\s*>(.*?)</a:blip>', analyse_body, re.S)
pngs = [m for m in media if m.endswith(".png")]
paired = [(rels.get(png, ""), rels.get(svg.group(1), "") if svg else "") for png, inner in blips
          for svg in [re.search(r'<asvg:svgBlip[^>]*r:embed="([^"]+)"', inner)]]
bad = [p for p in paired if not p[0].endswith(".png") or not p[1].endswith(".svg")
       or not svg_parts.get("word/" + p[1], b"").lstrip().startswith(b"<")]
if len(pngs) < 3 or len(blips) < 3 or bad:
    fail(f"Word (analyse) : graphiques sans PNG et SVG : {media}, images {paired}")
else:
    print(f"ok Word (analyse) : {len(blips)} graphiques en PNG avec leur SVG (asvg:svgBlip, {len(svg_parts)} SVG dans le paquet)")

# ---------------------------------------------------------------- Word opened by LibreOffice

soffice = shutil.which("soffice")
if not soffice:
    print("-- soffice absent : la conversion du document Word par LibreOffice n'est pas vérifiée")
else:
    def office_pdf(docx):
        outdir = os.path.join(tmp, "office")
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/office-profil", "--headless", "--convert-to", "pdf",
                        "--outdir", outdir, docx], capture_output=True, timeout=600)
        return os.path.join(outdir, os.path.splitext(os.path.basename(docx))[0] + ".pdf")
    lo = office_pdf(analyse_docx)
    if not os.path.exists(lo):
        fail("LibreOffice n'a pas converti le document d'analyse")
    else:
        images = subprocess.run(["pdfimages", "-list", lo], capture_output=True, text=True).stdout.splitlines()[2:]
        text = subprocess.run(["pdftotext", lo, "-"], capture_output=True, text=True).stdout
        if len(images) < 3 or "Taux de couverture du territoire" not in text:
            fail(f"LibreOffice (analyse) : {len(images)} images, texte {'présent' if 'Taux de couverture du territoire' in text else 'absent'}")
        else:
            print(f"ok LibreOffice (analyse) : {len(pages_of(lo))} pages, {len(images)} images dessinées, texte présent")
    lo = office_pdf(docx)
    if not os.path.exists(lo):
        fail("LibreOffice n'a pas converti la convention")
    else:
        office_pages = pages_of(lo)
        text = "\f".join(office_pages)
        missing = [w for w in ["Entre :", "Article 14", "Annexe 5", "NEFFAH", "PICOZZI", "COSSERAT"] if w not in text]
        if len(office_pages) < 30 or missing:
            fail(f"LibreOffice (convention) : {len(office_pages)} pages, absents : {missing}")
        else:
            print(f"ok LibreOffice (convention) : {len(office_pages)} pages, texte complet")
        words = [w[4] for page in words_by_page(lo) for w in page]
        count = lambda w, seq: sum(1 for x in seq if x == w)
        docx_words = paragraphs(body.replace("<w:br/>", "<w:t> </w:t>")).split()
        cut = [w for w in header_words if count(w, words) < count(w, docx_words)]
        if cut:
            fail(f"LibreOffice (convention) : mots d'en-tête de tableau coupés sur deux lignes : {cut}")
        else:
            print(f"ok LibreOffice (convention) : {len(header_words)} mots d'en-tête de tableau entiers")
        sommaire = next((p for p in office_pages if "Sommaire" in p), "")
        listed = [e for e in ["Visas", "Article 1 –", "Article 14 – Confidentialité", "Signatures", "Annexe 5"] if e in sommaire]
        if len(listed) < 5:
            fail(f"LibreOffice (convention) : sommaire sans ses entrées : {listed}")
        else:
            print("ok LibreOffice (convention) : sommaire avec ses entrées (Visas … Annexe 5)")
        check_signature_boxes(lo, "LibreOffice (convention)", 13)

# ---------------------------------------------------------------- missing programs, -o

target = os.path.join(tmp, "existant.pdf")
open(target, "w").write("ancien contenu")
bare = dict(os.environ, PATH=os.path.join(tmp, "vide"))
os.makedirs(bare["PATH"])
for fmt_, prog in [("pdf", "chromium"), ("docx", "pandoc")]:
    # A file of the format's extension (-f docx -o x.pdf is refused before: issue 22).
    target = os.path.join(tmp, "existant." + fmt_)
    open(target, "w").write("ancien contenu")
    done = run("render", paa, "-f", fmt_, "-o", target, code=2, env=bare)
    if f"« {prog} » est introuvable" not in done.stderr or "apt install" not in done.stderr:
        fail(f"-f {fmt_} sans {prog} : message inattendu : {done.stderr[:300]}")
    if open(target).read() != "ancien contenu":
        fail(f"-f {fmt_} sans {prog} : le fichier existant a été modifié")
left = [f for f in os.listdir(tmp) if f.startswith(".existant")]
if left:
    fail(f"fichiers temporaires laissés : {left}")
done = run("render", paa, "-f", "pdf", code=2)
if "-o" not in done.stderr:
    fail("-f pdf sans -o : le message ne dit pas d'ajouter -o")
target = os.path.join(tmp, "existant.pdf")
done = run("render", os.path.join(root, "tests", "cases", "cle-inconnue.yaml"), "-f", "pdf", "-o", target, code=2)
if open(target).read() != "ancien contenu":
    fail("fichier invalide : le PDF existant a été modifié")
print("ok programmes absents : erreur en français, code 2, fichier existant intact, rien laissé")

finish()
