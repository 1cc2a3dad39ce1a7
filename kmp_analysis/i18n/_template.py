"""The words of the intake workbook (``kmp template``): the phrases of its notes
and lists, what each kind of column accepts, what one row of each table is, what
each column means, and the ``petunjuk`` sheet.
"""

from __future__ import annotations

from typing import Any

#: Short phrases used to build the comments and messages, per language.
TEMPLATE_UI: dict[str, dict[str, str]] = {
    "id": {
        "type": "Format",
        "choices": "Pilihan",
        "example": "Contoh",
        "required": "Wajib diisi.",
        "optional": "Boleh kosong.",
        "key_one": "KUNCI: nilainya tidak boleh berulang di sheet ini.",
        "key_many": "Bagian dari KUNCI: kombinasi {cols} tidak boleh berulang.",
        "list_title": "Nilai tidak ada di daftar",
        "list_error": "Pilih salah satu dari daftar: {choices}.",
        "desa_title": "Kode desa tidak dikenal",
        "desa_error": (
            "Kode ini tidak ada di sheet desa. Salin kode_desa dari sheet desa, "
            "misalnya 64.02.01.2001."
        ),
    },
    "en": {
        "type": "Format",
        "choices": "Choices",
        "example": "Example",
        "required": "Required.",
        "optional": "May be left empty.",
        "key_one": "KEY: a value may not repeat on this sheet.",
        "key_many": "Part of the KEY: the combination {cols} may not repeat.",
        "list_title": "Value not in the list",
        "list_error": "Choose one of the list: {choices}.",
        "desa_title": "Unknown village code",
        "desa_error": (
            "This code is not on the desa sheet. Copy kode_desa from the desa "
            "sheet, e.g. 64.02.01.2001."
        ),
    },
}

#: What each column kind accepts, as a planner reads it.
TEMPLATE_KINDS: dict[str, dict[str, str]] = {
    "id": {
        "text": "teks bebas",
        "id": "kode (teks); tulis persis sama di setiap sheet",
        "kode_desa": (
            "kode desa Kemendagri seperti 64.02.01.2001 (6402012001 juga diterima); "
            "cari di sheet desa"
        ),
        "int": "bilangan bulat 0 atau lebih, tanpa desimal",
        "money": (
            "rupiah utuh, 0 atau lebih, tanpa sen; 1250000, 1.250.000 dan "
            "Rp 1.250.000 diterima"
        ),
        "date": "tanggal dd/mm/yyyy, yyyy-mm-dd atau sel tanggal Excel",
        "month": "bulan YYYY-MM",
        "yesno": "ya atau tidak",
        "enum": "pilih dari daftar",
    },
    "en": {
        "text": "free text",
        "id": "code (text); write it exactly the same on every sheet",
        "kode_desa": (
            "Kemendagri village code such as 64.02.01.2001 (6402012001 accepted "
            "too); look it up on the desa sheet"
        ),
        "int": "whole number, 0 or more, no decimals",
        "money": (
            "whole rupiah, 0 or more, no cents; 1250000, 1.250.000 and "
            "Rp 1.250.000 accepted"
        ),
        "date": "date as dd/mm/yyyy, yyyy-mm-dd or an Excel date cell",
        "month": "month as YYYY-MM",
        "yesno": "ya (yes) or tidak (no)",
        "enum": "choose from the list",
    },
}

