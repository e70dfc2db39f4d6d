"""strikex_causes: what the dispute is about, as categories after the ONS labour-disputes classification.

Phrases per category live in ``models/causes.json`` ("caseloads" → staffing and workload, "transferring
management ... to an independent company" → outsourcing and transfer, "IT systems" → other: IT systems).
A phrase counts only in a sentence of the story (not boilerplate) that states a grievance ("want action
on", "angry at", "a dispute over", "strike ... after 20 compulsory redundancies"), and not in one that
reassures ("pay and pensions will be protected"). Each category comes out once, with every phrase that
evidences it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ._gazetteer import phrase_matcher
from ._rules import RuleComponent
from .boilerplate import span_in_boilerplate

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

    def states_grievance(self, sent: Span) -> bool:
        text = " " + " ".join(t.lower_ for t in sent) + " "
        return any(c in text for c in self.grievance) and not any(c in text for c in self.reassurance)

    def process(self, doc: Doc) -> Doc:
        found: dict[tuple[str, str | None], CauseFound] = {}
        matches = filter_spans([Span(doc, s, e, label=k) for k, s, e in self.matcher(doc)])
        checked: dict[int, bool] = {}
        for span in sorted(matches, key=lambda s: s.start):
            sent = span.sent
            if sent.start not in checked:
                checked[sent.start] = not span_in_boilerplate(sent) and self.states_grievance(sent)
            if not checked[sent.start]:
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
