"""The entity stage on the five reference documents and on small German examples.

Tests that need the statistical model use ``models/ner`` and are skipped
(with a message) until it exists; the rule parts (gazetteer pass, years) run
on a blank German pipeline, and the role rules on a pipeline whose entity
ruler marks the names, so that they test this module and not the model.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from pipeline.errors import ModelError
from pipeline.ner import find_entities, load_nlp

REPO = Path(__file__).resolve().parent.parent
# The sample corpus' reference texts, and the shared seeds they were made from.
SEEDS = {
    "presse": ("presse_partnerschaften_osteuropa.txt", "000_9689ad24ba63bb1c.txt"),
    "leipzig": ("leipzig_staedtepartnerschaften_folien.txt", "001_ce2534e3cb4deaa6.txt"),
    "brandenburg": ("brandenburg_kommunalpartnerschaften.txt", "002_1451bcd3d8b650d6.txt"),
    "dortmund": ("dortmund_staedtepartnerschaften.txt", "003_de2db43fa18fa85a.txt"),
    "ost_west": ("ost_west_staedtepartnerschaften.txt", "004_32dc38e1cd17e1db.txt"),
}


def read_seed(name: str) -> str:
    reference, seed = SEEDS[name]
    for path in (REPO / "corpus" / "reference" / reference, REPO.parent / "shared" / "seeds" / seed):
        if path.exists():
            return path.read_text(encoding="utf-8")
    pytest.skip(f"neither corpus/reference/{reference} nor ../shared/seeds/{seed} exists")


@pytest.fixture(scope="module")
def rules_nlp():
    """German tokenizer and sentencizer, no statistical NER: only this module's rules act."""
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="module", params=["model", "rules"])
def any_nlp(request):
    return request.getfixturevalue("nlp" if request.param == "model" else "rules_nlp")


def ruler_nlp(*names: str):
    """A pipeline whose entity ruler tags exactly these names as PER."""
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": name} for name in names])
    return nlp


def cities(mentions) -> dict[str, tuple[int, str]]:
    return {m.normalized: (m.geonames_id, m.country_code) for m in mentions if m.label == "CITY"}


PARTNER_CITIES = {
    "presse": {
        "Görlitz": (2918987, "DE"), "Zgorzelec": (3080231, "PL"), "Annaberg-Buchholz": (2956005, "DE"),
        "Chomutov": (3077685, "CZ"), "Leipzig": (2879139, "DE"), "Kraków": (3094802, "PL"),
        "Brno": (3078610, "CZ"), "Glauchau": (2920020, "DE"), "Zgierz": (3080251, "PL"),
        "Gera": (2921232, "DE"), "Pilsen": (3068160, "CZ"), "Skierniewice": (759123, "PL"),
        "Weißenfels": (2811899, "DE"), "Komárno": (3059436, "SK"),
    },
    "dortmund": {
        "Dortmund": (2935517, "DE"), "Amiens": (3037854, "FR"), "Leeds": (2644688, "GB"),
        "Rostov-on-Don": (501175, "RU"), "Buffalo": (5110629, "US"), "Netanya": (294071, "IL"),
        "Novi Sad": (3194360, "RS"), "Xi’an": (1790630, "CN"), "Trabzon": (738648, "TR"),
        "Zwickau": (2803560, "DE"),
    },
    "leipzig": {
        "Leipzig": (2879139, "DE"), "Althen-des-Paluds": (3038020, "FR"), "Travnik": (3188924, "BA"),
        "Addis Ababa": (344979, "ET"), "Herzliya": (294778, "IL"), "Kyiv": (703448, "UA"),
        "Thessaloníki": (734077, "GR"), "Houston": (4699066, "US"), "Birmingham": (2655603, "GB"),
        "Nanjing": (1799962, "CN"), "Lyon": (2996944, "FR"), "Frankfurt am Main": (2925533, "DE"),
        "Hannover": (2910831, "DE"), "Gdańsk": (3099434, "PL"), "Gwangju": (1841811, "KR"),
        "Ho Chi Minh City": (1566083, "VN"), "Lviv": (702550, "UA"), "Moscow": (524901, "RU"),
        "Bologna": (3181928, "IT"), "Kraków": (3094802, "PL"), "Brno": (3078610, "CZ"),
    },
    "ost_west": {
        "Eisenhüttenstadt": (2931481, "DE"), "Saarlouis": (2842632, "DE"), "Aachen": (3247449, "DE"),
        "Naumburg": (2866906, "DE"), "Bonn": (2946447, "DE"), "Potsdam": (2852458, "DE"),
        "Bremen": (2944388, "DE"), "Rostock": (2844588, "DE"), "Heilbronn": (2907669, "DE"),
        "Frankfurt (Oder)": (2925535, "DE"), "Mainz": (2874225, "DE"), "Erfurt": (2929670, "DE"),
    },
}


