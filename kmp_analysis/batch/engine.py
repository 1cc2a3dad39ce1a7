"""Warm kernels for papermill: the ``kmp_warm`` engine.

papermill's default engine starts a fresh kernel for every notebook, imports pandas,
geopandas and matplotlib in it, and shuts it down again: three quarters of a brief's
time. :class:`WarmEngine` keeps one kernel per kernel name alive in each process (one
more only when several threads run notebooks at once), with the heavy imports
(:data:`WARM_IMPORTS`) done once, and hands it to nbclient (``km=``) without shutting
it down::

    papermill.execute_notebook(src, dst, parameters=..., engine_name="kmp_warm")
    papermill --engine kmp_warm brief_kecamatan.ipynb out.ipynb -p kecamatan Tenggarong

Before every notebook the kernel is reset to the state a fresh kernel has after those
imports (the kernel side is :mod:`kmp_analysis.batch._kernel`): a new IPython session
(empty namespace, ``In``/``Out`` cleared, execution counts from 1), every figure
closed and matplotlib's rcParams, pandas' options, numpy's print and error settings,
the warning filters, ``sys.path`` and the environment as they were after the warm-up,
the random seeds of ``random`` and ``numpy.random`` set to :data:`SEED`, and the
working directory set to this process's (papermill's ``cwd`` when given). Modules stay
imported, so module-level caches stay warm; a module first imported by a notebook
keeps whatever it did at import time.

The engine reaches papermill through the entry point
:class:`kmp_analysis.batch._plugin.WarmEngine`, which hands every notebook here.

Robustness: a kernel that died or does not answer the reset is replaced before the
notebook starts; a kernel that dies while running a notebook is replaced and the
notebook run once more from the start. ``execution_timeout`` (per cell, as in
papermill) and ``brief_timeout`` (the whole notebook, default
:data:`BRIEF_TIMEOUT_S`) kill the kernel and raise :class:`BriefTimeoutError`; the next
notebook gets a new kernel. Kernel starts are retried (port collisions, papermill#511).
A failing cell raises papermill's ``PapermillExecutionError`` as usual and the kernel
is reused, reset, for the next notebook. Kernels are shut down at exit
(:func:`shutdown_all`).
"""

from __future__ import annotations

import ast
import atexit
import contextlib
import copy
import logging
import os
import queue
import signal
import threading
import time
from concurrent.futures import Future
from functools import lru_cache
from pathlib import Path
from typing import Any

from jupyter_core.utils import run_sync
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import Engine, NBClientEngine
from papermill.utils import merge_kwargs, remove_args

from kmp_analysis.errors import BriefTimeoutError, WarmKernelError
from kmp_analysis.paths import DEFAULT_ENGINE

logger = logging.getLogger(__name__)

ENGINE_NAME = DEFAULT_ENGINE
#: Wall-clock limit of one notebook, seconds (``brief_timeout=``; None/0: no limit).
BRIEF_TIMEOUT_S = 600.0
#: Seed of ``random`` and ``numpy.random`` at the start of every notebook.
SEED = 0
#: Imported once in every new kernel.
WARM_IMPORTS = (
    "numpy",
    "pandas",
    "geopandas",
    "matplotlib",
    "matplotlib.pyplot",  # with ipykernel's default inline backend
    "kmp_analysis.report.brief",
    "kmp_analysis.report.summary",
    "kmp_analysis.report.rapor",
    "kmp_analysis.report.maps",
    "kmp_analysis.report.charts",
    "kmp_analysis.report.blocks",
)
START_ATTEMPTS = 3
WARM_TIMEOUT_S = 300.0
RESET_TIMEOUT_S = 30.0
SHUTDOWN_TIMEOUT_S = 10.0
_KERNEL_MODULE = "_kmp_warm"


@lru_cache(maxsize=1)
def _kernel_source() -> str:
    """The code every new kernel runs as its module ``_kmp_warm``."""
    return (Path(__file__).parent / "_kernel.py").read_text(encoding="utf-8")


def _bootstrap_code(imports: tuple[str, ...]) -> str:
    return (
        "def __kmp_warm_bootstrap(source, imports):\n"
        "    import sys, types\n"
        f"    module = types.ModuleType({_KERNEL_MODULE!r})\n"
        "    exec(compile(source, '<kmp_warm>', 'exec'), module.__dict__)\n"
        f"    sys.modules[{_KERNEL_MODULE!r}] = module\n"
        "    module.init(imports)\n"
        f"__kmp_warm_bootstrap({_kernel_source()!r}, {list(imports)!r})\n"
        "del __kmp_warm_bootstrap\n"
    )


