"""Which figures make one ballot, for strikex_ballots.

Each share of support starts a ballot; the other figures of its sentence go to the nearest one ("90% on a
53% turnout in England and 92% on a 58% turnout in Wales" is two ballots), or to the ballot just before
when the sentence has none. Neighbouring parts of one ballot are joined afterwards, a ballot said again in
fewer words is dropped, and yes and no counts give the share and the votes cast when no share is given.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from ..datenorm import DateValue
from .ballot_figures import RULES, Reading

FIGURES = ("support_pct", "turnout_pct", "votes_cast", "eligible", "yes_votes", "no_votes", "closes")


@dataclass
class BallotFound:
    """A ballot as the component finds it; ``assemble.ballots`` makes the output record from it."""
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
    rule: str | None = None                  # "ballots.json:turnout_cues": the rule that found it
    qualifiers: frozenset[str] = frozenset()  # the words that say whose it is ("drivers", "national", "wales")
    question: str | None = None              # what its share answers: "strike", "broad" (industrial action), None

    @property
    def closes_value(self) -> DateValue | None:
        return self.closes._.date_value if self.closes is not None else None


def add_close_period(ballots: list[BallotFound], period: Span, sent: Span, union: str | None) -> None:
    """A fact box's ballot period closes the last ballot without a closing date, or is a ballot of its own."""
    target = next((b for b in reversed(ballots) if b.closes is None), None)
    if target is None:
        ballots.append(BallotFound(closes=period, evidence=[sent], anchor=period.start, union=union,
                                   rule=f"{RULES}:fact_box"))
    else:
        target.closes = period
        target.evidence.append(sent)


def group_sentence(found: list[Reading], closes: list[tuple[Span, str]], sent: Span, ballots: list[BallotFound],
                   named: str | None = None, quals: dict[int, frozenset[str]] | None = None,
                   main: bool = False) -> list[BallotFound]:
    """The new ballots of one sentence from its figures and closing date; a figure the sentence's own ballots
    cannot take may complete a ballot just reported (``earlier_target``), unless the sentence names another
    union (``named``: "The GMB said that of the 560 members it balloted, 402 voted"). ``quals``: each figure's
    qualifiers (``ballot_context.qualifiers``); ``main``: the sentence names the main ballot."""
    new: list[BallotFound] = []
    quals = quals or {}
    found = other_question_shares(found, sent, ballots)
    for kind, value, fig, rule in found:
        if kind == "support_pct":
            new.append(BallotFound(support_pct=value, evidence=[sent], figures=[fig], anchor=fig.start, rule=rule,
                                   qualifiers=quals.get(fig.start, frozenset())))
    for kind, value, fig, rule in found:
        if kind == "support_pct":
            continue
        pool = [b for b in new if getattr(b, kind) is None]
        if not pool:
            earlier = earlier_target(ballots, kind, sent, named, quals.get(fig.start, frozenset()), main)
            pool = [earlier] if earlier is not None else []
        if not pool:
            b = BallotFound(evidence=[sent], anchor=fig.start, rule=rule)
            new.append(b)
            pool = [b]
        target = min(pool, key=lambda b: abs(b.anchor - fig.start))
        setattr(target, kind, value)
        target.figures.append(fig)
        if sent not in target.evidence:
            target.evidence.append(sent)
    for k, (date, key) in enumerate(closes):
        if k < len(new):
            new[k].closes = date
        elif k == 0 and ballots and ballots[-1].closes is None:
            ballots[-1].closes = date
            ballots[-1].evidence.append(sent)
        else:
            new.append(BallotFound(closes=date, evidence=[sent], anchor=date.start, rule=f"{RULES}:{key}"))
    return new


def earlier_target(ballots: list[BallotFound], kind: str, sent: Span, named: str | None, words: frozenset[str],
                   main: bool, reach: int = 60) -> BallotFound | None:
    """The ballot just reported that a later figure completes: of the ballots reported one after another (each
    within ``reach`` tokens of the next, the last within ``reach`` of this sentence) that lack this figure and
    are of the union named (if any), the one whose own words the figure repeats ("The turnout among the
    drivers was 63%"), else the first when the sentence names the main ballot, else the last one reported."""
    run: list[BallotFound] = []
    end = sent.start
    for b in reversed(ballots):
        if b.evidence[-1].end < end - reach:
            break
        run.insert(0, b)
        end = b.evidence[0].start
    pool = [b for b in run if getattr(b, kind) is None and named in (None, b.union)]
    if not pool:
        return None
    scores = [len(words & b.qualifiers) for b in pool]
    best = max(scores)
    if best and scores.count(best) == 1:
        return pool[scores.index(best)]
    if main and len(pool) > 1:
        return pool[0]
    return ballots[-1] if ballots[-1] in pool else None


