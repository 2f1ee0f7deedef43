"""HTML page to its main text, title and publication date.

Why trafilatura: it is the standard tool for main-content extraction and
ranks at or near the top of published comparisons of boilerplate removal; it
also reads titles and dates from the usual meta tags (via htmldate). We run
it in its default balance, not ``favor_precision``: on news pages precision
mode drops the article header with the headline and lead (seen on
``corpus/sample/presse_partnerschaften_osteuropa.html``). Reader comments are
excluded (they are not what the document states). We take trafilatura's XML
tree rather than its text so that headings and list items stay on lines of
their own: the partnership extractor needs "Dortmunds Partnerstädte:" and
"Amiens, Frankreich seit 1960" as separate lines.

When trafilatura finds nothing (tiny or unusual pages), a plain lxml reading
of <main>/<article>/<body> without navigation, banners and forms is used.

A page built in the browser shows nothing without JavaScript ("Bitte aktivieren
Sie JavaScript"): its content sits in a JSON script (Next.js's __NEXT_DATA__, a
schema.org ld+json block). When the visible text is that short, the scripts'
data is read as an export (a list of records as a table) after it.

A table cell that spans rows ("Stadt Nieder-Olm" over its two partners) is
copied into each of its rows first, so that every row names its own town. A
table that only lays out the page (an e-mail newsletter's body) is read as the
paragraphs in its cells, not as one run-on row.

An OCR engine's hOCR page is HTML too, but its words are spans without
paragraphs a reader would see; it is read as its lines and paragraphs.
"""

from __future__ import annotations

import copy
import re

import lxml.html
import trafilatura
from lxml import etree

from pipeline._exports import json_as_text

# Containers whose id or class names mark boilerplate on German sites:
# "cookie-banner", "consent-layer", "nav-main", "breadcrumb", "teaser-box", "share".
_BOILERPLATE = re.compile(r"cookie|consent|banner|menu|nav|breadcrumb|share|social|teaser|sidebar|footer", re.I)
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "template")
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr",
    "blockquote", "pre", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr",
}
# trafilatura's elements that make a block of their own: a table cell holding one is part of a layout
_BLOCK_ELEMENTS = frozenset({"p", "head", "list", "quote", "table"})
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
_DATA_SCRIPT = re.compile(r"<script\b[^>]*\btype=[\"']application/(?:ld\+)?json[\"'][^>]*>(.*?)</script>", re.I | re.S)
_MIN_VISIBLE_WORDS = 60  # a shell page's visible text: a title, a notice, a menu
_HOCR_LINE = re.compile(r"""class=["'](?:ocr_line|ocr_textfloat|ocr_header|ocr_caption)\b""")


def _marked(word: str) -> str:
    return f"contains(translate(@class,'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz'),'{word}') or contains(translate(@id,'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz'),'{word}')"


# Removed before trafilatura sees the page: on short pages its fallback otherwise
# keeps "Wir verwenden Cookies ... Alle akzeptieren" and the menu. Headers and asides
# inside the article stay (headline, info boxes such as "Hintergrund").
_PRUNE = [
    f"//*[{_marked('cookie')} or {_marked('consent')} or {_marked('breadcrumb')} or {_marked('banner')}]",
    "//nav",
    "//header[not(ancestor::article)]",
    "//footer[not(ancestor::article)]",
    "//aside[not(ancestor::article)]",
    "//form",
]


