"""What `bpo-lint check` does once click has parsed its options: plan, lint, report, exit code.

A run served from the cache never loads the rule pack or the classifier: targets are keyed by
their config and the bytes of the files that decide a result, and only the targets that miss
are planned (pack compiled, profile loaded) and linted.
"""

from __future__ import annotations

import os
import sys

import click

from bpo_lint import __version__
from bpo_lint.output import write_output

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def run_check(paths, fmt, output, quiet, no_color, annotate_dest, force, read_stdin, opts) -> int:
    """Lint `paths` and write the report; returns the exit code. `read_stdin()` gives "-"."""
    from bpo_lint.formatters import get_formatter
    from bpo_lint.targets import expand_paths

    if output:
        refuse_to_overwrite_an_input(output, paths)
    if opts["write_baseline"]:
        refuse_to_overwrite_an_input(opts["write_baseline"], paths, "--write-baseline")
    if annotate_dest:
        check_annotate_args(annotate_dest, paths)
    stdin = read_stdin() if "-" in paths else None
    flags = _flags(opts)
    resolved = _guarded(_resolve, list(expand_paths(paths, stdin)), flags)
    results, options = _run(resolved, flags, quiet, opts, need_all_rules=fmt == "sarif")
    fail_ons = [config.fail_on for _, config in resolved]
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
        rules = {r.id: r for o in options for r in o.rules}
        report = render(results, __version__, rules=tuple(rules.values()))
    else:
        report = render(results, __version__)
    if output:
        write_or_exit(output, report)
    else:
        click.echo(report, nl=False)
    code = exit_code(results, fail_ons)
    if annotate_dest and not _annotate(annotate_dest, results[0], force):
        code = EXIT_ERROR
    return code


def _flags(opts):
    from bpo_lint.config_plan import Flags

    return Flags(
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


def _resolve(targets, flags):
    from bpo_lint.config_plan import resolve_targets

    return resolve_targets(targets, flags)


def _guarded(fn, *args):
    """fn(*args), a config or rule-pack error ending the run with its one-line message."""
    from bpo_lint.config import ConfigError

    try:
        return fn(*args)
    except ConfigError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    except Exception as exc:
        from bpo_lint.pack import PackError

        if not isinstance(exc, PackError):
            raise
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERROR)


def _run(resolved, flags, quiet: bool, opts, need_all_rules: bool) -> tuple[list, list]:
    """Results in input order (cache, worker processes, timeouts, progress) and the options
    of the targets that were planned (every target's when `need_all_rules`)."""
    from bpo_lint.config_plan import plan_fingerprint, plan_options

    no_cache, cache_dir = opts["no_cache"], opts["cache_dir"]
    targets = [t for t, _ in resolved]
    results: list = [None] * len(resolved)
    fingerprints: list = [None] * len(resolved)
    cache = None
    if not no_cache:
        from bpo_lint.cache import open_cache
        from bpo_lint.runner import lookup

        cache = open_cache(cache_dir)
        by_config: dict = {}  # Config equality ignores its folder, which globs start from
        for i, (_, config) in enumerate(resolved):
            if (config, config.root) not in by_config:
                by_config[config, config.root] = plan_fingerprint(config, flags)
            fingerprints[i] = by_config[config, config.root]
        results, _ = lookup(targets, fingerprints, cache)
    todo = [i for i, r in enumerate(results) if r is None or need_all_rules]
    if not todo:
        return results, []
    from bpo_lint.progress import want_progress, worth_a_bar
    from bpo_lint.runner import default_jobs, run_targets
    from bpo_lint.runner_classify import start_classifier, stop_classifier

    missing = [i for i in todo if results[i] is None]
    jobs = opts["jobs"] or default_jobs()
    # One file to lint and a second core: classify it in a child started now, so that spaCy
    # loads while this process compiles the rule pack, reads the file and runs the rules.
    classifier = start_classifier() if jobs > 1 and len(missing) == 1 else None
    try:
        planned = _guarded(
            plan_options, [resolved[i] for i in todo], flags, [fingerprints[i] for i in todo]
        )
        options = dict(zip(todo, planned, strict=True))
        if missing:
            items = [(targets[i], options[i]) for i in missing]
            timeout = opts["timeout"] or None
            progress = want_progress(quiet=quiet) and worth_a_bar([t.path for t, _ in items])
            fresh = run_targets(
                items, jobs, timeout, cache=cache, progress=progress, classifier=classifier
            )
            for i, result in zip(missing, fresh, strict=True):
                results[i] = result
    finally:
        if classifier is not None:
            stop_classifier(classifier)
    return results, planned


def write_or_exit(path: str, text: str) -> None:
    """Write a file the user asked for; a folder that is missing or read-only ends the run."""
    try:
        write_output(path, text)
    except OSError as exc:
        click.echo(f"error: cannot write {path}: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_ERROR)


def _baselines(results: list, opts) -> list:
    """Write and/or apply a baseline; paths in it are relative to the baseline's folder."""
    if not (opts["write_baseline"] or opts["baseline"]):
        return results
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
        write_or_exit(written, render_baseline(results, base))
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


def check_annotate_args(dest: str, paths) -> None:
    """UsageError unless --annotate has one .docx input and a destination that is not it."""
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


def refuse_to_overwrite_an_input(output: str, paths, flag: str = "--output") -> None:
    """UsageError when `output` is one of the inputs."""
    target = os.path.realpath(output)
    for p in paths:
        if p != "-" and os.path.exists(p) and os.path.realpath(p) == target:
            msg = f"{flag} {output} is one of the inputs; refusing to overwrite it"
            raise click.UsageError(msg)


def exit_code(results, fail_ons) -> int:
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
