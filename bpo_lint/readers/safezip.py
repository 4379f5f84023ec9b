"""Checks on a DOCX zip before any XML in it is parsed: zip bombs, DTDs, non-Word archives.

python-docx parses with lxml `resolve_entities=False` (libxml2 never fetches the network by
default and caps entity amplification), so an external entity is left unexpanded and a billion
laughs DTD fails to parse. Word never writes a DTD at all, so we refuse any part that declares one
before python-docx sees it: that holds whatever the installed lxml/libxml2 versions do.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from bpo_lint.model import ReadError

MAX_TOTAL_BYTES = 200 * 1024 * 1024  # declared uncompressed size of all members together
MAX_MEMBERS = 10_000
MAX_RATIO = 100  # compression ratio above which a large member is treated as a bomb
RATIO_MIN_BYTES = 1024 * 1024  # small members compress well legitimately (repetitive XML)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MEDIA = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".svg", ".ico")
# NotImplementedError: a damaged header claiming a zip version that Python cannot read.
_OPEN_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, NotImplementedError)
CORRUPT = "the file is damaged or truncated (broken zip archive)"


def open_docx_zip(data: bytes) -> zipfile.ZipFile:
    """The zip archive of a DOCX after the safety checks; ReadError when it fails one."""
    if data.startswith(OLE_MAGIC):
        raise ReadError(
            "not-a-docx",
            "is a legacy Word .doc or a password-protected Office file, not a .docx; "
            "save it from Word as an unprotected .docx",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except _OPEN_ERRORS as exc:
        # A zip signature at the start means a Word file that got cut short or damaged.
        if data.startswith(b"PK"):
            raise ReadError("corrupt-docx", CORRUPT) from exc
        raise ReadError("not-a-docx", "is not a Word document (not a zip archive)") from exc
    _check_sizes(infos)
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names:
        raise ReadError("not-a-docx", "is a zip archive but not a Word document")
    for info in infos:
        # Every part, media too: python-docx loads them all, and zipfile inflates a member's
        # whole stream before cutting it to the size its header declares.
        body = read_member(data, info)
        if _is_xml(info.filename):
            _check_no_dtd(body, info.filename)
    return archive


def _check_sizes(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise ReadError("too-large", f"the archive holds {len(infos)} parts; refusing to unpack it")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        raise ReadError(
            "too-large",
            f"unpacks to {total // (1024 * 1024)} MB; the limit is "
            f"{MAX_TOTAL_BYTES // (1024 * 1024)} MB",
        )
    for i in infos:
        # Images are never parsed and a plain bitmap legitimately compresses very well.
        if not _is_xml(i.filename):
            continue
        if i.file_size > RATIO_MIN_BYTES and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise ReadError(
                "too-large",
                f"part {i.filename} is compressed {i.file_size // max(i.compress_size, 1)}:1 "
                "(a zip bomb?); refusing to unpack it",
            )


def _is_xml(name: str) -> bool:
    # A part's name need not say it is XML, so check all but media, which python-docx never
    # parses (an SVG image may legitimately carry a DTD).
    return not name.lower().endswith(_MEDIA) and not name.endswith("/")


def read_member(data: bytes, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, inflated never past its declared size; ReadError when it lies or is bad.

    A header may declare 1 KB for a stream that inflates to gigabytes: this inflates at most one
    byte more than declared and refuses a stream that does not end exactly there.
    """
    if info.filename.endswith("/"):
        return b""
    raw = _raw_member(data, info)
    if info.flag_bits & 0x1:
        raise ReadError("corrupt-docx", f"part {info.filename} is encrypted")
    if info.compress_type == zipfile.ZIP_STORED:
        body, complete = raw, len(raw) == info.file_size
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-15)
        try:
            body = inflater.decompress(raw, info.file_size + 1)
        except zlib.error as exc:
            raise ReadError("corrupt-docx", CORRUPT) from exc
        if len(body) > info.file_size:
            raise ReadError(
                "too-large",
                f"part {info.filename} inflates past the size its header declares "
                "(a zip bomb?); refusing to unpack it",
            )
        complete = inflater.eof and len(body) == info.file_size
    else:
        raise ReadError("corrupt-docx", f"part {info.filename} uses an unsupported compression")
    if not complete or zlib.crc32(body) != info.CRC:
        raise ReadError("corrupt-docx", CORRUPT)
    return body


_LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")


def _raw_member(data: bytes, info: zipfile.ZipInfo) -> bytes:
    """The stored (compressed) bytes of a member, found through its local header."""
    start = info.header_offset
    if start < 0 or start + _LOCAL_HEADER.size > len(data):
        raise ReadError("corrupt-docx", CORRUPT)
    fields = _LOCAL_HEADER.unpack_from(data, start)
    if fields[0] != 0x04034B50:
        raise ReadError("corrupt-docx", CORRUPT)
    begin = start + _LOCAL_HEADER.size + fields[-2] + fields[-1]  # name and extra field
    raw = data[begin : begin + info.compress_size]
    if len(raw) != info.compress_size:
        raise ReadError("corrupt-docx", CORRUPT)
    return raw


def _check_no_dtd(xml: bytes, name: str) -> None:
    # Dropping NULs turns UTF-16/32 markup into ASCII, so one search covers every encoding.
    for candidate in (xml, xml.replace(b"\x00", b"")):
        if b"<!DOCTYPE" in candidate or b"<!ENTITY" in candidate:
            raise ReadError(
                "corrupt-docx",
                f"part {name} declares a DTD, which Word never writes; refused for safety",
            )
