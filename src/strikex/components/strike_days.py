"""A strike mention's calendar days, for strikex_strikes.

A mention's strike days are the day-precise dates in its sentence whose nearest event word is a strike word
("voted to strike on Monday"), not another event ("a deadline of 4pm yesterday", "due to resume on Monday 11
September") or the telling ("today told Community Care"); ranges are expanded day by day, and a single start
day stretched by a stated length ("a week-long strike starting on 4 September"). "The 48-hour action entered
its second day" counts back from the reference date. Word lists: ``models/strikes.json``.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import DATES
from ..numbers import to_number
from ._lemmas import Lemmas
from ._text import POSSESSIVE, has_cue, window


class DayReader:
    def __init__(self, nlp: Language, lex: dict, triggers: list[str]):
        self.lemma = Lemmas(nlp)
        self.lex = lex
        self.trigger_text = window(triggers)
        self.strike_words = set(lex["strike_words"])
        self.other_events = set(lex["not_strike_dates_after"])
        counted = lex["counted_lengths"]   # "for two weeks": a number and a unit
        self.counted_length = re.compile(rf" (\d+|{'|'.join(map(re.escape, counted['numbers']))}) "
                                         rf"({'|'.join(map(re.escape, counted['units']))}) ")

    def __call__(self, doc: Doc, sent: Span, need_strike_word: bool = False) -> tuple[list[dt.date], list[Span], list[Span]]:
        """(days, unresolved, used): the strike days, the date spans the reference date cannot fix, and the
        date spans the days come from. ``need_strike_word``: only dates a strike word points at count."""
        days: list[dt.date] = []
        unresolved: list[Span] = []
        used: list[Span] = []
        ref_span = doc._.reference_date_span
        for date in doc.spans.get(DATES, []):
            if not (sent.start <= date.start < sent.end) or (ref_span is not None and date.start == ref_span.start):
                continue
            value = date._.date_value
            event = self.nearest_event(doc, sent, date)
            if event == "other" or (need_strike_word and event != "strike"):
                continue
            if value is None or value.granularity != "day" or self.reported_on(date) or self.owned_by_other_event(date):
                continue
            if value.date is None:
                unresolved.append(date)
                continue
            found = value.days()
            if len(found) == 1:
                found = self.stretch(doc, sent, date, found[0])
            days.extend(found)
            used.append(date)
        return sorted(set(days)), unresolved, used

    def owned_by_other_event(self, date: Span) -> bool:
        """'today's vote', 'Monday's meeting': a possessive date belongs to the thing it qualifies."""
        doc = date.doc
        if date.end < len(doc) and doc[date.end].lower_ in POSSESSIVE | {"'"}:
            noun = doc[date.end + 1: date.end + 3]
            return not any(f" {t.lower_} " in self.trigger_text for t in noun)
        return False

    def nearest_event(self, doc: Doc, sent: Span, date: Span) -> str | None:
        """What the date is attached to, read leftwards: "strike" ("voted to strike on Monday"), "other" ("a
        deadline of 4pm yesterday", "not due to resume until Monday 11 September"), or None."""
        strike_words, other = self.strike_words, self.other_events
        for i in range(date.start - 1, sent.start - 1, -1):
            word = doc[i].lower_
            if word in strike_words:
                # "its ballot result for strikes on Monday": the strike is what the result is about
                j = i - 1
                if j > sent.start and doc[j].lower_ in self.lex["result_prepositions"] and \
                        doc[j - 1].pos_ == "NOUN" and doc[j - 1].lower_ in other:
                    return "other"
                return "strike"
            if word in other:
                return "other"
        # nothing before it: "On 3 May, bin crews will strike" - unless the strike is in a contrasting clause
        # ("parking isn't free today, despite wardens being on strike")
        for i in range(date.end, sent.end):
            word = doc[i].lower_
            if word in strike_words:
                return None
            if word in self.lex["contrast_words"]:
                return "other"
        return None

    def reported_on(self, date: Span) -> bool:
        """'today told Community Care the strike will go ahead': the date of the telling, not of the strike."""
        head = date.root.head
        for _ in range(3):
            if head.pos_ in {"VERB", "AUX"}:
                return self.lemma(head) in self.lex["reporting_verbs"]
            if head.head.i == head.i:
                break
            head = head.head
        return False

    def running_days(self, doc: Doc, sent: Span) -> list[dt.date]:
        """'the 48-hour action entered its second day' (said on the reference date): the strike began the day
        before, and lasts as long as stated."""
        ref = doc._.reference_date
        words = [t.lower_ for t in sent]
        if ref is None:
            return []
        for k in range(len(words) - 2):
            if words[k] in self.lex["running_day_determiners"] and words[k + 2] == "day" and words[k + 1] in self.lex["day_ordinals"] \
                    and k > 0 and words[k - 1] in self.lex["running_day_verbs"]:
                n = self.lex["day_ordinals"][words[k + 1]]
                text = window(sent).replace(" - ", "-")
                length = next((v for w, v in self.lex["durations"].items() if f" {w} " in text), None)
                if n == 0:  # "its final day"
                    n = length or 1
                start = ref - dt.timedelta(n - 1)
                return [start + dt.timedelta(i) for i in range(max(n, length or n))]
        return []

    def stretch(self, doc: Doc, sent: Span, date: Span, day: dt.date) -> list[dt.date]:
        """'a week-long strike starting on 4 September' → 7 days from the 4th."""
        text = window(sent).replace(" - ", "-")
        before = window(doc[max(sent.start, date.start - 3): date.start])
        if not has_cue(before, self.lex["start_cues"]):
            return [day]
        for word, length in sorted(self.lex["durations"].items(), key=lambda kv: -len(kv[0])):
            if f" {word} " in text or f" {word}" in text:
                return [day + dt.timedelta(n) for n in range(length)]
        m = self.counted_length.search(text)
        if m:
            n = int(to_number(m.group(1)) or 1) * self.lex["counted_lengths"]["units"][m.group(2)]
            return [day + dt.timedelta(k) for k in range(min(n, self.lex["counted_lengths"]["max_days"]))]
        return [day]
