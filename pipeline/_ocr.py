"""OCR engines' and layout services' output as the lines a person reads on the page.

A scanned council paper or newspaper clipping often reaches the corpus as what the OCR
engine wrote, not as text: Tesseract's TSV with one word per row, ABBYY FineReader's XML
with one element per character, a Transkribus PAGE XML with its regions, lines and
polygons, an Amazon Textract response whose words, lines and table cells are blocks linked
by ids, a Google Cloud Vision response with one element per character, a DjVu file's hidden
text as nested s-expressions, poppler's pdftohtml XML with one positioned element per printed
line (the two columns of a page interleaved by height). Read as data, such a file is a table of coordinates with a word in its last column,
and no rule finds a sentence in it. Each is rendered here as the page shows it: a line per
printed line, a blank line between paragraphs (text blocks, regions), a table's rows as
cells between bars. A word split over two lines keeps its hyphen, to be joined by the
hyphenation rule of ``pipeline.extract``. (ALTO and hOCR, older formats of the same kind,
are read by ``pipeline._markup`` and ``pipeline._html``.)
"""

from __future__ import annotations

import itertools
import re

from lxml import etree

from pipeline._markup import _CELL_SEPARATOR, _local

_ABBYY_NAMESPACE = "abbyy.com/FineReader_xml"
_PAGE_NAMESPACE = "primaresearch.org/PAGE/gts/pagecontent"


def ocr_xml_as_text(root: etree._Element) -> str | None:
    """An ABBYY FineReader, PAGE XML or pdftohtml XML page as its text; None for other XML."""
    if root.tag == "pdf2xml":
        return _pdf2xml_as_text(root)
    namespace = etree.QName(root).namespace or ""
    if _ABBYY_NAMESPACE in namespace:
        return _abbyy_as_text(root)
    if _PAGE_NAMESPACE in namespace:
        return _page_xml_as_text(root)
    return None


def _abbyy_as_text(root: etree._Element) -> str:
    """ABBYY's blocks as paragraphs of their lines, each line its characters (charParams) in order; a
    table block's rows as cells between bars."""
    paragraphs: list[str] = []
    for block in (element for element in root.iter() if _local(element) == "block"):
        if block.get("blockType") == "Table":
            rows = [_CELL_SEPARATOR.join(" ".join(_abbyy_lines(cell)) for cell in row if _local(cell) == "cell")
                    for row in block.iter() if _local(row) == "row"]
            paragraphs.append("\n".join(row for row in rows if row.strip(" |")))
        else:
            for paragraph in (element for element in block.iter() if _local(element) == "par"):
                paragraphs.append("\n".join(_abbyy_lines(paragraph)))
    return "\n\n".join(p for p in paragraphs if p.strip()) + "\n"


def _abbyy_lines(element: etree._Element) -> list[str]:
    lines = []
    for line in (e for e in element.iter() if _local(e) == "line"):
        chars: list[str] = []
        for char in (e for e in line.iter() if _local(e) == "charParams"):
            if char.get("wordStart") in ("1", "true") and chars and not chars[-1].isspace():
                chars.append(" ")  # a word's first character where the engine wrote no space before it
            chars.append(char.text or " ")
        text = " ".join("".join(chars).split())
        if text:
            lines.append(text)
    return lines


def _page_xml_as_text(root: etree._Element) -> str:
    """PAGE's text regions in their reading order, each a paragraph of its lines (a line's own text,
    else its words'); a table region's cells as rows between bars. A region's own TextEquiv repeats
    its lines and is read only for a region without lines."""
    regions = [e for e in root.iter() if _local(e) in ("TextRegion", "TableRegion")
               and not any(_local(a) == "TextRegion" for a in e.iterancestors())]
    order = {ref.get("regionRef"): _index(ref.get("index")) for ref in root.iter() if _local(ref) == "RegionRefIndexed"}
    regions.sort(key=lambda region: order.get(region.get("id"), len(order)))
    paragraphs = []
    for region in regions:
        if _local(region) == "TableRegion":
            cells = sorted(((_index(cell.get("row")), _index(cell.get("col")), " ".join(_page_lines(cell)))
                            for cell in region.iter() if _local(cell) == "TableCell"))
            rows = [_CELL_SEPARATOR.join(text for _, _, text in row) for _, row in itertools.groupby(cells, key=lambda c: c[0])]
            paragraphs.append("\n".join(rows))
        else:
            paragraphs.append("\n".join(_page_lines(region)))
    return "\n\n".join(p for p in paragraphs if p.strip()) + "\n"


_LINE_ORDER = re.compile(r"readingOrder\s*\{\s*index\s*:\s*(\d+)")


def _index(value: str | None) -> int:
    """A reading-order index or a table cell's row or column; 0 where the file gives none readable."""
    digits = re.match(r"\s*(\d+)", value or "")
    return int(digits.group(1)) if digits else 0