def other_question_shares(found: list[Reading], sent: Span, ballots: list[BallotFound],
                          reach: int = 120) -> list[Reading]:
    """A share for another question (action short of a strike) fills nothing when the strike question has a
    share, in this sentence or in the ballot just reported; a ballot reported with no strike share takes it
    as its support ("strikes were turned down, but action short of a strike was approved by 72%")."""
    others = [r for r in found if r.kind == "other_pct"]
    rest = [r for r in found if r.kind != "other_pct"]
    if not others:
        return found
    if any(r.kind == "support_pct" for r in rest) or (
            ballots and ballots[-1].support_pct is not None and ballots[-1].evidence[-1].end >= sent.start - reach):
        return rest
    first = others[0]
    return sorted(rest + [Reading("support_pct", first.value, first.span, first.rule)], key=lambda r: r.span.start)


def fold_broad_questions(ballots: list[BallotFound], reach: int = 150) -> list[BallotFound]:
    """A share for a broader question ("industrial action", listed with action short of a strike) is not the
    result when the same union's report gives a share for strikes within ``reach`` tokens: that one is the
    support, and takes the broad ballot's other figures where it has none."""
    out = list(ballots)
    for a in ballots:
        b = next((b for b in ballots if a.question == "broad" and b.question == "strike" and b.union == a.union
                  and abs(b.anchor - a.anchor) <= reach), None)
        if b is None:
            continue
        for k in FIGURES:
            if k != "support_pct" and getattr(b, k) is None:
                setattr(b, k, getattr(a, k))
        b.evidence.extend(e for e in a.evidence if e not in b.evidence)
        out.remove(a)
    return out


def derive_from_counts(b: BallotFound) -> None:
    """Yes and no counts give the share voting yes and the votes cast when the text gives no percentage."""
    if b.yes_votes is None:
        return
    if b.votes_cast is None and b.no_votes is not None:
        b.votes_cast = b.yes_votes + b.no_votes
    if b.support_pct is None and b.votes_cast and b.yes_votes <= b.votes_cast:
        b.support_pct = 100 * b.yes_votes / b.votes_cast


def merge_incomplete(ballots: list[BallotFound], max_gap: int = 80) -> list[BallotFound]:
    """Join neighbouring parts of one ballot ("a ballot of 160,000 members closed on Monday" + "83.7% voted
    in favour"): two ballots merge when one has no support figure, their figures do not clash, they name
    the same union (or one names none) and they stand within ``max_gap`` tokens."""
    out: list[BallotFound] = []
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
            prev.rule = prev.rule or b.rule
            prev.evidence.extend(e for e in b.evidence if e not in prev.evidence)
            prev.figures.extend(b.figures)
            continue
        out.append(b)
    return out


def attach_far_turnouts(ballots: list[BallotFound]) -> list[BallotFound]:
    """A turnout reported on its own, far from the result ("the 34 per cent response to the ballot" many lines
    on; "of a possible 1,180 members, 612 sent back papers – a turnout of 51.9%"), belongs to the ballot of its
    union reported before it that has no turnout yet, when their counts do not disagree."""
    counts = ("votes_cast", "eligible")
    out: list[BallotFound] = []
    for b in ballots:
        lone = b.turnout_pct is not None and all(getattr(b, k) is None for k in FIGURES if k not in {"turnout_pct", *counts})
        target = next((o for o in reversed(out) if o.support_pct is not None and o.turnout_pct is None
                       and all(None in (getattr(o, k), getattr(b, k)) or getattr(o, k) == getattr(b, k) for k in counts)
                       and (o.union == b.union or None in (o.union, b.union))), None) if lone else None
        if target is None:
            out.append(b)
            continue
        target.turnout_pct = b.turnout_pct
        for k in counts:
            setattr(target, k, getattr(target, k) if getattr(target, k) is not None else getattr(b, k))
        target.evidence.extend(e for e in b.evidence if e not in target.evidence)
        target.figures.extend(b.figures)
    return out


def drop_lone_counts(ballots: list[BallotFound]) -> list[BallotFound]:
    """A count alone ("out of the 105,000 registered supporters", "1,200 members were balloted") is not a
    ballot result: a ballot needs a share, a second figure, yes/no counts or a closing day."""
    def lone(b):
        known = [k for k in FIGURES if getattr(b, k) is not None]
        return len(known) == 1 and known[0] in {"votes_cast", "eligible"}

    return [b for b in ballots if not lone(b)]


def drop_repeats(ballots: list[BallotFound]) -> list[BallotFound]:
    """A figure said again ("nine out of 10 voted for strikes", a quote's "a 47 per cent turnout") repeats a
    fuller report of the same result: a ballot whose figures are all in another one of its union is dropped."""
    def known(b):
        return {k: getattr(b, k) for k in FIGURES if getattr(b, k) is not None}

    kept = []
    for i, b in enumerate(ballots):
        kb = known(b)
        # a ballot said again with the same figures ("88% voted for strikes" ... "88% of members voted to strike")
        # keeps its first report; equal results in one sentence are two ballots ("94% at X, and also 94% at Y")
        if kb and any(o is not b and (o.union == b.union or b.union is None)
                      and (kb.items() < known(o).items() or (kb == known(o) and j < i and o.evidence[0] != b.evidence[0]))
                      for j, o in enumerate(ballots)):
            continue
        kept.append(b)
    return kept


def nearest_union(unions: list[Span], sent: Span, anchor: int) -> str | None:
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
