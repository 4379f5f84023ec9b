"""The fixture contracts: reproducible builds, defects where the README says, format features."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BUILT = (
    "good-msa.md",
    "good-msa.docx",
    "good-msa-numbered.docx",
    "good-msa.pdf",
    "deficient-msa.md",
    "deficient-msa.docx",
    "deficient-msa.pdf",
    "README.md",
)
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "five": 5, "six": 6, "ten": 10, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "forty-eight": 48, "sixty": 60,
    "ninety": 90, "one hundred": 100, "one hundred and fifty": 150,
}  # fmt: skip


def md_lines(name: str) -> list[str]:
    """The lines of a committed fixture file."""
    return (FIXTURES / name).read_text(encoding="utf-8").split("\n")


def readme_rows() -> list[dict[str, str]]:
    """The defect table of fixtures/README.md as dicts keyed by column name."""
    lines = [ln for ln in md_lines("README.md") if ln.startswith("| ")]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("| # | category"))
    keys = [c.strip() for c in lines[start].strip("|").split("|")]
    rows = []
    for ln in lines[start + 1 :]:
        cells = [c.strip() for c in ln.strip("|").split("|")]
        if cells[0].isdigit():
            rows.append(dict(zip(keys, cells, strict=True)))
    return rows


def test_rebuild_reproduces_committed_files_byte_for_byte(tmp_path):
    pytest.importorskip("fpdf")
    pytest.importorskip("docx")
    build = [sys.executable, str(FIXTURES / "build.py"), "--out", str(tmp_path)]
    subprocess.run(build, check=True, capture_output=True, timeout=120)
    names = list(BUILT)
    built_with = json.loads((FIXTURES / "built-with.json").read_text(encoding="utf-8"))
    if json.loads((tmp_path / "built-with.json").read_text(encoding="utf-8")) != built_with:
        # Another fpdf2 or python-docx release writes other bytes; the text sources must agree.
        names = [n for n in names if not n.endswith((".docx", ".pdf"))]
    differ = [n for n in names if (tmp_path / n).read_bytes() != (FIXTURES / n).read_bytes()]
    assert differ == [], f"rebuild differs from the committed files: {differ}"


def test_every_readme_defect_is_on_its_stated_line_and_section():
    rows = readme_rows()
    lines = md_lines("deficient-msa.md")
    assert len(rows) >= 30
    assert {r["category"] for r in rows} == {
        "coverage", "contradiction", "vague", "definitions",
        "references", "structure", "consistency", "placeholder",
    }  # fmt: skip
    for row in rows:
        if row["line"] == "-":
            assert row["category"] in ("coverage", "contradiction"), row
            continue
        text = lines[int(row["line"]) - 1]
        assert row["phrase"].strip("`") in text, row
        above = lines[: int(row["line"])]
        section = row["section"]
        if re.fullmatch(r"\d+\.\d+", section):
            opener = next(ln for ln in reversed(above) if re.match(r"\d+\.\d+ ", ln))
            assert opener.startswith(section + " "), row
        else:
            heading = next(ln for ln in reversed(above) if ln.startswith("## "))
            assert re.match(rf"## {re.escape(section)}\b", heading), row


def _paragraph_text(p: ET.Element) -> str:
    """Accepted text of a w:p: inserted runs count, deleted runs do not."""
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def _body(path: Path) -> ET.Element:
    with zipfile.ZipFile(path) as z:
        return ET.fromstring(z.read("word/document.xml"))[0]


@pytest.mark.parametrize("name", ["good-msa", "deficient-msa"])
def test_docx_accepted_text_matches_markdown(name):
    body = _body(FIXTURES / f"{name}.docx")
    docx_paras = [_paragraph_text(p) for p in body.findall(f"{W}p")]
    expected = [
        re.sub(r"^#+ ", "", ln) for ln in md_lines(f"{name}.md") if ln and not ln.startswith("|")
    ]
    assert [p for p in docx_paras if p] == expected
    assert len(body.findall(f"{W}tbl")) == 1


@pytest.mark.parametrize("name", ["good-msa.docx", "good-msa-numbered.docx", "deficient-msa.docx"])
def test_docx_has_one_tracked_change_in_one_paragraph(name):
    body = _body(FIXTURES / name)
    changed = [p for p in body.iter(f"{W}p") if p.find(f"{W}ins") is not None]
    assert len(changed) == 1
    (p,) = changed
    assert len(p.findall(f"{W}del")) == 1
    deleted = "".join(t.text for t in p.iter(f"{W}delText"))
    assert deleted and deleted not in _paragraph_text(p)
    styles = {s.get(f"{W}val") for s in body.iter(f"{W}pStyle")}
    assert {"Title", "Heading1"} <= styles
    assert ("Heading2" in styles) == name.startswith("good-msa")  # its schedule has parts


def test_numbered_docx_uses_word_automatic_numbering():
    with zipfile.ZipFile(FIXTURES / "good-msa-numbered.docx") as z:
        numbering = ET.fromstring(z.read("word/numbering.xml"))
        body = ET.fromstring(z.read("word/document.xml"))[0]
    nums = {
        n.get(f"{W}numId"): n.find(f"{W}abstractNumId").get(f"{W}val")
        for n in numbering.findall(f"{W}num")
    }
    used = {n.get(f"{W}val") for n in body.iter(f"{W}numId")}
    assert len(used) == 1
    abstract_id = nums[used.pop()]
    abstract = next(a for a in numbering if a.get(f"{W}abstractNumId") == abstract_id)
    assert abstract.find(f"{W}multiLevelType").get(f"{W}val") == "multilevel"
    levels = {
        lvl.get(f"{W}ilvl"): (
            lvl.find(f"{W}numFmt").get(f"{W}val"),
            lvl.find(f"{W}lvlText").get(f"{W}val"),
        )
        for lvl in abstract.findall(f"{W}lvl")
    }
    assert levels == {"0": ("decimal", "%1."), "1": ("decimal", "%1.%2")}
    numbered = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}numPr") is not None]
    assert len(numbered) > 80
    # the numbers come only from Word: no numbered paragraph repeats a typed number
    assert not [p for p in numbered if re.match(r"\d+(\.\d+)* ", _paragraph_text(p))]


def _pdf_page_texts(data: bytes) -> str:
    """All text shown in a fpdf2 PDF's content streams (core fonts write literal strings)."""
    out = []
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            out.append(zlib.decompress(m.group(1)).decode("latin-1"))
        except zlib.error:
            out.append(m.group(1).decode("latin-1"))
    # fpdf2 writes the {nb} alias as a separate string: "(Page 2 of ) Tj (11) Tj"
    return "\n".join(out).replace(") Tj (", "")


