"""Inline suppressions: HTML-comment directives in Markdown and text, Word comments in DOCX.

The Markdown reader drops HTML comments from Document.text (rules never see them), so the raw
bytes are read again here and directives are mapped to file lines, the lines findings carry.
A suppression that suppresses nothing becomes a warning on the file's result (FileResult.warnings,
which the CLI prints on stderr), as ruff's RUF100 reports an unused `noqa`; it is not a finding,
so it never changes the exit status.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from bpo_lint.model import FileResult, Finding

ACTIONS = ("disable-next-line", "disable", "enable", "disable-file")
_DIRECTIVE = re.compile(r"<!--\s*bpo-lint:\s*([\w-]*)(.*?)-->", re.IGNORECASE)
_ONLY_COMMENTS = re.compile(r"^\s*(?:<!--.*?-->\s*)*$")
_END = 10**9  # "to the end of the file" for an unclosed disable


@dataclass(frozen=True)
class Suppression:
    """One rule selector ("" = every rule) silenced over lines or paragraphs first..last."""

    selector: str
    directive: str  # as written, for messages: "disable-next-line vague.efforts"
    at: int  # the line (or paragraph) where the directive is
    first: int | None = None  # None: the whole file, document-level findings included
    last: int | None = None
    unit: str = "line"  # "line" or "paragraph"

    def covers(self, finding: Finding) -> bool:
        """Whether this suppression silences `finding`."""
        from bpo_lint.config_rules import selector_matches

        if self.selector and not selector_matches(self.selector, finding.rule, finding.code):
            return False
        if self.first is None:
            return True
        where = finding.location.line if self.unit == "line" else finding.location.paragraph
        return where is not None and self.first <= where <= (self.last or _END)


def split_selectors(text: str) -> tuple[str, ...]:
    """Rule selectors written after a directive, comma- or space-separated."""
    return tuple(s for s in re.split(r"[\s,]+", text.strip()) if s)


def parse_text_directives(lines: Sequence[str]) -> tuple[list[Suppression], list[str]]:
    """Suppressions from `<!-- bpo-lint: ... -->` comments, and warnings for malformed ones."""
    from bpo_lint.pack import did_you_mean

    found: list[Suppression] = []
    warnings: list[str] = []
    open_ranges: dict[str, tuple[int, str]] = {}  # selector -> (line, directive)
    for n, line in enumerate(lines, start=1):
        for m in _DIRECTIVE.finditer(line):
            action, selectors = m.group(1).lower(), split_selectors(m.group(2))
            directive = " ".join((action, *selectors))
            if action not in ACTIONS:
                hint = did_you_mean(action, ACTIONS)
                warnings.append(f"line {n}: unknown bpo-lint directive '{action}'{hint}")
            elif action == "disable-file":
                found += [Suppression(s, directive, n) for s in selectors or ("",)]
            elif action == "disable-next-line":
                target = _next_content_line(lines, n)
                found += [Suppression(s, directive, n, target, target) for s in selectors or ("",)]
            elif action == "disable":
                for s in selectors or ("",):
                    open_ranges.setdefault(s, (n, directive))
            else:
                for s in selectors or tuple(open_ranges):
                    if s in open_ranges:
                        start, text = open_ranges.pop(s)
                        found.append(Suppression(s, text, start, start + 1, n - 1))
    found += [Suppression(s, text, at, at + 1, _END) for s, (at, text) in open_ranges.items()]
    return found, warnings


def _next_content_line(lines: Sequence[str], n: int) -> int:
    # The directive usually sits on its own line above a paragraph, maybe after a blank line.
    for i in range(n, len(lines)):
        if not _ONLY_COMMENTS.match(lines[i]):
            return i + 1
    return n + 1


def find_suppressions(fmt: str, path: str, data: bytes | None) -> tuple[list[Suppression], list]:
    """Suppressions written in a file of format `fmt` (PDF has none), and warnings."""
    if fmt not in ("markdown", "text", "docx"):
        return [], []
    if data is None:
        with open(path, "rb") as fh:
            data = fh.read()
    if fmt == "docx":
        from bpo_lint.suppress_docx import docx_suppressions

        return docx_suppressions(data)
    from bpo_lint.readers.encoding import decode_text
    from bpo_lint.readers.text import split_lines

    text, _ = decode_text(data)
    return parse_text_directives(split_lines(text))


def apply_suppressions(
    result: FileResult, suppressions: Sequence[Suppression], rules: Iterable = ()
) -> FileResult:
    """Drop suppressed findings; warn about suppressions of selected rules that matched nothing."""
    from bpo_lint.config_rules import selector_matches

    used: set[int] = set()
    kept = []
    for finding in result.findings:
        hits = [i for i, s in enumerate(suppressions) if s.covers(finding)]
        used.update(hits)
        if not hits:
            kept.append(finding)
    active = [(r.id, r.code) for r in rules]
    warnings = []
    for i, s in enumerate(suppressions):
        # A suppression of a rule that did not run (--select, per-file-ignores) is not stale.
        ran = any(not s.selector or selector_matches(s.selector, rid, c) for rid, c in active)
        if i not in used and ran:
            what = f"'{s.selector}'" if s.selector else "all rules"
            where = "line" if s.unit == "line" else "paragraph"
            warnings.append(
                f"{where} {s.at}: unused suppression of {what} "
                f"(bpo-lint: {s.directive}): nothing to suppress"
            )
    return replace(result, findings=tuple(kept), warnings=(*result.warnings, *warnings))
