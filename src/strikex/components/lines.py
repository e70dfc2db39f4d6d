"""strikex_lines: a line break ends a sentence.

News text arrives with headlines, bylines, captions and list items on lines of their own, often without
a full stop; the parser would run them into the next sentence. Runs before the parser, which keeps
sentence starts set earlier.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("strikex_lines", assigns=["token.is_sent_start"])
def mark_line_starts(doc: Doc) -> Doc:
    after_break = False
    for token in doc:
        if after_break and not token.is_space:
            token.is_sent_start = True
            after_break = False
        if "\n" in token.text or "\n" in token.whitespace_:
            after_break = True
    return doc
