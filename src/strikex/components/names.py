"""People's names for strikex_people: finding them, cleaning them and joining the mentions of one person.

Names come from the pretrained NER (PERSON) and from name patterns (a title, a role word, an apposition or a
verb of saying next to a capitalised run); titles are dropped, anything the union or council rules found is
not a person ("Unison" tagged PERSON), nor is text in boilerplate (photo credits, bylines). Surname or
first-name mentions join the full name they follow ("Garnsey" → "Tony Garnsey").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..extensions import COUNCILS, DATES, UNIONS, token_lowers, token_words
from ._text import POSSESSIVE
from .boilerplate import span_in_boilerplate
from .roles import RoleFinder

NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’])*\.?$")


@dataclass
class PersonFound:
    """A person as strikex_people finds them (records.Person is what the output says of them)."""
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


class NameFinder:
    def __init__(self, lex: dict, speech: dict, roles: RoleFinder):
        self.roles = roles
        self.titles = roles.titles
        self.role_heads = roles.role_heads
        self.parties = roles.parties
        self.not_names = set(lex["not_names"])
        self.place_nouns = set(lex["place_nouns"])
        self.org_words = set(lex["org_words"])
        self.particles = set(lex["name_particles"])
        rules = lex["names"]
        self.particles_capitalised = set(rules["capitalised_particles"])
        self.joiners = set(rules["joiners"])
        self.not_before = set(rules["not_before"])
        self.place_before = set(rules["place_before"])
        self.swallowing = set(rules["swallowing_entities"])
        # verbs of saying (speech.json): after a name, and after a role word and a name with the other words that may follow
        self.speech = set(speech["speech_verbs"]) | set(speech["evaluative_verbs"])
        self.after_role_name = set(speech["speech_verbs"]) | set(rules["after_role_name"])

    def parts(self, doc: Doc) -> list[str]:
        """Each token's name part ("word", "particle", "joiner"), or "" (see name_part); read from the Doc's
        token columns."""
        words = token_words(doc)
        spaces = doc.to_array("SPACY").tolist() if len(doc) else []
        return [self.name_part(words, spaces, i) or "" for i in range(len(words))]

    def name_part(self, words: list[str], spaces: list[int], i: int) -> str | None:
        """What token ``i`` (its text ``words[i]``, whether a space follows ``spaces[i]``) can be in a person's
        name: "word" (Siân, McDonnell, O'Brien, Ó, J.), "particle" (ap, ab, van, de: only inside a name),
        "joiner" (the hyphen of Lloyd-Evans, with no space either side), or None."""
        text = words[i]
        if text in self.joiners:
            inside = i > 0 and not spaces[i] and not spaces[i - 1]
            return "joiner" if inside else None
        if text.lower() in self.particles and (text.islower() or text in self.particles_capitalised):
            return "particle"
        if NAME_WORD.match(text) and text[0].isupper() and not (text.isupper() and len(text) > 2):
            return "word"
        return None

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
        an ORG, or misses it), or a title-case one after another title-case word ("BHCC Chief Exec Jo Bloggs, who");
        a name before a comma ("Rhian Gwilym, Cardiff branch chair for Unison, said");
        a name before a verb of saying, or after a possessive and before one ("the GMB's Siân Lloyd-Evans said")."""
        runs = self.name_runs(parts)
        n = len(doc)
        org_ends = {sp.start: sp.end for key in (UNIONS, COUNCILS) for sp in doc.spans.get(key, [])}
        words, lowers = token_words(doc), token_lowers(doc)
        for i in range(n):
            if i + 1 < n and words[i] in self.titles and parts[i + 1] == "word":
                for e in [i + 2] + runs.get(i + 1, []):
                    yield "titled_name", i, e
            if lowers[i] not in self.role_heads:
                continue
            tok = doc[i]
            if tok.is_lower or (tok.is_title and i > 0 and doc[i - 1].is_title):
                for k in (i + 1, i + 2) if i + 1 < n and doc[i + 1].text == "," else (i + 1,):
                    for e in runs.get(k, []):
                        yield "name_after_role", i, e
        for s, ends in runs.items():
            for e in ends:
                if e < n and doc[e].text == ",":
                    yield "name_before_apposition", s, e + 1
                k = e + (e < n and doc[e].text == ",")
                if k < n and doc[k].lower_ in {"from", "of"}:
                    yield "name_from_organisation", s, e
                if e < n and doc[e].lower_ in self.speech:
                    yield "name_before_speech", s, e + 1
                    if s > 0 and doc[s - 1].lower_ in POSSESSIVE:
                        yield "name_after_possessive", s - 1, e + 1
                j = org_ends.get(e, e)  # "Gwen Price Unison branch secretary said": the union opens the role
                if j > e:
                    while j < n and j - e <= 6 and doc[j].pos_ in {"NOUN", "ADJ", "PROPN"} and doc[j].lower_ not in self.speech:
                        j += 1
                    if j < n and doc[j].lower_ in self.speech and doc[j - 1].lower_ in self.role_heads:
                        yield "name_before_org_role", s, e

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
        if end < len(doc) and doc[end].text in self.not_before:
            return None
        return name

    def candidates(self, doc: Doc, parts: list[str]) -> list[Span]:
        blocked = {i for key in (UNIONS, COUNCILS) for s in doc.spans.get(key, []) for i in range(s.start, s.end)}
        date_tokens = {i for s in doc.spans.get(DATES, []) for i in range(s.start, s.end)}
        raw = [(trim_tail(e, blocked), "names.py:ner_person") for e in doc.ents if e.label_ == "PERSON"]
        # "“Under Miriam Okoye, ...": the NER swallows a capitalised function word and calls the run something else
        raw += [(Span(doc, e.start + 1, e.end), "names.py:entity_after_function_word") for e in doc.ents
                if e.label_ in self.swallowing and e[0].pos_ in {"ADP", "SCONJ"} and e[0].is_title and 2 <= len(e) - 1 <= 3
                and all(parts[i] == "word" and doc[i].lower_ not in self.org_words for i in range(e.start + 1, e.end))]
        for rule, s, e in self.name_matches(doc, parts):
            if rule == "titled_name":
                raw.append((Span(doc, s, e), "names.py:titled_name"))
            elif rule == "name_before_apposition":
                name = Span(doc, s, e - 1)
                phrase = self.roles.phrase_after(doc, name)
                if phrase is not None and self.roles.has_head(phrase) and phrase.end < len(doc):
                    k = phrase.end + (doc[phrase.end].text == ",")
                    if k < len(doc) and doc[k].lower_ in self.speech:
                        raw.append((name, "names.py:name_before_apposition"))
            elif rule == "name_after_role":
                if e == len(doc) or doc[e].lower_ in self.after_role_name:
                    raw.append((Span(doc, s + 1 + (doc[s + 1].text == ","), e), "names.py:name_after_role"))
            elif rule == "name_from_organisation":
                # "Priti Lal from Unison said", "Helena Ward, from Salford's Unison branch, said" (affiliation.py)
                starts = {sp.start: sp for key in (UNIONS, COUNCILS) for sp in doc.spans.get(key, [])}
                if self.roles.affiliation.from_org(doc, Span(doc, s, e), starts):
                    raw.append((Span(doc, s, e), "names.py:name_from_organisation"))
            elif rule == "name_before_org_role":
                # a role and a verb of saying vouch for the name, whatever the NER calls its words
                if len(name_words(Span(doc, s, e))) >= 2 and not any(t.lower_ in self.org_words for t in doc[s:e]):
                    raw.append((Span(doc, s, e), "names.py:name_before_org_role"))
            elif rule == "name_after_possessive":
                # "the GMB's Siân Lloyd-Evans said": the NER calls the name part of the organisation
                if s - 1 in blocked:
                    raw.append((Span(doc, s + 1, e - 1), "names.py:name_after_possessive"))
            else:
                name = Span(doc, s, e - 1)
                # the weakest evidence: only names the NER does not call something else, with no organisation word
                if len(name_words(name)) >= 2 and not any(t.ent_type_ not in {"", "PERSON"} or t.lower_ in self.org_words
                                                          for t in name):
                    raw.append((name, "names.py:name_before_speech"))
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
        # "Branch Chair, Marcia Delaney, told": a title-case role set before a name by a comma is the role
        for (s, e) in list(found):
            if doc[e - 1].lower_ in self.role_heads and e + 1 < len(doc) and doc[e].text == "," \
                    and any(k[0] == e + 1 for k in found):
                del found[(s, e)]
        # "members Owen Lake and Sian Pugh": a name coordinated with a name found is a name
        runs = self.name_runs(parts)
        for (s, e) in sorted(found):
            k = e + (e < len(doc) and doc[e].text == ",")
            if k < len(doc) and doc[k].lower_ == "and" and k + 1 in runs and not any(f[0] == k + 1 for f in found):
                end = runs[k + 1][0]
                if end - k - 1 == 2 and not any(i in blocked or doc[i].lower_ in self.org_words for i in range(k + 1, end)) \
                        and doc[k + 1].ent_type_ in {"", "PERSON"}:
                    name = Span(doc, k + 1, end, label="PERSON")
                    name._.rule = "names.py:coordinated_name"
                    found[(k + 1, end)] = name
        return [found[k] for k in sorted(found)]

    def cluster(self, names: list[Span]) -> list[PersonFound]:
        people: dict[str, PersonFound] = {}
        singles: list[Span] = []
        for span in names:
            if len(name_words(span)) >= 2:
                key = span.text.lower()
                person = people.setdefault(key, PersonFound(name=span.text, rule=span._.rule))
                person.mentions.append(span)
            else:
                singles.append(span)
        for span in singles:
            token = span.text.lower()
            options = [p for p in people.values() if token in {p.surname.lower(), p.first_name.lower()}]
            if not options:
                if span.start > 0 and doc_title(span, self.titles):
                    # "Mr Fennimore said": a titled surname is a person even with no full name in the story
                    people.setdefault(token, PersonFound(name=span.text, rule=span._.rule)).mentions.append(span)
                continue
            before = [p for p in options if p.mentions[0].start < span.start]
            best = max(before or options, key=lambda p: max((m.start for m in p.mentions if m.start < span.start), default=-1))
            best.mentions.append(span)
        for p in people.values():
            p.mentions.sort(key=lambda s: s.start)
        return sorted(people.values(), key=lambda p: p.mentions[0].start)

    def is_place(self, doc: Doc, mention: Span) -> bool:
        """'Mill Hill depot', 'Childs Hill, East Barnet and Mill Hill libraries', 'outside Leeds Civic Hall':
        names of places, not people."""
        if mention[-1].lower_ in self.place_nouns and (
                len(mention) >= 3 or (mention.start > 0 and doc[mention.start - 1].lower_ in self.place_before)):
            return True
        i = mention.end
        while i < len(doc) and i - mention.end < 10 and (doc[i].pos_ == "PROPN" or doc[i].text == "," or doc[i].lower_ == "and"):
            i += 1
        return i < len(doc) and doc[i].lower_ in self.place_nouns



def trim_tail(ent: Span, blocked: set[int]) -> Span:
    """'Gavin Stroud Unite' (said): the NER runs a name on into the union or council named after it; the name
    is the part before."""
    end = ent.end
    while end > ent.start and end - 1 in blocked:
        end -= 1
    return ent if end == ent.end or end - ent.start < 2 else Span(ent.doc, ent.start, end, label=ent.label_)


def doc_title(span: Span, titles: set[str]) -> bool:
    prev = span.doc[span.start - 1].text
    return prev in titles or prev.rstrip(".") in titles


def name_words(span: Span) -> list[str]:
    return span.text.split()
