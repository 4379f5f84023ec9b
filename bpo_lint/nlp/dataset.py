"""Training examples from corpus/train only: heading labels, CUAD clause labels, written examples.

Every example remembers the file it came from and a group (the contracting company, or the
written source) so that the 80/20 split is by document and the manifest can list every input.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bpo_lint.areas import AREA_IDS, Area
from bpo_lint.model import Document
from bpo_lint.nlp.headings import heading_kind, is_definition, normalise
from bpo_lint.nlp.sectioning import sectioned
from bpo_lint.sections import CONTENTS_LINE

MAX_CHARS = 2000  # the classifier reads the start of a long clause; see units.py
MIN_CHARS = 40
HELD_OUT = 0.2
DEV = 0.1  # of the training groups: spaCy picks its best epoch and we fit thresholds on it
PER_DOC_CAP = 25  # examples per label set per contract: no single contract may dominate
REPEATED_HEADING = 3  # a heading seen this often in one contract is a page header

# CUAD clause categories that fall inside one of the eight areas.
CUAD_AREAS = {
    "Governing Law": "governance_dispute_resolution",
    "Audit Rights": "compliance_regulatory",
    "Ip Ownership Assignment": "intellectual_property",
    "Joint Ip Ownership": "intellectual_property",
    "License Grant": "intellectual_property",
    "Non-Transferable License": "intellectual_property",
    "Affiliate License-Licensor": "intellectual_property",
    "Affiliate License-Licensee": "intellectual_property",
    "Unlimited/All-You-Can-Eat-License": "intellectual_property",
    "Irrevocable Or Perpetual License": "intellectual_property",
    "Source Code Escrow": "intellectual_property",
    "Termination For Convenience": "termination_transition",
    "Post-Termination Services": "termination_transition",
    "Renewal Term": "termination_transition",
    "Expiration Date": "termination_transition",
    "Notice Period To Terminate Renewal": "termination_transition",
    "Minimum Commitment": "pricing_payment",
    "Revenue/Profit Sharing": "pricing_payment",
    "Price Restrictions": "pricing_payment",
    "Most Favored Nation": "pricing_payment",
}
# CUAD categories that are outside all eight areas: useful negatives.
CUAD_NONE = (
    "Non-Compete",
    "Exclusivity",
    "No-Solicit Of Customers",
    "No-Solicit Of Employees",
    "Non-Disparagement",
    "Anti-Assignment",
    "Change Of Control",
    "Cap On Liability",
    "Uncapped Liability",
    "Insurance",
    "Warranty Duration",
    "Covenant Not To Sue",
    "Third Party Beneficiary",
    "Rofr/Rofo/Rofn",
    "Competitive Restriction Exception",
)


# "Services" or "Quality" headings in distribution, licence or franchise agreements rarely mean
# outsourced services or service levels, so those two areas are learned from headings only in
# services-type agreements (plus the written examples).
SERVICES_ONLY = ("scope_of_services", "service_levels")
_SERVICES_TYPES = re.compile(
    r"servic|outsourc|maintenance|hosting|consult|support|operations|processing|transportation",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Example:
    """One training text, its areas (empty = none of the eight), where it came from."""

    text: str
    areas: tuple[str, ...]
    source: str  # "heading" | "cuad-label" | "written"
    group: str  # the split unit: a company, or a written source
    origin: str  # the file it was read from
    # Areas this example says nothing about (neither positive nor negative). A weak label from a
    # "Fees" heading does not tell whether the clause also describes the services.
    unknown: tuple[str, ...] = ()


# A heading or a CUAD annotation names one topic of a clause, and says nothing about whether the
# clause also describes the work or a service level: "Fees for the Services", "terminate for
# repeated Service Level failures", an exclusivity clause that sets out what is supplied. A
# reader found scope in about one section in ten of a random sample, most under other
# headings, so for weak labels scope and service levels are unknown unless named. The clean
# negatives for both come from the reader-labelled sections and the written examples.
def unknown_for(label: tuple[str, ...]) -> tuple[str, ...]:
    """Scope/service levels are unknown (not negative) for a weak label that does not name them."""
    return tuple(a for a in SERVICES_ONLY if a not in label)


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def company(filename: str) -> str:
    """The contracting company of a CUAD file name (the part before the first underscore)."""
    return re.split(r"[_\s-]", filename, maxsplit=1)[0].upper()


def own_text(doc: Document, index: int) -> str:
    """A section's body without its heading and without its subsections."""
    sec = doc.sections[index]
    end = sec.end
    for later in doc.sections[index + 1 :]:
        if later.parent == index:
            end = min(end, later.start)
            break
        if later.start >= sec.end:
            break
    return doc.text[sec.body_start : max(end, sec.body_start)]


# The bars and rules of a Markdown or text table are layout, not words: left in, a bag of words
# learns "|" as evidence for whatever area happened to be written as a table.
_TABLE_RULES = re.compile(r"\|+|:?-{3,}:?")


def model_text(text: str) -> str:
    """Text as the model reads it: contents lines and table rules dropped, spaces collapsed."""
    # A contents line repeats a heading found elsewhere: left in, a contents page reads as a
    # clause of every area it lists. Dot leaders are rare: the substring test spares the regex.
    if "...." in text or "……" in text:
        text = CONTENTS_LINE.sub(" ", text)
    text = _TABLE_RULES.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def clean(text: str) -> str:
    """Text as the model reads it (see model_text), cut to MAX_CHARS."""
    return model_text(text)[:MAX_CHARS]


