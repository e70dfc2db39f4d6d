"""strikex_attributes: the pretrained pipeline's own attribute rules (tag → POS and morphology, lemma and
POS exceptions), applied by table lookup instead of spaCy's AttributeRuler.

The AttributeRuler of en_core_web_sm runs a Matcher with ~180 patterns over every token: about a sixth
of the whole statistical pipeline's time on news text. Almost all of its patterns look at one token's
LOWER, TAG, DEP and IS_SPACE only, so their combined effect depends on those four values alone and can be
worked out once per distinct combination and cached. Only ~140 words appear in the patterns' LOWER tests, so
any other word stands in the key as "" (no LOWER test tells them apart): the cache holds some hundreds of
entries however large the vocabulary grows, instead of one per word (and it is bounded besides). The few patterns of two tokens ("gon na") are
checked where their first token matches. The rules are read from the model's own AttributeRuler, applied
in the same order with the same precedence (a later rule wins), and matched against the token values as
they were before any rule applied, as spaCy does: the output is the same Doc (a test compares them).
``pipeline.load`` keeps spaCy's AttributeRuler when a model's patterns use anything else.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable

import numpy
import srsly

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

FEATURES = ("LOWER", "TAG", "DEP", "IS_SPACE")   # what the token patterns may look at
WRITES = {"POS", "TAG", "MORPH", "LEMMA", "DEP"}   # what the rules may set
CACHE_LIMIT = 20_000   # entries; past it the oldest go first (en_core_web_sm's rules fill ~700 on news text)


class Unsupported(ValueError):
    """A pattern this table cannot express: keep spaCy's AttributeRuler."""


def _predicate(key: str, value: Any):
    """A test on one feature value (str, or bool for IS_SPACE), as the Matcher reads the pattern."""
    if key not in FEATURES:
        raise Unsupported(key)
    if not isinstance(value, dict):
        return lambda v: v == value
    if len(value) != 1:
        raise Unsupported(str(value))
    (op, arg), = value.items()
    if op == "IN":
        allowed = set(arg)
        return lambda v: v in allowed
    if op == "NOT_IN":
        banned = set(arg)
        return lambda v: v not in banned
    if op == "REGEX":
        rx = re.compile(arg)
        return lambda v: bool(rx.search(v))
    raise Unsupported(op)


def _token_test(pattern: dict):
    if "OP" in pattern:
        raise Unsupported("OP")
    tests = []
    for key, value in pattern.items():
        test = _predicate(key, value)  # raises Unsupported for a key the table cannot read
        tests.append((FEATURES.index(key), test))
    return lambda feats: all(test(feats[i]) for i, test in tests)


