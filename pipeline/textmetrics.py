"""Word-level comparison of an extracted text with a reference text."""

from __future__ import annotations

import re
from collections import Counter

# A token is a word with its hyphens: "deutsch-polnische", "Kultur-" (truncated
# compound) and "-clubs" stay distinct from "deutschpolnische", "Kultur", "clubs",
# so that wrong de-hyphenation costs points.
_TOKEN = re.compile(r"-?\w+(?:[-‐]\w+)*-?")


def tokenize(text: str) -> list[str]:
    """Word tokens with attached hyphens, case kept; punctuation and bullets ignored."""
    return _TOKEN.findall(text)


def word_f1(predicted: str, reference: str) -> float:
    """Bag-of-words F1 (multiset overlap) between two texts; 1.0 means the same words."""
    pred, ref = Counter(tokenize(predicted)), Counter(tokenize(reference))
    if not pred and not ref:
        return 1.0
    overlap = sum((pred & ref).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(pred.values())
    recall = overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)
