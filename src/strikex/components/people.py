"""strikex_people: every person in the story, with role and organisation.

Names come from the pretrained NER (PERSON) and from titles ("Cllr Jane Smith"); titles are dropped,
anything the union or council rules found is not a person ("Unison" tagged PERSON), nor is text in
boilerplate (photo credits, bylines). Surname or first-name mentions join the full name they follow
("Garnsey" → "Tony Garnsey"). Roles come from the phrase before the name ("Unison's lead negotiator
Patrick Kerry"), after it ("Paul Holmes, branch secretary for Unison in Kirklees, said") or before a
comma ("the director of social services, Steve Pullen,"); the organisation is the union, council or
party named in that phrase, else the article's main union or council for a role of that kind.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import COUNCILS, PEOPLE, PLACES, UNIONS
from ..resources import read_json
from ._gazetteer import token_indices
from ._lemmas import Lemmas
from .boilerplate import span_in_boilerplate

SPANS_KEY = PEOPLE
NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’])*\.?$")
STOP_AFTER = {"said", "says", "say", "told", "tells", "who", "whose", "has", "have", "had", "is", "was", "were", "are",
              "added", "adds", "explained", "warned", "claimed", "insisted", "described", "stated", "argued", "will",
              "would", "and", "but", "when", "after", "before", "while", "in", "at", "on"}
PLACE_BEFORE = {"outside", "at", "in", "near", "inside", "opposite", "from", "into", "towards"}
SPEECH_AFTER = {"said", "says", "told", "tells", "added", "adds", "explained", "warned", "claimed", "insisted", "stated",
                "argued", "wrote", "commented", "confirmed", "described", "urged", "called", "has", "had", "is", "was",
                "who", "will", "would", "and"}
PHRASE_END = {",", ".", ";", ":", "(", ")", "\"", "“", "”", "'", "‘", "’", "—", "–", "-", "?", "!"}


@dataclass
class Person:
    name: str
    mentions: list[Span] = field(default_factory=list)
    role: str | None = None
    organisation: str | None = None
    role_span: Span | None = None
    rule: str | None = None

    @property
    def surname(self) -> str:  # "Lloyd-Jones" stays whole
        return self.name.split()[-1]

    @property
    def first_name(self) -> str:
        return self.name.split()[0]


class PeopleFinder:
    def __init__(self, nlp: Language, name: str, lexicon: str):
        self.name = name
        self.lemma = Lemmas(nlp)
        lex = read_json(lexicon)
        self.titles = set(lex["titles"])
        self.role_heads = set(lex["role_heads"]) | {w for r in lex["press_roles"] for w in r.split()}
        self.role_kinds = sorted(lex["role_kinds"].items(), key=lambda kv: -len(kv[0]))
        self.press = set(lex["press_roles"])
        self.parties = lex["parties"]
        self.generic_council = set(lex["generic_council"])
        self.generic_union = set(lex["generic_union"])
        self.not_names = set(lex["not_names"])
        self.place_nouns = set(lex["place_nouns"])
        self.org_words = set(lex["org_words"])
        self.particles = set(lex["name_particles"])
        self.speech = set(lex["speech_verbs"])
        self.role_verbs = lex["role_verbs"]

    # -- names ------------------------------------------------------------------------------------
    @staticmethod
    def name_runs(parts: list[str]) -> dict[int, list[int]]:
        """Start -> ends of every name of two to six tokens: a word, up to four inner parts (words,
        particles, joiners), a word ("Dafydd ap Rhys", "Siân Lloyd-Evans", "Ciarán Ó Dochartaigh").
        A scan over the tokens' name parts: much cheaper than a Matcher on a custom attribute."""
        runs = {}
        n = len(parts)
        for start in range(n):
            if parts[start] != "word":
                continue
            ends = []
            k = start + 1
            while k < n and k - start < 6 and parts[k]:
                if parts[k] == "word":
                    ends.append(k + 1)
                k += 1
            if ends:
                runs[start] = ends
        return runs

    def name_matches(self, doc: Doc, parts: list[str]):
        """(rule, start, end) of the name patterns: a title and a name ("Cllr Jane Smith"); a lower-case role
        word before a name ("GMB regional organiser Martin Fairclough said": the NER often calls such a name
        an ORG, or misses it); a name before a comma ("Rhian Gwilym, Cardiff branch chair for Unison, said");
        a name before a verb of saying, or after a possessive and before one ("the GMB's Siân Lloyd-Evans said")."""
        runs = self.name_runs(parts)
        n = len(doc)
        for i, tok in enumerate(doc):
            if i + 1 < n and tok.text in self.titles and parts[i + 1] == "word":
                for e in [i + 2] + runs.get(i + 1, []):
                    yield "titled_name", i, e
            if tok.is_lower and tok.lower_ in self.role_heads:
                for k in (i + 1, i + 2) if i + 1 < n and doc[i + 1].text == "," else (i + 1,):
                    for e in runs.get(k, []):
                        yield "name_after_role", i, e
        for s, ends in runs.items():
            for e in ends:
                if e < n and doc[e].text == ",":
                    yield "name_before_apposition", s, e + 1
                if e < n and doc[e].lower_ in self.speech:
                    yield "name_before_speech", s, e + 1
                    if s > 0 and doc[s - 1].lower_ in {"'s", "’s"}:
                        yield "name_after_possessive", s - 1, e + 1

    # -- names ------------------------------------------------------------------------------------
    def clean_name(self, span: Span, parts: list[str]) -> Span | None:
        doc = span.doc
        start, end = span.start, span.end
        while start < end and (doc[start].text in self.titles or doc[start].text.rstrip(".") in self.titles):
            start += 1
        while end > start and parts[end - 1] != "word":
            end -= 1
        # "County Councillor Robert Haigh", "Chief Fire Officer Sabrina Cole", "Labour MP Owen Hart": the name
        # starts after the last title or role word, when a name is left after it
        cut = [i for i in range(start, end) if doc[i].lower_ in self.role_heads or doc[i].text.rstrip(".") in self.titles]
        if cut and cut[-1] + 1 < end:
            start = cut[-1] + 1
        # "But Mark Turner said": a capitalised function word at the start of a sentence is not a name
        while start < end and (parts[start] != "word" or (doc[start].is_stop and doc[start].ent_type_ != "PERSON")):
            start += 1
        if end <= start or end - start > 7:
            return None
        if any(not parts[i] for i in range(start, end)) or not 1 <= len(name_words(doc[start:end])) <= 5:
            return None
        name = Span(doc, start, end, label="PERSON")
        if name.text in self.not_names or name.text in self.parties:
            return None
        if doc[end - 1].lower_ in self.role_heads and doc[end - 1].ent_type_ != "PERSON":
            return None  # "Regional Secretary" is a role, not a name
        if end < len(doc) and doc[end].text in {"/", "@"}:
            return None
        return name

    def candidates(self, doc: Doc, parts: list[str]) -> list[Span]:
        blocked = {i for key in (UNIONS, COUNCILS) for s in doc.spans.get(key, []) for i in range(s.start, s.end)}
        date_tokens = {i for s in doc.spans.get("strikex_dates", []) for i in range(s.start, s.end)}
        raw = [(e, "ner:PERSON") for e in doc.ents if e.label_ == "PERSON"]
        for rule, s, e in self.name_matches(doc, parts):
            if rule == "titled_name":
                raw.append((Span(doc, s, e), "people:titled_name"))
            elif rule == "name_before_apposition":
                name = Span(doc, s, e - 1)
                phrase = self.phrase_after(doc, name)
                if phrase is not None and self.has_head(phrase) and phrase.end < len(doc):
                    k = phrase.end + (doc[phrase.end].text == ",")
                    if k < len(doc) and doc[k].lower_ in self.speech:
                        raw.append((name, "people:name_before_apposition"))
            elif rule == "name_after_role":
                if e == len(doc) or doc[e].lower_ in SPEECH_AFTER or doc[e].text in {",", ":"}:
                    raw.append((Span(doc, s + 1 + (doc[s + 1].text == ","), e), "people:name_after_role"))
            elif rule == "name_after_possessive":
                # "the GMB's Siân Lloyd-Evans said": the NER calls the name part of the organisation
                if s - 1 in blocked:
                    raw.append((Span(doc, s + 1, e - 1), "people:name_after_possessive"))
            else:
                name = Span(doc, s, e - 1)
                # the weakest evidence: only names the NER does not call something else, with no organisation word
                if len(name_words(name)) >= 2 and not any(t.ent_type_ not in {"", "PERSON"} or t.lower_ in self.org_words
                                                          for t in name):
                    raw.append((name, "people:name_before_speech"))
        found: dict[tuple[int, int], Span] = {}
        for span, rule in raw:
            name = self.clean_name(span, parts)
            if name is None or span_in_boilerplate(name):
                continue
            if any(i in blocked or i in date_tokens for i in range(name.start, name.end)):
                continue
            key = (name.start, name.end)
            # prefer the longer of overlapping candidates, the first found of equal ones
            clash = [k for k in found if k[0] < name.end and name.start < k[1]]
            if any(k[1] - k[0] >= name.end - name.start for k in clash):
                continue
            for k in clash:
                del found[k]
            name._.rule = rule  # span extensions are shared by spans with the same offsets: set it for the winner only
            found[key] = name
        return [found[k] for k in sorted(found)]

    def cluster(self, names: list[Span]) -> list[Person]:
        people: dict[str, Person] = {}
        singles: list[Span] = []
        for span in names:
            if len(name_words(span)) >= 2:
                key = span.text.lower()
                person = people.setdefault(key, Person(name=span.text, rule=span._.rule))
                person.mentions.append(span)
            else:
                singles.append(span)
        for span in singles:
            token = span.text.lower()
            options = [p for p in people.values() if token in {p.surname.lower(), p.first_name.lower()}]
            if not options:
                continue
            before = [p for p in options if p.mentions[0].start < span.start]
            best = max(before or options, key=lambda p: max((m.start for m in p.mentions if m.start < span.start), default=-1))
            best.mentions.append(span)
        for p in people.values():
            p.mentions.sort(key=lambda s: s.start)
        return sorted(people.values(), key=lambda p: p.mentions[0].start)

    # -- roles ------------------------------------------------------------------------------------
    def title_start(self, span: Span) -> int:
        i = span.start
        while i > 0 and (span.doc[i - 1].text in self.titles or span.doc[i - 1].text.rstrip(".") in self.titles):
            i -= 1
        return i

    def phrase_after(self, doc: Doc, span: Span) -> Span | None:
        i = span.end
        if i >= len(doc) or doc[i].text != ",":
            return None
        i += 1
        while i < len(doc) and doc[i].lower_ in {"who", "is", "was", "'s", "’s"}:
            i += 1
        start = i
        while i < len(doc) and not (doc[i].lower_ == "and" and i + 1 < len(doc) and doc[i + 1].pos_ == "DET") \
                and doc[i].text not in PHRASE_END and doc[i].lower_ not in STOP_AFTER - {"in", "at", "on", "and"} \
                and not (doc[i].pos_ in {"VERB", "AUX"} and doc[i].tag_ not in {"VBN", "VBG"}) and i - start < 14:
            i += 1
        return Span(doc, start, i) if i > start else None

    def phrase_before(self, doc: Doc, start: int) -> Span | None:
        """The role phrase ending right before token ``start`` (a name, or the comma before one)."""
        i = start
        while i > 0:
            tok = doc[i - 1]
            if tok.text in PHRASE_END or tok.lower_ in STOP_AFTER or tok.lower_ in {"the", "a", "an", "by", "with", "between",
                                                                                   "from", "to", "told", "according"}:
                break
            if tok.pos_ in {"VERB", "AUX"} and tok.tag_ not in {"VBN", "VBG"}:
                break
            if tok.pos_ not in {"NOUN", "PROPN", "ADJ", "ADP", "PART", "CCONJ", "NUM", "X"} and tok.lower_ not in {"'s", "’s"}:
                break
            i -= 1
        if i == start:
            return None
        while i < start and doc[i].pos_ in {"ADP", "CCONJ"}:
            i += 1
        if i >= start:
            return None
        ofs = [k for k in range(i, start) if doc[k].lower_ == "of"]
        if ofs and self.has_head(doc[ofs[-1] + 1:start]) and not self.has_head(doc[i:ofs[-1]]):
            i = ofs[-1] + 1  # "the Tory administration of councillor Kay Cutts": the role is what follows "of"
        return Span(doc, i, start)

    def has_head(self, phrase: Span) -> bool:
        return any(t.lower_ in self.role_heads or self.lemma(t) in self.role_heads for t in phrase)

    def org_in(self, phrase: Span, primary_union: str | None, primary_council: str | None):
        """(organisation, first token index, last token index) of an organisation named in the phrase."""
        doc = phrase.doc
        for key in (UNIONS, COUNCILS):
            for s in doc.spans.get(key, []):
                if phrase.start <= s.start and s.end <= phrase.end:
                    return s._.canonical, s.start, s.end
        # "Glasgow's city treasurer": a place's possessive stands for its council, once that council is named
        councils = {s._.canonical for s in doc.spans.get(COUNCILS, [])}
        for s in doc.spans.get(PLACES, []):
            if phrase.start <= s.start and s.end < phrase.end and doc[s.end].lower_ in {"'s", "’s"} and s._.canonical in councils:
                return s._.canonical, s.start, s.end
        text = phrase.text
        for party in sorted(self.parties, key=len, reverse=True):
            m = re.search(rf"\b{re.escape(party)}\b", text)
            if m:
                s = phrase.char_span(m.start(), m.end(), alignment_mode="expand")
                if s is not None:
                    return self.parties[party], s.start, s.end
        for i, tok in enumerate(phrase):
            nxt = phrase[i + 1].lower_ if i + 1 < len(phrase) else ""
            if tok.lower_ in self.generic_council and (nxt in {"'s", "’s"} or (i > 0 and phrase[i - 1].lower_ in {"the", "of", "for", "at"})):
                return primary_council, tok.i, tok.i + 1
            if tok.lower_ in self.generic_union and (nxt in {"'s", "’s"} or (i > 0 and phrase[i - 1].lower_ in {"the", "of", "for", "at"})):
                return primary_union, tok.i, tok.i + 1
        return None

    def split_role(self, phrase: Span, primary_union, primary_council, trusted: bool = False):
        """(role, organisation) of a role phrase: the organisation named in it is taken out of the role."""
        doc = phrase.doc
        org = self.org_in(phrase, primary_union, primary_council)
        tokens = list(range(phrase.start, phrase.end))
        name = None
        if org:
            name, o_start, o_end = org
            before = o_start
            while before > phrase.start and doc[before - 1].lower_ in {"the", "a", "an"}:
                before -= 1
            if before > phrase.start and doc[before - 1].pos_ == "ADP":
                # "branch secretary for Unison in Kirklees": the role ends before the preposition
                while before > phrase.start and doc[before - 1].pos_ == "ADP":
                    before -= 1
                role_tokens = [i for i in tokens if i < before]
            else:
                # "Unison's lead negotiator", "joint NEU general secretaries", "the Council's executive ..."
                role_tokens = [i for i in tokens if not (o_start <= i < o_end) and not (i == o_end and doc[i].lower_ in {"'s", "’s"})
                               and not (i < o_start and doc[i].pos_ == "PROPN")]  # "Swindon Unison treasurer"
        else:
            role_tokens = tokens
        while role_tokens and (doc[role_tokens[0]].lower_ in {"the", "a", "an", "its", "their", "his", "her", "'s", "’s", "and"}
                               or doc[role_tokens[0]].ent_type_ in {"GPE", "LOC"} or self.is_place_word(doc, role_tokens)):
            role_tokens = role_tokens[1:]
        while role_tokens and (doc[role_tokens[-1]].pos_ in {"ADP", "CCONJ", "DET"} or doc[role_tokens[-1]].text in PHRASE_END):
            role_tokens = role_tokens[:-1]
        # "district secretary for Gwynedd", "organiser in Leeds": a place at the end is where, not what
        places = token_indices(doc, PLACES)
        while len(role_tokens) > 2 and role_tokens[-1] in places:
            role_tokens = role_tokens[:-1]
            while role_tokens and role_tokens[-1] in places:
                role_tokens = role_tokens[:-1]
            if role_tokens and doc[role_tokens[-1]].pos_ == "ADP":
                role_tokens = role_tokens[:-1]
        if not role_tokens:
            return None, name
        role_span = Span(doc, role_tokens[0], role_tokens[-1] + 1)
        if not trusted and not self.has_head(role_span):
            return None, name
        words = [doc[i].lower_ for i in role_tokens]
        if doc[role_tokens[-1]].tag_ == "NNS" and _singular(words[-1]) in self.role_heads:
            words[-1] = _singular(words[-1])  # "joint general secretaries" said of two people
        # as written, but lower case: "director of children's services", not "children 's"
        role = "".join(w + (doc[i].whitespace_ or (" " if k + 1 < len(role_tokens) and role_tokens[k + 1] != i + 1 else ""))
                       for k, (i, w) in enumerate(zip(role_tokens, words))).strip()
        # "in Kirklees"-style place tails are not part of the role
        role = re.sub(r"\s+(?:in|at)\s+[a-z][\w\s'-]*$", "", role) if org is None and " in " in role else role
        if name is None:
            kind = next((k for phrase_, k in self.role_kinds if re.search(rf"\b{re.escape(phrase_)}\b", role)), None)
            name = {"union": primary_union, "council": primary_council}.get(kind)
        return role, name

    def role_phrases(self, doc: Doc, mention: Span):
        left = self.title_start(mention)
        end = mention.end
        # "Mary Bousted and Kevin Courtney, joint NEU general secretaries, said": the apposition is shared
        if end + 1 < len(doc) and doc[end].lower_ == "and" and doc[end + 1].ent_type_ == "PERSON":
            j = end + 1
            while j < len(doc) and doc[j].ent_type_ == "PERSON":
                j += 1
            end = j
        after = self.phrase_after(doc, doc[mention.start:end])
        if after is not None:
            yield after, "people:apposition_after"
        before = self.phrase_before(doc, left)
        if before is not None:
            yield before, "people:role_before_name"
        if left >= 2 and doc[left - 1].text == ",":
            pre = self.phrase_before(doc, left - 1)
            if pre is not None:
                yield pre, "people:apposition_before"

    def find_role(self, doc: Doc, person: Person, primary_union, primary_council):
        """The first role found for any mention; one that names its organisation wins over one that does not."""
        found = []
        for mention in person.mentions:
            relative = self.relative_role(doc, mention, primary_union, primary_council)
            if relative:
                found.append(relative)
                continue
            for phrase, rule in self.role_phrases(doc, mention):
                if not self.has_head(phrase):
                    continue
                role, org = self.split_role(phrase, primary_union, primary_council)
                if role:
                    found.append((role, org, phrase, rule))
                    break
        with_org = [f for f in found if f[1]]
        if with_org or found:
            return (with_org or found)[0]
        return self.organisation_only(doc, person)

    def relative_role(self, doc: Doc, mention: Span, primary_union, primary_council):
        """A role in a relative clause: "Ann Lee, who chairs the Friends of Hove Library," (a verb that names
        a role) and "Joe Bell, who has worked as a care assistant for the council for ten years,"."""
        i = mention.end
        if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ != "who":
            return None
        j = i + 2
        while j < len(doc) and doc[j].lower_ in {"has", "had", "have", "is", "was", "been", "also", "now", "currently"}:
            j += 1
        if j + 1 >= len(doc) or doc[j].pos_ not in {"VERB", "AUX"}:
            return None
        end = j + 1
        while end < len(doc) and end - j < 14 and doc[end].text not in PHRASE_END and doc[end].lower_ not in {"since", "until", "when"} \
                and not (doc[end].pos_ == "ADP" and end + 1 < len(doc) and doc[end + 1].like_num):
            end += 1
        obj = Span(doc, j + 1, end)
        lemma = self.lemma(doc[j])
        if lemma in self.role_verbs and len(obj):
            org = self.org_in(obj, primary_union, primary_council)
            name = org[0] if org else self.proper_name(obj)
            return (self.role_verbs[lemma], name, Span(doc, j, end), "people:role_verb") if name else None
        if lemma in {"work", "serve"} and doc[j + 1].lower_ == "as" and len(obj) > 1:
            phrase = Span(doc, j + 2, end)
            role, org = self.split_role(phrase, primary_union, primary_council, trusted=True)
            cut = next((t.i for t in phrase if t.lower_ in {"for", "at", "with"}), None)
            if org is None and cut is not None and self.proper_name(Span(doc, cut + 1, end)):
                # "as a librarian at Hove Central Library": an organisation that is neither union nor council
                org = self.proper_name(Span(doc, cut + 1, end))
                role = self.split_role(Span(doc, phrase.start, cut), primary_union, primary_council, trusted=True)[0]
            return (role, org, phrase, "people:works_as") if role else None
        return None

    @staticmethod
    def proper_name(phrase: Span) -> str | None:
        """'the Friends of Hove Library and its volunteers' -> 'Friends of Hove Library'."""
        tokens = list(phrase)
        while tokens and tokens[0].pos_ == "DET":
            tokens = tokens[1:]
        kept = []
        for t in tokens:
            if not (t.is_title or t.is_upper or (kept and t.lower_ in {"of", "and", "&", "for", "the"})):
                break
            kept.append(t)
        while kept and not (kept[-1].is_title or kept[-1].is_upper):
            kept.pop()
        return phrase.doc[kept[0].i:kept[-1].i + 1].text if kept else None

    def organisation_only(self, doc: Doc, person: Person):
        """No role, but an organisation: "the GMB's Siân Lloyd-Evans", "Tam Baird-Ferguson (Unison)"."""
        orgs = {s.end: s for key in (UNIONS, COUNCILS) for s in doc.spans.get(key, [])}
        starts = {s.start: s for key in (UNIONS, COUNCILS) for s in doc.spans.get(key, [])}
        for m in person.mentions:
            left = self.title_start(m)
            if left >= 2 and doc[left - 1].lower_ in {"'s", "’s"} and left - 1 in orgs:
                org = orgs[left - 1]
                return None, org._.canonical, Span(doc, org.start, left), "people:organisation_possessive"
            if m.end + 2 < len(doc) and doc[m.end].text == "(" and m.end + 1 in starts:
                org = starts[m.end + 1]
                if org.end < len(doc) and doc[org.end].text == ")":
                    return None, org._.canonical, org, "people:organisation_bracketed"
        return None

    def is_place_word(self, doc: Doc, tokens: list[int]) -> bool:
        """'Swansea branch chair': a place named before a role is where, not what ('Shadow chancellor' stays)."""
        places = token_indices(doc, PLACES)
        return len(tokens) > 1 and tokens[0] in places

    def is_place(self, doc: Doc, mention: Span) -> bool:
        """'Mill Hill depot', 'Childs Hill, East Barnet and Mill Hill libraries', 'outside Leeds Civic Hall':
        names of places, not people."""
        if mention[-1].lower_ in self.place_nouns and (
                len(mention) >= 3 or (mention.start > 0 and doc[mention.start - 1].lower_ in PLACE_BEFORE)):
            return True
        i = mention.end
        while i < len(doc) and i - mention.end < 10 and (doc[i].pos_ == "PROPN" or doc[i].text == "," or doc[i].lower_ == "and"):
            i += 1
        return i < len(doc) and doc[i].lower_ in self.place_nouns

    def __call__(self, doc: Doc) -> Doc:
        parts = [name_part(token, self.particles) or "" for token in doc]
        people = self.cluster(self.candidates(doc, parts))
        primary_union = doc._.main_union
        primary_council = doc._.main_council
        kept = []
        for person in people:
            if any(self.is_place(doc, m) for m in person.mentions):
                continue
            found = self.find_role(doc, person, primary_union, primary_council)
            if found:
                person.role, person.organisation, person.role_span, rule = found
                person.rule = f"{person.rule}+{rule}"
                if person.role and person.organisation is None and any(re.search(rf"\b{re.escape(p)}\b", person.role) for p in self.press):
                    continue  # journalists and photographers are not people in the story
            kept.append(person)
        doc._.people = kept
        doc.spans[SPANS_KEY] = [m for p in kept for m in p.mentions]
        return doc


def name_part(token, particles) -> str | None:
    """What a token can be in a person's name: "word" (Siân, McDonnell, O'Brien, Ó, J.), "particle" (ap, ab,
    van, de: only inside a name), "joiner" (the hyphen of Lloyd-Evans, with no space either side), or None."""
    text = token.text
    if text in {"-", "‐"}:
        doc = token.doc
        inside = token.i > 0 and not token.whitespace_ and not doc[token.i - 1].whitespace_
        return "joiner" if inside else None
    if text.lower() in particles and (text.islower() or text in {"Ó", "Ní"}):
        return "particle"
    if NAME_WORD.match(text) and text[0].isupper() and not (text.isupper() and len(text) > 2):
        return "word"
    return None


def name_words(span: Span) -> list[str]:
    return span.text.split()


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@Language.factory(
    "strikex_people",
    assigns=["doc.spans", "doc._.people"],
    requires=["doc.ents"],
    default_config={"lexicon": "people.json"},
)
def make_people_finder(nlp: Language, name: str, lexicon: str) -> PeopleFinder:
    return PeopleFinder(nlp, name, lexicon)
