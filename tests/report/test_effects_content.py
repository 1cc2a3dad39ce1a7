"""What the summary says about the effects of support, from hand-made estimates."""

from __future__ import annotations

from kmp_analysis.report.effects_content import (
    effect_sentence,
    effect_sentences,
    effect_table,
    effects_workbook,
    p_value,
)


def entry(att=0.04, ci=(0.01, 0.07), **more):
    return {
        "status": "ada",
        "att": att,
        "ci": list(ci),
        "pre_trend_p": 0.62,
        "n_treated": 175,
        "n_control": 157,
        "event_study": [{"e": -1, "att": 0.0, "lo": 0.0, "hi": 0.0}],
        "cek_silang": {"att": 0.05, "ci": [0.02, 0.08]},
        "anggota_median": 80,
        "bulan_setelah": 6,
        **more,
    }


def test_an_effect_in_points_and_members():
    text = effect_sentence("pelatihan", entry(), "id", 20)
    # 4 points of 80 members = 3.2 → about 3 members more each month
    assert text == (
        "Pelatihan dasar: partisipasi naik sekitar 4 poin (1–7) rata-rata dalam 6 "
        "bulan setelah ketua atau separuh pengurusnya lulus pelatihan dasar: "
        "kira-kira 3 anggota lagi bertransaksi di KMP setiap bulan (175 koperasi "
        "yang sudah dilatih dibandingkan dengan 157 yang belum)."
    )


def test_a_fall_is_said_as_a_fall():
    text = effect_sentence("pendampingan", entry(-0.05, (-0.09, -0.01)), "id", 20)
    assert "partisipasi turun sekitar 5 poin (1–9)" in text
    assert "4 anggota lebih sedikit" in text


def test_a_range_across_zero_is_not_yet_conclusive():
    text = effect_sentence("pelatihan", entry(0.011, (-0.02, 0.042)), "id", 20)
    assert text.startswith("Pelatihan dasar: belum dapat disimpulkan.")
    assert "naik 1,1 poin" in text and "(-2 sampai 4 poin) mencakup nol" in text


def test_too_few_and_no_data():
    few = {"status": "data_belum_cukup", "n_treated": 17, "n_control": 220}
    assert effect_sentence("pembiayaan", few, "id", 20) == (
        "Pembiayaan Himbara: data belum cukup. Baru 17 koperasi yang sudah menerima "
        "pembiayaan dengan laporan sebelum dan sesudahnya; perlu paling sedikit 20."
    )
    assert effect_sentence("pendampingan", {}, "id", 20) == (
        "Pendampingan: belum ada data pendampingan."
    )
    assert effect_sentences({}, "en", 20)[0] == "Basic training: no pelatihan data yet."


def test_what_weakens_an_estimate_is_said():
    shaky = entry(pre_trend_p=0.011, cek_silang={"att": 0.12, "ci": [0.1, 0.14]})
    text = effect_sentence("pelatihan", shaky, "id", 20)
    assert "(uji pra-tren: p = 0,011)" in text
    assert "Metode kedua (imputasi) memberi 12 poin, di luar rentang ini" in text
    calm = effect_sentence("pelatihan", entry(), "id", 20)
    assert "pra-tren" not in calm and "Metode kedua" not in calm


def test_english():
    text = effect_sentence("pelatihan", entry(), "en", 20)
    assert text.startswith("Basic training: participation rose by about 4 points (1–7)")


def test_table_and_workbook_rows():
    effects = {
        "pelatihan": {
            "partisipasi": entry(),
            "omzet_per_anggota": entry(2500.0, (-1000.0, 6000.0)),
        }
    }
    table = effect_table(effects, "id")
    assert len(table) == 9
    first = table.iloc[0]
    assert first["perkiraan"] == "4 (1 s.d. 7)" and first["kesimpulan"] == "terlihat"
    assert first["pra_tren_p"] == "0,62"
    rupiah = table.iloc[2]
    assert rupiah["perkiraan"].startswith("Rp 2.500")
    assert rupiah["kesimpulan"] == "belum dapat disimpulkan"
    assert table.iloc[3]["kesimpulan"] == "belum ada data"
    sheets = effects_workbook(effects, "id")
    assert len(sheets["efek"]) == 9 and len(sheets["studi_peristiwa"]) == 2


def test_p_values():
    assert p_value(None, "id") == "–"
    assert p_value(0.5, "en") == "0.5"
