"""Accuracy against gold records: compare records with a gold corpus (read by ``gold.py``) field by field, sum up.

The comparisons are
those of the independent scorer the project is measured with (``shared/tools/score.py``), so that
``strikex evaluate`` and that scorer agree to the last count:

- unions compared case-insensitively after folding aliases ("Unite the Union" = Unite);
- councils on their name without form words ("City of Bradford Metropolitan District Council" = "Bradford");
- people on the lower-cased name without titles; for the people found, role and organisation by word
  overlap (Jaccard >= 0.5, or every gold word present);
- ballots: a gold ballot is found by a predicted one with the same first known figure (support, else
  turnout, else votes cast, else electorate); its other figures are then the "ballot figure accuracy";
- strike days and ballot closing days as sets of ISO days; the reference date only where the text
  itself states one (``published_in_text``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from .gold import GoldArticle

COUNCIL_NOISE = {
    "council", "borough", "city", "county", "district", "metropolitan", "of", "the", "and", "royal",
    "london", "unitary", "authority", "mbc", "cc", "bc", "dc", "&",
}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "cllr", "councillor", "sir", "dame", "prof", "professor", "lord",
          "baroness", "rev"}
UNION_ALIASES = {
    "unite the union": "unite", "gmb scotland": "gmb", "gmb union": "gmb", "unison scotland": "unison",
    "transport and general workers union": "tgwu", "t and g": "tgwu", "tgwu": "tgwu",
    "national union of teachers": "nut", "national education union": "neu", "royal college of nursing": "rcn",
    "british medical association": "bma", "public and commercial services union": "pcs",
    "educational institute of scotland": "eis", "fire brigades union": "fbu", "communication workers union": "cwu",
    "university and college union": "ucu", "national union of rail maritime and transport workers": "rmt",
    "northern ireland public service alliance": "nipsa", "royal college of midwives": "rcm",
}
FIGURES = ("support_pct", "turnout_pct", "votes_cast", "eligible")
SET_FIELDS = ("unions", "councils", "people", "strike_dates", "ballot_close_dates")
FIELDS = SET_FIELDS + ("ballots",)          # the F1 fields, in the order they are reported
ACCURACIES = ("role", "organisation", "ballot_figures", "reference_date")
BEYOND = ("causes", "quoted")                  # scored only where the gold has the key; not in the macro F1
CAUSES = {"pay", "working_patterns_and_conditions", "redundancy_and_dismissal", "staffing_and_workload",
          "outsourcing_and_transfer", "trade_union_matters"}


# -- the comparison keys -------------------------------------------------------------------------------
def union_key(name: str | None) -> str:
    s = " ".join(re.findall(r"[a-z0-9]+", (name or "").lower().replace("'", "").replace("&", " and ")))
    return UNION_ALIASES.get(s, s)


def council_key(name: str | None) -> str:
    found = re.findall(r"[a-z0-9]+", (name or "").lower().replace("&", " and "))
    return " ".join(w for w in found if w not in COUNCIL_NOISE)


def person_key(name: str | None) -> str:
    found = re.findall(r"[a-z'\-]+", (name or "").lower())
    return " ".join(w for w in found if w not in TITLES)


def speaker_key(name: str | None) -> str:
    """A quoted speaker: a council by its council key, else a union alias or a person's name without titles."""
    if re.search(r"\bcouncils?\b", (name or "").lower()):
        return "council:" + council_key(name)
    return " ".join(w for w in union_key(name).split() if w not in TITLES)


def words(s: str | None) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", (s or "").lower())) - {"the", "of", "for", "and", "a"}


def jaccard(a: str | None, b: str | None) -> float:
    wa, wb = words(a), words(b)
    if not wa and not wb:
        return 1.0
    return len(wa & wb) / max(1, len(wa | wb))


def role_matches(gold: str | None, pred: str | None) -> bool:
    return jaccard(gold, pred) >= 0.5 or bool(gold and pred and words(gold) <= words(pred))


