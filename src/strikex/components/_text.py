"""Small text helpers the rule components share: phrase cues looked up in a window of lower-cased tokens.

A window is the tokens' lower-case forms joined by single spaces and padded with a space at each end, so a
cue phrase is found as `` {cue} `` on word boundaries: ``has_cue(window(doc[3:9]), ["on strike"])``.
"""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc, Span

from ..extensions import token_lowers

POSSESSIVE = frozenset({"'s", "’s"})   # the possessive token, straight or curly apostrophe


def window(tokens: Span | Doc | Iterable, start: int | None = None, end: int | None = None) -> str:
    """`` a b c `` from the tokens' lower-case forms. With ``start``/``end``, ``tokens`` is a Doc and the
    window is ``doc[start:end]``, clipped to the Doc."""
    if start is not None or end is not None:
        doc = tokens
        start, end = max(start or 0, 0), min(len(doc) if end is None else end, len(doc))
        return " " + " ".join(token_lowers(doc)[start:end]) + " "
    if isinstance(tokens, Span):   # the Doc's lower-case column, not a Token object per word
        return " " + " ".join(token_lowers(tokens.doc)[tokens.start:tokens.end]) + " "
    if isinstance(tokens, Doc):
        return " " + " ".join(token_lowers(tokens)) + " "
    return " " + " ".join(t.lower_ if hasattr(t, "lower_") else str(t) for t in tokens) + " "


def has_cue(text: str, cues: Iterable[str]) -> bool:
    """Whether any cue phrase occurs in a padded window on word boundaries."""
    return any(f" {c} " in text for c in cues)
