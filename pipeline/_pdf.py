"""PDF to clean reading-order text: columns, running headers, de-hyphenation.

pypdfium2 opens the file first: it is fast and tells apart a wrong password,
a broken file and a scanned document (no characters on any page) before the
slower pdfplumber pass. The glyphs of pdfplumber's pdfminer layout are read
once per page (skipping ``page.chars``, whose dict conversion costs more than
parsing) and grouped here into rows, words, columns and paragraphs; that is
about twice as fast as ``page.extract_text()`` and gives better German text:

- two- and three-column pages are read column by column (a column gutter is
  an x-position where many rows have a wide gap; rows crossing it, such as a
  title over both columns, are read as full-width rows);
- running headers and footers (the same line, digits aside, at the same
  height on at least half of the pages) and bare page numbers are dropped;
- lines are joined into paragraphs and line-end hyphens removed where they
  only split a word ("Partner-" / "schaft"), see :func:`join_hyphenated`.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.layout import LTChar, LTContainer

from pipeline.errors import (
    DocumentTooLargeError,
    EncryptedDocumentError,
    ExtractionError,
    NoTextLayerError,
)

# Presentation forms that PDF fonts map ligature glyphs to.
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_HYPHENS = ("-", "\u2010", "\u00ad")
_BULLETS = "•▪■●◦‣►➢➤✓□❖"
_DASH_BULLET = re.compile(r"^(?:[-–—*]|\d{1,2}[.)]|[a-z]\))\s")
# Conjunctions after a line-end hyphen mark a truncated compound:
# "Kultur- und Sportlandschaft", "Hilfs- oder Unterstützungsprogramme".
_CONJUNCTIONS = {"und", "oder", "bzw", "sowie", "wie", "als", "bis", "noch", "u", "&"}
# "Seite 3 von 7", "- 3 -", "3 / 7", "S. 3", "Page 3 of 7": a line that is only a page number.
_PAGE_NUMBER = re.compile(
    r"^(?:(?:seite|s\.|page|blatt)\s*)?[-–—]?\s*(\d{1,3})\s*[-–—]?\s*(?:(?:von|of|/|aus)\s*\d{1,4})?$", re.I
)
_BOLD = re.compile(r"bold|black|heavy|semibold", re.I)
# Compass compounds keep their hyphen: "ost-westdeutsche", "Nord-Süd-Partnerschaft".
_DIRECTIONS = ("nord", "süd", "ost", "west")
_SENTENCE_END = (".", "!", "?", ":", "“", '"', "»", ";")


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass
class _Line:
    """A line of one column, in reading order, with what paragraph building needs."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    first_width: float
    flow: tuple[int, int, int]  # page, region, column
    col_left: float
    col_right: float


def read_pdf(data: bytes, *, max_pages: int) -> tuple[str, int, str | None]:
    """Text, page count and title of a PDF given as bytes; raises ExtractionError subclasses."""
    n_pages, meta_title = _check_with_pdfium(data, max_pages)
    try:
        pages = _read_rows(data)
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        # pdfium opened the file, so it is damaged rather than unreadable: take pdfium's plain text.
        text = _read_with_pdfium(data)
        if not text.strip():
            raise ExtractionError(f"corrupt or unreadable PDF: {_describe(exc)}") from exc
        return text, n_pages, meta_title
    body_size = _body_size(pages)
    _drop_running_lines(pages, body_size)
    edges = [_right_edge(rows, min_words=4) for _, _, rows in pages if rows]
    doc_right = statistics.median([e for e in edges if e is not None] or [0.0])
    lines: list[_Line] = []
    for page_no, (width, height, rows) in enumerate(pages):
        lines += _layout_page(page_no, rows, width, doc_right)
    text = _paragraphs(lines)
    if not text.strip():
        raise NoTextLayerError(
            f"PDF has {n_pages} pages but no readable text layer (scanned images?); OCR is needed"
        )
    return text, n_pages, meta_title or _title_from_lines(lines)


# --------------------------------------------------------------------------
# Opening: pdfium for the quick checks