def org_matches(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    return union_key(gold) == union_key(pred) or council_key(gold) == council_key(pred) or jaccard(gold, pred) >= 0.5


def _number(x: Any) -> float | None:
    try:
        return None if x is None or isinstance(x, bool) else float(x)
    except (TypeError, ValueError):
        return None


def _same(a: Any, b: Any) -> bool:
    a, b = _number(a), _number(b)
    return a is not None and b is not None and abs(a - b) < 0.51


# -- scoring one article -------------------------------------------------------------------------------
@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Count") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class ArticleScore:
    name: str
    counts: dict[str, Count] = field(default_factory=lambda: {k: Count() for k in FIELDS})
    hits: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in ACCURACIES})
    missed: dict[str, list[str]] = field(default_factory=dict)
    extra: dict[str, list[str]] = field(default_factory=dict)
    wrong: list[str] = field(default_factory=list)     # role/organisation/figure/reference-date mismatches
    error: str | None = None
    beyond: dict[str, Count] = field(default_factory=dict)   # causes, quoted: only where the gold has the key
    dispute: Count = field(default_factory=Count)            # the article (gold dispute) vs a record with disputes

    def compare(self, field_name: str, gold: set[str], pred: set[str]) -> None:
        self.compare_into(self.counts[field_name], field_name, gold, pred)

    def compare_into(self, count: Count, label: str, gold: set[str], pred: set[str]) -> None:
        """Set ``count`` from the two sets and name what was missed and what was extra under ``label`` (the
        macro F1's fields, and the counts beside it: dispute detection, causes, quoted)."""
        count.tp, count.fp, count.fn = len(gold & pred), len(pred - gold), len(gold - pred)
        if gold - pred:
            self.missed[label] = sorted(gold - pred)
        if pred - gold:
            self.extra[label] = sorted(pred - gold)

    def hit(self, what: str, ok: bool, explain: str) -> None:
        self.hits[what][0] += ok
        self.hits[what][1] += 1
        if not ok:
            self.wrong.append(explain)


def _predicted(record: dict[str, Any]) -> dict[str, Any]:
    """The gold fields of a strikex record (tolerant: an error record has none of them)."""
    def items(key):
        return [x for x in record.get(key) or [] if isinstance(x, dict)]

    ballots = items("ballots")
    days = {d[:10] for s in items("strikes") for d in s.get("dates") or [] if isinstance(d, str)}
    return {
        "unions": {union_key(u.get("name")) for u in items("unions")} - {""},
        "councils": {council_key(c.get("name")) for c in items("councils")} - {""},
        "people": {person_key(p.get("name")): p for p in items("people")},
        "ballots": ballots,
        "strike_dates": days,
        "ballot_close_dates": {b["closes"][:10] for b in ballots if isinstance(b.get("closes"), str)},
    }


def _has_figure(ballot: dict[str, Any]) -> bool:
    return any(_number(ballot.get(k)) is not None for k in FIGURES)


def _score_ballots(score: ArticleScore, gold: list[dict], pred: list[dict]) -> None:
    """Greedy, in gold order: a gold ballot takes the first unused prediction that has its first known figure."""
    gold = [b for b in gold if _has_figure(b)]
    pred = [b for b in pred if _has_figure(b)]
    used: set[int] = set()
    count = score.counts["ballots"]
    for gb in gold:
        first = next(k for k in FIGURES if _number(gb.get(k)) is not None)
        match = next((i for i, pb in enumerate(pred) if i not in used and _same(pb.get(first), gb.get(first))), None)
        label = f"{first}={gb[first]}"
        if match is None:
            count.fn += 1
            score.missed.setdefault("ballots", []).append(label)
            score.hits["ballot_figures"][1] += sum(_number(gb.get(k)) is not None for k in FIGURES)
            continue
        used.add(match)
        count.tp += 1
        for k in FIGURES:
            if _number(gb.get(k)) is not None:
                got = pred[match].get(k)
                score.hit("ballot_figures", _same(got, gb[k]), f"ballot {label}: {k} {got} (gold {gb[k]})")
    for i, pb in enumerate(pred):
        if i not in used:
            count.fp += 1
            first = next(k for k in FIGURES if _number(pb.get(k)) is not None)
            score.extra.setdefault("ballots", []).append(f"{first}={pb[first]}")


