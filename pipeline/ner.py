"""The entity stage: people with their roles, cities linked to GeoNames, years.

A statistical spaCy model (ours under ``models/ner``, or an official German
pipeline such as ``de_core_news_lg``) tags PER, LOC, ORG and MISC. This module
turns its output into the ``entities`` contract of DESIGN.md:

- PER becomes PERSON, with the full name and the function the text gives
  ("der Görlitzer Oberbürgermeister Rolf Karbaum"); a later "Karbaum" maps to
  the same person.
- LOC becomes CITY when the gazetteer links it to a city (with GeoNames id and
  country), else stays LOC (countries, regions).
- A gazetteer pass finds the cities a model misses in slide decks and lists
  ("Addis\\nAbeba", "Ho-Chi-Minh-Stadt", "Xi´an, China seit 1992").
- YEAR comes from rules ("seit 1960", "1990/91"), never from phone numbers.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from itertools import pairwise
from operator import attrgetter
from pathlib import Path

import spacy
from spacy.language import Language

from pipeline.cities import (
    GERMAN_STATES, GIVEN_NAMES, NOT_PLACE_WORDS, Gazetteer, Place, country_code_for, country_code_for_abbreviation, country_code_for_sign,
    is_region_abbreviation, normalize_name, spelling_variants,
)
from pipeline.errors import ModelError
from pipeline.types import Mention

DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "models" / "ner"

# spaCy's nlp.max_length is 1,000,000 characters; chunks of paragraphs keep
# memory flat on long council papers and let nlp.pipe batch them.
_CHUNK_CHARS = 20_000
_DATA_DIR = Path(__file__).resolve().parent / "data"


def load_nlp(name_or_path: str | Path = DEFAULT_MODEL) -> Language:
    """Load a German spaCy pipeline by folder or installed package name, able to split sentences.

    Raises ``ModelError`` when neither a folder nor an installed package of that
    name exists, or when the pipeline has no ``ner`` component.
    """
    path = Path(name_or_path)
    looks_like_path = isinstance(name_or_path, Path) or path.is_absolute() or "/" in str(name_or_path)
    if looks_like_path and not path.is_dir():
        raise ModelError(
            f"no spaCy model folder at {path}: train one with `twinning train-ner` "
            "or pass an installed pipeline name such as de_core_news_lg"
        )
    try:
        nlp = spacy.load(path if path.is_dir() else str(name_or_path))
    except (OSError, ValueError) as error:
        raise ModelError(f"cannot load spaCy model {name_or_path!s}: {error}") from error
    if "ner" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {name_or_path!s} has no 'ner' component")
    labels = {_generic_label(label) for label in nlp.get_pipe("ner").labels}
    if labels and not {"PER", "LOC"} <= labels:
        raise ModelError(f"spaCy model {name_or_path!s} tags {sorted(labels)}, but PER and LOC are needed")
    if not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
        nlp.add_pipe("sentencizer")
    return nlp


def find_entities(text: str, nlp: Language, gazetteer: Gazetteer) -> list[Mention]:
    """All entity mentions of one document's text, sorted by offset.

    Offsets index ``text``: ``text[m.start_char:m.end_char] == m.text``.
    """
    original, text = text, _without_note_numbers(text)
    words = _words(text)
    spans = _model_spans(text, nlp)
    found = _gazetteer_matches(text, words, gazetteer)
    # Surnames of people named in full with a given name: "Klaus Weimar" keeps "Weimar" a person
    # there, but "Ausgabe Saarlouis" (the model's PER) must not make every "Saarlouis" one.
    surnames = {
        name[-1] for name in (text[s.start : s.end].split() for s in spans if s.label == "PER")
        if len(name) > 1 and (name[0] in GIVEN_NAMES or name[0].lower().rstrip(".") in _TITLES)
    }
    starts = [m.start_char for m in found]
    persons = [s for s in spans if s.label == "PER" and _is_person_span(text, s, found, starts, surnames)]
    others = [s for s in spans if s.label != "PER"]

    mentions: list[Mention] = []
    mentions += _person_mentions(text, words, persons, gazetteer)
    taken = _Coverage(mentions)
    places = _place_mentions(text, others, found, gazetteer, taken)
    mentions += places
    taken.add_all(places)
    mentions += [m for m in _year_mentions(text) if not taken.overlaps(m.start_char, m.end_char)]
    _link_in_context(text, mentions, gazetteer)
    mentions += _short_names(text, mentions)
    mentions += _capitalised_names(text, mentions)
    mentions = _repeated_names(text, mentions)
    mentions = [m for m in mentions if not (m.label == "CITY" and (
        _part_of_region_name(text, m, gazetteer) or _end_of_a_french_name(text, m) or _month_of_a_date(text, m)))]
    mentions.sort(key=lambda m: (m.start_char, m.end_char))
    for m in mentions:
        m.text = original[m.start_char : m.end_char]
    return mentions


# A footnote's number glued to the word it annotates ("Montbéliard32", "Besançon34", "Vienne²"), as scholarly
# PDFs come out of text extraction: blanked (same length, so offsets hold) before names are sought.
_NOTE_NUMBER = re.compile(r"(?<=[a-zäöüßàâçéèêëîïôûùÿñóáíúłńśźżąęěščřžýůő]{3})\d{1,3}(?=[\s,.;:)]|$)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


def _without_note_numbers(text: str) -> str:
    return _NOTE_NUMBER.sub(lambda match: " " * len(match.group()), text)


# A full name whose first word stands for it later: "Steinach am Brenner" ... "die Partnergemeinde Steinach",
# "Lauf a.d.Pegnitz" ... "pflegt Lauf Partnerschaften".
_SHORTENED = re.compile(
    r"([A-ZÄÖÜ][\wäöüß-]+)(?:\s+(?:am|an der|ob der|im|in der|bei|an)\s+\S|\s+(?:[aiv]\.\s?d\.|a\.|i\.)\s?[A-ZÄÖÜ]|\s*\()")


def _short_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Bare first words of a city the document names in full, where nothing else was found."""
    short: dict[str, Mention] = {}
    ambiguous = set()
    for m in mentions:
        match = _SHORTENED.match(m.text) if m.label == "CITY" and m.geonames_id is not None else None
        if match and len(match.group(1)) >= 4:
            if short.setdefault(match.group(1), m).geonames_id != m.geonames_id:
                ambiguous.add(match.group(1))  # "Wörth am Rhein" and "Wörth am Main"
    # A word the text also names bare as another city ("Brixen – Bressanone" beside the
    # namesake "Brixen im Thale") is as ambiguous as two full names.
    ambiguous |= {m.text for m in mentions if m.label == "CITY" and m.text in short
                  and m.geonames_id != short[m.text].geonames_id}
    short = {word: m for word, m in short.items() if word not in ambiguous}
    return _same_city_elsewhere(text, mentions, short, r"\b({})\b(?![\w-])")


def _capitalised_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A city the document names also in capitals: the letterhead "DINKELSBÜHL" or "STADT PLAUEN"
    of a flyer that says "Dinkelsbühl" further down. (Capitals alone are too often acronyms to be
    trusted: "AMBERG" is a city, "CDU" is not.)"""
    known: dict[str, Mention] = {}
    for m in mentions:
        if m.label == "CITY" and m.geonames_id is not None and len(m.text) >= 4 and m.text.upper() != m.text:
            known.setdefault(m.text.upper(), m)
    return _same_city_elsewhere(text, mentions, known, r"(?<![\w-])({})(?![\w-])")


def _repeated_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A city's name once linked stands for that city wherever else the text writes it: the model,
    trained on news sentences, reads "Domažlice" as a city in one line of a chronicle, as an
    organisation in the next and not at all at the start of a third. A name linked to two places
    ("Frankfurt") or that is also a German noun ("Essen", "Halle") is left to each context."""
    linked: dict[str, set[int]] = {}
    first: dict[str, Mention] = {}
    for m in mentions:
        if m.label == "CITY" and m.geonames_id is not None and len(m.text) >= 4 and "\n" not in m.text:
            linked.setdefault(m.text, set()).add(m.geonames_id)
            first.setdefault(m.text, m)
    forms = {name: first[name] for name, ids in linked.items()
             if len(ids) == 1 and normalize_name(name) not in _NOUN_CITIES and name.upper() != name}
    if not forms:
        return mentions
    def a_district(start: int) -> bool:  # "Bezirk Domažlice (Okres Domažlice)": the district, not its town
        return bool(_DISTRICT_WORD_BEFORE.search(text, max(0, start - 20), start))

    # The same name in capitals ("INFOBOX: GÖRLITZ – ...") and the name the model ran on into a word of
    # the partnership's own ("hat Görlitz Partner in halb Europa") are the city too.
    capitals = {name.upper(): city for name, city in forms.items()}
    kept = []
    for m in mentions:
        city = None
        if m.label in ("ORG", "MISC", "LOC") and not a_district(m.start_char):
            city = forms.get(m.text) or capitals.get(m.text)
            ran_on = _RUN_ON_PARTNER_WORD.fullmatch(m.text) if city is None else None
            if ran_on and (city := forms.get(ran_on.group(1))) is not None:
                m = replace(m, text=ran_on.group(1), end_char=m.start_char + ran_on.end(1))
        kept.append(m if city is None else Mention("CITY", m.text, m.start_char, m.end_char, normalized=city.normalized,
                                                   geonames_id=city.geonames_id, country_code=city.country_code))
    added = _same_city_elsewhere(text, kept, forms, r"(?<![\w-])({})(?![\w-])")
    return kept + [m for m in added if not a_district(m.start_char)]


_RUN_ON_PARTNER_WORD = re.compile(r"(.+?)\s+(?:Partner|Partnern|Partnerstädte|Partnerstädten|Freunde)")


