"""Build small .docx files from raw WordprocessingML, so tests control numbering and revisions."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{_CT}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{_CT}.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="{_CT}.numbering+xml"/>
</Types>"""
PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>
</Relationships>"""
DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{_REL}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{_REL}/numbering" Target="numbering.xml"/>
</Relationships>"""

DEFAULT_STYLES = """
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>
  <w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>
  <w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
"""


def run(text: str) -> str:
    """A w:r holding `text` (spaces kept)."""
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(content: str = "", style: str | None = None, num: int | None = None, ilvl: int = 0) -> str:
    """A w:p; `content` is plain text or, if it starts with '<', raw run XML."""
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
    body = content if content.startswith("<") else (run(content) if content else "")
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{body}</w:p>"


def table(rows: list[list[str]]) -> str:
    """A w:tbl whose cells hold the given raw paragraph XML (or plain text)."""

    def cell(c: str) -> str:
        return f"<w:tc>{c if c.startswith('<') else para(c)}</w:tc>"

    return (
        "<w:tbl>" + "".join("<w:tr>" + "".join(map(cell, r)) + "</w:tr>" for r in rows) + "</w:tbl>"
    )


def level(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    """A w:lvl of an abstract list."""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def numbering(abstracts: dict[int, list[str]], nums: dict[int, int], extra: str = "") -> str:
    """numbering.xml body: abstract lists (id -> levels) and nums (numId -> abstract id)."""
    out = [
        f'<w:abstractNum w:abstractNumId="{aid}">{"".join(lv)}</w:abstractNum>'
        for aid, lv in abstracts.items()
    ]
    out += [f'<w:num w:numId="{n}"><w:abstractNumId w:val="{a}"/></w:num>' for n, a in nums.items()]
    return "".join(out) + extra


def build_docx(
    path: Path,
    body: str,
    numbering_xml: str = "",
    styles_xml: str = DEFAULT_STYLES,
    prolog: str = "",
) -> Path:
    """Write a minimal but valid .docx at `path` and return the path."""
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + prolog
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", PACKAGE_RELS)
        z.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        z.writestr(
            "word/document.xml",
            f'{head}<w:document xmlns:w="{W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>',
        )
        z.writestr("word/styles.xml", f'{head}<w:styles xmlns:w="{W_NS}">{styles_xml}</w:styles>')
        z.writestr(
            "word/numbering.xml",
            f'{head}<w:numbering xmlns:w="{W_NS}">{numbering_xml}</w:numbering>',
        )
    return path
