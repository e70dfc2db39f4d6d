"""General forms behind the rules tuned on real reporting, each shown on a sentence written for this project."""
from __future__ import annotations

import pytest


def ballots(record):
    return [{k: b[k] for k in ("support_pct", "turnout_pct", "votes_cast", "eligible")} for b in record["ballots"]]


def days(record):
    return sorted({d for s in record["strikes"] for d in s["dates"]})


def people(record):
    return {p["name"]: (p["role"], p["organisation"]) for p in record["people"]}


@pytest.mark.parametrize("text, expected", [
    # a share that is against, a legal threshold, a pay offer and inflation are not results
    ("GMB said 71% of members who voted backed walkouts, while 29% voted against. The turnout of 56% cleared "
     "the 50% threshold required by law, and members rejected a 4% pay offer with inflation at 6.2 per cent.",
     [{"support_pct": 71, "turnout_pct": 56, "votes_cast": None, "eligible": None}]),
    # "only X% of the membership actually voted" is the turnout; "-strong" gives the electorate
    ("Unite said 64% of members who voted would back strikes, but only 31% of its 2,300-strong membership "
     "actually voted in the ballot.",
     [{"support_pct": 64, "turnout_pct": 31, "votes_cast": None, "eligible": 2300}]),
    # a count voting against is not the votes cast
    ("The ballot saw 9,412 ballot papers returned, with 5,020 members (53.3%) voting for action and 4,392 "
     "(46.7%) voting against.",
     [{"support_pct": 53.3, "turnout_pct": None, "votes_cast": 9412, "eligible": None}]),
    # the electorate in one sentence, the result in the next: one ballot
    ("Unison's ballot of 4,100 school support staff closed on Friday 9 June. Some 68% of those voting were "
     "in favour of strike action.",
     [{"support_pct": 68, "turnout_pct": None, "votes_cast": None, "eligible": 4100}]),
    # a summary sentence repeats the fuller result: one ballot
    ("Three out of four members of the NEU voted for strikes. In the ballot, 75% backed action on a 51% turnout.",
     [{"support_pct": 75, "turnout_pct": 51, "votes_cast": None, "eligible": None}]),
    # a readers' poll is not a ballot; "a third of the schools" is not a share of a vote
    ("An online poll on our website found 62% of readers backed the strike. The ballot passed in only a third "
     "of the schools.", []),
])
def test_ballot_figures_by_clause(run, text, expected):
    assert ballots(run(text, date="2023-06-12")) == expected


def test_ballot_closing_day_prefers_the_named_date(run):
    record = run("The GMB ballot of refuse crews closed on Tuesday (14 March) with a clear majority for action.",
                 date="2023-03-20")
    assert [b["closes"] for b in record["ballots"]] == ["2023-03-14"]


@pytest.mark.parametrize("text, expected", [
    # the possessive date belongs to the vote, not the strike
    ("The union will decide on strike dates after today's vote of branch officers.", []),
    # the day of telling is not a strike day
    ("Unite yesterday told the council that the strike would go ahead.", []),
    # in a strike story, "the action" with days counts
    ("Bin crews in Sheffield will strike next month. The co-ordinated action will run from Monday 2 October "
     "to Wednesday 4 October.", ["2023-10-02", "2023-10-03", "2023-10-04"]),
])
def test_strike_days_belong_to_the_strike(run, text, expected):
    assert days(run(text, date="2023-09-20")) == expected


def test_line_breaks_end_sentences(run):
    # a headline without a full stop must not lend its strike word to the dateline below it
    record = run("Library staff to strike\nMonday 4 September 2023\nThe council said talks continue.")
    assert days(record) == []
    assert record["reference_date"] == "2023-09-04"


@pytest.mark.parametrize("text, expected", [
    ("Author: Sam JonesPublished 3rd Mar 2021\nUnite members voted to strike.", "2021-03-03"),
    ("Submitted by Admin on 5 October, 2009 - 10:41\nUnison members voted to strike.", "2009-10-05"),
    ("Priya Shah 14 February 2020\nGMB members voted to strike.", "2020-02-14"),
])
def test_publication_date_forms(run, text, expected):
    record = run(text)
    assert record["reference_date"] == expected
    assert record["reference_date_source"] == "text"
    assert record["people"] == []  # the author of a dateline byline is not a person in the story


