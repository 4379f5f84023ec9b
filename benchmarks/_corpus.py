"""Inputs for the speed runs: a long Markdown agreement built from our own fixture, and CUAD.

The long agreement repeats the operative articles of fixtures/good-msa.md (text written for this
project, never corpus text), renumbered so that every copy has its own article numbers and its
cross-references point inside the same copy, until it reaches the wanted length.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "fixtures" / "good-msa.md"
CUAD_TXT = (REPO / ".." / "shared" / "corpus" / "train" / "cuad-txt").resolve()

_ARTICLE = re.compile(r"^## (\d+)\. ", re.MULTILINE)
_TAIL = re.compile(r"^## (Schedule|Signatures)", re.MULTILINE)
_CLAUSE = re.compile(r"^(\d+)\.(\d+)", re.MULTILINE)
_REF = re.compile(r"\b(Sections?) (\d+)\b")


def _split(text: str) -> tuple[str, str, str]:
    """(preamble with article 1, articles 2 onwards, schedules and signatures)."""
    second = next(m for m in _ARTICLE.finditer(text) if m.group(1) == "2").start()
    tail = _TAIL.search(text).start()
    return text[:second], text[second:tail], text[tail:]


def _renumber(body: str, offset: int) -> str:
    def article(m: re.Match) -> str:
        return f"## {int(m.group(1)) + offset}. "

    def clause(m: re.Match) -> str:
        return f"{int(m.group(1)) + offset}.{m.group(2)}"

    def ref(m: re.Match) -> str:
        n = int(m.group(2))
        return f"{m.group(1)} {n + offset if n >= 2 else n}"  # Section 1 (definitions) is shared

    return _REF.sub(ref, _CLAUSE.sub(clause, _ARTICLE.sub(article, body)))


def long_markdown(words: int = 79_000) -> str:
    """An agreement of about `words` words (never fewer), whole articles of the good fixture."""
    head, body, tail = _split(SOURCE.read_text(encoding="utf-8"))
    starts = [m.start() for m in _ARTICLE.finditer(body)] + [len(body)]
    articles = [body[a:b] for a, b in itertools.pairwise(starts)]
    parts, count, n = [head], len(head.split()) + len(tail.split()), 0
    while count < words:
        copy, i = divmod(n, len(articles))
        piece = _renumber(articles[i], copy * len(articles))
        parts.append(piece)
        count += len(piece.split())
        n += 1
    parts.append(tail)
    return "".join(parts)


def write_long_markdown(path: Path, words: int = 79_000) -> tuple[Path, int]:
    """Write the long agreement to `path`; returns the path and its word count."""
    text = long_markdown(words)
    path.write_text(text, encoding="utf-8")
    return path, len(text.split())


def cuad_texts() -> list[Path]:
    """The CUAD training texts, sorted; empty when the shared corpus is absent."""
    if not CUAD_TXT.is_dir():
        return []
    return sorted(CUAD_TXT.glob("*.txt"))


if __name__ == "__main__":
    import sys

    print(write_long_markdown(Path(sys.argv[1])))
