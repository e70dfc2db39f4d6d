"""The employer in a dispute, for strikex_disputes: the organisation the story names with the workforce.

In order of strength (``employer_cues`` in ``models/disputes.json``):

1. ``employed_by``: "employed by X", "employees of X", "working for X", "contractor X";
2. ``workers_at``: "workers/staff/members at X", "strikes at X", where X is the object of "at";
3. ``org_workers``: "X workers", "X staff" (the organisation right before a worker noun).

X is an organisation the NER finds (ORG, or a FAC such as a hospital) or a council; a union is never the
employer. The first employer of the strongest kind found in the story wins; a council named otherwise (its
leader backs the strikers) is not. With none, the article's main council (``main_council``).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..extensions import COUNCILS, UNIONS, token_lowers
from ..resources import read_json
from .boilerplate import span_in_boilerplate

KINDS = ("employed_by", "workers_at", "org_workers")


def _lex() -> dict:
    if not hasattr(_lex, "cache"):
        _lex.cache = read_json("disputes.json")
    return _lex.cache


def _generic_council() -> set[str]:
    if not hasattr(_generic_council, "cache"):
        _generic_council.cache = set(read_json("people.json")["generic_council"])
    return _generic_council.cache


def _organisations(doc: Doc) -> dict[int, tuple[str, Span]]:
    """Start token → (name, span) of every organisation that could employ: councils, then NER ORG/FAC
    entities that are not unions."""
    unions = {i for u in doc.spans.get(UNIONS, []) for i in range(u.start, u.end)}
    out: dict[int, tuple[str, Span]] = {}
    for c in doc.spans.get(COUNCILS, []):
        out.setdefault(c.start, (c._.canonical, c))
    for e in doc.ents:
        if e.label_ not in {"ORG", "FAC"} or any(i in unions for i in range(e.start, e.end)):
            continue
        start = e.start + (1 if e[0].lower_ == "the" else 0)
        if start < e.end and not any(s <= start < c.end for s, (_, c) in out.items()):
            span = doc[start:e.end]
            if span.text.strip().lower() in _generic_council():
                # "105 Council computing staff": the generic word stands for the article's council
                if doc._.main_council:
                    out.setdefault(start, (doc._.main_council, span))
                continue
            out.setdefault(start, (span.text.strip(), span))
    return out


def _org_after(doc: Doc, i: int, orgs, skip: set[str]):
    """The organisation starting at token ``i`` once articles and descriptive words are skipped."""
    for _ in range(4):
        if i >= len(doc):
            return None
        if i in orgs:
            return orgs[i]
        if doc[i].lower_ in skip or doc[i].pos_ == "ADJ":
            i += 1
            continue
        return None
    return None


def find_employer(doc: Doc) -> tuple[str | None, str | None, Span | None]:
    """(employer, rule id, its span): see the module docstring."""
    lex = _lex()
    cues = lex["employer_cues"]
    skip = set(cues["skip"])
    workers = set(lex["good_actors"]) | set(lex["action_nouns"]) | set(cues["worker_words"])
    orgs = _organisations(doc)
    found: dict[str, tuple[str, Span]] = {}
    by_end = {span.end: v for v, span in ((v, v[1]) for v in orgs.values())}
    lowers = token_lowers(doc)
    workers_not_members = workers - {"members", "member"}
    for sent in doc.sents:
        if span_in_boilerplate(sent):
            continue
        for i in range(sent.start, sent.end):
            low = lowers[i]
            pair = lowers[i - 1] + " " + low if i > sent.start else low
            if "employed_by" not in found and (pair in cues["employed_by"] or low in cues["contractor_words"]):
                hit = _org_after(doc, i + 1, orgs, skip)
                if hit:
                    found["employed_by"] = hit
            if "workers_at" not in found and low == "at" and doc[i].head.lower_ in workers:
                hit = _org_after(doc, i + 1, orgs, skip)
                if hit:
                    found["workers_at"] = hit
            if "org_workers" not in found and low in workers_not_members and i in by_end:
                found["org_workers"] = by_end[i]
    for kind in KINDS:
        if kind in found:
            name, span = found[kind]
            return name, f"disputes.json:employer_cues.{kind}", span
    if doc._.main_council:
        return doc._.main_council, "disputes.json:main_council", None
    return None, None, None
