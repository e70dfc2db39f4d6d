"""strikex: news reports about UK local-government industrial disputes in, structured records out.

    >>> import strikex
    >>> record = strikex.extract("Unison members at Kirklees Council will strike on 27 January.", reference_date="2017-01-18")
    >>> record["strikes"][0]["dates"]
    ['2017-01-27']

Heavy imports (spaCy, dateparser) happen on first use, not on ``import strikex``.
"""
from __future__ import annotations

__version__ = "1.0.0"
__all__ = ["load", "extract", "extract_many", "schema", "__version__"]


def __getattr__(name: str):
    if name in {"load", "extract", "extract_many"}:
        from . import api

        return getattr(api, name)
    if name == "schema":
        from .record_schema import schema

        return schema
    raise AttributeError(name)
