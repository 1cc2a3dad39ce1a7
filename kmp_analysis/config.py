"""Paths and the default thresholds of the workbench.

Every path is computed from the package location so that notebooks, the CLI and the
tests agree on where things are, whatever the working directory. Nothing runs at import
beyond computing paths. Thresholds follow DESIGN §4–5; a YAML file can override any of
them (``kmp evaluate --config FILE.yaml``).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

import yaml

from kmp_analysis.errors import Problem, ValidationFailed

PROJ_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = PROJ_ROOT / "data"
REFERENCE_DIR = DATA_DIR / "reference"
SAMPLE_DIR = DATA_DIR / "sample"
OUTPUTS_DIR = PROJ_ROOT / "outputs"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
BRIEF_NOTEBOOK = NOTEBOOKS_DIR / "brief_kecamatan.ipynb"

VILLAGES_GEOJSON = REFERENCE_DIR / "kukar_desa_kelurahan.geojson"
KECAMATAN_GEOJSON = REFERENCE_DIR / "kukar_kecamatan.geojson"


@dataclass(frozen=True)
class Thresholds:
    """Thresholds of the indicators and classes (DESIGN §4–5).

    The names are the keys a YAML override uses, under ``thresholds:``.
    """

    window_months: int = 6
    recent_months: int = 3
    # Aktif
    aktif_bulan_transaksi: int = 4
    aktif_partisipasi: float = 0.20
    aktif_unit_beroperasi: int = 1
    # Berdampak (on top of Aktif)
    berdampak_partisipasi: float = 0.50
    berdampak_unit_beroperasi: int = 2
    berdampak_kemandirian: float = 1.0
    berdampak_manfaat: int = 2
    # manfaat (documented member benefits)
    manfaat_tenaga_kerja: int = 5
    manfaat_par30: float = 0.05
    # Berisiko
    risiko_par30: float = 0.05
    risiko_bulan_basi: int = 2
    # pengurus_lengkap
    pengurus_minimum: int = 5

    def __post_init__(self) -> None:
        if self.recent_months > self.window_months:
            raise ValueError("recent_months must not exceed window_months")


@dataclass(frozen=True)
class Config:
    """Everything tunable about an evaluation run."""

    thresholds: Thresholds = Thresholds()

    def to_dict(self) -> dict:
        return {"thresholds": asdict(self.thresholds)}


def load_config(path: str | Path | None = None) -> Config:
    """Return the default config, overridden by the YAML file at ``path`` if given.

    Unknown keys and values of the wrong type are reported as
    :class:`~kmp_analysis.errors.ValidationFailed`, naming the file and the key.
    """
    if path is None or str(path) == "":
        return Config()
    path = Path(path)
    name = str(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise ValidationFailed([Problem(name, None, None, "file_not_found")]) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ValidationFailed(
            [Problem(name, None, None, "config_unreadable", detail=str(exc)[:200])]
        ) from None
    if not isinstance(raw, dict):
        raise ValidationFailed([Problem(name, None, None, "config_not_mapping")])
    problems: list[Problem] = []
    for key in raw:
        if key != "thresholds":
            problems.append(Problem(name, None, str(key), "config_unknown_key"))
    overrides = raw.get("thresholds") or {}
    if not isinstance(overrides, dict):
        problems.append(Problem(name, None, "thresholds", "config_not_mapping"))
        overrides = {}
    known = {f.name: f.type for f in fields(Thresholds)}
    defaults = Thresholds()
    clean: dict[str, float | int] = {}
    for key, value in overrides.items():
        if key not in known:
            problems.append(
                Problem(name, None, f"thresholds.{key}", "config_unknown_key")
            )
            continue
        wants_int = isinstance(getattr(defaults, key), int)
        ok = (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and math.isfinite(value)
            and value >= 0
        )
        if ok and wants_int and not float(value).is_integer():
            ok = False
        if ok and key in ("window_months", "recent_months") and value < 1:
            ok = False
        if not ok:
            problems.append(
                Problem(
                    name,
                    None,
                    f"thresholds.{key}",
                    "config_bad_value",
                    value=value,
                )
            )
            continue
        clean[key] = int(value) if wants_int else float(value)
    if problems:
        raise ValidationFailed(problems)
    try:
        return Config(thresholds=replace(defaults, **clean))
    except ValueError as exc:
        raise ValidationFailed(
            [Problem(name, None, "thresholds", "config_unreadable", detail=str(exc))]
        ) from None
