"""Whole articles written for this project, NAME.txt beside its gold NAME.json in the format of
shared/corpus/GOLD.md, annotated by hand without looking at strikex's output: tests/articles/ (a01-a10),
tests/heldout/ (h01-h10) and tests/unseen/ (u01-u08), each written later than the one before and measured
once before any rule was changed for it (see the README).

Scored field by field as ``shared/tools/score.py`` scores, over both sets together; the floors are a
little under the figures measured now, so a change that loses accuracy on real-looking text fails.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import FIGURES, council_key, figures, org_matches, person_key, role_matches, strike_days, union_key

SETS = [Path(__file__).parent / name for name in ("articles", "heldout", "unseen")]
PATHS = sorted((p for folder in SETS for p in folder.glob("*.txt")), key=lambda p: p.stem)
NAMES = [p.stem for p in PATHS]
FLOORS = {"unions": 1.0, "councils": 0.95, "people": 0.98, "roles": 0.85, "organisations": 0.85, "ballots": 0.95,
          "ballot_figures": 0.95, "strike_dates": 0.98, "ballot_close_dates": 0.95, "reference_date": 1.0}


def first_figure(ballot: dict) -> tuple | None:
    return next(((k, v) for k, v in zip(FIGURES, figures(ballot)) if v is not None), None)


def f1(tp: int, fp: int, fn: int) -> float:
    return 1.0 if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)


@pytest.fixture(scope="module")
def scores(run):
    counts = {k: [0, 0, 0] for k in ("unions", "councils", "people", "strike_dates", "ballot_close_dates", "ballots")}
    hits = {"roles": [0, 0], "organisations": [0, 0], "reference_date": [0, 0], "ballot_figures": [0, 0]}
    misses = []

    def add(field, gold, pred, name):
        tp, fp, fn = len(gold & pred), len(pred - gold), len(gold - pred)
        for i, n in enumerate((tp, fp, fn)):
            counts[field][i] += n
        if fp or fn:
            misses.append(f"{name} {field}: missed {sorted(gold - pred)} extra {sorted(pred - gold)}")

    for path in PATHS:
        name = path.stem
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        record = run(text, date=None if gold["published_in_text"] else gold["reference_date"], source=name)
        add("unions", {union_key(u) for u in gold["unions"]}, {union_key(u["name"]) for u in record["unions"]}, name)
        add("councils", {council_key(c) for c in gold["councils"]}, {council_key(c["name"]) for c in record["councils"]}, name)
        gp = {person_key(p["name"]): p for p in gold["people"]}
        pp = {person_key(p["name"]): p for p in record["people"]}
        add("people", set(gp), set(pp), name)
        for key in set(gp) & set(pp):
            hits["roles"][0] += role_matches(gp[key]["role"], pp[key]["role"])
            hits["organisations"][0] += org_matches(gp[key]["organisation"], pp[key]["organisation"])
            hits["roles"][1] += 1
            hits["organisations"][1] += 1
        add("strike_dates", set(gold["strike_dates"]), set(strike_days(record)), name)
        add("ballot_close_dates", set(gold["ballot_close_dates"]), {b["closes"] for b in record["ballots"] if b["closes"]}, name)
        # as the scorer does: a ballot is found by its first known figure; the others are its figure accuracy
        gold_ballots = {first_figure(b) for b in gold["ballots"]}
        pred = {first_figure(b): b for b in record["ballots"] if first_figure(b)}
        add("ballots", gold_ballots, set(pred), name)
        for b in gold["ballots"]:
            for k, v in zip(FIGURES, figures(b)):
                if v is not None:
                    hits["ballot_figures"][0] += first_figure(b) in pred and pred[first_figure(b)][k] == v
                    hits["ballot_figures"][1] += 1
        if gold["published_in_text"]:
            hits["reference_date"][0] += record["reference_date"] == gold["published_in_text"]
            hits["reference_date"][1] += 1
    result = {k: f1(*v) for k, v in counts.items()}
    result.update({k: (h / n if n else 1.0) for k, (h, n) in hits.items()})
    return result, misses


def test_the_sets_are_complete():
    assert len(NAMES) >= 28
    assert all(p.with_suffix(".json").exists() for p in PATHS)


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_accuracy_on_our_own_articles(scores, field):
    result, misses = scores
    assert result[field] >= FLOORS[field], "\n".join(m for m in misses if field in m)
