"""strikex: news reports about UK local-government industrial disputes in, structured records out.

    >>> import strikex
    >>> record = strikex.extract("Unison members at Kirklees Council will strike on 27 January.", reference_date="2017-01-18")
    >>> record["strikes"][0]["dates"]
    ['2017-01-27']

Heavy imports (spaCy, dateparser) happen on first use, not on ``import strikex``. Type checkers see the real
signatures (the ``TYPE_CHECKING`` imports below); the record types are in ``strikex.types``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import ExtractionError, extract, extract_many, load
    from .errors import DateError, InputError, ModelNotFound, StrikexError
    from .items import ArticleItem
    from .record_schema import schema

__version__ = "1.0.0"
__all__ = ["load", "extract", "extract_many", "schema", "ArticleItem", "StrikexError", "InputError", "DateError",
           "ExtractionError", "ModelNotFound", "__version__"]

_LAZY = {"load": "api", "extract": "api", "extract_many": "api", "ExtractionError": "api", "schema": "record_schema",
         "ArticleItem": "items", "StrikexError": "errors", "InputError": "errors", "DateError": "errors",
         "ModelNotFound": "errors"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(name)