@pytest.mark.parametrize("doc", sorted(PARTNER_CITIES))
def test_every_partner_city_is_found_and_linked(doc, any_nlp, gazetteer):
    found = cities(find_entities(read_seed(doc), any_nlp, gazetteer))
    expected = PARTNER_CITIES[doc]
    assert {name: found.get(name) for name in expected} == expected


@pytest.mark.parametrize("doc", sorted(SEEDS))
def test_offsets_point_into_the_text(doc, any_nlp, gazetteer):
    text = read_seed(doc)
    mentions = find_entities(text, any_nlp, gazetteer)
    assert mentions == sorted(mentions, key=lambda m: (m.start_char, m.end_char))
    for m in mentions:
        assert text[m.start_char : m.end_char] == m.text
        assert m.label in ("CITY", "LOC", "PERSON", "ORG", "YEAR", "MISC")
    for a, b in zip(mentions, mentions[1:]):
        assert a.end_char <= b.start_char, (a, b)


# Marburg an der Lahn is "Marburg"; Maribor's GeoNames alternate names include
# its old German name "Marburg an der Drau" and also plain "Marburg".
MARBURG, MARIBOR = (2873759, "DE"), (3195506, "SI")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Marburg pflegt seit 1969 eine Partnerschaft mit Maribor in Slowenien.",
         [("Marburg", MARBURG), ("Maribor", MARIBOR)]),
        ("Die Partnerstadt Maribor (früher Marburg an der Drau) liegt in Slowenien.",
         [("Maribor", MARIBOR), ("Marburg an der Drau", MARIBOR)]),
        # The gold document t2_marburg_eisenach_freundschaft.txt says it this way.
        (("Mit Maribor, dem früheren Marburg an der Drau, verbindet Marburg nicht nur der Name. "
          "Marburg und Maribor sind seit 1969 Partnerstädte."),
         [("Maribor", MARIBOR), ("Marburg an der Drau", MARIBOR), ("Marburg", MARBURG),
          ("Marburg", MARBURG), ("Maribor", MARIBOR)]),
    ],
)
def test_a_german_towns_own_name_beats_a_foreign_citys_old_name(text, expected, nlp, gazetteer):
    """Maribor named in the same text does not turn "Marburg" into Maribor; only "Marburg an der Drau" is."""
    found = [(m.text, (m.geonames_id, m.country_code)) for m in find_entities(text, nlp, gazetteer)
             if m.label == "CITY"]
    assert found == expected


def test_countries_and_states_are_loc_not_city(any_nlp, gazetteer):
    mentions = find_entities(read_seed("presse"), any_nlp, gazetteer)
    labels = {m.text: (m.label, m.country_code) for m in mentions if m.text in ("Polen", "Tschechien", "Slowakei")}
    assert labels == {"Polen": ("LOC", "PL"), "Tschechien": ("LOC", "CZ"), "Slowakei": ("LOC", "SK")}
    brandenburg = find_entities(read_seed("brandenburg"), any_nlp, gazetteer)
    assert not [m for m in brandenburg if m.label == "CITY"]


def test_the_model_finds_people_and_their_roles(nlp, gazetteer):
    mentions = find_entities(read_seed("presse"), nlp, gazetteer)
    people = {m.normalized: m.role for m in mentions if m.label == "PERSON"}
    assert people.get("Rolf Karbaum") == "Oberbürgermeister"
    assert people.get("Jan Heyen") == "EU-Referent"
    assert people.get("Frank Rühling") == "Sprecher"
    for name in ("Jadwiga Schöne", "Miroslaw Fiedorowicz", "Bettina Seidel"):
        assert name in people
    # "mein polnischer Kollege Miroslaw Fiedorowicz": no function is stated, none is invented.
    assert people["Miroslaw Fiedorowicz"] is None


