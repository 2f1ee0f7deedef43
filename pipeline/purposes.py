"""Why partnerships exist: a calibrated multi-label classifier over passages.

A document is cut into passages (sentences and list items), each passage is
scored for the four purposes of ``pipeline.types.PURPOSES`` by a TF-IDF +
logistic-regression model whose probabilities are calibrated by
cross-validation, and the passage scores are aggregated into one score per
purpose for the document (and, where a passage names both cities of a
partnership, for that pair). The model is a folder: ``model.joblib``,
``meta.json`` and a ``README.md`` model card.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from pipeline.errors import ConfigError, ModelError
from pipeline.model_folder import MODEL_FILE, read_model_folder, write_model_folder
from pipeline.types import PURPOSES, Document, Partnership, PurposeScore

# How passage probabilities become a document score (see ``_aggregate``). The
# method is written into meta.json at training time and read back from there, so
# a model folder always scores documents the way it was evaluated. "calibrated"
# replaced "max": on the held-out documents (test and test2, 35) it lowered the
# Brier score from 0.142 to 0.089 and raised macro-F1 from 0.694 to 0.761; on the
# 19 test documents alone macro-F1 fell (0.600 → 0.492, few positives); see the
# model card. Set "max" here and retrain to go back.
DOCUMENT_AGGREGATION = "calibrated"
AGGREGATIONS = ("max", "noisy_or_top2", "calibrated")
# The default labelled documents, next to passages.jsonl (see its README).
DOCUMENTS_FILE = "documents.jsonl"

# --------------------------------------------------------------------------
# Passages: sentences and list items, as character spans of the original text
# --------------------------------------------------------------------------

# Abbreviations after which a period does not end a German sentence
# ("z.B. die Via Regia", "Nr. VII-DS-01264", "Dr. Goldfuß", "v. a. Moskau").
_ABBREVIATIONS = {
    "z.b", "z. b", "u.a", "u. a", "v.a", "v. a", "d.h", "d. h", "o.ä", "u.ä",
    "s.o", "s.u", "i.d.r", "z.t", "z. t", "nr", "dr", "prof", "bzw", "ca",
    "vgl", "usw", "etc", "ggf", "inkl", "sog", "st", "abs", "art", "mio",
    "mrd", "jh", "jhd", "evtl", "bspw", "ehem", "gem", "hrsg", "str", "tel",
    "min", "max", "okt", "nov", "dez", "jan", "feb", "aug", "sept", "sep",
    "mr", "mrs", "hl", "kath", "ev", "e.v", "dipl", "ing", "rd", "zzgl",
}
_MONTHS = (
    "januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
    "september", "oktober", "november", "dezember",
)
_BULLET = re.compile(r"^\s*(?:[-–•■▪●*·o]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+)")
_SENTENCE_END = re.compile(r"[.!?…]+[\"“”»«')\]]*(?=\s+)")
_TERMINAL = re.compile(r"[.!?:;…\"“”»]\s*$")


def split_passages(text: str) -> list[tuple[int, int]]:
    """Cut German text into sentences and list items; return ``(start, end)`` spans.

    Spans index the original ``text`` so that evidence can be quoted verbatim.
    Paragraphs are separated by blank lines; a line break inside a paragraph is
    a hard wrap (PDF layout) unless the next line is a list item or the line
    is short and ends a heading or a sentence.
    """
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _logical_lines(text):
        for s, e in _split_sentences(text, line_start, line_end):
            if _has_words(text[s:e]):
                spans.append((s, e))
    return spans


def _logical_lines(text: str) -> Iterable[tuple[int, int]]:
    """Yield spans of paragraphs or list items, joining hard-wrapped lines."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append((pos, pos + len(body)))
        pos += len(raw)
    current: tuple[int, int] | None = None
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        if not line.strip():
            if current:
                yield current
            current = None
            continue
        if current is None:
            current = (s, e)
        elif _BULLET.match(line) or _ends_unit(text[current[0]:current[1]]):
            yield current
            current = (s, e)
        else:
            current = (current[0], e)
    if current:
        yield current


def _ends_unit(previous: str) -> bool:
    """Whether a line ends a unit: ends a sentence, or is a short heading/item."""
    stripped = previous.rstrip()
    if stripped.endswith("-") and not stripped.endswith(" -"):
        return False  # "Be-\ngegnung": a hyphenated hard wrap
    if _TERMINAL.search(stripped):
        return True
    last_line = stripped.splitlines()[-1] if stripped else ""
    return len(last_line.strip()) < 60


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one paragraph into sentence spans, respecting abbreviations and dates."""
    chunk = text[start:end]
    spans = []
    begin = 0
    for m in _SENTENCE_END.finditer(chunk):
        cut = m.end()
        if _is_false_stop(chunk, m.start(), cut):
            continue
        spans.append((begin, cut))
        begin = cut
    spans.append((begin, len(chunk)))
    out = []
    for s, e in spans:
        piece = chunk[s:e]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if trail > lead:
            out.append((start + s + lead, start + s + trail))
    return out


def _is_false_stop(chunk: str, dot: int, cut: int) -> bool:
    """True when the period at ``dot`` belongs to an abbreviation or a date."""
    if chunk[dot] != ".":
        return False
    # Only a window around the period matters; slicing the whole chunk per
    # period would make long paragraphs quadratic.
    after = chunk[cut : cut + 80].lstrip()
    if not after:
        return False
    if after[0].islower() or after[0] in ",;)":
        return True  # "ca. zwölf", "Nr. 3, ..." or a lowercase continuation
    before = chunk[max(0, dot - 80) : dot]
    token = re.search(r"(\S+)$", before)
    if not token:
        return False
    word = token.group(1).lower().lstrip("(\"„“")
    # "v. a." and "z. B.": look two tokens back as well
    two = re.search(r"(\S+\s\S+)$", before)
    if word in _ABBREVIATIONS or (two and two.group(1).lower() in _ABBREVIATIONS):
        return True
    if re.fullmatch(r"(?:[a-zäöü]\.)+[a-zäöü]", word):
        return True  # "z.B", "u.a", "d.h"
    if re.fullmatch(r"[a-zäöüA-ZÄÖÜ]", token.group(1)):
        return True  # an initial: "A. Merkel"
    if re.fullmatch(r"\d{1,3}", word):
        # ordinals: "1. August 2002", "im 2. Weltkrieg"; years have four digits
        return True
    next_word = after.split()[0].lower().strip(".,")
    return bool(re.fullmatch(r"\d{1,2}", word)) and next_word in _MONTHS


def _has_words(piece: str) -> bool:
    return len(re.findall(r"[A-Za-zÄÖÜäöüß]{2,}", piece)) >= 2


def normalise_text(text: str) -> str:
    """Lower-case and flatten a passage for the vectoriser.

    Hard-wrap hyphens are joined ("Be-\\ngegnung" → "begegnung"), leading list
    markers are dropped and whitespace is flattened. (``analyse_words`` adds a
    light stemming on top.)
    """
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    # a slide bullet ("- ", "• ", "1. ") says nothing about the purpose
    text = "\n".join(_BULLET.sub("", line) for line in text.split("\n"))
    text = text.lower()
    text = re.sub(r"[•■▪●]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text


_SUFFIXES = ("innen", "ungen", "ern", "en", "er", "es", "em", "e", "n", "s")


def _stem(token: str) -> str:
    """Strip one common German inflection suffix from a long token."""
    for suffix in _SUFFIXES:
        if len(token) - len(suffix) >= 4 and token.endswith(suffix):
            return token[: -len(suffix)]
    return token


def analyse_words(text: str) -> list[str]:
    """Word analyser for the vectoriser: stemmed tokens plus their bigrams."""
    tokens = [_stem(t) for t in re.findall(r"[a-zäöüß]+(?:-[a-zäöüß]+)*", normalise_text(text))]
    bigrams = [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]
    return tokens + bigrams


# --------------------------------------------------------------------------
# Labelled data
# --------------------------------------------------------------------------


def _jsonl_rows(path: Path, what: str) -> Iterable[tuple[int, dict]]:
    """(line number, object) of each non-blank line; a missing file or bad JSON is a ConfigError."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{what} not found: {path}")
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}:{n}: not JSON ({exc.msg})") from exc


def _read_passages(data_path: Path, split: str | None = None) -> list[dict]:
    """Read ``passages.jsonl`` rows (optionally one split); fail fast on bad labels."""
    rows = []
    for n, row in _jsonl_rows(data_path, "purpose data"):
        unknown = set(row.get("labels", [])) - set(PURPOSES)
        if unknown or row.get("split") not in ("train", "test") or not row.get("text"):
            raise ConfigError(
                f"{data_path}:{n}: needs text, split train|test and labels from {PURPOSES}"
                + (f"; unknown {sorted(unknown)}" if unknown else "")
            )
        if split is None or row["split"] == split:
            rows.append(row)
    return rows


def _label_matrix(rows: Sequence[dict]) -> np.ndarray:
    return np.array([[int(p in r["labels"]) for p in PURPOSES] for r in rows], dtype=int)


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# --------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------


