"""Labels and sentences of everything a planner reads in briefs, the summary, the
explorer, the index page and progress lines.
"""

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
    # ---- the IDM status on the maps (issue 12): brief map, explorer switch
    "map_idm_title": {
        "id": "Status IDM desa (2024)",
        "en": "Village IDM status (2024)",
    },
    "map_idm_source": {
        "id": "Sumber: Kemendes PDTT, Indeks Desa Membangun 2024",
        "en": "Source: Kemendes PDTT, Indeks Desa Membangun 2024",
    },
    "map_alt_idm": {
        "id": "{alt}; di sampingnya peta kecil status IDM desa 2024: {counts}",
        "en": "{alt}; beside it a small map of the village IDM status 2024: {counts}",
    },
    "map_idm_alt": {
        "id": "Peta desa/kelurahan di Kecamatan {nama} diwarnai menurut status IDM "
        "desa 2024: {counts}",
        "en": "Map of the villages of Kecamatan {nama} coloured by village IDM "
        "status 2024: {counts}",
    },
    "peta_warna": {"id": "Warna peta", "en": "Map colour"},
    "peta_warna_kelas": {"id": "Kelas KMP", "en": "KMP class"},
    "peta_warna_status_idm": {"id": "Status IDM desa", "en": "Village IDM status"},
    "peta_warna_tanpa_konteks": {
        "id": "Status IDM hanya ada untuk desa Kutai Kartanegara; data ini tidak "
        "membawanya, jadi peta diwarnai menurut kelas.",
        "en": "The IDM status exists only for the desa of Kutai Kartanegara; this "
        "data does not carry it, so the map is coloured by class.",
    },
    "section_table": {"id": "Daftar koperasi", "en": "Cooperatives"},
    "section_change": {"id": "Perubahan sejak {since}", "en": "Change since {since}"},
    "section_change_none": {"id": "Perubahan", "en": "Change"},
    "change_moves": {
        "id": "{naik} KMP naik kelas, {turun} turun, {tetap} tetap (kabupaten: "
        "{naik_kab} naik, {turun_kab} turun).",
        "en": "{naik} KMP moved up a class, {turun} fell back, {tetap} stayed "
        "(regency: {naik_kab} up, {turun_kab} back).",
    },
    "change_never": {
        "id": "{n} KMP tidak pernah bergerak sejak dibentuk (kabupaten: {n_kab}).",
        "en": "{n} KMP have never moved since they were formed (regency: {n_kab}).",
    },
    "change_share": {
        "id": "Pangsa aktif atau berdampak: {then} pada {since}, kini {now} "
        "(kabupaten: {then_kab} → {now_kab}).",
        "en": "Share active or impactful: {then} in {since}, now {now} "
        "(regency: {then_kab} → {now_kab}).",
    },
    "change_no_previous": {
        "id": "Belum ada jendela {months} bulan sebelumnya: data dimulai {first}.",
        "en": "No previous {months}-month window yet: the data begins in {first}.",
    },
    "change_matrix_title": {
        "id": "Perpindahan kelas (baris: kelas {since}; kolom: kelas sekarang)",
        "en": "Class transitions (rows: class in {since}; columns: class now)",
    },
    "change_shares_alt": {
        "id": "Pangsa kelas KMP di Kecamatan {nama} per bulan, dengan garis "
        "kabupaten (aktif atau berdampak)",
        "en": "Class shares of the KMP in Kecamatan {nama} by month, with the "
        "regency line (active or impactful)",
    },
    "change_shares_regency": {
        "id": "Kabupaten: aktif atau berdampak",
        "en": "Regency: active or impactful",
    },
    "strip_legend": {
        "id": "Kelas 12 bulan terakhir, terlama di kiri: T tidak bergerak, "
        "A administratif, K aktif, B berdampak, · belum ada data.",
        "en": "Class over the last 12 months, oldest on the left: D dormant, "
        "F formal only, A active, I impactful, · no data yet.",
    },
    "ringkasan_change_moves": {
        "id": "Sejak {since}: {naik} KMP naik kelas, {turun} turun, {tetap} tetap.",
        "en": "Since {since}: {naik} KMP moved up a class, {turun} fell back, "
        "{tetap} stayed.",
    },
    "ringkasan_change_best": {
        "id": "Paling membaik: Kecamatan {nama} ({up} poin aktif atau berdampak); "
        "paling memburuk: Kecamatan {nama_low} ({down} poin).",
        "en": "Most improved: Kecamatan {nama} ({up} points active or impactful); "
        "most worsened: Kecamatan {nama_low} ({down} points).",
    },
    "ringkasan_change_best_no_worse": {
        "id": "Paling membaik: Kecamatan {nama} ({up} poin aktif atau berdampak); "
        "tidak ada kecamatan yang memburuk.",
        "en": "Most improved: Kecamatan {nama} ({up} points active or impactful); "
        "no kecamatan worsened.",
    },
    "ringkasan_change_never": {
        "id": "{n} KMP masih nama tanpa gerak sejak dibentuk (atau sejak awal data): "
        "median {median} bulan, terlama {longest} bulan (sejak {since}).",
        "en": "{n} KMP are still a name without movement since they were formed (or "
        "since the data begins): median {median} months, longest {longest} months "
        "(since {since}).",
    },
    "ringkasan_flow_alt": {
        "id": "Arus koperasi antar kelas: {windows}",
        "en": "Flow of cooperatives between classes: {windows}",
    },
    "ringkasan_trends_alt": {
        "id": "Pangsa aktif atau berdampak per kecamatan, 12 bulan terakhir "
        "(abu-abu: kabupaten)",
        "en": "Share active or impactful per kecamatan, last 12 months (grey: regency)",
    },
    "ringkasan_change_table": {
        "id": "Kecamatan yang paling membaik dan memburuk sejak {since}",
        "en": "Kecamatan that improved and worsened most since {since}",
    },
    "ringkasan_dormant_table": {
        "id": "Lama KMP tanpa gerak (sejak dibentuk atau sejak awal data)",
        "en": "How long KMP have been without movement (since formed, or since the "
        "data begins)",
    },
    "ringkasan_dormant_none": {
        "id": "Tidak ada KMP yang tanpa gerak sejak dibentuk.",
        "en": "No KMP has been without movement since it was formed.",
    },
    # ---- regency summary: village context and remoteness (issue 12)
    "ringkasan_section_konteks": {
        "id": "Konteks desa (Indeks Desa Membangun 2024)",
        "en": "Village context (Village Development Index, IDM 2024)",
    },
    "ringkasan_konteks_none": {
        "id": "Data ini tidak memuat konteks desa: Indeks Desa Membangun tersedia "
        "hanya untuk desa-desa Kutai Kartanegara di data referensi.",
        "en": "These data carry no village context: the Village Development Index "
        "is available only for the villages of Kutai Kartanegara in the reference "
        "data.",
    },
    "ringkasan_konteks_shares": {
        "id": "KMP aktif atau berdampak menurut status IDM desanya: {items}.",
        "en": "KMP active or impactful by the IDM status of their village: {items}.",
    },
    "ringkasan_konteks_item": {
        "id": "{status} {pct} ({n_active} dari {n})",
        "en": "{status} {pct} ({n_active} of {n})",
    },
    "ringkasan_konteks_not_cause": {
        "id": "Ini konteks, bukan sebab: status dan fasilitas desa tidak menentukan "
        "kelas sebuah KMP. Kedua daftar di bawah adalah pertanyaan untuk kunjungan "
        "lapangan, bukan penilaian.",
        "en": "This is context, not a cause: a village's status and facilities do "
        "not decide the class of its KMP. The two lists below are questions for a "
        "field visit, not judgements.",
    },
    "ringkasan_konteks_table": {
        "id": "KMP per kelas menurut status IDM desa (jumlah dan pangsa dalam baris)",
        "en": "KMP per class by the IDM status of their village (count and share of "
        "the row)",
    },
    "ringkasan_perlu_ditanya": {
        "id": "Perlu ditanya: {n} KMP",
        "en": "To ask why: {n} KMP",
    },
    "ringkasan_perlu_ditanya_note": {
        "id": "KMP {tb} atau {adm} di desa yang konteksnya mendukung (Mandiri; ada "
        "bank/BPR atau fasilitas kredit; pasar permanen; jalan roda empat sepanjang "
        "tahun). Indeks Outcome terendah lebih dahulu.",
        "en": "{tb} or {adm} KMP in villages whose context is favourable (Mandiri; "
        "a bank or BPR, or credit available; a permanent market; a four-wheel road "
        "all year). Lowest Outcome index first.",
    },
    "ringkasan_titik_terang": {
        "id": "Titik terang: {n} KMP",
        "en": "Bright spots: {n} KMP",
    },
    "ringkasan_titik_terang_note": {
        "id": "KMP {aktif} atau {berdampak} di desa yang konteksnya sulit "
        "(Berkembang atau lebih rendah; tanpa bank/BPR maupun fasilitas kredit; "
        "tanpa jalan roda empat sepanjang tahun; atau fasilitas kesehatan lebih "
        "dari satu jam): apa yang mereka lakukan mungkin dapat ditiru. Indeks "
        "Outcome tertinggi lebih dahulu.",
        "en": "{aktif} or {berdampak} KMP in villages whose context is hard "
        "(Berkembang or lower; neither bank nor credit; no four-wheel road all "
        "year; or health care more than an hour away): what they do may travel. "
        "Highest Outcome index first.",
    },
    "ringkasan_konteks_list_none": {
        "id": "Tidak ada KMP dalam daftar ini.",
        "en": "No KMP on this list.",
    },
    "ringkasan_konteks_more": {
        "id": "… dan {n} KMP lainnya (daftar lengkap di ringkasan.json).",
        "en": "… and {n} more KMP (the full list is in ringkasan.json).",
    },
    "ringkasan_peer_table": {
        "id": "Median sejawat menurut status IDM desa",
        "en": "Peer medians by the IDM status of the village",
    },
    "ringkasan_peer_note": {
        "id": "Pembanding yang dikutip brief kecamatan: sebuah KMP dibaca di samping "
        "median KMP di desa berstatus IDM sama di seluruh kabupaten.",
        "en": "The reference a kecamatan brief quotes: a KMP is read beside the "
        "median of KMP in villages of the same IDM status across the regency.",
    },
    "konteks_semua_kmp": {"id": "Semua KMP", "en": "All KMP"},
    "konteks_kelurahan": {"id": "kelurahan (tanpa IDM)", "en": "kelurahan (no IDM)"},
    "konteks_tanpa_bank_kredit": {
        "id": "tanpa bank/BPR maupun fasilitas kredit",
        "en": "neither bank nor credit",
    },
    "ringkasan_terpencil_note": {
        "id": "Bobot keterpencilan {w} (rekomendasi.bobot_terpencil): kebutuhan KMP "
        "di desa terpencil (jalan roda empat tidak sepanjang tahun atau fasilitas "
        "kesehatan lebih dari 60 menit) dihitung ×{times}; {n_far} dari {n} KMP yang "
        "membutuhkan pendamping berada di desa terpencil.",
        "en": "Remoteness weight {w} (rekomendasi.bobot_terpencil): the need of a KMP "
        "in a remote village (no four-wheel road all year, or health care more than "
        "60 minutes away) counts ×{times}; {n_far} of the {n} KMP in need are in "
        "remote villages.",
    },
    "ringkasan_terpencil_changed": {
        "id": "Dibanding alokasi tanpa bobot ini, {moved} pendamping berpindah: "
        "{n_gain} kecamatan bertambah ({gain}), {n_lose} berkurang ({lose}).",
        "en": "Compared with the allocation without this weight, {moved} "
        "facilitators move: {n_gain} kecamatan gain ({gain}), {n_lose} lose "
        "({lose}).",
    },
    "ringkasan_terpencil_unchanged": {
        "id": "Bobot ini tidak mengubah alokasi.",
        "en": "The weight does not change the allocation.",
    },
    "ringkasan_terpencil_no_context": {
        "id": "Bobot keterpencilan {w} tidak berpengaruh: data ini tidak memuat "
        "konteks desa.",
        "en": "The remoteness weight {w} has no effect: these data carry no village "
        "context.",
    },
    "alokasi_bobot_terpencil_buruk": {
        "id": "bobot_terpencil={w} harus bilangan 0 atau lebih.",
        "en": "bobot_terpencil={w} must be a number of 0 or more.",
    },
    # ---- village context (issue 12): Indeks Desa Membangun and its facts
    "konteks_tidak_berlaku": {
        "id": "tidak berlaku (kelurahan)",
        "en": "not applicable (kelurahan)",
    },
    "status_idm:mandiri": {"id": "Mandiri", "en": "Independent (Mandiri)"},
    "status_idm:maju": {"id": "Maju", "en": "Advanced (Maju)"},
    "status_idm:berkembang": {"id": "Berkembang", "en": "Developing (Berkembang)"},
    "status_idm:tertinggal": {"id": "Tertinggal", "en": "Underdeveloped (Tertinggal)"},
    "status_idm:sangat_tertinggal": {
        "id": "Sangat tertinggal",
        "en": "Very underdeveloped (Sangat tertinggal)",
    },
    "perubahan_idm:naik": {"id": "naik sejak 2023", "en": "up since 2023"},
    "perubahan_idm:tetap": {"id": "tetap sejak 2023", "en": "same as 2023"},
    "perubahan_idm:turun": {"id": "turun sejak 2023", "en": "down since 2023"},
    "bank_bpr:ada": {"id": "ada bank/BPR", "en": "a bank or BPR"},
    "bank_bpr:tidak_ada": {"id": "tidak ada bank/BPR", "en": "no bank or BPR"},
    "fasilitas_kredit:ada": {"id": "ada fasilitas kredit", "en": "credit available"},
    "fasilitas_kredit:tidak_ada": {
        "id": "tidak ada fasilitas kredit",
        "en": "no credit facility",
    },
    "pasar_permanen:ada": {"id": "pasar permanen", "en": "a permanent market"},
    "pasar_permanen:tidak_ada": {
        "id": "tidak ada pasar permanen",
        "en": "no permanent market",
    },
    "jalan_roda_empat:sepanjang_tahun": {
        "id": "jalan roda empat sepanjang tahun",
        "en": "four-wheel road all year",
    },
    "jalan_roda_empat:musiman": {
        "id": "jalan roda empat kecuali saat tertentu",
        "en": "four-wheel road except at certain times",
    },
    "jalan_roda_empat:tidak_bisa": {
        "id": "tidak ada jalan roda empat sepanjang tahun",
        "en": "no four-wheel road at any time of year",
    },
    "waktu_ke_faskes:paling_30": {
        "id": "fasilitas kesehatan ≤ 30 menit",
        "en": "health care within 30 minutes",
    },
    "waktu_ke_faskes:31_60": {
        "id": "fasilitas kesehatan 31–60 menit",
        "en": "health care 31–60 minutes away",
    },
    "waktu_ke_faskes:lebih_60": {
        "id": "waktu tempuh ke fasilitas kesehatan > 60 menit",
        "en": "more than 60 minutes to health care",
    },
    "konteks:mendukung": {"id": "mendukung", "en": "favourable"},
    "konteks:sulit": {"id": "sulit", "en": "hard"},
    "konteks:biasa": {"id": "biasa", "en": "ordinary"},
    "context_ask_why": {
        "id": "{k} dari {n} KMP tidak bergerak di Kecamatan {nama} berada di desa "
        "Mandiri dengan bank atau kredit, pasar dan jalan sepanjang tahun: perlu "
        "ditanya mengapa (konteks, bukan sebab).",
        "en": "{k} of the {n} dormant KMP in Kecamatan {nama} are in Mandiri desa with "
        "a bank or credit, a market and an all-year road: ask why (context, not a "
        "cause).",
    },
    "context_hard": {
        "id": "{k} dari {n} KMP tidak bergerak berada di desa yang sulit (Berkembang, "
        "tanpa bank maupun kredit, atau jalan tidak sepanjang tahun): perlu pendamping "
        "dan kesabaran (konteks, bukan sebab).",
        "en": "{k} of the {n} dormant KMP are in hard desa (Berkembang, neither bank "
        "nor credit, or no all-year road): they need a pendamping and patience "
        "(context, not a cause).",
    },
    "context_bright": {
        "id": "{k} KMP aktif atau berdampak di desa yang sulit: titik terang yang "
        "layak dipelajari.",
        "en": "{k} active or impactful KMP work in hard desa: bright spots worth "
        "learning from.",
    },
    "context_none": {
        "id": "Tidak ada KMP tidak bergerak di desa yang mendukung atau sulit, dan "
        "tidak ada KMP aktif di desa yang sulit.",
        "en": "No dormant KMP is in a favourable or a hard desa, and no active KMP "
        "is in a hard one.",
    },
    "context_all_kelurahan": {
        "id": "Semua wilayah di kecamatan ini kelurahan: IDM tidak berlaku.",
        "en": "Every village here is a kelurahan: the IDM does not apply.",
    },
    "section_peers": {
        "id": "Dibanding KMP di desa berstatus IDM sama (median Kukar dalam kurung)",
        "en": "Beside KMP in desa of the same IDM status (Kukar median in brackets)",
    },
    "peer_value": {
        "id": "{value} (median {median})",
        "en": "{value} (median {median})",
    },
    # ---- the steps to the next class (issue 13, DESIGN §7 "Langkah")
    "step_bulan_transaksi": {
        "id": "{kurang} bulan lagi dengan omzet dalam 6 bulan",
        "en": "{kurang} more months with turnover in the 6 months",
    },
    "step_bulan_transaksi_r": {
        "id": "paling sedikit {kurang} bulan dengan omzet dalam 3 bulan terakhir",
        "en": "at least {kurang} month with turnover in the last 3 months",
    },
    "step_partisipasi": {
        "id": "{kurang} anggota lagi yang bertransaksi setiap bulan",
        "en": "{kurang} more members who transact every month",
    },
    "step_unit_beroperasi": {
        "id": "{kurang} unit usaha lagi yang beroperasi",
        "en": "{kurang} more operating business units",
    },
    "step_kemandirian": {
        "id": "Rp {kurang} lagi pendapatan usaha setiap bulan",
        "en": "Rp {kurang} more business income every month",
    },
    "step_manfaat": {
        "id": "{kurang} manfaat lagi bagi anggota (belum: {belum})",
        "en": "{kurang} more benefits to members (missing: {belum})",
    },
    "step_par30": {
        "id": "tagih Rp {kurang} tunggakan lebih dari 30 hari",
        "en": "collect Rp {kurang} of arrears over 30 days",
    },
    "step_laporan_terakhir": {
        "id": "kirim {kurang} laporan bulanan yang belum masuk",
        "en": "send the {kurang} monthly reports still missing",
    },
    "step_pengurus_lengkap": {
        "id": "isi {kurang} jabatan pengurus/pengawas yang kosong",
        "en": "fill {kurang} empty board or supervisor posts",
    },
    "steps_more": {
        "id": " (+{n} langkah lagi di rapor)",
        "en": " (+{n} more on the card)",
    },
    "step_keep": {
        "id": "pertahankan {indikator}: {nilai} (ambang {ambang})",
        "en": "keep {indikator}: {nilai} (threshold {ambang})",
    },
    "step_record_cost": {
        "id": "catat biaya operasional setiap bulan (kemandirian belum dapat dihitung)",
        "en": "record the operating cost every month (self-sufficiency cannot be "
        "computed yet)",
    },
    "step_name_partisipasi": {
        "id": "partisipasi anggota",
        "en": "member participation",
    },
    "step_name_unit_beroperasi": {
        "id": "unit usaha beroperasi",
        "en": "operating units",
    },
    "step_name_kemandirian": {
        "id": "kemandirian operasional",
        "en": "self-sufficiency",
    },
    "step_name_manfaat": {"id": "manfaat bagi anggota", "en": "benefits to members"},
    "benefit_tenaga_kerja": {
        "id": "paling sedikit 5 tenaga kerja",
        "en": "at least 5 workers",
    },
    "benefit_pembelian_lokal": {
        "id": "membeli produk lokal",
        "en": "buying local produce",
    },
    "benefit_simpan_pinjam": {
        "id": "simpan pinjam dengan tunggakan ≤ 5%",
        "en": "savings and loans with arrears ≤ 5%",
    },
    "benefit_klinik_apotek": {"id": "klinik atau apotek", "en": "a clinic or pharmacy"},
    # ---- the cooperative's report card (issue 13)
    "rapor_title": {"id": "Rapor KMP — {nama}", "en": "KMP report card — {nama}"},
    "rapor_subtitle": {
        "id": "Desa/kelurahan {desa}, Kecamatan {kecamatan} · periode {period} · "
        "laporan terakhir {last}",
        "en": "Village {desa}, Kecamatan {kecamatan} · period {period} · latest "
        "report {last}",
    },
    "rapor_standing": {
        "id": "Kelas sekarang {now}; 6 bulan lalu {before} {arrow}; kelas berikutnya "
        "{next}.",
        "en": "Class now {now}; 6 months ago {before} {arrow}; next class {next}.",
    },
    "rapor_top_class": {"id": "(sudah tertinggi)", "en": "(already the highest)"},
    "rapor_strip": {"id": "Kelas 12 bulan terakhir:", "en": "Class, last 12 months:"},
    "rapor_ind_bulan_transaksi": {
        "id": "Bulan dengan omzet (dari 6)",
        "en": "Months with turnover (of 6)",
    },
    "rapor_ind_partisipasi": {
        "id": "Anggota yang bertransaksi",
        "en": "Members who transact",
    },
    "rapor_ind_omzet_per_anggota": {
        "id": "Omzet per anggota per bulan",
        "en": "Turnover per member per month",
    },
    "rapor_ind_unit_beroperasi": {
        "id": "Unit usaha beroperasi",
        "en": "Operating business units",
    },
    "rapor_ind_kemandirian": {
        "id": "Kemandirian (pendapatan ÷ biaya)",
        "en": "Self-sufficiency (income ÷ cost)",
    },
    "rapor_ind_manfaat": {"id": "Manfaat bagi anggota", "en": "Benefits to members"},
    "rapor_points": {"id": "poin", "en": "points"},
    "rapor_section_ind": {"id": "Angka utama", "en": "Key figures"},
    "rapor_section_steps": {
        "id": "Langkah ke kelas berikutnya",
        "en": "Steps to the next class",
    },
    "rapor_section_around": {"id": "Sekitar koperasi", "en": "Around the cooperative"},
    "rapor_context": {"id": "Desa: {facts}.", "en": "Village: {facts}."},
    "rapor_training": {
        "id": "Pengurus terlatih: {terlatih} dari {pengurus} ({tiers}); jenjang "
        "berikutnya: {next}.",
        "en": "Board trained: {terlatih} of {pengurus} ({tiers}); next tier: {next}.",
    },
    "rapor_tier_item": {"id": "{tier} {n}", "en": "{tier} {n}"},
    "rapor_last_course": {
        "id": " Pelatihan terakhir yang diluluskan: {month}.",
        "en": " Last course passed: {month}.",
    },
    "rapor_pendamping": {
        "id": "Pendamping: {id}; didampingi sejak {month} ({n} bulan).",
        "en": "Facilitator: {id}; facilitated since {month} ({n} months).",
    },
    "rapor_pendamping_left": {
        "id": "Pendamping: tidak ada sekarang (didampingi {month_from}–{month_to}).",
        "en": "Facilitator: none now (facilitated {month_from}–{month_to}).",
    },
    "rapor_pendamping_none": {
        "id": "Pendamping: belum ada pendamping.",
        "en": "Facilitator: none yet.",
    },
    "rapor_pendamping_no_data": {
        "id": "Pendamping: belum ada data pendampingan.",
        "en": "Facilitator: no facilitation data yet.",
    },
    "rapor_financing_one": {
        "id": "Pembiayaan: {jumlah} dicairkan {month} ({bank}).",
        "en": "Financing: {jumlah} disbursed in {month} ({bank}).",
    },
    "rapor_financing_many": {
        "id": "Pembiayaan: {jumlah} dalam {n} pencairan, terakhir {month} ({bank}).",
        "en": "Financing: {jumlah} in {n} disbursements, the last in {month} ({bank}).",
    },
    "rapor_bumdes": {
        "id": "{nama}: {tindakan}.",
        "en": "{nama}: {tindakan}.",
    },
    "rapor_risks": {"id": "Berisiko: {risks}.", "en": "At risk: {risks}."},
    "rapor_check": {"id": "Perlu dicek: {flag}", "en": "To check: {flag}"},
    "rapor_section_actions": {
        "id": "Tindakan yang disepakati (diisi bersama pengurus dan pendamping)",
        "en": "Actions agreed (filled in with the board and the facilitator)",
    },
    "rapor_next_review": {
        "id": "Tinjauan berikutnya (6 bulan): tanggal ____________  paraf ________",
        "en": "Next review (6 months): date ____________  initials ________",
    },
    "rapor_legend": {
        "id": "Kelas: Tidak bergerak = tidak ada omzet dalam {recent} bulan terakhir; "
        "Administratif = bergerak tetapi belum memenuhi syarat Aktif; Aktif = omzet "
        "≥ {aktif_bulan} dari {window} bulan, ≥ {aktif_partisipasi} anggota "
        "bertransaksi, ≥ {aktif_unit} unit beroperasi; Berdampak = Aktif dan ≥ "
        "{berdampak_partisipasi} anggota bertransaksi, ≥ {berdampak_unit} unit, "
        "kemandirian (pendapatan ÷ biaya) ≥ {berdampak_kemandirian}, ≥ "
        "{berdampak_manfaat} manfaat. Median kecamatan: nilai tengah koperasi di "
        "kecamatan ini.",
        "en": "Classes: Dormant = no turnover in the last {recent} months; Formal only "
        "= moving but not yet Active; Active = turnover in ≥ {aktif_bulan} of {window} "
        "months, ≥ {aktif_partisipasi} of members transacting, ≥ {aktif_unit} "
        "operating unit(s); Impactful = Active and ≥ {berdampak_partisipasi} "
        "transacting, ≥ {berdampak_unit} units, self-sufficiency (income ÷ cost) ≥ "
        "{berdampak_kemandirian}, ≥ {berdampak_manfaat} benefits. Kecamatan median: "
        "the middle value of the cooperatives of this kecamatan.",
    },
    "letter_tidak_bergerak": {"id": "T", "en": "D"},
    "letter_administratif": {"id": "A", "en": "F"},
    "letter_aktif": {"id": "K", "en": "A"},
    "letter_berdampak": {"id": "B", "en": "I"},
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
    # ---- issue 11: values to check (consistency over time), warnings by kind
    "quality_perlu_dicek": {
        "id": "Angka yang perlu dicek",
        "en": "Figures to check",
    },
    "quality_perlu_dicek_hijau": {
        "id": "tidak ada angka yang jauh dari riwayat koperasinya",
        "en": "no figure far from its cooperative's own history",
    },
    "quality_perlu_dicek_kuning": {
        "id": "angka jauh dari riwayat koperasinya: cek dengan pengurus",
        "en": "figures far from their cooperative's history: check with the board",
    },
    "perlu_dicek_line": {
        "id": "{nama}: {text}",
        "en": "{nama}: {text}",
    },
    "perlu_dicek_more": {"id": "dan {n} lainnya", "en": "and {n} more"},
    "perlu_dicek_value": {
        "id": "{n} angka ({k} koperasi)",
        "en": "{n} figure(s) ({k} cooperative(s))",
    },
    "rupiah": {"id": "Rp {n}", "en": "Rp {n}"},
    "data_warnings_heading": {
        "id": "Catatan pemeriksaan data",
        "en": "Data check notes",
    },
    "data_warnings_all": {
        "id": "Semua catatan ({n} baris)",
        "en": "All notes ({n} lines)",
    },
    "data_warnings_cut": {
        "id": "… dan {n} baris lagi; semuanya dengan: kmp validate --rinci",
        "en": "… and {n} more lines; all of them with: kmp validate --detail",
    },
    "month_1": {"id": "Januari", "en": "January"},
    "month_2": {"id": "Februari", "en": "February"},
    "month_3": {"id": "Maret", "en": "March"},
    "month_4": {"id": "April", "en": "April"},
    "month_5": {"id": "Mei", "en": "May"},
    "month_6": {"id": "Juni", "en": "June"},
    "month_7": {"id": "Juli", "en": "July"},
    "month_8": {"id": "Agustus", "en": "August"},
    "month_9": {"id": "September", "en": "September"},
    "month_10": {"id": "Oktober", "en": "October"},
    "month_11": {"id": "November", "en": "November"},
    "month_12": {"id": "Desember", "en": "December"},
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
    # ---- support received so far (issue 15): describes, does not estimate
    "section_support": {
        "id": "Dukungan yang sudah diterima",
        "en": "Support received so far",
    },
    "support_training": {
        "id": "{terlatih} dari {pengurus} pengurus dan pengawas ({pct}; kabupaten "
        "{pct_kab}) sudah dilatih: dasar {dasar} ({pct_dasar}), menengah {menengah} "
        "({pct_menengah}), lanjut {lanjut} ({pct_lanjut}); {belum} ({pct_belum}) "
        "belum.",
        "en": "{terlatih} of {pengurus} board members and supervisors ({pct}; "
        "regency {pct_kab}) are trained: basic {dasar} ({pct_dasar}), intermediate "
        "{menengah} ({pct_menengah}), advanced {lanjut} ({pct_lanjut}); {belum} "
        "({pct_belum}) not yet.",
    },
    "support_training_nobody": {
        "id": "Belum ada data pengurus di kecamatan ini.",
        "en": "No board members recorded in this kecamatan yet.",
    },
    "support_next_tier": {
        "id": "Jenjang berikutnya: {next}; peserta dan kelasnya ada di tabel "
        "{section} di atas.",
        "en": "Next tier: {next}; participants and classes are in the {section} "
        "table above.",
    },
    "support_next_item": {"id": "{n} orang ke {tier}", "en": "{n} to {tier}"},
    "support_last_course": {
        "id": "Pelatihan terakhir yang diluluskan selesai {month}.",
        "en": "The last course passed ended in {month}.",
    },
    "support_no_pelatihan": {
        "id": "Belum ada data pelatihan (jenjang di atas menurut tabel pengurus).",
        "en": "No training data yet (the tiers above are those of the board table).",
    },
    "support_pendamping": {
        "id": "{n} dari {total} KMP didampingi pendamping sekarang; median "
        "{bulan} bulan sejak pendamping pertama datang.",
        "en": "{n} of {total} KMP have a facilitator now; median {bulan} months since "
        "the first facilitator arrived.",
    },
    "support_pendamping_zero": {
        "id": "Belum ada KMP di kecamatan ini yang didampingi pendamping sekarang.",
        "en": "No KMP in this kecamatan has a facilitator now.",
    },
    "support_no_pendampingan": {
        "id": "Belum ada data pendampingan.",
        "en": "No facilitation (pendampingan) data yet.",
    },
    "support_financing": {
        "id": "{n} dari {total} KMP sudah menerima pembiayaan, seluruhnya {jumlah}.",
        "en": "{n} of {total} KMP have received financing, {jumlah} in all.",
    },
    "support_financing_zero": {
        "id": "Belum ada KMP di kecamatan ini yang menerima pembiayaan.",
        "en": "No KMP in this kecamatan has received financing yet.",
    },
    "support_no_pembiayaan": {
        "id": "Belum ada data pembiayaan.",
        "en": "No financing (pembiayaan) data yet.",
    },
    "support_of": {"id": "{n} dari {total}", "en": "{n} of {total}"},
    "support_table": {
        "id": "Dukungan per koperasi",
        "en": "Support per cooperative",
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
    "sebelumnya": {
        "id": "jendela sebelumnya (6 bulan lalu)",
        "en": "previous window (6 months earlier)",
    },
    "pertama": {
        "id": "saat dibentuk (atau awal data)",
        "en": "when formed (or when the data begins)",
    },
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
    "explore_hint": {
        "id": "Penggeser dan peta bekerja selama kernel berjalan. Bila tidak bereaksi "
        "(misalnya setelah buku kerja dibuka kembali), jalankan ulang semua sel: "
        "menu Run → Run All Cells.",
        "en": "The sliders and the map work while the kernel runs. If they do not "
        "respond (for instance after the notebook was reopened), run all cells "
        "again: menu Run → Run All Cells.",
    },
    "explore_rerun": {
        "id": "Jalankan ulang semua sel (menu Run → Run All Cells) untuk memakai "
        "penggeser: penggeser tidak tersimpan di buku kerja, hanya hidup selama "
        "kernel berjalan.",
        "en": "Run all cells again (menu Run → Run All Cells) to use the sliders: "
        "they are not saved in the notebook, they live only while the kernel runs.",
    },
    "explore_rerun_map": {
        "id": "Jalankan ulang semua sel (menu Run → Run All Cells) untuk melihat peta "
        "interaktif kecamatan dan ambang yang dipilih.",
        "en": "Run all cells again (menu Run → Run All Cells) to see the interactive "
        "map of the kecamatan and thresholds chosen.",
    },
    "section_webmap": {"id": "Peta interaktif", "en": "Interactive map"},
    "webmap_caption": {
        "id": "Kecamatan {nama}: kelas menurut ambang yang dipilih di atas. "
        "{thresholds}",
        "en": "Kecamatan {nama}: classes under the thresholds chosen above. "
        "{thresholds}",
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
    # ---- next training waves (kmp plan-training, summary; issue 15)
    "ringkasan_section_waves": {
        "id": "Rencana gelombang pelatihan berikutnya",
        "en": "Plan of the next training waves",
    },
    "ringkasan_waves_note": {
        "id": "{peserta} peserta dari {kec} kecamatan dalam {waves} gelombang, "
        "diundi dengan benih {seed} (benih yang sama, rencana yang sama); kelas "
        "paling banyak {size} orang, disusun per kecamatan dan jenjang.",
        "en": "{peserta} participants from {kec} kecamatan in {waves} waves, drawn "
        "with seed {seed} (the same seed gives the same plan); classes of at most "
        "{size} people, formed per kecamatan and tier.",
    },
    "ringkasan_waves_table": {
        "id": "Gelombang: kecamatan, peserta dan kelas",
        "en": "Waves: kecamatan, participants and classes",
    },
    "gelombang_why_compare": {
        "id": "Kecamatan yang dilatih pada gelombang belakangan menjadi pembanding "
        "bagi kecamatan yang dilatih lebih dulu, pada bulan-bulan yang sama.",
        "en": "Kecamatan trained in later waves serve as the comparison for those "
        "trained earlier, over the same months.",
    },
    "gelombang_why_chance": {
        "id": "Undian (benih {seed}), bukan kesiapan atau kemudahan akses, "
        "menentukan siapa lebih dulu; setiap gelombang berisi kecamatan kuat dan "
        "lemah.",
        "en": "A draw (seed {seed}), not readiness or ease of access, decides who "
        "goes first; every wave holds strong and weak kecamatan.",
    },
    "gelombang_why_credit": {
        "id": "Maka perbedaan yang muncul setelah pelatihan dapat dikreditkan pada "
        "pelatihan, bukan pada hal lain, asalkan urutan undian ini diikuti.",
        "en": "So differences that appear after training can be credited to the "
        "training, not to something else, provided this drawn order is kept.",
    },
    "gelombang_fewer": {
        "id": "Diminta {asked} gelombang, tetapi hanya {n} kecamatan yang punya "
        "peserta: {n} gelombang, satu kecamatan masing-masing.",
        "en": "{asked} waves were asked for, but only {n} kecamatan have "
        "participants: {n} waves, one kecamatan each.",
    },
    "gelombang_left_out": {
        "id": "{n} kecamatan tidak dijadwalkan karena tidak ada pengurus yang "
        "menunggu jenjang berikutnya: {names}.",
        "en": "{n} kecamatan are not scheduled because no board member there is "
        "waiting for a next tier: {names}.",
    },
    "gelombang_none": {
        "id": "Tidak ada pengurus yang menunggu jenjang pelatihan berikutnya.",
        "en": "No board member is waiting for a next training tier.",
    },
    "gelombang_m_seed": {"id": "Benih undian", "en": "Seed of the draw"},
    "gelombang_m_generator": {"id": "Pembangkit acak", "en": "Random generator"},
    "gelombang_m_generator_v": {
        "id": "NumPy PCG64, keluaran mentah 64 bit (sama di setiap versi NumPy)",
        "en": "NumPy PCG64, raw 64-bit output (the same in every NumPy version)",
    },
    "gelombang_m_waves_asked": {
        "id": "Jumlah gelombang diminta",
        "en": "Waves asked for",
    },
    "gelombang_m_waves": {"id": "Jumlah gelombang", "en": "Waves"},
    "gelombang_m_class_size": {
        "id": "Ukuran kelas paling besar",
        "en": "Largest class",
    },
    "gelombang_m_unit": {"id": "Satuan undian", "en": "Unit drawn"},
    "gelombang_m_unit_v": {
        "id": "kecamatan (pelatihan diberikan per kecamatan; dampaknya nanti "
        "diperkirakan berkelompok per kecamatan)",
        "en": "the kecamatan (training is delivered per kecamatan; its effect will "
        "be estimated clustered by kecamatan)",
    },
    "gelombang_m_strata": {"id": "Strata", "en": "Strata"},
    "gelombang_m_strata_v": {
        "id": "kecamatan berpeserta diurutkan dari pangsa KMP aktif atau berdampak "
        "tertinggi (seri: Indeks Outcome rata-rata, lalu kode); tiap {n} berurutan "
        "menjadi satu strata ({strata} strata, strata 1 terkuat)",
        "en": "kecamatan with participants ranked by their share of active or "
        "impactful KMP, highest first (ties: mean outcome index, then code); each "
        "run of {n} forms a stratum ({strata} strata, stratum 1 the strongest)",
    },
    "gelombang_m_deal": {"id": "Undian", "en": "Draw"},
    "gelombang_m_deal_v": {
        "id": "dalam tiap strata, urutan acak mengirim satu kecamatan ke tiap "
        "gelombang; undian diulang sampai peserta setiap gelombang berada dalam "
        "±{balance} dari rata-rata gelombang (paling banyak {max} kali; bila tak "
        "ada, yang paling seimbang)",
        "en": "within each stratum, a random order sends one kecamatan to each "
        "wave; the draw is repeated until every wave's participants are within "
        "±{balance} of the mean wave (at most {max} times; failing that, the most "
        "balanced)",
    },
    "gelombang_m_draw": {"id": "Undian yang dipakai", "en": "Draw kept"},
    "gelombang_m_draw_v": {
        "id": "ke-{draw}; gelombang terbesar {largest} peserta, terkecil {smallest}",
        "en": "no. {draw}; largest wave {largest} participants, smallest {smallest}",
    },
    "gelombang_m_draw_unbalanced": {
        "id": "ke-{draw}, yang paling seimbang dari {max} undian (tidak ada yang "
        "dalam ±{balance}); gelombang terbesar {largest} peserta, terkecil "
        "{smallest}",
        "en": "no. {draw}, the most balanced of {max} draws (none was within "
        "±{balance}); largest wave {largest} participants, smallest {smallest}",
    },
    "gelombang_m_period": {
        "id": "Periode data (kelas dan jenjang)",
        "en": "Period of the data (classes and tiers)",
    },
    "gelombang_m_left_out": {
        "id": "Kecamatan tanpa peserta (tidak dijadwalkan)",
        "en": "Kecamatan without participants (not scheduled)",
    },
    "gelombang_m_why_1": {"id": "Mengapa diundi (1)", "en": "Why a draw (1)"},
    "gelombang_m_why_2": {"id": "Mengapa diundi (2)", "en": "Why a draw (2)"},
    "gelombang_m_why_3": {"id": "Mengapa diundi (3)", "en": "Why a draw (3)"},
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
    "index_pages": {"id": "{n} hlm", "en": "{n} pp."},
    "index_cards": {"id": "Rapor koperasi", "en": "Report cards"},
    "index_cards_title": {
        "id": "Rapor koperasi per kecamatan",
        "en": "Report cards by kecamatan",
    },
    "index_bundle": {
        "id": "{n} rapor dalam satu PDF",
        "en": "{n} cards in one PDF",
    },
    "bundle_failed": {
        "id": "Rapor koperasi tidak dapat digabung ke {file}: {error}",
        "en": "The report cards could not be bundled into {file}: {error}",
    },
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
    "rebuild_data_koperasi": {
        "id": "data koperasi berubah",
        "en": "the cooperative's data changed",
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
    # effects of support (summary section "Apakah dukungan berdampak?")
    "ringkasan_section_efek": {
        "id": "Apakah dukungan berdampak?",
        "en": "Does the support work?",
    },
    "efek_intro": {
        "id": "Perkiraan dari laporan bulanan: koperasi yang sudah menerima dukungan "
        "dibandingkan, bulan demi bulan, dengan koperasi yang belum menerimanya "
        "(metode Callaway–Sant'Anna; rentang 95%, dihitung per kecamatan). Satu poin "
        "partisipasi = 1% anggota terdaftar yang bertransaksi dalam sebulan.",
        "en": "Estimated from the monthly reports: cooperatives that have received "
        "support are compared, month by month, with those that have not yet "
        "(Callaway–Sant'Anna method; 95% range, clustered by kecamatan). One point "
        "of participation = 1% of registered members trading in a month.",
    },
    "efek_upaya_pelatihan": {"id": "Pelatihan dasar", "en": "Basic training"},
    "efek_upaya_pendampingan": {"id": "Pendampingan", "en": "Facilitation"},
    "efek_upaya_pembiayaan": {"id": "Pembiayaan Himbara", "en": "Himbara financing"},
    "efek_kena_pelatihan": {"id": "dilatih", "en": "trained"},
    "efek_kena_pendampingan": {"id": "didampingi", "en": "facilitated"},
    "efek_kena_pembiayaan": {"id": "menerima pembiayaan", "en": "financed"},
    "efek_setelah_pelatihan": {
        "id": "setelah ketua atau separuh pengurusnya lulus pelatihan dasar",
        "en": "after its chair or half its board passed the basic training",
    },
    "efek_setelah_pendampingan": {
        "id": "setelah pendamping pertama datang",
        "en": "after the first facilitator arrived",
    },
    "efek_setelah_pembiayaan": {
        "id": "setelah pencairan pertama",
        "en": "after the first disbursement",
    },
    "efek_naik": {
        "id": "{upaya}: partisipasi naik sekitar {nilai} poin ({lo}–{hi}) rata-rata "
        "dalam {bulan} bulan {setelah}: kira-kira {anggota} anggota lagi bertransaksi "
        "di KMP setiap bulan ({n_t} koperasi yang sudah {kena} dibandingkan dengan "
        "{n_c} yang belum).",
        "en": "{upaya}: participation rose by about {nilai} points ({lo}–{hi}) on "
        "average over the {bulan} months {setelah}: roughly {anggota} more members "
        "trading with the KMP each month ({n_t} cooperatives {kena} compared with "
        "{n_c} not yet).",
    },
    "efek_turun": {
        "id": "{upaya}: partisipasi turun sekitar {nilai} poin ({lo}–{hi}) rata-rata "
        "dalam {bulan} bulan {setelah}: kira-kira {anggota} anggota lebih sedikit "
        "yang bertransaksi setiap bulan ({n_t} koperasi yang sudah {kena} "
        "dibandingkan dengan {n_c} yang belum).",
        "en": "{upaya}: participation fell by about {nilai} points ({lo}–{hi}) on "
        "average over the {bulan} months {setelah}: roughly {anggota} fewer members "
        "trading each month ({n_t} cooperatives {kena} compared with {n_c} not "
        "yet).",
    },
    "efek_belum_dapat_disimpulkan": {
        "id": "{upaya}: belum dapat disimpulkan. Perkiraannya partisipasi {arah} "
        "{nilai} poin {setelah}, tetapi rentangnya ({lo} sampai {hi} poin) mencakup "
        "nol ({n_t} koperasi yang sudah {kena}, {n_c} pembanding).",
        "en": "{upaya}: not yet conclusive. The estimate is participation {arah} "
        "{nilai} points {setelah}, but its range ({lo} to {hi} points) includes zero "
        "({n_t} cooperatives {kena}, {n_c} for comparison).",
    },
    "efek_arah_naik": {"id": "naik", "en": "up"},
    "efek_arah_turun": {"id": "turun", "en": "down"},
    "efek_data_belum_cukup": {
        "id": "{upaya}: data belum cukup. Baru {n} koperasi yang sudah {kena} dengan "
        "laporan sebelum dan sesudahnya; perlu paling sedikit {minimum}.",
        "en": "{upaya}: not enough data yet. Only {n} cooperatives {kena} have reports "
        "before and after; at least {minimum} are needed.",
    },
    "efek_belum_ada_data": {
        "id": "{upaya}: belum ada data {tabel}.",
        "en": "{upaya}: no {tabel} data yet.",
    },
    "efek_tanpa_pembanding": {
        "id": "{upaya}: belum dapat dibandingkan. Tidak ada koperasi yang belum "
        "{kena} sebagai pembanding.",
        "en": "{upaya}: cannot be compared yet. No cooperative that was not {kena} "
        "is left to compare with.",
    },
    "efek_pra_tren": {
        "id": "Hati-hati: sebelum upaya ini, koperasi tersebut sudah bergerak berbeda "
        "dari pembandingnya (uji pra-tren: {p}); sebagian angka ini bisa jadi "
        "perbedaan itu, bukan dampak.",
        "en": "Caution: before the effort these cooperatives already moved "
        "differently from their comparison (pre-trend test: {p}); part of this "
        "figure may be that difference, not an effect.",
    },
    "efek_cek_silang_beda": {
        "id": "Metode kedua (imputasi) memberi {nilai} poin, di luar rentang ini: "
        "baca dengan hati-hati.",
        "en": "A second method (imputation) gives {nilai} points, outside this range: "
        "read with care.",
    },
    "efek_catatan_1": {
        "id": "Ini bukan uji acak: koperasi yang lebih dulu dilatih, didampingi atau "
        "dibiayai dibandingkan dengan yang belum, dan itu adil hanya bila tanpa "
        "dukungan keduanya akan bergerak sejajar (di grafik, bulan-bulan sebelum "
        "dukungan mestinya dekat nol).",
        "en": "This is not a randomised trial: cooperatives supported earlier are "
        "compared with those not yet supported, which is fair only if without the "
        "support both would have moved in parallel (in the figure, the months before "
        "the support should sit near zero).",
    },
    "efek_catatan_2": {
        "id": "Yang dapat membelokkan: dukungan yang lebih dulu diberikan kepada "
        "koperasi yang memang sedang bangkit, program lain yang datang bersamaan, "
        "atau laporan bulanan yang lebih sering hilang di satu kelompok.",
        "en": "What could bias it: support given first to cooperatives that were "
        "already rising, other programmes arriving at the same time, or monthly "
        "reports missing more often in one group.",
    },
    "efek_sel": {"id": "{nilai} ({lo} s.d. {hi})", "en": "{nilai} ({lo} to {hi})"},
    "efek_vonis_ya": {"id": "terlihat", "en": "shown"},
    "efek_vonis_belum": {
        "id": "belum dapat disimpulkan",
        "en": "not yet conclusive",
    },
    "efek_status_belum_ada_data": {"id": "belum ada data", "en": "no data yet"},
    "efek_status_data_belum_cukup": {
        "id": "data belum cukup",
        "en": "not enough data",
    },
    "efek_status_tidak_ada_pembanding": {
        "id": "tidak ada pembanding",
        "en": "nothing to compare with",
    },
    "efek_hasil_partisipasi": {
        "id": "Partisipasi (poin)",
        "en": "Participation (points)",
    },
    "efek_hasil_bulan_berusaha": {
        "id": "Bulan dengan omzet (poin)",
        "en": "Month with turnover (points)",
    },
    "efek_hasil_omzet_per_anggota": {
        "id": "Omzet per anggota (Rp/bulan)",
        "en": "Turnover per member (IDR/month)",
    },
    "efek_tabel_judul": {
        "id": "Semua hasil yang diukur",
        "en": "Every outcome measured",
    },
    "efek_grafik_x": {
        "id": "Bulan sejak dukungan (negatif: sebelum)",
        "en": "Months since the support (negative: before)",
    },
    "efek_grafik_y": {
        "id": "Perubahan partisipasi (poin)",
        "en": "Change in participation (points)",
    },
    "efek_grafik_alt": {
        "id": "Perubahan partisipasi menurut bulan sejak dukungan, untuk pelatihan, "
        "pendampingan dan pembiayaan, dengan rentang 95%; bulan sebelum dukungan "
        "ikut ditampilkan.",
        "en": "Change in participation by months since the support, for training, "
        "facilitation and financing, with the 95% range; the months before the "
        "support are shown too.",
    },
    # ---- the phone form of the monthly report (kmp form, issue 16)
    "form_title": {
        "id": "Laporan bulanan Koperasi Merah Putih",
        "en": "Monthly report of a Koperasi Merah Putih",
    },
    "form_group_place": {
        "id": "Koperasi dan bulan laporan",
        "en": "Cooperative and month reported",
    },
    "form_group_figures": {
        "id": "Angka bulan ini (dari buku kas/pembukuan)",
        "en": "This month's figures (from the cash book/ledger)",
    },
    "form_q_kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "form_q_desa": {"id": "Desa/kelurahan", "en": "Village (desa/kelurahan)"},
    "form_q_koperasi": {
        "id": "Koperasi: {ref}",
        "en": "Cooperative: {ref}",
    },
    "form_q_bulan": {"id": "Bulan laporan", "en": "Month reported"},
    "form_q_anggota_terdaftar": {
        "id": "Anggota terdaftar (orang)",
        "en": "Registered members (people)",
    },
    "form_q_anggota_aktif": {
        "id": "Anggota yang bertransaksi bulan ini (orang)",
        "en": "Members who transacted this month (people)",
    },
    "form_q_omzet": {"id": "Omzet (Rp)", "en": "Turnover (IDR)"},
    "form_q_pendapatan_usaha": {
        "id": "Pendapatan usaha (Rp)",
        "en": "Operating income (IDR)",
    },
    "form_q_biaya_operasional": {
        "id": "Biaya operasional (Rp)",
        "en": "Operating costs (IDR)",
    },
    "form_q_pinjaman_beredar": {
        "id": "Pinjaman beredar (Rp)",
        "en": "Loans outstanding (IDR)",
    },
    "form_q_pinjaman_tunggak_30": {
        "id": "Pinjaman menunggak lebih dari 30 hari (Rp)",
        "en": "Loans more than 30 days in arrears (IDR)",
    },
    "form_q_simpanan_anggota": {
        "id": "Simpanan anggota (Rp)",
        "en": "Members' savings (IDR)",
    },
    "form_q_tenaga_kerja": {
        "id": "Tenaga kerja (orang)",
        "en": "People working (people)",
    },
    "form_q_pembelian_produk_lokal": {
        "id": "Pembelian produk lokal (Rp)",
        "en": "Local products bought (IDR)",
    },
    "form_q_units": {
        "id": "Unit usaha yang beroperasi bulan ini",
        "en": "Business units operating this month",
    },
    "form_q_units_hint": {
        "id": "Pilih semua yang melayani anggota bulan ini.",
        "en": "Tick every unit that served members this month.",
    },
    "form_q_note": {
        "id": "Catatan (tidak wajib)",
        "en": "Note (optional)",
    },
    "form_q_photo": {
        "id": "Foto halaman buku kas bulan ini (tidak wajib)",
        "en": "Photo of this month's ledger page (optional)",
    },
    "form_q_photo_hint": {
        "id": "Foto membantu Dinas memeriksa angka bila ada yang perlu dicek.",
        "en": "A photo helps the Dinas check a figure that looks odd.",
    },
    "form_required": {
        "id": "Wajib diisi.",
        "en": "Required.",
    },
    "form_c_negative": {
        "id": "Tidak boleh negatif.",
        "en": "Must not be negative.",
    },
    "form_c_not_above_anggota_terdaftar": {
        "id": "Tidak boleh lebih dari anggota terdaftar.",
        "en": "Must not be more than the registered members.",
    },
    "form_c_not_above_pinjaman_beredar": {
        "id": "Tidak boleh lebih dari pinjaman beredar.",
        "en": "Must not be more than the loans outstanding.",
    },
    "form_c_month_future": {
        "id": "Bulan laporan tidak boleh sesudah bulan ini.",
        "en": "The month reported cannot be after this month.",
    },
    "form_unit_kantor": {"id": "Kantor koperasi", "en": "Cooperative office"},
    "form_unit_sembako": {"id": "Sembako", "en": "Staple foods (sembako)"},
    "form_unit_simpan_pinjam": {"id": "Simpan pinjam", "en": "Savings and loans"},
    "form_unit_klinik": {"id": "Klinik desa", "en": "Village clinic"},
    "form_unit_apotek": {"id": "Apotek desa", "en": "Village pharmacy"},
    "form_unit_gudang": {
        "id": "Gudang/cold storage",
        "en": "Warehouse/cold storage",
    },
    "form_unit_logistik": {"id": "Logistik", "en": "Logistics"},
    "form_unit_usaha_lokal": {
        "id": "Usaha potensi lokal",
        "en": "Local-potential business",
    },
}
