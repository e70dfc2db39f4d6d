"""Exception types and the exit codes the CLI documents."""
from __future__ import annotations

EXIT_OK = 0
EXIT_SOME_FAILED = 1   # a batch finished, but some inputs became error records
EXIT_BAD_INPUT = 2     # the one input could not be read, or the command line is wrong
EXIT_NO_MODEL = 3      # the spaCy pipeline named by --model is not installed
EXIT_OUTPUT = 4        # the output could not be written (disk full, a closed file)


class StrikexError(Exception):
    exit_code = EXIT_BAD_INPUT


class InputError(StrikexError):
    """An input that cannot be turned into an article (missing, unreadable, binary)."""


class DateError(StrikexError):
    """A --date that is not YYYY-MM-DD."""
