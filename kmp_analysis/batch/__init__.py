"""The batch: one brief per kecamatan, executed with papermill, in parallel.

:func:`write_briefs` checks everything first (kecamatan names, the data, the config),
evaluates the regency once and saves it, then runs the brief notebook for every
kecamatan in worker processes. One failing brief never stops the others; each brief's
files are written to a temporary folder and renamed into place, so a brief folder holds
either the previous complete brief or the new one. The run ends with
``manifest.json`` (per brief: parameters, status, duration, error) and ``index.html``.
"""

from __future__ import annotations

import html
import json
import logging
import os
import shutil
import sys
import tempfile
import time
import warnings
from collections import deque
from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import UTC, datetime
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmp_analysis import __version__, cache
from kmp_analysis.errors import (
    KmpError,
    PdfUnavailable,
    UnknownKecamatan,
    UsageError,
    WarmKernelError,
)
from kmp_analysis.i18n import label
from kmp_analysis.paths import (
    BRIEF_NOTEBOOK,
    OUTPUTS_DIR,
    SAMPLE_DIR,
    SUMMARY_NOTEBOOK,
    engine_name,
)
from kmp_analysis.pdf import find_chromium, html_to_pdf, pdf_page_count
from kmp_analysis.safeio import atomic_write_text

if TYPE_CHECKING:
    from kmp_analysis import reference
    from kmp_analysis.evaluate import Evaluation

# This module stays light (no pandas, geopandas or matplotlib at import): worker
# processes import it to run briefs whose heavy lifting happens in their kernels, and
# an unchanged rerun is answered before any data is read. The data modules are
# imported where they are used.

EVALUATION_DIR = "evaluasi"
CELL_TIMEOUT_S = 600
FORMATS = ("html", "pdf", "ipynb")
#: Code and folder of the regency summary in the manifest and index.
KABUPATEN = "kabupaten"


@dataclass(frozen=True)
class BriefJob:
    """One brief to write: which kecamatan, where, and the notebook's parameters.

    The regency summary is a job too, with ``kode_kec`` :data:`KABUPATEN` and the
    file stem ``ringkasan``.
    """

    kode_kec: str
    nama_kec: str
    out_dir: Path
    notebook: Path
    parameters: dict[str, str]
    formats: tuple[str, ...] = ("html", "ipynb")
    stem: str = "brief"
    title: str = ""
    key_parts: dict[str, str] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()  # why it is (re)built

    @property
    def lang(self) -> str:
        return self.parameters.get("lang", "id")

    @property
    def expected_files(self) -> list[str]:
        """The files a finished job leaves in its folder."""
        names = [f"{self.stem}.html", f"{self.stem}.json"]
        names += [f"{self.stem}.{f}" for f in ("pdf", "ipynb") if f in self.formats]
        return names


@dataclass
class BriefResult:
    kode_kec: str
    nama_kec: str
    folder: str
    status: str  # "ok" or "gagal"
    duration_s: float
    parameters: dict[str, str]
    error: str | None = None
    files: list[str] = field(default_factory=list)
    headline: dict[str, Any] = field(default_factory=dict)
    pdf_pages: int | None = None
    cache: str = "ditulis"  # "ditulis" (built now) or "dipakai_ulang" (reused)
    alasan_build: list[str] = field(default_factory=list)

    @classmethod
    def from_manifest(cls, entry: dict[str, Any]) -> BriefResult:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in entry.items() if k in known})


@dataclass
class BatchReport:
    run_dir: Path
    period: str
    results: list[BriefResult]
    duration_s: float
    summary: BriefResult | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[BriefResult]:
        every = [*self.results, *([self.summary] if self.summary else [])]
        return [r for r in every if r.status != "ok"]

    @property
    def index_html(self) -> Path:
        return self.run_dir / "index.html"


def parse_formats(formats: str | Iterable[str]) -> tuple[str, ...]:
    """The output formats asked for (``"pdf,ipynb"`` or a sequence), HTML always
    first; raises :class:`~kmp_analysis.errors.UsageError` naming an unknown one.

    Examples
    --------
    >>> parse_formats("PDF, ipynb")
    ('html', 'pdf', 'ipynb')
    """
    given = formats.split(",") if isinstance(formats, str) else list(formats)
    wanted = [f.strip().lower() for f in given if f.strip()]
    for name in wanted:
        if name not in FORMATS:
            raise UsageError("bad_format", given=name)
    return tuple(dict.fromkeys(("html", *wanted)))


