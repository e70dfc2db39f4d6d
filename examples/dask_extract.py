"""Run strikex on a Dask cluster: one partition of articles per task, the pipeline loaded once per worker.

    pip install 'strikex[dask]'
    python examples/dask_extract.py articles/ out/ --partitions 8            # local processes
    python examples/dask_extract.py articles/ out/ --scheduler tcp://host:8786  # an existing cluster

Writes out/part-*.jsonl, one record per article, the same records ``strikex extract articles/`` writes.
The same shape works on PySpark: ``rdd.mapPartitions(extract_partition)``.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Iterable, Iterator

import strikex


def extract_partition(paths: Iterable[str], reference_date: str | None = None) -> Iterator[str]:
    """One partition: article paths in, record JSON lines out. ``strikex.extract_many`` loads the pipeline
    on a worker's first partition and keeps it for the rest (it is cached per process)."""
    paths = list(paths)
    texts = (Path(p).read_text(encoding="utf-8", errors="replace") for p in paths)
    for record in strikex.extract_many(texts, reference_date=reference_date, sources=paths):
        yield json.dumps(record, ensure_ascii=False)


def build(folder: Path, partitions: int, reference_date: str | None = None):
    """The Dask bag of record lines for every *.txt in the folder, in path order."""
    import dask.bag as db

    paths = [str(p) for p in sorted(folder.glob("*.txt"))]
    bag = db.from_sequence(paths, npartitions=max(1, min(partitions, len(paths))))
    return bag.map_partitions(extract_partition, reference_date=reference_date)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--date", help="reference date for articles that state none (YYYY-MM-DD)")
    ap.add_argument("--scheduler", default="processes", help="'processes' (local) or a dask.distributed address")
    args = ap.parse_args()
    bag = build(args.folder, args.partitions, args.date)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.scheduler.startswith("tcp://"):
        from dask.distributed import Client

        with Client(args.scheduler):
            bag.to_textfiles(str(args.out / "part-*.jsonl"), last_endline=True)
    else:
        bag.to_textfiles(str(args.out / "part-*.jsonl"), scheduler=args.scheduler, last_endline=True)


if __name__ == "__main__":
    main()
