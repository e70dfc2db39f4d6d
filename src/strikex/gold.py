"""Reading a gold corpus: a folder of ``NAME.txt`` (the article as scraped) beside ``NAME.json`` (what a careful
reader finds in it; the format is documented in ``docs/GOLD.md`` and in the README), and its articles as the
items the batch takes, each with the reference date a crawler would give. Scoring is ``evaluate.py``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from .errors import InputError
from .io import article_item, read_article
from .items import ArticleItem, parse_date

GOLD_KEYS = {"unions": list, "councils": list, "people": list, "ballots": list, "strike_dates": list,
             "ballot_close_dates": list}


@dataclass(frozen=True)
class GoldArticle:
    name: str
    text_path: Path
    gold: dict[str, Any]

    @property
    def date_to_give(self) -> str | None:
        """The reference date a crawler would supply: the gold one, only when the text states none."""
        return None if self.gold.get("published_in_text") else self.gold.get("reference_date")


def read_gold(path: Path) -> dict[str, Any]:
    """One gold record, checked enough that a typo gives a clear error, not a wrong score."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a readable gold record ({exc})") from None
    if not isinstance(gold, dict):
        raise InputError(f"{path}: a gold record is a JSON object, got {type(gold).__name__}")
    for key, kind in GOLD_KEYS.items():
        if not isinstance(gold.get(key, []), kind):
            raise InputError(f"{path}: {key!r} must be a list")
    for p in gold.get("people", []):
        if not isinstance(p, dict) or not isinstance(p.get("name"), str):
            raise InputError(f"{path}: each of 'people' needs a 'name'")
    if any(not isinstance(b, dict) for b in gold.get("ballots", [])):
        raise InputError(f"{path}: each of 'ballots' is an object")
    return gold


def read_corpus(folders: Iterable[str | Path]) -> list[GoldArticle]:
    """Every NAME.json with a NAME.txt beside it, in name order, from each folder."""
    articles = []
    for folder in map(Path, folders):
        if not folder.is_dir():
            raise InputError(f"{folder}: not a folder of NAME.txt + NAME.json gold pairs")
        pairs = [p for p in sorted(folder.glob("*.json")) if p.with_suffix(".txt").is_file()]
        if not pairs:
            raise InputError(f"{folder}: no gold pairs (NAME.txt beside NAME.json) in it")
        articles += [GoldArticle(p.stem, p.with_suffix(".txt"), read_gold(p)) for p in pairs]
    return articles


def gold_items(corpus: list[GoldArticle]) -> Iterator[ArticleItem]:
    """The corpus as the batch's items, each dated as a crawler would date it (``GoldArticle.date_to_give``)."""
    for a in corpus:
        yield article_item(read_article(a.text_path, str(a.text_path)), parse_date(a.date_to_give))
