"""Benchmark the PDF side of the extract stage against plain pdfplumber.

For each PDF with a known reference text (the sample PDFs, plus a long
report of one- and two-column sections with running headers, page numbers,
headings, lists and hyphenated justified text, generated into a temporary
folder), it prints pages per second and word-F1 of ``extract_document`` next
to the baseline ``"\\n".join(page.extract_text() for page in pdf.pages)``,
and the peak Python memory (tracemalloc) of each. ``--extra`` adds PDFs
without reference (speed and memory only).

    nice python benchmarks/bench_extract.py --sections 20 --repeat 3
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402

from pipeline.extract import extract_document  # noqa: E402
from pipeline.textmetrics import word_f1  # noqa: E402
from scripts.render_corpus import build_report_sections, read_seeds, render_report  # noqa: E402


def baseline_text(path: Path) -> tuple[str, int]:
    """What most projects do: pdfplumber's extract_text() page by page."""
    with pdfplumber.open(path) as pdf:
        texts = []
        for page in pdf.pages:
            texts.append(page.extract_text() or "")
            page.close()
        return "\n".join(texts), len(texts)


def ours_text(path: Path) -> tuple[str, int]:
    doc = extract_document(path)
    return doc.text, doc.n_pages or 0


def measure(fn, path: Path, repeat: int) -> tuple[str, int, float, float]:
    """(text, pages, best seconds of `repeat` runs, peak MiB traced in a separate run)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        text, pages = fn(path)
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    fn(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return text, pages, best, peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--sections", type=int, default=20, help="sections of the generated report")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--extra", type=Path, nargs="*", default=[], help="more PDFs, no reference")
    args = parser.parse_args()

    cases: list[tuple[Path, str | None]] = []
    for pdf in sorted((ROOT / "corpus" / "sample").glob("*.pdf")):
        cases.append((pdf, (ROOT / "corpus" / "reference" / (pdf.stem + ".txt")).read_text(encoding="utf-8")))
    tmp = tempfile.TemporaryDirectory()
    report = Path(tmp.name) / "bericht_partnerschaften.pdf"
    sections = build_report_sections(read_seeds(args.seeds), args.sections)
    reference = render_report(sections, report, header="Landesarbeitsgemeinschaft Städtepartnerschaften – Jahresbericht")
    cases.append((report, reference))
    cases += [(p, None) for p in args.extra]

    header = f"{'document':42s} {'pages':>5s} | {'ours p/s':>8s} {'F1':>6s} {'MiB':>5s} | {'base p/s':>8s} {'F1':>6s} {'MiB':>5s}"
    print(header)
    print("-" * len(header))
    totals = {"ours": [0.0, 0], "base": [0.0, 0]}
    for path, ref in cases:
        o_text, pages, o_sec, o_mem = measure(ours_text, path, args.repeat)
        b_text, b_pages, b_sec, b_mem = measure(baseline_text, path, args.repeat)
        totals["ours"][0] += o_sec
        totals["ours"][1] += b_pages
        totals["base"][0] += b_sec
        totals["base"][1] += b_pages
        o_f1 = f"{word_f1(o_text, ref):.4f}" if ref else "-"
        b_f1 = f"{word_f1(b_text, ref):.4f}" if ref else "-"
        print(
            f"{path.name[:42]:42s} {b_pages:5d} | {b_pages / o_sec:8.1f} {o_f1:>6s} {o_mem:5.1f} "
            f"| {b_pages / b_sec:8.1f} {b_f1:>6s} {b_mem:5.1f}"
        )
    o_sec, n = totals["ours"]
    b_sec, _ = totals["base"]
    print("-" * len(header))
    print(f"{'all':42s} {n:5d} | {n / o_sec:8.1f} {'':6s} {'':5s} | {n / b_sec:8.1f}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
