"""strikex_quotes: who said what. Direct quotes with their speaker, and reported speech.

Direct quotes are found in the text line by line (curly or straight quote marks; a quote left open at
the end of a line runs to the line's end, as news paragraphs continue a quote in the next paragraph).
Short quoted phrases ("red herring", "unlawful") are not quotes of speech. The speaker is read from the
words around the quote:

- a verb of saying with a person named by strikex_people next to it ("Patrick Kerry, ..., said: \"...\"",
  "\"...\", said Cllr Jane Smith", "\"...\" Tony Garnsey said");
- a pronoun with a verb of saying ("he said"): the last named speaker, else the last person named;
- a union or council, or a spokesman/spokeswoman of one: the organisation ("A Council spokesman said");
- a line that is only a quote, after a quote with a speaker: the same speaker (the quote continues).

Reported speech is a union, council or person directly before a verb of saying and a clause that is not a
quote ("Unison says there are only around 105 Council computing staff"). It is attributed to them.

Word lists: models/quotes.json, and models/speech.json for the verbs of saying (shared with strikex_people).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import COUNCILS, UNIONS, doc_text, token_lowers
from ._rules import RuleComponent
from .boilerplate import in_boilerplate

QUOTE = re.compile(r"“([^”\n]*)(?:”|$)|(?:(?<=^)|(?<=[\s(\[:—–-]))\"([^\"\n]*)(?:\"|$)"
                   r"|(?:(?<=^)|(?<=[\s(\[:—–-]))‘((?:[^‘’\n]|’(?=\w))*)(?:’|$)", re.M)
# a line break inside a sentence of hard-wrapped text (the next line goes on in lower case)
SOFT_WRAP = re.compile(r"(?<=[^\s.!?:\"”’])[ \t]*\n(?=[ \t]*[a-z])")
MIN_WORDS = 4
RULE = "quotes.py:"   # the attribution rules are code (models/README.md: a rule written in code names the module)


@dataclass
class QuoteFound:
    """A quote as strikex_quotes finds it (records.Quote is what the output says of it)."""
    speaker: str | None
    speaker_type: str | None      # "person" | "organisation" | None
    kind: str                     # "direct" | "reported"
    start: int                    # character offsets of the quoted (or reported) words
    end: int
    rule: str


class QuoteFinder(RuleComponent):
    def setup(self, nlp: Language, data: dict) -> None:
        lex, verbs = data["lexicon"], data["speech"]
        self.verbs = set(verbs["speech_verbs"]) | set(verbs["evaluative_verbs"]) | set(verbs["quote_verbs"])
        self.pronouns = set(lex["pronouns"])
        self.spokes = set(lex["spokespeople"]) | set(lex["org_voices"])
        self.spokes_rx = re.compile(r"\b(?:" + "|".join(map(re.escape, lex["spokespeople"])) + r")\b", re.I)
        self.clause_pronouns = set(lex["clause_pronouns"])
        self.question_words = set(lex["question_words"])
        self.titles = set(lex["titles"])
        self.union_voices, self.council_voices = set(lex["union_voices"]), set(lex["council_voices"])
        voices = "|".join(map(re.escape, [*lex["spokespeople"], *lex["org_voices"]]))
        self.other_body = re.compile(rf"\b(?:{voices})\s+(?:for|from|of|at)\s+(?:the\s+)?[A-Z]")

    # -- who is where ---------------------------------------------------------------------------
    def speakers_at(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        """(start_char, end_char, name, type) of every person, union and council mention."""
        found = [(m.start_char, m.end_char, p.name, "person") for p in doc._.people or [] for m in p.mentions]
        found += [(s.start_char, s.end_char, s._.canonical, "organisation") for key in (UNIONS, COUNCILS)
                  for s in doc.spans.get(key, [])]
        return sorted(found)

    def subject_name(self, doc: Doc, char: int, speakers) -> tuple[str, str] | None:
        """The proper-noun subject of the verb of saying at ``char`` when strikex_people did not name it
        ("Mr Hoyle said:", "Eve Cole from Unison said:"): the run of capitalised proper nouns ending in it."""
        verb = doc.char_span(char, char + 1, alignment_mode="expand")
        if verb is None:
            return None
        subj = next((c for c in verb[0].children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ != "PROPN" or not subj.is_title or subj.ent_type_ not in ("PERSON", ""):
            return None
        first = subj
        while first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].is_title \
                and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].ent_type_ in ("PERSON", ""):
            first = doc[first.i - 1]
        start, end = first.idx, subj.idx + len(subj.text)
        if first.i == subj.i and first.lower_ not in self.titles and subj.ent_type_ != "PERSON":
            return None   # one capitalised word alone is a name only with a title or as a PERSON
        if first.lower_ in self.titles and first.i == subj.i:
            return None
        if any(s[0] < end and start < s[1] for s in speakers):
            return None   # a union, council or person the other components know
        return doc.text[start:end], "person"

    def attribution(self, doc, window: str, offset: int, speakers, from_end: bool, last_person, orgs, line_people):
        """The speaker named around a verb of saying in ``window`` (text outside quotes), or None. A person
        wins over an organisation ("Patrick Kerry, Unison's lead negotiator, said:")."""
        words = list(re.finditer(r"[\w’']+", window))
        verbs = [w for w in words if w.group().lower() in self.verbs]
        if not verbs:
            return None
        v = offset + (verbs[-1] if from_end else verbs[0]).start()
        inside = [s for s in speakers if offset <= s[0] and s[1] <= offset + len(window)]
        people = [s for s in inside if s[3] == "person"]
        if people:
            return min(people, key=lambda s: abs(s[0] - v))[2:]
        named = self.subject_name(doc, v, speakers)
        if named:
            return named
        near = [w.group().lower() for w in words if abs(offset + w.start() - v) <= 40]
        if any(w in self.pronouns for w in near):
            return last_person
        if inside:
            return min(inside, key=lambda s: abs(s[0] - v))[2:]
        if self.other_body.search(window):
            return None   # 'a spokesman for the Leisure Trust said': a body that is neither union nor council
        for voices, who in ((self.union_voices, orgs[0]), (self.spokes, orgs[1]), (self.council_voices, orgs[1])):
            if who and any(w in voices for w in near):
                return who
        if from_end and line_people:  # '..., adding: "..."': the person named earlier in the paragraph
            return line_people[-1][2:]
        return None

    def process(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        view = SOFT_WRAP.sub(lambda m: " " * len(m.group()), text)   # hard-wrapped text: a line break inside a sentence is a space
        speakers = self.speakers_at(doc)
        orgs = ((doc._.main_union, "organisation") if doc._.main_union else None,
                (doc._.main_council, "organisation") if doc._.main_council else None)
        reported = self.reported(doc, speakers, [])
        quotes: list[QuoteFound] = []
        line_start, previous_line, previous_line_start = 0, "", 0
        for line in view.split("\n"):
            spans = [(m.start(g) + line_start, m.end(g) + line_start)
                     for m in QUOTE.finditer(line) for g in (next(i for i in (1, 2, 3) if m.group(i) is not None),)]
            previous_end, previous = line_start, None
            for k, (qs, qe) in enumerate(spans):
                short = len(text[qs:qe].split()) < MIN_WORDS
                if in_boilerplate(doc, qs, qe):
                    previous_end = qe
                    continue
                next_start = spans[k + 1][0] if k + 1 < len(spans) else line_start + len(line)
                before, after = view[previous_end:qs], view[qe:next_start]
                if short:   # a phrase in quote marks is a quote only with its speaker in the same sentence
                    before = re.split(r"(?<=[.!?])\s", before)[-1]
                    after = re.split(r"(?<=[.!?])\s", after)[0]
                # "he said": the last person named (or quoted) before the quote
                last = next((s for s in reversed(speakers) if s[1] <= qs and s[3] == "person"), None)
                last_person = last[2:] if last else None
                spokes = [m.start() + line_start for m in self.spokes_rx.finditer(view, line_start, qs)]
                if spokes and orgs[1] and (last is None or spokes[-1] > last[0]):
                    last_person = orgs[1]  # 'A Council spokesman said ... "...," he said': the council's words
                line_people = [s for s in speakers if line_start <= s[0] and s[1] <= qs and s[3] == "person"
                               and not any(a <= s[0] < b for a, b in spans)]
                window = re.split(r"(?<=[.!?])\s", after[:200])[0]
                who, rule = self.attribution(doc, window, qe, speakers, False, last_person, orgs, []), "after"
                if who is None:
                    window = before[-200:]
                    who, rule = self.attribution(doc, window, qs - len(window), speakers, True, last_person, orgs,
                                                 [] if short else line_people), "before"
                if who is None and previous and previous.speaker and not re.search(r"[.!?]\s", before):
                    who, rule = (previous.speaker, previous.speaker_type), "same_sentence"
                opens_line = not before.strip(" \t“\"‘")
                if who is None and opens_line and previous_line.rstrip().endswith(":"):
                    # 'Jane Roe, the branch secretary, said:' and the quote in the next paragraph
                    who, rule = self.attribution(doc, previous_line, previous_line_start, speakers, True, last_person, orgs,
                                                 []), "colon_line"
                if who is None and opens_line and not short and quotes and quotes[-1].speaker:
                    who, rule = (quotes[-1].speaker, quotes[-1].speaker_type), "continued"
                previous_end = qe
                if short and who is None:
                    continue
                found = QuoteFound(who[0] if who else None, who[1] if who else None, "direct", qs, qe,
                                   RULE + (rule if who else "unattributed"))
                quotes.append(found)
                previous = found
            if line.strip():
                previous_line, previous_line_start = line, line_start
            line_start += len(line) + 1
        quoted = [(q.start, q.end) for q in quotes]
        quotes += [r for r in reported if not any(qs < r.end and r.start < qe for qs, qe in quoted)]
        doc._.quotes = sorted(quotes, key=lambda q: q.start)
        return doc

    def reported(self, doc: Doc, speakers, quoted: list[tuple[int, int]]) -> list[QuoteFound]:
        """'Unison says there are only around 105 staff': a speaker right before a verb of saying and a
        clause that is not in quote marks."""
        by_end = {}
        for start, end, name, kind in speakers:
            by_end[end] = (name, kind)
        out = []
        lowers = token_lowers(doc)
        for i in range(1, len(doc) - 2):
            if lowers[i] not in self.verbs:
                continue
            tok = doc[i]
            prev = doc[tok.i - 1]
            who = by_end.get(prev.idx + len(prev.text))
            if who is None:
                continue
            nxt = doc[tok.i + 1]
            if nxt.is_punct or nxt.lower_ in self.clause_pronouns and tok.i + 2 < len(doc) and doc[tok.i + 2].is_punct:
                continue  # "said:" introduces a direct quote; "said, he" is not a clause
            start = nxt.idx if nxt.lower_ != "that" else doc[tok.i + 2].idx
            sent = tok.sent
            end = sent.end_char
            clause = doc_text(doc)[start:end].rstrip().rstrip("\"”").rstrip()
            if len(clause.split()) < MIN_WORDS or clause.split()[0].lower() in self.question_words or any(qs < start + len(clause) and start < qe for qs, qe in quoted) \
                    or "“" in clause or '"' in clause or in_boilerplate(doc, start, start + len(clause)):
                continue
            out.append(QuoteFound(who[0], who[1], "reported", start, start + len(clause), RULE + "reported"))
        return out


@Language.factory("strikex_quotes", assigns=["doc._.quotes"], requires=["token.is_sent_start"],
                  default_config={"lexicon": "quotes.json", "speech": "speech.json"})
def make_quote_finder(nlp: Language, name: str, lexicon: str, speech: str) -> QuoteFinder:
    return QuoteFinder(nlp, name, lexicon=lexicon, speech=speech)
