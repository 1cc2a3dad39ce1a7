"""Every word a planner reads, in Bahasa Indonesia (default) and English.

Two tables: :data:`MESSAGES` for problems in the input (``file:row:column: message``)
and :data:`LABELS` for everything in briefs and exported tables. Code never writes
user-facing text inline; it asks :func:`message` or :func:`label`.
"""

from __future__ import annotations

LANGS = ("id", "en")

MESSAGES: dict[str, dict[str, str]] = {
    "path_not_found": {
        "id": "data tidak ditemukan (harus folder CSV atau file .xlsx)",
        "en": "data not found (must be a CSV folder or an .xlsx file)",
    },
    "path_not_supported": {
        "id": "bukan folder CSV atau file .xlsx",
        "en": "not a CSV folder or an .xlsx file",
    },
    "file_not_found": {"id": "file tidak ditemukan", "en": "file not found"},
    "table_missing": {
        "id": "file tabel '{table}' tidak ada di folder",
        "en": "the file of table '{table}' is missing from the folder",
    },
    "sheet_missing": {
        "id": "sheet '{table}' tidak ada di workbook",
        "en": "sheet '{table}' is missing from the workbook",
    },
    "file_not_text": {
        "id": "bukan file teks CSV (isi biner)",
        "en": "not a CSV text file (binary content)",
    },
    "file_unreadable": {
        "id": "file tidak dapat dibaca ({detail})",
        "en": "file cannot be read ({detail})",
    },
    "metadata_unreadable": {
        "id": "metadata.json tidak dapat dibaca (bukan JSON yang sah)",
        "en": "metadata.json cannot be read (not valid JSON)",
    },
    "column_repeated": {
        "id": "kolom ini muncul lebih dari sekali di baris judul",
        "en": "this column appears more than once in the header row",
    },
    "no_header": {
        "id": "file kosong atau tanpa baris judul",
        "en": "empty file or no header row",
    },
    "too_many_fields": {
        "id": "baris ini berisi {got} kolom, baris judul hanya {n} "
        "(cek pemisah , atau ;)",
        "en": "this row has {got} fields but the header only {n} (check the , or ; "
        "separator)",
    },
    "column_missing": {
        "id": "kolom wajib tidak ada di baris judul",
        "en": "required column is missing from the header row",
    },
    "empty": {"id": "wajib diisi, tetapi kosong", "en": "required, but empty"},
    "not_a_number": {
        "id": "'{value}' bukan angka",
        "en": "'{value}' is not a number",
    },
    "not_integer": {
        "id": "'{value}' bukan bilangan bulat",
        "en": "'{value}' is not a whole number",
    },
    "negative": {
        "id": "nilai negatif ({value}) tidak boleh",
        "en": "negative value ({value}) is not allowed",
    },
    "bad_date": {
        "id": "'{value}' bukan tanggal (pakai dd/mm/yyyy atau yyyy-mm-dd)",
        "en": "'{value}' is not a date (use dd/mm/yyyy or yyyy-mm-dd)",
    },
    "bad_month": {
        "id": "'{value}' bukan bulan dengan format YYYY-MM (mis. 2026-03)",
        "en": "'{value}' is not a month in the form YYYY-MM (e.g. 2026-03)",
    },
    "bad_yesno": {
        "id": "'{value}' harus 'ya' atau 'tidak'",
        "en": "'{value}' must be 'ya' (yes) or 'tidak' (no)",
    },
    "not_in_choices": {
        "id": "'{value}' tidak dikenal; pilihan: {choices}",
        "en": "'{value}' is not known; choices: {choices}",
    },
    "unknown_desa": {
        "id": "kode desa '{value}' tidak ada di daftar resmi Kemendagri untuk Kukar",
        "en": "village code '{value}' is not in Kemendagri's official list for Kukar",
    },
    "unknown_koperasi": {
        "id": "koperasi_id '{value}' tidak ada di tabel koperasi",
        "en": "koperasi_id '{value}' is not in the koperasi table",
    },
    "duplicate_key": {
        "id": "baris ganda: {key} sudah ada di baris sebelumnya",
        "en": "duplicate row: {key} already appears on an earlier row",
    },
    "aktif_gt_terdaftar": {
        "id": "anggota_aktif ({aktif}) lebih besar dari anggota_terdaftar "
        "({terdaftar})",
        "en": "anggota_aktif ({aktif}) is larger than anggota_terdaftar ({terdaftar})",
    },
    "tunggak_gt_beredar": {
        "id": "pinjaman_tunggak_30 ({tunggak}) lebih besar dari pinjaman_beredar "
        "({beredar})",
        "en": "pinjaman_tunggak_30 ({tunggak}) is larger than pinjaman_beredar "
        "({beredar})",
    },
    "rat_needs_tahun_buku": {
        "id": "rapat jenis 'rat' wajib mengisi tahun_buku",
        "en": "a meeting of type 'rat' needs tahun_buku",
    },
    "data_valid": {
        "id": "Data valid: {path} ({counts} baris).",
        "en": "Data valid: {path} ({counts} rows).",
    },
    "out_suffix": {
        "id": "--out harus berakhiran .csv atau .xlsx",
        "en": "--out must end in .csv or .xlsx",
    },
    "evaluate_done": {
        "id": "{n} koperasi, periode {period}: {summary} -> {out}",
        "en": "{n} cooperatives, period {period}: {summary} -> {out}",
    },
    "briefs_done": {
        "id": "{ok} brief ditulis, {failed} gagal, {seconds:.0f} detik -> {index}",
        "en": "{ok} briefs written, {failed} failed, {seconds:.0f} s -> {index}",
    },
    "brief_failed": {
        "id": "  gagal: {nama} ({kode}): {error}",
        "en": "  failed: {nama} ({kode}): {error}",
    },
    "unknown_kecamatan": {
        "id": "--kecamatan: '{given}' tidak dikenal",
        "en": "--kecamatan: '{given}' is not known",
    },
    "did_you_mean": {"id": "; maksud Anda: {names}?", "en": "; did you mean: {names}?"},
    "notebook_missing": {
        "id": "--notebook: file tidak ditemukan: {path}",
        "en": "--notebook: file not found: {path}",
    },
    "sample_written": {
        "id": "Data contoh (sintetis, seed {seed}) ditulis ke {path}: {rows}",
        "en": "Synthetic sample (seed {seed}) written to {path}: {rows}",
    },
    "interrupted": {"id": "Dihentikan.", "en": "Interrupted."},
    "unexpected": {
        "id": "Kesalahan tak terduga: {error} (jalankan lagi dengan KMP_DEBUG=1 untuk "
        "detail)",
        "en": "Unexpected error: {error} (run again with KMP_DEBUG=1 for details)",
    },
    "summary_problems": {
        "id": "{n} masalah ditemukan; perbaiki lalu jalankan lagi.",
        "en": "{n} problem(s) found; fix them and run again.",
    },
    "config_unreadable": {
        "id": "file konfigurasi tidak dapat dibaca ({detail})",
        "en": "config file cannot be read ({detail})",
    },
    "config_not_mapping": {
        "id": "harus berisi pasangan nama: nilai",
        "en": "must hold name: value pairs",
    },
    "config_unknown_key": {
        "id": "nama pengaturan tidak dikenal",
        "en": "unknown setting",
    },
    "config_bad_value": {
        "id": "nilai '{value}' tidak sah (harus angka tidak negatif)",
        "en": "value '{value}' is not valid (must be a non-negative number)",
    },
    "period_bad": {
        "id": "periode '{value}' harus berformat YYYY-MM",
        "en": "period '{value}' must be in the form YYYY-MM",
    },
    "period_no_data": {
        "id": "tidak ada laporan bulanan, periode tidak dapat ditentukan",
        "en": "there are no monthly reports, so no period can be chosen",
    },
}


