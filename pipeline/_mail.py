"""A saved e-mail's source (.eml, "Quelltext anzeigen") as the message a person reads.

Raw, a mail is its transport: "Received:" lines, MIME boundaries, a subject in
RFC 2047 words ("=?UTF-8?Q?Partnerst=C3=A4dte?=") and a body in quoted-printable,
where "St=C3=A4dte" is "Städte" and a line ending in "=" runs on into the next.
The partnership rules cannot read "La=C5=A1ko" as Laško, nor see that "die=" and
"uns" are one line. The standard library's parser decodes all of it; this module
chooses what a mail program shows: the sender, recipients, date and subject, the
plain-text body (the HTML one only where there is no plain one), a forwarded
message with its own headers, and the names of attachments.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage

import lxml.html
from lxml import etree

from pipeline._html import read_html

# A source starts with header fields, each "Name: value" or a folded continuation ("\t..." / " ...").
_HEADER_LINE = re.compile(r"[A-Za-z][A-Za-z0-9-]*:[ \t]|[ \t]+\S")
# Fields only a transport writes: a printed mail ("Von: ... Betreff: ...") has none and stays as it is.
_TRANSPORT_FIELDS = re.compile(r"^(?:Received|Return-Path|Message-ID|MIME-Version|Content-Type|X-[\w-]+|DKIM-Signature):",
                               re.I | re.M)
_SHOWN_FIELDS = ("From", "To", "Cc", "Date", "Subject")
_MIN_HEADER_LINES = 3
_HEAD_CHARS = 65_536  # where a header must have ended; any text is looked at this far, not further


def read_mail(text: str) -> tuple[str, str | None] | None:
    """The message and its subject if ``text`` is a mail's source; None if it is anything else."""
    # a saved .eml keeps the transport's CRLF line ends
    head = text[:_HEAD_CHARS].replace("\r\n", "\n").lstrip().split("\n\n", 1)[0]
    lines = head.split("\n")
    if (len(lines) < _MIN_HEADER_LINES or not all(_HEADER_LINE.match(line) for line in lines)
            or not lines[0][:1].isalpha() or not _TRANSPORT_FIELDS.search(head)):
        return None
    try:
        message = email.message_from_string(text.replace("\r\n", "\n").lstrip(), policy=email.policy.default)
        blocks = _message_blocks(message)
    except (ValueError, LookupError, TypeError, IndexError, etree.LxmlError):
        return None  # a header or a part the parser cannot decode: the file is read as the text it is
    subject = _field(message, "Subject")
    return "\n\n".join(block for block in blocks if block.strip()), subject or None


def _field(message: EmailMessage, name: str) -> str:
    return " ".join(str(message.get(name, "")).split())


def _message_blocks(message: EmailMessage) -> list[str]:
    """The shown header fields, then the body's parts, of a message or a forwarded one inside it."""
    fields = "\n".join(f"{name}: {value}" for name in _SHOWN_FIELDS if (value := _field(message, name)))
    return [fields, *_part_blocks(message)]


def _part_blocks(part: EmailMessage) -> list[str]:
    if part.get_content_type() == "message/rfc822":
        return [block for inner in part.iter_parts() for block in _message_blocks(inner)]
    if part.is_multipart():
        if part.get_content_subtype() == "alternative":  # the same text twice: the plain one, or else the richest
            shown = next((p for p in part.iter_parts() if p.get_content_type() == "text/plain"), None)
            parts = [shown] if shown is not None else list(part.iter_parts())[-1:]
        else:
            parts = list(part.iter_parts())
        return [block for inner in parts for block in _part_blocks(inner)]
    if part.is_attachment() or part.get_content_maintype() != "text":
        name = part.get_filename()
        return [f"[Anhang: {name}]"] if name else []
    content = part.get_content()
    if part.get_content_subtype() == "html":
        return [read_html(content)[0] or lxml.html.fromstring(content).text_content()]
    return [content]