def _build_estimator(C: float, seed: int, calibration: str, cv: int):
    """TF-IDF words (stemmed 1–2-grams) + char_wb 3–5-grams → calibrated one-vs-rest LR."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion([
        ("words", TfidfVectorizer(analyzer=analyse_words, sublinear_tf=True)),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2,
                                  preprocessor=normalise_text, sublinear_tf=True)),
    ])
    base = LogisticRegression(C=C, class_weight="balanced", max_iter=5000, random_state=seed)
    calibrated = CalibratedClassifierCV(
        base, method=calibration, ensemble=False,
        cv=StratifiedKFold(n_splits=cv, shuffle=True, random_state=seed),
    )
    return Pipeline([("features", features), ("classify", OneVsRestClassifier(calibrated))])


class PurposeClassifier:
    """A trained passage classifier plus its metadata, loaded from a model folder."""

    def __init__(self, estimator, meta: dict):
        self._estimator = estimator
        self.meta = meta
        self.labels: tuple[str, ...] = tuple(meta["labels"])
        self.model_version: str = meta["model_version"]

    @classmethod
    def load(cls, path: Path) -> "PurposeClassifier":
        """Load a model folder; raise ``ModelError`` when it does not fit this code."""
        estimator, meta = read_model_folder(path, what="purpose model", retrain="twinning train-classifier")
        if tuple(meta.get("labels", ())) != PURPOSES:
            raise ModelError(f"{path}: model labels {meta.get('labels')} differ from the pipeline's "
                             f"{list(PURPOSES)}; retrain with `twinning train-classifier`")
        return cls(estimator, meta)

    def predict_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Probability of each purpose for each passage: shape ``(len(texts), 4)``."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, len(self.labels)))
        return np.asarray(self._estimator.predict_proba(texts), dtype=float)

    @property
    def aggregation(self) -> str:
        """The document aggregation this model was trained and evaluated with."""
        agg = self.meta.get("document_aggregation") or {}
        return agg.get("method") or self.meta.get("hyperparameters", {}).get("aggregation", "max")

    def document_score(self, probs: np.ndarray, how: str | None = None) -> float:
        """Document score of one label from its passage probabilities (``_aggregate``)."""
        params = (self.meta.get("document_aggregation") or {}).get("calibrated")
        return _aggregate(probs, how or self.aggregation, params)


# --------------------------------------------------------------------------
# Training and evaluation
# --------------------------------------------------------------------------


def _score(y_true: np.ndarray, probs: np.ndarray, threshold: float = 0.5) -> dict:
    """Per-label precision/recall/F1 at ``threshold``, macro-F1, Brier and reliability."""
    pred = probs >= threshold
    per_label = {}
    for j, label in enumerate(PURPOSES):
        t, p = y_true[:, j].astype(bool), pred[:, j]
        tp, fp, fn = int((t & p).sum()), int((~t & p).sum()), int((t & ~p).sum())
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        brier = float(np.mean((probs[:, j] - y_true[:, j]) ** 2)) if len(t) else 0.0
        per_label[label] = {"precision": round(precision, 4), "recall": round(recall, 4),
                            "f1": round(f1, 4), "brier": round(brier, 4), "support": int(t.sum())}
    flat_p, flat_t = probs.ravel(), y_true.ravel()
    bins = []
    for lo in np.arange(0.0, 1.0, 0.2):
        hi = lo + 0.2
        mask = (flat_p >= lo) & ((flat_p < hi) if hi < 1.0 else (flat_p <= 1.0))
        if mask.any():
            bins.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": int(mask.sum()),
                         "mean_prob": round(float(flat_p[mask].mean()), 3),
                         "observed": round(float(flat_t[mask].mean()), 3)})
    ece = sum(b["n"] * abs(b["mean_prob"] - b["observed"]) for b in bins) / max(len(flat_p), 1)
    return {
        "n": int(len(y_true)),
        "threshold": threshold,
        "per_label": per_label,
        "macro_f1": round(float(np.mean([v["f1"] for v in per_label.values()])), 4),
        "brier": round(float(np.mean([v["brier"] for v in per_label.values()])), 4),
        "ece": round(float(ece), 4),
        "reliability": bins,
    }


def _evaluate_loaded(classifier: PurposeClassifier, rows: Sequence[dict]) -> dict:
    probs = classifier.predict_passages([r["text"] for r in rows])
    result = _score(_label_matrix(rows), probs)
    result["model_version"] = classifier.model_version
    return result


def train_classifier(data_path: Path, out_dir: Path, *, C: float = 4.0, seed: int = 0,
                     calibration: str = "sigmoid", cv: int = 5, documents_path: Path | None = None) -> dict:
    """Train on the ``train`` split, score the ``test`` split, write the model folder.

    Returns ``{"metrics": ..., "previous": ... | None, "documents": ... | None}``: when
    ``out_dir`` already holds a loadable model, its figures on the same held-out split
    are computed before it is replaced, so that the caller can print old and new side
    by side. The labelled documents (default: ``documents.jsonl`` beside the data)
    fit the ``calibrated`` document aggregation on their ``dev`` split and are
    scored per split; without that file the model has no document calibration.
    """
    import sklearn

    if C <= 0:
        raise ConfigError(f"C must be positive, got {C}")
    if calibration not in ("sigmoid", "isotonic"):
        raise ConfigError(f"calibration must be 'sigmoid' or 'isotonic', got {calibration!r}")
    data_path, out_dir = Path(data_path), Path(out_dir)
    train_rows = _read_passages(data_path, "train")
    test_rows = _read_passages(data_path, "test")
    y_train = _label_matrix(train_rows)
    too_few = [p for j, p in enumerate(PURPOSES) if min(y_train[:, j].sum(), (1 - y_train[:, j]).sum()) < cv]
    if too_few:
        raise ConfigError(f"too few positive or negative training passages for {too_few} (need ≥ {cv} each)")

    previous = None
    if (out_dir / MODEL_FILE).exists():
        try:
            previous = _evaluate_loaded(PurposeClassifier.load(out_dir), test_rows)
        except ModelError as exc:
            previous = {"error": str(exc)}

    estimator = _build_estimator(C, seed, calibration, cv)
    estimator.fit([r["text"] for r in train_rows], y_train)

    if documents_path is None and (data_path.parent / DOCUMENTS_FILE).is_file():
        documents_path = data_path.parent / DOCUMENTS_FILE
    document_calibration = None
    if documents_path is not None:
        document_calibration = _calibrate_documents(
            estimator, train_rows, Path(documents_path),
            lambda: _build_estimator(C, seed, calibration, cv))
    if DOCUMENT_AGGREGATION == "calibrated" and document_calibration is None:
        raise ConfigError("the calibrated document aggregation needs labelled dev documents "
                          f"({DOCUMENTS_FILE} beside the passages)")

    data_sha = _sha256(data_path)
    params = {"C": C, "seed": seed, "calibration": calibration, "cv": cv,
              "features": "tfidf stemmed word 1-2 + char_wb 3-5 (min_df 2)",
              "classifier": "one-vs-rest LogisticRegression(class_weight=balanced)",
              "aggregation": DOCUMENT_AGGREGATION}
    documents_sha = _sha256(documents_path) if documents_path is not None else None
    digest = hashlib.sha256((data_sha + (documents_sha or "") + json.dumps(params, sort_keys=True))
                            .encode()).hexdigest()[:8]
    meta = {
        "model_version": f"purpose-{_dt.date.today():%Y%m%d}-{digest}",
        "labels": list(PURPOSES),
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "training_data": str(data_path),
        "training_data_sha256": data_sha,
        "n_train": len(train_rows),
        "n_test": len(test_rows),
        "hyperparameters": params,
        "document_aggregation": {"method": DOCUMENT_AGGREGATION, "calibrated": document_calibration},
        "documents": str(documents_path) if documents_path is not None else None,
        "documents_sha256": documents_sha,
        "trained_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
    }
    classifier = PurposeClassifier(estimator, meta)
    metrics = _evaluate_loaded(classifier, test_rows) if test_rows else None
    meta["metrics"] = metrics
    documents = _evaluate_documents(classifier, Path(documents_path)) if documents_path is not None else None
    meta["document_metrics"] = _summarise_documents(documents) if documents else None

    write_model_folder(out_dir, estimator, meta, _model_card(meta, previous))
    return {"model_version": meta["model_version"], "metrics": metrics, "previous": previous,
            "documents": documents, "model_dir": str(out_dir)}


def _calibrate_documents(estimator, train_rows: Sequence[dict], documents_path: Path, build) -> dict:
    """Fit the ``calibrated`` aggregation on the ``dev`` documents of ``documents_path``.

    Passage probabilities of a document whose passages are in the training split
    (a sample document with ``seed`` whose ``seed:NNN`` passages trained the model)
    come from a refit without that document's passages: in-sample they are all
    near 0 or 1 and would teach the aggregation that a stated purpose always has a
    passage at ≈ 1. Never uses ``test`` documents.
    """
    columns, gold = [], []
    refits: dict[str, object] = {}
    for row in _read_documents(documents_path, "dev"):
        source = f"seed:{str(row['seed'])[:3]}" if row.get("seed") else None
        model = estimator
        if source and any(r.get("source") == source for r in train_rows):
            if source not in refits:
                rest = [r for r in train_rows if r.get("source") != source]
                refits[source] = build().fit([r["text"] for r in rest], _label_matrix(rest))
            model = refits[source]
        probs = _passage_probs(model, row["file"].read_text(encoding="utf-8"))
        for j, label in enumerate(PURPOSES):
            columns.append(probs[:, j])
            gold.append(int(label in row["labels"]))
    if not columns:
        raise ConfigError(f"{documents_path} has no dev documents to fit the document calibration on")
    params = _fit_document_calibration(columns, gold)
    params["fitted_on"] = f"dev documents of {documents_path} ({len(columns) // len(PURPOSES)}; " \
                          f"{len(refits)} scored by a refit without their own passages)"
    return params


def _summarise_documents(documents: dict) -> dict:
    """The document figures kept in meta.json: per split and aggregation, without per-document scores."""
    keep = ("n", "macro_f1", "brier", "ece", "reliability")
    return {"aggregation": documents["aggregation"],
            "splits": {split: {method: {**{k: v[k] for k in keep},
                                        "f1": {label: x["f1"] for label, x in v["per_label"].items()}}
                               for method, v in res["methods"].items()}
                       for split, res in documents["splits"].items()}}


def evaluate_purposes(data_path: Path, model_dir: Path, split: str = "test", *,
                      documents_path: Path | None = None) -> dict:
    """Score the model in ``model_dir`` on one split of the labelled passages.

    With ``documents_path`` (``documents.jsonl`` or another file in its format,
    such as a later held-out set) every split of that file is also scored at the
    document level, for each aggregation of ``AGGREGATIONS``, because document
    scores are what the ``purposes`` table holds.
    """
    if split not in ("train", "test"):
        raise ConfigError(f"split must be 'train' or 'test', got {split!r}")
    classifier = PurposeClassifier.load(model_dir)
    rows = _read_passages(data_path, split)
    result = {"task": "purposes", "split": split, "passages": _evaluate_loaded(classifier, rows)}
    if documents_path is not None:
        result["documents"] = _evaluate_documents(classifier, Path(documents_path))
    return result


def _read_documents(documents_path: Path, split: str | None = None) -> list[dict]:
    """Rows of a labelled-documents file (optionally one split), each with its ``file`` resolved.

    A row is ``{"doc": name, "labels": [...], "split": ...}`` with an optional
    ``path`` relative to ``corpus/``; without one, the name is looked up beside the
    file, in its ``docs/`` folder, then in ``corpus/reference`` and ``corpus/gold(/docs)``,
    so that a new held-out set can live next to its texts.
    """
    documents_path = Path(documents_path)
    corpus = documents_path.parent.parent
    rows = []
    for n, row in _jsonl_rows(documents_path, "labelled documents"):
        unknown = set(row.get("labels", [])) - set(PURPOSES)
        if "doc" not in row or "labels" not in row or unknown:
            raise ConfigError(f"{documents_path}:{n}: needs doc and labels from {PURPOSES}")
        row = {**row, "split": row.get("split") or "unsplit"}
        if split is not None and row["split"] != split:
            continue
        candidates = ([corpus / row["path"]] if row.get("path") else
                      [documents_path.parent / row["doc"], documents_path.parent / "docs" / row["doc"],
                       corpus / "reference" / row["doc"], corpus / "gold" / "docs" / row["doc"],
                       corpus / "gold" / row["doc"]])
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            raise ConfigError(f"{documents_path}:{n}: document {row['doc']} not found "
                              f"(looked in {', '.join(str(c.parent) for c in candidates)})")
        rows.append({**row, "file": found})
    return rows


def _passage_probs(classifier_or_estimator, text: str) -> np.ndarray:
    """Passage probabilities of a whole text, shape ``(n_passages, 4)``, as ``classify_purposes`` cuts it."""
    passages = [text[s:e] for s, e in split_passages(text)]
    if not passages:
        return np.zeros((0, len(PURPOSES)))
    if isinstance(classifier_or_estimator, PurposeClassifier):
        return classifier_or_estimator.predict_passages(passages)
    return np.asarray(classifier_or_estimator.predict_proba(passages), dtype=float)


def _evaluate_documents(classifier: PurposeClassifier, documents_path: Path) -> dict:
    """Document-level figures per split of ``documents_path`` and per aggregation.

    Returns ``{"file", "aggregation" (the model's), "splits": {split: {"n", "methods":
    {method: _score(...)}, "documents": {doc: {label: score}}}}}``; ``calibrated``
    is left out for models trained before it existed.
    """
    rows = _read_documents(documents_path)
    params = (classifier.meta.get("document_aggregation") or {}).get("calibrated")
    methods = [m for m in AGGREGATIONS if m != "calibrated" or params]
    probs = {row["doc"]: _passage_probs(classifier, row["file"].read_text(encoding="utf-8")) for row in rows}
    splits: dict[str, dict] = {}
    order = {"dev": 0, "test": 1}
    for split in sorted({r["split"] for r in rows}, key=lambda s: (order.get(s, 2), s)):
        chosen = [r for r in rows if r["split"] == split]
        gold = np.array([[int(p in r["labels"]) for p in PURPOSES] for r in chosen])
        result = {"n": len(chosen), "methods": {}}
        for method in methods:
            scores = np.array([[classifier.document_score(probs[r["doc"]][:, j] if len(probs[r["doc"]])
                                                          else np.zeros(0), method)
                                for j in range(len(PURPOSES))] for r in chosen])
            result["methods"][method] = _score(gold, scores)
            if method == classifier.aggregation:
                result["documents"] = {r["doc"]: dict(zip(PURPOSES, (round(float(x), 3) for x in row)))
                                       for r, row in zip(chosen, scores)}
        splits[split] = result
    return {"file": str(documents_path), "aggregation": classifier.aggregation, "splits": splits}


def format_purpose_report(result: dict) -> str:
    """Render ``evaluate_purposes`` (or ``train_classifier``) output as a plain-text table."""
    lines: list[str] = []

    def table(title: str, scores: dict, other: dict | None = None) -> None:
        lines.append(title)
        head = f"  {'label':<24} {'P':>6} {'R':>6} {'F1':>6} {'Brier':>6} {'n':>4}"
        lines.append(head + ("   | previous F1" if other else ""))
        for label, v in scores["per_label"].items():
            row = (f"  {label:<24} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} "
                   f"{v['brier']:6.3f} {v['support']:4d}")
            if other and "per_label" in other:
                row += f"   | {other['per_label'][label]['f1']:.3f}"
            lines.append(row)
        tail = f"  macro-F1 {scores['macro_f1']:.3f}  Brier {scores['brier']:.3f}  ECE {scores['ece']:.3f}"
        if other and "macro_f1" in other:
            tail += f"   | previous macro-F1 {other['macro_f1']:.3f} ({other.get('model_version', '?')})"
        lines.append(tail)
        rel = ", ".join(f"{b['bin']}: {b['mean_prob']:.2f}→{b['observed']:.2f} (n={b['n']})"
                        for b in scores["reliability"])
        lines.append(f"  calibration (predicted→observed per bin): {rel}")

    def documents(docs: dict) -> None:
        used = docs["aggregation"]
        for split, res in docs["splits"].items():
            table(f"Document level, {split} documents ({res['n']}, {docs['file']}), aggregation {used}:",
                  res["methods"][used])
            lines.append("  aggregations compared (macro-F1 at 0.5 / Brier / ECE; reliability predicted→observed):")
            for method, v in res["methods"].items():
                rel = ", ".join(f"{b['bin']}: {b['mean_prob']:.2f}→{b['observed']:.2f} (n={b['n']})"
                                for b in v["reliability"])
                fitted = " (fitted on these)" if method == "calibrated" and split == "dev" else ""
                lines.append(f"    {method:<14} {v['macro_f1']:.3f} / {v['brier']:.3f} / {v['ece']:.3f}; "
                             f"{rel}{fitted}")

    if "passages" in result:
        table(f"Purpose classifier on the {result['split']} passages "
              f"({result['passages']['n']}, model {result['passages'].get('model_version', '?')}):",
              result["passages"])
        if "documents" in result:
            documents(result["documents"])
    elif result.get("metrics"):
        previous = result.get("previous")
        table(f"New model {result['model_version']} on held-out passages ({result['metrics']['n']}):",
              result["metrics"], previous)
        if previous and "error" in previous:
            lines.append(f"  previous model could not be scored: {previous['error']}")
        elif previous is None:
            lines.append("  no previous model in the output folder")
        if result.get("documents"):
            documents(result["documents"])
    return "\n".join(lines)


def _document_card_section(document_metrics: dict | None) -> str:
    """The model card's table of document-level figures per split and aggregation."""
    if not document_metrics:
        return "## Document-level figures\nNo labelled documents were available at training time.\n"
    used = document_metrics["aggregation"]
    rows = []
    for split, methods in document_metrics["splits"].items():
        for method, v in methods.items():
            f1 = " | ".join(f"{v['f1'][label]:.2f}" for label in PURPOSES)
            mark = " (used)" if method == used else ""
            fitted = " (fitted on dev)" if method == "calibrated" and split == "dev" else ""
            rows.append(f"| {split} ({v['n']}) | {method}{mark}{fitted} | {f1} | {v['macro_f1']:.3f} | "
                        f"{v['brier']:.3f} | {v['ece']:.3f} |")
    return ("## Document-level figures (threshold 0.5, `corpus/purposes/documents.jsonl`)\n\n"
            "| documents | aggregation | F1 " + " | F1 ".join(PURPOSES) + " | macro-F1 | Brier | ECE |\n"
            "| --- | --- | " + " | ".join("---" for _ in PURPOSES) + " | --- | --- | --- |\n"
            + "\n".join(rows) + "\n\nDev documents were used to fit the `calibrated` aggregation "
            "(and three of them are training documents for the passages), so only the test rows are held out.\n")


