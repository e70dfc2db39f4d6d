"""strikex_quotes on sentences written for this project: direct quotes in every attribution form, and who
is quoted as a body (a union or council). Each row: text, and the (speaker, first words) of the direct quotes."""
from __future__ import annotations

import pytest

HEAD = "Unison members at Leeds City Council will strike on Monday over pay.\n"


def direct(record):
    return [(q["speaker"], " ".join(q["text"].split()[:3])) for q in record["quotes"] if q["kind"] == "direct"]


@pytest.mark.parametrize("text, expected", [
    # "...," said NAME / NAME said: "..." / "..." NAME, role, said.
    ("“We will not accept this offer,” said Maria Gonzalez, the branch secretary.",
     [("Maria Gonzalez", "We will not")]),
    ('Branch secretary Maria Gonzalez said: "Our members have had enough of broken promises."',
     [("Maria Gonzalez", "Our members have")]),
    ("“The talks have failed completely.” Priya Shah, the Unison organiser, said.",
     [("Priya Shah", "The talks have")]),
    # a quote, then "she added" for the last named speaker
    ("Priya Shah said the vote was clear. “Nobody wants to lose a day’s pay,” she added.",
     [("Priya Shah", "Nobody wants to")]),
    # a paragraph opening with a quote attributed in the sentence after it
    ("“The service is close to collapse and staff cannot cope.” Omar Haddad, a steward, said the vote was clear.",
     [("Omar Haddad", "The service is")]),
    # according to NAME
    ("“There is simply no money left for a higher offer,” according to Fatima Malik, the finance chief.",
     [("Fatima Malik", "There is simply")]),
    # the council or the union as a body
    ("A Leeds City Council spokesperson said: “We remain open to talks at any time.”",
     [("Leeds City Council", "We remain open")]),
    ("Unison said in a statement: “Members voted overwhelmingly for action on Friday.”",
     [("UNISON", "Members voted overwhelmingly")]),
    ("A statement from the authority says: “Bins will be collected as normal this week.”",
     [("Leeds City Council", "Bins will be")]),
    ("The union said: “This is the last thing our members wanted to do.”",
     [("UNISON", "This is the")]),
    # a spokesperson for a body that is neither union nor council is not the council
    ("A spokeswoman for Northgate Leisure Trust said: “We cannot comment while talks continue.”", [(None, "We cannot comment")]),
    # a titled surname alone is a person (strikex_people), and the speaker is that person, title left out
    ("Mr Okonkwo said: “I have driven these lorries for twenty years.”", [("Okonkwo", "I have driven")]),
    # "saying:", "responded:"
    ("Council leader Anne Byrne criticised the ballot, saying: “This action helps nobody in the city.”",
     [("Anne Byrne", "This action helps")]),
    ("Cllr Tom Reyes responded: “The offer on the table is a fair one.”", [("Tom Reyes", "The offer on")]),
])
def test_attribution_forms(run, text, expected):
    assert direct(run(HEAD + text)) == expected


def test_quote_in_the_paragraph_after_a_colon(run):
    text = HEAD + "\nKaren Doyle, Unison regional organiser, said:\n\n“Members are at the end of their tether now.\n\n“They have been ignored for months.”\n"
    assert direct(run(text)) == [("Karen Doyle", "Members are at"), ("Karen Doyle", "They have been")]


def test_quotes_spanning_paragraphs_straight_and_curly(run):
    text = (HEAD + 'Regional officer Dana Price said: "We have been left with no choice at all.\n'
            '"Members are exhausted and the council knows it.\n'
            "“We will be out on Monday and again the week after.”\n")
    assert direct(run(text)) == [("Dana Price", "We have been"), ("Dana Price", "Members are exhausted"),
                                 ("Dana Price", "We will be")]


def test_single_curly_quote_marks(run):
    text = HEAD + "Cllr Ruth Ellis said: ‘The branches will close if we do nothing, and the staff’s jobs go too.’"
    assert direct(run(text)) == [("Ruth Ellis", "The branches will")]


def test_hard_wrapped_text(run):
    text = (HEAD + "    Steward Linda Oduya said the staff did not want to strike but “hoped it\n"
            "    would make management listen at last”.\n\n"
            "    Chief executive Martin Cole said: “We are\n    looking at every option with the unions.”\n")
    assert direct(run(text)) == [("Linda Oduya", "hoped it would"), ("Martin Cole", "We are looking")]


@pytest.mark.parametrize("text, expected", [
    # a short phrase in quote marks is a quote when its speaker and a verb of saying are in the sentence
    ("Leeds City Council said it was “disappointed” by the vote.", [("Leeds City Council", "disappointed")]),
    ("Unison members said the strike was a “last resort”.", [("UNISON", "last resort")]),
    ("An official from Unison described talks as 'tense' and ‘going nowhere’.", [("UNISON", "going nowhere")]),
    # ... and not without one
    ("Staff walked out over “devastating cuts” to the library service.", []),
    ('The plan was called a "red herring" and "unlawful" in the report.', []),
])
def test_short_quoted_phrases(run, text, expected):
    assert direct(run(HEAD + text)) == expected


def test_quotes_in_general_forms(run):
    text = ("Unite members at Hull City Council will strike on Monday.\n"
            "Regional officer Dana Price said: “We have been left with no choice at all.”\n"
            "“Members are exhausted and the council knows it,” she said.\n"
            "“We will be out on Monday.”\n"
            "A council spokeswoman said: “Services will run as normal where possible.”\n"
            "Unite says the offer falls well short of inflation.\n")
    got = [(q["kind"], q["speaker"], q["rule"]) for q in run(text)["quotes"]]
    assert got == [("direct", "Dana Price", "quotes.py:before"), ("direct", "Dana Price", "quotes.py:after"),
                   ("direct", "Dana Price", "quotes.py:continued"), ("direct", "Hull City Council", "quotes.py:before"),
                   ("reported", "Unite", "quotes.py:reported")]


def said(record, speaker, start, kind="direct"):
    """Whether a quote of this kind starting with these words is attributed to the speaker."""
    return any(q["speaker"] == speaker and q["kind"] == kind and q["text"].startswith(start) for q in record["quotes"])


def test_seed_quotes(seed):
    from conftest import BLACKPOOL, BRADFORD

    bradford = seed(BRADFORD)
    assert said(bradford, "Patrick Kerry", "We feel they have reneged")
    assert said(bradford, "Patrick Kerry", "Bradford is in crisis")      # 'He said:' after 'Mr Kerry said ...'
    assert said(bradford, "UNISON", "there are only around 105", kind="reported")
    blackpool = seed(BLACKPOOL)
    assert said(blackpool, "Steve Pullen", "I think we helped")          # '"..." he said' after Pullen spoke
    assert said(blackpool, "Tony Garnsey", "How can someone get a job")
