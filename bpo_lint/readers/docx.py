"""DOCX reader: one Block per paragraph of the body (table cells included), as Word shows it.

We walk python-docx's lxml tree ourselves: Paragraph.text misses runs inside w:ins, and the
numbers Word draws before list paragraphs live in numbering.xml, not in the text.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from bpo_lint.model import Block, Document, ReadError
from bpo_lint.readers.docx_numbering import Counters, ilvl_for_style, next_label, parse_numbering
from bpo_lint.readers.docx_styles import (
    W,
    heading_level,
    parse_styles,
    style_numbering,
    to_int,
    wval,
)
from bpo_lint.readers.safezip import CORRUPT, open_docx_zip

_STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_NUMBERING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
P, R, TBL, TR = f"{W}p", f"{W}r", f"{W}tbl", f"{W}tr"
# Parts of the tree that never hold visible body text: properties, deleted and moved-away text,
# drawings and text boxes (their paragraphs float outside the reading order).
_SKIP = {
    f"{W}{name}"
    for name in (
        "pPr", "rPr", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr",
        "del", "moveFrom", "drawing", "pict", "object",
    )
} | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}  # fmt: skip
_RUN_TEXT = {f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}br": " ", f"{W}cr": " "}
_RUN_TEXT |= {f"{W}noBreakHyphen": "-", f"{W}softHyphen": ""}
_OFF = ("0", "false", "off")


def read_docx(path: str, data: bytes) -> Document:
    """Read a .docx file's bytes into a Document of format "docx"."""
    open_docx_zip(data).close()  # zip bombs, DTDs, non-Word archives: refused before parsing
    document = _open(data)
    part = document.part
    styles = parse_styles(_related_root(part, _STYLES_REL))
    numbering = parse_numbering(_related_root(part, _NUMBERING_REL), styles)
    counters = Counters()
    blocks: list[Block] = []
    # A root element that is not w:document (a damaged part) has no body at all.
    body = getattr(document.element, "body", None)
    if body is None:
        raise ReadError("corrupt-docx", "the document is damaged (word/document.xml has no body)")
    for p, in_table in _paragraphs(body, False):
        if (block := _block(p, in_table, styles, numbering, counters, len(blocks) + 1)) is not None:
            blocks.append(block)
    return Document.from_blocks(path, "docx", blocks)


def _open(data: bytes):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except PackageNotFoundError as exc:
        raise ReadError("not-a-docx", "is not a Word document") from exc
    except ValueError as exc:
        # python-docx says "file ... is not a Word file, content type is ..." for xlsx, pptx, dotx
        if "not a Word file" in str(exc):
            raise ReadError("not-a-docx", "is an Office file but not a Word document") from exc
        first = str(exc).splitlines()[0] if str(exc) else "ValueError"
        raise ReadError("corrupt-docx", f"the document is damaged ({first})") from exc
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise ReadError("corrupt-docx", CORRUPT) from exc
    except Exception as exc:  # lxml.etree.XMLSyntaxError and the like: broken XML inside
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ReadError("corrupt-docx", f"the document's XML is damaged ({first})") from exc


def _related_root(part, reltype: str):
    try:
        return part.part_related_by(reltype).element
    except (KeyError, AttributeError):
        return None


def _paragraphs(el, in_table: bool):
    """Every w:p under `el` in document order, with whether it sits in a table."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == P:
            yield child, in_table
        elif tag == TR and child.find(f"{W}trPr/{W}del") is not None:
            continue  # a row deleted with tracked changes on
        else:
            yield from _paragraphs(child, in_table or tag == TBL)


def _text(el, out: list[str]) -> None:
    """Append the visible text of a paragraph (or of an element inside one) to `out`."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == R:
            if not _hidden(child):
                _run_text(child, out)
        else:  # hyperlinks, w:ins, w:moveTo, fields, content controls, smart tags
            _text(child, out)


def _run_text(run, out: list[str]) -> None:
    for child in run:
        tag = child.tag
        if tag == f"{W}t":
            out.append(child.text or "")
        elif tag in _RUN_TEXT:
            out.append(_RUN_TEXT[tag])


def _hidden(run) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(f"{W}val", "1") not in _OFF


def _block(p, in_table, styles, numbering, counters, index: int) -> Block | None:
    out: list[str] = []
    _text(p, out)
    text = "".join(out)
    ppr = p.find(f"{W}pPr")
    if not text and ppr is not None and ppr.find(f"{W}rPr/{W}del") is not None:
        return None  # a whole paragraph deleted with tracked changes on
    style_id = wval(ppr, "w:pStyle")
    level = heading_level(styles, style_id, to_int(wval(ppr, "w:outlineLvl")))
    label = _label(ppr, style_id, styles, numbering, counters)
    col_map = None
    if label:
        col_map = (1,) * (len(label) + bool(text)) + tuple(range(1, len(text) + 1))
        text = f"{label} {text}" if text else label
    style = "table" if in_table else "heading" if level else "list" if label else ""
    return Block(text=text, paragraph=index, col_map=col_map, heading_level=level, style=style)


def _label(ppr, style_id, styles, numbering, counters) -> str | None:
    num_id = wval(ppr, "w:numPr/w:numId")
    ilvl = to_int(wval(ppr, "w:numPr/w:ilvl"))
    inherited_num, inherited_ilvl = style_numbering(styles, style_id)
    num_id = num_id if num_id is not None else inherited_num
    if num_id is None or num_id == "0":
        return None  # numId 0 switches numbering off
    if ilvl is None:
        ilvl = inherited_ilvl
    if ilvl is None:
        ilvl = ilvl_for_style(numbering, num_id, style_id)
    return next_label(numbering, counters, num_id, ilvl)
