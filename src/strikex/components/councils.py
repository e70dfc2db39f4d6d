"""strikex_councils: every UK local authority named, normalised to one name per council.

Backed by the gazetteer ``models/councils.jsonl`` (written for this project: every UK principal
authority and those abolished since 2000). Each entry's ``places`` are expanded through the forms in
``models/council_forms.json`` ("Kirklees council", "London Borough of Hackney", "Hackney Council",
"Blackpool Borough Council"): a PhraseMatcher finds the places (case-insensitively) and the form words
around them are checked; a second one finds the entries' full names and aliases. "The council" alone and a bare place ("in Bradford") are not councils.
"""
from __future__ import annotations

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..extensions import COUNCILS, PLACES, token_lowers
from ._gazetteer import keep_spans, most_named, named_span, phrase_matcher
from ._rules import RuleComponent

SPANS_KEY = COUNCILS
PLACES_KEY = PLACES


def main_council(doc: Doc) -> str | None:
    """The article's main council: the one named most, counting the bare mentions of its place ("social
    workers in Hammersmith and Fulham") once it has been named as a council."""
    councils = list(doc.spans.get(SPANS_KEY, []))
    named = {s._.canonical for s in councils}
    return most_named(councils + [p for p in doc.spans.get(PLACES_KEY, []) if p._.canonical in named])


def name_phrases(entries):
    for e in entries:
        for text in (e["name"], e["official_name"], *e["aliases"]):
            yield e["id"], text


