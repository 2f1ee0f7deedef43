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
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from pipeline.errors import ConfigError, ModelError
from pipeline.types import PURPOSES, Document, Partnership, PurposeScore

MODEL_FILE = "model.joblib"
META_FILE = "meta.json"
CARD_FILE = "README.md"

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


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


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
    after = chunk[cut:].lstrip()
    if not after:
        return False
    if after[0].islower() or after[0] in ",;)":
        return True  # "ca. zwölf", "Nr. 3, ..." or a lowercase continuation
    before = chunk[:dot]
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

    Hard-wrap hyphens are joined ("Be-\\ngegnung" → "begegnung"), bullets and
    whitespace are flattened, and a light German suffix stemming is applied to
    word tokens so that "Partnerstädten", "Partnerstädte" share a feature.
    """
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
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
