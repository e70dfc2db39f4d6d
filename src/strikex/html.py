"""Web pages: an HTML page's main text (trafilatura) and its publication date (htmldate).

A page read as a page (a ``*.html`` file, a WARC response; see ``warc.py``) becomes an ``ArticleItem`` with
``html=True`` whose text is the page as fetched. The batch (``batch.py``) replaces it with the page's main
text, ``main_text(page)``: the headline and the article's paragraphs, without navigation, related links,
"most read" lists, comments and footers. The record's offsets point into that text, and the record keeps
it under ``text``, so a reader can check every value: ``record["text"][m["start"]:m["end"]] == m["text"]``.
When trafilatura finds no main text, the page's markup is stripped instead (``markup.py``), with a warning.

A JSON Lines row whose text is a whole page (``looks_like_page``: it opens with a doctype, ``<html>``,
``<head>`` or ``<body>``) is read as a page too (``row_item``); a row with only some markup left in its
text is not (``markup.py`` strips that, offsets into the text as given).

Reference dates (``page_item``; the README's "Reference date: which wins"): the publication date the text
states always wins (the pipeline finds it); when it states none, the first of
1. the page's own date (``page_date``: its metadata, ``<time>`` elements and URL, never a date in the body),
2. the JSON Lines row's date (``--date-key``),
3. the caller's ``--date`` (one date for the whole batch),
4. the WARC record's crawl date (when it was fetched, not published).
What the article says of itself comes first, then what the caller says of this article, then of the batch,
then the crawl's timestamp. Nothing here fetches anything: pages are parsed from the string.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import markup
from .io import Article, article_item
from .items import ArticleItem

SUFFIXES = (".html", ".htm", ".xhtml")
# trafilatura.extract(page, **EXTRACT) gives the text strikex reads (trafilatura 2.x): that is how to reproduce it
EXTRACT = dict(output_format="txt", include_comments=False, include_tables=True, include_links=False,
               include_images=False, favor_precision=True, deduplicate=False)
# a whole page: a doctype, <html>, <head> or <body> first (after white space, an XML declaration, comments)
_PAGE_START = re.compile(r"\A[\s\ufeff]*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html\b|<(?:html|head|body)\b)",
                         re.I | re.S)
FALLBACK_WARNING = ("web page: trafilatura found no main text; the page's markup was stripped instead "
                    "(offsets point into the record's text)")


@dataclass(frozen=True)
class PageText:
    text: str
    warnings: tuple[str, ...] = ()


def is_page(source: str | None) -> bool:
    """A file whose name says it is a web page."""
    return bool(source) and source.lower().endswith(SUFFIXES)


def looks_like_page(text: str | None) -> bool:
    """Whether a text (a JSON Lines row's) is a whole web page, as a ``*.html`` file is, rather than an
    article with some markup left in it."""
    return bool(text) and _PAGE_START.match(text[:65536]) is not None


def _tree(page: str):
    """The page parsed by lxml (None when it does not parse). A tree, not the string, goes to htmldate: given a
    string that looks like a URL it would fetch it."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        return lxml.html.document_fromstring(page.encode("utf-8", errors="replace"))
    except (ParserError, ValueError):
        return None


def main_text(page: str) -> PageText:
    """The page's main text, as trafilatura gives it (see ``EXTRACT``); the stripped page when it finds none."""
    import trafilatura

    tree = _tree(page)
    text = trafilatura.extract(tree, **EXTRACT) if tree is not None else None
    if text and text.strip():
        return PageText(text)
    return PageText(markup.strip(page).text, (FALLBACK_WARNING,))


def page_date(page: str, url: str | None = None) -> dt.date | None:
    """The page's publication date from its metadata (``article:published_time``, JSON-LD, ``<time>``…) or
    its URL (``/2023/04/12/``); None when it states none. No guessing from dates in the body text."""
    import htmldate

    tree = _tree(page)
    if tree is None:
        return None
    try:
        found = htmldate.find_date(tree, url=url, original_date=True, extensive_search=False,
                                   outputformat="%Y-%m-%d")
    except Exception:  # htmldate is a heuristic over arbitrary markup: a page it cannot read has no date
        return None
    return dt.date.fromisoformat(found) if found else None


def page_item(article: Article, given_date: dt.date | None = None, fallback_date: dt.date | None = None,
              url: str | None = None, row_date: str | None = None) -> ArticleItem:
    """A page as the batch's item. Its reference date, for when the text states none: the page's own date,
    else the row's date (``row_date``, a JSON Lines row's), else ``given_date`` (the caller's ``--date``),
    else ``fallback_date`` (a WARC record's crawl date)."""
    item = article_item(article, given_date, row_date)   # the row's date, else the caller's
    if item.text is None or item.error is not None:
        return item
    date = page_date(item.text, url) or item.given_date or fallback_date
    return ArticleItem(item.text, date, item.source, item.warnings, item.error, html=True)


def row_item(article: Article, given_date: dt.date | None = None, row_date: str | None = None) -> ArticleItem:
    """A JSON Lines row as the batch's item: a web page when its text is one (``looks_like_page``; its source
    the URL it names, if it is one, for the page's date), else an article of text."""
    if looks_like_page(article.text):
        url = article.source if article.source.startswith(("http://", "https://")) else None
        return page_item(article, given_date, url=url, row_date=row_date)
    return article_item(article, given_date, row_date)
