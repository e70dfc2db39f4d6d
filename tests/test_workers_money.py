"""strikex_workers: the workers in the dispute (with their count, when given) and sums of money, on a seed
(the issue's expectations) and on sentences written for this project."""
from __future__ import annotations

import pytest


def test_seed_workers_and_money(seed):
    from conftest import BRADFORD

    record = seed(BRADFORD)
    assert [(w["name"], w["count"], w["approximate"]) for w in record["workers"]] == [("computing staff", 105, True)]
    assert [(m["amount"], m["currency"], m["text"]) for m in record["money"]] == [(100_000_000, "GBP", "£100 million")]


@pytest.mark.parametrize("text, expected", [
    ("Some 340 home carers employed by Salford City Council will strike next week.", [("home carers", 340, True)]),
    ("The strike by school support staff begins on Monday.", [("school support staff", None, False)]),
    ("Unite said 1,200 council refuse collectors would walk out.", [("refuse collectors", 1200, False)]),
])
def test_workers_in_general_forms(run, text, expected):
    assert [(w["name"], w["count"], w["approximate"]) for w in run(text)["workers"]] == expected


def test_money_in_general_forms(run):
    record = run("The £2.5m contract and a £1,200 payment were offered; staff want £250k back and a £3bn fund.")
    assert [(m["amount"], m["currency"]) for m in record["money"]] == [(2_500_000, "GBP"), (1200, "GBP"),
                                                                       (250_000, "GBP"), (3_000_000_000, "GBP")]
