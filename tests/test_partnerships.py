"""The partnerships stage on real text, with the real NER model and gazetteer (no mocks)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.extract import extract_document
from pipeline.ner import find_entities
from pipeline.partnerships import (
    evaluate_partnerships, find_partnerships, format_partnership_report, home_city, same_pair,
)
from pipeline.types import Document, Partnership

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "corpus" / "gold"
REFERENCE = REPO / "corpus" / "reference"

# The rules alone (these tests call find_partnerships without the pair scorer, whose own tests are in
# test_pair_scorer.py), measured on the dev split (1523 documents, 9247 pairs): F1 0.822, year accuracy
# 0.895 with models/ner of this commit.
# Each blind set joined dev after it was scored once (corpus/gold/README.md), and each new set lowered
# this figure a little. The floors leave room for a retrained NER model.
DEV_F1_FLOOR = 0.77
DEV_YEAR_FLOOR = 0.85


@pytest.fixture(scope="module")
def extract(nlp, gazetteer):
    """Text in, partnerships out, through the real NER stage."""

    def run(text: str) -> list[Partnership]:
        document = Document(doc_id="t", source_path="t.txt", media_type="text", text=text)
        return find_partnerships(document, find_entities(text, nlp, gazetteer), gazetteer)

    return run


@pytest.fixture(scope="module")
def home_of(nlp, gazetteer):
    """Text in, the home city the real NER stage and gazetteer find for it out."""

    def run(text: str):
        document = Document(doc_id="h", source_path="h.txt", media_type="text", text=text)
        return home_city(document, find_entities(text, nlp, gazetteer), gazetteer)

    return run


def pairs(found: list[Partnership]) -> dict[frozenset, Partnership]:
    return {frozenset((p.city_a, p.city_b)): p for p in found}


def rows(found: list[Partnership]) -> set[tuple]:
    """Each partnership as (city_a, city_b, since_year, kind)."""
    return {(p.city_a, p.city_b, p.since_year, p.kind) for p in found}


def test_partnership_between_two_cities_with_its_founding_year(extract):
    found = pairs(extract("Hauptzweck der 2001 geschlossenen Partnerschaft zwischen Glauchau und Zgierz in Polen "
                          "ist die Vertiefung der wirtschaftlichen Zusammenarbeit."))
    p = found[frozenset(("Glauchau", "Zgierz"))]
    assert (p.since_year, p.kind, p.city_b_country) == (2001, "partnership", "PL")
    assert p.confidence >= 0.9
    assert "zwischen Glauchau und Zgierz" in p.evidence


def test_relative_age_gives_no_year(extract):
    found = extract("Schon im siebten Jahr steht die Städtepartnerschaft zwischen Weißenfels und Komarno "
                    "in der Slowakei.")
    assert [(p.city_a, p.city_b, p.since_year) for p in found] == [("Weißenfels", "Komárno", None)]


def test_dortmund_list_under_heading(extract):
    text = (REFERENCE / "dortmund_staedtepartnerschaften.txt").read_text(encoding="utf-8")
    found = pairs(extract(text))
    amiens = found[frozenset(("Dortmund", "Amiens"))]
    assert (amiens.city_a, amiens.since_year, amiens.kind) == ("Dortmund", 1960, "partnership")
    # The list says "innerdeutsche Partnerschaft", the prose "Städtefreundschaft": the sentence wins.
    assert found[frozenset(("Dortmund", "Zwickau"))].kind == "friendship"
    assert len(found) == 9


def test_subject_city_carries_over_to_the_next_sentence(extract):
    found = pairs(extract(
        "So pflegt die Stadt Gera nach Angaben ihres Sprechers sehr intensive Beziehungen zu insgesamt zwölf "
        "Partnerstädten. Darunter seien Städte aus zwei EU-Beitrittsländern: Plzen in Tschechien und "
        "Skierniewice in Polen."
    ))
    assert set(found) == {frozenset(("Gera", "Pilsen")), frozenset(("Gera", "Skierniewice"))}


def test_list_of_pairs(extract):
    text = (REFERENCE / "ost_west_staedtepartnerschaften.txt").read_text(encoding="utf-8")
    found = pairs(extract(text))
    assert found[frozenset(("Eisenhüttenstadt", "Saarlouis"))].since_year == 1986
    assert found[frozenset(("Bonn", "Potsdam"))].since_year is None
    assert frozenset(("Heilbronn", "Frankfurt (Oder)")) in found


def test_trade_route_and_office_are_no_partnerships(extract):
    found = extract(
        "Städte entlang der alten Handelsstraßen nach Osteuropa, z.B. die Via Regia über Breslau, Krakau "
        "und Lemberg bis Kiew bzw. Moskau, verbinden seit Jahrhunderten Partnerschaften des Handels.\n\n"
        "Michael Bloomberg, ehemaliger Bürgermeister von New York, sprach über Städtepartnerschaften."
    )
    assert found == []


def test_slide_years_on_their_own_lines_and_category_headings(extract):
    text = (
        "Stadt Leipzig\n\nPartnerstädte\n\nThessaloniki\n1994/2008\n\nAddis\nAbeba\n2004\n\n"
        "Kooperationsstädte / Städtefreundschaften\nDanzig\nLviv\n"
    )
    found = pairs(extract(text))
    assert found[frozenset(("Leipzig", "Thessaloníki"))].since_year == 1994
    assert found[frozenset(("Leipzig", "Addis Ababa"))].since_year == 2004
    assert found[frozenset(("Leipzig", "Gdańsk"))].kind == "cooperation"
    assert found[frozenset(("Leipzig", "Lviv"))].city_a == "Leipzig"


def test_district_partnership_heading(extract):
    text = "Stadt Leipzig\n\nStadtteilpartnerschaften\nAlthen des Paluds\n\nLeipzig wird geholfen\n" \
           "• Ho-Chi-Minh-City schickt Leipzig Schutzausrüstung\n"
    found = extract(text)
    assert [(p.city_b, p.kind) for p in found] == [("Althen-des-Paluds", "district_partnership")]


def test_one_row_per_pair(extract):
    text = (
        "Landeshauptstadt Hannover\n\nHannovers Partnerstädte\n\n- Posen (Polen), seit 1979\n\n"
        "Die Partnerschaft zwischen Hannover und Posen wurde 1979 unterzeichnet. Eine Schulklasse aus Posen "
        "besuchte die Partnerstadt Hannover im Mai."
    )
    found = extract(text)
    assert [(p.city_b, p.since_year) for p in found] == [("Poznań", 1979)]


def test_denied_and_only_considered_partnerships_are_none(extract):
    found = pairs(extract(
        "Die Stadt Gotha pflegt eine Städtepartnerschaft mit Kielce. Eine Delegation reiste 1994 nach Brünn; "
        "eine Partnerschaft mit Brünn entstand daraus nicht. Gaziantep ist keine Partnerstadt. "
        "Die Bezirksvertretung prüft derzeit eine Partnerschaft mit Istanbul."
    ))
    assert set(found) == {frozenset(("Gotha", "Kielce"))}


def test_two_clauses_with_their_own_subjects(extract):
    found = pairs(extract(
        "Während Marburg mit Poitiers verbunden ist, pflegt Gießen eine Partnerschaft mit Winchester. "
        "Die Stadt Suhl unterhält Partnerschaften mit Würzburg (seit 1990), Kaluga in Russland (seit 1969) "
        "und Jihlava in Tschechien (seit 2007)."
    ))
    assert set(found) == {frozenset(p) for p in [("Marburg an der Lahn", "Poitiers"), ("Gießen", "Winchester"),
                                                  ("Suhl", "Würzburg"), ("Suhl", "Kaluga"), ("Suhl", "Jihlava")]}
    assert found[frozenset(("Suhl", "Kaluga"))].since_year == 1969


def test_a_year_in_the_next_sentence_and_a_singular_continuation(extract):
    found = pairs(extract(
        "Stadt Schwerin\n\nSchwerin hat das Jubiläum der Partnerschaft mit Wuppertal gefeiert. Die beiden Städte hatten den "
        "Vertrag im Jahr 1987 unterzeichnet.\n\nDie Partnerschaft mit Kielce in Polen wurde 1991 geschlossen. "
        "Ein Jahr später folgte Martin in der Slowakei."
    ))
    assert found[frozenset(("Schwerin", "Wuppertal"))].since_year == 1987
    assert found[frozenset(("Schwerin", "Martin"))].since_year is None


def test_districts_make_district_partnerships_of_their_city(extract):
    found = pairs(extract(
        "Stadtteilpartnerschaften in Köln\n\nDie Stadt Köln pflegt viele Partnerschaften. So ist Köln-Lindenthal "
        "seit 1988 mit Kortrijk partnerschaftlich verbunden. Der Bezirk Nippes ist seit 1993 mit Pardubice "
        "partnerschaftlich verbunden."
    ))
    assert {(p.city_b, p.kind, p.since_year) for p in found.values()} == {
        ("Kortrijk", "district_partnership", 1988), ("Pardubice", "district_partnership", 1993)}
    assert {p.city_a for p in found.values()} == {"Köln"}


def test_a_friendship_converted_into_a_partnership_is_a_partnership(extract):
    found = extract("1965 unterzeichneten die Bürgermeister von Gotha und Romilly-sur-Seine eine "
                    "Freundschaftsvereinbarung, die später in eine förmliche Städtepartnerschaft überführt wurde.")
    assert [(p.kind, p.since_year) for p in found] == [("partnership", 1965)]


def test_a_small_town_the_ner_left_unlinked(extract):
    found = extract("Die Gemeinde Steinbach-Hallenberg ist mit Gräfenberg verschwistert.")
    assert [(p.city_b, p.city_b_geonames_id) for p in found] == [("Gräfenberg", 2918350)]


def test_web_page_list_after_an_introduction_and_a_pipe_table(extract):
    found = pairs(extract(
        "Ludwigshafener Partnerstädte\n\nLudwigshafen am Rhein ist eine weltoffene Stadt. Die Partnerschaften "
        "betreut der Bereich Internationales.\n\nLorient, Frankreich\nseit 1963\n\nSumgait, Aserbaidschan\n"
        "seit 1987\n"
    ))
    assert {(p.city_a, p.city_b, p.since_year) for p in found.values()} == {
        ("Ludwigshafen am Rhein", "Lorient", 1963), ("Ludwigshafen am Rhein", "Sumgayit", 1987)}
    table = pairs(extract("Paderborn\n\nStädtepartnerschaften\n\nStadt | Land | seit\nLe Mans | Frankreich | 1967\n"
                          "Bolton | Vereinigtes Königreich | 1975\n"))
    assert {(p.city_b, p.since_year) for p in table.values()} == {("Le Mans", 1967), ("Bolton", 1975)}


def test_wikipedia_flag_list_and_a_table_with_a_country_column(extract):
    flags = pairs(extract(
        "Städtepartnerschaften\n\nIngolstadt unterhält folgende Städtepartnerschaften:\n\n"
        "  Vereinigtes Königreich Kirkcaldy (Schottland), seit 1962\n"
        "  Frankreich Grasse (Provence-Alpes-Côte d'Azur), seit 1963\n\n"
        "Darüber hinaus bestehen Freundschaftsverträge mit\n\n"
        "  Volksrepublik China Foshan (Guangdong), seit 2010\n"
    ))
    assert {(p.city_a, p.city_b, p.since_year, p.kind) for p in flags.values()} == {
        ("Ingolstadt", "Kirkcaldy", 1962, "partnership"), ("Ingolstadt", "Grasse", 1963, "partnership"),
        ("Ingolstadt", "Foshan", 2010, "friendship")}
    table = pairs(extract(
        "Stadt Krefeld – Fachbereich Internationales\nPartnerstädte und Kooperationen\n\n"
        "Partnerstadt Land Art der Beziehung seit\n"
        "Venlo Niederlande Städtepartnerschaft 1964\n"
        "Kaga Japan Städtefreundschaft 2010\n"
        "Leszno Polen Kooperation (Abfallwirtschaft) 2021\n"
    ))
    assert {(p.city_b, p.since_year, p.kind) for p in table.values()} == {
        ("Venlo", 1964, "partnership"), ("Kaga", 2010, "friendship"), ("Leszno", 2021, "cooperation")}


def test_each_partner_introduced_by_a_paragraph_gives_its_year(extract):
    found = pairs(extract(
        "Stadt Erlangen\n\nUnsere Partnerstädte\n\nErlangen ist mit Städten in Europa und Amerika freundschaftlich verbunden.\n\n"
        "Eskilstuna (Schweden)\nDie älteste Partnerschaft Erlangens besteht mit der schwedischen Industriestadt. "
        "Der Partnerschaftsvertrag wurde 1961 im Erlanger Rathaus unterzeichnet.\n\n"
        "Wladimir (Russland)\nDie Partnerschaft mit Wladimir wurde 1983 begründet. Seit 2022 ruhen die Kontakte.\n"
    ))
    assert {(p.city_b, p.since_year) for p in found.values()} == {("Eskilstuna", 1961), ("Vladimir", 1983)}


def test_local_paper_dateline_names_the_home_city(extract):
    found = pairs(extract(
        "Solinger Tageblatt\n\nSOLINGEN. Die Delegation aus dem Senegal besuchte das Rathaus. Bereits seit 1985 "
        "besteht eine Partnerschaft mit Jinotega in Nicaragua. Mit Aue im Erzgebirge ist Solingen seit 1990 "
        "verbunden."
    ))
    assert {(p.city_a, p.city_b, p.since_year) for p in found.values()} == {
        ("Solingen", "Jinotega", 1985), ("Solingen", "Aue", 1990)}


def test_a_city_adjective_before_partner_cities_is_the_subject(extract):
    found = pairs(extract(
        "Freundeskreis Hildesheim–Pavia e.V.\n\nBürgermeister Michele Lissia erinnerte daran, dass Pavia und "
        "Hildesheim im Jahr 2000 den Partnerschaftsvertrag unterzeichnet haben. Pavia ist nicht nur mit "
        "Hildesheim verschwistert. Die Stadt am Tessin unterhält auch eine Partnerschaft "
        "mit Vilnius. Und natürlich sind auch die anderen Hildesheimer Partnerstädte bei uns ein Thema: der "
        "Freundeskreis Angoulême lädt ein."
    ))
    assert set(found) == {frozenset(("Pavia", "Hildesheim")), frozenset(("Pavia", "Vilnius")),
                          frozenset(("Hildesheim", "Angoulême"))}


def test_parallel_clauses_and_two_partners_of_an_unnamed_subject(extract):
    chronicle = pairs(extract(
        "Hamburg und Dresden besiegelten ihre Städtepartnerschaft im Dezember 1987. "
        "Karlsruhe schloss einen Vertrag mit Halle, Trier mit Weimar."
    ))
    assert set(chronicle) == {frozenset(("Hamburg", "Dresden")), frozenset(("Karlsruhe", "Halle (Saale)")),
                              frozenset(("Trier", "Weimar"))}
    council = pairs(extract(
        "Stadt Bocholt\n\nBocholt verfügt über Erfahrung in der Partnerschaftsarbeit. Die Partnerschaft mit "
        "Aurillac in Frankreich wurde 1973 geschlossen, die mit Rossendale in England vier Jahre später."
    ))
    assert {(p.city_a, p.city_b, p.since_year) for p in council.values()} == {
        ("Bocholt", "Aurillac", 1973), ("Bocholt", "Rossendale", None)}


def test_a_district_named_in_its_paragraph_is_no_partner_of_its_city(extract):
    found = pairs(extract(
        "Landeshauptstadt Stuttgart\n\nPartnerschaften der Stadtbezirke\n\nStuttgart hat zehn Partnerstädte, "
        "von St. Helens (1948) und Cardiff (1955) über St. Louis (1960) bis zu Samara (1992).\n\n"
        "Vaihingen\nDer Stadtbezirk Vaihingen ist mit Eger in Nordungarn partnerschaftlich verbunden.\n"
    ))
    assert not any("Vaihingen" in pair for pair in map(" ".join, found))
    assert found[frozenset(("Stuttgart", "Eger"))].kind == "district_partnership"
    assert found[frozenset(("Stuttgart", "St. Louis"))].since_year == 1960


def test_home_city_of_a_city_web_page(nlp, gazetteer):
    text = (REFERENCE / "dortmund_staedtepartnerschaften.txt").read_text(encoding="utf-8")
    document = Document(doc_id="d", source_path="d.txt", media_type="text", text=text)
    assert home_city(document, find_entities(text, nlp, gazetteer)).normalized == "Dortmund"


def test_press_article_about_several_pairs_has_no_home_city(nlp, gazetteer):
    text = (REFERENCE / "presse_partnerschaften_osteuropa.txt").read_text(encoding="utf-8")
    document = Document(doc_id="p", source_path="p.txt", media_type="text", text=text)
    assert home_city(document, find_entities(text, nlp, gazetteer)) is None


def test_evaluation_on_dev_split(nlp, gazetteer):
    result = evaluate_partnerships(GOLD, nlp, gazetteer, split="dev")
    assert result["documents"] == 1523
    assert result["f1"] >= DEV_F1_FLOOR
    assert result["year_accuracy"] >= DEV_YEAR_FLOOR
    report = format_partnership_report(result)
    assert report.startswith("partnerships, split dev: 1523 documents")


def test_the_slide_pdf_as_extracted_keeps_each_city_with_its_year(nlp, gazetteer):
    """In the slide PDF the city is set larger than its year, so extraction gives them separate paragraphs."""
    from pathlib import Path

    from pipeline.extract import extract_document

    pdf = Path(__file__).resolve().parent.parent / "corpus" / "sample" / "leipzig_staedtepartnerschaften_folien.pdf"
    document = extract_document(pdf)
    assert "Herzliya\n\n2011" in document.text
    found = find_partnerships(document, find_entities(document.text, nlp, gazetteer), gazetteer)
    years = {(p.city_a, p.city_b): p.since_year for p in found}
    assert years[("Leipzig", "Herzliya")] == 2011
    assert years[("Leipzig", "Thessaloníki")] == 1994
    assert years[("Leipzig", "Kyiv")] == 1961


def test_a_table_with_two_city_columns_pairs_each_row(extract):
    text = (
        "Städtepartnerschaften ausgewählter Mitgliedsstädte\n\n"
        "| Mitgliedsstadt | Partnerstadt | Staat | seit |\n"
        "|----------------|--------------|-------|------|\n"
        "| Aachen         | Reims        | FR    | 1967 |\n"
        "| Bremen         | Danzig       | PL    | 1976 |\n"
        "| Trier          | Metz         | FR    | 1957 |\n"
    )
    found = pairs(extract(text))
    assert {(p.city_a, p.city_b, p.since_year) for p in found.values()} >= {
        ("Aachen", "Reims", 1967), ("Bremen", "Gdańsk", 1976), ("Trier", "Metz", 1957)}


def test_a_member_town_written_once_for_its_rows_of_a_space_aligned_table(extract):
    text = (
        "Landratsamt Rems-Murr-Kreis                        Waiblingen, 12.09.2023\n\n"
        "Übersicht: Städtepartnerschaften der kreisangehörigen Kommunen\n\n"
        "Kommune              Partnerkommune              Staat   seit    Bemerkung\n"
        "Waiblingen           Mayenne                     F       1962\n"
        "                     Devizes                     GB      1975\n"
        "Schorndorf           Tulle                       F       1969\n"
        "                     Kahla                       D       1990    Städtefreundschaft\n"
        "Kernen im Remstal    Montboucher-sur-Jabron      F       1990\n"
    )
    assert rows(extract(text)) >= {
        ("Waiblingen", "Mayenne", 1962, "partnership"), ("Waiblingen", "Devizes", 1975, "partnership"),
        ("Schorndorf", "Tulle", 1969, "partnership"), ("Schorndorf", "Kahla", 1990, "friendship"),
        ("Kernen im Remstal", "Montboucher-sur-Jabron", 1990, "partnership")}


def test_a_contact_line_does_not_end_the_list_of_town_sections(extract):
    text = (
        "Partnerstädte | Stadt Fulda\n\n"
        "Fulda pflegt Beziehungen zu Städten in Frankreich, den USA und Italien.\n\n"
        "Arcachon (Frankreich)\nPartnerschaft seit: 1964\nEinwohner: ca. 11.600\n"
        "Das Seebad am Bassin d'Arcachon ist die älteste Partnerstadt Fuldas.\n"
        "Kontakt: Deutsch-Französischer Freundeskreis Fulda e. V.\n\n"
        "Wilson (USA)\nPartnerschaft seit: 1974\nEinwohner: ca. 47.000\n"
        "Wilson liegt im Osten des Bundesstaates North Carolina.\n"
        "Kontakt: Freundeskreis Fulda–Wilson e. V.\n\n"
        "Lodi (Italien)\nStädtefreundschaft seit: 2018\n"
    )
    assert rows(extract(text)) >= {
        ("Fulda", "Arcachon", 1964, "partnership"), ("Fulda", "Wilson", 1974, "partnership"),
        ("Fulda", "Lodi", 2018, "friendship")}


def test_a_table_of_visits_is_no_partnership_table(extract):
    text = (
        "Delegationsreisen 2023\n\n"
        "| Ziel     | Monat   | Teilnehmende |\n"
        "| Aachen   | März    | 12           |\n"
        "| Lyon     | Mai     | 8            |\n"
    )
    assert extract(text) == []


def test_each_town_section_of_a_brochure_has_its_own_home_city(extract):
    text = (
        "Partnerschaften im Landkreis Germersheim\n\n"
        "STADT KANDEL\n"
        "Partnerstadt: Reichshoffen (Frankreich), seit 1975\n\n"
        "ORTSGEMEINDE BELLHEIM\n"
        "Partnerschaft mit Rosporden (Bretagne) seit 1979.\n"
    )
    found = pairs(extract(text))
    assert found[frozenset(("Kandel", "Reichshoffen"))].since_year == 1975
    assert found[frozenset(("Bellheim", "Rosporden"))].since_year == 1979


def test_a_hard_wrapped_council_paper_is_read_as_paragraphs(extract):
    text = (
        "Stadt Passau                                   Ratsinformationssystem\n\n"
        "Sachverhalt / Begründung:\n"
        "Die Stadt Passau unterhält derzeit sieben Städtepartnerschaften: mit Hackensack\n"
        "(New Jersey, USA) seit 1952, mit Montluçon, Krems an der Donau und\n"
        "Cagnes-sur-Mer jeweils seit 1973, mit Akita (Japan) seit 1984.\n"
    )
    found = pairs(extract(text))
    assert {(p.city_b, p.since_year) for p in found.values() if p.city_a == "Passau"} == {
        ("Hackensack", 1952), ("Montluçon", 1973), ("Krems an der Donau", 1973), ("Cagnes-sur-Mer", 1973), ("Akita", 1984)}


def test_towns_the_ner_missed_in_a_regional_overview(extract):
    found = pairs(extract(
        "Im Bayerischen Wald haben die Grenzorte ihre Partner jenseits des Grenzkamms gefunden. Zwiesel und Sušice "
        "unterzeichneten 1992 eine Freundschaftsvereinbarung, Freyung ist seit 2006 mit Vimperk verbunden."))
    assert (found[frozenset(("Zwiesel", "Sušice"))].since_year, found[frozenset(("Freyung", "Vimperk"))].since_year) == (1992, 2006)
    assert frozenset(("Freyung", "Zwiesel")) not in found


def test_a_county_document_with_county_cards_and_pair_lines(extract):
    found = pairs(extract(
        "Landkreis Oberhavel\nDer Landrat – Büro für Europaangelegenheiten\n\n"
        "Partnerschaften des Landkreises\n\n"
        "Powiat Gryficki (Woiwodschaft Westpommern)\n"
        "Die Kreispartnerschaft wurde 2003 in Gryfice unterzeichnet und lebt vor allem vom Jugendaustausch.\n\n"
        "Rhein-Sieg-Kreis (Nordrhein-Westfalen)\n"
        "Seit 1991 verbindet beide Kreise eine Partnerschaft aus der Zeit des Verwaltungsaufbaus.\n\n"
        "Partnerschaften der kreisangehörigen Städte\n\n"
        "• Hennigsdorf – Choszczno, Partnerschaftsvertrag 1997\n"
        "• Oranienburg – Mełno (Kreis Ostróda), seit 2004\n"))
    assert found[frozenset(("Landkreis Oberhavel", "Powiat Gryficki"))].since_year == 2003
    assert found[frozenset(("Landkreis Oberhavel", "Rhein-Sieg-Kreis"))].since_year == 1991
    # Each line pairs its own two towns; the county is no party to them.
    assert found[frozenset(("Hennigsdorf", "Choszczno"))].since_year == 1997
    assert frozenset(("Oranienburg", "Mełno")) in found
    assert not any("Landkreis Oberhavel" in pair and ("Hennigsdorf" in pair or "Gryfice" in pair) for pair in found)


def test_a_speech_belongs_to_the_speakers_city_though_it_names_the_partner_more(home_of):
    text = ("Rede des Oberbürgermeisters der Stadt Bruchsal\n"
            "zum Festakt „50 Jahre Partnerschaft Bruchsal – Sainte-Menehould“\n\n"
            "Liebe Gäste aus Sainte-Menehould, vor fünfzig Jahren kamen die ersten Bürger aus Sainte-Menehould zu uns. "
            "Sainte-Menehould hat uns damals die Hand gereicht, und Sainte-Menehould ist uns treu geblieben. "
            "Später kamen die Partnerschaften mit Cwmbran in Wales und mit Gernsbach hinzu.")
    assert home_of(text).normalized == "Bruchsal"


def test_a_town_that_opens_a_sentence_about_its_partner_towns_is_the_home(home_of):
    text = ("Zuschuss für Begegnungen mit den Partnerstädten beantragen\n"
            "Die Hansestadt Lüneburg fördert Begegnungen von Jugendgruppen und Vereinen mit ihren Partnerstädten.\n\n"
            "Partnerstadt | Land | seit\nClamart | Frankreich | 1962\nNaruto | Japan | 1974\nTiberias | Israel | 1986\n\n"
            "Begegnungen mit Tiberias werden wegen der Flüge früher beantragt.")
    assert home_of(text).normalized == "Lüneburg"
    assert home_of(text.split("\n", 1)[1]).normalized == "Lüneburg"  # the sentence opens the document


def test_years_shared_by_the_pairs_of_a_list(extract):
    found = pairs(extract(
        "Bremen und Danzig unterzeichneten 1976 die erste Städtepartnerschaft dieser Art. "
        "Es folgten Siegen und Zakopane (1978) sowie – beide im Jahr 1979 – Kassel und Jaroslawl sowie Bochum und "
        "Sumy. In den achtziger Jahren wuchs die Zahl: Kiel und Gdingen (1985), Erlangen und Wladimir (1987), "
        "Stuttgart und Lodz sowie Darmstadt und Płock (beide 1988). Guben und Gubin schlossen 1991 einen "
        "Partnerschaftsvertrag, Görlitz und Zgorzelec ebenfalls 1991. Münster und Lublin folgten im gleichen Jahr."))
    years = {tuple(sorted(pair)): p.since_year for pair, p in found.items()}
    assert years[("Kassel", "Yaroslavl")] == years[("Bochum", "Sumy")] == 1979
    assert years[("Erlangen", "Vladimir")] == 1987
    assert years[("Stuttgart", "Łódź")] == years[("Darmstadt", "Płock")] == 1988
    assert years[("Görlitz", "Zgorzelec")] == years[("Lublin", "Münster")] == 1991


def test_partner_cards_with_a_country_and_a_stated_kind(extract):
    found = pairs(extract(
        "Stadt Kleve – Partnerstädte\n\nPartnerstädte\n\n"
        "Fitchburg (USA)\nSeit 1988 sind Kleve und die Stadt in Massachusetts verschwistert.\n\n"
        "Xanthi-Nord (Griechenland)\nDie Partnerschaft mit dem Stadtteil der thrakischen Stadt besteht seit 1991.\n\n"
        "Ameland (Niederlande)\nSeit 2005 verbindet Kleve eine Städtefreundschaft mit der Insel.\n"))
    assert found[frozenset(("Kleve", "Fitchburg"))].since_year == 1988
    assert found[frozenset(("Kleve", "Xanthi-Nord"))].city_b_geonames_id is None  # kept by its name
    assert found[frozenset(("Kleve", "Ameland"))].kind == "friendship"


def test_the_quarters_of_a_numbered_district_and_where_a_partner_lies(extract):
    found = pairs(extract(
        "Stadt Bonn – Internationales\n\n"
        "Stadtbezirk Beuel (Limperich, Küdinghoven, Vilich): Partnerschaft mit Mirecourt in Lothringen, seit 1977.\n"
        "Die Partnerschaft mit Oxford in Oxfordshire wurde 1947 in Bonn unterzeichnet."))
    assert found[frozenset(("Bonn", "Mirecourt"))].kind == "district_partnership"
    assert found[frozenset(("Bonn", "Oxford"))].since_year == 1947
    assert not any("Vilich" in pair or "Oxfordshire" in pair for pair in found)


def test_slide_cards_with_kind_year_and_region_lines(extract):
    found = pairs(extract(
        "Folie 1\nSTADT BRETTEN\nInternationale Beziehungen\n\nFolie 2\nUnsere Partnerstädte\n\n"
        "Folie 3\nLongjumeau\nFrankreich · Île-de-France\nPartnerschaft seit\n1974\n• Bürgerfahrten\n\n"
        "Folie 4\nHasselt\nBelgien · Limburg\nverschwistert\nseit\n1981\n• Jugend-\naustausch im Sommer\n\n"
        "Folie 5\nMörbisch\nSachsen\nseit 03.10.1990\n\n"
        "Folie 6\nWas ist KEINE Partnerstadt?\nBruchsal\n"))
    assert found[frozenset(("Bretten", "Longjumeau"))].since_year == 1974
    assert found[frozenset(("Bretten", "Hasselt"))].since_year == 1981
    assert not any("Bruchsal" in pair for pair in found)


def test_a_chronicle_dates_its_entries_on_their_own_lines(extract):
    found = pairs(extract(
        "Stadtchronik Biberach – Internationale Beziehungen\n\n"
        "12.06.1973\nIm Rathaus wird die Partnerschaftsurkunde mit Schio unterzeichnet.\n\n"
        "1989\nBiberach und Asti schließen eine Städtefreundschaft.\n\n"
        "2014\n25 Jahre Asti: ein Bürgerfest.\n"))
    assert found[frozenset(("Biberach an der Riß", "Schio"))].since_year == 1973
    assert found[frozenset(("Biberach an der Riß", "Asti"))].since_year == 1989


def test_a_list_introduced_by_another_city_is_that_citys(extract):
    found = pairs(extract(
        "Städtepartnerschaften\n\nDie Stadt Hamm unterhält Partnerschaften mit folgenden Städten:\n\n"
        " • Neufchâteau, Frankreich – seit 1967\n • Bradford, England – seit 1976\n\n"
        "Kamen\n\nDie Stadt Kamen, Nachbar im Kreis Unna, pflegt eigene Partnerschaften:\n\n"
        " • Szczytno, Polen (1996)\n"))
    assert found[frozenset(("Kamen", "Szczytno"))].since_year == 1996
    assert frozenset(("Hamm", "Szczytno")) not in found and frozenset(("Hamm", "Kamen")) not in found


def test_towns_with_a_colon_and_their_partner_in_a_regional_overview(extract):
    found = pairs(extract(
        "Die Partnerstädte im Kreis: ein Überblick\n\n"
        "Fast jede Stadt zwischen Darmstadt und Heidelberg hat eine Partnerstadt.\n\n"
        "Lampertheim: Ebreichsdorf in Niederösterreich (1998); Lorsch: Nivelles, Belgien (seit 1986); "
        "Zwingenberg: Le Coteau bei Roanne (1980).\n"))
    assert found[frozenset(("Lorsch", "Nivelles"))].since_year == 1986
    assert found[frozenset(("Zwingenberg", "Le Coteau"))].since_year == 1980
    assert frozenset(("Darmstadt", "Heidelberg")) not in found


def test_a_county_or_a_union_of_municipalities_that_publishes_the_document_is_its_home(home_of):
    def home(text: str) -> str:
        return home_of(text).normalized

    assert home("Kreisausschuss des Landkreises Hersfeld-Rotenburg\nPressestelle · Friedloser Straße 12\n\n"
                "Der Kreistag stimmt der Kooperation mit Sambir zu.") == "Landkreis Hersfeld-Rotenburg"
    assert home("Amtsblatt der Verbandsgemeinde Bodenheim\nmit den Ortsgemeinden Bodenheim und Nackenheim\n\n"
                "Bodenheim und Savigny-lès-Beaune feiern.") == "Verbandsgemeinde Bodenheim"
    assert home("SITTENSEN AKTUELL\nMitteilungsblatt der Samtgemeinde Sittensen und ihrer Mitgliedsgemeinden\n\n"
                "Die Partnerschaft mit Blainville-sur-Orne lebt.") == "Samtgemeinde Sittensen"


def test_unions_of_municipalities_and_closed_county_names_are_parties(extract):
    found = pairs(extract(
        "Partnerschaften der Samtgemeinden und des Kreises\n\n"
        "Kommune                      Partnerkommune                        seit\n"
        "Stadt Winsen (Luhe)          Hagenow (Mecklenburg-Vorpommern)      1990\n"
        "Samtgemeinde Jesteburg       Dębnica Kaszubska (Polen)             2007\n"
        "Samtgemeinde Tostedt         Kępice (Polen)                        2006\n\n"
        "Die älteste Verbindung ist die Kreispartnerschaft des Landkreises Hersfeld-Rotenburg mit dem "
        "Wartburgkreis, die im Mai 1990 vereinbart wurde. Der Freundeskreis trifft sich monatlich.\n"))
    assert found[frozenset(("Samtgemeinde Jesteburg", "Dębnica Kaszubska"))].since_year == 2007
    assert found[frozenset(("Samtgemeinde Tostedt", "Kępice"))].since_year == 2006
    assert found[frozenset(("Landkreis Hersfeld-Rotenburg", "Wartburgkreis"))].since_year == 1990
    # The town inside the county's name is no party, and a Freundeskreis is no county.
    assert not any("Rotenburg an der Fulda" in pair or "Freundeskreis" in pair for pair in found)


def test_an_incorporated_municipality_carries_its_partnership_into_the_city(extract):
    found = pairs(extract(
        "Ingelheim am Rhein\n\nGeschichte\nZum 1. Juli 2019 wurden die bis dahin selbständigen Gemeinden "
        "Heidesheim am Rhein und Wackernheim eingemeindet.\n\nStädtepartnerschaften\n"
        " * Autun (Frankreich), seit 1963\n * Heidesheim – Nolay (Côte-d’Or), seit 1976\n"))
    assert found[frozenset(("Ingelheim am Rhein", "Nolay"))].since_year == 1976
    assert not any("Heidesheim am Rhein" in pair for pair in found)


def test_a_gmina_is_its_municipality_when_scored():
    row = Partnership(city_a="Recke", city_b="Wąsosz", city_a_geonames_id=2848245, city_b_geonames_id=None,
                      city_a_country="DE", city_b_country="PL", since_year=2008, kind="partnership",
                      evidence="", confidence=1.0)
    gold = {"city_a": "Recke", "city_a_geonames_id": 2848245, "city_b": "Gmina Wąsosz", "city_b_geonames_id": None}
    assert same_pair(row, gold)
    assert not same_pair(row, {**gold, "city_b": "Gmina Wąsewo"})



def test_a_berlin_bezirk_partners_as_berlin_whose_district_it_is(extract):
    found = pairs(extract(
        "Bezirksamt Spandau von Berlin\n\nPartnerschaften des Bezirks\n\n"
        "Der Bezirk Spandau ist seit 1959 mit Luton in England partnerschaftlich verbunden. "
        "Seit 1988 besteht auch eine Partnerschaft mit Nauen im Havelland.\n"))
    assert found[frozenset(("Berlin", "Luton"))].since_year == 1959
    assert found[frozenset(("Berlin", "Nauen"))].city_a_geonames_id == 2950159
    assert not any("Spandau" in pair for pair in found)


def test_a_samtgemeinde_in_capitals_on_the_first_line_is_the_home(home_of):
    text = ("SAMTGEMEINDE FÜRSTENAU\nMitgliedsgemeinden Berge, Bippen und Stadt Fürstenau\n\n"
            "Beschlussvorlage: Partnerschaft mit der Gemeinde Łobżenica\n")
    assert home_of(text).normalized == "Samtgemeinde Fürstenau"


def test_a_papers_glued_footnote_number_ends_its_sentence(extract):
    found = pairs(extract(
        "Als erste Partnerschaft gilt die zwischen Ludwigsburg und Montbéliard, die 1950 zustande kam.12 "
        "Karlsruhe unterzeichnete 1955 eine Partnerschaft mit Nancy.13 Reutlingen verschwisterte sich "
        "1958 mit Roanne.\n"))
    assert frozenset(("Ludwigsburg", "Montbéliard")) in found
    assert found[frozenset(("Karlsruhe", "Nancy"))].since_year == 1955
    assert frozenset(("Montbéliard", "Karlsruhe")) not in found and frozenset(("Montbéliard", "Nancy")) not in found



def test_a_register_exported_as_csv_is_read_row_by_row(extract):
    text = (
        "Datenbank kommunale Auslandsbeziehungen – Export\n\n"
        "Ort;Partnerort;Staat;Art;Beginn;Bemerkung\n"
        "Bad Kreuznach;Bourg-en-Bresse;Frankreich;Städtepartnerschaft;1956;\n"
        "Kirn;Sarrebourg;Frankreich;Städtepartnerschaft;1962/1990;1990 neu beurkundet\n"
        "Simmern/Hunsrück;Meung-sur-Loire;Frankreich;Städtepartnerschaft;1973;\n"
        "Baumholder;Gyula;Ungarn;Städtepartnerschaft;1992;\n"
        "Landkreis Birkenfeld;Gniezno;Polen;Kontakte;;keine Partnerschaft, nur Besuchsprogramm\n"
    )
    found = rows(extract(text))
    assert {("Bad Kreuznach", "Bourg-en-Bresse", 1956), ("Kirn", "Sarrebourg", 1962), ("Simmern", "Meung-sur-Loire", 1973),
            ("Baumholder", "Gyula", 1992)} == {(a, b, year) for a, b, year, _ in found}


def test_in_the_same_year_dates_by_the_previous_sentence(extract):
    found = pairs(extract(
        "1967 kam die junge Referendarin nach Idstein, an die Schule, der sie bis 2004 treu blieb. Im selben Jahr "
        "schloss Idstein seine Partnerschaft mit Tonnerre. Idstein warb so lange in England, bis 1983 die "
        "Partnerschaftsurkunde mit Oxford unterzeichnet wurde.\n"))
    assert found[frozenset(("Idstein", "Tonnerre"))].since_year == 1967
    assert found[frozenset(("Idstein", "Oxford"))].since_year == 1983


def test_a_gazettes_narrow_column_is_read_as_running_text(extract):
    text = (
        "AUS DER VERBANDSGEMEINDE\n\n"
        "Partnerschaften in unserer\n"
        "Verbandsgemeinde\n\n"
        "Viele kleine Gemeinden pflegen\n"
        "lebendige Verbindungen nach\n"
        "ganz Europa, und das schon seit\n"
        "vielen Jahrzehnten.\n\n"
        "Armsheim und das burgundische\n"
        "Nolay (Côte-d’Or) sind seit 1972\n"
        "verschwistert. In Schornsheim\n"
        "erinnert ein Gedenkstein an die\n"
        "im Jahr 1986 geschlossene\n"
        "Partnerschaft mit Marsannay-la-Côte.\n"
    )
    found = rows(extract(text))
    assert ("Armsheim", "Nolay", 1972, "partnership") in found
    assert ("Schornsheim", "Marsannay-la-Côte", 1986, "partnership") in found


def test_another_towns_partnership_named_in_passing(extract):
    found = pairs(extract(
        "Zerbst pflegt seit 1991 eine Partnerschaft mit Jever. Jever selbst ist seit 1993 mit Cullera (Spanien) "
        "verschwistert. Die Partnerschaft mit Korosten soll ruhen, wie es andere Städte getan haben, etwa "
        "Halle (Saale) mit ihrer russischen Partnerstadt Ufa.\n"))
    assert found[frozenset(("Jever", "Cullera"))].since_year == 1993
    assert frozenset(("Halle (Saale)", "Ufa")) in found
    assert frozenset(("Zerbst", "Cullera")) not in found


def test_a_dash_parenthesis_between_a_town_and_its_verb(extract):
    found = pairs(extract(
        "Die Nachbarstadt Nürnberg – mit der Fürth keine Städtepartnerschaft verbindet – unterhält ihrerseits "
        "Partnerschaften mit Krakau (1979) und Prag (1990).\n"))
    assert found[frozenset(("Nuremberg", "Kraków"))].since_year == 1979
    assert found[frozenset(("Nuremberg", "Prague"))].since_year == 1990


def test_a_gmina_vouches_for_its_small_town(extract):
    found = pairs(extract("Die Verbandsgemeinde Wörrstadt ist seit 2005 mit der polnischen Gmina Kobierzyce südlich von "
                          "Breslau partnerschaftlich verbunden.\n"))
    assert found[frozenset(("Verbandsgemeinde Wörrstadt", "Kobierzyce"))].since_year == 2005


def test_brochure_cards_in_capitals_between_rules_with_a_signpost(extract):
    text = (
        "WAIBLINGEN\nentdecken · erleben\n\n"
        "Unsere Partnerstädte\n\n"
        "   ⟵ Mayenne 790 km   |   Jesi 1020 km ⟶\n\n"
        "____________________________________________\n\n"
        "▸ MAYENNE\n"
        "Frankreich · Region Pays de la Loire · Département Mayenne\n"
        "Entfernung          ca. 790 km\n"
        "Partnerstadt seit   1962\n"
        "Sehenswert: Château de Mayenne mit Museum, Basilika Notre-Dame (Altstadt,\n"
        "Uferweg)\n\n"
        "____________________________________________\n\n"
        "▸ JESI\n"
        "Italien · Region Marken · Provinz Ancona\n"
        "Einwohner           ca. 40 000\n"
        "Partnerstadt seit   1985\n\n"
        "____________________________________________\n"
        "¹ Der Wegweiser steht am Beinsteiner Tor; Mayenne und Jesi liegen je rund 1000 km entfernt.\n"
    )
    found = rows(extract(text))
    assert {("Waiblingen", "Mayenne", 1962, "partnership"), ("Waiblingen", "Jesi", 1985, "partnership")} <= found
    assert frozenset(("Mayenne", "Jesi")) not in pairs(extract(text))


def test_a_card_that_states_its_kind_needs_no_heading(extract):
    text = (
        "LANDSBERG AM LECH\nStadtplan & Gästeinformation\n\n"
        "Wer am Hauptplatz steht, findet den Wegweiser.\n\n"
        "WALDHEIM                                          Sachsen, Deutschland\n"
        "Entfernung:        410 km\n"
        "Befreundete Stadt seit: 1990\n"
        "Nach der Wende half Landsberg beim Aufbau der Verwaltung.\n"
    )
    assert ("Landsberg am Lech", "Waldheim", 1990, "friendship") in rows(extract(text))


def test_footnotes_below_a_rule_are_not_the_home_towns_partners(extract):
    text = (
        "Partnerschaftsbrief der Stadt Marl\n\n"
        "Städtepartnerschaften\n"
        "Marl ist seit 1969 mit Pendle¹ partnerschaftlich verbunden.\n\n"
        "_______________\n"
        "¹ Borough of Pendle (Lancashire) mit den Städten Nelson, Colne und\n"
        "  Barnoldswick sowie zahlreichen Dörfern.\n"
    )
    found = pairs(extract(text))
    assert not {frozenset(("Marl", town)) for town in ("Nelson", "Colne", "Barnoldswick")} & set(found)


def test_a_registers_full_dates_give_the_founding_years(extract):
    text = (
        "Partnerschaftsdatenbank · Export\n\n"
        "Kommune;Partnerkommune;Staat;Art der Verbindung;Datum der Vereinbarung;Bemerkung\n"
        "Dietzenbach;Ardentes;Frankreich;Partnerschaft;14.09.1974;\n"
        "Dietzenbach;Masone;Italien;Partnerschaft;;Datum nicht gemeldet\n"
        "Rodgau;Puiseaux;Frankreich;Partnerschaft;08.06.1985;\n"
        "Seligenstadt;Ojców;Polen;Kontakt;;Schulkontakt\n"
    )
    assert {(a, b, year) for a, b, year, _ in rows(extract(text))} == {
        ("Dietzenbach", "Ardentes", 1974), ("Dietzenbach", "Masone", None), ("Rodgau", "Puiseaux", 1985)}


def test_a_column_of_towns_each_with_its_partners_after_a_dash(extract):
    text = (
        "Landkreis Dahme-Spreewald\n\n"
        "Partnerschaften der kreisangehörigen Kommunen\n\n"
        "Luckau               – Bad Sassendorf, seit 1990\n"
        "                     – Nowa Sól (PL), Freundschaftsvertrag 2011\n"
        "Mittenwalde          – Mittenwald (Oberbayern): Städtefreundschaft der\n"
        "                       „Namensvettern“, 2012 vereinbart\n"
        "Wildau               – Ząbki (PL), seit 2015\n"
        "Eichwalde            – keine förmliche Partnerschaft\n"
    )
    found = pairs(extract(text))
    assert found[frozenset(("Luckau", "Bad Sassendorf"))].since_year == 1990
    assert found[frozenset(("Luckau", "Nowa Sól"))].since_year == 2011
    assert found[frozenset(("Mittenwalde", "Mittenwald"))].since_year == 2012
    assert found[frozenset(("Wildau", "Ząbki"))].since_year == 2015  # Wildau: no inhabitants in GeoNames
    assert not any("Eichwalde" in pair for pair in found)


def test_a_brochures_dot_leaders_pair_two_towns(extract):
    text = (
        "ENZKREIS – EUROPA VOR ORT\n\n"
        "Die Gemeinden und ihre Partner (Auswahl)\n\n"
        "  Mühlacker ............ Pescia (Toskana, Italien) · seit 1993\n"
        "  Remchingen ........... Zbąszyń (Polen) · seit 2005\n"
        "  Niefern-Öschelbronn .. Chazelles-sur-Lyon (Frankreich) · seit 1986\n"
    )
    assert {("Mühlacker", "Pescia", 1993), ("Remchingen", "Zbąszyń", 2005),
            ("Niefern-Öschelbronn", "Chazelles-sur-Lyon", 1986)} <= {(a, b, y) for a, b, y, _ in rows(extract(text))}


def test_a_county_named_in_one_word_heads_its_own_document(home_of):
    text = "ENZKREIS – EUROPA VOR ORT\nPartnerschaften im Landkreis und in seinen Gemeinden\n\nDer Enzkreis ist seit 2001 mit Myślenice verbunden.\n"
    assert home_of(text).normalized == "Enzkreis"


def test_a_triangle_partnership_pairs_each_town_with_the_other_two(extract):
    found = pairs(extract(
        "Eine Besonderheit ist die Ringpartnerschaft zwischen der Stadt Neuenbürg, dem burgundischen Avallon "
        "und dem toskanischen Scarperia, die 1987 mit einer gemeinsamen Urkunde begründet wurde.\n"))
    assert {frozenset(p) for p in (("Neuenbürg", "Avallon"), ("Neuenbürg", "Scarperia"), ("Avallon", "Scarperia"))} <= set(found)
    assert found[frozenset(("Avallon", "Scarperia"))].since_year == 1987


def test_a_tables_town_name_wrapped_onto_the_next_line(extract):
    text = (
        "Nach Mitteilung der Kommunen bestehen folgende förmliche Partnerschaften:\n\n"
        "Kommune               Partnerkommune                  Staat             seit\n"
        "--------------------------------------------------------------------------------\n"
        "Stadt Euskirchen      Charleville-Mézières            Frankreich        1964\n"
        "                      Basingstoke                     Vereinigtes\n"
        "                                                      Königreich        1981\n"
        "Stadt Bad Münster-    Bad Lobenstein                  Deutschland       1990\n"
        "eifel\n"
        "Gemeinde Hellenthal   Lubawka                         Polen             2004\n"
    )
    found = pairs(extract(text))
    assert found[frozenset(("Euskirchen", "Basingstoke"))].since_year == 1981
    assert found[frozenset(("Bad Münstereifel", "Bad Lobenstein"))].since_year == 1990
    assert found[frozenset(("Hellenthal", "Lubawka"))].since_year == 2004
    assert not any("Bad Münster am Stein-Ebernburg" in pair for pair in found)


def test_each_lettered_item_of_a_list_keeps_its_own_year(extract):
    found = pairs(extract(
        "Die Gemeinde Illingen pflegt derzeit folgende Verbindungen:\n\n"
        "a) Partnerschaft mit Bitche (Lothringen), besiegelt am 21. Mai 1978 in\n"
        "   Bitche und am 10. September 1978 in Illingen;\n"
        "b) Ortsteilpartnerschaft mit Faulquemont (seit 1985).\n"))
    assert found[frozenset(("Illingen", "Bitche"))].since_year == 1978


def test_the_year_contacts_became_a_partnership_is_its_founding_year(extract):
    found = pairs(extract(
        "Die 1972 begonnenen Kontakte zwischen Bad Langensalza und Čáslav mündeten 1975 in eine förmliche "
        "Partnerschaft. Die seit 1999 bestehenden Kontakte zwischen Oranienburg und Gryfice wurden 2006 in eine "
        "förmliche Partnerschaft überführt."))
    assert found[frozenset(("Bad Langensalza", "Čáslav"))].since_year == 1975
    assert found[frozenset(("Oranienburg", "Gryfice"))].since_year == 2006


def test_a_press_release_signed_today_takes_its_datelines_year(extract):
    found = pairs(extract(
        "Pressemitteilung Nr. 87/2024\n\nWedel und Kuldīga besiegeln Partnerschaft\n\n"
        "Wedel, 14.06.2024. Heute unterzeichneten die Bürgermeister im Ratssaal die Urkunde über die "
        "Städtepartnerschaft zwischen Wedel und Kuldīga.\n"))
    assert found[frozenset(("Wedel", "Kuldīga"))].since_year == 2024


def test_a_partner_named_beside_another_does_not_take_its_year(extract):
    found = pairs(extract(
        "Neben der Partnerschaft mit Triel-sur-Seine pflegt Seligenstadt seit 1999 eine Städtefreundschaft mit "
        "der ungarischen Stadt Dombóvár."))
    assert found[frozenset(("Seligenstadt", "Dombóvár"))].since_year == 1999
    assert found[frozenset(("Seligenstadt", "Triel-sur-Seine"))].since_year is None


def test_two_towns_joined_by_a_dash_in_running_text(extract):
    found = pairs(extract(
        "In der zweiten Phase entstanden die ersten Verbindungen über den Eisernen Vorhang hinweg, etwa "
        "Bremen–Danzig (1976) oder Nürnbergs Partnerschaft mit Krakau, die 1979 unterzeichnet wurde. Ausgeklammert "
        "bleiben Hochschulkooperationen wie die Universitätspartnerschaft Tübingen–Ann Arbor."))
    assert found[frozenset(("Bremen", "Gdańsk"))].since_year == 1976
    assert not any("Tübingen" in pair for pair in found)


def test_a_namesake_of_the_home_city_is_another_town(extract):
    found = extract(
        "Naumburg (Saale)\n\nNaumburg (Saale) ist eine Kreisstadt im Süden des Landes Sachsen-Anhalt.\n\n"
        "Städtepartnerschaften\n\nNaumburg unterhält Partnerschaften mit Aubergenville (1994) und Frascati (2007). "
        "Mit der hessischen Namensvetterin Naumburg besteht seit 1991 eine Städtefreundschaft.\n")
    namesakes = [p for p in found if p.city_a == p.city_b == "Naumburg"]
    assert [(p.city_a_geonames_id, p.city_b_geonames_id, p.since_year) for p in namesakes] == [(2866906, 2866905, 1991)]


def test_clubs_of_two_towns_and_a_denied_tie_make_no_pair(extract):
    found = pairs(extract(
        "Gern weisen wir auf die Freundschaft des Skiclubs Waldkirch mit dem Skiclub Dornbirn hin, die 1985 bei einem "
        "Jugendrennen entstand – eine offizielle Verbindung der Städte Waldkirch und Dornbirn besteht allerdings nicht."))
    assert frozenset(("Waldkirch", "Dornbirn")) not in found


def test_a_year_of_an_activity_within_the_partnership_is_not_its_founding(extract):
    found = pairs(extract("Das Turnier wird seit 2005 im Rahmen der Städtepartnerschaft zwischen Oschatz und Schwelm "
                          "ausgetragen."))
    assert found[frozenset(("Oschatz", "Schwelm"))].since_year is None


def test_items_that_name_their_own_kind_under_a_plain_introduction(extract):
    found = pairs(extract(
        "Stadt Schwerte\n\nDie Stadt Schwerte unterhält bereits folgende Verbindungen:\n"
        "  – Béthune (Frankreich): Städtepartnerschaft seit 1960\n"
        "  – Hastings (Großbritannien): Städtepartnerschaft seit 1982\n"
        "  – Rathenow: Partnerstadt Rinteln\n"))
    assert found[frozenset(("Schwerte", "Béthune"))].since_year == 1960
    assert found[frozenset(("Schwerte", "Hastings"))].since_year == 1982
    assert frozenset(("Schwerte", "Rathenow")) not in found


def test_a_cv_table_is_no_table_of_partners(extract):
    found = pairs(extract(
        "Stadt Köthen (Anhalt)\n\nLebenslauf\n\n"
        "18.07.1944     geboren in Bernburg (Saale)\n"
        "1950–1962      Schulbesuch in Bernburg, Abitur\n"
        "1986           Dienstreise nach Nowomoskowsk mit einer Delegation\n"
        "1999           Städtefreundschaft mit Pszczyna (Pless) in Oberschlesien\n"
        "2003           Ehrenbürger der Stadt Wattrelos\n"))
    assert not any("Bernburg" in pair for pair in found)
    assert found[frozenset(("Köthen", "Pszczyna"))].since_year == 1999


def test_each_item_of_a_press_digest_is_about_its_datelines_town(extract):
    found = pairs(extract(
        "PRESSESPIEGEL\n\n[6] Bayerische Rundschau, 27.06.2024\n"
        "KULMBACH – Bürgerreise nach Thüringen: 52 Bürger besuchten die Partnerstadt Saalfeld/Saale.\n"
        "-----\n[7] Frankenpost, 28.06.2024\n"
        "HOF – Die Partnerschaft Hofs mit der vogtländischen Nachbarstadt Plauen, 1987 noch zu DDR-Zeiten "
        "geschlossen, sei „lebendiger denn je“.\n-----\n[8] Der Neue Tag, 28.06.2024\n"
        "TIRSCHENREUTH – Die Kirchengemeinde St. Peter und Paul und die Pfarrei in Tachov pflegen seit 2001 eine "
        "Partnerschaft. Die Städte Tirschenreuth und Tachov selbst sind seit dem 14. September 1997 "
        "partnerschaftlich verbunden.\n"))
    assert found[frozenset(("Hof", "Plauen"))].since_year == 1987
    assert frozenset(("Kulmbach", "Saalfeld")) in found
    assert found[frozenset(("Tirschenreuth", "Tachov"))].since_year == 1997
    assert not any("St. Peter" in pair for pair in found)


def test_a_gazettes_council_reports_are_their_municipalities(extract):
    found = pairs(extract(
        "Mitteilungsblatt der Samtgemeinde Hollenstedt\n\nAUS DEN GEMEINDERÄTEN\n\n"
        "Gemeinderat Moisburg, Sitzung vom 5. September 2024\n\n"
        "Partnerschaft mit Tychowo – Die Gemeinde Moisburg und die polnische Gemeinde Tychowo blicken auf ein "
        "Vierteljahrhundert Partnerschaft zurück: Der Vertrag wurde im Mai 1999 unterzeichnet. Zum Jubiläum "
        "kamen 35 Gäste aus Polen an die Este.\n\n"
        "Gemeinderat Regesbostel, Sitzung vom 12. September 2024\n\n"
        "Der Gemeinderat hat beschlossen, eine Partnerschaft mit der französischen Gemeinde Saint-Georges-sur-Loire "
        "einzugehen.\n"))
    assert found[frozenset(("Moisburg", "Tychowo"))].since_year == 1999
    assert frozenset(("Regesbostel", "Saint-Georges-sur-Loire")) in found
    assert not any("Este" in pair for pair in found)


def test_a_relative_clause_pairs_the_town_it_follows(extract):
    found = pairs(extract(
        "Hansestadt Warburg\n\nSehr geehrter Herr Bürgermeister,\n\nzum anderen verfügt unsere Nachbarstadt "
        "Borgentreich, die seit 1994 mit Głogówek in Oberschlesien partnerschaftlich verbunden ist, über große "
        "Erfahrung.\n"))
    assert found[frozenset(("Borgentreich", "Głogówek"))].since_year == 1994
    assert frozenset(("Warburg", "Głogówek")) not in found


def test_a_clause_opened_by_und_in_has_its_own_subject(extract):
    found = pairs(extract(
        "KTM Kruse (DIE LINKE): Die Stadt Barth hat 1992 eine Städtepartnerschaft mit dem schwedischen Simrishamn "
        "geschlossen, und in Ribnitz-Damgarten feiert man in diesem Jahr das 25-jährige Bestehen der Partnerschaft "
        "mit Darłowo, dem früheren Rügenwalde.\n"))
    assert found[frozenset(("Barth", "Simrishamn"))].since_year == 1992
    assert frozenset(("Barth", "Darłowo")) not in found


def test_a_relative_clause_and_its_coordinated_partner_are_another_towns(extract):
    found = pairs(extract(
        "Stadt Düren\n\nGedenkstunde zum 16. November\n\nDer Redner nannte Coventry, das schon 1947 mit Kiel eine "
        "Partnerschaft schloss und 1959 auch mit Dresden – der Stadt, deren Zerstörung oft mit der Dürens "
        "verglichen wird. Münster, das bereits 1957 mit York eine Partnerschaft geschlossen hatte, verband sich "
        "1960 mit Orléans.\n"))
    assert found[frozenset(("Coventry", "Kiel"))].since_year == 1947
    assert found[frozenset(("Coventry", "Dresden"))].since_year == 1959
    assert found[frozenset(("Münster", "Orléans"))].since_year == 1960
    assert not any("Düren" in pair for pair in found)


def test_each_subject_of_a_founding_verb_keeps_its_own_clause(extract):
    found = pairs(extract(
        "Die frühen Jahre der Partnerschaftsbewegung\n\nKarlsruhe unterzeichnete 1955 eine Partnerschaft mit Nancy, "
        "Reutlingen 1958 mit Roanne. Auch die Nachbarstadt Jülich, die am selben Tag wie Düren unterging, "
        "habe 1964 mit dem nordfranzösischen Haubourdin eine Partnerschaft begründet.\n"))
    assert found[frozenset(("Karlsruhe", "Nancy"))].since_year == 1955
    assert found[frozenset(("Reutlingen", "Roanne"))].since_year == 1958
    assert found[frozenset(("Jülich", "Haubourdin"))].since_year == 1964
    assert frozenset(("Karlsruhe", "Roanne")) not in found
    assert frozenset(("Jülich", "Düren")) not in found


def test_a_countys_town_items_in_capitals_end_at_the_next_numbered_section(extract):
    found = pairs(extract(
        "Landkreis Osnabrück\n\n3. Partnerschaften der kreisangehörigen Kommunen (Auswahl)\n\n"
        "BAD IBURG – Sillé-le-Guillaume (Frankreich). Die Kontakte reichen weit zurück.\n\n"
        "BISSENDORF (Gemeinde) – Mortagne-sur-Sèvre (Frankreich), seit 1988.\n\n"
        "QUAKENBRÜCK – Thornbury (England), seit 1991.\n\n"
        "─────────────────────────────\n\n4. Die Stadt Osnabrück\n\n"
        "Die kreisfreie Stadt Osnabrück gehört dem Landkreis nicht an. Sie ist u. a. mit Haarlem (1961) und "
        "Angers (1964) verbunden.\n"))
    assert frozenset(("Bad Iburg", "Sillé-le-Guillaume")) in found
    assert found[frozenset(("Bissendorf", "Mortagne-sur-Sèvre"))].since_year == 1988
    assert found[frozenset(("Quakenbrück", "Thornbury"))].since_year == 1991
    assert found[frozenset(("Osnabrück", "Haarlem"))].since_year == 1961
    assert frozenset(("Quakenbrück", "Haarlem")) not in found


def test_a_year_the_text_declares_or_counts_on_from(extract):
    found = pairs(extract(
        "Stadt Mörfelden-Walldorf\n\nAus der 1988 geschlossenen Städtefreundschaft mit dem niederländischen "
        "Wageningen wurde zwei Jahre später eine förmliche Städtepartnerschaft.\n\n"
        "Die Partnerschaft mit Vitrolles wurde 1974 vom Stadtrat beschlossen und im Mai 1975 feierlich "
        "unterzeichnet; als Gründungsjahr gilt deshalb 1975.\n"))
    assert found[frozenset(("Mörfelden-Walldorf", "Wageningen"))].since_year == 1990
    assert found[frozenset(("Mörfelden-Walldorf", "Vitrolles"))].since_year == 1975


def test_a_pipe_tables_rows_continued_on_a_second_line(extract):
    found = pairs(extract(
        "Nr. | Hessische Kommune        | Partnerkommune (Ukraine)    | Art der Beziehung   | seit\n"
        "----+--------------------------+-----------------------------+---------------------+------\n"
        "1   | Wissenschaftsstadt       | Uschhorod                   | Städtepartnerschaft | 1992\n"
        "    | Darmstadt                | (Transkarpatien)            |                     |\n"
        "2   | Frankfurt am Main        | Lwiw                        | Städtepartnerschaft | 2024\n"))
    assert found[frozenset(("Darmstadt", "Uzhhorod"))].since_year == 1992
    assert found[frozenset(("Frankfurt am Main", "Lviv"))].since_year == 2024


def test_an_indented_pipe_table_under_an_indented_label_line(extract):
    # A Gherkin feature file's examples: "Beispiele:" is indented like the table, and is no row of it.
    found = rows(extract(
        "Funktionalität: Import der Städtepartnerschaften\n\n"
        "  Szenariogrundriss: Partnerschaften der Landeshauptstadt Kiel werden importiert\n"
        "    Wenn der Import ausgeführt wird\n\n"
        "    Beispiele:\n"
        "      | heimatstadt | partnerstadt | land           | seit |\n"
        "      | Kiel        | Coventry     | Großbritannien | 1947 |\n"
        "      | Kiel        | Vaasa        | Finnland       | 1967 |\n"))
    assert found == {("Kiel", "Coventry", 1947, "partnership"), ("Kiel", "Vaasa", 1967, "partnership")}


def test_an_overview_heading_keeps_the_kind_its_introduction_named(extract):
    found = pairs(extract(
        "Städtepartnerschaften der Stadt Salzburg\n\n"
        "Die Stadt Salzburg pflegt derzeit zehn aktive Städtepartnerschaften.\n\nÜbersicht\n\n"
        "Reims (Frankreich) ............... seit 1964\n"
        "  Die älteste Partnerschaft der Mozartstadt.\n"
        "Verona (Italien) ................. seit 1973\n"))
    assert found[frozenset(("Salzburg", "Reims"))].since_year == 1964
    assert found[frozenset(("Salzburg", "Verona"))].since_year == 1973


def test_a_bare_town_heading_over_its_own_paragraph_is_that_towns_section(extract):
    found = pairs(extract(
        "Landkreis Unterallgäu\n\nPartnerschaften im Unterallgäu\n\n"
        "Der Landkreis Unterallgäu pflegt zwei Landkreispartnerschaften.\n\n"
        "Mindelheim\nDie Kreisstadt ist seit 1961 mit Bourg-de-Péage (Drôme) verschwistert.\n\n"
        "Babenhausen\nDer Fuggermarkt ist seit 1993 mit Argentré in Frankreich verbunden.\n\n"
        "Nachbarn\nDie kreisfreie Stadt Memmingen ist seit 1990 mit der Lutherstadt Eisleben verbunden.\n"))
    assert found[frozenset(("Mindelheim", "Bourg-de-Péage"))].since_year == 1961
    assert found[frozenset(("Babenhausen", "Argentré"))].since_year == 1993
    assert not any("Babenhausen" in pair and "Memmingen" in pair for pair in found)


def test_a_bare_town_heading_over_a_list_of_towns_heads_that_towns_partners(extract):
    found = rows(extract(
        "Städtepartnerschaften in Mecklenburg-Vorpommern\n\nLandeshauptstadt Schwerin\n"
        "- Wuppertal (Nordrhein-Westfalen): Städtepartnerschaft seit 1987\n- Piła (Polen): Partnerschaftsvertrag seit 1998\n\n"
        "Neubrandenburg\n- Flensburg: Partnerschaft seit 1987\n- Koszalin (Polen): verschwistert seit 1974\n\n"
        "Barlachstadt Güstrow\n- Neuwied (Rheinland-Pfalz): Partnerschaft seit 1988\n"))
    assert found >= {("Schwerin", "Wuppertal", 1987, "partnership"), ("Schwerin", "Piła", 1998, "partnership"),
                     ("Neubrandenburg", "Flensburg", 1987, "partnership"), ("Neubrandenburg", "Koszalin", 1974, "partnership"),
                     ("Güstrow", "Neuwied", 1988, "partnership")}
    assert not any(row[0] == "Schwerin" and row[1] in ("Flensburg", "Neuwied", "Neubrandenburg") for row in found)


def test_a_bulleted_town_with_a_long_description_after_its_dash(extract):
    found = pairs(extract(
        "Walldorf pflegt Städtepartnerschaften auf drei Kontinenten:\n"
        "• Saint-Max (Lothringen, Frankreich) – 1985 begründet; 2025 feiern wir gemeinsam mit vielen Gästen 40 Jahre.\n"
        "• Waldorf, Maryland (USA) – seit 2002; der Ort trägt seinen Namen zu Ehren von William Waldorf Astor.\n"))
    assert found[frozenset(("Walldorf", "Saint-Max"))].since_year == 1985
    assert found[frozenset(("Walldorf", "Waldorf"))].since_year == 2002


def test_years_counted_back_from_the_date_of_writing_or_written_short(extract):
    found = pairs(extract(
        "Stadt Wolgast – Jahresrückblick 2023\n\nAUGUST\n\n"
        "· Vor genau 30 Jahren wurde die Freundschaft mit der dänischen Stadt Vordingborg begründet.\n\n"
        "· Eine Delegation aus unserer Freundschaftsstadt Bad Liebenwerda kam; die Städtefreundschaft "
        "besteht seit Mai '90.\n"))
    assert found[frozenset(("Wolgast", "Vordingborg"))].since_year == 1993
    assert found[frozenset(("Wolgast", "Bad Liebenwerda"))].since_year == 1990
    assert not any("August" in pair for pair in found)


def test_pair_lines_under_a_question_heading_say_their_own_kind(extract):
    found = pairs(extract(
        "Ring der Partnerstädte\n\nWer ist mit wem verbunden?\n"
        "Idar-Oberstein – Turnov ............... Partnerschaft seit 1994\n"
        "Turnov – Sainte-Marie-aux-Mines ....... Partnerschaft seit 2005\n"
        "Sainte-Marie-aux-Mines – Pezinok ...... von 1972 bis 1991 und\n"
        "                                        wieder seit 2004\n"))
    assert found[frozenset(("Idar-Oberstein", "Turnov"))].since_year == 1994
    assert found[frozenset(("Turnov", "Sainte-Marie-aux-Mines"))].since_year == 2005
    assert found[frozenset(("Sainte-Marie-aux-Mines", "Pezinok"))].since_year == 1972


def test_an_item_that_is_another_towns_partner_and_a_numeric_date(extract):
    found = pairs(extract(
        "Projektbericht der Stadt Blieskastel\n\n1. Beteiligte Kommunen\n"
        "   Chaponost (Frankreich)      – Partnerstadt seit 1983\n"
        "   Pezinok (Slowakei)          – Partnerstadt seit 2004\n"
        "   Torrelodones (Spanien)      – Partnerstadt von Chaponost (seit 1995)\n\n"
        "Am 1.9.1984 wurde die Partnerschaft zwischen Wilgartswiesen und der elsässischen Gemeinde "
        "Wingen-sur-Moder besiegelt.\n"))
    assert found[frozenset(("Blieskastel", "Chaponost"))].since_year == 1983
    assert found[frozenset(("Chaponost", "Torrelodones"))].since_year == 1995
    assert found[frozenset(("Wilgartswiesen", "Wingen-sur-Moder"))].since_year == 1984


def test_lettered_pair_lines_after_a_paragraph_that_names_the_kind(extract):
    """A Landtag answer: "beide Gemeinden sind seit 1960 verschwistert. Es folgten:" over "a) X – Y (year);"."""
    found = pairs(extract(
        "Zu Frage 1:\n"
        "Die älteste Verbindung besteht zwischen Großrosseln und Petite-Rosselle; beide Gemeinden\n"
        "sind seit 1960 verschwistert. Es folgten u. a. (in zeitlicher Reihenfolge):\n\n"
        " a) Püttlingen – Creutzwald, 1965 geschlossen;\n"
        " b) Schiffweiler – Rombas (1969);\n"
        " c) Heusweiler – Faulquemont (1972);\n"))
    assert found[frozenset(("Püttlingen", "Creutzwald"))].since_year == 1965
    assert found[frozenset(("Schiffweiler", "Rombas"))].since_year == 1969
    assert found[frozenset(("Heusweiler", "Faulquemont"))].kind == "partnership"


def test_the_year_column_of_a_grant_list_is_the_grants(extract):
    found = pairs(extract(
        "Förderprogramm – bewilligte Vorhaben\n\n"
        "Nr. | Zuwendungsempfänger   | Partnerkommune (Staat) | Art der Verbindung      | Betrag EUR | Jahr\n"
        "----+-----------------------+------------------------+-------------------------+------------+-----\n"
        " 1  | Stadt Görlitz         | Zgorzelec (PL)         | Städtepartnerschaft     |  8.000,00  | 2023\n"
        " 2  | Stadt Weißwasser      | Żary (PL)              | Partnerschaft seit 1995 |  4.800,00  | 2023\n"))
    assert found[frozenset(("Görlitz", "Zgorzelec"))].since_year is None
    assert found[frozenset(("Weißwasser", "Żary"))].since_year == 1995


def test_a_lexicon_lists_each_entrys_partners_with_country_signs_and_years(extract):
    """A Städtebuch: each entry's town owns its abbreviated "Partnerst.:" field; "(F, 1961)" gives the year,
    not the literature's "(1992)"; a name inside a partner's brackets is no partner."""
    found = rows(extract(
        "Celle, Krst. d. Ldkr. Celle, Nds. – 70 000 Ew. – Gesch.: 1292 Stadtrecht. – Partnerst.: Meudon "
        "(F, 1961), Tulln an der Donau (A, 1981), Quedlinburg (Sa.-Anh., 1990; seit 2014 auch v. Thale "
        "unterstützt); Städtefreundsch. m. Sárospatak (H, 2006). – Lit.: Stadtchronik (1992).\n\n"
        "Cloppenburg, St. im Ldkr. Cloppenburg, Nds. – 36 000 Ew. – Partnerst.: Bernay (F, 1975).\n"))
    assert ("Celle", "Meudon", 1961, "partnership") in found
    assert ("Celle", "Quedlinburg", 1990, "partnership") in found
    assert ("Celle", "Sárospatak", 2006, "friendship") in found
    assert ("Cloppenburg", "Bernay", 1975, "partnership") in found
    assert not any("Thale" in (a, b) for a, b, _, _ in found)


def test_a_bullet_that_opens_with_a_pair_states_it(extract):
    """A prize jury's list: "• A und B." and the partnership the item goes on to name."""
    found = pairs(extract(
        "Die Preisträger:\n\n"
        "• Meiningen und Bad Kissingen. Die Verbindung wurde im Juni 1990 besiegelt und gehört zu den\n"
        "  ersten deutsch-deutschen Städtepartnerschaften.\n\n"
        "• Sonderpreis Erinnerung: Ilmenau und Homburg. Die 1990 geschlossene Partnerschaft lebt vom\n"
        "  Austausch der Schulen.\n"))
    assert found[frozenset(("Meiningen", "Bad Kissingen"))].since_year == 1990
    assert found[frozenset(("Ilmenau", "Homburg"))].since_year == 1990


