"""`bpo-lint extract`: the text as bpo-lint read it, section by section, with locations."""

from __future__ import annotations

from bpo_lint.formatters.text import format_location
from bpo_lint.lint import read_and_section
from bpo_lint.model import Document


def render_extract(path: str, data: bytes | None = None, password: str | None = None) -> str:
    """Read and section a file, and show each section's id, title, level, location and text."""
    return render_document(read_and_section(path, data, password))


def render_document(doc: Document) -> str:
    """The extract view of an already sectioned document."""
    out = [f"# {doc.path} ({doc.format}, {len(doc.sections)} sections)\n"]
    for warning in doc.warnings:
        out.append(f"# warning: {warning}\n")
    first = doc.sections[0].start if doc.sections else len(doc.text)
    if doc.text[:first].strip():
        out.append(f"\n== (before the first section) [{format_location(doc.locate(0))}]\n")
        out.append(doc.text[:first].rstrip() + "\n")
    for i, section in enumerate(doc.sections):
        # A parent's body stops where its first child starts, so no text is printed twice.
        nxt = doc.sections[i + 1].start if i + 1 < len(doc.sections) else section.end
        stop = min(section.end, nxt) if nxt > section.start else section.end
        where = format_location(doc.locate(section.start))
        indent = "  " * (section.level - 1)
        title = f" {section.title}" if section.title else ""
        out.append(f"\n{indent}== {section.id}{title} [{where}]\n")
        body = doc.text[section.start : stop].rstrip()
        if body:
            out.append(body + "\n")
    return "".join(out)
