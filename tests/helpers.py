"""Small helpers for reading records in tests, and the comparisons of ``shared/tools/score.py``.

The key functions mirror the independent scorer (GOLD.md): unions compared case-insensitively (with the
scorer's aliases), councils after dropping form words, people after lower-casing and dropping titles, roles
and organisations by word overlap.
"""
from __future__ import annotations

import re
from typing import Any, Iterator

COUNCIL_NOISE = {
    "council", "borough", "city", "county", "district", "metropolitan", "of", "the", "and", "royal",
    "london", "unitary", "authority", "mbc", "cc", "bc", "dc", "&",
}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "cllr", "councillor", "sir", "dame", "prof", "professor", "lord", "baroness", "rev"}
UNION_ALIASES = {"unite the union": "unite", "gmb scotland": "gmb", "gmb union": "gmb", "unison scotland": "unison"}
FIGURES = ("support_pct", "turnout_pct", "votes_cast", "eligible")


def union_key(name: str | None) -> str:
    s = " ".join(re.findall(r"[a-z0-9]+", (name or "").lower().replace("'", "").replace("&", " and ")))
    return UNION_ALIASES.get(s, s)


def council_key(name: str | None) -> str:
    words = re.findall(r"[a-z0-9]+", (name or "").lower().replace("&", " and "))
    return " ".join(w for w in words if w not in COUNCIL_NOISE)


def person_key(name: str | None) -> str:
    words = re.findall(r"[a-z'\-]+", (name or "").lower())
    return " ".join(w for w in words if w not in TITLES)


def words(s: str | None) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", (s or "").lower())) - {"the", "of", "for", "and", "a"}


def jaccard(a: str | None, b: str | None) -> float:
    wa, wb = words(a), words(b)
    if not wa and not wb:
        return 1.0
    return len(wa & wb) / max(1, len(wa | wb))


def role_matches(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    return jaccard(gold, pred) >= 0.5 or words(gold) <= words(pred)


def org_matches(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    return union_key(gold) == union_key(pred) or council_key(gold) == council_key(pred) or jaccard(gold, pred) >= 0.5


# -- reading records -----------------------------------------------------------------------------------
def union_names(record: dict) -> list[str]:
    return [u["name"] for u in record["unions"]]


def council_keys(record: dict) -> set[str]:
    return {council_key(c["name"]) for c in record["councils"]}


def people_names(record: dict) -> list[str]:
    return [p["name"] for p in record["people"]]


def person(record: dict, name: str) -> dict:
    found = [p for p in record["people"] if p["name"] == name]
    assert len(found) == 1, f"expected one person {name!r}, got {people_names(record)}"
    return found[0]


def strike_days(record: dict) -> list[str]:
    return sorted({d for s in record["strikes"] for d in s["dates"]})


def figures(ballot: dict) -> tuple:
    return tuple(ballot[k] for k in FIGURES)


def offset_items(record: dict) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (where, {text, start, end}) the record points into the input with."""
    for key in ("unions", "councils", "people"):
        for i, item in enumerate(record[key]):
            for m in item["mentions"]:
                yield f"{key}[{i}].mentions", m
            if key == "people" and item["role_evidence"] is not None:
                yield f"people[{i}].role_evidence", item["role_evidence"]
    for i, d in enumerate(record["dates"]):
        yield f"dates[{i}]", d
    for i, b in enumerate(record["ballots"]):
        yield f"ballots[{i}]", b
        if b["closes_date"] is not None:
            yield f"ballots[{i}].closes_date", b["closes_date"]
    for i, s in enumerate(record["strikes"]):
        yield f"strikes[{i}]", s
        for m in s["mentions"]:
            yield f"strikes[{i}].mentions", m
        for d in s["date_mentions"]:
            yield f"strikes[{i}].date_mentions", d