def _model_card(meta: dict, previous: dict | None) -> str:
    """The README.md written next to a trained model."""
    m = meta.get("metrics") or {}
    rows = "\n".join(
        f"| {label} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | {v['brier']:.3f} | {v['support']} |"
        for label, v in m.get("per_label", {}).items())
    prev = ""
    if previous and "macro_f1" in previous:
        prev = f"\nThe model it replaced ({previous.get('model_version')}) scored macro-F1 {previous['macro_f1']:.3f} on the same split.\n"
    hp = meta["hyperparameters"]
    rel = ", ".join(f"{b['bin']}: {b['mean_prob']:.2f} → {b['observed']:.2f} (n={b['n']})"
                    for b in m.get("reliability", []))
    agg = meta.get("document_aggregation") or {"method": hp["aggregation"]}
    cal = agg.get("calibrated")
    if agg["method"] == "calibrated" and cal:
        doc_score = (f"`calibrated`: P(stated) = sigmoid({cal['coef'][0]:.3f} · logit(top passage probability) "
                     f"{'-' if cal['intercept'] < 0 else '+'} {abs(cal['intercept']):.3f}), one logistic model shared by the four labels, fitted by "
                     f"`train_classifier` on the {cal['fitted_on']}; a document without passages scores 0")
    else:
        doc_score = f"`{agg['method']}` over the passage probabilities"
    return f"""# Purpose classifier `{meta['model_version']}`

Multi-label classifier of German passages about municipal partnerships for the
purposes `reconciliation`, `economic`, `development_cooperation` and
`youth_exchange`; used by `pipeline.purposes.classify_purposes`.

## Model
- Features: {hp['features']}; German lower-casing, hard-wrap de-hyphenation
  and a light suffix stemmer of our own (`pipeline.purposes.analyse_words`).
- Classifier: {hp['classifier']}, C={hp['C']}, one per label, calibrated with
  `CalibratedClassifierCV(method="{hp['calibration']}", cv={hp['cv']}, ensemble=False)`
  on the training split only; seed {hp['seed']}.
- Document score (the `purposes` table): {doc_score}.
- scikit-learn {meta['sklearn_version']}, numpy {meta['numpy_version']}; loading checks the
  scikit-learn version and the labels. `model.joblib` is a pickle: load only models you trust.

## Data
`{meta['training_data']}` (sha256 `{meta['training_data_sha256'][:16]}…`):
{meta['n_train']} training and {meta['n_test']} held-out passages. Own data of the project:
passages cut from the five sample documents, hand-written passages and a templated
share (train only); see `corpus/purposes/README.md` for the annotation guidelines.
Licence: the project's own data and model, same licence as the code (MIT).

## Held-out figures (threshold 0.5, {m.get('n', 0)} passages)

| label | precision | recall | F1 | Brier | support |
| --- | --- | --- | --- | --- | --- |
{rows}

macro-F1 **{m.get('macro_f1', float('nan')):.3f}**, mean Brier {m.get('brier', float('nan')):.3f},
expected calibration error {m.get('ece', float('nan')):.3f} (5 bins, all labels pooled).
{prev}
Reliability on the held-out passages (predicted → observed rate per bin):
{rel}.

{_document_card_section(meta.get("document_metrics"))}
## How the design was chosen
Settings were chosen by 4-fold cross-validation over the hand-written and seed
training passages (templates only ever in the training folds), never on the test
split. C in {{1, 4, 16}} made little difference (macro-F1 0.78–0.79). Out-of-fold,
sigmoid calibration gave ECE 0.016 / Brier 0.052, isotonic 0.041 / 0.057, and the
uncalibrated balanced LR 0.095 / 0.062, so sigmoid is used. Two fixes (dropping list markers from the features; training negatives for
"Entwicklung" in its ordinary sense) were made after looking at the Leipzig and
Dortmund sample documents, now dev documents.

Document scores: `max` (the earlier default) over-states purposes: on the
held-out documents the 0.8–1.0 bin of `max` was right for 76 % of its documents
and the 0.4–0.6 bin for 7 %; one passage that happens to score
high makes the whole document "state" the purpose. The `calibrated` aggregation
maps the top passage probability to the rate observed on the dev documents of
`corpus/purposes/documents.jsonl` (the three sample documents whose passages
train the model are scored by a refit without them): 12 when it was chosen, 44
since the third session, when the blind `t2_*` and `t3_*` sets, each scored once,
joined dev. Leave-one-document-out on the 12 dev documents, adding the second passage, the mean of the top three, the number of passages
≥ 0.5 or log(number of passages) did not lower the Brier score (0.100–0.104 for
all, vs 0.134 for `max`), so the model has two parameters; the data do not show
a length effect. It was chosen on dev, then compared once on the held-out
documents (at the time of the change; test = 19 documents of `documents.jsonl`,
test2 = the 16 `t2_*` documents, then held out):

| documents | aggregation | macro-F1 at 0.5 | Brier | ECE |
| --- | --- | --- | --- | --- |
| test (19) | max | 0.600 | 0.140 | 0.177 |
| test (19) | noisy_or_top2 | 0.615 | 0.162 | 0.228 |
| test (19) | calibrated | 0.492 | 0.099 | 0.062 |
| test2 (16) | max | 0.742 | 0.145 | 0.216 |
| test2 (16) | noisy_or_top2 | 0.713 | 0.184 | 0.275 |
| test2 (16) | calibrated | 0.875 | 0.078 | 0.084 |
| both (35) | max | 0.694 | 0.142 | 0.194 |
| both (35) | calibrated | 0.761 | 0.089 | 0.054 |

`calibrated` is used because it roughly halves the Brier score and the
calibration error on both held-out sets and raises macro-F1 on the 35 held-out
documents together. On the 19 test documents alone it loses macro-F1 (fewer
positives reach 0.5; test has 1–4 positives per label), so it states fewer
purposes than `max` did: a document now needs a passage of about 0.9 or more.

Later blind document sets, written by helpers who saw no model, each scored once with the
model of its time (`twinning evaluate --task purposes --documents corpus/gold/<file>`), calibrated aggregation:

| documents | macro-F1 at 0.5 | Brier | ECE |
| --- | --- | --- | --- |
| test4 (16, third session) | 0.799 | 0.092 | |
| test6 (16, fourth session) | 0.801 | 0.112 | 0.043 |
| test5 (16, fourth session) | 0.892 | 0.071 | 0.089 |
| test7 (17, fifth session) | 0.868 | 0.067 | 0.062 |
| test8 (16, fifth session) | 0.669 | 0.136 | 0.127 |
| test9 (17, sixth session) | 0.742 | 0.117 | 0.070 |
| test10 (16, sixth session) | 0.742 | 0.147 | 0.057 |
| test11 (16, seventh session) | 0.748 | 0.135 | 0.052 |
| test12 (16, seventh session) | 0.897 | 0.073 | 0.103 |
| test13 (17, eighth session) | 0.775 | 0.113 | 0.053 |
| test14 (16, eighth session) | 0.776 | 0.132 | 0.079 |
| test15 (16, ninth session) | 0.925 | 0.040 | |
| test16 (16, ninth session) | 0.872 | 0.057 | |
| test17 (17, tenth session) | 0.935 | 0.049 | |
| test18 (17, tenth session) | 0.922 | 0.044 | |
| test19 (16, eleventh session) | 0.892 | 0.054 | |
| test20 (16, eleventh session) | 0.872 | 0.067 | |
| test21 (16, twelfth session) | 0.881 | 0.045 | 0.095 |
| test22 (16, twelfth session) | 0.738 | 0.103 | 0.049 |
| test23 (16, thirteenth session) | 0.905 | 0.062 | 0.050 |
| test24 (16, thirteenth session) | 0.833 | 0.068 | 0.093 |
| test25 (16, fourteenth session) | 0.991 | 0.017 | 0.050 |
| test26 (16, fourteenth session) | 0.954 | 0.039 | 0.079 |
| test27 (16, fifteenth session) | 0.902 | 0.050 | 0.063 |
| test28 (17, fifteenth session) | 0.934 | 0.044 | 0.037 |
| test29 (16, sixteenth session) | 0.936 | 0.074 | 0.071 |
| test30 (16, sixteenth session) | 0.950 | 0.021 | 0.049 |
| test31 (16, seventeenth session) | 0.938 | 0.040 | 0.038 |
| test32 (16, seventeenth session) | 0.899 | 0.054 | 0.076 |
| test33 (16, eighteenth session) | 0.917 | 0.024 | 0.047 |
| test34 (16, eighteenth session) | 0.875 | 0.055 | 0.059 |
| test35 (17, nineteenth session) | 0.840 | 0.082 | 0.030 |
| test36 (16, nineteenth session) | 0.798 | 0.069 | 0.053 |
| test37 (17, twentieth session) | 0.958 | 0.047 | 0.045 |
| test38 (17, twentieth session) | 1.000 | 0.013 | 0.068 |
| test39 (16, twentieth session) | 0.842 | 0.060 | 0.062 |
| test40 (16, twentieth session) | 0.834 | 0.076 | 0.065 |
| test41 (16, twentieth session) | 0.854 | 0.057 | 0.075 |
| test42 (17, twentieth session) | 0.896 | 0.060 | 0.026 |
| test43 (16, twenty-first session) | 0.772 | 0.087 | 0.063 |
| test44 (16, twenty-first session) | 0.890 | 0.055 | 0.013 |
| test45 (17, twenty-first session) | 0.886 | 0.060 | 0.018 |
| test46 (17, twenty-first session) | 0.778 | 0.082 | 0.119 |
| test47 (17, twenty-first session) | 0.844 | 0.045 | 0.043 |
| test48 (16, twenty-first session) | 0.799 | 0.073 | 0.061 |
| test49 (17, twenty-first session) | 0.882 | 0.057 | 0.063 |
| test50 (17, twenty-first session) | 0.905 | 0.035 | 0.053 |
| test51 (17, twenty-second session; this model) | 0.865 | 0.060 | 0.074 |
| test52 (16, twenty-second session; this model) | 0.852 | 0.055 | 0.050 |
| test53 (17, twenty-third session) | 0.780 | 0.097 | 0.076 |
| test54 (17, twenty-third session) | 0.905 | 0.049 | 0.057 |
| test55 (17, twenty-fourth session) | 0.858 | 0.037 | 0.043 |
| test56 (16, twenty-fourth session) | 0.972 | 0.012 | 0.023 |
| test57 (16, twenty-fifth session) | 0.922 | 0.047 | 0.036 |
| test58 (17, twenty-fifth session) | 0.857 | 0.074 | 0.096 |
| test59 (17, twenty-sixth session) | 0.958 | 0.031 | 0.050 |
| test60 (16, twenty-sixth session) | 0.930 | 0.039 | 0.051 |
| test61 (16, twenty-seventh session) | 0.923 | 0.043 | 0.049 |
| test62 (16, twenty-seventh session) | 0.877 | 0.051 | 0.047 |
| test63 (17, twenty-eighth session) | 0.820 | 0.033 | 0.061 |
| test64 (16, twenty-eighth session) | 0.817 | 0.074 | 0.052 |
| test65 (16, twenty-ninth session) | 0.764 | 0.111 | 0.128 |
| test66 (17, twenty-ninth session) | 0.964 | 0.033 | 0.054 |
| test67 (17, thirtieth session) | 0.901 | 0.045 | 0.018 |
| test68 (16, thirtieth session) | 0.683 | 0.123 | 0.138 |
| test69 (17, thirty-first session; this model) | 0.868 | 0.068 | 0.051 |
| test70 (16, thirty-first session; this model) | 0.918 | 0.062 | 0.056 |
| test71 (16, thirty-second session; this model) | 0.850 | 0.067 | 0.063 |
| test72 (16, thirty-second session; this model) | 0.823 | 0.088 | 0.076 |
| test73 (16, thirty-third session; this model) | 0.863 | 0.077 | 0.064 |
| test74 (16, thirty-third session; this model) | 0.849 | 0.071 | 0.078 |
| test75 (17, thirty-fourth session; this model) | 0.588 | 0.121 | 0.117 |
| test76 (17, thirty-fourth session; this model) | 0.881 | 0.074 | 0.068 |
| test77 (17, thirty-fifth session; this model) | 0.781 | 0.117 | 0.089 |
| test78 (17, thirty-fifth session; this model) | 0.684 | 0.111 | 0.098 |
| test79 (17, thirty-sixth session; this model) | 0.945 | 0.022 | 0.014 |
| test80 (17, thirty-sixth session; this model) | 0.937 | 0.033 | 0.025 |
| test81 (17, thirty-seventh session; this model) | 0.856 | 0.043 | 0.042 |
| test82 (17, thirty-seventh session; this model) | 0.896 | 0.040 | 0.046 |
| test83 (17, thirty-eighth session; this model) | 0.988 | 0.021 | 0.026 |
| test84 (17, thirty-eighth session; this model) | 0.945 | 0.034 | 0.059 |
| test85 (17, thirty-ninth session; this model) | 0.894 | 0.051 | 0.063 |
| test86 (17, thirty-ninth session; this model) | 0.876 | 0.073 | 0.060 |
| test87 (17, fortieth session; this model) | 0.902 | 0.036 | 0.053 |
| test88 (17, fortieth session; this model) | 0.859 | 0.062 | 0.062 |
| test89 (17, forty-first session; this model) | 0.977 | 0.021 | 0.045 |
| test90 (17, forty-first session; this model) | 0.964 | 0.007 | 0.031 |
| test91 (17, forty-second session; this model) | 0.881 | 0.062 | 0.051 |
| test92 (17, forty-second session; this model) | 0.964 | 0.030 | 0.028 |
| test93 (17, forty-third session; this model) | 0.922 | 0.056 | 0.042 |
| test94 (17, forty-third session; this model) | 0.877 | 0.041 | 0.030 |

In the ninth session 457 passages cut from the `t4_*` … `t12_*` documents joined the training
passages (`corpus/purposes/README.md`), so test4–test12 no longer measure the model. On the
two sets that still do, macro-F1 rose from 0.775 to 0.885 (test13, Brier 0.113 → 0.057) and
from 0.776 to 0.879 (test14, Brier 0.132 → 0.080); on the 19 test documents from 0.467 to 0.550.
The two sets written in the ninth session, scored once with this model: test15 (16 documents)
0.925 / Brier 0.040, test16 (16) 0.872 / 0.057 (economic R 0.60 of 5); the previous model on
them: 0.853 and 0.748. All four unseen sets pooled (65 documents): 0.884, previous model 0.779.
Youth-exchange recall on the held-out passages fell (0.52 of 21), because the new passages
follow the blind sets' rule that a school's own exchange is not the town twinning's youth
exchange, which a few older written test passages label otherwise.

Economic purposes are the weakest label on test6 (R 0.40 of 5) and test8 (R 0.20 of
5, a set whose writer made economic mentions deliberately hard), development
cooperation on test5 (R 0.50 of 4), test8 (R 0.40 of 5) and test9 (P 0.50, R 0.50 of 4);
economic again on test10 (P 0.60, R 0.60 of 5); development cooperation again on test11
(P 0.50, R 0.33 of 3), where youth exchange also missed 4 of 13. test15–test22 were scored with
the ninth session's model; on test22 (written for new genres: obituaries, OCR of old letters,
readers' letters, register exports) economic purposes (F1 0.50 of 4), development cooperation
(R 0.50 of 2) and youth exchange (R 0.73 of 11) fall short, the first set below 0.80 since test14.

In the thirteenth session 609 passages cut from the `t13_*` … `t22_*` documents joined the
training passages, so test13–test22 no longer measure the model either; test23 and test24 (written
in that session for new genres: budget excerpts, committee minutes, interviews, grant applications,
e-mail threads, brochures, speeches, theses, web pages with their menus) do. Scored once with each
model: the ninth session's model 0.880 / Brier 0.072 (test23) and 0.823 / 0.070 (test24); this
model 0.905 / 0.062 and 0.833 / 0.068 (on test24 reconciliation P 0.70, economic 0.75 of 4). On the
held-out passages macro-F1 rose from 0.794 to 0.808, on the 19 test documents from 0.550 to 0.650.
test25 and test26 (fourteenth session: Landtag answers, database exports, statutes, election
programmes, social-media posts, OCR of old minutes, obituaries), scored once with this model: 0.991 /
Brier 0.017 and 0.954 / 0.039 (economic P 0.75 of 3). test27 and test28 (fifteenth session: chronicles,
council papers, press releases with datelines, bilingual charters, budget pages, encyclopaedia articles,
theses, annual reports, interviews, gazettes, sports reports, EU project sheets), scored once with the
same model: 0.902 / Brier 0.050 and 0.934 / 0.044 (economic P 0.75 of 3 and 0.71 of 6). test29 and test30 (sixteenth
session: archive finding aids, plenary protocols, newspaper retrospectives, laudations, letters, press
digests, bilingual Euroregion pages, slide decks, Festschriften, wiki lists, travel blogs), scored once
with the same model: 0.936 / Brier 0.074 and 0.950 / 0.021 (economic P 0.75 of 6 and 0.80 of 5; youth
exchange 0.89 on test29). test31 and test32 (seventeenth session: association statutes, obituaries,
coalition agreements, FAQ pages, answers to council questions, social-media timelines, OCR of 1960s
resolutions, city-map legends, statistics reports, school newsletters, remembrance articles, e-mail
newsletters), scored once with the same model: 0.938 / Brier 0.040 and 0.899 / 0.054 (economic P 0.75
of 4 and 0.71 of 5, development cooperation P 0.67 of 2 on test32). test33 and test34 (eighteenth session: mayors'
speeches, year chronicles, German–English and foreign towns' pages, Landtag answers on Ukrainian
solidarity partnerships, climate partnerships, anniversary programmes, readers' letters, radio and
podcast transcripts, economic brochures, badly flattened two-column pages, plaques, infoboxes), scored
once with the same model: 0.917 / Brier 0.024 and 0.875 / 0.055; every label's precision 1.00, the
misses are recall (economic R 0.50 of 4 on test33; youth exchange R 0.73 of 11 and development
cooperation R 0.67 of 6 on test34). test35 and test36 (nineteenth session: council minutes, budget
product sheets, Festschrift timelines, charters in two languages, interviews, press digests, gazettes,
sports reports, EU project reports, children's worksheets, emigrants' namesake towns, partnership
rings, district pages), scored once with the same model: 0.840 / Brier 0.082 and 0.798 / 0.069;
economic purposes are the weak label (P 0.67, R 0.50 of 4 on test35; P 0.25, R 0.50 of 2 on test36,
where Wirtschaft named beside a partnership but denied as its aim was read as one). test37 and test38
(twentieth session: anniversary speeches, county overviews, answers to Kleine Anfragen, obituaries,
association reports, travel blogs, readers' letters, local chronicles, school newspapers, partner
towns' press releases, Wikipedia sections, newsletters, exhibition captions, Patenschaft pages),
scored once with the same model: 0.958 / Brier 0.047 and 1.000 / 0.013; the one weak label was youth
exchange on test37 (P 0.91, R 0.77 of 13), and economic was right on both (4 and 5 documents).
test39 and test40 (the same session's second round: scholarly articles, OCR of 1960s newspapers,
brochures, statutes, calendars, exports, machine translations, social media, job advertisements,
worksheets, grant lists), scored once with the same model: 0.842 / Brier 0.060 and 0.834 / 0.076;
economic is again the weak label (P 0.40, R 0.67 of 3; P 0.67, R 0.50 of 4). test41 and test42 (third
round: letters, prize releases, youth offices' reports, lexicon entries, guest books, bilingual pages,
chatbot transcripts), scored once with the same model: 0.854 / 0.057 and 0.896 / 0.060 (economic
P 0.67, R 0.67 of 6 and R 0.50 of 4). test43 and test44 (twenty-first session: finding aids, quizzes,
election programmes, yearbooks, cookbooks, oral history, open data, press reviews, strategies,
Landtag protocols), scored once with the same model: 0.772 / 0.087 and 0.890 / 0.055; below 0.80 on
test43 through development cooperation (0.50 of 2) and economic (P 0.80, R 0.67 of 6). test45 and test46 (second
round: catalogues, minutes, travel guides, parish newsletters, e-mails, yearbooks, petitions,
obituaries): 0.886 / 0.060 and 0.778 / 0.082 (economic P 0.50 of 3 and development cooperation P 0.50 of 2
on test46). test47 and test48 (third round:
Landtag questions, budget lines, social-media posts, speeches, treaty texts, wiki lists, slides): 0.844 / 0.045
and 0.799 / 0.073; economic recall is 0.50 on both (4 documents each). test49 and test50 (fourth round: tenders,
minutes, surveys, yearbooks, honorary citizens lists): 0.882 / 0.057 and 0.905 / 0.035; economic recall again the
lowest (0.60 of 5, 0.67 of 3).

In the twenty-second session 1379 passages cut from the `t23_*` … `t42_*` documents joined the
training passages (2833 in all), so test23–test42 no longer measure the model; test43 onward do.
On the held-out passages macro-F1 rose from 0.808 to 0.826 (youth exchange 0.703 → 0.809, economic
0.828 → 0.784); on the 19 test documents it is 0.636 (previous model 0.650: one document). On the
eight sets test43–test50 pooled (133 documents, unseen by both models) the thirteenth session's
model scored 0.846 / Brier 0.062, this model 0.874 / 0.055 (economic F1 0.724 → 0.800). On the two
sets written in this session, test51 (bibliographies, organigrams, talk pages, Bürgerhaushalt,
council information systems, Interreg sheets, distance tables, gazettes, letterheads, book reviews,
location brochures, course programmes) and test52 (weather pages, contact directories, Festschrift
contents, year reviews, trains named after partner towns, infobox exports, medal catalogues,
agendas, photo metadata, translated US newsletters), scored once with both models, the previous
model did better: 0.892 and 0.914 against this model's 0.865 and 0.852 (one or two documents per
label: reconciliation and economic precision on test51, development cooperation on test52). All
ten unseen sets pooled (166 documents): previous model 0.855 / Brier 0.060, this model 0.870 / 0.056.
In the twenty-third session two more sets were written and scored once with this model: test53
(aid convoys, citizens' trips, guest-gift inventories, services of worship, plenary protocols,
seminar handouts, satirical columns, mayors' calendars, web pages with menus, business delegations,
street indexes, campaign flyers, songs, press conferences) 0.780, test54 (association registers,
certificates, exchange timetables, radio transcripts, exhibition texts, textbook exercises,
foundation accounts, invitations, history corners, booking pages, statistics tables, petitions,
match reports, machine translations, council decision lists) 0.905. All twelve unseen sets pooled
(200 documents): 0.865 / Brier 0.059; development cooperation has the weakest precision (0.707).
In the twenty-fourth session two more sets were scored once with this model: test55 (job postings,
EU funding forms, readers' letters, cookbooks, obituaries, podcast notes, social media threads,
e-mail threads, budget plans, a court ruling, travel guide boxes, a pub quiz, town-sign inventories,
wiki talk pages, oral-history interviews) 0.858, test56 (encyclopedia entries, almanac articles,
audio guides, an audit report, a council live ticker, a festival menu, a cycle route, a tournament
table, a postmark catalogue, a group chat, a thesis excerpt, a guided tour script, election
questionnaires, a bilingual text, a school yearbook) 0.972. All fourteen unseen sets pooled (233
documents): 0.872 / Brier 0.054; development cooperation still has the weakest precision (0.708).
In the twenty-fifth session two more: test57 (easy-language pages, OCR'd newspaper clippings,
video subtitles, search results, a Festschrift's contents, a funding guideline, classified ads, a
coalition agreement, a Low German column, a school paper interview, a calendar export, a crowdfunding
page, family announcements, hotel reviews, a forum thread) 0.922, test58 (a comic script, a budget
speech, a council members' list, a travel diary, fact sheets, an election poster, a crossword, a
dialect column, an association's statutes, a children's town rally, a pupil's essay, a mayor's CV,
a video transcript, calendar captions, an answer to a council question) 0.857. All sixteen unseen
sets pooled (266 documents): 0.874 / Brier 0.055; development cooperation precision 0.727.
In the twenty-sixth session two more: test59 (a book's index, teletext pages, a wiki diff, JSON and
XML exports, a job reference, a travel expense report, a raffle prize list, a theatre scene, a 1950s
letter, a map legend, pen-pal letters, a sailing log, youth council minutes, voicemail transcripts)
0.958, test60 (a card game, a footnoted scholarly page, a Markdown README, wine and beer labels, a
poem cycle, an estate agent's exposé, a scheduling poll, conference abstracts, a family chronicle, a
street-naming resolution, an auction catalogue, a glossary, picture postcards, a souvenir catalogue,
a 1970s telex) 0.930. All eighteen unseen sets pooled (299 documents): 0.883 / Brier 0.052;
development cooperation precision 0.750.
In the twenty-seventh session two more: test61 (a Wikidata query result, an OpenStreetMap tag dump,
an SQL dump, YAML files, a changelog, a Kanban board, workshop cards, a seating plan, a participants
list, a packing list, a condolence book, a police report, a visa invitation, a book review, lecture
notes) 0.923 (economic precision 0.60 of 3), test62 (an exam with answer key, a phrasebook, a cinema
programme, a stadium magazine, a medal catalogue, business cards, a ballot paper, a grant decision, an
insurance claim, out-of-office replies, a host-family board, a war graves list, donated trees, photo
album captions, a geocache listing) 0.877 (development cooperation recall 0.50 of 4). All twenty
unseen sets pooled (331 documents): 0.884 / Brier 0.052.

In the twenty-eighth session two more: test63 (a GEDCOM export, an RSS feed, a BibTeX bibliography, a
GPX track, raw e-mail sources, a helpdesk ticket, a freedom-of-information request, memos, an
internship report, a cash book, a quotation, a lost-and-found list, a flag plan, a trip diary, a
newspaper correction) 0.820 (economic recall 0.33 of 3), test64 (LaTeX seminar papers, a catalogue
record, a carnival speech, a parade order, a market stall plan, coats of arms, a prize winners' list, a
dunning letter, a vehicle logbook, a protocol checklist, a motivation letter, a shift plan, a ship
naming, a monument register, a telephone directory) 0.817 (economic precision 0.75 and recall 0.60 of
5, development cooperation recall 0.67 of 3). All twenty-two unseen sets pooled (364 documents):
0.880 / Brier 0.052.

In the twenty-ninth session two more: test65 (an iCalendar export, vCards, GeoJSON, RDF Turtle, a
TEI letter, a Graphviz network, a roll-call vote, a consignment note, a questionnaire, a gettext file,
tracked changes, a PDF form, a bell register, a serial letter) 0.764 (economic precision 0.33 and
recall 0.50 of 4, reconciliation 0.80 of 5), test66 (a Fraktur OCR text, TMX and XLIFF files, INI and
TOML files, a Markdown wiki page, a git log, a messenger export, a table of contents, a timetable,
photo captions, a spreadsheet, speaker notes, a museum record, an itinerary, an arbitration ruling)
0.964 (economic precision 0.83 of 5). All twenty-four unseen sets pooled (397 documents): 0.877 /
Brier 0.054 (economic F1 0.791, the weakest label).

In the thirtieth session 994 passages cut from the `t43_*` … `t58_*` documents joined the training
passages, so test43–test58 no longer measure the model; the rows above test59 are the earlier
models'. On the ten sets that still do (test59–test66, 131 documents) the retrained model scores
0.903 / Brier 0.045 where the previous one scored 0.884 / 0.051 (economic F1 0.825 against 0.769);
the held-out written passages dropped from 0.826 to 0.801. Then two new blind sets, scored once with
it: test67 (an RTF source, .docx and OpenDocument XML, ALTO and hOCR pages, an SVG map, KML, a
notebook, a page whose text is in a JSON script, mojibake, a diff, a bank statement, program source,
Mermaid, a chat export, JSON-LD) 0.901 (youth exchange recall 0.75 of 8; the previous model 0.920),
test68 (reStructuredText, an OParl export, web tables one cell per line, a mainframe printout, a
rowspan table, a JSON API response, a feed with escaped HTML, a multi-line CSV, a planning notice, a
donation receipt, a songbook, annual accounts, Org-mode notes, SpreadsheetML, an EPUB chapter) 0.683
(reconciliation 0.60 of 5, youth exchange recall 0.56 of 9, economic recall 0.50 of 4; the previous
model 0.683 too: the misses are in markup the extractor does not read yet). test59–test68 pooled (164
documents): 0.883 / Brier 0.053 (the previous model 0.869 / 0.058).

In the thirty-first session 619 passages cut from the `t59_*` … `t68_*` documents joined the training
passages, so test59–test68 no longer measure the model; the rows above test69 are the earlier
models'. The held-out written passages went from 0.801 to 0.803. Two new blind sets, scored once with
it: test69 (MediaWiki source, a quoted-printable e-mail, a Word document saved as a web page, a WebVTT
transcript, a Hugo page, text-browser dumps, Evernote and WordPress exports, a printed data frame,
DocBook, RIS, an import log, a properties file, a list with Cyrillic and Hebrew names, a WARC record)
0.868 (development cooperation 0.67 of 3; the previous model 0.856), test70 (a Confluence page, an MS
Project export, an XRechnung invoice, an XFDF dump, microdata pages, pandoc Markdown, a codebook, a
Telegram export, tracked changes written out, a Matrix log, a select menu, a pasted TSV file, a GitHub
issue, a dictation, a plain-text e-book) 0.918 / Brier 0.062 (the previous model the same).

In the thirty-second session two more blind sets were scored once with this model, unchanged:
test71 (a MARC21 record, an EAD finding aid, a mind map, an OPML outline, PowerPoint slide XML, a
draw.io diagram, Kindle clippings, a PDF annotation summary, a code-page-850 text, a psql result, a SEPA
XML, Logseq notes, a DokuWiki page, a YouTube description, a 1990s homepage, an Android strings file)
0.850 / Brier 0.067 (economic R 0.60 of 5), test72 (leaked page-builder shortcodes, BBCode, a Mailman
digest, a base64 mail, an Etherpad export, a Trello board, a Notion export, an app-store listing, a
Google Forms CSV, a Marp deck, a gazetteer extract, a revision history, a wedding newspaper, a Wayback
capture, an IDML story, an RDF/XML record) 0.823 / 0.088 (reconciliation P/R 0.75 of 8).

In the thirty-third session two more blind sets were scored once with this model, unchanged:
test73 (spreadsheet XML from .xlsx and .ods, a tweet archive, a Reddit thread, a SPARQL result, an
MHTML archive, a man page, a screenplay, a letter's diplomatic transcription, a Gemini page, a Usenet
article, a CMS's rich-text JSON, an OAI-PMH response, an IIIF manifest, a page printed to PDF, an
exiftool dump) 0.863 / Brier 0.077 (economic R 0.60 of 5), test74 (an OpenAPI description, a GraphQL
response, an SMS backup, a pdftk dump, speaking notes, an AI meeting recap, a Zoom chat, R Markdown, a
Jira issue, Texinfo, a Discord export, an EndNote library, InDesign tagged text, an XMind map, SPSS
syntax, retrieval-index chunks) 0.849 / 0.071 (development cooperation P/R 0.75 of 4).

In the thirty-fourth session two more blind sets were scored once with this model, unchanged:
test75 (OCR and layout output: a Tesseract TSV, an ABBYY XML, a PAGE XML, a Textract JSON; a Whisper
transcript, a CoNLL-U file, a Google Docs JSON, a Slack export, a Facebook download, a HAR file, a
property list, FileMaker and SharePoint exports, an Elasticsearch response, a mongoexport dump, an
ogrinfo dump, an MT940 statement, a PDF content stream) 0.588 / Brier 0.121 (economic R 0.20 of 5,
reconciliation R 0.33 of 3: the text of a word-per-row or character-per-element export is not put
back together, so the passages the model sees are fragments), test76 (AsciiDoc, Typst, PlantUML,
Scribus, LIDO, JATS, Akoma Ntoso, a Leaflet map page, a Vega-Lite chart, a Commons file page, a chess
PGN, LRC lyrics, an ADIF log, an IRC log, ASS subtitles, a base64 mail, a deletion discussion, a data
package) 0.881 / 0.074.

In the thirty-fifth session two more blind sets were scored once with this model, unchanged:
test77 (a Praat TextGrid, an ELAN transcription, a CHAT transcript, a DjVu text dump, a pdftohtml page,
a Cloud Vision response, a NITF report, a plenary protocol's XML, a flat OpenDocument text, a MusicXML
song, a WebAnno export, an R session, a Cypher script, a Prolog base, a GEXF network, an Anki deck, a
GIFT quiz) 0.781 / Brier 0.117 (economic R 0.50 of 6, reconciliation R 0.71 of 7), test78
(QuickStatements, a Lotus Notes DXL export, a CKAN response, a Mastodon outbox, EDN, Terraform, TTML
captions, a ChordPro sheet, a Twine story, a Final Draft script, a GENESIS table, an EU project export,
CSL-JSON, a DCAT-AP record, a Pug template, a textproto file, a scraper's NDJSON log) 0.684 / 0.111
(economic P 0.67, R 0.40 of 5; reconciliation R 0.50 of 8; development cooperation P 0.50 of 3). With
that session's OCR readers test75 still scores 0.588: its misses were not only fragmented text.

In the thirty-sixth session two more blind sets were scored once with this model, unchanged: test79
(an mbox archive, FictionBook, DITA, METS/MODS, N-Triples, JSON-LD, an Atom feed, Ren'Py, Inform 7, ABC
and LilyPond scores, Gherkin, a git log, TiddlyWiki, Excalidraw, PostScript, an ALLRIS page) 0.945 /
Brier 0.022 (development cooperation P 0.75 of 3, youth exchange R 0.86 of 7), test80 (Dhall, Jsonnet,
KDL, HOCON, Avro, an Overpass result, Lua, Haskell, PowerShell, VBA, a COBOL extract, a flat spreadsheet,
a Wikidata entity, a Zenodo record, a Bluesky thread, a Ghost export, a Kubernetes ConfigMap) 0.937 /
0.033 (development cooperation P 0.67 of 2, youth exchange R 0.90 of 10).

In the thirty-seventh session two more were scored once with this model, unchanged: test81 (XBRL,
EDIFACT, a FHIR bundle, a news sitemap, curl -v output, a Makefile, a Dockerfile, an Ansible playbook,
a GitHub Actions workflow, an svn log, Creole, a Roam export, D2, an XÖV message, a SessionNet page, a
ZUGFeRD invoice, a camt.053 statement) 0.856 / Brier 0.043 (development cooperation P 0.50 of 2,
economic R 0.67 of 6), test82 (an OpenRefine export, SAS, MATLAB, a Pluto notebook, Mathematica, a Qt
Linguist file, Fluent, Tcl, AWK, AppleScript, an Airtable CSV, RIS, a Crossref record, a Europeana
record, a GND/lobid entity, a TYPO3 export, a Mailchimp newsletter) 0.896 / 0.040 (economic R 0.50 of
2, youth exchange R 0.85 of 13).

In the thirty-eighth session two more were scored once with this model, unchanged: test83 (an HL7 v2
message, a WKT GIS layer, SDMX, Pharo, AutoHotkey, Coda, ORCID, arXiv, MEDLINE, Kalliope, VIAF,
Wikisource, Joomla, Strapi, Storyblok, a Shopify CSV, oEmbed) 0.988 / Brier 0.021 (youth exchange R 0.91
of 11), test84 (RDFa, microformats, Nostr, Instagram, TikTok, Spotify, SoundCloud, Flickr, Pinterest,
Tumblr, Medium, Substack, Hacker News, Quora, Xing, XPlanung, XJustiz) 0.945 / 0.034 (reconciliation P
0.71 of 5, youth exchange R 0.90 of 10).

In the thirty-ninth session two more were scored once with this model, unchanged: test85 (Bear, Apple
Notes, OneNote, Google Keep, JabRef, DBLP, OpenAlex, Semantic Scholar, Vimeo, Twitch, Signal, iMessage,
Outlook, GTFS, NeTEx, DATEX II, INSPIRE GML) 0.894 / Brier 0.051 (economic R 0.67 of 6, reconciliation R
0.80 of 5, youth exchange R 0.80 of 10), test86 (CityGML, IFC, DXF, Lottie, Figma, Miro, Asana, monday.com,
ClickUp, Basecamp, HedgeDoc, Gitea, Bugzilla, Mattermost, Perl POD, a PHP array, a Delphi form) 0.876 /
0.073 (development cooperation P 0.67 of 4, youth exchange R 0.85 of 13).

In the fortieth session two more were scored once with this model, unchanged: test87 (Rocket.Chat, Zulip,
BigBlueButton, Nuudel, LimeSurvey, KoboToolbox, SOAP, SWIFT MT103, Peppol UBL, DATEV, SAP IDoc, BMEcat,
GAEB, Bundesanzeiger, XDOMEA, Keynote, Impress) 0.902 / Brier 0.036 (development cooperation P 0.67 of 2,
reconciliation R 0.83 of 6), test88 (Wix, Squarespace, Webflow, Prismic, Directus, Kirby, Plone, Liferay,
ILIAS, Canvas, Scratch, Verilog, Javadoc, Doxygen, Fortran, Puppet, OpenStreetMap) 0.859 / 0.062 (economic
P and R 0.75 of 4, youth exchange P 0.78 of 7).

In the forty-first session two more were scored once with this model, unchanged: test89 (Webex, Threema,
SurveyMonkey, Typeform, REDCap, Qualtrics, WSDL, X12, ISO 20022, OSCI, Lexware, XVergabe, Grundbuch,
InDesign, Blackboard, Mahara, Protocol Buffers) 0.977 / Brier 0.021 (reconciliation P 0.83 of 5), test90
(Magnolia, Sitecore, AEM, Craft CMS, Rails seeds, Elixir, OCaml, Kotlin, Salt, Nix, Thrift, OData, Rust,
Gradle, Helm, Beamer, Dart) 0.964 / 0.007 (economic R 0.75 of 4).

In the forty-second session two more were scored once with this model, unchanged: test91 (WeChat, SoSci
Survey, GitLab, Azure DevOps, Mantis, openTRANS, Odoo, lexoffice, GnuCash, Beancount, QIF, DTAUS, Stud.IP,
dBase, DICOM SR, WordPerfect, Outlook CSV) 0.881 / Brier 0.062 (economic R 0.60 of 5), test92 (Umbraco, Contao, Neos,
Statamic, Pimcore, Gatsby, Jenkinsfile, Zig, CMake, Bazel, Pulumi, Vagrantfile, AsyncAPI, XSLT, SQLite,
Rails i18n, Poetry) 0.964 / 0.030 (youth exchange P and R 0.90 of 10).

In the forty-third session two more were scored once with this model, unchanged: test93 (Magento, Concrete
CMS, Nextcloud Talk, Joplin, Pleroma, OpenOlat, journalctl, systemd, Windows Registry, AppStream, Debian,
RPM, PKGBUILD, Homebrew, Chocolatey, Flatpak, Parquet) 0.922 / Brier 0.056 (youth exchange R 0.75 of 8), test94 (setup.cfg,
Cargo, Info.plist, NetCDF, Emacs Lisp, vercel.json, gemspec, Pkl, nox, fly.toml, CloudFormation, Justfile,
Solidity, package.json, Cabal, Leiningen, rebar) 0.877 / 0.041 (economic P and R 0.67 of 3).

## Limits
Small, mostly hand-written training data: the model keys on vocabulary
(Aussöhnung, Jugendaustausch, Entwicklungszusammenarbeit, Unternehmen …) and can
miss purposes stated in unusual words or be misled by negations it has not seen.
Scores of single slide bullets without their heading are the least reliable.

## Retrain
    twinning train-classifier            # or, from Python:
    python -c "from pathlib import Path; from pipeline.purposes import train_classifier as t; \\
      print(t(Path('corpus/purposes/passages.jsonl'), Path('models/purpose'), C={hp['C']}, seed={hp['seed']}))"
"""


