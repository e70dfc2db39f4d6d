"""The figures of a ballot report and what each one means, for strikex_ballots.

Figures are found by the Matcher patterns in ``models/ballot_patterns.jsonl`` ("79%", "52 per cent",
"four out of five", "two-thirds", "1,024") inside sentences that talk about a vote, and given a meaning
by the nearest cue in ``models/ballots.json``: a share near "turnout" is the turnout, otherwise the
share voting yes; a count before "who voted" is the votes cast, one before "balloted" or "eligible" the
electorate. The closing date is the date a close cue points at ("the ballot will run until January 15"),
or the end of the period a fact box gives ("When: 6 January – 16 February 2023").
"""
from __future__ import annotations

import re
from typing import NamedTuple

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..extensions import DATES
from ..numbers import SCALES, to_number
from ._gazetteer import token_indices
from ._lemmas import Lemmas
from ._text import has_cue, window
from .ballot_context import (after_aside, hedged, meeting_vote, members_of_whole, no_share, not_voters, other_question,
                             threshold, turnout_frame)


RULES = "ballots.json"   # a figure's rule is the key of the models/ballots.json cue that gave it its meaning


class Reading(NamedTuple):
    kind: str          # support_pct | turnout_pct | votes_cast | eligible | yes_votes | no_votes | other_pct
    value: float
    span: Span         # the figure
    rule: str          # "ballots.json:turnout_cues"


