"""``kmp``: the command line (DESIGN §9). A thin layer over the library.

Exit codes (:mod:`kmp_analysis.errors`): 0 done, 1 problems in the data or a failed
brief, 2 bad usage, 3 an unexpected error (a bug), 130 stopped with Ctrl-C. Every
error a user can meet is a :class:`~kmp_analysis.errors.KmpError` that knows its
message and exit code; :func:`command` turns it into lines on stderr, in the
command's ``--lang``, in one place. A problem in the user's input is printed as
``file:row:column: message`` lines, never as a traceback.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kmp_analysis.errors import (
    EXIT_BUG,
    EXIT_INTERRUPTED,
    EXIT_PROBLEMS,
    AllocationError,
    KmpError,
    UsageError,
    ValidationFailed,
)
from kmp_analysis.i18n import label, message
from kmp_analysis.paths import debug

if TYPE_CHECKING:
    from kmp_analysis.batch import BatchReport
    from kmp_analysis.schema import Dataset

app = typer.Typer(
    name="kmp",
    help="KMP Workbench: evaluasi Koperasi Merah Putih Kutai Kartanegara.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Lang(StrEnum):
    id = "id"
    en = "en"


class Scale(StrEnum):
    kukar = "kukar"
    nasional = "nasional"


DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Folder CSV atau file .xlsx (bawaan: data/sample).",
        show_default=False,
    ),
]
LangOpt = Annotated[Lang, typer.Option("--lang", help="Bahasa pesan dan keluaran.")]
PeriodOpt = Annotated[
    str | None,
    typer.Option("--period", help="Bulan evaluasi YYYY-MM (bawaan: bulan terakhir)."),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", help="File YAML yang mengganti ambang batas bawaan."),
]
StrictOpt = Annotated[
    bool,
    typer.Option(
        "--strict", help="Peringatan (mis. bulan tanpa laporan) dihitung galat."
    ),
]
DetailOpt = Annotated[
    bool,
    typer.Option(
        "--rinci",
        "--detail",
        help="Tampilkan setiap peringatan (bawaan: diringkas per jenis).",
    ),
]

#: Options of the batch commands (``kmp briefs``, ``kmp rapor``).
OutDirOpt = Annotated[
    Path | None, typer.Option("--out", help="Folder keluaran (bawaan: outputs/).")
]
WorkersOpt = Annotated[
    int | None,
    typer.Option("--workers", min=1, help="Proses paralel (bawaan: jumlah inti)."),
]
ProgressOpt = Annotated[
    bool, typer.Option("--progress/--no-progress", help="Tampilkan bilah kemajuan.")
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Alamat scheduler Dask (mis. tcp://127.0.0.1:8786); bawaan: proses lokal.",
    ),
]


def _data_path(data: Path | None) -> Path:
    from kmp_analysis.paths import SAMPLE_DIR

    return data if data is not None else SAMPLE_DIR


def _echo_lines(error: KmpError, lang: str, detail: bool = False) -> None:
    """An error's lines on stderr; a data problem list with errors first and
    warnings summarised by kind unless ``detail`` (``--rinci``)."""
    if isinstance(error, ValidationFailed):
        lines = error.summary(lang, detail)
    else:
        lines = error.lines(lang)
    for line in lines:
        typer.echo(line, err=True)


def command(name: str | None = None) -> Callable[[Callable], Callable]:
    """Register a command whose errors become messages: a
    :class:`~kmp_analysis.errors.KmpError` prints its lines on stderr, in the
    command's ``--lang``, and ends the command with the error's exit code."""

    def register(function: Callable) -> Callable:
        @functools.wraps(function)
        def run(*args: object, **kwargs: object) -> object:
            try:
                return function(*args, **kwargs)
            except KmpError as error:
                lang = str(kwargs.get("lang", Lang.id))
                _echo_lines(error, lang, bool(kwargs.get("detail", False)))
                raise typer.Exit(error.exit_code) from None

        return app.command(name)(run)

    return register


@command("sample-data")
def sample_data(
    out: Annotated[
        Path | None, typer.Option("--out", help="Folder tujuan (bawaan: data/sample).")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Benih acak.")] = 2025,
    scale: Annotated[
        Scale, typer.Option("--scale", help="Cakupan data.")
    ] = Scale.kukar,
    efek_pelatihan: Annotated[
        float | None,
        typer.Option(
            "--efek-pelatihan",
            help="Tanam efek pelatihan: partisipasi naik X (0–0,5) sejak bulan "
            "sesudah pelatihan dasar.",
        ),
    ] = None,
    efek_pendampingan: Annotated[
        float | None,
        typer.Option(
            "--efek-pendampingan",
            help="Tanam efek pendampingan: partisipasi naik X (0–0,5) sejak bulan "
            "sesudah pendamping datang.",
        ),
    ] = None,
    efek_pembiayaan: Annotated[
        float | None,
        typer.Option(
            "--efek-pembiayaan",
            help="Tanam efek pembiayaan: partisipasi naik X (0–0,5) sejak bulan "
            "sesudah pencairan pertama.",
        ),
    ] = None,
) -> None:
    """Tulis data contoh sintetis.

    kukar: 237 desa/kelurahan nyata dengan aktivitas buatan (bawaan: data/sample).
    nasional: ~80.000 koperasi di ~7.000 kecamatan pada grid buatan, untuk uji
    kecepatan (bawaan: outputs/sample-nasional). --efek-* (hanya kukar) menanam
    efek yang diketahui untuk uji dan benchmark; tanpa itu: data contoh seperti
    yang dikirim.
    """
    from kmp_analysis.paths import OUTPUTS_DIR, SAMPLE_DIR

    efek = {
        "efek_pelatihan": efek_pelatihan,
        "efek_pendampingan": efek_pendampingan,
        "efek_pembiayaan": efek_pembiayaan,
    }
    for name, value in efek.items():
        if value is not None and not 0.0 <= value <= 0.5:
            option = "--" + name.replace("_", "-")
            raise UsageError("sample_effect_range", value=value).about(option)
    if scale is Scale.nasional and any(v is not None for v in efek.values()):
        raise UsageError("sample_effect_kukar_only").about("--scale")
    if scale is Scale.nasional:
        from kmp_analysis.sample import write_national

        target = out or OUTPUTS_DIR / "sample-nasional"
        counts = write_national(target, seed=seed)
    else:
        from kmp_analysis.sample import write_sample

        target = out or SAMPLE_DIR
        counts = write_sample(target, seed=seed, **efek)
    rows = ", ".join(f"{k} {v}" for k, v in counts.items())
    typer.echo(message("sample_written", "id", seed=seed, path=target, rows=rows))


@command()
def template(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="File .xlsx tujuan (bawaan: outputs/templat_kmp.xlsx)."
        ),
    ] = None,
    lang: LangOpt = Lang.id,
) -> None:
    """Tulis templat isian .xlsx: satu sheet per tabel dengan daftar pilihan,
    sheet 'desa' (237 kode resmi) dan sheet 'petunjuk'."""
    from kmp_analysis.io import write_template
    from kmp_analysis.paths import OUTPUTS_DIR

    target = out or OUTPUTS_DIR / "templat_kmp.xlsx"
    if target.suffix.lower() != ".xlsx":
        raise UsageError("template_suffix")
    target.parent.mkdir(parents=True, exist_ok=True)
    write_template(target, lang=lang.value)
    typer.echo(message("template_written", lang, path=target))


@command()
def form(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="File .xlsx tujuan (bawaan: outputs/formulir_laporan_bulanan.xlsx).",
        ),
    ] = None,
    lang: LangOpt = Lang.id,
) -> None:
    """Tulis formulir XLSForm laporan bulanan untuk ODK Collect / KoboToolbox,
    dibangun dari definisi tabel yang sama dengan pemeriksa data."""
    from kmp_analysis.io.xlsform import build_form, question_count, write_form
    from kmp_analysis.paths import OUTPUTS_DIR

    target = out or OUTPUTS_DIR / "formulir_laporan_bulanan.xlsx"
    if target.suffix.lower() != ".xlsx":
        raise UsageError("form_suffix").about("--out")
    write_form(target, lang=lang.value)
    sheets = build_form(lang.value)
    version = sheets["settings"]["version"].iloc[0]
    typer.echo(
        message(
            "form_written",
            lang,
            path=target,
            n=question_count(sheets),
            version=version,
        )
    )


@command()
def validate(
    data: DataOpt = None,
    lang: LangOpt = Lang.id,
    strict: StrictOpt = False,
    detail: DetailOpt = False,
    config: ConfigOpt = None,
) -> None:
    """Periksa data; satu baris per masalah: file:baris:kolom: pesan.

    Galat lebih dulu, semuanya; peringatan diringkas per jenis (jumlah dan
    beberapa contoh), semuanya dengan --rinci. Angka bulan terakhir yang jauh dari
    riwayat koperasinya sendiri menjadi peringatan "perlu dicek" (ambangnya di
    bagian konsistensi file --config).
    """
    from kmp_analysis.config import load_config
    from kmp_analysis.io import read_dataset

    path = _data_path(data)
    dataset = read_dataset(path, strict=strict, config=load_config(config))
    if dataset.warnings:  # legal but suspect: shown, exit 0
        _echo_lines(ValidationFailed(dataset.warnings), lang, detail)
    for line in _source_lines(dataset, lang):
        typer.echo(line)
    counts = ", ".join(
        f"{k} {len(v)}" for k, v in dataset.tables.items() if k in dataset.provided
    )
    typer.echo(message("data_valid", lang, path=path, counts=counts))


def _source_lines(dataset: Dataset, lang: str) -> list[str]:
    """Per source of a combined dataset: rows per table, the months of its
    reports, and whether it is behind the data's last month."""
    if not dataset.sources:
        return []
    last = dataset.last_month
    lines = [message("sources_header", lang, n=len(dataset.sources))]
    for source in dataset.sources:
        rows = ", ".join(f"{t} {n}" for t, n in source.rows.items()) or "–"
        if source.last_month is None:
            months = message("source_no_reports", lang)
        else:
            months = message(
                "source_months",
                lang,
                first=source.first_month,
                last=source.last_month,
                n=source.months,
            )
            if last is not None and source.last_month < last:
                months += "; " + message("source_behind", lang, last=last)
        shown = Path(source.label)
        if shown != Path(dataset.source) and shown.is_relative_to(dataset.source):
            shown = shown.relative_to(dataset.source)
        lines.append(
            message("source_line", lang, source=shown, rows=rows, months=months)
        )
    return lines