def test_a_question_in_a_chat_states_no_partnership(extract):
    """A chatbot's transcript: the user's question is no statement, the speaker "ALBI:" is no town."""
    found = pairs(extract(
        "ALBI: Albstadt unterhält eine Städtepartnerschaft mit Chambéry (seit 1960).\n"
        "Nutzer: Ist Albstadt mit Tübingen verschwistert?\n"
        "ALBI: Nein, mit Tübingen besteht keine Partnerschaft.\n"
        "ALBI: Kann ich sonst helfen?\n"))
    assert set(found) == {frozenset(("Albstadt", "Chambéry"))}


def test_a_pipe_table_of_projects_skips_schools_and_universities(extract):
    found = rows(extract(
        "Geförderte Projekte\n\n"
        "Träger (D)            | Partner (F)            | Rahmen                      | TN\n"
        "----------------------+------------------------+-----------------------------+----\n"
        "Stadt Paderborn       | Le Mans                | Städtepartnerschaft (1967)  | 30\n"
        "Universität Paderborn | Le Mans Université     | Hochschulkooperation        | 18\n"
        "Gymnasium Celle       | Lycée Rabelais, Meudon | Schulpartnerschaft          | 25\n"
        "Stadt Tauberbischofsheim | Ville de Vitry-le-François | jumelage 1962        | 40\n"))
    assert found == {("Paderborn", "Le Mans", 1967, "partnership"),
                     ("Tauberbischofsheim", "Vitry-le-François", 1962, "partnership")}