class CouncilFinder(RuleComponent):
    def setup(self, nlp: Language, data: dict) -> None:
        entries = data["gazetteer"]
        self.entries = {e["id"]: e for e in entries}
        self.names = phrase_matcher(nlp, "LOWER", name_phrases(entries))
        self.places = phrase_matcher(nlp, "LOWER", ((e["id"], p) for e in entries for p in e["places"]))
        self.place_ids = {p.lower(): e["id"] for e in entries for p in e["places"]}
        # each form as the words before and after the place: "london borough of {place}" -> (london borough of, )
        lex = data["forms"]
        self.form_words = set(lex["form_words"])
        self.kinds = set(lex["council_kinds"])
        self.abbreviations = set(lex["abbreviations"])
        self.list_cues = set(lex["list_cues"])
        self.forms = []
        for form in lex["forms"]:
            words = [t.lower for t in nlp.make_doc(form.replace("{place}", "PLACEHOLDER"))]
            i = words.index(nlp.vocab.strings["placeholder"])
            self.forms.append((words[:i], words[i + 1:]))   # as LOWER hashes
        self.forms.sort(key=lambda f: -(len(f[0]) + len(f[1])))

    def with_form(self, lower: list[int], start: int, end: int) -> tuple[int, int] | None:
        """The longest council form around a place ("Blackpool Borough Council"), if any; ``lower`` is the
        Doc's LOWER array."""
        for before, after in self.forms:
            s, e = start - len(before), end + len(after)
            if s < 0 or e > len(lower):
                continue
            if lower[s:start] == before and lower[end:e] == after:
                return s, e
        return None

    def process(self, doc: Doc) -> Doc:
        found = [(k, s, e) for k, s, e in self.names(doc)]
        places = []
        lower = doc.to_array(LOWER).tolist()
        place_matches = self.places(doc)
        for key, start, end in place_matches:
            extent = self.with_form(lower, start, end)
            if extent:
                found.append((key, *extent))
            if doc[start].is_title or doc[start].is_upper:
                entry = self.entries[doc.vocab.strings[key]]
                places.append(named_span(doc, start, end, "PLACE", entry["name"], f"{self.files['gazetteer']}:{entry['id']}+place"))
        # places named alone ("in Bradford", "Glasgow bin workers") are not councils, but other rules ask
        doc.spans[PLACES_KEY] = filter_spans(places)
        spans = []
        for key, start, end in found:
            entry_id = doc.vocab.strings[key]
            # "Kirklees council's" -> keep the possessive out of the mention
            while end - start > 1 and doc[end - 1].lower_ in {"'s", "’s"}:
                end -= 1
            if not any(t.is_title or t.is_upper for t in doc[start:end] if t.lower_ not in self.form_words):
                continue  # "reading council papers" is not Reading Council
            if doc[end - 1].lower_ in self.abbreviations and not doc[end - 1].is_upper:
                continue  # "Derbyshire CC", but not a lower-case "cc"
            spans.append(named_span(doc, start, end, "COUNCIL", self.entries[entry_id]["name"], f"{self.files['gazetteer']}:{entry_id}"))
        spans.extend(self.coordinated(doc, place_matches))
        keep_spans(doc, spans, SPANS_KEY)
        doc._.main_council = main_council(doc)
        return doc

    def coordinated(self, doc: Doc, place_matches) -> list[Span]:
        """'Wrexham and Cardiff Councils', 'Leeds, Bradford and Kirklees councils': each place is a council."""
        ends: dict[int, tuple[int, str]] = {}
        for key, start, end in place_matches:
            if doc[start].is_title or doc[start].is_upper:
                if end not in ends or start < ends[end][0]:
                    ends[end] = (start, doc.vocab.strings[key])
        found = []
        lowers = token_lowers(doc)
        for i in range(len(doc)):
            if lowers[i] != "councils":
                continue
            tok = doc[i]
            j, members = tok.i, []
            while j > 0 and doc[j - 1].lower_ in self.kinds:
                j -= 1  # "East and West Sussex county councils"
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
            members += self.shared_place(doc, members[-1]) if members else []
            if len(members) == 1 and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "NOUN" and \
                    (members[0][0] == 0 or doc[members[0][0] - 1].lower_ not in {",", "and", "&"}):
                pass  # "the Wirral councils recycling contractor": one council's, the apostrophe left out
            elif len(members) < 2:
                members = self.listed_after(doc, tok.i, ends)
                if len(members) < 2:
                    continue
            for start, end, entry_id in members:
                found.append(named_span(doc, start, end, "COUNCIL", self.entries[entry_id]["name"],
                                        f"{self.files['gazetteer']}:{entry_id}+coordinated"))
        return found

    def listed_after(self, doc: Doc, i: int, ends: dict) -> list[tuple[int, int, str]]:
        """'the councils affected are Bury, Oldham and Rochdale', 'councils including Sefton and Wirral':
        places listed after a cue word within four words of "councils"."""
        starts = {s: (e, entry_id) for e, (s, entry_id) in ends.items()}
        cue = next((j for j in range(i + 1, min(i + 5, len(doc))) if doc[j].lower_ in self.list_cues), None)
        members, j = [], (cue + 1) if cue is not None else len(doc)
        while j in starts:
            end, entry_id = starts[j]
            members.append((j, end, entry_id))
            j = end
            while j < len(doc) and doc[j].lower_ in {",", "and", "&"}:
                j += 1
        return members

    def shared_place(self, doc: Doc, first: tuple[int, int, str]) -> list[tuple[int, int, str]]:
        """'North and South Lanarkshire councils': a word before "and" that takes the place's first word's
        position ("North Lanarkshire") names a council of its own."""
        start, end, _ = first
        if start < 2 or end - start < 2 or doc[start - 1].lower_ not in {"and", "&"} or not doc[start - 2].is_title:
            return []
        name = " ".join([doc[start - 2].lower_] + [t.lower_ for t in doc[start + 1:end]])
        entry_id = self.place_ids.get(name)
        return [(start - 2, start - 1, entry_id)] if entry_id else []


@Language.factory(
    "strikex_councils",
    assigns=["doc.spans"],
    default_config={"gazetteer": "councils.jsonl", "forms": "council_forms.json"},
)
def make_council_finder(nlp: Language, name: str, gazetteer: str, forms: str) -> CouncilFinder:
    return CouncilFinder(nlp, name, gazetteer=gazetteer, forms=forms)