def read_html(html: str) -> tuple[str, str | None, str | None]:
    """Main text, title and ISO publication date of a web page."""
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)  # lxml refuses str input with an encoding declaration
    if _HOCR_LINE.search(html[:20_000]):
        return _hocr_text(html), None, None
    if re.search(r"\browspan\s*=", html, re.I):
        html = _rows_spanned_out(html)
    # trafilatura drops what a <time> element shows ("Partnerschaft seit <time>1967</time>"): the words
    # move out beside it, the element stays for the date it carries.
    html = re.sub(r"<time\b([^>]*)>(.*?)</time\s*>", r"<time\1></time>\2", html, flags=re.S | re.I)
    result = _trafilatura(html)
    text, title, date = "", None, None
    if result is not None:
        title, date = result.title, result.date
        if result.body is not None:
            text = _xml_text(result.body)
            if _items_left_out(html, text) and (recalled := _trafilatura(html, favor_recall=True)) is not None \
                    and recalled.body is not None:
                text = _within_main_text(text, _xml_text(recalled.body))
    if not text.strip():
        text, fallback_title, fallback_date = _fallback(html)
        title, date = title or fallback_title, date or fallback_date
    if len(text.split()) < _MIN_VISIBLE_WORDS:
        data = "\n\n".join(part for part in (_script_data(html), _map_script_text(html)) if part)
        if len(data.split()) > len(text.split()):
            text = text.strip() + "\n\n" + data
    if title and text.strip() and title not in text:
        text = title + "\n\n" + text  # the headline sometimes sits outside the detected body
    return text.strip(), title, _iso_date(date)


def _rows_spanned_out(html: str) -> str:
    """The page with each cell that spans rows written into every row it spans."""
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    for table in root.iter("table"):
        pending: dict[int, tuple[etree._Element, int]] = {}  # column → (cell, rows it still spans)
        for row in table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr"):
            cells = [cell for cell in row if cell.tag in ("td", "th")]
            ordered, column = [], 0

            def fill() -> None:
                nonlocal column
                while column in pending:
                    cell, left = pending.pop(column)
                    ordered.append(_copy_of(cell))
                    if left > 1:
                        pending[column] = (cell, left - 1)
                    column += _span(cell, "colspan")

            for cell in cells:
                fill()
                if _span(cell, "rowspan") > 1:
                    pending[column] = (cell, _span(cell, "rowspan") - 1)
                    cell.attrib.pop("rowspan")
                ordered.append(cell)
                column += _span(cell, "colspan")
            fill()
            for cell in cells:
                row.remove(cell)
            row.extend(ordered)
    return etree.tostring(root, encoding="unicode", method="html")


def _copy_of(cell: etree._Element) -> etree._Element:
    """The cell for one more row it spans: its content, without the span or the text after it."""
    duplicate = copy.deepcopy(cell)
    duplicate.attrib.pop("rowspan", None)
    duplicate.tail = None
    return duplicate


def _span(cell: etree._Element, attribute: str) -> int:
    try:
        return max(1, min(int(cell.get(attribute, "1")), 100))
    except ValueError:
        return 1


def _hocr_text(html: str) -> str:
    """An hOCR page's text: a line per OCR line, a blank line between paragraphs (or text areas)."""
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    paragraphs: list[str] = []
    for block in root.xpath("//*[contains(@class, 'ocr_par')] | //*[contains(@class, 'ocr_carea')][not(.//*[contains(@class, 'ocr_par')])]"):
        lines = (" ".join(line.text_content().split()) for line in block.xpath(".//*[starts-with(@class, 'ocr_')]")
                 if _HOCR_LINE.match(f'class="{line.get("class")}"'))
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def _script_data(html: str) -> str:
    """The JSON data scripts of a page, each read as an export."""
    rendered = (json_as_text(match.group(1).strip()) for match in _DATA_SCRIPT.finditer(html))
    return "\n\n".join(text.strip() for text in rendered if text and text.strip())


_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.I | re.S)
# A map marker's popup or tooltip, given as one string literal: .bindPopup("<b>Vienne</b><br>seit 1956").
_POPUP = re.compile(r"""\.(?:bindPopup|bindTooltip|setPopupContent|setContent)\(\s*(["'`])((?:(?!\1)[^\\]|\\.)*)\1\s*[,)]""")
# A script's list of object literals: "var weitere = [ { name: "Sheboygan", seit: 1990 }, ... ];".
_OBJECT_LIST = re.compile(r"(?:var|let|const)\s+([A-Za-z_$][\w$]*)\s*=\s*(\[\s*\{.*?\}\s*,?\s*\])\s*;", re.S)
_BARE_KEY = re.compile(r"""([{,]\s*)([A-Za-z_$][\w$]*)\s*:""")


