"""strikex at archive scale: distinct articles, growing sizes, the two sides of each ratio interleaved.

    .venv/bin/python benchmarks/scale.py                      # steps 2,000 and 20,000; ratios on 400 / 120
    .venv/bin/python benchmarks/scale.py --steps 1000 5000 --n 200 --relevant-n 40 --rounds 2

``benchmarks/run.py`` cycles through ~80 source texts, so after the first pass every word is known: that hides
what a real archive does to memory (new names, numbers and places in every article grow spaCy's vocabulary
and any cache keyed on words). Here every article is distinct: each source text gets a generated paragraph
spliced in after its first paragraph (a person, a place, a group, figures: about 30 word types no other
article has, 30 per article measured over 2,000) and its numbers replaced, deterministically from the article's index.

1. **Steps** (``--steps``, default 2,000 and 20,000): a fresh process streams that many distinct mixed
   articles (1 dispute report in 20) through ``extract_many(workers=1)``; articles/s, peak RSS
   (``ru_maxrss``) and spaCy's string count at the end. Target: peak at the largest step <= 1.05 x the smallest.
2. **Ratios**, strikex ``extract_many`` vs plain ``spacy.load(M).pipe``, steady state (load and warm-up
   excluded), on distinct mixed articles (``--n``, target >= 10x) and distinct reports only (``--relevant-n``,
   target >= 1.1x). Each round runs plain then strikex, each in a fresh process, so a slow spell of the shared
   machine falls on both sides; the table gives each round's ratio and their median. Where strikex multiplies
   with numpy's BLAS (``src/strikex/blas.py``: BLIS has no kernels for the CPU), each round also runs plain
   spaCy told to do the same, and the table gives that ratio too: what strikex's own work gains or costs.
3. ``strikex --help``, best of 5 (target < 0.2 s).

Figures go to ``benchmarks/scale.json`` (``--output``) with the machine; a table goes to stdout.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import BIN, MIXED_PERIOD, MODEL, OTHER_GLOBS, RELEVANT_GLOBS, best_of, log, machine, read_texts, run_child_of, serve_child  # noqa: E402

SYLLABLES = [a + v + z for a in "bcdfghklmnprstvw" for v in "aeiou" for z in ["", "l", "n", "r", "s", "th", "ck"]]
PLACE_ENDS = ["ton", "by", "ford", "ham", "wick", "field", "bury", "ley"]
NUMBER = re.compile(r"\b\d+\b")


def coined(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def vary(text: str, index: int) -> str:
    """``text`` made distinct for article ``index``: a generated paragraph after the first one, new numbers."""
    rng = random.Random(index)
    people = [f"{coined(rng, 2)} {coined(rng, 3)}" for _ in range(5)]
    places = [coined(rng, 2) + rng.choice(PLACE_ENDS) for _ in range(5)]
    groups = [coined(rng, 2) for _ in range(3)]
    paragraph = (f"{people[0]}, who lives in {places[0]}, said {rng.randint(12, 990)} households near "
                 f"{places[1]} Road had written to {people[1]} about the {groups[0]} scheme. "
                 f"The {groups[1]} Trust, chaired by {people[2]}, will meet at {places[2]} Hall with "
                 f"{people[3]} of {places[3]} and the {groups[2]} Society; a spokesperson gave the reference "
                 f"{coined(rng, 2).upper()}{rng.randint(1000, 99999)}. {people[4]} from {places[4]} gave "
                 f"{rng.randint(100, 99999)} pounds. The letter was also signed by "
                 + ", ".join(coined(rng, 3) for _ in range(10)) + ".")
    head, sep, rest = text.partition("\n\n")
    text = head + "\n\n" + paragraph + (sep + rest if sep else "")
    def number(m: re.Match) -> str:  # days of the month and years stay, so dates still read as dates
        value = int(m.group())
        return m.group() if value <= 31 or 1900 <= value <= 2099 else str(rng.randint(32, 10 ** len(m.group()) - 1))

    return NUMBER.sub(number, text)


def corpus(kind: str, n: int) -> Iterator[str]:
    """``n`` distinct articles of the ``mixed`` (1 relevant in 20) or ``relevant`` corpus, lazily."""
    relevant = read_texts(RELEVANT_GLOBS)
    other = read_texts(OTHER_GLOBS)
    r = o = 0
    for i in range(n):
        if kind == "relevant" or i % MIXED_PERIOD == 0:
            source, r = relevant[r % len(relevant)], r + 1
        else:
            source, o = other[o % len(other)], o + 1
        yield vary(source, i)


# -- children (this script re-invoked with --child; one JSON line out) -------------------------------------

def child_step(n: str) -> dict[str, Any]:
    import resource

    import strikex
    from strikex.errors import DEFAULT_MODEL
    from strikex.pipeline import load

    nlp = load(DEFAULT_MODEL)
    for _ in strikex.extract_many(list(corpus("mixed", 3)), workers=1):
        pass
    after_load = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    count = relevant = 0
    for record in strikex.extract_many(corpus("mixed", int(n)), workers=1):
        count += 1
        relevant += bool(record.get("relevant"))
    seconds = time.perf_counter() - start
    table = nlp.get_pipe("attribute_ruler")
    return {"articles": count, "relevant_records": relevant, "seconds": seconds, "articles_per_s": count / seconds,
            "after_load_kb": after_load, "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            "strings": len(nlp.vocab.strings), "attribute_cache": len(getattr(table, "cache", ()))}


def child_cli_step(n: str, mode: str, workers: str) -> dict[str, Any]:
    """The step through the command line, as a user runs it: ``strikex extract - --input jsonl`` with the records
    on stdout (read and dropped here) or in a file (``--output``), ``workers`` processes. Peak RSS is the largest
    single process's (the main one or a worker)."""
    import resource
    import subprocess
    import tempfile
    import threading

    with tempfile.TemporaryDirectory() as tmp:
        cmd = [str(BIN / "strikex"), "extract", "-", "--input", "jsonl", "--workers", workers]
        if mode == "output":
            cmd += ["--output", str(Path(tmp) / "out.jsonl")]
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)

        def feed() -> None:
            assert proc.stdin is not None
            for i, text in enumerate(corpus("mixed", int(n))):
                proc.stdin.write(json.dumps({"id": f"a{i}", "text": text}) + "\n")
            proc.stdin.close()

        feeder = threading.Thread(target=feed)
        feeder.start()
        assert proc.stdout is not None
        lines = sum(1 for _ in proc.stdout)
        feeder.join()
        proc.wait()
        seconds = time.perf_counter() - start
        if mode == "output":
            lines = sum(1 for _ in (Path(tmp) / "out.jsonl").open(encoding="utf-8"))
    return {"articles": int(n), "records": lines, "mode": mode, "workers": int(workers), "seconds": seconds,
            "articles_per_s": int(n) / seconds, "exit": proc.returncode,
            "peak_rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}


def child_throughput(engine: str, kind: str, n: str) -> dict[str, Any]:
    texts = list(corpus(kind, int(n)))   # made before the clock starts (small at these sizes)
    warm = texts[:3]
    gemm = "blis"
    if engine in ("plain", "plain_numpy"):
        import spacy

        nlp = spacy.load(MODEL)
        if engine == "plain_numpy":   # spaCy told to multiply as strikex does where BLIS has no kernels (blas.py)
            from thinc.api import Model, NumpyOps
            from threadpoolctl import threadpool_limits

            threadpool_limits(1, user_api="blas")
            ops = NumpyOps(use_blis=False)
            for _, proc in nlp.pipeline:
                if isinstance(getattr(proc, "model", None), Model):
                    for node in proc.model.walk():
                        node.ops = ops
            gemm = "numpy"
        process = lambda xs: nlp.pipe(xs, batch_size=16)  # noqa: E731
    else:
        import strikex
        from strikex.blas import in_use

        gemm = in_use(strikex.load())
        process = lambda xs: strikex.extract_many(xs, workers=1)  # noqa: E731
    for _ in process(warm):
        pass
    start = time.perf_counter()
    count = sum(1 for _ in process(texts))
    seconds = time.perf_counter() - start
    return {"engine": engine, "articles": count, "seconds": seconds, "articles_per_s": count / seconds, "gemm": gemm}


def child_cli_run(path: str, workers: str, out: str) -> dict[str, Any]:
    """``strikex extract PATH --input jsonl --workers N --output OUT`` in this process (as the command runs it),
    with the CPU time of this process (reading, handing chunks over, writing) and of its workers."""
    import resource

    sys.argv = ["strikex", "extract", path, "--input", "jsonl", "--workers", workers, "--output", out]
    from strikex.cli import main

    start = time.perf_counter()
    try:
        main()
    except SystemExit as exc:
        if exc.code not in (0, None):
            raise
    seconds = time.perf_counter() - start
    main_ru, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"workers": int(workers), "seconds": seconds, "main_cpu_s": main_ru.ru_utime + main_ru.ru_stime,
            "workers_cpu_s": kids.ru_utime + kids.ru_stime}


