"""Word processors' and digitisation tools' markup as the text a person reads.

People save what a word processor or an OCR engine wrote and drop the source into the
folder: an RTF file, the ``word/document.xml`` of a .docx, the ``content.xml`` of an
OpenDocument file, a PowerPoint deck's slide XML, an Excel 2003 workbook in XML (SpreadsheetML), the ALTO XML of a
digitised newspaper page. Read as XML elements, their text falls apart: Word splits a
word into runs wherever the formatting or the spell checker touched it ("Op" + "ole"),
ALTO holds every word in an attribute, a spreadsheet's row is a dozen elements. Each is
rendered here as a viewer shows it: paragraphs as blocks, a table's or a tabbed
paragraph's cells as a row between bars ("Opole | Polen | Städtepartnerschaft | 1973"),
consecutive rows as one table, an OCR page's lines with the words that the engine had
split across lines joined again.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

_WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_SLIDES = "http://schemas.openxmlformats.org/presentationml/2006/main"  # a slide's paragraphs are DrawingML's a:p
_ODF_PREFIX = "urn:oasis:names:tc:opendocument:xmlns:"
_SPREADSHEET = "urn:schemas-microsoft-com:office:spreadsheet"
_ALTO_PREFIX = "http://www.loc.gov/standards/alto/"

# Local element names, the same in WordprocessingML, OpenDocument and SpreadsheetML.
_PARAGRAPHS = frozenset({"p", "h"})
_ROWS = frozenset({"tr", "table-row", "Row"})
_CELLS = frozenset({"tc", "table-cell", "Cell"})
_TABS = frozenset({"tab"})
_BREAKS = frozenset({"br", "cr", "line-break"})
# Markup around the text: properties, styles, a workbook's settings, Word's deleted text and
# field codes, OpenDocument's tracked changes and annotations.
_HIDDEN = frozenset({
    "pPr", "rPr", "endParaRPr", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "delText", "instrText", "del",
    "automatic-styles", "font-face-decls", "styles", "tracked-changes", "annotation", "notes-configuration",
    "DocumentProperties", "OfficeDocumentSettings", "ExcelWorkbook", "Styles", "WorksheetOptions", "Names",
    "Comment",
})
_CELL_SEPARATOR = " | "


def markup_as_text(root: etree._Element) -> str | None:
    """The text of a word processor's, a spreadsheet's or an OCR engine's XML; None for other XML."""
    namespace = etree.QName(root).namespace or ""
    if namespace in (_WORD, _SLIDES, _SPREADSHEET) or namespace.startswith(_ODF_PREFIX):
        paragraphs: list[str] = []
        _collect_office(root, paragraphs)
        return _joined_paragraphs(paragraphs)
    if namespace.startswith(_ALTO_PREFIX):
        return _alto_as_text(root)
    return None


def _joined_paragraphs(paragraphs: list[str]) -> str:
    """Paragraphs as blocks, a run of table rows as one block of lines (the form the partnership
    rules read as a table)."""
    out: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        if i:
            is_row = _CELL_SEPARATOR in paragraph
            out.append("\n" if is_row and _CELL_SEPARATOR in paragraphs[i - 1] else "\n\n")
        out.append(paragraph)
    return "".join(out).strip() + "\n"


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _collect_office(element: etree._Element, paragraphs: list[str]) -> None:
    name = _local(element)
    if not name or name in _HIDDEN:
        return
    if name in _ROWS:
        cells = [" ".join(_inline(cell).split()) for cell in element if _local(cell) in _CELLS]
        if any(cells):
            paragraphs.append(_CELL_SEPARATOR.join(cells).strip())
        return
    if name in _PARAGRAPHS:
        text = _inline(element)
        # A paragraph set with tabs is a row of a table typed without one.
        lines = [_CELL_SEPARATOR.join(" ".join(cell.split()) for cell in line.split("\t") if cell.strip())
                 for line in text.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
        return
    if name == "list-item" and (etree.QName(element).namespace or "").startswith(_ODF_PREFIX):
        # An OpenDocument list's item as the bullet a viewer shows before it: "• Montreuil (1959)" under a
        # slide's title "Cottbus" is that town's list, not more lines of the title.
        items: list[str] = []
        for child in element:
            _collect_office(child, items)
        paragraphs.extend(("• " if k == 0 and _CELL_SEPARATOR not in item else "") + item for k, item in enumerate(items))
        return
    for child in element:
        _collect_office(child, paragraphs)


def _inline(element: etree._Element) -> str:
    """The text of a paragraph or cell: runs joined without spaces (Word splits words into runs),
    tabs and line breaks kept, a cell's paragraphs joined by a space."""
    pieces: list[str] = []

    def walk(node: etree._Element) -> None:
        name = _local(node)
        if name in _HIDDEN:
            pass
        elif name in _TABS:
            pieces.append("\t")
        elif name in _BREAKS:
            pieces.append("\n")
        elif name == "s":  # OpenDocument's run of spaces
            pieces.append(" " * int(node.get(f"{{{_ODF_PREFIX}text:1.0}}c", "1") or 1))
        elif name:
            if name in _PARAGRAPHS and pieces:
                pieces.append(" ")
            pieces.append(node.text or "")
            for child in node:
                walk(child)
        if node is not element:
            pieces.append(node.tail or "")

    walk(element)
    return "".join(pieces)


def _alto_as_text(root: etree._Element) -> str:
    """An ALTO page: each text block a paragraph of its lines' words. A word hyphenated across
    lines is written as both halves, the first carrying the whole word (SUBS_CONTENT); the whole
    word is read once, and so is a hyphen that the engine kept as its own element."""
    paragraphs: list[str] = []
    for block in root.iter():
        if _local(block) != "TextBlock":
            continue
        lines: list[str] = []
        for line in block.iter():
            if _local(line) != "TextLine":
                continue
            words: list[str] = []
            whole = False  # the last word was written whole, from its first half's SUBS_CONTENT
            for string in line:
                name = _local(string)
                if name == "HYP" and words and not whole and not words[-1].endswith("-"):
                    words[-1] += "-"  # joined with the next line's half by the hyphenation rule downstream
                if name != "String":
                    continue
                kind = string.get("SUBS_TYPE", "")
                whole = kind == "HypPart1" and bool(string.get("SUBS_CONTENT"))
                if kind == "HypPart2":
                    continue
                content = string.get("SUBS_CONTENT") if whole else string.get("CONTENT", "")
                if content:
                    words.append(content)
            if words:
                lines.append(" ".join(words))
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs).strip() + "\n"


