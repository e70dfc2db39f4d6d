"""``strikex timeline --format html``: one self-contained page (inline CSS and SVG, no scripts, nothing
fetched) with a chart of the disputes on a date axis (a lane per dispute, a square per strike day, a
diamond per ballot closing day, a thin line from first to last report), the disputes with no date listed
apart under it, and the rows as a table.

The axis stays readable at spans of years: up to ``LINEAR_DAYS`` it runs month by month; beyond that it
shows only the years that have something in them, each as wide as the others, with a break mark where
years are left out, so one old dispute does not squeeze the recent ones into a strip. Ticks fall on whole
months, quarters or years, as the room per month allows. Lane labels wrap, in full, in the label column;
every mark is drawn inside the axis.
"""
from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any, Iterator, NamedTuple

STRIKE = "#c0392b"   # strike days
BALLOT = "#2c6fbb"   # ballot closing days
REPORT = "#9aa5b1"   # the span of reports
WIDTH, LEFT, RIGHT, LANE, TOP = 1160, 330, 20, 34, 56
PAD = 12             # room inside each end of the axis, so that a mark on its first or last day stays inside
GAP = 26             # room for the break mark between years that are not next to each other
LINE = 15            # height of one line of a lane label
CHARS = 40           # characters per line of a lane label (12px text in a LEFT - 20 px column)
LINEAR_DAYS = 550    # spans up to this are drawn month by month; longer ones year by year
YEAR_PX = 200        # the least width of a year: with many years the chart grows wider and the page scrolls


class Segment(NamedTuple):
    start: dt.date   # first day drawn
    end: dt.date     # the day after the last day drawn
    x0: float
    x1: float


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _months(first: dt.date, end: dt.date) -> Iterator[dt.date]:
    day = dt.date(first.year, first.month, 1)
    while day < end:
        yield day
        day = _next_month(day)


def row_dates(r: dict[str, Any]) -> list[dt.date]:
    return [d for d in [*map(_day, r["strike_days"]), *(_day(b.get("closes")) for b in r["ballots"]),
                        _day(r["first_reported"]), _day(r["last_reported"])] if d]


def segments(dates: list[dt.date], x0: float = LEFT + PAD, x1: float = WIDTH - RIGHT - PAD) -> list[Segment]:
    """The axis: one stretch of whole months for a short span, else one stretch per year that has a date
    (each at least ``YEAR_PX`` wide, so ``x1`` may move right), with a gap between years that are not next
    to each other."""
    first, last = min(dates), max(dates)
    if (last - first).days <= LINEAR_DAYS:
        return [Segment(dt.date(first.year, first.month, 1), _next_month(last), x0, x1)]
    years = sorted({d.year for d in dates})
    gaps = sum(1 for a, b in zip(years, years[1:]) if b > a + 1)
    width = max((x1 - x0 - GAP * gaps) / len(years), YEAR_PX)
    out, x = [], x0
    for i, year in enumerate(years):
        if i and year > years[i - 1] + 1:
            x += GAP
        out.append(Segment(dt.date(year, 1, 1), dt.date(year + 1, 1, 1), x, x + width))
        x += width
    return out


def position(day: dt.date, axis: list[Segment]) -> float:
    seg = next(s for s in axis if s.start <= day < s.end)
    return seg.x0 + (seg.x1 - seg.x0) * (day - seg.start).days / (seg.end - seg.start).days


def wrap(label: str, width: int = CHARS) -> list[str]:
    """The label in lines of at most ``width`` characters, broken at spaces (a longer word is cut)."""
    lines: list[str] = []
    for word in label.split():
        while len(word) > width:
            lines, word = lines + [word[:width]], word[width:]
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def label(r: dict[str, Any]) -> str:
    return f'{r["union"] or "?"} — {r["employer"] or "?"}' + (f' ({r["workers"]})' if r["workers"] else "")


def _ticks(axis: list[Segment], top: float, bottom: float) -> list[str]:
    parts = []
    for seg in axis:
        months = list(_months(seg.start, seg.end))
        per_month = (seg.x1 - seg.x0) / len(months)
        for m in months:
            x = position(m, axis)
            year_mark = m.month == 1 or m == seg.start
            quarter = m.month in (1, 4, 7, 10)
            if year_mark:
                parts.append(f'<line x1="{x:.1f}" y1="{top - 30}" x2="{x:.1f}" y2="{bottom}" class="tick year"/>'
                             f'<text x="{x + 3:.1f}" y="{top - 34}" class="year">{m.year}</text>')
            elif quarter or per_month >= 24:
                parts.append(f'<line x1="{x:.1f}" y1="{top - 12}" x2="{x:.1f}" y2="{bottom}" class="tick"/>')
            if per_month >= 24 or (quarter and per_month >= 10):
                mid = min(x + per_month / 2, seg.x1)
                parts.append(f'<text x="{mid:.1f}" y="{top - 16}" class="month">{m:%b}</text>')
    for a, b in zip(axis, axis[1:]):
        if b.x0 > a.x1 + 1:   # years left out: a break mark on the axis
            mid = (a.x1 + b.x0) / 2
            parts.append(f'<path d="M{mid - 6:.1f},{top - 4} l6,-8 M{mid:.1f},{top - 4} l6,-8" class="break"/>'
                         f'<title>years with nothing to show left out</title>')
    return parts


