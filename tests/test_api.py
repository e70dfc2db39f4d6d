"""The Python API (README "Python"): strikex.extract, strikex.extract_many, strikex.load, reference dates."""
from __future__ import annotations

import datetime as dt

import pytest
from helpers import strike_days

import strikex
import strikex.api
from strikex.errors import DateError

TEXT = "Unison members at Kirklees Council will strike on 27 January."


def test_package_level_extract_can_be_called_repeatedly(nlp):
    """strikex.extract must stay the function even after every submodule has been imported (a submodule named
    'extract' once shadowed it after the first call)."""
    import importlib
    import pkgutil

    for module in pkgutil.walk_packages(strikex.__path__, "strikex."):
        if module.name != "strikex.__main__":  # importing it runs the CLI
            importlib.import_module(module.name)
    strikex.api.extract(TEXT)
    first = strikex.extract(TEXT, reference_date="2017-01-18")
    second = strikex.extract(TEXT, reference_date="2017-01-18")
    assert first["strikes"][0]["dates"] == second["strikes"][0]["dates"] == ["2017-01-27"]


def test_package_level_schema_is_the_function():
    # no submodule may shadow the public names once everything is imported
    import strikex.cli  # noqa: F401
    import strikex.record_schema as schema_module

    assert callable(strikex.schema) and callable(strikex.extract) and callable(strikex.extract_many)
    assert strikex.schema() == schema_module.schema()
    assert strikex.schema()["title"] == "strikex record"


def test_package_docstring_example(run):
    record = run("Unison members at Kirklees Council will strike on 27 January.", date="2017-01-18")
    assert record["strikes"][0]["dates"] == ["2017-01-27"]


def test_load_returns_the_cached_pipeline_with_strikex_components(nlp):
    assert strikex.api.load() is nlp
    names = nlp.pipe_names
    for name in ("strikex_boilerplate", "strikex_unions", "strikex_councils", "strikex_dates", "strikex_people",
                 "strikex_ballots", "strikex_strikes"):
        assert name in names
    # the order the components depend on (other components may sit between them)
    order = ["ner", "strikex_boilerplate", "strikex_unions", "strikex_councils", "strikex_dates", "strikex_people",
             "strikex_ballots", "strikex_strikes"]
    assert [n for n in names if n in order] == order


@pytest.mark.parametrize("reference", ["2017-01-18", dt.date(2017, 1, 18)])
def test_reference_date_as_string_or_date(nlp, reference):
    record = strikex.api.extract(TEXT, reference_date=reference, source="kirklees.txt")
    assert record["source"] == "kirklees.txt"
    assert (record["reference_date"], record["reference_date_source"]) == ("2017-01-18", "given")
    assert strike_days(record) == ["2017-01-27"]


@pytest.mark.parametrize("bad", ["18/01/2017", "2017-13-01", "yesterday", ""])
def test_bad_reference_date_raises(nlp, bad):
    with pytest.raises(DateError, match="YYYY-MM-DD"):
        strikex.api.extract(TEXT, reference_date=bad)


def test_extract_many_streams_records_in_input_order(nlp):
    texts = ["GMB members will strike on 3 May.", "", "Unite members at Wigan Council walked out on Monday.",
             "Unison members at Leeds City Council will strike on 4 May."]
    records = list(strikex.api.extract_many(texts, reference_date="2023-04-20", sources=["a", "b", "c", "d"]))
    assert [r["source"] for r in records] == ["a", "b", "c", "d"]
    assert [[u["name"] for u in r["unions"]] for r in records] == [["GMB"], [], ["Unite"], ["UNISON"]]
    assert [strike_days(r) for r in records] == [["2023-05-03"], [], ["2023-04-17"], ["2023-05-04"]]


def test_extract_many_matches_extract(nlp):
    texts = [TEXT, "Strike action was backed by 79% of 75 Unison members who voted."]
    many = list(strikex.api.extract_many(texts, reference_date="2017-01-18"))
    one_by_one = [strikex.api.extract(t, reference_date="2017-01-18") for t in texts]
    assert many == one_by_one


def test_record_keys_in_documented_order(run):
    assert list(run(TEXT)) == ["schema_version", "source", "relevant", "triage", "language", "reference_date",
                               "reference_date_source", "unions",
                               "councils", "people", "dates", "ballots", "strikes", "causes", "workers", "money", "quotes",
                               "disputes", "warnings", "provenance"]


def test_too_long_article_is_an_error_record_in_its_place(nlp):
    """An article over the pipeline's length limit is refused with a clear error; the next one is processed."""
    import strikex.api
    from strikex.items import ArticleItem

    items = [ArticleItem("Unison members voted. " * 50_000, None, "huge.txt"),
             ArticleItem("GMB members will strike.", None, "ok.txt")]
    records = list(strikex.api.extract_items(items))
    assert [r["source"] for r in records] == ["huge.txt", "ok.txt"]
    assert "too long" in records[0]["error"] and "error" not in records[1]
    assert [u["name"] for u in records[1]["unions"]] == ["GMB"]


def test_reference_date_as_date_or_datetime(nlp):
    import datetime as dt

    text = "Unite members will strike on Friday."
    as_text = strikex.extract(text, reference_date="2023-09-20")
    as_date = strikex.extract(text, reference_date=dt.date(2023, 9, 20))
    as_datetime = strikex.extract(text, reference_date=dt.datetime(2023, 9, 20, 18, 30))
    assert as_text["strikes"][0]["dates"] == as_date["strikes"][0]["dates"] == as_datetime["strikes"][0]["dates"] == [
        "2023-09-22"]
    assert as_datetime["reference_date"] == "2023-09-20"
