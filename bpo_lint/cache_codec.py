"""FileResult to plain data and back, losslessly (the cache's entry format).

Unlike the JSON report this keeps everything: warnings, timings, where each coverage element
was found, and every Location field, so a cached result renders exactly as a fresh one.
"""

from __future__ import annotations

from dataclasses import fields

from bpo_lint.model import (
    AreaCoverage,
    FileError,
    FileResult,
    Finding,
    Location,
    SectionReport,
)

_LOC_FIELDS = tuple(f.name for f in fields(Location))


def result_to_dict(r: FileResult) -> dict:
    """Every field of a FileResult as JSON-ready data."""
    return {
        "path": r.path,
        "format": r.format,
        "error": {"code": r.error.code, "message": r.error.message} if r.error else None,
        "stats": dict(r.stats),
        "sections": [_section(s) for s in r.sections],
        "coverage": {a: _coverage(c) for a, c in r.coverage.items()},
        "findings": [_finding(f) for f in r.findings],
        "warnings": list(r.warnings),
        "seconds": r.seconds,
    }


def result_from_dict(d: dict) -> FileResult:
    """The FileResult that `result_to_dict` described; raises KeyError/TypeError if malformed."""
    err = d["error"]
    return FileResult(
        path=d["path"],
        format=d["format"],
        error=FileError(err["code"], err["message"]) if err else None,
        stats=dict(d["stats"]),
        sections=tuple(_section_back(s) for s in d["sections"]),
        coverage={a: _coverage_back(c) for a, c in d["coverage"].items()},
        findings=tuple(_finding_back(f) for f in d["findings"]),
        warnings=tuple(d["warnings"]),
        seconds=float(d["seconds"]),
    )


def _loc(loc: Location) -> list:
    # A fixed-order list: shorter than a dict, and None survives the round trip.
    return [getattr(loc, name) for name in _LOC_FIELDS]


def _loc_back(values: list) -> Location:
    if len(values) != len(_LOC_FIELDS):
        raise TypeError("location has the wrong number of fields")
    return Location(*values)  # _LOC_FIELDS is the field order, so positions are the fields


def _section(s: SectionReport) -> dict:
    return {
        "id": s.id,
        "title": s.title,
        "level": s.level,
        "location": _loc(s.location),
        "end": _loc(s.end),
        "areas": list(s.areas),
        "scores": dict(s.scores),
    }


def _section_back(d: dict) -> SectionReport:
    return SectionReport(
        id=d["id"],
        title=d["title"],
        level=d["level"],
        location=_loc_back(d["location"]),
        end=_loc_back(d["end"]),
        areas=tuple(d["areas"]),
        scores=dict(d["scores"]),
    )


def _coverage(c: AreaCoverage) -> dict:
    return {
        "status": c.status,
        "sections": list(c.sections),
        "elements": dict(c.elements),
        "element_spans": {k: list(v) for k, v in c.element_spans.items()},
        "required": c.required,
        "required_elements": None if c.required_elements is None else sorted(c.required_elements),
    }


def _coverage_back(d: dict) -> AreaCoverage:
    wanted = d.get("required_elements")
    return AreaCoverage(
        status=d["status"],
        sections=tuple(d["sections"]),
        elements=dict(d["elements"]),
        element_spans={k: tuple(v) for k, v in d["element_spans"].items()},
        required=bool(d.get("required", True)),
        required_elements=None if wanted is None else frozenset(wanted),
    )


def _finding(f: Finding) -> dict:
    return {
        "rule": f.rule,
        "category": f.category,
        "severity": f.severity,
        "message": f.message,
        "location": _loc(f.location),
        "excerpt": f.excerpt,
        "suggestion": f.suggestion,
        "area": f.area,
        "code": f.code,
        "related": [_loc(loc) for loc in f.related],
    }


def _finding_back(d: dict) -> Finding:
    return Finding(
        rule=d["rule"],
        category=d["category"],
        severity=d["severity"],
        message=d["message"],
        location=_loc_back(d["location"]),
        excerpt=d["excerpt"],
        suggestion=d["suggestion"],
        area=d["area"],
        code=d["code"],
        related=tuple(_loc_back(loc) for loc in d["related"]),
    )
