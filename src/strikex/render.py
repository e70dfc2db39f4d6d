"""Rich tables of one record, for a person reading the terminal (``--format table``)."""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text


def _table(title: str, columns: list[str]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    return table


def _cell(value: Any) -> Text:
    if value is None or value == []:
        return Text("—", style="dim")
    if isinstance(value, list):
        return Text(", ".join(map(str, value)))
    return Text(str(value))


def render(record: dict[str, Any], console: Console) -> None:
    source = record.get("source") or "<stdin>"
    if "error" in record:
        console.print(Text(f"{source}: error: {record['error']}", style="bold red"))
        return
    ref = record["reference_date"]
    head = Text(source, style="bold")
    head.append(f"   reference date: {ref or 'unknown'}" + (f" ({record['reference_date_source']})" if ref else ""), style="dim")
    console.rule(head)
    for w in record["warnings"]:
        console.print(Text(f"warning: {w}", style="yellow"))
    orgs = _table("Unions and councils", ["kind", "name", "mentions", "as written"])
    for kind, key in (("union", "unions"), ("council", "councils")):
        for item in record[key]:
            written = sorted({m["text"] for m in item["mentions"]})
            orgs.add_row(kind, item["name"], str(len(item["mentions"])), _cell(written))
    console.print(orgs)
    people = _table("People", ["name", "role", "organisation", "mentions"])
    for p in record["people"]:
        people.add_row(p["name"], _cell(p["role"]), _cell(p["organisation"]), str(len(p["mentions"])))
    console.print(people)
    if record["ballots"]:
        ballots = _table("Ballots", ["union", "support %", "turnout %", "votes cast", "eligible", "closes", "evidence"])
        for b in record["ballots"]:
            closes = b["closes"] or (b["closes_date"]["text"] + " (year unknown)" if b["closes_date"] else None)
            ballots.add_row(_cell(b["union"]), _cell(b["support_pct"]), _cell(b["turnout_pct"]), _cell(b["votes_cast"]),
                            _cell(b["eligible"]), _cell(closes), _cell(b["text"][:120]))
        console.print(ballots)
    if record["strikes"]:
        strikes = _table("Strikes", ["days", "status", "union", "employer", "workers", "evidence"])
        for s in record["strikes"]:
            days = s["dates"] or [d["text"] + " (unresolved)" for d in s["date_mentions"] if not d["date"]]
            strikes.add_row(_cell(days), _cell(s["status"]), _cell(s["unions"]), _cell(s["employer"]), _cell(s["workers"]),
                            _cell(s["text"][:120]))
        console.print(strikes)
    if record["dates"]:
        dates = _table("Dates", ["as written", "resolved", "known parts"])
        for d in record["dates"]:
            parts = ", ".join(f"{k}={d[k]}" for k in ("year", "month", "day", "weekday") if d[k] is not None)
            resolved = d["date"] + (f" … {d['until']}" if d["until"] else "") if d["date"] else None
            dates.add_row(d["text"], _cell(resolved), _cell(parts or d["granularity"]))
        console.print(dates)
