"""Tests of the EXTRACT stage on real files: the sample corpus, tiny files in tests/data, and PDFs made here."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from fpdf import FPDF

from pipeline._pdf import join_hyphenated
from pipeline.errors import (
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    ExtractionError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from pipeline.extract import document_id, extract_document, file_document_id
from pipeline.textmetrics import word_f1

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "sample"
REFERENCE = ROOT / "corpus" / "reference"
DATA = ROOT / "tests" / "data"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

# What must never reach the text: running headers/footers, banners, menus.
FORBIDDEN = {
    "leipzig_staedtepartnerschaften_folien.pdf": ["Stadt Leipzig · Referat"],
    "brandenburg_kommunalpartnerschaften.pdf": ["Positionspapier", "Seite 1", "Seite 2", "von 2"],
    "dortmund_staedtepartnerschaften.html": [
        "Cookies", "Alle akzeptieren", "Impressum", "Datenschutz", "Bürgerservice", "Startseite",
        "Suchbegriff", "Leben in Dortmund", "Alle Rechte vorbehalten", "Bildlizenz",
    ],
    "presse_partnerschaften_osteuropa.html": [
        "Cookies", "Alle akzeptieren", "Das könnte Sie auch interessieren", "WhatsApp", "Teilen",
        "Impressum", "Grenzbrücke", "Verlagsgesellschaft",
    ],
    "ost_west_staedtepartnerschaften.txt": ["\r", "Ã¤", "\ufffd"],
}


def _make_pdf(path: Path, pages: list[list[tuple[float, float, str]]], size: float = 11) -> Path:
    """Write a PDF with text at (x, y) positions in points, one list per page."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("Sans", "", FONT)
    pdf.set_font("Sans", "", size)
    for page in pages:
        pdf.add_page()
        for x, y, text in page:
            pdf.text(x, y, text)
    pdf.output(str(path))
    return path


# --------------------------------------------------------------------------
# The sample corpus against its reference texts


@pytest.mark.parametrize("name", sorted(FORBIDDEN))
def test_sample_document_matches_reference(name):
    doc = extract_document(SAMPLE / name)
    reference = (REFERENCE / (Path(name).stem + ".txt")).read_text(encoding="utf-8")
    assert word_f1(doc.text, reference) >= 0.97
    assert doc.language == "de"
    for unwanted in FORBIDDEN[name]:
        assert unwanted not in doc.text, unwanted


def test_slides_lose_footer_and_slide_numbers_but_keep_repeated_titles():
    doc = extract_document(SAMPLE / "leipzig_staedtepartnerschaften_folien.pdf")
    assert doc.media_type == "pdf" and doc.n_pages >= 30
    lines = doc.text.split("\n")
    assert not [ln for ln in lines if re.fullmatch(r"\d{1,2}", ln.strip())]
    assert doc.text.count("Gründe für Städtepartnerschaften") == 4
    assert "Travnik\n2003" in doc.text  # a year on a slide is not a page number
    assert "• Nord-Südverantwortung: Partnerschaft mit Addis Abeba" in lines


def test_two_column_paper_reads_columns_in_order_and_dehyphenates():
    doc = extract_document(SAMPLE / "brandenburg_kommunalpartnerschaften.pdf")
    text = doc.text
    assert doc.n_pages == 2
    assert doc.title == "Kommunalpartnerschaften im Kontext internationaler Spannungen"
    order = ["Seit Jahrzehnten", "Nach Angaben", "Gerade in Zeiten", "Kommunalpartnerschaften befördern", "Der Städte- und"]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)
    assert "vielen deutsch-deutschen Partnerschaften" in text
    assert "Entwicklungspolitik beitragen" in text  # split across the column break
    assert "Durch Begegnung und Austausch" in text
    assert not re.search(r"\w- \w", text.replace("Städte- und", ""))
    assert len(text.split("\n\n")) == 9  # title and eight paragraphs


def test_two_column_test_file_matches_its_reference():
    doc = extract_document(DATA / "two_columns.pdf")
    assert word_f1(doc.text, (DATA / "two_columns.txt").read_text(encoding="utf-8")) >= 0.98
    assert "Testkopfzeile" not in doc.text and "Seite" not in doc.text


def test_city_page_keeps_headings_and_list_items_on_own_lines():
    doc = extract_document(SAMPLE / "dortmund_staedtepartnerschaften.html")
    lines = doc.text.split("\n")
    assert doc.media_type == "html"
    assert doc.title == "Dortmunder Städtepartnerschaften"
    assert doc.published == "2023-06-14"
    assert "Dortmunds Partnerstädte:" in lines
    assert "• Amiens, Frankreich seit 1960" in lines
    assert "• Zwickau, innerdeutsche Partnerschaft" in lines


def test_press_page_keeps_headline_date_and_ocr_artefacts_of_the_source():
    doc = extract_document(SAMPLE / "presse_partnerschaften_osteuropa.html")
    assert doc.published == "2004-04-28"
    assert "Städtepartnerschaften nach Osteuropa: Kontakte mit viel Leben erfüllt" in doc.text.split("\n\n")[:3]
    assert "Jugendorganisationen und -clubs" in doc.text
    assert "deutsch -polnische Klasse" in doc.text and "Annaberg -Buchholz" in doc.text
    assert "Gera mit zwölf Partnern" in doc.text.split("\n")


def test_short_page_without_article_still_loses_banner_menu_and_footer(tmp_path):
    page = tmp_path / "partner.htm"
    page.write_text(
        '<html><head><title>Partnerstädte – Stadt Beispiel</title><meta name="date" content="2021-05-03"></head>'
        '<body><div class="CookieHint">Wir verwenden Cookies. Alle akzeptieren</div><nav>Menü Start Rathaus</nav>'
        "<main><h1>Partnerstädte</h1><p>Unsere Partnerstädte:</p><ul><li>Amiens, Frankreich seit 1960</li>"
        "<li>Leeds, Großbritannien seit 1969</li></ul></main><footer>Impressum</footer></body></html>",
        encoding="cp1252",
    )
    doc = extract_document(page)
    assert doc.text == (
        "Partnerstädte\n\nUnsere Partnerstädte:\n\n• Amiens, Frankreich seit 1960\n• Leeds, Großbritannien seit 1969"
    )
    assert doc.published == "2021-05-03"


# --------------------------------------------------------------------------
# PDF layout rules on PDFs made for the case


@pytest.mark.parametrize("number", ["- 2 -", "Seite 2 von 3", "2", "– 2 –", "2 / 3"])
def test_page_numbers_and_running_header_are_removed(tmp_path, number):
    body = [
        "Die Partnerschaft mit Lyon besteht seit 1981.",
        "Mit Krakau verbindet Leipzig seit 1973 eine Partnerschaft.",
        "Brünn ist seit 1973 Partnerstadt von Leipzig.",
    ]
    pages = []
    for n, sentence in enumerate(body, 1):
        pages.append([
            (60, 40, "Jahresbericht Städtepartnerschaften 2023"),
            (60, 120, sentence),
            (280, 800, number.replace("2", str(n))),
        ])
    doc = extract_document(_make_pdf(tmp_path / "numbers.pdf", pages))
    assert doc.text.split("\n\n") == body


def test_line_end_hyphens_in_a_pdf(tmp_path):
    lines = [
        "Die Städte pflegen seit Jahren eine enge Partner-",
        "schaft mit Schulen, Jugendorganisationen und",
        "-clubs sowie eine lebendige Kultur-",
        "und Sportlandschaft; dazu kommt ein deutsch-",
        "polnischer Austausch mit Annaberg-",
        "Buchholz und der Kommunal-",
        "Partnerschaft im Landkreis.",
    ]
    page = [(60, 100 + 15 * i, text) for i, text in enumerate(lines)]
    doc = extract_document(_make_pdf(tmp_path / "hyphens.pdf", [page]))
    assert doc.text == (
        "Die Städte pflegen seit Jahren eine enge Partnerschaft mit Schulen, Jugendorganisationen und "
        "-clubs sowie eine lebendige Kultur- und Sportlandschaft; dazu kommt ein deutsch-polnischer "
        "Austausch mit Annaberg-Buchholz und der Kommunal-Partnerschaft im Landkreis."
    )


def test_two_columns_with_title_across_both(tmp_path):
    left = [f"Links {i} erzählt von Krakau und" if i < 11 else "Links endet hier." for i in range(12)]
    right = [f"Rechts {i} erzählt von Brünn und" if i < 11 else "Rechts endet hier." for i in range(12)]
    page = [(60, 60, "Ein Titel, der über beide Spalten der Seite hinweg läuft und breit ist")]
    page += [(60, 100 + 14 * i, t) for i, t in enumerate(left)]
    page += [(320, 100 + 14 * i, t) for i, t in enumerate(right)]
    doc = extract_document(_make_pdf(tmp_path / "cols.pdf", [page], size=10))
    text = doc.text
    assert text.index("Ein Titel") < text.index("Links 0") < text.index("Links endet") < text.index("Rechts 0")
    assert "Links 10 erzählt von Krakau und Links endet hier." in text


@pytest.mark.parametrize(
    "head, tail, joined",
    [
        ("Partner-", "schaft", "Partnerschaft"),
        ("Zu er-", "innern ist", "Zu erinnern ist"),
        ("deutsch-", "polnische", "deutsch-polnische"),
        ("Annaberg-", "Buchholz", "Annaberg-Buchholz"),
        ("Kommunal-", "Partnerschaft", "Kommunal-Partnerschaft"),
        ("Kultur-", "und Sportlandschaft", "Kultur- und Sportlandschaft"),
        ("Hilfs-", "oder Unterstützungsprogramme", "Hilfs- oder Unterstützungsprogramme"),
        ("Schüler-", "bzw. Jugendaustausch", "Schüler- bzw. Jugendaustausch"),
        ("EU-", "weit", "EU-weit"),
        ("ost-", "westdeutsche Städte", "ost-westdeutsche Städte"),
        ("Städte-", "partnerschaften", "Städtepartnerschaften"),
        ("1990-", "1991", "1990-1991"),
        ("Partner\u00ad", "schaft", "Partnerschaft"),
    ],
)
def test_join_hyphenated(head, tail, joined):
    assert join_hyphenated(head, tail) == joined


def test_join_hyphenated_prefers_the_documents_own_spelling():
    assert join_hyphenated("ost-", "westdeutsche", {"ost-westdeutsche"}) == "ost-westdeutsche"
    assert join_hyphenated("ost-", "deutsche", {"ostdeutsche"}) == "ostdeutsche"


# --------------------------------------------------------------------------
# Text encodings


@pytest.mark.parametrize("name", ["ost_west_cp1252.txt", "ost_west_utf16.txt", "ost_west_utf8_bom.txt"])
def test_text_encodings_are_detected(name):
    doc = extract_document(DATA / name)
    assert doc.media_type == "text"
    assert doc.text.startswith("Mit der Einleitung der Perestroika unter Gorbatschow")
    assert "„gelebt“" in doc.text and "Eisenhüttenstadt" in doc.text
    assert "\r" not in doc.text and "\ufeff" not in doc.text
    assert doc.language == "de"


def test_plain_text_line_end_hyphens_are_mended(tmp_path):
    path = tmp_path / "umbruch.txt"
    path.write_text("Durch Be-\ngegnung und Austausch der Kultur-\nund Sportvereine.\n", encoding="utf-8")
    assert extract_document(path).text == "Durch Begegnung\nund Austausch der Kultur-\nund Sportvereine."


# --------------------------------------------------------------------------
# Bad documents


@pytest.mark.parametrize(
    "name, error, words",
    [
        ("empty.txt", EmptyDocumentError, "empty"),
        ("encrypted_password.pdf", EncryptedDocumentError, "password"),
        ("scanned.pdf", NoTextLayerError, "2 pages but no text layer"),
        ("not_really.pdf", UnsupportedFormatError, "ZIP"),
        ("picture.txt", UnsupportedFormatError, "PNG"),
        ("truncated.pdf", ExtractionError, "corrupt"),
    ],
)
def test_bad_documents_raise_readable_errors(name, error, words):
    with pytest.raises(error, match=words):
        extract_document(DATA / name)


def test_random_bytes_named_pdf_are_unsupported(tmp_path):
    garbage = tmp_path / "bericht.pdf"
    garbage.write_bytes(bytes((i * 73 + 19) % 256 for i in range(4000)))
    with pytest.raises(UnsupportedFormatError, match="binary"):
        extract_document(garbage)


def test_pdf_with_empty_user_password_opens():
    doc = extract_document(DATA / "encrypted_empty_password.pdf")
    assert doc.text == "Städtepartnerschaft zwischen Görlitz und Zgorzelec seit 1990."


def test_type_comes_from_the_bytes_not_the_suffix():
    doc = extract_document(DATA / "really_a_pdf.html")
    assert doc.media_type == "pdf" and doc.n_pages == 2


def test_limits_and_missing_files():
    with pytest.raises(DocumentTooLargeError, match="limit"):
        extract_document(SAMPLE / "brandenburg_kommunalpartnerschaften.pdf", max_bytes=1000)
    with pytest.raises(DocumentTooLargeError, match="2 pages"):
        extract_document(SAMPLE / "brandenburg_kommunalpartnerschaften.pdf", max_pages=1)
    with pytest.raises(ExtractionError, match="cannot read"):
        extract_document(DATA / "does_not_exist.pdf")


def test_page_of_navigation_only_has_no_text(tmp_path):
    page = tmp_path / "nav.html"
    page.write_text(
        "<html><head><title>Rathaus</title></head><body><nav><a href='/'>Start</a> <a href='/r'>Rathaus</a></nav>"
        "<footer>Impressum · Datenschutz</footer></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(EmptyDocumentError, match="no text"):
        extract_document(page)


def test_broken_symlink_is_named(tmp_path):
    link = tmp_path / "weg.txt"
    link.symlink_to(tmp_path / "gibt-es-nicht.txt")
    with pytest.raises(ExtractionError, match="broken symlink"):
        extract_document(link)


def test_document_id_depends_on_content_only(tmp_path):
    source = SAMPLE / "ost_west_staedtepartnerschaften.txt"
    copy = shutil.copy(source, tmp_path / "kopie.txt")
    first, second = extract_document(source), extract_document(copy)
    assert first.doc_id == second.doc_id == document_id(source.read_bytes())
    assert re.fullmatch(r"[0-9a-f]{16}", first.doc_id)
    assert second.source_path == str(copy)
    assert document_id(b"a") != document_id(b"b")


def test_word_f1():
    assert word_f1("Partnerschaft mit Lyon", "Partnerschaft mit Lyon") == 1.0
    assert word_f1("Partner schaft mit Lyon", "Partnerschaft mit Lyon") == pytest.approx(2 * (2 / 4) * (2 / 3) / (2 / 4 + 2 / 3))
    assert word_f1("", "Lyon") == 0.0


def test_a_file_hashed_in_chunks_has_the_same_id_as_its_bytes(tmp_path):
    data = bytes(range(256)) * 9000  # over two 1 MiB chunks
    path = tmp_path / "gross.bin"
    path.write_bytes(data)
    assert file_document_id(path) == document_id(data)


def test_plain_text_in_two_prose_columns_reads_one_column_after_the_other(tmp_path):
    left = ["Zum Frühlingsmarkt erwartet die Stadt", "eine Delegation aus ihrer ältesten",
            "Partnerstadt Épernay. Die Verbindung", "mit der Champagnerstadt besteht seit",
            "1953 und gehört damit zu den frühes-", "ten deutsch-französischen Partner-",
            "schaften überhaupt. Sie war aus dem", "Willen zur Aussöhnung geboren und", "wird bis heute gepflegt."]
    right = ["Die für Donnerstag angesetzte Sprech-", "stunde des Oberbürgermeisters muss",
             "leider entfallen. Ein Ersatztermin", "wird rechtzeitig bekanntgegeben und",
             "im Amtsblatt veröffentlicht. Der", "Wertstoffhof ist samstags bereits ab",
             "acht Uhr geöffnet, wie die Stadt-", "werke mitteilen. Fundsachen liegen", "im Bürgerbüro."]
    path = tmp_path / "amtsblatt.txt"
    path.write_text("\n".join(f"{a:<45}{b}" for a, b in zip(left, right)), encoding="utf-8")
    text = extract_document(path).text
    assert "Die Verbindung mit der Champagnerstadt besteht seit 1953" in text
    assert "Sprechstunde des Oberbürgermeisters" in text
    assert text.index("überhaupt") < text.index("Sprechstunde")


def test_a_table_keeps_its_rows(tmp_path):
    rows = [f"{n}   Partnerschaftsverein Stadt {n}        {n * 1000:>6}   {n * 1100:>6}" for n in range(1, 12)]
    path = tmp_path / "haushalt.txt"
    path.write_text("\n".join(rows), encoding="utf-8")
    assert extract_document(path).text.split("\n")[0] == rows[0].rstrip()


def test_a_pipe_table_of_words_keeps_its_rows(tmp_path):
    """Cells of words on both sides of a gap look like two columns of prose; the pipes say it is a table."""
    rows = [f"Stadt Musterstadt {n:<10} | Partnerort Nummer {n:<8} | Städtepartnerschaft seit {1950 + n} | Jugendbegegnung im Sommer"
            for n in range(1, 12)]
    path = tmp_path / "projekte.txt"
    path.write_text("Träger | Partner | Rahmen | Projekt\n" + "\n".join(rows), encoding="utf-8")
    lines = extract_document(path).text.split("\n")
    assert lines[1] == rows[0].rstrip()
    assert lines[-1] == rows[-1].rstrip()


def test_a_subtitle_file_reads_as_the_words_spoken(tmp_path):
    srt = tmp_path / "grusswort.srt"
    srt.write_text(
        "1\n00:00:00,500 --> 00:00:04,200\nLiebe Potsdamerinnen und Potsdamer,\n\n"
        "2\n00:00:04,300 --> 00:00:08,900\n<i>Mit Bonn verbindet uns</i>\nseit 1988 eine Städtepartnerschaft.\n\n"
        "3\n00:00:09,000 --> 00:00:13,600\nUnd mit Opole in Polen\nsind wir seit 1973 verbunden.\n", encoding="utf-8")
    doc = extract_document(srt)
    assert doc.text == ("Liebe Potsdamerinnen und Potsdamer,\n"
                        "Mit Bonn verbindet uns seit 1988 eine Städtepartnerschaft.\n"
                        "Und mit Opole in Polen sind wir seit 1973 verbunden.")


def test_a_calendar_export_reads_as_its_events_summaries_places_and_descriptions(tmp_path):
    ics = tmp_path / "termine.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Bremen international\r\nBEGIN:VEVENT\r\nUID:1@bremen.de\r\n"
        "DTSTART:20250314T180000\r\nSUMMARY:Festabend: Bremen und Gdańsk\r\nLOCATION:Rathaus Bremen\\, Obere Halle\r\n"
        "DESCRIPTION:Seit 1976 sind Bremen und Danzig durch eine Städtepar\r\n tnerschaft verbunden.\\nAnmeldung\r\n"
        "  erbeten.\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    doc = extract_document(ics)
    assert doc.text == ("Bremen international\n\nFestabend: Bremen und Gdańsk\nOrt: Rathaus Bremen, Obere Halle\n"
                        "Seit 1976 sind Bremen und Danzig durch eine Städtepartnerschaft verbunden.\nAnmeldung erbeten.")


def test_an_open_data_json_export_reads_as_its_fields_and_a_table_of_its_records(tmp_path):
    saved = tmp_path / "partnerstaedte.txt"
    saved.write_text(
        "GET https://opendata.example.de/api/records\n200 OK\n\n"
        '{"titel": "Partnerstädte der Stadt Leipzig", "records": [\n'
        '  {"id": 1, "stadt": "Kiew", "art": "Städtepartnerschaft", "seit": "1961/1990", "bemerkung": null},\n'
        '  {"id": 2, "stadt": "Bologna", "art": "Städtepartnerschaft", "seit": "1962", "bemerkung": "a | b"}\n]}\n',
        encoding="utf-8")
    doc = extract_document(saved)
    assert doc.text == ("GET https://opendata.example.de/api/records\n200 OK\n\n"
                        "titel: Partnerstädte der Stadt Leipzig\n\n"
                        "Records\n"  # the key of the list heads its table
                        "| id | stadt | art | seit | bemerkung |\n"
                        "| 1 | Kiew | Städtepartnerschaft | 1961/1990 |  |\n"
                        "| 2 | Bologna | Städtepartnerschaft | 1962 | a / b |")


def test_a_sparql_result_reads_as_a_table_of_the_bindings_values(tmp_path):
    saved = tmp_path / "wikidata.json"
    saved.write_text(
        '{"head": {"vars": ["itemLabel", "partnerLabel"]}, "results": {"bindings": [\n'
        '{"itemLabel": {"xml:lang": "de", "type": "literal", "value": "Dresden"},'
        ' "partnerLabel": {"xml:lang": "de", "type": "literal", "value": "Breslau"}}]}}\n', encoding="utf-8")
    assert extract_document(saved).text == "vars: itemLabel, partnerLabel\n\nBindings\n| itemLabel | partnerLabel |\n| Dresden | Breslau |"


def test_a_cms_xml_export_reads_as_its_text_with_the_html_inside_read_as_html(tmp_path):
    # An element called <body> does not make the export a web page.
    saved = tmp_path / "export.txt"
    saved.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Export -->\n<export site="bremerhaven.de">\n'
        "  <page id=\"8812\"><title>Partnerstädte</title>\n"
        '    <block type="partnercity" year="1963"><name>Grimsby</name>\n'
        "      <body><![CDATA[<p>Seit 1963 Partnerstadt.</p><h3>Fischerei</h3><p>Beide Städte leben vom Fisch.</p>]]></body>\n"
        "    </block></page>\n</export>\n", encoding="utf-8")
    doc = extract_document(saved)
    assert doc.media_type == "text"
    assert doc.text == "Partnerstädte\n\nGrimsby\nSeit 1963 Partnerstadt.\n\nFischerei\nBeide Städte leben vom Fisch."


