"""What the batch works with: a brief to write (:class:`BriefJob`), what became of it
(:class:`BriefResult`) and the report of a whole run (:class:`BatchReport`).

This module imports no data library: worker processes and Dask workers unpickle
jobs and results, and an unchanged rerun is answered before pandas is loaded.
:class:`BriefRequest` is what a run is asked to do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import Any

from kmp_analysis.config import check_lang
from kmp_analysis.errors import UsageError
from kmp_analysis.paths import (
    BRIEF_NOTEBOOK,
    OUTPUTS_DIR,
    RAPOR_NOTEBOOK,
    SAMPLE_DIR,
    SUMMARY_NOTEBOOK,
)

EVALUATION_DIR = "evaluasi"

FORMATS = ("html", "pdf", "ipynb")

#: Code and folder of the regency summary in the manifest and index.
KABUPATEN = "kabupaten"

#: The report cards' folder in a run (``koperasi/<kode_kec>-<slug>/<koperasi_id>``),
#: a card's file stem, and the file that bundles a kecamatan's cards in its folder.
KOPERASI_DIR = "koperasi"
RAPOR = "rapor"
BUNDLE = "rapor-koperasi.pdf"


class Status(StrEnum):
    """Whether a brief was written; the manifest keeps these words."""

    OK = "ok"
    FAILED = "gagal"


class CacheState(StrEnum):
    """Whether a brief was built in this run or kept from an earlier one."""

    BUILT = "ditulis"
    REUSED = "dipakai_ulang"


@dataclass(frozen=True)
class BriefRequest:
    """What a batch is asked to do, checked once (``kmp briefs`` fills it).

    Paths are resolved, ``formats`` parsed (HTML always), ``lang`` and the brief
    notebook checked; an executor (``local``, ``dask``, ``inprocess``; see
    :mod:`kmp_analysis.batch.executors`) is ``dask`` when a scheduler is named.

    Examples
    --------
    >>> request = BriefRequest(kecamatan="Tenggarong", formats="pdf")
    >>> request.kecamatan, request.formats, request.executor, request.data.name
    (('Tenggarong',), ('html', 'pdf'), 'local', 'sample')
    """

    data: Path = SAMPLE_DIR
    period: str | None = None
    kecamatan: tuple[str, ...] = ()
    #: The kecamatan briefs (``kmp rapor`` writes cards only).
    briefs: bool = True
    #: The report cards of every cooperative of the kecamatan asked for, or of the
    #: cooperatives named in ``koperasi`` (IDs).
    rapor: bool = False
    koperasi: tuple[str, ...] = ()
    out: Path = OUTPUTS_DIR
    lang: str = "id"
    formats: tuple[str, ...] = ("html", "ipynb")
    summary: bool = True
    config: Path | None = None
    notebook: Path = BRIEF_NOTEBOOK
    force: bool = False
    retry_failed: bool = False
    strict: bool = False
    executor: str = "local"
    workers: int | None = None
    scheduler: str | None = None

    def __post_init__(self) -> None:
        def put(name: str, value: Any) -> None:
            object.__setattr__(self, name, value)

        put("data", Path(self.data) if self.data else SAMPLE_DIR)
        put("period", self.period.strip() if self.period else None)
        given = self.kecamatan
        put("kecamatan", (given,) if isinstance(given, str) else tuple(given or ()))
        ids = self.koperasi
        put("koperasi", (ids,) if isinstance(ids, str) else tuple(ids or ()))
        put("out", Path(self.out or OUTPUTS_DIR).resolve())
        check_lang(self.lang)
        put("formats", parse_formats(self.formats))
        put("config", Path(self.config).resolve() if self.config else None)
        put("notebook", Path(self.notebook or BRIEF_NOTEBOOK).resolve())
        if not self.notebook.is_file():
            raise UsageError("notebook_missing", path=self.notebook)
        if self.scheduler and self.executor == "local":
            put("executor", "dask")

    @property
    def briefs_dir(self) -> Path:
        return self.out / "briefs"

    def notebooks(self) -> list[Path]:
        """The notebooks the run executes."""
        chosen = (
            (self.briefs, self.notebook),
            (self.summary, SUMMARY_NOTEBOOK),
            (self.rapor, RAPOR_NOTEBOOK),
        )
        return [notebook for wanted, notebook in chosen if wanted]

    def identity(self) -> dict[str, Any]:
        """What the run's outputs depend on besides the files it reads (part of its
        key): not how it runs (workers, executor, --force)."""
        return {
            "period": self.period,
            "kecamatan": list(self.kecamatan),
            "briefs": self.briefs,
            "rapor": self.rapor,
            "koperasi": list(self.koperasi),
            "lang": self.lang,
            "formats": sorted(self.formats),
            "summary": self.summary,
            "config": str(self.config) if self.config else None,
            "notebook": str(self.notebook),
            "strict": self.strict,
        }


@dataclass(frozen=True)
class BriefJob:
    """One brief to write: which kecamatan, where, and the notebook's parameters.

    The regency summary is a job too, with ``kode_kec`` :data:`KABUPATEN` and the
    file stem ``ringkasan``; so is a cooperative's report card, with its
    ``koperasi_id`` and the stem :data:`RAPOR`.
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
    koperasi_id: str = ""  # a report card's cooperative
    nama_koperasi: str = ""

    @property
    def lang(self) -> str:
        return self.parameters.get("lang", "id")

    @property
    def ident(self) -> str:
        """What names it in a run: the cooperative's ID for a card, else the
        kecamatan's code (or :data:`KABUPATEN`)."""
        return self.koperasi_id or self.kode_kec

    @property
    def shown_name(self) -> str:
        """Its name on the progress line: the cooperative's or the kecamatan's."""
        return self.nama_koperasi or self.nama_kec

    @property
    def folder(self) -> str:
        """Its folder, relative to the run folder: ``kecamatan/…``, ``kabupaten``
        or ``koperasi/<kecamatan>/<koperasi_id>``."""
        if self.kode_kec == KABUPATEN:
            return self.out_dir.name
        depth = 3 if self.koperasi_id else 2
        return "/".join(self.out_dir.parts[-depth:])

    @property
    def run_dir(self) -> Path:
        """The run folder it writes into (``…/briefs/<periode>``)."""
        return self.out_dir.parents[self.folder.count("/")]

    def result(
        self, status: Status, duration_s: float = 0.0, **fields: Any
    ) -> BriefResult:
        """What became of this brief: ``status``, the seconds it took and
        ``fields`` of :class:`BriefResult`; its kecamatan, folder and parameters
        as the job has them."""
        return BriefResult(
            kode_kec=self.kode_kec,
            nama_kec=self.nama_kec,
            folder=self.folder,
            status=status,
            duration_s=round(duration_s, 2),
            parameters=self.parameters,
            koperasi_id=self.koperasi_id,
            nama_koperasi=self.nama_koperasi,
            **fields,
        )

    def failed(self, duration_s: float, error: str) -> BriefResult:
        """This brief failed, with ``error`` in words a planner can act on."""
        return self.result(Status.FAILED, duration_s, error=error)

    @property
    def expected_files(self) -> list[str]:
        """The files a finished job leaves in its folder."""
        names = [f"{self.stem}.html", f"{self.stem}.json"]
        names += [f"{self.stem}.{f}" for f in ("pdf", "ipynb") if f in self.formats]
        return names


