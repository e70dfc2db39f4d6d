"""Time limits (``budget.py``): an article whose rule components run too long (``--timeout-per-doc``) and a
dateparser call that does not come back become an error record and a warning, and the batch goes on."""
from __future__ import annotations

import json
import threading
import time

import pytest

from strikex import datenorm
from strikex.budget import TimeLimitExceeded, time_limit


def spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_limit_interrupts_python_code():
    start = time.monotonic()
    with pytest.raises(TimeLimitExceeded, match="work took longer than 0.2 s"):
        with time_limit(0.2, "work"):
            spin(5)
    assert time.monotonic() - start < 1.5


def test_a_limit_interrupts_a_regular_expression_that_backtracks():
    import re

    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.2, "regex"):
            re.match(r"(a+)+$", "a" * 40 + "b")


def test_a_suppressed_inner_limit_ends_quietly_and_the_outer_one_still_holds():
    with pytest.raises(TimeLimitExceeded) as outer_exc:
        with time_limit(0.6, "outer") as outer:
            with time_limit(0.1, "inner", suppress=True) as inner:
                spin(5)
            assert inner.expired
            with time_limit(5, "second inner", suppress=True):
                spin(5)  # the outer limit runs out in here: it is not the inner one's to swallow
    assert outer_exc.value.limit is outer


def test_the_exception_gets_past_a_broad_except():
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.1, "work"):
            try:
                spin(5)
            except Exception:  # as a library's catch-all would
                pass


def test_no_timer_is_left_behind():
    import signal

    with time_limit(0.5, "quick"):
        pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None, signal.default_int_handler)


def test_outside_the_main_thread_there_is_no_limit():
    done = []

    def work():
        with time_limit(0.05, "threaded"):
            spin(0.2)
        done.append(True)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert done == [True]


@pytest.fixture
def slow_dateparser(monkeypatch):
    """dateparser taking 3 s on every string, and a 0.2 s allowance for it."""
    import dateparser

    monkeypatch.setattr(dateparser, "parse", lambda *a, **k: spin(3))
    monkeypatch.setattr(datenorm, "DATEPARSER_SECONDS", 0.2)
    datenorm._parse.cache_clear()
    yield
    datenorm._parse.cache_clear()


def test_a_dateparser_call_that_hangs_is_cut_off_and_reported(slow_dateparser):
    import datetime as dt

    problems: list[str] = []
    start = time.monotonic()
    value = datenorm.resolve("the week after next", dt.date(2025, 3, 3), problems=problems)
    assert time.monotonic() - start < 1.5
    assert value is not None and value.date is None  # a relative day it could not place
    assert problems == ["date text 'week after next' not read: dateparser took longer than 0.2 s"]


def test_the_timeout_reaches_the_record_warnings(run, slow_dateparser, monkeypatch):
    # strikex reads every relative form its patterns find itself now; as if it could not read "next year"
    monkeypatch.setattr(datenorm, "_simple_relative", lambda *a: None)
    record = run("Unison members at Leeds City Council will strike again next year.", date="2025-03-03")
    assert any("dateparser took longer than 0.2 s" in w for w in record["warnings"])
    assert [u["name"] for u in record["unions"]] == ["UNISON"]


def test_a_date_text_over_the_length_cap_is_not_parsed_and_is_reported():
    problems: list[str] = []
    text = "next " + "very " * 30 + "long week"
    assert datenorm.resolve(text, None, problems=problems) is None
    assert len(problems) == 1 and "not read (the limit is 80)" in problems[0]


def test_an_article_over_its_time_budget_is_an_error_record_and_the_batch_goes_on(cli, nlp, tmp_path, monkeypatch):
    quotes = nlp.get_pipe("strikex_quotes")
    original = type(quotes).__call__

    def slow_on_marker(self, doc):
        if "Zebedee" in doc.text:
            spin(5)
        return original(self, doc)

    monkeypatch.setattr(type(quotes), "__call__", slow_on_marker)
    (tmp_path / "a.txt").write_text("Cllr Zebedee Marsh said Unison members would strike.")
    (tmp_path / "b.txt").write_text("GMB members at Leeds City Council will strike.")
    start = time.monotonic()
    result = cli("extract", str(tmp_path), "--timeout-per-doc", "0.5")
    assert time.monotonic() - start < 4
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 1
    assert records[0]["error"].endswith("timed out in strikex_quotes: the article's rule components took longer "
                                        "than 0.5 s (--timeout-per-doc)")
    assert [u["name"] for u in records[1]["unions"]] == ["GMB"]


def test_worker_processes_keep_the_time_limit(cli):
    from conftest import SEEDS

    result = cli("extract", SEEDS, "--workers", "2", "--timeout-per-doc", "0.001")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 3 and result.exit_code == 1
    assert all("took longer than 0.001 s (--timeout-per-doc)" in r["error"] for r in records)


def test_a_clean_up_cut_short_is_finished_by_reset(monkeypatch):
    """The timer can fire in the instant a block ends, inside its clean-up; reset() leaves no limit behind."""
    import signal

    from strikex import budget

    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.1, "work"):
            spin(5)
    budget._active.append(budget.Limit(1, "left behind", deadline=0.0))  # as a cut-short clean-up would leave it
    budget.reset()
    assert budget._active == [] and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with time_limit(1, "next"):
        spin(0.05)  # no stale limit fires here
