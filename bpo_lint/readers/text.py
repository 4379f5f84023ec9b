"""Plain-text reader: one Block per source line, so every offset maps to a file line and column."""

from __future__ import annotations

import re

from bpo_lint.model import Block, Document, ReadError
from bpo_lint.readers.encoding import decode_text

# The line breaks an editor counts: CRLF, LF and a lone CR (classic Mac files).
_NEWLINE = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The file's lines without their line breaks; a final newline does not start a new line."""
    lines = _NEWLINE.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def text_blocks(lines: list[str]) -> list[Block]:
    """One unchanged Block per line, numbered from 1."""
    return [Block(text=line, line=n) for n, line in enumerate(lines, start=1)]


def document_from_string(text: str, path: str = "<string>", markdown: bool = True) -> Document:
    """A Document from text in memory, read as Markdown (the default) or as plain text."""
    lines = split_lines(text)
    if markdown:
        from bpo_lint.readers.markdown import markdown_blocks

        return Document.from_blocks(path, "markdown", markdown_blocks(lines))
    return Document.from_blocks(path, "text", text_blocks(lines))


def decode_nonempty(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decoded text and warnings; ReadError("empty-file") when there is nothing but whitespace."""
    from bpo_lint.readers import check_text_size

    text, warnings = decode_text(data)
    check_text_size(len(text))  # before splitting: a huge file must fail fast, not at the end
    if not text.strip():
        raise ReadError("empty-file", "file has no text (only whitespace)")
    return text, warnings


def read_text(path: str, data: bytes) -> Document:
    """Read a plain-text file's bytes into a Document of format "text"."""
    text, warnings = decode_nonempty(data)
    return Document.from_blocks(path, "text", text_blocks(split_lines(text)), warnings=warnings)
