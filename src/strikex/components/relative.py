"""Roles in a relative clause after a name, for strikex_people (a part of roles.RoleFinder):
"Ann Lee, who chairs the Friends of Hove Library," (a verb that names a role), "Joe Bell, who has worked as a
care assistant for the council for ten years," and "Ken Morley, 58, of Haworth, who has been a refuse loader"
(age and home town skipped; "be a ROLE"). Word lists: models/people.json "relative_clause".
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

FINITE = {"VERB", "AUX"}           # a verb ends a role phrase


class RelativeRoles:
    def relative_role(self, doc: Doc, mention: Span, primary_union, primary_council):
        """A role in a relative clause: "Ann Lee, who chairs the Friends of Hove Library," (a verb that names
        a role) and "Joe Bell, who has worked as a care assistant for the council for ten years,"."""
        i = skip_appositions(doc, mention.end)
        if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ != "who":
            return None
        j = i + 2
        while j < len(doc) and doc[j].lower_ in self.auxiliaries:
            j += 1
        be_a = j + 1 < len(doc) and doc[j].lower_ in {"a", "an"} and self.lemma(doc[j - 1]) == "be"
        if j + 1 >= len(doc) or not (doc[j].pos_ in FINITE or be_a):
            return None
        end = j + 1
        while end < len(doc) and end - j < 14 and doc[end].text not in self.phrase_end and doc[end].lower_ not in self.clause_ends \
                and not (doc[end].pos_ == "ADP" and end + 1 < len(doc) and doc[end + 1].like_num):
            end += 1
        obj = Span(doc, j + 1, end)
        lemma = self.lemma(doc[j])
        if lemma in self.role_verbs and len(obj):
            org = self.org_in(obj, primary_union, primary_council)
            name = org[0] if org else self.proper_name(obj)
            return (self.role_verbs[lemma], name, Span(doc, j, end), "relative.py:role_verb") if name else None
        if be_a or (lemma in self.works_as and doc[j + 1].lower_ == "as" and len(obj) > 1):
            phrase = Span(doc, j + 1 if be_a else j + 2, end)  # "who has been a refuse loader"
            role, org = self.split_role(phrase, primary_union, primary_council, trusted=True)
            cut = next((t.i for t in phrase if t.lower_ in self.employer_before), None)
            if org is None and cut is not None and self.proper_name(Span(doc, cut + 1, end)):
                # "as a librarian at Hove Central Library": an organisation that is neither union nor council
                org = self.proper_name(Span(doc, cut + 1, end))
                role = self.split_role(Span(doc, phrase.start, cut), primary_union, primary_council, trusted=True)[0]
            return (role, org, phrase, "relative.py:" + ("be_a" if be_a else "works_as")) if role else None
        return None

    def proper_name(self, phrase: Span) -> str | None:
        """'the Friends of Hove Library and its volunteers' -> 'Friends of Hove Library'."""
        tokens = list(phrase)
        while tokens and tokens[0].pos_ == "DET":
            tokens = tokens[1:]
        kept = []
        for t in tokens:
            if not (t.is_title or t.is_upper or (kept and t.lower_ in self.proper_name_joiners)):
                break
            kept.append(t)
        while kept and not (kept[-1].is_title or kept[-1].is_upper):
            kept.pop()
        return phrase.doc[kept[0].i:kept[-1].i + 1].text if kept else None


def skip_appositions(doc: Doc, i: int) -> int:
    """Past an age and a home town after a name: "Ken Morley, 58, of Haworth," -> the last comma."""
    n = len(doc)
    if i + 2 < n and doc[i].text == "," and doc[i + 1].like_num and doc[i + 2].text == ",":
        i += 2
    if i + 2 < n and doc[i].text == "," and doc[i + 1].lower_ in {"of", "from"}:
        k = i + 2
        while k < n and k - i < 6 and doc[k].pos_ == "PROPN":
            k += 1
        if k > i + 2 and k < n and doc[k].text == ",":
            i = k
    return i