def test_greetings_from_the_partner_towns_each_name_their_partnership(extract):
    """An Amtsblatt's Christmas page: "Aus Odense" heads each greeting, which speaks of "unsere Partnerschaft"."""
    found = rows(extract(
        "Stadt Schwerin – Weihnachtsgrüße aus unseren Partnerstädten\n\n"
        "In Schwerin feiern wir Weihnachten mit Gästen.\n\n"
        "Aus Wuppertal\n"
        "„Liebe Schwerinerinnen und Schweriner, seit 1987 sind unsere Städte Partner. Frohe Weihnachten!“\n\n"
        "Aus Odense\n"
        "„Liebe Freunde in Schwerin! Unsere Partnerschaft, gegründet 1990, ist stärker denn je.“\n\n"
        "Aus Tallinn\n"
        "„Frohe Weihnachten von der Ostseekonferenz!“\n"))
    assert ("Schwerin", "Wuppertal", 1987, "partnership") in found
    assert ("Schwerin", "Odense", 1990, "partnership") in found
    assert not any("Tallinn" in (a, b) for a, b, _, _ in found)


def test_match_results_are_no_pairs(extract):
    """A tournament of partner towns: "Heilbronn – Nîmes 1:2" is a match, the partnership is stated elsewhere."""
    found = pairs(extract(
        "Partnerstädte-Cup in Frankfurt (Oder)\n\n"
        "Vorrunde\n"
        "Heilbronn – Nîmes 1:2\n"
        "Kuopio – Poznań 1:3\n"
        "Gorzów – Kuopio 2:2\n"))
    assert frozenset(("Heilbronn", "Nîmes")) not in found
    assert frozenset(("Kuopio", "Poznań")) not in found


