"""The geography of a data folder: its own ``wilayah.csv`` (with
``wilayah_kecamatan.geojson`` when present), or else Kukar's reference.

Reading a data folder's file is the reader's work, so it lives here rather than in
:mod:`kmp_analysis.reference`, which holds the geography itself and Kukar's.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kmp_analysis import reference
from kmp_analysis.io.read import read_wilayah
from kmp_analysis.schema import WILAYAH_CSV, WILAYAH_KECAMATAN_GEOJSON


def geography(data: str | Path | None = None) -> reference.Geography:
    """The villages and kecamatan the data at ``data`` lies in.

    Parameters
    ----------
    data
        A data folder; None, a workbook or a folder without ``wilayah.csv``: Kukar.

    Returns
    -------
    Geography
        The folder's own ``wilayah.csv`` (with ``wilayah_kecamatan.geojson`` when
        present), or else Kukar's reference: 20 kecamatan, 237 villages.

    Raises
    ------
    ValidationFailed
        For a ``wilayah.csv`` that cannot be read, naming row and column.

    Examples
    --------
    >>> from kmp_analysis.io import geography
    >>> kukar = geography()
    >>> kukar.regency, len(kukar.kecamatan), len(kukar.villages)
    ('Kutai Kartanegara', 20, 237)
    >>> kukar.resolve("sangasanga"), kukar.name_of("64.02.15")
    ('64.02.15', 'Sanga Sanga')
    """
    if not data:
        return reference.kukar()
    folder = Path(data)
    if not (folder.is_dir() and (folder / WILAYAH_CSV).is_file()):
        return reference.kukar()
    own = folder / WILAYAH_CSV
    stat = own.stat()
    return _own_geography(str(own.resolve()), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=2)
def _own_geography(path: str, size: int, mtime_ns: int) -> reference.Geography:
    """A data folder's geography (cached while ``wilayah.csv`` is unchanged);
    raises :class:`~kmp_analysis.errors.ValidationFailed` for a broken file."""
    own = Path(path)
    frame = read_wilayah(own)
    shapes = own.parent / WILAYAH_KECAMATAN_GEOJSON
    return reference.Geography(frame, shapes if shapes.is_file() else None, None, None)
