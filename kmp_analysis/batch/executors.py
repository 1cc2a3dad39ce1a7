"""Where the briefs of a run are executed, by name: ``local`` worker processes (the
default), an existing ``dask`` cluster, or ``inprocess`` one after the other
(debugging, tests).

:data:`EXECUTORS` maps each name to the module it needs and the class that runs
the briefs; the class is imported only when its name is chosen, so ``distributed``
is never imported by a local run. Every executor has the same four steps:
:meth:`Executor.check` before any work (the cluster answers), :meth:`Executor.start`
while the data is being evaluated (workers warm their kernels), :meth:`Executor.run`
with one progress display, and :meth:`Executor.close`.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path
from typing import Protocol

from kmp_analysis.batch.jobs import BriefJob, BriefRequest, BriefResult
from kmp_analysis.batch.progress import Progress
from kmp_analysis.errors import UsageError

#: Executor name -> (module it needs, or None; "module:Class" that runs briefs).
EXECUTORS: dict[str, tuple[str | None, str]] = {
    "local": (None, "kmp_analysis.batch.local:LocalWorkers"),
    "dask": ("distributed", "kmp_analysis.batch.cluster:DaskCluster"),
    "inprocess": (None, "kmp_analysis.batch.run:InProcess"),
}


class Executor(Protocol):
    """What the batch asks of an executor (made from the run's request)."""

    #: After :meth:`close`, none of its workers can still write into the run
    #: folder (so left-over temporary folders may be removed even after Ctrl-C).
    stops_workers: bool

    def check(self) -> None:
        """Fail now, before any work, when the briefs cannot run here."""

    def start(self, jobs: int) -> None:
        """Get ready for ``jobs`` briefs while the caller goes on."""

    def run(self, jobs: list[BriefJob], progress: Progress) -> list[BriefResult]:
        """Every job's result (failed ones too), moving ``progress`` as they end."""
        ...

    def close(self, log_file: Path | None) -> None:
        """Release the workers; their log goes to ``log_file`` (None: no run)."""


def get_executor(request: BriefRequest) -> Executor:
    """The executor ``request.executor`` names, made from ``request``; a
    :class:`~kmp_analysis.errors.UsageError` names the choices for an unknown one,
    or the package a known one needs.

    Examples
    --------
    >>> type(get_executor(BriefRequest(executor="inprocess"))).__name__
    'InProcess'
    """
    name = request.executor
    if name not in EXECUTORS:
        raise UsageError("executor_unknown", name=name, choices=", ".join(EXECUTORS))
    needs, target = EXECUTORS[name]
    if needs and importlib.util.find_spec(needs) is None:
        raise UsageError("executor_needs", name=name, module=needs)
    module, _, cls = target.partition(":")
    return getattr(importlib.import_module(module), cls)(request)