class FigureReader:
    """Finds the figures of one ballot sentence, their values and their kinds (support_pct, turnout_pct,
    votes_cast, eligible, yes_votes, no_votes)."""

    def __init__(self, nlp: Language, lex: dict, patterns: list[dict]):
        self.lex = lex
        self.lemma = Lemmas(nlp)
        self.matcher = Matcher(nlp.vocab)
        for row in patterns:
            self.matcher.add(row["label"], [row["pattern"]])

    def read(self, sent: Span) -> list[Reading]:
        """(kind, value, figure) for every figure of the sentence that has a meaning and a sensible value;
        "186 of its 240 members took part" gives two, the votes cast and the electorate."""
        doc = sent.doc
        found: list[Reading] = []
        in_sent = self.figures(sent)
        for fig in in_sent:
            if hedged(doc, fig, self.lex) or threshold(doc, fig, self.lex, self.lemma):
                continue    # "nearly 85%", "the law demands that 50% take part": no exact result
            kind, cue = self.classify(doc, fig, in_sent)
            if kind == "support_pct":
                if no_share(doc, fig, in_sent, self.lex):
                    continue    # "by 62% to 38%", "No: 18.4%"
                other = other_question(doc, fig, in_sent, self.lex)
                if other:
                    kind, cue = "other_pct", other   # "and 91% for action short of a strike"
            value = self.value(fig)
            rule = f"{RULES}:{cue}"
            if kind == "support_pct" and cue == "sentence_cues" and self.listed_after_turnout(doc, fig, found, in_sent):
                kind, cue = "turnout_pct", "turnout_list_links"   # "turnouts were 47% among X and 39% among Y"
            if kind == "votes_of_eligible" and value is not None:
                found.append(Reading("votes_cast", value[0], fig, rule))
                found.append(Reading("eligible", value[1], fig, rule))
            elif kind == "eligible" and isinstance(value, tuple):
                found.append(Reading(kind, value[0], fig, rule))   # "168 of the 340 staff are members": 168
            elif kind and value is not None and (kind not in {"support_pct", "turnout_pct", "other_pct"} or 0 < value <= 100):
                found.append(Reading(kind, value, fig, rule))
        return found

    def listed_after_turnout(self, doc: Doc, fig: Span, found: list[Reading], figures: list[Span]) -> bool:
        """Whether a share with no cue of its own continues a list of turnouts: "47% among the porters and 39%
        among the cleaners" (a short stretch without a verb, ending in a link word, after a turnout)."""
        if not found or found[-1].kind != "turnout_pct" or fig.start - found[-1].span.end > 7:
            return False
        gap = [t for t in doc[found[-1].span.end:fig.start] if not t.is_space]
        if not gap or gap[-1].lower_ not in self.lex["turnout_list_links"] or any(t.pos_ in {"VERB", "AUX"} for t in gap):
            return False
        return not has_cue(self.clause_after(doc, fig, figures), self.lex["sentence_cues"])

    def value(self, span: Span) -> float | None:
        label = span.label_
        tokens = [t.text for t in span]
        if label == "PERCENT":
            words = []
            for t in tokens:  # "79%", "52.3 per cent", "eighty-eight per cent", "77pc"
                if t.lower() in self.lex["percent_words"]:
                    break
                words.append(re.sub(r"(%|pc|pct)$", "", t))
            return to_number("".join(words) if len(words) == 3 and words[1] == "-" else " ".join(words))
        if label == "ALL":
            return 100.0
        if label == "PART_OF":  # "186 of its 240 members took part": (part, whole)
            a, b = to_number(tokens[0]), to_number(tokens[-1])
            return (a, b) if a is not None and b and a <= b else None
        if label == "RATIO":
            a, b = to_number(tokens[0]), to_number(tokens[-1])
            return 100 * a / b if a is not None and b and a <= b else None
        if label == "FRACTION":
            return self.lex["fractions"].get(span.text.lower().replace(" - ", "-"), self.lex["fractions"].get(span.text.lower()))
        if label == "COUNT":
            n = to_number(tokens[0])
            if n is not None and len(tokens) > 1:
                n *= SCALES[tokens[1].lower()]
            return n
        return None

    def figures(self, sent: Span) -> list[Span]:
        """The figures of one sentence (the Matcher runs only on sentences that talk about a ballot)."""
        doc = sent.doc
        spans = [Span(doc, sent.start + start, sent.start + end, label=doc.vocab.strings[key])
                 for key, start, end in self.matcher(sent)]
        dates = token_indices(doc, DATES)
        return [s for s in filter_spans(spans) if not any(i in dates for i in range(s.start, s.end))]

    def clause_after(self, doc: Doc, fig: Span, figures: list[Span]) -> str:
        """Lower-cased text from the figure to the next figure, clause break or 10 tokens."""
        later = [f.start for f in figures if f.start >= fig.end and f.label_ != "COUNT"] if fig.label_ != "COUNT" else []
        stop = min(later + [fig.end + 10, fig.sent.end])
        i = fig.end
        while i < stop and doc[i].text not in self.lex["clause_break_marks"] and doc[i].lower_ not in self.lex["clause_break_words"]:
            i += 1
        return window(doc, fig.end, i)

    def voted_against(self, doc: Doc, fig: Span, clause: str) -> bool:
        """Whether the figure counts the votes against: an against cue in its clause, before any cue of support
        ("26,281 in favour, 9,799 against" makes only the second a no), and "against" not after a noun
        ("in a row against the closures", "action against the rota" name the cause)."""
        for cue in self.lex["support_cues"]:
            k = clause.find(f" {cue} ")
            if k >= 0:
                clause = clause[:k + 1]
        if not has_cue(clause, self.lex["against_cues"]):
            return False
        if has_cue(clause, [c for c in self.lex["against_cues"] if c != "against"]):
            return True
        stop = min(fig.sent.end, fig.end + 12)
        return any(t.lower_ == "against" and t.i > 0 and doc[t.i - 1].pos_ not in {"NOUN", "PROPN"}
                   for t in doc[fig.end:stop])

    def classify(self, doc: Doc, fig: Span, figures: list[Span]) -> tuple[str | None, str | None]:
        """The figure's kind and the ``models/ballots.json`` key of the cue that decided it."""
        lex = self.lex
        sent = fig.sent

        def near(start: int, end: int) -> str:  # never across the sentence's edges
            return window(doc, max(start, sent.start), min(end, sent.end))

        after = near(fig.end, fig.end + 3)
        before = near(fig.start - 3, fig.start)
        clause = self.clause_after(doc, fig, figures)
        if fig.label_ == "COUNT":
            if not_voters(doc, fig, lex, self.lemma):
                return None, None   # "31 branches voted", "since 2010", "paid £3"
            prior = [f for f in figures if f.end <= fig.start]
            if prior and prior[-1].label_ == "PERCENT" and window(doc, prior[-1].end, fig.start).strip() in lex["share_of_whole"]:
                if has_cue(near(fig.end, fig.end + 5), lex["voted_after_partitive"]):
                    return "votes_cast", "voted_after_partitive"   # "79% of 75 members who voted"
                return "eligible", "share_of_whole"   # "45.8% of its 2,100 members took part": the whole
            if has_cue(near(fig.end, fig.end + 2), lex["votes_to"]):
                return "yes_votes", "votes_to"  # "1,146 votes to 212"
            if has_cue(near(fig.start - 2, fig.start), lex["votes_to"]):
                return "no_votes", "votes_to"
        if self.voted_against(doc, fig, clause):
            return ("no_votes" if fig.label_ == "COUNT" else None), "against_cues"  # "70,088 (48.4%) voting against"
        if fig.label_ == "COUNT":
            after5 = near(fig.end, fig.end + 5)
            # "226 of them voted for strike action": the share of those just counted who voted yes
            skip = 2 if has_cue(near(fig.end, fig.end + 2), lex["of_those"]) else 0
            if has_cue(near(fig.end, fig.end + 3 + skip), lex["yes_count_cues"]) and not has_cue(after5, lex["who_voted"]):
                return "yes_votes", "yes_count_cues"  # "Of the 79 members who voted, 68 backed strike action"
            if skip and has_cue(after_aside(doc, fig, 4), lex["votes_cast_cues"]):
                return "votes_cast", "votes_cast_cues"   # "and 96 of them (57%) voted"
            if has_cue(near(fig.start - 2, fig.start), ["ballot of"]):
                return "eligible", "eligible_before"   # "a ballot of 960 members returned a 77% yes vote"
            if has_cue(near(fig.end, fig.end + 2), lex["votes_cast_cues"]) and not skip:
                return "votes_cast", "votes_cast_cues"  # "of the 560 balloted, 402 voted": the cue right after a count is its own
            if has_cue(after5, lex["eligible_cues"]):
                return "eligible", "eligible_cues"
            if has_cue(near(fig.start - 5, fig.start), lex["eligible_after_turnout"]) \
                    and has_cue(near(fig.start - 9, fig.start), lex["turnout_words"]):
                return "eligible", "eligible_after_turnout"   # "the turnout among its 3,400 members"
            if has_cue(before, lex["eligible_before"]):
                return "eligible", "eligible_before"
            if has_cue(after5, lex["votes_cast_cues"]):
                return "votes_cast", "votes_cast_cues"
            if has_cue(before, lex["partitive_before"]) and has_cue(after5, lex["voted_after_partitive"]):
                return "votes_cast", "voted_after_partitive"
            return None, None
        if fig.label_ == "PART_OF":
            # "186 of its 240 members took part", "64 of the 81 members balloted taking part": votes of an electorate
            if has_cue(clause, lex["part_of_vote_cues"]):
                return "votes_of_eligible", "part_of_vote_cues"
            return ("eligible", "members_of_whole") if members_of_whole(doc, fig, lex) else (None, None)
        if fig.label_ == "ALL" and meeting_vote(doc, sent, lex):
            return None, None   # "voted unanimously at a depot meeting": a show of hands, not a ballot
        if fig.label_ == "ALL":
            # "19 of its members voted, all in favour", "voted unanimously for action"
            return ("support_pct", "unanimous_cues") if has_cue(near(fig.start, fig.end + 3), lex["unanimous_cues"]) else (None, None)
        if fig.label_ in {"RATIO", "FRACTION"} and not has_cue(near(fig.end, fig.end + 4), lex["member_words"]):
            return None, None  # "a third of the departments" is not a share of the vote
        frame = turnout_frame(doc, fig, lex, self.lemma)
        if frame and not has_cue(after, lex["not_ballot_after"]):
            return "turnout_pct", frame   # "Turnout, counted across all the depots, reached 47%"
        if has_cue(after, lex["not_ballot_after"]) or has_cue(near(fig.start - 2, fig.start), lex["not_ballot_before"]) \
                or has_cue(near(fig.start - 4, fig.start), lex["not_ballot_of"]) \
                or has_cue(near(fig.start - 5, fig.start), lex["threshold_before"]):
            return None, None  # "the 50% threshold", "has to be over 50%", "a 5% pay offer", "inflation of 3.3 per cent"
        # a cue belongs to the nearest figure: look back no further than the figure before this one, and not
        # at all past a count ("186 of its 240 members took part, with 87% backing strikes")
        before_figs = [f for f in figures if f.end <= fig.start]
        floor = max([f.end for f in before_figs] + [fig.start - 5])
        if before_figs and before_figs[-1].label_ in {"COUNT", "PART_OF"} and fig.start - before_figs[-1].end <= 10:
            floor = fig.start
        near_turnout = "turnout_cues" if has_cue(near(floor, fig.end + 2), lex["turnout_cues"]) else \
            "turnout_words" if has_cue(near(fig.start - 5, fig.end + 2), lex["turnout_words"]) else None  # the word itself is never the count's
        if near_turnout:
            # "backed by 79% on a 52% turnout": the share right before "on a ... turnout" is support
            if has_cue(near(fig.end, fig.end + 4), lex["support_before_turnout"]) and not has_cue(after, lex["turnout_cues"]):
                return "support_pct", "support_before_turnout"
            return "turnout_pct", near_turnout
        # "20% of the membership actually voted": a share that voted, not one voting yes, is the turnout
        tokens = clause.split()
        if "and" in tokens:   # "voted 88% for strikes and GMB cleaners voted 71%": the later verb is another clause's
            tokens = tokens[:tokens.index("and")]
        voted = [tokens.index(w) for w in lex["voted_words"] if w in tokens]
        if voted:
            k = min(voted)
            rest = window(tokens[k + 1:k + 4])
            if (k == 0 or tokens[k - 1] not in lex["voted_relative"]) and not has_cue(rest, lex["support_after_vote"]) and not has_cue(clause, lex["support_cues"]):
                return "turnout_pct", "voted_words"
        return "support_pct", "sentence_cues"   # a share in a sentence about a vote that no other cue claims

    def fact_box_close(self, doc: Doc, sent: Span, previous: list[Span]) -> Span | None:
        """'What: A re-ballot will take place' ... 'When: 6 January – 16 February 2023': in a fact box, the
        end of the period given for a ballot is its closing day."""
        if len(sent) < 3 or sent[0].lower_ != self.lex["fact_box"]["when"] or sent[1].text != ":":
            return None
        what = next((p for p in reversed(previous[-6:]) if p[0].lower_ == self.lex["fact_box"]["what"]), None)
        if what is None or not has_cue(window(what), self.lex["ballot_words"] + self.lex["fact_box"]["also_ballot_words"]):
            return None
        return next((d for d in doc.spans.get(DATES, []) if sent.start <= d.start < sent.end
                     and d._.date_value is not None and d._.date_value.until is not None), None)

    def period_of_other(self, doc: Doc, sent: Span, start: int) -> bool:
        """Whether the thing named last before a date is not a ballot ("a week of strikes would run from ...", "notices
        of ballot go out from ...")."""
        for t in reversed(doc[sent.start:start]):
            if t.lower_ in self.lex["ballot_words"]:   # "notices of ballot go out from ...": the notices' period
                return t.head.lower_ == "of" and t.head.head.lower_ in self.lex["not_close_words"]
            if t.lower_ in self.lex["period_not_for"] or t.lower_ in self.lex["not_close_words"]:
                return True
        return False

    def closing_dates(self, doc: Doc, sent: Span) -> list[tuple[Span, str]]:
        """The dates a close cue points at, with the ``models/ballots.json`` key of the cue: "will run until
        January 15", "closed on Monday (13 May)" (a date that names its month wins over a bare weekday), "have
        until 20 March", "must be returned by 11 April", "the deadline ... is 2 May", and the end of a ballot
        period, "runs from 3 March to 24 March" (one date span or two). A second ballot closing in the same
        sentence ("closes on 6 June, while the other runs from 2 June to 20 June") gives a second date."""
        lex = self.lex
        dates = [d for d in doc.spans.get(DATES, []) if sent.start <= d.start < sent.end and d._.date_value is not None]
        found: list[tuple[Span, str]] = []
        for k, date in enumerate(dates):
            before = window(doc, max(sent.start, date.start - 6), date.start)
            near = window(doc, max(sent.start, date.start - 2), date.start)
            prev = dates[k - 1] if k else None
            start = prev.start if prev is not None and date.start - prev.end <= 2 else date.start
            if has_cue(window(doc, max(sent.start, start - 8), start), lex["not_close_words"]):
                continue    # "notices of ballot will be issued between 7 and 12 January": not the ballot's period
            other = self.period_of_other(doc, sent, start)   # "strikes would run from 7 to 11 October"
            if prev is not None and has_cue(window(doc, max(sent.start, prev.start - 2), prev.start), lex["period_from"]) \
                    and has_cue(window(doc, prev.end, date.start), lex["period_to"]) and date.start - prev.end <= 2 and not other:
                found.append((date, "period_from"))         # "from 3 March to 24 March": closes on the second
            elif date._.date_value.until is not None and has_cue(near, lex["period_from"]) and not other:
                found.append((date, "period_from"))         # one span "3 March to 24 March 2025"
            elif has_cue(before, lex["close_cues"]) and not (found and found[-1][0] is prev and prev.end >= date.start - 3):
                found.append((date, "close_cues"))
            elif has_cue(window(doc, sent.start, date.start), lex["deadline_words"]) and has_cue(near, lex["deadline_link"]):
                found.append((date, "deadline_words"))      # "the deadline for members to vote is 2 May"
        if not found:
            return []
        found.sort(key=lambda f: (f[0]._.date_value.month is None, f[0].start))
        best = [found[0]]
        for date, key in found[1:]:   # another ballot's closing day, named after its own ballot word
            last = max(b[0].end for b in best)
            if date.start > last and date._.date_value.month is not None \
                    and has_cue(window(doc, last, date.start), lex["ballot_words"]):
                best.append((date, key))
        return sorted(best, key=lambda f: f[0].start)
