"""HTML left in article text (``markup.py``): stripped as a browser would show it, entities decoded, every
offset mapped back into the input, and things that only look like markup left alone."""
from __future__ import annotations

import json

from helpers import offset_items, points_to

from strikex.markup import has_markup, strip

PAGE = ("<html><head><title>Depot dispute</title><style>p { color: red }</style></head>\n<body>\n"
        "<h1>Refuse collectors to walk out</h1>\n"
        "<p>Members of <b>Unite</b> at Fife Council&rsquo;s depots will walk out\n   on 3 March 2025.</p>"
        "<!-- advert --><p>Sam Okafor, Unite&#8217;s regional officer, said: &ldquo;We have no choice.&rdquo;"
        "<br>More to follow.</p>\n<script>var banner = '<p>Subscribe</p>';</script></body></html>")


def test_a_page_reads_as_a_browser_shows_it():
    m = strip(PAGE)
    assert m.text == ("Depot dispute\n\nRefuse collectors to walk out\n\n"
                      "Members of Unite at Fife Council’s depots will walk out on 3 March 2025.\n\n"
                      "Sam Okafor, Unite’s regional officer, said: “We have no choice.”\nMore to follow.")
    assert m.entities == 4 and m.tags > 10
    assert "offsets point into the text as given" in m.warning()


def test_clean_spans_map_back_onto_the_input():
    m = strip(PAGE)
    for word, expected in [("Unite", "Unite"), ("Council’s", "Council&rsquo;s"), ("3 March 2025", "3 March 2025"),
                           ("walk out on", "walk out\n   on"), ("“We have no choice.”", "&ldquo;We have no choice.&rdquo;")]:
        i = m.text.index(word)
        start, end = m.to_input(i, i + len(word))
        assert PAGE[start:end] == expected


def test_things_that_only_look_like_markup_stay():
    for text in ["Pay offers of <£2,000> were rejected.", "Members of <Unison> voted.", "AT&T and B&Q staff",
                 "A 5 < 6 > 4 comparison", "Fish & chips &c."]:
        assert not has_markup(text)
    m = strip("Members of <Unison> &amp; GMB")
    assert m.text == "Members of <Unison> & GMB"


def test_entities_alone_keep_the_lines():
    m = strip("Unison&rsquo;s branch\nsaid the council&#39;s offer  was poor.")
    assert m.text == "Unison’s branch\nsaid the council's offer  was poor."
    assert m.tags == 0 and m.entities == 2


def test_an_unclosed_script_drops_the_rest_and_an_unclosed_comment_too():
    assert strip("<p>Strike on Monday.</p><script>var a = 1;").text == "Strike on Monday."
    assert strip("<p>Strike on Monday.</p><!-- never closed <p>hidden</p>").text == "Strike on Monday."


def test_an_html_file_gives_a_record_with_a_warning_and_input_offsets(cli, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    # a *.html file is a web page (html.py) unless --html strip: then it is text with markup, as here
    result = cli("extract", path, "--date", "2025-02-20", "--html", "strip")
    record = json.loads(result.stdout)
    assert result.exit_code == 0
    assert any(w.startswith("markup in the text") for w in record["warnings"])
    assert "markup in the text" in result.stderr
    assert [u["name"] for u in record["unions"]] == ["Unite"]
    assert [c["name"] for c in record["councils"]] == ["Fife Council"]
    assert [(p["name"], p["role"]) for p in record["people"]] == [("Sam Okafor", "regional officer")]
    assert record["strikes"][0]["dates"] == ["2025-03-03"]
    for where, m in offset_items(record):
        assert points_to(PAGE, m), where
    # read as a web page, the same facts, with offsets into the main text the record keeps
    page = json.loads(cli("extract", path, "--date", "2025-02-20").stdout)
    assert [(p["name"], p["role"]) for p in page["people"]] == [("Sam Okafor", "regional officer")]
    assert page["strikes"][0]["dates"] == ["2025-03-03"]
    for where, m in offset_items(page):
        assert page["text"][m["start"]:m["end"]] == m["text"], where
