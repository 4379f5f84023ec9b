"""A handful of examples, written for this project, to show the training command works in CI."""

from __future__ import annotations

from bpo_lint.nlp.corpus import TrainingSet
from bpo_lint.nlp.dataset import Example

_TEXTS = (
    (
        "The Supplier shall process claims and answer customer calls as set out in Schedule 1.",
        ("scope_of_services",),
    ),
    (
        "Availability of the platform shall be at least 99.5% in each month, measured monthly.",
        ("service_levels",),
    ),
    (
        "The Customer shall pay each undisputed invoice within thirty days of receipt.",
        ("pricing_payment",),
    ),
    (
        "Each party shall keep the other party's Confidential Information secret.",
        ("confidentiality_data_protection",),
    ),
    (
        "All Deliverables and the intellectual property in them belong to the Customer.",
        ("intellectual_property",),
    ),
    (
        "Either party may terminate this Agreement on ninety days' written notice.",
        ("termination_transition",),
    ),
    (
        "This Agreement is governed by the laws of England; disputes go to arbitration in London.",
        ("governance_dispute_resolution",),
    ),
    (
        "The Supplier shall comply with all applicable laws and allow the Customer to audit it.",
        ("compliance_regulatory",),
    ),
    ("This Agreement may be signed in any number of counterparts.", ()),
    ("Notices must be in writing and sent to the addresses on the cover page.", ()),
)


def tiny_set() -> TrainingSet:
    """Ten one-sentence examples: each is its own group; all train, the same ones held out."""
    examples = tuple(
        Example(text, areas, "written", f"tiny:{i}", "tiny.py")
        for i, (text, areas) in enumerate(_TEXTS)
    )
    return TrainingSet(examples, examples[:4], examples, ())
