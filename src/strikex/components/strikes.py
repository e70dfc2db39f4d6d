"""strikex_strikes: each strike or walk-out mentioned, with its calendar days, union, employer, workers, status.

A sentence that names a strike (``triggers`` in ``models/strikes.json``) is a strike mention; in a story
about a strike, a sentence with a weaker word ("the co-ordinated action") is one too when it gives strike
days. Its days come from ``strike_days``, its status from ``strike_status``. Mentions with the same days
are one strike; a mention without days joins the nearest strike that has them. Union and employer are the
ones the mentions name, else the article's main union and council.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import COUNCILS, PLACES, UNIONS, token_lowers
from ._gazetteer import phrase_matcher, token_indices
from ._rules import RuleComponent
from ._text import has_cue, window
from .boilerplate import span_in_boilerplate
from .strike_days import DayReader
from .senses import FILE as SENSES, other_senses
from .strike_status import StatusReader, further

__all__ = ["StrikeFinder", "StrikeFound"]


@dataclass
class StrikeFound:
    """A strike as the component finds it; ``assemble.strikes`` makes the output record from it."""
    days: list[dt.date] = field(default_factory=list)
    unresolved: list[Span] = field(default_factory=list)   # date spans the text gives but the reference cannot fix
    day_spans: list[Span] = field(default_factory=list)
    unions: list[str] = field(default_factory=list)
    employer: str | None = None
    workers: str | None = None
    workers_span: Span | None = None
    status: str | None = None
    status_cue: str | None = None
    mentions: list[Span] = field(default_factory=list)   # sentences
    rule: str | None = None        # "strikes.json:triggers": the word list that made its first mention a strike

    @property
    def union(self) -> str | None:
        return self.unions[0] if self.unions else None


class StrikeFinder(RuleComponent):
    def setup(self, nlp: Language, data: dict) -> None:
        self.lex = data["lexicon"]
        self.triggers = sorted(self.lex["triggers"], key=len, reverse=True)
        self.days = DayReader(nlp, self.lex, self.triggers)
        self.status = StatusReader(self.lex)
        self.strike_words = set(self.lex["strike_words"])
        self.senses = other_senses(nlp, data["senses"], self.files["senses"])
        # "a boycott – action short of a strike – from Monday": a real dispute, but no strike in those words
        self.short_of_strike = phrase_matcher(nlp, "LOWER", [("asos", p) for p in self.lex["short_of_strike"]])
        self.determiners = set(self.lex["referring_determiners"])
        self.worker_nouns = set(self.lex["worker_nouns"])
        self.not_worker_words = (set(self.lex["generic_worker_modifiers"]) | {w for t in self.triggers for w in t.split()}
                                 | set(self.lex["not_worker_modifiers"]))

    def refers_back(self, sent: Span) -> bool:
        """'the strike will go ahead', 'this action': a mention that points at a strike already named."""
        dets = self.determiners
        words = self.strike_words - set(self.lex["not_referring_strike_words"])
        lowers = token_lowers(sent.doc)
        for i in range(sent.start, sent.end):
            if lowers[i] in words and sent.doc[i].pos_ in {"NOUN", "PROPN"}:
                left = lowers[max(sent.start, i - 3): i]
                if any(w in dets for w in left):
                    return True
        return False

    def settles(self, sent: Span, strike: StrikeFound) -> bool:
        """'A two-day strike by school staff has been called off': a mention without days that calls off or
        suspends a strike (``settling_statuses``) tells the fate of the strike it joins, unless it names
        another one ('a further walk-out has been suspended', ``other_strike_words``). Only when no strike
        with days is called off or suspended already: then the mention is about that one."""
        if strike.status not in self.lex["settling_statuses"]:
            return False
        return not any(t.lower_ in self.lex["other_strike_words"] for t in sent)

    def continues(self, sent: Span) -> bool:
        """'They will be joined by ...', 'Then 3 and 5 March as well', 'Further days have been named as ...':
        a sentence right after one with strike days that goes on about the same strike."""
        words = [t.lower_ for t in sent if not t.is_space][:2]
        return bool(words) and (words[0] in self.lex["continuation_openers"] or " ".join(words) in self.lex["continuation_openers"])

    @staticmethod
    def heading(sent: Span) -> bool:
        """'Strike period:', 'Dates of action:': a short strike line ending in a colon heads the line after it."""
        words = [t for t in sent if not t.is_space]
        return 1 < len(words) <= 6 and words[-1].text == ":"

    def weekdays_only(self, sent: Span) -> bool:
        text = window(sent)
        return has_cue(text, self.lex["weekday_words"]) and has_cue(text, self.lex["period_back_references"])

    def effect(self, sent: Span, n: int, sents: list[Span], strong: set[int]) -> bool:
        """'No household waste collections will take place between Monday 10 May and Friday 28 May': the
        service the strike stops, said within three sentences after a strike mention."""
        if not any(s.start in strong for s in sents[max(0, n - 3): n]):
            return False
        words = set(token_lowers(sent.doc)[sent.start:sent.end])
        return bool(words & set(self.lex["negation_before"])) and bool(words & set(self.lex["stopped_services"]))

    @staticmethod
    def has_trigger(sent: Span, triggers, text: str | None = None) -> bool:
        text = (text or window(sent)).replace(" - ", "-")
        return any(f" {t} " in text for t in triggers)

    def workers(self, sent: Span) -> Span | None:
        """The first group of workers named with a modifier ("social workers", "bin crews", "school support
        staff"): the worker noun and the describing words right before it."""
        nouns, stop = self.worker_nouns, self.not_worker_words
        doc = sent.doc
        blocked = token_indices(doc, UNIONS) | token_indices(doc, COUNCILS)
        places = token_indices(doc, PLACES)
        lowers = token_lowers(doc)
        for i in range(sent.start, sent.end):
            if lowers[i] not in nouns or doc[i].pos_ not in {"NOUN", "PROPN"}:
                continue
            tok = doc[i]
            start = tok.i
            while start > sent.start:
                prev = doc[start - 1]
                describes = prev.pos_ in {"ADJ", "NOUN", "PROPN"} or (prev.tag_ == "VBG" and prev.dep_ in {"amod", "compound"})
                if not describes or prev.lower_ in stop or prev.i in blocked or prev.like_num:
                    break
                start -= 1
            while start < tok.i - 1 and (doc[start].ent_type_ in {"GPE", "LOC"} or start in places):
                start += 1  # "Glasgow bin workers": the place is not who they are
            if start < tok.i:  # "social workers", not bare "staff"
                return Span(doc, start, tok.i + 1)
        return None

    def process(self, doc: Doc) -> Doc:
        unions = list(doc.spans.get(UNIONS, []))
        councils = list(doc.spans.get(COUNCILS, []))
        primary_union = doc._.main_union
        primary_council = doc._.main_council
        anchored: list[StrikeFound] = []
        loose: list[tuple[Span, StrikeFound]] = []
        sents = [s for s in doc.sents if not span_in_boilerplate(s)]
        # "a lightning strike", "a hunger strike" (models/other_senses.json): not industrial action; masked
        # before the triggers are looked for
        masked = self.senses.masked(doc) | {i for _, a, b in self.short_of_strike(doc) for i in range(a, b)}
        lowers = token_lowers(doc)
        texts = {s.start: window("_" if i in masked else lowers[i] for i in range(s.start, s.end)) for s in sents}
        strong = {s.start for s in sents if self.has_trigger(s, self.triggers, texts[s.start])}
        previous: dt.date | None = None   # the last single start day a mention gave
        last_with_days = -2
        last: tuple[StrikeFound, list[dt.date]] | None = None   # the strike that got days last, and those days
        for n, sent in enumerate(sents):
            kind = "triggers"
            if last is not None and self.weekdays_only(sent):
                # "... will not work on any weekday during that period": the run before keeps Monday to Friday
                last[0].days = [d for d in last[0].days if d.weekday() < 5 or d not in last[1]]
            if sent.start not in strong:
                # in a story about a strike, "the co-ordinated action ... from Tuesday 26 to Thursday 28 September"
                if strong and self.has_trigger(sent, self.lex["weak_triggers"], texts[sent.start]):
                    kind = "weak_triggers"
                elif (last_with_days == n - 1 and self.continues(sent)) or (strong and self.effect(sent, n, sents, strong)) \
                        or (n > 0 and sents[n - 1].start in strong and self.heading(sents[n - 1])):
                    kind = "continuation"   # "They will be joined by ... between 12 and 14 May"
                else:
                    continue
            weak = kind == "weak_triggers"
            days, unresolved, used = self.days(doc, sent, need_strike_word=weak, previous=previous,
                                               continuation=kind == "continuation")
            days = sorted(set(days) | set(self.days.running_days(doc, sent)))
            if kind != "triggers" and not days:
                continue
            if days:
                last_with_days = n
                previous = days[0] if len(days) == 1 else previous
            status, cue = self.status(sent)
            strike = StrikeFound(days=days, unresolved=unresolved, day_spans=used, status=status, status_cue=cue,
                                 mentions=[sent], rule=f"{self.files['lexicon']}:{kind}")
            strike.unions = list(dict.fromkeys(u._.canonical for u in unions if sent.start <= u.start < sent.end))
            employers = [c._.canonical for c in councils if sent.start <= c.start < sent.end]
            strike.employer = employers[0] if employers else None
            strike.workers_span = self.workers(sent)
            if days or unresolved:
                same = next((s for s in anchored if s.days == days and days), None)
                if same:
                    _merge(same, strike)
                else:
                    anchored.append(strike)
                last = (same or strike, days)
            else:
                loose.append((sent, strike))
        strikes = anchored
        if not anchored and loose:
            strikes = [loose[0][1]]
            for _, s in loose[1:]:
                _merge(strikes[0], s)
        else:
            settled = any(a.status in self.lex["settling_statuses"] for a in anchored)
            for sent, s in loose:
                target = min(anchored, key=lambda a: min(abs(m.start - sent.start) + (0 if m.start <= sent.start else 1)
                                                         for m in a.mentions))
                told = self.refers_back(sent) or (not settled and self.settles(sent, s))
                _merge(target, s, status_only_if_unknown=not told)
        for s in strikes:
            s.mentions.sort(key=lambda m: m.start)
            s.unions = s.unions or ([primary_union] if primary_union else [])
            s.employer = s.employer or primary_council
            if s.workers_span is not None:
                s.workers = s.workers_span.text.lower()
        doc._.strikes = strikes
        return doc


def _merge(into: StrikeFound, other: StrikeFound, status_only_if_unknown: bool = False) -> None:
    """Fold one mention into a strike. A mention without days (``status_only_if_unknown``) may be about
    another strike ("walked out for 11 days last summer"), so it gives its status only to a strike that
    has none of its own."""
    into.mentions.extend(m for m in other.mentions if m not in into.mentions)
    into.days = sorted(set(into.days) | set(other.days))
    into.day_spans.extend(other.day_spans)
    into.unresolved.extend(other.unresolved)
    into.unions.extend(u for u in other.unions if u not in into.unions)
    into.employer = into.employer or other.employer
    into.workers_span = into.workers_span or other.workers_span
    if status_only_if_unknown and into.status is not None:
        return
    if further(other.status, into.status):
        into.status, into.status_cue = other.status, other.status_cue


@Language.factory(
    "strikex_strikes",
    assigns=["doc._.strikes"],
    requires=["token.is_sent_start"],
    default_config={"lexicon": "strikes.json", "senses": SENSES},
)
def make_strike_finder(nlp: Language, name: str, lexicon: str, senses: str) -> StrikeFinder:
    return StrikeFinder(nlp, name, lexicon=lexicon, senses=senses)
