"""The DuckDB contract: schema, atomic per-document replacement, views, read-only queries."""

from __future__ import annotations

import duckdb
import pytest

from pipeline import store
from pipeline.errors import ReadOnlyQueryError
from pipeline.types import Analysis, Document, Mention, Partnership, PurposeScore

CONTRACT = {
    "documents": ["doc_id", "source_path", "media_type", "title", "language", "n_pages", "n_chars", "text",
                  "status", "error", "run_id"],
    "entities": ["doc_id", "label", "text", "start_char", "end_char", "normalized", "geonames_id",
                 "country_code", "role"],
    "partnerships": ["doc_id", "city_a", "city_a_geonames_id", "city_a_country", "city_b", "city_b_geonames_id",
                     "city_b_country", "since_year", "kind", "evidence", "confidence"],
    "purposes": ["doc_id", "purpose", "score", "evidence", "model_version"],
    "runs": ["run_id", "started_at", "finished_at"],
}


def _analysis(doc_id="d1", path="a.txt", year=1973) -> Analysis:
    text = "Leipzig und Krakau sind seit 1973 Partnerstädte."
    return Analysis(
        document=Document(doc_id=doc_id, source_path=path, media_type="text", text=text, language="de"),
        entities=[
            Mention("CITY", "Leipzig", 0, 7, "Leipzig", 2879139, "DE"),
            Mention("CITY", "Krakau", 12, 18, "Kraków", 3094802, "PL"),
            Mention("YEAR", "1973", 29, 33, "1973"),
        ],
        partnerships=[Partnership("Leipzig", "Kraków", "partnership", 2879139, "DE", 3094802, "PL", year, text, 0.95)],
        purposes=[
            PurposeScore("reconciliation", 0.8, [text], "test-model"),
            PurposeScore("economic", 0.1, [], "test-model"),
            PurposeScore("youth_exchange", 0.7, [text], "test-model", city_a="Leipzig", city_b="Kraków"),
        ],
    )


def _counts(con) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "entities", "partnerships", "purposes", "partnership_purposes", "sources")}


def test_schema_has_the_contract_columns(db_path):
    with store.open_database(db_path) as con:
        assert store.schema_version(con) == store.SCHEMA_VERSION
        for table, columns in CONTRACT.items():
            present = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()]
            assert set(columns) <= set(present), (table, set(columns) - set(present))


def test_loading_the_same_document_twice_adds_nothing(db_path):
    with store.open_database(db_path) as con:
        store.load_analysis(con, _analysis(), run_id="r1", pipeline_version="v")
        first = _counts(con)
        store.load_analysis(con, _analysis(), run_id="r2", pipeline_version="v")
        assert _counts(con) == first
        assert first == {"documents": 1, "entities": 3, "partnerships": 1, "purposes": 2,
                         "partnership_purposes": 1, "sources": 1}


def test_a_changed_file_replaces_the_old_document(db_path):
    with store.open_database(db_path) as con:
        store.load_analysis(con, _analysis("old", "a.txt"), run_id="r1", pipeline_version="v")
        store.load_analysis(con, _analysis("new", "a.txt", year=1975), run_id="r2", pipeline_version="v")
        assert con.execute("SELECT doc_id FROM documents").fetchall() == [("new",)]
        assert con.execute("SELECT DISTINCT doc_id FROM entities").fetchall() == [("new",)]
        assert con.execute("SELECT since_year FROM partnerships").fetchall() == [(1975,)]


def test_a_failed_document_has_its_reason_and_no_rows(db_path):
    failed = Analysis(Document("bad", "x.pdf", "pdf", status="failed", error="PDF is encrypted"))
    with store.open_database(db_path) as con:
        store.load_analysis(con, failed, run_id="r1", pipeline_version="v")
        assert con.execute("SELECT status, error FROM documents").fetchall() == [("failed", "PDF is encrypted")]
        assert _counts(con)["entities"] == 0


def test_partnership_facts_merges_both_directions_across_documents(db_path):
    reverse = _analysis("d2", "b.txt", year=1990)
    p = reverse.partnerships[0]
    p.city_a, p.city_b = p.city_b, p.city_a
    p.city_a_geonames_id, p.city_b_geonames_id = p.city_b_geonames_id, p.city_a_geonames_id
    p.city_a_country, p.city_b_country = p.city_b_country, p.city_a_country
    with store.open_database(db_path) as con:
        store.load_analysis(con, _analysis(), run_id="r1", pipeline_version="v")
        store.load_analysis(con, reverse, run_id="r1", pipeline_version="v")
        rows = con.execute(
            "SELECT city_a, city_b, earliest_year, kinds, n_documents, purposes FROM partnership_facts").fetchall()
    assert rows == [("Leipzig", "Kraków", 1973, ["partnership"], 2, ["reconciliation", "youth_exchange"])]


def test_a_failed_transaction_leaves_the_old_rows(db_path):
    broken = _analysis("d1", "a.txt")
    broken.entities.append(Mention("CITY", None, 0, 1))  # NOT NULL violation half-way through
    with store.open_database(db_path) as con:
        store.load_analysis(con, _analysis(), run_id="r1", pipeline_version="v")
        before = _counts(con)
        with pytest.raises(duckdb.ConstraintException):
            store.load_analysis(con, broken, run_id="r2", pipeline_version="v")
        assert _counts(con) == before


def test_query_is_read_only(db_path):
    with store.open_database(db_path) as con:
        store.load_analysis(con, _analysis(), run_id="r1", pipeline_version="v")
    columns, rows = store.run_query(db_path, "SELECT city_b, since_year FROM partnerships")
    assert (columns, rows) == (["city_b", "since_year"], [("Kraków", 1973)])
    with pytest.raises(ReadOnlyQueryError, match="read-only"):
        store.run_query(db_path, "DELETE FROM documents")
    assert store.run_query(db_path, "SELECT count(*) FROM documents")[1] == [(1,)]