# --------------------------------------------------------------------------------------
# Client side.


class _KernelGone(RuntimeError):
    """The kernel process is not running."""


class _Runner:
    """One daemon thread running every call on one kernel, so that its zmq sockets
    and asyncio loop always live in the same thread (papermill may be called from
    several threads, e.g. by dask). Daemon, so that it still runs in atexit."""

    def __init__(self, name: str) -> None:
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            future, fn, args = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(*args))
            except BaseException as exc:
                future.set_exception(exc)

    def submit(self, fn: Any, *args: Any) -> Future:
        future: Future = Future()
        self._queue.put((future, fn, args))
        return future

    def stop(self) -> None:
        self._queue.put(None)


class _WarmKernel:
    """One kernel: its manager and client, used only from its own thread."""

    def __init__(self, kernel_name: str) -> None:
        self.kernel_name = kernel_name
        self.km: Any = None
        self.kc: Any = None
        self.notebooks = 0
        self.failed_imports: dict[str, str] = {}
        self._runner = _Runner(f"kmp-warm-{kernel_name}")

    def call(self, fn: Any, *args: Any, timeout: float | None = None) -> Any:
        return self._runner.submit(fn, *args).result(timeout)

    @property
    def pid(self) -> int | None:
        provisioner = getattr(self.km, "provisioner", None)
        return getattr(provisioner, "pid", None)

    def start(self, start_timeout: float) -> None:
        self.call(
            run_sync(self._a_start),
            start_timeout,
            timeout=start_timeout + WARM_TIMEOUT_S + 30,
        )

    async def _a_start(self, start_timeout: float) -> None:
        from jupyter_client.manager import AsyncKernelManager

        self.km = AsyncKernelManager(kernel_name=self.kernel_name)
        extra = ["--HistoryManager.hist_file=:memory:"]  # as nbclient does
        await self.km.start_kernel(extra_arguments=extra, cwd=os.getcwd())
        self.kc = self.km.client()
        self.kc.start_channels()
        await self.kc.wait_for_ready(timeout=start_timeout)
        self.kc.allow_stdin = False
        failed = f"__import__({_KERNEL_MODULE!r}).state['failed']"
        content = await self._a_request(
            _bootstrap_code(WARM_IMPORTS), WARM_TIMEOUT_S, {"failed": failed}
        )
        result = content.get("user_expressions", {}).get("failed", {})
        with contextlib.suppress(KeyError, ValueError, SyntaxError):
            self.failed_imports = ast.literal_eval(result["data"]["text/plain"])
        if self.failed_imports:
            logger.warning("not warmed up in the kernel: %s", self.failed_imports)

    def reset(self, cwd: str) -> None:
        code = f"__import__({_KERNEL_MODULE!r}).reset({cwd!r}, {SEED!r})"
        self.call(
            run_sync(self._a_request),
            code,
            RESET_TIMEOUT_S,
            timeout=RESET_TIMEOUT_S + 5,
        )

    async def _a_request(
        self, code: str, timeout: float, expressions: dict | None = None
    ) -> dict:
        """Run ``code`` silently (no history, no execution count); wait for its reply
        and for the kernel to go idle again. Raises on an error in the code, a dead
        kernel, or no answer within ``timeout``."""
        km, kc = self.km, self.kc
        deadline = time.monotonic() + timeout
        for _ in range(2):  # a request aborted after the previous error: once more
            if not await km.is_alive():
                raise _KernelGone("the kernel is not running")
            msg_id = kc.execute(
                code,
                silent=True,
                store_history=False,
                user_expressions=expressions,
                stop_on_error=False,
            )
            reply = await self._a_wait(kc.get_shell_msg, msg_id, deadline)
            await self._a_wait(kc.get_iopub_msg, msg_id, deadline, idle=True)
            content = reply["content"]
            if content["status"] != "aborted":
                break
        if content["status"] != "ok":
            raise WarmKernelError(
                "kernel_request_failed",
                ename=content.get("ename", content["status"]),
                evalue=content.get("evalue", ""),
            )
        return content

    async def _a_wait(
        self, get: Any, msg_id: str, deadline: float, idle: bool = False
    ) -> dict:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("the kernel did not answer")
            try:
                msg = await get(timeout=min(1.0, remaining))
            except queue.Empty:
                if not await self.km.is_alive():
                    raise _KernelGone("the kernel died") from None
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if not idle or (
                msg["msg_type"] == "status"
                and msg["content"].get("execution_state") == "idle"
            ):
                return msg

    def run(self, nb_man: Any, client_kwargs: dict, timeout: float | None) -> None:
        """Execute the notebook here; kill the kernel after ``timeout`` seconds."""
        future = self._runner.submit(self._execute, nb_man, client_kwargs)
        try:
            future.result(timeout)
        except TimeoutError:
            if future.done():  # finished after all, or its own CellTimeoutError
                future.result()
                return
            self.kill()
            with contextlib.suppress(BaseException):  # nbclient notices the dead
                future.result(30)  # kernel within a second or two
            raise BriefTimeoutError("brief_timeout", timeout=f"{timeout:g}") from None
        except BaseException:
            if not future.done():  # e.g. KeyboardInterrupt while waiting
                self.kill()
            raise

    def _execute(self, nb_man: Any, client_kwargs: dict) -> None:
        client = PapermillNotebookClient(nb_man, km=self.km, **client_kwargs)
        client.kc = self.kc  # ours: nbclient neither creates nor closes a client
        self.notebooks += 1
        client.execute()

    def kill(self) -> None:
        """SIGKILL the kernel's process group, from any thread."""
        provisioner = getattr(self.km, "provisioner", None)
        pgid, pid = getattr(provisioner, "pgid", None), self.pid
        try:
            if pgid and pgid != os.getpgid(0):
                os.killpg(pgid, signal.SIGKILL)
            elif pid:
                os.kill(pid, signal.SIGKILL)
        except OSError:  # already gone
            pass

    def close(self, now: bool = True) -> None:
        """Shut the kernel down (``now``: kill it) and end its thread."""
        try:
            self.call(run_sync(self._a_close), now, timeout=SHUTDOWN_TIMEOUT_S)
        except BaseException:
            self.kill()
        finally:
            self._runner.stop()

    async def _a_close(self, now: bool) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
            self.kc = None
        if self.km is not None:
            try:
                if await self.km.is_alive():
                    await self.km.shutdown_kernel(now=now)
                else:
                    await self.km.cleanup_resources()
            except RuntimeError:  # "No kernel is running!"
                pass