@command()
def evaluate(
    data: DataOpt = None,
    period: PeriodOpt = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="File keluaran .csv atau .xlsx (satu baris/koperasi)."
        ),
    ] = None,
    config: ConfigOpt = None,
    pendamping: Annotated[
        int | None,
        typer.Option(
            "--pendamping",
            min=0,
            help="Jumlah pendamping (K) yang dialokasikan ke kecamatan (bawaan: 40).",
        ),
    ] = None,
    lang: LangOpt = Lang.id,
    strict: StrictOpt = False,
    detail: DetailOpt = False,
) -> None:
    """Hitung indikator, indeks, kelas, alasan, tanda berisiko dan rekomendasi.

    Dengan --out FILE.xlsx: tujuh sheet (koperasi, kecamatan, didukung, dievaluasi,
    pelatihan, bumdes, pendamping).
    """
    from kmp_analysis.classify import CLASSES
    from kmp_analysis.config import load_config
    from kmp_analysis.evaluation import evaluate as run_evaluate
    from kmp_analysis.io import read_dataset
    from kmp_analysis.report.workbook import workbook_tables, write_workbook
    from kmp_analysis.safeio import write_table

    if out is not None and out.suffix.lower() not in (".csv", ".xlsx"):
        raise UsageError("out_suffix")
    cfg = load_config(config)
    if pendamping is not None:
        cfg = cfg.with_overrides(pendamping=pendamping)
    dataset = read_dataset(_data_path(data), strict=strict, config=cfg)
    ev = run_evaluate(dataset, period, cfg, history=False)
    frame = ev.cooperatives.assign(kelas=ev.cooperatives["kelas"].astype(str))
    counts = frame["kelas"].value_counts()
    summary = ", ".join(f"{label(k, lang)} {counts.get(k, 0)}" for k in CLASSES)
    if out is None:
        typer.echo(frame.to_csv(index=False), nl=False)
        return
    if out.suffix.lower() == ".xlsx":
        try:
            tables = workbook_tables(ev)
        except AllocationError as error:
            raise error.about("--pendamping") from None
        write_workbook(tables, out, lang.value)
    else:
        write_table(frame, out)
    typer.echo(
        message(
            "evaluate_done",
            lang,
            n=len(frame),
            period=ev.period,
            summary=summary,
            out=out,
        )
    )


