"""Word comments: a copy with one comment per finding, anchored on exactly the finding's words."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from bpo_lint.annotate import AnnotateError, annotate_docx
from bpo_lint.model import FileResult, Finding, Location
from tests.conftest import FIXTURES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _comments(path: Path) -> dict[int, tuple[str, str, str, str]]:
    """Comment id -> (text, author, initials, the body text its range covers)."""
    import docx

    document = docx.Document(str(path))
    anchored: dict[str, str] = {}
    open_ids: set[str] = set()
    for el in document.element.body.iter():
        if el.tag == f"{W}commentRangeStart":
            open_ids.add(el.get(f"{W}id"))
        elif el.tag == f"{W}commentRangeEnd":
            open_ids.discard(el.get(f"{W}id"))
        elif el.tag == f"{W}t":
            for cid in open_ids:
                anchored[cid] = anchored.get(cid, "") + (el.text or "")
    return {
        c.comment_id: (c.text, c.author, c.initials, anchored.get(str(c.comment_id), ""))
        for c in document.comments
    }


def _expected_text(f: Finding) -> str:
    return f"{f.message}\nSuggestion: {f.suggestion} [{f.rule}]"


@pytest.fixture(scope="module")
def linted() -> FileResult:
    from bpo_lint.lint import LintOptions, lint_target
    from bpo_lint.pack import load_pack
    from bpo_lint.targets import Target

    path = str(FIXTURES / "deficient-msa.docx")
    return lint_target(Target(path), LintOptions(rules=load_pack().rules))


def test_annotates_every_finding_on_its_words(linted, tmp_path):
    source = FIXTURES / "deficient-msa.docx"
    before = _sha(source)
    dest = tmp_path / "reviewed.docx"
    assert linted.findings and linted.error is None
    written = annotate_docx(str(source), linted, str(dest))
    assert written == len(linted.findings)
    assert _sha(source) == before
    comments = _comments(dest)
    assert sorted(comments) == list(range(written))
    for cid, f in enumerate(linted.findings):
        text, author, initials, anchored = comments[cid]
        assert (author, initials) == ("bpo-lint", "BL")
        assert text == _expected_text(f)
        # Document-level findings (no paragraph) sit on the title.
        assert anchored == (f.excerpt or "Master Services Agreement"), f.rule


def test_the_copy_reads_as_the_same_text(linted, tmp_path):
    from bpo_lint.readers.docx import read_docx

    source = FIXTURES / "deficient-msa.docx"
    dest = tmp_path / "copy.docx"
    annotate_docx(str(source), linted, str(dest))
    original = read_docx(str(source), source.read_bytes())
    copy = read_docx(str(dest), dest.read_bytes())
    assert [b.text for b in copy.blocks] == [b.text for b in original.blocks]


def test_refuses_to_overwrite_without_force_and_never_the_source(linted, tmp_path):
    source = FIXTURES / "deficient-msa.docx"
    before = _sha(source)
    dest = tmp_path / "out.docx"
    dest.write_bytes(b"keep me")
    with pytest.raises(AnnotateError) as info:
        annotate_docx(str(source), linted, str(dest))
    assert info.value.code == "exists" and "--force" in info.value.message
    assert dest.read_bytes() == b"keep me"
    assert annotate_docx(str(source), linted, str(dest), force=True) == len(linted.findings)
    assert dest.read_bytes() != b"keep me"
    with pytest.raises(AnnotateError) as info:
        annotate_docx(str(source), linted, str(source), force=True)
    assert info.value.code == "same-file"
    assert _sha(source) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".bpo-lint-")]


def test_refuses_results_that_are_not_docx(tmp_path):
    result = FileResult(str(FIXTURES / "deficient-msa.md"), "markdown")
    with pytest.raises(AnnotateError):
        annotate_docx(str(FIXTURES / "deficient-msa.md"), result, str(tmp_path / "x.docx"))


def _finding(paragraph: int | None, column: int, excerpt: str) -> Finding:
    return Finding(
        rule="vague.time",
        category="vague",
        severity="warning",
        message=f"'{excerpt}' is vague.",
        location=Location(paragraph=paragraph, column=column),
        excerpt=excerpt,
        suggestion="Say when.",
    )


def _tracked_change_docx(path: Path) -> None:
    """A paragraph whose middle words are a tracked insertion, then a table cell paragraph."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph("Heading words")
    p = document.add_paragraph("The Supplier shall pay within ")
    ins = OxmlElement("w:ins")
    ins.set(qn("w:id"), "1")
    ins.set(qn("w:author"), "someone")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "ten (10)"
    run.append(t)
    ins.append(run)
    p._p.append(ins)
    p.add_run(" days, promptly.")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "Fees are TBD at signing."
    document.save(str(path))


def test_tracked_insertions_and_tables_are_counted_like_the_reader(tmp_path):
    source = tmp_path / "tracked.docx"
    _tracked_change_docx(source)
    text = "The Supplier shall pay within ten (10) days, promptly."
    findings = (
        _finding(2, text.index("within") + 1, "within ten (10) days"),  # spans the insertion
        _finding(2, text.index("promptly") + 1, "promptly"),  # after it
        _finding(3, 10, "TBD"),  # a table paragraph
    )
    result = FileResult(str(source), "docx", findings=findings)
    dest = tmp_path / "out.docx"
    assert annotate_docx(str(source), result, str(dest)) == 3
    anchored = [c[3] for _, c in sorted(_comments(dest).items())]
    assert anchored == ["within ten (10) days", "promptly", "TBD"]


def test_word_numbering_labels_are_not_anchored(tmp_path):
    from bpo_lint.readers.docx import read_docx

    source = FIXTURES / "good-msa-numbered.docx"
    blocks = read_docx(str(source), source.read_bytes()).blocks
    block = next(b for b in blocks if b.col_map and "Definitions. In this" in b.text)
    label = block.text.split(" ", 1)[0]
    findings = (
        _finding(block.paragraph, 1, f"{label} Definitions"),  # starts in the Word number
        _finding(block.paragraph, block.text.index("In this") - len(label), "In this Agreement"),
    )
    result = FileResult(str(source), "docx", findings=findings)
    dest = tmp_path / "numbered.docx"
    annotate_docx(str(source), result, str(dest))
    anchored = [c[3] for _, c in sorted(_comments(dest).items())]
    assert anchored == ["Definitions", "In this Agreement"]


def test_cli_annotate_writes_once_and_needs_force(tmp_path):
    from click.testing import CliRunner

    from bpo_lint.cli import main

    source = str(FIXTURES / "deficient-msa.docx")
    dest = tmp_path / "reviewed.docx"
    runner = CliRunner()
    first = runner.invoke(main, [source, "-q", "--annotate", str(dest)])
    assert first.exit_code == 1  # the fixture has errors; the copy was still written
    assert dest.is_file() and _comments(dest)
    again = runner.invoke(main, [source, "-q", "--annotate", str(dest)])
    assert again.exit_code == 2
    assert "--force" in again.output
    forced = runner.invoke(main, [source, "-q", "--annotate", str(dest), "--force"])
    assert forced.exit_code == 1
    not_docx = runner.invoke(main, [str(FIXTURES / "deficient-msa.md"), "--annotate", str(dest)])
    assert not_docx.exit_code == 2
