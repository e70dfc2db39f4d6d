"""strikex_workers: who is in dispute, how many, and the money at stake.

Worker groups are a worker noun with the describing words before it ("social workers", "school support
staff", "105 Council computing staff" → "computing staff", 105), with the employer's and the union's
names, places and bare numbers left out of the name. A group is kept when a sentence about the dispute
(strike or ballot vocabulary, ``models/strikes.json``) names it; its count comes from any sentence that
gives one ("around 105" is approximate). Money is an amount after a currency sign ("£100 million",
"£3,000", "£1.5m"); currency words ("2bn pounds") are not read. Its own word lists: ``models/workers.json``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import COUNCILS, PLACES, UNIONS, token_lowers, token_words
from ..numbers import SCALES, to_number
from ._gazetteer import token_indices
from ._rules import RuleComponent
from ._text import window
from .boilerplate import span_in_boilerplate



@dataclass
class WorkerGroup:
    name: str
    count: int | None = None
    approximate: bool = False
    mentions: list[Span] = field(default_factory=list)
    rule: str | None = None          # "strikes.json:worker_nouns"


@dataclass
class MoneyFound:
    """An amount as the component found it (a span); ``assemble.money`` makes the record's ``Money``."""
    amount: float
    currency: str
    span: Span
    rule: str | None = None          # "workers.json:currency_signs"


class WorkerFinder(RuleComponent):
    def setup(self, nlp: Language, data: dict) -> None:
        lex, own = data["lexicon"], data["words"]
        self.group_rule = f"{self.files['lexicon']}:worker_nouns"
        self.money_rule = f"{self.files['words']}:currency_signs"
        self.nouns = set(lex["worker_nouns"])
        self.stop = set(lex["generic_worker_modifiers"]) | set(own["not_name_words"])
        self.dispute_words = [f" {t} " for t in lex["triggers"] + own["dispute_words"]]
        # "strike action social workers plan": dispute words end a group's describing words
        self.not_describing = {w for t in lex["triggers"] for w in t.split()} | set(own["not_describing"])
        self.approximate = set(own["approximate"])
        self.currencies = own["currency_signs"]
        self.suffix_scales = own["suffix_scales"]

    def group(self, doc: Doc, tok, blocked, places) -> tuple[Span, int | None, bool] | None:
        """The group ending at the worker noun ``tok``: (name span, count, approximate)."""
        start = tok.i
        sent_start = tok.sent.start
        while start > sent_start:
            prev = doc[start - 1]
            # "refuse collectors": the tagger may call "refuse" a verb, the parser still a compound
            if not (prev.pos_ in {"ADJ", "NOUN", "PROPN"} or prev.dep_ in {"amod", "compound"}):
                break
            if prev.like_num or prev.i in blocked or prev.lower_ in self.not_describing:
                break
            start -= 1
        name_start = start
        while name_start < tok.i and (doc[name_start].lower_ in self.stop or name_start in places
                                      or doc[name_start].ent_type_ in {"GPE", "LOC", "ORG"}):
            name_start += 1
        if name_start == tok.i:
            return None  # bare "staff", "workers": not a group
        count, approximate = None, False
        k = start - 1
        while k >= sent_start and (doc[k].i in blocked or doc[k].lower_ in self.stop or doc[k].pos_ == "PROPN"):
            k -= 1  # "105 Council computing staff", "250 Unison members"
        if k >= sent_start and doc[k].like_num:
            value = to_number(doc[k].text)
            if value is not None and value == int(value) and 1 < value < 10_000_000:
                count = int(value)
                approximate = k > sent_start and doc[k - 1].lower_ in self.approximate
        return Span(doc, name_start, tok.i + 1), count, approximate

    def money(self, doc: Doc) -> list[MoneyFound]:
        found = []
        words = token_words(doc)
        for i, word in enumerate(words):
            currency = self.currencies.get(word)
            if currency is None or i + 1 >= len(doc):
                continue
            raw = words[i + 1].lower()
            end = i + 2
            scale = 1.0
            for suffix, factor in self.suffix_scales.items():  # "250k", "2bn"
                if raw.endswith(suffix) and to_number(raw[: -len(suffix)]) is not None:
                    raw, scale = raw[: -len(suffix)], factor
                    break
            value = to_number(raw)
            if value is None:
                continue
            if end < len(doc) and scale == 1.0:
                word = doc[end].lower_
                if word in SCALES:
                    scale, end = SCALES[word], end + 1
                elif word in self.suffix_scales:
                    scale, end = self.suffix_scales[word], end + 1
            span = Span(doc, i, end)
            if not span_in_boilerplate(span):
                found.append(MoneyFound(value * scale, currency, span, self.money_rule))
        return found

    def process(self, doc: Doc) -> Doc:
        blocked = token_indices(doc, UNIONS) | token_indices(doc, COUNCILS)
        places = token_indices(doc, PLACES)
        groups: dict[str, WorkerGroup] = {}
        in_dispute: set[str] = set()
        lowers = token_lowers(doc)
        for sent in doc.sents:
            if span_in_boilerplate(sent):
                continue
            text = window(sent)
            about_dispute = any(w in text for w in self.dispute_words)
            for i in range(sent.start, sent.end):
                if lowers[i] not in self.nouns or doc[i].pos_ not in {"NOUN", "PROPN"}:
                    continue
                tok = doc[i]
                found = self.group(doc, tok, blocked, places)
                if found is None:
                    continue
                span, count, approximate = found
                key = span.text.lower()
                g = groups.setdefault(key, WorkerGroup(key, rule=self.group_rule))
                g.mentions.append(span)
                if count is not None and g.count is None:
                    g.count, g.approximate = count, approximate
                if about_dispute:
                    in_dispute.add(key)
        doc._.workers = [g for k, g in groups.items() if k in in_dispute]
        doc._.money = self.money(doc)
        return doc


@Language.factory("strikex_workers", assigns=["doc._.workers", "doc._.money"], requires=["token.is_sent_start"],
                  default_config={"lexicon": "strikes.json", "words": "workers.json"})
def make_worker_finder(nlp: Language, name: str, lexicon: str, words: str) -> WorkerFinder:
    return WorkerFinder(nlp, name, lexicon=lexicon, words=words)