def resolve_kecamatan_list(
    values: list[str] | None, geography: reference.Geography | None = None
) -> list[str]:
    """Codes of the requested kecamatan (all of them, 20 in Kukar, when none are
    named)."""
    from kmp_analysis import reference

    geo = geography or reference.kukar()
    if not values:
        return list(geo.kecamatan["kode_kec"])
    codes, failures = geo.resolve_many(values)
    if failures:
        raise UnknownKecamatan.several(failures)
    return codes


def write_briefs(
    data: str | Path | None = None,
    period: str | None = None,
    kecamatan: list[str] | None = None,
    out: str | Path | None = None,
    workers: int | None = None,
    lang: str = "id",
    config: str | Path | None = None,
    notebook: str | Path | None = None,
    progress: bool = True,
    formats: tuple[str, ...] = ("html", "ipynb"),
    summary: bool = True,
    in_process: bool = False,
    force: bool = False,
    retry_failed: bool = False,
    scheduler: str | None = None,
    strict: bool = False,
) -> BatchReport:
    """Write the briefs; see the module docstring. Raises before any brief starts on
    an unknown kecamatan (:class:`UnknownKecamatanError`) or invalid input
    (:class:`~kmp_analysis.errors.ValidationFailed`)."""
    started = time.perf_counter()
    formats = parse_formats(formats)
    notes: list[str] = []
    if "pdf" in formats and find_chromium() is None:
        notes.append(PdfUnavailable().text(lang))
        formats = tuple(f for f in formats if f != "pdf")
    data_path = Path(data) if data else SAMPLE_DIR
    config_path = Path(config).resolve() if config else None
    notebook_path = Path(notebook or BRIEF_NOTEBOOK).resolve()
    briefs_dir = Path(out or OUTPUTS_DIR).resolve() / "briefs"
    request = {
        "period": period.strip() if period else None,
        "kecamatan": list(kecamatan or []),
        "lang": lang,
        "formats": sorted(formats),
        "summary": summary,
        "config": str(config_path) if config_path else None,
        "notebook": str(notebook_path),
        "strict": strict,
    }
    notebooks = [notebook_path, SUMMARY_NOTEBOOK] if summary else [notebook_path]
    run_key = cache.run_key(
        data_path, [*notebooks, *([config_path] if config_path else [])], request
    )
    if not force and (found := cache.unchanged_run(briefs_dir, run_key)):
        return _unchanged(*found, started, notes)

    from kmp_analysis import reference
    from kmp_analysis.evaluate import headline
    from kmp_analysis.io import geography

    geo = geography(data_path)
    codes = resolve_kecamatan_list(kecamatan, geo)
    if summary and geo is not reference.kukar():
        notes.append(label("summary_kukar_only", lang))
        summary = False
    if scheduler:  # fail before any work when the cluster cannot be reached
        from kmp_analysis.cluster import check_scheduler

        check_scheduler(scheduler)
    local = None if in_process or scheduler else LocalWorkers(workers)
    if local is not None and (force or not any(briefs_dir.glob("*/manifest.json"))):
        # every brief will be built: the workers start their kernels while the
        # data is read and evaluated here
        local.start(len(codes) + summary)
    plan: _Plan | None = None
    try:
        plan = _plan(
            briefs_dir,
            data_path,
            config_path,
            notebook_path,
            codes,
            geo,
            period,
            lang,
            formats,
            summary,
            force,
            retry_failed,
            strict,
        )
        evaluation, run_dir, previous = plan.evaluation, plan.run_dir, plan.previous
        to_run, kept = plan.to_run, plan.kept
        if in_process:  # one after the other in this process (debugging, tests)
            built = [run_brief(job) for job in to_run]
        elif scheduler:
            from kmp_analysis.cluster import run_on_dask

            show = Progress(len(to_run), len(kept), enabled=progress)
            try:
                built = run_on_dask(
                    to_run, scheduler, show.update, log_file=run_dir / "batch.log"
                )
            finally:
                show.close()
        else:
            assert local is not None
            built = local.run(to_run, progress, reused=len(kept))
    finally:
        if local is not None:
            local.close(keep_log=plan.run_dir / "batch.log" if plan else None)
        if plan is not None and not scheduler:  # (cluster workers may still write)
            _remove_stale_temp(plan.run_dir)
    if scheduler:  # a worker killed mid-brief leaves its temporary folder
        _remove_stale_temp(run_dir)
    results = kept + built
    asked = {job.kode_kec for job in plan.jobs}
    results += [
        replace(r, cache="dipakai_ulang")
        for code, r in previous.items()
        if code not in asked
    ]
    summary_result = next((r for r in results if r.kode_kec == KABUPATEN), None)
    results = [r for r in results if r.kode_kec != KABUPATEN]
    for result in results:
        result.headline = headline(
            evaluation.of_kecamatan(result.kode_kec), evaluation.period
        )
    if summary_result is not None:
        summary_result.headline = headline(evaluation.cooperatives, evaluation.period)
    results.sort(key=lambda r: r.kode_kec)
    report = BatchReport(
        run_dir=run_dir,
        period=evaluation.period,
        results=results,
        duration_s=time.perf_counter() - started,
        summary=summary_result,
        notes=notes,
    )
    _write_manifest(report, evaluation, data_path, lang, run_key)
    atomic_write_text(report.index_html, index_html(report, evaluation.synthetic, lang))
    return report