_DISTRICT_WORD_BEFORE = re.compile(
    r"\b(?:Bezirk|Bezirks|Okres|Powiat|Kreis|Kreises|Landkreis|Landkreises|Region|Rajon|Komitat|Gmina|Amt|Amtes)\s+$")


def _same_city_elsewhere(text: str, mentions: list[Mention], forms: dict[str, Mention], pattern: str) -> list[Mention]:
    """New CITY mentions wherever one of ``forms`` stands (``pattern`` puts the alternatives in
    context) and nothing was found yet, each linked like the mention it is another form of."""
    if not forms:
        return []
    taken = _Coverage(mentions)
    added = []
    for match in re.finditer(pattern.format("|".join(map(re.escape, forms))), text):
        if taken.overlaps(match.start(), match.end()):
            continue
        full = forms[match.group(1)]
        added.append(Mention("CITY", match.group(1), match.start(), match.end(), normalized=full.normalized,
                             geonames_id=full.geonames_id, country_code=full.country_code))
    return added


# Words that make the name after them a region's: "in der englischen Grafschaft Suffolk" (not
# Suffolk, Virginia), "im US-Bundesstaat New York", "in der Provinz Lodi".
_REGION_WORD_BEFORE = re.compile(
    r"\b(?:Grafschaft|Département|Departement|Provinz|Bundesstaat|US-Bundesstaat|Kanton|Woiwodschaft|Oblast)\s+$")


def _part_of_region_name(text: str, mention: Mention, gazetteer: Gazetteer) -> bool:
    """ "Baden" of "Baden-Württembergs", "Schleswig" of "Schleswig-Holstein": a town's name that
    only begins the hyphenated name of a Land or region; or one that a region word names as the region."""
    if _REGION_WORD_BEFORE.search(text, max(0, mention.start_char - 20), mention.start_char):
        return True
    if not text.startswith("-", mention.end_char):
        return False
    compound = re.match(r"[\w-]+", text[mention.start_char :]).group().rstrip("-")
    return any(gazetteer.is_region(name) or country_code_for(name) for name in (compound, compound.removesuffix("s")))


# The tail of a French name that GeoNames does not hold: "Collonges-la-|Rouge|", "Puy de |Dôme|",
# "Gouffre de |Padirac|". The place named is the whole, not the town that shares its last word.
_FRENCH_NAME_BEFORE = re.compile(r"(?:\w-(?:la|le|les|de|du|des|sur|sous|en|lès|aux|au)-|\b(?!(?:Ville|Commune|Mairie) )[A-ZÉ]\w+ (?:de|du|des) )$")


# An English date's month, as chat and mail exports write it: "Mar 14, 2023 at 18:22" ("Mar" is a town in Brazil).
_DATE_MONTH = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
_DAY_AFTER_MONTH = re.compile(r"\.?\s\d{1,2}(?:st|nd|rd|th)?,?\s")


def _month_of_a_date(text: str, mention: Mention) -> bool:
    return bool(_DATE_MONTH.fullmatch(mention.text) and _DAY_AFTER_MONTH.match(text, mention.end_char))


def _end_of_a_french_name(text: str, mention: Mention) -> bool:
    return bool(_FRENCH_NAME_BEFORE.search(text, max(0, mention.start_char - 30), mention.start_char))


# --- model output ----------------------------------------------------------------


@dataclass(frozen=True)
class _Span:
    label: str  # PER, LOC, ORG or MISC
    start: int
    end: int


# Label sets differ between pipelines: ours and de_core_news_* use PER/LOC/ORG/MISC,
# English-style models PERSON/GPE/FAC/NORP, GermEval-trained ones LOCderiv, ORGpart.
_LABEL_MAP = {"PER": "PER", "PERSON": "PER", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC", "ORG": "ORG"}


def _generic_label(label: str) -> str:
    # Anything else is MISC, also "LOCderiv" (Görlitzer) and "LOCpart"
    # (Görlitz-Weinhübel): not places themselves; the gazetteer decides about them.
    return _LABEL_MAP.get(label.upper(), "MISC")


_COLUMN_GAP = re.compile(r"[ \t]{3,}|\t")


_ITEM_NUMBER = re.compile(r"\d{1,2}[.)][ \t]+(?=[A-ZÄÖÜ])")


def _model_spans(text: str, nlp: Language) -> list[_Span]:
    """The model's entities over ``text``, processed in paragraph chunks, with offsets into ``text``."""
    chunks = _chunks(text)
    spans: list[_Span] = []
    for (offset, _), doc in zip(chunks, nlp.pipe(chunk for _, chunk in chunks)):
        for ent in doc.ents:
            start, end = offset + ent.start_char, offset + ent.end_char
            # Trim what models glue to a name: quotes, brackets, line ends.
            while start < end and not text[start].isalnum():
                start += 1
            if number := _ITEM_NUMBER.match(text, start, end):
                start = number.end()  # a quiz's "2. Hamburg hat ...": the item's number is not the name's
            while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)'"):
                end -= 1
            # A column gap ends a name: "Ville de Huningue      Kooperation" is two cells of a table.
            gap = _COLUMN_GAP.search(text, start, end)
            if gap is not None:
                end = gap.start()
            if end > start:
                spans.append(_Span(_generic_label(ent.label_), start, end))
    return spans


