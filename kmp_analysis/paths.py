"""Every path and environment knob of the workbench, in one place.

Paths are computed from the package location, so notebooks, the command line and
the tests agree on where things are whatever the working directory. The workbench
runs from a source checkout: ``data/`` (reference and sample data) and
``notebooks/`` sit next to the package and are not part of a wheel.

Environment knobs are read when asked for, never at import, so a test or a notebook
can set one and see it take effect:

- ``KMP_ENGINE``: papermill engine of the batch (``kmp_warm``, the default, keeps
  warm kernels; ``nbclient`` starts a fresh kernel per notebook);
- ``KMP_CHROMIUM``: the Chromium (or Chrome) program that prints PDFs;
- ``KMP_DEBUG``: set, an unexpected error shows its full traceback;
- ``KMP_STRICT_I18N``: set, a text missing from the catalog is an error instead of
  showing its key (the tests set it).
"""

from __future__ import annotations

import os
from pathlib import Path

PROJ_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = PROJ_ROOT / "data"
REFERENCE_DIR = DATA_DIR / "reference"
SAMPLE_DIR = DATA_DIR / "sample"
OUTPUTS_DIR = PROJ_ROOT / "outputs"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
BRIEF_NOTEBOOK = NOTEBOOKS_DIR / "brief_kecamatan.ipynb"
SUMMARY_NOTEBOOK = NOTEBOOKS_DIR / "ringkasan_kabupaten.ipynb"
EXPLORE_NOTEBOOK = NOTEBOOKS_DIR / "eksplorasi.ipynb"
RAPOR_NOTEBOOK = NOTEBOOKS_DIR / "rapor_koperasi.ipynb"

VILLAGES_CSV = REFERENCE_DIR / "kukar_desa_kelurahan.csv"
VILLAGES_GEOJSON = REFERENCE_DIR / "kukar_desa_kelurahan.geojson"
KECAMATAN_GEOJSON = REFERENCE_DIR / "kukar_kecamatan.geojson"
#: Indeks Desa Membangun 2023/2024 of Kukar's 193 desa, and its 2024 indicator scores.
IDM_CSV = REFERENCE_DIR / "idm" / "kukar_idm_2023_2024.csv"
IDM_INDICATORS_CSV = REFERENCE_DIR / "idm" / "kukar_idm2024_indikator.csv"

#: The batch's papermill engine unless ``KMP_ENGINE`` names another.
DEFAULT_ENGINE = "kmp_warm"


def display_path(path: str | os.PathLike[str]) -> str:
    """``path`` as a page shows it: relative to the project root where it lies
    inside the project (``data/sample``), otherwise only its last part (the folder
    or file name), so that no page shows a machine's folders (a user's home, a
    server's layout). A relative path is shown as given.

    Examples
    --------
    >>> display_path(SAMPLE_DIR)
    'data/sample'
    >>> display_path(SAMPLE_DIR / "koperasi.csv")
    'data/sample/koperasi.csv'
    >>> display_path("/home/ana/kmp/kukar-2026.xlsx[koperasi]")
    'kukar-2026.xlsx[koperasi]'
    >>> display_path("laporan.csv"), display_path("")
    ('laporan.csv', '')
    """
    text = os.fspath(path)
    given = Path(text)
    if not text or not given.is_absolute():
        return text
    try:
        return given.resolve().relative_to(PROJ_ROOT).as_posix()
    except ValueError:
        return given.name or text


def engine_name() -> str:
    """The papermill engine the batch runs notebooks with (``KMP_ENGINE``)."""
    return os.environ.get("KMP_ENGINE", DEFAULT_ENGINE)


def chromium_override() -> str:
    """The Chromium program named by ``KMP_CHROMIUM`` ("" when not set)."""
    return os.environ.get("KMP_CHROMIUM", "").strip()


def debug() -> bool:
    """True where ``KMP_DEBUG`` asks for full tracebacks of unexpected errors."""
    return bool(os.environ.get("KMP_DEBUG"))


def strict_i18n() -> bool:
    """True where a text missing from the catalog must fail (``KMP_STRICT_I18N``)."""
    return bool(os.environ.get("KMP_STRICT_I18N"))
