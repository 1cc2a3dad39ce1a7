"""Many briefs: the batch behind ``kmp briefs``.

:func:`write_briefs` checks everything first (kecamatan names, the data, the
config), evaluates the regency once and saves it (:mod:`.plan`), then runs the brief
notebook for every kecamatan, and the regency summary, in worker processes
(:mod:`.local`), on a Dask cluster (:mod:`.cluster`) or in this process, with
papermill on warm kernels (:mod:`.engine`). One failing brief never stops the others;
each brief's files are written to a temporary folder and renamed into place
(:mod:`.run`), and briefs whose inputs did not change are kept (:mod:`.cache`). The
run ends with ``manifest.json`` and ``index.html`` (:mod:`.manifest`).

This package stays light (no pandas, geopandas or matplotlib at import): worker
processes import it to run briefs whose heavy lifting happens in their kernels, and
an unchanged rerun is answered before any data is read.
"""

from kmp_analysis.batch.executors import EXECUTORS
from kmp_analysis.batch.jobs import (
    EVALUATION_DIR,
    FORMATS,
    KABUPATEN,
    BatchReport,
    BriefJob,
    BriefRequest,
    BriefResult,
    CacheState,
    Status,
    parse_formats,
)
from kmp_analysis.batch.run import run_brief
from kmp_analysis.batch.write import resolve_kecamatan_list, write_briefs

__all__ = [
    "EVALUATION_DIR",
    "EXECUTORS",
    "FORMATS",
    "KABUPATEN",
    "BatchReport",
    "BriefJob",
    "BriefRequest",
    "BriefResult",
    "CacheState",
    "Status",
    "parse_formats",
    "resolve_kecamatan_list",
    "run_brief",
    "write_briefs",
]
