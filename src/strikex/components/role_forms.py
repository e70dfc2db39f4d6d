"""Forms of a role phrase next to a name that the plain scans in roles.py do not read (strikex_people).

- phrase_before may run over "of the" ("The leader of the independent group, Fiona Hale,"), a hyphen that
  joins two words ("Deputy-convenor"), and "and" between two role words ("union steward and safety
  representative Gary Lund");
- a role shared by a list of names: "The joint branch secretaries of Unison, Ailsa Burns and Rab Nicol,"
  (the role before the first name, when its head is plural);
- a signature: a name alone on its line and the role alone on the next ("Marek Nowicki" / "Branch Secretary");
- an apposition with no comma: "Darren Oakes a workplace representative told the BBC", and one that opens
  with the union or council: "Gavin Stroud Unite regional officer said";
- an organisation that is neither union nor council, first in the role phrase: "Veolia’s contract manager",
  "Northvale Leisure Trust chief executive" (a possessive, or a proper name ending in an organisation word),
  and "leader of the independent group" (of + a phrase ending in an organisation word).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..extensions import doc_text
from ._text import POSSESSIVE

ARTICLES = {"a", "an", "the"}
JOINERS = {"-", "‐"}


def runs_over(doc: Doc, i: int, role_heads: set[str]) -> bool:
    """May phrase_before go on past token ``i - 1`` (it would stop there)?"""
    tok = doc[i - 1]
    if tok.lower_ in ARTICLES and i >= 2 and doc[i - 2].lower_ == "of":
        return True  # "leader of the independent group"
    if tok.text in JOINERS and not tok.whitespace_ and i >= 2 and not doc[i - 2].whitespace_:
        return True  # "Deputy-convenor"
    return tok.lower_ == "and" and i >= 2 and doc[i - 2].lower_ in role_heads  # "steward and safety representative"


def shared_left(doc: Doc, left: int) -> int | None:
    """For B in "ROLES, A and B," or "ROLES A, B and C": where the list of names starts."""
    i = left - 1
    if i < 1 or doc[i].lower_ not in {"and", "&"}:
        return None
    start = None
    while i >= 1 and doc[i].lower_ in {"and", "&", ","} and doc[i - 1].pos_ == "PROPN":
        i -= 1
        while i >= 1 and doc[i - 1].pos_ == "PROPN":
            i -= 1
        start = i
        i -= 1
    return start


def apposition_no_comma(doc: Doc, mention: Span, ends: set[str], max_words: int = 6,
                        org_starts: frozenset[int] = frozenset()) -> Span | None:
    """'Darren Oakes a workplace representative told', 'Gavin Stroud Unite regional officer said': the phrase
    between the article (or the organisation that opens it) and a verb of saying."""
    i = mention.end
    if i >= len(doc) or not (doc[i].lower_ in {"a", "an"} or i in org_starts):
        return None
    first = i if i in org_starts else i + 1
    j = first
    while j < len(doc) and j - i <= max_words and doc[j].pos_ in {"NOUN", "ADJ", "PROPN"}:
        j += 1
    return Span(doc, first, j) if j > first + (first == i) and j < len(doc) and doc[j].lower_ in ends else None


def leading_org(doc: Doc, tokens: list[int], role_heads: set[str], org_words: set[str], generic: set[str],
                of_org_words: set[str]):
    """(organisation, first token, end token, role tokens) for an organisation named first in a role phrase."""
    k = 0
    while k < len(tokens) and doc[tokens[k]].pos_ == "PROPN" and not doc[tokens[k]].is_stop \
            and doc[tokens[k]].lower_ not in role_heads | generic:
        k += 1
    if 0 < k < len(tokens) - 1 and doc[tokens[k]].lower_ in POSSESSIVE:
        return Span(doc, tokens[0], tokens[k]).text, tokens[k + 1:]
    if 0 < k < len(tokens) and doc[tokens[k - 1]].lower_ in org_words and doc[tokens[k - 1]].ent_type_ not in {"GPE", "LOC"}:
        return Span(doc, tokens[0], tokens[k]).text, tokens[k:]
    ofs = [i for i, t in enumerate(tokens) if doc[t].lower_ == "of"]
    if ofs and ofs[0] > 0 and doc[tokens[-1]].lower_ in of_org_words:
        rest = tokens[ofs[0] + 1:]
        while rest and doc[rest[0]].lower_ in ARTICLES:
            rest = rest[1:]
        if rest and not {doc[t].lower_ for t in rest} <= generic | ARTICLES:  # "leader of the council": roles.py
            return Span(doc, rest[0], rest[-1] + 1).text, tokens[:ofs[0]]
    return None


def resolve_group(doc: Doc, name: str, org_words: set[str]) -> str:
    """'independent group' -> 'Kirklees Independent Councillors Group' when the story names it so: the
    longest capitalised name ending in the same organisation word that holds all the other words."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in org_words or not words[0].islower():
        return name
    pattern = rf"(?:[A-Z][\w'’&-]*\s+)+(?i:{re.escape(words[-1])})\b"
    wanted = {w.lower() for w in words[:-1]}
    fuller = [m.group(0) for m in re.finditer(pattern, doc_text(doc))
              if wanted <= {w.lower() for w in m.group(0).split()} and m.group(0)[0].isupper()]
    return max(fuller, key=len) if fuller else name


def sentence_employer(phrase: Span, company_words: set[str]) -> str | None:
    """An organisation that is neither union nor council, named in the role's sentence: a capitalised name
    ending in a company word ("Sandwell Leisure Trust"), or the acronym the story defines for one ("SLT")."""
    doc = phrase.doc
    sent = phrase.sent
    full = rf"((?:[A-Z][\w&'’-]*\s+){{1,5}}(?:{'|'.join(sorted(w.title() for w in company_words))}))"
    names = {m.group(1) for m in re.finditer(full + r"\b", doc_text(doc)[sent.start_char:sent.end_char])}
    for m in re.finditer(full + r"\s+\(([A-Z]{2,6})\)", doc_text(doc)):
        if re.search(rf"\b{m.group(2)}\b", doc_text(doc)[sent.start_char:sent.end_char]):
            names.add(m.group(1))
    names = {n.split(" ", 1)[1] if n.split()[0] in {"The", "A", "An"} else n for n in names}
    return names.pop() if len(names) == 1 else None


def role_on_next_line(doc: Doc, mention: Span, max_words: int = 6) -> Span | None:
    """'Marek Nowicki\\nBranch Secretary': the line after a name alone on its line, when it is short."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, mention.start_char) + 1
    line_end = text.find("\n", mention.end_char)
    if line_end < 0 or text[line_start:line_end].strip() != mention.text:
        return None
    next_end = text.find("\n", line_end + 1)
    next_end = len(text) if next_end < 0 else next_end
    span = doc.char_span(line_end + 1, next_end, alignment_mode="contract")
    if span is None or not 1 <= len([t for t in span if not t.is_space]) <= max_words:
        return None
    return span if all(t.is_alpha or t.text in {"-", "&"} for t in span if not t.is_space) else None
