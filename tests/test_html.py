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


# the reference date's precedence (README "Reference date of a page"): text > page > row > --date > WARC date
OWN = "Bins left as crews walk out\nUnite members employed by Wigan Council as refuse collectors will walk out on Friday."
DATED, UNDATED = page(OWN, "2023-04-12"), page(OWN)
D = dt.date


@pytest.mark.parametrize("item, want", [
    # the page's own date beats the caller's --date, the row's date and the crawl date
    (lambda: html.page_item(Article("p.html", text=DATED), given_date=D(2024, 1, 1)), D(2023, 4, 12)),
    (lambda: html.row_item(Article("r", text=DATED), D(2024, 1, 1), row_date="2022-06-30"), D(2023, 4, 12)),
    (lambda: html.page_item(Article("w", text=DATED), None, fallback_date=D(2024, 2, 2)), D(2023, 4, 12)),
    # a page stating none: the row's date beats --date, which beats the crawl date
    (lambda: html.row_item(Article("r", text=UNDATED), D(2024, 1, 1), row_date="2022-06-30T09:00:00Z"), D(2022, 6, 30)),
    (lambda: html.page_item(Article("w", text=UNDATED), None, D(2024, 2, 2), row_date="2022-06-30"), D(2022, 6, 30)),
    (lambda: article_item(Article("r", text=OWN), D(2024, 1, 1), row_date="2022-06-30"), D(2022, 6, 30)),
    (lambda: html.page_item(Article("w", text=UNDATED), D(2024, 1, 1), fallback_date=D(2024, 2, 2)), D(2024, 1, 1)),
    (lambda: html.page_item(Article("w", text=UNDATED), None, fallback_date=D(2024, 2, 2)), D(2024, 2, 2)),
    # a row date that does not parse is a warning, and the next in line stands
    (lambda: html.row_item(Article("r", text=UNDATED), D(2024, 1, 1), row_date="last Tuesday"), D(2024, 1, 1)),
], ids=["page>date", "page>row", "page>warc", "row>date (page)", "row>warc", "row>date (text)", "date>warc", "warc last",
        "bad row date"])
def test_which_reference_date_an_item_gets(item, want):
    assert item().given_date == want


def test_a_date_the_text_states_beats_every_other():
    text = "Bins left as crews walk out\nPublished 12 May 2019\nUnite members at Wigan Council will walk out on Friday."
    item = html.page_item(Article("r", text=page(text, "2023-04-12")), D(2024, 1, 1), D(2024, 2, 2), row_date="2022-06-30")
    (record,) = extract_items([item])
    assert (record["reference_date"], record["reference_date_source"]) == ("2019-05-12", "text")
    assert record["strikes"][0]["dates"] == ["2019-05-17"]


@pytest.mark.parametrize("text, is_page", [
    ("<!DOCTYPE html>\n<html><body><p>Unison</p></body></html>", True),
    ("\ufeff  <!doctype HTML><title>x</title>", True),
    ("<?xml version='1.0' encoding='utf-8'?>\n<html xmlns='http://www.w3.org/1999/xhtml'><body/></html>", True),
    ("<!-- saved from url=(0042)https://news.example.org/ -->\n<html lang='en'>", True),
    ("<head><title>Bins</title></head><body><p>Unite</p></body>", True),
    ("<p>Unite members at Wigan Council will walk out.</p>", False),   # markup left in a text: markup.py strips it
    ("Unite members <b>will</b> walk out. <html> is a tag.", False),
    ("", False),
])
def test_a_row_whose_text_is_a_whole_page_is_read_as_one(text, is_page):
    assert html.looks_like_page(text) is is_page
    assert html.row_item(Article("r", text=text)).html is is_page


def test_html_in_json_lines_rows_goes_through_the_main_text(cli, tmp_path):
    """A crawl's JSON Lines whose text key holds the page: the facts of the plain text, none of the furniture,
    the offsets true in the record's text; a row with some markup in a text stays a text; --html strip."""
    text = ("Bin crews at Wigan Council to walk out\nRefuse collectors who belong to Unite will walk out at Wigan "
            "Council on 14 and 15 March 2024 in a row over pay, the union said.\nA Unite regional officer, Dana "
            "Whitcombe, said the council's offer of 3% was not enough.")
    rows = [{"url": "https://news.example.org/2024/03/01/wigan-bins", "html": page(text, "2024-03-01")},
            {"url": "r2", "html": "<p>" + text.replace("\n", "</p><p>") + "</p>", "published": "2024-03-01"}]
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = cli("extract", path, "--input", "jsonl", "--text-key", "html", "--id-key", "url", "--date-key", "published")
    assert result.exit_code == 0, result.stderr
    web, marked = [json.loads(line) for line in result.stdout.splitlines()]
    plain = json.loads(cli("extract", "-", "--date", "2024-03-01", input=text).stdout)
    assert facts(web) == facts(plain) == facts(marked) and plain["strikes"]
    assert web["reference_date"] == "2024-03-01" and web["text"].startswith("Bin crews at Wigan Council")
    check_offsets(web)
    assert [w for w in FURNITURE_WORDS if w in web["text"]] == []
    assert "text" not in marked   # markup in a text: stripped, offsets into the row's text as given
    assert all(rows[1]["html"][m["start"]:m["end"]] for _, m in offset_items(marked))
    stripped = json.loads(cli("extract", path, "--input", "jsonl", "--text-key", "html", "--id-key", "url",
                              "--html", "strip").stdout.splitlines()[0])
    assert "text" not in stripped


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