def test_coordinated_councils(run):
    record = run("Unison members at Leeds, Wakefield and Calderdale councils will strike.")
    assert sorted(c["name"] for c in record["councils"]) == ["Calderdale Council", "Leeds City Council", "Wakefield Council"]
    assert record["people"] == []


@pytest.mark.parametrize("text, expected", [
    # one apposition for two names, plural role
    ("Anna Webb and Tom Price, joint GMB branch secretaries, said members were angry.",
     {"Anna Webb": ("joint branch secretary", "GMB"), "Tom Price": ("joint branch secretary", "GMB")}),
    # the organisation in the middle of a role phrase comes out of the role
    ("Marta Lewis, the Unite regional coordinator, said the offer was poor.",
     {"Marta Lewis": ("regional coordinator", "Unite")}),
    # a place before the union is not part of the role
    ("Leicester Unison treasurer Joe Marsh said the branch would ballot.", {"Joe Marsh": ("treasurer", "UNISON")}),
    # a second apposition ("and a member of ...") does not run into the role
    ("Ian Reed, a waste services manager for Derby City Council and a member of the GMB, said staff were tired.",
     {"Ian Reed": ("waste services manager", "Derby City Council")}),
    # "the administration of councillor X": the role follows "of"
    ("Staff are angry with the Labour administration of councillor Rita Moss at Stockport Council.",
     {"Rita Moss": ("councillor", "Stockport Council")}),
    # a later mention naming the organisation beats an earlier one without
    ("Local MP Owen Hart joined the picket line. Later, Labour MP Owen Hart said the strike was justified.",
     {"Owen Hart": ("mp", "Labour")}),
])
def test_roles(run, text, expected):
    assert people(run(text)) == expected


def test_place_names_are_not_people(run):
    record = run("Pickets stood outside Kings Heath, Moseley and Hall Green libraries and the Tyseley depot.")
    assert record["people"] == []


@pytest.mark.parametrize("text, expected", [
    # the date hangs on the strike, whatever else the sentence says
    ("Care workers voted to strike on Monday and Tuesday after talks failed.", ["2023-09-25", "2023-09-26"]),
    ("Bin crews will walk out on 2 October, and collections are not due to resume until Monday 9 October.",
     ["2023-10-02"]),
    ("The GMB is due to announce its ballot result for strikes on Friday.", []),
    ("Porters will stage a 48-hour walkout on 5 and 6 October.", ["2023-10-05", "2023-10-06"]),
])
def test_the_date_belongs_to_the_nearest_event(run, text, expected):
    assert days(run(text, date="2023-09-20")) == expected


@pytest.mark.parametrize("text, name, role, organisation", [
    # the NER often calls a name after a role an ORG, or misses a name before an apposition
    ("GMB regional organiser Kevin Ward said the offer was an insult.", "Kevin Ward", "regional organiser", "GMB"),
    ("Nia Rhys-Evans, Swansea branch chair for Unison, said members were ready.", "Nia Rhys-Evans", "branch chair", "UNISON"),
])
def test_names_the_ner_misses(run, text, name, role, organisation):
    assert people(run(text)) == {name: (role, organisation)}


def test_a_hall_is_not_a_person(run):
    record = run("Ms Okoro said a rally would be held outside Bolton Town Hall. Anita Okoro is Unison's branch secretary.")
    assert list(people(record)) == ["Anita Okoro"]


def test_dateline_under_a_byline(run):
    record = run("Porters to strike\nBy Sam Reid\nTuesday 26 September 2023 6:00 pm\nPorters will strike on Friday.")
    assert record["reference_date"] == "2023-09-26"
    assert days(record) == ["2023-09-29"]
    assert record["people"] == []


