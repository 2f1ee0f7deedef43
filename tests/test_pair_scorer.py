"""The learned pair scorer: the shipped model on real documents, and training on real gold documents."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.errors import ConfigError, ModelError
from pipeline.ner import find_entities
from pipeline.pair_scorer import PairScorer, format_training_report, train_pair_scorer, writer_of
from pipeline.partnerships import evaluate_partnerships, find_partnerships, home_candidates, pair_candidates
from pipeline.runner import DEFAULT_PAIR_MODEL
from pipeline.types import Document

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "corpus" / "gold"
# Measured on the held-out test split (19 documents, 109 pairs) with the shipped model: F1 0.972
# (the rules alone 0.932), year accuracy 0.989. The floor leaves room for a retrained model.
TEST_F1_FLOOR = 0.95


@pytest.fixture(scope="module")
def scorer():
    return PairScorer.load(DEFAULT_PAIR_MODEL)


def _document(text: str) -> Document:
    return Document(doc_id="t", source_path="t.txt", media_type="text", text=text)


def _scored_pairs(text: str, scorer, nlp, gazetteer) -> dict:
    """The partnerships the scorer keeps in ``text``, by unordered pair of names."""
    found = find_partnerships(_document(text), find_entities(text, nlp, gazetteer), gazetteer, scorer)
    return {frozenset((p.city_a, p.city_b)): p for p in found}


def test_an_amtsblatt_letterhead_names_the_home_city(scorer, nlp, gazetteer):
    text = ("AMTSBLATT DER STADT NORDHAUSEN            Nr. 11/2024 · 12. Juni 2024\n\n"
            "Zum Rolandsfest begrüßte der Oberbürgermeister Gäste aus Charleville-Mézières, mit dem "
            "Nordhausen seit 1998 partnerschaftlich verbunden ist, und aus Ostrów Wielkopolski.\n")
    document = _document(text)
    entities = find_entities(text, nlp, gazetteer)
    home = scorer.choose_home(home_candidates(document, entities, gazetteer))
    assert home is not None and home.geonames_id == 2861982  # Nordhausen
    found = {frozenset((p.city_a, p.city_b)): p for p in find_partnerships(document, entities, gazetteer, scorer)}
    pair = found[frozenset(("Nordhausen", "Charleville-Mézières"))]
    assert pair.since_year == 1998 and 0.5 <= pair.confidence <= 1.0


def test_cities_named_only_as_a_trip_are_no_partners(scorer, nlp, gazetteer):
    text = ("Stadt Eckernförde – Pressemitteilung\n\n"
            "Die Stadt Eckernförde pflegt seit 1983 eine Städtepartnerschaft mit Mikołajki in Polen. "
            "Der Seniorenbeirat fuhr im Mai mit dem Bus über Hamburg und Hannover nach München.\n")
    found = _scored_pairs(text, scorer, nlp, gazetteer).values()
    partners = {p.city_b if p.city_a == "Eckernförde" else p.city_a for p in found}
    assert "Mikołajki" in partners
    assert not partners & {"Hamburg", "Hannover", "München"}


def test_a_town_partnered_in_the_sentence_after_the_one_about_it_is_offered_to_the_scorer(nlp, gazetteer):
    text = ("Freunde in Ost und West\n\n"
            "Rheinsberg hat 1991 eine Partnerschaft mit Kirchheimbolanden in der Pfalz geschlossen. "
            "Eine bewegte Geschichte hat Pritzwalk. Von 1972 bis 1991 bestand eine Städtefreundschaft mit "
            "Wyschni Wolotschok im damaligen Gebiet Kalinin; sie wurde nicht fortgeführt.\n")
    candidates = pair_candidates(_document(text), find_entities(text, nlp, gazetteer), gazetteer, None)
    offered = {frozenset((c.partnership.city_a, c.partnership.city_b)) for c in candidates}
    assert frozenset(("Pritzwalk", "Vyshniy Volochëk")) in offered  # linked: GeoNames name
    assert frozenset(("Rheinsberg", "Vyshniy Volochëk")) not in offered  # two sentences apart


def test_pairs_a_sentence_joins_by_a_dash_or_und_are_offered_as_joined(nlp, gazetteer):
    text = ("Für die Jahre bis 1970 lassen sich mehr als 40 neue Partnerschaften nachweisen, darunter Ellwangen–\n"
            "Abbeville, Crailsheim–Pamiers und Emmendingen–Six-Fours-les-Plages. "
            "Ihr folgten Castrop-Rauxel und Wakefield (1949) sowie Bochum, das seit 1950 mit Sheffield verbunden ist.\n")
    candidates = pair_candidates(_document(text), find_entities(text, nlp, gazetteer), gazetteer, None)
    features = {frozenset((c.partnership.city_a, c.partnership.city_b)): c.features for c in candidates}
    assert features[frozenset(("Ellwangen", "Abbeville"))]["joined"] == 1.0  # across the line break
    assert features[frozenset(("Castrop-Rauxel", "Wakefield"))]["joined"] == 1.0
    assert features[frozenset(("Bochum", "Sheffield"))]["joined_by_mit"] == 1.0
    ellwangen_pamiers = features[frozenset(("Ellwangen", "Pamiers"))]
    assert ellwangen_pamiers["joined"] == 0.0 and ellwangen_pamiers["cities_between"] == 2.0


def test_a_partner_of_another_town_opening_the_sentence_is_marked_as_such(nlp, gazetteer):
    text = ("Freital. Eine Delegation aus Oberhausen ist am Wochenende in Freital zu Gast gewesen. "
            "Die Städtepartnerschaft besteht seit 1990. Daneben ist Oberhausen partnerschaftlich verbunden "
            "mit Middlesbrough im Nordosten Englands.\n")
    document = _document(text)
    entities = find_entities(text, nlp, gazetteer)
    home = next(m for m in entities if m.text == "Freital")
    features = {frozenset((c.partnership.city_a, c.partnership.city_b)): c.features
                for c in pair_candidates(document, entities, gazetteer, home)}
    assert features[frozenset(("Freital", "Middlesbrough"))]["b_led_by_other"] == 1.0
    assert features[frozenset(("Oberhausen", "Middlesbrough"))]["led_by_pair"] == 1.0


def test_a_year_under_the_partners_heading_is_its_founding_year(scorer, nlp, gazetteer):
    """A web page with a heading per partner town: the year stands on a line of its own, below a
    paragraph that names other years (a war, a book)."""
    text = ("Partnerstädte der Stadt Friedrichshafen\n\n"
            "▸ Saint-Dié-des-Vosges (Frankreich)\n\n"
            "Hier erschien 1507 die Cosmographiae Introductio. Im November 1944 wurde Saint-Dié von "
            "deutschen Truppen in Brand gesteckt. Dass gerade diese Stadt Friedrichshafen die Hand "
            "reichte, ist ein Zeichen der Versöhnung.\n\n"
            "Partnerschaft seit: 1987\n\n"
            "▸ Peoria (Illinois, USA)\n\n"
            "Die Partnerstadt Peoria liegt am Illinois River. Jedes Jahr reisen Schülerinnen und Schüler "
            "im Jugendaustausch nach Peoria.\n\n"
            "Partnerschaft seit: 1976\n")
    found = _scored_pairs(text, scorer, nlp, gazetteer)
    assert found[frozenset(("Friedrichshafen", "Saint-Dié-des-Vosges"))].since_year == 1987
    assert found[frozenset(("Friedrichshafen", "Peoria"))].since_year == 1976


def test_a_partnership_dated_only_relatively_gets_no_year(scorer, nlp, gazetteer):
    text = ("Stadt Eutin – Aus dem Rathaus\n\n"
            "Seit nunmehr 40 Jahren ist Eutin mit der dänischen Stadt Nykøbing Falster partnerschaftlich "
            "verbunden. Zum Jubiläum im Jahr 2024 reiste eine Delegation nach Dänemark.\n")
    pair = _scored_pairs(text, scorer, nlp, gazetteer)[frozenset(("Eutin", "Nykøbing Falster"))]
    assert pair.since_year is None


def test_the_shipped_model_beats_the_rules_on_the_held_out_split(scorer, nlp, gazetteer):
    learned = evaluate_partnerships(GOLD, nlp, gazetteer, split="test", scorer=scorer)
    rules = evaluate_partnerships(GOLD, nlp, gazetteer, split="test")
    assert learned["f1"] >= TEST_F1_FLOOR
    assert learned["f1"] >= rules["f1"]


def test_a_model_of_another_scikit_learn_is_refused(tmp_path):
    shutil.copytree(DEFAULT_PAIR_MODEL, tmp_path / "pairs")
    meta_path = tmp_path / "pairs" / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["sklearn_version"] = "0.0"
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelError, match="retrain"):
        PairScorer.load(tmp_path / "pairs")
    with pytest.raises(ModelError, match="not a pair model folder"):
        PairScorer.load(tmp_path / "missing")


def test_writers_are_the_gold_sets():
    assert writer_of("t10_weiden_folien.txt") == "t10"
    assert writer_of("d2_council.txt") == "d2"
    assert writer_of("dortmund_staedtepartnerschaften.txt") == "first"


def test_training_on_three_writers_writes_a_model_that_loads(tmp_path, nlp, gazetteer):
    """A small gold folder of real documents: three writers for training, two documents held out."""
    records = [json.loads(line) for line in (GOLD / "partnerships.jsonl").read_text(encoding="utf-8").splitlines()]
    chosen = [r for writer in ("t2", "t3", "t4")
              for r in [r for r in records if r["split"] == "dev" and writer_of(r["doc"]) == writer][:5]]
    chosen += [dict(r, split="test") for r in records if r["split"] == "test"][:2]
    gold = tmp_path / "gold"
    (gold / "docs").mkdir(parents=True)
    for record in chosen:
        shutil.copy(GOLD / "docs" / record["doc"], gold / "docs")
    (gold / "partnerships.jsonl").write_text("".join(json.dumps(r) + "\n" for r in chosen), encoding="utf-8")

    meta = train_pair_scorer(gold, tmp_path / "pairs", nlp, gazetteer)

    assert meta["trained_on"]["documents"] == 15
    assert meta["trained_on"]["writers"] == ["t2", "t3", "t4"]
    assert 0.0 < meta["leave_writer_out"]["f1"] <= 1.0
    assert meta["trained_on"]["year_options"] > 0
    assert meta["held_out"]["previous"] is None
    with pytest.raises(ConfigError, match="two writers"):
        train_pair_scorer(gold, tmp_path / "other", nlp, gazetteer, split="test")
    loaded = PairScorer.load(tmp_path / "pairs")
    assert loaded.model_version == meta["model_version"] and loaded.chooses_years
    card = (tmp_path / "pairs" / "README.md").read_text(encoding="utf-8")
    assert "leave one writer out" in card and "{" not in card
    report = format_training_report(meta)
    assert "leave one writer out" in report and "rules" in report


def test_each_dated_entry_of_a_chronicle_is_read_on_its_own(scorer, nlp, gazetteer):
    """A town's chronicle names its partner on many lines (a visit, the signing, a jubilee trip):
    the founding year is the date of the entry that states the signing."""
    text = ("Stadt Ravensburg\n\nZeittafel zur Stadtgeschichte\n\n"
            "1956         Eine Jugendgruppe aus Montélimar besucht Ravensburg\n"
            "1964         Unterzeichnung der Partnerschaftsurkunde mit Montélimar im Schwörsaal\n"
            "1977         Großbrand im Lagerhaus an der Georgstraße\n"
            "1984         Partnerschaftsvertrag mit der piemontesischen Stadt Rivoli\n"
            "1994         Bürgerreise nach Montélimar aus Anlass des 30-jährigen Partnerschaftsjubiläums\n"
            "2016         Delegationsreise des Gemeinderats nach Rivoli und Turin\n")
    found = _scored_pairs(text, scorer, nlp, gazetteer)
    assert found[frozenset(("Ravensburg", "Montélimar"))].since_year == 1964
    assert found[frozenset(("Ravensburg", "Rivoli"))].since_year == 1984
    assert frozenset(("Ravensburg", "Turin")) not in found


def test_an_faq_question_answered_no_denies_its_pair(nlp, gazetteer):
    text = ("Saalfeld/Saale – Häufige Fragen zu den Partnerstädten\n\n"
            "Ist Saalfeld Partnerstadt von Zalewo in Polen?\n"
            "Nein. Zalewo hieß bis 1945 Saalfeld in Ostpreußen und wird deshalb oft mit unserer Stadt verwechselt.\n")
    document = _document(text)
    entities = find_entities(text, nlp, gazetteer)
    home = next(m for m in entities if m.text == "Saalfeld/Saale")
    denied = [c.features for c in pair_candidates(document, entities, gazetteer, home)
              if "Zalewo" in (c.partnership.city_a, c.partnership.city_b)]
    assert [features["b_answered_no"] for features in denied] == [1.0]
