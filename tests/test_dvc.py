"""The DVC pipelines: dvc.yaml (everyday) and train/dvc.yaml (retraining).

Fast tests read the YAML files; the slow ones copy the repository as a fresh
clone would see it and run `dvc repro` / `dvc exp run` there. The NER training
stage never runs here (it takes an hour).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import yaml

from pipeline.runner import Settings

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DVC = BIN / "dvc"
EVERYDAY = ["extract", "ner", "partnerships", "purposes", "load"]
TRAINING = ["train_classifier", "evaluate_purposes", "train_ner", "evaluate_ner", "train_pairs", "evaluate_partnerships"]
# Columns that differ between two runs over the same input by design.
RUN_COLUMNS = re.compile(r"run_id$|_at$")

needs_dvc = pytest.mark.skipif(not DVC.exists(), reason="dvc is not installed (pip install -e '.[dev]')")


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _stages(pipeline_file: str) -> dict:
    return _yaml(REPO / pipeline_file)["stages"]


def _commands(stage: dict) -> list[str]:
    return stage["cmd"] if isinstance(stage["cmd"], list) else [stage["cmd"]]


def _entries(items: list) -> list[str]:
    """Names of deps/outs/params entries, whether plain strings or one-key mappings."""
    names = []
    for item in items or []:
        names.extend(item if isinstance(item, dict) else [item])
    return names


def _lookup(params: dict, key: str):
    value = params
    for part in key.split("."):
        value = value[part]
    return value


# --- fast: the files themselves ---------------------------------------------------------------


def test_everyday_and_training_stages_are_in_separate_files():
    assert list(_stages("dvc.yaml")) == EVERYDAY
    assert list(_stages("train/dvc.yaml")) == TRAINING
    assert all(stage["wdir"] == ".." for stage in _stages("train/dvc.yaml").values())


@pytest.mark.parametrize("pipeline_file", ["dvc.yaml", "train/dvc.yaml"])
def test_each_stage_calls_twinning_and_names_exactly_the_params_it_reads(pipeline_file):
    params = _yaml(REPO / "params.yaml")
    for name, stage in _stages(pipeline_file).items():
        commands = _commands(stage)
        assert commands[0].startswith("twinning "), name
        used = {key for command in commands for key in re.findall(r"\$\{([^}]+)\}", command)}
        paths = " ".join(_entries(stage.get("deps")) + _entries(stage.get("outs")))
        declared = set(_entries(stage.get("params")))
        for key in used:
            _lookup(params, key)  # every ${key} exists in params.yaml
            covered = any(key == p or key.startswith(p + ".") for p in declared) or "${" + key + "}" in paths
            assert covered, f"{pipeline_file}:{name} reads ${{{key}}} but does not list it in params or deps"
        for key in declared:
            assert any(u == key or u.startswith(key + ".") for u in used), f"{name} lists unused param {key}"


@pytest.mark.parametrize("pipeline_file", ["dvc.yaml", "train/dvc.yaml"])
def test_deps_inside_the_repository_exist(pipeline_file):
    params = _yaml(REPO / "params.yaml")
    stages = _stages(pipeline_file)
    produced = {out for stage in stages.values() for out in _entries(stage.get("outs")) + _entries(stage.get("metrics"))}
    for name, stage in stages.items():
        for dep in _entries(stage.get("deps")):
            if dep in produced:
                continue  # written by an upstream stage (absent in a fresh clone)
            path = re.sub(r"\$\{([^}]+)\}", lambda m: str(_lookup(params, m.group(1))), dep)
            if path.startswith(".."):
                continue  # the shared NER corpora
            assert (REPO / path).exists(), f"{pipeline_file}:{name} depends on missing {path}"


def test_the_extract_stage_depends_on_every_reader_module():
    """Each private module (``pipeline/_ocr.py``, ``pipeline/_code.py`` ...) is a reader of the extraction
    stage: a change to it must rerun extraction, which DVC only knows from the stage's deps."""
    deps = set(_entries(_stages("dvc.yaml")["extract"]["deps"]))
    readers = {f"pipeline/{path.name}" for path in (REPO / "pipeline").glob("_*.py") if not path.name.startswith("__")}
    assert readers - deps == set()


def test_params_equal_twinning_run_defaults():
    """`dvc repro` and `twinning run corpus` must build the same database."""
    params, defaults = _yaml(REPO / "params.yaml"), Settings()
    assert params["corpus"] == "corpus"
    assert params["limits"] == {"max_bytes": defaults.max_bytes, "max_pages": defaults.max_pages,
                                "timeout": defaults.timeout_seconds}
    assert params["purposes"]["threshold"] == defaults.purpose_threshold
    assert (REPO / params["ner"]["model"]).resolve() == Path(defaults.ner_model).resolve()
    assert (REPO / params["purposes"]["model"]).resolve() == Path(defaults.purpose_model).resolve()
    assert (REPO / params["partnerships"]["model"]).resolve() == Path(defaults.pair_model).resolve()


