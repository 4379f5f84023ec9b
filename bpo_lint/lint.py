"""Lint files: read, section, classify, run the rules, and gather one FileResult per input.

This is the only module that knows the order of the stages; each stage lives elsewhere.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from bpo_lint.model import (
    Analysis,
    AreaCoverage,
    Document,
    FileError,
    FileResult,
    Location,
    ReadError,
    SectionLabel,
    SectionReport,
)
from bpo_lint.targets import Target

# Hands a document to a classifier elsewhere; what it returns gives the Analysis when called
# (None: the classifier failed, so the caller classifies in process).
Classifier = Callable[[Document], Callable[[], Analysis | None]]


@dataclass(frozen=True)
class LintOptions:
    """What a run needs beyond the paths: the selected rules and reading options."""

    rules: tuple = ()  # tuple[Rule, ...] from bpo_lint.pack, severity overrides applied
    password: str | None = None
    classify: bool = True
    allowed_terms: frozenset[str] = frozenset()
    # The profile: area id -> required element ids (None: every area and element, the MSA).
    required: Mapping[str, frozenset[str]] | None = None
    suppress: bool = True  # honour inline suppressions (comments in the file)
    # The cache key of these options when the caller knows a cheaper one than hashing the rules
    # (config_plan.plan_fingerprint); None: the cache hashes every field.
    fingerprint: str | None = field(default=None, compare=False)


def read_and_section(path: str, data: bytes | None = None, password: str | None = None) -> Document:
    """Read a file and split it into sections; raises ReadError for unreadable input."""
    from bpo_lint.readers import read_document
    from bpo_lint.sections import split_sections

    return split_sections(read_document(path, data=data, password=password))


def lint_target(
    target: Target, options: LintOptions, classifier: Classifier | None = None
) -> FileResult:
    """Lint one target; every failure becomes an `error` on its FileResult, never an exception.

    `classifier` (see runner_classify) classifies the document elsewhere while the rules that
    do not need the classification run here; the result is the same as without it.
    """
    started = time.perf_counter()
    if target.error is not None:
        return FileResult(path=target.path, format=None, error=target.error)
    fmt = _guess_format(target)
    try:
        doc = read_and_section(target.path, target.data, options.password)
        result = lint_document(doc, options, classifier)
    except ReadError as exc:
        return FileResult(path=target.path, format=fmt, error=FileError(exc.code, exc.message))
    except MemoryError:
        return FileResult(target.path, fmt, FileError("too-large", "ran out of memory reading it"))
    except Exception as exc:  # a bug must not lose the other files' reports
        message = f"internal error ({type(exc).__name__}: {exc}); please report it"
        return FileResult(path=target.path, format=fmt, error=FileError("internal-error", message))
    if options.suppress:
        result = _suppress(target, result, options)
    return replace(result, seconds=time.perf_counter() - started)


def _suppress(target: Target, result: FileResult, options: LintOptions) -> FileResult:
    """Apply the file's inline suppressions; a file we cannot re-read keeps its findings."""
    from bpo_lint.suppress import apply_suppressions, find_suppressions

    try:
        found, warnings = find_suppressions(result.format, target.path, target.data)
    except Exception as exc:  # the findings are still worth reporting without suppressions
        warning = f"could not read inline suppressions ({type(exc).__name__}: {exc})"
        return replace(result, warnings=(*result.warnings, warning))
    result = replace(result, warnings=(*result.warnings, *warnings))
    return apply_suppressions(result, found, options.rules) if found else result


def _guess_format(target: Target) -> str | None:
    from bpo_lint.readers import detect_format

    try:
        return detect_format(target.path, target.data)
    except ReadError:
        return None


def lint_document(
    doc: Document, options: LintOptions, classifier: Classifier | None = None
) -> FileResult:
    """Classify a sectioned document and run the selected rules over it."""
    from bpo_lint.config_profile import profile_coverage
    from bpo_lint.engine import run_rules
    from bpo_lint.kinds.base import Context

    ctx = Context(doc=doc, allowed_terms=options.allowed_terms, required=options.required)
    if options.classify and classifier is not None:
        analysis, findings = _classify_alongside(doc, options, ctx, classifier(doc))
    else:
        analysis = _analyse(doc) if options.classify else None
        findings = (
            run_rules(options.rules, replace(ctx, analysis=analysis)) if options.rules else ()
        )
    coverage = analysis.coverage if analysis else unknown_coverage()
    if options.required is not None:
        coverage = profile_coverage(coverage, options.required)
    labels = analysis.labels if analysis else (SectionLabel(),) * len(doc.sections)
    return FileResult(
        path=doc.path,
        format=doc.format,
        stats=document_stats(doc),
        sections=section_reports(doc, labels),
        coverage=coverage,
        findings=findings,
        warnings=doc.warnings,
    )


def _classify_alongside(doc: Document, options: LintOptions, ctx, pending) -> tuple:
    """(analysis, findings): the rules that do not read the analysis run while it is computed."""
    from bpo_lint.engine import merge_outputs, needs_analysis, print_warnings, rule_outputs

    rules = options.rules
    early = [i for i, rule in enumerate(rules) if not needs_analysis(rule)]
    late = [i for i, rule in enumerate(rules) if needs_analysis(rule)]
    outputs = dict(zip(early, rule_outputs([rules[i] for i in early], ctx), strict=True))
    analysis = pending()
    if analysis is None:  # the classifier process failed: classify here instead
        analysis = _analyse(doc)
    ctx = replace(ctx, analysis=analysis)  # keeps the memo of facts the early rules shared
    outputs.update(zip(late, rule_outputs([rules[i] for i in late], ctx), strict=True))
    # Merged in the rules' order, so the findings and warnings are those of one pass.
    findings, warnings = merge_outputs([outputs[i] for i in range(len(rules))])
    print_warnings(warnings)
    return analysis, findings


def _analyse(doc: Document):
    from bpo_lint import nlp

    return nlp.analyse(doc) if nlp.pipeline_available() else None


def unknown_coverage() -> dict[str, AreaCoverage]:
    """Coverage when no classifier ran: every area unknown (never a false "covered")."""
    from bpo_lint.areas import load_areas

    return {
        area.id: AreaCoverage("unknown", (), {e.id: False for e in area.elements})
        for area in load_areas()
    }


def document_stats(doc: Document) -> dict[str, int]:
    """Pages, paragraphs or lines, words and sections, as the JSON report's `stats`."""
    stats: dict[str, int] = {}
    if doc.format == "pdf":
        stats["pages"] = doc.pages or 0
    elif doc.format == "docx":
        stats["paragraphs"] = len(doc.blocks)
    else:
        stats["lines"] = len(doc.blocks)
    stats["words"] = len(doc.text.split())
    stats["sections"] = len(doc.sections)
    return stats


def section_reports(doc: Document, labels: Sequence[SectionLabel]) -> tuple[SectionReport, ...]:
    """Each section with its source span and the areas the classifier gave it."""
    reports = []
    for section, label in zip(doc.sections, labels, strict=True):
        start = doc.locate(section.start)
        end = doc.locate(max(section.start, section.end - 1))
        reports.append(
            SectionReport(
                id=section.id,
                title=section.title,
                level=section.level,
                location=_without_section(start),
                end=_without_section(end),
                areas=label.areas,
                scores=label.scores,
            )
        )
    return tuple(reports)


def _without_section(loc: Location) -> Location:
    # Built directly: dataclasses.replace costs ten times more, once per section end.
    return Location(page=loc.page, line=loc.line, column=loc.column, paragraph=loc.paragraph)
