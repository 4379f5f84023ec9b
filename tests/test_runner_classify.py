"""The classifier child: the same bytes as classifying in process, and a fallback when it fails."""

from __future__ import annotations

import pytest

from bpo_lint import nlp, runner, runner_classify
from bpo_lint.formatters.json import render
from bpo_lint.lint import LintOptions, lint_target, read_and_section
from bpo_lint.pack import load_pack
from bpo_lint.targets import Target
from tests.conftest import FIXTURES

pytestmark = pytest.mark.skipif(
    not runner._can_fork() or not nlp.pipeline_available(),
    reason="needs fork and the shipped classifier",
)


@pytest.fixture(scope="module")
def options() -> LintOptions:
    return LintOptions(rules=load_pack().rules)


@pytest.fixture
def child():
    started = runner_classify.start_classifier()
    assert started is not None
    yield started
    runner_classify.stop_classifier(started)


def _send(child):
    return lambda doc: runner_classify.submit(child, doc)


@pytest.mark.parametrize("name", ["deficient-msa.md", "good-msa.md", "deficient-msa.pdf"])
def test_classified_in_a_child_gives_the_same_report(name, options, child):
    target = Target(str(FIXTURES / name))
    alone = lint_target(target, options)
    alongside = lint_target(target, options, classifier=_send(child))
    assert render([alongside], "t") == render([alone], "t")
    assert alongside.coverage == alone.coverage


def test_findings_of_both_passes_of_rules_are_kept(options, child):
    target = Target(str(FIXTURES / "deficient-msa.md"))
    alongside = lint_target(target, options, classifier=_send(child))
    kinds = {r.id: r.kind for r in options.rules}
    found = {kinds[f.rule] for f in alongside.findings}
    assert "required" in found  # needs the classification
    assert found - {"required", "numeric-target"}  # ran while the child classified


def test_one_child_classifies_several_files_in_turn(options, child):
    targets = [Target(str(FIXTURES / n)) for n in ("good-msa.md", "deficient-msa.md")]
    alone = [lint_target(t, options) for t in targets]
    alongside = [lint_target(t, options, classifier=_send(child)) for t in targets]
    assert render(alongside, "t") == render(alone, "t")


def test_a_dead_child_means_classifying_in_process(options, child):
    child.proc.kill()
    child.proc.join()
    target = Target(str(FIXTURES / "deficient-msa.md"))
    pending = runner_classify.submit(child, read_and_section(target.path))
    assert pending() is None  # the caller is told, and classifies itself
    alongside = lint_target(target, options, classifier=_send(child))
    assert render([alongside], "t") == render([lint_target(target, options)], "t")


def test_the_runner_uses_the_child_for_files_linted_in_process(options, child, monkeypatch):
    sent = []
    real_submit = runner_classify.submit

    def counting(process, doc):
        sent.append(doc.path)
        return real_submit(process, doc)

    monkeypatch.setattr(runner_classify, "submit", counting)
    target = Target(str(FIXTURES / "good-msa.md"))
    results = runner.run_targets([(target, options)], jobs=2, timeout=60, classifier=child)
    assert sent == [target.path]
    assert render(results, "t") == render([lint_target(target, options)], "t")


def test_cli_one_file_with_two_jobs_classifies_in_a_child_and_matches_one_job(monkeypatch):
    from click.testing import CliRunner

    from bpo_lint.cli import main

    started = []
    real_start = runner_classify.start_classifier

    def counting():
        process = real_start()
        started.append(process)
        return process

    monkeypatch.setattr(runner_classify, "start_classifier", counting)
    path = str(FIXTURES / "deficient-msa.pdf")
    args = ["--format", "json", "--no-cache", path]
    one = CliRunner().invoke(main, [*args, "--jobs", "1"], catch_exceptions=False)
    assert started == []
    two = CliRunner().invoke(main, [*args, "--jobs", "2"], catch_exceptions=False)
    assert len(started) == 1 and not started[0].proc.is_alive()  # stopped after the run
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout


def test_the_timeout_still_stops_a_file_whose_classifier_hangs(options):
    import time

    def hanging(doc):
        return lambda: time.sleep(60)

    target = Target(str(FIXTURES / "good-msa.md"))
    started = time.monotonic()
    result = runner.lint_with_alarm(target, options, 0.5, classifier=hanging)
    assert time.monotonic() - started < 10
    assert result.error is not None and result.error.code == "timeout"


_LIGHT = """
import hashlib, pickle, sys
from bpo_lint import nlp
from bpo_lint.lint import read_and_section
from bpo_lint.runner_classify import _import_spacy_without_its_cli
if sys.argv[2] == "light":
    _import_spacy_without_its_cli()
analysis = nlp.analyse(read_and_section(sys.argv[1]))
print(hashlib.sha256(pickle.dumps(analysis)).hexdigest(), "spacy.cli.download" in sys.modules)
"""


def test_spacy_without_its_cli_classifies_exactly_as_usual():
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    path = str(FIXTURES / "deficient-msa.md")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    light, plain = (
        subprocess.run(
            [sys.executable, "-c", _LIGHT, path, mode],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout.split()
        for mode in ("light", "plain")
    )
    assert light[0] == plain[0]  # the same Analysis, to the bit
    assert (light[1], plain[1]) == ("False", "True")  # only the light import skipped the CLI
