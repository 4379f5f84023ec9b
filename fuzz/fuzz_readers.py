"""Fuzz the DOCX or PDF reader (and the sectioner and every rule behind it) for a while.

    python fuzz/fuzz_readers.py docx --seconds 300            # atheris when installed
    python fuzz/fuzz_readers.py pdf --seconds 300 --engine random

Crashes, masked crashes and slow inputs are kept under --out (default /tmp/bpo-lint-fuzz/FMT),
a few per distinct signature, with their traceback; stats.json there has the counts.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# The fuzz helpers sit next to this script; bpo_lint is imported from this checkout.
sys.path[:0] = [HERE, os.path.dirname(HERE)]

from mutate import TOKENS, mutate_docx, random_bytes_mutator  # noqa: E402
from seeds import seed_files  # noqa: E402
from target import Recorder  # noqa: E402

MAX_SIZE = 400_000


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and run the chosen engine."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("format", choices=["docx", "pdf"])
    ap.add_argument("--seconds", type=int, default=600)
    ap.add_argument("--engine", choices=["atheris", "random"], default=None)
    ap.add_argument("--out", default=None)
    ap.add_argument("--seed", type=int, default=0, help="random engine: the RNG seed")
    args = ap.parse_args(argv)
    out = args.out or os.path.join("/tmp/bpo-lint-fuzz", args.format)
    recorder = Recorder(out=out, fmt=args.format)
    engine = args.engine or ("atheris" if _has_atheris() else "random")
    print(f"fuzzing {args.format} with {engine} for {args.seconds} s; results in {out}")
    if engine == "atheris":
        return run_atheris(recorder, args.format, args.seconds, out)
    return run_random(recorder, args.format, args.seconds, args.seed)


def _has_atheris() -> bool:
    try:
        import atheris  # noqa: F401
    except ImportError:
        return False
    return True


def run_random(recorder: Recorder, fmt: str, seconds: int, seed: int) -> int:
    """Mutate seeds (and earlier mutants) with a seeded pure-Python mutator until time is up."""
    rng = random.Random(seed)
    pool = seed_files(fmt)
    mutate = random_bytes_mutator(rng, TOKENS[fmt])
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        parent = rng.choice(pool)
        if fmt == "docx":
            child = mutate_docx(parent, rng, mutate, MAX_SIZE)
        else:
            child = mutate(parent, MAX_SIZE)
        recorder.run(child)
        if rng.random() < 0.05 and len(pool) < 200:
            pool.append(child)  # a crude corpus: stacked mutations reach deeper than single ones
    recorder.save_stats()
    print(recorder.counts)
    return 0


def run_atheris(recorder: Recorder, fmt: str, seconds: int, out: str) -> int:
    """Coverage-guided fuzzing of bpo_lint's code with atheris (libFuzzer)."""
    import atheris

    with atheris.instrument_imports(include=["bpo_lint"]):
        import bpo_lint.readers
        import bpo_lint.readers.docx
        import bpo_lint.readers.pdf
        import bpo_lint.sections  # noqa: F401
        from bpo_lint.kinds import KINDS  # noqa: F401
    corpus = os.path.join(out, "corpus")
    os.makedirs(corpus, exist_ok=True)
    for n, data in enumerate(seed_files(fmt)):
        with open(os.path.join(corpus, f"seed{n}"), "wb") as fh:
            fh.write(data)

    def custom_mutator(data: bytes, max_size: int, seed: int) -> bytes:
        rng = random.Random(seed)
        if fmt == "docx":
            child = mutate_docx(data, rng, atheris.Mutate, max_size)
            if len(child) <= max_size:
                return child
        return atheris.Mutate(data, max_size)  # cutting a zip short would only break it

    def test_one(data: bytes) -> None:
        recorder.run(data)

    dict_path = os.path.join(out, f"{fmt}.dict")
    with open(dict_path, "w", encoding="latin-1") as fh:
        for token in TOKENS[fmt]:
            escaped = "".join(
                chr(b) if 32 <= b < 127 and b not in (34, 92) else f"\\x{b:02x}" for b in token
            )
            fh.write(f'"{escaped}"\n')
    libfuzzer = [
        sys.argv[0],
        f"-max_total_time={seconds}",
        f"-max_len={MAX_SIZE}",
        "-timeout=60",
        "-rss_limit_mb=3000",
        f"-dict={dict_path}",
        f"-artifact_prefix={out}/",
        corpus,
    ]
    atheris.Setup(libfuzzer, test_one, custom_mutator=custom_mutator if fmt == "docx" else None)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
