"""strikex_ballots: ballot results with their figures, union and closing date.

Figures are (support_pct, turnout_pct, votes_cast, eligible).
"""
from __future__ import annotations

import pytest
from helpers import figures, strike_days


@pytest.mark.parametrize("text, expected", [
    ("Unison members at Leeds City Council backed strike action by 91% on a 54% turnout.", (91, 54, None, None)),
    ("Strike action was backed by 91% on a 54% turnout.", (91, 54, None, None)),
    ("Four out of five GMB members voted for strike action in the ballot.", (80, None, None, None)),
    ("Strike action was backed by 79% of 75 Unison members who voted.", (79, None, 75, None)),
    ("In all, 1,024 members were balloted and 79% voted in favour of strikes.", (79, None, None, 1024)),
    ("Members voted 86% in favour of strike action, on a turnout of 61%.", (86, 61, None, None)),
    ("Some 412 members took part in the ballot, with 88% backing strikes.", (88, None, 412, None)),
    ("The ballot result showed 72 per cent support for strike action on a turnout of 58 per cent.", (72, 58, None, None)),
    ("Two-thirds of GMB members backed industrial action in the ballot.", (66.7, None, None, None)),
    ("Nine in ten Unison members voted for strikes.", (90, None, None, None)),
    ("Of the 640 members balloted, 77% voted to strike on a 48% turnout.", (77, 48, None, 640)),
    ("Unite said 94% of members who voted backed strikes, on a turnout of 71%.", (94, 71, None, None)),
    ("A ballot of 2,300 Unison members closed with 68% voting yes.", (68, None, None, 2300)),
])
def test_ballot_figures(run, text, expected):
    (ballot,) = run(text)["ballots"]
    assert figures(ballot) == expected


def test_two_results_in_one_sentence_are_two_ballots(run):
    record = run("Members backed strikes by 90% on a 53% turnout in England and 92% on a 58% turnout in Wales.")
    assert [figures(b) for b in record["ballots"]] == [(90, 53, None, None), (92, 58, None, None)]


def test_each_ballot_takes_its_own_union(run):
    record = run("Unison members backed strikes by 84%, while GMB members voted 76% in favour.")
    assert [(b["union"], b["support_pct"]) for b in record["ballots"]] == [("UNISON", 84), ("GMB", 76)]


@pytest.mark.parametrize("text", [
    "Staff rejected a 3% pay offer from the council.",
    "The council offered a 5% pay rise, but the union said the vote would go ahead.",
    "Some 250 Unison members attended a meeting at the town hall.",
    "The council wants to cut its budget by 10% next year.",
    "Unison members at Leeds City Council will strike on 3 May.",
])
def test_figures_that_are_not_ballot_results(run, text):
    assert [b for b in run(text)["ballots"] if any(v is not None for v in figures(b))] == []


@pytest.mark.parametrize("text, union", [
    ("Strike action was backed by 79% of 75 Unison members who voted.", "UNISON"),
    ("Four out of five GMB members voted for strike action in the ballot.", "GMB"),
    ("Unite members are angry about pay. Members voted 86% in favour of strike action.", "Unite"),
    ("Members voted 86% in favour of strike action.", None),
])
def test_ballot_union(run, text, union):
    (ballot,) = run(text)["ballots"]
    assert ballot["union"] == union


def test_ballot_evidence_is_the_sentence(run):
    text = "Talks failed last week. Strike action was backed by 79% of 75 Unison members who voted. The council said little."
    (ballot,) = run(text)["ballots"]
    assert ballot["text"] == "Strike action was backed by 79% of 75 Unison members who voted."
    assert text[ballot["start"]:ballot["end"]] == ballot["text"]


# -- closing dates ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, date, closes, written", [
    ("The ballot of Unite members closes on 15 March.", "2023-03-01", "2023-03-15", "15 March"),
    ("The ballot will run until 15 March 2023.", None, "2023-03-15", "15 March 2023"),
    ("Unison's ballot opens on Monday and closes on 20 February.", "2023-02-01", "2023-02-20", "20 February"),
    ("A ballot of 2,300 Unison members closed on Friday with 68% voting yes.", "2023-03-13", "2023-03-10", "Friday"),
])
def test_ballot_closing_date(run, text, date, closes, written):
    (ballot,) = run(text, date)["ballots"]
    assert ballot["closes"] == closes
    assert ballot["closes_date"]["text"] == written
    assert ballot["closes_date"]["date"] == closes


def test_closing_date_without_a_year_keeps_month_and_day(run):
    (ballot,) = run("The ballot of Unite members closes on 15 March.")["ballots"]
    assert ballot["closes"] is None
    c = ballot["closes_date"]
    assert (c["text"], c["date"], c["year"], c["month"], c["day"]) == ("15 March", None, None, 3, 15)
    assert ballot["union"] == "Unite"


