"""Quantities in contract text: durations, money and percentages, found in one pass and normalised.

Durations keep business days apart from calendar days; months stay months (years become months)
and compare with days only approximately, so "one month" and "30 days" agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bpo_lint.kinds.base import Context
from bpo_lint.kinds.numwords import NUMBER_WORDS, parse_digits, parse_number_words

_W = NUMBER_WORDS
_D = r"(?<![\w.,$€£])\d{1,4}(?:\.\d+)?(?![\d,])"
_AMT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CUR_SIGN = r"US\s?\$|U\.S\.\s?\$|C\$|A\$|\$|€|£|USD|EUR|GBP|CAD|AUD|CHF"
_MULT = r"(?:\s*(million|billion|thousand|mm|bn)\b)?"
_CUR_WORD = r"(?:U\.?S\.?\s+)?(?:dollars|euros?|pounds(?:\s+sterling)?)"

_DURATION = (
    rf"(?:(?P<dw>{_W})\s*\(\s*(?P<dwd>\d{{1,4}})\s*\)|(?P<dd>{_D})|(?P<dwo>{_W}))"
    r"[\s-]*(?P<mod>(?:calendar|business|working|banking)[\s-]+)?"
    r"(?P<unit>hours?|days?|weeks?|months?|years?)(?:\(s\))?\b"
)
_PERCENT = (
    rf"(?:(?P<pw>{_W})\s+(?:percent|per\s+cent)\s*\(\s*(?P<pwd>\d+(?:\.\d+)?)\s*%?\s*\)"
    rf"|(?P<pw2>{_W})\s*\(\s*(?P<pwd2>\d+(?:\.\d+)?)\s*%\s*\)(?:\s*(?:percent|per\s+cent)\b)?"
    r"|(?P<pd>(?<![\w.,])\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)"
    rf"|(?P<pwo>{_W})\s+(?:percent|per\s+cent)\b)"
    r"(?:\s*(?:per|a|each|/)\s*(?P<per>month|annum|year|day|week|quarter)\b"
    r"|\s+(?P<per2>monthly|annually|per\s+annum)\b)?"
)
_MONEY = (
    rf"(?:(?P<mw>{_W})\s+(?P<mwc>{_CUR_WORD})(?:\s+and\s+no/100)?"
    rf"(?:\s*\(\s*(?:{_CUR_SIGN})\s?(?P<mwd>{_AMT}){_MULT}\s*\))?"
    rf"|(?P<cs>{_CUR_SIGN})\s?(?P<ca>{_AMT}){_MULT}"
    rf"|(?<![\w.,])(?P<na>{_AMT}){_MULT}\s*(?P<nc>USD|EUR|GBP|CAD|AUD|CHF|{_CUR_WORD})\b)"
)
VALUE_RE = re.compile(
    rf"(?P<duration>{_DURATION})|(?P<percent>{_PERCENT})|(?P<money>{_MONEY})", re.IGNORECASE
)

_SCALE = {"thousand": 1e3, "million": 1e6, "mm": 1e6, "billion": 1e9, "bn": 1e9}
_CURRENCY = {"$": "USD", "us$": "USD", "u.s.$": "USD", "€": "EUR", "£": "GBP", "c$": "CAD"}
_CURRENCY.update({"a$": "AUD", "dollar": "USD", "euro": "EUR", "pound": "GBP"})
_UNIT_NAMES = {"hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year"}


@dataclass(frozen=True)
class Value:
    """One quantity found in the text: kind is "duration", "money" or "percent".

    unit is "hour", "day", "business_day", "week", "month" or "year" for durations, an ISO
    currency code for money, and the rate period ("month", "year" or "") for percentages.
    """

    kind: str
    amount: float
    unit: str
    start: int
    end: int

    def norm(self) -> tuple[str, float]:
        """Comparable form: ("day", days), ("business_day", n), ("month", months), or as is."""
        if self.kind != "duration":
            return self.unit, self.amount
        factor = {"hour": ("day", 1 / 24), "week": ("day", 7), "year": ("month", 12)}
        cls, mult = factor.get(self.unit, (self.unit, 1))
        return cls, self.amount * mult

    def display(self) -> str:
        """A short human form: "30 days", "5 business days", "USD 1,000,000", "1.5% per month"."""
        n = f"{self.amount:,.2f}".rstrip("0").rstrip(".") if self.kind != "percent" else None
        if self.kind == "money":
            return f"{self.unit} {n}"
        if self.kind == "percent":
            amt = f"{self.amount:g}%"
            return f"{amt} per {self.unit}" if self.unit else amt
        unit = self.unit.replace("_", " ")
        return f"{n} {unit}" if self.amount == 1 else f"{n} {unit}s"


def same_quantity(a: Value, b: Value) -> bool | None:
    """True if a and b state the same quantity, False if they differ, None if not comparable."""
    if a.kind != b.kind:
        return None
    (ua, na), (ub, nb) = a.norm(), b.norm()
    if a.kind == "percent":
        if ua == ub or abs(na - nb) < 1e-9:
            return abs(na - nb) < 1e-9
        if not ua or not ub:
            return None  # one rate has no period: cannot tell
        per_year = {"month": 12, "year": 1, "annum": 1, "quarter": 4, "week": 52, "day": 365}
        return abs(na * per_year.get(ua, 1) - nb * per_year.get(ub, 1)) < 1e-6
    if ua == ub:
        return abs(na - nb) < 1e-9
    if {ua, ub} == {"day", "month"}:
        days, months = (na, nb) if ua == "day" else (nb, na)
        return 28 * months <= days <= 31 * months
    return None  # business days vs anything else, or different currencies


def _num(words: str | None, digits: str | None) -> float | None:
    if digits:
        return parse_digits(digits)
    return parse_number_words(words) if words else None


def _duration(m: re.Match[str]) -> Value | None:
    amount = _num(m["dw"] or m["dwo"], m["dwd"] or m["dd"])
    if amount is None:
        return None
    unit = m["unit"].lower().rstrip("s")
    if m["mod"] and unit == "day" and not m["mod"].lower().startswith("calendar"):
        unit = "business_day"
    return Value("duration", amount, _UNIT_NAMES.get(unit, unit), m.start(), m.end())


def _percent(m: re.Match[str]) -> Value | None:
    amount = _num(m["pw"] or m["pw2"] or m["pwo"], m["pwd"] or m["pwd2"] or m["pd"])
    if amount is None:
        return None
    per = (m["per"] or m["per2"] or "").lower()
    per = {"annum": "year", "annually": "year", "monthly": "month"}.get(per, per)
    per = "year" if per.startswith("per") else per
    return Value("percent", amount, per, m.start(), m.end())


def _currency(token: str) -> str:
    t = re.sub(r"\s+", "", token.lower())
    t = re.sub(r"^u\.?s\.?(?=dollar)", "", t).rstrip("s")
    t = "pound" if t.startswith("pound") else t
    return _CURRENCY.get(t, t.upper())


def _money(m: re.Match[str]) -> Value | None:
    mults = [g for g in m.groups() if g and g.lower() in _SCALE]
    scale = _SCALE[mults[-1].lower()] if mults else 1.0
    if m["mw"]:
        cur = _currency(m["mwc"])
        amount = parse_digits(m["mwd"]) if m["mwd"] else parse_number_words(m["mw"])
        scale = scale if m["mwd"] else 1.0
    elif m["cs"]:
        cur, amount = _currency(m["cs"]), parse_digits(m["ca"])
    else:
        cur, amount = _currency(m["nc"]), parse_digits(m["na"])
    if amount is None:
        return None
    return Value("money", amount * scale, cur, m.start(), m.end())


# Every value holds one of these words or signs. Plain substring search for each is far faster
# than one alternation over the text; the full pattern then runs only near each hit.
_ANCHORS = tuple(
    re.compile(re.escape(w))
    for w in (
        *("hour", "day", "week", "month", "year", "%", "percent", "per cent", "$", "€", "£"),
        *("usd", "eur", "gbp", "cad", "aud", "chf", "dollar", "euro", "pound"),
    )
)
_BACK, _AHEAD = 100, 60
# The lookahead lists the first characters of the alternatives (digits, signs, the initials of
# the codes and number words): it lets the engine skip most positions of a window (1.5x faster).
_START = re.compile(
    r"(?=[\d$€£ACEGUZOTFSN])"
    r"(?:(?<![\w.,])\d|[$€£]|\bU\.?S\.?\s?\$|\b(?:C|A)\$|\b(?:USD|EUR|GBP|CAD|AUD|CHF)"
    r"|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|fou?rty|fifty|sixty|seventy"
    r"|eighty|ninety)\b)",
    re.IGNORECASE,
)


def _matches(text: str) -> list[re.Match[str]]:
    lower = text.lower()
    anchors = sorted(m.start() for p in _ANCHORS for m in p.finditer(lower))
    out: list[re.Match[str]] = []
    last_end = 0
    for a in anchors:
        if a < last_end:
            continue
        lo, hi = max(last_end, a - _BACK), min(len(text), a + _AHEAD)
        # Try the full pattern only where a value can begin: a digit, a sign or a number word.
        for h in _START.finditer(text, lo, min(hi, a + 12)):
            m = VALUE_RE.match(text, h.start(), hi)
            if m and m.start() <= a < m.end():
                out.append(m)
                last_end = m.end()
                break
    return out


def extract_values(text: str) -> tuple[Value, ...]:
    """Every duration, sum of money and percentage in `text`, in order of position."""
    values = (value_from_match(m) for m in _matches(text))
    return tuple(v for v in values if v is not None)


def value_from_match(m: re.Match[str]) -> Value | None:
    """The Value for one match of VALUE_RE, or None when its number words do not parse."""
    if m["duration"]:
        return _duration(m)
    return _percent(m) if m["percent"] else _money(m)


def document_values(ctx: Context) -> tuple[Value, ...]:
    """The values of ctx.doc, extracted once per document and shared by every rule."""
    return ctx.memo("values", lambda: extract_values(ctx.doc.text))
