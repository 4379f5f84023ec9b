"""Word comments: a copy of a .docx agreement with each finding as a comment on its words.

Paragraphs are counted exactly as the DOCX reader counts them (its own tree walk, table cells
included, tracked insertions visible, wholly deleted paragraphs skipped), so a finding's
paragraph and column land on the same characters here. Runs are split at the finding's
offsets because Word anchors a comment on whole runs only.
"""

from __future__ import annotations

import copy
import io
import os
from dataclasses import dataclass
from pathlib import Path

from bpo_lint.model import FileResult, Finding
from bpo_lint.output import write_output

AUTHOR, INITIALS = "bpo-lint", "BL"


class AnnotateError(Exception):
    """The annotated copy cannot be written; `code` is stable, the CLI exits 2 on it."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class _Piece:
    """A visible run of a paragraph and where its text sits in the paragraph's own text."""

    run: object  # the w:r lxml element
    start: int
    end: int


def comment_text(f: Finding) -> str:
    """The comment for a finding: message, suggestion and rule id."""
    text = f.message
    if f.suggestion:
        text += "\nSuggestion: " + f.suggestion
    return f"{text} [{f.rule}]"


def annotate_docx(source: str, result: FileResult, dest: str, force: bool = False) -> int:
    """Write a copy of `source` to `dest` with one Word comment per finding; return the count."""
    _check_paths(source, result, dest, force)
    data = Path(source).read_bytes()
    document, paragraphs = _open(source, data)
    written = 0
    for f in result.findings:
        anchor = _anchor(paragraphs, f)
        if anchor is None:
            continue
        (p, _, _), (start, end) = anchor
        first, last = _isolate(p, start, end)
        from docx.text.run import Run

        runs = [Run(first, None), Run(last, None)]
        document.add_comment(runs, text=comment_text(f), author=AUTHOR, initials=INITIALS)
        written += 1
    buf = io.BytesIO()
    document.save(buf)
    write_output(dest, buf.getvalue())
    return written


def _check_paths(source: str, result: FileResult, dest: str, force: bool) -> None:
    if result.error is not None or result.format != "docx":
        raise AnnotateError("not-docx", f"--annotate needs a readable Word (.docx) file: {source}")
    same = os.path.realpath(dest) == os.path.realpath(source)
    if same or (os.path.exists(dest) and os.path.samefile(dest, source)):
        raise AnnotateError("same-file", f"{dest} is the input; bpo-lint never changes an input")
    if os.path.exists(dest) and not force:
        raise AnnotateError("exists", f"{dest} already exists (use --force to replace it)")
    if os.path.isdir(dest):
        raise AnnotateError("is-dir", f"{dest} is a directory")


def _open(path: str, data: bytes):
    """The python-docx Document and its counted paragraphs: (w:p, label length, own text)."""
    import docx

    from bpo_lint.readers.docx import _paragraphs, read_docx

    blocks = read_docx(path, data).blocks
    document = docx.Document(io.BytesIO(data))
    counted = []
    for p, _ in _paragraphs(document.element.body, False):
        own = "".join(_text_of(p))
        ppr = p.find(_w("pPr"))
        if not own and ppr is not None and ppr.find(f"{_w('rPr')}/{_w('del')}") is not None:
            continue  # the reader skips wholly deleted paragraphs, so their number is not used
        counted.append((p, own))
    if len(counted) != len(blocks):
        raise AnnotateError("mismatch", f"{path}: paragraphs could not be matched to the reader's")
    out = []
    for (p, own), block in zip(counted, blocks, strict=True):
        label_len = len(block.text) - len(own) if block.col_map else 0
        out.append((p, max(label_len, 0), own))
    return document, out


def _w(name: str) -> str:
    from bpo_lint.readers.docx_styles import W

    return f"{W}{name}"


def _text_of(p) -> list[str]:
    return [text for _, pieces in _runs(p) for _, text in pieces]


