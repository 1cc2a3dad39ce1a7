"""One brief: execute its notebook with papermill (on a warm kernel), export the
reader's HTML and, where asked, the PDF, then move its files into place at once.

:func:`run_brief` is what a local worker process or a Dask task executes.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from kmp_analysis.batch import cache
from kmp_analysis.batch.jobs import (
    BriefJob,
    BriefRequest,
    BriefResult,
    Status,
)
from kmp_analysis.batch.progress import Progress
from kmp_analysis.errors import KmpError, WarmKernelError
from kmp_analysis.i18n import label
from kmp_analysis.paths import engine_name
from kmp_analysis.report.pdf import close_printers, html_to_pdf, pdf_page_count

CELL_TIMEOUT_S = 600


def run_brief(job: BriefJob) -> BriefResult:
    """Execute one brief in a fresh kernel and move its files into place.

    Runs in a worker process. The kernel's stderr is kept out of the terminal, and a
    kernel that fails to start (papermill#511: port collisions) is retried once.
    """
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from kmp_analysis.report.page import notebook_to_html

    start = time.perf_counter()
    job.out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(
        tempfile.mkdtemp(
            prefix=f".{job.out_dir.name}.", suffix=".tmp", dir=job.out_dir.parent
        )
    )
    try:
        executed = tmp / f"{job.stem}.ipynb"
        parameters = {**job.parameters, "out_dir": str(tmp)}
        for attempt in (1, 2):
            try:
                papermill.execute_notebook(
                    str(job.notebook),
                    str(executed),
                    parameters=parameters,
                    kernel_name="python3",
                    engine_name=engine_name(),
                    progress_bar=False,
                    log_output=False,
                    execution_timeout=CELL_TIMEOUT_S,
                    request_save_on_cell_execute=False,
                )
                break
            except PapermillExecutionError as exc:
                error = _describe(exc, job.lang)
                return job.failed(time.perf_counter() - start, error)
            except WarmKernelError as exc:  # the engine already replaced and retried
                return job.failed(time.perf_counter() - start, exc.text(job.lang))
            except Exception as exc:  # hung (timeout) or kernel did not start: retry
                if attempt == 2:
                    return job.failed(
                        time.perf_counter() - start, error_text(exc, job.lang)
                    )
        nb = nbformat.read(executed, as_version=4)
        page = tmp / f"{job.stem}.html"
        page.write_text(notebook_to_html(nb, job.title, job.lang), encoding="utf-8")
        pages, pdf_error = None, None
        if "pdf" in job.formats:
            try:
                pages = pdf_page_count(html_to_pdf(page, tmp / f"{job.stem}.pdf"))
            except Exception as exc:  # the HTML brief stands; the PDF failed
                pdf_error = f"PDF: {error_text(exc, job.lang)}"
        if "ipynb" not in job.formats:
            executed.unlink()
        job.out_dir.mkdir(parents=True, exist_ok=True)
        files = []
        for suffix in ("ipynb", "html", "json", "pdf"):
            name = f"{job.stem}.{suffix}"
            if (tmp / name).exists():
                os.replace(tmp / name, job.out_dir / name)
                files.append(f"{job.folder}/{name}")
        if not pdf_error and job.key_parts:
            cache.write_key(job.out_dir, job.stem, job.key_parts)
        return job.result(
            Status.FAILED if pdf_error else Status.OK,
            time.perf_counter() - start,
            alasan_build=list(job.reasons),
            error=pdf_error,
            files=files,
            pdf_pages=pages,
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def error_text(exc: BaseException, lang: str) -> str:
    """An error as a failed brief reports it: ours in the reader's language,
    another library's with its type."""
    if isinstance(exc, KmpError):
        return exc.text(lang)
    return f"{type(exc).__name__}: {exc}"


def _describe(exc: Exception, lang: str) -> str:
    """A failed cell: the error it raised and the cell's number."""
    ename = getattr(exc, "ename", type(exc).__name__)
    evalue = getattr(exc, "evalue", str(exc))
    cell = getattr(exc, "exec_count", None)
    where = "" if cell is None else label("in_cell", lang, cell=cell)
    return f"{ename}: {evalue}{where}"


class InProcess:
    """The ``inprocess`` executor: every brief in this process, one after the other
    (debugging, tests; see :mod:`kmp_analysis.batch.executors`)."""

    stops_workers = True

    def __init__(self, request: BriefRequest) -> None:
        self.request = request

    def check(self) -> None:
        """Nothing to check."""

    def start(self, jobs: int) -> None:
        """Nothing to start: the first brief starts its kernel."""

    def run(self, jobs: list[BriefJob], progress: Progress) -> list[BriefResult]:
        results = []
        for job in jobs:
            results.append(run_brief(job))
            progress.update(results[-1])
        return results

    def close(self, log_file: Path | None) -> None:
        """Close the browser the PDFs were printed with (warm kernels end with the
        process)."""
        close_printers()
