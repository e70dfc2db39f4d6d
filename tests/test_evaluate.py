"""``strikex evaluate``: the comparisons on hand-made gold/record pairs, the command's outputs and errors,
and its agreement with the independent scorer (when ``shared/tools/score.py`` is beside the project)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

from strikex.evaluate import evaluate, score_article
from strikex.gold import read_corpus

GOLD = {
    "id": "x", "reference_date": "2023-05-02", "published_in_text": "2023-05-02",
    "unions": ["UNISON", "Unite the Union"], "councils": ["City of Bradford Metropolitan District Council"],
    "people": [{"name": "Jane Smith", "role": "branch secretary", "organisation": "UNISON"},
               {"name": "Tom Reed", "role": "council leader", "organisation": "Bradford Council"}],
    "ballots": [{"union": "UNISON", "support_pct": 91, "turnout_pct": 54, "votes_cast": None, "eligible": None},
                {"union": "Unite", "support_pct": None, "turnout_pct": 40, "votes_cast": None, "eligible": None}],
    "strike_dates": ["2023-05-10", "2023-05-11"], "ballot_close_dates": ["2023-04-28"],
}


def record(**changes):
    rec = {
        "reference_date": "2023-05-02",
        "unions": [{"name": "UNISON"}, {"name": "Unite"}],
        "councils": [{"name": "Bradford Council"}],
        "people": [{"name": "Jane Smith", "role": "Unison branch secretary", "organisation": "UNISON"},
                   {"name": "Cllr Tom Reed", "role": "leader", "organisation": "Bradford council"}],
        "ballots": [{"support_pct": 91, "turnout_pct": 54, "votes_cast": None, "eligible": None, "closes": "2023-04-28"},
                    {"support_pct": None, "turnout_pct": 40, "votes_cast": None, "eligible": None, "closes": None}],
        "strikes": [{"dates": ["2023-05-10", "2023-05-11"]}],
        "disputes": [{"union": "UNISON", "employer": "Bradford Council"}],
    }
    rec.update(changes)
    return rec


def test_a_record_that_agrees_with_its_gold_scores_one_everywhere():
    report = evaluate([], []).to_dict()
    assert report["docs"] == 0
    score = score_article("x", GOLD, record())
    assert all(c.fp == 0 and c.fn == 0 for c in score.counts.values()), (score.missed, score.extra)
    # "leader" is half the words of "council leader": a match; titles and form words are not compared
    assert score.hits == {"role": [2, 2], "organisation": [2, 2], "ballot_figures": [3, 3], "reference_date": [1, 1]}


def test_misses_false_hits_and_wrong_values_are_named():
    rec = record(unions=[{"name": "GMB"}, {"name": "UNISON"}],
                 people=[{"name": "Jane Smith", "role": "press officer", "organisation": "GMB"}],
                 ballots=[{"support_pct": 91, "turnout_pct": 45, "votes_cast": None, "eligible": None, "closes": None}],
                 strikes=[{"dates": ["2023-05-10", "2023-05-12"]}], reference_date=None)
    score = score_article("x", GOLD, rec)
    assert score.missed == {"unions": ["unite"], "people": ["tom reed"], "ballots": ["turnout_pct=40"],
                            "strike_dates": ["2023-05-11"], "ballot_close_dates": ["2023-04-28"]}
    assert score.extra == {"unions": ["gmb"], "strike_dates": ["2023-05-12"]}
    assert score.hits["ballot_figures"] == [1, 3]     # 91 right, 54 wrong, the missed ballot's 40 counts as wrong
    assert "Jane Smith: role 'press officer' (gold 'branch secretary')" in score.wrong
    assert "reference date None (gold 2023-05-02)" in score.wrong


def test_a_ballot_is_found_by_its_first_known_figure_and_used_once():
    gold = dict(GOLD, ballots=[{"support_pct": 80}, {"support_pct": 80, "turnout_pct": 30}])
    rec = record(ballots=[{"support_pct": 80.4, "turnout_pct": 30}])
    score = score_article("x", gold, rec)
    assert (score.counts["ballots"].tp, score.counts["ballots"].fn, score.counts["ballots"].fp) == (1, 1, 0)


def test_an_error_record_scores_as_finding_nothing():
    score = score_article("x", GOLD, {"source": "x.txt", "error": "x.txt: binary file"})
    assert score.error == "x.txt: binary file"
    assert score.counts["unions"].fn == 2 and score.counts["unions"].tp == 0


def test_evaluate_json_and_details(cli):
    result = cli("evaluate", SEEDS, "--json", "--details")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["docs"] == 3 and report["failures"] == []
    assert {a["name"] for a in report["articles"]} == {p.stem for p in SEEDS.glob("*.txt")}
    assert report["fields"]["unions"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 3, "fp": 0, "fn": 0}


def test_evaluate_tables_for_a_person(cli, tmp_path):
    pair = tmp_path / "gold"
    pair.mkdir()
    (pair / "a.txt").write_text("Members of Unison at Leeds City Council will strike on 4 May 2023, said Ann Lee.\n")
    (pair / "a.json").write_text(json.dumps(dict(GOLD, published_in_text=None, reference_date="2023-04-01")))
    result = cli("evaluate", pair, "--details")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "precision" in out and "macro F1" in out and "people: role" in out
    assert "missed unions: unite" in out and "false councils: leeds" in out


@pytest.mark.parametrize("content, message", [
    ("{not json", "not a readable gold record"),
    ("[1, 2]", "a gold record is a JSON object"),
    ('{"unions": "UNISON"}', "'unions' must be a list"),
    ('{"people": [{"role": "x"}]}', "needs a 'name'"),
])
def test_a_bad_gold_record_is_a_clear_error(cli, tmp_path, content, message):
    (tmp_path / "a.txt").write_text("text")
    (tmp_path / "a.json").write_text(content)
    result = cli("evaluate", tmp_path)
    assert result.exit_code == 2
    assert message in result.stderr and result.stdout == ""


def test_a_folder_without_gold_pairs_is_a_clear_error(cli, tmp_path):
    result = cli("evaluate", tmp_path)
    assert result.exit_code == 2 and "no gold pairs" in result.stderr
    result = cli("evaluate", tmp_path / "missing")
    assert result.exit_code == 2 and "not a folder" in result.stderr


def test_read_corpus_pairs_texts_with_gold_in_name_order(tmp_path):
    for name in ("b", "a", "c"):
        (tmp_path / f"{name}.json").write_text("{}")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.txt").write_text("y")
    assert [a.name for a in read_corpus([tmp_path])] == ["a", "b"]   # c has no text: not a pair


SCORER = Path(__file__).parents[2] / "shared" / "tools" / "score.py"


@pytest.mark.skipif(not SCORER.exists(), reason="the independent scorer is not beside the project")
@pytest.mark.parametrize("name", ["unseen", "nearmiss"])
def test_evaluate_agrees_with_the_independent_scorer(cli, name):
    """The same counts as ``shared/tools/score.py`` on a set with misses in it (tests/unseen), and on one with
    the gold keys dispute, causes and quoted (tests/nearmiss)."""
    folder = Path(__file__).parent / name
    strikex = Path(sys.executable).with_name("strikex")
    env = dict(os.environ, PATH=f"{strikex.parent}{os.pathsep}{os.environ['PATH']}")
    theirs = json.loads(subprocess.run([sys.executable, str(SCORER), str(folder), "--json"], capture_output=True,
                                       text=True, check=True, env=env, timeout=600).stdout)
    ours = json.loads(cli("evaluate", folder, "--json").stdout)
    assert theirs["failures"] == []
    for field, prf in theirs["fields"].items():
        assert {k: ours["fields"][field][k] for k in ("p", "r", "f1")} == prf, field
    for theirs_key, ours_key in (("role_acc", "role"), ("org_acc", "organisation"),
                                 ("ballot_figure_acc", "ballot_figures"), ("reference_date_acc", "reference_date")):
        assert ours["accuracy"][ours_key]["acc"] == theirs[theirs_key], ours_key
    assert ours["macro_f1"] == theirs["macro_f1"]
    assert ours["dispute_detection"] == theirs["dispute_detection"]
    assert ours["beyond"] == theirs["beyond"]


def test_a_near_miss_scores_only_dispute_facts_and_detection():
    """Gold ``dispute: false``: names are not asked for; any strike day, ballot, closing day or dispute is a
    false hit, and dispute detection counts the article as a false alarm (as the independent scorer does)."""
    gold = {"dispute": False, "unions": ["UNISON"], "people": [{"name": "Ann Lee"}]}
    quiet = score_article("n", gold, record(unions=[], people=[], ballots=[], strikes=[], disputes=[]))
    assert quiet.missed == {} and quiet.extra == {}
    noisy = score_article("n", gold, record())
    assert noisy.extra["dispute"] == ["n"] and noisy.extra["strike_dates"] == ["2023-05-10", "2023-05-11"]
    assert noisy.counts["ballots"].fp == 2 and noisy.counts["people"].fn == 0


def test_causes_and_quoted_are_scored_only_where_the_gold_has_them():
    gold = dict(GOLD, causes=["pay"], quoted=["Jane Smith", "Bradford Council"])
    rec = record(causes=[{"category": "pay"}, {"category": "staffing_and_workload"}],
                 quotes=[{"speaker": "Jane Smith", "kind": "direct"}, {"speaker": "Tom Reed", "kind": "reported"}])
    score = score_article("x", gold, rec)
    assert (score.beyond["causes"].tp, score.beyond["causes"].fp) == (1, 1)
    assert (score.beyond["quoted"].tp, score.beyond["quoted"].fn) == (1, 1)
    assert "causes" not in score_article("x", GOLD, rec).beyond
