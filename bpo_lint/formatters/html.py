"""A single self-contained HTML page for a reviewer: coverage scorecard, then findings by section.

Everything the page needs is inline (no fonts, scripts or images to fetch), every piece of
contract or rule text is escaped, and the output is deterministic (no timestamps).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from itertools import groupby

from bpo_lint.formatters.html_style import CSS
from bpo_lint.model import SEVERITIES, AreaCoverage, FileResult, Finding, Location

STATUS_LABEL = {
    "covered": "\u2714 Covered",
    "partial": "\u25d0 Partly covered",
    "missing": "\u2716 Missing",
    "unknown": "? Not assessed",
}
SEVERITY_LABEL = {"error": "\u2716 Error", "warning": "\u26a0 Warning", "info": "\u2139 Note"}
SEVERITY_NOUN = {"error": "error", "warning": "warning", "info": "note"}


def render(results: Sequence[FileResult], version: str, **_: object) -> str:
    """The whole report as one HTML document."""
    areas = _areas()
    body = [
        "<header><h1>Contract review report</h1>",
        f'<p class="meta">bpo-lint {_e(version)} &middot; {len(results)} file(s)</p></header>',
        _overview(results),
    ]
    for n, r in enumerate(results, start=1):
        body.append(_file(n, r, areas))
    body.append(
        "<footer>Produced by bpo-lint, an automated first review. It points at clauses to look "
        "at; it is not legal advice.</footer>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>bpo-lint report</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _areas() -> dict:
    """Area id -> (title, {element id: title}); ids stand in when the area files cannot load."""
    try:
        from bpo_lint.areas import load_areas

        return {a.id: (a.title, {e.id: e.title for e in a.elements}) for a in load_areas()}
    except Exception:  # titles are cosmetic: never fail a report over them
        return {}


def _counts(r: FileResult) -> str:
    summary = r.summary()
    items = [
        f'<li><span class="badge s-{s}">{_plural(summary[s], SEVERITY_NOUN[s])}</span></li>'
        for s in SEVERITIES
    ]
    return f'<ul class="counts" aria-label="Findings by severity">{"".join(items)}</ul>'


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _glance(coverage: dict[str, AreaCoverage], areas: dict) -> str:
    """One sentence a reviewer reads first: which key areas are missing or only partly there."""
    parts = []
    expected = {a: c for a, c in coverage.items() if c.required}
    for status, words in (("missing", "missing"), ("partial", "only partly covered")):
        names = [areas.get(a, (a, {}))[0] for a, c in expected.items() if c.status == status]
        if names:
            parts.append(f"{_plural(len(names), 'key area')} {words}: {', '.join(names)}.")
    if not parts and expected and all(c.status == "covered" for c in expected.values()):
        parts.append(
            "All eight key areas are covered."
            if len(expected) == len(coverage)
            else "Every key area the profile expects is covered."
        )
    return f'<p class="glance">{_e(" ".join(parts))}</p>' if parts else ""


def _overview(results: Sequence[FileResult]) -> str:
    rows = []
    for n, r in enumerate(results, start=1):
        if r.error:
            status = '<span class="badge s-error">\u2716 Could not be read</span>'
            cells = "<td>-</td>" * 3
        else:
            status = '<span class="badge st-covered">\u2714 Reviewed</span>'
            cells = "".join(f"<td>{r.summary()[s]}</td>" for s in SEVERITIES)
        rows.append(
            f'<tr><td><a href="#file-{n}">{_e(r.path)}</a></td><td>{status}</td>{cells}</tr>'
        )
    head = "<tr><th>File</th><th>Result</th><th>Errors</th><th>Warnings</th><th>Notes</th></tr>"
    return f'<table class="overview"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _file(n: int, r: FileResult, areas: dict) -> str:
    out = [f'<section class="file" id="file-{n}" aria-labelledby="file-{n}-title">']
    out.append(f'<h2 id="file-{n}-title">{_e(r.path)}</h2>')
    if r.error:
        out.append(
            '<div class="error-box" role="alert">'
            "<strong>This file could not be reviewed.</strong> "
            f"{_e(r.error.message)} <span class='rule'>[{_e(r.error.code)}]</span></div>"
        )
        return "\n".join([*out, "</section>"])
    out.append(f'<p class="meta">{_e(_stats(r))}</p>')
    out.append(_counts(r))
    out.append(_glance(r.coverage, areas))
    out += [f'<p class="meta">Reading note: {_e(w)}</p>' for w in r.warnings]
    out.append(_scorecard(r.coverage, areas))
    out.append(_findings(r))
    return "\n".join([*out, "</section>"])


def _stats(r: FileResult) -> str:
    parts = [{"pdf": "PDF", "docx": "Word", "markdown": "Markdown"}.get(r.format, "Text")]
    for key in ("pages", "paragraphs", "lines", "words", "sections"):
        if key in r.stats:
            parts.append(f"{r.stats[key]:,} {key}")
    return " \u00b7 ".join(parts)


def _scorecard(coverage: dict[str, AreaCoverage], areas: dict) -> str:
    rows = []
    for area_id, cov in coverage.items():
        title, element_titles = areas.get(area_id, (area_id, {}))
        status = (
            f'<span class="badge st-{_e(cov.status)}">'
            f"{_e(STATUS_LABEL.get(cov.status, cov.status))}</span>"
        )
        where = ", ".join(cov.sections[:10]) + (" \u2026" if len(cov.sections) > 10 else "")
        rows.append(
            f'<tr><td class="area">{_e(title)}</td><td class="status">{status}</td>'
            f'<td class="where">{_e(where or "-")}</td>'
            f"<td>{_elements(cov, element_titles)}</td></tr>"
        )
    head = (
        '<tr><th scope="col">Key area</th><th scope="col">Status</th>'
        '<th scope="col">Sections</th><th scope="col">What a reviewer expects</th></tr>'
    )
    return (
        '<h3>Coverage of the eight key areas</h3><table class="scorecard">'
        f"<thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _elements(cov: AreaCoverage, titles: dict[str, str]) -> str:
    if cov.status == "unknown":
        return "Not assessed (the clause classifier did not run)."
    if not cov.required:
        return "Not required by the profile chosen for this file."
    items = []
    wanted = cov.required_elements
    for element_id, present in cov.elements.items():
        if wanted is not None and element_id not in wanted:
            continue  # the profile does not expect it: neither a gap nor worth a line
        label = _e(titles.get(element_id, element_id))
        if present:
            items.append(f'<li><span class="el-yes">\u2714 found:</span> {label}</li>')
        else:
            items.append(f'<li><span class="el-no">\u2716 missing:</span> {label}</li>')
    return f'<ul class="elements">{"".join(items)}</ul>' if items else "-"


def _findings(r: FileResult) -> str:
    if not r.findings:
        return '<h3>Findings</h3><p class="none">\u2714 No findings.</p>'
    titles = {s.id: s.title for s in r.sections}
    out = ["<h3>Findings</h3>"]
    for section, group in groupby(r.findings, key=lambda f: f.location.section):
        out.append(f"<h4>{_e(_section_heading(section, titles))}</h4>")
        out += [_finding(f) for f in group]
    return "\n".join(out)


def _section_heading(section: str | None, titles: dict[str, str]) -> str:
    if section is None:
        return "The agreement as a whole"
    title = titles.get(section, "")
    # Unnumbered sections get ids like "s4": the title says more to a reader than the id.
    if section.startswith("s") and section[1:2].isdigit():
        return title or f"Unnumbered section {section}"
    return f"Section {section} \u2014 {title}" if title else f"Section {section}"


def _finding(f: Finding) -> str:
    sev = f.severity
    parts = [
        f'<article class="finding s-{sev}"><div class="head">'
        f'<span class="badge s-{sev}">{SEVERITY_LABEL[sev]}</span>'
        f'<span class="where">{_e(describe_location(f.location))}</span></div>',
        f'<p class="message">{_e(f.message)}</p>',
    ]
    if f.excerpt:
        parts.append(f"<blockquote>{_e(f.excerpt)}</blockquote>")
    if f.suggestion:
        parts.append(f'<p class="fix"><strong>Suggested fix:</strong> {_e(f.suggestion)}</p>')
    if f.related:
        others = "; ".join(_related(loc) for loc in f.related)
        parts.append(f'<p class="where">See also: {_e(others)}</p>')
    rule = f.rule + (f" \u00b7 {f.code}" if f.code else "")
    parts.append(f'<div class="rule">Rule {_e(rule)}</div></article>')
    return "".join(parts)


def describe_location(loc: Location) -> str:
    """A location in words: 'Page 3, line 7', 'Paragraph 45', 'Line 12, column 5'."""
    if loc.page is not None:
        return f"Page {loc.page}" + (f", line {loc.line}" if loc.line else "")
    if loc.paragraph is not None:
        return f"Paragraph {loc.paragraph}"
    if loc.line is not None:
        return f"Line {loc.line}, column {loc.column or 1}"
    return "Whole agreement"


def _related(loc: Location) -> str:
    where = describe_location(loc)
    return f"section {loc.section} ({where.lower()})" if loc.section else where.lower()