@command()
def effects(
    data: DataOpt = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="File keluaran .json atau .xlsx (bawaan: JSON ke layar).",
        ),
    ] = None,
    config: ConfigOpt = None,
    lang: LangOpt = Lang.id,
    strict: StrictOpt = False,
    detail: DetailOpt = False,
) -> None:
    """Perkirakan dampak pelatihan, pendampingan dan pembiayaan.

    Membandingkan koperasi yang sudah menerima dukungan dengan yang belum
    (Callaway–Sant'Anna, pembanding: yang belum menerima; rentang 95% dengan
    bootstrap per kecamatan; uji pra-tren). Hasil: objek JSON per dukungan
    (pelatihan, pendampingan, pembiayaan) dan per hasil (partisipasi,
    bulan_berusaha, omzet_per_anggota); .xlsx: sheet efek dan studi_peristiwa.
    """
    import json

    from kmp_analysis.config import load_config
    from kmp_analysis.effects import effects_json
    from kmp_analysis.io import read_dataset
    from kmp_analysis.report.effects_content import effect_sentences, effects_workbook
    from kmp_analysis.report.workbook import write_workbook
    from kmp_analysis.safeio import atomic_write_text

    suffix = out.suffix.lower() if out is not None else None
    if suffix not in (None, ".json", ".xlsx"):
        raise UsageError("out_suffix_effects").about("--out")
    cfg = load_config(config)
    dataset = read_dataset(_data_path(data), strict=strict, config=cfg)
    places = dataset.places()[["koperasi_id", "kode_kec"]]
    found = effects_json(dataset.tables, places, cfg)
    text = json.dumps(found, indent=2, ensure_ascii=False, allow_nan=False)
    if out is None:
        typer.echo(text)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".xlsx":
        write_workbook(effects_workbook(found, lang.value), out, lang.value)
    else:
        atomic_write_text(out, text + "\n")
    minimum = cfg.efek.min_koperasi_diperlakukan
    for sentence in effect_sentences(found, lang.value, minimum):
        typer.echo(sentence)
    typer.echo(message("effects_written", lang, out=out))