def chart(rows: list[dict[str, Any]]) -> str:
    """The SVG chart of the rows that have a date (``page`` lists the others under it)."""
    rows = [r for r in rows if row_dates(r)]
    if not rows:
        return f'<svg width="{WIDTH}" height="{TOP + 30}" role="img"><text x="10" y="30">No dated disputes.</text></svg>'
    axis = segments([d for r in rows for d in row_dates(r)])
    labels = [wrap(label(r)) for r in rows]
    heights = [max(LANE, LINE * len(lines) + 12) for lines in labels]
    height = TOP + sum(heights) + 30
    end = axis[-1].x1 + PAD   # the axis's right end
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{end + RIGHT:.0f}" height="{height}" role="img" '
             f'aria-label="Strike days and ballot closing days per dispute">',
             *_ticks(axis, TOP, height - 24),
             f'<line x1="{LEFT}" y1="{TOP - 4}" x2="{end:.1f}" y2="{TOP - 4}" class="axis"/>']
    y0 = TOP
    for r, lines, lane in zip(rows, labels, heights):
        y = y0 + lane / 2
        first_line = y + 4 - LINE * (len(lines) - 1) / 2
        spans = "".join(f'<tspan x="{LEFT - 10}" y="{first_line + LINE * i:.1f}">{escape(t)}</tspan>'
                        for i, t in enumerate(lines))
        parts.append(f'<text class="lane">{spans}</text>'
                     f'<line x1="{LEFT}" y1="{y:.1f}" x2="{end:.1f}" y2="{y:.1f}" class="lane-line"/>')
        a, b = _day(r["first_reported"]), _day(r["last_reported"])
        if a and b:
            parts.append(f'<line x1="{position(a, axis):.1f}" y1="{y:.1f}" x2="{position(b, axis) + 0.1:.1f}" '
                         f'y2="{y:.1f}" stroke="{REPORT}" stroke-width="4" stroke-linecap="round" class="mark">'
                         f'<title>reported {a} to {b}</title></line>')
        for day in sorted(set(filter(None, map(_day, r["strike_days"])))):
            parts.append(f'<rect x="{position(day, axis) - 5:.1f}" y="{y - 9:.1f}" width="10" height="18" '
                         f'fill="{STRIKE}" class="mark"><title>strike {day}</title></rect>')
        for ballot in r["ballots"]:
            day = _day(ballot.get("closes"))
            if day:
                cx = position(day, axis)
                parts.append(f'<polygon points="{cx:.1f},{y - 9:.1f} {cx + 8:.1f},{y:.1f} {cx:.1f},{y + 9:.1f} '
                             f'{cx - 8:.1f},{y:.1f}" fill="{BALLOT}" class="mark"><title>ballot closes {day}</title>'
                             f'</polygon>')
        y0 += lane
    parts.append("</svg>")
    return "".join(parts)


def undated_table(rows: list[dict[str, Any]]) -> str:
    """The disputes the chart cannot place (no strike day, ballot closing day or article date), listed."""
    undated = [r for r in rows if not row_dates(r)]
    if not undated:
        return ""
    body = "".join("<tr>" + "".join(f"<td>{escape(v or '')}</td>" for v in (
        r["union"], r["employer"], r["workers"], r["status"], "; ".join(s or "" for s in r["sources"]))) + "</tr>"
        for r in undated)
    return (f'<h2 id="undated">Not on the chart: {len(undated)} dispute{"s" if len(undated) > 1 else ""} with no known date'
            f'</h2>'
            f'<p>Neither their articles nor their strike days or ballots give a date.</p>'
            f'<table class="undated"><thead><tr><th>union</th><th>employer</th><th>workers</th><th>status</th>'
            f'<th>sources</th></tr></thead><tbody>{body}</tbody></table>')


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
h1 {{ font-size: 20px; }} h2 {{ font-size: 16px; margin-top: 20px; }} .legend span {{ margin-right: 18px; }}
.key {{ display: inline-block; width: 10px; height: 10px; margin-right: 5px; vertical-align: -1px; }}
svg text {{ font: 12px system-ui, sans-serif; fill: #1d2733; }} svg .lane {{ text-anchor: end; }}
svg .month {{ text-anchor: middle; fill: #5b6876; }} svg .year {{ font-weight: 600; fill: #3b4856; }}
svg .tick {{ stroke: #e3e7eb; }} svg .tick.year {{ stroke: #c5ccd3; }} svg .axis, svg .break {{ stroke: #5b6876; fill: none; }}
svg .lane-line {{ stroke: #eef1f4; }} .chart {{ overflow-x: auto; }}
table {{ border-collapse: collapse; margin-top: 16px; width: 100%; }}
th, td {{ border-bottom: 1px solid #e3e7eb; padding: 6px 8px; text-align: left; vertical-align: top; }}
th {{ background: #f4f6f8; }}
</style></head><body>
<h1>{escape(title)}</h1>
<p class="legend"><span><i class="key" style="background:{STRIKE}"></i>strike day</span>
<span><i class="key" style="background:{BALLOT}"></i>ballot closes</span>
<span><i class="key" style="background:{REPORT}"></i>reported</span> {len(rows)} disputes</p>
<div class="chart">{chart(rows)}</div>
{undated_table(rows)}
<table><thead><tr><th>union</th><th>employer</th><th>workers</th><th>status</th><th>strike days</th><th>ballots</th>
<th>causes</th><th>sources</th></tr></thead><tbody>
{''.join(body)}
</tbody></table>
</body></html>
"""
