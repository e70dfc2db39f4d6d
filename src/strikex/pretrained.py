"""The pretrained components over one batch of Docs: the tok2vec in parts of bounded size, the NER only on
the sentences where a name can be (``pipeline.run`` calls ``pretrained`` for each batch it makes)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

BATCH_TOKENS = 16_000   # tokens through the pretrained components at once, at most (a longer article goes alone)
# tokens through a tok2vec (the shared one, the NER's own) at once, at most. A tok2vec keeps every layer's
# arrays until its last layer is done (thinc's chain holds each layer's backprop, even to predict): ~15 KiB a
# token. A batch of six reports (3,000-3,500 tokens) raised the peak by ~45 MiB. The other components' arrays
# are ~4 KiB a token (the parser's precomputed features), and they read the tok2vec's output from the Doc
# (``doc.tensor``), so they still take the batch whole, stepping through all its Docs at once.
PART_TOKENS = 1_000
NER_TOKENS = PART_TOKENS   # the NER's part Docs (its own tok2vec inside), at most


def batches(docs: list["Doc"], size: int, tokens: int) -> Iterator[list["Doc"]]:
    """``docs`` in order, in batches of at most ``size`` Docs and ``tokens`` tokens (a longer Doc alone). The
    model's working arrays grow with the tokens of a batch, so a batch of long articles must not grow without
    bound: ``BATCH_TOKENS`` for the whole pipeline (long articles only: at 2,000 tokens reports went through 8 %
    slower, as the parser steps through fewer Docs at a time), ``PART_TOKENS`` for a tok2vec."""
    batch: list["Doc"] = []
    count = 0
    for doc in docs:
        if batch and (len(batch) == size or count + len(doc) > tokens):
            yield batch
            batch, count = [], 0
        batch.append(doc)
        count += len(doc)
    if batch:
        yield batch


def pretrained(nlp: "Language", docs: list["Doc"], skipped: list, ner: bool) -> list["Doc"]:
    """One batch through the pretrained components but ``skipped`` (the NER on name sentences only, when
    ``ner``). The tok2vec components, and the NER on name sentences, take the batch in parts of at most
    ``PART_TOKENS`` tokens (see there); the others take it whole."""
    from spacy.pipeline import Tok2Vec

    for name, proc in nlp.pipeline:
        if name not in skipped:
            docs = through(proc, docs, PART_TOKENS if isinstance(proc, Tok2Vec) else None)
    return ner_on_name_sentences(nlp, docs) if ner else docs


def through(proc, docs: list["Doc"], tokens: int | None = None) -> list["Doc"]:
    """``docs`` through one component, as ``Language.pipe`` runs it: in parts of at most ``tokens`` tokens
    (one part if None)."""
    parts = batches(docs, len(docs), tokens) if tokens else [docs]
    if not hasattr(proc, "pipe"):
        return [proc(doc) for doc in docs]
    return [doc for part in parts for doc in proc.pipe(part, batch_size=len(part))]


def name_sentence(sent) -> bool:
    """A sentence where a name can be: a capitalised word, not its first word unless that is no stop word
    ("Holmes said", not "The council said"). ``name_tokens`` decides the same for a whole Doc at once."""
    words = [t for t in sent if t.is_alpha]
    return any(t.text[0].isupper() and (k or not t.is_stop) for k, t in enumerate(words))


def name_tokens(doc: "Doc"):
    """(the indices of the tokens in ``doc``'s name sentences, whether each begins a sentence), as numpy arrays:
    ``name_sentence`` on every sentence, read from the Doc's token columns rather than Token objects."""
    import numpy
    from spacy.attrs import IS_ALPHA, IS_STOP, ORTH, SENT_START

    if not len(doc):
        return numpy.zeros(0, dtype=int), numpy.zeros(0, dtype=bool)
    cols = doc.to_array([ORTH, IS_ALPHA, IS_STOP, SENT_START])
    starts = cols[:, 3] == 1
    starts[0] = True
    sentence = numpy.cumsum(starts) - 1
    alpha = numpy.flatnonzero(cols[:, 1])
    if not len(alpha):
        return alpha, starts[alpha]
    strings = doc.vocab.strings
    orths, inverse = numpy.unique(cols[alpha, 0], return_inverse=True)
    capital = numpy.array([strings[int(o)][0].isupper() for o in orths])[inverse]
    in_sentence = sentence[alpha]
    first = numpy.empty(len(alpha), dtype=bool)
    first[0] = True
    first[1:] = in_sentence[1:] != in_sentence[:-1]
    named = numpy.zeros(int(sentence[-1]) + 1, dtype=bool)   # by sentence (a lookup, not numpy.isin: see triage)
    named[in_sentence[capital & ~(first & (cols[alpha, 2] == 1))]] = True
    index = numpy.flatnonzero(named[sentence])
    return index, starts[index]


def ner_on_name_sentences(nlp: "Language", docs: list["Doc"]) -> list["Doc"]:
    """The pretrained NER on each Doc's name sentences only (``name_tokens``), joined into one Doc per
    article with the same sentence starts (an entity never crosses one), its entities copied back; every
    other token is outside any entity, as where NER finds none."""
    from spacy.attrs import NORM, ORTH, SPACY
    from spacy.tokens import Doc, Span

    ner = nlp.get_pipe("ner")
    parts, indices = [], []
    strings = nlp.vocab.strings
    for doc in docs:
        index, sent_starts = name_tokens(doc) if len(doc) else ((), ())
        indices.append(index)
        cols = doc.to_array([ORTH, SPACY, NORM])[index] if len(index) else ()
        part = Doc(nlp.vocab, words=[strings[int(o)] for o in cols[:, 0]] if len(index) else [],
                   spaces=[bool(sp) for sp in cols[:, 1]] if len(index) else [],
                   sent_starts=[bool(x) for x in sent_starts])
        if len(index):   # a tokenizer exception's norm ("n't" is "not") is the token's own, not its word's
            part.from_array([NORM], cols[:, 2:3])
        parts.append(part)
    for doc, part, index in zip(docs, through(ner, parts, NER_TOKENS), indices):
        ents = []
        for e in part.ents:
            first, last = int(index[e.start]), int(index[e.end - 1])
            if last - first == e.end - 1 - e.start:   # not across two sentences apart in the article
                ents.append(Span(doc, first, last + 1, label=e.label))
        doc.ents = ents
    return docs
