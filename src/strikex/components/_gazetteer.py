"""Shared helpers for the gazetteer-backed components (unions, councils)."""
from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .boilerplate import span_in_boilerplate


def phrase_matcher(nlp: Language, attr: str, phrases: Iterable[tuple[str, str]]) -> PhraseMatcher:
    """A PhraseMatcher keyed by entry id; patterns built with the tokenizer only (``nlp.make_doc``)."""
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    by_key: dict[str, list[str]] = {}
    for key, phrase in phrases:
        by_key.setdefault(key, []).append(phrase)
    for key, texts in by_key.items():
        matcher.add(key, [nlp.make_doc(t) for t in dict.fromkeys(texts)])
    return matcher


def match_near(matcher, doc: Doc, anchors: list[int], pad: int) -> list[tuple[int, int, int]]:
    """``matcher(doc)``, but run only on the stretches within ``pad`` tokens of an anchor token: every match
    must contain an anchor and be at most ``pad`` tokens long. Most tokens of an article are nowhere near
    a date, and a Matcher with many patterns costs per token."""
    found = []
    window = None
    for i in anchors:
        start, end = max(0, i - pad), min(len(doc), i + pad + 1)
        if window and start <= window[1]:
            window = (window[0], end)
            continue
        if window:
            found += [(k, s + window[0], e + window[0]) for k, s, e in matcher(doc[window[0]:window[1]])]
        window = (start, end)
    if window:
        found += [(k, s + window[0], e + window[0]) for k, s, e in matcher(doc[window[0]:window[1]])]
    return found


def named_span(doc: Doc, start: int, end: int, label: str, canonical: str, rule: str) -> Span:
    """A span that knows the name it stands for and the rule that found it."""
    span = Span(doc, start, end, label=label)
    span._.canonical = canonical
    span._.rule = rule
    return span


def keep_spans(doc: Doc, spans: list[Span], key: str) -> list[Span]:
    """Drop spans in boilerplate, keep the longest of overlapping ones, store them as ``doc.spans[key]``."""
    spans = [s for s in spans if not span_in_boilerplate(s)]
    kept = sorted(filter_spans(spans), key=lambda s: s.start)
    doc.spans[key] = kept
    return kept


def trim_determiners(span: Span) -> Span:
    """'the London Borough of Hackney' -> 'London Borough of Hackney'."""
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    end = span.end
    while end > start + 1 and span.doc[end - 1].lower_ in {"'s", "’s", "'", "’"}:
        end -= 1
    if (start, end) == (span.start, span.end):
        return span
    new = Span(span.doc, start, end, label=span.label_)
    new._.rule = span._.rule
    new._.canonical = span._.canonical
    return new


def most_named(spans: list[Span]) -> str | None:
    """The canonical name mentioned most often (the earliest first on a tie): an article's main union or council."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for span in spans:
        counts[span._.canonical] = counts.get(span._.canonical, 0) + 1
        first.setdefault(span._.canonical, span.start)
    return max(counts, key=lambda k: (counts[k], -first[k])) if counts else None


def token_indices(doc: Doc, key: str) -> frozenset[int]:
    """Indices of the tokens inside ``doc.spans[key]``, worked out once per Doc and span group."""
    spans = doc.spans.get(key, [])
    cache_key = ("strikex_token_indices", key, len(spans))
    if cache_key not in doc.user_data:
        doc.user_data[cache_key] = frozenset(i for s in spans for i in range(s.start, s.end))
    return doc.user_data[cache_key]