@pytest.mark.parametrize("text, expected", [
    # a cue in the sentence before does not reach across the full stop
    ("Unite's ballot was backed by 88% on a 61% turnout. The GMB said three out of four of its members who "
     "took part had voted for strikes.",
     [{"support_pct": 88, "turnout_pct": 61, "votes_cast": None, "eligible": None},
      {"support_pct": 75, "turnout_pct": None, "votes_cast": None, "eligible": None}]),
    # "more than nine in ten" is approximate (issue 11: no exact figure, no ballot); "has to be over 50%" is the law
    ("More than nine in ten Unison members who voted backed strikes. The turnout has to be over 50% for "
     "action to be lawful.", []),
    # ballot papers sent to N members: the electorate
    ("The NEU said 84% voted yes after ballot papers went out to 2,150 members.",
     [{"support_pct": 84, "turnout_pct": None, "votes_cast": None, "eligible": 2150}]),
    # a figure said again in a quote is the same result
    ("Of the 900 members balloted, the turnout was 44 per cent. \u201cA 44 per cent turnout counts for nothing under "
     "these laws,\u201d said Unison's Amy Cole.",
     [{"support_pct": None, "turnout_pct": 44, "votes_cast": None, "eligible": 900}]),
])
def test_ballot_figures_in_context(run, text, expected):
    assert ballots(run(text, date="2023-06-12")) == expected


def test_windows_line_endings_give_the_same_facts(run):
    from conftest import SEEDS

    text = (SEEDS / "001_2251fc9ddb0dfb63.txt").read_text(encoding="utf-8")

    def facts(record):
        return (record["reference_date"], [u["name"] for u in record["unions"]], [c["name"] for c in record["councils"]],
                people(record), ballots(record), days(record))

    crlf = run(text.replace("\n", "\r\n"))
    assert facts(crlf) == facts(run(text))
    assert all(crlf_text == text.replace("\n", "\r\n")[m["start"]:m["end"]]
               for p in crlf["people"] for m in p["mentions"] for crlf_text in [m["text"]])


@pytest.mark.parametrize("text, expected", [
    ("On 3 October, bin crews will strike over pay.", ["2023-10-03"]),
    ("Shops are open as usual today, despite wardens being on strike next month.", []),
])
def test_a_date_before_the_strike_word(run, text, expected):
    assert days(run(text, date="2023-09-20")) == expected


def strike_rows(record):
    return [(s["dates"], s["status"]) for s in record["strikes"]]


def test_status_of_a_strike_is_not_taken_from_another(run):
    # a past strike elsewhere ("walked out ... last summer") does not make next week's strike "held"
    record = run("Porters at Hull Royal will strike on 4 October. Porters in York walked out for five days last year.",
                 date="2023-09-20")
    assert strike_rows(record) == [(["2023-10-04"], "planned")]


def test_a_mention_that_refers_back_updates_the_status(run):
    record = run("Unison called a one-day strike for 4 October. Talks failed, and the union said the strike will go "
                 "ahead.", date="2023-09-20")
    assert strike_rows(record) == [(["2023-10-04"], "going ahead")]


def test_workers_without_the_place(run):
    record = run("Glasgow bin workers will strike on 4 October.", date="2023-09-20")
    assert [s["workers"] for s in record["strikes"]] == ["bin workers"]


@pytest.mark.parametrize("text, name", [
    ("Unite convenor Dafydd ap Rhys said crews were exhausted.", "Dafydd ap Rhys"),
    ("Unite regional officer Ciarán Ó Dochartaigh said members were ready.", "Ciarán Ó Dochartaigh"),
    ("EIS secretary Alasdair Mac an t-Saoir said teachers were angry.", "Alasdair Mac an t-Saoir"),
    ("The GMB's Siân Lloyd-Evans said the union would keep talking.", "Siân Lloyd-Evans"),
    ("The union's branch secretary, Adebayo Okonkwo-Hughes, said members were united.", "Adebayo Okonkwo-Hughes"),
    ("County Councillor Robert Haigh said the offer was fair.", "Robert Haigh"),
    ("Chief Fire Officer Sabrina Cole said cover would be maintained.", "Sabrina Cole"),
])
def test_names_in_many_forms(run, text, name):
    assert list(people(run(text))) == [name]


@pytest.mark.parametrize("text", [
    "The Local Government Association said councils could not afford more.",
    "But Regional Secretary said nothing.",
    "The News Letter said the strike would go ahead.",
])
def test_organisations_before_said_are_not_people(run, text):
    assert run(text)["people"] == []


