"""SARIF 2.1.0 for code-scanning tools (GitHub, Azure DevOps, IDE viewers): one run per report.

Regions are given only where they mean what SARIF says they mean, a line and column of the
file's own text (text and Markdown). A PDF page/line or a DOCX paragraph is not a position in
the file's bytes, so those go into `properties` and the message instead.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import PurePath
from urllib.parse import quote

from bpo_lint.model import FileResult, Finding, Location

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "bpoLintFinding/v1"
_LINE_FORMATS = ("text", "markdown")


def render(
    results: Sequence[FileResult], version: str, *, rules: Sequence = (), **_: object
) -> str:
    """The SARIF log as JSON text; `rules` (pack Rule objects) supply descriptions and help."""
    return json.dumps(sarif_log(results, version, rules), indent=2, ensure_ascii=False) + "\n"


def sarif_log(results: Sequence[FileResult], version: str, rules: Sequence = ()) -> dict:
    """The SARIF log as plain data."""
    descriptors, index = _rules(results, rules)
    sarif_results = []
    for r in results:
        if r.error is None:
            seen: dict[str, int] = {}
            sarif_results += [_result(r, f, index, seen) for f in r.findings]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "bpo-lint",
                        "version": version,
                        "semanticVersion": version,
                        "rules": descriptors,
                    }
                },
                "invocations": [_invocation(results)],
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }


def artifact_uri(path: str) -> str:
    """The path as given, with forward slashes and URI escaping (absolute paths as file: URIs)."""
    if os.path.isabs(path):
        return PurePath(path).as_uri()
    return quote(path.replace(os.sep, "/"), safe="/")


def _rules(results: Sequence[FileResult], rules: Sequence) -> tuple[list[dict], dict[str, int]]:
    """Descriptors for the pack's rules plus any rule a finding names that the pack lacks."""
    by_id = {r.id: r for r in rules}
    for r in results:
        for f in r.findings:
            by_id.setdefault(f.rule, f)
    ids = sorted(by_id)
    return [_descriptor(by_id[i]) for i in ids], {rule_id: n for n, rule_id in enumerate(ids)}


def _descriptor(rule) -> dict:
    """A reportingDescriptor from a pack Rule, or a minimal one from a Finding."""
    if isinstance(rule, Finding):
        props = {"category": rule.category, "area": rule.area, "code": rule.code}
        return {
            "id": rule.rule,
            "shortDescription": {"text": rule.rule},
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
            "properties": {k: v for k, v in props.items() if v},
        }
    description = " ".join((rule.description or rule.message).split())
    out = {
        "id": rule.id,
        "shortDescription": {"text": _first_sentence(description)},
        "fullDescription": {"text": description},
        "help": _help(rule),
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
    }
    if rule.link:
        out["helpUri"] = rule.link
    props = {"category": rule.category, "area": rule.area, "code": rule.code}
    out["properties"] = {k: v for k, v in props.items() if v}
    return out


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def _help(rule) -> dict:
    text = [f"How to fix: {rule.suggestion}"] if rule.suggestion else []
    md = [f"**How to fix:** {rule.suggestion}"] if rule.suggestion else []
    for title, examples in (("Reported", rule.examples_fail), ("Not reported", rule.examples_pass)):
        if examples:
            text.append(f"{title}: " + " | ".join(" ".join(e.split()) for e in examples))
            md.append(f"**{title}:**\n" + "\n".join(f"- {_md(e)}" for e in examples))
    if not text:
        text = md = [" ".join((rule.description or rule.message).split())]
    return {"text": "\n".join(text), "markdown": "\n\n".join(md)}


def _md(example: str) -> str:
    """One example as a Markdown list item: whitespace folded, markup characters escaped."""
    flat = " ".join(example.split())
    for ch in "\\`*_[]<>#|":
        flat = flat.replace(ch, "\\" + ch)
    return flat


def _result(r: FileResult, f: Finding, index: dict[str, int], seen: dict[str, int]) -> dict:
    out: dict = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVELS[f.severity],
        "message": {"text": f.message + _where(r.format, f.location)},
        "locations": [_location(r, f.location)],
    }
    if f.related:
        out["relatedLocations"] = [
            dict(_location(r, loc), id=n, message={"text": _related_text(r.format, loc)})
            for n, loc in enumerate(f.related, start=1)
        ]
    out["partialFingerprints"] = {FINGERPRINT_KEY: _fingerprint(f, seen)}
    props = {
        "category": f.category,
        "area": f.area,
        "code": f.code,
        "section": f.location.section,
        "excerpt": f.excerpt,
        "suggestion": f.suggestion,
    }
    out["properties"] = {k: v for k, v in props.items() if v}
    return out


def _where(fmt: str | None, loc: Location) -> str:
    """Page/line or paragraph in words, for formats whose position is not a file region."""
    if fmt in _LINE_FORMATS:
        return ""
    if loc.page is not None:
        return f" (page {loc.page}" + (f", line {loc.line})" if loc.line else ")")
    if loc.paragraph is not None:
        return f" (paragraph {loc.paragraph})"
    return ""


def _location(r: FileResult, loc: Location) -> dict:
    physical: dict = {"artifactLocation": {"uri": artifact_uri(r.path)}}
    if not os.path.isabs(r.path):
        physical["artifactLocation"]["uriBaseId"] = "%SRCROOT%"
    if r.format in _LINE_FORMATS and loc.line is not None:
        region = {"startLine": loc.line, "startColumn": loc.column or 1}
        if loc.end_line is not None and loc.end_column is not None:
            region |= {"endLine": loc.end_line, "endColumn": loc.end_column}
        physical["region"] = region
    out: dict = {"physicalLocation": physical}
    props = {
        k: v
        for k, v in (("page", loc.page), ("line", loc.line), ("paragraph", loc.paragraph))
        if v is not None and r.format not in _LINE_FORMATS
    }
    if loc.section:
        props["section"] = loc.section
    if props:
        out["properties"] = props
    return out


def _related_text(fmt: str | None, loc: Location) -> str:
    text = f"see also section {loc.section}" if loc.section else "see also"
    return text + _where(fmt, loc)


def _fingerprint(f: Finding, seen: dict[str, int]) -> str:
    """Rule, section and the normalised excerpt: stable when lines move; numbered on repeats."""
    words = " ".join((f.excerpt or f.message).lower().split())
    key = "\x1f".join((f.rule, f.location.section or "", words))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    seen[digest] = seen.get(digest, 0) + 1
    return f"{digest}:{seen[digest]}"


def _invocation(results: Sequence[FileResult]) -> dict:
    notes = []
    for r in results:
        where = [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path)}}}]
        if r.error:
            notes.append(
                {
                    "level": "error",
                    "message": {"text": f"{r.path}: {r.error.message}"},
                    "descriptor": {"id": r.error.code},
                    "locations": where,
                }
            )
        for warning in r.warnings:
            notes.append(
                {
                    "level": "warning",
                    "message": {"text": f"{r.path}: {warning}"},
                    "locations": where,
                }
            )
    out: dict = {"executionSuccessful": not any(r.error for r in results)}
    if notes:
        out["toolExecutionNotifications"] = notes
    return out
