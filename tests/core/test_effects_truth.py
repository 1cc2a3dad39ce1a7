"""The effect estimator against a truth planted in the sample (issue 15).

``kmp sample-data --efek-pelatihan X`` plants a training effect of X on monthly
participation; the estimate's 95% interval must contain X, and exclude zero where
X = 0.05 (with several samples side by side: one regency's 237 cooperatives cannot
tell 5 points from noise reliably: the interval excludes zero a third of the time,
with four side by side 88% of the time, see ``benchmarks/bench_effects.py``), and
contain zero where nothing was planted. Here six samples lie side by side.
"""

from __future__ import annotations

import pytest

from kmp_analysis.config import Config
from kmp_analysis.effects import adoption, estimate, outcome_panel
from kmp_analysis.io import read_dataset
from kmp_analysis.sample import write_sample
from kmp_analysis.sample.kukar import load_villages
from kmp_analysis.sample.planted import planted, pooled

SETTINGS = Config().with_overrides(bootstrap=199).efek
#: Six samples side by side: 120 kecamatan, 1,422 cooperatives.
REGENCIES = (21, 22, 23, 24, 25, 26)


@pytest.fixture(scope="module")
def villages():
    return load_villages()


def _training_effect(sample) -> tuple[float, tuple[float, float]]:
    panel = outcome_panel(sample.tables["laporan_bulanan"], sample.places)
    first = adoption(sample.tables, "pelatihan")
    found = estimate(panel, first, "partisipasi", "pelatihan", SETTINGS)
    assert found.estimated, found.status
    return found.att, found.ci


@pytest.mark.parametrize("effect", [0.05, 0.0])
def test_the_written_sample_with_a_planted_effect(tmp_path, effect):
    """As a planner meets it: the sample written, read and estimated whole."""
    write_sample(tmp_path, seed=11, efek_pelatihan=effect)
    dataset = read_dataset(tmp_path)
    panel = outcome_panel(dataset["laporan_bulanan"], dataset.places())
    found = {
        effort: estimate(
            panel, adoption(dataset.tables, effort), "partisipasi", effort, SETTINGS
        )
        for effort in ("pelatihan", "pendampingan", "pembiayaan")
    }
    training = found["pelatihan"]
    assert training.estimated
    lo, hi = training.ci
    assert lo <= effect <= hi
    if effect == 0.0:
        assert not training.conclusive
    # the other efforts had nothing planted
    for effort in ("pendampingan", "pembiayaan"):
        other = found[effort]
        assert other.estimated and other.ci[0] <= 0 <= other.ci[1]


def test_six_regencies_recover_five_points(villages):
    region = pooled((s, planted(s, villages, efek_pelatihan=0.05)) for s in REGENCIES)
    att, (lo, hi) = _training_effect(region)
    assert lo <= 0.05 <= hi
    assert lo > 0  # an effect, not noise
    assert abs(att - 0.05) < 0.03


def test_six_regencies_find_nothing_where_nothing_was_planted(villages):
    region = pooled((s, planted(s, villages, efek_pelatihan=0.0)) for s in REGENCIES)
    _, (lo, hi) = _training_effect(region)
    assert lo <= 0 <= hi
