"""Data kept as source code, read as the records it states.

A town's list of partners often lives in a program's or a configuration's source rather
than in a table: a Protocol Buffers text file behind a website, a Terraform variable, an
EDN data file of a Clojure site, a Neo4j import script (Cypher), a Prolog knowledge base
for a seminar. Read as prose, their punctuation splits each record ("name: \\"Marburg\\""
three lines above "seit: 1988") and names records by identifiers nobody reads
(``partner(kiel, tallinn, 1986).``). Here:

- nested records written with braces (text protos, HCL, EDN) are parsed into the lists
  and maps they state (``parse_braced_records``), for ``pipeline._exports`` to render like
  a JSON export, their comments kept as text;
- a Cypher script's relationships become rows of the two nodes' names and the
  relationship's properties ("Dresden | Breslau | PARTNER_VON | seit: 1959");
- a Prolog base's facts become rows under the predicate's name, each identifier replaced
  by the display name another fact gives it (``stadt(tallinn, 'Reval', estland)``);
- a fixed-width extract becomes rows under the fields its COBOL copybook declares, and a dBase
  table listed by a viewer rows under its header, its memos in their cells;
- a configuration in HOCON, Lua, Jsonnet, Dhall or KDL, or a PHP array, is read loosely into lists and
  records (``parse_loose_records``), when no stricter reader took the text;
- a PostScript page description becomes the text its show operators paint;
- a Mathematica notebook becomes its text cells, and the associations its code states a table;
- a Makefile or a Dockerfile becomes its comments and the messages it echoes;
- a Fluent translation file becomes its messages, their term references filled in;
- a Smalltalk file-out (Pharo, Squeak) becomes its comments and the literal arrays its methods answer;
- a Delphi or Lazarus form becomes its captions and its memos' paragraphs;
- an SAP IDoc flat file becomes its text segments' lines and its partners' names;
- a Fortran namelist becomes its comments and a table of its groups;
- a program's source (Kotlin, Rust, Dart, Thrift, OCaml, C with Doxygen, Verilog, …) becomes its comments, the
  literal records it states as rows, and its strings of prose.
"""

from __future__ import annotations

import bisect
import itertools
import re
import sys
import unicodedata

from pipeline._markup import _CELL_SEPARATOR

# --- Braced records: text protos, HCL (Terraform), EDN -------------------------------------------------------

_STRING = r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
_HEREDOC = re.compile(r"<<-?\s*([A-Z_][A-Z0-9_]*)\n(.*?)\n[ \t]*\1\b", re.S)
_TOKEN = re.compile(
    rf"(?P<heredoc><<-?\s*[A-Z_][A-Z0-9_]*\n)|(?P<string>{_STRING})|(?P<tag>#[A-Za-z_][\w./-]*)"
    r"|(?P<keyword>:[A-Za-z_*+!?<>=-][\w*+!?<>=./-]*)|(?P<number>[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?\b)"
    r"|(?P<name>[A-Za-z_][\w.-]*)|(?P<punct>[{}\[\]()<>:=,;])|(?P<space>\s+)|(?P<other>.)")
_MIN_RECORD_FIELDS = 6


class _NotRecords(Exception):
    """The text is not nested records in any of the syntaxes read here."""


def parse_braced_records(text: str) -> tuple[object, list[str], list[str]] | None:
    """The data of a text proto, HCL or EDN file: (its value as lists and dicts, its opening comments,
    its other comments), or None if ``text`` is not such a file. A block repeated under one key (a
    text proto's ``partner { ... }`` twice) is a list, also where a record has it only once; a
    tagged EDN value (``#inst "2023-10-02"``) is the value; octal and \\u escapes are decoded."""
    if "{" not in text:  # most plain texts: no need to look further
        return None
    edn = bool(re.match(r"\s*(?:;[^\n]*\n\s*)*[{\[]\s*:", text))
    body, comments = _without_comments(text, edn)
    if "{" not in body:
        return None
    opening = _opening_comments(text, r"#|//|;")
    tokens = _tokens(body)
    if tokens is None:
        return None
    parser = _Parser(tokens, edn)
    try:
        value = parser.value() if edn else parser.members(None)
        if parser.position != len(tokens) or parser.fields < _MIN_RECORD_FIELDS:
            return None
    except (_NotRecords, IndexError, RecursionError):
        return None
    lists = _repeated_keys(value)
    return _as_lists(value, lists), opening, _after_opening(opening, comments)


def _opening_comments(text: str, markers: str) -> list[str]:
    """The words of the comment lines a file opens with (its title, its source), up to its first other line."""
    opening = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and not re.match(markers, stripped):
            break
        if stripped and (words := _comment_text(re.sub(r"^--+", "", stripped))):
            opening.append(words)
    return opening


def _after_opening(opening: list[str], comments: list[str]) -> list[str]:
    """The comments after the opening ones, which are given apart."""
    return comments[1:] if opening and comments and comments[0].split("\n") == opening else comments


def _without_comments(text: str, edn: bool) -> tuple[str, list[str]]:
    """``text`` with its comments blanked (strings left alone), and the comments' text in order."""
    comments: list[str] = []
    marker = r";[^\n]*" if edn else r"#[^\n]*|//[^\n]*|/\*.*?\*/"
    last_line = -2

    def blank(match: re.Match) -> str:
        nonlocal last_line
        if match.group("comment"):
            line = text.count("\n", 0, match.start())
            comment = _comment_text(match.group("comment"))
            if comment and comments and line == last_line + 1:
                comments[-1] += "\n" + comment  # a note over several lines is one paragraph
            elif comment:
                comments.append(comment)
            last_line = line
            return " " * len(match.group("comment"))
        return match.group()

    pattern = re.compile(rf"(?P<heredoc><<-?\s*([A-Z_][A-Z0-9_]*)\n.*?\n[ \t]*\2\b)|{_STRING}|(?P<comment>{marker})", re.S)
    return pattern.sub(blank, text), comments


def _comment_text(comment: str) -> str:
    """A comment's words without its marks and rules; a printed result table's row ("│\"Dresden\" │1959 │")
    as cells between bars."""
    text = re.sub(r"^(?:#+|//+|;+|%+|/\*+)\s*|\s*\*+/$", "", comment.strip())
    if "\n" in text:  # a block comment's lines, each after its star: " * Konfiguration der Partnerstädte-Seiten ..."
        text = "\n".join(line for line in (re.sub(r"^\s*\*(?:\s|$)", "", line).strip() for line in text.split("\n")) if line)
    if re.fullmatch(r"[-=*#~_ ─-╿]*", text):
        return ""
    if text.startswith(("│", "|")):
        return _CELL_SEPARATOR.join(cell.strip().strip('"') for cell in re.split(r"[│|]", text.strip("│| ")))
    return text.strip(" -=")


def _tokens(body: str) -> list[tuple[str, str]] | None:
    tokens = []
    position = 0
    while position < len(body):
        match = _TOKEN.match(body, position)
        kind = match.lastgroup
        if kind == "heredoc":
            heredoc = _HEREDOC.match(body, match.start())
            if heredoc is None:
                return None
            tokens.append(("string", " ".join(heredoc.group(2).split())))
            position = heredoc.end()
            continue
        if kind == "other":
            return None
        if kind == "string":
            tokens.append(("string", _unquoted(match.group())))
        elif kind != "space":
            tokens.append((kind, match.group()))
        position = match.end()
    return tokens


def _unquoted(literal: str) -> str:
    """A quoted string's text: C escapes decoded, octal byte escapes (\\303\\274) as the UTF-8 they spell."""
    inner = literal[1:-1]
    if "\\" not in inner:
        return inner
    raw = bytearray()
    simple = {"n": "\n", "t": "\t", "r": "", '"': '"', "'": "'", "\\": "\\"}
    k = 0
    while k < len(inner):
        char = inner[k]
        if char == "\\" and k + 1 < len(inner):
            octal = re.match(r"[0-7]{3}", inner[k + 1 :])
            unicode = re.match(r"u([0-9a-fA-F]{4})", inner[k + 1 :])
            if octal:
                raw.append(int(octal.group(), 8))
                k += 4
                continue
            if unicode:
                raw.extend(chr(int(unicode.group(1), 16)).encode("utf-8"))
                k += 6
                continue
            raw.extend(simple.get(inner[k + 1], inner[k + 1]).encode("utf-8"))
            k += 2
            continue
        raw.extend(char.encode("utf-8"))
        k += 1
    return raw.decode("utf-8", errors="replace")


