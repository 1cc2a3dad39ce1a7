"""The parameters of each notebook: its first cell, as one dataclass.

A notebook's ``parameters`` cell, the ``prepare()`` it calls and the batch that
fills it in with papermill must agree on names, types and defaults; each dataclass
here is that contract, and a test holds the three to it
(``papermill.inspect_notebook``). The parameter names are what a planner sees in
JupyterLab; ``evaluasi`` keeps its Indonesian name for that reason.

:func:`evaluation_for` turns the parameters into the evaluation a notebook works on:
the one the batch saved (``evaluasi``), or the data read and evaluated on the spot,
so a notebook also runs on its own in JupyterLab.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from kmp_analysis.config import check_lang, load_config
from kmp_analysis.errors import UsageError
from kmp_analysis.evaluation import Evaluation, evaluate
from kmp_analysis.io import read_dataset
from kmp_analysis.paths import (
    BRIEF_NOTEBOOK,
    EXPLORE_NOTEBOOK,
    RAPOR_NOTEBOOK,
    SAMPLE_DIR,
    SUMMARY_NOTEBOOK,
)


class _Parameters:
    """What every notebook's parameters do: check the language, hand papermill its
    values, and list what a page's provenance shows."""

    lang: str
    data: str
    period: str
    config: str

    def __post_init__(self) -> None:
        check_lang(self.lang)

    def for_papermill(self) -> dict[str, str]:
        """The values papermill puts in the notebook (``out_dir`` is the batch's)."""
        values = asdict(self)  # type: ignore[call-overload]
        values.pop("out_dir", None)
        return values

    def shown(self) -> dict[str, Any]:
        """What the provenance section of a page lists (paths as given)."""
        return {"data": self.data, "period": self.period, "config": self.config}


@dataclass(frozen=True)
class BriefParameters(_Parameters):
    """``notebooks/brief_kecamatan.ipynb``: one kecamatan's brief."""

    kecamatan: str = "Tenggarong"  # name or code, any common spelling
    data: str = ""  # CSV folder or .xlsx; empty: the shipped sample
    period: str = ""  # YYYY-MM; empty: the last month of the data
    lang: str = "id"
    config: str = ""  # YAML thresholds; empty: the defaults
    out_dir: str = ""  # where the JSON sidecar goes; empty: nowhere
    evaluasi: str = ""  # a folder Evaluation.save wrote; empty: evaluate here


@dataclass(frozen=True)
class SummaryParameters(_Parameters):
    """``notebooks/ringkasan_kabupaten.ipynb``: the regency summary."""

    data: str = ""
    period: str = ""
    lang: str = "id"
    config: str = ""
    out_dir: str = ""
    evaluasi: str = ""


@dataclass(frozen=True)
class ExploreParameters(_Parameters):
    """``notebooks/eksplorasi.ipynb``: the explorer (no batch, no sidecar)."""

    data: str = ""
    period: str = ""
    lang: str = "id"
    kecamatan: str = "Tenggarong"  # the kecamatan shown first
    config: str = ""


@dataclass(frozen=True)
class RaporParameters(_Parameters):
    """``notebooks/rapor_koperasi.ipynb``: one cooperative's report card."""

    koperasi_id: str = ""  # e.g. "KMP-6402062001"; empty: the first of the data
    data: str = ""
    period: str = ""
    lang: str = "id"
    config: str = ""
    out_dir: str = ""
    evaluasi: str = ""

    def shown(self) -> dict[str, Any]:
        return {"koperasi_id": self.koperasi_id, **super().shown()}


#: Each notebook and its parameters.
NOTEBOOK_PARAMETERS = {
    BRIEF_NOTEBOOK: BriefParameters,
    SUMMARY_NOTEBOOK: SummaryParameters,
    EXPLORE_NOTEBOOK: ExploreParameters,
    RAPOR_NOTEBOOK: RaporParameters,
}


def evaluation_for(
    params: BriefParameters | SummaryParameters | RaporParameters,
) -> Evaluation:
    """The evaluation a notebook works on, from its parameters.

    ``evaluasi`` is a folder written by :meth:`Evaluation.save` (the batch evaluates
    the regency once and hands it to every notebook); left empty, ``data`` (or the
    shipped sample) is read and evaluated here. A ``period`` other than the saved
    evaluation's is a :class:`~kmp_analysis.errors.UsageError`.
    """
    if params.evaluasi:
        ev = Evaluation.load(params.evaluasi)
        if params.period and params.period != ev.period:
            raise UsageError(
                "period_differs", period=params.period, evaluated=ev.period
            )
        return ev
    dataset = read_dataset(params.data or SAMPLE_DIR)
    return evaluate(dataset, params.period or None, load_config(params.config))