@command()
def history(
    data: DataOpt = None,
    start: Annotated[
        str | None,
        typer.Option("--from", help="Periode pertama YYYY-MM (bawaan: bulan pertama)."),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option("--to", help="Periode terakhir YYYY-MM (bawaan: bulan terakhir)."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="File keluaran .csv, .xlsx atau .parquet (baris: koperasi × periode).",
        ),
    ] = None,
    config: ConfigOpt = None,
    lang: LangOpt = Lang.id,
    strict: StrictOpt = False,
    detail: DetailOpt = False,
) -> None:
    """Riwayat: setiap jendela akhir bulan, satu baris per koperasi dan periode.

    Dengan --out FILE.xlsx: sheet riwayat, perpindahan (perpindahan kelas per
    kecamatan dan kabupaten) dan tanpa_gerak (koperasi yang tidak pernah bergerak).
    """
    from kmp_analysis.config import load_config
    from kmp_analysis.history import compute_history
    from kmp_analysis.io import read_dataset
    from kmp_analysis.report.workbook import history_tables, write_workbook
    from kmp_analysis.safeio import atomic_write_bytes, write_table

    suffix = out.suffix.lower() if out is not None else None
    if suffix not in (None, ".csv", ".xlsx", ".parquet"):
        raise UsageError("out_suffix_history").about("--out")
    dataset = read_dataset(_data_path(data), strict=strict)
    hist = compute_history(dataset, start, end, load_config(config))
    frame = hist.to_frame()
    if out is None:
        typer.echo(frame.to_csv(index=False), nl=False)
        return
    if suffix == ".xlsx":
        tables = history_tables(hist, dataset.places(), lang.value)
        write_workbook(tables, out, lang.value)
    elif suffix == ".parquet":
        atomic_write_bytes(out, frame.to_parquet(index=False))
    else:
        write_table(frame, out)
    period = hist.periods[-1]
    before = hist.previous(period)
    moves = (
        message("history_moves", lang, since=before, **hist.moves(period, before))
        if before
        else "–"
    )
    typer.echo(
        message(
            "history_done",
            lang,
            n=frame["koperasi_id"].nunique(),
            periods=len(hist.periods),
            start=hist.periods[0],
            end=period,
            moves=moves,
            dormant=len(hist.dormant_spells(period)),
            out=out,
        )
    )