def _check_with_pdfium(data: bytes, max_pages: int) -> tuple[int, str | None]:
    """Page count and metadata title; raise early for password, corruption, size or scans."""
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == 4 or "password" in str(exc).lower():
            raise EncryptedDocumentError("PDF is encrypted and needs a password to open") from exc
        raise ExtractionError(f"corrupt or truncated PDF: {exc}") from exc
    try:
        n_pages = len(doc)
        if n_pages == 0:
            raise ExtractionError("PDF has no pages")
        if n_pages > max_pages:
            raise DocumentTooLargeError(f"PDF has {n_pages} pages, more than the limit of {max_pages}")
        n_chars = 0
        for i in range(n_pages):
            page = doc[i]
            textpage = page.get_textpage()
            n_chars += textpage.count_chars()
            textpage.close()
            page.close()
            if n_chars:
                break
        if not n_chars:
            raise NoTextLayerError(f"PDF has {n_pages} pages but no text layer (scanned images?); OCR is needed")
        title = _clean_meta_title(doc.get_metadata_dict().get("Title"))
    except pdfium.PdfiumError as exc:
        raise ExtractionError(f"corrupt PDF: {exc}") from exc
    finally:
        doc.close()
    return n_pages, title


def _read_with_pdfium(data: bytes) -> str:
    """Plain page texts from pdfium, line-end hyphens mended; for files pdfminer cannot parse."""
    pages = []
    try:
        doc = pdfium.PdfDocument(data)
        try:
            for i in range(len(doc)):
                page = doc[i]
                textpage = page.get_textpage()
                pages.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
                textpage.close()
                page.close()
        finally:
            doc.close()
    except pdfium.PdfiumError:
        return ""
    out = []
    for page_text in pages:
        # pdfium joins a word it saw hyphenated at a line end with U+FFFE ("Bundes\ufffeland").
        page_text = re.sub(r"(\S+)[\ufffe\x02]\s*(\S*)", lambda m: join_hyphenated(m[1] + "-", m[2]), page_text)
        merged: list[str] = []
        for line in (ln.strip() for ln in page_text.split("\n")):
            if not line:
                continue
            prev = merged[-1] if merged else ""
            if prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha():
                merged[-1] = join_hyphenated(prev, line)
            else:
                merged.append(line)
        out.append("\n".join(merged))
    return "\n\n".join(out)


def _clean_meta_title(title: str | None) -> str | None:
    """Metadata titles are often junk ("Microsoft Word - bericht.docx", "untitled")."""
    if not title:
        return None
    title = re.sub(r"^Microsoft (?:Word|PowerPoint) - ", "", title.strip())
    if len(title) < 4 or title.lower() in {"untitled", "unbenannt", "titel", "title"}:
        return None
    if re.search(r"\.(docx?|pptx?|odt|pdf|indd|qxp)$", title, re.I):
        return None
    return title


def _describe(exc: BaseException) -> str:
    message = str(exc).strip() or type(exc).__name__
    return message[:200]


# --------------------------------------------------------------------------
# Characters to rows of words


def _read_rows(data: bytes) -> list[tuple[float, float, list[list[_Word]]]]:
    """Per page: (width, height, rows of words top to bottom), reading each page once."""
    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            chars = _page_chars(page)
            upright = [c for c in chars if c[7]]
            pages.append((float(page.width), float(page.height), _rows(upright or chars)))
            page.close()  # frees pdfplumber's per-page caches: flat memory on long files
    return pages


def _page_chars(page) -> list[tuple]:
    """(x0, x1, top, bottom, size, text, fontname, upright) of every glyph, in page coordinates.

    Reads pdfplumber's pdfminer layout directly: converting every glyph into
    pdfplumber's attribute dict (``page.chars``) costs more than parsing the page.
    """
    height = float(page.height)
    mb_x0, mb_top = float(page.mediabox[0]), float(page.mediabox[1])
    out: list[tuple] = []
    stack = list(page.layout._objs)
    while stack:
        obj = stack.pop()
        if isinstance(obj, LTChar):
            out.append(
                (
                    obj.x0 + mb_x0,
                    obj.x1 + mb_x0,
                    height - obj.y1 + mb_top,
                    height - obj.y0 + mb_top,
                    obj.size,
                    obj.get_text(),
                    obj.fontname if isinstance(obj.fontname, str) else str(obj.fontname),
                    obj.upright,
                )
            )
        elif isinstance(obj, LTContainer):
            stack.extend(obj._objs)  # text inside form XObjects (LTFigure)
    return out


def _rows(chars: list[tuple]) -> list[list[_Word]]:
    """Group characters into rows by vertical centre, then into words by horizontal gaps."""
    items = sorted(chars, key=lambda c: c[2] + c[3])
    groups: list[list[tuple]] = []
    anchor, anchor_size = -1e9, 1.0
    for c in items:
        mid = (c[2] + c[3]) / 2
        size = c[4] or (c[3] - c[2]) or 1.0
        if mid - anchor > 0.45 * min(size, anchor_size):
            groups.append([])
            anchor, anchor_size = mid, size
        groups[-1].append(c)
    return [words for words in (_words(g) for g in groups) if words]


