"""Words per second of the shipped NER pipeline on one CPU core.

Why: the issue sets a speed target of >= 8,000 words/s for the NER stage on
one core (spaCy publishes ~8,400 words/s on CPU for de_core_news_sm, which
also runs a tagger, parser etc.). The text is realistic German: GermEval 2014
test sentences joined into documents of 20 sentences, plus the five seed
documents. A blank German tokenizer runs in the same process as baseline.

Usage:
    .venv/bin/python benchmarks/bench_ner.py [--model models/ner]
        [--data ../shared/data/ner] [--seeds ../shared/seeds] [--repeat 3]
"""

from __future__ import annotations

import os

# One core, one thread: set before numpy/thinc are imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402

SPACY_SM_REFERENCE_WPS = 8400  # de_core_news_sm, CPU, spacy.io/usage/facts-figures


def load_texts(data_dir: Path, seeds_dir: Path, per_doc: int = 20) -> list[str]:
    """GermEval test sentences as documents of ``per_doc`` sentences, plus the seed docs."""
    texts: list[str] = []
    tsv = data_dir / "germeval2014" / "NER-de-test.tsv"
    if tsv.exists():
        sents, tokens = [], []
        for line in tsv.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            if not line.strip():
                if tokens:
                    sents.append(" ".join(tokens))
                tokens = []
                continue
            tokens.append(line.split("\t")[1])
        texts += [" ".join(sents[i:i + per_doc]) for i in range(0, len(sents), per_doc)]
    if seeds_dir.exists():
        texts += [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    return texts


def time_it(fn, repeat: int) -> float:
    """Best wall time of ``repeat`` runs (less noise on a shared machine)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    """Measure and print tokenizer-only, full-pipeline and NER-stage words/s."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[1]
    parser.add_argument("--model", default=str(root / "models" / "ner"))
    parser.add_argument("--data", type=Path, default=root.parent / "shared" / "data" / "ner")
    parser.add_argument("--seeds", type=Path, default=root.parent / "shared" / "seeds")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    texts = load_texts(args.data, args.seeds)
    if not texts:
        raise SystemExit("no texts found: pass --data and/or --seeds")
    blank = spacy.blank("de")
    nlp = spacy.load(args.model)
    n_words = sum(len(d) for d in blank.pipe(texts))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    t_tok = time_it(lambda: list(blank.pipe(texts, batch_size=64)), args.repeat)
    t_full = time_it(lambda: list(nlp.pipe(texts, batch_size=64)), args.repeat)
    pre = [nlp.make_doc(t) for t in texts]

    def run_components() -> None:
        docs = pre
        for _name, proc in nlp.pipeline:
            docs = list(proc.pipe(docs, batch_size=64))

    t_ner = time_it(run_components, args.repeat)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"texts: {len(texts)} documents, {n_words} words; model {args.model} "
          f"(pipes {nlp.pipe_names}); spaCy {spacy.__version__}; 1 thread, best of {args.repeat}")
    print(f"{'what':<40}{'seconds':>10}{'words/s':>12}")
    print(f"{'baseline: blank de tokenizer':<40}{t_tok:>10.2f}{n_words / t_tok:>12,.0f}")
    print(f"{'full pipeline (tokenizer + components)':<40}{t_full:>10.2f}{n_words / t_full:>12,.0f}")
    print(f"{'NER stage (components, pre-tokenised)':<40}{t_ner:>10.2f}{n_words / t_ner:>12,.0f}")
    print(f"{'reference: de_core_news_sm (published)':<40}{'':>10}{SPACY_SM_REFERENCE_WPS:>12,}")
    print(f"peak RSS: {peak_mb:.0f} MB (after loading: {rss_before / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
