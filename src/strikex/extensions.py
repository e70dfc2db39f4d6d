"""Every custom attribute strikex puts on spaCy objects, registered once."""
from __future__ import annotations

from spacy.tokens import Doc, Span

# the span groups strikex writes on the Doc, named once (component order in pipeline.py)
UNIONS = "strikex_unions"            # strikex_unions: every union named
COUNCILS = "strikex_councils"        # strikex_councils: every council named
PLACES = "strikex_places"            # strikex_councils: council places named alone ("in Bradford")
DATES = "strikex_dates"              # strikex_dates: date expressions (span._.date_value)
PEOPLE = "strikex_people"            # strikex_people: every mention of a person kept
BALLOT_FIGURES = "strikex_ballot_figures"  # strikex_ballots: the figures used by a ballot

DOC_EXTENSIONS = {
    # given by the caller before the pipeline runs
    "given_date": None,          # datetime.date | None: --date / crawl metadata
    "source": None,              # str | None
    "text": None,                # str | None: the input text (``Doc.text`` is rebuilt on every access; see doc_text)
    "warnings": None,            # list[str]: problems met reading the input
    "failure": None,             # str | None: a rule component raised on this article
    "triage": None,              # triage.Verdict | None (None: the gate was not run)
    # set by components
    "boilerplate": None,         # list[(start_char, end_char, rule_id)] (strikex_boilerplate or the triage gate)
    "main_union": None,          # str | None: the union named most (strikex_unions)
    "main_council": None,        # str | None: the council named most, with its place's bare mentions (strikex_councils)
    "reference_date": None,      # datetime.date | None
    "reference_date_source": None,  # "text" | "given" | None
    "reference_date_span": None,  # Span | None
    "people": None,              # list[components.names.PersonFound]
    "ballots": None,             # list[components.ballot_grouping.BallotFound]
    "strikes": None,             # list[components.strikes.StrikeFound]
    "causes": None,              # list[components.causes.CauseFound]
    "workers": None,             # list[components.workers.WorkerGroup]
    "money": None,               # list[components.workers.MoneyFound]
    "dispute": None,             # components.disputes.DisputeFound: is there an industrial dispute, its employer
    "quotes": None,              # list[components.quotes.QuoteFound]
    # read once from the Doc's token columns, for rules that scan every token (see token_lowers)
    "lowers": None,              # list[str]: each token's lower-case form
    "words": None,               # list[str]: each token's text
}
SPAN_EXTENSIONS = {
    "rule": None,        # id of the rule that found the span
    "canonical": None,   # normalised name (unions, councils)
    "date_value": None,  # dates.DateValue for date spans
}


def doc_text(doc: Doc) -> str:
    """The Doc's text, read once: spaCy rebuilds ``Doc.text`` from the tokens on every access."""
    if doc._.text is None:
        doc._.text = doc.text
    return doc._.text


def token_lowers(doc: Doc) -> list[str]:
    """Each token's lower-case form, read once per Doc from its LOWER column. A rule that scans every token
    reads this list and makes a Token object only where it finds something: making one per token and per
    rule was most of the rules' time. Read after the Doc's tokens are final: strikex never retokenizes, and a
    caller that merges tokens afterwards must clear ``doc._.lowers`` and ``doc._.words``."""
    found = doc._.lowers
    if found is None:
        found = doc._.lowers = _column(doc, "LOWER")
    return found


def token_words(doc: Doc) -> list[str]:
    """Each token's text, read once per Doc (as ``token_lowers``)."""
    found = doc._.words
    if found is None:
        found = doc._.words = _column(doc, "ORTH")
    return found


def _column(doc: Doc, attr: str) -> list[str]:
    strings = doc.vocab.strings
    return [strings[h] for h in doc.to_array(attr).tolist()] if len(doc) else []


def register() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register()
