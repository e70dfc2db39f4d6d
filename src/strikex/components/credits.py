"""Who wrote, filmed or photographed the article: bylines and credits are not people in the story.

The boilerplate rules (models/boilerplate.jsonl) hide the common bylines span by span; these rules read the
other forms a credit takes and name the person, so that every mention of that name is dropped (the bare name
repeated under the story, the caption repeated twice):

- a credit cue before a name, in any case, with or without "by" or a colon: "Published by NAME", "photo NAME",
  "Pictures: NAME", "Words and pictures NAME";
- a verb of reporting after the story sentence: "…, writes NAME.";
- a report to watch: "Watch NAME's report";
- "By NAME" opening a line, the name glued to the place or date that follows ("By Jo SmithLeedsPublished:");
- a line that is only "by NAME", in any case ("by Jo Smith");
- an author line: a paragraph near the top that is only a name, a comma and a place, branch or party in
  title case ("Jo Smith, Leeds Socialist Party"), or any short signature line ending "(personal capacity)";
- a press line: a name, a comma (the comma may open the next line) and a journalist's title in at most four
  words ("Jo Smith, Community News Reporter", "Jo Smith\n, Education Correspondent").

The cue words are data (models/people.json "credits").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..extensions import doc_text

WORD = r"[A-Z][\w'’-]*[a-zà-ÿ'’]"
NAME = rf"{WORD}(?:[ \t]+(?:(?:[a-z]{{1,4}}|Ó|Ní|O’|O')[ \t]*)?{WORD}){{1,3}}"
CAMEL = re.compile(r"^([A-Z][a-zà-ÿ'’-]{3,}?)(?=[A-Z][a-zà-ÿ]{3,})")


class CreditFinder:
    def __init__(self, rules: dict, role_heads: set[str], press_roles: list[str] = ()):
        self.role_heads = role_heads
        cues = "|".join(sorted(map(re.escape, rules["cues"]), key=len, reverse=True))
        cues_by = "|".join(sorted(map(re.escape, rules["cues_with_by"]), key=len, reverse=True))
        writes = "|".join(map(re.escape, rules["reporting_verbs"]))
        watch = "|".join(map(re.escape, rules["watch_verbs"]))
        media = "|".join(map(re.escape, rules["media"]))
        self.patterns = [
            re.compile(rf"(?i:\b(?:{cues}))(?:[ \t]+(?i:by))?[ \t]*:?[ \t]*(?P<name>{NAME})"),
            re.compile(rf"(?i:\b(?:{cues_by})[ \t]+by)[ \t]*:?[ \t]*(?P<name>{NAME})"),
            re.compile(rf",\s+(?i:{writes})\s+(?P<name>{NAME})\s*(?:[.\n]|$)"),
            re.compile(rf"(?i:\b(?:{watch}))\s+(?P<name>{NAME})['’]s\s+(?i:(?:{media})\b)"),
            re.compile(rf"^[ \t]*By[ \t]+(?P<name>{NAME}(?:[A-Z][\w'’-]*)?)", re.M),
            re.compile(rf"^[ \t]*(?i:by)[ \t]+(?P<name>{NAME})[ \t]*$", re.M),
        ]
        if press_roles:
            press = "|".join(sorted(map(re.escape, press_roles), key=len, reverse=True))
            self.patterns.append(re.compile(
                rf"^[ \t]*(?P<name>{NAME})[ \t]*\n?[ \t]*,[ \t]*(?:[\w'’&-]+[ \t]+){{0,3}}(?i:{press})[ \t]*$", re.M))
            # a sign-off: "Jo Smith is the Echo's education reporter."
            self.patterns.append(re.compile(
                rf"^[ \t]*(?P<name>{NAME})[ \t]+is[ \t]+(?:the|a|an|our)\b[^\n.]{{0,60}}?\b(?i:{press})\b", re.M))
        # "Live updates by Jo Smith and Sam Reid": a second name after "and" in a credit
        self.second = re.compile(rf"[ \t]+and[ \t]+(?P<name>{NAME})")
        self.signature = re.compile(rf"^[ \t]*(?P<name>{NAME}),[^\n]{{0,80}}\((?i:{rules['signature']})\)[ \t]*$", re.M)
        self.author_line = re.compile(rf"^[ \t]*(?P<name>{NAME}),[ \t]+(?P<rest>[^\n]+?)[ \t]*$", re.M)
        self.top_paragraphs = rules["author_line_within_paragraphs"]
        self.rest_words = set(rules["author_line_words"])

    def credited(self, doc: Doc) -> set[str]:
        """The lower-cased names the article credits as its author, photographer or reporter."""
        text = doc_text(doc)
        names = set()
        for pattern in self.patterns + [self.signature]:
            for m in pattern.finditer(text):
                names.add(unglue(m.group("name")))
                more = self.second.match(text, m.end("name"))
                if more and pattern is not self.signature:
                    names.add(unglue(more.group("name")))
        names |= self.name_above_dateline(doc)
        top = _top_end(text, self.top_paragraphs)
        for m in self.author_line.finditer(text, 0, top):
            rest = m.group("rest").split()
            if 1 <= len(rest) <= 5 and all(w[0].isupper() or w.lower() in self.rest_words for w in rest) \
                    and not any(w.lower() in self.role_heads for w in rest) \
                    and not rest[-1].endswith((".", "!", "?", ":")):
                names.add(unglue(m.group("name")))
        # "Ravinder Sandhu and Tom Eccles" read as one name (a particle may stand inside one): two people
        return {part.lower() for n in names for part in re.split(r"\s+and\s+", n)}


    @staticmethod
    def name_above_dateline(doc: Doc) -> set[str]:
        """'Euan Mackie' on a line of its own right above the line with the publication date: the byline."""
        span = doc._.reference_date_span
        if span is None:
            return set()
        text = doc_text(doc)
        line_start = text.rfind("\n", 0, span.start_char) + 1
        above_end = line_start - 1
        if above_end <= 0:
            return set()
        above = text[text.rfind("\n", 0, above_end) + 1: above_end]
        m = re.fullmatch(rf"[ \t]*(?:(?i:by)[ \t]+)?(?P<name>{NAME})[ \t]*", above)
        return {m.group("name")} if m else set()


def unglue(name: str) -> str:
    """'Jo SmithLeeds' -> 'Jo Smith': a byline name glued to the place that follows it."""
    words = name.split()
    for k, w in enumerate(words[1:], 1):
        m = CAMEL.match(w)
        if m:
            return " ".join(words[:k] + [m.group(1)])
    return " ".join(words)


def _top_end(text: str, paragraphs: int) -> int:
    """Where the first ``paragraphs`` non-empty paragraphs end."""
    count = 0
    for m in re.finditer(r"[^\n]+", text):
        count += 1
        if count >= paragraphs:
            return m.end()
    return len(text)
