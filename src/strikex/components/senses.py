"""The other senses of the dispute words ("a lightning strike", "strike a deal", "walked out of the meeting"),
read from one file, ``models/other_senses.json``, by the triage gate, strikex_strikes and strikex_disputes.

Each sense has an id (rule id ``other_senses.json:ID``) and is written as modifiers of the strike noun,
objects of the strike verb, places walked out of, agents ("struck by lightning") or plain phrases. The gate
and strikex_strikes read every sense as token phrases (``phrases``: modifiers, objects and places spelled
out, found by one PhraseMatcher); strikex_disputes reads the same words from the parse (``modifier``, ``object``, ``agent``,
``departure``).
"""
from __future__ import annotations

import json
import re
import weakref
from typing import Any, Iterable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from ..extensions import token_lowers
from ._gazetteer import match_near, phrase_matcher

FILE = "other_senses.json"


def other_senses(nlp: Language, data: dict[str, Any], file: str = FILE) -> "OtherSenses":
    """The OtherSenses of ``data`` for ``nlp``, built once per pipeline: strikex_strikes, strikex_disputes and
    the triage gate read the same file, and building its matchers is a part of every start-up. Kept as long
    as the pipeline is (weakly keyed on it)."""
    built = _BUILT.setdefault(nlp, {})
    key = (file, json.dumps(data, sort_keys=True))
    if key not in built:
        built[key] = OtherSenses(nlp, data, file)
    return built[key]


_BUILT: "weakref.WeakKeyDictionary[Language, dict[tuple[str, str], OtherSenses]]" = weakref.WeakKeyDictionary()


class OtherSenses:
    def __init__(self, nlp: Language, data: dict[str, Any], file: str = FILE):
        self.file = file
        self.modifiers: dict[str, str] = {}    # word -> sense id
        self.objects: dict[str, str] = {}
        self.agents: dict[str, str] = {}
        self.departures: dict[str, str] = {}   # preposition -> sense id
        spelled: list[tuple[str, str]] = []
        for sense in data["senses"]:
            sid = sense["id"]
            for key, into in (("modifiers", self.modifiers), ("objects", self.objects), ("agents", self.agents),
                              ("prepositions", self.departures)):
                into.update((w, sid) for w in sense.get(key, []))
            spelled += [(sid, p) for p in sense.get("phrases", [])]
            spelled += [(sid, f"{m} {n}") for m in sense.get("modifiers", []) for n in data["strike_nouns"]]
            spelled += [(sid, _join(v, d, o)) for o in sense.get("objects", []) for v in data["strike_verbs"]
                        for d in data["object_determiners"]]
            spelled += [(sid, _join(w, "out", p, d, place)) for place in sense.get("places", [])
                        for w in data["walk_verbs"] for p in data["place_prepositions"] for d in data["place_determiners"]]
        # token phrases: lower-cased tokens joined by single spaces, as ``_text.window`` writes a sentence
        self.phrases: list[tuple[str, str]] = list(dict.fromkeys(
            (sid, " ".join(t.lower_ for t in nlp.make_doc(p) if not t.is_space)) for sid, p in spelled))
        self.matcher = phrase_matcher(nlp, "LOWER", self.phrases)
        # "Council strikes £40m waste deal": an object with an amount or modifiers between it and the verb
        # (read on a tagged Doc; a preposition, a verb or a date between them breaks the phrase)
        self.spread = Matcher(nlp.vocab)
        # a spread phrase starts at one of these verbs and is at most ``spread_longest`` tokens long: the Matcher
        # is run only near them (``match_near``), as most sentences have none
        self.spread_verbs = set(data["strike_verbs"]) | set(data["walk_verbs"])
        self.spread_longest = 1
        gap = {"POS": {"IN": ["NUM", "ADJ", "NOUN", "PROPN", "DET", "SYM"]}, "ENT_TYPE": {"NOT_IN": ["DATE", "TIME"]},
               "OP": "{1,4}"}
        quoted = {"LOWER": {"IN": ["'", "‘", "’", '"', "“", "”"]}, "OP": "?"}
        for sense in data["senses"]:
            if sense.get("objects"):
                self._spread(sense["id"], [{"LOWER": {"IN": data["strike_verbs"]}}, gap, {"LOWER": {"IN": sense["objects"]}}])
            if sense.get("places"):   # "walk out of 'farce' meeting"
                self._spread(sense["id"], [{"LOWER": {"IN": data["walk_verbs"]}}, {"LOWER": "out"},
                                           {"LOWER": {"IN": data["place_prepositions"]}}, quoted, gap, quoted,
                                           {"LOWER": {"IN": sense["places"]}}])

    def _spread(self, sense: str, pattern: list[dict]) -> None:
        """Add a spread pattern; its first token must be one of ``spread_verbs`` (exactly once), and no token
        may repeat without bound."""
        if "OP" in pattern[0] or not set(pattern[0]["LOWER"]["IN"]) <= self.spread_verbs:
            raise ValueError(f"a spread pattern of {sense} does not start with a strike or walk verb")
        self.spread.add(sense, [pattern])
        self.spread_longest = max(self.spread_longest, sum(_most(t.get("OP")) for t in pattern))

    def rule(self, sense: str) -> str:
        return f"{self.file}:{sense}"

    def at(self, doc: Doc) -> dict[int, str]:
        """Token index -> sense id of every other-sense phrase in the Doc (objects after modifiers only once it
        is tagged). Found once per Doc and kept on it: strikex_strikes and strikex_disputes both ask."""
        key = ("strikex_other_senses", self.file, doc.has_annotation("TAG"))
        if key not in doc.user_data:
            found = list(self.matcher(doc))
            if key[2]:
                verbs = self.spread_verbs
                found += match_near(self.spread, doc, [i for i, w in enumerate(token_lowers(doc)) if w in verbs],
                                    self.spread_longest)
            doc.user_data[key] = {i: doc.vocab.strings[k] for k, s, e in found for i in range(s, e)}
        return doc.user_data[key]

    def masked(self, doc: Doc) -> set[int]:
        """The tokens of every other-sense phrase in the Doc."""
        return set(self.at(doc))

    def phrase_at(self, doc: Doc, i: int) -> str | None:
        """The sense of the other-sense phrase that holds token ``i`` ("striking out the clause"), if any."""
        return self.at(doc).get(i)

    def modifier(self, words: Iterable[str]) -> str | None:
        return next((self.modifiers[w] for w in words if w in self.modifiers), None)

    def object(self, words: Iterable[str]) -> str | None:
        return next((self.objects[w] for w in words if w in self.objects), None)

    def agent(self, words: Iterable[str]) -> str | None:
        return next((self.agents[w] for w in words if w in self.agents), None)

    def departure(self, preposition: str) -> str | None:
        return self.departures.get(preposition)


def _join(*words: str) -> str:
    return " ".join(w for w in words if w)


def _most(op: str | None) -> int:
    """How many tokens a Matcher token pattern with this operator matches at most."""
    if op in (None, "?", "!", "1"):
        return 1
    bounds = re.fullmatch(r"\{(\d*),?(\d+)\}", op)
    if bounds is None:
        raise ValueError(f"a spread pattern has no bound on its length (OP {op!r})")
    return int(bounds.group(2))
