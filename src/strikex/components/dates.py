"""strikex_dates: every date expression, resolved against the article's reference date.

Date spans come from the Matcher patterns in ``models/dates.jsonl``; day ranges and lists
("from 3 to 5 May", "on 3, 4 and 10 May", "between Monday 5 and Friday 9 June") are joined here, taking
the month and year of the last member. The reference date is the publication date the text states
("date 2017-01-18", "Published 12 May 2019", a dateline alone on the first lines), else the date the
caller gives (``doc._.given_date``), else none.
"""
from __future__ import annotations

import datetime as dt
import json
import re

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..extensions import DATES
from ..datenorm import DateValue, resolve
from ._gazetteer import match_near
from ._rules import RuleComponent
from .boilerplate import in_boilerplate
from .recurrence import recurrences
from .reference_date import reference_from_text
from .weekdays import restated, week_on, weekday_apart, weekday_range_end

SPANS_KEY = DATES


def expand_pattern(pattern, words):
    text = json.dumps(pattern)
    months = words["months"] + [m.upper() for m in words["months"]]  # "28 AUG 2024"
    weekdays = words["weekdays"] + [w.upper() for w in words["weekdays"]]
    text = text.replace('"$MONTH"', json.dumps(months)).replace('"$WEEKDAY"', json.dumps(weekdays))
    for key in ("DAY", "YEAR", "DAYRANGE"):
        text = text.replace(f'"${key}"', json.dumps(words[f"{key.lower()}_regex"]))
    return json.loads(text)


def looks_back(span: Span, future_words: set[str]) -> bool:
    """Whether the clause around a date reports the past ("walked out on Monday") or looks ahead. The clause's
    own verb decides: "drivers who walked out on Monday will strike again on Friday" has Monday in the past
    and Friday ahead; a future word in the verb's clause ("will", "set", "due") looks ahead."""
    head = span.root
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head
    if head.pos_ not in {"VERB", "AUX"}:   # no verb: the sentence's words decide
        return False
    past = head.tag_ in {"VBD"} or (head.tag_ == "VBN" and any(c.lower_ in {"was", "were", "had"} for c in head.children))
    clause = [head, *head.children, *(head.ancestors if head.dep_ in {"xcomp", "ccomp"} else ())]
    return past and not any(t.lower_ in future_words for t in clause)


CLOCK = re.compile(r"^(?:\d{1,2}(?:[:.]\d{2})?(?:am|pm)?|am|pm|a\.m\.|p\.m\.)$", re.I)
DIGIT_ANCHOR = re.compile(r"^(?:(?:19|20)\d\d|\d{1,2}[/.]\d)")
ANCHOR_CACHE_LIMIT = 50_000   # words whose anchor test is remembered


