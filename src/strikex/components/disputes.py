"""strikex_disputes: whether the article reports an industrial dispute, decided once (``doc._.dispute``).

An industrial-action frame is an action word (a strike, walk-out, stoppage or picket; "industrial action",
"strike action"; a ballot) with its actor read from the parse: the verb's subject ("members will strike",
climbing "are set to strike"), "by/of X" and compound or possessive modifiers of a noun ("a pupils'
strike"), the subject of the verb whose object it is ("tenants began a rent strike"). "Thousands of
pupils" is its pupils. A frame is

- ``good``: the actor is a workforce or a union (``good_actors`` in ``models/disputes.json``, a union the
  pipeline found, a worker group);
- ``bad``: the actor is not a workforce (pupils, tenants, councillors, MPs, prisoners, a party's members);
- ``masked``: another sense ("a lightning/rent/climate strike", "strike a deal", "walked out of the
  meeting": ``models/other_senses.json``, shared with the triage gate and strikex_strikes; "a striking
  exhibition"), a negated one ("no plans for industrial action", "without a ballot"),
  or one its sentence dates years before the article ("striking miners in 1984");
- ``unknown``: no actor is said. An unknown frame counts only when it is indefinite ("a strike", "strike
  action", not "the strike", which points back at one already named) and the story names a union.

The article has a dispute when one frame counts. The strikes, ballots and disputes the other components
find in an article without one are dropped when the record is made (``assemble``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..extensions import DATES, UNIONS, token_lowers
from ._gazetteer import token_indices
from ._rules import RuleComponent
from .boilerplate import span_in_boilerplate
from .employers import find_employer
from .senses import FILE as SENSES, other_senses

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass
class Frame:
    action: Token
    kind: str           # good | bad | masked | unknown
    why: str            # the actor or the reason, for the rule id


@dataclass
class DisputeFound:
    present: bool
    rule: str                        # "disputes.json:good_actor" etc.: why there is, or is not, a dispute
    evidence: Span | None = None     # the sentence of the deciding frame
    employer: str | None = None
    employer_rule: str | None = None
    employer_span: Span | None = None


class DisputeFinder(RuleComponent):
    def setup(self, nlp: Language, data: dict) -> None:
        lex = data["lexicon"]
        self.lex = lex
        self.sets = {k: set(v) for k, v in lex.items() if isinstance(v, list)}
        self.file = self.files["lexicon"]
        self.senses = other_senses(nlp, data["senses"], self.files["senses"])
        # every word is_action can say yes to: the others need no Token object
        self.action_words = (self.sets["action_nouns"] | self.sets["action_verbs"] | self.sets["ballot_words"]
                             | {"out"} | set(lex["industrial_heads"]))

    def rule(self, why: str) -> str:
        """A frame's rule id: its own (an other sense's, ``other_senses.json:ID``) or this file's list."""
        return why if ":" in why else f"{self.file}:{why}"

    def other_sense(self, frame: "Frame") -> bool:
        return frame.why in self.sets["other_senses"] or frame.why.startswith(self.senses.file + ":")

    # --- the action words -------------------------------------------------------------------------------
    def is_action(self, tok: Token) -> bool:
        low, s = tok.lower_, self.sets
        if low in s["action_nouns"] and tok.pos_ in {"NOUN", "PROPN"}:
            return True
        if low in s["walk_verbs"] and tok.i + 1 < len(tok.doc) and tok.nbor(1).text == "-":
            return False  # "walk-out": its "out" is the action
        if low in s["action_verbs"] and (tok.pos_ in {"VERB", "AUX"} or low in {"striking", "struck"}):
            return True
        if low in s["ballot_words"]:
            return True
        if low == "out" and tok.i > 1 and tok.nbor(-1).text == "-" and tok.nbor(-2).lower_ in s["walk_verbs"]:
            return True   # "the walk-out", tokenized walk - out
        heads = self.lex["industrial_heads"]
        if low in heads and low != "note":
            return any(c.lower_ in heads[low] and c.dep_ in {"compound", "amod", "nmod"} for c in tok.children)
        return False

    # --- the actor ----------------------------------------------------------------------------------------
    def actor_kind(self, doc: Doc, toks: list[Token], unions: set[int], workers: set[int]) -> str | None:
        """good / bad for the first actor word that says; None when none does."""
        s = self.sets
        for t in toks:
            if t.i in unions or t.i in workers:
                return "good"
            low = t.lower_
            if low in s["quantity_words"] or t.like_num:
                of = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
                if of:
                    kind = self.actor_kind(doc, of + [c for p in of for c in p.children if c.dep_ in {"compound", "amod", "conj"}], unions, workers)
                    if kind:
                        return kind
                continue
            if low in s["bad_actors"]:
                return "bad"
            if low in {"members", "member"}:
                mods = [c for c in t.children if c.dep_ in {"compound", "amod", "nmod"}]
                if any(c.lower_ in s["party_words"] or c.ent_type_ == "NORP" for c in mods):
                    return "bad"
                return "good"
            if low in s["good_actors"]:
                return "good"
        return None

    def subjects(self, tok: Token) -> list[Token]:
        """The subject of the verb, climbing "are set to strike" / "voted to strike" / conjoined verbs."""
        verb = tok
        for _ in range(4):
            subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "agent"}]
            if subj:
                out = []
                for s in subj:
                    if s.dep_ == "agent":
                        s = next((p for p in s.children if p.dep_ == "pobj"), s)
                    if s.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":  # "every student that walks out"
                        s = verb.head
                    out += [s] + [c for c in s.children if c.dep_ in {"conj", "compound", "amod"}]
                return out
            if verb.dep_ in {"xcomp", "conj", "advcl", "acl", "relcl", "ccomp"} and verb.head is not verb:
                if verb.dep_ in {"acl", "relcl"}:  # "workers who strike", "staff striking over pay"
                    return [verb.head] + [c for c in verb.head.children if c.dep_ in {"compound", "amod"}]
                verb = verb.head
            else:
                break
        return []

    def noun_actor(self, tok: Token) -> list[Token]:
        """Who acts in a noun's action: its modifiers, 'by/of/among X', else the subject of its verb."""
        mods = [c for c in tok.children if c.dep_ in {"compound", "amod", "poss", "nmod", "npadvmod"}]
        mods += [g for m in mods for g in m.children if g.dep_ in {"compound", "amod", "poss", "case"}]
        pobj = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in {"by", "of", "among", "from"}
                for p in c.children if p.dep_ == "pobj"]
        pobj += [c for p in pobj for c in p.children if c.dep_ in {"compound", "amod", "conj"}]
        head, climb = tok, 0
        while head.dep_ in {"pobj", "prep", "conj", "appos"} and head.head is not head and climb < 4:
            head, climb = head.head, climb + 1
        if head.dep_ in {"dobj", "attr", "oprd", "nsubjpass"}:  # "tenants began a rent strike", "was staged by"
            head = head.head
        verb_subj = self.subjects(head) if head.pos_ in {"VERB", "AUX"} and head is not tok else []
        return mods + pobj + verb_subj

    # --- the frame ----------------------------------------------------------------------------------------
    def masked(self, tok: Token) -> str | None:
        """Why the action word is another sense: a rule id of models/other_senses.json (a modifier, an object,
        an agent, a place walked out of) or a parse rule here (walk_without_out, striking_describes)."""
        s, low, senses = self.sets, tok.lower_, self.senses
        sense = senses.phrase_at(tok.doc, tok.i)   # a phrase as written ("striking out the clause")
        sense = sense or senses.modifier(c.lower_ for c in tok.children if c.dep_ in {"compound", "amod", "nmod", "npadvmod"})
        if sense:
            return senses.rule(sense)
        if tok.pos_ in {"VERB", "AUX"} or low in {"struck", "striking"}:
            sense = senses.object(c.lower_ for c in tok.children if c.dep_ in {"dobj", "attr", "pobj"})
            sense = sense or senses.agent(p.lower_ for c in tok.children if c.dep_ == "agent" for p in c.subtree)
            if sense:
                return senses.rule(sense)
        if low in s["walk_verbs"]:
            parts = [c for c in tok.children if c.dep_ == "prt" or c.lower_ in s["walk_particles"]]
            if not parts:
                return "walk_without_out"
            for c in list(tok.children) + [g for p in parts for g in p.children]:
                sense = senses.departure(c.lower_) if c.dep_ == "prep" else None
                if sense and not self.dated(c):
                    return senses.rule(sense)   # "walked out of the meeting", not "walk out from 4 May"
        if low == "striking" and tok.pos_ == "ADJ" and tok.dep_ == "amod" and not self.actor_kind(tok.doc, [tok.head], set(), set()):
            return "striking_describes"
        if low.startswith("strik") and tok.pos_ == "ADJ" and tok.dep_ in {"acomp", "attr"}:
            return "striking_describes"   # "the resemblance is striking"
        return None

    @staticmethod
    def dated(prep: Token) -> bool:
        """Whether a preposition's object is a date or a time ("from 4 May", "from Monday"), not a place."""
        dates = token_indices(prep.doc, DATES)
        return any(o.i in dates or o.ent_type_ in {"DATE", "TIME"} for o in prep.children if o.dep_ == "pobj")

    def negated(self, tok: Token) -> bool:
        neg = self.sets["negations"]
        cur = tok
        for _ in range(6):
            if any(c.dep_ in {"neg", "det"} and c.lower_ in neg for c in cur.children):
                return True
            if cur.dep_ == "pobj" and cur.head.lower_ in neg:
                return True
            if cur.head is cur or cur.dep_ in {"ROOT", "ccomp", "advcl", "relcl"}:
                return False
            cur = cur.head
        return False

    def historical(self, sent: Span) -> bool:
        ref = sent.doc._.reference_date
        years = [int(y) for y in YEAR.findall(sent.text)]
        return bool(ref and years and max(years) <= ref.year - self.lex["historical_years"])

    def frame(self, tok: Token, unions: set[int], workers: set[int]) -> Frame:
        why = self.masked(tok)
        if why:
            return Frame(tok, "masked", why)
        if self.negated(tok):
            return Frame(tok, "masked", "negations")
        if self.historical(tok.sent):
            return Frame(tok, "masked", "historical_years")
        if tok.pos_ in {"VERB", "AUX"}:
            actors = self.subjects(tok)
        elif tok.lower_ == "striking" and tok.dep_ == "amod":
            actors = [tok.head]
        else:
            actors = self.noun_actor(tok)
        kind = self.actor_kind(tok.doc, actors, unions, workers)
        if kind:
            return Frame(tok, kind, f"{kind}_actors")  # good_actors | bad_actors
        if tok.lower_ in self.lex["industrial_heads"]:  # "industrial action", "strike action": industrial in itself
            return Frame(tok, "good", "industrial_heads")
        if tok.lower_ in self.sets["ballot_words"]:
            on = [p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
            if any(self.is_action(p) and p.lower_ in self.lex["industrial_heads"] for p in on):
                return Frame(tok, "good", "ballot_on_industrial_action")
            if tok.dep_ == "compound" and tok.head.lower_ in self.sets["ballot_paper_heads"]:
                return Frame(tok, "masked", "ballot_papers")   # "ballot papers were issued": an election's
        if any(a.pos_ == "PRON" for a in actors[:1]):  # "we are striking": who "we" are is said elsewhere
            return Frame(tok, "masked", "pronoun_actor")
        definite = any(c.dep_ in {"det", "poss"} and c.lower_ in self.sets["referring_determiners"] for c in tok.children)
        return Frame(tok, "masked" if definite else "unknown", "referring_determiners" if definite else "unknown_actor")

    def frames(self, doc: Doc) -> list[Frame]:
        unions = token_indices(doc, UNIONS)
        workers = {t.i for g in doc._.workers or [] for m in g.mentions for t in m}
        out = []
        lowers, words = token_lowers(doc), self.action_words
        for sent in doc.sents:
            if span_in_boilerplate(sent):
                continue
            out += [self.frame(doc[i], unions, workers) for i in range(sent.start, sent.end)
                    if lowers[i] in words and self.is_action(doc[i])]
        return out

    def decide(self, doc: Doc) -> DisputeFound:
        frames = self.frames(doc)
        good = next((f for f in frames if f.kind == "good"), None)
        if good:
            return DisputeFound(True, self.rule(good.why), good.action.sent)
        story_unions = [u for u in doc.spans.get(UNIONS, []) if not span_in_boilerplate(u)]
        unknown = next((f for f in frames if f.kind == "unknown"), None)
        if unknown and story_unions:
            return DisputeFound(True, f"{self.file}:unknown_actor_with_union", unknown.action.sent)
        others = any(self.other_sense(f) for f in frames)
        ballot = next((b for b in doc._.ballots or [] if not any(
            t.lower_ in self.sets["election_words"] for e in b.evidence for t in e.sent)), None)
        election = sum(any(t.lower_ in self.sets["election_story_words"] for t in sent) for sent in doc.sents
                       if not span_in_boilerplate(sent)) >= 2
        if ballot is not None and story_unions and not others and not election:
            return DisputeFound(True, f"{self.file}:ballot_with_union", ballot.evidence[0].sent)
        # a short report need not say who strikes: an unsaid actor counts when no frame is another sense
        unsaid = next((f for f in frames if f.why in {"unknown_actor", "referring_determiners", "pronoun_actor"}), None)
        if unsaid and not others:
            return DisputeFound(True, f"{self.file}:no_other_sense", unsaid.action.sent)
        last = next((f for f in frames if f.kind in {"bad", "masked"}), None)
        return DisputeFound(False, self.rule(last.why if last else "no_frame"), last.action.sent if last else None)

    def process(self, doc: Doc) -> Doc:
        found = self.decide(doc)
        if found.present:
            found.employer, found.employer_rule, found.employer_span = find_employer(doc)
        doc._.dispute = found
        return doc


@Language.factory(
    "strikex_disputes",
    assigns=["doc._.dispute"],
    default_config={"lexicon": "disputes.json", "senses": SENSES},
)
def make_dispute_finder(nlp: Language, name: str, lexicon: str, senses: str) -> DisputeFinder:
    return DisputeFinder(nlp, name, lexicon=lexicon, senses=senses)
