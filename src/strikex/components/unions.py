"""strikex_unions: every trade union named, normalised to a canonical short name.

Backed by the gazetteer ``models/unions.jsonl`` (case-insensitive ``aliases`` and case-sensitive
``cased_aliases``, e.g. "Unison" but not "in unison") and the generic patterns in
``models/union_patterns.jsonl`` for unions the gazetteer lacks. These rules win over the pretrained NER,
which tags "Unison" as a PERSON: the people component skips anything found here.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from ..extensions import UNIONS, token_words
from ._gazetteer import keep_spans, most_named, named_span, phrase_matcher, trim_determiners
from ._rules import RuleComponent

SPANS_KEY = UNIONS


def union_matchers(nlp: Language, entries) -> tuple[PhraseMatcher, PhraseMatcher]:
    """The gazetteer's PhraseMatchers keyed by entry id: aliases in any case, cased aliases as written. Built
    once per pipeline: the triage gate takes the strikex_unions component's own (``triage.py``)."""
    lower = phrase_matcher(nlp, "LOWER", ((e["id"], a) for e in entries for a in e["aliases"]))
    cased = phrase_matcher(nlp, "ORTH", ((e["id"], a) for e in entries for a in e["cased_aliases"]))
    return lower, cased


class UnionFinder(RuleComponent):
    def setup(self, nlp: Language, data: dict) -> None:
        entries = data["gazetteer"]
        self.names = {e["id"]: e["name"] for e in entries}
        self.lower, self.cased = union_matchers(nlp, entries)
        self.generic = Matcher(nlp.vocab)
        self.exclude: set[str] = set()
        patterns = []
        for row in data["patterns"]:
            if row["label"] == "NOT_UNION":
                self.exclude.update(row["phrases"])
            else:
                self.generic.add(row["id"], [row["pattern"]])
                patterns.append(row["pattern"])
        self.anchors = _anchored(patterns)

    def generic_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``self.generic(doc)``, run only where a match can end (``_anchored``): on each word that ends a
        pattern, with the words a pattern can hold before it. Most articles have no such word: no Matcher."""
        if self.anchors is None:
            return list(self.generic(doc))
        words = token_words(doc)
        ends, before, titled = self.anchors
        found = []
        for j, word in enumerate(words):
            if word not in ends:
                continue
            start = max(0, j - before)
            while titled and start > 0 and words[start - 1].istitle():
                start -= 1
            found += [(k, s + start, e + start) for k, s, e in self.generic(doc[start:j + 1]) if e + start == j + 1]
        return found

    def process(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.lower, self.cased):
            for key, start, end in matcher(doc):
                entry_id = doc.vocab.strings[key]
                spans.append(named_span(doc, start, end, "UNION", self.names[entry_id], f"{self.files['gazetteer']}:{entry_id}"))
        for key, start, end in self.generic_matches(doc):
            span = trim_determiners(Span(doc, start, end, label="UNION"))
            if span.text in self.exclude:
                continue
            span._.canonical = span.text
            span._.rule = f"{self.files['patterns']}:{doc.vocab.strings[key]}"
            spans.append(span)
        keep_spans(doc, spans, SPANS_KEY)
        doc._.main_union = most_named(doc.spans.get(SPANS_KEY, []))
        return doc


@Language.factory(
    "strikex_unions",
    assigns=["doc.spans"],
    default_config={"gazetteer": "unions.jsonl", "patterns": "union_patterns.jsonl"},
)
def make_union_finder(nlp: Language, name: str, gazetteer: str, patterns: str) -> UnionFinder:
    return UnionFinder(nlp, name, gazetteer=gazetteer, patterns=patterns)


def _anchored(patterns: list[list[dict]]) -> tuple[set[str], int, bool] | None:
    """(the words that end the patterns, how many tokens a pattern holds before its last at most, whether it may
    begin with a run of title-case words of any length) when every pattern has the generic form: a last token
    of given words (ORTH), tokens of bounded repetition before it, and perhaps ``{"IS_TITLE": true, "OP": "*"}``
    first. None when one has not: the Matcher then reads the whole Doc."""
    ends: set[str] = set()
    before, titled = 0, False
    for pattern in patterns:
        *body, last = pattern
        if body and body[0] == {"IS_TITLE": True, "OP": "*"}:
            body, titled = body[1:], True
        words = last.get("ORTH")
        words = [words] if isinstance(words, str) else (words or {}).get("IN") if isinstance(words, dict) else None
        if set(last) != {"ORTH"} or not words or any(t.get("OP") not in (None, "?") for t in body):
            return None
        ends.update(words)
        before = max(before, len(body))
    return ends, before, titled
