"""Evaluate the whole regency once: indicators + classes, joined to the geography.

:func:`evaluate` is what ``kmp evaluate``, the batch and the notebooks all call, so
that every brief of a run reads the same table. :class:`Evaluation` can be saved to a
folder and loaded back by a notebook kernel without recomputing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from kmp_analysis import __version__, reference
from kmp_analysis.classify import CLASSES, classify
from kmp_analysis.config import Config
from kmp_analysis.consistency import implausible_values, no_flags
from kmp_analysis.effects import effects_json
from kmp_analysis.history import COMPACT_COLUMNS, History, check_period, compute_history
from kmp_analysis.index import (
    INDICES,
    compute_indices,
    kecamatan_summary,
    rank_uncertainty,
)
from kmp_analysis.indicators import (
    INDICATORS,
    STEP_INPUTS,
    compute_indicators,
    window_months,
)
from kmp_analysis.reference import CONTEXT_COLUMNS, IDM_STATUSES, NOT_APPLICABLE
from kmp_analysis.safeio import atomic_write_bytes, atomic_write_text
from kmp_analysis.schema import Dataset
from kmp_analysis.support import cooperative_support

T = TypeVar("T")

#: Columns of the per-cooperative table, in export order (DESIGN §4–5).
COLUMNS = (
    "koperasi_id",
    "nama_koperasi",
    "kode_desa",
    "nama_desa",
    "kode_kec",
    "nama_kec",
    *INDICATORS,
    "indeks_output",
    "indeks_outcome",
    "kuadran",
    "kelas",
    "alasan",
    "berisiko",
    "alasan_risiko",
    "laporan_terakhir",
    "anggota_terdaftar",
    *STEP_INPUTS,
)

_TABLE_FILE = "evaluasi.parquet"
_KECAMATAN_FILE = "kecamatan.parquet"
_META_FILE = "evaluasi.json"
_HISTORY_FILE = "riwayat.parquet"
_TO_CHECK_FILE = "perlu_dicek.parquet"
#: Input tables kept with a saved evaluation, for the recommendations (DESIGN §7)
#: and the effects of support (§7b); the optional ones may be absent.
_NEEDED_INPUTS = ("koperasi", "unit_usaha", "pengurus", "bumdes")
_SAVED_INPUTS = (
    *_NEEDED_INPUTS,
    "laporan_bulanan",
    "pelatihan",
    "pendampingan",
    "pembiayaan",
)


@dataclass
class Evaluation:
    """The evaluated regency: one row per cooperative plus what it was made from.

    Attributes
    ----------
    cooperatives
        One row per cooperative: its village and kecamatan, the indicators of
        DESIGN §4, ``indeks_output``/``indeks_outcome``, ``kuadran``, ``kelas``,
        ``alasan`` and ``berisiko`` with ``alasan_risiko``.
    kecamatan
        Per kecamatan: counts and shares per class, mean indices, quadrant, and the
        median rank with its 5th–95th percentile of both indices.
    period, config, synthetic, source, file_hashes
        What it was computed for and from.
    tables
        The input tables, where the evaluation was made here or saved with it
        (the optional ``pelatihan``, ``pendampingan``, ``pembiayaan`` are absent
        from an evaluation saved before they existed).
    perlu_dicek
        Figures far from their cooperative's own history at the period
        (:func:`~kmp_analysis.consistency.implausible_values`), computed when
        first asked for; saved and loaded with the evaluation.

    Examples
    --------
    >>> import kmp_analysis as kmp
    >>> from kmp_analysis.paths import SAMPLE_DIR
    >>> ev = kmp.evaluate(kmp.read_dataset(SAMPLE_DIR))
    >>> tenggarong = ev.of_kecamatan("64.02.06")
    >>> len(tenggarong), tenggarong["nama_kec"].iloc[0]
    (14, 'Tenggarong')
    >>> saved = ev.save(getfixture("tmp_path") / "evaluasi")
    >>> kmp.Evaluation.load(saved).period
    '2026-10'
    """

    cooperatives: pd.DataFrame
    period: str
    config: Config
    synthetic: bool
    source: str
    file_hashes: dict[str, str] = field(default_factory=dict)
    kecamatan: pd.DataFrame | None = None  # per kecamatan: aggregates and ranks
    tables: dict[str, pd.DataFrame] | None = None  # the input, when evaluated here
    #: Every month-end window up to ``period`` (classes and indices), for what changed.
    history: History | None = None
    #: Figures derived from the whole evaluation, computed once (see :meth:`memo`).
    _memo: dict[str, Any] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, once per evaluation: for regency-wide figures that every
        brief quotes (twenty briefs, or thousands nationally, ask for the same)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @property
    def perlu_dicek(self) -> pd.DataFrame:
        """Each cooperative's figures of its latest month up to the period that are
        far from its own earlier months ("perlu dicek", DESIGN §7b)."""
        return self.memo(_TO_CHECK_FILE, self._figures_to_check)

    def _figures_to_check(self) -> pd.DataFrame:
        if self.tables is None or "laporan_bulanan" not in self.tables:
            return no_flags()
        return implausible_values(
            self.tables["laporan_bulanan"], self.period, self.config.konsistensi
        )

    @property
    def effects(self) -> dict[str, Any]:
        """The effects of training, facilitation and financing (DESIGN §7b), in the
        JSON form of ``kmp effects``, computed when first asked for (a few seconds:
        only the regency summary asks)."""
        return self.memo("efek", self._effects)

    def _effects(self) -> dict[str, Any]:
        tables = self.tables or {}
        if "laporan_bulanan" not in tables or "pengurus" not in tables:
            return {}
        places = self.cooperatives[["koperasi_id", "kode_kec"]]
        return effects_json(tables, places, self.config)

    @property
    def support(self) -> pd.DataFrame | None:
        """What support each cooperative has received by the period: training by
        tier, who is due next, pendamping, financing
        (:func:`~kmp_analysis.support.cooperative_support`), computed once; None
        where the evaluation carries no input tables. An evaluation saved before
        the optional tables existed has none of them: their columns are empty."""
        if self.tables is None:
            return None
        tables = self.tables
        return self.memo(
            "dukungan",
            lambda: cooperative_support(self.cooperatives, tables, self.period),
        )

    @property
    def window(self) -> list[str]:
        return window_months(self.period, self.config.thresholds.window_months)

    def of_kecamatan(self, kode_kec: str) -> pd.DataFrame:
        """The cooperatives of one kecamatan."""
        coops = self.cooperatives
        return coops[coops["kode_kec"] == kode_kec].reset_index(drop=True)

    def metadata(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "window": self.window,
            "synthetic": self.synthetic,
            "source": self.source,
            "file_hashes": self.file_hashes,
            "config": self.config.to_dict(),
            "package_version": __version__,
        }

    def save(self, folder: str | Path) -> Path:
        """Write ``evaluasi.parquet`` and ``evaluasi.json`` into ``folder``."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        frame = self.cooperatives.copy()
        frame["kelas"] = frame["kelas"].astype(str)
        atomic_write_bytes(folder / _TABLE_FILE, frame.to_parquet(index=False))
        if self.kecamatan is not None:
            atomic_write_bytes(
                folder / _KECAMATAN_FILE, self.kecamatan.to_parquet(index=False)
            )
        if self.history is not None:
            saved = self.history.to_frame()
            saved["jendela_pertama"] = self.history.first_window.reindex(
                saved["koperasi_id"]
            ).to_numpy()
            atomic_write_bytes(folder / _HISTORY_FILE, saved.to_parquet(index=False))
        atomic_write_bytes(
            folder / _TO_CHECK_FILE, self.perlu_dicek.to_parquet(index=False)
        )
        for name in _SAVED_INPUTS if self.tables is not None else ():
            if name not in self.tables:
                continue
            atomic_write_bytes(
                folder / f"masukan_{name}.parquet",
                self.tables[name].to_parquet(index=False),
            )
        atomic_write_text(
            folder / _META_FILE,
            json.dumps(self.metadata(), indent=2, ensure_ascii=False),
        )
        return folder

    @classmethod
    def load(cls, folder: str | Path) -> Evaluation:
        """Read back what :meth:`save` wrote.

        The last evaluation loaded is kept in memory while its files are unchanged
        (same names, sizes and modification times; :meth:`save` replaces files, so
        a new save always shows): a warm kernel that writes twenty briefs from one
        evaluation reads it once. Callers must not modify it in place.
        """
        folder = Path(folder)
        signature = _signature(folder)
        cached = _LOADED.get(str(folder.resolve()))
        if cached is not None and cached[0] == signature:
            return cached[1]
        evaluation = cls._read(folder)
        _LOADED.clear()
        _LOADED[str(folder.resolve())] = (signature, evaluation)
        return evaluation

    @classmethod
    def _read(cls, folder: Path) -> Evaluation:
        meta = json.loads((folder / _META_FILE).read_text(encoding="utf-8"))
        frame = pd.read_parquet(folder / _TABLE_FILE)
        frame["kelas"] = pd.Categorical(
            frame["kelas"], categories=CLASSES, ordered=True
        )
        config = Config.from_dict(meta["config"], name=str(folder / _META_FILE))
        kecamatan_file = folder / _KECAMATAN_FILE
        inputs = {
            name: pd.read_parquet(folder / f"masukan_{name}.parquet")
            for name in _SAVED_INPUTS
            if (folder / f"masukan_{name}.parquet").exists()
        }
        history_file = folder / _HISTORY_FILE
        evaluation = cls(
            history=_read_history(history_file, config)
            if history_file.exists()
            else None,
            tables=inputs if all(n in inputs for n in _NEEDED_INPUTS) else None,
            cooperatives=frame,
            kecamatan=pd.read_parquet(kecamatan_file)
            if kecamatan_file.exists()
            else None,
            period=meta["period"],
            config=config,
            synthetic=bool(meta["synthetic"]),
            source=meta["source"],
            file_hashes=meta.get("file_hashes", {}),
        )
        if (folder / _TO_CHECK_FILE).exists():
            flags = pd.read_parquet(folder / _TO_CHECK_FILE)
            evaluation.memo(_TO_CHECK_FILE, lambda: flags)
        return evaluation