# --------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------


def _aggregate(probs: np.ndarray, how: str = DOCUMENT_AGGREGATION, params: dict | None = None) -> float:
    """Document score from passage probabilities of one label.

    ``max``: the document states a purpose as surely as its clearest passage.
    ``noisy_or_top2``: two independent passages count as two pieces of evidence
    (1 - (1-p1)(1-p2)); only the top two, so that many weak passages of a long
    document do not add up to a false "stated".
    ``calibrated``: a logistic model on the logit of the top passage probability
    (``params`` from ``_fit_document_calibration``). Passage probabilities are
    calibrated for single passages; the top one of many is biased upwards (one
    passage of a document that happens to score 0.6 does not make a 60 % chance
    that the document states the purpose), and this maps it back to the observed
    rate on labelled documents. Monotone in the top passage; no passages → 0.
    """
    if probs.size == 0:
        return 0.0
    top = np.sort(probs)[::-1]
    if how == "max":
        return float(top[0])
    if how == "noisy_or_top2":
        return float(1.0 - np.prod(1.0 - top[:2]))
    if how == "calibrated":
        if not params:
            raise ModelError("this purpose model has no fitted document calibration; "
                             "retrain it with `twinning train-classifier`")
        z = params["intercept"] + float(np.dot(params["coef"], _document_features(top)))
        return float(1.0 / (1.0 + np.exp(-z)))
    raise ValueError(f"unknown aggregation {how!r}")


