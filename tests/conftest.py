"""Shared test helpers: where the repo, the fixtures and the corpus are."""

from __future__ import annotations

import json
import os
import tempfile
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
CORPUS = (REPO / ".." / "shared" / "corpus").resolve()
SCHEMA = REPO / "bpo_lint" / "schemas" / "report-v1.schema.json"
# The eight area ids of AREAS.md, pinned here because they are public interface.
PUBLIC_AREA_IDS = (
    "scope_of_services",
    "service_levels",
    "pricing_payment",
    "confidentiality_data_protection",
    "intellectual_property",
    "termination_transition",
    "governance_dispute_resolution",
    "compliance_regulatory",
)


def pytest_configure(config):
    """Keep the tests' cache entries out of the user's cache folder."""
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="bpo-lint-test-cache-")


@cache
def report_validator():
    """A jsonschema validator for the JSON report v1 schema shipped in the package."""
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def assert_valid_report(report: dict) -> None:
    """Fail with every schema violation listed."""
    errors = sorted(report_validator().iter_errors(report), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:20])


@pytest.fixture
def corpus() -> Path:
    """The shared corpus, or skip when this machine does not have it."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS
