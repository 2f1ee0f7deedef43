"""Data exports as the text a person reads from them.

A plain-text file may be a machine's export rather than prose: an open-data
API's JSON, a content management system's XML, a database dump (SQL), a
website's YAML configuration, a map's key=value tags, a calendar (iCalendar), a
video's subtitles (SubRip, WebVTT), a network drawn with Graphviz, Mermaid or D2, a version
history (git log, svn log), a financial report (XBRL), a register's XML message, a register's semicolon-separated rows (a quoted cell may run over
lines), a web table pasted a cell per line, a Jupyter notebook, a language file (.properties), a
static-site page under its front matter, a text browser's dump, a chat log, a draw.io diagram, an
outline or mind map (OPML, FreeMind, a Roam export), a program's literal records. Read raw, their markup splits what belongs
together ("stadt": "Kiew" on one line, "seit": "1961" three lines below) and
adds words nobody reads (keys, tags, timings). Each is rendered here as a
reader sees it in a viewer: a JSON list of records as a table with its keys
as the column heads (the form the partnership rules read as a register), XML
as the text of its elements with embedded HTML read as HTML, a dump's and a
YAML file's lists as tables under their names, each tagged object as its fields, a calendar as
its events, subtitles as the lines spoken, a wiki's comparison of two versions as
the newer one, wiki markup as the words it links and its tables' rows, a graph's edges, a CSV file's and a
pasted table's rows as rows between bars (a GIS layer's without its geometry), an API's JSON captured with the
page that embeds it as each part read alone, a git log as its messages, an XBRL report as its facts and footnotes, an XML data message
like the same data in JSON (a record's short fields as "key: value" lines among its texts), GML features (INSPIRE, CityGML, XPlanung) as each feature's name over its description without geometry, an abstract stored as an inverted index in reading order, a notebook as its text,
comments and printed tables, a page's front matter and a language file's keys as data, a
dump or a chat log without its link numbers or times, a diagram's lines as rows, an outline's branches as
headings over lists, a database's JSON Lines as its records (a bulk export's typed lines by type), a board's CSV notes as paragraphs. Word processors' and OCR engines'
markup (RTF, .docx and OpenDocument XML, SpreadsheetML, ALTO) is read by ``pipeline._markup``, the
word boxes of OCR and layout services (Tesseract TSV, ABBYY, PAGE XML, Textract, Cloud Vision,
DjVu, pdftohtml) by ``pipeline._ocr``, data kept as source code (text protos, HCL, EDN, Cypher,
Prolog, Mathematica notebooks, Makefiles, Dockerfiles, Fluent files, Smalltalk file-outs, Delphi forms) by ``pipeline._code``; a network (GEXF, GraphML) becomes its edges' rows and an
annotation export (WebAnno TSV) its sentences. Anything else is returned as it is.
"""

from __future__ import annotations

import csv
import html
import itertools
import json
import os
import re
import statistics
import tomllib

import lxml.html
import yaml
from lxml import etree

from pipeline._code import (build_file_as_text, cypher_as_text, dbase_listing_as_text, delphi_form_as_text, fluent_as_text, fixed_width_records_as_text, fortran_namelist_as_text, idoc_as_text, mathematica_notebook_as_text, parse_braced_records, parse_loose_records, postscript_as_text,
                           prolog_as_text, smalltalk_file_out_as_text, source_code_as_text)
from pipeline._markup import markup_as_text, rtf_as_text
from pipeline._ocr import (djvu_text_as_text, is_textract, ocr_xml_as_text, tesseract_tsv_as_text, textract_as_text, vision_as_text,
                           vision_pages)


def export_as_text(text: str) -> str:
    """``text`` as a reader sees it if it is a data export; otherwise unchanged."""
    if text.lstrip().startswith("{\\rtf"):
        return rtf_as_text(text)
    if re.match(r"\s*BEGIN:VCALENDAR\b", text):
        return _calendar_as_text(text)
    if (rendered := json_as_text(text)) is not None:
        return rendered
    if (rendered := _xml_as_text(text)) is not None:
        return rendered
    for reader in (postscript_as_text, mathematica_notebook_as_text, smalltalk_file_out_as_text, delphi_form_as_text, _captured_parts_as_text, build_file_as_text, fluent_as_text, tesseract_tsv_as_text, djvu_text_as_text, _webanno_as_text, _package_parts_as_text, _photo_tags_as_text, _sql_dump_as_text, cypher_as_text, prolog_as_text, fixed_width_records_as_text, dbase_listing_as_text, idoc_as_text, fortran_namelist_as_text,
                   _braced_records_as_text, _front_matter_page_as_text, _yaml_as_text,
                   _properties_as_text, _tag_dump_as_text, _latex_as_text, _graph_as_text, _mermaid_as_text, _plantuml_as_text, _d2_as_text, _typst_as_text, _git_log_as_text,
                   _loose_records_as_text, _source_code_as_text):
        if (rendered := reader(text)) is not None:
            return rendered
    text = _chat_log_as_text(_text_browser_dump_as_text(_application_log_as_text(_printed_tibbles_as_tables(
        _subtitles_as_prose(_bbcode_as_text(_page_builder_as_text(_quoted_replies_as_text(_word_processor_codes_as_text(text)))))))))
    text = _TASK_BOX.sub(r"\1", text)  # a Markdown task list's "- [x] York – 1957" is the list item "- York – 1957"
    text = _markdown_inline_as_text(text)
    return _cells_per_line_as_table(_csv_rows_as_table(_wikitext_as_text(_new_version_of_diff(_literal_tuples_as_rows(_indexed_fields_as_table(text))))))


# A part of a capture that starts at a line's beginning: a JSON document's opening bracket alone on its
# line, or an HTML element ("<main id="content">", "<div class=…>").
_JSON_PART_START = re.compile(r"[{\[]\s*")
_HTML_PART_START = re.compile(r"<(html|body|main|article|section|div|p|ul|ol|table|h[1-6]|figure|header|footer|aside)\b[^>]*>", re.I)
_JSON_PART_LINE = re.compile(r"^" + _JSON_PART_START.pattern + "$", re.M)
_HTML_PART_LINE = re.compile(r"^" + _HTML_PART_START.pattern, re.M | re.I)


def _captured_parts_as_text(text: str) -> str | None:
    """A developer's capture of what a page is built from, its parts set among notes: a request line, the
    JSON an API answered ("GET …/oembed.json" over its response), the HTML fragment the page embeds it
    in. Each part is read as it would be alone (JSON as its fields, HTML as its paragraphs), the notes
    stay lines. None unless both a JSON part and an HTML part are read: either alone among other lines is
    left to the readers of a command's transcript or a page's source."""
    if not (_JSON_PART_LINE.search(text) and _HTML_PART_LINE.search(text)):
        return None  # most texts: no line opens either part, and nothing need be read
    lines = text.split("\n")
    out: list[str] = []
    parts: set[str] = set()
    k = 0
    while k < len(lines):
        line = lines[k]
        end, rendered = None, None
        if _JSON_PART_START.fullmatch(line):
            closer = "}" if line.startswith("{") else "]"
            end = next((j for j in range(k + 1, len(lines)) if lines[j].rstrip() == closer), None)
            rendered = json_as_text("\n".join(lines[k : end + 1])) if end is not None else None
        elif start := _HTML_PART_START.match(line):
            closing = f"</{start.group(1).lower()}>"
            end = next((j for j in range(k, len(lines)) if lines[j].rstrip().lower().endswith(closing)
                        and not lines[j][:1].isspace()), None)
            blocks = _html_paragraphs("\n".join(lines[k : end + 1])) if end is not None else []
            rendered = "".join(("\n" if block.startswith("• ") and blocks[i - 1].split("\n")[-1].startswith("• ") else "\n\n")
                               * bool(i) + block for i, block in enumerate(blocks))
        if rendered:
            out.append(rendered)
            parts.add("json" if line.startswith(("{", "[")) else "html")
            k = end + 1
        else:
            out.append(line)
            k += 1
    return "\n".join(out) if parts == {"json", "html"} else None


# A formatting code of a word processor's document saved with its codes revealed (WordPerfect): "[HRt]",
# "[Bold On]", "[Tab]", "[Font:Times New Roman 12pt]", "[Open Style:Footer]".
_WORD_PROCESSOR_CODE = re.compile(r"\[(?:[A-Z][A-Za-z]{1,9}(?: [A-Z][A-Za-z]{1,9}){0,2}(?::[^\]\n]*)?|-)\]")
_HARD_RETURN = re.compile(r"\[(?:HRt|HPg|Hard Return|Hard Page)\]\n?")
_MIN_HARD_RETURNS = 3


def _word_processor_codes_as_text(text: str) -> str:
    """A WordPerfect document saved as text with its codes ("[Bold On]FREIE UND HANSESTADT HAMBURG[Bold Off][HRt]")
    as its reader sees it: a hard return a line's end, a soft return a space, tabs at a line's start its
    indent ("[Tab]–[Tab]Marseille (1958)" the item "– Marseille (1958)"), other tabs a column gap, the
    other codes dropped. Unchanged unless ``text`` has a few hard returns."""
    if len(_HARD_RETURN.findall(text)) < _MIN_HARD_RETURNS:
        return text
    text = _HARD_RETURN.sub("\n", text)
    text = re.sub(r"\[(?:SRt|Soft Return|Hyph SRt)\]\n?", " ", text)
    text = re.sub(r"\[(?:Tab|Left Tab|Dec Tab|Center Tab|Right Tab|Indent|Hd Left Tab|Center|Flsh Rgt)\]", "\t", text)
    text = _WORD_PROCESSOR_CODE.sub("", text)
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"^\s*([–•·*-])\t+", r"\1 ", line.strip())  # a bullet and the tab after it
        lines.append(re.sub(r"\t+", "  ", line))
    return "\n".join(lines)


# A reply's quoted lines: "> Braunschweig seit 1987, ...", "> > Weiss jemand, ...", ">> ...".
_QUOTED_LINE = re.compile(r"^((?:>[ \t]?)+)(.*)$")
_MIN_QUOTED_LINES = 2


def _quoted_replies_as_text(text: str) -> str:
    """The quoted lines of a mail or newsgroup reply as the paragraphs they quote: the ">" marks of each
    level dropped and each change of level a paragraph break, so that a sentence wrapped over quoted
    lines reads as one and does not run into the reply around it."""
    lines = text.split("\n")
    quoted = [_QUOTED_LINE.match(line) for line in lines]
    for k, match in enumerate(quoted):  # a lone "> Mehr erfahren" is a link's arrow, no quote
        if match and not (k and quoted[k - 1]) and not (k + 1 < len(quoted) and quoted[k + 1]):
            quoted[k] = None
    if sum(match is not None for match in quoted) < _MIN_QUOTED_LINES:
        return text
    out: list[str] = []
    level = 0
    for line, match in zip(lines, quoted):
        depth = match.group(1).count(">") if match else 0
        if depth != level and out and out[-1].strip():
            out.append("")
        level = depth
        out.append(match.group(2) if match else line)
    return "\n".join(out)


