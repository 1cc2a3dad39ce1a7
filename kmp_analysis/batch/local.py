"""The briefs in worker processes on this machine, each keeping its warm kernels."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import warnings
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path

from kmp_analysis.batch.jobs import BriefJob, BriefRequest, BriefResult
from kmp_analysis.batch.progress import Progress
from kmp_analysis.batch.run import error_text, run_brief
from kmp_analysis.i18n import label
from kmp_analysis.paths import engine_name


class LocalWorkers:
    """Worker processes on this machine, each keeping its warm kernels.

    Started on the first :meth:`run`, or ahead of it with :meth:`start`, which also
    starts a kernel in each worker (with its imports) while the caller goes on. The
    workers' stderr (and their kernels') goes to a temporary log until
    :meth:`close` shuts the workers and their kernels down and appends it to the
    run folder's ``batch.log``. The ``local`` executor
    (:mod:`kmp_analysis.batch.executors`).
    """

    stops_workers = True

    def __init__(self, request: BriefRequest) -> None:
        self.workers = request.workers or os.cpu_count() or 1
        self.formats = request.formats
        # outside the output folder: nothing is written there before the data is
        # known to be valid
        fd, name = tempfile.mkstemp(prefix="kmp-batch-", suffix=".log")
        os.close(fd)
        self.log_file = Path(name)
        self.pool: ProcessPoolExecutor | None = None

    def check(self) -> None:
        """Nothing to check: this machine is always there."""

    def start(self, jobs: int) -> None:
        """Start the workers, each warming a kernel, for ``jobs`` briefs."""
        if self.pool is not None or jobs < 1:
            return
        workers = max(1, min(self.workers, jobs))
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=get_context("spawn"),
            initializer=_init_worker,
            initargs=(str(self.log_file),),
        )
        for _ in range(workers):  # a worker that is up first may warm twice: no-op
            self.pool.submit(_prewarm, "pdf" in self.formats)

    def run(self, jobs: list[BriefJob], progress: Progress) -> list[BriefResult]:
        """Run ``jobs``, one brief per worker at a time, showing which are running.

        A brief whose worker died is run once more on a new worker.
        """
        if not jobs:
            return []
        self.start(len(jobs))
        pool = self.pool
        assert pool is not None
        results: list[BriefResult] = []
        waiting = deque(jobs)
        running: dict[Future, BriefJob] = {}

        def submit_next() -> None:
            job = waiting.popleft()
            running[pool.submit(run_brief, job)] = job

        def fill() -> None:
            # one brief per worker in flight, no queue: after Ctrl-C nothing new
            # starts, and a dead worker takes no queued brief down with it
            while waiting and len(running) < self.workers:
                submit_next()

        retried: set[str] = set()
        fill()
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            lost: list[BriefJob] = []
            for future in done:
                job = running.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:  # a worker process died
                    lost.append(job)
                    continue
                except Exception as exc:
                    result = job.failed(0.0, error_text(exc, job.lang))
                results.append(result)
                progress.update(result, [j.shown_name for j in running.values()])
            if lost:  # the pool is broken: every brief in it is lost
                lost += running.values()
                running.clear()
                for job in reversed(lost):  # each once more, on new workers
                    if job.ident in retried:
                        failed = job.failed(0.0, label("worker_died", job.lang))
                        results.append(failed)
                        progress.update(failed, [])
                    else:
                        retried.add(job.ident)
                        waiting.appendleft(job)
                pool.shutdown(wait=False, cancel_futures=True)
                self.pool = None
                self.start(len(waiting))
                pool = self.pool  # type: ignore[assignment]
            fill()
        return results

    def close(self, log_file: Path | None = None) -> None:
        """Shut the workers and their kernels down; append their log to
        ``log_file`` (the run's ``batch.log``), or drop it when there is no run."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        if log_file is not None and self.log_file.is_file():
            log_file.parent.mkdir(parents=True, exist_ok=True)
            with self.log_file.open("rb") as src, log_file.open("ab") as dst:
                shutil.copyfileobj(src, dst)
        self.log_file.unlink(missing_ok=True)


def _prewarm(pdf: bool = False) -> None:
    """A kernel with its imports and, when PDFs are asked for, the browser: both
    started while the main process reads and evaluates the data."""
    from kmp_analysis.batch.engine import prewarm

    if engine_name() == "kmp_warm":
        prewarm()
    if pdf:
        from kmp_analysis.report.pdf import warm_printer

        warm_printer()


def _init_worker(log_file: str) -> None:
    """Keep library and kernel chatter out of the terminal: stderr goes to a log.

    Kernels inherit the worker's stderr, so redirecting file descriptor 2 also
    catches what they print (warnings, debugger notes) while starting.

    The worker also goes without ``rfc3987_syntax``: jsonschema imports it, when
    installed (jupyterlab brings it), for IRI format checks that nbformat's schema
    never asks for, and building its grammar costs ≈ 1 s in every worker. Only
    these batch processes skip it; the user's own interpreter is untouched.
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    os.close(redirect_stderr(log_file))  # this process's stderr never comes back
    warnings.simplefilter("ignore")
    logging.getLogger("papermill").setLevel(logging.ERROR)
    logging.getLogger("traitlets").setLevel(logging.ERROR)


def redirect_stderr(log_file: str | Path) -> int:
    """Send this process's file descriptor 2 to the end of ``log_file``, for the
    kernels it starts too (they inherit it); returns a duplicate of the old one, to
    put back with ``os.dup2(saved, 2)``. Also quiets the debugger's note on frozen
    modules that every new kernel would print."""
    Path(log_file).parent.mkdir(parents=True, exist_ok=True)
    sys.stderr.flush()
    saved = os.dup(2)
    fd = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 2)
    os.close(fd)
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return saved