#: Labels in briefs and exported tables.
LABELS: dict[str, dict[str, str]] = {
    # classes
    "tidak_bergerak": {"id": "Tidak bergerak", "en": "Dormant"},
    "administratif": {"id": "Administratif", "en": "Formal only"},
    "aktif": {"id": "Aktif", "en": "Active"},
    "berdampak": {"id": "Berdampak", "en": "Impactful"},
    "tanpa_data": {"id": "Tanpa data", "en": "No data"},
    # columns
    "koperasi_id": {"id": "ID koperasi", "en": "Cooperative ID"},
    "nama_koperasi": {"id": "Nama koperasi", "en": "Cooperative"},
    "nama_desa": {"id": "Desa/kelurahan", "en": "Village"},
    "kelas": {"id": "Kelas", "en": "Class"},
    "alasan": {"id": "Alasan", "en": "Reasons"},
    "berisiko": {"id": "Berisiko", "en": "At risk"},
    "alasan_risiko": {"id": "Alasan risiko", "en": "Risk reasons"},
    "bulan_transaksi": {"id": "Bulan bertransaksi (6)", "en": "Months trading (6)"},
    "partisipasi": {"id": "Partisipasi anggota", "en": "Member participation"},
    "unit_beroperasi": {"id": "Unit beroperasi", "en": "Units operating"},
    "kemandirian": {"id": "Kemandirian", "en": "Self-sufficiency"},
    "manfaat": {"id": "Manfaat", "en": "Benefits"},
    "ya": {"id": "ya", "en": "yes"},
    "tidak": {"id": "tidak", "en": "no"},
    # brief
    "brief_title": {
        "id": "Brief evaluasi KMP — Kecamatan {nama}",
        "en": "KMP evaluation brief — Kecamatan {nama}",
    },
    "brief_subtitle": {
        "id": "Kabupaten Kutai Kartanegara · periode {period} (jendela {start}–{end})",
        "en": "Kutai Kartanegara Regency · period {period} (window {start}–{end})",
    },
    "synthetic_notice": {
        "id": "DATA SINTETIS — angka dalam brief ini berasal dari data contoh buatan, "
        "bukan data koperasi yang sebenarnya. Jangan dipakai untuk keputusan.",
        "en": "SYNTHETIC DATA — the figures in this brief come from made-up sample "
        "data, not from real cooperatives. Do not use them for decisions.",
    },
    "headline_koperasi": {"id": "Koperasi", "en": "Cooperatives"},
    "headline_berisiko": {"id": "Berisiko", "en": "At risk"},
    "headline_lapor": {
        "id": "Melapor bulan terakhir",
        "en": "Reported in the last month",
    },
    "map_title": {
        "id": "Kelas KMP per desa/kelurahan",
        "en": "KMP class per village",
    },
    "section_headline": {"id": "Ringkasan", "en": "Summary"},
    "section_map": {"id": "Peta", "en": "Map"},
    "section_table": {"id": "Daftar koperasi", "en": "Cooperatives"},
    "sentence_active": {
        "id": "Dari {n} KMP di Kecamatan {nama}, {n_aktif} ({pct_aktif}) aktif atau "
        "berdampak; di seluruh kabupaten {pct_aktif_kab}.",
        "en": "Of the {n} KMP in Kecamatan {nama}, {n_aktif} ({pct_aktif}) are active "
        "or impactful; across the regency {pct_aktif_kab}.",
    },
    "sentence_dormant": {
        "id": "{n_tb} KMP ({pct_tb}) tidak bergerak: tidak ada transaksi dalam "
        "{recent} bulan terakhir (kabupaten {pct_tb_kab}).",
        "en": "{n_tb} KMP ({pct_tb}) are dormant: no transactions in the last "
        "{recent} months (regency {pct_tb_kab}).",
    },
    "sentence_risk": {
        "id": "{n_risk} KMP berisiko (tunggakan pinjaman, laporan basi atau pengurus "
        "tidak lengkap); {n_lapor} dari {n} melapor untuk {period}.",
        "en": "{n_risk} KMP are at risk (loan arrears, stale reports or an incomplete "
        "board); {n_lapor} of {n} reported for {period}.",
    },
    "sentence_none": {
        "id": "Tidak ada data KMP untuk Kecamatan {nama}.",
        "en": "There is no KMP data for Kecamatan {nama}.",
    },
    "provenance": {
        "id": "Sumber data: {source} · periode {period} · kmp-analysis {version}",
        "en": "Data source: {source} · period {period} · kmp-analysis {version}",
    },
    "tercile_title": {
        "id": "Kestabilan peringkat Indeks {index}: {n} dari {total} kecamatan pindah "
        "tersil di ≥ {pct}% draw ({draws} draw)",
        "en": "Rank stability of the {index} index: {n} of {total} kecamatan change "
        "tercile in ≥ {pct}% of draws ({draws} draws)",
    },
    "tercile_top": {"id": "Tersil atas", "en": "Top third"},
    "tercile_middle": {"id": "Tersil tengah", "en": "Middle third"},
    "tercile_bottom": {"id": "Tersil bawah", "en": "Bottom third"},
    "share_of_draws": {"id": "Pangsa draw", "en": "Share of draws"},
    "index_output": {"id": "Output", "en": "Output"},
    "index_outcome": {"id": "Outcome", "en": "Outcome"},
    "berkinerja": {"id": "Berkinerja", "en": "Performing"},
    "formalitas": {"id": "Formalitas", "en": "Formality"},
    "informal": {"id": "Bergerak tanpa administrasi", "en": "Informal performer"},
    "tertinggal": {"id": "Tertinggal", "en": "Lagging"},
    "section_method": {"id": "Metode dan sumber", "en": "Method and provenance"},
    "prov_method": {
        "id": "Kelas, indeks dan rekomendasi dihitung oleh kmp-analysis sesuai "
        "DESIGN §4–7: jendela 6 bulan yang berakhir pada periode, ambang batas dan "
        "goalpost dari konfigurasi, peringkat dengan simulasi Monte Carlo.",
        "en": "Classes, indices and recommendations are computed by kmp-analysis as "
        "in DESIGN §4–7: a 6-month window ending at the period, thresholds and "
        "goalposts from the configuration, ranks with a Monte Carlo simulation.",
    },
    "prov_source": {"id": "Sumber data", "en": "Data source"},
    "prov_period": {"id": "Periode (jendela)", "en": "Period (window)"},
    "prov_files": {"id": "Berkas masukan", "en": "Input files"},
    "prov_parameters": {"id": "Parameter", "en": "Parameters"},
    "prov_version": {"id": "Versi perangkat lunak", "en": "Software version"},
    "prov_commit": {"id": "Commit git", "en": "Git commit"},
    "prov_no_commit": {
        "id": "tidak ada (bukan checkout git)",
        "en": "none (not a git checkout)",
    },
    "index_title": {
        "id": "Brief evaluasi KMP Kukar — periode {period}",
        "en": "Kukar KMP evaluation briefs — period {period}",
    },
    "kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "status": {"id": "Status", "en": "Status"},
    "brief": {"id": "Brief", "en": "Brief"},
    "duration": {"id": "Durasi (detik)", "en": "Duration (s)"},
    "status_ok": {"id": "selesai", "en": "done"},
    "status_failed": {"id": "gagal", "en": "failed"},
    # recommendations (kmp_analysis.recommend): columns
    "siap_pembiayaan": {"id": "Siap pembiayaan", "en": "Ready for financing"},
    "status_pinjaman": {"id": "Status pinjaman", "en": "Loan status"},
    "urutan": {"id": "No.", "en": "No."},
    "id_orang": {"id": "ID orang", "en": "Person ID"},
    "peran": {"id": "Peran", "en": "Role"},
    "jenjang": {"id": "Jenjang pelatihan", "en": "Training tier"},
    "jenjang_sekarang": {"id": "Jenjang sekarang", "en": "Current tier"},
    "jenjang_berikut": {"id": "Jenjang berikut", "en": "Next tier"},
    "peserta": {"id": "Peserta", "en": "Participants"},
    "kelas_pelatihan": {"id": "Kelas pelatihan", "en": "Training classes"},
    "nama_bumdes": {"id": "BUMDes", "en": "BUMDes"},
    "status_bumdes": {"id": "Status BUMDes", "en": "BUMDes status"},
    "tindakan": {"id": "Tindakan", "en": "Action"},
    "unit": {"id": "Unit usaha", "en": "Business units"},
    "kebutuhan": {"id": "Kebutuhan", "en": "Need"},
    "kuota": {"id": "Kuota", "en": "Quota"},
    "pendamping": {"id": "Pendamping", "en": "Facilitators"},
    # recommendations: values
    "dasar": {"id": "Dasar", "en": "Basic"},
    "menengah": {"id": "Menengah", "en": "Intermediate"},
    "lanjut": {"id": "Lanjut", "en": "Advanced"},
    "tumpang_tindih": {
        "id": "Tumpang tindih: sepakati pembagian usaha",
        "en": "Overlap: agree a division of business",
    },
    "hidupkan": {
        "id": "Hidupkan KMP lewat kemitraan dengan BUMDes",
        "en": "Revive the KMP through a partnership with the BUMDes",
    },
    "sudah_bermitra": {"id": "Sudah bermitra", "en": "Already linked"},
    # recommendations: pendamping allocation errors
    "alokasi_k_terlalu_kecil": {
        "id": "K={k} terlalu kecil: {n} kecamatan membutuhkan pendamping (minimal 1 "
        "per kecamatan); naikkan K menjadi paling sedikit {n}.",
        "en": "K={k} is too small: {n} kecamatan need a facilitator (at least 1 each); "
        "raise K to at least {n}.",
    },
    "alokasi_k_negatif": {
        "id": "K={k} tidak boleh negatif: jumlah pendamping harus 0 atau lebih.",
        "en": "K={k} must not be negative: the number of facilitators must be 0 or "
        "more.",
    },
    "alokasi_k_bukan_bilangan": {
        "id": "K={k} harus bilangan bulat (jumlah pendamping).",
        "en": "K={k} must be a whole number (of facilitators).",
    },
}