def test_closing_date_is_not_a_strike_day(run):
    record = run("The ballot closes on 15 March and strikes could follow.", "2023-03-01")
    assert [b["closes"] for b in record["ballots"]] == ["2023-03-15"]
    assert strike_days(record) == []


def test_result_and_closing_date_in_two_sentences_are_one_ballot(run):
    text = ("Unison members backed strike action by 91% on a 54% turnout. "
            "The ballot closed on 15 March.")
    (ballot,) = run(text, "2023-03-20")["ballots"]
    assert figures(ballot) == (91, 54, None, None)
    assert ballot["closes"] == "2023-03-15"


# -- provenance ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, date, rule", [
    ("Unison members at Leeds City Council backed strike action by 91% on a 54% turnout.", None,
     "ballots.json:sentence_cues"),
    ("GMB members voted unanimously for strike action.", None, "ballots.json:unanimous_cues"),
    ("The Unite ballot result was 1,146 votes to 212.", None, "ballots.json:votes_to"),
    ("The ballot of Unite members closes on 15 March.", "2023-03-01", "ballots.json:close_cues"),
])
def test_ballot_rule_names_the_cue_that_found_it(run, text, date, rule):
    (ballot,) = run(text, date)["ballots"]
    assert ballot["rule"] == rule


def test_every_ballot_rule_is_a_key_of_its_file(run):
    from strikex.resources import read_json
    keys = set(read_json("ballots.json"))
    text = ("Of the 640 members balloted, 77% voted to strike on a 48% turnout. 1,146 votes to 212. "
            "Some 412 members took part. The ballot closes on 15 March.")
    rules = [b["rule"] for b in run(text, "2023-03-01")["ballots"]]
    assert rules and all(r.split(":", 1)[0] == "ballots.json" and r.split(":", 1)[1] in keys for r in rules)


# -- issue 11: forms of ballot reports (one result frame per ballot) ----------------------------------------
REF = "2025-03-03"
KEYS = ("union", "support_pct", "turnout_pct", "votes_cast", "eligible")


def ballots(record):
    """The ballots that carry a figure (as the scorer counts them), with the five scored keys."""
    out = [{k: b.get(k) for k in KEYS} for b in record["ballots"]]
    return [b for b in out if any(b[k] is not None for k in KEYS[1:])]


def B(union, support=None, turnout=None, votes=None, eligible=None):
    return {"union": union, "support_pct": support, "turnout_pct": turnout, "votes_cast": votes, "eligible": eligible}


