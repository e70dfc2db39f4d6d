"""The ``strikex`` entry point: a help page that has been drawn before is printed from a cache, before typer,
click and rich are imported (drawing help with rich costs ~0.3 s of imports; the cache ~0.05 s); everything
else, and every help page not yet cached, goes to ``strikex.cli.main``.

Cached are pure help requests only: ``strikex [COMMAND [SUBCOMMAND]] -h|--help``, never during shell completion.
A page is stored when its run exited with status 0 and wrote nothing to stderr (a usage error is never stored).
The cache key holds everything the page depends on: the command line, the Python, every module of this package
(name, mtime, size), the installed typer, click, rich and shellingham, the terminal (size, which streams are terminals, the
encoding of stdout) and the environment variables that change how rich and typer draw. Pages live in
``$STRIKEX_CACHE_DIR``, else ``$XDG_CACHE_HOME/strikex``, else ``~/.cache/strikex``; ``STRIKEX_NO_CACHE`` set to
anything non-empty turns the cache off. Any OSError of the cache is ignored: help is then drawn as before.

Only the standard library, and little of it, is imported here.
"""
from __future__ import annotations

import os
import sys

HELP_FLAGS = ("-h", "--help")
ENV_EXACT = ("COLUMNS", "LINES", "TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE",
             "PYTHONIOENCODING", "PYTHONUTF8", "LANG", "LC_ALL", "LC_CTYPE", "TERMINAL_WIDTH", "PY_COLORS",
             "GITHUB_ACTIONS", "DATABRICKS_RUNTIME_VERSION", "UNICODE_VERSION")
ENV_PREFIXES = ("TYPER", "_TYPER", "JUPYTER", "CLICOLOR")
KEEP_PAGES = 200   # a miss that finds more pages in the folder removes the oldest


def main() -> None:
    args = sys.argv[1:]
    path = _page_path(args) if _is_help_request(args) and sys.stdout is not None else None
    if path is None:
        return _run()
    try:
        with open(path, "rb") as f:
            page = f.read().decode("utf-8", "surrogatepass")
    except (OSError, UnicodeError):
        return _draw_and_store(path)
    try:
        sys.stdout.write(page)
        sys.stdout.flush()
    except BrokenPipeError:
        _die_of_broken_pipe()
    raise SystemExit(0)


def _run() -> None:
    from .memory import own_process
    from .pipeline import load

    own_process(first_pipeline=not load.cache_info().currsize)
    from .cli import main as cli_main

    cli_main()


def _is_help_request(args: list[str]) -> bool:
    if os.environ.get("STRIKEX_NO_CACHE") or any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return False   # turned off, or shell completion (typer's _STRIKEX_COMPLETE)
    return (1 <= len(args) <= 3 and args[-1] in HELP_FLAGS
            and all(word and not word.startswith("-") for word in args[:-1]))


def cache_dir() -> str:
    given = os.environ.get("STRIKEX_CACHE_DIR")
    if given:
        return given
    xdg = os.environ.get("XDG_CACHE_HOME")
    return os.path.join(xdg if xdg and os.path.isabs(xdg) else os.path.expanduser(os.path.join("~", ".cache")), "strikex")


def _page_path(args: list[str]) -> str | None:
    try:
        return os.path.join(cache_dir(), help_key(args) + ".help")
    except (OSError, ValueError, ImportError):
        return None