def test_towns_that_joined_a_list_are_the_subjects_partners(extract):
    found = rows(extract(
        "Kapitel 7: Potsdam in Europa\n\n"
        "Potsdam ist eine weltoffene Stadt. Die älteste Städtepartnerschaft Potsdams besteht mit Opole (seit 1973). "
        "Im Jahr der Deutschen Einheit 1990 kamen Perugia und Sioux Falls (USA) hinzu."))
    assert ("Potsdam", "Perugia", 1990, "partnership") in found
    assert ("Potsdam", "Sioux Falls", 1990, "partnership") in found
    assert not any({a, b} == {"Perugia", "Sioux Falls"} for a, b, _, _ in found)


def test_a_table_gives_the_kind_by_an_abbreviation_the_text_explains(extract):
    """A thesis appendix: "SP" and "SF" in the table, spelled out in the list of abbreviations above it."""
    found = rows(extract(
        "A.1 Abkürzungsverzeichnis\n\n"
        "SF     Städtefreundschaft\n"
        "SP     Städtepartnerschaft\n"
        "StA    Stadtarchiv\n\n"
        "Tab. A.2-1\n\n"
        "Nr. | Kommune    | Partnerkommune | Art | Jahr      | Quelle\n"
        "----|------------|----------------|-----|-----------|----------\n"
        "1   | Kassel     | Mulhouse       | SP  | 1965      | StA KS\n"
        "2   | Kassel     | Arnstadt       | SF  | o. J.     | StA KS\n"
        "3   | Gießen     | Winchester     | SP  | 1963/2013 | StA GI\n"))
    assert ("Kassel", "Mulhouse", 1965, "partnership") in found
    assert ("Kassel", "Arnstadt", None, "friendship") in found
    assert ("Gießen", "Winchester", 1963, "partnership") in found


def test_each_entry_of_a_disambiguation_page_owns_its_partners(extract):
    found = rows(extract(
        "Neustadt steht für:\n\n"
        "* Neustadt am Rübenberge, Stadt in der Region Hannover; Partnerstadt: La Ferté-Macé (Frankreich, 1965)\n"
        "* Neustadt in Holstein, Stadt im Kreis Ostholstein; Partnerstädte sind Ustka (Polen) und Hurup (Dänemark)\n"
        "* Neustadt an der Waldnaab, Kreisstadt in der Oberpfalz\n"))
    assert ("Neustadt am Rübenberge", "La Ferté-Macé", 1965, "partnership") in found
    assert ("Neustadt in Holstein", "Ustka", None, "partnership") in found
    assert not any("Neustadt am Rübenberge" in (a, b) and "Ustka" in (a, b) for a, b, _, _ in found)


def test_a_tab_separated_list_keeps_its_columns_when_a_remark_is_missing(extract):
    """A wiki table pasted as text: rows with and without a remark; the year column stays the fourth."""
    found = rows(extract(
        "Partnerschaften im Saarland\n\n"
        "Kommune\tPartnerkommune\tLand\tseit\tAnmerkungen\n"
        "Saarbrücken\tNantes\tFrankreich\t1965\n"
        "Saarbrücken\tCottbus\tDeutschland\t1987\terste deutsch-deutsche Städtepartnerschaft im Saarland\n"
        "Saarlouis\tSaint-Nazaire\tFrankreich\t1960\n"
        "Homburg\tIlmenau\tDeutschland\t1988/1990\tVereinbarung 1988, Vertrag 1990\n"))
    assert ("Saarbrücken", "Nantes", 1965, "partnership") in found
    assert ("Saarlouis", "Saint-Nazaire", 1960, "partnership") in found
    assert ("Homburg", "Ilmenau", 1988, "partnership") in found


def test_years_written_with_two_digits(extract):
    found = rows(extract(
        "Gotha unterhält Städtepartnerschaften mit Romilly-sur-Seine (Frankreich, seit 1960) und "
        "Gastonia (North Carolina, USA, '93).\n\n"
        "Seit Mai ’86 ist Papenburg mit dem niederländischen Veendam verschwistert.\n"))
    assert ("Gotha", "Gastonia", 1993, "partnership") in found
    assert ("Papenburg", "Veendam", 1986, "partnership") in found


def test_a_possessive_points_back_to_the_town_that_opens_the_sentence(extract):
    found = rows(extract(
        "Die Stadt Regensburg rechnet im Oktober mit Delegationen aus ihren Partnerstädten Aberdeen "
        "(Partnerschaft seit 1955), Clermont-Ferrand (1969) und Tempe in Arizona (1978)."))
    assert ("Regensburg", "Aberdeen", 1955, "partnership") in found
    assert ("Regensburg", "Tempe", 1978, "partnership") in found
    assert not any("Aberdeen" in (a, b) and "Tempe" in (a, b) for a, b, _, _ in found)


def test_parallel_clauses_with_von_pair_each_town_with_its_partner(extract):
    found = rows(extract(
        "Marburg ist Partnerstadt von Poitiers (1961), Gießen von Winchester (1963), Hanau von Dartford (1964) "
        "und Offenbach am Main von Puteaux (1955)."))
    assert ("Gießen", "Winchester", 1963, "partnership") in found
    assert ("Offenbach", "Puteaux", 1955, "partnership") in found
    assert not any("Marburg an der Lahn" in (a, b) and "Dartford" in (a, b) for a, b, _, _ in found)


def test_the_townspeople_opening_a_sentence_name_its_subject(extract):
    found = rows(extract(
        "Seit 1962 sind Würzburg und das normannische Caen Partnerstädte. Zu Wort kommt auch ein Vertreter aus "
        "Portsmouth, der englischen Partnerstadt Caens. Die Würzburger pflegen außerdem Partnerschaften mit "
        "Dundee (1962) und Rochester in Minnesota (1964)."))
    assert ("Würzburg", "Dundee", 1962, "partnership") in found
    assert not any("Caen" in (a, b) and "Rochester" in (a, b) for a, b, _, _ in found)


def test_a_programmes_roman_numerals_are_no_datelines(home_of):
    home = home_of(
        "Lüneburger Kantorei an St. Johannis\n\nPARTNERSCHAFTSKONZERT\n\n"
        "Lüneburg ist seit 1973 mit Scunthorpe verschwistert. Die Lüneburger Kantorei singt mit der "
        "Scunthorpe Choral Society.\n\nPROGRAMM\n"
        "VI.  Volkslied aus Vorpommern\nVII. Felix Mendelssohn Bartholdy: „Denn er hat seinen Engeln befohlen“\n"
        "VIII. Ryūtarō Hirota: „Hama Chidori“\n")
    assert home is not None and home.normalized == "Lüneburg"


def test_a_partnership_that_goes_back_to_a_year_starts_then(extract):
    found = rows(extract(
        "Die Landeshauptstadt Wiesbaden weist mit elf Partnerschaften die meisten auf. Die älteste reicht bis "
        "1930 zurück: die Partnerschaft mit Klagenfurt."))
    assert ("Wiesbaden", "Klagenfurt am Wörthersee", 1930, "partnership") in found


def test_a_paragraph_run_in_with_a_pair_states_that_pair(extract):
    found = rows(extract(
        "EUROPE DIRECT Kaiserslautern – Newsletter 03/2024\n\n"
        "Kaiserslautern – Davenport (USA): Die älteste Partnerschaft der Stadt (1960) erlebte im Juli einen Besuch.\n\n"
        "Speyer – Chartres (Frankreich): Die Partnerschaft wurde am 8. Mai 1965 besiegelt – bewusst am Jahrestag "
        "des Kriegsendes, als Zeichen der Versöhnung.\n\n"
        "Zweibrücken – Boulogne-sur-Mer (Frankreich): Seit 1959 verschwistert.\n"))
    assert ("Speyer", "Chartres", 1965, "partnership") in found
    assert ("Zweibrücken", "Boulogne-sur-Mer", 1959, "partnership") in found
    assert not any("Kaiserslautern" in (a, b) and "Chartres" in (a, b) for a, b, _, _ in found)


def test_a_partner_after_mit_is_no_subject_even_with_an_apostrophe(extract):
    found = rows(extract(
        "Trier, im Januar 2024. Liebe Trierinnen und Trierer, unsere Partnerschaften sind lebendig. "
        "Mit ’s-Hertogenbosch sind wir seit 1968 verbunden, mit Pula an der istrischen Küste seit 1971."))
    assert not any("Pula" in (a, b) and "Hertogenbosch" in a + b for a, b, _, _ in found)


def test_each_letterhead_of_a_collection_owns_the_partners_in_its_footer(extract):
    found = rows(extract(
        "Muster für Briefbögen (Anlage 3)\n\n"
        "Muster A\n"
        "Stadt Goslar · Der Oberbürgermeister · Charley-Jacob-Straße 3 · 38640 Goslar\n"
        "Partnerstädte: Arcachon (Frankreich) · Windsor and Maidenhead (England) · Brzeg (seit 2000)\n\n"
        "Muster B\n"
        "Stadt Celle | Der Oberbürgermeister | Am Markt 14 | 29221 Celle\n"
        "Unsere Partnerstädte: Meudon (F) 1966 – Tulln (A) 1980 – Quedlinburg (D) 1990\n"))
    assert ("Goslar", "Brzeg", 2000, "partnership") in found
    assert ("Celle", "Meudon", 1966, "partnership") in found
    assert ("Celle", "Tulln", 1980, "partnership") in found
    assert not any("Goslar" in (a, b) and "Meudon" in (a, b) for a, b, _, _ in found)


def test_a_directory_of_committees_gives_each_town_its_partners(extract):
    found = rows(extract(
        "Landkreis Darmstadt-Dieburg – Partnerschaftskomitees\n\n"
        "Dieburg\n"
        "Partnerschaftskomitee Dieburg, Marktplatz 4, 64807 Dieburg\n"
        "– Aubergenville (Yvelines, Frankreich), seit 1971\n"
        "  Comité de Jumelage, Place de la Mairie, 78410 Aubergenville, France\n\n"
        "Griesheim\n"
        "Partnerschaftsverein Griesheim e. V., Wilhelm-Leuschner-Straße 75, 64347 Griesheim\n"
        "– Pontarlier (Doubs, Frankreich), seit 1964\n"))
    assert ("Dieburg", "Aubergenville", 1971, "partnership") in found
    assert ("Griesheim", "Pontarlier", 1964, "partnership") in found


def test_a_member_town_and_its_partner_after_a_colon_are_a_pair(extract):
    found = rows(extract(
        "Verbandsgemeinde Bodenheim (Export)\n\n"
        "partnerschaften_ortsgemeinden =\n"
        "  Bodenheim: Saint-Alban-Leysse (Savoie, Frankreich), seit 1982\n"
        "  Nackenheim: Mesnières-en-Bray (Seine-Maritime, Frankreich), Jumelage seit 1978\n"))
    assert ("Bodenheim", "Saint-Alban-Leysse", 1982, "partnership") in found
    assert ("Nackenheim", "Mesnières-en-Bray", 1978, "partnership") in found


def test_a_name_in_quotes_after_a_label_pairs_with_the_town_after_the_dash(extract):
    found = rows(extract(
        "Die Fähren auf dem Bodensee tragen die Namen von Partnerstädten:\n\n"
        "MS 12 „Villingen“ – Konstanz, seit 1986\n"
        "MS 14 „Fontainebleau“ – Konstanz, Partnerschaft seit 1960\n"
        "MS 15 „Lodi“ – Konstanz, seit 1988\n"))
    found = {(frozenset((a, b)), year, kind) for a, b, year, kind in found}  # no home town: the line's order
    assert (frozenset(("Konstanz", "Fontainebleau")), 1960, "partnership") in found
    assert (frozenset(("Konstanz", "Lodi")), 1988, "partnership") in found


