"""Fuzz strikex's text-in, record-out function: N generated inputs (default 10,000), every one checked
against the JSON Schema and for offsets that slice the input exactly. Not part of the default test run:

    .venv/bin/python tests/fuzz.py              # 10,000 inputs, a few minutes
    .venv/bin/python tests/fuzz.py -n 500 --seed 7

The inputs mix: random Unicode (any code points, control characters, surrogates left out as UTF-8 cannot
carry them), news-like word salad from the domain's vocabulary, real article text (the seeds) cut at
random points, spliced together, with clutter, numbers and quote marks thrown in, and very long lines.
Half go through the triage gate, half through the full pipeline. Exit status 1 on any crash or invalid
record, with the failing input written to fuzz-failures/.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from helpers import offset_items, points_to  # noqa: E402

WORDS = ("Unison GMB Unite NEU EIS members at Leeds Bradford City Council councils will strike walkout on 3 4 and "
         "10 May 2024 Monday Friday next week voted 79% turnout of 52 per cent four out of five said Cllr Mr Jane "
         "Smith branch secretary , . : ; ( ) “ ” \" ' — - £ 100 million ballot closes industrial action picket "
         "from to until every between 1,146 votes 212 who took part").split()


def generate(rng: random.Random, seeds: list[str]) -> str:
    kind = rng.randrange(7)
    if kind == 0:
        return "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0, 0xD800), rng.randrange(0xE000, 0x110000)]))
                       for _ in range(rng.randrange(0, 400)))
    if kind == 1:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randrange(0, 120)))
    if kind == 2:
        text = rng.choice(seeds)
        a, b = sorted(rng.randrange(len(text) + 1) for _ in range(2))
        return text[a:b]
    if kind == 3:
        parts = [rng.choice(seeds)[rng.randrange(2000):][:rng.randrange(50, 800)] for _ in range(rng.randrange(1, 4))]
        return rng.choice(["\n", "\n\n", " ", "\r\n", "\t"]).join(parts)
    if kind == 4:
        text = list(rng.choice(seeds))
        for _ in range(rng.randrange(1, 40)):
            text.insert(rng.randrange(len(text) + 1), rng.choice(["\x00", "\x0c", "\u200b", "\ufeff", "%", "“", "\n",
                                                                  "1", "£", "'s", "\u00a0", "\u2028"]))
        return "".join(text)
    if kind == 5:
        return rng.choice(WORDS) * rng.randrange(1, 3000)  # one long line
    # a seed, or part of one, with HTML tags and entities put in at random places (tags, entities and
    # things that only look like them)
    text = list(rng.choice(seeds)[: rng.randrange(100, 4000)])
    for _ in range(rng.randrange(1, 60)):
        text.insert(rng.randrange(len(text) + 1), rng.choice(["<p>", "</p>", "<br>", "<b>", "</b>", "&amp;", "&rsquo;",
                                                              "&#8220;", "<!-- x -->", "<script>x('<p>')</script>",
                                                              '<a href="/x">', "</a>", "<Unison>", "&nope;", "<"]))
    return "".join(text)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    import jsonschema

    import strikex
    from strikex.record_schema import schema

    validator = jsonschema.Draft202012Validator(schema())
    seeds = [p.read_text(encoding="utf-8") for p in sorted((HERE.parent / "seeds").glob("*.txt"))]
    rng = random.Random(args.seed)
    texts = [generate(rng, seeds) for _ in range(args.n)]
    failures, start = [], time.time()
    for triage in (True, False):
        batch = texts[int(not triage)::2]
        records = strikex.extract_many(batch, sources=[f"fuzz-{i}" for i in range(len(batch))], triage=triage)
        for text, record in zip(batch, records):
            problems = [e.message for e in validator.iter_errors(record)]
            problems += [where for where, m in offset_items(record) if not points_to(text, m)]
            if "error" in record:  # a text is never an input error here: an error record is a crash caught
                problems.append(record["error"])
            if problems:
                failures.append((text, problems))
    elapsed = time.time() - start
    print(f"{args.n} inputs (seed {args.seed}) in {elapsed:.0f} s: {len(failures)} failures")
    if failures:
        out = Path("fuzz-failures")
        out.mkdir(exist_ok=True)
        for i, (text, problems) in enumerate(failures[:50]):
            (out / f"{i:03d}.json").write_text(json.dumps({"text": text, "problems": problems}, ensure_ascii=False))
        print(f"first failures written to {out}/", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
