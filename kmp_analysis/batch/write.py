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
from typing import TYPE_CHECKING, Any

from kmp_analysis.batch import cache
from kmp_analysis.batch.executors import get_executor
from kmp_analysis.batch.jobs import (
    BUNDLE,
    KABUPATEN,
    RAPOR,
    BatchReport,
    BriefRequest,
    BriefResult,
    CacheState,
)
from kmp_analysis.batch.manifest import (
    LOG_FILE,
    MANIFEST,
    index_html,
    unchanged_report,
    unchanged_run,
    write_manifest,
)
from kmp_analysis.batch.plan import Plan, make_plan, remove_stale_temp
from kmp_analysis.batch.progress import Progress
from kmp_analysis.errors import PdfUnavailable, UnknownKecamatan
from kmp_analysis.i18n import label
from kmp_analysis.report.pdf import find_chromium
from kmp_analysis.safeio import atomic_write_text

if TYPE_CHECKING:
    from pathlib import Path

    from kmp_analysis import reference
    from kmp_analysis.evaluation import Evaluation


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
    request: BriefRequest | None = None, /, *, progress: bool = True, **fields: Any
) -> BatchReport:
    """Write the briefs of every kecamatan asked for, and the regency summary.

    Parameters
    ----------
    request
        What to write (:class:`~kmp_analysis.batch.BriefRequest`: data, period,
        kecamatan, out, lang, formats, summary, config, force, executor...).
    progress
        Show a progress bar (on a terminal) or a line per brief.
    **fields
        Without ``request``: its fields, as keywords (``kecamatan=["Tabang"]``);
        with it, fields to change.

    Returns
    -------
    BatchReport
        Every brief's result (written, reused or failed, with why), the run folder
        with ``manifest.json`` and ``index.html``.

    Raises
    ------
    UnknownKecamatan
        Before any brief starts, for a kecamatan that is not there.
    ValidationFailed
        Before any brief starts, for invalid data or config.
    DaskUnavailable
        For a cluster that does not answer. A brief that fails is reported in the
        returned report, and the others are written.

    Examples
    --------
    >>> report = write_briefs(kecamatan=["Sanga Sanga"], summary=False,
    ...                       formats="html", executor="inprocess",
    ...                       out=getfixture("tmp_path"), progress=False)
    >>> [(r.nama_kec, str(r.status), sorted(r.files)) for r in report.results]
    [('Sanga Sanga', 'ok', ['kecamatan/64.02.15-sanga-sanga/brief.html', \
'kecamatan/64.02.15-sanga-sanga/brief.json'])]
    """
    if request is None:
        request = BriefRequest(**fields)
    elif fields:
        request = replace(request, **fields)
    started = time.perf_counter()
    notes: list[str] = []
    if "pdf" in request.formats and find_chromium() is None:
        notes.append(PdfUnavailable().text(request.lang))
        formats = tuple(f for f in request.formats if f != "pdf")
        request = replace(request, formats=formats)
    files = [*request.notebooks(), *([request.config] if request.config else [])]
    run_key = cache.run_key(request.data, files, request.identity())
    if not request.force and (found := unchanged_run(request.briefs_dir, run_key)):
        return unchanged_report(*found, started, notes)

    from kmp_analysis import reference
    from kmp_analysis.evaluation import headline
    from kmp_analysis.io import geography

    geo = geography(request.data)
    codes = resolve_kecamatan_list(list(request.kecamatan), geo)
    if request.summary and geo is not reference.kukar():
        notes.append(label("summary_kukar_only", request.lang))
        request = replace(request, summary=False)
    executor = get_executor(request)
    executor.check()  # e.g. the cluster answers: fail before any work
    if request.force or not any(request.briefs_dir.glob(f"*/{MANIFEST}")):
        # every brief will be built: the workers start their kernels while the
        # data is read and evaluated here
        expected = len(codes) * request.briefs + request.summary
        executor.start(expected + (len(codes) if request.rapor else 0))
    plan: Plan | None = None
    try:
        plan = make_plan(request, codes, geo)
        show = Progress(
            len(plan.to_run), len(plan.kept), enabled=progress, lang=request.lang
        )
        try:
            built = executor.run(plan.to_run, show)
        finally:
            show.close()
    finally:
        executor.close(plan.run_dir / LOG_FILE if plan else None)
        if plan is not None and executor.stops_workers:
            remove_stale_temp(plan.run_dir)
    if not executor.stops_workers:  # a worker killed mid-brief leaves its temp folder
        remove_stale_temp(plan.run_dir)
    evaluation, previous = plan.evaluation, plan.previous
    results = plan.kept + built
    asked = {job.ident for job in plan.jobs}
    results += [
        replace(r, cache=CacheState.REUSED)
        for ident, r in previous.items()
        if ident not in asked
    ]
    summary_result = next((r for r in results if r.kode_kec == KABUPATEN), None)
    cards = [r for r in results if r.koperasi_id]
    results = [r for r in results if r.kode_kec != KABUPATEN and not r.koperasi_id]
    for result in results:
        result.headline = headline(
            evaluation.of_kecamatan(result.kode_kec), evaluation.period
        )
    if summary_result is not None:
        summary_result.headline = headline(evaluation.cooperatives, evaluation.period)
    results.sort(key=lambda r: r.kode_kec)
    cards = card_order(cards, evaluation)
    built_cards = {r.koperasi_id for r in built if r.koperasi_id}
    bundles = write_bundles(plan.run_dir, cards, built_cards, geo, notes, request)
    report = BatchReport(
        run_dir=plan.run_dir,
        period=evaluation.period,
        results=results,
        duration_s=time.perf_counter() - started,
        summary=summary_result,
        notes=notes,
        cards=cards,
        bundles=bundles,
    )
    write_manifest(report, evaluation, request.data, request.lang, run_key)
    text = index_html(report, evaluation.synthetic, request.lang)
    atomic_write_text(report.index_html, text)
    return report