def test_a_wiki_diff_reads_as_the_newer_version_without_wiki_markup(tmp_path):
    saved = tmp_path / "diff.txt"
    saved.write_text(
        "Versionsunterschied von „Rostock“\n\nZeile 412:                 Zeile 412:\n"
        "  === Städtepartnerschaften ===     === Städtepartnerschaften ===\n"
        "- * Aarhus, Dänemark\n+ * {{DNK}} [[Aarhus]], Dänemark (seit 1964)\n"
        "- * Kaliningrad, Russland\n  * {{USA}} [[Raleigh (North Carolina)|Raleigh]], Vereinigte Staaten (seit 2001)\n"
        "- * Turku, Finnland\n+ * {{FIN}} [[Turku]], Finnland (seit 1959)\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Versionsunterschied von „Rostock“\n\n=== Städtepartnerschaften ===\n* Aarhus, Dänemark (seit 1964)\n"
        "* Raleigh, Vereinigte Staaten (seit 2001)\n* Turku, Finnland (seit 1959)")


def test_brackets_nested_past_reading_are_text_not_a_failed_json_export(tmp_path):
    saved = tmp_path / "klammern.txt"
    saved.write_text("[" * 100_000 + "\nPartnerstädte: Kiel und Vaasa\n", encoding="utf-8")
    assert extract_document(saved).text.endswith("Partnerstädte: Kiel und Vaasa")


def test_an_sql_dump_reads_as_its_tables_under_their_names_without_key_columns(tmp_path):
    saved = tmp_path / "dump.sql.txt"
    saved.write_text(
        "-- MySQL dump 10.13\n-- Export für rathaus.rostock.de\n\nSET NAMES utf8mb4;\n"
        "CREATE TABLE `partnerstaedte` (\n  `id` int NOT NULL AUTO_INCREMENT,\n  `stadt` varchar(120) NOT NULL,\n"
        "  `seit` smallint DEFAULT NULL,\n  `bemerkung` text,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\n"
        "INSERT INTO `partnerstaedte` VALUES\n(1,'Stettin',1957,'poln. Szczecin; älteste'),\n"
        "(2,'Dünkirchen',1960,NULL),\n(3,'Riga',NULL,'O''Brien\\'s Notiz');\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "MySQL dump 10.13\nExport für rathaus.rostock.de\n\n"
        "Partnerstädte\n| Stadt | Seit | Bemerkung |\n| Stettin | 1957 | poln. Szczecin; älteste |\n"
        "| Dünkirchen | 1960 |  |\n| Riga |  | O'Brien's Notiz |")


def test_a_yaml_file_reads_as_its_fields_and_its_lists_as_tables_without_commented_out_entries(tmp_path):
    saved = tmp_path / "partnerstaedte.yml.txt"
    saved.write_text(
        "# Hansestadt Lüneburg, Website\n\nstadt:\n  name: Hansestadt Lüneburg\n\npartnerstaedte:\n"
        "  - name: Tours\n    seit: 1960   # Urkunde\n    art: staedtepartnerschaft\n"
        "  - name: Viljandi\n    seit: null\n    status: ruht\n"
        "# - name: Kaliningrad   # nur Gespräche\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Hansestadt Lüneburg, Website\n\nname: Hansestadt Lüneburg\n\n"
        "Partnerstädte\n| name | seit | art | status |\n| Tours | 1960 | staedtepartnerschaft |  |\n| Viljandi |  |  | ruht |")


def test_a_form_of_labelled_lines_is_no_yaml_file(tmp_path):
    saved = tmp_path / "formular.txt"
    text = ("Antrag auf Zuschuss\n\nName: Müller\nVorname: Anna\nOrt: Kiel\nZweck: Bürgerreise nach Brest\n"
            "Betrag: 400 EUR\nDatum: 3. Mai 2024\n")
    saved.write_text(text, encoding="utf-8")
    assert extract_document(saved).text == text.strip()


def test_a_dump_of_map_tags_reads_as_each_objects_fields_under_its_name(tmp_path):
    saved = tmp_path / "overpass.txt"
    saved.write_text(
        "# Overpass-Export, nur Tags\n\nnode/240091458\nname=Flensburg\nname:da=Flensborg\nplace=city\n"
        "sister_city=Carlisle;Słupsk\nnote=Partnerstadt Carlisle seit 1961; Słupsk ab 1988\n\n"
        "node/26848417\nname=Kiel\nplace=city\nsister_city=Brest\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Overpass-Export, nur Tags\n\nFLENSBURG\nName da: Flensborg\nPlace: city\nSister city: Carlisle, Słupsk\n"
        "Note: Partnerstadt Carlisle seit 1961; Słupsk ab 1988\n\nKIEL\nPlace: city\nSister city: Brest")


def test_a_yaml_file_with_an_impossible_date_or_a_number_as_key_is_still_read(tmp_path):
    saved = tmp_path / "partner.yml.txt"
    saved.write_text("stadt:\n  name: Kiel\n  bundesland: SH\npartner:\n  1964:\n    - name: Brest\n"
                     "      seit: 2024-02-30\n    - name: Vaasa\n      seit: 1967\n", encoding="utf-8")
    text = extract_document(saved).text  # the date no calendar has: the file as it is, not a failed document
    assert "Brest" in text and "Vaasa" in text and "2024-02-30" in text
    saved.write_text("stadt:\n  name: Kiel\n  bundesland: SH\npartner:\n  1964:\n    - name: Brest\n"
                     "      seit: 1964\n    - name: Vaasa\n      seit: 1967\n", encoding="utf-8")
    assert "1964\n| name | seit |\n| Brest | 1964 |\n| Vaasa | 1967 |" in extract_document(saved).text


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])  # a saved .eml keeps the transport's CRLF
def test_a_mails_source_reads_as_its_message_with_umlauts_and_joined_lines(tmp_path, line_end):
    saved = tmp_path / "antwort.eml.txt"
    source = (
        "Return-Path: <b.petersen@kreis-oh.de>\nReceived: from mail.kreis-oh.de\n\tby mx01.kreis-oh.de with ESMTP\n"
        "From: Birte Petersen <b.petersen@kreis-oh.de>\nTo: Kreistagsbuero <kreistag@kreis-oh.de>\n"
        "Subject: =?UTF-8?Q?AW:_Partnerst=C3=A4dte_im_Kre?=\n =?UTF-8?Q?is?=\nMIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="b1"\n\n--b1\nContent-Type: text/plain; charset=UTF-8\n'
        "Content-Transfer-Encoding: quoted-printable\n\nMoin,\n\n- Eutin: Partnerstadt La=C5=A1ko (Slowenien), se=\nit 1998\n"
        "- Gr=C3=B6mitz: Partnergemeinde Chojna\n\n--b1\nContent-Type: text/html; charset=UTF-8\n\n"
        "<html><body><p>Siehe Textteil.</p></body></html>\n\n--b1--\n")
    saved.write_bytes(source.replace("\n", line_end).encode("utf-8"))
    document = extract_document(saved)
    assert document.media_type == "text"  # its HTML part does not make it a web page
    assert document.title == "AW: Partnerstädte im Kreis"
    assert document.text == (
        "From: Birte Petersen <b.petersen@kreis-oh.de>\nTo: Kreistagsbuero <kreistag@kreis-oh.de>\n"
        "Subject: AW: Partnerstädte im Kreis\n\nMoin,\n\n- Eutin: Partnerstadt Laško (Slowenien), seit 1998\n"
        "- Grömitz: Partnergemeinde Chojna")


def test_a_printed_mail_without_transport_fields_stays_as_it_is(tmp_path):
    saved = tmp_path / "mail.txt"
    printed = "From: Anna Berg\nTo: Partnerschaftsverein\nSubject: Besuch aus Laško\n\nLiebe Freunde, der Bus kommt um 9 Uhr."
    saved.write_text(printed, encoding="utf-8")
    assert extract_document(saved).text == printed


def test_a_latex_source_reads_as_its_typeset_text_with_tables_as_rows_and_footnotes_below(tmp_path):
    saved = tmp_path / "kapitel3.tex.txt"
    saved.write_text(
        "% Hausarbeit -- Kapitel 3\n\\section{Innerdeutsche St\\\"adtepartnerschaften 1986--1990}\\label{sec:ow}\n\n"
        "Den Anfang machte 1986 die Partnerschaft zwischen Saarlouis und Eisenh\\\"uttenstadt\\footnote{Honecker war in "
        "Wiebelskirchen geboren; vgl. \\cite[S.~23]{pfeil1989}.}. Tabelle~\\ref{tab:ow} zeigt \\emph{eine} Auswahl.\n\n"
        "\\begin{table}[htbp]\n\\centering\n\\caption{Auswahl (West -- Ost)}\\label{tab:ow}\n"
        "\\begin{tabular}{|l|l|c|}\n\\hline\n\\textbf{Weststadt} & \\textbf{Oststadt} & \\textbf{Vertrag} \\\\ \\hline\n"
        "Wuppertal & Schwerin & 1987 \\\\\nErlangen & Jena & 1987 \\\\ \\hline\n\\end{tabular}\n\\end{table}\n\n"
        "Die Formel von der \\glqq Sicherung des Friedens\\grqq{} und 50\\,\\% \\& mehr.\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Innerdeutsche Städtepartnerschaften 1986–1990\n\n"
        "Den Anfang machte 1986 die Partnerschaft zwischen Saarlouis und Eisenhüttenstadt¹. Tabelle zeigt eine Auswahl.\n"
        "¹ Honecker war in Wiebelskirchen geboren; vgl.\n\n"
        "Auswahl (West – Ost)\n\nWeststadt | Oststadt | Vertrag\nWuppertal | Schwerin | 1987\nErlangen | Jena | 1987\n\n"
        "Die Formel von der „Sicherung des Friedens“ und 50 % & mehr.")


def test_a_graphviz_graph_reads_as_tables_of_its_edges_under_their_comments(tmp_path):
    saved = tmp_path / "netz.dot.txt"
    saved.write_text(
        "// Partnerschaftsnetz Euroregion Pomerania\ngraph pomerania {\n  node [shape=box];\n"
        "  g [label=\"Greifswald\"];\n  subgraph cluster_de { label=\"Deutschland\"; g; \"Pasewalk\"; }\n\n"
        "  // Städtepartnerschaften\n  g -- \"Goleniów\" [label=\"1994\"];\n  \"Pasewalk\" -> \"Police\";\n"
        "  // nur Gespräche\n  \"Pasewalk\" -- \"Stargard\" [label=\"Gespräche 2019\", style=dashed];\n}\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Partnerschaftsnetz Euroregion Pomerania\nDeutschland\n\n"
        "Städtepartnerschaften\nGreifswald | Goleniów | 1994\nPasewalk | Police\n\n"
        "nur Gespräche\nPasewalk | Stargard | Gespräche 2019")


def test_a_drawio_diagram_reads_as_its_loose_labels_and_a_table_of_its_lines(tmp_path):
    saved = tmp_path / "netz.drawio"
    saved.write_text(
        '<mxfile host="app.diagrams.net"><diagram name="Netz"><mxGraphModel><root><mxCell id="0"/>'
        '<mxCell id="t" value="&lt;b&gt;Partnerst\u00e4dte&lt;/b&gt;&lt;br&gt;Stand 2022" vertex="1"/>'
        '<mxCell id="r" value="Rostock" vertex="1"/><mxCell id="s" value="Szczecin&lt;br&gt;(Polen)" vertex="1"/>'
        '<mxCell id="a" value="Antwerpen" vertex="1"/>'
        '<mxCell id="e1" value="seit 1957" edge="1" source="r" target="s"/>'
        '<mxCell id="e2" value="1963 &amp;ndash; ruht" edge="1" source="r" target="a"/>'
        "</root></mxGraphModel></diagram></mxfile>", encoding="utf-8")
    assert extract_document(saved).text == (
        "Partnerstädte Stand 2022\n\nRostock | Szczecin (Polen) | seit 1957\nRostock | Antwerpen | 1963 – ruht")


def test_an_outline_and_a_mind_map_read_as_lists_under_their_branches_headings(tmp_path):
    opml = tmp_path / "liste.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>Partnerschaften in MV</title></head><body>'
        '<outline text="Neubrandenburg"><outline text="Flensburg" _note="Partnerschaft seit 1987"/>'
        '<outline text="Koszalin (Polen)" _note="verschwistert seit 1974"/></outline></body></opml>', encoding="utf-8")
    assert extract_document(opml).text == (
        "Partnerschaften in MV\n\nNeubrandenburg\n- Flensburg: Partnerschaft seit 1987\n"
        "- Koszalin (Polen): verschwistert seit 1974")
    mind_map = tmp_path / "karte.mm"
    mind_map.write_text(
        '<map version="freeplane 1.9.13"><node TEXT="Landkreis&#xa;Partnerschaften">'
        '<richcontent TYPE="NOTE"><html><body><p>Stand M&#228;rz 2023.</p></body></html></richcontent>'
        '<node TEXT="Storkow (Mark)"><node TEXT="Rzepin"><attribute NAME="Art" VALUE="Freundschaftsvereinbarung"/>'
        '<attribute NAME="Datum" VALUE="12.05.2009"/></node></node></node></map>', encoding="utf-8")
    assert extract_document(mind_map).text == (
        "Landkreis – Partnerschaften: Stand März 2023.\n\nStorkow (Mark)\n"
        "- Rzepin (Art: Freundschaftsvereinbarung; Datum: 12.05.2009)")


def test_a_presentations_slides_saved_one_after_another_read_as_their_paragraphs_and_tables(tmp_path):
    ns = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
    saved = tmp_path / "slides.xml"
    saved.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<!-- ppt/slides/slide1.xml -->\n<p:sld {ns}><p:cSld><p:spTree><p:sp>'
        '<p:nvSpPr><p:cNvPr id="2" name="Titel 1"/></p:nvSpPr><p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="de-DE"/>'
        "<a:t>Görlitz und seine Part</a:t></a:r><a:r><a:t>nerstädte</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>\n"
        f'<?xml version="1.0" encoding="UTF-8"?>\n<!-- ppt/slides/slide2.xml -->\n<p:sld {ns}><p:cSld><p:spTree><a:tbl>'
        "<a:tr><a:tc><a:txBody><a:p><a:r><a:t>Amiens</a:t></a:r></a:p></a:txBody></a:tc>"
        "<a:tc><a:txBody><a:p><a:r><a:t>1971</a:t></a:r></a:p></a:txBody></a:tc></a:tr>"
        "</a:tbl></p:spTree></p:cSld></p:sld>\n", encoding="utf-8")
    assert extract_document(saved).text == "Görlitz und seine Partnerstädte\n\nAmiens | 1971"


def test_a_page_builders_leaked_shortcodes_go_and_its_html_reads_as_headings_and_paragraphs(tmp_path):
    saved = tmp_path / "seite.txt"
    saved.write_text(
        '[vc_row full_width="stretch_row"][vc_column width="2/3"][vc_column_text css_animation="fadeIn"]\n'
        "<h2>Partnerstädte der Stadt Erlangen</h2>\nErlangen pflegt Beziehungen.\n[/vc_column_text][vc_column_text]\n"
        "<h3>Rennes (Frankreich) – 1964</h3>\nDie Jumelage wurde <strong>1964</strong> besiegelt.\n"
        "[/vc_column_text][/vc_column][/vc_row]\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Partnerstädte der Stadt Erlangen\n\nErlangen pflegt Beziehungen.\n\n"
        "Rennes (Frankreich) – 1964\n\nDie Jumelage wurde 1964 besiegelt.")


def test_a_forum_posts_bbcode_reads_as_its_lists_tables_and_quotes(tmp_path):
    saved = tmp_path / "forum.txt"
    saved.write_text(
        "[b]Beitrag von Grenzgaenger66[/b]\nWas ich habe:\n[list]\n[*][b]Saarbrücken[/b]: Nantes (1965), Tiflis (1975)\n"
        "[*][b]Homburg[/b]: La Baule\n[/list]\n[quote=\"Lisdorfer_Au\"]\nSaarlouis – Saint-Nazaire wurde [i]1971[/i] unterzeichnet.\n"
        "[/quote]\n[table]\n[tr][td][b]Stadt[/b][/td][td]seit[/td][/tr]\n[tr][td]Pirmasens[/td][td]1965[/td][/tr]\n[/table]\n"
        "Quelle: [url=https://example.org]Stadt Zweibrücken[/url] & Co.[img]https://example.org/a.png[/img]\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Beitrag von Grenzgaenger66\nWas ich habe:\n- Saarbrücken: Nantes (1965), Tiflis (1975)\n- Homburg: La Baule\n\n"
        "Lisdorfer_Au schrieb:\n\nSaarlouis – Saint-Nazaire wurde 1971 unterzeichnet.\n\n"
        "Stadt | seit\nPirmasens | 1965\n\nQuelle: Stadt Zweibrücken & Co.")


