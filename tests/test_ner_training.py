"""Tests of the shipped NER model and of the corpus building / evaluation code."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from pipeline.ner_training import (
    LABELS,
    _read_germeval,
    _read_smartdata,
    build_corpora,
    evaluate_ner,
    format_ner_report,
)

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "ner"
DATA = ROOT.parent / "shared" / "data" / "ner"
SEEDS = ROOT.parent / "shared" / "seeds"

needs_model = pytest.mark.skipif(not (MODEL / "meta.json").exists(),
                                 reason="models/ner is not trained yet (run train_ner)")
needs_data = pytest.mark.skipif(not (DATA / "germeval2014" / "NER-de-dev.tsv").exists(),
                                reason=f"shared NER corpora not found at {DATA}")

# Four sentences of the press seed (../shared/seeds/000_9689ad24ba63bb1c.txt).
PRESS = ('Weit gediehen ist die Zusammenarbeit von Görlitz und Zgorzelec. "Das ist ein Thema, '
         'an dem mein polnischer Kollege Miroslaw Fiedorowicz und ich ständig wirken", sagte der '
         'Görlitzer Oberbürgermeister Rolf Karbaum (parteilos). So gebe es eine monatlich tagende '
         'Koordinierungskommission mit fünf Arbeitsgruppen. Ziel sei dabei, die seit 1990 in Görlitz '
         'gesammelten Erfahrungen beim Verwaltungsaufbau an Zgorzelec weiterzugeben.')


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(MODEL)


@needs_model
def test_model_has_our_labels_and_segments_sentences(nlp):
    assert set(nlp.get_pipe("ner").labels) == set(LABELS)
    doc = nlp(PRESS)
    assert len(list(doc.sents)) == 4


@needs_model
def test_model_finds_person_and_city_in_press_seed(nlp):
    ents = {(e.text, e.label_) for e in nlp(PRESS).ents}
    assert ("Rolf Karbaum", "PER") in ents
    assert ("Görlitz", "LOC") in ents


@needs_model
def test_model_meta_records_training_data(nlp):
    info = nlp.meta["twinning"]
    assert info["spacy_version"] == spacy.__version__
    assert len(info["training_data_sha256"]) == 64
    assert (MODEL / "metrics.json").exists() and (MODEL / "README.md").exists()


@pytest.mark.shared_data
@needs_data
def test_germeval_labels_map_to_our_scheme():
    sents = _read_germeval(DATA / "germeval2014" / "NER-de-dev.tsv")
    assert len(sents) == 2200
    tokens, tags = sents[0]
    # "Ecce homo" is OTH -> MISC, "Jesu" is PER.
    assert tags[tokens.index("Ecce")] == "B-MISC" and tags[tokens.index("homo")] == "I-MISC"
    assert tags[tokens.index("Jesu")] == "B-PER"
    used = {t[2:] for _, tags in sents for t in tags if t != "O"}
    assert used == set(LABELS)  # no *deriv / *part left


@pytest.mark.shared_data
@needs_data
def test_smartdata_offsets_become_token_spans():
    docs = _read_smartdata(DATA / "smartdata" / "v1_train.json.gz", spacy.blank("de"))
    assert len(docs) == 1244
    labels = {e.label_ for d in docs for e in d.ents}
    assert labels == {"PER", "LOC", "ORG"}


@pytest.mark.shared_data
@needs_data
def test_build_corpora_on_germeval_slice(tmp_path):
    # A tiny data folder: the GermEval dev file only (other corpora absent).
    src = (DATA / "germeval2014" / "NER-de-dev.tsv").read_text(encoding="utf-8")
    small = tmp_path / "data" / "germeval2014"
    small.mkdir(parents=True)
    blocks = src.split("\n\n")[:100]
    (small / "NER-de-dev.tsv").write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")
    summary = build_corpora(tmp_path / "data", tmp_path / "out", seed=0, germeval_repeat=1)
    nlp = spacy.blank("de")
    train = list(DocBin().from_disk(tmp_path / "out" / "train.spacy").get_docs(nlp.vocab))
    dev = list(DocBin().from_disk(tmp_path / "out" / "dev.spacy").get_docs(nlp.vocab))
    assert len(train) + len(dev) == 100 and len(dev) == 15
    assert {e.label_ for d in train + dev for e in d.ents} <= set(LABELS)
    assert "test" not in summary["paths"]  # no test file in the slice, none written
    first = [d for d in train + dev if d[0].text == "Gleich"][0]
    assert [(e.text, e.label_) for e in first.ents] == [("Ecce homo", "MISC"), ("Jesu", "PER")]


@pytest.mark.shared_data
@needs_data
@needs_model
def test_evaluate_ner_returns_scores(tmp_path):
    src = (DATA / "germeval2014" / "NER-de-dev.tsv").read_text(encoding="utf-8")
    part = tmp_path / "part.tsv"
    part.write_text("\n\n".join(src.split("\n\n")[:50]) + "\n\n", encoding="utf-8")
    result = evaluate_ner(MODEL, part)
    assert set(result["per_label"]) == set(LABELS)
    assert {"precision", "recall", "f1", "n_gold", "n_pred", "tp"} <= set(result["micro"])
    assert "official12" in result and result["n_sentences"] == 50
    assert 0.0 <= result["micro"]["f1"] <= 1.0
    report = format_ner_report(result)
    assert "micro" in report and "PER" in report


@needs_model
def test_the_entity_stage_is_scored_on_the_same_gold_tokens(tmp_path):
    rows = [("Oberbürgermeister", "O"), ("Rolf", "B-PER"), ("Karbaum", "I-PER"), ("besuchte", "O"),
            ("Zgorzelec", "B-LOC"), ("in", "O"), ("Polen", "B-LOC"), (".", "O")]
    tsv = tmp_path / "mini.tsv"
    tsv.write_text("# mini\n" + "".join(f"{i}\t{tok}\t{tag}\tO\n" for i, (tok, tag) in enumerate(rows, 1)) + "\n",
                   encoding="utf-8")
    model_only = evaluate_ner(MODEL, tsv)
    with_rules = evaluate_ner(MODEL, tsv, with_rules=True)
    assert with_rules["with_rules"] and not model_only["with_rules"]
    assert with_rules["per_label"]["LOC"]["n_gold"] == 2
    # The gazetteer links Zgorzelec whatever the model thinks of it.
    assert with_rules["per_label"]["LOC"]["tp"] == 2
    assert "entity stage" in format_ner_report(with_rules)
