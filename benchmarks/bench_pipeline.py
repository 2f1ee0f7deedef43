"""Throughput and memory of the whole pipeline, next to the extract stage alone as baseline.

    python benchmarks/bench_pipeline.py [--rounds 20]

Runs ``analyse_file`` over the sample corpus and the gold documents
(``corpus/gold/docs``) round after round, in one process, and prints
documents/s and words/s for extraction alone (the baseline: the least any
pipeline must spend) and for the whole pipeline, then the resident memory
after every round. Each round's text documents carry 300 words never seen
before (as a long run over new documents does), so memory stays flat only if
spaCy's string store is kept from growing: ``runner`` runs each document
inside ``nlp.memory_zone()``.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from pipeline.runner import Settings, analyse_file, extract_file, load_resources

REPO = Path(__file__).resolve().parent.parent


def _rss_mib() -> float:
    """Current resident set size, from /proc (Linux)."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def _documents() -> list[Path]:
    files = sorted((REPO / "corpus" / "sample").iterdir()) + sorted((REPO / "corpus" / "gold" / "docs").glob("*.txt"))
    return [f for f in files if f.is_file()]


def _with_new_words(files: list[Path], scratch: Path, round_number: int) -> list[Path]:
    """The round's documents: text files get a paragraph of words unique to this round."""
    batch = []
    for index, path in enumerate(files):
        if path.suffix != ".txt":
            batch.append(path)
            continue
        unique = " ".join(f"Aktenzeichen{round_number}x{index}x{n}" for n in range(300))
        target = scratch / f"r{round_number}_{path.name}"
        # ASCII words, so the file keeps whatever encoding it had (one sample is Windows-1252).
        target.write_bytes(path.read_bytes() + f"\n\n{unique}.\n".encode("ascii"))
        batch.append(target)
    return batch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10, help="passes over the documents")
    args = parser.parse_args()

    files = _documents()
    settings = Settings()
    started = time.perf_counter()
    resources = load_resources(settings)
    print(f"models loaded in {time.perf_counter() - started:.1f} s; {len(files)} documents per round")

    started = time.perf_counter()
    words = sum(len(extract_file(f, settings).text.split()) for f in files)
    extract_seconds = time.perf_counter() - started

    rss = [_rss_mib()]
    pipeline_seconds = 0.0
    with tempfile.TemporaryDirectory() as scratch:
        for round_number in range(args.rounds):
            batch = _with_new_words(files, Path(scratch), round_number)
            started = time.perf_counter()
            for path in batch:
                analysis = analyse_file(path, resources)
                assert analysis.document.status == "ok", (path, analysis.document.error)
            pipeline_seconds += time.perf_counter() - started
            rss.append(_rss_mib())
    pipeline_seconds /= args.rounds

    print(f"{'stage':28} {'docs/s':>8} {'words/s':>9}")
    print(f"{'extract only (baseline)':28} {len(files) / extract_seconds:8.1f} {words / extract_seconds:9.0f}")
    print(f"{'whole pipeline, 1 process':28} {len(files) / pipeline_seconds:8.1f} {words / pipeline_seconds:9.0f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"resident memory per round (MiB): {' '.join(f'{m:.0f}' for m in rss)}; peak {peak:.0f} MiB")
    growth = rss[-1] - rss[1] if len(rss) > 2 else 0.0
    print(f"growth after the first round: {growth:+.1f} MiB over {args.rounds - 1} rounds")


if __name__ == "__main__":
    main()