_TASK_BOX = re.compile(r"^([ \t]*[-*+][ \t]+)\[[ xX]\][ \t]+", re.M)
_MARKDOWN_STRONG = re.compile(r"\*\*(?=[^\s*])([^\n]+?)(?<=[^\s*])\*\*")
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MARKDOWN_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\((?:https?://|/|\.|#|mailto:)[^)\s]*(?:\s+\"[^\"\n]*\")?\)")


def _markdown_inline_as_text(text: str) -> str:
    """Markdown's inline marks as the rendered page shows them: "**Landau – Ruhango**" as its words,
    a link as its label, an image gone. The tagger reads "**Landau" as no town."""
    text = _MARKDOWN_IMAGE.sub("", text)
    text = _MARKDOWN_LINK.sub(r"\1", text)
    return _MARKDOWN_STRONG.sub(r"\1", text)


# --- Scratch projects ------------------------------------------------------------------------------------

def _scratch_project_as_text(targets: list[dict]) -> str | None:
    """A Scratch project (project.json) as its player meets it: per sprite, its name, its lists' items
    ("Partnerstädte Würzburg: Caen, Rochester, Otsu"), then what its scripts say and ask, a paragraph
    each, in the order the scripts run. Opcodes, coordinates, costumes and sounds are the program's.
    None if no sprite lists or says anything: then the JSON is read as data."""
    blocks: list[str] = []
    for target in targets:
        own: list[str] = []
        lists = target.get("lists")
        for value in (lists.values() if isinstance(lists, dict) else ()):
            if isinstance(value, list) and len(value) == 2 and isinstance(value[1], list) and value[1]:
                own.append(f"{value[0]}: " + ", ".join(str(item) for item in value[1]))
        scripts = target["blocks"]
        tops = [key for key, block in scripts.items() if isinstance(block, dict) and block.get("topLevel")]
        seen: set[str] = set()
        for top in tops:
            key = top
            # a top-level reporter is stored as an array, not a block: no script to follow
            while isinstance(key, str) and isinstance(scripts.get(key), dict) and key not in seen:
                seen.add(key)
                block = scripts[key]
                inputs = block.get("inputs")
                for value in (inputs.values() if isinstance(inputs, dict) else ()):
                    # an input's literal: [1, [10, "Frage 1: ..."]], a text's type code 10
                    literal = value[1] if isinstance(value, list) and len(value) > 1 else None
                    if isinstance(literal, list) and len(literal) == 2 and literal[0] == 10 and str(literal[1]).strip():
                        own.append(" ".join(str(literal[1]).split()))
                key = block.get("next")
        if own:
            blocks.append("\n\n".join([str(target.get("name", "")), *own]).strip())
    return "\n\n".join(blocks) + "\n" if blocks else None


# --- CSV ----------------------------------------------------------------------------------------------------

_MIN_CSV_ROWS = 3


def _csv_rows_as_table(text: str) -> str:
    """Runs of three or more lines separated by semicolons into as many cells each (a register exported
    as CSV, pasted into a page) as rows between bars: "Kirn | Sarrebourg | 1962". Read raw,
    "Hannover;Bristol;1947" is one word to the tagger, and a quoted cell's own semicolon splits it."""
    lines = _csv_records(text.split("\n"))
    rows = [_csv_cells(line) for line in lines]
    comma_rows = [_csv_cells(line, ",") for line in lines]
    out, k = [], 0
    headers: set[str] = set()  # a board's groups, each under the header row of the first: "Name,Person,Status,Date"
    while k < len(lines):
        # Semicolons first; commas, more common in prose, only as a longer run of equal rows.
        for cells, minimum in ((rows, _MIN_CSV_ROWS), (comma_rows, _MIN_COMMA_CSV_ROWS)):
            run = k
            while run < len(lines) and cells[run] and len(cells[run]) == len(cells[k]):
                run += 1
            if cells is comma_rows and all(_ALL_CELLS_QUOTED.fullmatch(line.strip()) for line in lines[k:run]):
                minimum = _MIN_CSV_ROWS  # every cell quoted, as Outlook exports its calendar: no prose's commas
            if run - k >= minimum or (run - k >= 2 and lines[k].strip() in headers):
                headers.add(lines[k].strip())
                out += _csv_run_as_text([[_json_scalar(cell) for cell in row] for row in cells[k:run]])
                k = run
                break
        else:
            out.append(lines[k])
            k += 1
    return "\n".join(out)


_CSV_HEAD_CELL = re.compile(r"[^\W\d][\w .()/-]{0,30}")


def _csv_run_as_text(rows: list[list[str]]) -> list[str]:
    """A run of CSV rows as lines: a table between bars, or, under a header and with a column of prose
    and none of towns (a board's sticky notes: "Type,Content,Tags,Author"), the other columns' table and
    each row's text as the paragraph it is, the board's words before its bookkeeping. Where a column
    names whose row it is (a survey's "Name der Kommune"), each row's text stands under that name: the
    answers of Dresden, then of Leipzig, each town's partners its own."""
    head = rows[0]
    labelled = len(rows) > 2 and _is_label_row(rows[1], rows[2:])
    if labelled and not all(_CSV_HEAD_CELL.fullmatch(cell) for cell in head):
        # a survey's questions over their answer options ("Welche Schwerpunkte …?" over "Jugendaustausch",
        # the options' further columns blank above "Kultur", "Wirtschaft"): each column by what it asks
        head = [question or option or f"column {column + 1}" for column, (question, option) in enumerate(zip(head, rows[1]))]
        head = [name if head.count(name) == 1 else f"{name} ({column + 1})" for column, name in enumerate(head)]
    if len(rows) > 2 and (labelled or all(_CSV_HEAD_CELL.fullmatch(cell) for cell in head)) and len(set(head)) == len(head):
        records = [dict(zip(head, row)) for row in rows[1:]]
        # a column of sentences, lower-case words among them; not a date's "Tue Sep 05 2023 10:12:44 GMT+0000 (...)"
        prose = [name for name in head if statistics.median(len(record.get(name, "").split()) for record in records) >= 8
                 and statistics.median(len(re.findall(r"(?<!\S)[a-zäöüß]{2,}", record.get(name, ""))) for record in records) >= 2]
        # a register's remark on each partner is its row's; a CMS's page of rich text is a text of its own
        pages = prose and statistics.median(sum(len(record.get(name, "").split()) for name in prose) for record in records) >= _MIN_PAGE_WORDS
        if prose and (pages or not any(_TOWN_KEY.fullmatch(name) for name in head)):
            if not labelled and any(name not in prose and _TITLE_KEY.fullmatch(name) and all(record.get(name) for record in records)
                                    for name in head):
                # a calendar's meetings, a board's cards: each its own section, its subject over its text
                return [line for record in records for line in (_titled_record(record, prose), "")]
            labels = rows[1] if labelled else head
            first = int(labelled)  # a label row's texts (the survey's questions) once, at the top
            subjects = [name for name, label in zip(head, labels) if name not in prose
                        and _CSV_SUBJECT_LABEL.search(f"{name} {label}") and _is_name_column([record.get(name, "") for record in records[first:]])]
            # the column that names each town with its title ("Stadt Hanau") before a bare "Hanau": a heading
            # the reader takes for the town's own section
            subjects.sort(key=lambda name: -sum(bool(_TITLED_TOWN.match(record.get(name, ""))) for record in records))
            subject = subjects[0] if subjects else None
            if subject:  # a survey's short open answers too ("Barlinek (1996), Uster seit 1990"), under the town that gave them
                prose = [name for name in head if name in prose or (name not in subjects and _is_open_answer([record.get(name, "") for record in records[first:]]))]
            texts = [[_prose_as_text(record[name]) for name in prose if record.get(name)] for record in records]
            # the questions above the answers, not the export's "Open-Ended Response" under them
            paragraphs = [paragraph for text in texts[:first] for paragraph in text if len(paragraph.split()) >= 3]
            for record, text in zip(records[first:], texts[first:]):
                paragraphs += [_answering_town(record[subject], labels[head.index(subject)])] if subject and text and record[subject] else []
                paragraphs += text
            # the short columns' table after the texts, without the towns the headings named
            rest = [name for name in head if name not in prose and not (subject and (name in subjects or _TOWN_KEY.fullmatch(name)))]
            return [*(line for paragraph in paragraphs for line in (paragraph, "")), _json_table(records, rest), ""]
    return _rows_without_geometry(rows)


def _answering_town(name: str, label: str) -> str:
    """The heading over a survey's answers from one town: its name as the answer gave it ("Stadt Prenzlau"),
    or a bare name after the question that asked for it ("Name der Kommune: Eberswalde"), so that it reads
    as the town that answered and not as one more partner."""
    if _TITLED_TOWN.match(name) or not _MUNICIPALITY_LABEL.fullmatch(label.strip()):
        return name
    return f"{label.strip().rstrip(':')}: {name}"


_MUNICIPALITY_LABEL = re.compile(r"Name\s+(?:der|Ihrer)\s+(?:Kommune|Gemeinde|Stadt)\s*:?", re.I)
_MIN_PAGE_WORDS = 25
# The label of a survey's or a register's column naming whose row it is: "Name der Kommune", "Titel".
_CSV_SUBJECT_LABEL = re.compile(r"\b(?:name|titel|title|kommune|gemeinde|stadt|organisation|institution|einrichtung)\b", re.I)
_TITLED_TOWN = re.compile(r"(?:[\wäöüß-]*(?:stadt|gemeinde)|Markt|(?:Land)?[Kk]reis)\s+[A-ZÄÖÜ]", re.I)
_CSV_DATUM = re.compile(r"[\d\s.:,/+-]*")


def _is_label_row(row: list[str], records: list[list[str]]) -> bool:
    """Whether a CSV's second row labels its columns in words (a survey export's questions under their
    codes: "G01Q01" over "Name der Kommune"): a column whose values are all numbers or dates is a word
    in this row."""
    numeric = [column for column in range(len(row))
               if all(len(record) > column and record[column].strip() and _CSV_DATUM.fullmatch(record[column]) for record in records)]
    if any(row[column].strip() and not _CSV_DATUM.fullmatch(row[column]) for column in numeric):
        return True
    # SurveyMonkey's row of "Response", "Open-Ended Response" and the options, blank over the ids and dates
    return bool(numeric) and not re.search(r"\d", "".join(row)) and all(not row[column].strip() for column in numeric) and (
        sum(bool(cell.strip()) for cell in row) >= 3)


def _is_open_answer(values: list[str]) -> bool:
    """Whether a survey's column holds answers in words: filled in most rows, each of a few words or more,
    not the "Ja" or "Kultur" of a choice."""
    filled = [value for value in values if value.strip()]
    return (2 * len(filled) >= len(values) and statistics.median(len(value.split()) for value in filled) >= 3
            and not any(_CSV_DATUM.fullmatch(value) for value in filled)  # nor a date, "Tue Sep 05 2023 10:12:44 GMT+0000"
            and statistics.median(len(re.findall(r"(?<!\S)[a-zäöüß]{2,}", value)) for value in filled) >= 1)


def _is_name_column(values: list[str]) -> bool:
    """Whether a column's values name their rows: mostly filled, short, words rather than numbers."""
    filled = [value for value in values if value.strip()]
    return 2 * len(filled) > len(values) and all(len(value.split()) <= 6 and not _CSV_DATUM.fullmatch(value) for value in filled)


# A GIS layer's geometry as well-known text: "POINT(14.98 51.15)", "LINESTRING(...)", "MULTIPOLYGON(((...)))".
_WKT_GEOMETRY = re.compile(r"\s*(?:SRID=\d+;)?(?:MULTI)?(?:POINT|LINESTRING|POLYGON|GEOMETRYCOLLECTION)\s*(?:Z|M|ZM)?\s*\(.*\)\s*", re.I | re.S)


def _rows_without_geometry(rows: list[list[str]]) -> list[str]:
    """A table's rows between bars; a layer exported from a GIS with its geometry column left out:
    coordinates are read by no one, and a line's twenty numbers stand between a pair of towns and the
    remark on them. Where the geometry changes type (the towns' points, then the partnerships' lines), a
    blank line parts the two layers, whose rows say different things."""
    geometry = next((column for column in range(len(rows[0]))
                     if all(_WKT_GEOMETRY.fullmatch(row[column]) for row in rows[1:])), None)
    if geometry is None:
        return [_CELL_SEPARATOR.join(row) for row in rows]
    out, shape = [], None
    for row in rows:
        kind = _WKT_GEOMETRY.fullmatch(row[geometry]) and row[geometry].split("(")[0].strip().upper()
        if kind and shape and kind != shape:
            out.append("")
        shape = kind or shape
        out.append(_CELL_SEPARATOR.join(cell for column, cell in enumerate(row) if column != geometry))
    return out


_ALL_CELLS_QUOTED = re.compile(r'"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")+')
_MIN_CELLS_OF_A_QUESTION_ROW = 8
_MIN_COMMA_CSV_ROWS = 5  # a header and four rows: a snippet of three rows in a discussion is quoted, not the data
_QUOTED_CELL = re.compile(r'"(?:[^"]|"")*"')
_MAX_CSV_CELL_LINES = 10


def _csv_records(lines: list[str]) -> list[str]:
    """Lines with a quoted cell that runs over several lines (a remark with line breaks) joined into one
    record; a quote left open for more than a few lines is a stray one, and its line stays alone."""
    records, k = [], 0
    while k < len(lines):
        end = k
        if lines[k].lstrip().startswith('"') and ";" in lines[k] and lines[k].count('"') % 2:
            end = next((j for j in range(k + 1, min(len(lines), k + _MAX_CSV_CELL_LINES))
                        if sum(line.count('"') for line in lines[k : j + 1]) % 2 == 0), k)
        records.append(" ".join(line.strip() for line in lines[k : end + 1]) if end > k else lines[k])
        k = end + 1
    return records


def _csv_cells(line: str, delimiter: str = ";") -> list[str] | None:
    """The cells of a line if it is a row of three or more cells separated by ``delimiter`` (quoted cells
    read whole, each line on its own, so that a stray quote cannot join lines), else None."""
    if line.count(delimiter) < 2 or "|" in _QUOTED_CELL.sub("", line) or re.search(r"&\w+;|&#\d+;", line):
        return None
    if delimiter == "," and (re.search(r",\s|(?:^|[^\w.,])\d[\d.]*,\d+(?=\s|%|€|$)", _QUOTED_CELL.sub("", line)) or (
            line.rstrip().endswith((".", ":")) and _QUOTED_CELL.sub("", line).count(",") < 4)):
        # prose's commas have a space after them, a decimal's digits ("9.000,00 €"); an export's have neither
        # (its "1987,1" is two cells, the number after a comma), and a row of five cells may end in a remark's
        # full stop
        return None
    try:
        cells = next(csv.reader([line], delimiter=delimiter))
    except csv.Error:  # a cell longer than the csv module reads: no register's
        return None
    if len(cells) < 3 or not any(cell.strip() for cell in cells):
        return None
    unquoted = _QUOTED_CELL.sub('""', line).split(delimiter)
    if len(unquoted) >= 5:
        unquoted = unquoted[:-1]  # a row of five cells or more may end in an unquoted remark
    long_cells = sum(len(cell.split()) > 12 for cell in unquoted)
    if long_cells and not (len(unquoted) >= _MIN_CELLS_OF_A_QUESTION_ROW and 4 * long_cells <= len(unquoted)):
        # sentences that happen to hold semicolons; an export quotes its long remarks, though not always a
        # survey its questions, in a row of many short ones ("Fall-Nr.;Beginn;...;Bitte nennen Sie ...;...")
        return None
    return cells


# --- A web table pasted a cell per line ------------------------------------------------------------------

_MAX_PASTED_CELL_CHARS = 60
# "1965", "'92", "1963/1990", "seit 2001", "12.05.1990", "Mai 1988": a cell that is a date and nothing else
_YEAR_CELL = re.compile(r"(?:(?:seit|ab|since)\s+)?(?:\d{1,2}\.\s?(?:\d{1,2}\.|[^\W\d]+)\s?|[^\W\d]+\s)?"
                        r"(?:1[89]\d\d|20\d\d)(?:\s?[/–-]\s?\d{2,4})?|'\d\d", re.I)
_MIN_PASTED_ROWS = 3

# A program's literal list of tuples on one line: {{"Trier", 1987}, {"Siena", 1994}} (AppleScript),
# [("Trier", 1987), ...] (Python), [["Trier", 1987], ...]; each tuple a quoted name and short values.
_LITERAL_TUPLE = re.compile(r"[{\[(]\s*(\"[^\"\n]{1,60}\"|'[^'\n]{1,60}')((?:\s*,\s*(?:\"[^\"\n]{0,60}\"|'[^'\n]{0,60}'|[-\w.]{1,20}))+)\s*[}\])]")
_MIN_LITERAL_TUPLES = 3


# A program's record set field by field: "partner(2).stadt = 'Lugoj';" (MATLAB), "partner[2].stadt = ..."
_INDEXED_FIELD = re.compile(r"""(\w+)\s*[(\[]\s*(\d+)\s*[)\]]\s*\.\s*(\w+)\s*=\s*('[^'\n]*'|"[^"\n]*"|[-\w.]+)\s*;?""")
_MIN_INDEXED_RECORDS = 2


def _indexed_fields_as_table(text: str) -> str:
    """Lines of source code that set the fields of numbered records ("partner(1).stadt = 'Erlangen';
    partner(1).seit = 1987;") as the table they fill: a row per record, a column per field, where
    the first of those lines stood. Other lines stay as they are."""
    if not _INDEXED_FIELD.search(text):
        return text
    lines = text.split("\n")
    records: dict[str, dict[str, dict[str, str]]] = {}
    owned: dict[int, str] = {}  # line number → the record set its assignments fill
    for k, line in enumerate(lines):
        fields = list(_INDEXED_FIELD.finditer(line))
        if fields and not _INDEXED_FIELD.sub("", line).strip():
            for field in fields:
                value = field.group(4).strip("'\"")
                records.setdefault(field.group(1), {}).setdefault(field.group(2), {})[field.group(3)] = "" if value == "NaN" else value
            owned[k] = fields[0].group(1)
    out, written = [], set()
    for k, line in enumerate(lines):
        name = owned.get(k)
        rows = records.get(name, {}) if name else {}
        if len(rows) < _MIN_INDEXED_RECORDS:
            out.append(line)
        elif name not in written:
            written.add(name)
            columns = list(dict.fromkeys(column for row in rows.values() for column in row))
            out += [_CELL_SEPARATOR.join(columns), *(_CELL_SEPARATOR.join(row.get(column, "") for column in columns) for row in rows.values())]
    return "\n".join(out)


def _literal_tuples_as_rows(text: str) -> str:
    """A line of source code that states a list of records as literal tuples, as the table it is:
    one row a tuple, its values between bars ("Trier | 1987"), the quotes gone; the assignment
    around it ("set partnerList to") is read by no one. Other lines stay as they are."""
    def rows(line: str) -> str:
        tuples = list(_LITERAL_TUPLE.finditer(line))
        if len(tuples) < _MIN_LITERAL_TUPLES or len({m.group(2).count(",") for m in tuples}) != 1:
            return line
        return "\n".join(_CELL_SEPARATOR.join(value.strip().strip("\"'") for value in [m.group(1), *m.group(2).split(",")[1:]])
                         for m in tuples)
    if not _LITERAL_TUPLE.search(text):
        return text
    return "\n".join(rows(line) for line in text.split("\n"))


def _cells_per_line_as_table(text: str) -> str:
    """A web table copied into a text editor, every cell on a line of its own ("Kommune" / "Partnerkommune" /
    "Land" / "seit" / "Saarbrücken" / "Nantes" / …), as rows between bars. The heads are the first lines
    of a run of short lines, none with a digit; the width is the one for which a column holds a year in
    nearly every row, the column's head none."""
    lines = text.split("\n")
    out, k = [], 0
    while k < len(lines):
        run = k
        while run < len(lines) and lines[run].strip() and len(lines[run]) <= _MAX_PASTED_CELL_CHARS and "|" not in lines[run]:
            run += 1
        if run == k:  # a blank, long or barred line
            out.append(lines[k])
            k += 1
            continue
        table = _pasted_table([line.strip() for line in lines[k:run]]) if run - k >= 4 * _MIN_PASTED_ROWS else None
        out += lines[k:run] if table is None else table  # a run is tried once: a long list stays linear
        k = run
    return "\n".join(out)


def _pasted_table(cells: list[str]) -> list[str] | None:
    for skip in range(3):  # a title or a caption may stand right above the heads
        for width in range(3, 9):
            heads, body = cells[skip : skip + width], cells[skip + width :]
            rows = [body[i : i + width] for i in range(0, len(body), width)]
            if len(rows) < _MIN_PASTED_ROWS or any(re.search(r"\d", head) for head in heads):
                continue
            complete = rows if len(rows[-1]) == width else rows[:-1]
            if any(sum(1 for row in complete if _YEAR_CELL.fullmatch(row[column])) >= 0.8 * len(complete)
                   for column in range(width)):
                return cells[:skip] + [" | ".join(row) for row in [heads, *rows]]
    return None


# --- JSON --------------------------------------------------------------------------------------------------

# Lines a saved API response may start with: the request, the status, comments ("# Abgerufen am ...").
# A line that opens a JSON value, or a script's assignment of one ("window.YTD.tweets.part0 = [").
_JSON_START = re.compile(r"^[ \t]*(?:(?:var[ \t]+|let[ \t]+|const[ \t]+)?[A-Za-z_$][\w.$]*[ \t]*=[ \t]*)?[\[{]", re.M)
_MIN_JSON_CHARS = 40
# A request, status line or comment above a JSON response; a longer query (SPARQL, GraphQL) if the
# response is most of the file.
_MAX_JSON_PREAMBLE_LINES = 5


def json_as_text(text: str) -> str | None:
    """A JSON document (after a few lines of request, status or comment) as its scalar fields,
    "key: value" on a line each, and each list of objects as a pipe table; None if ``text`` is no JSON
    document. Objects nested in a record become its columns ("partner.name"); a SPARQL result's
    bindings ({"type": "literal", "value": "Kiel"}) become their values."""
    for start in _JSON_START.finditer(text):
        preamble = text[: start.start()]
        if len(preamble.splitlines()) > _MAX_JSON_PREAMBLE_LINES and len(preamble) > len(text) / 2:
            return None
        body = text[start.end() - 1 :]
        try:
            data, end = json.JSONDecoder().raw_decode(body)
        except (ValueError, RecursionError):  # no JSON here (a query's "{" line), or nested past reading
            continue
        rest = body[end:].strip().lstrip(";").strip()
        if isinstance(data, dict) and rest.startswith("{") and (lines := _json_lines(body)) is not None:
            data, rest, end = _typed_lines(lines), "", len(body)
        if not isinstance(data, (dict, list)) or end < _MIN_JSON_CHARS or len(rest) > len(body) / 4:
            return None
        data = _plain_json(data)
        if isinstance(data, dict) and isinstance(data.get("cells"), list) and "nbformat" in data:
            return _notebook_as_text(data["cells"])
        if is_textract(data):
            return textract_as_text(data)
        if (pages := vision_pages(data)) is not None:
            return vision_as_text(pages)
        if isinstance(data, dict) and data.get("type") == "excalidraw" and isinstance(data.get("elements"), list):
            return _drawing_as_text(data["elements"])
        if _is_outline_export(data):
            return _outline_pages_as_text(data)
        if isinstance(data, dict) and isinstance(data.get("targets"), list) and all(
                isinstance(target, dict) and isinstance(target.get("blocks"), dict) for target in data["targets"]) and (
                rendered := _scratch_project_as_text(data["targets"])) is not None:
            return rendered
        return _data_as_text(data, before=[preamble.strip()], after=[rest])
    return None


def _is_outline_export(data: object) -> bool:
    """An outliner's JSON export (Roam Research, Logseq): a list of pages, each a title over blocks
    that hold a "string" and may hold child blocks."""
    return isinstance(data, list) and bool(data) and all(
        isinstance(page, dict) and "title" in page for page in data) and any(
        isinstance(page.get("children"), list) and any(isinstance(block, dict) and "string" in block for block in page["children"])
        for page in data)


_OUTLINE_LINK = re.compile(r"#?\[\[([^\[\]\n]+)\]\]|\(\([\w-]{6,}\)\)|(?<!\S)#(?=\w)")


def _outline_pages_as_text(pages: list[dict]) -> str:
    """An outliner's pages as the outline they show: each page's title, then its blocks as an indented
    list, a child under its parent ("Bestehende Partnerschaften ..." over "- Świnoujście – ..."); page
    links ("[[Bad Salzuflen]]") and tags ("#Tourismus") as their words, block references and the
    blocks' ids and times gone."""
    def blocks(children: object, depth: int) -> list[str]:
        lines = []
        for block in children if isinstance(children, list) else []:
            if not isinstance(block, dict):
                continue
            words = _OUTLINE_LINK.sub(lambda m: m.group(1) or "", str(block.get("string", ""))).strip()
            if words:
                lines.append("  " * depth + "- " + " ".join(words.split()))
            lines += blocks(block.get("children"), depth + 1)
        return lines
    return "\n\n".join("\n".join([str(page.get("title", "")), *blocks(page.get("children"), 0)]).strip() for page in pages) + "\n"


def _data_as_text(data: object, before: list[str], after: list[str]) -> str | None:
    """Parsed data (JSON, or what another syntax states) as its scalar fields and its tables, between
    the blocks ``before`` and ``after`` it (a request line, comments); None if nested past reading."""
    fields: list[str] = []
    tables: list[str] = []
    try:
        _collect_json(data, "", fields, tables)
    except RecursionError:
        return None
    blocks = [*before, "\n".join(fields), *tables, *after]
    return "\n\n".join(block for block in blocks if block) + "\n"


def _typed_lines(records: list[dict]) -> list[dict] | dict[str, list[dict]]:
    """A bulk export whose lines each wrap one object in its type (Mattermost's {"type": "post", "post":
    {...}}) as lists of those objects by type, so that the posts are read as posts and the users as a
    table of users; other JSON Lines as they are."""
    if not all(isinstance(record.get("type"), str) and set(record) <= {"type", record["type"]} for record in records):
        return records
    by_type: dict[str, list[dict]] = {}
    for record in records:
        if isinstance(inner := record.get(record["type"]), dict):
            by_type.setdefault(record["type"], []).append(inner)
    return by_type or records


def _json_lines(body: str) -> list[dict] | None:
    """The records of a JSON Lines file (a database's export, a log: one object per line), or None if
    ``body`` is not one object after another."""
    records: list[dict] = []
    decoder = json.JSONDecoder()
    position = 0
    while position < len(body):
        try:
            record, position = decoder.raw_decode(body, position)
        except (ValueError, RecursionError):
            return None
        if not isinstance(record, dict):
            return None
        records.append(record)
        while position < len(body) and body[position] in " \t\r\n,":
            position += 1
    return records


# MongoDB's extended JSON wraps a value in its type: {"$date": "1987-06-18T00:00:00.000Z"}, {"$oid": ...};
# Avro's JSON a value of a union type: {"string": "Budweis"}, {"int": 1993}.
_EXTENDED_JSON_TYPES = frozenset({"$date", "$oid", "$numberInt", "$numberLong", "$numberDouble", "$numberDecimal",
                                  "string", "int", "long", "float", "double", "boolean"})


def _plain_json(value: object) -> object:
    """``value`` with a database export's typed values as the values they hold: a date as its day
    ("1987-06-18"), a number as its digits, an Avro union's value as the value. Read as a record,
    {"$date": ...} is a column of its own."""
    if isinstance(value, list):
        return [_plain_json(item) for item in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1 and next(iter(value)) in _EXTENDED_JSON_TYPES:
        (kind, inner), = value.items()
        inner = _plain_json(inner)
        if kind == "$date" and isinstance(inner, str) and (day := re.match(r"\d{4}-\d\d-\d\d", inner)):
            return day.group()
        return inner
    return {name: _plain_json(item) for name, item in value.items()}


def _notebook_as_text(cells: list) -> str:
    """A Jupyter notebook as a reader sees it: its text cells, its code's comments (the code itself
    is no statement) and what the code printed, a data frame's HTML table as rows between bars."""
    blocks: list[str] = []
    for cell in cells:
        if not isinstance(cell, dict):
            continue
        source = _notebook_lines(cell.get("source"))
        if cell.get("cell_type") == "markdown":
            blocks.append(source)
        elif cell.get("cell_type") == "code":
            comments = [line.strip().lstrip("#").strip() for line in source.split("\n") if line.strip().startswith("#")]
            blocks.append("\n".join(comment for comment in comments if comment))
            for output in cell.get("outputs") or []:
                if not isinstance(output, dict):
                    continue
                data = output.get("data") if isinstance(output.get("data"), dict) else {}
                if "text/html" in data and "<table" in _notebook_lines(data["text/html"]):
                    blocks.append(_html_table_rows(_notebook_lines(data["text/html"])))
                else:
                    blocks.append(_notebook_lines(output.get("text") or data.get("text/plain")))
    return "\n\n".join(block.strip() for block in blocks if block and block.strip()) + "\n"


def _notebook_lines(source: object) -> str:
    """A notebook's multi-line string, stored as a list of lines or as one string."""
    if isinstance(source, list):
        return "".join(str(line) for line in source)
    return source if isinstance(source, str) else ""


def _html_table_rows(html: str) -> str:
    """The rows of an HTML table between bars; an index column without a head (a data frame's
    row numbers) is left out."""
    try:
        fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(re.sub(r"<[^>]+>", " ", html).split())
    rows = [[" ".join(cell.text_content().split()) for cell in row if cell.tag in ("td", "th")] for row in fragment.iter("tr")]
    rows = [row for row in rows if any(row)]
    if rows and rows[0] and not rows[0][0]:
        rows = [row[1:] for row in rows]
    return "\n".join(" | ".join(row) for row in rows)


def _collect_json(value: object, key: str, fields: list[str], tables: list[str]) -> None:
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value) \
            and any(_holds_records(item) for item in value):
        # Records that hold records of their own (a town and its partners): each a block of its fields
        # over its own tables, so that a partner stays under its town and not in a table of all of them.
        for item in value:
            item_fields: list[str] = []
            item_tables: list[str] = []
            _collect_json(item, "", item_fields, item_tables)
            tables.append("\n\n".join(block for block in ["\n".join(item_fields), *item_tables] if block))
    elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        table = _records_as_text([_json_record(item, tables) for item in value])
        tables.append(f"{_key_as_words(key)}\n{table}" if key else table)  # "partnerstaedte:" heads its table
    elif isinstance(value, list):
        if all(not isinstance(item, (dict, list)) for item in value):
            if value:
                fields.append(f"{key}: {', '.join(_json_scalar(item) for item in value)}")
        else:
            for item in value:
                _collect_json(item, key, fields, tables)
    elif isinstance(value, dict) and _is_binding(value):
        fields.append(f"{key}: {_json_scalar(value['value'])}")
    elif isinstance(value, dict) and key and _is_named_reference(value):
        fields.append(f"{key}: {_json_scalar(value['name'])}")  # "assignee: Miriam Brandt", not a "name:" of its own
    elif isinstance(value, dict) and _is_rich_text(value):
        tables.append("\n\n".join(_rich_text_blocks(value)))
    elif isinstance(value, dict) and (words := _inverted_index_text(value)) is not None:
        tables.append(words)
    elif isinstance(value, dict):
        for name, item in value.items():
            _collect_json(item, name, fields, tables)
    elif isinstance(value, str) and len(value) >= _MIN_PROSE_CHARS and _JATS_MARKUP.search(value):
        # a scholarly record's abstract in JATS (Crossref): "<jats:p>...</jats:p>" as its paragraphs
        tables.append("\n\n".join(_html_paragraphs(_JATS_MARKUP.sub(lambda m: "<" + m.group(1) + _JATS_AS_HTML.get(m.group(2), m.group(2)), value))))
    elif isinstance(value, str) and len(value) >= _MIN_PROSE_CHARS and (re.search(r"\n\s*\S", value.strip()) or _EMBEDDED_HTML.search(value)):
        tables.append(_prose_as_text(value))  # a description in lines (Markdown's headings and bullets) or in HTML keeps them
    elif value not in (None, "") and not isinstance(value, bool):
        fields.append(f"{key}: {_json_scalar(value)}")


def _holds_records(record: dict) -> bool:
    """Whether a record has a list of towns among its values (records keyed by a name or town; a
    partner's photos are no list of its own partners)."""
    return any(isinstance(value, list) and value and all(isinstance(item, dict) for item in value)
               and any(_TOWN_KEY.fullmatch(str(key)) for item in value for key in item)
               for value in record.values())


def _inverted_index_text(value: dict) -> str | None:
    """A text stored as an inverted index, each word with the positions it stands at (OpenAlex's
    "abstract_inverted_index": {"Die": [0, 86], "Fallstudie": [1], ...}), in reading order again;
    None for any other dict."""
    if len(value) < 10 or not all(isinstance(positions, list) and positions and all(
            isinstance(p, int) and not isinstance(p, bool) for p in positions) for positions in value.values()):
        return None
    by_position = {p: word for word, positions in value.items() for p in positions}
    if min(by_position) != 0 or len(by_position) < 0.9 * (max(by_position) + 1):
        return None
    return " ".join(by_position[p] for p in sorted(by_position))


def _is_named_reference(value: dict) -> bool:
    """A reference to a person or an object by its name and ids (a task's {"gid": "1207...", "name":
    "Miriam Brandt"}), as a task manager or tracker exports it."""
    return isinstance(value.get("name"), str) and 2 <= len(value) <= 4 and all(
        key == "name" or key in ("resource_type", "type") or (isinstance(item, (str, int)) and not isinstance(item, bool)
                                                            and re.fullmatch(r"[\w.@:/+-]*\d[\w.@:/+-]*|[\w.+-]+@[\w.-]+", str(item)))
        for key, item in value.items())


def _is_binding(value: dict) -> bool:
    """A SPARQL JSON result's cell: {"type": "uri" | "literal", "value": ..., "xml:lang": ...}."""
    return "value" in value and "type" in value and set(value) <= {"type", "value", "xml:lang", "datatype"}


def _json_record(record: dict, tables: list[str], prefix: str = "") -> dict[str, str]:
    """A record's cells by column name; its own lists of records become tables of their own."""
    cells: dict[str, str] = {}
    for name, value in record.items():
        column = f"{prefix}{name}"
        if isinstance(value, dict) and _is_binding(value):
            cells[column] = _json_scalar(value["value"])
        elif isinstance(value, dict):
            cells.update(_json_record(value, tables, prefix=f"{column}."))
        elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            tables.append(_records_as_text([_json_record(item, tables) for item in value]))
        elif isinstance(value, list) and len(value) >= 2 and all(
                isinstance(row, list) and len(row) >= 3 and all(not isinstance(cell, (dict, list)) for cell in row) for row in value):
            # a table block's rows ("rows": [["Stadt", "Partnerstadt", "Jahr"], ["Weinheim", "Cavaillon", "1958"]]), not
            # a post's tags in pairs ("tags": [["t", "jena"], …])
            tables.append("\n".join(_CELL_SEPARATOR.join(_json_scalar(cell) for cell in row) for row in value))
        elif isinstance(value, list):
            cells[column] = ", ".join(_json_scalar(item) for item in value if not isinstance(item, (dict, list)))
        elif isinstance(value, str):
            cells[column] = value  # as written: a post's text keeps its lines
        elif value is not None and not isinstance(value, bool):
            cells[column] = _json_scalar(value)
    return cells


# A rich-text document's root (Contentful, ProseMirror / Tiptap, Lexical), its children, and its text leaves.
_RICH_TEXT_ROOTS = frozenset({"document", "doc", "root"})
_RICH_TEXT_CHILDREN = ("content", "children")
_RICH_TEXT_LEAVES = ("value", "text")
_RICH_TEXT_INLINE = re.compile(r"text|hyperlink|link|mention|hard_?break|emoji", re.I)


def _is_rich_text(value: dict) -> bool:
    """A headless CMS's rich-text field: {"nodeType": "document", "content": [...]} and the like."""
    return _rich_text_kind(value) in _RICH_TEXT_ROOTS and _rich_text_children(value) is not None


def _rich_text_kind(node: dict) -> str:
    return str(node.get("nodeType", node.get("type", "")))


def _rich_text_children(node: dict) -> list[dict] | None:
    """A node's child nodes, or None if it has no list of them."""
    children = next((node[key] for key in _RICH_TEXT_CHILDREN if isinstance(node.get(key), list)), None)
    return None if children is None else [child for child in children if isinstance(child, dict)]


def _all_inline(children: list[dict]) -> bool:
    """Nodes that are runs of one block's text (text, links, mentions), not blocks of their own."""
    return all(_RICH_TEXT_INLINE.search(_rich_text_kind(child)) for child in children)


def _rich_text_blocks(node: dict) -> list[str]:
    """A rich-text tree as the page shows it: a paragraph or heading per block, its text nodes joined
    (a sentence is often split over several, one per mark), a table row as cells between bars, a list
    item after a dash."""
    kind = _rich_text_kind(node)
    children = _rich_text_children(node) or []
    if re.search(r"table.?row", kind, re.I):
        return [_CELL_SEPARATOR.join(_rich_text_inline(cell) for cell in children)]
    if kind.lower() == "table":
        return ["\n".join(block for child in children for block in _rich_text_blocks(child))]
    if re.search(r"list.?item", kind, re.I):
        return ["- " + _rich_text_inline(node)]
    if children and _all_inline(children):
        text = _rich_text_inline(node)
        return [text] if text else []
    return [block for child in children for block in _rich_text_blocks(child)]


def _rich_text_inline(node: dict) -> str:
    """A node's text: its own leaf, or its children's joined (text runs as written, blocks by a space)."""
    leaf = next((node[key] for key in _RICH_TEXT_LEAVES if isinstance(node.get(key), str)), None)
    if leaf is not None:
        return leaf
    children = _rich_text_children(node) or []
    runs = [_rich_text_inline(child) for child in children]
    return " ".join(("" if _all_inline(children) else " ").join(runs).split())


# An identifier's umlaut spelt out ("partnerstaedte", "koethen"): a vowel plus "e" between consonants.
_SPELT_UMLAUT = re.compile(r"(?<=[bcdfghjklmnprstvwxz])([aou])e(?=[bcdfghjklmnpqrstvwxz])")


def _key_as_words(key: object) -> str:
    """A key or a table's name as the words it stands for: "partnerstaedte" → "Partnerstädte",
    "sister_city" → "Sister city"; a YAML key may be a number ("1964:")."""
    words = " ".join(re.split(r"[_:]+", str(key))).strip()
    if words.isascii():
        words = _SPELT_UMLAUT.sub(lambda m: {"a": "ä", "o": "ö", "u": "ü"}[m.group(1)], words)
    return words[:1].upper() + words[1:]


def _json_scalar(value: object) -> str:
    return " ".join(str(value).replace("|", "/").split())


def _json_table(records: list[dict[str, str]], columns: list[str] | None = None) -> str:
    """A pipe table of ``records`` under ``columns`` (by default, every key in the order first met)."""
    if columns is None:
        columns = []
        for record in records:
            columns.extend(name for name in record if name not in columns)
    rows = ["| " + " | ".join(columns) + " |"]
    rows.extend("| " + " | ".join(_json_scalar(record.get(name, "")) for name in columns) + " |" for record in records)
    return "\n".join(rows)


_MIN_PROSE_CHARS = 100
_MAX_RECORD_CELL_CHARS = 60  # a record's value longer than this is a text of its own, not a field
# The key of a record's town: a register of partner towns, not a thread of posts.
# Not a foreign key's "partnerschaften_id": a reference to a record, not a town.
_TOWN_KEY = re.compile(r"name|city|town|stadt|staedte|städte|partner\w*(?<![_.]id)|ort|kommune|gemeinde|place", re.IGNORECASE)
_HTML_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")
# The column that names a record's text: a crawled page's or an article's title, its own heading.
_TITLE_KEY = re.compile(r"(?:\w+\.)?(?:title|titel|headline|heading|überschrift|subject|betreff)", re.IGNORECASE)


def _prose_as_text(value: str) -> str:
    """A record's text as a reader sees it: its HTML as paragraphs, its Markdown as text, and what an
    export escaped for the web ("Empfang &amp; Konzert") unescaped."""
    if _EMBEDDED_HTML.search(value):
        return "\n\n".join(_html_paragraphs(value))
    return _numbered_items_on_lines(_markdown_inline_as_text(html.unescape(value.strip()) if _HTML_ENTITY.search(value) else value.strip()))


# An item of a numbered list run into one line, after a sentence's or a label's end: "Tagesordnung: 1. Bericht
# Kiel: ... 2. Bericht Flensburg: ...".
_RUN_IN_ITEM = re.compile(r"(?:^|(?<=[.:!?]\s))(\d{1,2})\.\s+(?=[A-ZÄÖÜ])")


def _numbered_items_on_lines(text: str) -> str:
    """A field's agenda written on one line ("1. Bericht Kiel: ... 2. Bericht Flensburg: ...") with each item
    on a line of its own, as the list it is; only items numbered 1, 2, … in turn, not a date's "1. Mai"."""
    items, expected = [], 1
    for match in _RUN_IN_ITEM.finditer(text):
        if int(match.group(1)) == expected:
            items.append(match.start())
            expected += 1
    if len(items) < 2:
        return text
    for start in reversed(items):
        text = text[:start].rstrip(" ") + ("\n" if start else "") + text[start:]
    return text


def _records_as_text(records: list[dict[str, str]], min_table_rows: int = 1) -> str:
    """Records as a pipe table; a column of prose (the posts of a forum thread, a register's
    descriptions) below it, each text the paragraph it is: a sentence squeezed into a table cell is
    no cell of a register's row. Fewer than ``min_table_rows`` records as "key: value" lines."""
    if len(records) < min_table_rows:
        return "\n\n".join(_record_lines(record) for record in records)
    columns: list[str] = []
    for record in records:
        columns.extend(name for name in record if name not in columns)
    if len(columns) == 1 and len(records) > 1 and columns[0] in ("text", "value", "item", "content"):
        # a checklist's items (a note's "listContent": [{"text": ..., "isChecked": ...}]): a list, not a table
        return "\n".join("- " + _json_scalar(record[columns[0]]) for record in records if record.get(columns[0]))
    if any(_TOWN_KEY.fullmatch(name.rsplit(".", 1)[-1]) for name in columns):
        return _json_table(records, columns)  # a register of towns, its descriptions its rows' remarks
    if (fields := _named_values_as_text(records, columns)) is not None:
        return fields
    prose = [name for name in columns if 2 * sum(len(record.get(name, "")) >= _MIN_PROSE_CHARS for record in records)
             >= sum(bool(record.get(name)) for record in records)]
    short = [name for name in columns if name not in prose]
    if prose and any(_TITLE_KEY.fullmatch(name) for name in short):
        # Pages or articles, each with its own title: each its own section, the title over its text,
        # so that a page's town is not read as the town of the pages after it.
        return "\n\n".join(_titled_record(record, prose) for record in records if any(record.get(name) for name in prose))
    paragraphs = [_prose_as_text(record[name]) for record in records for name in prose if record.get(name)]
    table = _json_table(records, short) if short and any(record.get(name) for record in records for name in short) else ""
    return "\n\n".join(block for block in [table, *paragraphs] if block)


# A CMS's fields as records of a name and a value (a Sitecore item's {"ID": …, "Hint": "Title", "Value": "…"})
_FIELD_NAME_KEY = re.compile(r"hint|name|key|label|field_?name|feld", re.I)
_FIELD_VALUE_KEY = re.compile(r"value|wert", re.I)
_FIELD_ID_KEY = re.compile(r"id|guid|uuid|type|typ", re.I)


def _named_values_as_text(records: list[dict[str, str]], columns: list[str]) -> str | None:
    """Fields stored as records of their name and value as the fields they are: "Title: Partnerstädte …", a
    text's HTML as its paragraphs; a system's own fields ("__Created", a GUID's value) left out. None unless
    the records are such fields."""
    names = [name for name in columns if _FIELD_NAME_KEY.fullmatch(name)]
    values = [name for name in columns if _FIELD_VALUE_KEY.fullmatch(name)]
    if len(names) != 1 or len(values) != 1 or not all(
            name in (names[0], values[0]) or _FIELD_ID_KEY.fullmatch(name) for name in columns):
        return None
    blocks, last_field = [], False
    for record in records:
        name, value = record.get(names[0], ""), record.get(values[0], "").strip()
        if name.startswith("_") or not (_ATTRIBUTE_WORDS.search(value) or _ATTRIBUTE_DATE.match(value)) or (
                _ATTRIBUTE_NOT_TEXT.search(value) and not _ATTRIBUTE_DATE.match(value)) or re.fullmatch(r"\{[\w-]+\}", value):
            continue
        if len(value) > _MAX_RECORD_CELL_CHARS or _EMBEDDED_HTML.search(value):
            blocks.append(_prose_as_text(value))
            last_field = False
        elif last_field:
            blocks[-1] += f"\n{_key_as_words(name)}: {_json_scalar(value)}"  # the fields' lines together
        else:
            blocks.append(f"{_key_as_words(name)}: {_json_scalar(value)}")
            last_field = True
    return "\n\n".join(blocks)


def _titled_record(record: dict[str, str], prose: list[str]) -> str:
    """A page's record as its title, its other short fields in words (a topic's labels: "Kooperation,
    seit 2022") on a line below, and its text under them. Identifiers, addresses and times (a
    crawler's "2024-04-02T07:13:55Z") are left out."""
    titles = [_json_scalar(html.unescape(value)) for name, value in record.items() if _TITLE_KEY.fullmatch(name) and value]
    fields = [_json_scalar(value) for name, value in record.items()
              if name not in prose and not _TITLE_KEY.fullmatch(name) and len(value) <= _MAX_RECORD_CELL_CHARS
              and _ATTRIBUTE_WORDS.search(value) and not _ATTRIBUTE_NOT_TEXT.search(value)]
    texts = [_prose_as_text(record[name]) for name in prose if record.get(name)]
    return "\n\n".join(["\n".join([*titles, ", ".join(fields)]).strip(), *texts]).strip()


def _record_lines(record: dict[str, str]) -> str:
    """A record as "key: value" lines, its long values (a message's text) as paragraphs below."""
    short = [f"{name}: {_json_scalar(value)}" for name, value in record.items() if value and len(value) <= _MAX_RECORD_CELL_CHARS]
    long = [_prose_as_text(value) for value in record.values() if len(value) > _MAX_RECORD_CELL_CHARS]
    return "\n".join(short + long)


def _braced_records_as_text(text: str) -> str | None:
    """A text proto, an HCL (Terraform) or an EDN file read like a JSON export of the data it states
    (see pipeline._code): its opening comments first, its other comments (a note on one partner, a
    reason for leaving one out) after the data. None for other text."""
    return _parsed_records_as_text(parse_braced_records(text))


def _loose_records_as_text(text: str) -> str | None:
    """A configuration in HOCON, Lua, Jsonnet, Dhall or KDL read like a JSON export (see
    ``pipeline._code.parse_loose_records``), when no reader of a stricter syntax took it. None for
    other text."""
    return _parsed_records_as_text(parse_loose_records(text))


def _source_code_as_text(text: str) -> str | None:
    """A program's source (see ``pipeline._code.source_code_as_text``) as its comments' paragraphs, its
    literal records' tables and its strings of prose, in their order; None for other text."""
    blocks = source_code_as_text(text)
    if blocks is None:
        return None
    out = []
    for kind, value in blocks:
        if kind == "comment":
            out.append(_comment_as_text(value))
        elif kind == "table":
            header, rows = value
            out.append("\n".join(_CELL_SEPARATOR.join(row) for row in ([header] if header else []) + rows))
        else:
            out.append(_markdown_inline_as_text(value))
    return "\n\n".join(block for block in out if block.strip()) or None


def _comment_as_text(lines: list[str]) -> str:
    """A doc comment's lines as a reader sees them: its paragraphs joined, its Markdown headings and
    bullets lines of their own, a JSON sample in it ("Beispieldaten: [ {…}, … ]") read as a JSON export."""
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if not line.strip() or re.fullmatch(r"\s*[=*#~_-]{5,}\s*", line):  # a blank line, a rule of "====="
            paragraphs.append([])
        elif re.match(r"\s*(?:#{1,6}\s|[*•-]\s|[\w .-]{1,20}:(?:\s|$))", line) or not paragraphs[-1] or (
                paragraphs[-1][0].lstrip().startswith(("[", "{"))):
            paragraphs[-1].append(line)  # a heading, a bullet, a label's line ("Projekt    : Lauflicht …")
        elif (bullet := re.match(r"\s*[*•-]\s", paragraphs[-1][-1])) and len(line) - len(line.lstrip()) >= bullet.end():
            paragraphs[-1][-1] += " " + line.strip()  # a bullet's wrapped line, indented under its text
        elif bullet or re.match(r"\s*#{1,6}\s", paragraphs[-1][-1]):
            paragraphs[-1].append(line)
        else:
            paragraphs[-1][-1] += " " + line.strip()
    out = []
    for paragraph in paragraphs:
        if not paragraph:
            continue
        block = "\n".join(paragraph)
        if paragraph[0].lstrip().startswith(("[", "{")) and (data := json_as_text(block)) is not None:
            out.append(data)
            continue
        out.append(_markdown_inline_as_text("\n".join(re.sub(r"^\s*#{1,6}\s+", "", re.sub(r"^\s*[*-]\s+", "• ", line)).strip()
                                                     for line in paragraph)))
    return "\n\n".join(out)


def _parsed_records_as_text(parsed: tuple[object, list[str], list[str]] | None) -> str | None:
    if parsed is None:
        return None
    data, opening, comments = parsed
    return _data_as_text(_plain_json(data), before=["\n".join(opening)], after=comments)


_WEBANNO_HEAD = re.compile(r"\A\s*#FORMAT=WebAnno TSV\b")
_WEBANNO_SENTENCE = re.compile(r"^#Text=(.*)$", re.M)


def _webanno_as_text(text: str) -> str | None:
    """A WebAnno (INCEpTION) TSV export as the text it annotates: its sentences, a line each; the token
    rows and their labels are the annotators' work, not the text. None for other text."""
    if not _WEBANNO_HEAD.match(text):
        return None
    return "\n".join(sentence.replace("\\n", " ").strip() for sentence in _WEBANNO_SENTENCE.findall(text)) + "\n"


# --- YAML --------------------------------------------------------------------------------------------------

_YAML_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][\w.-]*):(?:[ \t]|$)")
_MIN_YAML_LINES = 6


