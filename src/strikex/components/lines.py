"""strikex_lines: a line break ends a sentence.

News text arrives with headlines, bylines, captions and list items on lines of their own, often without
a full stop; the parser would run them into the next sentence. Runs before the parser, which keeps
sentence starts set earlier.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


# a line ending in one of these tags ("from", "to", "the", "and") runs on into the next line when that starts
# with a digit or a lower-case word: "a five-day stoppage from\n18 November"
RUNS_ON = {"IN", "TO", "DT", "CC"}


@Language.component("strikex_lines", assigns=["token.is_sent_start"])
def mark_line_starts(doc: Doc) -> Doc:
    after_break = False
    last = None
    for token in doc:
        if after_break and not token.is_space:
            runs_on = last is not None and last.tag_ in RUNS_ON and (token.is_digit or token.is_lower)
            if not runs_on:
                token.is_sent_start = True
            after_break = False
        if not token.is_space:
            last = token
        if "\n" in token.text or "\n" in token.whitespace_:
            after_break = True
    return doc