def _reason(exc: BaseException | None) -> str:
    """Why a kernel failed, for a message (the exception's own words)."""
    if exc is None:
        return ""
    return str(exc).strip() or type(exc).__name__


class _Pool:
    """The warm kernels of this process, by kernel name."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: dict[str, list[_WarmKernel]] = {}
        self._all: set[_WarmKernel] = set()
        self._pid = os.getpid()
        self._finalizer = False

    def _forked(self) -> None:
        """A forked child does not own its parent's kernels: start over."""
        if os.getpid() != self._pid:
            self.__init__()

    def acquire(self, kernel_name: str, start_timeout: float, cwd: str) -> _WarmKernel:
        """An idle kernel, reset for the next notebook; started if there is none."""
        self._forked()
        last: BaseException | None = None
        for _ in range(START_ATTEMPTS):
            with self._lock:
                idle = self._idle.get(kernel_name)
                kernel = idle.pop() if idle else None
            if kernel is None:
                kernel = self._start(kernel_name, start_timeout)
            try:
                kernel.reset(cwd)
                return kernel
            except Exception as exc:  # dead, or not answering: replace it
                logger.warning("kernel %s unusable (%s); replacing it", kernel.pid, exc)
                self.discard(kernel)
                last = exc
        raise WarmKernelError(
            "kernel_unusable", kernel=kernel_name, error=_reason(last)
        ) from last

    def _start(self, kernel_name: str, start_timeout: float) -> _WarmKernel:
        from jupyter_client.kernelspec import NoSuchKernel

        if not self._finalizer:
            # multiprocessing children that end with os._exit skip atexit
            from multiprocessing import util

            util.Finalize(None, shutdown_all, exitpriority=0)
            self._finalizer = True
        last: BaseException | None = None
        for attempt in range(1, START_ATTEMPTS + 1):
            kernel = _WarmKernel(kernel_name)
            with self._lock:
                self._all.add(kernel)
            try:
                kernel.start(start_timeout)
                if attempt > 1:
                    logger.warning("kernel started at attempt %d", attempt)
                return kernel
            except NoSuchKernel:
                self.discard(kernel)
                raise
            except Exception as exc:  # e.g. a port taken meanwhile (papermill#511)
                self.discard(kernel)
                last = exc
                time.sleep(0.5 * attempt)
        raise WarmKernelError(
            "kernel_not_started",
            kernel=kernel_name,
            attempts=START_ATTEMPTS,
            error=_reason(last),
        ) from last

    def release(self, kernel: _WarmKernel) -> None:
        with self._lock:
            if kernel in self._all:
                self._idle.setdefault(kernel.kernel_name, []).append(kernel)

    def discard(self, kernel: _WarmKernel) -> None:
        with self._lock:
            self._all.discard(kernel)
            idle = self._idle.get(kernel.kernel_name, [])
            if kernel in idle:
                idle.remove(kernel)
        kernel.close(now=True)

    def kernels(self) -> list[_WarmKernel]:
        self._forked()
        with self._lock:
            return list(self._all)

    def shutdown_all(self) -> None:
        if os.getpid() != self._pid:
            return
        with self._lock:
            kernels = list(self._all)
            self._all.clear()
            self._idle.clear()
        # all at once, each on its own thread
        futures = [(k, k._runner.submit(run_sync(k._a_close), False)) for k in kernels]
        deadline = time.monotonic() + SHUTDOWN_TIMEOUT_S
        for kernel, future in futures:
            try:
                future.result(max(0.1, deadline - time.monotonic()))
            except BaseException:
                kernel.kill()
            kernel._runner.stop()


