"""Where the rule data lives, and reading it.

The rule data (gazetteers, patterns, lexicons) is kept as JSONL/JSON files in the project's top-level
``models/`` folder. An installed wheel carries a copy inside the package (``strikex/models``); an
editable install reads the folder in the source tree.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent


def models_dir() -> Path:
    """The folder holding the rule data, packaged copy first."""
    for candidate in (_HERE / "models", _HERE.parents[1] / "models"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("strikex rule data (models/) not found next to the package or in the source tree")


@lru_cache(maxsize=None)
def read_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """Read ``models/NAME`` as plain JSON Lines (one object a line; explanations live in models/README.md)."""
    path = models_dir() / name
    rows = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: {exc}") from exc
    return tuple(rows)


@lru_cache(maxsize=None)
def read_json(name: str) -> Any:
    """Read ``models/NAME`` as one JSON document."""
    with (models_dir() / name).open(encoding="utf-8") as fh:
        return json.load(fh)