# The one feature of the calibrated aggregation. Leave-one-document-out on the dev
# documents, adding the second passage, the mean of the top three, the number of
# passages ≥ 0.5 or log(number of passages) did not lower the Brier score
# (0.100–0.104 for all), so the model stays at two parameters.
_DOCUMENT_FEATURES = ("logit_top1",)
_LOGIT_CLIP = 1e-4


def _document_features(top: np.ndarray) -> list[float]:
    """Features of one label's passage probabilities, sorted in descending order."""
    p1 = float(np.clip(top[0], _LOGIT_CLIP, 1 - _LOGIT_CLIP))
    return [float(np.log(p1 / (1 - p1)))]


def _fit_document_calibration(columns: Sequence[np.ndarray], gold: Sequence[int], *, C: float = 1.0) -> dict:
    """Fit the ``calibrated`` aggregation: one logistic model shared by the four labels.

    ``columns`` are the passage probabilities of one (document, label) each and
    ``gold`` whether the document states that label. Shared across labels because
    there are a few dozen such pairs (12 dev documents × 4 labels); L2 with C=1
    keeps the two parameters tame.
    """
    from sklearn.linear_model import LogisticRegression

    X = np.array([_document_features(np.sort(c)[::-1]) for c in columns if c.size])
    y = np.array([g for c, g in zip(columns, gold) if c.size])
    if len(set(y.tolist())) < 2:
        raise ConfigError("document calibration needs documents with and without each purpose")
    model = LogisticRegression(C=C).fit(X, y)
    return {"features": list(_DOCUMENT_FEATURES), "coef": [round(float(c), 6) for c in model.coef_[0]],
            "intercept": round(float(model.intercept_[0]), 6), "C": C, "n_pairs": int(len(y)),
            "n_positive": int(y.sum())}


