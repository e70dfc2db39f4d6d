"""strikex_councils: every UK local authority named, normalised to one name per council.

Backed by the gazetteer ``models/councils.jsonl`` (written for this project: every UK principal
authority and those abolished since 2000). Each entry's ``places`` are expanded through the forms in
``models/council_forms.json`` ("Kirklees council", "London Borough of Hackney", "Hackney Council",
"Blackpool Borough Council") and matched case-insensitively with a PhraseMatcher, together with the
entry's full names and aliases. "The council" alone and a bare place ("in Bradford") are not councils.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..resources import read_json, read_jsonl
from ._gazetteer import keep_spans, phrase_matcher

SPANS_KEY = "strikex_councils"
FORM_WORDS = {"council", "city", "borough", "county", "district", "metropolitan", "of", "the", "and", "&", "royal", "london",
              "islands", "unitary", "authority", "'s", "’s"}


def council_phrases(entries, forms):
    for e in entries:
        for text in (e["name"], e["official_name"], *e["aliases"]):
            yield e["id"], text
        for place in e["places"]:
            for form in forms:
                yield e["id"], form.format(place=place)


class CouncilFinder:
    def __init__(self, nlp: Language, name: str, gazetteer: str, forms: str):
        self.name = name
        entries = read_jsonl(gazetteer)
        self.entries = {e["id"]: e for e in entries}
        self.matcher = phrase_matcher(nlp, "LOWER", council_phrases(entries, read_json(forms)["forms"]))
        self.places = phrase_matcher(nlp, "LOWER", ((e["id"], p) for e in entries for p in e["places"]))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for key, start, end in self.matcher(doc):
            entry_id = doc.vocab.strings[key]
            # "Kirklees council's" -> keep the possessive out of the mention
            while end - start > 1 and doc[end - 1].lower_ in {"'s", "’s"}:
                end -= 1
            if not any(t.is_title or t.is_upper for t in doc[start:end] if t.lower_ not in FORM_WORDS):
                continue  # "reading council papers" is not Reading Council
            span = Span(doc, start, end, label="COUNCIL")
            span._.canonical = self.entries[entry_id]["name"]
            span._.rule = f"councils.jsonl:{entry_id}"
            spans.append(span)
        spans.extend(self.coordinated(doc))
        keep_spans(doc, spans, SPANS_KEY)
        return doc

    def coordinated(self, doc: Doc) -> list[Span]:
        """'Wrexham and Cardiff Councils', 'Leeds, Bradford and Kirklees councils': each place is a council."""
        ends: dict[int, tuple[int, str]] = {}
        for key, start, end in self.places(doc):
            if doc[start].is_title or doc[start].is_upper:
                if end not in ends or start < ends[end][0]:
                    ends[end] = (start, doc.vocab.strings[key])
        found = []
        for tok in doc:
            if tok.lower_ != "councils":
                continue
            j, members = tok.i, []
            while j in ends:
                start, entry_id = ends[j]
                members.append((start, j, entry_id))
                j = start
                if j > 0 and doc[j - 1].lower_ in {",", "and", "&"}:
                    j -= 1
                    if j > 0 and doc[j - 1].text == "," and doc[j].lower_ == "and":
                        j -= 1
                else:
                    break
            if len(members) < 2:
                continue
            for start, end, entry_id in members:
                span = Span(doc, start, end, label="COUNCIL")
                span._.canonical = self.entries[entry_id]["name"]
                span._.rule = f"councils.jsonl:{entry_id}+coordinated"
                found.append(span)
        return found


@Language.factory(
    "strikex_councils",
    assigns=["doc.spans"],
    default_config={"gazetteer": "councils.jsonl", "forms": "council_forms.json"},
)
def make_council_finder(nlp: Language, name: str, gazetteer: str, forms: str) -> CouncilFinder:
    return CouncilFinder(nlp, name, gazetteer, forms)
