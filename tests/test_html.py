"""Web pages (``html.py``): a page is read as its main text (trafilatura), which the record keeps under ``text``
with every offset pointing into it; the page's furniture gives no fact; the page's own date is the reference
date when the text states none and the caller gives none."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from helpers import offset_items
from webpages import FURNITURE_WORDS, OTHER, facts, gold, page

from strikex import html
from strikex.api import extract_items
from strikex.io import Article, article_item
from strikex.record_schema import schema

jsonschema = pytest.importorskip("jsonschema")
VALIDATOR = jsonschema.Draft202012Validator(schema())
ARTICLES = gold("seeds") + gold("tests/articles")


def check_offsets(record: dict) -> None:
    text = record["text"]
    for where, m in offset_items(record):
        assert text[m["start"]:m["end"]] == m["text"], where


def test_the_main_text_leaves_the_furniture_out():
    name, text, _, date = ARTICLES[3]
    main = html.main_text(page(text, date))
    assert main.warnings == ()
    assert main.text.splitlines()[0] == text.splitlines()[0]  # the headline
    assert all(line in main.text for line in text.splitlines() if line.strip())
    for word in FURNITURE_WORDS + ["Advert", "Accept cookies", "Politics"]:
        assert word not in main.text, word


def test_the_page_date_comes_from_metadata_or_url_never_from_the_body():
    assert html.page_date(page("Title\nUnison will strike.", "2023-04-12")) == dt.date(2023, 4, 12)
    body_only = "<html><body><h1>Title</h1><p>Published: 12 April 2023</p><p>Unison will strike.</p></body></html>"
    assert html.page_date(body_only) is None
    assert html.page_date(body_only, url="https://news.example.org/2023/04/12/strike") == dt.date(2023, 4, 12)
    assert html.page_date("https://news.example.org/2023/04/12/strike") is None  # a string is never fetched


@pytest.mark.parametrize("name, text, given, date", ARTICLES, ids=[a[0] for a in ARTICLES])
def test_a_gold_article_as_a_page_gives_the_facts_of_its_text(name, text, given, date):
    """The page's record: schema-valid, its offsets true in its text, and the facts of the plain text (the
    page's date standing in for the date a crawler would give), none from the furniture."""
    items = [article_item(Article(name, text=text), dt.date.fromisoformat(given) if given else None),
             html.page_item(Article(f"{name}.html", text=page(text, date)))]
    plain, web = extract_items(items)
    assert list(VALIDATOR.iter_errors(web)) == []
    check_offsets(web)
    assert facts(web) == facts(plain)
    assert "text" not in plain


@pytest.mark.parametrize("path", sorted(OTHER.glob("*.txt"))[:3], ids=lambda p: p.name)
def test_furniture_about_disputes_does_not_make_a_dispute(path):
    """Other news in a page whose "Most read" list and comments are about disputes: the same record as its
    text's, through the triage gate and without it."""
    text = path.read_text(encoding="utf-8")
    for triage in (True, False):
        plain, web = extract_items([article_item(Article("o.txt", text=text)),
                                    html.page_item(Article("o.html", text=page(text)))], triage=triage)
        assert facts(web) == facts(plain)
        assert [w for w in FURNITURE_WORDS if w in web["text"] and w not in text] == []


def test_a_page_with_no_main_text_falls_back_to_stripping(tmp_path):
    record = next(extract_items([html.page_item(Article("empty.html", text="<html><body></body></html>"))]))
    assert record["text"] == "" and html.FALLBACK_WARNING in record["warnings"]


def test_the_callers_date_wins_over_the_pages_own():
    item = html.page_item(Article("x.html", text=page("Title\nUnison will strike on Monday.", "2023-04-12")),
                          given_date=dt.date(2024, 1, 1))
    assert item.given_date == dt.date(2024, 1, 1) and item.html


def test_the_cli_reads_html_in_a_folder_as_pages_and_strip_keeps_the_old_way(cli, tmp_path):
    name, text, given, date = ARTICLES[0]
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.html").write_text(page(text, date), encoding="utf-8")
    (tmp_path / "c.md").write_text(text, encoding="utf-8")
    result = cli("extract", tmp_path, *(["--date", given] if given else []))
    assert result.exit_code == 0, result.stderr
    plain, web = [json.loads(line) for line in result.stdout.splitlines()]
    assert (plain["source"], web["source"]) == (str(tmp_path / "a.txt"), str(tmp_path / "b.html"))
    assert facts(web) == facts(plain) and "text" in web
    check_offsets(web)

    stripped = json.loads(cli("extract", tmp_path / "b.html", "--html", "strip").stdout)
    assert "text" not in stripped and any("markup in the text" in w for w in stripped["warnings"])
    raw = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert all(raw[m["start"]:m["end"]] for _, m in offset_items(stripped))
