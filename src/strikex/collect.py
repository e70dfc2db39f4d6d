"""The work behind ``strikex timeline`` (the records it merges: read from what ``extract`` wrote or from a
``strikex db`` database, or extracted from articles) and ``strikex evaluate`` (gold corpora scored)."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from . import api, io, recordio  # io.read_article looked up at each call (the tests replace it)
from .apply import ExtractJob, Fatal, _item
from .errors import DEFAULT_MODEL, EXIT_BAD_INPUT, EXIT_NO_MODEL, InputError, ModelNotFound, StrikexError
from .io import DEFAULT_GLOBS, Article, article_item, expand_paths


def timeline_records(paths: list[str], given_date: dt.date | None = None, model: str = DEFAULT_MODEL,
                     recursive: bool = False, glob: tuple[str, ...] = DEFAULT_GLOBS, stdin=None,
                     html_pages: bool = True) -> list[dict[str, Any]]:
    """The records for ``strikex timeline``: read from the ``.jsonl``/``.json`` files ``strikex extract``
    wrote (in any of its formats), and extracted from the other paths (article files and folders), in that
    order. ``-`` is stdin: records when it is JSON (``strikex extract DIR | strikex timeline -``), else one
    article. A records file or JSON on stdin that is not strikex records is refused (exit 2)."""
    record_files = [p for p in paths if p.endswith((".jsonl", ".json"))]
    databases = [p for p in paths if p.endswith((".db", ".sqlite", ".sqlite3"))]  # what `strikex db` built
    texts = [p for p in paths if p not in record_files and p not in databases and p != "-"]
    for p in record_files + databases + texts:
        if not Path(p).exists():
            raise Fatal(f"{p}: no such file or folder", EXIT_BAD_INPUT)
    try:
        records = [r for p in record_files for r in recordio.read_records(Path(p), p)]
        articles = []
        if "-" in paths:
            text, warnings = io.decode((stdin or sys.stdin.buffer).read(), "-")
            if recordio.looks_like_json(text):
                records += recordio.parse_records(text, "-")
            else:
                articles.append(Article("-", text=text, warnings=warnings))
    except InputError as exc:
        raise Fatal(str(exc), EXIT_BAD_INPUT) from None
    if databases:
        from .db import read_records

        records += [r for p in databases for r in read_records(p)]
    if texts or articles:
        job = ExtractJob(paths=texts, given_date=given_date, html_pages=html_pages)
        items = [article_item(a, given_date) for a in articles]
        items += (_item(io.read_article(path, source), job, None) for source, path in expand_paths(texts, recursive, glob))
        try:
            records += list(api.extract_items(items, model=model))
        except ModelNotFound as exc:
            raise Fatal(str(exc), EXIT_NO_MODEL) from None
    return records


def evaluate_corpora(corpora: list[str], model: str = DEFAULT_MODEL, details: bool = False) -> dict[str, Any]:
    """``strikex evaluate``: the gold corpora's articles extracted and scored; the report as a dict."""
    from .evaluate import evaluate
    from .gold import gold_items, read_corpus

    try:
        corpus = read_corpus(corpora)
        return evaluate(corpus, api.extract_items(gold_items(corpus), model=model)).to_dict(details=details)
    except ModelNotFound as exc:
        raise Fatal(str(exc), EXIT_NO_MODEL) from None
    except StrikexError as exc:
        raise Fatal(str(exc), EXIT_BAD_INPUT) from None
