"""How closely read_pdf's text matches CUAD's own text of the same PDFs (bag of words).

For each eval PDF (CUAD 001-019 and Bonterms 024) we compare our lower-cased word tokens with
those of the text file of the same number: recall (CUAD's words we have), precision (our words
CUAD has) and agreement |A∩B| / max(|A|, |B|) over multisets. CUAD's text keeps running headers
and footers, which we remove on purpose, so "raw" repeats the agreement with them kept. This
only measures; nothing is tuned on the eval files. `--train` reads the 40 training PDFs instead
(compared with CUAD's text where it exists).

    python benchmarks/extract_agreement.py [--train [-v]] [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bpo_lint.model import ReadError  # noqa: E402
from bpo_lint.readers.pdf import read_pdf  # noqa: E402

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
EVAL_NUMBERS = [f"{n:03d}" for n in range(1, 20)] + ["024"]


def words(text: str) -> Counter[str]:
    """Multiset of lower-cased word tokens."""
    return Counter(_WORD.findall(text.lower().replace("’", "'")))


def agreement(ours: Counter[str], theirs: Counter[str]) -> tuple[float, float, float]:
    """(recall of theirs in ours, precision of ours, |A∩B| / max(|A|, |B|))."""
    common = sum((ours & theirs).values())
    a, b = sum(ours.values()), sum(theirs.values())
    return common / max(b, 1), common / max(a, 1), common / max(a, b, 1)


def run_eval(corpus: Path) -> list[float]:
    """Print the per-file table for the eval PDFs; return each file's agreement."""
    originals, texts = corpus / "eval" / "originals", corpus / "eval" / "texts"
    print(
        f"{'file':<46} {'pages':>5} {'secs':>5} {'recall':>7} {'prec':>7} {'agree':>7} {'raw':>7}"
    )
    scores = []
    for num in EVAL_NUMBERS:
        pdfs = sorted(originals.glob(f"{num}-*.pdf"))
        txts = sorted(texts.glob(f"{num}-*.txt"))
        if not pdfs or not txts:
            continue
        start = time.perf_counter()
        try:
            doc = read_pdf(str(pdfs[0]))
        except ReadError as exc:
            print(f"{pdfs[0].name[:58]:<58} ERROR {exc.code}: {exc.message}")
            scores.append(0.0)
            continue
        secs = time.perf_counter() - start
        theirs = words(txts[0].read_text(encoding="utf-8", errors="replace"))
        rec, prec, agree = agreement(words(doc.text), theirs)
        raw = agreement(words(read_pdf(str(pdfs[0]), keep_running=True).text), theirs)[2]
        scores.append(agree)
        name = pdfs[0].name[:46]
        print(
            f"{name:<46} {doc.pages:>5} {secs:>5.2f} {rec:>7.1%} {prec:>7.1%} {agree:>7.1%} "
            f"{raw:>7.1%}"
        )
    if scores:
        print(
            f"min agreement {min(scores):.1%}, mean {sum(scores) / len(scores):.1%}, "
            f"files >= 97%: {sum(s >= 0.97 for s in scores)}/{len(scores)}"
        )
    return scores


def run_train(corpus: Path, verbose: bool = False) -> None:
    """Read every training PDF; print failures, files under 97% agreement and totals."""
    pdfs = sorted((corpus / "train" / "cuad-pdf").glob("*.pdf"))
    pages = blocks = 0
    scores = []
    start = time.perf_counter()
    for pdf in pdfs:
        try:
            doc = read_pdf(str(pdf))
        except ReadError as exc:
            print(f"{pdf.name}: {exc.code}: {exc.message}")
            continue
        pages += doc.pages or 0
        blocks += len(doc.blocks)
        txt = corpus / "train" / "cuad-txt" / (pdf.stem + ".txt")
        if txt.is_file():
            theirs = words(txt.read_text(encoding="utf-8", errors="replace"))
            rec, prec, agree = agreement(words(doc.text), theirs)
            raw = agreement(words(read_pdf(str(pdf), keep_running=True).text), theirs)[2]
            scores.append(raw)
            if verbose or raw < 0.97:
                print(f"  {pdf.name[:60]:<60} {rec:>7.1%} {prec:>7.1%} {agree:>7.1%} {raw:>7.1%}")
    secs = time.perf_counter() - start
    print(f"train: {len(pdfs)} PDFs, {pages} pages, {blocks} lines, {secs:.1f} s")
    if scores:
        print(
            f"train raw agreement: min {min(scores):.1%}, mean {sum(scores) / len(scores):.1%}, "
            f">= 97%: {sum(s >= 0.97 for s in scores)}/{len(scores)}"
        )


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO / ".." / "shared" / "corpus")
    ap.add_argument("--train", action="store_true", help="read the training PDFs instead")
    ap.add_argument("-v", "--verbose", action="store_true", help="a row for every training PDF")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    if args.train:
        run_train(args.corpus.resolve(), args.verbose)
    else:
        run_eval(args.corpus.resolve())


if __name__ == "__main__":
    main()
