"""The run configuration: thresholds, index goalposts and weights, Monte Carlo and
recommendation parameters.

Defaults follow DESIGN §4–7; a YAML file can override any of them
(``kmp evaluate --config FILE.yaml``), and every problem in it is reported at once.
Paths live in :mod:`kmp_analysis.paths`.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from kmp_analysis.errors import Problem, UsageError, ValidationFailed
from kmp_analysis.i18n import LANGS

# The paths once lived here; old imports (``from kmp_analysis.config import
# SAMPLE_DIR``) keep working.
from kmp_analysis.paths import (  # noqa: F401
    BRIEF_NOTEBOOK,
    DATA_DIR,
    KECAMATAN_GEOJSON,
    NOTEBOOKS_DIR,
    OUTPUTS_DIR,
    PROJ_ROOT,
    REFERENCE_DIR,
    SAMPLE_DIR,
    SUMMARY_NOTEBOOK,
    VILLAGES_GEOJSON,
)


def check_lang(lang: str) -> str:
    """``lang`` if the workbench speaks it (:data:`~kmp_analysis.i18n.LANGS`), else
    a :class:`~kmp_analysis.errors.UsageError` naming the choices."""
    if lang not in LANGS:
        raise UsageError("lang_unknown", value=lang, choices=", ".join(LANGS))
    return lang


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
class Goalpost:
    """Scale an indicator to 0–1: ``clip((x - lo) / (hi - lo), 0, 1)`` (DESIGN §6).

    ``lo > hi`` reverses the scale (par30: 0.20 scores 0, 0 scores 1).
    """

    lo: float
    hi: float
    bobot: float = 1.0  # weight within its index


def _goalposts(**pairs: tuple[float, float]) -> dict[str, Goalpost]:
    return {name: Goalpost(float(lo), float(hi)) for name, (lo, hi) in pairs.items()}


@dataclass(frozen=True)
class IndexSpec:
    """Goalposts and weights of Indeks Output and Indeks Outcome (DESIGN §6)."""

    output: dict[str, Goalpost] = field(
        default_factory=lambda: _goalposts(
            legal=(0, 1),
            pengurus_terlatih=(0, 1),
            bulan_lapor=(0, 6),
            rat_tepat_waktu=(0, 1),
            unit_beroperasi=(0, 4),
        )
    )
    outcome: dict[str, Goalpost] = field(
        default_factory=lambda: _goalposts(
            partisipasi=(0, 0.6),
            omzet_per_anggota=(0, 150_000),
            kemandirian=(0.5, 1.5),
            par30=(0.20, 0),
            tenaga_kerja=(0, 10),
            pembelian_lokal=(0, 0.3),
        )
    )
    batas_kuadran: float = 0.5  # the quadrant split on both axes

    def of(self, index: str) -> dict[str, Goalpost]:
        """The goalposts of ``"output"`` or ``"outcome"``."""
        return {"output": self.output, "outcome": self.outcome}[index]


@dataclass(frozen=True)
class MonteCarlo:
    """Rank uncertainty: draws over weights (Dirichlet) and goalposts (DESIGN §6)."""

    jumlah_draw: int = 1000
    seed: int = 2025
    sebaran_goalpost: float = 0.20  # each goalpost times U(1 - s, 1 + s); 0 = fixed
    konsentrasi_bobot: float = 50.0  # Dirichlet concentration; 0 = weights fixed


@dataclass(frozen=True)
class Recommendations:
    """Parameters of DESIGN §7.

    ``bobot_terpencil`` (w, default 0 = off) weights the pendamping need of a
    cooperative in a remote desa by (1 + w): a desa without a four-wheel road all
    year or with health care more than an hour away (IDM 2024,
    :func:`kmp_analysis.recommend.remote`). Data without village context (its own
    geography) has no remote desa, so the weight changes nothing there.

    ``gelombang_pelatihan`` and ``benih_gelombang`` are the defaults of the next
    training waves (``kmp plan-training``, :mod:`kmp_analysis.training_waves`):
    how many waves, and the seed of the draw that orders the kecamatan. The seed
    is fixed so that the plan the summary shows and the one the command writes
    are the same plan; change it only to draw a new one, and keep it with the plan.
    """

    pendamping: int = 40  # K facilitators to allocate over kecamatan
    ukuran_kelas_pelatihan: int = 30  # participants per training class at most
    bobot_terpencil: float = 0.0  # extra need weight in a remote desa; 0 = off
    gelombang_pelatihan: int = 4  # waves of the next training plan
    benih_gelombang: int = 2026  # seed of the draw ordering the kecamatan into waves


@dataclass(frozen=True)
class Consistency:
    """When a month's figure is far from the cooperative's own history (DESIGN §7b,
    :mod:`kmp_analysis.consistency`): listed as "perlu dicek".

    A cooperative's latest month is compared with its previous ``bulan_acuan``
    reported months (at least ``bulan_minimum`` of them with a value); a value is
    flagged where it is more than ``batas_mad`` robust standard deviations
    (1.4826 · MAD) from their median AND at least ``rasio`` times it or at most
    1/``rasio`` of it AND at least ``rasio_rentang`` times the largest of those
    months (or at most the smallest divided by it). A zero, or a history whose
    median is zero, is never flagged. The names are the keys of a YAML override,
    under ``konsistensi:``.
    """

    bulan_acuan: int = 6
    bulan_minimum: int = 3
    batas_mad: float = 5.0
    rasio: float = 10.0
    rasio_rentang: float = 3.0


@dataclass(frozen=True)
class EffectSettings:
    """How effects of support are estimated (DESIGN §7b, :mod:`kmp_analysis.effects`).

    Fewer treated cooperatives than ``min_koperasi_diperlakukan`` give "data belum
    cukup" instead of an estimate; ``bootstrap`` draws (seeded by ``seed``) make the
    clustered intervals; the event study shows ``bulan_pra`` months before the
    effort (also the months of the pre-trend check) and ``bulan_pasca`` after it.
    The names are the keys of a YAML override, under ``efek:``.
    """

    min_koperasi_diperlakukan: int = 20
    bootstrap: int = 999
    seed: int = 2025
    bulan_pra: int = 6
    bulan_pasca: int = 9


@dataclass(frozen=True)
class Config:
    """Everything tunable about an evaluation run.

    Attributes
    ----------
    thresholds
        Of the indicators and classes (DESIGN §4–5).
    indeks
        Goalposts and weights of the two indices, and the quadrant split (§6).
    monte_carlo
        Draws, seed and spreads of the rank uncertainty (§6).
    rekomendasi
        Facilitators to allocate and training class size (§7).
    konsistensi
        When a month's figure is "perlu dicek" (consistency over time, §7b).
    efek
        How effects of support are estimated (§7b).

    Examples
    --------
    >>> from kmp_analysis.config import Config
    >>> config = Config().with_overrides(aktif_partisipasi=0.25)
    >>> config.thresholds.aktif_partisipasi, config.monte_carlo.jumlah_draw
    (0.25, 1000)
    >>> Config.from_dict(config.to_dict()) == config
    True
    """

    thresholds: Thresholds = field(default_factory=Thresholds)
    indeks: IndexSpec = field(default_factory=IndexSpec)
    monte_carlo: MonteCarlo = field(default_factory=MonteCarlo)
    rekomendasi: Recommendations = field(default_factory=Recommendations)
    konsistensi: Consistency = field(default_factory=Consistency)
    efek: EffectSettings = field(default_factory=EffectSettings)

    def to_dict(self) -> dict:
        """The config as the YAML mapping :func:`load_config` reads."""
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict, name: str = "config") -> Config:
        """Inverse of :meth:`to_dict`; also what a YAML file is checked with."""
        return _from_mapping(raw, name)

    def with_overrides(self, **settings: Any) -> Config:
        """This config with some settings replaced, named as in its sections
        (``pendamping=40``, ``aktif_partisipasi=0.25``), as a command-line option
        or a notebook slider gives them; an unknown name is a ``TypeError``.

        Examples
        --------
        >>> Config().with_overrides(pendamping=12).rekomendasi.pendamping
        12
        """
        config = self
        for name, value in settings.items():
            for section in _FLAT_SECTIONS:
                part = getattr(config, section)
                if name in {f.name for f in fields(part)}:
                    config = replace(
                        config, **{section: replace(part, **{name: value})}
                    )
                    break
            else:
                raise TypeError(f"no setting {name!r} in the config")
        return config


def load_config(path: str | Path | None = None) -> Config:
    """The default config, overridden by the YAML file at ``path`` if given.

    Parameters
    ----------
    path
        A YAML file with any of the sections ``thresholds``, ``indeks``,
        ``monte_carlo``, ``rekomendasi``, ``konsistensi``, ``efek``; every setting
        may be left out. None or "": the defaults.

    Returns
    -------
    Config

    Raises
    ------
    ValidationFailed
        Unknown keys and values of the wrong type, reported together, naming the
        file and the key (``thresholds.aktif_partisipasi``).

    Examples
    --------
    >>> from kmp_analysis.config import load_config
    >>> yaml_file = getfixture("tmp_path") / "ambang.yaml"
    >>> _ = yaml_file.write_text("thresholds:\\n  aktif_partisipasi: 0.25\\n")
    >>> config = load_config(yaml_file)
    >>> config.thresholds.aktif_partisipasi, config.thresholds.aktif_bulan_transaksi
    (0.25, 4)
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
    return _from_mapping(raw, name)