def test_the_model_finds_the_speaker_on_the_slides(nlp, gazetteer):
    mentions = find_entities(read_seed("leipzig"), nlp, gazetteer)
    people = {m.normalized: m.role for m in mentions if m.label == "PERSON"}
    assert people.get("Gabriele Goldfuß") == "Referatsleiterin"


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Das sagte der Görlitzer Oberbürgermeister Rolf Karbaum (parteilos).", "Rolf Karbaum", "Oberbürgermeister"),
        ("Das sagte Jan Heyen, EU-Referent im Leipziger Rathaus.", "Jan Heyen", "EU-Referent"),
        ("So pflegt die Stadt Gera nach Angaben ihres Sprechers Frank Rühling Beziehungen.", "Frank Rühling", "Sprecher"),
        ("Stadt Leipzig\nDr. Gabriele Goldfuß\nReferatsleiterin\nTel.: 0341 123-2032", "Gabriele Goldfuß", "Referatsleiterin"),
        ("Michael Bloomberg, ehemaliger Bürgermeister von New York", "Michael Bloomberg", "Bürgermeister"),
        ("Das ist die Aufgabe der Vorsitzenden Anna Schmidt im Verein.", "Anna Schmidt", "Vorsitzende"),
        ("Ein Thema, an dem mein polnischer Kollege Miroslaw Fiedorowicz und ich wirken.", "Miroslaw Fiedorowicz", None),
        ("Das sagte Jadwiga Schöne vom Dresdner Referat für Internationale Beziehungen.", "Jadwiga Schöne", None),
        ("Sein Wegbegleiter Hans Meier erinnerte daran.", "Hans Meier", None),
    ],
)
def test_roles_come_from_the_words_around_a_name(text, name, role, gazetteer):
    nlp = ruler_nlp(name if "Dr." not in text else "Dr. " + name)
    people = [m for m in find_entities(text, nlp, gazetteer) if m.label == "PERSON"]
    assert [(m.normalized, m.role) for m in people] == [(name, role)]


def test_a_later_surname_is_the_same_person(gazetteer):
    text = "Der Görlitzer Oberbürgermeister Rolf Karbaum war zu Gast. Später sagte Karbaum, die Arbeit gehe weiter."
    people = [m for m in find_entities(text, ruler_nlp("Rolf Karbaum"), gazetteer) if m.label == "PERSON"]
    assert [(m.text, m.normalized, m.role) for m in people] == [
        ("Rolf Karbaum", "Rolf Karbaum", "Oberbürgermeister"),
        ("Karbaum", "Rolf Karbaum", "Oberbürgermeister"),
    ]


def test_given_name_and_surname_make_a_person_not_a_town(rules_nlp, gazetteer):
    # Martin is a Slovak town of 55,000; here it is Freiburg's mayor.
    # Ji'an is a Chinese city; here "Jian" is Qingdao's deputy mayor.
    text = (
        "Oberbürgermeister Martin Horn erinnerte daran. "
        "Auch Vizebürgermeister Liu Jian und Gertrud Maltz-Schwarzfischer sprachen."
    )
    mentions = find_entities(text, rules_nlp, gazetteer)
    assert not cities(mentions)
    people = {m.normalized: m.role for m in mentions if m.label == "PERSON"}
    assert people == {
        "Martin Horn": "Oberbürgermeister", "Liu Jian": "Vizebürgermeister", "Gertrud Maltz-Schwarzfischer": None
    }


def test_a_bare_name_means_the_city_the_document_names_in_full(rules_nlp, gazetteer):
    text = "Frankfurt (Oder) und Słubice haben den Frankfurt-Słubicer Handlungsplan beschlossen."
    found = [(m.text, m.geonames_id) for m in find_entities(text, rules_nlp, gazetteer) if m.label == "CITY"]
    assert found[:3] == [("Frankfurt (Oder)", 2925535), ("Słubice", 3085495), ("Frankfurt", 2925535)]


def test_a_letterhead_in_capitals_is_the_city_named_below(nlp, gazetteer):
    text = "DINKELSBÜHL\nAltstadt erleben\n\nDie Stadt Dinkelsbühl ist seit 1969 mit Guérande verschwistert. Die CDU tagte."
    found = [(m.text, m.geonames_id) for m in find_entities(text, nlp, gazetteer) if m.label == "CITY"]
    assert found[0] == ("DINKELSBÜHL", 2936886)
    assert "CDU" not in {name for name, _ in found}


def test_german_transliterations_of_russian_names(rules_nlp, gazetteer):
    text = "Partnerstädte\nSowetskaja Gawan\n1989\nUfa\n1997"
    assert cities(find_entities(text, rules_nlp, gazetteer)) == {
        "Sovetskaya Gavan’": (2121052, "RU"), "Ufa": (479561, "RU")
    }


def test_small_towns_count_when_a_country_vouches_for_them(rules_nlp, gazetteer):
    text = "Darüber hinaus pflegt Mainz eine Städtefreundschaft mit Longchamp in Frankreich."
    assert cities(find_entities(text, rules_nlp, gazetteer)) == {"Mainz": (2874225, "DE"), "Longchamp": (2997768, "FR")}


@pytest.mark.parametrize(
    "text",
    [
        "Leiden unter der Krise vor allem die Kinder?",  # a verb at the sentence start, not Leiden NL
        "Die Berater und Dealer kamen mit dem Maurer.",  # agent nouns, not people from Berat, Deal, Maur
        "Die Liga spielt dabei im Rand der Stadt.",  # "Liga" is an alternate name of Riga
    ],
)
def test_common_german_words_are_not_cities(text, rules_nlp, gazetteer):
    assert cities(find_entities(text, rules_nlp, gazetteer)) == {}