@pytest.mark.parametrize("text, expected", [
    ("Nipsa members voted for strikes by 1,146 votes to 212.",
     [{"support_pct": 84.4, "turnout_pct": None, "votes_cast": 1358, "eligible": None}]),
    ("Of the 79 GMB members who voted, 68 backed strike action.",
     [{"support_pct": 86.1, "turnout_pct": None, "votes_cast": 79, "eligible": None}]),
    ("Unite's members backed action by 82%, with 49% of those balloted taking part.",
     [{"support_pct": 82, "turnout_pct": 49, "votes_cast": None, "eligible": None}]),
])
def test_ballot_counts(run, text, expected):
    assert ballots(run(text, date="2023-06-12")) == expected


@pytest.mark.parametrize("text, expected", [
    ("Janitors will strike every Monday and Friday in October.",
     ["2023-10-02", "2023-10-06", "2023-10-09", "2023-10-13", "2023-10-16", "2023-10-20", "2023-10-23", "2023-10-27",
      "2023-10-30"]),
    ("Unison members walked out on 26 September last year.", ["2022-09-26"]),
    # "voting ends" is the ballot's day, not a strike day
    ("Voting ends on 3 October, and strike action could follow.", []),
])
def test_more_date_forms(run, text, expected):
    assert days(run(text, date="2023-09-14")) == expected


def test_every_weekday_is_marked_in_the_date_record(run):
    record = run("Janitors will strike every Monday and Friday in October.", date="2023-09-14")
    [date] = [d for d in record["dates"] if d["every"]]
    assert (date["date"], date["until"], date["every"]) == ("2023-10-01", "2023-10-31", ["Monday", "Friday"])


@pytest.mark.parametrize("text, expected", [
    ("The GMB's Siân Lloyd-Evans said the union would keep talking.", {"Siân Lloyd-Evans": (None, "GMB")}),
    ("Tam Baird-Ferguson (Unison) said staff were worn out.", {"Tam Baird-Ferguson": (None, "UNISON")}),
    ("Elin Wyn Pritchard, NEU district secretary for Gwynedd, said teachers were ready.",
     {"Elin Wyn Pritchard": ("district secretary", "NEU")}),
])
def test_organisation_without_a_role_and_place_tails(run, text, expected):
    assert people(run(text)) == expected


def test_fact_box_ballot_period(run):
    text = ("What: A ballot of care staff for strike action\n\nUnison wants a better offer.\n\n"
            "When: 9 January – 20 February 2024\n\nWhere: Ballot papers go to home addresses.")
    record = run(text)
    assert [b["closes"] for b in record["ballots"]] == ["2024-02-20"]
    assert [(d["date"], d["until"]) for d in record["dates"]] == [("2024-01-09", "2024-02-20")]
    assert days(record) == []


@pytest.mark.parametrize("text, expected", [
    ("Schools stayed shut this morning as the 48-hour strike entered its second day.", ["2023-09-19", "2023-09-20"]),
    ("Picket lines were out again as the three-day walkout went into its second day.",
     ["2023-09-19", "2023-09-20", "2023-09-21"]),
])
def test_a_strike_running_on_the_reference_date(run, text, expected):
    assert days(run(text, date="2023-09-20")) == expected


@pytest.mark.parametrize("text, expected", [
    ("GMB said seventy-four per cent of members who voted backed strikes, on a turnout of fifty-two per cent.",
     [{"support_pct": 74, "turnout_pct": 52, "votes_cast": None, "eligible": None}]),
    ("The NASUWT said 23 of its members voted, all in favour of action.",
     [{"support_pct": 100, "turnout_pct": None, "votes_cast": 23, "eligible": None}]),
])
def test_worded_and_unanimous_results(run, text, expected):
    assert ballots(run(text, date="2024-03-01")) == expected


@pytest.mark.parametrize("text, reference", [
    ("DUNDEE, 4 April 2024 — Refuse workers will strike next Monday.", "2024-04-04"),
    ("Bin strike talks fail\n\n09:30, 12 SEP 2024\n\nUnite members will strike next week.", "2024-09-12"),
])
def test_more_publication_date_forms(run, text, reference):
    record = run(text)
    assert record["reference_date"] == reference
    assert reference not in days(record)


