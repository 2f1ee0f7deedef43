"""EXTRACT stage: a file (PDF, HTML page or plain text) to a :class:`Document`.

The real type is sniffed from the bytes, never trusted from the suffix: a
"bericht.pdf" may be an HTML error page, a ".txt" may be a ZIP. PDFs go to
``_pdf`` (reading order, headers, de-hyphenation), HTML to ``_html``
(trafilatura main text), text is decoded with encoding detection, and a data
export in it (JSON, XML, SQL, YAML, key=value tags, a calendar, subtitles, a
wiki diff) is rendered by ``_exports`` as a reader sees it, word processors' and OCR
engines' markup (RTF, .docx and OpenDocument XML, ALTO) by ``_markup``, and a mail's source
(headers, MIME parts, quoted-printable) by ``_mail`` as the message. Text that went through a
wrong encoding once (UTF-8 read as Windows-1252, "StÃ¤dte") is repaired. A bad file raises
an :class:`~pipeline.errors.ExtractionError` subclass whose message a person
understands; the runner records it and goes on.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections import Counter
from pathlib import Path

import charset_normalizer
import py3langid

from pipeline._exports import export_as_text, opens_as_xml
from pipeline._html import read_html
from pipeline._mail import read_mail
from pipeline._pdf import join_hyphenated, read_pdf
from pipeline.errors import DocumentTooLargeError, EmptyDocumentError, ExtractionError, UnsupportedFormatError
from pipeline.types import Document

# Magic numbers of formats people drop into a folder of "documents".
_BINARY_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel/OpenDocument file); convert it to PDF"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (.doc/.xls/.ppt); convert it to PDF"),
    (b"\x89PNG", "a PNG image; OCR is needed"),
    (b"\xff\xd8\xff", "a JPEG image; OCR is needed"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image; OCR is needed"),
    (b"MM\x00*", "a TIFF image; OCR is needed"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "a program, not a document"),
    (b"MZ", "a Windows program, not a document"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HTML_MARKERS = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
_TRANSLATE = str.maketrans(
    {
        "\u00ad": None,  # soft hyphen: only a hint where a word may be split
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u2002": " ",
        "\u2003": " ",
        "ﬁ": "fi",
        "ﬂ": "fl",
        "ﬀ": "ff",
        "ﬃ": "ffi",
        "ﬄ": "ffl",
    }
)
_MIN_WORDS_FOR_LANGUAGE = 5


def document_id(data: bytes) -> str:
    """Stable id for the same content: first 16 hex digits of the SHA-256 of the raw bytes."""
    return hashlib.sha256(data).hexdigest()[:16]


def file_document_id(path: str | Path) -> str:
    """``document_id`` of a file's bytes, hashed in chunks so that a huge file is never read whole.

    Raises OSError when the file cannot be read.
    """
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()[:16]


def extract_document(path: str | Path, *, max_bytes: int = 50_000_000, max_pages: int = 2000) -> Document:
    """Read one file into a Document; raises ExtractionError (subclass) for a bad file."""
    path_obj = Path(path)
    try:
        size = path_obj.stat().st_size
        if size > max_bytes:
            raise DocumentTooLargeError(f"file has {size:,} bytes, more than the limit of {max_bytes:,}")
        data = path_obj.read_bytes()
    except OSError as exc:
        if path_obj.is_symlink():
            raise ExtractionError(f"cannot read file: broken symlink to {path_obj.readlink()}") from exc
        raise ExtractionError(f"cannot read file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise EmptyDocumentError("file is empty")
    media_type = sniff_media_type(data)
    title = published = None
    n_pages = None
    if media_type == "pdf":
        text, n_pages, title = read_pdf(data, max_pages=max_pages)
    else:
        decoded = _repair_mojibake(_decode(data))
        if (mail := read_mail(decoded)) is not None:  # a mail's source, HTML part and all, is a message in text
            media_type, (decoded, title) = "text", mail
        if media_type == "html":
            text, title, published = read_html(decoded)
            text = _rejoin_hyphenated(text)  # an OCR engine's hOCR page keeps its line ends
        else:
            text = _rejoin_hyphenated(_split_text_columns(export_as_text(_normalize(decoded))))
            title = title or _text_title(text)
    text = _normalize(text)
    if not text.strip():
        raise EmptyDocumentError(f"no text found in this {media_type.upper()} file")
    return Document(
        doc_id=document_id(data),
        source_path=str(path),
        media_type=media_type,
        text=text,
        title=_normalize(title).strip() if title else None,
        language=detect_language(text),
        n_pages=n_pages,
        published=published,
    )


def sniff_media_type(data: bytes) -> str:
    """'pdf', 'html' or 'text' from the content; raises UnsupportedFormatError for other binaries."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    stripped = head.lstrip()
    for magic, what in _BINARY_MAGIC:
        if stripped.startswith(magic):
            raise UnsupportedFormatError(f"unsupported format: {what}")
    if _HTML_MARKERS.search(data[:4096].replace(b"\x00", b"")) and not opens_as_xml(data.decode("utf-8", "replace")):
        return "html"
    return "text"


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid), or None if too short to tell."""
    if len(text.split()) < _MIN_WORDS_FOR_LANGUAGE:
        return None
    code, _ = py3langid.classify(text[:20_000])
    return code


def _decode(data: bytes) -> str:
    """Bytes to str: BOM, then strict UTF-8, then UTF-16 without BOM, then a legacy 8-bit code page."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    sample = data[:2000]
    if len(sample) >= 4:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > 0.3 * len(sample) / 2 and even == 0:
            return data.decode("utf-16-le", errors="replace")
        if even > 0.3 * len(sample) / 2 and odd == 0:
            return data.decode("utf-16-be", errors="replace")
    if b"\x00" in data:
        raise UnsupportedFormatError("file holds binary data, not text")
    text = _decode_legacy(data)
    controls = sum(1 for ch in text[:5000] if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    if controls > 0.02 * min(len(text), 5000):
        raise UnsupportedFormatError("file holds binary data, not text")
    return text


# UTF-8 read as Windows-1252: "Ã¼" for ü, "â€ž" for „. A lead byte's character (Â–ô) and the one to
# three characters that stand for its continuation bytes (0x80–0xBF).
_CONTINUATION = "[€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\u0081\u008d\u008f\u0090\u009d\u00a0-\u00bf]"
_MOJIBAKE = re.compile(
    f"[\u00c2-\u00df]{_CONTINUATION}|[\u00e0-\u00ef]{_CONTINUATION}{{2}}|[\u00f0-\u00f4]{_CONTINUATION}{{3}}")
_MIN_MOJIBAKE = 3


def _repair_mojibake(text: str) -> str:
    """Text whose UTF-8 bytes were once read as Windows-1252 and saved again, read as written.

    Each suspect sequence is re-encoded and read as UTF-8; one that is no valid UTF-8 stays as it is,
    so a real "Â" or "Ã" (Portuguese "SÃO") is kept. Only a text with several valid ones is repaired.
    """
    repaired: dict[str, str] = {}
    for sequence in set(_MOJIBAKE.findall(text)):
        try:
            raw = bytes(ord(ch) if ord(ch) < 256 else ch.encode("cp1252")[0] for ch in sequence)
            character = raw.decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        # A letter of a Latin alphabet or typographic punctuation; "Úš" (Czech) reads as an Arabic letter.
        if unicodedata.name(character, "").startswith("LATIN") or "\u2010" <= character <= "\u20ac":
            repaired[sequence] = character
    if len(repaired) < 2 or sum(text.count(sequence) for sequence in repaired) < _MIN_MOJIBAKE:
        return text
    return _MOJIBAKE.sub(lambda match: repaired.get(match.group(0), match.group(0)), text)


def _decode_legacy(data: bytes) -> str:
    """Decode non-UTF-8 bytes; Windows-1252 unless the guess differs from it where it matters.

    German umlauts and „“ sit at the same bytes in Windows-1252 and -1250, so
    charset-normalizer's guess between them is a coin toss ("cp1250" for a
    German cp1252 file); if both read the bytes the same, the Western code page
    is used, which also names the file's encoding correctly.
    """
    western = data.decode("cp1252", errors="replace")
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding in ("cp1252", "windows_1252", "latin_1", "iso8859_15"):
        return western
    try:
        guessed = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return western
    return western if guessed == western else guessed


def _normalize(text: str) -> str:
    """NFC, Unix newlines, no soft hyphens, ligatures or odd spaces, no trailing blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_TRANSLATE)
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _split_text_columns(text: str) -> str:
    """A page laid out in two columns of prose (a text export of an Amtsblatt page) as the left
    column, then the right one, so that the sentences of each column run on.

    The gutter is the column where, on many lines, prose resumes after a run of three or more
    spaces. Rows of a table also have such a column, but their right side is numbers or a few
    words: both sides must read as prose on most gutter lines.
    """
    lines = text.split("\n")
    starts: Counter[int] = Counter()
    for line in lines:
        for gap in re.finditer(r"(?<=[^\s|]) {3,}(?=[^\s|])", line):  # a pipe table's cells are no columns of prose
            starts[gap.end()] += 1
    if not starts:
        return text
    gutter, count = starts.most_common(1)[0]
    long_lines = [line for line in lines if len(line.strip()) >= 30]
    if count < 8 or count < 0.3 * len(long_lines):
        return text
    split = [(line[:gutter], line[gutter:]) for line in lines if len(line) > gutter and line[gutter - 3 : gutter].isspace()]
    prose = [left for left, right in split if "|" not in left + right
             and len(re.findall(r"[^\W\d_]{2,}", left)) >= 3 and len(re.findall(r"[^\W\d_]{2,}", right)) >= 2]
    if len(prose) < 0.5 * len(split):
        return text
    left, right = [], []
    for line in lines:
        cut = gutter if len(line) > gutter and line[gutter - 3 : gutter].isspace() else None
        if cut is None and len(line) > gutter:
            # a long left line pushes the gutter: "Die Stadt Herne pflegt heute  dem Jugendliche ..."
            gaps = [m.end() for m in re.finditer(r" {2,}(?=\S)", line) if gutter - 8 <= m.end() <= gutter + 1]
            cut = gaps[-1] if gaps else None
        if cut is not None:
            left.append(line[:cut].rstrip())
            right.append(line[cut:].strip())
        else:
            left.append(line.rstrip())  # a short line, or one across both columns: a title, a running header
            right.append("")
    columns = [_reflow(_rejoin_hyphenated("\n".join(column)), width)
               for column, width in ((left, gutter), (right, max(map(len, right))))]
    return columns[0] + "\n\n" + columns[1]


def _reflow(column: str, width: int) -> str:
    """Join the lines of a narrow column's paragraphs, which would otherwise read as headings:
    a line that fills most of the column runs on into the next one."""
    out: list[str] = []
    for line in column.split("\n"):
        if out and out[-1].strip() and line.strip() and len(out[-1]) >= 0.6 * width and (
                not out[-1].rstrip().endswith(":")):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def _rejoin_hyphenated(text: str) -> str:
    """In plain text, mend words split at a line end ("Be-" / "gegnung"), keeping the line structure."""
    lines: list[str | None] = list(text.split("\n"))
    for i in range(len(lines) - 1):
        head, nxt = lines[i], lines[i + 1]
        if head is None or nxt is None:
            continue
        head, nxt = head.rstrip(), nxt.lstrip()
        if len(head) > 1 and head.endswith("-") and head[-2].isalpha() and nxt[:1].islower():
            tail_word, _, rest = nxt.partition(" ")
            joined = join_hyphenated(head, tail_word)
            if joined.endswith(" " + tail_word):  # truncated compound: "Kultur-" + "und"
                continue
            # A continuation that was one word leaves nothing behind; that is no paragraph break.
            lines[i], lines[i + 1] = joined, (rest or None)
    return "\n".join(line for line in lines if line is not None)


def _text_title(text: str) -> str | None:
    """A short first line that is not a sentence serves as the title of a plain text."""
    first = text.lstrip().split("\n", 1)[0].strip()
    if 3 <= len(first) <= 150 and not first.endswith((".", ",", ";")):
        return first
    return None
