"""The ``kmp_warm`` papermill engine as papermill finds it (an entry point).

papermill loads engine entry points while ``papermill.engines`` is still being
imported, so the object it loads must import nothing, papermill least of all: this
class only passes every attribute papermill asks for (``execute_notebook``,
``nb_kernel_name``…) on to :class:`kmp_analysis.batch.engine.WarmEngine`, imported
the first time one is asked for. Whichever is imported first, papermill or the
engine, both load cleanly.
"""

from __future__ import annotations

from typing import Any


class _HandOver(type):
    def __getattr__(cls, name: str) -> Any:
        from kmp_analysis.batch.engine import WarmEngine

        return getattr(WarmEngine, name)


class WarmEngine(metaclass=_HandOver):
    """papermill engine ``kmp_warm``: notebooks run on a warm, reset kernel."""