BALLOTS = [
    # --- sanity: forms that work today ------------------------------------------------------------------------
    ("ok_plain", "Unite members at Angmering Council voted 81% for strikes on a 62% turnout.", [B("Unite", 81, 62)]),
    ("ok_votes_of", "Of the 540 GMB members balloted at Hartsmere Council, 301 voted and 74% backed strikes.",
     [B("GMB", 74, None, 301, 540)]),

    # --- B1a: the action-short-of-strike share is part of the same ballot --------------------------------------
    ("B1a_asos_same_sentence",
     "GMB members at Harrowgate Borough Council backed strikes by 68% and action short of strike by 91%. "
     "Turnout was 55%.",
     [B("GMB", 68, 55)]),
    ("B1a_other_industrial_action",
     "Unison members at Brackenford Council voted 64% for strike action and 88% for other industrial action, "
     "on a 52% turnout.",
     [B("UNISON", 64, 52)]),
    ("B1a_asos_later_sentence",
     "In the GMB ballot at Tollesbury Council, 83% backed strikes on a 61% turnout. An overtime ban won the "
     "support of 95% of those voting.",
     [B("GMB", 83, 61)]),
    ("B1a_two_question_block",
     "Result of the Unite ballot at Kestrel Vale Council\nQuestion 1, strike action: Yes 77.4%, No 22.6%\n"
     "Question 2, action short of a strike: Yes 93.1%, No 6.9%\nTurnout: 48.2%",
     [B("Unite", 77.4, 48.2)]),
    # gold convention (dev d59): with no figure for the strike question, the ASOS share is the support.
    # NB the issue-11 wording ("ASOS shares never fill an exact figure") contradicts this gold; lead to decide.
    ("B1a_asos_only_gold_convention",
     "A full strike was turned down, but Unite members at Pellingham Council approved action short of a strike "
     "by 72%, on a 41% turnout.",
     [B("Unite", 72, 41)]),

    # --- B1b: "No" shares never open a ballot ----------------------------------------------------------------
    ("B1b_x_to_y", "Unison members at Fairhollow Council voted by 62% to 38% for strikes.", [B("UNISON", 62)]),
    ("B1b_x_to_y_then_turnout",
     "The NEU ballot at Roxwell Council was carried by 58% to 42%, although turnout was only 33%.",
     [B("NEU", 58, 33)]),
    ("B1b_label_lines",
     "The result of the GMB ballot at Oxley Cross Council:\nYes: 81.6%\nNo: 18.4%\nTurnout: 57%",
     [B("GMB", 81.6, 57)]),
    ("B1b_voted_no_lines",
     "Unite's ballot result at Marlowe Council:\nVoted ‘yes’ to strike action – 66.1 per cent\n"
     "Voted ‘no’ to strike action – 33.9 per cent\nTurnout = 44.3%",
     [B("Unite", 66.1, 44.3)]),

    # --- B2: "the" before a result figure ---------------------------------------------------------------------
    ("B2_the_backing_the_turnout",
     "The council said it would study the 79% backing for walkouts among Unison members at Rivington Council, "
     "which came on the 58% turnout announced on Monday.",
     [B("UNISON", 79, 58)]),
    ("B2_the_turnout_clause",
     "Unite members at Cawthorne Council voted 74% for strikes; the 46% turnout was the branch's highest.",
     [B("Unite", 74, 46)]),

    # --- B3: "against" only counts when it governs the vote ---------------------------------------------------
    ("B3_cause_against", "GMB members at Ashby Fold Council voted 83% for strikes in a row against the closure of "
     "two libraries.", [B("GMB", 83)]),
    ("B3_counts_for_and_against",
     "GMB members at Pelham Council voted 70% for strikes. The scrutineer counted 2,310 votes in favour of "
     "action and 990 against. Turnout was 39%.",
     [B("GMB", 70, 39, 3300)]),

    # --- B4: legal thresholds are not results -----------------------------------------------------------------
    ("B4_turnout_law", "Unite members at Drayfield Council voted 71% for strikes on a 53% turnout. The law demands "
     "that 50 per cent of those entitled to vote take part.", [B("Unite", 71, 53)]),
    ("B4_support_law_and_count",
     "Teachers in the NASUWT at Felbrook Council schools backed strikes by 86% on a 52% turnout. In schools, "
     "40 per cent of all eligible members must also vote yes, which is 3,200 people.",
     [B("NASUWT", 86, 52)]),
    ("B4_rule_alone_negative", "NEU ballot rules mean 50% of the members at every school is needed to take part "
     "for action there to be lawful.", []),

    # --- B5: turnout in every wording and at any distance ------------------------------------------------------
    ("B5_turn_hyphen_out", "Unison members at Lowmoor Council voted 78% for strikes, with a turn-out of 49%.",
     [B("UNISON", 78, 49)]),
    ("B5_turn_space_out", "GMB members at Sallow Bridge Council voted 66.5% in favour of strikes on a turn out of "
     "51.2%.", [B("GMB", 66.5, 51.2)]),
    ("B5_responded", "Unite members at Hensall Council voted 84% for strikes. In all, 44% of balloted members "
     "responded.", [B("Unite", 84, 44)]),
    ("B5_response_noun", "The branch secretary welcomed the 39 per cent response to the Unison ballot at Kilby "
     "Council, in which 73 per cent backed strikes.", [B("UNISON", 73, 39)]),
    ("B5_turnouts_per_group",
     "At Wexcombe Council, Unite refuse drivers voted 88% for strikes and GMB street cleaners voted 71% for "
     "strikes. The turnouts were 63% for the drivers and 45% for the cleaners.",
     [B("Unite", 88, 63), B("GMB", 71, 45)]),
    ("B5_far_cue_with_count",
     "Unison members at Corley Council backed strikes by 58%. The overall voting turnout among the branch's "
     "3,400 members came to 42%.",
     [B("UNISON", 58, 42, None, 3400)]),
    ("B5_far_cue_parenthetical",
     "GMB members at Farleigh Council voted 76% for strikes. Turnout, counted across all four depots and the "
     "civic centre, reached 47%.",
     [B("GMB", 76, 47)]),
    ("B5_main_ballot_target",
     "In the Unite national ballot, 82% voted to strike. In a separate ballot at the Calder Vale depot, 91% voted "
     "for strikes. The national ballot had a 54% turnout.",
     [B("Unite", 82, 54), B("Unite", 91)]),

    # --- B6: electorate and vote counts in any order ------------------------------------------------------------
    ("B6_of_a_possible", "GMB members at Ormsby Council voted 79% for strikes. Of a possible 1,240 members, 655 "
     "sent back ballot papers.", [B("GMB", 79, None, 655, 1240)]),
    ("B6_replied_out_of_a_possible", "Unison members at Tarrant Council backed strikes by 71%; 612 replied out of a "
     "possible 1,050.", [B("UNISON", 71, None, 612, 1050)]),
    ("B6_share_of_its_n_took_part", "Unite said 38.5% of its 1,600 members at Wendle Council took part in the "
     "ballot and 81% voted for strikes.", [B("Unite", 81, 38.5, None, 1600)]),
    ("B6_papers_posted_to", "NEU ballot papers were posted to 430 teachers at Brampton Council schools, and 67% of "
     "those voting backed strikes.", [B("NEU", 67, None, None, 430)]),

    # --- B7: approximate shares and counts are null, and never open a ballot ------------------------------------
    ("B7_close_to", "Close to 90% of Unite members at Yelverton Council backed strikes in the ballot.", []),
    ("B7_roughly_fraction", "Roughly three-quarters of GMB members at Hollins Council voted for strike action.", []),
    ("B7_near_unanimous", "Near-unanimous vote for strikes by Unison members at Tamworth Vale Council\n\n"
     "Unison members at Tamworth Vale Council have voted for strikes over pay.", []),
    ("B7_approx_then_exact", "More than 70% of Unison members backed strikes at Greyfield Council – 72.6% on a "
     "50.4% turnout.", [B("UNISON", 72.6, 50.4)]),
    ("B7_approx_count", "Almost 4,000 Unite members at Nettleham Council were balloted, and 68% voted for strikes.",
     [B("Unite", 68)]),

    # --- B8: percentages and counts that are not ballot results ------------------------------------------------
    ("B8_election_turnout", "Turnout in the Bramwell ward by-election was 28%, with the Labour candidate taking 52% "
     "of the vote.", []),
    ("B8_pay_offer_and_survey", "Unison members at Kettleby Council rejected a 3.5% pay offer. A union survey found "
     "81% of members were struggling with bills.", []),
    ("B8_idiom_100_per_cent", "The GMB regional secretary said the union would support the Lindfield Council bin "
     "crews 100 per cent of the way.", []),
    ("B8_share_supporting_walkout", "Unite said 92% of the crews at the Stanton depot supported the walkout on "
     "Monday by staying away.", []),
    ("B8_branches_voting", "Twelve councils voted to accept the offer, while 31 GMB branches voted for industrial "
     "action.", []),
    ("B8_meeting_show_of_hands", "About 40 GMB members voted unanimously at a depot meeting to ask the union for a "
     "strike ballot.", []),
    ("B8_party_election", "In the party leadership contest, 61% of the 120,000 members who voted backed the winner, "
     "up from 2015 when they voted for a rival who paid £5 fees.", []),

    # --- B10: hard-wrapped lines -----------------------------------------------------------------------------
    ("B10_hard_wrap", "    Of the 230 Unite members balloted at Dunmere Council, 86.5 per\n    cent voted in "
     "favour of strike action, on a 52 per cent\n    turnout.", [B("Unite", 86.5, 52, None, 230)]),

    # --- B11: a unit glued to the number ("77pc") -------------------------------------------------------------
    ("B11_glued_pc", "Unison members at Welbourne Council backed strikes by 77pc on a 46pc turnout.",
     [B("UNISON", 77, 46)]),

    # --- B13: the same result said twice is one ballot ----------------------------------------------------------
    ("B13_exact_repeat", "NEU members at Ashcombe Council voted 88% for strikes, the union said. Talks are planned "
     "for next week. In the ballot, 88% of NEU members voted to strike.", [B("NEU", 88)]),

    # --- B14: a dash apposition is not a hyphenated number ------------------------------------------------------
    ("B14_dash_apposition", "Fewer than a third - 31.9% - of Unite members at Dorrow Council voted for "
     "strikes, on a 43% turnout.", [B("Unite", 31.9, 43)]),
]