@dataclass
class _Plan:
    """The evaluated data and, for every brief asked for, whether to build it."""

    evaluation: Evaluation
    run_dir: Path
    jobs: list[BriefJob]
    previous: dict[str, BriefResult]
    to_run: list[BriefJob]
    kept: list[BriefResult]


def _plan(
    briefs_dir: Path,
    data_path: Path,
    config_path: Path | None,
    notebook_path: Path,
    codes: list[str],
    geo: reference.Geography,
    period: str | None,
    lang: str,
    formats: tuple[str, ...],
    summary: bool,
    force: bool,
    retry_failed: bool,
    strict: bool,
) -> _Plan:
    """Read and evaluate the data, save the evaluation, and decide brief by brief."""
    from kmp_analysis.config import load_config
    from kmp_analysis.evaluate import evaluate
    from kmp_analysis.io import read_dataset

    cfg = load_config(config_path)
    evaluation = evaluate(read_dataset(data_path, strict=strict), period, cfg)
    run_dir = briefs_dir / evaluation.period
    evaluation_dir = evaluation.save(run_dir / EVALUATION_DIR)
    common = {
        "data": str(data_path.resolve()),
        "period": evaluation.period,
        "lang": lang,
        "config": str(config_path) if config_path else "",
        "evaluasi": str(evaluation_dir),
    }
    jobs = [
        _job(code, geo, run_dir, notebook_path, common, formats, lang) for code in codes
    ]
    if summary:
        jobs.insert(0, _summary_job(run_dir, common, formats, lang))
    _remove_stale_temp(run_dir)
    previous = _previous_results(run_dir)
    selected = (
        {code for code, r in previous.items() if r.status != "ok"}
        if retry_failed
        else None
    )
    to_run, kept = [], []
    for job in jobs:
        if selected is not None and job.kode_kec not in selected:
            if job.kode_kec in previous:
                kept.append(replace(previous[job.kode_kec], cache="dipakai_ulang"))
            continue
        job = _with_key(job, evaluation, lang)
        decision = cache.decide(
            job.out_dir, job.stem, job.key_parts, job.expected_files, force
        )
        if decision.reuse:
            kept.append(_reused(job, previous.get(job.kode_kec)))
        else:
            cache.remove_key(job.out_dir, job.stem)
            to_run.append(replace(job, reasons=decision.reasons))
    return _Plan(evaluation, run_dir, jobs, previous, to_run, kept)