def test_markdowns_strong_marks_links_and_images_read_as_the_rendered_words(tmp_path):
    saved = tmp_path / "liste.md"
    saved.write_text(
        "![Karte](img/karte.png)\n- **Kadıköy** (Istanbul) – seit 1996, siehe [Bezirksamt](https://example.org/ba)\n"
        "- Felder: [__.__.____], Aufruf: if __name__ == 2 ** 3\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "- Kadıköy (Istanbul) – seit 1996, siehe Bezirksamt\n- Felder: [__.__.____], Aufruf: if __name__ == 2 ** 3")


def test_a_marp_decks_directives_and_layout_go_and_its_speaker_notes_stay(tmp_path):
    saved = tmp_path / "deck.md"
    saved.write_text(
        "---\nmarp: true\ntheme: gaia\n---\n\n<!-- _class: lead -->\n\n# Die Städte\n\n<div class=\"columns\">\n<div>\n\n"
        "- **Landau in der Pfalz – Ruhango**\n  Partnerschaft seit 1983\n\n</div>\n</div>\n\n"
        "<!-- Mayen: 1993 erste Vereinbarung. -->\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "theme: gaia\n\n# Die Städte\n\n- Landau in der Pfalz – Ruhango\n  Partnerschaft seit 1983\n\n"
        "Mayen: 1993 erste Vereinbarung.")


def test_rdf_xml_reads_as_each_resource_under_its_german_label_and_a_table_per_type(tmp_path):
    saved = tmp_path / "partner.rdf"
    saved.write_text(
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#" xmlns:owl="http://www.w3.org/2002/07/owl#" xmlns:kp="urn:kp#">'
        '<rdf:Description rdf:about="urn:trier"><rdfs:label xml:lang="fr">Trèves</rdfs:label>'
        '<rdfs:label xml:lang="de">Trier</rdfs:label><owl:sameAs rdf:resource="http://sws.geonames.org/2821164/"/>'
        '<kp:hatPartnerschaft rdf:resource="urn:p1"/></rdf:Description>'
        '<rdf:Description rdf:about="urn:p1"><rdf:type rdf:resource="urn:kp#Staedtepartnerschaft"/>'
        '<kp:partner><rdf:Description rdf:about="urn:gloucester"><rdfs:label>Gloucester</rdfs:label></rdf:Description>'
        '</kp:partner><kp:beginn>1957</kp:beginn></rdf:Description>'
        '<rdf:Description rdf:about="urn:p2"><rdf:type rdf:resource="urn:kp#Staedtepartnerschaft"/>'
        '<kp:partner rdf:resource="urn:gloucester"/><kp:beginn>1958</kp:beginn></rdf:Description></rdf:RDF>',
        encoding="utf-8")
    assert extract_document(saved).text == (
        "Trier\n\n| type | partner | beginn |\n| Städtepartnerschaft | Gloucester | 1957 |\n"
        "| Städtepartnerschaft | Gloucester | 1958 |")


def test_a_git_log_reads_as_its_commit_messages_with_list_items_kept_apart(tmp_path):
    saved = tmp_path / "log.txt"
    saved.write_text(
        "$ git log -- daten/partnerschaften.csv\n\n"
        "commit 9f3c2a71e0b84d5c1f6a2e9d07b3c84e51a6f2d0\nAuthor: Lena Hoffmeister <l.h@example.org>\n"
        "Date:   2024-03-11 16:42:09 +0100\n\n    Bochum: Sheffield (1950), Donezk (1987)\n\n"
        "    Die Städtepartnerschaft Bochum–Donezk ruht seit 2014,\n    besteht formal aber fort.\n\n"
        "commit 4b17e0c9a2d35f8e61c0b7a9d2e4f3a18c5d6e70\nMerge: 1a2b3c4 5d6e7f8\nAuthor: Tarek Aydın <t.a@example.org>\n"
        "Date:   2024-02-27 09:15:33 +0100\n\n    Aachen: Beschreibungstexte\n\n    - Reims (1967): Aussöhnung,\n"
        "      begründet 1967\n    - Halifax (1979)\n\ndiff --git a/x.csv b/x.csv\n+Aachen;Reims\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "$ git log -- daten/partnerschaften.csv\n\nBochum: Sheffield (1950), Donezk (1987)\n\n"
        "Die Städtepartnerschaft Bochum–Donezk ruht seit 2014, besteht formal aber fort.\n\n"
        "Aachen: Beschreibungstexte\n\n- Reims (1967): Aussöhnung, begründet 1967\n- Halifax (1979)")


def test_a_git_log_with_patches_adds_each_files_newest_lines_under_the_message(tmp_path):
    saved = tmp_path / "log.txt"
    saved.write_text(
        "commit 9f4c2b7e1a0d3c55e8b6f0a91d2c4e7b3a8f1c02\nAuthor: Sabine Mertens <s.m@example.org>\n"
        "Date:   Tue Feb 18 16:42:10 2025 +0100\n\n    Rouen: Gründungsjahr korrigiert\n\n"
        "diff --git a/rouen.md b/rouen.md\nindex 3b1e0a4..8c2d9f1 100644\n--- a/rouen.md\n+++ b/rouen.md\n"
        "@@ -1,3 +1,3 @@\n Rouen liegt an der Seine.\n-Partnerstadt Hannovers seit 1965.\n+Partnerstadt Hannovers seit 1966.\n\n"
        "commit 4e7a91c0b2d8f3e6a5c1b9d04f2e8a7c6b3d5e19\nAuthor: Jan Köhler <j.k@example.org>\n"
        "Date:   Mon Feb 10 09:15:33 2025 +0100\n\n    Rouen-Seite angelegt\n\n"
        "diff --git a/rouen.md b/rouen.md\nnew file mode 100644\n--- /dev/null\n+++ b/rouen.md\n"
        "@@ -0,0 +1,2 @@\n+Rouen liegt an der Seine.\n+Partnerstadt Hannovers seit 1965.\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Rouen: Gründungsjahr korrigiert\n\nRouen liegt an der Seine.\nPartnerstadt Hannovers seit 1966.\n\n"
        "Rouen-Seite angelegt")


def test_semicolon_separated_rows_read_as_rows_between_bars(tmp_path):
    saved = tmp_path / "empfaenger.txt"
    saved.write_text(
        "Datenquelle (Semikolon-getrennt):\nAnrede;Vorname;Stadt;Partnerstadt;Seit\n"
        "Frau;Sabine;Landeshauptstadt Hannover;\"Blantyre; Malawi\";1968\nHerr;Malte;Stadt Göttingen;Pau;1982\n\n"
        "Hinweis: Celle; nur Pressekontakt; keine Partnerstadt.\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Datenquelle (Semikolon-getrennt):\nAnrede | Vorname | Stadt | Partnerstadt | Seit\n"
        "Frau | Sabine | Landeshauptstadt Hannover | Blantyre; Malawi | 1968\nHerr | Malte | Stadt Göttingen | Pau | 1982\n\n"
        "Hinweis: Celle; nur Pressekontakt; keine Partnerstadt.")


def test_comma_separated_rows_read_as_rows_between_bars_but_prose_and_decimals_do_not(tmp_path):
    saved = tmp_path / "export.txt"
    saved.write_text(
        "Deutsche Kommune,Ukrainische Kommune,Art,Seit,Bemerkung\nMünchen,Kiew,Städtepartnerschaft,1989,\n"
        "Würzburg,Lemberg,Städtepartnerschaft,2008,\"identisch mit Lwiw, andere Schreibweise\"\n"
        "Nürnberg,Charkiw,Städtepartnerschaft,1990,\nKassel,Winnyzja,Solidaritätspartnerschaft,2022,\n\n"
        "Wir fuhren nach Kiew, Lemberg, Charkiw und Odessa.\nZuschuss 9.000,00  12.000,00  2.500,00\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Deutsche Kommune | Ukrainische Kommune | Art | Seit | Bemerkung\nMünchen | Kiew | Städtepartnerschaft | 1989 |\n"
        "Würzburg | Lemberg | Städtepartnerschaft | 2008 | identisch mit Lwiw, andere Schreibweise\n"
        "Nürnberg | Charkiw | Städtepartnerschaft | 1990 |\nKassel | Winnyzja | Solidaritätspartnerschaft | 2022 |\n\n"
        "Wir fuhren nach Kiew, Lemberg, Charkiw und Odessa.\nZuschuss 9.000,00  12.000,00  2.500,00")


def test_an_rtf_file_reads_as_its_paragraphs_with_escaped_letters_and_tabbed_rows(tmp_path):
    saved = tmp_path / "broschuere.rtf"
    saved.write_text(
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fnil Calibri;}}{\\colortbl ;\\red0\\green51\\blue102;}\n"
        "{\\*\\generator Riched20 10.0}\\uc1\\pard\\b Flensburg und seine Partnerst\\'e4dte\\b0\\par\n"
        "Seit 1988 ist Flensburg mit S\\u322?upsk verbunden \\endash  eine Br\\'fccke.\\par\n"
        "Stadt\\tab seit\\par Carlisle\\tab 1961\\par}\n", encoding="ascii")
    assert extract_document(saved).text == (
        "Flensburg und seine Partnerstädte\n\nSeit 1988 ist Flensburg mit Słupsk verbunden – eine Brücke.\n\n"
        "Stadt | seit\nCarlisle | 1961")


def test_a_word_documents_xml_reads_as_paragraphs_with_split_runs_joined_and_tabs_as_cells(tmp_path):
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    saved = tmp_path / "document.xml"
    saved.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>'
        "<w:p><w:pPr><w:pStyle w:val=\"Titel\"/></w:pPr><w:r><w:t>Potsdam – Partner</w:t></w:r><w:r><w:t>städte</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Stadt</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>seit</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Op</w:t></w:r><w:r><w:t>ole</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>1973</w:t></w:r></w:p>"
        "<w:p><w:r><w:t xml:space=\"preserve\">Mit Perugia seit </w:t></w:r><w:del><w:r><w:delText>1989</w:delText></w:r></w:del>"
        "<w:r><w:t>1990.</w:t></w:r></w:p></w:body></w:document>", encoding="utf-8")
    assert extract_document(saved).text == "Potsdam – Partnerstädte\n\nStadt | seit\nOpole | 1973\n\nMit Perugia seit 1990."


def test_opendocument_and_spreadsheetml_tables_read_as_rows_between_bars(tmp_path):
    odt = tmp_path / "content.xml"
    odt.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text>'
        "<text:h>Landkreis Oder-Spree</text:h><table:table><table:table-row><table:table-cell><text:p>Partner</text:p>"
        "</table:table-cell><table:table-cell><text:p>Vertrag</text:p></table:table-cell></table:table-row><table:table-row>"
        "<table:table-cell><text:p>Powiat <text:span>Słubicki</text:span></text:p></table:table-cell>"
        "<table:table-cell><text:p>1998</text:p></table:table-cell></table:table-row></table:table>"
        "</office:text></office:body></office:document-content>", encoding="utf-8")
    assert extract_document(odt).text == "Landkreis Oder-Spree\n\nPartner | Vertrag\nPowiat Słubicki | 1998"
    workbook = tmp_path / "partner.xml"
    workbook.write_text(
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
        "<DocumentProperties xmlns=\"urn:schemas-microsoft-com:office:office\"><Author>SG 11</Author></DocumentProperties>"
        '<Worksheet ss:Name="Partner"><Table><Row><Cell><Data ss:Type="String">Gemeinde</Data></Cell>'
        '<Cell><Data ss:Type="String">Partner</Data></Cell></Row><Row><Cell><Data ss:Type="String">Hirschaid</Data></Cell>'
        '<Cell><Data ss:Type="String">Zbąszyń</Data></Cell></Row></Table></Worksheet></Workbook>', encoding="utf-8")
    assert extract_document(workbook).text == "Gemeinde | Partner\nHirschaid | Zbąszyń"


def test_ocr_pages_read_as_lines_with_words_split_across_lines_joined(tmp_path):
    alto = tmp_path / "seite11.xml"
    alto.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Layout><Page>'
        "<PrintSpace><TextBlock><TextLine><String CONTENT=\"Die\"/><SP/><String CONTENT=\"Städte\" SUBS_TYPE=\"HypPart1\" "
        "SUBS_CONTENT=\"Städtepartnerschaft\"/><HYP CONTENT=\"-\"/></TextLine><TextLine><String CONTENT=\"partnerschaft\" "
        "SUBS_TYPE=\"HypPart2\" SUBS_CONTENT=\"Städtepartnerschaft\"/><SP/><String CONTENT=\"mit\"/><SP/>"
        "<String CONTENT=\"Pori\"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>", encoding="utf-8")
    assert extract_document(alto).text == "Die Städtepartnerschaft\nmit Pori"
    hocr = tmp_path / "s048.html"
    hocr.write_text(
        '<html><head><meta name="ocr-system" content="tesseract 5.3.0"/></head><body><div class="ocr_page">'
        '<p class="ocr_par"><span class="ocr_line"><span class="ocrx_word">6.4</span> <span class="ocrx_word">Die</span> '
        '<span class="ocrx_word">Partnerstädte</span></span><span class="ocr_line"><span class="ocrx_word">Seit</span> '
        '<span class="ocrx_word">1974</span> <span class="ocrx_word">mit</span> <span class="ocrx_word">Lipezk</span> '
        '<span class="ocrx_word">ver-</span></span><span class="ocr_line"><span class="ocrx_word">bunden.</span></span></p>'
        "</div></body></html>", encoding="utf-8")
    assert extract_document(hocr).text == "6.4 Die Partnerstädte\nSeit 1974 mit Lipezk verbunden."


def test_a_page_that_shows_its_content_only_by_script_reads_as_the_scripts_data(tmp_path):
    page = tmp_path / "partnerstaedte.html"
    data = {"props": {"pageProps": {"page": {"title": "Partnerstädte der Landeshauptstadt Kiel", "blocks": [
        {"city": "Coventry", "since": 1947, "text": "Die Verbindung entstand 1947 aus dem Willen zur Versöhnung."},
        {"city": "Brest", "since": 1964, "text": "Hafenstadt in der Bretagne, Partner seit 1964."}]}}}}
    page.write_text(
        '<!DOCTYPE html><html lang="de"><head><title>Partnerstädte</title></head><body><div id="__next"></div>'
        f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data, ensure_ascii=False)}</script></body></html>',
        encoding="utf-8")
    assert extract_document(page).text == (
        "title: Partnerstädte der Landeshauptstadt Kiel\n\nBlocks\n| city | since | text |\n"
        "| Coventry | 1947 | Die Verbindung entstand 1947 aus dem Willen zur Versöhnung. |\n"
        "| Brest | 1964 | Hafenstadt in der Bretagne, Partner seit 1964. |")


def test_utf8_once_read_as_windows_1252_is_repaired_and_real_letters_are_left_alone(tmp_path):
    garbled = tmp_path / "pm.txt"
    garbled.write_text("â€žPartnerschaften lebenâ€œ â€“ Halle unterhÃ¤lt StÃ¤dtepartnerschaften mit fÃ¼nf StÃ¤dten.\n",
                       encoding="utf-8")
    assert extract_document(garbled).text == "„Partnerschaften leben“ – Halle unterhält Städtepartnerschaften mit fünf Städten."
    czech = tmp_path / "kalender.txt"
    czech.write_text("Gäste aus Úštěk, Úštěk und Úštěk; SÃO PAULO.\n", encoding="utf-8")
    assert extract_document(czech).text == "Gäste aus Úštěk, Úštěk und Úštěk; SÃO PAULO."


def test_a_notebook_reads_as_its_text_its_comments_and_its_printed_tables(tmp_path):
    notebook = tmp_path / "sachsen.ipynb"
    notebook.write_text(json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "markdown", "source": ["# Partnerschaften in Sachsen\n", "Eigene Zusammenstellung."]},
        {"cell_type": "code", "source": "import pandas as pd\n# Hochschulpartnerschaften herausgefiltert\ndf", "outputs": [
            {"output_type": "execute_result", "data": {
                "text/plain": "stadt partner\n0 Dresden Coventry",
                "text/html": "<table><thead><tr><th></th><th>stadt</th><th>partner</th></tr></thead>"
                             "<tbody><tr><th>0</th><td>Dresden</td><td>Coventry</td></tr></tbody></table>"}}]}]}),
        encoding="utf-8")
    assert extract_document(notebook).text == (
        "# Partnerschaften in Sachsen\nEigene Zusammenstellung.\n\nHochschulpartnerschaften herausgefiltert\n\n"
        "stadt | partner\nDresden | Coventry")


def test_a_mermaid_flowchart_reads_as_a_table_of_its_edges_without_crossed_out_links(tmp_path):
    chart = tmp_path / "hanse.mmd"
    chart.write_text(
        "%% Hanse-Netzwerk\ngraph LR\n    HL[Lübeck]\n    KLP[Klaipėda]\n    HWI[Wismar]\n"
        "    HL -- \"Partnerschaft 1993\" --- KLP\n    HL -. \"Städtefreundschaft 1987\" .- HWI\n"
        "    HH[Hamburg] -->|1958| MRS(Marseille)\n    HL --x|\"Gespräche 2011\"| NOV[Nowgorod]\n", encoding="utf-8")
    assert extract_document(chart).text == (
        "Hanse-Netzwerk\n\nLübeck | Klaipėda | Partnerschaft 1993\nLübeck | Wismar | Städtefreundschaft 1987\n"
        "Hamburg | Marseille | 1958")


def test_a_map_places_name_repeated_in_its_description_is_read_once(tmp_path):
    kml = tmp_path / "karte.kml"
    kml.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
        "<name>Partnerstädte der Hansestadt Lüneburg</name><Style id=\"p\"><IconStyle><color>ff2f5fd0</color></IconStyle></Style>"
        "<Folder><name>Partnerstädte</name><Placemark><name>Viborg</name><styleUrl>#p</styleUrl>"
        "<description><![CDATA[<b>Viborg</b> (Dänemark)<br/>Partnerstadt seit 1982.]]></description>"
        "<Point><coordinates>9.4018,56.4532,0</coordinates></Point></Placemark></Folder></Document></kml>", encoding="utf-8")
    assert extract_document(kml).text == (
        "Partnerstädte der Hansestadt Lüneburg\n\nPartnerstädte\n\nViborg (Dänemark)\nPartnerstadt seit 1982.")


def test_a_web_table_pasted_a_cell_per_line_reads_as_rows_between_bars(tmp_path):
    pasted = tmp_path / "saarland.txt"
    pasted.write_text(
        "Kommunale Partnerschaften im Saarland\n\nDie folgende Tabelle gibt eine Auswahl wieder.\n\n"
        "Kommune\nPartnerkommune\nArt\nseit\nSaarbrücken\nNantes\nPartnerschaft\n1965\nSaarlouis\nSaint-Nazaire\n"
        "Partnerschaft\n1969\nVölklingen\nVandœuvre-lès-Nancy\nPartnerschaft\n'92\nDillingen/Saar\nHayange\nPartnerschaft\n"
        "1963/1990\n\n> Von: Büro\n> Gesendet: Freitag, 12. Januar 2024\n> An: Sue\n> Betreff: Besuch 2024\n"
        "> Cc: Verein\n> Datum: 2024\n> Sue\n> 2024\n> Hallo\n> Gruß\n> Ende\n> 2023\n", encoding="utf-8")
    assert extract_document(pasted).text.split("\n\n")[2:] == [
        "Kommune | Partnerkommune | Art | seit\nSaarbrücken | Nantes | Partnerschaft | 1965\n"
        "Saarlouis | Saint-Nazaire | Partnerschaft | 1969\nVölklingen | Vandœuvre-lès-Nancy | Partnerschaft | '92\n"
        "Dillingen/Saar | Hayange | Partnerschaft | 1963/1990",
        "Von: Büro\nGesendet: Freitag, 12. Januar 2024\nAn: Sue\nBetreff: Besuch 2024\nCc: Verein\nDatum: 2024\n"
        "Sue\n2024\nHallo\nGruß\nEnde\n2023"]  # a quoted mail: its lines as they are, no table's cells


def test_a_csv_export_whose_quoted_remarks_run_over_several_lines_reads_a_record_per_row(tmp_path):
    export = tmp_path / "kreise.csv"
    export.write_text(
        '"kreis";"partner";"jahr";"bemerkungen"\n'
        '"Kreis Warendorf";"Powiat Lubliniecki";"2001";"Partnerschaftsvertrag unterzeichnet in Lubliniec.\n'
        'Jährliche Jugendbegegnungen im Wechsel zwischen Warendorf und Lubliniec; die Partnerschaft soll\n'
        'ausdrücklich zur Versöhnung beitragen."\n'
        '"Kreis Viersen";"Kreis Spišská Nová Ves";"2004";"2011 erneuert"\n', encoding="utf-8")
    assert extract_document(export).text == (
        "kreis | partner | jahr | bemerkungen\n"
        "Kreis Warendorf | Powiat Lubliniecki | 2001 | Partnerschaftsvertrag unterzeichnet in Lubliniec. Jährliche "
        "Jugendbegegnungen im Wechsel zwischen Warendorf und Lubliniec; die Partnerschaft soll ausdrücklich zur Versöhnung "
        "beitragen.\nKreis Viersen | Kreis Spišská Nová Ves | 2004 | 2011 erneuert")


def test_a_table_cell_spanning_rows_names_its_town_in_each_row(tmp_path):
    page = tmp_path / "vg.html"
    page.write_text(
        "<html><head><title>Partnerschaften in der Verbandsgemeinde Nieder-Olm</title></head><body><main>"
        "<h1>Partnerschaften in der Verbandsgemeinde Nieder-Olm</h1><p>Viele unserer Ortsgemeinden sind seit Jahrzehnten "
        "mit Gemeinden in Frankreich verbunden.</p><table><thead><tr><th>Ortsgemeinde</th><th>Partnergemeinde</th>"
        "<th>seit</th></tr></thead><tbody><tr><td rowspan=\"2\">Stadt Nieder-Olm</td><td>Chalonnes-sur-Loire</td>"
        "<td>1972</td></tr><tr><td>Kahla</td><td>1990</td></tr><tr><td>Zornheim</td><td>Bourgueil</td><td>1976</td></tr>"
        "</tbody></table></main></body></html>", encoding="utf-8")
    assert "Ortsgemeinde | Partnergemeinde | seit\nStadt Nieder-Olm | Chalonnes-sur-Loire | 1972\n" \
           "Stadt Nieder-Olm | Kahla | 1990\nZornheim | Bourgueil | 1976" in extract_document(page).text


def test_a_text_browser_dump_reads_without_link_numbers_link_list_or_indentation(tmp_path):
    dump = tmp_path / "leipzig.txt"
    dump.write_text(
        "   [1]Direkt zum Inhalt\n\n     * [2]Internationales\n          + [3]Partnerstädte\n\nPartnerstädte\n\n"
        "  [4]Kiew (Ukraine)\n\n   Die älteste Partnerschaft Leipzigs besteht seit 1961.\n\n"
        "References\n\n   1. https://www.leipzig.de/#content\n   2. https://www.leipzig.de/internationales\n"
        "   3. https://www.leipzig.de/internationales/partnerstaedte\n   4. https://www.leipzig.de/kiew\n", encoding="utf-8")
    assert extract_document(dump).text == (
        "Direkt zum Inhalt\n\n* Internationales\n* Partnerstädte\n\nPartnerstädte\n\nKiew (Ukraine)\n\n"
        "Die älteste Partnerschaft Leipzigs besteht seit 1961.")


def test_a_language_file_reads_its_numbered_keys_as_a_table_with_escapes_undone(tmp_path):
    properties = tmp_path / "partner_de.properties"
    properties.write_text(
        "# Partnerst\\u00e4dte der Landeshauptstadt Schwerin\n\n"
        "page.intro=Schwerin ist mit f\\u00fcnf St\\u00e4dten \\\n  partnerschaftlich verbunden.\n"
        "partner.1.name=Odense\npartner.1.since=1965\n# Reihenfolge nach Jahr\npartner.2.name=P\\u00e4rnu\n"
        "partner.2.since=1993\nlabel.back=Zur\\u00fcck\n", encoding="latin-1")
    assert extract_document(properties).text == (
        "Partnerstädte der Landeshauptstadt Schwerin\n\nintro: Schwerin ist mit fünf Städten partnerschaftlich verbunden.\n"
        "back: Zurück\n\nPartner\n| name | since |\n| Odense | 1965 |\n| Pärnu | 1993 |")