# forms not handled yet (issue 11 leftovers, see the report)
NOT_YET = {
    "B8_share_supporting_walkout": "a share of staff supporting a walkout in progress is still read as a result",
}


@pytest.mark.parametrize("text, expected", [
    pytest.param(t, e, id=i, marks=[pytest.mark.xfail(reason=NOT_YET[i], strict=True)] if i in NOT_YET else [])
    for i, t, e in BALLOTS])
def test_ballot_forms(run, text, expected):
    assert ballots(run(text, REF)) == expected


CLOSES = [
    ("ok_closes_on", "The Unite ballot at Marsden Council closes on 14 March.", "2025-03-03", ["2025-03-14"]),
    ("ok_voting_ends", "Voting in the GMB strike ballot at Lowther Council ends at noon on 9 April.", "2025-03-03",
     ["2025-04-09"]),
    ("CL1_have_until", "Unison members at Barnby Council are voting on strikes and have until Thursday 20 March "
     "to return their ballot papers.", "2025-03-03", ["2025-03-20"]),
    ("CL1_must_be_returned_by", "GMB ballot papers at Helmsley Council must be returned by Friday 11 April.",
     "2025-03-20", ["2025-04-11"]),
    ("CL1_deadline_for_papers", "The deadline for NEU members at Ripley Council to send back their ballot papers "
     "is 2 May.", "2025-04-10", ["2025-05-02"]),
    ("CL2_runs_from_to", "The Unite ballot at Cropton Council runs from 3 March to 24 March 2025.", "2025-02-25",
     ["2025-03-24"]),
    ("CL2_open_from_to", "Unison's strike ballot at Selby Vale Council will be open from Monday 2 June to Friday "
     "27 June.", "2025-05-20", ["2025-06-27"]),
    ("CL2_two_ballots", "The GMB ballot at Ferndale Council closes on 6 June, while the Unite ballot there runs "
     "from 2 June to 20 June.", "2025-05-20", ["2025-06-06", "2025-06-20"]),
    ("CL_neg_notice_and_opening", "Unite served notice of the ballot at Keld Council on 5 May; voting begins on "
     "12 May.", "2025-05-01", []),
    ("CL_neg_strike_end", "Unison members at Horton Council voted 80% for strikes. The strike will end on 30 May.",
     "2025-05-01", []),
]