class _Parser:
    """A recursive reader of the common shape of the three syntaxes: a record is keys with values
    ("key: value", "key = value", EDN's ":key value") and nested blocks ("key { ... }", HCL's
    ``variable "name" { ... }``); a list is values in brackets. A function call or type expression
    (HCL's ``list(object({...}))``) is read and dropped."""

    def __init__(self, tokens: list[tuple[str, str]], edn: bool):
        self.tokens = tokens
        self.position = 0
        self.edn = edn
        self.fields = 0

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.position] if self.position < len(self.tokens) else ("end", "")

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token[0] == "end":
            raise _NotRecords
        self.position += 1
        return token

    def members(self, closing: str | None) -> dict[str, object]:
        record: dict[str, object] = {}
        while True:
            kind, text = self.peek()
            if (kind == "end" and closing is None) or (kind == "punct" and text == closing):
                if closing is not None:
                    self.take()
                return record
            if kind == "punct" and text in ",;":
                self.take()
                continue
            if kind not in ("name", "string", "keyword") or (kind == "keyword") != self.edn:
                raise _NotRecords
            self.take()
            key = text.lstrip(":")
            labels = []
            while self.peek()[0] == "string" and not self.edn:
                labels.append(self.take()[1])
            follow = self.peek()
            if follow == ("punct", "{") or follow == ("punct", "<") and not self.edn:
                self.take()
                item: object = self.members("}" if follow[1] == "{" else ">")
            elif follow[0] == "punct" and follow[1] in ":=" and not self.edn:
                self.take()
                item = self.value()
            elif self.edn:
                item = self.value()
            else:
                raise _NotRecords
            if labels:  # HCL: variable "partnerstaedte" { ... } is the block named partnerstaedte,
                key = labels[-1]  # and its default value is what the name stands for
                if isinstance(item, dict) and isinstance(item.get("default"), list):
                    item[key] = item.pop("default")
            self.fields += 1
            if key in record:
                previous = record[key]
                record[key] = [*previous, item] if isinstance(previous, list) and not isinstance(item, list) else [previous, item]
            else:
                record[key] = item

    def items(self, closing: str) -> list[object]:
        items = []
        while self.peek() != ("punct", closing):
            if self.peek() == ("punct", ","):
                self.take()
                continue
            items.append(self.value())
        self.take()
        return items

    def skip_to_closing(self, opening: str) -> None:
        """Past the bracket that closes ``opening``, whose inside is no data."""
        depth = 1
        while depth:
            kind, text = self.take()
            if kind == "punct" and text in "{[(":
                depth += 1
            elif kind == "punct" and text in "}])":
                depth -= 1

    def value(self) -> object:
        kind, text = self.take()
        if kind == "tag":  # EDN's #inst "2023-10-02T...": the value it tags
            return self.value()
        if kind == "punct" and text in "{[" and not self.edn:
            # HCL allows expressions (a for comprehension, a conditional) where data stands: skipped.
            start = self.position
            try:
                return self.members("}") if text == "{" else self.items("]")
            except _NotRecords:
                self.position = start
                self.skip_to_closing(text)
                return None
        if kind == "punct" and text == "{":
            return self.members("}")
        if kind == "punct" and text in "[(":
            items = self.items("]" if text == "[" else ")")
            return None if text == "(" and not self.edn else items
        if kind == "name" and self.peek() == ("punct", "("):  # a call or a type: list(object({...}))
            self.value()
            return None
        if kind in ("string", "name"):
            return None if text in ("null", "nil") else text
        if kind == "keyword":
            return text.lstrip(":")
        if kind == "number":
            return int(text) if re.fullmatch(r"[-+]?\d+", text) else text
        raise _NotRecords


def _repeated_keys(value: object, found: set[str] | None = None) -> set[str]:
    """The keys that hold a list of records somewhere in ``value``."""
    found = set() if found is None else found
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, list) and item and all(isinstance(element, dict) for element in item):
                found.add(key)
            _repeated_keys(item, found)
    elif isinstance(value, list):
        for item in value:
            _repeated_keys(item, found)
    return found


def _as_lists(value: object, lists: set[str]) -> object:
    """``value`` with a single record under a key that elsewhere holds several made a list of one."""
    if isinstance(value, dict):
        return {key: [_as_lists(item, lists)] if key in lists and isinstance(item, dict) else _as_lists(item, lists)
                for key, item in value.items()}
    if isinstance(value, list):
        return [_as_lists(item, lists) for item in value]
    return value


# --- Cypher ------------------------------------------------------------------------------------------------

_CYPHER_CLAUSE = re.compile(r"^\s*(?:CREATE|MERGE|MATCH)\b", re.M | re.I)
_CYPHER_NODE = re.compile(r"\(\s*(\w*)\s*(?::\s*`?[\w]+`?\s*)*(\{[^{}]*\})?\s*\)")
_CYPHER_EDGE = re.compile(r"\(\s*(\w+)\s*(?::[^)]*)?\)\s*<?-\s*\[\s*\w*\s*:\s*`?(\w+)`?\s*(\{[^{}]*\})?\s*\]\s*->?\s*\(\s*(\w+)\s*(?::[^)]*)?\)")
_CYPHER_PROPERTY = re.compile(rf"(\w+)\s*:\s*({_STRING}|[-+]?\d+(?:\.\d+)?|true|false|null)")
_MIN_CYPHER_CLAUSES = 3


def cypher_as_text(text: str) -> str | None:
    """A Cypher script as what it states: its comments as lines, each relationship as a row of the two
    nodes' names, the relationship's type and its properties, in the script's order. A node is named
    where the script creates or matches it; a variable rebound by a later MATCH takes its new node.
    None if ``text`` is no Cypher script."""
    if len(_CYPHER_CLAUSE.findall(text)) < _MIN_CYPHER_CLAUSES or not _CYPHER_EDGE.search(text):
        return None
    names: dict[str, str] = {}
    lines: list[str] = []
    for line in text.split("\n"):
        code, _, comment = line.partition("//")
        if comment.strip():
            lines.append(_comment_text("//" + comment))
        for node in _CYPHER_NODE.finditer(code):
            properties = _cypher_properties(node.group(2) or "")
            label = properties.get("name") or properties.get("title") or properties.get("label")
            if node.group(1) and label:
                names[node.group(1)] = label
        for edge in _CYPHER_EDGE.finditer(code):
            source, kind, properties, target = edge.groups()
            if source in names and target in names:  # a query's pattern names no nodes
                cells = [names[source], names[target], kind]
                cells += [f"{key}: {value}" for key, value in _cypher_properties(properties or "").items()]
                lines.append(_CELL_SEPARATOR.join(cells))
    return "\n".join(line for line in lines if line) + "\n"


def _cypher_properties(literal: str) -> dict[str, str]:
    return {key: _unquoted(value) if value[:1] in "\"'" else value for key, value in _CYPHER_PROPERTY.findall(literal)}


# --- Prolog ------------------------------------------------------------------------------------------------

_PROLOG_FACT = re.compile(r"^([a-z]\w*)\((.*)\)\s*\.\s*(?:%\s*(.*))?$")
_PROLOG_ARGUMENT = re.compile(r"'((?:[^'\\]|\\.|'')*)'|\"((?:[^\"\\]|\\.)*)\"|([^,\s][^,]*)")
_MIN_PROLOG_FACTS = 5


def prolog_as_text(text: str) -> str | None:
    """A Prolog knowledge base as what it states: its comments as lines, each run of facts of one
    predicate as rows under the predicate's name ("partner" / "Kiel | Reval | 1986"), every
    identifier that a fact gives a quoted name (``stadt(tallinn, 'Reval', estland)``) replaced by that
    name; rules and directives are code. None if ``text`` holds too few facts to be a knowledge base."""
    lines = text.split("\n")
    facts = [(k, match) for k, line in enumerate(lines) if (match := _PROLOG_FACT.match(line.strip()))]
    if len(facts) < _MIN_PROLOG_FACTS or not any(line.lstrip().startswith(("%", ":-")) for line in lines):
        return None
    arguments = {k: _prolog_arguments(match.group(2)) for k, match in facts}
    display: dict[str, str] = {}
    for _, values in arguments.items():
        if len(values) >= 2 and values[0][1] == "atom" and values[1][1] == "quoted":
            display.setdefault(values[0][0], values[1][0])
    out: list[str] = []
    fact_lines = dict(facts)
    previous = None
    in_rule = False
    for k, line in enumerate(lines):
        stripped = line.strip()
        if k in fact_lines and not in_rule:
            match = fact_lines[k]
            if match.group(1) != previous:
                out.extend(["", match.group(1)])
                previous = match.group(1)
            values = arguments[k]
            if display.get(values[0][0]) == values[1][0]:  # stadt(tallinn, 'Reval', estland): the id goes
                values = values[1:]
            cells = [display.get(value, value) if kind == "atom" else value for value, kind in values]
            note = match.group(3)
            out.append(_CELL_SEPARATOR.join(cells + ([note.strip()] if note and note.strip() else [])))
            continue
        previous = None
        if not stripped:
            out.append("")
        elif stripped.startswith("%"):
            out.append(_comment_text(stripped))
            continue
        if stripped:
            in_rule = (in_rule or ":-" in stripped) and not stripped.endswith(".")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


def _prolog_arguments(source: str) -> list[tuple[str, str]]:
    """A fact's arguments as (text, "quoted" | "atom" | "number")."""
    values = []
    for match in _PROLOG_ARGUMENT.finditer(source):
        if match.group(1) is not None or match.group(2) is not None:
            values.append(((match.group(1) if match.group(1) is not None else match.group(2)).replace("''", "'"), "quoted"))
        else:
            token = match.group(3).strip()
            values.append((token, "number" if re.fullmatch(r"-?\d+", token) else "atom"))
    return values


# --- Fixed-width records described by a COBOL copybook ---------------------------------------------------------

_COPYBOOK_FIELD = re.compile(r"^\s*\d{2}\s+([A-Z0-9][A-Z0-9-]*)\s+PIC(?:TURE)?\s+([X9AS])(?:\((\d+)\)|(\2*))\s*\.?\s*$",
                             re.M | re.I)
_COBOL_COMMENT = re.compile(r"^(?: {6}|\d{6})?\*(.*?)\*?\s*$")  # a comment line (an asterisk in column 7), framed or not
_JCL_OR_RULER = re.compile(r"^(?://|\*\*\*|-{4}\+)")
_MIN_COPYBOOK_FIELDS = 2


