"""Doc → Record (named so that the module does not shadow strikex.extract()): pure functions from the annotated Doc to the output dataclasses. No I/O here."""
from __future__ import annotations

import calendar
import dataclasses as dc

from spacy.tokens import Doc, Span

from . import law
from . import records as r
from .extensions import COUNCILS, DATES, UNIONS, doc_text
from .numbers import tidy

__all__ = ["to_record", "skipped_record"]


def mention(span: Span) -> r.Mention:
    """The span's text and offsets, white space around it left out (sentences carry their trailing newlines).
    Reads only the span's own text: ``doc.text`` is rebuilt on every access."""
    text = span.text
    stripped = text.strip()
    start = span.start_char + (len(text) - len(text.lstrip()))
    return r.Mention(text=stripped, start=start, end=start + len(stripped))


def date_record(span: Span) -> r.DateRecord:
    v = span._.date_value
    return r.DateRecord(
        text=span.text, start=span.start_char, end=span.end_char,
        date=v.date.isoformat() if v.date else None, year=v.year, month=v.month, day=v.day,
        weekday=calendar.day_name[v.weekday] if v.weekday is not None else None,
        granularity=v.granularity, until=v.until.isoformat() if v.until else None,
        every=[calendar.day_name[d] for d in v.every], rule=span._.rule,
    )


def grouped(doc: Doc, key: str):
    """Named spans grouped by canonical name, in order of first mention."""
    groups: dict[str, list[Span]] = {}
    for span in doc.spans.get(key, []):
        groups.setdefault(span._.canonical, []).append(span)
    return groups.items()


def unions(doc: Doc) -> list[r.Union]:
    return [r.Union(name=name, mentions=[mention(s) for s in spans], rule=spans[0]._.rule) for name, spans in grouped(doc, UNIONS)]


def councils(doc: Doc) -> list[r.Council]:
    return [r.Council(name=name, mentions=[mention(s) for s in spans], rule=spans[0]._.rule)
            for name, spans in grouped(doc, COUNCILS)]


def people(doc: Doc) -> list[r.Person]:
    return [
        r.Person(name=p.name, role=p.role, organisation=p.organisation, mentions=[mention(m) for m in p.mentions],
                 role_evidence=mention(p.role_span) if p.role_span is not None else None, rule=p.rule)
        for p in doc._.people or []
    ]


def dates(doc: Doc) -> list[r.DateRecord]:
    return [date_record(s) for s in doc.spans.get(DATES, []) if s._.date_value is not None]


def _evidence(spans: list[Span]) -> tuple[str, int, int]:
    m = mention(Span(spans[0].doc, min(s.start for s in spans), max(s.end for s in spans)))
    return m.text, m.start, m.end


def legal_check(doc: Doc, b, text: str) -> r.LegalCheck:
    """The ballot law check of one ballot; the sector comes from its sentences and the workers in dispute."""
    closes = b.closes_value
    day = (closes.until or closes.date) if closes and closes.date else None
    sector = law.sector_of(" ".join([text] + [g.name for g in doc._.workers or []]))
    return law.check(b.support_pct, b.turnout_pct, b.votes_cast, b.eligible, day, doc._.reference_date, sector)


def ballots(doc: Doc) -> list[r.Ballot]:
    out = []
    for b in doc._.ballots or []:
        text, start, end = _evidence(b.evidence)
        closes = b.closes_value
        out.append(r.Ballot(
            union=b.union, support_pct=tidy(b.support_pct), turnout_pct=tidy(b.turnout_pct),
            votes_cast=tidy(b.votes_cast), eligible=tidy(b.eligible),
            # a ballot period ("6 January – 16 February 2023") closes on its last day
            closes=(closes.until or closes.date).isoformat() if closes and closes.date else None,
            closes_date=date_record(b.closes) if b.closes is not None else None,
            legal_check=legal_check(doc, b, text), text=text, start=start, end=end, rule=b.rule,
        ))
    return out


def _offsets(m: r.Mention) -> dict:
    return {"text": m.text, "start": m.start, "end": m.end}


def strikes(doc: Doc) -> list[r.Strike]:
    out = []
    for s in doc._.strikes or []:
        first = next((m for m in s.mentions if any(m.start <= d.start < m.end for d in s.day_spans)), s.mentions[0])
        out.append(r.Strike(
            dates=[d.isoformat() for d in s.days], union=s.union, unions=list(s.unions), employer=s.employer,
            workers=s.workers, status=s.status, status_cue=s.status_cue, **_offsets(mention(first)),
            date_mentions=[date_record(d) for d in sorted(s.day_spans + s.unresolved, key=lambda d: d.start)],
            mentions=[mention(m) for m in s.mentions], rule=s.rule,
        ))
    return out


def causes(doc: Doc) -> list[r.Cause]:
    return [r.Cause(category=c.category, detail=c.detail, evidence=[mention(e) for e in c.evidence], rule=c.rule)
            for c in doc._.causes or []]


def workers(doc: Doc) -> list[r.Workers]:
    return [r.Workers(name=g.name, count=g.count, approximate=g.approximate, mentions=[mention(m) for m in g.mentions],
                      rule=g.rule) for g in doc._.workers or []]


def money(doc: Doc) -> list[r.Money]:
    return [r.Money(amount=tidy(m.amount), currency=m.currency, **_offsets(mention(m.span)), rule=m.rule)
            for m in doc._.money or []]