def test_a_catalogues_numbered_lots_each_open_with_their_town(extract):
    found = rows(extract(
        "Auktion 12: Medaillen auf Städtepartnerschaften\n\n"
        "311 ULM. Silbermedaille 1990 auf die Partnerschaft mit Bratislava. vz. 40,–\n\n"
        "312 KASSEL. Bronzemedaille 1982 auf 20 Jahre Städtepartnerschaft mit Rostow am Don (1962). ss. 25,–\n"))
    assert any(a == "Ulm" and b == "Bratislava" for a, b, _, _ in found)
    assert any(a == "Kassel" and "Rostov" in b for a, b, _, _ in found)
    assert not any("Ulm" in (a, b) and "Kassel" in (a, b) for a, b, _, _ in found)


def test_a_statistics_table_carries_each_member_town_down_to_its_further_partners(extract):
    """Member towns across a column of inhabitants, blank cells under a town for its further partners,
    kinds by one-letter codes that a legend explains."""
    found = rows(extract(
        "Tabelle 4: Landkreis Oder-Spree - Gemeinden und ihre Partnerschaften\n\n"
        "Lfd. | Gemeinde              | Einw. 2023 | Partnerkommune   | Staat | Art | seit\n"
        "-----+-----------------------+------------+------------------+-------+-----+------\n"
        "  1  | Beeskow, Stadt        |      8 002 | Międzyrzecz      |  PL   |  P  | 1996\n"
        "  2  | Fürstenwalde/Spree    |     32 500 | Choszczno        |  PL   |  P  | 1998\n"
        "  3  |                       |            | Sulęcin          |  PL   |  K  | 2005\n"
        "  4  | Eisenhüttenstadt      |     24 000 | Saarlouis        |  DE   |  F¹ | 1986\n\n"
        "Zeichenerklärung:\n"
        "Art: P = Partnerschaft,\n"
        "     F = Freundschaft (innerdeutsche Städtefreundschaft),\n"
        "     K = Kooperationsvereinbarung\n"))
    assert ("Beeskow", "Międzyrzecz", 1996, "partnership") in found
    assert any(a.startswith("Fürstenwalde") and b == "Sulęcin" and year == 2005 and kind == "cooperation"
               for a, b, year, kind in found)
    assert ("Eisenhüttenstadt", "Saarlouis", 1986, "friendship") in found


def test_a_booking_pages_items_wrap_under_their_town_and_the_opening_names_the_home(extract):
    """Two towns in the title, the home named by "X' und seiner Partnerstädte"; an item's rest
    on the next line, under the name."""
    found = rows(extract(
        "Europastadt Görlitz/Zgorzelec - Gästeservice\n\n"
        "Ein Angebot der Tourismuswerbung Görlitz' und seiner Partnerstädte für Gäste aus diesen Städten.\n\n"
        "Wer darf buchen?\n"
        "* Zgorzelec (PL) - mit unserer Schwesterstadt jenseits der Neiße sind wir\n"
        "  seit 1991 partnerschaftlich verbunden\n"
        "* Amiens (FR) - Partnerstadt seit 1971\n"
        "* Wiesbaden (DE) - Städtefreundschaft, geschlossen im Jahr der\n"
        "  Wiedervereinigung 1990\n"))
    assert ("Görlitz", "Zgorzelec", 1991, "partnership") in found
    assert ("Görlitz", "Amiens", 1971, "partnership") in found
    assert ("Görlitz", "Wiesbaden", 1990, "friendship") in found


def test_the_hansestadt_after_a_sentence_naming_one_town_is_that_town(extract):
    found = rows(extract(
        "Moderatorin: Beginnen wir in Greifswald. Die Hansestadt hat seit 1990 die schwedische Partnerstadt Lund,\n"
        "und die Städtefreundschaft mit Osnabrück geht auf 1988 zurück.\n\n"
        "Moderator: Ich war mal in Kotka. Über\nHelsinki.\n"))
    assert any(a.endswith("Greifswald") and (b, year, kind) == ("Lund", 1990, "partnership") for a, b, year, kind in found)
    assert any(a.endswith("Greifswald") and (b, year, kind) == ("Osnabrück", 1988, "friendship") for a, b, year, kind in found)
    assert not any("Helsinki" in (a, b) or ("Lund", "Osnabrück") == (a, b) for a, b, _, _ in found)


def test_an_exhibitions_stations_each_tell_one_towns_partners(extract):
    found = rows(extract(
        "Stadtarchiv Dresden - Wanderausstellung: Texte der Tafeln\n\n"
        "Station 1 - Dresden: Coventry\n"
        "Die Partnerschaft zwischen Dresden und Coventry wurde 1959 begründet.\n\n"
        "Station 2 - Leipzig: Krakau, Hannover\n"
        "Leipzig und Krakau sind seit 1995 Partnerstädte. Die Verbindung zu Hannover\n"
        "reicht in das Jahr 1987 zurück.\n"))
    assert ("Leipzig", "Hannover", 1987, "partnership") in found
    assert not any({a, b} == {"Dresden", "Hannover"} for a, b, _, _ in found)


def test_an_outlines_lettered_headings_head_their_dashed_pairs(extract):
    found = rows(extract(
        "2. Geschichte\n"
        "a) Aussöhnung nach 1945\n"
        "   – Sonderfall Paris – Rom (1956): exklusive Partnerschaft.\n"
        "b) Deutsch-deutsche Städtepartnerschaften\n"
        "   – Saarlouis – Eisenhüttenstadt (1986) als erste.\n"
        "c) Nord-Süd\n"
        "   – Beispiele: Klimapartnerschaft Ludwigsburg – Kongoussi; Projektpartnerschaften der Stadt Bonn mit Cape Coast.\n"))
    assert ("Saarlouis", "Eisenhüttenstadt", 1986, "partnership") in found
    assert any(a == "Paris" and b in ("Rom", "Rome") and year == 1956 for a, b, year, _ in found)
    assert ("Ludwigsburg", "Kongoussi", None, "cooperation") in found
    assert any(a == "Bonn" and b == "Cape Coast" for a, b, _, _ in found)


def test_a_panels_heading_names_the_partner_its_paragraph_speaks_of(extract):
    found = rows(extract(
        "Stadtarchiv Magdeburg - Ausstellung \"Magdeburgs Partnerstädte\"\n\n"
        "Tafel 2 - Sarajevo (1977)\n"
        "Die älteste Partnerschaft der Stadt entstand zu DDR-Zeiten mit der Hauptstadt Bosniens.\n\n"
        "Tafel 5 - Nashville\n"
        "Die Verbindung in die Hauptstadt von Tennessee wurde im Jahr 2003 besiegelt.\n\n"
        "Tafel 6 - Neue Partner\n"
        "Im Jahr 2008 kamen drei neue Partnerstädte hinzu: das polnische Radom, das ukrainische\n"
        "Saporischschja und die chinesische Millionenstadt Harbin.\n"))
    assert ("Magdeburg", "Sarajevo", 1977, "partnership") in found
    assert ("Magdeburg", "Nashville", 2003, "partnership") in found
    assert ("Magdeburg", "Harbin", 2008, "partnership") in found


def test_a_textbook_speakers_town_owns_our_partner_town(extract):
    found = rows(extract(
        "Lektion 7: Städte und ihre Partner\n\n"
        "Ich heiße Lina und komme aus Hamburg. Hamburg hat viele Partnerstädte, zum Beispiel Marseille (seit 1958).\n\n"
        "Ich bin Emma aus Rostock. Rostock liegt an der Ostsee. Unsere Partnerstadt Stettin ist nicht weit weg,\n"
        "die Partnerschaft besteht seit 1957.\n"))
    assert any(a == "Rostock" and b in ("Stettin", "Szczecin") and year == 1957 for a, b, year, _ in found)
    assert not any(a == "Hamburg" and b in ("Stettin", "Szczecin") for a, b, _, _ in found)


def test_the_oldest_bond_named_by_its_partner_continues_the_list(extract):
    found = rows(extract(
        "Oberbürgermeister: Erfurt hat ein dichtes Netz von Partnerstädten. Die älteste deutsch-deutsche Verbindung "
        "ist die mit Mainz, 1988 noch zu DDR-Zeiten geschlossen. Es folgten Kalisz in Polen, Haifa in Israel im Jahr "
        "2000, Shawnee in den USA und zuletzt 2006 Vilnius.\n"))
    assert ("Erfurt", "Mainz", 1988, "partnership") in found
    assert ("Erfurt", "Haifa", 2000, "partnership") in found
    assert ("Erfurt", "Vilnius", 2006, "partnership") in found


def test_a_list_run_into_lines_between_pipes_is_read_item_by_item(extract):
    found = rows(extract(
        "Zu Gast an der Warnow – Rezepte aus Rostocks Partnerstädten\n\n"
        "Unsere Partnerstädte auf einen Blick\n"
        "Stettin (Polen) – seit 1957 | Dünkirchen (Frankreich) – 1960 | Riga (Lettland) (1961)\n"
        "Turku (Finnland) – 1963 | Aarhus (Dänemark) – unterzeichnet am\n"
        "3. Juni 1964 | Bremen – 1987\n"))
    assert ("Rostock", "Riga", 1961, "partnership") in found
    assert any(a == "Rostock" and b in ("Aarhus", "Århus") and year == 1964 for a, b, year, _ in found)
    assert ("Rostock", "Bremen", 1987, "partnership") in found
    assert not any({a, b} <= {"Szczecin", "Stettin", "Dunkirk", "Dünkirchen", "Riga"} for a, b, _, _ in found)


def test_bare_town_headings_over_paragraphs_about_their_town_open_sections(extract):
    found = rows(extract(
        "Kasten: Partnerstädte an der Küste\n\n"
        "Stralsund\nDie Hansestadt am Strelasund ist mit Kiel seit 1987 partnerschaftlich verbunden.\n\n"
        "Greifswald\nDie Universitäts- und Hansestadt pflegt seit 1988 eine Partnerschaft mit Osnabrück.\n\n"
        "Ueckermünde\nDas Städtchen am Haff und seine polnische Partnerstadt Police werben gemeinsam um Gäste.\n"))
    assert ("Stralsund", "Kiel", 1987, "partnership") in found
    assert any(a.endswith("Greifswald") and (b, year) == ("Osnabrück", 1988) for a, b, year, _ in found)
    assert any(a == "Ueckermünde" and b == "Police" for a, b, _, _ in found)
    assert not any("Stralsund" in (a, b) and "Osnabrück" in (a, b) for a, b, _, _ in found)


def test_each_town_subject_of_a_thesis_paragraph_keeps_its_own_partner_and_year(extract):
    found = rows(extract(
        "Die Großstädte des Landes gingen voran. Köln unterzeichnete 1991 die Partnerschaft mit Kattowitz, Münster "
        "im selben Jahr mit Lublin, Bielefeld mit Rzeszów (1991). Gelsenkirchen folgte 1992 mit Olsztyn. Bereits "
        "seit 1989 ist Mülheim an der Ruhr mit Oppeln verbunden, und Herne schloss 1990 eine Partnerschaft mit Konin.\n\n"
        "____________\n⁹ Mündliche Auskunft des Stadtarchivs Duisburg; eine Partnerschaft kam nicht zustande.\n"))
    assert ("Münster", "Lublin", 1991, "partnership") in found
    assert ("Gelsenkirchen", "Olsztyn", 1992, "partnership") in found
    assert any(a.startswith("Mülheim") and b in ("Oppeln", "Opole") and year == 1989 for a, b, year, _ in found)
    assert ("Herne", "Konin", 1990, "partnership") in found
    assert not any("Duisburg" in (a, b) or {a, b} == {"Köln", "Münster"} for a, b, _, _ in found)


def test_a_festival_menu_is_the_host_towns_and_a_bands_friendship_is_not_the_towns(extract):
    found = rows(extract(
        "~ Fest der Partnerstädte ~\nKaiserslautern · Schillerplatz · 6. und 7. Juli 2024\n\n"
        "Aus Saint-Quentin (Picardie) – Partnerstadt seit 1982\n  Flamiche aux poireaux ........ 5,50 €\n\n"
        "Aus Davenport (Iowa, USA) – unsere amerikanische Partnerstadt seit 1960\n  Apple Pie ........ 4,00 €\n\n"
        "So. 11 Uhr Frühschoppen mit dem Musikverein, der seit 1974 mit einer Kapelle aus Saint-Quentin befreundet ist.\n"))
    assert ("Kaiserslautern", "Saint-Quentin", 1982, "partnership") in found
    assert ("Kaiserslautern", "Davenport", 1960, "partnership") in found


def test_a_lexicon_chains_a_towns_partners_each_with_its_year(extract):
    found = rows(extract(
        "Städtepartnerschaften in Thüringen\n\nAusgew. Partnersch. (Stadt – Partner, Jahr d. Begründung):\n\n"
        "Weimar – Trier (1987; eine d. ältesten dt.-dt. Partnersch. in Thür.) – Siena (Ital.; 1994) – Blois (Frankr.; 1995).\n\n"
        "Eisenach – Marburg (Städtefreundsch., 1988) – Sárospatak (Ung.; 1991). Das Lutherhaus E. arbeitet mit "
        "Wittenberg zusammen.\n"))
    assert ("Weimar", "Siena", 1994, "partnership") in found
    assert ("Weimar", "Blois", 1995, "partnership") in found
    assert ("Eisenach", "Sárospatak", 1991, "partnership") in found
    assert any(a == "Eisenach" and b.startswith("Marburg") and kind == "friendship" for a, b, _, kind in found)
    assert not any("Thür" in (a, b) for a, b, _, _ in found)


def test_a_quizs_numbered_answers_complete_its_questions(extract):
    found = rows(extract(
        "KNEIPENQUIZ – Runde 4: Partnerstädte\n\nFRAGEN\n\n"
        "1. Welche Hansestadt in Mecklenburg ist seit 1987 Partnerstadt von Lübeck?\n\n"
        "2. Hamburg hat zwei bekannte Partnerstädte: eine in Frankreich (1958) und eine in Sachsen (1987). Welche?\n\n"
        "3. Richtig oder falsch: Kopenhagen ist Partnerstadt von Kiel.\n\n"
        "ANTWORTEN\n\n1. Wismar\n2. Marseille, Dresden\n3. Falsch – Kopenhagen ist keine Partnerstadt von Kiel.\n"))
    assert ("Lübeck", "Wismar", 1987, "partnership") in found
    assert ("Hamburg", "Marseille", 1958, "partnership") in found
    assert ("Hamburg", "Dresden", 1987, "partnership") in found
    assert not any("Kopenhagen" in (a, b) or "Copenhagen" in (a, b) for a, b, _, _ in found)


def test_a_wiki_talk_pages_section_headings_name_whose_partners_they_discuss(extract):
    found = rows(extract(
        "Diskussion:Liste der Städtepartnerschaften in Sachsen\n\n== Leipzig ==\n\n"
        "Ich habe die Leipziger Einträge gegen die Stadtseite geprüft: Krakau (1973), Lyon (1981). Passt soweit. "
        "--[[Benutzer:A|A]] 16:02, 8. Jan. 2024 (CET)\n\n== Zwickau ==\n\n"
        "Zwickau–Zaanstad: Vertrag 1987, das passt. --[[Benutzer:B|B]] 20:05, 15. Apr. 2024 (CEST)\n"))
    assert ("Leipzig", "Lyon", 1981, "partnership") in found
    assert any(a == "Leipzig" and b in ("Krakau", "Kraków") and year == 1973 for a, b, year, _ in found)
    assert ("Zwickau", "Zaanstad", 1987, "partnership") in found


def test_party_labels_in_capitals_are_no_towns(extract):
    found = rows(extract(
        "Wahlprüfsteine zur Stadtratswahl Jena\nZusammengestellt vom Dachverband der Jenaer Partnerschaftsvereine.\n\n"
        "Frage 1: Jena unterhält Städtepartnerschaften mit Erlangen (seit 1987) und Lugoj (Rumänien, 1991).\n\n"
        "SPD: Wir wollen die Mittel für den Austausch mit Lugoj erhöhen.\n\nCDU: Die Partnerschaft mit Erlangen ist ein "
        "Herzstück.\n\nSPD: Ja, sicher.\n\nCDU: Wir sind offen.\n"))
    assert ("Jena", "Erlangen", 1987, "partnership") in found
    assert all(a == "Jena" for a, _, _, _ in found)  # no section of "SPD" (Saidpur, airport code SPD)


def test_card_headings_open_each_towns_section(extract):
    found = rows(extract(
        "Steckbriefe der Städtepartnerschaften saarländischer Kommunen\n\n"
        "STECKBRIEF 1: SAARBRÜCKEN\nLandeshauptstadt, ca. 180.000 Einwohner\nPartnerstädte:\n"
        "• Nantes (Frankreich) – seit 1965\n• Tiflis (Georgien) – seit 1975\n\n"
        "STECKBRIEF 2: SAARLOUIS\nKreisstadt, ca. 35.000 Einwohner\nPartnerstädte:\n"
        "• Saint-Nazaire (Frankreich) – seit 1960\n• Eisenhüttenstadt (Brandenburg) – 1986\n"))
    assert ("Saarbrücken", "Nantes", 1965, "partnership") in found
    assert ("Saarlouis", "Eisenhüttenstadt", 1986, "partnership") in found
    assert all(a in ("Saarbrücken", "Saarlouis") for a, _, _, _ in found)


def test_a_partners_card_pairs_it_with_the_town_whose_partner_it_is(extract):
    found = rows(extract(
        "Karlsruhe international – Unsere Partnerstädte im Steckbrief\n\n"
        "STECKBRIEF NANCY\nLand: Frankreich\nPartnerstadt Karlsruhes seit: 1955\n"
        "Weitere Partnerstädte von Nancy: Kanazawa (Japan), Padua (Italien)\n\n"
        "STECKBRIEF TEMESWAR (TIMIŞOARA)\nLand: Rumänien\nPartnerstadt Karlsruhes seit: 1992\n"
        "Weitere Partnerstädte: u. a. Szeged (Ungarn) und Novi Sad (Serbien)\n"))
    assert ("Nancy", "Karlsruhe", 1955, "partnership") in found
    assert any(b == "Karlsruhe" and year == 1992 and a != "Nancy" for a, b, year, _ in found)
    assert not any("Karlsruhe" in (a, b) and "Szeged" in (a, b) for a, b, _, _ in found)


def test_undated_pair_lines_take_the_kind_the_text_named_last_and_the_introductions_year(extract):
    found = rows(extract(
        "Welche war die erste deutsch-deutsche Städtepartnerschaft?\n\n"
        "Antwort von elbflorenz_fan\nZur Welle 1987 gehören u. a.:\n* Wuppertal - Schwerin\n* Hamburg - Dresden\n"
        "* Trier - Weimar\n\nAntwort von luebecker_jung\nLübeck und Wismar waren doch auch Partnerstädte, oder?\n\n"
        "Und in Darmstadt wurde 1988 lange über eine Partnerschaft mit Gera diskutiert, daraus wurde aber nichts.\n"))
    assert {("Wuppertal", "Schwerin", 1987, "partnership"), ("Hamburg", "Dresden", 1987, "partnership"),
            ("Trier", "Weimar", 1987, "partnership")} <= found
    assert not any({a, b} & {"Wismar", "Gera"} for a, b, _, _ in found)


def test_a_school_papers_town_and_a_newcomers_year(extract):
    found = rows(extract(
        "DER DOMSPATZ - Schülerzeitung des Otto-von-Guericke-Gymnasiums Magdeburg\n\n"
        "DOMSPATZ: Frau Oberbürgermeisterin, wie viele Partnerstädte hat Magdeburg eigentlich?\n\n"
        "OB: Die älteste ist Le Havre in Frankreich, mit der wir seit 1973 verbunden sind. Dann kommt Braunschweig - "
        "diese Partnerschaft wurde 1987 geschlossen. Nashville in den USA kam 2003 dazu.\n"))
    assert ("Magdeburg", "Le Havre", 1973, "partnership") in found
    assert ("Magdeburg", "Braunschweig", 1987, "partnership") in found
    assert ("Magdeburg", "Nashville", 2003, "partnership") in found


def test_a_speech_to_its_townspeople_is_its_towns_and_each_line_a_sentence(extract):
    found = rows(extract(
        "Liebe Potsdamerinnen und Potsdamer,\nheute möchte ich Ihnen zeigen, wie weit wir in die Welt hinausreichen.\n"
        "Perugia in Umbrien ist unsere Partnerstadt seit 1990.\nIm gleichen Jahr kam Sioux Falls in South Dakota dazu.\n"
        "Luzern in der Schweiz ist seit 2002 unsere Partnerstadt.\n"))
    assert ("Potsdam", "Perugia", 1990, "partnership") in found
    assert ("Potsdam", "Sioux Falls", 1990, "partnership") in found
    assert ("Potsdam", "Luzern", 2002, "partnership") in found


def test_two_partnerships_after_two_towns_are_each_the_home_towns(extract):
    found = rows(extract(
        "Hanse- und Universitätsstadt Rostock\nFestschrift zum Jubiläum der Rostocker Städtepartnerschaften\n\n"
        "Bergen und Göteborg: zwei Partnerschaften aus dem Jahr 1965.\n"
        "Die Partnerschaft der Universität Rostock mit der University of Washington in Seattle ist älter.\n"))
    assert {(b, year) for a, b, year, _ in found if a == "Rostock"} >= {("Bergen", 1965), ("Gothenburg", 1965)}
    assert not any("Seattle" in (a, b) for a, b, _, _ in found)
    assert not any({a, b} == {"Bergen", "Gothenburg"} for a, b, _, _ in found)


