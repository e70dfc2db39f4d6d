"""Output files that are checked before the work and appear whole or not at all (``strikex timeline -o``,
``export``): ``check_output`` says at once when a path cannot be written, and ``atomic_file`` writes to a
temporary file beside the target and moves it into place only when everything was written, so an
interrupted or failed run leaves no partial file behind (and any earlier file at the path stays as it was).
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from .errors import StrikexError


class OutputPathError(StrikexError):
    """An output path that cannot be written (its folder is missing, it is a folder, no permission)."""


def check_output(path: str | os.PathLike[str] | None, folder: bool = False) -> None:
    """Raise ``OutputPathError`` when ``path`` (a file, or with ``folder`` a folder that may not exist yet) could
    not be written: call it before the work, not after. ``None`` and ``-`` (stdout) are always fine."""
    if path is None or str(path) == "-":
        return
    target = Path(path)
    if target.is_dir() and not folder:
        raise OutputPathError(f"{target}: is a folder; give a file name")
    if target.exists() and not target.is_dir() and folder:
        raise OutputPathError(f"{target}: is a file; give a folder")
    parent = target if folder and target.is_dir() else target.parent
    if not parent.is_dir():
        raise OutputPathError(f"{target}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK) or (target.is_file() and not os.access(target, os.W_OK)):
        raise OutputPathError(f"{target}: not allowed to write there")


@contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[IO[str]]:
    """A text file (UTF-8, ``\\n`` kept as is) that becomes ``path`` only when the ``with`` block ends without
    an exception (Ctrl-C included); otherwise it is removed and ``path`` is untouched."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    try:
        os.chmod(temporary, file_mode())
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            yield out
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def file_mode() -> int:
    """The mode ``open()`` would give a new file (0666 less the umask), not mkstemp's 0600: an output file
    others may read as they could any file the user writes."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