def _runs(p) -> list[tuple[object, list[tuple[object, str]]]]:
    """Visible runs of a paragraph in reader order, each with its text-bearing children."""
    from bpo_lint.readers.docx import _RUN_TEXT, _SKIP, R, _hidden

    found: list = []

    def walk(el) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == R:
                if not _hidden(child):
                    found.append((child, _pieces(child, _RUN_TEXT)))
            else:
                walk(child)

    walk(p)
    return found


def _pieces(run, run_text: dict) -> list[tuple[object, str]]:
    out = []
    for child in run:
        if child.tag == _w("t"):
            out.append((child, child.text or ""))
        elif child.tag in run_text:
            out.append((child, run_text[child.tag]))
        elif child.tag != _w("rPr"):
            out.append((child, ""))  # field codes, references: no text, but kept in order
    return out


def _layout(p) -> list[_Piece]:
    pieces, pos = [], 0
    for run, parts in _runs(p):
        n = sum(len(t) for _, t in parts)
        pieces.append(_Piece(run, pos, pos + n))
        pos += n
    return pieces


def _anchor(paragraphs, f: Finding):
    """((w:p, label length, own text), (start, end)) in own-text offsets, or None."""
    usable = [i for i, (_, _, own) in enumerate(paragraphs) if own.strip()]
    if not usable:
        return None
    n = f.location.paragraph
    if n is None or not (1 <= n <= len(paragraphs)) or not paragraphs[n - 1][2].strip():
        # Document-level findings (missing areas) go on the title, the first words of the page.
        chosen = paragraphs[usable[0]]
        return chosen, (0, len(chosen[2]))
    p, label_len, own = paragraphs[n - 1]
    span = _excerpt_span(label_len, own, f.location.column or 1, f.excerpt)
    return (p, label_len, own), span


def _excerpt_span(label_len: int, own: str, column: int, excerpt: str) -> tuple[int, int]:
    """The excerpt's own-text offsets; label characters are not in the file, so clipped off."""
    full = " " * label_len + own  # only positions matter; the label text itself is never matched
    first_line = excerpt.split("\n", 1)[0]
    guess = label_len + column - 1
    idx = None
    if first_line:
        hits = [i for i in range(len(full)) if full.startswith(first_line, i)]
        idx = min(hits, key=lambda i: abs(i - guess)) if hits else None
        if idx is None and column == 1 and label_len:
            # The excerpt starts with the Word number ("3.4 If..."): match what follows it.
            rest = first_line.split(" ", 1)[1] if " " in first_line else ""
            if rest and own.startswith(rest):
                return 0, len(rest)
    if idx is None:
        return 0, len(own)
    start = max(idx - label_len, 0)
    end = min(idx + len(first_line) - label_len, len(own))
    return (start, end) if end > start else (0, len(own))


def _isolate(p, start: int, end: int):
    """Split runs so that whole runs cover [start, end); return the first and last w:r."""
    for cut in (start, end):
        for piece in _layout(p):
            if piece.start < cut < piece.end:
                _split_run(piece.run, cut - piece.start)
                break
    inside = [q for q in _layout(p) if q.start >= start and q.end <= end and q.end > q.start]
    return inside[0].run, inside[-1].run


def _split_run(run, k: int) -> None:
    """Split a w:r after its k-th character; the copy after it keeps formatting and the rest."""
    from bpo_lint.readers.docx import _RUN_TEXT

    right = copy.deepcopy(run)
    run.addnext(right)
    pos = 0
    for (left_child, text), (right_child, _) in zip(
        _pieces(run, _RUN_TEXT), _pieces(right, _RUN_TEXT), strict=True
    ):
        n = len(text)
        if pos + n <= k:
            right.remove(right_child)
        elif pos >= k:
            run.remove(left_child)
        else:  # only a w:t can straddle the cut
            left_child.text, right_child.text = text[: k - pos], text[k - pos :]
            for child in (left_child, right_child):
                child.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        pos += n
