"""Writing files the user asked for: always atomically, never over an input."""

from __future__ import annotations

import os
import tempfile


def write_output(path: str, text: str) -> None:
    """Write `text` to `path` via a temporary file in the same folder and an atomic rename."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".bpo-lint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        # Never leave a half-written temporary file behind.
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
