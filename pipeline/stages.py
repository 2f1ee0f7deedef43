"""The single stages as file-to-file steps under ``outputs/``, for DVC.

Each stage reads one JSON file per document from a folder and writes one per
document to another (``<doc_id>.json``, an ``Analysis`` as a dict), so that
``dvc.yaml`` can run and cache them one by one. Chaining extract → ner →
partnerships → classify → load gives the same database as ``runner.run``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from pipeline import store
from pipeline.errors import ConfigError
from pipeline.runner import Settings, describe_versions, discover_files, extract_file, new_run_id, run_lock
from pipeline.types import Analysis


def write_analysis(analysis: Analysis, out_dir: Path, *, size_bytes: int | None = None, mtime_ns: int | None = None) -> Path:
    """Write one document's analysis as ``<doc_id>.json`` (stable key order, UTF-8)."""
    record = analysis.to_dict()
    record["source"] = {"size_bytes": size_bytes, "mtime_ns": mtime_ns}
    target = out_dir / f"{analysis.document.doc_id}.json"
    target.write_text(json.dumps(record, ensure_ascii=False, sort_keys=True, indent=1), encoding="utf-8")
    return target


def read_analyses(in_dir: Path) -> Iterator[tuple[Analysis, dict]]:
    """Every analysis in a stage folder, in file-name order, with its source stamp."""
    if not in_dir.is_dir():
        raise ConfigError(f"stage input folder {in_dir} does not exist; run the previous stage first")
    for path in sorted(in_dir.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        yield Analysis.from_dict(record), record.get("source", {})


def _fresh_folder(out_dir: Path) -> Path:
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    return out_dir


def extract_stage(paths: Iterable[str | Path], out_dir: Path, settings: Settings) -> tuple[int, int]:
    """Extract every file to ``out_dir``; returns (ok, failed) counts."""
    out_dir = _fresh_folder(out_dir)
    n_ok = n_failed = 0
    for path in discover_files(paths):
        document = extract_file(path, settings)
        stat = path.stat() if path.exists() else None
        write_analysis(
            Analysis(document=document), out_dir,
            size_bytes=stat.st_size if stat else None, mtime_ns=stat.st_mtime_ns if stat else None,
        )
        n_ok += document.status == "ok"
        n_failed += document.status != "ok"
    return n_ok, n_failed


def transform_stage(in_dir: Path, out_dir: Path, step: Callable[[Analysis], Analysis]) -> int:
    """Apply ``step`` to every ok document of ``in_dir``; failed ones pass through unchanged."""
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    if in_dir.resolve() == out_dir.resolve():
        raise ConfigError("a stage's input and output folders must differ")
    records = list(read_analyses(in_dir))
    out_dir = _fresh_folder(out_dir)
    for analysis, source in records:
        if analysis.document.status == "ok":
            analysis = step(analysis)
        write_analysis(analysis, out_dir, **source)
    return len(records)


def load_stage(in_dir: Path, db_path: Path, settings: Settings) -> tuple[int, int]:
    """Load every analysis of ``in_dir`` into the database as one recorded run."""
    versions = describe_versions(settings)
    run_id = new_run_id()
    n_ok = n_failed = 0
    with run_lock(Path(db_path)), store.open_database(db_path) as con:
        store.start_run(con, run_id, inputs=[str(in_dir)], versions=versions)
        for analysis, source in read_analyses(in_dir):
            store.load_analysis(
                con, analysis, run_id=run_id, pipeline_version=versions["pipeline"],
                size_bytes=source.get("size_bytes"), mtime_ns=source.get("mtime_ns"),
            )
            n_ok += analysis.document.status == "ok"
            n_failed += analysis.document.status != "ok"
        store.finish_run(con, run_id, n_ok=n_ok, n_failed=n_failed, n_skipped=0)
    return n_ok, n_failed
