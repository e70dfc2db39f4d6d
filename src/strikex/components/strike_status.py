"""A strike's status, for strikex_strikes: the furthest along the status cues of its sentences reach.

Cues are listed per status in ``status_cues`` of ``models/strikes.json``, furthest along first: called off >
suspended > held > going ahead > planned > balloting > threatened. A cue under a condition ("unless the
union called off", "will be called off if ...") or a negation ("no dates have been set") states nothing.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

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
        text = window("<date>" if t.i in in_date else t.lower_ for t in sent)
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
                    return status, cue
        return None, None
