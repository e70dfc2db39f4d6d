"""Use strikex from Python: extract a folder of articles and print one CSV row per strike day.

    python examples/python_api.py seeds/ --date 2017-01-18 > strike_days.csv
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import strikex


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--date", help="reference date for articles that state none (YYYY-MM-DD)")
    args = ap.parse_args()
    paths = sorted(args.folder.glob("*.txt"))
    texts = (p.read_text(encoding="utf-8", errors="replace") for p in paths)
    out = csv.writer(sys.stdout)
    out.writerow(["source", "day", "status", "union", "employer", "workers", "evidence"])
    # extract_many streams records in input order and loads the pipeline once
    for record in strikex.extract_many(texts, reference_date=args.date, sources=[str(p) for p in paths]):
        for strike in record["strikes"]:
            for day in strike["dates"]:
                out.writerow([record["source"], day, strike["status"], strike["union"], strike["employer"],
                              strike["workers"], strike["text"]])


if __name__ == "__main__":
    main()
