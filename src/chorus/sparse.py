"""``scipy.sparse``, imported without the numpy submodules it would pull in for nothing.

scipy's bundled array-API layer (``scipy._lib.array_api_compat.numpy``)
copies numpy's namespace when ``scipy.sparse`` is first imported: ``from numpy
import *`` and every name ``dir(numpy)`` lists, which imports numpy's lazily
loaded submodules. ``numpy.f2py``, ``numpy.testing`` (and with it
``importlib.metadata``), ``numpy.ma`` and the others below cost about 0.1 CPU-s
of the pipeline's import and are never used by chorus or by what scipy does for
it; they are left out of numpy's ``__all__`` and ``dir`` while that copy is
made, and put back at once. They stay importable as ever (``numpy.ma`` still
works); only scipy's array-API copy of numpy lacks them, which scipy uses for
its own test assertions alone. When ``scipy.sparse`` is already imported
(by another library first), nothing changes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import numpy

# numpy's lazily imported submodules that scipy.sparse needs not (linalg, fft, lib, typing stay).
UNNEEDED_NUMPY_SUBMODULES = frozenset(
    {"f2py", "testing", "ma", "random", "polynomial", "ctypeslib", "char", "rec", "strings"}
)


@contextmanager
def _unneeded_numpy_submodules_hidden() -> Iterator[None]:
    namespace = vars(numpy)  # numpy's module globals: its __all__ and its module-level __dir__
    if "scipy.sparse" in sys.modules or not {"__all__", "__dir__"} <= namespace.keys():
        yield  # already imported, or a numpy laid out otherwise: a plain import, only slower
        return
    listed, names = namespace["__all__"], namespace["__dir__"]
    namespace["__all__"] = [n for n in listed if n not in UNNEEDED_NUMPY_SUBMODULES]
    namespace["__dir__"] = lambda: [n for n in names() if n not in UNNEEDED_NUMPY_SUBMODULES]
    try:
        yield
    finally:
        namespace["__all__"], namespace["__dir__"] = listed, names


with _unneeded_numpy_submodules_hidden():
    from scipy import sparse


def distinct_values(values: numpy.ndarray) -> numpy.ndarray:
    """``numpy.unique(values)``: the values sorted, each once. Without numpy.unique's test for a
    masked array, which imports numpy.ma (15 ms, once per process) for arrays that never are one."""
    ordered = numpy.sort(numpy.asarray(values).ravel())
    return ordered[numpy.concatenate(([True], ordered[1:] != ordered[:-1]))] if len(ordered) else ordered


def median_value(values: numpy.ndarray) -> float:
    """``float(numpy.median(values))`` of a non-empty array of finite numbers: the middle value, or the
    mean of the middle two. Without numpy.median's test for a masked array, which imports numpy.ma as
    ``numpy.unique`` does (above)."""
    ordered = numpy.sort(numpy.asarray(values, dtype=float).ravel())
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return float((ordered[middle - 1] + ordered[middle]) / 2)


__all__ = ["distinct_values", "median_value", "sparse"]