def years(text: str, nlp, gazetteer) -> list[tuple[str, str]]:
    return [(m.text, m.normalized) for m in find_entities(text, nlp, gazetteer) if m.label == "YEAR"]


def test_years_in_the_press_article(rules_nlp, gazetteer):
    assert years(read_seed("presse"), rules_nlp, gazetteer) == [("1990", "1990"), ("2002", "2002"), ("2001", "2001")]


def test_years_and_non_years_on_the_slides(rules_nlp, gazetteer):
    found = [year for _, year in years(read_seed("leipzig"), rules_nlp, gazetteer)]
    for year in ("2021", "2003", "2004", "2011", "1961", "1994", "2008", "1993", "1992", "1988", "1981", "2016"):
        assert year in found
    # Not years: the phone and fax numbers "0341 123-2032", "0341 123-2055"; "Nr. VII-DS-01264".
    assert "2032" not in found and "2055" not in found and "1264" not in found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Den Anfang machten Eisenhüttenstadt und Saarlouis im Jahr 1986.", [("1986", "1986")]),
        ("auf über 850 in den Jahren 1990/91 an", [("1990", "1990"), ("91", "1991")]),
        ("Thessaloniki\n1994/2008", [("1994", "1994"), ("2008", "2008")]),
        ("Amiens, Frankreich seit 1960", [("1960", "1960")]),
        ("Vortrag vom 13.03.2021", [("2021", "2021")]),  # a date's year dates the text
        ("Zwischen 1990 - 1995 wuchs die Zahl.", [("1990", "1990"), ("1995", "1995")]),
        ("Tel.: 0341 123-2032\nFax.: 0341 123-2055", []),
        ("Beschlussvorlage Nr. VII-DS-01264 vom 16.10.2020", [("2020", "2020")]),
        ("mehr als 7.000 Freundschaften und 154 Initiativen", []),
        ("Markt 1, 09111 Chemnitz", []),
        ("Das Projekt kostet 2000 Euro.", []),
    ],
)
def test_year_rules(text, expected, rules_nlp, gazetteer):
    assert years(text, rules_nlp, gazetteer) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # German nouns that are also towns somewhere stay words.
        ("Das Essen war gut, die Halle war voll. Auch Kultur und Wirtschaft.", {}),
        ("Die Bürger der Länder und die Kinder im Rathaus.", {}),
        # ... but the city is found where the text names it.
        ("Die Partnerschaft mit Essen besteht seit 1985.", {"Essen": (2928810, "DE")}),
        ("Partnerstädte:\nEssen\nHalle", {"Essen": (2928810, "DE"), "Halle (Saale)": (2911522, "DE")}),
        # A country named right after the city decides between namesakes.
        ("Komárom, Ungarn seit 1990", {"Komárom": (3049519, "HU")}),
        ("Die Stadt Brandenburg an der Havel liegt im Land Brandenburg.", {"Brandenburg an der Havel": (2945358, "DE")}),
        # Small towns introduced as towns: a regional adjective (also across a line break), a compound.
        ("Perleberg unterhält eine Städtepartnerschaft mit dem pommerschen Łobez.",
         {"Perleberg": (2854848, "DE"), "Łobez": (3093158, "PL")}),
        ("Zella-Mehlis hat die Städtefreundschaft mit dem russischen\nJefremow ruhend gestellt.",
         {"Zella-Mehlis": (2804867, "DE"), "Yefremov": (468390, "RU")}),
        ("Eine Ortsteilpartnerschaft besteht mit der Weinbaugemeinde Meursault.", {"Meursault": (2994113, "FR")}),
        # A town that opens a sentence as its subject, named nowhere else.
        ("Wittenberge, die Elbestadt, und Schwarzenbek gehören zusammen.",
         {"Wittenberge": (2807344, "DE"), "Schwarzenbek": (2835013, "DE")}),
        ("Neuruppin ist seit 1990 mit Bad Kreuznach verbunden.",
         {"Neuruppin": (2864276, "DE"), "Bad Kreuznach": (2953416, "DE")}),
        # A noun that is also a town counts after "der Stadt".
        ("Städtepartnerschaften der Stadt Weiden i.d.OPf.", {"Weiden": (2813040, "DE")}),
        ("Die Weiden am Ufer sind grün.", {}),
        # A large city opening a sentence, named nowhere else; a German noun there stays a word.
        ("Zahlreiche Städte folgten. Reutlingen ging 1958 eine Partnerschaft ein. Essen gab es auch.",
         {"Reutlingen": (2847736, "DE")}),
        # The country in brackets after a name decides between namesakes.
        ("Lodi (Italien)\nStädtefreundschaft seit: 2018", {"Lodi": (3174638, "IT")}),
        # A region word makes the name after it the region's; a country adjective after "in der" counts.
        ("Hinzu kommt Woodbridge in der englischen Grafschaft Suffolk.", {"Woodbridge": (2633671, "GB")}),
        ("Aus Garden City im US-Bundesstaat New York kam eine Videobotschaft.", {"Garden City": (4993659, "US")}),
        # French names joined by "lès" are one name, not the town they mention.
        ("Seit 50 Jahren verbindet Bad Camberg und Chambray-lès-Tours eine Partnerschaft.",
         {"Bad Camberg": (2940381, "DE"), "Chambray-lès-Tours": (3027343, "FR")}),
        ("Seit 1990 besteht eine Partnerschaft mit San Vito dei Normanni.", {"San Vito dei Normanni": (3167184, "IT")}),
        ("Die Gemeinde Kirkel ist mit der lothringischen Gemeinde Volmunster befreundet.",
         {"Kirkel": (2890322, "DE"), "Volmunster": (2967727, "FR")}),
        # Month names and plural nouns are no towns, not even alone on a line.
        ("Die Partnerschaftsurkunde ist vom\n    8. Juni 1963;\nKirchen\n", {}),
        # A country after the region in brackets vouches for a small town as one right after it.
        ("Delegationsreise nach Magione (Umbrien, Italien) im Herbst.", {"Magione": (3174273, "IT")}),
        # The tail of a French name GeoNames lacks is no town of its own.
        ("Nachmittag: Collonges-la-Rouge, dann zum Puy de Dôme und nach Clermont-Ferrand.",
         {"Clermont-Ferrand": (3024635, "FR")}),
        # GeoNames gives Osterode am Harz no population: named in full, it is the town all the same.
        ("Die Stadt Osterode am Harz trauert um ihren Ehrenbürger.", {"Osterode am Harz": (2856405, "DE")}),
        # A region after a small town vouches for it; "l'Évêque" is part of the name; US states are no towns.
        ("Grabow in Mecklenburg. Die älteste ist Pont-l'Évêque in der Normandie.",
         {"Grabow": (2918405, "DE"), "Pont-l'Évêque": (2986151, "FR")}),
        ("• Waldorf, Maryland (USA) – seit 2002", {"Waldorf": (4372599, "US")}),
        ("Schwäbisch Gmünd und Bethlehem (Pennsylvania, USA) schließen eine Städtefreundschaft.",
         {"Schwäbisch Gmünd": (2835482, "DE"), "Bethlehem": (5180225, "US")}),
        # "St." stands for GeoNames' "Saint-"; capital abbreviations and greetings are no towns.
        ("St. Vith liegt im Süden. STADT ST. VITH", {"Saint-Vith": (2787315, "BE")}),
        ("Hallo! Wie viele Partnerstädte hat Glückstadt eigentlich?", {"Glückstadt": (2919763, "DE")}),
        # A village's very long German name is rarely a word; "liegt in" a country vouches for a town;
        # a given name before "und" and another given name is a person's (Erika is also Arica, Chile).
        ("Die Partnerschaft zwischen Wilgartswiesen und der elsässischen Gemeinde Wingen-sur-Moder.",
         {"Wilgartswiesen": (2808792, "DE"), "Wingen-sur-Moder": (2967345, "FR")}),
        ("Sölvesborg liegt in Schweden. Goldene Hochzeit feiern Erika und Walter Seibel.",
         {"Sölvesborg": (2675365, "SE")}),
        # Small towns on lines that pair two, after a list letter or a bullet, and after a flag's caption;
        # a French département in brackets vouches for a village.
        ("Es folgten:\n a) Püttlingen – Creutzwald, 1965 geschlossen;\n b) Schiffweiler – Rombas (1969);\n",
         {"Püttlingen": (2851584, "DE"), "Creutzwald": (3022513, "FR"), "Schiffweiler": (2839316, "DE"),
          "Rombas": (2983005, "FR")}),
        ("Im Grenzraum:\n- Prenzlau mit Barlinek (Berlinchen) seit 1993;\n- Seelow mit Dębno (Neudamm) seit 2002.\n",
         {"Prenzlau": (2852218, "DE"), "Barlinek": (3103824, "PL"), "Seelow": (2833651, "DE"),
          "Dębno": (3100545, "PL")}),
        ("  • Schweiz Amriswil, Thurgau, Schweiz – seit 1990 (Freundschaft)", {"Amriswil": (2661756, "CH")}),
        ("Bellheim ↔ Hautefort (Dordogne)", {"Hautefort": (3013769, "FR")}),
    ],
)
def test_gazetteer_pass_in_running_text(text, expected, rules_nlp, gazetteer):
    assert cities(find_entities(text, rules_nlp, gazetteer)) == expected