def test_a_static_site_page_reads_its_front_matter_as_data_and_its_shortcodes_as_headings(tmp_path):
    page = tmp_path / "partnerstaedte.md"
    page.write_text(
        '---\ntitle: "Partnerstädte der Landeshauptstadt Kiel"\ndate: 2024-02-19\nweight: 40\npartner:\n'
        '  - name: "Brest"\n    seit: 1964\n  - name: "Vaasa"\n    seit: 1967\ntags: ["Ostsee"]\n---\n\n'
        'Kiel pflegt Städtepartnerschaften.\n\n{{< partner name="Brest" flag="fr" >}}\nSeit 1964 verbindet Kiel eine '
        'Jumelage mit Brest.\n{{< /partner >}}\n{% include footer.html %}\n', encoding="utf-8")
    assert extract_document(page).text == (
        "title: Partnerstädte der Landeshauptstadt Kiel\n\nPartner\n| name | seit |\n| Brest | 1964 |\n| Vaasa | 1967 |\n\n"
        "Kiel pflegt Städtepartnerschaften.\n\nBrest\nSeit 1964 verbindet Kiel eine Jumelage mit Brest.")


def test_wiki_source_reads_its_table_as_rows_and_its_infobox_as_fields_without_footnotes(tmp_path):
    source = tmp_path / "rostock.wiki"
    source.write_text(
        "{{Infobox Liste\n| Titel = Partnerstädte Rostocks\n| Bild = Rathaus.jpg\n}}\n"
        "Rostock unterhält Partnerschaften.<ref name=\"a\">{{Internetquelle |url=https://rostock.de |titel=Partner}}</ref>\n\n"
        "== Partnerstädte ==\n{| class=\"wikitable sortable\"\n|-\n! Stadt !! seit !! class=\"unsortable\" | Bemerkung\n|-\n"
        "| Stettin || {{Flagicon|POL}} 1957 || älteste\n|-\n| Turku\n| 1959\n|\n|}\n\n[[Kategorie:Rostock]]\n", encoding="utf-8")
    assert extract_document(source).text == (
        "Titel: Partnerstädte Rostocks\n\nRostock unterhält Partnerschaften.\n\n== Partnerstädte ==\n"
        "Stadt | seit | Bemerkung\nStettin | 1957 | älteste\nTurku | 1959 |")


def test_a_chat_log_reads_as_one_paragraph_per_message_without_times_or_notices(tmp_path):
    log = tmp_path / "matrix.txt"
    log.write_text(
        "Matrix-Raum #partner – Export\n[19:01:12] * lena_k (@lena_k:matrix.org) joined the room\n"
        "[19:02:03] <bernd_do> ich hab Dortmund fertig: Amiens 1960, Leeds 1969\n[19:02:30] <lena_k> Leeds wirklich?\n"
        "[19:03:41] <hoppe> Leeds ist mit Lille verschwistert\n[19:05:11] * hoppe has quit (Ping timeout)\n"
        "[19:06:39] <mira> Gelsenkirchen – Newcastle upon Tyne, 1948\n[19:07:10] <@lena_k> danke\n"
        "noch eine Zeile dazu\n", encoding="utf-8")
    assert extract_document(log).text == (
        "Matrix-Raum #partner – Export\n\nbernd_do: ich hab Dortmund fertig: Amiens 1960, Leeds 1969\n\n"
        "lena_k: Leeds wirklich?\n\nhoppe: Leeds ist mit Lille verschwistert\n\n"
        "mira: Gelsenkirchen – Newcastle upon Tyne, 1948\n\nlena_k: danke\nnoch eine Zeile dazu")


def test_a_markdown_task_lists_boxes_are_dropped_from_its_items(tmp_path):
    issue = tmp_path / "issue.md"
    issue.write_text("# Partnerstädte Münster\n\n- [x] York (GB) – 1957\n- [ ] Lublin (PL) – 1991\n", encoding="utf-8")
    assert extract_document(issue).text == "# Partnerstädte Münster\n\n- York (GB) – 1957\n- Lublin (PL) – 1991"


def test_an_import_log_reads_its_record_fields_as_table_rows_without_times_or_stack_traces(tmp_path):
    log = tmp_path / "import.log"
    log.write_text(
        "2024-10-08 02:00:01,114 INFO  [main] de.hh.ImportJob - Starting import run #1187 (mode=FULL)\n"
        "2024-10-08 02:00:01,733 INFO  [pool-2] de.hh.RecordMapper - row 2: city_a=Hamburg city_b=\"St. Petersburg\" since=1957\n"
        "2024-10-08 02:00:01,734 WARN  [pool-2] de.hh.RecordMapper - row 2: status=RUHT (Senatsbeschluss 2022)\n"
        "2024-10-08 02:00:01,790 INFO  [pool-2] de.hh.RecordMapper - row 3: city_a=Hamburg city_b=Marseille since=1958\n"
        "2024-10-08 02:00:32,470 ERROR [main] de.hh.Repository - upsert failed, retrying (1/3)\n"
        "org.postgresql.util.PSQLException: Connection refused.\n\tat org.postgresql.Driver.connect(Driver.java:342)\n"
        "2024-10-08 02:01:02,511 INFO  [main] de.hh.ImportJob - 2 records imported\n", encoding="utf-8")
    assert extract_document(log).text == (
        "Starting import run #1187 (mode=FULL)\n\n"
        "| city_a | city_b | since | status | note |\n| Hamburg | St. Petersburg | 1957 | RUHT | (Senatsbeschluss 2022) |\n"
        "| Hamburg | Marseille | 1958 |  |  |\n\nupsert failed, retrying (1/3)\n\n2 records imported")


def test_a_printed_tibble_reads_as_rows_between_bars_cut_at_its_type_marks(tmp_path):
    console = tmp_path / "auswertung.txt"
    console.write_text(
        "> partner_bb |> print(n = 3)\n# A tibble: 14 × 4\n   stadt              partner        land   seit\n"
        "   <chr>              <chr>          <chr> <int>\n 1 Brandenburg an d…  Ivry-sur-Seine FR     1963\n"
        " 2 Fürstenwalde/Spree Choszczno      PL     1998\n 3 Senftenberg        Nowa Sól       PL       NA\n"
        "# ℹ 11 more rows\n", encoding="utf-8")
    assert extract_document(console).text == (
        "> partner_bb |> print(n = 3)\nstadt | partner | land | seit\nBrandenburg an d… | Ivry-sur-Seine | FR | 1963\n"
        "Fürstenwalde/Spree | Choszczno | PL | 1998\nSenftenberg | Nowa Sól | PL | NA")


def test_what_a_time_element_shows_is_read_with_its_sentence(tmp_path):
    page = tmp_path / "kempten.html"
    page.write_text(
        "<html><head><title>Partnerstädte</title></head><body><main><h1>Unsere Partnerstädte</h1>"
        "<p>Kempten pflegt Städtepartnerschaften mit vier Städten in Europa; die Partnerschaften werden von Freundeskreisen "
        "getragen und vom Referat für Internationales koordiniert, das auch Schulen und Vereine berät.</p><ul>"
        '<li itemscope><span itemprop="name">Quiberon</span>, FR – Partnerschaft seit <time datetime="1967">1967</time></li>'
        '<li itemscope><span itemprop="name">Sligo</span>, IE – Partnerschaft seit <time datetime="2003">2003</time></li>'
        "</ul></main></body></html>", encoding="utf-8")
    text = extract_document(page).text
    assert "Quiberon, FR – Partnerschaft seit 1967" in text and "Sligo, IE – Partnerschaft seit 2003" in text


def test_a_language_files_escaped_emoji_reads_as_one_character(tmp_path):
    properties = tmp_path / "app_de.properties"
    properties.write_text(
        "app.title=Partnerst\\u00e4dte\npartner.1.name=Opole\npartner.1.note=Gr\\u00fc\\u00dfe \\ud83d\\ude00\n"
        "partner.2.name=Vaasa\npartner.2.note=kaputt \\ud83d\n", encoding="latin-1")
    text = extract_document(properties).text
    assert "| Opole | Grüße 😀 |" in text and "| Vaasa | kaputt \ufffd |" in text


def test_an_sms_backup_whose_text_is_in_attributes_reads_as_its_messages(tmp_path):
    saved = tmp_path / "sms.xml"
    saved.write_text(
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"2\">\n"
        '<sms protocol="0" address="+4917012345671" date="1717309530000" type="1" subject="null" '
        'body="Die Partnerschaftsurkunde zwischen der Verbandsgemeinde und Pontch&#226;teau vom 9. Juni 1984 nehmen wir '
        'nur als Kopie mit.&#10;Liebe Gr&#252;&#223;e" read="1" readable_date="02.06.2024 08:25:30" contact_name="Brigitte He&#223;" />\n'
        '<sms protocol="0" address="+4915209876543" date="1717312600000" type="2" subject="null" body="Ja, alle 12 bei '
        'Gastfamilien. Danke dir!" readable_date="02.06.2024 09:16:40" contact_name="J&#252;rgen Wenz" />\n</smses>',
        encoding="utf-8")
    assert extract_document(saved).text == (
        "Readable date: 02.06.2024 08:25:30\nContact name: Brigitte Heß\nDie Partnerschaftsurkunde zwischen der "
        "Verbandsgemeinde und Pontchâteau vom 9. Juni 1984 nehmen wir nur als Kopie mit.\nLiebe Grüße\n\n"
        "Body: Ja, alle 12 bei Gastfamilien. Danke dir!\nReadable date: 02.06.2024 09:16:40\nContact name: Jürgen Wenz")


def test_a_list_exported_with_its_fields_as_attributes_reads_as_a_table(tmp_path):
    saved = tmp_path / "liste.xml"
    saved.write_text(
        '<xml xmlns:rs="urn:schemas-microsoft-com:rowset" xmlns:z="#RowsetSchema"><rs:data ItemCount="3">'
        '<z:row ows_ID="1" ows_Title="Tours" ows_Partnerseit="1962" ows_Land="Frankreich"/>'
        '<z:row ows_ID="2" ows_Title="Sibiu" ows_Partnerseit="1991" ows_Land="Rumänien"/>'
        '<z:row ows_ID="3" ows_Title="Durham" ows_Partnerseit="1985" ows_Land="USA"/></rs:data></xml>', encoding="utf-8")
    assert extract_document(saved).text == (
        "| Title | Partnerseit | Land |\n| Tours | 1962 | Frankreich |\n| Sibiu | 1991 | Rumänien |\n| Durham | 1985 | USA |")


def test_a_cms_rich_text_field_reads_as_paragraphs_with_split_text_nodes_joined_and_its_table_as_rows(tmp_path):
    def text(value, bold=False):
        return {"nodeType": "text", "value": value, "marks": [{"type": "bold"}] if bold else [], "data": {}}

    def cell(value):
        return {"nodeType": "table-cell", "content": [{"nodeType": "paragraph", "content": [text(value)]}]}

    entry = {"sys": {"id": "4xKp2Wd9", "type": "Entry"}, "fields": {"titel": "Partnerstädte der Stadt Cottbus", "inhalt": {
        "nodeType": "document", "data": {}, "content": [
            {"nodeType": "heading-2", "content": [text("Cottbus in Europa")]},
            {"nodeType": "paragraph", "content": [text("Seit 1959 verbindet Cottbus eine Partnerschaft mit "),
                                                  text("Montreuil", bold=True), text(" bei Paris; seit 1974 mit Lipezk verbun"),
                                                  text("den.")]},
            {"nodeType": "table", "content": [{"nodeType": "table-row", "content": [cell("Partnerstadt"), cell("seit")]},
                                              {"nodeType": "table-row", "content": [cell("Zielona Góra"), cell("1975")]}]},
            {"nodeType": "unordered-list", "content": [{"nodeType": "list-item", "content": [
                {"nodeType": "paragraph", "content": [text("Grosseto (1995)")]}]}]}]}}}
    saved = tmp_path / "entry.json"
    saved.write_text(json.dumps(entry, ensure_ascii=False, indent=1), encoding="utf-8")
    assert extract_document(saved).text == (
        "id: 4xKp2Wd9\ntype: Entry\ntitel: Partnerstädte der Stadt Cottbus\n\nCottbus in Europa\n\n"
        "Seit 1959 verbindet Cottbus eine Partnerschaft mit Montreuil bei Paris; seit 1974 mit Lipezk verbunden.\n\n"
        "Partnerstadt | seit\nZielona Góra | 1975\n\n- Grosseto (1995)")


def test_a_workbooks_parts_printed_one_after_another_read_as_its_sheet_with_the_shared_strings_filled_in(tmp_path):
    main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    saved = tmp_path / "mappe.txt"
    saved.write_text(
        "=== Partnerschaften_2023.xlsx ===\n--- xl/sharedStrings.xml ---\n"
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst {main} count="5"><si><t>Kommune</t></si>'
        "<si><t>Partnerkommune</t></si><si><t>seit</t></si><si><t>Ludwigslust</t></si><si><t>Mielec</t></si></sst>\n"
        "--- xl/worksheets/sheet1.xml ---\n"
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {main}><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" s="2"><v>1999</v></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>Plau am See</t></is></c><c r="C3"><v>2008</v></c></row>'
        "</sheetData></worksheet>\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Partnerschaften_2023.xlsx\n\nKommune | Partnerkommune | seit\nLudwigslust | Mielec | 1999\nPlau am See |  | 2008")


def test_a_json_response_below_its_query_and_a_scripts_json_read_as_their_records(tmp_path):
    query = tmp_path / "abfrage.txt"
    query.write_text(
        "# Partnerstädte der Hansestadt Rostock\nPREFIX wd: <http://www.wikidata.org/entity/>\n"
        "SELECT ?partnerLabel ?start WHERE {\n  wd:Q2861 p:P190 ?st .\n  ?st ps:P190 ?partner .\n"
        "  OPTIONAL { ?st pq:P580 ?start . }\n}\n\n"
        '{"head": {"vars": ["partnerLabel", "start"]}, "results": {"bindings": [\n'
        '{"partnerLabel": {"type": "literal", "value": "Stettin"}, "start": {"type": "literal", "value": "1957-01-01T00:00:00Z"}},\n'
        '{"partnerLabel": {"type": "literal", "value": "Riga"}, "start": {"type": "literal", "value": "1961-01-01T00:00:00Z"}}]}}\n',
        encoding="utf-8")
    assert extract_document(query).text.endswith(
        "}\n\nvars: partnerLabel, start\n\nBindings\n| partnerLabel | start |\n"
        "| Stettin | 1957-01-01T00:00:00Z |\n| Riga | 1961-01-01T00:00:00Z |")
    tweets = tmp_path / "tweets.js"
    tweets.write_text(
        'window.YTD.tweets.part0 = [ { "tweet": { "id_str": "1659120457819209728", "created_at": "Thu May 18 09:31:02 '
        '+0000 2023", "full_text": "Seit 1993 verbindet uns eine Städtepartnerschaft mit #Lund. Heute begrüßt die '
        'Bürgerschaft eine Delegation &amp; lädt zum Empfang ins Rathaus." } } ]', encoding="utf-8")
    assert extract_document(tweets).text == (
        "| tweet.id_str | tweet.created_at |\n| 1659120457819209728 | Thu May 18 09:31:02 +0000 2023 |\n\n"
        "Seit 1993 verbindet uns eine Städtepartnerschaft mit #Lund. Heute begrüßt die Bürgerschaft eine Delegation & "
        "lädt zum Empfang ins Rathaus.")


def test_a_threads_posts_read_as_paragraphs_below_their_authors_but_a_registers_descriptions_stay_in_its_rows(tmp_path):
    thread = tmp_path / "thread.json"
    thread.write_text(json.dumps([
        {"author": "Ruprecht_Ost", "score": 88, "body": "Laut der Seite der Stadt:\n\n* **Lyon** (seit 1981)\n* **Kiew** "
                                                       "(1961)\n\nDazu kommen noch ein paar neuere, die krieg ich nicht zusammen."},
        {"author": "plagwitz_pete", "score": 40, "body": "Ich war 2009 beim Jugendaustausch der Stadt mit Krakau dabei, zwei "
                                                        "Wochen Gastfamilie. Kann ich nur empfehlen."}]), encoding="utf-8")
    assert extract_document(thread).text == (
        "| author | score |\n| Ruprecht_Ost | 88 |\n| plagwitz_pete | 40 |\n\n"
        "Laut der Seite der Stadt:\n\n* Lyon (seit 1981)\n* Kiew (1961)\n\nDazu kommen noch ein paar neuere, die krieg ich "
        "nicht zusammen.\n\nIch war 2009 beim Jugendaustausch der Stadt mit Krakau dabei, zwei Wochen Gastfamilie. Kann ich "
        "nur empfehlen.")
    register = tmp_path / "partner.json"
    description = "Das frühere Reval ist seit 1986 Partnerstadt; im Mittelpunkt stehen Kultur, Wirtschaft und der Austausch von Schulen."
    register.write_text(json.dumps([{"city": "Tallinn", "since": 1986, "text": description}]), encoding="utf-8")
    assert extract_document(register).text == f"| city | since | text |\n| Tallinn | 1986 | {description} |"


def test_an_exiftool_listing_reads_as_each_photos_caption_place_and_rights_without_the_camera_settings(tmp_path):
    saved = tmp_path / "fotos.txt"
    saved.write_text(
        "======== IMG_4711.JPG\nExifTool Version Number         : 12.40\nFile Size                       : 6.1 MB\n"
        "Date/Time Original              : 2019:05:12 14:03:11\nF Number                        : 8.0\n"
        "Caption-Abstract                : Neubrandenburg und Koszalin sind seit 1974 Partnerstädte.\n"
        "City                            : Koszalin\nCopyright Notice                : © Stadt Neubrandenburg\n"
        "======== IMG_4718.JPG\nFocal Length                    : 35.0 mm\n"
        "Keywords                        : Städtepartnerschaft, Flensburg, Collegno\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "IMG_4711.JPG\nCaption-Abstract: Neubrandenburg und Koszalin sind seit 1974 Partnerstädte.\nCity: Koszalin\n"
        "Copyright Notice: © Stadt Neubrandenburg\n\nIMG_4718.JPG\nKeywords: Städtepartnerschaft, Flensburg, Collegno")


def test_a_replys_quoted_lines_read_as_the_paragraphs_they_quote_but_a_lone_arrow_stays(tmp_path):
    saved = tmp_path / "antwort.txt"
    saved.write_text(
        "Am 16.03.2013 18:02, schrieb Sabine Hoffmann:\n> Am 15.03.2013 09:13, schrieb Uwe Brandt:\n"
        "> > Weiss jemand, mit welchen Staedten Magdeburg verschwistert\n> > ist?\n>\n"
        "> Braunschweig seit 1987, das war noch vor der Wende. Dann Le Havre,\n> Sarajevo und Nashville.\n\n"
        "Also Radom und Saporoschje, beide 2008.\n\n> Mehr erfahren\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Am 16.03.2013 18:02, schrieb Sabine Hoffmann:\n\nAm 15.03.2013 09:13, schrieb Uwe Brandt:\n\n"
        "Weiss jemand, mit welchen Staedten Magdeburg verschwistert\nist?\n\n"
        "Braunschweig seit 1987, das war noch vor der Wende. Dann Le Havre,\nSarajevo und Nashville.\n\n"
        "Also Radom und Saporoschje, beide 2008.\n\n> Mehr erfahren")


def test_an_endnote_librarys_styled_texts_read_and_its_keywords_on_one_line(tmp_path):
    def styled(text):
        return f'<style face="normal" font="default" size="100%">{text}</style>'

    saved = tmp_path / "bibliothek.xml"
    saved.write_text(
        '<?xml version="1.0" encoding="UTF-8" ?><xml><records><record><ref-type name="Journal Article">17</ref-type>'
        f"<titles><title>{styled('Aussöhnung von unten: Die Städtepartnerschaft Ludwigsburg–Montbéliard')}</title></titles>"
        f"<keywords><keyword>{styled('Mainz')}</keyword><keyword>{styled('Dijon')}</keyword></keywords>"
        f"<abstract>{styled('Der Beitrag untersucht die 1950 geschlossene Partnerschaft.')}</abstract></record></records></xml>",
        encoding="utf-8")
    assert extract_document(saved).text == (
        "17\n\nAussöhnung von unten: Die Städtepartnerschaft Ludwigsburg–Montbéliard\n\nMainz, Dijon\n"
        "Der Beitrag untersucht die 1950 geschlossene Partnerschaft.")


