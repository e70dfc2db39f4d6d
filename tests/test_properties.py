"""Properties of the text-in, record-out function over generated text (hypothesis): any Unicode string
gives a schema-valid record and never raises; offsets always slice the input to the mention's text;
clutter around an article does not change its facts. ``tests/fuzz.py`` runs the same checks on 10,000+
inputs outside the default test run."""
from __future__ import annotations

import pytest
from conftest import SEEDS
from helpers import offset_items, points_to

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from strikex.record_schema import schema  # noqa: E402

jsonschema = pytest.importorskip("jsonschema")
VALIDATOR = jsonschema.Draft202012Validator(schema())

WORDS = ["Unison", "GMB", "Unite", "members", "at", "Leeds", "City", "Council", "will", "strike", "on", "3", "May",
         "2024", "Monday", "voted", "79%", "turnout", "of", "52", "per", "cent", "said", "Cllr", "Jane", "Smith", ",",
         ".", "\n", "“", "”", '"', "ballot", "closes", "£", "100", "million", "branch", "secretary", "walkout", "—"]
# text that looks like news (words of the domain in any order) and text that does not (any code points)
NEWSY = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)
# the same with markup among the words: tags, entities, comments, and things that only look like them
MARKUP = ["<p>", "</p>", "<b>", "</b>", "<br>", "<br/>", "&amp;", "&rsquo;", "&#8217;", "&#x201C;", "&nbsp;",
          '<a href="https://example.org/x?a=1&b=2">', "</a>", "<script>var s = '<p>';</script>", "<!-- ad -->",
          "<div class='x'>", "</div>", "<Unison>", "&bogus;", "<", ">", "&"]
HTMLISH = st.lists(st.sampled_from(WORDS + MARKUP), max_size=60).map(lambda words: "".join(
    w if w.startswith(("<", "&")) else f" {w}" for w in words))
ANY = st.text(max_size=300)
CLUTTER = ["We use cookies to improve your experience. Accept cookies", "Picture: Jo Bloggs",
           "Comments are subject to our community rules", "Related articles\n- Council tax to rise\n- New bus lane",
           "Share this article", "Sign up to our daily newsletter"]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(text: str, record: dict) -> None:
    errors = [e.message for e in VALIDATOR.iter_errors(record)]
    assert errors == [], errors
    for where, m in offset_items(record):
        assert points_to(text, m), (where, m, text[m["start"]:m["end"]])


@SETTINGS
@given(st.one_of(NEWSY, HTMLISH, ANY), st.booleans())
def test_any_text_gives_a_valid_record_with_true_offsets(run, text, triage):
    check(text, run(text, triage=triage))


def facts(record: dict) -> tuple:
    return (sorted(u["name"] for u in record["unions"]), sorted(c["name"] for c in record["councils"]),
            sorted((p["name"], p["role"], p["organisation"]) for p in record["people"]),
            sorted((b["support_pct"], b["turnout_pct"], b["votes_cast"], b["eligible"]) for b in record["ballots"]),
            sorted(d for s in record["strikes"] for d in s["dates"]), record["reference_date"])


SEED_TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(SEED_TEXTS)), st.lists(st.sampled_from(CLUTTER), min_size=1, max_size=3),
       st.lists(st.sampled_from(CLUTTER), max_size=3))
def test_clutter_around_an_article_does_not_change_its_facts(run, name, before, after):
    text = SEED_TEXTS[name]
    cluttered = "\n\n".join(before) + "\n\n" + text + "\n\n" + "\n\n".join(after)
    record = run(cluttered, triage=True)
    check(cluttered, record)
    assert facts(record) == facts(run(text, triage=True))


def as_html(text: str) -> str:
    """An article as a scraped page gives it: paragraphs in <p>, apostrophes and quotes as entities."""
    paragraphs = [p.replace("&", "&amp;").replace("’", "&rsquo;").replace("“", "&ldquo;").replace("”", "&rdquo;")
                  for p in text.split("\n") if p.strip()]
    body = "\n".join(f"<p class=\"body\">{p}</p>" for p in paragraphs)
    return f"<!DOCTYPE html>\n<html><head><title>News</title><script>track('<p>');</script></head>\n<body>{body}</body></html>"


@pytest.mark.parametrize("name", sorted(SEED_TEXTS))
def test_an_article_as_html_gives_the_same_facts(run, name):
    page = as_html(SEED_TEXTS[name])
    record = run(page, triage=True)
    check(page, record)
    assert any("markup in the text" in w for w in record["warnings"])
    assert facts(record) == facts(run(SEED_TEXTS[name], triage=True))
