"""The numeric-target kind: service-level clauses with no number."""

from __future__ import annotations

import pytest

from bpo_lint.kinds.base import Context, Rule
from bpo_lint.kinds.vague_service_level import NumericTargetOptions, check
from bpo_lint.model import Analysis, Block, Document, Section, SectionLabel


def document(parts: list[tuple[str, str, int | None]]) -> Document:
    """Sections from (title, body, parent index) triples: a heading line and a body line each."""
    lines, sections, pos = [], [], 0
    for i, (title, body, parent) in enumerate(parts):
        start = pos
        lines += [title, body]
        body_start = start + len(title) + 1
        pos = body_start + len(body) + 1
        sections.append(
            Section(
                str(i + 1), title, 1 if parent is None else 2, start, pos - 1, body_start, parent
            )
        )
    doc = Document.from_blocks("t", "text", [Block(t, line=i + 1) for i, t in enumerate(lines)])
    return doc.with_sections(sections)


def run(doc: Document, analysis=None):
    """Findings of the numeric-target rule."""
    rule = Rule("v.sl", "numeric-target", "{section}", "warning", "vague", NumericTargetOptions())
    return list(check(rule, Context(doc, analysis)))


def test_service_level_heading_without_a_number_is_reported():
    doc = document([("Service Levels", "The Supplier shall ensure high availability.", None)])
    found = run(doc)
    assert [(f.message, f.location.line) for f in found] == [("Service Levels", 1)]


@pytest.mark.parametrize(
    "body",
    [
        "Availability shall be at least 99.5% each month.",
        "The Supplier shall respond within four hours.",
        "The levels are set out in Schedule B.",
    ],
)
def test_a_number_or_a_pointer_elsewhere_is_enough(body):
    assert run(document([("Service Levels", body, None)])) == []


def test_a_number_in_a_subsection_counts_and_subsections_are_not_reported_twice():
    doc = document(
        [
            ("Service Levels", "The Supplier shall meet these levels.", None),
            ("SLA Reporting", "The Supplier shall report on the SLAs.", 0),
            ("Availability", "At least 99.9% in each month.", 0),
        ]
    )
    assert run(doc) == []
    doc = document(
        [
            ("Service Levels", "The Supplier shall meet these levels.", None),
            ("SLA Reporting", "The Supplier shall report on the SLAs.", 0),
        ]
    )
    assert [f.message for f in run(doc)] == ["Service Levels"]


def test_classified_sections_count_when_they_talk_about_service_levels():
    doc = document(
        [
            ("Performance", "The service levels are high quality.", None),
            ("Quality", "Work shall be of good quality.", None),
        ]
    )
    labels = (SectionLabel(("service_levels",)), SectionLabel(("service_levels",)))
    found = run(doc, Analysis(labels, {}))
    assert [f.message for f in found] == ["Performance"]
    assert run(doc) == []


def test_bad_options():
    with pytest.raises(ValueError, match="'heading' and 'number'"):
        NumericTargetOptions(heading="")
    with pytest.raises(ValueError, match="bad regex in 'number'"):
        NumericTargetOptions(number="(")


def test_definitions_and_redacted_or_referenced_levels_are_not_reported():
    assert run(document([('"Service Levels" means', "the levels the parties agree.", None)])) == []
    assert run(document([("Service Levels", "The levels are [***].", None)])) == []
    assert run(document([("Service Levels", "The levels are set forth in the Plan.", None)])) == []


def test_a_numbered_definition_whose_quotes_were_dropped_is_not_a_clause():
    doc = document([("5. SLA", "means these service level terms as agreed.", None)])
    assert run(doc) == []


def test_a_classified_clause_that_only_refers_to_the_defined_service_levels_is_not_reported():
    doc = document(
        [
            ("(c)", "tune the network as needed to meet the Service Levels;", None),
            ("(d)", "keep the service levels high.", None),
        ]
    )
    labels = (SectionLabel(("service_levels",)), SectionLabel(("service_levels",)))
    assert [f.message for f in run(doc, Analysis(labels, {}))] == ["(d)"]
    # a clause headed "Service Levels" is itself where the numbers belong: still reported
    doc = document([("Service Levels", "The Supplier shall meet the Service Levels.", None)])
    assert [f.message for f in run(doc)] == ["Service Levels"]