# A serializer's key in PascalCase ("SharedFields", "Hint", "Value" in a Sitecore item), not a form's "Name der Kommune"
_PASCAL_KEY = re.compile(r"(?:[A-Z][a-z]+)+")


def _yaml_as_text(text: str) -> str | None:
    """A YAML file (a website's configuration, a data file) read like a JSON export: its opening
    comments as text, its scalar fields, each list of records as a table under its key. Comments
    elsewhere are a maintainer's notes, and an entry commented out is not in the data. None unless
    ``text`` is a nested mapping of machine keys ("partnerstaedte:", "  - name: Tours")."""
    lines = [line for line in text.split("\n") if line.strip() and not line.lstrip().startswith("#")]
    keys = [m.group(1) for line in lines if (m := _YAML_KEY.match(line))]
    if (len(lines) < _MIN_YAML_LINES or len(keys) < 0.6 * len(lines)
            or sum(key.islower() or key.isupper() or bool(_PASCAL_KEY.fullmatch(key)) for key in keys) < 0.7 * len(keys)
            or not any(line[:1] in " \t-" and _YAML_KEY.match(line) for line in lines)):
        return None  # prose, or a form's "Name: Müller" lines
    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError, RecursionError):  # also a date that is none ("seit: 2024-02-30"): the text as it is
        return None
    if not (isinstance(data, dict) or isinstance(data, list) and data and all(isinstance(item, dict) for item in data)):
        return None  # a list of records (an Ansible playbook's plays) reads like a mapping
    opening = []
    for line in text.split("\n"):
        if not line.startswith("#") and line.strip() not in ("", "---"):
            break
        if line.strip() != "---":
            opening.append(line.lstrip("#").strip())
    fields: list[str] = []
    tables: list[str] = []
    for record in data if isinstance(data, list) else [data]:  # each play of a playbook like a mapping of its own
        _collect_json(record, "", fields, tables)
    blocks = ["\n".join(opening).strip(), "\n".join(fields), *tables]
    return "\n\n".join(block for block in blocks if block) + "\n"