_SECTIONS = (
    "thresholds",
    "indeks",
    "monte_carlo",
    "rekomendasi",
    "konsistensi",
    "efek",
)
#: Sections of plain named numbers (``with_overrides`` looks names up in them).
_FLAT_SECTIONS = ("thresholds", "monte_carlo", "rekomendasi", "konsistensi", "efek")


def _from_mapping(raw: object, name: str) -> Config:
    if not isinstance(raw, dict):
        raise ValidationFailed([Problem(name, None, None, "config_not_mapping")])
    problems: list[Problem] = []
    for key in raw:
        if key not in _SECTIONS:
            problems.append(Problem(name, None, str(key), "config_unknown_key"))
    default = Config()
    thresholds = _flat(raw, "thresholds", default.thresholds, name, problems)
    monte_carlo = _flat(raw, "monte_carlo", default.monte_carlo, name, problems)
    rekomendasi = _flat(raw, "rekomendasi", default.rekomendasi, name, problems)
    konsistensi = _flat(raw, "konsistensi", default.konsistensi, name, problems)
    efek = _flat(raw, "efek", default.efek, name, problems)
    indeks = _index(raw.get("indeks"), default.indeks, name, problems)
    if not problems and rekomendasi.ukuran_kelas_pelatihan < 1:
        problems.append(
            Problem(
                name,
                None,
                "rekomendasi.ukuran_kelas_pelatihan",
                "config_bad_value",
                value=rekomendasi.ukuran_kelas_pelatihan,
            )
        )
    if problems:
        raise ValidationFailed(problems)
    return Config(thresholds, indeks, monte_carlo, rekomendasi, konsistensi, efek)


