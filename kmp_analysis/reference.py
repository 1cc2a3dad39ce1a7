"""Kukar's real geography: the 20 kecamatan and 237 villages with Kemendagri codes.

Everything joins on codes (``kode_desa`` ``64.02.01.2001``, ``kode_kec`` ``64.02.01``),
never on names: eight village names repeat within Kukar. :func:`resolve_kecamatan`
turns whatever a user types (``Sanga-Sanga``, ``sangasanga``, ``640215``) into a code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import geopandas as gpd
import pandas as pd

from kmp_analysis.config import KECAMATAN_GEOJSON, REFERENCE_DIR, VILLAGES_GEOJSON

VILLAGES_CSV = REFERENCE_DIR / "kukar_desa_kelurahan.csv"

#: Spellings seen in other sources, by normalised key (see data/reference/SOURCES.md).
_KECAMATAN_ALIASES = {
    "semboja": "samboja",
    "sembojabarat": "sambojabarat",
    "kotabangunulu": "kotabangun",
}


@lru_cache(maxsize=1)
def villages() -> pd.DataFrame:
    """The 237 villages (no geometry): codes, names, kecamatan, a point inside."""
    frame = pd.read_csv(
        VILLAGES_CSV,
        dtype={"kode_desa": str, "kode_desa_compact": str, "kode_kec": str},
    )
    return frame


def village_codes() -> frozenset[str]:
    return frozenset(villages()["kode_desa"])


@lru_cache(maxsize=1)
def kecamatan() -> pd.DataFrame:
    """The 20 kecamatan (no geometry), ordered by code."""
    v = villages()
    return (
        v.groupby(["kode_kec", "nama_kec"], as_index=False)
        .agg(n_desa_kel=("kode_desa", "size"))
        .sort_values("kode_kec", ignore_index=True)
    )


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


def slugify(name: str) -> str:
    """A file-name-safe slug: ``Sanga Sanga`` -> ``sanga-sanga``."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "tanpa-nama"


def kecamatan_dir_name(kode_kec: str) -> str:
    """``64.02.15-sanga-sanga``: the folder of one kecamatan's brief."""
    names = dict(zip(kecamatan()["kode_kec"], kecamatan()["nama_kec"], strict=True))
    return f"{kode_kec}-{slugify(names[kode_kec])}"


class UnknownKecamatan(ValueError):
    """A kecamatan name or code that matches none of the 20."""

    def __init__(self, given: str, suggestions: list[str]) -> None:
        super().__init__(given)
        self.given = given
        self.suggestions = suggestions


def resolve_kecamatan(value: str) -> str:
    """The ``kode_kec`` of a kecamatan given by code or by name, any common spelling.

    Examples
    --------
    >>> resolve_kecamatan("Sangasanga")
    '64.02.15'
    >>> resolve_kecamatan("640206")
    '64.02.06'
    """
    table = kecamatan()
    text = str(value).strip()
    codes = set(table["kode_kec"])
    if text in codes:
        return text
    digits = re.sub(r"\D", "", text)
    if re.fullmatch(r"[\d.\s]+", text) and len(digits) == 6:
        dotted = f"{digits[:2]}.{digits[2:4]}.{digits[4:]}"
        if dotted in codes:
            return dotted
    by_key = {
        name_key(n): k
        for k, n in zip(table["kode_kec"], table["nama_kec"], strict=True)
    }
    key = name_key(text)
    if key in by_key:
        return by_key[key]
    raise UnknownKecamatan(text, _closest(key, by_key, table))


def resolve_many(values: Iterable[str]) -> tuple[list[str], list[UnknownKecamatan]]:
    """Codes for every value that resolves (order kept, no repeats) and the failures."""
    codes: list[str] = []
    errors: list[UnknownKecamatan] = []
    for value in values:
        try:
            code = resolve_kecamatan(value)
        except UnknownKecamatan as exc:
            errors.append(exc)
            continue
        if code not in codes:
            codes.append(code)
    return codes, errors


def _closest(key: str, by_key: dict[str, str], table: pd.DataFrame) -> list[str]:
    import difflib

    names = dict(zip(table["kode_kec"], table["nama_kec"], strict=True))
    hits = difflib.get_close_matches(key, list(by_key), n=3, cutoff=0.5)
    return [names[by_key[h]] for h in hits]
