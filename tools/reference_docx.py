#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Regenerates lib/print/reference.docx and lib/print/reference-projet.docx,
the reference documents `ctg render -f docx` gives to pandoc (--reference-doc).

Provenance: pandoc's own default (`pandoc --print-default-data-file
reference.docx`), with the project's choices applied here:
- A4 portrait, 2 cm margins;
- body text in a serif font at 11 pt, French language, justified paragraphs;
- black headings kept with the next paragraph (no heading alone at a page foot);
- tables with thin borders on every cell, header row repeated on each page;
- « Page N sur M » centred in the footer of every page;
- the draft variant carries « PROJET » in the header of every page.

Usage: python3 tools/reference_docx.py  (needs pandoc; run from the project root)
"""
import io
import re
import subprocess
import sys
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def run(text, extra=""):
    return f'<w:r><w:rPr>{extra}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def field(code):
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{run("1")}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


FOOTER = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W} {R}><w:p><w:pPr><w:jc w:val="center"/>'
          f'<w:rPr><w:sz w:val="18"/></w:rPr></w:pPr>{run("Page ")}{field("PAGE")}{run(" sur ")}{field("NUMPAGES")}</w:p></w:ftr>')
BOLD = '<w:b/><w:spacing w:val="40"/>'
HEADER = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W} {R}><w:p><w:pPr><w:jc w:val="right"/></w:pPr>'
          f'{run("PROJET", BOLD)}</w:p></w:hdr>')

TABLE_STYLE = '''<w:style w:type="table" w:default="1" w:styleId="Table">
    <w:name w:val="Table" />
    <w:basedOn w:val="TableNormal" />
    <w:qFormat />
    <w:tblPr>
      <w:tblInd w:w="0" w:type="dxa" />
      <w:tblBorders>
        <w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/>
        <w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/>
        <w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/>
        <w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/>
        <w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/>
        <w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/>
      </w:tblBorders>
      <w:tblCellMar>
        <w:top w:w="40" w:type="dxa" />
        <w:left w:w="80" w:type="dxa" />
        <w:bottom w:w="40" w:type="dxa" />
        <w:right w:w="80" w:type="dxa" />
      </w:tblCellMar>
    </w:tblPr>
    <w:rPr><w:sz w:val="19"/></w:rPr>
    <w:tblStylePr w:type="firstRow">
      <w:rPr><w:b/></w:rPr>
      <w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>
      <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="EEEEEE"/></w:tcPr>
    </w:tblStylePr>
  </w:style>'''


def sect(draft):
    header = '<w:headerReference w:type="default" r:id="rIdCtgHeader"/>' if draft else ""
    return (f'<w:sectPr>{header}<w:footerReference w:type="default" r:id="rIdCtgFooter"/>'
            '<w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'
            '</w:sectPr>')


def styles(xml):
    xml = re.sub(r'<w:style w:type="table" w:default="1" w:styleId="Table">.*?</w:style>', TABLE_STYLE, xml, flags=re.S)
    xml = xml.replace('<w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi" />',
                      '<w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif" w:eastAsia="Liberation Serif" w:cs="Liberation Serif" />')
    xml = xml.replace('<w:sz w:val="24" />\n        <w:szCs w:val="24" />\n        <w:lang w:val="en-US"',
                      '<w:sz w:val="22" />\n        <w:szCs w:val="22" />\n        <w:lang w:val="fr-FR"')
    # Headings: black, kept with the next paragraph, in the body font.
    xml = re.sub(r'<w:color w:val="[0-9A-F]{6}" w:themeColor="accent1"[^/]*/>', '<w:color w:val="000000" />', xml)
    xml = re.sub(r'(<w:style w:type="paragraph" w:styleId="Heading\d">.*?<w:pPr>)', r'\1<w:keepNext /><w:keepLines />',
                 xml, flags=re.S)
    xml = re.sub(r'(<w:style w:type="paragraph" w:customStyle="1" w:styleId="BodyText">.*?<w:pPr>)|'
                 r'(<w:style w:type="paragraph" w:styleId="BodyText">.*?<w:pPr>)',
                 lambda m: m.group(0) + '<w:jc w:val="both" />', xml, count=1, flags=re.S)
    return xml


def build(default, draft):
    src = zipfile.ZipFile(io.BytesIO(default))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename).decode("utf-8")
            if info.filename == "word/styles.xml":
                data = styles(data)
            elif info.filename == "word/document.xml":
                data = data.replace("<w:sectPr />", sect(draft))
                if 'xmlns:r=' not in data.split(">", 2)[1]:
                    data = data.replace("<w:document ", f"<w:document {R} ", 1)
            elif info.filename == "word/_rels/document.xml.rels":
                extra = ('<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" '
                         'Id="rIdCtgFooter" Target="footer1.xml" />')
                if draft:
                    extra += ('<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" '
                              'Id="rIdCtgHeader" Target="header1.xml" />')
                data = data.replace("</Relationships>", extra + "</Relationships>")
            elif info.filename == "[Content_Types].xml":
                extra = ('<Override PartName="/word/footer1.xml" '
                         'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>')
                if draft:
                    extra += ('<Override PartName="/word/header1.xml" '
                              'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>')
                data = data.replace("</Types>", extra + "</Types>")
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
        for name, text in [("word/footer1.xml", FOOTER)] + ([("word/header1.xml", HEADER)] if draft else []):
            zi = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, text)
    return out.getvalue()


def main():
    default = subprocess.run(["pandoc", "--print-default-data-file", "reference.docx"], capture_output=True,
                             check=True).stdout
    for name, draft in [("lib/print/reference.docx", False), ("lib/print/reference-projet.docx", True)]:
        with open(name, "wb") as f:
            f.write(build(default, draft))
        print("écrit", name)


if __name__ == "__main__":
    sys.exit(main())