#: One row of each table is one ... (petunjuk), per language.
TEMPLATE_ROWS: dict[str, dict[str, str]] = {
    "koperasi": {"id": "satu koperasi", "en": "one cooperative"},
    "unit_usaha": {
        "id": "satu unit usaha dari satu koperasi",
        "en": "one business unit of one cooperative",
    },
    "laporan_bulanan": {
        "id": "laporan satu koperasi untuk satu bulan",
        "en": "one cooperative's report for one month",
    },
    "rapat": {"id": "satu rapat", "en": "one meeting"},
    "pengurus": {
        "id": "satu pengurus atau pengawas",
        "en": "one board or supervisory member",
    },
    "bumdes": {
        "id": "satu BUMDes (satu per desa)",
        "en": "one village enterprise (one per village)",
    },
    "pelatihan": {
        "id": "satu orang pada satu jenjang pelatihan yang diikuti (BOLEH KOSONG)",
        "en": "one person at one training tier attended (OPTIONAL)",
    },
    "pendampingan": {
        "id": "satu penugasan pendamping di satu koperasi (BOLEH KOSONG)",
        "en": "one facilitator's assignment to one cooperative (OPTIONAL)",
    },
    "pembiayaan": {
        "id": "satu pencairan pinjaman bank (BOLEH KOSONG)",
        "en": "one bank loan disbursement (OPTIONAL)",
    },
}

_CHILD_ID = (
    "Koperasi yang dimaksud; harus ada di sheet koperasi.",
    "The cooperative; it must be on the koperasi sheet.",
)

