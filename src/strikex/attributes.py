"""strikex_attributes: the pretrained pipeline's own attribute rules (tag → POS and morphology, lemma and
POS exceptions), applied by table lookup instead of spaCy's AttributeRuler.

The AttributeRuler of en_core_web_sm runs a Matcher with ~180 patterns over every token: about a sixth
of the whole statistical pipeline's time on news text. Almost all of its patterns look at one token's
LOWER, TAG, DEP and IS_SPACE only, so their combined effect depends on those four values alone and can be
worked out once per distinct combination and cached. The few patterns of two tokens ("gon na") are
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
        self.patterns += patterns
        self.cache.clear()

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
        keys = [tuple(f) for f in doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()]
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

    def _feats(self, key: tuple[int, int, int, int]) -> tuple[str, str, str, bool]:
        strings = self.vocab.strings
        return strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3])


@Language.factory("strikex_attributes", assigns=["token.pos", "token.tag", "token.morph", "token.lemma"])
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(nlp, name)