def test_a_statement_with_boxes_to_tick_is_an_exercise(extract):
    found = rows(extract(
        "Arbeitsblatt: Städtepartnerschaften an der Ostsee\n\nKreuze an: richtig oder falsch?\n"
        "1. Leipzig ist eine Partnerstadt von Hamburg.        r [ ]  f [ ]\n"
        "2. Rostock hat eine Partnerstadt in Finnland.        r [ ]  f [ ]\n"))
    assert not any({a, b} == {"Leipzig", "Hamburg"} for a, b, _, _ in found)


def test_clauses_that_leave_out_the_verb_each_pair_their_own_towns(extract):
    found = rows(extract(
        "In den letzten Jahren haben sich vor allem französische Gemeinden gemeldet. Braunschweig ist seit 1962 mit "
        "Nîmes in Südfrankreich verschwistert, Celle mit Meudon bei Paris ('61), und Lüneburg mit Clamart, ebenfalls "
        "im Jahr 1962.\n"))
    assert ("Braunschweig", "Nîmes", 1962, "partnership") in found
    assert ("Celle", "Meudon", 1961, "partnership") in found
    assert ("Lüneburg", "Clamart", 1962, "partnership") in found
    assert not any(a == "Braunschweig" and b in ("Celle", "Meudon", "Lüneburg", "Clamart") for a, b, _, _ in found)


def test_a_card_games_fields_after_dot_leaders_belong_to_the_cards_town(extract):
    found = rows(extract(
        "PARTNERSTÄDTE-QUARTETT\n\nKarte 1A  AUGSBURG (Bayern)\nEinwohner ............................ 301.000\n"
        "Älteste Partnerschaft ................ 1956 (Inverness, Schottland)\n"
        "Wusstest du? Mit dem französischen Bourges ist Augsburg seit 1963 verschwistert.\n\n"
        "Karte 1B  REGENSBURG (Bayern)\nEinwohner ............................ 153.000\n"
        "Älteste Partnerschaft ................ 1955 (Aberdeen)\n"))
    assert ("Augsburg", "Inverness", 1956, "partnership") in found
    assert ("Regensburg", "Aberdeen", 1955, "partnership") in found
    assert not any("Aberdeen" in (a, b) and "Augsburg" in (a, b) for a, b, _, _ in found)


def test_a_map_legends_numbered_rows_with_dot_leaders_are_a_table_of_pairs(extract):
    found = rows(extract(
        "LEGENDE\n  ●   Städtepartnerschaft\n  ○   Städtepartnerschaft ruht\n\n"
        "Nummerierte Partnerschaften (Nr. – Stadt in Sachsen – Partnerstadt – Staat – Jahr)\n\n"
        "  1 ●★ Dresden ............... Breslau (Wrocław) .......... PL ... 1959\n"
        "  2 ●  Dresden ............... Ostrava .................... CZ ... 1971\n"
        "  3 ●★ Zittau ................ Liberec .................... CZ ... 1971\n"
        "  7 ○  Riesa ................. Nymburk .................... CZ ... 1975\n\n"
        "Die Partnerschaft Riesa – Nymburk (7) ruht seit 2015.\n"))
    assert {("Dresden", "Wrocław", 1959), ("Dresden", "Ostrava", 1971), ("Zittau", "Liberec", 1971),
            ("Riesa", "Nymburk", 1975)} <= {(a, b, year) for a, b, year, _ in found}
    assert not any({a, b} == {"Dresden", "Liberec"} for a, b, _, _ in found)


def test_a_register_row_without_a_kind_whose_remark_denies_one_is_no_pair(extract):
    found = rows(extract(
        "Partnerstädte der Stadt Leipzig\n\n| id | stadt | land | art | seit | bemerkung |\n"
        "| 1 | Bologna | Italien | Städtepartnerschaft | 1962 |  |\n| 2 | Lyon | Frankreich | Städtepartnerschaft | 1981 |  |\n"
        "| 3 | Kairo | Ägypten |  |  | Sondierungsgespräche 2019, keine Partnerschaft vereinbart |\n"))
    assert {("Leipzig", "Bologna", 1962), ("Leipzig", "Lyon", 1981)} <= {(a, b, year) for a, b, year, _ in found}
    assert not any("Cairo" in (a, b) for a, b, _, _ in found)
    assert not any({a, b} == {"Bologna", "Lyon"} for a, b, _, _ in found)


def test_a_clause_that_says_what_the_town_before_it_is_not_denies_its_partnership(extract):
    found = rows(extract(
        "(→Städtepartnerschaften: Jahre ergänzt; Kaliningrad entfernt – ist keine Partnerstadt, nur Kontakte der Handelskammer)\n\n"
        "Die Hansestadt Rostock unterhält Städtepartnerschaften mit Riga und Turku.\n"
        "Zur Hanse Sail kommen jedes Jahr Traditionssegler u. a. aus Klaipėda und Gdynia.\n"
        "Der Fährhafen Warnemünde ist mit Trelleborg und Gedser verbunden.\n"))
    assert {("Rostock", "Riga"), ("Rostock", "Turku")} <= {(a, b) for a, b, _, _ in found}
    assert not any({"Kaliningrad", "Trelleborg"} & {a, b} for a, b, _, _ in found)


def test_a_scholarly_pages_footnotes_are_each_a_statement_and_its_archive_names_the_home_town(extract, home_of):
    page = (
        "Den Anfang machte die bereits 1960 besiegelte Partnerschaft mit Bad Dürkheim, die im Stadtrat kaum umstritten "
        "war.¹²⁷ Der eigentliche Schritt über die Grenze folgte mit der bretonischen Gemeinde Quiberon (1976), deren "
        "Bürgermeister den Kemptenern die Jumelage antrug.¹²⁸ Weniger glücklich verliefen die Sondierungen mit dem "
        "nordböhmischen Ústí nad Labem, die über zwei Besuche nicht hinauskamen.¹²⁹ Die Gespräche mit Ústí scheiterten.\n"
        "_______________\n"
        "¹²⁷ StadtA Kempten, Stadtratsprotokolle 1960, Bd. 2, S. 411–413.\n"
        "¹²⁸ Zit. n. Allgäuer Zeitung v. 9.5.1961; vgl. Weber, a. a. O., S. 23 ff.\n"
        "¹²⁹ StadtA Kempten, Akten Hauptamt 0341/7. Trient seinerseits ist seit 1995 mit Charlottesville verschwistert.\n"
        "¹³⁰ StadtA Kempten, Akten Hauptamt 0341/9.\n")
    assert home_of(page).normalized == "Kempten (Allgäu)"
    found = rows(extract(page))
    assert {("Kempten (Allgäu)", "Bad Dürkheim", 1960), ("Kempten (Allgäu)", "Quiberon", 1976)} <= {(a, b, y) for a, b, y, _ in found}
    assert ("Trento", "Charlottesville", 1995, "partnership") in found
    assert not any({a, b} == {"Trento", "Kempten (Allgäu)"} for a, b, _, _ in found)


def test_a_query_results_partner_column_makes_its_rows_pairs(extract):
    found = rows(extract(
        "Wikidata Query Service – Ergebnis (TSV)\n\n"
        "item\titemLabel\tpartner\tpartnerLabel\tstart\n"
        "wd:Q2795\tChemnitz\twd:Q40840\tTampere\t1961-01-01T00:00:00Z\n"
        "wd:Q1731\tDresden\twd:Q1799\tBreslau\t1959-01-01T00:00:00Z\n"
        "wd:Q4077\tGörlitz\twd:Q81800\tZgorzelec\t\n"))
    assert {("Chemnitz", "Tampere", 1961, "partnership"), ("Dresden", "Wrocław", 1959, "partnership"),
            ("Görlitz", "Zgorzelec", None, "partnership")} <= found


def test_a_database_dumps_host_names_its_town_and_only_its_partner_rows_are_pairs(extract, tmp_path):
    dump = tmp_path / "dump.txt"
    dump.write_text(
        "-- MySQL dump\n-- Host: db-intern.rostock.local    Database: international\n\n"
        "CREATE TABLE `partnerstaedte` (\n  `id` int,\n  `stadt` varchar(120),\n  `seit` smallint,\n  `art` varchar(40)\n);\n"
        "INSERT INTO `partnerstaedte` VALUES (1,'Riga',1961,'Städtepartnerschaft'),(2,'Turku',1963,'Städtepartnerschaft'),"
        "(3,'Raleigh',2001,'Städtefreundschaft');\n"
        "CREATE TABLE `anfragen` (\n  `id` int,\n  `stadt` varchar(120),\n  `jahr` smallint,\n  `ergebnis` varchar(255)\n);\n"
        "INSERT INTO `anfragen` VALUES (1,'Kaliningrad',1991,'Sondierungsgespräche'),"
        "(2,'Antwerpen',2004,'Anfrage – keine Partnerschaft angestrebt');\n"
        "CREATE TABLE `besuche` (\n  `id` int,\n  `datum` date,\n  `anlass` varchar(255)\n);\n"
        "INSERT INTO `besuche` VALUES (1,'2017-06-10','60 Jahre Partnerschaft, Festakt'),"
        "(2,'2019-07-22','Jugendsegelcamp Aarhus'),(3,'2009-04-14','Delegation Dalian');\n", encoding="utf-8")
    found = rows(extract(extract_document(dump).text))
    assert found == {("Rostock", "Riga", 1961, "partnership"), ("Rostock", "Turku", 1963, "partnership"),
                     ("Rostock", "Raleigh", 2001, "friendship")}


def test_a_records_partner_field_and_notes_belong_to_the_town_it_describes(extract):
    found = rows(extract(
        "Overpass-Export, nur Tags\n\nFLENSBURG\nPlace: city\nPopulation: 92550\n"
        "Sister city: Carlisle, Neubrandenburg, Słupsk\n"
        "Description: Grenzstadt an der Förde; Partnerstadt Carlisle seit 1961\n\n"
        "NEUMÜNSTER\nPlace: town\nPopulation: 80196\nSister city: Parchim, Koszalin\n"
        "Sister city note: Koszalin (Köslin) seit 1990; Parchim Städtepartnerschaft 1990 nach der Wende\n"))
    assert ("Flensburg", "Carlisle", 1961, "partnership") in found
    assert {("Flensburg", "Neubrandenburg"), ("Flensburg", "Słupsk"), ("Neumünster", "Parchim"),
            ("Neumünster", "Koszalin")} <= {(a, b) for a, b, _, _ in found}
    assert not any({a, b} == {"Koszalin", "Parchim"} for a, b, _, _ in found)


def test_a_reviews_pairs_after_a_dated_colon_and_a_corrected_rumour(extract):
    found = rows(extract(
        "Lesenswert ist, wie die Autorin zeigt, dass Neunkirchen selbst erst 1987 eine Partnerschaft einging, und\n"
        "zwar mit Lübben im Spreewald – und nicht, wie oft behauptet, mit Honeckers Wohnort\n"
        "Wandlitz. Ebenfalls 1987 folgten die großen Paare: Hamburg und Dresden, Bremen und\nRostock, Erlangen und Jena.\n"))
    assert {("Hamburg", "Dresden", 1987, "partnership"), ("Bremen", "Rostock", 1987, "partnership"),
            ("Erlangen", "Jena", 1987, "partnership")} <= found
    assert any(a == "Neunkirchen" and year == 1987 and b != "Wandlitz" for a, b, year, _ in found)
    assert not any("Wandlitz" in (a, b) for a, b, _, _ in found)


def test_an_associations_board_at_a_banquet_is_no_person_named_like_the_town(home_of):
    home = home_of(
        "Landeshauptstadt Magdeburg – Büro des Oberbürgermeisters / Protokoll\nSITZORDNUNG\n\n"
        "TISCH 1\n 1  Oberbürgermeisterin der Landeshauptstadt Magdeburg (Gastgeberin)\n"
        " 2  Bürgermeister von Le Havre (Partnerstadt seit 1951)\n 3  Stadtratsvorsitzender Magdeburg\n\n"
        "TISCH 6\n 1  Vorstand Partnerschaftsverein Magdeburg–Le Havre (gegründet 1993)\n\n"
        "Hinweise:\n– Die Delegation aus Herford hat abgesagt (Herford ist keine Partnerstadt).\n")
    assert home is not None and home.normalized == "Magdeburg"


def test_a_parades_remarks_pair_a_rows_town_with_the_town_whose_partner_it_is(extract):
    found = rows(extract(
        "Aufstellung des Festumzugs\n\nNr. | Gruppe | Herkunft | Hinweise\n"
        "1 | Berittene Polizei Hessen | Wiesbaden | Zugspitze\n"
        '4 | Fanfarenzug "Les Trompettes du Clain" | Poitiers (Frankreich) | Gäste der Partnerstadt Marburg (seit 1961)\n'
        "5 | Jugendkapelle der Musikschule | Marburg | 60 Musikerinnen und Musiker\n"
        "8 | Pfadfinder | Winchester (England) | Partnerschaft mit dem Stamm Gießen-Wieseck besteht seit 1972\n"
        "9 | Handwerkerzunft | Gießen | Wagen 4,20 m hoch\n"
        "11 | Harmonie Sint Cecilia | Alkmaar (Niederlande) | seit 1958 mit Darmstadt verschwistert\n"
        "13 | Confrérie des Vins | Avignon (Frankreich) | Wetzlars Partnerstadt (1960)\n"
        "14 | Blaskapelle | Yorktown (Virginia) | Delegation aus Yorktown, Partnerstadt seit 2005\n"
        "16 | Leica-Oldtimerfreunde | Wetzlar | 8 Fahrzeuge\n"))
    assert {("Poitiers", "Marburg an der Lahn", 1961, "partnership"), ("Alkmaar", "Darmstadt", 1958, "partnership"),
            ("Avignon", "Wetzlar", 1960, "partnership")} == found


def test_a_member_towns_partner_after_its_colon_and_the_kind(extract):
    found = rows(extract(
        "zur Anfrage hier die Zusammenstellung der Partnerschaften:\n\n"
        "- Eutin: Partnerstadt Laško (Slowenien), seit 1998\n- Grömitz: Partnergemeinde Chojna, seit 2001\n"
        "- Bad Schwartau: Städtefreundschaft mit Vellinge (Schweden), 1991\n"))
    assert {("Eutin", "Laško", 1998, "partnership"), ("Grömitz", "Chojna", 2001, "partnership"),
            ("Bad Schwartau", "Vellinge", 1991, "friendship")} <= found


def test_a_town_the_ner_missed_as_subject_of_its_partner_town_sentence(extract):
    found = rows(extract("Start Wolgast, Rathausplatz\nTreffpunkt 8:30 Uhr. Wolgast ist seit 1991 Partnerstadt von "
                         "Karlshamn in Schweden; eine Gruppe aus Karlshamn fährt mit.\n"))
    assert ("Wolgast", "Karlshamn", 1991, "partnership") in found


def test_the_partnership_that_made_the_start_is_dated_by_its_sentence(extract):
    found = rows(extract("Den Anfang machte am 25. April 1986 die Partnerschaft zwischen Saarlouis und Eisenhüttenstadt, "
                         "die auf eine Initiative Oskar Lafontaines zurückging."))
    assert ("Saarlouis", "Eisenhüttenstadt", 1986, "partnership") in found


def test_column_heads_that_gazetteer_knows_as_quarters_are_no_pair(extract):
    found = rows(extract("Auswahl deutsch-deutscher Partnerschaften (West – Ost)\n\nWeststadt | Oststadt | Vertrag\n"
                         "Wuppertal | Schwerin | 1987\nErlangen | Jena | 1987\nBonn | Potsdam | 1988\n"))
    assert found == {("Wuppertal", "Schwerin", 1987, "partnership"), ("Erlangen", "Jena", 1987, "partnership"),
                     ("Bonn", "Potsdam", 1988, "partnership")}


def test_a_correction_gives_the_right_year_and_kind_and_denies_nothing(extract):
    found = rows(extract(
        "Halle (Saale). BERICHTIGUNG: Die Partnerschaft mit Oulu besteht nicht seit 1986, sondern seit 1968. "
        "Die Verbindung mit Karlsruhe ist keine Städtepartnerschaft, sondern eine Städtefreundschaft, die 1987 "
        "vereinbart wurde. Der Kontakt mit Lemberg ist keine Städtepartnerschaft, sondern ein Austausch zweier Gymnasien."))
    assert {("Halle (Saale)", "Oulu", 1968, "partnership"), ("Halle (Saale)", "Karlsruhe", 1987, "friendship")} <= found
    assert not any("Lviv" in (a, b) for a, b, _, _ in found)


def test_a_merge_files_data_source_pairs_each_town_with_its_partner_not_with_a_first_name(tmp_path, nlp, gazetteer):
    saved = tmp_path / "serienbrief.txt"
    saved.write_text(
        "=== Datenquelle: Empfaenger.csv (Semikolon-getrennt) ===\n"
        "Anrede;Titel;Vorname;Nachname;Funktion;Stadt;Briefanrede;Partnerstadt;Seit\n"
        "Frau;;Sabine;Köhler;Büro Internationales;Landeshauptstadt Hannover;Sehr geehrte Frau Köhler;Bristol;1947\n"
        "Frau;;Sabine;Köhler;Büro Internationales;Landeshauptstadt Hannover;Sehr geehrte Frau Köhler;Posen;1979\n"
        "Herr;Dr.;Malte;Quast;Referent;Stadt Göttingen;Sehr geehrter Herr Dr. Quast;Cheltenham;1951\n"
        "Herr;Dr.;Malte;Quast;Referent;Stadt Göttingen;Sehr geehrter Herr Dr. Quast;Pau;1982\n"
        "Herr;;Jan;Terhorst;Fachdienst Europa;Stadt Osnabrück;Sehr geehrter Herr Terhorst;Haarlem;1961\n"
        "Frau;;Ilka;Börner;Stabsstelle Internationales;Stadt Braunschweig;Sehr geehrte Frau Börner;Bandung;1960\n"
        "Frau;;Rieke;Janssen;Büro des OB;Stadt Oldenburg (Oldb);Sehr geehrte Frau Janssen;Mateh Asher (Israel);1978\n"
        "Herr;;Paul;Wiebe;Pressestelle;Stadt Celle;Sehr geehrter Herr Wiebe;;\n",
        encoding="utf-8")
    document = extract_document(saved)
    found = find_partnerships(document, find_entities(document.text, nlp, gazetteer), gazetteer)
    assert {(p.city_a, p.city_b, p.since_year) for p in found} == {
        ("Hannover", "Bristol", 1947), ("Hannover", "Poznań", 1979), ("Göttingen", "Cheltenham", 1951),
        ("Göttingen", "Pau", 1982), ("Osnabrück", "Haarlem", 1961), ("Braunschweig", "Bandung", 1960),
        ("Oldenburg", "Mateh Asher", 1978)}


def test_a_towns_dated_partners_after_its_colon_in_a_log_of_several_towns(extract):
    text = (
        "Münster: York (1957), Orléans (1960), Lublin (1991) und die Städtepartnerschaft mit Mühlhausen (1990) eingepflegt\n\n"
        "Bielefeld: Rochdale seit 1953, Nahariya seit 1983\n\n"
        "Düsseldorf: Haifa (1988) ergänzt\n\n"
        "Köln: Konzert im Gürzenich, Bonn: Beethovenhaus\n"
    )
    assert {(p.city_a, p.city_b, p.since_year) for p in extract(text)} == {
        ("Münster", "York", 1957), ("Münster", "Orléans", 1960), ("Münster", "Lublin", 1991),
        ("Münster", "Mühlhausen", 1990), ("Bielefeld", "Rochdale", 1953), ("Bielefeld", "Nahariyya", 1983)}



def test_a_year_that_opens_the_next_clause_is_the_next_partners(extract):
    found = pairs(extract("Chemnitz hat eine lange Liste von Partnerstädten. Schon 1981 schloss die Stadt eine "
                          "Partnerschaft mit Mulhouse im Elsass, seit 1995 ist sie mit Łódź verbunden."))
    assert found[frozenset(("Chemnitz", "Mulhouse"))].since_year == 1981
    assert found[frozenset(("Chemnitz", "Łódź"))].since_year == 1995


def test_a_survey_answer_lists_the_home_towns_dated_partners(extract):
    text = (
        "Kommune: Hansestadt Lüneburg\nBundesland: Niedersachsen\n\n"
        "Frage 1: Mit welchen Städten unterhält Ihre Kommune derzeit förmliche Partnerschaften?\n"
        "Antwort: Clamart (Frankreich) seit 1963, Scunthorpe (Großbritannien) seit 1977, Tiberias (Israel) – Vertrag "
        "vom 3. Mai 1986. Außerdem eine Städtefreundschaft mit Naruto in Japan (1974).\n"
    )
    found = pairs(extract(text))
    assert (found[frozenset(("Lüneburg", "Clamart"))].since_year, found[frozenset(("Lüneburg", "Clamart"))].kind) == (
        1963, "partnership")
    assert found[frozenset(("Lüneburg", "Scunthorpe"))].since_year == 1977


def test_a_year_alone_where_a_table_gives_the_kind_is_the_rows_year_not_a_denial(extract):
    text = (
        "Hanse-Netzwerk: Städtepartnerschaften zwischen Hansestädten\n\n"
        "Lübeck | Klaipėda | Partnerschaft 1993\nWismar | Kalmar | 2002\nHamburg | Marseille | 1958\n"
        "Lübeck | Nowgorod | Gespräche, keine Partnerschaft\n"
    )
    assert {(p.city_a, p.city_b, p.since_year) for p in extract(text)} == {
        ("Lübeck", "Klaipėda", 1993), ("Wismar", "Kalmar", 2002), ("Hamburg", "Marseille", 1958)}


def test_a_berlin_districts_page_is_the_districts_though_it_names_berlin(extract):
    text = (
        "Berlin.de > Neukölln > Städtepartnerschaften\n\nStädtepartnerschaften des Bezirks Neukölln\n\n"
        "Der Bezirk Neukölln von Berlin unterhält Partnerschaften mit zwei Städten. Die Partnerschaften werden vom "
        "Bezirksamt Neukölln getragen.\n\nAnderlecht (Belgien) – seit 1955\n\nMit der Brüsseler Gemeinde besteht die "
        "älteste Partnerschaft Neuköllns.\n\nBat Yam (Israel) – seit 1978\n\nDie Partnerschaft mit Bat Yam dient der "
        "Versöhnung. Berlin hat eigene Partnerstädte.\n"
    )
    assert {(p.city_a, p.city_b, p.since_year) for p in extract(text)} >= {
        ("Berlin", "Anderlecht", 1955), ("Berlin", "Bat Yam", 1978)}


