"""From a web archive to the SQLite dataset (issue 14): articles per second and peak memory, WARC in, database out.

    .venv/bin/python benchmarks/warc_db.py                 # sizes 150 and 600 pages; comparisons at 150
    .venv/bin/python benchmarks/warc_db.py --quick         # a smoke run (sizes 4 and 12)
    .venv/bin/python benchmarks/warc_db.py --sizes 1000 4000 --compare-size 4000 --shards 8

The input is a WARC of realistic news pages, mostly not about disputes: the project's own texts (1 in 20 a
dispute report from ``seeds/`` and the gold sets, the rest ``benchmarks/corpus/other/``), each made distinct
(``scale.vary``: new names and figures, so that no two pages have the same content and the database stores
every one) and wrapped in a news site's page (``tests/webpages.py``: navigation, a "Most read" list naming
other disputes, comments, a footer, a cookie banner), dated in its metadata. The pages are written to
``--shards`` gzipped WARC files (with a request record before each response), built before any clock starts.

Each figure is a fresh process (this script re-invoked with ``--child``), its pipeline loaded and warmed on
three other pages before the clock starts; every run writes a new database:

1. **strikex, one process**: ``strikex.dataset.build`` over ``read_items(shards, warc=True)`` (what
   ``strikex db DB shards --input warc`` does: read, trafilatura, htmldate, triage, extraction, one transaction
   per article, disputes rebuilt), at each of ``--sizes``: articles/s and peak RSS (``ru_maxrss``). Memory
   flat in the number of articles: peak at the largest size <= 1.1 x the smallest.
2. **strikex on Dask**: ``examples/dask_distributed.py``'s ``run`` on a ``LocalCluster`` of ``--workers``
   processes (one thread each), the workers warmed first, at ``--compare-size`` (default: the smallest size; on a
   loaded 2-core machine plain spaCy is slow); articles/s, each worker's
   peak RSS, and whether its database holds the same articles and disputes as the one-process run.
3. **trafilatura + plain spaCy** on the same shards: warcio, ``trafilatura.extract(page, **html.EXTRACT)``
   for each HTML response, then ``spacy.load(MODEL).pipe(texts, batch_size=16)``, every Doc consumed, no
   database; and **trafilatura alone** (reading and extracting, no spaCy), the floor any HTML reader pays.

Figures go to ``benchmarks/warc_db.json`` (``--output``) with the machine; a table goes to stdout.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "examples"))
from run import MIXED_PERIOD, MODEL, OTHER_GLOBS, RELEVANT_GLOBS, log, machine, read_texts, run_child_of, serve_child  # noqa: E402
from scale import vary  # noqa: E402

DEFAULTS = {"sizes": [150, 600], "shards": 4, "workers": 2}
QUICK = {"sizes": [4, 12], "shards": 2, "workers": 2}
WARM = 3   # pages (not in the measured input) each process reads before the clock starts
URL = "https://news.example.org/{:06d}"


def pages(n: int, start: int = 0):
    """(url, html, crawl day) of ``n`` distinct mixed pages, lazily."""
    from webpages import page

    relevant, other = read_texts(RELEVANT_GLOBS), read_texts(OTHER_GLOBS)
    r = o = 0
    for i in range(start, start + n):
        if i % MIXED_PERIOD == 0:
            source, r = relevant[r % len(relevant)], r + 1
        else:
            source, o = other[o % len(other)], o + 1
        rng = random.Random(i)
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        url = URL.format(i)
        yield url, page(vary(source, i), day, url=url), day


def write_shards(folder: Path, n: int, shards: int, start: int = 0) -> list[str]:
    """``n`` pages in ``shards`` gzipped WARC files, in order, a run of consecutive pages each (so that every
    shard, and the one-process run reading them in turn, has the corpus's 1 report in 20); their paths."""
    from webpages import write_warc

    groups: list[list] = [[] for _ in range(shards)]
    for i, entry in enumerate(pages(n, start)):
        groups[i * shards // n].append(entry)
    paths = []
    for k, group in enumerate(groups):
        path = folder / f"shard-{k:02d}.warc.gz"
        write_warc(path, group, extras=False)
        paths.append(str(path))
    return paths


def peak_kb() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


# -- children (this script re-invoked with --child; one JSON line out) -------------------------------------

def child_strikex(db_path: str, warm: str, *shards: str) -> dict[str, Any]:
    from strikex.dataset import build, read_items

    build(str(Path(db_path).with_suffix(".warm.db")), read_items([warm], warc=True))  # pipeline loaded, warm
    start = time.perf_counter()
    summary = build(db_path, read_items(list(shards), warc=True))
    seconds = time.perf_counter() - start
    return {"articles": summary.read, "added": summary.added, "failed": summary.failed, "disputes": summary.disputes,
            "seconds": seconds, "articles_per_s": summary.read / seconds, "peak_rss_kb": peak_kb()}


def child_dask(db_path: str, workers: str, *shards: str) -> dict[str, Any]:
    import cloudpickle
    import dask_distributed
    from dask.distributed import Client, LocalCluster

    cloudpickle.register_pickle_by_value(dask_distributed)  # the workers do not have examples/ on their path

    def warm() -> int:
        import strikex.api

        strikex.api.load()
        return peak_kb()

    with LocalCluster(n_workers=int(workers), threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        client.run(warm)
        start = time.perf_counter()
        added, present = dask_distributed.run(list(shards), db_path, client, 2 * int(workers))
        seconds = time.perf_counter() - start
        worker_peaks = sorted(client.run(peak_kb).values())
    from strikex.db import open_db

    db = open_db(db_path)
    count = db["articles"].count
    db.close()
    return {"articles": count, "added": added, "seconds": seconds, "articles_per_s": count / seconds,
            "worker_peak_rss_kb": worker_peaks, "client_peak_rss_kb": peak_kb()}


def child_plain(engine: str, warm: str, *shards: str) -> dict[str, Any]:
    """trafilatura (+ plain spaCy with engine ``spacy``) over the shards' HTML responses."""
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    from strikex.html import EXTRACT, _tree

    def texts(paths):
        for path in paths:
            with open(path, "rb") as fh:
                for record in ArchiveIterator(fh):
                    if record.rec_type == "response":
                        page = record.content_stream().read().decode("utf-8")
                        yield trafilatura.extract(_tree(page), **EXTRACT) or ""

    if engine == "spacy":
        import spacy

        nlp = spacy.load(MODEL)
        process = lambda paths: nlp.pipe(texts(paths), batch_size=16)  # noqa: E731
    else:
        process = texts
    for _ in process([warm]):
        pass
    start = time.perf_counter()
    count = sum(1 for _ in process(list(shards)))
    seconds = time.perf_counter() - start
    return {"engine": engine, "articles": count, "seconds": seconds, "articles_per_s": count / seconds,
            "peak_rss_kb": peak_kb()}


CHILDREN = {"strikex": child_strikex, "dask": child_dask, "plain": child_plain}


def run_child(*args: str) -> dict[str, Any]:
    return run_child_of(Path(__file__).resolve(), *args)[0]


# -- parent ---------------------------------------------------------------------------------------------

def same_database(a: str, b: str) -> bool:
    """Whether two databases hold the same articles (by URL and digest, with the same records) and disputes."""
    import sqlite3

    def content(path: str) -> tuple:
        with sqlite3.connect(path) as con:
            articles = sorted(con.execute("select url, digest, record from articles").fetchall())
            disputes = sorted(con.execute("select * from disputes").fetchall())
        return articles, disputes

    return content(a) == content(b)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="WARC to SQLite throughput and memory (see the module docstring).")
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a smoke run")
    parser.add_argument("--sizes", type=int, nargs="+", help=f"pages per run (default {DEFAULTS['sizes']})")
    parser.add_argument("--compare-size", type=int, help="pages for Dask and the plain runs (default: the smallest size)")
    parser.add_argument("--shards", type=int, help=f"WARC files the pages are spread over (default {DEFAULTS['shards']})")
    parser.add_argument("--workers", type=int, help="Dask LocalCluster processes (default 2)")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--output", type=Path, default=HERE / "warc_db.json")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return serve_child(CHILDREN, args.child)
    settings = QUICK if args.quick else DEFAULTS
    sizes = sorted(args.sizes or settings["sizes"])
    compare = args.compare_size or sizes[0]
    sizes = sorted(set(sizes) | {compare})
    shards, workers = args.shards or settings["shards"], args.workers or settings["workers"]

    results: dict[str, Any] = {"machine": machine(), "settings": {"sizes": sizes, "shards": shards, "workers": workers,
                                                                  "compare_size": compare, "quick": args.quick}}
    rows = []
    work = Path(tempfile.mkdtemp(prefix="strikex-warc-db-"))
    try:
        (work / "warm").mkdir()
        (warm,) = write_shards(work / "warm", WARM, 1, start=10_000_000)
        inputs = {}
        for n in sizes:
            folder = work / f"in-{n}"
            folder.mkdir()
            inputs[n] = write_shards(folder, n, shards)
            results.setdefault("input_bytes", {})[str(n)] = sum(Path(p).stat().st_size for p in inputs[n])
        single = results["strikex"] = []
        for n in sizes:
            log(f"strikex, one process: {n} pages ...")
            r = run_child("strikex", str(work / f"one-{n}.db"), warm, *inputs[n])
            single.append(r)
            log(f"  {r['articles_per_s']:.1f} articles/s, peak {r['peak_rss_kb'] / 1024:.0f} MiB, {r['disputes']} disputes")
            rows.append((f"strikex db, one process, {n:,} pages", f"{r['articles_per_s']:.1f} articles/s",
                         f"peak {r['peak_rss_kb'] / 1024:.0f} MiB", ""))
        growth = single[-1]["peak_rss_kb"] / single[0]["peak_rss_kb"]
        one = {r["articles"]: r for r in single}
        results["memory_growth"] = growth
        rows.append((f"peak RSS {sizes[-1]:,} / {sizes[0]:,} pages", f"{growth:.3f}x", "<= 1.1x",
                     "PASS" if growth <= 1.1 else "FAIL"))
        n = compare
        if not args.skip_dask:
            log(f"strikex on a Dask LocalCluster of {workers}: {n} pages ...")
            r = results["dask"] = run_child("dask", str(work / f"dask-{n}.db"), str(workers), *inputs[n])
            r["same_database"] = same_database(str(work / f"one-{n}.db"), str(work / f"dask-{n}.db"))
            log(f"  {r['articles_per_s']:.1f} articles/s, same database: {r['same_database']}")
            rows.append((f"Dask LocalCluster ({workers} workers), {n:,} pages", f"{r['articles_per_s']:.1f} articles/s",
                         f"worker peaks {', '.join(f'{k / 1024:.0f}' for k in r['worker_peak_rss_kb'])} MiB",
                         "same db" if r["same_database"] else "DIFFERENT db"))
        for engine, name in (("spacy", "trafilatura + plain spaCy nlp.pipe"), ("trafilatura", "trafilatura alone")):
            log(f"{name}: {n} pages ...")
            r = results[f"plain_{engine}"] = run_child("plain", engine, warm, *inputs[n])
            log(f"  {r['articles_per_s']:.1f} articles/s")
            rows.append((f"{name}, {n:,} pages (no database)", f"{r['articles_per_s']:.1f} articles/s",
                         f"peak {r['peak_rss_kb'] / 1024:.0f} MiB", ""))
        ratio = results["ratio_vs_plain"] = one[n]["articles_per_s"] / results["plain_spacy"]["articles_per_s"]
        rows.append((f"strikex db / (trafilatura + plain spaCy), {n:,} pages", f"{ratio:.2f}x", "", ""))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    for row in rows:
        print(" | ".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
