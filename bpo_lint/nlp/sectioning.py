"""Text -> sectioned Document, through the project's reader and sectioner.

Training must see the same sections as run time, so this always prefers the real
`bpo_lint.sections.split_sections`. A crude fallback splitter exists only for when that module
is absent (early development); `real_sectioner()` says which one is in use, and the manifest
records it.
"""

from __future__ import annotations

import re

from bpo_lint.model import Block, Document, Section

# Run-in numbered headings as CUAD texts print them: "12.3 Termination for Convenience. The ..."
_RUN_IN = re.compile(
    r"(?:(?<=\s)|^)(?P<num>\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+"
    r"(?P<title>[A-Z][A-Za-z,;&/'’\- ]{2,70}?)[.:]\s"
)


def real_sectioner() -> bool:
    """True when bpo_lint.sections.split_sections is importable."""
    try:
        from bpo_lint.sections import split_sections  # noqa: F401
    except ImportError:
        return False
    return True


def _document(text: str, path: str) -> Document:
    try:
        from bpo_lint.readers.text import document_from_string
    except ImportError:
        lines = text.split("\n")
        return Document.from_blocks(
            path, "text", [Block(t, line=i + 1) for i, t in enumerate(lines)]
        )
    return document_from_string(text, path, markdown=False)


def _fallback_split(doc: Document) -> Document:
    starts = []
    for m in _RUN_IN.finditer(doc.text):
        level = m.group("num").count(".") + 1
        starts.append((m.start(), m.end(), m.group("num"), m.group("title").strip(), level))
    sections: list[Section] = []
    stack: list[int] = []
    for i, (start, body, num, title, level) in enumerate(starts):
        end = len(doc.text)
        for later in starts[i + 1 :]:
            if later[4] <= level:
                end = later[0]
                break
        while stack and sections[stack[-1]].level >= level:
            stack.pop()
        parent = stack[-1] if stack else None
        sections.append(Section(num, title, level, start, end, body, parent))
        stack.append(len(sections) - 1)
    return doc.with_sections(sections)


def sectioned(text: str, path: str) -> Document:
    """Read text as a plain-text file and split it into sections, as `bpo-lint` does."""
    doc = _document(text, path)
    try:
        from bpo_lint.sections import split_sections
    except ImportError:
        return _fallback_split(doc)
    return split_sections(doc)