def test_a_partners_paragraph_below_a_blank_line_dates_it(extract):
    text = (
        "Partnerstädte\n\nLeipzig ist mit vielen Städten partnerschaftlich verbunden.\n\nKiew (Ukraine)\n\n"
        "Die älteste Partnerschaft Leipzigs besteht seit 1961. Seit 2022 steht die humanitäre Hilfe im Vordergrund.\n\n"
        "Krakau (Polen)\n\nSeit 1995. Schwerpunkte sind Kultur und Denkmalpflege.\n\nNanjing (China)\n\n"
        "Partnerstadt seit 1988.\n"
    )
    assert {(p.city_b, p.since_year) for p in extract(text)} == {("Kyiv", 1961), ("Kraków", 1995), ("Nanjing", 1988)}


def test_a_chat_messages_town_and_its_dated_partners_after_its_colon(extract):
    text = (
        "bernd_do: moin. ich hab Dortmund fertig: Amiens 1960, Leeds 1969, Zwickau 1988\n\n"
        "mira: Essen: Grenoble seit 1974, Nischni Nowgorod seit 1991.\n\n"
        "bernd_do: Duisburg: Portsmouth 1950 (kurz nach dem Krieg!), Wuhan 1982\n\n"
        "lena_k: Treffen am 12.03. um 19:00, Raum 1960\n"
    )
    assert {(p.city_a, p.city_b, p.since_year) for p in extract(text)} == {
        ("Dortmund", "Amiens", 1960), ("Dortmund", "Leeds", 1969), ("Dortmund", "Zwickau", 1988),
        ("Essen", "Grenoble", 1974), ("Essen", "Nizhniy Novgorod", 1991), ("Duisburg", "Portsmouth", 1950),
        ("Duisburg", "Wuhan", 1982)}


def test_items_below_a_sentence_announcing_the_partners_are_the_home_towns(extract):
    text = (
        "# Fehlende Einträge und falsche Jahre #42\n\nLaut Stadtportal hat Münster folgende Partnerstädte, "
        "ich hake ab, was schon drin ist:\n\n- York (GB) – 1957\n- Orléans (FR) – 1960\n- Lublin (PL) – 1991\n\n"
        "Beim Besuch waren folgende Gäste da:\n\n- Enschede (NL) – 2019\n"
    )
    assert {(p.city_b, p.since_year) for p in extract(text)} == {("York", 1957), ("Orléans", 1960), ("Lublin", 1991)}


def test_a_pasted_tab_separated_tables_rows_are_its_towns_not_items_of_the_home_town(extract):
    text = (
        "Städtepartnerschaften und -freundschaften im Landkreis Rosenheim (Stand 01/2024)\n"
        "Tabelle 1 – Meldungen der kreisangehörigen Kommunen und des Landkreises\n"
        "\n"
        "Kommune\tPartnerkommune\t\tArt der Verbindung\tseit\tBemerkung\n"
        "\tName\tStaat\n"
        "Stadt Rosenheim\tLazise\tItalien\tStädtepartnerschaft\t1973\n"
        "\tBriançon\tFrankreich\tStädtepartnerschaft\t1984\n"
        "Stadt Wasserburg a. Inn\tVoiron\tFrankreich\tStädtepartnerschaft\t1976\n"
        "\tPísek\tTschechien\tStädtepartnerschaft\tseit '92\n"
        "Stadt Kolbermoor\tWetter (Ruhr)\tDeutschland\tStädtefreundschaft\t1990\truht seit 2015\n"
        "Stadt Bad Aibling\tSaint-Jean-de-Braye\tFrankreich\tStädtepartnerschaft\t1982\n"
        "\tPtuj\tSlowenien\tStädtepartnerschaft\t(2004)\tBürgerreise 2024 geplant\n"
        "Markt Prien a. Chiemsee\tSigulda\tLettland\tStädtepartnerschaft\t1998\n"
        "Gemeinde Raubling\tLiceo \"Galilei\", Trento\tItalien\tSchulpartnerschaft\t2009\tnur Gymnasium, keine kommunale Partnerschaft\n"
        "Gemeinde Bernau a. Chiemsee\tBernau bei Berlin\tDeutschland\tStädtefreundschaft\t3. Oktober 1990\tNamensvettern\n"
        "Gemeinde Stephanskirchen\tKętrzyn\tPolen\tGespräche\t2023\tkein Ratsbeschluss\n"
        "Gemeinde Brannenburg\t\t\t\t\tkeine Partnerschaft gemeldet\n"
        "Landkreis Rosenheim\tLandkreis Saalfeld-Rudolstadt\tDeutschland\tPartnerschaft\t1990/2008\tVertrag 1990, erneuert 2008\n"
        "\tPowiat Ostródzki\tPolen\tPartnerschaft\t2002\n"
        "\n"
        "Summe\t13 Meldungen\t\tdavon 11 kommunal\n"
    )
    found = {(p.city_a, p.city_b) for p in extract(text)}
    assert {("Wasserburg am Inn", "Písek"), ("Bad Aibling", "Ptuj"), ("Rosenheim", "Briançon")} <= found
    assert not {("Rosenheim", "Písek"), ("Rosenheim", "Ptuj"), ("Rosenheim", "Namur")} & found


def test_an_unreadable_gold_document_counts_as_finding_nothing(tmp_path, nlp, gazetteer):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "brief.txt").write_text(
        "Stadt Jena\n\nJena ist seit 1987 mit Erlangen durch eine Städtepartnerschaft verbunden.\n", encoding="utf-8")
    (tmp_path / "docs" / "einladung.txt").write_bytes(b"\x1f\x8b\x08\x00Partnerschaft Kiel Brest")

    def record(doc, a, b):
        return json.dumps({"doc": doc, "split": "x", "home_city": a, "partnerships": [
            {"city_a": a, "city_a_geonames_id": None, "city_b": b, "city_b_geonames_id": None,
             "since_year": None, "kind": "partnership"}]})
    (tmp_path / "partnerships.jsonl").write_text(
        record("brief.txt", "Jena", "Erlangen") + "\n" + record("einladung.txt", "Kiel", "Brest") + "\n", encoding="utf-8")
    result = evaluate_partnerships(tmp_path, nlp, gazetteer, split="x")
    assert (result["documents"], result["true_positives"], result["recall"]) == (2, 1, 0.5)
    assert result["unreadable"] == ["einladung.txt: unsupported format: a gzip archive"]
    assert "unreadable (scored as finding nothing): einladung.txt" in format_partnership_report(result)


def test_a_town_bound_with_its_partners_in_the_past_tense_is_their_subject(extract):
    text = ("Urkunde über die Städtepartnerschaft zwischen Halle (Saale) und Karlsruhe, unterzeichnet 1987. Halle war "
            "zu diesem Zeitpunkt bereits seit 1976 mit Grenoble und seit 1968 mit Oulu partnerschaftlich verbunden.")
    assert {(p.city_a, p.city_b, p.since_year) for p in extract(text)} >= {
        ("Halle (Saale)", "Grenoble", 1976), ("Halle (Saale)", "Oulu", 1968)}


def test_a_registers_description_column_beside_its_towns_and_a_fire_brigades_row_left_out(extract):
    text = (
        "title: Partnerstädte der Landeshauptstadt Kiel\n\n| type | city | since | kind | text |\n"
        "| card | Coventry | 1947 | Städtepartnerschaft | Die Verbindung mit Coventry entstand 1947 aus dem Willen zur Versöhnung: "
        "Beide Städte waren im Bombenkrieg schwer zerstört worden. |\n"
        "| card | Tallinn | 1986 | Städtepartnerschaft | Das frühere Reval ist seit 1986 Partnerstadt, Gdynia war 2018 Gastgeber "
        "des Partnerstädtetreffens. |\n"
        "| card | Moshi | 2017 | Klimapartnerschaft | Seit 2017 verbindet Kiel und Moshi am Kilimandscharo eine kommunale "
        "Klimapartnerschaft für Trinkwasser und Solarenergie. |\n"
        "| card | Aarhus | 1996 | Feuerwehrpartnerschaft | Die Freiwillige Feuerwehr Kiel-Holtenau besucht jedes Jahr die "
        "Kollegen in Aarhus zum gemeinsamen Übungstag. |\n")
    assert rows(extract(text)) == {("Kiel", "Coventry", 1947, "partnership"), ("Kiel", "Tallinn", 1986, "partnership"),
                                   ("Kiel", "Moshi", 2017, "cooperation")}


def test_a_data_exports_one_name_field_is_its_town_and_a_dotted_partner_head_its_partners(extract, home_of):
    text = ("status: ok\nendpoint: /api/v2/partnerstaedte\nname: Wiesbaden\nstate: Hessen\n\n"
            "| cursor | node.partner.name | node.since | node.kind |\n| YXJyYX0= | Klagenfurt am Wörthersee | 1930 | PARTNERSHIP |\n"
            "| YXJyYX1= | Montreux | 1967 | PARTNERSHIP |\n| YXJyYX2= | Kfar Saba | 1980 | PARTNERSHIP |\n")
    assert home_of(text).text == "Wiesbaden"
    assert {(p.city_a, p.city_b, p.since_year) for p in extract(text)} == {
        ("Wiesbaden", "Klagenfurt am Wörthersee", 1930), ("Wiesbaden", "Montreux", 1967), ("Wiesbaden", "Kfar Saba", 1980)}


def test_a_year_that_opens_a_signing_and_a_towns_region_before_and_its_partner(extract):
    text = ("1986 dann ein Novum: Saarlouis im Saarland und Eisenhüttenstadt unterzeichnen eine Städtepartnerschaft – über "
            "die innerdeutsche Grenze hinweg. 2005 unterzeichnen Drancy und Głogów eine Freundschaftsvereinbarung.")
    assert rows(extract(text)) == {("Saarlouis", "Eisenhüttenstadt", 1986, "partnership"),
                                   ("Drancy", "Głogów", 2005, "friendship")}


def test_the_home_towns_guests_listed_with_a_partner_unknown_to_geonames_are_no_pair(extract, home_of):
    text = ("Copyright Notice: © Stadt Neubrandenburg\n\nNeubrandenburg und Koszalin sind seit 1974 Partnerstädte.\n\n"
            "Gäste aus den weiteren Partnerstädten beim Festakt: Delegationen aus Flensburg (Partnerstadt seit 1987), "
            "Gladsaxe (seit 1989) und Collegno (seit 1998).\n")
    assert home_of(text).text == "Neubrandenburg"
    assert {(p.city_a, p.city_b, p.since_year) for p in extract(text)} == {
        ("Neubrandenburg", "Koszalin", 1974), ("Neubrandenburg", "Flensburg", 1987), ("Neubrandenburg", "Collegno", 1998)}


def test_a_districts_document_belongs_to_the_city_it_names_as_stadt(home_of):
    text = ("Besprechungszusammenfassung: Arbeitskreis Partnerschaften Bad Godesberg\n"
            "Teilnehmende: Helga Schmitz; Sabine Weber (Stadt Bonn, Amt für Internationales)\n\n"
            "Der Arbeitskreis plante die Aktivitäten der Stadtteilpartnerschaften des Stadtbezirks Bad Godesberg: das "
            "Jubiläum der Partnerschaft mit Kortrijk und den Besuch aus Saint-Cloud. Ein Ausflug nach Königswinter ist "
            "vorgesehen, auf der Rückreise ein Konzert in Florenz.\n")
    assert home_of(text).text == "Bonn"


def test_each_record_of_an_export_is_its_towns_with_the_table_of_partners_under_it(extract):
    text = ("_id: 9e7b8083\nstadt: Magdeburg\n\nPartner\n| name | land | art | seit |\n"
            "| Braunschweig | DE | Städtepartnerschaft | 1987-06-18 |\n| Le Havre | FR | Städtepartnerschaft | 1973-05-05 |\n\n"
            "_id: b414d7db\nstadt: Halle (Saale)\n\nPartner\n| name | land | art | seit |\n"
            "| Oulu | FI | Städtepartnerschaft | 1968-08-15 |\n| Grenoble | FR | Städtepartnerschaft | 1976-09-30 |\n")
    assert rows(extract(text)) == {("Magdeburg", "Braunschweig", 1987, "partnership"), ("Magdeburg", "Le Havre", 1973, "partnership"),
                                   ("Halle (Saale)", "Oulu", 1968, "partnership"), ("Halle (Saale)", "Grenoble", 1976, "partnership")}


def test_a_chronicles_entry_year_dates_its_signing_and_an_island_or_a_fire_brigade_is_no_partner(extract):
    text = ("Chronik der Gemeinde Ostseebad Zinnowitz\n\n1990. Am 3. Oktober, dem Tag der Einheit, unterzeichneten die "
            "Bürgermeister von Zinnowitz und Heikendorf bei Kiel eine Vereinbarung über eine Gemeindefreundschaft.\n\n"
            "1998. Nach mehreren gegenseitigen Besuchen beschloss die Gemeindevertretung am 12. Mai 1998 die Partnerschaft mit\n"
            "der polnischen Nachbargemeinde Misdroy auf der Insel Wollin.\nDer Vertrag wurde im Juli auf der Seebrücke in Misdroy "
            "unterzeichnet,\nanschließend Empfang im Hotel.\n\n2003. Die Freiwillige Feuerwehr begründete eine Partnerschaft mit der "
            "Wehr in Swinemünde.\n")
    assert rows(extract(text)) == {("Ostseebad Zinnowitz", "Heikendorf", 1990, "friendship")}


def test_a_diagrams_edges_from_the_home_town_each_with_a_year_are_its_partnerships(extract):
    text = ("Internationale Beziehungen der Universitätsstadt Tübingen\n\nTübingen | Aix-en-Provence | seit 1960\n"
            "Tübingen | Monthey | 1959\nTübingen | Ann Arbor | Partnerstadt (1965)\nTübingen | Durham | seit 1969\n")
    assert rows(extract(text)) == {("Tübingen", "Aix-en-Provence", 1960, "partnership"), ("Tübingen", "Monthey", 1959, "partnership"),
                                   ("Tübingen", "Ann Arbor", 1965, "partnership"), ("Tübingen", "Durham", 1969, "partnership")}


def test_a_tables_rows_of_towns_are_no_letterheads_and_a_signings_venue_is_no_party(extract):
    text = ("Partnerschaften im Landkreis Bad Dürkheim\n\nDer Landkreis Bad Dürkheim und der Powiat Oświęcimski haben am "
            "12. Mai 2002 in Oświęcim einen Partnerschaftsvertrag unterzeichnet.\n\nKommune | Partner (Land) | seit\n"
            "Stadt Bad Dürkheim | Paray-le-Monial (F) | 1964\nStadt Grünstadt | Carvin (F) | 1967\n"
            "Stadt Deidesheim | Saint-Jean-de-Luz (F) | (1975)\n\nDer Kreistag plant einen Festakt in Bad Dürkheim.\n")
    assert rows(extract(text)) == {("Landkreis Bad Dürkheim", "Powiat Oświęcimski", 2002, "partnership"),
                                   ("Bad Dürkheim", "Paray-le-Monial", 1964, "partnership"), ("Grünstadt", "Carvin", 1967, "partnership"),
                                   ("Deidesheim", "Saint-Jean-de-Luz", 1975, "partnership")}


def test_a_tables_label_is_no_town(extract):
    text = ("4 Übersicht\n\nTab. 1\n\nDeutsch-polnische Städtepartnerschaften im Sample\n\nNRW-Kommune | Partner | Vertrag\n"
            "Mülheim an der Ruhr | Opole | 1989\nHamm | Kalisz | 2000\nBottrop | Gliwice | (1998)\n")
    assert rows(extract(text)) == {("Mülheim", "Opole", 1989, "partnership"), ("Hamm", "Kalisz", 2000, "partnership"),
                                   ("Bottrop", "Gliwice", 1998, "partnership")}


def test_a_records_one_partner_under_column_heads_is_that_records_even_where_a_note_names_another_town(extract):
    """The note at the end names Suhl, which makes Suhl the document's likeliest home; each table still
    belongs to the record it stands in, and a table of one row under its heads is still a table."""
    text = ("titel: Städtepartnerschaften thüringischer Kommunen\n\nstadt: Eisenach\nland: TH\n\nPartner\n| name | land | seit | art |\n"
            "| Marburg | DE | 1988 | PARTNERSCHAFT |\n| Sárospatak | HU | 1998 | PARTNERSCHAFT |\n\n"
            "stadt: Gotha\nland: TH\n\nPartner\n| name | land | seit | art |\n| Salzgitter | DE | 1988 | PARTNERSCHAFT |\n\n"
            "stadt: Suhl\nland: TH\n\nWürzburg: Anfrage 2021, der Stadtrat Suhl hat eine Partnerschaft abgelehnt.\n"
            "Suhl ist Ausrichter der Waffenbörse.\n")
    assert rows(extract(text)) == {("Eisenach", "Marburg an der Lahn", 1988, "partnership"), ("Eisenach", "Sárospatak", 1998, "partnership"),
                                   ("Gotha", "Salzgitter", 1988, "partnership")}


def test_the_town_that_receives_guests_in_a_reports_title_is_its_home(extract):
    text = ("Cuxhaven empfängt Gäste aus Vannes\nRund vierzig Bürger aus der Partnerstadt Vannes sind in Cuxhaven eingetroffen.\n"
            "Die Städtepartnerschaft zwischen Cuxhaven und Vannes besteht seit 1963.\nGastronomen aus Vannes boten Crêpes an.\n"
            "Der Bürgermeister erinnerte auch an die übrigen Partnerstädte Penzance in Cornwall und Hafnarfjörður in Island.\n")
    assert rows(extract(text)) == {("Cuxhaven", "Vannes", 1963, "partnership"), ("Cuxhaven", "Penzance", None, "partnership"),
                                   ("Cuxhaven", "Hafnarfjörður", None, "partnership")}


def test_a_county_office_signing_under_a_file_name_is_the_home_and_a_czech_region_a_partner(extract):
    text = ("playbook: partnerschaften.yml\nLandratsamt Görlitz, Stabsstelle Europa\n\n"
            "Der Landkreis Görlitz ist seit 2009 mit dem Powiat Zgorzelecki partnerschaftlich verbunden. "
            "Mit dem Liberecký kraj besteht seit 2014 eine Kooperation. "
            "Gespräche zwischen Zittau und Hrádek nad Nisou über eine Städtepartnerschaft laufen noch.\n")
    assert rows(extract(text)) == {("Landkreis Görlitz", "Powiat Zgorzelecki", 2009, "partnership"),
                                   ("Landkreis Görlitz", "Liberecký kraj", 2014, "cooperation")}


def test_a_heading_over_a_countys_partnerships_makes_it_the_home(home_of):
    text = ("Localisation: Internetauftritt\n\nBegriffe\n\nPartnerschaften des Landkreises Hersfeld-Rotenburg\n\n"
            "Der Landkreis unterhält seit 2001 eine Kreispartnerschaft mit dem Powiat Kłodzki. Auch Bad Hersfeld pflegt "
            "Partnerschaften, etwa mit Saint-Jean-de-Braye, und Rotenburg an der Fulda ebenso.\n")
    assert home_of(text).text == "Landkreis Hersfeld-Rotenburg"


def test_two_partners_whose_partnerships_each_began_in_a_year_and_a_kind_after_sowie_is_the_next_ones(extract):
    text = ("Leipzig: Findbuch der Partnerstädte.\n\nKrakau und Brünn: Beginn der Partnerschaften jeweils 1973 korrigiert "
            "(vorher 1974).\n")
    assert rows(extract(text)) == {("Leipzig", "Kraków", 1973, "partnership"), ("Leipzig", "Brno", 1973, "partnership")}
    text = ("Archivanwendung zu den Städtepartnerschaften Greifswalds: Osnabrück (seit 1988), Lund (seit 1990), Kotka (seit 1959) "
            "und Goleniów (seit 2000) sowie die Städtefreundschaft mit Newport News (USA).\n")
    kinds = {b: (year, kind) for _, b, year, kind in rows(extract(text))}
    assert kinds["Kotka"] == (1959, "partnership") and kinds["Goleniów"] == (2000, "partnership")
    assert kinds["Newport News"] == (None, "friendship")


def test_a_letterhead_with_a_hyphen_names_the_home_over_partners_in_table_rows(home_of):
    text = ("Landeshauptstadt Schwerin - Jahresabschluss 2023 - Anhang, Abschnitt 9: Internationale Beziehungen\n\n"
            "Partnerschaft | art | land\nOdense | Staedtepartnerschaft | DK\nPärnu | Staedtepartnerschaft | EE\n\n"
            "Die Partnerschaft mit Odense besteht seit 1995, mit Pärnu seit 1993. Ein Jugendcamp mit Pärnu fand statt.\n")
    assert home_of(text).text == "Schwerin"


def test_a_dioceses_partnership_is_no_municipal_one(extract):
    text = "Die Partnerschaft der Diözese Würzburg mit dem Bistum Mbinga ist eine kirchliche Verbindung.\n"
    assert rows(extract(text)) == set()


def test_a_column_of_pairs_reads_as_two_towns_and_a_merged_town_is_neither_of_its_parts(extract):
    text = ("Partnerschaften im Landkreis Görlitz\n\nid | name | bemerkung\n"
            "103 | Görlitz – Wiesbaden | Städtepartnerschaft (1990); erste Kontakte 1988.\n"
            "104 | Görlitz – Molfetta | Partnerstadt seit 1991\n"
            "107 | Zittau – Villingen-Schwenningen | deutsch-deutsche Städtefreundschaft seit 1990\n"
            "112 | Ebersbach-Neugersdorf – Jiříkov | Zusammenarbeit der Gemeinden seit 2002 (Kooperationsvertrag)\n")
    assert rows(extract(text)) == {
        ("Görlitz", "Wiesbaden", 1990, "partnership"), ("Görlitz", "Molfetta", 1991, "partnership"),
        ("Zittau", "Villingen-Schwenningen", 1990, "friendship"), ("Ebersbach-Neugersdorf", "Jiříkov", 2002, "cooperation")}


