"""Web pages and WARC files of our own for the web tests: the project's gold articles wrapped in the furniture
of a news site (navigation, a "Most read" list naming OTHER disputes, a comments section, a footer, a cookie
banner), built at test time. Nothing in the furniture may become a fact of the article."""
from __future__ import annotations

import datetime as dt
import html
import io
import json
from pathlib import Path

ROOT = Path(__file__).parents[1]
OTHER = ROOT / "benchmarks" / "corpus" / "other"

# the furniture names other unions, councils, people and days: none of them may reach a record
FURNITURE_WORDS = ["Sheffield City Council", "Bradford Council", "Kirklees Council", "Bob Smith", "Most read",
                   "Contact us", "Comments", "5 June", "NUJ"]
NAV = """<header><a class="logo" href="/">Example Evening News</a><nav><ul><li><a href="/">Home</a></li>
<li><a href="/news">News</a></li><li><a href="/news/politics">Politics</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/jobs">Jobs</a></li></ul></nav></header>
<div id="cookie-banner"><p>We use cookies to improve your experience. <button>Accept cookies</button></p></div>"""
MOST_READ = """<aside class="most-read"><h2>Most read</h2><ol>
<li><a href="/news/1">Unite bin strike at Leeds City Council next week</a></li>
<li><a href="/news/2">GMB members at Sheffield City Council vote 92% for strikes on 5 June</a></li>
<li><a href="/news/3">Unison calls off Bradford Council walkout after 11th-hour offer</a></li></ol></aside>"""
COMMENTS = """<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p class="comment-author">Bob Smith</p><p>Unite should strike at Kirklees Council on 1 March,
I say as a retired shop steward. 98% would vote for it on a 70% turnout.</p></div></section>"""
FOOTER = """<footer><p>&copy; 2024 Example Evening News Ltd. NUJ recognised. Registered in England.</p>
<ul><li><a href="/privacy">Privacy</a></li><li><a href="/contact">Contact us</a></li></ul></footer>"""


def page(text: str, date: str | None = None, url: str = "https://news.example.org/story") -> str:
    """The article as a news site serves it: its first line the headline, the rest paragraphs, inside the
    site's furniture; ``date`` (YYYY-MM-DD) in the page's metadata."""
    lines = [line for line in text.split("\n") if line.strip()]
    title, rest = lines[0], lines[1:]
    body = "\n".join(f"<p>{html.escape(line, quote=False)}</p>" for line in rest)
    meta = f'<meta property="article:published_time" content="{date}T08:00:00+00:00">' if date else ""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | Example '
            f'Evening News</title>{meta}<link rel="canonical" href="{url}"><script>window.ads = "<p>Advert</p>";</script>'
            f'</head>\n<body>{NAV}\n<main><article><h1>{html.escape(title)}</h1>\n{body}\n</article>\n{MOST_READ}\n'
            f'{COMMENTS}\n</main>{FOOTER}</body></html>')


def gold(folder: str) -> list[tuple[str, str, str | None, str | None]]:
    """(name, text, the date a crawler would give, the page's date) of a gold folder's articles."""
    out = []
    for txt in sorted((ROOT / folder).glob("*.txt")):
        g = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        given = None if g.get("published_in_text") else g.get("reference_date")
        out.append((txt.stem, txt.read_text(encoding="utf-8"), given, g.get("reference_date")))
    return out


def facts(record: dict) -> tuple:
    """What a record says about the world (not where it says it)."""
    def s(values):
        return sorted(map(repr, values))

    return (s(u["name"] for u in record["unions"]), s(c["name"] for c in record["councils"]),
            s((p["name"], p["role"], p["organisation"]) for p in record["people"]),
            s((b["union"], b["support_pct"], b["turnout_pct"], b["votes_cast"], b["eligible"], b["closes"]) for b in record["ballots"]),
            s((x["union"], x["employer"], x["status"], x["dates"]) for x in record["strikes"]),
            s((d["union"], d["employer"], d["workers"], d["status"], d["causes"]) for d in record["disputes"]),
            s(c["category"] for c in record["causes"]), record["reference_date"], record["relevant"])


def write_warc(path: Path, pages: list[tuple[str, str, str]], extras: bool = True) -> None:
    """A WARC file (gzipped if the name ends .gz) of (url, html, crawl day) responses, each after its request;
    with ``extras``, also a warcinfo record, an image, a PDF, a redirect and a 404 (all to be skipped)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def response(writer, url, body: bytes, content_type: str, day: str, status: str = "200 OK"):
        headers = StatusAndHeaders(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                                   protocol="HTTP/1.1")
        stamp = f"{day}T12:00:00Z"
        req = writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                        http_headers=StatusAndHeaders(f"GET {url} HTTP/1.1", [], is_http_request=True),
                                        warc_headers_dict={"WARC-Date": stamp})
        writer.write_record(req)
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": stamp}))

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        if extras:
            writer.write_record(writer.create_warcinfo_record(path.name, {"software": "strikex tests"}))
        for url, body, day in pages:
            response(writer, url, body.encode("utf-8"), "text/html; charset=utf-8", day)
        if extras:
            day = dt.date(2024, 1, 2).isoformat()
            response(writer, "https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png", day)
            response(writer, "https://news.example.org/report.pdf", b"%PDF-1.4 Unison strike", "application/pdf", day)
            response(writer, "https://news.example.org/old", b"", "text/html", day, "301 Moved Permanently")
            response(writer, "https://news.example.org/gone", b"<p>Not found</p>", "text/html", day, "404 Not Found")
