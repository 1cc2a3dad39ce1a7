"""Kukar's real geography: the 20 kecamatan and 237 villages with Kemendagri codes.

Everything joins on codes (``kode_desa`` ``64.02.01.2001``, ``kode_kec`` ``64.02.01``),
never on names: eight village names repeat within Kukar. :func:`resolve_kecamatan`
turns whatever a user types (``Sanga-Sanga``, ``sangasanga``, ``640215``) into a code.

A dataset may bring its own geography instead (the national synthetic data does):
``wilayah.csv`` (one row per village: codes, names and, optionally, ``lon``/``lat``)
and ``wilayah_kecamatan.geojson``, read by :func:`kmp_analysis.io.geography`. Either
is a :class:`Geography`; the module-level functions here are Kukar's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cached_property, lru_cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from kmp_analysis.errors import ReferenceMissing, UnknownKecamatan, UnknownVillage
from kmp_analysis.paths import (
    IDM_CSV,
    IDM_INDICATORS_CSV,
    KECAMATAN_GEOJSON,
    VILLAGES_CSV,
    VILLAGES_GEOJSON,
)

#: Spellings seen in other sources, by normalised key (see data/reference/SOURCES.md).
_KECAMATAN_ALIASES = {
    "semboja": "samboja",
    "sembojabarat": "sambojabarat",
    "kotabangunulu": "kotabangun",
}


@lru_cache(maxsize=1)
def villages() -> pd.DataFrame:
    """The 237 villages (no geometry): codes, names, kecamatan, a point inside."""
    if not VILLAGES_CSV.is_file():
        raise ReferenceMissing("reference_missing", path=VILLAGES_CSV.parent)
    frame = pd.read_csv(
        VILLAGES_CSV,
        dtype={"kode_desa": str, "kode_desa_compact": str, "kode_kec": str},
    )
    return frame


# ------------------------------------------------------------- village context

#: IDM statuses (Kemendes PDTT), lowest first; kelurahan have none by design.
IDM_STATUSES = ("sangat_tertinggal", "tertinggal", "berkembang", "maju", "mandiri")
#: The code every context column carries for a kelurahan: "tidak berlaku (kelurahan)".
NOT_APPLICABLE = "tidak_berlaku"
#: The village-context columns an evaluated cooperative carries (DESIGN §3), codes
#: that :mod:`kmp_analysis.i18n` puts into words.
CONTEXT_COLUMNS = (
    "status_idm",
    "perubahan_idm",
    "bank_bpr",
    "fasilitas_kredit",
    "pasar_permanen",
    "jalan_roda_empat",
    "waktu_ke_faskes",
    "konteks",
)


@lru_cache(maxsize=1)
def village_context() -> pd.DataFrame:
    """Every Kukar village (237 rows, ``kode_desa``) with the context of its desa.

    From the Indeks Desa Membangun (Kemendes PDTT; ``data/reference/idm``), joined on
    the Kemendagri code: ``status_idm`` (2024) and ``perubahan_idm`` since 2023
    (``naik``/``tetap``/``turun``), ``nilai_idm``, and facts from the 2024 indicator
    scores, as codes:

    - ``bank_bpr`` (IKE07 ≥ 3: a bank or BPR in the desa) and ``fasilitas_kredit``
      (IKE08 ≥ 2: at least one kind of credit, KUR/KKPE/KUK): ``ada``/``tidak_ada``;
    - ``pasar_permanen`` (IKE03 ≥ 3): ``ada``/``tidak_ada``;
    - ``jalan_roda_empat`` (IKE11): ``sepanjang_tahun`` (5), ``musiman`` (3: except at
      certain times), ``tidak_bisa`` (1);
    - ``waktu_ke_faskes`` (IKS01, travel time to health care): ``paling_30`` (5),
      ``31_60`` (4), ``lebih_60`` (3 or less);
    - ``konteks``: ``mendukung`` (Mandiri, a bank or credit, a market and a road all
      year), ``sulit`` (Berkembang or lower, or neither bank nor credit, or no road all
      year, or health care more than an hour away), else ``biasa``.

    Kelurahan carry :data:`NOT_APPLICABLE` in every column (never a zero or a gap
    that reads as missing data). This is context, not a cause of a class.
    """
    for path in (IDM_CSV, IDM_INDICATORS_CSV):
        if not path.is_file():
            raise ReferenceMissing("reference_missing", path=path.parent)
    idm = pd.read_csv(IDM_CSV, dtype={"kode_desa": str, "kode_kemendagri": str})
    scores = pd.read_csv(
        IDM_INDICATORS_CSV, dtype={"kode_desa": str, "kode_kemendagri": str}
    )
    desa = idm.merge(
        scores.drop(columns=["kode_desa", "nama_kecamatan", "nama_desa"]),
        on="kode_kemendagri",
        how="left",
        validate="one_to_one",
    ).set_index("kode_kemendagri")

    def code(column: str) -> pd.Series:
        return desa[column].astype(str).str.strip().str.lower().str.replace(" ", "_")

    out = pd.DataFrame(index=desa.index)
    out["status_idm"] = code("status_idm_2024")
    out["perubahan_idm"] = code("perubahan_status")
    out["nilai_idm"] = desa["nilai_idm_2024"].astype("float64")
    out["bank_bpr"] = _yes_no(desa["IKE07_BANK_BPR"] >= 3)
    out["fasilitas_kredit"] = _yes_no(desa["IKE08_KREDIT"] >= 2)
    out["pasar_permanen"] = _yes_no(desa["IKE03_PASAR"] >= 3)
    road = desa["IKE11_KETERBUKAAN_WILAYAH"]
    out["jalan_roda_empat"] = np.select(
        [road >= 5, road >= 3], ["sepanjang_tahun", "musiman"], "tidak_bisa"
    )
    health = desa["IKS01_AKSES_SARKES"]
    out["waktu_ke_faskes"] = np.select(
        [health >= 5, health >= 4], ["paling_30", "31_60"], "lebih_60"
    )
    money = (out["bank_bpr"] == "ada") | (out["fasilitas_kredit"] == "ada")
    all_year = out["jalan_roda_empat"] == "sepanjang_tahun"
    low = out["status_idm"].isin(IDM_STATUSES[:3])
    favourable = (
        (out["status_idm"] == "mandiri")
        & money
        & (out["pasar_permanen"] == "ada")
        & all_year
    )
    hard = low | ~money | ~all_year | (out["waktu_ke_faskes"] == "lebih_60")
    out["konteks"] = np.select([favourable, hard], ["mendukung", "sulit"], "biasa")
    every = villages()[["kode_desa", "jenis"]].set_index("kode_desa")
    context = every.join(out, how="left")
    kelurahan = context["jenis"] == "kelurahan"
    for column in CONTEXT_COLUMNS:
        context[column] = (
            context[column].astype(object).where(~kelurahan, NOT_APPLICABLE)
        )
    return context.drop(columns="jenis").reset_index()


def _yes_no(mask: pd.Series) -> np.ndarray:
    return np.where(mask.fillna(False).to_numpy(dtype=bool), "ada", "tidak_ada")


def village_codes() -> frozenset[str]:
    return frozenset(villages()["kode_desa"])


def kecamatan() -> pd.DataFrame:
    """The 20 kecamatan (no geometry), ordered by code."""
    return kukar().kecamatan


def village_shapes() -> gpd.GeoDataFrame:
    """Village polygons (EPSG:4326) with ``kode_desa``, ``nama_desa``, ``kode_kec``."""
    return _read_shapes(str(VILLAGES_GEOJSON)).copy()


def kecamatan_shapes() -> gpd.GeoDataFrame:
    """Kecamatan polygons (EPSG:4326) with ``kode_kec``, ``nama_kec``."""
    return _read_shapes(str(KECAMATAN_GEOJSON)).copy()


@lru_cache(maxsize=2)
def _read_shapes(path: str) -> gpd.GeoDataFrame:
    return gpd.read_file(path)


def name_key(name: str) -> str:
    """A spelling-insensitive key: lower case, ASCII letters and digits only.

    Examples
    --------
    >>> name_key("Sanga-Sanga") == name_key("sangasanga") == name_key("Sanga Sanga")
    True
    >>> name_key("Kec. Marang Kayu")
    'marangkayu'
    """
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    text = text.lower().strip()
    text = re.sub(r"^(kecamatan|kec\.?)\s*", "", text)
    key = re.sub(r"[^a-z0-9]", "", text)
    return _KECAMATAN_ALIASES.get(key, key)


def village_key(name: str) -> str:
    """A spelling-insensitive key of a village name, without ``Desa``/``Kel.``.

    Examples
    --------
    >>> village_key("Kel. Sanga-Sanga Dalam") == village_key("sangasanga dalam")
    True
    >>> village_key("Desa  Bukit Raya")
    'bukitraya'
    """
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    text = text.lower().strip()
    text = re.sub(r"^(desa|ds\.?|kelurahan|kel\.?)(\s+|(?<=\.))", "", text)
    return re.sub(r"[^a-z0-9]", "", text)


def slugify(name: str) -> str:
    """A file-name-safe slug: ``Sanga Sanga`` -> ``sanga-sanga``."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "tanpa-nama"


