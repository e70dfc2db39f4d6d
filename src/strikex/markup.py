"""HTML left in article text: tags stripped, entities decoded, and a map back to the input's offsets.

A scraped article often keeps its markup (``<p>``, ``<a href=…>``, ``&rsquo;``). The pipeline reads the
text a browser would show: a block tag (``<p>``, ``<div>``, ``<li>``, ``<h2>``…) ends a paragraph, ``<br>``
a line; inline tags (``<a>``, ``<b>``, ``<span>``…) go; ``<script>``, ``<style>`` and comments go with
their contents; white space inside the markup collapses to one space. Only tags with HTML names are
taken for tags, so "pay <£10,000>" or "<Unison>" in plain text stays as it is. Text with entities
but no tags has only its entities decoded.

Every offset in the record points into the input as given: ``Markup.to_input`` maps a span of the
clean text back to the input's characters, an entity or a tag inside the span included.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

BLOCK = frozenset(
    "address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 head header hr html li main nav ol p pre section summary table tbody td tfoot th "
    "thead title tr ul".split()
)
INLINE = frozenset(
    "a abbr b bdi bdo big cite code data del dfn em font i img input ins kbd label link mark meta q s samp "
    "small span strike strong sub sup time tt u var wbr button picture source".split()
)
DROPPED = frozenset("script style noscript template svg iframe object".split())  # contents go too
LINE = frozenset({"br"})
TAG_NAMES = BLOCK | INLINE | DROPPED | LINE

_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
# a comment, a doctype or CDATA, a processing instruction, a tag with an HTML name, an entity
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<![^>]*>|<\?[^>]*>"
    r"|<(/?)([A-Za-z][A-Za-z0-9]{0,15})((?:\s[^<>]*)?)/?>"
    r"|" + _ENTITY,
    re.S,
)
_TAG_HINT = re.compile(r"</?(?:" + "|".join(sorted(TAG_NAMES, key=len, reverse=True)) + r")\b[^<>]*>|<!--", re.I)
_ENTITY_HINT = re.compile(_ENTITY)
_SPACE = re.compile(r"\s+")


@dataclass
class Markup:
    """The clean text, and for each of its characters the input characters it came from."""

    text: str
    starts: list[int]   # starts[i]: the first input character behind clean character i
    ends: list[int]     # ends[i]: one past the last input character behind it
    tags: int = 0
    entities: int = 0

    def to_input(self, start: int, end: int) -> tuple[int, int]:
        """A clean-text span [start, end) as input offsets."""
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return at, at
        return self.starts[start], self.ends[end - 1]

    def warning(self) -> str:
        parts = [f"{self.tags} HTML tag(s) removed" if self.tags else "", f"{self.entities} entity(ies) decoded" if self.entities else ""]
        return "markup in the text: " + ", ".join(p for p in parts if p) + "; offsets point into the text as given"


def has_markup(text: str) -> bool:
    """HTML tags (with HTML names) or character entities in the text."""
    return bool(_TAG_HINT.search(text) or _ENTITY_HINT.search(text))


def strip(text: str) -> Markup:
    """The text with its markup removed (see the module's docstring)."""
    html_mode = bool(_TAG_HINT.search(text))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    tags = entities = 0

    def emit(chars: str, start: int, end: int, each: bool = False) -> None:
        """Clean characters: ``each`` maps them one to one onto input[start:end], else all to the whole range."""
        for k, c in enumerate(chars):
            out.append(c)
            starts.append(start + k if each else start)
            ends.append(start + k + 1 if each else end)

    def emit_text(start: int, end: int) -> None:
        if not html_mode:
            emit(text[start:end], start, end, each=True)
            return
        pos = start
        for m in _SPACE.finditer(text, start, end):
            emit(text[pos:m.start()], pos, m.start(), each=True)
            if out and out[-1] not in " \n":
                emit(" ", m.start(), m.end())
            pos = m.end()
        emit(text[pos:end], pos, end, each=True)

    def emit_break(newlines: str, start: int, end: int) -> None:
        while out and out[-1] == " ":  # a break swallows the space before it
            out.pop(), starts.pop(), ends.pop()
        trailing = 0
        while trailing < min(len(out), len(newlines)) and out[-1 - trailing] == "\n":
            trailing += 1
        if out and trailing < len(newlines):
            emit(newlines[trailing:], start, end)

    pos = 0
    skip_until: str | None = None  # inside <script>…: the closing tag's name
    for m in _TOKEN.finditer(text):
        token = m.group(0)
        if skip_until is not None:
            if m.group(2) and m.group(1) and m.group(2).lower() == skip_until:
                skip_until, pos = None, m.end()
                tags += 1
            continue
        if token.startswith("&"):
            decoded = html.unescape(token)
            if decoded == token:
                continue
            emit_text(pos, m.start())
            emit(decoded, m.start(), m.end())
            entities += 1
            pos = m.end()
            continue
        name = (m.group(2) or "").lower()
        if m.group(2) is not None and name not in TAG_NAMES:
            continue  # "<Unison>", "<x>": not an HTML tag, left as text
        if not html_mode:
            continue
        emit_text(pos, m.start())
        pos = m.end()
        tags += 1
        if name in DROPPED and not m.group(1) and not token.endswith("/>"):
            skip_until = name
        elif name in BLOCK:
            emit_break("\n\n", m.start(), m.end())
        elif name in LINE:
            emit_break("\n", m.start(), m.end())
    if skip_until is None:
        emit_text(pos, len(text))
    while out and out[-1] in " \n" and html_mode:
        out.pop(), starts.pop(), ends.pop()
    return Markup("".join(out), starts, ends, tags, entities)


def remap(record, markup: Markup):
    """Every ``start``/``end`` pair in a record dict (mentions, dates, ballots, strikes, quotes…), from
    clean-text offsets to input offsets, in place. Returns the record."""
    if isinstance(record, dict):
        if isinstance(record.get("start"), int) and isinstance(record.get("end"), int):
            record["start"], record["end"] = markup.to_input(record["start"], record["end"])
        for value in record.values():
            if isinstance(value, (dict, list)):
                remap(value, markup)
    elif isinstance(record, list):
        for value in record:
            remap(value, markup)
    return record
