"""KMP Workbench: evaluate the village cooperatives (KMP) of Kutai Kartanegara by
what they do for their members, and write a brief per kecamatan.

In a notebook, the few things a planner needs are here::

    import kmp_analysis as kmp

    dataset = kmp.read_dataset("data/sample")      # a CSV folder or .xlsx workbook
    ev = kmp.evaluate(dataset, period="2026-10")   # classes, indices, reasons
    ev.cooperatives                                # one row per cooperative
    kmp.write_briefs(kecamatan=["Tenggarong"])     # the briefs, as `kmp briefs`

with :func:`load_config` for thresholds from a YAML file, :func:`geography` for
the villages a data folder lies in, :func:`write_excel` for a table of your own as
a spreadsheet, and the error types: every error the workbench
raises is a :class:`KmpError`, whose message reads in Bahasa Indonesia (``str``) or
English (``.text("en")``).

The package reads top-down in the order the data flows: ``paths``, ``config``,
``errors``, ``i18n``, ``safeio``; ``schema``, ``reference``; ``indicators`` →
``classify`` → ``index`` → ``recommend`` → ``evaluation``. Around that core, ``io``
reads the user's files, ``report`` makes what a planner sees, ``batch`` writes many
briefs, ``sample`` makes synthetic data and ``cli`` is the ``kmp`` command.

Importing this package loads nothing else: each name here is imported the first time
it is used (the batch and the command line start without pandas).
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("kmp-analysis")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0+unknown"

#: The face of the package: name -> module it lives in.
_FACE = {
    "read_dataset": "kmp_analysis.io",
    "geography": "kmp_analysis.io",
    "Dataset": "kmp_analysis.schema",
    "load_config": "kmp_analysis.config",
    "Config": "kmp_analysis.config",
    "evaluate": "kmp_analysis.evaluation",
    "Evaluation": "kmp_analysis.evaluation",
    "write_briefs": "kmp_analysis.batch",
    "write_excel": "kmp_analysis.report.spreadsheet",
    "BriefRequest": "kmp_analysis.batch",
    "BatchReport": "kmp_analysis.batch",
    "KmpError": "kmp_analysis.errors",
    "ValidationFailed": "kmp_analysis.errors",
    "UsageError": "kmp_analysis.errors",
    "UnknownKecamatan": "kmp_analysis.errors",
}

__all__ = [
    "BatchReport",
    "BriefRequest",
    "Config",
    "Dataset",
    "Evaluation",
    "KmpError",
    "UnknownKecamatan",
    "UsageError",
    "ValidationFailed",
    "__version__",
    "evaluate",
    "geography",
    "load_config",
    "read_dataset",
    "write_briefs",
    "write_excel",
]


def __getattr__(name: str) -> Any:
    if name not in _FACE:
        raise AttributeError(f"module 'kmp_analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(_FACE[name]), name)
    globals()[name] = value  # once found, a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:  # what the lazy names are, for type checkers and editors
    from kmp_analysis.batch import BatchReport, BriefRequest, write_briefs
    from kmp_analysis.config import Config, load_config
    from kmp_analysis.errors import (
        KmpError,
        UnknownKecamatan,
        UsageError,
        ValidationFailed,
    )
    from kmp_analysis.evaluation import Evaluation, evaluate
    from kmp_analysis.io import geography, read_dataset
    from kmp_analysis.report.spreadsheet import write_excel
    from kmp_analysis.schema import Dataset
