"""Chains the stages over many files and loads the results, skipping what is unchanged.

The unit of work is ``analyse_file``: one path in, one ``Analysis`` out, never
an exception for a bad document (a failure is an ``Analysis`` whose document
has ``status='failed'`` and a readable ``error``). It only reads the
``Resources`` passed to it, so it can be mapped over worker processes here or
over a Dask/Ray cluster later.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import multiprocessing
import os
import signal
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pipeline
from pipeline import store
from pipeline.errors import ConfigError, DatabaseBusyError, DocumentTimeoutError, ExtractionError
from pipeline.types import Analysis, Document

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_NER_MODEL = REPO_ROOT / "models" / "ner"
DEFAULT_PURPOSE_MODEL = REPO_ROOT / "models" / "purpose"
DEFAULT_PAIR_MODEL = REPO_ROOT / "models" / "pairs"
DOCUMENT_SUFFIXES = frozenset({".pdf", ".html", ".htm", ".xhtml", ".txt", ".text", ""})
IGNORE_FILE = ".twinningignore"


@dataclass(frozen=True)
class Settings:
    """The knobs of a run; defaults mirror ``params.yaml``."""

    ner_model: str = str(DEFAULT_NER_MODEL)
    purpose_model: str = str(DEFAULT_PURPOSE_MODEL)
    # The partnerships stage's learned scorer; "none" = the rules alone.
    pair_model: str = str(DEFAULT_PAIR_MODEL)
    purpose_threshold: float = 0.5
    max_bytes: int = 50_000_000
    max_pages: int = 2000
    timeout_seconds: float = 300.0
    # Documents detected as another language are recorded as failed: the
    # models are German. Empty means: accept every language.
    languages: tuple[str, ...] = ("de",)

    def __post_init__(self) -> None:
        if not 0.0 <= self.purpose_threshold <= 1.0:
            raise ConfigError(f"purpose threshold must lie in [0, 1], got {self.purpose_threshold}")
        if self.max_bytes <= 0 or self.max_pages <= 0 or self.timeout_seconds <= 0:
            raise ConfigError("max_bytes, max_pages and timeout_seconds must be positive")


@dataclass
class Resources:
    """Models loaded once per process and passed to every document."""

    nlp: object
    gazetteer: object
    classifier: object
    settings: Settings
    pair_scorer: object = None  # None: the partnerships rules decide alone


def describe_versions(settings: Settings) -> dict[str, str]:
    """Code and model versions, read from the model folders without loading the models.

    ``pipeline`` is a hash of all three and of the settings that change
    results: a document processed under another ``pipeline`` version is
    processed again, so a retrained model takes effect on the next run.
    """
    ner_version = _model_version(settings.ner_model, lambda m: f"{m.get('lang', '?')}_{m.get('name', '?')}-{m.get('version', '?')}")
    purpose_version = _model_version(settings.purpose_model, lambda m: m.get("model_version", "?"))
    pair_version = "rules" if settings.pair_model == "none" else _model_version(
        settings.pair_model, lambda m: m.get("model_version", "?"))
    # Settings that change what a processed document holds belong to the
    # version; limits only decide failures (retry those with --force).
    results_settings = f"{settings.purpose_threshold}|{','.join(settings.languages)}"
    pipeline_version = hashlib.sha256(
        f"{pipeline.__version__}|{ner_version}|{purpose_version}|{pair_version}|{results_settings}".encode()
    ).hexdigest()[:12]
    return {
        "code": code_version(),
        "ner_model": ner_version,
        "purpose_model": purpose_version,
        "pair_model": pair_version,
        "pipeline": pipeline_version,
    }


def _model_version(name_or_path: str, describe: Callable[[dict], str]) -> str:
    meta_path = Path(name_or_path) / "meta.json"
    if meta_path.is_file():
        return describe(json.loads(meta_path.read_text(encoding="utf-8")))
    try:  # an installed spaCy package such as de_core_news_lg
        import spacy.util

        return describe(spacy.util.get_package_meta(name_or_path) or {}) if spacy.util.is_package(name_or_path) else name_or_path
    except Exception:
        return str(name_or_path)


def load_resources(settings: Settings) -> Resources:
    """Load the NER pipeline, the gazetteer, the pair scorer and the purpose classifier."""
    from pipeline.cities import Gazetteer
    from pipeline.ner import load_nlp
    from pipeline.purposes import PurposeClassifier

    return Resources(
        nlp=load_nlp(settings.ner_model),
        gazetteer=Gazetteer.load(),
        classifier=PurposeClassifier.load(Path(settings.purpose_model)),
        settings=settings,
        pair_scorer=load_pair_scorer(settings.pair_model),
    )


def load_pair_scorer(name: str):
    """The pair scorer of a model folder, or None for "none" (the partnerships rules alone)."""
    from pipeline.pair_scorer import PairScorer

    return None if name == "none" else PairScorer.load(Path(name))


def code_version() -> str:
    """Package version plus the git commit when running from a checkout."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(REPO_ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True, text=True, timeout=5, check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return f"{pipeline.__version__}+{commit}" if commit else pipeline.__version__