def _words(chars: list[tuple]) -> list[_Word]:
    """Split one row's characters into words at spaces and gaps wider than a fifth of the size."""
    chars.sort(key=lambda c: c[0])
    words: list[_Word] = []
    buf: list[tuple] = []
    last = None
    for c in chars:
        text = c[5]
        if last is not None and text == last[5] and abs(c[0] - last[0]) < 0.6 and abs(c[2] - last[2]) < 0.6:
            continue  # the same glyph printed twice, a cheap way to fake bold
        if text.isspace() or (buf and c[0] - buf[-1][1] > 0.2 * (c[4] or 10.0)):
            if buf:
                words.append(_make_word(buf))
                buf = []
            if text.isspace():
                last = c
                continue
        buf.append(c)
        last = c
    if buf:
        words.append(_make_word(buf))
    return [w for w in words if w.text]


def _make_word(chars: list[tuple]) -> _Word:
    text = "".join(c[5] for c in chars).translate(_LIGATURES)
    font = chars[0][6]
    return _Word(
        text=text,
        x0=chars[0][0],
        x1=chars[-1][1],
        top=min(c[2] for c in chars),
        bottom=max(c[3] for c in chars),
        size=chars[len(chars) // 2][4] or (chars[0][3] - chars[0][2]),
        bold=bool(_BOLD.search(font)),
    )


def _body_size(pages) -> float:
    """The most common font size, weighted by characters: the size of running text."""
    weight: dict[float, int] = defaultdict(int)
    for _, _, rows in pages:
        for row in rows:
            for w in row:
                weight[round(w.size, 1)] += len(w.text)
    return max(weight, key=weight.get) if weight else 10.0


# --------------------------------------------------------------------------
# Running headers, footers and page numbers


def _row_key(row: list[_Word]) -> str:
    text = " ".join(w.text for w in row).lower()
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text)).strip()


