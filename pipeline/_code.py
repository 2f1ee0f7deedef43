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
  by the display name another fact gives it (``stadt(tallinn, 'Reval', estland)``).
"""

from __future__ import annotations

import re

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
    opening = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and not re.match(r"(?:#|//|;)", stripped):
            break
        if stripped:
            opening.append(_comment_text(stripped))
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
    opening = [line for line in opening if line]
    rest = comments[1:] if opening and comments and comments[0].split("\n") == opening else comments
    return _as_lists(value, lists), opening, rest


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
