"""strikex_ballots: each ballot reported, with its figures and closing date.

Figures are found by the Matcher patterns in ``models/ballot_patterns.jsonl`` ("79%", "52 per cent",
"four out of five", "two-thirds", "1,024") inside sentences that talk about a vote, and given a meaning
by the nearest cue in ``models/ballots.json``: a share near "turnout" is the turnout, otherwise the
share voting yes; a count before "who voted" is the votes cast, one before "balloted" or "eligible" the
electorate. A sentence with two shares of support reports two ballots ("90% on a 53% turnout in England
and 92% on a 58% turnout in Wales"). "The ballot will run until January 15" gives the closing date.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..extensions import BALLOT_FIGURES, DATES, UNIONS
from ..datenorm import DateValue
from ..numbers import SCALES, to_number
from ..resources import read_json, read_jsonl
from ._gazetteer import token_indices
from .boilerplate import span_in_boilerplate

SPANS_KEY = BALLOT_FIGURES


@dataclass
class Ballot:
    union: str | None = None
    support_pct: float | None = None
    turnout_pct: float | None = None
    votes_cast: float | None = None
    eligible: float | None = None
    yes_votes: float | None = None          # counts: "68 backed strikes", "1,146 votes to 212"
    no_votes: float | None = None
    closes: Span | None = None              # a date span
    evidence: list[Span] = field(default_factory=list)   # sentences
    figures: list[Span] = field(default_factory=list)    # the figure spans used
    anchor: int = 0                          # token index of the defining figure

    @property
    def closes_value(self) -> DateValue | None:
        return self.closes._.date_value if self.closes is not None else None


def _window_text(doc: Doc, start: int, end: int) -> str:
    start, end = max(start, 0), min(end, len(doc))
    return " " + " ".join(t.lower_ for t in doc[start:end]) + " "


def _has(text: str, cues) -> bool:
    return any(f" {c} " in text for c in cues)


class BallotFinder:
    def __init__(self, nlp: Language, name: str, lexicon: str, patterns: str):
        self.name = name
        self.lex = read_json(lexicon)
        self.matcher = Matcher(nlp.vocab)
        for row in read_jsonl(patterns):
            self.matcher.add(row["label"], [row["pattern"]])

    def value(self, span: Span) -> float | None:
        label = span.label_
        tokens = [t.text for t in span]
        if label == "PERCENT":
            words = []
            for t in tokens:  # "79%", "52.3 per cent", "eighty-eight per cent"
                if t.lower() in {"%", "per", "percent", "pc", "pct", "cent"}:
                    break
                words.append(t.rstrip("%"))
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
        while i < stop and doc[i].text not in {";", ":"} and doc[i].lower_ not in {"but", "while", "whereas"}:
            i += 1
        return _window_text(doc, fig.end, i)

    def classify(self, doc: Doc, fig: Span, figures: list[Span]) -> str | None:
        lex = self.lex
        sent = fig.sent

        def window(start: int, end: int) -> str:  # never across the sentence's edges
            return _window_text(doc, max(start, sent.start), min(end, sent.end))

        after = window(fig.end, fig.end + 3)
        before = window(fig.start - 3, fig.start)
        clause = self.clause_after(doc, fig, figures)
        if fig.label_ == "COUNT":
            if _has(window(fig.end, fig.end + 2), lex["votes_to"]):
                return "yes_votes"  # "1,146 votes to 212"
            if _has(window(fig.start - 2, fig.start), lex["votes_to"]):
                return "no_votes"
        if _has(clause, lex["against_cues"]):
            return "no_votes" if fig.label_ == "COUNT" else None  # "70,088 (48.4%) voting against"
        if fig.label_ == "COUNT":
            after5 = window(fig.end, fig.end + 5)
            # "226 of them voted for strike action": the share of those just counted who voted yes
            skip = 2 if _has(window(fig.end, fig.end + 2), ["of them", "of those", "of these"]) else 0
            if _has(window(fig.end, fig.end + 3 + skip), lex["yes_count_cues"]) and not _has(after5, ["who voted", "who took part"]):
                return "yes_votes"  # "Of the 79 members who voted, 68 backed strike action"
            if _has(window(fig.end, fig.end + 2), lex["votes_cast_cues"]) and not skip:
                return "votes_cast"  # "of the 560 balloted, 402 voted": the cue right after a count is its own
            if _has(after5, lex["eligible_cues"]) or _has(before, lex["eligible_before"]):
                return "eligible"
            if _has(after5, lex["votes_cast_cues"]) or _has(before, ["of the", "of"]) and _has(after5, ["who voted", "voting", "who took part"]):
                return "votes_cast"
            return None
        if fig.label_ == "PART_OF":
            # "186 of its 240 members took part", "64 of the 81 members balloted taking part": votes of an electorate
            return "votes_of_eligible" if _has(clause, ["took part", "taking part", "voted", "returned", "cast"]) else None
        if fig.label_ == "ALL":
            # "19 of its members voted, all in favour", "voted unanimously for action"
            return "support_pct" if _has(window(fig.start, fig.end + 3), ["all in favour", "all in favor", "unanimously",
                                                                         "unanimous"]) else None
        if fig.label_ in {"RATIO", "FRACTION"} and not _has(window(fig.end, fig.end + 4), lex["member_words"]):
            return None  # "a third of the departments" is not a share of the vote
        if _has(after, lex["not_ballot_after"]) or _has(window(fig.start - 2, fig.start), lex["not_ballot_before"]) \
                or _has(window(fig.start - 4, fig.start), ["inflation of", "rate of", "rise of", "cut of", "cuts of"]) \
                or _has(window(fig.start - 5, fig.start), lex["threshold_before"]):
            return None  # "the 50% threshold", "has to be over 50%", "a 5% pay offer", "inflation of 3.3 per cent"
        # a cue belongs to the nearest figure: look back no further than the figure before this one, and not
        # at all past a count ("186 of its 240 members took part, with 87% backing strikes")
        before_figs = [f for f in figures if f.end <= fig.start]
        floor = max([f.end for f in before_figs] + [fig.start - 5])
        if before_figs and before_figs[-1].label_ in {"COUNT", "PART_OF"} and fig.start - before_figs[-1].end <= 10:
            floor = fig.start
        near_turnout = _has(window(floor, fig.end + 2), lex["turnout_cues"]) \
            or _has(window(fig.start - 5, fig.end + 2), ["turnout", "turn-out"])  # the word itself is never the count's
        if near_turnout:
            # "backed by 79% on a 52% turnout": the share right before "on a ... turnout" is support
            if _has(window(fig.end, fig.end + 4), ["on a", "with a"]) and not _has(after, lex["turnout_cues"]):
                return "support_pct"
            return "turnout_pct"
        # "20% of the membership actually voted": a share that voted, not one voting yes, is the turnout
        tokens = clause.split()
        if any(w in tokens for w in ("voted", "took", "taking")):
            k = min(tokens.index(w) for w in ("voted", "took", "taking") if w in tokens)
            rest = " " + " ".join(tokens[k + 1:k + 4]) + " "
            if (k == 0 or tokens[k - 1] != "who") and not _has(rest, lex["support_after_vote"]) and not _has(clause, lex["support_cues"]):
                return "turnout_pct"
        return "support_pct"

    def __call__(self, doc: Doc) -> Doc:
        ballots: list[Ballot] = []
        unions = list(doc.spans.get(UNIONS, []))
        primary = doc._.main_union
        used: list[Span] = []
        seen: list[Span] = []
        for sent in doc.sents:
            if span_in_boilerplate(sent):
                continue
            seen.append(sent)
            period = self.fact_box_close(doc, sent, seen[:-1])
            if period is not None:
                target = next((b for b in reversed(ballots) if b.closes is None), None)
                if target is None:
                    ballots.append(Ballot(closes=period, evidence=[sent], anchor=period.start, union=primary))
                else:
                    target.closes = period
                    target.evidence.append(sent)
                continue
            text = _window_text(doc, sent.start, sent.end)
            if not _has(text, self.lex["sentence_cues"]) or _has(text, self.lex["not_ballot_sentence"]):
                continue
            found: list[tuple[str, float, Span]] = []
            in_sent = self.figures(sent)
            for fig in in_sent:
                kind = self.classify(doc, fig, in_sent)
                value = self.value(fig)
                if kind == "votes_of_eligible" and value is not None:
                    found.append(("votes_cast", value[0], fig))
                    found.append(("eligible", value[1], fig))
                elif kind and value is not None and (kind not in {"support_pct", "turnout_pct"} or 0 < value <= 100):
                    found.append((kind, value, fig))
            closes = self.closing_date(doc, sent) if _has(text, self.lex["ballot_words"]) else None
            new: list[Ballot] = []
            for kind, value, fig in found:
                if kind == "support_pct":
                    new.append(Ballot(support_pct=value, evidence=[sent], figures=[fig], anchor=fig.start))
            for kind, value, fig in found:
                if kind == "support_pct":
                    continue
                pool = [b for b in new if getattr(b, kind) is None]
                if not pool and ballots and getattr(ballots[-1], kind) is None and ballots[-1].evidence[-1].end >= sent.start - 60:
                    pool = [ballots[-1]]
                if not pool:
                    b = Ballot(evidence=[sent], anchor=fig.start)
                    new.append(b)
                    pool = [b]
                target = min(pool, key=lambda b: abs(b.anchor - fig.start))
                setattr(target, kind, value)
                target.figures.append(fig)
                if sent not in target.evidence:
                    target.evidence.append(sent)
            if closes is not None:
                if new:
                    new[0].closes = closes
                elif ballots and ballots[-1].closes is None:
                    ballots[-1].closes = closes
                    ballots[-1].evidence.append(sent)
                else:
                    new.append(Ballot(closes=closes, evidence=[sent], anchor=closes.start))
            for b in new:
                b.union = _nearest_union(unions, sent, b.anchor) or primary
                used.extend(b.figures)
            ballots.extend(new)
        ballots = merge_incomplete(ballots)
        for b in ballots:
            derive_from_counts(b)
        doc._.ballots = drop_repeats(ballots)
        doc.spans[SPANS_KEY] = used
        return doc

    def fact_box_close(self, doc: Doc, sent: Span, previous: list[Span]) -> Span | None:
        """'What: A re-ballot will take place' ... 'When: 6 January – 16 February 2023': in a fact box, the
        end of the period given for a ballot is its closing day."""
        if len(sent) < 3 or sent[0].lower_ != self.lex["fact_box"]["when"] or sent[1].text != ":":
            return None
        what = next((p for p in reversed(previous[-6:]) if p[0].lower_ == self.lex["fact_box"]["what"]), None)
        if what is None or not _has(_window_text(doc, what.start, what.end), self.lex["ballot_words"] + ["re-ballot"]):
            return None
        return next((d for d in doc.spans.get(DATES, []) if sent.start <= d.start < sent.end
                     and d._.date_value is not None and d._.date_value.until is not None), None)

    def closing_date(self, doc: Doc, sent: Span) -> Span | None:
        """The date a close cue points at ("will run until January 15", "closed on Monday (13 May)");
        a date that names its month wins over a bare weekday."""
        found = []
        for date in doc.spans.get(DATES, []):
            if not (sent.start <= date.start < sent.end) or date._.date_value is None:
                continue
            if _has(_window_text(doc, max(sent.start, date.start - 6), date.start), self.lex["close_cues"]):
                found.append(date)
        found.sort(key=lambda d: (d._.date_value.month is None, d.start))
        return found[0] if found else None


FIGURES = ("support_pct", "turnout_pct", "votes_cast", "eligible", "yes_votes", "no_votes", "closes")


def derive_from_counts(b: Ballot) -> None:
    """Yes and no counts give the share voting yes and the votes cast when the text gives no percentage."""
    if b.yes_votes is None:
        return
    if b.votes_cast is None and b.no_votes is not None:
        b.votes_cast = b.yes_votes + b.no_votes
    if b.support_pct is None and b.votes_cast and b.yes_votes <= b.votes_cast:
        b.support_pct = 100 * b.yes_votes / b.votes_cast


def merge_incomplete(ballots: list[Ballot], max_gap: int = 80) -> list[Ballot]:
    """Join neighbouring parts of one ballot ("a ballot of 160,000 members closed on Monday" + "83.7% voted
    in favour"): two ballots merge when one has no support figure, their figures do not clash, they name
    the same union (or one names none) and they stand within ``max_gap`` tokens."""
    out: list[Ballot] = []
    for b in ballots:
        prev = out[-1] if out else None
        if prev is not None and (prev.support_pct is None or b.support_pct is None) \
                and all(getattr(prev, k) is None or getattr(b, k) is None for k in FIGURES) \
                and (prev.union == b.union or None in (prev.union, b.union)) \
                and b.evidence[0].start - prev.evidence[-1].end <= max_gap:
            for k in FIGURES:
                if getattr(prev, k) is None:
                    setattr(prev, k, getattr(b, k))
            prev.union = prev.union or b.union
            prev.evidence.extend(e for e in b.evidence if e not in prev.evidence)
            prev.figures.extend(b.figures)
            continue
        out.append(b)
    return out


def drop_repeats(ballots: list[Ballot]) -> list[Ballot]:
    """A figure said again ("nine out of 10 voted for strikes", a quote's "a 47 per cent turnout") repeats a
    fuller report of the same result: a ballot whose figures are all in another one of its union is dropped."""
    def known(b):
        return {k: getattr(b, k) for k in FIGURES if getattr(b, k) is not None}

    kept = []
    for b in ballots:
        kb = known(b)
        if kb and any(o is not b and (o.union == b.union or b.union is None) and kb.items() < known(o).items()
                      for o in ballots):
            continue
        kept.append(b)
    return kept


def _nearest_union(unions: list[Span], sent: Span, anchor: int) -> str | None:
    """The union a figure belongs to: the last one named before it in its sentence ("GMB members voted
    76%"), else the first after it, else the last one named before the sentence."""
    inside = [u for u in unions if sent.start <= u.start < sent.end]
    before = [u for u in inside if u.start < anchor]
    if before:
        return before[-1]._.canonical
    if inside:
        return inside[0]._.canonical
    earlier = [u for u in unions if u.start < sent.start]
    return earlier[-1]._.canonical if earlier else None


@Language.factory(
    "strikex_ballots",
    assigns=["doc._.ballots", "doc.spans"],
    requires=["token.is_sent_start"],
    default_config={"lexicon": "ballots.json", "patterns": "ballot_patterns.jsonl"},
)
def make_ballot_finder(nlp: Language, name: str, lexicon: str, patterns: str) -> BallotFinder:
    return BallotFinder(nlp, name, lexicon, patterns)
