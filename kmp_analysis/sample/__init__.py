"""Synthetic data: the workbench's shipped sample and a national-size benchmark.

- :mod:`~kmp_analysis.sample.kukar`: activity over Kukar's 237 real villages, month by
  month from June 2025 to October 2026 (the shipped ``data/sample``,
  ``kmp sample-data``); :func:`sample_plan` says what it planted;
- :mod:`~kmp_analysis.sample.nasional`: ~80,000 cooperatives in ~7,000 kecamatan on
  a synthetic grid, for speed benchmarks (``kmp sample-data --scale nasional``).

Both follow the same generative model (a latent archetype per cooperative that the
rules of DESIGN §5 classify back at the last month; the Kukar sample also plants a
trajectory through every earlier month) and write CSV folders that ``kmp validate``
accepts. This package depends on the core only (the tables' schema, the class
names), never on the
readers or the reports.
"""

from kmp_analysis.sample.kukar import (
    load_villages,
    make_sample,
    sample_plan,
    write_sample,
)
from kmp_analysis.sample.nasional import (
    kecamatan_geojson,
    make_national,
    write_national,
)

__all__ = [
    "kecamatan_geojson",
    "load_villages",
    "make_national",
    "make_sample",
    "sample_plan",
    "write_national",
    "write_sample",
]
