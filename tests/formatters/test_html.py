"""The HTML report: well-formed, self-contained, escaped, all eight areas, errors shown."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from bpo_lint.areas import load_areas
from bpo_lint.formatters import FORMAT_NAMES, get_formatter
from bpo_lint.formatters.html import describe_location, render
from bpo_lint.model import AreaCoverage, FileError, FileResult, Finding, Location, SectionReport

VOID = {"meta", "br", "hr", "img", "link", "input"}


class _Checker(HTMLParser):
    """Tracks open elements; records mismatched or unclosed tags, links and text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.urls: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.urls += [v for k, v in attrs if k in ("href", "src", "action") and v]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def _parse(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    return checker


def _result(message="'TBD' marks a term that was left to be decided.") -> FileResult:
    areas = load_areas()
    coverage = {
        a.id: AreaCoverage(
            "missing" if i == 1 else "covered",
            () if i == 1 else ("2",),
            {e.id: i != 1 for e in a.elements},
        )
        for i, a in enumerate(areas)
    }
    finding = Finding(
        rule="placeholder.tbd",
        category="placeholder",
        severity="error",
        message=message,
        location=Location(page=2, line=9, column=4, section="9.3"),
        excerpt="by a date TBD",
        suggestion="Fill in the agreed value.",
        code="BPO802",
        related=(Location(page=5, line=2, section="14"),),
    )
    section = SectionReport("9.3", "Certification", 2, Location(page=2, line=8), Location(page=2))
    return FileResult(
        "msa.pdf",
        "pdf",
        stats={"pages": 6, "words": 1993, "sections": 1},
        sections=(section,),
        coverage=coverage,
        findings=(finding,),
    )


def test_registered():
    assert "html" in FORMAT_NAMES
    assert get_formatter("html") is render


def test_well_formed_self_contained_with_all_areas():
    page = render([_result()], "0.1.0")
    checker = _parse(page)
    assert not checker.problems
    assert checker.stack == []
    assert page.startswith("<!DOCTYPE html>")
    for area in load_areas():
        assert area.title in page
    assert "\u2716 Missing" in page and "\u2714 Covered" in page  # status in words, not colour
    # Only in-page anchors: nothing for a browser to fetch.
    assert checker.urls and all(u.startswith("#") for u in checker.urls)
    assert not re.search(r"https?://|url\(|@import|<script|<link|<img", page, re.I)
    text = " ".join(checker.text)
    assert "Section 9.3 \u2014 Certification" in text
    assert "Page 2, line 9" in text
    assert "Suggested fix:" in text
    assert "1 key area missing: Service levels and quality standards." in text


def test_contract_text_is_escaped():
    evil = "<script>alert('x')</script> & \"quoted\""
    page = render([_result(message=evil)], "0.1.0")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quoted&quot;" in page
    assert evil in " ".join(_parse(page).text)


def test_unreadable_file_is_shown_with_its_error():
    bad = FileResult("<broken>.pdf", "pdf", error=FileError("corrupt-pdf", "the PDF is damaged"))
    page = render([bad, _result()], "0.1.0")
    checker = _parse(page)
    assert not checker.problems
    text = " ".join(checker.text)
    assert "This file could not be reviewed." in text
    assert "the PDF is damaged" in text
    assert "&lt;broken&gt;.pdf" in page


def test_unknown_coverage_and_no_findings():
    areas = load_areas()
    unknown = {a.id: AreaCoverage("unknown", (), {e.id: False for e in a.elements}) for a in areas}
    page = render([FileResult("a.md", "markdown", coverage=unknown)], "0.1.0")
    assert page.count("? Not assessed") == len(areas)
    assert "No findings." in page


def test_describe_location():
    assert describe_location(Location(line=3, column=7)) == "Line 3, column 7"
    assert describe_location(Location(paragraph=12, column=2)) == "Paragraph 12"
    assert describe_location(Location(page=4)) == "Page 4"
    assert describe_location(Location()) == "Whole agreement"


def test_deterministic():
    assert render([_result()], "0.1.0") == render([_result()], "0.1.0")


def test_an_area_the_profile_does_not_expect_is_not_a_gap():
    from dataclasses import replace

    result = _result()
    sla = "service_levels"
    coverage = {**result.coverage, sla: replace(result.coverage[sla], required=False)}
    text = " ".join(_parse(render([replace(result, coverage=coverage)], "0.1.0")).text)
    assert "key area missing" not in text
    assert "Every key area the profile expects is covered." in text
    assert "Not required by the profile chosen for this file." in text
