"""The tercile-stability figure says what the Monte Carlo found."""

from __future__ import annotations

import numpy as np
from test_index import SPEC, regency

from kmp_analysis.config import MonteCarlo
from kmp_analysis.index import rank_uncertainty
from kmp_analysis.report.charts import tercile_shares, tercile_stability


def test_tercile_shares_sum_to_one_and_match_the_table():
    result = rank_uncertainty(regency(n_kec=9), SPEC, MonteCarlo(jumlah_draw=400))
    shares = tercile_shares(result)
    assert np.allclose(shares.sum(axis=1), 1.0)
    point = result.table["tersil"].to_numpy()
    stays = shares[np.arange(len(point)), point - 1]
    assert np.allclose(1 - stays, result.table["pindah_tersil"].to_numpy())


def test_title_counts_the_kecamatan_that_move():
    result = rank_uncertainty(regency(n_kec=9), SPEC, MonteCarlo(jumlah_draw=400))
    moving = int((result.table["pindah_tersil"] >= 0.10).sum())
    fig = tercile_stability(result, lang="en")
    title = fig.axes[0].get_title(loc="left")
    assert f"{moving} of 9 kecamatan change tercile" in title
    fixed = MonteCarlo(jumlah_draw=10, sebaran_goalpost=0, konsentrasi_bobot=0)
    still = tercile_stability(rank_uncertainty(regency(n_kec=9), SPEC, fixed))
    assert "0 dari 9 kecamatan pindah tersil" in still.axes[0].get_title(loc="left")


def test_count_of_kecamatan_changing_tercile():
    result = rank_uncertainty(regency(n_kec=9), SPEC, MonteCarlo(jumlah_draw=400))
    assert result.n_changing_tercile == int((result.table["pindah_tersil"] > 0).sum())