def test_footnote_numbers_glued_to_a_name_do_not_hide_it(rules_nlp, gazetteer):
    text = "Freiburg ging 1959 mit Besançon34 eine Partnerschaft ein, Stuttgart 1962 mit Straßburg35."
    found = find_entities(text, rules_nlp, gazetteer)
    assert {"Besançon", "Strasbourg"} <= {m.normalized for m in found if m.label == "CITY"}
    assert all(text[m.start_char : m.end_char] == m.text for m in found)


def test_cells_of_a_table_laid_out_with_spaces_count_as_list_items(rules_nlp, gazetteer):
    text = ("Stadt                 Partnerstadt        Seit\n"
            "Echzell               Richmond            k. A.\n"
            "Rosbach v. d. Höhe    Newport             1978\n")
    found = cities(find_entities(text, rules_nlp, gazetteer))
    assert found["Echzell"] == (2933772, "DE") and found["Rosbach vor der Höhe"] == (2845160, "DE")
    # In running text a town of 5,000 people with a short name is not trusted on its own.
    assert "Echzell" not in cities(find_entities("Wir fuhren über Echzell und weiter.", rules_nlp, gazetteer))


def test_long_documents_are_processed_in_chunks_with_true_offsets(rules_nlp, gazetteer):
    paragraph = "Seit 1990 pflegt Görlitz eine Partnerschaft mit Zgorzelec in Polen.\n\n"
    text = paragraph * 700  # ~48,000 characters: three chunks
    mentions = find_entities(text, rules_nlp, gazetteer)
    assert sum(m.normalized == "Zgorzelec" for m in mentions) == 700
    assert all(text[m.start_char : m.end_char] == m.text for m in mentions)


