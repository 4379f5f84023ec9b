"""Property tests: readers, the sectioner and every rule on arbitrary input.

Readers may refuse input only with a specific ReadError (never the catch-all "read-error",
which means an exception escaped a reader); the sectioner always builds a well-formed tree;
every rule runs without an exception and locates its findings inside the text.
"""

from __future__ import annotations

import functools
import io
import os
import zipfile

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bpo_lint.model import ReadError
from bpo_lint.readers import read_document
from bpo_lint.readers.text import document_from_string, split_lines
from bpo_lint.sections import split_sections
from tests.conftest import FIXTURES
from tests.hardening import pdfgen

# BPO_HYPOTHESIS_EXAMPLES=5000 turns these into a long fuzz run (see fuzz/README.md).
EXAMPLES = int(os.environ.get("BPO_HYPOTHESIS_EXAMPLES", "150"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Words and marks the sectioner and the rules react to, so random text reaches their branches.
TOKENS = (
    "1.", "1.1", "2.", "2.3.4", "(a)", "(b)", "(i)", "(iv)", "A.", "Article IV", "ARTICLE 2",
    "Section 4.2", "Schedule 3", "Exhibit B", "Annex 1", "Appendix A", "Table of Contents",
    "thirty (30) days", "sixty (90) days", "ten (10) business days", "$1,000,000", "10%",
    "reasonable efforts", "best efforts", "promptly", "and/or", "shall", "may", "must",
    "\"Services\" means", "as defined in Section 9", "[TBD]", "[●]", "governed by the laws of",
    "New York", "England and Wales", "arbitration", "courts of", "terminate", "notice",
    "Service Level", "99.9%", "Effective Date", "1 January 2025", "2024-02-30", "Confidential",
    "\n", "\n\n", "  ", "\t", "#", "## ", "- ", "* ", "|", "Ⅳ", "é", "\u00a0", "\u200b",
)  # fmt: skip
contract_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)), max_size=80).map(
    " ".join
)


def _is_specific(exc: ReadError) -> bool:
    return exc.code != "read-error"


@functools.cache
def _rules() -> tuple:
    import importlib.util
    import sys
    from pathlib import Path

    # The fuzz target's tolerant loader: a rule file being edited must not fail these tests.
    fuzz = Path(__file__).resolve().parents[2] / "fuzz" / "target.py"
    spec = importlib.util.spec_from_file_location("bpo_fuzz_target", fuzz)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bpo_fuzz_target", module)
    spec.loader.exec_module(module)
    return module.all_rules()


# --- readers ----------------------------------------------------------------------------------


@FAST
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".txt", ".md", ".docx", ".pdf"]))
def test_any_bytes_give_a_document_or_a_specific_read_error(data, suffix):
    try:
        doc = read_document(f"input{suffix}", data=data)
    except ReadError as exc:
        assert _is_specific(exc), exc.message
        return
    assert doc.text == "\n".join(b.text for b in doc.blocks)


@FAST
@given(text=contract_text, markdown=st.booleans(), bom=st.booleans())
def test_any_text_file_reads_back_its_lines(text, markdown, bom):
    data = ("\ufeff" if bom else "").encode() + text.encode("utf-8", "surrogatepass")
    try:
        doc = read_document("input.md" if markdown else "input.txt", data=data)
    except ReadError as exc:
        assert exc.code in ("empty-file", "decode-error"), exc.message
        return
    if not markdown:
        assert [b.text for b in doc.blocks] == split_lines(text)


@functools.cache
def _docx_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(FIXTURES / "deficient-msa.docx") as z:
        return {i.filename: z.read(i.filename) for i in z.infolist()}


@st.composite
def mutated_docx(draw) -> bytes:
    """The deficient fixture with one XML part overwritten, cut, or spliced with random bytes."""
    parts = dict(_docx_parts())
    name = draw(st.sampled_from(sorted(n for n in parts if n.endswith(".xml"))))
    body = parts[name]
    at = draw(st.integers(0, len(body)))
    cut = draw(st.integers(0, 64))
    parts[name] = body[:at] + draw(st.binary(max_size=64)) + body[at + cut :]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for part, content in parts.items():
            z.writestr(part, content)
    return buf.getvalue()


@FAST
@given(data=mutated_docx())
def test_mutated_docx_gives_a_document_or_a_specific_read_error(data):
    try:
        read_document("input.docx", data=data)
    except ReadError as exc:
        assert _is_specific(exc), exc.message


SMALL_PDF = pdfgen.text_pdf([["1. Services", "The Supplier shall provide them."], ["2. Fees"]])


@FAST
@given(at=st.integers(0, len(SMALL_PDF)), junk=st.binary(max_size=48), cut=st.integers(0, 48))
def test_mutated_pdf_gives_a_document_or_a_specific_read_error(at, junk, cut):
    data = SMALL_PDF[:at] + junk + SMALL_PDF[at + cut :]
    try:
        read_document("input.pdf", data=data)
    except ReadError as exc:
        assert _is_specific(exc), exc.message


# --- sectioning -------------------------------------------------------------------------------


@FAST
@given(text=contract_text, markdown=st.booleans())
def test_any_text_splits_into_a_well_formed_tree(text, markdown):
    doc = split_sections(document_from_string(text, markdown=markdown))
    ids = [s.id for s in doc.sections]
    assert len(ids) == len(set(ids)), ids
    previous_start = -1
    for i, s in enumerate(doc.sections):
        assert 0 <= s.start <= s.body_start <= s.end <= len(doc.text), s
        assert s.start >= previous_start, "sections out of document order"
        previous_start = s.start
        if s.parent is None:
            assert s.level == 1, s
        else:
            parent = doc.sections[s.parent]
            assert s.parent < i and s.level == parent.level + 1, (s, parent)
            assert parent.start <= s.start and s.end <= parent.end, (s, parent)


# --- rules ------------------------------------------------------------------------------------


@FAST
@given(text=contract_text, markdown=st.booleans())
def test_every_rule_runs_and_locates_findings_inside_the_text(text, markdown):
    from bpo_lint.engine import run_rules_checked
    from bpo_lint.kinds.base import Context

    assume(text.strip())
    doc = split_sections(document_from_string(text, markdown=markdown))
    findings, warnings = run_rules_checked(_rules(), Context(doc=doc), strict=True)
    assert warnings == ()
    lines = split_lines(text)
    section_ids = {s.id for s in doc.sections}
    for f in findings:
        loc = f.location
        assert loc.line is not None and 1 <= loc.line <= max(len(lines), 1), (f, len(lines))
        line = lines[loc.line - 1] if lines else ""
        assert 1 <= loc.column <= len(line) + 1, (f, line)
        if loc.end_line is not None:
            assert loc.line <= loc.end_line <= len(lines), f
        assert loc.section is None or loc.section in section_ids, f
