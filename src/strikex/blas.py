"""The matrix multiply under the pretrained components: BLIS, or numpy's BLAS where BLIS has no kernels for the CPU.

thinc (under spaCy) multiplies matrices with the BLIS library that cython-blis bundles (BLIS 0.7). BLIS picks
its kernels by the processor, and on one it has none for it runs its portable reference code. In the
cython-blis wheels that is every AMD processor from Zen 3 on (cpu family 25 and later), a common kind of
cloud machine. On this project's machine (AMD EPYC, family 25; 120 reports, CPU time) the shared tok2vec took
24 ms a report with BLIS and 13 ms with numpy's BLAS (OpenBLAS), and the NER 46 ms and 34 ms. The annotations of
890 texts (442,008 tokens: tags, heads, labels, entities, lemmas) were the same either way; the largest
difference in a tok2vec output was 4e-6.

So where BLIS runs its reference code and numpy's BLAS is OpenBLAS or MKL (as threadpoolctl reports it),
``use_best`` has thinc multiply with numpy instead (thinc's own ``NumpyOps(use_blis=False)``) and sets numpy's
BLAS to one thread for the whole process, as BLIS was: ``--workers`` decides how many cores strikex uses, not
the BLAS library. That setting also holds for the rest of a program that imports strikex and calls
``strikex.load()`` on such a CPU; ``threadpoolctl.threadpool_limits`` changes it back. The parser's and the
NER's transition steps still multiply with BLIS: thinc calls it from C there.

``STRIKEX_GEMM`` (``auto``, the default; ``blis``; ``numpy``) overrides the choice, for a measurement or a
machine that knows better. A pipeline on other ops (a GPU's, Apple's) is left as it is. Records do not say
which library multiplied: the annotations were the same either way wherever they were compared.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

ENV = "STRIKEX_GEMM"
CHOICES = ("auto", "blis", "numpy")


@lru_cache(maxsize=1)
def blis_kernels() -> str | None:
    """The name of the kernels BLIS chose for this CPU ("generic": its reference code), or None if it cannot
    say (another BLIS build, or none). Read from BLIS's own C interface, as ``BLIS_ARCH_DEBUG=1`` prints it."""
    import ctypes

    try:
        import blis.cy

        lib = ctypes.CDLL(blis.cy.__file__)
        lib.bli_arch_query_id.restype = ctypes.c_int
        lib.bli_arch_string.restype = ctypes.c_char_p
        lib.bli_arch_string.argtypes = [ctypes.c_int]
        name = lib.bli_arch_string(lib.bli_arch_query_id())
    except Exception:  # no BLIS, another build, no shared object: it cannot say
        return None
    return name.decode("ascii", errors="replace") if name else None


def setting() -> str:
    """``STRIKEX_GEMM`` as given; a value that is none of ``CHOICES`` is ``auto``, with a warning (on stderr)."""
    value = os.environ.get(ENV, "auto").strip().lower() or "auto"
    if value not in CHOICES:
        import warnings

        warnings.warn(f"{ENV}={value!r} is none of {', '.join(CHOICES)}: auto is used", stacklevel=2)
        return "auto"
    return value


def wanted() -> str:
    """"numpy" or "blis": the setting, or for ``auto`` numpy only where BLIS runs its reference code and numpy's
    BLAS is one strikex can hold to one thread and trust to be fast (OpenBLAS, MKL)."""
    value = setting()
    if value != "auto":
        return value
    return "numpy" if blis_kernels() == "generic" and numpy_blas() in ("openblas", "mkl") else "blis"


def numpy_blas() -> str | None:
    """The BLAS library behind numpy as threadpoolctl names it ("openblas", "mkl", ...), or None."""
    found = [lib["internal_api"] for lib in _controller().info() if lib.get("user_api") == "blas"]
    return found[0] if found else None


def use_best(nlp: "Language") -> str:
    """Have ``nlp``'s pretrained models multiply with ``wanted()``'s library; returns the one they use ("blis",
    "numpy"), or "other" for a pipeline on other ops, which is left alone."""
    from thinc.api import NumpyOps

    nodes = _model_nodes(nlp)
    library = _library(nodes)
    if library == "other" or wanted() == "blis":
        return library
    _controller().limit(limits=1, user_api="blas")   # for the process, not undone (see the module docstring)
    ops = NumpyOps(use_blis=False)
    for node in nodes:
        node.ops = ops
    return "numpy"


def in_use(nlp: "Language") -> str:
    """The library ``nlp``'s pretrained models multiply with: "blis", "numpy" or "other"."""
    return _library(_model_nodes(nlp))


def _model_nodes(nlp: "Language") -> list:
    from thinc.api import Model

    return [node for _, proc in nlp.pipeline if isinstance(getattr(proc, "model", None), Model)
            for node in proc.model.walk()]


def _library(nodes: list) -> str:
    """"other" unless every node is on thinc's NumpyOps; then "blis" if all use BLIS, else "numpy"."""
    from thinc.api import NumpyOps

    if not nodes or any(type(node.ops) is not NumpyOps for node in nodes):
        return "other"
    return "blis" if all(node.ops.use_blis for node in nodes) else "numpy"


@lru_cache(maxsize=1)
def _controller() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()
