"""Messages of problems and errors: ``file:row:column: message`` lines, the
summary line, and every error a command ends with (:mod:`kmp_analysis.errors`).
"""

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
    "selesai_before_mulai": {
        "id": "tanggal_selesai ({selesai}) lebih awal dari tanggal_mulai ({mulai})",
        "en": "tanggal_selesai ({selesai}) is before tanggal_mulai ({mulai})",
    },
    "jumlah_zero": {
        "id": "jumlah pembiayaan harus lebih dari 0",
        "en": "the amount disbursed must be more than 0",
    },
    "person_not_in_pengurus": {
        "id": "orang '{value}' dari koperasi '{koperasi_id}' tidak ada di tabel "
        "pengurus",
        "en": "person '{value}' of cooperative '{koperasi_id}' is not in the "
        "pengurus table",
    },
    "jenjang_differs_pelatihan": {
        "id": "jenjang_pelatihan '{value}', tetapi menurut tabel pelatihan jenjang "
        "tertinggi yang lulus adalah '{tier}'",
        "en": "jenjang_pelatihan is '{value}', but the pelatihan table shows "
        "'{tier}' as the highest tier passed",
    },
    "jenjang_without_pelatihan": {
        "id": "jenjang_pelatihan '{value}', tetapi tabel pelatihan tidak mencatat "
        "jenjang yang lulus untuk orang ini",
        "en": "jenjang_pelatihan is '{value}', but the pelatihan table records no "
        "tier passed by this person",
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
    "history_done": {
        "id": "{n} koperasi × {periods} periode ({start} sampai {end}): "
        "{moves}; {dormant} tidak pernah bergerak sejak dibentuk -> {out}",
        "en": "{n} cooperatives × {periods} periods ({start} to {end}): "
        "{moves}; {dormant} never moved since they were formed -> {out}",
    },
    "history_moves": {
        "id": "sejak {since}: {naik} naik kelas, {turun} turun, {tetap} tetap",
        "en": "since {since}: {naik} moved up, {turun} fell back, {tetap} stayed",
    },
    "out_suffix_history": {
        "id": "--out harus berakhiran .csv, .xlsx atau .parquet",
        "en": "--out must end in .csv, .xlsx or .parquet",
    },
    "out_suffix_effects": {
        "id": "--out harus berakhiran .json atau .xlsx",
        "en": "--out must end in .json or .xlsx",
    },
    "effects_written": {
        "id": "Perkiraan dampak ditulis -> {out}",
        "en": "Effect estimates written -> {out}",
    },
    "briefs_done": {
        "id": "{written} brief ditulis, {reused} dipakai ulang, {failed} gagal, "
        "{seconds:.0f} detik -> {index}",
        "en": "{written} briefs written, {reused} reused, {failed} failed, "
        "{seconds:.0f} s -> {index}",
    },
    "rapor_done": {
        "id": "{written} rapor koperasi ditulis, {reused} dipakai ulang, "
        "{failed} gagal, {seconds:.0f} detik -> {index}",
        "en": "{written} report cards written, {reused} reused, {failed} failed, "
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
    "koperasi_option_unknown": {
        "id": "--koperasi: '{given}' tidak ada di data",
        "en": "--koperasi: '{given}' is not in the data",
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
    "gelombang_bad": {
        "id": "jumlah gelombang harus bilangan bulat 1 atau lebih, bukan {value}",
        "en": "the number of waves must be a whole number of 1 or more, not {value}",
    },
    "benih_bad": {
        "id": "benih undian harus bilangan bulat 0 atau lebih, bukan {value}",
        "en": "the seed of the draw must be a whole number of 0 or more, not {value}",
    },
    "ukuran_kelas_bad": {
        "id": "ukuran kelas pelatihan harus bilangan bulat 1 atau lebih, bukan {value}",
        "en": "the training class size must be a whole number of 1 or more, not "
        "{value}",
    },
    "plan_suffix": {
        "id": "--out harus berakhiran .xlsx (rencana ditulis sebagai buku kerja "
        "Excel).",
        "en": "--out must end in .xlsx (the plan is written as an Excel workbook).",
    },
    "plan_done": {
        "id": "Rencana pelatihan, periode {period}, benih {seed}: {waves} gelombang, "
        "{kec} kecamatan, {peserta} peserta, {kelas} kelas -> {out}",
        "en": "Training plan, period {period}, seed {seed}: {waves} waves, "
        "{kec} kecamatan, {peserta} participants, {kelas} classes -> {out}",
    },
    "plan_wave": {
        "id": "  gelombang {wave}: {names} ({peserta} peserta, {kelas} kelas)",
        "en": "  wave {wave}: {names} ({peserta} participants, {kelas} classes)",
    },
    "plan_none": {
        "id": "Tidak ada pengurus yang menunggu jenjang pelatihan berikutnya; rencana "
        "kosong ditulis ke {out}",
        "en": "No board member is waiting for a next training tier; an empty plan "
        "was written to {out}",
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
    "sample_effect_range": {
        "id": "{value} di luar rentang 0 sampai 0,5 (bagian dari anggota "
        "terdaftar, mis. 0,05 = 5 poin persentase)",
        "en": "{value} is outside 0 to 0.5 (a share of registered members, e.g. "
        "0.05 = 5 percentage points)",
    },
    "sample_effect_kukar_only": {
        "id": "--efek-* hanya untuk --scale kukar",
        "en": "--efek-* only with --scale kukar",
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
    "period_after_data": {
        "id": "periode {value} sesudah bulan terakhir data; data mencakup {first} "
        "sampai {last} (periode harus di antara keduanya)",
        "en": "period {value} is after the last month of the data; the data covers "
        "{first} to {last} (the period must lie between them)",
    },
    "period_before_data": {
        "id": "periode {value} sebelum bulan pertama data; data mencakup {first} "
        "sampai {last} (periode harus di antara keduanya)",
        "en": "period {value} is before the first month of the data; the data covers "
        "{first} to {last} (the period must lie between them)",
    },
    "koperasi_unknown": {
        "id": "koperasi '{value}' tidak ada di data",
        "en": "cooperative '{value}' is not in the data",
    },
    "excel_not_xlsx": {
        "id": "'{value}' bukan nama file .xlsx",
        "en": "'{value}' is not an .xlsx file name",
    },
    "excel_sheet_name": {
        "id": "nama sheet '{value}' tidak diterima Excel "
        "(1 sampai 31 huruf, tanpa [ ] : * ? / \\)",
        "en": "Excel does not take the sheet name '{value}' "
        "(1 to 31 characters, none of [ ] : * ? / \\)",
    },
    "period_from_after_to": {
        "id": "--from {value} sesudah --to {end}",
        "en": "--from {value} is after --to {end}",
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
    # ---- warnings summarised by kind (issue 11): errors first, --rinci for all
    "warning_kinds_header": {
        "id": "== peringatan menurut jenis ({n})",
        "en": "== warnings by kind ({n})",
    },
    "warning_kind_line": {
        "id": "  {n} × {kind}; mis. {examples}",
        "en": "  {n} × {kind}; e.g. {examples}",
    },
    "warnings_hint": {
        "id": "{n} peringatan; semua dengan --rinci",
        "en": "{n} warning(s); all of them with --rinci (--detail)",
    },
    "kind_months_not_reported": {
        "id": "koperasi dengan bulan tanpa laporan",
        "en": "cooperatives with months without a report",
    },
    "kind_never_reported": {
        "id": "koperasi yang belum pernah melapor",
        "en": "cooperatives that never reported",
    },
    "kind_date_after_data": {
        "id": "tanggal sesudah bulan terakhir data",
        "en": "dates after the last month of the data",
    },
    "kind_year_after_data": {
        "id": "tahun_buku sesudah tahun terakhir data",
        "en": "tahun_buku after the last year of the data",
    },
    "kind_month_outlier": {
        "id": "bulan yang jauh sesudah bulan lain (salah ketik?)",
        "en": "months far after the others (typos?)",
    },
    "kind_no_cooperatives": {
        "id": "tabel koperasi kosong",
        "en": "empty koperasi table",
    },
    "kind_column_unknown": {
        "id": "kolom tak dikenal (diabaikan)",
        "en": "unknown columns (ignored)",
    },
    "kind_column_unnamed": {
        "id": "kolom tanpa judul (diabaikan)",
        "en": "columns without a header (ignored)",
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
    "value_to_check": {
        "id": "{kolom} {bulan}: {nilai}, {kali} median {n} bulan sebelumnya "
        "({acuan}); perlu dicek",
        "en": "{kolom} {bulan}: {nilai}, {kali} the median of the {n} previous months "
        "({acuan}); to check",
    },
    "kind_value_to_check": {
        "id": "angka yang perlu dicek (jauh dari riwayat koperasinya)",
        "en": "figures to check (far from the cooperative's own history)",
    },
    "month_outlier": {
        "id": "bulan {value} jauh sesudah bulan lain di data (sebelumnya {previous}); "
        "salah ketik?",
        "en": "month {value} is far after the other months of the data (before it: "
        "{previous}); a typo?",
    },
    # ---- the phone form and its exports, many sources (issue 16)
    "form_suffix": {
        "id": "harus berakhiran .xlsx (formulir XLSForm adalah workbook Excel)",
        "en": "must end in .xlsx (an XLSForm is an Excel workbook)",
    },
    "form_written": {
        "id": "Formulir laporan bulanan ({n} pertanyaan, versi {version}) ditulis ke "
        "{path}: unggah ke ODK Central atau KoboToolbox.",
        "en": "Monthly-report form ({n} questions, version {version}) written to "
        "{path}: upload it to ODK Central or KoboToolbox.",
    },
    "export_unrecognised": {
        "id": "bukan ekspor formulir ODK Central/KoboToolbox (tidak ada kolom "
        "SubmissionDate/KEY atau _submission_time) dan bukan workbook templat",
        "en": "not an ODK Central/KoboToolbox form export (no SubmissionDate/KEY or "
        "_submission_time column) and not a template workbook",
    },
    "submission_replaced": {
        "id": "{koperasi_id} bulan {bulan} dikirim lebih dari sekali: kiriman {old} "
        "diganti kiriman terbaru {new} (baris {new_row})",
        "en": "{koperasi_id} month {bulan} was submitted more than once: submission "
        "{old} is replaced by the latest submission {new} (row {new_row})",
    },
    "kind_submission_replaced": {
        "id": "laporan yang dikirim ulang (kiriman terbaru dipakai)",
        "en": "reports submitted again (the latest submission is used)",
    },
    "table_in_no_source": {
        "id": "tabel '{table}' tidak ada di satu pun sumber di folder ini",
        "en": "table '{table}' is in none of the sources in this folder",
    },
    "key_in_two_files": {
        "id": "{key} juga ada di {other} dengan isi lain; satu baris per kunci di "
        "seluruh berkas",
        "en": "{key} is also in {other} with other values; one row per key across "
        "all files",
    },
    "same_row_in_two_files": {
        "id": "{key} sama persis dengan {other}; dipakai sekali",
        "en": "{key} is the same as {other}; used once",
    },
    "kind_same_row_in_two_files": {
        "id": "baris yang sama di dua berkas (dipakai sekali)",
        "en": "the same row in two files (used once)",
    },
    "sources_header": {
        "id": "Sumber data ({n}):",
        "en": "Data sources ({n}):",
    },
    "source_line": {
        "id": "  {source}: baris {rows}; {months}",
        "en": "  {source}: rows {rows}; {months}",
    },
    "source_months": {
        "id": "laporan {first}–{last} ({n} bulan)",
        "en": "reports {first}–{last} ({n} month(s))",
    },
    "source_no_reports": {
        "id": "tanpa laporan bulanan",
        "en": "no monthly report",
    },
    "source_behind": {
        "id": "belum ada laporan {last}",
        "en": "no report yet for {last}",
    },
}