# --- static-site pages and property files ------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A\s*(---|\+\+\+)[ \t]*\n(.*?)\n\1[ \t]*(?:\n|\Z)", re.S)
# A site generator's own keys: how a page is filed and laid out, not what it says.
_SITE_KEYS = frozenset("date lastmod publishDate expiryDate draft slug url permalink aliases layout type weight menu "
                       "toc images image featured_image categories tags keywords".split())
_SHORTCODE = re.compile(r"\{\{[<%]\s*(/?)\s*([\w-]+)([^}]*?)[>%]\}\}|\{%-?.*?-?%\}|\{\{-?[^{}]*?-?\}\}", re.S)
_SHORTCODE_LABEL = re.compile(r"\b(?:name|title|caption|alt|label)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


def _front_matter_page_as_text(text: str) -> str | None:
    """A static-site generator's page (Hugo, Jekyll): the front matter (YAML between "---" lines,
    TOML between "+++") read as data like a YAML file, without the site's filing keys (date, menu,
    weight, tags), then the Markdown body with its template calls read: a shortcode's name, title or
    caption as a line of its own ({{< partner name="Brest" >}} heads what follows), the rest of the
    markup gone. None unless ``text`` opens with front matter that is a mapping."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return None
    try:
        data = yaml.safe_load(match.group(2)) if match.group(1) == "---" else tomllib.loads(match.group(2))
    except (yaml.YAMLError, ValueError, RecursionError):  # tomllib.TOMLDecodeError is a ValueError
        return None
    if not isinstance(data, dict):
        return None  # slides or prose between rules, not front matter
    fields: list[str] = []
    tables: list[str] = []
    _collect_json({key: value for key, value in data.items() if key not in _SITE_KEYS}, "", fields, tables)
    body = _markdown_inline_as_text(_SHORTCODE.sub(_shortcode_label, text[match.end() :]))
    # A slide deck's (Marp's) directives and layout tags go; its speaker notes, kept in comments, are text.
    body = _DECK_DIRECTIVE.sub("", body)
    body = _LAYOUT_TAG_LINE.sub("", body)
    body = re.sub(r"<!--\s*(.*?)\s*-->", r"\1", body, flags=re.S)
    blocks = ["\n".join(fields), *tables, re.sub(r"\n{3,}", "\n\n", body).strip()]
    return "\n\n".join(block for block in blocks if block) + "\n"


_DECK_DIRECTIVE = re.compile(r"<!--\s*_?[a-z][\w-]*:[^\n]*?-->")  # "<!-- _class: lead -->", "<!-- paginate: false -->"
_LAYOUT_TAG_LINE = re.compile(r"^[ \t]*</?(?:div|section|span)\b[^>\n]*>[ \t]*$", re.M)


def _shortcode_label(match: re.Match) -> str:
    """An opening shortcode as the words it shows (its name, title or caption), on a line of its own."""
    if match.group(2) is None or match.group(1):
        return ""
    labels = [double or single for double, single in _SHORTCODE_LABEL.findall(match.group(3))]
    return "\n".join(label for label in labels if label.strip())


_PROPERTY_LINE = re.compile(r"^([A-Za-z_][\w-]*(?:\.[\w-]+)+)[ \t]*[=:][ \t]*(.*)$")  # "partner.3.name=Wuppertal"
_PROPERTY_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)")
_MIN_PROPERTY_LINES = 5


def _properties_as_text(text: str) -> str | None:
    """A Java .properties file (a portal's or an app's language file) read as data: lines continued
    with a backslash joined, escapes undone ("f\\u00fcnf" → "fünf"), the dotted keys read as nesting
    ("partner.3.name=Wuppertal" is record 3 of the partners) and rendered like a JSON export, numbered
    records as a table under their name. The opening comments are kept as text; later ones are a
    maintainer's notes. None unless most lines are dotted keys."""
    joined = re.sub(r"(?<!\\)((?:\\\\)*)\\\n[ \t]*", r"\1", text)
    lines = [line.strip() for line in joined.split("\n") if line.strip() and not line.lstrip().startswith(("#", "!"))]
    pairs = [(m.group(1), _unescaped_property(m.group(2))) for line in lines if (m := _PROPERTY_LINE.match(line))]
    if len(pairs) < _MIN_PROPERTY_LINES or len(pairs) < 0.8 * len(lines):
        return None
    opening = []
    for line in joined.split("\n"):
        if line.strip() and not line.lstrip().startswith(("#", "!")):
            break
        opening.append(_unescaped_property(line.strip().lstrip("#!").strip(" -=")))
    fields: list[str] = []
    tables: list[str] = []
    _collect_json(_nested_keys(pairs), "", fields, tables)
    blocks = ["\n".join(line for line in opening if line), "\n".join(fields), *tables]
    return "\n\n".join(block for block in blocks if block) + "\n"


def _unescaped_property(value: str) -> str:
    def undo(match: re.Match) -> str:
        code = match.group(1)
        if code.startswith("u") and len(code) == 5:
            return chr(int(code[1:], 16))
        return {"n": "\n", "t": " ", "r": ""}.get(code, code)

    # A character beyond the BMP is escaped as two UTF-16 halves ("\\ud83d\\ude00"): joined again, a
    # half left alone becomes U+FFFD rather than a string no database can store.
    text = _PROPERTY_ESCAPE.sub(undo, value).encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text.strip()


def _nested_keys(pairs: list[tuple[str, str]]) -> dict:
    """Dotted keys as nested mappings, children numbered 1, 2, ... as a list of records."""
    root: dict = {}
    for key, value in pairs:
        node = root
        *parents, last = key.split(".")
        for part in parents:
            if not isinstance(node.get(part), dict):
                node[part] = {} if part not in node else {"": node[part]}
            node = node[part]
        node[last] = value
    return _numbered_as_records(root)


def _numbered_as_records(node: dict) -> dict:
    listed: dict = {}
    for key, value in node.items():
        if not isinstance(value, dict):
            listed[key] = value
            continue
        value = _numbered_as_records(value)
        numbered = [name for name in value if name.isdigit()]
        if len(numbered) >= 2:
            listed[key] = [value[name] if isinstance(value[name], dict) else {"": value[name]} for name in numbered]
            listed.update({f"{key} {name}": value[name] for name in value if not name.isdigit()})
        else:
            listed[key] = value
    return listed


# --- SQL dumps ---------------------------------------------------------------------------------------------

_SQL_INSERT = re.compile(r"^[ \t]*INSERT\s+INTO\s+[`\"\[]?([\w.]+)[`\"\]]?\s*(?:\(([^)]*)\))?\s*VALUES\s*", re.I | re.M)
_SQL_CREATE = re.compile(r"^[ \t]*CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?[`\"\[]?([\w.]+)[`\"\]]?\s*\(", re.I | re.M)
_SQL_COLUMN = re.compile(r"^[ \t]*[`\"\[]?(\w+)[`\"\]]?\s+[A-Za-z]")
_SQL_NOT_COLUMN = re.compile(r"(?:PRIMARY|UNIQUE|KEY|INDEX|CONSTRAINT|FOREIGN|CHECK|FULLTEXT)\b", re.I)
_SQL_VALUE = re.compile(r"\s*(?:'((?:[^'\\]|\\.|'')*)'|(NULL)\b|([-+]?\d+(?:\.\d+)?)|(TRUE|FALSE)\b)", re.I)
_SQL_ESCAPES = {"n": "\n", "t": " ", "r": "", "0": ""}
_SQL_OPEN = re.compile(r"\s*\(")
_SQL_IN_ROW = re.compile(r"\s*([,)])")  # after a value: the next one, or the row's end
_SQL_AFTER_ROW = re.compile(r"\s*([,;])")  # after a row: the next one, or the statement's end


def _sql_dump_as_text(text: str) -> str | None:
    """A database dump (CREATE TABLE, INSERT INTO ... VALUES) as a reader of its tables sees it:
    the comments' words, and each table under its name with the column names of its definition.
    Key columns ("id", "partner_id") are the database's bookkeeping and are left out; so are the
    statements themselves. None if ``text`` has no INSERT statement whose rows can be read."""
    if not _SQL_INSERT.search(text):
        return None
    columns_of = {m.group(1): _sql_columns(text, m.end()) for m in _SQL_CREATE.finditer(text)}
    rows_of: dict[str, list[list[str | None]]] = {}
    named: dict[str, list[str]] = {}
    for m in _SQL_INSERT.finditer(text):
        rows = _sql_rows(text, m.end())
        if rows is None:
            return None
        rows_of.setdefault(m.group(1), []).extend(rows)
        if m.group(2):
            named[m.group(1)] = [name.strip(" `\"[]") for name in m.group(2).split(",")]
    comments = [line.strip()[2:].strip() for line in text.split("\n") if line.strip().startswith("--")]
    comments = [line for line in comments if line and not re.match(r"(?:Table structure|Dumping data|Dump completed)\b", line)
                and re.search(r"[^\W\d_]{3}", line)]
    blocks = ["\n".join(comments)]
    for table, rows in rows_of.items():
        width = max(len(row) for row in rows)
        columns = named.get(table) or columns_of.get(table) or []
        columns = (columns + [f"Spalte {k + 1}" for k in range(len(columns), width)])[:width]
        shown = [k for k, name in enumerate(columns) if not re.fullmatch(r"id|\w+_id", name, re.I)]
        heads = [_key_as_words(columns[k]) for k in shown]
        records = [{head: row[k] or "" for head, k in zip(heads, shown) if k < len(row)} for row in rows]
        blocks.append(_key_as_words(table.split(".")[-1]) + "\n" + _json_table(records, heads))
    return "\n\n".join(block for block in blocks if block) + "\n"


def _sql_columns(text: str, start: int) -> list[str]:
    """The column names of a CREATE TABLE statement whose parenthesis opens at ``start``."""
    names = []
    for line in text[start:].split("\n")[1:]:
        if line.lstrip().startswith(")"):
            break
        m = _SQL_COLUMN.match(line)
        if m and not _SQL_NOT_COLUMN.match(line.strip()):
            names.append(m.group(1))
    return names


def _sql_rows(text: str, start: int) -> list[list[str | None]] | None:
    """The tuples of an INSERT's VALUES list from ``start`` to its ";": strings unescaped, NULL as
    None. None if the list does not parse."""
    rows, pos = [], start
    while True:
        opening = _SQL_OPEN.match(text, pos)
        if opening is None:
            return None
        pos, row = opening.end(), []
        while True:
            m = _SQL_VALUE.match(text, pos)
            if m is None:
                return None
            if m.group(1) is not None:
                row.append(re.sub(r"\\(.)", lambda e: _SQL_ESCAPES.get(e.group(1), e.group(1)), m.group(1).replace("''", "'")))
            elif m.group(2):
                row.append(None)
            else:
                row.append(m.group(3) or m.group(4))
            separator = _SQL_IN_ROW.match(text, m.end())
            if separator is None:
                return None
            pos = separator.end()
            if separator.group(1) == ")":
                break
        rows.append(row)
        after = _SQL_AFTER_ROW.match(text, pos)
        if after is None:
            return rows if not text[pos:].strip() else None
        pos = after.end()
        if after.group(1) == ";":
            return rows


# --- tag dumps (key=value) ----------------------------------------------------------------------------------

_TAG_LINE = re.compile(r"^([A-Za-z_][\w:.-]*)=(.*)$")
_MIN_TAG_LINES = 5


# exiftool's listing of several photos: "======== IMG_4711.JPG", then aligned "Caption-Abstract   : ..." lines.
_PHOTO_HEADER = re.compile(r"^={8}[ \t]+(\S[^=\n]*?)[ \t]*$", re.M)
_PHOTO_TAG = re.compile(r"^([A-Za-z][\w /()-]*?)[ \t]*:[ \t]+(.*)$")
# The tags that describe a photo, not the camera's settings or the file: caption, headline, keywords,
# place, author and rights (IPTC, XMP and EXIF names alike).
_PHOTO_WORDS = re.compile(r"caption|abstract|description|headline|title|keywords|subject|city|location|province|state|"
                          r"country|by-line|creator|artist|author|credit|source|copyright|rights|comment|object name|event",
                          re.IGNORECASE)
_PHOTO_NOT_WORDS = re.compile(r"code|count|id$|version|size|offset|length", re.IGNORECASE)


def _photo_tags_as_text(text: str) -> str | None:
    """An exiftool listing of photos as what a reader takes from it: each photo's file name, then the
    tags a person wrote (caption, headline, keywords, place, author, rights) as "Tag: value" lines;
    exposure, lens and file details left out, and the date the photo was taken with them (the day of a
    visit, no founding year). None for other text."""
    headers = list(_PHOTO_HEADER.finditer(text))
    if len(headers) < 2 or text[: headers[0].start()].strip():
        return None
    blocks = []
    for header, following in zip(headers, [*headers[1:], None]):
        lines = [header.group(1)]
        for line in text[header.end() : following.start() if following else len(text)].split("\n"):
            tag = _PHOTO_TAG.match(line.strip())
            if tag and _PHOTO_WORDS.search(tag.group(1)) and not _PHOTO_NOT_WORDS.search(tag.group(1)) and tag.group(2).strip():
                lines.append(f"{tag.group(1)}: {tag.group(2).strip()}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _tag_dump_as_text(text: str) -> str | None:
    """A dump of key=value tags (OpenStreetMap objects, an INI-like export) as "Key: value" lines,
    each object's block headed by its name in capitals, as a record's title; a list in a value
    ("Carlisle;Słupsk") with commas, a key's underscores and colons as spaces ("sister_city" →
    "Sister city"). Comments are kept as text, an object's id ("node/2400914") is dropped. None unless
    most lines are tags."""
    lines = [line for line in text.split("\n") if line.strip() and not line.lstrip().startswith("#")]
    tags = [line for line in lines if _TAG_LINE.match(line.strip())]
    if len(tags) < _MIN_TAG_LINES or len(tags) < 0.6 * len(lines):
        return None
    blocks = []
    for block in re.split(r"\n[ \t]*\n", text.strip("\n")):
        pairs = [m.groups() for line in block.split("\n") if (m := _TAG_LINE.match(line.strip()))]
        name = next((value.strip() for key, value in pairs if key == "name"), None)
        shown = [f"{_key_as_words(key)}: {value.strip() if '; ' in value else value.strip().replace(';', ', ')}"
                 for key, value in pairs if value.strip() and key != "name"]
        others = [line.lstrip("#").strip() for line in block.split("\n") if line.strip() and not _TAG_LINE.match(line.strip())
                  and not re.fullmatch(r"(?:node|way|relation)/\d+", line.strip())]
        blocks.append("\n".join(([name.upper()] if name else []) + others + shown))
    return "\n\n".join(block for block in blocks if block) + "\n"


# --- XML ---------------------------------------------------------------------------------------------------

_XML_DECLARATION = re.compile(r"\s*<\?xml\b[^>]*\?>")
_CELL_SEPARATOR = " | "
_JATS_MARKUP = re.compile(r"<(/?)jats:(\w+)")
_JATS_AS_HTML = {"title": "h3", "sec": "div", "list-item": "li", "italic": "em", "bold": "strong"}
_EMBEDDED_HTML = re.compile(r"<(?:p|br|h[1-6]|ul|ol|li|div|strong|em|a|table)\b[^>]*>", re.I)
_MAX_HEADING_CHARS = 80


def _xml_as_text(text: str) -> str | None:
    """An XML export as the text of its elements, each a paragraph, a short one (a title, a name) on
    the line above the text that follows it; HTML in an element (a CMS's CDATA body) read as HTML.
    Attributes, comments and processing instructions are markup, not text, except in the formats that
    keep their text in attributes: a mind map or outline (FreeMind, OPML), a diagram (draw.io), and
    exports whose elements hold no text at all (an SMS backup, a SharePoint list). Several documents
    saved into one file (a presentation's slides, one after the other) are read one by one. None if
    ``text`` is no well-formed XML: it needs an XML declaration or a root element that no web page
    starts with."""
    roots = _xml_documents(text)
    if roots is not None and len(roots) == 1 and etree.QName(roots[0]).localname == "xbrl":
        return _xbrl_as_text(roots[0], _XML_LEADING_COMMENTS.match(_XML_DECLARATION.sub("", text)).group(0))
    return None if roots is None else _roots_as_text(roots)


_XML_LEADING_COMMENTS = re.compile(r"(?:\s*<!--.*?-->)*", re.S)
_CAMEL_CASE_WORD = re.compile(r"[A-ZÄÖÜ]?[a-zäöüß]+|[A-Z]+(?![a-z])|\d+")  # "AnzahlPartnerstaedte": "Anzahl", "Partnerstaedte"
_XBRL_FRAME = ("http://www.xbrl.org/2003/instance", "http://www.xbrl.org/2003/linkbase")
_XBRL_FACT_FRAME = frozenset({"contextRef", "unitRef", "decimals", "id", "precision"})  # a fact's attributes that tie it to the frame


def _xbrl_as_text(root: etree._Element, comments: str) -> str:
    """A financial report in XBRL as its reader sees it: the comments heading the file (which report of
    which body), each fact as "Name: value" with its name in words ("Anzahl Partnerstaedte: 5"), facts of
    one name given several times as a table of their values and attributes ("Partnerschaft | art | land",
    "Wuppertal | Staedtepartnerschaft | DE"), and the footnotes as paragraphs. Contexts, units and
    links are the report's frame, read by no one."""
    blocks = [" ".join(comment.split()) for comment in re.findall(r"<!--(.*?)-->", comments, re.S)]
    facts: dict[str, list[etree._Element]] = {}
    for element in root:
        if isinstance(element.tag, str) and etree.QName(element).namespace not in _XBRL_FRAME and (element.text or "").strip():
            facts.setdefault(etree.QName(element).localname, []).append(element)
    lines, tables = [], []
    for name, elements in facts.items():
        words = _key_as_words(" ".join(_CAMEL_CASE_WORD.findall(name)))
        if len(elements) == 1:
            lines.append(f"{words}: {' '.join(elements[0].text.split())}")
            continue
        columns = [key for key in dict.fromkeys(etree.QName(key).localname for element in elements for key in element.attrib)
                   if key not in _XBRL_FACT_FRAME]
        rows = [_CELL_SEPARATOR.join([" ".join(element.text.split())] + [
            next((value for key, value in element.attrib.items() if etree.QName(key).localname == column), "")
            for column in columns]) for element in elements]
        tables.append("\n".join([_CELL_SEPARATOR.join([words, *columns]), *rows]))
    blocks += ["\n".join(lines), *tables]
    blocks += [" ".join("".join(note.itertext()).split()) for note in root.iter("{http://www.xbrl.org/2003/linkbase}footnote")]
    return "\n\n".join(block for block in blocks if block) + "\n"


def _roots_as_text(roots: list[etree._Element]) -> str:
    """Parsed XML documents as text, each by the first reader that knows its format (see _xml_as_text)."""
    parts = []
    for root in roots:
        rendered = (markup_as_text(root) or ocr_xml_as_text(root) or _features_as_text(root) or _diagram_as_text(root) or _network_as_text(root)
                    or _outline_as_text(root) or _rdf_as_text(root) or _attribute_records_as_text(root)
                    or _element_records_as_text(root))
        if rendered is None:
            blocks: list[str] = []
            _collect_xml(root, blocks)
            rendered = "\n\n".join(_numbers_before_their_text(blocks))
        if rendered.strip():
            parts.append(rendered.strip())
    return "\n\n".join(parts) + "\n"


# --- geographic features (GML: INSPIRE, CityGML, XPlanung, a WFS response) -----------------------------------------

_GML_NAMESPACE = "http://www.opengis.net/gml"
_FEATURE_MEMBERS = frozenset({"member", "featureMember", "featureMembers", "cityObjectMember"})
# Geometry and a GML name's own metadata (INSPIRE's language, script, nativeness): no reader's text.
_FEATURE_NOT_TEXT = frozenset({
    "boundedBy", "Envelope", "Point", "LineString", "Polygon", "MultiSurface", "MultiPolygon", "Solid", "MultiCurve",
    "posList", "pos", "coordinates", "lowerCorner", "upperCorner", "language", "script", "nativeness", "nameStatus",
    "sourceOfName", "pronunciation", "grammaticalGender", "grammaticalNumber", "namespace", "localId", "versionId"})
_FEATURE_NAMES = frozenset({"name", "text", "bezeichnung", "titel", "title"})


def _features_as_text(root: etree._Element) -> str | None:
    """A collection of geographic features as a reader of the map sees it: the collection's name, then
    each feature as a section, its name over its descriptions, then its other named values in words
    ("Gemeinde: Hilden", from XPlanung's gemeindeName). Geometry, codes, ids and dates are the map's,
    not the reader's. None for XML that is no GML."""
    if not any(str(uri).startswith(_GML_NAMESPACE) for uri in root.nsmap.values()):
        return None
    members = [child for element in root.iter() if isinstance(element.tag, str)
               and etree.QName(element).localname in _FEATURE_MEMBERS for child in element if isinstance(child.tag, str)]
    if not members:
        return None
    title = next((" ".join(child.text.split()) for child in root if isinstance(child.tag, str)
                  and etree.QName(child).localname == "name" and (child.text or "").strip()), "")
    sections = [_feature_as_text(member) for member in members]
    return "\n\n".join(block for block in [title, *sections] if block)


def _feature_as_text(feature: etree._Element) -> str:
    names: list[str] = []
    prose: list[str] = []
    fields: list[str] = []
    for element, key in _feature_values(feature):
        value = " ".join(element.text.split())
        if len(value) >= _MAX_RECORD_CELL_CHARS and " " in value:
            prose.append(value)
        elif key.casefold() in _FEATURE_NAMES:
            if not any(value in name or name in value for name in names):  # "Heringsdorf", not "Ostseebad Heringsdorf" too
                names.append(value)
        elif _ATTRIBUTE_WORDS.search(value) and not _ATTRIBUTE_DATE.match(value) and not _ATTRIBUTE_NOT_TEXT.search(value):
            words = " ".join(_CAMEL_CASE_WORD.findall(re.sub(r"(?<=[a-z])Name$", "", key)))
            fields.append(f"{_key_as_words(words.lower())}: {value}")
    if names and prose and (kind := re.match(r"(?:Landkreis|Kreis|Bezirk|Region|Amt|Samtgemeinde|Verbandsgemeinde) "
                                             + re.escape(names[0]) + r"\b", prose[0])):
        names[0] = kind.group(0)  # a county's description names it: "Landkreis Vorpommern-Greifswald, gebildet 2011 ..."
    return "\n".join(filter(None, [" / ".join(names), *prose, *fields]))


def _feature_values(element: etree._Element, key: str = ""):
    """A feature's elements that hold text, with their keys: the element's name, or for a generic
    attribute (CityGML's <gen:stringAttribute name="Beschreibung"><gen:value>) the name it is given,
    and for a value typed by its element the name of the element around it."""
    for child in element:
        if not isinstance(child.tag, str) or etree.QName(child).localname in _FEATURE_NOT_TEXT:
            continue
        local = etree.QName(child).localname
        child_key = child.get("name") or local
        if (child.text or "").strip() and not len(child):
            # a value in an element of its type (<nationalLevelName><gmd:LocalisedCharacterString>) is its parent's
            yield child, key if key and (local == "value" or local[:1].isupper()) else child_key
        else:
            yield from _feature_values(child, child_key)


# The elements a web page or an HTML fragment starts with: such a file is read as HTML, not as XML.
_HTML_ROOTS = frozenset("html head body div p span table ul ol h1 h2 h3 h4 h5 h6 a b i em strong br meta title link "
                        "script style section article header nav main form center font img iframe".split())


def opens_as_xml(text: str) -> bool:
    """Whether ``text`` opens as an XML document rather than a web page: after an XML declaration, a root
    element other than <html>; without one, a root element that no web page or HTML fragment starts with
    (a mind map's <map>, a diagram's <mxfile>), though an element further down may be <body> or <html>."""
    declared = _XML_DECLARATION.match(text) is not None
    first = _XML_FIRST_ELEMENT.match(_XML_DECLARATION.sub("", text, count=1))
    return first is not None and (first.group(1).lower() != "html" if declared else first.group(1).lower() not in _HTML_ROOTS)


def _xml_documents(text: str) -> list[etree._Element] | None:
    """The root elements of the XML documents in ``text``: one, or several saved one after the other."""
    if not opens_as_xml(text):
        return None
    body = _XML_DECLARATION.sub("", text)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        return [etree.fromstring(body.encode("utf-8"), parser)]
    except etree.XMLSyntaxError:
        pass
    try:  # files concatenated: "<!-- slide1.xml --><p:sld ...>...</p:sld><!-- slide2.xml --><p:sld ...>"
        wrapper = etree.fromstring(("<documents>" + body + "</documents>").encode("utf-8"), parser)
    except etree.XMLSyntaxError:
        return None
    roots = [child for child in wrapper if isinstance(child.tag, str)]
    return roots if len(roots) > 1 else None


_XML_FIRST_ELEMENT = re.compile(r"\s*(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*|<\?.*?\?>\s*)*<([A-Za-z_][\w.-]*)(?::[\w.-]+)?[\s/>]", re.S)


# --- A package's parts, printed one after the other ------------------------------------------------------------

# "--- xl/sharedStrings.xml ---", "=== Partnerschaften_2023.xlsx ===": a file's or a part's name between rules.
_PART_MARKER = re.compile(r"^(?:-{3,}|={3,})[ \t]+(\S[^\n]*?\.[A-Za-z]{2,5})[ \t]+(?:-{3,}|={3,})[ \t]*$", re.M)
_SPREADSHEET_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_CELL_COLUMN = re.compile(r"[A-Z]+")


def _package_parts_as_text(text: str) -> str | None:
    """The parts of an office file printed one after the other ("unzip -p"), each under its name: each
    part read as the export it is, a workbook's sheet with its cells' shared strings filled in (an .xlsx
    keeps every text once, in xl/sharedStrings.xml, and its cells point there by number). The name of a
    file stays as a heading, the path of a part inside the package goes. None without two XML parts."""
    markers = list(_PART_MARKER.finditer(text))
    parts = [(marker.group(1), text[marker.end() : following.start() if following else len(text)].strip())
             for marker, following in zip(markers, [*markers[1:], None])]
    documents = {name: _xml_documents(body) for name, body in parts}
    if sum(roots is not None for roots in documents.values()) < 2:
        return None
    shared = [" ".join("".join(item.itertext()).split())
              for roots in documents.values() if roots for root in roots if _is_spreadsheet_part(root, "sst")
              for item in root if isinstance(item.tag, str)]
    blocks = [text[: markers[0].start()].strip()]
    for name, body in parts:
        roots = documents[name]
        if "/" not in name:
            blocks.append(name)
        if roots is None:
            blocks.append(export_as_text(body).strip())
        elif any(_is_spreadsheet_part(root, "worksheet") for root in roots):
            blocks.extend(_sheet_rows(root, shared) for root in roots)
        elif not (shared and any(_is_spreadsheet_part(root, "sst") for root in roots)):
            blocks.append(_roots_as_text(roots).strip())  # parsed once, above
    return "\n\n".join(block for block in blocks if block) + "\n"


def _is_spreadsheet_part(root: etree._Element, name: str) -> bool:
    return root.tag == f"{{{_SPREADSHEET_MAIN}}}{name}"


def _sheet_rows(sheet: etree._Element, shared: list[str]) -> str:
    """A worksheet's rows between bars, each cell in its column: a shared string by its number, an inline
    string, or the value as stored (a year is a number)."""
    rows = []
    for row in sheet.iter(f"{{{_SPREADSHEET_MAIN}}}row"):
        cells: dict[int, str] = {}
        for position, cell in enumerate(row.iter(f"{{{_SPREADSHEET_MAIN}}}c")):
            column = _CELL_COLUMN.match(cell.get("r", ""))
            index = _column_index(column.group()) if column else position
            value = cell.findtext(f"{{{_SPREADSHEET_MAIN}}}v") or ""
            if cell.get("t") == "s" and value.isdigit() and int(value) < len(shared):
                value = shared[int(value)]
            elif cell.get("t") == "inlineStr":
                value = "".join(cell.itertext())
            cells[index] = _json_scalar(value)
        if any(cells.values()):
            rows.append(_CELL_SEPARATOR.join(cells.get(i, "") for i in range(max(cells) + 1)).rstrip(" |"))
    return "\n".join(rows)


def _column_index(letters: str) -> int:
    """A spreadsheet column's number from its letters: A is 0, Z is 25, AA is 26."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


# --- Diagrams and outlines -------------------------------------------------------------------------------------


def _diagram_as_text(root: etree._Element) -> str | None:
    """A draw.io (diagrams.net) diagram as the drawing shows it: the labels of the shapes that no line
    joins (a title, a legend) as lines, and each line between two shapes as a row of the two shapes'
    labels and its own ("Rostock | Szczecin (Polen) | seit 1957"). None for other XML."""
    cells = [cell for cell in root.iter("mxCell")]
    if not cells:
        return None
    labels = {cell.get("id"): _label_text(cell.get("value") or "") for cell in cells}
    rows, joined = [], set()
    for cell in cells:
        if cell.get("edge") == "1" and cell.get("source") in labels and cell.get("target") in labels:
            a, b = labels[cell.get("source")], labels[cell.get("target")]
            rows.append(_CELL_SEPARATOR.join(part for part in (a, b, labels[cell.get("id")]) if part))
            joined.update((cell.get("source"), cell.get("target")))
    loose = [labels[cell.get("id")] for cell in cells
             if cell.get("edge") != "1" and cell.get("id") not in joined and labels[cell.get("id")]]
    return "\n\n".join(loose + (["\n".join(rows)] if rows else [])) + "\n"


def _label_text(html: str) -> str:
    """A diagram label's or a mind map note's HTML ("1963 &ndash; ruht", escaped twice) as one line of text."""
    return " ".join(_fragment_as_text(html).split())


def _drawing_as_text(elements: list) -> str:
    """An Excalidraw drawing as a reader of the board takes it in: its free texts in reading order (top
    to bottom, then left to right), then its arrows as rows of the labels of the two shapes they join
    and the arrow's own label ("Dresden | Coventry 1959 | ..."). A dashed or dotted arrow is a line of
    its own, named as such, since such boards use it for a tie that is no partnership; a legend among
    the free texts says so for the reader."""
    shapes = {element.get("id"): element for element in elements if isinstance(element, dict) and not element.get("isDeleted")}
    labels: dict[str, str] = {}
    free = []
    for element in shapes.values():
        if element.get("type") != "text":
            continue
        words = " ".join(str(element.get("originalText") or element.get("text") or "").split())
        if element.get("containerId"):
            labels[element["containerId"]] = words
        elif words:
            free.append((element.get("y", 0), element.get("x", 0), str(element.get("text", "")).strip()))

    def label(binding: object) -> str:
        words = labels.get(binding.get("elementId"), "") if isinstance(binding, dict) else ""
        if words.isupper() and len(words) > 4:  # a name set in capitals ("DRESDEN") as it is spelt
            words = " ".join(word.capitalize() if len(word) > 3 else word.lower() for word in words.split())
        return words

    rows, other_lines = [], []
    for element in shapes.values():
        if element.get("type") not in ("arrow", "line"):
            continue
        start, end = label(element.get("startBinding")), label(element.get("endBinding"))
        if not start or not end:
            continue
        if element.get("strokeStyle", "solid") == "solid":
            rows.append(_CELL_SEPARATOR.join([start, end, labels.get(element.get("id"), "")]).rstrip())
        else:
            caption = labels.get(element.get("id"))
            style = {"dashed": "gestrichelte", "dotted": "gepunktete"}.get(element["strokeStyle"], "andere")
            other_lines.append(f"{style} Linie: {start} – {end}" + (f": {caption}" if caption else ""))
    blocks = [text for _, _, text in sorted(free, key=lambda item: (item[0], item[1]))]
    if rows:
        blocks.append("\n".join([_CELL_SEPARATOR.join(["von", "nach", "Beschriftung"]), *rows]))
    blocks.append("\n".join(other_lines))
    return "\n\n".join(block for block in blocks if block) + "\n"


def _network_as_text(root: etree._Element) -> str | None:
    """A network saved by Gephi (GEXF) or another graph tool (GraphML) as a reader of its edge list sees
    it: the description, then one row per edge of its two nodes' labels, the edge's own label and its
    attribute values under a header of the attributes' titles ("Hamburg | Marseille | 1958 | aktiv"),
    a declared default filling a value the edge leaves out. None for other XML."""
    kind = etree.QName(root).localname
    if kind not in ("gexf", "graphml"):
        return None
    titles: dict[tuple[str, str], str] = {}  # (node or edge, attribute id) -> title
    defaults: dict[tuple[str, str], str] = {}
    for declaration in root.iter():
        name = etree.QName(declaration).localname if isinstance(declaration.tag, str) else ""
        if name in ("attribute", "key"):
            owner = declaration.get("for") if name == "key" else declaration.getparent().get("class", "node")
            key = (owner or "node", declaration.get("id", ""))
            titles[key] = declaration.get("title") or declaration.get("attr.name") or key[1]
            default = next((child.text for child in declaration if etree.QName(child).localname == "default"), None)
            if default and default.strip():
                defaults[key] = default.strip()

    def values(element: etree._Element, owner: str) -> dict[str, str]:
        found = dict(defaults.items())
        for child in element.iter():
            name = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if name == "attvalue":
                found[(owner, child.get("for") or child.get("id", ""))] = child.get("value", "").strip()
            elif name == "data":
                found[(owner, child.get("key", ""))] = " ".join("".join(child.itertext()).split())
        return {key: value for key, value in found.items() if key[0] == owner and value}

    def local(name: str) -> list[etree._Element]:
        return [element for element in root.iter() if isinstance(element.tag, str) and etree.QName(element).localname == name]

    labels = {}
    for node in local("node"):
        own = values(node, "node")
        label = node.get("label") or next((value for key, value in own.items() if titles.get(key, "").lower() in ("label", "name")), "")
        labels[node.get("id")] = label or node.get("id", "")
    edge_keys = [key for key in titles if key[0] == "edge"]
    rows = []
    for edge in local("edge"):
        if edge.get("source") in labels and edge.get("target") in labels:
            own = values(edge, "edge")
            cells = [labels[edge.get("source")], labels[edge.get("target")], edge.get("label", "")]
            rows.append(_CELL_SEPARATOR.join(cells + [own.get(key, "") for key in edge_keys]).rstrip(" |"))
    if not rows:
        return None
    header = _CELL_SEPARATOR.join(["von", "nach", "Bezeichnung"] + [titles[key] for key in edge_keys])
    prose = [" ".join("".join(element.itertext()).split()) for element in local("description") + local("desc")
             if element.getparent() is not None and etree.QName(element.getparent()).localname in ("meta", "graph", "graphml")]
    return "\n\n".join([text for text in prose if text] + [header + "\n" + "\n".join(rows)]) + "\n"


_OUTLINE_NODES = {"outline": "text", "node": "TEXT"}  # OPML, FreeMind / Freeplane


def _outline_as_text(root: etree._Element) -> str | None:
    """An outline (OPML) or a mind map (FreeMind, Freeplane) as a list under headings: a node with
    branches as a heading over them, a leaf as a list item carrying its note and attributes
    ("- Piła (Polen): Partnerschaftsvertrag seit 1998"). The rules read a town's heading over a list
    of towns as that town's partners. None for other XML."""
    name = etree.QName(root).localname
    if name not in ("opml", "map"):
        return None
    title = " ".join((root.findtext("head/title") or "").split()) if name == "opml" else ""
    lines: list[str] = [title] if title else []
    tops = [node for node in root.iter() if _outline_label(node) is not None
            and not any(_outline_label(above) is not None for above in node.iterancestors())]
    for node in tops:
        _outline_lines(node, lines)
    return "\n".join(lines).strip() + "\n" if tops else None


def _outline_label(node: etree._Element) -> str | None:
    attribute = _OUTLINE_NODES.get(etree.QName(node).localname) if isinstance(node.tag, str) else None
    if attribute is None:
        return None
    text = node.get(attribute)
    if text is None:  # FreeMind keeps a formatted node's text in its rich content
        rich = next((r for r in node if r.tag == "richcontent" and r.get("TYPE") == "NODE"), None)
        text = _label_text(etree.tostring(rich, encoding="unicode", with_tail=False)) if rich is not None else ""
    return " – ".join(line.strip() for line in text.split("\n") if line.strip())


def _outline_lines(node: etree._Element, lines: list[str]) -> None:
    label = _outline_label(node) or ""
    details = [f"{a.get('NAME')}: {a.get('VALUE')}" for a in node if a.tag == "attribute" and a.get("VALUE")]
    notes = [_label_text(etree.tostring(r, encoding="unicode", with_tail=False)) for r in node
             if r.tag == "richcontent" and r.get("TYPE") in ("NOTE", "DETAILS")]
    notes += [node.get("_note")] if node.get("_note") else []
    if details:
        label += f" ({'; '.join(details)})"
    note = " ".join(" ".join(n.split()) for n in notes if n.strip())
    if note:
        label = label + (" " if label.endswith((".", ":", "!", "?")) or not label else ": ") + note
    branches = [child for child in node if _outline_label(child) is not None]
    if not branches:
        lines.append("- " + label)
        return
    if lines:
        lines.append("")
    if label:
        lines.append(label)
    for branch in branches:
        _outline_lines(branch, lines)


# Elements that style or place the text rather than hold it: a map's styles and coordinates
# (KML), a drawing's style sheet (SVG).
_XML_NOT_TEXT = frozenset({"Style", "StyleMap", "styleUrl", "coordinates", "LookAt", "Camera", "defs"})


# A law's or a list's number in an element of its own (Akoma Ntoso's <num>, DocBook's labels): "§ 1", "(2)", "a)".
_ENUMERATOR = re.compile(r"(?:§+\s*\d+[a-z]?|\(?\d{1,3}[.)]|\(?[a-z][.)]|[IVX]{1,4}\.|Art(?:ikel|\.)\s*\d+)")


def _numbers_before_their_text(blocks: list[str]) -> list[str]:
    """Blocks with each bare number joined to the text it numbers: "a) Zamość (Polen), seit 1970",
    a list item the partnership rules read, not "a)" over a paragraph of its own."""
    out: list[str] = []
    for block in blocks:
        if out and _ENUMERATOR.fullmatch(out[-1]):
            out[-1] += " " + block
        else:
            out.append(block)
    return out


# Tables of XML documents and their rows: HTML's and CALS's (DocBook, JATS, DITA), TEI's, DITA's own.
_XML_TABLES = frozenset({"table", "informaltable", "simpletable", "properties", "choicetable"})
_XML_TABLE_ROWS = frozenset({"tr", "row", "sthead", "strow", "prophead", "property", "chhead", "chrow"})


def _element_records_as_text(root: etree._Element) -> str | None:
    """A data message in XML (a register's extract, an XÖV message) read like the same data in JSON:
    its single values as "key: value" lines, its repeated records (<partnerschaft> after <partnerschaft>)
    as a table of their values, nested values as columns ("partnergemeinde.name"), so that a partner
    stays in one row with its year instead of a paragraph per value. None unless the file is data: no
    element mixes text with elements, some element holds at least two records of one kind, and no
    record holds a text longer than a field's value."""
    elements = [element for element in root.iter() if isinstance(element.tag, str)]
    if any(etree.QName(element).localname in _DOCUMENT_ELEMENTS for element in elements):
        return None  # a document (a topic, a library's styled texts): read as one
    if any((element.text or "").strip() and len(element) for element in elements) or any(
            (element.tail or "").strip() for element in elements[1:]):
        return None
    records = [child for element in elements for name in {etree.QName(child).localname for child in element if isinstance(child.tag, str)}
               if len(group := [child for child in element if isinstance(child.tag, str) and len(child)
                                and etree.QName(child).localname == name]) >= _MIN_ELEMENT_RECORDS for child in group]
    if not records or any(len(" ".join(value.split())) > _MAX_RECORD_CELL_CHARS
                          for record in records for value in record.itertext()):
        return None  # no records, or records that hold texts (a placemark's description, a message's source)
    return _data_as_text(_element_data(root), before=[], after=[])


_MIN_ELEMENT_RECORDS = 2
# Elements of documents rather than of data: paragraphs, headings, styled runs, tables and their rows.
_DOCUMENT_ELEMENTS = frozenset({"p", "para", "title", "style", "li", "section", "sec", "body", "div", "span", "emph",
                                "entry", "td", "stentry", "note"}) | _XML_TABLES | _XML_TABLE_ROWS


def _element_data(element: etree._Element) -> object:
    """An element as the JSON it stands for: a leaf as its text, others as a mapping of their children
    by name, a name given twice as a list; attributes are a schema's references (listURI), not data.
    A flat element with a name stands for that name, its other values beside it: <gemeinde><name>
    Hoyerswerda</name><ags>14625240</ags></gemeinde> as "gemeinde: Hoyerswerda", "gemeinde.ags: ..."."""
    children = [child for child in element if isinstance(child.tag, str)]
    if not children:
        return " ".join((element.text or "").split())
    data: dict[str, object] = {}
    for child in children:
        name = etree.QName(child).localname
        value = _element_data(child)
        if isinstance(value, dict) and isinstance(value.get("name"), str) and name not in data and all(
                isinstance(item, str) for item in value.values()):
            data[name] = value["name"]
            data.update({f"{name}.{key}": item for key, item in value.items() if key != "name"})
            continue
        if name in data:
            data[name] = data[name] + [value] if isinstance(data[name], list) else [data[name], value]
        else:
            data[name] = value
    return data


def _collect_xml(element: etree._Element, blocks: list[str]) -> None:
    name = etree.QName(element).localname
    if name in _XML_NOT_TEXT or (name == "style" and "{" in (element.text or "")):
        return  # a drawing's style sheet; EndNote's <style face="normal"> wraps every text it holds
    own = (element.text or "").strip()
    children = [child for child in element if isinstance(child.tag, str)]
    if name in _XML_TABLES and (rows := [row for row in element.iter() if isinstance(row.tag, str)
                                         and etree.QName(row).localname in _XML_TABLE_ROWS]):
        # An article's, a book's or a handbook's table (JATS, DocBook, TEI, DITA): a row's cells between
        # bars, one row a line.
        blocks.append("\n".join(_CELL_SEPARATOR.join(" ".join("".join(cell.itertext()).split()) for cell in row
                                                      if isinstance(cell.tag, str)) for row in rows))
        return
    if (own or any((child.tail or "").strip() for child in children)) and children and all(
            len(child) == 0 and len("".join(child.itertext())) <= _MAX_RECORD_CELL_CHARS for child in children):
        # A paragraph with inline marks (<italic>, <xref>, <hi>): one text, not a block per mark.
        blocks.append(" ".join("".join(element.itertext()).split()))
        return
    if not own and _is_list_of_names(children):  # <keywords><keyword>Mainz</keyword><keyword>Dijon</keyword>
        blocks.append(", ".join(" ".join("".join(child.itertext()).split()) for child in children))
        return
    if not own and _is_field_record(children):
        # A record's fields (a bug's <product>, <bug_status>, a comment's <who>) as "key: value" lines, in
        # their place among its texts (<short_desc>, <thetext>) and nested records: not a paragraph per field.
        for is_field, run in itertools.groupby(children, key=_is_field):
            if is_field:
                lines = [f"{_key_as_words(etree.QName(child).localname)}: {' '.join(child.text.split())}"
                         for child in run if _ATTRIBUTE_WORDS.search(child.text) or _is_year_field(child)]
                if lines:
                    blocks.append("\n".join(lines))
            else:
                for child in run:
                    _collect_xml(child, blocks)
        return
    if own:
        pieces = _html_paragraphs(own) if _EMBEDDED_HTML.search(own) else _plain_paragraphs(own)
        if pieces and blocks and _is_heading(blocks[-1]) and not _is_heading(pieces[0]):
            if pieces[0].startswith(blocks[-1]):  # a map's place, named again in its description
                blocks[-1] = pieces[0]
            else:  # "Grimsby" / "Seit 1963 Partnerstadt.": a name above its text; "e)" before its item
                blocks[-1] += (" " if _ENUMERATOR.fullmatch(blocks[-1]) else "\n") + pieces[0]
            blocks.extend(pieces[1:])
        else:
            blocks.extend(pieces)
    for _, run in itertools.groupby(children, key=lambda child: child.tag):
        run = list(run)
        if len(run) >= 2 and all(_is_flat_record(child) for child in run):
            # A form's repeated group (KoboToolbox's <grp_partner><stadt>…</stadt><jahr>1974</jahr>…): a table,
            # a row per group, as the form's viewer lists them.
            blocks.append(_json_table([{_key_as_words(etree.QName(field).localname): " ".join(field.text.split())
                                        for field in child if isinstance(field.tag, str) and (field.text or "").strip()}
                                       for child in run]))
            run = []
        for child in run:
            _collect_xml(child, blocks)
            tail = (child.tail or "").strip()
            if tail:
                blocks.append(" ".join(tail.split()))


def _is_flat_record(element: etree._Element) -> bool:
    """An element of three or more short fields and nothing else: a row of a form's repeated group (not a
    law's point, "<num>a)</num><p>...</p>", nor a song's syllable)."""
    fields = [child for child in element if isinstance(child.tag, str)]
    return len(fields) >= 3 and not (element.text or "").strip() and all(
        len(field) == 0 and len((field.text or "").strip()) <= _MAX_RECORD_CELL_CHARS and not (field.tail or "").strip()
        for field in fields) and len({field.tag for field in fields}) == len(fields)


_LIST_LINE = re.compile(r"\s*(?:\d{1,2}[.)]|[-*•–])\s")
_YEAR_FIELD_NAME = re.compile(r"jahr|year|seit|since|datum|date", re.I)


def _is_year_field(element: etree._Element) -> bool:
    """A field that dates its record, "<jahr>1974</jahr>": a number, but no identifier's."""
    return bool(_YEAR_FIELD_NAME.search(etree.QName(element).localname) and _ATTRIBUTE_DATE.fullmatch(element.text.strip()))


def _plain_paragraphs(own: str) -> list[str]:
    """An element's plain text (a bug report's comment, a note) as its paragraphs: blank lines part them,
    and the items of a list ("Probleme:" / "1. Palo Alto ist keine Partnerstadt ...") keep their lines;
    other line breaks are the writer's wrapping."""
    paragraphs = []
    for paragraph in re.split(r"\n[ \t]*\n", own.strip()):
        lines: list[str] = []
        for line in paragraph.split("\n"):
            words = " ".join(line.split())
            if lines and words and not _LIST_LINE.match(line) and not lines[-1].endswith(":"):
                lines[-1] += " " + words
            elif words:
                lines.append(words)
        if lines:
            paragraphs.append("\n".join(lines))
    return paragraphs


def _is_field(element: etree._Element) -> bool:
    """An element that holds a short value of one line and no markup: a record's field, not its text."""
    value = (element.text or "").strip()
    return len(element) == 0 and 0 < len(value) <= _MAX_HEADING_CHARS and "\n" not in value and not _EMBEDDED_HTML.search(value)


def _is_field_record(children: list[etree._Element]) -> bool:
    """Elements of many names, most of them a short value each: a data record's fields."""
    fields = [child for child in children if _is_field(child)]
    return len(fields) >= 3 and len(fields) >= 0.6 * len(children) and len({child.tag for child in fields}) >= 0.8 * len(fields)


def _is_list_of_names(children: list[etree._Element]) -> bool:
    """Elements of one kind that each hold a short text and nothing else (keywords, authors, places):
    one line of a record, not a heading each over the next."""
    return len(children) >= 2 and len({child.tag for child in children}) == 1 and all(
        len("".join(child.itertext()).strip()) <= _MAX_RECORD_CELL_CHARS and not (child.tail or "").strip()
        and all(len([g for g in node if isinstance(g.tag, str)]) <= 1 for node in child.iter()) for child in children)


def _is_heading(block: str) -> bool:
    """A block of one short line without a sentence's end: a title or a name, whose text follows."""
    return "\n" not in block and len(block) <= _MAX_HEADING_CHARS and not block.rstrip().endswith((".", "!", "?", ":"))


_BR_MARK = "\ue000"  # where a <br> stood; the source's own line breaks are spaces


_HTML_TEXT_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "table")


def _html_paragraphs(html: str) -> list[str]:
    """The paragraphs, headings and list items of an HTML fragment, one block each."""
    try:
        fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return [" ".join(re.sub(r"<[^>]+>", " ", html).split())]
    blocks: list[str] = []
    heading = None  # a heading stays on the line above the block that follows it
    for br in fragment.iter("br"):  # "<strong>Luisant</strong> ... – seit 1973<br><strong>Moosburg</strong> ...": lines
        br.tail = _BR_MARK + (br.tail or "")
    for node in fragment.iter():
        # a block element, or a div of text with no blocks in it: an editor's "<div>Hintergrund: …</div><div>Sie …</div>"
        leaf_div = node.tag == "div" and node is not fragment and not any(
            isinstance(d.tag, str) and d.tag in _HTML_TEXT_BLOCKS + ("div",) for d in node.iterdescendants())
        if not isinstance(node.tag, str) or (node.tag not in _HTML_TEXT_BLOCKS and not leaf_div):
            continue
        if any(isinstance(a.tag, str) and a.tag in ("p", "li", "table") for a in node.iterancestors()):
            continue
        if node.tag == "table":  # its rows, cells between bars: "'s-Hertogenbosch | Niederlande | 1968"
            rows = [[" ".join(cell.text_content().split()) for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th")]
                    for row in node.iter("tr")]
            words = "\n".join(_CELL_SEPARATOR.join(cells) for cells in rows if any(cells))
        else:
            words = "\n".join(" ".join(line.split()) for line in node.text_content().split(_BR_MARK) if line.strip())
        if not words:
            continue
        bullet = "• " if node.tag == "li" else ""
        if heading is not None:
            blocks[-1] = heading + "\n" + bullet + words
            heading = None
        else:
            blocks.append(bullet + words)
            heading = words if node.tag[0] == "h" else None
    if not blocks:  # "<b>Viborg</b> (Dänemark)<br/>Partnerstadt seit 1982.": lines, no paragraphs
        lines = (" ".join(line.split()) for line in fragment.text_content().split(_BR_MARK))
        text = "\n".join(line for line in lines if line)
        return [text] if text else []
    loose = " ".join((fragment.text or "").split())
    return ([loose] if loose else []) + blocks


# --- XML whose text is in attributes ---------------------------------------------------------------------------

# An attribute value a reader reads: words, or a year or date; not a flag, a count, an id or a link.
_ATTRIBUTE_WORDS = re.compile(r"[^\W\d_]{2,}")
_ATTRIBUTE_DATE = re.compile(r"^(?:\d{1,2}\.\d{1,2}\.)?(?:1[89]|20)\d\d\b")
_ATTRIBUTE_NOT_TEXT = re.compile(r"^(?:null|none|true|false|nil|n/a)$|^[a-z][\w+.-]*:/*\S*$|^\S*\d\S*[A-Za-z]\S*\d\S*$"
                                 r"|^(?-i:[a-z]+[A-Z]\w*)$"  # a CMS's block type, "textBlock"
                                 r"|^/?[\w.:-]+(?:/[\w.:-]+){2,}/?$", re.I)  # a resource's path, "trier/components/text"


def _attribute_records_as_text(root: etree._Element) -> str | None:
    """An XML export that keeps its text in attributes (a phone's SMS backup: <sms contact_name=
    "Brigitte Heß" readable_date="02.06.2024" body="..."/>, a SharePoint list's <z:row ows_Title=...
    ows_Partnerseit="1962"/>) as its records: a run of short records as a table, others as "key: value"
    lines, a message's body last, as the paragraph it is. None when the elements hold the text."""
    element_chars = sum(len(text.strip()) for text in root.itertext())
    records: list[tuple[str, dict[str, str]]] = []
    for element in root.iter():
        if isinstance(element.tag, str):
            record = _attribute_record(element)
            if record:
                records.append((etree.QName(element).localname, record))
    if not records or sum(len(value) for _, record in records for value in record.values()) <= 2 * element_chars:
        return None
    runs = itertools.groupby(records, key=lambda tagged: tagged[0])  # the rows of one list, element by element
    return "\n\n".join(_records_as_text([record for _, record in run], min_table_rows=_MIN_CSV_ROWS) for _, run in runs)


def _attribute_record(element: etree._Element) -> dict[str, str]:
    """An element's readable attributes by key, a prefix all of them share ("ows_") left out."""
    values = {}
    for name, value in element.attrib.items():
        value = value.strip()
        if (_ATTRIBUTE_WORDS.search(value) or _ATTRIBUTE_DATE.match(value)) and not _ATTRIBUTE_NOT_TEXT.search(value):
            values[etree.QName(name).localname] = value
    prefix = os.path.commonprefix(list(values)) if len(values) > 1 else ""
    prefix = prefix[: prefix.rfind("_") + 1]
    return {_key_as_words(name[len(prefix):]): value for name, value in values.items()}


# --- RDF/XML ---------------------------------------------------------------------------------------------------

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
# Properties that name a resource: its label, whichever vocabulary the data uses.
_RDF_LABELS = ("label", "prefLabel", "name", "title")
# Properties that only link a resource to its copies elsewhere.
_RDF_LINKS = frozenset({"sameAs", "seeAlso", "exactMatch", "closeMatch", "isDefinedBy"})


def _rdf_as_text(root: etree._Element) -> str | None:
    """Linked data in RDF/XML as a reader of its records sees them: each resource's properties as
    "key: value" lines, a linked resource by its label (German if it has one), resources of one type as a
    table ("Typ | Partner | Beginn" / "Staedtepartnerschaft | Gloucester | 1957"). None for other XML."""
    if root.tag != f"{{{_RDF}}}RDF":
        return None
    labels: dict[str, str] = {}
    for node in root.iter():
        about = node.get(f"{{{_RDF}}}about") if isinstance(node.tag, str) else None
        if about and (label := _rdf_label(node)):
            labels[about] = label
    groups: dict[str, list[dict[str, str]]] = {}
    for resource in root:
        if not isinstance(resource.tag, str):
            continue
        record = _rdf_record(resource, labels)
        kind = record.get("type") or ("" if etree.QName(resource).localname == "Description" else etree.QName(resource).localname)
        if record:
            groups.setdefault(kind, []).append(record)
    blocks = []
    for kind, records in groups.items():
        if len(records) > 1:
            blocks.append(_json_table(records))
        else:
            for record in records:  # a resource under its name, as a page about it would head it
                title = next((record.pop(key) for key in _RDF_LABELS if key in record), None)
                blocks.append("\n".join(([title] if title else []) +
                                        [f"{_key_as_words(key)}: {value}" for key, value in record.items()]))
    return "\n\n".join(blocks) + "\n"


def _rdf_label(node: etree._Element) -> str | None:
    found = [child for child in node if isinstance(child.tag, str) and etree.QName(child).localname in _RDF_LABELS
             and (child.text or "").strip()]
    german = [child for child in found if child.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"]
    chosen = (german or found)[:1]
    return " ".join(chosen[0].text.split()) if chosen else None


def _rdf_record(resource: etree._Element, labels: dict[str, str]) -> dict[str, str]:
    """A resource's properties by name; a link by its target's label, a type by its name."""
    record: dict[str, list[str]] = {}
    label = _rdf_label(resource)  # one label: the German one, else the first
    for prop in resource:
        if not isinstance(prop.tag, str):
            continue
        name = etree.QName(prop).localname
        target = prop.get(f"{{{_RDF}}}resource")
        nested = next((child for child in prop if isinstance(child.tag, str)), None)
        if name in _RDF_LINKS:
            continue
        if name in _RDF_LABELS:
            if label and name not in record:
                record[name] = [label]
            continue
        if name == "type" and target:
            value = _key_as_words(re.split(r"[#/]", target.rstrip("/#"))[-1])  # "...#Staedtepartnerschaft"
        elif target:
            value = labels.get(target)
        elif nested is not None:
            value = _rdf_label(nested) or labels.get(nested.get(f"{{{_RDF}}}about") or "")
        else:
            value = " ".join((prop.text or "").split()) or None
        if value:
            record.setdefault(name, []).append(value)
    return {name: ", ".join(values) for name, values in record.items()}


# --- LaTeX ------------------------------------------------------------------------------------------------

_LATEX_COMMAND = re.compile(r"\\(?:documentclass|usepackage|section|subsection|chapter|begin|end|footnote|textbf|emph|cite)\b")
_MIN_LATEX_COMMANDS = 3
# Commands whose arguments a reader never sees: references, keys, layout.
_LATEX_HIDDEN = frozenset(
    "label ref pageref eqref cite citep citet index vspace hspace includegraphics bibliographystyle bibliography "
    "documentclass usepackage setlength newcommand renewcommand thispagestyle pagestyle".split())
_LATEX_SECTIONS = frozenset("part chapter section subsection subsubsection paragraph caption title".split())
_LATEX_SYMBOLS = {"glqq": "„", "grqq": "“", "glq": "‚", "grq": "‘", "ss": "ß", "LaTeX": "LaTeX", "TeX": "TeX",
                  "dots": "…", "ldots": "…", "textendash": "–", "textemdash": "—", "euro": "€", "item": "\n- "}
_LATEX_ACCENTS = {('"', "a"): "ä", ('"', "o"): "ö", ('"', "u"): "ü", ('"', "A"): "Ä", ('"', "O"): "Ö", ('"', "U"): "Ü",
                  ("'", "e"): "é", ("`", "e"): "è", ("'", "a"): "á", ("`", "a"): "à", ("^", "o"): "ô"}
_LATEX_PUNCTUATION = (("---", "—"), ("--", "–"), ("``", "“"), ("''", "”"), ('"`', "„"), ("\"'", "“"), ("~", " "))
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_LATEX_ACCENT = re.compile(r"\\([\"'`^])\{?([A-Za-z])\}?")
_LATEX_CALL = re.compile(r"\\([A-Za-z]+)\*?[ \t]*(?:\[[^\]]*\])?")  # "\section*", "\cite[S.~23]"


def _latex_as_text(text: str) -> str | None:
    """A LaTeX source as its typeset text: sections and captions as lines of their own, a tabular's rows
    as rows between bars ("Wuppertal | Schwerin | 1987"), emphasis as its words, quotes and dashes as
    the marks printed, citations, labels and comments gone, each footnote as a numbered line below its
    paragraph ("¹ Honecker war in Wiebelskirchen geboren"), where it is a statement of its own and does
    not run into the sentence it is attached to. None if ``text`` is no LaTeX source."""
    if len(_LATEX_COMMAND.findall(text)) < _MIN_LATEX_COMMANDS:
        return None
    text = re.sub(r"(?<!\\)%.*", "", text)  # comments; "\%" is a percent sign
    # an environment's bounds with their options and arguments: "\begin{tabular}{|l|l|c|}", "\begin{thebibliography}{9}"
    text = re.sub(r"\\(?:begin|end)\{[^{}]*\}(?:\[[^\]]*\])?(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})*", "\n", text)
    text = re.sub(r"\\(?:hline|toprule|midrule|bottomrule|centering|maketitle|noindent|newpage|clearpage|tableofcontents)\b",
                  "", text)
    paragraphs = []
    number = 0  # footnotes so far
    for paragraph in re.split(r"\n\s*\n", text):
        notes: list[str] = []
        try:
            rendered = _latex_inline(paragraph, notes, number)
        except RecursionError:
            return None  # arguments nested past reading: the file is read as the text it is
        lines = [_latex_row(line) for line in rendered.split("\n")]
        lines += [f"{str(number + k).translate(_SUPERSCRIPTS)} {note}" for k, note in enumerate(notes, start=1)]
        number += len(notes)
        paragraphs.append("\n".join(line for line in lines if line.strip()))
    return "\n\n".join(p for p in paragraphs if p.strip())


# --- Typst ---------------------------------------------------------------------------------------------------

_TYPST_SETTING = re.compile(r"^#(?:set|show|import|include|let|pagebreak|v|h|align|outline)\b")
_TYPST_CALL = re.compile(r"#(footnote|emph|strong|underline|text|link|smallcaps|highlight|quote)\b(?:\([^()]*\))?\[")


def _typst_as_text(text: str) -> str | None:
    """A Typst source as the typeset page reads: its headings ("= Partnerschaften") and paragraphs
    without their marks (*strong*, _emph_), a footnote in brackets after its sentence, a #table's cells
    as rows between bars, its comments as lines; the #set and #show rules gone. None if ``text`` is no
    Typst source (no #set or #table and no "=" heading)."""
    lines = text.split("\n")
    if not (any(re.match(r"#(?:set|show|table)\b", line) for line in lines) and any(re.match(r"=+\s+\S", line) for line in lines)):
        return None
    out: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k].rstrip()
        k += 1
        stripped = line.strip()
        if table := re.match(r"#table\s*\(", stripped):
            source = "\n".join([stripped[table.end() - 1 :], *lines[k:]])
            end = _closing_bracket(source, 0, "(", ")")
            k += source[:end].count("\n")
            out += ["", _typst_table(source[1:end]), ""]
            continue
        if _TYPST_SETTING.match(stripped):
            continue
        if comment := re.match(r"//\s?(.*)", stripped):
            out.append(comment.group(1))
        elif heading := re.match(r"(=+)\s+(.*)", stripped):
            out += ["", _typst_inline(heading.group(2)), ""]
        else:
            out.append(_typst_inline(line))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


def _closing_bracket(text: str, start: int, opening: str, closing: str) -> int:
    """The position of the bracket that closes the one opening at ``start`` (the text's end if none
    does); a bracket after a backslash is text (LaTeX's "\\{", Typst's "\\[")."""
    depth = 0
    for position in range(start, len(text)):
        if text[position] == opening and text[position - 1 : position] != "\\":
            depth += 1
        elif text[position] == closing and text[position - 1 : position] != "\\":
            depth -= 1
            if depth == 0:
                return position
    return len(text)


def _typst_table(arguments: str) -> str:
    """A #table's content blocks ([Stadt], [Land], [seit], ...) as rows of its number of columns."""
    columns = re.search(r"\bcolumns\s*:\s*(\d+|\([^()]*\))", arguments)
    width = 1
    if columns:
        width = int(columns.group(1)) if columns.group(1).isdigit() else len([c for c in columns.group(1)[1:-1].split(",") if c.strip()])
    cells: list[str] = []
    position = 0
    while (opened := arguments.find("[", position)) != -1:
        close = _closing_bracket(arguments, opened, "[", "]")
        cells.append(" ".join(_typst_inline(arguments[opened + 1 : close]).split()))
        position = close + 1
    return "\n".join(" | ".join(cells[k : k + width]) for k in range(0, len(cells), max(width, 1)))


def _typst_inline(line: str) -> str:
    """A line's words without Typst's marks: a function's content in its place (a footnote in
    brackets), *strong* and _emph_ as their words, a label or reference gone."""
    while match := _TYPST_CALL.search(line):
        close = _closing_bracket(line, match.end() - 1, "[", "]")
        content = line[match.end() : close]
        line = line[: match.start()] + (f" ({content})" if match.group(1) == "footnote" else content) + line[close + 1 :]
    line = re.sub(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])", r"\1", line)
    line = re.sub(r"(?<![\w_])_([^_\n]+)_(?![\w_])", r"\1", line)
    return re.sub(r"\s*<[\w:-]+>|(?<!\S)@[\w:-]+\b", "", line)  # a label, a reference; not a mail address's "@"


# --- Graphviz DOT ---------------------------------------------------------------------------------------------

_GRAPH_START = re.compile(r"\A(?:\s*(?://|#)[^\n]*\n|\s*/\*.*?\*/)*\s*(?:strict\s+)?(?:di)?graph\b[^{\n]*\{", re.S | re.I)
_GRAPH_ID = r'(?:"(?:[^"\\]|\\.)*"|[\w.]+)'  # a quoted or a bare node name
_GRAPH_EDGE = re.compile(rf"^\s*({_GRAPH_ID}(?:\s*(?:--|->)\s*{_GRAPH_ID})+)\s*(?:\[(.*?)\])?\s*;?\s*$", re.M)
_GRAPH_NODE = re.compile(rf"^\s*({_GRAPH_ID})\s*\[(.*?)\]\s*;?\s*$", re.M)
_GRAPH_LABEL = re.compile(r'\blabel\s*=\s*("(?:[^"\\]|\\.)*"|[^,\]\s]+)')


def _graph_as_text(text: str) -> str | None:
    """A Graphviz graph as the drawing shows it: its comments and labels as lines, and each run of edges
    as a table of the two nodes and the edge's label ("Greifswald | Goleniów | 1994") under the comment
    that heads it ("// Städtepartnerschaften"), a node drawn with a label as that label. None if ``text``
    is no DOT source."""
    if not _GRAPH_START.match(text) or not _GRAPH_EDGE.search(text):
        return None
    names = {_graph_id(m.group(1)): _graph_id(label.group(1)) for m in _GRAPH_NODE.finditer(text)
             if not re.match(r"\s*(?:graph|node|edge)\b", m.group(1)) and (label := _GRAPH_LABEL.search(m.group(2)))}
    blocks: list[list[str]] = [[]]
    after_comment = False  # whether the line before was a comment: a comment after anything else opens a block
    for line in text.split("\n"):
        stripped = line.strip()
        if comment := re.match(r"(?://|#)\s*(.*)", stripped):
            if blocks[-1] and not after_comment:
                blocks.append([])
            blocks[-1].append(comment.group(1))
            after_comment = True
            continue
        after_comment = False
        if edge := _GRAPH_EDGE.match(line):
            nodes = [names.get(_graph_id(n), _graph_id(n)) for n in re.findall(_GRAPH_ID, edge.group(1))]
            label = _GRAPH_LABEL.search(edge.group(2) or "")
            for a, b in zip(nodes, nodes[1:]):
                blocks[-1].append(" | ".join([a, b] + ([_graph_id(label.group(1))] if label else [])))
        elif (label := _GRAPH_LABEL.search(stripped)) and not re.match(r"(?:node|edge)\b|(?!graph\b)[\"\w.]+\s*\[", stripped):
            blocks[-1].append(_graph_id(label.group(1)))  # the graph's or a cluster's title, not a node's
    return "\n\n".join("\n".join(block) for block in blocks if block)


_MERMAID_START = re.compile(r"\A(?:\s*%%[^\n]*\n|\s*\n)*\s*(?:graph|flowchart)\s+(?:TB|TD|BT|RL|LR)\b", re.I)
_MERMAID_SHAPE = r"(?:\[\[|\[\(|\(\(|\[|\(|\{\{|\{|>)\s*\"?([^\"\]\)\}]*?)\"?\s*(?:\]\]|\)\]|\)\)|\]|\)|\}\}|\})"
_MERMAID_NODE = rf"([A-Za-z_][\w-]*)(?:\s*{_MERMAID_SHAPE})?"
# A link with its text inside ("-- text ---", "-. text .->") or after it between bars ("-->|text|").
_MERMAID_LINK = (r"[<xo]?(?:(?:--|==|-\.)\s*(?:\"([^\"]*)\"|([^-=.|\"][^|\"]*?))\s*(?:-{2,}|={2,}|\.-+)[>xo]?"
                 r"|(?:-{2,}|={2,}|-\.+-)[>xo]?\s*(?:\|\s*\"?([^|\"]*)\"?\s*\|)?)")
_MERMAID_EDGE = re.compile(rf"^\s*{_MERMAID_NODE}\s*{_MERMAID_LINK}\s*{_MERMAID_NODE}\s*;?\s*$", re.M)
_MERMAID_NODE_LINE = re.compile(rf"^\s*{_MERMAID_NODE}\s*;?\s*$")


def _mermaid_as_text(text: str) -> str | None:
    """A Mermaid flowchart as the drawing shows it: its comments as lines, and its edges as a table of
    the two nodes' labels and the edge's text ("Lübeck | Klaipėda | Partnerschaft 1993"). A link
    drawn as "--x" (crossed out) is no connection and is left out. None if ``text`` is no flowchart."""
    if not _MERMAID_START.match(text) or not _MERMAID_EDGE.search(text):
        return None
    labels: dict[str, str] = {}
    for line in text.split("\n"):
        for match in re.finditer(_MERMAID_NODE, line):
            if match.group(2):
                labels.setdefault(match.group(1), match.group(2).strip())
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        stripped = line.strip()
        if comment := re.match(r"%%\s*(.*)", stripped):
            if blocks[-1] and " | " in blocks[-1][-1]:
                blocks.append([])
            blocks[-1].append(comment.group(1))
        elif edge := _MERMAID_EDGE.match(line):
            link = line[edge.end(2) if edge.group(2) is not None else edge.end(1): edge.start(6)]
            if re.search(r"[-=.]x\b", link):
                continue
            a, b = (labels.get(edge.group(i), edge.group(i)) for i in (1, 6))
            caption = next((part for part in edge.group(3, 4, 5) if part), "").strip()
            if blocks[-1] and " | " not in blocks[-1][-1]:
                blocks.append([])
            blocks[-1].append(" | ".join([a, b] + ([caption] if caption else [])))
    return "\n\n".join("\n".join(block) for block in blocks if block)


_PLANTUML_START = re.compile(r"\A(?:\s*'[^\n]*\n)*\s*@start(?:uml|mindmap|wbs)\b")
_PLANTUML_ELEMENT = re.compile(r"^\s*(?:rectangle|node|component|package|folder|frame|cloud|database|actor|usecase|card|"
                               r"agent|artifact|storage|file|circle|class|object|entity|state|map|label)\s+"
                               r"(\"[^\"\n]*\"|[\w.]+)(?:\s+as\s+([\w.]+))?", re.M)
_PLANTUML_EDGE = re.compile(r"^\s*(\"[^\"\n]*\"|[\w.]+)\s*([-.=<>*o#x|]*(?:-|\.)[-.=<>*o#x|]*(?:\[[^\]]*\])?[-.=<>*o#x|]*)\s*"
                            r"(\"[^\"\n]*\"|[\w.]+)\s*(?::\s*(.*))?$")
_PLANTUML_SETTING = re.compile(r"^\s*(?:skinparam|left\s+to\s+right|top\s+to\s+bottom|hide|show|scale|!|@end|}|\{)", re.I)


def _plantuml_as_text(text: str) -> str | None:
    """A PlantUML diagram as the drawing shows it: its title, notes and legend as paragraphs, each
    element by its label, and each connection as a row of its two ends and its label ("Tübingen |
    Aix-en-Provence | seit 1960"). None if ``text`` is no PlantUML source."""
    if not _PLANTUML_START.match(text):
        return None
    labels = {}
    for element in _PLANTUML_ELEMENT.finditer(text):
        label = _graph_id(element.group(1))
        labels[element.group(2) or element.group(1).strip('"')] = label
    notes = set(re.findall(r"^\s*note\b.*\bas\s+(\w+)\s*$", text, re.M | re.I))  # a note tied to an element is no edge
    blocks: list[list[str]] = [[]]

    def open_block() -> None:
        if blocks[-1]:
            blocks.append([])

    lines = text.split("\n")
    k = 0
    while k < len(lines):
        stripped = lines[k].strip()
        k += 1
        if not stripped or _PLANTUML_SETTING.match(stripped) or stripped.startswith("@start"):
            continue
        if stripped.startswith("'"):
            blocks[-1].append(stripped.lstrip("'").strip())
            continue
        if opened := re.match(r"(note)\s+(?:(?:left|right|top|bottom|over)\b[^:\"]*|as\s+\w+)$|(legend)(?:\s+\w+)*$|"
                              r"(header|footer|title)$", stripped, re.I):
            kind = next(group for group in opened.groups() if group).lower()
            body = []
            while k < len(lines) and not re.match(rf"\s*end\s?{kind}\b", lines[k], re.I):
                body.append(lines[k].strip())
                k += 1
            k += 1
            open_block()
            blocks[-1] += [_label_row(line) for line in body if line]
            open_block()
            continue
        if inline := re.match(r"(?:note\b[^:\"]*(?::\s*(.*)|\"((?:[^\"\\]|\\.)*)\")|(?:title|header|footer|caption)\s+(.*))", stripped, re.I):
            open_block()
            blocks[-1].append(_graph_id(f'"{next(group for group in inline.groups() if group)}"'))
            open_block()
            continue
        if (edge := _PLANTUML_EDGE.match(stripped)) and not {edge.group(1), edge.group(3)} & notes:
            ends = [labels.get(edge.group(i).strip('"'), _graph_id(edge.group(i))) for i in (1, 3)]
            if blocks[-1] and " | " not in blocks[-1][-1]:
                open_block()
            blocks[-1].append(" | ".join(ends + ([_graph_id(f'"{edge.group(4).strip()}"')] if edge.group(4) else [])))
    return "\n\n".join("\n".join(block) for block in blocks if block) + "\n"


_D2_KEY = r'(?:"[^"\n]*"|\w+(?:-\w+)*)(?:\.(?:"[^"\n]*"|\w+(?:-\w+)*))*'  # a node's key, dotted into its containers
_D2_EDGE = re.compile(rf"^\s*({_D2_KEY}(?:\s*(?:<->|->|<-|--)\s*{_D2_KEY})+)\s*(?::\s*(.*?))?\s*(\{{.*)?$")
_D2_NODE = re.compile(rf"^\s*({_D2_KEY})\s*:\s*(\|+\w*\s*$|\"(?:[^\"\\]|\\.)*\"|[^{{\n]*?)\s*(\{{.*)?$")
# Keys that set how the drawing looks, not what it shows.
_D2_SETTINGS = {"direction", "shape", "style", "near", "icon", "width", "height", "tooltip", "link", "vars", "classes",
                "class", "grid-rows", "grid-columns", "grid-gap", "constraint", "source-arrowhead",
                "target-arrowhead", "layers", "scenarios", "steps", "theme-id", "layout-engine"}
_MIN_D2_EDGES = 2


def _d2_as_text(text: str) -> str | None:
    """A D2 diagram as the drawing shows it: its comments and its text and Markdown blocks ("title: |md
    ...") as paragraphs, its solid edges as a table of the two nodes' labels and the edge's label
    ("Stralsund | Kiel | seit 1987"), a dashed edge as a line of its own, since such diagrams use it for
    a tie that is no partnership. Node keys ("vorpommern.stralsund") are read by no one. None if
    ``text`` is no D2 source: at least two edges between keys, and no line D2 would not read."""
    lines = text.split("\n")
    if sum(("->" in line or " -- " in line) and bool(_D2_EDGE.match(line)) for line in lines) < _MIN_D2_EDGES:
        return None
    labels: dict[str, str] = {}
    blocks: list[list[str]] = [[]]
    rows: list[tuple[list[str], str, bool]] = []  # an edge's ends (full keys), its label and whether it is dashed
    containers: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        stripped = line.strip()
        k += 1
        if not stripped:
            continue
        if stripped.startswith("#"):
            blocks[-1].append(stripped.lstrip("#").strip())
            continue
        if stripped == "}":
            if containers:
                containers.pop()
            continue
        if (edge := _D2_EDGE.match(line)) and re.search(r"<->|->|<-|--", edge.group(1)):
            ends = [".".join(containers + [key]) for key in re.split(r"\s*(?:<->|->|<-|--)\s*", edge.group(1))]
            style = edge.group(3) or ""
            if style.rstrip().endswith("{") and "}" not in style:
                while k < len(lines) and lines[k].strip() != "}":
                    style += lines[k]
                    k += 1
                k += 1
            for a, b in zip(ends, ends[1:]):
                rows.append(([a, b], _graph_id(edge.group(2) or ""), "stroke-dash" in style))
            continue
        node = _D2_NODE.match(line)
        if not node:
            return None  # a line D2 would not read: no D2 source
        key, value, braces = node.group(1), node.group(2), node.group(3) or ""
        if re.fullmatch(r"\|+\w*", value):  # a block of Markdown or plain text up to its closing bars
            bars = re.match(r"\|+", value).group(0)
            body = []
            while k < len(lines) and not lines[k].strip().startswith(bars):
                body.append(lines[k])
                k += 1
            k += 1
            paragraph = [re.sub(r"^#+\s*", "", row.strip()) for row in body]
            if blocks[-1]:
                blocks.append([])
            blocks[-1] += [_markdown_inline_as_text(row) for row in paragraph]
            blocks.append([])
            continue
        if key.split(".")[-1] in _D2_SETTINGS:  # also a dotted key that ends in one: "label.near"
            if braces.rstrip().endswith("{") and "}" not in braces:
                containers.append(key)  # a settings block; its lines are settings too
            continue
        full = ".".join(containers + [key])
        if key == "label" and containers:
            labels[".".join(containers)] = _graph_id(value)
        elif value:
            labels[full] = _graph_id(value)
            if "shape: text" in braces:  # a free text placed on the drawing
                blocks[-1].append(labels[full])
        if braces.rstrip().endswith("{") and "}" not in braces[1:]:
            containers.append(key)

    def label(full: str) -> str:
        full = full.replace('"', "")
        return labels.get(full) or labels.get(full.split(".")[-1]) or full.split(".")[-1]

    solid = [_CELL_SEPARATOR.join([label(a), label(b), caption]).rstrip(" |") for (a, b), caption, is_dashed in rows if not is_dashed]
    dashed = [f"gestrichelte Linie: {label(a)} – {label(b)}" + (f": {caption}" if caption else "")
              for (a, b), caption, is_dashed in rows if is_dashed]
    parts = ["\n".join(block) for block in blocks if block]
    if solid:
        parts.append("\n".join([_CELL_SEPARATOR.join(["von", "nach", "Beschriftung"]), *solid]))
    if dashed:
        parts.append("\n".join(dashed))
    return "\n\n".join(parts) + "\n"


def _label_row(line: str) -> str:
    """A legend's or note's line: a creole table's "| a | b |" as its cells, its markup ("|=", "**") gone."""
    return " ".join(re.sub(r"\|=?|\*\*|//|__", " ", line).split()) if line.startswith("|") else line


def _graph_id(name: str) -> str:
    """A node's or label's text: quotes and escapes undone, "\\n" as a space."""
    if name.startswith('"') and name.endswith('"'):
        name = name[1:-1]
    return " ".join(re.sub(r"\\[nlr]", " ", name).replace('\\"', '"').split())


# --- git log ---------------------------------------------------------------------------------------------------

_GIT_COMMIT = re.compile(r"^commit [0-9a-f]{7,40}\b.*\n(?:(?:Merge|Author|AuthorDate|Commit|CommitDate|Date):.*\n)+", re.M)
# Subversion's log (svn log -v): a rule, "r1180 | kschulze | 2024-03-11 ... | 3 lines", the changed paths.
_SVN_REVISION = re.compile(r"^-{60,}\nr\d+ \| [^|\n]+ \| [^|\n]+ \| \d+ lines?\n(?:Changed paths:\n(?:[ \t]+[AMDR] [^\n]*\n)*)?", re.M)
_MIN_COMMITS = 2
_MAX_LOG_PREAMBLE_LINES = 3


def _git_log_as_text(text: str) -> str | None:
    """A version history (git log, svn log) as its commits' messages, each a paragraph of its own ("Münster: York
    (1957), Orléans (1960) ..."): the hashes, authors and times are read by no one, and the indent would
    run a message into the one before. A log with patches (``git log -p``) adds, under the message, the
    lines each changed file has after the change (``_patched_lines``), for its newest change only: an
    older patch shows a state that a newer one corrected. None if ``text`` is no git log."""
    heads = list(_GIT_COMMIT.finditer(text))
    if len(heads) < _MIN_COMMITS:
        heads = list(_SVN_REVISION.finditer(text))
    if len(heads) < _MIN_COMMITS:
        return None
    preamble = text[: heads[0].start()].strip()  # the command that printed the log names the repository
    blocks = [preamble] if len(preamble.split("\n")) <= _MAX_LOG_PREAMBLE_LINES else []
    patched: set[str] = set()
    for head, following in zip(heads, heads[1:] + [None]):
        body = text[head.end() : following.start() if following else len(text)]
        message, *patches = re.split(r"^diff --git ", re.sub(r"^-{60,}$", "", body, flags=re.M), flags=re.M)
        paragraphs = [_unwrapped(part) for part in re.split(r"\n\s*\n", message.strip())]
        blocks.append("\n\n".join(p for p in paragraphs if p))
        for patch in patches:
            path = patch.split("\n", 1)[0].split(" b/")[-1].strip()
            if path not in patched:
                patched.add(path)
                blocks.append(export_as_text(_patched_lines(patch)).strip())
    return "\n\n".join(block for block in blocks if block)


def _patched_lines(patch: str) -> str:
    """A file's patch (after its "diff --git" line) as the lines its hunks show after the change: the
    context and the added lines, without the removed ones, the file heads and the hunk heads."""
    lines = []
    in_hunk = False
    for line in patch.split("\n")[1:]:
        if line.startswith("@@"):
            in_hunk = True
            lines.append("")  # hunks are apart in the file
        elif in_hunk and line[:1] in (" ", "+"):
            lines.append(line[1:])
        elif in_hunk and line and line[0] not in "-\\":
            in_hunk = False
    return "\n".join(lines).strip("\n") + "\n"


def _unwrapped(paragraph: str) -> str:
    """A paragraph wrapped at a fixed width as its lines joined, each item of a list on a line of its own."""
    lines: list[str] = []
    for line in paragraph.split("\n"):
        line = line.strip()
        if lines and not re.match(r"[-*•–]\s", line):
            lines[-1] += " " + line
        else:
            lines.append(line)
    return "\n".join(lines)


def _latex_row(line: str) -> str:
    """A tabular's row "Erlangen & Jena & 1987" as "Erlangen | Jena | 1987"; escapes undone."""
    line = line.strip()
    if re.search(r"(?<!\\)&", line):
        line = " | ".join(cell.strip() for cell in re.split(r"(?<!\\)&", line))
    return " ".join(line.replace("\\&", "&").replace("\\%", "%").replace("\\_", "_").replace("\\$", "$").split())


def _latex_group(text: str, start: int) -> int:
    """The end of the braced group that opens at ``start`` (just past its "}")."""
    return min(_closing_bracket(text, start, "{", "}") + 1, len(text))


def _latex_inline(text: str, notes: list[str], numbered: int) -> str:
    """Commands of one paragraph rendered; footnotes collected into ``notes`` and marked in the text."""
    out = []
    k = 0
    while k < len(text):
        char = text[k]
        if char != "\\":
            if char not in "{}":
                out.append(char)
            k += 1
            continue
        if text[k + 1 : k + 2] == "\\":  # a line break, or a tabular's row's end
            out.append("\n")
            k += 2
            continue
        accent = _LATEX_ACCENT.match(text, k)
        if accent and (accent.group(1), accent.group(2)) in _LATEX_ACCENTS:
            out.append(_LATEX_ACCENTS[(accent.group(1), accent.group(2))])
            k = accent.end()
            continue
        command = _LATEX_CALL.match(text, k)
        if command is None:  # "\&", "\%", "\," and the like: the character, or a thin space
            symbol = text[k + 1 : k + 2]
            # "\&" stays escaped until _latex_row has told a row's cells apart by their bare "&"
            out.append("\\" + symbol if symbol in "&%_$" else symbol if symbol in "#{}" else " ")
            k += 2
            continue
        name, k = command.group(1), command.end()
        argument = None
        if text[k : k + 1] == "{":
            end = _latex_group(text, k)
            argument, k = text[k + 1 : end - 1], end
        if name in _LATEX_HIDDEN:
            if out and out[-1] == " " and text[k : k + 1] in ".,;:)":
                out.pop()  # "vgl. \cite{pfeil1989}." as "vgl."
                if out and out[-1] == "." and text[k] == ".":
                    k += 1
            continue
        if name == "footnote" and argument is not None:
            notes.append(" ".join(_latex_inline(argument, [], 0).split()))
            out.append(str(numbered + len(notes)).translate(_SUPERSCRIPTS))
        elif name == "bibitem":  # "\bibitem{pfeil1989} Ulrich Pfeil: ...": a new line, its key unseen
            out.append("\n")
        elif name in _LATEX_SECTIONS:
            heading = _latex_inline(argument, notes, numbered) if argument is not None else ""
            out.append("\n" + " ".join(heading.split()) + "\n")
        elif name in _LATEX_SYMBOLS:
            out.append(_LATEX_SYMBOLS[name])
            if argument is not None:
                out.append(_latex_inline(argument, notes, numbered))
        elif argument is not None:  # \textbf{...}, \emph{...}, \url{...}: its words
            out.append(_latex_inline(argument, notes, numbered))
    rendered = "".join(out)
    for marks, printed in _LATEX_PUNCTUATION:
        rendered = rendered.replace(marks, printed)
    return rendered


# --- wiki diffs and markup ---------------------------------------------------------------------------------

# A line of a comparison of versions: "Zeile 412:" (MediaWiki) or "@@ -12,7 +12,8 @@" (unified diff).
_DIFF_HUNK = re.compile(r"^(?:Zeile \d+:(?:\s+Zeile \d+:)?|Line \d+:(?:\s+Line \d+:)?|@@ [^@]* @@.*)\s*$", re.M)
_DIFF_LINE = re.compile(r"^[+-](?: |$)", re.M)
_MIN_DIFF_LINES = 4


def _new_version_of_diff(text: str) -> str:
    """A comparison of two versions of a text ("- " old line, "+ " new line, "  " context) as the
    version it arrives at: the removed lines go ("- * Kaliningrad, Russland", taken out because it is
    no partner town), the markers go, the hunk heads go. Any other text comes back as it is."""
    if not _DIFF_HUNK.search(text) or len(_DIFF_LINE.findall(text)) < _MIN_DIFF_LINES:
        return text
    kept = []
    for line in text.split("\n"):
        if _DIFF_HUNK.match(line) or line.startswith("-"):
            continue
        line = line[2:] if line.startswith(("+ ", "  ")) else line.lstrip("+")
        halves = re.split(r"\s{3,}", line.strip())
        kept.append(halves[0] if len(halves) == 2 and halves[0] == halves[1] else line)  # a context line shown on both sides
    return "\n".join(kept)


_WIKI_LINK = re.compile(r"\[\[(?:[^\[\]|]*\|)?([^\[\]|]*)\]\]")  # "[[Bergen (Norwegen)|Bergen]]" → "Bergen"
_WIKI_FILE = re.compile(r"\[\[(?:Datei|Bild|File|Image|Kategorie|Category):[^\[\]]*(?:\[\[[^\[\]]*\]\][^\[\]]*)*\]\]\n?", re.I)
_WIKI_FLAG = re.compile(r"\{\{(?:[A-Z]{2,3}|(?:Flagicon|Flagge|Flag|FlagIOC)\|[^{}]*)\}\}\s?", re.I)  # "{{DNK}} ", "{{Flagicon|POL}} "
_WIKI_EMPHASIS = re.compile(r"'{2,5}")
_WIKI_REF = re.compile(r"<references\s*/>|<ref\b[^>]*/>|<ref\b[^>]*>.*?</ref\s*>", re.S | re.I)  # a footnote, cited elsewhere
_WIKI_TABLE = re.compile(r"^\{\|.*?^\|\}[ \t]*$", re.S | re.M)
_WIKI_INFOBOX = re.compile(r"\{\{\s*Infobox\b[^\n|]*((?:[^{}]|\{\{[^{}]*\}\})*)\}\}\n?", re.I)
_WIKI_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
_WIKI_CELL_ATTRIBUTES = re.compile(r'^\s*(?:[\w-]+\s*=\s*(?:"[^"]*"|\S+)\s*)+\|(?!\|)')  # 'class="unsortable" | Bemerkung'
_WIKI_IMAGE_FIELDS = frozenset("bild bildtext bildbreite image caption karte map logo wappen".split())
_MIN_WIKI_LINKS = 3


def _wikitext_as_text(text: str) -> str:
    """MediaWiki source as the page a reader sees: "[[Stettin|Szczecin]]" as "Szczecin", a table
    ({| ... |- ... |}) as rows between bars, an infobox as "Field: value" lines, no footnotes (<ref>),
    flag icons, file links or other template calls. Headings keep their "==", which a reader takes in
    as a heading's mark. Only in a text with several wiki links or a wiki table; any other text
    comes back as it is."""
    if len(_WIKI_LINK.findall(text)) < _MIN_WIKI_LINKS and not _WIKI_TABLE.search(text):
        return text
    text = _WIKI_REF.sub("", text)
    text = _WIKI_FILE.sub("", text)
    text = _WIKI_LINK.sub(r"\1", text)
    text = _WIKI_FLAG.sub("", text)
    text = _WIKI_INFOBOX.sub(_wiki_infobox_fields, text)
    text = _WIKI_TABLE.sub(lambda match: _wiki_table_rows(match.group(0)), text)
    text = _WIKI_TEMPLATE.sub("", _WIKI_TEMPLATE.sub("", text))  # citations and layout; two levels deep
    return _WIKI_EMPHASIS.sub("", text)


def _wiki_infobox_fields(match: re.Match) -> str:
    fields = []
    for field in re.split(r"\n\s*\|", "\n" + match.group(1)):
        name, equals, value = field.partition("=")
        if equals and value.strip() and name.strip().lower() not in _WIKI_IMAGE_FIELDS:
            fields.append(f"{name.strip()}: {' '.join(value.split())}")
    return "\n".join(fields) + "\n\n"


def _wiki_table_rows(table: str) -> str:
    """A wiki table's rows between bars: "! Stadt !! seit" heads, "| Stettin || 1957" cells, a cell
    on a line of its own joining its row, a caption ("|+") as a line above."""
    rows: list[list[str]] = [[]]
    caption = ""
    for line in table.split("\n")[1:-1]:
        stripped = line.strip()
        if stripped.startswith("|-"):
            rows.append([])
        elif stripped.startswith("|+"):
            caption = stripped[2:].strip()
        elif stripped[:1] in ("|", "!"):
            cells = re.split(r"\|\||!!", stripped[1:])
            rows[-1].extend(_WIKI_CELL_ATTRIBUTES.sub("", cell).strip() for cell in cells)
        elif stripped and rows[-1]:
            rows[-1][-1] += " " + stripped  # a cell's text running on
    lines = [" | ".join(row) for row in rows if any(row)]
    return "\n".join(([caption] if caption else []) + lines)


# --- page-builder shortcodes, forum markup and HTML fragments --------------------------------------------------

# A page builder's layout shortcodes leaked into a page's text: "[vc_row ...]", "[/vc_column_text]",
# "[et_pb_section]", "[fusion_builder_container ...]": a lower-case name with an underscore.
_SHORTCODE_TAG = re.compile(r"\[/?[a-z]+_[a-z0-9_]+(?:\s[^\]\n]*)?\]")
_MIN_SHORTCODES = 3
_BBCODE_TAG = re.compile(r"\[(/?)(b|i|u|s|quote|list|\*|table|tr|td|th|url|img|code|size|color|center|spoiler)(?:=([^\]\n]*))?\]", re.I)
_MIN_BBCODE_TAGS = 4
_BBCODE_AS_HTML = {"b": "b", "i": "i", "u": "u", "s": "s", "list": "ul", "*": "li", "table": "table", "tr": "tr",
                   "td": "td", "th": "td", "url": "a", "code": "pre", "size": "span", "color": "span", "center": "p",
                   "spoiler": "div"}
_HTML_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PARAGRAPH_BREAK, _LINE_BREAK = "\x1e", "\x1f"  # a fragment's block boundaries, before they become blank lines or line ends
_HTML_LISTS = frozenset({"ul", "ol", "dl", "table", "tbody", "thead", "tr"})  # their own text is layout
_HTML_BLOCKS = frozenset({"p", "div", "ul", "ol", "li", "table", "tr", "blockquote", "section", "figure", "figcaption",
                          "dl", "dt", "dd", "pre", "hr"}) | _HTML_HEADINGS


def _page_builder_as_text(text: str) -> str:
    """A page whose builder's shortcodes leaked into the text, with the HTML of its text blocks, as the
    page shows it: the shortcodes gone, the HTML read as paragraphs, headings and list items."""
    if len(_SHORTCODE_TAG.findall(text)) < _MIN_SHORTCODES:
        return text
    return _fragment_as_text(_SHORTCODE_TAG.sub("\n", text))


def _bbcode_as_text(text: str) -> str:
    """A forum post's BBCode source as the post shows it: bold and links as their words, "[list][*]" as
    list items, "[table][tr][td]" as rows between bars, a quote as a paragraph under "name schrieb:",
    images gone."""
    if len(_BBCODE_TAG.findall(text)) < _MIN_BBCODE_TAGS:
        return text
    text = re.sub(r"\[img\b[^\]]*\].*?\[/img\]", "", text, flags=re.I | re.S)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def as_html(match: re.Match) -> str:
        closing, name, value = match.group(1), match.group(2).lower(), match.group(3)
        if name == "quote":
            if closing:
                return "</blockquote>"
            author = (value or "").strip().strip("\"'")
            return "<blockquote>" + (f"<p>{author} schrieb:</p>" if author else "")
        if name == "img":
            return ""
        return f"<{closing}{_BBCODE_AS_HTML[name]}>"

    return _fragment_as_text(_BBCODE_TAG.sub(as_html, text))


def _fragment_as_text(html: str) -> str:
    """Text with HTML tags in it (an editor's or a forum's source) as a browser shows it: each block
    on lines of its own, a heading or paragraph set off by blank lines, list items as "- " lines, a
    table's cells as rows between bars; the text's own line breaks kept, as the editor shows them."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return html
    pieces: list[str] = []

    def walk(element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("script", "style"):
            pieces.append(element.tail or "")
            return
        if tag in _HTML_HEADINGS or tag in ("p", "blockquote", "table"):
            pieces.append(_PARAGRAPH_BREAK)
        elif tag == "li":
            pieces.append(_LINE_BREAK + "- ")
        elif tag in ("td", "th"):
            pieces.append(_CELL_SEPARATOR if element.getprevious() is not None else "")
        elif tag in _HTML_BLOCKS or tag == "br":
            pieces.append(_LINE_BREAK)
        own = element.text or ""
        pieces.append(" ".join(own.split()) if tag in _HTML_LISTS or tag in ("td", "th") else own)
        for child in element:
            walk(child)
        if tag in _HTML_HEADINGS or tag in ("p", "blockquote", "table"):
            pieces.append(_PARAGRAPH_BREAK)
        elif tag in _HTML_BLOCKS:
            pieces.append(_LINE_BREAK)
        tail = element.tail or ""
        # The source's line breaks between a list's items or a table's rows are no lines of the page.
        in_list = element.getparent() is not None and element.getparent().tag in _HTML_LISTS
        pieces.append(" ".join(tail.split()) if in_list else tail)

    walk(root)
    # A block's start and end and the source's line breaks around them make one break: a blank line if
    # any of them sets a paragraph off, else a line end.
    text = re.sub(r"\s*[\x1e\x1f][\x1e\x1f\s]*",
                  lambda run: "\n\n" if "\x1e" in run.group(0) or run.group(0).count("\n") > 1 else "\n", "".join(pieces))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


# --- iCalendar and subtitles -------------------------------------------------------------------------------



# iCalendar properties a reader sees, with the label put before them; the rest (UID, DTSTAMP, ...) is bookkeeping.
_CALENDAR_FIELDS = {"X-WR-CALNAME": "", "SUMMARY": "", "LOCATION": "Ort: ", "DESCRIPTION": ""}


def _calendar_as_text(text: str) -> str:
    """An iCalendar export (RFC 5545) as its calendar's name and, per event, its summary, place and
    description: folded lines unfolded ("Städtepar" / " tnerschaft"), escapes undone ("\\," → ",")."""
    unfolded = re.sub(r"\n[ \t]", "", text)
    blocks: list[list[str]] = [[]]
    for line in unfolded.split("\n"):
        name, _, value = line.partition(":")
        name = name.split(";", 1)[0].strip().upper()  # "DESCRIPTION;LANGUAGE=de:..."
        if name == "BEGIN" and value.strip().upper() == "VEVENT":
            blocks.append([])
        elif name in _CALENDAR_FIELDS and value.strip():
            value = re.sub(r"\\[nN]", "\n", value)
            value = re.sub(r"\\([,;\\])", r"\1", value)
            blocks[-1].append(_CALENDAR_FIELDS[name] + value.strip())
    return "\n\n".join("\n".join(block) for block in blocks if block)


# A subtitle cue's timing line (SubRip "00:00:04,300 --> 00:00:08,900", WebVTT "00:04.300 --> 00:08.900 line:90%").
_CUE_TIMING = re.compile(r"^\s*(?:\d{1,2}:)?\d{1,2}:\d\d[,.]\d{1,3}\s+-->\s+(?:\d{1,2}:)?\d{1,2}:\d\d[,.]\d{1,3}\b.*$", re.M)
_MIN_CUES = 3


def _subtitles_as_prose(text: str) -> str:
    """A subtitle file (SubRip or WebVTT) as the words spoken: one line per cue, without cue numbers,
    timings, styling tags or the WebVTT header, so that a sentence spoken across cues reads as one.
    Any other text comes back as it is."""
    if len(_CUE_TIMING.findall(text)) < _MIN_CUES:
        return text
    cues = []
    for block in re.split(r"\n\s*\n", text):
        lines = block.strip().split("\n")
        timing = next((k for k, line in enumerate(lines) if _CUE_TIMING.match(line)), None)
        if timing is None:
            continue  # the "WEBVTT" header, a NOTE or STYLE block
        spoken = " ".join(re.sub(r"<[^>]*>|\{\\[^}]*\}", "", line).strip() for line in lines[timing + 1 :])
        if spoken.strip():
            cues.append(" ".join(spoken.split()))
    return "\n".join(cues)


# --- text-browser dumps and chat logs ---------------------------------------------------------------------

_BROWSER_LINK_LIST = re.compile(r"^(?:References|Referenzen|Links)[ \t]*\n(?:[ \t]*\n)?(?:(?:[ \t]*\d+\.[ \t]+\S+|[ \t]*(?:Visible|Hidden) links:?)[ \t]*(?:\n|\Z)|[ \t]*\n)+\s*\Z", re.M)
_BROWSER_LINK_MARK = re.compile(r"\[\d+\](?=\S)|\[(?:IMG|INLINE|LINK|BUTTON)\]")
_BROWSER_BULLET = re.compile(r"^[ \t]*[*+o#-][ \t]+")
_MIN_BROWSER_MARKS = 3


def _text_browser_dump_as_text(text: str) -> str:
    """A web page as a text browser dumps it (lynx -dump): a number before each link's words
    ("[15]Kiew (Ukraine)"), the list of link targets at the end, body lines indented by three spaces
    and headings by fewer, nested bullets drawn as "*", "+" and "o". Read as the page: no numbers,
    no link list, no indentation (a heading stands on its own line anyway), every bullet a "*".
    Any other text comes back as it is."""
    links = _BROWSER_LINK_LIST.search(text)
    if links is None or len(_BROWSER_LINK_MARK.findall(text[: links.start()])) < _MIN_BROWSER_MARKS:
        return text
    body = _BROWSER_LINK_MARK.sub("", text[: links.start()])
    lines = [_BROWSER_BULLET.sub("* ", line) if _BROWSER_BULLET.match(line) else line.strip().lstrip("#").strip()
             for line in body.split("\n")]  # "#Leipzig.de - Aktuelles": the page's link to its feed
    return "\n".join(lines).strip() + "\n"


# A chat line: a time, maybe a date before it, in brackets or followed by " - "; then "<nick> text",
# "Name: text" or a system notice ("* hoppe has quit", "Gerlinde Haas hat die Gruppe erstellt").
_CHAT_STAMP = re.compile(r"^[ \t]*\[?(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4},?[ \t]+)?\d{1,2}:\d\d(?::\d\d)?\]?[ \t]*(?:-[ \t]+)?(.*)$")
_CHAT_NICK = re.compile(r"^<[@+%~&]?([^>\s]+)>[ \t]*(.*)$")
_CHAT_SPEAKER = re.compile(r"^([^\W\d][\w.'-]*(?:[ \t][^\W\d][\w.'-]*){0,3}):[ \t]+(.*)$")
_MIN_CHAT_LINES = 5


def _chat_log_as_text(text: str) -> str:
    """A chat's log (IRC or Matrix "[19:02:03] <bernd_do> ...", WhatsApp "02.05.23, 18:49 - Name: ...")
    as its messages, each a paragraph of its own headed by who wrote it ("bernd_do: ..."): a message
    without a full stop then does not run into the next one. Times go, and so do the notices of people
    joining and leaving and of encryption. Lines without a time continue the message above. Any
    other text comes back as it is."""
    lines = [line for line in text.split("\n") if line.strip()]
    stamped = [m.group(1) for line in lines if (m := _CHAT_STAMP.match(line))]
    spoken = [line for line in stamped if _CHAT_NICK.match(line) or _CHAT_SPEAKER.match(line)]
    if len(spoken) < _MIN_CHAT_LINES or len(stamped) < 0.5 * len(lines):
        return text
    messages: list[str] = []
    started = False
    for line in text.split("\n"):
        stamp = _CHAT_STAMP.match(line)
        if stamp is None:
            if started and line.strip():
                messages[-1] += "\n" + line.strip()
            elif not started:
                messages.append(line.strip())  # the export's heading
            continue
        started = True
        said = stamp.group(1)
        if (nick := _CHAT_NICK.match(said)) is not None:
            messages.append(f"{nick.group(1)}: {nick.group(2)}")
        elif _CHAT_SPEAKER.match(said):
            messages.append(said)
        else:
            messages.append("")  # a notice; a line under it continues nothing anyone said
    return "\n\n".join(message for message in messages if message.strip()) + "\n"


# An application log's line: date, time, level, maybe a [thread] and a logger, then the message.
_LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[,.]\d+)?(?:Z|[+-]\d\d:?\d\d)?\s+"
                       r"(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|SEVERE|FATAL|CRITICAL)\s+"
                       r"(?:\[[^\]]*\]\s+)?(?:[\w.$]+(?::\d+)?\s+-\s+)?(.*)$")
_LOG_FIELD = re.compile(r"([A-Za-z_][\w.]*)=(\"[^\"]*\"|'[^']*'|[^\s,;)]+)")
_LOG_RECORD_NAME = re.compile(r"^((?:row|record|line|zeile|datensatz|item|id)\s*#?\s*\d+)\s*:\s*", re.I)
_MIN_LOG_LINES = 5


def _application_log_as_text(text: str) -> str:
    """An application's log (a data import's: "2024-10-08 02:00:01,733 INFO [pool-2] RecordMapper -
    row 3: city_a=Hamburg city_b=Marseille since=1958") as what it reports: the messages without
    time, level, thread and logger; messages of key=value fields as the rows of a table, the lines
    about one record ("row 3") merged into its row; stack traces left out. Any other text comes
    back as it is."""
    lines = text.split("\n")
    if sum(bool(_LOG_LINE.match(line)) for line in lines) < _MIN_LOG_LINES:
        return text
    blocks: list[str] = []
    records: dict[str, dict[str, str]] = {}

    def close_table() -> None:
        if records:
            blocks.append(_json_table(list(records.values())))
            records.clear()

    for line in lines:
        match = _LOG_LINE.match(line)
        if match is None:
            if line.strip() and not blocks and not records:
                blocks.append(line.strip())  # a heading above the log
            continue  # a stack trace's lines, a continuation
        message = match.group(1).strip()
        fields = _LOG_FIELD.findall(message)
        name = _LOG_RECORD_NAME.match(message)
        if len(fields) >= 2 or (fields and name and name.group(1).lower() in records):
            record = records.setdefault(name.group(1).lower() if name else f"#{len(records)}", {})
            for key, value in fields:
                record.setdefault(key, value.strip("\"'"))
            rest = re.sub(r"\(\s*[,;]?\s*\)", "", _LOG_FIELD.sub("", message[name.end() if name else 0 :])).strip(" -,;:")
            if rest:
                record.setdefault("note", " ".join(rest.split()))
        else:
            close_table()
            blocks.append(message)
    close_table()
    return "\n\n".join(blocks) + "\n"


_TIBBLE_HEAD = re.compile(r"^#\s*A (?:tibble|data frame):\s*\d+\s*[×x]\s*\d+\s*$")
_TIBBLE_TYPE = re.compile(r"<(?:chr|int|dbl|lgl|fct|date|dttm|ord|num|list)>")


def _printed_tibbles_as_tables(text: str) -> str:
    """A data frame as R prints it ("# A tibble: 14 × 5", a line of names, a line of types "<chr>",
    numbered rows) as rows between bars, each cell cut where its column's type mark starts; the
    row numbers, the types and the "# ℹ 4 more rows" note go. Any other text comes back as it is."""
    lines = text.split("\n")
    if not any(_TIBBLE_HEAD.match(line.strip()) for line in lines):
        return text
    out: list[str] = []
    k = 0
    while k < len(lines):
        if not (_TIBBLE_HEAD.match(lines[k].strip()) and k + 2 < len(lines) and _TIBBLE_TYPE.search(lines[k + 2])):
            out.append(lines[k])
            k += 1
            continue
        starts = [m.start() for m in _TIBBLE_TYPE.finditer(lines[k + 2])]
        rows = [lines[k + 1]]
        k += 3
        while k < len(lines) and re.match(r"^\s*\d+\s", lines[k]):
            rows.append(lines[k])
            k += 1
        while k < len(lines) and re.match(r"^#\s*(?:ℹ|…|\.\.\.)", lines[k].strip()):
            k += 1  # "# ℹ 4 more rows", "# ℹ 1 more variable: art <chr>"
        for row in rows:
            cells = [row[start:end].strip() for start, end in zip(starts, starts[1:] + [len(row) + 1])]
            out.append(" | ".join(cells))
    return "\n".join(out)
