"""Writing files the user asked for: always atomically, never over an input."""

from __future__ import annotations

import os
import tempfile


def write_output(path: str, content: str | bytes) -> None:
    """Write text (UTF-8) or bytes to `path` via a temporary file and an atomic rename."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".bpo-lint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        # Never leave a half-written temporary file behind.
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