def _page_lines(region: etree._Element) -> list[str]:
    """A region's lines in their reading order (Transkribus notes it in the "custom" attribute, and
    a line corrected by hand may stand out of place in the file)."""
    lines = []
    elements = [e for e in region.iter() if _local(e) == "TextLine"]
    elements.sort(key=lambda e: int(m.group(1)) if (m := _LINE_ORDER.search(e.get("custom") or "")) else elements.index(e))
    for line in elements:
        text = _page_equiv(line)
        if not text:
            text = " ".join(word for word in (_page_equiv(w) for w in line if _local(w) == "Word") if word)
        if text:
            lines.append(text)
    if not lines and (own := _page_equiv(region)):
        lines = own.split("\n")
    return lines


def _page_equiv(element: etree._Element) -> str:
    """An element's own TextEquiv/Unicode text (its first, the engine's best reading)."""
    for equiv in element:
        if _local(equiv) == "TextEquiv":
            for unicode in equiv:
                if _local(unicode) == "Unicode" and unicode.text:
                    return unicode.text.strip()
    return ""


# --- Tesseract TSV ------------------------------------------------------------------------------------------

_TESSERACT_HEAD = re.compile(r"\A\s*level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\t.*\btext\s*$", re.M)


def tesseract_tsv_as_text(text: str) -> str | None:
    """Tesseract's TSV output (a word per row of level 5) as its lines, a blank line between its
    paragraphs; None for other text."""
    head = _TESSERACT_HEAD.match(text)
    if head is None:
        return None
    columns = head.group().strip().split("\t")
    index = {name: k for k, name in enumerate(columns)}
    paragraphs: list[list[list[str]]] = []
    last_paragraph = last_line = None
    for row in text[head.end():].split("\n"):
        cells = row.split("\t")
        if len(cells) < len(columns) or cells[index["level"]].strip() != "5" or not cells[index["text"]].strip():
            continue
        paragraph = tuple(cells[index[name]] for name in ("page_num", "block_num", "par_num"))
        line = (*paragraph, cells[index["line_num"]])
        if paragraph != last_paragraph:
            paragraphs.append([])
        if line != last_line:
            paragraphs[-1].append([])
        paragraphs[-1][-1].append(cells[index["text"]].strip())
        last_paragraph, last_line = paragraph, line
    return "\n\n".join("\n".join(" ".join(words) for words in lines) for lines in paragraphs) + "\n"


# --- Amazon Textract ----------------------------------------------------------------------------------------

def is_textract(data: object) -> bool:
    """Whether a JSON document is a Textract response: a list of blocks typed PAGE, LINE, WORD ..."""
    blocks = data.get("Blocks") if isinstance(data, dict) else None
    return isinstance(blocks, list) and bool(blocks) and all(isinstance(b, dict) and "BlockType" in b for b in blocks)


def textract_as_text(data: dict) -> str:
    """A Textract response as its lines in order, a blank line where a line stands well below the one
    before, and each table where its first line stood, its cells as rows between bars (the lines read
    inside a table are not repeated)."""
    blocks = {block.get("Id"): block for block in data["Blocks"]}

    def children(block: dict) -> list[dict]:
        ids = [i for relation in block.get("Relationships") or [] if relation.get("Type") == "CHILD" for i in relation.get("Ids") or []]
        return [blocks[i] for i in ids if i in blocks]

    table_of_word: dict[str, str] = {}
    tables: dict[str, str] = {}
    for block in data["Blocks"]:
        if block.get("BlockType") != "TABLE":
            continue
        cells = sorted(((c.get("RowIndex", 0), c.get("ColumnIndex", 0), c) for c in children(block) if c.get("BlockType") == "CELL"),
                       key=lambda cell: cell[:2])  # two cells at one place (a merged cell) are not compared
        rows = []
        for _, row in itertools.groupby(cells, key=lambda cell: cell[0]):
            texts = []
            for _, _, cell in row:
                words = [w for w in children(cell) if w.get("BlockType") == "WORD"]
                table_of_word.update((w.get("Id"), block.get("Id")) for w in words)
                texts.append(" ".join(w.get("Text", "") for w in words))
            rows.append(_CELL_SEPARATOR.join(texts))
        tables[block.get("Id")] = "\n".join(rows)
    out: list[str] = []
    shown: set[str] = set()
    last_bottom = None
    for block in data["Blocks"]:
        if block.get("BlockType") != "LINE":
            continue
        table = next((table_of_word[w.get("Id")] for w in children(block) if w.get("Id") in table_of_word), None)
        box = (block.get("Geometry") or {}).get("BoundingBox") or {}
        top, height = box.get("Top"), box.get("Height")
        gap = last_bottom is not None and isinstance(top, (int, float)) and isinstance(height, (int, float)) and (
            top - last_bottom > height)
        if table is not None:
            if table not in shown:
                shown.add(table)
                out += ["", tables[table], ""]
        else:
            if gap and out and out[-1]:
                out.append("")
            out.append(block.get("Text", ""))
        if isinstance(top, (int, float)) and isinstance(height, (int, float)):
            last_bottom = top + height
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


# --- Google Cloud Vision ------------------------------------------------------------------------------------

_VISION_BREAKS = {"SPACE": " ", "SURE_SPACE": " ", "EOL_SURE_SPACE": "\n", "LINE_BREAK": "\n", "HYPHEN": "-\n"}