def test_a_database_exports_json_lines_read_as_each_towns_fields_over_its_partners_with_dates_as_days(tmp_path):
    saved = tmp_path / "staedte.json"
    saved.write_text(
        '{"_id":{"$oid":"9e7b8083"},"stadt":"Magdeburg","partner":[{"name":"Braunschweig","seit":{"$date":"1987-06-18T00:00:00.000Z"}},'
        '{"name":"Le Havre","seit":{"$date":"1973-05-05T00:00:00.000Z"}}]}\n'
        '{"_id":{"$oid":"b414d7db"},"stadt":"Halle (Saale)","partner":[{"name":"Oulu","seit":{"$date":"1968-08-15T00:00:00.000Z"}}]}\n',
        encoding="utf-8")
    assert extract_document(saved).text == (
        "_id: 9e7b8083\nstadt: Magdeburg\n\nPartner\n| name | seit |\n| Braunschweig | 1987-06-18 |\n| Le Havre | 1973-05-05 |\n\n"
        "_id: b414d7db\nstadt: Halle (Saale)\n\nPartner\n| name | seit |\n| Oulu | 1968-08-15 |")


def test_a_map_pages_marker_popups_and_its_scripts_list_of_markers_read_as_items_and_a_table(tmp_path):
    page = tmp_path / "karte.html"
    page.write_text(
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Partnerstädte</title></head><body>'
        "<h1>Esslingens Partnerstädte</h1><p>Ein Klick auf die Markierung zeigt das Jahr der Partnerschaft.</p>"
        '<div id="map"></div><script>\n  var map = L.map("map").setView([50.5, 12.0], 4);\n'
        '  L.marker([45.5, 4.8]).addTo(map).bindPopup("<b>Vienne</b><br>Frankreich<br>Partnerstadt seit 1956");\n'
        "  L.marker([46.3, 15.1]).addTo(map).bindPopup('<b>Velenje</b><br>Slowenien<br>Partnerstadt (1970)');\n"
        "  var weitere = [\n    { name: \"Sheboygan\", land: 'USA', seit: 1990 },\n    { name: \"Eger\", land: \"Ungarn\", seit: 1990 },\n  ];\n"
        "  weitere.forEach(function (p) { L.marker([0, 0]).bindPopup(\"<b>\" + p.name + \"</b>\"); });\n</script></body></html>",
        encoding="utf-8")
    assert extract_document(page).text.endswith(
        "- Vienne, Frankreich, Partnerstadt seit 1956\n- Velenje, Slowenien, Partnerstadt (1970)\n\n"
        "| name | land | seit |\n| Sheboygan | USA | 1990 |\n| Eger | Ungarn | 1990 |")


def test_a_tesseract_tsv_reads_as_its_lines_and_paragraphs_with_a_split_word_joined(tmp_path):
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    rows = [(4, 1, 1, 1, 0, ""), (5, 1, 1, 1, 1, "Greifswald"), (5, 1, 1, 1, 2, "pflegt"), (5, 1, 1, 1, 3, "eine"),
            (5, 1, 1, 1, 4, "Städte-"), (5, 1, 1, 2, 1, "partnerschaft"), (5, 1, 1, 2, 2, "mit"), (5, 1, 1, 2, 3, "Lund."),
            (2, 2, 0, 0, 0, ""), (5, 2, 1, 1, 1, "Beschlussvorschlag:")]
    saved = tmp_path / "seite.tsv"
    saved.write_text(head + "".join(f"{level}\t1\t{block}\t{par}\t{line}\t{word}\t0\t0\t10\t10\t{-1 if not text else 91.5}\t{text}\n"
                                    for level, block, par, line, word, text in rows), encoding="utf-8")
    assert extract_document(saved).text == "Greifswald pflegt eine Städtepartnerschaft\nmit Lund.\n\nBeschlussvorschlag:"


def test_an_abbyy_page_of_single_characters_reads_as_its_lines(tmp_path):
    def chars(word):
        first = ' wordStart="1"'
        return "".join(f'<charParams l="0" t="0" r="1" b="1"{first if k == 0 else ""}>{c}</charParams>' for k, c in enumerate(word))
    saved = tmp_path / "seite.xml"
    saved.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><document xmlns="http://www.abbyy.com/FineReader_xml/FineReader10-schema-v1.xml">'
        f'<page><block blockType="Text"><text><par><line>{chars("Wismar")}<charParams> </charParams>{chars("feiert")}</line>'
        f'<line>{chars("Calais")}{chars("heute.")}</line></par></text></block></page></document>', encoding="utf-8")
    assert extract_document(saved).text == "Wismar feiert\nCalais heute."


def test_a_page_xml_reads_its_regions_and_lines_in_reading_order_without_repeating_a_regions_text(tmp_path):
    saved = tmp_path / "chronik.xml"
    line = '<TextLine id="{id}" custom="readingOrder {{index:{k};}}"><Coords points="0,0"/><TextEquiv><Unicode>{text}</Unicode></TextEquiv></TextLine>'
    saved.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15">'
        '<Metadata><Creator>PyLaia</Creator></Metadata><Page><ReadingOrder><OrderedGroup>'
        '<RegionRefIndexed index="1" regionRef="r2"/><RegionRefIndexed index="0" regionRef="r1"/></OrderedGroup></ReadingOrder>'
        f'<TextRegion id="r2">{line.format(id="b", k=1, text="mit Misdroy beschlossen.")}{line.format(id="a", k=0, text="1998. Die Partnerschaft")}'
        '<TextEquiv><Unicode>1998. Die Partnerschaft mit Misdroy beschlossen.</Unicode></TextEquiv></TextRegion>'
        f'<TextRegion id="r1">{line.format(id="c", k=0, text="Chronik der Gemeinde Zinnowitz")}</TextRegion></Page></PcGts>',
        encoding="utf-8")
    assert extract_document(saved).text == "Chronik der Gemeinde Zinnowitz\n\n1998. Die Partnerschaft\nmit Misdroy beschlossen."


def test_a_textract_response_reads_as_its_lines_with_its_table_once_as_rows(tmp_path):
    def block(kind, id, text=None, children=(), **more):
        return {"BlockType": kind, "Id": id, **({"Text": text} if text else {}),
                **({"Relationships": [{"Type": "CHILD", "Ids": list(children)}]} if children else {}), **more}
    words = {f"w{k}": word for k, word in enumerate(["Partner", "seit", "Powiat", "Słubicki", "1994"])}
    blocks = [block("PAGE", "p", children=["l1", "l2", "l3"]),
              block("LINE", "l1", "Der Landkreis unterhält fünf Kreispartnerschaften."),
              block("LINE", "l2", "Partner seit", children=["w0", "w1"]), block("LINE", "l3", "Powiat Słubicki 1994", children=["w2", "w3", "w4"]),
              *(block("WORD", id, text) for id, text in words.items()),
              block("TABLE", "t", children=["c1", "c2", "c3", "c4"]),
              block("CELL", "c1", children=["w0"], RowIndex=1, ColumnIndex=1), block("CELL", "c2", children=["w1"], RowIndex=1, ColumnIndex=2),
              block("CELL", "c3", children=["w2", "w3"], RowIndex=2, ColumnIndex=1), block("CELL", "c4", children=["w4"], RowIndex=2, ColumnIndex=2)]
    saved = tmp_path / "analyse.json"
    saved.write_text(json.dumps({"DocumentMetadata": {"Pages": 1}, "Blocks": blocks}), encoding="utf-8")
    assert extract_document(saved).text == (
        "Der Landkreis unterhält fünf Kreispartnerschaften.\n\nPartner | seit\nPowiat Słubicki | 1994")


def test_a_plantuml_diagram_reads_as_its_title_edges_and_notes_without_settings_or_a_notes_links(tmp_path):
    saved = tmp_path / "partner.puml"
    saved.write_text(
        "@startuml\n' Quelle: Referat Internationales\ntitle Internationale Beziehungen der Stadt Tübingen\n"
        "skinparam packageStyle rectangle\nrectangle \"Tübingen\" as TUE\npackage \"Frankreich\" {\n  node \"Aix-en-Provence\" as AIX\n}\n"
        "TUE -- AIX : seit 1960\nTUE .. MOS : Klimapartnerschaft\\n2014\nnote right of AIX\n  Erste Jumelage der Stadt.\nend note\n"
        "note \"Jugendaustausch\" as N1\nN1 .. AIX\nlegend right\n  |= Linie |= Bedeutung |\nendlegend\n@enduml\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Quelle: Referat Internationales\n\nInternationale Beziehungen der Stadt Tübingen\n\n"
        "Tübingen | Aix-en-Provence | seit 1960\nTübingen | MOS | Klimapartnerschaft 2014\n\nErste Jumelage der Stadt.\n\n"
        "Jugendaustausch\n\nLinie Bedeutung")


def test_a_typst_source_reads_as_its_headings_paragraphs_and_table_without_its_rules_and_marks(tmp_path):
    saved = tmp_path / "vorlage.typ"
    saved.write_text(
        "// Vorlage für den Kreistag\n#set page(paper: \"a4\")\n#set heading(numbering: \"1.\")\n\n= Partnerschaften im Landkreis\n\n"
        "Der Landkreis und der *Powiat Oświęcimski* haben am _12. Mai 2002_ einen Vertrag unterzeichnet.#footnote[Beschluss 41/2002.]\n\n"
        "#table(\n  columns: 3,\n  [*Kommune*], [*Partner (Land)*], [*seit*],\n  [Stadt Grünstadt], [Carvin (F)], [1967],\n)\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Vorlage für den Kreistag\n\nPartnerschaften im Landkreis\n\n"
        "Der Landkreis und der Powiat Oświęcimski haben am 12. Mai 2002 einen Vertrag unterzeichnet. (Beschluss 41/2002.)\n\n"
        "Kommune | Partner (Land) | seit\nStadt Grünstadt | Carvin (F) | 1967")


def test_an_articles_xml_table_reads_as_rows_its_inline_marks_stay_in_their_paragraph_and_a_number_before_its_item(tmp_path):
    saved = tmp_path / "artikel.xml"
    saved.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><article><body><sec><p>Gelsenkirchen ist seit 1993 mit <italic>Olsztyn</italic> '
        'verbunden<xref ref-type="bibr" rid="r1">1</xref>.</p><table-wrap><table><thead><tr><th>Kommune</th><th>Partner</th>'
        '<th>Vertrag</th></tr></thead><tbody><tr><td>Hamm</td><td>Kalisz</td><td>2000</td></tr></tbody></table></table-wrap>'
        '<list><item><num>a)</num><content><p>Zamość (Polen), seit 1970,</p></content></item></list></sec></body></article>',
        encoding="utf-8")
    assert extract_document(saved).text == (
        "Gelsenkirchen ist seit 1993 mit Olsztyn verbunden1.\n\nKommune | Partner | Vertrag\nHamm | Kalisz | 2000\n\n"
        "a) Zamość (Polen), seit 1970,")


def test_a_postscript_flyer_reads_as_the_text_it_shows_with_its_octal_escapes_decoded(tmp_path):
    saved = tmp_path / "flyer.ps"
    saved.write_text(
        "%!PS-Adobe-3.0\n%%Title: (Flyer.ps)\n%%EndComments\n/HB findfont 22 scalefont setfont\n"
        "40 540 moveto (35 Jahre St\\344dtepartnerschaft) show\n40 514 moveto (Torgau \\226 Memmingen) show\n"
        "/HR findfont 10 scalefont setfont\n40 456 moveto (Seit 1990 verbindet Torgau und Memmingen eine St\\344dtepartner) show\n"
        "(schaft \\(seit der Wende\\).) show\n40 443 moveto (Gef\\366rdert vom Freistaat.) show\nshowpage\n%%EOF\n",
        encoding="ascii")
    assert extract_document(saved).text == (
        "35 Jahre Städtepartnerschaft\nTorgau – Memmingen\n\n"
        "Seit 1990 verbindet Torgau und Memmingen eine Städtepartnerschaft (seit der Wende).\nGefördert vom Freistaat.")


def test_a_dita_topics_simple_table_reads_as_rows(tmp_path):
    saved = tmp_path / "partnerstaedte.dita"
    saved.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><concept id="p"><title>Partnerstädte</title><conbody>'
        '<p>Die folgende Tabelle nennt die Partnerstädte der Hansestadt Lüneburg:</p><simpletable>'
        '<sthead><stentry>Partnerstadt</stentry><stentry>seit</stentry></sthead>'
        '<strow><stentry>Clamart</stentry><stentry>1962</stentry></strow>'
        '<strow><stentry>Naruto</stentry><stentry>1974</stentry></strow></simpletable></conbody></concept>',
        encoding="utf-8")
    assert extract_document(saved).text == (
        "Partnerstädte\nDie folgende Tabelle nennt die Partnerstädte der Hansestadt Lüneburg:\n\n"
        "Partnerstadt | seit\nClamart | 1962\nNaruto | 1974")


def test_an_excalidraw_board_reads_as_its_free_texts_then_one_row_per_arrow_between_the_labels_it_joins(tmp_path):
    def shape(id_, label, y):
        return [{"id": id_, "type": "rectangle", "x": 0, "y": y},
                {"id": f"t{id_}", "type": "text", "x": 5, "y": y + 5, "text": label, "containerId": id_}]

    def arrow(id_, start, end, style="solid"):
        return {"id": id_, "type": "arrow", "strokeStyle": style, "startBinding": {"elementId": start, "gap": 4},
                "endBinding": {"elementId": end, "gap": 4}}

    elements = [
        {"id": "n", "type": "text", "x": 40, "y": 900, "text": "Notiz: Foto anfragen.", "containerId": None},
        {"id": "h", "type": "text", "x": 40, "y": 20, "text": "Legende: Pfeil = Städtepartnerschaft\ngestrichelt = keine",
         "containerId": None},
        *shape("d", "DRESDEN", 500), *shape("c", "Coventry\n1959", 200), *shape("p", "Prag", 300),
        arrow("a1", "d", "c"), arrow("a2", "d", "p", style="dashed"),
        {"id": "ta2", "type": "text", "x": 0, "y": 0, "text": "Elberadweg", "containerId": "a2"},
        {**arrow("a3", "d", "p"), "isDeleted": True}]
    saved = tmp_path / "tafel.excalidraw"
    saved.write_text(json.dumps({"type": "excalidraw", "version": 2, "elements": elements}), encoding="utf-8")
    assert extract_document(saved).text == (
        "Legende: Pfeil = Städtepartnerschaft\ngestrichelt = keine\n\nNotiz: Foto anfragen.\n\n"
        "von | nach | Beschriftung\nDresden | Coventry 1959 |\n\ngestrichelte Linie: Dresden – Prag: Elberadweg")


def test_a_gexf_network_reads_as_its_description_and_one_row_per_edge_with_the_attribute_titles_as_heads(tmp_path):
    saved = tmp_path / "netz.gexf"
    saved.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><meta><creator>Gephi</creator>'
        "<description>Partnerschaften der Hansestadt Hamburg.</description></meta><graph><attributes class=\"edge\">"
        '<attribute id="2" title="seit" type="integer"/><attribute id="4" title="status" type="string"><default>aktiv</default>'
        '</attribute></attributes><nodes><node id="n0" label="Hamburg"/><node id="n1" label="Marseille"/>'
        '<node id="n2" label="Sankt Petersburg"/></nodes><edges><edge id="e0" source="n0" target="n1" label="Partnerschaft">'
        '<attvalues><attvalue for="2" value="1958"/></attvalues></edge><edge id="e1" source="n0" target="n2">'
        '<attvalues><attvalue for="2" value="1957"/><attvalue for="4" value="ausgesetzt"/></attvalues></edge></edges></graph></gexf>',
        encoding="utf-8")
    assert extract_document(saved).text == (
        "Partnerschaften der Hansestadt Hamburg.\n\nvon | nach | Bezeichnung | seit | status\n"
        "Hamburg | Marseille | Partnerschaft | 1958 | aktiv\nHamburg | Sankt Petersburg |  | 1957 | ausgesetzt")


def test_a_text_proto_reads_as_records_each_town_over_its_partners_with_octal_escapes_decoded(tmp_path):
    saved = tmp_path / "partner.textproto"
    saved.write_text(
        "# proto-message: Verzeichnis\n# Export der Landeszentrale\n\ntitel: \"St\\303\\244dtepartnerschaften\"\n"
        "partnerschaft {\n  stadt: \"Eisenach\"\n  partner {\n    name: \"Marburg\"\n    seit: 1988\n  }\n"
        "  partner {\n    name: \"S\\303\\241rospatak\"\n    seit: 1998\n  }\n}\n"
        "partnerschaft {\n  stadt: \"Gotha\"\n  partner {\n    name: \"Salzgitter\"\n    seit: 1988\n  }\n"
        "  # Bochum: nur Gespräche\n}\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "proto-message: Verzeichnis\nExport der Landeszentrale\n\ntitel: Städtepartnerschaften\n\n"
        "stadt: Eisenach\n\nPartner\n| name | seit |\n| Marburg | 1988 |\n| Sárospatak | 1998 |\n\n"
        "stadt: Gotha\n\nPartner\n| name | seit |\n| Salzgitter | 1988 |\n\nBochum: nur Gespräche")


def test_edn_and_terraform_data_read_like_json_their_tags_and_expressions_dropped(tmp_path):
    edn = tmp_path / "partner.edn"
    edn.write_text(
        ";; Datenquelle der Seite\n{:stadt \"Erfurt\"\n :stand #inst \"2023-10-02\"\n :partner\n"
        " [{:name \"Mainz\" :seit 1988 :art :partnerschaft}\n  ;; Shawnee: Städtefreundschaft\n"
        "  {:name \"Shawnee\" :seit 2003 :art :freundschaft}]}\n", encoding="utf-8")
    assert extract_document(edn).text == (
        "Datenquelle der Seite\n\nstadt: Erfurt\nstand: 2023-10-02\n\nPartner\n| name | seit | art |\n"
        "| Mainz | 1988 | partnerschaft |\n| Shawnee | 2003 | freundschaft |\n\nShawnee: Städtefreundschaft")
    terraform = tmp_path / "main.tf"
    terraform.write_text(
        "# Stadt Heidelberg\nvariable \"partnerstaedte\" {\n  description = \"Partnerstädte\"\n"
        "  type = list(object({\n    name = string\n  }))\n  default = [\n    { name = \"Montpellier\", seit = 1961 },\n"
        "    { name = \"Cambridge\", seit = 1965 },\n  ]\n}\nlocals {\n  slug = { for p in var.partnerstaedte : p.name => lower(p.name) }\n"
        "  intro = <<-EOT\n    Heidelberg pflegt Partnerschaften\n    mit Montpellier seit 1961.\n  EOT\n}\n", encoding="utf-8")
    assert extract_document(terraform).text == (
        "Stadt Heidelberg\n\nintro: Heidelberg pflegt Partnerschaften mit Montpellier seit 1961.\n\ndescription: Partnerstädte\n\n"
        "Partnerstädte\n| name | seit |\n| Montpellier | 1961 |\n| Cambridge | 1965 |")


def test_a_cypher_script_reads_as_its_comments_and_one_row_per_relationship_between_named_nodes(tmp_path):
    saved = tmp_path / "import.cypher"
    saved.write_text(
        "// Städtepartnerschaften sächsischer Städte\nCREATE (dresden:Stadt {name: \"Dresden\"})\n"
        "CREATE (breslau:Stadt {name: \"Breslau\", land: \"PL\"});\n// --- Partnerschaften ---\n"
        "MATCH (a:Stadt {name: \"Dresden\"}), (b:Stadt {name: \"Breslau\"})\n"
        "MERGE (a)-[:PARTNER_VON {seit: 1959, art: \"Städtepartnerschaft\"}]->(b);\n"
        "MATCH (s:Stadt)-[r:PARTNER_VON]-(p:Stadt) RETURN s.name, p.name;\n"
        "// │\"Dresden\" │\"Breslau\" │1959 │\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Städtepartnerschaften sächsischer Städte\nPartnerschaften\n"
        "Dresden | Breslau | PARTNER_VON | seit: 1959 | art: Städtepartnerschaft\nDresden | Breslau | 1959")


def test_a_prolog_base_reads_as_rows_of_facts_under_their_predicate_with_identifiers_as_their_names(tmp_path):
    saved = tmp_path / "partner.pl"
    saved.write_text(
        "% Wissensbasis: Städtepartnerschaften\n:- discontiguous stadt/3.\nstadt(kiel, 'Kiel', deutschland).\n"
        "stadt(tallinn, 'Reval', estland).   % heute Tallinn\nstadt(brest, 'Brest', frankreich).\n\n"
        "% Städtepartnerschaften\npartner(kiel, tallinn, 1986).\npartner(kiel, brest, 1964).\n"
        "partnerstadt(X, Y) :-\n    partner(X, Y, _).\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Wissensbasis: Städtepartnerschaften\n\nstadt\nKiel | deutschland\nReval | estland | heute Tallinn\nBrest | frankreich\n\n"
        "Städtepartnerschaften\n\npartner\nKiel | Reval | 1986\nKiel | Brest | 1964")


