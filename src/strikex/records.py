"""The output record: frozen dataclasses that mirror the JSON Schema (``schema.json``, printed by
``strikex schema``). Every value that comes from the text carries character offsets into the input.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = "1.1"

# a strike's status, most advanced first (a dispute takes its strikes' most advanced one); the schema's enum
STATUS_ORDER = ("called off", "suspended", "held", "going ahead", "planned", "balloting", "threatened")


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class DateRecord:
    text: str
    start: int
    end: int
    date: str | None          # ISO day, only when year, month and day are all known
    year: int | None
    month: int | None
    day: int | None
    weekday: str | None
    granularity: str          # day | week | month | year | season
    until: str | None         # ISO last day of a range ("3 to 5 May")
    every: list[str]          # only these weekdays of the range ("every Monday and Friday in October")
    rule: str | None


@dataclass(frozen=True)
class Union:
    name: str
    mentions: list[Mention]
    rule: str | None


@dataclass(frozen=True)
class Council:
    name: str
    mentions: list[Mention]
    rule: str | None


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None
    organisation: str | None
    mentions: list[Mention]
    role_evidence: Mention | None
    rule: str | None


@dataclass(frozen=True)
class LegalCheck:
    regime: str | None                 # models/ballot_law.json regime id: TULRCA1992 | TUA2016 | ERA2025
    basis: str | None                  # the date the regime was chosen by: "closes" | "reference_date"
    result: str                        # pass | fail | indeterminate
    missing: list[str]                 # figures needed to decide (e.g. "eligible")
    failed: list[str]                  # thresholds not met: majority | turnout | important_public_service
    important_public_service: str | None
    mandate_expires: str | None        # ISO day the mandate for action ends, when the close date is known


@dataclass(frozen=True)
class Ballot:
    union: str | None
    support_pct: float | None
    turnout_pct: float | None
    votes_cast: int | None
    eligible: int | None
    closes: str | None                 # ISO day the ballot closes, when known
    closes_date: DateRecord | None     # the closing date as written, with what is known of it
    legal_check: LegalCheck
    text: str
    start: int
    end: int
    rule: str | None                   # the rule that found it, "ballots.json:turnout_cues" (file:key)


@dataclass(frozen=True)
class Strike:
    dates: list[str]                   # ISO calendar days
    union: str | None
    unions: list[str]
    employer: str | None
    workers: str | None
    status: str | None                 # threatened | balloting | planned | going ahead | held | suspended | called off
    status_cue: str | None             # the cue that set the status ("called off"), from models/strikes.json status_cues
    text: str
    start: int
    end: int
    date_mentions: list[DateRecord]    # the date expressions the days come from, and ones that cannot be resolved
    mentions: list[Mention]
    rule: str | None                   # the rule that found it, "strikes.json:triggers" (file:key)


@dataclass(frozen=True)
class Cause:
    category: str                      # pay | working_patterns_and_conditions | redundancy_and_dismissal |
    detail: str | None                 # staffing_and_workload | outsourcing_and_transfer | trade_union_matters | other
    evidence: list[Mention]
    rule: str | None                   # causes.json:categories.pay


@dataclass(frozen=True)
class Workers:
    name: str                          # "computing staff"
    count: int | None                  # 105
    approximate: bool                  # "around 105"
    mentions: list[Mention]
    rule: str | None                   # strikes.json:worker_nouns


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str                      # ISO 4217: GBP, EUR, USD
    text: str
    start: int
    end: int
    rule: str | None                   # workers.json:currency_signs


@dataclass(frozen=True)
class Quote:
    speaker: str | None                # a person's name as in people[], or a union's or council's name
    speaker_type: str | None           # person | organisation
    kind: str                          # direct | reported
    text: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class Dispute:
    union: str | None
    employer: str | None
    workers: str | None
    worker_count: int | None
    causes: list[str]
    status: str | None
    ballots: list[int]                 # indices into the record's ballots
    strikes: list[int]                 # indices into the record's strikes
    rule: str | None                   # assemble.py:named_union | assemble.py:main_union
    employer_rule: str | None = None   # disputes.json:employer_cues.KIND | assemble.py:strike_employer | main_council
    dispute_rule: str | None = None    # disputes.json:good_actors | unknown_actor_with_union: why it is a dispute
    evidence: Mention | None = None    # the sentence of the industrial-action frame that decided it


@dataclass(frozen=True)
class Record:
    source: str | None
    reference_date: str | None
    reference_date_source: str | None  # "text" | "given" | None
    relevant: bool = True              # False: the triage gate found no dispute in it, and nothing was extracted
    triage: str | None = None          # the gate's evidence ("dispute phrase 'walkout'"), None when it was not run
    language: str | None = None        # "en", "non-en" (then nothing is extracted), None when the gate was not run
    unions: list[Union] = field(default_factory=list)
    councils: list[Council] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    dates: list[DateRecord] = field(default_factory=list)
    ballots: list[Ballot] = field(default_factory=list)
    strikes: list[Strike] = field(default_factory=list)
    causes: list[Cause] = field(default_factory=list)
    workers: list[Workers] = field(default_factory=list)
    money: list[Money] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION
    # what made the record (strikex and model versions, rule-data digest, options): set by the batch
    # (batch.provenance), which is the first to know the options; absent from the dict while None
    provenance: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        order = ["schema_version", "source", "relevant", "triage", "language", "reference_date", "reference_date_source", "unions", "councils", "people",
                 "dates", "ballots", "strikes", "causes", "workers", "money", "quotes", "disputes", "warnings"]
        return {k: data[k] for k in order} | ({"provenance": self.provenance} if self.provenance is not None else {})


# the lists every record carries, error records too (empty there): `jq '.strikes[]'` never meets a null
LIST_KEYS = ("unions", "councils", "people", "dates", "ballots", "strikes", "causes", "workers", "money", "quotes",
             "disputes", "warnings")


def error_record(source: str | None, message: str, provenance: dict[str, Any] | None = None) -> dict[str, Any]:
    """What a batch emits for an input it could not turn into a record: its source, the error, and the
    record's lists, empty (so a filter such as `select(.strikes != [])` or `.strikes[]` treats it as a record
    with nothing found)."""
    record = {"schema_version": SCHEMA_VERSION, "source": source, "error": message, **{k: [] for k in LIST_KEYS}}
    return record | ({"provenance": provenance} if provenance is not None else {})