def _read_history(path: Path, config: Config) -> History:
    frame = pd.read_parquet(path)
    first = frame.drop_duplicates("koperasi_id").set_index("koperasi_id")
    frame = frame.drop(columns="jendela_pertama")
    frame["kelas"] = pd.Categorical(frame["kelas"], categories=CLASSES, ordered=True)
    return History(
        panel=frame,
        periods=sorted(frame["periode"].unique()),
        first_window=first["jendela_pertama"],
        window_months=config.thresholds.window_months,
    )


#: The last evaluation :meth:`Evaluation.load` read, by folder, with its signature.
_LOADED: dict[str, tuple[tuple, Evaluation]] = {}


def _signature(folder: Path) -> tuple:
    """Names, sizes and modification times of an evaluation folder's files."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return ()
    return tuple(
        (e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in entries if e.is_file()
    )


def kecamatan_table(cooperatives: pd.DataFrame, config: Config) -> pd.DataFrame:
    """Kecamatan aggregates with the Monte Carlo rank of both indices (DESIGN §6)."""
    table = kecamatan_summary(cooperatives, config.indeks.batas_kuadran)
    for index in INDICES:
        ranks = rank_uncertainty(
            cooperatives, config.indeks, config.monte_carlo, index=index
        ).table
        keep = ranks.drop(columns=["nama_kec", f"indeks_{index}"])
        keep.columns = [c if c == "kode_kec" else f"{c}_{index}" for c in keep.columns]
        table = table.merge(keep, on="kode_kec", how="left", validate="one_to_one")
    return table


def village_context_of(kode_desa: pd.Series) -> pd.DataFrame | None:
    """The village context (:func:`kmp_analysis.reference.village_context`) of each
    row's village, same index; None where the villages are not Kukar's (a data
    folder with its own geography has no village context)."""
    if kode_desa.empty or not set(kode_desa.dropna()) <= reference.village_codes():
        return None
    context = reference.village_context().set_index("kode_desa")
    return context.loc[kode_desa.to_numpy(), list(CONTEXT_COLUMNS)].set_index(
        kode_desa.index
    )


#: Outcome indicators a cooperative is compared on with its peers (same IDM status).
PEER_INDICATORS = ("partisipasi", "omzet_per_anggota", "kemandirian")


def peer_medians(cooperatives: pd.DataFrame) -> pd.DataFrame:
    """Per IDM status of the village (kelurahan as ``tidak_berlaku``): how many
    cooperatives and the median of each :data:`PEER_INDICATORS` across the regency,
    so that a cooperative can be read beside cooperatives in villages like its own.

    Examples
    --------
    >>> df = pd.DataFrame({"status_idm": ["maju", "maju", "mandiri"],
    ...     "partisipasi": [0.1, 0.3, 0.5], "omzet_per_anggota": [1.0, 3.0, None],
    ...     "kemandirian": [None, None, 1.2]})
    >>> peer_medians(df).loc["maju", ["n", "partisipasi"]].tolist()
    [2.0, 0.2]
    """
    if "status_idm" not in cooperatives:
        return pd.DataFrame(columns=["n", *PEER_INDICATORS])
    grouped = cooperatives.groupby("status_idm", observed=True)
    out = grouped[list(PEER_INDICATORS)].median()
    out.insert(0, "n", grouped.size().astype("float64"))
    order = [s for s in (*reversed(IDM_STATUSES), NOT_APPLICABLE) if s in out.index]
    return out.reindex(order)


def classes_by_status(cooperatives: pd.DataFrame) -> pd.DataFrame:
    """Cooperatives per IDM status of their village (rows, Mandiri first, kelurahan
    last) and class (``n_<class>``), with each class's share of the row
    (``pangsa_<class>``) and the row total (``n_koperasi``)."""
    if "status_idm" not in cooperatives:
        return pd.DataFrame()
    table = pd.crosstab(
        cooperatives["status_idm"], cooperatives["kelas"].astype(str)
    ).reindex(columns=list(CLASSES), fill_value=0)
    order = [s for s in (*reversed(IDM_STATUSES), NOT_APPLICABLE) if s in table.index]
    table = table.reindex(order)
    out = pd.DataFrame(index=table.index)
    out["n_koperasi"] = table.sum(axis=1)
    for c in CLASSES:
        out[f"n_{c}"] = table[c].astype("int64")
    for c in CLASSES:
        out[f"pangsa_{c}"] = table[c] / out["n_koperasi"]
    out.index.name = "status_idm"
    return out.reset_index()


def headline(cooperatives: pd.DataFrame, period: str) -> dict[str, Any]:
    """Counts a brief leads with: cooperatives, per class, at risk, reported in ``P``.

    Examples
    --------
    >>> df = pd.DataFrame({"kelas": ["aktif", "tidak_bergerak"],
    ...                    "berisiko": [False, True],
    ...                    "laporan_terakhir": ["2026-10", "2026-05"]})
    >>> h = headline(df, "2026-10")
    >>> h["n"], h["kelas"]["aktif"], h["berisiko"], h["lapor_periode"]
    (2, 1, 1, 1)
    """
    n = len(cooperatives)
    counts = {c: int((cooperatives["kelas"] == c).sum()) for c in CLASSES}
    return {
        "n": n,
        "kelas": counts,
        "aktif_atau_berdampak": counts["aktif"] + counts["berdampak"],
        "berisiko": int(cooperatives["berisiko"].astype(bool).sum()),
        "lapor_periode": int((cooperatives["laporan_terakhir"] == period).sum()),
    }


def evaluate(
    dataset: Dataset,
    period: str | None = None,
    config: Config | None = None,
    history: bool = True,
) -> Evaluation:
    """Indicators, classes, indices and reasons of every cooperative for ``period``.

    Parameters
    ----------
    dataset
        What :func:`kmp_analysis.io.read_dataset` read.
    period
        The month ``YYYY-MM`` the six-month window ends with; None: the last month
        of the data.
    config
        Thresholds, goalposts and weights (:func:`kmp_analysis.config.load_config`);
        None: the defaults of DESIGN §4–7.
    history
        Also judge every month-end window from the first month of the data up to
        ``period`` (:attr:`Evaluation.history`: what changed, for the briefs).

    Returns
    -------
    Evaluation
        One row per cooperative (``cooperatives``), the kecamatan aggregates with
        their rank uncertainty (``kecamatan``) and what it was made from.

    Raises
    ------
    ValidationFailed
        For a period that is no month or lies outside the months the data covers
        (exit 2), or data without any report.

    Examples
    --------
    >>> from kmp_analysis.evaluation import evaluate
    >>> from kmp_analysis.io import read_dataset
    >>> from kmp_analysis.paths import SAMPLE_DIR
    >>> ev = evaluate(read_dataset(SAMPLE_DIR), period="2026-10")
    >>> ev.cooperatives["kelas"].value_counts(sort=False).to_dict()
    {'tidak_bergerak': 81, 'administratif': 62, 'aktif': 66, 'berdampak': 28}
    >>> ev.window[0], ev.window[-1]
    ('2026-05', '2026-10')
    """
    config = config or Config()
    period = check_period(dataset, period)
    t = config.thresholds
    ind = compute_indicators(
        dataset["koperasi"],
        dataset["unit_usaha"],
        dataset["laporan_bulanan"],
        dataset["rapat"],
        dataset["pengurus"],
        period,
        t,
    )
    classes = classify(ind, period, t)
    coops = (
        dataset.places().set_index("koperasi_id").join(ind).join(classes).reset_index()
    )
    coops = coops.join(compute_indices(coops, config.indeks))
    context = village_context_of(coops["kode_desa"])
    columns = list(COLUMNS)
    if context is not None:
        coops = coops.join(context)
        columns += list(CONTEXT_COLUMNS)
    coops = coops.loc[:, columns].sort_values(
        ["kode_kec", "kode_desa", "koperasi_id"], ignore_index=True
    )
    return Evaluation(
        cooperatives=coops,
        kecamatan=kecamatan_table(coops, config) if len(coops) else None,
        period=period,
        config=config,
        synthetic=dataset.synthetic,
        source=dataset.source,
        file_hashes=dataset.file_hashes,
        tables=dataset.tables,
        history=compute_history(
            dataset, end=period, config=config, columns=COMPACT_COLUMNS
        )
        if history
        else None,
    )