def fixed_width_records_as_text(text: str) -> str | None:
    """A fixed-width extract and the COBOL copybook that lays out its records ("05 STADT PIC X(24).")
    as a reader with the copybook beside it takes it: the records as rows between bars under the
    fields' names, a number field of zeros ("0000", no year reported) empty; the copybook's and the
    job's comments as text; the field declarations, job control lines and column rulers dropped.
    None if ``text`` has no copybook or no record of its width."""
    fields = [(match.group(1), int(match.group(3)) if match.group(3) else 1 + len(match.group(4) or ""), match.group(2).upper())
              for match in _COPYBOOK_FIELD.finditer(text)]
    if len(fields) < _MIN_COPYBOOK_FIELDS:
        return None
    width = sum(size for _, size, _ in fields)
    last_start = width - fields[-1][1]
    out: list[str] = []
    rows = 0
    for line in text.split("\n"):
        content = line.rstrip()
        if _COPYBOOK_FIELD.match(content) or _JCL_OR_RULER.match(content.strip()) or re.match(r"\s*\d{2}\s+[A-Z0-9-]+\s*\.\s*$", content):
            continue
        comment = _COBOL_COMMENT.match(content)
        if comment:
            words = _comment_text(comment.group(1))
            if words:
                out.append(words)
            continue
        if last_start < len(content) <= width and content[:1].strip():
            cells, start = [], 0
            for _, size, picture in fields:
                cell = content[start : start + size].strip()
                cells.append("" if picture == "9" and re.fullmatch(r"0+", cell) else cell)
                start += size
            if not rows:
                out.extend(["", _CELL_SEPARATOR.join(name for name, _, _ in fields)])
            out.append(_CELL_SEPARATOR.join(cells))
            rows += 1
            continue
        out.append(content)
    if not rows:
        return None
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


# --- A dBase table listed by a viewer (dbview, dbfdump) ----------------------------------------------------

# A field of the table's structure: "   2  STADT       C      24", "SEIT N 4 0": number, name, type, width.
_DBF_FIELD = re.compile(r"^\s*(?:\d{1,3}\s+)?([A-Z_][A-Z0-9_]{0,10})\s+([CNDLMFIBY])\s+(\d{1,3})(?:\s+\d{1,2})?\s*$", re.M)
_DBF_RULE = re.compile(r"^\s*[-=]{10,}\s*$")
_DBF_MEMO_REF = re.compile(r"\[Memo\s+(\d+)\]")
_MIN_DBF_FIELDS = 3


def dbase_listing_as_text(text: str) -> str | None:
    """A dBase table as a viewer lists it (its structure, a header of field names, fixed-width records,
    the memo texts after them) as a reader takes it: the records as rows between bars under the fields'
    names, a number of zeros empty, a date "19470910" as "10.09.1947", and each record's memo in its
    cell ("[Memo 1]" replaced by "Erste Partnerschaft der ..."); the structure's field list dropped.
    None if ``text`` declares no fields or no header line names them in order."""
    fields = [(m.group(1), m.group(2)) for m in _DBF_FIELD.finditer(text)]
    if len(fields) < _MIN_DBF_FIELDS:
        return None
    names = [name for name, _ in fields]
    lines = text.split("\n")
    header = next((k for k, line in enumerate(lines) if line.split() == names), None)
    if header is None:
        return None
    types = [kind for _, kind in fields]
    first = end = header + 1
    while end < len(lines) and _DBF_RULE.match(lines[end]) and end == first:
        first = end = end + 1
    while end < len(lines) and lines[end].strip() and not _DBF_RULE.match(lines[end]):
        end += 1
    if end == first:
        return None
    starts = [match.start() for match in re.finditer(r"\S+", lines[header])]
    records = [_dbase_cells(line, starts, types) for line in lines[first:end]]
    memos: dict[str, str] = {}
    rest: list[str] = []
    number = None
    for line in lines[end:]:
        opening = _DBF_MEMO_REF.match(line.strip())
        if opening:
            number = opening.group(1)
            memos[number] = line.strip()[opening.end():].strip()
        elif number is not None and line.strip() and not _DBF_RULE.match(line):
            memos[number] += " " + line.strip()
        else:
            number = None
            if not _DBF_RULE.match(line) and not re.fullmatch(r"\s*Memo\S*(?:\s+\S+)?\s*:\s*", line):
                rest.append(line.rstrip())
    out = [line for line in lines[:header] if not _DBF_FIELD.match(line) and not _DBF_RULE.match(line)
           and not re.fullmatch(r"\s*(?:Felder|Fields|Structure|Struktur)\s*:?\s*|\s*Nr\.?\s+Name\s+Typ.*|\s*(?:Field\s+)?Name\s+Type.*", line)]
    out += ["", _CELL_SEPARATOR.join(names)]
    for cells in records:
        out.append(_CELL_SEPARATOR.join(_DBF_MEMO_REF.sub(lambda ref: memos.get(ref.group(1), ref.group()), cell) for cell in cells))
    out += [""] + rest
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


def _dbase_cells(line: str, starts: list[int], types: list[str]) -> list[str]:
    """A fixed-width record's cells: each word under the field whose name starts at most two columns after
    it (viewers indent the header and the records, and letters and numbers, a little differently)."""
    words: list[list[str]] = [[] for _ in starts]
    for word in re.finditer(r"\S+", line):
        words[max((k for k, start in enumerate(starts) if start - 2 <= word.start()), default=0)].append(word.group())
    cells = []
    for k, cell in enumerate(" ".join(parts) for parts in words):
        if types[k] in "NFIBY" and re.fullmatch(r"0+(?:\.0+)?", cell):
            cell = ""
        elif types[k] == "D" and re.fullmatch(r"(1[89]|20)\d{6}", cell):
            cell = f"{cell[6:8]}.{cell[4:6]}.{cell[:4]}"
        cells.append(cell)
    return cells


# --- Configuration languages read loosely: HOCON, Lua tables, Jsonnet, Dhall, KDL --------------------------------

# A text literal of one of these languages, its quotes dropped: HOCON's and Python's """...""", Lua's
# long [[...]], Jsonnet's ||| block, KDL's raw r#"..."#, Dhall's ''...'' over lines, and plain quotes.
_LOOSE_TEXT = re.compile(r'"""(?P<a>.*?)"""|\'\'\'(?P<b>.*?)\'\'\'|\[(?P<level>=*)\[\n(?P<c>.*?)\](?P=level)\]'
                         r'|\|\|\|[^\n]*\n(?P<d>.*?)\n[ \t]*\|\|\||r(?P<hashes>#+)"(?P<e>.*?)"(?P=hashes)|\'\'\n(?P<f>.*?)\'\'(?!\')', re.S)
_LOOSE_TOKEN = re.compile(
    r"(?P<comment>//[^\n]*|(?<![^\s,;{(\[])--(?=\s|$)[^\n]*|(?<![^\s,;{(\[])#(?=\s|!|$)[^\n]*|/\*.*?\*/|\{-.*?-\}|/-[^\n]*)"
    rf"|(?P<string>{_STRING})|(?P<subst>\$\{{[^}}\n]*\}})|(?P<number>[-+]?\d+(?:\.\d+)?\b)"
    r"|(?P<name>[A-Za-z_][\w.-]*)|(?P<punct>\+:|:{1,3}|=>|[{}\[\]()=,;<>])|(?P<newline>\n)|(?P<space>[ \t\r]+)|(?P<other>.)", re.S)
_KEY_SEPARATORS = frozenset({"=", ":", "+:", "::", ":::", "=>"})  # "=>": a PHP array's 'name' => 'Caen'
_DECLARATIONS = frozenset({"local", "let", "var", "const", "val", "export", "def"})
_NO_VALUE = frozenset({"null", "nil", "None", "none", "true", "false", "True", "False"})
_MIN_LOOSE_FIELDS = 6
# A line of a configuration's structure: a key and its separator or block, a KDL node with a property,
# a bracket, a comment. Prose has few of them; the lines of a literal text are what the rest is not.
_STRUCTURAL_LINE = re.compile(r"\s*[,{\[]?\s*(?:(?:local|let)\s+)?(?:\[?[\w.\"'-]+\]?\s*(?:=|\+?:{1,3}(?:\s*[\"'\d\[{|]|\s*$)|\s:\s+[A-Z]|\{)|[\w-]+\s+(?:\S+\s+)*[\w-]+=|"
                              r"[\]}),;]+\s*$|[{\[]\s*$|--|//|#|/\*|\{-|\|\|\||\'\'\s*$|\}|\{\s*\w+\s*[:=])")
_MIN_STRUCTURAL_SHARE = 0.5
_MAX_SKIPPED_SHARE = 0.25  # of the tokens: bare words, calls and operators passed over


class _Name(str):
    """A bare name where a value stands: a union's case ("Art.Staedtepartnerschaft"), a type ("Text"),
    a variable ("einleitung", "p.name"), or an unquoted text."""