@command("plan-training")
def plan_training(
    data: DataOpt = None,
    period: PeriodOpt = None,
    gelombang: Annotated[
        int | None,
        typer.Option(
            "--gelombang",
            help="Jumlah gelombang pelatihan (bawaan: 4, rekomendasi."
            "gelombang_pelatihan).",
            show_default=False,
        ),
    ] = None,
    seed: Annotated[
        int | None,
        typer.Option(
            "--seed",
            help="Benih undian urutan kecamatan (bawaan: 2026, rekomendasi."
            "benih_gelombang); benih yang sama, rencana yang sama.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="File .xlsx tujuan (bawaan: outputs/rencana-pelatihan.xlsx).",
        ),
    ] = None,
    config: ConfigOpt = None,
    lang: LangOpt = Lang.id,
    strict: StrictOpt = False,
    detail: DetailOpt = False,
) -> None:
    """Susun gelombang pelatihan berikutnya dalam urutan kecamatan yang diundi.

    Kecamatan dengan pengurus yang menunggu jenjang berikutnya dikelompokkan
    menurut kekuatannya (pangsa KMP aktif atau berdampak), lalu diundi ke
    gelombang sehingga setiap gelombang berisi kecamatan kuat dan lemah. Benih
    dicatat; benih yang sama menghasilkan rencana yang sama. Sheet: gelombang,
    peserta, metode.
    """
    from kmp_analysis.config import load_config
    from kmp_analysis.evaluation import evaluate as run_evaluate
    from kmp_analysis.i18n import fmt_int, join_names
    from kmp_analysis.io import read_dataset
    from kmp_analysis.paths import OUTPUTS_DIR
    from kmp_analysis.report.workbook import plan_tables, write_workbook
    from kmp_analysis.training_waves import plan_training as draw_plan

    target = out or OUTPUTS_DIR / "rencana-pelatihan.xlsx"
    if target.suffix.lower() != ".xlsx":
        raise UsageError("plan_suffix")
    cfg = load_config(config)
    rec = cfg.rekomendasi
    n_waves = rec.gelombang_pelatihan if gelombang is None else gelombang
    benih = rec.benih_gelombang if seed is None else seed
    # the options are checked before the data is read: a wrong --gelombang is
    # said at once, whatever the data
    for option, value, key, least in (
        ("--gelombang", n_waves, "gelombang_bad", 1),
        ("--seed", benih, "benih_bad", 0),
    ):
        if value < least:
            raise UsageError(key, value=value).about(option)
    dataset = read_dataset(_data_path(data), strict=strict, config=cfg)
    ev = run_evaluate(dataset, period, cfg, history=False)
    plan = draw_plan(
        ev.cooperatives,
        dataset.tables["pengurus"],
        waves=n_waves,
        seed=benih,
        class_size=rec.ukuran_kelas_pelatihan,
        period=ev.period,
    )
    write_workbook(plan_tables(plan, lang.value), target, lang.value)
    for note in plan.notes(lang.value):
        typer.echo(note)
    if not plan.n_waves:
        typer.echo(message("plan_none", lang, out=target))
        return
    for row in plan.by_wave().itertuples(index=False):
        typer.echo(
            message(
                "plan_wave",
                lang,
                wave=row.gelombang,
                names=join_names(row.kecamatan, lang.value),
                peserta=fmt_int(row.peserta, lang.value),
                kelas=fmt_int(row.kelas_pelatihan, lang.value),
            )
        )
    typer.echo(
        message(
            "plan_done",
            lang,
            period=ev.period,
            seed=plan.seed,
            waves=plan.n_waves,
            kec=len(plan.kecamatan),
            peserta=fmt_int(plan.kecamatan["peserta"].sum(), lang.value),
            kelas=fmt_int(plan.kecamatan["kelas_pelatihan"].sum(), lang.value),
            out=target,
        )
    )


