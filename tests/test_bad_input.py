"""Bad input, crashes and concurrent use: nothing lost, nothing corrupted, every failure explained."""

from __future__ import annotations

import dataclasses
import importlib.util
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipeline import runner, store
from pipeline.errors import DatabaseBusyError

REPO = Path(__file__).resolve().parent.parent


def _load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad") / "Ordner mit Ümlauten"
    expected = _load_script("make_bad_corpus").make_bad_corpus(folder, big_pdf_pages=1000)
    return folder, expected


def _rows(db_path, sql):
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_every_bad_file_is_a_recorded_failure_and_every_good_one_loads(bad_corpus, tmp_path, resources):
    folder, expected = bad_corpus
    limited = dataclasses.replace(resources, settings=dataclasses.replace(resources.settings, max_pages=500))
    db_path = tmp_path / "bad.duckdb"
    summary = runner.run([folder], db_path, resources=limited)

    recorded = {
        Path(path).relative_to(folder).as_posix(): (status, error)
        for path, status, error in _rows(
            db_path, "SELECT s.source_path, d.status, d.error FROM sources s JOIN documents d USING (doc_id)")
    }
    assert set(recorded) == set(expected), "every file is recorded exactly once, the loop is not followed"
    for name, outcome in expected.items():
        status, error = recorded[name]
        assert status == outcome.status, (name, status, error)
        if outcome.status == "failed":
            assert error and outcome.error_contains.lower() in error.lower(), (name, error)
            assert "Traceback" not in error
    n_failed = sum(o.status == "failed" for o in expected.values())
    assert summary.n_failed == n_failed and summary.exit_code == 1
    assert _rows(db_path, "SELECT count(*) FROM entities JOIN documents USING (doc_id) WHERE status = 'failed'") == [(0,)]


def test_a_document_over_the_time_limit_fails_and_the_run_goes_on(tmp_path, resources):
    folder = tmp_path / "docs"
    folder.mkdir()
    sentence = "Die Partnerschaft zwischen Erfurt und Mainz besteht seit 1988. "
    (folder / "lang.txt").write_text(sentence * 20000, encoding="utf-8")
    (folder / "kurz.txt").write_text(sentence * 3, encoding="utf-8")
    hurried = dataclasses.replace(resources, settings=dataclasses.replace(resources.settings, timeout_seconds=1.0))
    summary = runner.run([folder], tmp_path / "t.duckdb", resources=hurried)
    assert (summary.n_ok, summary.n_failed) == (1, 1)
    assert "longer than the limit" in summary.failures[0][1]


def test_a_file_over_the_size_limit_fails(tmp_path, resources):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "gross.txt").write_text("Städtepartnerschaft " * 5000, encoding="utf-8")
    small = dataclasses.replace(resources, settings=dataclasses.replace(resources.settings, max_bytes=10_000))
    summary = runner.run([folder], tmp_path / "t.duckdb", resources=small)
    assert summary.n_failed == 1 and "limit" in summary.failures[0][1].lower()


def _many_documents(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    pairs = [("Erfurt", "Mainz"), ("Bonn", "Potsdam"), ("Aachen", "Naumburg"), ("Bremen", "Rostock")]
    for number in range(count):
        a, b = pairs[number % len(pairs)]
        text = (f"Bericht {number}. Die Städtepartnerschaft zwischen {a} und {b} besteht seit {1980 + number % 20}. "
                "Im Mittelpunkt stehen Jugendaustausch und wirtschaftliche Zusammenarbeit. ") * 10
        (folder / f"bericht_{number:03}.txt").write_text(text, encoding="utf-8")


def _start_run(corpus: Path, db_path: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", str(corpus), "--db", str(db_path), "--no-progress"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _wait_for_documents(db_path: Path, at_least: int, timeout: float = 120.0) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            count = store.run_query(db_path, "SELECT count(*) FROM documents", wait_seconds=0.5)[1][0][0]
            if count >= at_least:
                return count
        except Exception:
            pass
        time.sleep(0.1)
    raise AssertionError(f"the run did not load {at_least} documents within {timeout} s")


def _assert_consistent(db_path: Path) -> int:
    """Every ok document is complete (4 purpose rows), and no row belongs to a missing document."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        for table in ("entities", "partnerships", "purposes"):
            orphans = con.execute(
                f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT doc_id FROM documents)").fetchone()[0]
            assert orphans == 0, table
        incomplete = con.execute(
            "SELECT count(*) FROM documents d WHERE status = 'ok' AND "
            "(SELECT count(*) FROM purposes p WHERE p.doc_id = d.doc_id) != 4").fetchone()[0]
        assert incomplete == 0
        duplicates = con.execute(
            "SELECT count(*) - count(DISTINCT (doc_id, label, start_char, end_char)) FROM entities").fetchone()[0]
        assert duplicates == 0
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()


@pytest.mark.slow
@pytest.mark.parametrize("kill_after_documents", [1, 20])
def test_a_run_killed_with_sigkill_leaves_a_consistent_database(tmp_path, resources, kill_after_documents):
    corpus = tmp_path / "corpus"
    # Enough documents that the run is still going when the first batch is visible.
    _many_documents(corpus, 120)
    db_path = tmp_path / "killed.duckdb"
    process = _start_run(corpus, db_path)
    try:
        _wait_for_documents(db_path, kill_after_documents)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    loaded = _assert_consistent(db_path)
    assert 0 < loaded < 120

    summary = runner.run([corpus], db_path, resources=resources)
    assert summary.n_ok + summary.n_skipped == 120
    assert _assert_consistent(db_path) == 120
    assert _rows(db_path, "SELECT status FROM runs ORDER BY started_at") == [("interrupted",), ("ok",)]


@pytest.mark.slow
def test_a_second_run_stops_at_once_and_queries_work_during_a_run(tmp_path):
    corpus = tmp_path / "corpus"
    _many_documents(corpus, 40)
    # A long last document keeps the first run busy while the second one starts.
    (corpus / "zz_lang.txt").write_text("Die Städtepartnerschaft zwischen Erfurt und Mainz besteht seit 1988. " * 8000,
                                        encoding="utf-8")
    db_path = tmp_path / "busy.duckdb"
    first = _start_run(corpus, db_path)
    try:
        _wait_for_documents(db_path, 1)
        second = subprocess.run(
            [sys.executable, "-m", "pipeline", "run", str(corpus), "--db", str(db_path), "--no-progress"],
            cwd=REPO, capture_output=True, text=True, timeout=60,
        )
        assert second.returncode == 2
        assert "another `twinning` run" in second.stderr
        query = subprocess.run(
            [sys.executable, "-m", "pipeline", "query", "SELECT count(*) AS n FROM documents", "--db", str(db_path),
             "--format", "csv"],
            cwd=REPO, capture_output=True, text=True, timeout=60,
        )
        assert query.returncode == 0, query.stderr
        assert int(query.stdout.splitlines()[1]) >= 1
    finally:
        first.wait(timeout=600)
    assert first.returncode == 0, first.stderr
    assert _assert_consistent(db_path) == 41


def test_the_run_lock_refuses_a_second_writer_in_process(tmp_path):
    db_path = tmp_path / "x.duckdb"
    with runner.run_lock(db_path):
        with pytest.raises(DatabaseBusyError, match="another `twinning` run"):
            with runner.run_lock(db_path):
                pass
    with runner.run_lock(db_path):  # released again
        pass


def test_the_bad_corpus_script_runs_standalone(tmp_path):
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "make_bad_corpus.py"), str(tmp_path / "b")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "verschluesselt.pdf" in result.stdout
    shutil.rmtree(tmp_path / "b")
