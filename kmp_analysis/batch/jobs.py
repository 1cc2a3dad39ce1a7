"""What the batch works with: a brief to write (:class:`BriefJob`), what became of it
(:class:`BriefResult`) and the report of a whole run (:class:`BatchReport`).

This module imports no data library: worker processes and Dask workers unpickle
jobs and results, and an unchanged rerun is answered before pandas is loaded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from kmp_analysis.errors import UsageError

EVALUATION_DIR = "evaluasi"

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


def failure(job: BriefJob, duration: float, error: str) -> BriefResult:
    return BriefResult(
        kode_kec=job.kode_kec,
        nama_kec=job.nama_kec,
        folder=rel_folder(job),
        status="gagal",
        duration_s=round(duration, 2),
        parameters=job.parameters,
        error=error,
    )


def rel_folder(job: BriefJob) -> str:
    """The job folder, relative to the run folder: ``kecamatan/…`` or ``kabupaten``."""
    if job.kode_kec == KABUPATEN:
        return job.out_dir.name
    return f"{job.out_dir.parent.name}/{job.out_dir.name}"
