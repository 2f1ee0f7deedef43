"""The `twinning` command line, run as a user would: exit codes, summary, query formats."""

from __future__ import annotations

import json

from click.testing import CliRunner

from pipeline.cli import main


def test_run_then_query_in_every_format(sample_corpus, db_path):
    cli = CliRunner()
    result = cli.invoke(main, ["run", str(sample_corpus), "--db", str(db_path), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "processed ok   5" in result.output and "failed         0" in result.output

    again = cli.invoke(main, ["run", str(sample_corpus), "--db", str(db_path), "--no-progress"])
    assert again.exit_code == 0 and "unchanged      5 (skipped)" in again.output

    sql = "SELECT media_type, count(*) AS n FROM documents GROUP BY media_type ORDER BY media_type"
    table = cli.invoke(main, ["query", sql, "--db", str(db_path)])
    assert table.exit_code == 0
    assert table.output.splitlines()[0].split() == ["media_type", "|", "n"]
    assert "(3 rows)" in table.output
    as_csv = cli.invoke(main, ["query", sql, "--db", str(db_path), "--format", "csv"])
    assert as_csv.output == "media_type,n\nhtml,2\npdf,2\ntext,1\n"
    as_json = cli.invoke(main, ["query", sql, "--db", str(db_path), "--format", "json"])
    assert json.loads(as_json.output)[1] == {"media_type": "pdf", "n": 2}


def test_query_refuses_to_modify(sample_corpus, db_path):
    cli = CliRunner()
    cli.invoke(main, ["run", str(sample_corpus), "--db", str(db_path), "--no-progress"])
    result = cli.invoke(main, ["query", "DELETE FROM documents", "--db", str(db_path)])
    assert result.exit_code == 2
    assert "read-only" in result.output
    count = cli.invoke(main, ["query", "SELECT count(*) AS n FROM documents", "--db", str(db_path), "--format", "csv"])
    assert count.output == "n\n5\n"


def test_a_failed_document_gives_exit_code_1_and_is_listed(sample_corpus, db_path):
    (sample_corpus / "leer.pdf").write_bytes(b"")
    result = CliRunner().invoke(main, ["run", str(sample_corpus), "--db", str(db_path), "--no-progress"])
    assert result.exit_code == 1
    assert "failed         1" in result.output and "leer.pdf" in result.output


def test_usage_errors_give_exit_code_2(tmp_path, db_path):
    cli = CliRunner()
    missing = cli.invoke(main, ["run", str(tmp_path / "nirgends"), "--db", str(db_path)])
    assert missing.exit_code == 2 and "no such file or folder" in missing.output
    threshold = cli.invoke(main, ["run", str(tmp_path), "--db", str(db_path), "--purpose-threshold", "3"])
    assert threshold.exit_code == 2 and "threshold" in threshold.output
    no_db = cli.invoke(main, ["query", "SELECT 1", "--db", str(tmp_path / "none.duckdb")])
    assert no_db.exit_code == 2 and "does not exist" in no_db.output


def test_every_command_has_help_and_is_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert command.help, f"{name} has no --help text"
        assert f"twinning {name}" in readme, f"`twinning {name}` is missing from the README"