@pytest.mark.parametrize("text, date, expected", [pytest.param(t, d, e, id=i) for i, t, d, e in CLOSES])
def test_close_dates(run, text, date, expected):
    rec = run(text, date)
    assert sorted({b["closes"][:10] for b in rec["ballots"] if isinstance(b.get("closes"), str)}) == expected


# -- issue 11: the same rules on sentences of our own -----------------------------------------------------
OWN = [
    ("hedge_almost", "Almost 70% of NEU members at Ravensby Council voted for strikes.", []),
    ("hedge_then_exact", "Over three-quarters – 77.2% – of GMB members at Otterby Council backed strikes on a 44% "
     "turnout.", [B("GMB", 77.2, 44)]),
    ("asos_same_sentence", "Unison members at Hatherley Council voted 59% for strikes and 83% for action short of a "
     "strike, on a 47% turnout.", [B("UNISON", 59, 47)]),
    ("no_share_per_cent_to", "Unite members at Quarrydale Council backed strikes by 70 per cent to 30 per cent.",
     [B("Unite", 70)]),
    ("turnout_subject_far", "Unison members at Brindle Council voted 81% for strikes. The turnout, despite a postal "
     "strike in the area, stood at 52%.", [B("UNISON", 81, 52)]),
    ("turnout_verb_replied", "GMB members at Lanehead Council voted 63% for strikes; 41% of those balloted replied.",
     [B("GMB", 63, 41)]),
    ("turnout_far_in_report", "Unite members at Weymere Council backed strikes by 79%. The dispute is over a new "
     "shift pattern. Managers say the rota saves money. Talks broke down in the spring after two meetings. The "
     "union says drivers lose up to a day's pay a week. The council disputes that figure. Both sides say they want "
     "an agreement. The branch called the 37 per cent turnout a record.", [B("Unite", 79, 37)]),
    ("threshold_must", "NEU members at Saltby Council voted 90% for strikes on a 55% turnout. Under the law, 40% of "
     "all members must back action.", [B("NEU", 90, 55)]),
    ("count_of_schools", "Unison said 14 schools voted for strikes, and 88% of members backed action in the ballot.",
     [B("UNISON", 88)]),
    ("lone_count", "Unite is balloting 1,300 members at Dunsby Council.", []),
    ("against_count_scope", "Unite counted 1,200 votes in favour of strike action and 300 against, a 60% turnout.",
     [B("Unite", 80, 60, 1500)]),
    ("turnouts_among_groups", "Unison porters voted 81% for strikes and GMB cleaners voted 74% for strikes at "
     "Hexham Vale Council. The turnouts were 47% among the porters and 39% among the cleaners.",
     [B("UNISON", 81, 47), B("GMB", 74, 39)]),
    ("turnout_of_a_named_place", "Unison members voted 84% for strikes in England and 79% in Wales. The turnout in "
     "Wales was 51%.", [B("UNISON", 84), B("UNISON", 79, 51)]),
    ("turnout_of_the_main_ballot", "In the GMB's main ballot, 77% voted for strikes. Cleaners at the Ashby depot "
     "voted 92% for walkouts in a separate ballot. The main ballot drew a 48% turnout.",
     [B("GMB", 77, 48), B("GMB", 92)]),
    ("unqualified_turnout_goes_to_the_last", "In the GMB's main ballot, 77% voted for strikes. Cleaners at the "
     "Ashby depot voted 92% for walkouts in a separate ballot, on a turnout of 61%.",
     [B("GMB", 77), B("GMB", 92, 61)]),
    ("voted_in_the_next_clause", "Unite drivers voted 88% for strikes and GMB cleaners voted 71% for strikes.",
     [B("Unite", 88), B("GMB", 71)]),
    ("unanimous_at_a_meeting_said_next", "Refuse crews at Ludford Council voted unanimously for an all-out "
     "strike. The GMB members took the vote at a packed meeting in the depot canteen.", []),
    ("unanimous_ballot_then_a_meeting", "In the ballot, Unite crews at Ludford Council voted unanimously for "
     "strikes. A meeting with managers is set for Monday.", [B("Unite", 100)]),
    ("n_of_the_m_are_members", "Unite members at Corbridge Council backed strikes by 91%. In all, 230 of the 510 "
     "staff are union members, and 140 of them (61%) voted.", [B("Unite", 91, 61, 140, 230)]),
    ("n_of_them_voted_plain", "GMB members at Elsdon Council backed strikes by 76%. The union has 420 members there "
     "and 250 of them voted.", [B("GMB", 76, None, 250)]),
    ("broad_question_then_strike_share", "Of the 212 GMB members balloted at Penrith Vale Council, 93 per cent "
     "voted for industrial action. This would take in an overtime ban and working to rule. If talks fail, 84 per "
     "cent of those balloted back a series of strike days.", [B("GMB", 84, None, None, 212)]),
    ("industrial_action_without_asos_is_the_result", "Unite members at Penrith Vale Council voted 93% for "
     "industrial action. A second ballot of Unite drivers found 84% for strikes.", [B("Unite", 93), B("Unite", 84)]),
    ("other_union_sentence", "Unison members at Fenby Council backed strikes by 72% on a 51% turnout. The GMB said "
     "that of the 310 members it balloted, 190 voted.", [B("UNISON", 72, 51), B("GMB", None, None, 190, 310)]),
    # a turnout given later with the counts it comes from joins its union's result, the counts agreeing
    ("far_turnout_with_counts", "GMB members at Ashby Fold Council voted 71% yes, with 404 ballot papers returned. "
     "Pay has been frozen for two years. The GMB said that of a possible 950 members, 404 sent back papers - a "
     "turnout of 42.5%.", [B("GMB", 71, 42.5, 404, 950)]),
    ("far_turnout_counts_disagree", "GMB members at Ashby Fold Council voted 71% yes, with 404 ballot papers "
     "returned. Pay has been frozen for two years. The GMB said 515 members sent back papers - a turnout of "
     "54.2%.", [B("GMB", 71, None, 404), B("GMB", None, 54.2, 515)]),
]


