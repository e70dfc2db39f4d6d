"""strikex_boilerplate: the ranges of text that are not the story (credits, bylines, comment rules, banners,
related links, job adverts), each with the rule that marked it. The component is regular expressions over the
text (models/boilerplate.jsonl), so it is tested on a blank pipeline: no statistical model is loaded."""
from __future__ import annotations

import pytest

from strikex.components.boilerplate import in_boilerplate, span_in_boilerplate
from strikex.components.unions import SPANS_KEY as UNIONS


@pytest.fixture(scope="module")
def boilerplate(blank):
    return blank("strikex_boilerplate", "strikex_unions")


def ranges(doc):
    return [(doc.text[s:e], rule.split(":", 1)[1]) for s, e, rule in doc._.boilerplate]


@pytest.mark.parametrize("text, expected", [
    ("Photo: Unison Press Office/PA\n\nBin crews at Wigan Council will strike next week, the GMB said.",
     [("Photo: Unison Press Office/PA", "photo_credit"), ("Unison Press Office/PA", "agency_credit")]),
    ("Unison members will strike.\nBy Sam Reid\nTuesday 26 September 2023", [("By Sam Reid", "byline")]),
    ("Unison members at Leeds City Council will strike.\n© Wigan Council 2023. All rights reserved.",
     [("© Wigan Council 2023. All rights reserved.", "copyright")]),
    ("Share this story\nRelated articles\nGateshead Council approves budget",
     [("Share this story", "share_follow"), ("Related articles", "related_links"),
      ("Related articles\nGateshead Council approves budget", "related_list")]),
    ("GMB members will strike.\nRecuriter: Cornwall Council", [("Recuriter: Cornwall Council", "recruiter_line")]),
    # a bare header of page furniture ("Related", "READ MORE", "Also in the news") and the headlines under it
    ("Unite members will strike.\n\nREAD MORE\nRochdale Council leader quits\nBury Council budget passed",
     [("READ MORE", "related_links"),
      ("READ MORE\nRochdale Council leader quits\nBury Council budget passed", "related_list")]),
    ("GMB members will strike.\n\nAlso in the news\nOldham Council opens a new library",
     [("Also in the news", "related_links"), ("Also in the news\nOldham Council opens a new library", "related_list")]),
    # the story's own words are not boilerplate, though they speak of photos and bylines
    ("Related talks are planned for Monday, Unison said.\nMore news is expected after the meeting.", []),
    ("Bin crews will strike. Their photo was taken by Anna on Monday.", []),
    ("Unison members walked out on Monday.", []),
])
def test_boilerplate_ranges(boilerplate, text, expected):
    assert ranges(boilerplate(text)) == expected


def test_mentions_in_boilerplate_are_skipped(boilerplate):
    doc = boilerplate("Photo: Unison Press Office/PA\n\nBin crews at Wigan Council will strike next week, the GMB said.")
    assert [s.text for s in doc.spans[UNIONS]] == ["GMB"]
    assert in_boilerplate(doc, 7) and not in_boilerplate(doc, doc.text.index("GMB"))
    assert span_in_boilerplate(doc[0:3]) and not span_in_boilerplate(doc[-4:])
