"""The batch: one brief per kecamatan, executed with papermill, in parallel.

:func:`write_briefs` checks everything first (kecamatan names, the data, the config),
evaluates the regency once and saves it, then runs the brief notebook for every
kecamatan in worker processes. One failing brief never stops the others; each brief's
files are written to a temporary folder and renamed into place, so a brief folder holds
either the previous complete brief or the new one. The run ends with
``manifest.json`` (per brief: parameters, status, duration, error) and ``index.html``.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from kmp_analysis.batch import cache
from kmp_analysis.batch.jobs import KABUPATEN, BatchReport, parse_formats
from kmp_analysis.batch.local import LocalWorkers
from kmp_analysis.batch.manifest import index_html, unchanged_report, write_manifest
from kmp_analysis.batch.plan import Plan, make_plan, remove_stale_temp
from kmp_analysis.batch.progress import Progress
from kmp_analysis.batch.run import run_brief
from kmp_analysis.errors import PdfUnavailable, UnknownKecamatan
from kmp_analysis.i18n import label
from kmp_analysis.paths import BRIEF_NOTEBOOK, OUTPUTS_DIR, SAMPLE_DIR, SUMMARY_NOTEBOOK
from kmp_analysis.pdf import find_chromium
from kmp_analysis.safeio import atomic_write_text

if TYPE_CHECKING:
    from kmp_analysis import reference


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
        return unchanged_report(*found, started, notes)

    from kmp_analysis import reference
    from kmp_analysis.evaluate import headline
    from kmp_analysis.io import geography

    geo = geography(data_path)
    codes = resolve_kecamatan_list(kecamatan, geo)
    if summary and geo is not reference.kukar():
        notes.append(label("summary_kukar_only", lang))
        summary = False
    if scheduler:  # fail before any work when the cluster cannot be reached
        from kmp_analysis.batch.cluster import check_scheduler

        check_scheduler(scheduler)
    local = None if in_process or scheduler else LocalWorkers(workers)
    if local is not None and (force or not any(briefs_dir.glob("*/manifest.json"))):
        # every brief will be built: the workers start their kernels while the
        # data is read and evaluated here
        local.start(len(codes) + summary)
    plan: Plan | None = None
    try:
        plan = make_plan(
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
            from kmp_analysis.batch.cluster import run_on_dask

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
            remove_stale_temp(plan.run_dir)
    if scheduler:  # a worker killed mid-brief leaves its temporary folder
        remove_stale_temp(run_dir)
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
    write_manifest(report, evaluation, data_path, lang, run_key)
    atomic_write_text(report.index_html, index_html(report, evaluation.synthetic, lang))
    return report