def help_key(args: list[str]) -> str:
    """sha256 over what the help page depends on (see the module's docstring)."""
    import hashlib
    from importlib.util import find_spec

    parts: list[object] = [args, os.path.basename(sys.argv[0]), sys.version, sys.executable,
                           getattr(sys.stdout, "encoding", None), getattr(sys.stdout, "errors", None)]
    parts += _package_files(os.path.dirname(os.path.abspath(__file__)))
    for name in ("typer", "click", "rich", "shellingham"):   # without shellingham typer offers other completion options
        spec = find_spec(name)
        origin = spec.origin if spec is not None else None
        parts.append((name, origin, os.stat(origin).st_mtime_ns if origin else None))
    for fd in (0, 1, 2):
        try:
            size: object = tuple(os.get_terminal_size(fd))
        except (AttributeError, ValueError, OSError):
            size = None
        try:
            tty = os.isatty(fd)
        except OSError:
            tty = None
        parts.append((fd, size, tty))
    parts += sorted((k, v) for k, v in os.environ.items() if k in ENV_EXACT or k.startswith(ENV_PREFIXES))
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _package_files(root: str) -> list[tuple[str, int, int]]:
    found = []
    with os.scandir(root) as entries:
        for entry in entries:
            if entry.name.endswith(".py"):
                st = entry.stat()
                found.append((os.path.relpath(entry.path, os.path.dirname(root)), st.st_mtime_ns, st.st_size))
            elif entry.is_dir() and not entry.name.startswith(("__", ".")):
                found += _package_files(entry.path)
    return sorted(found)


class _Tee:
    """sys.stdout for a help page being drawn: every write goes to the real stream (which rich still sees:
    isatty, encoding, errors are its) and is kept. Reaching past the text layer (the buffer, the file
    descriptor) marks the copy as incomplete."""

    def __init__(self, stream) -> None:
        self._stream = stream
        self.parts: list[str] = []
        self.complete = True

    def write(self, text: str) -> int:
        written = self._stream.write(text)   # first: click probes with write(b"") for the TypeError
        if isinstance(text, str):
            self.parts.append(text)
        else:
            self.complete = False
        return written

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        self.complete = False
        return self._stream.fileno()

    @property
    def buffer(self):
        self.complete = False
        return self._stream.buffer

    @property
    def encoding(self):
        return self._stream.encoding

    @property
    def errors(self):
        return self._stream.errors

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


class _Watch:
    """sys.stderr, noting whether anything was written to it."""

    def __init__(self, stream) -> None:
        self._stream = stream
        self.written = False

    def write(self, text: str) -> int:
        self.written = self.written or bool(text)
        return self._stream.write(text)

    def fileno(self) -> int:
        self.written = True   # whatever goes to the descriptor itself is not seen here
        return self._stream.fileno()

    @property
    def buffer(self):
        self.written = True
        return self._stream.buffer

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _draw_and_store(path: str) -> None:
    out, err = sys.stdout, sys.stderr
    if out is None or err is None:
        return _run()
    tee, watch = _Tee(out), _Watch(err)
    sys.stdout, sys.stderr = tee, watch
    code: object = 1   # stays so when the run ends in an exception (an interrupt, a crash)
    try:
        _run()
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
        raise
    finally:
        if sys.stdout is tee:
            sys.stdout = out
        if sys.stderr is watch:
            sys.stderr = err
        if code == 0 and tee.complete and not watch.written and tee.parts:
            _store(path, "".join(tee.parts))


def _store(path: str, page: str) -> None:
    folder = os.path.dirname(path)
    temp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(folder, exist_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)   # the mode the umask leaves
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(page.encode("utf-8", "surrogatepass"))
            os.replace(temp, path)
        finally:
            if os.path.exists(temp):
                os.unlink(temp)
        _prune(folder)
    except (OSError, UnicodeError):
        pass


def _prune(folder: str) -> None:
    with os.scandir(folder) as entries:
        pages = [(e.stat().st_mtime_ns, e.path) for e in entries if e.name.endswith(".help")]
    for _, old in sorted(pages)[:-KEEP_PAGES]:
        os.unlink(old)


def _die_of_broken_pipe() -> None:
    """As ``strikex.cli._die_of_broken_pipe``: the reader of stdout has gone (``strikex --help | head -1``); end
    quietly, killed by SIGPIPE, with nothing more flushed to the closed pipe."""
    import signal

    sys.stdout = open(os.devnull, "w")
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGPIPE)
    raise SystemExit(1)
