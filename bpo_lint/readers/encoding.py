"""Decode the bytes of a text or Markdown file: UTF-8, UTF-16/32 with a BOM, else Windows-1252."""

from __future__ import annotations

import re

from bpo_lint.model import ReadError

CP1252_WARNING = "not valid UTF-8; read as Windows-1252"

# Longest BOMs first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# C0 controls a text file has no business holding (tab, newlines, form feed are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_SAMPLE = 65536
_ESCAPED = re.compile("[\udc80-\udcff]")


def decode_text(data: bytes) -> tuple[str, tuple[str, ...]]:
    """The text of `data` and any warnings; ReadError("decode-error") when it is not text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                message = f"starts with a {codec} byte-order mark but is not valid {codec}"
                raise ReadError("decode-error", message) from exc
            _reject_binary(text)
            return text, ()
    if b"\x00" in data:
        raise ReadError(
            "decode-error",
            "contains NUL bytes: binary data, or UTF-16 text without a byte-order mark",
        )
    try:
        text, warnings = data.decode("utf-8"), ()
    except UnicodeDecodeError:
        # Five bytes are undefined in cp1252; Windows maps them to the C1 controls, as latin-1 does.
        text = data.decode("cp1252", errors="surrogateescape")
        text = _ESCAPED.sub(lambda m: chr(ord(m.group()) - 0xDC00), text)
        warnings = (CP1252_WARNING,)
    _reject_binary(text)
    return text, warnings


def _reject_binary(text: str) -> None:
    sample = text[:_SAMPLE]
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls > max(8, len(sample) // 100):
        raise ReadError("decode-error", "looks like binary data, not text")


def looks_binary(data: bytes) -> bool:
    """True when `data` cannot be read as text (used to sniff stdin)."""
    try:
        decode_text(data[:_SAMPLE])
    except ReadError:
        return True
    return False