def _unchanged(
    run_dir: Path, manifest: dict[str, Any], started: float, notes: list[str]
) -> BatchReport:
    """The report of a run whose inputs did not change: every brief reused as it is.

    Only the manifest is rewritten (reused, with the time of this run); the briefs,
    their keys and ``index.html`` stay untouched.
    """

    def reused(entry: dict[str, Any]) -> BriefResult:
        result = BriefResult.from_manifest(entry)
        return replace(result, cache="dipakai_ulang", duration_s=0.0, alasan_build=[])

    results = [reused(e) for e in manifest.get("briefs") or []]
    summary = manifest.get("ringkasan")
    report = BatchReport(
        run_dir=run_dir,
        period=str(manifest.get("period")),
        results=results,
        duration_s=time.perf_counter() - started,
        summary=reused(summary) if summary else None,
        notes=notes,
    )
    manifest.update(_run_fields(report))
    _save_manifest(run_dir, manifest)
    return report


def _job(
    code: str,
    geo: reference.Geography,
    run_dir: Path,
    notebook: Path,
    common: dict[str, str],
    formats: tuple[str, ...],
    lang: str,
) -> BriefJob:
    folder = run_dir / "kecamatan" / geo.dir_name(code)
    name = geo.name_of(code)
    title = label("brief_title", lang, nama=name)
    params = {"kecamatan": code, **common}
    return BriefJob(code, name, folder, notebook, params, formats, "brief", title)


def _summary_job(
    run_dir: Path, params: dict[str, str], formats: tuple[str, ...], lang: str
) -> BriefJob:
    return BriefJob(
        KABUPATEN,
        "Kutai Kartanegara",
        run_dir / KABUPATEN,
        SUMMARY_NOTEBOOK,
        params,
        formats,
        "ringkasan",
        label("summary_title_short", lang),
    )


def _remove_stale_temp(run_dir: Path) -> None:
    """Temporary brief folders left by a killed run or worker (the summary's in the
    run folder, the kecamatan briefs' in ``kecamatan/``)."""
    for folder in (run_dir, run_dir / "kecamatan"):
        if folder.is_dir():
            for child in folder.iterdir():
                if child.name.startswith(".") and child.name.endswith(".tmp"):
                    shutil.rmtree(child, ignore_errors=True)


