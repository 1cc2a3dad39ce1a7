"""The batch on an existing ``dask.distributed`` cluster (``kmp briefs --scheduler``).

:func:`run_on_dask` sends every :class:`~kmp_analysis.batch.jobs.BriefJob` to the
cluster as one task running :func:`kmp_analysis.batch.run.run_brief`, the same
function the local worker processes run, so the files land where a local run writes
them. The workers are
long-lived processes that keep whatever ``run_brief`` keeps between briefs (warm
kernels); a task is never pinned to a fresh process.

What the workers need: ``kmp_analysis`` importable (same venv, or the package
installed), and the notebooks, the data, the ``evaluasi/`` folder and the output
folder at the same absolute paths as on the machine that starts the batch (one
machine, or a shared filesystem). Results come back as they finish; a brief whose task
raised or whose worker died becomes a failed :class:`~kmp_analysis.batch.BriefResult`
with the reason, and the others go on.

Imported only when a run asks for Dask: it imports ``distributed``.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from distributed import Client, WorkerPlugin, as_completed
from distributed.comm import connect as comm_connect

from kmp_analysis.batch.jobs import BriefJob, BriefRequest, BriefResult
from kmp_analysis.batch.local import redirect_stderr
from kmp_analysis.batch.progress import Progress
from kmp_analysis.batch.run import run_brief
from kmp_analysis.errors import DaskUnavailable, UsageError

#: Seconds to wait for the scheduler to answer, and then for a first worker.
CONNECT_TIMEOUT_S = 10.0
#: Name under which the stderr plugin is registered on the workers.
PLUGIN_NAME = "kmp-stderr-log"
LOG_NAME = "batch.log"


def run_on_dask(
    jobs: list[BriefJob],
    address: str,
    on_result: Callable[[BriefResult], None] | None = None,
    *,
    log_file: str | Path | None = None,
    timeout: float = CONNECT_TIMEOUT_S,
) -> list[BriefResult]:
    """Run ``jobs`` on the Dask cluster whose scheduler listens at ``address``.

    ``on_result`` is called in this process with each result as its brief finishes
    (to move one progress bar). Returns every result, in the order they finished.
    The kernels' stderr goes to ``log_file`` (default ``batch.log`` in the run folder
    of the jobs), not to the workers' terminals. Raises :class:`DaskUnavailable`
    when the scheduler does not answer, or no worker joins it, within ``timeout``
    seconds.
    """
    if not jobs:
        return []
    log_path = Path(log_file) if log_file else run_dir_of(jobs[0]) / LOG_NAME
    client = connect(address, timeout)
    results: list[BriefResult] = []
    futures: dict[Any, BriefJob] = {}
    try:
        _wait_for_a_worker(client, address, timeout)
        client.register_plugin(StderrToLog(str(log_path.resolve())), name=PLUGIN_NAME)
        for job in jobs:
            key = f"brief-{job.ident}-{uuid.uuid4().hex[:8]}"
            futures[client.submit(run_brief, job, pure=False, key=key)] = job
        for future in as_completed(list(futures), loop=client.loop):
            job = futures.pop(future)
            result = _result_of(future, job)
            future.release()
            results.append(result)
            if on_result is not None:
                on_result(result)
    finally:
        if futures:  # interrupted, or on_result raised: stop what has not started
            client.cancel(list(futures))
        _unregister(client)
        client.close()
    return results


class DaskCluster:
    """The ``dask`` executor: the briefs as tasks on the cluster whose scheduler
    listens at ``request.scheduler`` (see :mod:`kmp_analysis.batch.executors`)."""

    #: The cluster's workers are not ours: a cancelled task may still be writing.
    stops_workers = False

    def __init__(self, request: BriefRequest) -> None:
        if not request.scheduler:
            raise UsageError("executor_needs_scheduler")
        self.address = request.scheduler

    def check(self) -> None:
        """Fail at once, before any work, when the scheduler does not answer."""
        check_scheduler(self.address)

    def start(self, jobs: int) -> None:
        """Nothing to start: the cluster's workers are up already."""

    def run(self, jobs: list[BriefJob], progress: Progress) -> list[BriefResult]:
        return run_on_dask(jobs, self.address, progress.update)

    def close(self, log_file: Path | None) -> None:
        """Nothing to release: the workers belong to the cluster."""


def check_scheduler(address: str, timeout: float = CONNECT_TIMEOUT_S) -> None:
    """Raise :class:`DaskUnavailable` unless the scheduler at ``address`` answers.

    Cheap (one connection, opened and closed): call it before evaluating anything,
    so that a wrong ``--scheduler`` fails at once.
    """

    async def attempt() -> None:
        comm = await comm_connect(address, timeout=timeout)
        await comm.close()

    try:
        # In a thread of its own, so that it works under a running event loop
        # (Jupyter).
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(lambda: asyncio.run(attempt())).result()
    except (OSError, TimeoutError, ValueError) as exc:
        raise _unreachable(address, exc) from exc


def _unreachable(address: str, exc: BaseException) -> DaskUnavailable:
    reason = str(exc).strip() or type(exc).__name__
    return DaskUnavailable("dask_unreachable", address=address, reason=reason)


def connect(address: str, timeout: float = CONNECT_TIMEOUT_S) -> Client:
    """A client of the scheduler at ``address``; :class:`DaskUnavailable` if none."""
    # Probe first: a Client whose constructor fails lingers and stalls the exit of
    # the program for twice the timeout (distributed 2026.8).
    check_scheduler(address, timeout)
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise _unreachable(address, exc) from exc


def run_dir_of(job: BriefJob) -> Path:
    """The run folder a job writes into (``…/briefs/<periode>``)."""
    return job.run_dir


def _wait_for_a_worker(client: Client, address: str, timeout: float) -> None:
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError as exc:
        raise DaskUnavailable(
            "dask_no_worker", address=address, timeout=f"{timeout:g}"
        ) from exc


def _result_of(future: Any, job: BriefJob) -> BriefResult:
    """The task's result, or a failed result saying why there is none."""
    try:
        return future.result()
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        # KilledWorker: the worker died (too often) while running this brief;
        # CancelledError: the scheduler went away; anything else: run_brief raised.
        reason = str(exc).strip()
        error = f"{type(exc).__name__}: {reason}" if reason else type(exc).__name__
        return job.failed(0.0, error)


def _unregister(client: Client) -> None:
    """Give the workers their terminal back (best effort: they may be gone)."""
    with contextlib.suppress(Exception):
        client.unregister_worker_plugin(PLUGIN_NAME)


class StderrToLog(WorkerPlugin):
    """Worker plugin: file descriptor 2 of each worker process goes to a log file.

    Kernels inherit the worker's stderr, so what they print while starting (warnings,
    debugger notes) lands in the log, as for local workers
    (:mod:`kmp_analysis.batch.local`). The worker's own log lines go there too while
    the batch runs; ``teardown`` (when the batch unregisters the plugin) puts the
    terminal back.
    """

    name = PLUGIN_NAME

    def __init__(self, log_file: str) -> None:
        self.log_file = log_file
        self._saved_fd: int | None = None

    def setup(self, worker: Any = None) -> None:
        self._saved_fd = redirect_stderr(self.log_file)

    def teardown(self, worker: Any = None) -> None:
        if self._saved_fd is None:
            return
        sys.stderr.flush()
        os.dup2(self._saved_fd, 2)
        os.close(self._saved_fd)
        self._saved_fd = None
