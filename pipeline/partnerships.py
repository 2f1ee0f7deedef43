"""The partnerships stage: which cities a document says are partnered, since when, and how.

German documents state partnerships in three shapes, and each gets its own rule:

- **Prose**: "die 2001 geschlossene Partnerschaft zwischen Glauchau und Zgierz",
  "Langjährige Partnerstädte Leipzigs sind Krakow ... und Brno", pair lists
  ("darunter Aachen und Naumburg, Bonn und Potsdam"). A sentence counts when it
  uses partnership vocabulary (or directly continues one that does: "Darunter
  seien ...", "Es folgten Skopje (1967) ...").
- **Lists under a heading**: "Dortmunds Partnerstädte:" followed by
  "Amiens, Frankreich seit 1960" lines; the document's home city is ``city_a``.
- **Slides**, where a name and its year stand on separate lines
  ("Thessaloniki" / "1994/2008"), under category headings
  ("Kooperationsstädte / Städtefreundschaften").

The stage works from the NER's CITY mentions, but re-links a list line's
leading name with the gazetteer when no mention covers it ("Addis" / "Abeba"),
so that it does not depend on the model being perfect.

Decisions (see also corpus/gold/README.md):

- ``since_year`` is only a year the text states for the founding ("seit 1960",
  "im Jahr 1986", "2001 geschlossene", "1994/2008" → 1994). Relative phrases
  ("im siebten Jahr", "45-jähriges Bestehen") are never turned into a year:
  which date they count from is a guess.
- "Zusammenarbeit von Görlitz und Zgorzelec" is a statement of a cooperation
  (kind ``cooperation``) with a lower confidence than an explicit partnership.
- Counties are parties like towns ("Landkreis Göttingen" with "Powiat Toruński"),
  kept by name since GeoNames' city list has no ids for them; a county's own
  brochure has the county as home for its lists, but its sentences without a
  subject are about its towns, so there it is no implicit subject.
- One row per unordered pair per document; when a pair is stated several
  times, the most confident statement gives the evidence, and the kind comes
  from the most specific statement (a sentence beats a heading).
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.cities import GERMAN_STATES, GIVEN_NAMES, NOT_PLACE_WORDS, ROMAN_NUMERAL, Gazetteer, Place, country_code_for, normalize_name
from pipeline.errors import ConfigError, ExtractionError
from pipeline.types import Document, Mention, Partnership

if TYPE_CHECKING:
    from pipeline.pair_scorer import PairScorer

# --- vocabulary -----------------------------------------------------------------

# Words that make a sentence a statement about partnerships, with their kind.
# German builds compounds, so stems are matched inside words: "Städtepartnerschaft",
# "Partnerschaftsvertrag", "partnerschaftlich", "Kooperationsstadt". Order
# matters: "Stadtteilpartnerschaft" is a district partnership before it is a
# partnership; "Projektpartnerschaft" and "Klimapartnerschaft" are project-bound
# cooperations, not twinnings.
_KIND_STEMS: tuple[tuple[str, str], ...] = (
    ("stadtteilpartnerschaft", "district_partnership"),
    ("stadtbezirkspartnerschaft", "district_partnership"),
    ("ortsteilpartnerschaft", "district_partnership"),
    ("bezirkspartnerschaft", "district_partnership"),
    ("projektpartnerschaft", "cooperation"),
    ("kooperationspartnerschaft", "cooperation"),
    ("klimapartnerschaft", "cooperation"),
    ("solidaritätspartnerschaft", "cooperation"),
    ("wiederaufbaupartnerschaft", "cooperation"),
    ("kooperationsstadt", "cooperation"),
    ("kooperationsstädte", "cooperation"),
    ("kooperation", "cooperation"),
    ("zusammenarbeit", "cooperation"),
    ("städtefreundschaft", "friendship"),
    ("freundschaftsvereinbarung", "friendship"),
    ("freundschaftsvertrag", "friendship"),
    ("freundschaftsverträge", "friendship"),
    ("freundschaft", "friendship"),
    ("befreundet", "friendship"),
    ("partnerschaft", "partnership"),
    ("partnerstadt", "partnership"),
    ("partnerstädte", "partnership"),
    ("partnerstaedte", "partnership"),  # a web address's spelling: "Auf der Seite /partnerstaedte ..."
    ("partnergemeinde", "partnership"),
    ("partnerort", "partnership"),  # "Partnerorte" of a Markt or village
    ("partnerlandkreis", "partnership"),
    ("partnerkreis", "partnership"),
    ("jumelage", "partnership"),
    ("sister city", "partnership"),
    ("partnerkommune", "partnership"),
    ("schwesterstadt", "partnership"),
    ("schwesterstädte", "partnership"),
    ("verschwistert", "partnership"),
    # a lexicon's abbreviations: "Partnerst.: Kortrijk (B, 1956)", "Städtefreundsch. m. Sárospatak (H, 2005)"
    ("städtefreundsch.", "friendship"),
    ("freundschaftsst.", "friendship"),
    ("partnerst.", "partnership"),
    ("partnergem.", "partnership"),
    ("partnersch.", "partnership"),
)
# A heading opens a list of partner cities only when it names a category of
# them ("Partnerstädte", "Städtefreundschaften", "Kooperationsstädte"): a
# heading such as "Referat Internationale Zusammenarbeit" does not.
_HEADING_EXCLUDED = ("kooperation", "zusammenarbeit", "freundschaft")
_HEADING_STEMS = tuple(s for s in _KIND_STEMS if s[0] not in _HEADING_EXCLUDED) + (
    ("freundschaftsstädte", "friendship"),
    ("kooperationen", "cooperation"),  # "Kooperationen und Freundschaften" names a category,
    ("freundschaften", "friendship"),  # "Internationale Zusammenarbeit" an office
)
_PARTNERS_HEADING = re.compile(r"\b(?:ihre|seine|unsere|die)\s+Partner\b")
_SPECIFIC_KINDS = ("friendship", "cooperation", "district_partnership")

# Words after which a city is not a partner: a travel route ("über Breslau,
# Krakau und Lemberg bis Kiew"), a person's origin ("der aus Pilsen stammende
# Unternehmer", "die in Lyon aufgewachsen ist"), an office ("Bürgermeister von
# New York"), a trade fair ("Messen in Brünn").
_ROUTE_WORDS = frozenset({"über", "via"})
_ORIGIN_BEFORE = re.compile(
    r"(?:geboren\s+in|stammt\s+aus|kommt\s+aus|Bürgermeister(?:in)?\s+von|Messen?\s+in|studiert\s+in|"
    r"lebt\s+in|wohnt\s+in|Messe|Universität|Hochschule|Flughafen|Hafen|Bahnhof|Klinikum|"
    r"zu\s+verwechseln\s+mit)\s+(?:der\s+Stadt\s+)?$",
    re.IGNORECASE,
)
# An institution located in the city is the partner, not the city: "eine Kooperation mit dem
# Konservatorium in Toruń", "Hochschulen in Enschede".
_INSTITUTION_IN = re.compile(
    r"\b\w*(?:Konservatori|Universität|Hochschul|Schule|Gymnasi|Lyc[ée]e|Verein|Klinik|Krankenhaus|Theater|Museum|"
    r"Orchester|Kapelle|Chor|Club|Klub|Zoo|Kirchengemeinde|Pfarrei|Pfarrgemeinde|Feuerwehr|Wehr|Firma|Unternehmen|Werk)\w*"
    r"\s+(?:in|im|aus|von)\s+(?:der\s+Stadt\s+|[a-zäöü]+(?:en|em)\s+)?$"  # also "der Feuerwehr im elsässischen X"
)
# A club or a school that carries the town's name: "des Skiclubs Waldkirch mit dem Skiclub Dornbirn",
# "Schützenverein Harsefeld", "FC Schwelm 06".
_CLUB_OF = re.compile(
    r"\b(?:(?!Partnerschafts|Städtepartnerschafts|Freundschafts|Förder)\w*(?:[Cc]lub|[Vv]erein|[Cc]hor|[Kk]apelle|[Oo]rchester"
    r"|[Gg]ymnasium|[Ss]chule|[Ff]euerwehr|[Kk]irchengemeinde|[Pp]farrei|[Pp]farrgemeinde|Stamm|stamm)(?:s|es)?"
    r"|FC|SC|SV|TV|TSV|VfB|VfL|SG|SpVgg|KS|SK|TJ|AS|US)\s+$"
)
_ORIGIN_AFTER = re.compile(r"^\s+(?:stammende|stammender|stammenden|aufgewachsen|geboren|studiert|umgibt|umgeben)\b")

# Founding words near a year make it the partnership's year:
# "2001 geschlossene Partnerschaft", "Vertrag ... 1979 unterzeichnet".
_FOUNDING = re.compile(
    r"geschlossen|gegründet|begründet|besiegelt|unterzeichnet|vereinbart|zusammengeschlossen|"
    r"zusammenschlossen|Anfang\s+machten?|zueinander|eingegangen|einzugehen|[Vv]ertrag\s+(?:datiert\s+)?vom|ins\s+Leben|aufgenommen|Gründung|Urkunde|ausgefertigt|"
    r"\bschloss(?:en)?\b|\bfolgten?\b|\bhinzu\b|\bentstand(?:en)?\b|\bgingen?\b|\bauf\s+(?:das\s+Jahr\s+)?(?:1[89]|20)\d\d\s+zurück",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\w.,:/])(1[89]\d\d|20\d\d)(?!\w)")
# Sentences that continue the previous one's list: "Darunter seien ...",
# "Es folgten Skopje (1967) ...", "Den Anfang machten Eisenhüttenstadt und Saarlouis".
# Pairs of towns announced as such: "1987 folgten gleich mehrere Paare: Erlangen und Jena, Karlsruhe und Halle, ..."
_PAIRS_COLON = re.compile(r"\b(?:Städtepaare|Partnerpaare|Paare)\s*:")
# A sentence that lists partners by name and year, after one that announced them: "Nancy seit 1955, Nottingham seit 1969, ..."
_DATED_NAME_FIRST = re.compile(r"[A-ZÄÖÜ][^,.;:]{0,40}?\s+seit\s+(?:1[89]|20)\d\d\b")
_SINCE_YEAR = re.compile(r"\bseit\s+((?:1[89]|20)\d\d)\b")
_CONTINUATION = re.compile(
    r"^(?:Darunter|Dazu|Es\s+folgten|Hinzu|Den\s+Anfang|Am\s+Anfang\s+stand|Weitere|Außerdem|Zu\s+ihnen|In\s+den\s+Jahren)\b"
    r"|^[^,.;]{0,40}\b(?:folgten|folgte|kamen|kam|darunter)\b"
    r"|\b(?:kamen|kam)\b[^.;]*\bhinzu\b"  # "Nach der Wiedererlangung ... kam 1991 Akmenė hinzu."
)
# Verbs that sit next to the subject city of a partnership sentence:
# "So pflegt die Stadt Gera ...", "Neben Besançon pflegt Freiburg ...",
# "Hamburg ist unter anderem mit Marseille ... verbunden".
_ANCHOR_VERBS = frozenset(
    "pflegt pflegen unterhält unterhalten verbindet verbinden ist sind hat haben feiert feiern".split()
)
# Verbs of a founding told in the past: "Coventry ging bereits 1947 eine Partnerschaft mit Kiel ein".
# Their subject's partners stand in its own clause only (see _clause_pairs).
_FOUNDING_VERBS = frozenset(
    "ging gingen schloss schlossen besiegelte besiegelten unterzeichnete unterzeichneten knüpfte knüpften habe hatte hatten folgte folgten".split()
)
_COPULAS = frozenset({"ist", "sind"})
# A bond with a town, closing the clause: "... mit Grenoble und seit 1968 mit Oulu partnerschaftlich verbunden".
_BOUND_WITH = re.compile(r"[^.;!?,]*?\bmit\b[^.;!?]*?\b(?:verbunden|verschwistert|befreundet)\b")
# Verbs after the town a document is about: "Jena unterhält Partnerschaften", "Kiel war die erste Stadt ...".
_HOME_VERBS = _ANCHOR_VERBS | {"war", "waren"}
# Particles between a subject city and its verb: "Roanne selbst pflegt ...", "Gießen wiederum unterhält ...".
_FILLERS = frozenset("selbst ihrerseits seinerseits wiederum heute inzwischen bereits schon außerdem auch".split())
_CITY_HEADS = frozenset(
    "stadt landeshauptstadt hansestadt gemeinde kreisstadt großstadt universitätsstadt "
    "bundesstadt stadtgemeinde marktgemeinde".split()
)

_BULLET = re.compile(r"^\s*(?:[•\-\*–■▪·●○►◦▸▹➢➤→✓]|\d{1,2}[.)])\s*")
_RATING = re.compile(r"^A{1,3}$")
_TAIL_STARTS = re.compile(
    r"^(?:\t|[“\"«]?\s*(?:$|[,(|:/–]|-(?![^\W\d_])|\.{2,}\s|…|in\b|im\b|seit\b|bei\b|an\b|am\b|\d{4}))"
)  # \t: a table row; not "-Württembergs", the rest of a compound

# Confidence of each rule, set by hand as an ordering of how explicit the
# statement is (a "zwischen A und B" sentence above a heading list above two
# cities that merely share a partnership sentence). Not calibrated: on the dev
# split every rule was right, so there is no data to fit them to yet.
_CONFIDENCE = {
    "between": 0.95,  # "Partnerschaft zwischen A und B"
    "heading_list": 0.9,  # "Dortmunds Partnerstädte:" + "Amiens, Frankreich seit 1960"
    "pair_list": 0.85,  # "darunter Aachen und Naumburg, Bonn und Potsdam"
    "anchor": 0.8,  # "Partnerstädte Leipzigs sind Krakow ... und Brno"
    "two_cities": 0.75,  # "Mit der Stadt Zwickau verbindet Dortmund eine Städtefreundschaft"
    "orphan_list": 0.7,  # slide items whose heading the layout lost
    "home": 0.7,  # "Die Partnerschaft mit Amiens" in a document about Dortmund
    "continuation": 0.65,  # "Darunter seien ... Plzen ... und Skierniewice"
}
# Cooperation named only by "Zusammenarbeit"/"Kooperation" is a weaker claim.
_COOPERATION_PENALTY = 0.15


# --- public API -------------------------------------------------------------------


# A year written with two digits after an apostrophe: "seit '92", "(Großbritannien, '89)", "’68".
_SHORT_YEAR = re.compile(r"(?<![\w'’])['’](\d\d)(?![\w'’])")


def _normalised(document: Document, entities: list[Mention]) -> tuple[Document, list[Mention]]:
    """The document as the rules read it: two-digit years written out ("seit '92" → "seit 1992", "’08" →
    "2008"), with its entities moved along, so that every rule reads one way of writing a year ('40 to
    '99 are the 1900s); a list run into one line split into lines ("Stettin (Polen) – seit 1957 |
    Dünkirchen (Frankreich) – 1960 | ..."), one item each, as a list in lines is read; and dot leaders
    read as what they stand for (see ``_dot_leaders_as_colons``).
    A text already normalised comes back as it is, so the public functions below may each call this. A
    home city taken from ``home_city`` or ``home_candidates`` therefore has the offsets of the text that
    ``pair_candidates`` reads."""
    matches = list(_SHORT_YEAR.finditer(document.text))
    if matches:
        pieces, position = [], 0
        for match in matches:
            century = "20" if int(match.group(1)) < 40 else "19"
            pieces += [document.text[position : match.start()], century + match.group(1)]
            position = match.end()
        pieces.append(document.text[position:])
        ends = [match.end() for match in matches]  # each written-out year is one character longer

        def moved(offset: int) -> int:
            return offset + bisect.bisect_right(ends, offset)

        entities = [replace(m, start_char=moved(m.start_char), end_char=moved(m.end_char)) for m in entities]
        document = replace(document, text="".join(pieces))
    # An abbreviation before its number is no town: "Tab. 1" (Tab, Hungary), "Abb. 3".
    entities = [m for m in entities if not (m.label == "CITY" and m.end_char - m.start_char <= 4
                                            and re.match(r"\.\s?\d", document.text[m.end_char : m.end_char + 3]))]
    city_spans = [(m.start_char, m.end_char) for m in entities if m.label == "CITY"]
    split = _dot_leaders_as_colons(_inline_lists_split(document.text), city_spans)
    return (document if split == document.text else replace(document, text=split)), entities


# A field whose name a row of dots leads to its value: "Älteste Partnerschaft ........ 1956 (Inverness)".
# A table of contents' "Städtepartnerschaften ........ 12" leads to a page number and stays.
# A value that starts with a capital is left alone: "Birkenfeld ...... Treuen" is a list's pair.
_DOT_LEADER = re.compile(r"^([ \t]*[A-ZÄÖÜ][\w./-]*(?:[ \t][\w./()-]+){0,3}?)([ \t]*\.{4,}[ \t]*)(?=[^\s.A-ZÄÖÜ])(?![\d.,\s]*$)", re.M)
_ROW_LEADER = re.compile(r"(?<=\S)[ \t]*\.{3,}[ \t]*(?=\S)")


def _dot_leaders_as_colons(text: str, city_spans: list[tuple[int, int]]) -> str:
    """``text`` with each field's dot leader read as a colon, characters kept in place ("Einwohner ...... 301.000"
    → "Einwohner:        301.000"), so that a card game's or a form's fields read as the labelled lines they are
    (a town before the leader, "Birkenfeld ...... Treuen", is a list's pair, no field);
    a line of two leaders or more is a table's row, whose leaders are the space between its columns
    ("Dresden ....... Breslau (Wrocław) ....... PL ... 1959")."""
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if len(_ROW_LEADER.findall(line)) >= 2:
            line = re.sub(r"[\u25a0-\u25ff\u2605\u2606]", " ", line)  # a map legend's marks, "●★", are no column
            lines[k] = _ROW_LEADER.sub(lambda m: " " * len(m.group()), line)

    def as_colon(match: re.Match) -> str:
        if any(match.start(1) <= start < match.end(1) for start, _ in city_spans):
            return match.group()
        return match.group(1) + ":" + " " * (len(match.group(2)) - 1)
    return _DOT_LEADER.sub(as_colon, "\n".join(lines))


# Items of a list run into one line, between middle dots, pipes or bullets: "Schaffhausen (CH,
# Partnerstadt seit 1959) · Dronfield (GB, seit 1981) · ...". A menu or an address line ("Impressum |
# Datenschutz", "Rathausplatz 1 · 27749 Delmenhorst") names no two dated towns.
_INLINE_SEPARATOR = re.compile(r"[ \t]+[·|•][ \t]+")
_DATED_ITEM = re.compile(r"[A-ZÄÖÜ][\w-]+\b.*\b(?:1[89]|20)\d\d\b")


def _inline_lists_split(text: str) -> str:
    """``text`` with each run-in list of dated towns split into lines, one item each, characters kept in
    place (a separator becomes spaces and a line break), so that every offset still holds. A line of such
    a list that breaks inside an item ("Aarhus (Dänemark) – unterzeichnet am" / "3. Juni 1964 | ...",
    "Raleigh (North" / "Carolina, USA) – 2001") is joined to the next one. A table's pipe row is left."""
    characters = None
    offset = 0
    lines = text.split("\n")
    in_list = False  # the line above was such a list: this one needs only one separator and one dated item
    for i, line in enumerate(lines):
        items = _INLINE_SEPARATOR.split(line)
        dated = sum(bool(_DATED_ITEM.search(item)) for item in items)
        enough = len(items) >= 3 and dated >= 2 if not in_list else len(items) >= 2 and dated >= 1
        table_row = line.strip().startswith("|") or line.strip().endswith("|") or _aligned_with_neighbour(lines, i)
        in_list = enough and not table_row
        if in_list:
            characters = characters if characters is not None else list(text)
            for separator in _INLINE_SEPARATOR.finditer(line):
                length = separator.end() - separator.start()
                characters[offset + separator.start() : offset + separator.end()] = [" "] * (length - 1) + ["\n"]
            end = offset + len(line)
            last = items[-1].rstrip()
            mid_item = last.count("(") > last.count(")") or re.search(r"(?:\b[a-zäöüß]+|,)$", last)
            if mid_item and end < len(text) and text[end + 1 : end + 2].strip():
                characters[end] = " "
        offset += len(line) + 1
    return text if characters is None else "".join(characters)


def _aligned_with_neighbour(lines: list[str], i: int) -> bool:
    """Whether a line above or below has a separator where line ``i`` has one: a table's row."""
    columns = {m.start() for m in re.finditer(r"[·|•]", lines[i])}
    return any(0 <= j < len(lines) and any(lines[j][c : c + 1] in ("|", "·", "•") for c in columns) for j in (i - 1, i + 1))


def find_partnerships(
    document: Document, entities: list[Mention], gazetteer: Gazetteer, scorer: PairScorer | None = None,
) -> list[Partnership]:
    """Every partnership the document states, one per pair, most confident first.

    Without a scorer the rules decide alone. With one (``pipeline.pair_scorer``, trained on the gold
    documents), a model picks the home city, the rules' pairs and further candidates (the home city
    with every other city, two cities in one partnership sentence) are scored, and those at or above
    its threshold are kept, with the probability as confidence. Rules fitted to one writer's shapes
    carry badly to the next writer; the scorer weighs the same signals by what held across writers.
    """
    document, entities = _normalised(document, entities)
    if scorer is None:
        home = home_city(document, entities, gazetteer)
        rows = [_of_the_whole_city(p, gazetteer) for p in _merge(_read(document, entities, gazetteer, home).found)]
        return _distinct_pairs([p for p in rows if p is not None])
    home = scored_home(document, entities, gazetteer, scorer)
    candidates = pair_candidates(document, entities, gazetteer, home)
    probabilities = scorer.pair_probabilities([candidate.features for candidate in candidates])
    kept = [(candidate, float(probability)) for candidate, probability in zip(candidates, probabilities)
            if probability >= scorer.threshold]
    years = (scorer.choose_years([candidate.year_options() for candidate, _ in kept]) if scorer.chooses_years
             else [candidate.partnership.since_year for candidate, _ in kept])
    rows = [replace(candidate.partnership, confidence=round(probability, 2), since_year=year)
            for (candidate, probability), year in zip(kept, years)]
    return _distinct_pairs(sorted(rows, key=lambda p: -p.confidence))


def scored_home(document: Document, entities: list[Mention], gazetteer: Gazetteer, scorer: PairScorer) -> Mention | None:
    """The home city as the scorer's home model picks it; a county's letterhead decides first."""
    return _county_of_title(document.text) or scorer.choose_home(home_candidates(document, entities, gazetteer))


def pair_candidates(
    document: Document, entities: list[Mention], gazetteer: Gazetteer, home: Mention | None,
) -> list[PairCandidate]:
    """Every pair the document might state, as a row (kind, year, evidence) with the scorer's features."""
    document, entities = _normalised(document, entities)
    reading = _read(document, entities, gazetteer, home)
    spans = _Spans(reading)
    candidates = []
    for c in _candidates(reading, spans):
        row = _of_the_whole_city(_as_partnership(spans, c), gazetteer)
        if row is not None:
            candidates.append(PairCandidate(row, _pair_features(reading, spans, c), spans, c))
    return candidates


_BERLIN_ID, _BERLIN_STATE = 2950159, "16"  # GeoNames: the city of Berlin, and the Land's admin1 code


def _of_the_whole_city(row: Partnership, gazetteer: Gazetteer) -> Partnership | None:
    """The row with a Berlin Bezirk or Ortsteil written as Berlin, whose district it is (GeoNames
    lists "Spandau" and "Köpenick" as cities of their own; every place in the Land Berlin is part of
    the city), as for any other city's district; None for a pair that is then Berlin with itself."""

    def whole(name: str, gid: int | None) -> tuple[str, int | None]:
        return ("Berlin", _BERLIN_ID) if _in_berlin(gid, gazetteer) else (name, gid)

    a = (*whole(row.city_a, row.city_a_geonames_id), row.city_a_country)
    b = (*whole(row.city_b, row.city_b_geonames_id), row.city_b_country)
    if a[1] == b[1] == _BERLIN_ID:
        return None
    if b[1] == _BERLIN_ID:
        a, b = b, a  # city_a is the city whose district it is
    return replace(row, city_a=a[0], city_a_geonames_id=a[1], city_a_country=a[2],
                   city_b=b[0], city_b_geonames_id=b[1], city_b_country=b[2])


def _in_berlin(gid: int | None, gazetteer: Gazetteer) -> bool:
    """Whether ``gid`` is a place in the Land Berlin other than the city itself: a Bezirk or Ortsteil."""
    place = gazetteer.place(gid) if gid is not None and gid != _BERLIN_ID else None
    return place is not None and place.country_code == "DE" and place.admin1 == _BERLIN_STATE


def _distinct_pairs(rows: list[Partnership]) -> list[Partnership]:
    """The first row of each pair (rows come most confident first)."""
    seen, result = set(), []
    for row in rows:
        key = frozenset(((row.city_a_geonames_id, _fold(row.city_a) if row.city_a_geonames_id is None else None),
                         (row.city_b_geonames_id, _fold(row.city_b) if row.city_b_geonames_id is None else None)))
        if key not in seen:
            seen.add(key)
            result.append(row)
    return result


@dataclass
class PairCandidate:
    """A pair the document might state: the row the rules would write, the pair scorer's features, and
    (computed only when asked, for pairs that are kept) the years that might be its founding year."""

    partnership: Partnership
    features: dict[str, float]
    _spans: "_Spans" = field(repr=False)
    _candidate: "_Candidate" = field(repr=False)
    _years: list | None = field(default=None, repr=False)

    def year_options(self) -> list[tuple[int, dict[str, float]]]:
        if self._years is None:  # training asks twice: for the year rows and in cross-validation
            self._years = _year_options(self._spans, self._candidate, self.partnership.since_year)
        return self._years


@dataclass
class _Reading:
    """What the rules made of one document: its cities, home city, classified lines and statements."""

    text: str
    cities: list[_City]
    home: Mention | None
    lines: list[_Line]
    found: list[_Found]


def _read(document: Document, entities: list[Mention], gazetteer: Gazetteer, home: Mention | None) -> _Reading:
    text = document.text
    cities = _usable_cities(text, entities, gazetteer)
    if home is not None and home.geonames_id is not None:
        cities = [_namesake(text, c, home, gazetteer) if c.geonames_id == home.geonames_id else c for c in cities]
    if home is not None:  # "der Bezirk Nippes" in a document about Köln: Köln's district partnership
        home_part = replace(_home_as_city(home), district=True)
        # Once named as a district, a place is one wherever it stands ("Vaihingen" as a heading); so is
        # a former municipality the text says was incorporated, whose partnerships the city carries on.
        districts = {_key(c) for c in cities if c.named_district} | _incorporated(text, cities, home)
        cities = [replace(home_part, start=c.start, end=c.end) if _key(c) in districts else c for c in cities]
    lines = _lines(text, cities, gazetteer)
    if home is not None:
        for line in lines:  # a list line that names a district: "Vaihingen" over its paragraph
            if line.city is not None and (_key(line.city) in districts or re.search(
                _DISTRICT_WORD + r"\s+" + re.escape(
                    text[line.city.start : line.city.end]) + r"\b", text)):
                line.city = replace(home_part, start=line.city.start, end=line.city.end)
    sections = _city_sections(text, lines, gazetteer)
    found, pair_tables = _from_tables(text, cities, home, gazetteer, sections)
    lexicon_found, fields = _from_lexicon_fields(text, cities, sections, home, gazetteer)
    found += lexicon_found + _from_pair_items(text, lines, cities) + _from_chains(text, lines, cities)
    found += _from_dated_lists(text, lines, cities, home)
    questions, answers, answer_key = _answer_key(lines)  # a quiz's answers are no list of the home town's partners
    found += _from_greetings(text, lines, cities, home, gazetteer) + _from_answer_key(text, cities, questions, answers)
    prose_cities = [c for c in cities if not any(a <= c.start < b for a, b in pair_tables + fields)]
    if not sections:
        sections = [(0, len(text) + 1, home)]
    elif sections[0][0] > 0:
        sections.insert(0, (0, sections[0][0], home))
    list_kind, previous_own_head = None, False
    for section_start, section_end, section_home in sections:
        own_head = section_home is not None and section_home is not home
        section_home = section_home or home
        section_lines = [line for line in lines if section_start <= line.start < section_end]
        section_cities = [c for c in prose_cities if section_start <= c.start < section_end]
        if own_head:  # "HAGEN A.T.W. – Kolonowskie": the heading's town as the heading links it
            head = _home_as_city(section_home)
            section_cities = [replace(head, start=c.start, end=c.end) if c.start <= head.start < c.end else c
                              for c in section_cities]
        # "3. Partnerschaften der kreisangehörigen Kommunen" over the towns' sections: their list's kind
        if not own_head:
            list_kind = None
        elif not previous_own_head:
            above = [line for line in lines if line.start < section_start and line.kind == "heading"]
            list_kind = _kind_of(above[-1].text, _HEADING_STEMS) if above and not any(
                line.kind == "prose" for line in lines if above[-1].start < line.start < section_start) else None
        if own_head and list_kind is None and _partner_items_open(section_lines):
            list_kind = "partnership"  # a slide's "Flensburg" over "• Carlisle (seit 1961)": the town's partners
        previous_own_head = own_head
        # a table of pairs between bars ("Lübeck | Kotka | 1969") is the table rule's to read, not a list of the home town's
        found += _from_lists([line for line in section_lines if (answer_key is None or line.start < answer_key)
                              and not (" | " in line.text and any(a <= line.start < b for a, b in pair_tables))],
                             section_home, section_cities, list_kind)
        # A county's brochure speaks mostly of its towns' partnerships: a sentence without a subject
        # is not the county's, so the county is no implicit subject (named, it is one like any city).
        implicit_home = None if section_home is not None and _county_key(section_home.text) is not None else section_home
        if answer_key is not None:
            implicit_home = None  # a quiz asks about many towns' partners: no sentence of it is the home town's
        # In a brochure with a section per town, each section speaks of its town's partnerships.
        town_section = len(sections) > 1 and section_home is not None
        found += _from_sentences(text, section_lines, section_cities, implicit_home, gazetteer, town_section=town_section,
                                 county=section_home if implicit_home is None else None)
    if home is not None:
        # "Das stimmt nicht: Straßburg ist keine Partnerstadt Tübingens." A town the text says outright is
        # not the home town's partner is none, whatever a letter to the editor it quotes claimed before.
        disowned = {_key(c) for c in cities if _DISOWNED_PARTNER.match(text, c.end)}
        home_key = _key(_home_as_city(home))
        found = [f for f in found if not (f.a is not None and _key(f.a) == home_key and _key(f.b) in disowned)]
    return _Reading(text, cities, home, lines, found)


# A town named, then said to be no partner: "Straßburg ist keine Partnerstadt", "Bamberg ist nicht Würzburgs
# Partnerstadt"; not "ist keine Partnerstadt mehr" (a tie that ended), "nicht nur Partnerstadt", nor
# "keine Städtepartnerschaft, sondern eine Freundschaft" (a correction of the kind).
_DISOWNED_PARTNER = re.compile(
    r"[ \t]+(?:ist|sei|war)[ \t]+(?:aber[ \t]+|jedoch[ \t]+|übrigens[ \t]+|auch[ \t]+)?(?:nicht|keine)[ \t]+(?![Nn]ur\b)(?:[\w-]+[ \t]+){0,2}?"
    r"(?:Partnerstadt|Partnergemeinde|Schwesterstadt|Partnerkommune)\b(?![ \t]+\w+[ \t]+mehr\b|[ \t]+mehr\b|,?[ \t]+sondern\b)", re.IGNORECASE)


# A lexicon's partnership field: "– Partnerst.: Kortrijk (B, 1956), Niort (F, 1998)", "; Städtefreundsch. m.
# Sárospatak (H, 2005)", "Partnergem.: Saint-Méen-le-Grand (F, 1979)". Its label opens a field (after a
# dash, a comma or a full stop), unlike "eine eigene Partnersch. mit Marlenheim" in a sentence.
_LEXICON_LABEL = re.compile(r"(?:(?<=[–—;,.:])|^)[ \t\n]*(?P<label>(?:Partnerst|Partnergem|Partnersch|Städtefreundsch|Freundschaftsst)\.)"
                            r"(?=[ \t\n]*(?::|m\.|mit\b))", re.M)
# A lexicon page's running head names its first and last entries: "412   Sobernheim, Bad – Soltau".
_RUNNING_HEAD = re.compile(r"\A\s*(?:\d+\s+)?(?P<first>[A-ZÄÖÜ][\wäöüß.-]*(?:,? [A-ZÄÖÜ][\wäöüß.-]*)?)\s+[–—-]\s+[A-ZÄÖÜ][^\n]*\n")


def _from_lexicon_fields(text: str, cities: list[_City], sections: list[tuple[int, int, Mention | None]],
                         home: Mention | None, gazetteer: Gazetteer) -> tuple[list[_Found], list[tuple[int, int]]]:
    """The partners a lexicon entry lists in its abbreviated fields, each with the year in its brackets,
    and the fields' spans (their names are not read again as prose).

    The entry's town (its section) owns the field; a field on a page before the page's first entry
    continues the entry the running head names first ("Sobernheim, Bad – Soltau" → Bad Sobernheim).
    """
    found, spans = [], []
    for label in _LEXICON_LABEL.finditer(text):
        start = label.end("label")
        end = _field_end(text, start)
        owner = next((town for a, b, town in sections if a <= label.start("label") < b), None) if sections else home
        if sections and label.start("label") < sections[0][0]:
            owner = _running_head_town(text, gazetteer)
        spans.append((start, end))
        if owner is None:
            continue
        own = _home_as_city(owner)
        kind = _kind_of(label.group("label")) or "partnership"
        previous_end = start
        for city in cities:
            if start <= city.start < end and _depth(text, start, city.start) == 0 and _key(city) != _key(own):
                # "...; seit 2005 Kooperation m. Straßburg": words before a partner name its own kind and year
                before = text[previous_end : city.start]
                since = _SINCE_YEAR.search(before)
                year = _bracket_year(text, city, end) or (int(since.group(1)) if since else None)
                evidence = " ".join(text[label.start("label") : end].split())
                found.append(_Found(own, city, _kind_of(before) or kind, 1.5, year, evidence,
                                    _CONFIDENCE["heading_list"], "heading_list"))
                previous_end = city.end
    return found, spans


# A bullet that opens with a pair: "• Suhl und Würzburg. Würzburgs Partnerstadt ...", "• Kölleda und die polnische
# Gemeinde Kłodawa (2005): ...", "• Sonderpreis Erinnerung: Kahla und Bad Wildbad."
_PAIR_AND = re.compile(r"\s+und\s+(?:(?:der|die|das|dem|den)\s+)?(?:[a-zäöü][\wäöüß-]*\s+){0,2}"
                       r"(?:(?:Markt|Gemeinde|Stadt|Landkreis|Kreis)\s+)?")


def _from_pair_items(text: str, lines: list[_Line], cities: list[_City]) -> list[_Found]:
    """Pairs that open a bullet whose text names the partnership: a jury's list of prize winners, a
    report's list of town pairs. The year is one in brackets after the pair or the item's own."""
    found = []
    by_start = {c.start: c for c in cities}
    for i, line in enumerate(lines):
        mark = _BULLET.match(line.text) if line.kind == "bullet" else None
        if mark is None or mark.group().strip()[:1].isdigit():
            continue
        end = line.start + len(line.text)
        for later in lines[i + 1 :]:  # the item's wrapped lines, up to a blank line or the next bullet
            if later.kind == "blank" or _BULLET.match(later.text):
                break
            end = later.start + len(later.text)
        position = line.start + mark.end()
        if position not in by_start and (label := _PAIR_LABEL.match(text, position, end)):
            position = label.end()
        a = by_start.get(position)
        joint = a and _PAIR_AND.match(text, a.end, end)
        b = joint and by_start.get(joint.end())
        if b is None or not re.match(r"\s*(?:\(|[.:,–—]|$)", text[b.end : end]):
            continue
        item = text[line.start : end]
        kind = _kind_of(item)
        if kind is None or _only_denied(item):
            continue
        bracket = re.match(r"\s*\((?:seit\s+)?((?:1[89]|20)\d\d)\)", text[b.end : end])
        year = int(bracket.group(1)) if bracket else _sentence_year(text, line.start, end)
        found.append(_Found(a, b, kind, 2.0, year, " ".join(item.split()), _CONFIDENCE["pair_list"], "pair_list"))
    return found


# A town and its partners chained by dashes, each with its year in brackets, opening a paragraph of a
# lexicon or a thesis: "Weimar – Trier (1987; ...) – Siena (Ital.; 1994) – Blois (Frankr.; 1995)."
_CHAIN_DASH = re.compile(r"\s*[–—]\s+")
_CHAIN_BRACKET = re.compile(r"\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)")


def _from_chains(text: str, lines: list[_Line], cities: list[_City]) -> list[_Found]:
    """Pairs of the town that opens a paragraph with each dated partner chained after it by dashes. A
    route's stages ("Saarlouis – Saint-Nabord (42 km)") carry no year, a border crossing none either."""
    found = []
    by_start = {c.start: c for c in cities}
    for previous, line in zip([None, *lines], lines):
        if line.kind not in ("prose", "item", "bullet") or (previous is not None and previous.kind not in ("blank", "heading")):
            continue
        a = by_start.get(line.start + len(line.text) - len(_BULLET.sub("", line.text).lstrip()))  # "• Eisenhüttenstadt – ..."
        if a is None:
            continue
        position, links = a.end, []
        if (own_bracket := _CHAIN_BRACKET.match(text, a.end)) and not _YEAR.search(own_bracket.group(1)):
            position = own_bracket.end()  # "Ilmenau (Thür.) – Homburg (Saar) (1988/1990)"
        while (dash := _CHAIN_DASH.match(text, position)) and (b := by_start.get(dash.end())) is not None:
            brackets = []  # "Homburg (Saar) (1988/1990)": the name's bracket, then the note's
            while (bracket := _CHAIN_BRACKET.match(text, brackets[-1].end() if brackets else b.end)) and len(brackets) < 2:
                brackets.append(bracket)
            year = next((y for bracket in brackets if (y := _YEAR.search(bracket.group(1)))), None)
            if year is None:
                break
            note = " ".join(bracket.group(1) for bracket in brackets)
            links.append((b, int(year.group()), _kind_of(note)))
            position = brackets[-1].end()
        evidence = " ".join(text[line.start : position].split())
        for b, year, kind in links:
            found.append(_Found(a, b, kind or "partnership", 1.5 if kind else 0.0, year, evidence,
                                _CONFIDENCE["pair_list"], "pair_list"))
    return found


# A town, its colon and its partners, each dated: "Münster: York (1957), Orléans (1960), Lublin (1991) und die
# Städtepartnerschaft mit Mühlhausen/Thüringen (1990)", "Bielefeld: Rochdale seit 1953, Nahariya seit 1983".
_DATED_LIST_OWNER = re.compile(r"[ \t]*(?:[-*•–][ \t]+)?")
_DATED_PARTNER = re.compile(r"(?:[ \t]*\([^()\d]{2,30}\))?"  # the country's bracket first: "Clamart (Frankreich) seit 1963"
                            r"[ \t]*(?:\((?:seit[ \t]+)?((?:19|20)\d\d)\)|,?[ \t]+(?:seit[ \t]+)?((?:19|20)\d\d)\b(?![.,]?\d))")
_DATED_LIST_LABEL = re.compile(r"[ \t]*(?:Antwort|Partner(?:städte|gemeinden|kommunen|schaften)?|Städtepartnerschaften)[ \t]*:[ \t]+")
_DATED_LIST_GAP = re.compile(r"(?:[ \t]*\([^()]{1,40}\))?(?:[ \t]*,[ \t]*|[ \t]+und[ \t]+)(?:(?:die|der|eine?)[ \t]+)?(?:\w*(?:partnerschaft|freundschaft)"
                             r"[ \t]+mit[ \t]+(?:(?:der|dem)[ \t]+(?:Stadt|Gemeinde)[ \t]+)?)?")
_MIN_DATED_PARTNERS = 2
_LIST_COLON = re.compile(r"[ \t]*:[ \t]+")
# A town whose list follows one word on, inside a line: a chat's "ich hab Dortmund fertig: Amiens 1960, ...".
_LIST_COLON_AFTER_WORD = re.compile(r"[ \t]+(?:fertig|erledigt|ergänzt|komplett|geprüft|dazu)[ \t]*:[ \t]+")
_LIST_STOP = re.compile(r"[.;!?](?=\s)|$")


def _from_dated_lists(text: str, lines: list[_Line], cities: list[_City], home: Mention | None) -> list[_Found]:
    """Pairs of the town that opens a line with its colon and the partners listed after it, two of them
    dated at least: a register's log, a note's "Bielefeld: Rochdale seit 1953, Nahariya seit 1983". A
    line of any town in a document about several; the years tell partners from a tour's stops. After
    a label instead of a town, the partners are the home town's: a survey's "Antwort: Clamart
    (Frankreich) seit 1963, Scunthorpe (Großbritannien) seit 1977"."""
    found = []
    by_start = {c.start: c for c in cities}
    for line in lines:
        if line.kind == "blank":
            continue
        owner = by_start.get(line.start + _DATED_LIST_OWNER.match(line.text).end())
        end = line.start + len(line.text)
        colon = owner and _LIST_COLON.match(text, owner.end, end)
        if not colon:  # after a chat's speaker ("mira: Essen: Grenoble seit 1974, ..."), or one word on
            for city in (c for c in cities if line.start < c.start < end):
                after_speaker = re.fullmatch(r"[ \t]*[\w.-]+:[ \t]+", text[line.start : city.start])
                colon = _LIST_COLON_AFTER_WORD.match(text, city.end, end) or (
                    _LIST_COLON.match(text, city.end, end) if after_speaker else None)
                if colon:
                    owner = city
                    break
        if not colon and home is not None and (label := _DATED_LIST_LABEL.match(text, line.start, end)):
            owner, colon = _home_as_city(home), label
        if not colon:
            continue
        position, listed = colon.end(), []
        while (partner := by_start.get(position)) is not None:
            dated = _DATED_PARTNER.match(text, partner.end, end)
            listed.append((partner, int(dated.group(1) or dated.group(2)) if dated else None))
            gap = _DATED_LIST_GAP.match(text, dated.end() if dated else partner.end, end)
            if gap is None:
                break
            position = gap.end()
        stop = _LIST_STOP.search(text, position, end)  # the list's sentence, not the next one's kind
        statement = text[line.start : stop.start() + 1 if stop.start() < end else end]
        if sum(1 for _, year in listed if year) < _MIN_DATED_PARTNERS or _only_denied(statement):
            continue
        kind = _kind_of(statement)
        for partner, year in listed:
            if _key(partner) != _key(owner):
                found.append(_Found(owner, partner, kind or "partnership", 1.5 if kind else 0.0, year,
                                    " ".join(statement.split()), _CONFIDENCE["pair_list"], "pair_list"))
    return found


# A quiz's answer key, numbered like its questions, under a heading of its own: "ANTWORTEN (nicht vorher
# umblättern!)", "LÖSUNGEN", "Auflösung".
_ANSWER_KEY_HEADING = re.compile(r"\s*(?:ANTWORTEN|Antworten|LÖSUNGEN|Lösungen|LÖSUNG|Lösung|AUFLÖSUNG|Auflösung)\b")
_NUMBER_OPENING = re.compile(r"\s*(\d{1,2})[.)]\s+")
# A question that asks for the partner names one side only: "Hannover und welche sächsische Messestadt ...?"
_WHICH_QUESTION = re.compile(r"\b[Ww]elche[rsmn]?\b[^.!?]*\?\s*$")
_NEAR_TOWN = re.compile(r"\b(?:bei|nahe|unweit\s+von|in\s+der\s+Nähe\s+von)\s+$")
_TRUE_OR_FALSE = re.compile(r"\s*(?:\d{1,2}[.)]\s*)?Richtig\s+oder\s+falsch\b", re.IGNORECASE)
# An exercise's statement with boxes to tick: "4. Leipzig ist eine Partnerstadt von Hamburg.   r [ ]  f [ ]"
_TICK_BOXES = re.compile(r"\b(?:r|w|richtig|wahr)\s*\[\s*\]\s*(?:f|falsch)\s*\[\s*\]", re.IGNORECASE)
_VERDICT = re.compile(r"\s*(Richtig|Wahr|Stimmt|Ja|Falsch|Nein)\b", re.IGNORECASE)
# Where an answer's own words end and its explanation begins: "Reval (heute Tallinn)", "Rostock. Die ...",
# "Kalmar – Partnerstadt seit 2002."
_ANSWER_END = re.compile(r"\.\s|\s[–—]\s|\s*\(|\.?\s*$")


def _numbered_items(lines: list[_Line]) -> dict[int, tuple[int, int]]:
    """Span of each numbered item of ``lines`` by its number, with the lines it wraps onto."""
    items: dict[int, tuple[int, int]] = {}
    current = None
    for line in lines:
        opening = _NUMBER_OPENING.match(line.text)
        if opening:
            current = int(opening.group(1))
            items[current] = (line.start + opening.end(), line.start + len(line.text))
        elif line.kind == "blank" or current is None:
            current = None
        else:
            items[current] = (items[current][0], line.start + len(line.text))
    return items


def _answer_key(lines: list[_Line]) -> tuple[dict[int, tuple[int, int]], dict[int, tuple[int, int]], int | None]:
    """A quiz's questions and answers by number, and where its answer key begins; empty without one."""
    heading = next((i for i, line in enumerate(lines) if line.kind != "blank" and len(line.text.split()) <= 8
                    and _ANSWER_KEY_HEADING.match(line.text)), None)
    if heading is None:
        return {}, {}, None
    questions, answers = _numbered_items(lines[:heading]), _numbered_items(lines[heading + 1 :])
    if len(set(questions) & set(answers)) < 2:
        return {}, {}, None
    return questions, answers, lines[heading].start


def _from_answer_key(text: str, cities: list[_City], questions: dict[int, tuple[int, int]],
                     answers: dict[int, tuple[int, int]]) -> list[_Found]:
    """Pairs of a quiz whose answers stand apart from its questions: the town a partnership question
    names with the town its numbered answer gives ("Welche Hansestadt in Mecklenburg ist seit 1987
    Partnerstadt von Lübeck?" ... "9. Wismar"); several answers take the question's years in order
    ("eine in Frankreich (1958), eine in Russland (1957 ...) und eine in Sachsen (1987)" → "Marseille,
    Sankt Petersburg, Dresden"). A question that denies ("Welche Stadt ist KEINE Partnerstadt ...?") pairs
    nothing, and a true-or-false statement pairs its towns only when the answer says it is true."""
    found = []
    for number, (start, end) in sorted(questions.items()):
        if number not in answers:
            continue
        question = text[start:end]
        kind = _kind_of(question)
        if kind is None or _only_denied(question):
            continue
        answer_start, answer_end = answers[number]
        # "Sankt Ingbert und eine Stadt bei Nantes sind Partnerstädte. Welche?": Nantes only places the answer
        asked = _distinct([c for c in cities if start <= c.start < end and not _NEAR_TOWN.search(text, start, c.start)])
        evidence = " ".join(f"{question} {text[answer_start:answer_end]}".split())
        verdict = _VERDICT.match(text, answer_start, answer_end)
        if _TRUE_OR_FALSE.match(question) or verdict:
            if verdict and verdict.group(1).casefold() in ("richtig", "wahr", "stimmt", "ja") and len(asked) == 2:
                found.append(_Found(asked[0], asked[1], kind, 2.0, _sentence_year(text, start, end), evidence,
                                    _CONFIDENCE["pair_list"], "pair_list"))
            continue
        own_end = _ANSWER_END.search(text, answer_start, answer_end)
        given = [c for c in _distinct([c for c in cities if answer_start <= c.start < (own_end.start() if own_end else answer_end)])
                 if all(_key(c) != _key(q) for q in asked)]
        if len(asked) != 1 or not given:
            continue
        years = [int(y) for y in _YEAR.findall(question)]
        if len(given) > 1:
            dated = zip(given, years if len(years) == len(given) else [None] * len(given))
        else:
            dated = [(given[0], years[0] if years else _sentence_year(text, answer_start, answer_end))]
        found += [_Found(asked[0], b, kind, 2.0, year, evidence, _CONFIDENCE["pair_list"], "pair_list") for b, year in dated]
    return found


# A collection of greetings from the partner towns: "Aus Wuppertal" / "Liebe Schwerinerinnen und Schweriner,
# seit 1987 ... sind unsere Städte Partner." Each greeting speaks for its town, of its bond with the home town.
_GREETING_HEAD = re.compile(r"\s*(?:Grüße\s+|Gruß\s+)?[Aa]us\s+(?P<name>[A-ZÄÖÜ][^\s()]*(?:\s+[A-ZÄÖÜa-zäöü][^\s()]*){0,3}?)"
                            r"(?:\s*\([^()]*\))?\s*:?\s*$")
_OUR_BOND = re.compile(r"\b(?:[Uu]nser(?:e[rn]?)?|[Oo]ur|[Nn]otre)\s+(?:beiden\s+)?(?:Städte|Gemeinden|Partnerschaft|"
                       r"Städtepartnerschaft|Freundschaft|Partnerstadt|Partnergemeinde|[Ss]ister[ -][Cc]ity|jumelage)\b")


def _from_greetings(text: str, lines: list[_Line], cities: list[_City], home: Mention | None,
                    gazetteer: Gazetteer) -> list[_Found]:
    """Pairs of the home town with each partner town that sends a greeting and names "our partnership"."""
    if home is None:
        return []
    heads = [(i, match) for i, line in enumerate(lines)
             if line.kind in ("heading", "item") and (match := _GREETING_HEAD.fullmatch(line.text))]
    if len(heads) < 2:
        return []  # a series of greetings, not one "Aus Krakau" heading
    own = _home_as_city(home)
    by_start = {c.start: c for c in cities}
    found = []
    for k, (i, match) in enumerate(heads):
        line = lines[i]
        city = by_start.get(line.start + match.start("name"))
        if city is None and (place := gazetteer.link(match.group("name"))) is not None:
            city = _City(place.name, place.geonames_id, place.country_code, line.start + match.start("name"),
                         line.start + match.end("name"))
        if city is None or _key(city) == _key(own):
            continue
        # The greeting is the paragraph under its heading (also a short one, read as a heading itself).
        body = list(itertools.takewhile(lambda later: later.kind != "blank", lines[i + 1 :]))
        end = body[-1].start + len(body[-1].text) if body else line.start + len(line.text)
        section_start = line.start + len(line.text)
        bond = _OUR_BOND.search(text, section_start, end)
        if bond is None:
            continue
        sentence_start = max(text.rfind(mark, section_start, bond.start()) for mark in (". ", "! ", "? ", "(", "\n")) + 1
        stops = [p for mark in (". ", "! ", "? ", ")", "\n") if (p := text.find(mark, bond.end(), end)) != -1]
        sentence_end = min(stops, default=end)
        sentence = text[sentence_start:sentence_end]
        stated = re.search(r"\b(?:seit|since|in|depuis)\s+((?:19|20)\d\d)\b", sentence) or re.match(
            r"\s+((?:19|20)\d\d)\b", text[bond.end() : sentence_end])  # "Seit der Unterzeichnung unserer Partnerschaft 2011"
        year = _sentence_year(text, sentence_start, sentence_end) or (int(stated.group(1)) if stated else None)
        kind = named if (named := _kind_of(sentence)) in ("friendship", "cooperation") else "partnership"
        found.append(_Found(own, city, kind, 2.0, year, " ".join(sentence.split()), _CONFIDENCE["home"], "home"))
    return found


def _field_end(text: str, start: int) -> int:
    """Where a lexicon field ends: at the next field ("– Lit.:", "; Städtefreundsch. m."), the end of
    its sentence ("(F, 1969). Der ...") or of its paragraph; full stops inside brackets do not count."""
    depth = 0
    for i in range(start, len(text)):
        char = text[i]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif (char == "\n" and text.startswith("\n", i + 1)) or (i > start and _FIELD_DASH.match(text, i)):
            return i
        elif char == "." and re.match(r"\s+[A-ZÄÖÜ]", text[i + 1 : i + 3]) and (
                re.search(r"(?:[)\]\d]|[a-zäöüß]{4})$", text[start:i])):  # not after "v." or "Gem."
            return i
        elif i > start and char in ";," and _LEXICON_LABEL.match(text, i + 1):
            return i
    return len(text)


def _depth(text: str, start: int, position: int) -> int:
    segment = text[start:position]
    return segment.count("(") + segment.count("[") - segment.count(")") - segment.count("]")


def _bracket_year(text: str, city: _City, end: int) -> int | None:
    """A lexicon partner's year: in its brackets ("(F, Ardennes, 1970, erneuert 1995)" → 1970,
    "(F, Var, MCMLXXVI/1976)") or right after them ("(F, Yvelines) seit 1972", "wurde 1990 vereinbart")."""
    bracket = re.match(r"\s*\(([^()]*)\)", text[city.end : end])
    if bracket and (year := re.search(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", bracket.group(1))):
        return int(year.group(1))
    after = city.end + (bracket.end() if bracket else 0)
    clause = re.match(r"[^;,]{0,40}", text[after:end]).group()
    year = re.search(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", clause)
    return int(year.group(1)) if year else None


def _running_head_town(text: str, gazetteer: Gazetteer) -> Mention | None:
    head = _RUNNING_HEAD.match(text)
    if head is None:
        return None
    name = head.group("first")
    if ", " in name:  # a lexicon sorts "Bad Sobernheim" as "Sobernheim, Bad"
        name = " ".join(reversed(name.split(", ")))
    place = gazetteer.link(name)
    return place.mention(name, head.start("first"), head.end("first")) if place else None


# "Städtefreundschaft mit der Namensvetterin Illingen im Enzkreis", "der hessischen Namensvetterin Naumburg"
_NAMESAKE_BEFORE = re.compile(r"\b(?:Namens(?:vetter|schwester|cousine|gleiche)\w*|gleichnamigen?)\s+(?:(?:Stadt|Gemeinde)\s+)?$",
                              re.IGNORECASE)


def _namesake(text: str, city: _City, home: Mention, gazetteer: Gazetteer) -> _City:
    """The home city's name standing for another town of that name: "die hessische Namensvetterin
    Naumburg" in a text about Naumburg (Saale), "die Schweizer Schwesterstadt Rheinfelden (Aargau)"
    in one about Rheinfelden (Baden). Such pairs of namesakes are partners often enough."""
    qualifier = re.match(r"\s*\(([^()\d]{2,30})\)", text[city.end : city.end + 35])
    before = text[max(0, city.start - 60) : city.start]
    named_as_namesake = bool(_NAMESAKE_BEFORE.search(before))
    home_place = gazetteer.place(home.geonames_id)
    if (qualifier is None and not named_as_namesake) or home_place is None:
        return city  # most mentions of the home city: no gazetteer lookup
    others = [p for p in gazetteer.candidates(text[city.start : city.end])
              if p.geonames_id != home_place.geonames_id and p.name == home_place.name]

    def regions(place) -> str:  # what a text may call the place's region: its Land or its country
        return " ".join(filter(None, (GERMAN_STATES.get(place.admin1 or "") if place.country_code == "DE" else None,
                                      place.country_code))).casefold()

    if qualifier is not None:
        words = qualifier.group(1).casefold()
        if words[:5] in regions(home_place) or words in (home.text or "").casefold() or len(others) != 1:
            return city  # "Lampertheim (Hessen)": the home city with its Land
        chosen = others[0]
    elif others:
        lead = before.casefold()
        countries = {country_code_for(word) for word in re.findall(r"\w+", before)} | (
            {"CH"} if "schweizer" in lead else set())  # "Schweizer" is a noun to country_code_for
        fitting = [p for p in others if any(word[:5] in lead for word in regions(p).split() if len(word) > 2)
                   or p.country_code in countries]
        chosen = max(fitting or others, key=lambda p: p.population)
    else:
        return city
    return replace(city, geonames_id=chosen.geonames_id, country=chosen.country_code)


# "wurden ... Heidesheim am Rhein und Wackernheim eingemeindet", "Als Nerchau, Mutzschen und Großbothen ...
# Teil der Stadt Grimma wurden": the towns named before such words were merged into a city.
_INCORPORATION = re.compile(
    r"\beingemeindet\b|\beingegliedert\b|\bTeil\s+der\s+(?:Großen\s+Kreisstadt|Kreisstadt|Stadt|Gemeinde)\b")


def _incorporated(text: str, cities: list[_City], home: Mention) -> set[str]:
    """Keys of German towns that a sentence says were incorporated, unless into a city other than the
    home ("Engelsdorf, 1999 nach Leipzig eingemeindet" in a text about Grimma)."""
    keys = set()
    home_key = _key(_home_as_city(home))
    for match in _INCORPORATION.finditer(text):
        window = max(0, match.start() - 400)
        ends = [m.end() for m in re.finditer(r"(?<!\d)[.!?]\s|\n\s*\n", text[window : match.start()])]
        start = window + (ends[-1] if ends else 0)
        before = [c for c in cities if start <= c.start < match.start()]
        if not before:
            continue
        last = before[-1]
        if _key(last) != home_key and re.search(r"\b(?:nach|in|zu)\s*$", text[start : last.start]):
            continue  # "... 1999 nach Leipzig eingemeindet": into another city
        keys |= {_key(c) for c in before if c.country == "DE" and _key(c) != home_key}
    return keys


# A town's title ending in "-stadt": "Kreisstadt", "Hansestadt", "Barlachstadt", "Hanse- und Universitätsstadt";
# not "Partnerstadt" or "Schwesterstadt", which name the other town.
_TITLED_STADT = r"(?:[A-ZÄÖÜ][a-zäöüß]+-\s+und\s+)?(?!Partner|Schwester|Paten|Nachbar)[A-ZÄÖÜ][a-zäöüß]+stadt"


# A heading that opens one town's section of a brochure: "STADT GERMERSHEIM", "Ortsgemeinde Kuhardt";
# also a card's "Steckbrief 1: Saarbrücken" or a card game's "Karte 1A  AUGSBURG (Bayern)".
_MUNICIPAL_HEADING = re.compile(
    # A web page's title: "Partnerstädte – Stadt Ahlen", "Städtepartnerschaften | Coesfeld"
    r"^\s*(?P<lead>(?:Unsere\s+)?(?:Partnerst(?:ä|ae)dte|Städtepartnerschaften)\s+[–—|/-]\s+)?"
    # a title before the name, or the "Name der Kommune: Eberswalde" pipeline._exports writes over a survey town's answers
    r"(?P<prefix>(?:Name\s+(?:der|Ihrer)\s+(?:Kommune|Gemeinde|Stadt)\s*:|Große\s+Kreisstadt|Stadt|Gemeinde|Amt|Ortsgemeinde|Verbandsgemeinde|Samtgemeinde|Marktgemeinde|Markt"
    r"|" + _TITLED_STADT + r")\s+|(?:Steckbrief|Porträt|Portrait|Karte|Kapitel)(?:\s*\d{0,2}\s*[:.–—-]\s*|\s+\d{1,2}[A-Za-z]?\s+|\s+))?(?P<name>[A-ZÄÖÜ][\wäöüß'’./-]*(?:[ -][\wÄÖÜäöüß'’.()-]+){0,4}?)"
    # a slide's subtitle after a dash, in lower case: "Kiel – die Landeshauptstadt und ihre Partner"
    r"(?P<subtitle>\s+[–—-]\s+(?-i:[a-zäöüß])[\wäöüß ]{0,45})?"
    # where a forum post's list comes from: "Leipzig, nach der Liste auf leipzig.de:", "Dresden (Quelle: dresden.de):"
    r"(?P<source>,\s+(?:nach|laut|gemäß|lt\.)\s[^:,]{2,40}:|\s+\((?:Quelle|laut|nach|lt\.)\b[^()]{0,40}\)\s*:)?\s*:?\s*$",
    re.IGNORECASE,
)


_COUNCIL_SESSION = re.compile(
    r"^[ \t]*(?:Ortsgemeinderat|Gemeinderat|Stadtrat|Ortsrat|Ortschaftsrat|Marktgemeinderat|Gemeindevertretung"
    r"|Verbandsgemeinderat|Samtgemeinderat|Amtsausschuss)"
    r"(?:[ \t]+(?P<name>[A-ZÄÖÜ][\w.'’-]*(?:[ \t]+(?:[a-zäöü]{2,4}[ \t]+)?[A-ZÄÖÜ][\w.'’-]*){0,3}))?"
    r"[ \t]*[,–—-][ \t]*(?:öffentliche[ \t]+)?Sitzung\b", re.MULTILINE)


# A lexicon entry opens a paragraph with its town and what kind of place it is: "Soest, Krst. d. Kr.
# Soest", "Büdingen, Stadt im Wetteraukreis", "Sögel, Gem. im Ldkr. Emsland", "Erbach, Kreisstadt des".
_LEXICON_ENTRY = re.compile(
    r"(?:\A|\n[ \t]*\n|\n(?=[ \t]*[*•–-][ \t]))[ \t]*(?:[*•–-][ \t]+)?"  # also a wiki list's "* Neustadt in Holstein, Stadt im ..."
    r"(?P<name>[A-ZÄÖÜ][\wäöüß'’./-]*(?:[ -](?:\(\w[\wäöü. ]*\)|[A-ZÄÖÜ][\wäöüß'’.-]*|a\.|am|an|in|im|ob|bei|der|vor|nad|na)){0,4}),"
    r"[ \t]+(?:Große[ \t]+|kreisfreie[ \t]+)?(?:[A-ZÄÖÜ][a-zäöüß]*(?:stadt|gemeinde)|St\.|Stadt|Gem\.|Krst\.|Markt|Marktgem\.|Samtgem\.|"
    r"Verbandsgem\.|Ortsgem\.|Gemeinde|Ortsteil|OT)(?=[ \t,])")


_LETTERHEAD = re.compile(
    r"^[ \t]*(?:Landeshauptstadt|Hansestadt|Universitätsstadt|Große[ \t]+Kreisstadt|Kreisstadt|Stadt|Gemeinde|Markt)[ \t]+"
    r"(?P<name>[A-ZÄÖÜ][\w'’.()-]*(?:[ \t][A-ZÄÖÜ(][\w'’.()-]*){0,3})[ \t]+[|·][ \t]", re.MULTILINE)


_TOWN_AND_PARTNERS = re.compile(
    r"[ \t]*(?:[A-ZÄÖÜ][\w.]*[ \t]+\d{1,2}[ \t]*[–—:-][ \t]*)?"
    r"(?P<name>[A-ZÄÖÜ][\w'’.-]*(?:[ \t](?:an|am|im|in|der|[A-ZÄÖÜ(][\w'’.()-]*)){0,3})[ \t]*:[ \t]+"
    r"(?P<partners>[A-ZÄÖÜ][^:.!?]*)[ \t]*$")


_WIKI_HEADING = re.compile(r"\s*(={2,4})\s*([^=\n]+?)\s*\1\s*$")


def _pair_lines_below(lines: list[_Line], i: int) -> int:
    """How many lines of two towns follow line ``i`` before the next prose or heading."""
    count = 0
    for line in lines[i + 1 :]:
        if line.kind in ("prose", "heading"):
            break
        count += line.kind == "item" and line.partner is not None
    return count


def _city_sections(text: str, lines: list[_Line], gazetteer: Gazetteer) -> list[tuple[int, int, Mention | None]]:
    """(start, end, town) of each town's section, when a document has two or more: a brochure of a
    Landkreis with a section per Gemeinde, each with its own partners.

    A section heading is in capitals or names the kind of municipality, so that a slide's list of
    partner cities, one per line, is not taken for sections. A press digest's datelines ("HOF – ...")
    and a gazette's council reports ("Gemeinderat Moisburg, Sitzung vom ...") open sections too, when
    they name two or more towns.
    """
    heads = []
    bare_ends = []  # a bare town heading's section ends at the next heading: "Mindelheim" ... "Nachbarn"
    listing = False  # a bare town heading over its bulleted partners: a section even if it is the only one
    # A county's heading among towns' titled headings (a survey's "Stadt Prenzlau", …, "Landkreis Uckermark"), not
    # a list's partner county under its region ("Landkreis Nordhausen (Thüringen)" in a county's list of partners).
    county_heads: list[tuple[int, Mention]] = []
    titled_towns = 0
    for i, line in enumerate(lines):
        if line.kind not in ("heading", "item") or len(line.text.split()) > 9 or " | " in line.text:  # not a table's row
            continue
        # a town's heading in two languages, "Cottbus/Chóśebuz", by its first name
        match = _MUNICIPAL_HEADING.match(re.sub(r"^(\s*[A-ZÄÖÜ][\wäöüß-]+)/[^\W\d_][\w-]+\s*$", r"\1", line.text))
        if match and not match.group("subtitle") and len(line.text.split()) > 6:
            continue
        # a German county's title is a prefix too: "Landkreis Uckermark" over its answers in a survey, not in a
        # letterhead under its town ("STADT PUCHHEIM" / "Landkreis Fürstenfeldbruck")
        titled = match is not None and (match.group("prefix") or (re.match(r"(?:Land)?[Kk]reis\s", match.group("name"))
                                                                   and i > 0 and lines[i - 1].kind == "blank"))
        bare = match is not None and not (titled or match.group("lead") or match.group("source") or line.text.strip().isupper())
        directory_entry = bare and _named_again_below(lines, i, match.group("name"))
        partners_below = bare and not directory_entry and _partners_listed_below(lines, i, match.group("name"), gazetteer)
        if not match or (bare and not (directory_entry or partners_below or _introduced_below(lines, i))):
            continue
        name = match.group("name")
        place = gazetteer.link(name) or _town_on_its_river(name, gazetteer)
        start = line.start + match.start("name")
        county = line.city if line.city is not None and line.city.start == start and _county_key(name) else None
        if place is None and county is not None:  # "Landkreis Uckermark" over its answers: a county GeoNames keeps no town for
            county_heads.append((line.start, Mention("CITY", name, start, start + len(name), county.name, None, county.country)))
            continue
        titled_towns += bool(match.group("prefix"))
        glossed = re.fullmatch(r"(.+?)\s*\(([^()]*)\)\s*", name) if place is None else None
        if glossed and not (country_code_for(glossed.group(2)) or gazetteer.is_region(glossed.group(2))):
            name = glossed.group(1)  # "STECKBRIEF TEMESWAR (TIMIŞOARA)", not a partner's "Akko (Israel)"
            place = gazetteer.link(name)
        if (place is None or place.population < 1000 or country_code_for(name) or _kind_of(name)
                or re.fullmatch(_MONTHS, name.strip().title())):  # a chronicle's "AUGUST" is no town
            continue
        heads.append((line.start, place.mention(name, start, start + len(name))))
        if bare and not directory_entry:  # a directory's entry runs on to the next town, a list to its end
            end = next((later.start for later in lines[i + 1 :] if later.kind in ("heading", "item")
                        and not (partners_below and _BULLET.match(later.text)) and not _NOTES_LABEL.fullmatch(later.text)), None)
            if end is not None:
                bare_ends.append((end, None))
            listing = listing or partners_below
    if titled_towns >= 2:
        heads = sorted(heads + county_heads, key=lambda head: head[0])
    # A press digest: "HOF – Beim Festival ..." / "KULMBACH – Bürgerreise ...", each item its town's.
    datelines = []
    for match in _datelines(text):
        name = _dateline_name(match.group(1))
        place = _dateline_place(name, gazetteer)
        if place is not None and place.population >= 1000 and not gazetteer.is_region(name):
            datelines.append((match.start(), place.mention(name, match.start(1), match.end(1))))
    heads = _with_heads_of_several_towns(heads, datelines)
    # A gazette's council reports: "Ortsgemeinderat Edesheim – Sitzung vom 21. März 2023", each
    # about its municipality; a report without a name ("Verbandsgemeinderat – Sitzung ...") is the
    # document's own (None).
    councils = []
    for match in _COUNCIL_SESSION.finditer(text):
        name = match.group("name")
        place = gazetteer.link(name) if name else None
        if name and place is None:
            continue
        councils.append((match.start(), place and place.mention(name, match.start("name"), match.end("name"))))
    heads = _with_heads_of_several_towns(heads, councils)
    # A press review's items between rules, each under its local paper: "Wiesbadener Kurier, 06.05."
    papers = []
    for previous, line in zip(lines, lines[1:]):
        paper = _ADJECTIVE_BEFORE.match(line.text.strip()) if previous.kind == "rule" else None
        if paper and paper.group(2).casefold() in _NEWSPAPER_WORDS:
            stem = re.sub(r"städt$", "stadt", paper.group(1))  # "Darmstädter Echo"
            place = gazetteer.link(stem) or gazetteer.link(paper.group(1) + "er")
            offset = line.start + len(line.text) - len(line.text.lstrip())
            if place is not None and not gazetteer.is_region(paper.group(1)):
                papers.append((line.start, place.mention(paper.group(1), offset, offset + len(paper.group(1)))))
    heads = _with_heads_of_several_towns(heads, papers)
    # A lexicon's or Städtebuch's entries: "Soest, Krst. d. Kr. Soest, ... – Partnerst.: Kortrijk (B, 1956)".
    entries = []
    for match in _LEXICON_ENTRY.finditer(text):
        name = match.group("name")
        # "Nové Město nad Metují (deutsch Neustadt an der Mettau)": the name without its gloss, if need be
        place = gazetteer.link(name) or gazetteer.link(re.sub(r"\s*\([^()]*\)$", "", name))
        if place is not None and not gazetteer.is_region(name):
            line_start = text.rfind("\n", 0, match.start("name")) + 1  # the section holds the entry's whole line
            entries.append((line_start, place.mention(name, match.start("name"), match.end("name"))))
    heads = _with_heads_of_several_towns(heads, entries)
    # A collection of letterheads and signatures: "Stadt Delmenhorst · Der Oberbürgermeister · Rathausplatz 1",
    # "Hansestadt Wismar | Der Bürgermeister", each followed by its town's partners.
    letterheads = []
    table_rows = {k for k, line in enumerate(lines) if line.text.count("|") >= 2}
    row_starts = {line.start for k, line in enumerate(lines) if k in table_rows and (k - 1 in table_rows or k + 1 in table_rows)}
    for match in _LETTERHEAD.finditer(text):
        place = gazetteer.link(match.group("name"))
        if place is not None and place.population >= 1000 and text.rfind("\n", 0, match.start() + 1) + 1 not in row_starts:
            letterheads.append((match.start(), place.mention(match.group("name"), match.start("name"), match.end("name"))))
    heads = _with_heads_of_several_towns(heads, letterheads)
    # An exhibition's or a report's stations, each a town and its partners: "Station 2 - Leipzig: Krakau,
    # Hannover, Addis Abeba" / "Dresden: Coventry und Breslau".
    stations = []
    for line in lines:
        station = _TOWN_AND_PARTNERS.match(line.text) if line.kind in ("heading", "item") else None
        place = station and gazetteer.link(station.group("name"))
        first_partner = station and gazetteer.link(re.split(r",|\s+(?:und|sowie)\s+", station.group("partners"))[0].strip())
        if place is not None and place.population >= 1000 and not gazetteer.is_region(station.group("name")) and (
                first_partner is not None and first_partner.population >= 1000):  # not a mail's "An: Stadt Erlangen"
            start = line.start + station.start("name")
            stations.append((line.start, place.mention(station.group("name"), start, start + len(station.group("name")))))
    heads = _with_heads_of_several_towns(heads, stations)
    # A wiki's section headings in its source text: "== Leipzig ==", "== Dresden / Breslau ==" (the first town).
    wiki_heads = []
    for line in lines:
        wiki = _WIKI_HEADING.match(line.text)
        name = wiki and re.split(r"\s*[/,]\s*|\s+und\s+", wiki.group(2))[0]
        place = name and gazetteer.link(name)
        if place and place.population >= 1000 and not gazetteer.is_region(name):
            start = line.start + wiki.start(2)
            wiki_heads.append((line.start, place.mention(name, start, start + len(name))))
    heads = _with_heads_of_several_towns(heads, wiki_heads)
    # A database export's records, each a town's fields over a table of its partners: "stadt: Magdeburg"
    # ... "stadt: Halle (Saale)". A photo's "City: Koszalin" or a partner's own "name = Lodève" has none.
    fields = []
    own_fields = list(_OWN_FIELD.finditer(text))
    for match, following in itertools.zip_longest(own_fields, own_fields[1:]):
        title = _TOWN_TITLE.match(match.group(2))  # "name: Landeshauptstadt Potsdam"
        name_start = match.start(2) + (title.end() if title else 0)
        place = gazetteer.link(text[name_start : match.end(2)])
        record_end = following.start() if following else len(text)
        if place is not None and not gazetteer.is_region(match.group(2)) and re.search(r"\n[ \t]*\|", text[match.end():record_end]):
            line_start = text.rfind("\n", 0, match.start()) + 1
            fields.append((line_start, place.mention(text[name_start : match.end(2)], name_start, match.end(2))))
    heads = _with_heads_of_several_towns(heads, fields)
    if len({m.geonames_id for _, m in heads if m is not None}) < 2 and not listing:
        return []
    starts = {start for start, _ in heads}
    heads += _section_ends(text, lines, heads, gazetteer) + [end for end in bare_ends if end[0] not in starts]
    heads.sort(key=lambda head: head[0])
    bounds = [start for start, _ in heads] + [len(text) + 1]
    return [(start, end, mention) for (start, mention), end in zip(heads, bounds[1:])]


# A slide's presenter notes under its text, still the slide's: "Notes:", "Sprechernotizen".
_NOTES_LABEL = re.compile(r"\s*(?:Notes|Speaker\s+notes|Notizen|Sprechernotizen|Moderatornotizen|Referentennotizen)\s*:?\s*", re.I)


_ON_ITS_RIVER = re.compile(r"([^\W\d_][\w-]+)\s+(?:am|an|an\s+der|ob\s+der)\s+[^\W\d_][\w-]+", re.I)


def _town_on_its_river(name: str, gazetteer: Gazetteer):
    """The town a name with its river means where GeoNames lacks the long form: "HATTERSHEIM AM MAIN"."""
    river = _ON_ITS_RIVER.fullmatch(name.strip())
    return gazetteer.link(river.group(1)) if river else None


def _partner_items_open(section_lines: list[_Line]) -> bool:
    """Whether a town's section opens with an item naming another town and a year: its list of partners. The item
    is bulleted, or dated as a partner is (a survey's answer "Barlinek (1996), Uster seit 1990" under "Stadt
    Prenzlau"), not a post's "12. Juli 2025 um 09:14"."""
    below = next((line for line in section_lines[1:] if line.kind != "blank"), None)
    return below is not None and below.kind == "item" and below.partner is None and (
        _first_year(below.tail) is not None) and (  # dated, unlike a disambiguation page's "- Neustadt (Husum), Stadtteil von Husum"
        _BULLET.match(below.text) is not None or _PARTNER_DATE.search(below.tail) is not None) and not _DAY_AND_MONTH.match(below.text)


# A partner's date on its line: "(1996)", "(Partnerschaft seit 1993)", "– seit 1971", "(Partnerschaftsvertrag 2002)".
_PARTNER_DATE = re.compile(r"\((?:[^()]*\s)?(?:1[89]|20)\d\d\)|seit\s+(?:1[89]|20)\d\d")


def _with_heads_of_several_towns(heads: list, more: list) -> list:
    """``heads`` with ``more`` (start, town) section heads of one kind merged in, if these name two or more
    towns: one dateline or letterhead is the document's own, not a collection's."""
    if len({m.geonames_id for _, m in more if m is not None}) < 2:
        return heads
    return sorted(heads + more, key=lambda head: head[0])


# The paragraph under a bare town heading that speaks of that town by its title:
# "Mindelheim" / "Die Kreisstadt ist seit 1961 mit ...", "Babenhausen" / "Der Fuggermarkt ist ...".
_TOWN_BY_TITLE = re.compile(r"\s*(?:Die|Der|Das)\s+(?:[\wäöüß]+-\s+und\s+)?[\wäöüß-]*(?:stadt|[Ss]tädtchen|markt|gemeinde|dorf)\s")


def _introduced_below(lines: list[_Line], i: int) -> bool:
    below = next((line for line in lines[i + 1 :] if line.kind != "blank"), None)
    return below is not None and below.kind == "prose" and bool(_TOWN_BY_TITLE.match(below.text))


def _partners_listed_below(lines: list[_Line], i: int, name: str, gazetteer: Gazetteer) -> bool:
    """A bare town heading over a bulleted list that opens with another town: an outline's or a mind
    map's "Neubrandenburg" / "- Flensburg: Partnerschaft seit 1987". A partner's own section under its
    name lists facts about it ("- Einwohner: 130.000"), not towns."""
    below = next((line for line in lines[i + 1 :] if line.kind != "blank"), None)
    bullet = below and _BULLET.match(below.text)
    if not bullet or below.text[:bullet.end()].strip()[-1:] in ").":  # a numbered list's "1." may be a chapter
        return False
    first = re.split(r"\s*(?:[(:;,]|\s[–—-]\s)", below.text[bullet.end():], maxsplit=1)[0].strip()
    # or names its kind before it: "Lübeck" / "• Städtefreundschaft mit Wismar, 1987"
    first = re.sub(r"^(?:\w+(?:partnerschaft|freundschaft|kooperation)|Partnerstadt|Partnergemeinde)\s+(?:mit|zu)\s+", "", first, flags=re.I)
    place = gazetteer.link(first) if first and first[0].isupper() else None
    home = gazetteer.link(name)
    return place is not None and (home is None or place.geonames_id != home.geonames_id)


def _named_again_below(lines: list[_Line], i: int, name: str) -> bool:
    """A bare town heading whose next line names the town again, as a directory's address does:
    "Bensheim" / "Partnerschaftsverein Bensheim e. V., c/o Rathaus, ... 64625 Bensheim". A slide's
    partner towns, one per line, do not repeat themselves, nor does a partner's paragraph of prose under
    its name make a directory, unless it names the town's kind before it."""
    below = next((line for line in lines[i + 1 :] if line.kind != "blank"), None)
    if below is not None and below.kind == "prose":
        # but a gazetteer's or a map's entry opens with its town again, its kind before it: "Anklam" /
        # "Hansestadt Anklam an der Peene, ... Städtepartnerschaft mit Lemgo seit 1990."
        return re.match(r"\s*(?:[A-ZÄÖÜ][\wäöüß-]*)?(?:[Ss]tadt|[Bb]ad|[Gg]emeinde)\s+" + re.escape(name.strip()) + r"\b", below.text) is not None
    return below is not None and re.search(r"\b" + re.escape(name.strip()) + r"\b", below.text) is not None


_NUMBERED_TOWN = re.compile(r"^\s*\d{1,2}\.\s+(?:(?:Die|Der)\s+)?(?:(?:kreisfreie|Große)\s+)?(?:Kreisstadt|Stadt|Gemeinde|Hansestadt)\s+"
                            r"(?P<name>[A-ZÄÖÜ][\wäöüß'’.-]*(?:[ -][A-ZÄÖÜ(][\wäöüß'’.()-]*){0,3})\s*$")


def _section_ends(text: str, lines: list[_Line], heads: list, gazetteer: Gazetteer) -> list[tuple[int, Mention | None]]:
    """Where the towns' sections end: a rule or a numbered heading after a section's text closes it
    ("4. Die Stadt Osnabrück" after the towns of the Landkreis opens the city's own section, a rule the
    document's)."""
    ends = []
    heads = sorted(heads, key=lambda head: head[0])
    for line in lines:
        if line.start <= heads[0][0] or any(line.start == start for start, _ in heads):
            continue
        start, town = [head for head in heads if head[0] < line.start][-1]
        if not re.search(r"[^\W\d_]", text[town.end_char if town else start : line.start]):
            continue  # a rule right under its heading
        if line.kind == "rule":
            ends.append((line.start, None))
        elif line.kind == "heading" and _SECTION_NUMBER.match(line.text):
            town = _NUMBERED_TOWN.match(line.text)
            place = gazetteer.link(town.group("name")) if town else None
            mention = place.mention(town.group("name"), line.start + town.start("name"), line.start + town.end("name")) if place else None
            ends.append((line.start, mention))
    return ends


def home_city(document: Document, entities: list[Mention], gazetteer: Gazetteer | None = None) -> Mention | None:
    """The city a document is about ("Stadt Leipzig", "Dortmunds Partnerstädte"), or None.

    Scored from the title and first lines ("Stadt Leipzig", "Landeshauptstadt
    Kiel"), headings that pair a city with partnership words ("Dortmunder
    Städtepartnerschaften"), datelines ("Regensburg. Seit 2009 ..."), sentences
    whose subject it is ("Jena unterhält Partnerschaften ..."), and frequency.
    A press article about several pairs has no home city. With a gazetteer,
    heading words the NER left out count too ("Dortmunder Städtepartnerschaften").
    """
    county = _county_of_title(document.text)
    if county is not None:
        return county
    return _decided_home(*_home_scores(*_normalised(document, entities), gazetteer))


def _decided_home(score: Counter, own: Counter, first: dict[int, Mention]) -> Mention | None:
    if not score:
        return None
    (best, best_score), *rest = score.most_common(2) + [(None, 0.0)]
    # The one city whose document it visibly is wins if it is also among the most named: a speech
    # "des Oberbürgermeisters der Stadt Wetzlar" on 60 years with Avignon names Avignon more often,
    # a local report datelined "Schwäbisch Hall." names its guests from Zamość as often.
    (owner, owner_points), *others = own.most_common(2) + [(None, 0.0)]
    if owner is not None and owner_points >= 2 and others[0][1] == 0 and score[owner] >= 0.6 * best_score:
        return first[owner]
    if best_score >= 3.5 and best_score >= 1.5 * rest[0][1]:
        return first[best]
    return None


def _home_scores(document: Document, entities: list[Mention], gazetteer: Gazetteer | None):
    """Points per city (GeoNames id) for being the document's own: all signals, and those of ownership
    alone (letterhead, signature, dateline); with each city's first mention."""
    text = document.text
    mentions = [m for m in entities if m.label == "CITY" and m.geonames_id is not None]
    score: Counter[int] = Counter()
    # Points that say whose document it is (letterhead, signature, dateline), not just who is named
    # a lot: a speech on an anniversary names the partner more often than its own city.
    own: Counter[int] = Counter()
    first: dict[int, Mention] = {}
    head_end = _offset_after_lines(text, 5)
    foot_start = len(text.rstrip()) - len("\n".join(text.rstrip().rsplit("\n", 3)[-3:]))  # a page footer
    # The title is the first line, after a slide or page marker ("Folie 1", "Seite 1") if any.
    title_end = _offset_after_lines(text, 2 if re.match(r"\s*(?:Folie|Seite|Slide|Page)\s*\d+\s*\n", text) else 1)
    title_elsewhere = bool(document.title) and document.title.strip() not in text[:title_end]
    # a record's own title among its first fields: "title: Kommunale Außenbeziehungen von Görlitz"
    title_field = _TITLE_FIELD.search(text, 0, head_end)

    def in_title_field(m: Mention) -> bool:
        return title_field is not None and title_field.start() <= m.start_char < title_field.end()

    fields = list(_OWN_FIELD.finditer(text))
    own_field = fields[0] if fields and len({field.group("key").casefold() for field in fields}) == len(fields) else None
    # Words, heading-ness and whether the line continues the one above, per line start: long lines once.
    line_shape: dict[int, tuple[int, bool, bool]] = {}
    for m in mentions:
        first.setdefault(m.geonames_id, m)
        score[m.geonames_id] += 0.5
        line_start, line_end = _line_bounds(text, m.start_char)
        if line_start not in line_shape:
            n_words = len(text[line_start:line_end].split())
            short = n_words <= 12
            line_shape[line_start] = (n_words, short and _heading_like(text[line_start:line_end])
                                      and not _wrapped_prose(text, line_start, line_end),
                                      short and _continues_previous(text, line_start, line_end))
        n_words, heading, continued = line_shape[line_start]
        before = text[max(line_start, m.start_char - 40) : m.start_char].split()
        # a footer names its town once ("Der Oberbürgermeister der Stadt Bühl"); a last record's title does not
        # ("Anfrage Stadt Cork" / "Cork hat nach einer Partnerschaft gefragt.")
        in_foot = m.start_char >= foot_start and m.text not in text[line_end:]
        if (m.start_char < head_end or in_foot) and not continued and before and (
                (n_words <= 8 and (before[-1].casefold() in _CITY_HEADS or _OWNER_BEFORE.search(before[-1])))
                or (m.start_char < title_end and before[-1].casefold() in _CITY_HEADS
                    and len(_title_segment(text, line_start, m).split()) <= 4)  # "Landeshauptstadt Schwerin - Jahresabschluss 2023 - ..."
                or (m.start_char < title_end and before[-1].casefold() in _CITY_HEADS
                    and text.startswith(":", m.end_char))  # "Workshop Gemeinde Neuhausen auf den Fildern: Brauchen wir ...?"
                or (n_words <= 14 and m.start_char < head_end and _MAYOR_OF.search(text[line_start : m.start_char]))):
            # "Stadt Leipzig", "Festschrift der Stadt Speyer", "Partnerschaftskomitee Landau in der Pfalz",
            # "Stadtarchiv Schwäbisch Gmünd", "Interview mit dem Oberbürgermeister der Kreisstadt Saarlouis"
            score[m.geonames_id] += 3
            own[m.geonames_id] += 3
        if title_elsewhere and re.search(r"\b" + re.escape(m.text) + r"\b", document.title):
            score[m.geonames_id] += 1  # an HTML <title>; a plain text's title is its first line, scored below
        if m.start_char < title_end and (n_words <= 4 or (n_words <= 20 and len(_title_segment(text, line_start, m).split()) <= 4)) and not (
                _GUESTS_FROM.search(text, line_start, m.start_char)):  # not the guests' "Empfang Delegation Gdańsk"
            # a title that is the city's name: "Bautzen – Budyšin", "Paderborn", "Stadt Mannheim · Fachbereich ..."
            score[m.geonames_id] += 3
            if re.sub(r"^(?:Diskussion|Talk):", "", text[line_start:line_end].strip()) == m.text:
                own[m.geonames_id] += 3  # the town's own page, or the talk page of its article: "Diskussion:Halle (Saale)"
        if re.search(r"(?:\bStadtA|[¹²³⁴⁵⁶⁷⁸⁹⁰]\s*(?:Vgl\.\s*)?Stadtarchiv)\s+$", text[max(0, m.start_char - 24) : m.start_char]):
            score[m.geonames_id] += 1  # a local history's sources, cited in its notes: "¹²⁷ StadtA Kempten, Stadtratsprotokolle"
        if re.search(r"(?:©|\(c\)|Copyright)\s*(?:(?:19|20)\d\d\s*)?(?:(?:Stadt|Gemeinde|Landeshauptstadt|Hansestadt)\s+)?$",
                     text[line_start : m.start_char]):
            score[m.geonames_id] += 3  # the site's owner: "© 2024 Garmisch-Partenkirchen Tourismus"
            own[m.geonames_id] += 3
        if (_PLACE_AND_DATE.match(text, m.end_char) or _VENUE_AND_DATE.match(text, m.end_char)) and not (
                text[line_start : m.start_char].strip()):
            # where a report or letter was signed, or a festival held: "Mannheim, im März 2024",
            # "Kaiserslautern · Schillerplatz · 6. und 7. Juli 2024"
            score[m.geonames_id] += 2
            own[m.geonames_id] += 2
        if heading and _kind_of(text[line_start : m.start_char], _HEADING_STEMS) is None and _kind_of(
            text[line_start:line_end], _HEADING_STEMS
        ) and not _NEGATION.search(text, m.end_char, line_end):
            # "Dortmunds Partnerstädte:", not the partners in "Partnerstädte: Jawor, Worms" nor a namesake's
            # "Gotha (Florida, USA) – keine Partnerstadt"
            score[m.geonames_id] += 3
        elif (heading or m.start_char < title_end or in_title_field(m)) and not text[line_start:line_end].rstrip().endswith("?") and re.search(
            r"(?:partner|freundschaft|außenbeziehung)\w*\s+(?:der|von)\s+(?:(?:Landeshauptstadt|Hansestadt|Stadt|Gemeinde)\s+)?$",
            text[line_start : m.start_char], re.IGNORECASE
        ):  # not a quiz's "Welche Stadt ist KEINE Partnerstadt von Rostock?"
            # "Die Ostpartnerschaften der Stadt Cottbus": the heading's genitive, or the title's, though it has a
            # year ("Partnerstädte der Hansestadt Rostock (Wikidata, abgerufen 2024-03-02)")
            score[m.geonames_id] += 3
            own[m.geonames_id] += 3
        elif m.start_char < _OPENING and (partners_of := _PARTNERS_OF_TITLED_TOWN.search(
                text, max(line_start, m.start_char - 80), m.start_char)) and (partners_of.group("plural") or not re.match(
                r"\s*(?:\([^()]*\)\s*)?(?:mit|und|zu|:)", text[m.end_char : m.end_char + 30])):
            # the opening's "Die Seite Partnerstädte der Hanse- und Universitätsstadt Rostock ist veraltet", a first
            # record's remark "Erste Partnerschaft der Landeshauptstadt Hannover"; not a pair's "Partnerschaft der
            # Stadt X mit Y" nor "Städtepartnerschaft der Stadt Halle (Saale): Oulu"
            score[m.geonames_id] += 3
            own[m.geonames_id] += 3
        if m.start_char < title_end and not text[line_start : m.start_char].strip() and _HOST_VERB.match(text, m.end_char):
            score[m.geonames_id] += 3  # a report's title "Cuxhaven empfängt Gäste aus Vannes": the host's
            own[m.geonames_id] += 3
        dateline = re.match(r"(\s?/\s?[\w()\s-]+?)?\.\s", text[m.end_char : m.end_char + 40])
        if dateline and m.start_char - line_start <= 40 and not text[line_start : m.start_char].strip() and not continued:
            score[m.geonames_id] += 2  # dateline "Regensburg. Seit 2009 ..."
            if not dateline.group(1):
                own[m.geonames_id] += 2  # but "Marburg/Gießen." opens a regional report
        if m.start_char < _OPENING and own_field is not None and own_field.start(2) == m.start_char:
            score[m.geonames_id] += 3  # a data export's one "name: Heidelberg" (or "stadt:") at its top: whose data
            own[m.geonames_id] += 3
        if m.start_char < _OPENING and _AND_ITS_PARTNERS.match(text, m.end_char):
            # the opening paragraph's "Tourismusförderung Görlitz' und seiner Partnerstädte", not a
            # bibliography's title "Koszalin und seine Partnerstädte in Skandinavien" among others
            score[m.geonames_id] += 3
        if m.start_char < _OPENING and _opens_sentence_on_its_partners(text, m, line_start, line_end, mentions):
            score[m.geonames_id] += 3  # "Die Hansestadt Lüneburg fördert Begegnungen ... mit ihren Partnerstädten."
        if re.search(r"\bPartner(?:städte|gemeinden|schaften)\s+(?:hat|pflegt|unterhält)\s+(?:die\s+Stadt\s+)?$",
                     text[max(0, m.start_char - 60) : m.start_char]):
            score[m.geonames_id] += 2  # "wie viele Partnerstädte hat Magdeburg eigentlich?"
        if _HOME_AS_LATE_SUBJECT.search(text[max(line_start, m.start_char - 100) : m.start_char]) and _kind_of(
                text[m.end_char : m.end_char + 120]):
            score[m.geonames_id] += 2  # "Mit Nanjing und Frankfurt am Main verbindet Leipzig ..."
        sentence_start = max(line_start, text.rfind(". ", line_start, m.start_char) + 2)
        if _LABEL_SUBJECT.match(text, sentence_start, m.start_char) and _LABEL_COLON.match(text, m.end_char) and (
                _kind_of(text[m.end_char : m.end_char + 80])):
            score[m.geonames_id] += 2  # a post's own town: "Für Ludwigsburg: Entwicklungspartnerschaft mit Kongoussi"
        after = text[m.end_char : m.end_char + 30].split()
        if after and after[0].strip(",") in _HOME_VERBS and _kind_of(text[m.end_char : m.end_char + 120]) and not (
                re.search(r"\bund\s+$", text[line_start : m.start_char])) and not (
                _NOT_HOME_AFTER.match(text, m.end_char)):
            # "Jena unterhält Partnerschaften ...", not "Angermünde und Chojna haben ...", nor a partner's
            # own partners ("Troyes ist seinerseits mit Chesterfield verschwistert") nor a town that has
            # none ("Palo Alto ist keine Partnerstadt Heidelbergs")
            score[m.geonames_id] += 2
    _score_hub_of_pairs(text, mentions, score)
    if gazetteer is not None:
        _score_school_titles(entities, head_end, gazetteer, score, own, first)
        _score_greeting_of_residents(text, mentions, head_end, gazetteer, score, own, first)
        _score_heading_words(text, mentions, gazetteer, score, first)
        _score_partner_genitives(text, gazetteer, score, first)
        _score_press_signals(text, gazetteer, score, own, first)
        _score_web_address(text, head_end, gazetteer, score, own, first)
        _score_city_of_district(text, mentions, score, own)
        _berlin_points_to_its_district(gazetteer, score, own)
    return score, own, first


# Partner towns "of" a town named with its title, which only its own papers use: "Partnerstädte der
# Hanse- und Universitätsstadt Rostock", "Städtepartnerschaften der Landeshauptstadt Kiel".
_PARTNERS_OF_TITLED_TOWN = re.compile(
    r"\b(?:(?P<plural>Partnerst(?:ä|ae)dte|(?:St(?:ä|ae)dte)?[Pp]artnerschaften|Partnergemeinden)|(?:St(?:ä|ae)dte)?[Pp]artnerschaft)\s+der\s+"
    r"(?:" + _TITLED_STADT + r"|Stadt|Gemeinde)\s+$")


_GUESTS_FROM = re.compile(r"\b(?:Delegation|Gäste|Gästen|Besuch|Besucher\w*)\s+(?:aus\s+)?\Z")


_TITLE_FIELD = re.compile(r"^(?:title|titel|display_name|headline):[ \t]*\S.*$", re.M | re.I)


_NOT_HOME_AFTER = re.compile(r"\s+\w+\s+(?:\w+\s+)?(?:seinerseits|ihrerseits|selbst|keine|nicht)\b", re.IGNORECASE)


# A town that is the subject after its partners, in a sentence that fronts them: "Mit Nanjing und
# Frankfurt am Main verbindet Leipzig vor allem die wirtschaftliche Zusammenarbeit".
_HOME_AS_LATE_SUBJECT = re.compile(r"(?:^|[.:]\s+)Mit\s[^.:]{2,80}\sverbindet\s+$")


def _score_hub_of_pairs(text: str, mentions: list[Mention], score: Counter) -> None:
    """+1.5 for each partner beyond the first of the one town that every pair joined by a dash shares
    ("Städtepartnerschaft Bielefeld–Nahariya", "Freundeskreis Bielefeld–Concarneau"): the document's
    own town. A survey's pairs (Dresden–Coventry, Chemnitz–Düsseldorf) share none, and a cited title
    ("² Vgl. ... 30 Jahre Partnerschaft Düsseldorf–Warschau") is the source's, not the text's."""
    pairs = []
    for left, right in zip(mentions, mentions[1:]):
        line_start = text.rfind("\n", 0, left.start_char) + 1
        if left.geonames_id != right.geonames_id and text[left.end_char : right.start_char] in ("–", "-", "—") and not (
                _FOOTNOTE_MARK.match(text, line_start) or re.search(r"\bVgl\.", text[line_start : left.start_char])):
            pairs.append(frozenset({left.geonames_id, right.geonames_id}))
    pairs = list(dict.fromkeys(pairs))
    shared = set.intersection(*map(set, pairs)) if len(pairs) >= 2 else set()
    if len(shared) == 1:
        score[shared.pop()] += 1.5 * (len(pairs) - 1)


def _opens_sentence_on_its_partners(text: str, mention: Mention, line_start: int, line_end: int, mentions: list[Mention]) -> bool:
    """Whether a town opens a sentence that goes on to "its partner towns" with no other town between:
    the possessive points back to it, whatever the verb ("Die Hansestadt Lüneburg fördert Begegnungen
    von Jugendgruppen mit ihren Partnerstädten")."""
    stop = text.rfind(". ", line_start, mention.start_char)
    sentence_start = line_start if stop == -1 else stop + 2
    if not _OPENING_SUBJECT.match(text, sentence_start, mention.start_char):
        return False
    stop = text.find(". ", mention.end_char, line_end)
    possessive = _POSSESSIVE_PARTNERS.search(text, mention.end_char, line_end if stop == -1 else stop)
    return possessive is not None and not any(mention.end_char <= other.start_char < possessive.start() for other in mentions)


def _berlin_points_to_its_district(gazetteer: Gazetteer, score: Counter, own: Counter) -> None:
    """A Berlin Bezirk's page names Berlin too ("Der Bezirk Neukölln von Berlin"): the city's points
    go to the district scored highest, whose pairs are written as Berlin's in the end, so that the
    two do not split one document's points between them."""
    if _BERLIN_ID not in score:
        return
    districts = [gid for gid in score if _in_berlin(gid, gazetteer)]
    if districts:
        district = max(districts, key=score.__getitem__)
        score[district] += score.pop(_BERLIN_ID)
        own[district] += own.pop(_BERLIN_ID, 0)


# The verb of a town that hosts its guests: "Cuxhaven empfängt Gäste aus Vannes".
_HOST_VERB = re.compile(r"\s+(?:empfängt|empfing|begrüßt|begrüßte|begrüßen|empfangen|lädt|lud)\s")
# A web or database host in the first lines: "rathaus.rostock.de", "www.stadt-kiel.de", "db-intern.rostock.local".
# also an intranet's "chat.rostock-verwaltung.intern"
_OWN_HOST = re.compile(r"\b(?:[a-z0-9-]+\.)*(?:stadt-)?(?P<town>[a-z][a-z-]{2,}?)(?:-(?:verwaltung|rathaus|stadt))?\.(?:de|local|info|intern|internal|lan)\b")


# A district named in a document's opening: "Stadtteilpartnerschaften des Stadtbezirks Bad Godesberg".
_DISTRICT_IN_OPENING = re.compile(r"\b(?:Stadtbezirk|Stadtteil|Ortsteil|Ortschaft|Bezirksverwaltungsstelle)(?:e?s|partnerschaft)?\s+"
                                  r"(?P<name>[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)?)")


def _score_city_of_district(text, mentions, score, own) -> None:
    """+3 (own) for the city a district's document names as "Stadt Bonn", the district in its title and
    opening: the district is no city of GeoNames's, its partnerships are the city's (district
    partnerships), and the city is named less often than the partners ("Arbeitskreis Partnerschaften
    Bad Godesberg ... Stadt Bonn, Amt für Internationales")."""
    district = _DISTRICT_IN_OPENING.search(text, 0, _OPENING)
    title = text[: _offset_after_lines(text, 5)]  # a title, or an export's title field under its counts
    if district is None or not re.search(r"\b" + re.escape(district.group("name")) + r"\b", title):
        return  # the district the document is about is in its title, not a partner's "Stadtteil Kadıköy"
    # "Stadt Bonn", or the city's adjective before its districts: "einer der Stuttgarter Stadtbezirke"
    cities = Counter(m.geonames_id for m in mentions if re.search(r"\b(?:Stadt|Bundesstadt|Landeshauptstadt)\s+$",
                                                                   text[max(0, m.start_char - 20) : m.start_char])
                     or (m.text.endswith("er") and re.match(r"\s+Stadt(?:bezirk|teil)", text[m.end_char : m.end_char + 14])))
    if len(cities) == 1:
        (city, _), = cities.items()
        score[city] += 3
        own[city] += 3


def _score_web_address(text, head_end, gazetteer, score, own, first) -> None:
    """+2 (own) for the town whose web or database host a data export names in its first lines:
    "Export für Relaunch rathaus.rostock.de", a dump's "Host: db-intern.rostock.local"."""
    for host in _OWN_HOST.finditer(text, 0, head_end):
        town = host.group("town").replace("-", " ").title().replace(" ", "-")  # "luebeck": the gazetteer folds umlauts
        place = None if gazetteer.is_region(town) else gazetteer.link(town)
        if place is None or place.country_code != "DE":
            continue
        first.setdefault(place.geonames_id, place.mention(host.group("town"), host.start("town"), host.end("town")))
        score[place.geonames_id] += 2
        own[place.geonames_id] += 2
        return


def _score_school_titles(entities, head_end, gazetteer, score, own, first) -> None:
    """+2 (own) for the town of a school named in the first lines, which the NER left inside the name:
    "Schülerzeitung des Otto-von-Guericke-Gymnasiums Magdeburg"."""
    for org in entities:
        school = _SCHOOL_NAME.search(org.text) if org.label == "ORG" and org.start_char < head_end else None
        if school is None:
            continue
        town = school.group("town")
        place = gazetteer.link(town)
        if place is None or place.population < 1000 or gazetteer.is_region(town):
            continue
        first.setdefault(place.geonames_id, place.mention(town, org.end_char - len(town), org.end_char))
        score[place.geonames_id] += 2
        own[place.geonames_id] += 2


def _score_greeting_of_residents(text, mentions, head_end, gazetteer, score, own, first) -> None:
    """+3 (own) for the town whose residents a speech greets first: "Liebe Potsdamerinnen und Potsdamer,"."""
    greeting = _GREETING_OF_RESIDENTS.search(text, 0, head_end)
    if greeting is None or greeting.group("town") + "er" in _PEOPLE_NOT_RESIDENTS:
        return  # "Liebe Leserinnen und Leser"
    town = greeting.group("town")
    # the town the text names in full ("Annaberg-Buchholz" for "Liebe Annabergerinnen und Annaberger"), or its namesake
    named = next((m for m in mentions if re.match(re.escape(town) + r"\b", m.text)), None)
    if named is None:
        place = None if gazetteer.is_region(town) else gazetteer.link(town)
        if place is None:
            return
        named = place.mention(town, greeting.start("town"), greeting.end("town"))
    first.setdefault(named.geonames_id, named)
    score[named.geonames_id] += 3
    own[named.geonames_id] += 3


_GREETING_OF_RESIDENTS = re.compile(r"^\s*(?:Liebe|Sehr\s+geehrte)\s+(?P<town>[A-ZÄÖÜ][\wäöüß-]+?)erinnen\s+und\s+(?P=town)er\b", re.M)
_PEOPLE_NOT_RESIDENTS = {"Leser", "Bürger", "Mitbürger", "Zuhörer", "Zuschauer", "Besucher", "Teilnehmer", "Wähler",
                         "Schüler", "Lehrer", "Partner", "Bewohner", "Einwohner", "Mitglieder", "Förderer", "Unterstützer"}
# A school named with its town, "Otto-von-Guericke-Gymnasiums Magdeburg": its paper is about its town (a
# university's town is not what a student's term paper is about).
_SCHOOL_NAME = re.compile(r"(?:[Gg]ymnasium|[Ss]chule|[Kk]olleg)s?\s+(?P<town>[A-ZÄÖÜ][\wäöüß-]+)$")


# Words of a title or footer that name the owner just before its city: "Partnerschaftskomitee Landau",
# "Stadtchronik Schwäbisch Gmünd", "Quelle: Stadtarchiv Schwäbisch Gmünd", "Amtsblatt Ettlingen".
_OWNER_BEFORE = re.compile(
    r"(?:chronik|archiv|amtsblatt|mitteilungsblatt|gemeindeblatt|stadtanzeiger|komitee|verein|freundeskreis|"
    r"verwaltung|rathaus|bürgermeisteramt|stadtrat|gemeinderat|büro)$", re.IGNORECASE)  # "Partnerschaftsbüro Saarlouis"
_OPENING = 800  # characters
# A record's field that names its town, the whole value: "name: Heidelberg", "stadt: Kiel" (once per key).
_TOWN_TITLE = re.compile(r"(?:Große\s+Kreisstadt|(?:Landeshaupt|Hanse|Kreis|Universitäts)?[Ss]tadt|(?:Orts|Verbands|Samt)?[Gg]emeinde|Markt)\s+(?=[A-ZÄÖÜ])")
_OWN_FIELD = re.compile(r"^[ \t]*(?P<key>name|stadt|city|kommune|gemeinde|ort|town|municipality)[ \t]*[:=][ \t]*"
                        r"([A-ZÄÖÜ][^\n:|]{1,40}?)[ \t]*$", re.M | re.I)
_AND_ITS_PARTNERS = re.compile(
    r"['’]?\s+und\s+(?:seine|ihre)[nrs]?\s+(?:Partner|Schwester)(?:st[aä]dte?n?|gemeinden?)\b")
_MAYOR_OF = re.compile(r"\b(?:Ober)?[Bb]ürgermeister(?:s|in|ins)?\s+(?:der|von)\s+(?:[A-ZÄÖÜ]\w+\s+){0,2}$")
# "Partnerstadt Schwäbisch Halls", "erste Städtepartnerschaft Landaus": the genitive names whose partner it is.
_PARTNER_GENITIVE = re.compile(
    r"\b(?:Partnerst[aä]dte?|Partnergemeinden?|(?:Städte)?[Pp]artnerschaft(?:en)?)\s+"
    r"([A-ZÄÖÜ][\w-]+(?:[ ][A-ZÄÖÜ][\w-]+)?)s\b")


def _score_partner_genitives(text, gazetteer, score, first) -> None:
    """+1 for a city in the genitive after a partnership word, which the NER does not link."""
    for match in _PARTNER_GENITIVE.finditer(text):
        place = gazetteer.link(match.group(1))
        if place is None or place.population < 2_000 or gazetteer.is_region(match.group(1)):
            continue
        score[place.geonames_id] += 1
        first.setdefault(place.geonames_id, place.mention(match.group(1), match.start(1), match.end(1)))


# The county's name ends the line, a separator or a column gap ("Kreis Steinfurt      Sitzungsvorlage").
_COUNTY_TITLE = re.compile(
    r"^\s*(?:Landkreis|Kreis|Kreisverwaltung|Landratsamt|(?P<union>Samtgemeinde|Verbandsgemeinde)(?:verwaltung)?)\s+"
    r"([A-ZÄÖÜ][\w-]*(?:[ ][A-ZÄÖÜ][\w-]*)?)(?:\s{2,}|\s*(?:$|[–|·,]))",
    re.IGNORECASE)


# A county named by its one-word name in -kreis heading its own document: "ENZKREIS – EUROPA VOR ORT",
# "Rhein-Sieg-Kreis · Der Landrat".
_COUNTY_OWN_TITLE = re.compile(r"^\s*([A-ZÄÖÜ][\w-]*(?:kreis|KREIS|-Kreis))(?:\s{2,}|\s*(?:$|[–|·,]))")


# A county's or a union's publication named in one of the first lines: "Kreisausschuss des Landkreises
# Hersfeld-Rotenburg", "Amtsblatt der Verbandsgemeinde Bodenheim", "Amtsblatt für das Amt Usedom-Süd",
# "Mitteilungsblatt der Samtgemeinde Sittensen und ihrer Mitgliedsgemeinden".
_PUBLISHER_TITLE = re.compile(
    r"^\s*(?:[A-ZÄÖÜ][\w-]*\s+){1,3}?(?:des|der|für\s+das|für\s+den)\s+"
    r"(?P<word>Landkreises|Kreises|Samtgemeinde|Verbandsgemeinde|Amtes|Amt)\s+"
    r"(?P<name>[A-ZÄÖÜ][\w-]*(?:[ ](?:(?:am|an[ ]der|im|in[ ]der)[ ])?[A-ZÄÖÜ][\w-]*)?)"
    r"(?=\s{2,}|\s*$|\s*[–|·,]|\s+(?:und|mit)\b)", re.M)
# A heading over the county's own partnerships: "Partnerschaften des Landkreises Hersfeld-Rotenburg".
_COUNTY_PARTNERS_HEADING = re.compile(
    r"^\s*(?:Die\s+)?(?:Kreis|Europa)?[Pp]artnerschaften\s+des\s+(?P<word>Landkreises|Landkreis|Kreises)\s+"
    r"(?P<name>[A-ZÄÖÜ][\w-]*(?:[ ][A-ZÄÖÜ][\w-]*)?)[ \t]*$", re.M)
_PUBLISHER_WORDS = {"Landkreises": "Landkreis", "Kreises": "Kreis", "Amtes": "Amt"}


def _county_of_title(text: str) -> Mention | None:
    """A county's or a union of municipalities' own document: "Landkreis Märkisch-Oderland",
    "KREISVERWALTUNG GERMERSHEIM", "Landratsamt Rems-Murr-Kreis", "SAMTGEMEINDE FÜRSTENAU" as its first line (a
    county office also as its second or third), or a publication of one in the first three lines ("Amtsblatt der
    Verbandsgemeinde Bodenheim")."""
    first = text.lstrip()[:200].split("\n", 1)[0]
    match = _COUNTY_TITLE.match(first)
    if not match:  # the county's office signs under a first line of its own ("playbook: ...", a file name)
        match = next((office for line in text.lstrip()[:400].split("\n")[1:3]
                      if (office := _COUNTY_TITLE.match(line)) and re.match(r"\s*(?:Landratsamt|Kreisverwaltung)\b", line)), None)
    own = _COUNTY_OWN_TITLE.match(first)
    if own and own.group(1)[: -len("kreis")].rstrip("-").casefold() not in _NOT_COUNTIES:
        written = own.group(1)  # "ENZKREIS – EUROPA VOR ORT", "MAIN-TAUNUS-KREIS": the county's name alone
        name = "-".join(part.capitalize() for part in written.split("-")) if written.isupper() else written
        start = text.find(written)
        return Mention("LOC", name, start, start + len(written), normalized=name, country_code="DE")
    if not match:
        publisher = _PUBLISHER_TITLE.search(text, 0, _offset_after_lines(text, 3)) or _COUNTY_PARTNERS_HEADING.search(
            text, 0, _offset_after_lines(text, 12))
        if publisher is None:
            return None
        word = _PUBLISHER_WORDS.get(publisher.group("word"), publisher.group("word"))
        name = f"{word} {publisher.group('name')}"
        return Mention("LOC", name, publisher.start("name"), publisher.end("name"), normalized=name, country_code="DE")
    written = match.group(2)
    name = " ".join("-".join(part.capitalize() for part in word.split("-")) for word in written.split()
                    ) if written.isupper() else written
    if match.group("union"):  # "SAMTGEMEINDE FÜRSTENAU", "Verbandsgemeindeverwaltung Kirner Land"
        name = f"{match.group('union').capitalize()} {name}"
    elif not name.casefold().endswith("kreis"):  # "Landratsamt Rems-Murr-Kreis" names the county in full
        name = f"Landkreis {name}"
    start = text.find(written)
    return Mention("LOC", name, start, start + len(written), normalized=name, country_code="DE")


# A place and date of signing: "Mannheim, im März 2024", "Passau, den 26.02.2024", "Kiel, 3. Mai 2023".
_VENUE_AND_DATE = re.compile(
    r"[ \t]+·[ \t]+[^·\n]{3,40}[ \t]+·[ \t]+(?:\d{1,2}\.[ \t]*(?:(?:und|bis|–|-)[ \t]*\d{1,2}\.[ \t]*)?)?"
    r"(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)[ \t]+(?:1[89]|20)\d\d[ \t]*$",
    re.M,
)
_PLACE_AND_DATE = re.compile(
    r",?\s+(?:(?:im|den|am)\s+)?(?:\d{1,2}\.\s*(?:\d{1,2}\.\s*)?)?(?:Januar|Februar|März|April|Mai|Juni|Juli|August|"
    r"September|Oktober|November|Dezember|\s*)\s*(?:1[89]|20)\d\d\s*$",
    re.M,
)


def _title_segment(text: str, line_start: int, mention: Mention) -> str:
    """The part of a title line that holds the mention, between separators: "Stadt Mannheim" of
    "Stadt Mannheim · Fachbereich Internationales", or of a letterhead "Stadt Passau      Ratsinformationssystem"."""
    line_end = _line_bounds(text, mention.start_char)[1]
    separators = re.compile(r"\s*(?:[·|–—]|(?<=\s)-(?=\s)|\s{3,}|\t)\s*")  # also a hyphen as a dash: "Stadt X - Anhang"
    left = [m.end() for m in separators.finditer(text, line_start, mention.start_char)]
    right = separators.search(text, mention.end_char, line_end)
    return text[left[-1] if left else line_start : right.start() if right else line_end]


# A local paper's dateline in capitals: "SOLINGEN. Wenn ...", "REUTLINGEN/ROANNE. Mit ...", also after a
# catalogue's lot number: "1201 WÜRZBURG. Silbermedaille 1977 ...".
_DATELINE = re.compile(r"^(?:\d{2,5}[ \t]+)?((?:HANN\.\s|ST\.\s)?[A-ZÄÖÜ]{3,}(?:[ -][A-ZÄÖÜ]{2,}|[ ][A-ZÄÖÜ](?:\.[A-ZÄÖÜ])+\.)*)(?:\s*\([A-Za-zÄÖÜäöü. ]+\))?(?:\s*/\s*[A-ZÄÖÜ][A-ZÄÖÜ /()-]*)?\s*[.:–-]\s", re.M)


def _datelines(text: str) -> list[re.Match]:
    """The capitals datelines of a text, without a transcript's speaker ("ALBI: Hallo! ...", again and
    again): a press digest names each town once or twice; nor a programme's numbered item ("VII. Felix ...")."""
    matches = [m for m in _DATELINE.finditer(text) if not ROMAN_NUMERAL.fullmatch(m.group(1))]
    speakers = Counter(m.group(1) for m in matches if m.group().rstrip().endswith(":"))
    return [m for m in matches if speakers[m.group(1)] < 3]


# A letterhead in capitals, which the NER does not tag: "STADT NECKARSULM", "GEMEINDE HUDE".
def _dateline_place(name: str, gazetteer: Gazetteer) -> Place | None:
    """The town a word in capitals names; a short one only by the town's own name: "ULM" is Ulm, but
    "SPD:" and "CDU:" in an election questionnaire are parties, not Saidpur (airport code SPD)."""
    place = gazetteer.link(name)
    if place is not None and len(name) <= 4 and normalize_name(place.name) != normalize_name(name):
        return None
    return place


def _dateline_name(capitals: str) -> str:
    """A dateline's town as GeoNames writes it: "WUNSIEDEL" → "Wunsiedel", "RIBNITZ-DAMGARTEN" → "Ribnitz-Damgarten"."""
    if "-" in capitals:
        return "-".join(part.capitalize() for part in capitals.replace(" ", "-").split("-"))
    return capitals.title()


_CAPITALS_LETTERHEAD = re.compile(
    r"^[ \t]*(STADT|GEMEINDE|MARKT|MARKTGEMEINDE|HANSESTADT|KREISSTADT|GROSSE KREISSTADT|LANDESHAUPTSTADT)[ \t]+"
    r"([A-ZÄÖÜ][A-ZÄÖÜ]+(?:[ -][A-ZÄÖÜ]{2,})*)[ \t]*$", re.M)
# A city's "-er" adjective before a partnership word or naming a local paper:
# "der ältesten Reutlinger Städtepartnerschaft", "Solinger Tageblatt".
_ADJECTIVE_BEFORE = re.compile(r"\b([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)er[ \t]+([A-ZÄÖÜ][\w-]+)")
_NEWSPAPER_WORDS = frozenset(
    "tageblatt tagblatt zeitung anzeiger general-anzeiger generalanzeiger wochenblatt nachrichten rundschau "
    "morgenpost abendblatt kurier stadtanzeiger stadtkurier allgemeine volksblatt volksstimme echo bote "
    "stadtspiegel amtsblatt".split()
)


def _score_press_signals(text, gazetteer, score, own, first) -> None:
    """+3 for the city of a capitals dateline, +2 for a city whose adjective names the local paper
    ("Solinger Tageblatt") or a partnership ("Reutlinger Städtepartnerschaft").

    Local press writes its own city this way, and the NER tags neither form. The dateline and
    the paper say whose document it is (``own``); the adjective only that the city has partners.
    """
    def add(surface: str, start: int, points: float, owner: bool = True) -> None:
        place = _dateline_place(surface, gazetteer)
        if place is None or place.population < 10_000 or gazetteer.is_region(surface):
            return
        score[place.geonames_id] += points
        if owner:
            own[place.geonames_id] += points
        first.setdefault(place.geonames_id, place.mention(surface, start, start + len(surface)))

    for match in _datelines(text):
        add(_dateline_name(match.group(1)), match.start(1), 3)
    title_end = _offset_after_lines(text, 2)
    head_end = _offset_after_lines(text, 5)
    for match in _CAPITALS_LETTERHEAD.finditer(text, 0, head_end):
        # "STADT NECKARSULM" on a title slide; "MARKT INDERSDORF" is GeoNames' "Markt Indersdorf"
        name = match.group(2).title()
        if gazetteer.link(name) is None and match.group(1) == "MARKT":
            name = f"Markt {name}"
        add(name, match.start(2), 3)
    for match in _ADJECTIVE_BEFORE.finditer(text):
        noun = match.group(2).casefold()
        if noun in _NEWSPAPER_WORDS and match.start() < title_end:
            add(match.group(1), match.start(1), 2)
        elif _kind_of(noun, _HEADING_STEMS) and not _kind_of(match.group(1)):
            add(match.group(1), match.start(1), 2, owner=False)


def _wrapped_prose(text: str, line_start: int, line_end: int) -> bool:
    """A line of a hard-wrapped paragraph: it runs on into the next line or the previous one runs
    on into it ("... zwischen der Stadt Passau und der" / "Statutarstadt České Budějovice").

    Such lines are short enough to pass for headings, and must not.
    """
    following = _line_after(text, line_end)
    long_line = _long_line(text, line_start)
    return (_runs_on(text[line_start:line_end], following, long_line)
            or _continues_previous(text, line_start, line_end, long_line))


def _line_after(text: str, line_end: int) -> str:
    """The line below the one ending at ``line_end``, without copying the rest of the document."""
    end = text.find("\n", line_end + 1)
    return text[line_end + 1 : end if end != -1 else len(text)]


def _full_prose_line(text: str, line: str, line_end: int) -> bool:
    """A full line of a sentence that a paragraph continues below, though it ends in a noun and the next
    line opens with a name ("Besonders hervorzuheben ist das Sommercamp der Partnerstädte" / "Zittau, ...")."""
    words = line.split()
    following = _line_after(text, line_end)
    return (len(words) >= 8 and sum(w[:1].islower() for w in words) >= 3 and len(line) >= _FULL_LINE
            and len(following.strip()) >= _FULL_LINE // 2 and not line.endswith(":") and not _BULLET.match(following))


def _continues_previous(text: str, line_start: int, line_end: int, long_line: int | None = None) -> bool:
    """The line is the rest of a sentence begun on the line above ("... einstimmig beschloss," /
    "mit der Stadt Chartres eine Partnerschaft einzugehen,"); a title running on below is not.
    ``long_line``: the paragraph's full line length, if the caller has it (``_long_line``)."""
    previous = text[: max(line_start - 1, 0)].rsplit("\n", 1)[-1] if line_start else ""
    if long_line is None:
        long_line = _long_line(text, line_start) if len(previous.strip()) < _FULL_LINE else _FULL_LINE
    return _runs_on(previous, text[line_start:line_end], long_line)


# A line this long is a column's full width on a page; a gazette's or newspaper's narrow columns
# ("seit 2005 mit der polnischen Gmina" / "Kobierzyce südlich von Breslau") are full at 30 characters.
_FULL_LINE = 45
_NARROW_COLUMN_LINES = 4  # a paragraph of so many lines, none wider than _FULL_LINE, is set in a narrow column
_PARAGRAPH_SCAN = 12  # lines looked at above and below


def _long_line(text: str, line_start: int) -> int:
    """How long a line must be to fill its column: 45 characters, or less in a narrow column
    (two thirds of the widest line of a paragraph of at least four lines)."""
    widths = []
    end = line_start - 1  # the paragraph's lines above, nearest first
    while end > 0 and len(widths) < _PARAGRAPH_SCAN:
        begin = text.rfind("\n", 0, end) + 1
        if not text[begin:end].strip():
            break
        widths.append(len(text[begin:end].strip()))
        end = begin - 1
    begin = line_start  # this line and those below
    for _ in range(_PARAGRAPH_SCAN + 1):
        end = text.find("\n", begin)
        end = len(text) if end == -1 else end
        if not text[begin:end].strip() and begin != line_start:
            break
        widths.append(len(text[begin:end].strip()))
        if end == len(text):
            break
        begin = end + 1
    if len(widths) < _NARROW_COLUMN_LINES or max(widths) >= _FULL_LINE:
        return _FULL_LINE
    return max(20, (2 * max(widths)) // 3)


# A small word that opens a sentence the next line finishes: "... mit dem Wohnmobil hin. Über" / "Helsinki."
_SENTENCE_OPENER_AT_END = re.compile(
    r"(?<=[.!?] )(?:Über|Nach|In|Im|Mit|Von|Bei|Aus|Zu|Für|Ab|Die|Der|Das|Den|Dem|Ein|Eine|Und|Aber|Auch)$")


def _runs_on(line: str, following: str, long_line: int = _FULL_LINE) -> bool:
    """A line that fills its column and ends mid-sentence: in a small word, a comma or a hyphen,
    or before a lowercase or bracketed continuation."""
    if len(line.strip()) < long_line or not following.strip():
        return False
    return bool(re.search(r"(?:\b[a-zäöüß]+|,|\w[-–])$", line.rstrip()) or _SENTENCE_OPENER_AT_END.search(line.rstrip())
                or (re.match(r"\s*[a-zäöüß(]", following) and not _LETTERED_PAIR.match(following)
                    and not _FIELD_LINE.match(following))
                or line.count("(") > line.count(")"))  # "... Brandywine Falls (Cuyahoga" / "Valley National Park)"


# A data export's "key: value" line ("slug: rathaus/partnerstaedte"), which continues no sentence above it.
_FIELD_LINE = re.compile(r"\s*[a-z][\w.-]*:[ \t]")


def _heading_like(line: str) -> bool:
    """A short line without a year or a tab: a heading, not a row of a table ("Venlo  Niederlande  1964")
    nor a footnote ("⁹ Mündliche Auskunft des Stadtarchivs Duisburg; eine Partnerschaft kam nicht zustande.")."""
    return len(line.split()) <= 12 and "\t" not in line and not _YEAR.search(line) and not _FOOTNOTE_MARK.match(line)


_FOOTNOTE_MARK = re.compile(r"\s*[¹²³⁴⁵⁶⁷⁸⁹⁰]")


def _score_heading_words(text, mentions, gazetteer, score, first) -> None:
    """+3 for a city named by an untagged word of a partnership heading: "Dortmunder Städtepartnerschaften"."""
    spans = [(m.start_char, m.end_char) for m in mentions]
    offset = 0
    for line in text.split("\n"):
        # not a row between bars: "| Partnerstadt | enum | Weliki Nowgorod |"
        if len(line.split()) <= 8 and _heading_like(line) and _kind_of(line, _HEADING_STEMS) and not line.startswith("|"):
            for word in re.finditer(r"[A-ZÄÖÜ][\wäöüß]+", line):
                position = offset + word.start()
                if any(a <= position < b for a, b in spans) or _kind_of(word.group()) or len(word.group()) < 4 or (
                        normalize_name(word.group()) in NOT_PLACE_WORDS):
                    continue  # a word of a tagged name ("Hall" of "Schwäbisch Hall"), or a field's "Name:"
                place = gazetteer.link(word.group())
                if place is None or place.population < 10_000:
                    continue
                score[place.geonames_id] += 3
                first.setdefault(place.geonames_id, place.mention(word.group(), offset + word.start(), offset + word.end()))
        offset += len(line) + 1


# --- evaluation --------------------------------------------------------------------


def gold_records(gold_dir: Path, split: str) -> list[dict]:
    """The gold records of one split ("dev"), of several ("dev,test") or of "all"."""
    gold_file = Path(gold_dir) / "partnerships.jsonl"
    if not gold_file.is_file():
        raise ConfigError(f"no gold file at {gold_file}: see corpus/gold/README.md")
    records = [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = set(split.split(","))
    records = [r for r in records if "all" in wanted or r["split"] in wanted]
    if not records:
        raise ConfigError(f"no gold documents in split {split!r} of {gold_file}")
    return records


def gold_document(gold_dir: Path, record: dict) -> Document:
    """A gold record's document, read as a run reads it (hyphenation mended, title taken), so that
    scores are the product's."""
    from pipeline.extract import extract_document

    try:
        return replace(extract_document(_gold_text_path(Path(gold_dir), record["doc"])), doc_id=record["doc"])
    except ExtractionError as error:
        raise ConfigError(f"gold document {record['doc']}: {error}") from error


def evaluate_partnerships(
    gold_dir: Path, nlp, gazetteer: Gazetteer, *, split: str = "test", scorer: PairScorer | None = None,
) -> dict:
    """Score ``find_partnerships`` (after ``ner.find_entities``) against the gold of one split.

    Pairs are unordered; a side matches by GeoNames id, or by its folded name
    when an id is missing or GeoNames has duplicates ("Komárno" twice).
    Precision, recall and F1 are micro-averaged over documents; year accuracy
    is over the correctly found pairs whose gold has a year, kind accuracy over
    all correctly found pairs. Without a ``scorer`` the rules are scored alone.
    A gold document the product cannot read (an RTF file) finds nothing, as in a
    run, and is listed under ``unreadable``.
    """
    from pipeline.ner import find_entities

    records = gold_records(gold_dir, split)
    tp = fp = fn = 0
    years_right = years_total = kinds_right = 0
    documents, unreadable = [], []
    for record in records:
        try:
            document = gold_document(gold_dir, record)
        except ConfigError as error:
            if not isinstance(error.__cause__, ExtractionError):
                raise  # a gold file missing is a broken gold set, not a finding
            # A document the product cannot read finds nothing, as it would in a run: its pairs count as missed.
            unreadable.append(f"{record['doc']}: {error.__cause__}")
            predicted = []
        else:
            predicted = find_partnerships(document, find_entities(document.text, nlp, gazetteer), gazetteer, scorer)
        unmatched = list(predicted)
        missed, wrong = [], []
        for gold in record["partnerships"]:
            match = next((p for p in unmatched if same_pair(p, gold)), None)
            if match is None:
                missed.append(gold)
                continue
            unmatched.remove(match)
            tp += 1
            kinds_right += match.kind == gold["kind"]
            if match.kind != gold["kind"]:
                wrong.append(f"{gold['city_a']} – {gold['city_b']}: kind {match.kind} (gold {gold['kind']})")
            if gold.get("since_year") is not None:
                years_total += 1
                years_right += match.since_year == gold["since_year"]
            if match.since_year != gold.get("since_year"):
                wrong.append(f"{gold['city_a']} – {gold['city_b']}: year {match.since_year} (gold {gold.get('since_year')})")
        fn += len(missed)
        fp += len(unmatched)
        documents.append({
            "doc": record["doc"],
            "gold": len(record["partnerships"]),
            "predicted": len(predicted),
            "missed": [f"{g['city_a']} – {g['city_b']}" for g in missed],
            "spurious": [f"{p.city_a} – {p.city_b}" for p in unmatched],
            "wrong": wrong,
        })
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "split": split,
        "documents": len(records),
        "gold_pairs": tp + fn,
        "predicted_pairs": tp + fp,
        "true_positives": tp,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "year_accuracy": years_right / years_total if years_total else None,
        "years_scored": years_total,
        "kind_accuracy": kinds_right / tp if tp else None,
        "unreadable": unreadable,
        "per_document": documents,
    }


def format_partnership_report(result: dict) -> str:
    """A plain-text report of ``evaluate_partnerships``: the figures, then each document's errors."""
    def pct(value):
        return "n/a" if value is None else f"{value:.3f}"

    lines = [
        f"partnerships, split {result['split']}: {result['documents']} documents, "
        f"{result['gold_pairs']} gold pairs, {result['predicted_pairs']} predicted",
        f"  pair precision {pct(result['precision'])}  recall {pct(result['recall'])}  F1 {pct(result['f1'])}",
        f"  year accuracy  {pct(result['year_accuracy'])} (of {result['years_scored']} found pairs with a gold year)",
        f"  kind accuracy  {pct(result['kind_accuracy'])}",
    ]
    lines += [f"  unreadable (scored as finding nothing): {reason}" for reason in result.get("unreadable", [])]
    for doc in result["per_document"]:
        if doc["missed"] or doc["spurious"] or doc["wrong"]:
            lines.append(f"  {doc['doc']}:")
            lines += [f"    missed   {pair}" for pair in doc["missed"]]
            lines += [f"    spurious {pair}" for pair in doc["spurious"]]
            lines += [f"    wrong    {detail}" for detail in doc["wrong"]]
    return "\n".join(lines)


def _gold_text_path(gold_dir: Path, name: str) -> Path:
    for folder in (gold_dir / "docs", gold_dir.parent / "reference"):
        if (folder / name).is_file():
            return folder / name
    raise ConfigError(f"gold document {name} is neither in {gold_dir / 'docs'} nor in {gold_dir.parent / 'reference'}")


def _fold(name: str | None) -> str:
    text = unicodedata.normalize("NFKD", (name or "").casefold())
    return "".join(ch for ch in text if ch.isalnum())


def same_place(gid, name, gold_id, gold_name) -> bool:
    """Whether a found place is a gold one: same GeoNames id, same county, or same folded name."""
    if gid is not None and gold_id is not None and gid == gold_id:
        return True
    county = _county_key(name or "")
    if county is not None and _county_key(gold_name or "") is not None:
        return county == _county_key(gold_name)  # "Kreis Myślibórz" for "Powiat Myśliborski"
    return bool(name) and _fold(_MUNICIPALITY_WORD.sub("", name)) == _fold(_MUNICIPALITY_WORD.sub("", gold_name or ""))


# "Gmina Kobylnica" is the municipality of Kobylnica: gold writers write it either way.
_MUNICIPALITY_WORD = re.compile(r"^(?:Gmina|Gemeinde|Landgemeinde|Stadtgemeinde|Stadt|Comune|Commune|Obec)\s+")


def same_pair(p: Partnership, gold: dict) -> bool:
    """Whether a found partnership is a gold pair (unordered; a side by GeoNames id or folded name)."""
    a = (p.city_a_geonames_id, p.city_a)
    b = (p.city_b_geonames_id, p.city_b)
    ga = (gold.get("city_a_geonames_id"), gold["city_a"])
    gb = (gold.get("city_b_geonames_id"), gold["city_b"])
    return (same_place(*a, *ga) and same_place(*b, *gb)) or (same_place(*a, *gb) and same_place(*b, *ga))


# --- cities ------------------------------------------------------------------------


@dataclass(frozen=True)
class _City:
    name: str
    geonames_id: int | None
    country: str | None
    start: int
    end: int
    genitive: bool = False
    district: bool = False  # "Köln-Lindenthal", "der Bezirk Nippes": a part of a city
    named_district: bool = False  # "der Bezirk Nippes": the name is the district's, not the city's


def _usable_cities(text: str, entities: list[Mention], gazetteer: Gazetteer) -> list[_City]:
    """CITY mentions that name a city, not an inhabitant adjective ("Görlitzer Oberbürgermeister").

    A surface that is not itself one of the city's names is an inflected form:
    "-er" makes an adjective ("Leipziger Rathaus": the city is no party), "-s"
    a genitive ("Partnerstädte Leipzigs": the city is the subject). "Tiflis"
    and "Hannover" are names themselves.
    """
    cities = []
    for m in entities:
        if m.label == "LOC" and m.geonames_id is None:
            small = _small_town(text, m, gazetteer)
            if small is not None:
                cities.append(small)
            continue
        if m.label != "CITY" or m.geonames_id is None:
            continue
        surface = " ".join(m.text.split())
        own_name = any(p.geonames_id == m.geonames_id for p in gazetteer.candidates(surface))
        if (not own_name or _adjective_of_a_bigger_city(surface, gazetteer)) and surface.endswith(("er", "ern", "erin")):
            continue
        if re.match(r"(?:-[A-ZÄÖÜ][\w]*)*-[A-ZÄÖÜ][a-zäöüß]*(?:ie|ien|ung|ungen|heit|keit|ismus|ität|krise|werk|werke|"
                    r"schule|gymnasium|institut|stiftung|gesellschaft|verein|straße|platz|preis)\b",
                    text[m.end_char : m.end_char + 60], re.IGNORECASE):
            continue  # the first part of a compound noun: "Corona-Pandemie", "Adam-Mickiewicz-Universität"; not "Köln-Nippes"
        genitive = not own_name and surface.endswith(("s", "'", "’"))
        named_district = _named_district(text, m.start_char)
        district = named_district or bool(_DISTRICT_SUFFIX.match(text, m.end_char))
        cities.append(_City(m.normalized or surface, m.geonames_id, m.country_code, m.start_char, m.end_char,
                            genitive, district, named_district))
    counties = _counties(text)
    cities = [c for c in cities if not any(k.start <= c.start and c.end <= k.end for k in counties)] + counties
    starts = {c.start for c in cities}
    # "Bonn-Oxford-Gesellschaft" joins two cities, it names no district of Bonn.
    cities = [replace(c, district=False) if c.district and not c.named_district and c.end + 1 in starts else c
              for c in cities]
    return sorted(cities, key=lambda c: c.start)


# Counties and their peers abroad, which GeoNames' city list does not hold: "Landkreis Göttingen",
# "Kreis Lippe", "Rhein-Hunsrück-Kreis", "Powiat Gorzowski", "Departement Bas-Rhin".
_COUNTY_WORDS = {"Landkreis": "DE", "Kreis": "DE", "Powiat": "PL", "Okres": "CZ", "Departement": "FR",
                 "Département": "FR", "County": None, "Rajon": None, "Komitat": "HU",
                 # Unions of municipalities, partners in their own right ("Samtgemeinde Tostedt – Kępice"):
                 # kept whole, for the union is not its seat town of the same name.
                 "Samtgemeinde": "DE", "Verbandsgemeinde": "DE", "LK": "DE"}  # "LK Spree-Neiße" in a table
_MUNICIPAL_UNIONS = ("Samtgemeinde", "Verbandsgemeinde", "Amt")  # an Amt only by its title: "Amt" is a common noun
_COUNTY_WORD = "(?:" + "|".join(_COUNTY_WORDS) + ")"
_COUNTY = re.compile(
    r"\b(?:(?P<word>" + _COUNTY_WORD + r")(?:es)?[ \t]+"
    r"(?P<name>[A-ZÄÖÜŁŚŻ][\w'’-]+(?:[ ][A-ZÄÖÜŁŚŻ][\w'’-]+){0,2})"  # one space: a wider gap is a table's column
    r"|(?P<compound>[A-ZÄÖÜ][\w]*(?:-[A-ZÄÖÜ][\w]*)*-Kreis)(?:es)?\b"
    r"|(?P<closed>[A-ZÄÖÜ][a-zäöüß]{3,}kreis)(?:es)?\b"
    r"|(?P<powiat>Powiat[ \t]+[a-ząćęłńóśźż]+(?:ski|cki|zki))\b"  # Polish style: "Powiat zgorzelecki"
    r"|(?P<kraj>[A-ZČŘŠŽÚ][a-záčďéěíňóřšťúůýž]+(?:ský|cký|ý)[ \t]+kraj)\b)"  # a Czech region: "Liberecký kraj"
)
# Closed compounds in -kreis that name no county: "Freundeskreis", "Arbeitskreis", "Partnerkreis".
_NOT_COUNTIES = frozenset(
    "land freundes arbeits partner partnerschafts kirchen nachbar groß grenzland wahl bekannten stadt kultur "
    "gesprächs teilnehmer helfer förder familien leser interessen personen sprach kunden polar wende regel "
    "stamm lebens heimat kollegen kern zuhörer adressaten empfänger mitglieder träger unterstützer "
    "freundinnen besucher kontakt".split())
_COUNTY_NAME = re.compile(r"^(" + _COUNTY_WORD + r"|Amt)\s+(.+)$|^(.+)-Kreis$|^([A-ZÄÖÜ][a-zäöüß]{3,})kreis$")


def _county_key(name: str) -> str | None:
    """ "Kreis Myślibórz" and "Powiat Myśliborski" are one county: the stem of the name is its key.
    A union of municipalities is keyed apart ("Verbandsgemeinde Alzey-Land" is not "Landkreis Alzey-Worms")."""
    county = _COUNTY_NAME.match(name)
    if not county:
        return None
    kind = "union:" if county.group(1) in _MUNICIPAL_UNIONS else "county:"
    return kind + _fold(county.group(2) or county.group(3) or county.group(4))[:5]


def _counties(text: str) -> list[_City]:
    """Counties named in the text, kept by name (GeoNames ids are for towns)."""
    found = []
    for match in _COUNTY.finditer(text):
        if match.group("powiat") or match.group("kraj"):
            name, country = match.group("powiat") or match.group("kraj"), "PL" if match.group("powiat") else "CZ"
            end = match.end()
        elif match.group("compound") or match.group("closed"):
            name, country = match.group("compound") or match.group("closed"), "DE"
            if name[: -len("kreis")].casefold() in _NOT_COUNTIES:
                continue
            end = match.start() + len(name)
        else:
            word = match.group("word")
            words = match.group("name").split()
            while words and (_kind_of(words[-1]) or words[-1].casefold() in _GENERIC_NOUNS):
                words.pop()  # "Kreis Lippe Partnerschaften": the name ends before the noun
            if not words:
                continue
            name, country = f"{word} {' '.join(words)}", _COUNTY_WORDS[word]
            # the span as written ("des Landkreises Hersfeld-Rotenburg"), so that the towns in it are covered
            end = match.start("name") + len(" ".join(words))
        if re.search(r"\b(?:im|in|aus\s+dem|vom)\s+$", text[max(0, match.start() - 12) : match.start()]):
            continue  # "Denzlingen im Landkreis Emmendingen": where a town lies
        found.append(_City(name, None, country, match.start(), end))
    return found


_GENERIC_NOUNS = frozenset("stadt gemeinde landrat kreistag verwaltung woiwodschaft region auswahl".split())


def _adjective_of_a_bigger_city(surface: str, gazetteer: Gazetteer) -> bool:
    """ "Bonner" (Unternehmen) is Bonn's adjective, not the Australian locality Bonner."""
    if not surface.endswith("er"):
        return False
    own = gazetteer.link(surface)
    for base_name in (surface[:-2], surface[:-2] + "en"):  # "Bonner" ← Bonn, "Erlanger" ← Erlangen
        base = gazetteer.link(base_name)
        if base is not None and base_name.casefold() == base.name.casefold() and (
            own is None or base.population > own.population
        ):
            return True
    return False


# "Köln-Lindenthal": a city name joined to a district's; "der Bezirk Nippes", "Stadtteil Gohlis".
_DISTRICT_SUFFIX = re.compile(r"-[A-ZÄÖÜ][a-zäöüß]")
_DISTRICT_WORD = r"\b(?:Stadtbezirk|Bezirk|Stadtteil|Ortsteil|Ortschaft|Ortsbezirk)"
_DISTRICT_NAMED = re.compile(_DISTRICT_WORD + r"\s+[A-ZÄÖÜ][a-zäöüß]")
_DISTRICT_BEFORE = re.compile(_DISTRICT_WORD + r"(?:e|en|s|es)?[ \t]+(?:\w+[ \t]+und[ \t]+)?$")
# The quarters a numbered district is made of: "Stadtbezirk 4 (Oberkassel, Heerdt, Lörick, Niederkassel)".
_DISTRICT_LIST_BEFORE = re.compile(_DISTRICT_WORD + r"(?:\s+\d+)?\s*\([^()\n]*$")


def _named_district(text: str, start: int) -> bool:
    """The name at ``start`` is a district's: "der Bezirk Nippes", "Stadtbezirk 7 (Gerresheim, Grafenberg)"."""
    return bool(_DISTRICT_BEFORE.search(text, max(0, start - 40), start)
                or _DISTRICT_LIST_BEFORE.search(text, max(0, start - 160), start))


# What stands before a district word when the district may be another city's: "dem Londoner", ", ein".
_FOREIGN_DISTRICT = re.compile(r"(?:\b(?:dem|der|den|des|einem|einen|eines)\s+(?P<city>[A-ZÄÖÜ][a-zäöüß]+)er\s+|,\s*(?:ein|einem|eines)\s+)$")


def _foreign_district(before: str, home: str) -> bool:
    """Whether the district word after ``before`` names a district of a town other than ``home``: "mit dem
    Londoner Stadtbezirk Havering", "Bunkyō, ein Stadtbezirk Tokios"; not "Der Erlanger Ortsteil Eltersdorf"."""
    match = _FOREIGN_DISTRICT.search(before)
    return match is not None and not (match.group("city") and _fold(home).startswith(_fold(match.group("city"))))
# German city names take no article: "im Osten", "die Mauer" are not towns.
_ARTICLE_BEFORE = re.compile(
    r"\b(?:der|die|das|den|dem|des|im|am|vom|zum|zur|ins|beim|ein|eine|einem|einer|eines)\s+$", re.IGNORECASE
)


def _small_town(text: str, mention: Mention, gazetteer: Gazetteer) -> _City | None:
    """A LOC the NER could not link because the town is small (Gräfenberg, 4,105 inhabitants).

    The NER links model LOCs to cities of 5,000 inhabitants or more, because
    below that too many nouns are also some village's name. Partners are often
    small towns, though, and the partnership rules only look at sentences with
    partnership words and at list items: there, a LOC that is a town's own name
    (1,000 inhabitants or more) and has no article before it is taken as that town.
    """
    surface = " ".join(mention.text.split())
    if len(surface) < 4 or not surface[:1].isupper() or gazetteer.is_region(surface) or country_code_for(surface):
        return None
    if _adjective_of_a_bigger_city(surface, gazetteer):
        return None
    if _ARTICLE_BEFORE.search(text, max(0, mention.start_char - 12), mention.start_char):
        return None
    candidates = gazetteer.candidates(surface)
    if not candidates or _fold(candidates[0].name) != _fold(surface) or candidates[0].population < 1000:
        return None
    place = gazetteer.link(surface)
    if place is None or place.geonames_id != candidates[0].geonames_id:
        return None
    named_district = _named_district(text, mention.start_char)
    return _City(place.name, place.geonames_id, place.country_code, mention.start_char, mention.end_char,
                 district=named_district, named_district=named_district)


def _link_line_start(line: str, offset: int, next_line: str | None, gazetteer: Gazetteer) -> _City | None:
    """Link the leading name of a list line when NER found none: "Addis" + "Abeba", "Naumburg"."""
    body = _BULLET.sub("", line).lstrip()
    lead = len(line) - len(body)
    match = re.match(r"(?:['’]s-)?[A-ZÄÖÜ][\w´'’]*(?:[ -][A-ZÄÖÜa-zäöü][\w´'’]*){0,3}", body)  # also "'s-Hertogenbosch"
    if not match or re.match(r"[A-ZÄÖÜ]+:", body) or (
            body[match.end() : match.end() + 1] == ":" and normalize_name(match.group()) in NOT_PLACE_WORDS):
        return None  # a speaker or a label: a chat's "ALBI: Hallo!", "HINWEIS:", a field's "Name: Partnerstädte-Tram"
    words = match.group().split(" ")
    tries = []
    if len(words) == 1 and next_line and re.fullmatch(r"[A-ZÄÖÜ][\w'’´-]+", next_line.strip()):
        tries.append((match.group() + " " + next_line.strip(), len(line) + 1 + len(next_line)))
    for n in range(len(words), 0, -1):
        surface = " ".join(words[:n])
        if not surface[-1:].isalpha() or not re.sub(r"^['’]s-", "", surface.split()[-1])[:1].isupper():
            continue
        tries.append((surface, lead + len(surface)))
    for surface, end in tries:
        if len(surface) < 4 or gazetteer.is_region(surface) or country_code_for(surface) or (
                body.strip() == surface and normalize_name(surface) in NOT_PLACE_WORDS):
            continue  # a heading "Schulen" or "Kirchen" over a list of clubs' partners; "Derby – England" is a town
        place = gazetteer.link(surface)
        if place is None:
            continue
        # Its own name, letter for letter, or a known exonym of a sizeable city:
        # a heading "Kultur" is not the Turkish village Kültür.
        own_name = place.name.casefold() == surface.casefold() and place.population >= 1000
        if own_name or (place.population >= 15_000 and surface not in GIVEN_NAMES):  # a signature "Jonas" is no Jona
            return _City(place.name, place.geonames_id, place.country_code, offset + lead, offset + end)
    return None


# --- lines, headings and list items ----------------------------------------------------


@dataclass
class _Line:
    text: str
    start: int
    kind: str  # blank, rule, heading, item, attribute, bullet, prose, reference
    city: _City | None = None
    tail: str = ""
    partner: _City | None = None  # "Strausberg – Dębno (Neudamm), seit 1996": a pair on one line


def _lines(text: str, cities: list[_City], gazetteer: Gazetteer) -> list[_Line]:
    """Classify every line: blank, heading, list item (a city and its details), attribute, bullet, prose."""
    raw = []
    offset = 0
    for piece in text.split("\n"):
        raw.append((piece, offset))
        offset += len(piece) + 1
    starts = {c.start: c for c in cities}
    result: list[_Line] = []
    consumed_until = -1
    for i, (line, start) in enumerate(raw):
        if start < consumed_until:
            result.append(_Line(line, start, "attribute"))  # the rest of a name: "Addis" / "Abeba"
            continue
        stripped = line.strip()
        if _RULE_LINE.fullmatch(stripped):
            result.append(_Line(line, start, "rule"))  # "______": between a page's cards, or above its footnotes
            continue
        if not stripped or _PAGE_MARKER.fullmatch(stripped) or _DECORATION.fullmatch(stripped):
            # "Folie 4" separates slides like an empty line; "[Bild: ...]" and "> Mehr erfahren" a web page's cards
            result.append(_Line(line, start, "blank"))
            continue
        below_a_card = bool(result) and result[-1].kind in ("item", "attribute")
        line_below = raw[i + 1][0].strip() if i + 1 < len(raw) else ""
        if _is_attribute(stripped) or below_a_card and not _pair_line(text, line, start, starts) and (
                (_CARD_FIELD.match(stripped) and not _partners_field(stripped, line, start, starts)  # "Land: Frankreich"
                 and not _numbered_town(line, start, starts))
                or (len(stripped.split()) <= 4 and gazetteer.is_region(re.split(r"\s*[·|,/(]\s*", stripped)[0]))  # "Sachsen"
                or (_BARE_KIND.fullmatch(stripped) and line_below and _is_attribute(line_below))):  # "verschwistert" / "seit 1975"
            result.append(_Line(line, start, "attribute"))
            continue
        if (result and result[-1].kind == "item" and not re.match(r"[–—•·*-]", stripped)
                and not result[-1].text.rstrip().endswith(".") and (
                    (result[-1].partner is not None and re.match(r"[ \t]{8}", line))
                    or (2 <= len(line) - len(line.lstrip()) == result[-1].city.start - result[-1].start
                        and re.search(r"[a-zäöüß,]$", result[-1].text.rstrip())
                        and start + len(line) - len(line.lstrip()) not in starts))):
            # The wrapped rest of a pair's line: "Mittenwalde   – Mittenwald (Oberbayern): Städtefreundschaft der" /
            # "                „Namensvettern“, 2012 vereinbart"; or of an item, under its town's name:
            # "* Wiesbaden (DE) - Städtefreundschaft, begründet im Jahr der" / "  Wiedervereinigung 1990"
            result.append(_Line(line, start, "attribute"))
            continue
        if re.match(r"(?:\d{1,3}\.?\s*)?[↑^]\s", stripped):
            result.append(_Line(line, start, "reference"))  # a wiki footnote: "26. ↑ Landkreis Göttingen: ..."
            continue
        body = _BULLET.sub("", line).lstrip()  # also an indented item without a bullet
        lettered = _LETTERED_PAIR.match(line)
        previous = next((above for above in reversed(result) if above.kind != "blank"), None)
        if lettered and (_starts_a_pair(text, start + lettered.end(), starts) or (
                start + lettered.end() in starts and not re.search(r"[-,]$|\b[a-zäöüß]+$", stripped)
                and previous is not None and previous.kind in ("heading", "item", "attribute"))):
            # "a) Püttlingen – Creutzwald, 1965 geschlossen;", or a lettered list's town: "a) Mayen (Rheinland-Pfalz) –
            # Städtepartnerschaft seit Oktober 1990" (not "a) mit der Stadt ...", nor "a) Győr (Ungarn), seit 1971," in a sentence)
            body = line[lettered.end() :]
        else:
            lettered = None
        body_start = start + len(line) - len(body)
        body = re.sub(r"^(?:1[89]\d\d|20\d\d)\s*[:–-]\s*", "", body)  # "1960: Amiens"
        body = re.sub(r"^(?:\{\{[^{}]*\}\}\s*)+", "", body)  # wiki source: "* {{FRA}} Troyes, Frankreich (1958)"
        body = re.sub(r"^\[\[(?:[^\]|]*\|)?", "", body)  # "* [[Troyes]]", "* [[Troyes (Aube)|Troyes]]"
        body = _without_leading_country(body)  # "Frankreich Grasse (Provence), seit 1963": a flag's caption
        body_start = start + len(line) - len(body)
        label = _PAIR_LABEL.match(body) or _QUOTED_LABEL.match(body)
        if label and _starts_a_pair(text, body_start + label.end(), starts):
            body = body[label.end() :]  # a prize list's "2. Preis (4.000 Euro): Stadt Kirn – Vernouillet (Eure-et-Loir)"
            body_start = start + len(line) - len(body)
        elif (numbered := _NUMBERED_LABEL.match(body)) and body_start + numbered.end() in starts:
            body = body[numbered.end() :]  # a signpost's "Arm 2: Marseille – seit 1958 – 1.220 km"
            body_start = start + len(line) - len(body)
        city = starts.get(body_start)
        if city is None and len(stripped.split()) <= 8:
            next_line = raw[i + 1][0] if i + 1 < len(raw) else None
            city = _link_line_start(line[len(line) - len(body):], body_start, next_line, gazetteer)
        if city is None:
            city = _name_and_country(body, body_start)
        named = _UNKNOWN_PAIR_ITEM.match(body) if city is None else None
        if named and " " in named.group(1) and (
                known := starts.get(body_start + named.group(1).index(" ") + 1)) and not re.match(
                    _MUNICIPAL_WORDS, named.group(1)) and not _kind_of(named.group(1)) and (partner := _partner_after_dash(
                        known, text[known.end : start + len(line)], starts, gazetteer)) and partner.geonames_id is not None:
            city = known  # "Sonderfall Paris – Rom (1956)": a word before the town
        elif named and not (
                country_code_for(named.group(1)) or gazetteer.is_region(named.group(1)) or _kind_of(named.group(1))):
            # "Remchingen ........ Zbąszyń (Polen) · seit 2005": a member town GeoNames lacks, before a partner it knows
            city = _City(named.group(1), None, None, body_start, body_start + len(named.group(1)))
            partner = _partner_after_dash(city, body[len(named.group(1)) :], starts, gazetteer)
            if partner is None or partner.geonames_id is None or re.match(_DISTRICT_WORD, named.group(1)) or (
                    _kind_of(body) == "district_partnership" or not _PAIR_ITEM_END.match(text, partner.end, start + len(line))):
                city = None  # "Stadtbezirk Cronenberg – Vöcklabruck", "Offenthal – Lenti: Stadtteilpartnerschaft"
        if city is not None:
            tail = text[city.end : start + len(line)] if city.end <= start + len(line) else ""
            # Not a line of running text that starts with a name: "... die ersten" / "Pforzheim/Saint-Maur. Als im ..."
            # Nor the rest of a pair the line above broke at its dash ("darunter Ellwangen–" / "Abbeville, ...").
            runs_on = bool(result) and result[-1].kind == "prose" and not result[-1].text.rstrip().endswith(":") and bool(
                re.search(r"[a-zäöüß)]\.\s+[A-ZÄÖÜ]", tail) or re.search(r"\w[-–]$", result[-1].text.rstrip())
                or _continues_previous(text, start, start + len(line)))
            # A card's title: "ROCCA DI PAPA              Latium, Italien"
            card_title = re.match(r"[ \t]{3,}\S", tail) and country_code_for(tail.rsplit(",", 1)[-1].strip())
            partner = _partner_after_dash(city, tail, starts, gazetteer) or _partner_after_colon(city, tail, starts)
            # Nor a sentence of its own: "Luzern in der Schweiz ist seit 2002 unsere Partnerstadt."
            sentence = re.match(r"\s+in\s[^\n]*?\s(?:ist|sind|war|waren|wurde|wurden)\s[^\n]*[.!]\s*$", tail) is not None
            if (_TAIL_STARTS.match(tail) or _leading_country(tail.lstrip(" ")) or card_title) and not runs_on and not sentence and (
                    len(tail.split()) <= (14 if partner is not None else 8)
                    or ((_BULLET.match(line) or lettered) and _DESCRIBED_ITEM.match(tail))):
                result.append(_Line(line, start, "item", city, tail, partner))
                consumed_until = city.end
                continue
        if _BULLET.match(line) and not re.match(r"^\s*\d", line):
            result.append(_Line(line, start, "bullet"))
        elif result and result[-1].kind == "bullet" and not _LETTERED_PAIR.match(stripped) and (
                stripped[0].islower() or result[-1].text.rstrip().endswith((",", "-"))):
            result.append(_Line(line, start, "bullet"))  # a wrapped bullet: "• Verwaltungshilfe" / "nach der Wende"
        elif _CHRONICLE_ENTRY.match(line) or (line[:1] in " \t" and _entry_continues(result)):
            result.append(_Line(line, start, "prose"))  # a chronicle's entry, however short, and its indented rest
        elif len(stripped.split()) <= 12 and not stripped.endswith((".", ",", ";")) and not _wrapped_prose(
            text, start, start + len(line)
        ) and not _full_prose_line(text, stripped, start + len(line)) and not _partners_field(stripped, line, start, starts):
            result.append(_Line(line, start, "heading"))
        else:
            result.append(_Line(line, start, "prose"))
    return result


_MUNICIPAL_WORDS = re.compile(r"(?:Orts|Verbands|Samt|Markt)?[Gg]emeinde\b|(?:Hanse|Kreis)?[Ss]tadt\b|Markt\b|Amt\b|(?:Land)?[Kk]reis\b|"
                              r"Stadtteil\b|Ortsteil\b|Stadtbezirk\b|Bezirk\b")
# A letter that marks an outline's line or a list's item: "b) Versöhnung nach 1945", "a) Püttlingen – Creutzwald"
_LETTERED_PAIR = re.compile(r"\s*[a-z]\)\s+")


# A numbered thing's label before its town: "Arm 2:", "Station 3:", "Tafel 12a:".
_NUMBERED_LABEL = re.compile(r"[A-ZÄÖÜ][\wäöüß.]{1,15}[ \t]+\d{1,3}[a-z]?[ \t]*:[ \t]+")
_PAIR_LABEL = re.compile(r"[^\W\d][^:\n]{0,40}:\s+(?:(?:Stadt|Gemeinde|Markt|Verbandsgemeinde)\s+)?")
# A name in quotes after a short label, its town after the dash: "Tz 4406 „Budweis“ – Passau, seit 1993".
_QUOTED_LABEL = re.compile(r"(?:[\w./-]{1,12}[ \t]+){0,3}[„\"»](?=[A-ZÄÖÜ])")


def _numbered_town(line: str, start: int, starts: dict) -> bool:
    """Whether a line is a numbered thing's town ("Arm 2: Marseille – seit 1958"), not a card's field."""
    numbered = _NUMBERED_LABEL.match(line.lstrip())
    return numbered is not None and start + len(line) - len(line.lstrip()) + numbered.end() in starts


def _starts_a_pair(text: str, offset: int, starts: dict) -> bool:
    """Two towns joined by a dash begin at ``offset``: "Püttlingen – Creutzwald"."""
    first = starts.get(offset)
    dash = _PAIR_DASH.match(text, first.end) if first is not None else None
    return dash is not None and dash.end() in starts


def _pair_line(text: str, line: str, start: int, starts: dict) -> bool:
    """A line that pairs two towns, "Luckau    – Bad Sassendorf, seit 1990", or names a first-column
    town before a dash ("Eichwalde   – keine"): no card's field, "Einwohner    13 000"."""
    if (dash := _FIRST_DASH.match(line)) and start + dash.end() in starts:
        return True
    leading = starts.get(start + len(line) - len(line.lstrip()))
    return leading is not None and (bool(_WIDE_DASH.match(text, leading.end))
                                    or _partner_after_colon(leading, text[leading.end : start + len(line)], starts) is not None)


def _entry_continues(lines: list[_Line]) -> bool:
    """Whether the lines read so far end in a chronicle's entry that an indented line may continue:
    "1975 – Beginn der Freundschaft mit der niederbayerischen Kreisstadt" / "      Regen; erste Besuche ..."."""
    for line in reversed(lines):
        if line.kind != "prose":
            return False
        if _CHRONICLE_ENTRY.match(line.text):
            return True
        if line.text[:1] not in " \t":
            return False
    return False


_WIDE_DASH = re.compile(r"[ \t]{2,}[–—]\s")  # a column gap before the dash
# A bulleted town, its region in brackets, then a dash and any length of description:
# "• Saint-Max (Lothringen, Frankreich) – 1985 begründet; 2025 feiern wir 40 Jahre."
_DESCRIBED_ITEM = re.compile(r"(?:,[ \t]*[A-ZÄÖÜ][\w-]+)?[ \t]*(?:\([^()\n]*\))?[ \t]+[–—-][ \t]")
_FIRST_DASH = re.compile(r"^\s*[A-ZÄÖÜ][^–—.]{1,40}?(?:\s[–—-]|\.{2,}|…+)\s+")
# What stands between the two towns of a list line: a dash, or a table of contents' dots ("Mühlacker ...... Pescia").
_PAIR_DASH = re.compile(r"(?:/[A-ZÄÖÜ][\w.]*)?[“\"«]?\s*(?:\([^()]*\)\s*)?(?:[–—-]|\.{2,}|…+)\s+")  # also "Weißwasser/O.L. – Żary"
# A list line's first town that GeoNames lacks, before its partner: "Remchingen ..... Zbąszyń", "Wildau    – Ząbki (PL)".
_UNKNOWN_PAIR_ITEM = re.compile(r"([A-ZÄÖÜ][\w'’-]+(?: [A-ZÄÖÜ][\w'’-]+)?)(?: ?(?:\.{2,}|…+)|[ \t]+[–—])\s")
# What may follow the partner of such a line: "(Küstrin), seit 1991", "(Frankreich)", nothing; not "Stralsund in Europa"
_PAIR_ITEM_END = re.compile(r"\s*(?:\([^()]*\))?\s*(?:[,:·]\s*.*)?$")


def _partner_after_dash(city: _City, tail: str, starts: dict, gazetteer: Gazetteer) -> _City | None:
    """The second town of a list line that pairs two: "Strausberg – Dębno (Neudamm), Partnerschaftsvertrag 1996",
    "Bad Freienwalde (Oder) – Chojna"; not "Amiens – Frankreich", "Travnik – 2003" or a match, "Heilbronn – Nîmes 1:2"."""
    partner = _dashed_partner(city, tail, starts, gazetteer)
    if partner is not None and _MATCH_SCORE.match(tail, partner.end - city.end):
        return None
    return partner


def _partner_after_colon(city: _City, tail: str, starts: dict) -> _City | None:
    """The one partner after a member town and its colon: "Nieder-Olm: Chauffailles (Saône-et-Loire,
    Frankreich), seit 1975", "Eutin: Partnerstadt Laško (Slowenien), seit 1998"; not a list of several
    ("Regensburg: Aberdeen, Odessa"), which the home reads."""
    colon = re.match(r"[ \t]*:[ \t]+" + _KIND_BEFORE_PARTNER, tail)
    partner = starts.get(city.end + colon.end()) if colon else None
    if partner is None or _key(partner) == _key(city) or not _PAIR_ITEM_END.match(tail, partner.end - city.end):
        return None
    if any(city.end < start < city.end + len(tail) for start in starts if start != partner.start):
        return None
    return partner


# The kind named between a member town's colon and its partner: "Grömitz: Partnergemeinde Chojna",
# "Bad Schwartau: Städtefreundschaft mit Vellinge (Schweden), 1991".
_KIND_BEFORE_PARTNER = (r"(?:(?:Partner(?:stadt|gemeinde|kommune|kreis|landkreis)|(?:Städte|Kreis|Gemeinde)?(?:[Pp]artnerschaft"
                        r"|[Ff]reundschaft)[ \t]+mit(?:[ \t]+(?:der|dem)[ \t]+(?:Stadt|Gemeinde))?)[ \t]+)?")
_MATCH_SCORE = re.compile(r"\s*\(?\d{1,2}\s?:\s?\d{1,2}\b")


def _dashed_partner(city: _City, tail: str, starts: dict, gazetteer: Gazetteer) -> _City | None:
    dash = _PAIR_DASH.match(tail)
    if not dash:
        return None
    position = city.end + dash.end()
    if position in starts:
        return starts[position]
    rest = tail[dash.end() :]
    linked = _link_line_start(rest, position, None, gazetteer)
    if linked is not None:
        return linked
    name = re.match(r"(?:['’]s-)?[A-ZÄÖÜŁŚŻ][\w'’.-]*(?: [A-ZÄÖÜŁŚŻ][\w'’.-]*){0,2}(?=\s*(?:\(|,|;|$))", rest)
    if name is None or name.group().isupper() or country_code_for(name.group()) or _kind_of(name.group()) or (
            gazetteer.is_region(name.group())):  # not a rating "AA", a country or a region
        return None
    return _City(name.group(), None, None, position, position + len(name.group()))


def _name_and_country(body: str, offset: int) -> _City | None:
    """A card's title that GeoNames does not know, kept by its name: "Sulęcin (Polen)", "Kyiv-Podil (Ukraine)"."""
    match = re.fullmatch(r"((?:['’]s-)?[A-ZÄÖÜ][\w'’.-]*(?: [A-ZÄÖÜ][\w'’.-]*){0,2})\s*\(([^()]+)\)\s*", body)
    if not match or _kind_of(match.group(1)) or country_code_for(match.group(1)):
        return None
    country = country_code_for(match.group(2).strip())
    if country is None:
        return None
    return _City(match.group(1), None, country, offset, offset + len(match.group(1)))


def _leading_country(text: str) -> int:
    """How many words of ``text`` name a country at its start ("Vereinigtes Königreich Kirkcaldy" → 2), or 0."""
    words = text.split(" ")
    for n in (3, 2, 1):
        if len(words) >= n and country_code_for(" ".join(words[:n]).rstrip(",;")):
            return n
    return 0


def _without_leading_country(body: str) -> str:
    """A list item without the country name that leads it, as Wikipedia's flag lists read once extracted.

    "Vereinigtes Königreich Kirkcaldy (Schottland), seit 1962" → "Kirkcaldy (Schottland), seit 1962".
    Only when a capitalised word follows: "Frankreich, seit 1960" stays.
    """
    n = _leading_country(body)
    words = body.split(" ")
    if n and len(words) > n and words[n][:1].isupper():
        return " ".join(words[n:]).lstrip()
    return body


def _partners_field(stripped: str, line: str, start: int, starts: set[int]) -> bool:
    """A card's field that lists the card town's partners, "Sister city: Carlisle, Słupsk": a statement
    to read, not a detail of the town above it ("Land: Frankreich", "Partnerstadt seit: 1990")."""
    label, colon, value = stripped.partition(":")
    offset = start + len(line) - len(line.lstrip()) + len(label) + len(colon)
    return bool(colon) and _kind_of(label) is not None and not _YEAR.search(value) and any(
        offset <= position < offset + len(value) for position in starts)


def _is_attribute(line: str) -> bool:
    """A line that only describes the item above: "2003", "1994/2008", "AAA", "Finnland", "seit 1960"."""
    words = re.findall(r"[\w]+", line)
    if not words:
        return True
    if country_code_for(line.strip("()–- ")):
        return True
    if re.fullmatch(r"\([^()]{2,60}\)", line.strip()) and len(words) <= 5:
        return True  # "(Mecklenburg-Vorpommern)", "(Kalifornien, USA)" below a slide's city
    if country_code_for(re.split(r"\s*[·|,/]\s*", line.strip())[0]) and (len(words) <= 5 or "·" in line and len(words) <= 10):
        return True  # "Frankreich · Okzitanien", "Ungarn · Komitat Pest", "Frankreich · Region Pays de la Loire · ..."
    if _KIND_ON_A_CARD.fullmatch(line.strip()):
        return True  # "Partnerschaft seit", "Städtepartnerschaft seit 1963", "verschwistert seit 1975"
    if _CONTACT_FIELD.match(line.strip()):
        return True  # "Kontakt: Freundeskreis Fulda–Wilson e. V." closes a town's section, not the list
    return all(_YEAR.fullmatch(w) or w.isdigit() or _RATING.match(w) or w.lower() == "seit" for w in words)


# A card's line that says what the partnership above is and since when (singular: the plural
# "Städtepartnerschaften" is a heading).
_KIND_ON_A_CARD = re.compile(
    r"(?:(?:Städte)?[Pp]artnerschaft|Städtefreundschaft|[Vv]erschwistert|Kooperation|Freundschaft)"
    r"(?:\s+seit|(?:\s+seit)?\s+(?:\d{1,2}\.\s?){0,2}(?:1[89]|20)\d\d)")
_CONTACT_FIELD = re.compile(
    r"(?:Kontakt|Ansprechpartner\w*|Ansprechperson|Infos?|Informationen|Internet|Homepage|Web(?:site|seite)?|E-?Mail"
    r"|Tel(?:efon)?\.?|Fax|Adresse|Anschrift)\s*:", re.IGNORECASE)
_DECORATION = re.compile(r"\[(?:Bild|Foto|Abb\.?|Abbildung|Grafik|Image|Video)\b[^\]]*\]|(?:>|»|→)\s*(?:[Mm]ehr|[Ww]eiter)\w*(?:\s+\w+)?")
# A field of a card under its city: "Land: Frankreich", "Partnerstadt seit: 1990", "Einwohner: ca. 51.000".
_FIELD_NAME = r"[A-ZÄÖÜ][\w./-]*(?:\s[\w./-]+){0,2}"
_CARD_FIELD = re.compile(_FIELD_NAME + r"(?:\s*:\s+|[ \t]{3,}|\t)\S.{0,60}$")  # also "Einwohner     ca. 13 000"
# A card's line that says what it is without a heading above ("Befreundete Stadt seit: 1990"), and any
# labelled line of a card, however long ("Sehenswert: Clocktower, ...").
_CARD_SINCE = re.compile(r"(?:(?:Städte)?[Pp]artner\w*|Städtefreundschaft|Freundschaft|[Bb]efreundete Stadt|[Vv]erschwistert)\s+seit\b")
_CARD_LABEL = re.compile(r"\s*" + _FIELD_NAME + r"\s*:\s+\S")
_BARE_KIND = re.compile(r"(?:Städte)?[Pp]artnerschaft|Städtefreundschaft|[Vv]erschwistert|Partnerstadt")
_RULE_LINE = re.compile(r"[_=*~─━-]{3,}")
_PAGE_MARKER = re.compile(r"(?:Folie|Seite|Slide|Page)\s+\d{1,3}(?:\s*(?:/|von)\s*\d{1,3})?", re.IGNORECASE)
_NOT_MUNICIPAL = re.compile(r"\w*(?:schul|universitäts|vereins)partner\w*|\w*(?:fan|hochschul|schul|vereins)(?:freundschaft|kooperation)\w*"
                            # "die Partnerschaft der Universität Rostock mit der University of Washington"
                            r"|partnerschaft\s+(?:der|des|zwischen\s+der|zwischen\s+dem)\s+(?:universität|hochschule|"
                            r"\w*schule|\w*gymnasiums|feuerwehr|kirchengemeinde|klinik|diözese|bistums?|erzbistums?|landeskirche)\w*")


def _kind_of(text: str, stems=_KIND_STEMS) -> str | None:
    """The kind named by the first partnership word of ``text`` (its most specific reading).

    Partnerships of schools, universities and clubs are not municipal ones.
    """
    lower = text.casefold()
    if "schul" in lower or "universität" in lower or "vereins" in lower or "partnerschaft d" in lower:
        lower = _NOT_MUNICIPAL.sub(" ", lower)
    best = None
    for stem, kind in stems:
        pos = lower.find(stem)
        if pos != -1 and (best is None or pos < best[0]):
            best = (pos, kind)
    return best[1] if best else None


# --- found statements and merging ------------------------------------------------------


@dataclass
class _Found:
    a: _City | None  # None: the home city was needed but unknown
    b: _City
    kind: str
    kind_strength: float  # 2 sentence, 1.5 the item's own words, 1 heading, 0 default
    year: int | None
    evidence: str
    confidence: float
    rule: str = ""  # which rule stated it: a key of _CONFIDENCE, or "table"
    order: int = field(default=0)


def _merge(found: list[_Found]) -> list[Partnership]:
    """One Partnership per unordered pair: best evidence, most specific kind, a stated year."""
    groups: dict[tuple, list[_Found]] = {}
    for i, f in enumerate(found):
        if f.a is None:
            continue
        ka, kb = _key(f.a), _key(f.b)
        if ka == kb:
            continue
        f.order = i
        groups.setdefault(tuple(sorted((ka, kb), key=str)), []).append(f)
    result = []
    for items in groups.values():
        best = max(items, key=lambda f: (f.confidence, f.kind_strength, -f.order))
        kind_source = max(items, key=lambda f: (f.kind_strength, f.kind in _SPECIFIC_KINDS, f.confidence))
        dated = [f for f in items if f.year is not None]
        year = max(dated, key=lambda f: (f.confidence, -f.order)).year if dated else None
        a, b = best.a, best.b
        result.append(Partnership(
            city_a=a.name, city_b=b.name, kind=kind_source.kind,
            city_a_geonames_id=a.geonames_id, city_a_country=a.country,
            city_b_geonames_id=b.geonames_id, city_b_country=b.country,
            since_year=year, evidence=best.evidence,
            confidence=round(max(f.confidence for f in items), 2),
        ))
    result.sort(key=lambda p: -p.confidence)
    return result


def _key(city: _City):
    if city.geonames_id is not None:
        return city.geonames_id
    return _county_key(city.name) or _fold(city.name)


# --- lists under headings ------------------------------------------------------------------


def _home_as_city(home: Mention | None) -> _City | None:
    if home is None:
        return None
    return _City(home.normalized or home.text, home.geonames_id, home.country_code, home.start_char, home.end_char)


def _list_owner(line: _Line, cities: list[_City]) -> _City | None:
    """The city that introduces a list as its own: "Die Seestadt Bremerhaven pflegt eigene Partnerschaften:"."""
    if not line.text.rstrip().endswith(":") or not _kind_of(line.text):
        return None
    end = line.start + len(line.text)
    last_sentence = max(line.text.rfind(". "), line.text.rfind("! "), line.text.rfind("? ")) + 1
    named = [c for c in cities if line.start + last_sentence <= c.start < end]
    if not named or re.search(r"\b(?:mit|zu|nach|von|aus)\s+(?:der\s+|dem\s+)?(?:Stadt\s+)?$",
                              line.text[: named[0].start - line.start]):
        return None
    return named[0]


# An item that names its own kind right after the town, under an introduction that names none
# ("Die Stadt unterhält folgende Verbindungen:").
_ITEM_OWN_KIND = re.compile(
    r"\s*(?:\([^()\n]*\)\s*)?[:,–—-]\s*(?:seit\s+\d{4}\s*[,:;]?\s*)?(?:mit\s+)?(?:unserer?\s+)?"
    r"(?:Städte|Stadtteil|Stadtbezirks|Ortsteil|Klima|Projekt|Kooperations|Solidaritäts)?"
    r"(?:[Pp]artnerschaft|[Ff]reundschaft|[Pp]artnerstadt|[Pp]artnergemeinde|[Kk]ooperation|Schwesterstadt)\b"
    r"(?!\s+(?:mit\b|[A-ZÄÖÜ]))")  # not "Rathenow: Partnerstadt Rinteln", the item's own partner
_NEGATED_HEADING = re.compile(r"\b(?:kein|keine|keiner|nicht)\b", re.IGNORECASE)
_OVERVIEW_HEADING = re.compile(r"(?:Im\s+)?(?:Übersicht|Überblick)|Auf einen Blick|Liste|Steckbriefe?|Unsere Partner:?")


def _from_lists(lines: list[_Line], home: Mention | None, cities: list[_City], list_kind: str | None = None) -> list[_Found]:
    """Items under a partnership heading, paired with the home city; years from the item or the lines below.

    A list introduced by another city ("Die Seestadt Bremerhaven pflegt eigene Partnerschaften:")
    is that city's.

    A heading's list keeps one shape (bare names, or names with a year below):
    in slides whose layout was flattened, items of another shape belong to a
    heading the text lost ("Stadtteilpartnerschaften" followed by "Travnik" /
    "2003"), and get the generic kind with a lower confidence.
    """
    home_anchor = anchor = _home_as_city(home)
    found: list[_Found] = []
    region_kind: str | None = list_kind  # a heading above a section of a town's own
    shape = None
    years_above = False
    last_heading = False
    pair_owner = None  # the first town of the last pair line, which a line starting with a dash continues
    partners_heading = False  # "Die Gemeinden und ihre Partner": a heading over pair lines ("Mühlacker .... Pescia")
    pairs_kind = None  # the kind the pair lines of a block name: "Turnov – Valenza ..... Partnerschaft seit 2001"
    undated_pairs = False  # pair lines after an introduction that names no kind take the kind named last
    pairs_year = None  # and the one year it names: "Zur Welle 1987 gehören u. a.:"
    introduced_kind = None  # "Münster hat folgende Partnerstädte:" over its items
    tabbed = [_delimiter(line.text) == "\t" for line in lines]
    for i, line in enumerate(lines):
        if line.kind == "item" and tabbed[i] and ((i > 0 and tabbed[i - 1]) or (i + 1 < len(lines) and tabbed[i + 1])):
            continue  # a row of a tab-separated table, which the table rule reads with its columns
        if line.kind in ("prose", "heading"):
            anchor = _list_owner(line, cities) or home_anchor
            pair_owner = pairs_kind = introduced_kind = None
            undated_pairs, pairs_year = False, None
            if line.text.rstrip().endswith(":"):
                if _INTRODUCED_PARTNERS.search(line.text) and not _NEGATION.search(line.text):
                    introduced_kind = _kind_of(line.text) or "partnership"
                # "... beide Gemeinden sind seit 1960 verschwistert. Es folgten (in zeitlicher Reihenfolge):"
                paragraph = [line.text]
                for above in reversed(lines[:i]):
                    if above.kind != "prose" or line.kind != "prose":
                        break
                    paragraph.insert(0, above.text)
                pairs_kind = _kind_of(" ".join(paragraph))
                if pairs_kind is None and _pair_lines_below(lines, i) >= 2:
                    # "Zur Welle 1987 gehören u. a.:" / "* Wuppertal - Schwerin" / "* Hamburg - Dresden": pairs of
                    # the kind the text named last ("Welche war die erste deutsch-deutsche Städtepartnerschaft?")
                    pairs_kind = next((kind for above in reversed(lines[:i]) if above.kind in ("prose", "heading")
                                       and (kind := _kind_of(above.text, _HEADING_STEMS))), None)
                    undated_pairs = pairs_kind is not None
                    intro_years = set(_YEAR.findall(line.text))
                    pairs_year = int(intro_years.pop()) if undated_pairs and len(intro_years) == 1 else None
        in_list = region_kind is not None and not last_heading
        if line.kind == "heading" and in_list and _CARD_LABEL.match(line.text) and not _kind_of(line.text, _HEADING_STEMS):
            continue  # a card's field, "Sehenswert: Clocktower, ...", not a heading that ends the list
        if line.kind == "heading" and not (in_list and _looks_like_name(line.text)):
            heading_kind = _kind_of(line.text, _HEADING_STEMS)
            if heading_kind and _NEGATED_HEADING.search(line.text):
                heading_kind = None  # "Was ist KEINE Partnerstadt?" lists what is not
            elif heading_kind is None and _OVERVIEW_HEADING.fullmatch(line.text.strip()):
                # "Übersicht" over the list the introduction announced: the kind the text named last
                # ("Die Stadt pflegt zehn Städtepartnerschaften.")
                heading_kind = next((kind for above in reversed(lines[:i]) if above.kind in ("prose", "heading")
                                     and (kind := _kind_of(above.text, _HEADING_STEMS))), None)
            # Consecutive heading lines are one heading: "Gründe für Städtepartnerschaften" /
            # "Traditionelle Stärken und Neue Märkte"; a later line with its own category wins.
            if not (last_heading and region_kind is not None and heading_kind is None):
                region_kind, shape, years_above = heading_kind, None, False
                partners_heading = bool(_PARTNERS_HEADING.search(line.text))
            last_heading = True
            continue
        if line.kind == "rule":
            following = next((k.kind for k in lines[i + 1 :] if k.kind not in ("blank", "rule")), None)
            if following != "item":
                region_kind = None  # the footnotes below a list, or another section
            continue
        if line.kind in ("blank", "attribute"):
            continue
        if line.kind == "heading":
            continue  # a name the gazetteer does not know ("Pays des Herbiers") keeps the list open
        last_heading = False
        if line.kind == "prose":
            # Prose keeps the list open until the next heading: an introduction
            # ("Ludwigshafener Partnerstädte" / "Ludwigshafen ist ..." / "Lorient, Frankreich")
            # or a paragraph describing each item ("La Paz (Bolivien) – seit 1996" / "Gemeinsam ...").
            continue
        if line.kind != "item":
            continue
        list_kind = region_kind
        if list_kind is None:
            # A card that says what it is, under no heading: "HUDSON   Ohio, USA" / "Partnerstadt seit: 1990"
            card = next((a for a in _attribute_lines(lines, i) if _CARD_SINCE.match(a)), None)
            list_kind = _kind_of(card) if card else None
            if list_kind is None and partners_heading and line.partner is not None and _first_year(line.tail):
                list_kind = "partnership"
            if list_kind is None and line.partner is not None:
                # Pair lines under a heading that names no kind ("Wer ist mit wem verbunden?") say their own,
                # and a dated line among them ("Valenza – Sainte-Marie ..... von 1972 bis 1991") is one more.
                if _first_year(line.tail) and (own := _kind_of(line.tail)):
                    pairs_kind = own
                list_kind = pairs_kind if _first_year(line.tail) or undated_pairs else None
            if list_kind is None and line.partner is None and introduced_kind and _first_year(line.tail):
                list_kind = introduced_kind
            if list_kind is None and line.partner is None and pairs_kind and _SINCE_YEAR.search(line.tail):
                # "Jeder Arm trägt den Namen einer Partnerstadt ..., das Jahr der Partnerschaft ...:" over
                # "Marseille – seit 1958": a town dated "seit" under an introduction that names the kind
                list_kind = pairs_kind
            if list_kind is None and line.partner is None and _ITEM_OWN_KIND.match(
                    line.tail + "\n" + (lines[i + 1].text if i + 1 < len(lines) else "")):
                list_kind = _kind_of(line.tail)  # "– Béthune (Frankreich): Städtepartnerschaft seit 1960"
            if list_kind is None:
                continue
        if line.partner is None and anchor is not None and _key(anchor) == _key(line.city):
            continue
        if line.partner is None and _DAY_AND_MONTH.match(line.text):
            continue  # a post's date, "12. Juli 2025 um 09:14": no town of a list
        if line.partner is None and _WIDE_DASH.match(line.tail) and not line.text[:1].isspace():
            continue  # the first column of a list of pairs: "Eichwalde            – keine förmliche Partnerschaft"
        introduced = next((lines[k] for k in range(i + 1, len(lines)) if lines[k].kind != "blank"), None)
        if introduced is not None and introduced.kind in ("prose", "heading") and (
                (owner := _list_owner(introduced, cities)) is not None and _key(owner) == _key(line.city)):
            continue  # "Bremerhaven" over "Die Seestadt Bremerhaven pflegt eigene Partnerschaften:"
        above = _year_above(lines, i)
        if shape is None and above is not None and _first_year(line.tail) is None:
            years_above = True  # "1948" / "Newcastle upon Tyne (GB)": each year stands above its city
        if years_above:
            attributes = [a for a in _attribute_lines(lines, i) if not _YEAR.fullmatch(a.strip())]
            year = above
        else:
            attributes = _attribute_lines(lines, i)
            year = _first_year(line.tail) or _first_year(" ".join(attributes)) or (pairs_year if line.partner else None)
        item_shape = (year is not None, bool(attributes))
        described_year, described_kind = _description(lines, i)
        year = year or described_year
        shape = shape or item_shape
        # "Trinkwasser- und Schulprojekte = Entwicklungszusammenarbeit" names a purpose, not the kind
        own_kind = _kind_of(_PURPOSE_COOPERATION.sub(" ", line.tail)) or _kind_of(" ".join(attributes)) or described_kind
        # Only bare names followed by dated items are the flattened-slides case; an undated item
        # after dated ones ("Sønderborg" / "seit 2009", then "Aabenraa" / a project line) is the same list.
        if item_shape == shape or shape != (False, False):
            kind, strength, rule = list_kind, 1.0, "heading_list"
        else:
            kind, strength, rule = "partnership", 0.0, "orphan_list"
        confidence = _CONFIDENCE[rule]
        if own_kind:
            kind, strength = own_kind, 1.5
        evidence = " ".join([line.text.strip(), *attributes]).strip()
        if line.partner is not None:
            found.append(_Found(line.city, line.partner, kind, strength, year, evidence, confidence, rule))
            pair_owner = line.city
        elif pair_owner is not None and re.match(r"\s+[–—-]\s", line.text):
            # "Königs Wusterhausen  – Steglitz-Zehlendorf, seit 1990" / "                     – Mińsk Mazowiecki, seit 2005"
            found.append(_Found(pair_owner, line.city, kind, strength, year, evidence, confidence, rule))
        else:
            owner = _owner_in_tail(line, cities) or anchor
            segments = _item_segments(line, cities) if line.partner is None else []
            if not segments:
                found.append(_Found(owner, line.city, kind, strength, year, evidence, confidence, rule))
            for city, segment in segments:  # each partner on the line with its own year and kind
                segment_kind = _kind_of(_PURPOSE_COOPERATION.sub(" ", segment))
                found.append(_Found(owner, city, segment_kind or list_kind, 1.5 if segment_kind else strength,
                                    _first_year(segment), evidence, confidence, rule))
    return found


def _item_segments(line: _Line, cities: list[_City]) -> list[tuple[_City, str]]:
    """The partners one item's line lists, each with its part of the line: "Gorzów Wielkopolski (Partnerschaft
    seit 1993); Delmenhorst (Städtefreundschaft, 1990)", "Barlinek (1996), Uster/Schweiz seit 1990", "Police
    (seit 1994); Kooperation mit Chojna". A part that opens with no town ("…, Frankreich") belongs to the one before,
    one that names a kind with a town the text does not know ("Kooperation mit Chojna") to none. Empty for a line
    of one partner and nothing else."""
    text = line.text
    bounds = [0] + [k + 1 for k, char in enumerate(text) if char in ",;" and _depth(text, 0, k) == 0] + [len(text) + 1]
    starts = {c.start: c for c in [*cities, line.city]}
    segments: list[tuple[_City, str]] = []
    dropped = False
    for a, b in zip(bounds, bounds[1:]):
        part = text[a : b - 1]
        lead = re.match(r"\s*(?:(?P<kind>[\w-]+)\s+mit\s+)?", part)
        city = starts.get(line.start + a + lead.end())
        named_kind = lead.group("kind") is not None and _kind_of(lead.group("kind")) is not None
        if city is not None and (lead.group("kind") is None or named_kind):
            segments.append((city, part))
        elif named_kind:
            dropped = True
        elif segments:
            segments[-1] = (segments[-1][0], segments[-1][1] + text[a - 1] + part)
        else:
            return []
    # each partner dated or kinded in its part, not a town and its region ("Amboise, Département Indre-et-Loire, …, seit 1962")
    if not all(_first_year(part) is not None or _kind_of(part) for _, part in segments):
        return []
    return segments if len(segments) >= 2 or dropped else []


# A sentence that announces the partners listed below it: "Laut Stadtportal hat Münster folgende Partnerstädte, ...:",
# "Unsere Partnerstädte:".
_INTRODUCED_PARTNERS = re.compile(r"\b(?:folgenden?|nachstehenden?|unsere|seine|ihre)\s+(?:\w+\s+)?Partner(?:städte|stadt|gemeinden|"
                                  r"kommunen|schaften)\b|\bPartner(?:städte|gemeinden|kommunen)\s*:\s*$", re.IGNORECASE)
_PARTNER_OF = re.compile(r"\bPartner(?:stadt|gemeinde)?\s+(?:von|der\s+Stadt|der\s+Gemeinde)\s+$")


def _owner_in_tail(line: _Line, cities: list[_City]) -> _City | None:
    """The town an item names as the one it is partner of: "Torrelodones (Spanien) – Partnerstadt von
    Chaponost (seit 1995)" in a list of a project's towns is Chaponost's partner, not the home town's."""
    tail_start = line.start + len(line.text) - len(line.tail)
    for city in cities:
        if tail_start <= city.start < line.start + len(line.text) and _key(city) != _key(line.city) and \
                _PARTNER_OF.search(line.text, 0, city.start - line.start):
            return city
    return None


# Lowercase words inside place names: "Pays des Herbiers", "Rostow am Don".
# --- tables ---------------------------------------------------------------------------------

_RULE_ROW = re.compile(r"^[\s|:+=-]*$")  # "|-----|-----|", "-----  -----"


def _delimiter(line: str) -> str | None:
    """The character that separates a row's cells, if it is a delimited row: pipes ("| Aachen | Reims |")
    or the semicolons of a register exported as CSV ("Kirn;Sarrebourg;Frankreich;Städtepartnerschaft;1962")."""
    if line.count("|") >= 2:
        return "|"
    if line.count(";") >= 3:
        return ";"
    if line.count("\t") >= 2 and "  " not in line.strip() and "\t\t" not in line:
        return "\t"  # an export's tab-separated row: its cells by count, not by where the tabs happen to end
    return None


def _table_cells(line: str, offset: int, delimiter: str | None) -> list[tuple[int, int]]:
    """Spans of the cells of a table row: between its ``delimiter``, or between runs of two or more spaces or tabs."""
    if delimiter:
        # Every cell between two delimiters keeps its column, an empty one too.
        bounds = [m.start() for m in re.finditer(re.escape(delimiter), line)]
        stripped = line.strip()
        edges = ([0] if not stripped.startswith(delimiter) else []) + bounds + ([len(line)] if not stripped.endswith(delimiter) else [])
        cells = []
        for a, b in zip(edges, edges[1:]):
            a = a + 1 if line[a : a + 1] == delimiter else a
            inner = line[a:b]
            lead = len(inner) - len(inner.lstrip())
            cells.append((offset + a + lead, offset + a + len(inner.rstrip())))
        return cells if len(cells) >= 2 else []
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\t]+?(?=\s{2,}|\t|$)", line.strip("\n"))]
    spans = [(a + len(line[a:b]) - len(line[a:b].lstrip()), b) for a, b in spans]
    return [(offset + a, offset + b) for a, b in spans if line[a:b].strip()] if len(spans) >= 3 else []


def _tables(text: str) -> list[tuple[list[list[tuple[int, int]]], dict[int, list[tuple[int, int]]]]]:
    """Blocks of two or more consecutive table rows, each row a list of cell spans; rule rows dropped.
    With each block, the lines that continue a row's cells ("Stadt Bad Münster-" / "eifel",
    "Vereinigtes" / "Königreich"), by the row they continue: spans under a cell of that row."""
    tables, current, wraps = [], [], {}
    offset = 0
    for line in text.split("\n"):
        delimiter = _delimiter(line)
        cells = [] if _RULE_ROW.match(line) and line.strip() else _table_cells(line, offset, delimiter)
        if cells and len(current) == 1 and current[0][1] != (delimiter is None):
            current, wraps = [], {}  # a lone indented line ("    Beispiele:") is no row of the pipe table under it
        if cells and delimiter == "|" and current and _continues_pipe_row(line, text[current[-1][0] : current[-1][2][0][1]]):
            # "1   | Wissenschaftsstadt | Uschhorod" / "    | Darmstadt          | (Transkarpatien)"
            wraps.setdefault(len(current) - 1, []).extend((a, b) for a, b in cells if b > a)
        elif cells:
            current.append((offset, delimiter is None, cells))
        elif current and current[-1][1] and line.strip() and (pieces := _wrapped_cells(line, offset, current)):
            wraps.setdefault(len(current) - 1, []).extend(pieces)
        elif not (line.strip() and _RULE_ROW.match(line)):
            if len(current) >= 2:
                tables.append((_aligned(current), wraps))
            current, wraps = [], {}
        offset += len(line) + 1
    if len(current) >= 2:
        tables.append((_aligned(current), wraps))
    return [(_pair_cells_split(text, rows), wraps) for rows, wraps in tables]


# A cell that names both towns of a pair: "Görlitz – Amiens", "Zittau - Villingen-Schwenningen".
_PAIR_CELL = re.compile(r"([A-ZÄÖÜŁŚŻČŘ][^\d|–;:,.]{1,40}?)[ \t]+[–-][ \t]+([A-ZÄÖÜŁŚŻČŘ][^\d|–;:,.]{1,40})")
_MIN_PAIR_CELL_SHARE = 0.6


def _pair_cells_split(text: str, rows: list[list[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
    """A table whose one column holds pairs ("101 | Görlitz – Zgorzelec | seit 1991") with that column
    read as two, each town a cell of its own; a row without a pair there keeps an empty second cell."""
    width = min(len(row) for row in rows)
    for column in range(width):
        pairs = [_PAIR_CELL.fullmatch(text, *row[column]) for row in rows]
        if sum(map(bool, pairs)) < max(2, _MIN_PAIR_CELL_SHARE * len(rows)):
            continue
        return [row[:column] + ([(pair.start(1), pair.end(1)), (pair.start(2), pair.end(2))] if pair
                                else [row[column], (row[column][1], row[column][1])]) + row[column + 1 :]
                for row, pair in zip(rows, pairs)]
    return rows


def _continues_pipe_row(line: str, row_start: str) -> bool:
    """A pipe row whose first column is blank under a row that fills it: the rest of that row's cells."""
    return bool(re.match(r"[ \t]+\|", line)) and not row_start.lstrip().startswith("|")


def _cell_with_wrap(text: str, span: tuple[int, int], wrapped: list[tuple[int, int]]) -> str:
    """A cell's text with the piece a wrapped line puts under it: "Kinderferienlager der Partner-" +
    "gemeinden" → "Kinderferienlager der Partnergemeinden"."""
    cell = text[slice(*span)].strip()
    column = span[0] - text.rfind("\n", 0, span[0]) - 1
    below = next((w for w in wrapped if abs(w[0] - text.rfind("\n", 0, w[0]) - 1 - column) <= 1), None)
    if below is None:
        return cell
    rest = text[slice(*below)].strip()
    return cell[:-1] + rest if cell.endswith("-") and rest[:1].islower() else f"{cell} {rest}"


def _wrapped_cells(line: str, offset: int, rows: list[tuple[int, bool, list[tuple[int, int]]]]) -> list[tuple[int, int]]:
    """The spans of a line of one or two short pieces that each start in a column of the space-aligned
    ``rows`` above: the rest of the last row's cells, wrapped ("eifel" under "Stadt Bad Münster-")."""
    columns = {a - row_start for row_start, _, cells in rows for a, _ in cells}
    pieces = [(m.start(), m.end()) for m in re.finditer(r"\S+(?: \S+)*", line)]
    if not 1 <= len(pieces) <= 2 or any(b - a > 40 for a, b in pieces):
        return []
    if not all(any(abs(a - column) <= 1 for column in columns) for a, _ in pieces):
        return []
    return [(offset + a, offset + b) for a, b in pieces]


_TOWN_TITLES = re.compile(r"^(?:(?:Stadt|Gemeinde|Markt|Ostseebad|Seebad)\s+)+")  # "Gemeinde Ostseebad Insel Poel"


def _wrapped_cell_city(text: str, span: tuple[int, int], wrapped: list[tuple[int, int]], line_start: int,
                       gazetteer: Gazetteer) -> _City | None:
    """The city of a cell whose name a wrapped line completes: "Stadt Bad Münster-" + "eifel",
    "Gemeinde Ostseebad" + "Insel Poel"; None when no wrapped piece sits under the cell."""
    a, b = span
    below = next((w for w in wrapped if abs((w[0] - text.rfind("\n", 0, w[0]) - 1) - (a - line_start)) <= 1), None)
    if below is None or a == b:
        return None
    cell, rest = text[a:b].strip(), text[slice(*below)].strip()
    joined = cell[:-1] + rest if cell.endswith("-") and rest[:1].islower() else f"{cell} {rest}"
    for written in (joined, rest):
        place = gazetteer.link(_TOWN_TITLES.sub("", written))
        if place is not None:
            return _City(place.name, place.geonames_id, place.country_code, a, b)
    surface = _TOWN_TITLES.sub("", joined)
    unknown = _unknown_place(surface, (0, len(surface))) if surface != joined or cell.endswith("-") else None
    return replace(unknown, start=a, end=b) if unknown is not None else None


def _aligned(rows: list[tuple[int, bool, list[tuple[int, int]]]]) -> list[list[tuple[int, int]]]:
    """The rows' cells in their columns. A space-aligned row that leaves a column empty
    ("                     Devizes    GB    1975" under "Waiblingen  Mayenne  F  1962": the member
    town is written once for its rows) gets an empty cell there, placed by the columns' positions in
    the widest row; delimited rows keep their empty cells already."""
    line_start, _, widest = max(rows, key=lambda row: len(row[2]))
    columns = [a - line_start for a, _ in widest]
    aligned = []
    for offset, spaced, cells in rows:
        if not spaced or len(cells) == len(columns):
            aligned.append(cells)
            continue
        places = [min(range(len(columns)), key=lambda c: abs(columns[c] - (a - offset))) for a, _ in cells]
        if places != sorted(set(places)):
            aligned.append(cells)  # no clear column for each cell: as it stands
            continue
        row = [(offset + column, offset + column) for column in columns]
        for place, cell in zip(places, cells):
            row[place] = cell
        aligned.append(row)
    return aligned


# An institution before a town's name in a cell: the school's, club's or university's partnership, no town's.
_INSTITUTION = re.compile(r"\b(?:Universität|Hochschule|Université|University|[\w-]*(?:[Ss]chule|[Gg]ymnasium|[Vv]erein|[Ff]euerwehr|[Cc]hor|"
                          r"[Oo]rchester|[Aa]kademie)|Brandweer|Lycée|Collège|Harmonie|Kirchengemeinde|Pfarrei|TuS|TSV|SV|FC|VfL|VfB|US|AS|"
                          r"Liceum|Szkoła|Gimnazjum|Uniwersytet|OSP|KS|Škola|Gymnázium|Univerzita)\b")


def _cell_city(text: str, span: tuple[int, int], cities: list[_City], gazetteer: Gazetteer) -> _City | None:
    """The city a table cell names: a mention inside it, or the cell's own words ("Danzig (Gdańsk)", "Essen 1)")."""
    a, b = span
    whole = text[a:b].strip()
    inside = next((c for c in cities if a <= c.start and c.end <= b), None)
    if inside is not None and _INSTITUTION.search(text, a, inside.start):
        return None  # "Universität Paderborn", "Gymnasium Celle", "Lycée Rabelais, Meudon": no town's row
    if inside is not None and inside.start > a and _ON_ITS_RIVER.fullmatch(whole):
        # "Graach an der Mosel": the town on the river, not the Mosel read as Mosul
        place = _town_on_its_river(whole, gazetteer)
        return _City(place.name if place else whole, place and place.geonames_id, place.country_code if place else None, a, a + len(whole))
    if inside is not None:
        # The whole cell may name the place more exactly than the mention inside it
        # ("San Vito dei Normanni", "Arendsee (Altmark)").
        if len(whole) > inside.end - inside.start and not country_code_for(whole) and not gazetteer.is_region(whole):
            place = gazetteer.link(whole)
            if place is not None and place.geonames_id != inside.geonames_id:
                return _City(place.name, place.geonames_id, place.country_code, a, a + len(whole))
            if place is None and _merged_town(whole, gazetteer):
                return _City(whole, None, inside.country, a, a + len(whole))
        return inside
    if re.fullmatch(r"[A-ZÄÖÜ][\w' .-]+(?: \([A-ZÄÖÜ][\w .-]+\)|/[A-ZÄÖÜ][\w.-]+)", whole):
        # "Arendsee (Altmark)", "Simmern/Hunsrück": a small town named with its region is meant as one.
        place = gazetteer.link(whole)
        if place is not None:
            return _City(place.name, place.geonames_id, place.country_code, a, a + len(whole))
    surface = re.sub(r"\s*(?:\([^)]*\)|\d+\)|\*+|\[\d+\])\s*", " ", text[a:b]).strip()
    if len(surface) < 3 or surface.endswith(".") or len(surface.split()) > 4 or not surface[:1].isupper() or country_code_for(surface):
        return None
    if gazetteer.is_region(surface) or _kind_of(surface):
        return None
    place = gazetteer.link(surface)
    if place is None or (place.population < 15_000 and not (place.population >= 1000 and _own_name(surface, gazetteer))):
        return None
    return _City(place.name, place.geonames_id, place.country_code, a, a + len(surface))


def _merged_town(name: str, gazetteer: Gazetteer) -> bool:
    """ "Ebersbach-Neugersdorf": a town merged from two small ones that GeoNames lists apart, and so
    neither of them; not a district of a big city ("Köln-Lindenthal"), which is read as the city."""
    parts = name.split("-")
    if len(parts) != 2 or not all(re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]{2,}", part) for part in parts):
        return False
    first, second = gazetteer.link(parts[0]), gazetteer.link(parts[1])
    return (first is not None and second is not None and first.country_code == second.country_code
            and first.population < _MERGED_TOWN_MAX_POPULATION and second.population >= 1000)


_MERGED_TOWN_MAX_POPULATION = 50_000


def _owner_column(text, rows, grid, body, column) -> bool:
    """A column that names each member town once, on the first of its rows: what it fills is cities
    (two at least that GeoNames knows, and the rest names: "Kernen im Remstal")."""
    filled = [k for k in body if column < len(rows[k]) and text[slice(*rows[k][column])].strip()]
    named = [k for k in filled if grid[k][column] is not None]
    filled = [k for k in filled if named and k >= named[0]]  # not the column's head above its first town
    return len(named) >= 2 and all(
        k in named or _unknown_place(text, rows[k][column]) is not None for k in filled)


def _unknown_place(text: str, span: tuple[int, int]) -> _City | None:
    """A name in a city column that the gazetteer does not know, kept by its name."""
    surface = _TOWN_TITLES.sub("", re.sub(r"\s*(?:\([^)]*\)|\d+\)|\*+)\s*", " ", text[slice(*span)]).strip())
    surface = re.sub(r",\s*(?:Stadt|Gemeinde|Markt)$", "", surface)  # a statistics table's "Seelow, Stadt"
    if re.fullmatch(r"[A-ZÄÖÜ][\w'’.-]*(?:(?<=[a-zäöüß])/[A-ZÄÖÜ][\w'’.-]*)?(?: [A-ZÄÖÜa-zäöü][\w'’.-]*){0,3}", surface) and not (
            country_code_for(surface) or _kind_of(surface)):  # not "Kinderferienlager der Partnergemeinden"
        return _City(surface, None, None, span[0], span[0] + len(surface))
    return None


def _from_tables(text: str, cities: list[_City], home: Mention | None, gazetteer: Gazetteer,
                 sections: list[tuple[int, int, Mention | None]] = ()) -> tuple[list[_Found], list[tuple[int, int]]]:
    """Rows of partnership tables: two city columns ("| Aachen | Reims | FR | 1967 |"), or one beside
    the town whose section the table stands in (a database export's "stadt: Halle" over its partners),
    else beside the home city; the year from a column of years, the kind from a column of kinds or the caption.
    Also the spans of the tables of pairs read, whose rows are no sentences to read again: a
    register's "Baumholder;Gyula;Ungarn" is not the home city's partner Gyula."""
    found, pair_tables = [], []
    abbreviations = _kind_abbreviations(text)

    def cell_kind(cell: str) -> str | None:  # "Städtepartnerschaft", or "SP" where the text explains it ("P¹" too)
        return _kind_of(cell) or abbreviations.get(cell.strip().rstrip("¹²³⁴⁵⁶⁷⁸⁹⁰*"))
    for rows, wraps in _tables(text):
        first = rows[0][0][0]
        section_home = next((town for start, end, town in sections if start <= first < end and town is not None), home)
        anchor = _home_as_city(section_home)
        above = [line for line in text[:first].split("\n") if line.strip()][-3:]
        heads = [above.pop()] if above and _column_heads(above[-1], len(rows[0])) else []  # set off by a blank line
        while any(_delimiter(line) for line in above):
            above = above[1:]  # the rows of the table before are no caption of this one
        caption = " ".join(above + heads)
        width = max(len(r) for r in rows)
        grid = [[(k in wraps and _wrapped_cell_city(text, span, wraps[k], text.rfind("\n", 0, row[0][0]) + 1, gazetteer))
                 or _cell_city(text, span, cities, gazetteer) for span in row] for k, row in enumerate(rows)]
        body = [k for k, row in enumerate(grid) if any(row)]
        # One row under column heads that name a column of towns: a record's one partner ("| name | seit |").
        single_record = (len(rows) == 2 and body == [1] and anchor is not None
                         and any(_TOWN_COLUMN_HEAD.match(text[slice(*span)]) for span in rows[0]))
        if len(body) < 2 and not single_record:
            continue
        def share(column, test):
            return sum(1 for k in body if column < len(rows[k]) and test(k, column)) / len(body)
        # Columns headed as people's: their first names may be towns too ("Sabine", "Malte", "Paul").
        people = {c for c, span in enumerate(rows[0]) if _PERSON_HEAD.match(text[slice(*span)])}
        if body[0] == 0 and people and not any(re.search(r"\d", text[slice(*span)]) for span in rows[0]):
            body = body[1:]  # "Anrede;Titel;Vorname;…;Stadt;Partnerstadt;Seit": a merge file's heads, not a row of "Titel"
        city_columns = [c for c in range(width) if c not in people and share(c, lambda k, c: grid[k][c] is not None) >= 0.6]
        # "Waiblingen  Mayenne" / "           Devizes"; also across a column of numbers: "Seelow, Stadt | 5 597 | Kostrzyn"
        owner = next((c for c in range(city_columns[0] - 1, -1, -1) if c not in people and _owner_column(text, rows, grid, body, c)),
                     None) if city_columns else None
        if owner is not None and all(not any(grid[k][c] for k in body if c < len(grid[k])) for c in range(owner + 1, city_columns[0])):
            city_columns.insert(0, owner)
        year_columns = [c for c in range(width) if share(c, lambda k, c: _first_year(text[slice(*rows[k][c])]) is not None) >= 0.5]
        # A board's "2025-05-09" in its date column is the card's; "Städtepartnerschaft seit 1958" beside it the founding.
        founding = [c for c in year_columns if share(c, lambda k, c: _SINCE_YEAR.search(text[slice(*rows[k][c])]) is not None) >= 0.5]
        year_columns = founding + [c for c in year_columns if c not in founding]
        if body[0] == 0 and year_columns and year_columns[0] < len(rows[0]) and re.fullmatch(
                r"\s*[^\W\d]+\s*", text[slice(*rows[0][year_columns[0]])]):
            body = body[1:]  # the column heads, "Weststadt | Oststadt | Vertrag": quarters' names, a word over the years
        kind_columns = [c for c in range(width) if share(c, lambda k, c: cell_kind(text[slice(*rows[k][c])]) is not None) >= 0.5]
        # The rows that name no town and no day: column heads and section rows ("| Städtefreundschaften | |"),
        # not a list of visits' "2017-06-10 | 60 Jahre Partnerschaft, Festakt im Rathaus".
        header = " ".join(text[slice(*span)] for k, row in enumerate(rows) if k not in body
                          and not any(_DAY_CELL.match(text[slice(*span)]) for span in row) for span in row)
        table_kind = _kind_of(header + " " + caption)
        if table_kind is None and any(_PARTNER_HEAD.match(text[slice(*span)]) for k, row in enumerate(rows[: body[0]]) for span in row):
            table_kind = "partnership"  # a query result's "itemLabel | partnerLabel | start": a column of partners
        if table_kind is None and not kind_columns and year_columns and anchor is not None and any(
                all(grid[k][c] is not None and _key(grid[k][c]) == _key(anchor) for k in body) for c in city_columns):
            table_kind = "partnership"  # a diagram's edges from the home town, each with its year: its partners
        # A column of sentences names towns in passing: a chronicle's "1964 | Unterzeichnung der Urkunde mit
        # Montélimar" is no register. Beside a column headed as the towns' ("city", "Partnerstadt"), it is the
        # register's description ("Das frühere Reval ist seit 1986 Partnerstadt"), and the towns are that column's.
        prose_columns = [c for c in city_columns
                         if statistics.median(len(text[slice(*rows[k][c])].split()) for k in body if c < len(rows[k])) > 6]
        if prose_columns:
            city_columns = [c for c in city_columns if c not in prose_columns]
            if body[0] == 0 or not any(c < len(rows[0]) and _TOWN_COLUMN_HEAD.match(text[slice(*rows[0][c])])
                                       for c in city_columns):
                continue
        if (table_kind is None and not kind_columns) or (len(city_columns) == 1 and anchor is None):
            if len(city_columns) == 1:  # a parade's "Poitiers | Gäste der Partnerstadt Marburg": a remark's pair
                found += _row_remarks(text, rows, grid, body, city_columns[0], cities)
            continue  # a table of something else: visits, budgets, statistics
        if not (len(city_columns) >= 2 or (len(city_columns) == 1 and anchor is not None)):
            continue
        if any(share(c, lambda k, c: grid[k][c] is not None and _inside_prose(text, rows[k][c], grid[k][c])) >= 0.5
               for c in city_columns):
            continue  # a CV's "18.07.1944   geboren in Bernburg (Saale)": the town is no column's name
        if any(share(c, lambda k, c: bool(_DISTANCE.search(text[slice(*rows[k][c])]))) >= 0.5 for c in city_columns):
            continue  # a signpost, "⟵ Hudson 6.980 km   |   Rocca di Papa 820 km ⟶": partners side by side, no pair
        first_row_end = text.find("\n", first)
        if len(city_columns) >= 2 or _delimiter(text[first : first_row_end if first_row_end >= 0 else len(text)]) in ("|", ";"):
            pair_tables.append((first, rows[-1][-1][1]))  # a delimited row is a register's, never a sentence
        # A list of grants ("Zuwendungsempfänger | Partnerkommune | Betrag EUR | Jahr"): its year column
        # is the grant's, unless its head says otherwise ("Partner seit" in a budget's table); a founding
        # year then stands in a cell of its own words ("Partnerschaft seit 1995").
        head_rows = rows[: body[0]]  # the column heads above the first row that names a town
        year_head = " ".join(text[slice(*row[year_columns[0]])] for row in head_rows
                             if year_columns and year_columns[0] < len(row))
        grants = bool(_GRANT_HEADER.search(" ".join(text[slice(*span)] for row in head_rows for span in row))) and (
            not _FOUNDING_HEAD.search(year_head))
        previous_a = None
        for k in body:
            row, spans = grid[k], rows[k]
            if len(row) < max(city_columns) + 1:
                continue
            a, b = (row[city_columns[0]], row[city_columns[1]]) if len(city_columns) >= 2 else (anchor, row[city_columns[0]])
            if a is None and len(city_columns) >= 2 and text[slice(*spans[city_columns[0]])].strip():
                a = _unknown_place(text, spans[city_columns[0]])  # a member town GeoNames lacks: its own row
                if a is None:
                    previous_a = None  # a member named, but not a place we know: not the row above's
                    continue
            a = a or previous_a  # a member city written once for its rows
            previous_a = a
            if b is None and len(city_columns) >= 2 and city_columns[1] < len(spans):
                b = _unknown_place(text, spans[city_columns[1]])  # "South Tyneside": no GeoNames city
            if a is None or b is None:
                continue
            year = None
            if grants:
                year = next((int(m.group(1)) for span in spans if (m := _SINCE_YEAR.search(text[slice(*span)]))), None)
            elif year_columns and year_columns[0] < len(spans):
                year = _first_year(text[slice(*spans[year_columns[0]])])  # "1962", "24.05.1975"
                below = rows[k + 1] if k + 1 < len(rows) and k + 1 not in body else None
                if year is None and below is not None and year_columns[0] < len(below):
                    # "Basingstoke   Vereinigtes" / "              Königreich   1981": the row's rest, wrapped
                    year = _first_year(text[slice(*below[year_columns[0]])])
            kind_cell = (_cell_with_wrap(text, spans[kind_columns[0]], wraps.get(k, []))
                         if kind_columns and kind_columns[0] < len(spans) else "")
            if not re.search(r"[^\W\d_]", kind_cell) and (stated_year := _first_year(kind_cell)) is not None:
                year = year if year is not None or grants else stated_year  # "2002": a date where the kind is
                kind_cell = ""
            row_kind = cell_kind(kind_cell) if kind_cell else None
            if year is None and not grants and (stated := re.search(r"\b(?:seit|\()\s*((?:19|20)\d\d)\b", kind_cell)):
                year = int(stated.group(1))  # "Jugendforum der Partnerstädte" / "(Partnerschaft seit 1999)"
            if len(kind_cell.split()) > _MAX_KIND_CELL_WORDS:
                # A remark that names kinds in passing: "Städtefreundschaft (keine förmliche Partnerschaft)" is a
                # friendship, "Seit 1976. Nicht zu verwechseln mit der Kooperation der Universität …" no denial of
                # the row's pair, nor does a clause that only considers one ("über eine mögliche Partnerschaft"); its
                # first sentence says whether the row is one ("Keine Partnerschaft vereinbart, …").
                bounds = _clause_bounds(kind_cell)
                row_kind = next((kind for a, b in zip(bounds, bounds[1:]) if not _HEDGE.search(kind_cell[a:b])
                                 and (kind := cell_kind(_without_denials(kind_cell[a:b])))), None)
                if row_kind is None and (cell_kind(kind_cell) is None or _only_denied(re.split(r"(?<=[.!?])\s+", kind_cell.strip())[0])):
                    continue  # a remark on something else ("Messeauftritte der Wirtschaftsförderung in Jilin")
            elif kind_cell and (row_kind is None or _only_denied(kind_cell) or _BODIES_KIND_CELL.match(kind_cell)):
                continue  # "Kontakte", "–", "Feuerwehrpartnerschaft": the register says what it is, and it is no town's
            if kind_columns and not kind_cell.strip() and _only_denied(" ".join(text[slice(*span)] for span in spans)):
                continue  # no kind, and a remark "Sondierungsgespräche 2019, keine Partnerschaft vereinbart"
            remark = next((k for span in spans[max(city_columns) + 1 :] if (k := cell_kind(_without_denials(text[slice(*span)])))), None)
            kind = row_kind or remark or table_kind or "partnership"  # "Kahla  D  1990  Städtefreundschaft" in a remarks column
            evidence = " ".join(text[spans[0][0] : spans[-1][1]].replace("|", " ").split())
            found.append(_Found(a, b, kind, 2.5 if kind_columns else 1.0, year, evidence, _CONFIDENCE["heading_list"], "table"))
    return found, pair_tables


_MAX_KIND_CELL_WORDS = 6


def _without_denials(remark: str) -> str:
    """A remark without what it denies, to the end of the clause or bracket: "Städtefreundschaft (keine förmliche
    Partnerschaft)" is a friendship, "Nicht zu verwechseln mit der Kooperation der Universität" names no kind."""
    return re.sub(_NEGATION.pattern + r"[^.;,()]*", "", remark, flags=re.IGNORECASE)


# Whose partner a remark names: "Partnerstadt Marburg", "Partnerstadt von Darmstadt", "mit Darmstadt
# verschwistert", or the genitive before the word: "Wetzlars Partnerstadt".
_REMARK_OWNER_BEFORE = re.compile(r"(?:\b[Pp]artner\w*|\bmit|\bvon)\s+(?:(?:der|dem)\s+(?:Stadt|Gemeinde)\s+)?$")
_REMARK_OWNER_AFTER = re.compile(r"s?\s+Partner")


def _column_heads(line: str, width: int) -> bool:
    """Whether a delimited line above a table, apart from it, is its column heads: as many cells, no numbers
    ("Deutsche Stadt | Französische Partnerstadt | Jahr" over a blank line and "Speyer | Chartres | 1959")."""
    delimiter = _delimiter(line)
    return delimiter is not None and len(_table_cells(line, 0, delimiter)) == width and not re.search(r"\d", line)


def _row_remarks(text: str, rows, grid, body: list[int], city_column: int, cities: list[_City]) -> list[_Found]:
    """Pairs stated in the remarks of a table of something else, between a row's town and the one
    town its remark names: a parade's "Poitiers (Frankreich) | Gäste der Partnerstadt Marburg (seit
    1961)", "Alkmaar | ebenfalls seit 1958 mit Darmstadt verschwistert". Only the remark's first
    clause is read: "Partnerstadt Wetzlars seit 1969. Die Band tritt mit Nr. 13 auf" names Wetzlar."""
    found = []
    for k in body:
        spans = rows[k]
        own = grid[k][city_column] if city_column < len(grid[k]) else None
        if own is None:
            continue
        for column, (start, end) in enumerate(spans):
            if column == city_column:
                continue
            remark = text[start:end]
            remark = remark[: re.search(r"[;.!?](?=\s)|$", remark).start()]
            kind = _kind_of(remark)
            if kind is None or _only_denied(remark) or "?" in remark:
                continue
            named = [city for city in cities if start <= city.start and city.end <= start + len(remark)]
            if len(named) != 1 or _key(named[0]) == _key(own) or _excluded(text, start, named[0], named):
                continue  # "Partnerschaft mit dem Stamm Gießen-Wieseck": a scout troop's
            if not (_REMARK_OWNER_BEFORE.search(text[start : named[0].start])
                    or _REMARK_OWNER_AFTER.match(text, named[0].end)):
                continue  # "Delegation aus Yorktown, Partnerstadt seit 2005": the row's town is no partner of it
            evidence = " ".join(text[spans[0][0] : spans[-1][1]].replace("|", " ").split())
            found.append(_Found(own, named[0], kind, 1.5, _first_year(remark), evidence, _CONFIDENCE["two_cities"], "table"))
    return found


_DISTANCE = re.compile(r"\d\s?km\b")
_DAY_CELL = re.compile(r"\s*(?:(?:19|20)\d\d-\d\d-\d\d|\d{1,2}\.\d{1,2}\.(?:19|20)\d\d)\s*$")  # "2017-06-10", "10.06.2017"
# A list of abbreviations: "SP     Städtepartnerschaft", "PV = Partnerschaftsvertrag", "KV: Kooperationsvereinbarung".
_ABBREVIATION_LINE = re.compile(r"^[ \t]*(?:[A-ZÄÖÜ][a-zäöü]+:[ \t]*)?"  # also a legend's "Art: P = Partnerschaft"
                                 r"((?=[A-ZÄÖÜ][a-z]?[A-ZÄÖÜ])[A-ZÄÖÜ][A-Za-zÄÖÜ]{1,4}(?=[ \t]{2,}|\t|[ \t]*[=:])|[A-ZÄÖÜ](?=[ \t]*=))"
                                 r"(?:[ \t]{2,}|\t|[ \t]*[=:][ \t]*)(\S[^\n]*)$", re.M)


def _kind_abbreviations(text: str) -> dict[str, str]:
    """The kinds a document's list of abbreviations explains, so that a table's "SF" reads as a friendship."""
    return {match.group(1): kind for match in _ABBREVIATION_LINE.finditer(text)
            if len(match.group(2)) < 60 and (kind := _kind_of(match.group(2)))}
# The head of a column of partners in an export or a register: "partner", "partnerLabel", "Partnerstadt",
# "twinned administrative body", "sister_city".
_PARTNER_HEAD = re.compile(r"\W*(?:\w+\.)*(?:partner(?:[._]?(?:label|name|city|town|stadt|gemeinde))?|twin(?:ned|_?town|_?city)\b.*|"
                           r"sister[ _]?cit(?:y|ies))\W*$", re.IGNORECASE)
# The head of a column of towns.
_TOWN_COLUMN_HEAD = re.compile(r"\W*(?:\w+\.)*(?:partner\w*|city|town|name|ort|stadt|städte|kommune|gemeinde)\W*$",
                               re.IGNORECASE)
# The head of a column of people.
_PERSON_HEAD = re.compile(r"\W*(?:Vorname|Nachname|Familienname|Rufname|Anrede|Titel|Ansprechpartner\w*|Kontaktperson|"
                          r"first[ _]?name|last[ _]?name|given[ _]?name|surname)\W*$", re.IGNORECASE)
_GRANT_HEADER = re.compile(r"\b(?:Betrag|Fördersumme|Zuwendung\w*|Bewilligung\w*)\b|\bEUR\b|€")
_FOUNDING_HEAD = re.compile(r"seit|Gründ|Beginn|Partnerschaft|Freundschaft|Vertrag|Urkunde", re.IGNORECASE)


def _inside_prose(text: str, span: tuple[int, int], city: _City) -> bool:
    """Whether words precede the cell's town: "nach Nowomoskowsk", not "Reims" or "Stadt Reims"."""
    if not span[0] <= city.start <= span[1]:
        return False
    before = _FOREIGN_TOWN_TITLE.sub("", text[span[0] : city.start])  # "Ville de Vihiers", "Comune di Dueville": a title
    return bool(re.search(r"(?<![\w-])[a-zäöüß]{2,}", before))


_FOREIGN_TOWN_TITLE = re.compile(r"\b(?:Ville|Commune|Comune|Città|City|Town|Gmina|Miasto|Municipio)\s+(?:de|d['’]|di|of|du)?")


_NAME_LINKS = frozenset("am an der die den des de du la le les sur upon on di del na nad y e bei im in ob".split())


def _looks_like_name(line: str) -> bool:
    """A short line of capitalised words, as an unknown place name in a list: "Pays des Herbiers"."""
    words = line.strip().split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() or w in _NAME_LINKS for w in words) and not _kind_of(line)


def _year_above(lines: list[_Line], i: int) -> int | None:
    """The year of a line right above item ``i`` that holds only that year ("1948")."""
    if i == 0 or lines[i - 1].kind != "attribute":
        return None
    match = _YEAR.fullmatch(lines[i - 1].text.strip())
    return int(match.group(1)) if match else None


def _attribute_lines(lines: list[_Line], i: int) -> list[str]:
    """The year or rating lines below item ``i``.

    One blank line may stand between: a slide's city name is set larger than
    its year, and text extracted from the PDF then separates them as two
    paragraphs ("Herzliya" / "" / "2011").
    """
    out = []
    blank_run = 0
    for line in lines[i + 1 :]:
        if line.kind == "blank":
            blank_run += 1
            if blank_run > 1 or out:
                break
            continue
        if line.kind != "attribute":
            break
        blank_run = 0
        if line.text.strip():
            out.append(line.text.strip())
    return out


# Sentences about a partnership that has stopped or paused: their year is not its start.
_SUSPENDED = re.compile(r"\b(?:ruht|ruhen|geruht|ausgesetzt|eingefroren|beendet|aufgekündigt|gekündigt)\b", re.I)


def _description(lines: list[_Line], i: int) -> tuple[int | None, str | None]:
    """The founding year and, if it names one, the specific kind stated in the paragraph that
    describes list item ``i`` ("Seit 2010 verbindet Trier eine Städtefreundschaft mit ...").

    City pages introduce each partner with its name on a line and a short
    paragraph below ("Eskilstuna (Schweden)" / "... Der Partnerschaftsvertrag
    wurde 1961 ... unterzeichnet."). Only sentences about the partnership
    itself count, and not those saying it rests ("Seit 2022 ruhen ...").
    """
    paragraph = []
    for line in lines[i + 1 :]:
        if line.kind == "attribute" or (line.kind == "blank" and not paragraph):
            continue  # a web page's blank line between a partner's name and its paragraph
        if line.kind != "prose":
            break
        paragraph.append(line.text.strip())
    text = " ".join(paragraph)
    for k, sentence in enumerate(re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", text)):
        if _SUSPENDED.search(sentence):
            continue
        if not (_FOUNDING.search(sentence) or _kind_of(sentence) or re.search(r"\bverbunden\b", sentence)
                or (k == 0 and re.match(r"Seit\s+(?:dem\s+Jahr\s+)?\d{4}\b", sentence))):
            continue  # the paragraph's opening "Seit 1995." dates its item
        year = _sentence_year(sentence, 0, len(sentence))
        if year is not None:
            named = _NAMED_KIND.search(sentence)
            return year, _kind_of(named.group()) if named else None
    return None, None


# Words in an item's description that name its kind outright; a bare "Zusammenarbeit" there
# may be of anything ("Teil der grenzüberschreitenden Zusammenarbeit").
_NAMED_KIND = re.compile(
    r"Städtefreundschaft|Freundschaftsvertrag|Freundschaftsvereinbarung|Kooperationsvereinbarung|Kooperationsvertrag|"
    r"Projektpartnerschaft|Klimapartnerschaft|Solidaritätspartnerschaft|Kooperationsstadt"
)


# A cooperation named by its purpose ("Entwicklungszusammenarbeit", "Wirtschaftszusammenarbeit").
_PURPOSE_COOPERATION = re.compile(r"\w+zusammenarbeit", re.IGNORECASE)


def _first_year(text: str) -> int | None:
    """The first year of an item's line or attributes, also of a date: "seit 03.10.1990"."""
    match = _YEAR.search(text or "") or _DATE_YEAR.search(text or "")
    return int(match.group(1)) if match else None


_DATE_YEAR = re.compile(r"(?<![\w.])\d{1,2}\.\s?\d{1,2}\.\s?(1[89]\d\d|20\d\d)(?!\w)")


# --- sentences --------------------------------------------------------------------------------

_ABBREVIATIONS = re.compile(
    r"(?:\b(?:z\.\s?B|v\.\s?a|u\.\s?a|d\.\s?h|bzw|ca|Nr|Dr|Prof|St|Str|vgl|inkl|ggf|evtl|e\.\s?V|"
    r"Jh|Mio|Mrd|Abs|Art|bzgl|usw|etc|sog|[A-ZÄÖÜ])|(?<![\d/])\d{1,2}|(?<=\d\./)\d{1,2})$"
)  # a day's number ("am 7. Mai", "7./8. Mai"), not a file's ("Akten 0341/7. Trient ...")


# A chronicle's entry: its date, then a column gap or a dash before a capital. "1964         Unterzeichnung
# der ...", "1972–1975\tIm Zuge ...", "1975 – Beginn der Freundschaft mit ..." (not "1990 – noch vor der ...").
_CHRONICLE_ENTRY = re.compile(
    r"\s*(?:um\s+|ca\.\s+)?(?:1\d|20)\d\d(?:\s*[/–-]\s*\d{2,4})?(?:(?:\t|[ ]{2,})\s*\S|\s+[–-]\s+[A-ZÄÖÜ0-9])")

# An enumerated item opening a line of prose: "a) Partnerschaft mit Bitche ...;", "(2) Die Stadt ...".
_ENUMERATED = re.compile(r"\s*(?:[a-z]\)|\([a-z0-9]{1,2}\))\s+\S")
# Capitals that may open a sentence, also of foreign names: "... und umgekehrt. Čáslav ist ...".
_UPPER = "A-ZÄÖÜÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŲŹŻŽ"


# A lexicon entry's fields, each after a dash: "... 86 km². – Gesch.: 836 erstm. gen. ... – Partnerst.: Kortrijk".
_FIELD_DASH = re.compile(r"(?<=[.)\]])\s[–—]\s+(?=[A-ZÄÖÜ][\wäöüß.-]{1,24}:)")
# A signature's or an infobox's fields: "Wismar – UNESCO-Welterbe seit 2002 | Partnerstädte Kalmar (Schweden)".
# Not a chronicle's column ("1971  | Die Stadt Ratzeburg ...") nor a table's row ("| Granada | Nicaragua | 1991 |").
_FIELD_BAR = re.compile(r"(?<=\S) \| (?=\S)")


def _table_row(text: str, position: int) -> bool:
    """Whether the line at ``position`` is a pipe table's row, whose bars separate cells, not fields."""
    line = text[slice(*_line_bounds(text, position))].strip()
    return line.startswith("|") or line.endswith("|")


# A footnote's line at the foot of a page: "¹³⁰ StadtA Kempten, Akten Hauptamt 0341/7.", "[4] Ebd., S. 12."
_FOOTNOTE_LINE = re.compile(r"\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,4}|\[\d{1,3}\])\s")


def _sentences(text: str, lines: list[_Line]) -> list[tuple[int, int, bool]]:
    """(start, end, new_paragraph) of each sentence of prose, bullets and headings; list items are skipped.

    Prose lines are joined into paragraphs (PDFs wrap lines), then split after
    ".", "!", "?" or ";" before a capital, except after abbreviations and day
    numbers ("am 1. August", "z. B. Krakau").
    """
    blocks: list[tuple[int, int, bool]] = []  # (start, end, whether it opens a paragraph)
    current: list | None = None
    for line in lines:
        end = line.start + len(line.text)
        if line.kind == "prose":
            item = current is not None and bool(_ENUMERATED.match(line.text)) and text[current[0] : current[1]].rstrip().endswith(
                (".", ";", "!", "?"))
            field = current is not None and bool(_CARD_LABEL.match(line.text)) and not re.search(
                r"[-,]$|\b[a-zäöüß]+$", text[current[0] : current[1]])  # "Note: ..." after a line that ends
            row = line.text.lstrip().startswith("|") and line.text.rstrip().endswith("|")
            if current is not None and (_CHRONICLE_ENTRY.match(line.text) or item or _FOOTNOTE_LINE.match(line.text) or field or row):
                # each dated entry of a chronicle is its own statement, so is each item "a)", "(3)" after one
                # that ends ("...;" / "b) ..."), not one that goes on ("mit" / "a) Würzburg (seit 1988) und");
                # an item goes on with the paragraph it belongs to; a footnote ("¹³⁰ StadtA Kempten ...") is its own,
                # and so is a record's field ("Note: ...") after a line that ends, and a table's row of prose
                # (an issue's notes: "| 90177 | k.schulz | ... | Die Großsegler aus Klaipėda ... |")
                blocks.append(tuple(current))
                current = [line.start, end, not item]
            if current is None:
                current = [line.start, end, True]
            else:
                current[1] = end
            continue
        if current is not None:
            blocks.append(tuple(current))
            current = None
        if line.kind in ("heading", "bullet"):
            blocks.append((line.start, end, True))
    if current is not None:
        blocks.append(tuple(current))
    sentences = []
    for start, end, first in blocks:
        cursor = start
        cuts = [start + m.start() + 1 for m in _FIELD_DASH.finditer(text[start:end])]
        cuts += [start + m.start() + 1 for m in _FIELD_BAR.finditer(text[start:end]) if not _table_row(text, start + m.start())]
        # Also after a footnote mark, a wiki's or a paper's glued number: "... vereinbart wurde.[4] Eine
        # Projektpartnerschaft ...", "... zustande kam.12 Anders als ..."
        for match in re.finditer(r"[.!?;:](?:\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}|(?<=[a-zäöüßéèêëàâôûç)\"“”][.!?])\d{1,3}(?=\s+[„\"A-ZÄÖÜ]))?"
                                 rf"(?=\s+[„\"{_UPPER}0-9])", text[start:end]):
            cut = start + match.end()
            mark = match.group()[0]
            if mark == ":":
                continue
            point = start + match.start()
            if mark == ";" and ":" in text[cursor:point]:
                continue  # "hat Weinheim drei Partner: Cavaillon ... seit 1958; Imola ... seit 1985; und Ramat Gan"
            if mark == "." and _ABBREVIATIONS.search(text[max(start, point - 7) : point]):
                continue
            cuts.append(cut)
            cursor = cut
        cursor = start
        for cut in sorted(cuts):
            sentences.append((cursor, cut, first))
            first = False
            cursor = cut
        sentences.append((cursor, end, first))
    return [(s, e, p) for s, e, p in sentences if text[s:e].strip()]


# A county named by its title alone: "den Landkreis", "unser Kreis" (not "der Landkreis Görlitz", a name).
_THE_COUNTY = re.compile(r"\b(?:der|den|dem|des|unser(?:e[mnrs]?)?|(?P<opening>Der|Den|Dem|Des|Unser(?:e[mnrs]?)?))\s+(?:Land)?[Kk]reis(?:es)?\b(?!\s+[A-ZÄÖÜ])")


_OUR_PARTNER = re.compile(r"\s*(?:Unsere|Ihre|Seine)\s+(?:[\w-]+\s+)?Partner(?:stadt|städte|gemeinde)\b")
_TOWN_WORD_SUBJECT = re.compile(
    r"\s*(?:Die|Diese)\s+(?:Hanse|Kreis|Universitäts|Landeshaupt|Haupt|Grenz|Bischofs|Residenz|Kur)?(?:stadt|Stadt|Gemeinde)\b(?!\s+[A-ZÄÖÜ])")  # not "Die Stadt Bad Kissingen"


def _from_sentences(
    text: str, lines: list[_Line], cities: list[_City], home: Mention | None, gazetteer: Gazetteer,
    *, town_section: bool = False, county: Mention | None = None,
) -> list[_Found]:
    """Partnerships stated in sentences: "zwischen A und B", pair lists, a subject city and its partners.

    In a town's section of a brochure (``town_section``) every paragraph continues the subject of
    its partnerships: "BENSHEIM" / "Den Anfang machte hier das burgundische Beaune: 1961 ...".
    A county's own brochure (``county``, then no ``home``) is the subject where a sentence names it
    by its title: "Seit 2009 verbindet den Landkreis eine Kreispartnerschaft mit dem Powiat Zgorzelecki"."""
    base_anchor = _home_as_city(home)
    county_anchor = _home_as_city(county)
    found: list[_Found] = []
    previous_vocab = section_vocab = False
    carried: _City | None = None
    cities = sorted(cities, key=lambda c: c.start)
    city_starts = [c.start for c in cities]
    lone: tuple[str, _City] | None = None  # the one city of the last sentence, which named no partnership
    lone_heading = False  # whether that sentence is a heading, whose paragraph below may speak of it
    heading_starts = {line.start for line in lines if line.kind == "heading"}
    named_before: _City | None = None  # the one city the last sentence of the paragraph named
    opened_before = False  # and whether that sentence opened with it as its subject
    sections = _partnership_sections(lines) if home is not None else []
    section_starts = [position for position, _ in sections]
    for start, end, new_paragraph in _sentences(text, lines):
        sentence = text[start:end]
        the_county = _THE_COUNTY.search(sentence)
        # a sentence that opens with "Der Landkreis" is the county's where it names a county as partner:
        # "Der Landkreis unterhält eine Partnerschaft mit dem Powiat Policki", not "... (Geschäftsstelle in Zittau)"
        by_title = base_anchor is None and county_anchor is not None and the_county is not None and (
            not the_county.group("opening") or _COUNTY.search(sentence, the_county.end()) is not None)
        anchor_home = county_anchor if by_title else base_anchor
        if new_paragraph:
            # Under "3. Partnerstädte" / "3.1 Europa", a paragraph goes on with the heading's subject:
            # "Mit Swansea (seit 1957) fand die Jugendbegegnung statt."
            section = bisect.bisect_right(section_starts, start) - 1
            previous_vocab, carried = (section >= 0 and sections[section][1]) or town_section, None
            section_vocab = previous_vocab
        first = bisect.bisect_left(city_starts, start)
        last = bisect.bisect_right(city_starts, end)
        in_sentence = [c for c in cities[first:last] if c.end <= end]
        in_sentence = _add_missing_cities(text, sentence, start, in_sentence, gazetteer)
        # "Fangen wir in Greifswald an. Die Hansestadt hat seit 1990 die schwedische Partnerstadt Lund":
        # without a home city, the town the sentence before named is what "Die Hansestadt" stands for.
        subject_before = named_before if not new_paragraph and (
            _TOWN_WORD_SUBJECT.match(sentence) or (opened_before and _OUR_PARTNER.match(sentence))) else None
        named_before = in_sentence[0] if len(_distinct(in_sentence)) == 1 else None
        # "Rostock liegt an der Ostsee. Unsere Partnerstadt Stettin ist nicht weit weg": the town that opened
        # the sentence before is the one "unsere" speaks for
        opened_before = named_before is not None and re.fullmatch(r"\s*", text[start : named_before.start]) is not None and (
            re.match(r"\s+[a-zäöüß]", text[named_before.end : named_before.end + 3]) is not None)
        kind = _kind_of(sentence)
        if kind is None and (
            _LINKED_TO_TOWNS.search(sentence) or _BOND_BETWEEN.search(sentence) or _linked_with_a_city(text, sentence, in_sentence)
        ):
            kind = "partnership"  # "Reutlingen ist mit sieben Städten in aller Welt verbunden."
        if kind is not None and (_only_denied(sentence) or _YES_NO_QUESTION.match(sentence) or _TRUE_OR_FALSE.match(sentence)
                                 or _TICK_BOXES.search(sentence)
                                 or _WHICH_QUESTION.search(sentence)):
            kind = None  # "Hochschulpartnerschaften mit Lyon und Krakau; diese sind keine Städtepartnerschaften."
        continuation = kind is None and previous_vocab and not _NOT_MUNICIPAL.search(sentence.casefold()) and (
            _CONTINUATION.match(sentence.strip())
            or re.search(r"\(\s*(?:[A-ZÄÖÜ][\wäöü.-]+,\s*)?(?:seit\s+)?(?:1[89]|20)\d\d\s*\)", sentence)  # "Oulu (Finnland, seit 1968)"
            or re.search(r"\bverbunden\b", sentence)  # "Mit Netanja ist Gießen seit 1978 verbunden."
            or _THE_BOND.match(sentence)  # "Die älteste deutsch-deutsche Verbindung ist die mit Mainz, 1988 ..."
            or re.search(r"\b(?:Vertrag|Verträge|Urkunde)\b", sentence)  # "Karlsruhe schloss einen Vertrag mit Halle"
            or _ENUMERATED.match(sentence)  # "c) Farnham (Grafschaft Surrey) seit 1988;"
            or (_DATED_NAME_FIRST.match(sentence.strip()) and len(_SINCE_YEAR.findall(sentence)) >= 2)  # "Nancy seit 1955, Nottingham seit 1969, ..."
        ) or (kind is None and (_dated_pair_list(text, in_sentence) or _dated_colon_pairs(text, in_sentence)
                                or (_PAIRS_COLON.search(sentence) and len(in_sentence) >= 4)))
        if new_paragraph and not lone_heading:
            lone = None
        # A panel's heading with its partner, then a paragraph that speaks of "the" partnership: "Tafel 2 -
        # Sarajevo (1977)" / "Die älteste Partnerschaft der Stadt entstand ...", "Tafel 5 - Nashville" / "Die
        # Verbindung in die Hauptstadt von Tennessee wurde im Jahr 2003 besiegelt."
        of_the_heading = lone_heading and new_paragraph and (
            kind is not None or (_THE_BOND.match(sentence) and _FOUNDING.search(sentence)))
        if (kind is not None or of_the_heading) and not in_sentence and lone is not None and _THE_PARTNERSHIP.match(sentence):
            # "... reiste eine Delegation nach Zhenjiang. Die 2004 geschlossene Partnerschaft soll ..."
            previous_sentence, city = lone
            year = _sentence_year(text, start, end)
            if year is None and of_the_heading and len(heading_years := _YEAR.findall(previous_sentence)) == 1:
                year = int(heading_years[0])
            found.append(_Found(anchor_home, city, kind or "partnership", 2.0, year,
                                " ".join((previous_sentence + " " + sentence).split()),
                                _CONFIDENCE["continuation"], "continuation"))
        lone, lone_heading = None, False
        if kind is None and not continuation:
            lone_partners = [c for c in _distinct(in_sentence) if anchor_home is None or _key(c) != _key(anchor_home)]
            # a trip there may be how it began: "... Hilfstransporte nach Vatra Dornei. Daraus erwuchs 1994 die ..."
            if anchor_home is not None and len(lone_partners) == 1 and (
                    not _excluded(text, start, lone_partners[0], in_sentence)
                    or text[max(0, lone_partners[0].start - 5) : lone_partners[0].start] == "nach "):
                lone, lone_heading = (sentence, lone_partners[0]), start in heading_starts
            dates_previous = previous_vocab and not in_sentence and _FOUNDING.search(sentence)
            if dates_previous:
                _date_previous(found, sentence)  # "Die beiden Städte hatten den Vertrag 1987 unterzeichnet."
            elif not in_sentence and found and found[-1].year is None and (opening := _DATE_OPENING.match(sentence)) and (
                    0 <= (named_at := text.rfind(found[-1].evidence[:40], 0, start)) and start - named_at <= _RECORD_GAP):
                # a register's record, then its description: "Partnerstadt: Haifa" / "Seit 1978. Bürgerbegegnungen ..."
                found[-1].year = int(opening.group(1))
            # "Sie wurde 1962 besiegelt." still speaks of the partnership: "Hinzu kommen ..." goes on with it.
            # Under a partnership heading, a sentence that names no town does not end the subject: "Ich habe den
            # Abschnitt mal entrümpelt. Stand jetzt laut Stadtseite: Oulu (Finnland, seit 1968), ..."
            previous_vocab = bool(dates_previous) or (section_vocab and not in_sentence)
            if not dates_previous:
                carried = None
            continue
        denied = {_key(c) for c in in_sentence if _denied(sentence, c.start - start)}
        partners = [c for c in in_sentence if not _excluded(text, start, c, in_sentence) and _key(c) not in denied]
        town_colon_partner = _colon_pairs(text, partners)
        if town_colon_partner:
            # "Lampertheim: Ebreichsdorf in Niederösterreich (1998); Lorsch: Nivelles, Belgien (seit 1986)"
            for a, b, year in town_colon_partner:
                found.append(_Found(a, b, kind or "partnership", 2.0, year, " ".join(sentence.split()),
                                    _CONFIDENCE["pair_list"], "colon"))
            previous_vocab, carried = True, None
            continue
        results, subject = [], None
        for clause_start, clause_end, clause_partners in _clauses(text, start, end, partners):
            clause_results, subject = _pairs_in_sentence(
                text, clause_start, clause_end, clause_partners, anchor_home,
                carried or subject_before, continuation
            )
            results += clause_results
        entry_year = _chronicle_year(text, start, sentence)
        if entry_year is not None:
            # "12.06.1971" / "Im Stadtgarten wird die Partnerschaftsurkunde mit Barnsley unterzeichnet."
            results = [(a, b, rule, entry_year if year is None else year) for a, b, rule, year in results]
        same_year = re.search(r"\bim\s+(?:gleichen|selben)\s+Jahr\b(?!\s+(?:1[89]|20)\d\d)", sentence)
        if same_year and found and found[-1].year is not None:
            # "Münster und Lublin folgten im gleichen Jahr.": the year of the pair before
            results = [(a, b, rule, found[-1].year if year is None else year) for a, b, rule, year in results]
        for a, b, rule, year in results:
            pair_kind = _converted_kind(sentence) or _nearest_kind(text, start, end, b, [r[1] for r in results]) or "partnership"
            if a.district or b.district:
                pair_kind = "district_partnership"
            elif anchor_home is not None and _key(a) == _key(anchor_home) and any(
                    not _foreign_district(sentence[: m.start()], anchor_home.name) for m in _DISTRICT_NAMED.finditer(sentence)):
                # "Der Stadtbezirk Möhringen ist mit Mittweida verbunden.", not a partner's "Bunkyō, ein Stadtbezirk Tokios"
                pair_kind = "district_partnership"
            confidence = _CONFIDENCE[rule]
            if pair_kind == "cooperation" and re.search(r"zusammenarbeit|kooperation\b", sentence, re.I):
                confidence -= _COOPERATION_PENALTY
            found.append(_Found(a, b, pair_kind, 2.0, year, " ".join(sentence.split()), confidence, rule))
        if not results and (not partners or (_BOTH.match(sentence) and all(
                c.district or (anchor_home is not None and _key(c) == _key(anchor_home)) for c in partners))):
            _date_previous(found, sentence)  # also "Beide Partnerschaften wurden 1994 vom Bezirk Pankow begründet"
        previous_vocab = kind is not None or bool(continuation)
        carried = None if _ENUMERATED.match(sentence) else subject  # an item's subject is not the next item's
    return found


# A chronicle's entry date on a line of its own: "1976", "05.10.1991", "12. Juni 1971", "1965:".
_ENTRY_DATE = re.compile(
    r"[ \t]*(?:\d{1,2}\.\s?(?:\d{1,2}\.|[A-ZÄÖÜ][a-zä]+)\s?)?((?:1[89]|20)\d\d)[ \t]*:?[ \t]*")
# A chronicle tells in the present: "schließen eine Städtefreundschaft", "vereinbaren eine Projektpartnerschaft".
_FOUNDING_NOW = re.compile(r"\b(?:schließen|schließt|vereinbaren|vereinbart|unterzeichnen|besiegeln|gründen|begründen|Unterzeichnung)\b")
_BECOMES_PARTNER = re.compile(r"\b(?:wird|werden|wurde|wurden)\s+(?:[\w-]+\s+){0,2}Partner(?:stadt|städte|gemeinde)\b")


def _chronicle_year(text: str, start: int, sentence: str) -> int | None:
    """The date heading a chronicle's entry, for a sentence of that entry that states a founding
    ("Unterzeichnung der Städtepartnerschaft mit Székesfehérvár.", "Antibes wird Partnerstadt")
    and names no year of its own."""
    if _YEAR.search(sentence) or _DATE_YEAR.search(sentence):
        return None
    if not (_FOUNDING.search(sentence) or _BECOMES_PARTNER.search(sentence) or _FOUNDING_NOW.search(sentence)):
        return None
    paragraph_start = text.rfind("\n\n", 0, start)
    paragraph_start = 0 if paragraph_start < 0 else paragraph_start + 2
    lines = text[paragraph_start:start].split("\n")
    candidates = [lines[0]] if len(lines) > 1 else []
    if paragraph_start >= 2:
        candidates.append(text[: paragraph_start - 2].rsplit("\n", 1)[-1])  # "1976" / "" / "Die ... Stadt"
    for line in candidates:
        match = _ENTRY_DATE.fullmatch(line)
        if match:
            return int(match.group(1))
    return None


def _colon_pairs(text: str, cities: list[_City]) -> list[tuple[_City, _City, int | None]]:
    """Towns each followed by a colon and its partner: "Lampertheim: Ebreichsdorf (1998); Lorsch: Nivelles"."""
    pairs = []
    for a, b in zip(cities, cities[1:]):
        if re.fullmatch(r"(?:\s*\([^()]{1,30}\))?\s*:\s*", text[a.end : b.start]) and (
                a.start == 0 or re.search(r"(?:^|[;\n]|\bund)\s*$", text[max(0, a.start - 6) : a.start])):
            tail = re.match(r"[^;\n]*", text[b.end :]).group()
            pairs.append((a, b, _segment_year(tail)))
    return pairs if len(pairs) >= 2 else []


def _dated_colon_pairs(text: str, cities: list[_City]) -> bool:
    """Two or more towns, each with its dated partner after a colon: "Lampertheim: Ebreichsdorf (1998);
    Lorsch: Nivelles, Belgien (seit 1986)". Such a list states partnerships without a partnership word."""
    colon_pairs = _colon_pairs(text, cities)
    return len(colon_pairs) >= 2 and all(year is not None for _, _, year in colon_pairs)


def _dated_pair_list(text: str, cities: list[_City]) -> bool:
    """Two or more pairs, each with its year: "Kiel und Gdingen (1985), Wiesbaden und Breslau (1987)".
    Such a list states partnerships without a partnership word of its own."""
    pairs = _adjacent_pairs(text, cities, _UND_GAP)
    dated = [b for _, b in pairs if re.match(r"\s*\(\s*(?:beide\s+|seit\s+)?(?:1[89]|20)\d\d\s*\)", text[b.end : b.end + 20])]
    return len(pairs) >= 2 and len(dated) >= 2


# A sentence that speaks of "the" partnership of the city just named.
_THE_PARTNERSHIP = re.compile(
    r"\s*(?:(?:Die|Diese)\s+(?:[\w-]+\s+){0,3}(?:Städte)?(?:[Pp]artnerschaft|[Ff]reundschaft|Verbindung)\b"
    r"|(?:Daraus|Hieraus)\s+(?:erwuchs|entstand|entwickelte\s+sich|wurde)\b[^.;]*?[Pp]artnerschaft\b)"
)  # "Die Freundschaft mit dem ungarischen Kurort ...", "Daraus erwuchs 1994 die Städtepartnerschaft"
_THE_BOND = re.compile(r"\s*(?:Die|Diese)\s+(?:[\w-]+\s+){0,2}(?:Verbindung|Beziehung)\b")
_SECTION_NUMBER = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})*)\.?\s+\S")
_CONTINENTS = frozenset("europa afrika asien amerika nordamerika südamerika lateinamerika ozeanien australien nahost".split())


def _partnership_sections(lines: list[_Line]) -> list[tuple[int, bool]]:
    """(start, about partnerships) for each heading: whether the section it opens is about the
    home city's partnerships ("3. Partnerstädte", and its subsections "3.1 Europa", "Asien")."""
    sections: list[tuple[int, bool]] = []
    stack: list[tuple[int, bool]] = []  # (level, about partnerships) of the open headings
    for line in lines:
        if line.kind == "rule":  # "______" above footnotes or between cards closes the section
            stack.clear()
            sections.append((line.start, False))
            continue
        if line.kind != "heading":
            continue
        heading = line.text.strip()
        number = _SECTION_NUMBER.match(heading)
        level = number.group(1).count(".") + 1 if number else None
        words = re.findall(r"[\wäöüß]+", heading[number.end() - 1 :] if number else heading)
        regional = len(words) <= 2 and all(w.casefold() in _CONTINENTS or country_code_for(w) for w in words)
        if level is not None:
            while stack and stack[-1][0] >= level:
                stack.pop()
        elif not regional:
            stack.clear()
        inherited = bool(stack) and stack[-1][1]
        about = _kind_of(heading, _HEADING_STEMS) is not None or ((regional or level is not None) and inherited)
        stack.append((level or 1, about))
        sections.append((line.start, about))
    return sections


# A city "linked with" a number of towns states its partnerships without naming the word.
_LINKED_TO_TOWNS = re.compile(
    r"\bmit\s+(?:\w+\s+){0,2}(?:Städten|Kommunen|Gemeinden|Orten)\b[^.;]{0,60}\bverbunden\b", re.IGNORECASE
)
# "die Verbindung zwischen Göttingen und Pößneck", "Die Verbindung zu Moers geht auf ... zurück":
# a bond between two towns, as a whole word (a "Bahnverbindung" is none).
_BOND_BETWEEN = re.compile(r"\b(?:Verbindung|Bindung)\s+(?:zwischen|zu|mit)\s")
# A clause that denies or only considers a partnership: "ist keine Partnerstadt",
# "eine Partnerschaft mit Brünn entstand daraus nicht", "prüft derzeit eine Partnerschaft".
_NEGATION = re.compile(
    r"\b(?:kein|keine|keinen|keinem|keiner|nichts|nie|niemals|"
    r"nicht(?!\s+(?:nur|zuletzt|allein|immer|selten|minder|weniger|ohne|weit|fern|mehr\s+wegzudenken)\b))\b",
    re.IGNORECASE,
)
_ANSWER_NO = re.compile(r"\s*(?:(?:A|Antwort)\s*:\s*)?Nein\b")
_HEDGE = re.compile(
    r"\b(?:prüft|prüfen|geprüft|Prüfung|Anfrage|angefragt|erwägt|erwägen|erwogen|sondiert|sondieren|"
    r"vergeblich|erfolglos|gescheitert|scheiterte|abgelehnt(?=[\s.!]*$)|lehnten?\s[^.;:]*?\bab(?=[\s.!]*$)|Überlegung|Überlegungen|künftige|künftigen|Absichtserklärung|"
    r"ob|"
    r"mögliche|möglichen|möglicher|"
    r"denkbare|denkbaren|Gespräche\s+(?:(?:mit|zwischen)\s+[^.,;]{0,60}?)?über|erste\s+Gespräche|laufen\s+noch|"
    r"über\s+eine\s+[^.,;]{0,60}?\b(?:diskutiert|debattiert|nachgedacht)|steht\s+(?:noch\s+)?aus|sucht\s+\w+\s+noch|Interesse\s+an)\b",
    re.IGNORECASE,
)


def _clause_bounds(sentence: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"[,;]|\s[–-]\s", sentence)] + [len(sentence) + 1]


_HEARSAY = re.compile(r"\b(?:behauptet|Gerücht\w*|angeblich)\b", re.IGNORECASE)
# "mit Lübben – und nicht, wie oft behauptet, mit Wandlitz": the hearsay is what the sentence corrects.
_HEARSAY_DENIED = re.compile(r"\b(?:nicht|anders\s+als)\s*,?\s+wie\s+(?:\w+\s+)?behauptet\b", re.IGNORECASE)


# A question asks, it does not state: "Ist Albstadt mit Tübingen verschwistert?" (a chat, an FAQ).
# So does a statement with a question tag: "Lübeck und Wismar waren doch auch Partnerstädte, oder?"
_YES_NO_QUESTION = re.compile(r"\s*(?:[\w-]+:\s+)?(?:Ist|Sind|Hat|Haben|Gibt|Gab|War|Waren|Besteht|Bestehen|Bestand|Pflegt|Pflegen)\s[^.!]*\?\s*$"
                              r"|[^.!?]*,\s*(?:oder|oder\s+nicht|nicht\s+wahr|gell|ne)\s*\?\s*$")


def _only_denied(sentence: str) -> bool:
    """Whether every clause that uses a partnership word denies or only considers it."""
    bounds = _clause_bounds(sentence)
    clauses = [sentence[a:b] for a, b in zip(bounds, bounds[1:])]
    with_kind = [c for j, c in enumerate(clauses)
                 if _kind_of(c) and not (j + 1 < len(clauses) and _corrected(clauses[j + 1]))]
    if with_kind and _HEARSAY.search(sentence) and not _HEARSAY_DENIED.search(sentence):
        return True  # "In sozialen Netzwerken wird behauptet, auch Rostow am Don sei Partnerstadt."
    return bool(with_kind) and all(_NEGATION.search(c) or _HEDGE.search(c) for c in with_kind)


# A negation the next clause corrects in a detail, not in the partner: "besteht nicht seit 1986, sondern seit
# 1968", "ist keine Städtepartnerschaft, sondern eine Städtefreundschaft" (not "..., sondern ein Kulturaustausch").
_CORRECTION = re.compile(r"\s*sondern\s+(?:seit|im\s+Jahr(?:e)?|erst|schon|bereits|eine?)?\s*"
                         r"(?:(?:1[89]|20)\d\d|\w*(?:partnerschaft|freundschaft|kooperation)\w*)\b", re.IGNORECASE)


def _corrected(following: str) -> bool:
    """Whether the clause ``following`` a negated one corrects it in a detail (see _CORRECTION)."""
    return bool(_CORRECTION.match(following))


def _denied(sentence: str, position: int) -> bool:
    """Whether the clause around ``position`` denies or only considers a partnership.

    Clauses end at commas, semicolons and dashes; the clause must use a
    partnership word itself, so that "Kiel, das nicht weit von ... liegt" or a
    negation elsewhere in a long sentence leaves the partners alone.
    """
    bounds = _clause_bounds(sentence)
    k = bisect.bisect_right(bounds, position) - 1
    clause = sentence[bounds[k] : bounds[k + 1]]
    if k + 2 < len(bounds) and (predicate := _DENYING_PREDICATE.match(sentence, bounds[k + 1], bounds[k + 2])) and _kind_of(predicate.group()):
        return True  # "Kaliningrad entfernt – ist keine Partnerstadt": the next clause says what the town is not
    before = [sentence[bounds[j] : bounds[j + 1]] for j in range(max(0, k - 2), k)]
    if before and (_BARE_NOT.fullmatch(before[-1]) or (len(before) == 2 and _BARE_NOT.fullmatch(before[0])
                                                        and _HEARSAY.search(before[1]))):
        return True  # "mit Lübben – und nicht, wie oft behauptet, mit Wandlitz"
    if k + 2 < len(bounds) and _corrected(sentence[bounds[k + 1] : bounds[k + 2]]):
        return False
    return bool(_kind_of(clause) or _OFFICIAL_TIE.search(clause)) and bool(_NEGATION.search(clause) or _HEDGE.search(clause))


_BARE_NOT = re.compile(r"\s*(?:und|aber|doch|also)?\s*nicht\s*,?\s*", re.IGNORECASE)
# A clause without a subject of its own that denies what the clause before named: "– ist keine Partnerstadt".
_DENYING_PREDICATE = re.compile(r"\s*(?:ist|sind|war|waren)\s+(?:aber\s+|jedoch\s+|doch\s+|also\s+)?(?:keine?|nicht)\b[^,;]*")


# "eine offizielle Verbindung der Städte Waldkirch und Dornbirn besteht allerdings nicht"
_OFFICIAL_TIE = re.compile(r"\b(?:offizielle|förmliche|formelle)n?\s+(?:Verbindung|Beziehung)", re.IGNORECASE)


# "eine Freundschaftsvereinbarung, die ... in eine förmliche Städtepartnerschaft überführt wurde":
# the kind it became is the kind it is.
_CONVERSION = re.compile(
    r"\b(?:in|zu)\s+(?:eine[rn]?\s+)?(?:\w+\s+){0,2}?(\w*(?:partnerschaft|freundschaft|kooperation)\w*)\s+"
    r"(?:überführt|umgewandelt|ausgebaut|erweitert|aufgewertet|weiterentwickelt)"
    # a correction: "ist keine Städtepartnerschaft, sondern eine Städtefreundschaft"
    r"|\bkeine?\s+\w*(?:partnerschaft|freundschaft)\w*,?\s+sondern\s+(?:eine?\s+)?(?:\w+\s+)?(\w*(?:partnerschaft|freundschaft|kooperation)\w*)",
    re.IGNORECASE,
)


def _converted_kind(sentence: str) -> str | None:
    match = _CONVERSION.search(sentence)
    return _kind_of(match.group(1) or match.group(2)) if match else None


# A comma between two clauses, not between list members: a verb closes the clause
# before it ("... verbunden ist, pflegt") or opens the one after it.
_CLAUSE_BREAK = re.compile(
    r"\b(?:ist|sind|war|waren|wurde|wurden|hat|haben|hatte|hatten)[,;]\s"
    r"|[,;]\s(?=(?:pflegt|pflegen|unterhält|unterhalten|verbindet|verbinden|während|wohingegen|jedoch|aber)\b)"
    r"|[,;]\s(?=[A-ZÄÖÜ][\wäöüß-]+\s+(?:ist|sind|pflegt|pflegen|unterhält|unterhalten)\s)"  # ", Freyung ist seit 2006 mit"
    r"|[,;]\s+und\s+(?=(?:in|für)\s+[A-ZÄÖÜ][\wäöüß-]+\s+[a-zäöüß]+\s)"  # ", und in Ribnitz-Damgarten feiert man"
)


def _clauses(text: str, start: int, end: int, cities: list[_City]) -> list[tuple[int, int, list[_City]]]:
    """The sentence, or its clauses when two of them each pair their own cities.

    "Während Marburg mit Poitiers verbunden ist, pflegt Gießen eine
    Partnerschaft mit Winchester": each clause has its own subject. A list of
    pairs ("Aachen und Naumburg, Bonn und Potsdam") stays one sentence.
    """
    whole = [(start, end, cities)]
    if len(_distinct(cities)) < 4:
        return whole
    if len({_key(c) for pair in _adjacent_pairs(text, cities, _UND_GAP) for c in pair}) >= len(_distinct(cities)) - 1:
        return whole
    cuts = [start] + [start + m.end() for m in _CLAUSE_BREAK.finditer(text[start:end])] + [end]
    clauses = []
    for clause_start, clause_end in zip(cuts, cuts[1:]):
        inside = [c for c in cities if clause_start <= c.start and c.end <= clause_end]
        clauses.append((clause_start, clause_end, inside))
    if sum(len(_distinct(inside)) >= 2 for _, _, inside in clauses) < 2:
        return whole
    return [clause for clause in clauses if clause[2]]


# A founding still to come: "die Urkunde im Herbst 2024 zu unterzeichnen", "soll 2025 besiegelt werden".
_PLANNED = re.compile(r"\bzu\s+(?:unterzeichnen|besiegeln|schließen|gründen|begründen)\b|\b(?:soll|sollen|geplant|vorgesehen)\b")


# A description that opens with the date of the pair named just above it: "Seit 1978.", "Vereinbart 1985, ..."
_DATE_OPENING = re.compile(r"\s*(?:Seit|Im\s+Jahr|Vereinbart|Geschlossen|Gegründet|Besiegelt|Unterzeichnet)\s+"
                           r"(?:im\s+Jahr\s+|am\s+\d{1,2}\.\s*(?:\d{1,2}\.|[^\W\d]+)\s*)?((?:1[89]|20)\d\d)\s*[.,;]")  # terse: not "Seit 2017 ist die Region ..."
_RECORD_GAP = 300


def _date_previous(found: list[_Found], sentence: str) -> None:
    """Give the pair of the previous sentence a founding year stated in this one.

    "... ruht die Städtepartnerschaft zwischen Hamburg und Sankt Petersburg.
    ... der Partnerschaftsvertrag selbst, der 1957 geschlossen wurde, ..."
    """
    if not found or found[-1].year is not None:
        return
    # "Beide Partnerschaften wurden 1994 begründet": every pair of the sentence before
    dated = [f for f in found if f.evidence == found[-1].evidence and f.year is None] if _BOTH.match(sentence) else found[-1:]
    # The year must stand in the clause with the founding word: not "schon 1985 um eine
    # Partnerschaft geworben; unterzeichnet wurde sie aber erst ...".
    for clause in re.split(r"[;:,]", sentence):
        years = _YEAR.findall(clause)
        # "kam 1991 Akmenė hinzu", "es folgten": a new partner, not the date of the last one.
        # also "Die Partnerschaft gibt es seit 1976."
        founding = _FOUNDING.search(clause) or (_THE_PARTNERSHIP.match(sentence) and _EXISTS_SINCE.search(clause))
        if founding and len(years) >= 1 and not _PLANNED.search(clause) and not re.search(
                r"\b(?:hinzu|folgten?)\b", clause) and (len(years) == 1 or _BOTH.match(sentence)):
            for f in dated:
                f.year = int(years[0])
            return


_EXISTS_SINCE = re.compile(r"\b(?:gibt\s+es|besteht|bestehen|existiert)\s+(?:schon\s+|bereits\s+)?seit\s+(?:1[89]|20)\d\d\b")
_BOTH = re.compile(r"\s*(?:Beide|Die\s+beiden|Alle\s+(?:drei|vier|fünf)|Diese)\s+(?:[\w-]*(?:[Pp]artnerschaft|[Ff]reundschaft)\w*|Verbindungen)\b")


# Slots where a town stands: after "mit" and before a place's usual company ("Mit Aue im Erzgebirge
# ist Solingen ... verbunden"); right after a partnership word or a kind of municipality
# ("Partnerstadt: Tournus (Saône-et-Loire)", "Freundschaft mit Tabarz", "Die Ortsgemeinde Rheinzabern").
_AFTER_MIT = re.compile(
    r"\b[Mm]it\s+(?:der\s+Stadt\s+)?([A-ZÄÖÜ][\wäöüß-]+(?: [A-ZÄÖÜ][\wäöüß-]+)?)"
    r"(?=\s+(?:in|im|am|an|bei|ist|sind|seit|besteht|verbindet|wurde|verbunden|verschwistert|"
    r"partnerschaftlich|befreundet)\b|\s*[(,;.]|\s*$)"
)
_AFTER_PARTNER_WORD = re.compile(
    r"(?:(?:[Pp]artner|[Ff]reundschaft|[Kk]ooperation)\w*\s*(?::|\bmit\b(?:\s+(?:der|dem)\s+"
    r"(?:Stadt|Gemeinde)\b)?)|\b(?:Ortsgemeinde|Gemeinde|Marktgemeinde|Kleinstadt|Gmina|Partnerstadt|Partnergemeinde)\b)"
    r"\s*([A-ZÄÖÜ][\wäöüß'’-]+(?: [A-ZÄÖÜ][\wäöüß'’-]+){0,2})"
)


# A town that opens a segment with a colon: "; Lorsch: Nivelles, Belgien (seit 1986); Zwingenberg: Le Coteau".
_BEFORE_COLON = re.compile(r"(?:^|[;\n]\s*|\bund\s+)(?![A-ZÄÖÜ]+:)([A-ZÄÖÜ][\wäöüß-]+)(?=(?:\s*\([^()]{1,30}\))?\s*:\s+[A-ZÄÖÜ])")


def _add_missing_cities(text, sentence, start, in_sentence, gazetteer) -> list[_City]:
    """Cities the NER missed in a telling slot.

    "Aachen und Naumburg" (joined by "und" to a found city), "zwischen X und",
    and "Plzen in Tschechien" (a name followed by its country, which must be
    the country of the place the gazetteer finds).
    """
    covered = [(c.start, c.end) for c in in_sentence]
    extra = []

    def overlaps(s: int, e: int) -> bool:
        return any(cs < e and s < ce for cs, ce in covered)

    def take(place, s: int, e: int) -> None:
        extra.append(_City(place.name, place.geonames_id, place.country_code, s, e))
        covered.append((s, e))

    for slot, big_enough in (
        (_AFTER_MIT, lambda place, surface: place.population >= 10_000
         or (place.population >= 5000 and _own_name(surface, gazetteer))),
        (_AFTER_PARTNER_WORD, lambda place, surface: place.population >= 1000 and _own_name(surface, gazetteer)),
        (_BEFORE_COLON, lambda place, surface: place.population >= 1000 and _own_name(surface, gazetteer)),
    ):
        for match in slot.finditer(sentence):
            s, e = start + match.start(1), start + match.end(1)
            surface = match.group(1)
            if overlaps(s, e) or _COMMON_NOUN.search(surface) or gazetteer.is_region(surface):
                continue
            place = gazetteer.link(surface)
            if place is not None and not country_code_for(surface) and big_enough(place, surface):
                take(place, s, e)
    # A country's adjective before a town: "das irische Tuam", "mit dem tschechischen Bruntál".
    for match in re.finditer(r"\b([a-zäöü]+isch(?:e|en|er|es)?)\s+([A-ZÄÖÜ][\wäöüß-]+)", sentence):
        s, e = start + match.start(2), start + match.end(2)
        code = country_code_for(match.group(1))
        if code is None or overlaps(s, e):
            continue
        place = gazetteer.link(match.group(2), context_countries=[code])
        if place is not None and place.country_code == code and place.population >= 1000 and _own_name(match.group(2), gazetteer, code):
            take(place, s, e)
    # Two towns the NER missed, joined by "und", or a town before its verb with a partner after "mit":
    # "Zwiesel und Sušice unterzeichneten ...", "Freyung ist seit 2006 mit Vimperk verbunden",
    # "Anklam, die Lilienthalstadt, hat 2011 mit Choszczno eine Kooperationsvereinbarung unterschrieben",
    # "Wolgast ist seit 1991 Partnerstadt von Karlshamn".
    for match in re.finditer(r"(?<![\w-])([A-ZÄÖÜ][\wäöüß-]+)(?:\s+und\s+([A-ZÄÖÜ][\wäöüß-]+)\b"
                             r"|(?=(?:,\s+(?:die|der|das)\s[^,;.()]{3,40},\s+hat\s+(?:seit\s+)?(?:1[89]|20)\d\d|(?:,\s+(?:die|der|das)\s[^,;.()]{3,40},)?\s+"
                             r"(?:(?:selbst|ihrerseits|seinerseits|wiederum)\s+)?(?:ist|sind|pflegt|unterhält))\b[^,;.]*\bmit\s"
                             r"|\s+ist\s+(?:seit\s+(?:1[89]|20)\d\d\s+)?(?:die\s+)?Partner(?:stadt|gemeinde)\s+(?:von|der|des)\s))",
                             sentence):
        names = [(match.start(k), match.end(k)) for k in (1, 2) if match.group(k)]
        spans = [(start + a, start + b) for a, b in names]
        if any(overlaps(s, e) for s, e in spans):
            continue
        places = []
        for s, e in spans:
            surface = text[s:e]
            place = gazetteer.link(surface)
            if (place is None or place.population < 5000 or gazetteer.is_region(surface)
                    or country_code_for(surface) or not _own_name(surface, gazetteer)):
                break
            places.append(_City(place.name, place.geonames_id, place.country_code, s, e))
        else:
            extra += places
            covered += spans
    for match in re.finditer(r"(?<![\w-])([A-ZÄÖÜ][\wäöüß-]+(?: [A-ZÄÖÜ][\wäöüß-]+)?)", sentence):
        s, e = start + match.start(1), start + match.end(1)
        if overlaps(s, e):
            continue
        surface = match.group(1)
        if len(surface) < 4 or gazetteer.is_region(surface):
            continue
        country = re.match(r"\s+in\s+(?:der\s+|den\s+)?([A-ZÄÖÜ][\wäöü]+(?:\s+Republik)?)", text[e : e + 40])
        country_code = country_code_for(country.group(1)) if country else None
        if country_code:
            place = gazetteer.link(surface, context_countries=[country_code])
            if place is not None and place.country_code == country_code and place.population >= 5000:
                take(place, s, e)
            continue
        before = sentence[: match.start(1)]
        # Only next to a found city, joined by "und": "Aachen und Naumburg".
        neighbour = before.endswith("zwischen ") or any(
            _UND_GAP.fullmatch(text[c.end : s]) or _UND_GAP.fullmatch(text[e : c.start])
            for c in in_sentence + extra
        )
        if not neighbour:
            continue
        candidates = gazetteer.candidates(surface)
        # A capitalised first word is more often a noun: it needs a bigger city.
        minimum = 20_000 if match.start(1) == 0 else 5000
        if not candidates or _fold(candidates[0].name) != _fold(surface) or candidates[0].population < minimum:
            continue  # only a city's own name, not an alternate ("Schulen", "Vereinen")
        place = gazetteer.link(surface)
        if place is not None:
            take(place, s, e)
    extra += _adjective_subjects(text, sentence, start, covered, gazetteer)
    return sorted(in_sentence + extra, key=lambda c: c.start)


def _own_name(surface: str, gazetteer: Gazetteer, country: str | None = None) -> bool:
    """Whether the likeliest town for ``surface`` bears it as its own name, not as an alternate one
    ("Tuam", not "Schulen" for some village)."""
    candidates = [c for c in gazetteer.candidates(surface) if country is None or c.country_code == country]
    return bool(candidates) and _fold(candidates[0].name) == _fold(surface)


# "die anderen Hildesheimer Partnerstädte", "die Görlitzer Partnerstadt Zgorzelec".
_ADJECTIVE_OF_PARTNERS = re.compile(
    r"\b([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)er[ \t]+(?=(?:Städte)?[Pp]artner(?:stadt|städte|schaft))"
)


# "Die Würzburger pflegen außerdem Partnerschaften mit Dundee": the townspeople open the sentence.
_TOWNSPEOPLE_SUBJECT = re.compile(r"^\s*(?:Auch\s+)?[Dd]ie\s+([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)er\s+(?=[a-zäöü])")


def _adjective_subjects(text, sentence, start, covered, gazetteer) -> list[_City]:
    """A city named by its adjective before a partnership word, or by its townspeople opening the
    sentence: the subject of the sentence, like a genitive."""
    found = []
    for match in (*_ADJECTIVE_OF_PARTNERS.finditer(sentence), *_TOWNSPEOPLE_SUBJECT.finditer(sentence)):
        s, e = start + match.start(1), start + match.end(1) + 2
        if any(cs < e and s < ce for cs, ce in covered):
            continue
        for base in (match.group(1), match.group(1) + "en"):  # "Hildesheimer" ← Hildesheim, "Erlanger" ← Erlangen
            place = gazetteer.link(base)
            if place is not None and _fold(place.name) == _fold(base) and place.population >= 10_000:
                found.append(_City(place.name, place.geonames_id, place.country_code, s, e, genitive=True))
                break
    return found


# Endings of German abstract nouns, which no town name has: "mit Unterstützung", "mit Begeisterung".
_COMMON_NOUN = re.compile(r"(?:ung|ungen|heit|keit|schaft|schaften|tion|tionen|ismus|ität|nis|nisse)$")
_REGION_BEFORE = re.compile(
    r"\b(?:Präfektur|Provinz|Region|Landkreis|Kreis|Woiwodschaft|Oblast|Gebiet|Departement|Département|"
    r"Bundesstaat|Kanton|Distrikt|Regierungsbezirk)\s+$"
)


# A place named to locate another: "Marly-le-Roi westlich von Paris", "Saint-Jean-de-Braye bei Orléans".
_NEAR_BEFORE = re.compile(
    r"\b(?:(?:nord|süd|ost|west|nordost|nordwest|südost|südwest)?(?:westlich|östlich|nördlich|südlich)\s+von|"
    r"bei|nahe|auf\s+der\s+(?:Halb)?[Ii]nsel|(?:direkt\s+|gleich\s+|unmittelbar\s+)?neben|unweit\s+von|vor\s+den\s+Toren\s+von|(?:Stadt)?rand(?:e)?\s+von|Nähe\s+von|Vorort\s+von|"
    r"im\s+(?:Nord|Süd|Ost|West)\w*en(?:\s+von)?|"  # "im Südwesten Londons"
    r"Großraum|Umland\s+von)\s+$", re.IGNORECASE
)


# "jede Stadt zwischen Darmstadt und Heidelberg", "liegt zwischen A und B": a place, not a partnership.
_PLACE_WORDS = r"\b(?:Stadt|Städte|Gemeinde|Gemeinden|Orte?|Region|liegt|liegen|gelegen|Strecke|Straße)\s+zwischen\s+"
_LOCATED_BETWEEN = re.compile(_PLACE_WORDS + r"\S*\s*$")
_LOCATED_BETWEEN_SECOND = re.compile(_PLACE_WORDS + r"[\w-]+(?:\s[\w-]+)?\s+und\s+$")


def _excluded(text: str, sentence_start: int, city: _City, in_sentence: list[_City]) -> bool:
    """A city on a route, a person's origin or office: not a party of the partnership."""
    before = text[sentence_start : city.start]
    # "die Oberbürgermeister von Saarbrücken und Cottbus unterzeichneten": a pair, not an office.
    paired = any(re.fullmatch(r"\s+und\s+", text[city.end : other.start]) for other in in_sentence)
    if (_ORIGIN_BEFORE.search(before) and not paired) or _ORIGIN_AFTER.match(text[city.end : city.end + 30]):
        return True
    if re.search(r"\baus\s+$", before) and re.match(r"^\s+\w*stammend", text[city.end : city.end + 30]):
        return True
    if _INSTITUTION_IN.search(before[-80:]) or _CLUB_OF.search(before[-40:]):
        return True
    if _LOCATED_BETWEEN.search(before[-40:]) or _LOCATED_BETWEEN_SECOND.search(before[-80:]):
        return True  # "jede Stadt zwischen Darmstadt und Heidelberg": where, not with whom
    bracket = re.search(r"\(\s*$", before)
    if bracket and any(0 <= sentence_start + bracket.start() - other.end <= 1 for other in in_sentence):
        return True  # "Hackensack (New Jersey, USA)": the state or region of the city before it
    if re.search(r"\b(?:am|an\s+der|an\s+den|an\s+die)\s+$", before):
        return True  # "die Kleinstadt am Río San Juan": a river or lake, not a town
    if re.search(r"\b(?:damals|noch|einst|früher)\s+als\s+$", before):
        return True  # "damals noch als Kreis Seelow": the subject's former name
    if re.search(r"\bin\s+$", before) and re.match(r"\s*(?:\([^()]*\)\s*)?(?:unterzeichnet|besiegelt|geschlossen)\b",
                                                 text[city.end : city.end + 60]):
        return True  # "wurde am 26. Juni 1999 in Gorzów Wielkopolski unterzeichnet": where it was signed
    signed_in = re.search(r"\bin\s+$", before) and re.match(
        r"\s+(?:eine[nr]?|den|die|das|ihre[nr]?)\s+(?:[\w-]+\s+){0,2}?\w*(?:[Vv]ertrag|Urkunde|[Vv]ereinbarung|Abkommen|Charta)\w*\s+"
        r"(?:unterzeichnet|unterschrieben|besiegelt)", text[city.end : city.end + 100])
    if signed_in and any(re.fullmatch(r"\s+und\s+(?:der|die|dem|das)?\s*", text[a.end : b.start])
                         for a, b in zip(in_sentence, in_sentence[1:]) if b.end <= city.start):
        return True  # "A und B haben am 12. Mai 2002 in Oświęcim einen Partnerschaftsvertrag unterzeichnet": the venue
    located = re.search(r"\s+in\s+$", before)
    if located and any(other.end == sentence_start + located.start() for other in in_sentence):
        return True  # "Spalding in Lincolnshire": where the city before it lies
    if _REGION_BEFORE.search(before) or _NEAR_BEFORE.search(before):
        return True  # "Nagaoka in der Präfektur Niigata": a region that shares its capital's name
    # A route: "über Breslau, Krakau und Lemberg bis Kiew bzw. Moskau"; but a dated list
    # "von St. Helens (1948) ... über St. Louis (1960) ... bis zu Łódź (1988)" is none.
    if re.match(r"\s*\(\s*(?:seit\s+)?(?:1[89]|20)\d\d\b", text[city.end : city.end + 20]):
        return False
    words = re.findall(r"[\w.]+", before)
    for k in range(len(words) - 1, -1, -1):
        word = words[k].casefold()
        if word in _ROUTE_WORDS:
            between = " ".join(words[k + 1 :])
            return all(
                w in ("und", "bis", "nach", "bzw.", "bzw", "oder", "sowie") or w[:1].isupper() for w in between.split()
            )
    return False


def _pairs_in_sentence(text, start, end, partners, home, carried, continuation):
    """Pairs of one sentence as (a, b, rule, year); also the subject city that the next sentence may carry."""
    results = []
    distinct = _distinct(partners)
    used: set = set()
    # 1. "zwischen A und B"
    for a, b in _zwischen_pairs(text, partners):
        results.append((a, b, "between", _sentence_year(text, start, end)))
        used |= {_key(a), _key(b)}
    # 1b. Two towns joined by a dash: "etwa Bremen–Danzig (1976) oder Nürnbergs Partnerschaft mit Krakau",
    # "Hannover–Blantyre (seit 1968)"; not "die Universitätspartnerschaft Tübingen–Ann Arbor"
    unused = [c for c in partners if _key(c) not in used]
    dashed = [(a, b) for a, b in _adjacent_pairs(text, unused, _DASH_GAP)
              if not _KIND_OF_BODIES.search(text[max(start, a.start - 40) : a.start])]
    # A paragraph's run-in heading: "Pirmasens – Poissy (Frankreich): Die Partnerschaft wurde 1965 besiegelt"
    dashed += [(a, b) for a, b in _adjacent_pairs(text, unused, _SPACED_DASH)
               if _RUN_IN_OPENING.match(text, text.rfind("\n", 0, a.start) + 1, a.start)
               and _RUN_IN_END.match(text, b.end, end)]
    # After its kind: "Beispiele: Klimapartnerschaft Ludwigsburg – Kongoussi (Burkina Faso); ..."
    dashed += [(a, b) for a, b in _adjacent_pairs(text, unused, _SPACED_DASH)
               if re.search(r"(?:partnerschaft|freundschaft)\s+$", text[max(start, a.start - 30) : a.start], re.IGNORECASE)
               and not _KIND_OF_BODIES.search(text[max(start, a.start - 40) : a.start]) and (a, b) not in dashed]
    if dashed:
        alone = len(dashed) == 1 and len(distinct) == 2  # "Die Klimapartnerschaft Neumarkt–Bukoba wurde 2017 unterzeichnet"
        years = ([_sentence_year(text, start, end)] if alone else _pair_list_years(text, start, end, dashed) if len(dashed) > 1
                 else [None])
        for (a, b), year in zip(dashed, years):
            right_after = re.match(r"\s*(?:\(\s*(?:seit\s+)?|,\s*(?:seit\s+)?|:\s*(?:seit\s+|Vertrag\s+|Partnerschaft\s+)?)?"
                                   r"((?:1[89]|20)\d\d)\b", text[b.end : end])  # also "Zwickau–Zaanstad: Vertrag 1987"
            if year is None and right_after:  # "so bereits Bonn–Oxford 1947"
                year = int(right_after.group(1))
            results.append((a, b, "between", year))
            used |= {_key(a), _key(b)}
    # 1c. A relative clause pairs the town it follows, even in a document about another town: "unsere
    # Nachbarstadt Borgentreich, die seit 1994 mit Głogówek ... verbunden ist", "mit Richmond upon Thames,
    # das seit 1983 mit Konstanz verschwistert ist"
    for a, b, year in _relative_pairs(text, start, end, [c for c in partners if _key(c) not in used], len(distinct) == 2):
        results.append((a, b, "two_cities", year))
        used |= {_key(a), _key(b)}
    # 1d. Pairs in clauses that leave out the verb of the first: "Braunschweig ist seit 1962 mit Nîmes
    # verschwistert, Celle mit Meudon bei Paris ('61), und Lüneburg mit Clamart, ebenfalls im Jahr 1962."
    ordered = [c for c in partners if _key(c) not in used]
    end_of_first = end  # where the first clause, whose verb the others leave out, ends
    for k in range(1, len(ordered) - 1):
        a, b = ordered[k], ordered[k + 1]
        if _key(a) in used or _key(b) in used or _key(a) == _key(b):
            continue
        if _GAPPED_OPENING.search(text, max(start, a.start - 8), a.start) and _GAPPED_MIT.fullmatch(text, a.end, b.start) and (
                re.search(r"\bmit\b", text[start : a.start])):
            following = ordered[k + 2].start if k + 2 < len(ordered) else end
            year = _YEAR.search(text, b.end, following)
            results.append((a, b, "pair_list", int(year.group(1)) if year else None))
            used |= {_key(a), _key(b)}
            end_of_first = min(end_of_first, a.start)
    rest = [c for c in distinct if _key(c) not in used]
    if not rest:
        return results, None
    # 2. Lists of pairs: "Aachen und Naumburg, Bonn und Potsdam ... sowie Mainz und Erfurt".
    und_pairs = _adjacent_pairs(text, [c for c in partners if _key(c) not in used], _UND_GAP)
    covered = {_key(c) for pair in und_pairs for c in pair}
    # "Partnerschaften mit Amiens und Leeds": two partners of an unnamed subject, not a pair.
    partners_of_subject = len(und_pairs) == 1 and (home is not None or len(rest) > 2) and re.search(
        r"\b(?:mit|zu|nach|in|an|aus)\s+(?:den\s+)?(?:(?:Städten|Partnerstädten|Städte)\s+)?$",
        text[max(start, und_pairs[0][0].start - 30) : und_pairs[0][0].start],
        re.IGNORECASE,
    )
    # "Bergen und Göteborg: zwei Partnerschaften aus dem Jahr 1965", "Krakau und Brünn: Beginn der
    # Partnerschaften jeweils 1973 korrigiert": two partners, each its own partnership.
    partners_of_subject = partners_of_subject or (len(und_pairs) == 1 and home is not None and bool(
        re.match(r"\s*[:,–-]?\s*(?:[Zz]wei|[Bb]eide|[Dd]ie\s+beiden)\s+(?:[\w-]+\s+)?(?:Partnerschaften|Partnerstädte|Städtepartnerschaften)\b"
                 r"|\s*:\s*[^.;:]{0,40}?\b(?:Partnerschaften|Städtepartnerschaften)\b[^.;:]{0,20}?\bjeweils\b",
                 text[und_pairs[0][1].end : end])))
    # "1990 kamen Perugia und Sioux Falls (USA) hinzu", "es folgten Jyväskylä und Bonn": newcomers to a list.
    partners_of_subject = partners_of_subject or (len(und_pairs) == 1 and home is not None and bool(
        re.search(r"\b(?:kamen|kommen|folgten|folgen)\b", text[start : und_pairs[0][0].start])
        and re.search(r"\bhinzu\b|^\s*(?:\([^()]*\)\s*)?[.;]", text[und_pairs[0][1].end : end])))
    # "Es folgten zwei weitere Partnerstädte: Ravenna ... und Kursk": a category, then its members.
    partners_of_subject = partners_of_subject or bool(rest and re.search(
        r"(?:städte|schaften|gemeinden|kommunen)\s*:\s*$", text[start : rest[0].start], re.IGNORECASE))
    if und_pairs and not partners_of_subject and covered >= {_key(c) for c in rest} and not any(c.genitive for c in rest):
        rule = "pair_list" if len(und_pairs) > 1 or not continuation else "continuation"
        years = _pair_list_years(text, start, end, und_pairs)
        results += [(a, b, rule, year) for (a, b), year in zip(und_pairs, years)]
        return results, None
    # 3. Parallel clauses: "Karlsruhe schloss einen Vertrag mit Halle, Trier mit Weimar.", "Marburg ist
    # Partnerstadt von Poitiers (1961), Gießen von Winchester (1963) und Offenbach von Puteaux (1955)."
    parallel_pairs = _adjacent_pairs(text, rest, _PARALLEL_GAP)
    if (
        len(parallel_pairs) >= 2
        and {_key(c) for pair in parallel_pairs for c in pair} >= {_key(c) for c in rest}
        and all(re.fullmatch(r"\s+(?:mit|von)\s+", text[a.end : b.start]) for a, b in parallel_pairs[1:])
        and all(re.fullmatch(r"\s*(?:\([^()]*\))?\s*(?:,\s*|\s+und\s+)", text[x[1].end : y[0].start])
                for x, y in zip(parallel_pairs, parallel_pairs[1:]))
    ):
        years = _pair_list_years(text, start, end, parallel_pairs)
        return results + [(a, b, "pair_list", year) for (a, b), year in zip(parallel_pairs, years)], None
    # 4. A subject city and its partners; any mention of a city may be the subject ("Die Kontakte
    # nach Chemnitz sind eng: Chemnitz selbst ist ... verbunden").
    occurrences = [c for c in partners if _key(c) not in used] if len(rest) > 1 else rest
    anchor = _anchor(text, start, end, occurrences, home)
    # "Die Partnerschaft mit Aurillac ... wurde 1973 geschlossen, die mit Rossendale ...": two partners, no pair.
    after_mit = [bool(re.search(r"\b[Mm]it\s+(?:der\s+Stadt\s+)?(?:['’]s-)?$", text[max(start, c.start - 20) : c.start])) for c in rest]
    # In a document about one city, "die Partnerschaft mit Sheffield ... wegen der Corona-Pandemie"
    # is the home city's: the other city is no party.
    one_partner_of_home = home is not None and sum(after_mit) == 1
    a_range = re.match(r"\s+bis\s+(?:nach\s+)?$", text[rest[0].end : rest[1].start]) if len(rest) == 2 else None
    if anchor is None and len(rest) == 2 and not continuation and not partners_of_subject and not all(after_mit) and (
        not one_partner_of_home
    ) and not _LIST_GAP.match(text[rest[0].end : rest[1].start]) and not a_range and (  # "Von Beaune bis Ramat Gan"
        # "Flensburg (Partnerstadt seit 1987), Gladsaxe (seit 1989) und Collegno": a list, a member unknown to GeoNames
        home is None or not _LIST_RUN_GAP.match(text[rest[0].end : rest[1].start])
    ) and (
        # a note's "Koszalin (Köslin) seit 1990; Parchim Städtepartnerschaft 1990": the home's two partners
        home is None or not re.search(r";\s*$", text[rest[0].end : rest[1].start])
    ) and (
        not _TOWN_WORD_SUBJECT.match(text, start)  # "Die Hansestadt hat ... Partnerstadt Lund, und ... mit Osnabrück"
    ):
        a, b = rest
        # "darunter Kiel, das seine 1992 geschlossene Partnerschaft mit Kaliningrad ..., und Erlangen, das ...
        # Wladimir": a year told before a pair already read is that pair's
        year_start = max([c.end for c in partners if _key(c) in used and c.end <= a.start], default=start)
        return results + [(a, b, "two_cities", _sentence_year(text, year_start, end_of_first if b.end <= end_of_first else end))], None
    rule = "anchor"
    if anchor is None:
        anchor, rule = (carried, "continuation") if carried is not None else (home, "home")
    elif continuation:
        rule = "continuation"
    if anchor is None:
        # "Gera pflegt ... Partnerschaften." carries Gera; "Die Partnerschaft mit Kielce ..." does not carry Kielce.
        lone = rest[0] if len(rest) == 1 else None
        if lone is not None and re.search(r"\b(?:mit|zu|nach|von)\s+(?:der\s+|dem\s+)?(?:Stadt\s+)?$",
                                          text[max(start, lone.start - 20) : lone.start], re.IGNORECASE):
            lone = None
        return results, lone
    others = [c for c in rest if _key(c) != _key(anchor)]
    if rule == "anchor" and not anchor.genitive and (((home is None or _key(anchor) != _key(home)) and (
            _told_locally(text, anchor, end) or any(_told_locally(text, c, end) for c in others if c.start > anchor.end)))
            or any(_gapped_subject(text, c) for c in others if c.start > anchor.end)):
        # "..., und Herne schloss 1990 eine Partnerschaft mit Konin": a later town with its own founding verb;
        # "Saarbrücken ist seit 1965 mit Nantes verschwistert, Saarlouis seit 1969 mit Saint-Nazaire": its verb left out
        return results + _clause_pairs(text, end, anchor, [c for c in partners if _key(c) not in used], start), None
    # "Rheinzabern, Mitglied der Verbandsgemeinde Jockgrim, unterhält ...": not the apposition's town
    apposition = _APPOSITION.match(text, anchor.end, min(end, anchor.end + 90))
    if apposition and rule == "anchor":
        others = [c for c in others if not anchor.end <= c.start < apposition.end()] or others
    others = [c for c in others if not (c.genitive and _elided_noun(text, c))] or others
    if not others:
        if home is not None and _key(anchor) != _key(home) and (
                _IS_A_PARTNER.match(text, anchor.end) or re.fullmatch(r"\s*(?:Partnerstadt|Partnergemeinde)\s+", text[start : anchor.start])):
            # also a partner's card: "STECKBRIEF NANCY" / "Partnerstadt Karlsruhes seit: 1955"
            # "Olecko ist die vierte Partnerstadt Halterns.": a partner of the home city, not the next sentence's subject
            return results + [(home, anchor, "home", _sentence_year(text, start, end))], home
        return results, anchor
    if rule == "anchor" and home is not None and _key(anchor) == _key(home) and len(others) == 1:
        rule = "home"
    if end_of_first < end:  # the subject's own clause, before the clauses that leave out its verb
        others = [c for c in others if c.start < end_of_first] or others
    if len(others) == 1:
        years = [(others[0], _sentence_year(text, start, end_of_first))]
    else:
        years = _list_years(text, end_of_first, others, start)
        if all(year is None for _, year in years) and len(_YEAR.findall(text, start, end)) == 1 and (
                shared := _sentence_year(text, start, end)):
            years = [(city, shared) for city, _ in years]  # "Bergen und Göteborg: zwei Partnerschaften aus dem Jahr 1965"
    for city, year in years:
        results.append((anchor, city, rule, year))
    return results, anchor


_GAPPED_OPENING = re.compile(r"(?:,\s*(?:und\s+)?|;\s*)\Z")
_GAPPED_MIT = re.compile(r"\s+mit\s+(?:(?:der|dem|den)\s+)?(?:[a-zäöü]+isch(?:e|en|er|es)?\s+)?")
_IS_A_PARTNER = re.compile(r"\s+(?:ist|wurde|wird)\s+(?:seit\s+\S+\s+)?(?:die|eine|unsere|ihre|seine)?\s*(?:[\w-]+\s+)?"
                           r"(?:Partner|Partnerstadt|Partnergemeinde|Schwesterstadt)\b")
# An article and a country's adjective before a town: "und das polnische Gubin", "und dem italienischen Silvi".
_ARTICLE_AND_COUNTRY = r"(?:(?:das|die|der|dem|den)\s+)?(?:[a-zäöü]+isch(?:e|en|er|es)?\s+)?"
# Between the first and the last of a list whose members in between are names GeoNames lacks.
_LIST_RUN_GAP = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:,\s*[A-ZÄÖÜ][\wäöüß-]+(?:\s+[A-ZÄÖÜ][\wäöüß-]+)?\s*(?:\([^()]*\)\s*)?)+"
                           r"(?:,|und|sowie|oder)\s*" + _ARTICLE_AND_COUNTRY + "$")
# What stands between two members of one list: "Netanya (Israel, seit 1981) und Trabzon".
_LIST_GAP = re.compile(
    r"^\s*(?:(?:in|im|bei|nahe)\s+(?:der\s+|den\s+)?[A-ZÄÖÜ][\wäöü]+\s*)?(?:\([^)]*\))?\s*(?:,|und|sowie|oder|/|–|-)\s*"
    + _ARTICLE_AND_COUNTRY + "$"
)  # also "Saint-Cloud in Frankreich und Frascati", "Franconville bei Paris (seit 1967) und dem italienischen Silvi"


def _distinct(cities: list[_City]) -> list[_City]:
    seen, out = set(), []
    for c in cities:
        if _key(c) not in seen:
            seen.add(_key(c))
            out.append(c)
    return out


_BETWEEN = re.compile(
    r"zwischen\s+(?:der\s+|den\s+)?(?:(?:Landeshauptstadt|Hansestadt|Stadt|Städten|Gemeinde)\s+)?$", re.IGNORECASE
)
_AND_LINK = re.compile(r"^\s+und\s+(?:der\s+|dem\s+)?(?:(?:Landeshauptstadt|Hansestadt|Stadt|Gemeinde)\s+)?"
                       r"(?:[a-zäöü]+(?:ischen|er)\s+)?$")  # "und dem toskanischen Scarperia"
_COMMA_LINK = re.compile(r"\s*(?:\([^()]*\))?\s*,\s+(?:der\s+|dem\s+|den\s+)?(?:(?:Stadt|Gemeinde)\s+)?(?:[a-zäöü]+(?:ischen|er)\s+)?")
_TRIANGLE = re.compile(r"(?:Dreiecks|Ring|Dreier)partnerschaft|trilateral|Dreieck", re.IGNORECASE)


def _zwischen_pairs(text: str, cities: list[_City]) -> list[tuple[_City, _City]]:
    pairs = []
    for a, b, c in zip(cities, cities[1:], cities[2:]):
        # "die Ringpartnerschaft zwischen der Stadt Neuenbürg, dem burgundischen Avallon und dem toskanischen
        # Scarperia": a triangle, each of the three partnered with the other two
        if (_TRIANGLE.search(text[max(0, a.start - 80) : a.start]) and _BETWEEN.search(text[max(0, a.start - 40) : a.start])
                and _COMMA_LINK.fullmatch(text[a.end : b.start]) and _AND_LINK.match(text[b.end : c.start])
                and len({_key(a), _key(b), _key(c)}) == 3):
            return [(a, b), (a, c), (b, c)]
    for a, b in zip(cities, cities[1:]):
        if _BETWEEN.search(text[max(0, a.start - 40) : a.start]) and _AND_LINK.match(text[a.end : b.start]):
            pairs.append((a, b))
        elif re.search(r"\bvon\s+$", text[max(0, a.start - 6) : a.start]) and _AND_LINK.match(text[a.end : b.start]):
            # "die Zusammenarbeit von Görlitz und Zgorzelec", "die Verbindung von Erlangen und Jena"
            if re.search(r"(?:zusammenarbeit|kooperation|verbindung|partnerschaft)\w*\s+(?:der\s+\w+\s+)?von\s+$",
                         text[max(0, a.start - 60) : a.start], re.IGNORECASE):
                pairs.append((a, b))
    return pairs


_TRANSPORT = re.compile(r"\b(?:Bahn|Zug|Autobahn|Straße|Bus|Flug|Fähr|Schiff|Linie|Strecke|Radweg|Kanal|Brücke)\w*", re.I)


def _linked_with_a_city(text: str, sentence: str, cities: list[_City]) -> bool:
    """ "Seit 1990 ist der Stadtbezirk Möhringen mit Mittweida in Sachsen verbunden": a partnership
    stated by "verbunden" alone, with a city after "mit", and no road or railway in the sentence."""
    if not re.search(r"\bverbunden\b", sentence) or _TRANSPORT.search(sentence):
        return False
    return any(re.search(r"\b[Mm]it\s+(?:der\s+(?:Stadt|Gemeinde)\s+)?$", text[max(0, c.start - 25) : c.start]) for c in cities)


# What joins the two cities of a pair in a list: "Aachen und Naumburg" (nothing else between);
# "Karlsruhe schloss einen Vertrag mit Halle" (one comma-free stretch ending in "mit" or "von").
_DASH_GAP = re.compile(r"[–—]")
_SPACED_DASH = re.compile(r"[ \t]+[–—][ \t]+")
_RUN_IN_OPENING = re.compile(r"[ \t]*(?:[•▪■*·-][ \t]*)?(?:[A-ZÄÖÜ]\w*(?:gemeinde|stadt)[ \t]+)?\Z")
_RUN_IN_END = re.compile(r"[ \t]*(?:\([^()\n]*\))?[ \t]*:")
# Partnerships of bodies other than towns: "Universitätspartnerschaft", "Schulpartnerschaften wie"
_OTHER_BODIES = r"Universitäts|Hochschul|Schul|Vereins|Kirchen|Feuerwehr|Club|Klub"
_KIND_OF_BODIES = re.compile(rf"(?:{_OTHER_BODIES}|Gemeinde)\w*(?:partnerschaft|kooperation|freundschaft)\w*\s+(?:\w+\s+)?$",
                             re.IGNORECASE)
# A register's kind cell that names another body's partnership: "Feuerwehrpartnerschaft", "Schulpartnerschaft".
_BODIES_KIND_CELL = re.compile(rf"\s*(?:{_OTHER_BODIES}|Messe|Sport)\w*(?:partnerschaft|kooperation|freundschaft)",
                               re.IGNORECASE)
# "Aachen und Naumburg", "Guben und das polnische Gubin", "Saarlouis im Saarland und Eisenhüttenstadt"
_UND_GAP = re.compile(r"(?:\s+im\s+[A-ZÄÖÜ][\wäöüß-]+)?\s+und\s+" + _ARTICLE_AND_COUNTRY)
_PARALLEL_GAP = re.compile(r"[^,;:]*?\b(?:mit|von)\s+(?:der\s+Stadt\s+|dem\s+)?")


def _adjacent_pairs(text: str, cities: list[_City], gap: re.Pattern) -> list[tuple[_City, _City]]:
    """Consecutive, non-overlapping pairs of distinct cities whose in-between text is exactly ``gap``."""
    pairs = []
    k = 0
    while k + 1 < len(cities):
        a, b = cities[k], cities[k + 1]
        if gap.fullmatch(text[a.end : b.start]) and _key(a) != _key(b):
            pairs.append((a, b))
            k += 2
        else:
            k += 1
    return pairs


# Words set off after a town: "Rheinzabern, Mitglied der Verbandsgemeinde, unterhält",
# "Nürnberg – mit der Fürth keine ... verbindet – unterhält".
_APPOSITION = re.compile(r"\s*,[^,.;()]{1,60},|\s+[–—]\s[^.;()–—]{1,80}?\s[–—]")


def _elided_noun(text: str, city: _City) -> bool:
    """ "mit der Dürens verglichen": a genitive after an article whose noun is left out names no party."""
    return text[city.end - 1] == "s" and re.search(r"\b(?:der|des)\s+$", text[max(0, city.start - 6) : city.start]) is not None


def _anchor(text: str, start: int, end: int, cities: list[_City], home: _City | None) -> _City | None:
    """The subject city of a partnership sentence: a genitive ("Partnerstädte Leipzigs"),
    the city next to a relation verb ("pflegt die Stadt Gera", "Hamburg ist ... verbunden"),
    or the home city when it is named."""
    for c in cities:
        if c.genitive and not _elided_noun(text, c):
            return c
    # "Weitere Partnerstädte von Kiel sind ...": a genitive with "von", when it leads.
    if re.search(r"(?:partnerstädte|partnerstadt|partner)\s+von\s+$", text[max(start, cities[0].start - 30) : cities[0].start],
                 re.IGNORECASE):
        return cities[0]
    for c in cities[:1]:
        # "Projektpartnerschaften der Stadt Bonn mit Cape Coast (Ghana) und La Paz"
        if re.search(r"(?:partnerschaft|freundschaft)(?:en)?\s+(?:der\s+(?:Stadt|Gemeinde|Hansestadt)\s+|von\s+)$",
                     text[max(start, c.start - 40) : c.start], re.IGNORECASE) and re.match(r"\s+mit\s", text[c.end : c.end + 6]) and (
                not re.search(r"\bund\s+von\s", text[c.end : end])):  # not "von Zittau mit Bogatynia und von Bautzen mit ..."
            return c
    label = _LABEL_SUBJECT.match(text, start, cities[0].start)
    colon = _LABEL_COLON.match(text, cities[0].end, end)
    if label and colon and len(cities) >= 2 and _kind_of(text[colon.end() : end]) and not any(
            _key(c) == _key(cities[0]) for c in cities[1:]):
        # a post's town before a colon, then its partnership: "Für Ludwigsburg: Entwicklungspartnerschaft mit
        # Kongoussi", "Und Reutlingen: Partnerschaft mit Bouaké"; not a partner's own paragraph
        # ("Saint-Nazaire: Die Partnerschaft mit Saint-Nazaire ...")
        return cities[0]
    subject = _OPENING_SUBJECT.match(text, start, cities[0].start)
    possessive = _POSSESSIVE_PARTNERS.search(text, cities[0].end, end)
    if subject and possessive and not any(cities[0].end <= c.start < possessive.start() for c in cities):
        # "Die Stadt Regensburg rechnet mit Delegationen aus ihren Partnerstädten Aberdeen ...": the
        # possessive points back to the town the sentence opens with, whatever its verb
        return cities[0]
    for c in cities:
        before = re.findall(r"[\w]+", text[max(start, c.start - 30) : c.start])
        following = text[c.end : c.end + 90]
        apposition = _APPOSITION.match(following)
        following = following[apposition.end() :] if apposition else following[:30]
        founding = _told_locally(text, c, end)  # "Coventry ging bereits 1947 eine Partnerschaft mit Kiel ein"
        after = [w for w in re.findall(r"[\w]+", following[:30]) if w.casefold() not in _FILLERS]
        before = [w for w in before if w.casefold() not in _CITY_HEADS and w.casefold() not in ("die", "der", "das")]
        # After a copula stands the predicate, often the partner: "Partnerstädte ... sind Tallinn".
        verb_before = before and before[-1] in _ANCHOR_VERBS and (
            before[-1] not in _COPULAS or _COPULA_SUBJECT.match(text[c.end : end]))
        # "ist die Partnergemeinde Steinach ihrerseits mit Leutkirch verbunden": the particle marks the subject
        # "Halle (Saale) mit ihrer russischen Partnerstadt Ufa": the possessive points back to the subject
        own_side = re.match(r"\s+(?:ihrerseits|seinerseits|wiederum|selbst)\b|\s+mit\s+(?:ihrer|seiner|ihren|seinen)\s", following)
        our_partner = _OUR_PARTNER.match(text, start) and re.search(r"Partner\w*\s+$", text[max(start, c.start - 20) : c.start])
        # "Halle war zu diesem Zeitpunkt bereits seit 1976 mit Grenoble ... partnerschaftlich verbunden", not
        # "Skawina war damit nach Haderslev ... die dritte Partnerstadt": the subject of a bond told in the past
        bound_before = after and after[0] in ("war", "waren") and _BOUND_WITH.match(text, c.end, end)
        if (verb_before or own_side or founding or bound_before or (after and after[0] in _ANCHOR_VERBS)) and not our_partner:
            # ("Unsere Partnerstadt Stettin ist nicht weit weg": the partner, not the subject)
            # After a preposition a city is no subject: "Wirtschaftskontakte etwa nach Mumbai oder Łódź pflegt die ..."
            # Nor after an adjective and a noun: "Mit der namibischen Hauptstadt Windhoek verbindet Bremen ..."
            # (but "Die Hanse- und Universitätsstadt Rostock ist verschwistert mit ...": a title's "und")
            if not re.search(r"(?<!-\s)(?:\bmit|\bzu|\bvon|\bund|\boder|\bnach|\bin|\baus|\büber|\bbei|\bfür)\s+"
                             r"(?:der\s+|dem\s+)?(?:[a-zäöüß]+(?:e|en|er)\s+)?(?:[\w-]*(?:[Ss]tadt|[Gg]emeinde)\s+)?(?:['’]s-)?$",
                             text[max(start, c.start - 45) : c.start], re.IGNORECASE):
                return c
    if home is not None:
        for c in cities:
            if _key(c) == _key(home):
                return c
    return None


# After "ist" stands the subject when "mit" and a participle follow: "Bereits seit 1989 ist Mülheim an der
# Ruhr mit Oppeln verbunden", not the predicate of "Partnerstädte sind Tallinn und ...".
_COPULA_SUBJECT = re.compile(r"(?:\s+(?:an|am|im|in|der|[A-ZÄÖÜ(][\w()]*))*?\s+mit\s+[^,;.]*?\b(?:verbunden|verschwistert|befreundet)\b")
# Only an article and a town's title before the first town: it opens the sentence as its subject.
_OPENING_SUBJECT = re.compile(r"\s*(?:(?:Die|Der|Das|Auch\s+die|Auch\s+der)\s+)?(?:(?:[A-ZÄÖÜ]\w*)?(?:[Ss]tadt|[Gg]emeinde)\s+|Markt\s+)?\Z")
# also an agenda's report from a town: "2. Bericht Flensburg: Partnerschaften mit Carlisle (1961) und Słupsk (1988)"
_LABEL_SUBJECT = re.compile(r"\s*(?:Für|Und|Bei|Auch|Aus|Von|Nachtrag\s+(?:von|aus|für)|(?:\d{1,2}\.\s+)?Bericht(?:\s+(?:aus|von))?)\s+\Z")
_LABEL_COLON = re.compile(r"[^:.\n]{0,20}:\s")  # the label's end: "Ludwigsburg:", "Schwäbisch Hall per Mail:"
_POSSESSIVE_PARTNERS = re.compile(r"\b(?:ihre|ihren|ihrer|seine|seinen|seiner)\s+(?:[\w-]+\s+)?(?:Partner|Schwester)\w*")


def _told_locally(text: str, city: _City, end: int) -> bool:
    """Whether a town is the subject of a founding verb: "Coventry ging bereits 1947 eine Partnerschaft mit
    Kiel ein", "Stuttgart hatte sich 1962 mit Straßburg verbunden"."""
    following = text[city.end : min(end, city.end + 90)]
    apposition = _APPOSITION.match(following)
    words = [w for w in re.findall(r"\w+", following[apposition.end() if apposition else 0 :][:30])
             if w.casefold() not in _FILLERS]
    return bool(words) and words[0] in _FOUNDING_VERBS


# A town that opens a clause of its own: "..., Reutlingen 1958 mit Roanne", "..., und Esslingen war ..."
_NEW_SUBJECT = re.compile(r"\s+(?:(?:seit\s+)?(?:1[89]|20)\d\d\s+|im\s+(?:selben|gleichen|folgenden|nächsten)\s+Jahr\s+)?mit\s|\s*,\s*(?:die|der|das|welche[rs]?)\s|\s+(?:"
                          + "|".join(sorted(_ANCHOR_VERBS | _FOUNDING_VERBS | {"war", "waren", "wurde", "wurden"})) + r")\s")


def _clause_pairs(text: str, end: int, subject: _City, cities: list[_City], start: int) -> list[tuple]:
    """Each subject with the towns of its own clause: "Karlsruhe unterzeichnete 1955 eine Partnerschaft mit
    Nancy, Reutlingen 1958 mit Roanne" pairs Karlsruhe–Nancy and Reutlingen–Roanne, not Karlsruhe–Roanne.
    The first subject's clause begins after the last comma before it, or with the sentence (``start``):
    "Bereits seit 1989 ist Mülheim ...", but "... besiegelten ihre Partnerschaft 1960, Heidelberg folgte 1961 ..."."""
    pairs = []
    clause_start = max(start, text.rfind(",", start, subject.start) + 1, text.rfind(";", start, subject.start) + 1)
    while subject is not None:
        own, following = [], None
        # "Jülich, die am selben Tag wie Düren unterging, habe 1964 mit Haubourdin ...": not the apposition's town
        apposition = _APPOSITION.match(text, subject.end, end)
        own_start = apposition.end() if apposition else subject.end
        for c in sorted(cities, key=lambda c: c.start):
            if c.start < own_start or _key(c) == _key(subject):
                continue
            if _NEW_SUBJECT.match(text, c.end):
                following = c
                break
            own.append(c)
        own = _distinct(own)
        clause_end = following.start if following is not None else end
        if own and text.find(";", own[-1].end, clause_end) != -1:
            clause_end = text.find(";", own[-1].end, clause_end)
        year_first = _SUBJECT_YEAR.match(text, subject.end)  # "Cottbus 1975 mit Grünberg"
        same_year = _SAME_YEAR.match(text, subject.end)  # "Münster im selben Jahr mit Lublin"
        if len(own) == 1:
            year = int(year_first.group(1)) if year_first else _sentence_year(text, clause_start, clause_end)
            if same_year and pairs and pairs[-1][3] is not None:
                year = pairs[-1][3] + (0 if same_year.group(1) in ("selben", "gleichen") else 1)
            pairs.append((subject, own[0], "anchor", year))
        elif own:
            pairs += [(subject, c, "anchor", year) for c, year in _list_years(text, clause_end, own, clause_start)]
        subject = following
        clause_start = following.start if following is not None else end
    return pairs


_SUBJECT_YEAR = re.compile(r"\s+(?:seit\s+)?((?:1[89]|20)\d\d)\s+mit\s")


def _gapped_subject(text: str, city: _City) -> bool:
    """A town that opens a clause after a comma with its year and partner, the verb left out: ", Saarlouis seit 1969 mit"."""
    return bool(re.search(r",\s*(?:und\s+)?$", text[max(0, city.start - 8) : city.start]) and _SUBJECT_YEAR.match(text, city.end))
_SAME_YEAR = re.compile(r"\s+im\s+(selben|gleichen|folgenden|nächsten)\s+Jahr\s+mit\s")
# "mit Kiel", "mit dem nordfranzösischen Haubourdin", "mit der Stadt Wladimir": what stands before a partner
_WITH_A_TOWN = r"mit\s+(?:(?:der|dem)\s+(?:[a-zäöü]\w*\s+)?(?:(?:Stadt|Gemeinde)\s+)?)?"
# "Richmond upon Thames, das seit 1983 mit Konstanz ...": the rest of a name the gazetteer linked in part may come first
_RELATIVE_PARTNER = re.compile(r"(?:[ \t]+(?:upon|on|an|am|der|de|sur|[A-ZÄÖÜ][\w-]*)){0,3}?\s*(?:\([^()]*\)\s*)?,"
                               r"\s*(?:die|der|das|welche[rs]?)\s+[^,;.()]{0,60}?\b" + _WITH_A_TOWN)
# "... mit Kiel eine Partnerschaft schloss und 1959 auch mit Dresden"
_AND_WITH = re.compile(r"\s+(?:[^,;.()]{0,40}?\s)?und\s+(?:(?:seit\s+)?((?:1[89]|20)\d\d)\s+)?(?:auch\s+)?" + _WITH_A_TOWN)
# "Münster, das bereits 1957 mit York eine Partnerschaft geschlossen hatte, verband sich 1960 mit Orléans"
_MAIN_CLAUSE_WITH = re.compile(r"[^,;.()–—]*?,\s+(?!(?:deren|dessen|die|der|das|wo|welche[rs]?)\b)[a-zäöüß][^,;.()]{0,30}?\s"
                               r"(?:(?:seit\s+)?((?:1[89]|20)\d\d)\s+)?" + _WITH_A_TOWN)


def _relative_pairs(text: str, start: int, end: int, cities: list[_City], alone: bool) -> list[tuple]:
    """ "Coventry, das schon 1947 mit Kiel eine Partnerschaft schloss und 1959 auch mit Dresden": the town
    before the relative clause and each town after its "mit"; a year inside the clause is theirs."""
    pairs = []
    for k in range(len(cities) - 1):
        a, b = cities[k], cities[k + 1]
        relative = _RELATIVE_PARTNER.fullmatch(text, a.end, b.start)
        clause_end = text.find(",", b.end, end)
        if relative is None or _key(a) == _key(b) or _kind_of(text[a.end : clause_end if clause_end != -1 else end]) is None:
            continue
        inside = _YEAR.search(relative.group(0))  # "Herne, die 1954 mit Hénin-Beaumont ... einging"
        year = (_sentence_year(text, start, end) if alone else None) or (int(inside.group(1)) if inside else None)
        pairs.append((a, b, year))
        for c in cities[k + 2 :]:
            also = _AND_WITH.fullmatch(text, pairs[-1][1].end, c.start) or _MAIN_CLAUSE_WITH.fullmatch(text, pairs[-1][1].end, c.start)
            if also is None:
                break
            pairs.append((a, c, int(also.group(1)) if also.group(1) else None))
    return pairs


_SUSPENDED = re.compile(r"\b(?:ruh\w*|ausgesetzt|eingefroren|suspendiert|auf\s+Eis)\b", re.IGNORECASE)


_YEAR_OF_ENTRY = re.compile(r"[ \t]*((?:1[89]|20)\d\d)\.[ \t]")


def _sentence_year(text: str, start: int, end: int) -> int | None:
    """The founding year of the one partnership a sentence states, if the sentence gives one."""
    sentence = text[start:end]
    best = None
    # "Das Turnier wird seit 2005 im Rahmen der Städtepartnerschaft ... ausgetragen": the year of an activity
    activity = re.search(r"\bim\s+Rahmen\s+(?:der|dieser|unserer|ihrer|seiner|einer)\s+(?:[\w-]+\s+)?[\w-]*(?:partnerschaft|freundschaft)",
                         sentence, re.IGNORECASE)
    declared = _DECLARED_YEAR.search(sentence)
    if declared:  # "... im Mai 1976 unterzeichnet; als Gründungsjahr gilt deshalb 1976"
        return int(declared.group(1) or declared.group(2))
    later = _YEARS_LATER.search(sentence)
    if later and len(_YEAR.findall(sentence[: later.start()])) == 1:
        # "Aus der 1988 geschlossenen Städtefreundschaft wurde zwei Jahre später eine förmliche Städtepartnerschaft"
        return int(_YEAR.search(sentence).group(1)) + _count(later.group(1))
    # Years alone and in numeric dates ("Am 1.9.1984 wurde die Partnerschaft ... besiegelt")
    for match in sorted((*_YEAR.finditer(sentence), *_DATE_YEAR.finditer(sentence)), key=lambda m: m.start(1)):
        before = sentence[max(0, match.start(1) - 30) : match.start(1)]
        after = sentence[match.end(1) : match.end(1) + 80]
        score = 0
        if re.match(r"(?:\s+[\w.-]+){0,4}?" + _INTO_A_PARTNERSHIP, after):
            score = 4  # "Die 1972 begonnenen Kontakte mündeten 1975 in eine förmliche Partnerschaft", "führten 1978 zur Partnerschaft",
            # "wurde am 3. Oktober 1997 durch Beschluss beider Stadträte zur Städtepartnerschaft erhoben"
        elif re.match(r"\s+(?:aufgenommenen|begonnenen|geknüpften|ersten)\s+Kontakte", after) or (
                activity and match.start() < activity.start()):
            score = 0  # "Die 1972 begonnenen Kontakte": the start of something before the partnership
        elif re.search(r"\((?:vorher|bisher|zuvor|früher|fälschlich)\s+$", before):
            score = 0  # "Beginn ... 1973 korrigiert (vorher 1974)": the year a correction replaced
        elif re.search(r"\bBeginn\s+(?:der|des)\s+[\w-]*(?:[Pp]artnerschaft|[Ff]reundschaft)\w*\s+(?:(?:jeweils|im\s+Jahr(?:e)?)\s+)*$",
                       sentence[max(0, match.start(1) - 60) : match.start(1)]):
            score = 3  # "Beginn der Partnerschaften jeweils 1973"
        elif re.search(r"\bseit:?\s+(?:dem\s+(?:Jahr(?:e)?\s+)?)?(?:\d{1,2}\.\s?(?:\d{1,2}\.|[A-ZÄÖÜ][a-zä]+)\s?)?$", before,
                       re.IGNORECASE):  # also "seit dem 14. September 1997"
            score = 0 if re.search(_SUSPENDED.pattern + r"\s+seit\b", before, re.IGNORECASE) else 3  # not "ruht seit 2015"
        elif re.search(r"\b[Ss]eit\s+" + _MONTHS + r"\s+$", before) and not _SUSPENDED.search(sentence):
            score = 3  # "seit Juni 1990 Partnerstadt", not "ruht seit März 2022"
        elif re.search(r"\bJahr(?:e)?\s+(?:(?:der|des)\s+(?:[\w-]+\s+){1,2})?$", before) or re.search(r"\(\s*(?:[A-ZÄÖÜ][^()]{0,24},\s*)?(?:seit\s+)?$", before):
            score = 2  # "im Jahr 1986", "Im Jahr der Wiedervereinigung 1990", "(1987)", a lexicon's "(GB, Wales, 1978)"
        elif re.search(r"\bvon\s+$", before) and re.match(r"\s*bis\s+(?:1[89]|20)\d\d", after):
            score = 2  # "war von 1975 bis 1990 mit Landsberg verbunden": the start of the span
        elif re.match(r"^\s*(?:(?:förmlich|offiziell|feierlich|als|[\w-]*(?:partnerschaft|freundschaft))\s+){0,3}"
                      r"(?:geschlossen|gegründet|begründet|besiegelt|unterzeichnet|vereinbart)", after, re.IGNORECASE):
            score = 3  # "1957 förmlich als Partnerschaft besiegelt"
        elif re.search(r"(?:[Kk]omitee|[Vv]erein|Freundeskreis)(?:s|es|e)?,?\s+(?:im\s+Jahr(?:e)?\s+)?$", before):
            score = 0  # "Unser Partnerschaftskomitee, 1988 gegründet": the year of the club, not of the partnership
        elif re.match(r"[^,;.]{0,50}?\b(?:unterzeichnet|besiegelt|unterschrieben)\b", after):
            score = 2  # "1975 vom Stadtrat beschlossen und im Mai 1976 in der Burg feierlich unterzeichnet": the signing
        elif not sentence[: match.start(1)].strip() and re.match(
                r"\s+(?:[\w-]*(?:[Pp]artnerschaft|[Ff]reundschaft)\w*|Partnerschafts\w+)\s+(?:mit|zwischen)\b", after):
            score = 2  # a chronicle's or CV's entry: "1999   Städtefreundschaft mit Pszczyna (Pless)"
        elif not sentence[: match.start(1)].strip() and re.match(r"[^.;!?]*?\b(?:unterzeichne\w*|schlossen|schließen|besiegel\w*)\s", after):
            score = 2  # the year the sentence opens with: "2005 unterzeichnen Drancy und Głogów eine Freundschaftsvereinbarung"
        elif re.search(r"\b(?:kam|kamen|folgte|folgten)\s+(?:(?:erst|dann|schließlich|im\s+Jahr(?:e)?)\s+)?$", before) and re.match(
                r"(?:\s+[\w-]+){0,3}?\s+(?:dazu|hinzu)\b", after):
            score = 2  # a newcomer among the partners: "Nashville in den USA kam 2003 dazu."
        elif re.search(r"\bAnfang\s+stand(?:en)?\s+(?:schon\s+|bereits\s+)?$", before):
            score = 2  # the first partner: "Am Anfang stand 1963 das englische Winchester"
        elif re.match(r"\s+mit\s+(?:der\s+|dem\s+)?[A-ZÄÖÜ][^,.;()]{0,50}?\s(?:verschwistert|verpartnert|partnerschaftlich\s+verbunden)\b", after):
            score = 2  # "Nantes hatte sich schon 1964 mit Cardiff verschwistert"
        elif re.match(r"\s+mit\s+(?:der\s+|dem\s+)?[A-ZÄÖÜ]", after) and re.search(
                r"\b(?:angefangen|anfing|begann|begonnen|startete|Anfang\s+machte)\b", sentence, re.IGNORECASE):
            score = 2  # the first partner: "Angefangen hat alles 1960 mit Aix-en-Provence."
        elif re.search(r"(?:artnerschaft|reundschaft|artnerstadt|erschwisterung)\w*\s*:\s*$", before):  # (the leader's spaces may cut the word)
            score = 2  # a field's value: "Älteste Partnerschaft:   1956 (Inverness, Schottland)"
        elif _FOUNDING.search(sentence) or re.search(r"\beinging(?:en)?\b|\bging(?:en)?\s[^.;]*\sein\b", sentence):
            score = 1  # also "dass Neunkirchen erst 1987 eine Partnerschaft einging", "Düsseldorf ging 1988 eine ... ein"
        goes_back = re.match(r"\s+zurück\b", after) and re.search(r"\b(?:bis|auf)\s+(?:(?:das|ins)\s+Jahr\s+)?$", before)
        if goes_back:
            score = 3  # "Die älteste reicht bis 1930 zurück: die Partnerschaft mit Klagenfurt"
        elif re.match(r"^\s*(?:er|s)\b", after) or re.match(r"^er", after) or re.search(r"(?<![,;]\s)\bbis\s+$", before):
            score = 0  # "1990er Jahre"; "bis 1945 eine Stadt" ends something ("…, bis 1983 die Urkunde" does not)
        correction = _year_correction(before, after, sentence[: match.start(1)])
        if correction:
            score = 0 if correction < 0 else 5  # "besteht nicht seit 1986, sondern seit 1968"
        if score and (best is None or score > best[0]):
            best = (score, int(match.group(1)))
    if best is None and _SAME_YEAR.search(sentence):
        # "1967 kam sie nach Idstein. Im selben Jahr schloss Idstein seine Partnerschaft mit Tonnerre."
        # The year meant is the previous sentence's first, the one its main clause dates.
        window = max(0, start - 300)
        stops = list(re.finditer(r"[.!?]\s", text[window : max(window, start - 2)]))
        previous = window + stops[-1].end() if stops else window
        earlier = _YEAR.search(text, previous, start)
        return int(earlier.group(1)) if earlier else None
    if best is None and (_FOUNDING.search(sentence) or re.search(r"\bunterzeichne\w*|\bbeschlo(?:ss|ß)", sentence)):
        # A chronicle's entry under its year: "1990. Am 3. Oktober ... unterzeichneten die Bürgermeister ..."
        entry = _YEAR_OF_ENTRY.match(text, text.rfind("\n", 0, start) + 1, end)
        if entry and not _YEAR.search(text, entry.end(), start):
            return int(entry.group(1))
    if best is None:
        ago = _YEARS_AGO.search(sentence)
        if ago and _FOUNDING.search(sentence) and (written := _writing_year(text)):
            # "Vor genau 30 Jahren wurde die Freundschaft mit Vordingborg begründet" in a chronicle of 2023
            return written - _count(ago.group(1))
        if _SIGNED_TODAY.search(sentence) and not _PLANNED.search(sentence):
            # A press release: "Wedel, 14.06.2024. Heute unterzeichneten ...", "Haltern und Olecko besiegeln
            # Städtepartnerschaft": the day of signing is the release's date.
            dateline = _RELEASE_DATE.search(text, 0, 1500)
            return int(dateline.group(1)) if dateline else None
    return best[1] if best else None


_CORRECTED_YEAR_SLOT = r"(?:erst\s+|schon\s+|bereits\s+)?(?:seit\s+|im\s+Jahr(?:e)?\s+)?$"


def _year_correction(before: str, after: str, earlier: str) -> int:
    """-1 for the year a correction takes back ("besteht nicht seit 1986, sondern ..."), +1 for the one it
    gives ("..., sondern seit 1968"), 0 for any other; ``earlier`` is its sentence up to the year."""
    if re.search(r"\bnicht\s+" + _CORRECTED_YEAR_SLOT, before) and re.match(r"\s*,?\s*sondern\b", after):
        return -1
    if re.search(r"\bsondern\s+" + _CORRECTED_YEAR_SLOT, before) and _NEGATION.search(earlier):
        return 1
    return 0
_DECLARED_YEAR = re.compile(r"\bGründungsjahr\s+(?:gilt|ist)\s+(?:\w+\s+){0,2}?((?:1[89]|20)\d\d)\b"
                            r"|\b((?:1[89]|20)\d\d)\s+gilt\s+(?:\w+\s+)?als\s+Gründungsjahr", re.IGNORECASE)
_NUMBER_WORDS = {"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
                 "zehn": 10, "zwanzig": 20, "fünfundzwanzig": 25, "dreißig": 30, "vierzig": 40, "fünfzig": 50,
                 "sechzig": 60, "siebzig": 70}


def _count(word: str) -> int:
    """A count written in digits or as a word: "2", "zwei", "dreißig"."""
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.casefold()]


_YEARS_LATER = re.compile(r"\b(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|\d)\s+Jahre?\s+später\b(?=[^.;]*?"
                          r"(?:Städtepartnerschaft|förmliche\s+Partnerschaft|offizielle\s+Partnerschaft|Partnerschaftsvertrag|Urkunde))",
                          re.IGNORECASE)
_SIGNED_TODAY = re.compile(r"\b[Hh]eute\b[^.]*\b(?:unterzeichne|besiegel|geschlossen|schlossen)\w*"
                           r"|^\s*[^.\n]{3,80}\b(?:besiegeln|unterzeichnen|schließen)\b[^.\n]*(?:partnerschaft|freundschaft)\w*\s*$",
                           re.IGNORECASE)
# Exactly so many years before the text was written; not "vor fast 30 Jahren", "vor über 40 Jahren".
_YEARS_AGO = re.compile(r"\b[Vv]or\s+(?:genau\s+|exakt\s+|nunmehr\s+|auf\s+den\s+Tag\s+genau\s+)?(\d{1,2}|"
                        + "|".join(word for word, count in _NUMBER_WORDS.items() if count >= 10)
                        + r")\s+Jahren\b", re.IGNORECASE)
_DATE_WITH_YEAR = re.compile(r"\b\d{1,2}\.\s?(?:\d{1,2}\.|[A-ZÄÖÜ][a-zä]+)\s?((?:19|20)\d\d)\b")


def _writing_year(text: str) -> int | None:
    """The year a text was written, as its head gives it: a dated dateline or the latest year of its
    first lines ("Jahresrückblick 2023", "Sendung vom 14.03.2025")."""
    dateline = _RELEASE_DATE.search(text, 0, 1500)
    if dateline:
        return int(dateline.group(1))
    head = "\n".join([line for line in text[:1500].splitlines() if line.strip()][:3])
    dated = _DATE_WITH_YEAR.search(head)
    if dated:
        return int(dated.group(1))
    years = [int(match.group(1)) for match in _YEAR.finditer(head)]
    return max(years) if years else None


# A dateline at the head of a release: "Wedel, 14.06.2024.", "Haltern am See, 12. Mai 2024 –".
_RELEASE_DATE = re.compile(r"^[ \t]*[A-ZÄÖÜ][^\n,]{1,40},[ \t]+(?:den[ \t]+)?\d{1,2}\.[ \t]?(?:\d{1,2}\.|[A-ZÄÖÜ][a-zä]+[ \t])[ \t]?"
                       r"((?:19|20)\d\d)\b", re.MULTILINE)


# What follows the year of a relation's conversion into the partnership: "1975 in eine förmliche
# Partnerschaft", "2006 in eine förmliche Partnerschaft überführt", "1978 zur Partnerschaft".
_INTO_A_PARTNERSHIP = r"\s+(?:in\s+eine[rn]?\s+|zur\s+|zu\s+einer\s+)(?:[\w-]+\s+){0,2}?[\w-]*(?:[Pp]artnerschaft|[Ff]reundschaft)\b"
_SAME_YEAR = re.compile(r"\b(?:im|in)\s+(?:selben|gleichen|demselben|selbigen)\s+Jahr\b(?!\s*\d)", re.IGNORECASE)


def _pair_list_years(text: str, start: int, end: int, pairs: list[tuple[_City, _City]]) -> list[int | None]:
    """The year of each pair of a list: "Kiel und Gdingen (1985), Wiesbaden und Breslau (1987)",
    "Guben und Gubin schlossen 1991 einen Vertrag, Görlitz und Zgorzelec ebenfalls 1991",
    "sowie – beide im Jahr 1979 – Hannover und Posen sowie Nürnberg und Krakau",
    "Stuttgart und Lodz sowie Darmstadt und Płock (beide 1988)", "1987 folgten die Paare: Bremen und Rostock, ..."."""
    if len(pairs) == 1:
        return [_sentence_year(text, start, end)]
    years: list[int | None] = []
    shared = None  # "– beide im Jahr 1979 –": the year of the pairs that follow
    for k, (a, b) in enumerate(pairs):
        lead_in = text[pairs[k - 1][1].end if k else start : a.start]
        if re.search(r"\b(?:beide|alle|jeweils)\b", lead_in) and _YEAR.search(lead_in):
            shared = int(_YEAR.findall(lead_in)[-1])
        elif not k and re.search(r":\s*$", lead_in) and len(_YEAR.findall(lead_in)) == 1:
            shared = int(_YEAR.findall(lead_in)[0])  # "1987 folgten die großen Paare: Hamburg und Dresden, ..."
        own_lead = re.search(r"–\s*(?:im\s+Jahr(?:e)?\s+)?((?:1[89]|20)\d\d)\s*–", lead_in) if k else None
        next_start = pairs[k + 1][0].start if k + 1 < len(pairs) else end
        segment = text[b.end : next_start]
        year = _segment_year(segment)
        in_segment = _YEAR.findall(re.split(r"[,;]", segment)[0])
        if year is None and len(in_segment) == 1 and (_FOUNDING.search(segment) or re.search(r"\bebenfalls\b", segment)):
            year = int(in_segment[0])
        if year is None and own_lead:  # "sowie – im Jahr 1962 – die Partnerschaft ... Stuttgart mit Straßburg"
            year = int(own_lead.group(1))
        years.append(year if year is not None else shared)
    for k in range(len(pairs) - 2, -1, -1):  # "(beide 1988)" after the second pair dates the first too
        both = re.match(r"\s*[(,]\s*(?:beide|alle|jeweils)\b", text[pairs[k + 1][1].end : end])
        if years[k] is None and both and re.fullmatch(r"\s*(?:,|und|sowie)\s*", text[pairs[k][1].end : pairs[k + 1][0].start]):
            years[k] = years[k + 1]
    return years


def _segment_year(segment: str) -> int | None:
    """A year right after one list member: "(1987)", "(seit 1960)", ", seit 1960", "im Jahr 1986"."""
    match = re.match(
        r"^[^.;]*?(?:\(\s*(?:seit\s+|beide\s+|alle\s+|jeweils\s+|ebenfalls\s+|[\w-]*(?:partnerschaft|freundschaft|kooperation)\s+(?:seit\s+)?)?|,\s*(?:beide|alle|jeweils)\s+|\([^()]*?,\s*(?:seit\s+)?|seit\s+(?:dem\s+(?:Jahr(?:e)?\s+)?)?|im\s+Jahr(?:e)?\s+)"
        r"(1[89]\d\d|20\d\d)", segment
    )  # "(1987)", "(seit 1960)", "(Städtefreundschaft 1990)", "(Großbritannien, 1965)", "seit 1960", "im Jahr 1986"
    # a bare year before the next member's separator or the sentence's end: "Pesaro (I) 1960 – Marignane (F) 1963 – ...",
    # "Coventry seit 1959, Breslau ebenfalls 1959, ..., Straßburg 1990."
    match = match or re.match(r"^\s*(?:\([^()]{1,30}\)\s*)?(?:(?:ebenfalls|gleichfalls|auch)\s+)?(1[89]\d\d|20\d\d)\s*(?:[–—,;·|]|\.(?!\S)|$)", segment)
    return int(match.group(1)) if match else None


def _list_years(text: str, end: int, cities: list[_City], start: int = 0) -> list[tuple[_City, int | None]]:
    """Each partner's year from the text up to the next partner; coordinated names share one.

    "Mit Breslau und Coventry ist Dresden seit 1959 ... verbunden": Breslau takes Coventry's year.
    """
    # "das schon 1947 mit Kiel eine Partnerschaft schloss und 1959 auch mit Dresden": each year leads its partner
    leading, previous_end = [], start
    for c in cities:
        year_then_mit = _YEAR_THEN_MIT.search(text, previous_end, c.start)
        leading.append(int(year_then_mit.group(1)) if year_then_mit else None)
        previous_end = c.end
    if len(cities) > 1 and all(leading):
        return list(zip(cities, leading))
    years = []
    for k, c in enumerate(cities):
        segment_end = cities[k + 1].start if k + 1 < len(cities) else end
        segment = text[c.end : segment_end]
        if not k and _BESIDES.match(text[start : c.start]) and not re.match(r"[^()]{0,30}\([^()]*?(?:1[89]|20)\d\d", segment):
            # "Neben der Partnerschaft mit Triel-sur-Seine pflegt Seligenstadt seit 1999 eine Städtefreundschaft
            # mit ... Dombóvár": the year is the next partner's
            years.append(None)
            continue
        if k + 1 < len(cities) and _NEXT_CLAUSES_YEAR.search(segment):
            years.append(None)  # "... mit Mulhouse im Elsass, seit 1995 ist sie mit Łódź verbunden": Łódź's year
            continue
        converted = re.search(r"((?:1[89]|20)\d\d)" + _INTO_A_PARTNERSHIP, segment)
        # "Gryfice (Polen) – die seit 1999 ... bestehenden Kontakte wurden 2006 in eine förmliche Partnerschaft überführt"
        year = int(converted.group(1)) if converted else _segment_year(segment)
        found_years = _YEAR.findall(segment)
        if year is None and len(found_years) == 1 and _FOUNDING.search(segment) and not re.search(
                r"[,;]\s*(?:und\s+)?" + found_years[0], segment):  # not "..., 1999 das irische Tuam": the next one's
            year = int(found_years[0])  # "Die Partnerschaft mit Aurillac ... wurde 1973 geschlossen, die mit ..."
        if year is None and k + 1 == len(cities) and segment.startswith(":"):
            year = _sentence_year(text, c.end, segment_end)  # "Krakau und Brünn: Beginn der Partnerschaften jeweils 1973 ..."
        years.append(year)
    for k, c in enumerate(cities):
        # "Kempten ist seit 1987 mit Trient verschwistert; weitere Partnerstädte sind ...":
        # the year of a partner alone in its clause may stand before it.
        clause_start = max(text.rfind(";", start, c.start), start - 1) + 1
        if years[k] is None and not any(clause_start <= o.start < c.start for o in cities):
            clause_end = text.find(";", c.end, end)
            years[k] = _sentence_year(text, clause_start, c.start) if clause_end != -1 else None
    for k, c in enumerate(cities):
        # A year that leads its own comma-separated part: "1981 kam Wels hinzu, 1999 das irische Tuam".
        # ... and after a bracket or "sowie": "Mindszent (Ungarn, seit 1993) sowie der im Jahr 2023 begründeten
        # Städtefreundschaft mit Boryslaw"
        part_start = max(text.rfind(",", start, c.start), text.rfind(";", start, c.start), text.rfind(")", start, c.start),
                         text.rfind(" sowie ", start, c.start), cities[k - 1].end if k else start)
        leading = _YEAR.findall(text[part_start : c.start])
        if not leading and k and (aside := re.search(r",\s*((?:1[89]|20)\d\d)\s*,\s*(?:(?:das|der|die)\s+[\w-]+\s+)?$",
                                                      text[cities[k - 1].end : c.start])):
            leading = [aside.group(1)]  # "..., ein Jahr später, 1978, Netanya in Israel": the year set off by commas
        if years[k] is None and len(leading) == 1 and (
            (k and years[k - 1] != int(leading[0])) or (not k and (_sentence_year(text, part_start, c.start)
                                                                   or _YEAR_THEN_JOINED.search(text, part_start, c.start)))
        ):
            years[k] = int(leading[0])
    for k in range(len(cities) - 2, -1, -1):
        if years[k] is None and re.fullmatch(r"\s*(?:,|und|sowie)\s*", text[cities[k].end : cities[k + 1].start]):
            years[k] = years[k + 1]
    for k in range(len(cities) - 2, -1, -1):
        # "Trutnov in Tschechien und Lemberg in der Ukraine, beide 2008": a year both share, after the second
        if years[k] is None and years[k + 1] is not None and re.search(r"\b(?:und|sowie)\s+$", text[cities[k].end : cities[k + 1].start]) \
                and not _YEAR.search(text, cities[k].end, cities[k + 1].start) and re.match(
                    r"[^.;]*?[,(]\s*(?:beide|alle|jeweils)\s+(?:im\s+Jahr(?:e)?\s+)?" + str(years[k + 1]), text[cities[k + 1].end : end]):
            years[k] = years[k + 1]
    for k in range(1, len(cities)):
        # "1990 kamen Perugia und Sioux Falls (USA) hinzu": a year before the first of joined names is theirs
        if years[k] is None and re.fullmatch(r"\s*(?:,|und|sowie)\s*", text[cities[k - 1].end : cities[k].start]) and (
                not _YEAR.search(text, cities[k].end, end)):
            years[k] = years[k - 1]
    lead_in = text[start : cities[0].start] if cities else ""
    lead_in = re.sub(r"\s*" + _ARTICLE_AND_COUNTRY + r"$", "", lead_in)  # "...hinzu: das polnische Radom"
    lead = _sentence_year(lead_in, 0, len(lead_in)) if lead_in.rstrip().endswith(":") else None
    if lead is None and lead_in.rstrip().endswith(":") and re.search(r"\b(?:beide|alle|jeweils)\b", lead_in) and len(_YEAR.findall(lead_in)) == 1:
        lead = int(_YEAR.findall(lead_in)[0])  # "Die beiden ältesten Partnerschaften sind beide von 1962: Caen ... und Dundee"
    if lead is not None and set(years) <= {lead, None}:
        # "Es folgten 1989 zwei weitere Partnerstädte: Ravenna ... und Kursk": one year before the whole list.
        years = [lead] * len(cities)
    return list(zip(cities, years))


# "1964 kam Rochester (Minnesota) dazu": a year that opens its clause, and the partner that joined then
_YEAR_THEN_JOINED = re.compile(r"\b(?:1[89]|20)\d\d\s+(?:kam|kamen|folgte|folgten)\s+(?:(?:das|der|die)\s+[\w-]+\s+)?$")
_YEAR_THEN_MIT = re.compile(r"\b((?:1[89]|20)\d\d)\s+(?:[\w-]+\s+){0,3}?mit\s+(?:(?:der|dem)\s+)?(?:[a-zäöü]\w*\s+)?"
                            r"(?:(?:Stadt|Gemeinde)\s+)?\Z")
# A clause after a comma that opens with its year and ends in the next partner: ", seit 1995 ist sie mit ",
# after a partner's own words that give none (not "Luzern verbindet uns seit 2002 ..., und 2017 wurde ... mit").
_NEXT_CLAUSES_YEAR = re.compile(r"^[^,;()\d]*,\s*(?:und\s+)?(?:seit|im\s+Jahr(?:e)?|ab)?\s*(?:1[89]|20)\d\d\s+(?:[\w-]+\s+){1,4}?"
                                r"mit\s+(?:(?:der|dem)\s+)?(?:(?:Stadt|Gemeinde)\s+)?$")
_BESIDES = re.compile(r"\s*(?:Neben|Außer|Abgesehen\s+von)\b[^,;]*$")


def _nearest_kind(text: str, start: int, end: int, city: _City, partners: list[_City] | tuple = ()) -> str | None:
    """The kind named by the partnership word nearest to ``city`` in its sentence; a kind in brackets or after
    a dash behind another of the sentence's ``partners`` is that partner's."""
    sentence = text[start:end].casefold()
    centre = (city.start + city.end) // 2 - start
    # In a list of segments ("Cavaillon ..., seit 1958; Imola ... seit 1985; und Ramat Gan, mit dem eine
    # Städtefreundschaft besteht") a segment's kind word is its own: only the city's segment and the first count.
    cuts = [m.end() for m in re.finditer(r";|\s/\s", sentence)]  # also "Tata, seit 1992 / Nilüfer, Städtefreundschaft seit 2008"
    segment = bisect.bisect_right(cuts, centre)
    bounds = [0] + cuts + [len(sentence)]
    allowed = [(bounds[segment], bounds[segment + 1]), (0, bounds[1])]
    # A kind in another partner's brackets or after its dash is that partner's: "Bad Kreuznach (Städtefreundschaft
    # 1990), Nymburk (Tschechien, 2007)", "Nîmes (1976), Heilbronn – Städtefreundschaft im Jahr ..."
    named = sorted({c.start: c for c in [*partners, city]}.values(), key=lambda c: c.start)
    asides = []
    for m in re.finditer(r"(?<=\w)\s*\([^()]*\)|(?<=\w)\s[–—]\s[^,;()]*", sentence):
        owner = next((c for c in reversed(named) if c.end - start <= m.start()), None)
        if owner is not None and _key(owner) != _key(city) and not m.start() <= centre < m.end() and (
                text[city.start : city.end].casefold() not in m.group()):  # "Heidelberg und Worms – mit Heidelberg als Städtefreundschaft"
            asides.append((m.start(), m.end()))
    best = None
    for word in re.finditer(r"\w+", sentence):
        kind = _kind_of(word.group())
        if kind is None or not any(a <= word.start() < b for a, b in allowed) or any(a < word.start() < b for a, b in asides):
            continue
        if word.start() > centre and (re.search(r"\bsowie\b", sentence[centre : word.start()])
                                      or re.search(r"\bund\s+(?:der|die|den|dem|eine[rn]?)\s+$", sentence[centre : word.start()])
                                      or re.search(r"\bund\s+[^,;–—]+?\s[–—-]\s*$", sentence[centre : word.start()])):
            continue  # "..., Kotka (seit 1959) sowie die Städtefreundschaft mit Newport News": the next one's kind,
            # "..., Sumqayıt und der Städtefreundschaft mit Dessau", "..., Tierp (1987) und Köthen – Städtefreundschaft seit 1990"
        distance = min(abs(word.start() - centre), abs(word.end() - centre))
        if best is None or distance < best[0]:
            best = (distance, kind)
    return best[1] if best else None


# --- text helpers -----------------------------------------------------------------------------


def _line_bounds(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end == -1 else end


def _offset_after_lines(text: str, n: int) -> int:
    """Offset just after the first ``n`` non-empty lines (the title block)."""
    count = 0
    offset = 0
    for line in text.split("\n"):
        offset += len(line) + 1
        if line.strip():
            count += 1
            if count >= n:
                break
    return offset


# --- candidate pairs for the learned scorer ------------------------------------------------

# Words around a city that speak of something other than a municipal partnership.
_OTHER_TIES = re.compile(
    r"\b\w*(?:schul|gymnas|universit|hochschul|verein|klub|club|messe|firma|unternehm|werk|kirch|pfarr|"
    r"feuerwehr|sport|fußball|orchester|chor|konzert|reise|fahrt|urlaub|geboren|stammt|studier|arbeitet|"
    r"krankenhaus|klinik|hafen|flughafen|route|strecke|zug|bahn)\w*",
    re.IGNORECASE,
)


@dataclass
class _Candidate:
    a: _City
    b: _City
    statements: list[_Found] = field(default_factory=list)


def _candidates(reading: _Reading, spans: _Spans) -> list[_Candidate]:
    """Every pair the document might state: the rules' pairs, the home city with each other city, and
    two cities that share a sentence with partnership words (or follow one)."""
    text, cities = reading.text, reading.cities
    pairs: dict[tuple, _Candidate] = {}

    def add(a: _City, b: _City, statement: _Found | None = None):
        ka, kb = _key(a), _key(b)
        if ka == kb:
            return
        key = tuple(sorted((ka, kb), key=str))
        candidate = pairs.setdefault(key, _Candidate(a, b))
        if statement is not None:
            candidate.statements.append(statement)

    for statement in reading.found:
        if statement.a is not None:
            add(statement.a, statement.b, statement)
    home = _home_as_city(reading.home)
    if home is not None:
        for city in cities:
            add(home, city)
    previous_subject, previous_end = None, -1
    for start, end, _ in spans.sentences:
        inside = _distinct([c for c in cities if start <= c.start < end])
        subject, subject_end = previous_subject, previous_end
        previous_subject, previous_end = (inside[0] if inside else None), end
        if not inside:
            continue
        # Partnership words in the sentence, the text before it, or the sentence after it:
        # "X und Y gehören seit dem Mauerfall zusammen; besiegelt wurde die Partnerschaft 1990."
        kind_inside = _kind_of(text[start:end]) is not None
        if not (kind_inside or _kind_of(text[max(0, start - 300) : start]) or _kind_of(text[end : end + 150])):
            continue
        if len(inside) > 8:  # a paper's list, "Es folgten Mannheim und Toulon (1959), Offenburg und ...":
            for a, b in zip(inside, inside[1:]):  # neighbours only
                add(a, b)
        else:
            for i, a in enumerate(inside):
                for b in inside[i + 1 :]:
                    add(a, b)
        # The town the previous sentence is about, partnered here without being named again:
        # "Eine bewegte Geschichte hat Pritzwalk. Von 1972 bis 1991 bestand eine Städtefreundschaft mit ..."
        if subject is not None and kind_inside and "\n\n" not in text[subject_end:start]:
            for b in inside[:3]:
                add(subject, b)
    return list(pairs.values())


class _Spans:
    """Where each offset of a document stands: its sentence (or list line), its line, the heading above."""

    def __init__(self, reading: _Reading):
        text, lines = reading.text, reading.lines
        self.text = text
        self.cities = reading.cities
        self.city_starts = [c.start for c in reading.cities]  # sorted, as the cities are
        self.sentences = _sentences(text, lines)
        self.sentence_starts = [s for s, _, _ in self.sentences]
        self.sentence_index = {start: i for i, start in enumerate(self.sentence_starts)}
        self.lines = lines
        self.line_starts = [line.start for line in lines]
        headings, current = [], None
        for line in lines:
            headings.append(current)
            if line.kind == "heading":
                current = line.text
        self.heading_above = headings
        # A city's features do not depend on the pair it is scored in: computed once per mention.
        self.mention_features: dict[int, tuple[dict[str, float], set]] = {}

    def line_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.line_starts, offset) - 1)

    def first_city(self, context: tuple[int, int]) -> _City | None:
        """The city that opens a sentence (or list line): the first one named in it."""
        k = bisect.bisect_left(self.city_starts, context[0])
        return self.cities[k] if k < len(self.cities) and self.city_starts[k] < context[1] else None

    def context(self, offset: int) -> tuple[int, int]:
        """The sentence around ``offset``, or its list line with the attribute lines below it (and, under
        a slide's town, the rest of its card: "Wels" / "Oberösterreich" / "• Partnerstadt" / "  seit 1979")."""
        i = bisect.bisect_right(self.sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i][1]:
            return self.sentences[i][0], self.sentences[i][1]
        j = self.line_at(offset)
        end = self.lines[j].start + len(self.lines[j].text)
        below = ("attribute", "bullet", "heading") if self.lines[j].kind == "item" else ("attribute",)
        for line in self.lines[j + 1 : j + 6]:
            if line.kind not in below:
                break
            end = line.start + len(line.text)
        return self.lines[j].start, end


def _mention_features(spans: _Spans, city: _City, other: _City | None) -> dict[str, float]:
    if city.start not in spans.mention_features:
        spans.mention_features[city.start] = _own_mention_features(spans, city)
    own, keys_inside = spans.mention_features[city.start]
    if other is None:
        return own
    return {**own, "other_in_context": float(_key(other) in keys_inside)}


def _own_mention_features(spans: _Spans, city: _City) -> tuple[dict[str, float], set]:
    """The words, line and heading around one mention, and the keys of the cities in its context."""
    text, cities = spans.text, spans.cities
    start, end = spans.context(city.start)
    context = text[start:end]
    line = spans.lines[spans.line_at(city.start)]
    heading = spans.heading_above[spans.line_at(city.start)] or ""
    before = text[max(start, city.start - 40) : city.start]
    previous = text[max(0, start - 300) : start]
    inside = _distinct([c for c in cities if start <= c.start < end])
    kind_words = [m.start() for m in re.finditer(r"\w+", context) if _kind_of(m.group())]
    centre = city.start - start
    features = {
        "kind_in_context": float(bool(kind_words)),
        "kind_before_context": float(_kind_of(previous) is not None),
        "kind_in_heading": float(_kind_of(heading, _HEADING_STEMS) is not None),
        "kind_distance": min(abs(k - centre) for k in kind_words) / 100 if kind_words else 5.0,
        "year_in_context": float(bool(_YEAR.search(context))),
        "seit_year": float(bool(re.search(r"\bseit\s+(?:1[89]|20)\d\d", context))),
        "year_in_parentheses": float(bool(re.search(r"\(\s*(?:seit\s+)?(?:1[89]|20)\d\d", context))),
        "other_ties": float(len(_OTHER_TIES.findall(context))),
        "negated": float(bool(_NEGATION.search(context))),
        # an FAQ's question answered no: "Ist Saalfeld Partnerstadt von Zalewo in Polen?" / "Nein. ..."
        "answered_no": float(context.rstrip().endswith("?") and bool(_ANSWER_NO.match(text, end))),
        "hedged": float(bool(_HEDGE.search(context))),
        "excluded": float(_excluded(text, start, city, inside)),
        "cities_in_context": float(len(inside)),
        "zwischen": float(bool(re.search(r"\bzwischen\b", context))),
        "mit_before": float(bool(re.search(r"\bmit\s+(?:der|dem|den)?\s*(?:\w+\s+){0,2}$", before))),
        "nach_before": float(bool(re.search(r"\b(?:nach|in|aus|bei)\s+(?:\w+\s+)?$", before))),
        "line_item": float(line.kind == "item"),
        "line_heading": float(line.kind == "heading"),
        "line_bullet": float(line.kind == "bullet"),
        "line_prose": float(line.kind == "prose"),
        "genitive": float(city.genitive),
    }
    return features, {_key(c) for c in inside}


def _pair_features(reading: _Reading, spans: _Spans, candidate: _Candidate) -> dict[str, float]:
    """What speaks for and against a candidate pair, as numbers: the rules that state it, and the
    words, lines and headings around each mention of its cities (the best mention counts)."""
    home_key = _key(_home_as_city(reading.home)) if reading.home is not None else None
    a, b = candidate.a, candidate.b
    if _key(b) == home_key:
        a, b = b, a
    features: dict[str, float] = {f"rule_{f.rule}": 1.0 for f in candidate.statements}
    features["statements"] = float(len(candidate.statements))
    features["rule_confidence"] = max((f.confidence for f in candidate.statements), default=0.0)
    features["rule_year"] = float(any(f.year is not None for f in candidate.statements))
    features["home_pair"] = float(_key(a) == home_key)
    features["home_known"] = float(home_key is not None)
    features["b_german"] = float(b.country == "DE")
    features["a_german"] = float(a.country == "DE")
    features["same_country"] = float(a.country is not None and a.country == b.country)
    features["b_county"] = float(_county_key(b.name) is not None)
    features["district"] = float(a.district or b.district)
    n = max(len(reading.text), 1)
    for side, city in (("b", b), ("a", a)):
        mentions = _mentions_of(reading.cities, city)
        features[f"{side}_mentions"] = float(len(mentions))
        features[f"{side}_first_position"] = mentions[0].start / n if mentions else 1.0
        if side == "a" and features["home_pair"]:
            continue
        best: dict[str, float] = {}
        for mention in mentions[:12]:
            other = a if side == "b" else b
            for name, value in _mention_features(spans, mention, other).items():
                # the most favourable mention: highest for what speaks for a pair, lowest for what speaks against
                against = name in ("kind_distance", "other_ties", "negated", "hedged", "excluded", "nach_before")
                old = best.get(name)
                best[name] = value if old is None else (min(old, value) if against else max(old, value))
        features.update({f"{side}_{name}": value for name, value in best.items()})
    features.update(_closeness(spans, _mentions_of(reading.cities, a), _mentions_of(reading.cities, b)))
    partnered_elsewhere = {_key(f.b) for f in reading.found if f.a is not None and _key(f.a) != _key(a)} | {
        _key(f.a) for f in reading.found if f.a is not None and _key(f.b) != _key(a)}
    features["b_stated_with_other"] = float(_key(b) in partnered_elsewhere)
    features["document_cities"] = float(len({_key(c) for c in reading.cities}))
    features["document_rule_pairs"] = float(len({tuple(sorted((str(_key(f.a)), str(_key(f.b))))) for f in reading.found
                                                 if f.a is not None}))
    return features


def _closeness(spans: _Spans, mentions_a: list[_City], mentions_b: list[_City]) -> dict[str, float]:
    """Whether the two cities are ever named in one sentence (or list line), or in two sentences in a row."""
    contexts_a = {spans.context(m.start) for m in mentions_a[:12]}
    contexts_b = {spans.context(m.start) for m in mentions_b[:12]}
    positions_a = {spans.sentence_index[c[0]] for c in contexts_a if c[0] in spans.sentence_index}
    positions_b = {spans.sentence_index[c[0]] for c in contexts_b if c[0] in spans.sentence_index}
    return {
        "shared_context": float(bool(contexts_a & contexts_b)),
        "adjacent_sentences": float(any(abs(i - j) == 1 for i in positions_a for j in positions_b)),
        **_joined(spans, mentions_a[:12], mentions_b[:12]),
        **_sentence_leads(spans, mentions_a[:12], mentions_b[:12]),
    }


def _sentence_leads(spans: _Spans, mentions_a: list[_City], mentions_b: list[_City]) -> dict[str, float]:
    """Whose sentences they are: a sentence that names both and opens with one of them
    (``led_by_pair``), and the share of each side's sentences that another city opens ("Daneben ist
    Oberhausen partnerschaftlich verbunden mit Middlesbrough": Oberhausen's partner, not Freital's)."""
    keys = {_key(mentions_a[0]), _key(mentions_b[0])} if mentions_a and mentions_b else set()

    def leader(mention: _City) -> _City | None:
        return spans.first_city(spans.context(mention.start))

    def led_by_other(mentions: list[_City]) -> float:
        leaders = [leader(m) for m in mentions]
        return sum(1 for c in leaders if c is not None and _key(c) not in keys) / len(mentions) if mentions else 0.0

    contexts_b = {spans.context(m.start) for m in mentions_b}
    led_by_pair = any(spans.context(m.start) in contexts_b and (c := leader(m)) is not None and _key(c) in keys
                      for m in mentions_a)
    return {"led_by_pair": float(led_by_pair), "a_led_by_other": led_by_other(mentions_a),
            "b_led_by_other": led_by_other(mentions_b)}


# What stands between two cities that a sentence names as one pair: "Castrop-Rauxel und Wakefield
# (1949)", "Reading–Düsseldorf", "Minden und der Londoner Stadtbezirk Sutton".
_JOINING = re.compile(r"\s*(?:und|&|–|—|-|/)\s*(?:(?:der|die|das|dem|den|des)\s+(?:[\w-]+\s+){0,3})?")
_MIT = re.compile(r"\bmit\b")
_MIT_BEFORE = re.compile(r"\bmit\s+(?:(?:der|dem|den)\s+)?(?:[\w-]+\s+){0,2}$")


def _joined(spans: _Spans, mentions_a: list[_City], mentions_b: list[_City]) -> dict[str, float]:
    """How directly one sentence joins the two cities: by "und" or a dash with nothing between
    (``joined``), by "mit" within a few words ("Bochum, das seit 1950 mit Sheffield verbunden ist":
    ``joined_by_mit``; but not when both follow "mit": ``parallel_mit``), and how many other cities stand between their closest mentions."""
    joined = by_mit = parallel = 0.0
    between = 5
    starts = spans.city_starts
    for m in mentions_a:
        for n in mentions_b:
            first, second = (m, n) if m.start < n.start else (n, m)
            if first.end > second.start or spans.context(first.start) != spans.context(second.start):
                continue
            gap = spans.text[first.end : second.start]
            others = bisect.bisect_left(starts, second.start) - bisect.bisect_right(starts, first.start)
            between = min(between, others)
            if others == 0 and _JOINING.fullmatch(gap):
                joined = 1.0
            elif others == 0 and len(gap) <= 60 and _MIT.search(gap):
                if _MIT_BEFORE.search(spans.text, max(0, first.start - 40), first.start):
                    parallel = 1.0  # "die Partnerschaft mit Salzwedel, 2000 die mit Kętrzyn": two partners
                else:
                    by_mit = 1.0
    return {"joined": joined, "joined_by_mit": by_mit, "parallel_mit": parallel, "cities_between": float(between)}


def _mentions_of(cities: list[_City], city: _City) -> list[_City]:
    """Every mention of a city, with the candidate's own (a list line's partner that the line reader
    linked is not among the NER's cities)."""
    same = [c for c in cities if _key(c) == _key(city)]
    if not any(c.start == city.start for c in same):
        same = sorted([*same, city], key=lambda c: c.start)
    return same


def _as_partnership(spans: _Spans, candidate: _Candidate) -> Partnership:
    """The candidate as a row: from its statements when the rules made any, else from the sentence
    (or list line) of the partner's first mention that has partnership words."""
    if candidate.statements:
        return _merge(list(candidate.statements))[0]
    a, b = candidate.a, candidate.b
    kind, year, evidence = "partnership", None, ""
    for mention in _mentions_of(spans.cities, b):
        start, end = spans.context(mention.start)
        context = spans.text[start:end]
        heading = spans.heading_above[spans.line_at(mention.start)] or ""
        named = _nearest_kind(spans.text, start, end, mention) or _kind_of(heading, _HEADING_STEMS)
        if named is None and evidence:
            continue
        kind = named or "partnership"
        year = _sentence_year(spans.text, start, end) or (_first_year(context) if len(context) < 120 else None)
        evidence = " ".join(context.split())
        if named is not None:
            break
    return Partnership(
        city_a=a.name, city_b=b.name, kind=kind,
        city_a_geonames_id=a.geonames_id, city_a_country=a.country,
        city_b_geonames_id=b.geonames_id, city_b_country=b.country,
        since_year=year, evidence=evidence, confidence=0.0,
    )


# --- candidate years for the learned scorer ---------------------------------------------------

# Any year, also inside a date ("12.05.1974") or after a slash ("1994/2008"); not "1990er", not part
# of a longer number (postcodes, amounts).
_ANY_YEAR = re.compile(r"(?<![\d])(1[89]\d\d|20[0-3]\d)(?![\d]|er\b|ern\b|\.\d)")
_MONTHS = r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"
_DAY_AND_MONTH = re.compile(r"\s*\d{1,2}\.\s*" + _MONTHS + r"\b")  # a date, "12. Juli 2025", whose month a tagger takes for a town
_JUBILEE = re.compile(r"jährig|Jubiläum|Jahrestag|feier|Geburtstag", re.IGNORECASE)
_VISIT = re.compile(r"besuch|reist|Reise|Delegation|Gäste|Fest\b|Festakt|Begegnung|Konzert|Turnier", re.IGNORECASE)
_HISTORY = re.compile(r"Krieg|zerstört|Bombard|Besatzung|Vertreibung|Mauerfall|Wende|geboren|gestorben|verstorben"
                      r"|Einwohner|erbaut|Stadtrecht|erstmals\s+erwähnt|Eingemeindung", re.IGNORECASE)
_LABEL_BEFORE = re.compile(r"(?:seit|Gründung|gegründet|Partnerschaft|Freundschaft|Jahr|Beginn|Vertrag|Urkunde)\w*\s*:\s*$",
                           re.IGNORECASE)


def _year_options(spans: _Spans, candidate: _Candidate, rule_year: int | None) -> list[tuple[int, dict[str, float]]]:
    """Each year the document gives near a candidate pair, with what speaks for it being the pair's
    founding year: where it stands (the partner's sentence or list line, the sentences after it, the
    paragraphs under the partner's heading), the words around it ("seit", "unterzeichnet", a date,
    the end of a range, a jubilee, a war) and how far it is from the partner's name."""
    text = spans.text
    a, b = candidate.a, candidate.b
    keys = {_key(a), _key(b)}
    windows: list[tuple[str, int, int, _City]] = []  # (source, start, end, mention)
    for side, city in (("b", b), ("a", a)):
        mentions = _mentions_of(spans.cities, city)[:12]
        for mention in mentions:
            start, end = spans.context(mention.start)
            if side == "a" and not any(start <= c.start < end and _key(c) == _key(b) for c in spans.cities):
                continue  # the home city's own mentions count only where the partner is named too
            windows.append(("context", start, end, mention))
            i = bisect.bisect_right(spans.sentence_starts, end - 1)
            for step, (s, e, _) in enumerate(spans.sentences[i : i + 2], start=1):
                if s >= end and s - end < 200:
                    windows.append((f"next{step}", s, e, mention))
            line_index = spans.line_at(mention.start)
            line = spans.lines[line_index]
            if side == "b" and len(line.text.split()) <= 8:
                # a partner's name over its own paragraphs: "▸ Peoria (Illinois, USA)" … "Partnerschaft seit: 1976"
                section_end = start
                for following in spans.lines[line_index + 1 :]:
                    if following.kind == "heading" or (following.city is not None and _key(following.city) not in keys):
                        break
                    if following.start - line.start > 1500:
                        break
                    section_end = following.start + len(following.text)
                if section_end > end:
                    windows.append(("section", end, section_end, mention))
    occurrences: dict[int, dict] = {}  # offset of the year → its features (best window)
    for source, start, end, mention in windows:
        for match in _ANY_YEAR.finditer(text, start, end):
            features = _year_features(spans, match, source, start, mention, keys)
            old = occurrences.get(match.start())
            # read from the nearest mention in the best window: a chronicle names the partner on many lines
            if old is None or (features["source_rank"], features["distance"]) < (old["source_rank"], old["distance"]):
                occurrences[match.start()] = features
    written = {int(text[o : o + 4]) for o in occurrences}
    values = sorted(written | ({rule_year} if rule_year else set()))
    if rule_year is not None and rule_year not in written:
        occurrences[-1] = {"source_rank": 4.0, "source_rule": 1.0}  # the rules' year, read where this code does not look
    options = []
    for offset, features in occurrences.items():
        year = rule_year if offset < 0 else int(text[offset : offset + 4])
        features.update({
            "is_earliest": float(year == values[0]),
            "is_latest": float(year == values[-1]),
            "distinct_years": float(len(values)),
            "year_repeats": float(sum(1 for o in occurrences if o >= 0 and text[o : o + 4] == str(year))),
            "recent": float(year >= 2014),
            "before_1945": float(year < 1945),
            "rule_year": float(year == rule_year),
            "rule_has_year": float(rule_year is not None),
            "rule_stated": float(bool(candidate.statements)),
        })
        options.append((year, features))
    return options


def _year_features(spans: _Spans, match: re.Match, source: str, start: int, mention: _City,
                   keys: set) -> dict[str, float]:
    text = spans.text
    offset = match.start()
    before = text[max(start, offset - 30) : offset]
    after = text[match.end() : min(len(text), match.end() + 40)]
    s, e = spans.context(offset)
    sentence = text[s:e]
    low, high = sorted((offset, mention.start))
    between = {_key(c) for c in spans.cities if low < c.start < high and _key(c) not in keys}
    correction = _year_correction(before, after, text[s:offset])
    return {
        "source_rank": float(("context", "next1", "section", "next2").index(source)),
        f"source_{source}": 1.0,
        "after_mention": float(offset > mention.start),
        "distance": abs(offset - mention.start) / 100,
        "cities_between": float(len(between)),
        "same_line": float(spans.line_at(offset) == spans.line_at(mention.start)),
        # a chronicle's entry date or a table's first column: "1964         Unterzeichnung der ..."
        "opens_line": float(not text[spans.lines[spans.line_at(offset)].start : offset].strip(" \t•*-–")),
        "seit": float(bool(re.search(r"\bseit\s+(?:dem\s+)?(?:Jahr(?:e)?\s+)?$", before, re.IGNORECASE))),
        "im_jahr": float(bool(re.search(r"\bJahr(?:e)?\s+$", before))),
        "parenthesis": float(bool(re.search(r"\(\s*(?:seit\s+|ab\s+)?$", before))),
        "label": float(bool(_LABEL_BEFORE.search(before))),
        "date": float(bool(re.search(r"\d{1,2}\.\s*(?:" + _MONTHS + r"|\d{1,2}\.)\s*$", before))),
        "month": float(bool(re.search(_MONTHS + r"\s+$", before))),
        "von": float(bool(re.search(r"\bvon\s+$", before))),
        # "1965–1990", "von 1961 bis 1990"; not the conjunction: "warb sie im Magistrat, bis 1983 die Urkunde ..."
        "range_end": float(bool(re.search(r"(?:\d\d\s*[–-]|(?<![,;]\s)\bbis(?:\s+(?:zum|ins)?\s*(?:Jahr(?:e)?)?)?)\s*$", before))),
        "range_start": float(bool(re.match(r"\s*(?:[–-]\s*(?:1[89]|20)\d\d|bis\b)", after))),
        "slash_first": float(bool(re.match(r"\s*/\s*(?:1[89]|20)?\d\d", after))),
        "slash_second": float(bool(re.search(r"\d\s*/\s*$", before))),
        "founding_after": float(bool(re.match(r"\W*(?:\w+\W+){0,3}?(?:geschlossen|gegründet|begründet|besiegelt|"
                                              r"unterzeichnet|vereinbart|offiziell)", after))),
        "founding_in_sentence": float(bool(_FOUNDING.search(sentence))),
        "kind_in_sentence": float(_kind_of(sentence) is not None),
        "suspended": float(bool(_SUSPENDED.search(sentence))),
        "jubilee": float(bool(_JUBILEE.search(sentence))),
        "visit": float(bool(_VISIT.search(sentence))),
        "history": float(bool(_HISTORY.search(sentence))),
        "years_in_sentence": float(len(_ANY_YEAR.findall(sentence))),
        "footnote": float(bool(re.match(r"\s*\]|\s*\)\s*\[", after))),
        # a correction: "besteht nicht seit 1986, sondern seit 1968"
        "retracted": float(correction < 0),
        "corrected": float(correction > 0),
    }


# --- candidate home cities for the learned scorer ---------------------------------------------

# Matched against the casefolded text.
_OWNER_PHRASE = r"(?:der|die|das)\s+(?:großen\s+)?(?:kreis|hanse|landeshaupt|universitäts|kur|bischofs)?(?:stadt|gemeinde)\s+"
# The city as the owner of partnerships: "Dresden pflegt Städtepartnerschaften mit ...", "die Partnerstädte
# von Memmingen", "Dortmunds Partnerstädte".
_PARTNER_WORD = r"(?:partner|freundschaft|verschwistert|verbunden)"  # also inside "Städtepartnerschaft"


def _partner_subject_pattern(escaped: str) -> str:
    return (rf"\b(?:{escaped})\s+(?:pflegt|unterhält|unterhielt|hat|ist|besitzt|verbindet)\b[^.\n]{{0,60}}?{_PARTNER_WORD}"
            rf"|partner(?:städte|stadt|schaften|gemeinden)\s+(?:von\s+|der\s+stadt\s+|der\s+gemeinde\s+)?(?:{escaped})\b"
            rf"|\b(?:{escaped})s\s+(?:städte)?partner")


def home_candidates(document: Document, entities: list[Mention], gazetteer: Gazetteer) -> list[tuple[Mention, dict]]:
    """Each city that might be the document's own, with what speaks for it: the rule points of
    ``home_city`` and plain facts (where it is first named, how often, its inhabitants named)."""
    document, entities = _normalised(document, entities)
    text = document.text
    score, own, first = _home_scores(document, entities, gazetteer)
    if not score:
        return []
    folded = text.casefold()
    head = folded[: _offset_after_lines(text, 3)]
    first_line = folded[: _offset_after_lines(text, 1)]
    counts = Counter(m.geonames_id for m in entities if m.label == "CITY" and m.geonames_id is not None)
    total = sum(counts.values())
    # An overview (a paper on a region's partnerships, a Landtag answer) names many German towns, each
    # with its partners, and is no one town's document.
    german = Counter(m.geonames_id for m in entities if m.label == "CITY" and m.geonames_id is not None
                     and m.country_code == "DE")
    german_total = sum(german.values())
    best = max(score.values())
    # List lines that start with a name (after a bullet): a partner's line, not the home city's.
    short_lines = [re.sub(r"^\s*(?:[•\-\*–▪·]\s*)?", "", line) for line in text.split("\n")
                   if line.strip() and len(line.split()) <= 8]
    result = []
    for gid, mention in first.items():
        names = {mention.text, mention.normalized or mention.text}
        stems = [n for n in names if len(n) >= 3]
        escaped = "|".join(re.escape(n.casefold()) for n in stems)
        demonyms = len(re.findall(r"\b(?:" + escaped + r")(?:er|erin|erinnen|ern)\b", folded)) if escaped else 0
        item_lines = sum(1 for line in short_lines if line.startswith(tuple(stems)))
        features = {
            "score": score[gid],
            "score_share": score[gid] / best if best else 0.0,
            "own": own[gid],
            "mentions": counts[gid],
            "mention_share": counts[gid] / total if total else 0.0,
            "first_position": mention.start_char / max(len(text), 1),
            "in_first_line": float(any(n.casefold() in first_line for n in stems)),
            "in_head": float(any(n.casefold() in head for n in stems)),
            "owner_phrase": float(bool(escaped) and bool(re.search(_OWNER_PHRASE + r"(?:" + escaped + r")\b", folded))),
            "owner_phrase_head": float(bool(escaped) and bool(re.search(_OWNER_PHRASE + r"(?:" + escaped + r")\b", head))),
            "partner_subject": float(len(re.findall(_partner_subject_pattern(escaped), folded))) if escaped else 0.0,
            "demonyms": float(demonyms),
            # "unserer deutschen Partnerstadt Frechen": the town a text calls its partner is not its own
            "called_partner": float(len(re.findall(r"\bpartner(?:stadt|gemeinde|kommune)\s+(?:" + escaped + r")\b",
                                                   folded))) if escaped else 0.0,
            "item_lines": float(item_lines),
            "german": float(mention.country_code == "DE"),
            "german_towns": float(len(german)),
            "german_share": german[gid] / german_total if german_total else 0.0,
            "rule_choice": 0.0,
        }
        result.append((mention, features))
    chosen = _decided_home(score, own, first)
    for mention, features in result:
        if chosen is not None and mention.geonames_id == chosen.geonames_id:
            features["rule_choice"] = 1.0
    return result
