"""strikex_boilerplate: marks text that is not part of the story (credits, bylines, comment rules, banners).

Nothing is removed, so character offsets stay true to the input; the other components skip mentions
that start inside a marked range (see :func:`in_boilerplate`).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import doc_text
from ._rules import RuleComponent

_FLAGS = {"i": re.IGNORECASE, "s": re.DOTALL}


def _compile(rules, file: str):
    compiled = []
    for rule in rules:
        flags = re.MULTILINE
        for f in rule.get("flags", ""):
            flags |= _FLAGS[f]
        compiled.append((f"{file}:{rule['id']}", re.compile(rule["regex"], flags)))
    return compiled


class Boilerplate(RuleComponent):
    def setup(self, nlp: Language, data: dict) -> None:
        self.rules = _compile(data["rules_file"], self.files["rules_file"])

    def ranges(self, text: str) -> list[tuple[int, int, str]]:
        """(start_char, end_char, rule id) of every boilerplate range, in order."""
        found = []
        for rule_id, rx in self.rules:
            for m in rx.finditer(text):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), rule_id))
        return sorted(found)

    def process(self, doc: Doc) -> Doc:
        if doc._.boilerplate is None:  # the triage gate may have found them already
            doc._.boilerplate = self.ranges(doc_text(doc))
        return doc


@Language.factory(
    "strikex_boilerplate",
    assigns=["doc._.boilerplate"],
    default_config={"rules_file": "boilerplate.jsonl"},
)
def make_boilerplate(nlp: Language, name: str, rules_file: str) -> Boilerplate:
    return Boilerplate(nlp, name, rules_file=rules_file)


def in_boilerplate(doc: Doc, start_char: int, end_char: int | None = None) -> bool:
    """True when the character range starts (or, given an end, overlaps) a boilerplate range."""
    end_char = start_char + 1 if end_char is None else end_char
    return _overlaps(doc._.boilerplate or (), start_char, end_char)


def _overlaps(ranges, start_char: int, end_char: int) -> bool:
    return any(s < end_char and start_char < e for s, e, _ in ranges)


def span_in_boilerplate(span: Span) -> bool:
    """Whether the span's text (white space around it left out) overlaps boilerplate."""
    ranges = span.doc._.boilerplate
    if not ranges:
        return False
    start_char, end_char = span.start_char, span.end_char
    if not _overlaps(ranges, start_char, end_char):   # not near any: no need to trim
        return False
    text = doc_text(span.doc)[start_char:end_char]
    start = start_char + (len(text) - len(text.lstrip()))
    end = end_char - (len(text) - len(text.rstrip()))
    return end > start and _overlaps(ranges, start, end)
