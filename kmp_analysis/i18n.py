"""Every word a planner reads, in Bahasa Indonesia (default) and English.

Two tables: :data:`MESSAGES` for problems in the input (``file:row:column: message``)
and :data:`LABELS` for everything in briefs and exported tables. Code never writes
user-facing text inline; it asks :func:`message` or :func:`label`. Numbers are written
the reader's way too (:func:`fmt_int`, :func:`fmt_dec`, :func:`fmt_pct`).
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
        "id": "{written} brief ditulis, {reused} dipakai ulang, {failed} gagal, "
        "{seconds:.0f} detik -> {index}",
        "en": "{written} briefs written, {reused} reused, {failed} failed, "
        "{seconds:.0f} s -> {index}",
    },
    "brief_failed": {
        "id": "  gagal: {nama} ({kode}): {error}",
        "en": "  failed: {nama} ({kode}): {error}",
    },
    "unknown_kecamatan": {
        "id": "--kecamatan: '{given}' tidak dikenal",
        "en": "--kecamatan: '{given}' is not known",
    },
    "bad_format": {
        "id": "--format: '{given}' tidak dikenal; pilihan: html, pdf, ipynb",
        "en": "--format: '{given}' is not known; choices: html, pdf, ipynb",
    },
    "did_you_mean": {"id": "; maksud Anda: {names}?", "en": "; did you mean: {names}?"},
    "notebook_missing": {
        "id": "--notebook: file tidak ditemukan: {path}",
        "en": "--notebook: file not found: {path}",
    },
    "template_suffix": {
        "id": "--out harus berakhiran .xlsx (templat adalah buku kerja Excel).",
        "en": "--out must end in .xlsx (the template is an Excel workbook).",
    },
    "template_written": {
        "id": "Templat isian ditulis ke {path}: isi sheet-sheetnya (baca sheet "
        "'petunjuk'), lalu periksa dengan: kmp validate --data {path}",
        "en": "Intake template written to {path}: fill in its sheets (see the "
        "'petunjuk' sheet), then check it with: kmp validate --data {path}",
    },
    "sample_written": {
        "id": "Data contoh (sintetis, seed {seed}) ditulis ke {path}: {rows}",
        "en": "Synthetic sample (seed {seed}) written to {path}: {rows}",
    },
    "interrupted": {"id": "Dihentikan.", "en": "Interrupted."},
    "validation_failed": {
        "id": "data berisi masalah (lihat daftarnya)",
        "en": "the data has problems (see the list)",
    },
    "lang_unknown": {
        "id": "bahasa '{value}' tidak dikenal; pilihan: {choices}",
        "en": "language '{value}' is not known; choices: {choices}",
    },
    "period_differs": {
        "id": "periode {period} berbeda dari periode evaluasi yang diberikan "
        "({evaluated})",
        "en": "period {period} differs from the evaluation given ({evaluated})",
    },
    "executor_unknown": {
        "id": "cara menjalankan '{name}' tidak dikenal; pilihan: {choices}",
        "en": "executor '{name}' is not known; choices: {choices}",
    },
    "executor_needs": {
        "id": "cara menjalankan '{name}' membutuhkan paket Python '{module}'",
        "en": "executor '{name}' needs the Python package '{module}'",
    },
    "executor_needs_scheduler": {
        "id": "--scheduler: Dask membutuhkan alamat scheduler (mis. "
        "tcp://127.0.0.1:8786)",
        "en": "--scheduler: Dask needs the scheduler's address (e.g. "
        "tcp://127.0.0.1:8786)",
    },
    "reference_missing": {
        "id": "data rujukan Kukar tidak ditemukan di {path}; jalankan kmp dari folder "
        "proyek (salinan git), tempat data/ berada",
        "en": "Kukar's reference data is not at {path}; run kmp from the project "
        "folder (the git checkout), where data/ is",
    },
    "dask_unreachable": {
        "id": "tidak dapat terhubung ke scheduler Dask di {address}: {reason}",
        "en": "cannot connect to the Dask scheduler at {address}: {reason}",
    },
    "dask_no_worker": {
        "id": "scheduler Dask di {address} tidak punya worker (ditunggu {timeout} "
        "detik); jalankan 'dask worker {address}'",
        "en": "the Dask scheduler at {address} has no worker (waited {timeout} s); "
        "start one with 'dask worker {address}'",
    },
    "pdf_unavailable": {
        "id": "Chromium tidak ditemukan, jadi PDF tidak dapat dibuat. Pasang dengan "
        "`sudo apt-get install chromium` (Debian/Ubuntu), atau tunjuk peramban "
        "Chromium/Chrome lewat variabel lingkungan KMP_CHROMIUM. Brief HTML tetap "
        "ditulis.",
        "en": "Chromium was not found, so no PDF can be made. Install it with "
        "`sudo apt-get install chromium` (Debian/Ubuntu), or name a Chromium/Chrome "
        "browser in the environment variable KMP_CHROMIUM. The HTML briefs are still "
        "written.",
    },
    "pdf_timeout": {
        "id": "Chromium tidak selesai mencetak {page} dalam {timeout} detik: {detail}",
        "en": "Chromium did not finish printing {page} within {timeout} s: {detail}",
    },
    "pdf_failed": {
        "id": "Chromium gagal mencetak {page} ke PDF (kode {code}): {detail}",
        "en": "Chromium failed to print {page} to PDF (code {code}): {detail}",
    },
    "kernel_request_failed": {
        "id": "kernel melaporkan galat {ename}: {evalue}",
        "en": "the kernel reported {ename}: {evalue}",
    },
    "kernel_unusable": {
        "id": "tidak ada kernel {kernel} yang dapat dipakai: {error}",
        "en": "no usable {kernel} kernel: {error}",
    },
    "kernel_not_started": {
        "id": "kernel {kernel} tidak dapat dinyalakan ({attempts} kali dicoba): "
        "{error}",
        "en": "the {kernel} kernel did not start ({attempts} attempts): {error}",
    },
    "kernel_died_twice": {
        "id": "kernel mati dua kali saat menjalankan notebook ini",
        "en": "the kernel died twice running this notebook",
    },
    "brief_timeout": {
        "id": "notebook tidak selesai dalam brief_timeout={timeout} detik; kernelnya "
        "dihentikan dan akan diganti",
        "en": "the notebook did not finish within brief_timeout={timeout} s; its "
        "kernel was killed and will be replaced",
    },
    "brief_timeout_no_retry": {
        "id": "waktu brief_timeout={timeout} detik sudah habis sebelum notebook dapat "
        "diulang",
        "en": "no time left of brief_timeout={timeout} s for a retry",
    },
    "cell_timeout": {
        "id": "sebuah sel berjalan lebih lama dari execution_timeout={timeout} detik; "
        "kernelnya dihentikan dan akan diganti",
        "en": "a cell ran longer than execution_timeout={timeout} s; its kernel was "
        "killed and will be replaced",
    },
    "unexpected": {
        "id": "Kesalahan tak terduga: {error} (jalankan lagi dengan KMP_DEBUG=1 untuk "
        "detail)",
        "en": "Unexpected error: {error} (run again with KMP_DEBUG=1 for details)",
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
    # ---- reading the user's files (issue 6): grouped report, warnings, --strict
    "file_header": {
        "id": "== berkas {file}: {counts}",
        "en": "== file {file}: {counts}",
    },
    "n_errors": {"id": "{n} galat", "en": "{n} error(s)"},
    "n_warnings": {"id": "{n} peringatan", "en": "{n} warning(s)"},
    "summary_errors": {
        "id": "{n} masalah di {files} berkas ({errors} galat, {warnings} peringatan); "
        "perbaiki lalu jalankan lagi.",
        "en": "{n} problem(s) in {files} file(s) ({errors} error(s), {warnings} "
        "warning(s)); fix them and run again.",
    },
    "summary_errors_nofile": {
        "id": "{n} masalah ({errors} galat, {warnings} peringatan); perbaiki lalu "
        "jalankan lagi.",
        "en": "{n} problem(s) ({errors} error(s), {warnings} warning(s)); fix them and "
        "run again.",
    },
    "summary_warnings": {
        "id": "{n} masalah di {files} berkas ({errors} galat, {warnings} peringatan); "
        "data tetap dapat dipakai (--strict menjadikan peringatan galat).",
        "en": "{n} problem(s) in {files} file(s) ({errors} error(s), {warnings} "
        "warning(s)); the data can still be used (--strict makes warnings errors).",
    },
    "summary_warnings_nofile": {
        "id": "{n} masalah ({errors} galat, {warnings} peringatan); data tetap dapat "
        "dipakai (--strict menjadikan peringatan galat).",
        "en": "{n} problem(s) ({errors} error(s), {warnings} warning(s)); the data can "
        "still be used (--strict makes warnings errors).",
    },
    "warning_prefix": {"id": "peringatan:", "en": "warning:"},
    "rows_collapsed": {"id": "({n} baris)", "en": "({n} rows)"},
    "rows_collapsed_varied": {
        "id": "({n} baris; nilai dari baris {row})",
        "en": "({n} rows; value from row {row})",
    },
    "path_csv_file": {
        "id": "ini satu file CSV; --data harus folder berisi keenam file CSV "
        "(koperasi.csv, unit_usaha.csv, laporan_bulanan.csv, rapat.csv, "
        "pengurus.csv, bumdes.csv) atau satu file .xlsx",
        "en": "this is a single CSV file; --data must be a folder holding the six CSV "
        "files (koperasi.csv, unit_usaha.csv, laporan_bulanan.csv, rapat.csv, "
        "pengurus.csv, bumdes.csv) or one .xlsx file",
    },
    "path_xls": {
        "id": "format Excel lama (.xls) tidak didukung; buka di Excel lalu simpan "
        "sebagai 'Excel Workbook (.xlsx)'",
        "en": "the old Excel format (.xls) is not supported; open it in Excel and save "
        "it as 'Excel Workbook (.xlsx)'",
    },
    "no_csv_files": {
        "id": "folder ini tidak berisi satu pun file CSV; yang diperlukan: {tables}",
        "en": "this folder holds no CSV file at all; needed: {tables}",
    },
    "no_csv_files_xlsx": {
        "id": "folder ini tidak berisi file CSV; untuk workbook di dalamnya, pakai "
        "--data {book}",
        "en": "this folder holds no CSV file; for the workbook in it, use "
        "--data {book}",
    },
    "table_missing_similar": {
        "id": "file tabel '{table}' tidak ada di folder; maksud Anda: {found}? "
        "(ganti namanya menjadi {table}.csv)",
        "en": "the file of table '{table}' is missing from the folder; did you mean: "
        "{found}? (rename it to {table}.csv)",
    },
    "not_a_file": {
        "id": "ini folder, bukan file CSV",
        "en": "this is a folder, not a CSV file",
    },
    "sheet_missing_similar": {
        "id": "sheet '{table}' tidak ada di workbook; maksud Anda: {found}? (ganti "
        "nama sheet menjadi {table})",
        "en": "sheet '{table}' is missing from the workbook; did you mean: {found}? "
        "(rename the sheet to {table})",
    },
    "xlsx_empty": {
        "id": "file .xlsx kosong (0 byte)",
        "en": "the .xlsx file is empty (0 bytes)",
    },
    "xlsx_old_format": {
        "id": "ini workbook Excel lama (.xls) atau workbook berkata sandi yang diberi "
        "nama .xlsx; buka di Excel lalu simpan sebagai 'Excel Workbook (.xlsx)' "
        "tanpa kata sandi",
        "en": "this is an old Excel workbook (.xls) or a password-protected workbook "
        "named .xlsx; open it in Excel and save it as 'Excel Workbook (.xlsx)' "
        "without a password",
    },
    "xlsx_not_zip": {
        "id": "bukan workbook Excel: isi file ini bukan format .xlsx (mungkin file "
        "lain yang diganti namanya); buka di Excel lalu simpan sebagai .xlsx",
        "en": "not an Excel workbook: the content of this file is not in .xlsx format "
        "(perhaps another file renamed); open it in Excel and save it as .xlsx",
    },
    "xlsx_not_workbook": {
        "id": "file zip, tetapi bukan workbook Excel (tidak ada sheet di dalamnya)",
        "en": "a zip file, but not an Excel workbook (it holds no sheets)",
    },
    "xlsx_corrupt": {
        "id": "workbook rusak atau terpotong (mis. unduhan belum selesai); buka di "
        "Excel lalu simpan ulang",
        "en": "the workbook is damaged or truncated (e.g. an unfinished download); "
        "open it in Excel and save it again",
    },
    "no_cooperatives": {
        "id": "tabel koperasi belum berisi satu baris pun: belum ada yang bisa "
        "dievaluasi",
        "en": "the koperasi table has no rows yet: there is nothing to evaluate",
    },
    "village_unknown": {
        "id": "'{value}' bukan kode desa dan bukan nama desa/kelurahan yang dikenal",
        "en": "'{value}' is neither a village code nor a known village name",
    },
    "village_unknown_similar": {
        "id": "'{value}' bukan nama desa/kelurahan yang dikenal; maksud Anda: {names}?",
        "en": "'{value}' is not a known village name; did you mean: {names}?",
    },
    "village_ambiguous": {
        "id": "desa '{value}' ada di beberapa kecamatan ({kecamatan}); tambahkan kolom "
        "'kecamatan' atau tulis kode desanya",
        "en": "village '{value}' exists in several kecamatan ({kecamatan}); add a "
        "'kecamatan' column or write its village code",
    },
    "village_kecamatan_unknown": {
        "id": "kecamatan '{kecamatan_given}' (untuk desa '{value}') tidak dikenal",
        "en": "kecamatan '{kecamatan_given}' (for village '{value}') is not known",
    },
    "village_kecamatan_unknown_similar": {
        "id": "kecamatan '{kecamatan_given}' (untuk desa '{value}') tidak dikenal; "
        "maksud Anda: {names}?",
        "en": "kecamatan '{kecamatan_given}' (for village '{value}') is not known; "
        "did you mean: {names}?",
    },
    "column_missing_similar": {
        "id": "kolom wajib tidak ada di baris judul; ada kolom '{found}', maksud Anda: "
        "{expected}?",
        "en": "required column is missing from the header row; there is a column "
        "'{found}', did you mean: {expected}?",
    },
    "header_not_first_row": {
        "id": "baris judul harus di baris 1, tetapi judul kolom ditemukan di baris "
        "{found}; hapus baris di atasnya",
        "en": "the header must be on row 1, but the column names are on row {found}; "
        "delete the rows above it",
    },
    "header_unrecognised": {
        "id": "baris judul tidak berisi satu pun kolom yang diharapkan; kolom yang "
        "diperlukan: {columns}",
        "en": "the header row holds none of the expected columns; needed: {columns}",
    },
    "column_unknown": {
        "id": "kolom '{name}' (kolom {letter}) tidak dikenal; isinya diabaikan",
        "en": "column '{name}' (column {letter}) is not known; its content is ignored",
    },
    "column_unnamed": {
        "id": "kolom {letter} berisi data tetapi tidak punya judul; isinya diabaikan",
        "en": "column {letter} holds data but has no header; its content is ignored",
    },
    "unclosed_quote": {
        "id": 'tanda kutip (") di baris ini tidak ditutup, sehingga baris-baris '
        "berikutnya terbaca sebagai satu sel; periksa tanda kutip",
        "en": 'a quote mark (") on this row is not closed, so the lines after it read '
        "as one cell; check the quote marks",
    },
    "mixed_separator": {
        "id": "baris ini dipisah dengan '{found}', sedangkan baris judul dengan "
        "'{sep}'; pakai satu jenis pemisah di seluruh file",
        "en": "this row is separated by '{found}' but the header row by '{sep}'; use "
        "one separator in the whole file",
    },
    "months_not_reported": {
        "id": "{koperasi_id} tidak punya laporan untuk {n} bulan sejak laporan "
        "pertamanya: {months}",
        "en": "{koperasi_id} has no report for {n} month(s) since its first report: "
        "{months}",
    },
    "never_reported": {
        "id": "koperasi ini belum pernah mengirim laporan bulanan (tidak ada barisnya "
        "di laporan_bulanan)",
        "en": "this cooperative has never sent a monthly report (no row of it in "
        "laporan_bulanan)",
    },
    "date_after_data": {
        "id": "tanggal {value} sesudah bulan terakhir data ({last})",
        "en": "date {value} is after the last month of the data ({last})",
    },
    "year_after_data": {
        "id": "tahun_buku {value} sesudah tahun bulan terakhir data ({last})",
        "en": "tahun_buku {value} is after the year of the last month of the data "
        "({last})",
    },
    "month_outlier": {
        "id": "bulan {value} jauh sesudah bulan lain di data (sebelumnya {previous}); "
        "salah ketik?",
        "en": "month {value} is far after the other months of the data (before it: "
        "{previous}); a typo?",
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
        "id": "DATA SINTETIS — angka di halaman ini berasal dari data contoh buatan, "
        "bukan data koperasi yang sebenarnya. Jangan dipakai untuk keputusan.",
        "en": "SYNTHETIC DATA — the figures on this page come from made-up sample "
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
    "in_cell": {"id": " (sel {cell})", "en": " (cell {cell})"},
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
    # brief sections (kmp_analysis.report.brief)
    "sentence_outcome": {
        "id": "Indeks Outcome rata-rata {outcome} (kabupaten {outcome_kab}): peringkat "
        "{rank} dari {n_kec} kecamatan (rentang {p05}–{p95} dalam simulasi); kuadran "
        "{kuadran}.",
        "en": "Mean outcome index {outcome} (regency {outcome_kab}): rank {rank} of "
        "{n_kec} kecamatan (range {p05}–{p95} in the simulation); quadrant {kuadran}.",
    },
    "sentence_support": {
        "id": "{n_did} KMP layak didukung; {n_siap} di antaranya siap mengajukan "
        "pembiayaan Himbara (kabupaten {n_siap_kab}).",
        "en": "{n_did} KMP deserve support; {n_siap} of them are ready to apply for "
        "Himbara financing (regency {n_siap_kab}).",
    },
    "section_quality": {"id": "Kualitas data", "en": "Data quality"},
    "quality_hijau": {"id": "baik", "en": "good"},
    "quality_kuning": {"id": "perlu perhatian", "en": "needs attention"},
    "quality_merah": {"id": "lemah", "en": "weak"},
    "quality_cakupan_laporan": {
        "id": "Koperasi yang melapor bulan ini",
        "en": "Cooperatives reporting this month",
    },
    "quality_cakupan_laporan_hijau": {
        "id": "cakupan memadai (≥ 80%)",
        "en": "adequate coverage (≥ 80%)",
    },
    "quality_cakupan_laporan_kuning": {
        "id": "cakupan sebagian (50–80%): angka bisa berubah",
        "en": "partial coverage (50–80%): figures may change",
    },
    "quality_cakupan_laporan_merah": {
        "id": "cakupan rendah (< 50%): tafsirkan dengan hati-hati",
        "en": "low coverage (< 50%): interpret with care",
    },
    "quality_laporan_basi": {
        "id": "Laporan basi (lebih dari 2 bulan) atau tidak pernah melapor",
        "en": "Stale reports (over 2 months old) or never reported",
    },
    "quality_laporan_basi_hijau": {"id": "sedikit (≤ 10%)", "en": "few (≤ 10%)"},
    "quality_laporan_basi_kuning": {
        "id": "cukup banyak (10–30%)",
        "en": "quite a few (10–30%)",
    },
    "quality_laporan_basi_merah": {
        "id": "banyak (> 30%): perbarui SIMKOPDES",
        "en": "many (> 30%): update SIMKOPDES",
    },
    "quality_data_sintetis": {"id": "Data sintetis", "en": "Synthetic data"},
    "quality_data_sintetis_hijau": {"id": "data nyata", "en": "real data"},
    "quality_data_sintetis_kuning": {
        "id": "sebagian sintetis",
        "en": "partly synthetic",
    },
    "quality_data_sintetis_merah": {
        "id": "data contoh buatan, bukan untuk keputusan",
        "en": "made-up sample data, not for decisions",
    },
    "map_alt": {
        "id": "Peta desa/kelurahan di Kecamatan {nama} diwarnai menurut kelas KMP",
        "en": "Map of the villages of Kecamatan {nama} coloured by KMP class",
    },
    "section_quadrant": {"id": "Output dan outcome", "en": "Output and outcome"},
    "quadrant_alt": {
        "id": "Diagram kuadran Indeks Output dan Indeks Outcome koperasi di "
        "Kecamatan {nama}",
        "en": "Quadrant chart of the output and outcome indices of the cooperatives "
        "in Kecamatan {nama}",
    },
    "quadrant_x": {"id": "Indeks Output", "en": "Output index"},
    "quadrant_y": {"id": "Indeks Outcome", "en": "Outcome index"},
    "quadrant_others": {
        "id": "koperasi lain di Kukar",
        "en": "other Kukar cooperatives",
    },
    "quadrant_regency_mean": {"id": "rata-rata Kukar", "en": "Kukar average"},
    "prov_fingerprint": {
        "id": "Sidik data brief ini (sha256)",
        "en": "Fingerprint of this brief's data (sha256)",
    },
    "section_recommend": {"id": "Rekomendasi", "en": "Recommendations"},
    "section_didukung": {
        "id": "Didukung (Aktif dan Berdampak)",
        "en": "To support (Active and Impactful)",
    },
    "section_dievaluasi": {
        "id": "Dievaluasi (Tidak bergerak, lalu Administratif)",
        "en": "To evaluate (Dormant, then Formal only)",
    },
    "none_didukung": {
        "id": "Belum ada KMP yang aktif di kecamatan ini.",
        "en": "No KMP in this kecamatan is active yet.",
    },
    "none_dievaluasi": {
        "id": "Tidak ada KMP yang perlu dievaluasi.",
        "en": "No KMP needs to be evaluated.",
    },
    "section_training": {"id": "Pelatihan berjenjang", "en": "Tiered training"},
    "none_training": {
        "id": "Tidak ada peserta pelatihan berikutnya.",
        "en": "No participants for the next training.",
    },
    "section_bumdes": {"id": "Sinkronisasi BUMDes", "en": "BUMDes synchronisation"},
    "none_bumdes": {
        "id": "Tidak ada tindakan BUMDes di kecamatan ini.",
        "en": "No BUMDes action in this kecamatan.",
    },
    # exploration notebook (kmp_analysis.report.explore)
    "explore_heading": {
        "id": "Eksplorasi KMP Kabupaten Kutai Kartanegara",
        "en": "KMP exploration, Kutai Kartanegara Regency",
    },
    "explore_kecamatan": {"id": "Kecamatan {nama}", "en": "Kecamatan {nama}"},
    "kabupaten": {"id": "Seluruh kabupaten", "en": "Whole regency"},
    "bahasa": {"id": "Bahasa", "en": "Language"},
    "lang_id": {"id": "Bahasa Indonesia", "en": "Bahasa Indonesia"},
    "lang_en": {"id": "English", "en": "English"},
    "section_thresholds": {
        "id": "Ambang batas kelas koperasi",
        "en": "Class thresholds of the cooperatives",
    },
    "section_counts": {
        "id": "Jumlah koperasi per kelas",
        "en": "Cooperatives per class",
    },
    "reset_thresholds": {
        "id": "Kembalikan ambang bawaan",
        "en": "Restore the default thresholds",
    },
    "ambang_aktif_bulan_transaksi": {
        "id": "Aktif: bulan bertransaksi ≥",
        "en": "Active: months trading ≥",
    },
    "ambang_aktif_partisipasi": {
        "id": "Aktif: partisipasi anggota ≥",
        "en": "Active: member participation ≥",
    },
    "ambang_aktif_unit_beroperasi": {
        "id": "Aktif: unit beroperasi ≥",
        "en": "Active: units operating ≥",
    },
    "ambang_berdampak_partisipasi": {
        "id": "Berdampak: partisipasi anggota ≥",
        "en": "Impactful: member participation ≥",
    },
    "ambang_berdampak_unit_beroperasi": {
        "id": "Berdampak: unit beroperasi ≥",
        "en": "Impactful: units operating ≥",
    },
    "ambang_berdampak_kemandirian": {
        "id": "Berdampak: kemandirian ≥",
        "en": "Impactful: self-sufficiency ≥",
    },
    "ambang_berdampak_manfaat": {
        "id": "Berdampak: manfaat bagi anggota ≥",
        "en": "Impactful: member benefits ≥",
    },
    "ambang_bawaan": {"id": "Ambang bawaan", "en": "Default thresholds"},
    "ambang_sekarang": {"id": "Ambang saat ini", "en": "Current thresholds"},
    "selisih": {"id": "Selisih", "en": "Change"},
    "jumlah": {"id": "Jumlah", "en": "Total"},
    "kelas_bawaan": {"id": "Kelas (ambang bawaan)", "en": "Class (default thresholds)"},
    "explore_moved": {
        "id": "{moved} dari {n} koperasi di Kecamatan {nama} berpindah kelas "
        "dibanding ambang bawaan; di seluruh kabupaten {moved_kab} dari {n_kab}.",
        "en": "{moved} of {n} cooperatives in Kecamatan {nama} change class against "
        "the default thresholds; across the regency {moved_kab} of {n_kab}.",
    },
    "explore_move": {
        "id": "{dari} → {ke}: {jumlah} koperasi",
        "en": "{dari} → {ke}: {jumlah} cooperatives",
    },
    "explore_change": {
        "id": "{name} {default} → {now}",
        "en": "{name} {default} → {now}",
    },
    "explore_changed": {
        "id": "Ambang yang diubah: {changes}.",
        "en": "Thresholds changed: {changes}.",
    },
    "explore_unchanged": {
        "id": "Semua ambang bernilai bawaan.",
        "en": "All thresholds are at their defaults.",
    },
    # regency summary (kmp_analysis.report.summary)
    "ringkasan_title": {
        "id": "Ringkasan evaluasi KMP Kabupaten Kutai Kartanegara — periode {period}",
        "en": "KMP evaluation summary, Kutai Kartanegara Regency — period {period}",
    },
    "ringkasan_subtitle": {
        "id": "{n_kec} kecamatan · {n} koperasi · jendela evaluasi {start} s.d. {end} "
        "({months} bulan)",
        "en": "{n_kec} kecamatan · {n} cooperatives · evaluation window {start} to "
        "{end} ({months} months)",
    },
    "ringkasan_and": {"id": " dan ", "en": " and "},
    "ringkasan_total": {"id": "Jumlah", "en": "Total"},
    "ringkasan_sentence_overall": {
        "id": "Dari {n} KMP di Kutai Kartanegara, {n_aktif} ({pct_aktif}) aktif atau "
        "berdampak dan {n_tb} ({pct_tb}) tidak bergerak; {n_risk} ({pct_risk}) "
        "berisiko.",
        "en": "Of the {n} KMP in Kutai Kartanegara, {n_aktif} ({pct_aktif}) are "
        "active or impactful and {n_tb} ({pct_tb}) are dormant; {n_risk} "
        "({pct_risk}) are at risk.",
    },
    "ringkasan_sentence_dormant": {
        "id": "Pangsa KMP tidak bergerak tertinggi di Kecamatan {nama} ({pct}) dan "
        "terendah di Kecamatan {nama_low} ({pct_low}).",
        "en": "The share of dormant KMP is highest in Kecamatan {nama} ({pct}) and "
        "lowest in Kecamatan {nama_low} ({pct_low}).",
    },
    "ringkasan_sentence_no_dormant": {
        "id": "Tidak ada KMP yang tidak bergerak di kecamatan mana pun.",
        "en": "No kecamatan has a dormant KMP.",
    },
    "ringkasan_sentence_active": {
        "id": "Pangsa KMP aktif atau berdampak tertinggi di Kecamatan {nama} ({pct}) "
        "dan terendah di Kecamatan {nama_low} ({pct_low}).",
        "en": "The share of active or impactful KMP is highest in Kecamatan {nama} "
        "({pct}) and lowest in Kecamatan {nama_low} ({pct_low}).",
    },
    "ringkasan_sentence_quadrant": {
        "id": "{n_formal} dari {n_kec} kecamatan berada di kuadran {formalitas} "
        "(rata-rata Indeks Output ≥ {split}, Indeks Outcome < {split}): "
        "administrasinya berjalan, tetapi manfaat bagi anggota belum terasa; "
        "{n_top} kecamatan di kuadran {berkinerja}.",
        "en": "{n_formal} of {n_kec} kecamatan are in the {formalitas} quadrant "
        "(mean output index ≥ {split}, outcome index < {split}): the paperwork "
        "runs but members do not benefit yet; {n_top} kecamatan in the {berkinerja} "
        "quadrant.",
    },
    "ringkasan_sentence_none": {
        "id": "Tidak ada data KMP untuk periode {period}.",
        "en": "There is no KMP data for period {period}.",
    },
    "ringkasan_section_map": {
        "id": "Peta kecamatan: KMP aktif atau berdampak",
        "en": "Map of kecamatan: active or impactful KMP",
    },
    "ringkasan_map_title": {
        "id": "Pangsa KMP aktif atau berdampak per kecamatan",
        "en": "Share of active or impactful KMP per kecamatan",
    },
    "ringkasan_map_legend": {
        "id": "Aktif + berdampak (jumlah kecamatan)",
        "en": "Active + impactful (number of kecamatan)",
    },
    "ringkasan_map_alt": {
        "id": "Peta {n_kec} kecamatan Kabupaten Kutai Kartanegara diwarnai menurut "
        "pangsa KMP aktif atau berdampak, dari kuning (rendah) ke hijau tua "
        "(tinggi): tertinggi Kecamatan {nama} ({pct}), terendah Kecamatan {nama_low} "
        "({pct_low}).",
        "en": "Map of the {n_kec} kecamatan of Kutai Kartanegara Regency coloured by "
        "the share of active or impactful KMP, from yellow (low) to dark green "
        "(high): highest Kecamatan {nama} ({pct}), lowest Kecamatan {nama_low} "
        "({pct_low}).",
    },
    "ringkasan_section_quadrant": {
        "id": "Kuadran output–outcome kecamatan",
        "en": "Output–outcome quadrant of kecamatan",
    },
    "ringkasan_quadrant_title": {
        "id": "Indeks rata-rata per kecamatan (ukuran titik = jumlah KMP)",
        "en": "Mean indices per kecamatan (point size = number of KMP)",
    },
    "ringkasan_quadrant_x": {
        "id": "Indeks Output (rata-rata kecamatan)",
        "en": "Output index (kecamatan mean)",
    },
    "ringkasan_quadrant_y": {
        "id": "Indeks Outcome (rata-rata kecamatan)",
        "en": "Outcome index (kecamatan mean)",
    },
    "ringkasan_quadrant_alt": {
        "id": "Diagram sebar {n_kec} kecamatan: sumbu datar rata-rata Indeks Output, "
        "sumbu tegak rata-rata Indeks Outcome, dibagi pada {split}. Kecamatan per "
        "kuadran: {counts}.",
        "en": "Scatter chart of {n_kec} kecamatan: horizontal axis mean output index, "
        "vertical axis mean outcome index, split at {split}. Kecamatan per "
        "quadrant: {counts}.",
    },
    "ringkasan_section_ranks": {
        "id": "Peringkat kecamatan dan ketidakpastiannya",
        "en": "Kecamatan ranks and their uncertainty",
    },
    "ringkasan_rank_note": {
        "id": "Peringkat Indeks Outcome dihitung ulang {draws} kali dengan bobot "
        "(Dirichlet) dan goalpost (±{spread}%) yang diacak. Batang pendek berarti "
        "peringkat yang kokoh; {n_moving} dari {n_kec} kecamatan pindah tersil di "
        "≥ 10% draw.",
        "en": "The outcome index ranking is recomputed {draws} times with random "
        "weights (Dirichlet) and goalposts (±{spread}%). A short bar is a robust "
        "rank; {n_moving} of {n_kec} kecamatan change tercile in ≥ 10% of draws.",
    },
    "ringkasan_rank_title": {
        "id": "Peringkat Indeks {index} per kecamatan ({draws} draw Monte Carlo)",
        "en": "Kecamatan rank on the {index} index ({draws} Monte Carlo draws)",
    },
    "ringkasan_rank_axis": {
        "id": "Peringkat (1 = tertinggi)",
        "en": "Rank (1 = highest)",
    },
    "ringkasan_rank_point": {
        "id": "Peringkat (bobot dan goalpost bawaan)",
        "en": "Rank (default weights and goalposts)",
    },
    "ringkasan_rank_median": {"id": "Median simulasi", "en": "Simulation median"},
    "ringkasan_rank_interval": {
        "id": "Persentil 5–95",
        "en": "5th–95th percentile",
    },
    "ringkasan_rank_alt": {
        "id": "Peringkat Indeks Outcome {n_kec} kecamatan dengan rentang persentil "
        "5–95 dari {draws} draw: peringkat 1 Kecamatan {top}, peringkat {n_kec} "
        "Kecamatan {bottom}; rentang terlebar Kecamatan {widest} ({p05}–{p95}).",
        "en": "Outcome index rank of {n_kec} kecamatan with the 5th–95th percentile "
        "range over {draws} draws: rank 1 Kecamatan {top}, rank {n_kec} Kecamatan "
        "{bottom}; widest range Kecamatan {widest} ({p05}–{p95}).",
    },
    "ringkasan_tercile_alt": {
        "id": "Untuk tiap kecamatan, pangsa draw Monte Carlo yang menempatkannya di "
        "tersil atas, tengah dan bawah Indeks Outcome; {n_moving} dari {n_kec} "
        "kecamatan pindah tersil di ≥ 10% draw.",
        "en": "For each kecamatan, the share of Monte Carlo draws placing it in the "
        "top, middle and bottom third of the outcome index; {n_moving} of {n_kec} "
        "kecamatan change tercile in ≥ 10% of draws.",
    },
    "ringkasan_section_pendamping": {
        "id": "Alokasi pendamping",
        "en": "Allocation of facilitators",
    },
    "ringkasan_pendamping_note": {
        "id": "{k} pendamping dibagi menurut kebutuhan = 2 × {tb} + 1 × {adm} "
        "(metode sisa terbesar; paling sedikit satu untuk tiap kecamatan yang "
        "membutuhkan). Kuota = bagian proporsional yang tepat.",
        "en": "{k} facilitators are shared in proportion to need = 2 × {tb} + 1 × "
        "{adm} (largest remainder; at least one for each kecamatan in need). "
        "Quota = the exact proportional share.",
    },
    "ringkasan_pendamping_sisa": {
        "id": "{sisa} pendamping tidak dialokasikan karena tidak ada kecamatan yang "
        "membutuhkan.",
        "en": "{sisa} facilitators are not allocated because no kecamatan needs one.",
    },
    "ringkasan_pendamping_error": {
        "id": "Alokasi tidak dapat dihitung: {error}",
        "en": "The allocation cannot be computed: {error}",
    },
    "ringkasan_section_training": {
        "id": "Pelatihan berjenjang: jumlah peserta dan kelas",
        "en": "Tiered training: participants and classes",
    },
    "ringkasan_training_note": {
        "id": "Peserta = pengurus dan pengawas dengan jenjang berikutnya (menengah → "
        "lanjut hanya di KMP aktif atau berdampak). Kelas berisi paling banyak "
        "{size} orang dan disusun per kecamatan.",
        "en": "Participants = board and supervisory members with a next tier "
        "(intermediate → advanced only in active or impactful KMP). Classes hold "
        "at most {size} people and are formed per kecamatan.",
    },
    "ringkasan_training_regency": {
        "id": "Seluruh kabupaten",
        "en": "Whole regency",
    },
    "ringkasan_training_kecamatan": {
        "id": "Per kecamatan: peserta (kelas)",
        "en": "Per kecamatan: participants (classes)",
    },
    "ringkasan_training_unavailable": {
        "id": "Tabel pengurus tidak tersedia di evaluasi ini, sehingga rencana "
        "pelatihan tidak dapat dihitung.",
        "en": "The board table is not part of this evaluation, so the training plan "
        "cannot be computed.",
    },
    "ringkasan_training_none": {
        "id": "Tidak ada peserta untuk jenjang pelatihan berikutnya.",
        "en": "No one is due for a next training tier.",
    },
    "ringkasan_empty": {
        "id": "Tidak ada data KMP untuk bagian ini.",
        "en": "There is no KMP data for this section.",
    },
    # values of status columns (loan status, BUMDes status)
    "belum": {"id": "belum", "en": "not yet"},
    "diajukan": {"id": "diajukan", "en": "submitted"},
    "disetujui": {"id": "disetujui", "en": "approved"},
    "dicairkan": {"id": "dicairkan", "en": "disbursed"},
    "tidak_aktif": {"id": "tidak aktif", "en": "inactive"},
    "summary_title_short": {
        "id": "Ringkasan KMP Kabupaten Kutai Kartanegara",
        "en": "KMP summary, Kutai Kartanegara Regency",
    },
    "index_summary": {"id": "Ringkasan kabupaten", "en": "Regency summary"},
    "worker_died": {
        "id": "proses pembuat brief berhenti mendadak dua kali (mis. kehabisan "
        "memori); lihat batch.log, lalu jalankan lagi dengan --retry-failed",
        "en": "the process building this brief died twice (e.g. out of memory); see "
        "batch.log, then run again with --retry-failed",
    },
    "summary_kukar_only": {
        "id": "Ringkasan kabupaten dilewati: ringkasan dibuat untuk Kukar, sedangkan "
        "data ini membawa wilayahnya sendiri (wilayah.csv).",
        "en": "Regency summary skipped: it is made for Kukar, and this data brings "
        "its own geography (wilayah.csv).",
    },
    "index_pdf": {"id": "PDF", "en": "PDF"},
    "index_title": {
        "id": "Brief evaluasi KMP Kukar — periode {period}",
        "en": "Kukar KMP evaluation briefs — period {period}",
    },
    "kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "status": {"id": "Status", "en": "Status"},
    "brief": {"id": "Brief", "en": "Brief"},
    "duration": {"id": "Durasi (detik)", "en": "Duration (s)"},
    "status_ok": {"id": "selesai", "en": "done"},
    "progress_counts": {
        "id": "ulang {reused} · ditulis {written} · gagal {failed}",
        "en": "reused {reused} · written {written} · failed {failed}",
    },
    "progress_line": {
        "id": "[{done}/{total}] {nama}: {status} ({seconds} s) — {counts}",
        "en": "[{done}/{total}] {nama}: {status} ({seconds} s) — {counts}",
    },
    "progress_ok": {"id": "ok", "en": "ok"},
    # why a brief is (re)built (manifest.json, alasan_build)
    "rebuild_force": {"id": "--force", "en": "--force"},
    "rebuild_new": {"id": "belum pernah dibuat", "en": "never built before"},
    "rebuild_missing": {"id": "berkas hilang: {files}", "en": "files missing: {files}"},
    "rebuild_notebook": {"id": "notebook berubah", "en": "the notebook changed"},
    "rebuild_parameter": {"id": "parameter berubah", "en": "the parameters changed"},
    "rebuild_konfigurasi": {
        "id": "konfigurasi berubah",
        "en": "the configuration changed",
    },
    "rebuild_versi": {
        "id": "versi atau kode kmp-analysis berubah",
        "en": "the version or code of kmp-analysis changed",
    },
    "rebuild_data_kecamatan": {
        "id": "data kecamatan berubah",
        "en": "the kecamatan's data changed",
    },
    "rebuild_angka_kabupaten": {
        "id": "angka kabupaten yang dikutip berubah",
        "en": "the regency figures it quotes changed",
    },
    "rebuild_data_kabupaten": {
        "id": "data kabupaten berubah",
        "en": "the regency's data changed",
    },
    "progress_failed": {"id": "gagal", "en": "failed"},
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


# --------------------------------------------------------------------- numbers


def fmt_int(value: float, lang: str = "id") -> str:
    """A whole number with the reader's thousands separator.

    Examples
    --------
    >>> fmt_int(12345), fmt_int(12345, "en")
    ('12.345', '12,345')
    """
    text = f"{int(value):,}"
    return text.replace(",", ".") if lang == "id" else text


def fmt_dec(value: float, lang: str = "id", digits: int = 2) -> str:
    """A decimal with the reader's decimal mark.

    Examples
    --------
    >>> fmt_dec(0.5, digits=1), fmt_dec(0.5, "en", digits=1)
    ('0,5', '0.5')
    """
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "id" else text


def fmt_pct(part: float, whole: float) -> str:
    """``part`` of ``whole`` as a whole percentage ("–" when ``whole`` is 0).

    Examples
    --------
    >>> fmt_pct(1, 3), fmt_pct(0, 0)
    ('33%', '–')
    """
    return "–" if not whole else f"{100 * part / whole:.0f}%"


def join_names(names: list[str], lang: str = "id") -> str:
    """Names as a phrase: "A", "A dan B", "A, B dan C".

    Examples
    --------
    >>> join_names(["Tabang", "Sebulu", "Anggana"], "en")
    'Tabang, Sebulu and Anggana'
    """
    names = [str(n) for n in names]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + label("ringkasan_and", lang) + names[-1]


def message(code: str, lang: str = "id", /, **params: object) -> str:
    """The sentence for a problem code, with its parameters filled in."""
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    template = entry.get(lang, entry["id"])
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def label(key: str, lang: str = "id", /, **params: object) -> str:
    """A label or sentence of the briefs, with its parameters filled in."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use one of {LANGS}")
    entry = LABELS[key]
    text = entry[lang]
    return text.format(**params) if params else text
