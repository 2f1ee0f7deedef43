"""Render the seed texts into the forms such documents really arrive in.

The five seeds in ``../shared/seeds`` are plain text. Real inputs are slide
decks, two-column position papers with running headers and hyphenated
justified text, municipal web pages full of navigation and cookie banners,
and legacy-encoded text files. This script renders each seed into such a
file under ``corpus/sample/`` and writes what a person would read into
``corpus/reference/``, so that the extract stage can be measured against it.
With ``--test-data`` it also writes the tiny files used by the unit tests.

Everything is deterministic: fixed creation dates, no randomness except a
seeded ``random.Random`` in :func:`build_report_sections`.

    python scripts/render_corpus.py --seeds ../shared/seeds --out corpus --test-data tests/data
"""

from __future__ import annotations

import argparse
import io
import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from html import escape
from pathlib import Path

from fpdf import FPDF

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_DATE = datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc)

# German vowels, with the diphthongs that form one syllable nucleus first.
_NUCLEI = ("äu", "eu", "ei", "ai", "au", "ie", "a", "e", "i", "o", "u", "ä", "ö", "ü", "y")
# Consonant groups German hyphenation never splits: "Men-schen", "Zu-cker", "Stro-phe".
_UNITS = ("sch", "ch", "ck", "ph", "th", "qu")


# --------------------------------------------------------------------------
# Hyphenation and line filling


def hyphen_points(word: str) -> list[int]:
    """Offsets where a German word may be split at a line end (syllable-ish).

    Between two vowel nuclei the last consonant unit moves to the next line,
    as in "Part-ner-schaft" or "Be-geg-nung". Words with capitals inside,
    digits or an existing hyphen are left alone (names, acronyms, compounds).
    """
    if len(word) < 6 or not word.isalpha() or any(c.isupper() for c in word[1:]):
        return []
    low = word.lower()
    nuclei: list[tuple[int, int]] = []
    i = 0
    while i < len(low):
        for nucleus in _NUCLEI:
            if low.startswith(nucleus, i):
                nuclei.append((i, i + len(nucleus)))
                i += len(nucleus)
                break
        else:
            i += 1
    points = []
    for (_, end_a), (start_b, _) in zip(nuclei, nuclei[1:]):
        cluster = low[end_a:start_b]
        if not cluster:
            continue  # hiatus such as "Ide-e": leave it
        cut = start_b - 1
        for unit in _UNITS:
            if cluster.endswith(unit):
                cut = start_b - len(unit)
                break
        if cut >= 2 and len(word) - cut >= 3:
            points.append(cut)
    return points


@dataclass
class _Line:
    """One typeset line: its pieces (words) and whether to stretch it to full width."""

    words: list[str]
    justify: bool
    indent: float = 0.0
    prefix: str = ""


def fill_lines(
    text: str,
    width: float,
    measure,
    *,
    hyphenate: bool,
    justify: bool,
    indent: float = 0.0,
    force_breaks: tuple[str, ...] = (),
) -> list[_Line]:
    """Greedy line filling with optional hyphenation; ``measure(s)`` gives a width."""
    words = text.split()
    space = measure(" ")
    lines: list[_Line] = []
    current: list[str] = []
    used = 0.0
    avail = width - indent
    queue = list(words)
    while queue:
        word = queue.pop(0)
        need = measure(word) + (space if current else 0.0)
        forced = next((p for p in force_breaks if word.startswith(p) and word != p), None)
        if forced and current and used + space + measure(forced) <= avail:
            # Make a real hyphenated compound fall on a line end ("deutsch-" / "deutschen").
            current.append(forced)
            lines.append(_Line(current, justify, indent))
            current, used = [], 0.0
            queue.insert(0, word[len(forced):])
            continue
        if used + need <= avail:
            current.append(word)
            used += need
            continue
        split_done = False
        if hyphenate and current:
            for cut in reversed(hyphen_points(word)):
                head = word[:cut] + "-"
                if used + space + measure(head) <= avail:
                    current.append(head)
                    queue.insert(0, word[cut:])
                    split_done = True
                    break
            if not split_done and "-" in word[1:-1]:
                cut = word.index("-", 1) + 1
                head = word[:cut]
                if used + space + measure(head) <= avail:
                    current.append(head)
                    queue.insert(0, word[cut:])
                    split_done = True
        if current:
            lines.append(_Line(current, justify, indent))
        current, used = ([], 0.0) if split_done else ([word], measure(word))
    if current:
        lines.append(_Line(current, False, indent))
    return lines


