"""Planning a run: cheap cache fingerprints from bytes, and a cache hit that loads nothing heavy."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from bpo_lint.config import Config
from bpo_lint.config_plan import Flags, plan_fingerprint, plan_options, resolve_targets
from bpo_lint.targets import Target
from tests.conftest import FIXTURES, REPO


def _fp(config: Config, flags: Flags | None = None) -> str:
    return plan_fingerprint(config, flags or Flags())


def test_fingerprint_changes_with_every_setting_that_changes_a_result(tmp_path):
    base = Config(root=str(tmp_path))
    same = {_fp(base), _fp(Config(root=str(tmp_path)))}
    assert len(same) == 1
    others = [
        _fp(Config(root=str(tmp_path), select=("vague",))),
        _fp(Config(root=str(tmp_path), allow=("Services",))),
        _fp(Config(root=str(tmp_path), profile="sow")),
        _fp(Config(root=str(tmp_path / "elsewhere"))),  # per-file-ignores globs start here
        _fp(base, Flags(password="secret")),
        _fp(base, Flags(inline=False)),
    ]
    assert len({*same, *others}) == 1 + len(others)


def test_fingerprint_follows_the_bytes_of_extra_rules_and_a_profile_file(tmp_path):
    pack = tmp_path / "pack"
    (pack / "vague").mkdir(parents=True)
    rule = pack / "vague" / "soon.toml"
    rule.write_text('kind = "existence"\n')
    profile = tmp_path / "mine.toml"
    profile.write_text("[areas.pricing_payment]\n")
    config = Config(root=str(tmp_path), rules=(str(pack),), profile=str(profile))
    first = _fp(config)
    rule.write_text('kind = "existence"\nseverity = "info"\n')
    second = _fp(config)
    profile.write_text('[areas.pricing_payment]\nelements = "all"\n')
    third = _fp(config)
    assert len({first, second, third}) == 3
    assert _fp(config) == third  # and it is stable while nothing changes


def test_plan_options_carry_the_fingerprint_as_their_cache_key(tmp_path):
    from bpo_lint.cache import options_fingerprint

    resolved = resolve_targets([Target(str(FIXTURES / "good-msa.md"))], Flags(isolated=True))
    fp = _fp(resolved[0][1])
    (options,) = plan_options(resolved, Flags(isolated=True), [fp])
    assert options.rules and options.fingerprint == fp
    assert options_fingerprint(options) == fp


_PROBE = """
import atexit, sys
def probe():
    heavy = ("spacy", "bpo_lint.pack", "bpo_lint.kinds", "bpo_lint.areas", "pdfplumber")
    print(json.dumps(sorted(m for m in heavy if m in sys.modules)), file=sys.stderr)
import json
atexit.register(probe)
sys.argv = ["bpo-lint", *sys.argv[1:]]
from bpo_lint.cli import main
main()
"""


def test_a_cache_hit_loads_neither_spacy_nor_the_rule_pack(tmp_path):
    contract = tmp_path / "msa.md"
    contract.write_bytes((FIXTURES / "deficient-msa.md").read_bytes())
    env = {**os.environ, "PYTHONPATH": str(REPO), "CI": "1"}
    env.pop("BPO_LINT_NO_CACHE", None)
    args = [sys.executable, "-c", _PROBE, str(contract), "--format", "json"]
    args += ["--cache-dir", str(tmp_path / "cache"), "--isolated"]
    runs = [subprocess.run(args, capture_output=True, text=True, env=env) for _ in range(2)]
    first, second = (json.loads(r.stderr.strip().splitlines()[-1]) for r in runs)
    assert "bpo_lint.pack" in first
    assert second == []
    assert runs[0].stdout == runs[1].stdout and json.loads(runs[1].stdout)["files"][0]["findings"]