#: Column headers of exported tables (xlsx) and of tables shown in notebooks.
COLUMNS: dict[str, dict[str, str]] = {
    "koperasi_id": {"id": "ID koperasi", "en": "Cooperative ID"},
    "nama_koperasi": {"id": "Nama koperasi", "en": "Cooperative"},
    "kode_desa": {"id": "Kode desa", "en": "Village code"},
    "nama_desa": {"id": "Desa/kelurahan", "en": "Village"},
    "kode_kec": {"id": "Kode kecamatan", "en": "Kecamatan code"},
    "nama_kec": {"id": "Kecamatan", "en": "Kecamatan"},
    "bulan_lapor": {"id": "Bulan melapor (dari 6)", "en": "Months reported (of 6)"},
    "bulan_transaksi": {
        "id": "Bulan bertransaksi (dari 6)",
        "en": "Months trading (of 6)",
    },
    "bulan_transaksi_r": {
        "id": "Bulan bertransaksi (3 terakhir)",
        "en": "Months trading (last 3)",
    },
    "partisipasi": {"id": "Partisipasi anggota", "en": "Member participation"},
    "omzet_per_anggota": {
        "id": "Omzet per anggota per bulan (Rp)",
        "en": "Turnover per member per month (IDR)",
    },
    "unit_beroperasi": {"id": "Unit beroperasi", "en": "Units operating"},
    "kemandirian": {
        "id": "Kemandirian operasional",
        "en": "Operating self-sufficiency",
    },
    "par30": {"id": "Tunggakan >30 hari (PAR30)", "en": "Arrears >30 days (PAR30)"},
    "tenaga_kerja": {"id": "Tenaga kerja", "en": "Jobs"},
    "pembelian_lokal": {"id": "Pembelian produk lokal", "en": "Local purchases"},
    "legal": {"id": "Kelengkapan legal", "en": "Legal completeness"},
    "pengurus_lengkap": {"id": "Pengurus lengkap", "en": "Board complete"},
    "pengurus_terlatih": {"id": "Pengurus terlatih", "en": "Board trained"},
    "rat_tepat_waktu": {"id": "RAT tepat waktu", "en": "Annual meeting on time"},
    "manfaat": {"id": "Manfaat bagi anggota", "en": "Member benefits"},
    "indeks_output": {"id": "Indeks Output", "en": "Output index"},
    "indeks_outcome": {"id": "Indeks Outcome", "en": "Outcome index"},
    "kuadran": {"id": "Kuadran output–outcome", "en": "Output–outcome quadrant"},
    "kelas": {"id": "Kelas", "en": "Class"},
    "alasan": {"id": "Alasan", "en": "Reasons"},
    "berisiko": {"id": "Berisiko", "en": "At risk"},
    "alasan_risiko": {"id": "Alasan risiko", "en": "Risk reasons"},
    "laporan_terakhir": {"id": "Laporan terakhir", "en": "Latest report"},
    "anggota_terdaftar": {"id": "Anggota terdaftar", "en": "Registered members"},
    "n_koperasi": {"id": "Jumlah koperasi", "en": "Cooperatives"},
    "n_tidak_bergerak": {"id": "Tidak bergerak", "en": "Dormant"},
    "n_administratif": {"id": "Administratif", "en": "Formal only"},
    "n_aktif": {"id": "Aktif", "en": "Active"},
    "n_berdampak": {"id": "Berdampak", "en": "Impactful"},
    "pangsa_tidak_bergerak": {"id": "% tidak bergerak", "en": "% dormant"},
    "pangsa_administratif": {"id": "% administratif", "en": "% formal only"},
    "pangsa_aktif": {"id": "% aktif", "en": "% active"},
    "pangsa_berdampak": {"id": "% berdampak", "en": "% impactful"},
    "tidak_bergerak": {"id": "Tidak bergerak", "en": "Dormant"},
    "administratif": {"id": "Administratif", "en": "Formal only"},
    "peringkat_outcome": {"id": "Peringkat outcome", "en": "Outcome rank"},
    "peringkat_median_outcome": {
        "id": "Peringkat outcome (median)",
        "en": "Outcome rank (median)",
    },
    "peringkat_p05_outcome": {
        "id": "Peringkat outcome (persentil 5)",
        "en": "Outcome rank (5th percentile)",
    },
    "peringkat_p95_outcome": {
        "id": "Peringkat outcome (persentil 95)",
        "en": "Outcome rank (95th percentile)",
    },
    "tersil_outcome": {"id": "Tersil outcome", "en": "Outcome tercile"},
    "pindah_tersil_outcome": {
        "id": "Outcome: draw pindah tersil",
        "en": "Outcome: draws changing tercile",
    },
    "peringkat_output": {"id": "Peringkat output", "en": "Output rank"},
    "peringkat_median_output": {
        "id": "Peringkat output (median)",
        "en": "Output rank (median)",
    },
    "peringkat_p05_output": {
        "id": "Peringkat output (persentil 5)",
        "en": "Output rank (5th percentile)",
    },
    "peringkat_p95_output": {
        "id": "Peringkat output (persentil 95)",
        "en": "Output rank (95th percentile)",
    },
    "tersil_output": {"id": "Tersil output", "en": "Output tercile"},
    "pindah_tersil_output": {
        "id": "Output: draw pindah tersil",
        "en": "Output: draws changing tercile",
    },
}


def column_label(name: str, lang: str = "id") -> str:
    """The header of column ``name``; raises KeyError for an unlabelled column."""
    entry = COLUMNS.get(name) or LABELS[name]
    return entry[lang]


def message(code: str, lang: str = "id", **params: object) -> str:
    """The sentence for a problem code, with its parameters filled in."""
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    template = entry.get(lang, entry["id"])
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def label(key: str, lang: str = "id", **params: object) -> str:
    """A label or sentence of the briefs, with its parameters filled in."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use one of {LANGS}")
    entry = LABELS[key]
    text = entry[lang]
    return text.format(**params) if params else text
