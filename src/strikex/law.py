"""The ballot law check (Great Britain): does a ballot's result meet the statutory thresholds in force when
it opened? The thresholds live in ``models/ballot_law.json`` with their sources, so a change in the law
is a change of data.

The opening date is rarely reported, so the regime is chosen by the closing date when known, else by the
article's date (a ballot reported has opened by then); ``basis`` says which. A check needs figures: the
share voting yes (a majority of votes), the turnout (votes cast over those entitled, or the turnout
given), and in important public services the share of those entitled who voted yes. What is missing to
decide is listed: "79% of 75 members who voted" gives ``missing: ["eligible"]``.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import Any

from .records import LegalCheck
from .resources import read_json


@lru_cache(maxsize=1)
def _law() -> dict[str, Any]:
    return read_json("ballot_law.json")


def regime_for(day: dt.date) -> dict[str, Any]:
    for regime in _law()["regimes"]:
        if regime["from"] is None or dt.date.fromisoformat(regime["from"]) <= day:
            return regime
    raise ValueError("models/ballot_law.json needs a regime with 'from': null")


def sector_of(text: str) -> str | None:
    """The important public service a text places the ballot in, if any."""
    lower = " " + re.sub(r"[^a-z0-9]+", " ", text.lower()) + " "
    for sector, words in _law()["important_public_services"].items():
        if sector == "note":
            continue
        if any(f" {w} " in lower for w in words):
            return sector
    return None


def add_months(day: dt.date, months: int) -> dt.date:
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def check(support_pct: float | None, turnout_pct: float | None, votes_cast: float | None, eligible: float | None,
          closes: dt.date | None, reference_date: dt.date | None, sector: str | None) -> LegalCheck:
    """The record's ``LegalCheck`` of one ballot's figures under the regime in force on its date."""
    day, basis = (closes, "closes") if closes else (reference_date, "reference_date") if reference_date else (None, None)
    if day is None:
        return LegalCheck(None, None, "indeterminate", ["date"], [], None, None)
    regime = regime_for(day)
    missing, failed = [], []
    if support_pct is None:
        missing.append("support_pct")
    elif regime["majority_of_votes"] and not support_pct > 50:
        failed.append("majority")
    turnout = turnout_pct
    if turnout is None and votes_cast is not None and eligible:
        turnout = 100 * votes_cast / eligible
    if regime["min_turnout_pct"] is not None:
        if turnout is None:
            missing.append("eligible" if votes_cast is not None else "turnout_pct")
        elif turnout < regime["min_turnout_pct"]:
            failed.append("turnout")
    ips_min = regime["important_public_services_min_yes_of_eligible_pct"]
    applies = sector if ips_min is not None else None
    if applies:
        if support_pct is None or turnout is None:
            missing += [m for m in ("support_pct", "eligible" if votes_cast is not None else "turnout_pct")
                        if m not in missing and (m != "support_pct" or support_pct is None)]
        elif support_pct * turnout / 100 < ips_min:
            failed.append("important_public_service")
    result = "fail" if failed else "indeterminate" if missing else "pass"
    expires = None
    if closes and regime.get("mandate_months"):
        expires = add_months(closes, regime["mandate_months"]).isoformat()
    elif closes and regime.get("mandate_weeks"):
        expires = (closes + dt.timedelta(weeks=regime["mandate_weeks"])).isoformat()
    return LegalCheck(regime["id"], basis, result, missing, failed, applies, expires)