CHILDREN = {"step": child_step, "cli_step": child_cli_step, "throughput": child_throughput, "cli_run": child_cli_run}


def run_child(*args: str) -> dict[str, Any]:
    return run_child_of(Path(__file__).resolve(), *args)[0]


# -- parent ---------------------------------------------------------------------------------------------

def measure_ratio(kind: str, n: int, rounds: int) -> dict[str, Any]:
    """strikex vs plain spaCy as installed, round by round. Where strikex multiplies with numpy's BLAS (blas.py),
    a third side, plain spaCy told to do the same, gives ``ratio_same_gemm``: what strikex's own work gains."""
    per_round = []
    for r in range(rounds):
        sides, gemm = {}, "blis"
        for engine in ("plain", "strikex", "plain_numpy"):
            if engine == "plain_numpy" and gemm != "numpy":
                continue
            child = run_child("throughput", engine, kind, str(n))
            sides[engine] = child["articles_per_s"]
            gemm = child["gemm"] if engine == "strikex" else gemm
        row = {**sides, "strikex_gemm": gemm, "ratio": sides["strikex"] / sides["plain"]}
        if "plain_numpy" in sides:
            row["ratio_same_gemm"] = sides["strikex"] / sides["plain_numpy"]
        per_round.append(row)
        log(f"  {kind} round {r + 1}: plain {sides['plain']:.1f}/s, strikex {sides['strikex']:.1f}/s ({gemm}), "
            f"ratio {row['ratio']:.2f}x" + (f"; plain with numpy's BLAS {sides['plain_numpy']:.1f}/s, ratio "
                                           f"{row['ratio_same_gemm']:.2f}x" if "plain_numpy" in sides else ""))
    result = {"articles": n, "rounds": per_round, "median_ratio": statistics.median(x["ratio"] for x in per_round)}
    same = [x["ratio_same_gemm"] for x in per_round if "ratio_same_gemm" in x]
    if same:
        result["median_ratio_same_gemm"] = statistics.median(same)
    return result


