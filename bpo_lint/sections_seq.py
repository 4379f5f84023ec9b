"""Accept section candidates that continue a plausible numbering sequence and nest them.

A candidate at the start of a line may skip a few numbers (a clause lost to bad extraction); a
candidate in the middle of a line must be exactly the next number, or the first sub-number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bpo_lint.numbering import Candidate


@dataclass
class _State:
    """Parser state for one document; reset inside each schedule."""

    stack: list[int] = field(default_factory=list)  # open accepted sections, outermost first
    kinds: list[str] = field(default_factory=list)  # kind of each accepted section
    parts: list[tuple] = field(default_factory=list)  # dec parts / (scheme, reading, value)
    last_dec: tuple[int, ...] | None = None
    last_art: int | None = None
    art_fresh: bool = False
    indents: list[int] = field(default_factory=list)


def _dec_ok(
    p: tuple[int, ...], last: tuple[int, ...] | None, c: Candidate, st: _State, titled: bool
) -> bool:
    """Whether decimal number p may follow `last` (a titled clause may skip one number)."""
    slack = 3 if c.line_start else (2 if titled else 1)
    if st.art_fresh and st.last_art is not None and p in ((1,), (1, 1), (st.last_art,)):
        return True
    if st.art_fresh and st.last_art is not None and p[:1] == (st.last_art,) and p[1:] == (1,):
        return True
    if last is None:  # the first clause: anything at a line start, "1." or "1.1" mid-line
        return c.line_start or (p[0] <= slack and all(x <= slack for x in p[1:]))
    extra, top = p[len(last) :], max(1, slack - 1)
    if p[: len(last)] == last and len(extra) in (1, 2) and all(x <= top for x in extra):
        return True  # first child: 4 -> 4.1 (or 4.2 at a line start: 4.1 may be lost)
    for j in range(len(last)):
        if p[:j] != last[:j] or len(p) <= j:
            continue
        if (
            last[j] < p[j] <= last[j] + slack
            and all(x == 1 for x in p[j + 1 :])
            and len(p) <= j + 3
        ):
            return True
        # A titled clause at a line start may open the next number at its second sub-number
        # (2.24 -> 3.2): 3.1 was deleted, lost in extraction, or is a line "3.1 [Omitted]".
        if c.line_start and titled and p[j] == last[j] + 1 and p[j + 1 :] == (2,):
            return True
    return False


def _dec_parts(c: Candidate, st: _State, titled: bool) -> tuple[int, ...] | None:
    """The full number of a decimal label when it fits the sequence, else None.

    An indented "1." under "1." (Markdown nested lists) reads as 1.1: the label is deepened by
    its indentation when that fits, and read flat otherwise.
    """
    options = [c.parts]
    if c.line_start and len(c.parts) == 1 and st.indents and st.last_dec:
        depth = sum(1 for lvl in st.indents if lvl + 1 < c.indent)
        depth = min(depth, len(st.last_dec))
        known = depth < len(st.indents) and abs(st.indents[depth] - c.indent) <= 1
        if depth and (known or c.parts == (1,)):
            options.insert(0, st.last_dec[:depth] + c.parts)
    for p in options:
        if c.strong or _dec_ok(p, st.last_dec, c, st, titled):
            return p
    return None


def _accept_list(c: Candidate, st: _State) -> tuple[int, tuple] | None:
    """(number of stack entries to keep, list key) when a list label fits, else None."""
    slack = 2 if c.line_start else 1
    # Exact style first; then the same letters in another style ("c." then "(d)": sloppy drafts).
    for same in (lambda s: s == c.scheme, lambda s: s.strip("().") == c.scheme.strip("().")):
        for depth in range(len(st.stack) - 1, -1, -1):
            k = st.stack[depth]
            if st.kinds[k] != "list":
                break
            scheme, reading, value = st.parts[k]
            if not same(scheme):
                continue
            v = c.letter if reading == "letter" else c.roman
            if v is not None and value < v <= value + slack:
                return depth, (scheme, reading, v)
    if not st.stack and not (c.line_start or c.gap):
        return None
    open_ = {st.parts[k][:2] for k in st.stack if st.kinds[k] == "list"}
    for reading, v in (("letter", c.letter), ("roman", c.roman)):
        if v == 1 and (c.scheme, reading) not in open_:
            return len(st.stack), (c.scheme, reading, 1)
    return None


def _keep(c: Candidate, st: _State) -> int | None:
    """How many stack entries stay open below an accepted candidate (None: reject it)."""
    kinds = [st.kinds[k] for k in st.stack]
    if c.kind == "sch":
        return 0
    if c.kind == "art":
        last = st.last_art
        slack = 3 if c.line_start else 1
        first = c.line_start or c.value <= slack
        ok = first if last is None else (last < c.value <= last + slack)
        return kinds.count("sch") if (ok or c.strong) else None
    if c.kind == "head":
        if c.scheme == "caps" and ("dec" in kinds or "art" in kinds):
            return None  # a caps line inside a numbered clause ("REDACTED") is body text
        keep = 0
        for depth, k in enumerate(st.stack):
            if st.kinds[k] == "sch" or (st.kinds[k] == "head" and st.parts[k][0] < c.head_level):
                keep = depth + 1
        return keep
    return None


def sequence(
    cands: list[Candidate], titles: list[tuple[str, int]]
) -> tuple[list[int], list[int | None], list[str]]:
    """Choose the candidates that start sections: (candidate indices, parent of each, ids)."""
    st = _State()
    accepted: list[int] = []
    parents: list[int | None] = []
    ids: list[str] = []
    used: set[str] = set()
    skip_until, unnumbered = -1, 0
    for i, c in enumerate(cands):
        if c.start < skip_until:
            continue
        entry: tuple = ()
        if c.kind == "dec":
            p = _dec_parts(c, st, bool(titles[i][0]))
            if p is None:
                continue
            keep = len(st.stack)
            while keep and not _holds(st, st.stack[keep - 1], p):
                keep -= 1
            entry = p
        elif c.kind == "list":
            fit = _accept_list(c, st)
            if fit is None:
                continue
            keep, entry = fit
        else:
            keep = _keep(c, st)
            if keep is None:
                continue
            entry = (c.head_level,) if c.kind == "head" else (c.value,)
        del st.stack[keep:]
        parent = st.stack[-1] if st.stack else None
        j = len(accepted)
        accepted.append(i)
        parents.append(parent)
        st.kinds.append(c.kind)
        st.parts.append(entry)
        st.stack.append(j)
        _advance(st, c, entry)
        if c.kind == "head":
            unnumbered += 1
        ids.append(_unique(_make_id(c, entry, parent, ids, st, unnumbered), parent, ids, used))
        skip_until = max(skip_until, titles[i][1] if c.kind != "list" else c.label_end)
    return accepted, parents, ids


def _holds(st: _State, k: int, p: tuple[int, ...]) -> bool:
    """Whether open section k may contain decimal clause p."""
    kind = st.kinds[k]
    if kind in ("sch", "art"):
        return True
    return kind == "dec" and len(st.parts[k]) < len(p) and p[: len(st.parts[k])] == st.parts[k]


def _advance(st: _State, c: Candidate, entry: tuple) -> None:
    """Update the sequence state after accepting c."""
    if c.kind == "sch":
        st.last_dec, st.last_art, st.art_fresh, st.indents = None, None, False, []
    elif c.kind == "art":
        st.last_art, st.art_fresh = c.value, True
    elif c.kind == "dec":
        st.last_dec, st.art_fresh = entry, False
        if c.line_start and len(c.parts) == 1:
            depth = len(entry) - 1
            del st.indents[depth:]
            st.indents.append(c.indent)


def _make_id(
    c: Candidate, entry: tuple, parent: int | None, ids: list[str], st: _State, unnumbered: int
) -> str:
    """The readable id of a new section (see the module docstring of bpo_lint.sections)."""
    if c.kind == "head":
        return f"s{unnumbered}"
    if c.kind in ("sch", "art"):
        return c.label
    pid = ids[parent] if parent is not None else ""
    if c.kind == "list":
        if c.scheme.startswith("(") or c.scheme.endswith(")"):
            return f"{pid}({c.label})"
        return f"{pid}.{c.label}" if pid else c.label
    num = c.label if entry == c.parts else ".".join(str(x) for x in entry)
    sch = next((k for k in reversed(st.stack) if st.kinds[k] == "sch"), None)
    return f"{ids[sch]}/{num}" if sch is not None else num


def _unique(sid: str, parent: int | None, ids: list[str], used: set[str]) -> str:
    """Make an id unique: prefix the parent's id, else add "#2", "#3"..."""
    if sid in used and parent is not None and f"{ids[parent]}/{sid}" not in used:
        sid = f"{ids[parent]}/{sid}"
    base, n = sid, 1
    while sid in used:
        n += 1
        sid = f"{base}#{n}"
    used.add(sid)
    return sid
