"""The registry of rule kinds: a plain dict filled by explicit imports (no discovery by magic).

To add a kind: define `KIND = Kind(...)` in a module of this package, import it below (one line
per module, sorted) and add one entry to the tuple in KINDS.
"""

from __future__ import annotations

from bpo_lint.kinds.base import Kind
from bpo_lint.kinds.conflict import KIND as CONFLICT
from bpo_lint.kinds.dates import KIND as EXPIRY
from bpo_lint.kinds.definitions import ELSEWHERE, LOWERCASE, UNDEFINED, UNUSED
from bpo_lint.kinds.existence import KIND as EXISTENCE
from bpo_lint.kinds.forum import COURT_ARBITRATION, LAW, VENUE
from bpo_lint.kinds.headings import DUPLICATE_HEADING
from bpo_lint.kinds.numerals import KIND as NUMERALS
from bpo_lint.kinds.parties import KIND as PARTY_NAMES
from bpo_lint.kinds.precedence import KIND as PRECEDENCE
from bpo_lint.kinds.redefinition import KIND as REDEFINITION
from bpo_lint.kinds.references import KIND as INTERNAL_REFERENCE
from bpo_lint.kinds.renewal import KIND as RENEWAL_WINDOW
from bpo_lint.kinds.required import KIND as REQUIRED
from bpo_lint.kinds.structure import NUMBERING
from bpo_lint.kinds.vague_passive import KIND as PASSIVE
from bpo_lint.kinds.vague_service_level import KIND as NUMERIC_TARGET
from bpo_lint.kinds.variants import KIND as VARIANTS

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        EXISTENCE,
        VARIANTS,
        REQUIRED,
        PASSIVE,
        NUMERIC_TARGET,
        CONFLICT,
        NUMERALS,
        LAW,
        VENUE,
        COURT_ARBITRATION,
        REDEFINITION,
        RENEWAL_WINDOW,
        PRECEDENCE,
        EXPIRY,
        UNDEFINED,
        UNUSED,
        LOWERCASE,
        ELSEWHERE,
        INTERNAL_REFERENCE,
        NUMBERING,
        DUPLICATE_HEADING,
        PARTY_NAMES,
    )
}
