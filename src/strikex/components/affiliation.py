"""A person's organisation when no role is given: the union or council they are "from", "of" or a member of.

- "the GMB's Siân Lloyd-Evans" (possessive), "Tam Baird-Ferguson (Unison)" (bracketed) and "Tam Baird, Unison,
  said" (the organisation alone in apposition, then a verb of saying);
- "Priti Lal from Unison said", "Callum Reid from the GMB union told", "Helena Ward, from Salford's Unison
  branch, said": a preposition (models/people.json "affiliation" prepositions) and the organisation, then a
  comma, a colon or a verb of saying;
- "with members Owen Lake and Sian Pugh": a list of names after a member word; the organisation is the union
  named right before that word ("Unison members A and B"), else the article's main union. "Member" here is
  what they belong to, not a role (roles.py leaves a bare member word to this rule).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..extensions import COUNCILS, UNIONS
from ._text import POSSESSIVE


class Affiliation:
    def __init__(self, lex: dict, speech: set[str], title_start):
        rules = lex["affiliation"]
        self.prepositions = set(rules["prepositions"])
        self.member_words = set(rules["member_words"])
        self.after_org = set(lex["generic_union"]) | set(lex["generic_council"]) | set(rules["after_organisation"])
        self.ends = set(rules["ends"]) | speech
        self.title_start = title_start

    def find(self, doc: Doc, mentions: list[Span], primary_union: str | None):
        """(None, organisation, evidence span, rule id) or None."""
        spans = [s for key in (UNIONS, COUNCILS) for s in doc.spans.get(key, [])]
        orgs = {s.end: s for s in spans}
        starts = {s.start: s for s in spans}
        n = len(doc)
        for m in mentions:
            left = self.title_start(m)
            if left >= 2 and doc[left - 1].lower_ in POSSESSIVE and left - 1 in orgs:
                org = orgs[left - 1]
                return None, org._.canonical, Span(doc, org.start, left), "affiliation.py:possessive"
            if m.end + 2 < n and doc[m.end].text == "(" and m.end + 1 in starts:
                org = starts[m.end + 1]
                if org.end < n and doc[org.end].text == ")":
                    return None, org._.canonical, org, "affiliation.py:bracketed"
            if m.end + 2 < n and doc[m.end].text == "," and m.end + 1 in starts:
                org = starts[m.end + 1]   # "Chantelle Moss, GMB, said": the organisation alone in apposition
                if org.end + 1 < n and doc[org.end].text == "," and doc[org.end + 1].lower_ in self.ends:
                    return None, org._.canonical, org, "affiliation.py:apposition"
            found = self.from_org(doc, m, starts)
            if found:
                return found
        for m in mentions:
            found = self.members(doc, m, orgs, primary_union)
            if found:
                return found
        return None

    def from_org(self, doc: Doc, m: Span, starts: dict):
        n = len(doc)
        k = m.end + (m.end < n and doc[m.end].text == ",")
        if k >= n or doc[k].lower_ not in self.prepositions:
            return None
        j = k + 1
        while j < n and doc[j].pos_ == "DET":
            j += 1
        for _ in range(3):  # "from Salford's Unison branch", "from the Leeds GMB branch": the place before it
            if j + 1 < n and j not in starts and (doc[j].pos_ == "PROPN" or doc[j].lower_ in POSSESSIVE):
                j += 1
        org = starts.get(j)
        if org is None:
            return None
        e = org.end
        while e < n and doc[e].lower_ in self.after_org:
            e += 1
        if e < n and doc[e].lower_ in self.ends:
            return None, org._.canonical, Span(doc, k, e), "affiliation.py:from_organisation"
        return None

    def members(self, doc: Doc, m: Span, orgs: dict, primary_union: str | None):
        i = self.title_start(m) - 1
        while i >= 0 and m.start - i < 16 and (doc[i].pos_ == "PROPN" or doc[i].lower_ in {",", "and", "&"}) \
                and doc[i].lower_ not in self.member_words:
            i -= 1
        if i < 0 or doc[i].lower_ not in self.member_words:
            return None
        org = orgs.get(i)
        name = org._.canonical if org is not None else primary_union
        return (None, name, Span(doc, i, m.start), "affiliation.py:members") if name else None