def test_load_nlp_explains_a_missing_model(tmp_path):
    with pytest.raises(ModelError, match="no spaCy model folder"):
        load_nlp(tmp_path / "nothing-here")
    with pytest.raises(ModelError, match="de_core_news_nonexistent"):
        load_nlp("de_core_news_nonexistent")


def save_pipeline(path: Path, labels: tuple[str, ...]) -> Path:
    nlp = spacy.blank("de")
    ner = nlp.add_pipe("ner")
    for label in labels:
        ner.add_label(label)
    nlp.initialize()
    nlp.to_disk(path)
    return path


def test_load_nlp_adds_a_sentencizer_and_checks_the_labels(tmp_path):
    spacy.blank("de").to_disk(tmp_path / "blank")
    with pytest.raises(ModelError, match="no 'ner'"):
        load_nlp(tmp_path / "blank")
    with pytest.raises(ModelError, match="PER and LOC are needed"):
        load_nlp(save_pipeline(tmp_path / "orgs_only", ("ORG",)))
    # The labels of an official German pipeline (de_core_news_*), mapped generically.
    nlp = load_nlp(save_pipeline(tmp_path / "like_de_core_news", ("LOC", "MISC", "ORG", "PER")))
    assert "sentencizer" in nlp.pipe_names


# Share of gold partner cities found as CITY with the gold GeoNames id, per split of
# corpus/gold (models/ner of this commit): dev 1272/1417 = 0.898 since the t9_*/t10_*
# documents joined it (0.879 and 0.903 when they were blind; the t3_* and t4_* ones 0.929
# each, the t6_* ones about 0.84), test 0.985.
PARTNER_CITY_RECALL_FLOORS = {"dev": 0.88, "test": 0.97}


def test_partner_city_recall_on_the_gold_corpus(any_nlp, gazetteer):
    """Partner cities of corpus/gold/partnerships.jsonl are CITY mentions with the gold GeoNames id."""
    import json

    gold_file = REPO / "corpus" / "gold" / "partnerships.jsonl"
    if not gold_file.exists():
        pytest.skip("corpus/gold/partnerships.jsonl is not there")
    counts: dict[str, list[int]] = {}
    misses = []
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["split"] not in PARTNER_CITY_RECALL_FLOORS:
            continue
        for folder in ("corpus/gold/docs", "corpus/reference"):
            path = REPO / folder / record["doc"]
            if path.exists():
                break
        else:
            continue
        found = {m.geonames_id for m in find_entities(path.read_text(encoding="utf-8"), any_nlp, gazetteer)}
        gold = {p[f"city_{s}_geonames_id"]: p[f"city_{s}"] for p in record["partnerships"] for s in "ab"}
        hits_total = counts.setdefault(record["split"], [0, 0])
        for geonames_id, name in gold.items():
            if geonames_id is None:
                continue  # "Pays des Herbiers", a community of communes, has no GeoNames city
            hits_total[1] += 1
            if geonames_id in found:
                hits_total[0] += 1
            else:
                misses.append(f"{record['doc']}: {name} ({geonames_id})")
    for split, floor in PARTNER_CITY_RECALL_FLOORS.items():
        hits, total = counts[split]
        assert hits / total >= floor, (split, hits, total, misses)


