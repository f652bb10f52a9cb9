"""Generate the bad-input corpus and its manifest (run once; the output is committed).

    /work/venv/bin/python tests/bad_inputs/make_corpus.py

Every file is a small variation of one valid file of China's reported trade with Central Asia
in 2025 (values from seed article 000, tests/data/seeds/000_*.txt, as in the embedded
seed_figures.csv). Each variation breaks one thing; ``manifest.csv`` says which entry point
reads it, which error class it must raise, a substring of the message and where the message
must point (file, row, column or field). ``tests/reliability/test_bad_inputs.py`` checks them all.

Entry points:

* ``api-ingest``   ``Store.ingest_file(path)`` raises the named error; store file byte-identical.
* ``cli-ingest``   ``mirrortrade ingest FILE``: one line on stderr, non-zero exit; store byte-identical.
* ``api-article``  ``mirrortrade.claims.io.read_article_file(path)`` raises the named error.
* ``cli-check``    ``mirrortrade check FILE`` (the claim checker): one line, non-zero exit.
* ``http-check``   ``mirrortrade.sources.http.check_body`` on a body served as data.
* ``api-sdmx``     the IMF source parser (``mirrortrade.sources.imf``) on an SDMX message.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"

HEADER = ["reporter", "partner", "flow", "period", "value_usd", "source_id", "publisher", "note"]
PUB = "The Caspian Post, via Eurasianet"
#: China's 2025 figures as quoted in seed article 000 (USD)
GOOD = [
    ["CHN", "CA5", "X", "2025", "71300000000", "CN-GACC", PUB, "seed 000"],
    ["CHN", "CA5", "M", "2025", "35100000000", "CN-GACC", PUB, "seed 000"],
    ["CHN", "KAZ", "X", "2025", "29700000000", "CN-GACC", PUB, "seed 000"],
    ["CHN", "KGZ", "M", "2025", "5200000000", "CN-GACC", PUB, "seed 000"],
    ["CHN", "TJK", "X", "2025", "3700000000", "CN-GACC", PUB, "seed 000"],
]

MANIFEST: list[dict[str, str]] = []


def case(file: str, entry: str, error: str, message: str, where: str, what: str) -> None:
    MANIFEST.append({"file": file, "entry": entry, "error": error, "message": message, "where": where, "what": what})


def csv_text(rows: list[list[str]], header: list[str] = HEADER, delimiter: str = ",") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def with_cell(row: int, column: str, value: str, rows: list[list[str]] | None = None) -> list[list[str]]:
    """GOOD with one cell replaced (row numbered from 1 = first data row)."""
    out = [list(r) for r in (rows or GOOD)]
    out[row - 1][HEADER.index(column)] = value
    return out


def write(name: str, data: str | bytes, encoding: str = "utf-8") -> None:
    p = FILES / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))


def padded_csv(path: Path, rows: int, size: int) -> Path:
    """A CSV of ``rows`` good rows (distinct figures) followed by NUL bytes up to ``size`` bytes and a cut-off
    last row: the file of issue 19 that an ingest once accepted as "N rows read: N added". Made at test time
    (tens of MB), never committed."""
    with path.open("wb") as f:
        f.write(b"reporter,partner,flow,period,product,value_usd,source_id\n")
        block = 100_000
        for start in range(0, rows, block):
            f.write(b"".join(f"CHN,KAZ,X,{1990 + i % 36},{100000 + i // 36},{1000 + i},UN-COMTRADE\n".encode()
                             for i in range(start, min(rows, start + block))))
        tail = b"CHN,KAZ,X,2025,1"
        f.write(b"\x00" * max(0, size - f.tell() - len(tail)))
        f.write(tail)
    return path


def good_frame() -> pd.DataFrame:
    return pd.DataFrame(GOOD, columns=HEADER)


def parquet_bytes(df: pd.DataFrame) -> bytes:
    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    return buf.getvalue()


def xlsx_bytes(df: pd.DataFrame) -> bytes:
    buf = io.BytesIO()
    df.to_excel(buf, index=False, engine="openpyxl")
    return buf.getvalue()


def build() -> None:
    FILES.mkdir(parents=True, exist_ok=True)
    for old in FILES.iterdir():
        old.unlink()

    # ---- truncated files ----------------------------------------------------------------
    text = csv_text(GOOD)
    write("truncated_mid_row.csv", text[: text.rindex("CN-GACC") - 3])
    case("truncated_mid_row.csv", "cli-ingest", "ParseError", "line 6 has 5 fields where the header has 8", "row 5", "CSV cut off in the last row")
    write("truncated_mid_field.csv", text[: text.index("\n", 200) - 20] + '"CN-GA')
    case("truncated_mid_field.csv", "api-ingest", "ParseError", "a truncated file", "row 2",
         "CSV cut off inside a quoted field")
    pq = parquet_bytes(good_frame())
    write("truncated.parquet", pq[: len(pq) // 2])
    case("truncated.parquet", "cli-ingest", "ParseError", "cannot read as parquet", "", "Parquet cut in half")
    write("truncated_footer.parquet", pq[:-9])
    case("truncated_footer.parquet", "api-ingest", "ParseError", "cannot read as parquet", "",
         "Parquet missing its last bytes (footer)")
    xl = xlsx_bytes(good_frame())
    write("truncated.xlsx", xl[: len(xl) // 2])
    case("truncated.xlsx", "cli-ingest", "ParseError", "cannot read as xlsx", "", "Excel file cut in half")
    # damage after the first 4 KB: the whole file is checked, not its head (issue 19)
    many = [with_cell(1, "note", f"row {i}") [0] for i in range(1, 120)]
    long_text = csv_text(many)
    write("nul_after_4kb.csv", long_text.encode() + b"\x00" * 3000 + b"CHN,KAZ,X,2025,1")
    case("nul_after_4kb.csv", "cli-ingest", "ParseError", "NUL byte", "row 120, column 'reporter'",
         "CSV of good rows padded with NUL bytes after the first 4 KB, then a cut-off row")
    ragged = long_text.splitlines()
    ragged.insert(90, "CHN,KAZ,X,2025,29700000000,CN-GACC,extra,field,here")
    write("ragged_row_after_4kb.csv", "\n".join(ragged) + "\n")
    case("ragged_row_after_4kb.csv", "api-ingest", "ParseError", "has 9 fields where the header has 8", "row 90",
         "one record with too many fields deep in the file")
    write("unterminated_quote_last_row.csv", long_text + 'CHN,KAZ,X,2025,29700000000,CN-GACC,"The Caspian')
    case("unterminated_quote_last_row.csv", "api-ingest", "ParseError", "never closed", "row 120",
         "the last row cut inside a quoted value (truncated)")
    write("zero_bytes.parquet", b"")
    case("zero_bytes.parquet", "api-ingest", "ParseError", "file is empty", "", "empty Parquet file")

    # ---- delimiter and encoding ---------------------------------------------------------
    eu = [[c.replace(".", ",") for c in r] for r in with_cell(1, "value_usd", "71300000000.5")]
    write("semicolon_decimal_comma.csv", csv_text(eu, delimiter=";"))
    case("semicolon_decimal_comma.csv", "api-ingest", "ParseError", "is not a number", "row 1, column 'value_usd'",
         "European CSV: ';' delimiter and decimal comma")
    write("pipe_delimited_wrong.csv", "reporter|partner|flow|period|value_usd|source_id\n"
          "CHN|KAZ|X|2025|29,700,000,000|CN-GACC\nCHN|KGZ|M|2025|5,200,000,000|CN-GACC\n")
    case("pipe_delimited_wrong.csv", "api-ingest", "ParseError", "is not a number", "row 1, column 'value_usd'",
         "'|'-delimited with thousands separators")
    write("one_column_tab_in_header.csv", "reporter\tpartner\tflow\tperiod\tvalue_usd\tsource_id\n"
          "CHN,KAZ,X,2025,29700000000,CN-GACC\n")
    case("one_column_tab_in_header.csv", "api-ingest", "ParseError", "delimiter", "column",
         "header split by tabs, rows by commas")
    write("utf16.csv", text, encoding="utf-16")
    case("utf16.csv", "cli-ingest", "ParseError", "UTF-16", "", "UTF-16 with BOM")
    write("utf16le_nobom.csv", text, encoding="utf-16-le")
    case("utf16le_nobom.csv", "api-ingest", "ParseError", "UTF-16", "", "UTF-16 LE without BOM")
    cyr_header = ["страна", "партнер", "поток", "период", "стоимость", "источник"]
    cyr = csv_text([r[:6] for r in GOOD], header=cyr_header)
    write("cp1251_cyrillic_header.csv", cyr, encoding="cp1251")
    case("cp1251_cyrillic_header.csv", "cli-ingest", "ParseError", "not UTF-8", "", "Windows-1251 Cyrillic headers")
    write("utf8_cyrillic_header.csv", cyr)
    case("utf8_cyrillic_header.csv", "api-ingest", "ParseError", "unknown column(s) 'страна'", "column 'страна'",
         "Cyrillic headers (UTF-8): not the canonical columns")
    filler = [["CHN", p, "X", f"2024-{m:02d}", str(10**9 + m), "CN-GACC", PUB, "x" * 60]
              for p in ("KAZ", "KGZ", "TJK", "UZB", "TKM") for m in range(1, 13)]
    body = csv_text(filler + [["CHN", "KAZ", "M", "2025", "19000000000", "CN-GACC", PUB, "таможня"]])
    write("cp1251_late_value.csv", body, encoding="cp1251")
    case("cp1251_late_value.csv", "api-ingest", "ParseError", "UTF-8", "", "Windows-1251 byte after the first 4 KB")

    # ---- columns ------------------------------------------------------------------------
    write("missing_flow_column.csv", csv_text([r[:2] + r[3:] for r in GOOD], header=HEADER[:2] + HEADER[3:]))
    case("missing_flow_column.csv", "cli-ingest", "ParseError", "missing required column(s) flow", "column 'flow'",
         "required column missing")
    write("missing_value_column.csv", csv_text([r[:4] + r[5:] for r in GOOD], header=HEADER[:4] + HEADER[5:]))
    case("missing_value_column.csv", "api-ingest", "ParseError", "missing a value column", "column 'value_usd'",
         "no value column at all")
    write("extra_column.csv", csv_text([r + ["ok"] for r in GOOD], header=HEADER + ["comment"]))
    case("extra_column.csv", "api-ingest", "ParseError", "unknown column(s) 'comment'", "column 'comment'",
         "a column that is not canonical")
    write("months_column.csv", csv_text([r + ["11"] for r in GOOD], header=HEADER + ["months"]))
    case("months_column.csv", "api-ingest", "ParseError", "2025-01/2025-11", "column 'months'",
         "a months column instead of a partial period")
    write("both_value_columns.csv", csv_text([r + ["71.3", "billion USD"] for r in GOOD], header=HEADER + ["value", "unit"]))
    case("both_value_columns.csv", "api-ingest", "ParseError", "both value_usd and value", "column 'value'",
         "value_usd and value+unit both given")
    write("header_only.csv", csv_text([]))
    case("header_only.csv", "cli-ingest", "ParseError", "no data rows", "", "header and no rows")
    write("empty.csv", "")
    case("empty.csv", "api-ingest", "ParseError", "file is empty", "", "zero bytes")
    write("blank_lines.csv", "\n\n  \n")
    case("blank_lines.csv", "api-ingest", "ParseError", "file is empty", "", "only blank lines")

    # ---- values -------------------------------------------------------------------------
    write("nonnumeric_space_comma.csv", csv_text(with_cell(2, "value_usd", "35 100 000 000,5")))
    case("nonnumeric_space_comma.csv", "cli-ingest", "ParseError", "'35 100 000 000,5' is not a number",
         "row 2, column 'value_usd'", "'1 234,5' style number")
    write("nonnumeric_na.csv", csv_text(with_cell(3, "value_usd", "n/a")))
    case("nonnumeric_na.csv", "api-ingest", "ParseError", "'n/a' is not a number", "row 3, column 'value_usd'", "'n/a'")
    write("nonnumeric_dash.csv", csv_text(with_cell(4, "value_usd", "—")))
    case("nonnumeric_dash.csv", "api-ingest", "ParseError", "'—' is not a number", "row 4, column 'value_usd'",
         "em dash for a missing value")
    write("nonnumeric_currency.csv", csv_text(with_cell(1, "value_usd", "$71.3bn")))
    case("nonnumeric_currency.csv", "api-ingest", "ParseError", "'$71.3bn' is not a number", "row 1, column 'value_usd'",
         "a value as printed in the news")
    write("infinite_value.csv", csv_text(with_cell(5, "value_usd", "inf")))
    case("infinite_value.csv", "api-ingest", "ParseError", "not a finite number", "row 5, column 'value_usd'", "'inf'")
    write("negative_value.csv", csv_text(with_cell(2, "value_usd", "-35100000000")))
    case("negative_value.csv", "cli-ingest", "ParseError", "negative value", "row 2, column 'value_usd'",
         "negative import value")
    write("absurd_value.csv", csv_text(with_cell(3, "value_usd", "2.97e16")))
    case("absurd_value.csv", "api-ingest", "ParseError", "absurd value", "row 3, column 'value_usd'",
         "value above world trade")
    unit_rows = [r[:4] + ["71.3", "trillion USD"] + r[5:] for r in GOOD[:1]]
    write("unknown_unit.csv", csv_text(unit_rows, header=HEADER[:4] + ["value", "unit"] + HEADER[5:]))
    case("unknown_unit.csv", "api-ingest", "CodeError", "unknown unit 'trillion USD'", "row 1, column 'unit'",
         "a unit we do not scale")
    mixed = [
        ["CHN", "KAZ", "X", "2022", "16300000000", "CN-GACC", PUB, "USD"],
        ["CHN", "KAZ", "X", "2023", "24700000000", "CN-GACC", PUB, "USD"],
        ["CHN", "KAZ", "X", "2024", "24800000", "CN-GACC", PUB, "thousand USD, unmarked"],
        ["CHN", "KAZ", "X", "2025", "29700000000", "CN-GACC", PUB, "USD"],
    ]
    write("mixed_thousands_usd.csv", csv_text(mixed))
    case("mixed_thousands_usd.csv", "cli-ingest", "ParseError", "thousands", "row 3, column 'value_usd'",
         "one year of a series in thousand USD, the rest in USD")
    mixed_rows = [
        ["CHN", "KGZ", "M", "2025", "5200000000", "CN-GACC", PUB, "USD"],
        ["CHN", "KGZ", "M", "2025", "5200000", "CN-GACC", "Xinhua", "thousand USD, unmarked"],
    ]
    write("mixed_thousands_same_period.csv", csv_text(mixed_rows))
    case("mixed_thousands_same_period.csv", "api-ingest", "ParseError", "thousands", "row 2, column 'value_usd'",
         "two publications of one figure, one in thousands")

    # ---- codes --------------------------------------------------------------------------
    write("unknown_reporter.csv", csv_text(with_cell(2, "reporter", "XXX")))
    case("unknown_reporter.csv", "cli-ingest", "CodeError", "unknown reporter 'XXX'", "row 2, column 'reporter'",
         "reporter not an ISO3 code")
    write("unknown_partner.csv", csv_text(with_cell(4, "partner", "KYR")))
    case("unknown_partner.csv", "api-ingest", "CodeError", "unknown partner 'KYR'", "row 4, column 'partner'",
         "IOC-style code for Kyrgyzstan")
    write("iso2_partner.csv", csv_text(with_cell(3, "partner", "KZ")))
    case("iso2_partner.csv", "api-ingest", "CodeError", "unknown partner 'KZ'", "row 3, column 'partner'",
         "ISO2 code where ISO3 is expected")
    write("comtrade_numeric_reporter.csv", csv_text([["156"] + r[1:] for r in GOOD]))
    case("comtrade_numeric_reporter.csv", "cli-ingest", "CodeError", "numeric (Comtrade/M49) code",
         "row 1, column 'reporter'", "Comtrade numeric code 156 for China")
    write("comtrade_numeric_partner.csv", csv_text(with_cell(3, "partner", "398")))
    case("comtrade_numeric_partner.csv", "api-ingest", "CodeError", "numeric (Comtrade/M49) code",
         "row 3, column 'partner'", "Comtrade numeric code 398 for Kazakhstan")
    write("empty_reporter.csv", csv_text(with_cell(5, "reporter", "")))
    case("empty_reporter.csv", "api-ingest", "CodeError", "empty reporter", "row 5, column 'reporter'", "blank reporter")
    write("unknown_flow.csv", csv_text(with_cell(1, "flow", "EXP")))
    case("unknown_flow.csv", "api-ingest", "CodeError", "unknown flow 'EXP'", "row 1, column 'flow'", "flow word")
    write("bad_source_id.csv", csv_text(with_cell(2, "source_id", "china customs")))
    case("bad_source_id.csv", "api-ingest", "CodeError", "bad source id", "row 2, column 'source_id'",
         "source named in words")
    write("reporter_is_partner.csv", csv_text(with_cell(3, "partner", "CHN")))
    case("reporter_is_partner.csv", "api-ingest", "CodeError", "reporter and partner are both CHN",
         "row 3, column 'partner'", "trade with itself")

    # ---- periods ------------------------------------------------------------------------
    write("period_month_13.csv", csv_text(with_cell(2, "period", "2025-13")))
    case("period_month_13.csv", "cli-ingest", "PeriodError", "month out of range", "row 2, column 'period'", "2025-13")
    write("period_q5.csv", csv_text(with_cell(1, "period", "2025-Q5")))
    case("period_q5.csv", "api-ingest", "PeriodError", "quarter must be Q1..Q4", "row 1, column 'period'", "2025-Q5")
    write("period_h3.csv", csv_text(with_cell(4, "period", "2025-H3")))
    case("period_h3.csv", "api-ingest", "PeriodError", "half must be H1 or H2", "row 4, column 'period'", "2025-H3")
    write("period_month_00.csv", csv_text(with_cell(5, "period", "2025-00")))
    case("period_month_00.csv", "api-ingest", "PeriodError", "month out of range", "row 5, column 'period'", "2025-00")
    write("period_backwards_span.csv", csv_text(with_cell(3, "period", "2025-11/2025-01")))
    case("period_backwards_span.csv", "api-ingest", "PeriodError", "ends before it starts", "row 3, column 'period'",
         "span ending before it starts")
    write("period_words.csv", csv_text(with_cell(2, "period", "FY2025")))
    case("period_words.csv", "api-ingest", "PeriodError", "not understood", "row 2, column 'period'", "FY2025")
    write("bad_vintage_date.csv", csv_text([r + ["2025-02-30"] for r in GOOD], header=HEADER + ["vintage"]))
    case("bad_vintage_date.csv", "api-ingest", "ParseError", "'2025-02-30' is not a date", "row 1, column 'vintage'",
         "30 February")
    partial = with_cell(3, "note", "January–November 2025, customs data")
    write("partial_year_note.csv", csv_text(partial))
    case("partial_year_note.csv", "cli-ingest", "PeriodError", "2025-01/2025-11", "row 3, column 'period'",
         "Jan–Nov figure labelled as the full year (note)")
    partial_ru = with_cell(4, "note", "январь-ноябрь 2025 г.")
    write("partial_year_note_ru.csv", csv_text(partial_ru))
    case("partial_year_note_ru.csv", "api-ingest", "PeriodError", "full year", "row 4, column 'period'",
         "Russian 'January–November' note on a full-year period")
    partial_m = with_cell(2, "note", "first 9 months")
    write("partial_year_n_months.csv", csv_text(partial_m))
    case("partial_year_n_months.csv", "api-ingest", "PeriodError", "full year", "row 2, column 'period'",
         "'first 9 months' on a full-year period")

    # ---- duplicates ---------------------------------------------------------------------
    write("duplicate_key_different_values.csv", csv_text(GOOD + [with_cell(3, "value_usd", "29800000000")[2]]))
    case("duplicate_key_different_values.csv", "cli-ingest", "DuplicateError", "two different values for the same figure",
         "rows 3 and 6", "same key twice with different values")

    # ---- not data at all ----------------------------------------------------------------
    html = (
        "<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head>"
        "<body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p>"
        "</body></html>\n"
    )
    write("html_error_page.csv", html)
    case("html_error_page.csv", "cli-ingest", "ParseError", "HTML page", "", "an HTTP error page saved as CSV")
    write("html_error_page.parquet", html)
    case("html_error_page.parquet", "api-ingest", "ParseError", "HTML page", "", "an HTTP error page saved as Parquet")
    write("html_error_page.xlsx", html)
    case("html_error_page.xlsx", "api-ingest", "ParseError", "HTML page", "", "an HTTP error page saved as Excel")
    jerr = json.dumps({"statusCode": 401, "message": "Access denied due to invalid subscription key."})
    write("json_error_body.csv", jerr)
    case("json_error_body.csv", "cli-ingest", "ParseError", "JSON", "", "an API error body saved as CSV")
    write("json_error_body.parquet", jerr)
    case("json_error_body.parquet", "api-ingest", "ParseError", "JSON", "", "an API error body saved as Parquet")
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 4
    write("binary_as_csv.csv", png)
    case("binary_as_csv.csv", "api-ingest", "ParseError", "binary", "", "a PNG saved as .csv")
    write("data.json", json.dumps([dict(zip(HEADER, r, strict=True)) for r in GOOD]))
    case("data.json", "api-ingest", "ParseError", "unsupported file type '.json'", "", "JSON records, not a table file")

    # ---- typed columnar files with bad values -------------------------------------------
    df = good_frame()
    df.loc[1, "value_usd"] = "n/a"
    write("nonnumeric.parquet", parquet_bytes(df))
    case("nonnumeric.parquet", "api-ingest", "ParseError", "'n/a' is not a number", "row 2, column 'value_usd'",
         "Parquet with a text value")
    df = good_frame()
    df["value_usd"] = df["value_usd"].astype(float)
    df.loc[4, "value_usd"] = -3.7e9
    write("negative.parquet", parquet_bytes(df))
    case("negative.parquet", "cli-ingest", "ParseError", "negative value", "row 5, column 'value_usd'",
         "typed Parquet with a negative export")
    df = good_frame()
    df.loc[2, "period"] = "2025-Q5"
    write("bad_period.xlsx", xlsx_bytes(df))
    case("bad_period.xlsx", "api-ingest", "PeriodError", "quarter must be Q1..Q4", "row 3, column 'period'",
         "Excel with 2025-Q5")
    df = good_frame()
    df.loc[0, "partner"] = "398"
    write("comtrade_numeric.xlsx", xlsx_bytes(df))
    case("comtrade_numeric.xlsx", "cli-ingest", "CodeError", "numeric (Comtrade/M49) code", "row 1, column 'partner'",
         "Excel with a Comtrade numeric partner")

    # ---- articles (claim checker input) -------------------------------------------------
    write("article_empty.txt", b"")
    case("article_empty.txt", "api-article", "ParseError", "empty", "", "empty article")
    write("article_whitespace.txt", "  \n\n\t \n")
    case("article_whitespace.txt", "api-article", "ParseError", "empty", "", "article of blank lines")
    write("article_binary.txt", png)
    case("article_binary.txt", "api-article", "ParseError", "binary", "", "a PNG given as an article")
    write("article_pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(64))
    case("article_pdf.txt", "api-article", "ParseError", "binary", "", "a PDF given as an article")
    write("article_cp1251.txt", "Товарооборот Китая и Казахстана в 2025 году составил $48,7 млрд.\n", encoding="cp1251")
    case("article_cp1251.txt", "api-article", "ParseError", "not UTF-8", "byte", "Windows-1251 article")
    write("article_utf16.txt", "China's exports to Central Asia amounted to $71.3 billion.\n", encoding="utf-16")
    case("article_utf16.txt", "api-article", "ParseError", "UTF-16", "", "UTF-16 article")
    # the Kazakh Bureau of National Statistics' 2022 figures with China (data/national_ca_china.csv), written in Russian
    write("article_russian.txt", "Товарооборот Казахстана и Китая в 2022 году составил 24,2 млрд долларов США. "
          "Экспорт Казахстана в Китай достиг 13,1 млрд долларов, импорт из Китая составил 11,1 млрд долларов.\n")
    case("article_russian.txt", "api-article", "ParseError", "not in English", "", "an article in Russian")
    write("article_russian_cli.txt", "Товарооборот Казахстана и Китая в 2022 году составил 24,2 млрд долларов США.\n")
    case("article_russian_cli.txt", "cli-check", "ParseError", "Cyrillic", "", "a Russian article on the command line")
    write("article_binary_cli.txt", png)
    case("article_binary_cli.txt", "cli-check", "ParseError", "binary", "", "binary article on the command line")
    write("article_empty_cli.txt", b"")
    case("article_empty_cli.txt", "cli-check", "ParseError", "empty", "", "empty article on the command line")

    # ---- bodies served as data (sources/http.py check_body) ------------------------------
    write("http_html_200.json", html)
    case("http_html_200.json", "http-check", "SourceError", "HTML page was served instead of data", "http://127.0.0.1",
         "HTML page with status 200 where JSON was expected")
    write("http_json_error.json", json.dumps({"error": "Invalid reporterCode: 999"}))
    case("http_json_error.json", "http-check", "SourceError", "Invalid reporterCode: 999", "http://127.0.0.1",
         "Comtrade-style JSON error body")
    write("http_json_truncated.json", json.dumps({"data": [dict(zip(HEADER, r, strict=True)) for r in GOOD]})[:150])
    case("http_json_truncated.json", "http-check", "SourceError", "not valid JSON", "http://127.0.0.1",
         "JSON body cut off")
    sdmx_err = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<mes:Error xmlns:mes="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message">'
        '<mes:ErrorMessage code="100"><com:Text xmlns:com="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">'
        "No results matching the query.</com:Text></mes:ErrorMessage></mes:Error>\n"
    )
    write("http_sdmx_error.xml", sdmx_err)
    case("http_sdmx_error.xml", "http-check", "SourceError", "SDMX error message", "http://127.0.0.1",
         "SDMX error message served as data")

    # ---- SDMX with a structure the IMF parser does not know ------------------------------
    unknown = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<message:StructureSpecificData xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message" '
        'xmlns:ss="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific" '
        'xmlns:ns1="urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=XX:DSD_UNKNOWN(9.9):ObsLevelDim:TIME_PERIOD">'
        "<message:Header><message:ID>unknown</message:ID><message:Test>false</message:Test>"
        "<message:Prepared>2026-01-01T00:00:00</message:Prepared>"
        '<message:Sender id="XX"/>'
        '<message:Structure structureID="XX_DSD_UNKNOWN" namespace="urn:sdmx:org.sdmx.infomodel.datastructure.'
        'DataStructure=XX:DSD_UNKNOWN(9.9):ObsLevelDim:TIME_PERIOD" dimensionAtObservation="TIME_PERIOD">'
        '<common:Structure xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">'
        '<Ref agencyID="XX" id="DSD_UNKNOWN" version="9.9"/></common:Structure></message:Structure>'
        "</message:Header>"
        '<message:DataSet ss:structureRef="XX_DSD_UNKNOWN" xsi:type="ns1:DataSetType" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<Series FOO="A" BAR="B"><Obs TIME_PERIOD="2025" OBS_VALUE="12.5"/></Series>'
        "</message:DataSet></message:StructureSpecificData>\n"
    )
    write("sdmx_unknown_structure.xml", unknown)
    case("sdmx_unknown_structure.xml", "api-sdmx", "SourceError", "not an IMF IMTS message", "sdmx_unknown_structure.xml",
         "SDMX data message for a structure the IMF parser does not know")
    write("http_xml_truncated.xml", unknown[: len(unknown) - 60])
    case("http_xml_truncated.xml", "http-check", "SourceError", "not well-formed XML", "http://127.0.0.1",
         "SDMX data message cut off")
    write("sdmx_not_sdmx.xml", '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>news</title></channel></rss>\n')
    case("sdmx_not_sdmx.xml", "api-sdmx", "SourceError", "cannot read the SDMX message", "sdmx_not_sdmx.xml", "an RSS feed where SDMX was expected")

    with (HERE / "manifest.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["file", "entry", "error", "message", "where", "what"], lineterminator="\n")
        w.writeheader()
        w.writerows(MANIFEST)
    names = {m["file"] for m in MANIFEST}
    on_disk = {p.name for p in FILES.iterdir()}
    assert names == on_disk, names ^ on_disk


if __name__ == "__main__":
    build()
    print(f"{len(MANIFEST)} cases in {HERE / 'manifest.csv'}")