def test_a_fixed_width_extract_reads_as_rows_under_the_fields_its_cobol_copybook_names(tmp_path):
    saved = tmp_path / "extrakt.txt"
    saved.write_text(
        "      *=========================================*\n      * COPYBOOK PARTSATZ                       *\n"
        "       01 PARTNER-SATZ.\n          05 STADT            PIC X(12).\n          05 PARTNER          PIC X(12).\n"
        "          05 SEIT             PIC 9(4).\n          05 ART              PIC XX.\n"
        "      *   SP = STAEDTEPARTNERSCHAFT                *\n"
        "//PARTEXT  JOB (NRW214),'PARTNER EXTRAKT',CLASS=A\n----+----1----+----2----+----3\n"
        "Bochum      Sheffield   1950SP\nGelsenkircheOlsztyn     0000GS\n\nBegleitnotiz: Olsztyn nur Gespräche.\n",
        encoding="utf-8")
    assert extract_document(saved).text == (
        "COPYBOOK PARTSATZ\nSP = STAEDTEPARTNERSCHAFT\n\nSTADT | PARTNER | SEIT | ART\nBochum | Sheffield | 1950 | SP\n"
        "Gelsenkirche | Olsztyn |  | GS\n\nBegleitnotiz: Olsztyn nur Gespräche.")


@pytest.mark.parametrize(("name", "source", "expected"), [
    ("partner.conf",  # HOCON: records named by their keys, a text in triple quotes, a substitution passed over
     '# Partnerstädte der Stadt Kassel\nstadt.name = "Kassel"\npartnerschaften {\n  florenz {\n    land = "IT"\n'
     '    seit = 1952\n    text = """Die älteste Partnerschaft\nKassels."""\n  }\n  jaroslawl {\n    land = "RU"\n'
     '    seit = 1988\n    cache = ${?PORTAL_CACHE}\n  }\n}\n',
     "Partnerstädte der Stadt Kassel\n\nstadt.name: Kassel\n\nEinträge\n| name | land | seit | text |\n"
     "| Florenz | IT | 1952 | Die älteste Partnerschaft Kassels. |\n| Jaroslawl | RU | 1988 |  |"),
    ("modul.lua",  # a Lua data module: records under ["names"], lists of { name, year } as rows, a long [[text]]
     '-- Modul:Partnerstädte\nreturn {\n\t["Mainz"] = {\n\t\ttyp = "Landeshauptstadt",\n\t\tpartner = {\n'
     '\t\t\t{ "Watford", 1956 },\n\t\t\t{ "Austin", nil },\n\t\t},\n\t\ttext = [[\nMainz pflegt seine älteste '
     'Partnerschaft mit Watford.\n]],\n\t\t-- Hochschulpartnerschaft: hier nicht eintragen.\n\t},\n'
     '\t["Worms"] = {\n\t\ttyp = "kreisfreie Stadt",\n\t\tpartner = { { "Auxerre", 1968 } },\n\t},\n}\n',
     "Modul:Partnerstädte\n\nname: Mainz\ntyp: Landeshauptstadt\ntext: Mainz pflegt seine älteste Partnerschaft mit "
     "Watford.\n\nPartner\n| partner | jahr |\n| Watford | 1956 |\n| Austin |  |\n\nname: Worms\ntyp: kreisfreie Stadt"
     "\n\nPartner\n| partner | jahr |\n| Auxerre | 1968 |\n\nHochschulpartnerschaft: hier nicht eintragen."),
    ("saar.kdl",  # KDL: a node's arguments and properties as a record, its children as rows; a slashdashed node is out
     '// Partnerschaften im Saarland\nstadt "Saarlouis" land="DE" {\n    partner "Saint-Nazaire" land="FR" seit=1969\n'
     '    /- partner "Kutná Hora" land="CZ" seit=2024\n    notiz "Kutná Hora: Anfrage liegt vor."\n}\n'
     'stadt "Homburg" land="DE" {\n    partner "La Baule-Escoublac" land="FR" seit=1959 art="Jumelage"\n}\n',
     "Partnerschaften im Saarland\n\nstadt: Saarlouis\nland: DE\nnotiz: Kutná Hora: Anfrage liegt vor.\n\nPartner\n"
     "| partner | land | seit |\n| Saint-Nazaire | FR | 1969 |\n\nstadt: Homburg\nland: DE\n\nPartner\n"
     "| partner | land | seit | art |\n| La Baule-Escoublac | FR | 1959 | Jumelage |"),
    ("weimar.dhall",  # Dhall: a record type is no data, "Some 1987" is 1987, "None Natural" no year, '' text ''
     "-- partnerstaedte.dhall\nlet Partner = { name : Text, seit : Optional Natural }\nlet partner\n    : List Partner\n"
     '    = [ { name = "Trier", seit = Some 1987, text =\n            \'\'\n            Besiegelt 1987.\n            \'\'\n'
     '        }\n      , { name = "Zamość", seit = None Natural, text = "Beschlossen." }\n      ]\n'
     'in  { ueberschrift = "Weimar und seine Partnerstädte", partner }\n',
     "partnerstaedte.dhall\n\nueberschrift: Weimar und seine Partnerstädte\n\nPartner\n| name | seit | text |\n"
     "| Trier | 1987 | Besiegelt 1987. |\n| Zamość |  | Beschlossen. |"),
    ("katalog.txt",  # a catalogue's "Key: value" lines and cited brackets are no configuration
     "Titel: Greifswald – Lund : 30 Jahre Städtepartnerschaft [1]\nErschienen: Greifswald : Selbstverl., 2020\n"
     "Umfang: 64 S. ; 24 cm\nDie Partnerschaft [2] mit Lund besteht seit 1990 (S. 12).\n",
     "Titel: Greifswald – Lund : 30 Jahre Städtepartnerschaft [1]\nErschienen: Greifswald : Selbstverl., 2020\n"
     "Umfang: 64 S. ; 24 cm\nDie Partnerschaft [2] mit Lund besteht seit 1990 (S. 12)."),
])
def test_a_configuration_in_hocon_lua_kdl_or_dhall_reads_as_its_records(tmp_path, name, source, expected):
    saved = tmp_path / name
    saved.write_text(source, encoding="utf-8")
    assert extract_document(saved).text == expected


def test_an_avro_exports_union_values_read_as_the_values_they_hold(tmp_path):
    saved = tmp_path / "partner.json"
    saved.write_text('[{"traeger": "Passau", "partner": {"string": "Budweis"}, "seit": {"int": 1993}, "bemerkung": null},'
                     ' {"traeger": "Passau", "partner": {"string": "Liuzhou"}, "seit": {"int": 1999}, "bemerkung": null}]',
                     encoding="utf-8")
    assert extract_document(saved).text == "| traeger | partner | seit |\n| Passau | Budweis | 1993 |\n| Passau | Liuzhou | 1999 |"


def test_crawled_pages_in_json_lines_read_each_as_its_title_over_its_text(tmp_path):
    saved = tmp_path / "crawl.ndjson"
    saved.write_text(
        '{"url": "https://www.ahlen.de/partnerstaedte/", "status": 200, "extracted": {"title": "Partnerstädte &#8211; Stadt Ahlen", '
        '"text": "Am 12. Mai 1981 wurde die Partnerschaft mit Penzberg im Ahlener Rathaus feierlich unterzeichnet &ndash; ein Festtag für beide Bergbaustädte."}}\n'
        '{"url": "https://www.coesfeld.de/partnerstaedte", "status": 200, "extracted": {"title": "Partnerstädte – Coesfeld", '
        '"text": "Die Partnerschaft mit Luçon gehört zu den ältesten im Münsterland und entstand aus dem Wunsch nach Aussöhnung."}}\n',
        encoding="utf-8")
    assert extract_document(saved).text == (
        "Partnerstädte – Stadt Ahlen\n\nAm 12. Mai 1981 wurde die Partnerschaft mit Penzberg im Ahlener Rathaus feierlich "
        "unterzeichnet – ein Festtag für beide Bergbaustädte.\n\nPartnerstädte – Coesfeld\n\n"
        "Die Partnerschaft mit Luçon gehört zu den ältesten im Münsterland und entstand aus dem Wunsch nach Aussöhnung.")


def test_ocr_dumps_of_djvu_and_cloud_vision_and_an_annotation_export_read_as_their_text(tmp_path):
    djvu = tmp_path / "festschrift.djvu.txt"
    djvu.write_text(
        '(page 0 0 2480 3508\n  (column 260 420 2220 2654\n    (para 260 3042 2220 3088\n      (line 260 3042 1051 3088\n'
        '        (word 260 3042 465 3088 "Grußwort")))\n    (para 260 2478 2220 2834\n      (line 320 2788 1726 2834\n'
        '        (word 320 2788 394 2834 "Stralsund")\n        (word 418 2788 496 2834 "und")\n        (word 520 2788 798 2834 "Kiel"))\n'
        '      (line 320 2730 1726 2770\n        (word 320 2730 394 2770 "seit")\n        (word 418 2730 496 2770 "1987.")))))\n',
        encoding="utf-8")
    assert extract_document(djvu).text == "Grußwort\n\nStralsund und Kiel\nseit 1987."

    def symbols(word, end):
        return [{"text": c, **({"property": {"detectedBreak": {"type": end}}} if k == len(word) - 1 else {})} for k, c in enumerate(word)]
    vision = tmp_path / "tafel.json"
    vision.write_text(json.dumps({"responses": [{"fullTextAnnotation": {"pages": [{"blocks": [
        {"paragraphs": [{"words": [{"symbols": symbols("FRIEDENSLINDE", "LINE_BREAK")}]}]},
        {"paragraphs": [{"words": [{"symbols": symbols("Partner", "HYPHEN")}, {"symbols": symbols("gemeinde", "SPACE")},
                                   {"symbols": symbols("Człopa", "LINE_BREAK")}]}]}]}]}}]}), encoding="utf-8")
    assert extract_document(vision).text == "FRIEDENSLINDE\n\nPartnergemeinde\nCzłopa"  # the hyphen joined as everywhere
    webanno = tmp_path / "artikel.tsv"
    webanno.write_text(
        "#FORMAT=WebAnno TSV 3.3\n#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value\n\n\n"
        "#Text=Cuxhaven empfängt Gäste aus Vannes\n1-1\t0-8\tCuxhaven\tLOC\t\n1-2\t9-17\tempfängt\t_\t\n\n"
        "#Text=Die Partnerschaft besteht seit 1963.\n2-1\t35-38\tDie\t_\t\n", encoding="utf-8")
    assert extract_document(webanno).text == "Cuxhaven empfängt Gäste aus Vannes\nDie Partnerschaft besteht seit 1963."


def test_a_two_column_page_from_pdftohtml_xml_reads_column_by_column(tmp_path):
    saved = tmp_path / "vorlage.xml"
    rows = [(52, 72, 400, "Kreistag Spree-Neiße · Drucksache 0412/2023 · Beschlussvorlage")]
    left = ["Der Landkreis unterhält seit 2004", "eine Partnerschaft mit dem", "Powiat Krośnieński."]
    right = ["Die Stadt Forst (Lausitz) pflegt", "seit 1991 eine Städtepartnerschaft", "mit Lubsko."]
    for k, (a, b) in enumerate(zip(left, right)):
        rows += [(180 + 18 * k, 72, 300, a), (180 + 18 * k, 452, 300, b)]
    saved.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<pdf2xml producer="poppler"><page number="1" height="1263" width="892">'
                     + "".join(f'<text top="{top}" left="{left}" width="{width}" height="16" font="2">{text}</text>'
                               for top, left, width, text in rows) + "</page></pdf2xml>", encoding="utf-8")
    assert extract_document(saved).text == (
        "Kreistag Spree-Neiße · Drucksache 0412/2023 · Beschlussvorlage\n\n"
        "Der Landkreis unterhält seit 2004\neine Partnerschaft mit dem\nPowiat Krośnieński.\n\n"
        "Die Stadt Forst (Lausitz) pflegt\nseit 1991 eine Städtepartnerschaft\nmit Lubsko.")


def test_a_d2_diagram_reads_as_its_comments_and_markdown_then_a_table_of_its_solid_edges(tmp_path):
    saved = tmp_path / "partner.d2"
    saved.write_text(
        "# Kanten = Partnerschaften\ndirection: right\n\ntitle: |md\n  # Partnerschaften Stralsunds\n  Stand **2024**.\n| {near: top-center}\n\n"
        'vp: "Vorpommern" {\n  stralsund: "Stralsund" {shape: circle}\n}\nausland: {\n  pori: "Pori"\n  swine: "Swinemünde"\n}\n'
        'vp.stralsund -> ausland.pori: "1968"\nvp.stralsund -> ausland.swine: "Fähre" {style.stroke-dash: 3}\n'
        'legende: "Gestrichelt = keine Partnerschaft" {shape: text}\n', encoding="utf-8")
    assert extract_document(saved).text == (
        "Kanten = Partnerschaften\n\nPartnerschaften Stralsunds\nStand 2024.\n\nGestrichelt = keine Partnerschaft\n\n"
        "von | nach | Beschriftung\nStralsund | Pori | 1968\n\ngestrichelte Linie: Stralsund – Swinemünde: Fähre")


def test_an_ansible_playbook_reads_like_a_yaml_mapping_with_its_opening_comments(tmp_path):
    saved = tmp_path / "playbook.yml"
    saved.write_text(
        "---\n# Landratsamt Görlitz\n- name: Partnerseiten ausrollen\n  hosts: web\n  vars:\n    partner:\n"
        "      - gemeinde: Zittau\n        partner: Bogatynia\n        seit: 1994\n      - gemeinde: Görlitz\n"
        "        partner: Zgorzelec\n        seit: 1991\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Landratsamt Görlitz\n\nname: Partnerseiten ausrollen\nhosts: web\n\n"
        "Partner\n| gemeinde | partner | seit |\n| Zittau | Bogatynia | 1994 |\n| Görlitz | Zgorzelec | 1991 |")


def test_an_svn_log_reads_as_the_command_and_the_commit_messages(tmp_path):
    rule = "-" * 72
    saved = tmp_path / "svnlog.txt"
    saved.write_text(
        f"$ svn log -v https://svn.stadtarchiv.leipzig.de/repos/partner\n{rule}\n"
        "r12 | kschulze | 2024-03-11 14:02:51 +0100 (Mo, 11 Mär 2024) | 2 lines\nChanged paths:\n   M /trunk/krakau.xml\n\n"
        f"Krakau: Beginn der Partnerschaft 1973\nkorrigiert.\n{rule}\n"
        "r11 | mweber | 2024-03-07 16:20:05 +0100 (Do, 07 Mär 2024) | 1 line\n\nLyon: Urkunde verlinkt.\n" + rule + "\n",
        encoding="utf-8")
    assert extract_document(saved).text == (
        "$ svn log -v https://svn.stadtarchiv.leipzig.de/repos/partner\n\n"
        "Krakau: Beginn der Partnerschaft 1973 korrigiert.\n\nLyon: Urkunde verlinkt.")


def test_an_xbrl_report_reads_as_its_heading_comment_facts_a_table_of_repeated_facts_and_its_footnotes(tmp_path):
    saved = tmp_path / "bericht.xbrl"
    saved.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Landeshauptstadt Schwerin - Jahresabschluss 2023 -->\n'
        '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:komm="http://example.org/komm">'
        '<xbrli:context id="FY"><xbrli:entity><xbrli:identifier scheme="x">13004000</xbrli:identifier></xbrli:entity></xbrli:context>'
        '<komm:AnzahlPartnerstaedte contextRef="FY">2</komm:AnzahlPartnerstaedte>'
        '<komm:Partnerschaft contextRef="FY" id="p1" komm:land="DE">Wuppertal</komm:Partnerschaft>'
        '<komm:Partnerschaft contextRef="FY" id="p2" komm:land="DK">Odense</komm:Partnerschaft>'
        '<link:footnoteLink><link:footnote xlink:label="f">Die Partnerschaft mit Odense besteht seit 1995.</link:footnote>'
        '</link:footnoteLink></xbrli:xbrl>', encoding="utf-8")
    assert extract_document(saved).text == (
        "Landeshauptstadt Schwerin - Jahresabschluss 2023\n\nAnzahl Partnerstädte: 2\n\n"
        "Partnerschaft | land\nWuppertal | DE\nOdense | DK\n\nDie Partnerschaft mit Odense besteht seit 1995.")


def test_an_xml_data_message_reads_like_json_records_with_a_named_element_as_its_name(tmp_path):
    saved = tmp_path / "auskunft.xml"
    saved.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><auskunft><gemeinde><name>Hoyerswerda</name><ags>14625240</ags></gemeinde>'
        '<partnerschaft><partnergemeinde><name>Szczytno</name><staat listURI="x"><code>152</code><name>Polen</name></staat>'
        '</partnergemeinde><beginn>1992</beginn></partnerschaft><partnerschaft><partnergemeinde><name>Dillingen/Saar</name>'
        '<staat listURI="x"><code>000</code><name>Deutschland</name></staat></partnergemeinde><beginn>1988</beginn></partnerschaft>'
        '</auskunft>', encoding="utf-8")
    assert extract_document(saved).text == (
        "gemeinde: Hoyerswerda\ngemeinde.ags: 14625240\n\nPartnerschaft\n"
        "| partnergemeinde | partnergemeinde.staat | partnergemeinde.staat.code | beginn |\n"
        "| Szczytno | Polen | 152 | 1992 |\n| Dillingen/Saar | Deutschland | 000 | 1988 |")


def test_a_mathematica_notebook_reads_as_its_text_cells_and_a_table_of_its_associations(tmp_path):
    saved = tmp_path / "partner.nb"
    saved.write_text(
        'Notebook[{\nCell["Partnerschaften im Saarland", "Title"],\n'
        'Cell["Saarbr\\[UDoubleDot]cken und Nantes \\[Dash] seit 1965.", "Text"],\n'
        'Cell["p = {Association[\\"Stadt\\" -> \\"Saarlouis\\", \\"Partner\\" -> \\"Saint-Nazaire\\", \\"Jahr\\" -> 1969], '
        'Association[\\"Stadt\\" -> \\"Homburg\\", \\"Partner\\" -> \\"La Baule\\", \\"Jahr\\" -> Missing[\\"Unbekannt\\"]]};", "Input"],\n'
        'Cell["GroupBy[p, #Stadt &]", "Input"]\n}, WindowSize->{1024, 768}]\n', encoding="utf-8")
    assert extract_document(saved).text == (
        "Partnerschaften im Saarland\n\nSaarbrücken und Nantes – seit 1965.\n\n"
        "Stadt | Partner | Jahr\nSaarlouis | Saint-Nazaire | 1969\nHomburg | La Baule |")


def test_literal_tuples_and_numbered_record_fields_in_source_code_read_as_tables(tmp_path):
    script = tmp_path / "findmittel.applescript"
    script.write_text('-- Partnerstädte\nset partnerList to {{"Trier", 1987}, {"Siena", 1994}, {"Blois", 1995}}\nlog "Fertig."\n',
                      encoding="utf-8")
    assert extract_document(script).text == '-- Partnerstädte\nTrier | 1987\nSiena | 1994\nBlois | 1995\nlog "Fertig."'
    matlab = tmp_path / "partner.m"
    matlab.write_text("%% Stammdaten\npartner(1).stadt = 'Erlangen'; partner(1).seit = 1987;\n"
                      "partner(2).stadt = 'Aubervilliers'; partner(2).seit = NaN;\ndisp(partner)\n", encoding="utf-8")
    assert extract_document(matlab).text == "%% Stammdaten\nstadt | seit\nErlangen | 1987\nAubervilliers |\ndisp(partner)"


def test_a_roam_export_reads_as_each_pages_title_over_its_blocks_indented(tmp_path):
    saved = tmp_path / "roam.json"
    saved.write_text(json.dumps([{"title": "Partnerschaften Heringsdorf", "create-time": 1706781600000, "children": [
        {"string": "Bestehende Partnerschaften #Usedom", "uid": "a1", "children": [
            {"string": "[[Świnoujście]] – Vertrag 2007 ((b2c3d4e5f))", "uid": "a2"}]}]}]), encoding="utf-8")
    assert extract_document(saved).text == (
        "Partnerschaften Heringsdorf\n- Bestehende Partnerschaften Usedom\n  - Świnoujście – Vertrag 2007")


def test_a_makefile_and_a_dockerfile_read_as_their_comments_and_the_messages_they_echo(tmp_path):
    makefile = tmp_path / "Makefile"
    makefile.write_text(
        "# Bezirk Pankow: Partnerschaften\nOUT := public\n\nall: index\n\nindex:\n\t@mkdir -p $(OUT)\n"
        '\t@echo "Erzeuge $(words $(P)) Seiten"\n\n# Yalova: Partnerschaft seit 1995.\nyalova:\n\t@echo "Yalova: seit 1995"\n'
        "\tpandoc yalova.md\n\nclean:\n\trm -rf $(OUT)\n", encoding="utf-8")
    assert extract_document(makefile).text == (
        "Bezirk Pankow: Partnerschaften\n\nErzeuge Seiten\n\nYalova: Partnerschaft seit 1995.\n\nYalova: seit 1995")
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text(
        '# Archiv Greifswald\nFROM python:3.12-slim\nLABEL description="Städtepartnerschaften: Lund (seit 1990)"\n'
        'ENV PARTNER="Lund" \\\n    TZ="Europe/Berlin"\nRUN echo "Kotka: seit 1959" > /etc/motd\nCOPY . .\n', encoding="utf-8")
    assert extract_document(dockerfile).text == (
        "Archiv Greifswald\n\nStädtepartnerschaften: Lund (seit 1990)\n\nKotka: seit 1959")


