"""Rich tables of one record, for a person reading the terminal (``--format table``)."""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text


def _table(title: str, columns: list[str]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold", max_width=30)
    return table


def _evidence(console: Console, texts: list[str]) -> None:
    """The sentences behind a table's rows, numbered as the rows are, under the table."""
    for n, text in enumerate(texts, 1):
        line = Text(f" [{n}] ", style="bold dim")
        line.append(_snippet(text), style="dim")
        console.print(line)


def _cell(value: Any) -> Text:
    if value is None or value == []:
        return Text("—", style="dim")
    if isinstance(value, list):
        return Text(", ".join(map(str, value)))
    return Text(str(value))


def _law(check: dict | None) -> Text:
    """The ballot law check in a cell: 'pass', 'fail: turnout', '? eligible' (the regime is under the table)."""
    if not check:
        return Text("—", style="dim")
    if check["result"] == "indeterminate":
        return Text(f"? {', '.join(check['missing'])}", style="yellow")
    if check["result"] == "fail":
        return Text(f"fail: {', '.join(check['failed'])}", style="red")
    return Text("pass", style="green")


def _regime(check: dict | None) -> str:
    if not check or not check["regime"]:
        return ""
    expires = f", mandate until {check['mandate_expires']}" if check["mandate_expires"] else ""
    return f" [law: {check['regime']} by {check['basis'].replace('_', ' ')}{expires}]"


def _snippet(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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
        ballots = _table("Ballots", ["#", "union", "support %", "turnout %", "votes cast", "eligible", "closes", "law"])
        for n, b in enumerate(record["ballots"], 1):
            closes = b["closes"] or (b["closes_date"]["text"] + " (year unknown)" if b["closes_date"] else None)
            ballots.add_row(str(n), _cell(b["union"]), _cell(b["support_pct"]), _cell(b["turnout_pct"]),
                            _cell(b["votes_cast"]), _cell(b["eligible"]), _cell(closes), _law(b.get("legal_check")))
        console.print(ballots)
        _evidence(console, [b["text"] + _regime(b.get("legal_check")) for b in record["ballots"]])
    if record["strikes"]:
        strikes = _table("Strikes", ["#", "days", "status", "union", "employer", "workers"])
        for n, s in enumerate(record["strikes"], 1):
            days = s["dates"] or [d["text"] + " (unresolved)" for d in s["date_mentions"] if not d["date"]]
            strikes.add_row(str(n), _cell(days), _cell(s["status"]), _cell(s["unions"]), _cell(s["employer"]),
                            _cell(s["workers"]))
        console.print(strikes)
        _evidence(console, [s["text"] for s in record["strikes"]])
    if record.get("disputes"):
        disputes = _table("Disputes", ["union", "employer", "workers", "status", "causes"])
        for d in record["disputes"]:
            workers = d["workers"] + (f" ({d['worker_count']})" if d["worker_count"] else "") if d["workers"] else None
            disputes.add_row(_cell(d["union"]), _cell(d["employer"]), _cell(workers), _cell(d["status"]),
                             _cell([c.replace("_", " ") for c in d["causes"]]))
        console.print(disputes)
    if record.get("quotes"):
        console.print(Text("Quotes", style="italic"))
        for q in record["quotes"]:
            line = Text(f" {q['speaker'] or 'unattributed'}", style="bold")
            line.append(": " if q["kind"] == "direct" else " (reported): ")
            line.append(_snippet(q["text"], 120), style="dim")
            console.print(line)
    if record["dates"]:
        dates = _table("Dates", ["as written", "resolved", "known parts"])
        for d in record["dates"]:
            parts = ", ".join(f"{k}={d[k]}" for k in ("year", "month", "day", "weekday") if d[k] is not None)
            resolved = d["date"] + (f" … {d['until']}" if d["until"] else "") if d["date"] else None
            if d["granularity"] != "day":
                parts = f"{d['granularity']}" + (f": {parts}" if parts else "")
            dates.add_row(d["text"], _cell(resolved), _cell(parts))
        console.print(dates)


FIELD_LABELS = {"unions": "unions", "councils": "councils", "people": "people", "ballots": "ballots",
                "strike_dates": "strike days", "ballot_close_dates": "ballot closing days",
                "dispute": "dispute", "causes": "causes", "quoted": "quoted speakers"}
ACCURACY_LABELS = {"role": "people: role", "organisation": "people: organisation",
                   "ballot_figures": "ballots: figures", "reference_date": "reference date"}


def _score(value: float | None) -> Text:
    if value is None:
        return Text("—", style="dim")
    return Text(f"{value:.3f}", style="green" if value >= 0.95 else "yellow" if value >= 0.85 else "red")


def render_report(report: dict[str, Any], console: Console, title: str) -> None:
    """``strikex evaluate``'s tables: P/R/F1 per field, the accuracies, and (if present) each article's errors."""
    table = Table(title=f"{title} — {report['docs']} articles", title_justify="left")
    for col in ("field", "precision", "recall", "F1", "found", "false", "missed"):
        table.add_column(col, justify="left" if col == "field" else "right")
    for key, f in report["fields"].items():
        table.add_row(FIELD_LABELS[key], _score(f["p"]), _score(f["r"]), _score(f["f1"]), str(f["tp"]), str(f["fp"]),
                      str(f["fn"]))
    table.add_section()
    table.add_row(Text("macro F1", style="bold"), "", "", _score(report["macro_f1"]), "", "", "")
    console.print(table)
    found = Table(title="Of what was found, how much is right", title_justify="left")
    for col in ("what", "accuracy", "right", "of"):
        found.add_column(col, justify="left" if col == "what" else "right")
    for key, a in report["accuracy"].items():
        found.add_row(ACCURACY_LABELS[key], _score(a["acc"]), str(a["hits"]), str(a["total"]))
    console.print(found)
    beside = Table(title="Beside the macro F1 (articles with a dispute; gold keys causes, quoted)", title_justify="left")
    for col in ("what", "precision", "recall", "F1", "articles"):
        beside.add_column(col, justify="left" if col == "what" else "right")
    if "dispute_detection" in report:
        d = report["dispute_detection"]
        beside.add_row("dispute detection", _score(d["p"]), _score(d["r"]), _score(d["f1"]), str(report["docs"]))
    for key, b in report.get("beyond", {}).items():
        beside.add_row(FIELD_LABELS[key], _score(b["p"]), _score(b["r"]), _score(b["f1"]), str(b["docs"]))
    console.print(beside)
    for name, error in report["failures"]:
        console.print(Text(f"{name}: error: {error}", style="bold red"))
    for article in report.get("articles", []):
        lines = [f"missed {FIELD_LABELS[k]}: {', '.join(v)}" for k, v in article["missed"].items()]
        lines += [f"false {FIELD_LABELS[k]}: {', '.join(v)}" for k, v in article["extra"].items()]
        lines += article["wrong"]
        if lines:
            console.print(Text(article["name"], style="bold"))
            for line in lines:
                console.print(Text(f"  {line}", style="red" if line.startswith("missed") else "yellow"))


def _day_span(days: list[str]) -> list[str] | str:
    """Up to three days as they are; more as 'N days: first … last'."""
    return days if len(days) <= 3 else f"{len(days)} days: {days[0]} … {days[-1]}"


def render_timeline(rows: list[dict[str, Any]], console: Console) -> None:
    """``strikex timeline --format table``: a row per dispute."""
    from .timeline import ballot_summary

    table = Table(title=f"Disputes ({len(rows)})", title_justify="left", show_lines=True)
    for col in ("union / employer", "workers", "status", "strike days", "ballots", "sources"):
        table.add_column(col, overflow="fold", max_width=30)
    for r in rows:
        status = f"{r['status']} ({r['status_date']})" if r["status"] and r["status_date"] else r["status"]
        table.add_row(f"{r['union'] or '?'}\n{r['employer'] or '?'}", _cell(r["workers"]), _cell(status),
                      _cell(_day_span(r["strike_days"])), _cell([ballot_summary(b) for b in r["ballots"]]),
                      _cell(len(r["sources"])))
    console.print(table)


def render_overview(records: list[dict[str, Any]], console: Console) -> None:
    """``--format table`` on a folder: one row per article (``strikex extract FILE --format table`` for one
    article in full)."""
    table = _table(f"{len(records)} articles", ["source", "relevant", "unions", "councils", "strike days", "ballots",
                                                "status"])
    for r in records:
        if "error" in r:
            table.add_row(Text(str(r.get("source"))), Text("error", style="red"), Text(r["error"], style="red"),
                          *(_cell(None) for _ in range(4)))
            continue
        days = sorted({d for s in r.get("strikes", []) for d in s.get("dates", [])})
        statuses = [s["status"] for s in r.get("strikes", []) if s.get("status")]
        table.add_row(Text(str(r.get("source"))), _cell("yes" if r.get("relevant", True) else "no"),
                      _cell([u["name"] for u in r.get("unions", [])]), _cell([c["name"] for c in r.get("councils", [])]),
                      _cell(_day_span(days) if days else None), _cell(len(r.get("ballots", [])) or None),
                      _cell(statuses[0] if statuses else None))
    console.print(table)