def parse_loose_records(text: str) -> tuple[object, list[str], list[str]] | None:
    """The data of a configuration file in one of the languages that state records with braces but
    are no JSON: HOCON, a Lua data module, Jsonnet, Dhall, KDL. Read loosely: a key is a name or a
    quoted name ("land = ...", "name: ...", Lua's ``["Mainz"] = {...}``, HOCON's ``florenz { ... }``),
    a KDL node is its name, its arguments and its properties ("partner \\"Nantes\\" seit=1965"), a
    value is a text, a number, a list or a record; declarations, types, calls and operators are
    passed over. Returns (its value as lists and dicts, its opening comments, its other comments), or
    None if too little of ``text`` reads as such data to take it for a configuration."""
    if "{" not in text and "[" not in text:
        return None
    text = re.sub(r"\A\s*<\?php\b|\?>\s*\Z", "", text)  # a PHP file's opening and closing tags
    lines = [line for line in _LOOSE_TEXT.sub('""', text).split("\n") if line.strip()]  # a literal's lines are its own
    if sum(bool(_STRUCTURAL_LINE.match(line)) for line in lines) < _MIN_STRUCTURAL_SHARE * len(lines):
        return None  # prose, however many brackets it cites with
    tokens, comments = _loose_tokens(text)
    opening = _opening_comments(text, r"#|//|--|;")
    reader = _LooseReader(tokens)
    try:
        entries = reader.entries(None)
    except RecursionError:
        return None
    if reader.fields < _MIN_LOOSE_FIELDS or reader.skipped > _MAX_SKIPPED_SHARE * len(tokens):
        return None
    return _entries_value(entries), opening, _after_opening(opening, comments)


def _loose_tokens(text: str) -> tuple[list[tuple[str, object]], list[str]]:
    tokens: list[tuple[str, object]] = []
    comments: list[str] = []
    last_comment_line = -2
    position = 0
    while position < len(text):
        literal = _LOOSE_TEXT.match(text, position)
        if literal:
            inner = next(group for group in literal.group("a", "b", "c", "d", "e", "f") if group is not None)
            tokens.append(("string", _unindented(inner)))
            position = literal.end()
            continue
        match = _LOOSE_TOKEN.match(text, position)
        kind = match.lastgroup
        if kind == "comment" and match.group().startswith("/-"):
            tokens.append(("newline", "\n"))  # KDL's slashdash: the node after it is left out, no note
        elif kind == "comment":
            line = text.count("\n", 0, position)
            words = _comment_text(re.sub(r"^(?:--+|\{-)", "", match.group()).removesuffix("-}"))
            if words and comments and line == last_comment_line + 1:
                comments[-1] += "\n" + words
            elif words:
                comments.append(words)
            last_comment_line = line
        elif kind == "string":
            tokens.append(("string", _unquoted(match.group())))
        elif kind == "number":
            tokens.append(("number", int(match.group()) if re.fullmatch(r"[-+]?\d+", match.group()) else match.group()))
        elif kind not in ("space",):
            tokens.append((kind, match.group()))
        position = match.end()
    return tokens, comments


def _unindented(text: str) -> str:
    """A literal over several lines without the indent its lines share."""
    lines = text.strip("\n").split("\n")
    indent = min((len(line) - len(line.lstrip()) for line in lines if line.strip()), default=0)
    return "\n".join(line[indent:] for line in lines).strip()


class _LooseReader:
    """Entries (key or None, value) of the records in a token list; counts the fields it read and the
    tokens it passed over, by which a caller tells a configuration from prose or a program."""

    def __init__(self, tokens: list[tuple[str, object]]):
        self.tokens = tokens
        self.position = 0
        self.fields = 0
        self.skipped = 0
        self.declared: set[str] = set()

    def peek(self, ahead: int = 0) -> tuple[str, object]:
        index = self.position + ahead
        return self.tokens[index] if index < len(self.tokens) else ("end", "")

    def take(self) -> tuple[str, object]:
        token = self.peek()
        self.position += 1
        return token

    def entries(self, closing: str | None) -> list[tuple[str | None, object]]:
        entries: list[tuple[str | None, object]] = []
        while True:
            kind, text = self.peek()
            if kind == "end" or (kind == "punct" and text == closing):
                self.take()
                return entries
            if kind == "newline" or (kind == "punct" and text in ",;"):
                self.take()
                continue
            if kind == "punct" and text in "}])" and closing is not None:
                self.take()  # a bracket of another kind closes this block too: written sloppily, or not ours
                return entries
            entry = self.entry()
            if entry is not None:
                entries.append(entry)

    def entry(self) -> tuple[str | None, object] | None:
        kind, text = self.peek()
        if kind == "name" and text in _DECLARATIONS and self.peek(1)[0] == "name":
            self.take()  # "local partner = [...]", "let stadt = {...}"
            kind, text = self.peek()
            self.declared.add(str(text))
        following = self.peek(1)
        gap = 1
        while following[0] == "newline":  # Dhall's "let partner\n    : List Partner\n    = [...]"
            gap += 1
            following = self.peek(gap)
        if kind == "punct" and text == "[" and self.peek(1)[0] == "string" and self.peek(2) == ("punct", "]") \
                and self.peek(3) == ("punct", "="):
            key = self.peek(1)[1]  # Lua: ["Mainz"] = { ... }
            self.position += 4
            return self._counted(str(key), self.value())
        if kind in ("name", "string") and following[0] == "punct" and following[1] in _KEY_SEPARATORS:
            self.position += gap + 1
            value = self.value()
            while self.peek()[0] == "newline" or (isinstance(value, _Name) and self.peek()[0] == "name"):
                self.take()  # a type of more words than one: "List Partner", "Optional Natural"
            if following[1] == ":" and self.peek() == ("punct", "="):  # Dhall's "partner : List Partner = [...]"
                self.take()
                value = self.value()
            return self._counted(str(text), value)
        if kind in ("name", "string") and following == ("punct", "{"):
            self.position += gap + 1  # HOCON: florenz { ... }
            return self._counted(str(text), _entries_value(self.entries("}")))
        same_line = self.peek(1)  # a KDL node's arguments and properties follow its name on its line
        if kind == "name" and same_line[0] in ("string", "number") or (
                kind == "name" and same_line[0] == "name" and self.peek(2) == ("punct", "=")):
            return self.node()
        value = self.value()
        if isinstance(value, _Name):
            self.skipped += 1  # a bare word: a keyword, or prose
            return None
        if value is None or (isinstance(value, str) and not re.search(r"\w", value)):
            return None  # a piece of a string built in code (" (")
        return None, value

    def _counted(self, key: str, value: object) -> tuple[str, object]:
        if isinstance(value, list) and value and all(isinstance(item, list) and 1 <= len(item) <= 3 for item in value) \
                and any(len(item) > 1 for item in value):
            # Lua's partner = { { "Watford", 1956 }, { "Austin", nil } }: rows under the key's name, a
            # second column of years headed as such
            years = all(isinstance(item[1], int) and 1800 <= item[1] <= 2100 for item in value if len(item) > 1)
            value = [{key: item[0], **{("jahr" if years and k == 1 else f"wert{k}"): x for k, x in enumerate(item[1:], 1)}}
                     for item in value]
        if isinstance(value, _Name) and (value in self.declared or value[:1].islower() and "." in value):
            value = None  # a variable's name ("einleitung: einleitung", "name: p.name"): what it holds is read where it is set
        if value is not None:
            self.fields += 1
        return key, value

    def node(self) -> tuple[str, object]:
        """A KDL node: "partner \\"Nantes\\" land=\\"FR\\" seit=1965 { ... }" as a record whose first field is
        the node's name with its first argument; a node of one argument and nothing else is that value."""
        name = str(self.take()[1])
        record: dict[str, object] = {}
        arguments = []
        while True:
            kind, text = self.peek()
            if kind in ("newline", "end") or (kind == "punct" and text in ";}"):
                break
            if kind == "punct" and text == "{":
                self.take()
                for key, value in self.entries("}"):
                    if isinstance(value, dict):  # a child node with properties: a row of its kind's table, if only one
                        earlier = record.get(key or name)
                        record[key or name] = [*(earlier if isinstance(earlier, list) else [earlier] if earlier else []), value]
                    else:
                        _add(record, key or name, value)
                break
            if kind == "name" and self.peek(1) == ("punct", "="):
                self.position += 2
                record[str(text)] = self.value()
                continue
            value = self.value()
            if value is not None:
                arguments.append(value)
        self.fields += len(arguments) + len(record)
        if not record and len(arguments) == 1:
            return name, arguments[0]
        head = {name: arguments[0]} if arguments else {}
        extra = {f"{name}.{k}": value for k, value in enumerate(arguments[1:], 2)}
        return name, {**head, **extra, **record}

    def value(self) -> object:
        while self.peek()[0] == "newline":
            self.take()
        kind, text = self.take()
        if kind in ("string", "number"):
            return text
        if kind == "punct" and text in "{[":
            return _entries_value(self.entries("}" if text == "{" else "]"))
        if kind == "punct" and text in "(<":
            self.skip_to(")" if text == "(" else ">")
            return None
        if kind == "name" and text == "Some":
            return self.value()
        if kind == "name" and text == "None" and self.peek()[0] == "name":
            self.take()  # Dhall's "None Natural": no value, of that type
            return None
        if kind == "name" and self.peek() == ("punct", "("):  # a call: its arguments are no data of ours
            self.take()
            self.skip_to(")")
            return None
        if kind == "name":
            if text in _NO_VALUE or text in ("function", "if", "then", "else", "in", "return"):
                self.skipped += 1
                return None
            return _Name(str(text).rsplit(".", 1)[-1] if "." in str(text) and str(text)[:1].isupper() else text)
        self.skipped += 1
        return None

    def skip_to(self, closing: str) -> None:
        opening = {")": "(", ">": "<"}[closing]
        depth = 1
        while depth and self.peek()[0] != "end":
            kind, text = self.take()
            self.skipped += 1
            if kind == "punct" and text == opening:
                depth += 1
            elif kind == "punct" and text == closing:
                depth -= 1