def test_nouns_that_the_model_takes_for_people_are_dropped(nlp, gazetteer):
    text = ("Nach dem Fall der Mauer stieg die Zahl der Partnerschaften. Hauptzweck der Partnerschaft ist "
            "die Zusammenarbeit, sagte Bettina Seidel.")
    people = [m.text for m in find_entities(text, nlp, gazetteer) if m.label == "PERSON"]
    assert people == ["Bettina Seidel"]
    press = (REPO / "corpus" / "reference" / "presse_partnerschaften_osteuropa.txt").read_text(encoding="utf-8")
    people = {m.text for m in find_entities(press, nlp, gazetteer) if m.label == "PERSON"}
    assert "Hauptzweck" not in people and "Rolf Karbaum" in people


def test_a_towns_title_is_no_person(nlp, gazetteer):
    text = ("Alte Hansestadt Lemgo\nRathaus & Service\n\n"
            "Seit 1975 ist Lemgo mit der Stadt Beverley in England verschwistert.")
    mentions = find_entities(text, nlp, gazetteer)
    assert [m.text for m in mentions if m.label == "CITY"] == ["Lemgo", "Lemgo", "Beverley"]
    assert not any("Lemgo" in m.text for m in mentions if m.label == "PERSON")



@pytest.mark.parametrize("full", ["Steinach am Brenner", "Lauf a.d.Pegnitz", "Osterode am Harz"])
def test_a_town_named_in_full_is_meant_by_its_first_word_later(full, rules_nlp, gazetteer):
    short = full.split()[0]
    text = f"Seit 1985 sind {full} und Brive-la-Gaillarde Partnerstädte. Neben Brive pflegt {short} weitere Kontakte."
    linked = {(m.text, m.geonames_id) for m in find_entities(text, rules_nlp, gazetteer) if m.label == "CITY"}
    full_id = next(i for t, i in linked if t == full)
    assert (short, full_id) in linked


def test_a_bare_name_followed_by_its_other_language_name_is_that_city_throughout(rules_nlp, gazetteer):
    """The namesake the text names in full ("Brixen im Thale") does not lend its first word to
    "Brixen", which the letterhead names with its Italian name."""
    text = ("Gemeinde Brixen – Comune di Bressanone\nUnsere Partnerstädte\n• Regensburg – seit 1969\n"
            "Wirtschaftsforum Brixen–Regensburg\nBrixen im Thale (Tirol) ist nur ein Namensvetter.\n")
    linked = [(m.text, m.geonames_id) for m in find_entities(text, rules_nlp, gazetteer) if "Brixen" in m.text]
    assert linked == [("Brixen", 3181550), ("Brixen", 3181550), ("Brixen im Thale", 2781394)]


def test_a_town_named_with_its_title_is_meant_by_its_name_alone_later(rules_nlp, gazetteer):
    text = "Mouvaux lädt Heilbad Heiligenstadt zum Markt ein. Auch Duderstadt, mit dem Heiligenstadt verbunden ist, kommt."
    linked = {(m.text, m.geonames_id) for m in find_entities(text, rules_nlp, gazetteer) if m.label == "CITY"}
    assert {("Heilbad Heiligenstadt", 2907545), ("Heiligenstadt", 2907545)} <= linked


def test_a_one_word_person_span_that_is_also_a_surname_and_a_city():
    """The model may tag a town PER where the document also names a person of that surname
    ("Bürgermeister Klaus Minden" … "Minden"): the span is judged, not an error."""
    from pipeline.ner import _is_person_span, _Span
    from pipeline.types import Mention

    text = "Bürgermeister Klaus Minden begrüßte die Gäste aus Minden."
    start = text.rindex("Minden")
    city = Mention("CITY", "Minden", start, start + 6, normalized="Minden", geonames_id=2871845, country_code="DE")
    span = _Span("PER", start, start + 6)
    assert _is_person_span(text, span, [city], [city.start_char], {"Minden"}) is True


def test_a_city_once_linked_is_that_city_wherever_its_name_stands_again(nlp, gazetteer):
    """The model reads "Domažlice" as a town after "Stadt", as an organisation or nothing in a chronicle's lines."""
    text = ("Furth im Wald ist seit 1992 mit der tschechischen Stadt Domažlice (Taus) verbunden.\n\n"
            "1990        Erste Begegnung der beiden Stadträte im Rathaus Domažlice.\n"
            "1992        Unterzeichnung der Partnerschaftsurkunde in Domažlice.\n"
            "2010        Domažlice schließt eine eigene Städtepartnerschaft mit der slowakischen Stadt Brezno.\n"
            "2012        Besuch aus dem Bezirk Domažlice.\n")
    mentions = find_entities(text, nlp, gazetteer)
    towns = [m for m in mentions if m.text == "Domažlice" and m.label == "CITY"]
    assert len(towns) == 4 and {m.geonames_id for m in towns} == {3076587}
    assert not any(m.label == "CITY" and m.start_char == text.rindex("Domažlice") for m in mentions)