@pytest.mark.parametrize("text, expected", [pytest.param(t, e, id=i) for i, t, e in OWN])
def test_ballot_rules_own(run, text, expected):
    assert ballots(run(text, REF)) == expected


OWN_CLOSES = [
    # the sentence after a ballot's gives its closing day, a clock time between "until" and the day
    ("next_sentence_have_until", "The GMB opened its ballot of drivers at Oakhurst Council last week. Members have "
     "until noon on Friday 21 March to return their papers.", "2025-03-03", ["2025-03-21"]),
    ("next_sentence_not_a_ballot", "GMB drivers at Oakhurst Council voted to strike last week. The strike ends on "
     "Friday 21 March.", "2025-03-03", []),
    ("have_until_to_post", "Members of the GMB at Ashwell Council have until Monday 14 April to post their votes.",
     "2025-04-01", ["2025-04-14"]),
    ("must_be_back_by", "NEU ballot papers at Hinton Council must be back by 9 May.", "2025-04-20", ["2025-05-09"]),
    ("between_a_and_b", "The Unison ballot at Maxey Council will run between 2 June and 23 June.", "2025-05-20",
     ["2025-06-23"]),
    ("notice_period", "Unite's notices of ballot go out to Caldby Council from 2 June to 6 June.", "2025-05-20", []),
    ("strike_period", "If members vote yes, strikes at Eyton Council would run from 10 June to 13 June.",
     "2025-05-20", []),
]


@pytest.mark.parametrize("text, date, expected", [pytest.param(t, d, e, id=i) for i, t, d, e in OWN_CLOSES])
def test_close_dates_own(run, text, date, expected):
    rec = run(text, date)
    assert sorted({b["closes"][:10] for b in rec["ballots"] if isinstance(b.get("closes"), str)}) == expected


# -- figures by clause, in context, counted and worded (sentences written for this project) ----------------
LEEDS_VOTED = "Unison members at Leeds City Council have voted on strikes. "


def ballot_figures(record):
    return [{k: b[k] for k in ("support_pct", "turnout_pct", "votes_cast", "eligible")} for b in record["ballots"]]


