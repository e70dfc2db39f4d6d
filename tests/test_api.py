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


# issue 13, item 11: exceptions for bad input from extract, per-article dates for extract_many

def test_bytes_in_utf8_are_read_like_text(nlp):
    as_bytes = strikex.extract(TEXT.encode("utf-8"), reference_date="2017-01-18")
    assert as_bytes == strikex.extract(TEXT, reference_date="2017-01-18")
    assert strikex.extract(b"\xef\xbb\xbf" + TEXT.encode(), reference_date="2017-01-18")["strikes"][0]["dates"] == [
        "2017-01-27"]


@pytest.mark.parametrize("bad, message", [
    ("Caf\xe9 staff will strike.".encode("cp1252"), "not UTF-8"),
    (None, "str or bytes, got NoneType"),
    (42, "str or bytes, got int"),
    (["a list"], "str or bytes, got list"),
])
def test_bad_text_raises_input_error(bad, message):
    with pytest.raises(strikex.InputError, match=message):   # before any pipeline is loaded
        strikex.extract(bad)


def test_exceptions_are_strikex_errors_and_bad_dates_raise_before_work():
    assert issubclass(strikex.InputError, strikex.StrikexError)
    assert issubclass(strikex.DateError, strikex.StrikexError)
    assert issubclass(strikex.ExtractionError, strikex.StrikexError)
    with pytest.raises(strikex.DateError):
        strikex.extract_many([TEXT], reference_date="18/01/2017")   # at the call, not at the first next()


def test_an_article_the_pipeline_refuses_raises_extraction_error_without_none_prefix(nlp):
    with pytest.raises(strikex.ExtractionError) as caught:
        strikex.extract("Unison members voted. " * 50_000)
    assert str(caught.value).startswith("article too long") and "None" not in str(caught.value)


def test_extract_many_takes_a_date_per_article(nlp):
    texts = ["Unite members will strike on Friday.", "Unite members will strike on Friday.",
             "Unite members will strike on Friday."]
    records = list(strikex.extract_many(texts, reference_date="2023-09-20",
                                        reference_dates=["2023-09-04", dt.date(2024, 1, 8), None]))
    assert [r["reference_date"] for r in records] == ["2023-09-04", "2024-01-08", "2023-09-20"]
    assert [strike_days(r) for r in records] == [["2023-09-08"], ["2024-01-12"], ["2023-09-22"]]


def test_extract_many_takes_items_and_keeps_bad_articles_in_place(nlp):
    from strikex.items import ArticleItem

    texts = [ArticleItem("Unite members will strike on Friday.", dt.date(2023, 9, 4), "item"),
             b"\xff\xfe\xfa not utf-8 \xe9", 17, TEXT, TEXT]
    records = list(strikex.extract_many(texts, sources=["x", "bytes", "int", "bad-date", "ok"],
                                        reference_dates=[None, None, None, "soon", "2017-01-18"]))
    assert [r["source"] for r in records] == ["item", "bytes", "int", "bad-date", "ok"]
    assert strike_days(records[0]) == ["2023-09-08"]
    assert "not UTF-8" in records[1]["error"] and "got int" in records[2]["error"]
    assert "YYYY-MM-DD" in records[3]["error"] and strike_days(records[4]) == ["2017-01-27"]


def test_public_names_are_typed_for_checkers():
    """Type checkers read __init__'s TYPE_CHECKING imports: each public name must be one of them."""
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(strikex))
    guarded = {a.asname or a.name for node in ast.walk(tree) if isinstance(node, ast.If)
               for stmt in node.body if isinstance(stmt, ast.ImportFrom) for a in stmt.names}
    assert set(strikex.__all__) - {"__version__"} <= guarded
    assert all(getattr(strikex, name) is not None for name in strikex.__all__)
