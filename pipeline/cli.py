"""The ``twinning`` command line: thin commands that parse, call the library, report.

Exit codes (DESIGN.md): 0 all documents processed, 1 some documents failed
(the others are loaded and the failures recorded), 2 usage or configuration
error. Library errors become ``Error: ...`` messages, never tracebacks.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import sys
from pathlib import Path

import click

from pipeline import runner, stages, store
from pipeline.errors import ConfigError, DatabaseBusyError, ModelError, PipelineError, ReadOnlyQueryError

DEFAULT_DB = "outputs/twinning.duckdb"


class UsageError(click.ClickException):
    """A configuration problem: exit code 2, as DESIGN.md asks."""

    exit_code = 2


def _reported(function):
    """Turn the library's errors into one-line messages with the right exit code."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except (ConfigError, ModelError, FileNotFoundError, DatabaseBusyError, ReadOnlyQueryError) as error:
            raise UsageError(str(error)) from error
        except PipelineError as error:
            raise click.ClickException(str(error)) from error

    return wrapper


_pair_model_option = click.option(
    "--pair-model", default=str(runner.DEFAULT_PAIR_MODEL), show_default="models/pairs",
    help="Folder of the partnerships stage's pair scorer, or 'none' for the rules alone.")


def _settings_options(function):
    """Options shared by every command that runs pipeline stages."""
    options = [
        click.option("--ner-model", default=str(runner.DEFAULT_NER_MODEL), show_default="models/ner",
                     help="spaCy pipeline: a folder, or an installed package such as de_core_news_lg."),
        click.option("--purpose-model", default=str(runner.DEFAULT_PURPOSE_MODEL), show_default="models/purpose",
                     type=click.Path(file_okay=False), help="Folder of the purpose classifier."),
        _pair_model_option,
        click.option("--purpose-threshold", default=0.5, show_default=True, type=float,
                     help="Score from which a purpose counts as stated."),
        click.option("--max-bytes", default=50_000_000, show_default=True, type=int,
                     help="Files larger than this are recorded as failed."),
        click.option("--max-pages", default=2000, show_default=True, type=int,
                     help="PDFs with more pages are recorded as failed."),
        click.option("--timeout", "timeout_seconds", default=300.0, show_default=True, type=float,
                     help="Seconds one document may take before it is recorded as failed."),
        click.option("--language", "languages", multiple=True, default=("de",), show_default=True,
                     help="Accept documents detected in this language (repeatable; 'any' accepts all). "
                          "Others are recorded as failed: the models are German."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _settings(**kwargs) -> runner.Settings:
    return runner.Settings(
        ner_model=kwargs["ner_model"], purpose_model=kwargs["purpose_model"], pair_model=kwargs["pair_model"],
        purpose_threshold=kwargs["purpose_threshold"], max_bytes=kwargs["max_bytes"],
        max_pages=kwargs["max_pages"], timeout_seconds=kwargs["timeout_seconds"],
        languages=() if "any" in kwargs["languages"] else tuple(kwargs["languages"]),
    )


_db_option = click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
                          type=click.Path(dir_okay=False), help="DuckDB file to write.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="twinning-miner")
def main() -> None:
    """Mine German documents about town twinning (Städtepartnerschaften) into DuckDB.

    Typical use: `twinning run my_documents/` then
    `twinning query "SELECT * FROM partnership_facts"`.
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@_db_option
@_settings_options
@click.option("--force", is_flag=True, help="Process every document again, even if unchanged.")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes for extraction and analysis.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("--wait", "wait_seconds", default=0.0, show_default=True, type=float,
              help="Seconds to wait when another run is writing to the same database (default: fail at once).")
@_reported
def run(paths, db_path, force, jobs, progress, wait_seconds, **settings_kwargs):
    """Run the whole pipeline over PDF, HTML and text files and folders.

    PATHS default to corpus/. Documents already loaded unchanged are skipped;
    a changed file replaces its old rows. Example:

        twinning run corpus/ --db outputs/twinning.duckdb
    """
    settings = _settings(**settings_kwargs)
    paths = paths or ("corpus",)
    show_progress = sys.stderr.isatty() if progress is None else progress
    summary = runner.run(paths, db_path, settings=settings, force=force, jobs=jobs, wait_seconds=wait_seconds,
                         progress=_progress_bar if show_progress else None)
    _print_summary(summary)
    sys.exit(summary.exit_code)


def _progress_bar(items, total):
    from tqdm import tqdm

    return tqdm(items, total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)


def _print_summary(summary: runner.RunSummary) -> None:
    columns, rows = store.run_query(
        summary.db_path,
        "SELECT (SELECT count(*) FROM documents WHERE status = 'ok'), (SELECT count(*) FROM entities), "
        "(SELECT count(*) FROM partnerships), (SELECT count(*) FROM stated_purposes)",
    )
    total_docs, n_entities, n_partnerships, n_purposes = rows[0]
    click.echo(f"Run {summary.run_id} finished in {summary.seconds:.1f} s → {summary.db_path}")
    click.echo(f"  processed ok   {summary.n_ok}")
    click.echo(f"  failed         {summary.n_failed}")
    click.echo(f"  unchanged      {summary.n_skipped} (skipped)")
    click.echo(f"  database now   {total_docs} documents, {n_entities} entities, "
               f"{n_partnerships} partnerships, {n_purposes} stated purposes")
    if summary.failures:
        click.echo("Failed documents (recorded with status 'failed'):")
        for path, reason in summary.failures:
            click.echo(f"  {path}: {reason}")


# --- single stages, for dvc.yaml ---------------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--out", "out_dir", default="outputs/extracted", show_default=True, type=click.Path(file_okay=False),
              help="Folder for one JSON file per document.")
@_settings_options
@_reported
def extract(paths, out_dir, **settings_kwargs):
    """Extract clean text from files and folders (default corpus/) into JSON files."""
    n_ok, n_failed = stages.extract_stage(paths or ("corpus",), Path(out_dir), _settings(**settings_kwargs))
    click.echo(f"extracted {n_ok} documents, {n_failed} failed → {out_dir}")
    sys.exit(1 if n_failed else 0)


@main.command()
@click.option("--in", "in_dir", default="outputs/extracted", show_default=True, type=click.Path(file_okay=False))
@click.option("--out", "out_dir", default="outputs/entities", show_default=True, type=click.Path(file_okay=False))
@click.option("--ner-model", default=str(runner.DEFAULT_NER_MODEL), show_default="models/ner",
              help="spaCy pipeline: a folder, or an installed package such as de_core_news_lg.")
@_reported
def ner(in_dir, out_dir, ner_model):
    """Find cities (linked to GeoNames), people, organisations and years."""
    from pipeline.cities import Gazetteer
    from pipeline.ner import find_entities, load_nlp

    nlp, gazetteer = load_nlp(ner_model), Gazetteer.load()

    def step(analysis):
        with nlp.memory_zone():
            analysis.entities = find_entities(analysis.document.text, nlp, gazetteer)
        return analysis

    count = stages.transform_stage(Path(in_dir), Path(out_dir), step)
    click.echo(f"entities for {count} documents → {out_dir}")


@main.command()
@click.option("--in", "in_dir", default="outputs/entities", show_default=True, type=click.Path(file_okay=False))
@click.option("--out", "out_dir", default="outputs/partnerships", show_default=True, type=click.Path(file_okay=False))
@_pair_model_option
@_reported
def partnerships(in_dir, out_dir, pair_model):
    """Find which city is partnered with which, since when and of what kind."""
    from pipeline.cities import Gazetteer
    from pipeline.partnerships import find_partnerships

    gazetteer, scorer = Gazetteer.load(), runner.load_pair_scorer(pair_model)

    def step(analysis):
        analysis.partnerships = find_partnerships(analysis.document, analysis.entities, gazetteer, scorer)
        return analysis

    count = stages.transform_stage(Path(in_dir), Path(out_dir), step)
    click.echo(f"partnerships for {count} documents → {out_dir}")


@main.command()
@click.option("--in", "in_dir", default="outputs/partnerships", show_default=True, type=click.Path(file_okay=False))
@click.option("--out", "out_dir", default="outputs/analyses", show_default=True, type=click.Path(file_okay=False))
@click.option("--purpose-model", default=str(runner.DEFAULT_PURPOSE_MODEL), show_default="models/purpose",
              type=click.Path(file_okay=False))
@click.option("--purpose-threshold", default=0.5, show_default=True, type=float)
@_reported
def classify(in_dir, out_dir, purpose_model, purpose_threshold):
    """Score the purposes each document states (reconciliation, economic, ...)."""
    from pipeline.purposes import PurposeClassifier, classify_purposes

    runner.Settings(purpose_threshold=purpose_threshold)  # validates the threshold
    classifier = PurposeClassifier.load(Path(purpose_model))

    def step(analysis):
        analysis.purposes = classify_purposes(
            analysis.document, analysis.partnerships, classifier, threshold=purpose_threshold
        )
        return analysis

    count = stages.transform_stage(Path(in_dir), Path(out_dir), step)
    click.echo(f"purposes for {count} documents → {out_dir}")


@main.command()
@click.option("--in", "in_dir", default="outputs/analyses", show_default=True, type=click.Path(file_okay=False))
@_db_option
@_settings_options
@_reported
def load(in_dir, db_path, **settings_kwargs):
    """Load the analysed documents of a stage folder into DuckDB, replacing old rows."""
    n_ok, n_failed = stages.load_stage(Path(in_dir), Path(db_path), _settings(**settings_kwargs))
    click.echo(f"loaded {n_ok} documents ok, {n_failed} failed → {db_path}")
    sys.exit(1 if n_failed else 0)


# --- querying ----------------------------------------------------------------------------------


@main.command()
@click.argument("sql")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
@_reported
def query(sql, db_path, output_format):
    """Run one read-only SQL query against the database.

    Example: twinning query "SELECT city_a, city_b, earliest_year FROM partnership_facts"
    """
    columns, rows = store.run_query(db_path, sql)
    click.echo(format_rows(columns, rows, output_format), nl=False)


def format_rows(columns: list[str], rows: list[tuple], output_format: str) -> str:
    """Render query results as an aligned table, CSV or JSON."""
    if output_format == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, default=str, indent=1) + "\n"
    if output_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue()
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(columns, widths)), "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(v[:w].ljust(w) for v, w in zip(row, widths)) for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cell(value) -> str:
    if value is None:
        return "NULL"
    return str(value).replace("\n", " ⏎ ")


# --- models: training and evaluation -----------------------------------------------------------

DEFAULT_NER_DATA = "../shared/data/ner"
DEFAULT_PURPOSE_DATA = "corpus/purposes/passages.jsonl"
DEFAULT_GOLD = "corpus/gold"


def _write_json(result: dict, path: str | None) -> None:
    """Write a result dict for `dvc metrics` (stable key order)."""
    if path:
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(result, ensure_ascii=False, sort_keys=True, indent=2, default=str) + "\n",
                          encoding="utf-8")


def _existing_dir(path: str, what: str) -> Path:
    folder = Path(path)
    if not folder.is_dir():
        raise ConfigError(f"{what} not found at {folder}; pass its location with --data")
    return folder


@main.command("train-ner")
@click.option("--data", "data_dir", default=DEFAULT_NER_DATA, show_default=True, type=click.Path(file_okay=False),
              help="Folder of the German NER corpora (germeval2014/, german_ler/, mobie/, ...).")
@click.option("--out", "out_dir", default=str(runner.DEFAULT_NER_MODEL), show_default="models/ner",
              type=click.Path(file_okay=False))
@click.option("--config", "config_path", default="configs/ner.cfg", show_default=True, type=click.Path(dir_okay=False))
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--max-steps", default=None, type=int, help="Stop training after this many steps (default: the config's).")
@click.option("--finetune-steps", default=0, show_default=True, type=click.IntRange(min=0),
              help="Steps of the mixed fine-tune (stage 2, configs/ner_finetune.cfg next to --config); "
                   "0 = off. Shipped only if it passes the dev rule (see models/ner/README.md).")
@click.option("--finetune-share", default=0.3, show_default=True, type=click.FloatRange(0.0, 1.0, min_open=True),
              help="Share of the non-GermEval training docs in the stage-2 data.")
@click.option("--metrics", "metrics_path", default=None, type=click.Path(dir_okay=False),
              help="Also write the model's metrics (dev and GermEval test figures) as JSON here.")
@_reported
def train_ner(data_dir, out_dir, config_path, seed, max_steps, finetune_steps, finetune_share, metrics_path):
    """Retrain the German NER pipeline with `spacy train` and ship it with its model card.

    Runs for about an hour on one CPU core. Example:

        twinning train-ner --data ../shared/data/ner --out models/ner
    """
    from pipeline.ner_training import train_ner as train

    shipped = train(_existing_dir(data_dir, "NER corpora"), Path(out_dir), config=Path(config_path), seed=seed,
                    max_steps=max_steps, finetune_steps=finetune_steps, finetune_share=finetune_share)
    click.echo(f"NER pipeline written to {shipped}; see {shipped / 'README.md'} and {shipped / 'metrics.json'}")
    _write_json(json.loads((Path(shipped) / "metrics.json").read_text(encoding="utf-8")), metrics_path)


@main.command("train-classifier")
@click.option("--task", type=click.Choice(["purposes", "partnerships"]), default="purposes", show_default=True,
              help="purposes: the purpose classifier; partnerships: the pair scorer of the partnerships stage.")
@click.option("--data", "data_path", default=None,
              help="purposes: labelled passages (JSONL, default corpus/purposes/passages.jsonl); partnerships: "
                   "the gold folder (default corpus/gold). See the README.md beside each.")
@click.option("--out", "out_dir", default=None, type=click.Path(file_okay=False),
              help="Model folder to write (default models/purpose or models/pairs).")
@click.option("--ner-model", default=str(runner.DEFAULT_NER_MODEL), show_default="models/ner",
              help="partnerships: the NER that reads the gold documents.")
@click.option("--threshold", default=0.5, show_default=True, type=click.FloatRange(0.0, 1.0),
              help="partnerships: probability from which a pair counts as stated.")
@click.option("--C", "c_value", default=4.0, show_default=True, type=float, help="Inverse regularisation strength.")
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--calibration", type=click.Choice(["sigmoid", "isotonic"]), default="sigmoid", show_default=True)
@click.option("--cv", default=5, show_default=True, type=click.IntRange(2, 20), help="Calibration folds.")
@click.option("--metrics", "metrics_path", default=None, type=click.Path(dir_okay=False),
              help="Also write the held-out metrics as JSON here.")
@_reported
def train_classifier(task, data_path, out_dir, ner_model, threshold, c_value, seed, calibration, cv, metrics_path):
    """Retrain a classifier and print its held-out figures next to the old model's.

    Examples:

        twinning train-classifier --C 2.0
        twinning train-classifier --task partnerships
    """
    if task == "partnerships":
        from pipeline.cities import Gazetteer
        from pipeline.ner import load_nlp
        from pipeline.pair_scorer import format_training_report, train_pair_scorer

        gold = _existing_dir(data_path or DEFAULT_GOLD, "gold partnerships")
        meta = train_pair_scorer(gold, Path(out_dir or runner.DEFAULT_PAIR_MODEL), load_nlp(ner_model),
                                 Gazetteer.load(), seed=seed, threshold=threshold)
        click.echo(format_training_report(meta))
        _write_json({"leave_writer_out": meta["leave_writer_out"], "held_out": meta["held_out"]}, metrics_path)
        return
    from pipeline.purposes import format_purpose_report, train_classifier as train

    data_path = data_path or DEFAULT_PURPOSE_DATA
    if not Path(data_path).is_file():
        raise ConfigError(f"labelled data not found at {data_path}; pass --data")
    result = train(Path(data_path), Path(out_dir or runner.DEFAULT_PURPOSE_MODEL), C=c_value, seed=seed,
                   calibration=calibration, cv=cv)
    click.echo(format_purpose_report(result))
    _write_json(result.get("metrics", {}), metrics_path)


@main.command()
@click.option("--task", type=click.Choice(["ner", "partnerships", "purposes"]), required=True)
@click.option("--data", "data_path", default=None,
              help="Labelled data: the GermEval 2014 test TSV (ner, default ../shared/data/ner/germeval2014/"
                   "NER-de-test.tsv), the gold folder (partnerships, default corpus/gold) or the passages "
                   "JSONL (purposes, default corpus/purposes/passages.jsonl).")
@click.option("--split", default="test", show_default=True, help="Which split of the gold data to score; "
              "partnerships also take several, comma-separated (dev,test), or all.")
@click.option("--ner-model", default=str(runner.DEFAULT_NER_MODEL), show_default="models/ner")
@click.option("--purpose-model", default=str(runner.DEFAULT_PURPOSE_MODEL), show_default="models/purpose",
              type=click.Path(file_okay=False))
@_pair_model_option
@click.option("--with-rules", is_flag=True,
              help="ner: score the whole entity stage (model + gazetteer and person rules), not the model alone.")
@click.option("--documents", "documents_path", default=None, type=click.Path(dir_okay=False),
              help="purposes: labelled whole documents, every split of it scored (default: documents.jsonl "
                   "beside the passages; see corpus/purposes/README.md).")
@click.option("--metrics", "metrics_path", default=None, type=click.Path(dir_okay=False),
              help="Also write the figures as JSON here (for `dvc metrics`).")
@_reported
def evaluate(task, data_path, split, ner_model, purpose_model, pair_model, with_rules, documents_path, metrics_path):
    """Score the current models on held-out labelled data and print precision, recall and F1.

    Examples:

        twinning evaluate --task ner
        twinning evaluate --task ner --with-rules
        twinning evaluate --task partnerships --split test
        twinning evaluate --task partnerships --split test --pair-model none
        twinning evaluate --task purposes
        twinning evaluate --task purposes --documents corpus/gold/test4_purposes.jsonl
    """
    if task == "ner":
        from pipeline.ner_training import evaluate_ner, format_ner_report

        tsv = Path(data_path or f"{DEFAULT_NER_DATA}/germeval2014/NER-de-{split}.tsv")
        if not tsv.is_file():
            raise ConfigError(f"GermEval 2014 file not found at {tsv}; pass --data PATH/NER-de-test.tsv")
        result = evaluate_ner(ner_model, tsv, with_rules=with_rules)
        report = format_ner_report(result)
    elif task == "partnerships":
        from pipeline.cities import Gazetteer
        from pipeline.ner import load_nlp
        from pipeline.partnerships import evaluate_partnerships, format_partnership_report

        gold = _existing_dir(data_path or DEFAULT_GOLD, "gold partnerships")
        result = evaluate_partnerships(gold, load_nlp(ner_model), Gazetteer.load(), split=split,
                                       scorer=runner.load_pair_scorer(pair_model))
        report = format_partnership_report(result)
    else:
        from pipeline.purposes import evaluate_purposes, format_purpose_report

        passages = Path(data_path or DEFAULT_PURPOSE_DATA)
        if not passages.is_file():
            raise ConfigError(f"labelled passages not found at {passages}; pass --data")
        result = evaluate_purposes(passages, Path(purpose_model), split,
                                   documents_path=Path(documents_path or passages.parent / "documents.jsonl"))
        report = format_purpose_report(result)
    click.echo(report)
    _write_json(result, metrics_path)