@pytest.mark.parametrize("text, date, expected", [
    # a share that is against, a legal threshold, a pay offer and inflation are not results
    ("GMB said 71% of members who voted backed walkouts, while 29% voted against. The turnout of 56% cleared "
     "the 50% threshold required by law, and members rejected a 4% pay offer with inflation at 6.2 per cent.",
     "2023-06-12",
     [{"support_pct": 71, "turnout_pct": 56, "votes_cast": None, "eligible": None}]),
    # "only X% of the membership actually voted" is the turnout; "-strong" gives the electorate
    ("Unite said 64% of members who voted would back strikes, but only 31% of its 2,300-strong membership "
     "actually voted in the ballot.",
     "2023-06-12",
     [{"support_pct": 64, "turnout_pct": 31, "votes_cast": None, "eligible": 2300}]),
    # a count voting against is not the votes cast
    ("The ballot saw 9,412 ballot papers returned, with 5,020 members (53.3%) voting for action and 4,392 "
     "(46.7%) voting against.",
     "2023-06-12",
     [{"support_pct": 53.3, "turnout_pct": None, "votes_cast": 9412, "eligible": None}]),
    # the electorate in one sentence, the result in the next: one ballot
    ("Unison's ballot of 4,100 school support staff closed on Friday 9 June. Some 68% of those voting were "
     "in favour of strike action.",
     "2023-06-12",
     [{"support_pct": 68, "turnout_pct": None, "votes_cast": None, "eligible": 4100}]),
    # a summary sentence repeats the fuller result: one ballot
    ("Three out of four members of the NEU voted for strikes. In the ballot, 75% backed action on a 51% turnout.",
     "2023-06-12",
     [{"support_pct": 75, "turnout_pct": 51, "votes_cast": None, "eligible": None}]),
    # a readers' poll is not a ballot; "a third of the schools" is not a share of a vote
    ("An online poll on our website found 62% of readers backed the strike. The ballot passed in only a third "
     "of the schools.", "2023-06-12", []),
    # a cue in the sentence before does not reach across the full stop
    ("Unite's ballot was backed by 88% on a 61% turnout. The GMB said three out of four of its members who "
     "took part had voted for strikes.",
     "2023-06-12",
     [{"support_pct": 88, "turnout_pct": 61, "votes_cast": None, "eligible": None},
      {"support_pct": 75, "turnout_pct": None, "votes_cast": None, "eligible": None}]),
    # "more than nine in ten" is approximate (issue 11: no exact figure, no ballot); "has to be over 50%" is the law
    ("More than nine in ten Unison members who voted backed strikes. The turnout has to be over 50% for "
     "action to be lawful.", "2023-06-12", []),
    # ballot papers sent to N members: the electorate
    ("The NEU said 84% voted yes after ballot papers went out to 2,150 members.",
     "2023-06-12",
     [{"support_pct": 84, "turnout_pct": None, "votes_cast": None, "eligible": 2150}]),
    # a figure said again in a quote is the same result
    ("Of the 900 members balloted, the turnout was 44 per cent. \u201cA 44 per cent turnout counts for nothing under "
     "these laws,\u201d said Unison's Amy Cole.",
     "2023-06-12",
     [{"support_pct": None, "turnout_pct": 44, "votes_cast": None, "eligible": 900}]),
    # counts of votes
    ("Nipsa members voted for strikes by 1,146 votes to 212.",
     "2023-06-12",
     [{"support_pct": 84.4, "turnout_pct": None, "votes_cast": 1358, "eligible": None}]),
    ("Of the 79 GMB members who voted, 68 backed strike action.",
     "2023-06-12",
     [{"support_pct": 86.1, "turnout_pct": None, "votes_cast": 79, "eligible": None}]),
    ("Unite's members backed action by 82%, with 49% of those balloted taking part.",
     "2023-06-12",
     [{"support_pct": 82, "turnout_pct": 49, "votes_cast": None, "eligible": None}]),
    # worded and unanimous results
    ("GMB said seventy-four per cent of members who voted backed strikes, on a turnout of fifty-two per cent.",
     "2024-03-01",
     [{"support_pct": 74, "turnout_pct": 52, "votes_cast": None, "eligible": None}]),
    ("The NASUWT said 23 of its members voted, all in favour of action.",
     "2024-03-01",
     [{"support_pct": 100, "turnout_pct": None, "votes_cast": 23, "eligible": None}]),
    # votes out of an electorate
    ("The GMB said 186 of its 240 members took part, with 87% backing strikes.",
     "2024-03-01",
     [{"support_pct": 87, "turnout_pct": None, "votes_cast": 186, "eligible": 240}]),
    ("Unison said 92 per cent backed strikes, with 64 of the 81 members balloted taking part.",
     "2024-03-01",
     [{"support_pct": 92, "turnout_pct": None, "votes_cast": 64, "eligible": 81}]),
    # counts after an electorate: the cue right after a count is its own: "402 voted" are votes cast even after
    # "balloted" ("nearly nine in ten" is approximate: no exact share, issue 11)
    (LEEDS_VOTED + "The union said that of the 730 members it balloted, 511 voted, and nearly nine in ten backed "
     "action.",
     None,
     [{"support_pct": None, "turnout_pct": None, "votes_cast": 511, "eligible": 730}]),
    # "N of them voted for" are yes votes, which give the share voting yes
    (LEEDS_VOTED + "Of the 200 porters balloted, 150 returned their papers, and 120 of them voted for a walkout.",
     None,
     [{"support_pct": 80, "turnout_pct": None, "votes_cast": 150, "eligible": 200}]),
])
def test_ballot_figures_in_general_forms(run, text, date, expected):
    assert ballot_figures(run(text, date=date)) == expected