def quotes(doc: Doc) -> list[r.Quote]:
    text = doc_text(doc)
    return [r.Quote(speaker=q.speaker, speaker_type=q.speaker_type, kind=q.kind, text=text[q.start:q.end],
                    start=q.start, end=q.end, rule=q.rule) for q in doc._.quotes or []]


def latest_status(strike_records: list[r.Strike], strike_ids: list[int], ballot_ids: list[int]) -> str | None:
    """The dispute's status from its latest event: the status of the strike whose days come last (a later
    "called off" beats an earlier "planned", later planned days beat an earlier walk-out); among strikes
    without days the furthest along; "balloting" when it has only ballots."""
    known = [strike_records[i] for i in strike_ids if strike_records[i].status]
    dated = [s for s in known if s.dates]
    if dated:
        last = max(max(s.dates) for s in dated)
        return min((s.status for s in dated if max(s.dates) == last), key=r.STATUS_ORDER.index)
    if known:
        return min((s.status for s in known), key=r.STATUS_ORDER.index)
    return "balloting" if ballot_ids else None


def disputes(doc: Doc, ballot_records: list[r.Ballot], strike_records: list[r.Strike],
             cause_records: list[r.Cause], worker_records: list[r.Workers]) -> list[r.Dispute]:
    """One dispute per union the strikes and ballots name (the article's main union when they name none),
    with its employer, workers, causes, latest status and the indices of its ballots and strikes. The
    employer is the one strikex_disputes found named with the workforce ("employed by", "workers at"),
    else the strikes' council, else the main council."""
    primary = doc._.main_union
    found = doc._.dispute
    names = list(dict.fromkeys([u for s in strike_records for u in s.unions] + [b.union for b in ballot_records if b.union]))
    rule = "assemble.py:named_union"   # the union the strikes and ballots name
    if not names and (strike_records or ballot_records or (primary and (cause_records or worker_records))):
        names, rule = [primary], "assemble.py:main_union"
    counts = {w.name: w.count for w in worker_records}
    categories = list(dict.fromkeys(c.category for c in cause_records))
    named_employer = found.employer if found and found.employer_span is not None else None
    out = []
    for union in names:
        strike_ids = [i for i, s in enumerate(strike_records) if union in s.unions or (not s.unions and union == primary)]
        ballot_ids = [i for i, b in enumerate(ballot_records) if b.union == union or (b.union is None and union == names[0])]
        employer = named_employer or next((strike_records[i].employer for i in strike_ids if strike_records[i].employer), None)
        employer_rule = found.employer_rule if named_employer else ("assemble.py:strike_employer" if employer else None)
        if employer is None and doc._.main_council:
            employer, employer_rule = doc._.main_council, "assemble.py:main_council"
        worker = next((strike_records[i].workers for i in strike_ids if strike_records[i].workers), None)
        worker = worker or (worker_records[0].name if worker_records else None)
        if union is None and employer is None:
            continue  # neither side of a dispute is named: nothing to report
        out.append(r.Dispute(union=union, employer=employer, workers=worker,
                             worker_count=counts.get(worker), causes=categories,
                             status=latest_status(strike_records, strike_ids, ballot_ids),
                             ballots=ballot_ids, strikes=strike_ids, rule=rule, employer_rule=employer_rule,
                             evidence=mention(found.evidence) if found and found.evidence is not None else None,
                             dispute_rule=found.rule if found else None))
    return out


def to_record(doc: Doc) -> r.Record:
    """The record of one Doc the strikex pipeline has annotated: ``to_record(strikex.load()(text)).to_dict()``
    is the JSON ``strikex extract`` prints (a Doc turned away by the triage gate gives its skipped record).
    Public: ``strikex.to_record``."""
    verdict = doc._.triage
    if verdict is not None and not verdict.relevant:
        return skipped_record(doc)
    ref = doc._.reference_date
    b, s, c, w = ballots(doc), strikes(doc), causes(doc), workers(doc)
    found = doc._.dispute
    if found is not None and not found.present:
        b, s = [], []   # no industrial dispute: its strikes and ballots are other senses
    elif found is not None and found.employer_span is not None and found.employer not in {x.name for x in councils(doc)}:
        s = [dc.replace(x, employer=found.employer) for x in s]   # outside local government: no council by proximity
    return r.Record(
        source=doc._.source, relevant=True, triage=verdict.reason if verdict else None,
        language=verdict.language if verdict else None,
        reference_date=ref.isoformat() if ref else None,
        reference_date_source=doc._.reference_date_source if ref else None,
        unions=unions(doc), councils=councils(doc), people=people(doc), dates=dates(doc),
        ballots=b, strikes=s, causes=c, workers=w, money=money(doc), quotes=quotes(doc),
        disputes=disputes(doc, b, s, c, w) if found is None or found.present else [], warnings=list(doc._.warnings or []),
    )


def skipped_record(doc: Doc) -> r.Record:
    """An article the triage gate turned away: no extraction, the caller's reference date if any."""
    given = doc._.given_date
    verdict = doc._.triage
    warnings = list(doc._.warnings or [])
    if verdict.language != "en":
        warnings.append(f"the text does not look like English ({verdict.reason}); nothing was extracted")
    return r.Record(source=doc._.source, relevant=False, triage=verdict.reason, language=verdict.language,
                    reference_date=given.isoformat() if given else None,
                    reference_date_source="given" if given else None, warnings=warnings)
