"""Shared fixtures: the sample corpus in a temporary folder, a fresh database path,
and the real models loaded once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "corpus" / "sample"
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture()
def sample_corpus(tmp_path: Path) -> Path:
    """A writable copy of the five sample documents."""
    target = tmp_path / "corpus"
    shutil.copytree(SAMPLE, target)
    return target


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "twinning.duckdb"


@pytest.fixture(scope="session")
def gazetteer():
    """The real GeoNames gazetteer, loaded once per test session."""
    from pipeline.cities import Gazetteer

    return Gazetteer.load()


@pytest.fixture(scope="session")
def nlp():
    """The shipped NER pipeline (models/ner), loaded once per test session."""
    from pipeline.ner import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def resources(nlp, gazetteer):
    """Everything a run needs: the real NER pipeline, gazetteer, pair scorer and purpose classifier."""
    from pipeline.pair_scorer import PairScorer
    from pipeline.purposes import PurposeClassifier
    from pipeline.runner import DEFAULT_PAIR_MODEL, DEFAULT_PURPOSE_MODEL, Resources, Settings

    return Resources(nlp=nlp, gazetteer=gazetteer, classifier=PurposeClassifier.load(DEFAULT_PURPOSE_MODEL),
                     settings=Settings(), pair_scorer=PairScorer.load(DEFAULT_PAIR_MODEL))


@pytest.fixture(scope="session")
def shared_ner_data() -> Path:
    """The NER corpora in ../shared/data/ner; tests that need them skip without them."""
    path = SHARED_DATA / "ner"
    if not path.is_dir():
        pytest.skip(f"needs the shared NER corpora at {path} (absent in this clone; CI has them)")
    return path
