"""Plain data types that flow between the stages.

Every stage is a function of one document: it takes these values and returns
new ones, so that stages can run in separate processes (or on a cluster via
Dask/Ray) without shared state. All types are JSON-serialisable through
``to_dict``/``from_dict`` so that the single-stage CLI commands can write them
to ``outputs/`` and read them back.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

MEDIA_TYPES = ("pdf", "html", "text")
ENTITY_LABELS = ("CITY", "LOC", "PERSON", "ORG", "YEAR", "MISC")
PARTNERSHIP_KINDS = ("partnership", "friendship", "cooperation", "district_partnership")
PURPOSES = ("reconciliation", "economic", "development_cooperation", "youth_exchange")


class _Record:
    """Mixin: dict round-trip that ignores unknown keys (forward compatible)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Document(_Record):
    """One input file after extraction: its clean text and what we know of it."""

    doc_id: str
    source_path: str
    media_type: str
    text: str = ""
    title: str | None = None
    language: str | None = None
    n_pages: int | None = None
    published: str | None = None
    status: str = "ok"
    error: str | None = None

    @property
    def n_chars(self) -> int:
        return len(self.text)


@dataclass
class Mention(_Record):
    """An entity mention with character offsets into ``Document.text``."""

    label: str
    text: str
    start_char: int
    end_char: int
    normalized: str | None = None
    geonames_id: int | None = None
    country_code: str | None = None
    role: str | None = None


@dataclass
class Partnership(_Record):
    """One partnership that a document states, with the sentence that says so."""

    city_a: str
    city_b: str
    kind: str = "partnership"
    city_a_geonames_id: int | None = None
    city_a_country: str | None = None
    city_b_geonames_id: int | None = None
    city_b_country: str | None = None
    since_year: int | None = None
    evidence: str = ""
    confidence: float = 1.0


@dataclass
class PurposeScore(_Record):
    """Probability that a document (or one of its partnerships) states a purpose."""

    purpose: str
    score: float
    evidence: list[str] = field(default_factory=list)
    model_version: str = ""
    # When the text ties the purpose to one pair, the pair's city names.
    city_a: str | None = None
    city_b: str | None = None


@dataclass
class Analysis(_Record):
    """Everything the pipeline found in one document: the unit that is loaded."""

    document: Document
    entities: list[Mention] = field(default_factory=list)
    partnerships: list[Partnership] = field(default_factory=list)
    purposes: list[PurposeScore] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document.to_dict(),
            "entities": [m.to_dict() for m in self.entities],
            "partnerships": [p.to_dict() for p in self.partnerships],
            "purposes": [p.to_dict() for p in self.purposes],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Analysis":
        return cls(
            document=Document.from_dict(data["document"]),
            entities=[Mention.from_dict(m) for m in data.get("entities", [])],
            partnerships=[Partnership.from_dict(p) for p in data.get("partnerships", [])],
            purposes=[PurposeScore.from_dict(p) for p in data.get("purposes", [])],
        )