def _city_pattern(name: str) -> re.Pattern[str]:
    """Match a city name or its first word as a word prefix ("Görlitz" in "Görlitzer")."""
    variants = {name.strip()}
    first = re.split(r"[\s(/]", name.strip())[0]
    if len(first) >= 4:
        variants.add(first)
    alternation = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True) if v)
    return re.compile(rf"(?<!\w)(?:{alternation})", re.IGNORECASE)


def classify_purposes(document: Document, partnerships: list[Partnership],
                      classifier: PurposeClassifier, *, threshold: float = 0.5) -> list[PurposeScore]:
    """Score the purposes a document states, with the passages that say so.

    Returns one document-level ``PurposeScore`` per purpose (always all four), then
    one per (partnership, purpose) when a passage that names both cities of the
    pair, or is the pair's evidence sentence, scores the purpose at ``threshold``
    or more. Evidence is quoted verbatim from ``document.text``.
    """
    text = document.text or ""
    spans = split_passages(text)
    passages = [text[s:e] for s, e in spans]
    probs = classifier.predict_passages(passages)
    version = classifier.model_version
    scores: list[PurposeScore] = []
    for j, label in enumerate(classifier.labels):
        column = probs[:, j] if len(passages) else np.zeros(0)
        scores.append(PurposeScore(purpose=label, score=round(classifier.document_score(column), 4),
                                   evidence=_evidence(passages, column, threshold), model_version=version))
    seen: set[tuple[str, str]] = set()
    for partnership in partnerships:
        pair = (partnership.city_a, partnership.city_b)
        if pair in seen or not passages:
            continue
        seen.add(pair)
        tied = _tied_passages(passages, spans, text, partnership)
        if not tied:
            continue
        for j, label in enumerate(classifier.labels):
            column = probs[tied, j]
            score = classifier.document_score(column)
            if score < threshold:
                continue
            chosen = [passages[i] for i in tied]
            scores.append(PurposeScore(purpose=label, score=round(score, 4),
                                       evidence=_evidence(chosen, column, threshold), model_version=version,
                                       city_a=partnership.city_a, city_b=partnership.city_b))
    return scores


def _evidence(passages: Sequence[str], column: np.ndarray, threshold: float, limit: int = 3) -> list[str]:
    """The top passages (at most ``limit``) at or above ``threshold``; else the single top one."""
    if column.size == 0:
        return []
    order = np.argsort(-column, kind="stable")
    chosen = [passages[i].strip() for i in order[:limit] if column[i] >= threshold]
    return chosen or [passages[order[0]].strip()]


def _tied_passages(passages: Sequence[str], spans: Sequence[tuple[int, int]], text: str,
                   partnership: Partnership) -> list[int]:
    """Indices of passages that name both cities of the pair or overlap its evidence."""
    a, b = _city_pattern(partnership.city_a), _city_pattern(partnership.city_b)
    evidence = " ".join(partnership.evidence.split())
    start = text.find(partnership.evidence) if partnership.evidence else -1
    tied = []
    for i, passage in enumerate(passages):
        flat = " ".join(passage.split())
        if a.search(passage) and b.search(passage):
            tied.append(i)
        elif evidence and (flat in evidence or evidence in flat):
            tied.append(i)
        elif start >= 0 and spans[i][0] < start + len(partnership.evidence) and start < spans[i][1]:
            tied.append(i)
    return tied
