"""A content-hash cache of lint results, so re-linting unchanged files costs a file read.

An entry's key hashes the file's bytes (and its path as given, which results quote), the tool
(version and source), the run's options, the rule pack (the rule files' bytes and the selected
rules) and the classifier model. Changing any of them misses. Entries are JSON files written
atomically; an unreadable or corrupt entry is a miss, never an error.

The command line keys the options by its config and the bytes of the files that decide a
result (config_plan.plan_fingerprint), so a hit never compiles the rule pack or imports spaCy.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path

from bpo_lint import __version__
from bpo_lint.cache_codec import result_from_dict, result_to_dict

LAYOUT = "v1"  # bump when the entry format changes; old entries are then simply never read
_NOT_CACHED = ("timeout", "internal-error", "worker-crashed")
_BIG = 256 * 1024  # model files above this size are fingerprinted by stat, not bytes


@dataclass(frozen=True)
class Cache:
    """Where entries live, and the fingerprint of the tool and model shared by every key."""

    root: Path
    salt: str


def default_cache_dir() -> Path:
    """The platform's user cache folder for bpo-lint (XDG_CACHE_HOME on Linux)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser(r"~\AppData\Local")
        return Path(base) / "bpo-lint" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "bpo-lint"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "bpo-lint"


def open_cache(root: str | Path | None = None) -> Cache:
    """A cache at `root` (default: the user cache folder); the folder is created on first write."""
    parts = [__version__.encode(), tool_fingerprint().encode(), model_fingerprint()]
    salt = _digest([*parts, builtin_rules_fingerprint().encode()])
    return Cache(Path(root) if root else default_cache_dir(), salt)


def tool_fingerprint() -> str:
    """Hash of bpo-lint's own Python source, so an edited checkout never reuses stale results."""
    package = Path(__file__).resolve().parent
    parts = []
    for path in sorted(package.rglob("*.py")):
        parts += [path.relative_to(package).as_posix().encode(), path.read_bytes()]
    return _digest(parts)


def model_fingerprint() -> bytes:
    """Hash of every file of the shipped classifier pipeline (b"none" when there is none)."""
    from bpo_lint.nlp.model import pipeline_available, pipeline_dir

    folder = pipeline_dir()
    if not pipeline_available(folder):
        return b"none"
    return folder_fingerprint(folder, stat_above=_BIG).encode()


def builtin_rules_fingerprint() -> str:
    """Hash of the bytes of every built-in rule file (area definitions and profiles included)."""
    from bpo_lint.config_hints import builtin_rules_dir

    return folder_fingerprint(builtin_rules_dir())


def folder_fingerprint(root: Path, stat_above: int | None = None) -> str:
    """Hash of the names and bytes of every file under `root` (a missing folder hashes as empty).

    Files larger than `stat_above` bytes are hashed by size and modification time instead (the
    classifier's weights: reading megabytes on every run would cost a cached run a tenth of
    its time; a retrained or replaced file gets a new modification time).
    """
    parts = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        parts.append(path.relative_to(root).as_posix().encode())
        st = path.stat()
        if stat_above is not None and st.st_size > stat_above:
            parts.append(f"size={st.st_size},mtime_ns={st.st_mtime_ns}".encode())
        else:
            parts.append(path.read_bytes())
    return _digest(parts)


def options_fingerprint(options, memo: dict[int, bytes] | None = None) -> str:
    """Hash of everything in a LintOptions that can change a result, selected rules included.

    Extra rule packs and --select/--ignore show up in the loaded rules themselves. `memo` keeps
    each Rule object's hash for the run: a run builds options per file, sharing the rules.
    Options that carry a `fingerprint` (the command line's, made from the config and the rule
    files' bytes without compiling the pack) are keyed by it instead.
    """
    if getattr(options, "fingerprint", None):
        return options.fingerprint
    memo = {} if memo is None else memo
    skip = ("rules", "fingerprint")
    rest = {f.name: getattr(options, f.name) for f in fields(options) if f.name not in skip}
    parts = [canonical(rest).encode()]
    for rule in options.rules:
        if id(rule) not in memo:
            memo[id(rule)] = hashlib.sha256(canonical(rule).encode()).digest()
        parts.append(memo[id(rule)])
    return _digest(parts)


def canonical(value) -> str:
    """A stable text form of a value: sets sorted, dataclasses and dicts by field, no hash order."""
    if is_dataclass(value) and not isinstance(value, type):
        # Only fields given at construction: the others (compiled patterns) derive from them.
        given = (f for f in fields(value) if f.init)
        inner = ",".join(f"{f.name}={canonical(getattr(value, f.name))}" for f in given)
        return f"{type(value).__name__}({inner})"
    if isinstance(value, dict):
        items = sorted((canonical(k), canonical(v)) for k, v in value.items())
        return "{" + ",".join(f"{k}:{v}" for k, v in items) + "}"
    if isinstance(value, set | frozenset):
        return "set(" + ",".join(sorted(canonical(v) for v in value)) + ")"
    if isinstance(value, list | tuple):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    if isinstance(value, re.Pattern):
        return f"re({value.pattern!r},{value.flags})"
    return repr(value)


def file_key(cache: Cache, path: str, options_hash: str) -> str | None:
    """The entry key for the file at `path`, or None when it cannot be read (let the linter say)."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return _digest([cache.salt.encode(), options_hash.encode(), path.encode(), h.digest()])


def load(cache: Cache, key: str):
    """The cached FileResult for `key`, or None (missing, unreadable or corrupt entry)."""
    try:
        data = json.loads(_entry(cache, key).read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return result_from_dict(data["result"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def store(cache: Cache, key: str, result) -> bool:
    """Write an entry atomically; False (silently) when it cannot be written or is not cacheable."""
    if result.error is not None and result.error.code in _NOT_CACHED:
        return False
    entry = _entry(cache, key)
    text = json.dumps({"key": key, "result": result_to_dict(result)}, ensure_ascii=False)
    try:
        import tempfile  # only a run that lints something writes entries

        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            # A reader never sees half an entry: the rename is atomic within one folder.
            os.replace(tmp, entry)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True


def _entry(cache: Cache, key: str) -> Path:
    return cache.root / LAYOUT / key[:2] / f"{key}.json"


def _digest(parts) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()
