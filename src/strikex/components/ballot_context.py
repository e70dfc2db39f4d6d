"""What surrounds a ballot figure and makes it no result of the strike question, for strikex_ballots.

A figure read as a share or a count is still not an exact result of the strike question when it is
hedged ("nearly 85%", "more than two-thirds", "near-unanimous"), when it answers "no" ("by 62% to 38%",
"No: 18%"), when it answers another question ("91% for action short of a strike"), or when it states a
legal requirement ("the law demands that 50% take part"). Each check returns the ``models/ballots.json``
key of the cue that decided it, or None. ``lemma`` is a ``_lemmas.Lemmas`` (the extraction path runs no
lemmatizer over the Doc).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ._text import has_cue, window

QUOTES = frozenset("‘’'\"“”")


def plain_before(doc: Doc, fig: Span, n: int, floor: int = 0) -> str:
    """The window of the ``n`` tokens before the figure, skipping quotes and whitespace tokens."""
    out = []
    i = fig.start - 1
    while i >= max(floor, 0) and len(out) < n:
        t = doc[i]
        if not t.is_space and t.text not in QUOTES:
            out.append(t.lower_)
        i -= 1
    return " " + " ".join(reversed(out)) + " "


def hedged(doc: Doc, fig: Span, lex: dict) -> str | None:
    """"nearly 85%", "more than just two-thirds", "near-unanimous": the figure is approximate."""
    sent = fig.sent
    words = plain_before(doc, fig, 4, sent.start).split()
    while words and words[-1] in lex["hedge_fillers"]:
        words.pop()
    text = " " + " ".join(words[-3:]) + " "
    return "hedges" if any(text.endswith(f" {h} ") for h in lex["hedges"]) else None


def no_share(doc: Doc, fig: Span, figures: list[Span], lex: dict) -> str | None:
    """The share against: the second share of "N% to M%", or one labelled no ("No: 18.4%", "voted 'no' ... 33.9%")."""
    before = [f for f in figures if f.end <= fig.start and f.label_ != "COUNT"]
    if before and fig.start - before[-1].end == 1 and doc[before[-1].end].lower_ in lex["share_to_share"]:
        return "share_to_share"
    sent = fig.sent
    floor = max([f.end for f in before] + [sent.start])
    text = plain_before(doc, fig, 8, floor)
    words = text.split()
    if any(text.endswith(f" {c} ") for c in lex["no_share_before"]) or (words and words[0] == "no"
                                                                         and len(words) <= 2) \
            or has_cue(text, ["voted no"]):
        return "no_share_before"
    return None


def other_question(doc: Doc, fig: Span, figures: list[Span], lex: dict) -> str | None:
    """A share qualified by another question than the strike: "and action short of strike by 91%",
    "88% for other industrial action", "Question 2, action short of a strike: Yes 93.1%"."""
    sent = fig.sent
    before = [f.end for f in figures if f.end <= fig.start]
    after = [f.start for f in figures if f.start >= fig.end]
    start = max(before + [sent.start])
    end = min(after + [sent.end])
    left = " " + " ".join(t.lower_ for t in doc[start:fig.start] if not t.is_space) + " "
    right = " " + " ".join(t.lower_ for t in doc[fig.end:end] if not t.is_space) + " "
    if before and has_cue(left, ["and", "while", "with"]) and not has_cue(left, lex["asos_cues"]):
        left = ""   # "backed strikes by 68% and ...": the words before belong to the figure before
    if not before and sent.start > 0:   # a label line before: "Action short of a strike:" / "Yes 90.5%"
        label = doc[sent.start - 1].sent
        if len(label) <= 14 and any(t.text == ":" for t in label[-3:]):
            left = " " + " ".join(t.lower_ for t in label if not t.is_space) + left
    if has_cue(left, lex["asos_cues"]) or has_cue(right[:60], lex["asos_cues"]):
        return "asos_cues"
    return None


def threshold(doc: Doc, fig: Span, lex: dict, lemma) -> str | None:
    """A legal requirement, not a result: a figure governed by a verb of requirement ("the law demands that
    50 per cent ... take part", "40 per cent ... must also vote yes", "50% ... is needed to take part")."""
    tok = fig.root
    seen = 0
    while tok.head is not tok and seen < 12:
        tok = tok.head
        seen += 1
        if lemma(tok) in lex["threshold_heads"] or any(
                c.dep_ == "aux" and c.lower_ in lex["threshold_aux"] for c in tok.children):
            return "threshold_heads"
    return None


def not_voters(doc: Doc, fig: Span, lex: dict, lemma) -> str | None:
    """A count of something other than voters or votes: "31 branches voted", "23 councils", a year ("since
    2010"), an amount of money ("paid £3")."""
    root = fig.root
    if re.fullmatch(r"(19|20)\d\d", fig.text) or (fig.start > 0 and doc[fig.start - 1].text in lex["currency"]):
        return "currency"
    nouns = {root.head} if root.dep_ == "nummod" else set()
    nxt = next((t for t in doc[fig.end:min(fig.end + 3, fig.sent.end)] if t.pos_ == "NOUN" and t.dep_ != "compound"), None)
    for t in nouns | ({nxt} if nxt is not None else set()):
        if lemma(t) in lex["not_voter_nouns"] or t.lower_.rstrip("s") in lex["not_voter_nouns"] \
                or t.lower_[:-2] in lex["not_voter_nouns"]:
            return "not_voter_nouns"
    return None


def turnout_frame(doc: Doc, fig: Span, lex: dict, lemma) -> str | None:
    """A share whose own clause is about turnout, at any distance: its verb is one of taking part ("44% of
    balloted members responded", "took part") or has turnout for subject ("Turnout, counted across all the
    depots, reached 47%", "the turnout among its 3,400 members came to 42%")."""
    tok = fig.root.head      # the share's own verb: "44% ... responded", "reached 47%", "came to 42%"
    if tok.dep_ == "prep" and tok.lower_ in lex["turnout_preps"] and tok.head.pos_ in {"VERB", "AUX"}:
        tok = tok.head
    if tok.pos_ not in {"VERB", "AUX"}:
        return None
    kids = {c.lower_ for c in tok.children}
    if lemma(tok) in lex["turnout_verbs"] or (lemma(tok) in {"take", "turn"} and kids & {"part", "out"}):
        return "turnout_verbs"
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)
    # "Turnout, counted across ..., reached 47%": a coordinated verb without a subject shares its head's
    verbs = [tok, tok.head] if tok.dep_ == "conj" and not own_subject else [tok]
    if any(c.dep_ in {"nsubj", "nsubjpass"} and (lemma(c) in lex["turnout_subjects"]
                                                  or c.lower_ in lex["turnout_subjects"]) for v in verbs for c in v.children):
        return "turnout_subjects"
    return None


