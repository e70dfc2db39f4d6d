"""Lemmas on demand. strikex reads the lemma of a few tokens (a verb of saying, a role verb, a role noun),
so the extraction path (``pipeline.run``) does not run the pretrained lemmatizer over every token (about
6% of the time an article costs); these helpers ask it for the tokens that are read. A Doc made with the
whole Language (``strikex.load()(text)``) has its lemmas set, and they are used as they are."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Token


class Lemmas:
    def __init__(self, nlp: Language):
        self.lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None

    def __call__(self, token: Token) -> str:
        """The token's lemma, lower-cased (its lower-cased text where there is no lemmatizer)."""
        if token.lemma_:
            return token.lemma_.lower()
        if self.lemmatizer is None:
            return token.lower_
        found = self.lemmatizer.lemmatize(token)
        return (found[0] if found else token.text).lower()