def measure_workers(n: int, rounds: int) -> dict[str, Any]:
    """Whole cold process, ``--workers 1`` vs ``--workers 2`` on the same ``n`` distinct mixed articles (written
    to a JSON Lines file first, so making them costs neither side), the two alternating (which goes first
    alternates too). With the CPU time of the main process and of the workers per article, a model of N
    workers: throughput is min(N / worker CPU per article, 1 / main CPU per article) on N + 1 free cores."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i, text in enumerate(corpus("mixed", n)):
                fh.write(json.dumps({"id": f"a{i}", "text": text}) + "\n")
        per_round = []
        for r in range(rounds):
            runs = {}
            for w in ((1, 2) if r % 2 == 0 else (2, 1)):
                runs[w] = run_child("cli_run", str(path), str(w), str(Path(tmp) / f"out{w}.jsonl"))
                log(f"  workers round {r + 1}: --workers {w}: {n / runs[w]['seconds']:.1f} articles/s "
                    f"(main CPU {runs[w]['main_cpu_s']:.1f} s, workers CPU {runs[w]['workers_cpu_s']:.1f} s)")
            per_round.append({"one": runs[1], "two": runs[2], "ratio": runs[1]["seconds"] / runs[2]["seconds"]})
    best1 = min(x["one"]["seconds"] for x in per_round)
    best2 = min(x["two"]["seconds"] for x in per_round)
    two = min(per_round, key=lambda x: x["two"]["seconds"])["two"]
    main_per, work_per = two["main_cpu_s"] / n, two["workers_cpu_s"] / n
    model = {k: min(k / work_per, 1 / main_per) for k in (2, 4, 8, 16)}
    return {"articles": n, "rounds": per_round, "best_ratio": best1 / best2,
            "median_ratio": statistics.median(x["ratio"] for x in per_round),
            "main_cpu_ms_per_article": main_per * 1000, "worker_cpu_ms_per_article": work_per * 1000,
            "model_articles_per_s": model}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="strikex at archive scale (see the module docstring).")
    parser.add_argument("--steps", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--n", type=int, default=400, help="distinct mixed articles per throughput round")
    parser.add_argument("--relevant-n", type=int, default=120, help="distinct reports per throughput round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--modes", nargs="+", default=["api"], choices=["api", "stdout", "output"],
                        help="how the steps run: extract_many in the process (api), or strikex extract with the "
                             "records on stdout or in an --output file")
    parser.add_argument("--workers", type=int, default=1, help="--workers of the command-line steps")
    parser.add_argument("--skip-ratios", action="store_true")
    parser.add_argument("--ratios", nargs="+", default=["mixed", "relevant"], choices=["mixed", "relevant", "workers"],
                        help="workers: --workers 2 vs 1, whole process, on --workers-n articles (slow: not by default)")
    parser.add_argument("--workers-n", type=int, default=20000, help="distinct mixed articles of the workers ratio")
    parser.add_argument("--skip-help", action="store_true")
    parser.add_argument("--output", type=Path, default=HERE / "scale.json")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return serve_child(CHILDREN, args.child)

    results: dict[str, Any] = {"machine": machine(), "settings": vars(args) | {"output": str(args.output)}}
    rows = []
    steps = results["steps"] = []
    for mode in args.modes:
        sized = []
        for n in args.steps:
            log(f"step ({mode}, {args.workers} worker(s)): {n} distinct mixed articles ...")
            step = (run_child("step", str(n)) if mode == "api"
                    else run_child("cli_step", str(n), mode, str(args.workers)))
            step["mode"] = mode
            sized.append(step)
            log(f"  {step['articles_per_s']:.1f} articles/s, peak {step['peak_rss_kb'] / 1024:.0f} MiB"
                + (f", {step['strings']:,} strings, attribute cache {step['attribute_cache']}" if mode == "api" else ""))
            rows.append((f"{n:,} distinct mixed articles ({mode}, {args.workers} worker(s))",
                         f"{step['articles_per_s']:.1f} articles/s", f"peak {step['peak_rss_kb'] / 1024:.0f} MiB", ""))
        steps.extend(sized)
        growth = sized[-1]["peak_rss_kb"] / sized[0]["peak_rss_kb"]
        rows.append((f"peak RSS {args.steps[-1]:,} / {args.steps[0]:,} ({mode})", f"{growth:.3f}x", "<= 1.05x",
                     "PASS" if growth <= 1.05 else "FAIL"))
    if not args.skip_ratios:
        for kind, n, target in (("mixed", args.n, 10.0), ("relevant", args.relevant_n, 1.1)):
            if kind not in args.ratios:
                continue
            log(f"ratio, {kind}: {n} distinct articles, {args.rounds} interleaved rounds ...")
            r = results[f"ratio_{kind}"] = measure_ratio(kind, n, args.rounds)
            rows.append((f"{kind}: strikex / plain nlp.pipe, {n} articles",
                         ", ".join(f"{x['ratio']:.2f}" for x in r["rounds"]) + f" (median {r['median_ratio']:.2f}x)",
                         f">= {target}x", "PASS" if r["median_ratio"] >= target else "FAIL"))
            if "median_ratio_same_gemm" in r:
                rows.append((f"{kind}: the same, plain spaCy also on numpy's BLAS",
                             ", ".join(f"{x['ratio_same_gemm']:.2f}" for x in r["rounds"])
                             + f" (median {r['median_ratio_same_gemm']:.2f}x)", "", ""))
    if not args.skip_ratios and "workers" in args.ratios:
        log(f"ratio, workers: {args.workers_n} distinct mixed articles, whole process, {args.rounds} alternating rounds ...")
        r = results["ratio_workers"] = measure_workers(args.workers_n, args.rounds)
        rows.append((f"--workers 2 / 1, whole process, {args.workers_n:,} articles",
                     ", ".join(f"{x['ratio']:.2f}" for x in r["rounds"]) + f" (best {r['best_ratio']:.2f}x)",
                     ">= 1.85x", "PASS" if r["best_ratio"] >= 1.85 else "FAIL"))
        rows.append(("model: articles/s with 2 / 4 / 8 / 16 workers (main CPU "
                     f"{r['main_cpu_ms_per_article']:.2f} ms, worker CPU {r['worker_cpu_ms_per_article']:.1f} ms an article)",
                     " / ".join(f"{v:.0f}" for v in r["model_articles_per_s"].values()), "", ""))
    if not args.skip_help:
        help_s = results["help_s"] = best_of(5, [str(BIN / "strikex"), "--help"])
        rows.append(("strikex --help (best of 5)", f"{help_s:.3f} s", "< 0.2 s", "PASS" if help_s < 0.2 else "FAIL"))
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    for row in rows:
        print(" | ".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
