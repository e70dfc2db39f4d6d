"""Capitalised runs the NER calls a PERSON that name something else: places, companies, page furniture and
figures of speech. Each rule reads the name and the words around it; the word lists are models/people.json
"not_people" (compared lower-cased).

- a place: the name ends in a place noun ("Kinder Library", "Oakham Market"), except the nouns that are
  also surnames ("Hall", "Street") which count only after a place preposition (names.py is_place);
- a street: the name ends in a street noun ("a section of Mill Lane", "Castle Hill", "Fore Street"), and no
  mention has a title, a speech verb or a role head beside it ("Jo Lane said", "organiser Sam Green");
- a company: a company word after the first word ("Northvale Leisure Limited", "Coastline Rail North");
- a workforce: the name, alone or in a list of names, before a workforce noun ("Coastline Rail North and
  Harbourside Ferries workers");
- page furniture: a web widget word in the name ("Invalid Email"), or every mention on a short line of
  capitalised words with no verb ("Live Green Recycling Truck");
- a figure of speech: one mention, after a cue such as "worthy of" ("worthy of Uriah Heep").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..extensions import doc_text


class NotPeople:
    def __init__(self, lex: dict, speech: set[str] | None = None):
        rules = lex["not_people"]
        self.surnames = set(rules["place_nouns_also_surnames"])
        self.place_nouns = set(lex["place_nouns"]) - self.surnames
        self.streets = set(rules["street_nouns"]) & set(lex["place_nouns"])
        self.titles = set(lex["titles"])
        self.role_heads = set(lex["role_heads"])
        self.speech = speech or set()
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
        if len(full) >= 2 and words[-1] in self.streets and full[-1].is_title and not any(
                self.named_as_person(doc, m) for m in mentions):
            return "street"
        if any(w in self.company for w in words[1:]):
            return "company"
        if any(self.before_workforce(doc, m) for m in mentions):
            return "workforce"
        if all(self.furniture_line(doc, m) for m in mentions):
            return "furniture_line"
        if len(mentions) == 1 and self.figure(doc, full):
            return "figure_of_speech"
        return None

    def named_as_person(self, doc: Doc, mention: Span) -> bool:
        """'Cllr Jo Lane', 'Jo Lane said', 'said Jo Lane', 'organiser Jo Lane', 'Jo Lane, branch secretary':
        a title, a speech verb or a role head right beside the name says it is a person's."""
        before = [t for t in doc[max(0, mention.start - 2):mention.start] if not t.is_punct]
        after = [t for t in doc[mention.end:mention.end + 4] if not t.is_punct and not t.is_space][:2]
        if before and (before[-1].text in self.titles or before[-1].text.rstrip(".") in self.titles):
            return True
        if any(t.lower_ in self.speech for t in before[-1:] + after[:1]):
            return True
        if mention.end < len(doc) and doc[mention.end].text == ",":   # "Jo Lane, the Unison convenor, ..."
            for t in doc[mention.end + 1:mention.end + 7]:
                if t.is_punct or t.is_space:
                    break
                after.append(t)
        return any(t.lower_ in self.role_heads for t in before[-1:] + after)

    def before_workforce(self, doc: Doc, mention: Span) -> bool:
        i = mention.end
        while i < len(doc) and i - mention.end < 8 and (doc[i].pos_ == "PROPN" or doc[i].lower_ in {"and", "&", ","}):
            i += 1
        return i < len(doc) and doc[i].lower_ in self.workforce

    def furniture_line(self, doc: Doc, mention: Span) -> bool:
        text = doc_text(doc)   # a line of more chunks than line_words has more words, or a token that is not one
        line_end = text.find("\n", mention.end_char)
        if len(text[text.rfind("\n", 0, mention.start_char) + 1:line_end if line_end >= 0 else len(text)].split()) \
                > self.line_words:
            return False
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
        before = doc_text(doc)[max(0, mention.start_char - 30):mention.start_char].lower().rstrip()
        return any(before.endswith(cue) and (len(before) == len(cue) or not before[-len(cue) - 1].isalpha())
                   for cue in self.figure_cues)
