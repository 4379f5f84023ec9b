"""The `bpo-lint` command line (click). Commands only parse options and call the library."""

from __future__ import annotations

import os
import sys

import click

from bpo_lint import __version__
from bpo_lint.formatters import FORMAT_NAMES
from bpo_lint.output import write_output

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
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
    from bpo_lint.formatters import get_formatter
    from bpo_lint.lint import expand_paths

    if output:
        _refuse_to_overwrite_an_input(output, paths)
    if opts["write_baseline"]:
        _refuse_to_overwrite_an_input(opts["write_baseline"], paths, "--write-baseline")
    if annotate_dest:
        _check_annotate_args(annotate_dest, paths)
    stdin = _read_stdin() if "-" in paths else None
    plans = _plan(list(expand_paths(paths, stdin)), opts)
    results = _run(plans, quiet, opts)
    fail_ons = [fail_on for _, _, fail_on in plans]
    results = _baselines(results, opts)
    for r in results:
        if r.error:
            click.echo(f"{r.path}: {r.error.message} [{r.error.code}]", err=True)
        for warning in r.warnings:
            click.echo(f"{r.path}: warning: {warning}", err=True)
    render = get_formatter(fmt)
    if fmt == "text":
        color = output is None and _want_color(no_color)
        report = render(results, __version__, color=color, quiet=quiet)
    elif fmt == "sarif":
        rules = {r.id: r for _, options, _ in plans for r in options.rules}
        report = render(results, __version__, rules=tuple(rules.values()))
    else:
        report = render(results, __version__)
    if output:
        _write(output, report)
    else:
        click.echo(report, nl=False)
    code = _exit_code(results, fail_ons)
    if annotate_dest and not _annotate(annotate_dest, results[0], force):
        code = EXIT_ERROR
    sys.exit(code)


def _write(path: str, text: str) -> None:
    """Write a file the user asked for; a folder that is missing or read-only ends the run."""
    try:
        write_output(path, text)
    except OSError as exc:
        click.echo(f"error: cannot write {path}: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_ERROR)


def _run(plans, quiet: bool, opts) -> list:
    """Lint every planned target: cache, worker processes, timeouts and the progress bar."""
    from bpo_lint.cache import open_cache
    from bpo_lint.progress import want_progress, worth_a_bar
    from bpo_lint.runner import default_jobs, run_targets

    jobs, timeout = opts.pop("jobs") or default_jobs(), opts.pop("timeout") or None
    no_cache, cache_dir = opts.pop("no_cache"), opts.pop("cache_dir")
    cache = None if no_cache else open_cache(cache_dir)
    progress = want_progress(quiet=quiet) and worth_a_bar([t.path for t, _, _ in plans])
    items = [(target, options) for target, options, _ in plans]
    return run_targets(items, jobs=jobs, timeout=timeout, cache=cache, progress=progress)


def _plan(targets, opts) -> list:
    """(target, LintOptions, fail-on) per target, from its config file and the flags."""
    from bpo_lint.config import ConfigError
    from bpo_lint.config_plan import Flags, plan_targets
    from bpo_lint.pack import PackError

    flags = Flags(
        select=opts["select"],
        ignore=opts["ignore"],
        extend_select=opts["extend_select"],
        rules=opts["rule_dirs"],
        fail_on=opts["fail_on"],
        profile=opts["profile"],
        config_file=opts["config_file"],
        isolated=opts["isolated"],
        password=opts["password"],
        inline=not opts["no_inline"],
    )
    try:
        return plan_targets(targets, flags)
    except (ConfigError, PackError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERROR)


def _baselines(results: list, opts) -> list:
    """Write and/or apply a baseline; paths in it are relative to the baseline's folder."""
    from bpo_lint.baseline import (
        BaselineError,
        apply_baseline,
        load_baseline,
        render_baseline,
        result_keys,
    )

    written = opts["write_baseline"]
    if written:
        base = os.path.dirname(os.path.abspath(written))
        _write(written, render_baseline(results, base))
        # The findings just written are accepted: the run reports none of them.
        results, dropped = apply_baseline(results, result_keys(results, base), base)
        click.echo(f"{written}: {dropped} finding(s) accepted in the baseline", err=True)
    if opts["baseline"]:
        base = os.path.dirname(os.path.abspath(opts["baseline"]))
        try:
            accepted = load_baseline(opts["baseline"])
        except BaselineError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(EXIT_ERROR)
        results, _ = apply_baseline(results, accepted, base)
    return results


def _check_annotate_args(dest: str, paths) -> None:
    if len(paths) != 1 or paths[0] == "-" or os.path.isdir(paths[0]):
        raise click.UsageError("--annotate needs exactly one .docx file as input")
    if not paths[0].lower().endswith(".docx"):
        raise click.UsageError(f"--annotate works on Word (.docx) files only, not {paths[0]}")
    if os.path.exists(dest) and os.path.realpath(dest) == os.path.realpath(paths[0]):
        raise click.UsageError(f"--annotate {dest} is the input; bpo-lint never changes an input")


def _annotate(dest: str, result, force: bool) -> bool:
    """Write the commented copy; False (after a message) when it cannot be written."""
    from bpo_lint.annotate import AnnotateError, annotate_docx

    try:
        count = annotate_docx(result.path, result, dest, force=force)
    except AnnotateError as exc:
        click.echo(f"error: {exc.message}", err=True)
        return False
    click.echo(f"{dest}: {count} comment(s) written", err=True)
    return True


def _want_color(no_color: bool) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _refuse_to_overwrite_an_input(output: str, paths, flag: str = "--output") -> None:
    target = os.path.realpath(output)
    for p in paths:
        if p != "-" and os.path.exists(p) and os.path.realpath(p) == target:
            msg = f"{flag} {output} is one of the inputs; refusing to overwrite it"
            raise click.UsageError(msg)


def _exit_code(results, fail_ons) -> int:
    """2 when a file could not be read; 1 when a file has a finding at its fail-on level."""
    if any(r.error for r in results):
        return EXIT_ERROR
    for r, fail_on in zip(results, fail_ons, strict=True):
        if fail_on == "never":
            continue
        threshold = SEVERITY_RANK[fail_on]
        if any(SEVERITY_RANK[f.severity] >= threshold for f in r.findings):
            return EXIT_FINDINGS
    return EXIT_OK


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