#: What each column means, where the schema cannot say it: (Indonesian, English).
TEMPLATE_NOTES: dict[str, dict[str, tuple[str, str]]] = {
    "koperasi": {
        "koperasi_id": (
            "Kode unik koperasi yang Anda tentukan (mis. KMP- dan kode desa tanpa "
            "titik). Kode yang sama dipakai di sheet lain.",
            "Unique cooperative code of your choosing (e.g. KMP- and the village "
            "code without dots). The same code is used on the other sheets.",
        ),
        "nama_koperasi": ("Nama lengkap koperasi.", "Full name of the cooperative."),
        "kode_desa": (
            "Desa/kelurahan tempat koperasi berada.",
            "Village where the cooperative is.",
        ),
        "tanggal_musdes": (
            "Tanggal musyawarah desa (musdes) yang membentuk koperasi.",
            "Date of the village assembly (musdes) that founded the cooperative.",
        ),
        "tanggal_badan_hukum": (
            "Tanggal pengesahan badan hukum. Kosongkan bila belum berbadan hukum.",
            "Date the legal entity was approved. Leave empty if not yet.",
        ),
        "nib": (
            "Sudah punya NIB (Nomor Induk Berusaha)? Tulis ya/tidak, bukan nomornya.",
            "Has a business ID (NIB)? Write ya/tidak, not the number.",
        ),
        "npwp": (
            "Sudah punya NPWP atas nama koperasi? Tulis ya/tidak.",
            "Has a tax number (NPWP) of its own? Write ya/tidak.",
        ),
        "rekening_bank": (
            "Sudah punya rekening bank atas nama koperasi?",
            "Has a bank account in the cooperative's name?",
        ),
        "nik_koperasi": (
            "Sudah punya NIK (Nomor Induk Koperasi)? Tulis ya/tidak.",
            "Has a cooperative registration number (NIK)? Write ya/tidak.",
        ),
        "akun_simkopdes": (
            "Sudah punya akun SIMKOPDES?",
            "Has a SIMKOPDES account?",
        ),
        "status_pinjaman": (
            "Pinjaman modal dari bank: belum (belum mengajukan), diajukan, "
            "disetujui, dicairkan (dana sudah diterima).",
            "Bank loan for capital: belum (not applied), diajukan (applied), "
            "disetujui (approved), dicairkan (disbursed).",
        ),
        "plafon_pinjaman": (
            "Plafon pinjaman bank dalam rupiah. Kosongkan bila belum ada.",
            "Bank loan ceiling in rupiah. Leave empty if none yet.",
        ),
    },
    "unit_usaha": {
        "koperasi_id": _CHILD_ID,
        "unit": (
            "Jenis unit usaha. Satu baris per unit per koperasi.",
            "Kind of business unit. One row per unit per cooperative.",
        ),
        "status": (
            "Keadaan unit sekarang: rencana, beroperasi atau berhenti.",
            "State of the unit now: planned, operating or stopped.",
        ),
        "tanggal_mulai": (
            "Tanggal unit mulai beroperasi. Kosongkan bila belum.",
            "Date the unit started operating. Leave empty if not yet.",
        ),
    },
    "laporan_bulanan": {
        "koperasi_id": _CHILD_ID,
        "bulan": (
            "Bulan laporan. Bulan tanpa laporan: jangan buat barisnya (jangan isi 0).",
            "Month reported. A month without a report: no row (do not fill in 0).",
        ),
        "anggota_terdaftar": (
            "Jumlah anggota terdaftar pada akhir bulan.",
            "Registered members at the end of the month.",
        ),
        "anggota_aktif": (
            "Anggota yang bertransaksi dengan koperasi bulan itu. Tidak boleh lebih "
            "dari anggota_terdaftar.",
            "Members who transacted with the cooperative that month. Not more than "
            "anggota_terdaftar.",
        ),
        "omzet": (
            "Omzet (nilai penjualan) bulan itu. Isi 0 bila tidak ada transaksi.",
            "Turnover (sales) of the month. Fill in 0 if there was no trade.",
        ),
        "pendapatan_usaha": (
            "Pendapatan usaha bulan itu.",
            "Operating income of the month.",
        ),
        "biaya_operasional": (
            "Biaya operasional bulan itu.",
            "Operating costs of the month.",
        ),
        "pinjaman_beredar": (
            "Sisa pinjaman kepada anggota yang masih beredar pada akhir bulan. "
            "Kosongkan bila tidak ada usaha simpan pinjam.",
            "Loans to members outstanding at the end of the month. Leave empty "
            "without a savings-and-loan business.",
        ),
        "pinjaman_tunggak_30": (
            "Bagian pinjaman beredar yang menunggak lebih dari 30 hari. Tidak boleh "
            "lebih dari pinjaman_beredar.",
            "Part of the outstanding loans more than 30 days in arrears. Not more "
            "than pinjaman_beredar.",
        ),
        "simpanan_anggota": (
            "Jumlah simpanan anggota pada akhir bulan.",
            "Members' savings at the end of the month.",
        ),
        "tenaga_kerja": (
            "Jumlah orang yang bekerja di koperasi bulan itu.",
            "People working for the cooperative that month.",
        ),
        "pembelian_produk_lokal": (
            "Nilai pembelian produk dari produsen lokal (desa sekitar) bulan itu.",
            "Value of products bought from local producers that month.",
        ),
    },
    "rapat": {
        "koperasi_id": _CHILD_ID,
        "tanggal": ("Tanggal rapat.", "Date of the meeting."),
        "jenis": (
            "rat = Rapat Anggota Tahunan; rapat_anggota = rapat anggota lainnya; "
            "rapat_pengurus = rapat pengurus.",
            "rat = annual members' meeting; rapat_anggota = other members' "
            "meeting; rapat_pengurus = board meeting.",
        ),
        "tahun_buku": (
            "Tahun buku yang dibahas RAT. Wajib untuk RAT, kosongkan untuk rapat lain.",
            "Fiscal year the RAT covers. Required for a RAT, empty for others.",
        ),
    },
    "pengurus": {
        "koperasi_id": _CHILD_ID,
        "id_orang": (
            "Kode orang, unik dalam satu koperasi (mis. P01). Jangan tulis nama "
            "atau NIK.",
            "Person code, unique within one cooperative (e.g. P01). Do not write "
            "names or ID numbers.",
        ),
        "peran": ("Jabatan orang itu.", "The person's role."),
        "jenis_kelamin": (
            "L = laki-laki, P = perempuan.",
            "L = male, P = female.",
        ),
        "jenjang_pelatihan": (
            "Pelatihan perkoperasian tertinggi yang sudah diikuti.",
            "Highest cooperative training completed.",
        ),
    },
    "bumdes": {
        "kode_desa": (
            "Desa tempat BUMDes. Satu baris per desa.",
            "Village of the enterprise. One row per village.",
        ),
        "nama_bumdes": ("Nama BUMDes.", "Name of the village enterprise."),
        "status": (
            "aktif atau tidak_aktif.",
            "aktif (active) or tidak_aktif (inactive).",
        ),
        "unit_usaha": (
            "Usaha BUMDes, dipisah titik koma (;): nama unit koperasi (sembako, "
            "gudang, ...) atau teks bebas.",
            "The enterprise's businesses, separated by ';': cooperative unit names "
            "(sembako, gudang, ...) or free text.",
        ),
        "kerja_sama_kmp": (
            "Apakah BUMDes bekerja sama dengan koperasi (KMP) di desanya?",
            "Does the enterprise work with the village cooperative (KMP)?",
        ),
    },
    "pelatihan": {
        "koperasi_id": _CHILD_ID,
        "id_orang": (
            "Kode orang seperti di sheet pengurus; koperasi_id + id_orang harus ada "
            "di sheet pengurus.",
            "Person code as on the pengurus sheet; koperasi_id + id_orang must be "
            "on the pengurus sheet.",
        ),
        "jenjang": (
            "Jenjang pelatihan yang diikuti. Satu baris per jenjang per orang.",
            "Training tier attended. One row per tier per person.",
        ),
        "tanggal_mulai": ("Hari pertama pelatihan.", "First day of the course."),
        "tanggal_selesai": (
            "Hari terakhir pelatihan; tidak boleh sebelum tanggal_mulai.",
            "Last day of the course; not before tanggal_mulai.",
        ),
        "penyelenggara": (
            "Siapa yang menyelenggarakan (mis. Dinas Koperasi dan UKM).",
            "Who ran the course (e.g. the cooperatives office).",
        ),
        "lulus": (
            "Apakah orang itu lulus jenjang ini? jenjang_pelatihan di sheet pengurus "
            "sebaiknya jenjang tertinggi yang lulus.",
            "Did the person pass this tier? jenjang_pelatihan on the pengurus sheet "
            "should be the highest tier passed.",
        ),
    },
    "pendampingan": {
        "koperasi_id": _CHILD_ID,
        "pendamping_id": (
            "Kode pendamping (sama di setiap koperasi yang ia dampingi). Jangan tulis "
            "nama atau NIK.",
            "Facilitator code (the same at every cooperative they serve). Do not "
            "write names or ID numbers.",
        ),
        "tanggal_mulai": (
            "Tanggal pendamping mulai bertugas di koperasi ini.",
            "Date the facilitator started at this cooperative.",
        ),
        "tanggal_selesai": (
            "Tanggal tugas berakhir. Kosongkan bila masih berjalan.",
            "Date the assignment ended. Leave empty if it is ongoing.",
        ),
    },
    "pembiayaan": {
        "koperasi_id": _CHILD_ID,
        "tanggal_cair": (
            "Tanggal dana pinjaman cair ke rekening koperasi. Satu baris per "
            "pencairan.",
            "Date the loan was paid into the cooperative's account. One row per "
            "disbursement.",
        ),
        "jumlah": (
            "Jumlah yang cair, dalam rupiah; lebih dari 0.",
            "Amount disbursed, in rupiah; more than 0.",
        ),
        "bank": (
            "Bank penyalur (BRI, BNI, Mandiri, BTN, BSI).",
            "Lending bank (BRI, BNI, Mandiri, BTN, BSI).",
        ),
    },
}

