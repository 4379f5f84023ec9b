"""Classify in a forked child process while the parent reads the file and runs the rules.

Importing spaCy and loading the model take about a second, as long as the rules take on a long
agreement: started first, the child loads them while the parent reads, sections and runs
every rule that does not need the classification; then the child classifies the document the
parent sends it and returns the Analysis. The result is the one of `nlp.analyse` in process
(tests compare the bytes); if fork is not available, the child dies or fails, the parent
classifies in process instead.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass

from bpo_lint.model import Analysis, Document


@dataclass(frozen=True)
class ClassifierProcess:
    """A forked child that has loaded (or is loading) the classifier, and its end of a pipe."""

    proc: object
    conn: object


def start_classifier() -> ClassifierProcess | None:
    """Fork the classifier child; None when there is no fork or no shipped model."""
    import multiprocessing

    from bpo_lint.nlp.model import pipeline_available

    if "fork" not in multiprocessing.get_all_start_methods() or not pipeline_available():
        return None
    ctx = multiprocessing.get_context("fork")
    parent_end, child_end = ctx.Pipe()
    proc = ctx.Process(target=_serve, args=(child_end,), daemon=True)
    try:
        proc.start()
    except OSError:  # no process left to fork: classify in process
        parent_end.close()
        return None
    child_end.close()  # so that a dead child shows up as EOF on parent_end
    return ClassifierProcess(proc, parent_end)


def _serve(conn) -> None:
    # Ctrl-C is the parent's to handle: it kills this child itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from bpo_lint import nlp
    from bpo_lint.nlp.model import load_pipeline, pipeline_dir
    from bpo_lint.pool import requests

    _import_spacy_without_its_cli()
    load_pipeline(str(pipeline_dir()))  # while the parent reads the file
    for doc in requests(conn):
        try:
            reply = ("ok", nlp.analyse(doc))
        except Exception as exc:  # the parent classifies again in process, and reports it
            reply = ("error", f"{type(exc).__name__}: {exc}")
        conn.send(reply)


def _import_spacy_without_its_cli() -> None:
    """Import spaCy in this child without `spacy.cli` (typer, weasel, httpx...): about a
    quarter of spaCy's import time, on the path every cold run waits for, and never used to
    classify. Only this short-lived process sees the stand-in; should a spaCy version need
    the real package, spaCy is imported again the ordinary way."""
    import importlib.util
    import os
    import sys
    import types

    spec = importlib.util.find_spec("spacy")
    if "spacy" in sys.modules or spec is None or not spec.submodule_search_locations:
        return
    cli = types.ModuleType("spacy.cli")
    # The real folder, so that any spacy.cli submodule still imports for real if asked for.
    cli.__path__ = [os.path.join(spec.submodule_search_locations[0], "cli")]
    info = types.ModuleType("spacy.cli.info")
    info.info = lambda *args, **kwargs: None  # spacy/__init__ re-exports it; we never call it
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        import spacy
    except Exception:
        for name in [m for m in sys.modules if m == "spacy" or m.startswith("spacy.")]:
            del sys.modules[name]
        import spacy  # noqa: F401


def submit(classifier: ClassifierProcess, doc: Document) -> Callable[[], Analysis | None]:
    """Send `doc` to the child; the returned function waits for its Analysis (None: failed)."""
    failed: list[BaseException] = []

    def send() -> None:
        try:
            classifier.conn.send(doc)
        except (OSError, ValueError) as exc:  # a dead child: its pipe is closed
            failed.append(exc)

    # A thread, because the child reads only once spaCy is loaded and a pipe holds 64 KB.
    sender = threading.Thread(target=send, daemon=True)
    sender.start()

    def result() -> Analysis | None:
        sender.join()
        if failed:
            return None
        try:
            status, value = classifier.conn.recv()
        except (EOFError, OSError):
            return None
        return value if status == "ok" else None

    return result


def stop_classifier(classifier: ClassifierProcess) -> None:
    """End the child (killed: it holds nothing to save, and may be busy with a stopped file)."""
    with contextlib.suppress(OSError):
        classifier.proc.kill()
    classifier.proc.join()
    classifier.conn.close()
