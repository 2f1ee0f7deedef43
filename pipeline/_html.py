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
"""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml import etree

# Containers whose id or class names mark boilerplate on German sites:
# "cookie-banner", "consent-layer", "nav-main", "breadcrumb", "teaser-box", "share".
_BOILERPLATE = re.compile(r"cookie|consent|banner|menu|nav|breadcrumb|share|social|teaser|sidebar|footer", re.I)
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "template")
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr",
    "blockquote", "pre", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr",
}
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")


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
    try:
        result = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
            prune_xpath=_PRUNE,
        )
    except Exception:  # trafilatura can trip over malformed markup; the fallback still reads it
        result = None
    text, title, date = "", None, None
    if result is not None:
        title, date = result.title, result.date
        if result.body is not None:
            text = _xml_text(result.body)
    if not text.strip():
        text, fallback_title, fallback_date = _fallback(html)
        title, date = title or fallback_title, date or fallback_date
    if title and text.strip() and title not in text:
        text = title + "\n\n" + text  # the headline sometimes sits outside the detected body
    return text.strip(), title, _iso_date(date)


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
            nested = list(item.iterchildren("list"))
            for sub in nested:
                item.remove(sub)
            text = _inline(item)
            if text:
                blocks.append(("item", "• " + text))
            for sub in nested:
                _collect(sub, blocks)
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
