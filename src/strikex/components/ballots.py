"""strikex_ballots: each ballot reported, with its figures and closing date.

A sentence that talks about a vote (``sentence_cues`` in ``models/ballots.json``) is read for figures
(``ballot_figures``: what each figure is); its figures are then grouped into ballots (``ballot_grouping``:
which figures are one ballot). A sentence with two shares of support reports two ballots ("90% on a 53%
turnout in England and 92% on a 58% turnout in Wales"). "The ballot will run until January 15" gives the
closing date. Each ballot takes the union named nearest its figures, else the article's main union.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import BALLOT_FIGURES, UNIONS
from ._rules import RuleComponent
from ._text import has_cue, window
from .ballot_context import broad_question, names_main_ballot, qualifiers, strike_question
from .ballot_figures import FigureReader
from .ballot_grouping import (BallotFound, add_close_period, attach_far_turnouts, derive_from_counts, drop_lone_counts,
                              drop_repeats, fold_broad_questions, group_sentence, merge_incomplete, nearest_union)
from .boilerplate import span_in_boilerplate

SPANS_KEY = BALLOT_FIGURES


class BallotFinder(RuleComponent):
    def setup(self, nlp: Language, data: dict) -> None:
        self.lex = data["lexicon"]
        self.reader = FigureReader(nlp, self.lex, data["patterns"])

    def process(self, doc: Doc) -> Doc:
        ballots: list[BallotFound] = []
        unions = list(doc.spans.get(UNIONS, []))
        primary = doc._.main_union
        used: list[Span] = []
        seen: list[Span] = []
        about_ballot = False   # the sentence before names a ballot
        for sent in doc.sents:
            if span_in_boilerplate(sent):
                continue
            seen.append(sent)
            period = self.reader.fact_box_close(doc, sent, seen[:-1])
            if period is not None:
                add_close_period(ballots, period, sent, primary)
                continue
            text = window(sent)
            after_ballot, about_ballot = about_ballot, has_cue(text, self.lex["ballot_words"])
            if has_cue(text, self.lex["not_ballot_sentence"]):
                continue
            if not has_cue(text, self.lex["sentence_cues"]):
                # "The GMB opened its ballot last week. Members have until noon on Friday 21 February to return
                # their papers.": the next sentence gives the ballot's closing day
                if after_ballot and has_cue(text, self.lex["close_continuation_cues"]):
                    new = group_sentence([], self.reader.closing_dates(doc, sent), sent, ballots, None, frozenset(), False)
                    for b in new:
                        b.union = primary
                    ballots.extend(new)
                continue
            found = self.reader.read(sent)
            closes = self.reader.closing_dates(doc, sent) if about_ballot else []
            named = next((u._.canonical for u in unions if sent.start <= u.start < sent.end), None)
            quals = qualifiers(sent, [r.span for r in found], self.lex)
            new = group_sentence(found, closes, sent, ballots, named, quals, names_main_ballot(sent, self.lex))
            for b in new:
                b.union = nearest_union(unions, sent, b.anchor) or primary
                if b.support_pct is not None and b.figures:
                    b.question = "broad" if broad_question(doc, b.figures[0], self.lex) else \
                        "strike" if strike_question(doc, b.figures[0], self.lex) else None
                used.extend(b.figures)
            ballots.extend(new)
        ballots = attach_far_turnouts(merge_incomplete(fold_broad_questions(ballots)))
        for b in ballots:
            derive_from_counts(b)
        doc._.ballots = drop_lone_counts(drop_repeats(ballots))
        doc.spans[SPANS_KEY] = used
        return doc


@Language.factory(
    "strikex_ballots",
    assigns=["doc._.ballots", "doc.spans"],
    requires=["token.is_sent_start"],
    default_config={"lexicon": "ballots.json", "patterns": "ballot_patterns.jsonl"},
)
def make_ballot_finder(nlp: Language, name: str, lexicon: str, patterns: str) -> BallotFinder:
    return BallotFinder(nlp, name, lexicon=lexicon, patterns=patterns)