def kecamatan_dir_name(kode_kec: str) -> str:
    """``64.02.15-sanga-sanga``: the folder of one kecamatan's brief."""
    return kukar().dir_name(kode_kec)


def resolve_kecamatan(value: str) -> str:
    """The ``kode_kec`` of a Kukar kecamatan given by code or by name, any common
    spelling.

    Examples
    --------
    >>> resolve_kecamatan("Sangasanga")
    '64.02.15'
    >>> resolve_kecamatan("640206")
    '64.02.06'
    """
    return kukar().resolve(value)


def resolve_many(values: Iterable[str]) -> tuple[list[str], list[UnknownKecamatan]]:
    """Codes for every value that resolves (order kept, no repeats) and the failures."""
    return kukar().resolve_many(values)


class Geography:
    """The villages and kecamatan a dataset lies in, with their shapes where known.

    ``villages`` has ``kode_desa``, ``nama_desa``, ``kode_kec``, ``nama_kec`` and,
    where known, ``lon``/``lat`` of a point inside each village. ``name`` is what a
    locator map calls the whole area (``Kukar``) and ``regency`` its full name
    (``Kutai Kartanegara``, the title of a regency summary); both are None for a
    geography that spans several regencies, where the locator shows the kecamatan's
    own regency (the first two parts of its code).
    """

    def __init__(
        self,
        villages: pd.DataFrame,
        kecamatan_geojson: Path | None = None,
        villages_geojson: Path | None = None,
        name: str | None = None,
        regency: str | None = None,
    ) -> None:
        self.villages = villages
        self.kecamatan_geojson = kecamatan_geojson
        self.villages_geojson = villages_geojson
        self.name = name
        self.regency = regency

    @cached_property
    def kecamatan(self) -> pd.DataFrame:
        """One row per kecamatan, ordered by code: code, name, number of villages."""
        return (
            self.villages.groupby(["kode_kec", "nama_kec"], as_index=False)
            .agg(n_desa_kel=("kode_desa", "size"))
            .sort_values("kode_kec", ignore_index=True)
        )

    @cached_property
    def _names(self) -> dict[str, str]:
        table = self.kecamatan
        return dict(zip(table["kode_kec"], table["nama_kec"], strict=True))

    @cached_property
    def _by_key(self) -> dict[str, list[str]]:
        by_key: dict[str, list[str]] = {}
        for code, name in self._names.items():
            by_key.setdefault(name_key(name), []).append(code)
        return by_key

    def name_of(self, kode_kec: str) -> str:
        return self._names[kode_kec]

    def dir_name(self, kode_kec: str) -> str:
        """``64.02.15-sanga-sanga``: the folder of one kecamatan's brief."""
        return f"{kode_kec}-{slugify(self._names[kode_kec])}"

    def resolve(self, value: str) -> str:
        """The ``kode_kec`` of a kecamatan given by code or by name, any common
        spelling; a name that several kecamatan carry must be given by code."""
        text = str(value).strip()
        if text in self._names:
            return text
        digits = re.sub(r"\D", "", text)
        if re.fullmatch(r"[\d.\s]+", text) and len(digits) == 6:
            dotted = f"{digits[:2]}.{digits[2:4]}.{digits[4:]}"
            if dotted in self._names:
                return dotted
        key = name_key(text)
        found = self._by_key.get(key, [])
        if len(found) == 1:
            return found[0]
        if found:  # a repeated name: the codes tell them apart
            raise UnknownKecamatan(text, [f"{self._names[c]} ({c})" for c in found])
        raise UnknownKecamatan(text, _closest(key, self._by_key, self._names))

    def resolve_many(
        self, values: Iterable[str]
    ) -> tuple[list[str], list[UnknownKecamatan]]:
        """Codes for every value that resolves (order kept, no repeats) and the
        failures."""
        codes: list[str] = []
        errors: list[UnknownKecamatan] = []
        for value in values:
            try:
                code = self.resolve(value)
            except UnknownKecamatan as exc:
                errors.append(exc)
                continue
            if code not in codes:
                codes.append(code)
        return codes, errors

    @cached_property
    def _villages_by_key(self) -> dict[str, list[int]]:
        by_key: dict[str, list[int]] = {}
        for position, name in enumerate(self.villages["nama_desa"]):
            by_key.setdefault(village_key(name), []).append(position)
        return by_key

    def resolve_village(self, name: str, kecamatan: str | None = None) -> str:
        """The ``kode_desa`` of a village given by name (any case, spacing or
        hyphenation, with or without ``Desa``/``Kel.``), within ``kecamatan``
        (name or code) when given.

        Raises :class:`UnknownVillage` for a name no village has (with the closest
        official names) and for a name several kecamatan have when ``kecamatan``
        is not given (listing them); an unknown ``kecamatan`` raises
        :class:`UnknownKecamatan`.
        """
        v = self.villages
        key = village_key(name)
        kode_kec = self.resolve(kecamatan) if kecamatan else None

        def inside(i: int) -> bool:
            return kode_kec is None or v["kode_kec"].iat[i] == kode_kec

        found = [i for i in self._villages_by_key.get(key, []) if inside(i)]
        pool = [
            k
            for k, positions in self._villages_by_key.items()
            if any(inside(i) for i in positions)
        ]
        if len(found) == 1:
            return str(v["kode_desa"].iat[found[0]])
        if found:
            names = sorted({str(v["nama_kec"].iat[i]) for i in found})
            raise UnknownVillage(str(name).strip(), [], names)
        import difflib

        hits = difflib.get_close_matches(key, pool, n=3, cutoff=0.6)
        suggestions = []
        for hit in hits:
            for i in filter(inside, self._villages_by_key[hit]):
                label = f"{v['nama_desa'].iat[i]} ({v['nama_kec'].iat[i]})"
                if label not in suggestions:
                    suggestions.append(label)
        raise UnknownVillage(str(name).strip(), suggestions[:3])

    def kecamatan_shapes(self) -> gpd.GeoDataFrame | None:
        """Kecamatan polygons (EPSG:4326) with ``kode_kec``, ``nama_kec``."""
        if self.kecamatan_geojson is None:
            return None
        return _read_shapes(str(self.kecamatan_geojson)).copy()

    def village_shapes(self) -> gpd.GeoDataFrame | None:
        """Village polygons with ``kode_desa``, ``nama_desa``, ``kode_kec``."""
        if self.villages_geojson is None:
            return None
        return _read_shapes(str(self.villages_geojson)).copy()

    def area_name(self, kode_kec: str) -> str:
        """What the locator map of ``kode_kec`` is titled."""
        return self.name or f"Kab. {kode_kec.rsplit('.', 1)[0]}"

    def same_area(self, codes: pd.Series, kode_kec: str) -> pd.Series:
        """Which of ``codes`` the locator of ``kode_kec`` shows (all or its regency)."""
        if self.name is not None:
            return pd.Series(True, index=codes.index)
        return codes.str.startswith(kode_kec.rsplit(".", 1)[0] + ".")


@lru_cache(maxsize=1)
def kukar() -> Geography:
    """Kukar's reference geography (data/reference)."""
    return Geography(
        villages(), KECAMATAN_GEOJSON, VILLAGES_GEOJSON, "Kukar", "Kutai Kartanegara"
    )


def _closest(
    key: str, by_key: dict[str, list[str]], names: dict[str, str]
) -> list[str]:
    import difflib

    hits = difflib.get_close_matches(key, list(by_key), n=3, cutoff=0.5)
    return [names[code] for hit in hits for code in by_key[hit]][:3]
