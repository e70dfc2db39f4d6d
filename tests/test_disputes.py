"""strikex_disputes: an industrial dispute is decided once per article (doc._.dispute); an article without one
has no strikes, ballots, causes or disputes, but keeps its unions, councils and people. A dispute's employer is
the one named with the workforce before the main council; its status comes from its latest event. All texts
are our own."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import SENSE_SENTENCES

from strikex.timeline import merge

TESTS = Path(__file__).parent


@pytest.mark.parametrize("text, council", [
    ("A barn near Hexham was destroyed by a lightning strike on Sunday, Northumberland County Council said.",
     "Northumberland County Council"),
    ("Stockport Council has struck a deal with a developer to rebuild the market hall by 2027.", "Stockport Council"),
    ("Tenants at Ashgrove House began a rent strike on Monday over damp, Salford City Council confirmed.",
     "Salford City Council"),
    ("Hundreds of pupils walked out of lessons on Friday to join a climate strike outside the civic centre. "
     "The NEU said it understood why the young people felt strongly. Oldham Council said schools stayed open.",
     "Oldham Council"),
    ("Three councillors walked out of a Wirral Council meeting after the chair refused to take their questions.",
     "Wirral Council"),
    ("Turnout in the Bury Council by-election was 28%, and the Labour candidate took 61% of the vote. "
     "A former GMB steward came third.", "Bury Council"),
    ("A campaigner has been on hunger strike outside Gateshead Council's offices for nine days.", "Gateshead Council"),
    ("Unison said it had no plans for industrial action after Fife Council agreed to regrade the posts.",
     "Fife Council"),
    ("A striking new mural has been unveiled at the library, Calderdale Council said. Visitors were struck by "
     "its colours.", "Calderdale Council"),
    ("The pay deal was agreed without any need for a ballot or industrial action, Unite said of Torbay Council's offer.",
     "Torbay Council"),
    # a sense's object after an amount or modifiers; a walkout from a meeting with a quoted word between;
    # an election's postal ballot packs
    ("Bolton Council strikes £12m leisure deal – as opposition walk out of 'shambolic' meeting. Unison said "
     "staff would keep their terms.", "Bolton Council"),
    ("Voters in the Hale ward go to the polls next week in a by-election for Trafford Council. Postal ballot packs "
     "have gone out to 3,000 voters. Unison said its members at the count would be paid overtime.", "Trafford Council"),
])
def test_no_dispute_no_dispute_facts(run, text, council):
    record = run(text, "2024-03-04")
    assert record["disputes"] == [] and record["strikes"] == [] and record["ballots"] == []
    assert council in [c["name"] for c in record["councils"]]   # councils are still listed


# One sentence of our own for each sense of models/other_senses.json, with a union named: without the sense,
# each would be a dispute. The article's frame names the sense's rule.
OTHER_SENSES = SENSE_SENTENCES   # tests/helpers.py: a sentence for each other sense


@pytest.mark.parametrize("sense, text", OTHER_SENSES, ids=[s for s, _ in OTHER_SENSES])
def test_other_senses_are_no_dispute(nlp, sense, text):
    import strikex

    assert strikex.extract(text, reference_date="2026-04-20", triage=False)["disputes"] == []
    found = nlp(text)._.dispute
    assert not found.present and found.rule.startswith("other_senses.json:"), found.rule


def test_every_other_sense_has_a_dispute_sentence():
    from strikex.resources import read_json

    assert {s for s, _ in OTHER_SENSES} == {s["id"] for s in read_json("other_senses.json")["senses"]}


@pytest.mark.parametrize("text", [
    "Refuse collectors employed by Sefton Council will strike on 3 and 4 June, the GMB said.",
    "Members of Unite at the Halton depot voted to strike over the new rotas.",
    "The ballot on strike action at Bury Council was carried by 61% to 39%, the branch said.",
    "Care workers will walk out next Tuesday in a row over pay, Unite said.",
    "Unison is balloting 900 school support staff at Angus Council over pay.",
    # a short report need not say who strikes, when nothing in it is another sense
    "The walk-out planned for Friday has been postponed, Derby City Council said.",
    "GMB said 91% voted in favour on a 58% turnout at Derby City Council.",
])
def test_dispute_found(run, text):
    record = run(text, "2024-05-20")
    assert record["disputes"], record["disputes"]
    assert record["disputes"][0]["dispute_rule"].startswith("disputes.json:")


@pytest.mark.parametrize("text, employer", [
    # the employer named with the workforce, not a council that is merely named
    ("Porters employed by the Northfield Hospitals NHS Trust will strike on Monday 11 March, Unison said. "
     "The leader of Sheffield City Council said he would visit the picket line.", "Northfield Hospitals NHS Trust"),
    ("Drivers at Greenway Buses will walk out on Friday 8 March, Unite said. Kirklees Council subsidises two "
     "of the company's routes.", "Greenway Buses"),
    # a council dispute keeps its council
    ("GMB members at Wigan Council will strike on Monday 11 March over pay.", "Wigan Council"),
    ("Bin crews will strike on Monday 11 March, the GMB said. Wigan Council said it was disappointed.", "Wigan Council"),
    # a capitalised generic "Council" before the workforce stands for the article's council
    ("Leeds City Council faces a strike. Unison says its 80 Council payroll staff will walk out on Monday 11 March.",
     "Leeds City Council"),
])
def test_employer(run, text, employer):
    record = run(text, "2024-03-04")
    assert [d["employer"] for d in record["disputes"]] == [employer]
    assert all(s["employer"] == employer for s in record["strikes"])


@pytest.mark.parametrize("text, status", [
    # the latest event: later planned days after a walk-out, a strike called off after one was planned
    ("Unison members at Bolton Council walked out on Thursday 2 May. They will strike again on 16 and 17 May.", "planned"),
    ("A strike by GMB members at Bolton Council planned for 16 May has been called off after talks.", "called off"),
    ("Unison members at Bolton Council walked out on Thursday 2 May. A second strike on 16 May has been suspended "
     "while members vote on a new offer.", "suspended"),
    # a call-off told without the days still settles the strike that has them
    ("Library strike at Bolton Council scrapped after late offer\nGMB members at Bolton Council had been due to "
     "strike on 20 and 21 May.", "called off"),
    ("Walk-outs by Unite drivers at Bolton Council have been postponed. They had been set to strike on 20 May.",
     "suspended"),
    # ... but not when it is another strike's
    ("GMB members at Bolton Council will strike on 20 May. A further walkout by cleaners has been called off.",
     "planned"),
    # a future picket line is no strike held; a will to strike is not a plan; the cause's plans are not the strike's
    ("Unison members at Bolton Council will strike on 20 May. The mayor said she would join them on the picket line.",
     "planned"),
    ("Unison is balloting carers at Bolton Council on strike action over plans to close two day centres.",
     "balloting"),
    ("GMB members at Bolton Council are being balloted on strike action after 90% said in a survey that they "
     "were prepared to strike.", "balloting"),
])
def test_status_from_latest_event(run, text, status):
    record = run(text, "2024-05-06")
    assert [d["status"] for d in record["disputes"]] == [status]


def _gold_with_status():
    for folder in ("nearmiss", "articles"):
        for gold in sorted((TESTS / folder).glob("*.json")):
            g = json.loads(gold.read_text(encoding="utf-8"))
            if "status" in g or g.get("dispute") is False:
                yield gold, g


def test_gold_status_and_no_dispute(run):
    """Our gold's optional ``status`` key (README, gold format) against the record's first dispute, and
    ``"dispute": false`` articles against an empty ``disputes``. All 13 right (were 10: a future "on the
    picket line" read as held, "plans" of the cause read as planned, a "called off" without the days that
    did not reach the dated strike).""" 
    hits, misses, phantom = 0, [], []
    for gold, g in _gold_with_status():
        date = None if g.get("published_in_text") else g.get("reference_date")
        record = run(gold.with_suffix(".txt").read_text(encoding="utf-8"), date, triage=True)
        if g.get("dispute") is False:
            if record.get("disputes") or record.get("strikes") or record.get("ballots"):
                phantom.append(gold.stem)
            continue
        got = record["disputes"][0]["status"] if record.get("disputes") else None
        if got == g["status"]:
            hits += 1
        else:
            misses.append((gold.stem, g["status"], got))
    assert phantom == []
    assert hits / (hits + len(misses)) >= 0.95, misses


def test_timeline_skips_a_dispute_with_neither_union_nor_employer():
    records = [
        {"source": "x1", "reference_date": "2024-03-01", "ballots": [], "strikes": [],
         "disputes": [{"union": None, "employer": None, "workers": None, "causes": [], "status": "held",
                       "ballots": [], "strikes": []}]},
        {"source": "x2", "reference_date": "2024-03-02", "ballots": [], "strikes": [],
         "disputes": [{"union": "GMB", "employer": None, "workers": None, "causes": [], "status": "planned",
                       "ballots": [], "strikes": []}]},
    ]
    skipped: list = []
    rows = merge(records, skipped)
    assert [r.union for r in rows] == ["GMB"] and skipped == ["x1"]


def test_seed_dispute(seed):
    from conftest import KIRKLEES

    (dispute,) = seed(KIRKLEES)["disputes"]
    assert dispute["employer_rule"] and dispute["dispute_rule"] and dispute["evidence"]
    assert {k: v for k, v in dispute.items() if k not in {"employer_rule", "dispute_rule", "evidence"}} == {"union": "UNISON", "employer": "Kirklees Council", "workers": "social workers", "worker_count": None,
                       "causes": ["pay", "staffing_and_workload", "other"], "status": "going ahead", "ballots": [0],
                       "strikes": [0], "rule": "assemble.py:named_union"}


def test_two_unions_give_two_disputes(run):
    text = ("GMB and Unite members at Leeds City Council will strike on 3 May 2024 over pay. "
            "GMB members backed action by 88% and Unite members by 91%.")
    record = run(text)
    assert [(d["union"], d["employer"], d["status"], d["causes"]) for d in record["disputes"]] == [
        ("GMB", "Leeds City Council", "planned", ["pay"]), ("Unite", "Leeds City Council", "planned", ["pay"])]
    assert json.dumps(record["disputes"])  # plain JSON


@pytest.mark.parametrize("text, date, dispute", [
    # "walk out from DATE" is a strike's period, "walk out of/from a PLACE" a departure
    ("Unite members at Fife Council will walk out every Tuesday and Thursday from 3 March to 27 March.",
     "2025-02-20", True),
    ("Cleaners employed by Angus Council will walk out from Monday, the GMB said.", "2025-02-20", True),
    ("Two Labour councillors walked out from the chamber at Fife Council during the budget debate.",
     "2025-02-20", False),
])
def test_walking_out_from_a_date_is_not_a_departure(run, text, date, dispute):
    assert bool(run(text, date)["disputes"]) is dispute
