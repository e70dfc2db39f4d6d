"""The publication date an article states, for strikex_dates.

In order: a full date after a publication cue ("date 2017-01-18", "Published 12 May 2019"; page chrome near
the top counts), after a dateline place ("KIRKCALDY, 7 March 2024"), or filling a cell of a byline line
("Jo Bright | 14.03.2026 09:30 | Region", "14th May 2021 | Local News"); else a date alone on a line near
the top.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span

from ..datenorm import DateValue
from ..extensions import doc_text
from .boilerplate import in_boilerplate

# "KIRKCALDY, 7 March 2024 —": a place in capitals opening the first line of the story
DATELINE = re.compile(r"^\s*[A-Z][A-Z .'’-]{2,40},\s*$")
# the cells of a masthead or byline line: "|", a bullet, or a dash with a space on each side
CELL_SEP = re.compile(r"\s*\|\s*|\s*[•·]\s*|\s+[—–-]+\s+")
# what else a date's cell may hold: a weekday and/or a clock time
CELL_REST = re.compile(r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?)?\s*(?:\d{1,2}[:.]\d{2}\s*(?:am|pm|gmt|bst)?)?",
                       re.I)


def reference_from_text(doc: Doc, spans: list[tuple[Span, DateValue]], cue_rx: re.Pattern, not_dateline: re.Pattern
                        ) -> tuple[Span, dt.date] | None:
    """The publication date the text states: after a cue ("date", "Published"; even in page chrome), a
    byline cell ("Jo Bright | 14.03.2026 09:30 | Region"), or a dateline alone near the top."""
    text = doc_text(doc)
    for span, value in spans:
        if value.date is None or value.year is None:
            continue
        line_start = text.rfind("\n", 0, span.start_char) + 1
        before = text[line_start:span.start_char]
        if cue_rx.search(before[-60:]) or DATELINE.match(before) or byline_cell(text, span):
            return span, value.date
    spans = [(s, v) for s, v in spans if not in_boilerplate(doc, s.start_char, s.end_char)]
    for span, value in spans:  # a dateline alone near the top
        if span.start_char > 400:
            break
        if value.date is None or value.year is None:
            continue
        line_start = text.rfind("\n", 0, span.start_char) + 1
        line_end = text.find("\n", span.end_char)
        line = text[line_start: len(text) if line_end < 0 else line_end]
        if len(line.strip()) <= len(span.text) + 25 and not not_dateline.search(line):
            return span, value.date
    return None


def byline_cell(text: str, span: Span) -> bool:
    """'NAME | 29.10.2009 18:04 | Region', '14th May 2021 | Local News', 'THE HERALD — NEWS — 18 May 2025',
    'Tuesday, May 6, 2025 • By Staff': the date (with a weekday or clock time at most) fills a cell of a line
    near the top whose cells are parted by pipes, bullets or spaced dashes."""
    if span.start_char > 800:
        return False
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line_end = len(text) if line_end < 0 else line_end
    before = [m.end() for m in CELL_SEP.finditer(text, line_start, span.start_char)]
    after = CELL_SEP.search(text, span.end_char, line_end)
    if not before and after is None:
        return False
    left = before[-1] if before else line_start
    right = after.start() if after else line_end
    rest = (text[left:span.start_char] + " " + text[span.end_char:right]).strip(" \t,")
    return not rest or bool(CELL_REST.fullmatch(rest))