def section_labels(doc: Document, areas: tuple[Area, ...]) -> list[tuple[str, ...] | None]:
    """Weak label of every section from its heading (None = no label, leave it out)."""
    kinds = [heading_kind(s.title, areas) for s in doc.sections]
    # The same heading printed again and again is a running page header or the agreement's
    # title ("Master Services Agreement - Statement of Work"), not the topic of the text under it.
    seen = Counter(normalise(s.title).lower() for s in doc.sections)
    labels: list[tuple[str, ...] | None] = []
    for section, (kind, ids) in zip(doc.sections, kinds, strict=True):
        if seen[normalise(section.title).lower()] >= REPEATED_HEADING:
            labels.append(None)
        elif kind == "areas":
            labels.append(ids)
        elif kind == "none":
            labels.append(())
        elif kind == "general":
            labels.append(None)  # Miscellaneous holds everything: never a negative
        else:
            # No inheritance from a parent heading: one broad heading ("Services") over a long
            # schedule made hundreds of wrongly labelled sub-clauses in a first trial.
            labels.append(None)
    return labels


_NUMBER = re.compile(r"^\(?\d+(\.\d+)*[.)]?$")
_CLAUSE_NUMBER = re.compile(r"^\d+(\.\d+)+\.?$")


def looks_like_contents(text: str) -> bool:
    """True for a table-of-contents fragment: clause numbers and page numbers, few words."""
    words = text.split()
    numbers = sum(bool(_NUMBER.match(w)) for w in words)
    clauses = sum(bool(_CLAUSE_NUMBER.match(w)) for w in words)
    return clauses >= 2 and numbers >= 0.25 * len(words)


def is_services_contract(filename: str) -> bool:
    """True when a CUAD file name says it is a services-type agreement."""
    return bool(_SERVICES_TYPES.search(filename.rsplit("EX-", 1)[-1]))


def heading_examples(path: Path, areas: tuple[Area, ...]) -> Iterator[Example]:
    """Examples from one contract: each headed section's body (subsections included)."""
    doc = sectioned(path.read_text(encoding="utf-8", errors="replace"), path.name)
    per_label: Counter = Counter()
    services = is_services_contract(path.name)
    for section, label in zip(doc.sections, section_labels(doc, areas), strict=True):
        text = clean(doc.section_text(section, with_heading=False))
        if label is None or len(text) < MIN_CHARS or per_label[label] >= PER_DOC_CAP:
            continue
        if is_definition(text) or looks_like_contents(text):
            # '"Services" means...' under a "Services" title is not a scope clause, and a
            # contents page lists headings without the clauses.
            continue
        if not services:
            label = tuple(a for a in label if a not in SERVICES_ONLY)
            if not label:
                continue  # unknown, not a negative
        per_label[label] += 1
        yield Example(text, label, "heading", company(path.name), path.name, unknown_for(label))


def cuad_label_examples(csv_path: Path, keep: set[str]) -> Iterator[Example]:
    """Annotated clauses of master_clauses.csv for the contracts whose stem is in `keep`."""
    csv.field_size_limit(1 << 30)
    with csv_path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            stem = Path(row["Filename"]).stem
            if stem not in keep:
                continue
            seen: set[str] = set()
            for column, area in [*CUAD_AREAS.items(), *((c, None) for c in CUAD_NONE)]:
                for clause in _clauses(row.get(column, "")):
                    text = clean(clause)
                    if len(text) >= MIN_CHARS and text not in seen:
                        seen.add(text)
                        label = (area,) if area else ()
                        yield Example(
                            text,
                            label,
                            "cuad-label",
                            company(stem),
                            csv_path.name,
                            unknown_for(label),
                        )


def _clauses(cell: str) -> list[str]:
    try:
        value = ast.literal_eval(cell) if cell.strip().startswith("[") else []
    except (ValueError, SyntaxError):
        return []
    return [v for v in value if isinstance(v, str)]


def written_examples(folder: Path) -> Iterator[Example]:
    """The hand-written examples: {"text", "areas", "source"} JSON lines."""
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            bad = [a for a in row.get("areas", []) if a not in AREA_IDS]
            if bad:
                raise ValueError(f"{path.name}:{n}: unknown area(s) {bad}")
            text = clean(row["text"])
            if len(text) >= 10:
                # Neighbouring lines are often variations of one clause: keep them together.
                group = f"written:{path.stem}:{n // 5}"
                yield Example(text, tuple(row.get("areas", [])), "written", group, path.name)


def _unit(seed: int | str, group: str) -> float:
    """A number in [0, 1) that depends only on the seed and the group's name."""
    digest = hashlib.sha256(f"{seed}:{group}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def fold_of(group: str, seed: int, folds: int) -> int:
    """The cross-validation fold of a group; fold 0 of 5 is exactly the held-out split."""
    return int(_unit(seed, group) * folds)


def is_dev(group: str, seed: int) -> bool:
    """True for the groups (about DEV of them) that pick the epoch and fit thresholds in a fold."""
    return _unit(f"{seed}:dev", group) < DEV


def split_groups(groups: Iterable[str], seed: int) -> dict[str, str]:
    """Assign each group to "train", "dev" or "heldout" (about 20% held out, 10% of the rest dev).

    Each group's place depends only on its own name and the seed, so adding or removing other
    examples (new written clauses, a cleaner heading map) never moves a contract between splits.
    """
    out = {}
    for g in sorted(set(groups)):
        x = _unit(seed, g)
        out[g] = (
            "heldout" if x < HELD_OUT else "dev" if x < HELD_OUT + (1 - HELD_OUT) * DEV else "train"
        )
    return out
