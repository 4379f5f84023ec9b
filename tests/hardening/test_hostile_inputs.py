"""Hostile files end quickly, in bounded memory, with a one-line error or a correct report.

Every case runs the real CLI in a subprocess under a wall-clock timeout and an address-space
limit (tests.hardening.cli), so a hang or a blow-up fails the test instead of the machine.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hardening import pdfgen
from tests.hardening.cli import HOSTILE_TIMEOUT, assert_clean_outcome, assert_error
from tests.hardening.cli import lint_hostile as lint
from tests.hardening.zipbomb import MiB, bomb_docx
from tests.readers.docx_builder import build_docx, para

CONTRACT_LINES = [
    "1. Services",
    "The Supplier shall provide the Services described in Schedule 1.",
    "2. Term and Termination",
    "Either party may terminate this Agreement on thirty (30) days' written notice.",
]


# --- DOCX -------------------------------------------------------------------------------------


def test_docx_zip_bomb_is_refused_before_inflating(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb_docx(2048))  # 2 GiB of XML in a ~2 MB file
    assert path.stat().st_size < 3 * MiB
    run, seconds = lint(path)
    assert_error(run, path, "too-large")
    assert "2048 MB" in run.stderr
    assert seconds < 60


def test_docx_zip_bomb_with_a_lying_size_header_is_refused(tmp_path):
    # The header says 1000 bytes; the stream inflates to 1 GiB. zipfile alone would inflate it
    # all in memory before cutting it to size, which the 1 GiB limit would turn into a crash.
    path = tmp_path / "liar.docx"
    path.write_bytes(bomb_docx(1024, declared=1000))
    run, seconds = lint(path)
    assert_error(run, path, "too-large")
    assert "inflates past the size its header declares" in run.stderr
    assert seconds < 60


def test_docx_with_too_many_parts_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "parts.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        for n in range(10_001):
            z.writestr(f"word/media/x{n}.png", b"")
    run, _ = lint(path)
    assert_error(run, path, "too-large")


BILLION_LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY a "ha">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + "]>"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_docx_entity_bomb_is_refused(tmp_path, encoding):
    path = build_docx(tmp_path / "laughs.docx", para("1. Services &j;"), prolog=BILLION_LAUGHS)
    if encoding == "utf-16":
        _reencode_parts(path, "utf-16")
    run, seconds = lint(path)
    assert_error(run, path, "corrupt-docx")
    assert "DTD" in run.stderr
    assert "haha" not in run.stdout + run.stderr
    assert seconds < 60


def _reencode_parts(path: Path, encoding: str) -> None:
    """Rewrite every XML part of a DOCX in another encoding (with a BOM, as Word may)."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in parts.items():
            text = body.decode("utf-8").replace('encoding="UTF-8"', f'encoding="{encoding}"')
            z.writestr(name, text.encode(encoding))


def test_docx_external_entities_never_read_the_referenced_files(tmp_path):
    from tests.hardening.guard import isolated_flag, run_guarded, unexpected_opens

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER-4711", encoding="utf-8")
    trap = tmp_path / "trap.fifo"
    os.mkfifo(trap)  # opening it for reading would block: a C-level open cannot go unnoticed
    prolog = (
        f'<!DOCTYPE w:document SYSTEM "file://{trap}" ['
        f'<!ENTITY xxe SYSTEM "file://{secret}"><!ENTITY trap SYSTEM "file://{trap}">]>'
    )
    path = build_docx(tmp_path / "xxe.docx", para("1. Services &xxe; &trap;"), prolog=prolog)
    args = ("--format", "json", *isolated_flag(), path)
    run, log = run_guarded(tmp_path, *args, timeout=HOSTILE_TIMEOUT, cwd=tmp_path)
    assert_error(run, path, "corrupt-docx")
    assert "TOP-SECRET" not in run.stdout + run.stderr
    opened = {Path(p).resolve() for p in log["opened"]}
    assert secret.resolve() not in opened and trap.resolve() not in opened
    assert unexpected_opens(log["opened"], [path], cwd=tmp_path, cache=tmp_path / "cache") == []
    assert str(path) in log["opened"]  # the hook did see the input being read


