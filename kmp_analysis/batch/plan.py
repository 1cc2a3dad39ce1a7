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
    BriefJob,
    BriefRequest,
    BriefResult,
    CacheState,
    Status,
)
from kmp_analysis.batch.manifest import previous_results
from kmp_analysis.i18n import label
from kmp_analysis.paths import SUMMARY_NOTEBOOK
from kmp_analysis.report.pdf import pdf_page_count

if TYPE_CHECKING:
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
    for the kecamatan ``codes`` (and the summary, where the request asks for it)."""
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
    jobs = [
        brief_job(code, geo, run_dir, request.notebook, common, formats)
        for code in codes
    ]
    if request.summary:
        jobs.insert(0, summary_job(run_dir, common, formats, geo))
    remove_stale_temp(run_dir)
    previous = previous_results(run_dir)
    selected = (
        {code for code, r in previous.items() if not r.ok}
        if request.retry_failed
        else None
    )
    to_run, kept = [], []
    for job in jobs:
        if selected is not None and job.kode_kec not in selected:
            if job.kode_kec in previous:
                kept.append(replace(previous[job.kode_kec], cache=CacheState.REUSED))
            continue
        job = _with_key(job, evaluation, lang)
        decision = cache.decide(
            job.out_dir, job.stem, job.key_parts, job.expected_files, request.force
        )
        if decision.reuse:
            kept.append(_reused(job, previous.get(job.kode_kec)))
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


def remove_stale_temp(run_dir: Path) -> None:
    """Temporary brief folders left by a killed run or worker (the summary's in the
    run folder, the kecamatan briefs' in ``kecamatan/``)."""
    for folder in (run_dir, run_dir / "kecamatan"):
        if folder.is_dir():
            for child in folder.iterdir():
                if child.name.startswith(".") and child.name.endswith(".tmp"):
                    shutil.rmtree(child, ignore_errors=True)


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
