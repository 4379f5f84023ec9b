"""What surrounds a section label: where its line starts, what comes before and after it.

`bpo_lint.numbering` asks these questions of every label-shaped match; each answers from the
text alone, a few hundred characters either side at most.
"""

from __future__ import annotations

import re

from bpo_lint.sections_shape import MARKUP, is_caps_heading, title_part


def line_context(text: str, start: int) -> tuple[bool, bool, str, int]:
    """(at line start, after a gap, previous char, indent) for the text before `start`."""
    ls = text.rfind("\n", max(0, start - 200), start) + 1
    before = text[max(ls, start - 200) : start]
    if ls >= start - 200 and before.strip(MARKUP) == "":
        indent = len(before.expandtabs(4)) - len(before.expandtabs(4).lstrip(" "))
        return True, True, "", indent
    stripped = before.rstrip(" \t\u00a0")
    ws = len(before) - len(stripped)
    return False, ws >= 2, stripped[-1] if stripped else "", 0


def after_sentence_end(text: str, start: int) -> bool:
    """Whether the label follows the end of a sentence or clause intro (". " or ": ")."""
    k = start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    while k >= 0 and text[k] in "\"”’')":
        k -= 1
    return k >= 0 and text[k] in ".:"


def next_word(text: str, pos: int) -> str:
    """The text right after a label, up to 20 characters, with spaces and markup removed."""
    return text[pos : pos + 40].lstrip(" \t*_").split("\n", 1)[0][:20]


def follow_ok(nxt: str, line_start: bool) -> bool:
    """A heading label is followed by a capital, a quote, a bracket, or the end of the line."""
    if not nxt:
        return True
    c = nxt[0]
    if c.isupper() or c in "\"“'‘([":
        return True
    return line_start and c.isalpha() and not nxt.startswith(("of ", "and ", "or "))


_LOWER_WORD = re.compile(r"\b[a-z][a-z']*\b")


def runs_on(text: str, start: int, end: int) -> bool:
    """Whether a label that starts a line only continues a sentence wrapped there: the line
    before is prose that stops mid-sentence (three lower-case words or more, ending in a
    lower-case letter or a comma) and the label's line goes on as prose (three lower-case words
    or more among its next eight) or ends the sentence ("Article 9."), as a hard-wrapped PDF
    prints "set forth in attached" then "Exhibit A. Customer shall execute...". A heading line
    ("Exhibit A. Statement of Work") has at most a linking word or two."""
    before = text[max(0, start - 200) : start].rstrip(" \t")
    if not re.search(r"[a-z,]\n\Z", before):
        return False
    previous = before[:-1].rsplit("\n", 1)[-1]
    if len(_LOWER_WORD.findall(previous)) < 3:
        return False  # a list of exhibits ("Appendix B Preliminary Business Plan"), not prose
    stop = text.find("\n", end, end + 400)
    line = text[end : stop if stop != -1 else end + 400]
    # The label's own dot ("Article 9.") counts: alone on its line, it ends the sentence.
    dot = "." if text[end - 1] == "." else ""
    if re.fullmatch(r"\s*[.,;]\s*", dot + line):
        return True  # "...service levels set forth in" / "Article 9."
    return len(_LOWER_WORD.findall(" ".join(line.split()[:8]))) >= 3


def after_caps(text: str, start: int, end: int) -> bool:
    """ "AGREEMENT OF THE PARTIES 1. APPOINTMENT." : a caps heading run into a caps title."""
    before = text[max(0, start - 30) : start].split()
    title = title_part(text, end)
    return bool(before) and len(before[-1]) > 2 and before[-1].isupper() and is_caps_heading(title)
