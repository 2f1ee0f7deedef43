"""The DuckDB contract: schema, views, and atomic per-document loading.

This module is the only place that knows SQL DDL. Analysts query the tables
of ``DESIGN.md`` (documents, entities, partnerships, purposes, runs) and the
views defined here; the schema carries a version and is changed only through
numbered migrations applied inside a transaction.

Writing is per document and atomic: a document's rows in every table are
replaced in one transaction, so a run killed at any point leaves each
document either fully loaded or absent, and re-running adds no duplicates.
"""

from __future__ import annotations

import datetime as _dt
import json
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline.errors import DatabaseBusyError, ReadOnlyQueryError
from pipeline.types import Analysis

SCHEMA_VERSION = 1

# Each migration: (version, description, statements). Append, never edit.
_MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "tables of DESIGN.md, sources, partnership_purposes, views",
        [
            """
            CREATE TABLE documents (
                doc_id           VARCHAR PRIMARY KEY,
                source_path      VARCHAR NOT NULL,
                media_type       VARCHAR,
                title            VARCHAR,
                language         VARCHAR,
                n_pages          INTEGER,
                n_chars          INTEGER,
                text             VARCHAR,
                status           VARCHAR NOT NULL CHECK (status IN ('ok', 'failed')),
                error            VARCHAR,
                run_id           VARCHAR,
                published        VARCHAR,
                pipeline_version VARCHAR,
                loaded_at        TIMESTAMP
            )
            """,
            """
            CREATE TABLE sources (
                source_path VARCHAR PRIMARY KEY,
                doc_id      VARCHAR NOT NULL,
                size_bytes  BIGINT,
                mtime_ns    BIGINT,
                run_id      VARCHAR
            )
            """,
            """
            CREATE TABLE entities (
                doc_id       VARCHAR NOT NULL,
                label        VARCHAR NOT NULL,
                text         VARCHAR NOT NULL,
                start_char   INTEGER NOT NULL,
                end_char     INTEGER NOT NULL,
                normalized   VARCHAR,
                geonames_id  BIGINT,
                country_code VARCHAR,
                role         VARCHAR
            )
            """,
            """
            CREATE TABLE partnerships (
                doc_id             VARCHAR NOT NULL,
                city_a             VARCHAR NOT NULL,
                city_a_geonames_id BIGINT,
                city_a_country     VARCHAR,
                city_b             VARCHAR NOT NULL,
                city_b_geonames_id BIGINT,
                city_b_country     VARCHAR,
                since_year         INTEGER,
                kind               VARCHAR NOT NULL,
                evidence           VARCHAR,
                confidence         DOUBLE
            )
            """,
            """
            CREATE TABLE purposes (
                doc_id        VARCHAR NOT NULL,
                purpose       VARCHAR NOT NULL,
                score         DOUBLE NOT NULL,
                evidence      VARCHAR,
                model_version VARCHAR
            )
            """,
            """
            CREATE TABLE partnership_purposes (
                doc_id        VARCHAR NOT NULL,
                city_a        VARCHAR NOT NULL,
                city_b        VARCHAR NOT NULL,
                purpose       VARCHAR NOT NULL,
                score         DOUBLE NOT NULL,
                evidence      VARCHAR,
                model_version VARCHAR
            )
            """,
            """
            CREATE TABLE runs (
                run_id           VARCHAR PRIMARY KEY,
                started_at       TIMESTAMP NOT NULL,
                finished_at      TIMESTAMP,
                status           VARCHAR NOT NULL,
                code_version     VARCHAR,
                ner_model        VARCHAR,
                purpose_model    VARCHAR,
                pipeline_version VARCHAR,
                inputs           VARCHAR,
                n_ok             INTEGER,
                n_failed         INTEGER,
                n_skipped        INTEGER
            )
            """,
            # One row per unordered pair of cities over all documents. The pair
            # is keyed by GeoNames id when both sides are linked, else by name,
            # and ordered so that (Leipzig, Kraków) and (Kraków, Leipzig) meet.
            """
            CREATE VIEW partnership_facts AS
            WITH keyed AS (
                SELECT p.*,
                       coalesce(CAST(city_a_geonames_id AS VARCHAR), lower(city_a)) AS key_a,
                       coalesce(CAST(city_b_geonames_id AS VARCHAR), lower(city_b)) AS key_b
                FROM partnerships p
            ), ordered AS (
                SELECT doc_id, since_year, kind, confidence,
                       CASE WHEN key_a <= key_b THEN city_a ELSE city_b END AS city_1,
                       CASE WHEN key_a <= key_b THEN city_a_geonames_id ELSE city_b_geonames_id END AS city_1_geonames_id,
                       CASE WHEN key_a <= key_b THEN city_a_country ELSE city_b_country END AS city_1_country,
                       CASE WHEN key_a <= key_b THEN city_b ELSE city_a END AS city_2,
                       CASE WHEN key_a <= key_b THEN city_b_geonames_id ELSE city_a_geonames_id END AS city_2_geonames_id,
                       CASE WHEN key_a <= key_b THEN city_b_country ELSE city_a_country END AS city_2_country,
                       least(key_a, key_b) AS key_1, greatest(key_a, key_b) AS key_2
                FROM keyed
            ), pair_purposes AS (
                SELECT o.key_1, o.key_2, pu.purpose
                FROM ordered o JOIN purposes pu ON pu.doc_id = o.doc_id AND pu.score >= 0.5
                UNION
                SELECT o.key_1, o.key_2, pp.purpose
                FROM ordered o JOIN partnership_purposes pp
                  ON pp.doc_id = o.doc_id AND pp.score >= 0.5
                 AND ((pp.city_a = o.city_1 AND pp.city_b = o.city_2)
                   OR (pp.city_a = o.city_2 AND pp.city_b = o.city_1))
            )
            SELECT any_value(o.city_1) AS city_a,
                   any_value(o.city_1_geonames_id) AS city_a_geonames_id,
                   any_value(o.city_1_country) AS city_a_country,
                   any_value(o.city_2) AS city_b,
                   any_value(o.city_2_geonames_id) AS city_b_geonames_id,
                   any_value(o.city_2_country) AS city_b_country,
                   min(o.since_year) AS earliest_year,
                   list_sort(list_distinct(list(o.kind))) AS kinds,
                   count(DISTINCT o.doc_id) AS n_documents,
                   max(o.confidence) AS max_confidence,
                   (SELECT list_sort(list(DISTINCT pp.purpose)) FROM pair_purposes pp
                     WHERE pp.key_1 = o.key_1 AND pp.key_2 = o.key_2) AS purposes
            FROM ordered o
            GROUP BY o.key_1, o.key_2
            """,
            # Purposes a document states (score >= 0.5), for quick filtering.
            """
            CREATE VIEW stated_purposes AS
            SELECT doc_id, purpose, score, evidence, model_version
            FROM purposes WHERE score >= 0.5
            """,
        ],
    ),
]