def _new_pdf(orientation: str, size) -> FPDF:
    pdf = FPDF(orientation=orientation, unit="pt", format=size)
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    for style, name in (("", "DejaVuSans.ttf"), ("B", "DejaVuSans-Bold.ttf")):
        pdf.add_font("Sans", style, str(FONT_DIR / name))
    for style, name in (("", "DejaVuSerif.ttf"), ("B", "DejaVuSerif-Bold.ttf")):
        pdf.add_font("Serif", style, str(FONT_DIR / name))
    return pdf


def _draw_line(pdf: FPDF, line: _Line, x: float, y: float, width: float) -> None:
    """Draw one line; justified lines place each word, others draw one string with spaces."""
    x += line.indent
    if line.prefix:
        pdf.text(x - pdf.get_string_width(line.prefix + " "), y, line.prefix)
    if line.justify and len(line.words) > 1:
        total = sum(pdf.get_string_width(w) for w in line.words)
        gap = (width - line.indent - total) / (len(line.words) - 1)
        for word in line.words:
            pdf.text(x, y, word)
            x += pdf.get_string_width(word) + gap
    else:
        pdf.text(x, y, " ".join(line.words))


# --------------------------------------------------------------------------
# Reports: A4, one or two columns, running header and page footer


@dataclass
class Section:
    """A part of a report: a title, blocks ('p'|'h'|'li', text), and a column count."""

    title: str
    blocks: list[tuple[str, str]]
    columns: int = 2

    def reference(self) -> str:
        parts = [self.title] if self.title else []
        for kind, text in self.blocks:
            if kind == "li" and parts and parts[-1].startswith("• "):
                parts[-1] += "\n• " + text
            else:
                parts.append(("• " if kind == "li" else "") + text)
        return "\n\n".join(parts)


@dataclass
class _Page:
    ops: list = field(default_factory=list)


def render_report(
    sections: list[Section], path: Path, *, header: str, force_breaks=(), body_size: float = 10.0
) -> str:
    """Typeset sections as an A4 report PDF; return the reference text."""
    pdf = _new_pdf("P", "A4")
    page_w, page_h = 595.28, 841.89
    left, right, top, bottom = 56.0, 56.0, 78.0, 770.0
    pitch, para_gap, gutter = body_size * 1.3, body_size * 0.7, 22.0
    pages: list[_Page] = []

    def measure_with(family, style, size):
        pdf.set_font(family, style, size)
        return lambda s: pdf.get_string_width(s)

    y = bottom + 1  # forces a new page
    for section in sections:
        pages.append(_Page())
        y = top
        if section.title:
            measure = measure_with("Sans", "B", 16)
            for line in fill_lines(section.title, page_w - left - right, measure, hyphenate=False, justify=False):
                y += 20
                pages[-1].ops.append((("Sans", "B", 16), line, left, y, 0))
            y += 16
        ncols = section.columns
        col_w = (page_w - left - right - gutter * (ncols - 1)) / ncols
        col, col_top = 0, y
        for kind, text in section.blocks:
            if kind == "h":
                font = ("Sans", "B", 11)
                lines = fill_lines(text, col_w, measure_with(*font), hyphenate=False, justify=False)
            elif kind == "li":
                font = ("Serif", "", body_size)
                lines = fill_lines(text, col_w, measure_with(*font), hyphenate=True, justify=False, indent=14)
                lines[0].prefix = "•"
            else:
                font = ("Serif", "", body_size)
                lines = fill_lines(
                    text, col_w, measure_with(*font), hyphenate=True, justify=True, force_breaks=force_breaks
                )
            if kind == "h" and y + pitch * 3 > bottom:
                y = bottom + 1  # keep a heading with what follows it
            for i, line in enumerate(lines):
                if y + pitch > bottom:
                    col += 1
                    if col >= ncols:
                        pages.append(_Page())
                        col, col_top = 0, top
                    y = col_top
                y += pitch
                pages[-1].ops.append((font, line, left + col * (col_w + gutter), y, col_w))
            y += para_gap if kind != "li" else 2

    for number, page in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_text_color(90, 90, 90)
        pdf.set_font("Sans", "", 8.5)
        pdf.text(left, 44, header)
        pdf.set_draw_color(150, 150, 150)
        pdf.line(left, 50, page_w - right, 50)
        footer = f"Seite {number} von {len(pages)}"
        pdf.text((page_w - pdf.get_string_width(footer)) / 2, page_h - 40, footer)
        pdf.set_text_color(0, 0, 0)
        for font, line, x, y, width in page.ops:
            pdf.set_font(*font)
            _draw_line(pdf, line, x, y, width)
    pdf.output(str(path))
    return "\n\n".join(s.reference() for s in sections) + "\n"