def _drop_running_lines(pages, body_size: float) -> None:
    """Remove rows repeated at the same height on at least half the pages, and bare page numbers.

    Only the three outermost rows at the top and bottom of a page are candidates,
    and only when their type is not larger than body text: slide titles such as
    "Gründe für Städtepartnerschaften" repeat too, but they are content.
    """
    n_pages = len(pages)
    candidates: dict[tuple[str, str], list[tuple[int, int, float]]] = defaultdict(list)
    for page_no, (_, height, rows) in enumerate(pages):
        # On a sparse page (a slide with one line) a footer is among the top rows too.
        picks = [("top", i) for i in range(min(3, len(rows)))]
        picks += [("bottom", i) for i in range(max(0, len(rows) - 3), len(rows))]
        for edge, i in picks:
            row = rows[i]
            if max(w.size for w in row) > body_size * 1.2:
                continue
            pos = min(w.top for w in row) if edge == "top" else height - max(w.bottom for w in row)
            candidates[(edge, _row_key(row))].append((page_no, i, pos))
    doomed: dict[int, set[int]] = defaultdict(set)
    if n_pages >= 2:
        for hits in candidates.values():
            median = statistics.median(p for _, _, p in hits)
            same_place = [(pg, i) for pg, i, pos in hits if abs(pos - median) <= 4.0]
            if len({pg for pg, _ in same_place}) >= max(2, (n_pages + 1) // 2):
                for pg, i in same_place:
                    doomed[pg].add(i)
    for page_no, (_, _, rows) in enumerate(pages):
        kept = [r for i, r in enumerate(rows) if i not in doomed[page_no]]
        # A bare number as the first or last row is a page number ("- 3 -", "Seite 3 von 7").
        for edge in (0, -1):
            if kept and _is_page_number(kept[edge]):
                kept.pop(edge)
        rows[:] = kept


def _is_page_number(row: list[_Word]) -> bool:
    text = " ".join(w.text for w in row).strip()
    match = _PAGE_NUMBER.match(text)
    return bool(match) and int(match.group(1)) < 1000


# --------------------------------------------------------------------------
# Columns and reading order


def _layout_page(page_no: int, rows: list[list[_Word]], width: float, doc_right: float) -> list[_Line]:
    """Lines of one page in reading order: full-width rows as they come, columns one after another."""
    if not rows:
        return []
    gutters = _find_gutters(rows, width)
    bounds = [-1e9] + [x for x, _ in gutters] + [1e9]
    regions: list[tuple[bool, list[list[_Word]]]] = []  # (spanning?, rows)
    for row in rows:
        spanning = not gutters or any(_crosses(row, x, gap) for x, gap in gutters)
        if regions and regions[-1][0] == spanning:
            regions[-1][1].append(row)
        else:
            regions.append((spanning, [row]))
    # Column edges from all column rows of the page: the fit test needs where a column ends.
    col_edges: dict[int, tuple[float, float]] = {}
    if gutters:
        for spanning, region_rows in regions:
            if spanning:
                continue
            for row in region_rows:
                for w in row:
                    col = _column_of(w, bounds)
                    lo, hi = col_edges.get(col, (1e9, -1e9))
                    col_edges[col] = (min(lo, w.x0), max(hi, w.x1))
    full_left = min(w.x0 for row in rows for w in row)
    spanning_rows = [row for spanning, rr in regions if spanning for row in rr] or rows
    full_right = _right_edge(spanning_rows, min_words=4)
    if full_right is None or sum(len(r) >= 4 for r in spanning_rows) < 3:
        # Too little text to see the right margin (a slide with "Kiev" / "1961"): use the document's.
        full_right = max(full_right or 0.0, doc_right, max(row[-1].x1 for row in spanning_rows))
    lines: list[_Line] = []
    for region_no, (spanning, region_rows) in enumerate(regions):
        if spanning:
            for row in region_rows:
                lines.append(_line(row, (page_no, region_no, 0), full_left, full_right))
            continue
        for col in range(len(bounds) - 1):
            left, right = col_edges.get(col, (full_left, full_right))
            for row in region_rows:
                words = [w for w in row if _column_of(w, bounds) == col]
                if words:
                    lines.append(_line(words, (page_no, region_no, col), left, right))
    return lines


def _column_of(word: _Word, bounds: list[float]) -> int:
    centre = (word.x0 + word.x1) / 2
    for i in range(len(bounds) - 1):
        if bounds[i] <= centre < bounds[i + 1]:
            return i
    return len(bounds) - 2


def _right_edge(rows: list[list[_Word]], min_words: int) -> float | None:
    """Right edge of the text block: the rightmost end among rows of several words (not a lone page number)."""
    ends = [row[-1].x1 for row in rows if len(row) >= min_words]
    return max(ends) if ends else None


def _crosses(row: list[_Word], x: float, gutter_gap: float) -> bool:
    """Does a row run across the gutter at x? A word on it, or only a word space there.

    A title over both columns may have an ordinary space right at the gutter
    ("... der Seite | hinweg ..."); a gap much narrower than the gutter is one.
    """
    left_end, right_start = -1e9, 1e9
    for w in row:
        if w.x0 < x < w.x1:
            return True
        if w.x1 <= x:
            left_end = max(left_end, w.x1)
        else:
            right_start = min(right_start, w.x0)
    return left_end > -1e9 and right_start < 1e9 and right_start - left_end < 0.5 * gutter_gap


def _find_gutters(rows: list[list[_Word]], width: float) -> list[tuple[float, float]]:
    """Column gutters as (x, typical gap width): wide gaps many rows share, with full columns beside them."""
    if len(rows) < 6:
        return []
    span = int(width) + 2
    open_at = [0] * (span + 1)
    for row in rows:
        size = statistics.median(w.size for w in row)
        min_gap = max(6.0, 0.9 * size)
        for a, b in zip(row, row[1:]):
            if b.x0 - a.x1 >= min_gap:
                lo, hi = max(0, int(a.x1) + 1), min(span, int(b.x0))
                if lo < hi:
                    open_at[lo] += 1
                    open_at[hi] -= 1
    counts, running = [], 0
    for delta in open_at:
        running += delta
        counts.append(running)
    # Every plateau of the count that is higher than both neighbours is a candidate: on a
    # three-column page a short line in column one opens a gap across both gutters, so
    # one run of open positions can hold two gutters.
    floor = 3
    gutters: list[tuple[float, float]] = []
    x = 0
    while x < span:
        value = counts[x]
        end = x
        while end + 1 < span and counts[end + 1] == value:
            end += 1
        before = counts[x - 1] if x > 0 else 0
        after = counts[end + 1] if end + 1 < len(counts) else 0
        if value >= floor and value > before and value > after:
            centre = (x + end) / 2 + 0.5
            # The plateau is where every gapped row is open: the gutter's own width.
            width_here = end - x + 1.0
            if _is_gutter(rows, centre, x, gutters[-1][0] if gutters else -1e9) and not any(
                abs(centre - g) < width_here for g, _ in gutters
            ):
                gutters.append((centre, width_here))
        x = end + 1
    return gutters


def _is_gutter(rows: list[list[_Word]], x: float, gap_start: float, left_bound: float) -> bool:
    """Is x a real gutter: rows gap there, few in that stretch cross it, the column left of it is full?

    ``left_bound`` is the gutter found before this one: the fill of the column
    left of x is measured from there, and rows where that column is empty
    (a paragraph ended in it) say nothing about the fill.
    """
    open_rows, crossing, fill = [], [], []
    for i, row in enumerate(rows):
        if any(w.x0 < x < w.x1 for w in row):
            crossing.append(i)
            continue
        left = [w for w in row if w.x1 <= x]
        right = [w for w in row if w.x0 >= x]
        if left and right:
            open_rows.append(i)
            near = [w for w in left if w.x0 > left_bound]
            if near and gap_start - near[0].x0 > 1:
                fill.append((near[-1].x1 - near[0].x0) / (gap_start - near[0].x0))
    if len(open_rows) < 3:
        return False
    first, last = open_rows[0], open_rows[-1]
    inside = sum(1 for i in crossing if first <= i <= last)
    if inside > 0.25 * len(open_rows):
        return False
    # Text columns run up to the gutter; a table's label column stops short of it.
    return bool(fill) and statistics.median(fill) >= 0.75


def _line(words: list[_Word], flow: tuple[int, int, int], col_left: float, col_right: float) -> _Line:
    sizes = sorted(w.size for w in words)
    return _Line(
        text=" ".join(w.text for w in words),
        x0=words[0].x0,
        x1=words[-1].x1,
        top=min(w.top for w in words),
        bottom=max(w.bottom for w in words),
        size=sizes[len(sizes) // 2],
        bold=sum(w.bold for w in words) * 2 > len(words),
        first_width=words[0].x1 - words[0].x0,
        flow=flow,
        col_left=col_left,
        col_right=max(col_right, words[-1].x1),
    )


# --------------------------------------------------------------------------
# Paragraphs and de-hyphenation


def join_hyphenated(head: str, tail: str, lexicon: set[str] = frozenset()) -> str:
    """Join a line ending in a hyphen with the next line, deciding whether the hyphen is real.

    ``head`` ends with "-"; the result is ``head`` and ``tail`` joined. German
    rules, with examples:

    - "Partner-" + "schaft" → "Partnerschaft": a lowercase continuation means
      the word was split for the line break;
    - "Kultur-" + "und Sportlandschaft" → "Kultur- und Sportlandschaft": a
      conjunction after the hyphen marks a truncated compound;
    - "Kommunal-" + "Partnerschaft", "Annaberg-" + "Buchholz" → hyphen kept:
      an uppercase continuation is a compound of nouns or names;
    - "deutsch-" + "polnische" → "deutsch-polnische": syllable breaks never end
      in "sch" ("deut-sche"), so a lowercase fragment ending in it is an
      adjective compound; likewise acronyms ("EU-" + "weit");
    - "ost-" + "westdeutsche" → "ost-westdeutsche": two compass points;
    - if the document itself spells the word elsewhere, that spelling wins.
    """
    if head.endswith("\u00ad"):
        return head[:-1] + tail
    tail_word = re.match(r"[^\s.,;:!?)»“\"]*", tail).group(0)
    frag_match = re.search(r"([^\s\-/(„\"»]*)[-\u2010]$", head)
    fragment = frag_match.group(1) if frag_match else ""
    first = tail[:1]
    if not first.islower() or not fragment or not fragment[-1].isalpha():
        return head + tail  # uppercase, digit or odd continuation: the hyphen is real
    if tail_word.rstrip(".").lower() in _CONJUNCTIONS:
        return head + " " + tail
    joined = (fragment + tail_word).lower()
    hyphenated = (fragment + "-" + tail_word).lower()
    if joined in lexicon:
        return head[:-1] + tail
    if hyphenated in lexicon:
        return head + tail
    if (fragment.islower() and fragment.endswith("sch")) or (fragment.isupper() and len(fragment) >= 2):
        return head + tail
    if fragment.lower() in _DIRECTIONS and tail_word.lower().startswith(_DIRECTIONS):
        return head + tail
    return head[:-1] + tail


def _lexicon(lines: list[_Line]) -> set[str]:
    """Every word the document spells out inside a line, lowercased, for de-hyphenation."""
    words: set[str] = set()
    for line in lines:
        tokens = line.text.split()
        for token in tokens[:-1] if tokens and tokens[-1].endswith(_HYPHENS) else tokens:
            words.add(token.strip(".,;:!?()„“\"»«'").lower())
    return words


def _is_bullet(text: str) -> bool:
    return text[:1] in _BULLETS


def _paragraphs(lines: list[_Line]) -> str:
    """Join lines into paragraphs: blank line between paragraphs, one line per list item."""
    if not lines:
        return ""
    lexicon = _lexicon(lines)
    pitch = _typical_pitch(lines)
    out: list[str] = [lines[0].text]
    in_list = _is_bullet(lines[0].text)
    for prev, cur in zip(lines, lines[1:]):
        decision = _decide(prev, cur, pitch, in_list)
        if decision == "join":
            if out[-1].endswith(_HYPHENS) and len(out[-1]) > 1 and out[-1][-2].isalpha():
                out[-1] = join_hyphenated(out[-1], cur.text, lexicon)
            else:
                out[-1] += " " + cur.text
            continue
        starts_item = _is_bullet(cur.text) or (
            _DASH_BULLET.match(cur.text) is not None and (in_list or prev.text.endswith(":") or not _is_full(prev, cur))
        )
        in_list = starts_item or (in_list and decision == "newline")
        out.append("\n" if decision == "newline" else "\n\n")
        out.append(cur.text)
    return "".join(out)


def _typical_pitch(lines: list[_Line]) -> float:
    """Median baseline distance between consecutive lines of a column, in units of font size."""
    ratios = []
    for a, b in zip(lines, lines[1:]):
        if a.flow == b.flow and abs(a.size - b.size) < 0.1 * a.size:
            r = (b.bottom - a.bottom) / a.size
            if 0.8 <= r <= 3.0:
                ratios.append(r)
    return statistics.median(ratios) if ratios else 1.25


def _is_full(prev: _Line, cur: _Line) -> bool:
    """Would the next line's first word have fitted on this line? If not, the break was forced by width."""
    return prev.col_right - prev.x1 < cur.first_width + 0.6 * prev.size


def _decide(prev: _Line, cur: _Line, pitch: float, in_list: bool) -> str:
    """'join' (same paragraph), 'newline' (same block, own line) or 'break' (new paragraph)."""
    text = cur.text
    bullet = _is_bullet(text)
    dash_item = _DASH_BULLET.match(text) is not None
    ends_hyphen = prev.text.endswith(_HYPHENS) and len(prev.text) > 1 and prev.text[-2].isalpha()
    lower = text[:1].islower()
    same_size = abs(prev.size - cur.size) <= 0.15 * min(prev.size, cur.size)
    full = _is_full(prev, cur)
    if prev.flow != cur.flow:
        # Column or page change: continue only when the sentence visibly goes on.
        if bullet or not same_size:
            return "break"
        if ends_hyphen or (lower and not dash_item):
            return "join"
        if full and not prev.text.endswith(_SENTENCE_END) and not dash_item and prev.bold == cur.bold:
            return "join"
        return "break"
    advance = cur.bottom - prev.bottom
    if advance < 0 or advance > pitch * 1.3 * max(prev.size, cur.size):
        return "break"
    if not same_size:
        return "break"
    if bullet or (dash_item and (in_list or prev.text.endswith(":") or not full)):
        return "newline"
    if ends_hyphen:
        return "join"  # "Partner-" / "schaft", "Annaberg-" / "Buchholz": join_hyphenated decides
    if prev.bold != cur.bold and not full:
        return "break"
    if lower or full:
        return "join"
    if prev.text.endswith(_SENTENCE_END):
        return "break"
    return "newline"


def _title_from_lines(lines: list[_Line]) -> str | None:
    """The largest text on the first page, as a fallback title."""
    first = [ln for ln in lines if ln.flow[0] == lines[0].flow[0]] if lines else []
    if not first:
        return None
    biggest = max(ln.size for ln in first)
    parts = []
    for ln in first:
        if abs(ln.size - biggest) < 0.5:
            parts.append(ln.text)
        elif parts:
            break
    title = " ".join(parts).strip()
    return title[:300] or None
