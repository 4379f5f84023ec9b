"""Hostile text and Markdown files: huge, sparse, one endless line, NUL bytes, mixed encodings.

Each runs the real CLI in a subprocess under a wall-clock timeout and an address-space limit.
"""

from __future__ import annotations

import pytest

from tests.hardening.cli import assert_clean_outcome, assert_error
from tests.hardening.cli import lint_hostile as lint
from tests.hardening.zipbomb import MiB

CLAUSE = "The Supplier shall use reasonable efforts to deliver the Services promptly. "


def test_text_over_100_mb_is_refused_quickly(tmp_path):
    from bpo_lint.readers import MAX_TEXT_CHARS

    path = tmp_path / "huge.txt"
    chunk = "".join(f"{n}. Clause\n{CLAUSE}\n" for n in range(1, 12_000)).encode()
    with path.open("wb") as fh:  # streamed: never the whole file in memory here
        while fh.tell() < 101 * MiB:
            fh.write(chunk)
    run, seconds = lint(path)
    assert_error(run, path, "too-large")
    assert f"limit is {MAX_TEXT_CHARS / 1e6:g} million" in run.stderr
    assert seconds < 60


def test_sparse_file_over_the_byte_limit_is_refused_without_reading(tmp_path):
    from bpo_lint.readers import MAX_FILE_BYTES

    path = tmp_path / "sparse.md"
    with path.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + MiB)  # a hole: no disk space used
    run, seconds = lint(path)
    assert_error(run, path, "too-large")
    assert seconds < 30


def test_sparse_file_of_nul_bytes_under_the_limit_is_binary(tmp_path):
    path = tmp_path / "zeros.txt"
    with path.open("wb") as fh:
        fh.truncate(120 * MiB)
    run, _ = lint(path)
    assert_error(run, path, "decode-error")
    assert "NUL" in run.stderr


def test_ten_megabytes_on_one_line_is_refused_as_too_long(tmp_path):
    path = tmp_path / "one-line.txt"
    path.write_text(CLAUSE * (10 * MiB // len(CLAUSE)), encoding="utf-8")
    run, seconds = lint(path)
    assert_error(run, path, "too-large")
    assert seconds < 60


def test_one_megabyte_line_gives_a_correct_report(tmp_path):
    path = tmp_path / "long-line.txt"
    path.write_text("1. Services " + CLAUSE * (MiB // len(CLAUSE)), encoding="utf-8")
    run, seconds = lint(path, "--fail-on", "never")
    assert_clean_outcome(run, path)
    assert run.code == 0
    (result,) = run.json()["files"]
    assert result["stats"]["lines"] == 1
    vague = [f for f in result["findings"] if f["rule"].startswith("vague")]
    assert vague and all(f["location"]["line"] == 1 for f in vague)
    assert max(f["location"]["column"] for f in vague) > 900_000  # found all along the line
    assert seconds < 90


@pytest.mark.parametrize("name", ["nul.txt", "nul.md"])
def test_nul_bytes_in_text_are_a_clean_error(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"# Agreement\n\n1. Services\x00\x00 shall be provided.\n")
    run, _ = lint(path)
    assert_error(run, path, "decode-error")


def test_utf16_without_a_byte_order_mark_is_a_clean_error(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("1. Services\nThe Supplier shall perform.\n".encode("utf-16-le"))
    run, _ = lint(path)
    assert_error(run, path, "decode-error")
    assert "UTF-16" in run.stderr


def test_mixed_encodings_are_read_with_a_warning(tmp_path):
    path = tmp_path / "mixed.md"
    utf8 = "# Agreement\n\n1. Fees\n\nThe fee is 100 € (net).\n".encode()
    cp1252 = "\n2. Term\n\nThe term ends on 31 December \u2013 see Schedule 1.\n".encode("cp1252")
    path.write_bytes(utf8 + cp1252)
    run, _ = lint(path, "--fail-on", "never")
    assert_clean_outcome(run, path)
    assert run.code == 0
    assert f"{path}: warning: not valid UTF-8" in run.stderr
    (result,) = run.json()["files"]
    titles = [s["title"] for s in result["sections"]]
    assert "Fees" in titles and "Term" in titles


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "utf16bom.txt"
    path.write_bytes("\ufeff1. Services\nThe Supplier shall perform.\n".encode("utf-16-le"))
    run, _ = lint(path, "--fail-on", "never")
    assert_clean_outcome(run, path)
    assert run.json()["files"][0]["stats"]["lines"] == 2