@pytest.mark.parametrize("name", ["good-msa.pdf", "deficient-msa.pdf"])
def test_pdf_has_stated_pages_with_header_and_footer(name):
    data = (FIXTURES / name).read_bytes()
    stated = re.search(rf"`{re.escape(name)}`: (\d+) pages", (FIXTURES / "README.md").read_text())
    pages = len(re.findall(rb"/Type /Page\b", data))
    assert stated and pages == int(stated.group(1))
    text = _pdf_page_texts(data)
    for n in range(1, pages + 1):
        assert f"(Page {n} of {pages})" in text
    assert text.count("(Master Services Agreement - Confidential)") == pages


def _words_equal_numerals(text: str) -> list[str]:
    """Every "words (numerals)" pair whose values disagree; unknown number words fail loudly."""
    words = "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True))
    pairs = re.findall(rf"\b({words}) (?:percent )?\((\d+)%?\)", text, re.I)
    assert len(pairs) == len(re.findall(r"\w \(\d+%?\)", text)), "a number word is not in the map"
    return [f"{w} ({n})" for w, n in pairs if NUMBER_WORDS[w.lower()] != int(n)]


def test_good_msa_has_nothing_to_flag():
    text = (FIXTURES / "good-msa.md").read_text(encoding="utf-8")
    assert 3000 <= len(text.split()) <= 5000
    vague = (
        r"promptly|reasonabl\w*|and/or|here(in|of|under|by|to)|appropriate|adequate|"
        r"satisfactor\w*|substantial\w*|industry standard|best practice|discretion|material\w*|"
        r"efforts|endeavours|forthwith|timely|undue delay|from time to time|as soon as|"
        r"shall be|aforesaid|TBD|without limitation"
    )
    assert re.findall(rf"\b({vague})\b", text, re.I) == []
    assert not re.search(r"\[|_{3,}", text)
    for ref in set(re.findall(r"Section (\d+(?:\.\d+)?)", text)):
        pattern = rf"^{re.escape(ref)} " if "." in ref else rf"^## {ref}\. "
        assert re.search(pattern, text, re.M), f"Section {ref} does not exist"
    for ref in set(re.findall(r"Schedule (\d+)", text)):
        assert re.search(rf"^## Schedule {ref} ", text, re.M), f"Schedule {ref} does not exist"
    assert _words_equal_numerals(text) == []
    for term in re.findall(r'"([A-Z][\w\- ]+)"', text):
        assert len(re.findall(rf"\b{re.escape(term)}", text)) >= 2, f"{term} defined, never used"
    assert text.count("governed by the law") == 1
    assert "Order of precedence" in text


def test_deficient_msa_lacks_the_missing_areas():
    text = (FIXTURES / "deficient-msa.md").read_text(encoding="utf-8").lower()
    assert 2000 <= len(text.split()) <= 3000
    absent = (
        r"service levels?|availability|service credits?|steering|escalat\w*|arbitrat\w*|"
        r"mediat(e|ion)|dispute resolution|transition|exit|interest|late payment|"
        r"order of precedence|return of|delet\w*"
    )
    assert re.findall(rf"\b({absent})\b", text) == []
    assert _words_equal_numerals(text) == ["thirty (60)"]
