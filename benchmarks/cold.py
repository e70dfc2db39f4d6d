"""One file, cold: ``strikex extract SEED`` against ``python -c "import spacy; spacy.load(M)(text)"``.

    .venv/bin/python benchmarks/cold.py                 # 8 rounds, the two sides alternating
    .venv/bin/python benchmarks/cold.py --rounds 3 --no-bytecode

Each round runs both commands as whole new processes, which one goes first alternating round by round, so
a slow spell of the shared machine falls on both; the table gives each round's ratio, their median and the
ratio of the best times (target: <= 1.1).

Bytecode: spaCy's modules were compiled when pip installed them; strikex, installed editable
(``pip install -e .``), is compiled on its first run and the bytecode kept in ``src/strikex/__pycache__``,
unless ``PYTHONDONTWRITEBYTECODE`` is set (as on the project's machine), when every run compiles all of
strikex's modules again (~0.15 s). By default the benchmark compiles them first, as a first run would have;
``--no-bytecode`` measures with no bytecode kept instead (it removes ``src/strikex/__pycache__``).
Figures go to ``benchmarks/cold.json`` (``--output``) with the machine; a table goes to stdout.
"""
from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import BIN, MODEL, ROOT, SEED, log, machine  # noqa: E402


def package_dir() -> Path:
    """Where the strikex that ``BIN/strikex`` runs is (the source tree, for an editable install)."""
    out = subprocess.run([str(BIN / "python"), "-c", "import strikex, os; print(os.path.dirname(strikex.__file__))"],
                         check=True, capture_output=True, text=True)
    return Path(out.stdout.strip())


def wall(cmd: list[str], env: dict[str, str]) -> float:
    """Wall time of one run of ``cmd`` (output discarded; a failure stops the benchmark)."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                          env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        log(proc.stderr[-3000:])
        raise SystemExit(f"{' '.join(cmd)!r} failed with exit status {proc.returncode}")
    return elapsed


def measure(rounds: int, bytecode: bool, seed: Path) -> dict[str, Any]:
    where = package_dir()
    env = dict(os.environ)
    if bytecode:
        compileall.compile_dir(str(where), quiet=1)
    else:
        for cache in where.rglob("__pycache__"):
            shutil.rmtree(cache)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    sides = {"strikex": [str(BIN / "strikex"), "extract", str(seed)],
             "spacy": [str(BIN / "python"), "-c",
                       f"import spacy; spacy.load({MODEL!r})(open({str(seed)!r}, encoding='utf-8').read())"]}
    per_round = []
    for r in range(rounds):
        times = {}
        for side in (("strikex", "spacy") if r % 2 == 0 else ("spacy", "strikex")):
            times[side] = wall(sides[side], env)
        per_round.append({**times, "ratio": times["strikex"] / times["spacy"]})
        log(f"  round {r + 1}: strikex {times['strikex']:.2f} s, spaCy {times['spacy']:.2f} s, "
            f"ratio {per_round[-1]['ratio']:.2f}x")
    best = {side: min(x[side] for x in per_round) for side in sides}
    return {"seed": str(seed.relative_to(ROOT)), "bytecode": bytecode, "package": str(where), "rounds": per_round,
            "best_s": best, "best_ratio": best["strikex"] / best["spacy"],
            "median_ratio": statistics.median(x["ratio"] for x in per_round)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="strikex extract on one file, cold, against bare spaCy (see the module docstring).")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--no-bytecode", action="store_true", help="no bytecode kept for strikex (every run compiles it)")
    parser.add_argument("--seed", type=Path, default=SEED)
    parser.add_argument("--output", type=Path, default=HERE / "cold.json")
    args = parser.parse_args(argv)
    log(f"one file cold, {args.rounds} alternating rounds, strikex bytecode {'removed' if args.no_bytecode else 'compiled'} ...")
    result = measure(args.rounds, not args.no_bytecode, args.seed.resolve())
    args.output.write_text(json.dumps({"machine": machine(), "cold": result}, indent=2) + "\n", encoding="utf-8")
    verdict = "PASS" if result["best_ratio"] <= 1.1 else "FAIL"
    print(f"one file cold, strikex / bare spaCy | best {result['best_s']['strikex']:.2f} / {result['best_s']['spacy']:.2f} s: "
          f"{result['best_ratio']:.2f}x; rounds " + ", ".join(f"{x['ratio']:.2f}" for x in result["rounds"])
          + f" (median {result['median_ratio']:.2f}x) | <= 1.1x | {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