def _map_script_text(html: str) -> str:
    """What a map drawn by a script shows: each marker's popup as a list item ("- Vienne, Frankreich,
    Partnerstadt seit 1956") and each list of objects the script holds (the markers still to be drawn)
    as a table under its name. The page's visible text is often only a title and a legend."""
    items: list[str] = []
    tables: list[str] = []
    for script in _SCRIPT.finditer(html):
        code = script.group(1)
        for popup in _POPUP.finditer(code):
            parts = re.split(r"<br\s*/?>|</p>|</div>|\n", _js_string(popup.group(2)))
            words = [" ".join(lxml.html.fromstring(f"<span>{part}</span>").text_content().split()) for part in parts if part.strip()]
            if any(words):
                items.append("- " + ", ".join(word for word in words if word))
        for listed in _OBJECT_LIST.finditer(code):
            literal = _BARE_KEY.sub(r'\1"\2":', re.sub(r",\s*([}\]])", r"\1", listed.group(2)))
            literal = re.sub(r"'((?:[^'\\\n]|\\.)*)'", lambda m: '"' + m.group(1).replace('"', '\\"') + '"', literal)
            if (rendered := json_as_text(f"{listed.group(1)} = {literal}")) is not None:
                tables.append(rendered.strip())
    return "\n\n".join(block for block in ["\n".join(items), *tables] if block)


def _js_string(literal: str) -> str:
    """A script's string literal as the string it stands for: "\\u00e9" as "é", "\\n" as a line break."""
    escapes = {"n": "\n", "t": " ", "r": ""}
    return re.sub(r"\\(u[0-9a-fA-F]{4}|.)", lambda m: chr(int(m.group(1)[1:], 16)) if len(m.group(1)) == 5
                  else escapes.get(m.group(1), m.group(1)), literal)


def _trafilatura(html: str, favor_recall: bool = False):
    try:
        return trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
            prune_xpath=_PRUNE,
            favor_recall=favor_recall,
        )
    except Exception:  # trafilatura can trip over malformed markup; the fallback still reads it
        return None


_LIST_ITEM = re.compile(r"<li\b[^>]*>(.*?)</li\s*>", re.I | re.S)


def _items_left_out(html: str, text: str) -> bool:
    """Whether the page has list items of words that the main text lacks: trafilatura drops a list nested
    in another list's item (a course announcement's "Opole (Polen) – Partnerstadt seit 1973" inside the
    list of announcements), a menu's items too, which are mostly a word or two."""
    flat = " ".join(text.split())
    for item in _LIST_ITEM.finditer(html):
        if "<li" in item.group(1).lower():
            continue  # an item that holds a list: its own items are read one by one
        words = " ".join(lxml.html.fromstring(f"<div>{item.group(1)}</div>").text_content().split())
        if len(words.split()) >= 4 and words not in flat:
            return True
    return False


def _within_main_text(text: str, recalled: str) -> str:
    """The fuller reading where it only adds blocks between the main text's first and last: a list the
    first reading dropped from the middle of the article, not the menus and footers around it. The first
    reading where the two do not agree."""
    blocks, fuller = text.split("\n\n"), recalled.split("\n\n")
    position, kept = 0, []
    for block in blocks:
        try:
            position = fuller.index(block, position)
        except ValueError:
            return text
        kept.append(position)
    return "\n\n".join(fuller[kept[0] : kept[-1] + 1])


def _xml_text(body: etree._Element) -> str:
    """Render trafilatura's XML: paragraphs and headings as blocks, list items one per line."""
    blocks: list[tuple[str, str]] = []
    for child in body:
        _collect(child, blocks)
    out: list[str] = []
    for i, (kind, text) in enumerate(blocks):
        if i:
            out.append("\n" if kind == "item" and blocks[i - 1][0] == "item" else "\n\n")
        out.append(text)
    return "".join(out)


