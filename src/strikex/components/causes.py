"""strikex_causes: what the dispute is about, as categories after the ONS labour-disputes classification.

Phrases per category live in ``models/causes.json`` ("caseloads" → staffing and workload, "transferring
management ... to an independent company" → outsourcing and transfer, "IT systems" → other: IT systems).
A phrase counts only in a sentence of the story (not boilerplate) that states a grievance ("want action
on", "angry at", "a dispute over", "strike ... after 20 compulsory redundancies"), and not in one that
reassures ("pay and pensions will be protected"). Sentences in a voice that states grievances need no cue:
a sentence in quote marks, and one whose subject is a union speaking ("the union says ..."). A phrase that
is part of a proper name ("Northgate Leisure Trust") or an apposition describing the employer ("..., an
arm's length company owned by the council,") is not a cause. In hard-wrapped text, a sentence cut at a line
break is read whole. Each category comes out once, with every phrase that evidences it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..extensions import UNIONS, doc_text
from ._gazetteer import phrase_matcher
from ._rules import RuleComponent
from .boilerplate import span_in_boilerplate
from .quotes import QUOTE, SOFT_WRAP

NAME_ENTS = {"ORG", "FAC", "GPE", "PERSON", "WORK_OF_ART", "LOC"}

@dataclass
class CauseFound:
    """A cause as the component found it (spans); ``assemble.causes`` makes the record's ``Cause``."""
    category: str
    detail: str | None = None            # for "other": what it is ("IT systems")
    evidence: list[Span] = field(default_factory=list)
    rule: str | None = None              # "causes.json:categories.pay", "causes.json:other.IT systems"


class CauseFinder(RuleComponent):
    def setup(self, nlp: Language, data: dict) -> None:
        lex = data["lexicon"]
        self.categories = [*lex["categories"], "other"]   # the output order
        phrases = [(category, p) for category, ps in lex["categories"].items() for p in ps]
        phrases += [(f"other:{detail}", p) for detail, ps in lex["other"].items() for p in ps]
        self.matcher = phrase_matcher(nlp, "LOWER", phrases)
        self.grievance = [f" {c} " for c in lex["grievance_cues"]]
        self.reassurance = [f" {c} " for c in lex["reassurance_cues"]]
        self.voice_verbs, self.voice_nouns = set(lex["voice_verbs"]), set(lex["voice_nouns"])

    def states_grievance(self, tokens: list, unions: set[int]) -> bool | None:
        """True for a sentence with a grievance cue, False for one that reassures, None otherwise."""
        text = " " + " ".join(t.lower_ for t in tokens if not t.is_space) + " "
        if any(c in text for c in self.reassurance):
            return False
        return True if any(c in text for c in self.grievance) or any(self.union_speaks(t, unions) for t in tokens) else None

    def union_speaks(self, tok, unions: set[int]) -> bool:
        """'the union says ...', 'UNISON claims ...': a union as the subject of a verb of saying."""
        return tok.lower_ in self.voice_verbs and any(
            c.dep_ == "nsubj" and (c.i in unions or c.lower_ in self.voice_nouns) for c in tok.children)

    @staticmethod
    def names_or_describes(span: Span) -> bool:
        """A phrase inside a proper name ('Northgate Leisure Trust') or an apposition describing a body
        ('NCSL, an arm's length company owned by the council')."""
        if all(t.is_title for t in span) and any(t.ent_type_ in NAME_ENTS or t.pos_ == "PROPN" for t in span) \
                and (span.start > span.sent.start and span.doc[span.start - 1].is_title):
            return True
        return span.root.dep_ == "appos" or span.root.head.dep_ == "appos" and span.root.dep_ in ("compound", "amod")

    def sentence_groups(self, doc: Doc) -> tuple[dict[int, tuple[int, int]], list[tuple[int, int]]]:
        """Sentence start -> (start, end) tokens of its sentence read whole across soft line breaks; the quoted
        stretches."""
        text = doc_text(doc)
        view = SOFT_WRAP.sub(lambda m: " " * len(m.group()), text)
        # whole quotes (opening a paragraph or after "said:"), not phrases quoted inside reported speech
        quoted = [(m.start(), m.end()) for m in QUOTE.finditer(view) if len(m.group().split()) >= 4
                  and view[max(0, m.start() - 3):m.start()].rstrip(" \t")[-1:] in ("", "\n", ":")]
        groups: list[list[Span]] = []
        for sent in doc.sents:
            end = 0
            if groups:   # the end of the group's last word
                last = groups[-1][-1]
                k = last.end - 1
                while k >= last.start and doc[k].is_space:
                    k -= 1
                end = doc[k].idx + len(doc[k]) if k >= last.start else 0
            if end and "\n" in text[end:sent.start_char] and "\n" not in view[end:sent.start_char]:
                groups[-1].append(sent)
            else:
                groups.append([sent])
        return {s.start: (group[0].start, group[-1].end) for group in groups for s in group}, quoted

    def process(self, doc: Doc) -> Doc:
        found: dict[tuple[str, str | None], CauseFound] = {}
        matches = filter_spans([Span(doc, s, e, label=k) for k, s, e in self.matcher(doc)])
        checked: dict[int, bool | None] = {}
        groups, quoted = self.sentence_groups(doc) if matches else ({}, [])
        unions = {t.i for s in doc.spans.get(UNIONS, []) for t in s}
        for span in sorted(matches, key=lambda s: s.start):
            sent = span.sent
            if sent.start not in checked:
                checked[sent.start] = False if span_in_boilerplate(sent) else self.states_grievance(list(doc[slice(*groups[sent.start])]), unions)
            in_quote = any(a <= span.start_char and span.end_char <= b for a, b in quoted)
            if checked[sent.start] is False or not (checked[sent.start] or in_quote) or self.names_or_describes(span):
                continue
            label = span.label_
            category, detail = ("other", label.split(":", 1)[1]) if label.startswith("other:") else (label, None)
            rule = f"{self.files['lexicon']}:other.{detail}" if detail else f"{self.files['lexicon']}:categories.{category}"
            found.setdefault((category, detail), CauseFound(category, detail, rule=rule)).evidence.append(span)
        doc._.causes = sorted(found.values(), key=lambda c: (self.categories.index(c.category), c.evidence[0].start))
        return doc


@Language.factory("strikex_causes", assigns=["doc._.causes"], requires=["token.is_sent_start"],
                  default_config={"lexicon": "causes.json"})
def make_cause_finder(nlp: Language, name: str, lexicon: str) -> CauseFinder:
    return CauseFinder(nlp, name, lexicon=lexicon)
