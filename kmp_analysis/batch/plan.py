"""Planning a run: read and evaluate the data once, save the evaluation for the
notebooks, and decide brief by brief whether to build it (its cache key changed, it
failed last time, it is missing) or to keep it.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kmp_analysis.batch import cache
from kmp_analysis.batch.jobs import (
    EVALUATION_DIR,
    KABUPATEN,
    KOPERASI_DIR,
    RAPOR,
    BriefJob,
    BriefRequest,
    BriefResult,
    CacheState,
    Status,
)
from kmp_analysis.batch.manifest import previous_results
from kmp_analysis.errors import UnknownKoperasi
from kmp_analysis.i18n import label
from kmp_analysis.paths import RAPOR_NOTEBOOK, SUMMARY_NOTEBOOK
from kmp_analysis.report.pdf import pdf_page_count

if TYPE_CHECKING:
    import pandas as pd

    from kmp_analysis import reference
    from kmp_analysis.evaluation import Evaluation
    from kmp_analysis.report.params import SummaryParameters


@dataclass
class Plan:
    """The evaluated data and, for every brief asked for, whether to build it."""

    evaluation: Evaluation
    run_dir: Path
    jobs: list[BriefJob]
    previous: dict[str, BriefResult]
    to_run: list[BriefJob]
    kept: list[BriefResult]


def make_plan(
    request: BriefRequest, codes: list[str], geo: reference.Geography
) -> Plan:
    """Read and evaluate the data, save the evaluation, and decide brief by brief
    for the kecamatan ``codes`` (and the summary and the report cards, where the
    request asks for them)."""
    from kmp_analysis.config import load_config
    from kmp_analysis.evaluation import evaluate
    from kmp_analysis.io import read_dataset
    from kmp_analysis.report.params import SummaryParameters

    lang, formats = request.lang, request.formats
    cfg = load_config(request.config)
    dataset = read_dataset(request.data, strict=request.strict, config=cfg)
    evaluation = evaluate(dataset, request.period, cfg)
    run_dir = request.briefs_dir / evaluation.period
    evaluation_dir = evaluation.save(run_dir / EVALUATION_DIR)
    common = SummaryParameters(
        data=str(request.data.resolve()),
        period=evaluation.period,
        lang=lang,
        config=str(request.config) if request.config else "",
        evaluasi=str(evaluation_dir),
    )
    jobs = []
    if request.summary:
        jobs.append(summary_job(run_dir, common, formats, geo))
    if request.briefs:
        jobs += [
            brief_job(code, geo, run_dir, request.notebook, common, formats)
            for code in codes
        ]
    if request.rapor:
        chosen = chosen_cooperatives(evaluation, request, codes)
        jobs += [card_job(row, geo, run_dir, common, formats) for row in chosen]
    remove_stale_temp(run_dir)
    previous = previous_results(run_dir)
    selected = (
        {ident for ident, r in previous.items() if not r.ok}
        if request.retry_failed
        else None
    )
    card_data = _card_data(jobs, evaluation)
    to_run, kept = [], []
    for job in jobs:
        if selected is not None and job.ident not in selected:
            if job.ident in previous:
                kept.append(replace(previous[job.ident], cache=CacheState.REUSED))
            continue
        job = _with_key(job, evaluation, lang, card_data)
        decision = cache.decide(
            job.out_dir, job.stem, job.key_parts, job.expected_files, request.force
        )
        if decision.reuse:
            kept.append(_reused(job, previous.get(job.ident)))
        else:
            cache.remove_key(job.out_dir, job.stem)
            reasons = tuple(label(k, lang, **p) for k, p in decision.reasons)
            to_run.append(replace(job, reasons=reasons))
    return Plan(evaluation, run_dir, jobs, previous, to_run, kept)


def brief_job(
    code: str,
    geo: reference.Geography,
    run_dir: Path,
    notebook: Path,
    common: SummaryParameters,
    formats: tuple[str, ...],
) -> BriefJob:
    """The brief of kecamatan ``code``: the brief notebook's parameters are the
    run's ``common`` ones and the kecamatan."""
    from kmp_analysis.report.params import BriefParameters

    folder = run_dir / "kecamatan" / geo.dir_name(code)
    name = geo.name_of(code)
    title = label("brief_title", common.lang, nama=name)
    params = BriefParameters(kecamatan=code, **common.for_papermill())
    return BriefJob(
        code, name, folder, notebook, params.for_papermill(), formats, "brief", title
    )