@command()
def briefs(
    data: DataOpt = None,
    period: PeriodOpt = None,
    kecamatan: Annotated[
        list[str] | None,
        typer.Option(
            "--kecamatan",
            "-k",
            help="Nama atau kode kecamatan; boleh diulang. Bawaan: ke-20 kecamatan.",
        ),
    ] = None,
    out: OutDirOpt = None,
    workers: WorkersOpt = None,
    lang: LangOpt = Lang.id,
    config: ConfigOpt = None,
    notebook: Annotated[
        Path | None,
        typer.Option(
            "--notebook", help="Notebook brief lain (bawaan: notebooks/).", hidden=True
        ),
    ] = None,
    progress: ProgressOpt = True,
    formats: Annotated[
        str,
        typer.Option(
            "--format",
            help="Keluaran per brief, dipisah koma: html, pdf, ipynb. HTML selalu "
            "ditulis; PDF butuh Chromium.",
        ),
    ] = "html,ipynb",
    summary: Annotated[
        bool,
        typer.Option(
            "--ringkasan/--tanpa-ringkasan", help="Tulis ringkasan kabupaten."
        ),
    ] = True,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Bangun ulang semua brief, juga yang tidak berubah."
        ),
    ] = False,
    retry_failed: Annotated[
        bool,
        typer.Option("--retry-failed", help="Jalankan ulang hanya brief yang gagal."),
    ] = False,
    scheduler: SchedulerOpt = None,
    rapor: Annotated[
        bool,
        typer.Option(
            "--rapor/--tanpa-rapor",
            help="Tulis juga rapor setiap koperasi (seperti `kmp rapor`).",
        ),
    ] = False,
    strict: StrictOpt = False,
    detail: DetailOpt = False,
) -> None:
    """Tulis brief evaluasi untuk setiap kecamatan dan ringkasan kabupaten."""
    _run_batch(
        data,
        lang,
        progress,
        period=period,
        kecamatan=kecamatan,
        out=out,
        formats=formats,
        summary=summary,
        config=config,
        notebook=notebook,
        force=force,
        retry_failed=retry_failed,
        strict=strict,
        workers=workers,
        scheduler=scheduler,
        rapor=rapor,
    )


