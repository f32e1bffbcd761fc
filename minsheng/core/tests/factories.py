"""A plausible (invented) State Council notice for 2027, for tests of the import."""

import csv
import io
from datetime import date

from openpyxl import Workbook

# Invented for the tests; shaped like a real notice (元旦, 春节 with two make-up Saturdays…).
NOTICE_2027 = [
    ("2027-01-01", "休", "元旦"),
    ("2027-01-02", "休", "元旦"),
    ("2027-01-03", "休", "元旦"),
    ("2027-02-06", "休", "春节"),
    ("2027-02-07", "休", "春节"),
    ("2027-02-08", "休", "春节"),
    ("2027-02-09", "休", "春节"),
    ("2027-02-10", "休", "春节"),
    ("2027-02-11", "休", "春节"),
    ("2027-02-12", "休", "春节"),
    ("2027-02-13", "休", "春节"),
    ("2027-02-14", "休", "春节"),
    ("2027-02-20", "班", "春节"),
    ("2027-10-01", "holiday", "国庆节"),
    ("2027-10-07", "holiday", "国庆节"),
    ("2027-10-09", "workday", "国庆节"),
]


def notice_csv(rows=NOTICE_2027, header=True, encoding="utf-8-sig") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    if header:
        writer.writerow(["日期", "类型", "名称"])
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def notice_xlsx(rows=NOTICE_2027, as_dates=True) -> bytes:
    """An Excel file as staff make it: real date cells, a header row."""
    book = Workbook()
    sheet = book.active
    sheet.append(["日期", "类型", "名称"])
    for day, kind, name in rows:
        sheet.append([date.fromisoformat(day) if as_dates else day, kind, name])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
