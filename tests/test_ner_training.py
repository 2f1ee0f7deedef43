"""Tests of the shipped NER model and of the corpus building / evaluation code."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from pipeline.ner_training import (
    FINETUNE_RULE,
    LABELS,
    _finetune_decision,
    _finetune_docs,
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


def _germeval_dev_slice(data_dir, sentences=100):
    """A tiny data folder: the first sentences of the GermEval dev file only (other corpora absent)."""
    src = (DATA / "germeval2014" / "NER-de-dev.tsv").read_text(encoding="utf-8")
    small = data_dir / "germeval2014"
    small.mkdir(parents=True)
    (small / "NER-de-dev.tsv").write_text("\n\n".join(src.split("\n\n")[:sentences]) + "\n\n", encoding="utf-8")


@pytest.mark.shared_data
@needs_data
def test_build_corpora_on_germeval_slice(tmp_path):
    _germeval_dev_slice(tmp_path / "data")
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
def test_finetune_data_are_germeval_plus_dev_and_leave_train_unchanged(tmp_path):
    _germeval_dev_slice(tmp_path / "data")
    plain = build_corpora(tmp_path / "data", tmp_path / "a", seed=0, germeval_repeat=2)
    mixed = build_corpora(tmp_path / "data", tmp_path / "b", seed=0, germeval_repeat=2, finetune_share=0.3)
    assert "train_finetune" not in plain["paths"]
    assert mixed["train_sha256"] == plain["train_sha256"]  # stage 1 data do not change
    vocab = spacy.blank("de").vocab
    ft = list(DocBin().from_disk(mixed["paths"]["train_finetune"]).get_docs(vocab))
    dev = list(DocBin().from_disk(mixed["paths"]["dev_finetune"]).get_docs(vocab))
    assert len(ft) == 85 * 2 and mixed["finetune"]["train_docs"] == {"germeval": 170}
    assert len(dev) == 15 + 15  # mixed dev (GermEval only here) + dev_germeval


def test_finetune_docs_take_a_seeded_share_of_the_other_corpora():
    nlp = spacy.blank("de")
    by_corpus = {"germeval": [nlp.make_doc(f"g{i}") for i in range(10)],
                 "ler": [nlp.make_doc(f"l{i}") for i in range(100)],
                 "sturm": [nlp.make_doc(f"s{i}") for i in range(20)]}
    docs, counts = _finetune_docs(by_corpus, 0.3, 3, seed=0)
    assert counts == {"germeval": 30, "ler": 30, "sturm": 6} and len(docs) == 66
    again, _ = _finetune_docs(by_corpus, 0.3, 3, seed=0)
    assert [d.text for d in docs] == [d.text for d in again]
    other, _ = _finetune_docs(by_corpus, 0.3, 3, seed=1)
    assert [d.text for d in docs] != [d.text for d in other]


def test_finetune_rule_needs_germeval_gain_and_little_forgetting():
    def scores(dev, ge):
        return {"dev": {"ents_f": dev}, "dev_germeval": {"ents_f": ge}}
    base = scores(0.785, 0.566)
    assert FINETUNE_RULE == {"min_gain_dev_germeval": 0.010, "max_drop_dev": 0.020}
    assert _finetune_decision(base, scores(0.780, 0.576))["adopted"]
    assert not _finetune_decision(base, scores(0.780, 0.575))["adopted"]  # gain < 1 point
    assert not _finetune_decision(base, scores(0.765, 0.600))["adopted"]  # mixed dev -2.0 points
    assert not _finetune_decision(base, scores(0.755, 0.588))["adopted"]  # the GermEval-only fine-tune


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
