"""strikex's spaCy components, one module per concern.

Importing this package registers every factory with spaCy (``@Language.factory``).
"""
from . import lines, boilerplate, unions, councils, dates, people, ballots, strikes, causes, workers, disputes, quotes  # noqa: F401

FACTORIES = (
    "strikex_boilerplate",
    "strikex_unions",
    "strikex_councils",
    "strikex_dates",
    "strikex_people",
    "strikex_ballots",
    "strikex_strikes",
    "strikex_causes",
    "strikex_workers",
    "strikex_disputes",
    "strikex_quotes",
)
