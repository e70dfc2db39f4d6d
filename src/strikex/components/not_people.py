"""Capitalised runs the NER calls a PERSON that name something else: places, companies, page furniture and
figures of speech. Each rule reads the name and the words around it; the word lists are models/people.json
"not_people" (compared lower-cased).

- a place: the name ends in a place noun ("Kinder Library", "Oakham Market"), except the nouns that are
  also surnames ("Hall", "Street") which count only after a place preposition (names.py is_place);
- a company: a company word after the first word ("Northvale Leisure Limited", "Coastline Rail North");
- a workforce: the name, alone or in a list of names, before a workforce noun ("Coastline Rail North and
  Harbourside Ferries workers");
- page furniture: a web widget word in the name ("Invalid Email"), or every mention on a short line of
  capitalised words with no verb ("Live Green Recycling Truck");
- a figure of speech: one mention, after a cue such as "worthy of" ("worthy of Uriah Heep").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span


class NotPeople:
    def __init__(self, lex: dict):
        rules = lex["not_people"]
        self.surnames = set(rules["place_nouns_also_surnames"])
        self.place_nouns = set(lex["place_nouns"]) - self.surnames
        self.company = set(rules["company_words"])
        self.workforce = set(rules["workforce_nouns"])
        self.furniture = set(rules["furniture_words"])
        self.figure_cues = rules["figure_cues"]
        self.line_words = rules["furniture_line_max_words"]

    def why(self, doc: Doc, mentions: list[Span]) -> str | None:
        """Why these mentions of one name are not a person, or None."""
        full = max(mentions, key=len)
        words = [t.lower_ for t in full]
        if any(w in self.furniture for w in words):
            return "furniture"
        if len(full) >= 2 and words[-1] in self.place_nouns:
            return "place"
        if any(w in self.company for w in words[1:]):
            return "company"
        if any(self.before_workforce(doc, m) for m in mentions):
            return "workforce"
        if all(self.furniture_line(doc, m) for m in mentions):
            return "furniture_line"
        if len(mentions) == 1 and self.figure(doc, full):
            return "figure_of_speech"
        return None

    def before_workforce(self, doc: Doc, mention: Span) -> bool:
        i = mention.end
        while i < len(doc) and i - mention.end < 8 and (doc[i].pos_ == "PROPN" or doc[i].lower_ in {"and", "&", ","}):
            i += 1
        return i < len(doc) and doc[i].lower_ in self.workforce

    def furniture_line(self, doc: Doc, mention: Span) -> bool:
        start, end = mention.start, mention.end
        while start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_:
            start -= 1
        while end < len(doc) and "\n" not in doc[end - 1].whitespace_ and "\n" not in doc[end].text:
            end += 1
        line = [t for t in doc[start:end] if not t.is_space]
        words = [t for t in line if t.is_alpha]
        return (len(words) > len(mention) and len(words) <= self.line_words and len(words) == len(line)
                and all(t.is_title for t in words) and not any(t.pos_ in {"VERB", "AUX"} for t in line))

    def figure(self, doc: Doc, mention: Span) -> bool:
        before = doc.text[max(0, mention.start_char - 30):mention.start_char].lower().rstrip()
        return any(before.endswith(cue) and (len(before) == len(cue) or not before[-len(cue) - 1].isalpha())
                   for cue in self.figure_cues)