#: Settings that must be 1 or more.
_AT_LEAST_ONE = (
    "window_months",
    "recent_months",
    "jumlah_draw",
    "bulan_acuan",
    "bulan_minimum",
    "rasio",
    "rasio_rentang",
    "min_koperasi_diperlakukan",
    "bootstrap",
    "gelombang_pelatihan",
)


def _number(value: object, wants_int: bool) -> float | int | None:
    """``value`` as a finite non-negative number of the right kind, else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or value < 0:
        return None
    if wants_int:
        return int(value) if float(value).is_integer() else None
    return float(value)


def _flat(raw: dict, section: str, default, name: str, problems: list[Problem]):
    """A section of plain numbers (thresholds, monte_carlo, rekomendasi)."""
    overrides = raw.get(section) or {}
    if not isinstance(overrides, dict):
        problems.append(Problem(name, None, section, "config_not_mapping"))
        return default
    known = {f.name for f in fields(default)}
    clean: dict[str, float | int] = {}
    for key, value in overrides.items():
        if key not in known:
            problems.append(
                Problem(name, None, f"{section}.{key}", "config_unknown_key")
            )
            continue
        number = _number(value, isinstance(getattr(default, key), int))
        if number is None or (key in _AT_LEAST_ONE and number < 1):
            problems.append(
                Problem(name, None, f"{section}.{key}", "config_bad_value", value=value)
            )
            continue
        clean[key] = number
    try:
        return replace(default, **clean)
    except ValueError as exc:
        problems.append(
            Problem(name, None, section, "config_unreadable", detail=str(exc))
        )
        return default


def _index(raw: object, default: IndexSpec, name: str, problems: list[Problem]):
    if raw is None:
        return default
    if not isinstance(raw, dict):
        problems.append(Problem(name, None, "indeks", "config_not_mapping"))
        return default
    parts: dict[str, object] = {}
    for key, value in raw.items():
        where = f"indeks.{key}"
        if key == "batas_kuadran":
            number = _number(value, False)
            if number is None or number > 1:
                problems.append(
                    Problem(name, None, where, "config_bad_value", value=value)
                )
            else:
                parts[key] = number
        elif key in ("output", "outcome"):
            parts[key] = _goalpost_map(value, default.of(key), where, name, problems)
        else:
            problems.append(Problem(name, None, where, "config_unknown_key"))
    return replace(default, **parts)


def _goalpost_map(
    raw: object,
    default: dict[str, Goalpost],
    where: str,
    name: str,
    problems: list[Problem],
) -> dict[str, Goalpost]:
    if not isinstance(raw, dict):
        problems.append(Problem(name, None, where, "config_not_mapping"))
        return default
    result = dict(default)
    for indicator, spec in raw.items():
        at = f"{where}.{indicator}"
        if indicator not in default:
            problems.append(Problem(name, None, at, "config_unknown_key"))
            continue
        if not isinstance(spec, dict):
            problems.append(Problem(name, None, at, "config_not_mapping"))
            continue
        values = asdict(default[indicator])
        for key, value in spec.items():
            if key not in values:
                problems.append(
                    Problem(name, None, f"{at}.{key}", "config_unknown_key")
                )
                continue
            number = _number(value, False)
            if number is None:
                problems.append(
                    Problem(name, None, f"{at}.{key}", "config_bad_value", value=value)
                )
                continue
            values[key] = number
        if values["lo"] == values["hi"]:
            problems.append(
                Problem(
                    name,
                    None,
                    at,
                    "config_bad_value",
                    value=f"lo = hi = {values['lo']}",
                )
            )
            continue
        result[indicator] = Goalpost(**values)
    if sum(g.bobot for g in result.values()) <= 0:
        problems.append(
            Problem(name, None, where, "config_bad_value", value="bobot = 0")
        )
    return result
