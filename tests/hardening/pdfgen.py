"""Hand-built PDFs (correct xref tables) for inputs no PDF library would write on purpose."""

from __future__ import annotations

HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def build_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF whose object n (from 1) has body objects[n-1], with a correct xref and trailer."""
    out = bytearray(HEADER)
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, root)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(content: bytes) -> bytes:
    """An uncompressed stream object body."""
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def text_content(lines: list[str]) -> bytes:
    """A content stream drawing `lines` top to bottom in 11 pt Helvetica."""
    ops = [b"BT /F1 11 Tf 72 760 Td 14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(" + escaped.encode("latin-1") + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def text_pdf(
    pages: list[list[str]], resources_extra: bytes = b"", count: int | None = None
) -> bytes:
    """A PDF with one page per list of lines; `count` overrides the page tree's /Count."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", FONT]
    kids = []
    for lines in pages:
        page_no = len(objects) + 1
        kids.append(b"%d 0 R" % page_no)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> %s >> >>" % (page_no + 1, resources_extra)
        )
        objects.append(stream(text_content(lines)))
    shown = len(pages) if count is None else count
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), shown)
    return build_pdf(objects)


def shared_page_pdf(pages: int, lines: list[str]) -> bytes:
    """A PDF of `pages` pages that all draw the same small content stream (a tiny file)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",
        FONT,
        stream(text_content(lines)),
    ]
    kids = []
    for _ in range(pages):
        kids.append(b"%d 0 R" % (len(objects) + 1))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>"
        )
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), pages)
    return build_pdf(objects)


def deep_page_tree_pdf(depth: int, lines: list[str]) -> bytes:
    """A page tree nested `depth` levels deep (each /Pages node has one /Pages kid)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        me, kid = len(objects) + 1, len(objects) + 2
        parent = b"/Parent %d 0 R " % (me - 1) if level else b""
        objects.append(b"<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>" % (parent, kid))
    page = len(objects) + 1
    objects.append(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (page - 1, page + 1, page + 2)
    )
    objects.append(stream(text_content(lines)))
    objects.append(FONT)
    return build_pdf(objects)
