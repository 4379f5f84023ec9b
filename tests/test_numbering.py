"""Label parsing for the sectioner: numerals, heading shapes, and local candidate evidence."""

from __future__ import annotations

from bpo_lint.model import Block, Document
from bpo_lint.numbering import find_candidates, number_value, roman_value
from bpo_lint.sections_shape import is_caps_heading, is_title_text


def make_doc(text: str) -> Document:
    return Document.from_blocks(
        "t.txt", "text", [Block(t, line=i + 1) for i, t in enumerate(text.split("\n"))]
    )


def kinds(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.label) for c in find_candidates(make_doc(text))]


def test_roman_and_keyword_numbers():
    assert [roman_value(s) for s in ("i", "iv", "IX", "xiv", "xl")] == [1, 4, 9, 14, 40]
    assert roman_value("abc") is None
    assert number_value("12") == 12
    assert number_value("IV") == 4
    assert number_value("B") == 2
    assert number_value("Four") == 4
    assert number_value("hereto") is None


def test_heading_shapes():
    assert is_title_text("Governing Law")
    assert is_title_text("Limitation of Liability")
    assert not is_title_text("The Supplier shall pay the fees")
    assert is_caps_heading("TERMINATION")
    assert not is_caps_heading("ACME CORP, INC.")
    assert not is_caps_heading("E - 4")


def test_candidates_judged_on_local_evidence():
    found = kinds("due in 30 days. 2. The Supplier shall act under Section 4.2 of this Agreement.")
    assert found == [("dec", "2")]
    assert kinds("Pay $1.5 million by 3/30/2007 to the Bank.") == []
    assert kinds("Exhibit B hereto and Schedule 1 (Processing) to this DPA apply.") == []
    assert kinds("EXHIBIT B\nARTICLE IV - TERM") == [("sch", "Exhibit B"), ("art", "Article IV")]
    assert kinds("Exhibit 10\nEXHIBIT 1\nFEES")[0] == ("sch", "Exhibit 1")
    assert kinds("as follows:   (a) first; (b) second") == [("list", "a")]


def test_a_scanned_roman_article_number_with_a_digit_one_is_read_as_roman():
    found = kinds("ARTICLE I\nTERMS\nARTICLE I1\nTERM\nARTICLE Il\nFEES\nARTICLE III\nEND")
    assert found == [("art", f"Article {n}") for n in ("I", "II", "II", "III")]
    assert kinds("ARTICLE 11\nTERM") == [("art", "Article 11")]


def test_a_number_after_a_reference_word_is_not_a_label():
    assert kinds("under the Tariff Volume No. 1.   ARTICLE XI - FEES") == [("art", "Article XI")]
    assert kinds("LIABILITY EXCEPT AS PROVIDED IN PARAGRAPH 11.04 (EXCLUSIONS). NO OTHER") == []
    assert kinds("Section 12 (Secrecy); and  Section 18 (Covenants). Each") == []


def test_a_label_with_a_letter_after_its_number_is_not_that_number():
    assert kinds("Schedule 7L is hereby incorporated.\nSCHEDULE 7\nPrices") == [
        ("sch", "Schedule 7")
    ]