# --------------------------------------------------------------------------
# Slides


def render_slides(slides: list[list[str]], path: Path, *, footer: str) -> str:
    """One slide per block: first line as title, then lines with bullets; return reference text."""
    width, height = 960.0, 540.0
    pdf = _new_pdf("L", (height, width))
    margin = 56.0
    reference = []
    queue = list(slides)
    number = 0
    while queue:
        slide = queue.pop(0)
        title, body = slide[0], slide[1:]
        pdf.set_font("Sans", "B", 30)
        title_lines = fill_lines(title, width - 2 * margin, pdf.get_string_width, hyphenate=False, justify=False)
        top = 40.0 + 38 * len(title_lines) + 18
        for size in (20, 18, 16, 14, 12):
            laid = _lay_slide_body(pdf, body, size, width - 2 * margin)
            if top + sum(step for step, _, _ in laid) < height - 60:
                break
        else:
            # Too much for one slide: split at the blank line nearest the middle, as a speaker would.
            blanks = [i for i, ln in enumerate(body) if not ln] or [len(body) // 2]
            cut = min(blanks, key=lambda i: abs(i - len(body) / 2))
            queue[:0] = [[title] + body[:cut], [title] + body[cut + 1:]]
            continue
        number += 1
        pdf.add_page()
        pdf.set_font("Sans", "B", 30)
        y = 40.0
        for line in title_lines:
            y += 38
            _draw_line(pdf, line, margin, y, 0)
        y = top
        for step, font_size, line in laid:
            y += step
            if line is not None:
                pdf.set_font("Sans", "", font_size)
                _draw_line(pdf, line, margin, y, 0)
        pdf.set_font("Sans", "", 9)
        pdf.set_text_color(110, 110, 110)
        pdf.text(margin, height - 22, footer)
        pdf.text(width - margin - pdf.get_string_width(str(number)), height - 22, str(number))
        pdf.set_text_color(0, 0, 0)
        reference.append("\n".join([title] + [_slide_text(b) for b in body if b]))
    pdf.output(str(path))
    return "\n\n".join(reference) + "\n"


def _slide_text(line: str) -> str:
    stripped = line.strip()
    if stripped.startswith("- "):
        return ("– " if line.startswith(" ") else "• ") + stripped[2:]
    return stripped.replace("\t", " ")


def _lay_slide_body(pdf: FPDF, body: list[str], size: float, width: float):
    """Lay out slide lines at one font size: list of (advance, size, line-or-None)."""
    pdf.set_font("Sans", "", size)
    laid = []
    for raw in body:
        if not raw:
            laid.append((size * 0.6, size, None))
            continue
        cells = [c.strip() for c in raw.split("\t")]
        stop = width / len(cells)
        if "\t" in raw and all(pdf.get_string_width(c) < stop - 12 for c in cells):
            # a table row: cells at fixed tab stops
            laid.append((size * 1.35, size, _Line([c for c in cells if c][:1], False)))
            for i, cell in enumerate(cells[1:], 1):
                if cell:
                    laid.append((0.0, size, _Line([cell], False, indent=i * stop)))
            continue
        if "\t" in raw:  # a row too wide for tab stops: one cell per line
            for cell in (c for c in cells if c):
                laid += [(size * 1.3, size, ln) for ln in fill_lines(cell, width, pdf.get_string_width, hyphenate=False, justify=False)]
            continue
        text = _slide_text(raw)
        indent, prefix = 0.0, ""
        if text[:2] in ("• ", "– "):
            prefix, text = text[0], text[2:]
            indent = size * (1.4 if raw.startswith(" ") else 1.0) + (size * 1.2 if raw.startswith(" ") else 0)
        lines = fill_lines(text, width, pdf.get_string_width, hyphenate=False, justify=False, indent=indent)
        lines[0].prefix = prefix
        for line in lines:
            laid.append((size * 1.3, size, line))
    return laid


def split_slides(seed: str) -> list[list[str]]:
    """Split the slide deck's text at runs of two or more blank lines, one slide each."""
    text = _clean(seed).replace("**", "")
    slides = []
    for block in re.split(r"\n\s*\n\s*\n+", text):
        lines = [ln.rstrip() for ln in block.split("\n")]
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        squeezed: list[str] = []
        for ln in lines:
            if ln.strip() or (squeezed and squeezed[-1]):
                squeezed.append(ln if ln.strip() else "")
        if squeezed:
            squeezed[0] = squeezed[0].strip()
            slides.append(squeezed)
    return slides


# --------------------------------------------------------------------------
# Position paper (seed 002)


def paper_paragraphs(seed: str) -> tuple[str, list[str]]:
    """Title and de-hyphenated paragraphs of the position paper seed.

    The seed's line breaks ("Be-" / "gegnung") are left over from an earlier
    extraction; every one of them continues in lowercase, so they are joined.
    A line that starts with a space opens a new paragraph in the original.
    """
    raw = _clean(seed).split("\n")
    title_lines, rest = [], raw
    for i, line in enumerate(raw):
        if not line.strip():
            title_lines, rest = raw[:i], raw[i:]
            break
    paragraphs: list[str] = []
    current = ""
    for line in rest:
        if not line.strip() or (line.startswith(" ") and current):
            if current:
                paragraphs.append(current)
            current = ""
            if not line.strip():
                continue
        piece = line.strip()
        if current.endswith("-") and piece[:1].islower():
            current = current[:-1] + piece
        else:
            current = f"{current} {piece}".strip()
    if current:
        paragraphs.append(current)
    title = " ".join(t.strip() for t in title_lines if t.strip())
    return title, paragraphs


# --------------------------------------------------------------------------
# Web pages (seeds 003 and 000)

_PAGE_CSS = "body{font-family:sans-serif} nav ul{list-style:none} .cookie{position:fixed;bottom:0}"


def _cookie_banner() -> str:
    return (
        '<div id="cookie-consent" class="cookie-banner" role="dialog">'
        "<p>Wir verwenden Cookies, um Ihnen ein optimales Webseiten-Erlebnis zu bieten. "
        "Dazu zählen Cookies, die für den Betrieb der Seite notwendig sind, sowie solche, "
        "die lediglich zu anonymen Statistikzwecken genutzt werden.</p>"
        '<button type="button">Nur notwendige Cookies</button>'
        '<button type="button">Alle akzeptieren</button></div>'
    )


def render_city_page(seed: str) -> tuple[str, str]:
    """The Dortmund seed as a municipal web page; return (html, reference)."""
    lines = [ln.strip() for ln in _clean(seed).split("\n")]
    blocks = [ln for ln in lines if ln]
    h = escape
    items = [ln.lstrip("• ").strip() for ln in blocks if ln.startswith("•")]
    prose = [ln for ln in blocks if not ln.startswith("•")]
    # The seed reads: image alt, section name, credit, headline, prose, map alt, map caption, credit, ...
    credit = [ln for ln in prose if ln.startswith("Bild (")]
    headings = {"Dortmunds Partnerstädte:", "Aussöhnung und Völkerverständigung", "Internationale Wirtschaftsförderung"}
    body: list[str] = []
    reference: list[str] = ["Dortmunder Städtepartnerschaften"]
    started = False
    for ln in prose:
        if ln == "Dortmunder Städtepartnerschaften":
            started = True
            continue
        if not started or ln in credit or ln.startswith(("Karte mit", "Foto des", "Gruppenfoto")):
            continue
        if ln == "Dortmunds Partnerstädte":
            body.append(
                '<figure class="image"><img src="/media/karte-partnerstaedte.jpg" alt="Karte mit Dortmunds Partnerstädten">'
                f"<figcaption><span class=\"credit\">{h(credit[1])}</span></figcaption></figure>"
            )
            continue
        if ln in headings:
            body.append(f"<h2>{h(ln)}</h2>")
            reference.append(ln)
            if ln.endswith(":"):
                body.append("<ul>" + "".join(f"<li>{h(i)}</li>" for i in items) + "</ul>")
                reference.append("\n".join(items))
            continue
        if ln.startswith('"'):
            body.append(f"<blockquote><p>{h(ln)}</p></blockquote>")
        else:
            body.append(f"<p>{h(ln)}</p>")
        reference.append(ln)
    nav = ["Leben in Dortmund", "Rathaus", "Wirtschaft", "Freizeit & Kultur", "Tourismus", "Bürgerservice"]
    html = f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>Städtepartnerschaften - Stadtportal dortmund.de</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Die Stadt Dortmund pflegt offizielle partnerschaftliche Beziehungen zu neun Städten in der ganzen Welt.">
<meta property="og:title" content="Dortmunder Städtepartnerschaften">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2023-06-14T09:30:00+02:00">
<meta property="article:modified_time" content="2024-01-22T11:05:00+01:00">
<style>{_PAGE_CSS}</style>
</head>
<body>
{_cookie_banner()}
<header class="site-header">
  <a class="logo" href="/">Stadtportal Dortmund</a>
  <nav id="main-menu" class="nav-main" aria-label="Hauptmenü"><ul>
  {"".join(f'<li><a href="/{i}">{h(n)}</a></li>' for i, n in enumerate(nav))}
  </ul></nav>
  <form class="search" action="/suche"><input name="q" placeholder="Suchbegriff eingeben"><button>Suchen</button></form>
</header>
<nav class="breadcrumb" aria-label="Sie sind hier"><ol>
  <li><a href="/">Startseite</a></li><li><a href="/rathaus">Rathaus</a></li>
  <li><a href="/rathaus/international">Internationale Beziehungen</a></li><li>Städtepartnerschaften</li>
</ol></nav>
<div class="page">
<main id="content">
<article class="article">
<figure class="image image--stage"><img src="/media/amiens-quai.jpg" alt="Blick auf Quai bélu in Amiens">
<figcaption><span class="credit">{h(credit[0])}</span></figcaption></figure>
<p class="kicker">Städtepartnerschaften</p>
<h1>Dortmunder Städtepartnerschaften</h1>
{chr(10).join(body)}
<figure class="image"><img src="/media/team.jpg" alt="Foto des Teams für Repräsentationen und Städtepartnerschaften">
<figcaption>Gruppenfoto des Teams für Repräsentation und Städtepartnerschaften <span class="credit">{h(credit[2])}</span></figcaption></figure>
</article>
</main>
<aside class="sidebar" aria-label="Weitere Themen">
  <h2>Das könnte Sie auch interessieren</h2>
  <ul><li><a href="/rathaus">Rathaus</a></li><li><a href="/buergerservice">Bürgerservice</a></li>
  <li><a href="/ob">Oberbürgermeister</a></li><li><a href="/presse">Pressemitteilungen</a></li>
  <li><a href="/auslandsgesellschaft">Auslandsgesellschaft.de</a></li></ul>
</aside>
</div>
<footer class="site-footer">
  <ul><li><a href="/impressum">Impressum</a></li><li><a href="/datenschutz">Datenschutz</a></li>
  <li><a href="/kontakt">Kontakt</a></li><li><a href="/barrierefreiheit">Erklärung zur Barrierefreiheit</a></li></ul>
  <p>© 2024 Stadt Dortmund. Alle Rechte vorbehalten.</p>
</footer>
</body>
</html>
"""
    return html, "\n\n".join(reference) + "\n"


def render_press_page(seed: str) -> tuple[str, str]:
    """The press seed as a newspaper article page; return (html, reference)."""
    text = _clean(seed)
    headline = "Städtepartnerschaften nach Osteuropa: Kontakte mit viel Leben erfüllt"
    teaser = "Sächsische Städte pflegen enge Beziehungen zu Partnern in Polen und Tschechien."
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    main, box = [], []
    target = main
    for p in paragraphs:
        if p.startswith("Hintergrund "):
            target = box
            box.append(("h", "Hintergrund"))
            box.append(("h2", p[len("Hintergrund "):]))
            continue
        target.append(("p", p))
    h = escape
    body = "\n".join(f"<p>{h(t)}</p>" for _, t in main)
    box_html = "".join(f"<h3>{h(t)}</h3>" if k == "h" else f"<h2>{h(t)}</h2>" if k == "h2" else f"<p>{h(t)}</p>" for k, t in box)
    reference = [headline, teaser] + [t for _, t in main] + [t for _, t in box]
    html = f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>{h(headline)} | Sachsen-Kurier</title>
<meta property="og:title" content="{h(headline)}">
<meta property="og:type" content="article">
<meta name="author" content="Redaktion Sachsen-Kurier">
<meta property="article:published_time" content="2004-04-28T06:00:00+02:00">
<meta name="date" content="2004-04-28">
<style>{_PAGE_CSS}</style>
</head>
<body>
<div class="consent-layer" id="consent">
<p>Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren und Werbung anzuzeigen.
Mit einem Klick auf „Alle akzeptieren“ stimmen Sie der Verarbeitung zu.</p>
<button>Alle akzeptieren</button> <button>Einstellungen</button></div>
<header><div class="brand">Sachsen-Kurier</div>
<nav class="menu"><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li>
<li><a href="/wirtschaft">Wirtschaft</a></li><li><a href="/sachsen">Sachsen</a></li><li><a href="/kultur">Kultur</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/abo">Abo</a></li></ul></nav></header>
<main>
<article>
<header class="article-header">
<p class="ressort">Sachsen</p>
<h1>{h(headline)}</h1>
<p class="meta"><time datetime="2004-04-28T06:00:00+02:00">28.04.2004, 06:00 Uhr</time> · Von Redaktion Sachsen-Kurier</p>
<div class="share"><a href="#">Teilen</a> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">E-Mail</a></div>
<p class="lead"><strong>{h(teaser)}</strong></p>
</header>
{body}
<section class="infobox">{box_html}</section>
</article>
<aside class="teaser-box"><h2>Das könnte Sie auch interessieren</h2>
<ul><li><a href="/a1">EU-Osterweiterung: Was sich für Pendler ändert</a></li>
<li><a href="/a2">Grenzbrücke Görlitz: Sanierung beginnt im Sommer</a></li>
<li><a href="/a3">Leipziger Messe meldet Besucherrekord</a></li></ul></aside>
</main>
<footer><ul><li><a href="/impressum">Impressum</a></li><li><a href="/datenschutz">Datenschutz</a></li>
<li><a href="/agb">AGB</a></li><li><a href="/kontakt">Kontakt</a></li></ul>
<p>© 2004 Sachsen-Kurier Verlagsgesellschaft mbH</p></footer>
</body>
</html>
"""
    return html, "\n\n".join(reference) + "\n"


# --------------------------------------------------------------------------
# Synthetic long reports for the benchmark


def build_report_sections(seeds: dict[str, str], n_sections: int, seed: int = 7) -> list[Section]:
    """Mix the seeds' prose into sections of one and two columns, with headings and lists."""
    rng = random.Random(seed)
    prose = []
    for key in ("000", "002", "003", "004"):
        text = seeds[key]
        if key == "002":
            prose += paper_paragraphs(text)[1]
        else:
            prose += [p.strip() for p in _clean(text).split("\n") if len(p.strip()) > 120]
    items = [ln.strip()[2:].strip() for ln in _clean(seeds["001"]).split("\n") if ln.strip().startswith("- ")]
    items = [i.replace("**", "") for i in items if len(i) > 12]
    headings = ["Ausgangslage", "Partnerschaften in der Praxis", "Ziele und Schwerpunkte", "Erfahrungen", "Ausblick"]
    sections = []
    for n in range(n_sections):
        blocks: list[tuple[str, str]] = []
        for _ in range(rng.randint(2, 3)):
            blocks.append(("h", rng.choice(headings)))
            blocks += [("p", p) for p in rng.sample(prose, rng.randint(2, 4))]
            if rng.random() < 0.6:
                blocks += [("li", i) for i in rng.sample(items, rng.randint(2, 4))]
        sections.append(Section(f"Kapitel {n + 1}: {rng.choice(headings)}", blocks, columns=1 + (n % 2)))
    return sections


# --------------------------------------------------------------------------
# Test data


def write_test_data(out: Path, seeds: dict[str, str]) -> None:
    """Tiny files for the unit tests: each shows one thing the extractor must handle."""
    out.mkdir(parents=True, exist_ok=True)
    prose = [p.strip() for p in _clean(seeds["003"]).split("\n") if len(p.strip()) > 120 and not p.startswith('"')]
    two = Section("Dortmunder Städtepartnerschaften", [("p", p) for p in prose], columns=2)
    (out / "two_columns.txt").write_text(
        render_report([two], out / "two_columns.pdf", header="Testkopfzeile – Zwei Spalten", body_size=12.5),
        encoding="utf-8",
    )
    for name, user_pw in (("encrypted_password.pdf", "geheim"), ("encrypted_empty_password.pdf", "")):
        pdf = _new_pdf("P", "A5")
        pdf.add_page()
        pdf.set_font("Sans", "", 11)
        pdf.text(40, 80, "Städtepartnerschaft zwischen Görlitz und Zgorzelec seit 1990.")
        pdf.set_encryption(owner_password="eigentuemer", user_password=user_pw)
        pdf.output(str(out / name))
    pdf = _new_pdf("P", "A5")
    for _ in range(2):
        pdf.add_page()
        pdf.image(_tiny_png(), x=40, y=40, w=200)
    pdf.output(str(out / "scanned.pdf"))
    text = _clean(seeds["004"]).split("\n")[0] + "\n"
    (out / "ost_west_cp1252.txt").write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    (out / "ost_west_utf16.txt").write_bytes(text.encode("utf-16"))
    (out / "ost_west_utf8_bom.txt").write_bytes(text.encode("utf-8-sig"))
    (out / "empty.txt").write_bytes(b"")
    (out / "not_really.pdf").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    (out / "picture.txt").write_bytes(_tiny_png().getvalue())
    (out / "truncated.pdf").write_bytes((out / "two_columns.pdf").read_bytes()[:1500])
    (out / "really_a_pdf.html").write_bytes((out / "two_columns.pdf").read_bytes())


def _tiny_png() -> io.BytesIO:
    """A small grey PNG with some noise, standing in for a scanned page."""
    from PIL import Image

    rng = random.Random(3)
    image = Image.new("L", (120, 160), 235)
    for _ in range(900):
        image.putpixel((rng.randrange(120), rng.randrange(160)), rng.randrange(0, 120))
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    buf.seek(0)
    return buf


# --------------------------------------------------------------------------


def _clean(text: str) -> str:
    """NFC, Unix newlines, odd spaces (NBSP, em space) as plain spaces."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    return re.sub(r"[\u00a0\u2000-\u200a]", " ", text)


def read_seeds(folder: Path) -> dict[str, str]:
    """Seed texts keyed by their three-digit prefix ('000' ... '004')."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}


def render_corpus(seeds_dir: Path, out: Path) -> list[Path]:
    """Write corpus/sample/* and corpus/reference/*; return the sample paths."""
    seeds = read_seeds(seeds_dir)
    sample, reference = out / "sample", out / "reference"
    sample.mkdir(parents=True, exist_ok=True)
    reference.mkdir(parents=True, exist_ok=True)
    written = []

    def save(name: str, ref: str) -> None:
        (reference / (Path(name).stem + ".txt")).write_text(ref, encoding="utf-8")
        written.append(sample / name)

    name = "leipzig_staedtepartnerschaften_folien.pdf"
    save(name, render_slides(split_slides(seeds["001"]), sample / name,
                             footer="Stadt Leipzig · Referat Internationale Zusammenarbeit"))

    name = "brandenburg_kommunalpartnerschaften.pdf"
    title, paragraphs = paper_paragraphs(seeds["002"])
    save(name, render_report([Section(title, [("p", p) for p in paragraphs], columns=2)], sample / name,
                             header="Städte- und Gemeindebund Brandenburg – Positionspapier",
                             force_breaks=("deutsch-",), body_size=12.0))

    name = "dortmund_staedtepartnerschaften.html"
    html, ref = render_city_page(seeds["003"])
    (sample / name).write_text(html, encoding="utf-8")
    save(name, ref)

    name = "presse_partnerschaften_osteuropa.html"
    html, ref = render_press_page(seeds["000"])
    (sample / name).write_text(html, encoding="utf-8")
    save(name, ref)

    # Legacy Windows encoding on purpose: the extractor must detect it.
    name = "ost_west_staedtepartnerschaften.txt"
    text = _clean(seeds["004"]).strip() + "\n"
    (sample / name).write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    save(name, text)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=Path("../shared/seeds"))
    parser.add_argument("--out", type=Path, default=Path("corpus"))
    parser.add_argument("--test-data", type=Path, default=None, help="also write the unit-test files here")
    args = parser.parse_args()
    for path in render_corpus(args.seeds, args.out):
        print(path)
    if args.test_data:
        write_test_data(args.test_data, read_seeds(args.seeds))
        print(args.test_data)


if __name__ == "__main__":
    main()