class LocalWorkers:
    """Worker processes on this machine, each keeping its warm kernels.

    Started on the first :meth:`run`, or ahead of it with :meth:`start`, which also
    starts a kernel in each worker (with its imports) while the caller goes on. The
    workers' stderr (and their kernels') goes to a temporary log until
    :meth:`close` shuts the workers and their kernels down and appends it to the
    run folder's ``batch.log``.
    """

    def __init__(self, workers: int | None) -> None:
        self.workers = workers or os.cpu_count() or 1
        # outside the output folder: nothing is written there before the data is
        # known to be valid
        fd, name = tempfile.mkstemp(prefix="kmp-batch-", suffix=".log")
        os.close(fd)
        self.log_file = Path(name)
        self.pool: ProcessPoolExecutor | None = None

    def start(self, jobs: int) -> None:
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
            self.pool.submit(_prewarm)

    def run(
        self, jobs: list[BriefJob], progress: bool, reused: int = 0
    ) -> list[BriefResult]:
        """Run ``jobs`` with one progress display over all of them.

        On a terminal: one bar with the ETA, the kecamatan being built and the
        counts reused / written / failed. Elsewhere (CI, a log file): one line per
        brief. A brief whose worker died is run once more on a new worker.
        """
        if not jobs:
            return []
        self.start(len(jobs))
        pool = self.pool
        assert pool is not None
        show = Progress(len(jobs), reused, enabled=progress)
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
        try:
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
                        result = _failure(job, 0.0, _error_text(exc, job.lang))
                    results.append(result)
                    show.update(result, [j.nama_kec for j in running.values()])
                if lost:  # the pool is broken: every brief in it is lost
                    lost += running.values()
                    running.clear()
                    for job in reversed(lost):  # each once more, on new workers
                        if job.kode_kec in retried:
                            failed = _failure(job, 0.0, label("worker_died", job.lang))
                            results.append(failed)
                            show.update(failed, [])
                        else:
                            retried.add(job.kode_kec)
                            waiting.appendleft(job)
                    pool.shutdown(wait=False, cancel_futures=True)
                    self.pool = None
                    self.start(len(waiting))
                    pool = self.pool  # type: ignore[assignment]
                fill()
        finally:
            show.close()
        return results

    def close(self, keep_log: Path | None = None) -> None:
        """Shut the workers and their kernels down; append their log to
        ``keep_log`` (the run's ``batch.log``), or drop it when there is no run."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        if keep_log is not None and self.log_file.is_file():
            keep_log.parent.mkdir(parents=True, exist_ok=True)
            with self.log_file.open("rb") as src, keep_log.open("ab") as dst:
                shutil.copyfileobj(src, dst)
        self.log_file.unlink(missing_ok=True)


def _prewarm() -> None:
    from kmp_analysis.engine import prewarm

    if engine_name() == "kmp_warm":
        prewarm()


class Progress:
    """One progress display over all briefs (a bar on a terminal, lines elsewhere)."""

    def __init__(self, total: int, reused: int = 0, enabled: bool = True) -> None:
        from tqdm import tqdm

        self.counts = {"dipakai_ulang": reused, "ditulis": 0, "gagal": 0}
        self.enabled = enabled
        self.tty = enabled and sys.stderr.isatty()
        self.bar = tqdm(total=total, unit="brief", desc="Brief", disable=not self.tty)

    def update(self, result: BriefResult, running: list[str] | None = None) -> None:
        """Count ``result``; on a terminal, show the kecamatan now ``running`` (or,
        when the caller does not know them, the one just finished)."""
        key = "gagal" if result.status != "ok" else result.cache
        self.counts[key] += 1
        counts = (
            f"ulang {self.counts['dipakai_ulang']} · ditulis {self.counts['ditulis']}"
            f" · gagal {self.counts['gagal']}"
        )
        if self.tty:
            names = ", ".join(running) if running is not None else result.nama_kec
            self.bar.set_postfix_str(f"{names} · {counts}", refresh=False)
            self.bar.update(1)
        elif self.enabled:
            done = self.counts["ditulis"] + self.counts["gagal"]
            print(
                f"[{done}/{self.bar.total}] {result.nama_kec}: {result.status} "
                f"({result.duration_s:.1f} s) — {counts}",
                file=sys.stderr,
                flush=True,
            )

    def close(self) -> None:
        self.bar.close()


def _failure(job: BriefJob, duration: float, error: str) -> BriefResult:
    return BriefResult(
        kode_kec=job.kode_kec,
        nama_kec=job.nama_kec,
        folder=_rel_folder(job),
        status="gagal",
        duration_s=round(duration, 2),
        parameters=job.parameters,
        error=error,
    )


def _with_key(job: BriefJob, evaluation: Evaluation, lang: str) -> BriefJob:
    """``job`` with its cache key: the notebook, parameters and config, and the
    data the brief is made of (see :func:`_brief_data`)."""
    parts = cache.key_parts(
        job.notebook,
        job.parameters,
        job.formats,
        evaluation.config.to_dict(),
        _brief_data(job, evaluation, lang),
    )
    return replace(job, key_parts=parts)


def _brief_data(job: BriefJob, evaluation: Evaluation, lang: str) -> dict[str, str]:
    """What a brief is made of, as text, by cache key part.

    A kecamatan brief: its own evaluated and input rows, and the regency figures it
    quotes as it shows them (another kecamatan's change rebuilds it only where one
    of those changes). The regency summary: the whole evaluation.
    """
    if job.kode_kec == KABUPATEN:
        texts = [evaluation.cooperatives.to_csv(index=False)]
        if evaluation.kecamatan is not None:
            texts.append(evaluation.kecamatan.to_csv(index=False))
        for name, table in sorted((evaluation.tables or {}).items()):
            texts.append(name + table.to_csv(index=False))
        return {"data_kabupaten": "\n".join(texts)}
    from kmp_analysis.briefs import Brief

    own = Brief(evaluation, job.kode_kec, lang=lang).data_parts()
    quotes = own.pop("kabupaten")
    return {
        "data_kecamatan": json.dumps(own, sort_keys=True),
        "angka_kabupaten": quotes,
    }


def _reused(job: BriefJob, before: BriefResult | None) -> BriefResult:
    """A brief left as it is: the previous result where there is one."""
    pages = before.pdf_pages if before is not None else None
    if "pdf" in job.formats and pages is None:
        pages = pdf_page_count(job.out_dir / f"{job.stem}.pdf")
    return BriefResult(
        kode_kec=job.kode_kec,
        nama_kec=job.nama_kec,
        folder=_rel_folder(job),
        status="ok",
        duration_s=0.0,
        parameters=job.parameters,
        files=[f"{_rel_folder(job)}/{name}" for name in job.expected_files],
        pdf_pages=pages,
        cache="dipakai_ulang",
    )


def _previous_results(run_dir: Path) -> dict[str, BriefResult]:
    """The results of the last run in ``run_dir`` (empty when there is none)."""
    try:
        manifest = json.loads((run_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    entries = list(manifest.get("briefs") or [])
    if manifest.get("ringkasan"):
        entries.append(manifest["ringkasan"])
    results = {}
    for entry in entries:
        try:
            result = BriefResult.from_manifest(entry)
        except TypeError:
            continue
        results[result.kode_kec] = result
    return results


def _rel_folder(job: BriefJob) -> str:
    """The job folder, relative to the run folder: ``kecamatan/…`` or ``kabupaten``."""
    if job.kode_kec == KABUPATEN:
        return job.out_dir.name
    return f"{job.out_dir.parent.name}/{job.out_dir.name}"


def run_brief(job: BriefJob) -> BriefResult:
    """Execute one brief in a fresh kernel and move its files into place.

    Runs in a worker process. The kernel's stderr is kept out of the terminal, and a
    kernel that fails to start (papermill#511: port collisions) is retried once.
    """
    import nbformat
    import papermill
    from papermill.engines import papermill_engines
    from papermill.exceptions import PapermillExecutionError

    from kmp_analysis.engine import WarmEngine

    # registered here too, so the engine is found whatever metadata the install left
    papermill_engines.register("kmp_warm", WarmEngine)

    from kmp_analysis.export import notebook_to_html

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
                return _failure(job, time.perf_counter() - start, error)
            except WarmKernelError as exc:  # the engine already replaced and retried
                return _failure(job, time.perf_counter() - start, exc.text(job.lang))
            except Exception as exc:  # hung (timeout) or kernel did not start: retry
                if attempt == 2:
                    return _failure(
                        job, time.perf_counter() - start, _error_text(exc, job.lang)
                    )
        nb = nbformat.read(executed, as_version=4)
        page = tmp / f"{job.stem}.html"
        page.write_text(notebook_to_html(nb, job.title, job.lang), encoding="utf-8")
        pages, pdf_error = None, None
        if "pdf" in job.formats:
            try:
                pages = pdf_page_count(html_to_pdf(page, tmp / f"{job.stem}.pdf"))
            except Exception as exc:  # the HTML brief stands; the PDF failed
                pdf_error = f"PDF: {_error_text(exc, job.lang)}"
        if "ipynb" not in job.formats:
            executed.unlink()
        job.out_dir.mkdir(parents=True, exist_ok=True)
        files = []
        for suffix in ("ipynb", "html", "json", "pdf"):
            name = f"{job.stem}.{suffix}"
            if (tmp / name).exists():
                os.replace(tmp / name, job.out_dir / name)
                files.append(f"{_rel_folder(job)}/{name}")
        if not pdf_error and job.key_parts:
            cache.write_key(job.out_dir, job.stem, job.key_parts)
        return BriefResult(
            kode_kec=job.kode_kec,
            nama_kec=job.nama_kec,
            folder=_rel_folder(job),
            alasan_build=list(job.reasons),
            status="gagal" if pdf_error else "ok",
            duration_s=round(time.perf_counter() - start, 2),
            parameters=job.parameters,
            error=pdf_error,
            files=files,
            pdf_pages=pages,
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _error_text(exc: BaseException, lang: str) -> str:
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
    Path(log_file).parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 2)
    os.close(fd)
    warnings.simplefilter("ignore")
    logging.getLogger("papermill").setLevel(logging.ERROR)
    logging.getLogger("traitlets").setLevel(logging.ERROR)
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")


def _write_manifest(
    report: BatchReport,
    evaluation: Evaluation,
    data_path: Path,
    lang: str,
    run_key: str,
) -> None:
    manifest = {
        "run_key": run_key,
        "period": report.period,
        "window": evaluation.window,
        "data": str(data_path.resolve()),
        "synthetic": evaluation.synthetic,
        "input_hashes": evaluation.file_hashes,
        "config": evaluation.config.to_dict(),
        "lang": lang,
        "package_version": __version__,
        "python": sys.version.split()[0],
        **_run_fields(report),
    }
    _save_manifest(report.run_dir, manifest)


def _run_fields(report: BatchReport) -> dict[str, Any]:
    """What a manifest says of this run: when, how long, and every brief's result."""
    return {
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "duration_s": round(report.duration_s, 2),
        "summary": {
            "total": len(report.results),
            "ok": sum(r.status == "ok" for r in report.results),
            "gagal": sum(r.status != "ok" for r in report.results),
        },
        "notes": report.notes,
        "ringkasan": asdict(report.summary) if report.summary else None,
        "briefs": [asdict(r) for r in report.results],
    }


def _save_manifest(run_dir: Path, manifest: dict[str, Any]) -> None:
    atomic_write_text(
        run_dir / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False)
    )