def vision_pages(data: object) -> list[dict] | None:
    """The pages of a Cloud Vision document-text response (``fullTextAnnotation``, alone or in its
    ``responses``), or None if ``data`` is none."""
    annotations = []
    if isinstance(data, dict) and isinstance(data.get("responses"), list):
        annotations = [r.get("fullTextAnnotation") for r in data["responses"] if isinstance(r, dict)]
    elif isinstance(data, dict):
        annotations = [data.get("fullTextAnnotation", data)]
    pages = [page for annotation in annotations if isinstance(annotation, dict)
             for page in annotation.get("pages") or [] if isinstance(page, dict) and isinstance(page.get("blocks"), list)]
    return pages or None


def vision_as_text(pages: list[dict]) -> str:
    """Cloud Vision's pages as their text: each block a paragraph, each word its symbols, the break
    the engine detected after a symbol written as a space, a line break or a hyphen at a line's end."""
    paragraphs = []
    for page in pages:
        for block in page["blocks"]:
            text = []
            for paragraph in block.get("paragraphs") or []:
                for word in paragraph.get("words") or []:
                    for symbol in word.get("symbols") or []:
                        text.append(symbol.get("text", ""))
                        detected = ((symbol.get("property") or {}).get("detectedBreak") or {}).get("type")
                        text.append(_VISION_BREAKS.get(detected, ""))
                text.append("\n")
            if "".join(text).strip():
                paragraphs.append("\n".join(line.strip() for line in "".join(text).strip().split("\n")))
    return "\n\n".join(paragraphs) + "\n"


# --- DjVu hidden text ---------------------------------------------------------------------------------------

_DJVU_START = re.compile(r"\A\s*\((?:page|column|region|para|line)\s+-?\d+\s+-?\d+\s+-?\d+\s+-?\d+\s")
_DJVU_TOKEN = re.compile(r'\(\s*(page|column|region|para|line|word|char)\b|"((?:[^"\\]|\\.)*)"|\)')


def djvu_text_as_text(text: str) -> str | None:
    """A DjVu page's hidden text as djvused prints it (nested s-expressions of page, column, region,
    paragraph, line and word, each with its box) as the page reads: a line per line, a blank line
    between paragraphs. None for other text."""
    if not _DJVU_START.match(text):
        return None
    paragraphs: list[list[list[str]]] = [[]]
    stack: list[str] = []
    for token in _DJVU_TOKEN.finditer(text):
        if token.group(1):
            stack.append(token.group(1))
            if token.group(1) == "para" and paragraphs[-1]:
                paragraphs.append([])
            elif token.group(1) == "line":
                paragraphs[-1].append([])
        elif token.group(2) is not None:
            if not paragraphs[-1]:
                paragraphs[-1].append([])
            paragraphs[-1][-1].append(token.group(2).replace('\\"', '"').replace("\\\\", "\\"))
        elif stack:
            stack.pop()
    return "\n\n".join("\n".join(" ".join(words) for words in lines if words) for lines in paragraphs if lines) + "\n"


# --- pdftohtml -xml ----------------------------------------------------------------------------------------

_COLUMN_MARGIN = 20  # points a column's line may reach across the page's middle


def _pdf2xml_as_text(root: etree._Element) -> str:
    """poppler's pdftohtml XML (one <text> element per printed line, with its position) as the page
    reads: the lines of a two-column page column by column between the lines that span both (a
    heading, a table's rows), a blank line where a line stands well below the one before."""
    pages = []
    for page in root.iter("page"):
        width = _number(page.get("width")) or 0
        lines = []
        for element in page.iter("text"):
            text = " ".join("".join(element.itertext()).split())
            if text:
                lines.append((_number(element.get("top")) or 0, _number(element.get("left")) or 0,
                              _number(element.get("width")) or 0, _number(element.get("height")) or 12, text))
        lines.sort(key=lambda line: (line[0], line[1]))
        middle = width / 2
        side = ["left" if left + span <= middle + _COLUMN_MARGIN else "right" if left >= middle - _COLUMN_MARGIN else "both"
                for _, left, span, _, _ in lines]
        two_columns = width > 0 and side.count("right") >= 3 and side.count("left") >= 3
        out: list[str] = []
        band: dict[str, list[tuple]] = {"left": [], "right": []}

        def flush() -> None:
            for column in ("left", "right"):
                _append_lines(out, band[column])
                band[column] = []
        for line, where in zip(lines, side):
            if two_columns and where != "both":
                band[where].append(line)
            else:
                flush()
                _append_lines(out, [line])
        flush()
        pages.append("\n".join(out).strip())
    return "\n\n".join(page for page in pages if page) + "\n"


def _append_lines(out: list[str], lines: list[tuple]) -> None:
    """Lines of one column after ``out`` and a blank line; within them, a blank line before a line set
    well below the one above it."""
    bottom = None
    for top, _, _, height, text in lines:
        if bottom is not None and top - bottom > 0.8 * height:
            out.append("")
        out.append(text)
        bottom = top + height
    if lines:
        out.append("")


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None
