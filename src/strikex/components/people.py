"""strikex_people: every person in the story, with role and organisation.

The component is thin over two rule modules: ``names`` finds the names (pretrained NER PERSON and name
patterns), cleans them (titles dropped; unions, councils, dates and boilerplate are not people) and joins a
person's mentions; ``roles`` reads each person's role and organisation from the words around the mentions.
People named as places ("Mill Hill depot") and journalists ("reporter Tom Walker") are left out. The word
lists are data: models/people.json, and models/speech.json for the verbs of saying (shared with strikex_quotes).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import COUNCILS, PEOPLE, UNIONS
from ._rules import RuleComponent
from .affiliation import Affiliation
from .credits import CreditFinder
from .names import NameFinder, PersonFound
from .not_people import NotPeople
from .roles import RoleFinder

SPANS_KEY = PEOPLE

__all__ = ["SPANS_KEY", "PeopleFinder", "PersonFound", "make_people_finder"]


class PeopleFinder(RuleComponent):
    def setup(self, nlp: Language, data: dict) -> None:
        self.roles = RoleFinder(nlp, data["lexicon"])
        speech = set(data["speech"]["speech_verbs"]) | set(data["speech"]["evaluative_verbs"])
        self.roles.affiliation = Affiliation(data["lexicon"], speech, self.roles.title_start)
        self.names = NameFinder(data["lexicon"], data["speech"], self.roles)
        self.credits = CreditFinder(data["lexicon"]["credits"], self.roles.role_heads, data["lexicon"]["press_roles"])
        self.not_people = NotPeople(data["lexicon"], speech)

    def cluster(self, names: list[Span]) -> list[PersonFound]:
        """The people the name mentions stand for (a seam tests use to make the component fail)."""
        return self.names.cluster(names)

    @staticmethod
    def story_orgs(doc: Doc) -> set[str]:
        return {s._.canonical for key in (UNIONS, COUNCILS) for s in doc.spans.get(key, [])}

    def process(self, doc: Doc) -> Doc:
        parts = self.names.parts(doc)
        people = self.cluster(self.names.candidates(doc, parts))
        primary_union = doc._.main_union
        primary_council = doc._.main_council
        credited = self.credits.credited(doc)
        kept = []
        for person in people:
            if any(self.names.is_place(doc, m) for m in person.mentions) or person.name.lower() in credited:
                continue  # places, and the article's author or photographer (every mention)
            if self.not_people.why(doc, person.mentions):
                continue  # companies, page furniture, figures of speech
            others = {i for p in people if p is not person for m in p.mentions for i in range(m.start, m.end)}
            found = self.roles.find_role(doc, person.mentions, primary_union, primary_council, others)
            if found:
                person.role, person.organisation, person.role_span, rule = found
                person.rule = f"{person.rule}+{rule}"
                if person.role and self.roles.is_press(person.role) and person.organisation not in self.story_orgs(doc):
                    continue  # journalists and photographers are not people in the story
            kept.append(person)
        doc._.people = kept
        doc.spans[SPANS_KEY] = [m for p in kept for m in p.mentions]
        return doc


@Language.factory(
    "strikex_people",
    assigns=["doc.spans", "doc._.people"],
    requires=["doc.ents"],
    default_config={"lexicon": "people.json", "speech": "speech.json"},
)
def make_people_finder(nlp: Language, name: str, lexicon: str, speech: str) -> PeopleFinder:
    return PeopleFinder(nlp, name, lexicon=lexicon, speech=speech)
