"""A strike's status, for strikex_strikes: the furthest along the status cues of its sentences reach.

Cues are listed per status in ``status_cues`` of ``models/strikes.json``, furthest along first: called off >
suspended > held > going ahead > planned > balloting > threatened. A cue under a condition ("unless the
union called off", "will be called off if ...") or a negation ("no dates have been set") states nothing; nor
does "prepared to strike" (a will, ``willing_before``), a cue in the cause ("a ballot over plans to close the depot") or a held cue in the future ("she will
join them on the picket line").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from spacy.tokens import Span, Token

from ..records import STATUS_ORDER
from ..extensions import DATES
from ._gazetteer import token_indices
from ._text import has_cue, window



def further(status: str | None, than: str | None) -> bool:
    """Whether ``status`` is further along than ``than`` (any status is further than none)."""
    return bool(status) and (than is None or STATUS_ORDER.index(status) < STATUS_ORDER.index(than))


class StatusReader:
    def __init__(self, lex: dict):
        self.lex = lex
        self.status_cues = [(status, [(c, re.compile(rf" {re.escape(c)} ")) for c in sorted(cues, key=len, reverse=True)])
                            for status, cues in lex["status_cues"]]

    def __call__(self, sent: Span) -> tuple[str | None, str | None]:
        """The furthest-along status a cue in the sentence states, and the cue; dates are masked first, so
        the month "May" is not the modal "may"."""
        doc = sent.doc
        in_date = token_indices(doc, DATES)
        tokens = list(sent)
        words = ["<date>" if t.i in in_date else t.lower_ for t in tokens]
        text = window(words)
        starts = list(accumulate([1] + [len(w) + 1 for w in words[:-1]]))   # where each word begins in text
        for status, cues in self.status_cues:
            for cue, rx in cues:
                if f" {cue} " not in text:
                    continue
                for m in rx.finditer(text):
                    before = text[: m.start()].split()
                    after = text[m.end():].split()
                    if has_cue(window(before[-6:]), self.lex["conditional_before"]):
                        continue
                    if status not in self.lex["unconditional_statuses"] and has_cue(window(after[:3]), self.lex["conditional_after"]):
                        continue  # "will be called off if the council ..." states a condition, not a fact
                    if status == "called off" and has_cue(window(before[-8:]), self.lex["conditional_before_call_off"]):
                        continue  # "threatened legal action unless the union called off ..."
                    if status != "called off" and has_cue(window(before[-2:]), self.lex["negation_before"]):
                        continue
                    if before and before[-1] in self.lex["willing_before"]:
                        continue  # "said they were prepared to strike": a will, not a plan
                    first = tokens[bisect_right(starts, m.start() + 1) - 1]
                    if self.grievance(first) or (status == "held" and self.future(first)):
                        continue
                    return status, cue
        return None, None

    def grievance(self, tok: Token) -> bool:
        """'balloted on strike action over plans to sell the service': a cue inside the cause ('over/against
        the council's plans') is the grievance's word, not the strike's (``cause_prepositions``)."""
        return tok.dep_ == "pobj" and tok.head.lower_ in self.lex["cause_prepositions"]

    def future(self, tok: Token) -> bool:
        """'he would join staff on the picket line': a held cue whose verb is future or an infinitive
        (an auxiliary of ``future_auxiliaries``) tells of a strike still to come, not one held."""
        verb = tok
        for _ in range(4):
            if verb.pos_ in {"VERB", "AUX"} or verb.head is verb:
                break
            verb = verb.head
        return verb.pos_ in {"VERB", "AUX"} and any(
            c.dep_ in {"aux", "auxpass"} and c.lower_ in self.lex["future_auxiliaries"] for c in verb.children)
