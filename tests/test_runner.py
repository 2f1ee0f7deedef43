"""A whole run over real files into a real DuckDB file: skipping, replacing, failing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

from pipeline import runner


def _rows(db_path: Path, sql: str):
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _table_counts(db_path: Path) -> dict[str, int]:
    tables = ("documents", "entities", "partnerships", "purposes", "sources")
    return {t: _rows(db_path, f"SELECT count(*) FROM {t}")[0][0] for t in tables}


def test_the_sample_corpus_loads_with_every_document_ok(sample_corpus, db_path, resources):
    summary = runner.run([sample_corpus], db_path, resources=resources)
    assert (summary.n_ok, summary.n_failed, summary.exit_code) == (5, 0, 0)
    rows = _rows(db_path, "SELECT media_type, status, n_chars > 1000 FROM documents ORDER BY media_type")
    assert rows == [("html", "ok", True), ("html", "ok", True), ("pdf", "ok", True), ("pdf", "ok", True),
                    ("text", "ok", True)]
    assert _rows(db_path, "SELECT status, n_ok FROM runs") == [("ok", 5)]


def test_a_second_run_over_unchanged_files_skips_them_all(sample_corpus, db_path, resources):
    runner.run([sample_corpus], db_path, resources=resources)
    before = _table_counts(db_path)
    summary = runner.run([sample_corpus], db_path, resources=resources)
    assert (summary.n_ok, summary.n_skipped) == (0, 5)
    assert _table_counts(db_path) == before


def test_a_changed_file_replaces_its_rows(sample_corpus, db_path, resources):
    runner.run([sample_corpus], db_path, resources=resources)
    note = next(sample_corpus.glob("*.txt"))
    old_id = _rows(db_path, f"SELECT doc_id FROM sources WHERE source_path = '{note}'")[0][0]
    note.write_text("Seit 1988 ist Erfurt mit Mainz durch eine Städtepartnerschaft verbunden.", encoding="utf-8")
    summary = runner.run([sample_corpus], db_path, resources=resources)
    assert (summary.n_ok, summary.n_skipped) == (1, 4)
    assert _rows(db_path, f"SELECT count(*) FROM documents WHERE doc_id = '{old_id}'") == [(0,)]
    assert _rows(db_path, f"SELECT count(*) FROM entities WHERE doc_id = '{old_id}'") == [(0,)]
    assert _rows(db_path, "SELECT count(*) FROM documents") == [(5,)]


def test_the_same_content_under_a_new_name_is_not_processed_again(sample_corpus, db_path, resources):
    runner.run([sample_corpus], db_path, resources=resources)
    note = next(sample_corpus.glob("*.txt"))
    shutil.copy(note, sample_corpus / "kopie.txt")
    summary = runner.run([sample_corpus], db_path, resources=resources)
    assert (summary.n_ok, summary.n_skipped) == (0, 6)
    assert _rows(db_path, "SELECT count(*) FROM documents") == [(5,)]
    assert _rows(db_path, "SELECT count(*) FROM sources") == [(6,)]


def test_bad_files_are_recorded_and_the_rest_is_loaded(sample_corpus, db_path, resources):
    (sample_corpus / "leer.txt").write_bytes(b"")
    (sample_corpus / "kaputt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<\n")
    summary = runner.run([sample_corpus], db_path, resources=resources)
    assert (summary.n_ok, summary.n_failed, summary.exit_code) == (5, 2, 1)
    failed = dict(_rows(db_path, "SELECT source_path, error FROM documents WHERE status = 'failed'"))
    assert set(map(os.path.basename, failed)) == {"leer.txt", "kaputt.pdf"}
    assert all(failed.values())
    assert _rows(db_path, "SELECT count(*) FROM entities e JOIN documents d USING (doc_id) "
                          "WHERE d.status = 'failed'") == [(0,)]


def test_discovery_follows_the_ignore_file_and_survives_a_symlink_loop(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("x")
    (tmp_path / "docs" / "b.pdf").write_text("x")
    (tmp_path / "docs" / "labels.jsonl").write_text("{}")
    (tmp_path / "reference").mkdir()
    (tmp_path / "reference" / "a.txt").write_text("x")
    (tmp_path / ".twinningignore").write_text("reference\n")
    (tmp_path / "docs" / "loop").symlink_to(tmp_path / "docs")
    found = [p.relative_to(tmp_path).as_posix() for p in runner.discover_files([tmp_path])]
    assert found == ["docs/a.txt", "docs/b.pdf"]


def test_two_worker_processes_load_the_same_rows_as_one(sample_corpus, tmp_path, resources):
    """The serial run scores with the pair scorer's trees in this process first: workers must not inherit
    its OpenMP threads (forked, they hung)."""
    serial, parallel = tmp_path / "serial.duckdb", tmp_path / "parallel.duckdb"
    runner.run([sample_corpus], serial, resources=resources)
    summary = runner.run([sample_corpus], parallel, settings=resources.settings, jobs=2)
    assert (summary.n_ok, summary.n_failed) == (5, 0)
    query = ("SELECT doc_id, label, start_char, normalized, geonames_id FROM entities "
             "ORDER BY doc_id, start_char, label")
    assert _rows(parallel, query) == _rows(serial, query)
    assert _table_counts(parallel) == _table_counts(serial)


def test_another_language_fails_unless_accepted_and_accepting_it_reprocesses(tmp_path, resources):
    import dataclasses

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "lyon.txt").write_text(
        "La ville de Lyon entretient depuis 1981 un jumelage avec Leipzig. Les échanges de jeunes "
        "et la coopération économique sont au cœur de ce partenariat, selon la mairie. " * 3, encoding="utf-8")
    db_path = tmp_path / "lang.duckdb"
    first = runner.run([folder], db_path, resources=resources)
    assert first.n_failed == 1 and "another language ('fr'" in first.failures[0][1]
    anything = dataclasses.replace(resources, settings=dataclasses.replace(resources.settings, languages=()))
    second = runner.run([folder], db_path, resources=anything)
    assert (second.n_ok, second.n_skipped) == (1, 0)
    assert _rows(db_path, "SELECT status, language FROM documents") == [("ok", "fr")]
