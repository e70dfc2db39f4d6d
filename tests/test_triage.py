"""The triage gate: which articles need the statistical pipeline, and what a turned-away article's record is."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS, TESTS

ROOT = Path(__file__).parents[1]
GOLD_SETS = [SEEDS] + [TESTS / name for name in ("articles", "heldout", "unseen", "fresh")]
DEV = ROOT.parent / "shared" / "corpus" / "dev"


@pytest.fixture(scope="module")
def gate(nlp):
    from strikex.pipeline import triage_gate

    return lambda text: triage_gate(nlp)(nlp.make_doc(text))


@pytest.mark.parametrize("text", [
    "Refuse collectors will take industrial action next month.",
    "Library staff staged a walkout on Friday.",
    "Pickets gathered outside the depot at dawn.",
    "Teaching assistants are to go on strike over pay.",
    "The GMB is balloting its members at the council.",          # a weak word and a named union
    "Talks between Unite and the authority broke down.",
    "Carers will strike for three days after talks failed.",   # an ambiguous word and a weak one
    "Unison says carers will strike.",                          # an ambiguous word and a union
])
def test_dispute_text_goes_through(gate, text):
    assert gate(text).relevant, gate(text).reason


@pytest.mark.parametrize("text", [
    "The striker struck twice as Town beat Rovers 3-1.",
    "A lightning strike damaged the church tower overnight.",
    "Experts believe the strike hit the spire directly.",       # an ambiguous word alone
    "The councillor walked out in protest.",
    "Voters can drop postal ballots at the town hall until 10pm.",  # a weak word, no union
    "The Mothers' Union held its annual fete on Saturday.",
    "The council must strike a balance between cost and quality.",
    "Planning permission for 40 homes was granted by Leeds City Council.",
    "",
])
def test_other_news_is_turned_away(gate, text):
    assert not gate(text).relevant, gate(text).reason


@pytest.mark.parametrize("text, relevant", [
    # the article's own other sense: its later ambiguous mentions count only with a union named
    ("A lightning strike hit the chapel roof. Fire crews came at once. Experts said the strike loosened slates.", False),
    ("A hunger strike at the detention centre is in its ninth day, staff said. Doctors fear the strike takes its toll.", False),
    ("A lightning strike cut power at the depot. Unison said its members will strike on Monday.", True),
    ("Rubbish piled up after a lightning strike. Bin crews will strike next week in a row over pay.", True),
    ("A hunger strike ended on Friday. Library staff say a strike over pay is likely.", True),
    # a figure of speech is no other kind of strike: "the strike" stays the dispute's
    ("Efforts to strike a deal with the porters failed; the strike will shut two wards.", True),
    ("The board must strike a balance on costs. Cleaners say the strike planned for May will close schools.", True),
    ("Wardens walked out of the meeting on Monday. The walk out follows a row over shifts.", True),
    ("Councillors struck an agreement on parking. This strike by library staff goes on.", True),
    # another kind of strike, and "the strike" told with workers in its sentence is a dispute too
    ("A rent strike began at Pell Court. Separately, the strike by the council's cleaners starts on Monday.", True),
])
def test_a_sense_the_article_uses_colours_its_other_mentions(gate, text, relevant):
    """'The strike' after 'a lightning strike' is the same strike; 'will strike' is not (other news let through
    costs a full pipeline run, ~30 turned-away articles' time)."""
    assert gate(text).relevant is relevant, gate(text).reason


# One sentence of our own for each sense of models/other_senses.json: with a union named, its strike word would
# let the article through if the sense did not mask it.
OTHER_SENSES = [
    ("lightning", "The Unison regional office was hit by a lightning strike on Tuesday night."),
    ("hunger_strike", "A former GMB steward began a hunger strike outside the embassy."),
    ("military", "The Unite convenor's cousin was hurt in an air strike abroad."),
    ("rent_strike", "A rent strike will begin at Mercer Court next month, Unite Community said."),
    ("climate_strike", "A climate strike will take place outside the Unison building."),
    ("sport", "A penalty strike from the Unison five-a-side captain won the cup."),
    ("strike_a_deal", "Wyford Council hopes to strike a deal with the GMB's landlord."),
    ("strike_a_balance", "The Unison training centre must strike a balance between cost and quality."),
    ("strike_a_note", "The Unite leader will strike a note of optimism at the conference."),
    ("walk_out_of", "A Unison member on the committee walked out of the meeting in protest."),
    ("strike_out_words", "The Unison secretary accused the panel of striking out the appeal clause."),
]


@pytest.mark.parametrize("sense, text", OTHER_SENSES, ids=[s for s, _ in OTHER_SENSES])
def test_other_senses_do_not_count(gate, sense, text):
    assert not gate(text).relevant, gate(text).reason


def test_every_other_sense_has_a_sentence():
    from strikex.resources import read_json

    assert {s for s, _ in OTHER_SENSES} == {s["id"] for s in read_json("other_senses.json")["senses"]}


def test_strike_headlines_in_a_related_articles_list_do_not_count(gate):
    text = ("Town centre car park to close for resurfacing\n\nThe multi-storey will shut for six weeks from May.\n\n"
            "Related articles\n- Bin strike to go ahead next week\n- Teachers vote for walkout\n")
    assert not gate(text).relevant, gate(text).reason


@pytest.mark.parametrize("folder", GOLD_SETS + [TESTS / "nearmiss", DEV], ids=lambda p: p.name)
def test_every_gold_article_goes_through(gate, folder):
    """A relevant article the gate turned away would lose its whole record: none of ours, nor of the real
    dev reports (when they are beside the project), may be."""
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here")
    for path in sorted(folder.glob("*.txt")):
        gold = path.with_suffix(".json")
        if gold.is_file() and json.loads(gold.read_text(encoding="utf-8")).get("dispute", True) is False:
            continue  # a near miss (gold "dispute": false) may rightly be turned away
        verdict = gate(path.read_text(encoding="utf-8"))
        assert verdict.relevant, (path.name, verdict.reason)


def test_most_other_news_is_turned_away(gate):
    """The benchmark's non-dispute articles (sport, weather, planning, courts, a by-election with postal
    ballots, a lightning strike, a striker): a few false alarms cost time, not accuracy."""
    paths = sorted((ROOT / "benchmarks" / "corpus" / "other").glob("*.txt"))
    assert len(paths) >= 30
    through = [p.name for p in paths if gate(p.read_text(encoding="utf-8")).relevant]
    assert len(through) <= len(paths) // 10, through


def test_a_turned_away_article_has_an_empty_valid_record(run):
    from strikex.record_schema import schema

    jsonschema = pytest.importorskip("jsonschema")
    text = "Cllr Ann Lee said the new Leeds City Council car park will open on 4 May."
    record = run(text, date="2024-04-01", triage=True)
    jsonschema.validate(record, schema())
    assert record["relevant"] is False and record["triage"] == "no dispute vocabulary"
    assert record["reference_date"] == "2024-04-01" and record["reference_date_source"] == "given"
    assert all(record[k] == [] for k in ("unions", "councils", "people", "dates", "ballots", "strikes"))
    full = run(text, date="2024-04-01", triage=False)
    assert full["relevant"] is True and full["triage"] is None and full["people"]


def test_a_relevant_record_says_why(run):
    record = run("Unison members at Leeds City Council will strike on 4 May 2024.", triage=True)
    assert record["relevant"] is True and record["triage"] == "dispute phrase 'strike' with 'members'"


def test_only_relevant_and_no_triage_on_the_command_line(cli, tmp_path):
    (tmp_path / "a.txt").write_text("Unison members at Leeds City Council will strike on 4 May 2024.\n")
    (tmp_path / "b.txt").write_text("Rain is expected across Yorkshire on Thursday.\n")
    every = [json.loads(line) for line in cli("extract", tmp_path).stdout.splitlines()]
    assert [r["relevant"] for r in every] == [True, False]
    only = [json.loads(line) for line in cli("extract", tmp_path, "--only-relevant").stdout.splitlines()]
    assert [Path(r["source"]).name for r in only] == ["a.txt"]
    full = [json.loads(line) for line in cli("extract", tmp_path, "--no-triage").stdout.splitlines()]
    assert [r["relevant"] for r in full] == [True, True] and all(r["triage"] is None for r in full)


def test_a_related_articles_list_adds_nothing_to_a_relevant_record(run):
    story = "Unison members at Leeds City Council will strike on 4 May 2024.\n\n"
    related = "Related articles\n\n- Bradford bin strike set for 9 May 2024\n- Wakefield carers ballot for action\n\nMore news.\n"
    assert run(story + related, triage=True)["strikes"] == run(story, triage=True)["strikes"]


def test_text_that_is_not_english_is_marked_not_extracted(run):
    welsh = ("Mae gweithwyr y cyngor yn bwriadu streicio yr wythnos nesaf ar ôl i'r undeb gynnal pleidlais. "
             "Dywedodd llefarydd ar ran Cyngor Gwynedd eu bod yn siomedig iawn gyda'r penderfyniad ac y byddant "
             "yn parhau i drafod gyda'r undebau llafur er mwyn osgoi gweithredu diwydiannol ym mis Mai.")
    record = run(welsh, triage=True)
    assert (record["relevant"], record["language"]) == (False, "non-en")
    assert "does not look like English" in record["warnings"][0] and record["strikes"] == []
    english = run("Unison members at Leeds City Council will strike on 3 May 2024.", triage=True)
    assert english["language"] == "en"


@pytest.mark.parametrize("folder", GOLD_SETS + [DEV, ROOT / "benchmarks" / "corpus" / "other"], ids=lambda p: p.name)
def test_every_english_article_is_english(gate, folder):
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here")
    for path in sorted(folder.glob("*.txt")):
        assert gate(path.read_text(encoding="utf-8")).language == "en", path.name