def _collect(el: etree._Element, blocks: list[tuple[str, str]]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "list":
        for item in el.iterchildren("item"):
            if any(isinstance(child.tag, str) and child.tag in ("p", "head") for child in item):
                _collect_contents(item, blocks)  # an item of paragraphs (a list of announcements, each a heading and its text)
                continue
            nested = list(item.iterchildren("list"))
            for sub in nested:
                item.remove(sub)
            text = _inline(item)
            if text:
                blocks.append(("item", "• " + text))
            for sub in nested:
                _collect(sub, blocks)
        return
    if tag == "table" and _is_layout(el):
        # a layout table (an e-mail newsletter's body, an old site's frame): its cells hold the page's
        # paragraphs, which read as paragraphs, not as one cell's run-on text
        for row in el.iterchildren("row"):
            for cell in row.iterchildren("cell"):
                _collect_contents(cell, blocks)
        return
    if tag == "table":
        for row in el.iter("row"):
            cells = [_inline(cell) for cell in row.iterchildren("cell")]
            cells = [c for c in cells if c]
            if cells:
                blocks.append(("item", " | ".join(cells)))
        return
    if tag in ("quote", "div") and any(isinstance(c.tag, str) and c.tag in ("p", "list", "head", "quote") for c in el):
        for child in el:
            _collect(child, blocks)
        return
    if tag == "graphic":
        return
    text = _inline(el)
    if text:
        blocks.append(("block", text))


def _collect_contents(container: etree._Element, blocks: list[tuple[str, str]]) -> None:
    """A container's own text, its children and the text between them, each a block of its own."""
    if container.text and container.text.strip():
        blocks.append(("block", " ".join(container.text.split())))
    for child in container:
        _collect(child, blocks)
        if child.tail and child.tail.strip():
            blocks.append(("block", " ".join(child.tail.split())))


def _is_layout(table: etree._Element) -> bool:
    """A table that lays out a page (an e-mail newsletter, an old site's frame), not one of data: a
    cell holds paragraphs, or each row has one cell that holds a block (a heading, a paragraph)."""
    cells = [[cell for cell in row.iterchildren("cell")] for row in table.iterchildren("row")]
    blocks = [[sum(isinstance(child.tag, str) and child.tag in _BLOCK_ELEMENTS for child in cell) for cell in row] for row in cells]
    return any(count >= 2 for row in blocks for count in row) or (
        bool(cells) and all(len(row) == 1 for row in cells) and any(row[0] for row in blocks))


def _inline(el: etree._Element) -> str:
    """Text of an element with <lb/> as line breaks and spaces squeezed."""
    for lb in el.iter("lb"):
        lb.tail = "\n" + (lb.tail or "")
    text = "".join(el.itertext())
    lines = [re.sub(r"[ \t\r\f\v]+", " ", ln).strip() for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def _fallback(html: str) -> tuple[str, str | None, str | None]:
    """Readable text of the main container, for pages trafilatura cannot handle."""
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return "", None, None
    title = root.findtext(".//title")
    og = root.xpath('//meta[@property="og:title"]/@content')
    dates = root.xpath(
        '//meta[@property="article:published_time" or @name="date" or @name="DC.date.issued"]/@content'
        " | //time/@datetime"
    )
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        marker = f'{el.get("id", "")} {el.get("class", "")}'
        if el.tag in _DROP_TAGS or _BOILERPLATE.search(marker):
            el.drop_tree()
    main = (root.xpath("//main") or root.xpath("//article") or root.xpath("//body") or [root])[0]
    pieces: list[str] = []
    _walk(main, pieces)
    text = re.sub(r"\n{3,}", "\n\n", "".join(pieces))
    text = "\n".join(re.sub(r"[ \t]+", " ", ln).strip() for ln in text.split("\n"))
    return text.strip(), (og[0] if og else title), (dates[0] if dates else None)


def _walk(el, pieces: list[str]) -> None:
    block = isinstance(el.tag, str) and el.tag in _BLOCK_TAGS
    if block:
        pieces.append("\n\n" if el.tag not in ("li", "br", "tr", "dd", "dt") else "\n")
    if el.tag == "li":
        pieces.append("• ")
    if el.text:
        pieces.append(el.text)
    for child in el:
        _walk(child, pieces)
    if block:
        pieces.append("\n")
    if el.tail:
        pieces.append(el.tail)


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    match = _DATE.search(value)
    return match.group(1) if match else None
