"""bpo-lint: a contract-review linter for BPO and services agreements."""

__version__ = "0.1.0"