def card_order(cards: list[BriefResult], evaluation: Evaluation) -> list[BriefResult]:
    """The cards by kecamatan, each kecamatan's in the order of its brief's table,
    with their class and desa as headline (cards of cooperatives no longer in the
    data last)."""
    from kmp_analysis.report.tables import in_table_order

    coops = evaluation.cooperatives.sort_values("kode_kec", kind="stable")
    ordered = coops.groupby("kode_kec", observed=True, sort=True, group_keys=False)
    table = ordered.apply(in_table_order)
    rank = {kid: i for i, kid in enumerate(table["koperasi_id"])}
    rows = table.set_index("koperasi_id")
    for card in cards:
        if card.koperasi_id in rows.index:
            row = rows.loc[card.koperasi_id]
            card.headline = {"kelas": str(row["kelas"]), "desa": str(row["nama_desa"])}
    return sorted(cards, key=lambda r: (rank.get(r.koperasi_id, len(rank)), r.ident))


def write_bundles(
    run_dir: Path,
    cards: list[BriefResult],
    built: set[str],
    geo: reference.Geography,
    notes: list[str],
    request: BriefRequest,
) -> dict[str, str]:
    """Each kecamatan's cards in one printable PDF, in table order:
    ``kecamatan/<kode>-<slug>/rapor-koperasi.pdf`` (relative to ``run_dir``).

    Rewritten where one of its cards was built in this run or the file is
    missing; cards without a PDF (failed, or HTML only) are left out.
    """
    from kmp_analysis.report.pdf import merge_pdfs

    if "pdf" not in request.formats:
        return {}
    by_kecamatan: dict[str, list[BriefResult]] = {}
    for card in cards:
        by_kecamatan.setdefault(card.kode_kec, []).append(card)
    bundles = {}
    for code, members in by_kecamatan.items():
        pdfs = [
            run_dir / card.folder / f"{RAPOR}.pdf"
            for card in members
            if card.ok and (run_dir / card.folder / f"{RAPOR}.pdf").is_file()
        ]
        if not pdfs:
            continue
        name = f"kecamatan/{geo.dir_name(code)}/{BUNDLE}"
        target = run_dir / name
        if target.is_file() and not any(c.koperasi_id in built for c in members):
            bundles[code] = name
            continue
        try:
            merge_pdfs(pdfs, target)
        except Exception as exc:  # the cards stand; say why there is no bundle
            notes.append(
                label("bundle_failed", request.lang, file=name, error=str(exc))
            )
            continue
        bundles[code] = name
    return bundles