def test_a_country_sign_or_a_french_town_title_vouches_for_a_small_town(nlp, gazetteer):
    """A lexicon's "Loudéac (F, 1975)", a register's "Ville d'Ensisheim" and "Ville de Huningue"."""
    text = ("Partnerst.: Loudéac (F, Bretagne, 1975).\n"
            "Stadt Markdorf                  Ville d'Ensisheim             Städtepartnerschaft (1989)\n"
            "Stadt Weil am Rhein             Ville de Huningue             Kooperation (Eurodistrict)\n")
    cities = {m.text: m.country_code for m in find_entities(text, nlp, gazetteer) if m.label == "CITY"}
    assert cities == {"Loudéac": "FR", "Markdorf": "DE", "Ensisheim": "FR", "Weil am Rhein": "DE", "Huningue": "FR"}


def test_a_bullet_that_opens_with_a_pair_vouches_for_its_small_towns(nlp, gazetteer):
    text = ("Die Preisträger:\n\n"
            "• Kölleda und die polnische Gemeinde Kłodawa (2005): Die Jury würdigt den Austausch.\n\n"
            "• Schleiz, seit Juni 1990 Partnerstadt des oberfränkischen Rehau.\n")
    cities = {m.text for m in find_entities(text, nlp, gazetteer) if m.label == "CITY"}
    assert {"Kölleda", "Kłodawa", "Schleiz", "Rehau"} <= cities


def test_a_place_after_a_sentence_opening_preposition_and_an_abbreviated_country(nlp, gazetteer):
    found = cities(find_entities(
        "Aus Brandenburg an der Havel – Städtefreundschaft seit 1987\n\n"
        "Eisenach – Marburg (Städtefreundsch., 1988) – Sárospatak (Ung.; 1991). Partnersch. in Thür. gibt es viele.",
        nlp, gazetteer))
    assert found["Brandenburg an der Havel"] == (2945358, "DE")
    assert found["Sárospatak"] == (715867, "HU")
    assert not any(code == "EG" for _, code in found.values())  # "Thür." is Thüringen, not El-Tor


def test_a_namesake_beside_the_towns_own_adjective_keeps_its_country(nlp, gazetteer):
    mentions = find_entities(
        "Jedes Jenaer Kind soll eine Partnerstadt besuchen. Jena ist nicht mit Jena (Louisiana, USA) verschwistert, "
        "sagt die SPD. Jena bleibt bei Erlangen.", nlp, gazetteer)
    bare = [m for m in mentions if m.label == "CITY" and m.text == "Jena"]
    assert bare[0].geonames_id == 2895044 and bare[-1].geonames_id == 2895044
    assert not any(m.label == "CITY" and m.text == "SPD" for m in mentions)


def test_a_name_joined_by_auf_or_vor_and_a_town_named_with_its_state(nlp, gazetteer):
    """ "Neuhausen auf den Fildern" is the town near Stuttgart, not "Neuhausen" in Switzerland; "Rochester
    (Minnesota)" is the one in Minnesota, and so is the document's later bare "Rochester"."""
    text = ("Neuhausen auf den Fildern pflegt Partnerschaften. Würzburg ist seit 1964 mit Rochester (Minnesota) verbunden. "
            "Eine Delegation aus Rochester kam 2014 nach Würzburg.")
    cities = {(m.text, m.geonames_id) for m in find_entities(text, nlp, gazetteer) if m.label == "CITY"}
    assert ("Neuhausen auf den Fildern", 2865086) in cities
    assert {gid for name, gid in cities if name == "Rochester"} == {5043473}


def test_an_english_dates_month_is_no_town_and_a_name_with_es_or_after_a_town_noun_is_one(nlp, gazetteer):
    """ "Mar 14, 2023" (a chat export's date) is no town in Brazil; "Dar es Salaam" is one name; "Meine
    Heimatstadt Bergen auf Rügen" is a town, not a person called Heimatstadt Bergen."""
    text = ("Mar 14, 2023 at 18:22\nDar es Salaam – 2010, Projekte zu Klima und Wasser.\n"
            "Meine Heimatstadt Bergen auf Rügen ist seit 1990 mit Oldenburg in Holstein verbunden.")
    mentions = find_entities(text, nlp, gazetteer)
    cities = {m.text for m in mentions if m.label == "CITY"}
    assert "Mar" not in cities
    assert {"Dar es Salaam", "Bergen auf Rügen", "Oldenburg in Holstein"} <= cities
    assert not any(m.label == "PERSON" and "Bergen" in m.text for m in mentions)
