# SPDX-License-Identifier: EUPL-1.2
"""The parts of a docx as the retours tests edit them: read and write the zip,
find a bookmark's region in word/document.xml, and a text run as pandoc writes it."""
import re
import zipfile


def read(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def write(path, files):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in files.items():
            z.writestr(n, b)


def region(xml, name):
    """(start, end) offsets of the content of bookmark `name`."""
    m = re.search(r'<w:bookmarkStart w:id="(\d+)" w:name="' + re.escape(name) + '"\\s*/>', xml)
    if not m:
        raise SystemExit(f"signet {name} absent du document produit")
    end = re.search(r'<w:bookmarkEnd w:id="' + m.group(1) + '"\\s*/>', xml[m.end():])
    return m.end(), m.end() + end.start()


RUN = re.compile(r'<w:r>(<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?<w:t(?: xml:space="preserve")?>([^<]*)</w:t></w:r>')
