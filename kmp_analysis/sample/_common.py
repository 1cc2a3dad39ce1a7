"""What the two synthetic generators share: the archetypes, the units and BUMDes
they draw, rupiah rounding and the metadata file that marks data as synthetic."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from kmp_analysis.safeio import atomic_write_text
from kmp_analysis.schema import METADATA_FILE

#: Latent archetype of a cooperative; the rules of DESIGN §5 classify it back as
#: Tidak bergerak, Administratif, Aktif, Berdampak.
ARCHETYPES = ("dormant", "formal", "active", "impactful")
DORMANT, FORMAL, ACTIVE, IMPACTFUL = range(4)
YES, NO = "ya", "tidak"
#: Chance that a cooperative lists each unit beyond kantor and sembako at all.
EXTRA_UNIT_ROW_P = {
    "simpan_pinjam": 0.45,
    "klinik": 0.25,
    "apotek": 0.3,
    "gudang": 0.3,
    "logistik": 0.2,
    "usaha_lokal": 0.45,
}
#: Units a BUMDes may run that a KMP runs too (an overlap, DESIGN §7).
BUMDES_UNITS = ("sembako", "simpan_pinjam", "usaha_lokal", "logistik", "gudang")
#: Other BUMDes businesses, written as free text.
BUMDES_TEXT = (
    "air bersih",
    "wisata desa",
    "pengelolaan sampah",
    "sewa alat pertanian",
    "BRILink",
    "pasar desa",
    "penggilingan padi",
    "peternakan ayam petelur",
    "perikanan",
    "sewa tenda",
    "pangkalan LPG",
    "jasa pembayaran listrik",
)


def round_k(x: np.ndarray | float) -> np.ndarray:
    """Round rupiah to whole thousands, as bookkeeping does.

    Examples
    --------
    >>> round_k([1499, 1500.5, 260_400]).tolist()
    [1000.0, 2000.0, 260000.0]
    """
    return np.round(np.asarray(x, float) / 1000.0) * 1000.0


def write_metadata(out: Path, fields: dict[str, Any]) -> None:
    """``metadata.json`` marking the data in ``out`` as synthetic (``sintetis``),
    which every brief made from it then says on its first page."""
    metadata = {"sintetis": True, **fields}
    atomic_write_text(
        out / METADATA_FILE, json.dumps(metadata, ensure_ascii=False, indent=2) + "\n"
    )