def test_docx_with_absurdly_deep_xml_nesting_is_refused(tmp_path):
    depth = 5_000  # small enough to pass the compression-ratio check and reach the parser
    body = "<w:sdt><w:sdtContent>" * depth + para("1. Services") + "</w:sdtContent></w:sdt>" * depth
    path = build_docx(tmp_path / "deep.docx", body)
    run, seconds = lint(path)
    assert_error(run, path, "corrupt-docx")  # libxml2 stops at depth 256: no recursion blow-up
    assert seconds < 60


def test_python_docx_parser_does_not_resolve_entities(tmp_path):
    # Do not take the parser settings on trust: feed python-docx's own parser an XXE and a
    # billion laughs directly, bypassing our DTD refusal.
    from docx.oxml.parser import parse_xml
    from lxml import etree

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER-4711", encoding="utf-8")
    xxe = f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{secret}">]><r>&xxe;</r>'
    try:
        parsed = etree.tostring(parse_xml(xxe.encode()))
    except etree.XMLSyntaxError:
        parsed = b""
    assert b"TOP-SECRET" not in parsed
    laughs = f"{BILLION_LAUGHS.replace('w:document', 'r')}<r>&j;</r>"
    try:
        parsed = etree.tostring(parse_xml(laughs.encode()))
    except etree.XMLSyntaxError:
        parsed = b""
    assert len(parsed) < 10_000


# --- PDF --------------------------------------------------------------------------------------


def _nested_content_pdf() -> bytes:
    ops = b"q " * 200_000 + pdfgen.text_content(CONTRACT_LINES) + b" [" * 100_000 + b"(x) TJ"
    return pdfgen.build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            pdfgen.FONT,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>",
            pdfgen.stream(ops),
        ]
    )


PDF_CASES = {
    "nested-arrays": lambda: pdfgen.text_pdf(
        [CONTRACT_LINES], resources_extra=b"/X " + b"[" * 300_000 + b"]" * 300_000
    ),
    "nested-dicts": lambda: pdfgen.text_pdf(
        [CONTRACT_LINES], resources_extra=b"/X " + b"<< /A " * 100_000 + b">>" * 100_000
    ),
    "unclosed-arrays": lambda: pdfgen.text_pdf(
        [CONTRACT_LINES], resources_extra=b"/X " + b"[" * 500_000
    ),
    "nested-content-stream": _nested_content_pdf,
    "deep-page-tree": lambda: pdfgen.deep_page_tree_pdf(100_000, CONTRACT_LINES),
    "claims-2-billion-pages": lambda: pdfgen.text_pdf([CONTRACT_LINES], count=2_147_483_647),
    "claims-negative-pages": lambda: pdfgen.text_pdf([CONTRACT_LINES], count=-1),
}


@pytest.mark.parametrize("case", sorted(PDF_CASES))
def test_hostile_pdf_structure(tmp_path, case):
    path = tmp_path / f"{case}.pdf"
    path.write_bytes(PDF_CASES[case]())
    run, seconds = lint(path)
    assert_clean_outcome(run, path)
    if run.code != 2:  # pdfium coped: then the text must be the text we drew
        (result,) = run.json()["files"]
        assert result["stats"]["pages"] == 1
        assert any(s["title"].startswith("Services") for s in result["sections"])
    assert seconds < 60


def test_pdf_with_more_pages_than_the_limit_is_refused(tmp_path):
    from bpo_lint.readers.pdf import MAX_PAGES

    path = tmp_path / "pages.pdf"
    path.write_bytes(pdfgen.shared_page_pdf(MAX_PAGES + 1, CONTRACT_LINES))  # under 1 MB
    run, seconds = lint(path)
    assert_error(run, path, "too-large")
    assert f"{MAX_PAGES + 1} pages" in run.stderr
    assert seconds < 60
