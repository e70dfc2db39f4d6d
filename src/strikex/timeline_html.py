"""``strikex timeline --format html``: one self-contained page (inline CSS and SVG, no scripts, nothing
fetched) with a chart of the disputes on a date axis (a lane per dispute, a square per strike day, a
diamond per ballot closing day, a thin line from first to last report) and the rows as a table."""
from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

STRIKE = "#c0392b"   # strike days
BALLOT = "#2c6fbb"   # ballot closing days
REPORT = "#9aa5b1"   # the span of reports
WIDTH, LEFT, RIGHT, LANE, TOP = 1160, 330, 20, 34, 40


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _months(first: dt.date, last: dt.date):
    day = dt.date(first.year, first.month, 1)
    while day <= last:
        yield day
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def chart(rows: list[dict[str, Any]]) -> str:
    dates = [d for r in rows for d in [*map(_day, r["strike_days"]), *(_day(b.get("closes")) for b in r["ballots"]),
                                       _day(r["first_reported"]), _day(r["last_reported"])] if d]
    height = TOP + LANE * max(1, len(rows)) + 30
    if not dates:
        return f'<svg width="{WIDTH}" height="{height}" role="img"><text x="10" y="30">No dated disputes.</text></svg>'
    first = min(dates) - dt.timedelta(days=3)
    last = max(dates) + dt.timedelta(days=3)
    span = max(1, (last - first).days)

    def x(day: dt.date) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * (day - first).days / span

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" role="img" '
             f'aria-label="Strike days and ballot closing days per dispute">']
    months = list(_months(first, last))
    step = max(1, len(months) // 12)
    for m in months[::step]:
        if m >= first:
            parts.append(f'<line x1="{x(m):.1f}" y1="{TOP - 12}" x2="{x(m):.1f}" y2="{height - 24}" class="tick"/>'
                         f'<text x="{x(m):.1f}" y="{TOP - 18}" class="month">{m:%b %Y}</text>')
    for i, r in enumerate(rows):
        y = TOP + LANE * i + LANE / 2
        label = f'{r["union"] or "?"} — {r["employer"] or "?"}' + (f' ({r["workers"]})' if r["workers"] else "")
        parts.append(f'<text x="{LEFT - 10}" y="{y + 4:.1f}" class="lane">{escape(label[:48])}</text>'
                     f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" class="lane-line"/>')
        a, b = _day(r["first_reported"]), _day(r["last_reported"])
        if a and b:
            parts.append(f'<line x1="{x(a):.1f}" y1="{y:.1f}" x2="{x(b) + 0.1:.1f}" y2="{y:.1f}" stroke="{REPORT}" '
                         f'stroke-width="4" stroke-linecap="round"><title>reported {a} to {b}</title></line>')
        for day in filter(None, map(_day, r["strike_days"])):
            parts.append(f'<rect x="{x(day) - 5:.1f}" y="{y - 9:.1f}" width="10" height="18" fill="{STRIKE}">'
                         f'<title>strike {day}</title></rect>')
        for ballot in r["ballots"]:
            day = _day(ballot.get("closes"))
            if day:
                cx = x(day)
                parts.append(f'<polygon points="{cx:.1f},{y - 9:.1f} {cx + 8:.1f},{y:.1f} {cx:.1f},{y + 9:.1f} '
                             f'{cx - 8:.1f},{y:.1f}" fill="{BALLOT}"><title>ballot closes {day}</title></polygon>')
    parts.append("</svg>")
    return "".join(parts)


def page(rows: list[dict[str, Any]], title: str = "strikex: disputes over time") -> str:
    from .timeline import ballot_summary

    body = []
    for r in rows:
        body.append("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in (
            r["union"] or "", r["employer"] or "", r["workers"] or "", r["status"] or "",
            ", ".join(r["strike_days"]), "; ".join(ballot_summary(b) for b in r["ballots"]),
            ", ".join(c.replace("_", " ") for c in r["causes"]))) +
            f"<td>{'<br>'.join(escape(s or '') for s in r['sources'])}</td></tr>")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 20px; color: #1d2733; max-width: 1200px; }}
h1 {{ font-size: 20px; }} .legend span {{ margin-right: 18px; }}
.key {{ display: inline-block; width: 10px; height: 10px; margin-right: 5px; vertical-align: -1px; }}
svg text {{ font: 12px system-ui, sans-serif; fill: #1d2733; }} svg .lane {{ text-anchor: end; }}
svg .month {{ text-anchor: middle; fill: #5b6876; }} svg .tick {{ stroke: #e3e7eb; }}
svg .lane-line {{ stroke: #eef1f4; }}
table {{ border-collapse: collapse; margin-top: 16px; width: 100%; }}
th, td {{ border-bottom: 1px solid #e3e7eb; padding: 6px 8px; text-align: left; vertical-align: top; }}
th {{ background: #f4f6f8; }}
</style></head><body>
<h1>{escape(title)}</h1>
<p class="legend"><span><i class="key" style="background:{STRIKE}"></i>strike day</span>
<span><i class="key" style="background:{BALLOT}"></i>ballot closes</span>
<span><i class="key" style="background:{REPORT}"></i>reported</span> {len(rows)} disputes</p>
{chart(rows)}
<table><thead><tr><th>union</th><th>employer</th><th>workers</th><th>status</th><th>strike days</th><th>ballots</th>
<th>causes</th><th>sources</th></tr></thead><tbody>
{''.join(body)}
</tbody></table>
</body></html>
"""
