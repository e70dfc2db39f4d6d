"""Numbers as news text writes them: "79%", "79 per cent", "1,024", "four out of five", "nine in ten"."""
from __future__ import annotations

import re

WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
}
SCALES = {"thousand": 1_000, "million": 1_000_000}  # "1.2 million members"


def to_number(text: str) -> float | None:
    """'1,024' → 1024; 'four' → 4; '52.3' → 52.3; 'twenty-five' → 25; anything else → None."""
    t = text.strip().lower().replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if t in WORDS:
        return float(WORDS[t])
    parts = re.split(r"[-\s]", t)
    if len(parts) == 2 and parts[0] in WORDS and parts[1] in WORDS and WORDS[parts[0]] >= 20 and WORDS[parts[1]] < 10:
        return float(WORDS[parts[0]] + WORDS[parts[1]])
    return None


def tidy(value: float | None) -> float | int | None:
    """Whole numbers as int, others rounded to one decimal place (as reports give them)."""
    if value is None:
        return None
    value = round(value, 1)
    return int(value) if value == int(value) else value
