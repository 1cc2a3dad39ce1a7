"""The kernel side of the warm engine: this file's source is sent to every new
kernel and runs there as the module ``_kmp_warm``, which survives the namespace
resets between notebooks (see :mod:`kmp_analysis.batch.engine`).

:func:`init` does the heavy imports once and takes a snapshot of the state a fresh
kernel has after them; :func:`reset` returns to it before every notebook. The code
uses only the standard library and what the kernel itself provides (IPython); the
libraries it resets (matplotlib, numpy, pandas) are looked up only where the kernel
imported them.
"""

from __future__ import annotations

import copy
import gc
import importlib
import os
import random
import sys
import warnings
from typing import Any

from IPython import get_ipython


def init(imports: list[str]) -> None:
    """In a new kernel: the heavy imports, then a snapshot of the state a fresh kernel
    has after them, which every :func:`reset` returns to."""
    failed = {}
    for name in imports:
        try:
            importlib.import_module(name)
        except Exception as exc:  # the notebook will say so itself when it imports it
            failed[name] = f"{type(exc).__name__}: {exc}"
    if "matplotlib.pyplot" in sys.modules:
        # load the backend (ipykernel's inline one) now, as the first figure of a
        # fresh kernel does: it makes matplotlib interactive and hooks the display
        plt = sys.modules["matplotlib.pyplot"]
        try:
            plt.switch_backend(plt.get_backend())
        except Exception as exc:
            failed["backend"] = f"{type(exc).__name__}: {exc}"
    state: dict = {
        "failed": failed,
        "sys_path": list(sys.path),
        "environ": dict(os.environ),
        "warnings": list(warnings.filters),
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if "matplotlib" in sys.modules:
            import matplotlib

            state["backend"] = matplotlib.get_backend()
            rc = matplotlib.rcParams
            state["rc"] = copy.deepcopy({k: v for k, v in rc.items() if k != "backend"})
        if "matplotlib_inline.backend_inline" in sys.modules:
            from matplotlib_inline.config import InlineBackend

            cfg = InlineBackend.instance()
            state["inline"] = {
                name: copy.deepcopy(getattr(cfg, name))
                for name in ("figure_formats", "print_figure_kwargs", "close_figures")
            }
        if "numpy" in sys.modules:
            import numpy

            state["np_print"] = numpy.get_printoptions()
            state["np_err"] = numpy.geterr()
        if "pandas" in sys.modules:
            import pandas

            try:
                keys = list(pandas._config.config._registered_options)
            except AttributeError:  # a pandas without it: no snapshot, no restore
                keys = []
            state["pandas"] = {key: pandas.get_option(key) for key in keys}
    sys.modules[__name__].state = state
    # what is alive now lives as long as the kernel: keep it out of every collection
    gc.collect()
    gc.freeze()


def reset(cwd: str, seed: int) -> None:
    """In the kernel, before every notebook: back to the state after :func:`init`."""

    state = sys.modules[__name__].state
    shell = get_ipython()
    backend = None
    if "matplotlib.pyplot" in sys.modules:
        import matplotlib.pyplot as plt

        plt.close("all")
    # a new session: empty user namespace, In/Out/_ cleared, execution count 1; it
    # ends with gc.collect(), fast as the warm-up's objects are frozen (_k_init)
    shell.reset(new_session=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if "matplotlib.pyplot" in sys.modules:
            backend = plt.get_backend()
            if "backend" in state and backend != state["backend"]:
                plt.switch_backend(state["backend"])
                backend = plt.get_backend()
        inline = sys.modules.get("matplotlib_inline.backend_inline")
        if inline is not None:
            inline.show._to_draw = []
            inline.show._draw_called = False
        if "rc" in state:
            import matplotlib

            matplotlib.rcParams.update(_copy(state["rc"]))  # lists are mutable
        if "inline" in state and inline is not None:
            from IPython.core.pylabtools import select_figure_formats
            from matplotlib_inline.config import InlineBackend

            cfg = InlineBackend.instance()
            for name, value in state["inline"].items():
                if getattr(cfg, name) != value:
                    setattr(cfg, name, _copy(value))
            if backend == state.get("backend"):
                select_figure_formats(
                    shell, cfg.figure_formats, **cfg.print_figure_kwargs
                )
        if "np_print" in state:
            import numpy

            numpy.set_printoptions(**state["np_print"])
            numpy.seterr(**state["np_err"])
        if "pandas" in state:
            import pandas

            for key, value in state["pandas"].items():
                try:
                    if pandas.get_option(key) != value:
                        pandas.set_option(key, value)
                except Exception:  # an option that cannot be set back: leave it
                    pass
    warnings.resetwarnings()
    warnings.filters[:] = state["warnings"]
    if sys.path != state["sys_path"]:
        sys.path[:] = state["sys_path"]
    environ = state["environ"]
    for key in [k for k in os.environ if k not in environ]:
        del os.environ[key]
    for key, value in environ.items():
        if os.environ.get(key) != value:
            os.environ[key] = value
    os.chdir(cwd)
    for name in ("last_type", "last_value", "last_traceback", "last_exc"):
        if hasattr(sys, name):  # the previous notebook's error, with its frames
            delattr(sys, name)
    random.seed(seed)
    if "numpy" in sys.modules:
        sys.modules["numpy"].random.seed(seed)


def _copy(value: Any) -> Any:
    """A deep copy (kernel side too: sent with the two functions above)."""

    return copy.deepcopy(value)