def test_committed_metrics_are_the_training_stages_outputs():
    declared = {name for stage in _stages("train/dvc.yaml").values() for name in _entries(stage.get("metrics"))}
    assert declared == {"metrics/purposes_train.json", "metrics/purposes.json", "metrics/ner_train.json",
                        "metrics/ner.json", "metrics/pairs_train.json", "metrics/partnerships.json"}
    for stage in _stages("train/dvc.yaml").values():
        for item in stage.get("metrics", []):
            assert all(options == {"cache": False} for options in item.values())
    for name in declared:
        assert json.loads((REPO / name).read_text(encoding="utf-8")), name


# --- slow: a fresh clone ----------------------------------------------------------------------


def _run(args: list, cwd: Path, *, expect: int = 0, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
               PYTHONPATH=str(cwd))  # the clone's pipeline/, not the installed checkout's
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, **kwargs)
    assert result.returncode == expect, f"{args} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture
def clone(tmp_path) -> Path:
    """The repository's committed and not-ignored files, as a new git repository."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                            cwd=REPO, capture_output=True, text=True, check=True).stdout.split("\0")
    target = tmp_path / "repo"
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file() and not name.startswith((".venv/", "outputs/")):
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    _run(["git", "init", "-q"], target)
    _run(["git", "add", "-A"], target)
    _run(["git", "-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-qm", "snapshot"], target)
    return target


def _contents(db: Path) -> dict[str, list[tuple]]:
    tables = ["documents", "sources", "entities", "partnerships", "purposes", "partnership_purposes"]
    with duckdb.connect(str(db), read_only=True) as con:
        found = {}
        for table in tables:
            columns = [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()
                       if not RUN_COLUMNS.search(row[0])]
            rows = con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            found[table] = sorted(rows, key=repr)
    return found


@pytest.mark.slow
@needs_dvc
def test_dvc_repro_in_a_fresh_clone_equals_twinning_run(clone):
    params = _yaml(clone / "params.yaml")
    db = clone / params["database"]["dir"] / params["database"]["file"]
    first = _run([DVC, "repro"], clone, timeout=600)
    for stage in EVERYDAY:
        assert f"Running stage '{stage}'" in first.stdout
    assert "train/dvc.yaml" not in first.stdout  # plain `dvc repro` never retrains
    _run([BIN / "twinning", "run", "corpus", "--db", clone / "other.duckdb"], clone, timeout=600)

    by_dvc, by_run = _contents(db), _contents(clone / "other.duckdb")
    assert len(by_dvc["documents"]) == 5 and by_dvc["partnerships"] and by_dvc["purposes"]
    assert all(row for row in by_dvc["documents"])
    for table in by_run:
        assert by_dvc[table] == by_run[table], table

    again = _run([DVC, "repro"], clone, timeout=600)
    assert "Data and pipelines are up to date" in again.stdout
    changed = _run(["git", "status", "--porcelain", "--", "models", "metrics", "train"], clone).stdout
    assert changed == ""


@pytest.mark.slow
@needs_dvc
def test_retrained_classifier_shows_in_metrics_diff(clone):
    trained = _run([DVC, "exp", "run", "train/dvc.yaml:train_classifier", "-S", "purposes.C=0.05"], clone,
                   timeout=600)
    assert "train_ner" not in trained.stdout
    diff = json.loads(_run([DVC, "metrics", "diff", "--json"], clone).stdout)
    changed = diff["metrics/purposes_train.json"]
    assert changed["macro_f1"]["old"] != changed["macro_f1"]["new"]
    params = json.loads(_run([DVC, "params", "diff", "--json"], clone).stdout)
    assert (params["params.yaml"]["purposes.C"]["old"], params["params.yaml"]["purposes.C"]["new"]) == (4.0, 0.05)
    assert _run(["git", "status", "--porcelain", "--", "metrics/ner_train.json", "models/ner"], clone).stdout == ""


@pytest.mark.slow
@needs_dvc
def test_a_bad_document_is_recorded_and_reported_unless_keep_going_is_false(clone):
    (clone / "corpus" / "sample" / "kaputt.pdf").write_bytes(b"%PDF-1.4\nnot really a PDF\n")
    _run(["git", "add", "-A"], clone)
    _run(["git", "-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-qm", "bad file"], clone)
    strict = _run([DVC, "exp", "run", "-S", "keep_going=false"], clone, expect=255)  # dvc: stage failed
    assert "extracted 5 documents, 1 failed" in strict.stdout
    assert "Running stage 'ner'" not in strict.stdout

    params = _yaml(clone / "params.yaml")
    _run(["git", "checkout", "--", "params.yaml"], clone)
    lenient = _run([DVC, "repro"], clone)
    assert "extracted 5 documents, 1 failed" in lenient.stdout
    assert "corpus/sample/kaputt.pdf" in lenient.stdout.split("failed_document")[-1]  # listed after load
    db = clone / params["database"]["dir"] / params["database"]["file"]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents WHERE status = 'failed'").fetchone() == (1,)