_INDEX_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em;
 color:#222}
table{border-collapse:collapse;font-size:.92em}
th,td{border:1px solid #ddd;padding:.3em .6em;text-align:right}
th{background:#f3f3f3}
td.name,th.name{text-align:left}
.gagal{color:#b30000;font-weight:600}
.notice{border:2px solid #b30000;background:#fff0f0;color:#7a0000;padding:.5em .8em;
 font-weight:600;max-width:60em}
"""


def index_html(report: BatchReport, synthetic: bool, lang: str = "id") -> str:
    """The run's front page: the regency summary, then every brief with its headline
    figures, status and links to its HTML and PDF."""
    from kmp_analysis.classify import CLASSES

    title = label("index_title", lang, period=report.period)
    head = [
        label("kecamatan", lang),
        label("headline_koperasi", lang),
        *(label(c, lang) for c in CLASSES),
        label("headline_berisiko", lang),
        label("index_pdf", lang),
        label("status", lang),
        label("duration", lang),
    ]
    rows = []
    for r in report.results:
        h = r.headline
        name = html.escape(f"{r.nama_kec} ({r.kode_kec})")
        name_cell, pdf_cell = name, ""
        if r.status == "ok":
            link = html.escape(f"{r.folder}/brief.html", quote=True)
            name_cell = f'<a href="{link}">{name}</a>'
            status = html.escape(label("status_ok", lang))
            if r.pdf_pages:
                pdf = html.escape(f"{r.folder}/brief.pdf", quote=True)
                pdf_cell = f'<a href="{pdf}">PDF</a> ({r.pdf_pages} hlm)'
        else:
            status = (
                f'<span class="gagal" title="{html.escape(r.error or "", quote=True)}">'
                f"{html.escape(label('status_failed', lang))}</span>"
            )
        counts = "".join(f"<td>{h['kelas'][c]}</td>" for c in CLASSES)
        rows.append(
            f'<tr><td class="name">{name_cell}</td><td>{h["n"]}</td>{counts}'
            f"<td>{h['berisiko']}</td><td>{pdf_cell}</td><td>{status}</td>"
            f"<td>{r.duration_s:.1f}</td></tr>"
        )
    name_attr = ' class="name"'
    header = "".join(
        f"<th{name_attr if i == 0 else ''}>{html.escape(h)}</th>"
        for i, h in enumerate(head)
    )
    notice = (
        f'<p class="notice">{html.escape(label("synthetic_notice", lang))}</p>'
        if synthetic
        else ""
    )
    summary = ""
    s = report.summary
    if s is not None:
        text = html.escape(label("index_summary", lang))
        if s.status == "ok":
            link = html.escape(f"{s.folder}/ringkasan.html", quote=True)
            summary = f'<p><a href="{link}"><b>{text}</b></a>'
            if s.pdf_pages:
                pdf = html.escape(f"{s.folder}/ringkasan.pdf", quote=True)
                summary += f' · <a href="{pdf}">PDF</a>'
            summary += "</p>"
        else:
            failed = html.escape(label("status_failed", lang))
            summary = f'<p>{text}: <span class="gagal">{failed}</span></p>'
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_INDEX_STYLE}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{notice}{summary}"
        f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "</body></html>\n"
    )
