"""The terminal report (rich): per file a header, the coverage table, findings by section."""

from __future__ import annotations

import io
from collections.abc import Sequence
from itertools import groupby

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from bpo_lint.model import AreaCoverage, FileResult, Finding, Location

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
STATUS_STYLE = {"covered": "green", "partial": "yellow", "missing": "bold red", "unknown": "dim"}
NOT_REQUIRED = "(not required by the profile)"


def render(
    results: Sequence[FileResult], version: str, *, color: bool = False, quiet: bool = False
) -> str:
    """The human report as one string (ANSI colours only when `color`)."""
    buf = io.StringIO()
    console = Console(
        file=buf,
        width=110,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        soft_wrap=False,
    )
    for result in results:
        if result.error:
            console.print(Text(f"{result.path}: error: {result.error.message}", "bold red"))
            continue
        if not quiet:
            _header(console, result)
            _coverage_table(console, result.coverage)
        _findings(console, result, quiet)
    if not quiet:
        _totals(console, results)
    # rich pads table cells to the full width; trailing blanks only clutter logs and diffs.
    return "\n".join(line.rstrip() for line in buf.getvalue().split("\n"))


def _header(console: Console, r: FileResult) -> None:
    stats = r.stats
    parts = [r.format or "?"]
    for key, label in (("pages", "pages"), ("paragraphs", "paragraphs"), ("lines", "lines")):
        if key in stats:
            parts.append(f"{stats[key]:,} {label}")
    parts.append(f"{stats.get('words', 0):,} words")
    parts.append(f"{stats.get('sections', 0)} sections")
    parts.append(f"{r.seconds:.2f} s")
    console.print()
    console.print(Text(r.path, "bold") + Text("  (" + " · ".join(parts) + ")", "dim"))


def _area_titles() -> dict[str, str]:
    try:
        from bpo_lint.areas import load_areas

        return {a.id: a.title for a in load_areas()}
    except Exception:  # titles are cosmetic: never fail a report over them
        return {}


def _coverage_table(console: Console, coverage: dict[str, AreaCoverage]) -> None:
    if not coverage:
        return
    titles = _area_titles()
    table = Table(
        box=box.SIMPLE_HEAD, title="Coverage of the eight key areas", title_justify="left"
    )
    table.add_column("Area", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Where", max_width=36)
    table.add_column("Missing elements", max_width=40)
    for area_id, cov in coverage.items():
        where = ", ".join(cov.sections[:8]) + (" …" if len(cov.sections) > 8 else "")
        if cov.status == "unknown":
            missing = "(not classified)"
        elif not cov.required:
            missing = NOT_REQUIRED
        else:
            missing = ", ".join(cov.gaps())
        table.add_row(
            titles.get(area_id, area_id),
            _status(cov),
            where or "-",
            missing or "-",
        )
    console.print(table)


def _status(cov: AreaCoverage) -> Text:
    # An area the profile does not expect is shown for information, never as a red gap.
    if not cov.required:
        return Text(cov.status, "dim")
    shown = cov.status.upper() if cov.status == "missing" else cov.status
    return Text(shown, STATUS_STYLE.get(cov.status, ""))


def format_location(loc: Location) -> str:
    """A short human location: 12:5 for text, p.3 l.7 for PDF, ¶45 for DOCX."""
    if loc.page is not None:
        out = f"p.{loc.page}" + (f" l.{loc.line}" if loc.line else "")
    elif loc.paragraph is not None:
        out = f"¶{loc.paragraph}"
    elif loc.line is not None:
        out = f"{loc.line}:{loc.column or 1}"
    else:
        return "document"
    return out


def _findings(console: Console, r: FileResult, quiet: bool) -> None:
    if not r.findings:
        if not quiet:
            console.print(Text("No findings.", "green"))
        return
    if quiet:
        for f in r.findings:
            _quiet_line(console, r.path, f)
        return
    console.print(Text("Findings", "bold"))
    titles = {s.id: s.title for s in r.sections}

    def section_of(f: Finding) -> str:
        return f.location.section or ""

    for sec_id, group in groupby(r.findings, key=section_of):
        head = f"§ {sec_id} {titles.get(sec_id, '')}".rstrip() if sec_id else "(document)"
        console.print(Text(head, "bold underline"))
        # One grid per section: wrapped messages stay indented under their own column.
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=12, no_wrap=True)
        grid.add_column(width=7, no_wrap=True)
        grid.add_column(ratio=1)
        for f in group:
            _finding_rows(grid, f)
        console.print(grid)


def _quiet_line(console: Console, path: str, f: Finding) -> None:
    line = Text(f"{path}:{format_location(f.location)}: ")
    line.append(f.severity, SEVERITY_STYLE.get(f.severity, ""))
    line.append(f" {f.rule} ", "dim")
    line.append(f.message)
    console.print(line, soft_wrap=True)


def _finding_rows(grid: Table, f: Finding) -> None:
    body = Text(f.message)
    body.append(f"  [{f.rule}]", "dim")
    grid.add_row(
        "  " + format_location(f.location), Text(f.severity, SEVERITY_STYLE[f.severity]), body
    )
    if f.excerpt:
        grid.add_row("", "", Text(f"“{f.excerpt}”", "italic"))
    if f.suggestion:
        grid.add_row("", "", Text(f"→ {f.suggestion}", "green"))
    if f.related:
        others = "; ".join(_related(loc) for loc in f.related)
        grid.add_row("", "", Text(f"see also: {others}", "dim"))


def _related(loc: Location) -> str:
    where = format_location(loc)
    return f"§ {loc.section} ({where})" if loc.section else where


def _totals(console: Console, results: Sequence[FileResult]) -> None:
    counts = {"error": 0, "warning": 0, "info": 0}
    for r in results:
        for sev, n in r.summary().items():
            counts[sev] += n
    failed = sum(1 for r in results if r.error)
    text = (
        f"{len(results)} file(s): {counts['error']} error(s), {counts['warning']} warning(s), "
        f"{counts['info']} info"
    )
    if failed:
        text += f"; {failed} file(s) could not be read"
    console.print()
    console.print(Text(text, "bold"))
