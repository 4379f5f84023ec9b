"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per finding.

GitHub turns these lines into annotations on the pull request's files. Escaping follows the
Actions toolkit: data escapes %, CR and LF; properties also escape ':' and ','.
"""

from __future__ import annotations

from collections.abc import Sequence

from bpo_lint.model import FileResult, Finding, Location

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
_LINE_FORMATS = ("text", "markdown")


def escape_data(text: str) -> str:
    """Escape a command's message (after the second '::')."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file=, title=...)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: Sequence[FileResult], version: str, **_: object) -> str:
    """One workflow command per finding, file error and reader warning."""
    lines = []
    for r in results:
        if r.error:
            msg = f"cannot lint this file: {r.error.message} [{r.error.code}]"
            lines.append(_command("error", {"file": r.path, "title": "bpo-lint"}, msg))
            continue
        for warning in r.warnings:
            lines.append(_command("warning", {"file": r.path, "title": "bpo-lint"}, warning))
        lines += [_finding(r, f) for f in r.findings]
    return "".join(line + "\n" for line in lines)


def _finding(r: FileResult, f: Finding) -> str:
    props = {"file": r.path} | _position(r.format, f.location)
    props["title"] = f"{f.rule} ({f.code})" if f.code else f.rule
    message = f.message + _where(r.format, f.location)
    if f.suggestion:
        message += f"\nSuggestion: {f.suggestion}"
    return _command(COMMANDS[f.severity], props, message)


def _position(fmt: str | None, loc: Location) -> dict[str, str]:
    """line/col/endLine/endColumn for text and Markdown; nothing for PDF and DOCX positions."""
    if fmt not in _LINE_FORMATS or loc.line is None:
        return {}
    out = {"line": str(loc.line)}
    end_line = loc.end_line or loc.line
    if end_line != loc.line:
        # GitHub only honours columns when the annotation stays on one line.
        return out | {"endLine": str(end_line)}
    if loc.column:
        out["col"] = str(loc.column)
        out["endLine"] = str(end_line)
        if loc.end_column and loc.end_column > loc.column:
            # Our end column is exclusive (as in SARIF); GitHub's is the last character.
            out["endColumn"] = str(loc.end_column - 1)
    return out


def _where(fmt: str | None, loc: Location) -> str:
    """The position in words where GitHub cannot show it: PDF page/line, DOCX paragraph."""
    if fmt in _LINE_FORMATS:
        return ""
    parts = []
    if loc.page is not None:
        parts.append(f"page {loc.page}" + (f", line {loc.line}" if loc.line else ""))
    elif loc.paragraph is not None:
        parts.append(f"paragraph {loc.paragraph}")
    if loc.section:
        parts.append(f"section {loc.section}")
    return f" ({'; '.join(parts)})" if parts else ""


def _command(name: str, props: dict[str, str], message: str) -> str:
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
    return f"::{name} {joined}::{escape_data(message)}"