class DateFinder(RuleComponent):
    def setup(self, nlp: Language, data: dict) -> None:
        self.words = data["words"]
        self.matcher = Matcher(nlp.vocab)
        self.trim: dict[str, int] = {}
        for row in data["patterns"]:
            self.matcher.add(row["id"], [expand_pattern(row["pattern"], self.words)])
            self.trim[row["id"]] = row.get("trim", 0)
        # every pattern holds one of these, or a token starting with a digit (see find_spans)
        self.anchor_words = {w.lower() for w in self.words["months"] + self.words["weekdays"]} | set(
            self.words["relative_anchors"])
        self.future_words = set(self.words["future_words"])
        self.not_dateline = re.compile(r"\b(" + "|".join(map(re.escape, self.words["not_dateline_words"])) + r")\b", re.I)
        self.anchor_cache: dict[int, bool] = {}
        self.longest = max(len(row["pattern"]) for row in data["patterns"])   # tokens, optional ones counted
        self.day_rx = re.compile(self.words["day_regex"])
        self.connectors = set(self.words["range_connectors"])
        cues = sorted(self.words["publication_cues"], key=len, reverse=True)  # regular expressions
        # "Author: Ana SilvaPublished 28th Nov 2022": scraped text glues the cue to the name before it
        self.cue_rx = re.compile(r"(?:\b|(?<=[a-z])(?=[A-Z]))(?i:" + "|".join(cues)
                                 + r")\b\s*(?i:on|at)?\s*[:|-]?\s*(?:\d{1,2}[:.]\d{2}\s*(?i:am|pm|gmt|bst)?,?\s*)?$")

    # -- spans ---------------------------------------------------------------------------------
    def find_spans(self, doc: Doc) -> list[Span]:
        spans = []
        for key, start, end in match_near(self.matcher, doc, self.anchors(doc), pad=self.longest):
            rule = doc.vocab.strings[key]
            span = Span(doc, start + self.trim[rule], end, label="DATE")
            span._.rule = f"{self.files['patterns']}:{rule}"
            spans.append(span)
        return filter_spans(spans)

    def anchors(self, doc: Doc) -> list[int]:
        """Tokens every date pattern holds one of: a month, a weekday, a relative word, a year or a numeric
        date ("2024", "2024-05-03", "3/5/24"); a bare day number always comes with a month or weekday. Decided once per word of the vocabulary, from the token array (no Token objects)."""
        from spacy.attrs import ORTH

        cache, strings = self.anchor_cache, doc.vocab.strings
        found = []
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):
            hit = cache.get(orth)
            if hit is None:
                if len(cache) >= ANCHOR_CACHE_LIMIT:   # bounded: an archive's vocabulary keeps growing
                    cache.clear()
                text = strings[orth]
                hit = cache[orth] = text.lower() in self.anchor_words or bool(DIGIT_ANCHOR.match(text))
            if hit:
                found.append(i)
        return found

    def is_bare_day(self, tok) -> bool:
        return bool(self.day_rx.match(tok.text))

    def join_ranges(self, doc: Doc, spans: list[Span]) -> list[tuple[Span, list[tuple[Span, str]]]]:
        """Group each full date with the bare days before it: [(anchor, [(member span, 'range'|'list')])]."""
        taken = {i for s in spans for i in range(s.start, s.end)}
        groups = []
        for anchor in spans:
            members: list[tuple[Span, str]] = []
            i = anchor.start - 1 if not self.month_first(anchor) else -1   # "July 2": no bare days before it
            kind = None
            while i >= 1:
                conn = doc[i]
                if conn.lower_ not in self.connectors and conn.text != ",":
                    break
                j = i - 1
                if j < 0 or j in taken or not self.is_bare_day(doc[j]):
                    break
                start = j - 1 if j >= 1 and doc[j - 1].text in self.words["weekdays"] else j
                member = Span(doc, start, j + 1, label="DATE")
                member._.rule = f"{self.files['words']}:range_connectors"
                between = start > 0 and doc[start - 1].lower_ == "between"
                this = "list" if conn.text == "," or (conn.lower_ == "and" and not between) else "range"
                if kind == "list" and this == "range":
                    break
                kind = kind or this
                members.insert(0, (member, this))
                i = start - 1
                if this == "range":
                    break
            groups.append((anchor, members))
        return groups

    def month_first_range(self, doc: Doc, anchor: Span, value: DateValue, ref) -> Span | None:
        """'from October 7 to 11': a day after a month-first date and a connector ends a range."""
        i = anchor.end
        if not (value.date and value.until is None and i + 1 < len(doc) and doc[i].lower_ in self.connectors - {"and"}
                and self.is_bare_day(doc[i + 1]) and anchor[0].text in self.words["months"] + [m.upper() for m in self.words["months"]]):
            return None
        last = int(re.match(r"\d+", doc[i + 1].text).group())
        try:
            until = value.date.replace(day=last)
        except ValueError:
            return None
        if until <= value.date:
            return None
        joined = Span(doc, anchor.start, i + 2, label="DATE")
        joined._.rule = anchor._.rule + "+range"
        joined._.date_value = DateValue(date=value.date, year=value.year, month=value.month, day=value.day,
                                        weekday=value.weekday, until=until)
        return joined

    def month_first(self, span: Span) -> bool:
        return span[0].text.rstrip(".").lower() in {m.rstrip(".").lower() for m in self.words["months"]}

    def month_first_list(self, doc: Doc, anchor: Span, value: DateValue, ref) -> list[Span]:
        """'November 5 and 19', 'March 3, 4 and 10': the bare days after a month-first date, in its month
        (a day followed by a month of its own is not one: 'June 9 and 11 July')."""
        if not (self.month_first(anchor) and value.day and value.until is None):
            return []
        found, i = [], anchor.end
        while i + 1 < len(doc) and doc[i].lower_ in {",", "and", "&"} and self.is_bare_day(doc[i + 1]):
            if i + 2 < len(doc) and (doc[i + 2].text.rstrip(".").lower() in {m.rstrip(".").lower() for m in self.words["months"]}):
                break
            member = Span(doc, i + 1, i + 2, label="DATE")
            mv = resolve(f"{doc[i + 1].text} {_month_year(value)}", ref, looks_back(anchor, self.future_words))
            if mv is None:
                break
            member._.date_value = mv
            member._.rule = anchor._.rule + "+list"
            found.append(member)
            i += 2
        return found

    @staticmethod
    def clock_gap(doc: Doc, start: int, end: int) -> bool:
        """Whether only clock times stand between a range's connector and its end ("to 6pm Thursday 11 June",
        "to 7pm on Thursday 17 October")."""
        return start <= end and all(CLOCK.match(t.text) or t.lower_ in {"on", "at"} for t in doc[start:end])

    def joins(self, doc: Doc, prev: Span) -> bool:
        """Whether the token after ``prev`` joins it to the next date as a range."""
        conn = doc[prev.end].lower_
        if conn == "and":
            return prev.start > 0 and doc[prev.start - 1].lower_ == "between"
        return conn in self.connectors

    def range_span(self, doc: Doc, members, anchor: Span, value: DateValue, ref) -> Span | None:
        """'from 3 to 5 May' as one span from the 3rd until the 5th, when both ends are known days."""
        member = members[0][0]
        start = resolve(f"{member.text} {_month_year(value)}", ref, looks_back(anchor, self.future_words))
        if not (start and start.date and value.date and start.date <= value.date):
            return None
        joined = Span(doc, member.start, anchor.end, label="DATE")
        joined._.rule = anchor._.rule + "+range"
        joined._.date_value = DateValue(date=start.date, year=start.year, month=start.month, day=start.day,
                                        weekday=start.weekday, until=value.date)
        return joined

    # -- reference date ------------------------------------------------------------------------
    def reference_from_text(self, doc: Doc, spans: list[tuple[Span, DateValue]]) -> tuple[Span, dt.date] | None:
        return reference_from_text(doc, spans, self.cue_rx, self.not_dateline)

    def process(self, doc: Doc) -> Doc:
        spans = self.find_spans(doc)
        given = doc._.given_date
        # first pass without a reference date, to find the one the text states
        problems: list[str] = []  # date texts that could not be read (too long, dateparser timed out)
        # page chrome may state the publication date near the top ("date 2018-09-14 Get daily updates ...")
        spans = [s for s in spans if s.start_char <= 800 or not in_boilerplate(doc, s.start_char, s.end_char)]
        absolute = [(s, resolve(s.text, None, problems=problems)) for s in spans]
        found = self.reference_from_text(doc, [(s, v) for s, v in absolute if v])
        spans = [s for s in spans if not in_boilerplate(doc, s.start_char, s.end_char)
                 or (found is not None and s.start == found[0].start)]
        if found:
            doc._.reference_date_span, doc._.reference_date = found
            doc._.reference_date_source = "text"
        elif given:
            doc._.reference_date, doc._.reference_date_source = given, "given"
        ref = doc._.reference_date
        out = []
        spans = [part for span in spans for part in weekday_apart(doc, span, ref)]
        groups = self.join_ranges(doc, spans)
        # "between Monday 5 and Friday 9 June": the weekday belongs to the range member, not a date of its own
        consumed = {i for _, members in groups for m, _ in members for i in range(m.start, m.end)}
        for anchor, members in groups:
            if any(i in consumed for i in range(anchor.start, anchor.end)):
                continue
            value = resolve(anchor.text, ref, looks_back(anchor, self.future_words), problems)
            if value is None:
                continue
            anchor._.date_value = value
            joined = self.month_first_range(doc, anchor, value, ref)
            if joined is not None:
                out.append(joined)
                continue
            listed = self.month_first_list(doc, anchor, value, ref)
            if listed:   # "on November 5 and 19", "March 3, 4 and 10"
                out.append(anchor)
                out.extend(listed)
                continue
            if members and value.month:
                joined = self.range_span(doc, members, anchor, value, ref) if members[-1][1] == "range" else None
                if joined is not None:
                    out.append(joined)
                    continue
                # a list ("3, 4 and 10 May"), or a range the reference date cannot fix: each day as written
                for member, _ in members:
                    mv = resolve(f"{member.text} {_month_year(value)}", ref, looks_back(anchor, self.future_words))
                    if mv:
                        member._.date_value = mv
                        out.append(member)
            # "from 4 September to 17 September", "between 4 and 17 September": two full dates and a connector
            if out and self.clock_gap(doc, out[-1].end + 1, anchor.start) and self.joins(doc, out[-1]):
                prev = out[-1]
                pv = prev._.date_value
                if pv.date is None and pv.month and pv.day and value.date:
                    # "6 January – 16 February 2023": the start takes the year of the end
                    year = value.date.year - (pv.month > value.date.month)
                    pv = resolve(f"{pv.day} {_month_year(DateValue(month=pv.month))} {year}", None) or pv
                value = weekday_range_end(anchor, pv, value)
                if pv.date and value.date and pv.date < value.date and pv.until is None:
                    joined = Span(doc, prev.start, anchor.end, label="DATE")
                    joined._.rule = prev._.rule + "+range"
                    joined._.date_value = DateValue(date=pv.date, year=pv.year, month=pv.month, day=pv.day,
                                                    weekday=pv.weekday, until=value.date)
                    out[-1] = joined
                    continue
            out.append(anchor)
        out = [sp for k, sp in enumerate(out) if not restated(doc, sp, out[k + 1] if k + 1 < len(out) else None)]
        out = [week_on(doc, sp) for sp in out]
        doc.spans[SPANS_KEY] = recurrences(doc, out, ref, self.files["patterns"])
        if problems:
            doc._.warnings = list(dict.fromkeys([*(doc._.warnings or []), *problems]))
        return doc


def _month_year(value: DateValue) -> str:
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    text = months[value.month - 1]
    return f"{text} {value.year}" if value.year and value.date else text


@Language.factory(
    "strikex_dates",
    assigns=["doc.spans", "doc._.reference_date", "doc._.reference_date_source"],
    default_config={"patterns": "dates.jsonl", "words": "date_words.json"},
)
def make_date_finder(nlp: Language, name: str, patterns: str, words: str) -> DateFinder:
    return DateFinder(nlp, name, patterns=patterns, words=words)