def test_ballot_closing_day_prefers_the_named_date(run):
    record = run("The GMB ballot of refuse crews closed on Tuesday (14 March) with a clear majority for action.",
                 date="2023-03-20")
    assert [b["closes"] for b in record["ballots"]] == ["2023-03-14"]


def test_fact_box_ballot_period(run):
    text = ("What: A ballot of care staff for strike action\n\nUnison wants a better offer.\n\n"
            "When: 9 January – 20 February 2024\n\nWhere: Ballot papers go to home addresses.")
    record = run(text)
    assert [b["closes"] for b in record["ballots"]] == ["2024-02-20"]
    assert [(d["date"], d["until"]) for d in record["dates"]] == [("2024-01-09", "2024-02-20")]
    assert strike_days(record) == []


# -- where sentences start (components/lines.py): a ballot report read as one sentence ----------------------
WRAPPED = """Bin crews to strike at Hollowmere

    Refuse collectors employed by Hollowmere Borough Council are set
    to strike next month after GMB members backed walkouts in a ballot
    over a new shift rota, the union said on Monday.

    Of the 188 GMB members balloted at the Hollowmere depot, 81.4 per
    cent voted in favour of strike action on a turnout of 63 per cent.
    The branch secretary said crews did not want to strike but felt
    they had been left with no choice by the council's managers.
"""


@pytest.mark.parametrize("text, expected", [
    # a bracketed exact figure after an approximate one does not end the sentence
    ("Roughly nine in ten (89pc) GMB members at Oxley Council who voted backed strikes, on a 47pc turnout.",
     [B("GMB", 89, 47)]),
    # a "Label = value" result line is one sentence
    ("Unite's ballot result at Brenley Council:\nVoted yes to strike action = 61.5 per cent\n"
     "Voted no to strike action = 38.5 per cent\nTurnout = 29.2%\nThe union will now consider its next steps.",
     [B("Unite", 61.5, 29.2)]),
    # text wrapped by hand: a line break inside a paragraph does not end the sentence
    (WRAPPED, [B("GMB", 81.4, 63, None, 188)]),
])
def test_ballot_sentences_run_on(run, text, expected):
    assert ballots(run(text, REF)) == expected


@pytest.mark.parametrize("text, sentences", [
    ("Nearly nine in ten (88%) Unison members voted. Turnout = 41.5% in the Unite ballot.",
     ["Nearly nine in ten (88%) Unison members voted.", "Turnout = 41.5% in the Unite ballot."]),
    ("Strike vote at Marbury\nUnison members at Marbury Council voted\nfor strikes on a 52 per cent\nturnout.",
     ["Strike vote at Marbury", "Unison members at Marbury Council voted\nfor strikes on a 52 per cent\nturnout."]),
    ("Marbury depot crews back strikes https://t.co/abc \u2014 Unite (@unitetheunion) May 3, 2024",
     ["Marbury depot crews back strikes https://t.co/abc", "\u2014 Unite (@unitetheunion) May 3, 2024"]),
])
def test_sentences_start_after_a_full_stop_or_a_line_break(nlp, text, sentences):
    assert [s.text.strip() for s in nlp(text).sents] == sentences


def test_only_prose_wrapped_at_a_width_counts_as_hand_wrapped():
    from strikex.components.lines import wrap_width

    jobs = "Latest jobs\nCare assistant, days\nMarbury Borough Council\nGrade 4, part time\nDriver, refuse\n" \
           "Hollowmere Council\nGrade 3, full time\nCleaner, schools\nOxley District Council"
    assert wrap_width(jobs) is None
    assert wrap_width(WRAPPED) == max(len(line.rstrip()) for line in WRAPPED.splitlines())


def test_hand_wrapped_lines_run_on(nlp):
    sents = [s.text for s in nlp(WRAPPED).sents]
    assert sents[0].strip() == "Bin crews to strike at Hollowmere"
    assert any(s.startswith("Of the 188 GMB members") and s.rstrip().endswith("63 per cent.") for s in sents)


# -- numbers as news text writes them (strikex.numbers: pure functions, no pipeline) -----------------------
@pytest.mark.parametrize("text, expected", [
    ("79", 79), ("1,024", 1024), ("52.3", 52.3), (" 2,300 ", 2300),
    ("four", 4), ("Nine", 9), ("a hundred", 100), ("twenty-five", 25), ("seventy four", 74),
    ("twenty-twenty", None), ("five-two", None), ("79%", None), ("many", None), ("", None),
])
def test_to_number(text, expected):
    from strikex.numbers import to_number

    assert to_number(text) == expected


@pytest.mark.parametrize("value, expected", [(79.0, 79), (66.66666, 66.7), (84.44, 84.4), (None, None)])
def test_tidy(value, expected):
    from strikex.numbers import tidy

    result = tidy(value)
    assert result == expected and type(result) is type(expected)
