"""The JSON report, version 1 (shared/design/REPORT-SCHEMA.md): deterministic, no timestamps."""

from __future__ import annotations

from collections.abc import Sequence

from bpo_lint.formatters.json_text import dumps_indented
from bpo_lint.model import AreaCoverage, FileResult, Finding, SectionReport

SCHEMA_VERSION = 1


def report_dict(results: Sequence[FileResult], version: str) -> dict:
    """The report as plain data, in the schema's key order."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "bpo-lint", "version": version},
        "files": [_file(r) for r in results],
    }


def render(results: Sequence[FileResult], version: str) -> str:
    """The report as JSON text, byte-identical for identical input."""
    return dumps_indented(report_dict(results, version)) + "\n"


def _file(r: FileResult) -> dict:
    error = {"code": r.error.code, "message": r.error.message} if r.error else None
    return {
        "path": r.path,
        "format": r.format,
        "error": error,
        "stats": dict(r.stats),
        "sections": [] if error else [_section(s) for s in r.sections],
        "coverage": {} if error else {a: _coverage(c) for a, c in r.coverage.items()},
        "findings": [] if error else [_finding(f) for f in r.findings],
        "summary": r.summary(),
    }


def _section(s: SectionReport) -> dict:
    return {
        "id": s.id,
        "title": s.title,
        "level": s.level,
        "location": s.location.to_dict(),
        "end": s.end.to_dict(),
        "areas": list(s.areas),
        # Rounded so that float noise never changes the bytes of a report.
        "scores": {a: round(float(v), 3) for a, v in s.scores.items()},
    }


def _coverage(c: AreaCoverage) -> dict:
    return {
        "status": c.status,
        "sections": list(c.sections),
        "elements": dict(c.elements),
        "required": c.required,
    }


def _finding(f: Finding) -> dict:
    out = {"rule": f.rule}
    if f.code:
        out["code"] = f.code
    out.update(
        {
            "category": f.category,
            "severity": f.severity,
            "area": f.area,
            "message": f.message,
            "location": f.location.to_dict(),
            "excerpt": f.excerpt,
            "suggestion": f.suggestion,
            "related": [loc.to_dict() for loc in f.related],
        }
    )
    return out