def _add(record: dict[str, object], key: str, value: object) -> None:
    if value is None:
        return
    if key in record:
        previous = record[key]
        record[key] = [*previous, value] if isinstance(previous, list) and isinstance(value, dict) else [previous, value]
    else:
        record[key] = value


def _entries_value(entries: list[tuple[str | None, object]]) -> object:
    """A block's entries as a list (no keys: Lua's { "Watford", 1956 }, a list's items) or a record; a
    record's records of one shape under names ("florenz { ... }", ["Mainz"] = { ... }) as a list of
    records, each with its name as its first field, so that the name stays with what is said of it."""
    if all(key is None for key, _ in entries):
        return [value for _, value in entries if value is not None]
    if any(isinstance(value, _Name) for _, value in entries) and all(value is None or isinstance(value, _Name) for _, value in entries):
        return None  # a record type (Dhall's "{ name : Text, seit : Optional Natural }"): no data
    record: dict[str, object] = {}
    for key, value in entries:
        _add(record, key if key is not None else "wert", value)
    named = [key for key, value in record.items() if isinstance(value, dict) and sum(
        1 for other in record.values() if isinstance(other, dict) and other is not value and len(set(other) & set(value)) >= 2)]
    if len(named) >= 2:
        records = [{"name": key[:1].upper() + key[1:], **record.pop(key)} for key in named]
        record["eintraege"] = records
    return record


# --- PostScript ------------------------------------------------------------------------------------------------

_PS_OPERATOR = re.compile(r"[A-Za-z]+")
_PS_SHOW = frozenset({"show", "ashow", "widthshow", "awidthshow", "xshow", "yshow", "xyshow", "kshow", "glyphshow"})
_PS_ESCAPES = {"n": b"\n", "r": b"", "t": b"\t", "b": b"", "f": b"", "\\": b"\\", "(": b"(", ")": b")"}


def postscript_as_text(text: str) -> str | None:
    """A PostScript page description (a printed flyer) as the text it shows: each string a show
    operator paints, in the order painted; a moveto starts a line, a change of font (a heading, a
    footnote) a paragraph, a showpage a page. Octal escapes are the bytes of a Latin-1/Windows code
    page ("St\\344dte" is "Städte", "\\226" an en dash). None if ``text`` is no PostScript."""
    if not text.startswith("%!PS"):
        return None
    paragraphs: list[list[str]] = [[]]
    line = ""
    pending = ""
    position = 0

    def end_line() -> None:
        nonlocal line
        if line.strip():
            paragraphs[-1].append(" ".join(line.split()))
        line = ""

    while position < len(text):
        char = text[position]
        if char == "%":  # a comment (the document structuring comments among them) runs to the line's end
            end = text.find("\n", position)
            position = len(text) if end == -1 else end
            continue
        if char == "(":
            pending, position = _ps_string(text, position)
            continue
        operator = _PS_OPERATOR.match(text, position)
        if operator is None:
            position += 1
            continue
        name = operator.group()
        position = operator.end()
        if name in _PS_SHOW and pending:
            line += pending
            pending = ""
        elif name in ("moveto", "rmoveto"):
            end_line()
        elif name in ("setfont", "selectfont", "showpage"):
            end_line()
            if paragraphs[-1]:
                paragraphs.append([])
    end_line()
    return "\n\n".join("\n".join(lines) for lines in paragraphs if lines) + "\n"


def _ps_string(text: str, start: int) -> tuple[str, int]:
    """The PostScript string literal that opens at ``start`` (balanced parentheses, escapes decoded as
    Windows-1252), and the position after it."""
    raw = bytearray()
    depth = 0
    position = start
    while position < len(text):
        char = text[position]
        if char == "\\" and position + 1 < len(text):
            following = text[position + 1]
            octal = re.match(r"[0-7]{1,3}", text[position + 1 : position + 4])
            if octal:
                raw.append(int(octal.group(), 8) & 0xFF)
                position += 1 + len(octal.group())
                continue
            if following == "\n":
                position += 2  # a line continued
                continue
            raw.extend(_PS_ESCAPES.get(following, following.encode("utf-8")))
            position += 2
            continue
        if char == "(":
            depth += 1
            if depth == 1:
                position += 1
                continue
        elif char == ")":
            depth -= 1
            if depth == 0:
                return raw.decode("cp1252", errors="replace"), position + 1
        raw.extend(char.encode("utf-8"))
        position += 1
    return raw.decode("cp1252", errors="replace"), position


# --- Mathematica notebooks ----------------------------------------------------------------------------------------

_NOTEBOOK_START = re.compile(r"\A\s*(?:\(\*.*?\*\)\s*)*Notebook\[\{", re.S)
_NOTEBOOK_CELL = re.compile(r'Cell\[\s*"((?:[^"\\]|\\.)*)"\s*,\s*"(\w+)"', re.S)
_NOTEBOOK_CODE_STYLES = frozenset({"Input", "Code", "Output", "Program", "ExternalLanguage"})
_NAMED_CHARACTER = re.compile(r"\\\[(\w+)\]")
_NAMED_MARKS = {"DoubleDot": "DIAERESIS", "Acute": "ACUTE", "Grave": "GRAVE", "Hat": "CIRCUMFLEX", "Tilde": "TILDE",
                "Cedilla": "CEDILLA", "Ring": "RING ABOVE", "Hacek": "CARON", "Bar": "MACRON", "Breve": "BREVE",
                "Slash": "STROKE", "DoubleAcute": "DOUBLE ACUTE", "Dot": "DOT ABOVE"}
_NAMED_SIGNS = {"SZ": "ß", "Dash": "–", "LongDash": "—", "OpenCurlyDoubleQuote": "“", "CloseCurlyDoubleQuote": "”",
                "OpenCurlyQuote": "‘", "CloseCurlyQuote": "’", "Ellipsis": "…", "NonBreakingSpace": " ", "Euro": "€",
                "Degree": "°", "Hyphen": "-", "Bullet": "•", "RightArrow": "→", "Section": "§", "LeftGuillemet": "«",
                "RightGuillemet": "»", "Times": "×"}
_ASSOCIATION = re.compile(r'(?:Association\[|<\|)((?:"(?:[^"\\]|\\.)*"|\[[^\[\]]*\]|[^\[\]"|])*)(?:\]|\|>)')
_RULE = re.compile(r'"((?:[^"\\]|\\.)*)"\s*->\s*("(?:[^"\\]|\\.)*"|Missing\[[^\]]*\]|[-\w.]+)')


def mathematica_notebook_as_text(text: str) -> str | None:
    """A Mathematica notebook as its reader sees it: each text cell (title, section, text, item) a
    paragraph, its named characters as the letters they stand for ("Saarbr\\[UDoubleDot]cken" is
    "Saarbrücken"), and the records its code states as associations (``Association["Stadt" ->
    "Saarlouis", "Partner" -> "Saint-Nazaire", "Jahr" -> 1969]``) as a table; other code and output is
    read by no one. None if ``text`` is no notebook."""
    if not _NOTEBOOK_START.match(text):
        return None
    blocks: list[str] = []
    for cell in _NOTEBOOK_CELL.finditer(text):
        content = _notebook_string(cell.group(1))
        if cell.group(2) not in _NOTEBOOK_CODE_STYLES:
            blocks.append(" ".join(content.split()))
            continue
        records = [dict((_notebook_string(key), _notebook_string(value.strip('"')) if value.startswith('"') else
                         "" if value.startswith("Missing") else value) for key, value in _RULE.findall(body))
                   for body in _ASSOCIATION.findall(content)]
        records = [record for record in records if len(record) >= 2]
        if len(records) >= 2:
            columns = list(dict.fromkeys(key for record in records for key in record))
            blocks.append("\n".join([_CELL_SEPARATOR.join(columns),
                                     *(_CELL_SEPARATOR.join(record.get(column, "") for column in columns) for record in records)]))
    return "\n\n".join(block for block in blocks if block) + "\n" if blocks else None