def _chunks(text: str) -> list[tuple[int, str]]:
    """Split at blank lines into pieces of at most ~_CHUNK_CHARS, as (offset, piece)."""
    if len(text) <= _CHUNK_CHARS:
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + _CHUNK_CHARS)
        if end < len(text):
            for separator in ("\n\n", "\n", ". ", " "):
                cut = text.rfind(separator, start + _CHUNK_CHARS // 2, end)
                if cut != -1:
                    end = cut + len(separator)
                    break
        chunks.append((start, text[start:end]))
        start = end
    return chunks


# --- words --------------------------------------------------------------------


# Not frozen: a frozen dataclass pays an object.__setattr__ per field, and
# _words builds one _Word per word of every document. Nothing mutates them.
@dataclass(slots=True)
class _Word:
    text: str
    start: int
    end: int


# Words with inner apostrophes ("Xi´an", "Xi’an") and hyphen-joined parts stay
# separate words; the gaps between them decide what may form one name.
# A French "d'" before a name is a word of its own: "Ville d'Ensisheim" names Ensisheim.
_WORD = re.compile(r"(?:(?<=Ville )|(?<=Commune ))d['’](?=[A-ZÄÖÜÉ])|\w+(?:['´’`]\w+)*")


def _words(text: str) -> list[_Word]:
    return [_Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


class _Coverage:
    """Character ranges already claimed by a mention, to keep mentions disjoint."""

    def __init__(self, mentions: list[Mention] = ()) -> None:
        self._taken = bytearray()
        self.add_all(mentions)

    def add(self, start: int, end: int) -> None:
        if len(self._taken) < end:
            self._taken.extend(b"\0" * (end - len(self._taken)))
        self._taken[start:end] = b"\1" * (end - start)

    def add_all(self, mentions) -> None:
        for m in mentions:
            self.add(m.start_char, m.end_char)

    def overlaps(self, start: int, end: int) -> bool:
        return any(self._taken[start:end])


# --- persons and roles ------------------------------------------------------------

# Function titles that German texts put before a name ("Oberbürgermeister Rolf
# Karbaum", "ihres Sprechers Frank Rühling") or after it as an apposition
# ("Jan Heyen, EU-Referent im Leipziger Rathaus"). Compounds end in one of them:
# Pressesprecher, EU-Referent, Referatsleiterin. Own curation.
_ROLE_WORDS = (
    "bürgermeister", "oberbürgermeister", "sprecher", "referent", "leiter", "stadtrat", "stadträtin",
    "landrat", "landrätin", "präsident", "vorsitzende", "beigeordnete", "minister", "botschafter",
    "geschäftsführer", "direktor", "dezernent", "amtsdirektor", "staatssekretär", "abgeordnete",
    "konsul", "kanzler", "senator", "gouverneur", "kämmerer", "koordinator", "beauftragte",
    "ortsvorsteher", "stadtverordnete", "vorstand", "sekretär", "rektor", "intendant", "bischof",
    "pfarrer", "vorsteher", "stadtdirektor", "referatsleiter", "amtsleiter", "chef", "manager",
    "hauptamtsleiter", "stadtpräsident", "ministerpräsident", "kommissar", "delegierte",
)
# Words that end like a role but are not one: a "Begleiter" (companion) is no "Leiter".
_NOT_ROLES = frozenset({"begleiter", "wegbegleiter", "reisebegleiter", "fürsprecher", "mitstreiter"})
_ROLE_ENDINGS = ("in", "s", "es", "n", "en", "r")
_ROLE = re.compile(
    r"^(?P<base>[\w-]*?(?:" + "|".join(sorted(_ROLE_WORDS, key=len, reverse=True)) + r"))"
    r"(?P<ending>" + "|".join(_ROLE_ENDINGS) + r")?$",
    re.IGNORECASE,
)
# The possible last three letters of a role word with its ending (see _role_of).
_ROLE_TAILS = frozenset((role + ending)[-3:] for role in _ROLE_WORDS for ending in ("", *_ROLE_ENDINGS))
# Academic and honorific titles between role and name: "Oberbürgermeister Dr. Burkhard Jung".
_TITLES = frozenset({"dr", "prof", "med", "phil", "rer", "nat", "jur", "h", "c", "dipl", "ing", "herr", "frau"})
_ARTICLES = frozenset({"der", "die", "des", "dem", "den"})


def _role_of(word: str) -> str | None:
    """The nominative role a word names: "Sprechers" → "Sprecher", "Referatsleiterin" stays."""
    # Two cheap tests first, since this runs for every capitalised word and _ROLE
    # tries its long alternation at every letter: roles are capitalised, and a
    # word whose last three characters are ASCII letters must end like a role
    # ("...ter", "...ent", "...rin"). Other tails (umlauts, "ſ", digits) are left
    # to _ROLE itself, whose IGNORECASE also matches a few non-ASCII letters to
    # ASCII ones and whose "$" allows a final line break.
    if not _is_capitalised(word):
        return None
    tail = word[-3:]
    if tail.isascii() and tail.isalpha() and tail.lower() not in _ROLE_TAILS:
        return None
    match = _ROLE.match(word)
    if not match or word.casefold() in _NOT_ROLES:
        return None
    base, ending = match.group("base"), (match.group("ending") or "").lower()
    if ending == "in":
        return base + match.group("ending")
    if ending == "r" and base.lower().endswith("e"):
        return base + match.group("ending")  # "Vorsitzender", "Beigeordneter" are nominative
    if ending in ("n", "en") and not base.lower().endswith("e"):
        return None  # "Bürgermeistern": a plural, not one person's title
    return base


def _is_person_span(text: str, span: _Span, found: list[Mention], starts: list[int], surnames: set[str]) -> bool:
    """Whether a model's PER span is a person: not "A" (a rating on a slide), not a city.

    The model takes "Addis Abeba" on a slide, "Krakau" in "Gespräche mit
    Krakau und Prag" or "Kreisstadt Meißen" for people. A span that the
    gazetteer knows as a place is a place, unless it is the surname of a
    person named in full elsewhere in the document.
    """
    surface = text[span.start : span.end]
    words = surface.split()
    if not re.search(r"[a-zäöüß]", surface) or len(surface) < 3:
        return False
    if words[0].lower() in _CITY_HEADS or words[0].lower().endswith(("stadt", "gemeinde")) or _NOT_A_NAME.search(words[-1]):
        # "Kreisstadt Meißen", "Meine Heimatstadt Bergen auf Rügen"
        return False
    for m in _overlapping(found, starts, span.start, span.end):
        if m.label in ("CITY", "LOC") and m.start_char <= span.start and span.end <= m.end_char:
            if len(words) > 1 or surface not in surnames:
                return False
        if m.label == "CITY" and m.end_char == span.end and (
                (len(words) == 2 and words[0] not in GIVEN_NAMES) or (len(words) > 1 and words[-2].lower() in _CITY_HEADS)):
            # "Ausgabe Saarlouis", "Kreisstadt Meißen": a noun before a city, no given name;
            # "Alte Hansestadt Lemgo": a town's title
            return False
    return True


def _overlapping(mentions: list[Mention], starts: list[int], start: int, end: int) -> list[Mention]:
    """The mentions (sorted, disjoint, with their ``starts``) that overlap ``start:end``, by bisection."""
    k = max(bisect.bisect_right(starts, start) - 1, 0)
    hits = []
    while k < len(mentions) and mentions[k].start_char < end:
        if mentions[k].end_char > start:
            hits.append(mentions[k])
        k += 1
    return hits


# Noun endings no surname has: "Kooperationsplan", "Verwaltung", "Gemeinschaft".
_NOT_A_NAME = re.compile(r"(?:ung|heit|keit|schaft|tion|plan|ismus|ität|ungen|schaften)$")


def _person_mentions(text: str, words: list[_Word], persons: list[_Span], gazetteer: Gazetteer) -> list[Mention]:
    """PERSON mentions with normalized full names, roles, and surname-only mentions resolved."""
    persons = [p for p in persons if not _common_noun_read_as_person(text, p, persons)]
    # Both the rules and the surname pass need it; one set per document.
    lowercase_words = {w.text for w in words if w.text.islower()}
    persons = persons + _persons_by_rule(text, words, persons, gazetteer, lowercase_words)
    mentions: list[Mention] = []
    for span in persons:
        first = _word_index(words, span.start, "start")
        last = _word_index(words, span.end, "end")
        if last is None:
            last = _word_index(words, span.end - 1, "end")
        if first is None or last is None:
            mentions.append(Mention("PERSON", text[span.start : span.end], span.start, span.end,
                                    normalized=text[span.start : span.end]))
            continue
        # A model may tag "Oberbürgermeister Rolf Karbaum" as one name: the role is split off.
        role = None
        while first < last and (_role_of(words[first].text) or words[first].text.lower() in _TITLES):
            role = _role_of(words[first].text) or role
            first += 1
        start = words[first].start
        mentions.append(
            Mention(
                "PERSON",
                text[start : span.end],
                start,
                span.end,
                # One line, no line breaks: "Gertrud Maltz-Schwarzfischer" keeps its hyphen.
                normalized=" ".join(text[start : span.end].split()),
                role=role or _role_left(text, words, first) or _role_right(text, words, last),
            )
        )
    return _share_roles(_resolve_surnames(text, words, mentions, lowercase_words))


def _word_index(words: list[_Word], offset: int, edge: str) -> int | None:
    """The index of the word that starts (``edge="start"``) or ends (``"end"``) at ``offset``, if any.

    Bisection over the sorted words: a document has a few dozen persons but
    thousands of words, so this beats building offset dicts of all words.
    """
    position = attrgetter(edge)
    k = bisect.bisect_left(words, offset, key=position)
    return k if k < len(words) and position(words[k]) == offset else None


_ARTICLES = frozenset("der die das des dem den ein eine einer eines einem einen".split())


def _common_noun_read_as_person(text: str, span: _Span, persons: list[_Span]) -> bool:
    """A one-word "person" that German grammar marks as a noun: "der Mauer", "Hauptzweck der ...".

    Names take no article ("nach dem Fall der Mauer" is a wall), and a name at
    the start of a sentence is not followed by a genitive article
    ("Hauptzweck der Partnerschaft"). A word that is part of a longer name
    elsewhere in the text ("Jan Heyen" ... "die Heyen") is kept.
    """
    surface = text[span.start : span.end]
    if " " in surface.strip() or any(surface in text[p.start : p.end] and p.end - p.start > len(surface)
                                     for p in persons):
        return False
    before = text[max(0, span.start - 12) : span.start].split()
    after = text[span.end : span.end + 12].split()
    if before and before[-1].lower() in _ARTICLES:
        return True
    return bool(after) and after[0] in ("der", "des") and _starts_sentence(text, span.start)


def _persons_by_rule(
    text: str, words: list[_Word], persons: list[_Span], gazetteer: Gazetteer, lowercase_words: set[str]
) -> list[_Span]:
    """Names the model missed: after a function title, or starting with a given name.

    "Oberbürgermeister Rolf Karbaum (parteilos)", "Martin Horn erinnerte":
    two or three capitalised words ("Dr." may come first); none may be a
    place, a country or a word the text also writes in lowercase ("Referent
    Internationale Beziehungen": "internationale" is an adjective).
    """
    taken = _Coverage()
    for span in persons:
        taken.add(span.start, span.end)
    # Each word's role once (lowercase words have none), not once per look at it.
    roles = [_role_of(w.text) if w.text[0].isupper() else None for w in words]
    found: list[_Span] = []
    for i, word in enumerate(words):
        if i + 1 >= len(words):
            continue
        if _is_given_name(text, words, i) and (i == 0 or not roles[i - 1]):
            j = i  # the given name starts the name
        elif roles[i]:
            j = i + 1
        else:
            continue
        while j < len(words) and words[j].text.lower() in _TITLES:
            j += 1
        name = []
        while j < len(words) and len(name) < 4:
            candidate = words[j]
            gap = text[words[j - 1].end : candidate.start]
            if name and gap not in (" ", "-"):
                break
            if not name and j > i and not _only_spacing(gap, allow="."):
                break  # the title and the name must touch; a given name starts afresh
            if j > i and not _looks_like_name_word(candidate.text, lowercase_words, gazetteer):
                break
            name.append(candidate)
            j += 1
        # Hyphenated surnames count as one word: "Gertrud Maltz-Schwarzfischer".
        name_words = len(re.split(r"\s+", text[name[0].start : name[-1].end])) if name else 0
        if 2 <= name_words <= 3 and not taken.overlaps(name[0].start, name[-1].end):
            found.append(_Span("PER", name[0].start, name[-1].end))
            taken.add(name[0].start, name[-1].end)
    return found


def _is_given_name(text: str, words: list[_Word], i: int) -> bool:
    """A given name followed, on the same line, by a capitalised word: "Martin Horn", not "Martin" alone;
    or by "und" and another given name: "Erika und Walter Seibel" (Erika is also Arica in Chile)."""
    if words[i].text not in GIVEN_NAMES or i + 1 >= len(words):
        return False
    if text[words[i].end : words[i + 1].start] == " " and _is_capitalised(words[i + 1].text):
        return True
    couple = re.match(r" und ([A-ZÄÖÜ][a-zäöüß]+)\b", text[words[i].end : words[i].end + 30])
    return couple is not None and couple.group(1) in GIVEN_NAMES


# Words that name a body, not a person: "Vorstand Partnerschaftsverein Magdeburg" is the association's board.
_BODY_WORD = re.compile(r"(?:verein|vereins|verband|komitee|ausschuss|kommission)$", re.IGNORECASE)


def _looks_like_name_word(word: str, lowercase_words: set[str], gazetteer: Gazetteer) -> bool:
    return (
        _is_capitalised(word)
        and not word.isupper()
        and len(word) > 1
        and word.lower() not in lowercase_words
        and not _role_of(word)
        and not _BODY_WORD.search(word)
        and not gazetteer.is_region(word)
        and normalize_name(word) not in _NOT_PLACES
    )


def _share_roles(mentions: list[Mention]) -> list[Mention]:
    """A role stated once holds for every mention of that person in the document."""
    roles: dict[str, str] = {}
    for m in mentions:
        if m.role and m.normalized:
            roles.setdefault(m.normalized, m.role)
    for m in mentions:
        if not m.role and m.normalized in roles:
            m.role = roles[m.normalized]
    return mentions


def _role_left(text: str, words: list[_Word], first: int) -> str | None:
    """Role just before a name: "der Görlitzer Oberbürgermeister Rolf Karbaum" → Oberbürgermeister."""
    i = first - 1
    while i >= 0 and words[i].text.lower() in _TITLES:
        i -= 1
    if i < 0 or not _only_spacing(text[words[i].end : words[i + 1].start], allow="."):
        return None
    start = i
    while start > 0 and text[words[start - 1].end : words[start].start] == "-":
        start -= 1  # "EU-Referent Jan Heyen"
    return _role_of(text[words[start].start : words[i].end])


def _role_right(text: str, words: list[_Word], last: int) -> str | None:
    """Role in an apposition: "Jan Heyen, EU-Referent im Leipziger Rathaus" → EU-Referent.

    The slide form "Dr. Gabriele Goldfuß\\nReferatsleiterin" counts as well; an
    article and one adjective may come first ("Michael Bloomberg, ehemaliger
    Bürgermeister von New York").
    """
    i = last + 1
    if i >= len(words):
        return None
    gap = text[words[last].end : words[i].start]
    if not (gap.strip() == "," or (gap.strip() == "" and gap.count("\n") == 1)):
        return None
    for _ in range(3):
        if i >= len(words):
            return None
        word = words[i].text
        end = i
        while end + 1 < len(words) and text[words[end].end : words[end + 1].start] == "-":
            end += 1  # "Jan Heyen, EU-Referent im Leipziger Rathaus"
        role = _role_of(text[words[i].start : words[end].end])
        if role:
            return role
        if word in _ARTICLES or (word.islower() and word.endswith(("e", "er", "en", "es", "em"))):
            i += 1
            continue
        return None
    return None


def _only_spacing(gap: str, allow: str = "") -> bool:
    return all(ch.isspace() or ch in allow for ch in gap) and gap.count("\n") <= 1


def _resolve_surnames(
    text: str, words: list[_Word], mentions: list[Mention], lowercase_words: set[str]
) -> list[Mention]:
    """Give "Karbaum sagte" the full name and role of "Rolf Karbaum", and find such mentions the model missed."""
    full: dict[str, Mention] = {}
    for m in mentions:
        parts = (m.normalized or "").split()
        if len(parts) >= 2:
            full.setdefault(parts[-1], m)
    for m in mentions:
        parts = (m.normalized or "").split()
        if len(parts) != 1:
            continue
        # "Karbaums Amtszeit": the genitive -s is not part of the name.
        known = full.get(parts[0]) or (full.get(parts[0][:-1]) if parts[0].endswith("s") else None)
        if known is not None:
            m.normalized, m.role = known.normalized, m.role or known.role
    if not full:
        return mentions  # no full name, so no surname to look for
    taken = _Coverage(mentions)
    added = []
    for w in words:
        known = full.get(w.text)
        # A surname that is also a common word ("Schöne" vs "schöne Grüße") is
        # only trusted where the model tagged it.
        if known is None or w.text.lower() in lowercase_words or taken.overlaps(w.start, w.end):
            continue
        added.append(Mention("PERSON", w.text, w.start, w.end, normalized=known.normalized, role=known.role))
        taken.add(w.start, w.end)
    return mentions + added


# --- places ------------------------------------------------------------------------

# Lowercase words inside multi-word place names: "Frankfurt am Main", "Rostow am
# Don", "Halle an der Saale", "Neuhausen auf den Fildern", "Bad Homburg vor der Höhe", "Althen des Paluds",
# "Ústí nad Labem", "Stratford-upon-Avon".
_NAME_LINKS = frozenset(
    "am an der die den des im in bei ob auf vor unter upon on de del della delle dei degli di da do dos du la le les "
    "sur sul es sous lès lez aux au en et y na nad pod e a d v i o".split()
)
_MAX_NAME_WORDS = 6
# A model's LOC may be a city named by an inflected form only if it is sizeable.
_MIN_POPULATION_DERIVED = 10_000
_MIN_POPULATION_MODEL = 5_000
_LONG_VILLAGE_NAME, _MIN_POPULATION_VILLAGE = 13, 500
_WELL_KNOWN_POPULATION = 100_000  # a single sentence-initial word this large is the city (unless a German noun)
# Words that introduce a city in an ORG span: "Stadt Leipzig", "Landeshauptstadt Dresden".
_CITY_HEADS = frozenset(
    "stadt landeshauptstadt hansestadt gemeinde partnerstadt kreisstadt großstadt universitätsstadt "
    "messestadt hauptstadt bundesstadt ville commune comune città city town gmina miasto".split()
)


def _read_words(name: str) -> frozenset[str]:
    lines = (_DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return frozenset(normalize_name(x) for x in lines if x.strip() and not x.startswith("#"))


_NOT_PLACES = NOT_PLACE_WORDS
# Regions that are mostly directions in running text: "Reisende aus Ost und West".
_DIRECTIONS = frozenset("osten westen norden suden ost west nord sud".split())
# Capitalised nouns that are also big cities: a city only after a preposition or
# alone on a line, never after an article ("das Essen", "die Halle", "der Hof").
_NOUN_CITIES = _read_words("noun_cities_de.txt")  # read-only
_DETERMINERS = frozenset(
    "der die das den dem des ein eine einer einem eines einen kein keine zum zur im am beim vom ins "
    "jede jeder jedes diese dieser dieses unser unsere ihr ihre sein seine mein meine".split()
)


def _place_mentions(
    text: str, spans: list[_Span], found: list[Mention], gazetteer: Gazetteer, taken: _Coverage
) -> list[Mention]:
    """CITY and LOC mentions from the model's spans and the gazetteer pass (``found``), plus ORG and MISC."""
    mentions: list[Mention] = []
    found = [m for m in found if not taken.overlaps(m.start_char, m.end_char)]
    starts = [m.start_char for m in found]
    inside_organisations: set[int] = set()
    own = _Coverage()
    for span in spans:
        if taken.overlaps(span.start, span.end):
            continue
        surface = text[span.start : span.end]
        near = _overlapping(found, starts, span.start, span.end)
        if any(_covers_more(m, span) for m in near):
            continue  # the model saw "Addis" of "Addis\nAbeba", or "Frankfurt" of "Frankfurt (Oder)"
        inner = [m for m in near if span.start <= m.start_char and m.end_char <= span.end]
        if span.label == "LOC" or (span.label in ("ORG", "MISC") and _is_city_span(surface, inner)):
            mention = _place_mention(text, span.start, span.end, gazetteer, from_model=span.label == "LOC")
            if mention.label == "CITY" or (mention.label == "LOC" and not inner and not _ADJECTIVE_PHRASE.match(surface)):
                mentions.append(mention)
                own.add(span.start, span.end)
            # else: a LOC around cities, "Naumburg, Bonn" or "Frankfurt am Main - A":
            # the cities inside are the mentions.
            continue
        if inner and span.label == "ORG" and _city_head(text, span, inner[0]):
            # "Stadt Leipzig" names the city as an actor: the city is the mention.
            continue
        if inner and span.label in ("ORG", "MISC") and not _city_head(text, span, inner[0]):
            # "Universität Leipzig", "Dresdner Bank": the organisation stays whole.
            inside_organisations.update(id(m) for m in inner)
        mentions.append(Mention(span.label, surface, span.start, span.end, normalized=surface))
        own.add(span.start, span.end)
    for m in found:
        if id(m) in inside_organisations:
            continue
        if not own.overlaps(m.start_char, m.end_char) and not taken.overlaps(m.start_char, m.end_char):
            mentions.append(m)
            own.add(m.start_char, m.end_char)
    return mentions


# A statistical model trained on news sometimes tags slide bullets as LOC:
# "Nachhaltige Mobilität", "Attraktiver Tagungsstandort", "Imageprägende Großveranstaltungen".
# Place names rarely begin with such adjectives (-ig, -lich, -iv, -end, -bar, -sam, -haft).
_ADJECTIVE_PHRASE = re.compile(r"^\w+(?:ig|lich|iv|end|bar|sam|haft)(?:e|er|es|en|em)?(?:\s|$)")


def _covers_more(mention: Mention, span: _Span) -> bool:
    """A gazetteer city that overlaps the model's span and reaches beyond it: the model cut the
    name ("Frankfurt" of "Frankfurt (Oder)", "Royal Borough of Kingston" of "... Kingston upon Thames")."""
    overlaps = mention.start_char < span.end and span.start < mention.end_char
    longer = mention.end_char - mention.start_char > span.end - span.start
    cut_off = span.start < mention.start_char and mention.end_char > span.end
    return overlaps and mention.label == "CITY" and ((longer and mention.start_char <= span.start) or cut_off)


def _is_city_span(surface: str, inner: list[Mention]) -> bool:
    """An ORG or MISC span that is just a city name ("Zwickau" tagged ORG, "Leipziger" tagged MISC)."""
    return len(inner) == 1 and normalize_name(inner[0].text) == normalize_name(surface)


def _city_head(text: str, span: _Span, city: Mention) -> bool:
    """The span is the city named with its status: "Stadt Leipzig", "Großen Kreisstadt Dachau"."""
    head = text[span.start : city.start_char].lower().split()
    if len(head) >= 2 and head[-1] in ("de", "d'", "d’", "di", "of"):
        head.pop()  # "Ville de Huningue", "Comune di Dueville", "City of Kingston"
    return bool(head) and len(head) <= 3 and head[-1] in _CITY_HEADS


def _place_mention(text: str, start: int, end: int, gazetteer: Gazetteer, *, from_model: bool) -> Mention:
    """CITY when the surface links to a city, else LOC (a country keeps its ISO code)."""
    surface = text[start:end]
    country = country_code_for(surface)
    if country or gazetteer.is_region(surface):
        return Mention("LOC", surface, start, end, normalized=surface, country_code=country)
    if normalize_name(surface) in _NOT_PLACES:
        return Mention("MISC", surface, start, end, normalized=surface)  # dropped by the caller
    if surface.isupper() and len(surface) < 3 and not gazetteer.is_override(surface):
        return Mention("LOC", surface, start, end, normalized=surface)  # "ST" of "STADT ST. VITH" is no Sète
    place = gazetteer.link(surface)
    if place is not None and surface.isupper() and len(surface) <= 4 and normalize_name(place.name) != normalize_name(surface):
        return Mention("ORG", surface, start, end, normalized=surface)  # "SPD:" is a party, not Saidpur (airport code SPD)
    if place is not None and text[end : end + 1] == "." and normalize_name(place.name) != normalize_name(surface) and (
            is_region_abbreviation(surface)):
        return Mention("LOC", surface, start, end, normalized=surface)  # "in Thür.": Thüringen, not El-Tor
    if place is None or place.population < (_MIN_POPULATION_MODEL if from_model else _MIN_POPULATION_DERIVED):
        # "Schulen" tagged LOC is not the Belgian village of 2,930; but the model's "Wilgartswiesen"
        # (1,164) is the village of that long German name.
        if not (place and from_model and (len(surface.split()) > 1 or _long_german_name(surface, place))):
            return Mention("LOC", surface, start, end, normalized=surface)
    return place.mention(surface, start, end)


def _long_german_name(name: str, place: Place) -> bool:
    """A German village's own name of many letters: rarely a word ("Wilgartswiesen", "Hinterweidenthal")."""
    key = normalize_name(name)
    return (place.country_code == "DE" and normalize_name(place.name) == key and len(key) >= _LONG_VILLAGE_NAME
            and place.population >= _MIN_POPULATION_VILLAGE and not _NOUN_LIKE_NAME.search(key))


def _gazetteer_matches(text: str, words: list[_Word], gazetteer: Gazetteer) -> list[Mention]:
    """Cities and countries named by capitalised words, longest match first.

    Finds what a model trained on newspaper sentences misses in slides and
    lists: "Addis\\nAbeba", "Frankfurt am Main - A", "Xi´an, China seit 1992".
    """
    mentions: list[Mention] = []
    initial: set[int] = set()
    # Facts about each word and each gap, computed once per document rather than
    # again for each of the up to _MAX_NAME_WORDS names that may contain them.
    # "l'Évêque" of "Pont-l'Évêque" counts as capitalised: its name begins after the article
    capitalised = [w.text[0].isupper() or (w.text[1:2] in "'’" and w.text[2:3].isupper()) for w in words]
    # joins[k]: whether words k and k + 1 may belong to one name (most gaps are one space).
    joins = [(gap := text[a.end : b.start]) == " " or _name_gap(gap, a.text) for a, b in pairwise(words)]
    i = 0
    while i < len(words):
        match = _longest_match(text, words, i, gazetteer, capitalised, joins) if capitalised[i] else None
        if match is None:
            i += 1
            continue
        if _starts_sentence(text, words[i].start) and match[1] == i + 1:
            initial.add(len(mentions))
        mention, i = match
        mentions.append(mention)
    # Every German sentence starts with a capital: a single word there ("Leiden
    # unter ...", "Solo spielt ...") counts only if the text names that city elsewhere
    # too, or a country follows ("Inverness in Schottland, seit 1956"), or it is a large
    # city that is no German noun ("Reutlingen ging 1958 eine Partnerschaft ... ein").
    elsewhere = {m.geonames_id for n, m in enumerate(mentions) if n not in initial}
    city_starts = {m.start_char for m in mentions if m.label == "CITY"}
    return [
        m for n, m in enumerate(mentions)
        if n not in initial or m.label != "CITY" or m.geonames_id in elsewhere
        or _is_list_item(text, m.start_char, m.end_char) or _country_after(text, m.end_char) == m.country_code
        or _region_after(text, m.end_char, gazetteer) or _town_as_subject(text, m) or _well_known(m, gazetteer)
        or _paired_by_dash(text, m, city_starts)
    ]


def _paired_by_dash(text: str, mention: Mention, city_starts: set[int]) -> bool:
    """A town that opens a lexicon's paragraph with its partner after a dash: "Gotha – Salzgitter (1988)"."""
    dash = re.match(r"[ \t]+[–—][ \t]+", text[mention.end_char : mention.end_char + 5])
    return dash is not None and mention.end_char + dash.end() in city_starts


def _well_known(mention: Mention, gazetteer: Gazetteer) -> bool:
    place = gazetteer.link(mention.text)
    return (place is not None and place.population >= _WELL_KNOWN_POPULATION
            and normalize_name(mention.text) not in _NOUN_CITIES)


# What follows a town that opens a sentence as its subject: "Wittenberge, die Elbestadt ...",
# "Neuruppin ist seit 1990 mit ...", "Kyritz pflegt ...". A noun there is followed by other words.
_SUBJECT_CONTINUATION = re.compile(
    r",\s+(?:die|der|das|eine?|seit|Kreisstadt|Partnerstadt)\s|\s(?:ist|war|hat|hatte|pflegt|pflegte|unterhält|"
    r"unterhielt|liegt|wurde|gehört|feiert|feierte|zählt|schloss|unterzeichnete|besiegelte)\s")


def _town_as_subject(text: str, mention: Mention) -> bool:
    return (bool(_SUBJECT_CONTINUATION.match(text, mention.end_char))
            and normalize_name(mention.text) not in _NOUN_CITIES)


def _starts_sentence(text: str, start: int) -> bool:
    # Walk back over spaces, quotes and brackets (no slice of the whole text:
    # this runs for every capitalised word).
    i = start
    while i > 0 and text[i - 1] in " \t\"„“'(":
        i -= 1
    return i == 0 or text[i - 1] in ".!?" or text[max(0, i - 2):i] == "\n\n"


_SENTENCE_PREPOSITIONS = frozenset("in aus nach von mit zwischen für im ins vom zum zur".split())


def _longest_match(
    text: str, words: list[_Word], i: int, gazetteer: Gazetteer, capitalised: list[bool], joins: list[bool]
) -> tuple[Mention, int] | None:
    """The longest place name that starts at (capitalised) word i, and the index after it.

    ``capitalised`` and ``joins`` are per-word and per-gap facts of the whole
    document (see ``_gazetteer_matches``).
    """
    if words[i].text.lower() in _CITY_HEADS:
        return None  # GeoNames knows "Stadt Zwickau"; the city is "Zwickau"
    if words[i].text.lower() in _SENTENCE_PREPOSITIONS:
        return None  # "Aus Brandenburg an der Havel": the name starts after the preposition, not "Aus Brandenburg"
    last = i
    while last + 1 < len(words) and last - i + 1 < _MAX_NAME_WORDS and joins[last]:
        last += 1
    # A name ends at the latest before the first word that is neither capitalised
    # nor a link word: "Für das Land Brandenburg" is not one name.
    run = i
    while run < last and (capitalised[run + 1] or words[run + 1].text in _NAME_LINKS):
        run += 1
    for j in range(run, i - 1, -1):
        if not capitalised[j]:
            continue
        start, end = words[i].start, words[j].end
        if end < len(text) and text[end] == ")" and "(" in text[start:end]:
            end += 1  # "Frankfurt (Oder)", "Halle (Saale)"
        surface = text[start:end]
        key = normalize_name(surface)
        if key in _NOT_PLACES or not gazetteer.knows(surface):
            continue  # most capitalised words and word sequences name no place at all
        country = country_code_for(surface)
        if country:
            # A country name is LOC with its ISO code; a capitalised adjective at
            # a sentence start ("Polnische Gäste") is neither country nor city.
            if _is_adjective(surface):
                continue
            return Mention("LOC", surface, start, end, normalized=surface, country_code=country), j + 1
        if gazetteer.is_region(surface):
            if key in _DIRECTIONS:
                return None
            # "Land Brandenburg", "Sachsen", "Balkan": a region, not the city or village.
            return Mention("LOC", surface, start, end, normalized=surface), j + 1
        mention = _gazetteer_city(text, words, i, j, start, end, gazetteer)
        if mention is not None:
            return mention, j + 1
    return None


def _is_adjective(surface: str) -> bool:
    # German nationality adjectives end in -sch: polnisch, deutsch, französisch.
    return surface.split()[-1].lower().endswith(("sch", "sche", "schen", "scher", "sches", "schem"))


def _name_gap(gap: str, previous: str) -> bool:
    """Whether two words may belong to one place name: spaces, one line break, hyphens, brackets."""
    if gap.count("\n") > 1:
        return False
    stripped = gap.replace(" ", "").replace("\t", "").replace("\n", "")
    if stripped in ("", "-", "‐", "–", "(", "/"):
        return True
    # "St. Petersburg", "Rosbach v. d. Höhe", "Bad Neustadt a. d. Saale"
    return stripped == "." and (previous in ("a", "d", "v", "i", "o") or previous.title() in ("St", "Ste"))


# A word that introduces a town, or a regional adjective: "dem bretonischen Städtchen Pornichet",
# "die Gemeinde Mielno", "im mecklenburgischen Hagenow". Small places are trusted there as on a list line.
_TOWN_WORDS = (r"(?:Stadt|Städtchen|Kleinstadt|Gemeinde|Ortschaft|Dorf|Kommune|Marktgemeinde|Partnerstadt|Partnergemeinde"
               r"|Gmina|Comune(?: di)?|Commune(?: de)?|Obec|Město|Občina|Gemeente|Ville de|Ville d['’]|Miasto|Città di"
               r"|City of|Town of)")  # "Gmina Dębno", "Comune di Dueville", "Ville d'Ensisheim"
_TOWN_BEFORE = re.compile(
    r"(?:\b" + _TOWN_WORDS
    + r"|[a-zäöü](?:stadt|städtchen|gemeinde|bezirk)"  # "Weinbaugemeinde Meursault", "Stadtbezirk Enfield"
    r"|\b(?:im|dem|den|das|die|der|des|zum|zur|vom|beim)\s+[a-zäöü]+schen?)[ \t]*\n?[ \t]*$")  # "dem pommerschen\nŁobez"


# Only a town word, not a regional adjective ("nach der politischen Wende"), vouches for a village.
_TOWN_WORD_BEFORE = re.compile(r"\b" + _TOWN_WORDS + r"[ \t]*\n?[ \t]*$")


def _gazetteer_city(
    text: str, words: list[_Word], i: int, j: int, start: int, end: int, gazetteer: Gazetteer
) -> Mention | None:
    """A CITY for words i..j, if the gazetteer knows them well enough without the model's help.

    GeoNames' alternate names hold codes and oddities ("Die" for Antsiranana,
    "Liga" for Riga), and German capitalises every noun, so without the model
    only these count: the override table; a city's own GeoNames name (folded:
    "Krakow", "Thessaloniki"); an alternate name (exonym) of a big city
    ("Krakau", "Addis Abeba"); and, in list items and slide lines, smaller
    places ("Althen des Paluds").
    """
    surface = text[start:end]
    if gazetteer.is_override(surface):
        place = gazetteer.link(surface)
        return place.mention(surface, start, end) if place else None
    key = normalize_name(surface)
    if len(key) < 3 or surface.isupper() or key in _NOT_PLACES:
        return None  # "Die", "Am", "CDU"
    # Whether the name stands alone on a list or slide line. It reads the whole
    # line, so it is asked only where it matters: for three-letter names and
    # for names the gazetteer knows (most capitalised words are neither).
    listed = _is_list_item(text, start, end) if len(key) == 3 else None
    if listed is False:
        return None  # "Ufa" only alone on a slide line
    if i == j and _is_given_name(text, words, i):
        return None  # "Martin Horn", not the Slovak town Martin
    candidates = gazetteer.candidates(surface)
    if candidates:
        # "die lothringische Gemeinde Volmunster" (924 inhabitants): a town word vouches for its own name
        introduced = bool(_TOWN_WORD_BEFORE.search(text, max(0, start - 40), start))
        if listed is None:
            listed = _is_list_item(text, start, end) or bool(_TOWN_BEFORE.search(text, max(0, start - 40), start))
        country = _country_after(text, end) or _flag_before(text, start)
        # "Grabow in Mecklenburg", "Pont-l'Évêque in der Normandie": a region after the name vouches for it too
        introduced = introduced or _region_after(text, end, gazetteer)
        if not any(
            _trusted(place, key, listed, one_word=i == j) or place.country_code == country
            or (introduced and normalize_name(place.name) == key) for place in candidates
        ):
            return None
        if key in _NOUN_CITIES and not _reads_as_name(text, words, i):
            return None
        place = gazetteer.link(surface)
        own = [c for c in candidates if normalize_name(c.name) == key]
        if introduced and own and place is not None and place not in own:
            place = max(own, key=lambda c: c.population)  # "Bethlehem (Pennsylvania)" is no Belém
        return place.mention(surface, start, end) if place else None
    if i != j or surface.isupper():
        return None
    # Genitive and inhabitant adjective: "Leipzigs", "Görlitzer Oberbürgermeister".
    place = gazetteer.link(surface)
    if place is None or normalize_name(place.name) in _NOT_PLACES or surface in GIVEN_NAMES:
        return None  # "Jonas" under a newsletter is its writer, not the genitive of Jona
    # The city's own name must begin the word ("Görlitz|er"), unless it is a
    # big city known by its exonym ("Krakau|er" → Kraków): "Kinos" is no Cugnaux.
    # Irregular forms ("Dresdner", "Hallenser", "Bremer") all belong to big cities.
    own_name = key.startswith(normalize_name(place.name))
    if place.population < (_MIN_OWN_NAME[False] if own_name else _MIN_ALTERNATE_NAME[False]):
        return None
    # German forms "-er" from foreign towns exist for big cities only ("Prager",
    # "Krakauer"); otherwise "-er" is an agent noun: "Berater" is no one from Berat.
    if key.endswith("er") and place.country_code not in ("DE", "AT", "CH") and place.population < 100_000:
        return None
    if {key[:-1], key[:-2]} & _NOT_PLACES or (not own_name and key.endswith("s") and len(key) < 7):
        return None  # "Kantons", "Kitas" (Kita is an alternate name of Quito)
    return place.mention(surface, start, end)


# Population a place needs to be found by its own name / by an alternate name
# without the model: in running text, and in list items and slide lines.
_MIN_OWN_NAME = {False: 15_000, True: 1_000}
_MIN_ALTERNATE_NAME = {False: 50_000, True: 15_000}
# "Longchamp in Frankreich", "Nahariya in Israel (seit 1983)", "Amiens, Frankreich", "Lomma liegt in Schweden":
# a country right after the name vouches for a place of any size in it.
_COUNTRY_AFTER = re.compile(r"\s*(?:,|\(|(?:liegt |lag )?(?:in der|in den|in|im)|bei)?\s*(?P<country>[A-ZÄÖÜ][\w-]+(?: [A-ZÄÖÜ][\w-]+)?)")


def _country_after(text: str, end: int) -> str | None:
    if sign := re.match(r"\s?\(([A-Z]{1,3})[,)]", text[end : end + 7]):
        return country_code_for_sign(sign.group(1))  # a lexicon's "Kortrijk (B, 1956)"
    if short := re.match(r"\s?\(([A-ZÄÖÜ][a-zäöü]{2,8})\.", text[end : end + 12]):
        return country_code_for_abbreviation(short.group(1))  # "Sárospatak (Ung.; 1991)"
    match = _COUNTRY_AFTER.match(text, end, min(len(text), end + 40))
    if not match:
        return None
    words = match.group("country")
    found = country_code_for(words) or country_code_for(words.split()[0])
    if found is None and (bracket := re.match(r"\s*\(([^()\n]{1,40})\)", text[end : end + 44])):
        # "Magione (Umbrien, Italien)": the country after the region in the brackets
        found = next((code for part in bracket.group(1).split(",") if (code := country_code_for(part.strip()))), None)
    return found


def _flag_before(text: str, start: int) -> str | None:
    """The country of a flag's caption that opens the line before a name, as wiki lists come out of
    text extraction: "• Schweiz Amriswil, Thurgau, Schweiz – seit 1990"."""
    line_start = text.rfind("\n", 0, start) + 1
    flag = _FLAG_CAPTION.fullmatch(text, line_start, start)
    return country_code_for(flag.group(1)) if flag else None


_FLAG_CAPTION = re.compile(r"[\s\W]*([A-ZÄÖÜ][\w-]*(?: [A-ZÄÖÜ][\w-]*)?)[ \t]+")


_REGION_AFTER = re.compile(r"[ \t]*(?:\(|,[ \t]*|(?:in der|in|im|auf)[ \t]+)(?P<region>[A-ZÄÖÜ][\w-]+)")


def _region_after(text: str, end: int, gazetteer: Gazetteer) -> bool:
    match = _REGION_AFTER.match(text, end, min(len(text), end + 40))
    return match is not None and gazetteer.is_region(match.group("region"))


def _trusted(place: Place, key: str, listed: bool, *, one_word: bool) -> bool:
    own_name = _saints_alike(normalize_name(place.name)) in map(_saints_alike, (key, *spelling_variants(key)))
    if not one_word:
        # Several capitalised words that together name a place are rarely
        # anything else: "Frankfurt an der Oder", "Addis Abeba", "Novi Sad". GeoNames gives some towns
        # no population at all ("Osterode am Harz": 0), which says nothing of their size.
        return place.population >= (_MIN_OWN_NAME[True] if own_name else _MIN_ALTERNATE_NAME[True]) or (
            own_name and place.population == 0)
    if (own_name and place.country_code == "DE" and len(key) >= _LONG_NAME and place.population >= _MIN_LONG_GERMAN_NAME
            and not _NOUN_LIKE_NAME.search(key)):
        return True  # "Dinkelsbühl", "Eckernförde": a small German town's long name is rarely a common word
    if own_name and _long_german_name(key, place):
        return True  # and a village's very long one still more rarely: "Wilgartswiesen"
    return place.population >= (_MIN_OWN_NAME if own_name else _MIN_ALTERNATE_NAME)[listed]


# "St. Vith" is GeoNames' "Saint-Vith", "St. Goar" its "Sankt Goar": one saint's title, however written.
_SAINT = re.compile(r"^(?:st|sankt|saint|sint|san|santo|santa|ste|sainte) ")


def _saints_alike(key: str) -> str:
    return _SAINT.sub("st ", key)


# German home towns of 5,000–15,000 people ("Dinkelsbühl liegt an der Romantischen Straße") were
# missed in running text; short names of that size are too often words ("Weil", "Lage", "Wetter").
_LONG_NAME = 8
_MIN_LONG_GERMAN_NAME = 5_000
# ... and long ones that end like nouns name city quarters as often as towns: "Altstadt", "Tiergarten".
# Town names in -stadt are many ("Glückstadt", "Arnstadt"); only compass, old and new towns are quarters.
_NOUN_LIKE_NAME = re.compile(r"(?:^(?:alt|neu|nord|sud|ost|west|garten|innen|vor)stadt"
                             r"|viertel|strasse|straße|park|garten|bau|platz|markt|hof|feld|brunnen|paradies|schlangen)$")


# What else a list line may hold besides a city: "• Amiens, Frankreich seit 1960",
# "Danzig - AAA", "Travnik\n2003", "Zwickau, innerdeutsche Partnerschaft".
_LIST_FILLER = re.compile(r"^[\s\d\W]*$")
_LIST_WORDS = frozenset("seit und sowie bis ab aaa aa a".split())


# The other town of a line that pairs two, after a bullet or list letter: " a) Püttlingen – Creutzwald (1965);",
# "- Seelow mit Dębno (Neudamm) seit 2002."
_PAIRED_NAME = r"[A-ZÄÖÜ][\w'’.-]*(?:[ -][A-ZÄÖÜ][\w'’.-]*){0,3}"
_PARTNER_BEFORE = re.compile(r"^[\s•*-]*(?:[a-z]\)\s*)?" + _PAIRED_NAME + r"\s+(?:[–—]|mit)\s*$")
_PARTNER_AFTER = re.compile(r"^\s+(?:[–—]|mit)\s+" + _PAIRED_NAME + r"(?:\s*\([^()\n]*\))?")
# A bullet that opens with a pair of towns, perhaps after a label ("• Sonderpreis Erinnerung: Kahla und Bad Wildbad.").
_ITEM_START = re.compile(r"[ \t]*[•*▪–-][ \t]*(?:[^\W\d][^:.\n]{0,40}:[ \t]+)?")
_AND_TOWN = r"[ \t]+und[ \t]+(?:(?:der|die|das|dem)[ \t]+)?(?:[a-zäöü][\wäöüß-]*[ \t]+){0,2}(?:(?:Markt|Gemeinde|Stadt|Landkreis|Kreis)[ \t]+)?"
_PAIR_ENDS = re.compile(r"[ \t]*(?:\([^()\n]*\))?[ \t]*(?:[.:,–—]|$)")
_AND_PARTNER = re.compile(_AND_TOWN + r"[A-ZÄÖÜ][\wäöüß/.-]*(?:[ \t][A-ZÄÖÜ][\wäöüß.-]*)?" + _PAIR_ENDS.pattern)
_ITEM_PAIR_BEFORE = re.compile(_ITEM_START.pattern + r"[A-ZÄÖÜ][\wäöüß/.-]*(?:[ \t][A-ZÄÖÜ][\wäöüß.-]*)?" + _AND_TOWN)
_APPOSED_PARTNER = re.compile(r"[ \t]*,[ \t]+(?:seit[ \t]+[^,\n]{0,20}?[ \t]+)?(?:Partner|Schwester)\w*")  # "• Schleiz, seit 1990 Partnerstadt"
_MAX_PAIR_LINE_WORDS = 6  # what may follow a pair on its line: "seit 1993", "(1969)", "1965 geschlossen"


def _is_list_item(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    before, after = text[line_start:start], text[end:line_end]
    paired = None
    if _PARTNER_BEFORE.match(before):
        paired = re.sub(r"^\s*\([^()\n]*\)", "", after)  # "Dębno (Neudamm) seit 2002": its other name
    elif re.fullmatch(r"[\s•*-]*(?:[a-z]\))?\s*", before) and (partner := _PARTNER_AFTER.match(after)):
        paired = after[partner.end() :]
    if paired is not None:
        words = re.findall(r"\w+", paired)
        if len(words) <= _MAX_PAIR_LINE_WORDS and all(
                w.lower() in _LIST_WORDS or w.isdigit() or w.islower() or country_code_for(w) for w in words):
            return True
    if (_ITEM_START.fullmatch(before) and (_AND_PARTNER.match(after) or _APPOSED_PARTNER.match(after))) or (
            _ITEM_PAIR_BEFORE.fullmatch(before) and _PAIR_ENDS.match(after)):
        return True  # "• Kölleda und die polnische Gemeinde Kłodawa (2005): ...", "• Kahla und Bad Wildbad."
    if re.fullmatch(r"\s*[a-z]\)\s*", before):
        before = ""
    rest = before + " " + after
    if _LIST_FILLER.match(rest) or _is_table_cell(text, line_start, start, end, line_end):
        return True
    # Everything after a comma may describe the item: "Leeds, Großbritannien seit 1969".
    before, _, after = rest.partition(",")
    if not _LIST_FILLER.match(before):
        return False
    return all(
        w.lower() in _LIST_WORDS or country_code_for(w) or w.isdigit() or w.islower()
        for w in re.findall(r"\w+", after)
    ) and len(after.split()) <= 4


# A cell of a table laid out with spaces, tabs or pipes: "Echzell      Richmond (North Yorkshire)   1975".
_CELL_GAP = r"(?:\t|  |\|)"
_MAX_TABLE_ROW = 300
_CELL_BEFORE = re.compile(_CELL_GAP + r"[ \t]*$")
_CELL_AFTER = re.compile(r"(?:[ \t]?\([^()\n]{1,30}\))?(?:[ \t]*$|[ \t]*" + _CELL_GAP + ")")


def _is_table_cell(text: str, line_start: int, start: int, end: int, line_end: int) -> bool:
    if line_end - line_start > _MAX_TABLE_ROW:
        return False  # prose paragraph on one line: not a table, and too long to scan for every name
    line = text[line_start:line_end]
    if len(re.findall(_CELL_GAP + r"+", line.strip())) < 2:
        return False  # one wide gap is layout, two make columns
    before = text[line_start:start]
    return (not before.strip() or bool(_CELL_BEFORE.search(before))) and bool(_CELL_AFTER.match(text, end, line_end))


def _reads_as_name(text: str, words: list[_Word], i: int) -> bool:
    """For nouns that are also cities: "in Essen" or a list line "Essen", not "das Essen"."""
    line_start = text.rfind("\n", 0, words[i].start) + 1
    if not text[line_start : words[i].start].strip(" \t-•*–"):
        line_end = text.find("\n", words[i].end)
        rest = text[words[i].end : line_end if line_end != -1 else len(text)]
        return not re.search(r"[a-zäöüß]{3}", rest)  # alone on its line, maybe with a year
    previous = words[i - 1].text.lower() if i else ""
    return previous not in _DETERMINERS and previous in {
        "in", "nach", "aus", "von", "mit", "zwischen", "und", "sowie", "bis", "über", "stadt"
    }


# --- context ------------------------------------------------------------------------

_CONTEXT_CHARS = 40


def _link_in_context(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> None:
    """Re-link every CITY with the countries named next to it and the document's other cities.

    "Zgierz in Polen", "Amiens, Frankreich seit 1960", "die polnische Stadt
    Zgierz": the nearby country decides between namesakes; otherwise the
    countries of the other cities of the document do.
    """
    cities = sorted((m for m in mentions if m.label == "CITY"), key=lambda m: m.start_char)
    if not cities:
        return
    # Cities and regions bound the context windows; countries are what they look for.
    bounds = sorted(
        (m.start_char, m.end_char) for m in mentions if m.label == "CITY" or (m.label == "LOC" and not m.country_code)
    )
    nearby = {id(m): _nearby_countries(text, m, bounds) for m in cities}
    first_pass: dict[int, Place] = {}
    for m in cities:
        place = gazetteer.link(m.text, context_countries=nearby[id(m)])
        if place is not None:
            first_pass[id(m)] = place
    short = _resolve_short_names(cities, first_pass, gazetteer)
    short |= _resolve_by_state(text, cities, first_pass, gazetteer)
    # One entry per distinct city, so that a city named ten times does not
    # outvote the rest, and the cost stays linear in the number of mentions.
    distinct = {p.geonames_id: p for p in first_pass.values()}
    for m in cities:
        own = first_pass.get(id(m))
        if id(m) in short:
            place = own
        else:
            others = [p for gid, p in distinct.items() if own is None or gid != own.geonames_id]
            place = gazetteer.link(m.text, context_countries=nearby[id(m)], context_places=others)
        if place is not None:
            m.normalized, m.geonames_id, m.country_code = place.name, place.geonames_id, place.country_code
    # One sense per document: "dem belgischen Damme" decides the later bare "aus Damme und Mölln".
    decided: dict[str, Mention] = {}
    for m in cities:
        if m.geonames_id is not None and m.country_code in nearby[id(m)]:
            decided.setdefault(normalize_name(m.text), m)
    # Unless the text names the other sense too: "Jenaer Kind" beside "Jena (Louisiana, USA) ist keine Partnerstadt".
    for m in cities:
        model = decided.get(normalize_name(m.text))
        if model is not None and not nearby[id(m)] and m.geonames_id != model.geonames_id and not any(
                c.geonames_id == m.geonames_id and normalize_name(c.text) != normalize_name(m.text) for c in cities):
            m.normalized, m.geonames_id, m.country_code = model.normalized, model.geonames_id, model.country_code


# Words of a town's title that GeoNames makes part of its name: "Heilbad Heiligenstadt", "Lutherstadt Eisleben".
# Not "Bad": Bad Homburg's "Homburg" is another town (in the Saarland), and so is Bad Neustadt's "Neustadt".
_TOWN_TITLE_WORDS = frozenset({"heilbad", "lutherstadt", "hansestadt", "ostseebad", "seebad", "kurort"})
# Characters between a name and its other-language name: " – Comune di ", " / ".
_ALIAS_GAP = 15


def _resolve_short_names(cities: list[Mention], first_pass: dict[int, Place], gazetteer: Gazetteer) -> set[int]:
    """A bare "Frankfurt" means the "Frankfurt (Oder)" the same document names in full.

    Also "Halle" after "Halle (Saale)", "Freiburg" after "Freiburg im Breisgau", "Heiligenstadt"
    after "Heilbad Heiligenstadt".
    Returns the ids of the mentions so resolved. When a document names two
    Frankfurts in full, a bare "Frankfurt" stays as ranked.

    The bare word must begin the city's own GeoNames name ("Frankfurt (Oder)",
    "Freiburg"): a historic or foreign name does not lend its first word. "Maribor,
    dem früheren Marburg an der Drau" makes that mention Maribor, but every bare
    "Marburg" of the text is still ranked as the German town's own name.

    A bare name that no city has as its own name, followed by another name of
    one of its cities ("Brixen – Bressanone"), is that city, and so is every
    bare "Brixen" of the text: the "Brixen im Thale (Tirol)" it names as a
    mere namesake lends the word nothing. (A city's own name next to another
    is a pair of towns: "Görlitz–Zgorzelec", although Zgorzelec was once
    Görlitz's eastern part and has the name among its alternates.)
    """
    full_names: dict[str, set[int]] = {}
    places: dict[int, Place] = {}
    for m in cities:
        key = normalize_name(m.text)
        if " " in key and id(m) in first_pass:
            place = first_pass[id(m)]
            words = key.split()
            # "Heiligenstadt" after "Heilbad Heiligenstadt": a title before the name is also left out
            short = words[1] if len(words) == 2 and words[0] in _TOWN_TITLE_WORDS else words[0]
            if short not in normalize_name(place.name).split()[: words.index(short) + 1]:
                continue
            full_names.setdefault(short, set()).add(place.geonames_id)
            places[place.geonames_id] = place
    named_with_alias: dict[str, set[int]] = {}
    for m, alias in zip(cities, cities[1:]):
        place = first_pass.get(id(alias))
        if (
            place is None
            or " " in m.text
            or not 0 < alias.start_char - m.end_char <= _ALIAS_GAP
            or normalize_name(alias.text) == normalize_name(m.text)
        ):
            continue
        candidates = gazetteer.candidates(m.text)
        if any(c.geonames_id == place.geonames_id for c in candidates) and not any(
            normalize_name(c.name) == normalize_name(m.text) for c in candidates
        ):
            named_with_alias.setdefault(normalize_name(m.text), set()).add(place.geonames_id)
            places[place.geonames_id] = place
    resolved = set()
    for m in cities:
        key = normalize_name(m.text)
        ids = named_with_alias.get(key) or full_names.get(key, set())
        if len(ids) != 1:
            continue
        place = places[next(iter(ids))]
        if any(c.geonames_id == place.geonames_id for c in gazetteer.candidates(m.text)):
            first_pass[id(m)] = place
            resolved.add(id(m))
    return resolved


# US states and German Länder by the names German texts give them ("Rochester (Minnesota)", "Neustadt
# (Hessen)"), with their GeoNames admin1 codes: the state decides between namesakes in one country.
_US_STATES = {
    "AL": ["Alabama"], "AK": ["Alaska"], "AZ": ["Arizona"], "AR": ["Arkansas"], "CA": ["Kalifornien", "California"],
    "CO": ["Colorado"], "CT": ["Connecticut"], "DE": ["Delaware"], "FL": ["Florida"], "GA": ["Georgia"],
    "HI": ["Hawaii"], "ID": ["Idaho"], "IL": ["Illinois"], "IN": ["Indiana"], "IA": ["Iowa"], "KS": ["Kansas"],
    "KY": ["Kentucky"], "LA": ["Louisiana"], "ME": ["Maine"], "MD": ["Maryland"], "MA": ["Massachusetts"],
    "MI": ["Michigan"], "MN": ["Minnesota"], "MS": ["Mississippi"], "MO": ["Missouri"], "MT": ["Montana"],
    "NE": ["Nebraska"], "NV": ["Nevada"], "NH": ["New Hampshire"], "NJ": ["New Jersey"], "NM": ["New Mexico"],
    "NY": ["New York"], "NC": ["North Carolina", "Nord-Carolina", "Nordcarolina"], "ND": ["North Dakota", "Norddakota"],
    "OH": ["Ohio"], "OK": ["Oklahoma"], "OR": ["Oregon"], "PA": ["Pennsylvania", "Pennsylvanien"],
    "RI": ["Rhode Island"], "SC": ["South Carolina", "Süd-Carolina", "Südcarolina"], "SD": ["South Dakota", "Süddakota"],
    "TN": ["Tennessee"], "TX": ["Texas"], "UT": ["Utah"], "VT": ["Vermont"], "VA": ["Virginia"], "WA": ["Washington"],
    "WV": ["West Virginia"], "WI": ["Wisconsin"], "WY": ["Wyoming"],
}
_STATE_CODES = {name.casefold(): ("US", code) for code, names in _US_STATES.items() for name in names} | {
    name.casefold(): ("DE", code) for code, name in GERMAN_STATES.items()}
_STATE_AFTER = re.compile(r"\s*(?:\(\s*|,\s*)([A-ZÄÖÜ][\w-]+(?: [A-Z][a-z]+)?)\s*[),]")


def _resolve_by_state(text: str, cities: list[Mention], first_pass: dict[int, Place], gazetteer: Gazetteer) -> set[int]:
    """A city named with its state ("Rochester (Minnesota)", "Neustadt (Hessen)") is the namesake in that
    state, and so is every bare mention of the name in the document that was read as a town of the same
    country ("Rochester", first taken for the one in New York), but not the German "Jena" beside a "Jena
    (Louisiana, USA)". Returns the ids of the mentions so resolved."""
    chosen: dict[str, Place] = {}
    stated: set[int] = set()
    for m in cities:
        state = _STATE_AFTER.match(text, m.end_char, m.end_char + 30)
        code = _STATE_CODES.get(state.group(1).casefold()) if state else None
        if code is None:
            continue
        place = next((c for c in gazetteer.candidates(m.text) if (c.country_code, c.admin1) == code), None)
        if place is not None:
            chosen.setdefault(normalize_name(m.text), place)
            stated.add(id(m))
    resolved = set()
    for m in cities:
        place = chosen.get(normalize_name(m.text))
        own = first_pass.get(id(m))
        if place is not None and (id(m) in stated or own is None or own.country_code == place.country_code):
            first_pass[id(m)] = place
            resolved.add(id(m))
    return resolved


def _nearby_countries(text: str, city: Mention, bounds: list[tuple[int, int]]) -> set[str]:
    """Countries named right after a city ("in der Slowakei") or as an adjective before it ("polnischen").

    The window ends at the next city (``bounds``: the other place mentions), so
    that in "Krakow in Polen und Brno in der Tschechischen Republik" Poland is
    Kraków's country and the Czech Republic Brno's.
    """
    right_end = min(len(text), city.end_char + _CONTEXT_CHARS)
    left_start = max(0, city.start_char - _CONTEXT_CHARS)
    k = bisect.bisect_right(bounds, (city.end_char, -1))
    if k < len(bounds) and re.fullmatch(r"\s*\(\s*", text[city.end_char : bounds[k][0]]):
        k += 1  # the city's own region in brackets: "Bethlehem (Pennsylvania, USA)"
    if k < len(bounds) and bounds[k][0] < right_end:
        right_end = bounds[k][0]
    k = bisect.bisect_left(bounds, (city.start_char, -1)) - 1
    if k >= 0 and bounds[k][1] > left_start:
        left_start = min(bounds[k][1], city.start_char)
    right = re.split(r"[\n.;:!?]", text[city.end_char : right_end])[0]
    left = re.split(r"[\n.;:!?]", text[left_start : city.start_char])[-1]
    countries = set()
    right_words = right.split()
    for n in (3, 2, 1):
        for k in range(len(right_words) - n + 1):
            code = country_code_for(" ".join(right_words[k : k + n]).strip(",()"))
            if code and right_words[k].lstrip("(")[:1].isupper():  # "Lodi (Italien)"
                countries.add(code)
    for word in left.split()[-3:]:
        code = country_code_for(word.strip(",()"))
        if code and word.islower():
            countries.add(code)  # adjective: "die polnische Partnerstadt Zgierz"
    if re.match(r"\s+(?:in|im|in der|in dem)\s", right):
        for word in right_words[1:4]:
            code = country_code_for(word.strip(",()"))
            if code and word.islower():
                countries.add(code)  # "Woodbridge in der englischen Grafschaft Suffolk"
    return countries


# --- years ----------------------------------------------------------------------------

# Four-digit years 1800–2099 standing alone: "seit 1960", "im Jahr 1986",
# "1994/2008", "13.03.2021" (the year of a date counts: it dates the text).
_YEAR = re.compile(r"(?<![\w.,:/])(?P<year>1[89]\d\d|20\d\d)(?:/(?P<next>\d{4}|\d{2}))?(?!\w|[.,]\d)")
_DATE_YEAR = re.compile(r"(?<!\d)\d{1,2}\.\s?\d{1,2}\.\s?(?P<year>1[89]\d\d|20\d\d)(?!\d)")
# Not years: phone numbers ("0341 123-2032"), numbers of things ("2000 Euro").
_AFTER_NUMBER = re.compile(
    r"^\s?(?:Euro|EUR|€|DM|Mark|Einwohner\w*|Menschen|Personen|Teilnehmer\w*|Mitglieder\w*|km|m|qm|"
    r"Meter|Kilometer|Prozent|%|Stück|Schüler\w*|Besucher\w*|Exemplare|Seiten)\b"
)
_BEFORE_NUMBER = re.compile(r"(?:Nr|No|Tel|Fax|Az|Postfach|PLZ|Drucksache|DS)\.?:?\s*$|\d[\s-]$", re.IGNORECASE)
# ... unless the number before is a year: "1990-1995", "1990 - 2000".
_YEAR_RANGE = re.compile(r"(?<!\d)(?:1[89]\d\d|20\d\d)\s?[-–]\s?$")


def _year_mentions(text: str) -> list[Mention]:
    """YEAR mentions; the "91" of "1990/91" is a year of its own, normalized "1991"."""
    mentions: list[Mention] = []
    for match in _YEAR.finditer(text):
        start, end = match.span("year")
        before = text[max(0, start - 14) : start]
        if (_BEFORE_NUMBER.search(before) and not _YEAR_RANGE.search(before)) or _AFTER_NUMBER.match(
            text[match.end() : match.end() + 14]
        ):
            continue
        year = match.group("year")
        mentions.append(Mention("YEAR", year, start, end, normalized=year))
        following = match.group("next")
        if following:
            full = following if len(following) == 4 else year[:2] + following
            if int(year) < int(full) <= 2099:
                s, e = match.span("next")
                mentions.append(Mention("YEAR", following, s, e, normalized=full))
    for match in _DATE_YEAR.finditer(text):
        start, end = match.span("year")
        mentions.append(Mention("YEAR", match.group("year"), start, end, normalized=match.group("year")))
    return mentions