@dataclass
class BriefResult:
    """What became of one brief, as its entry in ``manifest.json`` says it (the
    field names are the manifest's keys)."""

    kode_kec: str
    nama_kec: str
    folder: str
    status: Status
    duration_s: float
    parameters: dict[str, str]
    error: str | None = None
    files: list[str] = field(default_factory=list)
    headline: dict[str, Any] = field(default_factory=dict)
    pdf_pages: int | None = None
    cache: CacheState = CacheState.BUILT
    #: Why it was built (empty when kept), in the run's language.
    alasan_build: list[str] = field(default_factory=list)
    koperasi_id: str = ""  # a report card's cooperative ("" for a brief)
    nama_koperasi: str = ""

    def __post_init__(self) -> None:
        self.status = Status(self.status)
        self.cache = CacheState(self.cache)

    @property
    def ident(self) -> str:
        """What names it in a run (see :attr:`BriefJob.ident`)."""
        return self.koperasi_id or self.kode_kec

    @property
    def shown_name(self) -> str:
        return self.nama_koperasi or self.nama_kec

    def to_manifest(self) -> dict[str, Any]:
        """Its manifest entry (a brief's without the card fields)."""
        entry = asdict(self)
        if not self.koperasi_id:
            del entry["koperasi_id"], entry["nama_koperasi"]
        return entry

    @property
    def ok(self) -> bool:
        return self.status is Status.OK

    @property
    def outcome(self) -> Status | CacheState:
        """Failed, or else built or reused: what a run counts."""
        return self.cache if self.ok else Status.FAILED

    @classmethod
    def from_manifest(cls, entry: dict[str, Any]) -> BriefResult:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in entry.items() if k in known})


@dataclass
class BatchReport:
    """What a run of :func:`~kmp_analysis.batch.write_briefs` did.

    Attributes
    ----------
    run_dir
        ``<out>/briefs/<period>``: the briefs, ``manifest.json``, ``index.html``.
    results
        One :class:`BriefResult` per kecamatan brief, by code; ``summary`` the
        regency summary's (None when not asked for); ``cards`` one per report
        card, by kecamatan in the order of its brief's table.
    bundles
        Per kecamatan code, its cards in one PDF (relative to ``run_dir``).
    notes
        What the run wants a planner to know (PDFs skipped, no summary...).

    Examples
    --------
    >>> from kmp_analysis.batch import BatchReport, BriefResult
    >>> ok = BriefResult("64.02.15", "Sanga Sanga", "kecamatan/x", "ok", 1.2, {})
    >>> report = BatchReport(Path("out/briefs/2026-10"), "2026-10", [ok], 9.8)
    >>> report.failed, dict(report.counts())
    ([], {<CacheState.BUILT: 'ditulis'>: 1})
    """

    run_dir: Path
    period: str
    results: list[BriefResult]
    duration_s: float
    summary: BriefResult | None = None
    notes: list[str] = field(default_factory=list)
    cards: list[BriefResult] = field(default_factory=list)
    bundles: dict[str, str] = field(default_factory=dict)

    @property
    def failed(self) -> list[BriefResult]:
        every = [*self.results, *([self.summary] if self.summary else []), *self.cards]
        return [r for r in every if not r.ok]

    def card_counts(self) -> Counter[Status | CacheState]:
        """The report cards built, reused and failed."""
        return Counter(r.outcome for r in self.cards)

    def counts(self) -> Counter[Status | CacheState]:
        """The kecamatan briefs built, reused and failed (the summary not counted)."""
        return Counter(r.outcome for r in self.results)

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