_POOL = _Pool()


def shutdown_all() -> None:
    """Shut down every warm kernel of this process (registered with ``atexit``)."""
    _POOL.shutdown_all()


atexit.register(shutdown_all)


def prewarm(kernel_name: str = "python3", start_timeout: float = 60) -> None:
    """Start a warm kernel now (e.g. in a worker's initializer) if there is none."""
    if not any(k.kernel_name == kernel_name for k in _POOL.kernels()):
        _POOL.release(_POOL._start(kernel_name, start_timeout))


def kernel_pids() -> list[int]:
    """Process ids of this process's warm kernels (diagnostics, tests)."""
    return sorted(k.pid for k in _POOL.kernels() if k.pid is not None)


@lru_cache(maxsize=16)
def _is_ipython_kernel(kernel_name: str) -> bool:
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec(kernel_name)
    return spec.language.lower() == "python" and any(
        "ipykernel" in a for a in spec.argv
    )


class WarmEngine(Engine):
    """papermill engine ``kmp_warm``: notebooks run on a warm, reset kernel.

    Accepts papermill's usual arguments (``execution_timeout`` per cell,
    ``start_timeout``, ``log_output``, ``stdout_file``/``stderr_file``) plus
    ``brief_timeout`` (seconds for the whole notebook, :data:`BRIEF_TIMEOUT_S`).
    Kernels that are not IPython kernels run on papermill's default engine.
    """

    shutdown_all = staticmethod(shutdown_all)

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man: Any,
        kernel_name: str,
        log_output: bool = False,
        stdout_file: Any = None,
        stderr_file: Any = None,
        start_timeout: float = 60,
        execution_timeout: float | None = None,
        brief_timeout: float | None = BRIEF_TIMEOUT_S,
        **kwargs: Any,
    ) -> None:
        if not _is_ipython_kernel(kernel_name):
            return NBClientEngine.execute_managed_notebook(
                nb_man,
                kernel_name,
                log_output=log_output,
                stdout_file=stdout_file,
                stderr_file=stderr_file,
                start_timeout=start_timeout,
                execution_timeout=execution_timeout,
                **kwargs,
            )
        kwargs = remove_args(["input_path"], **kwargs)
        safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
        client_kwargs = merge_kwargs(
            safe_kwargs,
            timeout=execution_timeout if execution_timeout else kwargs.get("timeout"),
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log=logging.getLogger("papermill"),
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        cwd = os.getcwd()  # papermill has changed into its `cwd` argument, if any
        deadline = time.monotonic() + brief_timeout if brief_timeout else None
        pristine = copy.deepcopy(nb_man.nb)
        for attempt in (1, 2):
            kernel = _POOL.acquire(kernel_name, start_timeout, cwd)
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                _POOL.release(kernel)
                raise BriefTimeoutError(
                    "brief_timeout_no_retry", timeout=f"{brief_timeout:g}"
                )
            try:
                kernel.run(nb_man, client_kwargs, remaining)
            except BriefTimeoutError:
                _POOL.discard(kernel)
                raise
            except CellTimeoutError as exc:
                _POOL.discard(kernel)
                raise BriefTimeoutError(
                    "cell_timeout", timeout=execution_timeout
                ) from exc
            except DeadKernelError as exc:
                _POOL.discard(kernel)
                if attempt == 2:
                    raise WarmKernelError("kernel_died_twice") from exc
                logger.warning("kernel died during the notebook; running it again")
                nb_man.nb = copy.deepcopy(pristine)
                if nb_man.pbar is not None:
                    nb_man.pbar.reset()
                nb_man.notebook_start()
                continue
            except BaseException:
                _POOL.discard(kernel)  # state unknown
                raise
            _POOL.release(kernel)
            return None