def summary_job(
    run_dir: Path,
    params: SummaryParameters,
    formats: tuple[str, ...],
    geo: reference.Geography,
) -> BriefJob:
    """The regency summary, named after the geography's regency."""
    return BriefJob(
        KABUPATEN,
        geo.regency or "",
        run_dir / KABUPATEN,
        SUMMARY_NOTEBOOK,
        params.for_papermill(),
        formats,
        "ringkasan",
        label("summary_title_short", params.lang),
    )


def chosen_cooperatives(
    evaluation: Evaluation, request: BriefRequest, codes: list[str]
) -> list[dict]:
    """The cooperatives whose cards are asked for, by kecamatan and in the order of
    the brief's table: those named with ``--koperasi`` and every cooperative of the
    kecamatan named with ``--kecamatan``; every cooperative of ``codes`` when no
    cooperative is named. Raises :class:`~kmp_analysis.errors.UnknownKoperasi`
    (with the closest IDs) for an ID that is not in the data."""
    from difflib import get_close_matches

    from kmp_analysis.report.tables import in_table_order

    coops = evaluation.cooperatives
    known = set(coops["koperasi_id"])
    named = [str(k).strip() for k in request.koperasi]
    unknown = [k for k in named if k not in known]
    if unknown:
        raise UnknownKoperasi.several(
            [
                UnknownKoperasi(k, get_close_matches(k, sorted(known), n=3))
                for k in unknown
            ]
        )
    wanted = coops["koperasi_id"].isin(named)
    if request.kecamatan or not named:
        wanted |= coops["kode_kec"].isin(codes)
    frames = [
        in_table_order(group)
        for _, group in coops[wanted].groupby("kode_kec", observed=True, sort=True)
    ]
    return [row for frame in frames for row in _records(frame)]


def _records(frame: pd.DataFrame) -> list[dict]:
    columns = ["koperasi_id", "nama_koperasi", "kode_kec", "nama_kec", "kelas"]
    return frame[columns].astype(str).to_dict("records")


def card_job(
    row: dict,
    geo: reference.Geography,
    run_dir: Path,
    common: SummaryParameters,
    formats: tuple[str, ...],
) -> BriefJob:
    """The report card of the cooperative ``row``:
    ``koperasi/<kode_kec>-<slug>/<koperasi_id>/rapor.*``."""
    from kmp_analysis.report.params import RaporParameters

    kid = row["koperasi_id"]
    folder = run_dir / KOPERASI_DIR / geo.dir_name(row["kode_kec"]) / kid
    params = RaporParameters(koperasi_id=kid, **common.for_papermill())
    title = label("rapor_title", common.lang, nama=row["nama_koperasi"])
    return BriefJob(
        row["kode_kec"],
        row["nama_kec"],
        folder,
        RAPOR_NOTEBOOK,
        params.for_papermill(),
        formats,
        RAPOR,
        title,
        koperasi_id=kid,
        nama_koperasi=row["nama_koperasi"],
    )


def remove_stale_temp(run_dir: Path) -> None:
    """Temporary folders left by a killed run or worker (the summary's in the run
    folder, the kecamatan briefs' in ``kecamatan/``, the cards' in
    ``koperasi/<kecamatan>/``)."""
    folders = [run_dir, run_dir / "kecamatan"]
    if (run_dir / KOPERASI_DIR).is_dir():
        folders += [p for p in (run_dir / KOPERASI_DIR).iterdir() if p.is_dir()]
    for folder in folders:
        if folder.is_dir():
            for child in folder.iterdir():
                if child.name.startswith(".") and child.name.endswith(".tmp"):
                    shutil.rmtree(child, ignore_errors=True)


def _card_data(jobs: list[BriefJob], evaluation: Evaluation) -> dict[str, str]:
    """Every card's data digest, in one pass (none when no card is asked for)."""
    if not any(job.koperasi_id for job in jobs):
        return {}
    from kmp_analysis.report.rapor_content import card_inputs

    return card_inputs(evaluation)


def _with_key(
    job: BriefJob, evaluation: Evaluation, lang: str, card_data: dict[str, str]
) -> BriefJob:
    """``job`` with its cache key: the notebook, parameters and config, and the
    data the brief or card is made of (see :func:`_brief_data`)."""
    data = (
        {"data_koperasi": card_data[job.koperasi_id]}
        if job.koperasi_id
        else _brief_data(job, evaluation, lang)
    )
    parts = cache.key_parts(
        job.notebook,
        job.parameters,
        job.formats,
        evaluation.config.to_dict(),
        data,
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
    from kmp_analysis.report.brief_content import BriefContent

    own = BriefContent(evaluation, job.kode_kec, lang=lang).data_parts()
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
    return job.result(
        Status.OK,
        files=[f"{job.folder}/{name}" for name in job.expected_files],
        pdf_pages=pages,
        cache=CacheState.REUSED,
    )
