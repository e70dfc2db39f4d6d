"""Roles and organisations of the people strikex_people found: the rules that read the words around a name.

A role comes from the phrase before the name ("Unison's lead negotiator Patrick Kerry"), after it ("Paul
Holmes, branch secretary for Unison in Kirklees, said"), before a comma ("the director of social services,
Steve Pullen,") or from a relative clause ("Ann Lee, who chairs the Friends of Hove Library,"). The
organisation is the union, council or party named in that phrase, else the article's main union or council
for a role of that kind; failing a role, an organisation right by the name ("the GMB's Siân Lloyd-Evans").
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import COUNCILS, PLACES, UNIONS
from ._gazetteer import token_indices
from ._lemmas import Lemmas
from ._text import POSSESSIVE
from .relative import FINITE, RelativeRoles
from .role_forms import (apposition_no_comma, leading_org, resolve_group, role_on_next_line, runs_over,
                         sentence_employer, shared_left)

# parts of speech and tags the phrase rules read (the word lists are in models/people.json)
PARTICIPLES = {"VBN", "VBG"}       # ... unless a participle ("elected", "acting")
ROLE_POS = {"NOUN", "PROPN", "ADJ", "ADP", "PART", "CCONJ", "NUM", "X"}  # what a role phrase before a name is made of


class RoleFinder(RelativeRoles):
    def __init__(self, nlp: Language, lex: dict):
        self.lemma = Lemmas(nlp)
        self.titles = set(lex["titles"])
        self.org_words = set(lex["org_words"])
        self.company_words = set(lex["not_people"]["company_words"])
        self.of_org_words = set(lex["role_phrase"]["of_organisation_words"])
        self.role_heads = set(lex["role_heads"]) | {w for r in lex["press_roles"] for w in r.split()}
        self.role_kinds = sorted(lex["role_kinds"].items(), key=lambda kv: -len(kv[0]))
        self.press = set(lex["press_roles"])
        self.parties = lex["parties"]
        self.generic_council = set(lex["generic_council"])
        self.generic_union = set(lex["generic_union"])
        self.role_verbs = lex["role_verbs"]
        phrase = lex["role_phrase"]
        self.phrase_end = set(phrase["end_marks"])
        self.stops_after = set(phrase["stop_words"]) - set(phrase["kept_after_name"])
        self.stops_before = set(phrase["stop_words"]) | set(phrase["stop_words_before_name"])
        self.skipped_after_comma = set(phrase["skipped_after_comma"]) | POSSESSIVE
        trim = lex["role_trim"]
        self.articles = set(trim["articles"])
        self.leading = self.articles | set(trim["leading_words"]) | POSSESSIVE
        clause = lex["relative_clause"]
        self.auxiliaries = set(clause["auxiliaries"])
        self.clause_ends = set(clause["ends"])
        self.works_as = set(clause["works_as_verbs"])
        self.employer_before = set(clause["organisation_after"])
        self.proper_name_joiners = set(clause["proper_name_joiners"])
        self.before_generic = set(lex["organisation"]["before_generic"])

    def is_press(self, role: str) -> bool:
        """'reporter', 'political editor': journalists and photographers are not people in the story."""
        return any(re.search(rf"\b{re.escape(p)}\b", role) for p in self.press)

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
        while i < len(doc) and doc[i].lower_ in self.skipped_after_comma:
            i += 1
        start = i
        while i < len(doc) and not (doc[i].lower_ == "and" and i + 1 < len(doc) and doc[i + 1].pos_ == "DET") \
                and (doc[i].text not in self.phrase_end or glued_hyphen(doc, i)) and doc[i].lower_ not in self.stops_after \
                and not (doc[i].pos_ in FINITE and doc[i].tag_ not in PARTICIPLES) and i - start < 14:
            i += 1
        return Span(doc, start, i) if i > start else None

    def phrase_before(self, doc: Doc, start: int) -> Span | None:
        """The role phrase ending right before token ``start`` (a name, or the comma before one)."""
        i = start
        while i > 0:
            tok = doc[i - 1]
            if (i < start and runs_over(doc, i, self.role_heads)) or (
                    tok.lower_ in self.role_heads and i >= 2 and doc[i - 2].pos_ in {"CCONJ", "NOUN", "ADJ", "PROPN"}):
                i -= 1  # ... and "convenor" tagged a verb
                continue
            if tok.text in self.phrase_end or tok.lower_ in self.stops_before:
                break
            if tok.pos_ in FINITE and tok.tag_ not in PARTICIPLES:
                break
            if tok.pos_ not in ROLE_POS and tok.lower_ not in POSSESSIVE:
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
            if phrase.start <= s.start and s.end < phrase.end and doc[s.end].lower_ in POSSESSIVE and s._.canonical in councils:
                return s._.canonical, s.start, s.end
        text = phrase.text
        for party in sorted(self.parties, key=len, reverse=True):
            m = re.search(rf"\b{re.escape(party)}\b", text)
            if m:
                s = phrase.char_span(m.start(), m.end(), alignment_mode="expand")
                if s is not None:
                    after = doc[s.end:phrase.end].text.lower()
                    if not party.isupper() and any(k == "council" and after.startswith(r) for r, k in self.role_kinds):
                        # "Green councillor": a party adjective says which councillor, not whose ("SDLP councillor": the party)
                        return "", s.start, s.start
                    return self.parties[party], s.start, s.end
        for i, tok in enumerate(phrase):
            nxt = phrase[i + 1].lower_ if i + 1 < len(phrase) else ""
            if tok.lower_ in self.generic_council and (nxt in POSSESSIVE or (i > 0 and phrase[i - 1].lower_ in self.before_generic)):
                return primary_council, tok.i, tok.i + 1
            if tok.lower_ in self.generic_union and (nxt in POSSESSIVE or (i > 0 and phrase[i - 1].lower_ in self.before_generic)):
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
            while before > phrase.start and doc[before - 1].lower_ in self.articles:
                before -= 1
            if before > phrase.start and doc[before - 1].pos_ == "ADP":
                # "branch secretary for Unison in Kirklees": the role ends before the preposition
                while before > phrase.start and doc[before - 1].pos_ == "ADP":
                    before -= 1
                role_tokens = [i for i in tokens if i < before]
            else:
                # "Unison's lead negotiator", "joint NEU general secretaries", "the Council's executive ..."
                role_tokens = [i for i in tokens if not (o_start <= i < o_end) and not (i == o_end and doc[i].lower_ in POSSESSIVE)
                               and not (i < o_start and doc[i].pos_ == "PROPN")]  # "Swindon Unison treasurer"
        else:
            role_tokens = tokens
            lead = leading_org(doc, tokens, self.role_heads, self.org_words, self.generic_council | self.generic_union,
                                   self.of_org_words)
            if lead:  # "Veolia's contract manager", "leader of the independent group"
                name, role_tokens = resolve_group(doc, lead[0], self.org_words), lead[1]
        while role_tokens and (doc[role_tokens[0]].lower_ in self.leading
                               or doc[role_tokens[0]].ent_type_ in {"GPE", "LOC"} or self.is_place_word(doc, role_tokens)):
            role_tokens = role_tokens[1:]
        while role_tokens and (doc[role_tokens[-1]].pos_ in {"ADP", "CCONJ", "DET"} or doc[role_tokens[-1]].text in self.phrase_end):
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
            return None, name or None
        role_span = Span(doc, role_tokens[0], role_tokens[-1] + 1)
        if not trusted and not self.has_head(role_span):
            return None, name or None
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
            if kind == "council":  # "chief executive NAME said SLT had met the unions": the trust's, not the council's
                name = sentence_employer(phrase, self.company_words) or name
        return role, name or None

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
            yield after, "roles.py:apposition_after"
        org_starts = frozenset(s.start for key in (UNIONS, COUNCILS) for s in doc.spans.get(key, []))
        bare = apposition_no_comma(doc, mention, self.affiliation.ends, org_starts=org_starts)
        if bare is not None:
            yield bare, "role_forms.py:apposition_no_comma"
        yield from self.phrases_before(doc, left, "roles.py")
        below = role_on_next_line(doc, mention)
        if below is not None:
            yield below, "role_forms.py:role_on_next_line"
        first = shared_left(doc, left)
        if first is not None:  # "the joint branch secretaries of Unison, Ailsa Burns and Rab Nicol"
            for phrase, rule in self.phrases_before(doc, first, "role_forms.py:shared"):
                if any(t.tag_ == "NNS" and t.lower_ not in self.role_heads for t in phrase):
                    yield phrase, rule

    def phrases_before(self, doc: Doc, left: int, rule: str):
        before = self.phrase_before(doc, left)
        if before is not None:
            yield before, rule + (":role_before_name" if rule == "roles.py" else "_role_before_name")
        if left >= 2 and doc[left - 1].text == ",":
            pre = self.phrase_before(doc, left - 1)
            if pre is not None:
                yield pre, rule + (":apposition_before" if rule == "roles.py" else "_apposition_before")

    def find_role(self, doc: Doc, mentions: list[Span], primary_union, primary_council, others=frozenset()):
        """(role, organisation, evidence span, rule id) of a person's mentions, or None. The first role found
        for any mention; one that names its organisation wins over one that does not."""
        found = []
        for mention in mentions:
            relative = self.relative_role(doc, mention, primary_union, primary_council)
            if relative:
                found.append(relative)
                continue
            for phrase, rule in self.role_phrases(doc, mention):
                if not self.has_head(phrase) or any(t.i in others for t in phrase):
                    continue  # no role word, or the phrase runs over another person's name
                role, org = self.split_role(phrase, primary_union, primary_council)
                if role in self.affiliation.member_words:
                    break  # "members A and B": what they belong to (affiliation.py), not a role
                if role:
                    found.append((role, org, phrase, rule))
                    break
        with_org = [f for f in found if f[1]]
        if with_org or found:
            return (with_org or found)[0]
        return self.affiliation.find(doc, mentions, primary_union)

    def is_place_word(self, doc: Doc, tokens: list[int]) -> bool:
        """'Swansea branch chair': a place named before a role is where, not what ('Shadow chancellor' stays)."""
        places = token_indices(doc, PLACES)
        return len(tokens) > 1 and tokens[0] in places



def glued_hyphen(doc: Doc, i: int) -> bool:
    """'co-ordinating': a hyphen inside a word (no space either side) does not end a role phrase as a dash does."""
    return doc[i].text in {"-", "‐"} and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