def score_article(name: str, gold: dict[str, Any], record: dict[str, Any]) -> ArticleScore:
    """Compare one strikex record with its gold record."""
    score = ArticleScore(name, error=record.get("error"))
    pred = _predicted(record)
    found = {name} if record.get("disputes") else set()
    if gold.get("dispute", True) is False:
        # no dispute in the article: only dispute facts are scored, each a false hit; names are not asked for
        _score_ballots(score, [], pred["ballots"])
        score.compare("strike_dates", set(), pred["strike_dates"])
        score.compare("ballot_close_dates", set(), pred["ballot_close_dates"])
        score.compare_into(score.dispute, "dispute", set(), found)
        return score
    score.compare_into(score.dispute, "dispute", {name}, found)
    if isinstance(gold.get("causes"), list):
        got = {c.get("category") for c in record.get("causes") or [] if isinstance(c, dict)} & CAUSES
        score.compare_into(score.beyond.setdefault("causes", Count()), "causes", set(gold["causes"]) & CAUSES, got)
    if isinstance(gold.get("quoted"), list):
        got = {speaker_key(q.get("speaker")) for q in record.get("quotes") or []
               if isinstance(q, dict) and q.get("kind", "direct") == "direct" and q.get("speaker")} - {""}
        score.compare_into(score.beyond.setdefault("quoted", Count()), "quoted",
                           {speaker_key(g) for g in gold["quoted"]}, got)
    score.compare("unions", {union_key(u) for u in gold.get("unions", [])}, pred["unions"])
    score.compare("councils", {council_key(c) for c in gold.get("councils", [])}, pred["councils"])
    gold_people = {person_key(p["name"]): p for p in gold.get("people", [])}
    score.compare("people", set(gold_people), set(pred["people"]) - {""})
    for key in sorted(set(gold_people) & set(pred["people"])):
        g, p = gold_people[key], pred["people"][key]
        score.hit("role", role_matches(g.get("role"), p.get("role")),
                  f"{g['name']}: role {p.get('role')!r} (gold {g.get('role')!r})")
        score.hit("organisation", org_matches(g.get("organisation"), p.get("organisation")),
                  f"{g['name']}: organisation {p.get('organisation')!r} (gold {g.get('organisation')!r})")
    _score_ballots(score, gold.get("ballots", []), pred["ballots"])
    score.compare("strike_dates", set(gold.get("strike_dates", [])), pred["strike_dates"])
    score.compare("ballot_close_dates", set(gold.get("ballot_close_dates", [])), pred["ballot_close_dates"])
    if gold.get("published_in_text"):
        got = (record.get("reference_date") or "")[:10]
        score.hit("reference_date", got == gold["published_in_text"],
                  f"reference date {got or None} (gold {gold['published_in_text']})")
    return score


# -- the whole corpus ----------------------------------------------------------------------------------
@dataclass
class Report:
    articles: list[ArticleScore]

    def totals(self) -> tuple[dict[str, Count], dict[str, list[int]]]:
        counts = {k: Count() for k in FIELDS}
        hits = {k: [0, 0] for k in ACCURACIES}
        for a in self.articles:
            for k in FIELDS:
                counts[k].add(a.counts[k])
            for k in ACCURACIES:
                hits[k][0] += a.hits[k][0]
                hits[k][1] += a.hits[k][1]
        return counts, hits

    @staticmethod
    def _prf(counts: list[Count]) -> dict[str, float]:
        total = Count()
        for c in counts:
            total.add(c)
        return dict(zip(("p", "r", "f1"), (round(v, 3) for v in total.prf())))

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        counts, hits = self.totals()
        fields = {}
        for k in FIELDS:
            p, r, f = counts[k].prf()
            fields[k] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3),
                         "tp": counts[k].tp, "fp": counts[k].fp, "fn": counts[k].fn}
        accuracy = {k: {"acc": round(h / n, 3) if n else None, "hits": h, "total": n} for k, (h, n) in hits.items()}
        out = {
            "docs": len(self.articles),
            "failures": [[a.name, a.error] for a in self.articles if a.error],
            "fields": fields,
            "accuracy": accuracy,
            "macro_f1": round(sum(counts[k].prf()[2] for k in FIELDS) / len(FIELDS), 3),
            "dispute_detection": self._prf([a.dispute for a in self.articles]),
            "beyond": {k: {"docs": len(c), **self._prf(c)} for k in BEYOND
                       if (c := [a.beyond[k] for a in self.articles if k in a.beyond])},
        }
        if details:
            out["articles"] = [{"name": a.name, "missed": a.missed, "extra": a.extra, "wrong": a.wrong,
                                "error": a.error} for a in self.articles]
        return out


def evaluate(corpus: list[GoldArticle], records: Iterable[dict[str, Any]]) -> Report:
    """Score records (in corpus order) against the corpus."""
    return Report([score_article(a.name, a.gold, r) for a, r in zip(corpus, records, strict=True)])