@command()
def rapor(
    data: DataOpt = None,
    period: PeriodOpt = None,
    kecamatan: Annotated[
        list[str] | None,
        typer.Option(
            "--kecamatan",
            "-k",
            help="Rapor semua koperasi kecamatan ini (nama atau kode); boleh "
            "diulang. Bawaan: ke-20 kecamatan.",
        ),
    ] = None,
    koperasi: Annotated[
        list[str] | None,
        typer.Option(
            "--koperasi",
            help="ID koperasi, mis. KMP-6402062001; boleh diulang.",
        ),
    ] = None,
    out: OutDirOpt = None,
    workers: WorkersOpt = None,
    lang: LangOpt = Lang.id,
    config: ConfigOpt = None,
    progress: ProgressOpt = True,
    formats: Annotated[
        str,
        typer.Option(
            "--format",
            help="Keluaran per rapor, dipisah koma: html, pdf, ipynb. HTML selalu "
            "ditulis; PDF (dan PDF gabungan per kecamatan) butuh Chromium.",
        ),
    ] = "html,pdf",
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Bangun ulang semua rapor, juga yang tidak berubah."
        ),
    ] = False,
    retry_failed: Annotated[
        bool,
        typer.Option("--retry-failed", help="Jalankan ulang hanya rapor yang gagal."),
    ] = False,
    scheduler: SchedulerOpt = None,
    strict: StrictOpt = False,
    detail: DetailOpt = False,
) -> None:
    """Tulis rapor satu halaman untuk setiap koperasi (atau yang disebut), dan per
    kecamatan satu PDF berisi semua rapornya."""
    _run_batch(
        data,
        lang,
        progress,
        period=period,
        kecamatan=kecamatan,
        koperasi=koperasi,
        out=out,
        formats=formats,
        briefs=False,
        summary=False,
        rapor=True,
        config=config,
        force=force,
        retry_failed=retry_failed,
        strict=strict,
        workers=workers,
        scheduler=scheduler,
    )


def _run_batch(data: Path | None, lang: Lang, progress: bool, **fields: object) -> None:
    """``kmp briefs`` and ``kmp rapor``: the request (``fields`` as
    :class:`~kmp_analysis.batch.BriefRequest` takes them), the run, what it did."""
    from kmp_analysis.batch import BriefRequest, write_briefs

    request = BriefRequest(data=_data_path(data), lang=lang.value, **fields)
    _said(write_briefs(request, progress=progress), lang)


def _said(report: BatchReport, lang: str) -> None:
    """What a run of briefs or cards did, in the run's language; exit 1 when one
    of them failed."""
    from kmp_analysis.batch import CacheState, Status

    for note in report.notes:
        typer.echo(note, err=True)
    runs = []
    if report.results or report.summary or not report.cards:
        runs.append(("briefs_done", report.counts()))
    if report.cards:
        runs.append(("rapor_done", report.card_counts()))
    for key, counts in runs:
        typer.echo(
            message(
                key,
                lang,
                written=counts[CacheState.BUILT],
                reused=counts[CacheState.REUSED],
                failed=counts[Status.FAILED],
                seconds=report.duration_s,
                index=report.index_html,
            )
        )
    for failed in report.failed:
        typer.echo(
            message(
                "brief_failed",
                lang,
                nama=failed.shown_name,
                kode=failed.ident,
                error=failed.error,
            ),
            err=True,
        )
    if report.failed:
        raise typer.Exit(EXIT_PROBLEMS)


def main() -> None:
    """Console entry point: a bug prints one line (full traceback with KMP_DEBUG=1)."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo(message("interrupted"), err=True)
        sys.exit(EXIT_INTERRUPTED)
    except SystemExit as exc:
        if exc.code == EXIT_INTERRUPTED:  # typer turns Ctrl-C into a silent exit
            typer.echo(message("interrupted"), err=True)
        raise
    except Exception as exc:
        if debug():
            raise
        error = f"{type(exc).__name__}: {exc}"
        typer.echo(message("unexpected", error=error), err=True)
        sys.exit(EXIT_BUG)