# --- RTF ----------------------------------------------------------------------------------------------------

_RTF_TOKEN = re.compile(r"\\'([0-9a-fA-F]{2})|\\([a-zA-Z]+)(-?\d+)? ?|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+", re.S)
# Groups that hold no text: tables of fonts, colours, styles and lists, document information,
# pictures, field instructions (the field's result is text), headers and footers.
_RTF_HIDDEN = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "fldinst", "listtable", "listoverridetable",
    "rsidtbl", "generator", "themedata", "colorschememapping", "datastore", "latentstyles", "xmlnstbl",
    "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf", "object", "bkmkstart",
    "bkmkend", "mmathPr", "filetbl", "revtbl", "wgrffmtfilter", "pgdsctbl",
})
_RTF_SYMBOLS = {
    "par": "\n", "line": "\n", "sect": "\n", "page": "\n", "tab": "\t", "cell": "\t", "row": "\n", "nestcell": "\t",
    "endash": "–", "emdash": "—", "lquote": "‘", "rquote": "’", "ldblquote": "“", "rdblquote": "”",
    "bullet": "•", "enspace": " ", "emspace": " ", "qmspace": " ",
}
_RTF_CONTROL_SYMBOLS = {"~": " ", "_": "-", "-": "", "\\": "\\", "{": "{", "}": "}", "\t": "\t"}


def rtf_as_text(rtf: str) -> str:
    """The text of an RTF file: its paragraphs, a table's or a tabbed paragraph's cells as a row
    between bars. Escaped bytes are read in the file's code page (\\ansicpg, Windows-1252 if none),
    Unicode escapes (\\u322?) as their character, their fallback skipped."""
    encoding = "cp1252"
    if (page := re.search(r"\\ansicpg(\d+)", rtf[:2000])) is not None:
        try:
            encoding = codecs.lookup(f"cp{page.group(1)}").name
        except LookupError:
            pass
    pieces: list[str] = []
    hidden_depth: int | None = None  # the depth of the hidden group we are in
    depth = 0
    skip_fallback = 0  # characters left to skip after a \u escape
    fallback_length = 1
    pending: bytearray = bytearray()  # escaped bytes, decoded together (a multibyte code page)
    starred = False

    def flush() -> None:
        if pending:
            if hidden_depth is None:
                pieces.append(pending.decode(encoding, errors="replace"))
            pending.clear()

    for match in _RTF_TOKEN.finditer(rtf):
        hex_byte, word, argument, symbol, brace, text = match.groups()
        if hex_byte is not None:
            if skip_fallback:
                skip_fallback -= 1
            else:
                pending.append(int(hex_byte, 16))
            continue
        flush()
        if brace == "{":
            depth += 1
            starred = False
        elif brace == "}":
            if hidden_depth is not None and depth <= hidden_depth:
                hidden_depth = None
            depth -= 1
        elif symbol is not None:
            if symbol == "*":
                starred = True  # "{\*\destination ...}": an optional group a reader may skip
                continue
            if hidden_depth is None and not skip_fallback:
                pieces.append(_RTF_CONTROL_SYMBOLS.get(symbol, ""))
            skip_fallback = max(0, skip_fallback - 1)
        elif word is not None:
            if starred or word in _RTF_HIDDEN:
                if hidden_depth is None:
                    hidden_depth = depth
            elif word == "uc" and argument:
                fallback_length = int(argument)
            elif word == "u" and argument:
                if hidden_depth is None:
                    code = int(argument)
                    pieces.append(chr(code + 65536 if code < 0 else code))
                skip_fallback = fallback_length
            elif hidden_depth is None and word in _RTF_SYMBOLS:
                pieces.append(_RTF_SYMBOLS[word])
            starred = False
        elif text is not None:
            if skip_fallback:
                dropped = min(skip_fallback, len(text))
                text, skip_fallback = text[dropped:], skip_fallback - dropped
            if hidden_depth is None:
                pieces.append(text)
    flush()
    paragraphs = []
    for line in "".join(pieces).split("\n"):
        cells = [cell.strip() for cell in line.split("\t") if cell.strip()]
        paragraph = _CELL_SEPARATOR.join(" ".join(cell.split()) for cell in cells)
        if paragraph:
            paragraphs.append(paragraph)
    return _joined_paragraphs(paragraphs)