def test_years_told_once_for_two_partners_and_a_year_that_opens_its_clause(extract):
    text = ("Würzburg hat mehr Partnerstädte, als ihr denkt. Die beiden ältesten Partnerschaften sind beide von 1962: "
            "Caen in der Normandie und Dundee in Schottland. 1964 kam Rochester (Minnesota) dazu, 1966 Mwanza in Tansania. "
            "Ganz junge Partnerstädte sind Trutnov in Tschechien und Lemberg in der Ukraine, beide 2008.\n")
    years = {b: year for _, b, year, _ in rows(extract(text))}
    assert years == {"Caen": 1962, "Dundee": 1962, "Rochester": 1964, "Mwanza": 1966, "Trutnov": 2008, "Lviv": 2008}


def test_a_town_the_text_says_is_no_partner_is_none_and_a_signature_is_no_town(extract):
    text = ("Tübingen und die Welt\n\nDie Geschichte der Tübinger Städtepartnerschaften beginnt mit Aix-en-Provence. "
            "Immer wieder lese ich in Leserbriefen, Straßburg sei Tübinger Partnerstadt. Das stimmt nicht: Straßburg ist "
            "keine Partnerstadt Tübingens.\n\nBis dahin!\nJonas\n\n1\n\nVgl. Stadtarchiv Tübingen.\n")
    assert {(a, b) for a, b, _, _ in rows(extract(text))} == {("Tübingen", "Aix-en-Provence")}


def test_a_clause_that_leaves_out_its_verb_pairs_its_own_towns(extract):
    text = ("Saarbrücken ist seit 1965 mit Nantes verschwistert, Saarlouis seit 1969 mit Saint-Nazaire. "
            "Nantes selbst hatte sich schon 1964 mit Cardiff verschwistert.\n")
    assert rows(extract(text)) == {("Saarbrücken", "Nantes", 1965, "partnership"),
                                   ("Saarlouis", "Saint-Nazaire", 1969, "partnership"), ("Nantes", "Cardiff", 1964, "partnership")}


def test_the_first_partner_and_a_year_set_off_by_commas_in_a_story_of_the_partnerships(extract):
    text = ("Gießen unterhält Städtepartnerschaften mit fünf Städten auf drei Kontinenten. Am Anfang stand 1963 das englische "
            "Winchester – damals ein mutiger Schritt. 1977 kam Wenatchee im US-Bundesstaat Washington hinzu, ein Jahr später, "
            "1978, Netanya in Israel.\n")
    years = {b: year for _, b, year, _ in rows(extract(text))}
    assert years == {"Winchester": 1963, "Wenatchee": 1977, "Netanya": 1978}


def test_a_partner_that_is_a_district_abroad_makes_no_district_partnership(extract):
    text = ("Kaiserslautern pflegt Städtepartnerschaften. Es folgten Bunkyō, ein Stadtbezirk Tokios (1988), und Guimarães "
            "in Portugal (1990). Ludwigshafen ist seit 1963 mit Lorient verbunden und seit 1992 mit dem Londoner Stadtbezirk "
            "Havering. Koordination der Partnerschaften mit Lorient, Sumqayıt und der Städtefreundschaft mit Dessau.\n")
    kinds = {(a, b): kind for a, b, _, kind in rows(extract(text))}
    assert kinds[("Kaiserslautern", "Bunkyo")] == kinds[("Kaiserslautern", "Guimarães")] == "partnership"
    assert kinds[("Ludwigshafen am Rhein", "Lorient")] == kinds[("Ludwigshafen am Rhein", "Sumgayit")] == "partnership"
    assert kinds[("Ludwigshafen am Rhein", "Dessau")] == "friendship"


def test_pairs_announced_as_pairs_after_a_colon(extract):
    text = ("Danach ging es schnell. 1987 folgten gleich mehrere Paare: Erlangen und Jena, Karlsruhe und Halle an der Saale, "
            "Trier und Weimar.\n")
    assert rows(extract(text)) == {("Erlangen", "Jena", 1987, "partnership"), ("Karlsruhe", "Halle (Saale)", 1987, "partnership"),
                                   ("Trier", "Weimar", 1987, "partnership")}


def test_a_town_named_after_its_fronted_partners_or_before_a_colon_is_the_subject(extract, home_of):
    text = ("Sonderfahrten zu 50 Jahren Städtepartnerschaft mit Krakau und Brünn (beide seit 1973), quer durch Leipzig.\n\n"
            "An Bord informieren Tafeln über die Partnerschaften: Mit Nanjing und Frankfurt am Main verbindet Leipzig "
            "vor allem die wirtschaftliche Zusammenarbeit. Die Tram hält überall in Leipzig.")
    assert home_of(text).text == "Leipzig"
    assert ("Leipzig", "Kraków", 1973, "partnership") in rows(extract(text))
    found = pairs(extract("Hallo zusammen, bitte eure Partnerschaften nennen.\n\nFür Ludwigsburg: Partnerschaft mit "
                          "Kongoussi (Burkina Faso) seit 2012.\n\nUnd Reutlingen: Partnerschaft mit Bouaké seit 1970."))
    assert {frozenset({"Ludwigsburg", "Kongoussi"}), frozenset({"Reutlingen", "Bouaké"})} <= set(found)


def test_a_town_that_is_no_partner_or_a_partners_own_partner_is_not_the_home(home_of):
    """ "Palo Alto ist keine Partnerstadt Heidelbergs" and "Troyes ist seinerseits mit Chesterfield
    verschwistert" say nothing of Palo Alto's or Troyes' own partnerships."""
    assert home_of("Palo Alto ist keine Partnerstadt Heidelbergs. Palo Alto steht nur im alten CMS-Import. "
                   "Palo Alto bitte entfernen.") is None
    assert home_of("Partnerstädte Darmstadt – Arbeitsplanung\n\nTroyes: Partnerstadt seit 1958. Troyes ist seinerseits "
                   "mit Chesterfield verschwistert. Troyes lädt zum Dreiertreffen.").text == "Darmstadt"


def test_the_town_every_dashed_pair_shares_is_the_home(home_of):
    text = ("name: Jubiläum Rochdale vorbereiten\nnotes: Die Partnerschaft mit Rochdale besteht seit 1953.\n\n"
            "name: Delegationsreise Concarneau\nnotes: Der Freundeskreis Bielefeld–Concarneau übernimmt die Organisation.\n\n"
            "name: Jugendbegegnung\nnotes: Die Städtepartnerschaft Bielefeld–Nahariya (seit 1983) lädt ein. Gäste aus Nahariya.")
    assert home_of(text).text == "Bielefeld"


def test_a_county_that_opens_its_sentence_pairs_with_a_county_it_names(extract):
    found = rows(extract("Landkreis Vorpommern-Greifswald\n\nDer Landkreis unterhält eine Partnerschaft mit dem "
                         "Powiat Policki (seit 2012). Der Landkreis unterstützt Begegnungen über den Fonds der "
                         "Euroregion (Geschäftsstelle in Pasewalk)."))
    assert found == {("Landkreis Vorpommern-Greifswald", "Powiat Policki", 2012, "partnership")}


def test_a_kind_word_after_the_last_item_and_a_purpose_are_not_the_kind_of_all_items(extract):
    found = rows(extract("Die Partnerstädte von Lüneburg\n\nNaruto (Japan) seit 1974, Tierp (Schweden) seit 1987 und "
                         "Köthen – Städtefreundschaft seit 1990."))
    assert ("Lüneburg", "Tierp", 1987, "partnership") in found and ("Lüneburg", "Köthen", 1990, "friendship") in found
    found = rows(extract("Hamburgs Partnerstädte\n\n- Osaka – 1989\n- León (Nicaragua) – 1989, Schulprojekte = "
                         "Entwicklungszusammenarbeit\n- Prag – 1990"))
    assert ("Hamburg", "León", 1989, "partnership") in found


def test_each_slide_of_a_town_over_its_dated_bullets_lists_that_towns_partners(extract):
    found = rows(extract(
        "Städtepartnerschaften in Schleswig-Holstein\n\nKiel – die Landeshauptstadt und ihre Partner\n• Brest (1964)\n• Coventry (1967)\n\n"
        "Notes:\nBrest und Coventry stehen für den Gedanken der Versöhnung nach dem Zweiten Weltkrieg.\n\n"
        "Flensburg\n• Carlisle (seit 1961)\n• Słupsk (1988)\n\nNotes:\nDie Welle der innerdeutschen Verbindungen begann 1986.\n"))
    assert {("Kiel", "Brest", 1964, "partnership"), ("Kiel", "Coventry", 1967, "partnership"),
            ("Flensburg", "Carlisle", 1961, "partnership"), ("Flensburg", "Słupsk", 1988, "partnership")} <= found
    assert not any(a == "Kiel" and b in ("Carlisle", "Słupsk") for a, b, _, _ in found)


def test_a_signposts_numbered_arms_dated_since_are_the_towns_partners(extract):
    found = pairs(extract("Freie und Hansestadt Hamburg, Senatskanzlei\n\nJeder Arm trägt den Namen einer Partnerstadt Hamburgs, "
                          "das Jahr der Partnerschaft und die Entfernung in km. Beschriftung gemäß Liste:\n"
                          "  Arm 1: Marseille – seit 1958 – 1.220 km\n  Arm 2: Shanghai – seit 1986 – 8.680 km\n"))
    assert found[frozenset(("Hamburg", "Marseille"))].since_year == 1958
    assert found[frozenset(("Hamburg", "Shanghai"))].since_year == 1986


def test_a_table_cells_town_on_its_river_is_the_town_not_the_river(extract):
    found = pairs(extract("Partnerschaften\n\nDie Mittelmosel ist ein Weinland, und so sind es vor allem Weinorte, mit denen unsere "
                          "Gemeinden partnerschaftlich verbunden sind.\n\nGemeinde | Partnergemeinde | Land | seit\n"
                          "Stadt Bernkastel-Kues | Saint-Émilion | Frankreich | 1975\nZeltingen-Rachtig | Retz | Österreich | 1982\n"
                          "Graach an der Mosel | Cramant | Frankreich | 1990\n"))
    assert found[frozenset(("Graach", "Cramant"))].since_year == 1990
    assert not any("Mosul" in pair for pair in found)


def test_a_records_description_that_opens_with_a_date_dates_the_record(extract):
    found = pairs(extract("Freie Hansestadt Bremen\n\nBezeichnung: Städtepartnerschaft Bremen – Haifa\nPartnerstadt: Haifa\nStatus: aktiv\n\n"
                          "Seit 1978. Bürgerbegegnungen und Kulturaustausch.\n\nBezeichnung: Städtepartnerschaft Bremen – Riga\n"
                          "Partnerstadt: Riga\nStatus: aktiv\n\nVereinbart 1985, damals noch mit der Lettischen SSR.\n"))
    assert found[frozenset(("Bremen", "Haifa"))].since_year == 1978
    assert found[frozenset(("Bremen", "Riga"))].since_year == 1985


def test_a_registers_remarks_name_kinds_in_passing_without_denying_the_rows_pair(extract):
    text = (
        "record_id | kommune | partner | art | jahr | notes\n"
        "1 | Magdeburg | Braunschweig | 1 | 1987 | Eine der frühen deutsch-deutschen Partnerschaften, Vertrag 1987.\n"
        "5 | Halle (Saale) | Grenoble | 1 | 1976 | Seit 1976. Nicht zu verwechseln mit der Kooperation der Universität mit Ljubljana.\n"
        "8 | Wernigerode | Carpentras | 1 | 1993 | Angabe in der Quelle '1993/2003' – 2003 erneuerte man die Partnerschaftsurkunde.\n"
        "10 | Wolfsburg | Jilin | 9 | 2019 | Messeauftritte der Wirtschaftsförderung in Jilin, auch 2023 wieder.\n"
        "9 | Quedlinburg | Celle | 2 | 1990 | Städtefreundschaft (keine förmliche Partnerschaft), die Reise 1989 war davor.\n"
        "12 | Niesky | Kamienna Góra | 9 | 2019 | Sondierungsgespräche über eine mögliche Partnerschaft seit 2019, bislang kein Beschluss.\n"
    )
    assert rows(extract(text)) == {
        ("Magdeburg", "Braunschweig", 1987, "partnership"), ("Halle (Saale)", "Grenoble", 1976, "partnership"),
        ("Wernigerode", "Carpentras", 1993, "partnership"), ("Quedlinburg", "Celle", 1990, "friendship")}


def test_a_surveys_towns_each_list_their_partners_on_one_line_under_their_name(extract):
    text = (
        "Stadt Eberswalde\n\nGorzów Wielkopolski (Partnerschaft seit 1993); Delmenhorst (Städtefreundschaft, 1990)\n\n"
        "Der Schüleraustausch mit Gorzów findet jedes Jahr statt.\n\n"
        "Stadt Bernau bei Berlin\n\nChampigny-sur-Marne – seit 1971; Międzyrzecz – 1998\n\n"
        "Die Partnerschaft mit Champigny-sur-Marne diente von Anfang an der Aussöhnung.\n\n"
        "Stadt Schwedt/Oder\n\nPolice (seit 1994); Kooperation mit Chojna\n\n"
        "Landkreis Uckermark\n\nPowiat Policki (Partnerschaftsvertrag 2002)\n\n"
        "Stadt Angermünde\n\nKeine Städtepartnerschaft. Die Schule hat eine Partnerschule in Barlinek.\n"
    )
    found = rows(extract(text))
    assert {("Eberswalde", "Gorzów Wielkopolski", 1993, "partnership"), ("Eberswalde", "Delmenhorst", 1990, "friendship"),
            ("Bernau bei Berlin", "Champigny-sur-Marne", 1971, "partnership"), ("Bernau bei Berlin", "Międzyrzecz", 1998, "partnership"),
            ("Schwedt (Oder)", "Police", 1994, "partnership"),
            ("Landkreis Uckermark", "Powiat Policki", 2002, "partnership")} <= found
    assert not any("Barlinek" in (a, b) for a, b, _, _ in found)
    assert not any(a == "Schwedt (Oder)" and kind == "cooperation" for a, _, _, kind in found)  # Police's kind is its own


def test_a_survey_answer_under_the_town_it_asked_for_with_each_partners_own_kind_and_year(extract):
    text = (
        "Bitte nennen Sie Ihre Partnerkommunen mit Jahr der Gründung und beschreiben Sie kurz die Aktivitäten.\n\n"
        "Name der Kommune: Eberswalde\n\nUnsere Partnerstadt ist Gorzów Wielkopolski (1989). Jährlich findet ein Bürgerfest statt.\n\n"
        "Name der Kommune: Frankfurt (Oder)\n\n"
        "Słubice (seit 1975, seit 2010 gemeinsames Handlungskonzept der Doppelstadt), Nîmes (1976), "
        "Heilbronn – Städtefreundschaft im Jahr der Wiedervereinigung 1990.\n\n"
        "Name der Kommune: Neuruppin\n\nBad Kreuznach (Städtefreundschaft 1990), Nymburk (Tschechien, 2007).\n"
    )
    found = rows(extract(text))
    assert {("Eberswalde", "Gorzów Wielkopolski", 1989, "partnership"), ("Frankfurt (Oder)", "Nîmes", 1976, "partnership"),
            ("Neuruppin", "Bad Kreuznach", 1990, "friendship"), ("Neuruppin", "Nymburk", 2007, "partnership")} <= found


def test_a_forum_posts_list_under_the_town_and_source_it_names(extract):
    text = (
        '[Beitrag #1] Friederike Haase | 22.05.2024, 10:02\n'
        'Liebe Alle, bitte tragen Sie bis zur Sitzung am 29.05. hier Ihre Rechercheergebnisse zu den Partnerstädten von Leipzig (Gruppe A) und Dresden (Gruppe B) zusammen. Jahresangaben bitte mit Quelle. Denken Sie an die Unterscheidung zwischen städtischen Partnerschaften und Hochschul- oder Vereinspartnerschaften!\n'
        '\n'
        '[Beitrag #2] Jonas Reichelt (Gruppe A) | 23.05.2024, 21:17\n'
        'Leipzig, nach der Liste auf leipzig.de:\n'
        '- Bologna (1962) – die älteste, noch zu DDR-Zeiten mit einer italienischen Stadt\n'
        '- Brünn (1973)\n'
        '- Lyon (1981)\n'
        '- Hannover und Frankfurt am Main: Hannover 1987, Frankfurt am Main 1990\n'
        '- Krakau (1995)\n'
        '- Addis Abeba (2004)\n'
        '\n'
        '[Beitrag #4] Paul Schönherr (Gruppe B) | 24.05.2024, 18:30\n'
        'Dresden (Quelle: dresden.de, Partnerstädte):\n'
        'Coventry seit 1959, Breslau ebenfalls 1959, Brazzaville 1975, Florenz 1978, Hamburg 1987 (deutsch-deutsche Städtepartnerschaft, vor dem Mauerfall vereinbart), Straßburg 1990.\n'
    )
    found = rows(extract(text))
    assert {("Leipzig", "Bologna", 1962, "partnership"), ("Leipzig", "Brno", 1973, "partnership"),
            ("Dresden", "Coventry", 1959, "partnership"), ("Dresden", "Wrocław", 1959, "partnership")} <= found
    assert not any(a == "Dresden" and b in ("Bologna", "Brno") for a, b, _, _ in found)


def test_years_of_a_list_that_says_also_and_ends_with_a_full_stop(extract):
    found = rows(extract("Dresden ist verschwistert mit Coventry seit 1959, Breslau ebenfalls 1959, Brazzaville 1975, Straßburg 1990."))
    assert {("Dresden", "Coventry", 1959, "partnership"), ("Dresden", "Wrocław", 1959, "partnership"),
            ("Dresden", "Strasbourg", 1990, "partnership")} <= found


def test_a_title_of_two_towns_and_an_agendas_report_from_a_town(extract):
    text = ("Entwurf: Die Hanse- und Universitätsstadt Rostock, Hafen- und Wirtschaftsstandort an der Ostsee, "
            "ist verschwistert mit Turku (seit 1959), Dünkirchen (1960) und Raleigh.\n\n"
            "2. Bericht Flensburg: Partnerschaften mit Carlisle (1961) und Słupsk (1988).\n")
    assert {("Rostock", "Turku", 1959, "partnership"), ("Rostock", "Dunkirk", 1960, "partnership"),
            ("Flensburg", "Carlisle", 1961, "partnership"), ("Flensburg", "Słupsk", 1988, "partnership")} <= rows(extract(text))


def test_each_row_of_a_table_of_notes_is_a_statement_of_its_own(extract):
    text = (
        "Partnerstädte der Hanse- und Universitätsstadt Rostock: Stettin (1957), Turku (1959).\n\n"
        "| id | author | body |\n"
        "| 90141 | s.lehmann | Bei Aarhus bitte ergänzen: *Im Rahmen der Partnerschaft findet ein Schüleraustausch statt.* |\n"
        "| 90177 | k.schulz | Die Großsegler aus Klaipėda und Gdynia bitte nicht mit Partnerstädten verwechseln. |\n"
    )
    found = {b for _, b, _, _ in rows(extract(text))}
    assert {"Szczecin", "Turku"} <= found and not found & {"Klaipėda", "Gdynia"}


def test_home_city_named_by_its_title_after_its_partner_towns(home_of):
    home = home_of("id: 48213\ntitle: Seite /partnerstaedte: Liste aktualisieren\n\n## Anlass\n\n"
                   "Die Seite Partnerstädte der Hanse- und Universitätsstadt Rostock ist veraltet. Bitte Tabelle ersetzen.\n\n"
                   "| Partnerstadt | Land | seit |\n| Stettin | Polen | 1957 |\n| Aarhus | Dänemark | 1964 |\n"
                   "Bei Aarhus bitte ergänzen: Schüleraustausch zwischen Rostocker und Aarhuser Gymnasien.\n")
    assert home is not None and home.normalized == "Rostock"


def test_a_district_page_belongs_to_the_city_its_adjective_names(home_of):
    home = home_of("total_count: 1\n\nStadtteilpartnerschaft Bad Cannstatt – Mödling\n\n"
                   "Am 3. Oktober 1992 unterzeichneten der Bezirksvorsteher von Bad Cannstatt und der Bürgermeister von Mödling "
                   "im Kursaal die Urkunde. Bad Cannstatt, bis 1905 eine selbständige Stadt, ist damit einer der wenigen "
                   "Stuttgarter Stadtbezirke mit einer eigenen Partnerschaft.\n\n"
                   "Die Landeshauptstadt selbst ist unter anderem mit Straßburg (seit 1962) verschwistert.\n")
    assert home is not None and home.normalized == "Stuttgart"


def test_guests_in_a_records_title_and_a_last_records_town_are_not_the_home_city(home_of):
    home = home_of("Empfang Delegation Gdańsk – 50 Jahre Partnerschaft\nUser Story, Active\n\n"
                   "Die Städtepartnerschaft Bremen–Danzig wurde 1976 geschlossen.\n\n"
                   "Klimapartnerschaft Bremen–Durban\nUser Story, Active\n\nJahresbericht zur Klimapartnerschaft Bremen–Durban.\n\n"
                   "Entwicklungspartnerschaft Bremen–Windhoek\nUser Story, Active\n\nProjekt zur Wasserversorgung.\n\n"
                   "Anfrage Stadt Cork\nTask, Removed\n\nCork hat nach einer Partnerschaft gefragt. Nach Prüfung abgelehnt.\n")
    assert home is None or home.normalized not in ("Cork", "Gdańsk")
