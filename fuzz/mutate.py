"""Mutators that keep a DOCX a valid zip (so the XML inside gets fuzzed, not just the zip checks).

`mutate_docx` unzips, mutates one part's bytes with the given byte mutator and zips again;
`random_bytes_mutator` is the pure-Python byte mutator used when atheris is not installed.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable

ByteMutator = Callable[[bytes, int], bytes]  # (data, max_size) -> mutated data

# Where a Word file's parsing logic lives; other parts are mostly passed through.
_PART_WEIGHTS = {
    "word/document.xml": 6,
    "word/numbering.xml": 3,
    "word/styles.xml": 3,
    "[Content_Types].xml": 1,
    "word/_rels/document.xml.rels": 1,
}
# Fragments that steer mutations towards the code paths of the readers (ours, not from any file).
TOKENS = {
    "docx": (
        b'<w:numPr><w:ilvl w:val="8"/><w:numId w:val="1"/></w:numPr>',
        b'<w:numPr><w:ilvl w:val="-1"/><w:numId w:val="999"/></w:numPr>',
        b'<w:lvlText w:val="%1.%2.%3.%9.%0"/>',
        b'<w:start w:val="-7"/>',
        b'<w:numFmt w:val="upperRoman"/>',
        b'<w:numFmt w:val="lowerLetter"/>',
        b'<w:pStyle w:val="Heading1"/>',
        b'<w:outlineLvl w:val="99"/>',
        b'<w:basedOn w:val="Normal"/>',
        b'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>',
        b'<w:r><w:t xml:space="preserve"> 1.1 </w:t></w:r>',
        b"<w:ins><w:r><w:t>Article IV</w:t></w:r></w:ins>",
        b"<w:del><w:r><w:delText>x</w:delText></w:r></w:del>",
        b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>(a)</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        b'<w:vanish w:val="0"/>',
        b"<w:tab/><w:br/><w:softHyphen/>",
        b"\xef\xbb\xbf",
        b"&#0;",
        b"\xc3\x28",
    ),
    "pdf": (
        b" obj ", b"endobj", b"/Kids [", b"/Count 2147483647", b"/Count -1", b"<< /Type /Page",
        b"/Parent 1 0 R", b"/MediaBox [0 0 0 0]", b"/Rotate 90", b"BT", b"ET", b" Tj", b" TJ",
        b" Tf", b" Td", b" Tm", b"/Length 0", b"stream\n", b"endstream", b" 0 R", b"[[[[[[[[",
        b"<<<<<<<<", b"/Font", b"(1.1 Term)", b"(\\376\\377)", b"9999999999", b"-0.0",
    ),
}  # fmt: skip


def unzip(data: bytes) -> dict[str, bytes] | None:
    """The parts of a zip in order, or None when `data` is not a readable zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {i.filename: archive.read(i.filename) for i in archive.infolist()}
    except Exception:
        return None


def rezip(parts: dict[str, bytes], stored: bool = False) -> bytes:
    """A zip of `parts` (deflated fast, or stored)."""
    buf = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buf, "w", method, compresslevel=None if stored else 1) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return buf.getvalue()


def mutate_docx(data: bytes, rng: random.Random, mutate: ByteMutator, max_size: int) -> bytes:
    """Mutate one part inside the zip; now and then the raw zip bytes instead."""
    parts = unzip(data)
    if not parts or rng.random() < 0.05:
        return mutate(data, max_size)
    names = list(parts)
    weights = [_PART_WEIGHTS.get(n, 0.2) for n in names]
    name = rng.choices(names, weights)[0]
    body = parts[name]
    roll = rng.random()
    if roll < 0.4:
        parts[name] = mutate_xml(body, rng) or body
    elif roll < 0.6:
        parts[name] = splice_token(body, rng, TOKENS["docx"])
    else:
        parts[name] = mutate(body, len(body) + 512)
    if rng.random() < 0.02:
        del parts[name]
    return rezip(parts, stored=rng.random() < 0.1)


def splice_token(data: bytes, rng: random.Random, tokens: tuple[bytes, ...]) -> bytes:
    """Insert a token at a random place, preferring the gap before a tag."""
    token = rng.choice(tokens)
    at = rng.randrange(len(data) + 1)
    lt = data.find(b"<", at)
    at = lt if lt != -1 and rng.random() < 0.8 else at
    return data[:at] + token + data[at:]


def random_bytes_mutator(rng: random.Random, tokens: tuple[bytes, ...]) -> ByteMutator:
    """A simple byte mutator: flips, inserts, deletes, duplicated chunks and dictionary tokens."""

    def mutate(data: bytes, max_size: int) -> bytes:
        buf = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            op = rng.randrange(6)
            at = rng.randrange(len(buf) + 1)
            if op == 0 and buf:
                buf[min(at, len(buf) - 1)] ^= 1 << rng.randrange(8)
            elif op == 1:
                buf[at:at] = bytes([rng.randrange(256)])
            elif op == 2:
                del buf[at : at + rng.randint(1, 64)]
            elif op == 3 and buf:
                start = rng.randrange(len(buf))
                buf[at:at] = buf[start : start + rng.randint(1, 256)]
            elif op == 4:
                buf[at:at] = rng.choice(tokens)
            elif buf:
                buf[min(at, len(buf) - 1)] = rng.choice(b"0123456789<>/()[]{}%\x00\xff")
        return bytes(buf[:max_size])

    return mutate


# Values that stress number and style handling: out of range, negative, huge, empty, odd text.
_VALUES = ("0", "-1", "1", "8", "9", "10", "99", "2147483648", "", "x", "%1", "Heading1", "\u00a0")


def mutate_xml(body: bytes, rng: random.Random) -> bytes | None:
    """A well-formed variant of an XML part: an attribute changed, an element copied, moved,
    dropped or renamed. None when the part is not XML. Keeps the XML parseable so the mutation
    reaches the reader's own logic instead of the XML parser's error path."""
    from lxml import etree

    try:
        root = etree.fromstring(body, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    if len(elements) < 2:
        return None
    for _ in range(rng.randint(1, 3)):
        el = rng.choice(elements[1:])
        op = rng.randrange(5)
        parent = el.getparent()
        if op == 0 and el.attrib:
            key = rng.choice(list(el.attrib))
            el.set(key, rng.choice(_VALUES))
        elif op == 1 and parent is not None:
            parent.insert(rng.randrange(len(parent) + 1), _copy(el))
        elif op == 2 and parent is not None:
            parent.remove(el)
            elements = [e for e in root.iter() if isinstance(e.tag, str)]
        elif op == 3 and parent is not None:
            target = rng.choice(elements)
            if el not in target.iterancestors() and el is not target:
                target.append(el)
        elif op == 4:
            el.tag = rng.choice(elements).tag
        if len(elements) < 2:
            break
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _copy(el):
    import copy

    return copy.deepcopy(el)
