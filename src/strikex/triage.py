"""The triage gate: a cheap first pass over the tokens that decides whether an article needs the
statistical pipeline at all.

Runs on ``nlp.make_doc(text)`` (tokenizer only, ~50× cheaper than the tagger, parser and NER) with phrase
matchers for dispute vocabulary (``models/triage.json``) and the union gazetteer (``models/unions.jsonl``).
An article is relevant when it has a strong dispute phrase ("industrial action", "walkout", "on strike"),
an ambiguous one ("strike", "walked out") with a weak one or a union, or a weak one ("ballot",
"dispute", "talks") together with a named union. Phrases that only look like
disputes ("lightning strike", "strike a balance": ``models/other_senses.json``, the list strikex_strikes and
strikex_disputes read too) do not count, and in an article that tells of another kind of strike ("a lightning
strike"), "the strike" in a sentence without workers, pay or a ballot is that same strike: it counts only with a
union named (``same_strike``; ``families`` in triage.json). Boilerplate (cookie banners, "Related
articles" lists, where other stories' strike headlines sit) is left out first, by the same rules the
boilerplate component uses.

Before the boilerplate rules and the matchers, a regular expression of the same phrases (``prefilter``)
looks at the raw text: every relevant verdict needs a strong, ambiguous or weak phrase, so a text in which
none of them occurs even as a substring is turned away at once, with the verdict the matchers would give
("no dispute vocabulary"). ``turn_away`` does the same on the raw text before the tokenizer (the tokenizer
is most of what a turned-away article costs): it also needs the language test's answer, which reads the
tokens, so it decides only when bounds from the raw text settle it (``language_bounds``: at least so many
common English words, at most so many words), and leaves the rest to the tokens. Either way the verdict is
the one the tokens would give.

Text that is not English (few of its words are common English words, e.g. a Welsh article) is turned
away too, with ``language: "non-en"`` and a warning, rather than read into nonsense records.

Not a pipeline component: ``pipeline.run`` calls it before the statistical components, which then run
only on the articles it lets through.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from collections import Counter
from itertools import groupby

import numpy
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .components._gazetteer import phrase_matcher
from .components.boilerplate import Boilerplate
from .components.senses import FILE as SENSES, other_senses
from .components.unions import union_matchers
from .extensions import doc_text
from .resources import read_json, read_jsonl


@dataclass(frozen=True)
class Verdict:
    relevant: bool
    reason: str          # the evidence, for the record's reader: 'strike' + 'UNISON', or why not
    language: str = "en"  # "en", or "non-en" for text that is not English (then not relevant)


LETTER = r"[^\W\d_]"


def phrase_regex(nlp: Language, phrases: list[str], bounded: bool = False) -> "re.Pattern":
    """A regular expression that finds, in a lower-cased text, every place the LOWER PhraseMatcher of
    ``phrases`` can match (and more): each phrase's tokens joined by optional white space (only a token's
    trailing white space lies between two tokens). The phrases are folded into a tree of their characters,
    so that the search tries each letter once rather than each phrase in turn; where a phrase may end
    anywhere, a longer one that contains it ("strike action", "strike") needs no branch of its own, since
    the search only asks whether one occurs.

    Unbounded (the prefilter), a phrase may begin and end inside a word. ``bounded``, not next to a letter:
    a token boundary between two letters is only ever a tokenizer special case's ("c'mon" is "c'm" + "on"),
    so a phrase whose first (last) token can be such a piece keeps no boundary on that side."""
    starts, ends = special_pieces(nlp) if bounded else (set(), set())
    trees: dict[bool, dict] = {True: {}, False: {}}   # by whether the phrase must not follow a letter
    for phrase in phrases:
        tokens = [t.lower_ for t in nlp.make_doc(phrase)]
        if not tokens:
            continue
        node = trees[bounded and tokens[0] not in starts]
        for i, token in enumerate(tokens):
            for unit in ([r"\s*"] if i else []) + [re.escape(c) for c in token]:
                node = node.setdefault(unit, {})
        node["(?!" + LETTER + ")" if bounded and tokens[-1] not in ends else ""] = {}   # a phrase ends here

    def pattern(node: dict) -> str:
        if "" in node or not node:
            return ""
        branches = [unit + pattern(child) for unit, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    parts = [("(?<!" + LETTER + ")" if behind else "") + pattern(tree) for behind, tree in trees.items() if tree]
    return re.compile("|".join(parts) if parts else "(?!)")


def prefilter(nlp: Language, phrases: list[str]) -> "re.Pattern":
    return phrase_regex(nlp, phrases)


def special_pieces(nlp: Language) -> tuple[set[str], set[str]]:
    """(tokens that begin, tokens that end, between two letters), lower-cased: the pieces of the tokenizer's
    special cases that split a run of letters ("cannot" is "can" + "not")."""
    from spacy.attrs import ORTH

    starts, ends = set(), set()
    for key, pieces in nlp.tokenizer.rules.items():
        at = 0
        for piece in pieces:
            orth = piece.get(ORTH, piece.get("ORTH", ""))
            a, at = at, at + len(orth)
            if 0 < a < len(key) and key[a - 1].isalpha() and key[a].isalpha():
                starts.add(orth.lower())
            if 0 < at < len(key) and key[at - 1].isalpha() and key[at].isalpha():
                ends.add(orth.lower())
    return starts, ends


LETTERS = re.compile(r"[^\W\d_]+")   # runs of letters (and, rarely, numerals that are not digits: see below)


def split_runs(nlp: Language) -> dict[str, int]:
    """For each run of letters (lower-cased) that a tokenizer special case can split into several tokens ("cannot"
    is "can" + "not", "gonna" "gon" + "na"), the most tokens it can become. Nothing else in the tokenizer
    splits a run of letters: its prefixes, suffixes and infixes are punctuation, symbols, or units after a digit."""
    from spacy.attrs import ORTH

    most: dict[str, int] = {}
    for key, pieces in nlp.tokenizer.rules.items():
        if len(pieces) < 2:
            continue
        bounds, at = [], 0
        for piece in pieces:
            orth = piece.get(ORTH, piece.get("ORTH", ""))
            bounds.append((at, at + len(orth)))
            at += len(orth)
        for run in LETTERS.finditer(key):
            n = sum(a < run.end() and run.start() < b for a, b in bounds)
            if n > 1:
                most[run.group().lower()] = max(n, most.get(run.group().lower(), 0))
    return most


class Triage:
    def __init__(self, nlp: Language, lexicon: str = "triage.json", unions: str = "unions.jsonl",
                 boilerplate: str = "boilerplate.jsonl", senses: str = SENSES):
        lex = read_json(lexicon)
        sense_data = read_json(senses)
        other = other_senses(nlp, sense_data, senses).phrases   # (sense id, phrase), shared with the components
        # the senses that are another kind of strike ("a lightning strike", "a rent strike"), not a figure of speech
        events = {sense["id"] for sense in sense_data["senses"] if sense.get("modifiers")}
        self.prefilter = prefilter(nlp, [p for kind in ("strong", "ambiguous", "weak") for p in lex[kind]])
        self.vocabulary = phrase_matcher(nlp, "LOWER", [(kind, p) for kind in ("strong", "ambiguous", "weak")
                                                         for p in lex[kind]]
                                         + [("other_event" if sid in events else "not_strong", p) for sid, p in other])
        # the union matchers and boilerplate rules of the pipeline's own components, built once
        if "strikex_unions" in nlp.pipe_names:
            finder = nlp.get_pipe("strikex_unions")
            self.unions_lower, self.unions_cased = finder.lower, finder.cased
        else:
            self.unions_lower, self.unions_cased = union_matchers(nlp, read_jsonl(unions))
        if "strikex_boilerplate" in nlp.pipe_names:
            self.boilerplate = nlp.get_pipe("strikex_boilerplate")
        else:
            self.boilerplate = Boilerplate(nlp, "triage_boilerplate", rules_file=boilerplate)
            self.boilerplate.initialize()
        # on the raw text (turn_away): the phrases that can decide alone, the union names, where a weak one may be
        names = finder.data["gazetteer"] if "strikex_unions" in nlp.pipe_names else read_jsonl(unions)
        self.decisive = phrase_regex(nlp, lex["strong"] + lex["ambiguous"], bounded=True)
        self.union_names = phrase_regex(nlp, [a for e in names for a in e["aliases"] + e["cased_aliases"]], bounded=True)
        self.weak_words = phrase_regex(nlp, lex["weak"], bounded=True)
        longest = max(len(nlp.make_doc(p)) for p in lex["weak"])
        self.window = re.compile(r"\S+(?:\s+\S+){0,%d}" % (longest - 1))
        self.make_doc = nlp.make_doc
        self.family = {w: name for name, words in lex["families"].items() if name != "note" for w in words}
        self.anaphoric = set(lex["anaphoric"])
        self.english_words = set(lex["english_words"])
        self.english_ids = numpy.array(sorted(get_string_id(w) for w in self.english_words), dtype="uint64")
        self.english = lex["english"]
        self.split_runs = split_runs(nlp)
        self.counted = self.english_words - {k.lower() for k in nlp.tokenizer.rules}
        self.strong, self.ambiguous, self.weak, self.not_strong, self.other_event = (
            nlp.vocab.strings[k] for k in ("strong", "ambiguous", "weak", "not_strong", "other_event"))

    def english_share(self, doc: Doc) -> tuple[int, float]:
        """(words, share of them that are common English words): a cheap test of the language, read from the
        Doc's token columns (IS_ALPHA, LOWER) rather than Token objects."""
        from spacy.attrs import IS_ALPHA, LOWER

        if not len(doc):
            return 0, 0.0
        cols = doc.to_array([IS_ALPHA, LOWER])
        words = cols[cols[:, 0] == 1, 1]
        if not len(words) or not len(self.english_ids):
            return len(words), 0.0
        # membership by binary search in the sorted ids (``numpy.isin`` sorts them again on every call, and its
        # first call imports numpy.ma, ~10 ms of a cold start)
        ids = self.english_ids
        at = numpy.minimum(numpy.searchsorted(ids, words), len(ids) - 1)
        return len(words), float((ids[at] == words).sum()) / len(words)

    def language_bounds(self, lowered: str) -> tuple[int, int]:
        """(at most how many words, at least how many of them common English words) ``english_share`` finds in
        the tokens of a text, from the text lower-cased. A word (an alphabetic token) lies inside one run of
        letters, and a run is one token unless a special case splits it (``split_runs``). A chunk between white
        space that is a common English word is one token of its own (no special case is one: ``counted``)."""
        runs = LETTERS.findall(lowered)
        if "".join(runs).isalpha():
            words = len(runs)
            counts = Counter(runs)
            words += sum((self.split_runs[r] - 1) * counts[r] for r in counts.keys() & self.split_runs.keys())
        else:  # a numeral that is not a digit ("²") inside a run: count the runs of real letters, a letter each
            words = sum(len(list(g)) for run in runs for alpha, g in groupby(run, str.isalpha) if alpha)
        chunks = Counter(lowered.split())
        return words, sum(chunks[w] for w in self.counted)

    def turn_away(self, text: str) -> Verdict | None:
        """The verdict on ``text`` without tokenizing it, when the raw text settles it; None when the tokens are
        needed (then call the gate on the Doc). It settles texts that are English (by ``language_bounds``) and
        have no dispute vocabulary at all, or no strong or ambiguous phrase and no union name: then the verdict
        names the first weak phrase outside boilerplate (``first_weak``), as the matchers would."""
        lowered = text.lower()
        if self.prefilter is None:
            return None
        vocabulary = self.prefilter.search(lowered) is not None
        if vocabulary and (len(lowered) != len(text) or self.decisive.search(lowered) or self.union_names.search(lowered)):
            return None
        words, common = self.language_bounds(lowered)
        if words >= self.english["min_words"] and common / words < self.english["min_share"]:
            return None
        return Verdict(False, self.first_weak(text, lowered) if vocabulary else "no dispute vocabulary")

    def first_weak(self, text: str, lowered: str) -> str:
        """The reason the matchers give a text with no strong or ambiguous phrase and no union: its first weak
        phrase outside boilerplate, found by tokenizing only the few words from each place one may begin (the
        tokenizer splits at white space first, so those words are tokenized as in the whole text)."""
        ranges = self.boilerplate.ranges(text)
        seen = set()
        found = self.weak_words.search(lowered)
        while found is not None:
            start = found.start()
            while start > 0 and not text[start - 1].isspace():
                start -= 1
            if start not in seen:
                seen.add(start)
                window = self.window.match(text, start)
                first = len(text[start:].split(None, 1)[0])   # the word the phrase begins in
                doc = self.make_doc(window.group())
                for k, s, e in self.vocabulary(doc):
                    if k != self.weak or doc[s].idx >= first:
                        continue
                    begin, end = start + doc[s].idx, start + doc[e - 1].idx + len(doc[e - 1])
                    if not any(b0 < end and begin < b1 for b0, b1, _ in ranges):
                        return f"{doc[s:e].text!r} but no union"
            found = self.weak_words.search(lowered, found.start() + 1)
        return "no dispute vocabulary"

    def same_strike(self, doc: Doc, s: int, e: int, events: set[str], weak: list[tuple[int, int]]) -> bool:
        """Whether the ambiguous mention ``doc[s:e]`` is the other kind of strike the article told of before
        ("a lightning strike ... the strike hit the spire"): a strike word of that family after an anaphoric
        determiner, with no weak word (workers, pay, a ballot) in its sentence (read from the punctuation,
        the gate has no parse)."""
        if not s or doc[s - 1].lower_ not in self.anaphoric or self.family.get(doc[s].lower_) not in events:
            return False
        first, last = s, e
        while first > 0 and not (doc[first - 1].text in {".", "!", "?"} or "\n" in doc[first - 1].text):
            first -= 1
        while last < len(doc) and not (doc[last].text in {".", "!", "?"} or "\n" in doc[last].text):
            last += 1
        return not any(first <= ws < last for ws, _ in weak)

    def __call__(self, doc: Doc) -> Verdict:
        words, share = self.english_share(doc)
        if words >= self.english["min_words"] and share < self.english["min_share"]:
            return Verdict(False, f"not English ({share:.0%} of {words} words are common English words)", "non-en")
        if self.prefilter is not None and not self.prefilter.search(doc_text(doc).lower()):
            return Verdict(False, "no dispute vocabulary")
        ranges = doc._.boilerplate = self.boilerplate.ranges(doc_text(doc))  # kept for the boilerplate component

        def story(matches):  # (key, start, end) outside boilerplate
            return [(k, s, e) for k, s, e in matches
                    if not any(b0 < doc[e - 1].idx + len(doc[e - 1]) and doc[s].idx < b1 for b0, b1, _ in ranges)]

        found = story(self.vocabulary(doc))
        masked = {i for k, s, e in found if k in (self.not_strong, self.other_event) for i in range(s, e)}
        def unmasked(kind):
            return [(s, e) for k, s, e in found if k == kind and not any(i in masked for i in range(s, e))]

        strong = unmasked(self.strong)
        if strong:
            s, e = strong[0]
            return Verdict(True, f"dispute phrase {doc[s:e].text!r}")
        weak = unmasked(self.weak)   # "striking out the clause": a weak word inside another sense does not count
        unions = story(self.unions_lower(doc) + self.unions_cased(doc))
        ambiguous = unmasked(self.ambiguous)
        if ambiguous and not unions:   # "a lightning strike ... the strike hit the spire": the article's own sense
            events = {self.family.get(doc[i].lower_) for k, s, e in found if k == self.other_event
                      for i in range(s, e)} - {None}
            if events:
                ambiguous = [(s, e) for s, e in ambiguous if not self.same_strike(doc, s, e, events, weak)]
        if ambiguous and (weak or unions):
            (s, e), (ws, we) = ambiguous[0], weak[0] if weak else unions[0][1:]
            return Verdict(True, f"dispute phrase {doc[s:e].text!r} with {doc[ws:we].text!r}")
        if weak and unions:
            (ws, we), (_, us, ue) = weak[0], unions[0]
            return Verdict(True, f"{doc[ws:we].text!r} and the union {doc[us:ue].text!r}")
        return Verdict(False, "no dispute vocabulary" if not weak else f"{doc[weak[0][0]:weak[0][1]].text!r} but no union")
