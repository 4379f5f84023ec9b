"""Zip bombs built in memory: a small DOCX whose document part inflates to gigabytes.

The deflate stream is one 1 MiB block of spaces, compressed once and repeated: a full flush
before each copy makes every copy a self-contained, byte-aligned run of blocks, so the file is
valid without ever compressing (or writing) gigabytes.
"""

from __future__ import annotations

import struct
import zlib

from tests.readers.docx_builder import CONTENT_TYPES, PACKAGE_RELS

MiB = 1024 * 1024
_UNIT = b" " * MiB
_FINAL_EMPTY_BLOCK = b"\x03\x00"  # a final, empty fixed-Huffman block ends the stream


def _deflated_unit() -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(_UNIT) + c.flush(zlib.Z_FULL_FLUSH)


def bomb_member(mebibytes: int) -> tuple[bytes, int]:
    """Raw deflate data inflating to `mebibytes` MiB of spaces, and its CRC-32."""
    crc = 0
    for _ in range(mebibytes):
        crc = zlib.crc32(_UNIT, crc)
    return _deflated_unit() * mebibytes + _FINAL_EMPTY_BLOCK, crc


def raw_zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip of (name, stored bytes, crc, declared uncompressed size, method) members, as given.

    The declared size is written as is, so a test can make a member lie about its size.
    """
    out, central = bytearray(), bytearray()
    for name, body, crc, size, method in members:
        raw_name = name.encode()
        offset = len(out)
        fields = (20, 0, method, 0, 0, crc, len(body), size, len(raw_name), 0)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + raw_name + body
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, offset)
        central += raw_name
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members),
                       len(central), start, 0)  # fmt: skip
    return bytes(out)


def _deflate(data: bytes) -> tuple[bytes, int, int, int]:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush(), zlib.crc32(data), len(data), 8


def bomb_docx(mebibytes: int, declared: int | None = None) -> bytes:
    """A DOCX whose word/document.xml inflates to `mebibytes` MiB.

    `declared` (bytes) overrides the size written in the zip headers: a lying header.
    """
    body, crc = bomb_member(mebibytes)
    size = mebibytes * MiB if declared is None else declared
    return raw_zip(
        [
            ("[Content_Types].xml", *_deflate(CONTENT_TYPES.encode())),
            ("_rels/.rels", *_deflate(PACKAGE_RELS.encode())),
            ("word/document.xml", body, crc, size, 8),
        ]
    )
