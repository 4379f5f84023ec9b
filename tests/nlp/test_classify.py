"""Pieces, document support and running headers: how sections are read for their areas."""

from __future__ import annotations

from dataclasses import dataclass

from bpo_lint.areas import AREA_IDS, load_areas
from bpo_lint.nlp.classify import clause_areas, clause_scores
from bpo_lint.nlp.dataset import section_labels
from bpo_lint.nlp.sectioning import sectioned

AREAS = load_areas()


@dataclass(frozen=True)
class _Doc:
    cats: dict


class _SumsWords:
    """Stands in for a bag-of-words model: evidence adds up, so long texts drown one clause."""

    def pipe(self, texts, batch_size=64):
        for text in texts:
            words = text.lower().split()
            share = words.count("invoice") / max(len(words), 1)
            yield _Doc({a: 0.0 for a in AREA_IDS} | {"pricing_payment": min(1.0, 10 * share)})


def test_clause_scores_keep_the_best_piece_of_a_long_section():
    filler = "The parties shall cooperate in good faith on all matters arising. " * 30
    text = f"{filler}Supplier shall invoice monthly. {filler}"
    whole = min(1.0, 10 * 1 / len(text.split()))
    [scores] = clause_scores(_SumsWords(), [text], size=200)
    assert scores["pricing_payment"] > 3 * whole  # the invoicing sentence is judged on its own
    assert scores["termination_transition"] == 0.0
    assert clause_scores(_SumsWords(), ["", "short invoice text"])[0]["pricing_payment"] == 0.0


class _HalfSureOfRouters:
    """Scores a piece about routers 0.4 for service levels: under the bar, over a cue's bar."""

    def pipe(self, texts, batch_size=64):
        for text in texts:
            score = 0.4 if "router" in text else 0.05
            yield _Doc({a: 0.0 for a in AREA_IDS} | {"service_levels": score})


def test_a_body_cue_lowers_the_bar_only_for_its_own_piece():
    thresholds = dict.fromkeys(AREA_IDS, 0.5)
    routers = "The Supplier will keep the listed routers and switches at its head office. " * 7
    cue = "Detailed reports on the service levels and on performance are confidential to both. "
    cue_apart = routers + cue * 8
    cue_inside = "The routers will be run to meet the service levels. " * 2
    [(apart_scores, apart), (_, inside), (_, none)] = clause_areas(
        _HalfSureOfRouters(), [cue_apart, cue_inside, routers], thresholds, AREAS
    )
    assert apart_scores["service_levels"] == 0.4  # the best piece's score is still reported
    assert "service_levels" not in apart  # the cue stands in another piece
    assert "service_levels" in inside
    assert "service_levels" not in none


def test_a_running_page_header_is_not_a_weak_label():
    line = "{n}. Statement of Work. The vendor ships item {n} by truck.\n"
    text = "".join(line.format(n=n) for n in (1, 2, 3))
    doc = sectioned(text, "<test>")
    assert [s.title for s in doc.sections] == ["Statement of Work"] * 3
    assert section_labels(doc, AREAS) == [None, None, None]
    once = sectioned("1. Statement of Work. The vendor ships item 1 by truck.\n", "<test>")
    assert section_labels(once, AREAS) == [("scope_of_services",)]


def test_table_bars_and_rules_are_not_words_for_the_model():
    from bpo_lint.nlp.dataset import clean, model_text

    table = "| Charge | Rate |\n|---|:---:|\n| Handled contact | GBP 2.90 |"
    assert model_text(table) == "Charge Rate Handled contact GBP 2.90"
    assert clean("a well-known  1-2 day\nrule") == "a well-known 1-2 day rule"


def test_lines_of_a_table_of_contents_are_not_words_for_the_model():
    from bpo_lint.nlp.dataset import model_text

    contents = "1. Definitions ........ 3\n13. Termination .......... Page 7\nServices.....12\n"
    assert model_text(contents + "The Supplier shall provide the help desk.") == (
        "The Supplier shall provide the help desk."
    )
    # Dots inside a sentence, or an amount after an ellipsis, are kept.
    assert model_text("Fees rise... 5 days later.\nSee the list .... and more") == (
        "Fees rise... 5 days later. See the list .... and more"
    )


class _FixedScore:
    """Stands in for the model: every text gets the same service-level score."""

    def __init__(self, score: float):
        self.score = score

    def pipe(self, texts, batch_size=64):
        for _text in texts:
            yield _Doc({a: 0.0 for a in AREA_IDS} | {"service_levels": self.score})


def test_a_clearly_headed_section_takes_another_area_only_on_a_surer_score():
    from bpo_lint.nlp.classify import label_sections

    body = "The Supplier shall provide a trained team and a monthly report for each Service."
    doc = sectioned(f"1. Deliverables. {body}\n2. Operations. {body}\n", "x.txt")
    thresholds = dict.fromkeys(AREA_IDS, 0.5)
    by_title = {}
    for score in (0.6, 0.9):
        labels = label_sections(doc, _FixedScore(score), thresholds, AREAS)
        by_title[score] = {
            s.title.strip(" ."): set(lab.areas) for s, lab in zip(doc.sections, labels, strict=True)
        }
    assert by_title[0.6]["Deliverables"] == {"scope_of_services"}
    assert by_title[0.6]["Operations"] == {"service_levels"}
    assert by_title[0.9]["Deliverables"] == {"scope_of_services", "service_levels"}


class _SureOfUptime(_HalfSureOfRouters):
    """Also scores a piece about uptime 0.9 for service levels: a clear call."""

    def pipe(self, texts, batch_size=64):
        for text, doc in zip(texts, super().pipe(texts), strict=True):
            yield _Doc(doc.cats | {"service_levels": 0.9}) if "uptime" in text else doc


def _service_level_sections(text: str, lone_margin="default") -> dict[str, bool]:
    from bpo_lint.nlp.classify import label_sections

    doc = sectioned(text, "x.txt")
    thresholds = dict.fromkeys(AREA_IDS, 0.5)
    extra = {} if lone_margin == "default" else {"lone_margin": lone_margin}
    labels = label_sections(doc, _SureOfUptime(), thresholds, AREAS, **extra)
    return {
        s.title.strip(" ."): "service_levels" in lab.areas
        for s, lab in zip(doc.sections, labels, strict=True)
    }


def test_a_call_that_only_a_body_cue_let_through_needs_support_elsewhere():
    cued = "1. Equipment. The routers will be run to meet the service levels at each site.\n"
    other = "2. Notices. Notices go to the addresses on the cover page of this agreement.\n"
    # The router clause scores 0.4: under the bar of 0.5, over a body cue's bar of 0.3.
    assert _service_level_sections(cued + other, lone_margin=None)["Equipment"]
    assert _service_level_sections(cued + other) == {"Equipment": False, "Notices": False}
    headed = "3. Service Levels. The Supplier shall report performance every month.\n"
    assert _service_level_sections(cued + other + headed) == {
        "Equipment": True,  # a heading elsewhere says the document deals with service levels
        "Notices": False,
        "Service Levels": True,
    }
    uptime = "3. Hosting. The hosted platform keeps an uptime of 99.9% in each month.\n"
    assert _service_level_sections(cued + other + uptime) == {
        "Equipment": True,  # so does a clear call of the classifier
        "Notices": False,
        "Hosting": True,
    }
