"""strikex_lines: where sentences may start, set before the parser.

News text arrives with headlines, bylines, captions and list items on lines of their own, often without
a full stop; the parser would run them into the next sentence, so a line break ends a sentence. Inside a
line, a sentence starts only after a full stop, "!" or "?" (or a quote or bracket closing after one): the
parser otherwise breaks "Turnout = 14.5%" or "nine out of ten (89%) members voted" in two. Text wrapped
by hand at a fixed width ("...members voted in\\n    favour of strikes") is read as running text: there a
line break inside a paragraph ends a sentence only after a full stop or on a short line. Runs before the
parser, which keeps the sentence starts set earlier (True and False alike); offsets stay the text's own.
"""
from __future__ import annotations

import re

from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..extensions import doc_text, token_words


# a line ending in one of these tags ("from", "to", "the", "and") runs on into the next line when that starts
# with a digit or a lower-case word: "a five-day stoppage from\n18 November"
RUNS_ON = {"IN", "TO", "DT", "CC"}
ENDS = {".", "!", "?", "…", "..."}               # after these (mid-line) the parser decides
SEPARATORS = {"|", "•", "·"}                       # and after these: "Name | 29.10.2009 | News"
FURNITURE = " | "     # a line of page furniture ("Name | 29.10.2009 18:04 | News"): the parser decides
CLOSERS = {'"', "'", "”", "’", ")", "]"}           # "...on strike.” The council said"
DASHES = {"—", "–", "-"}                           # "— Unite (@unitetheunion) 3 May 2024" signs a post
WRAP_WIDTH = 100      # hand-wrapped text keeps its lines at most this long
WRAP_MIN_WIDTH = 50   # and at least this long (a page of short lines is a list, not wrapped prose)
WRAP_MIN_LINES = 6    # and has at least this many lines of text
WRAP_FULL = 0.75      # a line at least this share of the widest line is full: the next line continues it


def ends_sentence(last: Token | None, before: Token | None) -> bool:
    """Whether a sentence may end after ``last`` (``before`` the non-space token before it)."""
    return ends_after(last.text if last is not None else None, before.text if before is not None else None)


def ends_after(last: str | None, before: str | None) -> bool:
    """``ends_sentence`` from the tokens' texts."""
    if last is None or last in SEPARATORS:
        return True
    if last in ENDS or last.endswith("."):
        return True
    return last in CLOSERS and before is not None and (before in ENDS or before.endswith("."))


def wrap_width(text: str) -> int | None:
    """The width of a text wrapped by hand (most lines run on into the next one, none is long), else None."""
    lines = [line.rstrip() for line in text.split("\n")]
    full = [line for line in lines if line.strip()]
    if len(full) < WRAP_MIN_LINES:
        return None
    width = max(len(line) for line in full)
    if not WRAP_MIN_WIDTH <= width <= WRAP_WIDTH:
        return None
    wrapped = sum(1 for a, b in zip(lines, lines[1:]) if b.strip() and len(a) >= WRAP_FULL * width)
    return width if wrapped * 3 >= len(full) else None


def soft_break(text: str, token: Token, last: Token, before: Token | None, width: int) -> bool:
    """In hand-wrapped text, whether the line break before ``token`` only wraps a sentence: one line break (no
    blank line), no full stop before it, and a full line before it or a lower-case word or digit after it."""
    if text.count("\n", last.idx, token.idx) != 1 or ends_sentence(last, before) \
            or re.match(r"[-•*·]|\d+[.)]\s", text[token.idx:token.idx + 3]):
        return False
    line_start = text.rfind("\n", 0, last.idx) + 1
    full = last.idx + len(last.text) - line_start >= WRAP_FULL * width
    return full or token.is_lower or token.is_digit


def signs_a_post(doc: Doc, token: Token) -> bool:
    """The signature of an embedded post, "— Unite (@unitetheunion) 3 May 2024", is not part of its sentence."""
    return token.text in DASHES and any(t.text.startswith("@") and len(t.text) > 1 for t in doc[token.i + 1:token.i + 8]) \
        and token.i > 0


@Language.component("strikex_lines", assigns=["token.is_sent_start"])
def mark_line_starts(doc: Doc) -> Doc:
    """The sentence starts are written into the Doc at the end, in one ``from_array``: spaCy's setter of
    ``token.is_sent_start`` first asks whether the Doc is parsed, which reads every token, so setting them
    one by one cost time quadratic in the article's length."""
    text = doc_text(doc)
    starts: dict[int, int] = {}   # token index -> 1 (starts a sentence) or -1 (does not)
    width = wrap_width(text)
    after_break = False
    furniture = False
    last: int | None = None       # the index of the last non-space token, and of the one before it
    before: int | None = None
    # read from the Doc's columns: a Token object only where a line starts or a dash may sign a post
    words = token_words(doc)
    space = doc.to_array(IS_SPACE).tolist() if len(doc) else []
    for i, word in enumerate(words):
        if space[i]:
            if "\n" in word:
                after_break = True
            continue
        if after_break or last is None:
            token = doc[i]
            end = text.find("\n", token.idx)
            furniture = FURNITURE in text[token.idx:end if end >= 0 else len(text)]
        if word in DASHES and signs_a_post(doc, doc[i]):
            starts[i] = 1
        elif after_break:
            token, last_token = doc[i], doc[last] if last is not None else None
            before_token = doc[before] if before is not None else None
            if last_token is not None and width is not None and soft_break(text, token, last_token, before_token, width):
                starts[i] = -1
            elif last_token is not None and token.is_lower and token.is_alpha and not ends_sentence(last_token, before_token) \
                    and text.count("\n", last_token.idx, token.idx) == 1:
                starts[i] = -1     # "...on a 52 per cent\nturnout.": a line that starts lower-case runs on
            else:
                runs_on = last_token is not None and last_token.tag_ in RUNS_ON and (token.is_digit or token.is_lower)
                if not runs_on:
                    starts[i] = 1
        elif last is not None and not furniture and not ends_after(words[last], words[before] if before is not None else None):
            starts[i] = -1
        after_break = False   # a line break is a space token of its own (a token's trailing space is one " ")
        before, last = last, i
    if starts:
        if doc.has_annotation("DEP"):   # as spaCy's setter refuses: starts must not disagree with a parse
            raise ValueError("strikex_lines must run before the parser: this Doc is already parsed")
        column = doc.to_array([SENT_START]).astype("int64")   # -1 is stored as uint64's largest value
        column[list(starts)] = list(starts.values())
        doc.from_array([SENT_START], column.astype("uint64").reshape(-1, 1))
    return doc