def test_a_fluent_file_reads_as_its_comments_and_messages_with_terms_filled_in(tmp_path):
    saved = tmp_path / "partner.ftl"
    saved.write_text(
        "# Internetauftritt Landkreis Hersfeld-Rotenburg\n-kreis = Landkreis Hersfeld-Rotenburg\n"
        "-polen = Powiat Kłodzki\ntitel = Partnerschaften des { -kreis }\nintro =\n    Der { -kreis } ist seit 2001\n"
        "    mit dem { -polen } verbunden.\nzeit =\n    { $jahre ->\n        [one] seit { $jahre } Jahr.\n"
        "       *[other] seit { $jahre } Jahren.\n    }\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Internetauftritt Landkreis Hersfeld-Rotenburg\n\nPartnerschaften des Landkreis Hersfeld-Rotenburg\n\n"
        "Der Landkreis Hersfeld-Rotenburg ist seit 2001 mit dem Powiat Kłodzki verbunden.\n\nseit … Jahren.")


def test_a_crossref_records_jats_abstract_reads_as_its_paragraphs(tmp_path):
    saved = tmp_path / "crossref.json"
    saved.write_text(json.dumps({"status": "ok", "message": {"DOI": "10.1234/x", "abstract":
        "<jats:title>Zusammenfassung</jats:title><jats:p>München und Harare schlossen 1996 eine Städtepartnerschaft, "
        "deren Schwerpunkt die Wasserversorgung ist.</jats:p><jats:p>Neumarkt arbeitet seit 2014 mit Bolgatanga.</jats:p>"}}),
        encoding="utf-8")
    assert extract_document(saved).text.endswith(
        "Zusammenfassung\nMünchen und Harare schlossen 1996 eine Städtepartnerschaft, deren Schwerpunkt die Wasserversorgung ist.\n\n"
        "Neumarkt arbeitet seit 2014 mit Bolgatanga.")


def test_a_smalltalk_file_out_reads_as_its_comments_and_a_table_of_the_arrays_its_methods_answer(tmp_path):
    saved = tmp_path / "Partnerschaft.st"
    saved.write_text(
        '"Filed out from Pharo-11.0.0"!\n\nObject subclass: #Partnerschaft\n\tinstanceVariableNames: \'stadt\'\n\tpackage: \'LHP\'!\n\n'
        "!Partnerschaft commentStamp: 'kw 2/3/2024 14:02' prior: 0!\nDie Partnerstädte der Landeshauptstadt Potsdam.!\n\n"
        "!Partnerschaft class methodsFor: 'daten' stamp: 'kw 2/3/2024 14:05'!\npolen\n"
        "\t\"Die älteste Partnerschaft.\"\n\t^ #('Potsdam' 'Opole' 1973 #partnerschaft)! !\n\n"
        "!Partnerschaft class methodsFor: 'daten' stamp: 'kw 2/3/2024 14:12'!\nusa\n"
        "\t^ #('Potsdam' 'Sioux Falls' nil #partnerschaft)! !\n\n"
        "!Partnerschaft methodsFor: 'printing' stamp: 'kw 2/3/2024 14:35'!\nprintOn: aStream\n"
        "\taStream nextPutAll: stadt; nextPutAll: ' – '! !\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Die Partnerstädte der Landeshauptstadt Potsdam.\n\nDie älteste Partnerschaft.\n\n"
        "Potsdam | Opole | 1973 | partnerschaft\nPotsdam | Sioux Falls |  | partnerschaft")


def test_a_newsletters_layout_table_reads_as_its_paragraphs(tmp_path):
    saved = tmp_path / "newsletter.html"
    saved.write_text(
        '<html><body><table role="presentation"><tr><td><h1>Tübingen und die Welt</h1></td></tr>'
        "<tr><td><p>Liebe Leserinnen und Leser,</p><p>angefangen hat alles 1960 mit Aix-en-Provence.</p>"
        "<p>1965 folgte Ann Arbor in Michigan, 1969 das englische Durham.</p></td></tr></table></body></html>",
        encoding="utf-8")
    assert "Leser,\n\nangefangen hat alles 1960 mit Aix-en-Provence.\n\n1965 folgte" in extract_document(saved).text


def test_a_gis_layer_in_csv_reads_without_its_geometry_its_points_and_lines_apart(tmp_path):
    saved = tmp_path / "layer.csv.txt"
    saved.write_text(
        "id;name;wkt;bemerkung\n1;Görlitz;POINT(14.98 51.15);\"Große Kreisstadt\"\n2;Amiens;POINT(2.29 49.89);\"\"\n"
        "101;Görlitz – Amiens;LINESTRING(14.98 51.15, 2.29 49.89);\"Jumelage seit dem 25. Juni 1971; regelmäßiger "
        "Schüleraustausch der Gymnasien beider Städte im Rahmen der Partnerschaft.\"\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "id | name | bemerkung\n1 | Görlitz | Große Kreisstadt\n2 | Amiens |\n\n101 | Görlitz – Amiens | Jumelage seit dem "
        "25. Juni 1971; regelmäßiger Schüleraustausch der Gymnasien beider Städte im Rahmen der Partnerschaft.")


def test_a_capture_of_an_api_response_and_its_page_reads_each_part_as_it_would_alone(tmp_path):
    saved = tmp_path / "oembed.txt"
    saved.write_text(
        'GET https://vimeo.com/api/oembed.json?url=x\n\n{\n  "type": "video",\n  "title": "45 Jahre Bremen und Danzig"\n}\n\n'
        '--- eingebettet in: https://www.bremen.de ---\n\n<main id="content">\n  <h2>Weitere Partnerschaften</h2>\n  <ul>\n'
        "    <li><strong>Haifa</strong> (Israel) – seit 1978</li>\n    <li><strong>Riga</strong> (Lettland) – seit 1985</li>\n"
        "  </ul>\n</main>\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "GET https://vimeo.com/api/oembed.json?url=x\n\ntype: video\ntitle: 45 Jahre Bremen und Danzig\n\n"
        "--- eingebettet in: https://www.bremen.de ---\n\nWeitere Partnerschaften\n• Haifa (Israel) – seit 1978\n"
        "• Riga (Lettland) – seit 1985")


def test_a_notes_checklist_in_json_reads_as_a_list_and_an_inverted_index_as_its_abstract(tmp_path):
    saved = tmp_path / "keep.json.txt"
    saved.write_text(json.dumps({"title": "Hamburgs Partnerstädte", "listContent": [
        {"text": "Marseille – 1958", "isChecked": True}, {"text": "Osaka – 1989", "isChecked": False}]}), encoding="utf-8")
    assert "Hamburgs Partnerstädte\n\nListContent\n- Marseille – 1958\n- Osaka – 1989" in extract_document(saved).text
    words = "Die Studie untersucht die Partnerschaft von Görlitz mit Amiens seit 1971 und mit Molfetta".split()
    index: dict[str, list[int]] = {}
    for position, word in enumerate(words):
        index.setdefault(word, []).append(position)
    saved.write_text(json.dumps({"title": "Außenbeziehungen von Görlitz", "abstract_inverted_index": index}), encoding="utf-8")
    assert " ".join(words) in extract_document(saved).text


def test_gml_features_read_as_each_features_name_over_its_description_without_geometry(tmp_path):
    saved = tmp_path / "inspire.gml.txt"
    saved.write_text(
        '<?xml version="1.0"?><wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" '
        'xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:gn="urn:gn"><wfs:member><gn:NamedPlace>'
        "<gml:description>Hansestadt Anklam an der Peene. Städtepartnerschaft mit Lemgo seit 1990.</gml:description>"
        "<gn:name><gn:GeographicalName><gn:language>deu</gn:language><gn:spelling><gn:SpellingOfName><gn:text>Anklam</gn:text>"
        "</gn:SpellingOfName></gn:spelling></gn:GeographicalName></gn:name><gn:gemeindeName>Anklam</gn:gemeindeName>"
        "<gml:Point><gml:pos>53.85 13.69</gml:pos></gml:Point></gn:NamedPlace></wfs:member></wfs:FeatureCollection>",
        encoding="utf-8")
    assert extract_document(saved).text == (
        "Anklam\nHansestadt Anklam an der Peene. Städtepartnerschaft mit Lemgo seit 1990.\nGemeinde: Anklam")


def test_a_boards_csv_groups_read_as_tables_and_its_sticky_notes_as_paragraphs(tmp_path):
    saved = tmp_path / "board.csv.txt"
    row = "{},Petra Lenz,Läuft,2025-05-09,Partnerschaft seit {},Besuch im Mai ist ausgebucht."
    saved.write_text("Westeuropa\nName,Person,Status,Date,Text,Updates\n" + "\n".join(
        row.format(town, year) for town, year in (("Alkmaar", 1958), ("Troyes", 1958), ("Graz", 1968), ("Bursa", 1971)))
        + "\n\nFreundschaften\nName,Person,Status,Date,Text,Updates\n" + row.format("Freiberg", 1990) + "\n", encoding="utf-8")
    text = extract_document(saved).text
    assert "Graz | Petra Lenz | Läuft | 2025-05-09 | Partnerschaft seit 1968 | Besuch im Mai ist ausgebucht." in text
    assert "Freiberg | Petra Lenz | Läuft | 2025-05-09 | Partnerschaft seit 1990 |" in text
    notes = [f'"sticky_note","{note}","Idee","B. Ott"' for note in (
        "Seit 1983 sind wir mit Villiers-sur-Marne verschwistert, das läuft gut.",
        "Städtefreundschaft mit Oederan (1990) wiederbeleben statt etwas ganz Neues anzufangen?",
        "Der Sportverein hat Kontakte nach Tarnowskie Góry, aber das ist keine Partnerschaft der Gemeinde.",
        "Kosten! Wer zahlt die Fahrten der Gruppen? Der Haushalt 2025 ist knapp bemessen.",
        "Nächster Schritt: ein Arbeitskreis bis Mai und ein Bericht im Gemeinderat im Juli.")]
    saved.write_text('"Type","Content","Tags","Author"\n' + "\n".join(notes) + "\n", encoding="utf-8")
    assert extract_document(saved).text.startswith(
        "Seit 1983 sind wir mit Villiers-sur-Marne verschwistert, das läuft gut.\n\nStädtefreundschaft mit Oederan")


def test_a_php_array_reads_as_its_fields_and_records_and_a_delphi_form_as_its_texts(tmp_path):
    saved = tmp_path / "partnerstaedte.php.txt"
    saved.write_text(
        "<?php\n/**\n * Partnerstädte der Stadt Würzburg\n * Stand 2024\n */\nreturn [\n    'stadt' => 'Würzburg',\n"
        "    'layout' => 'grid-3',\n    'partnerstaedte' => [\n        ['name' => 'Caen', 'seit' => 1962],\n"
        "        ['name' => 'Dundee', 'seit' => 1962], // Schottland\n        ['name' => 'Otsu', 'seit' => 1979],\n    ],\n];\n",
        encoding="utf-8")
    text = extract_document(saved).text
    assert text.startswith("stadt: Würzburg\nlayout: grid-3\n\nPartnerstädte\n| name | seit |\n| Caen | 1962 |")
    assert "Partnerstädte der Stadt Würzburg\nStand 2024" in text
    saved = tmp_path / "Form1.dfm.txt"
    saved.write_text(
        "object Form1: TForm1\n  Left = 312\n  Caption = 'Partnerst'#228'dte '#8211' Markt Schwaben'\n"
        "  object memInfo: TMemo\n    Lines.Strings = (\n      'Seit 1986 mit der franz'#246'sischen'\n"
        "      'Stadt Chatou verbunden.'\n      ''\n      'Mit K'#337'szeg seit 2001.')\n  end\nend\n", encoding="utf-8")
    assert extract_document(saved).text == (
        "Partnerstädte – Markt Schwaben\n\nSeit 1986 mit der französischen Stadt Chatou verbunden.\n\nMit Kőszeg seit 2001.")


def test_a_bug_reads_as_its_fields_and_its_comments_keep_their_list_lines(tmp_path):
    saved = tmp_path / "bug.xml.txt"
    saved.write_text(
        '<?xml version="1.0"?><bugzilla><bug><bug_id>2291</bug_id><short_desc>Partnerstädte-Seite: Palo Alto '
        "fälschlich gelistet, Simferopol-Status fehlt</short_desc><product>heidelberg.de</product>"
        "<component>Inhalte</component><bug_status>RESOLVED</bug_status><long_desc><commentid>1</commentid>"
        "<who>k.vogel@heidelberg.example</who><bug_when>2024-03-11</bug_when><thetext>Angezeigt werden Montpellier\n"
        "(1961) und Cambridge (1965).\n\nProbleme:\n1. Palo Alto ist keine Partnerstadt.\n2. Bei Simferopol fehlt der Hinweis."
        "</thetext></long_desc></bug></bugzilla>", encoding="utf-8")
    assert extract_document(saved).text == (
        "Short desc: Partnerstädte-Seite: Palo Alto fälschlich gelistet, Simferopol-Status fehlt\nProduct: heidelberg.de\n"
        "Component: Inhalte\nBug status: RESOLVED\n\nWho: k.vogel@heidelberg.example\n"
        "Angezeigt werden Montpellier (1961) und Cambridge (1965).\n\nProbleme:\n1. Palo Alto ist keine Partnerstadt.\n"
        "2. Bei Simferopol fehlt der Hinweis.")


def test_a_chat_export_of_typed_lines_reads_as_its_users_and_its_posts(tmp_path):
    saved = tmp_path / "mattermost.jsonl.txt"
    lines = [{"type": "version", "version": 1},
             {"type": "user", "user": {"username": "m.riedl", "nickname": "Freiburg"}},
             {"type": "post", "post": {"user": "m.riedl", "message": "Freiburg ist seit 1988 mit Wiwilí in Nicaragua "
                                       "verschwistert, ein Projekt zur Trinkwasserversorgung läuft.", "create_at": 1712048400000}},
             {"type": "post", "post": {"user": "d.ouedraogo", "message": "Für Ludwigsburg: Partnerschaft mit Kongoussi "
                                       "(Burkina Faso) seit 2012, Schwerpunkt Solarenergie und Schulbau.", "create_at": 1712055600000}}]
    saved.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    text = extract_document(saved).text
    assert "User\n| username | nickname |\n| m.riedl | Freiburg |" in text
    assert "\n\nFür Ludwigsburg: Partnerschaft mit Kongoussi (Burkina Faso) seit 2012" in text


def test_a_surveys_answers_stand_under_the_town_that_gave_them(tmp_path):
    saved = tmp_path / "limesurvey.csv.txt"
    saved.write_text(
        '"id","submitdate","G01Q01","G01Q02"\n'
        '"Antwort-ID","Datum Abgeschickt","Name der Kommune","Bitte nennen Sie Ihre Partnerstädte mit dem Jahr."\n'
        '"14","2023-09-04 10:17:32","Landeshauptstadt Dresden","Breslau (1959), Coventry (ebenfalls 1959) und Ostrava (1971), alle mit Vertrag."\n'
        '"15","2023-09-05 14:02:11","Stadt Leipzig","Krakau seit 1973, Kiew seit 1961, Frankfurt am Main im Jahr 1990 geschlossen."\n'
        '"16","2023-09-05 16:45:09","Stadt Zwickau","Jablonec nad Nisou (1971) und Dortmund (1988), beide mit einem Vertrag."\n',
        encoding="utf-8")
    text = extract_document(saved).text
    assert "Landeshauptstadt Dresden\n\nBreslau (1959), Coventry" in text
    assert "Stadt Leipzig\n\nKrakau seit 1973" in text
    assert "| Stadt Leipzig" not in text  # the towns head their answers; the table keeps the rest


def test_a_cms_collection_in_csv_reads_as_each_towns_page_with_its_line_breaks(tmp_path):
    saved = tmp_path / "webflow.csv.txt"
    header = "Name,Slug,Item ID,Created On,Kommune,Beschreibung\n"
    row = ('{0},{1},64f1a2d9e0b7c1a2b3c4d5e{2},"Tue Sep 05 2023 10:12:44 GMT+0000 (Coordinated Universal Time)",Stadt {0},'
           '"<h3>Partnerstädte</h3><p><strong>Luisant</strong> bei Chartres (Frankreich) – seit 1973<br><strong>Moosburg</strong> '
           'in Kärnten (Österreich) – seit 1985</p><p>Die Stadt {0} pflegt diese Partnerschaften mit vielen Vereinen und Schulen, '
           'und jedes Jahr reisen Bürgerinnen und Bürger zu den Festen in den Partnerstädten.</p>"\n')
    saved.write_text(header + "".join(row.format(name, name.lower(), k) for k, name in enumerate(["Maintal", "Hanau", "Erlensee", "Bruchköbel"])),
                     encoding="utf-8")
    text = extract_document(saved).text
    assert "Stadt Maintal\n\nPartnerstädte\nLuisant bei Chartres (Frankreich) – seit 1973\nMoosburg in Kärnten" in text
    assert "GMT+0000" in text.split("Stadt Bruchköbel")[-1].split("Partnerschaften mit vielen")[-1]  # dates in the table below


def test_an_sap_idoc_reads_as_its_text_lines_and_its_partners_names(tmp_path):
    saved = tmp_path / "orders.idoc.txt"
    control = "8000000000004711853000{0:03d}000006003"
    lines = ["EDI_DC40  8000000000004711853740 30  ORDERS05      ORDERS    SAPP01",
             "E2EDKA1003".ljust(30) + control.format(4) + "AG  0000100017         Freie und Hansestadt Hamburg       Rathausmarkt 1",
             "E2EDKT2001".ljust(30) + control.format(7) + "Jeder Arm trägt den Namen einer Partnerstadt Hamburgs:".ljust(70) + "*",
             "E2EDKT2001".ljust(30) + control.format(8) + "  Arm 2: Marseille – seit 1958 – 1.220 km".ljust(70) + "*",
             "E2EDP19001".ljust(30) + control.format(9) + "003Wegweiser 9 Arme, Mast 4,20 m"]
    saved.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = extract_document(saved).text
    assert text.startswith("Freie und Hansestadt Hamburg, Rathausmarkt 1\n\nJeder Arm trägt den Namen einer Partnerstadt Hamburgs:\n"
                           "  Arm 2: Marseille – seit 1958 – 1.220 km\n\nWegweiser 9 Arme")
    assert "0000100017" not in text and "*" not in text


def test_a_flat_impress_file_keeps_its_list_items_as_bullets(tmp_path):
    saved = tmp_path / "folien.fodp.txt"
    saved.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        '<office:body><office:presentation><draw:page><draw:frame><draw:text-box><text:p>Cottbus/Chóśebuz</text:p></draw:text-box></draw:frame>'
        '<draw:frame><draw:text-box><text:list><text:list-item><text:p>Montreuil (1959)</text:p></text:list-item>'
        '<text:list-item><text:p>Lipezk (1974)</text:p></text:list-item></text:list></draw:text-box></draw:frame></draw:page>'
        '</office:presentation></office:body></office:document>\n', encoding="utf-8")
    assert extract_document(saved).text == "Cottbus/Chóśebuz\n\n• Montreuil (1959)\n\n• Lipezk (1974)"


def test_a_forms_repeated_groups_read_as_a_table_with_their_years(tmp_path):
    saved = tmp_path / "kobo.xml.txt"
    groups = "".join(f"<grp_partner><stadt>{town}</stadt><land>{land}</land><jahr>{year}</jahr><art>Städtepartnerschaft</art></grp_partner>"
                     for town, land, year in [("Bobigny", "FR", 1974), ("Opole", "PL", 1973)])
    submission = ('<data id="a1"><start>2023-06-12T09:14:02</start>'
                  '<end>2023-06-12T09:41:55</end><grp_kommune><name>Landeshauptstadt Potsdam</name>'
                  '<bereich>Internationales</bereich><ansprechpartner>M. Gerlach</ansprechpartner></grp_kommune>'
                  f'{groups}<notizen>Mit Bobigny findet jedes Jahr eine Jugendbegegnung statt, das ist unsere aktivste Partnerschaft.'
                  '</notizen><meta><instanceID>uuid:3f1c</instanceID></meta></data>')
    saved.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<submissions>{submission}{submission}</submissions>\n', encoding="utf-8")
    text = extract_document(saved).text
    assert "Name: Landeshauptstadt Potsdam\n" in text
    assert "| Stadt | Land | Jahr | Art |\n| Bobigny | FR | 1974 | Städtepartnerschaft |\n| Opole | PL | 1973 |" in text