TEMPLATE_GUIDE: dict[str, dict[str, Any]] = {
    "id": {
        "title": "Petunjuk pengisian: data Koperasi Desa/Kelurahan Merah Putih (KMP)",
        "intro": [
            "Workbook ini untuk data KMP Kabupaten Kutai Kartanegara.",
            "Ada satu sheet per tabel. Jangan ganti nama sheet, jangan ubah baris 1 "
            "(nama kolom).",
            "Isi mulai baris 2, satu baris per data (lihat tabel di bawah). Baris "
            "kosong dilewati.",
            "Arahkan mouse ke nama kolom di baris 1: catatannya menjelaskan isi, "
            "format dan contoh.",
            "Sheet pelatihan, pendampingan dan pembiayaan boleh dikosongkan atau "
            "dihapus: tanpa sheet itu data tetap dibaca, hanya bagian dampak "
            "dukungan yang belum dapat dihitung.",
        ],
        "tables_head": (
            "sheet",
            "satu baris berisi",
            "kolom kunci (tidak boleh berulang)",
        ),
        "formats_head": "Cara menulis nilai",
        "formats": [
            "Tanggal: dd/mm/yyyy (28/05/2025), yyyy-mm-dd (2025-05-28) atau sel "
            "tanggal Excel. Paling aman: 2025-05-28.",
            "Bulan: YYYY-MM, misalnya 2025-10.",
            "Uang: rupiah utuh tanpa sen. 1250000, 1.250.000 dan Rp 1.250.000 "
            "diterima.",
            "Ya/tidak: tulis ya atau tidak.",
            "Jumlah orang: bilangan bulat, misalnya 72.",
            "Kolom yang boleh kosong: kosongkan sel bila datanya belum ada.",
            "Bulan tanpa laporan: jangan buat baris di laporan_bulanan (jangan isi 0).",
        ],
        "lists_head": "Daftar pilihan",
        "lists": [
            "Kolom dengan panah kecil di sel punya daftar pilihan: pilih dari daftar.",
            "Bila Anda mengetik nilai lain, Excel memperingatkan. Nilai yang diketik "
            "tetap diperiksa oleh kmp validate.",
            "kode_desa: ambil dari sheet desa (237 desa/kelurahan resmi, kode "
            "Kemendagri).",
            "koperasi_id di sheet lain harus sama persis dengan di sheet koperasi.",
        ],
        "check_head": "Memeriksa file yang sudah diisi",
        "check": [
            "Simpan sebagai .xlsx, lalu jalankan:",
            "    kmp validate --data FILE.xlsx",
            "Setiap masalah tampil sebagai file[sheet]:baris:kolom: pesan. Perbaiki, "
            "lalu periksa lagi sampai tidak ada masalah.",
            "Sheet petunjuk dan desa tidak dibaca sebagai data.",
        ],
    },
    "en": {
        "title": "How to fill in: village cooperative (KMP) data",
        "intro": [
            "This workbook is for the KMP data of Kutai Kartanegara regency.",
            "There is one sheet per table. Do not rename sheets or change row 1 "
            "(column names).",
            "Start on row 2, one row per record (see the table below). Empty rows "
            "are skipped.",
            "Hover over a column name in row 1: its note gives the meaning, format "
            "and an example.",
            "The pelatihan, pendampingan and pembiayaan sheets may be left empty or "
            "deleted: the data is read without them, only the effects of support "
            "cannot be estimated yet.",
        ],
        "tables_head": ("sheet", "one row holds", "key columns (may not repeat)"),
        "formats_head": "How to write values",
        "formats": [
            "Dates: dd/mm/yyyy (28/05/2025), yyyy-mm-dd (2025-05-28) or an Excel "
            "date cell. Safest: 2025-05-28.",
            "Months: YYYY-MM, e.g. 2025-10.",
            "Money: whole rupiah, no cents. 1250000, 1.250.000 and Rp 1.250.000 are "
            "accepted.",
            "Yes/no: write ya (yes) or tidak (no).",
            "Counts of people: whole numbers, e.g. 72.",
            "Columns that may be empty: leave the cell empty if there is no data yet.",
            "A month without a report: no row in laporan_bulanan (do not fill in 0).",
        ],
        "lists_head": "Drop-down lists",
        "lists": [
            "Columns with a small arrow in the cell have a list: choose from it.",
            "If you type another value, Excel warns you. Typed values are still "
            "checked by kmp validate.",
            "kode_desa: take it from the desa sheet (the 237 official villages, "
            "Kemendagri codes).",
            "koperasi_id on the other sheets must match the koperasi sheet exactly.",
        ],
        "check_head": "Checking the filled file",
        "check": [
            "Save it as .xlsx, then run:",
            "    kmp validate --data FILE.xlsx",
            "Each problem is shown as file[sheet]:row:column: message. Fix them and "
            "check again until there are none.",
            "The petunjuk and desa sheets are not read as data.",
        ],
    },
}
