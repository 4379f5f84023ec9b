"""Run the CLI under an audit hook that logs every file opened and blocks every network call.

The hook sees Python-level opens (open, io.open, os.open) and socket calls. C libraries that
call fopen() directly (libxml2, pdfium) are not seen; tests cover those with a FIFO, which would
block the run forever if anything opened it.
"""

from __future__ import annotations

import json
import os
import sys
import sysconfig
from pathlib import Path

from tests.conftest import REPO
from tests.hardening.cli import Run, run_cli

WRAPPER = """
import atexit, json, os, sys
log = {"opened": [], "network": [], "writes": [], "renames": [], "removes": []}
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
# Not socket.bind: urllib3 binds ::1 at import to learn whether IPv6 exists, connecting nowhere.
NET = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
       "socket.sendto", "socket.sendmsg", "urllib.Request", "http.client.connect")

def hook(event, args):
    if event == "open" and args and isinstance(args[0], (str, bytes)):
        path, mode, flags = os.fsdecode(args[0]), args[1], args[2]
        log["opened"].append(path)
        if (isinstance(mode, str) and set(mode) & set("wax+")) or (flags or 0) & WRITE_FLAGS:
            log["writes"].append(path)
    elif event == "os.rename":
        log["renames"].append([os.fsdecode(args[0]), os.fsdecode(args[1])])
    elif event == "os.remove":
        log["removes"].append(os.fsdecode(args[0]))
    elif event in NET:
        log["network"].append([event, repr(args)[:200]])
        raise PermissionError(f"network blocked by the test: {event}")

def dump():
    with open(os.environ["BPO_GUARD_LOG"], "w", encoding="utf-8") as fh:
        json.dump(log, fh)

atexit.register(dump)
sys.addaudithook(hook)
sys.argv = ["bpo-lint", *sys.argv[1:]]
from bpo_lint.cli import main
main()
"""


def run_guarded(tmp: Path, *args: str | os.PathLike, **kwargs) -> tuple[Run, dict]:
    """Run the CLI with the guard; the run and its log: files opened and written, renames,
    removals and blocked network calls."""
    wrapper = tmp / "guarded_cli.py"
    wrapper.write_text(WRAPPER, encoding="utf-8")
    log_path = tmp / "guard-log.json"
    # The result cache is part of a normal run: keep it, in a folder the test can see.
    cache = tmp / "cache"
    env = {"BPO_GUARD_LOG": str(log_path), "XDG_CACHE_HOME": str(cache), **kwargs.pop("env", {})}
    run = run_cli(*args, prefix=(str(wrapper),), env=env, **kwargs)
    log = json.loads(log_path.read_text(encoding="utf-8"))
    # The wrapper's own log file is opened by the hook's atexit handler.
    for key in ("opened", "writes"):
        log[key] = [p for p in log[key] if Path(p).resolve() != log_path.resolve()]
    return run, log


def _trusted_roots() -> tuple[Path, ...]:
    """Python's own files, installed packages, and this package's code and data."""
    names = ("stdlib", "platstdlib", "purelib", "platlib", "include", "data")
    roots = {Path(sysconfig.get_paths()[n]).resolve() for n in names}
    roots |= {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}
    roots.add((REPO / "bpo_lint").resolve())
    # The package's metadata when it runs from a checkout (importlib.metadata reads it).
    roots |= {p.resolve() for p in REPO.glob("*.egg-info")}
    return tuple(sorted(roots))


def isolated_flag() -> tuple[str, ...]:
    """("--isolated",) when the CLI has it: config files are then not even looked for."""
    help_text = run_cli("check", "--help").stdout
    return ("--isolated",) if "--isolated" in help_text else ()


def unexpected_opens(
    opened: list[str], inputs: list[Path], cwd: Path = REPO, cache: Path | None = None
) -> list[str]:
    """Files opened that are neither an input, nor part of Python or bpo-lint, nor the cache."""
    allowed = {p.resolve() for p in inputs}
    roots = _trusted_roots() + ((cache.resolve(),) if cache else ())
    odd = []
    for name in opened:
        # An editable install puts a path-hook marker on sys.path; importlib.metadata probes it
        # as a relative path. It is not a file and holds nothing of the user's.
        if name.startswith("__editable__.") and name.endswith(".__path_hook__"):
            continue
        # Both spellings: the package's rules folder may be a symlink out of bpo_lint/.
        spelled, path = Path(os.path.abspath(cwd / name)), (cwd / name).resolve()
        if path in allowed or any(p.is_relative_to(r) for p in (spelled, path) for r in roots):
            continue
        odd.append(name)
    return odd
