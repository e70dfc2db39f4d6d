"""The JSON Schema of strikex records, shipped in the package as ``schema.json``."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(resources.files("strikex").joinpath("schema.json").read_text(encoding="utf-8"))
