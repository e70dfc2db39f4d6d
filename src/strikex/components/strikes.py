"""strikex_strikes: each strike or walk-out mentioned, with its calendar days, union, employer, workers, status.

A sentence that names a strike (``triggers`` in ``models/strikes.json``) is a strike mention. Its strike
days are the day-precise dates in the sentence whose nearest event word is a strike word ("voted to strike
on Monday"), not another event ("a deadline of 4pm yesterday", "due to resume on Monday 11 September") or
the telling ("today told Community Care"); ranges are expanded day by day, and a single start day stretched by a stated length ("a week-long strike
starting on 4 September"). Mentions with the same days are one strike; a mention without days joins the
nearest strike that has them. Status is the furthest along the cues reach: called off > suspended > held
> going ahead > planned > balloting > threatened, ignoring cues under "unless"/"if".
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import COUNCILS, DATES, PLACES, UNIONS
from ..resources import read_json
from ._gazetteer import token_indices
from ._lemmas import Lemmas
from .boilerplate import span_in_boilerplate

STATUS_ORDER = ["called off", "suspended", "held", "going ahead", "planned", "balloting", "threatened"]


@dataclass
class Strike:
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

    @property
    def union(self) -> str | None:
        return self.unions[0] if self.unions else None


def _lower_text(span: Span) -> str:
    return " " + " ".join(t.lower_ for t in span) + " "


class StrikeFinder:
    def __init__(self, nlp: Language, name: str, lexicon: str):
        self.name = name
        self.lemma = Lemmas(nlp)
        self.lex = read_json(lexicon)
        self.triggers = sorted(self.lex["triggers"], key=len, reverse=True)
        self.status_cues = [(status, [(c, re.compile(rf" {re.escape(c)} ")) for c in sorted(cues, key=len, reverse=True)])
                            for status, cues in self.lex["status_cues"]]
        self.strike_words = set(self.lex["strike_words"])
        self.not_strikes = sorted(self.lex["not_strikes"], key=len, reverse=True)
        self.other_events = set(self.lex["not_strike_dates_after"])
        self.determiners = set(self.lex["referring_determiners"])
        self.worker_nouns = set(self.lex["worker_nouns"])
        self.not_worker_words = (set(self.lex["generic_worker_modifiers"]) | {w for t in self.triggers for w in t.split()}
                                 | {"action"})

    def status(self, sent: Span) -> tuple[str | None, str | None]:
        """The furthest-along status a cue in the sentence states. A cue under a condition ("unless the union
        called off", "will be called off if ...") or a negation ("no dates have been set") states nothing;
        dates are masked first, so the month "May" is not the modal "may"."""
        doc = sent.doc
        in_date = token_indices(doc, DATES)
        tokens = ["<date>" if t.i in in_date else t.lower_ for t in sent]
        text = " " + " ".join(tokens) + " "
        for status, cues in self.status_cues:
            for cue, rx in cues:
                if f" {cue} " not in text:
                    continue
                for m in rx.finditer(text):
                    before = text[: m.start()].split()
                    after = text[m.end():].split()
                    if _any_phrase(before[-6:], self.lex["conditional_before"]):
                        continue
                    if status not in {"threatened", "balloting"} and _any_phrase(after[:3], self.lex["conditional_after"]):
                        continue  # "will be called off if the council ..." states a condition, not a fact
                    if status == "called off" and _any_phrase(before[-8:], self.lex["conditional_before_call_off"]):
                        continue  # "threatened legal action unless the union called off ..."
                    if status != "called off" and _any_phrase(before[-2:], self.lex["negation_before"]):
                        continue
                    return status, cue
        return None, None

    def strike_days(self, doc: Doc, sent: Span, need_strike_word: bool = False) -> tuple[list[dt.date], list[Span], list[Span]]:
        days: list[dt.date] = []
        unresolved: list[Span] = []
        used: list[Span] = []
        ref_span = doc._.reference_date_span
        for date in doc.spans.get(DATES, []):
            if not (sent.start <= date.start < sent.end) or (ref_span is not None and date.start == ref_span.start):
                continue
            value = date._.date_value
            event = self.nearest_event(doc, sent, date)
            if event == "other" or (need_strike_word and event != "strike"):
                continue
            if value is None or value.granularity != "day" or self.reported_on(date) or self.owned_by_other_event(date):
                continue
            if value.date is None:
                unresolved.append(date)
                continue
            found = value.days()
            if len(found) == 1:
                found = self.stretch(doc, sent, date, found[0])
            days.extend(found)
            used.append(date)
        return sorted(set(days)), unresolved, used

    def refers_back(self, sent: Span) -> bool:
        """'the strike will go ahead', 'this action': a mention that points at a strike already named."""
        dets = self.determiners
        words = self.strike_words - {"out", "tools"}
        for tok in sent:
            if tok.lower_ in words and tok.pos_ in {"NOUN", "PROPN"}:
                left = [t.lower_ for t in sent.doc[max(sent.start, tok.i - 3): tok.i]]
                if any(w in dets for w in left):
                    return True
        return False

    def mask(self, text: str) -> str:
        for phrase in self.not_strikes:
            text = text.replace(f" {phrase} ", " " + "_" * len(phrase) + " ")
        return text

    @staticmethod
    def has_trigger(sent: Span, triggers, text: str | None = None) -> bool:
        text = (text or _lower_text(sent)).replace(" - ", "-")
        return any(f" {t} " in text for t in triggers)

    def owned_by_other_event(self, date: Span) -> bool:
        """'today's vote', 'Monday's meeting': a possessive date belongs to the thing it qualifies."""
        doc = date.doc
        if date.end < len(doc) and doc[date.end].lower_ in {"'s", "’s", "'"}:
            noun = doc[date.end + 1: date.end + 3]
            return not any(f" {t.lower_} " in " " + " ".join(self.triggers) + " " for t in noun)
        return False

    def nearest_event(self, doc: Doc, sent: Span, date: Span) -> str | None:
        """What the date is attached to, read leftwards: "strike" ("voted to strike on Monday"), "other" ("a
        deadline of 4pm yesterday", "not due to resume until Monday 11 September"), or None."""
        strike_words, other = self.strike_words, self.other_events
        for i in range(date.start - 1, sent.start - 1, -1):
            word = doc[i].lower_
            if word in strike_words:
                # "its ballot result for strikes on Monday": the strike is what the result is about
                j = i - 1
                if j > sent.start and doc[j].lower_ in {"for", "over", "on", "of"} and \
                        doc[j - 1].pos_ == "NOUN" and doc[j - 1].lower_ in other:
                    return "other"
                return "strike"
            if word in other:
                return "other"
        # nothing before it: "On 3 May, bin crews will strike" - unless the strike is in a contrasting clause
        # ("parking isn't free today, despite wardens being on strike")
        for i in range(date.end, sent.end):
            word = doc[i].lower_
            if word in strike_words:
                return None
            if word in self.lex["contrast_words"]:
                return "other"
        return None

    def reported_on(self, date: Span) -> bool:
        """'today told Community Care the strike will go ahead': the date of the telling, not of the strike."""
        head = date.root.head
        for _ in range(3):
            if head.pos_ in {"VERB", "AUX"}:
                return self.lemma(head) in self.lex["reporting_verbs"]
            if head.head.i == head.i:
                break
            head = head.head
        return False

    def running_days(self, doc: Doc, sent: Span) -> list[dt.date]:
        """'the 48-hour action entered its second day' (said on the reference date): the strike began the day
        before, and lasts as long as stated."""
        ref = doc._.reference_date
        words = [t.lower_ for t in sent]
        if ref is None:
            return []
        for k in range(len(words) - 2):
            if words[k] in {"its", "the"} and words[k + 2] == "day" and words[k + 1] in self.lex["day_ordinals"] \
                    and k > 0 and words[k - 1] in {"entered", "enters", "entering", "into", "on"}:
                n = self.lex["day_ordinals"][words[k + 1]]
                text = _lower_text(sent).replace(" - ", "-")
                length = next((v for w, v in self.lex["durations"].items() if f" {w} " in text), None)
                if n == 0:  # "its final day"
                    n = length or 1
                start = ref - dt.timedelta(n - 1)
                return [start + dt.timedelta(i) for i in range(max(n, length or n))]
        return []

    def stretch(self, doc: Doc, sent: Span, date: Span, day: dt.date) -> list[dt.date]:
        """'a week-long strike starting on 4 September' → 7 days from the 4th."""
        text = _lower_text(sent).replace(" - ", "-")
        before = _lower_text(doc[max(sent.start, date.start - 3): date.start])
        if not any(f" {c} " in before for c in self.lex["start_cues"]):
            return [day]
        for word, length in sorted(self.lex["durations"].items(), key=lambda kv: -len(kv[0])):
            if f" {word} " in text or f" {word}" in text:
                return [day + dt.timedelta(n) for n in range(length)]
        m = re.search(r" (\d+|two|three|four|five|six|seven|eight|nine|ten) (days|weeks) ", text)
        if m:
            from ..numbers import to_number
            n = int(to_number(m.group(1)) or 1) * (7 if m.group(2) == "weeks" else 1)
            return [day + dt.timedelta(k) for k in range(min(n, 62))]
        return [day]

    def workers(self, sent: Span) -> Span | None:
        """The first group of workers named with a modifier ("social workers", "bin crews", "school support
        staff"): the worker noun and the describing words right before it."""
        nouns, stop = self.worker_nouns, self.not_worker_words
        doc = sent.doc
        blocked = token_indices(doc, UNIONS) | token_indices(doc, COUNCILS)
        places = token_indices(doc, PLACES)
        for tok in sent:
            if tok.lower_ not in nouns or tok.pos_ not in {"NOUN", "PROPN"}:
                continue
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

    def __call__(self, doc: Doc) -> Doc:
        unions = list(doc.spans.get(UNIONS, []))
        councils = list(doc.spans.get(COUNCILS, []))
        primary_union = doc._.main_union
        primary_council = doc._.main_council
        anchored: list[Strike] = []
        loose: list[tuple[Span, Strike]] = []
        sents = [s for s in doc.sents if not span_in_boilerplate(s)]
        # "a lightning strike", "a hunger strike": not industrial action; masked before the triggers are looked for
        texts = {s.start: self.mask(_lower_text(s)) for s in sents}
        strong = {s.start for s in sents if self.has_trigger(s, self.triggers, texts[s.start])}
        for sent in sents:
            weak = False
            if sent.start not in strong:
                # in a story about a strike, "the co-ordinated action ... from Tuesday 26 to Thursday 28 September"
                if not strong or not self.has_trigger(sent, self.lex["weak_triggers"], texts[sent.start]):
                    continue
                weak = True
            days, unresolved, used = self.strike_days(doc, sent, need_strike_word=weak)
            days = days or self.running_days(doc, sent)
            if weak and not days:
                continue
            status, cue = self.status(sent)
            strike = Strike(days=days, unresolved=unresolved, day_spans=used, status=status, status_cue=cue, mentions=[sent])
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
            else:
                loose.append((sent, strike))
        strikes = anchored
        if not anchored and loose:
            strikes = [loose[0][1]]
            for _, s in loose[1:]:
                _merge(strikes[0], s)
        else:
            for sent, s in loose:
                target = min(anchored, key=lambda a: min(abs(m.start - sent.start) + (0 if m.start <= sent.start else 1)
                                                         for m in a.mentions))
                _merge(target, s, status_only_if_unknown=not self.refers_back(sent))
        for s in strikes:
            s.mentions.sort(key=lambda m: m.start)
            s.unions = s.unions or ([primary_union] if primary_union else [])
            s.employer = s.employer or primary_council
            if s.workers_span is not None:
                s.workers = s.workers_span.text.lower()
        doc._.strikes = strikes
        return doc


def _any_phrase(words: list[str], phrases) -> bool:
    text = " " + " ".join(words) + " "
    return any(f" {p} " in text for p in phrases)


def _merge(into: Strike, other: Strike, status_only_if_unknown: bool = False) -> None:
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
    if other.status and (into.status is None or STATUS_ORDER.index(other.status) < STATUS_ORDER.index(into.status)):
        into.status, into.status_cue = other.status, other.status_cue


@Language.factory(
    "strikex_strikes",
    assigns=["doc._.strikes"],
    requires=["token.is_sent_start"],
    default_config={"lexicon": "strikes.json"},
)
def make_strike_finder(nlp: Language, name: str, lexicon: str) -> StrikeFinder:
    return StrikeFinder(nlp, name, lexicon)
