"""The HTML timeline at real spans (issue 13, item 12): drawn by headless Chromium, with a script added to a
copy of the page that measures what was drawn and writes it into the DOM (``--dump-dom``)."""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess

import pytest
from test_timeline import record

from strikex.timeline import merge
from strikex.timeline_html import Segment, label, page, position, segments, wrap

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LONG = "school cleaners, kitchen assistants, caretakers and lunchtime supervisors at forty-two primary schools"


def rows_2016_to_2026():
    records = [
        record("old", "2016-03-01", employer="Kirklees Council", days=["2016-03-10"]),
        record("a", "2024-11-02", workers=LONG, days=["2024-11-20", "2024-11-21"]),
        record("b", "2025-05-01", union="Unison", employer="Bradford Council", days=["2025-05-12"],
               ballots=[(81, 55, "2025-04-20")]),
        record("c", "2025-09-01", union="Unite", employer="Birmingham City Council", workers="refuse collectors",
               days=[f"2025-09-{d:02d}" for d in range(1, 29)]),
        record("d", "2026-01-10", union="NEU", employer="Sheffield City Council", status="balloting",
               ballots=[(90, 60, "2026-02-27")]),   # a ballot on the last day drawn
        record("e", None, union="GMB", employer="Wigan Council", workers="care workers"),   # no date at all
    ]
    return [r.to_dict() for r in merge(records)]


MEASURE = """<script>
const svg = document.querySelector('.chart svg'), axis = svg.querySelector('.axis').getBBox();
const box = e => { const b = e.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; };
const out = document.createElement('pre');
out.id = 'measured';
document.body.appendChild(out);
out.textContent = JSON.stringify({
  axis: [axis.x, axis.x + axis.width], svg: [svg.width.baseVal.value, svg.height.baseVal.value],
  labels: [...svg.querySelectorAll('text.lane')].map(t => ({
    text: [...t.querySelectorAll('tspan')].map(s => s.textContent).join(' '), box: box(t)})),
  marks: [...svg.querySelectorAll('.mark')].map(e => ({what: e.textContent, box: box(e)})),
  years: [...svg.querySelectorAll('text.year')].map(t => [t.textContent, box(t)]),
  months: [...svg.querySelectorAll('text.month')].map(t => t.textContent),
  undated: [...document.querySelectorAll('table.undated tbody tr')].map(r => r.textContent),
});
</script></body>"""


def draw(html: str, tmp_path) -> dict:
    path = tmp_path / "timeline.html"
    path.write_text(html.replace("</body>", MEASURE), encoding="utf-8")
    dom = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000",
                          "--dump-dom", path.as_uri()], check=True, capture_output=True, text=True, timeout=120).stdout
    found = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.S)
    assert found, dom[-2000:]
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<")
                      .replace("&gt;", ">"))


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_a_ten_year_timeline_is_readable_in_chromium(tmp_path):
    rows = rows_2016_to_2026()
    drawn = draw(page(rows), tmp_path)
    left, right = drawn["axis"]
    # every mark (strike day, ballot, span of reports) lies within the axis
    outside = [m for m in drawn["marks"] if m["box"][0] < left - 0.5 or m["box"][2] > right + 0.5]
    assert outside == [] and len(drawn["marks"]) > 30
    assert any("ballot closes 2026-02-27" in m["what"] for m in drawn["marks"])
    # the lane labels: in full, inside the label column (left of the axis), not over one another
    dated = [r for r in rows if r["first_reported"]]
    assert sorted(lab["text"] for lab in drawn["labels"]) == sorted(label(r) for r in dated)
    assert any(LONG in lab["text"] for lab in drawn["labels"])
    for lab in drawn["labels"]:
        assert lab["box"][0] >= 0 and lab["box"][2] <= left, lab
    boxes = sorted(lab["box"] for lab in drawn["labels"])
    by_top = sorted(boxes, key=lambda b: b[1])
    assert all(a[3] <= b[1] for a, b in zip(by_top, by_top[1:]))
    # whole years on the axis, only those with something in them, each labelled once and inside the chart
    assert [y for y, _ in drawn["years"]] == ["2016", "2024", "2025", "2026"]
    assert all(0 <= b[0] and b[2] <= drawn["svg"][0] for _, b in drawn["years"])
    # the undated dispute is listed under the chart, not drawn as an empty lane
    assert len(drawn["undated"]) == 1 and "Wigan Council" in drawn["undated"][0]
    assert not any("Wigan" in lab["text"] for lab in drawn["labels"])


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_a_short_timeline_has_month_ticks_in_chromium(tmp_path):
    rows = [r.to_dict() for r in merge([record("a", "2024-05-01", days=["2024-05-09"], ballots=[(88, 61, "2024-04-28")]),
                                        record("b", "2024-09-30", union="Unite", days=["2024-10-31"])])]
    drawn = draw(page(rows), tmp_path)
    assert drawn["months"] == ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct"]
    assert [y for y, _ in drawn["years"]] == ["2024"]
    left, right = drawn["axis"]
    assert all(left <= m["box"][0] and m["box"][2] <= right for m in drawn["marks"])


def test_recent_disputes_are_not_crushed_by_an_old_one():
    """Years with nothing in them are left out of the axis, and a year is never narrower than YEAR_PX."""
    axis = segments([dt.date(2016, 3, 10), dt.date(2025, 5, 1), dt.date(2025, 5, 15)])
    assert [s.start.year for s in axis] == [2016, 2025]
    assert position(dt.date(2025, 5, 15), axis) - position(dt.date(2025, 5, 1), axis) > 10
    many = segments([dt.date(y, 6, 1) for y in range(2014, 2027)])
    assert all(s.x1 - s.x0 >= 200 for s in many) and isinstance(many[0], Segment)


@pytest.mark.parametrize("span_days, ticks", [(20, "months"), (400, "months"), (800, "years")])
def test_axis_kind_follows_the_span(span_days, ticks):
    first = dt.date(2024, 2, 10)
    axis = segments([first, first + dt.timedelta(days=span_days)])
    assert (len(axis) == 1) == (ticks == "months")
    assert all(s.start.day == 1 for s in axis)


def test_labels_wrap_in_full():
    lines = wrap(f"GMB — Leeds City Council ({LONG})")
    assert " ".join(lines) == f"GMB — Leeds City Council ({LONG})" and all(len(t) <= 40 for t in lines)
    assert wrap("x" * 90) == ["x" * 40, "x" * 40, "x" * 10]