_DOC_TABLES = ("entities", "partnerships", "purposes", "partnership_purposes")
_BUSY_MARKERS = ("Could not set lock", "Conflicting lock", "database is locked", "lock on file")


@dataclass(frozen=True)
class LoadedSource:
    """What the database knows of one input path: enough to skip it cheaply."""

    doc_id: str
    size_bytes: int | None
    mtime_ns: int | None
    pipeline_version: str | None
    status: str | None


def _is_busy(error: Exception) -> bool:
    message = str(error)
    return any(marker in message for marker in _BUSY_MARKERS)


def connect(db_path: str | Path, *, read_only: bool = False, wait_seconds: float = 10.0) -> duckdb.DuckDBPyConnection:
    """Open the database, waiting up to ``wait_seconds`` while another process holds it.

    DuckDB lets one process write, or several read, a file at a time. A writer
    that keeps its connection short (see ``runner``) leaves room for readers;
    when the file stays locked we fail with a message that says so.
    """
    db_path = Path(db_path)
    if read_only and not db_path.exists():
        raise FileNotFoundError(f"database {db_path} does not exist; run `twinning run` first")
    deadline = time.monotonic() + wait_seconds
    delay = 0.05
    while True:
        try:
            if not read_only:
                db_path.parent.mkdir(parents=True, exist_ok=True)
            return duckdb.connect(str(db_path), read_only=read_only)
        except duckdb.IOException as error:
            if not _is_busy(error):
                raise
            if time.monotonic() >= deadline:
                raise DatabaseBusyError(
                    f"database {db_path} is locked by another process (a running `twinning run`?); "
                    f"waited {wait_seconds:.0f}s. Try again when it has finished."
                ) from error
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version recorded in the database (0 for an empty file)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()[0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the schema up to ``SCHEMA_VERSION``, one transaction per migration."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)"
    )
    current = schema_version(con)
    if current > SCHEMA_VERSION:
        raise RuntimeError(
            f"database schema version {current} is newer than this program's ({SCHEMA_VERSION}); "
            "upgrade twinning-miner"
        )
    for version, description, statements in _MIGRATIONS:
        if version <= current:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in statements:
                con.execute(statement)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                [version, description, _now()],
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION


@contextmanager
def open_database(db_path: str | Path, *, wait_seconds: float = 10.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writable connection with the schema in place; closed on exit."""
    con = connect(db_path, wait_seconds=wait_seconds)
    try:
        migrate(con)
        yield con
    finally:
        con.close()


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)


def loaded_sources(con: duckdb.DuckDBPyConnection) -> dict[str, LoadedSource]:
    """Every known input path with its document's id, file stamp and status."""
    rows = con.execute(
        """
        SELECT s.source_path, s.doc_id, s.size_bytes, s.mtime_ns, d.pipeline_version, d.status
        FROM sources s LEFT JOIN documents d USING (doc_id)
        """
    ).fetchall()
    return {row[0]: LoadedSource(*row[1:]) for row in rows}


def loaded_documents(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str]]:
    """doc_id → (status, pipeline_version) of every document in the database."""
    rows = con.execute("SELECT doc_id, status, pipeline_version FROM documents").fetchall()
    return {doc_id: (status, version) for doc_id, status, version in rows}


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, *, inputs: Iterable[str], versions: dict[str, str]) -> None:
    """Record a new run; runs left unfinished by a killed process are marked interrupted."""
    con.execute("UPDATE runs SET status = 'interrupted' WHERE finished_at IS NULL AND status = 'running'")
    con.execute(
        "INSERT INTO runs (run_id, started_at, status, code_version, ner_model, purpose_model, "
        "pipeline_version, inputs) VALUES (?, ?, 'running', ?, ?, ?, ?, ?)",
        [
            run_id,
            _now(),
            versions.get("code"),
            versions.get("ner_model"),
            versions.get("purpose_model"),
            versions.get("pipeline"),
            json.dumps(list(inputs), ensure_ascii=False),
        ],
    )


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, *, n_ok: int, n_failed: int, n_skipped: int) -> None:
    """Close the run's record with its counts."""
    status = "ok" if n_failed == 0 else "partial"
    con.execute(
        "UPDATE runs SET finished_at = ?, status = ?, n_ok = ?, n_failed = ?, n_skipped = ? WHERE run_id = ?",
        [_now(), status, n_ok, n_failed, n_skipped, run_id],
    )


