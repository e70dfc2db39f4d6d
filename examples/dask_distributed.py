"""strikex on a dask.distributed cluster, merged into one SQLite dataset (the one ``strikex db`` builds).

    pip install 'strikex[web,dask]'
    python examples/dask_distributed.py crawl/*.warc.gz articles/ out.db --workers 4      # a LocalCluster
    python examples/dask_distributed.py shards/*.jsonl out.db --workers 4        # JSON Lines shards (text, id, date)
    python examples/dask_distributed.py crawl/*.warc.gz out.db --scheduler tcp://host:8786  # a running cluster

The shape: a bag of input files (article files, web pages, WARC files, JSON Lines shards whose rows have
"text", "id" and "date" as `strikex db --input jsonl` reads them: one file per element), partitioned;
``extract_partition`` reads each file's articles and extracts them on a worker (the pipeline loaded once
per worker process, on its first partition), skipping articles the database already holds (their URLs and
digests are sent along); the client stores each partition's records as it arrives, one transaction per
article, and rebuilds the disputes at the end. The records are those ``strikex db`` stores for the same
inputs in one process (a test checks it). On Spark the same function goes to ``rdd.mapPartitions`` and the
driver stores what ``toLocalIterator()`` yields.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Iterable

from strikex import api
from strikex.dataset import read_items
from strikex.db import digest, open_db, rebuild_disputes, store_all, write_metadata
from strikex.items import parse_date
from strikex.warc import SUFFIXES as WARC_SUFFIXES

JSONL_SUFFIXES = (".jsonl",)


def input_files(paths: Iterable[str]) -> list[str]:
    """The files of the inputs: folders expanded to their articles, pages and WARC files, in path order."""
    out = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out += [str(p) for p in sorted(path.iterdir())
                    if p.is_file() and p.name.endswith((".txt", ".html", ".htm", *JSONL_SUFFIXES, *WARC_SUFFIXES))]
        else:
            out.append(raw)
    return out


def extract_partition(files: Iterable[str], known: frozenset[str] = frozenset(), reference_date: str | None = None):
    """One partition: input files in, (item, record, meta) triples out, for the articles not ``known``
    (by URL or digest) and each seen once."""
    pairs, seen = [], set(known)
    for f in files:
        for item, meta in read_items([f], parse_date(reference_date), warc=f.endswith(WARC_SUFFIXES),
                                     jsonl=f.endswith(JSONL_SUFFIXES)):
            keys = {digest(item.text)} | ({meta["url"]} if meta.get("url") else set()) if item.text is not None else set()
            if keys & seen:
                continue
            seen |= keys
            pairs.append((item, meta))
    # the options `strikex db` uses, so that the records (and their provenance) are the CLI's
    records = api.extract_items([item for item, _ in pairs], max_chars=200_000, timeout=60.0)
    return [(item, record, meta) for (item, meta), record in zip(pairs, records)]


def run(paths: list[str], database: str, client, partitions: int, reference_date: str | None = None) -> tuple[int, int]:
    """Extract on the cluster behind ``client``, store into ``database``; (articles added, already there)."""
    import dask.bag as db

    files = input_files(paths)
    store = open_db(database)
    known = frozenset(k for url, d in store.execute("select url, digest from articles") for k in (url, d) if k)
    bag = db.from_sequence(files, npartitions=max(1, min(partitions, len(files))))
    parts = bag.map_partitions(extract_partition, known=known, reference_date=reference_date).to_delayed()
    added = present = 0
    for future in client.compute(parts):  # in partition order, each stored as soon as it is done
        a, p = store_all(store, future.result())
        added, present = added + a, present + p
        future.release()
    rebuild_disputes(store)
    store.close()
    write_metadata(database)
    return added, present


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+", help="article files, folders, WARC files")
    ap.add_argument("database")
    ap.add_argument("--workers", type=int, default=2, help="processes of the LocalCluster")
    ap.add_argument("--partitions", type=int, default=0, help="default: 2 per worker")
    ap.add_argument("--date", help="reference date for articles that state none (YYYY-MM-DD)")
    ap.add_argument("--scheduler", help="a dask.distributed address (tcp://...); default: a LocalCluster")
    args = ap.parse_args()
    from dask.distributed import Client, LocalCluster

    partitions = args.partitions or 2 * args.workers
    if args.scheduler:
        with Client(args.scheduler) as client:
            added, present = run(args.inputs, args.database, client, partitions, args.date)
    else:
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            added, present = run(args.inputs, args.database, client, partitions, args.date)
    print(f"{args.database}: {added} articles added, {present} already there")


if __name__ == "__main__":
    main()