def qualifiers(sent: Span, spans: list[Span], lex: dict) -> dict[int, frozenset[str]]:
    """The words that say whose each figure is: its stretch of the sentence, from the clause break after the
    figure before it to the clause break after it ("Unite drivers voted 88% for strikes | and GMB cleaners 71%",
    "63% among the drivers | and 45% among the cleaners"): its nouns, names and adjectives, less the words every
    ballot report shares. Keyed by the figure's first token."""
    doc = sent.doc
    stops = set(lex["qualifier_stop"])
    breaks = set(lex["clause_break_words"]) | {"and", ",", ";", ":", "."}
    spans = sorted(spans, key=lambda s: s.start)
    out: dict[int, frozenset[str]] = {}
    start = sent.start
    for k, fig in enumerate(spans):
        stop = min([s.start for s in spans[k + 1:]] + [sent.end])
        end = fig.end
        while end < stop and doc[end].lower_ not in breaks:
            end += 1
        words = {word_key(t.lower_) for t in doc[start:end] if t.pos_ in {"NOUN", "PROPN", "ADJ"} and not t.is_stop
                 and not t.like_num and t.i not in range(fig.start, fig.end)}
        out[fig.start] = frozenset(words - stops - {word_key(w) for w in stops})
        start = end
    return out


def word_key(word: str) -> str:
    """A word without its plural "s": "drivers" and "driver" are one qualifier."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def names_main_ballot(sent: Span, lex: dict) -> bool:
    """"The main ballot attracted a 73% turnout": the sentence names the main one of several ballots."""
    return any(t.lower_ in lex["main_ballot_words"] and t.head.lower_ in lex["ballot_words"] for t in sent)


def after_aside(doc: Doc, fig: Span, n: int) -> str:
    """The window of the ``n`` tokens after the figure, passing over a bracketed aside: "96 of them (57%) voted"."""
    out: list[str] = []
    depth = 0
    for t in doc[fig.end:fig.sent.end]:
        if t.text in "([":
            depth += 1
        elif t.text in ")]":
            depth = max(0, depth - 1)
        elif not depth and not t.is_space:
            out.append(t.lower_)
        if len(out) >= n:
            break
    return " " + " ".join(out) + " "


def members_of_whole(doc: Doc, fig: Span, lex: dict) -> str | None:
    """"168 of the 340 staff are union members": the part is the union's members, the electorate of its ballot."""
    return "members_of_whole" if has_cue(after_aside(doc, fig, 8), lex["members_of_whole"]) else None


def meeting_vote(doc: Doc, sent: Span, lex: dict) -> bool:
    """Whether a vote is taken at a meeting: a meeting named in its sentence, or in the next one when its own
    names no ballot ("Crews voted unanimously for an all-out strike." + "They voted at a packed meeting ...")."""
    if has_cue(window(sent), lex["meeting_words"]):
        return True
    if sent.end >= len(doc) or has_cue(window(sent), lex["meeting_ballot_words"]):
        return False
    return has_cue(window(doc[sent.end].sent), lex["meeting_words"])


def broad_question(doc: Doc, fig: Span, lex: dict) -> bool:
    """Whether a share answers a broader question than the strike one: its clause is for "industrial action", not
    for strikes, and the report goes on to list action short of a strike within it ("94% voted for industrial
    action." + "This will include working to rule ...")."""
    sent = fig.sent
    clause = " " + " ".join(t.lower_ for t in doc[fig.end:sent.end] if not t.is_space) + " "
    if not has_cue(clause, lex["broad_question_words"]) or has_cue(clause, lex["strike_question_words"]):
        return False
    after = doc[sent.end].sent if sent.end < len(doc) else sent
    return has_cue(window(sent), lex["asos_cues"]) or has_cue(window(after), lex["asos_cues"])


def strike_question(doc: Doc, fig: Span, lex: dict) -> bool:
    """Whether a share's own clause names strikes ("90% of those balloted support three days of strike action")."""
    clause = " " + " ".join(t.lower_ for t in doc[fig.end:fig.sent.end] if not t.is_space) + " "
    return has_cue(clause, lex["strike_question_words"])
