"""The refactoring oracle: the records of every article the project can reach, written once and compared later.

    python tests/snapshot.py write  before.jsonl      # before a refactor
    python tests/snapshot.py write  after.jsonl       # after it
    python tests/snapshot.py compare before.jsonl after.jsonl

Articles: the seeds, every gold set under tests/, the near-miss set, the benchmark's other news, the robustness
inputs, and ../shared/corpus/dev when it is beside the project. Each goes through ``strikex extract`` (JSON Lines
input, so one process serves them all) with the date a crawler would give it, triage on as for a user.

``compare`` reports every article whose record differs, ignoring the keys a change may add by design
(``--ignore``, default: the ``rule`` fields added to each fact and the record's provenance).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
IGNORED = ("rule", "status_cue", "provenance")


def articles() -> list[dict]:
    rows = []
    folders = [ROOT / "seeds", *sorted(p for p in (ROOT / "tests").iterdir() if p.is_dir()),
               ROOT / "benchmarks" / "corpus" / "other", ROOT / "tests" / "robustness" / "inputs"]
    if DEV.is_dir():
        folders.append(DEV)
    for folder in folders:
        for txt in sorted(folder.glob("*.txt")):
            gold = txt.with_suffix(".json")
            date = None
            if gold.is_file():
                try:
                    g = json.loads(gold.read_text(encoding="utf-8"))
                    date = None if g.get("published_in_text") else g.get("reference_date")
                except (ValueError, AttributeError):
                    date = None
            text = txt.read_bytes().decode("utf-8", errors="replace")
            name = str(txt.relative_to(DEV.parents[1])) if folder == DEV else str(txt.relative_to(ROOT))
            rows.append({"id": name, "text": text, "date": date})
    return rows


def write(out: Path, strikex: str) -> None:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in articles())
    done = subprocess.run([strikex, "extract", "-", "--input", "jsonl", "--workers", "1"],
                          input=data, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"strikex failed ({done.returncode}): {done.stderr[-2000:]}")
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    out.write_text("".join(json.dumps(json.loads(line), ensure_ascii=False, sort_keys=True) + "\n"
                           for line in lines), encoding="utf-8")
    print(f"{len(lines)} records -> {out}", file=sys.stderr)


def strip(value, ignored: tuple[str, ...]):
    if isinstance(value, dict):
        return {k: strip(v, ignored) for k, v in value.items() if k not in ignored}
    if isinstance(value, list):
        return [strip(v, ignored) for v in value]
    return value


def compare(before: Path, after: Path, ignored: tuple[str, ...]) -> int:
    """Records matched by source; an article only on one side is reported, not compared."""
    a = {r["source"]: r for r in map(json.loads, before.read_text(encoding="utf-8").splitlines())}
    b = {r["source"]: r for r in map(json.loads, after.read_text(encoding="utf-8").splitlines())}
    for name in sorted(a.keys() ^ b.keys()):
        print(f"only {'before' if name in a else 'after'}: {name}")
    differ = 0
    for name in sorted(a.keys() & b.keys()):
        if strip(a[name], ignored) != strip(b[name], ignored):
            differ += 1
            print(f"differs: {name}")
    print(f"{len(a.keys() & b.keys())} records compared, {differ} differ (ignoring {', '.join(ignored)})")
    return 1 if differ else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write")
    w.add_argument("out", type=Path)
    w.add_argument("--strikex", default=str(ROOT / ".venv" / "bin" / "strikex"))
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--ignore", nargs="*", default=list(IGNORED))
    args = parser.parse_args()
    if args.command == "write":
        write(args.out, args.strikex)
    else:
        sys.exit(compare(args.before, args.after, tuple(args.ignore)))


if __name__ == "__main__":
    main()
