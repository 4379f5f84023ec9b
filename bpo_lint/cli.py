"""The `bpo-lint` command line (click). Commands only parse options and call the library."""

from __future__ import annotations

import sys

import click

from bpo_lint import __version__
from bpo_lint.formatters import FORMAT_NAMES

EXIT_ERROR = 2  # as in cli_check, which is not imported here, to keep start-up light
FAIL_ON = ("error", "warning", "info", "never")


class DefaultCheckGroup(click.Group):
    """A group where `bpo-lint FILES...` means `bpo-lint check FILES...`, as in ruff and Vale."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Insert `check` unless the first word is a command or a group-level flag."""
        group_flags = {"--help", "-h", "--version"}
        if args and args[0] not in self.commands and args[0] not in group_flags:
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultCheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, "--version", prog_name="bpo-lint", message="%(prog)s %(version)s"
)
def main() -> None:
    """Lint BPO and services agreements (PDF, DOCX, Markdown, text) before you sign.

    `bpo-lint FILES...` is short for `bpo-lint check FILES...`.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMAT_NAMES),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Write the report to FILE (atomically) instead of stdout.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Exit 1 when a finding at or above this severity is reported [config; default: error].",
)
@click.option("--quiet", "-q", is_flag=True, help="Print findings only (no header or coverage).")
@click.option("--no-color", is_flag=True, help="No colour in the text report (also NO_COLOR=1).")
@click.option("--password", help="Password for encrypted PDFs.")
@click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="An extra rule-pack directory (repeatable).",
)
@click.option("--select", multiple=True, help="Only these rule ids or prefixes (repeatable).")
@click.option("--ignore", multiple=True, help="Skip these rule ids or prefixes (repeatable).")
@click.option("--extend-select", multiple=True, help="Add rules to the selection (repeatable).")
@click.option("--profile", help="Document profile: msa, sow, dpa, amendment, or a .toml path.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, exists=True),
    help="Use this config file instead of looking for .bpo-lint.toml / pyproject.toml.",
)
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    help="Do not report findings accepted in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    help="Accept every current finding: write them to this baseline file and exit 0.",
)
@click.option("--no-inline", is_flag=True, help="Ignore inline suppression comments.")
@click.option(
    "--annotate",
    "annotate_dest",
    type=click.Path(dir_okay=False),
    help="Write a copy of the (one) .docx input with each finding as a Word comment.",
)
@click.option("--force", is_flag=True, help="With --annotate: replace an existing file.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Lint up to N files at once in worker processes (default: the number of cores).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=120.0,  # runner.DEFAULT_TIMEOUT; not imported here, to keep start-up light
    show_default=True,
    help="Give up on a file after SECONDS (0: no limit); it is reported as a timeout.",
)
@click.option(
    "--no-cache",
    is_flag=True,
    envvar="BPO_LINT_NO_CACHE",
    help="Lint every file again; do not use the cache (also BPO_LINT_NO_CACHE=1).",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    help="Keep the result cache in DIR (default: the user cache folder).",
)
def check(paths, fmt, output, quiet, no_color, annotate_dest, force, **opts):
    """Lint contracts: files, directories (walked), or - for stdin."""
    import gc

    from bpo_lint.cli_check import run_check

    # A lint builds many small objects that all live until the report is written; the default
    # collector, run every 700 allocations, finds no garbage among them and costs ~8% of a run.
    gc.set_threshold(100_000, 50, 100)

    sys.exit(
        run_check(paths, fmt, output, quiet, no_color, annotate_dest, force, _read_stdin, opts)
    )


@main.command()
@click.argument("path")
@click.option("--password", help="Password for encrypted PDFs.")
def extract(path, password):
    """Print the text as read, section by section with locations (what bpo-lint saw)."""
    from bpo_lint.extract import render_extract
    from bpo_lint.model import ReadError

    data = _read_stdin() if path == "-" else None
    try:
        click.echo(render_extract(path, data, password), nl=False)
    except ReadError as exc:
        click.echo(f"{path}: {exc.message} [{exc.code}]", err=True)
        sys.exit(EXIT_ERROR)


@main.command("rules")
@click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="An extra rule-pack directory (repeatable).",
)
def rules_command(rule_dirs):
    """List the rules: id, code, category, severity, area and summary."""
    from bpo_lint.rule_docs import list_rules

    rows = list_rules(_pack(rule_dirs))
    width = max((len(r["id"]) for r in rows), default=10)
    for r in rows:
        area = r.get("area") or "-"
        click.echo(
            f"{r['id']:<{width}}  {r.get('code') or '':<7} {r['category']:<13} "
            f"{r['severity']:<7} {area:<31} {r['summary']}"
        )


@main.command("rule")
@click.argument("rule_id")
@click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="An extra rule-pack directory (repeatable).",
)
def rule_command(rule_id, rule_dirs):
    """Explain one rule: what it checks, why it matters, examples and how to fix."""
    from bpo_lint.rule_docs import describe_rule

    pack = _pack(rule_dirs)
    rule = pack.get(rule_id) or next((r for r in pack.rules if r.code == rule_id), None)
    if rule is None:
        click.echo(f"error: no rule {rule_id!r} (see `bpo-lint rules`)", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(describe_rule(rule))


def _pack(rule_dirs):
    from bpo_lint.pack import PackError, load_pack

    try:
        return load_pack(tuple(rule_dirs))
    except PackError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERROR)


def _read_stdin() -> bytes:
    """Stdin, read only one byte past the size limit so a huge pipe cannot exhaust memory."""
    from bpo_lint.readers import MAX_FILE_BYTES

    return sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
