"""What surrounds a section label: line starts, sentence ends, what follows, wrapped sentences."""

from __future__ import annotations

from bpo_lint.label_context import (
    after_caps,
    after_sentence_end,
    follow_ok,
    line_context,
    next_word,
    runs_on,
)


def test_line_context_tells_a_line_start_and_its_indent_from_running_text():
    text = "Intro line\n    4.2 Fees\nsee 4.2 below"
    assert line_context(text, text.index("4.2 Fees")) == (True, True, "", 4)
    at, gap, prev, _indent = line_context(text, text.rindex("4.2"))
    assert (at, gap, prev) == (False, False, "e")


def test_sentence_ends_and_what_follows_a_label():
    text = 'It ends here." 2. Term\nIt goes on 2. and on'
    assert after_sentence_end(text, text.index("2. Term"))
    assert not after_sentence_end(text, text.rindex("2."))
    assert next_word("4.2   **Fees** are due", 3) == "Fees** are due"
    assert follow_ok("Fees", False) and follow_ok("", False) and follow_ok("(a)", False)
    assert follow_ok("fees", True) and not follow_ok("fees", False)
    assert not follow_ok("of this Agreement", True)


def _runs_on(text: str, label: str) -> bool:
    start = text.index(label)
    return runs_on(text, start, start + len(label))


def test_a_label_runs_on_only_between_two_pieces_of_one_sentence():
    wrapped = "the delivery services set forth in attached\nExhibit A. Customer shall execute it"
    assert _runs_on(wrapped, "Exhibit A.")
    ended = "those service levels set forth in\nArticle 9.\nU. Services means"
    assert _runs_on(ended, "Article 9.")
    # After a finished sentence, a blank line, or a list line, the label is a heading.
    assert not _runs_on(
        "the parties signed it.\nExhibit A. Customer shall execute it", "Exhibit A."
    )
    assert not _runs_on("the parties signed it\n\nExhibit A. Customer shall do it", "Exhibit A.")
    listed = "Appendix B Preliminary Business Plan\nAppendix A - to be provided by the licensor"
    assert not _runs_on(listed, "Appendix A")
    # A heading with a title after a wrapped line is not prose either.
    titled = "the delivery services set forth in attached\nExhibit A. Statement of Work"
    assert not _runs_on(titled, "Exhibit A.")


def test_a_caps_heading_run_into_a_caps_title():
    text = "AGREEMENT OF THE PARTIES 1. APPOINTMENT. The agent is appointed."
    start = text.index("1.")
    assert after_caps(text, start, start + 2)
    plain = "the parties agree 1. APPOINTMENT. The agent is appointed."
    assert not after_caps(plain, plain.index("1."), plain.index("1.") + 2)