def record_source(
    con: duckdb.DuckDBPyConnection, source_path: str, doc_id: str, *, size_bytes: int | None,
    mtime_ns: int | None, run_id: str,
) -> None:
    """Point an input path at a document that is already loaded (same content, new path or stamp)."""
    con.execute("BEGIN TRANSACTION")
    try:
        old = con.execute("SELECT doc_id FROM sources WHERE source_path = ?", [source_path]).fetchone()
        _upsert_source(con, source_path, doc_id, size_bytes, mtime_ns, run_id)
        if old and old[0] != doc_id:
            _drop_orphan(con, old[0])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def load_analysis(
    con: duckdb.DuckDBPyConnection,
    analysis: Analysis,
    *,
    run_id: str,
    pipeline_version: str,
    size_bytes: int | None = None,
    mtime_ns: int | None = None,
) -> None:
    """Replace everything stored for this document (and its path's old version) in one transaction."""
    doc = analysis.document
    con.execute("BEGIN TRANSACTION")
    try:
        old = con.execute("SELECT doc_id FROM sources WHERE source_path = ?", [doc.source_path]).fetchone()
        _delete_document(con, doc.doc_id)
        con.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                doc.doc_id, doc.source_path, doc.media_type, doc.title, doc.language, doc.n_pages,
                doc.n_chars, doc.text, doc.status, doc.error, run_id, doc.published,
                pipeline_version, _now(),
            ],
        )
        if doc.status == "ok":
            _insert_rows(con, analysis)
        _upsert_source(con, doc.source_path, doc.doc_id, size_bytes, mtime_ns, run_id)
        if old and old[0] != doc.doc_id:
            _drop_orphan(con, old[0])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _insert_rows(con: duckdb.DuckDBPyConnection, analysis: Analysis) -> None:
    doc_id = analysis.document.doc_id
    if analysis.entities:
        con.executemany(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                [doc_id, m.label, m.text, m.start_char, m.end_char, m.normalized, m.geonames_id,
                 m.country_code, m.role]
                for m in analysis.entities
            ],
        )
    if analysis.partnerships:
        con.executemany(
            "INSERT INTO partnerships VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                [doc_id, p.city_a, p.city_a_geonames_id, p.city_a_country, p.city_b,
                 p.city_b_geonames_id, p.city_b_country, p.since_year, p.kind, p.evidence, p.confidence]
                for p in analysis.partnerships
            ],
        )
    document_level = [s for s in analysis.purposes if s.city_a is None]
    pair_level = [s for s in analysis.purposes if s.city_a is not None]
    if document_level:
        con.executemany(
            "INSERT INTO purposes VALUES (?, ?, ?, ?, ?)",
            [[doc_id, s.purpose, s.score, "\n".join(s.evidence), s.model_version] for s in document_level],
        )
    if pair_level:
        con.executemany(
            "INSERT INTO partnership_purposes VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                [doc_id, s.city_a, s.city_b, s.purpose, s.score, "\n".join(s.evidence), s.model_version]
                for s in pair_level
            ],
        )


def _upsert_source(con, source_path, doc_id, size_bytes, mtime_ns, run_id) -> None:
    con.execute("DELETE FROM sources WHERE source_path = ?", [source_path])
    con.execute(
        "INSERT INTO sources VALUES (?, ?, ?, ?, ?)", [source_path, doc_id, size_bytes, mtime_ns, run_id]
    )


def _delete_document(con, doc_id: str) -> None:
    for table in _DOC_TABLES:
        con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
    con.execute("DELETE FROM documents WHERE doc_id = ?", [doc_id])


def _drop_orphan(con, doc_id: str) -> None:
    """Delete a document no input path points to any more (its file changed or went away)."""
    still_used = con.execute("SELECT count(*) FROM sources WHERE doc_id = ?", [doc_id]).fetchone()[0]
    if not still_used:
        _delete_document(con, doc_id)


# --- read-only queries -------------------------------------------------------------------------



def run_query(db_path: str | Path, sql: str, *, wait_seconds: float = 10.0) -> tuple[list[str], list[tuple]]:
    """Run one SQL statement on a read-only connection; return column names and rows.

    The connection itself is read-only, so DuckDB refuses any write; we turn
    its error into a message that says why.
    """
    con = connect(db_path, read_only=True, wait_seconds=wait_seconds)
    try:
        try:
            cursor = con.execute(sql)
        except (duckdb.InvalidInputException, duckdb.PermissionException) as error:
            if "read-only" in str(error).lower() or "read only" in str(error).lower():
                raise ReadOnlyQueryError(
                    "the query tries to modify the database; `twinning query` is read-only "
                    f"({str(error).splitlines()[0]})"
                ) from error
            raise
        if cursor.description is None:
            return [], []
        columns = [d[0] for d in cursor.description]
        return columns, cursor.fetchall()
    finally:
        con.close()
