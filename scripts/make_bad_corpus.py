"""Generate a folder of bad and awkward input files, each with the outcome we expect.

Researchers point the tool at folders they did not make; this corpus holds
what such folders contain: empty, truncated, corrupt, encrypted and scanned
PDFs, mislabelled files, broken HTML, odd encodings, another language, an
unreadable path, a symlink loop, and file names with spaces and umlauts.

    python scripts/make_bad_corpus.py outputs/bad_corpus

``make_bad_corpus(folder)`` returns ``{relative path: Expected}``; the tests in
``tests/test_bad_input.py`` run the pipeline over the folder and compare.
"""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

GERMAN = (
    "Die Stadt Erfurt pflegt seit 1988 eine Städtepartnerschaft mit Mainz. "
    "Im Mittelpunkt stehen der Jugendaustausch und die Zusammenarbeit der Verwaltungen. "
    "Oberbürgermeister Andreas Bausewein besuchte die Partnerstadt im Mai."
)
FRENCH = (
    "La ville de Lyon entretient depuis 1981 un jumelage avec Leipzig. Les échanges de jeunes "
    "et la coopération économique sont au cœur de ce partenariat, selon la mairie."
)


@dataclass(frozen=True)
class Expected:
    """What the pipeline should record for one file: its status and a phrase of its error."""

    status: str
    error_contains: str = ""


def _pdf(text: str, *, pages: int = 1, encrypt_user: str | None = None) -> bytes:
    pdf = FPDF()
    if Path(FONT).exists():
        pdf.add_font("DejaVu", fname=FONT)
        pdf.set_font("DejaVu", size=11)
    else:  # core font: Latin-1 only, enough for these texts
        pdf.set_font("Helvetica", size=11)
    if encrypt_user is not None:
        pdf.set_encryption(owner_password="eigentuemer", user_password=encrypt_user)
    for number in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 6, text if pages == 1 else f"{text}\n\nSeite {number + 1}")
    return bytes(pdf.output())


def _scanned_pdf() -> bytes:
    """A page that is only an image of text, as a scanner makes it: no text layer."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (1240, 1754), color=255)
    draw = ImageDraw.Draw(image)
    for line in range(30):
        draw.text((100, 100 + line * 50), "Städtepartnerschaft Erfurt – Mainz seit 1988", fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.image(buffer, x=0, y=0, w=210)
        buffer.seek(0)
    return bytes(pdf.output())


def _html(body: str, title: str = "Städtepartnerschaften") -> str:
    return f"<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>{title}</title></head><body>{body}</body></html>"


def make_bad_corpus(folder: str | Path, *, big_pdf_pages: int = 1000) -> dict[str, Expected]:
    """Write the bad-input corpus into ``folder``; return the expected outcome per file."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, Expected] = {}

    def write(name: str, data: bytes | str, outcome: Expected, encoding: str = "utf-8") -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode(encoding) if isinstance(data, str) else data)
        expected[name] = outcome

    good_pdf = _pdf(GERMAN)
    # Good files, some with awkward names or encodings: each must load.
    write("gut.pdf", good_pdf, Expected("ok"))
    write("Partnerschaft mit Größe – Übersicht.txt", GERMAN, Expected("ok"))
    write("windows-1252.txt", GERMAN, Expected("ok"), encoding="cp1252")
    write("utf-16.txt", GERMAN, Expected("ok"), encoding="utf-16")
    write("leeres Passwort.pdf", _pdf(GERMAN, encrypt_user=""), Expected("ok"))
    write("kaputtes Markup.html",
          "<html><head><title>Partnerschaft<body><div><p>" + GERMAN + "<p><b>Jugendaustausch<div></span>",
          Expected("ok"))
    write("eigentlich-html.pdf", _html(f"<main><h1>Partnerschaft</h1><p>{GERMAN}</p></main>"), Expected("ok"))
    write("eigentlich-pdf.html", good_pdf, Expected("ok"))

    # Bad files: each must be recorded as failed, with a reason a person understands.
    write("leer.pdf", b"", Expected("failed", "empty"))
    write("leer.txt", b"", Expected("failed", "empty"))
    write("abgeschnitten.pdf", good_pdf[: len(good_pdf) // 3], Expected("failed", "PDF"))
    write("kaputt.pdf", b"%PDF-1.7\n" + os.urandom(4000), Expected("failed", "PDF"))
    write("verschluesselt.pdf", _pdf(GERMAN, encrypt_user="geheim"), Expected("failed", "encrypted"))
    write("gescannt.pdf", _scanned_pdf(), Expected("failed", "text layer"))
    write("binaer.pdf", bytes(range(256)) * 40, Expected("failed", ""))
    write("zip-als-text.txt", b"PK\x03\x04" + os.urandom(2000), Expected("failed", ""))
    write("nur-navigation.html",
          _html("<nav><ul><li><a href='/'>Start</a></li><li><a href='/rathaus'>Rathaus</a></li>"
                "<li><a href='/kontakt'>Kontakt</a></li></ul></nav><footer>Impressum · Datenschutz</footer>"),
          Expected("failed", "no text"))
    write("francais.txt", FRENCH * 3, Expected("failed", "language"))
    write(f"gross-{big_pdf_pages}-seiten.pdf", _pdf(GERMAN, pages=big_pdf_pages), Expected("failed", "pages"))

    # Paths that are not plain readable files.
    (folder / "verschwunden.txt").symlink_to(folder / "gibt-es-nicht.txt")
    expected["verschwunden.txt"] = Expected("failed", "symlink")
    loop = folder / "schleife"
    loop.mkdir(exist_ok=True)
    (loop / "zurueck").symlink_to(folder)
    return expected


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "outputs/bad_corpus")
    outcomes = make_bad_corpus(target)
    for name, outcome in sorted(outcomes.items()):
        print(f"{outcome.status:6}  {name}  {outcome.error_contains}")
