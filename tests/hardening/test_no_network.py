"""A full lint (every fixture format, classifier included) never touches the network."""

from __future__ import annotations

from tests.conftest import FIXTURES, assert_valid_report
from tests.hardening.guard import isolated_flag, run_guarded, unexpected_opens

FORMATS = (".md", ".docx", ".pdf")


def fixture_inputs():
    """Every fixture contract in md, docx and pdf."""
    return sorted(p for p in FIXTURES.iterdir() if p.suffix in FORMATS)


def test_full_lint_makes_no_network_call_and_reads_only_its_inputs(tmp_path):
    inputs = fixture_inputs()
    assert {p.suffix for p in inputs} == set(FORMATS)
    args = ("--format", "json", "--fail-on", "never", *isolated_flag(), *inputs)
    run, log = run_guarded(tmp_path, *args, cwd=tmp_path)
    assert log["network"] == []  # every attempt is logged (and refused) by the audit hook
    assert run.code == 0, run.stderr[-3000:]
    report = run.json()
    assert_valid_report(report)
    assert [f["error"] for f in report["files"]] == [None] * len(inputs)
    # The classifier ran: sections carry area scores and coverage is decided, not "unknown".
    for result in report["files"]:
        assert any(s["scores"] for s in result["sections"]), result["path"]
        assert {c["status"] for c in result["coverage"].values()} != {"unknown"}
    assert unexpected_opens(log["opened"], inputs, cwd=tmp_path, cache=tmp_path / "cache") == []


def test_the_guard_does_block_and_log_a_connection(tmp_path):
    # The guard itself must work, or the test above proves nothing.
    script = tmp_path / "connect.py"
    script.write_text(
        "import socket\n"
        "for attempt in (lambda: socket.create_connection(('localhost', 9), timeout=1),\n"
        "                lambda: socket.socket().connect(('127.0.0.1', 9))):\n"
        "    try:\n"
        "        attempt()\n"
        "    except PermissionError as exc:\n"
        "        print('blocked:', exc)\n",
        encoding="utf-8",
    )
    from tests.hardening import guard

    wrapper = guard.WRAPPER.replace(
        "from bpo_lint.cli import main\nmain()", f"exec(open({str(script)!r}).read())"
    )
    (tmp_path / "w.py").write_text(wrapper, encoding="utf-8")
    from tests.hardening.cli import run_cli

    log_path = tmp_path / "log.json"
    run = run_cli(prefix=(str(tmp_path / "w.py"),), env={"BPO_GUARD_LOG": str(log_path)})
    assert run.stdout.splitlines() == [
        "blocked: network blocked by the test: socket.getaddrinfo",
        "blocked: network blocked by the test: socket.connect",
    ], run.stderr
    import json

    logged = [event for event, _ in json.loads(log_path.read_text())["network"]]
    assert logged == ["socket.getaddrinfo", "socket.connect"]