def _notebook_string(literal: str) -> str:
    """A notebook string's text: escaped quotes and backslashes undone, named characters as letters."""
    literal = re.sub(r'\\(["\\])', r"\1", literal)
    literal = re.sub(r"\\:([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), literal)
    return _NAMED_CHARACTER.sub(_named_character, literal)


def _named_character(match: re.Match) -> str:
    name = match.group(1)
    if name in _NAMED_SIGNS:
        return _NAMED_SIGNS[name]
    letter = re.fullmatch(r"(Capital)?([A-Z])(" + "|".join(sorted(_NAMED_MARKS, key=len, reverse=True)) + ")", name)
    if letter:
        try:
            return unicodedata.lookup(f"LATIN {'CAPITAL' if letter.group(1) else 'SMALL'} LETTER {letter.group(2)} "
                                      f"WITH {_NAMED_MARKS[letter.group(3)]}")
        except KeyError:
            pass
    return match.group(0)


# --- Build files: Makefiles and Dockerfiles -------------------------------------------------------------------

_DOCKER_INSTRUCTION = re.compile(r"^(?:FROM|RUN|LABEL|ENV|COPY|ADD|WORKDIR|CMD|ENTRYPOINT|EXPOSE|ARG|USER|VOLUME|HEALTHCHECK|SHELL|ONBUILD|STOPSIGNAL)\s")
_MAKE_RULE = re.compile(r"^(?:\.PHONY|[\w.$()%/-]+(?:[ \t]+[\w.$()%/-]+)*)[ \t]*::?(?!=)(?:[ \t]|$)")
_MAKE_VARIABLE = re.compile(r"^[A-Za-z_][\w.]*[ \t]*(?::{1,3}=|\?=|\+=|!=|=)")
_ECHOED = re.compile(r"""\b(?:echo|printf)\s+(?:-[neE]+\s+)?(?:"((?:[^"\\]|\\.)*)"|'([^']*)')""")
_LABEL_VALUE = re.compile(r"""\b[\w.-]*(?:description|title|summary)[\w.-]*\s*=\s*"((?:[^"\\]|\\.)*)\"""", re.I)
_MIN_BUILD_STEPS = 3


def build_file_as_text(text: str) -> str | None:
    """A Makefile or a Dockerfile as what it says to people: its comments as the lines they hold, the
    messages its recipes echo ("Kołobrzeg: Partnerschaft seit 1994") and an image's description label
    as lines of text; targets, variables, commands and the other instructions are read by no one.
    Lines of neither kind (a compose file printed after the Dockerfile) stay as they are. None unless
    ``text`` has at least three Docker instructions (one a FROM) or three make rules with recipes."""
    lines = text.split("\n")
    docker = sum(bool(_DOCKER_INSTRUCTION.match(line)) for line in lines) >= _MIN_BUILD_STEPS and any(
        line.startswith("FROM ") for line in lines)
    make = sum(bool(_MAKE_RULE.match(line)) and k + 1 < len(lines) and lines[k + 1].startswith("\t")
               for k, line in enumerate(lines)) >= _MIN_BUILD_STEPS
    if not docker and not make:
        return None
    out: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        statement = line
        while statement.rstrip().endswith("\\") and k + 1 < len(lines):  # an instruction continued over lines
            k += 1
            statement = statement.rstrip()[:-1] + " " + lines[k].strip()
        k += 1
        stripped = statement.strip()
        if stripped.startswith("#"):
            words = stripped.lstrip("#").strip()
            out.append("" if not words or re.fullmatch(r"[=\-*# ]+", words) else words)
            continue
        instruction = (docker and _DOCKER_INSTRUCTION.match(statement)) or (make and (
            statement.startswith("\t") or _MAKE_RULE.match(statement) or _MAKE_VARIABLE.match(statement)))
        if not instruction:
            out.append(line)
            continue
        told = [m.group(1) if m.group(1) is not None else m.group(2) for m in _ECHOED.finditer(statement)]
        told += _LABEL_VALUE.findall(statement) if statement.startswith("LABEL") else []
        said = [" ".join(re.sub(r"\$\((?:[^()]|\([^()]*\))*\)|\$\{[^}]*\}", "", words.replace('\\"', '"')).split()) for words in told]
        if any(said):
            out += ["", *[words for words in said if words], ""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


# --- Fluent translation files -------------------------------------------------------------------------------------

_FLUENT_ENTRY = re.compile(r"^(-?[A-Za-z][\w-]*)[ \t]*=[ \t]?(.*)$")
_FLUENT_TERM_REFERENCE = re.compile(r"\{\s*(-[A-Za-z][\w-]*)(?:\.[\w-]+)?\s*\}")
_FLUENT_PLACEABLE = re.compile(r"\{\s*\$[\w-]+\s*\}")
_FLUENT_SELECT = re.compile(r"\{\s*\$[\w-]+\s*->\s*(.*?)\n\s*\}", re.S)
_MIN_FLUENT_ENTRIES = 4


def fluent_as_text(text: str) -> str | None:
    """A Fluent translation file (.ftl) as the page it translates: its comments and each message as
    a paragraph, a term's reference as the term ("Der { -kreis-name } unterhält ..." is "Der Landkreis
    Hersfeld-Rotenburg unterhält ..."), a select expression as its default variant, and a variable as
    "…". Terms themselves and message ids are read by no one. None unless ``text`` has at least four
    entries and refers to a term or a variable."""
    lines = text.split("\n")
    entries: list[tuple[str, list[str]]] = []
    out: list[tuple[str, str]] = []  # ("comment" | message id, text) in the file's order
    for line in lines:
        entry = _FLUENT_ENTRY.match(line)
        if entry:
            entries.append((entry.group(1), [entry.group(2)]))
            out.append((entry.group(1), ""))
        elif line.startswith("#"):
            out.append(("#", line.lstrip("#").strip()))
            entries.append(("#", []))
        elif line[:1] in (" ", "\t") and entries and entries[-1][0] != "#":
            entries[-1][1].append(line.strip())
        elif line.strip():
            return None  # a line Fluent would not read
    messages = [(name, body) for name, body in entries if name != "#"]
    if len(messages) < _MIN_FLUENT_ENTRIES or not re.search(r"\{\s*[-$]", text):
        return None
    values = {name: "\n".join(body).strip() for name, body in messages}

    def rendered(value: str, depth: int = 0) -> str:
        value = _FLUENT_SELECT.sub(lambda m: next(iter(re.findall(r"\*\[[^\]]*\]\s*(.*)", m.group(1))), ""), value)
        if depth < 5:
            value = _FLUENT_TERM_REFERENCE.sub(lambda m: rendered(values.get(m.group(1), ""), depth + 1), value)
        return " ".join(_FLUENT_PLACEABLE.sub("…", value).split())

    blocks: list[str] = []
    previous = ""
    for name, words in out:
        if name == "#":
            if words and previous == "#" and blocks:
                blocks[-1] += "\n" + words  # a comment over several lines is one
            elif words:
                blocks.append(words)
        elif not name.startswith("-") and (message := rendered(values[name])):
            blocks.append(message)
        previous = name
    return "\n\n".join(blocks) + "\n"


# --- Smalltalk file-outs (Pharo, Squeak) -----------------------------------------------------------------------

_CHUNK_HEADER = re.compile(r"^[A-Z]\w*(?: class)? (?:methodsFor: '([^']*)'|commentStamp:)")
_SMALLTALK_TOKEN = re.compile(r"\"((?:[^\"]|\"\")*)\"|'((?:[^']|'')*)'|(#\()|(\()|(\))|(#?[A-Za-z][\w:]*)|(-?\d+(?:\.\d+)?)|(\s+)|(.)", re.S)
_MIN_SMALLTALK_CHUNKS = 3


# --- Delphi and Lazarus forms ------------------------------------------------------------------------------------

_FORM_OBJECT = re.compile(r"\A\s*(?:object|inherited|inline)\s+\w+\s*:\s*T\w+\s*$", re.M)
# A form's text: a property set to a string ("Caption = 'Unsere Partnerst'#228'dte'"), or a list's lines in brackets.
_FORM_TEXT_PROPERTY = re.compile(r"^[ \t]*(?:Caption|Text|Hint|Title|Lines\.Strings|Items\.Strings|TextHint)\s*=\s*(\((?:[^)']|'(?:[^']|'')*')*\)|(?:'(?:[^']|'')*'|#\d+|\+|\s)+)", re.M)
_FORM_STRING_PART = re.compile(r"'((?:[^']|'')*)'|#(\d+)")


def delphi_form_as_text(text: str) -> str | None:
    """A Delphi or Lazarus form file (.dfm, .lfm, as text) as the texts it shows: each caption on a
    line, a memo's lines as the paragraphs they make, a string's character codes ("Partnerst'#228'dte")
    as the letters they stand for. Positions, sizes, fonts and events are the form's, not its words.
    None unless ``text`` opens with "object Form1: TForm1"."""
    if not _FORM_OBJECT.match(text):
        return None
    blocks = []
    for match in _FORM_TEXT_PROPERTY.finditer(text):
        value = match.group(1).strip()
        if value.startswith("("):  # one string per line of the memo, an empty one between paragraphs
            lines = [_form_string(line) for line in re.findall(r"(?:'(?:[^']|'')*'|#\d+)+", value)]
            paragraphs = [" ".join(part) for empty, part in itertools.groupby(lines, key=lambda line: not line.strip()) if not empty]
            blocks.extend(paragraphs)
        elif (string := _form_string(value)).strip():
            blocks.append(string)
    return "\n\n".join(blocks) + "\n" if blocks else None


def _form_string(literal: str) -> str:
    """A form's string: its quoted runs ('' a quote) and its character codes (#228 "ä"; a code no
    character has is left out)."""
    return "".join(part.replace("''", "'") if code is None else chr(int(code)) if int(code) <= sys.maxunicode else ""
                   for part, code in (m.groups() for m in _FORM_STRING_PART.finditer(literal)))


def smalltalk_file_out_as_text(text: str) -> str | None:
    """A Smalltalk file-out (the chunk format Pharo and Squeak write: chunks ended by "!", a method
    category's header between bangs) as what a reader of its source takes from it: a class comment
    as a paragraph, and per method category its methods' comments followed by the literal arrays
    they answer (``#('Potsdam' 'Opole' 1973 #partnerschaft)``) as the rows of one table, nil an
    empty cell. Selectors, class definitions and the code around the arrays are read by no one.
    None unless at least three chunks open a method category or a class comment."""
    chunks = [chunk.replace("\0", "!") for chunk in text.replace("!!", "\0").split("!")]
    if sum(bool(_CHUNK_HEADER.match(chunk.strip())) for chunk in chunks) < _MIN_SMALLTALK_CHUNKS:
        return None
    blocks: list[str] = []
    reading = ""  # "comment" after a class comment's header, "methods" inside a method category
    category: str | None = None  # the last method category: its next header goes on with its table
    comments: list[str] = []
    rows: list[str] = []
    for chunk in chunks:
        stripped = chunk.strip()
        header = _CHUNK_HEADER.match(stripped)
        if header:
            if header.group(1) is None or header.group(1) != category:
                blocks.append("\n\n".join(filter(None, ["\n".join(comments), "\n".join(rows)])))
                comments, rows = [], []
            category = header.group(1)
            reading = "methods" if category is not None else "comment"
        elif reading == "comment":
            blocks.append(" ".join(stripped.replace("''", "'").split()))
            reading = ""
        elif reading == "methods" and stripped:
            method_comments, method_rows = _method_text(stripped.split("\n", 1)[1] if "\n" in stripped else "")
            comments += method_comments
            rows += method_rows
        elif not stripped:
            reading = ""  # an empty chunk closes a method category
    blocks.append("\n\n".join(filter(None, ["\n".join(comments), "\n".join(rows)])))
    return "\n\n".join(block for block in blocks if block) + "\n"


def _method_text(body: str) -> tuple[list[str], list[str]]:
    """A method body's comments, one line each, and the rows of the literal arrays it states."""
    comments: list[str] = []
    rows: list[str] = []
    stack: list[list[str]] = []  # the literal arrays open at this point, innermost last
    for match in _SMALLTALK_TOKEN.finditer(body):
        comment, string, array_open, paren_open, paren_close, word, number = match.groups()[:7]
        if comment is not None:
            comments.append(" ".join(comment.replace('""', '"').split()))
        elif array_open or (paren_open and stack):
            stack.append([])
        elif paren_close and stack:
            cells = stack.pop()
            if cells:
                rows.append(_CELL_SEPARATOR.join(cells))
        elif stack and string is not None:
            stack[-1].append(string.replace("''", "'"))
        elif stack and (word or number):
            value = word or number
            stack[-1].append("" if value == "nil" else value.lstrip("#"))
    return comments, rows


# --- SAP IDoc flat files ----------------------------------------------------------------------------------------

_IDOC_SEGMENT = re.compile(r"^([EZ][12][A-Z0-9_]{2,27})\s*(\d{28,})(.*)$")  # a qualifier's digits go with the numbers
# A segment's code field: "AG", "EUR", "Z001DE", "ORDERS05", "1.00000", "*"; no words.
_IDOC_CODE = re.compile(r"[\dA-Z_.,*/:-]{1,16}")
_MIN_IDOC_SEGMENTS = 3


def idoc_as_text(text: str) -> str | None:
    """An SAP IDoc in its flat-file form (an EDI_DC40 control record, then one segment per line: the
    segment's name in 30 columns, its control numbers, its data in fixed columns) as what a clerk reads
    in it: a text segment's lines (E1EDKT2's TDLINE, wrapped at 70 columns) as the lines they are, its
    format column left out; another segment's fields with words in them on one line, comma-separated
    ("Freie und Hansestadt Hamburg, Senatskanzlei / Protokoll, Rathausmarkt 1, Hamburg"). Codes,
    amounts and dates in their SAP forms are read by no one. None unless ``text`` opens with EDI_DC40."""
    if not text.lstrip().startswith("EDI_DC40"):
        return None
    out: list[str] = []
    segments, previous_text = 0, None
    for line in text.split("\n")[1:]:
        segment = _IDOC_SEGMENT.match(line.rstrip())
        if segment is None:
            if line.strip():
                out.append(line.rstrip())
            continue
        segments += 1
        data = segment.group(3)
        is_text = re.search(r"T2\d*$|TXT|TEXT", segment.group(1)) is not None
        if is_text:
            line_text = re.sub(r"\s*\*?\s*$", "", data)
            if previous_text is False:
                out.append("")
            if line_text.strip():
                out.append(line_text)
        else:
            fields = [field for field in re.split(r"\s{2,}", data.strip()) if field and not _IDOC_CODE.fullmatch(field)]
            if fields:
                out.extend(["", ", ".join(fields)])
        previous_text = is_text
    if segments < _MIN_IDOC_SEGMENTS:
        return None
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


# --- Fortran namelists ---------------------------------------------------------------------------------------

_NAMELIST_GROUP = re.compile(r"^[ \t]*[&$](\w+)[ \t]*\n(.*?)^[ \t]*(?:/|[&$]end)[ \t]*$", re.M | re.S | re.I)
_NAMELIST_ASSIGNMENT = re.compile(r"^[ \t]*(\w+(?:\([\d,: ]*\))?)[ \t]*=[ \t]*(.*?)[ \t]*,?[ \t]*(?:!.*)?$")
_MIN_NAMELIST_GROUPS = 2


def fortran_namelist_as_text(text: str) -> str | None:
    """A Fortran namelist file (groups "&partner_list" ... "/" of "key = value" lines, "!" comments) as its
    reader takes it: the comments outside the groups as paragraphs; groups of one name as the rows of a
    table under their keys, a group's comments its row's remark ("Bemerkung"); strings without their
    quotes, logicals and numbers as written. None unless ``text`` holds two groups or more."""
    groups = list(_NAMELIST_GROUP.finditer(text))
    if len(groups) < _MIN_NAMELIST_GROUPS:
        return None
    blocks: list[str] = []
    position = 0
    for _, run in itertools.groupby(groups, key=lambda group: group.group(1).casefold()):
        run = list(run)
        blocks.append(_namelist_comments(text[position : run[0].start()]))
        rows = []
        for group in run:
            record: dict[str, str] = {}
            remarks = []
            for line in group.group(2).split("\n"):
                if line.strip().startswith("!"):
                    remarks.append(line.strip().lstrip("!").strip())
                elif assignment := _NAMELIST_ASSIGNMENT.match(line):
                    record[assignment.group(1)] = assignment.group(2).strip().strip("'\"").replace("|", "/")
            if remarks:
                record["Bemerkung"] = " ".join(remark for remark in remarks if remark)
            rows.append(record)
        columns = list(dict.fromkeys(key for record in rows for key in record))
        blocks.append("\n".join(_CELL_SEPARATOR.join(row) for row in [columns, *([record.get(column, "") for column in columns] for record in rows)]))
        position = run[-1].end()
    blocks.append(_namelist_comments(text[position:]))
    return "\n\n".join(block for block in blocks if block.strip()) + "\n"


def _namelist_comments(text: str) -> str:
    """Comment lines outside a namelist's groups as paragraphs: rules of "=" dropped, blank comments parting them."""
    lines = [line.strip().lstrip("!").strip() for line in text.split("\n") if line.strip().startswith("!")]
    paragraphs = [" ".join(part) for empty, part in itertools.groupby(lines, key=lambda line: not line or set(line) <= set("=-*"))
                  if not empty]
    return "\n\n".join(paragraphs)


# --- Source code: its comments, its prose strings and its literal records ---------------------------------------

# A line of code, not of prose: it ends in a bracket, a separator or an arrow, or opens with a declaration.
_CODE_LINE = re.compile(r".*(?:[{}()\[\];,=]|->|=>)\s*$|\s*(?:package|import|use|fn|fun|func|pub|let|val|var|const|final|struct|class|"
                        r"enum|interface|type|data|module|namespace|service|impl|mod|return|if|for|match|def|defmodule|end)\b")
_COMMENT_OPENER = re.compile(r"^\s*(?://|/\*|\(\*)", re.M)
_MIN_CODE_LINES = 5
_MIN_PROSE_STRING_WORDS = 5


def source_code_as_text(text: str) -> list[tuple[str, object]] | None:
    """The blocks a reader takes from a program's source (Kotlin, Rust, Dart, Thrift, OCaml, Java, Swift, …),
    in their order, or None if ``text`` is no such source: ("comment", lines) for each comment, its markers
    gone; ("table", (header, rows)) for each run of literal records ("Partnerstadt(\\"Rennes\\", \\"FR\\", 1964)",
    "{ stadt = \\"Oxford\\"; seit = Some 1947 }"), a row of their values each; ("string", text) for each string
    literal of prose (a widget's text, a heredoc). Keywords, types and calls are nobody's reading."""
    if not _COMMENT_OPENER.search(text):
        return None
    try:
        pieces = _source_pieces(text)
    except ValueError:  # an unclosed comment or string: no program this reader knows
        return None
    code = "".join(piece if kind == "code" else " " * len(piece) if kind == "comment" else '""' for kind, piece, _ in pieces)
    code_lines = [line for line in code.split("\n") if line.strip()]
    if len(code_lines) < _MIN_CODE_LINES or sum(bool(_CODE_LINE.match(line)) for line in code_lines) < 0.6 * len(code_lines):
        return None
    if not any(kind == "comment" for kind, _, _ in pieces):
        return None
    blocks: list[tuple[int, str, object]] = []
    for kind, piece, start in pieces:
        if kind == "comment" and (lines := _source_comment_lines(piece)):
            blocks.append((start, "comment", lines))
    records, in_records = _literal_records(pieces)
    for start, header, rows in records:
        blocks.append((start, "table", (header, rows)))
    for kind, piece, start in pieces:
        if kind == "string" and start not in in_records:
            value = _source_string(piece)
            if len(value.split()) >= _MIN_PROSE_STRING_WORDS and len(re.findall(r"\b[a-zäöüß]{2,}\b", value)) >= 2:
                blocks.append((start, "string", value))
    blocks.sort(key=lambda block: block[0])
    return [(kind, value) for _, kind, value in blocks] or None


def _source_pieces(text: str) -> list[tuple[str, str, int]]:
    """``text`` cut into ("code" | "comment" | "string", piece, start); adjacent comment lines ("// …" under
    "// …") are one comment, as are adjacent string literals ("'Seit 1966 ist …' 'Jedes Jahr …'")."""
    pieces: list[tuple[str, str, int]] = []
    k, code_start, n = 0, 0, len(text)

    def add(kind: str, start: int, end: int) -> None:
        previous = pieces[-1] if pieces else None
        if previous and previous[0] == kind and not text[code_start:start].strip() and (
                kind == "string" or text[start:end].startswith("//") and text.count("\n", code_start, start) == 1):
            pieces[-1] = (kind, previous[1] + text[code_start:end], previous[2])  # one comment, one string
            return
        if code_start < start:
            pieces.append(("code", text[code_start:start], code_start))
        pieces.append((kind, text[start:end], start))

    while k < n:
        two = text[k : k + 2]
        if two == "//" and (k == 0 or text[k - 1] != ":"):  # not a URL's "https://"
            end = text.find("\n", k)
            end = n if end < 0 else end
            add("comment", k, end)
        elif two in ("/*", "(*") and not (two == "(*" and text[k + 2 : k + 3] == ")"):  # OCaml's "( * )" operator aside
            closer = "*/" if two == "/*" else "*)"
            end = text.find(closer, k + 2)
            if end < 0:
                raise ValueError("unclosed comment")
            end += 2
            add("comment", k, end)
        elif text.startswith(('"""', "'''"), k):
            end = text.find(text[k : k + 3], k + 3)
            if end < 0:
                raise ValueError("unclosed string")
            end += 3
            add("string", k, end)
        elif text[k] == '"' or (text[k] == "'" and (k == 0 or not (text[k - 1].isalnum() or text[k - 1] in "&<_"))):
            quote, j = text[k], k + 1
            while j < n and text[j] != quote and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            if j >= n or text[j] != quote:
                k += 1  # a lone quote (a lifetime, a type variable, an apostrophe): code
                continue
            end = j + 1
            add("string", k, end)
        else:
            k += 1
            continue
        k = code_start = end
    if code_start < n:
        pieces.append(("code", text[code_start:], code_start))
    return pieces


def _source_comment_lines(comment: str) -> list[str]:
    """A comment's lines without its markers ("/**", " * ", "///", "//!", "(*"), its code samples (between
    ``` fences, or after "@example") left out, its doc tags ("@see", "@param") too."""
    lines, fenced = [], False
    block = not comment.startswith("//")
    for line in comment.split("\n"):
        line = re.sub(r"^\s*(?:/\*+[!<]?|\(\*+|//[/!]?<?)\s?", "", line)  # Doxygen's member doc "///< Anzeigename" too
        if block:  # a block comment's margin of stars: " * Erlangen unterhält …"
            line = re.sub(r"\s*(?:\*+/|\*+\))\s*$", "", line)
            line = re.sub(r"^\s*\*(?:\s|$)", "", line)
        if line.strip().startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            continue
        tag = re.match(r"\s*[@\\](\w+)\s*", line)
        if tag and tag.group(1) not in ("brief", "details", "note", "remark", "remarks", "summary", "description"):
            continue  # "@see", "@param", "@author": the program's bookkeeping; a brief and its details are text
        line = line[tag.end():] if tag else line
        lines.append(line.rstrip())
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines if any(re.search(r"[^\W\d_]{2,}", line) for line in lines) else []


def _source_string(literal: str) -> str:
    """A string literal's text: its quotes and escapes gone, adjacent literals joined, a heredoc's indent removed."""
    parts = [m.group(2) for m in re.finditer(r"('''|\"\"\"|\"|')(.*?)\1", literal, re.S)]
    text = " ".join(_unindented_block(part) if "\n" in part else part for part in parts)
    text = re.sub(r"\\([\"'\\])", r"\1", text).replace("\\n", "\n")
    return re.sub(r"[ \t]+", " ", text).strip()


def _unindented_block(text: str) -> str:
    lines = [line.strip() for line in text.strip("\n").split("\n")]
    return "\n".join(lines)


_VALUE_TOKEN = re.compile(r"""(?P<string>\x00(?P<index>\d+)\x00)|(?P<number>-?\d+(?:\.\d+)?)\b|(?P<name>[A-Za-z_][\w]*(?:(?:\.|::)[A-Za-z_]\w*)*)|(?P<open>[(\[{])|(?P<close>[)\]}])|(?P<sep>[,;])|(?P<assign>=>|->|:=|=|:)|(?P<other>\S)""")
_NULLS = frozenset({"None", "null", "nil", "Nothing", "undefined", "NULL", "none"})


def _literal_records(pieces: list[tuple[str, str, int]]) -> tuple[list[tuple[int, list[str] | None, list[list[str]]]], set[int]]:
    """Runs of literal records in the code: (start, header or None, rows), and the starts of the strings
    they hold. A record is a bracketed group of two or more fields with literal values (strings, numbers,
    an enum's "Art.PARTNERSCHAFT"), none of them a record itself; its field names, where it names them
    ("stadt = …", "'name': …"), make the header."""
    strings = [(piece, start) for kind, piece, start in pieces if kind == "string"]
    parts, offsets = [], []  # each piece's start in the code read here, and in the text
    position = 0
    for kind, piece, start in pieces:
        part = piece if kind == "code" else " " if kind == "comment" else f"\x00{len([1 for p in parts if p.startswith(chr(0))])}\x00"
        parts.append(part)
        offsets.append((position, start))
        position += len(part)
    code = "".join(parts)

    def text_offset(code_offset: int) -> int:
        at, start = offsets[bisect.bisect_right(offsets, (code_offset, sys.maxsize)) - 1]
        return start + code_offset - at
    stack: list[dict] = [{"fields": [[]], "records": [], "start": 0, "opener": ""}]
    runs: list[tuple[int, list[str] | None, list[list[str]]]] = []
    used: set[int] = set()
    for token in _VALUE_TOKEN.finditer(code):
        kind = token.lastgroup if token.lastgroup != "index" else "string"
        top = stack[-1]
        if kind == "open":
            stack.append({"fields": [[]], "records": [], "start": text_offset(token.start()), "opener": token.group()})
        elif kind == "close" and len(stack) > 1:
            group = stack.pop()
            parent = stack[-1]
            fields = [_field_value(field, strings) for field in group["fields"] if field]
            valued = [(name, value) for name, value, literal in fields if literal]
            named = [name for name, _, _ in fields if name]
            if group["records"] or len(valued) < 2 or not any(re.search(r"[^\W\d_]{2,}", value) for _, value in valued) or (
                    0 < len(named) < len(fields)) or any(re.search(r"\.|::", name) for name in named):
                # a call's arguments, some named ("Text('…', style: …)"), are no record, nor a match's arms ("Art::X => …")
                had_records = bool(group["records"])
                _close_run(group, runs)
                # a group that is no record hands its one literal up ("Some(1988)", "EdgeInsets.all(16)")
                tokens = [t for f in group["fields"] for t in f]
                if not had_records and group["opener"] == "(" and sum(t[0] in ("string", "number") for t in tokens) == 1 and not any(
                        t[0] == "child" for t in tokens):  # not an index's "p['name']"
                    parent["fields"][-1].extend(tokens)
                else:
                    parent["fields"][-1].append(("child", None))
            else:
                parent["records"].append(({name: value for name, value, _ in fields} if named else [value for _, value, _ in fields]))
                used.update(strings[int(t[1])][1] for field in group["fields"] for t in field if t[0] == "string")
                parent["fields"][-1].append(("child", None))
        elif kind == "sep":
            top["fields"].append([])
        else:
            top["fields"][-1].append((kind, token.group("index") if kind == "string" else token.group()))
    for group in stack:
        _close_run(group, runs)
    return runs, used


def _field_value(field: list[tuple[str, str | None]], strings: list[tuple[str, int]]) -> tuple[str | None, str, bool]:
    """A field's name (before "=", ":" or "=>"), its value and whether the value is a literal."""
    name = None
    if len(field) >= 2 and field[1][0] == "assign" and field[0][0] in ("name", "string"):
        name = field[0][1] if field[0][0] == "name" else _source_string(strings[int(field[0][1])][0])
        field = field[2:]
    texts = [_source_string(strings[int(value)][0]) for kind, value in field if kind == "string"]
    if texts:
        return name, " ".join(texts), True
    numbers = [value for kind, value in field if kind == "number"]
    if numbers:
        return name, numbers[0], True
    names = [value for kind, value in field if kind == "name"]
    if len(names) == 1 and names[0].split(".")[-1].split("::")[-1] in _NULLS:
        return name, "", True
    if len(field) == 1 and names and (name and names[0][:1].isupper() or re.search(r"(?:\.|::)[A-Z]", names[0])):
        return name, re.split(r"\.|::", names[0])[-1], True  # an enum's value: "Art.PARTNERSCHAFT", "Stadtteilpartnerschaft"
    return name, "", False


def _close_run(group: dict, runs: list) -> None:
    records = group["records"]
    if len(records) >= 1 and all(isinstance(r, dict) for r in records):
        header = list(dict.fromkeys(key for record in records for key in record))
        runs.append((group["start"], header, [[record.get(key, "") for key in header] for record in records]))
    elif len(records) >= 2:  # one call's arguments ("partner_von(\"Erfurt\")") are no register
        rows = [list(r.values()) if isinstance(r, dict) else r for r in records]
        width = max(len(row) for row in rows)
        runs.append((group["start"], None, [row + [""] * (width - len(row)) for row in rows]))
    group["records"] = []