def test_month_first_range(run):
    assert days(run("Unite warned that strikes would run from October 7 to 9.", date="2024-08-28")) == [
        "2024-10-07", "2024-10-08", "2024-10-09"]


def test_a_describing_word_before_a_name(run):
    record = run("Tenant Lorraine Bell, 62, said she had waited months for repairs.")
    assert people(record) == {"Lorraine Bell": ("tenant", None)}


@pytest.mark.parametrize("text, expected", [
    ("The GMB said 186 of its 240 members took part, with 87% backing strikes.",
     [{"support_pct": 87, "turnout_pct": None, "votes_cast": 186, "eligible": 240}]),
    ("Unison said 92 per cent backed strikes, with 64 of the 81 members balloted taking part.",
     [{"support_pct": 92, "turnout_pct": None, "votes_cast": 64, "eligible": 81}]),
])
def test_votes_out_of_an_electorate(run, text, expected):
    assert ballots(run(text, date="2024-03-01")) == expected


@pytest.mark.parametrize("text, expected", [
    # the cue right after a count is its own: "402 voted" are votes cast even after "balloted"
    # ("nearly nine in ten" is approximate: no exact share, issue 11)
    ("The union said that of the 730 members it balloted, 511 voted, and nearly nine in ten backed action.",
     [{"support_pct": None, "turnout_pct": None, "votes_cast": 511, "eligible": 730}]),
    # "N of them voted for" are yes votes, which give the share voting yes
    ("Of the 200 porters balloted, 150 returned their papers, and 120 of them voted for a walkout.",
     [{"support_pct": 80, "turnout_pct": None, "votes_cast": 150, "eligible": 200}]),
])
def test_counts_after_an_electorate(run, text, expected):
    assert ballots(run("Unison members at Leeds City Council have voted on strikes. " + text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Cleaners employed by North and South Ayrshire councils will strike.", {"north ayrshire", "south ayrshire"}),
    ("Staff at East and West Sussex county councils were balloted.", {"east sussex", "west sussex"}),
])
def test_councils_sharing_a_place_word(run, text, expected):
    from helpers import council_keys

    assert council_keys(run(text)) == expected


def test_the_main_council_counts_bare_mentions_of_its_place(run):
    text = ("Care workers in Wandsworth are to strike. Wandsworth carers say staff leave for jobs in Lambeth. "
            "One carer moved to Lambeth Council last month. Wandsworth Council said it was disappointed. "
            "Cllr Rosa Field, the cabinet member for adult care, said talks would go on.")
    assert people(run(text))["Rosa Field"] == ("cabinet member for adult care", "Wandsworth Council")


@pytest.mark.parametrize("text, name, expected", [
    ("Cllr Ian Moss, Leeds's deputy leader, said the offer was final.", "Ian Moss", ("deputy leader", "Leeds City Council")),
    ("Ann Lee, who chairs the Friends of Hove Library, said volunteers were not the answer.", "Ann Lee",
     ("chair", "Friends of Hove Library")),
    ("Tom Bell, who chairs the branch, said members were angry.", "Tom Bell", ("chair", "UNISON")),
    ("Ann Ray, who has worked as a school cook for the council since 2009, backed the strike.", "Ann Ray",
     ("school cook", "Leeds City Council")),
    ("Jo Fry, who works as a librarian at Leeds Central Library, agreed.", "Jo Fry", ("librarian", "Leeds Central Library")),
    ("The council's director of children's services, Paul Abel, wrote to parents.", "Paul Abel",
     ("director of children's services", "Leeds City Council")),
])
def test_roles_in_possessives_and_relative_clauses(run, text, name, expected):
    record = run("Unison members at Leeds City Council will strike next month. " + text)
    assert people(record)[name] == expected


@pytest.mark.parametrize("text", [
    "Fire crews were called on 3 May 2024 after a lightning strike hit the depot roof.",
    "Campaigners began a hunger strike outside Leeds City Council on Monday 6 May 2024.",
])
def test_strikes_that_are_not_industrial_action(run, text):
    assert run(text, date="2024-05-01")["strikes"] == []