class AttributeTable:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.vocab = nlp.vocab
        self.single: list[tuple[int, Any, dict]] = []     # (order, token test, attrs)
        self.multi: list[tuple[int, list, int, dict]] = []  # (order, token tests, index, attrs)
        self.cache: dict[tuple[int, int, int, int], tuple[list, list, list]] = {}
        self.patterns: list[dict] = []   # as given, saved by to_disk
        # what the patterns' LOWER tests can tell apart: the words they name (hashes) and their regular
        # expressions; None when "" is among them (it stands for every other word in the cache's key)
        self.lowers: set[int] | None = set()
        self.lower_regexes: list[re.Pattern] = []
        self.stand_in: dict[int, int] = {}   # LOWER hash → itself, or 0 for a word no LOWER test can match

    def add_patterns(self, patterns: list[dict]) -> None:
        """The AttributeRuler's ``patterns``, in its order."""
        patterns = list(patterns)
        for order, rule in enumerate(patterns, len(self.patterns)):
            attrs = rule["attrs"]
            if not set(attrs) <= WRITES:
                raise Unsupported(str(attrs))
            for pattern in rule["patterns"]:
                tests = [_token_test(tok) for tok in pattern]
                index = rule.get("index", 0)
                if len(tests) == 1 and index in (0, -1):
                    self.single.append((order, tests[0], attrs))
                else:
                    self.multi.append((order, tests, index if index >= 0 else len(tests) + index, attrs))
                for tok in pattern:
                    self._note_lower(tok.get("LOWER"))
            # the rules' strings go into the vocabulary now, for good: added during a memory zone
            # (pipeline.run), they would be dropped at its end while the cache still holds their hashes
            self.resolve([(order, attrs)])
        self.patterns += patterns
        self.cache.clear()
        self.stand_in.clear()

    def _note_lower(self, value: Any) -> None:
        if value is None or self.lowers is None:
            return
        if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("IN", "NOT_IN"):
            words = list(next(iter(value.values())))
        elif isinstance(value, str):
            words = [value]
        elif isinstance(value, dict) and len(value) == 1 and "REGEX" in value:
            rx = re.compile(value["REGEX"])
            if rx.search(""):
                self.lowers = None
            else:
                self.lower_regexes.append(rx)
            return
        else:
            self.lowers = None
            return
        if "" in words:  # "" stands for the other words in the key
            self.lowers = None
            return
        self.lowers.update(self.vocab.strings.add(w) for w in words)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """The patterns, as spaCy's AttributeRuler saves its own (``nlp.to_disk``)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_msgpack(path / "patterns", self.patterns)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "AttributeTable":
        self.add_patterns(srsly.read_msgpack(Path(path) / "patterns"))
        return self

    def lookup(self, key: tuple[int, int, int, int]) -> tuple[list, list, list]:
        """For a (LOWER, TAG, DEP, IS_SPACE) combination: the one-token rules that apply, in rule order, the
        multi-token rules whose first token it matches, and the resulting writes as (column, value)."""
        feats = self._feats(key)
        steps = [(order, attrs) for order, test, attrs in self.single if test(feats)]
        starts = [rule for rule in self.multi if rule[1][0](feats)]
        entry = (steps, starts, self.resolve(steps))
        if len(self.cache) >= CACHE_LIMIT:
            del self.cache[next(iter(self.cache))]   # the oldest entry
        self.cache[key] = entry
        return entry

    def resolve(self, steps: list) -> list[tuple[int, Any]]:
        """(column of POS/TAG/MORPH/LEMMA/DEP, value) after applying the steps in order (later wins)."""
        final: dict[str, str] = {}
        for _, attrs in sorted(steps, key=lambda s: s[0]):
            final.update(attrs)
        out = []
        for attr, value in final.items():
            if attr == "POS":
                out.append((0, POS_IDS[value]))
            elif attr == "TAG":
                out.append((1, self.vocab.strings.add(value)))
            elif attr == "MORPH":
                out.append((2, self.vocab.morphology.add(value)))
            elif attr == "LEMMA":
                out.append((3, self.vocab.strings.add(value)))
            else:
                out.append((4, value))
        return out

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()
        lowers = self.lowers
        if lowers is None:
            keys = [tuple(f) for f in rows]
        else:  # a word no LOWER test can match stands as "" (hash 0)
            stand_in = self.stand_in
            keys = [(stand_in[f[0]] if f[0] in stand_in else self._stand_in(f[0]), f[1], f[2], f[3]) for f in rows]
        cache = self.cache
        entries = [cache.get(k) or self.lookup(k) for k in keys]
        extra: dict[int, list] = {}
        for i, entry in enumerate(entries):
            for order, tests, index, attrs in entry[1]:
                if i + len(tests) <= len(doc) and all(tests[j](self._feats(keys[i + j])) for j in range(1, len(tests))):
                    extra.setdefault(i + index, []).append((order, attrs))
        rows = doc.to_array([POS, TAG, MORPH, LEMMA]).tolist()
        dep_fixes = []
        for i, entry in enumerate(entries):
            writes = entry[2] if i not in extra else self.resolve(entry[0] + extra[i])
            row = rows[i]
            for column, value in writes:
                if column == 4:
                    dep_fixes.append((i, value))
                else:
                    row[column] = value
        doc.from_array([POS, TAG, MORPH, LEMMA], numpy.array(rows, dtype="uint64"))
        for i, value in dep_fixes:
            doc[i].dep_ = value
        return doc

    def _stand_in(self, lower: int) -> int:
        """``lower`` itself when a LOWER test of the patterns can match it, else 0 ("")."""
        text = self.vocab.strings[lower]
        named = lower in self.lowers or any(rx.search(text) for rx in self.lower_regexes)
        if len(self.stand_in) >= CACHE_LIMIT:   # bounded: an archive's vocabulary keeps growing
            self.stand_in.clear()
        self.stand_in[lower] = lower if named else 0
        return self.stand_in[lower]

    def _feats(self, key: tuple[int, int, int, int]) -> tuple[str, str, str, bool]:
        strings = self.vocab.strings
        return strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3])


@Language.factory("strikex_attributes", assigns=["token.pos", "token.tag", "token.morph", "token.lemma"])
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(nlp, name)
