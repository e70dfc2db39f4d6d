"""A strike mention's calendar days, for strikex_strikes.

A mention's strike days are the day-precise dates in its sentence whose nearest event word is a strike word
("voted to strike on Monday"), not another event ("a deadline of 4pm yesterday", "due to resume on Monday 11
September") or the telling ("today told Community Care"); ranges are expanded day by day, and a single start
day stretched by a stated length ("a week-long strike starting on 4 September"). "The 48-hour action entered
its second day" counts back from the reference date. Word lists: ``models/strikes.json``.
"""
from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import DATES
from ..numbers import to_number
from ._lemmas import Lemmas
from ._text import POSSESSIVE, window
from .strike_lengths import Lengths


class DayReader:
    def __init__(self, nlp: Language, lex: dict, triggers: list[str]):
        self.lemma = Lemmas(nlp)
        self.lex = lex
        self.trigger_text = window(triggers)
        self.strike_words = set(lex["strike_words"])
        self.other_events = set(lex["not_strike_dates_after"])
        self.lengths = Lengths(lex, self.lemma)

    def __call__(self, doc: Doc, sent: Span, need_strike_word: bool = False,
                 previous: dt.date | None = None, continuation: bool = False) -> tuple[list[dt.date], list[Span], list[Span]]:
        """(days, unresolved, used): the strike days, the date spans the reference date cannot fix, and the
        date spans the days come from. ``need_strike_word``: only dates a strike word points at count.
        ``previous``: the start day the mention before this one gave ("... on 3 April. It will run for five
        weeks until 6 May"). ``continuation``: the sentence goes on about the strike named before it ("The
        current one was due to end on 6 May, but will now resume two days later"): only the parse can give
        a date to another event, and "resume N days later" starts again N days after the day before it."""
        days: list[dt.date] = []
        unresolved: list[Span] = []
        used: list[Span] = []
        ref_span = doc._.reference_date_span
        dates = [d for d in doc.spans.get(DATES, []) if sent.start <= d.start < sent.end
                 and not (ref_span is not None and d.start == ref_span.start)]
        starts: list[dt.date] = []
        last_end = sent.start
        for date in dates:
            value = date._.date_value
            before = max(days) if days else previous
            later = self.days_later(doc, last_end, date.start) if continuation and before else None
            if later:
                again = before + dt.timedelta(later)
                days.append(again)
                starts.append(again)
            last_end = date.end
            event = self.attached(date) if continuation else self.nearest_event(doc, sent, date)
            if event == "other" or (need_strike_word and event != "strike"):
                continue
            if value is None or value.granularity != "day" or self.owned_by_other_event(date):
                continue
            if date.start > sent.start and doc[date.start - 1].lower_ in self.lex["deadline_prepositions"] \
                    and not (continuation and doc[date.start - 1].dep_ == "agent") and self.attached(date) != "strike":
                continue   # "finish the missed rounds by Saturday 7 March" ("These will be followed by 27 May" is none)
            if self.reported_on(date) and self.attached(date) != "strike" and not (days and self.repeats(doc, date)):
                continue   # "announced walkouts for Friday" is not the telling
            if value.date is None:
                unresolved.append(date)
                continue
            found = value.days()
            if value.every and (date._.rule or "").endswith("+open") and days:
                found = [d for d in found if d > max(days)]   # "a week-long walkout, then every Saturday until ..."
            if len(found) == 1:
                earlier = starts[-1] if starts else (previous if self.lengths.found(sent) else None)
                found = self.lengths.stretch(sent, dates, date, found[0], earlier)
                if len(found) == 1:
                    starts.append(found[0])
            days.extend(found)
            used.append(date)
        return sorted(set(days)), unresolved, used

    def days_later(self, doc: Doc, start: int, end: int) -> int | None:
        """'resume two days later': N, when the tokens between two dates say so."""
        words = [t.lower_ for t in doc[start:end]]
        for k in range(len(words) - 2):
            if words[k + 1] in {"day", "days"} and words[k + 2] == "later" and to_number(words[k]) \
                    and any(w in self.lex["resume_words"] for w in words[:k]):
                return int(to_number(words[k]))
        return None

    def repeats(self, doc: Doc, date: Span) -> bool:
        """'..., and again on 22 and 23 July': a repeat word just before the date or the list it is in (a
        preposition between)."""
        start = date.start
        while start > 0 and (doc[start - 1].like_num or doc[start - 1].lower_ in {",", "and", "&"}
                             or doc[start - 1].ent_type_ == "DATE"):
            start -= 1
        before = " ".join(t.lower_ for t in doc[max(0, start - 4): start])
        return any(f"{w} on" in before or before.endswith(w) for w in self.lex["repeat_words"])

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
        attached = self.attached(date)
        if attached is not None:
            return attached
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

    def attached(self, date: Span) -> str | None:
        """The event the parse hangs the date on: climbing from the date through prepositions, the first
        noun that is a strike word ("walkouts for Friday") or another event ("a statement on Tuesday", "a
        ballot ... today"), or the first verb's own object or subject. None when the parse names neither."""
        head = date.root
        for _ in range(4):
            if head.head.i == head.i:
                return None
            head = head.head
            if date.start <= head.i < date.end or head.pos_ == "ADP":
                continue
            word = head.lower_
            if head.pos_ == "NOUN":
                if word in self.strike_words:
                    # "its ballot result for strikes on Friday": the strike is what the other event is about
                    topic_of = head.head.head if head.dep_ == "pobj" else None
                    return "other" if topic_of is not None and topic_of.lower_ in self.other_events else "strike"
                if word in self.other_events:
                    return "other"
                continue
            if head.pos_ in {"VERB", "AUX"}:
                for child in head.children:
                    if child.dep_ in {"dobj", "nsubj", "nsubjpass"} and child.pos_ == "NOUN":
                        if child.lower_ in self.strike_words:
                            return "strike"
                        if child.lower_ in self.other_events:
                            return "other"
                return "strike" if word in self.strike_words else None
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
            if words[k] == "day" and words[k + 2] == "of" and to_number(words[k + 1]) and k > 0 \
                    and words[k - 1] in self.lex["running_day_verbs"]:
                n = int(to_number(words[k + 1]))   # "into day three of a four-day strike"
                text = window(sent).replace(" - ", "-")
                length = next((v for w, v in self.lex["durations"].items() if f" {w} " in text), n)
                start = ref - dt.timedelta(n - 1)
                return [start + dt.timedelta(i) for i in range(max(n, length))]
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

