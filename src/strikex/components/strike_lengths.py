"""How long a strike runs, for strike_days: the length a sentence states and which date it belongs to.

    LENGTH := N-day | N-hour | week-long | fortnight (before a strike word: "a 72-hour strike", "a fortnight
              of strikes", "five days of action")          -- the "pre" form, owned by the date after it
            | for (N|a|another|further) (consecutive|more|...)? (days|weeks|fortnight)
                                                            -- the "for" form, owned by the date before it
                                                               (or the one after, when none is before)
    END    := (until|till|through|to|ending) D | D governed by end/finish   -- the run ends on D
    RETURN := (return|returning|back) to work on D          -- the run ends the day before D

A length belongs to the nearest date of its form's side with no other date between them, so "a week-long
strike in early March and further action from 20 April" does not stretch the 20th. Word lists:
``models/strikes.json`` (``durations``, ``counted_lengths``, ``end_words``).
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span

from ..numbers import to_number

HOURS = re.compile(r"^(\d+|[a-z]+)-hours?$")
DAYS = re.compile(r"^(\d+|[a-z]+)-(day|week)s?(?:-long)?$")


class Lengths:
    def __init__(self, lex: dict, lemma):
        self.lex = lex
        self.lemma = lemma
        self.durations = lex["durations"]
        counted = lex["counted_lengths"]
        self.units = counted["units"]
        self.modifiers = set(counted["modifiers"])
        self.max_days = counted["max_days"]
        self.strike_words = set(lex["strike_words"]) | set(lex["weak_triggers"])
        self.end_words = set(lex["end_words"])
        self.end_verbs = set(lex["end_verbs"])
        self.start_cues = set(lex["start_cues"])

    def _compound(self, sent: Span, i: int) -> tuple[int, int] | None:
        """(length in days, last token) of an adjectival length starting at token ``i``."""
        doc = sent.doc
        for n in (3, 1):   # "week - long" as three tokens, or "week-long" as one
            if i + n > sent.end:
                continue
            text = "".join(t.text for t in doc[i: i + n]).lower()
            if text in self.durations:
                return self.durations[text], i + n - 1
            m = HOURS.match(text)
            if m and to_number(m.group(1)):
                return max(1, -(-int(to_number(m.group(1))) // 24)), i + n - 1
            m = DAYS.match(text)
            if m and to_number(m.group(1)):
                return int(to_number(m.group(1))) * (7 if m.group(2) == "week" else 1), i + n - 1
        return None

    def found(self, sent: Span) -> list[tuple[int, int, str]]:
        """(token, days, form) for every length the sentence states; form is "pre" or "for"."""
        doc, out = sent.doc, []
        for tok in sent:
            i = tok.i
            unit = tok.lower_
            compound = self._compound(sent, i)
            if compound is not None and (compound[1] > i or unit not in self.units and unit != "fortnight"):
                days, last = compound
                if any(t.lower_ in self.strike_words for t in doc[last + 1: min(last + 4, sent.end)]):
                    out.append((i, days, "pre"))
                continue
            if unit in self.units or unit == "fortnight":
                per = self.units.get(unit, 14)
                j = i - 1
                while j >= sent.start and doc[j].lower_ in self.modifiers:
                    j -= 1
                number = doc[j].lower_ if j >= sent.start else ""
                count = 1 if number in {"a", "an", "another"} else to_number(number)
                if count is None and unit == "fortnight":
                    count, j = 1, i
                if not count:
                    continue
                days = int(count) * per
                nxt = doc[i + 1].lower_ if i + 1 < sent.end else ""
                if nxt in {"later", "ago", "'", "’", "notice", "before", "after", "earlier"}:
                    continue   # "two days later", "14 days' notice": not how long a strike runs
                k = j - 1
                while k > sent.start and doc[k].lower_ in {"another", "a", "further", "more"}:
                    k -= 1   # "for another 9 days"
                if k >= sent.start and doc[k].lower_ in {"for", "lasting", "over"}:
                    out.append((i, days, "for"))
                elif nxt == "of" and i + 2 < sent.end and doc[i + 2].lower_ in self.strike_words | {"strike", "industrial"}:
                    out.append((i, days, "pre"))
                continue
        return out

    def owner(self, lengths, dates: list[Span], date: Span) -> int | None:
        """The length that belongs to ``date``: the nearest of the right side with no other date between."""
        best = None
        doc = date.doc
        for i, days, form in lengths:
            if i < date.start:
                between = [d for d in dates if i < d.start and d.end <= date.start]
                # "for three days from Monday 5 February": a length right before a start cue is that date's
                leads = date.start - i <= 3 and any(t.lower_ in self.start_cues for t in doc[i + 1: date.start])
                if between or (form == "for" and not leads and any(d.end <= i for d in dates)):
                    continue
            else:
                between = [d for d in dates if date.end <= d.start and d.end <= i]
                nxt = next((d for d in dates if d.start > i), None)
                leads = nxt is not None and nxt.start - i <= 3 and \
                    any(t.lower_ in self.start_cues for t in doc[i + 1: nxt.start])
                if between or form == "pre" or leads:
                    continue
            distance = abs(i - date.start)
            if best is None or distance < best[0]:
                best = (distance, days)
        return best[1] if best else None

    def is_end(self, date: Span) -> bool:
        """'until 27 March', 'ended yesterday': the run ends on the date."""
        doc = date.doc
        if date.start > 0 and doc[date.start - 1].lower_ in self.end_words:
            return True
        head = date.root.head
        for _ in range(3):
            if head.pos_ in {"VERB", "AUX"}:
                return self.lemma(head) in self.end_verbs
            head = head.head
        return False

    def returns(self, doc, dates: list[Span]) -> dt.date | None:
        """'returning to work on 12 February': the first day not on strike."""
        for d in dates:
            words = [t.lower_ for t in doc[max(0, d.start - 4): d.start]]
            v = d._.date_value
            if v is not None and v.date and "work" in words and any(w.startswith("return") or w == "back" for w in words):
                return v.date
        return None

    def stretch(self, sent: Span, dates: list[Span], date: Span, day: dt.date, previous: dt.date | None) -> list[dt.date]:
        """The run a single day stands for: start + length, end - length, previous start .. end."""
        length = self.owner(self.found(sent), dates, date)
        if self.is_end(date):
            if previous is not None and previous < day and (day - previous).days < self.max_days:
                return [previous + dt.timedelta(n) for n in range((day - previous).days + 1)]
            if length:
                return [day - dt.timedelta(n) for n in range(min(length, self.max_days))][::-1]
            return [day]
        if not length:
            return [day]
        run = [day + dt.timedelta(n) for n in range(min(length, self.max_days))]
        back = self.returns(sent.doc, dates)
        return [d for d in run if back is None or d < back] or [day]
