"""The progress bar: only for a person at a terminal, never in CI, pipes or --quiet."""

from __future__ import annotations

import io

import pytest

from bpo_lint.progress import BIG_PDF_BYTES, progress_bar, want_progress, worth_a_bar


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("tty", "quiet", "env", "expected"),
    [
        (True, False, {}, True),
        (False, False, {}, False),
        (True, True, {}, False),
        (True, False, {"CI": "true"}, False),
        (True, False, {"CI": ""}, True),
    ],
)
def test_want_progress(tty, quiet, env, expected):
    stream = _Tty() if tty else io.StringIO()
    assert want_progress(quiet=quiet, stream=stream, env=env) is expected


def test_worth_a_bar(tmp_path):
    small, big = tmp_path / "small.pdf", tmp_path / "big.pdf"
    small.write_bytes(b"%PDF" + b"x" * 10)
    big.write_bytes(b"%PDF" + b"x" * BIG_PDF_BYTES)
    assert worth_a_bar([str(small), str(small)])
    assert worth_a_bar([str(big)])
    assert not worth_a_bar([str(small)])
    assert not worth_a_bar([str(tmp_path / "a.md")])


def test_disabled_bar_writes_nothing():
    stream = _Tty()
    with progress_bar(3, enabled=False, stream=stream) as advance:
        advance("a.md")
    assert stream.getvalue() == ""


def test_enabled_bar_draws_on_its_stream_and_counts():
    stream = _Tty()
    with progress_bar(2, enabled=True, stream=stream) as advance:
        advance("first.md")
        advance("second.md")
    out = stream.getvalue()
    assert "linting" in out
    assert "2/2" in out
    assert "second.md" in out