def test_a_scratch_project_reads_as_its_lists_and_what_its_sprites_say(tmp_path):
    saved = tmp_path / "project.json.txt"
    blocks = {"b1": {"opcode": "event_whenflagclicked", "next": "b2", "parent": None, "inputs": {}, "topLevel": True, "x": 40, "y": 40},
              "b2": {"opcode": "looks_sayforsecs", "next": "b3", "parent": "b1", "topLevel": False,
                     "inputs": {"MESSAGE": [1, [10, "Frage 1: Mit welcher Stadt ist Würzburg seit 1962 verschwistert?"]], "SECS": [1, [4, "4"]]}},
              "b3": {"opcode": "looks_sayforsecs", "next": None, "parent": "b2", "topLevel": False,
                     "inputs": {"MESSAGE": [1, [10, "Richtig ist Caen!"]], "SECS": [1, [4, "2"]]}}}
    project = {"targets": [{"isStage": False, "name": "Kilian", "variables": {}, "blocks": blocks,
                            "lists": {"p7Zq-partner": ["Partnerstädte Würzburg", ["Caen", "Rochester", "Otsu"]]},
                            "costumes": [{"name": "Residenzplatz", "assetId": "a3f9c1d2e4b5"}]}], "meta": {"semver": "3.0.0"}}
    saved.write_text(json.dumps(project, ensure_ascii=False), encoding="utf-8")
    assert extract_document(saved).text == ("Kilian\n\nPartnerstädte Würzburg: Caen, Rochester, Otsu\n\n"
                                            "Frage 1: Mit welcher Stadt ist Würzburg seit 1962 verschwistert?\n\nRichtig ist Caen!")


def test_a_fortran_namelist_reads_as_its_comments_and_a_table_of_its_groups(tmp_path):
    saved = tmp_path / "partner.nml.txt"
    group = "&partner_list\n  kommune  = '{0}'\n  partner  = '{1}'\n  seit     = {2}\n  ! {3}\n/\n\n"
    saved.write_text("! ====\n!  Eingabedaten: kommunale Partnerschaften in Baden-Württemberg\n! ====\n\n"
                     + group.format("Tübingen", "Moshi", 2014, "Klimapartnerschaft am Kilimandscharo")
                     + group.format("Ludwigsburg", "Montbéliard", 1950, "gegruendet im Zeichen der Aussoehnung")
                     + "&run_config\n  mit_karten = .true.\n/\n", encoding="utf-8")
    text = extract_document(saved).text
    assert text.startswith("Eingabedaten: kommunale Partnerschaften in Baden-Württemberg\n\n"
                           "kommune | partner | seit | Bemerkung\nTübingen | Moshi | 2014 | Klimapartnerschaft am Kilimandscharo\n"
                           "Ludwigsburg | Montbéliard | 1950 | gegruendet im Zeichen der Aussoehnung\n")


def test_a_surveymonkey_export_puts_each_towns_answers_under_its_name(tmp_path):
    saved = tmp_path / "surveymonkey.csv.txt"
    saved.write_text(
        "Respondent ID,Collector ID,Start Date,Name der Kommune,Bitte nennen Sie Ihre Partnerkommunen mit Jahr der Gründung.,"
        "Welche Schwerpunkte hat die Partnerschaftsarbeit?,,Anmerkungen (freier Text)\n"
        ",,,Open-Ended Response,Open-Ended Response,Jugendaustausch,Kultur,Open-Ended Response\n"
        '118402937561,431177820,10/02/2023 09:14:55,Stadt Eberswalde,"Gorzów Wielkopolski (Partnerschaft seit 1993); Delmenhorst '
        '(Städtefreundschaft, 1990)",Jugendaustausch,Kultur,"Der Schüleraustausch mit Gorzów findet jedes Jahr statt und wird von '
        'der Stadt organisiert."\n'
        '118402951208,431177820,10/02/2023 10:02:11,Stadt Prenzlau,"Barlinek (1996), Uster/Schweiz seit 1990",,Kultur,'
        '"Uster war nach der Wende eine große Hilfe, und mit Barlinek feiern wir gemeinsame Stadtfeste."\n'
        '118403089902,431177820,10/04/2023 15:50:44,Stadt Angermünde,,,,"Keine Städtepartnerschaft, die Schule hat aber eine '
        'Partnerschule in Barlinek."\n', encoding="utf-8")
    text = extract_document(saved).text
    # the questions' options ("Open-Ended Response") are no answers; each town heads its own
    assert text.startswith("Stadt Eberswalde\n\nGorzów Wielkopolski (Partnerschaft seit 1993); Delmenhorst (Städtefreundschaft, 1990)\n\n"
                           "Der Schüleraustausch mit Gorzów")
    assert "Stadt Prenzlau\n\nBarlinek (1996), Uster/Schweiz seit 1990\n\nUster war" in text
    assert "Open-Ended Response" not in text.split("|")[0]


def test_comma_separated_numbers_side_by_side_are_cells_not_a_decimal(tmp_path):
    saved = tmp_path / "redcap_records.csv.txt"
    saved.write_text(
        "record_id,kommune,partner,art,jahr,status\n1,Magdeburg,Braunschweig,1,1987,1\n2,Magdeburg,Nashville,1,2003,1\n"
        "3,Magdeburg,Sarajevo,1,1998,1\n4,Halle (Saale),Karlsruhe,1,1987,1\n\nDer Zuschuss betrug 2.500,00 € im Jahr.\n",
        encoding="utf-8")
    assert extract_document(saved).text == (
        "record_id | kommune | partner | art | jahr | status\n1 | Magdeburg | Braunschweig | 1 | 1987 | 1\n"
        "2 | Magdeburg | Nashville | 1 | 2003 | 1\n3 | Magdeburg | Sarajevo | 1 | 1998 | 1\n4 | Halle (Saale) | Karlsruhe | 1 | 1987 | 1\n\n"
        "Der Zuschuss betrug 2.500,00 € im Jahr.")


def test_a_list_inside_a_list_item_of_paragraphs_is_kept(tmp_path):
    saved = tmp_path / "blackboard.html"
    saved.write_text(
        "<html><head><title>Ankündigungen</title></head><body><div><h1>Ankündigungen</h1><ul class='announcementList'>"
        "<li><h3>Fallstudie Potsdam</h3><div class='details'><p>Liebe Studierende, wir arbeiten in Sitzung 5 mit der "
        "Landeshauptstadt Potsdam als Fallstudie. Zur Orientierung hier die wichtigsten Eckdaten:</p>"
        "<ul><li>Opole (Polen) – Partnerstadt seit 1973, die älteste Partnerschaft</li><li>Jyväskylä (Finnland) – seit 1985</li>"
        "<li>Bonn – seit 1988, eine der deutsch-deutschen Partnerschaften</li></ul>"
        "<p>Für die Diskussion: Fragen Sie sich, ob Städtepartnerschaften generell als Instrument der Versöhnung taugen "
        "oder ob das eine nachträgliche Deutung ist. Wir werden das kontrovers besprechen.</p>"
        "<p>Viele Grüße, Ihre Kursleitung</p></div></li></ul></div></body></html>", encoding="utf-8")
    text = extract_document(saved).text
    assert "Eckdaten:\n\n• Opole (Polen) – Partnerstadt seit 1973, die älteste Partnerschaft\n• Jyväskylä (Finnland) – seit 1985\n" in text
    assert "Für die Diskussion" in text


def test_a_programs_source_reads_as_its_comments_its_records_and_its_prose_strings(tmp_path):
    saved = tmp_path / "Partnerstaedte.kt"
    saved.write_text(
        "package de.erlangen.partnerstaedte.data\n\nimport java.time.Year\n\n"
        "/**\n * Datenquelle für die App „Erlangen international“.\n *\n"
        " * Erlangen unterhält Partnerschaften auf vier Kontinenten. Die erste wurde 1961\n"
        " * mit **Eskilstuna** in Schweden geschlossen.\n *\n * @see PartnerRepository\n */\n"
        "data class Partnerstadt(\n    /** Name, wie er angezeigt wird. */\n    val name: String,\n    val land: String,\n"
        "    val seit: Int?,\n    val art: Art,\n)\n\n"
        "val partnerstaedte: List<Partnerstadt> = listOf(\n"
        '    Partnerstadt("Eskilstuna", "SE", 1961, Art.PARTNERSCHAFT),\n'
        '    Partnerstadt("Rennes", "FR", 1964, Art.PARTNERSCHAFT),\n'
        '    Partnerstadt("San Carlos", "NI", null, Art.PROJEKTPARTNERSCHAFT),\n)\n\n'
        "// Hinweis für die Redaktion:\n// * Die Hochschulpartnerschaft mit Shenzhen ist keine\n"
        "//   kommunale Partnerschaft.\n"
        'fun hinweis() = Text("Seit 1990 unterstützt Erlangen Projekte in San Carlos am Río San Juan.", style = bold)\n',
        encoding="utf-8")
    assert extract_document(saved).text == (
        "Datenquelle für die App „Erlangen international“.\n\n"
        "Erlangen unterhält Partnerschaften auf vier Kontinenten. Die erste wurde 1961 mit Eskilstuna in Schweden geschlossen.\n\n"
        "Name, wie er angezeigt wird.\n\n"
        "Eskilstuna | SE | 1961 | PARTNERSCHAFT\nRennes | FR | 1964 | PARTNERSCHAFT\nSan Carlos | NI |  | PROJEKTPARTNERSCHAFT\n\n"
        "Hinweis für die Redaktion:\n• Die Hochschulpartnerschaft mit Shenzhen ist keine kommunale Partnerschaft.\n\n"
        "Seit 1990 unterstützt Erlangen Projekte in San Carlos am Río San Juan.")


def test_a_cms_entrys_blocks_read_as_headed_texts_and_its_table_blocks_rows(tmp_path):
    saved = tmp_path / "craft_entry.json"
    saved.write_text(json.dumps({
        "id": 48213, "title": "Partnerschaften an Rhein und Neckar", "postDate": "2023-06-21T08:00:00+02:00",
        "contentBlocks": [
            {"type": "textBlock", "fields": {"heading": "Heidelberg", "body": "<p>Die Universitätsstadt ist seit 1961 mit "
                                                                             "<strong>Montpellier</strong> verbunden, seit 1965 mit Cambridge.</p>"}},
            {"type": "textBlock", "fields": {"heading": "Schwetzingen", "body": "<p>Die Spargelstadt pflegt seit 1973 die Jumelage "
                                                                               "mit Lunéville in Lothringen.</p>"}},
            {"type": "table", "fields": {"caption": "Weitere Partnerschaften", "rows": [
                ["Stadt", "Partnerstadt", "Jahr"], ["Weinheim", "Cavaillon (Frankreich)", "1958"], ["Wiesloch", "Fontaine (Isère)", "1969"]]}},
        ]}, ensure_ascii=False), encoding="utf-8")
    text = extract_document(saved).text
    assert "Heidelberg\n\nDie Universitätsstadt ist seit 1961 mit Montpellier verbunden" in text
    assert "Schwetzingen\n\nDie Spargelstadt" in text
    assert "Stadt | Partnerstadt | Jahr\nWeinheim | Cavaillon (Frankreich) | 1958\nWiesloch | Fontaine (Isère) | 1969" in text
    assert "textBlock" not in text


def test_a_cms_items_fields_stored_as_names_and_values_read_as_those_fields(tmp_path):
    saved = tmp_path / "sitecore_item.yml"
    saved.write_text(
        "---\nID: \"7c3e91a2-55d4-4b0e-9f1c-2d6a8e0b4f17\"\nPath: /sitecore/content/Marburg/Home/Partnerstaedte\n"
        "Languages:\n- Language: de-DE\n  Versions:\n  - Version: 3\n    Fields:\n"
        "    - ID: \"25bed78c-4957-4165-998a-ca1b52f67497\"\n      Hint: __Created\n      Value: 20220908T101544Z\n"
        "    - ID: \"75577384-3c97-45da-a847-81b00500e250\"\n      Hint: Title\n      Value: Partnerstädte und Städtefreundschaften\n"
        "    - ID: \"a60acd61-a6db-4182-8329-c957982cec74\"\n      Hint: Text\n      Value: |\n"
        "        <h2>Marburg in der Welt</h2>\n        <p>Die Verbindung nach <strong>Maribor</strong> (Slowenien) reicht ins Jahr "
        "1969 zurück, die nach <strong>Sfax</strong> in Tunesien wurde 1971 besiegelt.</p>\n", encoding="utf-8")
    text = extract_document(saved).text
    assert "Title: Partnerstädte und Städtefreundschaften\n\nMarburg in der Welt\nDie Verbindung nach Maribor (Slowenien) reicht" in text
    assert "__Created" not in text and "25bed78c" not in text


def test_an_html_table_kept_in_an_xml_attribute_reads_as_rows_between_bars(tmp_path):
    saved = tmp_path / "content.xml"
    saved.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<jcr:root xmlns:jcr="http://www.jcp.org/jcr/1.0" xmlns:sling="http://sling.apache.org/jcr/sling/1.0" '
        'jcr:primaryType="cq:Page"><jcr:content jcr:title="Trier und seine Partnerstädte" sling:resourceType="trier/components/page">'
        '<text_intro sling:resourceType="trier/components/text" text="&lt;p>So entstand &lt;b>1957&lt;/b> die Partnerschaft mit '
        '&lt;b>Metz&lt;/b>, die als Zeichen der deutsch-französischen Versöhnung gilt.&lt;/p>"/>'
        '<text_table sling:resourceType="trier/components/text" text="&lt;table>&lt;tr>&lt;th>Partnerstadt&lt;/th>&lt;th>Land&lt;/th>'
        '&lt;th>seit&lt;/th>&lt;/tr>&lt;tr>&lt;td>Pula&lt;/td>&lt;td>Kroatien&lt;/td>&lt;td>1971&lt;/td>&lt;/tr>&lt;tr>&lt;td>Fort Worth'
        '&lt;/td>&lt;td>USA&lt;/td>&lt;td>1987&lt;/td>&lt;/tr>&lt;/table>"/></jcr:content></jcr:root>', encoding="utf-8")
    text = extract_document(saved).text
    assert "Partnerstadt | Land | seit\nPula | Kroatien | 1971\nFort Worth | USA | 1987" in text
    assert "So entstand 1957 die Partnerschaft mit Metz" in text
    assert "trier/components" not in text  # a resource's path is nobody's reading


def test_a_dbase_table_listed_by_a_viewer_reads_as_rows_with_their_memos(tmp_path):
    saved = tmp_path / "partner.txt"
    saved.write_text(
        "dbview -b -t PARTNER.DBF\nDatei:           PARTNER.DBF   (dBASE III+ mit Memo)\nFelder:\n"
        "  Nr  Name        Typ  Länge  Dez\n   1  LFDNR       N       4     0\n   2  STADT       C      24\n"
        "   3  SEIT        N       4     0\n   4  VERTRAG     D       8\n   5  BEMERK      M      10\n" + "-" * 60 + "\n"
        "LFDNR STADT                    SEIT VERTRAG  BEMERK\n" + "-" * 60 + "\n"
        "   1 Bristol                  1947 19470910 [Memo 1]\n"
        "   2 Rostow am Don               0          [Memo 2]\n" + "-" * 60 + "\nMemo-Felder (BEMERK):\n"
        "[Memo 1] Erste Partnerschaft der Landeshauptstadt Hannover; als Beitrag zur\nVersöhnung nach dem Krieg.\n"
        "[Memo 2] Nur Sondierungsgespräche 1991, keine Partnerschaft beschlossen.\n", encoding="utf-8")
    text = extract_document(saved).text
    assert ("LFDNR | STADT | SEIT | VERTRAG | BEMERK\n"
            "1 | Bristol | 1947 | 10.09.1947 | Erste Partnerschaft der Landeshauptstadt Hannover; als Beitrag zur Versöhnung nach dem Krieg.\n"
            "2 | Rostow am Don |  |  | Nur Sondierungsgespräche 1991, keine Partnerschaft beschlossen.") in text
    assert "Typ" not in text and "[Memo" not in text


def test_a_word_processor_document_saved_with_its_codes_reads_as_its_lines(tmp_path):
    saved = tmp_path / "vermerk.txt"
    saved.write_text(
        "[Open Style:Document][Font:Times New Roman 12pt][HRt]\n[Bold On]FREIE UND HANSESTADT HAMBURG[Bold Off][HRt]\n"
        "[Tab]Az. 021.40-11[Tab][Tab]Hamburg, 14. März 2011[HRt]\n"
        "Hamburg unterhält derzeit neun Städtepartnerschaften:[HRt]\n[Tab]–[Tab]Marseille (1958)[HRt]\n[Tab]–[Tab]Shanghai (1986)[HRt]\n",
        encoding="utf-8")
    text = extract_document(saved).text
    assert "FREIE UND HANSESTADT HAMBURG\nAz. 021.40-11  Hamburg, 14. März 2011\n" in text
    assert "Städtepartnerschaften:\n– Marseille (1958)\n– Shanghai (1986)" in text and "[" not in text


def test_a_survey_exported_with_its_questions_unquoted_puts_each_towns_answers_under_its_name(tmp_path):
    saved = tmp_path / "sosci.csv"
    question = "Bitte nennen Sie Ihre Partnerkommunen mit Jahr der Gründung und beschreiben Sie kurz die Aktivitäten."
    saved.write_text(
        "CASE;SERIAL;QUESTNNR;MODE;STARTED;K101;K102;K104;LASTDATA;FINISHED\n"
        f"Fall-Nr.;Seriennummer;Fragebogen;Interview-Modus;Beginn;Name der Kommune;Landkreis;{question};Letzte Bearbeitung;Abgeschlossen\n"
        '12;;partner23;interview;2023-06-12 09:14:22;Eberswalde;Barnim;"Unsere Partnerstadt ist Gorzów Wielkopolski (1989). '
        'Jährlich findet ein Bürgerfest statt.";2023-06-12 09:31:40;1\n'
        '17;;partner23;interview;2023-06-13 14:02:05;Frankfurt (Oder);kreisfrei;"Słubice (seit 1975), Nîmes (1976), '
        'Heilbronn – Städtefreundschaft im Jahr der Wiedervereinigung 1990.";2023-06-13 14:20:00;1\n', encoding="utf-8")
    text = extract_document(saved).text
    assert ("Name der Kommune: Eberswalde\n\nUnsere Partnerstadt ist Gorzów Wielkopolski (1989). Jährlich findet ein Bürgerfest statt.\n\n"
            "Name der Kommune: Frankfurt (Oder)\n\nSłubice (seit 1975)") in text
    assert text.startswith(question)


def test_a_calendar_exported_as_quoted_csv_reads_as_its_meetings_with_their_agendas(tmp_path):
    saved = tmp_path / "kalender.csv"
    saved.write_text(
        '"Subject","Start Date","Location","Description"\n'
        '"AK Städtepartnerschaften – Frühjahrstreffen","18.04.2023","Rathaus Kiel","Tagesordnung: 1. Bericht Kiel: Die Landeshauptstadt '
        'hat sieben Partnerstädte. 2. Bericht Flensburg: Partnerschaften mit Carlisle (1961) und Słupsk (1988). 3. Verschiedenes."\n'
        '"Vorbesprechung Kieler Woche","06.06.2023","Teams-Besprechung","Gäste aus Brest, Vaasa und Tallinn reisen zur Kieler Woche an, '
        'dazu eine Delegation aus Plymouth."\n', encoding="utf-8")
    text = extract_document(saved).text
    assert ("AK Städtepartnerschaften – Frühjahrstreffen\nRathaus Kiel\n\nTagesordnung:\n1. Bericht Kiel: Die Landeshauptstadt "
            "hat sieben Partnerstädte.\n2. Bericht Flensburg: Partnerschaften mit Carlisle (1961) und Słupsk (1988).\n3. Verschiedenes.") in text
    assert "Vorbesprechung Kieler Woche\nTeams-Besprechung\n\nGäste aus Brest" in text  # a meeting's times are no reading


def test_an_editors_divs_of_text_in_a_field_are_its_paragraphs(tmp_path):
    saved = tmp_path / "workitems.csv"
    saved.write_text(
        "ID,Work Item Type,Title,State,Description\n"
        '4411,User Story,"Empfang Delegation Gdańsk",Active,"<div><b>Hintergrund:</b> Die Städtepartnerschaft Bremen–Danzig wurde 1976 '
        'geschlossen.</div><div>Sie stand von Anfang an im Zeichen der Aussöhnung.</div>"\n'
        '4412,Task,"Fotoausstellung",New,"<div>Die Stadtteilpartnerschaft zwischen Bremen-Obervieland und Grudziądz wird gewürdigt.</div>"\n'
        '4413,Bug,"Webseite: Haifa falsch datiert",Resolved,"<div>Auf der Seite steht 1988. Richtig: Partnerstadt Haifa seit 1978.</div>"\n'
        '4414,Feature,"Izmir: Kulturwoche",Closed,"<div>Kulturwoche mit der Partnerstadt İzmir im Oktober.</div>"\n',
        encoding="utf-8")
    text = extract_document(saved).text
    assert "Die Städtepartnerschaft Bremen–Danzig wurde 1976 geschlossen.\n\nSie stand von Anfang an" in text