# --- finding input files ---------------------------------------------------------------------


def discover_files(paths: Iterable[str | Path]) -> list[Path]:
    """Every document file under the given files and folders, sorted, each once.

    Folders are walked recursively, following symlinks but never into a folder
    already visited (so a symlink loop ends). Hidden files, files whose suffix
    is not a document type, and paths matched by a ``.twinningignore`` in the
    folder given are left out; a file named explicitly is always taken.
    """
    found: dict[str, Path] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path):
                found.setdefault(str(file), file)
        elif path.exists() or path.is_symlink():
            found.setdefault(str(path), path)
        else:
            raise ConfigError(f"no such file or folder: {path}")
    return [found[key] for key in sorted(found)]


def _walk(root: Path) -> Iterator[Path]:
    patterns = _ignore_patterns(root)
    visited: set[str] = set()
    for folder, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in visited:
            dirnames[:] = []
            continue
        visited.add(real)
        relative_folder = Path(folder).relative_to(root)
        dirnames[:] = sorted(
            d for d in dirnames
            if not d.startswith(".") and not _ignored((relative_folder / d).as_posix(), patterns)
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            relative = (relative_folder / name).as_posix()
            if _ignored(relative, patterns) or Path(name).suffix.lower() not in DOCUMENT_SUFFIXES:
                continue
            path = Path(folder) / name
            # A broken symlink is kept (it is recorded as failed); FIFOs, sockets
            # and devices are not documents, and reading a FIFO would block.
            if path.is_file() or (path.is_symlink() and not path.exists()):
                yield path


def _ignore_patterns(root: Path) -> list[str]:
    ignore_file = root / IGNORE_FILE
    if not ignore_file.is_file():
        return []
    lines = ignore_file.read_text(encoding="utf-8").splitlines()
    return [line.strip().rstrip("/") for line in lines if line.strip() and not line.startswith("#")]


def _ignored(relative: str, patterns: list[str]) -> bool:
    return any(
        fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(relative.split("/")[0], pattern)
        for pattern in patterns
    )


# --- one document ------------------------------------------------------------------------------


def analyse_document(document: Document, resources: Resources) -> Analysis:
    """Entities, partnerships and purposes of one extracted document."""
    from pipeline.ner import find_entities
    from pipeline.partnerships import find_partnerships
    from pipeline.purposes import classify_purposes

    if document.status != "ok":
        return Analysis(document=document)
    nlp = resources.nlp
    # memory_zone frees the strings a document adds to the shared vocab, so a
    # long run's memory stays flat (spaCy's StringStore otherwise only grows).
    with nlp.memory_zone():
        entities = find_entities(document.text, nlp, resources.gazetteer)
    partnerships = find_partnerships(document, entities, resources.gazetteer, resources.pair_scorer)
    purposes = classify_purposes(
        document, partnerships, resources.classifier, threshold=resources.settings.purpose_threshold
    )
    return Analysis(document=document, entities=entities, partnerships=partnerships, purposes=purposes)


def extract_file(path: Path, settings: Settings) -> Document:
    """Extract one file; a bad file becomes a failed ``Document`` with the reason."""
    from pipeline.extract import extract_document

    try:
        with _time_limit(settings.timeout_seconds):
            return extract_document(path, max_bytes=settings.max_bytes, max_pages=settings.max_pages)
    except ExtractionError as error:
        reason = str(error)
    except (OSError, RecursionError, MemoryError) as error:
        reason = _describe_os_error(error)
    except Exception as error:  # a library bug on a strange file must not stop the batch
        reason = f"could not extract: {type(error).__name__}: {error}"
    return Document(
        doc_id=_failed_doc_id(path),
        source_path=str(path),
        media_type=_media_type_from_suffix(path),
        status="failed",
        error=reason,
    )


def analyse_file(path: Path, resources: Resources) -> Analysis:
    """The whole pipeline for one file. Never raises for a bad document."""
    started = time.monotonic()
    document = extract_file(path, resources.settings)
    if document.status != "ok":
        return Analysis(document=document)
    accepted = resources.settings.languages
    if accepted and document.language and document.language not in accepted:
        document.status = "failed"
        document.error = (
            f"the text is in another language ({document.language!r}, expected {', '.join(accepted)}); "
            "the models are trained for German"
        )
        return Analysis(document=document)
    remaining = max(resources.settings.timeout_seconds - (time.monotonic() - started), 1.0)
    try:
        with _time_limit(remaining):
            return analyse_document(document, resources)
    except DocumentTimeoutError as error:
        reason = str(error)
    except Exception as error:
        reason = f"analysis failed: {type(error).__name__}: {error}"
    document.status, document.error = "failed", reason
    return Analysis(document=document)


def _failed_doc_id(path: Path) -> str:
    content_id = _content_id(path)
    # An unreadable file has no content to hash; its path identifies it.
    return content_id or "path-" + hashlib.sha256(str(path).encode()).hexdigest()[:11]


def _media_type_from_suffix(path: Path) -> str | None:
    suffix = path.suffix.lower()
    return {".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html"}.get(
        suffix, "text" if suffix in {".txt", ".text"} else None
    )


def _describe_os_error(error: BaseException) -> str:
    if isinstance(error, PermissionError):
        return "cannot read the file: permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(error, FileNotFoundError):
        return "the file vanished or is a broken symlink"
    if isinstance(error, RecursionError):
        return "the file is nested too deeply to parse (recursion limit)"
    if isinstance(error, MemoryError):
        return "the file needs more memory than is available"
    return f"cannot read the file: {error}"


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise ``DocumentTimeoutError`` after ``seconds`` (main thread only; elsewhere no limit)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def _expire(signum, frame):
        raise DocumentTimeoutError(f"processing took longer than the limit of {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- a whole run -------------------------------------------------------------------------------


@dataclass
class RunSummary:
    """What a run did, for the one-screen report and the exit code."""

    run_id: str
    db_path: str
    n_ok: int = 0
    n_failed: int = 0
    n_skipped: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.n_failed else 0


@dataclass(frozen=True)
class _Job:
    path: Path
    size_bytes: int | None
    mtime_ns: int | None


_WORKER_RESOURCES: Resources | None = None  # set once per worker process by _init_worker


def _init_worker(settings: Settings) -> None:
    global _WORKER_RESOURCES
    _WORKER_RESOURCES = load_resources(settings)


def _analyse_in_worker(path: Path) -> Analysis:
    assert _WORKER_RESOURCES is not None
    return analyse_file(path, _WORKER_RESOURCES)


def run(
    paths: Iterable[str | Path],
    db_path: str | Path,
    *,
    settings: Settings = Settings(),
    force: bool = False,
    jobs: int = 1,
    progress: Callable[[Iterable, int], Iterable] | None = None,
    resources: Resources | None = None,
    wait_seconds: float = 0.0,
) -> RunSummary:
    """Run the pipeline over files and folders into a DuckDB file.

    Unchanged files (same path, size and mtime, or same content) that were
    processed by the same code and models are skipped; a changed file replaces
    its old rows. Results are written in short transactions, one per document,
    so the database stays consistent if the process is killed. A second run
    on the same database waits ``wait_seconds`` for the first, then fails.
    """
    started = time.monotonic()
    if resources is not None:
        settings = resources.settings
    files = discover_files(paths)
    run_id = new_run_id()
    summary = RunSummary(run_id=run_id, db_path=str(db_path))
    versions = describe_versions(settings)
    with run_lock(Path(db_path), wait_seconds=wait_seconds):
        with store.open_database(db_path) as con:
            store.start_run(con, run_id, inputs=[str(p) for p in paths], versions=versions)
            todo = _plan(con, files, run_id=run_id, pipeline_version=versions["pipeline"], force=force, summary=summary)

        in_process = jobs <= 1 or len(todo) <= 1
        if todo and in_process and resources is None:
            resources = load_resources(settings)
        analyses = _analyse_all(todo, resources, settings, 1 if in_process else jobs)
        if progress is not None:
            analyses = progress(analyses, len(todo))
        stamps = {str(job.path): job for job in todo}
        writer = _BatchWriter(db_path, run_id=run_id, pipeline_version=versions["pipeline"])
        for analysis in analyses:
            writer.add(analysis, stamps[analysis.document.source_path])
            if analysis.document.status == "ok":
                summary.n_ok += 1
            else:
                summary.n_failed += 1
                summary.failures.append((analysis.document.source_path, analysis.document.error or ""))
        writer.flush()

        with store.open_database(db_path, wait_seconds=_WRITER_WAIT) as con:
            store.finish_run(con, run_id, n_ok=summary.n_ok, n_failed=summary.n_failed,
                             n_skipped=summary.n_skipped)
    summary.seconds = time.monotonic() - started
    return summary


def _plan(con, files: list[Path], *, run_id: str, pipeline_version: str, force: bool, summary: RunSummary) -> list[_Job]:
    """The files that need processing; the others are counted as skipped.

    A file is skipped when the same code and models already processed it:
    cheaply by path, size and mtime, else by content hash (a copy or a
    renamed file is then only recorded as another source of its document).
    """
    known_sources = store.loaded_sources(con)
    known_documents = store.loaded_documents(con)
    todo: list[_Job] = []
    for path in files:
        job = _stat(path)
        known = known_sources.get(str(path))
        if not force and known and known.pipeline_version == pipeline_version and (
                known.size_bytes, known.mtime_ns) == (job.size_bytes, job.mtime_ns):
            summary.n_skipped += 1
            continue
        content_id = _content_id(path)
        loaded = known_documents.get(content_id) if content_id else None
        if not force and loaded and loaded[1] == pipeline_version:
            store.record_source(con, str(path), content_id, size_bytes=job.size_bytes,
                                mtime_ns=job.mtime_ns, run_id=run_id)
            summary.n_skipped += 1
            continue
        todo.append(job)
    return todo


def new_run_id() -> str:
    """A sortable, unique id for a run: its start time plus a random suffix."""
    return time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


@contextmanager
def run_lock(db_path: Path, *, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold ``<db>.lock`` while writing, so that a second run on the same file waits or stops.

    DuckDB's own lock is only held while we write a batch (so that readers get
    in between); this lock keeps two runs from interleaving their work.
    """
    import fcntl

    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = db_path.with_name(db_path.name + ".lock")
    deadline = time.monotonic() + wait_seconds
    with open(lock_path, "a+") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "unknown"
                    raise DatabaseBusyError(
                        f"another `twinning` run (pid {holder}) is writing to {db_path}; wait for it "
                        "to finish (or pass --wait SECONDS), or write to another --db"
                    ) from None
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield


def _analyse_all(todo: list[_Job], resources: Resources | None, settings: Settings, jobs: int) -> Iterator[Analysis]:
    """Analyses in input order: in this process, or in ``jobs`` workers that load their own models."""
    if jobs <= 1:
        for job in todo:
            yield analyse_file(job.path, resources)
        return
    # Spawned, not forked: a forked child inherits the OpenMP thread pool of a parent that has already
    # scored with the pair scorer's trees (scikit-learn's HistGradientBoosting) and hangs on first use.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                             initargs=(settings,)) as pool:
        yield from pool.map(_analyse_in_worker, [job.path for job in todo], chunksize=1)


# A run waits this long for readers (an analyst's open connection) to let go of the file.
_WRITER_WAIT = 120.0


class _BatchWriter:
    """Writes analyses in short bursts so that readers can open the file in between."""

    def __init__(self, db_path, *, run_id: str, pipeline_version: str, max_batch: int = 25, max_wait: float = 2.0):
        self.db_path = db_path
        self.run_id = run_id
        self.pipeline_version = pipeline_version
        self.max_batch = max_batch
        self.max_wait = max_wait
        self.pending: list[tuple[Analysis, _Job]] = []
        self.last_flush = time.monotonic()

    def add(self, analysis: Analysis, job: _Job) -> None:
        self.pending.append((analysis, job))
        if len(self.pending) >= self.max_batch or time.monotonic() - self.last_flush >= self.max_wait:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            with store.open_database(self.db_path, wait_seconds=_WRITER_WAIT) as con:
                for analysis, job in self.pending:
                    store.load_analysis(
                        con, analysis, run_id=self.run_id, pipeline_version=self.pipeline_version,
                        size_bytes=job.size_bytes, mtime_ns=job.mtime_ns,
                    )
            self.pending.clear()
        self.last_flush = time.monotonic()


def _stat(path: Path) -> _Job:
    try:
        stat = path.stat()
        return _Job(path, stat.st_size, stat.st_mtime_ns)
    except OSError:
        return _Job(path, None, None)


def _content_id(path: Path) -> str | None:
    """The file's ``extract.document_id``, or None when it cannot be read."""
    from pipeline.extract import file_document_id

    try:
        return file_document_id(path)
    except OSError:
        return None